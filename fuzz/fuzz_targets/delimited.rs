//! Delimited exports: `delimited::read_bytes` on any bytes (both tab preferences, a header
//! finder that knows "Waktu Posting"), then the whole ingest path on the same bytes saved
//! as `x.csv` alone in a fresh folder: `read_exports` must return Ok or Err, never panic.
#![no_main]

mod scratch;

use libfuzzer_sys::fuzz_target;
use patuh::config::Config;
use patuh::ingest::delimited::read_bytes;

fuzz_target!(|data: &[u8]| {
    let finds_header = |fields: &[String]| fields.iter().any(|f| f == "Waktu Posting");
    for prefer_tab in [false, true] {
        let _ = read_bytes(data, prefer_tab, finds_header, |_, _| true);
    }

    scratch::read_alone("delimited", "x.csv", data, |dir| {
        let _ = patuh::read_exports(dir, &Config::default(), None, chrono::Utc::now(), &Default::default());
    });
});
