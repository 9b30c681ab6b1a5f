//! Rendering: the report model → the pages of the site, as HTML and Markdown with the
//! same numbers (OUTPUT.md, issue "The report site").
//!
//! Builds a typed view model per page and fills the Tera templates; returns the files,
//! writes nothing. Every number and date is formatted by [`mod@format`], once, so both
//! formats show the same text.

pub mod charts;
pub mod download;
pub mod format;
pub mod markdown;
pub mod privacy;
pub mod templates;
mod views;

use std::collections::BTreeMap;

use crate::config::Config;
use crate::ingest::Ledger;
use crate::report::Report;
use crate::site::OutputFile;
use crate::Judgement;

pub use templates::Templates;

/// Everything the pages show.
pub struct RenderInput<'a> {
    /// The configuration (language, zone, labels, signature).
    pub config: &'a Config,
    /// What was read.
    pub ledger: &'a Ledger,
    /// The judged items.
    pub judgement: &'a Judgement,
    /// The aggregates.
    pub report: &'a Report,
    /// SHA-256 of each input file, by relative path.
    pub input_hashes: &'a BTreeMap<String, String>,
    /// The office's commentary per period label (Markdown).
    pub commentary: &'a BTreeMap<String, String>,
}

/// Rendering failed: a template (usually a user's override) is broken.
#[derive(Debug, thiserror::Error)]
#[error("cannot render {template}: {message}")]
pub struct RenderError {
    /// The template's name.
    pub template: String,
    /// Tera's message with its causes.
    pub message: String,
}

/// Renders every page of the site, plus its assets.
pub fn render_all(
    input: &RenderInput<'_>,
    templates: &Templates,
) -> Result<Vec<OutputFile>, RenderError> {
    let pages = views::pages(input);
    let mut files = Vec::with_capacity(pages.len() * 2 + 2);
    for page in pages {
        for (ext, tera) in [("html", &templates.html), ("md", &templates.md)] {
            let template = format!("{}.{ext}", page.template);
            let context =
                tera::Context::from_serialize(&page.context).map_err(|e| RenderError {
                    template: template.clone(),
                    message: error_chain(&e),
                })?;
            let text = tera.render(&template, &context).map_err(|e| RenderError {
                template: template.clone(),
                message: error_chain(&e),
            })?;
            files.push(OutputFile {
                path: format!("{}.{ext}", page.path),
                bytes: text.into_bytes(),
            });
        }
    }
    files.extend(download::registers(input));
    for (name, bytes) in templates.assets() {
        files.push(OutputFile {
            path: format!("assets/{name}"),
            bytes,
        });
    }
    Ok(files)
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}
