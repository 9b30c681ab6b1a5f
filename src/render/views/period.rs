//! A period's page (`minggu/<label>/index`, `bulan/<label>/index`): the steps, the
//! department ranking, breakdowns, exceptions, commentary and signature.

use serde::Serialize;

use crate::render::format;
use crate::render::markdown;
use crate::render::paths;
use crate::report::PeriodReport;

use super::rows::{is_exception, GroupRow, ItemRow, StepRow};
use super::{to_value, Common, Ctx, Link, Page};

#[derive(Serialize)]
struct SignatureView {
    place_date: String,
    role: String,
    name: String,
    nip: String,
}

/// The page of `period`, linked to the periods of its kind before and after.
pub(super) fn period_page(
    ctx: &Ctx<'_>,
    period: &PeriodReport,
    prev: Option<&PeriodReport>,
    next: Option<&PeriodReport>,
) -> Page {
    let root = "../../";
    let judged = &ctx.input.judged;
    let items = &ctx.input.ledger.items;
    let (ranked, pseudo) = ctx.ranked(period, root);
    let exceptions = ctx.item_rows(
        period
            .members
            .iter()
            .map(|&m| &judged[m])
            .filter(|j| is_exception(j)),
    );
    let commentary = ctx
        .input
        .commentary
        .get(&period.label)
        .map(|c| markdown::safe_commentary(c));
    let title = ctx.period_title(period);
    let mut common = ctx.common(
        root,
        title.clone(),
        format!("{title} ({})", ctx.period_range(period)),
    );
    common.up = Some(ctx.overview_link(root));
    let link = |p: &PeriodReport| Link::new(root, &paths::period(p), ctx.period_title(p));
    common.prev = prev.map(link);
    common.next = next.map(link);
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        range: String,
        items: String,
        steps: Vec<StepRow>,
        ranked: Vec<GroupRow>,
        pseudo: Vec<GroupRow>,
        by_channel: Vec<GroupRow>,
        by_kind: Vec<GroupRow>,
        by_admin: Vec<GroupRow>,
        exceptions: Vec<ItemRow>,
        commentary_html: Option<String>,
        commentary_md: Option<String>,
        signature: Option<SignatureView>,
        step_names: &'a [String],
        trends: super::trend::Trends,
    }
    let signature = ctx.signature().map(|s| SignatureView {
        place_date: format!("{}, {}", s.place, format::date_only(ctx.lang, period.end)),
        role: s.role.clone(),
        name: s.name.clone(),
        nip: s.nip.clone(),
    });
    let view = View {
        common,
        range: ctx.period_range(period),
        items: ctx.int(period.total.items),
        steps: ctx.step_rows(&period.total, prev.map(|p| &p.total)),
        ranked,
        pseudo,
        by_channel: ctx.breakdown(&period.members, |j| {
            items[j.item]
                .channel
                .map(|c| c.label().to_string())
                .unwrap_or_else(|| "–".into())
        }),
        by_kind: ctx.breakdown(&period.members, |j| {
            items[j.item]
                .kind
                .map(|k| ctx.t[&format!("kind_{}", format!("{k:?}").to_lowercase())].clone())
                .unwrap_or_else(|| "–".into())
        }),
        by_admin: ctx.breakdown(&period.members, |j| {
            items[j.item].admin.clone().unwrap_or_else(|| "–".into())
        }),
        exceptions,
        commentary_html: commentary.as_deref().map(markdown::commentary_to_html),
        commentary_md: commentary,
        signature,
        step_names: &ctx.step_names,
        trends: ctx.trends(period, None),
    };
    Page {
        template: "period",
        path: paths::period(period),
        context: to_value(view),
    }
}
