//! Workbook exports (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) through calamine.
//!
//! XLSX and XLSB are streamed cell by cell with a cap on the cells of a sheet (calamine's
//! `worksheet_range` would allocate a sheet's declared size up front); XLS and ODS are
//! read a sheet at a time. Each visible worksheet's rows go to a [`WorkbookVisitor`].

use std::borrow::Cow;
use std::io::{Cursor, Read};

use calamine::{Data, DataRef, Reader, SheetType, SheetVisible};

use crate::discover::Format;
use crate::ingest::cells::Cell;
use crate::timestamp::DateSystem;

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
            let mut cells = $wb
                .worksheet_cells_reader(&name)
                .map_err(|e| e.to_string())?;
            stream(
                || cells.next_cell().map_err(|e| e.to_string()),
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
) -> Result<(), String> {
    let max_cells = limits.max_cells_per_sheet;
    if matches!(format, Format::Xlsx | Format::Xlsb | Format::Ods) {
        check_expansion(bytes, limits.max_workbook_bytes)?;
    }
    match format {
        Format::Xlsx => {
            check_shared_strings(bytes, limits.max_workbook_bytes)?;
            check_cell_references(bytes)?;
            check_sheet_parts(bytes, Format::Xlsx)?;
            let mut wb = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
            stream_sheets!(wb, limits, visitor);
        }
        Format::Xlsb => {
            if let Some(part) = xlsb_short_cell_records(bytes)? {
                return Err(format!(
                    "{part} uses short cell records that the XLSB reader would skip without a word; \
                     save the workbook as .xlsx and read that instead"
                ));
            }
            check_sheet_parts(bytes, Format::Xlsb)?;
            let mut wb = calamine::Xlsb::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
            stream_sheets!(wb, limits, visitor);
        }
        Format::Xls => {
            let (checked, grids) = crate::ingest::xls::prepare(bytes, limits)?;
            if !visitor.hold(grids.cells, grids.bytes) {
                return Ok(());
            }
            let mut wb =
                calamine::Xls::new(std::io::Cursor::new(checked)).map_err(|e| e.to_string())?;
            let system = system_of(wb.has_1904_epoch());
            for (name, skip) in plan(wb.sheets_metadata(), limits)? {
                if let Some(reason) = skip {
                    visitor.skip_sheet(&name, reason);
                } else {
                    let range = wb.worksheet_range(&name).map_err(|e| e.to_string())?;
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
                calamine::Ods::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
            for (name, skip) in plan(wb.sheets_metadata(), limits)? {
                if let Some(reason) = skip {
                    visitor.skip_sheet(&name, reason);
                } else {
                    let range = wb.worksheet_range(&name).map_err(|e| e.to_string())?;
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
) -> Result<Vec<(String, Option<SheetSkip>)>, String> {
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
pub(crate) fn fits_in_memory(bytes: u64, limits: &crate::config::Limits) -> Result<(), String> {
    let max = limits.max_workbook_bytes;
    if bytes > max {
        return Err(format!(
            "its sheets would take {bytes} bytes of memory once read, more than the limit of \
             {max}; the file may be damaged. If it is genuine, raise [limits] \
             max_workbook_bytes in patuh.toml"
        ));
    }
    Ok(())
}

/// An error when a workbook holds more sheets than `[limits] max_sheets_per_workbook`.
pub(crate) fn too_many_sheets(sheets: usize, limits: &crate::config::Limits) -> Result<(), String> {
    let max = limits.max_sheets_per_workbook;
    if sheets as u64 > max {
        return Err(format!(
            "the workbook holds {sheets} sheets, more than the limit of {max}; it may be damaged. \
             If it is genuine, raise [limits] max_sheets_per_workbook in patuh.toml"
        ));
    }
    Ok(())
}

/// Groups a stream of cells (row by row, as worksheets store them) into rows.
fn stream<'a>(
    mut next: impl FnMut() -> Result<Option<calamine::Cell<DataRef<'a>>>, String>,
    system: DateSystem,
    max_cells: u64,
    visitor: &mut dyn WorkbookVisitor,
) -> Result<(), String> {
    let mut row: Vec<Cell<'a>> = Vec::new();
    let mut current: Option<u32> = None;
    let mut count: u64 = 0;
    while let Some(cell) = next()? {
        count += 1;
        if count > max_cells {
            return Err(too_many_cells(max_cells));
        }
        let (r, c) = cell.get_position();
        if current != Some(r) {
            if let Some(done) = current {
                if r < done {
                    return Err(format!(
                        "the cells of row {} come after row {}: the sheet is out of order",
                        r + 1,
                        done + 1
                    ));
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
            return Err(format!("a cell lies beyond column XFD (column {})", c + 1));
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

fn too_many_cells(max_cells: u64) -> String {
    format!(
        "a sheet holds more than {max_cells} cells, the limit for one sheet; split the export, \
         or raise [limits] max_cells_per_sheet in patuh.toml if the file is genuine"
    )
}

/// The last row of a sheet (1,048,576), as spreadsheet programs number them.
const MAX_ROWS: u64 = 1_048_576;

/// Whether `reference` names a cell of a sheet (`B7`, `XFD1048576`; letters in either
/// case, as calamine reads them).
fn is_cell_reference(reference: &str) -> bool {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let digits = &reference[letters..];
    let column = reference[..letters].bytes().try_fold(0u64, |n, b| {
        let n = n * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1;
        (n <= MAX_COLUMNS as u64).then_some(n)
    });
    (1..=3).contains(&letters) && column.is_some() && is_row_number(digits)
}

/// Whether `text` is a row number of a sheet (1 to 1,048,576, no sign or spaces).
fn is_row_number(text: &str) -> bool {
    (1..=7).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && text
            .parse::<u64>()
            .is_ok_and(|n| (1..=MAX_ROWS).contains(&n))
}

/// What a reference in a worksheet part names.
#[derive(Debug, Clone, Copy)]
enum Reference {
    /// A cell (`<c r="B7">`).
    Cell,
    /// A row (`<row r="7">`).
    Row,
    /// The sheet's used range (`<dimension ref="A1:K11">`).
    Range,
}

impl Reference {
    /// The attribute that holds it.
    fn attribute(self) -> &'static str {
        match self {
            Reference::Cell | Reference::Row => "r",
            Reference::Range => "ref",
        }
    }

    /// The word for it in messages.
    fn name(self) -> &'static str {
        match self {
            Reference::Cell => "cell",
            Reference::Row => "row",
            Reference::Range => "range",
        }
    }

    /// Whether `text` names one inside A1:XFD1048576.
    fn is_valid(self, text: &str) -> bool {
        match self {
            Reference::Cell => is_cell_reference(text),
            Reference::Row => is_row_number(text),
            Reference::Range => {
                text.split(':').count() <= 2 && text.split(':').all(is_cell_reference)
            }
        }
    }
}

/// Refuses an XLSX whose sheet data holds a cell or row reference outside a sheet
/// (`AAAAAAAAAAAAA1`, `A99999999999`), or whose `<dimension>` names such a range:
/// calamine 0.38 computes positions with unchecked arithmetic, which wraps in a release
/// build and would put a value in another cell without a word. Every XML part is looked
/// at; cells and rows inside `<sheetData>` only.
fn check_cell_references(bytes: &[u8]) -> Result<(), String> {
    use quick_xml::events::Event;
    for_each_xml_part(bytes, ".xml", |part, _, reader| {
        let mut buf = Vec::new();
        let mut in_sheet_data = false;
        loop {
            buf.clear();
            let e = match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => e,
                Ok(Event::End(e)) => {
                    if e.local_name().as_ref() == "sheetData" {
                        in_sheet_data = false;
                    }
                    continue;
                }
                // Malformed XML: calamine stops there too, with its own error.
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let name = e.local_name();
            let what = match name.as_ref() {
                "sheetData" => {
                    in_sheet_data = true;
                    continue;
                }
                "c" if in_sheet_data => Reference::Cell,
                "row" if in_sheet_data => Reference::Row,
                // calamine reads a worksheet's <dimension> with the same arithmetic.
                "dimension" => Reference::Range,
                _ => continue,
            };
            let reference = e
                .attributes()
                .flatten()
                .find(|a| a.key.as_ref() == what.attribute())
                .map(|a| a.value.into_owned());
            let Some(reference) = reference else { continue };
            let valid = what.is_valid(&reference);
            if !valid {
                let shown: String = reference.chars().take(40).collect();
                let what = what.name();
                return Err(format!(
                    "the workbook is damaged ({part} has a {what} at \"{shown}\", which is no \
                     {what} of a sheet (A1 to XFD1048576))"
                ));
            }
        }
        Ok(())
    })
}

/// Refuses an XLSX in which two sheets are one and the same part: calamine would read
/// the part once for each, so a 100 KB file listing a sheet 20,000 times took seconds,
/// and one with a larger sheet would take hours. Spreadsheet programs never write this.
fn check_sheet_parts(bytes: &[u8], format: Format) -> Result<(), String> {
    let workbooks = match format {
        Format::Xlsb => xlsb_sheets(bytes)?,
        _ => xlsx_sheets(bytes)?,
    };
    for (workbook, sheets) in workbooks {
        no_shared_parts(bytes, &workbook, &sheets)?;
    }
    Ok(())
}

/// A workbook part's path and its sheets: (name, relationship id), in order.
type SheetList = (String, Vec<(String, String)>);

/// The sheets of each `workbook.xml` part of an XLSX.
fn xlsx_sheets(bytes: &[u8]) -> Result<Vec<SheetList>, String> {
    use quick_xml::events::Event;
    let mut workbooks: Vec<SheetList> = Vec::new();
    for_each_xml_part(bytes, "workbook.xml", |part, _, reader| {
        let mut sheets = Vec::new();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == "sheet" => {
                    let mut name = String::new();
                    let mut id = String::new();
                    for a in e.attributes().flatten() {
                        match (a.key.prefix().is_some(), a.key.local_name().as_ref()) {
                            (false, "name") => name = a.value.into_owned(),
                            (true, "id") => id = a.value.into_owned(),
                            _ => {}
                        }
                    }
                    sheets.push((name, id));
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
        workbooks.push((part.to_string(), sheets));
        Ok(())
    })?;
    Ok(workbooks)
}

/// The sheets of each `workbook.bin` part of an XLSB (BrtBundleSh records, [MS-XLSB]
/// 2.4.304: state, tab id, relationship id, name).
fn xlsb_sheets(bytes: &[u8]) -> Result<Vec<SheetList>, String> {
    const BRT_BUNDLE_SH: u32 = 0x9C;
    let mut workbooks = Vec::new();
    let wanted = |name: &str| name.to_ascii_lowercase().ends_with("workbook.bin");
    for_each_part(bytes, wanted, |part, _, entry| {
        let mut sheets = Vec::new();
        read_biff12_records(entry, |typ, data| {
            if typ == BRT_BUNDLE_SH {
                let id = wide_string(data.get(8..).unwrap_or_default());
                let name = id
                    .as_ref()
                    .and_then(|(_, used)| wide_string(data.get(8 + used..).unwrap_or_default()));
                if let (Some((id, _)), Some((name, _))) = (id, name) {
                    sheets.push((name, id));
                }
            }
            true
        })
        .map_err(|e| format!("{part}: {e}"))?;
        workbooks.push((part.to_string(), sheets));
        Ok(())
    })?;
    Ok(workbooks)
}

/// An XLWideString (a u32 count of UTF-16 units, then the units) at the start of `data`,
/// with the bytes it takes; `None` when `data` is too short.
fn wide_string(data: &[u8]) -> Option<(String, usize)> {
    let count = usize::try_from(u32::from_le_bytes(data.get(..4)?.try_into().ok()?)).ok()?;
    let end = count.checked_mul(2)?.checked_add(4)?;
    let units: Vec<u16> = data
        .get(4..end)?
        .chunks_exact(2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .collect();
    Some((String::from_utf16_lossy(&units), end))
}

/// Refuses the sheets of one workbook part when two of them resolve, through the part's
/// relationships, to the same sheet part.
fn no_shared_parts(
    bytes: &[u8],
    workbook: &str,
    sheets: &[(String, String)],
) -> Result<(), String> {
    use quick_xml::events::Event;
    let (folder, file) = match workbook.rfind('/') {
        Some(i) => (&workbook[..=i], &workbook[i + 1..]),
        None => ("", workbook),
    };
    let rels = format!("{folder}_rels/{file}.rels").to_ascii_lowercase();
    let mut targets: std::collections::HashMap<String, String> = Default::default();
    for_each_xml_part(bytes, &rels, |part, _, reader| {
        if part.to_ascii_lowercase() != rels {
            return Ok(());
        }
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == "Relationship" => {
                    let attr = |key: &str| {
                        e.attributes()
                            .flatten()
                            .find(|a| a.key.as_ref() == key)
                            .map(|a| a.value.into_owned())
                    };
                    if let (Some(id), Some(target)) = (attr("Id"), attr("Target")) {
                        targets.insert(id, part_path(folder, &target));
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => {}
            }
        }
        Ok(())
    })?;
    let mut seen: std::collections::HashMap<&str, &str> = Default::default();
    for (name, id) in sheets {
        let Some(target) = targets.get(id) else {
            continue;
        };
        if let Some(first) = seen.insert(target, name) {
            return Err(format!(
                "the workbook is damaged (sheets \"{first}\" and \"{name}\" are one and the \
                 same part, {target})"
            ));
        }
    }
    Ok(())
}

/// The package path of a relationship's `target` from a part in `folder` (`xl/`):
/// `/` at the start means the package root; `.` and `..` are resolved; case is ignored.
fn part_path(folder: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("{folder}{target}"),
    };
    let mut segments: Vec<&str> = Vec::new();
    for segment in joined.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/").to_ascii_lowercase()
}

/// The fewest bytes one shared string takes in `sharedStrings.xml` (`<si/>`).
const SHARED_STRING_MIN_BYTES: u64 = 5;

/// Refuses an XLSX whose shared-strings part declares more strings than it can hold, or
/// more than `max_bytes` of memory for them: calamine 0.38 reserves room for the declared
/// `uniqueCount` before reading a string, so a 5 KB file could ask for terabytes and
/// abort the process.
fn check_shared_strings(bytes: &[u8], max_bytes: u64) -> Result<(), String> {
    use quick_xml::events::Event;
    for_each_xml_part(bytes, "sharedstrings.xml", |part, size, reader| {
        let mut buf = Vec::new();
        let declared = loop {
            buf.clear();
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == "sst" => {
                    break e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "uniqueCount")
                        .and_then(|a| a.value.parse::<u64>().ok());
                }
                Ok(Event::Eof) | Err(_) => break None,
                Ok(_) => {}
            }
        };
        let Some(declared) = declared else {
            return Ok(());
        };
        if declared > size / SHARED_STRING_MIN_BYTES {
            return Err(format!(
                "the workbook is damaged ({part} declares {declared} shared strings in {size} bytes, \
                 more than it can hold)"
            ));
        }
        let memory = declared.saturating_mul(std::mem::size_of::<String>() as u64);
        if memory > max_bytes {
            return Err(format!(
                "{part} declares {declared} shared strings ({memory} bytes of memory before one is \
                 read), more than the limit of {max_bytes}; it may be damaged. If the file is \
                 genuine, raise [limits] max_workbook_bytes in patuh.toml"
            ));
        }
        Ok(())
    })
}

/// The reader of a part's XML, set up as calamine sets up its own.
type XmlPart<'a> = quick_xml::Reader<std::io::BufReader<&'a mut dyn Read>>;

/// Calls `visit` with each part of a zip-based workbook whose name `wanted` accepts, in the
/// zip's order: its name, its declared size and its bytes.
fn for_each_part(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
    mut visit: impl FnMut(&str, u64, &mut dyn Read) -> Result<(), String>,
) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a valid workbook: {e}"))?;
    let parts: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| wanted(n))
        .map(|n| n.into_owned())
        .collect();
    for part in parts {
        let mut entry = zip.by_name(&part).map_err(|e| format!("{part}: {e}"))?;
        let size = entry.size();
        visit(&part, size, &mut entry)?;
    }
    Ok(())
}

/// [`for_each_part`] for XML parts whose name, in lower case, ends with `suffix`, each
/// given as an XML reader set up as calamine sets up its own (same quick-xml, same
/// settings), so both see the same elements and fail at the same place.
fn for_each_xml_part(
    bytes: &[u8],
    suffix: &str,
    mut check: impl FnMut(&str, u64, &mut XmlPart<'_>) -> Result<(), String>,
) -> Result<(), String> {
    let wanted = |name: &str| name.to_ascii_lowercase().ends_with(suffix);
    for_each_part(bytes, wanted, |part, size, entry| {
        let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
        let config = reader.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        check(part, size, &mut reader)
    })
}

/// Refuses a zip-based workbook whose parts would expand beyond `max_bytes`, by the sizes
/// its entries declare (the zip reader never reads past a declared size).
fn check_expansion(bytes: &[u8], max_bytes: u64) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a valid workbook: {e}"))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| format!("not a valid workbook: {e}"))?;
        total = total.saturating_add(entry.size());
    }
    if total > max_bytes {
        return Err(format!(
            "the workbook expands to {total} bytes, more than the limit of {max_bytes}; it may be damaged \
             or a zip bomb. If the file is genuine, raise [limits] max_workbook_bytes in patuh.toml"
        ));
    }
    Ok(())
}

fn visit_range(
    name: &str,
    range: &calamine::Range<Data>,
    system: DateSystem,
    max_cells: u64,
    visitor: &mut dyn WorkbookVisitor,
) -> Result<(), String> {
    visitor.begin_sheet(name, system);
    if let Some((start_row, start_col)) = range.start() {
        let (h, w) = range.get_size();
        if (h as u64).saturating_mul(w as u64) > max_cells {
            return Err(too_many_cells(max_cells));
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

/// Finds worksheet parts of an XLSB workbook that hold short cell records
/// (BrtShortRk … BrtShortIsst, written by SheetJS among others), which calamine 0.38
/// skips silently. Gives the first such part.
fn xlsb_short_cell_records(bytes: &[u8]) -> Result<Option<String>, String> {
    let mut found = None;
    let wanted = |name: &str| name.starts_with("xl/worksheets/") && name.ends_with(".bin");
    for_each_part(bytes, wanted, |part, _, entry| {
        if found.is_none() && has_short_cell_record(entry).map_err(|e| format!("{part}: {e}"))? {
            found = Some(part.to_string());
        }
        Ok(())
    })?;
    Ok(found)
}

/// Scans a BIFF12 record stream for record types 13–18 (short cells with a value).
fn has_short_cell_record(reader: &mut (impl Read + ?Sized)) -> std::io::Result<bool> {
    let mut found = false;
    read_biff12_records(reader, |typ, _| {
        found = (13..=18).contains(&typ);
        !found
    })?;
    Ok(found)
}

/// Reads the BIFF12 records of an XLSB part ([MS-XLSB] 2.1.4) one by one and calls `visit`
/// with each one's type and data, until `visit` returns false or the part ends (a record
/// cut short ends it too).
fn read_biff12_records(
    reader: &mut (impl Read + ?Sized),
    mut visit: impl FnMut(u32, &[u8]) -> bool,
) -> std::io::Result<()> {
    let mut reader = std::io::BufReader::new(reader);
    let mut byte = [0u8; 1];
    let mut read_byte = |r: &mut std::io::BufReader<&mut _>| -> std::io::Result<Option<u8>> {
        match r.read(&mut byte)? {
            0 => Ok(None),
            _ => Ok(Some(byte[0])),
        }
    };
    let mut data = Vec::new();
    loop {
        // Record type: one or two bytes of seven bits.
        let Some(b0) = read_byte(&mut reader)? else {
            return Ok(());
        };
        let mut typ = u32::from(b0 & 0x7F);
        if b0 & 0x80 != 0 {
            let Some(b1) = read_byte(&mut reader)? else {
                return Ok(());
            };
            typ |= u32::from(b1 & 0x7F) << 7;
        }
        // Record size: up to four bytes of seven bits.
        let mut size: u64 = 0;
        for i in 0..4 {
            let Some(b) = read_byte(&mut reader)? else {
                return Ok(());
            };
            size |= u64::from(b & 0x7F) << (7 * i);
            if b & 0x80 == 0 {
                break;
            }
        }
        data.clear();
        (&mut reader).take(size).read_to_end(&mut data)?;
        if (data.len() as u64) < size || !visit(typ, &data) {
            return Ok(());
        }
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

    /// A zip holding one part `name` with `xml`, stored.
    fn package(name: &str, xml: &str) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file(name, options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    /// A zip holding `xl/sharedStrings.xml` with `xml`, stored.
    fn with_shared_strings(xml: &str) -> Vec<u8> {
        package("xl/sharedStrings.xml", xml)
    }

    #[test]
    fn cell_references_are_cells_of_a_sheet() {
        for good in ["A1", "b7", "XFD1048576", "AA10", "A01"] {
            assert!(is_cell_reference(good), "{good}");
        }
        for bad in [
            "XFE1",
            "A1048577",
            "A0",
            "AAAA1",
            "A",
            "1",
            "A+1",
            "A 1",
            "A12345678",
            "AAAAAAAAAAAAA1",
            // 4,294,967,299 in letters: calamine's u32 wraps it to column C.
            "MWLQKWY5",
            "A99999999999",
            "É1",
            "",
        ] {
            assert!(!is_cell_reference(bad), "{bad}");
        }
        assert!(is_row_number("1048576") && !is_row_number("1048577") && !is_row_number("0"));
    }

    #[test]
    fn references_outside_a_sheet_are_refused_inside_sheet_data_only() {
        let sheet = |r: &str| {
            format!(
                "<worksheet><dimension ref=\"A1:B2\"/><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>\
                 <c r=\"{r}\"><v>2</v></c></row></sheetData></worksheet>"
            )
        };
        let part = "xl/worksheets/sheet1.xml";
        assert_eq!(check_cell_references(&package(part, &sheet("B1"))), Ok(()));
        assert_eq!(
            check_cell_references(&package(part, &sheet("AAAAAAAAAAAAA1"))).unwrap_err(),
            "the workbook is damaged (xl/worksheets/sheet1.xml has a cell at \"AAAAAAAAAAAAA1\", \
             which is no cell of a sheet (A1 to XFD1048576))"
        );
        let row = "<worksheet><sheetData><row r=\"99999999999\"/></sheetData></worksheet>";
        assert!(check_cell_references(&package(part, row))
            .unwrap_err()
            .contains("has a row at \"99999999999\""));
        let dimension = "<worksheet><dimension ref=\"A1:AAAAAAAAAAAAA1\"/></worksheet>";
        assert!(check_cell_references(&package(part, dimension))
            .unwrap_err()
            .contains("has a range at \"A1:AAAAAAAAAAAAA1\""));
        let single = "<worksheet><dimension ref=\"A1\"/><sheetData/></worksheet>";
        assert_eq!(check_cell_references(&package(part, single)), Ok(()));
        // Elements called `c` or `row` elsewhere (a chart, say) are not cells.
        let chart = "<chartSpace><c r=\"not a cell\"/><row r=\"x\"/></chartSpace>";
        assert_eq!(
            check_cell_references(&package("xl/charts/chart1.xml", chart)),
            Ok(())
        );
    }

    /// A zip holding `parts` (name, XML), stored.
    fn package_of(parts: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, xml) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn two_sheets_on_one_part_are_refused() {
        let workbook = |second: &str| {
            format!(
                "<workbook xmlns:r=\"r\"><sheets><sheet name=\"A\" r:id=\"rId1\"/>\
                 <sheet name=\"B\" r:id=\"{second}\"/></sheets></workbook>"
            )
        };
        let rels = "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>\
                    <Relationship Id=\"rId2\" Target=\"/xl/worksheets/./../worksheets/SHEET1.xml\"/>\
                    <Relationship Id=\"rId3\" Target=\"worksheets/sheet3.xml\"/></Relationships>";
        let package = |second: &str| {
            package_of(&[
                ("xl/workbook.xml", &workbook(second)),
                ("xl/_rels/workbook.xml.rels", rels),
            ])
        };
        assert_eq!(check_sheet_parts(&package("rId3"), Format::Xlsx), Ok(()));
        let same = "the workbook is damaged (sheets \"A\" and \"B\" are one and the same part, \
                    xl/worksheets/sheet1.xml)";
        assert_eq!(
            check_sheet_parts(&package("rId1"), Format::Xlsx).unwrap_err(),
            same
        );
        assert_eq!(
            check_sheet_parts(&package("rId2"), Format::Xlsx).unwrap_err(),
            same
        );
        assert_eq!(part_path("xl/", "../docProps/app.xml"), "docprops/app.xml");
    }

    #[test]
    fn the_sheets_of_an_xlsb_are_read_from_its_workbook_part() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile/xlsb_full/full.xlsb");
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(
            xlsb_sheets(&bytes).unwrap(),
            [(
                "xl/workbook.bin".to_string(),
                vec![("Data".to_string(), "rId1".to_string())]
            )]
        );
        assert_eq!(check_sheet_parts(&bytes, Format::Xlsb), Ok(()));
        // "Data" as a UTF-16 XLWideString, then one more byte.
        let data = [4, 0, 0, 0, b'D', 0, b'a', 0, b't', 0, b'a', 0, 9];
        assert_eq!(wide_string(&data), Some(("Data".to_string(), 12)));
        assert_eq!(wide_string(&data[..11]), None);
        assert_eq!(wide_string(&[0xFF, 0xFF, 0xFF, 0xFF]), None);
    }

    #[test]
    fn shared_strings_beyond_their_part_or_the_limit_are_refused() {
        // 40 bytes hold at most 8 strings of 5 bytes (`<si/>`).
        let part = |n: u32| {
            let xml = format!("<sst uniqueCount=\"{n}\">");
            format!("{xml}{}", " ".repeat(40 - xml.len()))
        };
        assert_eq!(part(8).len(), 40);
        assert_eq!(
            check_shared_strings(&with_shared_strings(&part(8)), 1 << 20),
            Ok(())
        );
        assert_eq!(
            check_shared_strings(&with_shared_strings(&part(9)), 1 << 20).unwrap_err(),
            "the workbook is damaged (xl/sharedStrings.xml declares 9 shared strings in 40 \
             bytes, more than it can hold)"
        );
        // 8 strings take 8 × 24 = 192 bytes before one is read.
        let bytes = with_shared_strings(&part(8));
        assert_eq!(check_shared_strings(&bytes, 192), Ok(()));
        assert!(check_shared_strings(&bytes, 191)
            .unwrap_err()
            .starts_with("xl/sharedStrings.xml declares 8 shared strings (192 bytes of memory"));
        // No count, or one that is not a number: nothing is reserved.
        let none = with_shared_strings("<sst><si><t>a</t></si></sst>");
        assert_eq!(check_shared_strings(&none, 0), Ok(()));
    }

    #[test]
    fn finds_short_cell_records_in_a_record_stream() {
        // BrtRowHdr (0, size 2), BrtShortReal (16, size 4), BrtEndSheetData (0x92 0x01, size 0).
        let with = [
            0x00, 0x02, 0xAA, 0xBB, 0x10, 0x04, 1, 2, 3, 4, 0x92, 0x01, 0x00,
        ];
        assert!(has_short_cell_record(&mut &with[..]).unwrap());
        // BrtCellReal (5, size 16) only.
        let mut without = vec![0x05, 0x10];
        without.extend([0u8; 16]);
        assert!(!has_short_cell_record(&mut &without[..]).unwrap());
    }
}
