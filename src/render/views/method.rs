//! The method page (`metode`), for a reader who is not a statistician: what each step and
//! each status means, who owns each step, how a percentage is computed (worked through
//! with the numbers of the latest week), what "Kondisi per" and "Perubahan" mean; then a
//! technical appendix with the fields and formulas, and the input files with their SHA-256.

use serde::Serialize;

use crate::calendar::{Clock, DayOffKind};
use crate::config::AppliesTo;
use crate::render::format;
use crate::render::paths;
use crate::words::fill;

use super::{to_value, Common, Ctx, Page};
use crate::report::{PeriodKind, StepStats};

/// The method page.
pub(super) fn method_page(ctx: &Ctx<'_>) -> Page {
    #[derive(Serialize)]
    struct StepInfo {
        id: String,
        name: String,
        /// The role that owns the step, when known.
        owner: Option<String>,
        start: String,
        end: String,
        /// The start and end moments in plain words ("warga memposting aduan").
        start_words: String,
        end_words: String,
        limit: String,
        applies_to: String,
    }
    #[derive(Serialize)]
    struct Source {
        path: String,
        sha256: String,
    }
    let model = &ctx.input.report.model;
    let steps = model
        .steps
        .iter()
        .map(|s| StepInfo {
            id: s.id.clone(),
            name: s.name.clone(),
            owner: s.owner.clone(),
            start: s.start.field().name().to_string(),
            end: s.end.field().name().to_string(),
            start_words: moment_words(ctx, s.start.field().name()),
            end_words: moment_words(ctx, s.end.field().name()),
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
        /// The percentages of the latest week worked through.
        example: Option<Example>,
        /// The total's limit: every step's (a forwarded item), and the steps' that apply
        /// to all items (the others).
        total_forward: String,
        total_other: String,
        /// The working calendar, when a step runs on the office clock.
        calendar: Option<CalendarView>,
    }
    let view = View {
        common,
        steps,
        zone: ctx.input.report.zone.name().to_string(),
        labels: &ctx.input.presentation.labels,
        departments_closed: ctx.input.presentation.departments_closed,
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
        masked: ctx.input.presentation.mask_personal_data,
        example: example(ctx),
        total_forward: format::duration(ctx.lang, model.steps.iter().map(|s| s.limit_s).sum()),
        total_other: format::duration(
            ctx.lang,
            model
                .steps
                .iter()
                .filter(|s| s.applies_to == AppliesTo::All)
                .map(|s| s.limit_s)
                .sum(),
        ),
        calendar: calendar_view(ctx),
    };
    Page {
        template: "method",
        path: paths::method(),
        context: to_value(view),
    }
}

/// A moment of the SOP (a timestamp field) in plain words, or its field name when the
/// words have none.
fn moment_words(ctx: &Ctx<'_>, field: &str) -> String {
    ctx.t
        .get(&format!("moment_{field}"))
        .cloned()
        .unwrap_or_else(|| field.to_string())
}

/// The working calendar as the method page states it (METRICS.md "Office clock").
#[derive(Serialize)]
struct CalendarView {
    /// The hours of each weekday, Monday first.
    week: Vec<WeekdayHours>,
    /// Ranges of dates with other hours, each with its own week.
    special: Vec<SpecialHours>,
    /// Whether the built-in list of national holidays applies.
    builtin_holidays: bool,
    /// Whether cuti bersama days are days off.
    cuti_bersama: bool,
    /// The days off from the first period's start to the last period's end.
    days_off: Vec<DayOffRow>,
    /// Each step's clock (the configured steps, then end-to-end).
    clocks: Vec<StepClock>,
}

/// A weekday's working hours: `Senin`, `07.30–12.00, 13.00–16.00` (or `libur`).
#[derive(Serialize)]
struct WeekdayHours {
    day: String,
    hours: String,
}

/// Other hours on a range of dates.
#[derive(Serialize)]
struct SpecialHours {
    /// `Jam khusus 18 Februari 2026 s.d. 19 Maret 2026`.
    title: String,
    week: Vec<WeekdayHours>,
}

/// A day off: its date, name, kind and the decree that set it.
#[derive(Serialize)]
struct DayOffRow {
    date: String,
    name: String,
    kind: String,
    source: String,
}

/// A step with the word of its clock.
#[derive(Serialize)]
struct StepClock {
    name: String,
    clock: String,
}

/// The calendar in force, when any step runs on the office clock.
fn calendar_view(ctx: &Ctx<'_>) -> Option<CalendarView> {
    let model = &ctx.input.report.model;
    let calendar = model
        .calendar
        .as_ref()
        .filter(|_| model.uses_office_clock())?;
    let hours = |week: &crate::calendar::Week| -> Vec<WeekdayHours> {
        week.iter()
            .enumerate()
            .map(|(i, intervals)| WeekdayHours {
                day: format::weekday_name(ctx.lang, i).to_string(),
                hours: if intervals.is_empty() {
                    ctx.t["calendar_closed"].clone()
                } else {
                    intervals
                        .iter()
                        .map(|iv| {
                            format!("{}–{}", hhmm(ctx.lang, iv.start), hhmm(ctx.lang, iv.end))
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            })
            .collect()
    };
    let periods = &ctx.input.report.periods;
    let first = periods.iter().map(|p| p.start).min();
    let last = periods.iter().map(|p| p.end).max();
    let days_off = match (first, last) {
        (Some(first), Some(last)) => calendar.days_off(first, last),
        _ => Vec::new(),
    };
    let clocks = model
        .steps
        .iter()
        .map(|s| s.clock)
        .chain([model.end_to_end_clock])
        .enumerate()
        .map(|(i, clock)| StepClock {
            name: ctx.step_names[i].clone(),
            clock: match clock {
                Clock::Office => ctx.t["clock_office"].clone(),
                Clock::Continuous => ctx.t["clock_continuous"].clone(),
            },
        })
        .collect();
    Some(CalendarView {
        week: hours(&calendar.week),
        special: calendar
            .special
            .iter()
            .map(|s| SpecialHours {
                title: fill(
                    &ctx.t["calendar_special"],
                    &[
                        ("from", &format::date_only(ctx.lang, s.from)),
                        ("to", &format::date_only(ctx.lang, s.to)),
                    ],
                ),
                week: hours(&s.week),
            })
            .collect(),
        builtin_holidays: calendar.builtin_holidays,
        cuti_bersama: calendar.cuti_bersama,
        days_off: days_off
            .into_iter()
            .map(|d| DayOffRow {
                date: format::long_date(ctx.lang, d.date),
                name: if d.name.is_empty() {
                    "–".into()
                } else {
                    d.name
                },
                kind: ctx.t[match d.kind {
                    DayOffKind::LiburNasional => "day_off_libur_nasional",
                    DayOffKind::CutiBersama => "day_off_cuti_bersama",
                    DayOffKind::Extra => "day_off_extra",
                }]
                .clone(),
                source: if d.source.is_empty() {
                    "patuh.toml".into()
                } else {
                    d.source
                },
            })
            .collect(),
        clocks,
    })
}

/// Seconds after midnight as a clock time: `07.30`, `24.00` (`07:30` in English).
fn hhmm(lang: format::Lang, seconds: u32) -> String {
    let sep = match lang {
        format::Lang::Id => '.',
        format::Lang::En => ':',
    };
    format!("{:02}{sep}{:02}", seconds / 3600, seconds % 3600 / 60)
}

/// The latest week's percentages, worked through.
#[derive(Serialize)]
struct Example {
    /// The week's title (`Pekan ke-47 (16–22 November 2026)`).
    period: String,
    /// One line per step, then the total.
    steps: Vec<ExampleStep>,
    /// The first step whose percentage can be compared with the week before.
    change: Option<ExampleChange>,
}

/// One step of the worked example: `146 tepat waktu dari 165 yang terukur = 88,5%`.
#[derive(Serialize)]
struct ExampleStep {
    name: String,
    met: String,
    breached: String,
    /// On time plus late: the items whose step was judged.
    measured: String,
    /// Whether any item was judged (else there is no percentage).
    any: bool,
    compliance: String,
    /// What was left out of the percentage, e.g. `2 dalam proses, 1 tidak berlaku`.
    left_out: String,
}

/// A change worked through: `80,0% → 100,0%: +20,0 poin`.
#[derive(Serialize)]
struct ExampleChange {
    name: String,
    previous_period: String,
    before: String,
    after: String,
    change: String,
}

/// The worked example of the latest week, when there is one.
fn example(ctx: &Ctx<'_>) -> Option<Example> {
    let weeks: Vec<_> = ctx
        .input
        .report
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Week)
        .collect();
    let (latest, before) = match weeks.as_slice() {
        [] => return None,
        [.., before, latest] => (*latest, Some(*before)),
        [latest] => (*latest, None),
    };
    let lower = |key: &str| ctx.t[key].to_lowercase();
    let steps = latest
        .total
        .steps
        .iter()
        .enumerate()
        .map(|(i, (_, s))| {
            let left_out: Vec<String> = [
                (s.pending, "pending"),
                (s.invalid, "invalid"),
                (s.unmeasurable, "unmeasurable"),
                (s.not_applicable, "not_applicable"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, key)| format!("{} {}", ctx.int(*n), lower(key)))
            .collect();
            ExampleStep {
                name: ctx.step_names[i].clone(),
                met: ctx.int(s.met),
                breached: ctx.int(s.breached),
                measured: ctx.int(s.met + s.breached),
                any: s.met + s.breached > 0,
                compliance: compliance(ctx, s),
                left_out: left_out.join(", "),
            }
        })
        .collect();
    let change = before.and_then(|before| {
        latest
            .total
            .steps
            .iter()
            .zip(&before.total.steps)
            .enumerate()
            .find_map(|(i, ((_, now), (_, then)))| {
                let now_t = format::percent_tenths(now.met, now.met + now.breached)?;
                let then_t = format::percent_tenths(then.met, then.met + then.breached)?;
                let d = now_t as i64 - then_t as i64;
                let sign = match d.signum() {
                    1 => "+",
                    -1 => "−",
                    _ => "±",
                };
                let sep = match ctx.lang {
                    format::Lang::Id => ",",
                    format::Lang::En => ".",
                };
                Some(ExampleChange {
                    name: ctx.step_names[i].clone(),
                    previous_period: ctx.period_title(before),
                    before: compliance(ctx, then),
                    after: compliance(ctx, now),
                    change: format!(
                        "{sign}{}{sep}{} {}",
                        d.abs() / 10,
                        d.abs() % 10,
                        ctx.t["points"]
                    ),
                })
            })
    });
    Some(Example {
        period: ctx.period_title(latest),
        steps,
        change,
    })
}

fn compliance(ctx: &Ctx<'_>, s: &StepStats) -> String {
    format::percent(ctx.lang, s.met, s.met + s.breached)
}
