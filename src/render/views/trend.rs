//! The trend chart of the last weeks' end-to-end compliance, on the overview and on
//! each department's history.

use crate::render::charts::{self, TrendPoint};
use crate::render::format;
use crate::report::{GroupStats, PeriodReport};

use super::Ctx;

impl Ctx<'_> {
    /// The trend chart of `weeks` (the group's end-to-end compliance by `stats`), as SVG
    /// (`id` as in `charts::trend`).
    pub(super) fn trend_svg(
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
}
