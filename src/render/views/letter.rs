//! A month's letter (`bulan/<label>/surat`; issue 15, point 4): one A4 page for the Wali
//! Kota's office and the Perangkat Daerah with the letterhead and signatures of the
//! printed record, each step's figure against its target and last month, the end-to-end
//! trend, the five most late items, what changed, and the office's commentary.

use chrono::Months;
use serde::Serialize;

use crate::calendar::Clock;
use crate::render::{format, markdown, paths};
use crate::report::{PeriodKind, PeriodReport, StepStats};
use crate::sop::Judged;
use crate::words::fill;

use super::rows::Lateness;

use super::{to_value, Common, Ctx, Link, Page, Spec};

/// How many late items the letter lists.
const LATE_SHOWN: usize = 5;

/// One step's line in the letter's table of figures.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct FigureRow {
    /// The step's name.
    name: String,
    /// This month's compliance (`87,0%`, `–`).
    pct: String,
    /// What it is made of (`422 dari 485`), empty when nothing was judged.
    count: String,
    /// Whether it is below the step's target.
    below: bool,
    /// `▼ di bawah target` when below, else empty (the target stands beside it).
    below_note: String,
    /// The step's target (`90%`, `–`).
    target: String,
    /// Last month's compliance with its count (`88,5% (460 dari 520)`), `–` without one.
    last: String,
}

/// One of the most late items.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct LateRow {
    /// The ticket (masked like the pages).
    id: String,
    /// The department (masked like the pages).
    department: String,
    /// The step it was latest in.
    step: String,
    /// How late: `lewat 8 jam 16 mnt`, or `masih terbuka, lewat batas sejak 29 November
    /// 2026 20.40 WIB` when still open (a moment that does not move with the as-of).
    late: String,
}

/// One month of the end-to-end trend, as a line of the Markdown letter's table.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct TrendRow {
    /// The month's title.
    period: String,
    /// Whether its data is not complete (marked `*`).
    partial: bool,
    /// Its end-to-end compliance (`76,6%`, `–`).
    value: String,
}

/// An item's worst step before formatting.
struct Late<'j> {
    judged: &'j Judged,
    step: usize,
    late: Lateness,
}

/// The month of the calendar before `period` in the report, when it has items.
fn last_month<'r>(ctx: &'r Ctx<'_>, period: &PeriodReport) -> Option<&'r PeriodReport> {
    let start = period.start.checked_sub_months(Months::new(1))?;
    ctx.input
        .report
        .periods
        .iter()
        .find(|p| p.kind == PeriodKind::Month && p.start == start)
}

/// The month of the calendar after `period` in the report, when it has items.
fn next_month<'r>(ctx: &'r Ctx<'_>, period: &PeriodReport) -> Option<&'r PeriodReport> {
    let start = period.start.checked_add_months(Months::new(1))?;
    ctx.input
        .report
        .periods
        .iter()
        .find(|p| p.kind == PeriodKind::Month && p.start == start)
}

impl Ctx<'_> {
    /// A month's name without the word "Bulan" (`November 2026`).
    fn month_name(&self, p: &PeriodReport) -> String {
        use chrono::Datelike;
        format::month(self.lang, p.start.year(), p.start.month())
    }

    /// A compliance with its count: `88,5% (460 dari 520)`, `–`.
    fn counted(&self, id: &str, s: &StepStats) -> String {
        let f = self.figure(id, s);
        if f.count.is_empty() {
            f.pct
        } else {
            format!("{} ({})", f.pct, f.count)
        }
    }

    /// The letter's table of figures: each step this month, its target and last month.
    fn letter_figures(&self, period: &PeriodReport, last: Option<&PeriodReport>) -> Vec<FigureRow> {
        period
            .total
            .steps
            .iter()
            .enumerate()
            .map(|(i, (id, s))| {
                let figure = self.figure(id, s);
                FigureRow {
                    name: self.step_names[i].clone(),
                    below_note: if figure.below {
                        self.t["letter_below"].clone()
                    } else {
                        String::new()
                    },
                    pct: figure.pct,
                    count: figure.count,
                    below: figure.below,
                    target: self.target_text(id),
                    last: last
                        .map(|p| self.counted(id, &p.total.steps[i].1))
                        .unwrap_or_else(|| "–".into()),
                }
            })
            .collect()
    }

    /// What changed since last month, in sentences: each step up or down by how many
    /// points (of the percentages shown), then the number of items.
    fn letter_changes(&self, period: &PeriodReport, last: Option<&PeriodReport>) -> Vec<String> {
        let Some(last) = last else {
            let before = period
                .start
                .checked_sub_months(Months::new(1))
                .map(|start| {
                    use chrono::Datelike;
                    format::month(self.lang, start.year(), start.month())
                })
                .unwrap_or_default();
            return vec![fill(&self.t["letter_no_last_month"], &[("month", &before)])];
        };
        let tenths = |s: &StepStats| format::percent_tenths(s.met, s.met + s.breached);
        let sep = match self.lang {
            format::Lang::Id => ',',
            format::Lang::En => '.',
        };
        let mut out: Vec<String> = period
            .total
            .steps
            .iter()
            .zip(&last.total.steps)
            .enumerate()
            .map(|(i, ((_, now), (_, before)))| {
                let step = &self.step_names[i];
                let pct = |s: &StepStats| format::percent(self.lang, s.met, s.met + s.breached);
                match (tenths(before), tenths(now)) {
                    (Some(b), Some(n)) => {
                        let d = n as i64 - b as i64;
                        let key = match d.signum() {
                            1 => "letter_up",
                            -1 => "letter_down",
                            _ => "letter_same",
                        };
                        let points = format!("{}{sep}{}", d.abs() / 10, d.abs() % 10);
                        fill(
                            &self.t[key],
                            &[
                                ("step", step),
                                ("points", &points),
                                ("before", &pct(before)),
                                ("now", &pct(now)),
                            ],
                        )
                    }
                    _ => fill(&self.t["letter_not_comparable"], &[("step", step)]),
                }
            })
            .collect();
        let (now, before) = (period.total.items, last.total.items);
        let key = match now.cmp(&before) {
            std::cmp::Ordering::Greater => "letter_items_up",
            std::cmp::Ordering::Less => "letter_items_down",
            std::cmp::Ordering::Equal => "letter_items_same",
        };
        out.push(fill(
            &self.t[key],
            &[
                ("n", &self.int(now.abs_diff(before))),
                ("before", &self.int(before)),
                ("now", &self.int(now)),
            ],
        ));
        out
    }

    /// The note under the changes when either month is not complete.
    fn letter_change_note(
        &self,
        period: &PeriodReport,
        last: Option<&PeriodReport>,
    ) -> Option<String> {
        let partial: Vec<String> = [Some(period), last]
            .into_iter()
            .flatten()
            .filter_map(|p| {
                self.coverage(p)
                    .map(|c| format!("{}: {c}", self.month_name(p)))
            })
            .collect();
        (last.is_some() && !partial.is_empty()).then(|| {
            fill(
                &self.t["letter_change_partial"],
                &[("periods", &partial.join("; "))],
            )
        })
    }

    /// The items of `period` most late in one step (the configured steps, not
    /// end-to-end), most late first; ties by posting time.
    pub(super) fn most_late(&self, period: &PeriodReport) -> Vec<LateRow> {
        let steps = self.input.report.model.steps.len();
        // The moment the letter describes (the month's settled moment, or the as-of).
        let at = self.page_as_of(period, None).at(self.input.report);
        let mut late: Vec<Late<'_>> = period
            .members
            .iter()
            .map(|&m| &self.input.judged[m])
            .filter_map(|j| {
                (0..steps)
                    .filter_map(|i| self.step_lateness(j, i, at).map(|late| (i, late)))
                    // The latest step; the first of equals.
                    .fold(None, |best: Option<(usize, Lateness)>, x| match best {
                        Some(b) if b.1.late_s >= x.1.late_s => Some(b),
                        _ => Some(x),
                    })
                    .map(|(step, late)| Late {
                        judged: j,
                        step,
                        late,
                    })
            })
            .collect();
        late.sort_by(|a, b| {
            b.late.late_s.cmp(&a.late.late_s).then_with(|| {
                (a.judged.placed, a.judged.item).cmp(&(b.judged.placed, b.judged.item))
            })
        });
        let model = &self.input.report.model;
        let zone = self.input.report.zone;
        late.iter()
            .take(LATE_SHOWN)
            .map(|l| {
                let (id, _) = self.item_id_and_url(&self.input.ledger.items[l.judged.item]);
                let mut text = match l.late.open_since {
                    None => fill(
                        &self.t["late_by"],
                        &[("d", &format::duration(self.lang, l.late.late_s))],
                    ),
                    // The day and time without the weekday: the column stays narrow.
                    Some(since) => fill(
                        &self.t["late_open_since"],
                        &[(
                            "at",
                            &format!(
                                "{} {}",
                                format::date_only(
                                    self.lang,
                                    since.with_timezone(&zone).date_naive()
                                ),
                                format::time(self.lang, zone, since)
                            ),
                        )],
                    ),
                };
                if model.uses_office_clock() && model.steps[l.step].clock == Clock::Office {
                    text = format!("{text} ({})", self.t["clock_office"]);
                }
                LateRow {
                    id,
                    department: self.shown(&l.judged.group.name),
                    step: self.step_names[l.step].clone(),
                    late: text,
                }
            })
            .collect()
    }

    /// Whom the letter is addressed to: `[record] letter_to` (its lines that are not
    /// blank), else the Wali Kota and the heads of the Perangkat Daerah.
    fn letter_to(&self) -> Vec<String> {
        let configured: Vec<String> = self
            .input
            .presentation
            .record
            .as_ref()
            .and_then(|r| r.letter_to.as_ref())
            .into_iter()
            .flatten()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect();
        if configured.is_empty() {
            vec![
                self.t["letter_to_mayor"].clone(),
                self.t["letter_to_departments"].clone(),
            ]
        } else {
            configured
        }
    }

    /// The letter's printed record: the record of the month's pages (letterhead, number,
    /// signatures) titled as the letter; without `[record]`, a letterhead of the office's
    /// name alone.
    fn letter_record(&self, period: &PeriodReport, root: &str) -> serde_json::Value {
        let title = self.t["letter_title"].clone();
        let office = &self.input.presentation.office;
        let mut record = self
            .record(period, root, self.page_as_of(period, None))
            .map(to_value)
            .unwrap_or_else(|| serde_json::json!({ "place_date": "", "signers": [] }));
        let head = &mut record["letterhead"];
        if head.is_null() {
            *head = serde_json::json!({
                "office": office,
                "address": null,
                "logo": null,
                "number": null,
                "office_css": super::css::css_string(office),
            });
        }
        head["title"] = serde_json::Value::String(title);
        record
    }
}

/// The letter of month `period`.
pub(super) fn letter_page(ctx: &Ctx<'_>, period: &PeriodReport) -> Page {
    let root = "../../";
    let last = last_month(ctx, period);
    let month = ctx.month_name(period);
    let title = ctx.period_title(period);
    let mut common = ctx.common_at(
        root,
        title.clone(),
        format!("{} · {title}", ctx.t["letter_title"]),
        ctx.page_as_of(period, None),
    );
    common.up = Some(Link::new(root, &paths::period(period), title.clone()));
    let letter_link = |p: &PeriodReport| {
        Link::new(
            root,
            &paths::letter(p),
            fill(&ctx.t["letter_of"], &[("month", &ctx.month_name(p))]),
        )
    };
    common.prev = last.map(letter_link);
    common.next = next_month(ctx, period).map(letter_link);
    let commentary = ctx
        .input
        .commentary
        .get(&period.label)
        .map(|c| markdown::safe_commentary(c));
    let trends = to_value(ctx.trends(period, None));
    let chart = trends["charts"]
        .as_array()
        .and_then(|c| c.last())
        .map(|c| c["svg"].clone());
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        record: serde_json::Value,
        /// The addressees, one a line.
        to: Vec<String>,
        /// The first paragraph: the month and its number of items.
        intro: String,
        /// `Periode ini belum lengkap: data s.d. …` when the data does not cover it all.
        partial: Option<String>,
        /// The heads of the table of figures: this month and last month.
        month: String,
        last_month: String,
        figures: Vec<FigureRow>,
        /// Whether a step has a target (else the table has no target column).
        targets: bool,
        changes: Vec<String>,
        change_note: Option<String>,
        /// The end-to-end trend chart (SVG, its texts escaped).
        chart: Option<serde_json::Value>,
        /// The step the chart shows (end-to-end).
        trend_step: String,
        has_target: bool,
        has_partial: bool,
        /// The same numbers, month by month (the Markdown letter's table).
        trend_rows: Vec<TrendRow>,
        /// The end-to-end target (`80%`), empty without one.
        trend_target: String,
        late: Vec<LateRow>,
        commentary_html: Option<String>,
        commentary_md: Option<String>,
    }
    let last_name = last.map(|p| ctx.month_name(p)).unwrap_or_else(|| {
        use chrono::Datelike;
        let start = period
            .start
            .checked_sub_months(Months::new(1))
            .unwrap_or(period.start);
        format::month(ctx.lang, start.year(), start.month())
    });
    let view = View {
        common,
        record: ctx.letter_record(period, root),
        to: ctx.letter_to(),
        intro: fill(
            &ctx.t["letter_intro"],
            &[("month", &month), ("items", &ctx.int(period.total.items))],
        ),
        partial: ctx.partial_notice(period),
        figures: ctx.letter_figures(period, last),
        targets: ctx.ids.iter().any(|id| ctx.target(id).is_some()),
        changes: ctx.letter_changes(period, last),
        change_note: ctx.letter_change_note(period, last),
        month,
        last_month: last_name,
        chart,
        trend_step: ctx.step_names.last().cloned().unwrap_or_default(),
        has_target: trends["has_target"].as_bool().unwrap_or(false),
        has_partial: trends["has_partial"].as_bool().unwrap_or(false),
        trend_rows: trends["rows"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|r| TrendRow {
                period: r["period"].as_str().unwrap_or_default().to_string(),
                partial: r["partial"].as_bool().unwrap_or(false),
                value: r["cells"]
                    .as_array()
                    .and_then(|c| c.last())
                    .and_then(|c| c.as_str())
                    .unwrap_or("–")
                    .to_string(),
            })
            .collect(),
        trend_target: ctx
            .ids
            .last()
            .filter(|id| ctx.target(id).is_some())
            .map(|id| ctx.target_text(id))
            .unwrap_or_default(),
        late: ctx.most_late(period),
        commentary_html: commentary.as_deref().map(markdown::commentary_to_html),
        commentary_md: commentary,
    };
    Page {
        template: "letter",
        path: paths::letter(period),
        context: to_value(view),
    }
}

/// The specs of the letters: one per month of the report.
pub(super) fn letter_specs(periods: &[PeriodReport]) -> impl Iterator<Item = Spec> + '_ {
    (0..periods.len())
        .filter(|&i| periods[i].kind == PeriodKind::Month)
        .map(|period| Spec::Letter { period })
}

/// A month's page and the overview with the link to the month's letter (`letter`, shown
/// by `letter_link.*`): the month's own, the latest month's on the overview.
pub(super) fn with_letter_link(ctx: &Ctx<'_>, spec: &Spec, mut page: Page) -> Page {
    let periods = &ctx.input.report.periods;
    let (month, root) = match spec {
        Spec::Period { period, .. } if periods[*period].kind == PeriodKind::Month => {
            (&periods[*period], "../../")
        }
        Spec::Index => match periods
            .iter()
            .filter(|p| p.kind == PeriodKind::Month)
            .max_by_key(|p| p.start)
        {
            Some(p) => (p, ""),
            None => return page,
        },
        _ => return page,
    };
    let link = Link::new(
        root,
        &paths::letter(month),
        fill(&ctx.t["letter_link"], &[("month", &ctx.month_name(month))]),
    );
    if let Some(map) = page.context.as_object_mut() {
        map.insert("letter".into(), to_value(link));
    }
    page
}
