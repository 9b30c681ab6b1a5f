//! One table (a CSV file or a worksheet), row by row: finds the header, maps the columns,
//! sorts rows into data, blank and totals rows, and reads each data row's values.
//!
//! Fed rows by the format readers; gives a [`Table`] of row records and data issues.
//! Knows nothing of files, formats, or other tables.

use chrono::NaiveTime;
use serde::Serialize;

use crate::config::DateOrderSetting;
use crate::ingest::cells::Cell;
use crate::ingest::columns::{column_letter, header_key, ColumnMap, StampColumns, UnmappedColumn};
use crate::ingest::normalize;
use crate::ingest::ReadSettings;
use crate::issues::{DataIssue, IssueKind, Location, Reason};
use crate::model::{Channel, DispositionValue, Field, Instant, Kind, Stamp, Stamps};
use crate::timestamp::{
    self, DateOrder, DateSystem, LocalAdjustment, StampError, WrittenDate, WrittenStamp,
};

/// The header must be within this many rows from the top.
pub const HEADER_SEARCH_ROWS: u32 = 20;

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
    /// The timestamps that could be used.
    pub stamps: Stamps,
    /// Which of them were written as a date without a time (read as midnight): bit
    /// [`Stamp::index`] set.
    pub date_only: u8,
}

/// How a timestamp column's dates were ordered (for `date_order = "auto"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OrderDecision {
    /// The timestamp field.
    pub field: Stamp,
    /// The order used.
    pub order: &'static str,
    /// Values that can only be read day-first.
    pub day_first_values: u32,
    /// Values that can only be read month-first.
    pub month_first_values: u32,
}

/// A table that was read.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The (first) header row, as the spreadsheet numbers it.
    pub header_row: u32,
    /// 1, or 2 for a two-row header.
    pub header_rows: u32,
    /// The meaning of the columns.
    pub columns: ColumnMap,
    /// The header cells that name no field, with the known header each resembles.
    pub unmapped: Vec<UnmappedColumn>,
    /// The data rows with at least one usable timestamp.
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

/// What a timestamp cell held, before the sheet's date order is known.
#[derive(Debug, Clone)]
enum Pending {
    Missing,
    Ready {
        at: Instant,
        /// The local date and time the cell holds, as shown in messages.
        local: chrono::NaiveDateTime,
        adjustment: Option<LocalAdjustment>,
        has_time: bool,
    },
    Written {
        stamp: WrittenStamp,
        raw: String,
    },
    Failed {
        kind: IssueKind,
        raw: String,
        reason: Reason,
    },
}

struct PendingRow {
    record: RowRecord,
    stamps: [Pending; 5],
}

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
    let texts = [&r.id, &r.account, &r.text, &r.url, &r.department, &r.admin]
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
            .sum::<usize>()
        + issue.detail.len();
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

    fn search_header(&mut self) {
        let State::Searching(buffer) = std::mem::replace(&mut self.state, State::GaveUp) else {
            return;
        };
        let vocabulary = &self.settings.vocabulary;
        let texts: Vec<Vec<String>> = buffer
            .iter()
            .map(|(_, cells)| {
                cells
                    .iter()
                    .map(|c| c.to_text().unwrap_or_default())
                    .collect()
            })
            .collect();
        let mut found = None;
        for (i, (number, _)) in buffer.iter().enumerate() {
            if *number > HEADER_SEARCH_ROWS {
                break;
            }
            if texts[i].iter().all(|t| t.is_empty()) {
                continue;
            }
            if vocabulary.names_a_timestamp(texts[i].iter().map(String::as_str)) {
                found = Some((i, 1, texts[i].clone()));
                break;
            }
            if let Some((next_number, _)) = buffer.get(i + 1) {
                if *next_number == number + 1 {
                    let joined = join_header_rows(&texts[i], &texts[i + 1]);
                    if vocabulary.names_a_timestamp(joined.iter().map(String::as_str)) {
                        found = Some((i, 2, joined));
                        break;
                    }
                }
            }
        }
        let Some((index, header_rows, headers)) = found else {
            return;
        };
        self.table.header_row = buffer[index].0;
        self.last_row = self.table.header_row + header_rows - 1;
        self.table.header_rows = header_rows;
        self.table.columns = vocabulary.map(&headers);
        for (column, field) in self.table.columns.ignored.clone() {
            let location = self
                .location(self.table.header_row)
                .at_column(column, self.table.columns.header(column));
            self.table.issues.push(DataIssue::new(
                IssueKind::IgnoredColumn,
                location,
                None,
                Some(field),
                Reason::AlreadyMapped,
            ));
        }
        for column in self.table.columns.unmapped.clone() {
            let header = self.table.columns.header(column).to_string();
            let likely = vocabulary.likely(&header);
            if let Some(likely) = &likely {
                let location = self
                    .location(self.table.header_row)
                    .at_column(column, &header);
                let reason = if likely.time_half {
                    Reason::LooksLikeTimeHalf {
                        header: header.clone(),
                        alias: likely.alias.clone(),
                    }
                } else {
                    Reason::LooksLike {
                        header: header.clone(),
                        alias: likely.alias.clone(),
                    }
                };
                self.table.issues.push(DataIssue::new(
                    IssueKind::UnknownColumn,
                    location,
                    Some(header.clone()),
                    Some(likely.field),
                    reason,
                ));
            }
            self.table.unmapped.push(UnmappedColumn {
                column: column_letter(column),
                header,
                likely,
            });
        }
        self.state = State::Reading;
        for (number, cells) in buffer.into_iter().skip(index + header_rows as usize) {
            self.data_row(number, &cells);
        }
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

    fn read_values(&mut self, row: u32, cells: &[Cell<'_>]) -> RowRecord {
        let mut record = RowRecord {
            row,
            id: None,
            channel: None,
            kind: None,
            account: None,
            text: None,
            url: None,
            disposition: None,
            department: None,
            admin: None,
            stamps: Stamps::default(),
            date_only: 0,
        };
        let plain: Vec<(Field, usize)> = self
            .table
            .columns
            .plain
            .iter()
            .map(|(f, c)| (*f, *c))
            .collect();
        for (field, column) in plain {
            let Some(cell) = cells.get(column) else {
                continue;
            };
            if let Cell::Error(e) = cell {
                let value = e.clone();
                self.cell_issue(
                    row,
                    column,
                    IssueKind::UnreadableValue,
                    value,
                    field,
                    Reason::SpreadsheetError,
                );
                continue;
            }
            let Some(text) = cell.to_text() else { continue };
            if let Some(max) = normalize::max_chars(field) {
                let length = text.chars().count();
                if length > max {
                    let reason = Reason::TooLong { length, max };
                    self.cell_issue(row, column, IssueKind::UnreadableValue, text, field, reason);
                    continue;
                }
            }
            match field {
                Field::Id => record.id = Some(text),
                Field::Channel => record.channel = Some((normalize::channel(&text), text)),
                Field::Kind => record.kind = Some(normalize::kind(&text)),
                Field::Account => record.account = Some(text),
                Field::Text => record.text = Some(text),
                Field::Url => record.url = Some(text),
                Field::Disposition => {
                    let value = normalize::disposition(&text);
                    if value == DispositionValue::Unrecognised {
                        self.cell_issue(
                            row,
                            column,
                            IssueKind::UnrecognisedDisposition,
                            text,
                            Field::Disposition,
                            Reason::UnknownDisposition,
                        );
                    }
                    record.disposition = Some(value);
                }
                Field::Department => record.department = Some(normalize::tidy(&text)),
                Field::Admin => record.admin = Some(normalize::tidy(&text)),
                _ => {}
            }
        }
        record
    }

    fn read_stamp(&self, columns: StampColumns, cells: &[Cell<'_>]) -> Pending {
        let empty = Cell::Empty;
        match columns {
            StampColumns::Single(c) => self.read_full(cells.get(c).unwrap_or(&empty)),
            StampColumns::Pair { date, time } => self.read_pair(
                cells.get(date).unwrap_or(&empty),
                cells.get(time).unwrap_or(&empty),
            ),
        }
    }

    /// A cell that should hold a whole timestamp (or a date alone).
    fn read_full(&self, cell: &Cell<'_>) -> Pending {
        match cell {
            Cell::Empty => Pending::Missing,
            Cell::Text(t) => {
                let t = t.trim();
                if t.is_empty() {
                    return Pending::Missing;
                }
                match t.parse::<f64>() {
                    Ok(serial) if t.chars().all(|c| c.is_ascii_digit() || c == '.') => {
                        self.read_serial(serial, self.system, t)
                    }
                    _ => self.read_text_stamp(t),
                }
            }
            Cell::Number(n) => self.read_serial(*n, self.system, &cells_text(cell)),
            Cell::DateTime { serial, system } => {
                self.read_serial(*serial, *system, &cells_text(cell))
            }
            Cell::Iso(t) => self.read_text_stamp(t.trim()),
            Cell::Duration(_) | Cell::DurationText(_) => Pending::Failed {
                kind: IssueKind::TimeWithoutDate,
                raw: cells_text(cell),
                reason: Reason::DurationNotDate,
            },
            Cell::Bool(_) | Cell::Error(_) => Pending::Failed {
                kind: IssueKind::UnreadableTimestamp,
                raw: cells_text(cell),
                reason: Reason::NotADate,
            },
        }
    }

    fn read_text_stamp(&self, text: &str) -> Pending {
        match timestamp::parse_written(text) {
            Ok(stamp) if stamp.date.is_none() => Pending::Failed {
                kind: IssueKind::TimeWithoutDate,
                raw: text.to_string(),
                reason: Reason::TimeWithoutDate,
            },
            Ok(stamp) => Pending::Written {
                stamp,
                raw: text.to_string(),
            },
            Err(e) => Pending::Failed {
                kind: IssueKind::UnreadableTimestamp,
                raw: text.to_string(),
                reason: reason_of(&e),
            },
        }
    }

    fn read_serial(&self, serial: f64, system: DateSystem, raw: &str) -> Pending {
        if (0.0..1.0).contains(&serial) {
            return Pending::Failed {
                kind: IssueKind::TimeWithoutDate,
                raw: raw.to_string(),
                reason: Reason::TimeWithoutDate,
            };
        }
        match timestamp::serial_to_local(serial, system) {
            Ok(local) => {
                let (at, adjustment) = timestamp::localize(local, self.settings.zone);
                Pending::Ready {
                    at,
                    local,
                    adjustment,
                    has_time: local.time() != NaiveTime::MIN,
                }
            }
            Err(e) => Pending::Failed {
                kind: IssueKind::UnreadableTimestamp,
                raw: raw.to_string(),
                reason: reason_of(&e),
            },
        }
    }

    /// A date column and a time column together.
    fn read_pair(&self, date: &Cell<'_>, time: &Cell<'_>) -> Pending {
        if date.is_empty() {
            if time.is_empty() {
                return Pending::Missing;
            }
            return Pending::Failed {
                kind: IssueKind::TimeWithoutDate,
                raw: cells_text(time),
                reason: Reason::DateColumnEmpty,
            };
        }
        let raw = match time.to_text() {
            Some(t) => format!("{} {}", cells_text(date), t),
            None => cells_text(date),
        };
        let date_part = match self.read_full(date) {
            Pending::Written { stamp, .. } => stamp,
            Pending::Ready {
                local, has_time, ..
            } => WrittenStamp {
                date: Some(WrittenDate::Known(local.date())),
                time: has_time.then(|| local.time()),
                offset: None,
            },
            Pending::Missing => unreachable!("the date cell is not empty"),
            failed @ Pending::Failed { .. } => return failed,
        };
        let (time_of_day, offset) = match time_of_day(time) {
            Ok(t) => t,
            Err(_) => {
                return Pending::Failed {
                    kind: IssueKind::UnreadableTimestamp,
                    raw,
                    reason: Reason::TimeUnreadable,
                };
            }
        };
        Pending::Written {
            stamp: WrittenStamp {
                date: date_part.date,
                time: time_of_day.or(date_part.time),
                offset: offset.or(date_part.offset),
            },
            raw,
        }
    }

    /// Resolves the sheet's dates (with its date order), checks each instant, rejects rows
    /// without a usable timestamp, and moves the records into the table.
    fn resolve(&mut self, rows: Vec<PendingRow>) {
        let orders = Stamp::ALL.map(|s| self.decide_order(s, &rows));
        let mut with_time = [0u32; 5];
        let mut dated = [0u32; 5];
        // Dates alone, per timestamp field: written without a time (text, or a pair whose
        // time is empty), and spreadsheet dates at exactly midnight, which are dates alone
        // only when no cell of the column has another time. Count and first (row, value).
        let mut written_alone: [DateAlone; 5] = Default::default();
        let mut serial_alone = written_alone.clone();
        // The records with a spreadsheet date at midnight: (index, bits).
        let mut serial_marks: Vec<(usize, u8)> = Vec::new();
        for row in rows {
            let PendingRow { mut record, stamps } = row;
            let mut serial_bits = 0u8;
            for (stamp, pending) in Stamp::ALL.into_iter().zip(stamps) {
                let from_serial = matches!(pending, Pending::Ready { .. });
                let column = self
                    .table
                    .columns
                    .stamps
                    .get(&stamp)
                    .map(|c| c.position())
                    .unwrap_or(0);
                let header = self.table.columns.header(column).to_string();
                let at_column = |me: &Self| me.location(record.row).at_column(column, &header);
                let (at, adjustment, has_time, raw) = match pending {
                    Pending::Missing => continue,
                    Pending::Failed { kind, raw, reason } => {
                        let location = at_column(self);
                        self.issue(kind, location, raw, stamp, reason);
                        continue;
                    }
                    Pending::Ready {
                        at,
                        local,
                        adjustment,
                        has_time,
                    } => (
                        at,
                        adjustment,
                        has_time,
                        Some(local.format("%Y-%m-%d %H:%M:%S").to_string()),
                    ),
                    Pending::Written {
                        stamp: written,
                        raw,
                    } => {
                        match timestamp::to_instant(
                            &written,
                            orders[stamp.index()],
                            self.settings.zone,
                        ) {
                            Ok((at, adjustment)) => {
                                (at, adjustment, written.time.is_some(), Some(raw))
                            }
                            Err(e) => {
                                let kind = match e {
                                    StampError::ContradictsOrder { .. } => {
                                        IssueKind::DateOrderContradiction
                                    }
                                    _ => IssueKind::UnreadableTimestamp,
                                };
                                let location = at_column(self);
                                self.issue(kind, location, raw, stamp, reason_of(&e));
                                continue;
                            }
                        }
                    }
                };
                let raw = || {
                    raw.clone()
                        .unwrap_or_else(|| at.with_timezone(&self.settings.zone).to_rfc3339())
                };
                if at > self.settings.now {
                    let location = at_column(self);
                    let value = raw();
                    self.issue(
                        IssueKind::FutureTimestamp,
                        location,
                        value,
                        stamp,
                        Reason::Future,
                    );
                    continue;
                }
                match adjustment {
                    Some(LocalAdjustment::Ambiguous) => {
                        let location = at_column(self);
                        let value = raw();
                        self.issue(
                            IssueKind::AmbiguousLocalTime,
                            location,
                            value,
                            stamp,
                            Reason::AmbiguousEarlier,
                        );
                    }
                    Some(LocalAdjustment::Skipped { gap_s }) => {
                        let location = at_column(self);
                        let value = raw();
                        self.issue(
                            IssueKind::SkippedLocalTime,
                            location,
                            value,
                            stamp,
                            Reason::SkippedGap { gap_s },
                        );
                    }
                    None => {}
                }
                dated[stamp.index()] += 1;
                with_time[stamp.index()] += u32::from(has_time);
                record.stamps.set(stamp, Some(at));
                if !has_time {
                    record.date_only |= 1 << stamp.index();
                    let alone = if from_serial {
                        serial_bits |= 1 << stamp.index();
                        &mut serial_alone[stamp.index()]
                    } else {
                        &mut written_alone[stamp.index()]
                    };
                    alone.cells += 1;
                    if alone.first.is_none() {
                        alone.first = Some((record.row, raw()));
                    }
                }
            }
            if record.stamps.latest().is_none() {
                self.table.rejected += 1;
                let location = self.location(record.row);
                self.table.issues.push(DataIssue::new(
                    IssueKind::RejectedRow,
                    location,
                    None,
                    None,
                    Reason::NoTimestamp,
                ));
            } else {
                if serial_bits != 0 {
                    serial_marks.push((self.table.records.len(), serial_bits));
                }
                self.table.records.push(record);
            }
        }
        // A spreadsheet date at midnight among dates with other times is a time of
        // midnight, not a date alone.
        let mut timed_columns = 0u8;
        for stamp in Stamp::ALL {
            if with_time[stamp.index()] > 0 {
                timed_columns |= 1 << stamp.index();
                serial_alone[stamp.index()] = DateAlone::default();
            }
        }
        for (index, bits) in serial_marks {
            self.table.records[index].date_only &= !(bits & timed_columns);
        }
        self.table.date_only = Stamp::ALL
            .into_iter()
            .filter(|s| dated[s.index()] > 0 && with_time[s.index()] == 0)
            .collect();
        // One issue per column, with the count of its cells that hold a date alone.
        for stamp in Stamp::ALL {
            let (written, serial) = (
                std::mem::take(&mut written_alone[stamp.index()]),
                std::mem::take(&mut serial_alone[stamp.index()]),
            );
            let cells = written.cells + serial.cells;
            let first = match (written.first, serial.first) {
                (Some(w), Some(s)) => Some(if s.0 < w.0 { s } else { w }),
                (w, s) => w.or(s),
            };
            let Some((first_row, value)) = first else {
                continue;
            };
            let column = self.table.columns.stamps[&stamp].position();
            let location = Location::column(
                self.file,
                self.sheet.as_deref(),
                column,
                self.table.columns.header(column),
            );
            self.table.issues.push(DataIssue::new(
                IssueKind::DateWithoutTime,
                location,
                Some(value),
                Some(stamp.field()),
                Reason::DateWithoutTime { cells, first_row },
            ));
        }
    }

    fn issue(
        &mut self,
        kind: IssueKind,
        location: Location,
        value: String,
        stamp: Stamp,
        reason: Reason,
    ) {
        self.table.issues.push(DataIssue::new(
            kind,
            location,
            Some(value),
            Some(stamp.field()),
            reason,
        ));
    }

    /// The date order of one timestamp field: configured, or decided from the values
    /// that can be read only one way.
    fn decide_order(&mut self, stamp: Stamp, rows: &[PendingRow]) -> DateOrder {
        match self.settings.date_order {
            DateOrderSetting::Dmy => return DateOrder::DayFirst,
            DateOrderSetting::Mdy => return DateOrder::MonthFirst,
            DateOrderSetting::Auto => {}
        }
        let (mut day_first, mut month_first) = (0u32, 0u32);
        for row in rows {
            if let Pending::Written { stamp: written, .. } = &row.stamps[stamp.index()] {
                match written.date.and_then(WrittenDate::order_evidence) {
                    Some(DateOrder::DayFirst) => day_first += 1,
                    Some(DateOrder::MonthFirst) => month_first += 1,
                    None => {}
                }
            }
        }
        let order = if month_first > day_first {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        };
        let numeric = rows.iter().any(|r| {
            matches!(&r.stamps[stamp.index()], Pending::Written { stamp: w, .. } if matches!(w.date, Some(WrittenDate::Numeric { .. })))
        });
        if numeric {
            self.table.orders.push(OrderDecision {
                field: stamp,
                order: match order {
                    DateOrder::DayFirst => "day-first",
                    DateOrder::MonthFirst => "month-first",
                },
                day_first_values: day_first,
                month_first_values: month_first,
            });
        }
        order
    }
}

/// The cells of one timestamp column that hold a date alone: how many, and the first
/// (row, value).
#[derive(Debug, Clone, Default)]
struct DateAlone {
    cells: u32,
    first: Option<(u32, String)>,
}

/// The reason of a timestamp that cannot be read.
fn reason_of(e: &StampError) -> Reason {
    match e {
        StampError::Unreadable => Reason::NotADate,
        StampError::Impossible => Reason::NoSuchDate,
        StampError::SerialOutOfRange(_) => Reason::SerialOutOfRange,
        StampError::ContradictsOrder { expected, other } => Reason::ContradictsOrder {
            expected_order: expected.replace('-', "_"),
            other_order: other.replace('-', "_"),
        },
    }
}

/// The time of day in a time column, with its offset if one is written.
fn time_of_day(
    cell: &Cell<'_>,
) -> Result<(Option<NaiveTime>, Option<chrono::FixedOffset>), String> {
    match cell {
        Cell::Empty => Ok((None, None)),
        Cell::Text(t) | Cell::Iso(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok((None, None));
            }
            match timestamp::parse_written(t) {
                Ok(WrittenStamp {
                    time: Some(time),
                    offset,
                    ..
                }) => Ok((Some(time), offset)),
                Ok(_) => Err("the time column holds no time of day".into()),
                Err(e) => match t.parse::<f64>() {
                    Ok(n) => serial_time(n).map(|time| (Some(time), None)),
                    Err(_) => Err(format!("the time {t:?}: {e}")),
                },
            }
        }
        Cell::Number(n) | Cell::DateTime { serial: n, .. } | Cell::Duration(n) => {
            serial_time(*n).map(|time| (Some(time), None))
        }
        Cell::DurationText(t) => Err(format!("the time {t:?} is not a time of day")),
        Cell::Bool(_) | Cell::Error(_) => Err("the time column holds no time of day".into()),
    }
}

/// The time-of-day part of a serial (its fraction), rounded to the second.
fn serial_time(serial: f64) -> Result<NaiveTime, String> {
    if !serial.is_finite() || serial < 0.0 {
        return Err(format!("{serial} is not a time of day"));
    }
    let seconds = (serial.fract() * 86_400.0).round() as u32;
    Ok(NaiveTime::from_num_seconds_from_midnight_opt(seconds % 86_400, 0).expect("under a day"))
}

/// Whether a cell holds a plain number (a count in a totals row, not a date).
fn is_a_count(cell: &Cell<'_>) -> bool {
    match cell {
        Cell::Number(_) => true,
        Cell::Text(t) => t.trim().parse::<f64>().is_ok(),
        _ => false,
    }
}

fn cells_text(cell: &Cell<'_>) -> String {
    cell.to_text().unwrap_or_default()
}

/// Whether a row is a totals row: its first non-empty cell says `Jumlah`, `Total` or
/// `Grand Total` (a running number before it, in the `No` column, is passed over).
fn is_totals_row(cells: &[Cell<'_>], row_number: Option<usize>) -> bool {
    let first = cells
        .iter()
        .enumerate()
        .find(|(i, c)| !(c.is_empty() || (Some(*i) == row_number && is_a_count(c))))
        .and_then(|(_, c)| c.to_text());
    first.is_some_and(|t| {
        matches!(
            header_key(&t).as_str(),
            "jumlah"
                | "total"
                | "grand total"
                | "jumlah total"
                | "total keseluruhan"
                | "jumlah keseluruhan"
        )
    })
}

/// The names of a two-row header: a group cell over sub-headers reads as the joined names
/// (`Waktu` over `Posting` → `Waktu Posting`), a merged group carrying over the empty cells
/// to its right; a cell with nothing below keeps its own name.
pub fn join_header_rows(top: &[String], bottom: &[String]) -> Vec<String> {
    let width = top.len().max(bottom.len());
    let mut group: Option<&str> = None;
    (0..width)
        .map(|c| {
            let t = top.get(c).map(|s| s.trim()).unwrap_or("");
            let b = bottom.get(c).map(|s| s.trim()).unwrap_or("");
            if !t.is_empty() {
                group = (!b.is_empty()).then_some(t);
                if b.is_empty() {
                    t.to_string()
                } else {
                    format!("{t} {b}")
                }
            } else if b.is_empty() {
                String::new()
            } else {
                match group {
                    Some(g) => format!("{g} {b}"),
                    None => b.to_string(),
                }
            }
        })
        .collect()
}

/// The letter of a column (re-exported for readers' messages).
pub fn letter(index: usize) -> String {
    column_letter(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn two_row_headers_join_group_and_sub_headers() {
        let top = s(&["No", "Waktu", "", "", "", "Admin", ""]);
        let bottom = s(&[
            "",
            "Posting",
            "Lapor",
            "Disposisi",
            "Diteruskan",
            "",
            "Kanal",
        ]);
        assert_eq!(
            join_header_rows(&top, &bottom),
            s(&[
                "No",
                "Waktu Posting",
                "Waktu Lapor",
                "Waktu Disposisi",
                "Waktu Diteruskan",
                "Admin",
                "Kanal"
            ])
        );
    }

    #[test]
    fn totals_rows() {
        let row = [
            Cell::Text("3".into()),
            Cell::Text("Jumlah".into()),
            Cell::Number(42.0),
        ];
        assert!(is_totals_row(&row, Some(0)));
        let row = [Cell::Text("Jumlah".into()), Cell::Number(154.0)];
        assert!(is_totals_row(&row, Some(0)));
        let row = [Cell::Text("GRAND TOTAL".into())];
        assert!(is_totals_row(&row, None));
        let row = [Cell::Text("Jumlah pengaduan naik".into())];
        assert!(!is_totals_row(&row, None));
    }
}
