//! Mistakes caught at the door: where the configuration comes from and what `build` says
//! it read, so that a misplaced file or a skipped sheet never passes unnoticed.

use std::path::Path;

use crate::support::{self, fixture, one_export, patuh, repo};
use patuh::ingest::delimited::Encoding;
use patuh::issues::{IssueKind, Location, Reason};

/// The departments of the first week in `site/data/summary.json`.
fn departments(site: &Path) -> Vec<String> {
    support::pages::summary(site)["periods"][0]["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect()
}

/// A working folder whose `data/` holds one export naming "Dishub" and "Diskominfo".
fn workdir() -> tempfile::TempDir {
    one_export(
        "Laporan 2-8 Nov 2026.csv",
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan\n\
         T1;02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;Teruskan;Dishub;02/11/2026 09.40\n\
         T2;02/11/2026 10.00;02/11/2026 10.30;02/11/2026 10.35;Teruskan;Diskominfo;02/11/2026 10.40\n",
    )
}

#[test]
fn the_configuration_is_looked_up_in_the_working_folder_then_the_data_folder() {
    let work = workdir();
    let w = work.path();
    // None: the built-in defaults, said so.
    let built = patuh(w, &["build"]).success().stderr;
    assert!(built.starts_with("patuh: konfigurasi bawaan\n"), "{built}");
    assert_eq!(departments(&w.join("site")), ["Dishub", "Diskominfo"]);

    // Beside the exports, as the README says: used, and not read as an export.
    std::fs::write(
        w.join("data/patuh.toml"),
        "[departments]\n\"Dinas Perhubungan\" = [\"Dishub\"]\n",
    )
    .unwrap();
    let built = patuh(w, &["build"]).success().stderr;
    assert_eq!(
        built.lines().next(),
        Some("patuh: konfigurasi data/patuh.toml")
    );
    assert!(
        built.contains("  patuh.toml: berkas konfigurasi patuh, bukan ekspor\n"),
        "{built}"
    );
    assert_eq!(
        departments(&w.join("site")),
        ["Dinas Perhubungan", "Diskominfo"]
    );
    let checked = patuh(w, &["check"]).stdout;
    assert_eq!(
        checked.lines().next(),
        Some("patuh check: data (konfigurasi: data/patuh.toml)")
    );

    // One in the working folder comes first.
    std::fs::write(
        w.join("patuh.toml"),
        "lang = \"en\"\n[departments]\n\"Dinas Komunikasi dan Informatika\" = [\"Diskominfo\"]\n",
    )
    .unwrap();
    let built = patuh(w, &["build"]).success().stderr;
    assert_eq!(
        built.lines().next(),
        Some("patuh: configuration ./patuh.toml")
    );
    assert_eq!(
        departments(&w.join("site")),
        ["Dinas Komunikasi dan Informatika", "Dishub"]
    );
}

#[test]
fn build_names_every_file_and_sheet_it_did_not_read_and_counts_the_issues() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir(&data).unwrap();
    // A sample export with a cover sheet ("Keterangan"), and a file that is no export.
    let export = "Laporan Medsos 28 Sep-4 Okt 2026.xlsx";
    std::fs::copy(repo().join("data").join(export), data.join(export)).unwrap();
    std::fs::write(data.join("notulen rapat.pdf"), "%PDF-1.4").unwrap();
    let built = patuh(work.path(), &["build"]).success().stderr;
    // The pseudo-departments (Dijawab Langsung, Belum Didisposisi) have no history page.
    // Each of the 28 Perangkat Daerah has five files in pd/: its history page (HTML,
    // Markdown), its history workbook, and its register of 2026 (XLSX, CSV).
    assert_eq!(
        built,
        "patuh: konfigurasi bawaan\n\
         patuh: 165 item dari 1 ekspor (dibaca 165 = dimasukkan 165 + duplikat 0 + ditolak 0); \
         396 berkas ditulis ke site\n\
         Tidak dibaca (2):\n  \
         notulen rapat.pdf: bukan format ekspor (.csv .tsv .txt .xlsx .xlsm .xlsb .xls .ods)\n  \
         Laporan Medsos 28 Sep-4 Okt 2026.xlsx, lembar \"Keterangan\": tidak ada baris judul \
         kolom di 20 baris pertama yang menyebut kolom waktu (seperti Waktu Posting); bila \
         namanya lain, petakan di [columns] pada patuh.toml\n\
         Masalah data (1)\n  \
         Tahap yang tidak dapat diukur: 1\n\
         Rinciannya (baris, kolom, saran): patuh check, atau halaman kualitas data di situs.\n"
    );
}

#[test]
fn a_utf8_export_with_a_stray_byte_is_read_as_utf8_with_that_cell_flagged() {
    let fixture = fixture("door/stray_byte");
    let ledger = support::read_dir(&fixture);
    let file = &ledger.files[0];
    assert_eq!(file.delimited.unwrap().encoding, Encoding::Utf8);
    // The numbers of the sample export it was made from (183 rows, all items).
    assert_eq!(support::counts(&ledger), (183, 183, 0, 0));
    let alone = tempfile::tempdir().unwrap();
    let name = "Laporan Medsos 2-8 Nov 2026.csv";
    std::fs::copy(
        repo().join("data/2026-11").join(name),
        alone.path().join(name),
    )
    .unwrap();
    let sample = support::read_dir(alone.path());
    assert_eq!(
        format!("{:?}", file.tables().collect::<Vec<_>>()),
        format!("{:?}", sample.files[0].tables().collect::<Vec<_>>()),
        "the same tables as the sample export"
    );
    // Its UTF-8 text intact (read whole as Windows-1252 it was "CafÃ©").
    let text = |id: &str| support::item(&ledger, id).text.clone().unwrap();
    assert!(text("MS-2026-000832").starts_with("Lampu jalan di depan Café Melati, RT 08"));
    assert!(text("MS-2026-000834")
        .starts_with("Pelayanan di kantor Kelurahan Duren Jaya lambat\u{FFFD}, mengurus"));
    // The one cell, with its bytes.
    let stray: Vec<_> = ledger
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::NotUtf8)
        .collect();
    assert_eq!(stray.len(), 1);
    assert_eq!(
        stray[0].location,
        Location::row("Laporan Medsos 2-8 Nov 2026.csv", None, 4).at_column(6, "Isi Laporan")
    );
    assert_eq!(stray[0].reason, Reason::NotUtf8 { bytes: "92".into() });
    let w = patuh::words::words(patuh::words::Lang::Id);
    assert_eq!(
        stray[0].describe(w, ""),
        "bita 92 bukan UTF-8 seperti sisa berkas ini; ditampilkan sebagai \u{FFFD}"
    );
}

#[test]
fn a_notepad_ansi_export_is_still_read_as_windows_1252() {
    let work = tempfile::tempdir().unwrap();
    let mut csv = b"No Tiket;Waktu Posting;Waktu Lapor;Perangkat Daerah\n".to_vec();
    csv.extend_from_slice(b"T1;02/11/2026 09.00;02/11/2026 09.30;Dinas Caf\xE9\n");
    csv.extend_from_slice(b"T2;02/11/2026 10.00;02/11/2026 10.30;Dinas Caf\xE9 \x93Melati\x94\n");
    std::fs::write(work.path().join("ansi.csv"), csv).unwrap();
    let ledger = support::read_dir(work.path());
    assert_eq!(
        ledger.files[0].delimited.unwrap().encoding,
        Encoding::Windows1252
    );
    assert_eq!(
        support::item(&ledger, "T2").department.as_deref(),
        Some("Dinas Café “Melati”")
    );
    assert!(ledger.issues.iter().all(|i| i.kind != IssueKind::NotUtf8));
}

#[test]
fn check_takes_the_as_of_moment_and_the_language_as_build_does() {
    let work = workdir();
    let run = |args: &[&str]| patuh(work.path(), args).success().stdout;
    // Without it: the latest timestamp of the exports.
    let text = run(&["check"]);
    assert_eq!(
        text.lines().nth(1),
        Some("zona waktu Asia/Jakarta, urutan tanggal dmy, kondisi per 2026-11-02T10:40:00+07:00")
    );
    let text = run(&["check", "--as-of", "2026-11-05", "--lang", "en"]);
    assert_eq!(
        text.lines().nth(1),
        Some("time zone Asia/Jakarta, date order dmy, as of 2026-11-05T23:59:59+07:00")
    );
    let json: serde_json::Value = serde_json::from_str(&run(&[
        "check",
        "--as-of",
        "2026-11-05 08:00",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["run"]["as_of"], "2026-11-05T08:00:00+07:00");
    let wrong = patuh(work.path(), &["check", "--as-of", "kemarin"]);
    assert_eq!(wrong.code, Some(1));
}

#[test]
fn check_lists_commentary_that_cannot_be_shown() {
    let work = workdir();
    std::fs::create_dir(work.path().join("data/catatan")).unwrap();
    std::fs::write(
        work.path().join("data/catatan/2026-W45.md"),
        "Minggu tenang.",
    )
    .unwrap();
    std::fs::write(
        work.path().join("data/catatan/2026-W52.md"),
        "Salah minggu.",
    )
    .unwrap();
    let text = patuh(work.path(), &["check"]).success().stdout;
    assert!(
        text.contains(
            "  Catatan periode yang tidak dapat ditampilkan (1): Simpan catatan sebagai berkas \
             teks biasa"
        ),
        "{text}"
    );
    assert!(
        text.contains("    catatan/2026-W52.md - tidak ada periode dengan nama ini dalam laporan"),
        "{text}"
    );
    assert!(!text.contains("catatan/2026-W45.md -"), "{text}");
}
