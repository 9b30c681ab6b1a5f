//! The fuzz harness's entry points under `cargo test` (docs/fuzzing.md): every seed of
//! fuzz/seeds/<target>/ goes through the same calls as its fuzz target, and every finding
//! of tests/fixtures/fuzz/<target>/ (a fuzz input as the target takes it, minimized where
//! `cargo fuzz tmin` kept the same failure) is checked for the behaviour it should have.
//!
//! All findings so far are `.xls` files (workbook target, first byte 1). calamine 0.38
//! panics on most of them; `read_exports` catches a panic of a reader and returns an error
//! naming the file, so those pass. Three make calamine allocate without bound, which
//! aborts the process (no unwinding): they run in a child `patuh check` under a memory
//! limit. One passes since 3e574dd; two FAIL until patuh refuses such files before
//! calamine opens them (docs/fuzzing.md, "Open").

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use patuh::config::{Config, DateOrderSetting};
use patuh::error::Error;
use patuh::ingest::delimited::read_bytes;
use patuh::ingest::timestamp::{
    localize, parse_written, serial_to_local, to_instant, DateOrder, DateSystem,
};
use patuh::ingest::Ledger;

/// The moment the harness pretends patuh runs (the fuzz targets use the wall clock).
fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-31T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

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
    let files = files_in(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/seeds")
            .join(target),
    );
    assert!(!files.is_empty(), "no seeds for {target}");
    files
}

fn finding_path(target: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target)
        .join(name)
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
        let _ = patuh::sop::resolve_as_of(Some(text), &[], ZONES[1], setting);
    }
    Some(parsed.map(|_| ()).map_err(|e| e.to_string()))
}

/// Reads `data` saved as `name` alone in a fresh folder, as the fuzz targets do.
fn read_as(name: &str, data: &[u8]) -> Result<Ledger, Error> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), data).unwrap();
    patuh::read_exports(dir.path(), &Config::default(), None, now())
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

// ---------------------------------------------------------------------------------------
// The findings of the workbook target (docs/fuzzing.md, "Findings").
// ---------------------------------------------------------------------------------------

/// Findings on which calamine 0.38 panics while opening the `.xls` (`Xls::new`): each
/// with the panic's place in calamine and the start of its message.
const XLS_PANICS: [(&str, &str, &str); 7] = [
    (
        "xls-truncated-sector",
        "cfb.rs:320",
        "slice index starts at 512 but ends at 0",
    ),
    (
        "xls-partial-fat-sector",
        "utils.rs:29",
        "assertion `left == right` failed",
    ),
    (
        "xls-short-record",
        "utils.rs:48",
        "range end index 2 out of range for slice of length 0",
    ),
    (
        "xls-sheet-offset",
        "xls.rs:633",
        "range start index 28995 out of range for slice of length 4851",
    ),
    (
        "xls-short-boundsheet",
        "xls.rs:804",
        "index out of bounds: the len is 4 but the index is 4",
    ),
    (
        "xls-mulrk-underflow",
        "xls.rs:987",
        "attempt to subtract with overflow",
    ),
    (
        "xls-formula-overrun",
        "xls.rs:1531",
        "range end index 48389 out of range for slice of length 5",
    ),
];

/// Findings on which calamine 0.38 allocates without bound while opening the `.xls`,
/// which aborts the process: the DIMENSIONS record's rows × columns reserved up front
/// (xls.rs:667, 687 GB asked), a cycle in the sector chain of the directory read to no
/// length limit (cfb.rs:340, grows until memory runs out), and a sheet's cells made into a
/// dense grid from the first to the last cell (xls.rs:724 `Range::from_sparse`, 22 GB).
const XLS_ABORTS: [&str; 3] = ["xls-dimensions-reserve", "xls-fat-cycle", "xls-far-cell"];

/// Findings that patuh now refuses before calamine reads them (calamine would panic in a
/// debug build and wrap, then reserve 473 GB, in a release build).
const XLS_REFUSED: [(&str, &str); 1] = [(
    "xls-dimensions-underflow",
    "the workbook is damaged (a sheet's dimensions end before they start)",
)];

#[test]
fn xls_with_reversed_dimensions_is_refused_naming_the_file() {
    for (name, message) in XLS_REFUSED {
        let error = file_error(name);
        assert_eq!(error.file, "x.xls", "{name}");
        assert!(
            error.message.starts_with(message),
            "{name}: {}",
            error.message
        );
    }
}

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
    let mut named: Vec<&str> = XLS_PANICS.iter().map(|(name, _, _)| *name).collect();
    named.extend(XLS_ABORTS);
    named.extend(XLS_REFUSED.iter().map(|(name, _)| *name));
    named.sort_unstable();
    let files: Vec<String> = files_in(&finding_path("workbook", ""))
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap().to_string())
        .collect();
    assert_eq!(files, named);
}

/// A panic inside calamine is caught by `read_exports`: the run ends with one error that
/// names the file, says what calamine said and what to do.
#[test]
fn xls_panics_in_calamine_are_errors_naming_the_file() {
    for (name, _place, message) in XLS_PANICS {
        let error = file_error(name);
        assert_eq!(error.file, "x.xls", "{name}");
        assert!(
            error.message.starts_with(&format!(
                "the spreadsheet reader failed on this file ({message}"
            )),
            "{name}: {}",
            error.message
        );
        assert!(
            error
                .message
                .ends_with("open it in a spreadsheet program and save it again, or move it out of the data folder"),
            "{name}: {}",
            error.message
        );
    }
}

/// `patuh check` on a folder holding `name` as `x.xls`, in a child process whose address
/// space is capped at 4 GiB and which is stopped after two minutes: (exit code, stderr).
fn check_capped(name: &str) -> (Option<i32>, String) {
    let data = finding("workbook", name);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.xls"), &data[1..]).unwrap();
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 4194304 && exec timeout 120 "$0" check --lang en --data "$1""#)
        .arg(env!("CARGO_BIN_EXE_patuh"))
        .arg(dir.path())
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// An `.xls` whose directory's sector chain loops: the correct outcome is exit status 1
/// and an error naming the file. Passes since 3e574dd, which refuses a chain longer than the file
/// has sectors before `calamine::Xls::new` (before it: memory grew until the allocation
/// failed, SIGABRT; without a memory limit it takes the machine's memory).
#[test]
fn xls_sector_chain_cycle_is_refused() {
    let (code, stderr) = check_capped("xls-fat-cycle");
    assert!(!stderr.contains("memory allocation"), "{stderr}");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("cannot read x.xls"), "{stderr}");
}
