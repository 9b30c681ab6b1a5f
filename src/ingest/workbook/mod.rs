//! Workbook exports (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) through calamine.
//!
//! XLSX and XLSB are streamed cell by cell with a cap on the cells of a sheet (calamine's
//! `worksheet_range` would allocate a sheet's declared size up front); XLS and ODS are
//! read a sheet at a time. Each visible worksheet's rows go to a [`WorkbookVisitor`].
//! The pre-scans of a zip package and the BIFF12 records of an XLSB have their own modules.

mod error;
mod xlsb;
mod zip_guard;

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, SheetType, SheetVisible};

use crate::discover::Format;
use crate::ingest::cells::Cell;
use crate::timestamp::DateSystem;
pub use error::ReaderError;
use xlsb::xlsb_short_cell_records;
use zip_guard::{check_cell_references, check_expansion, check_shared_strings, check_sheet_parts};

/// The widest sheet a spreadsheet program allows (column XFD).
const MAX_COLUMNS: usize = 16_384;

/// Why a sheet of a workbook is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SheetSkip {
    /// The sheet is hidden.
    Hidden,
    /// A chart, dialog or macro sheet.
    NotAWorksheet,
}

/// Receives a workbook's sheets and rows.
pub trait WorkbookVisitor {
    /// A sheet passed over without reading it.
    fn skip_sheet(&mut self, name: &str, reason: SheetSkip);
    /// The start of a sheet to read, with the workbook's date system.
    fn begin_sheet(&mut self, name: &str, system: DateSystem);
    /// One row (1-based number, cells from column A); returns whether more rows are wanted.
    fn row(&mut self, number: u32, cells: &[Cell<'_>]) -> bool;
    /// The end of the sheet begun last.
    fn end_sheet(&mut self);
    /// What the reader will hold before the rows are visited: the cells and bytes of the
    /// grids of every sheet of an XLS or ODS workbook, read whole when it is opened (then
    /// the rows' cells are not counted again). Returns whether to go on.
    fn hold(&mut self, cells: u64, bytes: u64) -> bool;
}

/// Why a workbook file cannot be read at all, though it is no damaged workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// A workbook encrypted with a password: a Compound File holding an
    /// `EncryptedPackage` stream (how Office saves a protected `.xlsx`, `.xlsb` or `.xls`).
    PasswordProtected,
    /// Text (a CSV, an HTML table) under a workbook's extension.
    Text,
}

/// Whether the bytes of a workbook export are a password-protected workbook or text,
/// which are passed over with their reason instead of failing the run.
pub fn unreadable(bytes: &[u8]) -> Option<Unreadable> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const COMPOUND: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(COMPOUND) {
        let file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
        return file
            .is_stream("/EncryptedPackage")
            .then_some(Unreadable::PasswordProtected);
    }
    let text = !bytes.is_empty()
        && !bytes.starts_with(ZIP)
        && !crate::ingest::delimited::looks_binary(bytes);
    text.then_some(Unreadable::Text)
}

/// Streams every sheet of an XLSX or XLSB workbook (their cell readers are different types
/// with the same methods) to the visitor.
macro_rules! stream_sheets {
    ($wb:ident, $limits:expr, $visitor:expr) => {{
        let system = system_of($wb.has_1904_epoch());
        for (name, skip) in plan($wb.sheets_metadata(), $limits)? {
            if let Some(reason) = skip {
                $visitor.skip_sheet(&name, reason);
                continue;
            }
            $visitor.begin_sheet(&name, system);
            let mut cells = $wb.worksheet_cells_reader(&name).map_err(calamine_error)?;
            stream(
                || cells.next_cell().map_err(calamine_error),
                system,
                $limits.max_cells_per_sheet,
                $visitor,
            )?;
            $visitor.end_sheet();
        }
    }};
}

/// Reads every sheet of a workbook from its bytes. `limits` cap what it may expand to.
pub fn read(
    bytes: &[u8],
    format: Format,
    limits: &crate::config::Limits,
    visitor: &mut dyn WorkbookVisitor,
) -> Result<(), ReaderError> {
    let max_cells = limits.max_cells_per_sheet;
    if matches!(format, Format::Xlsx | Format::Xlsb | Format::Ods) {
        check_expansion(bytes, limits.max_workbook_bytes)?;
    }
    match format {
        Format::Xlsx => {
            check_shared_strings(bytes, limits.max_workbook_bytes)?;
            check_cell_references(bytes)?;
            check_sheet_parts(bytes, Format::Xlsx)?;
            let mut wb = calamine::Xlsx::new(Cursor::new(bytes)).map_err(calamine_error)?;
            stream_sheets!(wb, limits, visitor);
        }
        Format::Xlsb => {
            if let Some(part) = xlsb_short_cell_records(bytes)? {
                return Err(ReaderError::ShortCellRecords { part });
            }
            check_sheet_parts(bytes, Format::Xlsb)?;
            let mut wb = calamine::Xlsb::new(Cursor::new(bytes)).map_err(calamine_error)?;
            stream_sheets!(wb, limits, visitor);
        }
        Format::Xls => {
            let (checked, grids) = crate::ingest::xls::prepare(bytes, limits)?;
            if !visitor.hold(grids.cells, grids.bytes) {
                return Ok(());
            }
            let mut wb =
                calamine::Xls::new(std::io::Cursor::new(checked)).map_err(calamine_error)?;
            let system = system_of(wb.has_1904_epoch());
            for (name, skip) in plan(wb.sheets_metadata(), limits)? {
                if let Some(reason) = skip {
                    visitor.skip_sheet(&name, reason);
                } else {
                    let range = wb.worksheet_range(&name).map_err(calamine_error)?;
                    visit_range(&name, &range, system, max_cells, visitor)?;
                }
            }
        }
        Format::Ods => {
            let facts = crate::ingest::ods::scan(bytes, limits)?;
            let system = facts.system;
            if !visitor.hold(facts.grids.cells, facts.grids.bytes) {
                return Ok(());
            }
            let mut wb: calamine::Ods<_> =
                calamine::Ods::new(Cursor::new(bytes)).map_err(calamine_error)?;
            for (name, skip) in plan(wb.sheets_metadata(), limits)? {
                if let Some(reason) = skip {
                    visitor.skip_sheet(&name, reason);
                } else {
                    let range = wb.worksheet_range(&name).map_err(calamine_error)?;
                    visit_range(&name, &range, system, max_cells, visitor)?;
                }
            }
        }
        Format::Delimited => unreachable!("delimited files are not workbooks"),
    }
    Ok(())
}

fn system_of(is_1904: bool) -> DateSystem {
    if is_1904 {
        DateSystem::Excel1904
    } else {
        DateSystem::Excel1900
    }
}

/// Each sheet with the reason it is not read, if any, in workbook order; an error when
/// there are more than the limit allows.
fn plan(
    sheets: &[calamine::Sheet],
    limits: &crate::config::Limits,
) -> Result<Vec<(String, Option<SheetSkip>)>, ReaderError> {
    too_many_sheets(sheets.len(), limits)?;
    Ok(sheets
        .iter()
        .map(|s| {
            let skip = if s.typ != SheetType::WorkSheet {
                Some(SheetSkip::NotAWorksheet)
            } else if s.visible != SheetVisible::Visible {
                Some(SheetSkip::Hidden)
            } else {
                None
            };
            (s.name.clone(), skip)
        })
        .collect())
}

/// What a reader that reads a workbook whole (XLS, ODS) holds: the cells of all its
/// sheets' grids, and their bytes with a copy of the largest (calamine hands out a copy
/// of the sheet asked for).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Grids {
    /// Cells of all the grids.
    pub cells: u64,
    /// Bytes of memory they take, with the copy of the largest.
    pub bytes: u64,
}

impl Grids {
    /// The grids of sheets of `sizes` cells, of `cell_bytes` bytes each.
    pub fn of(sizes: impl IntoIterator<Item = u64>, cell_bytes: u64) -> Grids {
        let (mut cells, mut largest) = (0u64, 0u64);
        for size in sizes {
            cells = cells.saturating_add(size);
            largest = largest.max(size);
        }
        Grids {
            cells,
            bytes: cells.saturating_add(largest).saturating_mul(cell_bytes),
        }
    }
}

/// An error when the sheets of a workbook, read whole into memory (XLS and ODS), would
/// take more than `[limits] max_workbook_bytes`.
pub(crate) fn fits_in_memory(
    bytes: u64,
    limits: &crate::config::Limits,
) -> Result<(), ReaderError> {
    let max = limits.max_workbook_bytes;
    if bytes > max {
        return Err(ReaderError::SheetsTooLarge { bytes, max });
    }
    Ok(())
}

/// An error when a workbook holds more sheets than `[limits] max_sheets_per_workbook`.
pub(crate) fn too_many_sheets(
    sheets: usize,
    limits: &crate::config::Limits,
) -> Result<(), ReaderError> {
    let max = limits.max_sheets_per_workbook;
    if sheets as u64 > max {
        return Err(ReaderError::TooManySheets { sheets, max });
    }
    Ok(())
}

/// Groups a stream of cells (row by row, as worksheets store them) into rows.
fn stream<'a>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, ReaderError>,
    system: DateSystem,
    max_cells: u64,
    visitor: &mut dyn WorkbookVisitor,
) -> Result<(), ReaderError> {
    let mut row: Vec<Cell<'a>> = Vec::new();
    let mut current: Option<u32> = None;
    let mut count: u64 = 0;
    while let Some(cell) = next()? {
        count += 1;
        if count > max_cells {
            return Err(ReaderError::TooManyCells { max: max_cells });
        }
        let (r, c) = cell.get_position();
        if current != Some(r) {
            if let Some(done) = current {
                if r < done {
                    return Err(ReaderError::RowsOutOfOrder {
                        row: r + 1,
                        after: done + 1,
                    });
                }
                if !visitor.row(done + 1, &row) {
                    return Ok(());
                }
            }
            row.clear();
            current = Some(r);
        }
        let value = from_data_ref(cell.get_value(), system);
        if value == Cell::Empty {
            continue;
        }
        let c = c as usize;
        if c >= MAX_COLUMNS {
            return Err(ReaderError::BeyondLastColumn { column: c + 1 });
        }
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = value;
    }
    if let Some(done) = current {
        visitor.row(done + 1, &row);
    }
    Ok(())
}

/// A calamine error, as its message.
fn calamine_error(e: impl std::fmt::Display) -> ReaderError {
    ReaderError::Calamine(e.to_string())
}

fn visit_range(
    name: &str,
    range: &calamine::Range<Data>,
    system: DateSystem,
    max_cells: u64,
    visitor: &mut dyn WorkbookVisitor,
) -> Result<(), ReaderError> {
    visitor.begin_sheet(name, system);
    if let Some((start_row, start_col)) = range.start() {
        let (h, w) = range.get_size();
        if (h as u64).saturating_mul(w as u64) > max_cells {
            return Err(ReaderError::TooManyCells { max: max_cells });
        }
        let mut cells: Vec<Cell<'_>> = Vec::new();
        for (i, values) in range.rows().enumerate() {
            cells.clear();
            cells.extend(std::iter::repeat_n(Cell::Empty, start_col as usize));
            cells.extend(values.iter().map(|v| from_data(v, system)));
            if !visitor.row(start_row + i as u32 + 1, &cells) {
                break;
            }
        }
    }
    visitor.end_sheet();
    Ok(())
}

fn from_data_ref<'a>(value: &DataRef<'a>, system: DateSystem) -> Cell<'a> {
    match value {
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(Cow::Owned(s.clone())),
        DataRef::SharedString(s) => Cell::Text(Cow::Borrowed(s)),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) if dt.is_duration() => Cell::Duration(dt.as_f64()),
        DataRef::DateTime(dt) => Cell::DateTime {
            serial: dt.as_f64(),
            system,
        },
        DataRef::DateTimeIso(s) => Cell::Iso(Cow::Owned(s.clone())),
        DataRef::DurationIso(s) => iso_duration(s),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

/// Whether text is exactly a spreadsheet error code (calamine gives ODS error cells as text).
fn is_error_code(text: &str) -> bool {
    matches!(
        text,
        "#N/A" | "#REF!" | "#VALUE!" | "#DIV/0!" | "#NAME?" | "#NUM!" | "#NULL!"
    ) || text
        .strip_prefix("Err:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn from_data(value: &Data, system: DateSystem) -> Cell<'_> {
    match value {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) if is_error_code(s) => Cell::Error(s.clone()),
        Data::String(s) => Cell::Text(Cow::Borrowed(s)),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_duration() => Cell::Duration(dt.as_f64()),
        Data::DateTime(dt) => Cell::DateTime {
            serial: dt.as_f64(),
            system,
        },
        Data::DateTimeIso(s) => Cell::Iso(Cow::Borrowed(s)),
        Data::DurationIso(s) => iso_duration(s),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

/// An ISO 8601 duration of hours, minutes and seconds (`PT10H10M10.5S`, as ODS writes
/// times) in days; anything else is kept as text.
fn iso_duration(text: &str) -> Cell<'static> {
    let parse = || -> Option<f64> {
        let mut rest = text.strip_prefix("PT")?;
        let mut seconds = 0.0;
        while !rest.is_empty() {
            let end = rest.find(|c: char| c.is_ascii_alphabetic())?;
            let value: f64 = rest[..end].parse().ok()?;
            seconds += value
                * match &rest[end..end + 1] {
                    "H" => 3600.0,
                    "M" => 60.0,
                    "S" => 1.0,
                    _ => return None,
                };
            rest = &rest[end + 1..];
        }
        Some(seconds / 86_400.0)
    };
    match parse() {
        Some(days) => Cell::Duration(days),
        None => Cell::DurationText(Cow::Owned(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations_become_days() {
        assert_eq!(iso_duration("PT12H"), Cell::Duration(0.5));
        assert_eq!(
            iso_duration("PT10H10M10S"),
            Cell::Duration((10.0 * 3600.0 + 610.0) / 86400.0)
        );
        assert!(matches!(iso_duration("P1D"), Cell::DurationText(_)));
    }
}
