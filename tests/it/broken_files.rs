//! Broken and hostile files that are not workbooks: binary data or a workbook under a
//! text file's name, a file that vanishes while patuh runs, values far longer than their
//! field, and the hash of what was read.

use crate::support::{
    self, fixture, now, one_export, pages, patuh_in_empty, read_dir, read_exports,
};
use patuh::config::Config;
use patuh::ingest::{SheetOutcome, SheetSkipReason};

/// Bytes from a fixed linear congruential sequence: reproducible binary noise.
fn noise(len: usize) -> Vec<u8> {
    let mut x: u32 = 2026;
    (0..len)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect()
}

const GOOD_CSV: &str =
    "No Tiket,Waktu Posting,Waktu Lapor,Admin\nT1,27/11/2026 08:00,27/11/2026 08:20,Rina\n";

#[test]
fn binary_data_and_workbooks_named_as_text_are_skipped_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("baik.csv"), GOOD_CSV).unwrap();
    std::fs::write(d.join("sampah.csv"), noise(4096)).unwrap();
    std::fs::copy(
        fixture("inputs/workbook_xls/rekap.xls"),
        d.join("rekap.txt"),
    )
    .unwrap();
    std::fs::copy(
        fixture("inputs/workbook_xlsx/rekap.xlsx"),
        d.join("rekap.csv"),
    )
    .unwrap();
    let ledger = read_dir(d);
    let outcomes: Vec<(&str, Option<SheetSkipReason>)> = ledger
        .files
        .iter()
        .map(|f| {
            assert_eq!(f.sheets.len(), 1, "{}", f.file);
            let skip = match &f.sheets[0].outcome {
                SheetOutcome::Read(_) => None,
                SheetOutcome::Skipped(reason) => Some(*reason),
            };
            (f.file.as_str(), skip)
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            ("baik.csv", None),
            ("rekap.csv", Some(SheetSkipReason::WorkbookNamedAsText)),
            ("rekap.txt", Some(SheetSkipReason::WorkbookNamedAsText)),
            ("sampah.csv", Some(SheetSkipReason::NotText)),
        ]
    );
    assert_eq!(ledger.rows.read, 1);
    assert_eq!(ledger.items.len(), 1);
}

#[test]
fn a_file_that_vanishes_before_it_is_read_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.csv"), GOOD_CSV).unwrap();
    std::fs::write(d.join("b.csv"), GOOD_CSV).unwrap();
    let discovery = patuh::discover::find_exports(d, &[], None).unwrap();
    std::fs::remove_file(d.join("b.csv")).unwrap();
    let settings = patuh::ingest::ReadSettings::new(&Config::default(), now());
    let err = patuh::ingest::read_all(discovery, &settings, None, &Default::default()).unwrap_err();
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].file, "b.csv");
    assert!(
        err.0[0].message().ends_with(
            "Check that the file is still there and can be read (is it open in another \
             program?), then run patuh again"
        ),
        "{}",
        err.0[0].message()
    );
}

#[test]
fn the_hash_of_an_input_is_the_hash_of_the_bytes_read() {
    // SHA-256 of GOOD_CSV, from `sha256sum`.
    const HASH: &str = "4323f0bced83c968ccdae631450624a81651b45d962efb4db7e1aa1568a6d16e";
    let work = one_export("x.csv", GOOD_CSV);
    let data = work.path().join("data");
    let ledger = read_exports(&data, &Config::default()).unwrap();
    assert_eq!(ledger.files[0].sha256, HASH);
    // The site's manifest and method page carry it.
    support::build(&Config::default(), &data, &work.path().join("site")).unwrap();
    let manifest = pages::page(&work.path().join("site"), "manifest.json");
    assert!(manifest.contains(HASH), "{manifest}");
    let method = pages::page(&work.path().join("site"), "metode.md");
    assert!(method.contains(HASH), "{method}");
}

/// A CSV whose every identifying field and text is far too long, row by row.
fn long_values_csv(big: usize) -> String {
    let long = |c: char| c.to_string().repeat(big);
    let mut rows = vec![
        "No Tiket,Waktu Posting,Waktu Lapor,Admin,Isi Aduan,Perangkat Daerah,Link,Kanal"
            .to_string(),
    ];
    let row = |id: &str, admin: &str, text: &str, dept: &str, url: &str, channel: &str| {
        format!("{id},27/11/2026 08:00,27/11/2026 08:20,{admin},{text},{dept},{url},{channel}")
    };
    let url = format!("https://x.id/{}", long('u'));
    rows.push(row(
        &long('I'),
        "Rina",
        "isi",
        "Dinas Sosial",
        "https://x.id/1",
        "Instagram",
    ));
    rows.push(row(
        "T2",
        &long('A'),
        "isi",
        "Dinas Sosial",
        "https://x.id/2",
        "Instagram",
    ));
    rows.push(row(
        "T3",
        "Rina",
        &long('t'),
        "Dinas Sosial",
        "https://x.id/3",
        "Instagram",
    ));
    rows.push(row(
        "T4",
        "Rina",
        "isi",
        &long('D'),
        "https://x.id/4",
        "Instagram",
    ));
    rows.push(row("T5", "Rina", "isi", "Dinas Sosial", &url, "Instagram"));
    rows.push(row(
        "T6",
        "Rina",
        "isi",
        "Dinas Sosial",
        "https://x.id/6",
        &long('K'),
    ));
    rows.join("\n") + "\n"
}

/// Builds a site from `csv` and gives (total bytes, largest page and its bytes).
fn site_size(csv: &str) -> (u64, String, u64) {
    let work = one_export("x.csv", csv);
    let data = work.path().join("data");
    let outcome = support::build(&Config::default(), &data, &work.path().join("site")).unwrap();
    let mut total = 0;
    let mut largest = (String::new(), 0);
    for path in &outcome.files {
        let len = std::fs::metadata(work.path().join("site").join(path))
            .unwrap()
            .len();
        total += len;
        if len > largest.1 && (path.ends_with(".html") || path.ends_with(".md")) {
            largest = (path.clone(), len);
        }
    }
    (total, largest.0, largest.1)
}

#[test]
fn values_far_longer_than_their_field_are_issues_and_do_not_bloat_the_site() {
    const BIG: usize = 5 * 1024 * 1024;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), long_values_csv(BIG)).unwrap();
    let ledger = read_dir(dir.path());
    assert_eq!(ledger.items.len(), 6);
    let too_long: Vec<(u32, &str, String)> = ledger
        .issues
        .iter()
        .filter(|i| matches!(i.reason, patuh::issues::Reason::TooLong { .. }))
        .map(|i| (i.location.row.unwrap(), i.field.unwrap().name(), i.detail()))
        .collect();
    let detail = |n: usize, max: usize, field: &str| {
        format!("{n} characters, more than the {max} `{field}` may hold; counted as missing")
    };
    assert_eq!(
        too_long,
        [
            (2, "id", detail(BIG, 200, "id")),
            (3, "admin", detail(BIG, 100, "admin")),
            (5, "department", detail(BIG, 200, "department")),
            (6, "url", detail(BIG + 13, 2048, "url")),
            (7, "channel", detail(BIG, 100, "channel")),
        ]
    );
    // Each value counts as missing; the 5 MB text is kept for the item.
    assert_eq!(ledger.items[0].id, None);
    assert_eq!(ledger.items[1].admin, None);
    assert_eq!(ledger.items[2].text.as_deref().map(str::len), Some(BIG));
    // The site: within 40 KB of the same site with one-character values, and no page
    // over 100 KB (the register CSVs keep 5,000 characters of the text).
    let (small, _, _) = site_size(&long_values_csv(1));
    let (big, page, page_len) = site_size(&long_values_csv(BIG));
    assert!(big < small + 40 * 1024, "{big} bytes against {small}");
    assert!(page_len < 100 * 1024, "{page}: {page_len} bytes");
}

#[test]
fn a_message_full_of_control_characters_does_not_make_the_export_binary() {
    // 5,000 control characters (none of them white space) in one citizen's message: far
    // more than 5 % of the file, but only one cell of it.
    let controls: String = (0x01u8..=0x08)
        .chain(0x0e..=0x1f)
        .chain([0x7f])
        .map(char::from)
        .cycle()
        .take(5000)
        .collect();
    let csv = format!(
        "No Tiket,Waktu Posting,Waktu Lapor,Admin,Isi Aduan\n\
         T1,27/11/2026 08:00,27/11/2026 08:20,Rina,jalan rusak\n\
         T2,27/11/2026 09:00,27/11/2026 09:20,Budi,\"tolong{controls}\"\n\
         T3,27/11/2026 10:00,27/11/2026 10:20,Sari,lampu mati\n"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("aduan.csv"), csv).unwrap();
    let ledger = read_dir(dir.path());
    assert!(
        matches!(ledger.files[0].sheets[0].outcome, SheetOutcome::Read(_)),
        "{:?}",
        ledger.files[0].sheets[0].outcome
    );
    assert_eq!(ledger.rows.read, 3);
    assert_eq!(ledger.items.len(), 3);
    // The controls are kept as data (pages drop them when they render the text).
    let text = ledger.items[1].text.as_deref().unwrap();
    assert_eq!(text.chars().filter(|c| c.is_control()).count(), 5000);
}

#[test]
fn a_password_protected_workbook_or_text_under_a_workbook_name_is_skipped_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("baik.csv"), GOOD_CSV).unwrap();
    // rekap.xlsx encrypted by msoffcrypto-tool (tests/fixtures/hostile/README.md): an OLE
    // file with EncryptionInfo and EncryptedPackage streams.
    std::fs::copy(
        fixture("hostile/xlsx_password/sandi.xlsx"),
        d.join("sandi.xlsx"),
    )
    .unwrap();
    std::fs::write(d.join("teks.xlsx"), GOOD_CSV).unwrap();
    std::fs::write(
        d.join("halaman.xls"),
        "<html><table><tr><td>No</td></tr></table></html>",
    )
    .unwrap();
    let ledger = read_dir(d);
    let outcomes: Vec<(&str, Option<SheetSkipReason>)> = ledger
        .files
        .iter()
        .map(|f| match &f.sheets[..] {
            [sheet] => match &sheet.outcome {
                SheetOutcome::Read(_) => (f.file.as_str(), None),
                SheetOutcome::Skipped(reason) => (f.file.as_str(), Some(*reason)),
            },
            sheets => panic!("{}: {sheets:?}", f.file),
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            ("baik.csv", None),
            ("halaman.xls", Some(SheetSkipReason::TextNamedAsWorkbook)),
            ("sandi.xlsx", Some(SheetSkipReason::PasswordProtected)),
            ("teks.xlsx", Some(SheetSkipReason::TextNamedAsWorkbook)),
        ]
    );
    assert_eq!(ledger.items.len(), 1);
    // The reasons in the report's language, with the file's format.
    let stdout = patuh_in_empty(&["check", "--lang", "id", "--data", d.to_str().unwrap()])
        .success()
        .stdout;
    assert!(stdout.contains("dilindungi kata sandi"), "{stdout}");
    assert!(stdout.contains("bukan XLSX"), "{stdout}");
    assert!(stdout.contains("bukan XLS:"), "{stdout}");
}

#[test]
fn names_that_differ_only_by_unicode_normalisation_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // "Café.csv" composed (NFC, é = U+00E9) and decomposed (NFD, e + U+0301): two files.
    let nfc = "Caf\u{e9}.csv";
    let nfd = "Cafe\u{301}.csv";
    std::fs::write(d.join(nfc), GOOD_CSV).unwrap();
    std::fs::write(d.join(nfd), GOOD_CSV.replace("T1", "T2")).unwrap();
    if std::fs::read_dir(d).unwrap().count() < 2 {
        return; // a file system that holds one name for both (APFS, say)
    }
    let ledger = read_dir(d);
    let names: Vec<&str> = ledger.files.iter().map(|f| f.file.as_str()).collect();
    // The decomposed one shows its combining mark as an escape.
    assert_eq!(names, ["Cafe\\u{301}.csv", nfc]);
    assert_eq!(ledger.items.len(), 2);
    let stdout = patuh_in_empty(&["check", "--lang", "en", "--data", d.to_str().unwrap()]).stdout;
    assert!(stdout.contains("  Cafe\\u{301}.csv (text"), "{stdout}");
    assert!(stdout.contains(&format!("  {nfc} (text")), "{stdout}");
}
