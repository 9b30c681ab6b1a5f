//! Delimited text exports (`.csv`, `.tsv`, `.txt`): encoding, delimiter, rows.
//!
//! Decodes UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; sniffs the
//! delimiter among `,` `;` tab `|`; hands each record to a callback as text cells,
//! numbered as a spreadsheet would number the rows.

use std::borrow::Cow;
use std::path::Path;

use crate::ingest::cells::Cell;

/// The candidate delimiters, in order of preference when the evidence ties.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The text encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, removed).
    #[serde(rename = "UTF-8")]
    Utf8,
    /// UTF-16, little- or big-endian, from its BOM.
    #[serde(rename = "UTF-16")]
    Utf16,
    /// Windows-1252 (bytes that are not UTF-8).
    #[serde(rename = "Windows-1252")]
    Windows1252,
}

/// What was learnt about a delimited file while reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DelimitedInfo {
    /// The encoding.
    pub encoding: Encoding,
    /// The delimiter.
    pub delimiter: char,
}

/// How the bytes of a text export are to be read, decided from the whole file: a BOM
/// says so; else UTF-8 when the file is UTF-8, or when it holds at least as many valid
/// UTF-8 sequences of several bytes (`é` is `C3 A9`) as bytes that are not UTF-8 (a few
/// stray bytes in a UTF-8 file are flagged where they stand, not a reason to read the
/// whole file otherwise); Windows-1252 when the bytes beyond ASCII are single bytes
/// (`é` is `E9`), as a Notepad "ANSI" file writes them. Gives the encoding and the length
/// of its BOM.
pub fn detect(bytes: &[u8]) -> (Encoding, usize) {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return if encoding == encoding_rs::UTF_8 {
            (Encoding::Utf8, bom_len)
        } else {
            (Encoding::Utf16, bom_len)
        };
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (Encoding::Utf8, 0);
    }
    let (mut several_bytes, mut stray) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // A character of several bytes starts with a byte 11xxxxxx.
        several_bytes += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        stray += usize::from(!chunk.invalid().is_empty());
    }
    if stray == 0 || (several_bytes > 0 && several_bytes >= stray) {
        (Encoding::Utf8, 0)
    } else {
        (Encoding::Windows1252, 0)
    }
}

/// Decodes the bytes of a text export as [`detect`] decides (bytes that are not UTF-8 in a
/// file read as UTF-8 become `\u{FFFD}`).
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    let (encoding, bom_len) = detect(bytes);
    let body = &bytes[bom_len..];
    let text = match encoding {
        Encoding::Utf8 => String::from_utf8_lossy(body),
        Encoding::Utf16 => {
            let utf16 = encoding_rs::Encoding::for_bom(bytes).expect("a BOM").0;
            utf16.decode_without_bom_handling(body).0
        }
        Encoding::Windows1252 => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(body)
                .0
        }
    };
    (text, encoding)
}

/// A cell of a UTF-8 file holding bytes that are not UTF-8 (shown as `\u{FFFD}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayBytes {
    /// The row, as a spreadsheet numbers it.
    pub row: u32,
    /// The column (0-based).
    pub column: usize,
    /// The bytes that are not UTF-8, in hex (`E9`, `92 93`).
    pub bytes: String,
    /// The cell's text, each such byte shown as `\u{FFFD}`.
    pub text: String,
}

/// The text of one field of a file in `encoding` (UTF-16 files are read transcoded to
/// UTF-8), and the bytes that are not UTF-8 when there are some.
fn field_text(field: &[u8], encoding: Encoding) -> (Cow<'_, str>, Option<String>) {
    match encoding {
        Encoding::Windows1252 => (
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(field)
                .0,
            None,
        ),
        Encoding::Utf8 | Encoding::Utf16 => match std::str::from_utf8(field) {
            Ok(text) => (Cow::Borrowed(text), None),
            Err(_) => {
                let stray: Vec<String> = field
                    .utf8_chunks()
                    .flat_map(|chunk| chunk.invalid().iter().map(|b| format!("{b:02X}")))
                    .collect();
                (String::from_utf8_lossy(field), Some(stray.join(" ")))
            }
        },
    }
}

/// Whether the bytes of a text export are a workbook: a zip package (XLSX, ODS) or a
/// Compound File (XLS) by their signature.
pub fn is_workbook(bytes: &[u8]) -> bool {
    const ZIP: &[u8] = b"PK\x03\x04";
    const COMPOUND: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.starts_with(ZIP) || bytes.starts_with(COMPOUND)
}

/// Whether the bytes of a text export look like binary data: in the first 64 K characters
/// once decoded, more than 5 % control characters other than tab, line breaks and form
/// feed (random bytes hold about 13 %). Only asked of a file in which no header was found:
/// a citizen's message full of controls lies below the header, and its export is read.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(256 * 1024)];
    let (text, _) = decode(sample);
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars().take(64 * 1024) {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    controls * 20 > chars
}

/// Picks the delimiter: the one under which a header row is found among the first
/// records (`finds_header` judges a record's fields, alone or joined with the next as a
/// two-row header); among those, or among all when none finds one, the one giving the most
/// rows with the same number (above one) of fields. `.tsv` files prefer the tab on ties.
pub fn sniff_delimiter(
    text: &str,
    prefer_tab: bool,
    finds_header: impl Fn(&[String]) -> bool,
) -> u8 {
    let sample_end = text
        .char_indices()
        .nth(64 * 1024)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let sample = &text[..sample_end];
    let order: Vec<u8> = if prefer_tab {
        std::iter::once(b'\t')
            .chain(DELIMITERS.into_iter().filter(|d| *d != b'\t'))
            .collect()
    } else {
        DELIMITERS.to_vec()
    };
    // (has a header, consistency score, delimiter); the first best wins.
    let mut best: Option<(bool, usize, u8)> = None;
    for delimiter in order {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(sample.as_bytes());
        let mut records: Vec<Vec<String>> = Vec::new();
        let mut record = csv::StringRecord::new();
        while records.len() < 30 {
            match reader.read_record(&mut record) {
                Ok(true) => records.push(record.iter().map(str::to_string).collect()),
                _ => break,
            }
        }
        // The most frequent field count above one, and how often it occurs.
        let counts: Vec<usize> = records.iter().map(Vec::len).collect();
        let mut score = 0;
        for &n in counts.iter().filter(|&&n| n > 1) {
            let freq = counts.iter().filter(|&&m| m == n).count();
            score = score.max(freq * 1000 + n);
        }
        let header = records.iter().take(21).enumerate().any(|(i, r)| {
            r.len() > 1
                && (finds_header(r)
                    || records.get(i + 1).is_some_and(|next| {
                        finds_header(&crate::ingest::table::join_header_rows(r, next))
                    }))
        });
        let candidate = (header, score, delimiter);
        if best.is_none_or(|(h, sc, _)| (header, score) > (h, sc)) {
            best = Some(candidate);
        }
    }
    best.map(|(_, _, d)| d).unwrap_or(b',')
}

/// Whether the file's name says it is tab-separated (`.tsv`).
pub fn prefers_tab(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
}

/// The most fields a record may have: the widest row of a spreadsheet (column XFD).
pub const MAX_FIELDS: u64 = 16_384;

/// Why a delimited file is refused before its records are read (told in either language;
/// `Display` is the English text).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldsError {
    /// One record has more fields than a spreadsheet row holds.
    TooManyFields {
        /// The record (1-based).
        record: u64,
    },
    /// The records together hold more cells than `[limits] max_cells_per_file`.
    TooManyCells {
        /// `[limits] max_cells_per_file`.
        max: u64,
        /// The record where the count went over (1-based).
        record: u64,
    },
}

/// Why the records of a delimited file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum DelimitedError {
    /// Refused before its records are read.
    Fields(#[from] FieldsError),
    /// A record the CSV reader cannot read: the text itself is at fault.
    Records(csv::Error),
}

impl crate::words::Describe for FieldsError {
    fn describe(&self, lang: crate::words::Lang) -> String {
        match self {
            FieldsError::TooManyFields { record } => crate::words::say(
                lang,
                "err_csv_too_many_fields",
                &[
                    ("record", &record.to_string()),
                    ("max", &MAX_FIELDS.to_string()),
                ],
            ),
            FieldsError::TooManyCells { max, record } => crate::words::say(
                lang,
                "err_csv_too_many_cells",
                &[("max", &max.to_string()), ("record", &record.to_string())],
            ),
        }
    }
}

impl std::fmt::Display for FieldsError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::Describe::describe(
            self,
            crate::words::Lang::En,
        ))
    }
}

impl crate::words::Describe for DelimitedError {
    fn describe(&self, lang: crate::words::Lang) -> String {
        match self {
            DelimitedError::Fields(e) => e.describe(lang),
            DelimitedError::Records(e) => {
                crate::words::say(lang, "err_csv_records", &[("reason", &e.to_string())])
            }
        }
    }
}

impl std::fmt::Display for DelimitedError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::Describe::describe(
            self,
            crate::words::Lang::En,
        ))
    }
}

/// Counts the fields of each record as the reader will split them, keeping none of them
/// (the reader builds a whole record before handing it over: one line of 100 million
/// fields would take gigabytes). An error when a record has more than [`MAX_FIELDS`], or
/// all of them more than `max_cells`.
pub fn check_fields(text: &[u8], delimiter: u8, max_cells: u64) -> Result<(), FieldsError> {
    use csv_core::ReadRecordResult;
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    // Only the fields are counted: the output is written over, call after call.
    let mut out = vec![0u8; 64 * 1024];
    let mut ends = [0usize; 1024];
    let (mut input, mut records, mut fields, mut cells) = (text, 1u64, 0u64, 0u64);
    loop {
        let (result, read, _, ended) = reader.read_record(input, &mut out, &mut ends);
        input = &input[read..];
        fields += ended as u64;
        cells += ended as u64;
        if fields > MAX_FIELDS {
            return Err(FieldsError::TooManyFields { record: records });
        }
        if cells > max_cells {
            return Err(FieldsError::TooManyCells {
                max: max_cells,
                record: records,
            });
        }
        match result {
            ReadRecordResult::InputEmpty
            | ReadRecordResult::OutputFull
            | ReadRecordResult::OutputEndsFull => {}
            ReadRecordResult::Record => {
                records += 1;
                fields = 0;
            }
            ReadRecordResult::End => return Ok(()),
        }
    }
}

/// Reads the bytes of a delimited file and calls `row` with each record's number (as a
/// spreadsheet shows it) and cells, until `row` returns false. `prefer_tab` breaks ties
/// between delimiters in favour of the tab ([`prefers_tab`]).
pub fn read_bytes(
    bytes: &[u8],
    prefer_tab: bool,
    finds_header: impl Fn(&[String]) -> bool,
    row: impl FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(DelimitedInfo, Vec<StrayBytes>), DelimitedError> {
    read_bytes_within(bytes, prefer_tab, u64::MAX, finds_header, row)
}

/// [`read_bytes`], refusing a file whose records hold more than [`MAX_FIELDS`] fields, or
/// more than `max_cells` in all, before one record is read ([`DelimitedError::Fields`];
/// a record the text itself spoils is [`DelimitedError::Records`]). Gives what was learnt
/// of the file, and the cells of a UTF-8 file that hold bytes that are not UTF-8.
pub fn read_bytes_within(
    bytes: &[u8],
    prefer_tab: bool,
    max_cells: u64,
    finds_header: impl Fn(&[String]) -> bool,
    mut row: impl FnMut(u32, &[Cell<'_>]) -> bool,
) -> Result<(DelimitedInfo, Vec<StrayBytes>), DelimitedError> {
    let (encoding, bom_len) = detect(bytes);
    // Records are split on the bytes (the delimiters, quotes and line breaks are ASCII in
    // UTF-8 and Windows-1252 alike) and each field is decoded on its own, so a stray byte
    // spoils one cell, not the file. UTF-16 is transcoded first.
    let source: Cow<'_, [u8]> = match encoding {
        Encoding::Utf16 => match decode(bytes).0 {
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
            Cow::Borrowed(text) => Cow::Owned(text.as_bytes().to_vec()),
        },
        _ => Cow::Borrowed(&bytes[bom_len..]),
    };
    let source: &[u8] = &source;
    let delimiter = {
        let text = match encoding {
            Encoding::Windows1252 => {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(source)
                    .0
            }
            _ => String::from_utf8_lossy(source),
        };
        sniff_delimiter(&text, prefer_tab, finds_header)
    };
    check_fields(source, delimiter, max_cells)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(source);
    let mut record = csv::ByteRecord::new();
    let mut stray = Vec::new();
    // Spreadsheets number records, not lines: the row of a record is its first line less
    // the line breaks inside quoted cells before it.
    let line_break = if source.contains(&b'\n') {
        b'\n'
    } else {
        b'\r'
    };
    let (mut line, mut counted_to, mut embedded_breaks) = (1u64, 0usize, 0u64);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(DelimitedError::Records(e)),
        }
        let mut start = record
            .position()
            .map(|p| p.byte() as usize)
            .unwrap_or(counted_to);
        // The position given is where parsing began: before any blank lines it skipped.
        while matches!(source.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += source[counted_to..start]
            .iter()
            .filter(|&&b| b == line_break)
            .count() as u64;
        counted_to = start;
        let number = u32::try_from(line - embedded_breaks).unwrap_or(u32::MAX);
        let mut cells: Vec<Cell<'_>> = Vec::with_capacity(record.len());
        for (column, field) in record.iter().enumerate() {
            embedded_breaks += field.iter().filter(|&&b| b == line_break).count() as u64;
            if field.is_empty() {
                cells.push(Cell::Empty);
                continue;
            }
            let (text, bytes) = field_text(field, encoding);
            if let Some(bytes) = bytes {
                stray.push(StrayBytes {
                    row: number,
                    column,
                    bytes,
                    text: text.to_string(),
                });
            }
            cells.push(Cell::Text(text));
        }
        if !row(number, &cells) {
            break;
        }
    }
    let info = DelimitedInfo {
        encoding,
        delimiter: delimiter as char,
    };
    Ok((info, stray))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_and_binary_data_are_told_apart_from_text() {
        assert!(is_workbook(b"PK\x03\x04rest of a zip"));
        assert!(is_workbook(&[
            0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0
        ]));
        assert!(!is_workbook(b"No,Isi\n"));
        // One NUL in 40 characters of text: text.
        assert!(!looks_binary(b"No,Isi\n1,teks dengan \x00 di tengahnya.\n"));
        // 2 controls in 40 characters is 5 %: still text; 3 is more.
        let text = |controls: usize| {
            let mut s = "x".repeat(40 - controls);
            s.push_str(&"\x1b".repeat(controls));
            s
        };
        assert!(!looks_binary(text(2).as_bytes()));
        assert!(looks_binary(text(3).as_bytes()));
        // UTF-16 text has NUL bytes but no NUL characters; tabs and line breaks are text.
        assert!(!looks_binary(b"\xFF\xFEa\x00;\x00b\x00"));
        assert!(!looks_binary(b"a\tb\r\nc\x0cd\n"));
        assert!(!looks_binary(b""));
    }

    #[test]
    fn the_encoding_is_decided_from_the_evidence_of_the_whole_file() {
        // UTF-8 with one stray byte: as many valid sequences of several bytes (é) as stray
        // bytes.
        assert_eq!(detect(b"Caf\xC3\xA9;x\x92y"), (Encoding::Utf8, 0));
        // Single bytes beyond ASCII only: Windows-1252.
        assert_eq!(detect(b"Caf\xE9;\x93a\x94"), (Encoding::Windows1252, 0));
        // More stray bytes than UTF-8 sequences: Windows-1252.
        assert_eq!(detect(b"\xC3\xA9 \xE9 \xE8"), (Encoding::Windows1252, 0));
        assert_eq!(detect(b"\xEF\xBB\xBFa\xE9"), (Encoding::Utf8, 3));
        assert_eq!(
            field_text(b"lambat\x92 ", Encoding::Utf8),
            (Cow::Owned("lambat\u{FFFD} ".into()), Some("92".into()))
        );
        assert_eq!(
            field_text(b"a\xC3\xA9", Encoding::Utf8),
            (Cow::Borrowed("a\u{e9}"), None)
        );
        assert_eq!(
            field_text(b"\x93x\x94", Encoding::Windows1252).0,
            "\u{201c}x\u{201d}"
        );
        let mut rows = Vec::new();
        let (info, stray) = read_bytes(
            b"No;Isi\n1;ok \xC3\xA9\xC3\xA9\n2;x\xE9\xE8y\n",
            false,
            |_| false,
            |n, cells| {
                rows.push((n, cells.len()));
                true
            },
        )
        .unwrap();
        assert_eq!(info.encoding, Encoding::Utf8);
        assert_eq!(rows, [(1, 2), (2, 2), (3, 2)]);
        assert_eq!(
            stray,
            [StrayBytes {
                row: 3,
                column: 1,
                bytes: "E9 E8".into(),
                text: "x\u{FFFD}\u{FFFD}y".into()
            }]
        );
    }

    #[test]
    fn decodes_boms_and_windows_1252() {
        assert_eq!(decode(b"\xEF\xBB\xBFa;b").0, "a;b");
        assert_eq!(decode(b"\xEF\xBB\xBFa;b").1, Encoding::Utf8);
        assert_eq!(decode(b"\xFF\xFEa\x00;\x00b\x00").0, "a;b");
        assert_eq!(decode(b"\xFF\xFEa\x00;\x00b\x00").1, Encoding::Utf16);
        assert_eq!(decode(b"\xFE\xFF\x00a\x00;\x00b").0, "a;b");
        assert_eq!(decode(b"caf\xE9").0, "caf\u{e9}");
        assert_eq!(decode(b"caf\xE9").1, Encoding::Windows1252);
        assert_eq!(decode("café".as_bytes()).1, Encoding::Utf8);
    }

    #[test]
    fn sniffs_the_delimiter_below_a_title_row() {
        let semi = "Rekap Pengaduan, November\nNo;Waktu Posting;Isi\n1;27/11/2026 14.05;\"a, b; c\"\n2;27/11/2026 15.00;x\n";
        let none = |_: &[String]| false;
        assert_eq!(sniff_delimiter(semi, false, none), b';');
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n", false, none), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n", false, none), b'\t');
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n", false, none), b'|');
        assert_eq!(sniff_delimiter("a b\n", true, none), b'\t');
        // Commas in the title and in every text cell tie with the semicolons; the header decides.
        let tie = "Rekap, November, 2026\nNo;Waktu Posting;Isi\n1;27/11/2026 14.05;a, b, c\n2;27/11/2026 15.00;d, e, f\n";
        let header = |r: &[String]| r.iter().any(|f| f == "Waktu Posting");
        assert_eq!(sniff_delimiter(tie, false, header), b';');
    }
}

#[cfg(test)]
mod numbering_tests {
    use super::*;

    #[test]
    fn fields_are_counted_as_the_reader_splits_them_however_long_the_cells() {
        // Record 1: three fields, the middle one quoted, 100,000 bytes long, holding
        // delimiters and line breaks (more than the counting buffer holds); record 2: 3,000
        // fields (more ends than one call gives back); record 3: two fields.
        let long = "x;\n".repeat(100_000 / 3);
        let text = format!("a;\"{long}\";c\n{}\nd;e\n", vec!["f"; 3000].join(";"));
        assert_eq!(check_fields(text.as_bytes(), b';', 3005), Ok(()));
        assert_eq!(
            check_fields(text.as_bytes(), b';', 3004),
            Err(FieldsError::TooManyCells {
                max: 3004,
                record: 3
            })
        );
        assert_eq!(
            check_fields(text.as_bytes(), b';', 3002),
            Err(FieldsError::TooManyCells {
                max: 3002,
                record: 2
            })
        );
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let bytes = b"title\n\nh1;h2\n1;\"multi\nline\"\n2;x\n\n3;y\n";
        let mut seen = Vec::new();
        read_bytes(
            bytes,
            false,
            |_| false,
            |n, cells| {
                seen.push((n, cells.len()));
                true
            },
        )
        .unwrap();
        assert_eq!(seen, vec![(1, 1), (3, 2), (4, 2), (5, 2), (7, 2)]);
    }
}
