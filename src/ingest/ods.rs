//! A look inside an ODS file before calamine opens it: its date system, and the size of
//! the grid calamine would build for each sheet.
//!
//! calamine expands repeated rows and columns (`table:number-rows-repeated`) into a full
//! grid when it opens the file, before any limit of patuh's can apply; a 1 KB file can ask
//! for gigabytes. This scan streams `content.xml` and refuses such a file up front.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};

use crate::ingest::workbook::ReaderError;
use crate::timestamp::DateSystem;

/// What the scan learnt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OdsFacts {
    /// The date system of plain numbers (`table:null-date`).
    pub system: DateSystem,
    /// The grids calamine will hold once it opens the file.
    pub grids: crate::ingest::workbook::Grids,
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

fn repeat(e: &BytesStart<'_>, name: &str) -> u64 {
    attr(e, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Scans `content.xml`: gives the date system, or an error naming the first sheet whose
/// grid (up to its last filled row, times its widest filled row) exceeds `max_cells`.
pub fn scan(bytes: &[u8], limits: &crate::config::Limits) -> Result<OdsFacts, ReaderError> {
    let max_cells = limits.max_cells_per_sheet;
    // calamine holds every sheet's grid at once.
    let mut sizes: Vec<u64> = Vec::new();
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReaderError::NotOds(e.to_string()))?;
    let entry = zip
        .by_name("content.xml")
        .map_err(|e| ReaderError::NoOdsContent(e.to_string()))?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    let mut system = DateSystem::Excel1900;
    let mut sheet = String::new();
    // Per sheet: rows so far, end of the last filled row, widest filled row.
    let (mut rows, mut last_filled, mut width) = (0u64, 0u64, 0u64);
    // Per row: repeat count, columns so far, end of the last filled cell.
    let (mut row_repeat, mut column, mut row_width) = (1u64, 0u64, 0u64);
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| ReaderError::OdsContent(e.to_string()))?;
        let (start, has_children) = match &event {
            Event::Start(e) => (Some(e), true),
            Event::Empty(e) => (Some(e), false),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.name().as_ref() {
                "table:null-date"
                    if attr(e, "table:date-value").as_deref() == Some("1904-01-01") =>
                {
                    system = DateSystem::Excel1904;
                }
                "table:table" => {
                    sheet = attr(e, "table:name").unwrap_or_default();
                    (rows, last_filled, width) = (0, 0, 0);
                }
                "table:table-row" => {
                    (row_repeat, column, row_width) =
                        (repeat(e, "table:number-rows-repeated"), 0, 0);
                    if !has_children {
                        rows = rows.saturating_add(row_repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let span = repeat(e, "table:number-columns-repeated");
                    column = column.saturating_add(span);
                    if has_children || attr(e, "office:value-type").is_some() {
                        row_width = column;
                    }
                }
                _ => {}
            }
        }
        match &event {
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                rows = rows.saturating_add(row_repeat);
                if row_width > 0 {
                    last_filled = rows;
                    width = width.max(row_width);
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                let cells = last_filled.saturating_mul(width);
                sizes.push(cells);
                if cells > max_cells {
                    return Err(ReaderError::OdsSheetTooLarge {
                        sheet: std::mem::take(&mut sheet),
                        rows: last_filled,
                        width,
                        cells,
                        max: max_cells,
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    let cell_bytes = std::mem::size_of::<calamine::Data>() as u64;
    let all_cells: u64 = sizes.iter().fold(0, |a, b| a.saturating_add(*b));
    crate::ingest::workbook::fits_in_memory(all_cells.saturating_mul(cell_bytes), limits)?;
    let grids = crate::ingest::workbook::Grids::of(sizes, cell_bytes);
    Ok(OdsFacts { system, grids })
}
