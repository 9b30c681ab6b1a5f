//! patuh reads the weekly complaint-handling exports of a city communications office
//! (CSV, XLSX, XLSB, XLS, ODS), turns them into one ledger of items, and measures them
//! against the office's SOP time standards.
//!
//! The pipeline, one module per stage:
//! [`discover`] finds the exports → [`ingest`] reads them into a [`ingest::Ledger`] of
//! items and data issues → [`check`] reports on what was read.

pub mod check;
pub mod config;
pub mod discover;
pub mod error;
pub mod ingest;
pub mod model;

use std::path::Path;

/// Finds and reads the exports of `data_dir` (skipping `out_dir` if it lies inside), with
/// `now` the moment of the run (later timestamps are typos).
pub fn read_exports(
    data_dir: &Path,
    config: &config::Config,
    out_dir: Option<&Path>,
    now: model::Instant,
) -> Result<ingest::Ledger, error::Error> {
    let discovery = discover::find_exports(data_dir, &config.exclude, out_dir)?;
    let settings = ingest::ReadSettings::new(config, now);
    Ok(ingest::read_all(discovery, &settings)?)
}
