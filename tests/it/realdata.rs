//! Reading real third-party files: every spreadsheet fixture of calamine, ExcelDataReader,
//! qsv, roo, SheetJS and xlrd, and real complaint exports (NYC 311, Boston 311, CFPB).
//!
//! The files are byte-for-byte copies in `tests/fixtures/realdata/` (provenance, licence and
//! sha256 of each in `tests/fixtures/realdata/SOURCES.md`). Each test copies the files it
//! names into a fresh data folder, so it reads exactly those.
//!
//! Expected values come from the files' sources (the fixtures' own documentation) and from
//! an independent reading of the files (Python `csv`, `datetime`, `zoneinfo`, xlrd and
//! openpyxl), never from patuh's output.
//!
//! Most spreadsheet fixtures have no header row at all: their first row is already data.
//! patuh finds a table only below a header, so such a sheet is skipped without a mapping
//! (see the first test). To read the rows below, a test names the first row's cell as it
//! reads as text (a date cell reads as its serial number, e.g. `44197`) under `[columns]`:
//! that row becomes the header and the rows under it are data.

use crate::support::{self, config, fixture, read_exports, utc};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use patuh::discover::SkipReason;
use patuh::ingest::{Ledger, RowCounts, SheetOutcome, SheetSkipReason, TableSummary};
use patuh::issues::IssueKind;
use patuh::model::Stamp;
use patuh::timestamp::DateOrder;

use IssueKind::{
    Conflict, DateOrderContradiction, DateWithoutTime, IgnoredColumn, RejectedRow,
    SkippedLocalTime, TimeWithoutDate, UnreadableTimestamp,
};
use SheetSkipReason::{Empty, NoHeader};
use Stamp::{ClosedAt, ForwardedAt, PostedAt, ReportedAt};

fn show(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Copies fixtures (path under the fixtures folder → path in the data folder) into a fresh
/// data folder and reads it with the configuration `toml`.
fn read_renamed(files: &[(&str, &str)], toml: &str) -> Ledger {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (from, to) in files {
        let target = dir.path().join(to);
        std::fs::create_dir_all(target.parent().expect("a parent folder")).expect("folder");
        std::fs::copy(fixture("realdata").join(from), &target)
            .unwrap_or_else(|e| panic!("copy {from}: {e}"));
    }
    read_exports(dir.path(), &config(toml))
        .unwrap_or_else(|e| panic!("reading {files:?} failed: {e}"))
}

/// Reads fixtures copied under their own relative paths.
fn read(files: &[&str], toml: &str) -> Ledger {
    let pairs: Vec<(&str, &str)> = files.iter().map(|f| (*f, *f)).collect();
    read_renamed(&pairs, toml)
}

/// The table read from `sheet` (`None` for a delimited file) of the only file read.
fn table<'l>(ledger: &'l Ledger, sheet: Option<&str>) -> &'l TableSummary {
    assert_eq!(ledger.files.len(), 1, "one file expected");
    support::table(ledger, &ledger.files[0].file, sheet)
}

/// Every sheet of every file: (file, sheet, `None` when read or the reason it was skipped).
fn outcomes(ledger: &Ledger) -> Vec<(String, Option<String>, Option<SheetSkipReason>)> {
    ledger
        .files
        .iter()
        .flat_map(|f| {
            f.sheets.iter().map(|s| {
                let skip = match &s.outcome {
                    SheetOutcome::Read(_) => None,
                    SheetOutcome::Skipped(r) => Some(*r),
                };
                (f.file.clone(), s.name.clone(), skip)
            })
        })
        .collect()
}

/// (rows read, included, duplicates, rejected, blank, totals) of a table.
fn counts(t: &TableSummary) -> [u32; 6] {
    [
        t.rows,
        t.included,
        t.duplicates,
        t.rejected,
        t.blank,
        t.totals,
    ]
}

/// The mapped fields of a table with their column letters (`posted_at`, `B`).
fn mapped(t: &TableSummary) -> Vec<(&'static str, String)> {
    t.columns
        .iter()
        .map(|c| (c.field.name(), c.column.clone()))
        .collect()
}

fn ledger_counts(read: u64, included: u64, duplicates: u64, rejected: u64) -> RowCounts {
    RowCounts {
        read,
        included,
        duplicates,
        rejected,
    }
}

/// (row, instant) of every item that has `stamp`, in the ledger's item order, for the
/// items whose winning row is in `sheet`.
fn stamps_in(ledger: &Ledger, sheet: Option<&str>, stamp: Stamp) -> Vec<(u32, String)> {
    ledger
        .items
        .iter()
        .filter(|i| i.source.sheet.as_deref() == sheet)
        .filter_map(|i| i.stamps.get(stamp).map(|t| (i.source.row, show(t))))
        .collect()
}

/// `stamps_in` for the items of every sheet.
fn stamps(ledger: &Ledger, stamp: Stamp) -> Vec<(u32, String)> {
    ledger
        .items
        .iter()
        .filter_map(|i| i.stamps.get(stamp).map(|t| (i.source.row, show(t))))
        .collect()
}

/// (kind, row, column letter) of every data issue in `sheet`, in order.
fn issues_in(ledger: &Ledger, sheet: Option<&str>) -> Vec<(IssueKind, u32, String)> {
    ledger
        .issues
        .iter()
        .filter(|i| i.kind != DateWithoutTime)
        .filter(|i| i.location.sheet.as_deref() == sheet)
        .map(|i| {
            (
                i.kind,
                i.location.row.unwrap_or(0),
                i.location.column.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// (kind, row, column) of every data issue about a cell or row. The note on a column's
/// dates without a time (one per column, `date_without_time`) is left out: these tests are
/// about how each value is read, and `table(..).date_only` and
/// `boston311_notime_is_date_only` cover dates alone.
fn issues(ledger: &Ledger) -> Vec<(IssueKind, u32, String)> {
    ledger
        .issues
        .iter()
        .filter(|i| i.kind != DateWithoutTime)
        .map(|i| {
            (
                i.kind,
                i.location.row.unwrap_or(0),
                i.location.column.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn issue(kind: IssueKind, row: u32, column: &str) -> (IssueKind, u32, String) {
    (kind, row, column.to_string())
}

/// The value and the rejection of a row whose only timestamp could not be used.
fn rejected(kind: IssueKind, row: u32, column: &str) -> [(IssueKind, u32, String); 2] {
    [issue(kind, row, column), issue(RejectedRow, row, "")]
}

fn rows(list: &[(u32, &str)]) -> Vec<(u32, String)> {
    list.iter().map(|(r, t)| (*r, t.to_string())).collect()
}

fn naive(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

// ------------------------------------------------------------------------------------------
// Every spreadsheet, without a mapping: never a panic, never an error, every sheet skipped
// with its reason (none of these third-party files names a column the way the office does).

const SPREADSHEETS: [&str; 46] = [
    "spreadsheets/calamine/date.ods",
    "spreadsheets/calamine/date.xls",
    "spreadsheets/calamine/date.xlsx",
    "spreadsheets/calamine/date_1904.xls",
    "spreadsheets/calamine/date_1904.xlsx",
    "spreadsheets/calamine/date_iso.xlsx",
    "spreadsheets/calamine/date_quoted_format.xlsx",
    "spreadsheets/calamine/formula-date-format.xls",
    "spreadsheets/exceldatareader/Test_Encoding_Formula_Date_1520.xls",
    "spreadsheets/exceldatareader/Test_Encoding_Formula_Date_1520.xlsx",
    "spreadsheets/exceldatareader/Test_Excel_OpenOffice.xlsx",
    "spreadsheets/exceldatareader/Test_Issue_7433_IllegalOleAutDate.xls",
    "spreadsheets/exceldatareader/Test_Issue_DateFormatButNotDate.xlsx",
    "spreadsheets/exceldatareader/Test_Issue_xxx_LocaleTime.xlsx",
    "spreadsheets/exceldatareader/Test_git_Issue_142.xlsx",
    "spreadsheets/exceldatareader/Test_git_Issue_649_Date1904_Parsings.xlsx",
    "spreadsheets/exceldatareader/Test_git_issue_14_InvalidOADate.xlsx",
    "spreadsheets/exceldatareader/Test_git_issue_283_TimeSpan.xlsx",
    "spreadsheets/exceldatareader/Test_googlesourced.xlsx",
    "spreadsheets/exceldatareader/Test_num_double_date_bool_string.xls",
    "spreadsheets/exceldatareader/Test_num_double_date_bool_string.xlsx",
    "spreadsheets/exceldatareader/customformat_notdate.xls",
    "spreadsheets/exceldatareader/strict_Test_num_double_date_bool_string.xlsx",
    "spreadsheets/qsv/excel-1904-epoch.xlsx",
    "spreadsheets/qsv/excel-xlsx.xlsx",
    "spreadsheets/roo/1904_base.xlsx",
    "spreadsheets/roo/datetime.ods",
    "spreadsheets/roo/datetime.xlsx",
    "spreadsheets/roo/datetime_timezone_ist_offset_change.ods",
    "spreadsheets/roo/datetime_timezone_ist_offset_change.xlsx",
    "spreadsheets/roo/so_datetime.csv",
    "spreadsheets/roo/time-test.ods",
    "spreadsheets/roo/time-test.xlsx",
    "spreadsheets/sheetjs/1900.ods",
    "spreadsheets/sheetjs/1900.xls",
    "spreadsheets/sheetjs/1900.xlsx",
    "spreadsheets/sheetjs/1904.ods",
    "spreadsheets/sheetjs/1904.xls",
    "spreadsheets/sheetjs/1904.xlsx",
    "spreadsheets/sheetjs/Attendance.xlsx",
    "spreadsheets/sheetjs/DataTypesFormats.xlsx",
    "spreadsheets/sheetjs/LONumbers-2011.xlsx",
    "spreadsheets/sheetjs/number_format.ods",
    "spreadsheets/sheetjs/xlsx-stream-d-date-cell.xls",
    "spreadsheets/sheetjs/xlsx-stream-d-date-cell.xlsx",
    "spreadsheets/xlrd/Formate.xls",
];

#[test]
fn every_spreadsheet_without_a_mapping_is_skipped_with_its_reason() {
    let ledger = read(&SPREADSHEETS, "");
    assert_eq!(ledger.discovery.exports.len(), 46);
    assert!(ledger.discovery.skipped.is_empty());
    assert_eq!(ledger.rows, RowCounts::default());
    assert!(ledger.items.is_empty());
    assert!(issues(&ledger).is_empty());
    let n = |name: &str| Some(name.to_string());
    let sheets = |file: &str, list: &[(&str, SheetSkipReason)]| -> Vec<_> {
        list.iter()
            .map(|(s, r)| (format!("spreadsheets/{file}"), n(s), Some(*r)))
            .collect()
    };
    let one = |file: &str, sheet: &str| sheets(file, &[(sheet, NoHeader)]);
    let three = |file: &str, first: &str, rest: [&str; 2]| {
        sheets(
            file,
            &[(first, NoHeader), (rest[0], Empty), (rest[1], Empty)],
        )
    };
    let mut want = Vec::new();
    want.extend(one("calamine/date.ods", "Sheet1"));
    want.extend(one("calamine/date.xls", "Sheet1"));
    want.extend(one("calamine/date.xlsx", "Sheet1"));
    want.extend(one("calamine/date_1904.xls", "Sheet1"));
    want.extend(one("calamine/date_1904.xlsx", "Sheet1"));
    want.extend(one("calamine/date_iso.xlsx", "Sheet"));
    want.extend(one("calamine/date_quoted_format.xlsx", "Sheet1"));
    want.extend(one("calamine/formula-date-format.xls", "Sheet1"));
    let s23 = ["Sheet2", "Sheet3"];
    want.extend(three(
        "exceldatareader/Test_Encoding_Formula_Date_1520.xls",
        "Sheet1",
        s23,
    ));
    want.extend(three(
        "exceldatareader/Test_Encoding_Formula_Date_1520.xlsx",
        "Sheet1",
        s23,
    ));
    want.extend(three(
        "exceldatareader/Test_Excel_OpenOffice.xlsx",
        "test.csv",
        s23,
    ));
    want.extend(one(
        "exceldatareader/Test_Issue_7433_IllegalOleAutDate.xls",
        "Sheet1",
    ));
    want.extend(three(
        "exceldatareader/Test_Issue_DateFormatButNotDate.xlsx",
        "Sheet1",
        s23,
    ));
    want.extend(three(
        "exceldatareader/Test_Issue_xxx_LocaleTime.xlsx",
        "Sheet1",
        s23,
    ));
    want.extend(one("exceldatareader/Test_git_Issue_142.xlsx", "sheet"));
    want.extend(one(
        "exceldatareader/Test_git_Issue_649_Date1904_Parsings.xlsx",
        "Sheet1",
    ));
    want.extend(one(
        "exceldatareader/Test_git_issue_14_InvalidOADate.xlsx",
        "Sheet1",
    ));
    want.extend(one(
        "exceldatareader/Test_git_issue_283_TimeSpan.xlsx",
        "Sheet1",
    ));
    want.extend(one("exceldatareader/Test_googlesourced.xlsx", "Sheet 1"));
    want.extend(three(
        "exceldatareader/Test_num_double_date_bool_string.xls",
        "Sheet1",
        s23,
    ));
    want.extend(three(
        "exceldatareader/Test_num_double_date_bool_string.xlsx",
        "Sheet1",
        s23,
    ));
    want.extend(one("exceldatareader/customformat_notdate.xls", "Sheet1"));
    want.extend(three(
        "exceldatareader/strict_Test_num_double_date_bool_string.xlsx",
        "Sheet1",
        s23,
    ));
    want.extend(one("qsv/excel-1904-epoch.xlsx", "Dates1904"));
    want.extend(sheets(
        "qsv/excel-xlsx.xlsx",
        &[
            ("Sheet1", NoHeader),
            ("safe_header_name_test", NoHeader),
            ("date_test", NoHeader),
            ("data types", NoHeader),
            ("cellerrors", NoHeader),
            ("Sheet2", NoHeader),
            ("firstnonemptyrow", NoHeader),
        ],
    ));
    want.extend(one("roo/1904_base.xlsx", "Prices"));
    want.extend(three("roo/datetime.ods", "Sheet1", s23));
    want.extend(three("roo/datetime.xlsx", "Sheet1", s23));
    want.extend(one("roo/datetime_timezone_ist_offset_change.ods", "Sheet1"));
    want.extend(one(
        "roo/datetime_timezone_ist_offset_change.xlsx",
        "Sheet1",
    ));
    want.push((
        "spreadsheets/roo/so_datetime.csv".into(),
        None,
        Some(NoHeader),
    ));
    want.extend(three(
        "roo/time-test.ods",
        "Tabelle1",
        ["Tabelle2", "Tabelle3"],
    ));
    want.extend(three(
        "roo/time-test.xlsx",
        "Tabelle1",
        ["Tabelle2", "Tabelle3"],
    ));
    want.extend(one("sheetjs/1900.ods", "1900"));
    want.extend(one("sheetjs/1900.xls", "Sheet1"));
    want.extend(one("sheetjs/1900.xlsx", "Sheet1"));
    want.extend(one("sheetjs/1904.ods", "1904"));
    want.extend(one("sheetjs/1904.xls", "Sheet1"));
    want.extend(one("sheetjs/1904.xlsx", "Sheet1"));
    want.extend(one("sheetjs/Attendance.xlsx", "Attendance - Attendance"));
    want.extend(one("sheetjs/DataTypesFormats.xlsx", "Sheet1"));
    want.extend(one("sheetjs/LONumbers-2011.xlsx", "Sheet1"));
    want.extend(sheets(
        "sheetjs/number_format.ods",
        &[
            ("Implied", NoHeader),
            ("ImpliedNegative", NoHeader),
            ("2011", NoHeader),
            ("Miscellany", NoHeader),
            ("SSF", NoHeader),
        ],
    ));
    want.extend(one("sheetjs/xlsx-stream-d-date-cell.xls", "Sheet1"));
    want.extend(one("sheetjs/xlsx-stream-d-date-cell.xlsx", "Sheet1"));
    want.extend(sheets(
        "xlrd/Formate.xls",
        &[
            ("Blätt1", NoHeader),
            ("ÖÄÜ", NoHeader),
            ("Blätt3", NoHeader),
            ("Formate", NoHeader),
        ],
    ));
    assert_eq!(outcomes(&ledger), want);
    assert!(NoHeader.describe().contains("[columns]"));
}

// ------------------------------------------------------------------------------------------
// calamine (tafia/calamine tests/)

const UTC: &str = "timezone = \"UTC\"\n";

/// A configuration in UTC with `[columns]` entries (`field`, alias).
fn utc_columns(columns: &[(&str, &str)]) -> String {
    columns_config(UTC, columns)
}

fn columns_config(head: &str, columns: &[(&str, &str)]) -> String {
    let mut toml = format!("{head}[columns]\n");
    for (field, alias) in columns {
        toml.push_str(&format!("{field} = [{alias:?}]\n"));
    }
    toml
}

/// calamine `date.xlsx` / `date.xls`: A1 44197 (2021-01-01), A2 44198 (2021-01-02), both
/// `yyyy-mm-dd`; A3 10.6320601851852 under `[hh]:mm:ss`, a duration of 255:10:10.
fn check_calamine_date(file: &str) {
    let ledger = read(&[file], &utc_columns(&[("posted_at", "44197")]));
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!((t.header_row, t.header_rows), (1, 1));
    assert_eq!(mapped(t), [("posted_at", "A".to_string())]);
    assert_eq!(counts(t), [2, 1, 0, 1, 0, 0]);
    assert_eq!(t.date_only, [PostedAt]);
    assert_eq!(ledger.rows, ledger_counts(2, 1, 0, 1));
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2021-01-02T00:00:00Z")])
    );
    // The duration over 24 hours is not a date (it would be 1900-01-10 if it were).
    assert_eq!(issues(&ledger), rejected(TimeWithoutDate, 3, "A"));
}

#[test]
fn calamine_date_xlsx() {
    check_calamine_date("spreadsheets/calamine/date.xlsx");
}

#[test]
fn calamine_date_xls() {
    check_calamine_date("spreadsheets/calamine/date.xls");
}

/// calamine `date_1904.*`: the same dates in the 1904 system: 42735 (2021-01-01, the
/// header here), 42736 (2021-01-02), and the duration. Read in the default zone
/// (Asia/Jakarta, +07:00): midnight local is 17:00 UTC the day before.
fn check_calamine_date_1904(file: &str) {
    let ledger = read(&[file], &columns_config("", &[("posted_at", "42735")]));
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(counts(t), [2, 1, 0, 1, 0, 0]);
    assert_eq!(t.date_only, [PostedAt]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2021-01-01T17:00:00Z")])
    );
    assert_eq!(issues(&ledger), rejected(TimeWithoutDate, 3, "A"));
    // In UTC the same cell is midnight UTC.
    let ledger = read(&[file], &utc_columns(&[("posted_at", "42735")]));
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2021-01-02T00:00:00Z")])
    );
}

#[test]
fn calamine_date_1904_xlsx() {
    check_calamine_date_1904("spreadsheets/calamine/date_1904.xlsx");
}

#[test]
fn calamine_date_1904_xls() {
    check_calamine_date_1904("spreadsheets/calamine/date_1904.xls");
}

/// calamine `date.ods`: `date-value="2021-01-01"` (the header), `"2021-01-01T10:10:10"`,
/// and two `time-value` durations `PT10H10M10S`, `PT10H10M10.123456S`.
#[test]
fn calamine_date_ods() {
    let ledger = read(
        &["spreadsheets/calamine/date.ods"],
        &utc_columns(&[("posted_at", "2021-01-01")]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(counts(t), [3, 1, 0, 2, 0, 0]);
    assert!(t.date_only.is_empty());
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2021-01-01T10:10:10Z")])
    );
    let mut want = rejected(TimeWithoutDate, 3, "A").to_vec();
    want.extend(rejected(TimeWithoutDate, 4, "A"));
    assert_eq!(issues(&ledger), want);
}

/// calamine `date_iso.xlsx` (openpyxl, `t="d"` cells): `2021-01-01` (the header),
/// `2021-01-01T10:10:10`, `10:10:10`, then three rows of explanatory text.
#[test]
fn calamine_date_iso_xlsx() {
    let ledger = read(
        &["spreadsheets/calamine/date_iso.xlsx"],
        &utc_columns(&[("posted_at", "2021-01-01")]),
    );
    let t = table(&ledger, Some("Sheet"));
    assert_eq!(counts(t), [5, 1, 0, 4, 0, 0]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2021-01-01T10:10:10Z")])
    );
    let mut want = rejected(TimeWithoutDate, 3, "A").to_vec();
    for row in 4..=6 {
        want.extend(rejected(UnreadableTimestamp, row, "A"));
    }
    assert_eq!(issues(&ledger), want);
}

/// calamine `date_quoted_format.xlsx`: 2021-01-01 four times under `mmmm" "yyyy`,
/// `yyyy"-"mm"-"dd`, `[$-409]mmmm" "d", "yyyy` and the Japanese era format
/// `[$-411]ggge"年"m"月"d"日";@`. Rows without an id are keyed by their posting time, so
/// the three data rows are one item only if all three read as the same instant.
#[test]
fn calamine_date_quoted_format_xlsx() {
    let ledger = read(
        &["spreadsheets/calamine/date_quoted_format.xlsx"],
        &utc_columns(&[("posted_at", "44197")]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(counts(t), [3, 1, 2, 0, 0, 0]);
    assert_eq!(t.date_only, [PostedAt]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(4, "2021-01-01T00:00:00Z")])
    );
    assert_eq!(ledger.items[0].occurrences, 3);
    assert!(issues(&ledger).is_empty());
}

/// calamine `formula-date-format.xls`: 1904 system, 41331 (2017-02-27, the header) and
/// 41332 (2017-02-28), formula cells under `d/mm/yyyy`.
#[test]
fn calamine_formula_date_format_xls() {
    let ledger = read(
        &["spreadsheets/calamine/formula-date-format.xls"],
        &utc_columns(&[("posted_at", "41331")]),
    );
    assert_eq!(counts(table(&ledger, Some("Sheet1"))), [1, 1, 0, 0, 0, 0]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2017-02-28T00:00:00Z")])
    );
    assert!(issues(&ledger).is_empty());
}

// ------------------------------------------------------------------------------------------
// ExcelDataReader (src/TestData)

/// `Test_Encoding_Formula_Date_1520`: header Name, Date, Value, Int, Time. Date: 2009-05-01,
/// 1999-02-01, empty, `=45+6` (51 under General: a number in a timestamp column is a serial,
/// 1900-02-20), `=TODAY()` (its cached value differs between the two files), 2001-12-12,
/// `=B7+2` (2001-12-14), 2009-01-07. Time: 2211.33825 and 1202.025 (numbers, so serials),
/// and times of day without a date.
fn check_encoding_formula_date(file: &str, today: &str) {
    let ledger = read(
        &[file],
        &utc_columns(&[
            ("posted_at", "Date"),
            ("closed_at", "Time"),
            ("text", "Name"),
        ]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(
        mapped(t),
        [
            ("text", "A".to_string()),
            ("posted_at", "B".to_string()),
            ("closed_at", "E".to_string())
        ]
    );
    assert_eq!(counts(t), [8, 7, 0, 1, 0, 0]);
    assert_eq!(t.date_only, [PostedAt]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[
            (2, "2009-05-01T00:00:00Z"),
            (3, "1999-02-01T00:00:00Z"),
            (5, "1900-02-20T00:00:00Z"),
            (6, today),
            (7, "2001-12-12T00:00:00Z"),
            (8, "2001-12-14T00:00:00Z"),
            (9, "2009-01-07T00:00:00Z"),
        ])
    );
    assert_eq!(
        stamps(&ledger, ClosedAt),
        rows(&[(2, "1906-01-19T08:07:05Z"), (5, "1903-04-16T00:36:00Z")])
    );
    assert_eq!(
        issues(&ledger),
        [
            issue(TimeWithoutDate, 3, "E"),
            issue(TimeWithoutDate, 4, "E"),
            issue(RejectedRow, 4, ""),
            issue(TimeWithoutDate, 6, "E"),
            issue(TimeWithoutDate, 7, "E"),
            issue(TimeWithoutDate, 8, "E"),
            issue(TimeWithoutDate, 9, "E"),
        ]
    );
}

#[test]
fn exceldatareader_encoding_formula_date_1520_xlsx() {
    check_encoding_formula_date(
        "spreadsheets/exceldatareader/Test_Encoding_Formula_Date_1520.xlsx",
        "2009-05-11T00:00:00Z",
    );
}

#[test]
fn exceldatareader_encoding_formula_date_1520_xls() {
    check_encoding_formula_date(
        "spreadsheets/exceldatareader/Test_Encoding_Formula_Date_1520.xls",
        "2010-09-09T00:00:00Z",
    );
}

/// `Test_Excel_OpenOffice.xlsx`: header `column a`, ` column b` (three times, with a
/// leading space), `column e`; row 4 holds 2012-10-13 … 2012-10-16, the other rows numbers
/// (serials) or letters.
#[test]
fn exceldatareader_excel_openoffice_xlsx() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_Excel_OpenOffice.xlsx"],
        &utc_columns(&[
            ("id", "column a"),
            ("posted_at", "column b"),
            ("closed_at", "column e"),
        ]),
    );
    let t = table(&ledger, Some("test.csv"));
    assert_eq!(
        mapped(t),
        [
            ("id", "A".to_string()),
            ("posted_at", "B".to_string()),
            ("closed_at", "E".to_string())
        ]
    );
    assert_eq!(counts(t), [33, 32, 0, 1, 0, 0]);
    let posted = stamps(&ledger, PostedAt);
    let closed = stamps(&ledger, ClosedAt);
    assert_eq!(posted.len(), 32);
    assert_eq!(posted[0], (3, "1900-01-02T00:00:00Z".to_string()));
    assert_eq!(closed[0], (3, "1900-01-05T00:00:00Z".to_string()));
    assert_eq!(posted[1], (4, "2012-10-13T00:00:00Z".to_string()));
    assert_eq!(closed[1], (4, "2012-10-16T00:00:00Z".to_string()));
    // From row 5 on, column B holds row + 1 and column E row + 4: serials below 60.
    let day = |n: i64| show(utc("1899-12-31T00:00:00Z") + TimeDelta::days(n));
    for (i, row) in (5..=34).enumerate() {
        assert_eq!(posted[i + 2], (row, day(i64::from(row) + 1)));
        assert_eq!(closed[i + 2], (row, day(i64::from(row) + 4)));
    }
    assert_eq!(
        issues(&ledger),
        [
            issue(IgnoredColumn, 1, "C"),
            issue(IgnoredColumn, 1, "F"),
            issue(UnreadableTimestamp, 2, "B"),
            issue(UnreadableTimestamp, 2, "E"),
            issue(RejectedRow, 2, ""),
        ]
    );
}

/// `Test_Issue_7433_IllegalOleAutDate.xls`: 3.10101195608231e+17 (the header here),
/// `B221055625`, 4.12721197309241e+17: ids, not dates.
#[test]
fn exceldatareader_issue_7433_illegal_oleaut_date_xls() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_Issue_7433_IllegalOleAutDate.xls"],
        &utc_columns(&[("posted_at", "310101195608231000")]),
    );
    assert_eq!(counts(table(&ledger, Some("Sheet1"))), [2, 0, 0, 2, 0, 0]);
    assert!(ledger.items.is_empty());
    let mut want = rejected(UnreadableTimestamp, 2, "A").to_vec();
    want.extend(rejected(UnreadableTimestamp, 3, "A"));
    assert_eq!(issues(&ledger), want);
    assert_eq!(
        ledger.issues[2].value.as_deref(),
        Some("412721197309241000")
    );
}

/// `Test_Issue_DateFormatButNotDate.xlsx`: D2 2013-12-10 among text; row 3 holds only E3.
#[test]
fn exceldatareader_issue_date_format_but_not_date_xlsx() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_Issue_DateFormatButNotDate.xlsx"],
        &utc_columns(&[("posted_at", "columnd")]),
    );
    assert_eq!(counts(table(&ledger, Some("Sheet1"))), [2, 1, 0, 1, 0, 0]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2013-12-10T00:00:00Z")])
    );
    assert_eq!(issues(&ledger), [issue(RejectedRow, 3, "")]);
}

/// `Test_Issue_xxx_LocaleTime.xlsx`: A 2012-11-28, 2012-11-28, 2012-11-27; B times of day
/// 01:34, 01:34, 18:47 under `[$-F400]h:mm:ss AM/PM`. Rows 2 and 3 are the same item.
#[test]
fn exceldatareader_issue_locale_time_xlsx() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_Issue_xxx_LocaleTime.xlsx"],
        &utc_columns(&[("posted_at", "A"), ("reported_at", "B")]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(counts(t), [3, 2, 1, 0, 0, 0]);
    assert_eq!(t.date_only, [PostedAt]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(3, "2012-11-28T00:00:00Z"), (4, "2012-11-27T00:00:00Z")])
    );
    assert!(stamps(&ledger, ReportedAt).is_empty());
    assert_eq!(
        issues(&ledger),
        [
            issue(TimeWithoutDate, 2, "B"),
            issue(TimeWithoutDate, 3, "B"),
            issue(TimeWithoutDate, 4, "B"),
        ]
    );
}

/// `Test_git_Issue_142.xlsx` (Apache POI, `MM/dd/yyyy`): 3257 price dates from 2003-12-31 to
/// 2016-08-12, 3255 distinct (rows without an id are keyed by their posting time).
#[test]
fn exceldatareader_git_issue_142_xlsx() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_git_Issue_142.xlsx"],
        &utc_columns(&[("posted_at", "Price Date")]),
    );
    let t = table(&ledger, Some("sheet"));
    assert_eq!(counts(t), [3257, 3255, 2, 0, 0, 0]);
    assert_eq!(t.date_only, [PostedAt]);
    let posted = stamps(&ledger, PostedAt);
    assert_eq!(
        posted[..3],
        rows(&[
            (2, "2003-12-31T00:00:00Z"),
            (3, "2004-01-01T00:00:00Z"),
            (4, "2004-01-02T00:00:00Z"),
        ])
    );
    let latest = ledger.items.iter().filter_map(|i| i.stamps.latest()).max();
    assert_eq!(latest, Some(utc("2016-08-12T00:00:00Z")));
    assert!(issues(&ledger).is_empty());
}

/// `Test_git_Issue_649_Date1904_Parsings.xlsx`: a single cell, M12 = 2023-09-01 in the 1904
/// system (serial 43708), below 11 empty rows. It can only be a header: no data row.
#[test]
fn exceldatareader_git_issue_649_date1904_xlsx() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_git_Issue_649_Date1904_Parsings.xlsx"],
        &utc_columns(&[("posted_at", "43708")]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(t.header_row, 12);
    assert_eq!(mapped(t), [("posted_at", "M".to_string())]);
    assert_eq!(counts(t), [0; 6]);
    assert!(ledger.items.is_empty() && ledger.issues.is_empty());
}

/// `Test_git_issue_14_InvalidOADate.xlsx`: a single cell, A1 = 1.0E12 under
/// `yyyy"-"mm"-"dd`, out of any date range. Without a header it is skipped (first test);
/// named as the header, the sheet has no data row. Never a panic.
#[test]
fn exceldatareader_git_issue_14_invalid_oadate_xlsx() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_git_issue_14_InvalidOADate.xlsx"],
        &utc_columns(&[("posted_at", "1000000000000")]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!((t.header_row, counts(t)), (1, [0; 6]));
    assert!(ledger.items.is_empty() && ledger.issues.is_empty());
}

/// `Test_git_issue_283_TimeSpan.xlsx`: row 1 is 0 in every column (the header here); rows
/// 2–9 hold 1, 2, 58, 59, 60, 61, 62, 63 as `[h]:mm:ss` and `[h]:mm` durations, as
/// `M/d/yyyy H:mm:ss` dates and as numbers. Every column's header reads `0`, so the leftmost
/// (the `[h]:mm:ss` durations) is read: no duration becomes a date.
#[test]
fn exceldatareader_git_issue_283_timespan_xlsx() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_git_issue_283_TimeSpan.xlsx"],
        &utc_columns(&[("posted_at", "0")]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(mapped(t), [("posted_at", "A".to_string())]);
    assert_eq!(counts(t), [8, 0, 0, 8, 0, 0]);
    let mut want = vec![
        issue(IgnoredColumn, 1, "B"),
        issue(IgnoredColumn, 1, "C"),
        issue(IgnoredColumn, 1, "D"),
    ];
    for row in 2..=9 {
        want.extend(rejected(TimeWithoutDate, row, "A"));
    }
    assert_eq!(issues(&ledger), want);
}

/// `Test_googlesourced.xlsx` (Google Sheets): offer start/end as English text with ordinal
/// suffixes: `April 1st 2013` – `May 1st 2013`, `Jan 1st 2013` – `Jan 3rd 2013`; rows 4
/// and 5 have no dates.
#[test]
fn exceldatareader_googlesourced_xlsx() {
    let ledger = read(
        &["spreadsheets/exceldatareader/Test_googlesourced.xlsx"],
        &utc_columns(&[
            ("id", "UPC"),
            ("posted_at", "Special offer start"),
            ("closed_at", "Special offer end"),
        ]),
    );
    let t = table(&ledger, Some("Sheet 1"));
    assert_eq!(counts(t), [4, 2, 0, 2, 0, 0]);
    assert_eq!(t.date_only, [PostedAt, ClosedAt]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2013-04-01T00:00:00Z"), (3, "2013-01-01T00:00:00Z")])
    );
    assert_eq!(
        stamps(&ledger, ClosedAt),
        rows(&[(2, "2013-05-01T00:00:00Z"), (3, "2013-01-03T00:00:00Z")])
    );
    let ids: Vec<_> = ledger
        .items
        .iter()
        .map(|i| i.id.as_deref().map(String::from).unwrap())
        .collect();
    assert_eq!(ids, ["9583638582", "9745683492"]);
    assert_eq!(
        issues(&ledger),
        [issue(RejectedRow, 4, ""), issue(RejectedRow, 5, "")]
    );
}

/// `Test_num_double_date_bool_string` (xlsx, xls, and Strict OOXML): 30 rows, no header;
/// C is 2009-05-11 + 7 days a row (`=C1+7`), F is 2009-05-07 11:01:02 + 1 day a row shown
/// with a date-only format (the time is hidden, not absent).
fn check_num_double_date_bool_string(file: &str, c1: &str, f1: &str) {
    let ledger = read(
        &[file],
        &utc_columns(&[("id", "1.02"), ("posted_at", c1), ("closed_at", f1)]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(
        mapped(t),
        [
            ("id", "B".to_string()),
            ("posted_at", "C".to_string()),
            ("closed_at", "F".to_string())
        ]
    );
    assert_eq!(counts(t), [29, 29, 0, 0, 0, 0]);
    assert_eq!(t.date_only, [PostedAt]);
    let c =
        |row: u32| show(utc("2009-05-11T00:00:00Z") + TimeDelta::days(7 * (i64::from(row) - 1)));
    let f = |row: u32| show(utc("2009-05-07T11:01:02Z") + TimeDelta::days(i64::from(row) - 1));
    let want_c: Vec<_> = (2..=30).map(|r| (r, c(r))).collect();
    let want_f: Vec<_> = (2..=30).map(|r| (r, f(r))).collect();
    assert_eq!(stamps(&ledger, PostedAt), want_c);
    assert_eq!(stamps(&ledger, ClosedAt), want_f);
    assert_eq!(want_c[1].1, "2009-05-25T00:00:00Z");
    assert!(issues(&ledger).is_empty());
}

#[test]
fn exceldatareader_num_double_date_bool_string_xlsx() {
    check_num_double_date_bool_string(
        "spreadsheets/exceldatareader/Test_num_double_date_bool_string.xlsx",
        "39944",
        "39940.45905092593",
    );
}

#[test]
fn exceldatareader_num_double_date_bool_string_xls() {
    check_num_double_date_bool_string(
        "spreadsheets/exceldatareader/Test_num_double_date_bool_string.xls",
        "39944",
        "39940.45905092593",
    );
}

#[test]
fn exceldatareader_strict_num_double_date_bool_string_xlsx() {
    check_num_double_date_bool_string(
        "spreadsheets/exceldatareader/strict_Test_num_double_date_bool_string.xlsx",
        "2009-05-11",
        "2009-05-07T11:01:02.00000024400651375",
    );
}

/// `customformat_notdate.xls`: one row, 2003 (fmt `0`) and 60.8 (fmt with a dash): not
/// dates. Named as a header, there is no data row and no date anywhere.
#[test]
fn exceldatareader_customformat_notdate_xls() {
    let ledger = read(
        &["spreadsheets/exceldatareader/customformat_notdate.xls"],
        &utc_columns(&[("posted_at", "2003")]),
    );
    assert_eq!(counts(table(&ledger, Some("Sheet1"))), [0; 6]);
    assert!(ledger.items.is_empty() && ledger.issues.is_empty());
}

// ------------------------------------------------------------------------------------------
// qsv (resources/test)

/// `excel-1904-epoch.xlsx` (openpyxl, 1904): alpha 2024-01-15, beta 2020-07-04.
#[test]
fn qsv_excel_1904_epoch_xlsx() {
    let ledger = read(
        &["spreadsheets/qsv/excel-1904-epoch.xlsx"],
        &utc_columns(&[("id", "item"), ("posted_at", "date")]),
    );
    assert_eq!(
        counts(table(&ledger, Some("Dates1904"))),
        [2, 2, 0, 0, 0, 0]
    );
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2024-01-15T00:00:00Z"), (3, "2020-07-04T00:00:00Z")])
    );
    let ids: Vec<_> = ledger
        .items
        .iter()
        .map(|i| i.id.as_deref().map(String::from).unwrap())
        .collect();
    assert_eq!(ids, ["alpha", "beta"]);
    assert!(issues(&ledger).is_empty());
}

fn qsv_excel_xlsx() -> Ledger {
    read(
        &["spreadsheets/qsv/excel-xlsx.xlsx"],
        &format!(
            "{UTC}[columns]\nposted_at = [\"date\"]\nclosed_at = [\"duration\"]\n\
             text = [\"City\", \"plaincol\", \"string\", \"col1\"]\n"
        ),
    )
}

/// `excel-xlsx.xlsx` (Mac Excel, 7 sheets): `date` columns on three sheets and
/// `!!!date???` on a fourth, mixing real dates, text that is or is not a date, and numbers.
#[test]
fn qsv_excel_xlsx_sheets() {
    let ledger = qsv_excel_xlsx();
    let read_sheets: Vec<_> = outcomes(&ledger)
        .into_iter()
        .map(|(_, s, r)| (s.unwrap(), r))
        .collect();
    assert_eq!(
        read_sheets,
        [
            ("Sheet1".to_string(), None),
            ("safe_header_name_test".to_string(), None),
            ("date_test".to_string(), None),
            ("data types".to_string(), None),
            ("cellerrors".to_string(), Some(NoHeader)),
            ("Sheet2".to_string(), Some(NoHeader)),
            ("firstnonemptyrow".to_string(), Some(NoHeader)),
        ]
    );

    // Sheet1 D: 2001-09-11 08:30 (`d-mmm-yy`), `not a date`, 2021-01-06, 123.45 (a number:
    // serial), 2021-07-04 22:03, text `Wednesday, March 14, 2012`, 2012-03-14,
    // 2012-03-14 15:30 (`[$-409]m/d/yy h:mm AM/PM;@`).
    let s = Some("Sheet1");
    assert_eq!(counts(table(&ledger, s)), [8, 7, 0, 1, 0, 0]);
    assert_eq!(
        stamps_in(&ledger, s, PostedAt),
        rows(&[
            (2, "2001-09-11T08:30:00Z"),
            (4, "2021-01-06T00:00:00Z"),
            (5, "1900-05-02T10:48:00Z"),
            (6, "2021-07-04T22:03:00Z"),
            (7, "2012-03-14T00:00:00Z"),
            (8, "2012-03-14T00:00:00Z"),
            (9, "2012-03-14T15:30:00Z"),
        ])
    );
    assert_eq!(issues_in(&ledger, s), rejected(UnreadableTimestamp, 3, "D"));

    // safe_header_name_test H (`!!!date???`): 2001-09-11, 1968-07-04, `not a date`, 1035
    // and 654.34 (numbers: serials).
    let s = Some("safe_header_name_test");
    assert_eq!(counts(table(&ledger, s)), [5, 4, 0, 1, 0, 0]);
    assert_eq!(
        stamps_in(&ledger, s, PostedAt),
        rows(&[
            (2, "2001-09-11T00:00:00Z"),
            (3, "1968-07-04T00:00:00Z"),
            (5, "1902-10-31T00:00:00Z"),
            (6, "1901-10-15T08:09:36Z"),
        ])
    );
    let mut want = vec![issue(IgnoredColumn, 1, "E"), issue(IgnoredColumn, 1, "F")];
    want.extend(rejected(UnreadableTimestamp, 4, "H"));
    assert_eq!(issues_in(&ledger, s), want);

    // data types D: 2001-09-11, 2023-10-07, 1941-12-07, 2001-09-11 08:30, 1945-08-06 08:15;
    // E: `[h]:mm:ss` durations, never dates.
    let s = Some("data types");
    assert_eq!(counts(table(&ledger, s)), [5, 5, 0, 0, 0, 0]);
    assert_eq!(
        stamps_in(&ledger, s, PostedAt),
        rows(&[
            (2, "2001-09-11T00:00:00Z"),
            (3, "2023-10-07T00:00:00Z"),
            (4, "1941-12-07T00:00:00Z"),
            (5, "2001-09-11T08:30:00Z"),
            (6, "1945-08-06T08:15:00Z"),
        ])
    );
    assert!(stamps_in(&ledger, s, ClosedAt).is_empty());
    let want: Vec<_> = (2..=6).map(|r| issue(TimeWithoutDate, r, "E")).collect();
    assert_eq!(issues_in(&ledger, s), want);

    // date_test A: 1980-12-25, 2001-09-11 08:30, `not a date`, (row 5: see the next test),
    // 2001-09-11 under `[$-F800]dddd, mmmm dd, yyyy`.
    let s = Some("date_test");
    let posted = stamps_in(&ledger, s, PostedAt);
    let posted: Vec<_> = posted.into_iter().filter(|(r, _)| *r != 5).collect();
    assert_eq!(
        posted,
        rows(&[
            (2, "1980-12-25T00:00:00Z"),
            (3, "2001-09-11T08:30:00Z"),
            (6, "2001-09-11T00:00:00Z"),
        ])
    );
    let row4: Vec<_> = issues_in(&ledger, s)
        .into_iter()
        .filter(|(_, r, _)| *r == 4)
        .collect();
    assert_eq!(row4, rejected(UnreadableTimestamp, 4, "A"));
}

/// `excel-xlsx.xlsx` date_test!A5 is the text `Wednesday, Mar-14-2012`: a short English
/// month name with the day and year, read as 2012-03-14 like `Wednesday, March 14, 2012`.
#[test]
fn qsv_excel_xlsx_text_date_with_short_month_and_dashes() {
    let ledger = qsv_excel_xlsx();
    let s = Some("date_test");
    assert!(
        stamps_in(&ledger, s, PostedAt).contains(&(5, "2012-03-14T00:00:00Z".to_string())),
        "date_test!A5 `Wednesday, Mar-14-2012`: {:?}",
        issues_in(&ledger, s)
    );
    assert_eq!(counts(table(&ledger, s)), [5, 4, 0, 1, 0, 0]);
}

// ------------------------------------------------------------------------------------------
// roo (test/files)

/// `1904_base.xlsx` (Mac Excel, 1904): 2009-06-15 (serial 38517, the header here) under
/// `dd/mm/yyyy` and 2013-04-19 under `m/d/yyyy`.
#[test]
fn roo_1904_base_xlsx() {
    let ledger = read(
        &["spreadsheets/roo/1904_base.xlsx"],
        &utc_columns(&[("posted_at", "38517")]),
    );
    assert_eq!(counts(table(&ledger, Some("Prices"))), [1, 1, 0, 0, 0, 0]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2013-04-19T00:00:00Z")])
    );
    assert!(issues(&ledger).is_empty());
}

/// roo `datetime.*`: A1 1961-11-21 (the header here), row 2 empty, rows 3–5
/// 1961-11-21 12:17:18 (seconds hidden by the format), rows 6–7 1961-11-21, row 8
/// 2013-11-05 11:45. Rows 3–5 are one item, rows 6–7 another (no id: keyed by time).
fn check_roo_datetime(file: &str, header: &str, toml_head: &str, midnight: &str) {
    let ledger = read(
        &[file],
        &columns_config(toml_head, &[("posted_at", header)]),
    );
    let t = table(
        &ledger,
        if file.ends_with(".csv") {
            None
        } else {
            Some("Sheet1")
        },
    );
    assert_eq!(t.header_row, 1);
    // The empty row 2 lies between the header and the data: a blank row of the table.
    assert_eq!(
        counts(t),
        [6, 3, 3, 0, 1, 0],
        "rows, included, duplicates, rejected, blank, totals"
    );
    assert_eq!(ledger.blank_rows, 1);
    assert!(t.date_only.is_empty());
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[
            (5, "1961-11-21T12:17:18Z"),
            (7, midnight),
            (8, "2013-11-05T11:45:00Z"),
        ])
    );
    assert!(issues(&ledger).is_empty());
}

#[test]
fn roo_datetime_xlsx() {
    check_roo_datetime(
        "spreadsheets/roo/datetime.xlsx",
        "22606",
        UTC,
        "1961-11-21T00:00:00Z",
    );
}

#[test]
fn roo_datetime_ods() {
    check_roo_datetime(
        "spreadsheets/roo/datetime.ods",
        "1961-11-21",
        UTC,
        "1961-11-21T00:00:00Z",
    );
}

/// roo `so_datetime.csv`: `1961-11-21T12:17:18+00:00` carries its offset, `1961-11-21` is
/// midnight in the default zone, Asia/Jakarta, which was +07:30 in 1961.
#[test]
fn roo_so_datetime_csv() {
    check_roo_datetime(
        "spreadsheets/roo/so_datetime.csv",
        "1961-11-21",
        "",
        "1961-11-20T16:30:00Z",
    );
}

/// The three columns of `datetime_timezone_ist_offset_change.*`: local date-times in 5-minute
/// steps from these starts, over rows 1–864.
const IST_STARTS: [(Stamp, &str); 3] = [
    (PostedAt, "1941-09-30 00:00:00"),
    (ReportedAt, "1942-08-31 00:00:00"),
    (ClosedAt, "1905-12-31 00:00:00"),
];

fn ist_local(start: &str, row: u32) -> NaiveDateTime {
    naive(start) + TimeDelta::minutes(5 * (i64::from(row) - 1))
}

fn ist_ledger(file: &str, zone: &str) -> Ledger {
    let headers: [&str; 3] = if file.ends_with(".ods") {
        ["1941-09-30", "1942-08-31", "1905-12-31"]
    } else {
        ["15249", "15584", "2192"]
    };
    read(
        &[file],
        &columns_config(
            &format!("timezone = {zone:?}\n"),
            &[
                ("posted_at", headers[0]),
                ("reported_at", headers[1]),
                ("closed_at", headers[2]),
            ],
        ),
    )
}

/// In UTC every one of the 2589 cells below the header is its own local time, exactly.
fn check_ist_in_utc(file: &str) {
    let ledger = ist_ledger(file, "UTC");
    assert_eq!(
        counts(table(&ledger, Some("Sheet1"))),
        [863, 863, 0, 0, 0, 0]
    );
    for (stamp, start) in IST_STARTS {
        let want: Vec<_> = (2..=864)
            .map(|r| (r, show(ist_local(start, r).and_utc())))
            .collect();
        assert_eq!(stamps(&ledger, stamp), want, "{stamp:?}");
    }
    assert!(issues(&ledger).is_empty());
}

#[test]
fn roo_datetime_timezone_ist_offset_change_xlsx() {
    check_ist_in_utc("spreadsheets/roo/datetime_timezone_ist_offset_change.xlsx");
}

#[test]
fn roo_datetime_timezone_ist_offset_change_ods() {
    check_ist_in_utc("spreadsheets/roo/datetime_timezone_ist_offset_change.ods");
}

/// The same cells read in Asia/Kolkata, whose offset changed inside each column (tzdata, as
/// Python's zoneinfo gives it): +05:30 → +06:30 at 1941-10-01 00:00 and 1942-09-01 00:00
/// local (rows 289–300 fall in the gap), and LMT +05:21:10 → +05:30 at 1906-01-01 00:00
/// (rows 289–290 fall in the gap). A time in a gap moves forward by the gap: it is read with
/// the offset before, and so lands on the same instant as the row 12 later in A and B.
fn check_ist_in_kolkata(file: &str) {
    let ledger = ist_ledger(file, "Asia/Kolkata");
    assert_eq!(
        counts(table(&ledger, Some("Sheet1"))),
        [863, 851, 12, 0, 0, 0]
    );
    let offset = |stamp: Stamp, row: u32| -> i64 {
        match stamp {
            ClosedAt if row <= 290 => 5 * 3600 + 21 * 60 + 10,
            ClosedAt => 5 * 3600 + 30 * 60,
            _ if row <= 300 => 5 * 3600 + 30 * 60,
            _ => 6 * 3600 + 30 * 60,
        }
    };
    let expected_rows: Vec<u32> = (2..=288).chain(301..=864).collect();
    for (stamp, start) in IST_STARTS {
        let want: Vec<_> = expected_rows
            .iter()
            .map(|&r| {
                let utc = ist_local(start, r) - TimeDelta::seconds(offset(stamp, r));
                (r, show(utc.and_utc()))
            })
            .collect();
        let mut got = stamps(&ledger, stamp);
        got.sort();
        assert_eq!(got, want, "{stamp:?}");
    }
    let mut want = Vec::new();
    for row in 289..=300 {
        want.push(issue(SkippedLocalTime, row, "A"));
        want.push(issue(SkippedLocalTime, row, "B"));
        if row <= 290 {
            want.push(issue(SkippedLocalTime, row, "C"));
        }
    }
    // Rows 301–312 are the same items as rows 289–300 (same posting instant); their
    // `closed_at` differ, so each is a conflict, the later row winning.
    for row in 301..=312 {
        want.push(issue(Conflict, row, "C"));
    }
    assert_eq!(issues(&ledger), want);
}

#[test]
fn roo_datetime_timezone_ist_offset_change_xlsx_in_asia_kolkata() {
    check_ist_in_kolkata("spreadsheets/roo/datetime_timezone_ist_offset_change.xlsx");
}

#[test]
fn roo_datetime_timezone_ist_offset_change_ods_in_asia_kolkata() {
    check_ist_in_kolkata("spreadsheets/roo/datetime_timezone_ist_offset_change.ods");
}

/// roo `time-test.*` (German, `Tabelle1`): row 1 `Mittags:` and three times of day, A2
/// 2007-11-21 shown `21.11.07`.
fn check_roo_time_test(file: &str) {
    let ledger = read(&[file], &utc_columns(&[("posted_at", "Mittags:")]));
    let t = table(&ledger, Some("Tabelle1"));
    assert_eq!(counts(t), [1, 1, 0, 0, 0, 0]);
    assert_eq!(t.date_only, [PostedAt]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[(2, "2007-11-21T00:00:00Z")])
    );
    assert!(issues(&ledger).is_empty());
}

#[test]
fn roo_time_test_xlsx() {
    check_roo_time_test("spreadsheets/roo/time-test.xlsx");
}

#[test]
fn roo_time_test_ods() {
    check_roo_time_test("spreadsheets/roo/time-test.ods");
}

// ------------------------------------------------------------------------------------------
// SheetJS (test_files)

/// `1900.*` / `1904.*`: A the serials 1, 11, 111, 1111, 11111 as numbers, B the same as
/// dates (`yyyy-mm-dd;@`), C and D the expected answer as text. In the xlsx and xls files
/// A1 and B1 both read `1`, so A (the numbers, in the workbook's date system) is read and
/// B ignored; C is read as text. Row 1 is the header.
fn check_sheetjs_epoch(file: &str, header_text: &str, want: [&str; 4]) {
    let ledger = read(
        &[file],
        &utc_columns(&[("posted_at", "1"), ("closed_at", header_text)]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(
        mapped(t),
        [
            ("posted_at", "A".to_string()),
            ("closed_at", "C".to_string())
        ]
    );
    assert_eq!(counts(t), [4, 4, 0, 0, 0, 0]);
    let want: Vec<_> = (2..=5)
        .zip(want)
        .map(|(r, d)| (r, format!("{d}T00:00:00Z")))
        .collect();
    assert_eq!(stamps(&ledger, PostedAt), want);
    assert_eq!(stamps(&ledger, ClosedAt), want);
    assert_eq!(
        issues(&ledger),
        [issue(IgnoredColumn, 1, "B"), issue(IgnoredColumn, 1, "D")]
    );
}

const DATES_1900: [&str; 4] = ["1900-01-11", "1900-04-20", "1903-01-15", "1930-06-02"];
const DATES_1904: [&str; 4] = ["1904-01-12", "1904-04-21", "1907-01-16", "1934-06-03"];

#[test]
fn sheetjs_1900_xlsx() {
    check_sheetjs_epoch("spreadsheets/sheetjs/1900.xlsx", "1900-01-01", DATES_1900);
}

#[test]
fn sheetjs_1900_xls() {
    check_sheetjs_epoch("spreadsheets/sheetjs/1900.xls", "1900-01-01", DATES_1900);
}

#[test]
fn sheetjs_1904_xlsx() {
    check_sheetjs_epoch("spreadsheets/sheetjs/1904.xlsx", "1904-01-02", DATES_1904);
}

#[test]
fn sheetjs_1904_xls() {
    check_sheetjs_epoch("spreadsheets/sheetjs/1904.xls", "1904-01-02", DATES_1904);
}

/// The ODS versions: B holds `date-value`s (`1900-01-01T00:00:00` in B1), so B, C (text) and
/// A (plain numbers) can each be read.
fn sheetjs_epoch_ods(file: &str, sheet: &str, b1: &str, c1: &str) -> Ledger {
    let ledger = read(
        &[file],
        &utc_columns(&[("posted_at", b1), ("closed_at", c1), ("reported_at", "1")]),
    );
    let t = table(&ledger, Some(sheet));
    assert_eq!(
        mapped(t),
        [
            ("reported_at", "A".to_string()),
            ("posted_at", "B".to_string()),
            ("closed_at", "C".to_string())
        ]
    );
    assert_eq!(counts(t), [4, 4, 0, 0, 0, 0]);
    assert_eq!(issues(&ledger), [issue(IgnoredColumn, 1, "D")]);
    ledger
}

fn day_rows(dates: [&str; 4]) -> Vec<(u32, String)> {
    (2..=5)
        .zip(dates)
        .map(|(r, d)| (r, format!("{d}T00:00:00Z")))
        .collect()
}

#[test]
fn sheetjs_1900_ods() {
    let ledger = sheetjs_epoch_ods(
        "spreadsheets/sheetjs/1900.ods",
        "1900",
        "1900-01-01T00:00:00",
        "1900-01-01",
    );
    for stamp in [PostedAt, ClosedAt, ReportedAt] {
        assert_eq!(stamps(&ledger, stamp), day_rows(DATES_1900), "{stamp:?}");
    }
}

#[test]
fn sheetjs_1904_ods() {
    let ledger = sheetjs_epoch_ods(
        "spreadsheets/sheetjs/1904.ods",
        "1904",
        "1904-01-02T00:00:00",
        "1904-01-02",
    );
    for stamp in [PostedAt, ClosedAt] {
        assert_eq!(stamps(&ledger, stamp), day_rows(DATES_1904), "{stamp:?}");
    }
}

/// `1904.ods` declares `<table:null-date table:date-value="1904-01-01"/>`: its plain numbers
/// (column A, next to the dates they stand for in column B) count from 1904 like those of
/// `1904.xlsx` and `1904.xls`.
#[test]
fn sheetjs_1904_ods_numbers_follow_the_workbook_null_date() {
    let ledger = sheetjs_epoch_ods(
        "spreadsheets/sheetjs/1904.ods",
        "1904",
        "1904-01-02T00:00:00",
        "1904-01-02",
    );
    assert_eq!(stamps(&ledger, ReportedAt), day_rows(DATES_1904));
}

/// `Attendance.xlsx` (Apple Numbers): row 1 empty, header on row 2 (`Date`, names with line
/// breaks), 2020-10-01 … 2020-10-23 under `m/d` (year hidden), booleans, and a `Total` row.
#[test]
fn sheetjs_attendance_xlsx() {
    let ledger = read(
        &["spreadsheets/sheetjs/Attendance.xlsx"],
        &utc_columns(&[("posted_at", "Date")]),
    );
    let t = table(&ledger, Some("Attendance - Attendance"));
    assert_eq!((t.header_row, t.header_rows), (2, 1));
    assert_eq!(counts(t), [23, 23, 0, 0, 0, 1]);
    assert_eq!(t.date_only, [PostedAt]);
    assert_eq!(ledger.totals_rows, 1);
    let start = utc("2020-10-01T00:00:00Z");
    let want: Vec<_> = (3..=25)
        .map(|r| (r, show(start + TimeDelta::days(i64::from(r) - 3))))
        .collect();
    assert_eq!(stamps(&ledger, PostedAt), want);
    assert!(issues(&ledger).is_empty());
}

/// `DataTypesFormats.xlsx` (Google Sheets), label and value side by side: B1 2020-07-23
/// (`M/d/yyyy`, serial 44035, the header here), B2 2020-07-23 09:00 (`M/d/yyyy H:mm:ss`),
/// then 123 (currency), 0.9876 (percentage), 456, 7890: numbers, read as serials.
#[test]
fn sheetjs_data_types_formats_xlsx() {
    let ledger = read(
        &["spreadsheets/sheetjs/DataTypesFormats.xlsx"],
        &utc_columns(&[("text", "Date"), ("posted_at", "44035")]),
    );
    assert_eq!(counts(table(&ledger, Some("Sheet1"))), [5, 4, 0, 1, 0, 0]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[
            (2, "2020-07-23T09:00:00Z"),
            (3, "1900-05-02T00:00:00Z"),
            (5, "1901-03-31T00:00:00Z"),
            (6, "1921-08-07T00:00:00Z"),
        ])
    );
    assert_eq!(issues(&ledger), rejected(TimeWithoutDate, 4, "B"));
}

/// `LONumbers-2011.xlsx`: each row applies the format named in A (`YY`, `[H]`, `AM/PM` …)
/// to 1, -1.2, 12.3 … B: 1 (1900-01-01); C: -1.2, before any date; D: 12.3 (1900-01-12
/// 07:12). Rows 15–17, 24–25 use elapsed-time formats (`[hh]`, `[h]`, `[s]`): durations.
#[test]
fn sheetjs_lonumbers_2011_xlsx() {
    let ledger = read(
        &["spreadsheets/sheetjs/LONumbers-2011.xlsx"],
        &utc_columns(&[
            ("id", "General"),
            ("posted_at", "1"),
            ("reported_at", "-1.2"),
            ("closed_at", "12.3"),
        ]),
    );
    let t = table(&ledger, Some("Sheet1"));
    assert_eq!(counts(t), [37, 32, 0, 5, 0, 0]);
    let durations = [15, 16, 17, 24, 25];
    let dated: Vec<u32> = (2..=38).filter(|r| !durations.contains(r)).collect();
    let want =
        |t: &str| -> Vec<(u32, String)> { dated.iter().map(|&r| (r, t.to_string())).collect() };
    assert_eq!(stamps(&ledger, PostedAt), want("1900-01-01T00:00:00Z"));
    assert_eq!(stamps(&ledger, ClosedAt), want("1900-01-12T07:12:00Z"));
    assert!(stamps(&ledger, ReportedAt).is_empty());
    let ids: Vec<_> = ledger
        .items
        .iter()
        .map(|i| i.id.as_deref().map(String::from).unwrap())
        .collect();
    assert_eq!(ids[..3], ["GENERAL", "YY", "YYYY"]);
    let mut want = Vec::new();
    for row in 2..=38 {
        if durations.contains(&row) {
            want.push(issue(TimeWithoutDate, row, "B"));
            want.push(issue(TimeWithoutDate, row, "C"));
            want.push(issue(TimeWithoutDate, row, "D"));
            want.push(issue(RejectedRow, row, ""));
        } else {
            want.push(issue(UnreadableTimestamp, row, "C"));
        }
    }
    assert_eq!(issues(&ledger), want);
}

/// `number_format.ods` (Excel's ODS export): sheet `Implied` shows 12345.6789 (1933-10-18
/// 16:17:36.96, so 16:17:37 rounded) in many formats; the date styles are stored as
/// `date-value="1933-10-18T16:17:36"`, the time styles as `time-value` durations of
/// 296296 hours. `ImpliedNegative` holds -12345.6789: no date. Three more sheets have no
/// `Value` column.
#[test]
fn sheetjs_number_format_ods() {
    let ledger = read(
        &["spreadsheets/sheetjs/number_format.ods"],
        &utc_columns(&[("id", "Format"), ("posted_at", "Value")]),
    );
    let skipped: Vec<_> = outcomes(&ledger)
        .into_iter()
        .map(|(_, s, r)| (s.unwrap(), r))
        .collect();
    assert_eq!(
        skipped,
        [
            ("Implied".to_string(), None),
            ("ImpliedNegative".to_string(), None),
            ("2011".to_string(), Some(NoHeader)),
            ("Miscellany".to_string(), Some(NoHeader)),
            ("SSF".to_string(), Some(NoHeader)),
        ]
    );
    let s = Some("Implied");
    assert_eq!(counts(table(&ledger, s)), [28, 21, 0, 7, 0, 0]);
    let number = "1933-10-18T16:17:37Z";
    let date = "1933-10-18T16:17:36Z";
    assert_eq!(
        stamps_in(&ledger, s, PostedAt),
        rows(&[
            (2, number),
            (3, number),
            (4, number),
            (5, number),
            (6, number),
            (7, number),
            (8, number),
            (9, number),
            (10, number),
            (11, number),
            (12, date),
            (13, date),
            (14, date),
            (15, date),
            (20, date),
            (21, number),
            (22, number),
            (23, number),
            (24, number),
            (28, number),
            (29, number),
        ])
    );
    let mut want = Vec::new();
    for row in [16, 17, 18, 19, 25, 26, 27] {
        want.extend(rejected(TimeWithoutDate, row, "B"));
    }
    assert_eq!(issues_in(&ledger, s), want);
    let s = Some("ImpliedNegative");
    assert_eq!(counts(table(&ledger, s)), [28, 0, 0, 28, 0, 0]);
    let want: Vec<_> = (2..=29)
        .flat_map(|r| rejected(UnreadableTimestamp, r, "B"))
        .collect();
    assert_eq!(issues_in(&ledger, s), want);
}

/// `xlsx-stream-d-date-cell.*`, label and value side by side: Integer 1, Float 1.5, Boolean,
/// Date (xlsx: `t="d"` `2014-02-14T08:27:48.765Z`; xls: serial 41684.35264774306), 1.5 under
/// `0.00` and `h:mm AM/PM`, 0.5 as percentages, 1.5 as a `[h]:mm:ss` duration, then text.
fn check_xlsx_stream(file: &str, toml_head: &str) -> Ledger {
    let ledger = read(
        &[file],
        &columns_config(toml_head, &[("text", "String"), ("posted_at", "てすと")]),
    );
    assert_eq!(counts(table(&ledger, Some("Sheet1"))), [12, 5, 0, 7, 0, 0]);
    let mut want = rejected(UnreadableTimestamp, 4, "B").to_vec();
    want.extend(rejected(TimeWithoutDate, 8, "B"));
    want.extend(rejected(TimeWithoutDate, 9, "B"));
    want.extend(rejected(TimeWithoutDate, 10, "B"));
    for row in 11..=13 {
        want.extend(rejected(UnreadableTimestamp, row, "B"));
    }
    assert_eq!(issues(&ledger), want);
    ledger
}

#[test]
fn sheetjs_xlsx_stream_d_date_cell_xlsx() {
    let file = "spreadsheets/sheetjs/xlsx-stream-d-date-cell.xlsx";
    let ledger = check_xlsx_stream(file, UTC);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[
            (2, "1900-01-01T00:00:00Z"),
            (3, "1900-01-01T12:00:00Z"),
            (5, "2014-02-14T08:27:49Z"),
            (6, "1900-01-01T12:00:00Z"),
            (7, "1900-01-01T12:00:00Z"),
        ])
    );
    // The `Z` of B5 fixes the instant whatever the configured zone.
    let ledger = check_xlsx_stream(file, "timezone = \"Asia/Jakarta\"\n");
    let b5: Vec<_> = stamps(&ledger, PostedAt)
        .into_iter()
        .filter(|(r, _)| *r == 5)
        .collect();
    assert_eq!(b5, rows(&[(5, "2014-02-14T08:27:49Z")]));
}

#[test]
fn sheetjs_xlsx_stream_d_date_cell_xls() {
    let ledger = check_xlsx_stream("spreadsheets/sheetjs/xlsx-stream-d-date-cell.xls", UTC);
    // 41684.35264774306 is 2014-02-14 08:27:48.765: rounded to the nearest second.
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[
            (2, "1900-01-01T00:00:00Z"),
            (3, "1900-01-01T12:00:00Z"),
            (5, "2014-02-14T08:27:49Z"),
            (6, "1900-01-01T12:00:00Z"),
            (7, "1900-01-01T12:00:00Z"),
        ])
    );
}

// ------------------------------------------------------------------------------------------
// xlrd (tests/samples)

/// `Formate.xls` (German Excel): sheet `Blätt1` B: 2741 (1907-07-03, the header here),
/// 38406 (2005-02-23), 32266 (1988-05-03, `DDDD", "MMMM DD", "YYYY`), three times of day,
/// two percentages, 1000.3 and 1.2 under `€` currency formats (numbers, so serials). The
/// other sheets (`ÖÄÜ`, `Blätt3`, `Formate`) have no such column.
#[test]
fn xlrd_formate_xls() {
    let ledger = read(
        &["spreadsheets/xlrd/Formate.xls"],
        &utc_columns(&[("text", "Huber"), ("posted_at", "2741")]),
    );
    let names: Vec<_> = outcomes(&ledger)
        .into_iter()
        .map(|(_, s, r)| (s.unwrap(), r))
        .collect();
    assert_eq!(
        names,
        [
            ("Blätt1".to_string(), None),
            ("ÖÄÜ".to_string(), Some(NoHeader)),
            ("Blätt3".to_string(), Some(NoHeader)),
            ("Formate".to_string(), Some(NoHeader)),
        ]
    );
    assert_eq!(counts(table(&ledger, Some("Blätt1"))), [9, 4, 0, 5, 0, 0]);
    assert_eq!(
        stamps(&ledger, PostedAt),
        rows(&[
            (2, "2005-02-23T00:00:00Z"),
            (3, "1988-05-03T00:00:00Z"),
            (9, "1902-09-26T07:12:00Z"),
            (10, "1900-01-01T04:48:00Z"),
        ])
    );
    let texts: Vec<_> = ledger
        .items
        .iter()
        .map(|i| i.text.as_deref().map(String::from).unwrap())
        .collect();
    assert_eq!(texts, ["Äcker", "Öcker", "viel", "wenig"]);
    let want: Vec<_> = (4..=8)
        .flat_map(|r| rejected(TimeWithoutDate, r, "B"))
        .collect();
    assert_eq!(issues(&ledger), want);
}

// ------------------------------------------------------------------------------------------
// Complaint exports: NYC 311, Boston 311, CFPB

const NYC: &str = r#"timezone = "America/New_York"
date_order = "mdy"
[columns]
id = ["Unique Key"]
posted_at = ["Created Date"]
closed_at = ["Closed Date"]
department = ["Agency"]
"#;

/// (department, items) in the order departments are first met.
fn departments(ledger: &Ledger) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for d in ledger
        .items
        .iter()
        .filter_map(|i| i.department.as_deref().map(String::from))
    {
        match out.iter_mut().find(|(n, _)| *n == d) {
            Some((_, c)) => *c += 1,
            None => out.push((d, 1)),
        }
    }
    out.sort();
    out
}

fn dept_counts(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(d, c)| (d.to_string(), *c)).collect()
}

fn item<'l>(ledger: &'l Ledger, id: &str) -> &'l patuh::model::Item {
    ledger
        .items
        .iter()
        .find(|i| i.id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn stamp_of(ledger: &Ledger, id: &str, stamp: Stamp) -> Option<String> {
    item(ledger, id).stamps.get(stamp).map(show)
}

/// tuplex `311_nyc_sample.csv`: 999 records, 41 columns, `MM/DD/YYYY hh:mm:ss AM/PM` in New
/// York time; Closed Date blank in 10 rows.
#[test]
fn nyc311_tuplex_311_nyc_sample() {
    let file = "complaints/nyc311_tuplex/311_nyc_sample.csv";
    let ledger = read(&[file], NYC);
    let t = table(&ledger, None);
    assert_eq!(
        mapped(t),
        [
            ("id", "A".to_string()),
            ("posted_at", "B".to_string()),
            ("closed_at", "C".to_string()),
            ("department", "D".to_string())
        ]
    );
    assert_eq!(counts(t), [999, 999, 0, 0, 0, 0]);
    assert_eq!(ledger.rows, ledger_counts(999, 999, 0, 0));
    assert_eq!((ledger.blank_rows, ledger.totals_rows), (0, 0));
    assert!(t.date_only.is_empty());
    assert!(issues(&ledger).is_empty(), "{:?}", issues(&ledger));
    assert_eq!(stamps(&ledger, PostedAt).len(), 999);
    assert_eq!(stamps(&ledger, ClosedAt).len(), 989);
    // `03/01/2011 02:27:57 PM` EST (-05:00) → `03/14/2011 03:59:20 PM` EDT (-04:00).
    let s = |id, stamp| stamp_of(&ledger, id, stamp);
    assert_eq!(
        s("19937896", PostedAt).as_deref(),
        Some("2011-03-01T19:27:57Z")
    );
    assert_eq!(
        s("19937896", ClosedAt).as_deref(),
        Some("2011-03-14T19:59:20Z")
    );
    assert_eq!(
        s("19937901", PostedAt).as_deref(),
        Some("2011-03-01T15:41:13Z")
    );
    assert_eq!(
        s("19937901", ClosedAt).as_deref(),
        Some("2011-03-15T20:14:19Z")
    );
    assert_eq!(
        s("19937902", PostedAt).as_deref(),
        Some("2011-03-01T14:07:45Z")
    );
    assert_eq!(
        s("19937902", ClosedAt).as_deref(),
        Some("2011-03-15T12:26:09Z")
    );
    // `03/02/2011 12:00:00 AM` is midnight; `12:04:43 AM` just after; `12:01:58 PM` noon.
    assert_eq!(
        s("19938632", PostedAt).as_deref(),
        Some("2011-03-02T05:00:00Z")
    );
    assert_eq!(
        s("19938192", PostedAt).as_deref(),
        Some("2011-03-02T05:04:43Z")
    );
    assert_eq!(
        s("19937908", PostedAt).as_deref(),
        Some("2011-03-01T17:01:58Z")
    );
    let posted: Vec<_> = ledger
        .items
        .iter()
        .filter_map(|i| i.stamps.get(PostedAt))
        .collect();
    assert_eq!(posted.iter().min(), Some(&utc("2011-03-01T07:32:24Z")));
    assert_eq!(posted.iter().max(), Some(&utc("2011-11-03T00:43:00Z")));
    // The longest case (19942250) took 1464 days 19:33:14 (about 35 000 hours).
    let longest = ledger
        .items
        .iter()
        .filter_map(|i| {
            Some((
                i.stamps.get(ClosedAt)? - i.stamps.get(PostedAt)?,
                i.id.as_deref().map(String::from)?,
            ))
        })
        .max()
        .unwrap();
    assert_eq!(
        longest,
        (
            TimeDelta::seconds(1464 * 86_400 + 70_394),
            "19942250".to_string()
        )
    );
    assert_eq!(
        departments(&ledger),
        dept_counts(&[
            ("DCA", 54),
            ("DFTA", 5),
            ("DHS", 57),
            ("DOF", 212),
            ("DOHMH", 20),
            ("DOT", 10),
            ("DPR", 38),
            ("DSNY", 1),
            ("NYPD", 562),
            ("TLC", 40),
        ])
    );
}

/// With `date_order = "auto"` each column decides on its own: Created Date of
/// `311_nyc_sample.csv` never has a day above 12 (no evidence: day-first), Closed Date does
/// in 155 values (month-first). Day-first fits every Created Date, so nothing contradicts.
#[test]
fn nyc311_tuplex_311_nyc_sample_auto_order_decides_per_column() {
    let file = "complaints/nyc311_tuplex/311_nyc_sample.csv";
    let ledger = read(&[file], &NYC.replace("\"mdy\"", "\"auto\""));
    let t = table(&ledger, None);
    let orders: Vec<_> = t
        .orders
        .iter()
        .map(|o| (o.field, o.order, o.day_first_values, o.month_first_values))
        .collect();
    assert_eq!(
        orders,
        [
            (PostedAt, DateOrder::DayFirst, 0, 0),
            (ClosedAt, DateOrder::MonthFirst, 0, 155)
        ]
    );
    assert_eq!(counts(t), [999, 999, 0, 0, 0, 0]);
    // `03/01/2011 02:27:57 PM` read day-first is 3 January (EST).
    let s = |id, stamp| stamp_of(&ledger, id, stamp);
    assert_eq!(
        s("19937896", PostedAt).as_deref(),
        Some("2011-01-03T19:27:57Z")
    );
    assert_eq!(
        s("19937896", ClosedAt).as_deref(),
        Some("2011-03-14T19:59:20Z")
    );
}

/// tuplex `311-service-requests.sample.csv`: 199 records, 52 columns, Created 10/31/2013
/// (EDT), 114 Closed Date blank, 10 created at `12:00:00 AM`, 2 closed when created.
#[test]
fn nyc311_tuplex_311_service_requests_sample() {
    let file = "complaints/nyc311_tuplex/311-service-requests.sample.csv";
    let ledger = read(&[file], NYC);
    let t = table(&ledger, None);
    assert_eq!(counts(t), [199, 199, 0, 0, 0, 0]);
    assert_eq!(ledger.rows, ledger_counts(199, 199, 0, 0));
    assert!(issues(&ledger).is_empty(), "{:?}", issues(&ledger));
    assert_eq!(stamps(&ledger, PostedAt).len(), 199);
    assert_eq!(stamps(&ledger, ClosedAt).len(), 85);
    let s = |id, stamp| stamp_of(&ledger, id, stamp);
    assert_eq!(
        s("26589651", PostedAt).as_deref(),
        Some("2013-10-31T06:08:41Z")
    );
    assert_eq!(
        s("26593698", PostedAt).as_deref(),
        Some("2013-10-31T06:01:04Z")
    );
    assert_eq!(
        s("26594139", PostedAt).as_deref(),
        Some("2013-10-31T06:00:24Z")
    );
    assert_eq!(
        s("26594139", ClosedAt).as_deref(),
        Some("2013-10-31T06:40:32Z")
    );
    assert_eq!(
        s("26594086", PostedAt).as_deref(),
        Some("2013-10-31T04:54:03Z")
    );
    let midnight = utc("2013-10-31T04:00:00Z");
    let at_midnight = ledger
        .items
        .iter()
        .filter(|i| i.stamps.get(PostedAt) == Some(midnight));
    assert_eq!(at_midnight.count(), 10);
    let zero: Vec<_> = ledger
        .items
        .iter()
        .filter(|i| {
            i.stamps.get(ClosedAt).is_some() && i.stamps.get(ClosedAt) == i.stamps.get(PostedAt)
        })
        .map(|i| i.id.as_deref().map(String::from).unwrap())
        .collect();
    assert_eq!(zero, ["26588468", "26582356"]);
    assert_eq!(
        departments(&ledger),
        dept_counts(&[
            ("DCA", 3),
            ("DEP", 28),
            ("DHS", 1),
            ("DOF", 1),
            ("DOHMH", 11),
            ("DOT", 16),
            ("DPR", 3),
            ("DSNY", 5),
            ("EDC", 1),
            ("HPD", 10),
            ("HRA", 1),
            ("NYPD", 111),
            ("TLC", 8),
        ])
    );
}

/// (id, posted_at, closed_at, department) of an item.
type ItemRow = (String, Option<String>, Option<String>, Option<String>);

/// The [`ItemRow`] of every item.
fn item_rows(ledger: &Ledger) -> Vec<ItemRow> {
    ledger
        .items
        .iter()
        .map(|i| {
            (
                i.id.as_deref().map(String::from).unwrap_or_default(),
                i.stamps.get(PostedAt).map(show),
                i.stamps.get(ClosedAt).map(show),
                i.department.as_deref().map(String::from),
            )
        })
        .collect()
}

fn nyc311_5_expected() -> Vec<ItemRow> {
    let row = |id: &str, posted: &str, closed: Option<&str>, dept: &str| {
        (
            id.to_string(),
            Some(posted.to_string()),
            closed.map(str::to_string),
            Some(dept.to_string()),
        )
    };
    vec![
        // 10/31/2016 11:07:15 PM EDT → 11:25:37 PM
        row(
            "34675190",
            "2016-11-01T03:07:15Z",
            Some("2016-11-01T03:25:37Z"),
            "NYPD",
        ),
        // 03/30/2019 04:06:23 AM EDT → 04:15:23 AM
        row(
            "42096612",
            "2019-03-30T08:06:23Z",
            Some("2019-03-30T08:15:23Z"),
            "NYPD",
        ),
        // 05/27/2011 12:00:00 AM EDT, not closed
        row("20520945", "2011-05-27T04:00:00Z", None, "HPD"),
        // 07/18/2018 11:10:04 AM EDT → 11:53:46 PM
        row(
            "39773697",
            "2018-07-18T15:10:04Z",
            Some("2018-07-19T03:53:46Z"),
            "NYPD",
        ),
        // 10/25/2020 01:19:00 PM EDT → 10/26/2020 02:30:00 AM
        row(
            "47976463",
            "2020-10-25T17:19:00Z",
            Some("2020-10-26T06:30:00Z"),
            "DEP",
        ),
    ]
}

/// qsv `NYC311-5.csv`: 5 records; one Closed Date blank; a `12:00:00 AM`.
#[test]
fn nyc311_qsv_five_records() {
    let ledger = read(&["complaints/nyc311_qsv/NYC311-5.csv"], NYC);
    let t = table(&ledger, None);
    assert_eq!(counts(t), [5, 5, 0, 0, 0, 0]);
    assert_eq!(ledger.rows, ledger_counts(5, 5, 0, 0));
    assert_eq!(item_rows(&ledger), nyc311_5_expected());
    let rows_of: Vec<u32> = ledger.items.iter().map(|i| i.source.row).collect();
    assert_eq!(rows_of, [2, 3, 4, 5, 6]);
    assert!(issues(&ledger).is_empty());
}

/// The same five records with `,`, `;` and tab delimiters read the same. `.ssv` is not an
/// export extension (INPUTS.md: `.csv`, `.tsv`, `.txt`), so the semicolon file is listed as
/// skipped as it is, and read when it carries the `.csv` name an Excel export would have.
#[test]
fn nyc311_qsv_delimiter_variants_give_identical_items() {
    let want = nyc311_5_expected();
    for (file, delimiter) in [
        ("complaints/nyc311_qsv/NYC311-5.csv", ','),
        ("complaints/nyc311_qsv/NYC311-5.tsv", '\t'),
    ] {
        let ledger = read(&[file], NYC);
        assert_eq!(
            ledger.files[0].delimited.map(|d| d.delimiter),
            Some(delimiter)
        );
        assert_eq!(item_rows(&ledger), want, "{file}");
        assert_eq!(ledger.rows, ledger_counts(5, 5, 0, 0));
    }
    let ssv = "complaints/nyc311_qsv/NYC311-5.ssv";
    let ledger = read_renamed(&[(ssv, "NYC311-5-semicolon.csv")], NYC);
    assert_eq!(ledger.files[0].delimited.map(|d| d.delimiter), Some(';'));
    assert_eq!(item_rows(&ledger), want);
    assert_eq!(ledger.rows, ledger_counts(5, 5, 0, 0));

    let ledger = read(&[ssv], NYC);
    assert!(ledger.files.is_empty());
    let skipped: Vec<_> = ledger
        .discovery
        .skipped
        .iter()
        .map(|s| (s.relative.as_str(), s.reason))
        .collect();
    assert_eq!(skipped, [(ssv, SkipReason::NotAnExport)]);

    // All three in one folder: the same items three times, the later exports duplicates.
    let ledger = read_renamed(
        &[
            ("complaints/nyc311_qsv/NYC311-5.csv", "a/NYC311-5.csv"),
            (ssv, "b/NYC311-5.csv"),
            ("complaints/nyc311_qsv/NYC311-5.tsv", "c/NYC311-5.tsv"),
        ],
        NYC,
    );
    assert_eq!(ledger.rows, ledger_counts(15, 5, 10, 0));
    assert!(issues(&ledger).is_empty(), "{:?}", issues(&ledger));
    assert_eq!(item_rows(&ledger), want);
}

const BOSTON: &str = r#"timezone = "America/New_York"
[columns]
id = ["case_enquiry_id"]
posted_at = ["open_dt"]
closed_at = ["closed_dt"]
"#;

fn check_boston(ledger: &Ledger) {
    let t = table(ledger, None);
    assert_eq!(
        mapped(t),
        [
            ("id", "A".to_string()),
            ("posted_at", "B".to_string()),
            ("closed_at", "D".to_string()),
            ("kind", "K".to_string()),
            ("department", "M".to_string())
        ]
    );
    assert_eq!(counts(t), [100, 100, 0, 0, 0, 0]);
    assert_eq!(ledger.rows, ledger_counts(100, 100, 0, 0));
    assert_eq!((ledger.blank_rows, ledger.totals_rows), (0, 0));
    assert!(issues(ledger).is_empty(), "{:?}", issues(ledger));
    assert_eq!(stamps(ledger, PostedAt).len(), 100);
    assert_eq!(stamps(ledger, ClosedAt).len(), 85);
    assert_eq!(
        departments(ledger),
        dept_counts(&[
            ("BTDT", 31),
            ("GEN_", 2),
            ("INFO", 4),
            ("ISD", 8),
            ("PARK", 3),
            ("PROP", 3),
            ("PWDx", 49),
        ])
    );
}

/// qsv `boston311-100.csv`: `YYYY-MM-DD HH:MM:SS` in Boston time (EST in January 2022);
/// `department` is a built-in header; closed_dt blank in 15 rows.
#[test]
fn boston311_iso() {
    let ledger = read(&["complaints/boston311_qsv/boston311-100.csv"], BOSTON);
    check_boston(&ledger);
    assert!(table(&ledger, None).date_only.is_empty());
    let s = |id, stamp| stamp_of(&ledger, id, stamp);
    assert_eq!(
        s("101004143000", PostedAt).as_deref(),
        Some("2022-01-21T18:47:00Z")
    );
    assert_eq!(s("101004143000", ClosedAt), None);
    assert_eq!(
        s("101004130437", PostedAt).as_deref(),
        Some("2022-01-19T16:18:00Z")
    );
    assert_eq!(
        s("101004130437", ClosedAt).as_deref(),
        Some("2022-01-19T16:42:16Z")
    );
    assert_eq!(
        s("101004155594", PostedAt).as_deref(),
        Some("2022-01-31T16:46:00Z")
    );
    assert_eq!(
        s("101004120108", PostedAt).as_deref(),
        Some("2022-01-08T17:54:49Z")
    );
    assert_eq!(
        s("101004120108", ClosedAt).as_deref(),
        Some("2022-01-09T11:43:06Z")
    );
}

/// qsv `boston311-dmy-100.csv` is the same data as `DD/MM/YYYY HH:MM:SS`: read day-first
/// (the default, or `auto`, which finds 7 and 8 values that only day-first can read), it
/// gives the very same items as the ISO file.
#[test]
fn boston311_dmy_gives_the_same_instants_as_iso() {
    let iso = read(&["complaints/boston311_qsv/boston311-100.csv"], BOSTON);
    let dmy = read(&["complaints/boston311_qsv/boston311-dmy-100.csv"], BOSTON);
    check_boston(&dmy);
    assert_eq!(item_rows(&dmy), item_rows(&iso));

    let auto = read(
        &["complaints/boston311_qsv/boston311-dmy-100.csv"],
        &BOSTON.replace("[columns]", "date_order = \"auto\"\n[columns]"),
    );
    check_boston(&auto);
    assert_eq!(item_rows(&auto), item_rows(&iso));
    let orders: Vec<_> = table(&auto, None)
        .orders
        .iter()
        .map(|o| (o.field, o.order, o.day_first_values, o.month_first_values))
        .collect();
    assert_eq!(
        orders,
        [
            (PostedAt, DateOrder::DayFirst, 7, 0),
            (ClosedAt, DateOrder::DayFirst, 8, 0)
        ]
    );
}

/// The day-first file read with `date_order = "mdy"`: the 7 open_dt and 8 closed_dt values
/// with a day above 12 contradict the order (data issues, never swapped); the 7 rows whose
/// open_dt contradicts have no other usable timestamp and are rejected.
#[test]
fn boston311_dmy_read_month_first_reports_contradictions() {
    let ledger = read(
        &["complaints/boston311_qsv/boston311-dmy-100.csv"],
        &BOSTON.replace("[columns]", "date_order = \"mdy\"\n[columns]"),
    );
    assert_eq!(counts(table(&ledger, None)), [100, 93, 0, 7, 0, 0]);
    let kinds = |kind| ledger.issues.iter().filter(|i| i.kind == kind).count();
    assert_eq!(kinds(DateOrderContradiction), 15);
    assert_eq!(kinds(RejectedRow), 7);
    assert_eq!(ledger.issues.len(), 22);
    assert_eq!(
        issues(&ledger)[..2],
        [
            issue(DateOrderContradiction, 2, "B"),
            issue(RejectedRow, 2, "")
        ]
    );
    // `08/01/2022 12:54:49` fits both orders: month-first it is 1 August.
    assert_eq!(
        stamp_of(&ledger, "101004120108", PostedAt).as_deref(),
        Some("2022-08-01T16:54:49Z")
    );
}

/// qsv `boston311-100-notime.csv`: dates only; both columns are listed as date-only and
/// read as midnight in Boston.
#[test]
fn boston311_notime_is_date_only() {
    let ledger = read(
        &["complaints/boston311_qsv/boston311-100-notime.csv"],
        BOSTON,
    );
    check_boston(&ledger);
    assert_eq!(table(&ledger, None).date_only, [PostedAt, ClosedAt]);
    // One data issue per column of dates alone, with the count of its cells.
    let notes: Vec<(String, String)> = ledger
        .issues
        .iter()
        .filter(|i| i.kind == DateWithoutTime)
        .map(|i| (i.location.to_string(), i.detail()))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(
        notes[0]
            .1
            .starts_with("date without a time: read as 00:00 (100 cells, first in row 2)"),
        "{notes:#?}"
    );
    assert!(
        notes[1]
            .1
            .starts_with("date without a time: read as 00:00 ("),
        "{notes:#?}"
    );
    let s = |id, stamp| stamp_of(&ledger, id, stamp);
    assert_eq!(
        s("101004143000", PostedAt).as_deref(),
        Some("2022-01-21T05:00:00Z")
    );
    assert_eq!(
        s("101004130437", PostedAt).as_deref(),
        Some("2022-01-19T05:00:00Z")
    );
    assert_eq!(
        s("101004130437", ClosedAt).as_deref(),
        Some("2022-01-19T05:00:00Z")
    );
    assert_eq!(
        s("101004155594", PostedAt).as_deref(),
        Some("2022-01-31T05:00:00Z")
    );
    // Each date is the local date of the ISO file's timestamp.
    let iso = read(&["complaints/boston311_qsv/boston311-100.csv"], BOSTON);
    let local = |t: DateTime<Utc>| t.with_timezone(&chrono_tz::America::New_York).naive_local();
    for (with_time, date_only) in iso.items.iter().zip(&ledger.items) {
        assert_eq!(with_time.id, date_only.id);
        for stamp in [PostedAt, ClosedAt] {
            let want = with_time.stamps.get(stamp).map(|t| local(t).date());
            let got = date_only.stamps.get(stamp).map(local);
            assert_eq!(got.map(|t| t.date()), want, "{:?} {stamp:?}", with_time.id);
            assert!(got.is_none_or(|t| t.time() == chrono::NaiveTime::MIN));
        }
    }
}

const CFPB: &str = r#"timezone = "America/New_York"
date_order = "mdy"
[columns]
id = ["Complaint ID"]
posted_at = ["Date received"]
forwarded_at = ["Date sent to company"]
department = ["Company"]
"#;

/// CFPB Consumer Complaint Database, September 2016: 349 records, dates only
/// (`MM/DD/YYYY`), received 09/12–09/17/2016; the lag to the company is 0 days for 314
/// records, 1 for 6, 2 for 22 and 3 for 7.
#[test]
fn cfpb_consumer_complaints_2016_09() {
    let ledger = read(&["complaints/cfpb/Consumer_Complaints_2016-09.csv"], CFPB);
    let t = table(&ledger, None);
    assert_eq!(
        mapped(t),
        [
            ("posted_at", "A".to_string()),
            ("department", "H".to_string()),
            ("forwarded_at", "N".to_string()),
            ("id", "R".to_string())
        ]
    );
    assert_eq!(counts(t), [349, 349, 0, 0, 0, 0]);
    assert_eq!(ledger.rows, ledger_counts(349, 349, 0, 0));
    assert_eq!(t.date_only, [PostedAt, ForwardedAt]);
    assert!(issues(&ledger).is_empty(), "{:?}", issues(&ledger));
    // Both columns of dates alone are a data issue each.
    let notes = ledger
        .issues
        .iter()
        .filter(|i| i.kind == DateWithoutTime)
        .count();
    assert_eq!(notes, 2);
    let s = |id, stamp| stamp_of(&ledger, id, stamp);
    assert_eq!(
        s("2105582", PostedAt).as_deref(),
        Some("2016-09-12T04:00:00Z")
    );
    assert_eq!(
        s("2105582", ForwardedAt).as_deref(),
        Some("2016-09-12T04:00:00Z")
    );
    assert_eq!(
        s("2105601", ForwardedAt).as_deref(),
        Some("2016-09-14T04:00:00Z")
    );
    assert_eq!(
        item(&ledger, "2105601").department.as_deref(),
        Some("First Federal Credit Control")
    );
    let mut lags = [0usize; 4];
    let mut received = std::collections::BTreeMap::new();
    for i in &ledger.items {
        let (p, f) = (
            i.stamps.get(PostedAt).unwrap(),
            i.stamps.get(ForwardedAt).unwrap(),
        );
        lags[usize::try_from((f - p).num_days()).unwrap()] += 1;
        *received
            .entry((p - TimeDelta::hours(4)).date_naive())
            .or_insert(0) += 1;
    }
    assert_eq!(lags, [314, 6, 22, 7]);
    let day = |d| NaiveDate::from_ymd_opt(2016, 9, d).unwrap();
    assert_eq!(
        received.into_iter().collect::<Vec<_>>(),
        [
            (day(12), 136),
            (day(13), 121),
            (day(14), 56),
            (day(15), 28),
            (day(16), 7),
            (day(17), 1)
        ]
    );
    let departments = departments(&ledger);
    assert_eq!(departments.len(), 107);
    let count = |name: &str| departments.iter().find(|(d, _)| d == name).map(|(_, c)| *c);
    assert_eq!(count("Equifax"), Some(94));
    assert_eq!(count("TransUnion Intermediate Holdings, Inc."), Some(35));
    assert_eq!(count("Amex"), Some(22));
}
