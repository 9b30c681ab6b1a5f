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
pub mod paths;
pub mod templates;
mod views;

use std::collections::BTreeMap;

use crate::config::Config;
use crate::ingest::Ledger;
use crate::manifest::Written;
use crate::report::Report;
use crate::Judgement;

pub use templates::Templates;

/// One file of the site: its path relative to the output folder (`/` separators) and
/// bytes. Rendering makes them; publishing writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative path, e.g. `data/summary.json`.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// The judged items of a period that belong to the group (department) `name`, in the
/// period's order: what its page and its register list.
pub(crate) fn group_members<'a>(
    judged: &'a [crate::sop::Judged],
    period: &crate::report::PeriodReport,
    name: &str,
) -> Vec<&'a crate::sop::Judged> {
    period
        .members
        .iter()
        .map(|&m| &judged[m])
        .filter(|j| j.group.name == name)
        .collect()
}

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

/// Renders every page of the site, plus its assets and registers, handing each file to
/// `write` as soon as it is made (pages are rendered in parallel). Gives what `write` gave.
pub fn render_all<E: From<RenderError> + Send>(
    input: &RenderInput<'_>,
    templates: &Templates,
    write: &(dyn Fn(OutputFile) -> Result<Written, E> + Sync),
) -> Result<Vec<Written>, E> {
    use rayon::prelude::*;
    let ctx = views::Ctx::new(input);
    let specs = views::specs(input);
    let pages: Vec<Vec<Written>> = specs
        .par_iter()
        .map(|spec| -> Result<Vec<Written>, E> {
            let page = views::page(&ctx, spec);
            let mut out = Vec::with_capacity(2);
            for (ext, tera) in [("html", &templates.html), ("md", &templates.md)] {
                let template = format!("{}.{ext}", page.template);
                let failed = |e: &dyn std::error::Error| RenderError {
                    template: template.clone(),
                    message: error_chain(e),
                };
                let context =
                    tera::Context::from_serialize(&page.context).map_err(|e| failed(&e))?;
                let text = tera.render(&template, &context).map_err(|e| failed(&e))?;
                out.push(write(OutputFile {
                    path: match ext {
                        "html" => page.path.html(),
                        _ => page.path.md(),
                    },
                    bytes: text.into_bytes(),
                })?);
            }
            Ok(out)
        })
        .collect::<Result<_, E>>()?;
    let mut written: Vec<Written> = pages.into_iter().flatten().collect();
    for file in download::registers(input)
        .into_iter()
        .chain(download::issues(input))
    {
        written.push(write(file)?);
    }
    for (name, bytes) in templates.assets() {
        written.push(write(OutputFile {
            path: paths::asset(&name),
            bytes,
        })?);
    }
    Ok(written)
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
