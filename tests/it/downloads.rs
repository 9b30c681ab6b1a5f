//! The downloads the site offers (issue 15): CSV registers (one per department and
//! period, one per department over every period) and `masalah-data.csv` in the page
//! language, delimited for the spreadsheet of that language; the XLSX workbooks of each
//! period and department history, read back with calamine (and with LibreOffice, when it
//! is installed). Cells a spreadsheet would execute stay text; personal data is masked
//! like on the pages.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

use crate::support::pages;
use crate::support::{build, config, one_export};
use patuh::config::Config;

/// Builds a site from `csv` (one export) with `config`; gives the site.
fn build_with(config: &Config, csv: &str) -> (tempfile::TempDir, PathBuf) {
    let work = one_export("ekspor.csv", csv);
    let out = work.path().join("site");
    build(config, &work.path().join("data"), &out).unwrap();
    (work, out)
}

/// Builds a site from `csv` (one export) with the default configuration; gives the site.
fn build_site(csv: &str) -> (tempfile::TempDir, PathBuf) {
    build_with(&Config::default(), csv)
}

/// The records of the CSV download `path` of the site `out`, split on `delimiter`, after
/// checking its byte-order mark.
fn csv_records(out: &Path, path: &str, delimiter: u8) -> Vec<Vec<String>> {
    let bytes = std::fs::read(out.join(path)).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a BOM, so Excel reads UTF-8"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The first row of the CSV register `path`, cell by column name.
fn first_row(out: &Path, path: &str, delimiter: u8) -> BTreeMap<String, String> {
    let records = csv_records(out, path, delimiter);
    records[0]
        .iter()
        .cloned()
        .zip(records[1].iter().cloned())
        .collect()
}

/// Four departments (one name longer than 31 characters, two more that are the same in
/// their first 31, one with a `/`), an undisposed item reported before it was posted, a
/// formula and a phone number in a citizen's text.
const EXPORT: &str = "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin;Isi\n\
T1;02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;Teruskan;Dinas Sosial;02/11/2026 09.40;@admin;=HYPERLINK(\"http://x\") hubungi 081234567890\n\
T2;02/11/2026 10.00;02/11/2026 12.00;02/11/2026 12.10;Teruskan;Dinas Perumahan, Kawasan Permukiman dan Pertanahan;02/11/2026 12.20;Budi;Jalan rusak\n\
T3;03/11/2026 08.00;03/11/2026 08.20;03/11/2026 08.30;Teruskan;Dinas Perumahan, Kawasan Permukiman dan Pertamanan;03/11/2026 08.45;Budi;Taman kotor\n\
T4;03/11/2026 09.00;03/11/2026 09.10;03/11/2026 09.20;Teruskan;Bagian Umum/Protokol;03/11/2026 09.25;Ani;+62 pesan\n\
T5;02/11/2026 09.10;02/11/2026 09.00;;;;;Ani;-600\n";

/// The header of a register in Indonesian (`month`: with the month column of a history).
fn header_id(month: bool) -> Vec<String> {
    let mut h: Vec<String> = vec!["Nomor".into()];
    if month {
        h.push("Bulan".into());
    }
    h.extend(
        [
            "Perangkat Daerah",
            "Kanal",
            "Jenis",
            "Admin",
            "Waktu posting (WIB)",
            "Waktu lapor (WIB)",
            "Waktu disposisi (WIB)",
            "Waktu diteruskan (WIB)",
            "Waktu selesai (WIB)",
        ]
        .map(String::from),
    );
    for step in [
        "Pemantauan & penyampaian ke Kasi",
        "Analisis & disposisi",
        "Penerusan ke Perangkat Daerah",
        "Total (posting sampai selesai di Diskominfo)",
    ] {
        h.push(format!("{step}: status"));
        h.push(format!("{step}: durasi (menit)"));
        h.push(format!("{step}: tanggal tanpa jam"));
    }
    h.push("Isi".into());
    h.push("Tautan".into());
    h
}

#[test]
fn csv_registers_speak_the_page_language_with_semicolons_and_minutes() {
    let (_work, out) = build_site(EXPORT);
    let records = csv_records(&out, "minggu/2026-W45/dinas-sosial.csv", b';');
    assert_eq!(records[0], header_id(false));
    assert_eq!(
        records[1],
        [
            "T1",
            "Dinas Sosial",
            "",
            "",
            "'@admin",
            "2026-11-02 09:00:00",
            "2026-11-02 09:30:00",
            "2026-11-02 09:35:00",
            "2026-11-02 09:40:00",
            "",
            "Tepat waktu",
            "30",
            "",
            "Tepat waktu",
            "5",
            "",
            "Tepat waktu",
            "5",
            "",
            "Tepat waktu",
            "40",
            "",
            "'=HYPERLINK(\"http://x\") hubungi 08••••••••90",
            "",
        ]
    );
    assert_eq!(records.len(), 2);
    // The bytes as a spreadsheet meets them: BOM, `;`, CRLF, the quote doubled.
    let bytes = std::fs::read(out.join("minggu/2026-W45/dinas-sosial.csv")).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.starts_with("\u{feff}Nomor;Perangkat Daerah;Kanal;"),
        "{text}"
    );
    assert!(
        text.ends_with(
            ";Tepat waktu;40;;\"'=HYPERLINK(\"\"http://x\"\") hubungi 08••••••••90\";\r\n"
        ),
        "{text}"
    );
    // Reported before it was posted: invalid, -10 minutes, a number; the citizen's
    // "-600" stays text.
    let row = first_row(&out, "minggu/2026-W45/belum-didisposisi.csv", b';');
    assert_eq!(
        row["Pemantauan & penyampaian ke Kasi: status"],
        "Tidak valid"
    );
    assert_eq!(
        row["Pemantauan & penyampaian ke Kasi: durasi (menit)"],
        "-10"
    );
    assert_eq!(row["Isi"], "'-600");
    // 120 minutes, late.
    let row = first_row(
        &out,
        "minggu/2026-W45/dinas-perumahan-kawasan-permukiman-dan-pertanahan.csv",
        b';',
    );
    assert_eq!(row["Pemantauan & penyampaian ke Kasi: status"], "Terlambat");
    assert_eq!(
        row["Pemantauan & penyampaian ke Kasi: durasi (menit)"],
        "120"
    );
    assert_eq!(
        row["Total (posting sampai selesai di Diskominfo): durasi (menit)"],
        "140"
    );
    // A department's register of a year says each item's month.
    let records = csv_records(&out, "pd/dinas-sosial.2026.csv", b';');
    assert_eq!(records[0], header_id(true));
    assert_eq!(records[1][..3], ["T1", "November 2026", "Dinas Sosial"]);
    assert_eq!(records.len(), 2);
}

#[test]
fn csv_in_english_uses_commas_and_csv_delimiter_overrides_it() {
    let (_work, out) = build_with(&config("lang = \"en\"\n"), EXPORT);
    let records = csv_records(&out, "minggu/2026-W45/dinas-sosial.csv", b',');
    assert_eq!(
        records[0][..7],
        [
            "Number",
            "Department",
            "Channel",
            "Kind",
            "Admin",
            "Posted (WIB)",
            "Reported at (WIB)"
        ]
    );
    assert_eq!(records[1][10..12], ["On time", "30"]);
    assert_eq!(
        records[0][11],
        "Monitoring & reporting to the Kasi: duration (minutes)"
    );
    // The override, in both languages; a duration of 1 min 30 s has a decimal mark that
    // is not the delimiter.
    let export = "No Tiket;Waktu Posting;Waktu Lapor\nT1;2026-11-02 09:00:00;2026-11-02 09:01:30\n";
    for (settings, delimiter, minutes, register) in [
        ("", b';', "1,5", "belum-didisposisi"),
        ("csv_delimiter = \",\"\n", b',', "1.5", "belum-didisposisi"),
        (
            "csv_delimiter = \"\\t\"\n",
            b'\t',
            "1,5",
            "belum-didisposisi",
        ),
        (
            "lang = \"en\"\ncsv_delimiter = \";\"\n",
            b';',
            "1.5",
            "not-yet-disposed",
        ),
        ("lang = \"en\"\n", b',', "1.5", "not-yet-disposed"),
    ] {
        let (_work, out) = build_with(&config(settings), export);
        let path = format!("minggu/2026-W45/{register}.csv");
        let records = csv_records(&out, &path, delimiter);
        assert_eq!(records[0].len(), 24, "{settings}");
        assert_eq!(records[1][0], "T1", "{settings}");
        assert_eq!(records[1][11], minutes, "{settings}");
    }
}

#[test]
fn csv_delimiter_must_be_one_delimiter() {
    for bad in ["ab", "", ".", "\"", "x"] {
        let text = format!("csv_delimiter = {bad:?}\n");
        let error = Config::parse(&text, Path::new("patuh.toml"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            format!(
                "invalid configuration patuh.toml: `csv_delimiter`: {bad:?} is not a delimiter: \
                 write \";\", \",\", \"|\" or \"\\t\" (tab)"
            )
        );
    }
    assert_eq!(config("csv_delimiter = \"|\"\n").csv_delimiter, Some('|'));
    assert_eq!(Config::default().csv_delimiter, None);
}

/// The sheets of the workbook `path` of the site `out`: name and cells, row by row.
fn sheets(out: &Path, path: &str) -> Vec<(String, Vec<Vec<Data>>)> {
    let bytes = std::fs::read(out.join(path)).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            assert_eq!(range.start(), Some((0, 0)), "{name}");
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (name, rows)
        })
        .collect()
}

/// A date-time cell as the wall time it shows (`2026-11-02 09:00:00`); panics on any
/// other cell.
fn wall(cell: &Data) -> String {
    let Data::DateTime(dt) = cell else {
        panic!("not a date-time: {cell:?}")
    };
    assert!(dt.is_datetime(), "{cell:?}");
    let serial = dt.as_f64();
    let seconds = (serial * 86_400.0).round() as i64;
    let day0 = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    (day0 + chrono::Duration::seconds(seconds))
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

fn text(s: &str) -> Data {
    Data::String(s.to_string())
}

#[test]
fn period_workbook_has_a_summary_and_typed_registers_under_excel_sheet_names() {
    let (_work, out) = build_site(EXPORT);
    let book = sheets(&out, "minggu/2026-W45/index.xlsx");
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    // The summary, then the departments in the page's order (all have fewer than 10
    // items: by name), then the other groups. Cut to 31 characters; the second of the
    // two names alike in their first 31 numbered within them; `/` is not allowed.
    assert_eq!(
        names,
        [
            "Ringkasan",
            "Bagian Umum Protokol",
            "Dinas Perumahan, Kawasan Permuk",
            "Dinas Perumahan, Kawasan Pe (2)",
            "Dinas Sosial",
            "Belum Didisposisi",
        ]
    );
    let sheet = |name: &str| &book.iter().find(|(n, _)| n == name).unwrap().1;
    let register = sheet("Dinas Sosial");
    let header: Vec<Data> = header_id(false).iter().map(|h| text(h)).collect();
    assert_eq!(register[0], header);
    let row = &register[1];
    assert_eq!(row[0], text("T1"));
    assert_eq!(row[1], text("Dinas Sosial"));
    assert_eq!((&row[2], &row[3]), (&Data::Empty, &Data::Empty));
    // Written as text, not neutralised: a workbook's string is never a formula.
    assert_eq!(row[4], text("@admin"));
    assert_eq!(
        [5, 6, 7, 8].map(|c| wall(&row[c])),
        [
            "2026-11-02 09:00:00",
            "2026-11-02 09:30:00",
            "2026-11-02 09:35:00",
            "2026-11-02 09:40:00"
        ]
    );
    assert_eq!(row[9], Data::Empty);
    assert_eq!(row[10], text("Tepat waktu"));
    assert_eq!(row[11], Data::Float(30.0));
    assert_eq!(row[12], Data::Empty);
    assert_eq!(row[19], text("Tepat waktu"));
    assert_eq!(row[20], Data::Float(40.0));
    assert_eq!(
        row[22],
        text("=HYPERLINK(\"http://x\") hubungi 08••••••••90")
    );
    assert_eq!(register.len(), 2);
    let row = &sheet("Bagian Umum Protokol")[1];
    assert_eq!(
        (&row[0], &row[1]),
        (&text("T4"), &text("Bagian Umum/Protokol"))
    );
    assert_eq!(row[22], text("+62 pesan"));
    let row = &sheet("Dinas Perumahan, Kawasan Pe (2)")[1];
    assert_eq!(
        (&row[0], &row[10], &row[11]),
        (&text("T2"), &text("Terlambat"), &Data::Float(120.0))
    );
    let row = &sheet("Belum Didisposisi")[1];
    assert_eq!(
        (&row[0], &row[10], &row[11], &row[22]),
        (
            &text("T5"),
            &text("Tidak valid"),
            &Data::Float(-10.0),
            &text("-600")
        )
    );

    // The summary: the step table and the department table, as the period page.
    let summary = sheet("Ringkasan");
    assert_eq!(
        summary[0][0],
        text("Pekan ke-45 (2–8 November 2026) (belum lengkap)")
    );
    assert_eq!(summary[3][0], text("Kepatuhan"));
    assert_eq!(
        summary[4][..5],
        [
            text("Tahap"),
            text("Batas waktu (menit)"),
            text("Kepatuhan"),
            text("Tepat waktu"),
            text("Terlambat")
        ]
    );
    // Monitoring: T1, T3, T4 on time, T2 late, T5 invalid: 3 of 4, 75.0%.
    assert_eq!(
        summary[5][..7],
        [
            text("Pemantauan & penyampaian ke Kasi"),
            Data::Float(60.0),
            Data::Float(0.75),
            Data::Float(3.0),
            Data::Float(1.0),
            Data::Float(0.0),
            Data::Float(0.0),
        ]
    );
    assert_eq!(summary[5][7], Data::Float(1.0), "one invalid");
    assert_eq!(summary[8][1], text("jumlah batas tahap yang berlaku"));
    assert_eq!(summary[10][0], text("Menurut Perangkat Daerah tujuan"));
    assert_eq!(
        summary[11][..5],
        [
            text("Perangkat Daerah"),
            text("Urutan"),
            text("Total (posting sampai selesai di Diskominfo)"),
            text("Item"),
            text("Pemantauan & penyampaian ke Kasi"),
        ]
    );
    assert_eq!(
        summary[12][..5],
        [
            text("Bagian Umum/Protokol"),
            Data::Empty,
            Data::Float(1.0),
            Data::Float(1.0),
            Data::Float(1.0)
        ]
    );
    assert_eq!(
        summary[14][..5],
        [
            text("Dinas Perumahan, Kawasan Permukiman dan Pertanahan"),
            Data::Empty,
            Data::Float(0.0),
            Data::Float(1.0),
            Data::Float(0.0)
        ]
    );
    assert_eq!(
        summary[17][0],
        text("Kelompok lain (bukan Perangkat Daerah)")
    );
    // Open past its limit: late, 0.0%.
    assert_eq!(
        summary[19][..4],
        [
            text("Belum Didisposisi"),
            Data::Empty,
            Data::Float(0.0),
            Data::Float(1.0)
        ]
    );
}

#[test]
fn history_workbook_holds_every_period_and_the_years_register_its_items_with_months() {
    let (_work, out) = build_site(EXPORT);
    let book = sheets(&out, "pd/dinas-sosial.xlsx");
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Ringkasan"]);
    let summary = &book[0].1;
    assert_eq!(
        summary[0][0],
        text("Riwayat Perangkat Daerah · Dinas Sosial")
    );
    assert_eq!(summary[3][0], text("Bulanan"));
    assert_eq!(
        summary[5][..4],
        [
            text("Bulan November 2026 (belum lengkap)"),
            Data::Float(1.0),
            Data::Float(1.0),
            Data::Float(1.0)
        ]
    );
    assert_eq!(summary[7][0], text("Mingguan"));
    assert_eq!(
        summary[9][0],
        text("Pekan ke-45 (2–8 November 2026) (belum lengkap)")
    );
    let book = sheets(&out, "pd/dinas-sosial.2026.xlsx");
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Daftar item"]);
    let register = &book[0].1;
    let header: Vec<Data> = header_id(true).iter().map(|h| text(h)).collect();
    assert_eq!(register[0], header);
    assert_eq!(
        register[1][..3],
        [text("T1"), text("November 2026"), text("Dinas Sosial")]
    );
    assert_eq!(wall(&register[1][6]), "2026-11-02 09:00:00");
    assert_eq!(register[1][12], Data::Float(30.0));
}

#[test]
fn workbooks_are_byte_identical_across_builds() {
    let (_a, one) = build_site(EXPORT);
    let (_b, two) = build_site(EXPORT);
    let mut compared = 0;
    for (path, bytes) in pages::site_files(&one) {
        if path.ends_with(".xlsx") {
            assert_eq!(bytes, std::fs::read(two.join(&path)).unwrap(), "{path}");
            compared += 1;
        }
    }
    // A week and a month; four departments' histories and their registers of 2026.
    assert_eq!(compared, 2 + 4 + 4);
}

#[test]
fn pages_link_their_downloads_on_screen_only() {
    let (_work, out) = build_site(EXPORT);
    let page = pages::page(&out, "minggu/2026-W45/dinas-sosial.html");
    assert!(
        page.contains(
            "<p class=\"downloads\"><a href=\"dinas-sosial.csv\" download=\"dinas-sosial-2026-W45.csv\">Unduh daftar item (CSV)</a> · <a href=\"index.xlsx\" download=\"2026-W45.xlsx\">Unduh buku kerja periode ini (XLSX)</a></p>"
        ),
        "{page}"
    );
    let page = pages::page(&out, "minggu/2026-W45/index.html");
    assert!(page.contains("<p class=\"downloads\"><a href=\"index.xlsx\" download=\"2026-W45.xlsx\">Unduh buku kerja periode ini (XLSX)</a></p>"), "{page}");
    let page = pages::page(&out, "pd/dinas-sosial.html");
    assert!(page.contains("<p class=\"downloads\"><a href=\"dinas-sosial.xlsx\" download=\"dinas-sosial.xlsx\">Unduh rekap angka semua periode (XLSX)</a> · <a href=\"dinas-sosial.2026.xlsx\" download=\"dinas-sosial.2026.xlsx\">Unduh daftar item 2026 (XLSX)</a> · <a href=\"dinas-sosial.2026.csv\" download=\"dinas-sosial.2026.csv\">Unduh daftar item 2026 (CSV)</a></p>"), "{page}");
    let md = pages::page(&out, "pd/dinas-sosial.md");
    assert!(md.contains("[Unduh rekap angka semua periode (XLSX)](dinas-sosial.xlsx) · [Unduh daftar item 2026 (XLSX)](dinas-sosial.2026.xlsx) · [Unduh daftar item 2026 (CSV)](dinas-sosial.2026.csv)\n"), "{md}");
    let md = pages::page(&out, "bulan/2026-11/index.md");
    assert!(
        md.contains("[Unduh buku kerja periode ini (XLSX)](index.xlsx)\n"),
        "{md}"
    );
    // Print hides every download link and its paragraph.
    let css = pages::page(&out, "assets/style.css");
    assert!(css.contains("a[download], p:has(> a[download]) { display: none; }"));
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
    let records = csv_records(&out, "masalah-data.csv", b';');
    assert_eq!(
        records[0],
        [
            "Jenis masalah",
            "Berkas",
            "Lembar",
            "Baris",
            "Kolom",
            "Judul kolom",
            "Field",
            "Nilai",
            "Keterangan"
        ]
    );
    let rows = &records[1..];
    let of_kind = |kind: &str| rows.iter().filter(|r| r[0] == kind).count();
    assert_eq!(of_kind("Waktu yang tidak dapat dibaca"), 250);
    assert_eq!(of_kind("Tahap yang tidak dapat diukur"), 250);
    // The export has no disposed_at and no forwarded_at column: said once each.
    assert_eq!(of_kind("Kolom yang dibutuhkan tahap SOP tidak ada"), 2);
    assert_eq!(rows.len(), 502);
    // Spreadsheet row 3 (header in row 1, T0 in row 2): neutralised and masked.
    let first = rows
        .iter()
        .find(|r| r[0] == "Waktu yang tidak dapat dibaca")
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
    // In English, with commas.
    let (_work, out) = build_with(&config("lang = \"en\"\n"), &csv);
    let records = csv_records(&out, "masalah-data.csv", b',');
    assert_eq!(records[0][..4], ["Issue", "File", "Sheet", "Row"]);
    assert_eq!(records.len(), 503);
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
fn the_row_of_a_data_issue_is_a_number() {
    let (_work, out) = build_site(
        "No Tiket;Waktu Posting;Waktu Lapor;Isi\n\
         T0;02/11/2026 09.10;02/11/2026 09.00;-600\n",
    );
    let issues = pages::page(&out, "masalah-data.csv");
    assert!(
        issues.contains("\r\nTahap yang selesai sebelum dimulai;ekspor.csv;;2;"),
        "{issues}"
    );
}

// ---------------------------------------------------------------------------------------
// LibreOffice: what a spreadsheet program makes of the downloads.

/// LibreOffice's `soffice` on the `PATH`, or `None` with a note when it is not installed;
/// fails instead when `PATUH_REQUIRE_SOFFICE=1` (`.ci/run` installs it and sets that).
fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("soffice"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert_ne!(
            std::env::var("PATUH_REQUIRE_SOFFICE").as_deref(),
            Ok("1"),
            "PATUH_REQUIRE_SOFFICE=1 but soffice is not installed \
             (apt-get install libreoffice-calc-nogui)"
        );
        eprintln!(
            "note: soffice (LibreOffice) is not installed: the LibreOffice check of the \
             downloads is skipped"
        );
    }
    found
}

/// LibreOffice converting `files` `to` a format (a filter with its options) into
/// `outdir`, reading them with `infilter` when given; with its own profile in `profile`,
/// so that tests running at once do not share one.
fn convert(
    soffice: &Path,
    profile: &Path,
    to: &str,
    infilter: Option<&str>,
    files: &[PathBuf],
    outdir: &Path,
) {
    let mut command = std::process::Command::new(soffice);
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to]);
    if let Some(filter) = infilter {
        command.arg(format!("--infilter={filter}"));
    }
    command.arg("--outdir").arg(outdir).args(files);
    let mut ran = command.output().unwrap();
    // LibreOffice sometimes aborts while it sets up a new profile (a WrappedTargetRuntime
    // exception, signal 6), whatever the files: once more, with the profile it has made.
    // A file it cannot convert fails both times.
    if !ran.status.success() {
        ran = command.output().unwrap();
    }
    assert!(
        ran.status.success(),
        "soffice: {}{}",
        String::from_utf8_lossy(&ran.stdout),
        String::from_utf8_lossy(&ran.stderr)
    );
}

/// The sheets of the ODS file `path` as calamine reads them: name and cells.
fn ods_sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: calamine::Ods<_> = calamine::open_workbook(path).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (name, rows)
        })
        .collect()
}

/// Every sheet of an XLSX as LibreOffice exports it to CSV, the cells as they are shown.
const ALL_SHEETS_AS_SHOWN: &str =
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

#[test]
fn libreoffice_reads_the_workbooks_sheets_dates_numbers_and_text() {
    let Some(soffice) = soffice() else { return };
    let (work, out) = build_site(EXPORT);
    let profile = work.path().join("lo-profile");
    let converted = work.path().join("converted");
    let period = out.join("minggu/2026-W45/index.xlsx");
    let history = out.join("pd/dinas-sosial.xlsx");
    let register = out.join("pd/dinas-sosial.2026.xlsx");
    convert(
        &soffice,
        &profile,
        ALL_SHEETS_AS_SHOWN,
        None,
        &[period.clone(), history.clone(), register.clone()],
        &converted,
    );
    // One CSV per sheet, named after it.
    let mut files: Vec<String> = std::fs::read_dir(&converted)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "dinas-sosial-Ringkasan.csv",
            "dinas-sosial.2026-Daftar item.csv",
            "index-Bagian Umum Protokol.csv",
            "index-Belum Didisposisi.csv",
            "index-Dinas Perumahan, Kawasan Pe (2).csv",
            "index-Dinas Perumahan, Kawasan Permuk.csv",
            "index-Dinas Sosial.csv",
            "index-Ringkasan.csv",
        ]
    );
    let read = |name: &str| std::fs::read_to_string(converted.join(name)).unwrap();
    let lines = |name: &str| -> Vec<String> { read(name).lines().map(String::from).collect() };
    // Date-times shown in their format, minutes with theirs, the formula as text.
    assert_eq!(
        lines("index-Dinas Sosial.csv")[1],
        "T1,Dinas Sosial,,,@admin,2026-11-02 09:00:00,2026-11-02 09:30:00,2026-11-02 09:35:00,\
         2026-11-02 09:40:00,,Tepat waktu,30.0,,Tepat waktu,5.0,,Tepat waktu,5.0,,Tepat waktu,\
         40.0,,\"=HYPERLINK(\"\"http://x\"\") hubungi 08••••••••90\","
    );
    assert_eq!(
        lines("index-Belum Didisposisi.csv")[1]
            .split(',')
            .nth(11)
            .unwrap(),
        "-10.0"
    );
    let summary = lines("index-Ringkasan.csv");
    assert!(
        summary[5].starts_with("Pemantauan & penyampaian ke Kasi,60.0,75.0%,3,1,0,0,1,0,0,"),
        "{}",
        summary[5]
    );
    assert!(
        lines("dinas-sosial.2026-Daftar item.csv")[1]
            .starts_with("T1,November 2026,Dinas Sosial,,,@admin,2026-11-02 09:00:00,"),
        "{}",
        read("dinas-sosial.2026-Daftar item.csv")
    );

    // The cells' types, from LibreOffice's own file of what it read.
    convert(
        &soffice,
        &profile,
        "ods",
        None,
        &[period, register],
        &converted,
    );
    let book = ods_sheets(&converted.join("index.ods"));
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ringkasan",
            "Bagian Umum Protokol",
            "Dinas Perumahan, Kawasan Permuk",
            "Dinas Perumahan, Kawasan Pe (2)",
            "Dinas Sosial",
            "Belum Didisposisi",
        ]
    );
    let row = &book[4].1[1];
    assert_eq!(row[5], Data::DateTimeIso("2026-11-02T09:00:00".into()));
    assert_eq!(row[8], Data::DateTimeIso("2026-11-02T09:40:00".into()));
    assert_eq!(row[10], text("Tepat waktu"));
    assert_eq!(row[11], Data::Float(30.0));
    assert_eq!(
        row[22],
        text("=HYPERLINK(\"http://x\") hubungi 08••••••••90")
    );
    assert_eq!(book[0].1[5][2], Data::Float(0.75));
    let book = ods_sheets(&converted.join("dinas-sosial.2026.ods"));
    assert_eq!(
        book[0].1[1][6],
        Data::DateTimeIso("2026-11-02T09:00:00".into())
    );
}

#[test]
fn libreoffice_opens_the_csv_downloads_in_columns_with_dates_and_numbers() {
    let Some(soffice) = soffice() else { return };
    // Indonesian: `;` and a decimal comma, read as LibreOffice set to Indonesian reads
    // them (language 1057); English: `,` and a decimal point (1033).
    let export = "No Tiket;Waktu Posting;Waktu Lapor;Isi\n\
                  T1;2026-11-02 09:00:00;2026-11-02 09:01:30;=1+1\n\
                  T2;kemarin;2026-11-02 09:30:00;teks\n";
    for (settings, infilter, register) in [
        ("", "CSV:59,34,76,1,,1057,false,true", "belum-didisposisi"),
        (
            "lang = \"en\"\n",
            "CSV:44,34,76,1,,1033,false,true",
            "not-yet-disposed",
        ),
    ] {
        let (work, out) = build_with(&config(settings), export);
        let converted = work.path().join("converted");
        convert(
            &soffice,
            &work.path().join("lo-profile"),
            "ods",
            Some(infilter),
            &[
                out.join(format!("minggu/2026-W45/{register}.csv")),
                out.join("masalah-data.csv"),
            ],
            &converted,
        );
        let register = &ods_sheets(&converted.join(format!("{register}.ods")))[0].1;
        assert_eq!(register[0].len(), 24, "{settings}: one column per header");
        let t1 = &register[1];
        assert_eq!(t1[0], text("T1"));
        assert_eq!(
            t1[5],
            Data::DateTimeIso("2026-11-02T09:00:00".into()),
            "{settings}"
        );
        assert_eq!(
            t1[6],
            Data::DateTimeIso("2026-11-02T09:01:30".into()),
            "{settings}"
        );
        assert_eq!(t1[11], Data::Float(1.5), "{settings}");
        assert_eq!(t1[22], text("'=1+1"), "{settings}");
        let issues = &ods_sheets(&converted.join("masalah-data.ods"))[0].1;
        assert_eq!(issues[0].len(), 9, "{settings}");
        // The row of the unreadable posting time, a number.
        assert_eq!(
            issues[1][3],
            Data::Float(3.0),
            "{settings}: {:?}",
            issues[1]
        );
    }
}
