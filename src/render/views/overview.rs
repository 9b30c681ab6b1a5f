//! The overview page (`index`): what to do now (the open items), the latest week and
//! month, the trend and links to every period and department.

use serde::Serialize;

use crate::render::paths;
use crate::report::{PeriodKind, PeriodReport};

use super::rows::{GroupRow, StepRow};
use super::{to_value, Common, Ctx, Link, Page};

#[derive(Serialize)]
struct PeriodCard {
    title: String,
    href: String,
    range: String,
    items: String,
    steps: Vec<StepRow>,
    ranked: Vec<GroupRow>,
    /// Explains the `†` of changes compared with a period not complete.
    change_note: Option<String>,
    /// Why some departments have no place in order (fewer than `[ranking] min_items`).
    few_note: Option<String>,
    pseudo: Vec<GroupRow>,
}

/// The overview page.
pub(super) fn index_page(ctx: &Ctx<'_>) -> Page {
    let report = ctx.input.report;
    let weeks: Vec<&PeriodReport> = report
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Week)
        .collect();
    let months: Vec<&PeriodReport> = report
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Month)
        .collect();
    let card = |list: &[&PeriodReport]| -> Option<PeriodCard> {
        let p = *list.last()?;
        let prev = list.len().checked_sub(2).map(|i| list[i]);
        let mut steps = ctx.step_rows(&p.total, prev.map(|q| &q.total));
        let change_note = ctx.mark_partial_changes(&mut steps, p, prev);
        let (ranked, pseudo) = ctx.departments_of(p, "", ctx.input.presentation.min_items);
        let few_note = ranked.iter().any(|r| r.few).then(|| {
            crate::words::fill(
                &ctx.t["few_items"],
                &[("n", &ctx.int(ctx.input.presentation.min_items))],
            )
        });
        Some(PeriodCard {
            title: ctx.period_title(p),
            href: paths::period(p).html(),
            range: ctx.period_range(p),
            items: ctx.int(p.total.items),
            steps,
            change_note,
            ranked,
            few_note,
            pseudo,
        })
    };
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        latest_week: Option<PeriodCard>,
        latest_month: Option<PeriodCard>,
        todo: super::todo::Todo,
        trends: Option<super::trend::Trends>,
        weeks: Vec<Link>,
        months: Vec<Link>,
        departments: Vec<Link>,
        step_names: &'a [String],
        rows: crate::ingest::RowCounts,
        issues: usize,
    }
    let link = |p: &&PeriodReport| Link::new("", &paths::period(p), ctx.period_title(p));
    let view = View {
        common: ctx.common("", ctx.t["site_title"].clone(), String::new()),
        latest_week: card(&weeks),
        latest_month: card(&months),
        todo: ctx.todo(),
        trends: weeks.last().map(|p| ctx.trends(p, None)),
        weeks: weeks.iter().rev().map(link).collect(),
        months: months.iter().rev().map(link).collect(),
        departments: report
            .slugs
            .iter()
            .map(|(name, slug)| Link::new("", &paths::history(slug), ctx.shown(name)))
            .collect(),
        step_names: &ctx.step_names,
        rows: report.rows,
        issues: ctx.input.ledger.issues.len(),
    };
    Page {
        template: "index",
        path: paths::overview(),
        context: to_value(view),
    }
}
