//! A department's page in a period (`<period>/<slug>`): what Diskominfo did with the items
//! destined for it (SOP.md "Who is measured"), its steps, duration chart and items. A
//! pseudo-department (answered directly, undisposed ...) has the same page, says that it
//! is not a department, and has no history.
//!
//! A week's page lists every item (its register, over further pages past `[pages]
//! register_rows`); a month's page lists the month's late items (at most `[pages]
//! late_items`, the most late first) and links to the department's pages of the weeks
//! of the month, which list every item (issue 13: each item is a row of one page of the
//! site, not two). The month's downloads keep every item of the month.

use serde::Serialize;

use crate::render::paths;
use crate::report::{PeriodKind, PeriodReport};

use super::rows::StepRow;
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
    let department = period
        .departments
        .iter()
        .find(|d| d.name == name)
        .expect("listed department");
    let members = crate::render::department_members(judged, department);
    let stats = &department.stats;
    let title = format!("{} · {}", ctx.shown(name), ctx.period_title(period));
    let mut common = ctx.common_at(
        root,
        title,
        format!(
            "{} ({})",
            ctx.period_title(period),
            ctx.period_range(period)
        ),
        ctx.page_as_of(period, Some(department)),
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
        /// What the figures show (and that a pseudo-department is not a department).
        about: String,
        /// `Periode ini belum lengkap: data s.d. …` when the data does not cover it all.
        partial: Option<String>,
        steps: Vec<StepRow>,
        /// Explains the `†` of changes compared with a period not complete.
        change_note: Option<String>,
        chart_svg: String,
        /// What the chart draws: dots, or bars of counts for a long list.
        chart_caption: String,
        trends: super::trend::Trends,
        /// A week's register (its first page), or a month's late items.
        register: super::items_table::ItemsTable,
        /// Where the first page of the register sits, when it takes more than one.
        pager: Option<super::register::Pager>,
        /// A month's page: the note that only the most late of its late items are
        /// listed, when there are more than `[pages] late_items`.
        register_note: Option<String>,
        /// A month's page: the department's pages of the weeks of the month that hold
        /// its items, where every item is listed.
        weeks: Option<Vec<WeekLink>>,
        /// The department's history; none for a pseudo-department.
        history: Option<Target>,
        step_names: &'a [String],
    }
    let history = (!department.pseudo).then(|| Target::new(root, &paths::history(slug)));
    let previous = prev.filter(|p| p.departments.iter().any(|d| d.name == name));
    let mut steps = ctx.step_rows(
        stats,
        previous
            .and_then(|p| p.departments.iter().find(|d| d.name == name))
            .map(|d| &d.stats),
    );
    let change_note = ctx.mark_partial_changes(&mut steps, period, previous);
    let about = crate::words::fill(
        &ctx.t[if department.pseudo {
            "pseudo_page_text"
        } else {
            "department_page_text"
        }],
        &[("name", &ctx.shown(name))],
    );
    let chart_svg = ctx.durations_svg(&members);
    let chart_caption = ctx.durations_caption(&members);
    let (register, pager, register_note, weeks, caption) = match period.kind {
        PeriodKind::Week => {
            let (rows, pager) = ctx.register_rows(members, period, slug, 1, root);
            (rows, pager, None, None, &ctx.t["register"])
        }
        PeriodKind::Month => {
            let moment = ctx
                .page_as_of(period, Some(department))
                .at(ctx.input.report);
            let (rows, note) =
                ctx.exceptions_of(members.into_iter(), moment, "exceptions_capped_department");
            let weeks = ctx.weeks_of(period, name, slug, root);
            (rows, None, note, Some(weeks), &ctx.t["exceptions"])
        }
    };
    let view = View {
        common,
        name: ctx.shown(name),
        period: ctx.period_title(period),
        range: ctx.period_range(period),
        items: ctx.int(stats.items),
        about,
        partial: ctx.partial_notice(period),
        steps,
        change_note,
        chart_svg,
        chart_caption,
        trends: ctx.trends(period, Some(name)),
        register: super::items_table::items_table(
            &register,
            ctx.t,
            caption,
            &ctx.step_names,
            super::items_table::Columns::Register,
        ),
        pager,
        register_note,
        weeks,
        history,
        step_names: &ctx.step_names,
    };
    Page {
        template: "department",
        path: paths::department(period, slug),
        context: to_value(view),
    }
}

/// A link to a department's page of a week, with how many of its items that week holds.
#[derive(Serialize)]
struct WeekLink {
    #[serde(flatten)]
    link: Link,
    /// `312 item`.
    items: String,
}

impl Ctx<'_> {
    /// The department's pages of the weeks that overlap `month` and hold items of
    /// department `name`, in time order.
    fn weeks_of(&self, month: &PeriodReport, name: &str, slug: &str, root: &str) -> Vec<WeekLink> {
        self.input
            .report
            .periods
            .iter()
            .filter(|w| w.kind == PeriodKind::Week && w.start <= month.end && w.end >= month.start)
            .filter_map(|w| {
                let d = w.departments.iter().find(|d| d.name == name)?;
                Some(WeekLink {
                    link: Link::new(root, &paths::department(w, slug), self.period_title(w)),
                    items: format!(
                        "{} {}",
                        self.int(d.stats.items),
                        self.t["items"].to_lowercase()
                    ),
                })
            })
            .collect()
    }
}
