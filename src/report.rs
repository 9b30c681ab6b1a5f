//! The report model: aggregates per period and department (METRICS.md "Aggregates"),
//! and `summary.json` (OUTPUT.md).
//!
//! Takes judged items; gives numbers in a fixed, documented order. Pure: no I/O.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use chrono_tz::Tz;
use rayon::prelude::*;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use unicode_normalization::UnicodeNormalization;

use crate::ingest::RowCounts;
use crate::model::{AsOf, Instant};
use crate::sop::{ContinuousResult, Judged, SopModel, Status};

/// The counts and statistics of one step over a group of items.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StepStats {
    /// Items within the limit.
    pub met: u64,
    /// Items over the limit (done late, or still open past it).
    pub breached: u64,
    /// Of the breached, those still open at as-of.
    pub overdue: u64,
    /// Items still open within the limit.
    pub pending: u64,
    /// Items whose end is before their start.
    pub invalid: u64,
    /// Items whose step cannot be measured.
    pub unmeasurable: u64,
    /// Items the step does not apply to.
    pub not_applicable: u64,
    /// `100 × met / (met + breached)`, unrounded; `None` when nothing was met or breached.
    pub compliance_pct: Option<f64>,
    /// Nearest-rank median of the durations of met and breached items with both ends.
    pub median_s: Option<i64>,
    /// Nearest-rank 90th percentile of the same durations.
    pub p90_s: Option<i64>,
    /// The longest of the same durations.
    pub max_s: Option<i64>,
    /// For a step on the office clock: the same counts and statistics on the continuous
    /// clock (OUTPUT.md `continuous`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuous: Option<Box<StepStats>>,
}

/// The numbers of one group of items (a period, or a department in it).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStats {
    /// Number of included items.
    pub items: u64,
    /// Items with at least one step overdue (open past its limit) at as-of.
    pub overdue_items: u64,
    /// Per step id (the configured steps in order, then `end_to_end`).
    pub steps: Vec<(String, StepStats)>,
}

impl Serialize for GroupStats {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            items: u64,
            steps: OrderedSteps<'a>,
        }
        Shape {
            items: self.items,
            steps: OrderedSteps(&self.steps),
        }
        .serialize(serializer)
    }
}

/// Steps as a JSON object in their configured order.
struct OrderedSteps<'a>(&'a [(String, StepStats)]);

impl Serialize for OrderedSteps<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, stats) in self.0 {
            map.serialize_entry(id, stats)?;
        }
        map.end()
    }
}

/// The kind of a reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

/// One department's numbers in a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DepartmentStats {
    /// The canonical name (or pseudo-department label).
    pub name: String,
    /// Its file-name-safe slug.
    pub slug: String,
    /// Whether it is a pseudo-department (not ranked).
    #[serde(skip)]
    pub pseudo: bool,
    /// Its numbers.
    #[serde(flatten)]
    pub stats: GroupStats,
    /// Indices (into the judged items) of its items in the period, in the period's
    /// order.
    #[serde(skip)]
    pub members: Vec<usize>,
    /// When its numbers settled (as `settled` in this module counts it); `None` while
    /// they may still change.
    #[serde(skip)]
    pub settled: Option<Instant>,
}

/// One period's numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodReport {
    /// Week or month.
    pub kind: PeriodKind,
    /// `2026-W48` or `2026-11`.
    pub label: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
    /// Whether the data covers the whole period (METRICS.md "Periods that are not
    /// complete").
    pub complete: bool,
    /// Where the data starts, when after the period's start.
    #[serde(skip)]
    pub data_from: Option<Instant>,
    /// Where the data ends (the as-of moment), when before the period's end.
    #[serde(skip)]
    pub data_until: Option<Instant>,
    /// All items of the period.
    pub total: GroupStats,
    /// Each department with at least one item, sorted by name (byte order).
    pub departments: Vec<DepartmentStats>,
    /// Indices (into the judged items) of the period's items.
    #[serde(skip)]
    pub members: Vec<usize>,
    /// When the numbers of all its items settled (as `settled` in this module counts
    /// it); `None` while they may still change.
    #[serde(skip)]
    pub settled: Option<Instant>,
}

impl PeriodReport {
    /// The departments of a period in the page's order: those with at least `min_items`
    /// items by end-to-end compliance (no value last, ties by name) with their place, then
    /// those with fewer by name, without one; and the pseudo-departments apart. The same
    /// order as the period page's table.
    pub fn departments_in_order(
        &self,
        min_items: u64,
    ) -> (
        Vec<(&DepartmentStats, Option<usize>)>,
        Vec<&DepartmentStats>,
    ) {
        let mut ranked: Vec<(&DepartmentStats, Option<f64>)> = self
            .departments
            .iter()
            .filter(|d| !d.pseudo && d.stats.items >= min_items)
            .map(|d| (d, d.stats.steps.last().and_then(|(_, s)| s.compliance_pct)))
            .collect();
        ranked.sort_by(|a, b| match (a.1, b.1) {
            (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.0.name.cmp(&b.0.name)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.0.name.cmp(&b.0.name),
        });
        let mut out: Vec<(&DepartmentStats, Option<usize>)> = ranked
            .iter()
            .enumerate()
            .map(|(i, (d, _))| (*d, Some(i + 1)))
            .collect();
        out.extend(
            self.departments
                .iter()
                .filter(|d| !d.pseudo && d.stats.items < min_items)
                .map(|d| (d, None)),
        );
        let pseudo = self.departments.iter().filter(|d| d.pseudo).collect();
        (out, pseudo)
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The zone of periods and times.
    pub zone: Tz,
    /// The moment the report describes and where it came from (`None` when there are no
    /// items).
    pub as_of: Option<AsOf>,
    /// The step model.
    pub model: SopModel,
    /// The row ledger.
    pub rows: RowCounts,
    /// All weeks in label order, then all months in label order.
    pub periods: Vec<PeriodReport>,
    /// Slug of each department name, each with its history page; the pseudo-departments
    /// (SOP.md) are not departments and have none (their slugs are in the periods).
    pub slugs: BTreeMap<String, String>,
}

/// Aggregates judged items (of the ledger's `items`) into periods and departments.
pub fn assemble(
    judged: &[Judged],
    items: &[crate::model::Item],
    model: &SopModel,
    rows: RowCounts,
    as_of: Option<AsOf>,
    zone: Tz,
) -> Report {
    let ids: Vec<String> = model.ids().map(str::to_string).collect();
    let office = model.office_steps();
    let continuous_of = continuous_of(items, model, as_of);
    let slugs = slugs(judged.iter().map(|j| &*j.group.name));
    let first = judged.iter().map(|j| j.placed).min();
    let mut weeks: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut months: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, j) in judged.iter().enumerate() {
        weeks.entry(&j.week).or_default().push(i);
        months.entry(&j.month).or_default().push(i);
    }
    // Every period, weeks then months, each in label order; aggregated on every core.
    let groups: Vec<(PeriodKind, &str, Vec<usize>)> =
        [(PeriodKind::Week, weeks), (PeriodKind::Month, months)]
            .into_iter()
            .flat_map(|(kind, groups)| {
                groups
                    .into_iter()
                    .map(move |(label, members)| (kind, label, members))
            })
            .collect();
    let periods: Vec<PeriodReport> = groups
        .into_par_iter()
        .map(|(kind, label, members)| {
            let (start, end) = bounds(kind, judged[members[0]].date);
            let mut by_department: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for &m in &members {
                by_department
                    .entry(&judged[m].group.name)
                    .or_default()
                    .push(m);
            }
            let (data_from, data_until) = coverage(start, end, first, as_of.map(|a| a.at), zone);
            let stats_of = |ms: &[usize]| {
                let stats = aggregate_clocks(
                    ms.iter().map(|&m| &judged[m]),
                    &ids,
                    &office,
                    &continuous_of,
                );
                let settled = as_of.filter(|_| data_until.is_none()).and_then(|as_of| {
                    let latest = ms
                        .iter()
                        .filter_map(|&m| items[judged[m].item].stamps.latest());
                    // The moments the steps still open went past their limit.
                    let overdue = (stats.overdue_items > 0).then(|| {
                        ms.iter().flat_map(|&m| {
                            let (j, item) = (&judged[m], &items[judged[m].item]);
                            (0..j.steps.len()).filter_map(move |step| {
                                crate::sop::overdue(item, j, model, step, zone, as_of.at)
                                    .map(|o| o.since)
                            })
                        })
                    });
                    settled(
                        &stats,
                        latest.chain(overdue.into_iter().flatten()),
                        end,
                        as_of.at,
                        zone,
                    )
                });
                (stats, settled)
            };
            let departments = by_department
                .into_iter()
                .map(|(name, ms)| {
                    let (stats, settled) = stats_of(&ms);
                    DepartmentStats {
                        name: name.to_string(),
                        slug: slugs[name].clone(),
                        pseudo: judged[ms[0]].group.pseudo,
                        stats,
                        members: ms,
                        settled,
                    }
                })
                .collect();
            let (total, settled) = stats_of(&members);
            PeriodReport {
                kind,
                label: label.to_string(),
                start,
                end,
                complete: data_from.is_none() && data_until.is_none(),
                data_from,
                data_until,
                total,
                departments,
                members,
                settled,
            }
        })
        .collect();
    let pseudo: std::collections::BTreeSet<&str> = judged
        .iter()
        .filter(|j| j.group.pseudo)
        .map(|j| &*j.group.name)
        .collect();
    let slugs = slugs
        .into_iter()
        .filter(|(name, _)| !pseudo.contains(name.as_str()))
        .collect();
    Report {
        zone,
        as_of,
        model: model.clone(),
        rows,
        periods,
        slugs,
    }
}

/// When the numbers `stats` of a group of items in a period ending on `end` (local day)
/// settled, for an as-of past the period's end: none of the items has a step pending, so
/// the numbers are the same at any later as-of (the as-of only decides pending versus
/// overdue, METRICS.md; a step already overdue stays so until new data closes it). The
/// moment is the latest of `latest` (the items' timestamps, and the moments their
/// overdue steps went past their limit) or the period's last second, whichever is later,
/// and never after the as-of. `None` while a step is pending. (Where the data starts does
/// not move with the as-of: a period it starts within settles all the same.) Pages then
/// show this moment rather than the as-of, and stay the same bytes from one build to the
/// next while their items do not change (issue 13).
fn settled(
    stats: &GroupStats,
    latest: impl Iterator<Item = Instant>,
    end: NaiveDate,
    as_of: Instant,
    zone: Tz,
) -> Option<Instant> {
    let open = stats.steps.iter().any(|(_, s)| s.pending > 0);
    if open {
        return None;
    }
    let ended = crate::calendar::wall_instant(end, 24 * 3600 - 1, zone);
    Some(latest.fold(ended, Instant::max).min(as_of))
}

/// What part of the period from `start` to `end` (local days) the data leaves out: the
/// first moment of the data when it is after 00:00:00 on `start`, and the as-of moment when
/// it is before 23:59:59 on `end` (METRICS.md "Periods that are not complete").
fn coverage(
    start: NaiveDate,
    end: NaiveDate,
    first: Option<Instant>,
    as_of: Option<Instant>,
    zone: Tz,
) -> (Option<Instant>, Option<Instant>) {
    // Local midnight that does not exist is taken as working hours take it (METRICS.md).
    let opens = crate::calendar::wall_instant(start, 0, zone);
    let closes = crate::calendar::wall_instant(end, 24 * 3600 - 1, zone);
    (
        first.filter(|&f| f > opens),
        // No as-of (no items) leaves nothing to say; an as-of before the end cuts it short.
        as_of.filter(|&a| a < closes),
    )
}

/// First and last day of the period containing `date`.
fn bounds(kind: PeriodKind, date: NaiveDate) -> (NaiveDate, NaiveDate) {
    match kind {
        PeriodKind::Week => {
            let start = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
            (start, start + Duration::days(6))
        }
        PeriodKind::Month => {
            let start = date.with_day(1).expect("day 1 exists");
            let next = if date.month() == 12 {
                NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
            }
            .expect("a valid month");
            (start, next - Duration::days(1))
        }
    }
}

/// The numbers of a group of judged items.
pub fn aggregate<'a>(items: impl Iterator<Item = &'a Judged>, ids: &[String]) -> GroupStats {
    aggregate_clocks(items, ids, &[], |_, _| None)
}

/// An item's step on the continuous clock ([`crate::sop::continuous_result`]), for
/// [`aggregate_clocks`]: the items are `items` (indexed by [`Judged::item`]), judged with
/// `model` at `as_of` (none without items).
pub fn continuous_of<'a>(
    items: &'a [crate::model::Item],
    model: &'a SopModel,
    as_of: Option<AsOf>,
) -> impl Fn(&Judged, usize) -> Option<ContinuousResult> + 'a {
    move |j, step| crate::sop::continuous_result(&items[j.item], model, step, as_of?.at)
}

/// [`aggregate`], with the continuous figures beside every step whose index is `true` in
/// `office` (the steps on the office clock, then `end_to_end`): `continuous` gives an
/// item's step on the continuous clock ([`crate::sop::continuous_result`]).
pub fn aggregate_clocks<'a>(
    items: impl Iterator<Item = &'a Judged>,
    ids: &[String],
    office: &[bool],
    continuous_of: impl Fn(&Judged, usize) -> Option<ContinuousResult>,
) -> GroupStats {
    let mut stats: Vec<StepStats> = vec![StepStats::default(); ids.len()];
    let mut durations: Vec<Vec<i64>> = vec![Vec::new(); ids.len()];
    let mut continuous: Vec<Option<(StepStats, Vec<i64>)>> = (0..ids.len())
        .map(|i| {
            office
                .get(i)
                .copied()
                .unwrap_or(false)
                .then(Default::default)
        })
        .collect();
    let mut count = 0;
    let mut overdue_items = 0;
    for item in items {
        count += 1;
        overdue_items += u64::from(
            item.steps
                .iter()
                .any(|r| r.status == Status::Breached { overdue: true }),
        );
        for (i, result) in item.steps.iter().enumerate() {
            count_one(
                &mut stats[i],
                &mut durations[i],
                result.status,
                result.duration_s,
            );
            if let Some((s, d)) = &mut continuous[i] {
                // Not applicable, unmeasurable and invalid are the same on both clocks.
                let (status, duration) = continuous_of(item, i)
                    .map_or((result.status, result.duration_s), |c| {
                        (c.status, c.duration_s)
                    });
                count_one(s, d, status, duration);
            }
        }
    }
    for ((s, d), c) in stats.iter_mut().zip(durations).zip(continuous) {
        finish(s, d);
        if let Some((mut cs, cd)) = c {
            finish(&mut cs, cd);
            s.continuous = Some(Box::new(cs));
        }
    }
    GroupStats {
        items: count,
        overdue_items,
        steps: ids.iter().cloned().zip(stats).collect(),
    }
}

/// Counts one item's result of a step.
fn count_one(s: &mut StepStats, durations: &mut Vec<i64>, status: Status, duration: Option<i64>) {
    match status {
        Status::Met => s.met += 1,
        Status::Breached { overdue } => {
            s.breached += 1;
            s.overdue += u64::from(overdue);
        }
        Status::Pending => s.pending += 1,
        Status::Invalid => s.invalid += 1,
        Status::Unmeasurable => s.unmeasurable += 1,
        Status::NotApplicable => s.not_applicable += 1,
    }
    if matches!(status, Status::Met | Status::Breached { .. }) {
        if let Some(d) = duration {
            durations.push(d);
        }
    }
}

/// The percentage and duration statistics of counted results.
fn finish(s: &mut StepStats, mut d: Vec<i64>) {
    let judged = s.met + s.breached;
    s.compliance_pct = (judged > 0).then(|| (100.0 * s.met as f64) / judged as f64);
    d.sort_unstable();
    s.median_s = nearest_rank(&d, 1, 2);
    s.p90_s = nearest_rank(&d, 9, 10);
    s.max_s = d.last().copied();
}

/// The nearest-rank percentile `num/den` of sorted values: the value at position
/// ⌈num·n/den⌉ (1-based), computed in integers.
pub fn nearest_rank(sorted: &[i64], num: usize, den: usize) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (num * n).div_ceil(den).max(1);
    Some(sorted[rank - 1])
}

/// File-name-safe slugs for department names: lower-case ASCII letters, digits and
/// hyphens; collisions get `-2`, `-3` ... in name order.
pub fn slugs<'a>(names: impl Iterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut unique: Vec<&str> = names.collect();
    unique.sort_unstable();
    unique.dedup();
    // Every base slug first, so that a suffixed slug never takes another name's own slug.
    let bases: Vec<String> = unique.iter().map(|n| slug(n)).collect();
    let mut taken: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut out = BTreeMap::new();
    for (i, name) in unique.iter().enumerate() {
        let base = &bases[i];
        let first_of_base = bases[..i].iter().all(|b| b != base);
        let mut s = base.clone();
        if !first_of_base || taken.contains(&s) {
            let mut n = 2;
            loop {
                s = format!("{base}-{n}");
                if !taken.contains(&s) && !bases.contains(&s) {
                    break;
                }
                n += 1;
            }
        }
        taken.insert(s.clone());
        out.insert(name.to_string(), s);
    }
    out
}

/// The longest slug, in bytes (ASCII).
pub const MAX_SLUG: usize = 80;

/// The slug of one name (`Dinas Perhubungan` → `dinas-perhubungan`), made from its
/// masked form, so that no file name carries a phone number or NIK (`0812-3456-7890` →
/// `08-90`), whether or not the pages mask them.
pub fn slug(name: &str) -> String {
    let name = crate::privacy::mask(name);
    let mut s = String::new();
    for ch in name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if ch.is_ascii_alphanumeric() {
            s.push(ch.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    // Short enough for every file system, with room for a suffix and an extension.
    let mut s = s.trim_end_matches('-').to_string();
    s.truncate(MAX_SLUG);
    let s = s.trim_end_matches('-').to_string();
    // `index` would replace a period's own page, `surat` a month's letter; the others are
    // reserved file names on Windows.
    const RESERVED: [&str; 26] = [
        "index", "surat", "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4",
        "com5", "com6", "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5",
        "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if s.is_empty() {
        "pd".to_string()
    } else if RESERVED.contains(&s.as_str()) {
        format!("{s}-pd")
    } else {
        s
    }
}

/// `summary.json` in the `patuh.summary/1` shape, byte-stable for the same report; with
/// department names masked when `masking` (a name may be a phone number or NIK).
pub fn summary_json(report: &Report, masking: bool) -> String {
    #[derive(Serialize)]
    struct StepInfo<'a> {
        id: &'a str,
        name: &'a str,
        limit_s: i64,
        owner: Option<&'a str>,
        clock: &'static str,
    }
    #[derive(Serialize)]
    struct Summary<'a> {
        schema: &'static str,
        timezone: &'a str,
        as_of: Option<String>,
        steps: Vec<StepInfo<'a>>,
        rows: RowCounts,
        periods: &'a [PeriodReport],
    }
    let masked: Vec<PeriodReport>;
    let periods = if masking
        && report
            .periods
            .iter()
            .flat_map(|p| &p.departments)
            .any(|d| crate::privacy::has_personal_data(&d.name))
    {
        masked = report
            .periods
            .iter()
            .map(|p| PeriodReport {
                departments: p
                    .departments
                    .iter()
                    .map(|d| DepartmentStats {
                        name: crate::privacy::mask(&d.name).into_owned(),
                        slug: d.slug.clone(),
                        pseudo: d.pseudo,
                        stats: d.stats.clone(),
                        members: Vec::new(),
                        settled: d.settled,
                    })
                    .collect(),
                members: Vec::new(),
                ..p.clone()
            })
            .collect();
        &masked
    } else {
        &report.periods
    };
    let summary = Summary {
        schema: "patuh.summary/1",
        timezone: report.zone.name(),
        as_of: report.as_of.map(|a| rfc3339_seconds(a.at, report.zone)),
        steps: report
            .model
            .steps
            .iter()
            .map(|s| StepInfo {
                id: &s.id,
                name: &s.name,
                limit_s: s.limit_s,
                owner: s.owner.as_deref(),
                clock: s.clock.name(),
            })
            .collect(),
        rows: report.rows,
        periods,
    };
    let mut text = serde_json::to_string_pretty(&summary).expect("the summary serialises");
    text.push('\n');
    text
}

/// An instant as RFC 3339 in `zone`, with seconds and the offset (`2026-11-29T23:41:00+07:00`).
/// An offset of whole minutes is all RFC 3339 can write; an older one with seconds (Batavia
/// time before 1924, `+07:07:12`) is written exactly, in ISO 8601's extended form, rather
/// than rounded to a minute that would name another instant.
pub fn rfc3339_seconds(t: Instant, zone: Tz) -> String {
    use chrono::Offset;
    let local = t.with_timezone(&zone);
    if local.offset().fix().local_minus_utc() % 60 == 0 {
        local.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    } else {
        local.format("%Y-%m-%dT%H:%M:%S%::z").to_string()
    }
}

/// How a period's numbers differ from the previous site's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Both sites have the period, with other numbers.
    Changed,
    /// Only the new site has it.
    Added,
    /// Only the previous site had it.
    Removed,
}

/// A period whose numbers differ from the previous site's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodChange {
    /// `2026-W47` or `2026-11`.
    pub label: String,
    /// How it differs.
    pub change: Change,
}

/// What changed since the site a build replaced (issue "Fair clocks": history does not
/// change silently).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinceLast {
    /// The periods whose numbers differ ([`changed_periods`]).
    pub periods: Vec<PeriodChange>,
    /// Whether the working-time calendar in force differs from the one the previous
    /// site's manifest records (the likely cause of changed numbers).
    pub calendar_changed: bool,
}

/// The numbers of each period of a `summary.json`, by label in its order: the SHA-256 of
/// the text of its `total` and `departments`, read in place (serde_json's `RawValue`), so
/// that a summary is never parsed whole: at a million items two parsed summaries held a
/// few hundred megabytes at the end of a rebuild, and the previous site's summary text
/// was held through the whole build (issue 13). patuh writes the same numbers as the same
/// text, so a difference in the text is a difference in the numbers (or a summary written
/// by a version that wrote them otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodNumbers(Vec<(String, [u8; 32])>);

impl PeriodNumbers {
    /// The numbers of the periods of `summary`; `None` when it is not a `patuh.summary/1`
    /// that can be read (nothing to compare with).
    pub fn of(summary: &str) -> Option<PeriodNumbers> {
        use serde::Deserialize;
        use serde_json::value::RawValue;
        use sha2::{Digest, Sha256};
        #[derive(Deserialize)]
        struct Summary<'a> {
            schema: String,
            #[serde(borrow)]
            periods: Vec<Period<'a>>,
        }
        #[derive(Deserialize)]
        struct Period<'a> {
            label: String,
            #[serde(borrow)]
            total: &'a RawValue,
            #[serde(borrow)]
            departments: &'a RawValue,
        }
        let summary: Summary<'_> = serde_json::from_str(summary).ok()?;
        if summary.schema != "patuh.summary/1" {
            return None;
        }
        let numbers = summary.periods.into_iter().map(|p| {
            let mut digest = Sha256::new();
            digest.update(p.total.get());
            digest.update([0]);
            digest.update(p.departments.get());
            (p.label, digest.finalize().into())
        });
        Some(PeriodNumbers(numbers.collect()))
    }
}

/// The periods whose numbers differ between the previous site's summary (`old`) and the
/// new one (`new`): a period both have (by label) whose `total` or `departments` differ,
/// and a period only one has. In the new summary's order, then the removed periods in the
/// old's order.
pub fn changed_periods(old: &PeriodNumbers, new: &PeriodNumbers) -> Vec<PeriodChange> {
    let (old, new) = (&old.0, &new.0);
    let old_by_label: BTreeMap<&str, &[u8; 32]> =
        old.iter().map(|(l, n)| (l.as_str(), n)).collect();
    let new_by_label: BTreeMap<&str, &[u8; 32]> =
        new.iter().map(|(l, n)| (l.as_str(), n)).collect();
    let change = |label: &str, change| PeriodChange {
        label: label.to_string(),
        change,
    };
    let mut changes: Vec<PeriodChange> = new
        .iter()
        .filter_map(|(label, numbers)| match old_by_label.get(label.as_str()) {
            None => Some(change(label, Change::Added)),
            Some(before) if *before != numbers => Some(change(label, Change::Changed)),
            Some(_) => None,
        })
        .collect();
    changes.extend(
        old.iter()
            .filter(|(label, _)| !new_by_label.contains_key(label.as_str()))
            .map(|(label, _)| change(label, Change::Removed)),
    );
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_complete_when_the_data_spans_it_to_the_second() {
        // Week 2026-W48: Monday 23 to Sunday 29 November, WIB (UTC+7): it opens at
        // 22 Nov 17:00:00Z and closes at 29 Nov 16:59:59Z.
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let zone = chrono_tz::Asia::Jakarta;
        let (start, end) = bounds(
            PeriodKind::Week,
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        );
        assert_eq!(
            (start.to_string(), end.to_string()),
            ("2026-11-23".into(), "2026-11-29".into())
        );
        let cover =
            |first: &str, as_of: &str| coverage(start, end, Some(at(first)), Some(at(as_of)), zone);
        // Exactly from the opening to the closing second: complete.
        assert_eq!(
            cover("2026-11-22T17:00:00Z", "2026-11-29T16:59:59Z"),
            (None, None)
        );
        // Data from earlier weeks, judged days later: complete.
        assert_eq!(
            cover("2026-10-01T00:00:00Z", "2026-12-04T00:00:00Z"),
            (None, None)
        );
        // The data starts one second late: partial, from that moment.
        assert_eq!(
            cover("2026-11-22T17:00:01Z", "2026-11-29T16:59:59Z"),
            (Some(at("2026-11-22T17:00:01Z")), None)
        );
        // The as-of one second early (Sunday 23:59:58 WIB): partial, until then.
        assert_eq!(
            cover("2026-11-22T17:00:00Z", "2026-11-29T16:59:58Z"),
            (None, Some(at("2026-11-29T16:59:58Z")))
        );
        // No items: no as-of, nothing cut short by it.
        assert_eq!(coverage(start, end, None, None, zone), (None, None));
    }

    #[test]
    fn offsets_with_seconds_are_written_exactly() {
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let jakarta = chrono_tz::Asia::Jakarta;
        assert_eq!(
            rfc3339_seconds(at("2026-11-29T16:41:00Z"), jakarta),
            "2026-11-29T23:41:00+07:00"
        );
        // Batavia mean time, +07:07:12, until the end of 1923.
        assert_eq!(
            rfc3339_seconds(at("1920-01-01T04:52:48Z"), jakarta),
            "1920-01-01T12:00:00+07:07:12"
        );
        // 1924-1932: +07:20.
        assert_eq!(
            rfc3339_seconds(at("1930-01-01T04:40:00Z"), jakarta),
            "1930-01-01T12:00:00+07:20"
        );
    }

    #[test]
    fn nearest_rank_on_odd_and_even_n() {
        assert_eq!(nearest_rank(&[], 1, 2), None);
        assert_eq!(nearest_rank(&[7], 1, 2), Some(7));
        assert_eq!(nearest_rank(&[7], 9, 10), Some(7));
        // n = 4: median at ⌈2⌉ = 2nd, p90 at ⌈3.6⌉ = 4th.
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 1, 2), Some(2));
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 9, 10), Some(4));
        // n = 5: median at ⌈2.5⌉ = 3rd, p90 at ⌈4.5⌉ = 5th.
        assert_eq!(nearest_rank(&[10, 20, 30, 40, 50], 1, 2), Some(30));
        assert_eq!(nearest_rank(&[10, 20, 30, 40, 50], 9, 10), Some(50));
        // n = 10: p90 at exactly 9 (no floating-point 9.000000000000002 → 10).
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(nearest_rank(&ten, 9, 10), Some(9));
        assert_eq!(nearest_rank(&ten, 1, 2), Some(5));
    }

    #[test]
    fn slugs_are_safe_and_unique() {
        assert_eq!(slug("Dinas Perhubungan"), "dinas-perhubungan");
        assert_eq!(
            slug("RSUD dr. Chasbullah Abdulmadjid"),
            "rsud-dr-chasbullah-abdulmadjid"
        );
        assert_eq!(slug("Dinas Pendidikan (Disdik)"), "dinas-pendidikan-disdik");
        assert_eq!(slug("Perumda Tirta Patriot"), "perumda-tirta-patriot");
        assert_eq!(slug("../.."), "pd");
        assert_eq!(slug("Index"), "index-pd");
        assert_eq!(slug("Surat"), "surat-pd");
        assert_eq!(slug("CON"), "con-pd");
        let s = slugs(["A B", "a-b", "A  B!"].into_iter());
        assert_eq!(s["A  B!"], "a-b");
        assert_eq!(s["A B"], "a-b-2");
        assert_eq!(s["a-b"], "a-b-3");
        // A suffixed slug never takes another name's own slug.
        let s = slugs(["Dinas Sosial", "DINAS-SOSIAL", "dinas-sosial-2"].into_iter());
        assert_eq!(s["DINAS-SOSIAL"], "dinas-sosial");
        assert_eq!(s["Dinas Sosial"], "dinas-sosial-3");
        assert_eq!(s["dinas-sosial-2"], "dinas-sosial-2");
        assert_eq!(slug(&"a".repeat(300)).len(), MAX_SLUG);
        assert_eq!(slug("LPT0"), "lpt0-pd");
        // A name that is a phone number or NIK: its masked form, unique like any other.
        assert_eq!(slug("0812-3456-7890"), "08-90");
        assert_eq!(slug("3275012345678901"), "8901");
        let s = slugs(["081234567890", "081299999990", "08-90"].into_iter());
        assert_eq!(s["08-90"], "08-90");
        assert_eq!(s["081234567890"], "08-90-2");
        assert_eq!(s["081299999990"], "08-90-3");
    }

    #[test]
    fn period_bounds() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            bounds(PeriodKind::Week, d(2026, 11, 27)),
            (d(2026, 11, 23), d(2026, 11, 29))
        );
        assert_eq!(
            bounds(PeriodKind::Week, d(2026, 12, 31)),
            (d(2026, 12, 28), d(2027, 1, 3))
        );
        assert_eq!(
            bounds(PeriodKind::Month, d(2026, 2, 10)),
            (d(2026, 2, 1), d(2026, 2, 28))
        );
        assert_eq!(
            bounds(PeriodKind::Month, d(2026, 12, 31)),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
    }

    #[test]
    fn changed_periods_names_the_periods_whose_numbers_differ() {
        let summary = |periods: &str| {
            format!(
                r#"{{"schema": "patuh.summary/1", "timezone": "Asia/Jakarta", "periods": [{periods}]}}"#
            )
        };
        let period = |label: &str, items: u64, dept: &str| {
            format!(
                r#"{{"kind": "week", "label": "{label}", "start": "x", "end": "y", "complete": true,
                    "total": {{"items": {items}}}, "departments": [{{"name": "{dept}", "items": {items}}}]}}"#
            )
        };
        let old = summary(
            &[
                period("2026-W46", 3, "Dinas A"),
                period("2026-W47", 5, "Dinas A"),
                period("2026-W48", 2, "Dinas A"),
                period("2026-11", 10, "Dinas A"),
            ]
            .join(","),
        );
        let numbers = |text: &str| PeriodNumbers::of(text).unwrap();
        // The same text: nothing changed.
        assert_eq!(changed_periods(&numbers(&old), &numbers(&old)), vec![]);
        // W47's total differs, W48's department, W46 is gone, W49 is new; 2026-11 the same
        // but for a field outside the numbers (`complete`).
        let new = summary(
            &[
                period("2026-W47", 6, "Dinas A"),
                period("2026-W48", 2, "Dinas B"),
                period("2026-W49", 1, "Dinas A"),
                period("2026-11", 10, "Dinas A").replace("true", "false"),
            ]
            .join(","),
        );
        let got: Vec<(String, Change)> = changed_periods(&numbers(&old), &numbers(&new))
            .into_iter()
            .map(|c| (c.label, c.change))
            .collect();
        assert_eq!(
            got,
            [
                ("2026-W47".to_string(), Change::Changed),
                ("2026-W48".to_string(), Change::Changed),
                ("2026-W49".to_string(), Change::Added),
                ("2026-W46".to_string(), Change::Removed),
            ]
        );
        // A previous summary that cannot be read: nothing to compare with.
        assert_eq!(PeriodNumbers::of("not json"), None);
        assert_eq!(
            PeriodNumbers::of(r#"{"schema": "other/1", "periods": []}"#),
            None
        );
        assert_eq!(PeriodNumbers::of(&summary(r#"{"total": {}}"#)), None);
    }
}
