//! XLS (Excel 97–2003) workbooks, made safe for calamine before it reads them.
//!
//! An `.xls` is a Compound File (a small file system) holding a `Workbook` stream of BIFF
//! records. calamine reads the container with a lax reader of its own and, inside
//! `Xls::new`, reads every sheet into memory: it reserves as many cells as a DIMENSIONS
//! record declares and makes a dense grid from a sheet's first cell to its last. A 9 KB
//! file can therefore ask for hundreds of gigabytes and abort the process (found by
//! fuzzing, docs/fuzzing.md). So patuh:
//!
//! 1. opens the container with the `cfb` crate, which checks the sector tables (chains that
//!    loop or point past the file are refused),
//! 2. walks the workbook stream as calamine will, sheet by sheet from each sheet's offset,
//!    and refuses a sheet whose declared size or cell spread is over
//!    `[limits] max_cells_per_sheet`, or a workbook whose grids would take more memory
//!    than `[limits] max_workbook_bytes`,
//! 3. hands calamine a fresh container that holds only that stream, written by `cfb`: what
//!    calamine reads is exactly what was checked.

use std::io::{Cursor, Read, Write};

use crate::config::Limits;
use crate::ingest::workbook::ReaderError;

/// How every Compound File begins.
const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The BIFF record types this check reads ([MS-XLS] 2.3).
mod record {
    pub const BOF: u16 = 0x0809;
    pub const EOF: u16 = 0x000A;
    pub const BOUND_SHEET: u16 = 0x0085;
    pub const DIMENSIONS: u16 = 0x0200;
    pub const FORMULA: u16 = 0x0006;
    pub const STRING: u16 = 0x0207;
    pub const MUL_RK: u16 = 0x00BD;
    /// Records holding one cell whose row and column are their first four bytes.
    pub const ONE_CELL: [u16; 6] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD];
}

/// Checks the bytes of an XLS file against `limits` and returns a clean Compound File
/// holding only its workbook stream, for `calamine::Xls::new`.
pub fn prepare(
    bytes: &[u8],
    limits: &Limits,
) -> Result<(Vec<u8>, crate::ingest::workbook::Grids), ReaderError> {
    let stream = workbook_stream(bytes)?;
    let grids = check_sheets(&stream, limits)?;
    Ok((repack(&stream)?, grids))
}

/// The `Workbook` (BIFF8) or `Book` (BIFF5) stream of a Compound File.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, ReaderError> {
    if !bytes.starts_with(&SIGNATURE) {
        return Err(ReaderError::NotXls);
    }
    let damaged = |e: std::io::Error| ReaderError::XlsStructure(e.to_string());
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(damaged)?;
    let Some(name) = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
    else {
        return Err(ReaderError::NoWorkbookStream);
    };
    let mut stream = Vec::new();
    file.open_stream(name)
        .and_then(|s| s.take(bytes.len() as u64).read_to_end(&mut stream))
        .map_err(damaged)?;
    Ok(stream)
}

/// A Compound File written by `cfb` with `stream` as its `Workbook`.
fn repack(stream: &[u8]) -> Result<Vec<u8>, ReaderError> {
    let failed = |e: std::io::Error| ReaderError::XlsCopy(e.to_string());
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
            .map_err(failed)?;
    let mut out = file.create_stream("/Workbook").map_err(failed)?;
    out.write_all(stream).map_err(failed)?;
    drop(out);
    file.flush().map_err(failed)?;
    Ok(file.into_inner().into_inner())
}

/// One BIFF record: its type and its data (without the CONTINUE records after it).
struct Record<'a> {
    kind: u16,
    data: &'a [u8],
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    data.get(at..at + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The records of a stream from its start, as calamine cuts them (it stops at a record
/// that runs past the end). CONTINUE records come out as records of their own; nothing
/// here reads them.
fn records(stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let kind = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some(Record { kind, data })
    })
}

/// The smallest rectangle holding a set of cells.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Extent {
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

impl Extent {
    fn add(&mut self, row: u64, first_col: u64, last_col: u64) {
        let grow = |span: &mut Option<(u64, u64)>, lo: u64, hi: u64| {
            *span = Some(match *span {
                None => (lo, hi),
                Some((a, b)) => (a.min(lo), b.max(hi)),
            });
        };
        grow(&mut self.rows, row, row);
        grow(&mut self.cols, first_col, last_col);
    }

    /// (rows, columns) of the rectangle; (0, 0) when it holds no cell.
    fn size(&self) -> (u64, u64) {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1, c1 - c0 + 1),
            _ => (0, 0),
        }
    }

    /// Cells of the rectangle.
    fn cells(&self) -> u64 {
        let (rows, cols) = self.size();
        rows.saturating_mul(cols)
    }
}

/// What calamine will allocate for one sheet.
#[derive(Debug, Default, PartialEq, Eq)]
struct SheetSize {
    /// The largest rows × columns a DIMENSIONS record declares (calamine reserves it).
    declared: (u64, u64),
    /// The spread of the cells holding a value (calamine's dense grid of values).
    values: Extent,
    /// The spread of the formula cells (calamine's dense grid of formulas).
    formulas: Extent,
}

/// A sheet's DIMENSIONS record read as calamine 0.38 reads it (xls.rs `parse_dimensions`):
/// (rows, columns) it will reserve, or an error when the range ends before it starts
/// (calamine's `last - first + 1` would wrap to an enormous size).
fn declared_size(data: &[u8]) -> Result<Option<(u64, u64)>, ReaderError> {
    let (first_row, last_row, first_col, last_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).unwrap_or(0)),
            u32::from(u16_at(data, 2).unwrap_or(0)),
            u32::from(u16_at(data, 4).unwrap_or(0)),
            u32::from(u16_at(data, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u32::from(u16_at(data, 8).unwrap_or(0)),
            u32::from(u16_at(data, 10).unwrap_or(0)),
        ),
        // calamine stops reading the workbook with an error of its own.
        _ => return Ok(None),
    };
    let first_col = if first_col > 0xFF || last_col < first_col {
        0
    } else {
        first_col
    };
    let (end_row, end_col) = if last_row >= 1 && last_col >= 1 {
        (last_row - 1, last_col - 1)
    } else {
        (first_row, first_col)
    };
    if end_row < first_row || end_col < first_col {
        return Err(ReaderError::DimensionsReversed);
    }
    Ok(Some((
        u64::from(end_row - first_row) + 1,
        u64::from(end_col - first_col) + 1,
    )))
}

/// Walks one sheet's records from its offset to its end, as calamine's `parse_workbook`
/// does (embedded charts and other nested parts skipped), and measures it.
fn measure_sheet<'a>(records: impl Iterator<Item = Record<'a>>) -> Result<SheetSize, ReaderError> {
    let mut size = SheetSize::default();
    let mut seen_sheet_bof = false;
    let mut depth = 0usize;
    // Where calamine puts the value of a STRING record: the last formula's cell.
    let mut formula_at = (0u64, 0u64);
    for r in records {
        if depth > 0 {
            match r.kind {
                record::BOF => depth += 1,
                record::EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        let row = u64::from(u16_at(r.data, 0).unwrap_or(0));
        let col = u64::from(u16_at(r.data, 2).unwrap_or(0));
        match r.kind {
            record::BOF if seen_sheet_bof => depth += 1,
            record::BOF => seen_sheet_bof = true,
            record::EOF => break,
            record::DIMENSIONS => {
                if let Some((rows, cols)) = declared_size(r.data)? {
                    if rows.saturating_mul(cols) > size.declared.0.saturating_mul(size.declared.1) {
                        size.declared = (rows, cols);
                    }
                }
            }
            kind if record::ONE_CELL.contains(&kind) && r.data.len() >= 4 => {
                size.values.add(row, col, col);
            }
            record::STRING => size.values.add(formula_at.0, formula_at.1, formula_at.1),
            record::FORMULA if r.data.len() >= 20 => {
                formula_at = (row, col);
                size.values.add(row, col, col);
                size.formulas.add(row, col, col);
            }
            record::MUL_RK if r.data.len() > 6 => {
                // calamine makes one cell per 6 bytes between the first column (bytes 2–3)
                // and the last (the record's last 2 bytes).
                let cells = (r.data.len() - 6).div_ceil(6) as u64;
                size.values.add(row, col, col + cells - 1);
            }
            _ => {}
        }
    }
    Ok(size)
}

/// A sheet's name from its BOUNDSHEET record (for messages only).
fn sheet_name(data: &[u8], biff8: bool) -> String {
    let len = usize::from(data.get(6).copied().unwrap_or(0));
    let name: String = match (biff8, data.get(7)) {
        (true, Some(flags)) if flags & 1 == 1 => {
            let units: Vec<u16> = data
                .get(8..)
                .unwrap_or(&[])
                .chunks_exact(2)
                .take(len)
                .map(|b| u16::from_le_bytes([b[0], b[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        (true, _) => data
            .iter()
            .skip(8)
            .take(len)
            .map(|&b| char::from(b))
            .collect(),
        (false, _) => data
            .iter()
            .skip(7)
            .take(len)
            .map(|&b| char::from(b))
            .collect(),
    };
    name.chars().filter(|c| !c.is_control()).collect()
}

/// Each sheet the workbook globals list, with its name and size, in workbook order; an
/// error when there are more than the limit allows, or when two start at one place
/// (calamine would read that place once for each: a small file could take hours).
fn sheet_sizes(stream: &[u8], limits: &Limits) -> Result<Vec<(String, SheetSize)>, ReaderError> {
    // calamine reads each sheet from the offset its BOUNDSHEET record gives.
    let mut sheets = Vec::new();
    let mut biff8 = true;
    for r in records(stream) {
        match r.kind {
            record::BOF => biff8 = matches!(u16_at(r.data, 0), Some(0x0600) | Some(0)),
            record::BOUND_SHEET => {
                if let Some(offset) = u32_at(r.data, 0) {
                    sheets.push((offset as usize, sheet_name(r.data, biff8)));
                }
            }
            record::EOF => break,
            _ => {}
        }
    }
    crate::ingest::workbook::too_many_sheets(sheets.len(), limits)?;
    let mut offsets: Vec<usize> = sheets.iter().map(|(offset, _)| *offset).collect();
    offsets.sort_unstable();
    if let Some(pair) = offsets.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(ReaderError::SheetsShareStart { at: pair[0] });
    }
    let mut sizes = Vec::new();
    for (offset, name) in sheets {
        // calamine slices the stream at the offset without a check (a panic).
        let Some(from) = stream.get(offset..) else {
            return Err(ReaderError::SheetBeyondStream {
                name,
                offset,
                len: stream.len(),
            });
        };
        sizes.push((name, measure_sheet(records(from))?));
    }
    Ok(sizes)
}

/// Refuses a workbook stream on which calamine would allocate more than `limits` allow;
/// gives the grids it will hold.
fn check_sheets(
    stream: &[u8],
    limits: &Limits,
) -> Result<crate::ingest::workbook::Grids, ReaderError> {
    let max = limits.max_cells_per_sheet;
    let mut bytes_in_memory: u64 = 0;
    let mut values: Vec<u64> = Vec::new();
    for (name, size) in sheet_sizes(stream, limits)? {
        let over = |(rows, cols): (u64, u64), what: &'static str| {
            let cells = rows.saturating_mul(cols);
            (cells > max).then(|| ReaderError::XlsSheetTooLarge {
                name: name.clone(),
                what,
                rows,
                cols,
                cells,
                max,
            })
        };
        if let Some(message) = over(size.declared, "declares") {
            return Err(message);
        }
        if let Some(message) = over(size.values.size(), "has cells spread over") {
            return Err(message);
        }
        bytes_in_memory = bytes_in_memory
            .saturating_add(size.values.cells().saturating_mul(DATA_BYTES))
            .saturating_add(size.formulas.cells().saturating_mul(FORMULA_BYTES));
        values.push(size.values.cells());
    }
    crate::ingest::workbook::fits_in_memory(bytes_in_memory, limits)?;
    let mut grids = crate::ingest::workbook::Grids::of(values, DATA_BYTES);
    // The formulas' grids, held too.
    grids.bytes = grids
        .bytes
        .saturating_add(bytes_in_memory.saturating_sub(grids.cells.saturating_mul(DATA_BYTES)));
    Ok(grids)
}

/// Bytes of one cell in calamine's grid of values.
const DATA_BYTES: u64 = std::mem::size_of::<calamine::Data>() as u64;
/// Bytes of one cell in calamine's grid of formulas.
const FORMULA_BYTES: u64 = std::mem::size_of::<String>() as u64;

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The workbook stream of `rekap.xls` (made by LibreOffice; tests/fixtures/inputs):
    /// sheets "Sampul", "Data", "Rekap" (hidden) and "Lanjutan".
    fn rekap() -> Vec<u8> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/inputs/workbook_xls/rekap.xls");
        workbook_stream(&std::fs::read(path).unwrap()).unwrap()
    }

    /// Where the data of the `nth` record of `kind` in sheet `sheet` (0-based) begins.
    fn data_of(stream: &[u8], sheet: usize, kind: u16, nth: usize) -> usize {
        let offsets: Vec<usize> = records(stream)
            .filter(|r| r.kind == record::BOUND_SHEET)
            .map(|r| u32_at(r.data, 0).unwrap() as usize)
            .collect();
        let mut at = offsets[sheet];
        let mut seen = 0;
        loop {
            let k = u16_at(stream, at).unwrap();
            let len = usize::from(u16_at(stream, at + 2).unwrap());
            if k == kind {
                if seen == nth {
                    return at + 4;
                }
                seen += 1;
            }
            assert_ne!(k, record::EOF, "no such record");
            at += 4 + len;
        }
    }

    fn extent(rows: (u64, u64), cols: (u64, u64)) -> Extent {
        Extent {
            rows: Some(rows),
            cols: Some(cols),
        }
    }

    #[test]
    fn sheets_are_measured_as_calamine_will_read_them() {
        // Worked out from the records (rows and columns 0-based): DIMENSIONS gives the
        // first row and the row after the last.
        let sizes = sheet_sizes(&rekap(), &Limits::default()).unwrap();
        let expected = [
            ("Sampul", (3, 1), extent((0, 2), (0, 0)), Extent::default()),
            // Data: A1:K11 with one formula in K6; the MULRK in row 7 holds A7:B7.
            (
                "Data",
                (11, 11),
                extent((0, 10), (0, 10)),
                extent((5, 5), (10, 10)),
            ),
            ("Rekap", (2, 1), extent((0, 1), (0, 0)), Extent::default()),
            (
                "Lanjutan",
                (4, 5),
                extent((0, 3), (0, 4)),
                Extent::default(),
            ),
        ];
        assert_eq!(sizes.len(), expected.len());
        for ((name, size), (want_name, declared, values, formulas)) in sizes.iter().zip(expected) {
            assert_eq!(name, want_name);
            assert_eq!(size.declared, declared, "{name}");
            assert_eq!(size.values, values, "{name}");
            assert_eq!(size.formulas, formulas, "{name}");
        }
    }

    fn limits(cells: u64, bytes: u64) -> Limits {
        Limits {
            max_cells_per_sheet: cells,
            max_workbook_bytes: bytes,
            ..Limits::default()
        }
    }

    #[test]
    fn limits_apply_at_their_value_and_name_the_sheet_and_key() {
        let stream = rekap();
        // The largest sheet, Data, declares and spans 11 × 11 = 121 cells.
        assert!(check_sheets(&stream, &limits(121, u64::MAX)).is_ok());
        assert_eq!(
            check_sheets(&stream, &limits(120, u64::MAX))
                .unwrap_err()
                .to_string(),
            "sheet \"Data\" declares 11 rows × 11 columns (121 cells), more than the limit of \
             120 for one sheet; the file may be damaged. If it is genuine, raise [limits] \
             max_cells_per_sheet in patuh.toml"
        );
        // Grids: 3 + 121 + 2 + 20 = 146 value cells and 1 formula cell.
        let bytes = 146 * DATA_BYTES + FORMULA_BYTES;
        assert!(check_sheets(&stream, &limits(121, bytes)).is_ok());
        assert_eq!(
            check_sheets(&stream, &limits(121, bytes - 1))
                .unwrap_err()
                .to_string(),
            format!(
                "its sheets would take {bytes} bytes of memory once read, more than the limit \
                 of {}; the file may be damaged. If it is genuine, raise [limits] \
                 max_workbook_bytes in patuh.toml",
                bytes - 1
            )
        );
    }

    #[test]
    fn a_lying_dimensions_record_is_refused() {
        let mut stream = rekap();
        let at = data_of(&stream, 1, record::DIMENSIONS, 0);
        // Rows 0 up to 16,777,216 (the row after the last), columns 0 up to 255.
        stream[at + 4..at + 8].copy_from_slice(&0x0100_0000u32.to_le_bytes());
        stream[at + 10..at + 12].copy_from_slice(&255u16.to_le_bytes());
        let err = check_sheets(&stream, &Limits::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "sheet \"Data\" declares 16777216 rows × 255 columns (4278190080 cells), more than \
                 the limit of 20000000 for one sheet"
            ),
            "{err}"
        );
        // A range that ends before it starts: the last row (exclusive) 3 before the first, 5.
        let mut stream = rekap();
        let at = data_of(&stream, 1, record::DIMENSIONS, 0);
        stream[at..at + 4].copy_from_slice(&5u32.to_le_bytes());
        stream[at + 4..at + 8].copy_from_slice(&3u32.to_le_bytes());
        assert_eq!(
            check_sheets(&stream, &Limits::default())
                .unwrap_err()
                .to_string(),
            "the workbook is damaged (a sheet's dimensions end before they start)"
        );
    }

    #[test]
    fn a_sheet_starting_past_the_stream_is_refused() {
        let mut stream = rekap();
        let len = stream.len();
        // The second BOUNDSHEET record ("Data") at 1092: its data begins with the offset.
        let at = 1092 + 4;
        assert_eq!(&stream[at..at + 4], &2404u32.to_le_bytes());
        stream[at..at + 4].copy_from_slice(&(len as u32).to_le_bytes());
        // At the very end: an empty sheet, as calamine reads it.
        assert!(check_sheets(&stream, &Limits::default()).is_ok());
        stream[at..at + 4].copy_from_slice(&(len as u32 + 1).to_le_bytes());
        assert_eq!(
            check_sheets(&stream, &Limits::default())
                .unwrap_err()
                .to_string(),
            format!(
                "the workbook is damaged (sheet \"Data\" starts at byte {} of a workbook stream \
                 of {len} bytes)",
                len + 1
            )
        );
    }

    #[test]
    fn sheets_sharing_a_start_or_over_the_limit_are_refused() {
        let stream = rekap();
        // Four sheets: a limit of 4 reads, 3 does not.
        let limits = |n: u64| Limits {
            max_sheets_per_workbook: n,
            ..Limits::default()
        };
        assert!(check_sheets(&stream, &limits(4)).is_ok());
        assert_eq!(
            check_sheets(&stream, &limits(3)).unwrap_err().to_string(),
            "the workbook holds 4 sheets, more than the limit of 3; it may be damaged. If it is \
             genuine, raise [limits] max_sheets_per_workbook in patuh.toml"
        );
        // "Data" (BOUNDSHEET at 1092) made to start where "Sampul" starts (1900).
        let mut stream = rekap();
        stream[1096..1100].copy_from_slice(&1900u32.to_le_bytes());
        assert_eq!(
            check_sheets(&stream, &Limits::default())
                .unwrap_err()
                .to_string(),
            "the workbook is damaged (two sheets start at byte 1900 of its workbook stream)"
        );
    }

    #[test]
    fn cells_far_apart_are_refused_by_their_spread() {
        // The last cell of Data (an RK in C11) moved to row 65,536, column 16,384: the
        // DIMENSIONS record still says 11 × 11, the grid would be 65,536 × 16,384.
        let mut stream = rekap();
        let at = data_of(&stream, 1, 0x027E, 5);
        assert_eq!(&stream[at..at + 4], &[10, 0, 2, 0]);
        stream[at..at + 2].copy_from_slice(&65_535u16.to_le_bytes());
        stream[at + 2..at + 4].copy_from_slice(&16_383u16.to_le_bytes());
        let err = check_sheets(&stream, &Limits::default())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "sheet \"Data\" has cells spread over 65536 rows × 16384 columns (1073741824 \
                 cells), more than the limit of 20000000 for one sheet"
            ),
            "{err}"
        );
    }

    #[test]
    fn multi_cell_records_string_values_and_nested_parts_count_as_calamine_counts_them() {
        // A MULRK in row 2 from column 3 with 4 values (6 + 4 × 6 bytes); a STRING before
        // any formula (calamine puts it in A1); an embedded chart (BOF … EOF) whose cell
        // and EOF do not count; then a cell in row 9 before the sheet's own EOF.
        let mut s = Vec::new();
        let mut push = |kind: u16, data: &[u8]| {
            s.extend(kind.to_le_bytes());
            s.extend((data.len() as u16).to_le_bytes());
            s.extend(data);
        };
        push(record::BOF, &[0, 6, 16, 0]);
        let mut mul_rk = vec![2, 0, 3, 0];
        mul_rk.extend([0u8; 24]);
        mul_rk.extend(6u16.to_le_bytes());
        push(record::MUL_RK, &mul_rk);
        push(record::STRING, &[1, 0, 0, b'x']);
        push(record::BOF, &[0, 6, 32, 0]);
        push(0x0203, &[0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        push(record::EOF, &[]);
        push(0x00FD, &[9, 0, 1, 0, 15, 0, 0, 0, 0, 0]);
        push(record::EOF, &[]);
        push(0x00FD, &[200, 0, 1, 0, 15, 0, 0, 0, 0, 0]);
        let size = measure_sheet(records(&s)).unwrap();
        assert_eq!(size.values, extent((0, 9), (0, 6)));
        assert_eq!(size.formulas, Extent::default());
        assert_eq!(size.declared, (0, 0));
    }

    #[test]
    fn a_repacked_workbook_reads_as_the_original() {
        use calamine::Reader;
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/inputs/workbook_xls/rekap.xls");
        let original = std::fs::read(&path).unwrap();
        let (repacked, _) = prepare(&original, &Limits::default()).unwrap();
        assert_ne!(original, repacked);
        let mut a = calamine::Xls::new(Cursor::new(original)).unwrap();
        let mut b = calamine::Xls::new(Cursor::new(repacked)).unwrap();
        assert_eq!(a.sheet_names(), b.sheet_names());
        assert_eq!(a.worksheets(), b.worksheets());
        assert_eq!(a.sheet_names().len(), 4);
    }

    #[test]
    fn files_that_are_not_sound_compound_files_are_refused() {
        assert!(
            workbook_stream(b"<html><table><tr><td>1</td></tr></table></html>")
                .unwrap_err()
                .to_string()
                .starts_with("this is not an Excel 97–2003 workbook")
        );
        // The signature and a header, then nothing: no sectors at all.
        let mut bytes = SIGNATURE.to_vec();
        bytes.resize(512, 0);
        let err = workbook_stream(&bytes).unwrap_err().to_string();
        assert!(
            err.starts_with("the workbook's file structure is damaged ("),
            "{err}"
        );
    }
}
