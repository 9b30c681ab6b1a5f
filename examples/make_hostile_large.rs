//! Writes the three small-but-huge exports of issue 9 (tests/fixtures/hostile/README.md,
//! section 7) into a folder, one sub-folder each, for `scripts/bench.sh`:
//!
//! - `ods_many_sheets/many_sheets.ods` (about 1 KB): 16 sheets, each a header and one data
//!   row repeated 999,999 times (4 columns): 64 M cells once calamine expands them, within
//!   the per-sheet cell limit, the sheet limit and `max_workbook_bytes` (2 GiB of grids).
//! - `xlsx_many_rows/many_rows.xlsx` (10 MB): 10 sheets of 1,000,000 identical rows
//!   (a header, then `T-1`, a time, a time, `Rina`): 1.47 GB of XML once unzipped, each sheet
//!   4 M cells.
//! - `csv_wide/wide.csv` (200 MB): one line of 100,000,000 fields.
//!
//!   cargo run --release --example make_hostile_large -- --out /tmp/hostile
//!
//! The same bytes every run (fixed zip dates).

use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

fn options(method: CompressionMethod) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(zip::DateTime::from_date_and_time(2026, 11, 30, 0, 0, 0).unwrap())
        .large_file(false)
}

const ODS_MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// The ODS: `sheets` sheets of a header and one row repeated `repeats` times.
pub fn many_sheets_ods(path: &Path, sheets: usize, repeats: u64) {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let text = |t: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>"#
        )
    };
    let header: String = ["No Tiket", "Waktu Posting", "Waktu Lapor", "Admin"]
        .iter()
        .map(|t| text(t))
        .collect();
    let row: String = ["T-1", "23/11/2026 08:15", "23/11/2026 08:40", "Rina"]
        .iter()
        .map(|t| text(t))
        .collect();
    let mut tables = String::new();
    for s in 0..sheets {
        tables.push_str(&format!(
            r#"<table:table table:name="S{s}"><table:table-row>{header}</table:table-row><table:table-row table:number-rows-repeated="{repeats}">{row}</table:table-row></table:table>"#
        ));
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>
"#
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, method, text) in [
        ("mimetype", CompressionMethod::Stored, ODS_MIMETYPE),
        (
            "META-INF/manifest.xml",
            CompressionMethod::Deflated,
            manifest,
        ),
        ("content.xml", CompressionMethod::Deflated, &content),
    ] {
        zip.start_file(name, options(method)).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// The XLSX: `sheets` sheets of a header and `rows` identical data rows.
pub fn many_rows_xlsx(path: &Path, sheets: usize, rows: u32) {
    let mut overrides = String::new();
    let mut list = String::new();
    let mut rels = String::new();
    for s in 1..=sheets {
        overrides.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{s}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        list.push_str(&format!(
            r#"<sheet name="S{s}" sheetId="{s}" r:id="rId{s}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{s}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{s}.xml"/>"#));
    }
    let content_types = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>"#
    );
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{list}</sheets></workbook>"#
    );
    let workbook_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let d = options(CompressionMethod::Deflated);
    for (name, text) in [
        ("[Content_Types].xml", content_types.as_str()),
        ("_rels/.rels", root_rels),
        ("xl/workbook.xml", &workbook),
        ("xl/_rels/workbook.xml.rels", &workbook_rels),
    ] {
        zip.start_file(name, d).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    let s = |t: &str| format!(r#"<c t="inlineStr"><is><t>{t}</t></is></c>"#);
    let header = format!(
        "<row>{}{}{}{}</row>",
        s("No Tiket"),
        s("Waktu Posting"),
        s("Waktu Lapor"),
        s("Admin")
    );
    // Rows without `r` attributes are the next row: every row is the same bytes. Times are
    // serials of 23/11/2026 08:15 and 08:40.
    let row = format!(
        "<row>{}<c><v>46349.34375</v></c><c><v>46349.3611111111</v></c>{}</row>",
        s("T-1"),
        s("Rina")
    );
    let mut block = String::new();
    for _ in 0..1000 {
        block.push_str(&row);
    }
    for sheet in 1..=sheets {
        zip.start_file(format!("xl/worksheets/sheet{sheet}.xml"), d)
            .unwrap();
        zip.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).unwrap();
        zip.write_all(header.as_bytes()).unwrap();
        for _ in 0..rows / 1000 {
            zip.write_all(block.as_bytes()).unwrap();
        }
        zip.write_all(b"</sheetData></worksheet>").unwrap();
    }
    zip.finish().unwrap();
}

/// The CSV: one line of `fields` fields (`a,a,…`).
pub fn wide_csv(path: &Path, fields: u64) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let chunk = "a,".repeat(1 << 16);
    let mut left = fields;
    while left > 1 << 16 {
        out.write_all(chunk.as_bytes()).unwrap();
        left -= 1 << 16;
    }
    out.write_all("a,".repeat(left as usize - 1).as_bytes())
        .unwrap();
    out.write_all(b"a\n").unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = match args.iter().position(|a| a == "--out") {
        Some(i) => PathBuf::from(&args[i + 1]),
        None => {
            eprintln!("usage: make_hostile_large --out FOLDER");
            std::process::exit(2);
        }
    };
    let folder = |name: &str| {
        let dir = out.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    };
    many_sheets_ods(
        &folder("ods_many_sheets").join("many_sheets.ods"),
        16,
        999_999,
    );
    many_rows_xlsx(
        &folder("xlsx_many_rows").join("many_rows.xlsx"),
        10,
        1_000_000,
    );
    wide_csv(&folder("csv_wide").join("wide.csv"), 100_000_000);
}
