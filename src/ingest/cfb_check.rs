//! A look inside an XLS file (a Compound File) before calamine opens it: its sector chains
//! must not loop. calamine follows them without a bound, so a 9 KB file whose FAT loops
//! grows memory until the machine kills the process (found by fuzzing).

use std::path::Path;

const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Markers above this value end a chain or mark a free or special sector.
const MAX_REGULAR: u32 = 0xFFFF_FFFA;

fn u32_at(bytes: &[u8], offset: usize) -> Option<u32> {
    bytes
        .get(offset..offset + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Checks the DIFAT and FAT chains of a Compound File; files that are not one are left to
/// the reader (it gives its own error).
pub fn check(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    check_bytes(&bytes)
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
}
