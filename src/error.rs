//! The errors that end a run (exit status 1), one variant per stage.
//!
//! Data problems that a run survives are not errors: they are data issues in the ledger.

use crate::config::ConfigError;
use crate::discover::DiscoverError;
use crate::ingest::ReadError;

/// A run that cannot go on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The data folder cannot be walked.
    #[error(transparent)]
    Discover(#[from] DiscoverError),
    /// One or more exports cannot be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// No item was read, and the output folder holds a previous site.
    #[error(
        "no item was read from {data} ({exports} exports): the site in {out} was left as it \
         was. Check that --data names the folder of exports (`patuh check` lists what it \
         finds there)"
    )]
    NothingRead {
        /// The data folder.
        data: std::path::PathBuf,
        /// How many exports were read (none of them gave an item).
        exports: usize,
        /// The output folder.
        out: std::path::PathBuf,
    },
    /// More departments than `[limits] max_departments`.
    #[error(transparent)]
    TooManyDepartments(#[from] crate::ingest::TooManyDepartments),
    /// The as-of moment cannot be read.
    #[error("invalid as-of moment {0}: write a date and time such as \"2026-11-29 23:59\"")]
    AsOf(String),
    /// The letterhead's logo (`[record] logo`) cannot be read.
    #[error("cannot read the logo {file} (`record.logo` in patuh.toml): {source}")]
    Logo {
        /// The logo file.
        file: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A template cannot be loaded.
    #[error(transparent)]
    Template(crate::render::templates::TemplateError),
    /// A page cannot be rendered.
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    /// `patuh init` cannot write its files.
    #[error(transparent)]
    Init(#[from] crate::init::InitError),
    /// The site cannot be written.
    #[error(transparent)]
    Publish(#[from] crate::site::PublishError),
}
