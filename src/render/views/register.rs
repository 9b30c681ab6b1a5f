//! A department's register split over pages (issue 13): the department's page lists the
//! first `[pages] register_rows` items and a pager; each further page
//! (`<period>/<slug>.hal-<k>`) lists the next ones. The full register stays in the
//! downloads. The items are in the register's order (exceptions first, then by posting
//! time), so page `k` always holds the same items for the same data.

use serde::Serialize;

use crate::render::paths;
use crate::report::PeriodReport;
use crate::sop::Judged;

use super::rows::ItemRow;
use super::{to_value, Common, Ctx, Link, Page, Target};

/// Where a page of a register sits among the others: a line of text and links to every
/// page, the one shown marked.
#[derive(Serialize)]
pub(super) struct Pager {
    /// `Butir 501–1.000 dari 1.732 · halaman 2 dari 4`.
    text: String,
    prev: Option<Target>,
    next: Option<Target>,
    pages: Vec<PagerLink>,
}

/// One page's link in a [`Pager`].
#[derive(Serialize)]
struct PagerLink {
    label: String,
    to: Target,
    current: bool,
}

/// How many register pages a group of `items` items takes with `rows` per page (at
/// least one, for an empty register).
pub(super) fn page_count(items: u64, rows: u64) -> usize {
    items.div_ceil(rows.max(1)).max(1) as usize
}

impl Ctx<'_> {
    /// The rows of register page `page` (from 1) of `members` (a department's items in a
    /// period), and the pager when the register takes more than one page. Only the rows
    /// of that page are formatted.
    pub(super) fn register_rows(
        &self,
        members: Vec<&Judged>,
        period: &PeriodReport,
        slug: &str,
        page: usize,
        root: &str,
    ) -> (Vec<ItemRow>, Option<Pager>) {
        let per_page = self.input.presentation.pages.register_rows.max(1) as usize;
        let total = members.len();
        let pages = page_count(total as u64, per_page as u64);
        let sorted = self.register_order(members);
        let from = (page - 1) * per_page;
        let rows = self.rows_of(sorted.into_iter().skip(from).take(per_page));
        if pages == 1 {
            return (rows, None);
        }
        let to = |k: usize| Target::new(root, &paths::register_page(period, slug, k));
        let pager = Pager {
            text: crate::words::fill(
                &self.t["register_range"],
                &[
                    ("from", &self.int(from as u64 + 1)),
                    ("to", &self.int((from + rows.len()) as u64)),
                    ("total", &self.int(total as u64)),
                    ("page", &self.int(page as u64)),
                    ("pages", &self.int(pages as u64)),
                ],
            ),
            prev: (page > 1).then(|| to(page - 1)),
            next: (page < pages).then(|| to(page + 1)),
            pages: (1..=pages)
                .map(|k| PagerLink {
                    label: self.int(k as u64),
                    to: to(k),
                    current: k == page,
                })
                .collect(),
        };
        (rows, Some(pager))
    }
}

/// Page `page` (from 2) of the register of department `name` (`slug`) in `period`: the
/// items of that page, the pager, and a link up to the department's page.
pub(super) fn register_page(
    ctx: &Ctx<'_>,
    period: &PeriodReport,
    name: &str,
    slug: &str,
    page: usize,
) -> Page {
    let root = "../../";
    let members = crate::render::group_members(ctx.input.judged, period, name);
    let (register, pager) = ctx.register_rows(members, period, slug, page, root);
    let title = format!(
        "{} · {} · {}",
        ctx.shown(name),
        ctx.period_title(period),
        crate::words::fill(&ctx.t["register_page"], &[("page", &ctx.int(page as u64))])
    );
    let department = period.departments.iter().find(|d| d.name == name);
    let mut common = ctx.common_at(
        root,
        title,
        format!(
            "{} ({})",
            ctx.period_title(period),
            ctx.period_range(period)
        ),
        ctx.page_as_of(period, department),
    );
    common.up = Some(Link::new(
        root,
        &paths::department(period, slug),
        format!("{} · {}", ctx.shown(name), ctx.period_title(period)),
    ));
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        register: super::items_table::ItemsTable,
        pager: Option<Pager>,
    }
    let view = View {
        common,
        register: super::items_table::items_table(
            &register,
            ctx.t,
            &ctx.t["register"],
            &ctx.step_names,
            super::items_table::Columns::Register,
        ),
        pager,
    };
    Page {
        template: "register",
        path: paths::register_page(period, slug, page),
        context: to_value(view),
    }
}
