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
    // A month's department page lists only its late items and links to the weeks,
    // whose pages list every item: no further pages.
    let pages: Vec<&String> = files
        .keys()
        .filter(|k| k.starts_with("bulan/2026-11/dinas-perhubungan"))
        .collect();
    assert_eq!(
        pages,
        [
            "bulan/2026-11/dinas-perhubungan.csv",
            "bulan/2026-11/dinas-perhubungan.html",
            "bulan/2026-11/dinas-perhubungan.md",
        ]
    );
    // The download keeps the whole register: a header and five items.
    assert_eq!(
        text(files, "bulan/2026-11/dinas-perhubungan.csv")
            .lines()
            .count(),
        6
    );
}

#[test]
fn a_month_department_page_lists_its_most_late_items_and_links_to_its_weeks() {
    let files = site();
    // November, Dinas Perhubungan: P1, P2 (W46), T1, T2, T3 (W47). Its exceptions: P1
    // and T2 30 min past a limit, T3 10 min; two are shown, P1 first (tied with T2,
    // posted earlier).
    let md = text(files, "bulan/2026-11/dinas-perhubungan.md");
    assert_eq!(
        tickets(md, "## Item terlambat", "## Daftar item"),
        ["P1", "T2"]
    );
    assert!(md.contains(
        "## Item terlambat\n\nDitampilkan 2 dari 3 item, yang paling terlambat lebih dulu. Semua item ada di halaman tiap pekan (di bawah) dan di unduhan bulan ini.\n\n| "
    ), "{md}");
    assert!(md.contains(concat!(
        "## Daftar item\n\nSetiap item bulan ini tercantum di halaman Perangkat Daerah ini pada pekannya; unduhan bulan ini memuat semuanya.\n\n",
        "- [Pekan ke-46 (9–15 November 2026)](../../minggu/2026-W46/dinas-perhubungan.md) · 2 item\n",
        "- [Pekan ke-47 (16–22 November 2026)](../../minggu/2026-W47/dinas-perhubungan.md) · 3 item\n",
        "\n[Unduh daftar item (CSV)](dinas-perhubungan.csv) · [Unduh buku kerja periode ini (XLSX)](index.xlsx)\n",
    )), "{md}");
    let html = text(files, "bulan/2026-11/dinas-perhubungan.html").replace("&#x2F;", "/");
    assert!(html.contains(concat!(
        "<ul class=\"weeks\"><li><a href=\"../../minggu/2026-W46/dinas-perhubungan.html\">Pekan ke-46 (9–15 November 2026)</a> · 2 item</li>",
        "<li><a href=\"../../minggu/2026-W47/dinas-perhubungan.html\">Pekan ke-47 (16–22 November 2026)</a> · 3 item</li></ul>"
    )), "{html}");
    assert!(
        html.contains("<table class=\"items reg sortable\">\n<caption>Item terlambat</caption>")
    );
    assert!(!html.contains("class=\"pager\""));
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
    assert!(month.contains("## Item terlambat\n\nDitampilkan 2 dari 4 item, yang paling terlambat lebih dulu. Daftar lengkap ada di halaman tiap pekan (lewat halaman tiap Perangkat Daerah di bawah) dan di unduhan bulan ini.\n\n| "), "{month}");
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

#[test]
fn the_cells_of_a_table_of_items_are_labelled_by_the_style_sheet() {
    // A table of items writes no label on its cells (most of the bytes of the site);
    // the style sheet labels each column on a phone, in the site's language, with the
    // configured steps. The ticket (column 1) is the card's heading.
    let files = site();
    let html = text(files, "minggu/2026-W47/dinas-perhubungan.html");
    let table = &html[html.find("<table class=\"items reg sortable\">").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(!table.contains("data-label"), "{table}");
    let css = text(files, "assets/style.css");
    let rules = &css[css
        .find("/* The labels of the cells of the tables of items")
        .unwrap()..];
    let expected: Vec<String> = [
        ("reg", 2, "Waktu posting"),
        ("reg", 3, "Kanal"),
        ("reg", 4, "Admin"),
        ("reg", 5, "Pemantauan \\26  penyampaian ke Kasi"),
        ("reg", 6, "Analisis \\26  disposisi"),
        ("reg", 7, "Penerusan ke Perangkat Daerah"),
        ("reg", 8, "Total (posting sampai selesai di Diskominfo)"),
        ("reg", 9, "Isi"),
        ("per", 2, "Waktu posting"),
        ("per", 3, "Perangkat Daerah"),
        ("per", 4, "Kanal"),
        ("per", 5, "Admin"),
        ("per", 6, "Pemantauan \\26  penyampaian ke Kasi"),
        ("per", 7, "Analisis \\26  disposisi"),
        ("per", 8, "Penerusan ke Perangkat Daerah"),
        ("per", 9, "Total (posting sampai selesai di Diskominfo)"),
        ("per", 10, "Isi"),
    ]
    .iter()
    .map(|(class, n, label)| {
        format!("  .stack table.{class} > tbody > tr > td:nth-child({n})::before {{ content: \"{label}\"; }}")
    })
    .collect();
    let written: Vec<&str> = rules.lines().filter(|l| l.contains("nth-child")).collect();
    assert_eq!(written, expected);
    // The columns of the page's table are the ones the rules label.
    let headings: Vec<&str> = table
        .split("<th scope=\"col\">")
        .skip(1)
        .map(|h| &h[..h.find("</th>").unwrap()])
        .collect();
    assert_eq!(
        headings,
        [
            "Nomor",
            "Waktu posting",
            "Kanal",
            "Admin",
            "Pemantauan &amp; penyampaian ke Kasi",
            "Analisis &amp; disposisi",
            "Penerusan ke Perangkat Daerah",
            "Total (posting sampai selesai di Diskominfo)",
            "Isi"
        ]
    );
}
