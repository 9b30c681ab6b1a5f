//! Working time: the office's hours per weekday, its days off and the ranges of dates with
//! other hours, and the working seconds between two instants (METRICS.md "Office clock").
//!
//! Takes the `[calendar]` of the configuration (already checked) and the built-in list of
//! Indonesian days off (`holidays/id-<year>.toml`: libur nasional and cuti bersama, each with
//! the decree that set it); gives [`Calendar::work`]. Pure: no I/O, no wall clock.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// An instant.
type Instant = DateTime<Utc>;

/// Seconds in a day.
const DAY_S: u32 = 24 * 60 * 60;

/// A working interval of a day, `[start, end)` in seconds after local midnight (wall time;
/// `end` may be 86 400, "24:00").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Interval {
    /// Seconds after midnight where work starts.
    pub start: u32,
    /// Seconds after midnight where it stops (exclusive).
    pub end: u32,
}

/// Why an interval cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntervalError {
    /// Not `HH:MM-HH:MM`.
    #[error("{0:?} is not an interval: write it as \"07:30-16:00\"")]
    Form(String),
    /// The end is not after the start (an interval never crosses midnight).
    #[error(
        "{0:?} does not end after it starts: an interval stays within one day (for a night \
         shift write \"22:00-24:00\" and \"00:00-06:00\")"
    )]
    Order(String),
}

impl Interval {
    /// Reads `"07:30-16:00"` (`24:00` may end it).
    pub fn parse(text: &str) -> Result<Interval, IntervalError> {
        let form = || IntervalError::Form(text.to_string());
        let clock = |t: &str| -> Option<u32> {
            let (h, m) = t.trim().split_once(':')?;
            if h.is_empty() || h.len() > 2 || m.len() != 2 {
                return None;
            }
            let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
            (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 3600 + m * 60)
        };
        let (a, b) = text.split_once('-').ok_or_else(form)?;
        let (start, end) = (clock(a).ok_or_else(form)?, clock(b).ok_or_else(form)?);
        if start >= DAY_S || end <= start {
            return Err(IntervalError::Order(text.to_string()));
        }
        Ok(Interval { start, end })
    }

    /// The interval as written: `07:30-16:00`.
    pub fn text(self) -> String {
        let hm = |s: u32| format!("{:02}:{:02}", s / 3600, s % 3600 / 60);
        format!("{}-{}", hm(self.start), hm(self.end))
    }
}

/// The intervals of each weekday, Monday first (a weekday with none is not worked).
pub type Week = [Vec<Interval>; 7];

/// Other hours on a range of dates (Ramadan hours, say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Special {
    /// First date of the range.
    pub from: NaiveDate,
    /// Last date of the range, inclusive.
    pub to: NaiveDate,
    /// The hours of each weekday in the range.
    pub week: Week,
}

/// Whether a day off is a national holiday or collective leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOffKind {
    /// Libur nasional.
    LiburNasional,
    /// Cuti bersama.
    CutiBersama,
    /// A date of the configuration's `extra_days_off`.
    Extra,
}

/// The clock a step is measured on (METRICS.md "Office clock").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Every second counts: `end − start`.
    #[default]
    Continuous,
    /// Only working time counts: [`Calendar::work`].
    Office,
}

impl Clock {
    /// The name written in configuration and `summary.json`.
    pub fn name(self) -> &'static str {
        match self {
            Clock::Continuous => "continuous",
            Clock::Office => "office",
        }
    }
}

/// A date that is not worked, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayOff {
    /// The date.
    pub date: NaiveDate,
    /// National holiday, collective leave or the office's own.
    pub kind: DayOffKind,
    /// Its name ("Hari Raya Natal").
    pub name: String,
    /// The decree that set it (empty for the office's own).
    pub source: String,
}

/// The office's working time (CONFIG.md `[calendar]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Calendar {
    /// The hours of each weekday.
    pub week: Week,
    /// Ranges of dates with other hours; the last range containing a date wins.
    pub special: Vec<Special>,
    /// Whether the built-in Indonesian list applies (`holidays = "id"`).
    pub builtin_holidays: bool,
    /// Whether cuti bersama days are days off.
    pub cuti_bersama: bool,
    /// The office's own days off.
    pub extra_days_off: Vec<NaiveDate>,
}

/// One year of the built-in list as shipped.
#[derive(serde::Deserialize)]
struct YearFile {
    year: i32,
    sources: Vec<SourceEntry>,
    days: Vec<DayEntry>,
}

#[derive(serde::Deserialize)]
struct SourceEntry {
    id: String,
    title: String,
}

#[derive(serde::Deserialize)]
struct DayEntry {
    date: toml::value::Datetime,
    kind: DayOffKind,
    name: String,
    source: String,
}

/// The shipped files of the built-in list, one per year.
const BUILTIN: [&str; 3] = [
    include_str!("holidays/id-2024.toml"),
    include_str!("holidays/id-2025.toml"),
    include_str!("holidays/id-2026.toml"),
];

/// The built-in Indonesian list: every date with why, by date; and the years it covers.
fn builtin() -> &'static (BTreeMap<NaiveDate, DayOff>, Vec<i32>) {
    static LIST: OnceLock<(BTreeMap<NaiveDate, DayOff>, Vec<i32>)> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut days = BTreeMap::new();
        let mut years = Vec::new();
        for text in BUILTIN {
            let file: YearFile = toml::from_str(text).expect("the shipped list is valid");
            years.push(file.year);
            let titles: BTreeMap<String, String> =
                file.sources.into_iter().map(|s| (s.id, s.title)).collect();
            for day in file.days {
                let date: NaiveDate = day.date.to_string().parse().expect("a date");
                days.insert(
                    date,
                    DayOff {
                        date,
                        kind: day.kind,
                        name: day.name,
                        source: titles[&day.source].clone(),
                    },
                );
            }
        }
        (days, years)
    })
}

/// The years the built-in Indonesian list covers.
pub fn builtin_years() -> &'static [i32] {
    &builtin().1
}

/// The version of the built-in list: its country and the years shipped (`id 2024-2026`).
pub fn builtin_version() -> String {
    match builtin_years() {
        [] => "id".into(),
        [only] => format!("id {only}"),
        [first, .., last] => format!("id {first}-{last}"),
    }
}

/// SHA-256 of the built-in list's shipped files (`holidays/id-<year>.toml`), one after
/// another in year order: changes whenever a shipped date, name or decree does.
pub fn builtin_sha256() -> String {
    crate::hash::sha256_hex(BUILTIN.concat().as_bytes())
}

impl Calendar {
    /// Whether the built-in list in force covers `year` (always, when none is used).
    pub fn covers(&self, year: i32) -> bool {
        !self.builtin_holidays || builtin_years().contains(&year)
    }

    /// Why `date` is not worked, when it is a day off.
    pub fn day_off(&self, date: NaiveDate) -> Option<DayOff> {
        if self.extra_days_off.contains(&date) {
            return Some(DayOff {
                date,
                kind: DayOffKind::Extra,
                name: String::new(),
                source: String::new(),
            });
        }
        if !self.builtin_holidays {
            return None;
        }
        builtin()
            .0
            .get(&date)
            .filter(|d| self.cuti_bersama || d.kind != DayOffKind::CutiBersama)
            .cloned()
    }

    /// The days off from `first` to `last` (inclusive), in date order.
    pub fn days_off(&self, first: NaiveDate, last: NaiveDate) -> Vec<DayOff> {
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter_map(|d| self.day_off(d))
            .collect()
    }

    /// The working intervals of local date `date`.
    pub fn intervals(&self, date: NaiveDate) -> &[Interval] {
        if self.day_off(date).is_some() {
            return &[];
        }
        let weekday = date.weekday().num_days_from_monday() as usize;
        match self
            .special
            .iter()
            .rev()
            .find(|s| s.from <= date && date <= s.to)
        {
            Some(special) => &special.week[weekday],
            None => &self.week[weekday],
        }
    }

    /// Whether `at` falls within the working intervals of its local date in `zone`.
    pub fn is_working(&self, at: Instant, zone: Tz) -> bool {
        let date = at.with_timezone(&zone).date_naive();
        self.intervals(date).iter().any(|i| {
            wall_instant(date, i.start, zone) <= at && at < wall_instant(date, i.end, zone)
        })
    }

    /// Whether any date can be worked at all (a calendar for the office clock needs one).
    pub fn has_working_time(&self) -> bool {
        self.week.iter().any(|d| !d.is_empty())
            || self
                .special
                .iter()
                .any(|s| s.week.iter().any(|d| !d.is_empty()))
    }

    /// Working seconds between `a` and `b`: the length of `[a, b)` within the working
    /// intervals of every local date it touches in `zone`; 0 when `b ≤ a`.
    pub fn work(&self, a: Instant, b: Instant, zone: Tz) -> i64 {
        if b <= a {
            return 0;
        }
        // A day either side: a local date's intervals may begin before `a`'s local date
        // (never, as they stay within the day) but instants near midnight in a zone whose
        // offset changes can fall on the neighbouring date.
        let first = a.with_timezone(&zone).date_naive() - Duration::days(1);
        let last = b.with_timezone(&zone).date_naive() + Duration::days(1);
        let mut total = 0;
        for date in first.iter_days().take_while(|d| *d <= last) {
            for interval in self.intervals(date) {
                let start = wall_instant(date, interval.start, zone);
                let end = wall_instant(date, interval.end, zone);
                let (from, to) = (start.max(a), end.min(b));
                if to > from {
                    total += (to - from).num_seconds();
                }
            }
        }
        total
    }
}

/// The working time of a calendar over a range of local dates, computed once: the working
/// seconds before each date, and each date's intervals as instants. [`WorkingTime::work`]
/// then costs the intervals of two dates, however long the span (METRICS.md "Office
/// clock"; the same result as [`Calendar::work`], which it falls back to outside the range).
#[derive(Debug, Clone)]
pub struct WorkingTime<'a> {
    calendar: &'a Calendar,
    zone: Tz,
    first: NaiveDate,
    /// Working seconds of the dates before each date of the range (one more entry).
    before: Vec<i64>,
    /// Each date's working intervals as instants.
    spans: Vec<Vec<(Instant, Instant)>>,
}

/// The most dates a [`WorkingTime`] table covers (about 40 years): a typo such as 1926
/// leaves the dates outside to [`Calendar::work`].
const MAX_TABLE_DAYS: i64 = 40 * 366;

impl<'a> WorkingTime<'a> {
    /// The table of `calendar` in `zone` from local date `first` to `last` (inclusive;
    /// empty when `last < first` or the range is longer than about forty years).
    pub fn new(calendar: &'a Calendar, zone: Tz, first: NaiveDate, last: NaiveDate) -> Self {
        let days = (last - first).num_days() + 1;
        let days = if (1..=MAX_TABLE_DAYS).contains(&days) {
            days as usize
        } else {
            0
        };
        let mut before = Vec::with_capacity(days + 1);
        let mut spans = Vec::with_capacity(days);
        let mut total = 0;
        for date in first.iter_days().take(days) {
            before.push(total);
            let day: Vec<(Instant, Instant)> = calendar
                .intervals(date)
                .iter()
                .map(|i| {
                    (
                        wall_instant(date, i.start, zone),
                        wall_instant(date, i.end, zone),
                    )
                })
                .collect();
            total += day
                .iter()
                .map(|(s, e)| (*e - *s).num_seconds())
                .sum::<i64>();
            spans.push(day);
        }
        before.push(total);
        WorkingTime {
            calendar,
            zone,
            first,
            before,
            spans,
        }
    }

    /// Working seconds from the start of the table to `t`, when `t`'s local date and its
    /// neighbours are in the table.
    fn until(&self, t: Instant) -> Option<i64> {
        let date = t.with_timezone(&self.zone).date_naive();
        let index = usize::try_from((date - self.first).num_days()).ok()?;
        // The day before and after must be in the table too: near midnight in a zone whose
        // offset changes, a neighbour's interval can reach across.
        if index == 0 || index + 1 >= self.spans.len() {
            return None;
        }
        let mut total = self.before[index - 1];
        for day in &self.spans[index - 1..=index + 1] {
            for (s, e) in day {
                if *s < t {
                    total += ((*e).min(t) - *s).num_seconds();
                }
            }
        }
        Some(total)
    }

    /// Working seconds between `a` and `b`, as [`Calendar::work`] counts them.
    pub fn work(&self, a: Instant, b: Instant) -> i64 {
        if b <= a {
            return 0;
        }
        match (self.until(a), self.until(b)) {
            (Some(x), Some(y)) => y - x,
            _ => self.calendar.work(a, b, self.zone),
        }
    }
}

/// The instant of wall time `seconds` after midnight of `date` in `zone` (METRICS.md
/// "Office clock"): a time that does not exist (a gap) is the first instant after the gap;
/// an ambiguous one is the earlier instant.
pub fn wall_instant(date: NaiveDate, seconds: u32, zone: Tz) -> Instant {
    let local: NaiveDateTime =
        date.and_hms_opt(0, 0, 0).expect("midnight") + Duration::seconds(i64::from(seconds));
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(a, b) => a.min(b).with_timezone(&Utc),
        chrono::LocalResult::None => {
            // Read with the offset after the gap the time falls before the transition, with
            // the offset before it after: the transition lies between; find its second.
            let offset = |t: NaiveDateTime| {
                i64::from(zone.offset_from_utc_datetime(&t).fix().local_minus_utc())
            };
            let day = Duration::days(1);
            let (before, after) = (offset(local - day), offset(local + day));
            let mut low = (local - Duration::seconds(after)).and_utc();
            let mut high = (local - Duration::seconds(before)).and_utc();
            if high < low {
                std::mem::swap(&mut low, &mut high);
            }
            let changed = |t: Instant| offset(t.naive_utc()) != before;
            // Invariant: not changed at `low`, changed at `high`.
            while high - low > Duration::seconds(1) {
                let mid = low + (high - low) / 2;
                if changed(mid) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            if changed(low) {
                low
            } else {
                high
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;

    fn at(s: &str) -> Instant {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn hours(list: &[&str]) -> Vec<Interval> {
        list.iter().map(|t| Interval::parse(t).unwrap()).collect()
    }

    /// Monday to Thursday 07:30–16:00, Friday 07:30–16:30, the built-in list.
    fn bekasi() -> Calendar {
        let day = hours(&["07:30-16:00"]);
        Calendar {
            week: [
                day.clone(),
                day.clone(),
                day.clone(),
                day,
                hours(&["07:30-16:30"]),
                vec![],
                vec![],
            ],
            special: vec![],
            builtin_holidays: true,
            cuti_bersama: true,
            extra_days_off: vec![],
        }
    }

    #[test]
    fn intervals_are_read_within_one_day() {
        assert_eq!(
            Interval::parse("07:30-16:00"),
            Ok(Interval {
                start: 27_000,
                end: 57_600
            })
        );
        assert_eq!(Interval::parse("22:00-24:00").unwrap().end, 86_400);
        assert_eq!(
            Interval::parse("22:00-06:00"),
            Err(IntervalError::Order("22:00-06:00".into()))
        );
        assert_eq!(
            Interval::parse("08:00-08:00"),
            Err(IntervalError::Order("08:00-08:00".into()))
        );
        for bad in [
            "7.30-16.00",
            "07:30",
            "07:60-08:00",
            "24:30-25:00",
            "-",
            "7:3-8:00",
        ] {
            assert_eq!(
                Interval::parse(bad),
                Err(IntervalError::Form(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_metrics_example_friday_night_to_monday_morning_is_five_minutes() {
        // METRICS.md: posted 21.30 on a Friday, passed on 07.35 the next Monday, hours
        // 07.30–16.00: 300 s. Friday 2026-11-20 21:30 WIB → Monday 2026-11-23 07:35 WIB.
        let c = bekasi();
        let zone = chrono_tz::Asia::Jakarta;
        assert_eq!(
            c.work(
                at("2026-11-20T21:30:00+07:00"),
                at("2026-11-23T07:35:00+07:00"),
                zone
            ),
            300
        );
        // Reversed or equal: nothing.
        assert_eq!(
            c.work(
                at("2026-11-23T07:35:00+07:00"),
                at("2026-11-20T21:30:00+07:00"),
                zone
            ),
            0
        );
        // Within one morning: plain difference. Across the Friday close (16:30):
        // 16:00 → 16:30 = 1 800 s, then Monday 07:30 → 08:00 = 1 800 s.
        assert_eq!(
            c.work(
                at("2026-11-20T16:00:00+07:00"),
                at("2026-11-23T08:00:00+07:00"),
                zone
            ),
            3_600
        );
    }

    #[test]
    fn holidays_and_cuti_bersama_are_not_worked_unless_the_office_says() {
        let zone = chrono_tz::Asia::Jakarta;
        // Thursday 24 December 2026 is cuti bersama, Friday 25 Christmas: from Wednesday 23
        // 15:00 to Monday 28 08:30 only Wed 15:00–16:00 and Mon 07:30–08:30 are worked.
        let a = at("2026-12-23T15:00:00+07:00");
        let b = at("2026-12-28T08:30:00+07:00");
        let mut c = bekasi();
        assert_eq!(c.work(a, b, zone), 7_200);
        assert_eq!(
            c.day_off(NaiveDate::from_ymd_opt(2026, 12, 24).unwrap())
                .unwrap()
                .kind,
            DayOffKind::CutiBersama
        );
        // Cuti bersama worked: Thursday's 8 h 30 min (30 600 s) more.
        c.cuti_bersama = false;
        assert_eq!(c.work(a, b, zone), 7_200 + 30_600);
        // No built-in list at all: Friday's 9 h (32 400 s) too.
        c.builtin_holidays = false;
        assert_eq!(c.work(a, b, zone), 7_200 + 30_600 + 32_400);
        // The office's own day off: Monday 28 gone.
        c.extra_days_off = vec![NaiveDate::from_ymd_opt(2026, 12, 28).unwrap()];
        assert_eq!(c.work(a, b, zone), 3_600 + 30_600 + 32_400);
    }

    #[test]
    fn special_ranges_replace_the_week_and_the_last_one_wins() {
        let zone = chrono_tz::Asia::Jakarta;
        let mut c = bekasi();
        let ramadan = |from: (i32, u32, u32), to: (i32, u32, u32), monday: &[&str]| Special {
            from: NaiveDate::from_ymd_opt(from.0, from.1, from.2).unwrap(),
            to: NaiveDate::from_ymd_opt(to.0, to.1, to.2).unwrap(),
            week: [
                hours(monday),
                vec![],
                vec![],
                vec![],
                vec![],
                vec![],
                vec![],
            ],
        };
        c.special = vec![
            ramadan((2026, 2, 18), (2026, 3, 19), &["08:00-15:00"]),
            ramadan((2026, 3, 2), (2026, 3, 2), &["08:00-10:00", "13:00-14:00"]),
        ];
        let day = |d: &str| {
            (
                at(&format!("{d}T00:00:00+07:00")),
                at(&format!("{d}T23:59:59+07:00")),
            )
        };
        // Monday 23 February: the first range, 7 h.
        let (a, b) = day("2026-02-23");
        assert_eq!(c.work(a, b, zone), 25_200);
        // Monday 2 March: the last range containing it, 2 h + 1 h.
        let (a, b) = day("2026-03-02");
        assert_eq!(c.work(a, b, zone), 10_800);
        // Tuesday 24 February: the range leaves Tuesday out, so none (not the week's).
        let (a, b) = day("2026-02-24");
        assert_eq!(c.work(a, b, zone), 0);
        // Monday 16 February is cuti bersama (Imlek): a day off beats the range.
        let (a, b) = day("2026-02-16");
        assert_eq!(c.work(a, b, zone), 0);
        // Outside the ranges: the week, 8 h 30 min.
        let (a, b) = day("2026-03-30");
        assert_eq!(c.work(a, b, zone), 30_600);
    }

    #[test]
    fn the_built_in_list_covers_2024_to_2026() {
        assert_eq!(builtin_years(), [2024, 2025, 2026]);
        assert_eq!(builtin_version(), "id 2024-2026");
        let c = bekasi();
        assert!(c.covers(2026) && !c.covers(2027) && !c.covers(2023));
        let none = Calendar {
            builtin_holidays: false,
            ..bekasi()
        };
        assert!(none.covers(2027));
        let off = c.days_off(
            NaiveDate::from_ymd_opt(2026, 3, 16).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 24).unwrap(),
        );
        let dates: Vec<String> = off.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(
            dates,
            [
                "2026-03-18",
                "2026-03-19",
                "2026-03-20",
                "2026-03-21",
                "2026-03-22",
                "2026-03-23",
                "2026-03-24"
            ]
        );
        assert_eq!(off[1].name, "Hari Suci Nyepi Tahun Baru Saka 1948");
        assert!(off[1].source.contains("Nomor 1497 Tahun 2025"));
    }

    #[test]
    fn wall_times_in_a_gap_start_at_the_transition_and_ambiguous_ones_are_the_earlier() {
        // Europe/Berlin, Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST (01:00Z).
        let berlin = chrono_tz::Europe::Berlin;
        let date = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        assert_eq!(
            wall_instant(date, 2 * 3600 + 1800, berlin),
            at("2026-03-29T01:00:00Z")
        );
        assert_eq!(
            wall_instant(date, 4 * 3600, berlin),
            at("2026-03-29T02:00:00Z")
        );
        // "02:30-04:00" that day is 03:00–04:00 CEST: one hour.
        let c = Calendar {
            week: [
                vec![],
                vec![],
                vec![],
                vec![],
                vec![],
                vec![],
                hours(&["02:30-04:00"]),
            ],
            special: vec![],
            builtin_holidays: false,
            cuti_bersama: true,
            extra_days_off: vec![],
        };
        assert_eq!(
            c.work(
                at("2026-03-28T12:00:00Z"),
                at("2026-03-29T12:00:00Z"),
                berlin
            ),
            3_600
        );
        // Sunday 25 October 2026: 03:00 CEST goes back to 02:00 CET (01:00Z). 02:30 happens
        // twice; the earlier is 00:30Z.
        let date = NaiveDate::from_ymd_opt(2026, 10, 25).unwrap();
        assert_eq!(
            wall_instant(date, 2 * 3600 + 1800, berlin),
            at("2026-10-25T00:30:00Z")
        );
        // "00:00-02:30" ends at the first 02:30 (00:30Z), from 22:00Z: 2 h 30 min.
        let c = Calendar {
            week: [
                vec![],
                vec![],
                vec![],
                vec![],
                vec![],
                vec![],
                hours(&["00:00-02:30"]),
            ],
            ..c
        };
        assert_eq!(
            c.work(
                at("2026-10-24T12:00:00Z"),
                at("2026-10-25T12:00:00Z"),
                berlin
            ),
            9_000
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// work() against a count minute by minute: each minute of [a, b) whose local time
        /// (in Jakarta) lies in a working interval of its local date.
        #[test]
        fn work_counts_the_working_minutes(start in 0i64..(60 * 24 * 40), length in 0i64..(60 * 24 * 12)) {
            let zone = chrono_tz::Asia::Jakarta;
            let c = Calendar {
                special: vec![Special {
                    from: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
                    to: NaiveDate::from_ymd_opt(2026, 12, 11).unwrap(),
                    week: [hours(&["08:00-12:00", "13:00-15:00"]), hours(&["09:00-10:00"]), vec![], vec![], vec![], hours(&["10:00-11:00"]), vec![]],
                }],
                extra_days_off: vec![NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()],
                ..bekasi()
            };
            let origin = at("2026-11-25T00:00:00+07:00");
            let a = origin + Duration::minutes(start);
            let b = a + Duration::minutes(length);
            let minutes = (0..length)
                .filter(|m| {
                    let local = (a + Duration::minutes(*m)).with_timezone(&zone).naive_local();
                    let second = local.time().num_seconds_from_midnight();
                    c.intervals(local.date()).iter().any(|i| i.start <= second && second < i.end)
                })
                .count() as i64;
            proptest::prop_assert_eq!(c.work(a, b, zone), minutes * 60);
        }
    }

    /// The instant of wall time `seconds` on `date` found by walking minutes forward
    /// through a gap, independently of [`wall_instant`]'s search: the earlier instant of an
    /// ambiguous time, the first existing minute after a gap.
    fn wall_by_walking(date: NaiveDate, seconds: u32, zone: Tz) -> Instant {
        let mut local = date.and_hms_opt(0, 0, 0).unwrap() + Duration::seconds(i64::from(seconds));
        loop {
            if let Some(t) = zone.from_local_datetime(&local).earliest() {
                return t.with_timezone(&Utc);
            }
            local += Duration::minutes(1);
        }
    }

    /// One day's random intervals on a half-hour grid, sorted and kept apart (the
    /// configuration refuses overlaps).
    fn random_day(list: &[(u32, u32)]) -> Vec<Interval> {
        let mut v: Vec<Interval> = list
            .iter()
            .map(|&(s, n)| Interval {
                start: s * 1800,
                end: (s + n).min(48) * 1800,
            })
            .filter(|i| i.end > i.start)
            .collect();
        v.sort();
        let mut kept: Vec<Interval> = Vec::new();
        for i in v {
            if kept.last().is_none_or(|k| i.start >= k.end) {
                kept.push(i);
            }
        }
        kept
    }

    fn random_week(w: &[Vec<(u32, u32)>]) -> Week {
        let mut out: Week = Default::default();
        for (k, d) in w.iter().enumerate() {
            out[k] = random_day(d);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// work() against a count minute by minute over random calendars (weekday hours,
        /// a special range, days off, the built-in list with or without cuti bersama), in
        /// Jakarta and in New York across both of its 2026 clock changes.
        #[test]
        fn work_counts_the_working_minutes_of_any_calendar(
            week in proptest::collection::vec(proptest::collection::vec((0u32..48, 1u32..12), 0..3), 7),
            special_week in proptest::collection::vec(proptest::collection::vec((0u32..48, 1u32..12), 0..3), 7),
            special_from in 0i64..20,
            special_len in 0i64..10,
            extra in proptest::collection::vec(0i64..30, 0..4),
            builtin in proptest::bool::ANY,
            cuti in proptest::bool::ANY,
            new_york in proptest::bool::ANY,
            autumn in proptest::bool::ANY,
            start in 0i64..(60 * 24 * 20),
            length in 0i64..(60 * 24 * 9),
        ) {
            let origin = if autumn {
                NaiveDate::from_ymd_opt(2026, 10, 20).unwrap()
            } else {
                NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
            };
            let c = Calendar {
                week: random_week(&week),
                special: vec![Special {
                    from: origin + Duration::days(special_from),
                    to: origin + Duration::days(special_from + special_len),
                    week: random_week(&special_week),
                }],
                builtin_holidays: builtin,
                cuti_bersama: cuti,
                extra_days_off: extra.iter().map(|d| origin + Duration::days(*d)).collect(),
            };
            let zone = if new_york { chrono_tz::America::New_York } else { chrono_tz::Asia::Jakarta };
            let a = wall_by_walking(origin, 0, zone) + Duration::minutes(start);
            let b = a + Duration::minutes(length);
            // Every working interval of every date near [a, b), its ends found by walking.
            let first = a.with_timezone(&zone).date_naive() - Duration::days(1);
            let last = b.with_timezone(&zone).date_naive() + Duration::days(1);
            let spans: Vec<(Instant, Instant)> = first
                .iter_days()
                .take_while(|d| *d <= last)
                .flat_map(|d| {
                    c.intervals(d)
                        .iter()
                        .map(move |i| (wall_by_walking(d, i.start, zone), wall_by_walking(d, i.end, zone)))
                        .collect::<Vec<_>>()
                })
                .collect();
            let minutes = (0..length)
                .filter(|m| {
                    let t = a + Duration::minutes(*m);
                    spans.iter().any(|(s, e)| *s <= t && t < *e)
                })
                .count() as i64;
            proptest::prop_assert_eq!(c.work(a, b, zone), minutes * 60);
            // The precomputed table gives the same, inside its range and across its edges.
            let table = WorkingTime::new(&c, zone, origin - Duration::days(2), origin + Duration::days(25));
            proptest::prop_assert_eq!(table.work(a, b), minutes * 60);
            let short = WorkingTime::new(&c, zone, origin + Duration::days(5), origin + Duration::days(8));
            proptest::prop_assert_eq!(short.work(a, b), minutes * 60);
        }
    }
}
