//! The CSV registers the site offers: one per department and period, cells a spreadsheet
//! would execute neutralised, personal data masked like on the pages.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::support::pages;
use crate::support::{build, one_export};
use patuh::config::Config;

/// Builds a site from `csv` (one export) with the default configuration; gives the site.
fn build_site(csv: &str) -> (tempfile::TempDir, PathBuf) {
    let work = one_export("ekspor.csv", csv);
    let out = work.path().join("site");
    build(&Config::default(), &work.path().join("data"), &out).unwrap();
    (work, out)
}

/// The first row of the CSV register `path` of the site `out`, cell by column name.
fn first_row(out: &Path, path: &str) -> BTreeMap<String, String> {
    let bytes = std::fs::read(out.join(path)).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a BOM, so Excel reads UTF-8"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    header
        .iter()
        .map(String::from)
        .zip(row.iter().map(String::from))
        .collect()
}

#[test]
fn registers_neutralise_formulas_and_mask_personal_data() {
    let (_work, out) = build_site(
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin;Isi\n\
         =1+1;02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;Teruskan;Dinas Sosial;02/11/2026 09.40;@admin;-hubungi 081234567890\n",
    );
    let row = first_row(&out, "minggu/2026-W45/dinas-sosial.csv");
    let cell = |name: &str| row[name].clone();
    assert_eq!(cell("id"), "'=1+1");
    assert_eq!(cell("admin"), "'@admin");
    assert_eq!(cell("text"), "'-hubungi 08••••••••90");
    assert_eq!(cell("department"), "Dinas Sosial");
    assert_eq!(cell("posted_at"), "2026-11-02 09:00:00");
    // 09:00 → 09:30 is 1800 s, within the 3600 s of pemantauan.
    assert_eq!(
        (cell("pemantauan_status"), cell("pemantauan_seconds")),
        ("met".into(), "1800".into())
    );
    assert_eq!(
        (cell("end_to_end_status"), cell("end_to_end_seconds")),
        ("met".into(), "2400".into())
    );
    // The department page links to it.
    let page = pages::page(&out, "minggu/2026-W45/dinas-sosial.html");
    assert!(page.contains("href=\"dinas-sosial.csv\""), "{page}");
}

#[test]
fn every_data_issue_is_in_a_download_and_the_page_lists_the_first_200_of_a_kind() {
    // 250 rows whose posting time cannot be read (each an unreadable timestamp and an
    // unmeasurable first step), one with a formula and a phone number as the value; one
    // good row.
    let mut csv = String::from("No Tiket;Waktu Posting;Waktu Lapor\n");
    csv.push_str("T0;02/11/2026 09.00;02/11/2026 09.30\n");
    csv.push_str("T1;=HYPERLINK(\"x\") 081234567890;02/11/2026 09.30\n");
    for i in 2..=250 {
        csv.push_str(&format!("T{i};kemarin;02/11/2026 09.30\n"));
    }
    let (_work, out) = build_site(&csv);
    let bytes = std::fs::read(out.join("masalah-data.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        ["kind", "file", "sheet", "row", "column", "header", "field", "value", "detail"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let of_kind = |kind: &str| rows.iter().filter(|r| r[0] == kind).count();
    assert_eq!(of_kind("unreadable_timestamp"), 250);
    assert_eq!(of_kind("unmeasurable_step"), 250);
    // The export has no disposed_at and no forwarded_at column: said once each.
    assert_eq!(of_kind("missing_column"), 2);
    assert_eq!(rows.len(), 502);
    // Spreadsheet row 3 (header in row 1, T0 in row 2): neutralised and masked.
    let first = rows
        .iter()
        .find(|r| r[0] == "unreadable_timestamp")
        .unwrap();
    assert_eq!(
        first[1..8],
        [
            "ekspor.csv",
            "",
            "3",
            "B",
            "Waktu Posting",
            "posted_at",
            "'=HYPERLINK(\"x\") 08••••••••90"
        ]
    );
    assert!(
        first[8].starts_with("bukan tanggal atau waktu"),
        "{}",
        first[8]
    );
    // The page: 200 of each kind, the count of the rest, and the link.
    let page = pages::page(&out, "kualitas-data.html");
    assert!(
        page.contains("<a href=\"masalah-data.csv\" download>Unduh semua masalah data (CSV)</a>")
    );
    assert_eq!(
        page.matches("… dan 50 lainnya dari jenis ini").count(),
        2,
        "{page}"
    );
    // 200 of each of the two kinds by row, and the two missing columns at the header row.
    assert_eq!(page.matches("<td>ekspor.csv, baris ").count(), 402);
    let md = pages::page(&out, "kualitas-data.md");
    assert!(md.contains("(masalah-data.csv)"));
    assert_eq!(md.matches("… dan 50 lainnya dari jenis ini").count(), 2);
}

#[test]
fn a_site_without_data_issues_offers_no_issue_download() {
    let (_work, out) = build_site(
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Waktu Diteruskan\n\
         T0;02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;02/11/2026 09.40\n",
    );
    assert!(!out.join("masalah-data.csv").exists());
    let page = pages::page(&out, "kualitas-data.html");
    assert!(!page.contains("masalah-data.csv"));
}

#[test]
fn negative_durations_are_numbers_and_only_text_is_neutralised() {
    // Reported 10 minutes before it was posted (a typo): an invalid step of -600 s. The
    // text "-600" of a citizen stays text.
    let (_work, out) = build_site(
        "No Tiket;Waktu Posting;Waktu Lapor;Isi\n\
         T0;02/11/2026 09.10;02/11/2026 09.00;-600\n",
    );
    let row = first_row(&out, "minggu/2026-W45/belum-didisposisi.csv");
    let cell = |name: &str| row[name].clone();
    assert_eq!(
        (cell("pemantauan_status"), cell("pemantauan_seconds")),
        ("invalid".into(), "-600".into())
    );
    assert_eq!(cell("text"), "'-600");
    // The row of a data issue is a number too.
    let issues = pages::page(&out, "masalah-data.csv");
    assert!(issues.contains("invalid_step,ekspor.csv,,2,"), "{issues}");
}
