//! The rows shared by several pages: a step's numbers, a group's compliance (department,
//! channel, period) and an item of a register, each already formatted.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Clock;
use crate::model::{Instant, Item, Stamp};
use crate::privacy;
use crate::render::format::{self, Lang};
use crate::render::paths;
use crate::report::{GroupStats, PeriodReport};
use crate::sop::{Judged, Status};

use super::figures::Figure;
use super::{Ctx, Target};

/// Longest citizen's text shown in a table, in characters.
const TEXT_SHOWN: usize = 160;

/// A step's numbers in a group (period, department): counts, compliance, durations and
/// the change from the period before.
#[derive(Serialize, Clone)]
pub(super) struct StepRow {
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
    /// The change from the period before, or `–` when there is none to compare.
    change: String,
    /// Whether there is a change to show (templates test this, not the text).
    pub(super) has_change: bool,
    /// Open items past their limit, as a number (templates test this, not the text).
    overdue_count: u64,
    /// The compliance with its count and whether it is below the target.
    figure: Figure,
    /// The step's target (`90%`), or `–` when it has none.
    target: String,
    /// `▼ di bawah target 90%` when the compliance is below the target, else empty.
    target_note: String,
    /// Whether the change compares with a period the data does not cover completely
    /// (marked `†`, explained under the table).
    pub(super) change_partial: bool,
    /// The word of the step's clock (`jam kerja`, `24 jam`) when a step of the site runs
    /// on the office clock; empty otherwise (nothing to tell apart).
    clock: String,
    /// For a step on the office clock: the same figures on the continuous clock, shown
    /// beside the official ones (METRICS.md "Office clock").
    continuous: Option<ContinuousRow>,
}

/// A step's figures on the continuous clock, beside its office-clock ones.
#[derive(Serialize, Clone)]
pub(super) struct ContinuousRow {
    /// The compliance with its count.
    figure: Figure,
    /// The figure in words with its clock: `24 jam: 71,2% (99 dari 139)`.
    text: String,
    median: String,
    p90: String,
    max: String,
}

/// A group's line in a table (department, channel, kind, admin, period): its compliance
/// per step and its link, when it has a page.
#[derive(Serialize, Clone)]
pub(super) struct GroupRow {
    name: String,
    href: Option<String>,
    md: Option<String>,
    rank: Option<usize>,
    items: String,
    steps: Vec<String>,
    overdue: String,
    compliance: String,
    compliance_tenths: Option<u64>,
    /// The end-to-end compliance with its count.
    total: Figure,
    /// Each step's compliance with its count (the configured steps, then end-to-end).
    figures: Vec<Figure>,
    /// Whether one of its figures is below its step's target (the table explains `▼`).
    any_below: bool,
    /// Shown but given no place in order: fewer items than `[ranking] min_items`.
    pub(super) few: bool,
    /// A period the data does not cover completely (on history pages).
    pub(super) partial: bool,
}

/// One step of an item on a register: its status, duration and clock times.
#[derive(Serialize, Clone)]
pub(super) struct ItemStep {
    pub(super) status_key: &'static str,
    pub(super) status: String,
    pub(super) duration: String,
    /// The duration in seconds, for sorting (`data-sort`); `None` when there is none.
    pub(super) duration_s: Option<i64>,
    /// Start and end as times of day (`21.30 → 07.00 (+1 hari)`), empty without a start.
    pub(super) clock: String,
    /// Judged from a date without a time (read as midnight): marked `*`.
    pub(super) date_only: bool,
}

/// An item on a register: what it is, who handled it and each step.
#[derive(Serialize, Clone)]
pub(super) struct ItemRow {
    pub(super) id: String,
    pub(super) url: Option<String>,
    pub(super) department: String,
    pub(super) posted: String,
    /// The posting time in seconds since 1970, for sorting (`data-sort`).
    pub(super) posted_s: Option<i64>,
    pub(super) channel: String,
    pub(super) kind: String,
    pub(super) admin: String,
    pub(super) text: String,
    pub(super) steps: Vec<ItemStep>,
    /// The word of the zone the clock times are in (`WIB`).
    pub(super) zone: String,
    /// Whether a step is marked as judged from a date without a time (the table then
    /// explains the mark).
    pub(super) date_only: bool,
    /// Whether a clock time is marked as outside office hours (`[calendar]` set).
    pub(super) outside_hours: bool,
    pub(super) exception: bool,
}

impl Ctx<'_> {
    /// The steps of a group, each with its change from `previous` (the same group in the
    /// period before), when there is one.
    pub(super) fn step_rows(
        &self,
        stats: &GroupStats,
        previous: Option<&GroupStats>,
    ) -> Vec<StepRow> {
        let model = &self.input.report.model;
        stats
            .steps
            .iter()
            .enumerate()
            .map(|(i, (id, s))| {
                let judged = s.met + s.breached;
                let tenths = format::percent_tenths(s.met, judged);
                let change_text = previous
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
                    });
                let has_change = change_text.is_some();
                let change = change_text.unwrap_or_else(|| "–".into());
                let figure = self.figure(id, s);
                let target_note = self.below_note(id, &figure);
                let clock = model
                    .steps
                    .get(i)
                    .map_or(model.end_to_end_clock, |step| step.clock);
                let clock_word = if !model.uses_office_clock() {
                    String::new()
                } else if clock == Clock::Office {
                    self.t["clock_office"].clone()
                } else {
                    self.t["clock_continuous"].clone()
                };
                let continuous = s.continuous.as_deref().map(|c| {
                    let figure = Figure {
                        below: false,
                        ..self.figure(id, c)
                    };
                    ContinuousRow {
                        text: self.continuous_text(id, c),
                        median: self.duration(c.median_s),
                        p90: self.duration(c.p90_s),
                        max: self.duration(c.max_s),
                        figure,
                    }
                });
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
                    median: self.step_duration(i, s.median_s),
                    p90: self.step_duration(i, s.p90_s),
                    max: self.step_duration(i, s.max_s),
                    change,
                    has_change,
                    overdue_count: s.overdue,
                    target: self.target_text(id),
                    target_note,
                    figure,
                    change_partial: false,
                    clock: clock_word,
                    continuous,
                }
            })
            .collect()
    }

    /// A group's row, linked `to` its page when it has one.
    pub(super) fn group_row(&self, name: &str, to: Option<Target>, stats: &GroupStats) -> GroupRow {
        let compliance =
            |s: &crate::report::StepStats| format::percent(self.lang, s.met, s.met + s.breached);
        let e2e = &stats.steps.last().expect("end_to_end is always there").1;
        let figures: Vec<Figure> = stats
            .steps
            .iter()
            .map(|(id, s)| self.figure(id, s))
            .collect();
        GroupRow {
            name: self.shown(name),
            href: to.as_ref().map(|t| t.href.clone()),
            md: to.map(|t| t.md),
            rank: None,
            items: self.int(stats.items),
            steps: stats.steps.iter().map(|(_, s)| compliance(s)).collect(),
            overdue: self.int(stats.overdue_items),
            compliance: compliance(e2e),
            compliance_tenths: format::percent_tenths(e2e.met, e2e.met + e2e.breached),
            any_below: figures.iter().any(|f| f.below),
            total: self.figure("end_to_end", e2e),
            figures,
            few: false,
            partial: false,
        }
    }

    /// Departments of a period: those with at least `min_items` items in order (by
    /// end-to-end compliance, no value last, ties by name), then those with fewer by name,
    /// shown but given no place; and the pseudo-departments apart, which are not
    /// departments (SOP.md "Who is measured").
    pub(super) fn departments_of(
        &self,
        period: &PeriodReport,
        root: &str,
        min_items: u64,
    ) -> (Vec<GroupRow>, Vec<GroupRow>) {
        let (ordered, pseudo) = period.departments_in_order(min_items);
        let row = |d: &crate::report::DepartmentStats| {
            self.group_row(
                &d.name,
                Some(Target::new(root, &paths::department(period, &d.slug))),
                &d.stats,
            )
        };
        let rows = ordered
            .into_iter()
            .map(|(d, place)| {
                let mut r = row(d);
                r.rank = place;
                r.few = place.is_none();
                r
            })
            .collect();
        let pseudo = pseudo.into_iter().map(row).collect();
        (rows, pseudo)
    }

    /// An item's ticket id as shown (masked, `–` when it has none) and the address of its
    /// post, when it has a web address that carries no personal data (or masking is off).
    pub(super) fn item_id_and_url(&self, item: &Item) -> (String, Option<String>) {
        let url = item
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .filter(|u| {
                !(self.input.presentation.mask_personal_data && privacy::has_personal_data(u))
            })
            .map(str::to_string);
        let id = item
            .id
            .as_deref()
            .map(|id| self.shown(id))
            .unwrap_or_else(|| "–".into());
        (id, url)
    }

    /// Where step `index` of a judged item starts and ends (`index` past the configured
    /// steps: `end_to_end`, from the first applicable step's start to the last one's end);
    /// `None` when the step does not apply.
    pub(super) fn step_stamps(&self, j: &Judged, index: usize) -> Option<(Stamp, Stamp)> {
        let steps = &self.input.report.model.steps;
        match steps.get(index) {
            Some(step) => step
                .applies(j.disposition)
                .then_some((step.start, step.end)),
            None => {
                let mut applicable = steps.iter().filter(|s| s.applies(j.disposition));
                let first = applicable.next()?;
                let last = applicable.next_back().unwrap_or(first);
                Some((first.start, last.end))
            }
        }
    }

    fn item_row(&self, j: &Judged) -> ItemRow {
        let item = &self.input.ledger.items[j.item];
        let zone = self.input.report.zone;
        let shown = privacy::start_of(
            item.text.as_deref().unwrap_or(""),
            TEXT_SHOWN,
            self.input.presentation.mask_personal_data,
        );
        let (id, url) = self.item_id_and_url(item);
        let calendar = self.input.report.model.calendar.as_ref();
        let steps: Vec<ItemStep> = j
            .steps
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let key = r.status.key();
                let clock = self
                    .step_stamps(j, i)
                    .filter(|_| r.status != Status::NotApplicable)
                    .and_then(|(start, end)| {
                        let start = item.stamps.get(start)?;
                        let end = item.stamps.get(end);
                        let outside = |t| {
                            calendar
                                .is_some_and(|c: &crate::calendar::Calendar| !c.is_working(t, zone))
                        };
                        Some(format::clock_span_marked(
                            self.lang, zone, start, end, outside,
                        ))
                    })
                    .unwrap_or_default();
                ItemStep {
                    status_key: key,
                    status: self.t[key].clone(),
                    duration: self.step_duration(i, r.duration_s),
                    duration_s: r.duration_s,
                    clock,
                    date_only: r.date_only,
                }
            })
            .collect();
        let outside_hours = steps.iter().any(|s| s.clock.contains('°'));
        let posted_at = item.stamps.get(Stamp::PostedAt);
        ItemRow {
            id,
            url,
            department: self.shown(&j.group.name),
            posted: posted_at
                .map(|t| format::short_moment(self.lang, zone, t))
                .unwrap_or_else(|| "–".into()),
            posted_s: posted_at.map(|t| t.timestamp()),
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
            steps,
            date_only: j.steps.iter().any(|r| r.date_only),
            outside_hours,
            zone: format::zone_word(zone, j.placed),
            exception: is_exception(j),
        }
    }

    /// Items of a period (or department), exceptions first, then by posting time.
    pub(super) fn item_rows<'j>(&self, members: impl Iterator<Item = &'j Judged>) -> Vec<ItemRow> {
        self.rows_of(self.register_order(members.collect()).into_iter())
    }

    /// The order of a register: exceptions first, then by posting time.
    pub(super) fn register_order<'j>(&self, mut judged: Vec<&'j Judged>) -> Vec<&'j Judged> {
        let items = &self.input.ledger.items;
        judged.sort_by_key(|j| {
            (
                !is_exception(j),
                items[j.item].stamps.get(Stamp::PostedAt),
                j.item,
            )
        });
        judged
    }

    /// The rows of these items, in this order.
    pub(super) fn rows_of<'j>(&self, judged: impl Iterator<Item = &'j Judged>) -> Vec<ItemRow> {
        judged.map(|j| self.item_row(j)).collect()
    }

    /// How late an exception is at `at` (the moment its page describes): its most late
    /// step; `None` for an exception that is not late (invalid or unmeasurable only).
    pub(super) fn lateness(&self, j: &Judged, at: Option<Instant>) -> Option<Lateness> {
        (0..self.input.report.model.steps.len())
            .filter_map(|i| self.step_lateness(j, i, at))
            .max_by_key(|l| l.late_s)
    }

    /// How late step `step` of `j` is at `at` (the moment its page describes): past its
    /// limit when done late, or at `at` when still open past it; `None` when it is not
    /// past its limit.
    pub(super) fn step_lateness(
        &self,
        j: &Judged,
        step: usize,
        at: Option<Instant>,
    ) -> Option<Lateness> {
        let r = &j.steps[step];
        match r.status {
            Status::Breached { overdue: false } => Some(Lateness {
                late_s: r.duration_s? - r.limit_s,
                open_since: None,
            }),
            Status::Breached { overdue: true } => {
                let report = &self.input.report;
                let item = &self.input.ledger.items[j.item];
                let overdue = crate::sop::overdue(item, j, &report.model, step, report.zone, at?)?;
                Some(Lateness {
                    late_s: overdue.late_s,
                    open_since: Some(overdue.since),
                })
            }
            _ => None,
        }
    }

    /// Breakdown of a period's items by some key (channel, kind, admin).
    pub(super) fn breakdown(
        &self,
        members: &[usize],
        key: impl Fn(&Judged) -> String,
    ) -> Vec<GroupRow> {
        let judged = &self.input.judged;
        let mut groups: BTreeMap<String, Vec<&Judged>> = BTreeMap::new();
        for &m in members {
            groups.entry(key(&judged[m])).or_default().push(&judged[m]);
        }
        groups
            .into_iter()
            .map(|(name, js)| self.group_row(&name, None, &self.aggregate(js.into_iter())))
            .collect()
    }
}

/// Whether an item has a step breached, invalid or unmeasurable: listed first, marked.
pub(super) fn is_exception(j: &Judged) -> bool {
    j.steps.iter().any(|r| {
        matches!(
            r.status,
            Status::Breached { .. } | Status::Invalid | Status::Unmeasurable
        )
    })
}

/// How late a step is at the moment its page describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Lateness {
    /// Seconds past its limit on the step's clock: when done, or at the page's moment
    /// when still open.
    pub(super) late_s: i64,
    /// When still open: the moment it went past its limit (what the page names, the same
    /// at any later moment; issue 13).
    pub(super) open_since: Option<Instant>,
}
