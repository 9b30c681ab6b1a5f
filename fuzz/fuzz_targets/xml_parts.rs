//! One XML part of a real workbook replaced by the fuzz input: mutations reach the XML
//! parsers of the XLSX and ODS readers directly instead of a zip's compressed bytes. The
//! first byte picks the package (even: `rekap.xlsx`, odd: `rekap.ods`, both from
//! tests/fixtures/inputs/) and, divided by two, which of its parts (in name order, modulo
//! their number); the rest is that part's new content. The package is written again with
//! every part stored, saved alone in a fresh folder, and read with `read_exports`: it must
//! return Ok or Err, never panic, never abort.
#![no_main]

mod package;
mod scratch;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use patuh::config::Config;

const XLSX: &[u8] = include_bytes!("../../tests/fixtures/inputs/workbook_xlsx/rekap.xlsx");
const ODS: &[u8] = include_bytes!("../../tests/fixtures/inputs/workbook_ods/rekap.ods");

fn packages() -> &'static [(&'static str, package::Parts); 2] {
    static PACKAGES: OnceLock<[(&str, package::Parts); 2]> = OnceLock::new();
    PACKAGES.get_or_init(|| [("xlsx", package::parts(XLSX)), ("ods", package::parts(ODS))])
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    let (extension, parts) = &packages()[usize::from(selector % 2)];
    let package = package::with_part(parts, usize::from(selector / 2), content);
    scratch::read_alone("xml", &format!("x.{extension}"), &package, |dir| {
        let _ = patuh::read_exports(dir, &Config::default(), None, chrono::Utc::now(), &Default::default());
    });
});
