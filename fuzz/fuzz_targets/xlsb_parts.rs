//! One part of a real XLSB replaced by the fuzz input: mutations reach calamine's BIFF12
//! record parsing (workbook, styles, shared strings, sheets) directly instead of a zip's
//! compressed bytes. The first byte picks the part of
//! tests/fixtures/hostile/xlsb_full/full.xlsb (in name order, modulo their number); the
//! rest is its new content. The package is written again with every part stored, saved
//! alone in a fresh folder, and read with `read_exports`: it must return Ok or Err, never
//! panic, never abort.
#![no_main]

mod package;
mod scratch;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use patuh::config::Config;

const XLSB: &[u8] = include_bytes!("../../tests/fixtures/hostile/xlsb_full/full.xlsb");

fn parts() -> &'static [(String, Vec<u8>)] {
    static PARTS: OnceLock<package::Parts> = OnceLock::new();
    PARTS.get_or_init(|| package::parts(XLSB))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    let package = package::with_part(parts(), usize::from(selector), content);
    scratch::read_alone("xlsb", "x.xlsb", &package, |dir| {
        let _ = patuh::read_exports(dir, &Config::default(), None, chrono::Utc::now(), &Default::default());
    });
});
