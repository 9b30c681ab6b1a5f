//! Pages that stay readable at any size (issue 13): a department's register goes on over
//! further pages after `[pages] register_rows` items, and a period's page lists at most
//! `[pages] late_items` late items, the most late first, saying where the rest are.
//!
//! Fixture: `tests/fixtures/site/accountability/` (its README.md works out every item's
//! statuses), with `[pages] register_rows = 2, late_items = 2` added here.

use std::collections::BTreeMap;

use crate::support::pages::{site_files, text};
use crate::support::{build_work, fixture, workdir};

/// The accountability fixture's site with two items per register page and two late
/// items per period page.
fn site() -> &'static BTreeMap<String, Vec<u8>> {
    static SITE: std::sync::OnceLock<BTreeMap<String, Vec<u8>>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let work = workdir(&fixture("site/accountability"));
        let config = work.path().join("patuh.toml");
        let mut toml = std::fs::read_to_string(&config).unwrap();
        toml.push_str("\n[pages]\nregister_rows = 2\nlate_items = 2\n");
        std::fs::write(&config, toml).unwrap();
        let out = work.path().join("site");
        build_work(work.path(), &out);
        site_files(&out)
    })
}

/// The ticket ids of the Markdown table rows between `from` and `to`, in order.
fn tickets(md: &str, from: &str, to: &str) -> Vec<String> {
    let start = md.find(from).unwrap_or_else(|| panic!("no {from:?}"));
    let end = start + md[start..].find(to).unwrap_or_else(|| panic!("no {to:?}"));
    md[start..end]
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .map(|l| l.split(" | ").next().unwrap().to_string())
        .filter(|id| id.len() == 2)
        .collect()
}

#[test]
fn a_register_longer_than_a_page_goes_on_over_further_pages() {
    let files = site();
    // W47, Dinas Perhubungan: T1, T2, T3. The register's order: exceptions first (T2
    // late on pemantauan, T3 on disposisi), then by posting time: T2, T3, T1.
    let first = text(files, "minggu/2026-W47/dinas-perhubungan.md");
    assert_eq!(tickets(first, "## Daftar item", "Jam mulai"), ["T2", "T3"]);
    assert!(first.contains(
        "\nButir 1–2 dari 3 · halaman 1 dari 2 · **1** · [2](../../minggu/2026-W47/dinas-perhubungan.hal-2.md)\n"
    ));
    let second = text(files, "minggu/2026-W47/dinas-perhubungan.hal-2.md");
    assert_eq!(tickets(second, "## Daftar item", "Jam mulai"), ["T1"]);
    assert!(second.contains(
        "\nButir 3–3 dari 3 · halaman 2 dari 2 · [1](../../minggu/2026-W47/dinas-perhubungan.md) · **2**\n"
    ));
    // The further pages offer the same downloads as the department's page.
    assert!(second.contains(
        "\n[Unduh daftar item (CSV)](dinas-perhubungan.csv) · [Unduh buku kerja periode ini (XLSX)](index.xlsx)\n"
    ));
    assert!(second.starts_with(
        "# Dinas Perhubungan · Pekan ke-47 (16–22 November 2026) · Daftar item, halaman 2\n"
    ));

    // (Tera writes `/` in attribute values as `&#x2F;`.)
    let html = text(files, "minggu/2026-W47/dinas-perhubungan.hal-2.html").replace("&#x2F;", "/");
    assert!(html.contains(r#"<a href="../../minggu/2026-W47/dinas-perhubungan.html" rel="up">↑ Dinas Perhubungan · Pekan ke-47 (16–22 November 2026)</a>"#), "{html}");
    assert!(html.contains(r#"<nav class="pager" aria-label="Halaman daftar item"><p>Butir 3–3 dari 3 · halaman 2 dari 2</p>"#));
    assert!(html.contains(r#"<li><a href="../../minggu/2026-W47/dinas-perhubungan.html" rel="prev">← Sebelumnya</a></li><li><a href="../../minggu/2026-W47/dinas-perhubungan.html">1</a></li><li><span aria-current="page">2</span></li></ul></nav>"#));
    let first_html = text(files, "minggu/2026-W47/dinas-perhubungan.html").replace("&#x2F;", "/");
    assert!(first_html.contains(r#"<li><span aria-current="page">1</span></li><li><a href="../../minggu/2026-W47/dinas-perhubungan.hal-2.html">2</a></li><li><a href="../../minggu/2026-W47/dinas-perhubungan.hal-2.html" rel="next">Berikutnya →</a></li>"#));

    // A register that fits on one page has no pager and no further page: W46's Dinas
    // Perhubungan has P1 and P2.
    let w46 = text(files, "minggu/2026-W46/dinas-perhubungan.md");
    assert_eq!(tickets(w46, "## Daftar item", "Jam mulai"), ["P1", "P2"]);
    assert!(!w46.contains("halaman 1"));
    assert!(!files.contains_key("minggu/2026-W46/dinas-perhubungan.hal-2.md"));
    // The month's register of Dinas Perhubungan: P1, T2, T3 (exceptions), P2, T1 → 3 pages.
    let pages: Vec<&String> = files
        .keys()
        .filter(|k| k.starts_with("bulan/2026-11/dinas-perhubungan"))
        .collect();
    assert_eq!(
        pages,
        [
            "bulan/2026-11/dinas-perhubungan.csv",
            "bulan/2026-11/dinas-perhubungan.hal-2.html",
            "bulan/2026-11/dinas-perhubungan.hal-2.md",
            "bulan/2026-11/dinas-perhubungan.hal-3.html",
            "bulan/2026-11/dinas-perhubungan.hal-3.md",
            "bulan/2026-11/dinas-perhubungan.html",
            "bulan/2026-11/dinas-perhubungan.md",
        ]
    );
    let third = text(files, "bulan/2026-11/dinas-perhubungan.hal-3.md");
    assert_eq!(tickets(third, "## Daftar item", "Jam mulai"), ["T1"]);
    // The download keeps the whole register: a header and five items.
    assert_eq!(
        text(files, "bulan/2026-11/dinas-perhubungan.csv")
            .lines()
            .count(),
        6
    );
}

#[test]
fn a_period_page_lists_the_most_late_items_first_up_to_its_cap() {
    let files = site();
    // W47's exceptions: T2 (pemantauan 30 min past its limit), T3 (disposisi 10 min
    // past), T4 (penerusan 10 min past). Two are shown: T2, then T3 (tied with T4 at 10
    // min; T3 comes first in the register's order, posted earlier).
    let week = text(files, "minggu/2026-W47/index.md");
    assert_eq!(
        tickets(week, "## Item terlambat", "## Menurut"),
        ["T2", "T3"]
    );
    assert!(week.contains("## Item terlambat\n\nDitampilkan 2 dari 3 item, yang paling terlambat lebih dulu. Daftar lengkap ada di halaman tiap Perangkat Daerah (tabel di bawah) dan di unduhan CSV-nya.\n\n| "));
    // The month: P1 and T2 are 30 min past, T3 and T4 10: P1, T2.
    let month = text(files, "bulan/2026-11/index.md");
    assert_eq!(
        tickets(month, "## Item terlambat", "## Menurut"),
        ["P1", "T2"]
    );
    assert!(month.contains("Ditampilkan 2 dari 4 item"));
    // W46 has one exception (P1): all shown, no note.
    let w46 = text(files, "minggu/2026-W46/index.md");
    assert_eq!(tickets(w46, "## Item terlambat", "## Menurut"), ["P1"]);
    assert!(!w46.contains("Ditampilkan"));
    assert!(text(files, "minggu/2026-W47/index.html").contains(
        "<h2>Item terlambat</h2>\n<p class=\"note\">Ditampilkan 2 dari 3 item, yang paling terlambat lebih dulu."
    ));
}

#[test]
fn an_item_still_open_past_its_limit_counts_as_late_up_to_the_as_of() {
    // As of Kamis 19 November 16.30, T6 (reported to the Kasi at 14.30, no disposition)
    // is open past the 10-minute disposisi limit by 1 h 50 min: the most late of W47's
    // exceptions, before T2 (30 min past), T3 and T4 (10 min past).
    let work = workdir(&fixture("site/accountability"));
    let config = work.path().join("patuh.toml");
    let toml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        format!("as_of = \"2026-11-19 16:30\"\n{toml}\n[pages]\nlate_items = 2\n"),
    )
    .unwrap();
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    let week = text(&files, "minggu/2026-W47/index.md");
    assert_eq!(
        tickets(week, "## Item terlambat", "## Menurut"),
        ["T6", "T2"]
    );
    assert!(week.contains("Ditampilkan 2 dari 4 item"));
}
