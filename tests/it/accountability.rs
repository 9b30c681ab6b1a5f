//! A report leadership acts on (the period, department and history pages): each person
//! shown only against the steps they own (SOP.md "Who is measured"), departments as what
//! they received and not as a ranking of their performance, the pseudo-departments apart,
//! periods the data does not cover completely said so (METRICS.md "Periods that are not
//! complete"), the as-of line with its source, the signature dated the as-of day, and
//! figures below their target marked in words (CONFIG.md `[targets]`).
//!
//! Fixture: `tests/fixtures/site/accountability/` (its README.md works out every number).

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::pages::{md_tables, site_files, text};
use crate::support::{build_work, fixture, patuh, workdir};

/// The accountability fixture's site (as-of from the data), built once: path → text.
fn site() -> &'static BTreeMap<String, String> {
    static SITE: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let work = workdir(&fixture("site/accountability"));
        let out = work.path().join("site");
        let outcome = build_work(work.path(), &out);
        assert_eq!(outcome.ledger.rows.included, 8);
        assert_eq!(
            outcome.ledger.issues.len(),
            0,
            "{:?}",
            outcome.ledger.issues
        );
        texts(&out)
    })
}

/// The site's pages, path → text; HTML without the cells' `data-label` attributes (the
/// labels of stacked tables on phones, checked in `overview.rs`), so that the assertions
/// here read the figures.
fn texts(out: &Path) -> BTreeMap<String, String> {
    site_files(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html") || path.ends_with(".md"))
        .map(|(path, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            let text = if path.ends_with(".html") {
                without_labels(&text)
            } else {
                text
            };
            (path, text)
        })
        .collect()
}

/// `html` without its ` data-label="…"` attributes.
fn without_labels(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(" data-label=\"") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " data-label=\"".len()..];
        rest = &after[after.find('"').map_or(after.len(), |q| q + 1)..];
    }
    out.push_str(rest);
    out
}

fn page(path: &str) -> &'static str {
    site()
        .get(path)
        .unwrap_or_else(|| panic!("no {path}"))
        .as_str()
}

/// The Markdown table of `md` whose header row starts with `first`.
fn md_table(md: &str, first: &str) -> Vec<Vec<String>> {
    md_tables(md)
        .into_iter()
        .find(|t| t[0][0] == first)
        .unwrap_or_else(|| panic!("no table headed {first:?}"))
}

/// Rows of cells, from `|`-separated lines.
fn rows(lines: &[&str]) -> Vec<Vec<String>> {
    lines
        .iter()
        .map(|l| l.split(" | ").map(str::to_string).collect())
        .collect()
}

const WEEK: &str = "minggu/2026-W47/index";

// =======================================================================================
// Who is measured

#[test]
fn each_person_is_shown_only_against_the_steps_they_own() {
    let md = page(&format!("{WEEK}.md"));
    // README.md: the admins on pemantauan and penerusan, the Kasi on disposisi only.
    assert_eq!(
        md_table(md, "Admin Medsos"),
        rows(&[
            "Admin Medsos | Item | Pemantauan & penyampaian ke Kasi | Penerusan ke Perangkat Daerah | Lewat batas (masih terbuka)",
            "Rina | 3 | 100,0% (3 dari 3) | 100,0% (2 dari 2) | 0",
            "Sari | 3 | 66,7% ▼ (2 dari 3) | 50,0% (1 dari 2) | 0",
        ])
    );
    assert_eq!(
        md_table(md, "Kasi"),
        rows(&[
            "Kasi | Item | Analisis & disposisi | Lewat batas (masih terbuka)",
            "Ani Suryani | 3 | 100,0% (3 dari 3) | 0",
            "Budi Hartono | 2 | 50,0% ▼ (1 dari 2) | 0",
            "(tidak tercatat) | 1 | – | 0",
        ])
    );
    assert!(md.contains("## Menurut petugas\n\nSetiap orang hanya dinilai pada tahap yang menjadi tugasnya (SOP: siapa yang diukur).\n"));
    // The old table scoring admins on every step, the Kasi's included, is gone.
    assert!(!md.contains("Menurut admin"));

    let html = page(&format!("{WEEK}.html"));
    assert!(html.contains("<caption>Admin Medsos</caption>\n<thead><tr><th scope=\"col\">Admin Medsos</th><th scope=\"col\">Item</th><th scope=\"col\">Pemantauan &amp; penyampaian ke Kasi</th><th scope=\"col\">Penerusan ke Perangkat Daerah</th><th scope=\"col\">Lewat batas (masih terbuka)</th></tr></thead>"));
    assert!(html.contains("<caption>Kasi</caption>\n<thead><tr><th scope=\"col\">Kasi</th><th scope=\"col\">Item</th><th scope=\"col\">Analisis &amp; disposisi</th><th scope=\"col\">Lewat batas (masih terbuka)</th></tr></thead>"));
    assert!(html.contains("<tr><th scope=\"row\">Budi Hartono</th><td class=\"num\">2</td><td class=\"num below\" data-sort=\"500\"><span class=\"pct\">50,0%</span> <span class=\"mark\">▼</span> <small class=\"cnt\">(1 dari 2)</small></td><td class=\"num\">0</td></tr>"));
    assert!(html.contains("<tr><th scope=\"row\">(tidak tercatat)</th><td class=\"num\">1</td><td class=\"num\" data-sort=\"-1\"><span class=\"pct\">–</span></td><td class=\"num\">0</td></tr>"));
    // No note about a missing column: both actor columns are there.
    assert!(!html.contains("Data tidak memuat kolom"));
}

#[test]
fn a_step_whose_doer_the_data_does_not_record_says_so() {
    // The small fixture has an Admin column and no column naming the Kasi.
    let work = workdir(&fixture("site/small"));
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    let md = text(&files, "minggu/2026-W45/index.md");
    assert!(md.contains(
        "\n| Rina | 2 | 100,0% (2 dari 2) | 50,0% (1 dari 2) | 0 |\n| Sari | 2 | 100,0% (2 dari 2) | – | 0 |\n\nData tidak memuat kolom yang mencatat siapa mengerjakan tahap Analisis & disposisi (kolom disposed_by, misalnya “Kasi”): tahap ini tidak dapat dirinci per orang.\n"
    ));
    assert!(!md.contains("| Kasi |"));
    assert!(text(&files, "minggu/2026-W45/index.html").contains(
        "<p class=\"note\">Data tidak memuat kolom yang mencatat siapa mengerjakan tahap Analisis &amp; disposisi (kolom disposed_by, misalnya “Kasi”): tahap ini tidak dapat dirinci per orang.</p>"
    ));
}

#[test]
fn departments_are_what_they_received_not_a_ranking_and_small_ones_get_no_place() {
    let md = page(&format!("{WEEK}.md"));
    assert!(md.contains("## Menurut Perangkat Daerah tujuan\n\nApa yang diterima setiap Perangkat Daerah dan seberapa cepat Diskominfo menanganinya sampai disampaikan kepadanya, bukan kinerja Perangkat Daerah itu sendiri: tindak lanjut oleh Perangkat Daerah berada di luar SOP ini.\n"));
    // min_items = 3: Dinas Perhubungan (3 items) has place 1, Dinas Kesehatan (1) none.
    assert_eq!(
        md_table(md, "Urutan"),
        rows(&[
            "Urutan | Perangkat Daerah | Total (posting sampai selesai di Diskominfo) | Item | Pemantauan & penyampaian ke Kasi | Analisis & disposisi | Penerusan ke Perangkat Daerah | Lewat batas (masih terbuka)",
            "1 | Dinas Perhubungan | 66,7% ▼ (2 dari 3) | 3 | 66,7% ▼ (2 dari 3) | 66,7% ▼ (2 dari 3) | 100,0% (3 dari 3) | 0",
            "– | Dinas Kesehatan | 100,0% (1 dari 1) | 1 | 100,0% (1 dari 1) | 100,0% (1 dari 1) | 0,0% (0 dari 1) | 0",
        ])
    );
    assert!(md.contains(
        "\n– tanpa urutan: kurang dari 3 item dalam periode ini, terlalu sedikit untuk dibandingkan.\n"
    ));
    let html = page(&format!("{WEEK}.html"));
    assert!(html.contains("<caption>Menurut Perangkat Daerah tujuan</caption>"));
    assert!(html.contains("<tr><td class=\"num rank\">–</td><th scope=\"row\"><a href=\"..&#x2F;..&#x2F;minggu&#x2F;2026-W47&#x2F;dinas-kesehatan.html\">Dinas Kesehatan</a></th>"));
    assert!(html.contains("<p class=\"note\">– tanpa urutan: kurang dari 3 item dalam periode ini, terlalu sedikit untuk dibandingkan.</p>"));
    for (path, src) in site() {
        if path.starts_with("minggu/") || path.starts_with("bulan/") || path.starts_with("pd/") {
            assert!(!src.contains("Peringkat"), "{path} ranks");
        }
    }
    // The department's own page says what its figures are.
    assert!(page("minggu/2026-W47/dinas-perhubungan.md").contains("\nAngka di halaman ini menunjukkan apa yang diterima Dinas Perhubungan dan seberapa cepat Diskominfo menanganinya sampai disampaikan kepadanya, bukan kinerja Dinas Perhubungan sendiri.\n"));
    assert!(page("pd/dinas-perhubungan.html")
        .contains("<p>Angka di halaman ini menunjukkan apa yang diterima Dinas Perhubungan"));

    // With the default min_items (10) neither department has a place.
    let work = workdir(&fixture("site/accountability"));
    let toml = std::fs::read_to_string(work.path().join("patuh.toml")).unwrap();
    std::fs::write(
        work.path().join("patuh.toml"),
        toml.replace("[ranking]\nmin_items = 3\n", ""),
    )
    .unwrap();
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let md = texts(&out)[&format!("{WEEK}.md")].clone();
    let places: Vec<String> = md_table(&md, "Urutan")[1..]
        .iter()
        .map(|r| format!("{} {}", r[0], r[1]))
        .collect();
    assert_eq!(places, ["– Dinas Kesehatan", "– Dinas Perhubungan"]);
    assert!(md.contains("\n– tanpa urutan: kurang dari 10 item dalam periode ini"));
}

#[test]
fn every_percentage_shows_its_count() {
    let html = page(&format!("{WEEK}.html"));
    // The glance list, the steps table and a group's cell.
    assert!(html.contains("<span class=\"gpct\">75,0% <small class=\"cnt\">(3 dari 4)</small> <small>(−25,0 poin †)</small></span>"));
    assert!(html.contains("<td class=\"num\"><span class=\"pct\">75,0%</span> <small class=\"cnt\">(3 dari 4)</small><span class=\"meter\""));
    assert!(html.contains("<td class=\"num\" data-sort=\"0\"><span class=\"pct\">0,0%</span> <small class=\"cnt\">(0 dari 1)</small></td>"));
    let md = page(&format!("{WEEK}.md"));
    assert!(md.contains("\n- **Penerusan ke Perangkat Daerah: 75,0%** (3 dari 4) (−25,0 poin †) · tepat waktu 3 · terlambat 1 · median 10 mnt / 15 mnt\n"));
    // The department page and the history page too.
    assert!(page("minggu/2026-W47/dinas-kesehatan.md").contains(
        "| Penerusan ke Perangkat Daerah | 15 mnt | – | 0,0% (0 dari 1) | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 25 mnt | 25 mnt | 25 mnt | – |"
    ));
    assert!(page("pd/dinas-perhubungan.md").contains(
        "| [Pekan ke-47 (16–22 November 2026)](../minggu/2026-W47/dinas-perhubungan.md) (belum lengkap) | 66,7% ▼ (2 dari 3) | 3 | 66,7% ▼ (2 dari 3) | 66,7% ▼ (2 dari 3) | 100,0% (3 dari 3) | 0 |"
    ));
}

#[test]
fn pseudo_departments_are_apart_and_have_no_history() {
    let md = page(&format!("{WEEK}.md"));
    assert_eq!(
        md_table(md, "Kelompok"),
        rows(&[
            "Kelompok | Total (posting sampai selesai di Diskominfo) | Item | Pemantauan & penyampaian ke Kasi | Analisis & disposisi | Penerusan ke Perangkat Daerah | Lewat batas (masih terbuka)",
            "Belum Didisposisi | – | 1 | 100,0% (1 dari 1) | – | – | 0",
            "Dijawab Langsung | 100,0% (1 dari 1) | 1 | 100,0% (1 dari 1) | 100,0% (1 dari 1) | – | 0",
        ])
    );
    let departments = md.find("## Menurut Perangkat Daerah tujuan").unwrap();
    let others = md
        .find("## Kelompok lain (bukan Perangkat Daerah)")
        .unwrap();
    assert!(departments < others);
    assert!(!md[departments..others].contains("Dijawab Langsung"));
    // History pages for the two departments only, and no link to any other.
    let history: Vec<&str> = site()
        .keys()
        .filter(|p| p.starts_with("pd/"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        history,
        [
            "pd/dinas-kesehatan.html",
            "pd/dinas-kesehatan.md",
            "pd/dinas-perhubungan.html",
            "pd/dinas-perhubungan.md"
        ]
    );
    for (path, src) in site() {
        for pseudo in ["pd/belum-didisposisi", "pd/dijawab-langsung"] {
            assert!(!src.contains(pseudo), "{path} links {pseudo}");
        }
    }
    // A pseudo-department's page says what it is and has no history link.
    let pseudo = page("minggu/2026-W47/dijawab-langsung.md");
    assert!(pseudo.contains("\nDijawab Langsung bukan Perangkat Daerah, melainkan kelompok item yang tidak diteruskan ke Perangkat Daerah terdaftar; angka di halaman ini menunjukkan seberapa cepat Diskominfo menanganinya.\n"));
    assert!(!pseudo.contains("Riwayat Perangkat Daerah"));
    assert!(!page("minggu/2026-W47/dijawab-langsung.html").contains("Riwayat Perangkat Daerah"));
    assert!(page("minggu/2026-W47/dinas-kesehatan.md")
        .contains(" · [Riwayat Perangkat Daerah](../../pd/dinas-kesehatan.md)\n"));
}

// =======================================================================================
// Periods that are not complete, the as-of line, the signature

#[test]
fn periods_the_data_does_not_cover_say_which_part_it_does() {
    // README.md: the data runs from Thursday 12 November 09.00 to Thursday 19 November
    // 14.30 (the as-of).
    let until = "Periode ini belum lengkap: data s.d. Kamis, 19 November 2026 14.30 WIB.";
    let from = "Periode ini belum lengkap: data mulai Kamis, 12 November 2026 09.00 WIB.";
    let both = "Periode ini belum lengkap: data mulai Kamis, 12 November 2026 09.00 WIB, data s.d. Kamis, 19 November 2026 14.30 WIB.";
    for (stem, notice) in [
        (WEEK, until),
        ("minggu/2026-W47/dinas-perhubungan", until),
        ("minggu/2026-W46/index", from),
        ("minggu/2026-W46/dinas-perhubungan", from),
        ("bulan/2026-11/index", both),
    ] {
        assert!(
            page(&format!("{stem}.md")).contains(&format!("\n\n**{notice}**\n\n")),
            "{stem}.md"
        );
        assert!(
            page(&format!("{stem}.html")).contains(&format!("<p class=\"notice\">{notice}</p>")),
            "{stem}.html"
        );
    }
    // The changes of W47 compare two partial weeks: marked, and the note says which.
    let note = "† Dibandingkan dengan periode yang datanya belum lengkap (Pekan ke-47 (16–22 November 2026): data s.d. Kamis, 19 November 2026 14.30 WIB; Pekan ke-46 (9–15 November 2026): data mulai Kamis, 12 November 2026 09.00 WIB): angkanya masih dapat berubah.";
    let md = page(&format!("{WEEK}.md"));
    assert!(md.contains(&format!("\n\n{note}\n")));
    assert!(md.contains(" | 30 mnt | 1 jam 30 mnt | 1 jam 30 mnt | +33,3 poin † |\n"));
    assert!(page(&format!("{WEEK}.html")).contains(&format!("<p class=\"note\">{note}</p>")));
    assert!(page(&format!("{WEEK}.html"))
        .contains("<td class=\"num\"><span class=\"chg\">+33,3 poin †</span></td>"));
    // W46 has nothing before it to compare with.
    assert!(!page("minggu/2026-W46/index.md").contains('†'));
    // The history marks the partial periods.
    assert!(page("pd/dinas-perhubungan.html").contains("<th scope=\"row\"><a href=\"..&#x2F;bulan&#x2F;2026-11&#x2F;dinas-perhubungan.html\">Bulan November 2026</a> <small class=\"partial\">(belum lengkap)</small></th>"));

    // As of Monday 23 November 00.00 W47 is complete; its changes still compare with the
    // partial W46, and the note names only W46.
    let work = workdir(&fixture("site/accountability"));
    patuh(
        work.path(),
        &["build", "--out", "site", "--as-of", "23/11/2026 00.00"],
    )
    .success();
    let later = texts(&work.path().join("site"));
    let md = &later[&format!("{WEEK}.md")];
    assert!(!md.contains("Periode ini belum lengkap"));
    assert!(md.contains("\n\n† Dibandingkan dengan periode yang datanya belum lengkap (Pekan ke-46 (9–15 November 2026): data mulai Kamis, 12 November 2026 09.00 WIB): angkanya masih dapat berubah.\n"));
    assert!(later["bulan/2026-11/index.md"].contains(
        "**Periode ini belum lengkap: data mulai Kamis, 12 November 2026 09.00 WIB, data s.d. Senin, 23 November 2026 00.00 WIB.**"
    ));
    // W47 has settled: its one item still open, T6, went past the limits of its
    // disposition (14.40) and of its whole handling (15.10) on the 19th, and stays overdue
    // at any later as-of. Signed on the week's last day, not on the as-of day.
    assert!(md.contains("\nBekasi, 22 November 2026\n"), "{md}");
}

#[test]
fn the_as_of_line_says_what_it_is_and_where_it_came_from() {
    let line = |source: &str| {
        format!("<p class=\"asof\">Kondisi per: <strong>Kamis, 19 November 2026 14.30 WIB</strong> (saat item dinilai; {source})</p>")
    };
    // From the data.
    for path in [
        format!("{WEEK}.html"),
        "minggu/2026-W47/dinas-perhubungan.html".to_string(),
        "pd/dinas-perhubungan.html".to_string(),
        "index.html".to_string(),
    ] {
        assert!(
            page(&path).contains(&line("waktu terakhir dalam data")),
            "{path}"
        );
    }
    for path in [
        format!("{WEEK}.md"),
        "minggu/2026-W47/dinas-perhubungan.md".to_string(),
        "pd/dinas-perhubungan.md".to_string(),
    ] {
        assert!(
            page(&path).contains("Kondisi per: **Kamis, 19 November 2026 14.30 WIB** (saat item dinilai; waktu terakhir dalam data)\n"),
            "{path}"
        );
    }
    // From the command line, then from patuh.toml (the same moment, written otherwise).
    let work = workdir(&fixture("site/accountability"));
    patuh(
        work.path(),
        &["build", "--out", "flag", "--as-of", "19/11/2026 14.30"],
    )
    .success();
    let toml = std::fs::read_to_string(work.path().join("patuh.toml")).unwrap();
    std::fs::write(
        work.path().join("patuh.toml"),
        format!("as_of = \"2026-11-19 14:30\"\n{toml}"),
    )
    .unwrap();
    patuh(work.path(), &["build", "--out", "configured"]).success();
    for (out, source) in [
        ("flag", "ditetapkan dengan --as-of"),
        ("configured", "ditetapkan di patuh.toml"),
    ] {
        let files = texts(&work.path().join(out));
        assert!(
            files[&format!("{WEEK}.html")].contains(&line(source)),
            "{out}"
        );
        assert!(
            files[&format!("{WEEK}.md")].contains(&format!(
                "Kondisi per: **Kamis, 19 November 2026 14.30 WIB** (saat item dinilai; {source})\n"
            )),
            "{out}"
        );
    }
}

#[test]
fn period_pages_are_signed_on_the_as_of_day_or_the_day_they_settled() {
    // W47 and November still run at the as-of (19 November); W46 (9–15 November) holds P1
    // and P2, both forwarded by 13 November: settled when the week ended, on the 15th.
    for (stem, day) in [
        (WEEK, "19 November 2026"),
        ("minggu/2026-W46/index", "15 November 2026"),
        ("bulan/2026-11/index", "19 November 2026"),
    ] {
        assert!(
            page(&format!("{stem}.md")).contains(&format!("\nBekasi, {day}\n")),
            "{stem}.md"
        );
        assert!(
            page(&format!("{stem}.html"))
                .contains(&format!("<p class=\"signer-date\">Bekasi, {day}</p>")),
            "{stem}.html"
        );
    }
    assert!(!page("bulan/2026-11/index.md").contains("30 November 2026\n\nMengetahui"));
}

// =======================================================================================
// Targets

#[test]
fn figures_below_their_target_are_marked_in_words_not_colour_alone() {
    let md = page(&format!("{WEEK}.md"));
    // Targets: pemantauan 90, disposisi 80, end_to_end 75, none for penerusan.
    assert_eq!(
        md_tables(md)[0],
        rows(&[
            "Tahap | Batas waktu | Target | Kepatuhan | Tepat waktu | Terlambat | Lewat batas (masih terbuka) | Dalam proses | Tidak valid | Tak terukur | Tidak berlaku | Median | Persentil 90 | Maksimum | Perubahan",
            "Pemantauan & penyampaian ke Kasi | 1 jam | 90% | 83,3% (5 dari 6) ▼ di bawah target 90% | 5 | 1 | 0 | 0 | 0 | 0 | 0 | 30 mnt | 1 jam 30 mnt | 1 jam 30 mnt | +33,3 poin †",
            // 80,0% is not below a target of 80.
            "Analisis & disposisi | 10 mnt | 80% | 80,0% (4 dari 5) | 4 | 1 | 0 | 1 | 0 | 0 | 0 | 5 mnt | 20 mnt | 20 mnt | −20,0 poin †",
            "Penerusan ke Perangkat Daerah | 15 mnt | – | 75,0% (3 dari 4) | 3 | 1 | 0 | 0 | 0 | 0 | 2 | 10 mnt | 25 mnt | 25 mnt | −25,0 poin †",
            "Total (posting sampai selesai di Diskominfo) | jumlah batas tahap yang berlaku | 75% | 80,0% (4 dari 5) | 4 | 1 | 0 | 1 | 0 | 0 | 0 | 1 jam | 1 jam 45 mnt | 1 jam 45 mnt | +30,0 poin †",
        ])
    );
    assert!(md.contains("\n- **Pemantauan & penyampaian ke Kasi: 83,3%** (5 dari 6) (+33,3 poin †) · ▼ di bawah target 90% · tepat waktu 5"));
    let html = page(&format!("{WEEK}.html"));
    assert!(html.contains("<td>1 jam</td><td class=\"num\">90%</td><td class=\"num below\"><span class=\"pct\">83,3%</span> <small class=\"cnt\">(5 dari 6)</small> <small class=\"tnote\">▼ di bawah target 90%</small>"));
    assert!(html.contains("<td>10 mnt</td><td class=\"num\">80%</td><td class=\"num\"><span class=\"pct\">80,0%</span>"));
    assert!(html.contains("<li class=\"below\"><span class=\"gname\">Pemantauan &amp; penyampaian ke Kasi</span> <span class=\"gpct\">83,3% <small class=\"cnt\">(5 dari 6)</small> <small>(+33,3 poin †)</small></span> <span class=\"gtarget\">▼ di bawah target 90%</span>"));
    // A group's cell below its step's target: the mark, and the legend under the table.
    assert!(html.contains("<td class=\"num below\" data-sort=\"667\"><strong><span class=\"pct\">66,7%</span> <span class=\"mark\">▼</span> <small class=\"cnt\">(2 dari 3)</small></strong></td>"));
    assert!(html.contains("<p class=\"note\">▼ di bawah target tahapnya (lihat tabel tahap).</p>"));
}

#[test]
fn the_new_words_are_english_on_english_pages() {
    let work = workdir(&fixture("site/accountability"));
    patuh(work.path(), &["build", "--out", "en", "--lang", "en"]).success();
    let files = texts(&work.path().join("en"));
    let html = &files[&format!("{WEEK}.html")];
    let md = &files[&format!("{WEEK}.md")];
    for expected in [
        "<p class=\"asof\">As of: <strong>Thursday, 19 November 2026 14:30 WIB</strong> (when items are judged; the latest time in the data)</p>",
        "<p class=\"notice\">This period is not complete: data until Thursday, 19 November 2026 14:30 WIB.</p>",
        "<small class=\"tnote\">▼ below the target of 90%</small>",
        "<span class=\"pct\">83.3%</span> <small class=\"cnt\">(5 of 6)</small>",
        "<h2>By destination department</h2>",
        "<caption>Kasi (section head)</caption>\n<thead><tr><th scope=\"col\">Kasi (section head)</th><th scope=\"col\">Items</th><th scope=\"col\">Analysis &amp; disposition</th>",
        "<p class=\"note\">– no place in order: fewer than 3 items in this period, too few to compare.</p>",
        "<h2>Other groups (not departments)</h2>",
        "<p class=\"signer-date\">Bekasi, 19 November 2026</p>",
    ] {
        assert!(html.contains(expected), "{expected}");
    }
    assert!(md.contains("\n\n† Compared with a period whose data is not complete (Week 47 (16–22 November 2026): data until Thursday, 19 November 2026 14:30 WIB; Week 46 (9–15 November 2026): data from Thursday, 12 November 2026 09:00 WIB): the figures may still change.\n"));
}
