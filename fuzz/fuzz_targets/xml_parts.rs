//! One XML part of a real workbook replaced by the fuzz input: mutations reach the XML
//! parsers of the XLSX and ODS readers directly instead of a zip's compressed bytes. The
//! first byte picks the package (even: `rekap.xlsx`, odd: `rekap.ods`, both from
//! tests/fixtures/inputs/) and, divided by two, which of its parts (in name order, modulo
//! their number); the rest is that part's new content. The package is written again with
//! every part stored, saved alone in a fresh folder, and read with `read_exports`: it must
//! return Ok or Err, never panic, never abort.
#![no_main]

mod scratch;

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use patuh::config::Config;

const XLSX: &[u8] = include_bytes!("../../tests/fixtures/inputs/workbook_xlsx/rekap.xlsx");
const ODS: &[u8] = include_bytes!("../../tests/fixtures/inputs/workbook_ods/rekap.ods");

/// A package's parts, by name, in name order (`mimetype` first for ODS, as the format asks).
fn parts(package: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(package)).expect("a fixture package");
    let mut parts: Vec<(String, Vec<u8>)> = (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("a part");
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("its bytes");
            (entry.name().expect("a name").into_owned(), data)
        })
        .collect();
    parts.sort_by(|a, b| (a.0 != "mimetype", &a.0).cmp(&(b.0 != "mimetype", &b.0)));
    parts
}

fn packages() -> &'static [(&'static str, Vec<(String, Vec<u8>)>); 2] {
    static PACKAGES: OnceLock<[(&str, Vec<(String, Vec<u8>)>); 2]> = OnceLock::new();
    PACKAGES.get_or_init(|| [("xlsx", parts(XLSX)), ("ods", parts(ODS))])
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    let (extension, parts) = &packages()[usize::from(selector % 2)];
    let replaced = usize::from(selector / 2) % parts.len();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (i, (name, bytes)) in parts.iter().enumerate() {
        zip.start_file(name.as_str(), options).expect("a part");
        let bytes = if i == replaced { content } else { bytes.as_slice() };
        zip.write_all(bytes).expect("its bytes");
    }
    let package = zip.finish().expect("the package").into_inner();
    scratch::read_alone("xml", &format!("x.{extension}"), &package, |dir| {
        let _ = patuh::read_exports(dir, &Config::default(), None, chrono::Utc::now());
    });
});
