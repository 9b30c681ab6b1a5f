//! The charts on period, department and overview pages (OUTPUT.md): compliance per step
//! over the periods up to the page's, with the targets of `[targets]`, and a department's
//! durations against the limits. Values worked out by hand from
//! `tests/fixtures/site/small/README.md`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::support::pages::site_files;
use crate::support::{build_work, fixture, repo, workdir};

/// The small fixture's site, built with `[targets] pemantauan = 90, end_to_end = 80`.
fn small_with_targets() -> &'static BTreeMap<String, String> {
    static SITE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    SITE.get_or_init(|| {
        let work = workdir(&fixture("site/small"));
        let config = work.path().join("patuh.toml");
        let mut text = std::fs::read_to_string(&config).unwrap();
        text.push_str("\n[targets]\npemantauan = 90\nend_to_end = 80\n");
        std::fs::write(&config, text).unwrap();
        let out = work.path().join("site");
        build_work(work.path(), &out);
        texts(&out)
    })
}

fn texts(out: &std::path::Path) -> BTreeMap<String, String> {
    site_files(out)
        .into_iter()
        .filter(|(path, _)| !path.ends_with(".xlsx"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

fn page(path: &str) -> &'static str {
    small_with_targets()
        .get(path)
        .unwrap_or_else(|| panic!("no {path}"))
}

/// The chart of step `id` on a page.
fn chart<'a>(page: &'a str, id: &str) -> &'a str {
    let open = format!("aria-labelledby=\"tren-{id}-t tren-{id}-d\"");
    let at = page.find(&open).unwrap_or_else(|| panic!("no chart {id}"));
    let start = page[..at].rfind("<svg").unwrap();
    let end = at + page[at..].find("</svg>").unwrap() + "</svg>".len();
    &page[start..end]
}

#[test]
fn a_week_page_charts_every_step_over_the_weeks_up_to_it_with_the_targets() {
    let page = page("minggu/2026-W45/index.html");
    // One chart per step, end-to-end last, each captioned with the step's name.
    assert_eq!(page.matches("<figure class=\"trend\">").count(), 4);
    // README: pemantauan 80,0 % in W44 (4 met, 1 breached), 100,0 % in W45; both weeks
    // partial (the data starts on 26 Oct at 08.00 and ends at the as-of, 4 Nov).
    let p = chart(page, "pemantauan");
    assert!(p.contains(
        "<desc id=\"tren-pemantauan-d\">Pekan 44: 80,0% (periode belum lengkap); Pekan 45: \
         100,0% (periode belum lengkap); target 90%</desc>"
    ));
    // Two slots of 153 from x = 44: 120.5 and 273.5. y = 130 − percent: 80 % at 50,
    // 100 % at 30, the 90 % target at 40.
    assert!(p.contains(r#"<line x1="44" x2="350" y1="40.0" y2="40.0" class="target"/>"#));
    assert!(p.contains(r#"<text x="72" y="160" class="axis">target 90%</text>"#));
    assert!(p.contains(r#"<path d="M120.5 50.0 L273.5 30.0" class="series"/>"#));
    // 80 % is below the target: a hollow (partial) downward triangle; its value goes under
    // the point, since the target line would cross it above.
    assert!(p.contains(
        r#"<path d="M115.5 46.0 L125.5 46.0 L120.5 55.0 Z" class="pt below partial"><title>Pekan 44: 80,0% (periode belum lengkap)</title></path><text x="120.5" y="66.0" class="value" text-anchor="middle">80,0</text><text x="120.5" y="144.0" class="axis" text-anchor="middle">44</text>"#
    ), "{p}");
    assert!(p.contains(
        r#"<circle cx="273.5" cy="30.0" r="4" class="pt partial"><title>Pekan 45: 100,0% (periode belum lengkap)</title></circle><text x="273.5" y="22.0" class="value" text-anchor="middle">100,0</text><text x="273.5" y="144.0" class="axis" text-anchor="middle">45</text>"#
    ), "{p}");
    // End-to-end: 60,0 % then 100,0 %, against 80 % (y = 50).
    let e = chart(page, "end_to_end");
    assert!(e.contains(r#"y1="50.0" y2="50.0" class="target"/>"#));
    assert!(e.contains(r#"<path d="M120.5 70.0 L273.5 30.0" class="series"/>"#));
    assert!(
        e.contains(r#"<text x="120.5" y="62.0" class="value" text-anchor="middle">60,0</text>"#)
    );
    // Penerusan has no target: no line, circles only (75,0 % then 50,0 %).
    let f = chart(page, "penerusan");
    assert!(!f.contains("target"));
    assert!(!f.contains("below"));
    assert!(f.contains(r#"<path d="M120.5 55.0 L273.5 80.0" class="series"/>"#));
    // The numbers as a table, partial periods marked, the targets last.
    assert!(page.contains(
        "<tr><th scope=\"row\">Pekan ke-44 (26 Oktober – 1 November 2026)*</th><td class=\"num\">80,0%</td><td class=\"num\">80,0%</td><td class=\"num\">75,0%</td><td class=\"num\">60,0%</td></tr>"
    ));
    assert!(page.contains(
        "<tr><th scope=\"row\">Target</th><td class=\"num\">90%</td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">80%</td></tr>"
    ));
    let md = self::page("minggu/2026-W45/index.md");
    assert!(md.contains(
        "| Pekan ke-45 (2–8 November 2026)\\* | 100,0% | 100,0% | 50,0% | 100,0% |\n| Target | 90% | – | – | 80% |\n"
    ), "{md}");
}

#[test]
fn a_month_page_charts_the_months_with_short_names() {
    let page = page("bulan/2026-11/index.html");
    // README: end-to-end 50,0 % in October, 100,0 % in November.
    let e = chart(page, "end_to_end");
    assert!(e.contains(
        "Oktober 2026: 50,0% (periode belum lengkap); November 2026: 100,0% (periode belum \
         lengkap); target 80%</desc>"
    ));
    assert!(e.contains(r#"<path d="M120.5 80.0 L273.5 30.0" class="series"/>"#));
    assert!(e.contains(r#"<text x="120.5" y="144.0" class="axis" text-anchor="middle">Okt</text>"#));
    assert!(e.contains(r#"<text x="273.5" y="144.0" class="axis" text-anchor="middle">Nov</text>"#));
    assert!(e.contains(r#"<text x="350" y="160.0" class="axis" text-anchor="end">Bulan</text>"#));
    assert!(page.contains("<h2>Tren kepatuhan per tahap, hingga 12 bulan terakhir</h2>"));
}

#[test]
fn a_department_page_charts_the_department_and_leaves_gaps_where_nothing_was_measured() {
    // Dinas Perhubungan: penerusan 66,7 % in W44 (2 met, 1 breached), 0,0 % in W45 (S09
    // breached): y = 130 − 66.7 = 63.3 and 130.
    let page = page("minggu/2026-W45/dinas-perhubungan.html");
    let f = chart(page, "penerusan");
    assert!(
        f.contains(r#"<path d="M120.5 63.3 L273.5 130.0" class="series"/>"#),
        "{f}"
    );
    assert!(
        f.contains(r#"<text x="273.5" y="122.0" class="value" text-anchor="middle">0,0</text>"#)
    );
    let md = self::page("minggu/2026-W45/dinas-perhubungan.md");
    assert!(
        md.contains(
            "| Pekan ke-44 (26 Oktober – 1 November 2026)\\* | 66,7% | 100,0% | 66,7% | 33,3% |\n\
         | Pekan ke-45 (2–8 November 2026)\\* | 100,0% | 100,0% | 0,0% | 100,0% |\n"
        ),
        "{md}"
    );
    // Belum Didisposisi has no item in W44, and its one item in W45 (S08) is still within
    // its limits: pemantauan measured (100,0 %), end-to-end not (pending).
    let page = self::page("minggu/2026-W45/belum-didisposisi.html");
    let p = chart(page, "pemantauan");
    assert!(p.contains("<desc id=\"tren-pemantauan-d\">Pekan 44: tidak ada item terukur; Pekan 45: 100,0% (periode belum lengkap); target 90%</desc>"));
    assert!(p.contains(r#"<path d="M273.5 30.0" class="series"/>"#));
    assert!(!p.contains(r#"cx="120.5""#) && !p.contains("M115.5"));
    assert!(p.contains(r#"<text x="120.5" y="144.0" class="axis" text-anchor="middle">44</text>"#));
    let e = chart(page, "end_to_end");
    assert!(!e.contains("class=\"series\"") && !e.contains("class=\"value\""));
    let md = self::page("minggu/2026-W45/belum-didisposisi.md");
    assert!(md.contains("| Pekan ke-44 (26 Oktober – 1 November 2026)\\* | – | – | – | – |\n"));
}

#[test]
fn the_overview_charts_the_latest_weeks() {
    let page = page("index.html");
    let e = chart(page, "end_to_end");
    assert!(e.contains(r#"<path d="M120.5 70.0 L273.5 30.0" class="series"/>"#));
    let md = self::page("index.md");
    assert!(md.contains("## Tren kepatuhan per tahap, hingga 12 pekan terakhir\n"));
}

#[test]
fn durations_beyond_the_axis_are_marked_with_the_longest() {
    let work = workdir(repo());
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = texts(&out);
    let html = &files["minggu/2026-W47/dinas-perhubungan.html"];
    let md = &files["minggu/2026-W47/dinas-perhubungan.md"];
    // The steps table says the longest disposisi took 59 mnt and the longest penerusan
    // 2 jam 29 mnt: beyond their axes (30 and 45 mnt), so marked at the end with the real
    // value, never clamped silently.
    assert!(md.contains("| Analisis & disposisi | 10 mnt | 90% | 90,9% (10 dari 11) | 10 | 1 | 0 | 0 | 0 | 0 | 0 | 8 mnt | 9 mnt | 59 mnt |"));
    assert!(md.contains("| 9 mnt | 45 mnt | 2 jam 29 mnt |"));
    assert!(
        html.contains(r#"<text x="330.0" y="142.0" class="axis" text-anchor="end">30 mnt</text>"#)
    );
    assert!(html.contains(
        r#"<path d="M334.0 120.0 L346.0 126.0 L334.0 132.0 Z" class="beyond"/><text x="330" y="156.0" class="axis beyond-label" text-anchor="end">1 item di luar skala, terlama 59 mnt</text>"#
    ));
    assert!(html.contains(">1 item di luar skala, terlama 2 jam 29 mnt</text>"));
    // The text alternative names each step's count, those over the limit and the longest.
    assert!(html
        .contains("Analisis &amp; disposisi: 11 item, 1 melewati batas 10 mnt, terlama 59 mnt."));
    // The limit of an hour sits at a third of the 3-hour axis: 12 + 318 / 3 = 118.
    assert!(html.contains(r#"<line x1="118.0" x2="118.0" y1="26.0" y2="47.0" class="limit"/><text x="122.0" y="30.0" class="axis">batas 1 jam</text>"#));
}
