//! patuh reads the weekly complaint-handling exports of a city communications office
//! (CSV, XLSX, XLSB, XLS, ODS), turns them into one ledger of items, and measures them
//! against the office's SOP time standards.
//!
//! The pipeline, one module per stage (ARCHITECTURE.md):
//! [`config`] reads `patuh.toml` → [`discover`] finds the exports → [`ingest`] reads them
//! into a [`ingest::Ledger`] of items and data issues → [`sop`] judges every step of every
//! item → [`report`] aggregates periods and departments → [`render`] makes the pages,
//! registers and downloads → [`site`] publishes them whole. [`mod@check`] reports on a
//! ledger in the terminal. [`check()`] and [`build()`] run the pipeline for the two
//! commands.

pub mod calendar;
pub mod check;
pub mod config;
pub mod discover;
pub mod error;
pub mod hash;
pub mod ingest;
pub mod init;
pub mod issues;
pub mod manifest;
pub mod model;
pub mod names;
pub mod privacy;
pub mod progress;
pub mod render;
pub mod report;
pub mod site;
pub mod sop;
pub mod text;
pub mod timestamp;
pub mod words;

use std::path::{Path, PathBuf};

/// Reading: finds and reads the exports of `data_dir` (skipping `out_dir` if it lies
/// inside), with `now` the moment of the run (later timestamps are typos), counting the
/// files read in `progress`.
pub fn read_exports(
    data_dir: &Path,
    config: &config::Config,
    out_dir: Option<&Path>,
    now: model::Instant,
    progress: &progress::Progress,
) -> Result<ingest::Ledger, error::Error> {
    read_with_cache(data_dir, config, out_dir, now, None, progress)
}

/// [`read_exports`], taking the exports read before from `cache` when there is one.
fn read_with_cache(
    data_dir: &Path,
    config: &config::Config,
    out_dir: Option<&Path>,
    now: model::Instant,
    cache: Option<&ingest::ExportCache>,
    progress: &progress::Progress,
) -> Result<ingest::Ledger, error::Error> {
    progress.enter(progress::Stage::Reading);
    let discovery = discover::find_exports(data_dir, &config.exclude, out_dir)?;
    progress.files(discovery.exports.len());
    let settings = ingest::ReadSettings::new(config, now);
    Ok(ingest::read_all(discovery, &settings, cache, progress)?)
}

/// The items of a ledger judged against the configured SOP model.
#[derive(Debug, Clone)]
pub struct Judgement {
    /// The step model.
    pub model: sop::SopModel,
    /// The as-of moment and where it came from (`None` when there are no items and none
    /// was given).
    pub as_of: Option<model::AsOf>,
    /// One judged entry per item.
    pub judged: Vec<sop::Judged>,
}

/// Judges the ledger's items at the as-of moment (`as_of` written on the command line,
/// else the configuration's, else the latest timestamp), and adds the data issues of the
/// steps that cannot be judged to the ledger.
pub fn judge(
    ledger: &mut ingest::Ledger,
    config: &config::Config,
    as_of: Option<&str>,
) -> Result<Judgement, error::Error> {
    let model = sop::SopModel::from_config(config);
    let as_of = sop::resolve_as_of(
        as_of,
        config.as_of.as_ref().map(|m| m.at),
        &ledger.items,
        config.timezone,
        config.date_order,
    )
    .map_err(error::Error::AsOf)?;
    let judged = match as_of {
        Some(at) => {
            let listed: Option<std::collections::HashSet<String>> =
                config.departments_closed.then(|| {
                    config
                        .departments
                        .keys()
                        .map(|name| ingest::normalize::tidy(name))
                        .collect()
                });
            sop::evaluate_listed(
                &ledger.items,
                &model,
                &config.labels,
                listed.as_ref(),
                at.at,
                config.timezone,
            )
        }
        None => Vec::new(),
    };
    let issues = sop::step_issues(&ledger.items, &judged, &model, &ledger.files);
    ledger.issues.extend(issues);
    if let Some(at) = as_of {
        let holidays = sop::holiday_issues(&ledger.items, &judged, &model, at.at, config.timezone);
        ledger.issues.extend(holidays);
    }
    Ok(Judgement {
        model,
        as_of,
        judged,
    })
}

/// What `patuh build` needs beyond the configuration.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The folder of exports.
    pub data_dir: PathBuf,
    /// The output folder.
    pub out_dir: PathBuf,
    /// `--as-of`, as written.
    pub as_of: Option<String>,
    /// The moment of the run.
    pub now: model::Instant,
    /// The folder under which each site's export cache is kept (the user's cache folder,
    /// `patuh/` in it); `None`: no export cache.
    pub cache_root: Option<PathBuf>,
}

/// What a build produced.
#[derive(Debug)]
pub struct BuildOutcome {
    /// Everything read.
    pub ledger: ingest::Ledger,
    /// The numbers.
    pub report: report::Report,
    /// The files written, relative to the output folder.
    pub files: Vec<String>,
    /// How many of them the site replaced held byte for byte, and were kept as they were.
    pub kept: usize,
    /// Of the groups of files made together (a period's own pages and downloads, a
    /// department's pages in a period), how many were kept from the site replaced
    /// without rendering because their inputs had not changed, and how many there were.
    pub reused: (usize, usize),
    /// How many exports were taken from the export cache instead of being read again.
    pub from_cache: usize,
    /// What changed since the site this build replaced; `None` when there was none (or
    /// its numbers cannot be read).
    pub since_last: Option<report::SinceLast>,
}

/// `patuh check`: reads the exports and judges them at the as-of moment (`as_of` as
/// written, else the configuration's, else the latest timestamp), and checks the
/// commentary files against the periods the report would have, writing nothing.
pub fn check(
    config: &config::Config,
    data_dir: &Path,
    as_of: Option<&str>,
    now: model::Instant,
    progress: &progress::Progress,
) -> Result<(ingest::Ledger, Judgement), error::Error> {
    let mut ledger = read_exports(data_dir, config, None, now, progress)?;
    let judgement = judge(&mut ledger, config, as_of)?;
    let labels: std::collections::BTreeSet<&str> = judgement
        .judged
        .iter()
        .flat_map(|j| [&*j.week, &*j.month])
        .collect();
    let commentary =
        ingest::commentary::read(data_dir, &ledger.discovery, |label| labels.contains(label));
    ledger.issues.extend(commentary.issues);
    Ok((ledger, judgement))
}

/// `patuh build`, the whole pipeline: open the output folder, read the exports, judge the
/// items, aggregate, render, publish; reporting its stages in `progress`.
pub fn build(
    config: &config::Config,
    options: &BuildOptions,
    progress: &progress::Progress,
) -> Result<BuildOutcome, error::Error> {
    let target = site::Target::open(&options.out_dir, Some(&options.data_dir))?;
    // Of the site being replaced, what tells what changed: its periods' numbers and its
    // calendar (not its summary's text, held through the build).
    let previous = target
        .previous()
        .map(|p| (report::PeriodNumbers::of(&p.summary), p.calendar));
    let settings = config.effective_json();
    // What each export yielded, kept for the next build (issue 13); not with
    // PATUH_CACHE=off.
    let cache = options
        .cache_root
        .as_deref()
        .filter(|_| !cache_disabled())
        .and_then(|root| ingest::ExportCache::open(&target.cache_dir(root), &settings));
    let mut ledger = read_with_cache(
        &options.data_dir,
        config,
        Some(target.dir()),
        options.now,
        cache.as_ref(),
        progress,
    )?;
    if let Some(cache) = &cache {
        cache.prune();
    }
    // An empty read over a previous site is a wrong folder, not a week without
    // complaints: keep the site.
    if ledger.items.is_empty() && site::is_site(target.dir()) {
        return Err(error::Error::NothingRead {
            data: options.data_dir.clone(),
            exports: ledger.files.len(),
            out: options.out_dir.clone(),
        });
    }
    ingest::check_departments(&ledger, config.limits.max_departments)?;
    progress.enter(progress::Stage::Judging);
    let mut judgement = judge(&mut ledger, config, options.as_of.as_deref())?;
    let report = report::assemble(
        &judgement.judged,
        &ledger.items,
        &judgement.model,
        ledger.rows,
        judgement.as_of,
        config.timezone,
    );
    let input_hashes = hash_inputs(&ledger);
    let commentary = ingest::commentary::read(&options.data_dir, &ledger.discovery, |label| {
        report.periods.iter().any(|p| p.label == label)
    });
    ledger.issues.extend(commentary.issues);
    let commentary = commentary.by_period;
    let template_dir = config
        .source
        .as_deref()
        .and_then(Path::parent)
        .map(|dir| dir.join("templates"));
    let templates =
        render::Templates::load(template_dir.as_deref()).map_err(error::Error::Template)?;
    progress.enter(progress::Stage::Rendering);
    let presentation = render::Presentation::of(config);
    let input = render::RenderInput {
        presentation: &presentation,
        judged: &judgement.judged,
        ledger: &ledger,
        report: &report,
        input_hashes: &input_hashes,
        commentary: &commentary,
        settings: &settings,
    };
    let staging = target.stage()?;
    let write = |file: site::OutputFile| staging.write(&file).map_err(error::Error::from);
    let reuse = |key: &str| staging.reuse(key).map_err(error::Error::from);
    let rendered = render::render_all(
        &input,
        &templates,
        &render::Sink {
            write: &write,
            reuse: &reuse,
        },
    )?;
    if let (Some(site_path), Some(name), Some(folder)) = (
        &presentation.logo,
        config.record.as_ref().and_then(|r| r.logo.as_deref()),
        config.source.as_deref().and_then(Path::parent),
    ) {
        // The letterhead's logo, beside patuh.toml (config.rs checked that it is there).
        let file = folder.join(name);
        let bytes = std::fs::read(&file).map_err(|source| error::Error::Logo { file, source })?;
        write(site::OutputFile {
            path: site_path.clone(),
            bytes,
        })?;
    }
    // The pages are written: the judged items are no longer needed. Freed before the
    // summary is written out (tens of megabytes at a million items), they are the end of a
    // build's peak of memory, not its top (issue 13).
    drop(std::mem::take(&mut judgement.judged));
    let summary = report::summary_json(&report, config.mask_personal_data);
    let calendar = config.calendar.as_ref().map(manifest::CalendarRecord::of);
    let since_last = previous.and_then(|(numbers, calendar_before)| {
        Some(report::SinceLast {
            periods: report::changed_periods(&numbers?, &report::PeriodNumbers::of(&summary)?),
            calendar_changed: calendar_before != calendar,
        })
    });
    write(site::OutputFile {
        path: render::paths::SUMMARY.into(),
        bytes: summary.into_bytes(),
    })?;
    progress.enter(progress::Stage::Publishing);
    let kept = staging.kept();
    let files = staging.commit(site::Provenance {
        config_sha256: hash::sha256_hex(settings.as_bytes()),
        inputs: input_hashes
            .iter()
            .map(|(path, sha256)| site::Written {
                path: privacy::shown(path, config.mask_personal_data).into_owned(),
                sha256: sha256.clone(),
            })
            .collect(),
        calendar,
        units: rendered.units,
    })?;
    Ok(BuildOutcome {
        ledger,
        report,
        files,
        kept,
        reused: (rendered.reused, rendered.total),
        from_cache: cache.map_or(0, |c| c.hits()),
        since_last,
    })
}

/// Whether the caches are turned off (`PATUH_CACHE=off`): every export is read and every
/// file rendered.
pub fn cache_disabled() -> bool {
    std::env::var("PATUH_CACHE").is_ok_and(|v| v == "off")
}

/// SHA-256 of every export read (of the very bytes read), by relative path.
fn hash_inputs(ledger: &ingest::Ledger) -> std::collections::BTreeMap<String, String> {
    ledger
        .files
        .iter()
        .map(|f| (f.file.clone(), f.sha256.clone()))
        .collect()
}
