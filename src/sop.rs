//! The SOP's time standards applied to every item (METRICS.md "Step status of one item").
//!
//! Takes items and the configured step model; gives each item's status per step, its
//! department group, and its periods, and the data issues of the steps the rules cannot
//! judge ([`step_issues`]). Pure: no I/O, no wall clock.

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;
use std::sync::Arc;

use crate::calendar::{Calendar, Clock, WorkingTime};
use crate::config::{AppliesTo, Config, Labels, StepConfig};
use crate::model::{AsOf, AsOfSource, Disposition, Field, Instant, Item, Stamp};
use crate::words::Lang;

/// The id reserved for the whole chain of applicable steps.
pub const END_TO_END: &str = "end_to_end";

/// One measured step of the SOP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Identifier used in `summary.json`.
    pub id: String,
    /// Name shown in reports.
    pub name: String,
    /// Where the step starts.
    pub start: Stamp,
    /// Where it ends.
    pub end: Stamp,
    /// The time standard in seconds.
    pub limit_s: i64,
    /// Which items it applies to.
    pub applies_to: AppliesTo,
    /// The role that owns it (SOP.md "Who is measured"), when known.
    pub owner: Option<String>,
    /// The field naming the person who did it, when the model says.
    pub actor: Option<Field>,
    /// The clock it is measured on.
    pub clock: Clock,
}

impl Step {
    /// Whether the step applies to an item with this disposition.
    pub fn applies(&self, disposition: Disposition) -> bool {
        match self.applies_to {
            AppliesTo::All => true,
            AppliesTo::Forward => disposition == Disposition::Forward,
        }
    }
}

/// The step model: the configured steps in order (`end_to_end` is implied).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SopModel {
    /// The steps, in their configured order.
    pub steps: Vec<Step>,
    /// The clock of `end_to_end` (the top-level `clock`).
    pub end_to_end_clock: Clock,
    /// The office's working time, when configured (steps on the office clock need it).
    pub calendar: Option<Calendar>,
}

impl SopModel {
    /// The default model of SOP.md: pemantauan (60 min), disposisi (10), penerusan (15),
    /// named in Indonesian.
    pub fn default_model() -> SopModel {
        SopModel::default_in(Lang::Id)
    }

    /// The default model with its step and owner names in `lang`.
    pub fn default_in(lang: Lang) -> SopModel {
        let step = |id: &str, start, end, minutes: i64, applies_to| {
            let built_in = built_in(id).expect("a built-in step");
            Step {
                id: id.into(),
                name: built_in.name_in(lang),
                start,
                end,
                limit_s: minutes * 60,
                applies_to,
                owner: Some(built_in.owner_in(lang)),
                actor: Some(built_in.actor),
                clock: Clock::Continuous,
            }
        };
        SopModel {
            steps: vec![
                step(
                    "pemantauan",
                    Stamp::PostedAt,
                    Stamp::ReportedAt,
                    60,
                    AppliesTo::All,
                ),
                step(
                    "disposisi",
                    Stamp::ReportedAt,
                    Stamp::DisposedAt,
                    10,
                    AppliesTo::All,
                ),
                step(
                    "penerusan",
                    Stamp::DisposedAt,
                    Stamp::ForwardedAt,
                    15,
                    AppliesTo::Forward,
                ),
            ],
            end_to_end_clock: Clock::Continuous,
            calendar: None,
        }
    }

    /// The model of a configuration: its `[[steps]]` when present, else the default.
    pub fn from_config(config: &Config) -> SopModel {
        match &config.steps {
            None => {
                let mut model = SopModel::default_in(config.lang);
                for step in &mut model.steps {
                    step.clock = config.clock;
                }
                SopModel {
                    end_to_end_clock: config.clock,
                    calendar: config.calendar.clone(),
                    ..model
                }
            }
            Some(steps) => SopModel {
                steps: steps
                    .iter()
                    .map(|s| step_of(s, config.lang, config.clock))
                    .collect(),
                end_to_end_clock: config.clock,
                calendar: config.calendar.clone(),
            },
        }
    }

    /// How time is measured on `clock`.
    pub fn meter(&self, clock: Clock, zone: Tz) -> Meter<'_> {
        match (clock, &self.calendar) {
            (Clock::Office, Some(calendar)) => Meter::Office { calendar, zone },
            // The configuration refuses the office clock without a calendar.
            _ => Meter::Continuous,
        }
    }

    /// Whether any step, or `end_to_end`, runs on the office clock.
    pub fn uses_office_clock(&self) -> bool {
        self.end_to_end_clock == Clock::Office
            || self.steps.iter().any(|s| s.clock == Clock::Office)
    }

    /// Whether each step runs on the office clock, then whether `end_to_end` does: the
    /// steps whose figures are also given on the continuous clock.
    pub fn office_steps(&self) -> Vec<bool> {
        self.steps
            .iter()
            .map(|s| s.clock)
            .chain([self.end_to_end_clock])
            .map(|c| c == Clock::Office)
            .collect()
    }

    /// The ids of every step, then `end_to_end`.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.steps
            .iter()
            .map(|s| s.id.as_str())
            .chain(std::iter::once(END_TO_END))
    }
}

fn step_of(c: &StepConfig, lang: Lang, clock: Clock) -> Step {
    let built_in = built_in(&c.id);
    Step {
        id: c.id.clone(),
        name: c.name.clone(),
        start: c.start.stamp().expect("validated: a timestamp field"),
        end: c.end.stamp().expect("validated: a timestamp field"),
        limit_s: c.limit_minutes * 60,
        applies_to: c.applies_to,
        owner: c
            .owner
            .clone()
            .or_else(|| built_in.map(|b| b.owner_in(lang))),
        actor: c.actor.or_else(|| built_in.map(|b| b.actor)),
        clock: c.clock.unwrap_or(clock),
    }
}

/// The built-in step with this id, whose owner and actor a step takes by default.
fn built_in(id: &str) -> Option<&'static crate::config::BuiltInStep> {
    crate::config::BUILT_IN_STEPS.iter().find(|b| b.id == id)
}

/// The status of one step of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Both ends present, `0 ≤ end − start ≤ limit`.
    Met,
    /// Over the limit: done late, or (`overdue`) still open past the limit at as-of.
    Breached {
        /// Still open (end missing) at as-of.
        overdue: bool,
    },
    /// Still open at as-of, within the limit.
    Pending,
    /// End before start: a data error.
    Invalid,
    /// Start missing, or end missing while a later step's end is present.
    Unmeasurable,
    /// The step does not apply to the item.
    NotApplicable,
}

impl Status {
    /// The status as a word of the word lists and registers (`met`, `overdue`, ...).
    pub fn key(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Breached { overdue: true } => "overdue",
            Status::Breached { overdue: false } => "breached",
            Status::Pending => "pending",
            Status::Invalid => "invalid",
            Status::Unmeasurable => "unmeasurable",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// A step judged on the continuous clock, beside its office-clock result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ContinuousResult {
    /// The status on the continuous clock.
    pub status: Status,
    /// `end − start` in seconds when both ends are present.
    pub duration_s: Option<i64>,
}

/// How the time of a step is measured: every second, or working seconds only.
#[derive(Debug, Clone, Copy)]
pub enum Meter<'a> {
    /// `end − start`.
    Continuous,
    /// Working seconds of a table computed once for the dates judged.
    Table(&'a WorkingTime<'a>),
    /// Working seconds of the calendar, with local dates in `zone`.
    Office {
        /// The office's working time.
        calendar: &'a Calendar,
        /// The zone of local dates.
        zone: Tz,
    },
}

impl Meter<'_> {
    /// The seconds from `a` to `b` on this clock (negative only on the continuous clock).
    pub fn span(&self, a: Instant, b: Instant) -> i64 {
        match self {
            Meter::Continuous => (b - a).num_seconds(),
            Meter::Office { calendar, zone } => calendar.work(a, b, *zone),
            Meter::Table(table) => table.work(a, b),
        }
    }
}

/// One step of one item, judged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct StepResult {
    /// The status.
    pub status: Status,
    /// `end − start` in seconds when both ends are present.
    pub duration_s: Option<i64>,
    /// The step's limit for this item (for `end_to_end`: the sum of the applicable limits).
    pub limit_s: i64,
    /// Whether the start or end the status was judged from was written as a date without a
    /// time (read as midnight): registers mark the step.
    #[serde(skip)]
    pub date_only: bool,
}

/// An item with its step results, department group and periods.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
pub struct Judged {
    /// Index of the item in the ledger.
    pub item: usize,
    /// The disposition as METRICS.md defines it.
    pub disposition: Disposition,
    /// The department group: a canonical department or a pseudo-department label.
    pub group: Group,
    /// One result per configured step, in order, then `end_to_end`.
    pub steps: Box<[StepResult]>,
    /// The moment that places the item in its periods: `posted_at`, else its earliest
    /// timestamp (METRICS.md "Periods").
    #[serde(skip)]
    pub placed: Instant,
    /// The local date that places the item in its periods.
    pub date: NaiveDate,
    /// ISO week label (`2026-W48`), shared by the items of the week.
    pub week: Arc<str>,
    /// Month label (`2026-11`), shared by the items of the month.
    pub month: Arc<str>,
}

/// The department an item's numbers count for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Group {
    /// The name shown (a department, or a pseudo-department label), shared by the items
    /// of the group.
    pub name: Arc<str>,
    /// Whether it is a pseudo-department (answered directly, undisposed, no department).
    pub pseudo: bool,
}

/// Evaluates every item against the model at `as_of`, in the zone of the periods.
/// Items without any timestamp cannot occur (they were rejected while reading).
pub fn evaluate(
    items: &[Item],
    model: &SopModel,
    labels: &Labels,
    as_of: Instant,
    zone: Tz,
) -> Vec<Judged> {
    evaluate_listed(items, model, labels, None, as_of, zone)
}

/// [`evaluate`] with `[departments] closed = true`: `listed` holds the canonical names of
/// the departments; an item forwarded to any other name counts in `labels.unlisted`.
pub fn evaluate_listed(
    items: &[Item],
    model: &SopModel,
    labels: &Labels,
    listed: Option<&std::collections::HashSet<String>>,
    as_of: Instant,
    zone: Tz,
) -> Vec<Judged> {
    // The office clock's working time over the dates of the items and the as-of moment,
    // computed once.
    let dates = items
        .iter()
        .flat_map(|i| [i.stamps.earliest(), i.stamps.latest()])
        .flatten()
        .chain([as_of])
        .map(|t| t.with_timezone(&zone).date_naive());
    let (first, last) = dates.fold(
        (None, None),
        |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
            (
                Some(lo.map_or(d, |l| l.min(d))),
                Some(hi.map_or(d, |h| h.max(d))),
            )
        },
    );
    let table = match (&model.calendar, first, last) {
        (Some(calendar), Some(first), Some(last)) if model.uses_office_clock() => {
            Some(WorkingTime::new(
                calendar,
                zone,
                first - chrono::Duration::days(2),
                last + chrono::Duration::days(2),
            ))
        }
        _ => None,
    };
    // On every core, in order; each thread shares its own copies of the names and labels.
    use rayon::prelude::*;
    items
        .par_iter()
        .enumerate()
        .with_min_len(1 << 14)
        .map_init(Shared::default, |shared, (index, item)| {
            judge_item(
                index,
                item,
                model,
                labels,
                listed,
                as_of,
                zone,
                table.as_ref(),
                shared,
            )
        })
        .collect()
}

/// One copy of each group name and period label for the items a thread judges: a million
/// items name a few hundred of each (issue 13: memory).
#[derive(Default)]
struct Shared {
    names: std::collections::HashSet<Arc<str>>,
    periods: std::collections::HashMap<NaiveDate, (Arc<str>, Arc<str>)>,
}

impl Shared {
    /// The shared copy of `name`.
    fn name(&mut self, name: &str) -> Arc<str> {
        if let Some(shared) = self.names.get(name) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(name);
        self.names.insert(shared.clone());
        shared
    }

    /// The week and month labels of `date`.
    fn periods(&mut self, date: NaiveDate) -> (Arc<str>, Arc<str>) {
        self.periods
            .entry(date)
            .or_insert_with(|| {
                (
                    Arc::from(week_label(date).as_str()),
                    Arc::from(month_label(date).as_str()),
                )
            })
            .clone()
    }
}

#[allow(clippy::too_many_arguments)]
fn judge_item(
    index: usize,
    item: &Item,
    model: &SopModel,
    labels: &Labels,
    listed: Option<&std::collections::HashSet<String>>,
    as_of: Instant,
    zone: Tz,
    table: Option<&WorkingTime<'_>>,
    shared: &mut Shared,
) -> Judged {
    let meter = |clock: Clock| match (clock, table) {
        (Clock::Office, Some(table)) => Meter::Table(table),
        _ => model.meter(clock, zone),
    };
    let disposition = item.disposition();
    let steps: Vec<StepResult> = (0..=model.steps.len())
        .map(|i| match span(item, model, disposition, i) {
            Some(span) => marked(
                status_on(
                    meter(span.clock),
                    item.stamps.get(span.start),
                    item.stamps.get(span.end),
                    span.limit_s,
                    span.later_end_present,
                    as_of,
                ),
                item,
                span.start,
                span.end,
            ),
            None => StepResult {
                status: Status::NotApplicable,
                duration_s: None,
                limit_s: model.steps.get(i).map_or(0, |s| s.limit_s),
                date_only: false,
            },
        })
        .collect();
    let group = match (disposition, &item.department) {
        (Disposition::Forward, Some(d)) if listed.is_some_and(|l| !l.contains(&**d)) => Group {
            name: shared.name(&labels.unlisted),
            pseudo: true,
        },
        (Disposition::Forward, Some(d)) => Group {
            name: shared.name(d),
            pseudo: false,
        },
        (Disposition::Forward, None) => Group {
            name: shared.name(&labels.no_department),
            pseudo: true,
        },
        (Disposition::Answer, _) => Group {
            name: shared.name(&labels.direct_answer),
            pseudo: true,
        },
        (Disposition::Unknown, _) => Group {
            name: shared.name(&labels.undisposed),
            pseudo: true,
        },
    };
    let placed = item
        .stamps
        .get(Stamp::PostedAt)
        .or_else(|| item.stamps.earliest())
        .expect("an included item has a timestamp");
    let date = placed.with_timezone(&zone).date_naive();
    let (week, month) = shared.periods(date);
    Judged {
        item: index,
        disposition,
        group,
        steps: steps.into_boxed_slice(),
        placed,
        date,
        week,
        month,
    }
}

/// A result marked when its start, or its end when the status used it, was written as a
/// date without a time: the status and duration keep the midnight reading (INPUTS.md), and
/// registers say so.
fn marked(mut result: StepResult, item: &Item, start: Stamp, end: Stamp) -> StepResult {
    let used_end = item.stamps.get(end).is_some() && result.duration_s.is_some();
    result.date_only = match result.status {
        Status::Unmeasurable | Status::NotApplicable => false,
        _ => item.date_only(start) || (used_end && item.date_only(end)),
    };
    result
}

/// The status rules of METRICS.md for one step, on the continuous clock.
pub fn status_of(
    start: Option<Instant>,
    end: Option<Instant>,
    limit_s: i64,
    later_end_present: bool,
    as_of: Instant,
) -> StepResult {
    status_on(
        Meter::Continuous,
        start,
        end,
        limit_s,
        later_end_present,
        as_of,
    )
}

/// What step `step` of an item is judged from (the configured steps by index, then
/// `end_to_end`): its start and end timestamps, its limit, whether a later applicable
/// step has ended, and its clock. `None` when the step does not apply to the item's
/// disposition.
struct Span {
    start: Stamp,
    end: Stamp,
    limit_s: i64,
    later_end_present: bool,
    clock: Clock,
}

fn span(item: &Item, model: &SopModel, disposition: Disposition, step: usize) -> Option<Span> {
    let mut applicable = model.steps.iter().filter(|s| s.applies(disposition));
    match model.steps.get(step) {
        Some(this) => {
            if !this.applies(disposition) {
                return None;
            }
            let later_end_present = model.steps[step + 1..]
                .iter()
                .filter(|s| s.applies(disposition))
                .any(|s| item.stamps.get(s.end).is_some());
            Some(Span {
                start: this.start,
                end: this.end,
                limit_s: this.limit_s,
                later_end_present,
                clock: this.clock,
            })
        }
        None => {
            let first = applicable.next()?;
            let (last, limit_s) =
                applicable.fold((first, first.limit_s), |(_, sum), s| (s, sum + s.limit_s));
            Some(Span {
                start: first.start,
                end: last.end,
                limit_s,
                later_end_present: false,
                clock: model.end_to_end_clock,
            })
        }
    }
}

/// Step `step` of `item` (the configured steps by index, then `end_to_end`) judged at
/// `as_of` on the continuous clock, when the step runs on the office clock: the figures
/// shown beside its working-time ones. `None` for a step on the continuous clock, or one
/// that does not apply. Made when asked rather than kept beside every item's result (a
/// million items hold four steps each; issue 13).
pub fn continuous_result(
    item: &Item,
    model: &SopModel,
    step: usize,
    as_of: Instant,
) -> Option<ContinuousResult> {
    let span = span(item, model, item.disposition(), step)?;
    if span.clock != Clock::Office {
        return None;
    }
    let result = status_on(
        Meter::Continuous,
        item.stamps.get(span.start),
        item.stamps.get(span.end),
        span.limit_s,
        span.later_end_present,
        as_of,
    );
    Some(ContinuousResult {
        status: result.status,
        duration_s: result.duration_s,
    })
}

/// A step still open past its limit (see [`overdue`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overdue {
    /// The first second at which its time on its own clock was over the limit.
    pub since: Instant,
    /// How far past the limit it is at the moment asked, in seconds on its clock.
    pub late_s: i64,
}

/// Step `step` of `item` (the configured steps by index, then `end_to_end`), open and
/// overdue as `judged` says, seen at `at`: when it went past its limit, and how far past
/// it is at `at`. From that moment on the step is overdue at every as-of until new data
/// closes it (METRICS.md: the as-of only decides pending versus overdue), so a page can
/// name the moment instead of a lateness that grows with the as-of. `None` when the step
/// is not overdue, or not yet at `at`.
pub fn overdue(
    item: &Item,
    judged: &Judged,
    model: &SopModel,
    step: usize,
    zone: Tz,
    at: Instant,
) -> Option<Overdue> {
    if judged.steps.get(step)?.status != (Status::Breached { overdue: true }) {
        return None;
    }
    let (span, start) = started(item, judged, model, step)?;
    let late = |moment: Instant| past_limit_of(&span, start, model, zone, moment);
    let late_s = late(at);
    if late_s <= 0 {
        return None;
    }
    // The time on a clock never decreases as the moment moves on: the first moment over
    // the limit lies in (start, at], found by halving whole seconds.
    let (mut before, mut after) = (start.timestamp(), at.timestamp());
    while after - before > 1 {
        let middle = before + (after - before) / 2;
        match late(chrono::DateTime::from_timestamp(middle, 0)?) > 0 {
            true => after = middle,
            false => before = middle,
        }
    }
    Some(Overdue {
        since: chrono::DateTime::from_timestamp(after, 0)?,
        late_s,
    })
}

/// How far step `step` of `judged` (the configured steps by index, then `end_to_end`) is
/// past its limit at `at`, in seconds on its own clock: negative while it is within it.
/// `None` when the step does not apply to the item or has no start.
pub fn past_limit(
    item: &Item,
    judged: &Judged,
    model: &SopModel,
    step: usize,
    zone: Tz,
    at: Instant,
) -> Option<i64> {
    let (span, start) = started(item, judged, model, step)?;
    Some(past_limit_of(&span, start, model, zone, at))
}

/// What step `step` of `judged` is judged from, and when it started; `None` when the step
/// does not apply to the item or has no start.
fn started(item: &Item, judged: &Judged, model: &SopModel, step: usize) -> Option<(Span, Instant)> {
    let span = span(item, model, judged.disposition, step)?;
    let start = item.stamps.get(span.start)?;
    Some((span, start))
}

/// How far a step judged from `span`, started at `start`, is past its limit at `at`.
fn past_limit_of(span: &Span, start: Instant, model: &SopModel, zone: Tz, at: Instant) -> i64 {
    model.meter(span.clock, zone).span(start, at) - span.limit_s
}

/// The status rules of METRICS.md ("Status of a step") for one step on a clock: durations
/// are the meter's spans; `invalid` compares the instants ([`continuous_result`] gives a
/// step on the office clock on the continuous one).
pub fn status_on(
    meter: Meter<'_>,
    start: Option<Instant>,
    end: Option<Instant>,
    limit_s: i64,
    later_end_present: bool,
    as_of: Instant,
) -> StepResult {
    let result = |status, duration_s| StepResult {
        status,
        duration_s,
        limit_s,
        date_only: false,
    };
    let Some(start) = start else {
        let duration = None;
        return result(Status::Unmeasurable, duration);
    };
    match end {
        Some(end) if end < start => result(Status::Invalid, Some((end - start).num_seconds())),
        Some(end) => {
            let d = meter.span(start, end);
            if d <= limit_s {
                result(Status::Met, Some(d))
            } else {
                result(Status::Breached { overdue: false }, Some(d))
            }
        }
        None if later_end_present => result(Status::Unmeasurable, None),
        None if meter.span(start, as_of) > limit_s => {
            result(Status::Breached { overdue: true }, None)
        }
        None => result(Status::Pending, None),
    }
}

/// The ISO week label of a date (`2026-W05`), with the ISO week-year.
pub fn week_label(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The month label of a date (`2026-11`).
pub fn month_label(date: NaiveDate) -> String {
    format!("{}-{:02}", date.year(), date.month())
}

/// The as-of moment: `--as-of` as written (any timestamp form; a date alone is the end
/// of that day, 23:59:59 local), else the configuration's `as_of`, else the latest
/// timestamp of the items. `Ok(None)` when nothing is written and there are no items.
pub fn resolve_as_of(
    command_line: Option<&str>,
    configured: Option<Instant>,
    items: &[Item],
    zone: Tz,
    order: crate::config::DateOrderSetting,
) -> Result<Option<AsOf>, crate::timestamp::MomentError> {
    let found = |at: Instant, source| AsOf { at, source };
    if let Some(text) = command_line {
        let at = crate::timestamp::parse_moment(text, zone, order)?;
        return Ok(Some(found(at, AsOfSource::CommandLine)));
    }
    if let Some(at) = configured {
        return Ok(Some(found(at, AsOfSource::Configuration)));
    }
    Ok(items
        .iter()
        .filter_map(|i| i.stamps.latest())
        .max()
        .map(|at| found(at, AsOfSource::LatestInData)))
}

/// Whether an item simply has not reached a step yet: not the first step, and neither the
/// step's start nor its end nor any later applicable step's end is present. Such a step is
/// unmeasurable by the rules, and listed, but as waiting rather than as a data error.
fn not_reached_yet(item: &Item, model: &SopModel, index: usize, disposition: Disposition) -> bool {
    let step = &model.steps[index];
    index > 0
        && item.stamps.get(step.start).is_none()
        && model.steps[index..]
            .iter()
            .filter(|s| s.applies(disposition))
            .all(|s| item.stamps.get(s.end).is_none())
}

/// One data issue per year that the built-in holiday list does not cover and that a step
/// on the office clock touches (from its start to its end, or to the as-of moment while
/// open), with the number of items concerned (METRICS.md "Office clock").
pub fn holiday_issues(
    items: &[Item],
    judged: &[Judged],
    model: &SopModel,
    as_of: Instant,
    zone: Tz,
) -> Vec<crate::issues::DataIssue> {
    use crate::issues::{DataIssue, IssueKind, Location, Reason};
    let Some(calendar) = model.calendar.as_ref() else {
        return Vec::new();
    };
    let mut years: std::collections::BTreeMap<i32, u64> = std::collections::BTreeMap::new();
    for j in judged {
        let item = &items[j.item];
        let applicable: Vec<&Step> = model
            .steps
            .iter()
            .filter(|s| s.applies(j.disposition))
            .collect();
        let mut spans: Vec<(Stamp, Stamp, Clock, Status)> = model
            .steps
            .iter()
            .zip(&j.steps)
            .map(|(s, r)| (s.start, s.end, s.clock, r.status))
            .collect();
        if let (Some(first), Some(last)) = (applicable.first(), applicable.last()) {
            let e2e = j.steps.last().map_or(Status::NotApplicable, |r| r.status);
            spans.push((first.start, last.end, model.end_to_end_clock, e2e));
        }
        let mut touched = std::collections::BTreeSet::new();
        for (start, end, clock, status) in spans {
            if clock != Clock::Office
                || matches!(status, Status::NotApplicable | Status::Unmeasurable)
            {
                continue;
            }
            let Some(a) = item.stamps.get(start) else {
                continue;
            };
            let b = item.stamps.get(end).unwrap_or(as_of).max(a);
            let (from, to) = (
                a.with_timezone(&zone).date_naive().year(),
                b.with_timezone(&zone).date_naive().year(),
            );
            touched.extend((from..=to).filter(|y| !calendar.covers(*y)));
        }
        for year in touched {
            *years.entry(year).or_default() += 1;
        }
    }
    years
        .into_iter()
        .map(|(year, items)| {
            DataIssue::new(
                IssueKind::NoHolidayList,
                Location::file("patuh.toml [calendar]"),
                Some(year.to_string()),
                None,
                Reason::NoHolidayList { year, items },
            )
        })
        .collect()
}

/// The timestamp fields that the configured steps start or end at and that a table's
/// header maps no column for, each with the ids of the steps that use it.
fn missing_in(table: &crate::ingest::TableSummary, model: &SopModel) -> Vec<(Stamp, Vec<String>)> {
    let mapped: Vec<Stamp> = table
        .columns
        .iter()
        .filter_map(|c| c.field.stamp())
        .collect();
    Stamp::ALL
        .into_iter()
        .filter(|s| !mapped.contains(s))
        .filter_map(|stamp| {
            let steps: Vec<String> = model
                .steps
                .iter()
                .filter(|s| s.start == stamp || s.end == stamp)
                .map(|s| s.id.clone())
                .collect();
            (!steps.is_empty()).then_some((stamp, steps))
        })
        .collect()
}

/// Data issues for the steps the rules cannot judge (invalid and unmeasurable), each at
/// the item's row; `files` are the exports read, by index.
///
/// A table whose header has no column for a field a step starts or ends at gets one issue
/// saying so (with the number of its items that miss the field and to which such a step
/// applies), and the rows read last from it get no issue of their own for that field: the
/// cells are not empty, the column is missing. Step statuses are not touched.
pub fn step_issues(
    items: &[Item],
    judged: &[Judged],
    model: &SopModel,
    files: &[crate::ingest::FileReport],
) -> Vec<crate::issues::DataIssue> {
    use crate::ingest::columns::usual_header;
    use crate::issues::{DataIssue, IssueKind, Location, Reason};
    use std::collections::BTreeMap;
    // Per table (file index, sheet): its header row and the fields it misses, with the
    // steps using each and the items affected.
    type Missing = (u32, Vec<(Stamp, Vec<String>, usize)>);
    let mut tables: BTreeMap<(usize, Option<String>), Missing> = BTreeMap::new();
    for (f, file) in files.iter().enumerate() {
        for sheet in &file.sheets {
            if let crate::ingest::SheetOutcome::Read(t) = &sheet.outcome {
                let missing = missing_in(t, model)
                    .into_iter()
                    .map(|(stamp, steps)| (stamp, steps, 0))
                    .collect();
                tables.insert((f, sheet.name.clone()), (t.header_row, missing));
            }
        }
    }
    let mut issues = Vec::new();
    for j in judged {
        let item = &items[j.item];
        let location = || {
            Location::row(
                &files[item.source.file].file,
                item.source.sheet.as_deref(),
                item.source.row,
            )
        };
        let missing = tables.get_mut(&(item.source.file, item.source.sheet.clone()));
        let absent: Vec<Stamp> = match missing {
            Some((_, fields)) => {
                let mut absent = Vec::new();
                for (stamp, steps, count) in fields.iter_mut() {
                    absent.push(*stamp);
                    let applies = model
                        .steps
                        .iter()
                        .any(|s| steps.contains(&s.id) && s.applies(j.disposition));
                    if applies && item.stamps.get(*stamp).is_none() {
                        *count += 1;
                    }
                }
                absent
            }
            None => Vec::new(),
        };
        for (step_index, (step, result)) in model.steps.iter().zip(&j.steps).enumerate() {
            let (start, end) = (step.start.field(), step.end.field());
            let (kind, field, reason) = match result.status {
                Status::Invalid => (
                    IssueKind::InvalidStep,
                    end,
                    Reason::EndBeforeStart {
                        step: step.id.clone(),
                        start,
                        end,
                        seconds: -result.duration_s.unwrap_or(0),
                    },
                ),
                Status::Unmeasurable if not_reached_yet(item, model, step_index, j.disposition) => {
                    (
                        IssueKind::UnmeasurableStep,
                        start,
                        Reason::NotReachedYet {
                            step: step.id.clone(),
                            start,
                        },
                    )
                }
                Status::Unmeasurable if item.stamps.get(step.start).is_none() => (
                    IssueKind::UnmeasurableStep,
                    start,
                    Reason::StartMissing {
                        step: step.id.clone(),
                        start,
                    },
                ),
                Status::Unmeasurable => (
                    IssueKind::UnmeasurableStep,
                    end,
                    Reason::EndMissingLaterEnded {
                        step: step.id.clone(),
                        end,
                    },
                ),
                _ => continue,
            };
            // Said once for the table, not for each of its rows.
            if kind == IssueKind::UnmeasurableStep
                && field.stamp().is_some_and(|s| absent.contains(&s))
            {
                continue;
            }
            issues.push(DataIssue::new(
                kind,
                location(),
                item.id.as_deref().map(str::to_string),
                Some(field),
                reason,
            ));
        }
    }
    let mut per_table = Vec::new();
    let in_order = files
        .iter()
        .enumerate()
        .flat_map(|(f, file)| file.sheets.iter().map(move |sheet| (f, sheet.name.clone())));
    for (f, sheet) in in_order {
        let Some((header_row, fields)) = tables.remove(&(f, sheet.clone())) else {
            continue;
        };
        for (stamp, steps, count) in fields {
            per_table.push(DataIssue::new(
                IssueKind::MissingColumn,
                Location::row(&files[f].file, sheet.as_deref(), header_row),
                None,
                Some(stamp.field()),
                Reason::NoColumn {
                    header: usual_header(stamp.field()),
                    steps,
                    items: count,
                },
            ));
        }
    }
    per_table.extend(issues);
    per_table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_speaks_the_page_language() {
        let names = |lang| {
            let config = Config::default().with_lang(lang);
            SopModel::from_config(&config)
                .steps
                .into_iter()
                .map(|s| (s.name, s.owner.unwrap()))
                .collect::<Vec<_>>()
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            names(Lang::Id),
            [
                pair("Pemantauan & penyampaian ke Kasi", "Admin Medsos"),
                pair("Analisis & disposisi", "Kasi"),
                pair("Penerusan ke Perangkat Daerah", "Admin Medsos"),
            ]
        );
        assert_eq!(
            names(Lang::En),
            [
                pair("Monitoring & reporting to the Kasi", "Social media admin"),
                pair("Analysis & disposition", "Kasi (section head)"),
                pair("Forwarding to the department", "Social media admin"),
            ]
        );
    }
    use chrono::{TimeZone, Utc};

    fn t(h: u32, m: u32, s: u32) -> Instant {
        Utc.with_ymd_and_hms(2026, 11, 27, h, m, s).unwrap()
    }

    #[test]
    fn status_rules_at_the_boundaries() {
        let as_of = t(23, 0, 0);
        let limit = 600;
        let st = |start, end, later| status_of(start, end, limit, later, as_of).status;
        // = limit is met, limit + 1 s is breached.
        assert_eq!(
            st(Some(t(10, 0, 0)), Some(t(10, 10, 0)), false),
            Status::Met
        );
        assert_eq!(
            st(Some(t(10, 0, 0)), Some(t(10, 10, 1)), false),
            Status::Breached { overdue: false }
        );
        assert_eq!(st(Some(t(10, 0, 0)), Some(t(10, 0, 0)), false), Status::Met);
        // end < start.
        assert_eq!(
            st(Some(t(10, 0, 1)), Some(t(10, 0, 0)), false),
            Status::Invalid
        );
        // start missing.
        assert_eq!(st(None, Some(t(10, 0, 0)), false), Status::Unmeasurable);
        // end missing while a later step's end is present.
        assert_eq!(st(Some(t(10, 0, 0)), None, true), Status::Unmeasurable);
        // open steps before and after the limit at as-of.
        assert_eq!(st(Some(t(22, 50, 0)), None, false), Status::Pending);
        assert_eq!(
            st(Some(t(22, 49, 59)), None, false),
            Status::Breached { overdue: true }
        );
        assert_eq!(st(Some(t(22, 50, 1)), None, false), Status::Pending);
    }

    #[test]
    fn iso_weeks_and_months() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(week_label(d(2026, 12, 31)), "2026-W53");
        assert_eq!(week_label(d(2027, 1, 3)), "2026-W53");
        assert_eq!(week_label(d(2027, 1, 4)), "2027-W01");
        assert_eq!(week_label(d(2026, 1, 29)), "2026-W05");
        assert_eq!(week_label(d(2024, 12, 30)), "2025-W01");
        assert_eq!(month_label(d(2026, 12, 31)), "2026-12");
    }

    #[test]
    fn open_items_list_later_steps_as_not_reached_and_gaps_as_missing() {
        use crate::model::{RowRef, Stamps};
        let item = |stamps: [Option<Instant>; 5]| Item {
            id: Some("A1".into()),
            channel: None,
            channel_text: None,
            kind: None,
            account: None,
            text: None,
            url: None,
            stamps: Stamps(stamps),
            date_only: 0,
            disposition: None,
            department: None,
            admin: None,
            disposed_by: None,
            source: RowRef {
                file: 0,
                sheet: None,
                row: 2,
            },
            occurrences: 1,
        };
        let model = SopModel::default_model();
        let labels = crate::config::Labels::default();
        let files = vec![crate::ingest::FileReport {
            file: "a.csv".into(),
            format: crate::discover::Format::Delimited,
            delimited: None,
            sha256: String::new(),
            latest: None,
            sheets: Vec::new(),
        }];
        let reasons = |items: Vec<Item>| -> Vec<String> {
            let judged = evaluate(
                &items,
                &model,
                &labels,
                t(23, 0, 0),
                chrono_tz::Asia::Jakarta,
            );
            step_issues(&items, &judged, &model, &files)
                .into_iter()
                .map(|i| i.detail())
                .collect()
        };
        // Posted only (disposition unknown, so penerusan does not apply): disposisi waits.
        assert_eq!(
            reasons(vec![item([Some(t(10, 0, 0)), None, None, None, None])]),
            ["step `disposisi` not reached yet: `reported_at` is missing while an earlier step is still open"]
        );
        // Disposed but never reported: a gap, on both sides.
        assert_eq!(
            reasons(vec![item([
                Some(t(10, 0, 0)),
                None,
                Some(t(10, 30, 0)),
                None,
                None
            ])]),
            [
                "step `pemantauan`: `reported_at` is missing while a later step has ended",
                "step `disposisi`: `reported_at` is missing",
            ]
        );
    }
}
