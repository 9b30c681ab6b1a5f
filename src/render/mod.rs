//! Rendering: the report model → the pages of the site, as HTML and Markdown with the
//! same numbers (OUTPUT.md, issue "The report site").
//!
//! Builds a typed view model per page and fills the Tera templates; hands each file to
//! the caller as it is made (publishing writes them; rendering writes nothing). Every number and date is formatted by [`mod@format`], once, so both
//! formats show the same text.

pub mod cache;
pub mod charts;
pub mod download;
pub mod format;
pub mod markdown;
pub mod paths;
pub mod search;
pub mod templates;
mod views;
pub mod xlsx;

use std::collections::BTreeMap;

use crate::config::{Config, Labels, Record, Signature};
use crate::ingest::Ledger;
use crate::manifest::{Unit, UnitFile, Written};
use crate::report::Report;
use crate::sop::Judged;
use crate::words::Lang;

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
        .departments
        .iter()
        .find(|d| d.name == name)
        .map(|d| department_members(judged, d))
        .unwrap_or_default()
}

/// The judged items of department `d` of a period, in the period's order.
pub(crate) fn department_members<'a>(
    judged: &'a [crate::sop::Judged],
    d: &crate::report::DepartmentStats,
) -> Vec<&'a crate::sop::Judged> {
    d.members.iter().map(|&m| &judged[m]).collect()
}

/// How the office wants its pages presented: the few settings of `patuh.toml` that
/// rendering reads (the zone and the as-of moment travel with the [`Report`]).
#[derive(Debug, Clone)]
pub struct Presentation {
    /// The pages' language.
    pub lang: Lang,
    /// The office's name, in every page's header.
    pub office: String,
    /// Names of the pseudo-departments.
    pub labels: Labels,
    /// The signature under period pages, when configured.
    pub signature: Option<Signature>,
    /// Whether personal data is masked (UU 27/2022).
    pub mask_personal_data: bool,
    /// Whether only the listed departments are departments (the method page says so).
    pub departments_closed: bool,
    /// Target compliance in percent per step id (`[targets]`), drawn on the charts.
    pub targets: BTreeMap<String, f64>,
    /// The printed record: letterhead, document number, signers (`[record]`).
    pub record: Option<Record>,
    /// Where the letterhead's logo goes in the site (`assets/logo.png`), when configured.
    pub logo: Option<String>,
    /// Groups with fewer items are shown but not given a place in order (`[ranking]`).
    pub min_items: u64,
    /// How long a page may grow (`[pages]`).
    pub pages: crate::config::Pages,
    /// The delimiter of the CSV downloads: `csv_delimiter`, else `;` for Indonesian pages
    /// (Excel with Indonesian regional settings splits on it) and `,` for English ones.
    pub csv_delimiter: char,
}

impl Presentation {
    /// The presentation settings of a configuration.
    pub fn of(config: &Config) -> Presentation {
        Presentation {
            lang: config.lang,
            office: config.office.clone(),
            labels: config.labels.clone(),
            signature: config.signature.clone(),
            mask_personal_data: config.mask_personal_data,
            departments_closed: config.departments_closed,
            targets: config.targets.clone(),
            record: config.record.clone(),
            logo: config
                .record
                .as_ref()
                .and_then(|r| r.logo.as_deref())
                .map(logo_path),
            min_items: config.ranking.min_items,
            pages: config.pages,
            csv_delimiter: config.csv_delimiter.unwrap_or(match config.lang {
                Lang::Id => ';',
                Lang::En => ',',
            }),
        }
    }
}

/// Where the letterhead's logo `name` (a file beside `patuh.toml`) goes in the site:
/// `assets/<its file name>`.
pub fn logo_path(name: &str) -> String {
    let file = std::path::Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    paths::asset(&file)
}

/// Everything the pages show.
pub struct RenderInput<'a> {
    /// How the pages are presented.
    pub presentation: &'a Presentation,
    /// The numbers: periods, departments, the step model, the zone and the as-of moment.
    pub report: &'a Report,
    /// The judged items (the report's periods index into them).
    pub judged: &'a [Judged],
    /// What was read: the items' text for the registers, the files and data issues for
    /// the data-quality page.
    pub ledger: &'a Ledger,
    /// SHA-256 of each input file, by relative path.
    pub input_hashes: &'a BTreeMap<String, String>,
    /// The office's commentary per period label (Markdown).
    pub commentary: &'a BTreeMap<String, String>,
    /// The whole effective configuration, as [`Config::effective_json`] writes it: part of
    /// the render cache's key.
    pub settings: &'a str,
}

/// Rendering failed: a template (usually a user's override) is broken (told in either
/// language; `Display` is the English text).
#[derive(Debug, thiserror::Error)]
pub struct RenderError {
    /// The template's name.
    pub template: String,
    /// Tera's message with its causes.
    pub message: String,
}

impl crate::words::Describe for RenderError {
    fn describe(&self, lang: crate::words::Lang) -> String {
        crate::words::say(
            lang,
            "err_render",
            &[("template", &self.template), ("message", &self.message)],
        )
    }
}

impl std::fmt::Display for RenderError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::Describe::describe(
            self,
            crate::words::Lang::En,
        ))
    }
}

/// Keeps the previous files of a key (see [`Sink`]).
pub type Reuse<'s, E> = dyn Fn(&str) -> Result<Option<Vec<UnitFile>>, E> + Sync + 's;

/// Where rendered files go. `write` puts a file in the new site; `reuse` keeps, as they
/// are, the files the site being replaced made from the inputs of a key (see
/// [`cache`]), giving them, or `None` when it has none to keep.
pub struct Sink<'s, E> {
    /// Writes one file.
    pub write: &'s (dyn Fn(OutputFile) -> Result<Written, E> + Sync),
    /// Keeps the previous files of a key.
    pub reuse: &'s Reuse<'s, E>,
}

/// What [`render_all`] did, for the manifest and the build's report.
#[derive(Debug)]
pub struct Rendered {
    /// The files of each unit of the cache ([`cache::Unit`]) with the key of its inputs.
    pub units: Vec<Unit>,
    /// How many of them were kept from the previous site without rendering.
    pub reused: usize,
    /// How many units there were in all.
    pub total: usize,
}

/// Renders every page of the site, plus its assets and registers, handing each file to
/// the sink as soon as it is made (pages are rendered in parallel). A unit of the cache
/// (a period's own files, a department's pages in a period, a department's register of a
/// year) whose files the previous site made from the same inputs keeps them instead
/// ([`cache`]).
pub fn render_all<E: From<RenderError> + Send>(
    input: &RenderInput<'_>,
    templates: &Templates,
    sink: &Sink<'_, E>,
) -> Result<Rendered, E> {
    use rayon::prelude::*;
    let write = sink.write;
    let keys = cache::keys(input, templates);
    let units = keys.units();
    let reused: Vec<Option<Vec<UnitFile>>> = units
        .par_iter()
        .map(|(_, key)| match key {
            Some(key) if !crate::cache_disabled() => (sink.reuse)(key),
            _ => Ok(None),
        })
        .collect::<Result<_, E>>()?;
    let reused_count = reused.iter().filter(|r| r.is_some()).count();
    // Whether a unit's files were kept from the previous site; the others are made.
    let kept = |unit: cache::Unit| keys.slot(unit).is_some_and(|slot| reused[slot].is_some());
    let to_render = |unit: Option<cache::Unit>| !unit.is_some_and(kept);
    // Each file made, with the unit it belongs to.
    let made = |unit: Option<cache::Unit>,
                file: OutputFile|
     -> Result<(Option<cache::Unit>, UnitFile), E> {
        let made = UnitFile {
            path: file.path.clone(),
            bytes: file.bytes.len() as u64,
        };
        write(file)?;
        Ok((unit, made))
    };
    let ctx = views::Ctx::new(input);
    let specs = views::specs(input);
    let pages: Vec<Vec<(Option<cache::Unit>, UnitFile)>> = specs
        .par_iter()
        .filter(|spec| to_render(views::unit_of(spec)))
        .map(|spec| -> Result<_, E> {
            let unit = views::unit_of(spec);
            let page = views::page(&ctx, spec);
            let mut out = Vec::with_capacity(2);
            // One context for both formats, the view model moved into it (no copy).
            let context = tera::Context::from_value(page.context).map_err(|e| RenderError {
                template: page.template.to_string(),
                message: error_chain(&e),
            })?;
            for (ext, tera) in [("html", &templates.html), ("md", &templates.md)] {
                let template = format!("{}.{ext}", page.template);
                let failed = |e: &dyn std::error::Error| RenderError {
                    template: template.clone(),
                    message: error_chain(e),
                };
                let text = tera.render(&template, &context).map_err(|e| failed(&e))?;
                let path = match ext {
                    "html" => page.path.html(),
                    _ => page.path.md(),
                };
                out.push(made(
                    unit,
                    OutputFile {
                        path,
                        bytes: text.into_bytes(),
                    },
                )?);
            }
            Ok(out)
        })
        .collect::<Result<_, E>>()?;
    // The downloads of each period and department, in parallel: at a million items, every
    // item is in a week's and a month's workbook and in a register of its year.
    let downloads: Vec<Vec<(Option<cache::Unit>, UnitFile)>> = download::jobs(input)
        .par_iter()
        .filter(|job| to_render(job.unit()))
        .map(|job| {
            job.files(input)?
                .into_iter()
                .map(|file| made(job.unit(), file))
                .collect()
        })
        .collect::<Result<_, E>>()?;
    // The search index: a month's shards are part of its files.
    let shards = search::write_files(input, &|m| kept(cache::Unit::Period(m)), &made)?;
    // The files of each unit: kept, or made now.
    let mut files: Vec<Vec<UnitFile>> = reused.into_iter().map(Option::unwrap_or_default).collect();
    for (unit, file) in pages.into_iter().chain(downloads).flatten().chain(shards) {
        if let Some(slot) = unit.and_then(|u| keys.slot(u)) {
            files[slot].push(file);
        }
    }
    let total = units.len();
    let units: Vec<Unit> = units
        .iter()
        .zip(files)
        .filter_map(|((_, key), mut files)| {
            files.sort_by(|a, b| a.path.cmp(&b.path));
            Some(Unit {
                key: key.clone()?,
                files,
            })
        })
        .collect();
    if let Some(file) = download::issues(input) {
        write(file)?;
    }
    for (name, mut bytes) in templates.assets() {
        if name == "style.css" {
            bytes.extend(ctx.phone_labels_css().into_bytes());
        }
        write(OutputFile {
            path: paths::asset(&name),
            bytes,
        })?;
    }
    Ok(Rendered {
        total,
        units,
        reused: reused_count,
    })
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
