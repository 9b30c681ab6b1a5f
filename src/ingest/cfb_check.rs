//! A look inside an XLS file (a Compound File) before calamine opens it: its sector chains
//! must not loop, and no sheet may declare more cells than the limit. calamine follows
//! chains without a bound and reserves a sheet's declared size, so a 9 KB file could grow
//! memory until the machine kills the process (both found by fuzzing).

use std::path::Path;

const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Markers above this value end a chain or mark a free or special sector.
const MAX_REGULAR: u32 = 0xFFFF_FFFA;

fn u32_at(bytes: &[u8], offset: usize) -> Option<u32> {
    bytes
        .get(offset..offset + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Checks the DIFAT and FAT chains of a Compound File and the sheet sizes its workbook
/// stream declares; files that are not one are left to the reader (it gives its own error).
pub fn check(path: &Path, max_cells: u64) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    check_bytes(&bytes)?;
    check_dimensions(&bytes, max_cells)
}

/// Refuses a workbook stream whose DIMENSIONS records declare a sheet of more than
/// `max_cells` cells.
fn check_dimensions(bytes: &[u8], max_cells: u64) -> Result<(), String> {
    use std::io::Read;
    let Ok(mut file) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n));
    let Some(name) = name else { return Ok(()) };
    let Ok(stream) = file.open_stream(name) else {
        return Ok(());
    };
    let mut data = Vec::new();
    // A stream cannot be longer than the file that holds it.
    if stream
        .take(bytes.len() as u64)
        .read_to_end(&mut data)
        .is_err()
    {
        return Ok(());
    }
    let mut at = 0;
    while at + 4 <= data.len() {
        let kind = u16::from_le_bytes([data[at], data[at + 1]]);
        let len = usize::from(u16::from_le_bytes([data[at + 2], data[at + 3]]));
        let body = data.get(at + 4..at + 4 + len).unwrap_or(&[]);
        if kind == 0x0200 {
            let (first_row, last_row, first_col, last_col) = match body.len() {
                14.. => (
                    u64::from(u32_at(body, 0).unwrap_or(0)),
                    u64::from(u32_at(body, 4).unwrap_or(0)),
                    u64::from(u16::from_le_bytes([body[8], body[9]])),
                    u64::from(u16::from_le_bytes([body[10], body[11]])),
                ),
                10..=13 => (
                    u64::from(u16::from_le_bytes([body[0], body[1]])),
                    u64::from(u16::from_le_bytes([body[2], body[3]])),
                    u64::from(u16::from_le_bytes([body[4], body[5]])),
                    u64::from(u16::from_le_bytes([body[6], body[7]])),
                ),
                _ => (0, 0, 0, 0),
            };
            // calamine computes `last - first + 1` without a check: a range that ends
            // before it starts wraps to an enormous size.
            if last_row < first_row || last_col < first_col {
                return Err(
                    "the workbook is damaged (a sheet's dimensions end before they start)".into(),
                );
            }
            let (rows, cols) = (last_row - first_row, last_col - first_col);
            let cells = rows.saturating_mul(cols);
            if cells > max_cells {
                return Err(format!(
                    "a sheet declares {rows} rows × {cols} columns ({cells} cells), more than the limit of \
                     {max_cells} for one sheet; the file may be damaged. If it is genuine, raise [limits] \
                     max_cells_per_sheet in patuh.toml"
                ));
            }
        }
        at += 4 + len;
    }
    Ok(())
}

fn damaged() -> String {
    "the workbook is damaged (its sector chains loop)".to_string()
}

/// [`check`] on the bytes of a file.
pub fn check_bytes(bytes: &[u8]) -> Result<(), String> {
    if bytes.len() < 512 || bytes[..8] != MAGIC {
        return Ok(());
    }
    let shift = u16::from_le_bytes([bytes[0x1E], bytes[0x1F]]);
    if shift != 9 && shift != 12 {
        return Ok(());
    }
    let size = 1usize << shift;
    let sectors = (bytes.len() / size).saturating_sub(1);
    let sector = |id: u32| -> Option<&[u8]> {
        let start = (id as usize + 1).checked_mul(size)?;
        bytes.get(start..start + size)
    };
    // The DIFAT: 109 entries in the header, then a chain of sectors.
    let mut difat: Vec<u32> = (0..109)
        .filter_map(|i| u32_at(bytes, 0x4C + 4 * i))
        .collect();
    let mut next = u32_at(bytes, 0x44).unwrap_or(u32::MAX);
    let mut seen = vec![false; sectors];
    while next <= MAX_REGULAR && (next as usize) < sectors {
        if std::mem::replace(&mut seen[next as usize], true) {
            return Err(damaged());
        }
        let Some(s) = sector(next) else { break };
        let entries = size / 4;
        difat.extend((0..entries - 1).filter_map(|i| u32_at(s, 4 * i)));
        next = u32_at(s, 4 * (entries - 1)).unwrap_or(u32::MAX);
    }
    // The FAT, and any loop in it.
    let mut fat: Vec<u32> = Vec::new();
    for id in difat.into_iter().filter(|id| *id <= MAX_REGULAR) {
        if let Some(s) = sector(id) {
            fat.extend((0..size / 4).filter_map(|i| u32_at(s, 4 * i)));
        }
    }
    // 0: not visited, 1: on the path being followed, 2: leads to the end of a chain.
    let mut state = vec![0u8; fat.len()];
    let mut path = Vec::new();
    for start in 0..fat.len() {
        let mut at = start;
        while at < fat.len() && state[at] == 0 {
            state[at] = 1;
            path.push(at);
            let to = fat[at];
            if to > MAX_REGULAR {
                break;
            }
            at = to as usize;
            if at < fat.len() && state[at] == 1 {
                return Err(damaged());
            }
        }
        for p in path.drain(..) {
            state[p] = 2;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal compound file: header, one FAT sector (sector 0), and `fat` in it.
    fn compound(fat: &[u32]) -> Vec<u8> {
        let mut b = vec![0u8; 512 * 3];
        b[..8].copy_from_slice(&MAGIC);
        b[0x1E] = 9;
        b[0x44..0x48].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        // DIFAT: the FAT is sector 0; the rest free.
        for i in 0..109 {
            let v: u32 = if i == 0 { 0 } else { 0xFFFF_FFFF };
            b[0x4C + 4 * i..0x50 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        for i in 0..128 {
            let v = fat.get(i).copied().unwrap_or(0xFFFF_FFFF);
            b[512 + 4 * i..516 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        b
    }

    #[test]
    fn chains_that_end_pass_and_loops_are_refused() {
        // Sector 0 is the FAT (0xFFFFFFFD), 1 → 2 → end.
        assert!(check_bytes(&compound(&[0xFFFF_FFFD, 2, 0xFFFF_FFFE])).is_ok());
        // 1 → 2 → 1.
        let err = check_bytes(&compound(&[0xFFFF_FFFD, 2, 1])).unwrap_err();
        assert!(err.contains("loop"), "{err}");
        // A sector pointing at itself.
        assert!(check_bytes(&compound(&[0xFFFF_FFFD, 1])).is_err());
        // Not a compound file: left to the reader.
        assert!(check_bytes(b"not a workbook").is_ok());
    }

    #[test]
    fn a_declared_sheet_over_the_cell_limit_is_refused() {
        use std::io::Write;
        let workbook = |rows: u32, cols: u16| -> Vec<u8> {
            let mut cf = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
            let mut stream = cf.create_stream("/Workbook").unwrap();
            let mut record = vec![0x00, 0x02, 14, 0];
            record.extend(0u32.to_le_bytes());
            record.extend(rows.to_le_bytes());
            record.extend(0u16.to_le_bytes());
            record.extend(cols.to_le_bytes());
            record.extend(0u16.to_le_bytes());
            // Padding so that the stream lives in regular sectors, like real workbooks.
            record.resize(5000, 0);
            stream.write_all(&record).unwrap();
            drop(stream);
            cf.into_inner().into_inner()
        };
        // 65,536 rows × 256 columns = 16,777,216 cells: over a limit of 1,000,000.
        let err = check_dimensions(&workbook(65_536, 256), 1_000_000).unwrap_err();
        assert!(
            err.starts_with("a sheet declares 65536 rows × 256 columns (16777216 cells)"),
            "{err}"
        );
        assert!(check_dimensions(&workbook(100, 10), 1_000_000).is_ok());
        // Rows ending before they start (first 0, last 0 is fine; the record below says
        // first 0, last 0 and columns 0..0): accepted; a reversed range is refused.
        assert!(check_dimensions(&workbook(0, 0), 1_000_000).is_ok());
    }
}
