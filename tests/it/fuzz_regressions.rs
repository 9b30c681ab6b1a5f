//! The fuzz harness's entry points under `cargo test` (docs/fuzzing.md): every seed of
//! fuzz/seeds/<target>/ goes through the same calls as its fuzz target, and every finding
//! of tests/fixtures/fuzz/<target>/ (a fuzz input as the target takes it, minimized where
//! `cargo fuzz tmin` kept the same failure) is checked for the behaviour it should have.
//!
//! All findings so far are `.xls` files (workbook target, first byte 1) on which
//! calamine 0.38 panics or allocates without bound (which aborts the process). patuh now
//! checks an `.xls` before calamine opens it (src/ingest/xls.rs) and catches a reader's
//! panic; each finding must end in an error naming the file, and the ones that aborted
//! are also run through the binary under a memory cap.

use std::path::{Path, PathBuf};

use crate::support::{self, fixture, read_exports, repo};
use chrono_tz::Tz;
use patuh::config::{Config, DateOrderSetting};
use patuh::error::Error;
use patuh::ingest::delimited::read_bytes;
use patuh::ingest::Ledger;
use patuh::timestamp::{
    localize, parse_written, serial_to_local, to_instant, DateOrder, DateSystem,
};

const ZONES: [Tz; 2] = [Tz::Asia__Jakarta, Tz::America__New_York];
const ORDERS: [DateOrder; 2] = [DateOrder::DayFirst, DateOrder::MonthFirst];

/// The files of a folder, sorted.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn seeds(target: &str) -> Vec<PathBuf> {
    let files = files_in(&repo().join("fuzz/seeds").join(target));
    assert!(!files.is_empty(), "no seeds for {target}");
    files
}

fn finding_path(target: &str, name: &str) -> PathBuf {
    fixture("fuzz").join(target).join(name)
}

fn finding(target: &str, name: &str) -> Vec<u8> {
    let path = finding_path(target, name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------
// The calls of each fuzz target (fuzz/fuzz_targets/<target>.rs), with the wall clock
// replaced by a fixed `now`.
// ---------------------------------------------------------------------------------------

/// fuzz_targets/timestamp.rs: what `parse_written` made of the text, if it is UTF-8.
fn timestamp_entry(data: &[u8]) -> Option<Result<(), String>> {
    if let Some(bytes) = data.get(..8) {
        let serial = f64::from_le_bytes(bytes.try_into().unwrap());
        for system in [DateSystem::Excel1900, DateSystem::Excel1904] {
            if let Ok(local) = serial_to_local(serial, system) {
                for zone in ZONES {
                    let _ = localize(local, zone);
                }
            }
        }
    }
    let text = std::str::from_utf8(data).ok()?;
    let parsed = parse_written(text);
    if let Ok(stamp) = &parsed {
        if let Some(date) = stamp.date {
            let _ = date.order_evidence();
            for order in ORDERS {
                let _ = date.resolve(order);
            }
        }
        for order in ORDERS {
            for zone in ZONES {
                let _ = to_instant(stamp, order, zone);
            }
        }
    }
    for setting in [
        DateOrderSetting::Dmy,
        DateOrderSetting::Mdy,
        DateOrderSetting::Auto,
    ] {
        let _ = patuh::sop::resolve_as_of(Some(text), None, &[], ZONES[1], setting);
    }
    Some(parsed.map(|_| ()).map_err(|e| e.to_string()))
}

/// Reads `data` saved as `name` alone in a fresh folder, as the fuzz targets do.
fn read_as(name: &str, data: &[u8]) -> Result<Ledger, Error> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), data).unwrap();
    read_exports(dir.path(), &Config::default())
}

/// fuzz_targets/delimited.rs: `read_bytes` both ways, then the whole ingest path.
fn delimited_entry(data: &[u8]) -> Result<Ledger, Error> {
    let finds_header = |fields: &[String]| fields.iter().any(|f| f == "Waktu Posting");
    for prefer_tab in [false, true] {
        let _ = read_bytes(data, prefer_tab, finds_header, |_, _| true);
    }
    read_as("x.csv", data)
}

const EXTENSIONS: [&str; 4] = ["xlsx", "xls", "ods", "xlsb"];

/// fuzz_targets/workbook.rs: the first byte picks the extension, the rest is the file.
fn workbook_entry(data: &[u8]) -> Option<Result<Ledger, Error>> {
    let (&selector, file) = data.split_first()?;
    let extension = EXTENSIONS[usize::from(selector) % EXTENSIONS.len()];
    Some(read_as(&format!("x.{extension}"), file))
}

/// A fixture package's parts in name order (`mimetype` first), as fuzz_targets/xml_parts.rs
/// takes them.
fn package_parts(fixture: &str) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let path = repo().join(fixture);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            (entry.name().unwrap().into_owned(), data)
        })
        .collect();
    parts.sort_by(|a, b| (a.0 != "mimetype", &a.0).cmp(&(b.0 != "mimetype", &b.0)));
    parts
}

/// fuzz_targets/package.rs `with_part`: the package of `parts` with part `replaced`
/// (modulo their number) holding `content`, every part stored.
fn with_part(parts: &[(String, Vec<u8>)], replaced: usize, content: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let replaced = replaced % parts.len();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (i, (name, bytes)) in parts.iter().enumerate() {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(if i == replaced { content } else { bytes })
            .unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// fuzz_targets/xml_parts.rs: the first byte picks the package and the part, the rest
/// replaces that part.
fn xml_parts_entry(data: &[u8]) -> Option<Result<Ledger, Error>> {
    let (&selector, content) = data.split_first()?;
    let (extension, fixture) = [
        ("xlsx", "tests/fixtures/inputs/workbook_xlsx/rekap.xlsx"),
        ("ods", "tests/fixtures/inputs/workbook_ods/rekap.ods"),
    ][usize::from(selector % 2)];
    let package = with_part(&package_parts(fixture), usize::from(selector / 2), content);
    Some(read_as(&format!("x.{extension}"), &package))
}

const XLSB_PACKAGE: &str = "tests/fixtures/hostile/xlsb_full/full.xlsb";

/// fuzz_targets/xlsb_parts.rs: the first byte picks the part of full.xlsb, the rest
/// replaces it.
fn xlsb_parts_entry(data: &[u8]) -> Option<Result<Ledger, Error>> {
    let (&selector, content) = data.split_first()?;
    let package = with_part(&package_parts(XLSB_PACKAGE), usize::from(selector), content);
    Some(read_as("x.xlsb", &package))
}

// ---------------------------------------------------------------------------------------
// The seeds: each is a valid input, read as such.
// ---------------------------------------------------------------------------------------

#[test]
fn timestamp_seeds() {
    for path in seeds("timestamp") {
        let data = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let parsed = timestamp_entry(&data);
        if name.starts_with("text") {
            assert_eq!(parsed, Some(Ok(())), "{}", path.display());
        } else {
            let serial = f64::from_le_bytes(data[..8].try_into().unwrap());
            assert!(serial.is_finite(), "{}", path.display());
        }
    }
}

#[test]
fn delimited_seeds() {
    for path in seeds("delimited") {
        let data = std::fs::read(&path).unwrap();
        let ledger = delimited_entry(&data).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!ledger.items.is_empty(), "{}", path.display());
    }
}

#[test]
fn workbook_seeds() {
    for path in seeds("workbook") {
        let data = std::fs::read(&path).unwrap();
        let ledger = workbook_entry(&data)
            .unwrap()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!ledger.items.is_empty(), "{}", path.display());
    }
}

/// Each seed is a part of the package as it is: the package reads as the fixture does.
#[test]
fn xml_parts_seeds() {
    let seeds = seeds("xml_parts");
    assert_eq!(seeds.len(), 18);
    for path in seeds {
        let data = std::fs::read(&path).unwrap();
        let ledger = xml_parts_entry(&data)
            .unwrap()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().unwrap().to_str().unwrap();
        // The part replaced is the one the seed is named after.
        let fixture = if data[0] % 2 == 0 {
            "tests/fixtures/inputs/workbook_xlsx/rekap.xlsx"
        } else {
            "tests/fixtures/inputs/workbook_ods/rekap.ods"
        };
        let parts = package_parts(fixture);
        let (part, bytes) = &parts[usize::from(data[0] / 2) % parts.len()];
        assert!(
            name.ends_with(&part.replace('/', "_")),
            "{name} replaces {part}"
        );
        assert_eq!(bytes.as_slice(), &data[1..], "{name}");
        let original = read_as(
            if data[0] % 2 == 0 { "x.xlsx" } else { "x.ods" },
            &std::fs::read(repo().join(fixture)).unwrap(),
        )
        .unwrap();
        assert!(!ledger.items.is_empty(), "{name}");
        assert_eq!(ledger.items, original.items, "{name}");
    }
}

/// Each seed is a part of full.xlsb as it is: the package reads as the fixture does.
#[test]
fn xlsb_parts_seeds() {
    let seeds = seeds("xlsb_parts");
    assert_eq!(seeds.len(), 4);
    let parts = package_parts(XLSB_PACKAGE);
    let original = read_as("x.xlsb", &std::fs::read(repo().join(XLSB_PACKAGE)).unwrap()).unwrap();
    for path in seeds {
        let data = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        let (part, bytes) = &parts[usize::from(data[0]) % parts.len()];
        assert_eq!(name, part.replace('/', "_"), "{name} replaces {part}");
        assert_eq!(bytes.as_slice(), &data[1..], "{name}");
        let ledger = xlsb_parts_entry(&data)
            .unwrap()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!ledger.items.is_empty(), "{name}");
        assert_eq!(ledger.items, original.items, "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// The findings of the workbook target (docs/fuzzing.md, "Findings").
// ---------------------------------------------------------------------------------------

/// What calamine 0.38 does with each `.xls` finding when it opens the file
/// (`Xls::new`, reached without patuh's checks), and the start of the error patuh gives
/// instead (after `cannot read x.xls: `). calamine's places and messages are recorded in
/// docs/fuzzing.md; the ones marked "abort" end the process (no unwinding, no error).
const XLS_FINDINGS: [(&str, &str, &str); 13] = [
    (
        "xls-truncated-sector",
        "panic cfb.rs:320: slice index starts at 512 but ends at 0",
        "the workbook's file structure is damaged (CFB version 0 is not supported)",
    ),
    (
        "xls-partial-fat-sector",
        "panic utils.rs:29: assertion `left == right` failed",
        "the workbook's file structure is damaged (Incorrect mini stream cutoff (expected 4096, found 0))",
    ),
    (
        "xls-short-record",
        "panic utils.rs:48",
        "the spreadsheet reader failed on this file (range end index 2 out of range for slice of length 0)",
    ),
    (
        "xls-sheet-offset",
        "panic xls.rs:633: range start index 28995 out of range for slice of length 4851",
        "the workbook's file structure is damaged (Malformed directory entry (name length too large: 65535))",
    ),
    (
        "xls-short-boundsheet",
        "panic xls.rs:804: index out of bounds: the len is 4 but the index is 4",
        "the workbook's file structure is damaged (Malformed directory entry (name length too large: 65535))",
    ),
    (
        "xls-mulrk-underflow",
        "panic xls.rs:987: attempt to subtract with overflow",
        "the workbook's file structure is damaged (Malformed directory entry (name length too large: 25970))",
    ),
    (
        "xls-formula-overrun",
        "panic xls.rs:1531: range end index 48389 out of range for slice of length 5",
        "the workbook's file structure is damaged (Malformed FAT (FAT has 17 entries, but file has only 16 sectors))",
    ),
    (
        "xls-dimensions-underflow",
        "panic xls.rs:665 (debug); release: wraps, reserves 473 GB, abort",
        "the workbook is damaged (a sheet's dimensions end before they start)",
    ),
    (
        "xls-sheet-offset-sound",
        "panic xls.rs:633: range start index 16387869 out of range for slice of length 4851",
        "the workbook is damaged (sheet \"Lanjutan\" starts at byte 16387869 of a workbook stream of 4851 bytes)",
    ),
    (
        "xls-formula-overrun-sound",
        "panic xls.rs:1531: range end index 16 out of range for slice of length 5",
        "the spreadsheet reader failed on this file (range end index 16 out of range for slice of length 5)",
    ),
    (
        "xls-dimensions-reserve",
        "abort: reserves 687 GB for a DIMENSIONS record (xls.rs:667)",
        "the workbook's file structure is damaged (Malformed FAT (FAT has 17 entries, but file has only 16 sectors))",
    ),
    (
        "xls-fat-cycle",
        "abort: follows a looping sector chain until memory runs out (cfb.rs:340)",
        "the workbook's file structure is damaged (Malformed FAT (FAT has 122 entries, but file has only 17 sectors))",
    ),
    (
        "xls-far-cell",
        "abort: a dense grid from the first cell to a far one, 22 GB (lib.rs from_sparse)",
        "the workbook's file structure is damaged (Malformed directory entry (name length too large: 26988))",
    ),
];

/// The one error of reading a workbook finding: it must name the file.
fn file_error(name: &str) -> patuh::ingest::FileError {
    let data = finding("workbook", name);
    assert_eq!(data[0] % 4, 1, "{name}: an .xls input");
    match workbook_entry(&data).unwrap() {
        Err(Error::Read(patuh::ingest::ReadError(errors))) => {
            assert_eq!(errors.len(), 1, "{name}: {errors:?}");
            errors.into_iter().next().unwrap()
        }
        Err(other) => panic!("{name}: not a read error: {other}"),
        Ok(ledger) => panic!("{name}: read, {} items", ledger.items.len()),
    }
}

#[test]
fn every_workbook_finding_is_tested() {
    let mut named: Vec<&str> = XLS_FINDINGS.iter().map(|(name, _, _)| *name).collect();
    named.sort_unstable();
    let files: Vec<String> = files_in(&finding_path("workbook", ""))
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
        .collect();
    assert_eq!(files, named);
}

/// Every finding ends in one error that names the file, says what is wrong and what to do.
#[test]
fn xls_findings_are_errors_naming_the_file() {
    for (name, _calamine, message) in XLS_FINDINGS {
        let error = file_error(name);
        assert_eq!(error.file, "x.xls", "{name}");
        assert!(
            error.message().starts_with(message),
            "{name}: {}",
            error.message()
        );
        assert!(
            error.message().to_lowercase().contains(
                "open it in a spreadsheet program and save it again, or move it out of the data folder"
            ),
            "{name}: {}",
            error.message()
        );
    }
}

/// The findings that aborted the process, through the binary in a child process whose
/// address space is capped at 4 GiB and which is stopped after two minutes: exit status
/// 1 and the error on stderr, no allocation failure.
#[test]
fn xls_findings_that_aborted_end_in_an_error_under_a_memory_cap() {
    for (name, calamine, _) in XLS_FINDINGS {
        if !calamine.contains("abort") {
            continue;
        }
        let data = finding("workbook", name);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.xls"), &data[1..]).unwrap();
        let support::Ran { code, stderr, .. } = support::check_capped(dir.path());
        assert!(!stderr.contains("memory allocation"), "{name}: {stderr}");
        assert_eq!(code, Some(1), "{name}: {stderr}");
        assert!(
            stderr.starts_with("error: cannot read x.xls: "),
            "{name}: {stderr}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The findings of the xml_parts target (docs/fuzzing.md).
// ---------------------------------------------------------------------------------------

/// Sheet parts whose cell, row or dimension references lie outside a sheet. calamine
/// 0.38 computes their positions with unchecked u32 arithmetic (xlsx/mod.rs:3097,
/// `get_row_and_optional_column`): a panic in a debug build, in a release build a
/// wrapped position, that is a value in another cell without a word. patuh refuses them
/// first (after `cannot read x.xlsx: `).
const XML_PARTS_FINDINGS: [(&str, &str); 3] = [
    (
        "xlsx-cell-reference-overflow",
        "the workbook is damaged (xl/worksheets/sheet2.xml has a cell at \"KTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT\", which is no cell of a sheet (A1 to XFD1048576))",
    ),
    (
        "xlsx-dimension-reference",
        "the workbook is damaged (xl/worksheets/sheet2.xml has a range at \"A1:heetView wip Id=\", which is no range of a sheet (A1 to XFD1048576))",
    ),
    (
        "xlsx-row-reference",
        "the workbook is damaged (xl/worksheets/sheet2.xml has a row at \"Relationsh[ps1\", which is no row of a sheet (A1 to XFD1048576))",
    ),
];

#[test]
fn every_xml_parts_finding_is_tested() {
    let files: Vec<String> = files_in(&finding_path("xml_parts", ""))
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
        .collect();
    let named: Vec<&str> = XML_PARTS_FINDINGS.iter().map(|(name, _)| *name).collect();
    assert_eq!(files, named);
}

#[test]
fn xml_parts_findings_are_errors_naming_the_file() {
    for (name, message) in XML_PARTS_FINDINGS {
        let data = finding("xml_parts", name);
        match xml_parts_entry(&data).unwrap() {
            Err(Error::Read(patuh::ingest::ReadError(errors))) => {
                assert_eq!(errors.len(), 1, "{name}");
                assert_eq!(errors[0].file, "x.xlsx", "{name}");
                assert_eq!(
                    errors[0].message(),
                    format!(
                        "{message}. Open it in a spreadsheet program and save it again, or move \
                         it out of the data folder"
                    ),
                    "{name}"
                );
            }
            Err(other) => panic!("{name}: not a read error: {other}"),
            Ok(ledger) => panic!("{name}: read, {} items", ledger.items.len()),
        }
    }
}

// ---------------------------------------------------------------------------------------
// The findings of the xlsb_parts target (docs/fuzzing.md).
// ---------------------------------------------------------------------------------------

/// Parts of an XLSB on which calamine 0.38 panics (a slice or index past a short record,
/// a relationship missing from a map): `read_exports` catches the panic, and the run ends
/// in one error naming the file, with calamine's words and the advice.
const XLSB_PARTS_FINDINGS: [(&str, &str); 4] = [
    (
        "xlsb-rels-missing-sheet",
        "no entry found for key", // xlsb/mod.rs:312
    ),
    (
        "xlsb-sheet-cell-index",
        "index out of bounds: the len is 0 but the index is 0", // xlsb/cells_reader.rs:151
    ),
    (
        "xlsb-sheet-short-dimension",
        "range end index 16 out of range for slice of length 0", // xlsb/cells_reader.rs:55
    ),
    (
        "xlsb-workbook-short-record",
        "range start index 8 out of range for slice of length 1", // xlsb/mod.rs:306
    ),
];

#[test]
fn every_xlsb_parts_finding_is_tested() {
    let files: Vec<String> = files_in(&finding_path("xlsb_parts", ""))
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
        .collect();
    let named: Vec<&str> = XLSB_PARTS_FINDINGS.iter().map(|(name, _)| *name).collect();
    assert_eq!(files, named);
}

#[test]
fn xlsb_parts_findings_are_errors_naming_the_file() {
    for (name, panic) in XLSB_PARTS_FINDINGS {
        let data = finding("xlsb_parts", name);
        match xlsb_parts_entry(&data).unwrap() {
            Err(Error::Read(patuh::ingest::ReadError(errors))) => {
                assert_eq!(errors.len(), 1, "{name}");
                assert_eq!(errors[0].file, "x.xlsb", "{name}");
                assert_eq!(
                    errors[0].message(),
                    format!(
                        "the spreadsheet reader failed on this file ({panic}); it is damaged or \
                         in a form patuh cannot read: open it in a spreadsheet program and save \
                         it again, or move it out of the data folder"
                    ),
                    "{name}"
                );
            }
            Err(other) => panic!("{name}: not a read error: {other}"),
            Ok(ledger) => panic!("{name}: read, {} items", ledger.items.len()),
        }
    }
}
