//! What to do now, at the top of the overview ("Perlu tindakan"): the items still open at
//! the as-of moment, those past their limit most late first, then those within it least
//! time left first, each with the step under way, the role that owns it and how far it is
//! from its limit. Long lists are cut, the rest counted with links to where they are listed.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Instant;
use crate::render::paths;
use crate::report::PeriodKind;
use crate::sop::{Judged, Status};
use crate::words::fill;

use super::{Ctx, Link};

/// How many items each list shows.
const SHOWN: usize = 20;

/// An open item: its ticket, department, the step under way and how far it is from the
/// step's limit.
#[derive(Serialize)]
pub(super) struct TodoRow {
    id: String,
    url: Option<String>,
    department: String,
    step: String,
    /// The role that owns the step in the SOP model (`Admin Medsos`, `Kasi`); `–` when
    /// the model does not say.
    owner: String,
    /// `lewat 3 jam 20 mnt` past the limit, `sisa 12 mnt` within it.
    gap: String,
    /// The same in seconds, for sorting (`data-sort`).
    gap_s: i64,
}

/// One list of open items: its heading, the rows shown, and the rest counted with links
/// to the pages that list them.
#[derive(Serialize)]
pub(super) struct TodoList {
    heading: String,
    rows: Vec<TodoRow>,
    /// `… dan 5 item lainnya, terdaftar di:` when some are not shown.
    more: Option<String>,
    more_links: Vec<Link>,
}

/// The overview's "Perlu tindakan": open items past their limit and within it.
#[derive(Serialize)]
pub(super) struct Todo {
    overdue: TodoList,
    within: TodoList,
}

/// An open item before formatting: the judged item, the step shown and the gap in seconds
/// (past the limit, or left).
struct Open<'j> {
    judged: &'j Judged,
    step: usize,
    gap_s: i64,
}

impl Ctx<'_> {
    /// The open items at the as-of moment (none without one).
    pub(super) fn todo(&self) -> Todo {
        let mut overdue: Vec<Open<'_>> = Vec::new();
        let mut within: Vec<Open<'_>> = Vec::new();
        if let Some(as_of) = self.input.report.as_of.map(|a| a.at) {
            for j in self.input.judged {
                if let Some(open) =
                    self.open_step(j, as_of, |s| s == Status::Breached { overdue: true })
                {
                    overdue.push(open);
                } else if let Some(open) = self.open_step(j, as_of, |s| s == Status::Pending) {
                    within.push(open);
                }
            }
        }
        let placed = |o: &Open<'_>| (o.judged.placed, o.judged.item);
        // Most late first; least time left first; then by posting time.
        overdue.sort_by(|a, b| {
            b.gap_s
                .cmp(&a.gap_s)
                .then_with(|| placed(a).cmp(&placed(b)))
        });
        within.sort_by(|a, b| {
            a.gap_s
                .cmp(&b.gap_s)
                .then_with(|| placed(a).cmp(&placed(b)))
        });
        Todo {
            overdue: self.todo_list(&self.t["todo_overdue"], overdue, "late_by", false),
            within: self.todo_list(&self.t["todo_within"], within, "left", true),
        }
    }

    /// The step of `j` whose status is `wanted` (the first configured one, else
    /// `end_to_end`), with its gap at `as_of`: `as_of − start − limit` for a step past
    /// its limit, `start + limit − as_of` for one within it.
    fn open_step<'j>(
        &self,
        j: &'j Judged,
        as_of: Instant,
        wanted: impl Fn(Status) -> bool,
    ) -> Option<Open<'j>> {
        let step = j.steps.iter().position(|r| wanted(r.status))?;
        // Measured on the step's clock: working time for a step on the office clock.
        let report = &self.input.report;
        let item = &self.input.ledger.items[j.item];
        let over = crate::sop::past_limit(item, j, &report.model, step, report.zone, as_of)?;
        let pending = j.steps[step].status == Status::Pending;
        Some(Open {
            judged: j,
            step,
            gap_s: if pending { -over } else { over },
        })
    }

    fn todo_list(
        &self,
        heading: &str,
        open: Vec<Open<'_>>,
        gap_word: &str,
        within: bool,
    ) -> TodoList {
        let total = open.len();
        let rest = &open[total.min(SHOWN)..];
        let more_links = self.where_listed(rest, within);
        TodoList {
            heading: format!("{heading} ({})", self.int(total as u64)),
            more: (!rest.is_empty())
                .then(|| fill(&self.t["todo_more"], &[("n", &self.int(rest.len() as u64))])),
            more_links,
            rows: open
                .iter()
                .take(SHOWN)
                .map(|o| self.todo_row(o, gap_word))
                .collect(),
        }
    }

    fn todo_row(&self, o: &Open<'_>, gap_word: &str) -> TodoRow {
        let j = o.judged;
        let model = &self.input.report.model;
        let (id, url) = self.item_id_and_url(&self.input.ledger.items[j.item]);
        // The step's owner; for end_to_end, the step under way and its owner.
        let under_way = model.steps.get(o.step).is_none().then(|| {
            let open =
                |s: Status| matches!(s, Status::Pending | Status::Breached { overdue: true });
            j.steps
                .iter()
                .zip(&model.steps)
                .position(|(r, _)| open(r.status))
        });
        let mut step = self.step_names[o.step].clone();
        let owner = match under_way {
            None => model.steps.get(o.step),
            Some(Some(i)) => {
                let now = fill(&self.t["under_way"], &[("step", &self.step_names[i])]);
                step = format!("{step} · {now}");
                model.steps.get(i)
            }
            Some(None) => None,
        };
        TodoRow {
            id,
            url,
            department: self.shown(&j.group.name),
            step,
            owner: owner
                .and_then(|s| s.owner.as_deref())
                .map(|o| self.shown(o))
                .unwrap_or_else(|| "–".into()),
            gap: {
                let gap = fill(
                    &self.t[gap_word],
                    &[("d", &self.step_duration(o.step, Some(o.gap_s)))],
                );
                let clock = self.clock_of(o.step);
                if clock == crate::calendar::Clock::Office {
                    format!("{gap} ({})", self.t["clock_office"])
                } else {
                    gap
                }
            },
            gap_s: o.gap_s,
        }
    }

    /// The pages that list the items not shown, each with how many: the week's page
    /// (its late items) for items past their limit, the department's page in the week
    /// (its register) for items within it.
    fn where_listed(&self, rest: &[Open<'_>], within: bool) -> Vec<Link> {
        let report = self.input.report;
        let mut counts: BTreeMap<(&str, &str), u64> = BTreeMap::new();
        for o in rest {
            let department = if within { &*o.judged.group.name } else { "" };
            *counts.entry((&*o.judged.week, department)).or_default() += 1;
        }
        let mut counts: Vec<((&str, &str), u64)> = counts.into_iter().collect();
        // Latest week first, then departments by name.
        counts.sort_by(|((w1, d1), _), ((w2, d2), _)| w2.cmp(w1).then_with(|| d1.cmp(d2)));
        let mut links: Vec<Link> = Vec::new();
        for ((week, department), n) in counts {
            let Some(period) = report
                .periods
                .iter()
                .find(|p| p.kind == PeriodKind::Week && p.label == week)
            else {
                continue;
            };
            let title = self.period_title(period);
            // The department's page in that week (pseudo-departments have one too).
            let slug = period
                .departments
                .iter()
                .find(|d| d.name == department)
                .map(|d| &d.slug);
            let (page, label) = match slug {
                Some(slug) if within => (
                    paths::department(period, slug),
                    format!("{} · {title}", self.shown(department)),
                ),
                _ => (paths::period(period), title),
            };
            links.push(Link::new("", &page, format!("{label}: {}", self.int(n))));
        }
        links
    }
}
