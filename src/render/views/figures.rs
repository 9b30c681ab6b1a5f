//! A compliance figure as the period, department and history pages show it: the
//! percentage with the count it is made of ("12 dari 14"), marked when below the step's
//! target (`[targets]`, in words as well as colour); and what the pages say about periods
//! the data does not cover completely (METRICS.md "Periods that are not complete").

use serde::Serialize;

use crate::render::format::{self, Lang};
use crate::report::{PeriodReport, StepStats};
use crate::words::fill;

use super::rows::StepRow;
use super::Ctx;

/// The mark of a change compared with a period the data does not cover completely.
pub(super) const PARTIAL_MARK: &str = "†";

/// A step's compliance in a group: the percentage, the count it is made of and whether it
/// is below the step's target.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub(super) struct Figure {
    /// `88,5%`, or `–` when nothing was met or breached.
    pub(super) pct: String,
    /// `12 dari 14` (met of met and breached), empty when there is none.
    pub(super) count: String,
    /// Tenths of a percent for sorting, −1 when there is no percentage.
    pub(super) sort: i64,
    /// Whether the percentage shown is below the step's target.
    pub(super) below: bool,
    /// For a step on the office clock, the same figure on the continuous clock in words
    /// (`24 jam: 71,2% (99 dari 139)`), shown beside it (METRICS.md "Office clock"); else
    /// `None`.
    pub(super) cont: Option<String>,
}

impl Ctx<'_> {
    /// The compliance figure of step `id` with the counts `s`.
    pub(super) fn figure(&self, id: &str, s: &StepStats) -> Figure {
        let judged = s.met + s.breached;
        let tenths = format::percent_tenths(s.met, judged);
        Figure {
            pct: format::percent(self.lang, s.met, judged),
            count: if judged == 0 {
                String::new()
            } else {
                fill(
                    &self.t["count_of"],
                    &[("met", &self.int(s.met)), ("judged", &self.int(judged))],
                )
            },
            sort: tenths.map_or(-1, |t| t as i64),
            below: self.below_target(id, tenths),
            cont: s.continuous.as_deref().map(|c| self.continuous_text(id, c)),
        }
    }

    /// A step's figure on the continuous clock in words: `24 jam: 71,2% (99 dari 139)`.
    pub(super) fn continuous_text(&self, id: &str, c: &StepStats) -> String {
        let figure = self.figure(id, c);
        let counted = if figure.count.is_empty() {
            figure.pct
        } else {
            format!("{} ({})", figure.pct, figure.count)
        };
        fill(
            &self.t["continuous_figure"],
            &[("clock", &self.t["clock_continuous"]), ("figure", &counted)],
        )
    }

    /// The target of step `id` in percent, when the office set one.
    pub(super) fn target(&self, id: &str) -> Option<f64> {
        self.input.presentation.targets.get(id).copied()
    }

    /// Whether a percentage shown as `tenths` is below the target of step `id`. The figure
    /// shown is compared, so that `90,0%` is never marked below a target of 90.
    fn below_target(&self, id: &str, tenths: Option<u64>) -> bool {
        match (tenths, self.target(id)) {
            (Some(t), Some(target)) => (t as f64) < target * 10.0,
            _ => false,
        }
    }

    /// The target of step `id` as the pages write it (`90%`, `75,5%`), or `–`.
    pub(super) fn target_text(&self, id: &str) -> String {
        self.target(id)
            .map(|t| target_percent(self.lang, t))
            .unwrap_or_else(|| "–".into())
    }

    /// What the pages say beside a figure below its target: `▼ di bawah target 90%`; empty
    /// when it is not below.
    pub(super) fn below_note(&self, id: &str, figure: &Figure) -> String {
        if figure.below {
            fill(
                &self.t["below_target"],
                &[("target", &self.target_text(id))],
            )
        } else {
            String::new()
        }
    }

    /// What part of `period` the data covers when not all of it: `data mulai Senin, 16
    /// November 2026 08.00 WIB, data s.d. Minggu, 22 November 2026 21.18 WIB`.
    pub(super) fn coverage(&self, period: &PeriodReport) -> Option<String> {
        let zone = self.input.report.zone;
        let parts: Vec<String> = [
            period.data_from.map(|at| ("coverage_from", at)),
            period.data_until.map(|at| ("coverage_until", at)),
        ]
        .into_iter()
        .flatten()
        .map(|(key, at)| {
            fill(
                &self.t[key],
                &[("moment", &format::moment(self.lang, zone, at))],
            )
        })
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The notice at the top of a period's pages when the data does not cover it all.
    pub(super) fn partial_notice(&self, period: &PeriodReport) -> Option<String> {
        self.coverage(period)
            .map(|c| fill(&self.t["partial_period"], &[("coverage", &c)]))
    }

    /// Marks the changes of `rows` (of `period`, compared with `previous`) when either
    /// period is not complete, and gives the note that explains the mark.
    pub(super) fn mark_partial_changes(
        &self,
        rows: &mut [StepRow],
        period: &PeriodReport,
        previous: Option<&PeriodReport>,
    ) -> Option<String> {
        let previous = previous?;
        if !rows.iter().any(|r| r.has_change) {
            return None;
        }
        let partial: Vec<String> = [period, previous]
            .into_iter()
            .filter_map(|p| {
                self.coverage(p)
                    .map(|c| format!("{}: {c}", self.period_title(p)))
            })
            .collect();
        if partial.is_empty() {
            return None;
        }
        for row in rows.iter_mut().filter(|r| r.has_change) {
            row.change_partial = true;
        }
        Some(fill(
            &self.t["partial_change_note"],
            &[("mark", PARTIAL_MARK), ("periods", &partial.join("; "))],
        ))
    }
}

/// A target in percent as the pages write it: whole numbers without decimals (`90%`),
/// others with up to two (`75,5%`, `92.25%`).
fn target_percent(lang: Lang, target: f64) -> String {
    let hundredths = (target * 100.0).round() as i64;
    let whole = hundredths / 100;
    let rest = hundredths % 100;
    let sep = match lang {
        Lang::Id => ',',
        Lang::En => '.',
    };
    if rest == 0 {
        format!("{whole}%")
    } else if rest % 10 == 0 {
        format!("{whole}{sep}{}%", rest / 10)
    } else {
        format!("{whole}{sep}{rest:02}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_written_without_needless_decimals() {
        assert_eq!(target_percent(Lang::Id, 90.0), "90%");
        assert_eq!(target_percent(Lang::Id, 75.5), "75,5%");
        assert_eq!(target_percent(Lang::En, 75.5), "75.5%");
        assert_eq!(target_percent(Lang::Id, 92.25), "92,25%");
        assert_eq!(target_percent(Lang::En, 100.0), "100%");
        assert_eq!(target_percent(Lang::Id, 0.5), "0,5%");
    }
}
