//! Reading the exports into one ledger of items (INPUTS.md).
//!
//! Takes the exports found by [`crate::discover`]; reads each file on its own (in
//! parallel), then canonicalises departments in file order and merges duplicate items in
//! export order. Gives a [`Ledger`]: the items, every row accounted for, and the data
//! issues with their locations. Reads files; writes nothing but the entries of the
//! [`ExportCache`] it is given (what each export yielded, for the next build).

mod cache;
pub mod cells;
pub mod columns;
pub mod commentary;
pub mod delimited;
mod error;
mod ledger;
mod merge;
pub mod normalize;
mod ods;
pub mod similar;
pub mod table;
pub(crate) mod workbook;
mod xls;

pub use cache::ExportCache;
pub use columns::header_key;
pub use error::{FileError, FileErrorKind, LimitReached, ReadError, StoppedAt};
pub use ledger::{
    check_departments, FileReport, Ledger, MappedColumn, RowCounts, SheetOutcome, SheetReport,
    SheetSkipReason, TableSummary, TooManyDepartments,
};
pub use workbook::ReaderError;

use chrono_tz::Tz;
use rayon::prelude::*;

use crate::config::{Config, DateOrderSetting};
use crate::discover::{Discovery, Export, Format};
use crate::ingest::cells::Cell;
use crate::ingest::columns::{column_letter, HeaderVocabulary, StampColumns};
use crate::ingest::table::{NoTable, Table, TableBuilder};
use crate::ingest::workbook::{SheetSkip, WorkbookVisitor};
use crate::issues::{DataIssue, IssueKind, Location, Reason};
use crate::model::Instant;
use crate::timestamp::DateSystem;

/// Everything reading needs to know, derived from the configuration.
#[derive(Debug, Clone)]
pub struct ReadSettings {
    /// Zone of times written without an offset.
    pub zone: Tz,
    /// How to read `03/04/2026`.
    pub date_order: DateOrderSetting,
    /// The moment patuh runs: later timestamps are typos.
    pub now: Instant,
    /// Header names patuh recognises.
    pub vocabulary: HeaderVocabulary,
    /// Canonical department names and their variants.
    pub departments: std::collections::BTreeMap<String, Vec<String>>,
    /// With `[departments] closed = true`: the label of the group of the other names.
    pub unlisted_group: Option<String>,
    /// How much one workbook may hold.
    pub limits: crate::config::Limits,
}

impl ReadSettings {
    /// The settings of a configuration, with `now` the moment of the run.
    pub fn new(config: &Config, now: Instant) -> ReadSettings {
        ReadSettings {
            zone: config.timezone,
            date_order: config.date_order,
            now,
            vocabulary: HeaderVocabulary::new(&config.columns),
            departments: config.departments.clone(),
            unlisted_group: config
                .departments_closed
                .then(|| config.labels.unlisted.clone()),
            limits: config.limits,
        }
    }
}
/// One file's tables, before merging.
#[derive(Debug)]
struct FileRead {
    report: FileReport,
    tables: Vec<Table>,
}

thread_local! {
    /// Whether this thread is reading an export: a panic there (in a spreadsheet library)
    /// becomes an error naming the file, so the panic hook stays quiet about it.
    static READING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs a panic hook that stays quiet about panics inside the spreadsheet readers
/// (they are reported as errors naming the file) and keeps the default report otherwise.
pub fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !READING.with(|r| r.get()) {
            default(info);
        }
    }));
}

/// Reads every export and merges them into one ledger; with a `cache`, an export read
/// before is taken from it instead (the same tables, issues and report).
pub fn read_all(
    discovery: Discovery,
    settings: &ReadSettings,
    cache: Option<&ExportCache>,
    progress: &crate::progress::Progress,
) -> Result<Ledger, ReadError> {
    let results: Vec<Result<FileRead, FileError>> = discovery
        .exports
        .par_iter()
        .map(|export| {
            READING.with(|r| r.set(true));
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                read_file(export, settings, cache)
            }))
            .unwrap_or_else(|payload| {
                let why = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(FileError {
                    file: export.relative.clone(),
                    kind: FileErrorKind::ReaderPanicked { why },
                })
            });
            READING.with(|r| r.set(false));
            progress.file_done();
            result
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(ReadError(errors));
    }
    Ok(merge::merge(discovery, files, settings))
}

/// Reads one export into its tables, or takes them from the cache.
fn read_file(
    export: &Export,
    settings: &ReadSettings,
    cache: Option<&ExportCache>,
) -> Result<FileRead, FileError> {
    // Read once: every check, the reader and the input's hash see the same bytes, even if
    // the file changes during the run.
    let bytes = std::fs::read(&export.path).map_err(|e| FileError {
        file: export.relative.clone(),
        kind: FileErrorKind::Unreadable(e),
    })?;
    let sha256 = crate::hash::sha256_hex(&bytes);
    if let Some(read) = cache.and_then(|c| c.get(export, &sha256, settings.now)) {
        return Ok(read);
    }
    let read = read_bytes(export, &bytes, sha256, settings)?;
    if let Some(cache) = cache {
        cache.put(export, &read);
    }
    Ok(read)
}

/// Reads the bytes of one export (of SHA-256 `sha256`) into its tables.
fn read_bytes(
    export: &Export,
    bytes: &[u8],
    sha256: String,
    settings: &ReadSettings,
) -> Result<FileRead, FileError> {
    let error = |kind: FileErrorKind| FileError {
        file: export.relative.clone(),
        kind,
    };
    let mut collector = Collector {
        file: &export.relative,
        settings,
        current: None,
        sheets: Vec::new(),
        tables: Vec::new(),
        cells: 0,
        grids_held: false,
        held: 0,
        stopped: None,
    };
    let mut delimited_info = None;
    match export.format {
        Format::Delimited if delimited::is_workbook(bytes) => {
            collector.sheets.push(SheetReport {
                name: None,
                outcome: SheetOutcome::Skipped(SheetSkipReason::WorkbookNamedAsText),
            });
        }
        Format::Delimited => {
            collector.begin_sheet_named(None, DateSystem::Excel1900);
            let vocabulary = &settings.vocabulary;
            let finds_header =
                |fields: &[String]| vocabulary.names_a_timestamp(fields.iter().map(String::as_str));
            let prefer_tab = delimited::prefers_tab(&export.path);
            let max_cells = settings.limits.max_cells_per_file;
            let info = delimited::read_bytes_within(
                bytes,
                prefer_tab,
                max_cells,
                finds_header,
                |number, cells| collector.row(number, cells),
            )
            .map_err(|e| error(FileErrorKind::Delimited(e)))?;
            collector.end_sheet();
            if let Some(limit) = collector.stopped.take() {
                return Err(error(FileErrorKind::Limit(limit)));
            }
            // Binary data is judged only where no header was found, so that no message
            // below a header (full of control characters, say) can make an export skipped.
            let no_header = |s: &SheetReport| {
                matches!(s.outcome, SheetOutcome::Skipped(SheetSkipReason::NoHeader))
            };
            match collector.sheets.last_mut() {
                Some(sheet) if no_header(sheet) && delimited::looks_binary(bytes) => {
                    sheet.outcome = SheetOutcome::Skipped(SheetSkipReason::NotText);
                }
                _ => {
                    let (info, stray) = info;
                    if let Some(table) = collector.tables.last_mut() {
                        table.issues.extend(stray.into_iter().map(|s| {
                            DataIssue::new(
                                IssueKind::NotUtf8,
                                Location::row(&export.relative, None, s.row)
                                    .at_column(s.column, table.columns.header(s.column)),
                                Some(s.text),
                                None,
                                Reason::NotUtf8 { bytes: s.bytes },
                            )
                        }));
                    }
                    delimited_info = Some(info);
                }
            }
        }
        format => match workbook::unreadable(bytes) {
            Some(why) => collector.sheets.push(SheetReport {
                name: None,
                outcome: SheetOutcome::Skipped(match why {
                    workbook::Unreadable::PasswordProtected => SheetSkipReason::PasswordProtected,
                    workbook::Unreadable::Text => SheetSkipReason::TextNamedAsWorkbook,
                }),
            }),
            None => {
                let read = workbook::read(bytes, format, &settings.limits, &mut collector);
                if let Some(limit) = collector.stopped.take() {
                    return Err(error(FileErrorKind::Limit(limit)));
                }
                read.map_err(|e| error(FileErrorKind::Workbook(e)))?;
            }
        },
    }
    let Collector { sheets, tables, .. } = collector;
    let latest = tables
        .iter()
        .flat_map(|t| t.records.iter())
        .filter_map(|r| r.stamps.latest())
        .max();
    Ok(FileRead {
        report: FileReport {
            file: export.relative.clone(),
            format: export.format,
            delimited: delimited_info,
            sha256,
            latest,
            sheets,
        },
        tables,
    })
}

/// Feeds rows to one table builder per sheet and keeps the results, within the limits of
/// one export: the cells handed over and the memory held, all sheets together.
struct Collector<'a> {
    file: &'a str,
    settings: &'a ReadSettings,
    current: Option<TableBuilder<'a>>,
    sheets: Vec<SheetReport>,
    tables: Vec<Table>,
    /// Cells handed over so far (every cell of each row, as wide as the row), or held in
    /// the reader's grids.
    cells: u64,
    /// Whether the reader holds grids whose cells were counted before any row.
    grids_held: bool,
    /// Bytes held by the reader (XLS and ODS grids) and the tables already ended.
    held: u64,
    /// The limit that stopped the reading, once one has.
    stopped: Option<LimitReached>,
}

impl<'a> Collector<'a> {
    fn begin_sheet_named(&mut self, name: Option<String>, system: DateSystem) {
        if self.stopped.is_none() {
            self.current = Some(TableBuilder::new(self.file, name, system, self.settings));
        }
    }

    /// Where reading stopped: after `row` of the sheet being read, or before any row.
    fn place(&self, row: Option<u32>) -> StoppedAt {
        match row {
            None => StoppedAt::Grids,
            Some(row) => StoppedAt::Row {
                sheet: self
                    .current
                    .as_ref()
                    .and_then(|b| b.sheet_name())
                    .map(str::to_string),
                row,
            },
        }
    }

    /// Stops the reading when the export is past a limit: after `row`, with `held` bytes
    /// in the table being read.
    fn over_limits(&mut self, row: Option<u32>, held: u64) -> bool {
        let limits = &self.settings.limits;
        let limit = if self.cells > limits.max_cells_per_file {
            LimitReached::Cells {
                max: limits.max_cells_per_file,
                at: self.place(row),
            }
        } else if self.held.saturating_add(held) > limits.max_memory_per_file {
            LimitReached::Memory {
                max: limits.max_memory_per_file,
                at: self.place(row),
            }
        } else {
            return false;
        };
        self.stopped = Some(limit);
        self.current = None;
        true
    }
}

impl WorkbookVisitor for Collector<'_> {
    fn skip_sheet(&mut self, name: &str, reason: SheetSkip) {
        self.sheets.push(SheetReport {
            name: Some(name.to_string()),
            outcome: SheetOutcome::Skipped(match reason {
                SheetSkip::Hidden => SheetSkipReason::Hidden,
                SheetSkip::NotAWorksheet => SheetSkipReason::NotAWorksheet,
            }),
        });
    }

    fn begin_sheet(&mut self, name: &str, system: DateSystem) {
        self.begin_sheet_named(Some(name.to_string()), system);
    }

    fn hold(&mut self, cells: u64, bytes: u64) -> bool {
        self.grids_held = true;
        self.cells = self.cells.saturating_add(cells);
        self.held = self.held.saturating_add(bytes);
        !self.over_limits(None, 0)
    }

    fn row(&mut self, number: u32, cells: &[Cell<'_>]) -> bool {
        if !self.grids_held {
            self.cells = self.cells.saturating_add(cells.len() as u64);
        }
        let Some(builder) = &mut self.current else {
            return false;
        };
        builder.push_row(number, cells);
        let (held, wants) = (builder.held_bytes(), builder.wants_rows());
        !self.over_limits(Some(number), held) && wants
    }

    fn end_sheet(&mut self) {
        let Some(builder) = self.current.take() else {
            return;
        };
        self.held = self.held.saturating_add(builder.held_bytes());
        let name = builder.sheet_name().map(str::to_string);
        let outcome = match builder.finish() {
            Ok(table) => {
                let summary = summarize(&table);
                self.tables.push(table);
                SheetOutcome::Read(summary)
            }
            Err(NoTable::Empty) => SheetOutcome::Skipped(SheetSkipReason::Empty),
            Err(NoTable::NoHeader) => SheetOutcome::Skipped(SheetSkipReason::NoHeader),
        };
        self.sheets.push(SheetReport { name, outcome });
    }
}

fn summarize(table: &Table) -> TableSummary {
    let map = &table.columns;
    let mut columns: Vec<(usize, MappedColumn)> = Vec::new();
    for (field, &c) in &map.plain {
        columns.push((
            c,
            MappedColumn {
                field: *field,
                column: column_letter(c),
                header: map.header(c).to_string(),
            },
        ));
    }
    for (stamp, cols) in &map.stamps {
        let (column, header) = match *cols {
            StampColumns::Single(c) => (column_letter(c), map.header(c).to_string()),
            StampColumns::Pair { date, time } => (
                format!("{}+{}", column_letter(date), column_letter(time)),
                format!("{} + {}", map.header(date), map.header(time)),
            ),
        };
        columns.push((
            cols.position(),
            MappedColumn {
                field: stamp.field(),
                column,
                header,
            },
        ));
    }
    columns.sort_by_key(|(c, _)| *c);
    TableSummary {
        header_row: table.header_row,
        header_rows: table.header_rows,
        columns: columns.into_iter().map(|(_, m)| m).collect(),
        unmapped: table.unmapped.clone(),
        rows: table.rows_read(),
        included: 0,
        duplicates: 0,
        rejected: table.rejected,
        blank: table.blank,
        totals: table.totals,
        date_only: table.date_only.clone(),
        orders: table.orders.clone(),
    }
}
