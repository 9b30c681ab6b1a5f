//! Instants from what the exports hold: spreadsheet serial numbers, written stamps (read
//! in `written`) placed in a zone, and the as-of moment a person writes. Pure functions: no
//! I/O, no wall clock, no knowledge of files or columns.

mod written;

pub use written::{parse_written, DateOrder, DateOrderSetting, WrittenDate, WrittenStamp};

use chrono::{
    DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone,
    Timelike, Utc,
};
use chrono_tz::Tz;

/// The date system of a workbook: where serial number 0 falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSystem {
    /// Excel's default: serial 1 is 1900-01-01 (with the fictitious 1900-02-29 as serial 60).
    Excel1900,
    /// Old Mac Excel: serial 0 is 1904-01-01.
    Excel1904,
}

/// Why a value could not be read as a timestamp.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StampError {
    /// The text is not any timestamp form patuh knows.
    #[error("not a date or time patuh can read")]
    Unreadable,
    /// The numbers cannot be a date in the configured order, but could in the other one
    /// (`12/25/2026` read day-first): never swapped silently.
    #[error("cannot be a date in {expected} order (it reads as {other} order)")]
    ContradictsOrder {
        /// The order in force, e.g. `day-first`.
        expected: &'static str,
        /// The order that would fit, e.g. `month-first`.
        other: &'static str,
    },
    /// A date or time that does not exist (`31/02/2026`, `25:00`).
    #[error("no such date or time")]
    Impossible,
    /// A serial number outside the range of real dates.
    #[error("serial number {0} is not a date")]
    SerialOutOfRange(String),
}

/// How a local time was placed on the time line in a zone with daylight saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalAdjustment {
    /// The local time happened twice (clocks turned back); the earlier instant was taken.
    Ambiguous,
    /// The local time never happened (clocks jumped forward); moved forward by the gap.
    Skipped {
        /// Length of the gap in seconds.
        gap_s: i64,
    },
}

/// A spreadsheet serial number as a local date-time, rounded to the nearest second
/// (halves away from zero).
pub fn serial_to_local(serial: f64, system: DateSystem) -> Result<NaiveDateTime, StampError> {
    let out_of_range = || StampError::SerialOutOfRange(serial.to_string());
    // Day 0 of the count, and the last serial that is still 9999-12-31.
    let (base, last) = match system {
        DateSystem::Excel1900 if (60.0..61.0).contains(&serial) => {
            return Err(StampError::Impossible)
        }
        DateSystem::Excel1900 if serial < 60.0 => ((1899, 12, 31), 2_958_465.999),
        DateSystem::Excel1900 => ((1899, 12, 30), 2_958_465.999),
        DateSystem::Excel1904 => ((1904, 1, 1), 2_957_003.999),
    };
    if !serial.is_finite() || serial < 0.0 || serial > last {
        return Err(out_of_range());
    }
    // Milliseconds first, so float noise around an exact half second cannot decide it.
    let ms = (serial * 86_400_000.0).round() as i64;
    let seconds = (ms + 500) / 1000;
    NaiveDate::from_ymd_opt(base.0, base.1, base.2)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.checked_add_signed(TimeDelta::seconds(seconds)))
        .ok_or_else(out_of_range)
}

/// Rounds to the nearest second, halves away from zero (may carry into the next day).
pub fn round_to_second(t: NaiveDateTime) -> NaiveDateTime {
    // A leap second is represented with nanoseconds ≥ 1e9; the carry covers it too.
    let carry = (i64::from(t.nanosecond()) + 500_000_000) / 1_000_000_000;
    let whole = t.with_nanosecond(0).unwrap_or(t);
    whole
        .checked_add_signed(TimeDelta::seconds(carry))
        .unwrap_or(whole)
}

/// Places a local date-time on the time line of `zone`.
pub fn localize(local: NaiveDateTime, zone: Tz) -> (DateTime<Utc>, Option<LocalAdjustment>) {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => (t.with_timezone(&Utc), None),
        LocalResult::Ambiguous(a, b) => (
            a.min(b).with_timezone(&Utc),
            Some(LocalAdjustment::Ambiguous),
        ),
        LocalResult::None => {
            // Offsets a day either side of the gap: before and after the transition.
            let offset_at = |t: Option<NaiveDateTime>| {
                t.map_or(0, |t| {
                    zone.offset_from_utc_datetime(&t).fix().local_minus_utc()
                })
            };
            let before = offset_at(local.checked_sub_signed(TimeDelta::days(1)));
            let after = offset_at(local.checked_add_signed(TimeDelta::days(1)));
            let instant = local
                .checked_sub_signed(TimeDelta::seconds(i64::from(before)))
                .unwrap_or(local);
            (
                instant.and_utc(),
                Some(LocalAdjustment::Skipped {
                    gap_s: i64::from(after - before),
                }),
            )
        }
    }
}

/// The instant of a written stamp: date resolved with `order`, midnight when no time,
/// the written offset when there is one, else `zone`; rounded to the second.
/// A time alone is `Unreadable` here (it needs a date).
pub fn to_instant(
    stamp: &WrittenStamp,
    order: DateOrder,
    zone: Tz,
) -> Result<(DateTime<Utc>, Option<LocalAdjustment>), StampError> {
    let date = stamp.date.ok_or(StampError::Unreadable)?.resolve(order)?;
    let local = round_to_second(date.and_time(stamp.time.unwrap_or(NaiveTime::MIN)));
    match stamp.offset {
        Some(offset) => local
            .checked_sub_signed(TimeDelta::seconds(i64::from(offset.local_minus_utc())))
            .map(|t| (t.and_utc(), None))
            .ok_or(StampError::Impossible),
        None => Ok(localize(local, zone)),
    }
}

/// Why a moment a person wrote (`--as-of`, `as_of`) cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MomentError {
    /// The text is no timestamp.
    #[error("{text:?}: {error}")]
    Stamp {
        /// As written (trimmed).
        text: String,
        /// Why.
        error: StampError,
    },
    /// A time of day without a date.
    #[error("{0:?} has no date")]
    NoDate(String),
}

impl MomentError {
    /// Why, in words of either language.
    pub fn message(&self) -> crate::words::Message {
        use crate::words::Message;
        match self {
            MomentError::Stamp { text, error } => Message::new("err_moment")
                .with("text", format!("{text:?}"))
                .with_words("reason", error.message()),
            MomentError::NoDate(text) => {
                Message::new("err_moment_no_date").with("text", format!("{text:?}"))
            }
        }
    }
}

impl StampError {
    /// Why, in words of either language.
    pub fn message(&self) -> crate::words::Message {
        use crate::words::Message;
        match self {
            StampError::Unreadable => Message::new("reason_not_a_date"),
            StampError::Impossible => Message::new("reason_no_such_date"),
            StampError::SerialOutOfRange(serial) => {
                Message::new("err_serial").with("serial", serial)
            }
            StampError::ContradictsOrder { expected, other } => {
                let order = |o: &str| match o {
                    "month-first" => Message::new("order_month_first"),
                    _ => Message::new("order_day_first"),
                };
                Message::new("reason_contradicts_order")
                    .with_words("expected", order(expected))
                    .with_words("other", order(other))
            }
        }
    }
}

/// A moment written by a person (`--as-of`, `as_of`): any timestamp form the exports may
/// use, a date alone meaning the end of that day (23:59:59 local), a whole serial number
/// likewise; read in `order`, local to `zone`.
pub fn parse_moment(
    text: &str,
    zone: Tz,
    order: DateOrderSetting,
) -> Result<crate::model::Instant, MomentError> {
    let text = text.trim();
    let stamp_error = |error| MomentError::Stamp {
        text: text.to_string(),
        error,
    };
    let end_of_day = NaiveTime::from_hms_opt(23, 59, 59).expect("a valid time");
    if let Ok(serial) = text.parse::<f64>() {
        let mut local = serial_to_local(serial, DateSystem::Excel1900).map_err(stamp_error)?;
        if serial.fract() == 0.0 {
            local = local.date().and_time(end_of_day);
        }
        return Ok(localize(local, zone).0);
    }
    let mut stamp = parse_written(text).map_err(stamp_error)?;
    let Some(date) = stamp.date else {
        return Err(MomentError::NoDate(text.to_string()));
    };
    if stamp.time.is_none() {
        stamp.time = Some(end_of_day);
    }
    let order = match order {
        DateOrderSetting::Dmy => DateOrder::DayFirst,
        DateOrderSetting::Mdy => DateOrder::MonthFirst,
        // One value alone: read it the only way it can be read, else day first.
        DateOrderSetting::Auto => date.order_evidence().unwrap_or(DateOrder::DayFirst),
    };
    to_instant(&stamp, order, zone)
        .map(|(at, _)| at)
        .map_err(stamp_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, FixedOffset};
    use proptest::prelude::*;
    use DateOrder::{DayFirst, MonthFirst};
    use StampError::{Impossible, Unreadable};

    fn dt(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn serials_1900_and_1904() {
        use DateSystem::{Excel1900, Excel1904};
        let half_s = 0.5 / 86400.0;
        for (serial, system, want) in [
            (0.0, Excel1900, "1899-12-31 00:00:00"),
            (0.25, Excel1900, "1899-12-31 06:00:00"),
            (1.0, Excel1900, "1900-01-01 00:00:00"),
            (59.0, Excel1900, "1900-02-28 00:00:00"),
            (59.75, Excel1900, "1900-02-28 18:00:00"),
            (61.0, Excel1900, "1900-03-01 00:00:00"),
            (45988.5, Excel1900, "2025-11-27 12:00:00"),
            (41684.35264774306, Excel1900, "2014-02-14 08:27:49"),
            (45988.75 + half_s, Excel1900, "2025-11-27 18:00:01"),
            (45988.75 + 0.49 / 86400.0, Excel1900, "2025-11-27 18:00:00"),
            (45988.0 - half_s, Excel1900, "2025-11-27 00:00:00"),
            (2958465.0, Excel1900, "9999-12-31 00:00:00"),
            (0.0, Excel1904, "1904-01-01 00:00:00"),
            (60.0, Excel1904, "1904-03-01 00:00:00"),
            (42735.0, Excel1904, "2021-01-01 00:00:00"),
            (42735.5, Excel1904, "2021-01-01 12:00:00"),
        ] {
            assert_eq!(
                serial_to_local(serial, system),
                Ok(dt(want)),
                "{serial} {system:?}"
            );
        }
        assert_eq!(serial_to_local(60.0, Excel1900), Err(Impossible));
        assert_eq!(serial_to_local(60.9, Excel1900), Err(Impossible));
        for bad in [
            -1.0,
            -0.001,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            2958466.0,
            1e300,
        ] {
            let got = serial_to_local(bad, Excel1900);
            assert!(matches!(got, Err(StampError::SerialOutOfRange(_))), "{bad}");
        }
        assert!(serial_to_local(2957004.0, Excel1904).is_err());
    }

    #[test]
    fn rounding_to_seconds() {
        let at = |s, ns| {
            let time = NaiveTime::from_hms_nano_opt(23, 59, s, ns).unwrap();
            round_to_second(
                NaiveDate::from_ymd_opt(2026, 12, 31)
                    .unwrap()
                    .and_time(time),
            )
        };
        assert_eq!(at(58, 499_999_999), dt("2026-12-31 23:59:58"));
        assert_eq!(at(58, 500_000_000), dt("2026-12-31 23:59:59"));
        assert_eq!(at(59, 0), dt("2026-12-31 23:59:59"));
        assert_eq!(at(59, 500_000_000), dt("2027-01-01 00:00:00"));
        // A leap second (23:59:60.6) rounds to the first second of the next day.
        assert_eq!(at(59, 1_600_000_000), dt("2027-01-01 00:00:01"));
    }

    #[test]
    fn localizing_with_daylight_saving() {
        use chrono_tz::{America::New_York, Asia::Jakarta, Australia::Lord_Howe};
        let place = |local: &str, zone| {
            let (instant, adjustment) = localize(dt(local), zone);
            format!("{} {adjustment:?}", instant.format("%Y-%m-%dT%H:%M:%SZ"))
        };
        let ny_gap = place("2026-03-08 02:30:00", New_York);
        assert_eq!(ny_gap, "2026-03-08T07:30:00Z Some(Skipped { gap_s: 3600 })");
        let ny_overlap = place("2026-11-01 01:30:00", New_York);
        assert_eq!(ny_overlap, "2026-11-01T05:30:00Z Some(Ambiguous)");
        assert_eq!(
            place("2026-07-01 12:00:00", New_York),
            "2026-07-01T16:00:00Z None"
        );
        assert_eq!(
            place("2026-11-27 14:05:00", Jakarta),
            "2026-11-27T07:05:00Z None"
        );
        // Lord Howe Island springs forward by half an hour (02:00 → 02:30).
        let half_hour_gap = place("2026-10-04 02:15:00", Lord_Howe);
        assert_eq!(
            half_hour_gap,
            "2026-10-03T15:45:00Z Some(Skipped { gap_s: 1800 })"
        );
    }

    #[test]
    fn instants_from_stamps() {
        use chrono_tz::{America::New_York, Asia::Jakarta};
        let at = |text: &str, order, zone| {
            let (instant, adjustment) = to_instant(&parse_written(text).unwrap(), order, zone)?;
            Ok(format!(
                "{} {adjustment:?}",
                instant.format("%Y-%m-%dT%H:%M:%SZ")
            ))
        };
        for (text, order, zone, want) in [
            (
                "27/11/2026 14:05",
                DayFirst,
                Jakarta,
                "2026-11-27T07:05:00Z None",
            ),
            ("27/11/2026", DayFirst, Jakarta, "2026-11-26T17:00:00Z None"),
            (
                "2026-11-27T14:05:09.5Z",
                MonthFirst,
                New_York,
                "2026-11-27T14:05:10Z None",
            ),
            (
                "27 Nov 2026 14.05 WIB",
                DayFirst,
                New_York,
                "2026-11-27T07:05:00Z None",
            ),
            (
                "11/27/2026 2:05 PM -05:00",
                MonthFirst,
                Jakarta,
                "2026-11-27T19:05:00Z None",
            ),
            (
                "03/08/2026 02:30",
                MonthFirst,
                New_York,
                "2026-03-08T07:30:00Z Some(Skipped { gap_s: 3600 })",
            ),
        ] {
            assert_eq!(at(text, order, zone), Ok(want.to_string()), "{text}");
        }
        let contra = StampError::ContradictsOrder {
            expected: "day-first",
            other: "month-first",
        };
        assert_eq!(at("11/27/2026", DayFirst, Jakarta), Err(contra));
        assert_eq!(at("14:05", DayFirst, Jakarta), Err(Unreadable));
    }

    const BULAN: [&str; 12] = [
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
    const BLN: &str = "Jan Feb Mar Apr Mei Jun Jul Agt Sep Okt Nop Des";
    const HARI: &str = "Senin Selasa Rabu Kamis Jumat Sabtu Minggu";

    /// Writes `instant` in form `form`; gives the text, the order and zone to read it with,
    /// and the instant it stands for (truncated to the minute when the form has no seconds).
    fn write_form(
        at: DateTime<Utc>,
        form: u8,
        offset_s: i32,
    ) -> (String, DateOrder, Tz, DateTime<Utc>) {
        let o = FixedOffset::east_opt(offset_s).unwrap();
        let l = at.with_timezone(&o).naive_local();
        let wib = (at + TimeDelta::hours(7)).naive_utc();
        let w = |f: &str| wib.format(f).to_string();
        let (day, year, m0) = (wib.day(), wib.year(), wib.month0() as usize);
        let (bulan, bln) = (BULAN[m0], BLN.split(' ').nth(m0).unwrap());
        let hari = HARI
            .split(' ')
            .nth(wib.weekday().num_days_from_monday() as usize)
            .unwrap();
        let text = match form {
            0 if offset_s == 0 => l.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            0 => format!("{}{o}", l.format("%Y-%m-%dT%H:%M:%S")),
            1 => w("%Y-%m-%d %H:%M"),
            2 => w("%d/%m/%Y %H:%M:%S"),
            3 => w("%d-%m-%Y %H.%M.%S"),
            4 => w("%-d/%-m/%y %-H:%M"),
            5 => format!("{hari}, {day} {bulan} {year} pukul {} WIB", w("%H.%M")),
            6 => format!("{day} {bln} {year} pukul {} WIB", w("%H.%M.%S")),
            7 => w("%A, %B %-d, %Y %-I:%M:%S %p"),
            8 => format!("{}th {} {}", w("%b %-d"), w("%Y"), w("%-I:%M%p")),
            9 => w("%m/%d/%Y %I:%M:%S %p"),
            _ => w("%d.%m.%Y %H.%M"),
        };
        let order = if form == 9 { MonthFirst } else { DayFirst };
        // Forms that carry their own offset are read in a zone where it would matter.
        let zone = match form {
            0 | 5 | 6 => chrono_tz::America::New_York,
            _ => chrono_tz::Asia::Jakarta,
        };
        let no_seconds = [1, 4, 5, 8, 10].contains(&form);
        (
            text,
            order,
            zone,
            if no_seconds {
                at.with_second(0).unwrap()
            } else {
                at
            },
        )
    }

    proptest! {
        #[test]
        fn written_forms_round_trip(
            secs in 946_684_800i64..4_102_358_400, // 2000-01-01 to 2099-12-31
            form in 0u8..11,
            offset_s in prop::sample::select(vec![0, 7 * 3600, -5 * 3600, 5 * 3600 + 1800]),
        ) {
            let instant = DateTime::from_timestamp(secs, 0).unwrap();
            let (text, order, zone, want) = write_form(instant, form, offset_s);
            let stamp = parse_written(&text);
            prop_assert!(stamp.is_ok(), "{}: {:?}", text, stamp);
            let got = to_instant(&stamp.unwrap(), order, zone).map(|r| r.0);
            prop_assert_eq!(got, Ok(want), "{}", text);
        }
    }
}
