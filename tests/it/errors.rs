//! The errors that end a run, as a person reads them on the terminal: in the run's
//! language (`--lang`, else the configuration's `lang` when it can be read, else
//! Indonesian), each with the file it concerns and what to do. One representative
//! failure of each kind, the whole message in both languages.

use std::path::Path;

use crate::support::{fixture, one_export, patuh, workdir, Ran};

/// Runs `patuh ARGS…` in `cwd`, expecting it to fail with exit status 1 and nothing on
/// standard output; gives standard error.
#[track_caller]
fn fails(cwd: &Path, args: &[&str]) -> String {
    let Ran {
        code,
        stdout,
        stderr,
    } = patuh(cwd, args);
    assert_eq!(code, Some(1), "{args:?}: {stdout}{stderr}");
    assert_eq!(stdout, "", "{args:?}");
    stderr
}

/// Runs `patuh ARGS…` in `cwd` once as it is and once with `--lang en` after the command,
/// asserting the whole error message of each (one line each, unless the message holds a
/// library's own multi-line text).
#[track_caller]
fn says(cwd: &Path, args: &[&str], indonesian: &str, english: &str) {
    assert_eq!(fails(cwd, args), format!("{indonesian}\n"), "{args:?}");
    let english_args = [&args[..1], &["--lang", "en"], &args[1..]].concat();
    assert_eq!(
        fails(cwd, &english_args),
        format!("{english}\n"),
        "{english_args:?}"
    );
}

/// A working folder with only `patuh.toml`, holding `text`.
fn configured(text: &str) -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("patuh.toml"), text).unwrap();
    work
}

#[test]
fn an_invalid_configuration_value_names_the_key_in_both_languages() {
    let work = configured("timezone = \"Asia/Bekasi\"\n");
    says(
        work.path(),
        &["check"],
        "Kesalahan: Konfigurasi ./patuh.toml tidak valid: `timezone`: zona waktu \
         \"Asia/Bekasi\" tidak dikenal: tuliskan nama IANA, misalnya \"Asia/Jakarta\"",
        "error: invalid configuration ./patuh.toml: `timezone`: unknown time zone \
         \"Asia/Bekasi\": write an IANA name such as \"Asia/Jakarta\"",
    );
    // A key naming something that does not exist: a target for a step the model lacks.
    let work = configured("[targets]\npemantuan = 90\n");
    says(
        work.path(),
        &["check"],
        "Kesalahan: Konfigurasi ./patuh.toml tidak valid: `targets.pemantuan`: tidak ada \
         tahap dengan id \"pemantuan\": gunakan salah satu dari pemantauan, disposisi, \
         penerusan, end_to_end",
        "error: invalid configuration ./patuh.toml: `targets.pemantuan`: no step has the id \
         \"pemantuan\": use one of pemantauan, disposisi, penerusan, end_to_end",
    );
    // A message inside a message: the calendar's interval, the as-of moment's reason.
    let work = configured("[calendar]\ntue = [\"22:00-06:00\"]\n");
    says(
        work.path(),
        &["check"],
        "Kesalahan: Konfigurasi ./patuh.toml tidak valid: `calendar.tue`: \"22:00-06:00\" \
         tidak berakhir setelah waktu mulainya: satu rentang berada dalam satu hari (untuk \
         sif malam tuliskan \"22:00-24:00\" dan \"00:00-06:00\")",
        "error: invalid configuration ./patuh.toml: `calendar.tue`: \"22:00-06:00\" does not \
         end after it starts: an interval stays within one day (for a night shift write \
         \"22:00-24:00\" and \"00:00-06:00\")",
    );
    let work = configured("as_of = \"31/02/2026\"\n");
    says(
        work.path(),
        &["check"],
        "Kesalahan: Konfigurasi ./patuh.toml tidak valid: `as_of`: \"31/02/2026\": tanggal \
         atau waktu itu tidak ada: tuliskan tanggal dan waktu, misalnya \"2026-11-29 23:59\"",
        "error: invalid configuration ./patuh.toml: `as_of`: \"31/02/2026\": no such date or \
         time: write a date and time such as \"2026-11-29 23:59\"",
    );
}

#[test]
fn a_value_of_the_wrong_type_keeps_the_toml_readers_text() {
    let work = configured("mask_personal_data = \"ya\"\n");
    let toml = "TOML parse error at line 1, column 22\n  |\n1 | mask_personal_data = \
                \"ya\"\n  |                      ^^^^\ninvalid type: string \"ya\", expected \
                a boolean";
    says(
        work.path(),
        &["check"],
        &format!(
            "Kesalahan: Konfigurasi ./patuh.toml tidak valid; perbaiki bagian yang ditunjuk \
             pesan pembaca TOML berikut, lalu jalankan lagi: {toml}"
        ),
        &format!("error: invalid configuration ./patuh.toml: {toml}"),
    );
}

#[test]
fn an_invalid_configuration_is_reported_in_the_command_line_language_or_indonesian() {
    // The file asks for English, but it cannot be read: its `lang` is not taken.
    let work = configured("lang = \"en\"\ntimezone = \"Asia/Bekasi\"\n");
    says(
        work.path(),
        &["check"],
        "Kesalahan: Konfigurasi ./patuh.toml tidak valid: `timezone`: zona waktu \
         \"Asia/Bekasi\" tidak dikenal: tuliskan nama IANA, misalnya \"Asia/Jakarta\"",
        "error: invalid configuration ./patuh.toml: `timezone`: unknown time zone \
         \"Asia/Bekasi\": write an IANA name such as \"Asia/Jakarta\"",
    );
}

#[test]
fn a_valid_configuration_sets_the_language_and_lang_overrides_it() {
    let work = configured("lang = \"en\"\n");
    let english = "error: the data folder ekspor does not exist: put the exports there, or \
                   name the folder with --data";
    let indonesian = "Kesalahan: Folder data ekspor tidak ada: letakkan berkas ekspor di sana, \
                      atau sebutkan foldernya dengan --data";
    assert_eq!(
        fails(work.path(), &["check", "--data", "ekspor"]),
        format!("{english}\n")
    );
    assert_eq!(
        fails(work.path(), &["check", "--lang", "id", "--data", "ekspor"]),
        format!("{indonesian}\n")
    );
    // No configuration at all: Indonesian.
    let empty = tempfile::tempdir().unwrap();
    says(
        empty.path(),
        &["build", "--data", "ekspor"],
        indonesian,
        english,
    );
}

#[test]
fn an_unreadable_export_is_named_with_what_to_do() {
    // Bytes that are neither text nor an Excel 97–2003 file.
    let bytes: Vec<u8> = (0..600u32).map(|i| (i % 7) as u8).collect();
    let work = one_export("rekap.xls", bytes);
    says(
        work.path(),
        &["check"],
        "Kesalahan: Tidak dapat membaca rekap.xls: berkas ini bukan buku kerja Excel 97–2003 \
         (awal berkasnya tidak seperti buku kerja tersebut; mungkin halaman web atau berkas \
         teks yang disimpan dengan ekstensi .xls). Buka berkas itu di program spreadsheet \
         lalu simpan kembali, atau pindahkan berkas itu dari folder data",
        "error: cannot read rekap.xls: this is not an Excel 97–2003 workbook (the file does \
         not begin like one; a web page or a text file saved with the .xls extension, \
         perhaps). Open it in a spreadsheet program and save it again, or move it out of the \
         data folder",
    );
    // A limit of one export, with the record where the count went over.
    let work = one_export("rekap.csv", "a;b;c\n1;2;3\n4;5;6\n");
    std::fs::write(
        work.path().join("patuh.toml"),
        "[limits]\nmax_cells_per_file = 5\n",
    )
    .unwrap();
    says(
        work.path(),
        &["check"],
        "Kesalahan: Tidak dapat membaca rekap.csv: berkas ini memuat lebih dari 5 sel \
         (rekaman 2), batas untuk satu berkas ekspor; berkas mungkin rusak. Jika berkas itu \
         asli, pecah menjadi beberapa berkas, atau naikkan [limits] max_cells_per_file di \
         patuh.toml",
        "error: cannot read rekap.csv: it holds more than 5 cells (record 2), the limit for \
         one export; the file may be damaged. If it is genuine, split it, or raise [limits] \
         max_cells_per_file in patuh.toml",
    );
}

#[test]
fn a_refused_output_folder_says_why_and_what_to_do() {
    let work = workdir(&fixture("site/small"));
    std::fs::create_dir(work.path().join("arsip")).unwrap();
    std::fs::write(work.path().join("arsip/surat.txt"), "penting").unwrap();
    says(
        work.path(),
        &["build", "--out", "arsip"],
        "Kesalahan: Situs tidak ditulis ke arsip: folder itu tidak kosong dan tidak memuat \
         situs patuh (tidak ada manifest.json); pilih folder kosong atau folder baru dengan \
         --out",
        "error: refusing to write into arsip: it is not empty and holds no patuh site (no \
         manifest.json); choose an empty or new folder with --out",
    );
    says(
        work.path(),
        &["build", "--data", "data", "--out", "data"],
        "Kesalahan: Folder data data sekaligus menjadi folder keluaran: berikan folder \
         tersendiri untuk situs dengan --out",
        "error: the data folder data is also the output folder: give the site a folder of \
         its own with --out",
    );
    assert_eq!(
        std::fs::read_to_string(work.path().join("arsip/surat.txt")).unwrap(),
        "penting"
    );
}

#[test]
fn init_over_an_existing_file_writes_nothing() {
    let work = tempfile::tempdir().unwrap();
    std::fs::create_dir(work.path().join("kantor")).unwrap();
    std::fs::write(work.path().join("kantor/patuh.toml"), "# milik kantor\n").unwrap();
    says(
        work.path(),
        &["init", "--dir", "kantor"],
        "Kesalahan: kantor/patuh.toml sudah ada: patuh init tidak pernah menimpa berkas; \
         pindahkan berkas itu terlebih dahulu",
        "error: kantor/patuh.toml already exists: patuh init never overwrites a file; move \
         it away first",
    );
    assert_eq!(
        std::fs::read_to_string(work.path().join("kantor/patuh.toml")).unwrap(),
        "# milik kantor\n"
    );
}

#[test]
fn a_broken_template_is_named() {
    let work = workdir(&fixture("site/small"));
    let templates = work.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    // Fails while the page is rendered.
    std::fs::write(templates.join("index.md"), "# {{ tidak_ada }}\n").unwrap();
    let tera = "Failed to render 'index.md': Variable `tidak_ada` not found in context while \
                rendering 'index.md'";
    says(
        work.path(),
        &["build"],
        &format!("Kesalahan: Tidak dapat menyusun halaman dengan templat index.md: {tera}"),
        &format!("error: cannot render index.md: {tera}"),
    );
    // Fails when it is loaded.
    std::fs::write(templates.join("index.md"), "{% if %}\n").unwrap();
    let tera = "Failed to parse 'index.md':  --> 1:7\n  |\n1 | {% if %}\n  |       ^---\n  |\n  \
                = expected a value that can be negated";
    says(
        work.path(),
        &["build"],
        &format!("Kesalahan: Templat templates tidak valid: {tera}"),
        &format!("error: invalid template templates: {tera}"),
    );
    assert!(!work.path().join("site").exists());
}

#[test]
fn an_unreadable_as_of_moment_and_too_many_departments() {
    let work = workdir(&fixture("site/small"));
    says(
        work.path(),
        &["check", "--as-of", "kemarin"],
        "Kesalahan: Saat acuan --as-of tidak dapat dibaca: \"kemarin\": bukan tanggal atau \
         waktu yang dapat dibaca patuh. Tuliskan tanggal dan waktu, misalnya \"2026-11-29 \
         23:59\"",
        "error: invalid as-of moment \"kemarin\": not a date or time patuh can read: write a \
         date and time such as \"2026-11-29 23:59\"",
    );
    let config = work.path().join("patuh.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\n[limits]\nmax_departments = 1\n")).unwrap();
    says(
        work.path(),
        &["build"],
        "Kesalahan: Berkas ekspor menyebut 2 perangkat daerah, melebihi batas 1: periksa \
         bahwa kolom perangkat daerah berisi nama perangkat daerah (`patuh check` menunjukkan \
         kolom mana yang dibaca sebagai `department`), atau naikkan [limits] max_departments \
         di patuh.toml",
        "error: the exports name 2 departments, more than the limit of 1: check that the \
         department column holds department names (`patuh check` shows which column is read \
         as `department`), or raise [limits] max_departments in patuh.toml",
    );
}

/// Every message key the code names (`"err_…"`) is in both word lists, and every `err_`
/// key of the word lists is named by the code: a misspelt key would fail only when that
/// error happens.
#[test]
fn every_error_key_is_in_both_word_lists_and_used() {
    use patuh::words::{words, Lang};
    let mut named = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(crate::support::repo().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (at, _) in text.match_indices("\"err_") {
            let key: String = text[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            named.insert(key);
        }
    }
    assert!(named.len() > 100, "{named:?}");
    for lang in [Lang::Id, Lang::En] {
        let listed: std::collections::BTreeSet<String> = words(lang)
            .keys()
            .filter(|k| k.starts_with("err_"))
            .cloned()
            .collect();
        let missing: Vec<_> = named.difference(&listed).collect();
        assert!(
            missing.is_empty(),
            "{lang:?}: not in the word list: {missing:?}"
        );
        let unused: Vec<_> = listed.difference(&named).collect();
        assert!(unused.is_empty(), "{lang:?}: never named: {unused:?}");
    }
}

#[test]
fn a_configuration_that_cannot_be_read_names_the_file_and_why() {
    let work = tempfile::tempdir().unwrap();
    says(
        work.path(),
        &["check", "--config", "kantor.toml"],
        "Kesalahan: Tidak dapat membaca konfigurasi kantor.toml: berkas atau folder tidak ada",
        "error: cannot read the configuration kantor.toml: the file or folder does not exist",
    );
    // Not UTF-8 (saved in Windows-1252): said in words, with what to do.
    std::fs::write(
        work.path().join("kantor.toml"),
        b"office = \"Dinas \xe9\"\n",
    )
    .unwrap();
    says(
        work.path(),
        &["check", "--config", "kantor.toml"],
        "Kesalahan: Tidak dapat membaca konfigurasi kantor.toml: berkas bukan teks UTF-8: \
         simpan ulang dengan pengodean UTF-8",
        "error: cannot read the configuration kantor.toml: the file is not UTF-8 text: save \
         it as UTF-8",
    );
}
