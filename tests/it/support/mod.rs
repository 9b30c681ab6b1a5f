//! The set-up every test module shares: the fixed `now`, the repository's fixtures and
//! working folders copied from them, configuration, reading exports and the row-ledger
//! identity checked on every read, building a site, and running the binary.

pub mod pages;

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, Utc};
use patuh::config::Config;
use patuh::ingest::{Ledger, SheetOutcome, TableSummary};
use patuh::issues::{DataIssue, IssueKind};
use patuh::model::{Item, Stamp};
use rust_xlsxwriter::ExcelDateTime;

// ---------------------------------------------------------------------------------------
// The moment and the places

/// The moment the tests pretend patuh runs: later timestamps are typos. It follows every
/// date the fixtures and the tests' own exports hold (the latest are in January 2027).
pub const NOW: &str = "2027-06-01T00:00:00Z";

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

/// The repository's root: the sample exports (`data/`) and their `patuh.toml`.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<path>`: a fixture folder or file (`inputs/walk`, `site/small`).
pub fn fixture(path: &str) -> PathBuf {
    repo().join("tests/fixtures").join(path)
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

/// A working folder holding a copy of `from`'s `data/` and `patuh.toml`: `repo()` for the
/// sample exports, `fixture("site/small")` for the small site.
pub fn workdir(from: &Path) -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    copy_dir(&from.join("data"), &work.path().join("data"));
    std::fs::copy(from.join("patuh.toml"), work.path().join("patuh.toml")).unwrap();
    work
}

/// A working folder whose `data/` holds one export, `name`, with `content`.
pub fn one_export(name: &str, content: impl AsRef<[u8]>) -> tempfile::TempDir {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join(name), content).unwrap();
    work
}

/// A date and time as a workbook writer takes it, for the fixtures tests generate.
pub fn excel_datetime(y: u16, mo: u8, d: u8, h: u16, mi: u8, s: f64) -> ExcelDateTime {
    ExcelDateTime::from_ymd(y, mo, d)
        .unwrap()
        .and_hms(h, mi, s)
        .unwrap()
}

// ---------------------------------------------------------------------------------------
// Configuration and reading

/// Configuration text, as if read from `patuh.toml`; panics when it is not valid.
pub fn config(text: &str) -> Config {
    Config::parse(text, Path::new("patuh.toml")).unwrap_or_else(|e| panic!("{e}"))
}

/// The configuration of a folder: its `patuh.toml` when it has one, else the defaults.
pub fn config_of(dir: &Path) -> Config {
    Config::load(None, &[dir]).unwrap_or_else(|e| panic!("{e}"))
}

/// `patuh::read_exports` of the folder `dir` with `config`, at [`NOW`].
pub fn read_exports(dir: &Path, config: &Config) -> Result<Ledger, patuh::error::Error> {
    patuh::read_exports(dir, config, None, now(), &Default::default())
}

/// Reads any folder (with its own configuration) at [`NOW`], and checks the ledger.
pub fn read_dir(dir: &Path) -> Ledger {
    let ledger =
        read_exports(dir, &config_of(dir)).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
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

/// The one table of a ledger that read one file with one sheet.
pub fn only_table(ledger: &Ledger) -> &TableSummary {
    assert_eq!(ledger.files.len(), 1);
    let sheets = &ledger.files[0].sheets;
    assert_eq!(sheets.len(), 1, "{sheets:?}");
    match &sheets[0].outcome {
        SheetOutcome::Read(t) => t,
        SheetOutcome::Skipped(r) => panic!("skipped: {r:?}"),
    }
}

/// The columns of a table as `field=letter (header)`.
pub fn columns(t: &TableSummary) -> Vec<String> {
    t.columns
        .iter()
        .map(|c| format!("{}={} ({})", c.field.name(), c.column, c.header))
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

// ---------------------------------------------------------------------------------------
// Building a site

/// `patuh::build` of the exports in `data` into `out` with `config`, at [`NOW`].
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
        cache_root: None,
    };
    patuh::build(config, &options, &Default::default())
}

/// `patuh::build` of `work/data` with `work`'s configuration into `out`, at [`NOW`];
/// panics when the build fails.
pub fn build_work(work: &Path, out: &Path) -> patuh::BuildOutcome {
    build(&config_of(work), &work.join("data"), out).unwrap_or_else(|e| panic!("build failed: {e}"))
}

// ---------------------------------------------------------------------------------------
// Running the binary

/// What a run of a command gave.
#[derive(Debug)]
pub struct Ran {
    /// The exit code; `None` when a signal ended the process.
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// The run, after checking that it exited with 0 (else a panic showing stderr).
    #[track_caller]
    pub fn success(self) -> Ran {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        self
    }
}

impl From<std::process::Output> for Ran {
    /// The exit code and the output, which must be UTF-8.
    fn from(output: std::process::Output) -> Ran {
        let text = |bytes: Vec<u8>| {
            String::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("not UTF-8: {}", String::from_utf8_lossy(e.as_bytes())))
        };
        Ran {
            code: output.status.code(),
            stdout: text(output.stdout),
            stderr: text(output.stderr),
        }
    }
}

/// Runs `command` to its end.
pub fn run(command: &mut Command) -> Ran {
    command.output().unwrap().into()
}

/// `patuh ARGS…` with `cwd` as its working folder, not yet run. Its environment is the
/// tests' own without `PATUH_FAULT` (a test that injects a fault sets it here, on the
/// child, never on the test process), and with the user's cache folder (where the export
/// cache goes) in the system's temporary folder, not the home of whoever runs the tests.
pub fn patuh_command(cwd: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_patuh"));
    command
        .current_dir(cwd)
        .args(args)
        .env_remove("PATUH_FAULT")
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("patuh-tests-cache"),
        );
    command
}

/// `patuh ARGS…` run with `cwd` as its working folder.
pub fn patuh(cwd: &Path, args: &[&str]) -> Ran {
    run(&mut patuh_command(cwd, args))
}

/// `patuh ARGS…` run in an empty working folder, so that no stray `patuh.toml` is found.
pub fn patuh_in_empty(args: &[&str]) -> Ran {
    let cwd = tempfile::tempdir().unwrap();
    patuh(cwd.path(), args)
}

/// `patuh build --data DATA --out OUT [extra…]` run in an empty working folder.
pub fn patuh_build(data: &Path, out: &Path, extra: &[&str]) -> Ran {
    let (data, out) = (data.to_str().unwrap(), out.to_str().unwrap());
    patuh_in_empty(&[&["build", "--data", data, "--out", out], extra].concat())
}

/// `patuh check --lang en --data <dir>` in a child process whose address space is capped
/// at 4 GiB and which is stopped after two minutes. For inputs that could make a reader
/// allocate without bound, so that an abort or a runaway allocation fails the test
/// instead of the test binary or the machine.
pub fn check_capped(dir: &Path) -> Ran {
    run(Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 4194304 && exec timeout 120 "$0" check --lang en --data "$1""#)
        .arg(env!("CARGO_BIN_EXE_patuh"))
        .arg(dir)
        .env("RUST_BACKTRACE", "0")
        .env_remove("PATUH_FAULT"))
}
