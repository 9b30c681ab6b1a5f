//! Who did the work (SOP.md "Who is measured"): a table per actor field, each person shown
//! only against the steps that field names the doer of — the admins (`admin`) on
//! pemantauan and penerusan, the Kasi (`disposed_by`) on disposisi — and a note for a step
//! whose doer the data does not record.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Field, Item};
use crate::report::PeriodReport;
use crate::sop::{Judged, Status};
use crate::words::fill;

use super::figures::Figure;
use super::Ctx;

/// The people named in one actor field and their figures on the steps it names the doer
/// of.
#[derive(Serialize)]
pub(super) struct PeopleTable {
    /// The owner role of the steps (`Admin Medsos`), or the field's name: the table's
    /// caption (its columns name the steps).
    role: String,
    /// The field the names come from (`admin`).
    field: &'static str,
    /// The steps' names.
    step_names: Vec<String>,
    /// One row per person, by name; items naming nobody last.
    rows: Vec<PersonRow>,
}

/// One person's line.
#[derive(Serialize)]
pub(super) struct PersonRow {
    name: String,
    items: String,
    /// Compliance on each of the table's steps.
    figures: Vec<Figure>,
    /// Items open past the limit of one of the table's steps.
    overdue: String,
    /// Whether one of its figures is below its step's target.
    any_below: bool,
}

/// The section of a period page: the tables and the notes on steps without one.
#[derive(Serialize)]
pub(super) struct People {
    tables: Vec<PeopleTable>,
    notes: Vec<String>,
}

/// The value of an actor field of an item.
fn actor_of(item: &Item, field: Field) -> Option<&str> {
    match field {
        Field::Admin => item.admin.as_deref(),
        Field::DisposedBy => item.disposed_by.as_deref(),
        _ => None,
    }
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

impl Ctx<'_> {
    /// Whether any export has a column read as `field`, or any item a value in it.
    pub(super) fn field_in_data(&self, field: Field) -> bool {
        let ledger = self.input.ledger;
        ledger
            .files
            .iter()
            .flat_map(|f| f.tables())
            .flat_map(|t| &t.columns)
            .any(|c| c.field == field)
            || ledger.items.iter().any(|i| actor_of(i, field).is_some())
    }

    /// Who did each step of `period`'s items, by actor field.
    pub(super) fn people(&self, period: &PeriodReport) -> People {
        let model = &self.input.report.model;
        let judged = self.input.judged;
        let items = &self.input.ledger.items;
        // The actor fields in the order of their first step, each with its steps.
        let mut fields: Vec<(Field, Vec<usize>)> = Vec::new();
        let mut notes = Vec::new();
        let mut no_actor = Vec::new();
        for (i, step) in model.steps.iter().enumerate() {
            match step.actor {
                Some(field) => match fields.iter_mut().find(|(f, _)| *f == field) {
                    Some((_, steps)) => steps.push(i),
                    None => fields.push((field, vec![i])),
                },
                None => no_actor.push(step.name.clone()),
            }
        }
        let mut tables = Vec::new();
        for (field, steps) in fields {
            let step_names: Vec<String> =
                steps.iter().map(|&i| model.steps[i].name.clone()).collect();
            if !self.field_in_data(field) {
                notes.push(fill(
                    &self.t["actor_missing_column"],
                    &[
                        ("steps", &step_names.join(", ")),
                        ("field", field.name()),
                        ("header", &crate::ingest::columns::usual_header(field)),
                    ],
                ));
                continue;
            }
            let mut by_person: BTreeMap<Option<&str>, Vec<&Judged>> = BTreeMap::new();
            for &m in &period.members {
                let j = &judged[m];
                by_person
                    .entry(actor_of(&items[j.item], field))
                    .or_default()
                    .push(j);
            }
            // Named people by name, then the items that name nobody.
            let mut people: Vec<(Option<&str>, Vec<&Judged>)> = by_person.into_iter().collect();
            let nobody_first = people.first().is_some_and(|(n, _)| n.is_none());
            people.rotate_left(usize::from(nobody_first));
            let rows = people
                .into_iter()
                .map(|(name, js)| {
                    let stats = self.aggregate(js.iter().copied());
                    let overdue = js
                        .iter()
                        .filter(|j| {
                            steps
                                .iter()
                                .any(|&i| j.steps[i].status == Status::Breached { overdue: true })
                        })
                        .count();
                    let figures: Vec<Figure> = steps
                        .iter()
                        .map(|&i| self.figure(&stats.steps[i].0, &stats.steps[i].1))
                        .collect();
                    PersonRow {
                        any_below: figures.iter().any(|f| f.below),
                        figures,
                        name: name
                            .map(|n| self.shown(n))
                            .unwrap_or_else(|| self.t["not_recorded"].clone()),
                        items: self.int(stats.items),
                        overdue: self.int(overdue as u64),
                    }
                })
                .collect();
            let role = model.steps[steps[0]]
                .owner
                .clone()
                .unwrap_or_else(|| field.name().to_string());
            tables.push(PeopleTable {
                role,
                field: field.name(),
                step_names,
                rows,
            });
        }
        if !no_actor.is_empty() {
            notes.push(fill(
                &self.t["actor_not_set"],
                &[("steps", &no_actor.join(", "))],
            ));
        }
        People { tables, notes }
    }
}
