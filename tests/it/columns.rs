//! Issue 10: exports as a new user makes them. A header misspelled by one letter, a date
//! without its time: patuh must say so, never guess silently, and keep the numbers.
//!
//! The fixtures (tests/fixtures/columns/README.md) are copies of the sample exports in
//! `data/` with one thing changed, as an office would get it wrong.

use std::path::{Path, PathBuf};

use crate::support::pages::page;
use crate::support::{issues_of, only_table, patuh_build, read_exports};
use patuh::check::{render_json, render_text, RunInfo};
use patuh::config::Config;
use patuh::ingest::Ledger;
use patuh::issues::IssueKind;
use patuh::words::{words, Lang};

/// `tests/fixtures/columns/<path>`.
fn fixture(path: &str) -> PathBuf {
    crate::support::fixture("columns").join(path)
}

/// What `patuh check` reads and judges (default configuration).
fn checked(data: &Path) -> Ledger {
    let config = Config::default();
    let mut ledger = read_exports(data, &config).unwrap();
    patuh::judge(&mut ledger, &config, None).unwrap();
    ledger
}

fn run(data: &Path) -> RunInfo {
    RunInfo {
        data_dir: data.display().to_string(),
        config: None,
        timezone: "Asia/Jakarta".into(),
        date_order: "dmy".into(),
        as_of: None,
        warnings: Vec::new(),
    }
}

/// Builds the site of `data` with the binary into `<temporary folder>/site`.
fn build(data: &Path, extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    patuh_build(data, &out.path().join("site"), extra).success();
    out
}

/// A file of the site built into `dir`.
fn read(dir: &tempfile::TempDir, path: &str) -> String {
    page(&dir.path().join("site"), path)
}

const DISPOSSI_ID: &str = "kolom 'Waktu Dispossi' tidak dikenali \u{2014} mungkin maksudnya 'Waktu Disposisi'? Tambahkan di [columns] disposed_at";
const DAEARH_ID: &str = "kolom 'Perangkat Daearh' tidak dikenali \u{2014} mungkin maksudnya 'Perangkat Daerah'? Tambahkan di [columns] department";
const DISPOSSI_EN: &str = "column 'Waktu Dispossi' is not recognised \u{2014} did you mean 'Waktu Disposisi'? Add it under [columns] disposed_at";
const DAEARH_EN: &str = "column 'Perangkat Daearh' is not recognised \u{2014} did you mean 'Perangkat Daerah'? Add it under [columns] department";

#[test]
fn a_misspelled_header_is_listed_and_named_never_mapped() {
    let data = fixture("misspelled_headers/data");
    let ledger = checked(&data);
    let t = only_table(&ledger);
    // Nothing is mapped silently: neither field has a column.
    let fields: Vec<&str> = t.columns.iter().map(|c| c.field.name()).collect();
    assert!(!fields.contains(&"disposed_at"), "{fields:?}");
    assert!(!fields.contains(&"department"), "{fields:?}");
    let unmapped: Vec<(&str, &str, Option<&str>)> = t
        .unmapped
        .iter()
        .map(|u| {
            (
                u.column.as_str(),
                u.header.as_str(),
                u.likely.as_ref().map(|l| l.field.name()),
            )
        })
        .collect();
    assert_eq!(
        unmapped,
        [
            ("J", "Waktu Dispossi", Some("disposed_at")),
            ("L", "Perangkat Daearh", Some("department")),
        ]
    );
    // One issue per header cell, at the header row, in either language.
    let unknown = issues_of(&ledger, IssueKind::UnknownColumn);
    let id: Vec<String> = unknown
        .iter()
        .map(|i| i.describe(words(Lang::Id), ""))
        .collect();
    let en: Vec<String> = unknown.iter().map(|i| i.detail()).collect();
    assert_eq!(id, [DISPOSSI_ID, DAEARH_ID]);
    assert_eq!(en, [DISPOSSI_EN, DAEARH_EN]);
    let at: Vec<String> = unknown.iter().map(|i| i.location.to_string()).collect();
    assert_eq!(
        at,
        [
            "Laporan Medsos 19-25 Okt 2026.csv, row 1, column J (Waktu Dispossi)",
            "Laporan Medsos 19-25 Okt 2026.csv, row 1, column L (Perangkat Daearh)",
        ]
    );

    // `check` lists them under the table and starts its advice with them.
    let text = render_text(&ledger, &run(&data), Lang::Id);
    assert!(
        text.contains(
            "      kolom tidak dikenali (tidak dihitung): J (Waktu Dispossi, mungkin Waktu Disposisi), L (Perangkat Daearh, mungkin Perangkat Daerah)\n"
        ),
        "{text}"
    );
    assert!(text.contains(DISPOSSI_ID), "{text}");
    assert!(
        text.contains("mulai dari 2 \u{d7} \u{201c}Kolom yang tidak dikenali tetapi mirip judul kolom yang dikenal\u{201d}"),
        "{text}"
    );
    let text = render_text(&ledger, &run(&data), Lang::En);
    assert!(
        text.contains(
            "unknown columns (not counted): J (Waktu Dispossi, maybe Waktu Disposisi), L (Perangkat Daearh, maybe Perangkat Daerah)"
        ),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&render_json(&ledger, &run(&data))).unwrap();
    let listed = &json["files"][0]["sheets"][0]["outcome"]["read"]["unmapped"];
    assert_eq!(
        listed[0],
        serde_json::json!({
            "column": "J",
            "header": "Waktu Dispossi",
            "likely": {"field": "disposed_at", "alias": "Waktu Disposisi", "time_half": false}
        })
    );
    let issue = json["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "unknown_column")
        .unwrap();
    assert_eq!(issue["reason"], "looks_like");
    assert_eq!(issue["alias"], "Waktu Disposisi");
    assert_eq!(issue["field"], "disposed_at");
}

#[test]
fn a_column_the_sop_needs_is_missing_once_per_file_not_once_per_row() {
    let data = fixture("misspelled_headers/data");
    let ledger = checked(&data);
    let missing = issues_of(&ledger, IssueKind::MissingColumn);
    assert_eq!(missing.len(), 1, "{missing:#?}");
    let issue = missing[0];
    assert_eq!(
        issue.location.to_string(),
        "Laporan Medsos 19-25 Okt 2026.csv, row 1"
    );
    // 171 items, every one without disposed_at, and disposisi applies to all of them.
    assert_eq!(
        issue.describe(words(Lang::Id), ""),
        "kolom Waktu Disposisi (disposed_at) tidak ada di berkas ini: tahap disposisi, penerusan tidak dapat diukur untuk 171 item"
    );
    assert_eq!(
        issue.detail(),
        "column Waktu Disposisi (disposed_at) is not in this file: step disposisi, penerusan cannot be measured for 171 items"
    );
    // No row claims disposed_at is empty: the unmeasurable steps left are those of the
    // original export (the seven last items, not reached yet, as patuh check of
    // data/2026-10/Laporan Medsos 19-25 Okt 2026.csv lists them before and after).
    let rows: Vec<String> = issues_of(&ledger, IssueKind::UnmeasurableStep)
        .iter()
        .map(|i| format!("{} {}", i.location.row.unwrap(), i.detail()))
        .collect();
    assert_eq!(rows.len(), 7, "{rows:#?}");
    assert!(rows.iter().all(|r| !r.contains("disposed_at")), "{rows:#?}");
    assert_eq!(
        rows[0],
        "166 step `disposisi` not reached yet: `reported_at` is missing while an earlier step is still open"
    );
    // The statuses are as before: 171 items' disposisi steps are judged without an end.
    let text = render_text(&ledger, &run(&data), Lang::Id);
    assert!(
        text.contains("    Laporan Medsos 19-25 Okt 2026.csv, baris 1 - kolom Waktu Disposisi (disposed_at) tidak ada di berkas ini"),
        "{text}"
    );
    assert!(!text.contains("`disposed_at` kosong"), "{text}");
}

#[test]
fn the_site_lists_them_and_keeps_the_numbers_of_an_export_without_the_columns() {
    let data = fixture("misspelled_headers/data");
    let site = build(&data, &[]);
    // summary.json is byte for byte what patuh wrote before unknown columns were listed
    // (commit 9ef6e64, `patuh build --data tests/fixtures/columns/misspelled_headers/data`):
    // the two columns are left out, so disposisi has no end (0,0 % and Tanpa Perangkat
    // Daerah, as the issue reports). Listing them changes no number.
    let expected =
        std::fs::read_to_string(fixture("misspelled_headers/expected/summary.json")).unwrap();
    assert_eq!(read(&site, "data/summary.json"), expected);
    let html = read(&site, "kualitas-data.html");
    assert!(
        html.contains("<td>J (Waktu Dispossi, mungkin Waktu Disposisi), L (Perangkat Daearh, mungkin Perangkat Daerah)</td>"),
        "{html}"
    );
    // Pages escape the apostrophes.
    let escaped = |text: &str| text.replace('\'', "&#x27;");
    assert!(html.contains(&escaped(DISPOSSI_ID)), "{html}");
    let md = read(&site, "kualitas-data.md");
    assert!(
        md.contains(
            "| J (Waktu Dispossi, mungkin Waktu Disposisi), L (Perangkat Daearh, mungkin Perangkat Daerah) |"
        ),
        "{md}"
    );
    let site = build(&data, &["--lang", "en"]);
    let html = read(&site, "kualitas-data.html");
    assert!(html.contains(&escaped(DAEARH_EN)), "{html}");
    // Markdown escapes its brackets and underscores.
    let md = read(&site, "kualitas-data.md");
    assert!(
        md.contains("did you mean 'Perangkat Daerah'? Add it under \\[columns\\] department |"),
        "{md}"
    );
}

#[test]
fn a_date_without_a_time_is_an_issue_and_marks_the_steps_it_decides() {
    let data = fixture("date_without_time/data");
    let ledger = checked(&data);
    // Still midnight (INPUTS.md): 19 Oct 2026 00:00 WIB.
    let item = ledger
        .items
        .iter()
        .find(|i| i.id.as_deref() == Some("MS-2026-000500"))
        .unwrap();
    assert_eq!(
        item.stamps.get(patuh::model::Stamp::PostedAt),
        Some("2026-10-18T17:00:00Z".parse().unwrap())
    );
    assert!(item.date_only(patuh::model::Stamp::PostedAt));
    assert!(!item.date_only(patuh::model::Stamp::ReportedAt));
    // One issue for the column, with the count of its cells.
    let issues = issues_of(&ledger, IssueKind::DateWithoutTime);
    assert_eq!(issues.len(), 1, "{issues:#?}");
    let issue = issues[0];
    assert_eq!(
        issue.location.to_string(),
        "Laporan Medsos 19-25 Okt 2026.csv, column C (Waktu Posting)"
    );
    assert_eq!(issue.value.as_deref(), Some("19 Okt 2026"));
    assert_eq!(
        issue.describe(words(Lang::Id), ""),
        "tanggal tanpa jam: dibaca pukul 00.00 (2 sel, pertama di baris 11); tahap yang dihitung darinya ditandai * di daftar item"
    );
    assert_eq!(
        issue.detail(),
        "date without a time: read as 00:00 (2 cells, first in row 11); steps measured from them are marked * in the item registers"
    );

    let site = build(&data, &[]);
    // summary.json is byte for byte what patuh wrote before dates alone were marked
    // (commit 9ef6e64, `patuh build --data tests/fixtures/columns/date_without_time/data`):
    // the dates are still read as midnight, so MS-2026-000500's pemantauan is breached
    // (35,400 s) as before.
    let expected =
        std::fs::read_to_string(fixture("date_without_time/expected/summary.json")).unwrap();
    assert_eq!(read(&site, "data/summary.json"), expected);
    // The register marks the steps judged from the date alone, and says what the mark
    // means: pemantauan (posted → reported) and end_to_end, not disposisi or penerusan.
    let page = read(&site, "minggu/2026-W43/kecamatan-bekasi-timur.html");
    let row = page
        .lines()
        .find(|l| l.contains(">MS-2026-000500<"))
        .unwrap_or_else(|| panic!("{page}"));
    let mark = "<abbr title=\"dihitung dari tanggal tanpa jam (dibaca pukul 00.00)\">*</abbr>";
    assert!(
        row.contains(&format!(
            "<td class=\"st breached\" data-sort=\"35400\">Terlambat<br><span class=\"dur\">9 jam 50 mnt{mark}</span><br><span class=\"clock\">00.00 → 09.50</span></td>"
        )),
        "{row}"
    );
    assert!(
        row.contains("<td class=\"st met\" data-sort=\"240\">Tepat waktu<br><span class=\"dur\">4 mnt</span><br><span class=\"clock\">09.50 → 09.54</span></td>"),
        "{row}"
    );
    assert_eq!(row.matches(mark).count(), 2, "{row}");
    assert!(page
        .contains("<p class=\"hint\">* dihitung dari tanggal tanpa jam (dibaca pukul 00.00)</p>"));
    let md = read(&site, "minggu/2026-W43/kecamatan-bekasi-timur.md");
    assert!(
        md.contains("| Terlambat (9 jam 50 mnt\\*; 00.00 → 09.50) | Tepat waktu (4 mnt; 09.50 → 09.54) | Tepat waktu (12 mnt; 09.54 → 10.06) | Terlambat (10 jam 6 mnt\\*; 00.00 → 10.06) |"),
        "{md}"
    );
    assert!(md.contains("\n\\* dihitung dari tanggal tanpa jam (dibaca pukul 00.00)\n"));
    // A department with no such date has no mark and no note.
    let other = read(&site, "minggu/2026-W43/dinas-lingkungan-hidup.html");
    assert!(!other.contains("tanggal tanpa jam"));
    // The CSV register has a column per step.
    let csv = read(&site, "minggu/2026-W43/kecamatan-bekasi-timur.csv");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row: Vec<String> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
        .find(|r| r[0] == "MS-2026-000500")
        .unwrap();
    // 35 400 s: 590 minutes.
    assert_eq!(
        row[at("Pemantauan & penyampaian ke Kasi: durasi (menit)")],
        "590"
    );
    assert_eq!(
        row[at("Pemantauan & penyampaian ke Kasi: tanggal tanpa jam")],
        "ya"
    );
    assert_eq!(row[at("Analisis & disposisi: tanggal tanpa jam")], "");
    assert_eq!(
        row[at("Penerusan ke Perangkat Daerah: tanggal tanpa jam")],
        ""
    );
    assert_eq!(
        row[at("Total (posting sampai selesai di Diskominfo): tanggal tanpa jam")],
        "ya"
    );
}
