//! The one place where numbers, dates, times, durations and percentages become text, in
//! Indonesian or English.
//!
//! Pure functions of their arguments: no locale of the machine, no wall clock.

use chrono::{Datelike, NaiveDate, Timelike};
use chrono_tz::Tz;

use crate::model::Instant;

pub use crate::words::Lang;

const DAYS_ID: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(lang: Lang, month: u32) -> &'static str {
    let i = (month - 1) as usize;
    match lang {
        Lang::Id => MONTHS_ID[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// A date with its weekday: `Jumat, 27 November 2026` / `Friday, 27 November 2026`.
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let day = date.weekday().num_days_from_monday() as usize;
    let name = match lang {
        Lang::Id => DAYS_ID[day],
        Lang::En => DAYS_EN[day],
    };
    format!("{name}, {}", date_only(lang, date))
}

/// The name of a weekday, Monday first (`0` → `Senin` / `Monday`).
pub fn weekday_name(lang: Lang, day: usize) -> &'static str {
    match lang {
        Lang::Id => DAYS_ID[day],
        Lang::En => DAYS_EN[day],
    }
}

/// A date: `27 November 2026`.
pub fn date_only(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(lang, date.month()),
        date.year()
    )
}

/// The days from `start` to `end` in few words: `16–22 November 2026`,
/// `30 November – 6 Desember 2026`, `29 Desember 2025 – 4 Januari 2026`.
pub fn day_range(lang: Lang, start: NaiveDate, end: NaiveDate) -> String {
    if start.year() != end.year() {
        format!("{} – {}", date_only(lang, start), date_only(lang, end))
    } else if start.month() != end.month() {
        format!(
            "{} {} – {}",
            start.day(),
            month_name(lang, start.month()),
            date_only(lang, end)
        )
    } else {
        format!("{}–{}", start.day(), date_only(lang, end))
    }
}

/// A month: `November 2026`.
pub fn month(lang: Lang, year: i32, month: u32) -> String {
    format!("{} {year}", month_name(lang, month))
}

/// The zone's word: WIB, WITA, WIT for Indonesia's zones, else the UTC offset at `at`
/// (`UTC−05.00`).
pub fn zone_word(zone: Tz, at: Instant) -> String {
    match zone.name() {
        "Asia/Jakarta" | "Asia/Pontianak" => "WIB".into(),
        "Asia/Makassar" => "WITA".into(),
        "Asia/Jayapura" => "WIT".into(),
        _ => {
            use chrono::Offset;
            let seconds = at.with_timezone(&zone).offset().fix().local_minus_utc();
            let sign = if seconds < 0 { '−' } else { '+' };
            let s = seconds.abs();
            format!("UTC{sign}{:02}.{:02}", s / 3600, (s % 3600) / 60)
        }
    }
}

/// A time of day with the zone: `14.05 WIB` (Indonesian uses `.`), `14:05 WIB` in English.
pub fn time(lang: Lang, zone: Tz, at: Instant) -> String {
    let local = at.with_timezone(&zone);
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!(
        "{:02}{sep}{:02} {}",
        local.hour(),
        local.minute(),
        zone_word(zone, at)
    )
}

/// A time of day in `zone` without the zone's word: `21.30` (Indonesian), `21:30`.
pub fn clock(lang: Lang, zone: Tz, at: Instant) -> String {
    let local = at.with_timezone(&zone);
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!("{:02}{sep}{:02}", local.hour(), local.minute())
}

/// A step's start and end as times of day in `zone`, the end's day marked when it is not
/// the start's: `21.30 → 07.00 (+1 hari)`, `21:30 → 07:00 (+1 day)`; `21.30 → –` while
/// the end is missing.
pub fn clock_span(lang: Lang, zone: Tz, start: Instant, end: Option<Instant>) -> String {
    clock_span_marked(lang, zone, start, end, |_| false)
}

/// [`clock_span`] with `°` after each time that `outside` says is outside office hours:
/// `21.30° → 07.00 (+1 hari)`.
pub fn clock_span_marked(
    lang: Lang,
    zone: Tz,
    start: Instant,
    end: Option<Instant>,
    outside: impl Fn(Instant) -> bool,
) -> String {
    let mark = |t: Instant| if outside(t) { "°" } else { "" };
    let from = format!("{}{}", clock(lang, zone, start), mark(start));
    let Some(end) = end else {
        return format!("{from} → –");
    };
    let days = (end.with_timezone(&zone).date_naive() - start.with_timezone(&zone).date_naive())
        .num_days();
    let to = format!("{}{}", clock(lang, zone, end), mark(end));
    if days == 0 {
        return format!("{from} → {to}");
    }
    let sign = if days < 0 { '−' } else { '+' };
    let n = days.unsigned_abs();
    let word = match lang {
        Lang::Id => "hari",
        Lang::En if n == 1 => "day",
        Lang::En => "days",
    };
    format!("{from} → {to} ({sign}{n} {word})")
}

/// A moment in full: `Jumat, 27 November 2026 14.05 WIB`.
pub fn moment(lang: Lang, zone: Tz, at: Instant) -> String {
    let local = at.with_timezone(&zone);
    format!(
        "{} {}",
        long_date(lang, local.date_naive()),
        time(lang, zone, at)
    )
}

/// A short moment for tables: `27/11 14.05` (day/month, time).
pub fn short_moment(lang: Lang, zone: Tz, at: Instant) -> String {
    let local = at.with_timezone(&zone);
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ':',
    };
    format!(
        "{:02}/{:02}/{} {:02}{sep}{:02}",
        local.day(),
        local.month(),
        local.year(),
        local.hour(),
        local.minute()
    )
}

/// A whole number with thousands separators: `1.204` (Indonesian), `1,204` (English).
pub fn integer(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Tenths of a percent of `part / whole`, rounded half up on the exact fraction
/// (1/16 = 6.25 % → 63 tenths). `None` when `whole` is 0.
pub fn percent_tenths(part: u64, whole: u64) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    // round(1000 · part / whole) with halves up, in integers: ⌊(2000·part + whole) / (2·whole)⌋.
    let part = u128::from(part);
    let whole = u128::from(whole);
    Some(((2000 * part + whole) / (2 * whole)) as u64)
}

/// A percentage with one decimal: `85,7 %` (Indonesian), `85.7%` (English); `–` when none.
pub fn percent(lang: Lang, part: u64, whole: u64) -> String {
    match percent_tenths(part, whole) {
        None => "–".into(),
        Some(t) => match lang {
            Lang::Id => format!("{},{}%", t / 10, t % 10),
            Lang::En => format!("{}.{}%", t / 10, t % 10),
        },
    }
}

/// A duration in words: `45 dtk`, `12 mnt 5 dtk`, `2 jam 5 mnt`, `3 hari 4 jam`.
pub fn duration(lang: Lang, seconds: i64) -> String {
    let (d, h, m, s) = match lang {
        Lang::Id => ("hari", "jam", "mnt", "dtk"),
        Lang::En => ("d", "h", "min", "s"),
    };
    let sign = if seconds < 0 { "−" } else { "" };
    let t = seconds.unsigned_abs();
    let text = if t < 60 {
        format!("{t} {s}")
    } else if t < 3600 {
        if t.is_multiple_of(60) {
            format!("{} {m}", t / 60)
        } else {
            format!("{} {m} {} {s}", t / 60, t % 60)
        }
    } else if t < 86_400 {
        match (t % 3600) / 60 {
            0 => format!("{} {h}", t / 3600),
            minutes => format!("{} {h} {minutes} {m}", t / 3600),
        }
    } else {
        match (t % 86_400) / 3600 {
            0 => format!("{} {d}", t / 86_400),
            hours => format!("{} {d} {hours} {h}", t / 86_400),
        }
    };
    format!("{sign}{text}")
}

/// A duration of working time (a step on the office clock) in words: as [`duration`],
/// but in hours past an hour, never in days, so that it is not read as calendar days
/// ("65 jam 10 mnt" of working time, not "2 hari 17 jam").
pub fn working_duration(lang: Lang, seconds: i64) -> String {
    let t = seconds.unsigned_abs();
    if t < 86_400 {
        return duration(lang, seconds);
    }
    let (h, m) = match lang {
        Lang::Id => ("jam", "mnt"),
        Lang::En => ("h", "min"),
    };
    let sign = if seconds < 0 { "−" } else { "" };
    match (t % 3600) / 60 {
        0 => format!("{sign}{} {h}", t / 3600),
        minutes => format!("{sign}{} {h} {minutes} {m}", t / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn working_time_is_written_in_hours_never_days() {
        // 2 days 17 hours 10 minutes of working time = 65 h 10 min.
        let s = 2 * 86_400 + 17 * 3600 + 600;
        assert_eq!(duration(Lang::Id, s), "2 hari 17 jam");
        assert_eq!(working_duration(Lang::Id, s), "65 jam 10 mnt");
        assert_eq!(working_duration(Lang::En, s), "65 h 10 min");
        assert_eq!(working_duration(Lang::Id, -86_400), "−24 jam");
        // Under a day it is written as any duration.
        assert_eq!(working_duration(Lang::Id, 3 * 3600 + 1200), "3 jam 20 mnt");
        assert_eq!(working_duration(Lang::Id, 45), "45 dtk");
    }

    #[test]
    fn indonesian_dates_and_times() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(long_date(Lang::Id, d), "Jumat, 27 November 2026");
        assert_eq!(long_date(Lang::En, d), "Friday, 27 November 2026");
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 7, 5, 0).unwrap();
        assert_eq!(time(Lang::Id, chrono_tz::Asia::Jakarta, at), "14.05 WIB");
        assert_eq!(time(Lang::Id, chrono_tz::Asia::Makassar, at), "15.05 WITA");
        assert_eq!(time(Lang::Id, chrono_tz::Asia::Jayapura, at), "16.05 WIT");
        assert_eq!(
            time(Lang::En, chrono_tz::America::New_York, at),
            "02:05 UTC−05.00"
        );
        assert_eq!(
            moment(Lang::Id, chrono_tz::Asia::Jakarta, at),
            "Jumat, 27 November 2026 14.05 WIB"
        );
    }

    #[test]
    fn clock_spans_mark_the_day_change() {
        let jakarta = chrono_tz::Asia::Jakarta;
        // 21.30 WIB is 14.30 UTC; 07.00 WIB the next day is 00.00 UTC.
        let start = Utc.with_ymd_and_hms(2026, 11, 10, 14, 30, 0).unwrap();
        let next_morning = Utc.with_ymd_and_hms(2026, 11, 11, 0, 0, 0).unwrap();
        let same_evening = Utc.with_ymd_and_hms(2026, 11, 10, 14, 45, 0).unwrap();
        let three_days = Utc.with_ymd_and_hms(2026, 11, 13, 2, 5, 0).unwrap();
        let day_before = Utc.with_ymd_and_hms(2026, 11, 9, 16, 0, 0).unwrap();
        let span = |lang, end| clock_span(lang, jakarta, start, end);
        assert_eq!(
            span(Lang::Id, Some(next_morning)),
            "21.30 → 07.00 (+1 hari)"
        );
        assert_eq!(span(Lang::En, Some(next_morning)), "21:30 → 07:00 (+1 day)");
        assert_eq!(span(Lang::Id, Some(same_evening)), "21.30 → 21.45");
        assert_eq!(span(Lang::Id, Some(three_days)), "21.30 → 09.05 (+3 hari)");
        assert_eq!(span(Lang::En, Some(three_days)), "21:30 → 09:05 (+3 days)");
        assert_eq!(span(Lang::Id, Some(day_before)), "21.30 → 23.00 (−1 hari)");
        assert_eq!(span(Lang::Id, None), "21.30 → –");
        // 16.00 → 18.00 UTC is one day in UTC, two in WIB: the zone decides.
        let late = Utc.with_ymd_and_hms(2026, 11, 10, 16, 0, 0).unwrap();
        let later = Utc.with_ymd_and_hms(2026, 11, 10, 18, 0, 0).unwrap();
        assert_eq!(
            clock_span(Lang::Id, jakarta, late, Some(later)),
            "23.00 → 01.00 (+1 hari)"
        );
        assert_eq!(
            clock_span(Lang::Id, chrono_tz::UTC, late, Some(later)),
            "16.00 → 18.00"
        );
    }

    #[test]
    fn percentages_round_half_up_on_the_exact_fraction() {
        assert_eq!(percent(Lang::Id, 1, 16), "6,3%");
        assert_eq!(percent(Lang::En, 1, 16), "6.3%");
        assert_eq!(
            day_range(Lang::Id, d(2026, 11, 16), d(2026, 11, 22)),
            "16–22 November 2026"
        );
        assert_eq!(
            day_range(Lang::Id, d(2026, 11, 30), d(2026, 12, 6)),
            "30 November – 6 Desember 2026"
        );
        assert_eq!(
            day_range(Lang::En, d(2025, 12, 29), d(2026, 1, 4)),
            "29 December 2025 – 4 January 2026"
        );
        assert_eq!(percent(Lang::Id, 6, 7), "85,7%");
        assert_eq!(percent(Lang::Id, 1, 3), "33,3%");
        assert_eq!(percent(Lang::Id, 2, 3), "66,7%");
        assert_eq!(percent(Lang::Id, 1, 8), "12,5%");
        assert_eq!(percent(Lang::Id, 1, 2000), "0,1%");
        assert_eq!(percent(Lang::Id, 0, 0), "–");
        assert_eq!(percent(Lang::Id, 5, 5), "100,0%");
    }

    #[test]
    fn numbers_and_durations() {
        assert_eq!(integer(Lang::Id, 1204), "1.204");
        assert_eq!(integer(Lang::En, 1234567), "1,234,567");
        assert_eq!(integer(Lang::Id, 999), "999");
        assert_eq!(duration(Lang::Id, 45), "45 dtk");
        assert_eq!(duration(Lang::Id, 725), "12 mnt 5 dtk");
        assert_eq!(duration(Lang::Id, 600), "10 mnt");
        assert_eq!(duration(Lang::Id, 7500), "2 jam 5 mnt");
        assert_eq!(duration(Lang::Id, 3600), "1 jam");
        assert_eq!(duration(Lang::Id, 86_400 * 5), "5 hari");
        assert_eq!(duration(Lang::Id, 3 * 86_400 + 4 * 3600), "3 hari 4 jam");
        assert_eq!(duration(Lang::En, -90), "−1 min 30 s");
    }
}
