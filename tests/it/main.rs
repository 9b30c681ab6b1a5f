//! patuh's integration tests, one binary (`cargo test --test it`): one module per
//! contract area, with the set-up they share in [`support`]. Fixtures are in
//! `tests/fixtures/<area>/`, reviewed snapshots in `tests/it/snapshots/`.

mod support;

mod accountability;
mod architecture;
mod broken_files;
mod cache;
mod calendar;
mod charts;
mod cli;
mod columns;
mod commentary;
mod departments;
mod door;
mod downloads;
mod errors;
mod fuzz_regressions;
mod history;
mod hostile_workbooks;
mod injection;
mod inputs;
mod letter;
mod limits;
mod long_pages;
mod method;
mod overview;
mod privacy;
mod publish;
mod realdata;
mod record;
mod search;
mod site;
mod sop;
mod summary;
mod templates;
