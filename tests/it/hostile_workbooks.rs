//! Hostile workbooks (tests/fixtures/hostile/, see the README there): XLSB files with the
//! short cell records that calamine 0.38 skips without a word, and sheets whose far corner
//! (a cell at XFD1048576, a dimension of A1:XFD1048576, an ODS row repeated 1,048,000
//! times) would make a reader that allocates the sheet's extent run out of memory.
//!
//! Every ledger is checked exactly, with the row-ledger identity (support::check_ledger).

use std::path::{Path, PathBuf};

use crate::support::{
    self, briefs, check_ledger, columns, counts, fixture, only_table, patuh_in_empty, posted,
    read_exports, utc, Ran,
};
use patuh::config::Config;
use patuh::ingest::{Ledger, TableSummary};
use patuh::model::Stamp;

// ---------------------------------------------------------------------------------------
// Fixture generation (run once by hand; the outputs are committed):
//   cargo test --test it -- --ignored regenerate_hostile_fixtures
// writes the XLSX and ODS fixtures. The XLSB fixtures come from SheetJS and a record
// rewrite: tests/fixtures/hostile/make_xlsb.js and xlsb_records.py (see the README).
// ---------------------------------------------------------------------------------------

mod make {
    use crate::support::excel_datetime as dt;
    use std::io::Write;
    use std::path::Path;

    use rust_xlsxwriter::{DocProperties, Format, Workbook, XlsxError};
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    /// `far_cell.xlsx`: a table in A1:D4 and one cell at XFD1048576, written by
    /// rust_xlsxwriter (which declares the dimension A1:XFD1048576).
    pub fn far_cell(path: &Path) -> Result<(), XlsxError> {
        let mut wb = Workbook::new();
        wb.set_properties(
            &DocProperties::new().set_creation_datetime(&dt(2026, 11, 30, 0, 0, 0.0)),
        );
        let stamp = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
        let ws = wb.add_worksheet();
        ws.set_name("Data")?;
        for (c, h) in ["No Tiket", "Waktu Posting", "Waktu Lapor", "Admin"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h)?;
        }
        let rows = [
            (
                "T-201",
                dt(2026, 11, 23, 8, 15, 0.0),
                dt(2026, 11, 23, 8, 40, 30.0),
                "Rina",
            ),
            (
                "T-202",
                dt(2026, 11, 24, 13, 2, 0.0),
                dt(2026, 11, 24, 13, 55, 0.0),
                "Budi",
            ),
            (
                "T-203",
                dt(2026, 11, 25, 21, 47, 0.0),
                dt(2026, 11, 25, 22, 5, 15.0),
                "Sari",
            ),
        ];
        for (i, (id, posted, reported, admin)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            ws.write_string(r, 0, *id)?;
            ws.write_datetime_with_format(r, 1, posted, &stamp)?;
            ws.write_datetime_with_format(r, 2, reported, &stamp)?;
            ws.write_string(r, 3, *admin)?;
        }
        // XFD1048576: the last row and column a spreadsheet has.
        ws.write_string(1_048_575, 16_383, "akhir")?;
        wb.save(path)
    }

    fn zip_options(method: CompressionMethod) -> SimpleFileOptions {
        SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::from_date_and_time(2026, 11, 30, 0, 0, 0).unwrap())
    }

    fn write_zip(path: &Path, entries: &[(&str, CompressionMethod, &str)]) {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        for (name, method, text) in entries {
            zip.start_file(*name, zip_options(*method)).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }

    /// `dimension_lie.xlsx`: a minimal hand-written package whose worksheet declares the
    /// dimension A1:XFD1048576 but holds 5 cells (A1:C1 and A2:B2).
    pub fn dimension_lie(path: &Path) {
        let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
        let workbook = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let workbook_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        // B2 is the serial of 2026-11-23 08:15 (46349 + 8.25/24), a plain number.
        let sheet = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>No Tiket</t></is></c><c r="B1" t="inlineStr"><is><t>Waktu Posting</t></is></c><c r="C1" t="inlineStr"><is><t>Admin</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>T-401</t></is></c><c r="B2"><v>46349.34375</v></c></row></sheetData></worksheet>"#;
        let d = CompressionMethod::Deflated;
        write_zip(
            path,
            &[
                ("[Content_Types].xml", d, content_types),
                ("_rels/.rels", d, rels),
                ("xl/workbook.xml", d, workbook),
                ("xl/_rels/workbook.xml.rels", d, workbook_rels),
                ("xl/worksheets/sheet1.xml", d, sheet),
            ],
        );
    }

    const ODS_MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

    /// An ODS package (mimetype first and stored) around the rows of one table `Data`.
    fn ods(path: &Path, rows: &str) {
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Data"><table:table-column table:number-columns-repeated="16384"/>
{rows}</table:table></office:spreadsheet></office:body></office:document-content>
"#
        );
        write_zip(
            path,
            &[
                ("mimetype", CompressionMethod::Stored, ODS_MIMETYPE),
                (
                    "META-INF/manifest.xml",
                    CompressionMethod::Deflated,
                    manifest,
                ),
                ("content.xml", CompressionMethod::Deflated, &content),
            ],
        );
    }

    fn text(t: &str) -> String {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    }

    fn date(iso: &str) -> String {
        format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>"#
        )
    }

    /// The small table of the ODS fixtures: a header and three rows, each row ending in
    /// 16,000 repeated empty cells.
    fn ods_table() -> String {
        let tail = r#"<table:table-cell table:number-columns-repeated="16000"/>"#;
        let mut rows = String::new();
        let row = |cells: Vec<String>| {
            format!(
                "<table:table-row>{}{tail}</table:table-row>\n",
                cells.concat()
            )
        };
        rows.push_str(&row(["No Tiket", "Waktu Posting", "Waktu Lapor", "Admin"]
            .map(text)
            .to_vec()));
        for (id, p, r, a) in [
            (
                "T-301",
                "2026-11-23T08:15:00",
                "2026-11-23T08:40:30",
                "Rina",
            ),
            (
                "T-302",
                "2026-11-24T13:02:00",
                "2026-11-24T13:55:00",
                "Budi",
            ),
            (
                "T-303",
                "2026-11-25T21:47:00",
                "2026-11-25T22:05:15",
                "Sari",
            ),
        ] {
            rows.push_str(&row(vec![text(id), date(p), date(r), text(a)]));
        }
        rows
    }

    /// `repeated.ods`: the small table, then 1,048,000 repeated rows of 16,000 repeated
    /// empty cells.
    pub fn ods_repeated(path: &Path) {
        let mut rows = ods_table();
        rows.push_str(
            r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16000"/></table:table-row>
"#,
        );
        ods(path, &rows);
    }

    /// `repeated_then_cell.ods`: as `repeated.ods`, then one more row with a text cell in
    /// column `column` (1-based), so the repeated empty rows lie inside the used area.
    pub fn ods_repeated_then_cell(path: &Path, column: usize) {
        let mut rows = ods_table();
        rows.push_str(
            r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16000"/></table:table-row>
"#,
        );
        let before = if column > 1 {
            format!(
                r#"<table:table-cell table:number-columns-repeated="{}"/>"#,
                column - 1
            )
        } else {
            String::new()
        };
        rows.push_str(&format!(
            "<table:table-row>{before}{}</table:table-row>\n",
            text("akhir")
        ));
        ods(path, &rows);
    }

    /// A copy of `tests/fixtures/inputs/workbook_xls/rekap.xls` (LibreOffice, four sheets)
    /// with the bytes `find`, which occur once in the file, replaced by `replace`.
    pub fn xls_patched(path: &Path, find: &[u8], replace: &[u8]) {
        let source = crate::support::fixture("inputs/workbook_xls/rekap.xls");
        let mut bytes = std::fs::read(source).unwrap();
        let at: Vec<usize> = bytes
            .windows(find.len())
            .enumerate()
            .filter(|(_, w)| *w == find)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(at.len(), 1, "{find:?} occurs {} times", at.len());
        bytes[at[0]..at[0] + replace.len()].copy_from_slice(replace);
        std::fs::write(path, bytes).unwrap();
    }

    /// Copies the package (zip) at `source` (relative to the crate) to `path`, every part
    /// deflated with a fixed time stamp, passing each part's name and bytes through `edit`.
    fn copy_package(source: &str, path: &Path, mut edit: impl FnMut(&str, Vec<u8>) -> Vec<u8>) {
        let source = crate::support::repo().join(source);
        let mut zin = zip::ZipArchive::new(std::fs::File::open(source).unwrap()).unwrap();
        let mut zout = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for i in 0..zin.len() {
            let mut entry = zin.by_index(i).unwrap();
            let name = entry.name().unwrap().into_owned();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
            let data = edit(&name, data);
            zout.start_file(name, options).unwrap();
            zout.write_all(&data).unwrap();
        }
        zout.finish().unwrap();
    }

    /// A copy of `tests/fixtures/inputs/workbook_xlsx/rekap.xlsx` whose shared-strings part
    /// declares `uniqueCount="1000000000000"` (the other parts as they are, deflated again).
    pub fn xlsx_shared_strings_lie(path: &Path) {
        copy_package(
            "tests/fixtures/inputs/workbook_xlsx/rekap.xlsx",
            path,
            |name, data| {
                if name != "xl/sharedStrings.xml" {
                    return data;
                }
                let text = String::from_utf8(data).unwrap();
                let start = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
                let end = start + text[start..].find('"').unwrap();
                format!("{}1000000000000{}", &text[..start], &text[end..]).into_bytes()
            },
        );
    }

    /// A copy of `tests/fixtures/inputs/workbook_xlsx/rekap.xlsx` whose workbook lists
    /// 20,000 more sheets, all pointing at the part of sheet "Data" (`rId2`).
    pub fn xlsx_sheet_repeated(path: &Path) {
        let extra: String = (0..20_000)
            .map(|i| {
                format!(
                    "<sheet name=\"D{i}\" sheetId=\"{}\" r:id=\"rId2\"/>",
                    i + 10
                )
            })
            .collect();
        copy_package(
            "tests/fixtures/inputs/workbook_xlsx/rekap.xlsx",
            path,
            |name, data| {
                if name != "xl/workbook.xml" {
                    return data;
                }
                let text = String::from_utf8(data).unwrap();
                text.replace("</sheets>", &format!("{extra}</sheets>"))
                    .into_bytes()
            },
        );
    }

    /// `xlsb_full/full.xlsb` with a second sheet, "Salinan", in `xl/workbook.bin`: a
    /// BrtBundleSh record (type 156) with the relationship id of "Data" (`rId1`), written
    /// right after the record of "Data".
    pub fn xlsb_sheet_repeated(path: &Path) {
        let wide = |text: &str| {
            let units: Vec<u16> = text.encode_utf16().collect();
            let mut out = (units.len() as u32).to_le_bytes().to_vec();
            out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
            out
        };
        let mut body = vec![0, 0, 0, 0, 2, 0, 0, 0];
        body.extend(wide("rId1"));
        body.extend(wide("Salinan"));
        let mut record = vec![0x9C, 0x01, body.len() as u8];
        record.extend(body);
        copy_package(
            "tests/fixtures/hostile/xlsb_full/full.xlsb",
            path,
            |name, mut data| {
                if name == "xl/workbook.bin" {
                    let at = data.windows(2).position(|w| w == [0x9C, 0x01]).unwrap();
                    let size = usize::from(data[at + 2]);
                    assert!(size < 0x80, "a one-byte size");
                    let end = at + 3 + size;
                    data.splice(end..end, record.iter().copied());
                }
                data
            },
        );
    }

    /// The DIMENSIONS record of sheet "Data" (rows 0 to 11 exclusive, columns 0 to 11
    /// exclusive): type 0x0200, length 14, first row, row after the last (32-bit), first
    /// column, column after the last, reserved.
    pub const XLS_DIMENSIONS: [u8; 18] = [0, 2, 14, 0, 0, 0, 0, 0, 11, 0, 0, 0, 0, 0, 11, 0, 0, 0];

    /// The RK cell of "Data" at C11 (row 10, column 2): type 0x027E, length 10, row,
    /// column, format 15, the value.
    pub const XLS_RK_C11: [u8; 14] = [0x7E, 2, 10, 0, 10, 0, 2, 0, 15, 0, 18, 0, 0, 0];
}

/// `tests/fixtures/hostile/<case>`.
fn hostile(case: &str) -> PathBuf {
    fixture("hostile").join(case)
}

#[test]
#[ignore = "writes the committed fixtures; run by hand"]
fn regenerate_hostile_fixtures() {
    let dir = |case: &str| {
        let d = hostile(case);
        std::fs::create_dir_all(&d).unwrap();
        d
    };
    make::far_cell(&dir("far_cell").join("far_cell.xlsx")).unwrap();
    make::dimension_lie(&dir("dimension_lie").join("dimension_lie.xlsx"));
    make::ods_repeated(&dir("ods_repeated").join("repeated.ods"));
    make::ods_repeated_then_cell(
        &dir("ods_repeated_then_cell").join("repeated_then_cell.ods"),
        4,
    );
    make::ods_repeated_then_cell(&dir("ods_wide_gap").join("wide_gap.ods"), 95);
    make::xlsx_shared_strings_lie(&dir("xlsx_shared_strings_lie").join("shared_strings_lie.xlsx"));
    make::xlsx_sheet_repeated(&dir("xlsx_sheet_repeated").join("sheet_repeated.xlsx"));
    make::xlsb_sheet_repeated(&dir("xlsb_sheet_repeated").join("sheet_repeated.xlsb"));
    // "Data" declares rows 0 to 16,777,216 and columns 0 to 255.
    let mut lie = make::XLS_DIMENSIONS;
    lie[8..12].copy_from_slice(&0x0100_0000u32.to_le_bytes());
    lie[14..16].copy_from_slice(&255u16.to_le_bytes());
    make::xls_patched(
        &dir("xls_dimensions_lie").join("dimensions_lie.xls"),
        &make::XLS_DIMENSIONS,
        &lie,
    );
    // C11 moved to row 65,536, column 16,384 (0-based 65,535 and 16,383).
    let mut far = make::XLS_RK_C11;
    far[4..6].copy_from_slice(&65_535u16.to_le_bytes());
    far[6..8].copy_from_slice(&16_383u16.to_le_bytes());
    make::xls_patched(
        &dir("xls_far_cell").join("far_cell.xls"),
        &make::XLS_RK_C11,
        &far,
    );
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Reads a hostile fixture folder with the default configuration at the tests' `now`.
fn read(case: &str) -> Result<Ledger, patuh::error::Error> {
    read_exports(&hostile(case), &Config::default())
}

/// Reads a fixture folder that must be readable, and checks the row ledger.
fn read_ok(case: &str) -> Ledger {
    let ledger = read(case).unwrap_or_else(|e| panic!("{case}: {e}"));
    check_ledger(&ledger);
    ledger
}

/// Runs `patuh check --data <fixture>` from an empty folder (no patuh.toml there).
fn check_cmd(case: &str) -> Ran {
    patuh_in_empty(&["check", "--data", hostile(case).to_str().unwrap()])
}

/// `patuh check --lang en --data <case>`: its messages in English.
fn check_cmd_en(case: &str) -> Ran {
    patuh_in_empty(&[
        "check",
        "--lang",
        "en",
        "--data",
        hostile(case).to_str().unwrap(),
    ])
}

/// The record types of the BIFF12 stream of `part` in an XLSB file, in order.
fn record_types(xlsb: &Path, part: &str) -> Vec<u16> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsb).unwrap()).unwrap();
    let mut data = Vec::new();
    zip.by_name(part).unwrap().read_to_end(&mut data).unwrap();
    let mut types = Vec::new();
    let mut i = 0;
    let next = |i: &mut usize| {
        let b = data[*i];
        *i += 1;
        b
    };
    while i < data.len() {
        let b0 = next(&mut i);
        let mut typ = u16::from(b0 & 0x7F);
        if b0 & 0x80 != 0 {
            typ |= u16::from(next(&mut i) & 0x7F) << 7;
        }
        let mut size = 0usize;
        for k in 0..4 {
            let b = next(&mut i);
            size |= usize::from(b & 0x7F) << (7 * k);
            if b & 0x80 == 0 {
                break;
            }
        }
        types.push(typ);
        i += size;
    }
    assert_eq!(i, data.len(), "{part} ends inside a record");
    types
}

fn short_cell_types(types: &[u16]) -> Vec<u16> {
    let mut short: Vec<u16> = types
        .iter()
        .copied()
        .filter(|t| (13..=18).contains(t))
        .collect();
    short.sort_unstable();
    short.dedup();
    short
}

/// Every cell calamine's own XLSB cell reader gives for the first sheet, as
/// `(row, column, value)` with 0-based positions.
fn calamine_xlsb_cells(path: &Path) -> Vec<(u32, u32, String)> {
    use calamine::Reader;
    let mut wb: calamine::Xlsb<_> = calamine::open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let mut reader = wb.worksheet_cells_reader(&name).unwrap();
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell().unwrap() {
        let (r, c) = cell.get_position();
        cells.push((
            r,
            c,
            calamine::Data::from(cell.get_value().clone()).to_string(),
        ));
    }
    cells
}

/// The three items every small table of these fixtures holds (ids `{prefix}1` …
/// `{prefix}3` in rows 2–4 of sheet `Data`), with their exact instants (WIB = UTC+7).
fn assert_three_items(ledger: &Ledger, prefix: &str) {
    let expected = [
        (
            "1",
            "2026-11-23T01:15:00Z",
            "2026-11-23T01:40:30Z",
            "Rina",
            2,
        ),
        (
            "2",
            "2026-11-24T06:02:00Z",
            "2026-11-24T06:55:00Z",
            "Budi",
            3,
        ),
        (
            "3",
            "2026-11-25T14:47:00Z",
            "2026-11-25T15:05:15Z",
            "Sari",
            4,
        ),
    ];
    let ids: Vec<_> = ledger
        .items
        .iter()
        .map(|i| i.id.as_deref().map(String::from))
        .collect();
    let want: Vec<_> = expected
        .iter()
        .map(|e| Some(format!("{prefix}{}", e.0)))
        .collect();
    assert_eq!(ids, want);
    for (item, (n, posted_at, reported_at, admin, row)) in ledger.items.iter().zip(expected) {
        let id = format!("{prefix}{n}");
        assert_eq!(posted(ledger, &id), Some(utc(posted_at)), "{id}");
        assert_eq!(
            item.stamps.get(Stamp::ReportedAt),
            Some(utc(reported_at)),
            "{id}"
        );
        for s in [Stamp::DisposedAt, Stamp::ForwardedAt, Stamp::ClosedAt] {
            assert_eq!(item.stamps.get(s), None, "{id} {s:?}");
        }
        assert_eq!(item.admin.as_deref(), Some(admin), "{id}");
        assert_eq!(item.source.file, 0, "{id}");
        assert_eq!(item.source.sheet.as_deref(), Some("Data"), "{id}");
        assert_eq!(item.source.row, row, "{id}");
        assert_eq!(item.occurrences, 1, "{id}");
    }
}

/// The one table of a ledger, read from its one sheet, "Data".
fn data_table(ledger: &Ledger) -> &TableSummary {
    let table = only_table(ledger);
    assert_eq!(ledger.files[0].sheets[0].name.as_deref(), Some("Data"));
    table
}

const FOUR_COLUMNS: [&str; 4] = [
    "id=A (No Tiket)",
    "posted_at=B (Waktu Posting)",
    "reported_at=C (Waktu Lapor)",
    "admin=D (Admin)",
];

// ---------------------------------------------------------------------------------------
// 1. XLSB short cell records
// ---------------------------------------------------------------------------------------

const SHEET1: &str = "xl/worksheets/sheet1.bin";

#[test]
fn the_fixtures_hold_exactly_the_records_they_claim() {
    // SheetJS 0.18.5 writes every cell after the first of a run of adjacent cells as a
    // short record: BrtShortSt (17) and BrtShortReal (16), or BrtShortIsst (18) with a
    // shared-string table.
    let short = record_types(&hostile("xlsb_short/short.xlsb"), SHEET1);
    assert_eq!(short_cell_types(&short), [16, 17]);
    assert_eq!(short.iter().filter(|t| (13..=18).contains(*t)).count(), 12);
    let isst = record_types(&hostile("xlsb_short_isst/short_isst.xlsb"), SHEET1);
    assert_eq!(short_cell_types(&isst), [16, 18]);
    assert_eq!(isst.iter().filter(|t| (13..=18).contains(*t)).count(), 12);
    // The rewritten copy and the spread-out workbook hold full cell records only:
    // BrtCellIsst/BrtCellSt (6) and BrtCellReal (5), one per cell.
    for case in ["xlsb_full/full.xlsb", "xlsb_spread/spread.xlsb"] {
        let types = record_types(&hostile(case), SHEET1);
        assert_eq!(short_cell_types(&types), [0u16; 0], "{case}");
        let cells = types.iter().filter(|t| matches!(t, 5 | 6)).count();
        assert_eq!(cells, 16, "{case}");
    }
    // The rewrite changed nothing but the cell records: same record sequence otherwise.
    let full = record_types(&hostile("xlsb_full/full.xlsb"), SHEET1);
    let unshort = |t: &u16| if (13..=18).contains(t) { t - 11 } else { *t };
    assert_eq!(full, short.iter().map(unshort).collect::<Vec<_>>());
}

#[test]
fn calamine_alone_loses_the_cells_of_short_records() {
    // The hazard itself: calamine 0.38's XLSB reader gives only the first cell of each
    // row of short.xlsb (column A) and says nothing of the 12 cells it skipped.
    let cells = calamine_xlsb_cells(&hostile("xlsb_short/short.xlsb"));
    let expected = [
        (0, 0, "No Tiket"),
        (1, 0, "T-101"),
        (2, 0, "T-102"),
        (3, 0, "T-103"),
    ];
    let got: Vec<(u32, u32, &str)> = cells.iter().map(|(r, c, v)| (*r, *c, v.as_str())).collect();
    assert_eq!(got, expected);
    // The same workbook with full records: all 16 cells.
    let full = calamine_xlsb_cells(&hostile("xlsb_full/full.xlsb"));
    assert_eq!(full.len(), 16);
    assert_eq!(
        full.iter()
            .filter(|(r, _, _)| *r == 0)
            .map(|c| c.2.as_str())
            .collect::<Vec<_>>(),
        ["No Tiket", "Waktu Posting", "Waktu Lapor", "Admin"]
    );
}

#[test]
fn short_record_xlsb_is_an_error_naming_the_file_and_part() {
    for (case, file) in [
        ("xlsb_short", "short.xlsb"),
        ("xlsb_short_isst", "short_isst.xlsb"),
    ] {
        let err = read(case).expect_err(case);
        let patuh::error::Error::Read(read_error) = &err else {
            panic!("{case}: not a read error: {err:?}");
        };
        assert_eq!(read_error.0.len(), 1, "{err}");
        assert_eq!(read_error.0[0].file, file);
        let text = err.to_string();
        assert!(
            text.starts_with(&format!(
                "cannot read {file}: {SHEET1} uses short cell records"
            )),
            "{text}"
        );
        assert!(text.contains("save the workbook as .xlsx"), "{text}");
    }
}

#[test]
fn short_record_xlsb_among_good_files_still_fails_the_run() {
    // No partial ledger: a good export beside it does not make the run succeed.
    let dir = tempfile::tempdir().unwrap();
    for case in ["xlsb_short/short.xlsb", "xlsb_spread/spread.xlsb"] {
        let name = Path::new(case).file_name().unwrap();
        std::fs::copy(hostile(case), dir.path().join(name)).unwrap();
    }
    let err = read_exports(dir.path(), &Config::default()).unwrap_err();
    let patuh::error::Error::Read(read_error) = &err else {
        panic!("not a read error: {err:?}");
    };
    let files: Vec<&str> = read_error.0.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files, ["short.xlsb"]);
}

#[test]
fn check_exits_1_naming_the_short_record_xlsb() {
    for (case, file) in [
        ("xlsb_short", "short.xlsb"),
        ("xlsb_short_isst", "short_isst.xlsb"),
    ] {
        let Ran {
            code,
            stdout,
            stderr,
        } = check_cmd_en(case);
        assert_eq!(code, Some(1), "{case}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!(
                "cannot read {file}: {SHEET1} uses short cell records"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn xlsb_with_short_records_rewritten_as_full_records_is_read_exactly() {
    let ledger = read_ok("xlsb_full");
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
    let t = data_table(&ledger);
    assert_eq!(columns(t), FOUR_COLUMNS);
    assert_eq!((t.header_row, t.blank, t.totals), (1, 0, 0));
    assert_eq!(briefs(&ledger), [""; 0]);
    assert_three_items(&ledger, "T-10");
}

#[test]
fn sheetjs_xlsb_without_short_records_is_read_exactly() {
    // The same cells in columns A, C, E and G: SheetJS writes them as full records.
    let ledger = read_ok("xlsb_spread");
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
    let t = data_table(&ledger);
    assert_eq!(
        columns(t),
        [
            "id=A (No Tiket)",
            "posted_at=C (Waktu Posting)",
            "reported_at=E (Waktu Lapor)",
            "admin=G (Admin)",
        ]
    );
    assert_eq!((t.header_row, t.blank, t.totals), (1, 0, 0));
    assert_eq!(briefs(&ledger), [""; 0]);
    assert_three_items(&ledger, "T-10");
}

// ---------------------------------------------------------------------------------------
// 2. Far corners
// ---------------------------------------------------------------------------------------

#[test]
fn far_cell_xlsx_is_streamed_and_its_row_rejected_with_its_location() {
    // A naive calamine `worksheet_range` on this file asks for 1,048,576 × 16,384 cells of
    // 32 bytes (549,755,813,888 bytes) and aborts. patuh streams the cells: the far cell
    // makes row 1048576 a data row with no timestamp, so it is rejected with its
    // location, and the 1,048,571 rows between the table and it (5 … 1048575) count as
    // blank rows between data rows, outside the ledger.
    let ledger = read_ok("far_cell");
    assert_eq!(counts(&ledger), (4, 3, 0, 1));
    let t = data_table(&ledger);
    assert_eq!(columns(t), FOUR_COLUMNS);
    assert_eq!((t.header_row, t.rows, t.rejected), (1, 4, 1));
    assert_eq!((t.blank, t.totals), (1_048_571, 0));
    assert_eq!((ledger.blank_rows, ledger.totals_rows), (1_048_571, 0));
    assert_eq!(briefs(&ledger), ["RejectedRow far_cell.xlsx/Data:1048576"]);
    assert_three_items(&ledger, "T-20");
}

#[test]
fn check_reads_the_far_cell_xlsx_without_aborting() {
    let Ran {
        code,
        stdout,
        stderr,
    } = check_cmd("far_cell");
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("baris 1048576"), "{stdout}");
}

#[test]
fn declared_dimension_of_the_whole_sheet_costs_nothing() {
    // <dimension ref="A1:XFD1048576"/> over 5 cells: A1:C1 and A2:B2.
    let ledger = read_ok("dimension_lie");
    assert_eq!(counts(&ledger), (1, 1, 0, 0));
    let t = data_table(&ledger);
    assert_eq!(
        columns(t),
        [
            "id=A (No Tiket)",
            "posted_at=B (Waktu Posting)",
            "admin=C (Admin)"
        ]
    );
    assert_eq!((t.header_row, t.blank, t.totals), (1, 0, 0));
    assert_eq!(briefs(&ledger), [""; 0]);
    let item = &ledger.items[0];
    assert_eq!(item.id.as_deref(), Some("T-401"));
    assert_eq!(posted(&ledger, "T-401"), Some(utc("2026-11-23T01:15:00Z")));
    assert_eq!(item.admin, None);
    assert_eq!(item.source.row, 2);
}

#[test]
fn ods_with_a_million_repeated_empty_rows_below_the_table_is_read_exactly() {
    // 1,048,000 repeated rows of 16,000 repeated empty cells after the table: trailing
    // empty rows, never expanded.
    let ledger = read_ok("ods_repeated");
    assert_eq!(counts(&ledger), (3, 3, 0, 0));
    let t = data_table(&ledger);
    assert_eq!(columns(t), FOUR_COLUMNS);
    assert_eq!((t.header_row, t.blank, t.totals), (1, 0, 0));
    assert_eq!(briefs(&ledger), [""; 0]);
    assert_three_items(&ledger, "T-30");
}

#[test]
fn ods_with_repeated_empty_rows_before_one_more_cell_is_read_exactly() {
    // The same, then one text cell in D1048005: the repeated rows lie inside the used
    // area, so the reader expands them (1,048,000 rows × 4 columns); they are blank rows
    // between data rows, and the last row is rejected with its location.
    let ledger = read_ok("ods_repeated_then_cell");
    assert_eq!(counts(&ledger), (4, 3, 0, 1));
    let t = data_table(&ledger);
    assert_eq!(columns(t), FOUR_COLUMNS);
    assert_eq!((t.header_row, t.rows, t.rejected), (1, 4, 1));
    assert_eq!((t.blank, t.totals), (1_048_000, 0));
    assert_eq!(
        briefs(&ledger),
        ["RejectedRow repeated_then_cell.ods/Data:1048005"]
    );
    assert_three_items(&ledger, "T-30");
}

#[test]
fn ods_wide_gap_is_refused_before_calamine_expands_it() {
    // The same with the last cell in column CQ (95): calamine would expand the repeated
    // rows to 1,048,005 × 95 cells (about 6 GB) when it opens the file. patuh scans
    // content.xml first and refuses the sheet by its grid size, naming file and sheet.
    let err = read("ods_wide_gap").unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with(
            "cannot read wide_gap.ods: sheet \"Data\" spans 1048005 rows × 95 columns (99560475 cells), \
             more than the limit of 20000000 for one sheet"
        ),
        "{text}"
    );
}

#[test]
fn an_xls_whose_fat_loops_is_refused_before_calamine_follows_it() {
    // Found by fuzzing (fuzz/artifacts/workbook/oom-c99c1c10…): a 9 KB compound file whose
    // sector chain loops; calamine 0.38 follows it without a bound until the machine kills
    // the process (20 GB after 47 s). patuh opens the container with the `cfb` crate first,
    // which checks the sector tables.
    let err = read("xls_fat_loop").unwrap_err().to_string();
    assert_eq!(
        err,
        "cannot read loop.xls: the workbook's file structure is damaged (Malformed FAT (FAT has \
         122 entries, but file has only 17 sectors)). Open it in a spreadsheet program and save \
         it again, or move it out of the data folder"
    );
}

/// Runs `patuh check` on a hostile folder in a child process with a 4 GiB memory cap.
fn check_capped_case(case: &str) -> (Option<i32>, String) {
    let ran = support::check_capped(&hostile(case));
    (ran.code, ran.stderr)
}

#[test]
fn an_xls_declaring_a_huge_sheet_is_refused_before_calamine_reserves_it() {
    // calamine 0.38 reserves the cells a DIMENSIONS record declares: 16,777,216 × 255
    // cells of 40 bytes (171 GB) for this 9 KB file, and the allocation failure aborts.
    let (code, stderr) = check_capped_case("xls_dimensions_lie");
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "error: cannot read dimensions_lie.xls: sheet \"Data\" declares 16777216 rows × 255 \
         columns (4278190080 cells), more than the limit of 20000000 for one sheet; the file \
         may be damaged. If it is genuine, raise [limits] max_cells_per_sheet in patuh.toml. \
         Open it in a spreadsheet program and save it again, or move it out of the data folder"
    );
}

#[test]
fn an_xlsx_declaring_a_trillion_shared_strings_is_refused_before_calamine_reserves_them() {
    // calamine 0.38 reserves the declared uniqueCount before reading a string: 10^12
    // strings of 24 bytes (`memory allocation of 24000000000000 bytes failed`, SIGABRT)
    // for this 5 KB file.
    let (code, stderr) = check_capped_case("xlsx_shared_strings_lie");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "error: cannot read shared_strings_lie.xlsx: the workbook is damaged \
             (xl/sharedStrings.xml declares 1000000000000 shared strings in "
        ),
        "{stderr}"
    );
}

#[test]
fn an_xlsx_listing_one_sheet_part_20000_times_is_refused_before_it_is_read() {
    // calamine 0.38 reads a sheet's part once for every sheet that names it: this 107 KB
    // file took 2.9 s and 150 MB (20,003 data issues); with a larger sheet, hours.
    let err = read("xlsx_sheet_repeated").unwrap_err().to_string();
    assert_eq!(
        err,
        "cannot read sheet_repeated.xlsx: the workbook is damaged (sheets \"Data\" and \"D0\" \
         are one and the same part, xl/worksheets/sheet2.xml). Open it in a spreadsheet program \
         and save it again, or move it out of the data folder"
    );
}

#[test]
fn an_xlsb_whose_two_sheets_are_one_part_is_refused() {
    let err = read("xlsb_sheet_repeated").unwrap_err().to_string();
    assert_eq!(
        err,
        "cannot read sheet_repeated.xlsb: the workbook is damaged (sheets \"Data\" and \
         \"Salinan\" are one and the same part, xl/worksheets/sheet1.bin). Open it in a \
         spreadsheet program and save it again, or move it out of the data folder"
    );
}

#[test]
fn an_xls_with_cells_far_apart_is_refused_before_calamine_makes_its_grid() {
    // The DIMENSIONS record still says 11 × 11; calamine 0.38 would make a dense grid from
    // A1 to the moved cell: 65,536 × 16,384 cells of 32 bytes (34 GB), and abort.
    let (code, stderr) = check_capped_case("xls_far_cell");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.starts_with(
            "error: cannot read far_cell.xls: sheet \"Data\" has cells spread over 65536 rows × \
             16384 columns (1073741824 cells), more than the limit of 20000000 for one sheet"
        ),
        "{stderr}"
    );
}

#[test]
fn a_panic_inside_the_xls_reader_is_an_error_naming_the_file() {
    // Found by fuzzing (crash-007f544b…): calamine 0.38 panics on a slice in cfb.rs.
    let err = read("xls_reader_panic").unwrap_err().to_string();
    assert!(
        err.starts_with("cannot read panic.xls: the spreadsheet reader failed on this file ("),
        "{err}"
    );
    let Ran {
        code,
        stdout,
        stderr,
    } = check_cmd_en("xls_reader_panic");
    assert_eq!(code, Some(1), "{stdout}");
    // Only the error, not the library's panic message and backtrace.
    assert!(
        stderr.starts_with("error: cannot read panic.xls: "),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
