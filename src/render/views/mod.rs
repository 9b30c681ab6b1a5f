//! The view model of each page: plain, already-formatted values for the templates.
//! This module lists the pages ([`specs`]) and holds the context every page model is made
//! from ([`Ctx`], with its formatting helpers); each page's model is in its own file.

mod common;
mod css;
mod department;
mod figures;
mod history;
mod items_table;
mod letter;
mod method;
mod overview;
mod people;
mod period;
mod quality;
mod record;
mod register;
mod rows;
mod todo;
mod trend;

use serde::Serialize;

use crate::privacy;
use crate::render::format::{self, Lang};
use crate::render::paths::PagePath;
use crate::render::RenderInput;
use crate::report::{PeriodKind, PeriodReport};
use crate::words::{words, Words};

pub(crate) use common::PageAsOf;
use common::{Common, Link, Target};

/// One page to render: its template (without extension), its path (without extension)
/// and its view model.
pub(crate) struct Page {
    /// The template's name, without `.html` or `.md`.
    pub template: &'static str,
    /// Where the page goes in the site, without `.html` or `.md`.
    pub path: PagePath,
    /// The view model the template is filled from.
    pub context: serde_json::Value,
}

/// What every page's view model is made from.
pub(crate) struct Ctx<'a> {
    input: &'a RenderInput<'a>,
    lang: Lang,
    t: &'static Words,
    step_names: Vec<String>,
    ids: Vec<String>,
    /// Which steps (then `end_to_end`) run on the office clock.
    office: Vec<bool>,
}

impl<'a> Ctx<'a> {
    /// The context of a site.
    pub(crate) fn new(input: &'a RenderInput<'a>) -> Ctx<'a> {
        let lang = input.presentation.lang;
        let t = words(lang);
        let model = &input.report.model;
        let mut step_names: Vec<String> = model.steps.iter().map(|s| s.name.clone()).collect();
        step_names.push(t["end_to_end"].clone());
        Ctx {
            input,
            lang,
            step_names,
            ids: model.ids().map(str::to_string).collect(),
            office: model.office_steps(),
            t,
        }
    }
}

/// One page of the site, by what it shows (periods by index in the report).
pub(crate) enum Spec {
    Index,
    Period {
        period: usize,
        prev: Option<usize>,
        next: Option<usize>,
    },
    Department {
        period: usize,
        prev: Option<usize>,
        next: Option<usize>,
        department: usize,
    },
    /// Page `page` (from 2) of a department's register in a week.
    Register {
        period: usize,
        department: usize,
        page: usize,
    },
    History {
        name: String,
        slug: String,
    },
    Quality,
    Method,
    /// A month's letter to the Wali Kota's office and the Perangkat Daerah (months only).
    Letter {
        period: usize,
    },
}

/// Every page of the site.
pub(crate) fn specs(input: &RenderInput<'_>) -> Vec<Spec> {
    let periods = &input.report.periods;
    let mut specs = vec![Spec::Index];
    for kind in [PeriodKind::Week, PeriodKind::Month] {
        let of_kind: Vec<usize> = (0..periods.len())
            .filter(|&i| periods[i].kind == kind)
            .collect();
        for (k, &period) in of_kind.iter().enumerate() {
            let prev = k.checked_sub(1).map(|j| of_kind[j]);
            let next = of_kind.get(k + 1).copied();
            specs.push(Spec::Period { period, prev, next });
            for (department, d) in periods[period].departments.iter().enumerate() {
                specs.push(Spec::Department {
                    period,
                    prev,
                    next,
                    department,
                });
                // Only a week's page lists every item (see `department`).
                let rows = input.presentation.pages.register_rows;
                let pages = match kind {
                    PeriodKind::Week => register::page_count(d.stats.items, rows),
                    PeriodKind::Month => 1,
                };
                for page in 2..=pages {
                    specs.push(Spec::Register {
                        period,
                        department,
                        page,
                    });
                }
            }
        }
    }
    for (name, slug) in &input.report.slugs {
        specs.push(Spec::History {
            name: name.clone(),
            slug: slug.clone(),
        });
    }
    specs.push(Spec::Quality);
    specs.push(Spec::Method);
    specs.extend(letter::letter_specs(periods));
    specs
}

/// The page of a spec, with its view model.
pub(crate) fn page(ctx: &Ctx<'_>, spec: &Spec) -> Page {
    let periods = &ctx.input.report.periods;
    let at = |i: Option<usize>| i.map(|i| &periods[i]);
    let page = match spec {
        Spec::Index => overview::index_page(ctx),
        Spec::Period { period, prev, next } => {
            period::period_page(ctx, &periods[*period], at(*prev), at(*next))
        }
        Spec::Department {
            period,
            prev,
            next,
            department,
        } => {
            let d = &periods[*period].departments[*department];
            department::department_page(
                ctx,
                &periods[*period],
                &d.name,
                &d.slug,
                at(*prev),
                at(*next),
            )
        }
        Spec::Register {
            period,
            department,
            page,
        } => {
            let d = &periods[*period].departments[*department];
            register::register_page(ctx, &periods[*period], &d.name, &d.slug, *page)
        }
        Spec::History { name, slug } => history::history_page(ctx, name, slug),
        Spec::Quality => quality::quality_page(ctx),
        Spec::Method => method::method_page(ctx),
        Spec::Letter { period } => letter::letter_page(ctx, &periods[*period]),
    };
    let page = letter::with_letter_link(ctx, spec, page);
    with_downloads(ctx, spec, with_record(ctx, spec, page))
}

/// A period, department or history page with its download links (`downloads`, shown by
/// `templates/downloads.html` and `.md`) added to its view model.
fn with_downloads(ctx: &Ctx<'_>, spec: &Spec, mut page: Page) -> Page {
    use crate::render::download;
    let periods = &ctx.input.report.periods;
    let links = match spec {
        Spec::Period { period, .. } => download::period_links(ctx.lang, &periods[*period]),
        Spec::Department {
            period, department, ..
        }
        | Spec::Register {
            period, department, ..
        } => {
            let p = &periods[*period];
            download::department_links(ctx.lang, p, &p.departments[*department].slug)
        }
        Spec::History { name, slug } => download::history_links(ctx.input, name, slug),
        _ => return page,
    };
    if let Some(map) = page.context.as_object_mut() {
        map.insert("downloads".into(), to_value(links));
    }
    page
}

/// A period or department page with its printed record (`record`: letterhead, number,
/// signatures; issue 12) added to its view model.
fn with_record(ctx: &Ctx<'_>, spec: &Spec, mut page: Page) -> Page {
    let (period, department) = match spec {
        Spec::Period { period, .. } => (&ctx.input.report.periods[*period], None),
        Spec::Department {
            period, department, ..
        } => {
            let p = &ctx.input.report.periods[*period];
            (p, Some(&p.departments[*department]))
        }
        _ => return page,
    };
    let at = ctx.page_as_of(period, department);
    let record = ctx.record(period, "../../", at);
    if let (Some(record), Some(map)) = (record, page.context.as_object_mut()) {
        map.insert("record".into(), to_value(record));
    }
    page
}

impl Ctx<'_> {
    fn period_title(&self, p: &PeriodReport) -> String {
        match p.kind {
            PeriodKind::Week => {
                use chrono::Datelike;
                crate::words::fill(
                    &self.t["week_title"],
                    &[
                        ("n", &p.start.iso_week().week().to_string()),
                        ("range", &format::day_range(self.lang, p.start, p.end)),
                    ],
                )
            }
            PeriodKind::Month => {
                use chrono::Datelike;
                format!(
                    "{} {}",
                    self.t["month"],
                    format::month(self.lang, p.start.year(), p.start.month())
                )
            }
        }
    }

    fn period_range(&self, p: &PeriodReport) -> String {
        format!(
            "{} – {}",
            format::date_only(self.lang, p.start),
            format::date_only(self.lang, p.end)
        )
    }

    fn duration(&self, s: Option<i64>) -> String {
        s.map(|s| format::duration(self.lang, s))
            .unwrap_or_else(|| "–".into())
    }

    /// The clock step `index` runs on (past the configured steps: `end_to_end`).
    fn clock_of(&self, index: usize) -> crate::calendar::Clock {
        let model = &self.input.report.model;
        model
            .steps
            .get(index)
            .map_or(model.end_to_end_clock, |s| s.clock)
    }

    /// A duration of step `index` on its own clock: working time is written in hours,
    /// never days ([`format::working_duration`]).
    fn step_duration(&self, index: usize, s: Option<i64>) -> String {
        match (s, self.clock_of(index)) {
            (Some(s), crate::calendar::Clock::Office) => format::working_duration(self.lang, s),
            _ => self.duration(s),
        }
    }

    /// The numbers of a group of items, with the continuous figures beside the steps on
    /// the office clock, as the report's own groups have them.
    fn aggregate<'j>(
        &self,
        items: impl Iterator<Item = &'j crate::sop::Judged>,
    ) -> crate::report::GroupStats {
        let report = &self.input.report;
        let continuous_of =
            crate::report::continuous_of(&self.input.ledger.items, &report.model, report.as_of);
        crate::report::aggregate_clocks(items, &self.ids, &self.office, continuous_of)
    }

    fn int(&self, n: u64) -> String {
        format::integer(self.lang, n)
    }

    /// A name or identifier from the data (ticket id, department, admin, file), masked
    /// unless the office turned masking off: it may be a phone number or NIK.
    fn shown(&self, text: &str) -> String {
        privacy::shown(text, self.input.presentation.mask_personal_data).into_owned()
    }

    /// The older `[signature]` block, when the office configured one: signed under
    /// period and department pages when `[record]` names no signer.
    fn signature(&self) -> Option<&crate::config::Signature> {
        self.input.presentation.signature.as_ref()
    }
}

fn to_value(v: impl Serialize) -> serde_json::Value {
    serde_json::to_value(v).expect("view models serialise")
}

/// The unit of the render cache a spec's page belongs to (issue 13): its period's own
/// files, or its department's pages in the period. `None` for the pages of the whole
/// site, always rendered.
pub(crate) fn unit_of(spec: &Spec) -> Option<crate::render::cache::Unit> {
    match *spec {
        Spec::Period { period, .. } | Spec::Letter { period } => {
            Some(crate::render::cache::Unit::Period(period))
        }
        Spec::Department {
            period, department, ..
        }
        | Spec::Register {
            period, department, ..
        } => Some(crate::render::cache::Unit::Department(period, department)),
        Spec::Index | Spec::History { .. } | Spec::Quality | Spec::Method => None,
    }
}

/// The other periods (by index) the pages and downloads of a period show something of
/// (issue 13, the render cache keys a period's files with what they show of these; a page
/// that shows anything else of another period must add it here).
pub(crate) struct Neighbours {
    /// Periods whose numbers are shown: the one before (the changes since it), the periods
    /// of the trend charts, and for a month the weeks that overlap it (its departments'
    /// pages link to their weeks with their counts).
    pub(crate) numbers: Vec<usize>,
    /// Periods only linked to, by their title, on the pages of the departments they have:
    /// the one after.
    pub(crate) links: Vec<usize>,
    /// Periods into whose registers the period's search entries point (the page and the
    /// anchor of each item's row): for a month, the weeks that overlap it.
    pub(crate) registers: Vec<usize>,
}

/// What the pages and downloads of `period` show of other periods.
pub(crate) fn neighbours(input: &RenderInput<'_>, period: usize) -> Neighbours {
    let periods = &input.report.periods;
    let p = &periods[period];
    let ctx = Ctx::new(input);
    let of_kind: Vec<usize> = (0..periods.len())
        .filter(|&i| periods[i].kind == p.kind)
        .collect();
    let at = of_kind.iter().position(|&i| i == period);
    let mut numbers: Vec<usize> = Vec::new();
    let mut links: Vec<usize> = Vec::new();
    if let Some(k) = at {
        numbers.extend(k.checked_sub(1).map(|j| of_kind[j]));
        links.extend(of_kind.get(k + 1).copied());
    }
    let by_start = |start| of_kind.iter().copied().find(|&i| periods[i].start == start);
    numbers.extend(ctx.slots(p).iter().filter_map(|s| by_start(s.start)));
    let mut registers: Vec<usize> = Vec::new();
    if p.kind == PeriodKind::Month {
        registers.extend(
            (0..periods.len())
                .filter(|&i| periods[i].kind == PeriodKind::Week)
                .filter(|&i| periods[i].start <= p.end && periods[i].end >= p.start),
        );
        numbers.extend(&registers);
    }
    numbers.retain(|&i| i != period);
    numbers.sort_unstable();
    numbers.dedup();
    Neighbours {
        numbers,
        links,
        registers,
    }
}

/// What every period's pages may show of the whole site, as text for the render cache's
/// key: the step model, the zone, the departments and their slugs, where each kind of
/// period starts (the trend charts' first slot) and which actor fields the data has.
pub(crate) fn site_wide(input: &RenderInput<'_>) -> String {
    let ctx = Ctx::new(input);
    let report = &input.report;
    let first = |kind| {
        report
            .periods
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.start)
            .min()
    };
    let actors: Vec<(crate::model::Field, bool)> = report
        .model
        .steps
        .iter()
        .filter_map(|s| s.actor)
        .map(|f| (f, ctx.field_in_data(f)))
        .collect();
    format!(
        "{:?}\n{:?}\n{:?}\n{:?} {:?}\n{actors:?}",
        report.model,
        report.zone,
        report.slugs,
        first(PeriodKind::Week),
        first(PeriodKind::Month),
    )
}
