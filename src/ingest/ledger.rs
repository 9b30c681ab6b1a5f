//! What reading gives: the [`Ledger`] (the items, the row ledger, the data issues) and
//! the report of each export read, sheet by sheet, table by table; and the one check made
//! of a whole ledger, its number of departments.

use serde::{Deserialize, Serialize};

use crate::discover::{Discovery, Format};
use crate::ingest::columns::UnmappedColumn;
use crate::ingest::delimited::DelimitedInfo;
use crate::ingest::table::OrderDecision;
use crate::issues::DataIssue;
use crate::model::{Instant, Item, Stamp};

/// The row ledger: `read = included + duplicates + rejected`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RowCounts {
    /// Data rows read (blank and totals rows not counted).
    pub read: u64,
    /// Rows that are the winning or only occurrence of an item.
    pub included: u64,
    /// Rows merged into an item that appears in another row.
    pub duplicates: u64,
    /// Rows with no usable timestamp.
    pub rejected: u64,
}

/// How a sheet (or a CSV file's single table) was read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SheetReport {
    /// The sheet's name; `None` for delimited files.
    pub name: Option<String>,
    /// What became of it.
    pub outcome: SheetOutcome,
}

/// What became of a sheet.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetOutcome {
    /// Read as a table.
    Read(TableSummary),
    /// Not read, with the reason.
    Skipped(SheetSkipReason),
}

/// Why a sheet was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetSkipReason {
    /// The sheet is hidden.
    Hidden,
    /// A chart, dialog or macro sheet.
    NotAWorksheet,
    /// No cells at all.
    Empty,
    /// No row among the first 20 names a timestamp column.
    NoHeader,
    /// A text export (`.csv`, `.tsv`, `.txt`) that is in fact a workbook.
    WorkbookNamedAsText,
    /// A text export that holds binary data, not text.
    NotText,
    /// A workbook protected by a password.
    PasswordProtected,
    /// A workbook export (`.xlsx`, `.xls`, …) that is in fact text.
    TextNamedAsWorkbook,
}

impl SheetSkipReason {
    /// The reason in the words of a language, for the export `file` (whose extension, in
    /// capitals, fills `{format}`).
    pub fn say(self, w: &crate::words::Words, file: &str) -> String {
        let format = std::path::Path::new(file)
            .extension()
            .map(|e| e.to_string_lossy().to_uppercase())
            .unwrap_or_default();
        let key = format!("sheet_{}", crate::words::key_of(&self));
        crate::words::fill(&w[&key], &[("format", &format)])
    }

    /// The reason in words, with what to do.
    pub fn describe(self) -> &'static str {
        match self {
            SheetSkipReason::Hidden => "hidden sheet",
            SheetSkipReason::NotAWorksheet => "not a worksheet (chart, dialog or macro sheet)",
            SheetSkipReason::Empty => "empty",
            SheetSkipReason::NoHeader => {
                "no header row among the first 20 rows names a timestamp column (such as Waktu Posting); \
                 if it has another name, map it under [columns] in patuh.toml"
            }
            SheetSkipReason::WorkbookNamedAsText => {
                "a workbook with a text file's extension: give it its own (.xlsx, .ods or .xls) \
                 and run patuh again"
            }
            SheetSkipReason::NotText => {
                "not text (it holds binary data): export the log again as CSV"
            }
            SheetSkipReason::PasswordProtected => {
                "protected by a password: open it in a spreadsheet program, save a copy without \
                 the password and run patuh again"
            }
            SheetSkipReason::TextNamedAsWorkbook => {
                "not a workbook (it holds text, such as a CSV or an HTML table): give a CSV the \
                 .csv extension, or open it in a spreadsheet program and save it as .xlsx, then \
                 run patuh again"
            }
        }
    }
}

/// The summary of a table that was read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TableSummary {
    /// The (first) header row, as the spreadsheet numbers it.
    pub header_row: u32,
    /// 1, or 2 for a two-row header.
    pub header_rows: u32,
    /// Each mapped field with its column letter(s) and header.
    pub columns: Vec<MappedColumn>,
    /// Each header cell that names no field (not empty, not the running `No`), with the
    /// known header it closely resembles, if any: kept out of the metrics, listed by
    /// `check` and the data-quality page.
    pub unmapped: Vec<UnmappedColumn>,
    /// Data rows read.
    pub rows: u32,
    /// Of those, rows that became items (first or winning occurrence).
    pub included: u32,
    /// Of those, rows merged into an item from another row.
    pub duplicates: u32,
    /// Of those, rows rejected.
    pub rejected: u32,
    /// Blank rows, not counted as read.
    pub blank: u32,
    /// Totals rows, not counted as read.
    pub totals: u32,
    /// Timestamp fields that hold dates only (read as midnight).
    pub date_only: Vec<Stamp>,
    /// How `date_order = "auto"` decided.
    pub orders: Vec<OrderDecision>,
}

/// A field and where it is read from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MappedColumn {
    /// The canonical field (`posted_at`).
    pub field: crate::model::Field,
    /// Column letter(s): `C`, or `C+D` for a date and time pair.
    pub column: String,
    /// The header as written (both for a pair).
    pub header: String,
}

/// How one export was read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileReport {
    /// Path relative to the data folder.
    pub file: String,
    /// Its format.
    pub format: Format,
    /// Encoding and delimiter, for delimited files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimited: Option<DelimitedInfo>,
    /// SHA-256 of the bytes read, in hex.
    pub sha256: String,
    /// The latest timestamp it contains: when the export was taken.
    pub latest: Option<Instant>,
    /// Its sheets (one unnamed table for delimited files).
    pub sheets: Vec<SheetReport>,
}

impl FileReport {
    /// The summaries of the tables read from this file.
    pub fn tables(&self) -> impl Iterator<Item = &TableSummary> {
        self.sheets.iter().filter_map(|s| match &s.outcome {
            SheetOutcome::Read(t) => Some(t),
            SheetOutcome::Skipped(_) => None,
        })
    }
}

/// Everything read from the exports.
#[derive(Debug, Clone, Serialize)]
pub struct Ledger {
    /// What the walk found, read or not.
    pub discovery: Discovery,
    /// One report per export read, in walk order.
    pub files: Vec<FileReport>,
    /// The row ledger.
    pub rows: RowCounts,
    /// Blank rows in all tables (outside the ledger).
    pub blank_rows: u64,
    /// Totals rows in all tables (outside the ledger).
    pub totals_rows: u64,
    /// The items, in the order they first appear in export order.
    pub items: Vec<Item>,
    /// Every data issue, file by file in walk order, then the conflicts found merging.
    pub issues: Vec<DataIssue>,
}

/// The exports name more departments than `[limits] max_departments`: a text column read
/// as the department would make pages by the thousand. Told in either language; `Display`
/// is the English text.
#[derive(Debug, Clone, thiserror::Error)]
pub struct TooManyDepartments {
    /// Distinct departments named.
    pub count: usize,
    /// The limit.
    pub max: u64,
}

impl crate::words::Describe for TooManyDepartments {
    fn describe(&self, lang: crate::words::Lang) -> String {
        crate::words::say(
            lang,
            "err_too_many_departments",
            &[
                ("count", &self.count.to_string()),
                ("max", &self.max.to_string()),
            ],
        )
    }
}

impl std::fmt::Display for TooManyDepartments {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::Describe::describe(
            self,
            crate::words::Lang::En,
        ))
    }
}

/// Refuses a ledger whose items name more departments than `max`: `build` would make
/// pages for each. `check` does not ask, so that it can still show which column is read.
pub fn check_departments(ledger: &Ledger, max: u64) -> Result<(), TooManyDepartments> {
    let departments: std::collections::BTreeSet<&str> = ledger
        .items
        .iter()
        .filter_map(|i| i.department.as_deref())
        .collect();
    if departments.len() as u64 > max {
        return Err(TooManyDepartments {
            count: departments.len(),
            max,
        });
    }
    Ok(())
}
