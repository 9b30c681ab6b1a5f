//! The charts' view models: per step, compliance over the last twelve periods of a kind
//! (period, department and overview pages; a department's history), with the targets of
//! `[targets]`; and a department's durations against the limits.

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::Serialize;

use crate::render::charts::{self, DurationRow, Period, TargetLine};
use crate::render::format::{self, Lang};
use crate::report::{GroupStats, PeriodKind, PeriodReport};
use crate::sop::{Judged, Status};

use super::Ctx;

/// How many periods a trend chart shows, this one included.
const TREND_PERIODS: u32 = 12;

/// One step's trend chart.
#[derive(Serialize)]
pub(super) struct TrendChart {
    /// The step's name.
    name: String,
    /// The chart (SVG, its texts escaped).
    svg: String,
}

/// One period in the charts' table of numbers.
#[derive(Serialize)]
pub(super) struct TrendRow {
    /// The period's title.
    period: String,
    /// Whether its data is not complete (marked `*`).
    partial: bool,
    /// Compliance per step (`88,5%`, `–`).
    cells: Vec<String>,
}

/// The trend charts of a page: one per step (end-to-end last), their key and the same
/// numbers as a table.
#[derive(Serialize)]
pub(super) struct Trends {
    /// The section's heading.
    heading: String,
    /// The charts.
    charts: Vec<TrendChart>,
    /// Whether a step has a target (the key then shows the target line).
    has_target: bool,
    /// Whether a period shown is not complete (the key then shows the hollow point).
    has_partial: bool,
    /// The steps' names, heads of the table.
    steps: Vec<String>,
    /// The target of each step (`90%`, `–`).
    targets: Vec<String>,
    /// The periods, oldest first.
    rows: Vec<TrendRow>,
}

/// A period in a chart: its first and last day and its report, when it has items.
pub(super) struct Slot<'r> {
    pub(super) start: NaiveDate,
    end: NaiveDate,
    report: Option<&'r PeriodReport>,
}

/// A target percentage as written (`90%`, `75,5%`).
fn target_text(lang: Lang, pct: f64) -> String {
    let tenths = (pct * 10.0).round() as u64;
    let sep = match lang {
        Lang::Id => ',',
        Lang::En => '.',
    };
    if tenths.is_multiple_of(10) {
        format!("{}%", tenths / 10)
    } else {
        format!("{}{sep}{}%", tenths / 10, tenths % 10)
    }
}

impl Ctx<'_> {
    /// The periods of `period`'s kind up to and including it, at most twelve, none before
    /// the first period of that kind with items; periods without items are there too
    /// (gaps in the charts).
    pub(super) fn slots(&self, period: &PeriodReport) -> Vec<Slot<'_>> {
        let of_kind = || {
            self.input
                .report
                .periods
                .iter()
                .filter(|p| p.kind == period.kind)
        };
        let first = of_kind().map(|p| p.start).min().unwrap_or(period.start);
        (0..TREND_PERIODS)
            .rev()
            .filter_map(|k| {
                let (start, end) = match period.kind {
                    PeriodKind::Week => {
                        let start = period.start - Duration::days(7 * i64::from(k));
                        (start, start + Duration::days(6))
                    }
                    PeriodKind::Month => {
                        let start = period.start.checked_sub_months(Months::new(k))?;
                        let next = start.checked_add_months(Months::new(1))?;
                        (start, next - Duration::days(1))
                    }
                };
                (start >= first).then(|| Slot {
                    start,
                    end,
                    report: of_kind().find(|p| p.start == start),
                })
            })
            .collect()
    }

    /// The title of a slot, as the period's own pages write it.
    fn slot_title(&self, kind: PeriodKind, slot: &Slot<'_>) -> String {
        match slot.report {
            Some(p) => self.period_title(p),
            None => self.period_title(&PeriodReport {
                kind,
                label: String::new(),
                start: slot.start,
                end: slot.end,
                complete: true,
                data_from: None,
                data_until: None,
                total: GroupStats {
                    items: 0,
                    overdue_items: 0,
                    steps: Vec::new(),
                },
                departments: Vec::new(),
                members: Vec::new(),
                settled: None,
            }),
        }
    }

    /// The tick (`47`, `Nov`) and the short name (`Pekan 47`, `November 2026`) of a slot.
    fn slot_names(&self, kind: PeriodKind, start: NaiveDate) -> (String, String) {
        match kind {
            PeriodKind::Week => {
                let n = start.iso_week().week().to_string();
                let name = crate::words::fill(&self.t["chart_week_short"], &[("n", &n)]);
                (n, name)
            }
            PeriodKind::Month => {
                let name = format::month(self.lang, start.year(), start.month());
                (name.chars().take(3).collect(), name)
            }
        }
    }

    /// The target line of step `id`, when `[targets]` has one.
    fn target_line(&self, id: &str) -> Option<TargetLine> {
        let pct = *self.input.presentation.targets.get(id)?;
        Some(TargetLine {
            tenths: (pct * 10.0).round() as u64,
            label: crate::words::fill(
                &self.t["chart_target"],
                &[("pct", &target_text(self.lang, pct))],
            ),
        })
    }

    /// The chart of step number `step` (`self.ids` order) over `slots`, with the group's
    /// numbers given by `stats`.
    fn step_chart(
        &self,
        id_prefix: &str,
        kind: PeriodKind,
        step: usize,
        slots: &[Slot<'_>],
        stats: &dyn Fn(&PeriodReport) -> Option<GroupStats>,
    ) -> (TrendChart, Vec<String>) {
        let target = self.target_line(&self.ids[step]);
        let mut shown = Vec::new();
        let mut desc = Vec::new();
        let periods: Vec<Period> = slots
            .iter()
            .map(|slot| {
                let (tick, name) = self.slot_names(kind, slot.start);
                let s = slot.report.and_then(stats).map(|g| g.steps[step].1.clone());
                let (met, judged) = s.map_or((0, 0), |s| (s.met, s.met + s.breached));
                let tenths = format::percent_tenths(met, judged);
                let text = format::percent(self.lang, met, judged);
                let partial = slot.report.is_some_and(|p| !p.complete);
                let full = match partial {
                    true => format!("{text} ({})", self.t["chart_partial"]),
                    false => text.clone(),
                };
                desc.push(match tenths {
                    None => format!("{name}: {}", self.t["chart_no_data"]),
                    Some(_) => format!("{name}: {full}"),
                });
                shown.push(text.clone());
                Period {
                    tick,
                    name,
                    tenths,
                    value: text.trim_end_matches('%').to_string(),
                    shown: full,
                    partial,
                }
            })
            .collect();
        let mut description = desc.join("; ");
        if let Some(t) = &target {
            description.push_str(&format!("; {}", t.label));
        }
        let name = self.step_names[step].clone();
        let axis = match kind {
            PeriodKind::Week => &self.t["chart_axis_week"],
            PeriodKind::Month => &self.t["chart_axis_month"],
        };
        let svg = charts::compliance(
            &format!("{id_prefix}-{}", self.ids[step]),
            &name,
            &description,
            axis,
            target.as_ref(),
            &periods,
        );
        (TrendChart { name, svg }, shown)
    }

    /// The trend charts of every step for `period` and the periods of its kind before it:
    /// of the whole period (`department` `None`) or of one department.
    pub(super) fn trends(&self, period: &PeriodReport, department: Option<&str>) -> Trends {
        let slots = self.slots(period);
        let stats = |p: &PeriodReport| match department {
            None => Some(p.total.clone()),
            Some(name) => p
                .departments
                .iter()
                .find(|d| d.name == name)
                .map(|d| d.stats.clone()),
        };
        let mut charts = Vec::new();
        let mut columns = Vec::new();
        for step in 0..self.ids.len() {
            let (chart, shown) = self.step_chart("tren", period.kind, step, &slots, &stats);
            charts.push(chart);
            columns.push(shown);
        }
        let rows = slots
            .iter()
            .enumerate()
            .map(|(i, slot)| TrendRow {
                period: self.slot_title(period.kind, slot),
                partial: slot.report.is_some_and(|p| !p.complete),
                cells: columns.iter().map(|c| c[i].clone()).collect(),
            })
            .collect::<Vec<_>>();
        let targets = &self.input.presentation.targets;
        Trends {
            heading: match period.kind {
                PeriodKind::Week => self.t["chart_trends_week"].clone(),
                PeriodKind::Month => self.t["chart_trends_month"].clone(),
            },
            charts,
            has_target: self.ids.iter().any(|id| targets.contains_key(id)),
            has_partial: rows.iter().any(|r| r.partial),
            steps: self.step_names.clone(),
            targets: self
                .ids
                .iter()
                .map(|id| {
                    targets
                        .get(id)
                        .map_or("–".into(), |&pct| target_text(self.lang, pct))
                })
                .collect(),
            rows,
        }
    }

    /// The end-to-end trend of the twelve weeks up to the last of `weeks`, of the group
    /// given by `stats`, with its target (a department's history).
    pub(super) fn trend_svg(
        &self,
        id: &str,
        weeks: &[&PeriodReport],
        stats: impl Fn(&PeriodReport) -> Option<GroupStats>,
    ) -> String {
        let Some(last) = weeks.last() else {
            return String::new();
        };
        let slots = self.slots(last);
        let e2e = self.ids.len() - 1;
        self.step_chart(id, PeriodKind::Week, e2e, &slots, &stats)
            .0
            .svg
    }

    /// What the durations chart of `members` draws, in words: one dot per item, or bars
    /// of counts for a step with more than [`charts::DOTS_MAX`] durations.
    pub(super) fn durations_caption(&self, members: &[&Judged]) -> String {
        let bars = self
            .input
            .report
            .model
            .steps
            .iter()
            .enumerate()
            .any(|(i, _)| {
                members
                    .iter()
                    .filter(|j| matches!(j.steps[i].status, Status::Met | Status::Breached { .. }))
                    .filter(|j| j.steps[i].duration_s.is_some())
                    .count()
                    > charts::DOTS_MAX
            });
        self.t[if bars {
            "durations_alt_bars"
        } else {
            "durations_alt"
        }]
        .clone()
    }

    /// The durations of `members` per step against the step's limit (a department's page).
    pub(super) fn durations_svg(&self, members: &[&Judged]) -> String {
        let rows: Vec<DurationRow> = self
            .input
            .report
            .model
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| DurationRow {
                name: step.name.clone(),
                limit_s: step.limit_s,
                limit_label: crate::words::fill(
                    &self.t["chart_limit"],
                    &[("limit", &format::duration(self.lang, step.limit_s))],
                ),
                durations: members
                    .iter()
                    .filter(|j| matches!(j.steps[i].status, Status::Met | Status::Breached { .. }))
                    .filter_map(|j| j.steps[i].duration_s)
                    .collect(),
            })
            .collect();
        let lang = self.lang;
        let mut description = self.durations_caption(members);
        for (i, row) in rows.iter().enumerate() {
            let late = row.durations.iter().filter(|&&d| d > row.limit_s).count();
            let longest = self.step_duration(i, row.durations.iter().max().copied());
            description.push_str(&format!(
                ". {}",
                crate::words::fill(
                    &self.t["chart_durations_row"],
                    &[
                        ("step", &row.name),
                        ("n", &format::integer(lang, row.durations.len() as u64)),
                        ("late", &format::integer(lang, late as u64)),
                        ("limit", &format::duration(lang, row.limit_s)),
                        ("longest", &longest),
                    ],
                )
            ));
        }
        charts::durations(
            "durasi",
            &self.t["durations_chart"],
            &description,
            &rows,
            &|s| {
                if s == 0 {
                    "0".into()
                } else {
                    format::duration(lang, s)
                }
            },
            &|n, longest| {
                crate::words::fill(
                    &self.t["chart_beyond"],
                    &[
                        ("n", &format::integer(lang, n as u64)),
                        ("longest", &format::duration(lang, longest)),
                    ],
                )
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_written_like_percentages() {
        assert_eq!(target_text(Lang::Id, 90.0), "90%");
        assert_eq!(target_text(Lang::Id, 75.5), "75,5%");
        assert_eq!(target_text(Lang::En, 75.5), "75.5%");
    }
}
