//! The pre-scans of a zip-based workbook (XLSX, XLSB, ODS) before calamine opens it:
//! the size the parts expand to, cell and range references outside a sheet, a shared
//! strings count beyond its part, two sheets on one part. Takes the file's bytes; gives
//! the reason to refuse it, if any.

use std::io::{Cursor, Read};

use crate::discover::Format;

use super::xlsb::xlsb_sheets;
use super::{ReaderError, MAX_COLUMNS};

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
pub(super) fn check_cell_references(bytes: &[u8]) -> Result<(), ReaderError> {
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
                return Err(ReaderError::ReferenceOutsideSheet {
                    part: part.to_string(),
                    what: what.name(),
                    shown,
                });
            }
        }
        Ok(())
    })
}

/// Refuses an XLSX in which two sheets are one and the same part: calamine would read
/// the part once for each, so a 100 KB file listing a sheet 20,000 times took seconds,
/// and one with a larger sheet would take hours. Spreadsheet programs never write this.
pub(super) fn check_sheet_parts(bytes: &[u8], format: Format) -> Result<(), ReaderError> {
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
pub(super) type SheetList = (String, Vec<(String, String)>);

/// The sheets of each `workbook.xml` part of an XLSX.
fn xlsx_sheets(bytes: &[u8]) -> Result<Vec<SheetList>, ReaderError> {
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

/// Refuses the sheets of one workbook part when two of them resolve, through the part's
/// relationships, to the same sheet part.
fn no_shared_parts(
    bytes: &[u8],
    workbook: &str,
    sheets: &[(String, String)],
) -> Result<(), ReaderError> {
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
            return Err(ReaderError::SharedSheetPart {
                first: first.to_string(),
                name: name.clone(),
                target: target.clone(),
            });
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
pub(super) fn check_shared_strings(bytes: &[u8], max_bytes: u64) -> Result<(), ReaderError> {
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
            return Err(ReaderError::SharedStringsBeyondPart {
                part: part.to_string(),
                declared,
                size,
            });
        }
        let memory = declared.saturating_mul(std::mem::size_of::<String>() as u64);
        if memory > max_bytes {
            return Err(ReaderError::SharedStringsTooLarge {
                part: part.to_string(),
                declared,
                memory,
                max: max_bytes,
            });
        }
        Ok(())
    })
}

/// The reader of a part's XML, set up as calamine sets up its own.
type XmlPart<'a> = quick_xml::Reader<std::io::BufReader<&'a mut dyn Read>>;

/// Calls `visit` with each part of a zip-based workbook whose name `wanted` accepts, in the
/// zip's order: its name, its declared size and its bytes.
pub(super) fn for_each_part(
    bytes: &[u8],
    wanted: impl Fn(&str) -> bool,
    mut visit: impl FnMut(&str, u64, &mut dyn Read) -> Result<(), ReaderError>,
) -> Result<(), ReaderError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReaderError::NotAPackage(e.to_string()))?;
    let parts: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| wanted(n))
        .map(|n| n.into_owned())
        .collect();
    for part in parts {
        let mut entry = zip.by_name(&part).map_err(|e| ReaderError::Part {
            part: part.clone(),
            detail: e.to_string(),
        })?;
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
    mut check: impl FnMut(&str, u64, &mut XmlPart<'_>) -> Result<(), ReaderError>,
) -> Result<(), ReaderError> {
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
pub(super) fn check_expansion(bytes: &[u8], max_bytes: u64) -> Result<(), ReaderError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReaderError::NotAPackage(e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| ReaderError::NotAPackage(e.to_string()))?;
        total = total.saturating_add(entry.size());
    }
    if total > max_bytes {
        return Err(ReaderError::ExpandsTooFar {
            total,
            max: max_bytes,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
            check_cell_references(&package(part, &sheet("AAAAAAAAAAAAA1")))
                .unwrap_err()
                .to_string(),
            "the workbook is damaged (xl/worksheets/sheet1.xml has a cell at \"AAAAAAAAAAAAA1\", \
             which is no cell of a sheet (A1 to XFD1048576))"
        );
        let row = "<worksheet><sheetData><row r=\"99999999999\"/></sheetData></worksheet>";
        assert!(check_cell_references(&package(part, row))
            .unwrap_err()
            .to_string()
            .contains("has a row at \"99999999999\""));
        let dimension = "<worksheet><dimension ref=\"A1:AAAAAAAAAAAAA1\"/></worksheet>";
        assert!(check_cell_references(&package(part, dimension))
            .unwrap_err()
            .to_string()
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
            check_sheet_parts(&package("rId1"), Format::Xlsx)
                .unwrap_err()
                .to_string(),
            same
        );
        assert_eq!(
            check_sheet_parts(&package("rId2"), Format::Xlsx)
                .unwrap_err()
                .to_string(),
            same
        );
        assert_eq!(part_path("xl/", "../docProps/app.xml"), "docprops/app.xml");
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
            check_shared_strings(&with_shared_strings(&part(9)), 1 << 20)
                .unwrap_err()
                .to_string(),
            "the workbook is damaged (xl/sharedStrings.xml declares 9 shared strings in 40 \
             bytes, more than it can hold)"
        );
        // 8 strings take 8 × 24 = 192 bytes before one is read.
        let bytes = with_shared_strings(&part(8));
        assert_eq!(check_shared_strings(&bytes, 192), Ok(()));
        assert!(check_shared_strings(&bytes, 191)
            .unwrap_err()
            .to_string()
            .starts_with("xl/sharedStrings.xml declares 8 shared strings (192 bytes of memory"));
        // No count, or one that is not a number: nothing is reserved.
        let none = with_shared_strings("<sst><si><t>a</t></si></sst>");
        assert_eq!(check_shared_strings(&none, 0), Ok(()));
    }
}
