//! Helpers for the input-contract tests: fixture paths, reading a fixture folder with a
//! fixed `now`, exact instants, and the row-ledger identity checked in every test.

pub mod pages;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use patuh::config::Config;
use patuh::ingest::{Ledger, SheetOutcome, TableSummary};
use patuh::issues::{DataIssue, IssueKind};
use patuh::model::{Item, Stamp};

/// The moment the tests pretend patuh runs: later timestamps are typos.
pub const NOW: &str = "2026-12-31T00:00:00Z";

/// The fixed `now` of every test.
pub fn now() -> DateTime<Utc> {
    utc(NOW)
}

/// An instant written in RFC 3339 (`2026-11-27T07:05:00Z`).
pub fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .with_timezone(&Utc)
}

/// The repository's root (the sample exports are in `data/`).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the folder `from` (recursively) to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A working folder holding a copy of `fixture`'s `data/` and `patuh.toml`.
pub fn workdir(fixture: &Path) -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&fixture.join("data"), &work.path().join("data"));
    std::fs::copy(fixture.join("patuh.toml"), work.path().join("patuh.toml")).unwrap();
    work
}

/// The folder of fixture case `case`.
pub fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(case)
}

/// The configuration of a fixture folder: its `patuh.toml` when it has one, else defaults.
pub fn config_of(dir: &Path) -> Config {
    let path = dir.join("patuh.toml");
    if path.is_file() {
        let text = std::fs::read_to_string(&path).unwrap();
        Config::parse(&text, &path).unwrap_or_else(|e| panic!("{e}"))
    } else {
        Config::default()
    }
}

/// Reads a fixture folder (with its own configuration) at [`NOW`], and checks the ledger.
pub fn read(case: &str) -> Ledger {
    read_dir(&fixture(case))
}

/// Reads any folder (with its own configuration) at [`NOW`], and checks the ledger.
pub fn read_dir(dir: &Path) -> Ledger {
    let config = config_of(dir);
    let ledger = patuh::read_exports(dir, &config, None, now(), &Default::default())
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    check_ledger(&ledger);
    ledger
}

/// The row ledger adds up: `read = included + duplicates + rejected` overall, per table,
/// and summed over the tables; blank and totals rows are the sums of the tables'.
pub fn check_ledger(ledger: &Ledger) {
    let r = ledger.rows;
    assert_eq!(
        r.read,
        r.included + r.duplicates + r.rejected,
        "read = included + duplicates + rejected: {r:?}"
    );
    assert_eq!(
        r.included,
        ledger.items.len() as u64,
        "one item per included row"
    );
    let tables: Vec<&TableSummary> = ledger.files.iter().flat_map(|f| f.tables()).collect();
    for t in &tables {
        assert_eq!(
            t.rows,
            t.included + t.duplicates + t.rejected,
            "per table: {t:?}"
        );
    }
    let sum = |f: fn(&TableSummary) -> u32| tables.iter().map(|t| u64::from(f(t))).sum::<u64>();
    assert_eq!(sum(|t| t.rows), r.read);
    assert_eq!(sum(|t| t.included), r.included);
    assert_eq!(sum(|t| t.duplicates), r.duplicates);
    assert_eq!(sum(|t| t.rejected), r.rejected);
    assert_eq!(sum(|t| t.blank), ledger.blank_rows);
    assert_eq!(sum(|t| t.totals), ledger.totals_rows);
    let rejected_issues = ledger
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::RejectedRow)
        .count() as u64;
    assert_eq!(
        rejected_issues, r.rejected,
        "every rejected row keeps its reason"
    );
    let occurrences: u64 = ledger.items.iter().map(|i| u64::from(i.occurrences)).sum();
    assert_eq!(occurrences, r.included + r.duplicates);
}

/// `(read, included, duplicates, rejected)` of the ledger.
pub fn counts(ledger: &Ledger) -> (u64, u64, u64, u64) {
    let r = ledger.rows;
    (r.read, r.included, r.duplicates, r.rejected)
}

/// The item with id `id`.
pub fn item<'a>(ledger: &'a Ledger, id: &str) -> &'a Item {
    ledger
        .items
        .iter()
        .find(|i| i.id.as_deref() == Some(id))
        .unwrap_or_else(|| {
            let ids: Vec<_> = ledger.items.iter().map(|i| i.id.clone()).collect();
            panic!("no item {id:?} among {ids:?}")
        })
}

/// The `posted_at` of the item with id `id`.
pub fn posted(ledger: &Ledger, id: &str) -> Option<DateTime<Utc>> {
    item(ledger, id).stamps.get(Stamp::PostedAt)
}

/// The one table read from file number `file`, sheet `sheet` (`None` for CSV).
pub fn table<'a>(ledger: &'a Ledger, file: &str, sheet: Option<&str>) -> &'a TableSummary {
    let report = ledger
        .files
        .iter()
        .find(|f| f.file == file)
        .unwrap_or_else(|| panic!("no file {file}"));
    let s = report
        .sheets
        .iter()
        .find(|s| s.name.as_deref() == sheet)
        .unwrap_or_else(|| panic!("no sheet {sheet:?} in {file}"));
    match &s.outcome {
        SheetOutcome::Read(t) => t,
        SheetOutcome::Skipped(r) => panic!("{file} {sheet:?} was skipped: {r:?}"),
    }
}

/// The columns of a table as `field=letter (header)`.
pub fn columns(t: &TableSummary) -> Vec<String> {
    t.columns
        .iter()
        .map(|c| format!("{}={} ({})", c.field, c.column, c.header))
        .collect()
}

/// The issues of one kind.
pub fn issues_of(ledger: &Ledger, kind: IssueKind) -> Vec<&DataIssue> {
    ledger.issues.iter().filter(|i| i.kind == kind).collect()
}

/// An issue in short: `kind file[/sheet]:row:column(header)=value`.
pub fn brief(issue: &DataIssue) -> String {
    let l = &issue.location;
    let mut s = format!("{:?} {}", issue.kind, l.file);
    if let Some(sheet) = &l.sheet {
        s.push_str(&format!("/{sheet}"));
    }
    if let Some(row) = l.row {
        s.push_str(&format!(":{row}"));
    }
    if let Some(column) = &l.column {
        s.push_str(&format!(":{column}"));
    }
    if let Some(header) = &l.header {
        s.push_str(&format!("({header})"));
    }
    if let Some(value) = &issue.value {
        s.push_str(&format!("={value}"));
    }
    s
}

/// Every issue in short, in ledger order.
pub fn briefs(ledger: &Ledger) -> Vec<String> {
    ledger.issues.iter().map(brief).collect()
}

/// `patuh check --lang en --data <dir>` in a child process whose address space is capped
/// at 4 GiB and which is stopped after two minutes: (exit code, stderr). For inputs that
/// could make a reader allocate without bound, so that an abort or a runaway allocation
/// fails the test instead of the test binary or the machine.
pub fn check_capped(dir: &Path) -> (Option<i32>, String) {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 4194304 && exec timeout 120 "$0" check --lang en --data "$1""#)
        .arg(env!("CARGO_BIN_EXE_patuh"))
        .arg(dir)
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `patuh::build` of the exports in `data` into `out` with `config`, at the tests' `now`.
pub fn build(
    config: &Config,
    data: &Path,
    out: &Path,
) -> Result<patuh::BuildOutcome, patuh::error::Error> {
    let options = patuh::BuildOptions {
        data_dir: data.to_path_buf(),
        out_dir: out.to_path_buf(),
        as_of: None,
        now: now(),
    };
    patuh::build(config, &options, &Default::default())
}
