//! The render cache (issue 13): the key of each period's files, so that a build keeps the
//! files a previous build made from the very same inputs instead of rendering them again.
//!
//! A period's files are its pages (the period, its departments, their register pages, a
//! month's letter), its downloads (workbook and CSV registers) and a month's part of the
//! search index; a department's pages in a period and a department's register of a year
//! are units of their own. Their key is the
//! SHA-256 of everything they are made from:
//! - the build: patuh's version and the SHA-256 of its executable, the templates and
//!   assets in force, the whole effective configuration (every reading setting, the
//!   calendar, the presentation);
//! - what every page may show of the whole site (`views::site_wide`);
//! - the period: its numbers and its departments' numbers, and each of its items as read
//!   and as judged, with the name of the export it came from;
//! - the numbers of the periods its pages show beside it, the names and departments of
//!   those they link to, and for a month's search index the items of the weeks whose
//!   registers its entries point into (`views::neighbours`);
//! - the office's commentary on it;
//! - the as-of moment, unless the period has settled (its pages then show the moment it
//!   settled, which is part of its numbers).
//!
//! The previous site's manifest lists each key with its files; a file is kept only as the
//! previous build wrote it. So the output with and without the cache is byte-identical;
//! `PATUH_CACHE=off` builds without it.

use std::hash::{Hash, Hasher};

use sha2::{Digest, Sha256};

use super::{RenderInput, Templates};
use crate::model::{Item, RowRef};
use crate::report::PeriodReport;
use crate::sop::Judged;

/// Files made together from the same inputs: what the cache keeps or renders whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A period's own pages and downloads (by index in the report).
    Period(usize),
    /// The pages of a department in a period (the period, the department by index in it).
    Department(usize, usize),
    /// A department's register of a year (the department by its place in the report's
    /// departments, the year).
    Register(usize, i32),
}

/// The key of every unit of a build, in hex; `None` when patuh cannot read its own
/// executable (nothing is then kept). The keys are the same with the cache off: only
/// keeping files is turned off.
pub struct Keys {
    units: Vec<(Unit, Option<String>)>,
    slots: std::collections::HashMap<Unit, usize>,
}

impl Keys {
    fn new(units: Vec<(Unit, Option<String>)>) -> Keys {
        let slots = units
            .iter()
            .enumerate()
            .map(|(i, (u, _))| (*u, i))
            .collect();
        Keys { units, slots }
    }

    /// Every unit with its key, periods first (each followed by its departments), then
    /// the departments' registers.
    pub fn units(&self) -> &[(Unit, Option<String>)] {
        &self.units
    }

    /// Where a unit is in [`Keys::units`].
    pub fn slot(&self, unit: Unit) -> Option<usize> {
        self.slots.get(&unit).copied()
    }
}

/// The keys of a build's units.
pub fn keys(input: &RenderInput<'_>, templates: &Templates) -> Keys {
    use rayon::prelude::*;
    let periods = &input.report.periods;
    let jobs = super::download::jobs(input);
    let registers = jobs.iter().filter_map(|job| match job.unit()? {
        Unit::Register(department, year) => Some((department, year)),
        _ => None,
    });
    // Without patuh's own executable to hash, no unit has a key (nothing is kept).
    let build = crate::hash::executable_sha256()
        .map(|executable| fingerprint(input, templates, executable));
    let numbers: Vec<[u8; 32]> = periods.par_iter().map(numbers).collect();
    let items = item_digests(input);
    let as_of = format!("as of {:?}", input.report.as_of);
    // The key of a group of items: what their units share, then the items, then the
    // as-of while their numbers may still change.
    let key = |shared: &Sha256, members: &[usize], settled: bool| {
        build?;
        let mut key = shared.clone();
        for &m in members {
            key.update(items[m]);
        }
        if !settled {
            key.update(&as_of);
        }
        Some(crate::hash::hex(&key.finalize()))
    };
    let keyed: Vec<Vec<(Unit, Option<String>)>> = (0..periods.len())
        .into_par_iter()
        .map(|i| {
            let period = &periods[i];
            // What all the units of the period share.
            let mut shared = Sha256::new();
            shared.update(build.unwrap_or_default());
            shared.update(period.label.as_bytes());
            shared.update(numbers[i]);
            let neighbours = super::views::neighbours(input, i);
            for &n in &neighbours.numbers {
                shared.update(periods[n].label.as_bytes());
                shared.update(numbers[n]);
            }
            for &n in &neighbours.links {
                let linked = &periods[n];
                shared.update(format!(
                    "link {:?} {} {} {}",
                    linked.kind, linked.label, linked.start, linked.end
                ));
                for d in &linked.departments {
                    shared.update(format!("{}\0{}\0", d.name, d.slug));
                }
            }
            match input.commentary.get(&period.label) {
                Some(text) => shared.update(format!("commentary {}\0{text}", text.len())),
                None => shared.update("no commentary"),
            }
            let mut own = shared.clone();
            own.update("period");
            // Its search entries point into these registers: their items' order and pages.
            for &n in &neighbours.registers {
                own.update(periods[n].label.as_bytes());
                for &m in &periods[n].members {
                    own.update(items[m]);
                }
            }
            let mut units = vec![(
                Unit::Period(i),
                key(&own, &period.members, period.settled.is_some()),
            )];
            for (d, department) in period.departments.iter().enumerate() {
                let mut mine = shared.clone();
                let name = &department.name;
                mine.update(format!("department {}\0{name}", name.len()));
                units.push((
                    Unit::Department(i, d),
                    key(&mine, &department.members, department.settled.is_some()),
                ));
            }
            units
        })
        .collect();
    let mut units: Vec<(Unit, Option<String>)> = keyed.into_iter().flatten().collect();
    let names: Vec<&String> = input.report.slugs.keys().collect();
    let registers: Vec<(usize, i32)> = registers.collect();
    units.par_extend(registers.into_par_iter().map(|(department, year)| {
        // A register lists the department's items of the year's periods, by period.
        let name = names[department];
        let mut shared = Sha256::new();
        shared.update(build.unwrap_or_default());
        shared.update(format!("register {year} {}\0{name}", name.len()));
        let mut members = Vec::new();
        let mut settled = true;
        for (p, d) in super::download::register_periods(input, name, year) {
            shared.update(format!("{}\0{:?}\0", p.label, d.settled));
            members.extend_from_slice(&d.members);
            settled &= d.settled.is_some();
        }
        (
            Unit::Register(department, year),
            key(&shared, &members, settled),
        )
    }));
    Keys::new(units)
}

/// By judged item: the first 16 bytes of the SHA-256 of the item as judged and as read,
/// with the name of the export its values came from.
fn item_digests(input: &RenderInput<'_>) -> Vec<[u8; 16]> {
    use rayon::prelude::*;
    input
        .judged
        .par_iter()
        .map_init(
            || Feed(Vec::with_capacity(1024)),
            |feed, judged| {
                feed.0.clear();
                judged_hash(judged, feed);
                item_hash(input, &input.ledger.items[judged.item], feed);
                let digest = Sha256::digest(&feed.0);
                let mut short = [0; 16];
                short.copy_from_slice(&digest[..16]);
                short
            },
        )
        .collect()
}

/// SHA-256 of what every period's files are made from: the build and the whole site.
fn fingerprint(input: &RenderInput<'_>, templates: &Templates, executable: &str) -> [u8; 32] {
    let mut build = Sha256::new();
    for part in [
        "patuh render cache 1",
        env!("CARGO_PKG_VERSION"),
        executable,
        templates.digest(),
        input.settings,
        &format!("{:?}", input.presentation),
        &super::views::site_wide(input),
    ] {
        build.update(part.len().to_le_bytes());
        build.update(part.as_bytes());
    }
    build.finalize().into()
}

/// SHA-256 of a period's numbers: its dates, completeness, settled moment, totals and
/// every department's numbers (not its items).
fn numbers(period: &PeriodReport) -> [u8; 32] {
    let mut text = format!(
        "{:?} {} {} {} {} {:?} {:?} {:?}\n{:?}\n",
        period.kind,
        period.label,
        period.start,
        period.end,
        period.complete,
        period.data_from,
        period.data_until,
        period.settled,
        period.total,
    );
    for d in &period.departments {
        text.push_str(&format!(
            "{} {} {} {:?} {:?} {}\n",
            d.name,
            d.slug,
            d.pseudo,
            d.settled,
            d.stats,
            d.members.len()
        ));
    }
    Sha256::digest(text.as_bytes()).into()
}

/// Feeds every field of a judged item but its index in the ledger, which moves when an
/// export is added before the one it came from (the order of the items is fed by their
/// order in the period). Every field is named: a field added to [`Judged`] does not
/// compile here until it is fed or said to be left out.
fn judged_hash(judged: &Judged, feed: &mut Feed) {
    let Judged {
        item: _,
        disposition,
        group,
        steps,
        placed,
        date,
        week,
        month,
    } = judged;
    (disposition, group, steps, placed, date, week, month).hash(feed);
}

/// Feeds every field of an item as read, with the name of the export its values came
/// from instead of that export's place in the walk (which moves when an export is added).
fn item_hash(input: &RenderInput<'_>, item: &Item, feed: &mut Feed) {
    let Item {
        id,
        channel,
        channel_text,
        kind,
        account,
        text,
        url,
        stamps,
        date_only,
        disposition,
        department,
        admin,
        disposed_by,
        source: RowRef { file, sheet, row },
        occurrences,
    } = item;
    (id, channel, channel_text, kind, account, text, url, stamps).hash(feed);
    (date_only, disposition, department, admin, disposed_by).hash(feed);
    let export = input.ledger.files.get(*file).map(|f| &f.file);
    (export, sheet, row, occurrences).hash(feed);
}

/// A [`Hasher`] that only collects the bytes it is fed, for SHA-256 to digest: the
/// derived [`Hash`] of the items then covers every field they have.
struct Feed(Vec<u8>);

impl Hasher for Feed {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// Not used: the bytes go to SHA-256.
    fn finish(&self) -> u64 {
        0
    }
}
