//! The render cache (issue 13): the key of each period's files, so that a build keeps the
//! files a previous build made from the very same inputs instead of rendering them again.
//!
//! A period's files are its pages (the period, its departments, their register pages, a
//! month's letter) and its downloads (workbook and CSV registers). Their key is the
//! SHA-256 of everything they are made from:
//! - the build: patuh's version and the SHA-256 of its executable, the templates and
//!   assets in force, the whole effective configuration (every reading setting, the
//!   calendar, the presentation);
//! - what every page may show of the whole site (`views::site_wide`);
//! - the period: its numbers and its departments' numbers, and each of its items as read
//!   and as judged, with the name of the export it came from;
//! - the numbers of the periods its pages show beside it, and the names and departments
//!   of those they link to (`views::neighbours`);
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

/// Whether the cache is turned off (`PATUH_CACHE=off`): every file is rendered, none
/// kept.
pub fn disabled() -> bool {
    std::env::var("PATUH_CACHE").is_ok_and(|v| v == "off")
}

/// Where a file belongs in the cache: the pages and downloads of a period as a whole
/// (`None`), or the pages of one of its departments (by index in the period).
pub type Unit = (usize, Option<usize>);

/// The key of every unit of a build, in hex; `None` when patuh cannot read its own
/// executable (nothing is then kept). The keys are the same with the cache off: only
/// keeping files is turned off.
pub struct Keys {
    /// By period (index in the report): the key of its own files.
    pub periods: Vec<Option<String>>,
    /// By period, by department: the key of the department's pages.
    pub departments: Vec<Vec<Option<String>>>,
}

impl Keys {
    /// The key of a unit.
    pub fn of(&self, (period, department): Unit) -> Option<&str> {
        match department {
            None => self.periods[period].as_deref(),
            Some(d) => self.departments[period][d].as_deref(),
        }
    }

    /// Every unit, periods first, each period's departments in order.
    pub fn units(&self) -> Vec<Unit> {
        let periods = (0..self.periods.len()).map(|p| (p, None));
        let departments = self
            .departments
            .iter()
            .enumerate()
            .flat_map(|(p, ds)| (0..ds.len()).map(move |d| (p, Some(d))));
        periods.chain(departments).collect()
    }
}

/// The keys of a build's units.
pub fn keys(input: &RenderInput<'_>, templates: &Templates) -> Keys {
    use rayon::prelude::*;
    let periods = &input.report.periods;
    let Some(executable) = executable() else {
        return Keys {
            periods: vec![None; periods.len()],
            departments: periods
                .iter()
                .map(|p| vec![None; p.departments.len()])
                .collect(),
        };
    };
    let build = fingerprint(input, templates, executable);
    let numbers: Vec<[u8; 32]> = periods.par_iter().map(numbers).collect();
    let items = item_digests(input);
    let keyed: Vec<(Option<String>, Vec<Option<String>>)> = (0..periods.len())
        .into_par_iter()
        .map(|i| {
            let period = &periods[i];
            // What all the units of the period share.
            let mut shared = Sha256::new();
            shared.update(build);
            shared.update(period.label.as_bytes());
            shared.update(numbers[i]);
            let neighbours = super::views::neighbours(input, i);
            for n in neighbours.numbers {
                shared.update(periods[n].label.as_bytes());
                shared.update(numbers[n]);
            }
            for n in neighbours.links {
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
            let as_of = format!("as of {:?}", input.report.as_of);
            let key = |members: &[usize], settled: bool, department: Option<&str>| {
                let mut key = shared.clone();
                match department {
                    Some(name) => key.update(format!("department {}\0{name}", name.len())),
                    None => key.update("period"),
                }
                for &m in members {
                    key.update(items[m]);
                }
                if !settled {
                    key.update(&as_of);
                }
                Some(hex(&key.finalize()))
            };
            let own = key(&period.members, period.settled.is_some(), None);
            let departments = period
                .departments
                .iter()
                .map(|d| key(&d.members, d.settled.is_some(), Some(&d.name)))
                .collect();
            (own, departments)
        })
        .collect();
    let (periods, departments) = keyed.into_iter().unzip();
    Keys {
        periods,
        departments,
    }
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

/// SHA-256 of patuh's own executable, read once: a patuh built from other code makes
/// other pages from the same numbers.
fn executable() -> Option<&'static str> {
    static EXECUTABLE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    EXECUTABLE
        .get_or_init(|| {
            let bytes = std::fs::read(std::env::current_exe().ok()?).ok()?;
            Some(crate::hash::sha256_hex(&bytes))
        })
        .as_deref()
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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
