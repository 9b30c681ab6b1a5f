//! The errors that end a run (exit status 1), one variant per stage.
//!
//! Data problems that a run survives are not errors: they are data issues in the ledger.
//!
//! Every error here tells itself in either language ([`Describe`]); its `Display` is the
//! English text, which the JSON report and logs keep using.

use crate::config::ConfigError;
use crate::discover::DiscoverError;
use crate::ingest::ReadError;
use crate::words::{io_reason, say, Describe, Lang};

/// A run that cannot go on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration is invalid.
    Config(#[from] ConfigError),
    /// The data folder cannot be walked.
    Discover(#[from] DiscoverError),
    /// One or more exports cannot be read.
    Read(#[from] ReadError),
    /// No item was read, and the output folder holds a previous site.
    NothingRead {
        /// The data folder.
        data: std::path::PathBuf,
        /// How many exports were read (none of them gave an item).
        exports: usize,
        /// The output folder.
        out: std::path::PathBuf,
    },
    /// More departments than `[limits] max_departments`.
    TooManyDepartments(#[from] crate::ingest::TooManyDepartments),
    /// The as-of moment (`--as-of`) cannot be read.
    AsOf(crate::timestamp::MomentError),
    /// The letterhead's logo (`[record] logo`) cannot be read.
    Logo {
        /// The logo file.
        file: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A template cannot be loaded.
    Template(#[source] crate::render::templates::TemplateError),
    /// A page cannot be rendered.
    Render(#[from] crate::render::RenderError),
    /// `patuh init` cannot write its files.
    Init(#[from] crate::init::InitError),
    /// The site cannot be written.
    Publish(#[from] crate::site::PublishError),
}

impl Describe for Error {
    fn describe(&self, lang: Lang) -> String {
        match self {
            Error::Config(e) => e.describe(lang),
            Error::Discover(e) => e.describe(lang),
            Error::Read(e) => e.describe(lang),
            Error::NothingRead { data, exports, out } => say(
                lang,
                "err_nothing_read",
                &[
                    ("data", &data.display().to_string()),
                    ("exports", &exports.to_string()),
                    ("out", &out.display().to_string()),
                ],
            ),
            Error::TooManyDepartments(e) => e.describe(lang),
            Error::AsOf(e) => say(
                lang,
                "err_as_of",
                &[("reason", &e.message().describe(lang))],
            ),
            Error::Logo { file, source } => say(
                lang,
                "err_logo",
                &[
                    ("file", &file.display().to_string()),
                    ("reason", &io_reason(source, lang)),
                ],
            ),
            Error::Template(e) => e.describe(lang),
            Error::Render(e) => e.describe(lang),
            Error::Init(e) => e.describe(lang),
            Error::Publish(e) => e.describe(lang),
        }
    }
}

impl std::fmt::Display for Error {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}
