//! A department's page in a period (`<period>/<slug>`): its steps, duration chart and
//! register.

use serde::Serialize;

use crate::render::paths;
use crate::report::PeriodReport;

use super::rows::{ItemRow, StepRow};
use super::{to_value, Common, Ctx, Link, Page, Target};

/// The page of department `name` (`slug`) in `period`, linked to the same department
/// in the periods before and after.
pub(super) fn department_page(
    ctx: &Ctx<'_>,
    period: &PeriodReport,
    name: &str,
    slug: &str,
    prev: Option<&PeriodReport>,
    next: Option<&PeriodReport>,
) -> Page {
    let root = "../../";
    let judged = &ctx.input.judged;
    let members = crate::render::group_members(judged, period, name);
    let stats = &period
        .departments
        .iter()
        .find(|d| d.name == name)
        .expect("listed department")
        .stats;
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
    common.up = Some(Link::new(
        root,
        &paths::period(period),
        ctx.period_title(period),
    ));
    let sibling = |p: &PeriodReport| {
        p.departments
            .iter()
            .any(|d| d.name == name)
            .then(|| Link::new(root, &paths::department(p, slug), ctx.period_title(p)))
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
        trends: super::trend::Trends,
        register: Vec<ItemRow>,
        history_href: String,
        history_md: String,
        csv_href: String,
        step_names: &'a [String],
    }
    let history = Target::new(root, &paths::history(slug));
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
        chart_svg: ctx.durations_svg(&members),
        trends: ctx.trends(period, Some(name)),
        register: ctx.item_rows(members.into_iter()),
        history_href: history.href,
        history_md: history.md,
        csv_href: paths::register_name(slug),
        step_names: &ctx.step_names,
    };
    Page {
        template: "department",
        path: paths::department(period, slug),
        context: to_value(view),
    }
}
