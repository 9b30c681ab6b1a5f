//! A period's page (`minggu/<label>/index`, `bulan/<label>/index`): the steps, the items
//! by destination department and the other groups, who did the work, breakdowns,
//! exceptions, commentary and signature.

use serde::Serialize;

use crate::render::format;
use crate::render::markdown;
use crate::render::paths;
use crate::report::PeriodReport;

use super::people::People;
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
    let items = &ctx.input.ledger.items;
    let (ranked, pseudo) = ctx.departments_of(period, root, ctx.input.presentation.min_items);
    let judged = &ctx.input.judged;
    let at = ctx.page_as_of(period, None);
    let (exceptions, exceptions_note) = ctx.exceptions_of(
        period.members.iter().map(|&m| &judged[m]),
        at.at(ctx.input.report),
        // A month's department pages list only their late items: the full lists are on
        // the week pages.
        match period.kind {
            crate::report::PeriodKind::Week => "exceptions_capped",
            crate::report::PeriodKind::Month => "exceptions_capped_month",
        },
    );
    let commentary = ctx
        .input
        .commentary
        .get(&period.label)
        .map(|c| markdown::safe_commentary(c));
    let title = ctx.period_title(period);
    let mut common = ctx.common_at(
        root,
        title.clone(),
        format!("{title} ({})", ctx.period_range(period)),
        at,
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
        /// `Periode ini belum lengkap: data s.d. …` when the data does not cover it all.
        partial: Option<String>,
        steps: Vec<StepRow>,
        /// Explains the `†` of changes compared with a period not complete.
        change_note: Option<String>,
        ranked: Vec<GroupRow>,
        /// Explains the departments with too few items to be given a place.
        few_note: Option<String>,
        pseudo: Vec<GroupRow>,
        people: People,
        by_channel: Vec<GroupRow>,
        by_kind: Vec<GroupRow>,
        exceptions: super::items_table::ItemsTable,
        /// Says that only the most late are listed, when there are more than
        /// `[pages] late_items`.
        exceptions_note: Option<String>,
        commentary_html: Option<String>,
        commentary_md: Option<String>,
        signature: Option<SignatureView>,
        step_names: &'a [String],
        trends: super::trend::Trends,
    }
    let signed = at.day(ctx.input.report, period);
    let signature = ctx.signature().map(|s| SignatureView {
        place_date: format!("{}, {}", s.place, format::date_only(ctx.lang, signed)),
        role: s.role.clone(),
        name: s.name.clone(),
        nip: s.nip.clone(),
    });
    let mut steps = ctx.step_rows(&period.total, prev.map(|p| &p.total));
    let change_note = ctx.mark_partial_changes(&mut steps, period, prev);
    let few_note = ranked.iter().any(|r| r.few).then(|| {
        crate::words::fill(
            &ctx.t["few_items"],
            &[("n", &ctx.int(ctx.input.presentation.min_items))],
        )
    });
    let view = View {
        common,
        range: ctx.period_range(period),
        items: ctx.int(period.total.items),
        partial: ctx.partial_notice(period),
        steps,
        change_note,
        ranked,
        few_note,
        pseudo,
        people: ctx.people(period),
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
        exceptions: super::items_table::items_table(
            &exceptions,
            ctx.t,
            &ctx.t["exceptions"],
            &ctx.step_names,
            super::items_table::Columns::Period,
        ),
        exceptions_note,
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

impl Ctx<'_> {
    /// The exceptions (late, invalid or unmeasurable items) among `members` (a period's
    /// items, or a department's in a period), in the register's order; when there are
    /// more than `[pages] late_items`, only that many, the most late first, with the note
    /// `capped_note` (a word list key) saying so and where the rest are.
    pub(super) fn exceptions_of<'j>(
        &self,
        members: impl Iterator<Item = &'j crate::sop::Judged>,
        at: Option<crate::model::Instant>,
        capped_note: &str,
    ) -> (Vec<ItemRow>, Option<String>) {
        let all: Vec<&crate::sop::Judged> = members.filter(|j| is_exception(j)).collect();
        let cap = self.input.presentation.pages.late_items as usize;
        if all.len() <= cap {
            return (self.item_rows(all.into_iter()), None);
        }
        let total = all.len();
        let mut by_lateness: Vec<(Option<i64>, &crate::sop::Judged)> = all
            .into_iter()
            .map(|j| (self.lateness(j, at).map(|l| l.late_s), j))
            .collect();
        // The most late first; exceptions that are not late (invalid, unmeasurable)
        // after every late one; ties in the register's order.
        let ordered = self.register_order(by_lateness.iter().map(|(_, j)| *j).collect());
        let position: std::collections::HashMap<usize, usize> = ordered
            .iter()
            .enumerate()
            .map(|(k, j)| (j.item, k))
            .collect();
        by_lateness.sort_by_key(|(late, j)| (std::cmp::Reverse(*late), position[&j.item]));
        let rows = self.rows_of(by_lateness.into_iter().take(cap).map(|(_, j)| j));
        let note = crate::words::fill(
            &self.t[capped_note],
            &[
                ("shown", &self.int(cap as u64)),
                ("total", &self.int(total as u64)),
            ],
        );
        (rows, Some(note))
    }
}
