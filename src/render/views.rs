//! The view model of each page: plain, already-formatted values for the templates.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::AppliesTo;
use crate::ingest::SheetOutcome;
use crate::issues::{DataIssue, IssueKind};
use crate::model::Stamp;
use crate::privacy;
use crate::render::charts::{self, DurationRow, TrendPoint};
use crate::render::format::{self, Lang};
use crate::render::markdown;
use crate::render::RenderInput;
use crate::report::{aggregate, GroupStats, PeriodKind, PeriodReport};
use crate::sop::{Judged, Status};
use crate::words::{key_of, words, Words};

/// One page to render: its template (without extension), its path (without extension)
/// and its view model.
pub(crate) struct Page {
    pub template: &'static str,
    pub path: String,
    pub context: serde_json::Value,
}

/// Issues of one kind listed on the data-quality page; all are in its download.
const ISSUES_SHOWN_PER_KIND: usize = 200;

/// Longest citizen's text shown in a table, in characters.
const TEXT_SHOWN: usize = 160;

#[derive(Serialize, Clone)]
struct Link {
    href: String,
    label: String,
}

#[derive(Serialize)]
struct Common<'a> {
    lang: &'static str,
    t: &'a Words,
    root: String,
    office: &'a str,
    title: String,
    as_of: String,
    print_period: String,
    /// The header of every printed page, as a CSS string literal.
    print_header_css: String,
    up: Option<Link>,
    prev: Option<Link>,
    next: Option<Link>,
    generator: String,
}

#[derive(Serialize, Clone)]
struct StepRow {
    id: String,
    name: String,
    limit: String,
    met: String,
    breached: String,
    overdue: String,
    pending: String,
    invalid: String,
    unmeasurable: String,
    not_applicable: String,
    compliance: String,
    compliance_tenths: Option<u64>,
    median: String,
    p90: String,
    max: String,
    change: String,
}

#[derive(Serialize, Clone)]
struct GroupRow {
    name: String,
    href: Option<String>,
    rank: Option<usize>,
    items: String,
    steps: Vec<String>,
    overdue: String,
    compliance: String,
    compliance_tenths: Option<u64>,
}

#[derive(Serialize, Clone)]
struct ItemStep {
    status_key: &'static str,
    status: String,
    duration: String,
    /// Judged from a date without a time (read as midnight): marked `*`.
    date_only: bool,
}

#[derive(Serialize, Clone)]
struct ItemRow {
    id: String,
    url: Option<String>,
    department: String,
    posted: String,
    channel: String,
    kind: String,
    admin: String,
    text: String,
    steps: Vec<ItemStep>,
    /// Whether a step is marked as judged from a date without a time (the table then
    /// explains the mark).
    date_only: bool,
    exception: bool,
}

/// What every page's view model is made from.
pub(crate) struct Ctx<'a> {
    input: &'a RenderInput<'a>,
    lang: Lang,
    t: &'static Words,
    step_names: Vec<String>,
    ids: Vec<String>,
}

impl<'a> Ctx<'a> {
    /// The context of a site.
    pub(crate) fn new(input: &'a RenderInput<'a>) -> Ctx<'a> {
        let lang = input.config.lang;
        let t = words(lang);
        let model = &input.judgement.model;
        let mut step_names: Vec<String> = model.steps.iter().map(|s| s.name.clone()).collect();
        step_names.push(t["end_to_end"].clone());
        Ctx {
            input,
            lang,
            step_names,
            ids: model.ids().map(str::to_string).collect(),
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
    History {
        name: String,
        slug: String,
    },
    Quality,
    Method,
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
            for department in 0..periods[period].departments.len() {
                specs.push(Spec::Department {
                    period,
                    prev,
                    next,
                    department,
                });
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
    specs
}

/// The page of a spec, with its view model.
pub(crate) fn page(ctx: &Ctx<'_>, spec: &Spec) -> Page {
    let periods = &ctx.input.report.periods;
    let at = |i: Option<usize>| i.map(|i| &periods[i]);
    match spec {
        Spec::Index => index_page(ctx),
        Spec::Period { period, prev, next } => {
            period_page(ctx, &periods[*period], at(*prev), at(*next))
        }
        Spec::Department {
            period,
            prev,
            next,
            department,
        } => {
            let d = &periods[*period].departments[*department];
            department_page(
                ctx,
                &periods[*period],
                &d.name,
                &d.slug,
                at(*prev),
                at(*next),
            )
        }
        Spec::History { name, slug } => history_page(ctx, name, slug),
        Spec::Quality => quality_page(ctx),
        Spec::Method => method_page(ctx),
    }
}

fn period_dir(p: &PeriodReport) -> String {
    match p.kind {
        PeriodKind::Week => format!("minggu/{}", p.label),
        PeriodKind::Month => format!("bulan/{}", p.label),
    }
}

impl Ctx<'_> {
    fn common(&self, root: &str, title: String, print_period: String) -> Common<'_> {
        let zone = self.input.config.timezone;
        let as_of = self
            .input
            .judgement
            .as_of
            .map(|a| format::moment(self.lang, zone, a))
            .unwrap_or_else(|| "–".into());
        let mut header = format!("{} · ", self.input.config.office);
        if print_period.starts_with(&title) {
            header.push_str(&print_period);
        } else if print_period.is_empty() {
            header.push_str(&title);
        } else {
            header.push_str(&format!("{title} · {print_period}"));
        }
        header.push_str(&format!(" · {} {as_of}", self.t["as_of"]));
        Common {
            print_header_css: css_string(&header),
            lang: self.lang.code(),
            t: self.t,
            root: root.to_string(),
            office: &self.input.config.office,
            title,
            as_of,
            print_period,
            up: None,
            prev: None,
            next: None,
            generator: format!("patuh {}", env!("CARGO_PKG_VERSION")),
        }
    }

    fn period_title(&self, p: &PeriodReport) -> String {
        match p.kind {
            PeriodKind::Week => format!("{} {}", self.t["week"], p.label),
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

    fn int(&self, n: u64) -> String {
        format::integer(self.lang, n)
    }

    /// A name or identifier from the data (ticket id, department, admin, file), masked
    /// unless the office turned masking off: it may be a phone number or NIK.
    fn shown(&self, text: &str) -> String {
        privacy::shown(text, self.input.config.mask_personal_data).into_owned()
    }

    fn step_rows(&self, stats: &GroupStats, previous: Option<&GroupStats>) -> Vec<StepRow> {
        let model = &self.input.judgement.model;
        stats
            .steps
            .iter()
            .enumerate()
            .map(|(i, (id, s))| {
                let judged = s.met + s.breached;
                let tenths = format::percent_tenths(s.met, judged);
                let change = previous
                    .and_then(|p| {
                        let ps = &p.steps[i].1;
                        format::percent_tenths(ps.met, ps.met + ps.breached)
                    })
                    .zip(tenths)
                    .map(|(before, now)| {
                        let d = now as i64 - before as i64;
                        let sign = if d > 0 {
                            "+"
                        } else if d < 0 {
                            "−"
                        } else {
                            "±"
                        };
                        let sep = if self.lang == Lang::Id { "," } else { "." };
                        format!(
                            "{sign}{}{sep}{} {}",
                            d.abs() / 10,
                            d.abs() % 10,
                            self.t["points"]
                        )
                    })
                    .unwrap_or_else(|| "–".into());
                let limit = match model.steps.get(i) {
                    Some(step) => format::duration(self.lang, step.limit_s),
                    None => self.t["end_to_end_limit"].clone(),
                };
                StepRow {
                    id: id.clone(),
                    name: self.step_names[i].clone(),
                    limit,
                    met: self.int(s.met),
                    breached: self.int(s.breached),
                    overdue: self.int(s.overdue),
                    pending: self.int(s.pending),
                    invalid: self.int(s.invalid),
                    unmeasurable: self.int(s.unmeasurable),
                    not_applicable: self.int(s.not_applicable),
                    compliance: format::percent(self.lang, s.met, judged),
                    compliance_tenths: tenths,
                    median: self.duration(s.median_s),
                    p90: self.duration(s.p90_s),
                    max: self.duration(s.max_s),
                    change,
                }
            })
            .collect()
    }

    fn group_row(&self, name: &str, href: Option<String>, stats: &GroupStats) -> GroupRow {
        let compliance =
            |s: &crate::report::StepStats| format::percent(self.lang, s.met, s.met + s.breached);
        let e2e = &stats.steps.last().expect("end_to_end is always there").1;
        GroupRow {
            name: self.shown(name),
            href,
            rank: None,
            items: self.int(stats.items),
            steps: stats.steps.iter().map(|(_, s)| compliance(s)).collect(),
            overdue: self.int(stats.overdue_items),
            compliance: compliance(e2e),
            compliance_tenths: format::percent_tenths(e2e.met, e2e.met + e2e.breached),
        }
    }

    /// Departments of a period: the ranked ones (by end-to-end compliance, no value last,
    /// ties by name) and the pseudo-departments apart.
    fn ranked(&self, period: &PeriodReport, root: &str) -> (Vec<GroupRow>, Vec<GroupRow>) {
        let dir = period_dir(period);
        let mut ranked: Vec<(&crate::report::DepartmentStats, Option<f64>)> = period
            .departments
            .iter()
            .filter(|d| !d.pseudo)
            .map(|d| (d, d.stats.steps.last().and_then(|(_, s)| s.compliance_pct)))
            .collect();
        ranked.sort_by(|a, b| match (a.1, b.1) {
            (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.0.name.cmp(&b.0.name)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.0.name.cmp(&b.0.name),
        });
        let rows = ranked
            .iter()
            .enumerate()
            .map(|(i, (d, _))| {
                let mut row = self.group_row(
                    &d.name,
                    Some(format!("{root}{dir}/{}.html", d.slug)),
                    &d.stats,
                );
                row.rank = Some(i + 1);
                row
            })
            .collect();
        let pseudo = period
            .departments
            .iter()
            .filter(|d| d.pseudo)
            .map(|d| {
                self.group_row(
                    &d.name,
                    Some(format!("{root}{dir}/{}.html", d.slug)),
                    &d.stats,
                )
            })
            .collect();
        (rows, pseudo)
    }

    fn item_row(&self, j: &Judged) -> ItemRow {
        let item = &self.input.ledger.items[j.item];
        let zone = self.input.config.timezone;
        let shown = privacy::start_of(
            item.text.as_deref().unwrap_or(""),
            TEXT_SHOWN,
            self.input.config.mask_personal_data,
        );
        let url = item
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .filter(|u| !(self.input.config.mask_personal_data && privacy::has_personal_data(u)))
            .map(str::to_string);
        ItemRow {
            id: item
                .id
                .as_deref()
                .map(|id| self.shown(id))
                .unwrap_or_else(|| "–".into()),
            url,
            department: self.shown(&j.group.name),
            posted: item
                .stamps
                .get(Stamp::PostedAt)
                .map(|t| format::short_moment(self.lang, zone, t))
                .unwrap_or_else(|| "–".into()),
            channel: item
                .channel
                .map(|c| c.label().to_string())
                .unwrap_or_else(|| "–".into()),
            kind: item
                .kind
                .map(|k| format!("{k:?}").to_lowercase())
                .unwrap_or_else(|| "–".into()),
            admin: item
                .admin
                .as_deref()
                .map(|a| self.shown(a))
                .unwrap_or_else(|| "–".into()),
            text: shown,
            steps: j
                .steps
                .iter()
                .map(|r| {
                    let key = r.status.key();
                    ItemStep {
                        status_key: key,
                        status: self.t[key].clone(),
                        duration: self.duration(r.duration_s),
                        date_only: r.date_only,
                    }
                })
                .collect(),
            date_only: j.steps.iter().any(|r| r.date_only),
            exception: is_exception(j),
        }
    }

    /// Items of a period (or department), exceptions first, then by posting time.
    fn item_rows<'j>(&self, members: impl Iterator<Item = &'j Judged>) -> Vec<ItemRow> {
        let mut judged: Vec<&Judged> = members.collect();
        let items = &self.input.ledger.items;
        judged.sort_by_key(|j| {
            (
                !is_exception(j),
                items[j.item].stamps.get(Stamp::PostedAt),
                j.item,
            )
        });
        judged.into_iter().map(|j| self.item_row(j)).collect()
    }

    /// Breakdown of a period's items by some key (channel, kind, admin).
    fn breakdown(&self, members: &[usize], key: impl Fn(&Judged) -> String) -> Vec<GroupRow> {
        let judged = &self.input.judgement.judged;
        let mut groups: BTreeMap<String, Vec<&Judged>> = BTreeMap::new();
        for &m in members {
            groups.entry(key(&judged[m])).or_default().push(&judged[m]);
        }
        groups
            .into_iter()
            .map(|(name, js)| self.group_row(&name, None, &aggregate(js.into_iter(), &self.ids)))
            .collect()
    }

    fn trend_svg(
        &self,
        id: &str,
        weeks: &[&PeriodReport],
        stats: impl Fn(&PeriodReport) -> Option<GroupStats>,
    ) -> String {
        let points: Vec<TrendPoint> = weeks
            .iter()
            .map(|p| {
                let e2e = stats(p).map(|s| s.steps.last().expect("end_to_end").1.clone());
                let (tenths, shown) = match e2e {
                    Some(s) => (
                        format::percent_tenths(s.met, s.met + s.breached),
                        format::percent(self.lang, s.met, s.met + s.breached),
                    ),
                    None => (None, "–".into()),
                };
                TrendPoint {
                    label: p.label.split('-').nth(1).unwrap_or(&p.label).to_string(),
                    tenths,
                    shown,
                }
            })
            .collect();
        charts::trend(id, &self.t["trend"], &self.t["trend_alt"], &points)
    }

    /// The link up to the overview from a page `root` levels below it.
    fn overview_link(&self, root: &str) -> Link {
        Link {
            href: format!("{root}index.html"),
            label: self.t["overview"].clone(),
        }
    }

    /// The signature under period pages, when the office configured one.
    fn signature(&self) -> Option<&crate::config::Signature> {
        self.input.config.signature.as_ref()
    }
}

/// A CSS string literal of any text, safe inside a `<style>` element: quotes, backslashes,
/// line breaks and `<` are written as CSS escapes.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:X} ", c as u32)),
            c if crate::text::is_bidi_control(c) => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_exception(j: &Judged) -> bool {
    j.steps.iter().any(|r| {
        matches!(
            r.status,
            Status::Breached { .. } | Status::Invalid | Status::Unmeasurable
        )
    })
}

fn to_value(v: impl Serialize) -> serde_json::Value {
    serde_json::to_value(v).expect("view models serialise")
}

#[derive(Serialize)]
struct PeriodCard {
    title: String,
    href: String,
    range: String,
    items: String,
    steps: Vec<StepRow>,
    ranked: Vec<GroupRow>,
    pseudo: Vec<GroupRow>,
}

fn index_page(ctx: &Ctx<'_>) -> Page {
    let report = ctx.input.report;
    let weeks: Vec<&PeriodReport> = report
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Week)
        .collect();
    let months: Vec<&PeriodReport> = report
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Month)
        .collect();
    let card = |list: &[&PeriodReport]| -> Option<PeriodCard> {
        let p = *list.last()?;
        let prev = list.len().checked_sub(2).map(|i| &list[i].total);
        let (ranked, pseudo) = ctx.ranked(p, "");
        Some(PeriodCard {
            title: ctx.period_title(p),
            href: format!("{}/index.html", period_dir(p)),
            range: ctx.period_range(p),
            items: ctx.int(p.total.items),
            steps: ctx.step_rows(&p.total, prev),
            ranked,
            pseudo,
        })
    };
    let overdue: Vec<ItemRow> = {
        let open: Vec<&Judged> = ctx
            .input
            .judgement
            .judged
            .iter()
            .filter(|j| {
                j.steps
                    .iter()
                    .any(|r| r.status == Status::Breached { overdue: true })
            })
            .collect();
        ctx.item_rows(open.into_iter())
    };
    let last12: Vec<&PeriodReport> = weeks.iter().rev().take(12).rev().copied().collect();
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        latest_week: Option<PeriodCard>,
        latest_month: Option<PeriodCard>,
        overdue: Vec<ItemRow>,
        trend_svg: String,
        weeks: Vec<Link>,
        months: Vec<Link>,
        departments: Vec<Link>,
        step_names: &'a [String],
        rows: crate::ingest::RowCounts,
        issues: usize,
    }
    let link = |p: &&PeriodReport| Link {
        href: format!("{}/index.html", period_dir(p)),
        label: ctx.period_title(p),
    };
    let view = View {
        common: ctx.common("", ctx.t["site_title"].clone(), String::new()),
        latest_week: card(&weeks),
        latest_month: card(&months),
        overdue,
        trend_svg: ctx.trend_svg("trend", &last12, |p| Some(p.total.clone())),
        weeks: weeks.iter().rev().map(link).collect(),
        months: months.iter().rev().map(link).collect(),
        departments: report
            .slugs
            .iter()
            .map(|(name, slug)| Link {
                href: format!("pd/{slug}.html"),
                label: ctx.shown(name),
            })
            .collect(),
        step_names: &ctx.step_names,
        rows: report.rows,
        issues: ctx.input.ledger.issues.len(),
    };
    Page {
        template: "index",
        path: "index".into(),
        context: to_value(view),
    }
}

#[derive(Serialize)]
struct SignatureView {
    place_date: String,
    role: String,
    name: String,
    nip: String,
}

fn period_page(
    ctx: &Ctx<'_>,
    period: &PeriodReport,
    prev: Option<&PeriodReport>,
    next: Option<&PeriodReport>,
) -> Page {
    let root = "../../";
    let dir = period_dir(period);
    let judged = &ctx.input.judgement.judged;
    let items = &ctx.input.ledger.items;
    let (ranked, pseudo) = ctx.ranked(period, root);
    let exceptions = ctx.item_rows(
        period
            .members
            .iter()
            .map(|&m| &judged[m])
            .filter(|j| is_exception(j)),
    );
    let commentary = ctx
        .input
        .commentary
        .get(&period.label)
        .map(|c| markdown::safe_commentary(c));
    let title = ctx.period_title(period);
    let mut common = ctx.common(
        root,
        title.clone(),
        format!("{title} ({})", ctx.period_range(period)),
    );
    common.up = Some(ctx.overview_link(root));
    common.prev = prev.map(|p| Link {
        href: format!("{root}{}/index.html", period_dir(p)),
        label: ctx.period_title(p),
    });
    common.next = next.map(|p| Link {
        href: format!("{root}{}/index.html", period_dir(p)),
        label: ctx.period_title(p),
    });
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        range: String,
        items: String,
        steps: Vec<StepRow>,
        ranked: Vec<GroupRow>,
        pseudo: Vec<GroupRow>,
        by_channel: Vec<GroupRow>,
        by_kind: Vec<GroupRow>,
        by_admin: Vec<GroupRow>,
        exceptions: Vec<ItemRow>,
        commentary_html: Option<String>,
        commentary_md: Option<String>,
        signature: Option<SignatureView>,
        step_names: &'a [String],
    }
    let signature = ctx.signature().map(|s| SignatureView {
        place_date: format!("{}, {}", s.place, format::date_only(ctx.lang, period.end)),
        role: s.role.clone(),
        name: s.name.clone(),
        nip: s.nip.clone(),
    });
    let view = View {
        common,
        range: ctx.period_range(period),
        items: ctx.int(period.total.items),
        steps: ctx.step_rows(&period.total, prev.map(|p| &p.total)),
        ranked,
        pseudo,
        by_channel: ctx.breakdown(&period.members, |j| {
            items[j.item]
                .channel
                .map(|c| c.label().to_string())
                .unwrap_or_else(|| "–".into())
        }),
        by_kind: ctx.breakdown(&period.members, |j| {
            items[j.item]
                .kind
                .map(|k| format!("{k:?}").to_lowercase())
                .unwrap_or_else(|| "–".into())
        }),
        by_admin: ctx.breakdown(&period.members, |j| {
            items[j.item].admin.clone().unwrap_or_else(|| "–".into())
        }),
        exceptions,
        commentary_html: commentary.as_deref().map(markdown::commentary_to_html),
        commentary_md: commentary,
        signature,
        step_names: &ctx.step_names,
    };
    Page {
        template: "period",
        path: format!("{dir}/index"),
        context: to_value(view),
    }
}

fn department_page(
    ctx: &Ctx<'_>,
    period: &PeriodReport,
    name: &str,
    slug: &str,
    prev: Option<&PeriodReport>,
    next: Option<&PeriodReport>,
) -> Page {
    let root = "../../";
    let dir = period_dir(period);
    let judged = &ctx.input.judgement.judged;
    let members: Vec<&Judged> = period
        .members
        .iter()
        .map(|&m| &judged[m])
        .filter(|j| j.group.name == name)
        .collect();
    let stats = &period
        .departments
        .iter()
        .find(|d| d.name == name)
        .expect("listed department")
        .stats;
    let model = &ctx.input.judgement.model;
    let rows: Vec<DurationRow> = model
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| DurationRow {
            name: step.name.clone(),
            limit_s: step.limit_s,
            limit_shown: format::duration(ctx.lang, step.limit_s),
            durations: members
                .iter()
                .filter(|j| matches!(j.steps[i].status, Status::Met | Status::Breached { .. }))
                .filter_map(|j| j.steps[i].duration_s)
                .collect(),
        })
        .collect();
    let title = format!("{} · {}", ctx.shown(name), ctx.period_title(period));
    let mut common = ctx.common(
        root,
        title,
        format!(
            "{} ({})",
            ctx.period_title(period),
            ctx.period_range(period)
        ),
    );
    common.up = Some(Link {
        href: format!("{root}{dir}/index.html"),
        label: ctx.period_title(period),
    });
    let sibling = |p: &PeriodReport| {
        p.departments.iter().any(|d| d.name == name).then(|| Link {
            href: format!("{root}{}/{slug}.html", period_dir(p)),
            label: ctx.period_title(p),
        })
    };
    common.prev = prev.and_then(sibling);
    common.next = next.and_then(sibling);
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        name: String,
        period: String,
        range: String,
        items: String,
        steps: Vec<StepRow>,
        chart_svg: String,
        register: Vec<ItemRow>,
        history_href: String,
        csv_href: String,
        step_names: &'a [String],
    }
    let view = View {
        common,
        name: ctx.shown(name),
        period: ctx.period_title(period),
        range: ctx.period_range(period),
        items: ctx.int(stats.items),
        steps: ctx.step_rows(
            stats,
            prev.and_then(|p| p.departments.iter().find(|d| d.name == name))
                .map(|d| &d.stats),
        ),
        chart_svg: charts::durations(
            "durasi",
            &ctx.t["durations_chart"],
            &ctx.t["durations_alt"],
            &rows,
        ),
        register: ctx.item_rows(members.into_iter()),
        history_href: format!("{root}pd/{slug}.html"),
        csv_href: format!("{slug}.csv"),
        step_names: &ctx.step_names,
    };
    Page {
        template: "department",
        path: format!("{dir}/{slug}"),
        context: to_value(view),
    }
}

fn history_page(ctx: &Ctx<'_>, name: &str, slug: &str) -> Page {
    let root = "../";
    let report = ctx.input.report;
    let stats_of = |p: &PeriodReport| {
        p.departments
            .iter()
            .find(|d| d.name == name)
            .map(|d| d.stats.clone())
    };
    let rows = |kind: PeriodKind| -> Vec<GroupRow> {
        report
            .periods
            .iter()
            .filter(|p| p.kind == kind)
            .filter_map(|p| {
                stats_of(p).map(|s| {
                    ctx.group_row(
                        &ctx.period_title(p),
                        Some(format!("{root}{}/{slug}.html", period_dir(p))),
                        &s,
                    )
                })
            })
            .collect()
    };
    let weeks: Vec<&PeriodReport> = report
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Week)
        .collect();
    let last12: Vec<&PeriodReport> = weeks.iter().rev().take(12).rev().copied().collect();
    let mut common = ctx.common(
        root,
        format!("{} · {}", ctx.t["department_history"], ctx.shown(name)),
        String::new(),
    );
    common.up = Some(ctx.overview_link(root));
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        name: String,
        trend_svg: String,
        weeks: Vec<GroupRow>,
        months: Vec<GroupRow>,
        step_names: &'a [String],
    }
    let view = View {
        common,
        name: ctx.shown(name),
        trend_svg: ctx.trend_svg("trend", &last12, stats_of),
        weeks: rows(PeriodKind::Week),
        months: rows(PeriodKind::Month),
        step_names: &ctx.step_names,
    };
    Page {
        template: "history",
        path: format!("pd/{slug}"),
        context: to_value(view),
    }
}

fn quality_page(ctx: &Ctx<'_>) -> Page {
    let ledger = ctx.input.ledger;
    #[derive(Serialize)]
    struct FileRow {
        file: String,
        sheet: String,
        header_row: String,
        rows: String,
        included: String,
        duplicates: String,
        rejected: String,
        blank: String,
        totals: String,
        /// Header cells that name no field, with the known header each resembles.
        unmapped: String,
        skipped: Option<String>,
    }
    #[derive(Serialize)]
    struct IssueGroup {
        title: String,
        advice: String,
        count: String,
        issues: Vec<IssueRow>,
        /// How many more are in the download, in words; empty when all are shown.
        more: String,
    }
    #[derive(Serialize)]
    struct IssueRow {
        location: String,
        value: String,
        detail: String,
    }
    let mut files = Vec::new();
    for f in &ledger.files {
        for s in &f.sheets {
            let sheet = s
                .name
                .as_deref()
                .map(|n| ctx.shown(n))
                .unwrap_or_else(|| "–".into());
            match &s.outcome {
                SheetOutcome::Read(t) => files.push(FileRow {
                    file: ctx.shown(&f.file),
                    sheet,
                    header_row: if t.header_rows == 2 {
                        format!("{}–{}", t.header_row, t.header_row + 1)
                    } else {
                        t.header_row.to_string()
                    },
                    rows: ctx.int(u64::from(t.rows)),
                    included: ctx.int(u64::from(t.included)),
                    duplicates: ctx.int(u64::from(t.duplicates)),
                    rejected: ctx.int(u64::from(t.rejected)),
                    blank: ctx.int(u64::from(t.blank)),
                    totals: ctx.int(u64::from(t.totals)),
                    unmapped: ctx.shown(&crate::check::unmapped_list(t, ctx.t)),
                    skipped: None,
                }),
                SheetOutcome::Skipped(reason) => files.push(FileRow {
                    file: ctx.shown(&f.file),
                    sheet,
                    header_row: "–".into(),
                    rows: "–".into(),
                    included: "–".into(),
                    duplicates: "–".into(),
                    rejected: "–".into(),
                    blank: "–".into(),
                    totals: "–".into(),
                    unmapped: String::new(),
                    skipped: Some(reason.say(ctx.t, &f.file)),
                }),
            }
        }
    }
    let skipped: Vec<Link> = ledger
        .discovery
        .skipped
        .iter()
        .map(|s| Link {
            href: String::new(),
            label: format!(
                "{}: {}",
                ctx.shown(&s.relative),
                ctx.t[&format!("skip_{}", key_of(&s.reason))]
            ),
        })
        .collect();
    let groups: Vec<IssueGroup> = IssueKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let of_kind: Vec<&DataIssue> =
                ledger.issues.iter().filter(|i| i.kind == kind).collect();
            let count = of_kind.len();
            let issues: Vec<IssueRow> = of_kind
                .into_iter()
                .take(ISSUES_SHOWN_PER_KIND)
                .map(|i| IssueRow {
                    location: privacy::issue_location(
                        i,
                        ctx.t,
                        ctx.input.config.mask_personal_data,
                    ),
                    value: privacy::issue_value(i, ctx.input.config.mask_personal_data),
                    detail: privacy::issue_detail(i, ctx.t, ctx.input.config.mask_personal_data),
                })
                .collect();
            let more = count - issues.len();
            (!issues.is_empty()).then(|| IssueGroup {
                title: ctx.t[&format!("issue_{}", key_of(&kind))].clone(),
                advice: ctx.t[&format!("advice_{}", key_of(&kind))].clone(),
                count: ctx.int(count as u64),
                issues,
                more: if more > 0 {
                    crate::words::fill(&ctx.t["issues_more"], &[("n", &ctx.int(more as u64))])
                } else {
                    String::new()
                },
            })
        })
        .collect();
    let mut common = ctx.common("", ctx.t["data_quality"].clone(), String::new());
    common.up = Some(ctx.overview_link(""));
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        read: String,
        included: String,
        duplicates: String,
        rejected: String,
        blank: String,
        totals: String,
        files: Vec<FileRow>,
        skipped: Vec<Link>,
        groups: Vec<IssueGroup>,
        /// The download of every issue (beside this page), when there is one.
        issues_csv: Option<&'static str>,
    }
    let r = ledger.rows;
    let view = View {
        common,
        read: ctx.int(r.read),
        included: ctx.int(r.included),
        duplicates: ctx.int(r.duplicates),
        rejected: ctx.int(r.rejected),
        blank: ctx.int(ledger.blank_rows),
        totals: ctx.int(ledger.totals_rows),
        files,
        skipped,
        issues_csv: (!ledger.issues.is_empty()).then_some(super::download::ISSUES_PATH),
        groups,
    };
    Page {
        template: "quality",
        path: "kualitas-data".into(),
        context: to_value(view),
    }
}

fn method_page(ctx: &Ctx<'_>) -> Page {
    #[derive(Serialize)]
    struct StepInfo {
        id: String,
        name: String,
        start: String,
        end: String,
        limit: String,
        applies_to: String,
    }
    #[derive(Serialize)]
    struct Source {
        path: String,
        sha256: String,
    }
    let model = &ctx.input.judgement.model;
    let steps = model
        .steps
        .iter()
        .map(|s| StepInfo {
            id: s.id.clone(),
            name: s.name.clone(),
            start: s.start.field().name().to_string(),
            end: s.end.field().name().to_string(),
            limit: format::duration(ctx.lang, s.limit_s),
            applies_to: match s.applies_to {
                AppliesTo::All => ctx.t["applies_all"].clone(),
                AppliesTo::Forward => ctx.t["applies_forward"].clone(),
            },
        })
        .collect::<Vec<_>>();
    let mut common = ctx.common("", ctx.t["method"].clone(), String::new());
    common.up = Some(ctx.overview_link(""));
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        steps: Vec<StepInfo>,
        zone: String,
        labels: &'a crate::config::Labels,
        /// `[departments] closed = true`: other names count in `labels.unlisted`.
        departments_closed: bool,
        sources: Vec<Source>,
        version: &'static str,
        masked: bool,
    }
    let view = View {
        common,
        steps,
        zone: ctx.input.config.timezone.name().to_string(),
        labels: &ctx.input.config.labels,
        departments_closed: ctx.input.config.departments_closed,
        sources: ctx
            .input
            .input_hashes
            .iter()
            .map(|(path, sha256)| Source {
                path: ctx.shown(path),
                sha256: sha256.clone(),
            })
            .collect(),
        version: env!("CARGO_PKG_VERSION"),
        masked: ctx.input.config.mask_personal_data,
    };
    Page {
        template: "method",
        path: "metode".into(),
        context: to_value(view),
    }
}
