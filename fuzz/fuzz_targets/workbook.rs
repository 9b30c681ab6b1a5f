//! Workbook exports: the first byte picks the extension (`xlsx`, `xls`, `ods`, `xlsb`,
//! by its value modulo 4), the rest is the file, saved alone in a fresh folder; the whole
//! ingest path (`read_exports`) must return Ok or Err, never panic, never abort.
#![no_main]

mod scratch;

use libfuzzer_sys::fuzz_target;
use patuh::config::Config;

const EXTENSIONS: [&str; 4] = ["xlsx", "xls", "ods", "xlsb"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let extension = EXTENSIONS[usize::from(selector) % EXTENSIONS.len()];
    scratch::read_alone("workbook", &format!("x.{extension}"), file, |dir| {
        let _ = patuh::read_exports(dir, &Config::default(), None, chrono::Utc::now(), &Default::default());
    });
});
