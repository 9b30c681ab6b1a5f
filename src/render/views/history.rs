//! A department's history page (`pd/<slug>`): its trend and every week and month, those
//! the data does not cover completely marked. Pseudo-departments have none.

use serde::Serialize;

use crate::render::paths;
use crate::report::{PeriodKind, PeriodReport};

use super::rows::GroupRow;
use super::{to_value, Common, Ctx, Page, Target};

/// The history page of department `name` (`slug`).
pub(super) fn history_page(ctx: &Ctx<'_>, name: &str, slug: &str) -> Page {
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
                    let mut row = ctx.group_row(
                        &ctx.period_title(p),
                        Some(Target::new(root, &paths::department(p, slug))),
                        &s,
                    );
                    row.partial = !p.complete;
                    row
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
        /// What the figures show: what Diskominfo did, not the department.
        about: String,
        trend_svg: String,
        weeks: Vec<GroupRow>,
        months: Vec<GroupRow>,
        step_names: &'a [String],
    }
    let view = View {
        common,
        name: ctx.shown(name),
        about: crate::words::fill(
            &ctx.t["department_page_text"],
            &[("name", &ctx.shown(name))],
        ),
        trend_svg: ctx.trend_svg("trend", &last12, stats_of),
        weeks: rows(PeriodKind::Week),
        months: rows(PeriodKind::Month),
        step_names: &ctx.step_names,
    };
    Page {
        template: "history",
        path: paths::history(slug),
        context: to_value(view),
    }
}
