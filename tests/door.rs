//! Mistakes caught at the door: where the configuration comes from and what `build` says
//! it read, so that a misplaced file or a skipped sheet never passes unnoticed.

use std::path::Path;
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn patuh(work: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_patuh"))
        .current_dir(work)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The departments of the first week in `site/data/summary.json`.
fn departments(site: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(site.join("data/summary.json")).unwrap();
    let summary: serde_json::Value = serde_json::from_str(&text).unwrap();
    summary["periods"][0]["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect()
}

/// A working folder whose `data/` holds one export naming "Dishub" and "Diskominfo".
fn workdir() -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir(work.path().join("data")).unwrap();
    std::fs::write(
        work.path().join("data/Laporan 2-8 Nov 2026.csv"),
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan\n\
         T1;02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;Teruskan;Dishub;02/11/2026 09.40\n\
         T2;02/11/2026 10.00;02/11/2026 10.30;02/11/2026 10.35;Teruskan;Diskominfo;02/11/2026 10.40\n",
    )
    .unwrap();
    work
}

#[test]
fn the_configuration_is_looked_up_in_the_working_folder_then_the_data_folder() {
    let work = workdir();
    let w = work.path();
    // None: the built-in defaults, said so.
    let built = stderr(&patuh(w, &["build"]));
    assert!(built.starts_with("patuh: konfigurasi bawaan\n"), "{built}");
    assert_eq!(departments(&w.join("site")), ["Dishub", "Diskominfo"]);

    // Beside the exports, as the README says: used, and not read as an export.
    std::fs::write(
        w.join("data/patuh.toml"),
        "[departments]\n\"Dinas Perhubungan\" = [\"Dishub\"]\n",
    )
    .unwrap();
    let built = stderr(&patuh(w, &["build"]));
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
    let checked = patuh(w, &["check"]);
    let checked = String::from_utf8(checked.stdout).unwrap();
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
    let built = stderr(&patuh(w, &["build"]));
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
    let built = stderr(&patuh(work.path(), &["build"]));
    assert_eq!(
        built,
        "patuh: konfigurasi bawaan\n\
         patuh: 165 item dari 1 ekspor (dibaca 165 = dimasukkan 165 + duplikat 0 + ditolak 0); \
         305 berkas ditulis ke site\n\
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
