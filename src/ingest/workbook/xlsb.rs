//! The BIFF12 records of an XLSB's parts, read where calamine would go wrong without a
//! word: the sheet list of `workbook.bin` (to find sheets sharing a part) and the short
//! cell records calamine skips. Takes the file's bytes; gives sheets or the part at fault.

use std::io::Read;

use super::zip_guard::{for_each_part, SheetList};
use super::ReaderError;

/// The sheets of each `workbook.bin` part of an XLSB (BrtBundleSh records, [MS-XLSB]
/// 2.4.304: state, tab id, relationship id, name).
pub(super) fn xlsb_sheets(bytes: &[u8]) -> Result<Vec<SheetList>, ReaderError> {
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
        .map_err(|e| ReaderError::Part {
            part: part.to_string(),
            detail: e.to_string(),
        })?;
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
/// Finds worksheet parts of an XLSB workbook that hold short cell records
/// (BrtShortRk … BrtShortIsst, written by SheetJS among others), which calamine 0.38
/// skips silently. Gives the first such part.
pub(super) fn xlsb_short_cell_records(bytes: &[u8]) -> Result<Option<String>, ReaderError> {
    let mut found = None;
    let wanted = |name: &str| name.starts_with("xl/worksheets/") && name.ends_with(".bin");
    for_each_part(bytes, wanted, |part, _, entry| {
        if found.is_none()
            && has_short_cell_record(entry).map_err(|e| ReaderError::Part {
                part: part.to_string(),
                detail: e.to_string(),
            })?
        {
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
    use crate::discover::Format;
    use crate::ingest::workbook::zip_guard::check_sheet_parts;

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
