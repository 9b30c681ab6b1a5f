//! One table (a CSV file or a worksheet), row by row: finds the header, maps the columns,
//! sorts rows into data, blank and totals rows, and reads each data row's values.
//!
//! Fed rows by the format readers; gives a [`Table`] of row records and data issues.
//! Knows nothing of files, formats, or other tables. The header search, the plain values,
//! the timestamp cells and the resolution of a table's dates each have their own module.

mod header;
mod resolve;
mod stamps;
mod values;

use serde::{Deserialize, Serialize};

use crate::ingest::cells::Cell;
use crate::ingest::columns::{ColumnMap, UnmappedColumn};
use crate::ingest::ReadSettings;
use crate::issues::{DataIssue, IssueKind, Location, Reason};
use crate::model::{Channel, DispositionValue, Field, Kind, Stamp, Stamps};
use crate::timestamp::{DateOrder, DateSystem};

pub(crate) use header::join_header_rows;
use header::HEADER_SEARCH_ROWS;
use stamps::Pending;
use values::{is_a_count, is_totals_row};

/// The values of one data row, read and normalised (departments are canonicalised later,
/// across all exports, in file order).
#[derive(Debug, Clone, PartialEq)]
pub struct RowRecord {
    /// The row as the spreadsheet numbers it.
    pub row: u32,
    /// Ticket number.
    pub id: Option<String>,
    /// Channel, with the text as written.
    pub channel: Option<(Channel, String)>,
    /// Kind.
    pub kind: Option<Kind>,
    /// Account.
    pub account: Option<String>,
    /// The citizen's post.
    pub text: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// Disposition as written.
    pub disposition: Option<DispositionValue>,
    /// Department as written (trimmed, spaces collapsed).
    pub department: Option<String>,
    /// Admin.
    pub admin: Option<String>,
    /// Who gave the disposition.
    pub disposed_by: Option<String>,
    /// The timestamps that could be used.
    pub stamps: Stamps,
    /// Which of them were written as a date without a time (read as midnight): bit
    /// [`Stamp::index`] set.
    pub date_only: u8,
}

/// How a timestamp column's dates were ordered (for `date_order = "auto"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDecision {
    /// The timestamp field.
    pub field: Stamp,
    /// The order used.
    pub order: DateOrder,
    /// Values that can only be read day-first.
    pub day_first_values: u32,
    /// Values that can only be read month-first.
    pub month_first_values: u32,
}

/// A table that was read.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Table {
    /// The (first) header row, as the spreadsheet numbers it.
    pub header_row: u32,
    /// 1, or 2 for a two-row header.
    pub header_rows: u32,
    /// The meaning of the columns.
    pub columns: ColumnMap,
    /// The header cells that name no field, with the known header each resembles.
    pub unmapped: Vec<UnmappedColumn>,
    /// The data rows with at least one usable timestamp (not in the table's serde form:
    /// the export cache keeps them apart, in a compact form).
    #[serde(skip)]
    pub records: Vec<RowRecord>,
    /// Data rows rejected for having no usable timestamp.
    pub rejected: u32,
    /// Blank rows between data rows (every cell empty, or only the `No` filled).
    pub blank: u32,
    /// Totals rows (`Jumlah`, `Total`, `Grand Total` with no timestamp).
    pub totals: u32,
    /// Timestamp fields whose values hold dates only (read as midnight).
    pub date_only: Vec<Stamp>,
    /// How `date_order = "auto"` decided, per timestamp field with numeric dates.
    pub orders: Vec<OrderDecision>,
    /// Data issues found in this table.
    pub issues: Vec<DataIssue>,
    /// The earliest timestamp read as later than the moment of the run (a typo then, left
    /// out of its row): a run at a later moment reads it as a time.
    pub first_future: Option<crate::model::Instant>,
}

impl Table {
    /// Data rows read: records plus rejected rows (blank and totals rows not counted).
    pub fn rows_read(&self) -> u32 {
        self.records.len() as u32 + self.rejected
    }
}

/// Why a sheet or file holds no table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoTable {
    /// The sheet or file has no cells.
    Empty,
    /// No row among the first 20 names a timestamp column.
    NoHeader,
}

/// A data row kept until the table ends: its values, and its timestamps as far as they
/// could be read before the date order is known.
struct PendingRow {
    record: RowRecord,
    stamps: [Pending; 5],
}

/// Where the builder is in the table.
enum State {
    /// Keeping the first rows until the header is found.
    Searching(Vec<(u32, Vec<Cell<'static>>)>),
    /// Header found; reading data rows.
    Reading,
    /// No header within the first rows: the rest is not read.
    GaveUp,
}

/// The bytes of a `Vec`'s or `String`'s own fields.
const VEC_BYTES: u64 = std::mem::size_of::<Vec<u8>>() as u64;

/// The bytes of a cell kept while the header is searched.
fn cell_bytes(cell: &Cell<'_>) -> u64 {
    let text = match cell {
        Cell::Text(t) | Cell::Iso(t) | Cell::DurationText(t) => t.len(),
        Cell::Error(t) => t.len(),
        _ => 0,
    };
    (std::mem::size_of::<Cell>() + text) as u64
}

/// The bytes of a data row kept until the table ends: its record, its texts and the
/// timestamps as written. The record is counted twice: the vector of rows grows by
/// doubling, so it may hold as much room again as it fills.
fn pending_row_bytes(row: &PendingRow) -> u64 {
    let r = &row.record;
    let texts = [
        &r.id,
        &r.account,
        &r.text,
        &r.url,
        &r.department,
        &r.admin,
        &r.disposed_by,
    ]
    .into_iter()
    .flatten()
    .map(String::len)
    .sum::<usize>()
        + r.channel.as_ref().map_or(0, |(_, t)| t.len());
    let written = row
        .stamps
        .iter()
        .map(|p| match p {
            Pending::Written { raw, .. } | Pending::Failed { raw, .. } => raw.len(),
            _ => 0,
        })
        .sum::<usize>();
    (std::mem::size_of::<PendingRow>() + std::mem::size_of::<RowRecord>() + texts + written) as u64
}

/// The bytes of a data issue: its fields and its texts.
fn issue_bytes(issue: &DataIssue) -> u64 {
    let l = &issue.location;
    let texts = l.file.len()
        + [&l.sheet, &l.column, &l.header, &issue.value]
            .into_iter()
            .flatten()
            .map(String::len)
            .sum::<usize>();
    (std::mem::size_of::<DataIssue>() + texts) as u64
}

/// Reads one table, row by row.
pub struct TableBuilder<'a> {
    file: &'a str,
    sheet: Option<String>,
    system: DateSystem,
    settings: &'a ReadSettings,
    state: State,
    table: Table,
    rows: Vec<PendingRow>,
    blank_run: u32,
    last_row: u32,
    any_cell: bool,
    /// Bytes of memory held by the rows kept so far and their issues (an estimate).
    held: u64,
    /// Issues already counted in `held`.
    issues_counted: usize,
}

impl<'a> TableBuilder<'a> {
    /// A builder for the table of `file` (and `sheet`); `system` is the workbook's date
    /// system (the 1900 system for CSV).
    pub fn new(
        file: &'a str,
        sheet: Option<String>,
        system: DateSystem,
        settings: &'a ReadSettings,
    ) -> TableBuilder<'a> {
        TableBuilder {
            file,
            sheet,
            system,
            settings,
            state: State::Searching(Vec::new()),
            table: Table::default(),
            rows: Vec::new(),
            blank_run: 0,
            last_row: 0,
            any_cell: false,
            held: 0,
            issues_counted: 0,
        }
    }

    /// Bytes of memory the table holds so far: the rows kept (the first rows while the
    /// header is searched, then each data row's values) and the data issues, estimated
    /// from their sizes and the lengths of their texts.
    pub fn held_bytes(&self) -> u64 {
        self.held
    }

    /// The sheet's name (`None` for a delimited file).
    pub fn sheet_name(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// Whether more rows are wanted (false once the header search has given up).
    pub fn wants_rows(&self) -> bool {
        !matches!(self.state, State::GaveUp)
    }

    /// Takes the next row: its number as the spreadsheet shows it and its cells from column A.
    /// Rows must come in increasing order; missing rows are empty rows.
    pub fn push_row(&mut self, number: u32, cells: &[Cell<'_>]) {
        if cells.iter().any(|c| !c.is_empty()) {
            self.any_cell = true;
        }
        match &mut self.state {
            State::Searching(buffer) => {
                self.held += cells.iter().map(cell_bytes).sum::<u64>() + VEC_BYTES;
                buffer.push((
                    number,
                    cells.iter().cloned().map(Cell::into_owned).collect(),
                ));
                if number > HEADER_SEARCH_ROWS {
                    self.search_header();
                }
            }
            State::Reading => self.data_row(number, cells),
            State::GaveUp => {}
        }
        let new_issues = &self.table.issues[self.issues_counted..];
        self.held += new_issues.iter().map(issue_bytes).sum::<u64>();
        self.issues_counted = self.table.issues.len();
    }

    /// Ends the table: resolves dates, checks every row, and gives the table or the reason
    /// there is none.
    pub fn finish(mut self) -> Result<Table, NoTable> {
        if matches!(self.state, State::Searching(_)) {
            self.search_header();
        }
        match self.state {
            State::Reading => {}
            _ if !self.any_cell => return Err(NoTable::Empty),
            _ => return Err(NoTable::NoHeader),
        }
        let rows = std::mem::take(&mut self.rows);
        self.resolve(rows);
        Ok(self.table)
    }

    fn location(&self, row: u32) -> Location {
        Location::row(self.file, self.sheet.as_deref(), row)
    }

    /// Records an issue about the value of one cell of `row`.
    fn cell_issue(
        &mut self,
        row: u32,
        column: usize,
        kind: IssueKind,
        value: String,
        field: Field,
        reason: Reason,
    ) {
        let location = self
            .location(row)
            .at_column(column, self.table.columns.header(column));
        self.table.issues.push(DataIssue::new(
            kind,
            location,
            Some(value),
            Some(field),
            reason,
        ));
    }

    fn data_row(&mut self, number: u32, cells: &[Cell<'_>]) {
        // Rows a reader skips (absent from the sheet, empty lines of a CSV) are blank rows.
        self.blank_run += number.saturating_sub(self.last_row + 1);
        self.last_row = number;
        let columns = &self.table.columns;
        let is_blank = cells
            .iter()
            .enumerate()
            .all(|(i, c)| c.is_empty() || Some(i) == columns.row_number);
        if is_blank {
            self.blank_run += 1;
            return;
        }
        let stamps: [Pending; 5] = Stamp::ALL.map(|s| match columns.stamps.get(&s) {
            Some(cols) => self.read_stamp(*cols, cells),
            None => Pending::Missing,
        });
        // A totals row has no timestamp; the counts it holds (plain numbers, which would
        // read as serials) are not timestamps.
        let has_date = Stamp::ALL.iter().zip(&stamps).any(|(s, p)| match p {
            Pending::Written { .. } => true,
            Pending::Ready { .. } => columns
                .stamps
                .get(s)
                .is_some_and(|c| !cells.get(c.position()).is_some_and(is_a_count)),
            _ => false,
        });
        if !has_date && is_totals_row(cells, columns.row_number) {
            self.table.totals += 1;
            self.table.blank += std::mem::take(&mut self.blank_run);
            return;
        }
        // Blank rows count only between rows of the table, not after its end.
        self.table.blank += self.blank_run;
        self.blank_run = 0;
        let record = self.read_values(number, cells);
        let row = PendingRow { record, stamps };
        self.held += pending_row_bytes(&row);
        self.rows.push(row);
    }
}
