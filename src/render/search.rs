//! Search that works offline (issue 15): an index of every item, as scripts a page loads
//! with `<script src>` (a page opened from `file://` cannot `fetch`), so that the site
//! finds an item by ticket, account, words of its text or department with no server.
//!
//! The index is sharded by month: [`paths::SEARCH_MANIFEST`] lists the shards newest
//! first, and each month's items, the newest first, go into parts of at most
//! [`PER_SHARD`] items ([`paths::search_shard`]), so that a search loads only the parts
//! it reaches and shows the newest results first. Each shard is one call
//! `patuhCari({...});` of JSON whose `<`, U+2028 and U+2029 are written as `\u` escapes,
//! so that no text of the data closes a script or a string.
//!
//! An entry holds what a result shows, masked as the registers show it
//! ([`privacy::shown`], [`privacy::start_of`]): the ticket, the citizen's account, the
//! posting time, the department, the status and the start of the text; and where the
//! item's row is: its page of its department's register of its week and the row's
//! anchor (every item is a row of exactly one week's register; a month's page lists
//! only its late items).

use serde::Serialize;

use crate::privacy;
use crate::render::cache::Unit;
use crate::render::format;
use crate::render::paths;
use crate::render::views::Ctx;
use crate::render::{OutputFile, RenderInput};
use crate::report::{PeriodKind, PeriodReport};
use crate::sop::{Judged, Status};

/// Most items in one part of a month's index: a part loads in a few tens of
/// milliseconds, so the first results come quickly however large the site.
pub const PER_SHARD: usize = 5_000;

/// Longest start of a citizen's text in the index, in characters: as the registers show
/// it.
pub const EXCERPT: usize = 160;

/// The manifest: the shards, newest first.
#[derive(Serialize)]
struct Manifest {
    /// The shards.
    shards: Vec<ShardRef>,
}

/// A shard in the manifest.
#[derive(Serialize)]
struct ShardRef {
    /// The shard's file, relative to the site's root.
    f: String,
    /// Its month's label (`2026-11`).
    p: String,
    /// How many items it holds.
    n: usize,
    /// The first and last of its tickets (as shown, in lower case) in text order: a
    /// query that is one ticket searches the shards whose range holds it first, so that
    /// an old item is found without loading every newer shard first.
    #[serde(skip_serializing_if = "Option::is_none")]
    t: Option<(String, String)>,
}

/// One shard: tables of the texts its entries share, and the entries.
#[derive(Serialize)]
struct Shard {
    /// The shard's own file (the page tells the shards it loaded apart by it).
    f: String,
    /// Departments, as shown.
    d: Vec<String>,
    /// Status summaries.
    s: Vec<String>,
    /// Register pages, relative to the site's root.
    h: Vec<String>,
    /// The entries: ticket, account, posted, department (index in `d`), status (index in
    /// `s`), excerpt, page (index in `h`), anchor of the row.
    i: Vec<Row>,
}

/// An entry of a shard, written as a JSON array: ticket, account, posted, department
/// (index in the shard's `d`), status (in `s`), excerpt, page (in `h`), anchor of the row.
type Row = (String, String, String, usize, usize, String, usize, String);

/// An item of a month, with its place in the register.
struct Entry<'j> {
    judged: &'j Judged,
    department: String,
    page: String,
    anchor: String,
}

/// The search index of the site, each file handed to `made` with the month's unit of
/// the render cache as soon as it is made (the months in parallel): every shard, then the
/// manifest (site-wide). The shards of a month whose files are `kept` (by period index)
/// are not made again: only their entries in the manifest are, from their tickets. Gives
/// what `made` gave.
pub fn write_files<E: Send, M: Send>(
    input: &RenderInput<'_>,
    kept: &(dyn Fn(usize) -> bool + Sync),
    made: &(dyn Fn(Option<Unit>, OutputFile) -> Result<M, E> + Sync),
) -> Result<Vec<M>, E> {
    use rayon::prelude::*;
    let ctx = Ctx::new(input);
    let periods = &input.report.periods;
    let mut months: Vec<usize> = (0..periods.len())
        .filter(|&i| periods[i].kind == PeriodKind::Month)
        .collect();
    months.sort_by(|&a, &b| periods[b].label.cmp(&periods[a].label));
    // Where each item's row is: its department's register of its week (see
    // `views::department`: a week's page lists every item, a month's does not), as
    // (register page, anchor) by item; for the weeks of the months made now.
    let made_now: Vec<&PeriodReport> = months
        .iter()
        .filter(|&&m| !kept(m))
        .map(|&m| &periods[m])
        .collect();
    let weeks: Vec<(&PeriodReport, &crate::report::DepartmentStats)> = periods
        .iter()
        .filter(|w| w.kind == PeriodKind::Week)
        .filter(|w| {
            made_now
                .iter()
                .any(|m| w.start <= m.end && w.end >= m.start)
        })
        .flat_map(|w| w.departments.iter().map(move |d| (w, d)))
        .collect();
    // Per week and department: its register pages, and each item's page (from 1) and
    // anchor.
    type WeekPlaces = (Vec<String>, Vec<(usize, usize, String)>);
    let found: Vec<WeekPlaces> = weeks
        .par_iter()
        .map(|(week, d)| {
            let members = crate::render::department_members(input.judged, d);
            let places = ctx
                .register_places(members)
                .into_iter()
                .map(|(judged, page, anchor)| (judged.item, page, anchor))
                .collect::<Vec<_>>();
            let pages = (1..=places.iter().map(|p| p.1).max().unwrap_or(0))
                .map(|page| paths::register_page(week, &d.slug, page).html())
                .collect();
            (pages, places)
        })
        .collect();
    // By item (its index in the ledger): its page (in `pages`) and anchor.
    let mut pages: Vec<String> = Vec::new();
    let mut places: Vec<(usize, String)> = vec![(0, String::new()); input.ledger.items.len()];
    for (week_pages, week_places) in found {
        let first = pages.len();
        pages.extend(week_pages);
        for (item, page, anchor) in week_places {
            places[item] = (first + page - 1, anchor);
        }
    }
    let places = Places { pages, places };
    let per_month: Vec<(Vec<M>, Vec<ShardRef>)> = months
        .par_iter()
        .map(|&m| match kept(m) {
            true => Ok((Vec::new(), shard_refs(input, &periods[m]))),
            false => month_shards(input, m, &places, made),
        })
        .collect::<Result<_, E>>()?;
    let mut written = Vec::new();
    let mut shards = Vec::new();
    for (w, s) in per_month {
        written.extend(w);
        shards.extend(s);
    }
    written.push(made(
        None,
        OutputFile {
            path: paths::SEARCH_MANIFEST.to_string(),
            bytes: script(&Manifest { shards }).into_bytes(),
        },
    )?);
    Ok(written)
}

/// Where each item's row is: the register pages, and by item (its index in the ledger)
/// its page (an index in `pages`) and the row's anchor.
struct Places {
    pages: Vec<String>,
    places: Vec<(usize, String)>,
}

/// The items of `month`, the newest first (the same moment by the order of the data),
/// each with its department: the order of its shards.
fn month_order<'j>(input: &RenderInput<'j>, month: &PeriodReport) -> Vec<(&'j Judged, usize)> {
    let mut order: Vec<(&Judged, usize)> = month
        .departments
        .iter()
        .enumerate()
        .flat_map(|(d, department)| {
            crate::render::department_members(input.judged, department)
                .into_iter()
                .map(move |j| (j, d))
        })
        .collect();
    order.sort_by(|(a, _), (b, _)| b.placed.cmp(&a.placed).then(a.item.cmp(&b.item)));
    order
}

/// The entry in the manifest of shard `k` (from 0) of `month`, holding `tickets` (as
/// shown).
fn shard_ref(month: &PeriodReport, k: usize, tickets: &[String]) -> ShardRef {
    let mut lower = tickets
        .iter()
        .filter(|t| *t != "–")
        .map(|t| t.to_lowercase());
    let first = lower.next();
    let range = first.map(|first| {
        lower.fold((first.clone(), first), |(lo, hi), t| {
            (lo.min(t.clone()), hi.max(t))
        })
    });
    ShardRef {
        f: paths::search_shard(&month.label, k + 1),
        p: month.label.clone(),
        n: tickets.len(),
        t: range,
    }
}

/// The entries in the manifest of the shards of `month`, without making the shards (the
/// month's files are kept from the previous build).
fn shard_refs(input: &RenderInput<'_>, month: &PeriodReport) -> Vec<ShardRef> {
    let order = month_order(input, month);
    order
        .chunks(PER_SHARD)
        .enumerate()
        .map(|(k, part)| {
            let tickets: Vec<String> = part
                .iter()
                .map(|(j, _)| ticket(input, &input.ledger.items[j.item]))
                .collect();
            shard_ref(month, k, &tickets)
        })
        .collect()
}

/// The shards of month `m` (by index in the report), made, and their entries in the
/// manifest.
fn month_shards<E, M>(
    input: &RenderInput<'_>,
    m: usize,
    places: &Places,
    made: &(dyn Fn(Option<Unit>, OutputFile) -> Result<M, E> + Sync),
) -> Result<(Vec<M>, Vec<ShardRef>), E> {
    let month = &input.report.periods[m];
    let departments: Vec<String> = month
        .departments
        .iter()
        .map(|d| privacy::shown(&d.name, masking(input)).into_owned())
        .collect();
    let entries: Vec<Entry<'_>> = month_order(input, month)
        .into_iter()
        .map(|(judged, d)| {
            let (page, anchor) = &places.places[judged.item];
            Entry {
                judged,
                department: departments[d].clone(),
                page: places.pages[*page].clone(),
                anchor: anchor.clone(),
            }
        })
        .collect();
    let mut written = Vec::new();
    let mut shards = Vec::new();
    for (k, part) in entries.chunks(PER_SHARD).enumerate() {
        let file = paths::search_shard(&month.label, k + 1);
        let shard = shard(input, file.clone(), part);
        let tickets: Vec<String> = shard.i.iter().map(|e| e.0.clone()).collect();
        shards.push(shard_ref(month, k, &tickets));
        written.push(made(
            Some(Unit::Period(m)),
            OutputFile {
                path: file,
                bytes: script(&shard).into_bytes(),
            },
        )?);
    }
    Ok((written, shards))
}

/// An item's ticket as the index shows it: masked like the registers, `–` without one.
fn ticket(input: &RenderInput<'_>, item: &crate::model::Item) -> String {
    item.id
        .as_deref()
        .map(|id| privacy::shown(id, masking(input)).into_owned())
        .unwrap_or_else(|| "–".into())
}

fn masking(input: &RenderInput<'_>) -> bool {
    input.presentation.mask_personal_data
}

/// The shard `file` of `entries`.
fn shard(input: &RenderInput<'_>, file: String, entries: &[Entry<'_>]) -> Shard {
    let mut shard = Shard {
        f: file,
        d: Vec::new(),
        s: Vec::new(),
        h: Vec::new(),
        i: Vec::with_capacity(entries.len()),
    };
    let masking = masking(input);
    let zone = input.report.zone;
    let lang = input.presentation.lang;
    for e in entries {
        let item = &input.ledger.items[e.judged.item];
        let ticket = ticket(input, item);
        let account = item
            .account
            .as_deref()
            .map(|a| privacy::shown(a, masking).into_owned())
            .unwrap_or_default();
        let posted = item
            .stamps
            .get(crate::model::Stamp::PostedAt)
            .map(|t| format::short_moment(lang, zone, t))
            .unwrap_or_else(|| "–".into());
        let excerpt = privacy::start_of(item.text.as_deref().unwrap_or(""), EXCERPT, masking);
        shard.i.push((
            ticket,
            account,
            posted,
            index_of(&mut shard.d, &e.department),
            index_of(&mut shard.s, &status(input, e.judged)),
            excerpt,
            index_of(&mut shard.h, &e.page),
            e.anchor.clone(),
        ));
    }
    shard
}

/// The place of `text` in `table`, added at the end when it is not there yet (tables are
/// short: a month's departments, statuses, register pages).
fn index_of(table: &mut Vec<String>, text: &str) -> usize {
    match table.iter().rposition(|t| t == text) {
        Some(i) => i,
        None => {
            table.push(text.to_string());
            table.len() - 1
        }
    }
}

/// An item's status in short: its end-to-end status, then the steps breached, invalid or
/// unmeasurable (`Terlambat · Pemantauan: Terlambat`).
fn status(input: &RenderInput<'_>, j: &Judged) -> String {
    let t = crate::words::words(input.presentation.lang);
    let steps = &input.report.model.steps;
    let mut text = j
        .steps
        .last()
        .map(|r| t[r.status.key()].clone())
        .unwrap_or_else(|| "–".into());
    let exceptions: Vec<String> = j
        .steps
        .iter()
        .zip(steps)
        .filter(|(r, _)| {
            matches!(
                r.status,
                Status::Breached { .. } | Status::Invalid | Status::Unmeasurable
            )
        })
        .map(|(r, step)| format!("{}: {}", step.name, t[r.status.key()]))
        .collect();
    if !exceptions.is_empty() {
        text.push_str(" · ");
        text.push_str(&exceptions.join("; "));
    }
    text
}

/// `patuhCari(<value as JSON>);` with `<`, U+2028 and U+2029 escaped: inert in a script
/// whatever the data holds (they occur only inside JSON strings, where `\u` escapes
/// mean the same characters).
fn script(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("the index serialises");
    let mut out = String::with_capacity(json.len() + 64);
    out.push_str("patuhCari(");
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push_str(");\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_holds_no_closing_tag_nor_line_separator() {
        #[derive(Serialize)]
        struct T {
            a: &'static str,
        }
        assert_eq!(
            script(&T {
                a: "</script><script>alert(1)</script>\u{2028}\u{2029}\"&"
            }),
            "patuhCari({\"a\":\"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u2028\\u2029\\\"&\"});\n"
        );
    }
}
