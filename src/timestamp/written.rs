//! Reading dates and times as people write them in cells: `27 Nov 2026 14.05`,
//! `2026-11-27T14:05:00+07:00`, `27/11/26 2:05 PM`, month and weekday words in Indonesian
//! and English, zone words, and which of two numbers is the day (the date order). Gives
//! what was written, not yet an instant.

use chrono::{FixedOffset, NaiveDate, NaiveTime};
use serde::Deserialize;

use super::StampError;

/// How to read dates like `03/04/2026` (CONFIG.md `date_order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrderSetting {
    /// Day first (`dd/mm/yyyy`), the default.
    #[default]
    Dmy,
    /// Month first (`mm/dd/yyyy`).
    Mdy,
    /// Decided per column from the values that can only be read one way; day first otherwise.
    Auto,
}

/// Which of two leading numbers is the day in a date like `03/04/2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// `dd/mm/yyyy`, the Indonesian default.
    DayFirst,
    /// `mm/dd/yyyy`, the US order.
    MonthFirst,
}

/// A calendar date as written, before the date order is applied where it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrittenDate {
    /// A date that can be read only one way (ISO `2026-11-27`, a month name).
    Known(NaiveDate),
    /// Two numbers and a year (`03/04/2026`, `3-4-26`): which is the day depends on the order.
    /// `year` is already expanded to four digits (two-digit years are 2000–2099).
    Numeric { first: u32, second: u32, year: i32 },
}

/// A timestamp as written in a cell: a date and/or a time of day, and an offset when one
/// was written (`Z`, `+07:00`, or a zone word `WIB`/`WITA`/`WIT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenStamp {
    /// The date; `None` when the cell holds a time of day alone (`14.05`).
    pub date: Option<WrittenDate>,
    /// The time of day, with any fractional seconds as written; `None` for a date alone.
    pub time: Option<NaiveTime>,
    /// The offset written in the text, if any.
    pub offset: Option<FixedOffset>,
}

impl WrittenDate {
    /// The date in the given order; `ContradictsOrder` when only the other order fits,
    /// `Impossible` when neither does.
    pub fn resolve(self, order: DateOrder) -> Result<NaiveDate, StampError> {
        let (first, second, year) = match self {
            WrittenDate::Known(d) => return Ok(d),
            WrittenDate::Numeric {
                first,
                second,
                year,
            } => (first, second, year),
        };
        let day_first = NaiveDate::from_ymd_opt(year, second, first);
        let month_first = NaiveDate::from_ymd_opt(year, first, second);
        let (wanted, other) = match order {
            DateOrder::DayFirst => (day_first, month_first),
            DateOrder::MonthFirst => (month_first, day_first),
        };
        match (wanted, other) {
            (Some(d), _) => Ok(d),
            (None, Some(_)) => Err(StampError::ContradictsOrder {
                expected: order_name(order),
                other: order_name(match order {
                    DateOrder::DayFirst => DateOrder::MonthFirst,
                    DateOrder::MonthFirst => DateOrder::DayFirst,
                }),
            }),
            (None, None) => Err(StampError::Impossible),
        }
    }

    /// The order this date proves, when only one order can read it
    /// (`13/05/2026` proves day-first, `05/13/2026` month-first, `03/04/2026` nothing).
    pub fn order_evidence(self) -> Option<DateOrder> {
        let day_first = self.resolve(DateOrder::DayFirst).is_ok();
        let month_first = self.resolve(DateOrder::MonthFirst).is_ok();
        match (self, day_first, month_first) {
            (WrittenDate::Known(_), _, _) => None,
            (_, true, false) => Some(DateOrder::DayFirst),
            (_, false, true) => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }
}

fn order_name(order: DateOrder) -> &'static str {
    match order {
        DateOrder::DayFirst => "day-first",
        DateOrder::MonthFirst => "month-first",
    }
}

/// Reads a cell's text as a timestamp (a date, a date and time, or a time alone).
/// A bare number is not read here: numbers are spreadsheet serials (see serial_to_local).
pub fn parse_written(text: &str) -> Result<WrittenStamp, StampError> {
    let toks = tokenize(text).ok_or(StampError::Unreadable)?;
    let mut p = Parser { toks, i: 0 };
    let raw = p.stamp().ok_or(StampError::Unreadable)?;
    let date = match raw.date {
        None => None,
        Some(RawDate::Ymd(y, m, d)) => Some(WrittenDate::Known(
            NaiveDate::from_ymd_opt(y, m, d).ok_or(StampError::Impossible)?,
        )),
        Some(RawDate::Numeric(first, second, year)) => {
            let date = WrittenDate::Numeric {
                first,
                second,
                year,
            };
            if date.resolve(DateOrder::DayFirst) == Err(StampError::Impossible) {
                return Err(StampError::Impossible);
            }
            Some(date)
        }
    };
    let time = match raw.time {
        None => None,
        Some(t) => {
            let hour = match t.pm {
                None => t.hour,
                Some(_) if !(1..=12).contains(&t.hour) => return Err(StampError::Impossible),
                Some(pm) => t.hour % 12 + if pm { 12 } else { 0 },
            };
            Some(
                NaiveTime::from_hms_nano_opt(hour, t.minute, t.second, t.nano)
                    .ok_or(StampError::Impossible)?,
            )
        }
    };
    let offset = match raw.offset {
        None => None,
        Some((sign, h, m)) if h < 24 && m < 60 => FixedOffset::east_opt(sign * (h * 3600 + m * 60)),
        Some(_) => return Err(StampError::Impossible),
    };
    Ok(WrittenStamp { date, time, offset })
}

/// One lexical piece of a cell's text (letters are lower-cased).
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(String),
    Word(String),
    Sym(char),
    Space,
}

/// Splits trimmed text into digit runs, letter runs, single symbols and collapsed spaces.
/// Any character outside these makes the text unreadable.
fn tokenize(text: &str) -> Option<Vec<Tok>> {
    let mut toks: Vec<Tok> = Vec::new();
    for c in text.trim().chars() {
        let c = if c == '\u{2019}' {
            '\''
        } else {
            c.to_ascii_lowercase()
        };
        match (toks.last_mut(), c) {
            (Some(Tok::Num(s)), '0'..='9') | (Some(Tok::Word(s)), 'a'..='z' | '\'') => s.push(c),
            (Some(Tok::Space), c) if c.is_whitespace() => {}
            (_, '0'..='9') => toks.push(Tok::Num(c.to_string())),
            (_, 'a'..='z' | '\'') => toks.push(Tok::Word(c.to_string())),
            (_, '/' | '-' | '.' | ':' | ',' | '+') => toks.push(Tok::Sym(c)),
            (_, c) if c.is_whitespace() => toks.push(Tok::Space),
            _ => return None,
        }
    }
    Some(toks)
}

enum RawDate {
    Ymd(i32, u32, u32),
    Numeric(u32, u32, i32),
}

struct RawTime {
    hour: u32,
    minute: u32,
    second: u32,
    nano: u32,
    pm: Option<bool>,
}

/// What the grammar matched, before the values are checked.
struct RawStamp {
    date: Option<RawDate>,
    time: Option<RawTime>,
    /// Sign, hours, minutes.
    offset: Option<(i32, i32, i32)>,
}

const WEEKDAYS: &str = "senin selasa rabu kamis jumat jum'at sabtu minggu ahad monday tuesday \
    wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun";

fn month_number(word: &str) -> Option<u32> {
    Some(match word {
        "januari" | "jan" | "january" => 1,
        "februari" | "pebruari" | "feb" | "peb" | "february" => 2,
        "maret" | "mar" | "march" => 3,
        "april" | "apr" => 4,
        "mei" | "may" => 5,
        "juni" | "jun" | "june" => 6,
        "juli" | "jul" | "july" => 7,
        "agustus" | "agt" | "agu" | "agus" | "ags" | "aug" | "august" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "okt" | "october" | "oct" => 10,
        "november" | "nopember" | "nov" | "nop" => 11,
        "desember" | "des" | "december" | "dec" => 12,
        _ => return None,
    })
}

/// A backtracking reader over the tokens. A method returns `None` when the shape does not
/// match and may then leave the position anywhere: alternatives go through `attempt`.
struct Parser {
    toks: Vec<Tok>,
    i: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i)
    }

    fn at_end(&self) -> bool {
        self.i >= self.toks.len()
    }

    /// Consumes the token if `f` accepts it.
    fn take<T>(&mut self, f: impl FnOnce(&Tok) -> Option<T>) -> Option<T> {
        let out = f(self.peek()?)?;
        self.i += 1;
        Some(out)
    }

    fn sym(&mut self, want: char) -> bool {
        self.take(|t| (*t == Tok::Sym(want)).then_some(()))
            .is_some()
    }

    fn sym_of(&mut self, set: &str) -> Option<char> {
        self.take(|t| match t {
            Tok::Sym(c) if set.contains(*c) => Some(*c),
            _ => None,
        })
    }

    fn space(&mut self) -> bool {
        self.take(|t| (*t == Tok::Space).then_some(())).is_some()
    }

    /// A space, or a comma with optional spaces around it.
    fn gap(&mut self) -> bool {
        let spaced = self.space();
        if self.sym(',') {
            self.space();
            return true;
        }
        spaced
    }

    /// A word among the space-separated `set`.
    fn word_in(&mut self, set: &str) -> Option<String> {
        self.take(|t| match t {
            Tok::Word(w) if set.split(' ').any(|s| s == w) => Some(w.clone()),
            _ => None,
        })
    }

    fn digits(&mut self) -> Option<String> {
        self.take(|t| match t {
            Tok::Num(s) => Some(s.clone()),
            _ => None,
        })
    }

    /// A number written with between `min` and `max` digits (at most 4).
    fn num(&mut self, min: usize, max: usize) -> Option<u32> {
        self.take(|t| match t {
            Tok::Num(s) if (min..=max).contains(&s.len()) => s.parse().ok(),
            _ => None,
        })
    }

    /// A year of two (2000–2099) or four digits.
    fn year(&mut self) -> Option<i32> {
        self.take(|t| match t {
            Tok::Num(s) if s.len() == 2 => s.parse::<i32>().ok().map(|y| 2000 + y),
            Tok::Num(s) if s.len() == 4 => s.parse().ok(),
            _ => None,
        })
    }

    fn month(&mut self) -> Option<u32> {
        self.take(|t| match t {
            Tok::Word(w) => month_number(w),
            _ => None,
        })
    }

    fn ordinal(&mut self) {
        self.word_in("st nd rd th");
    }

    /// Runs `f`, putting the position back when it does not match.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let start = self.i;
        let out = f(self);
        if out.is_none() {
            self.i = start;
        }
        out
    }

    fn stamp(&mut self) -> Option<RawStamp> {
        let weekday = self.attempt(|p| {
            p.word_in(WEEKDAYS)?;
            p.gap().then_some(())
        });
        let date = self.attempt(Self::date);
        if date.is_none() && (weekday.is_some() || self.at_end()) {
            return None;
        }
        let mut time = None;
        let mut offset = None;
        if !self.at_end() {
            if let Some((_, iso)) = &date {
                let t_sep = *iso && self.word_in("t").is_some();
                if !t_sep {
                    self.connector()?;
                }
            }
            time = Some(self.time()?);
            offset = self.attempt(Self::zone);
        }
        self.at_end().then_some(RawStamp {
            date: date.map(|(d, _)| d),
            time,
            offset,
        })
    }

    /// A date, and whether it was ISO (`yyyy-mm-dd`, which may be followed by `T`).
    fn date(&mut self) -> Option<(RawDate, bool)> {
        if let Some(d) = self.attempt(|p| {
            let y = p.num(4, 4)? as i32;
            let s = p.sym_of("/-.")?;
            let m = p.num(1, 2)?;
            p.sym(s).then_some(())?;
            Some((RawDate::Ymd(y, m, p.num(1, 2)?), s == '-'))
        }) {
            return Some(d);
        }
        if let Some(d) = self.attempt(|p| {
            let first = p.num(1, 2)?;
            let s = p.sym_of("/-.")?;
            let second = p.num(1, 2)?;
            p.sym(s).then_some(())?;
            // `14.05.09` is a time: dotted dates need a four-digit year.
            let year = if s == '.' {
                p.num(4, 4)? as i32
            } else {
                p.year()?
            };
            Some((RawDate::Numeric(first, second, year), false))
        }) {
            return Some(d);
        }
        if let Some(d) = self.attempt(|p| {
            let day = p.num(1, 2)?;
            p.ordinal();
            let month = if let Some(s) = p.sym_of("/-.") {
                let m = p.month()?;
                p.sym(s).then_some(m)?
            } else {
                p.space().then_some(())?;
                let m = p.month()?;
                p.sym('.');
                p.gap().then_some(m)?
            };
            Some((RawDate::Ymd(p.year()?, month, day), false))
        }) {
            return Some(d);
        }
        if let Some(d) = self.attempt(|p| {
            let month = p.month()?;
            p.sym('.');
            p.space().then_some(())?;
            let day = p.num(1, 2)?;
            p.ordinal();
            p.gap().then_some(())?;
            Some((RawDate::Ymd(p.year()?, month, day), false))
        }) {
            return Some(d);
        }
        // Month first with separators: `Mar-14-2012`, `Mar/14/2012`.
        self.attempt(|p| {
            let month = p.month()?;
            let sep = if p.sym('-') {
                '-'
            } else {
                p.sym('/').then_some('/')?
            };
            let day = p.num(1, 2)?;
            p.sym(sep).then_some(())?;
            Some((RawDate::Ymd(p.year()?, month, day), false))
        })
    }

    /// What stands between a date and a time: a space or comma, and optionally a word
    /// such as `pukul` or `pkl.`.
    fn connector(&mut self) -> Option<()> {
        let gap = self.gap();
        match self.word_in("pukul pkl jam at") {
            Some(w) => {
                let dot = w == "pkl" && self.sym('.');
                (self.space() || dot).then_some(())
            }
            None => gap.then_some(()),
        }
    }

    /// `14:05`, `14.05.09`, `14:05:09.765`, `2:05 PM`, `2.05 p.m.`
    fn time(&mut self) -> Option<RawTime> {
        let hour = self.num(1, 2)?;
        let s = self.sym_of(":.")?;
        let minute = self.num(2, 2)?;
        let (mut second, mut nano) = (0, 0);
        if self.sym(s) {
            second = self.num(2, 2)?;
            if self.sym('.') {
                let frac = self.digits()?;
                let padded: String = frac.chars().chain("000000000".chars()).take(9).collect();
                nano = padded.parse().ok()?;
            }
        }
        let pm = self.attempt(|p| {
            p.space();
            if let Some(w) = p.word_in("am pm") {
                return Some(w == "pm");
            }
            let w = p.word_in("a p")?;
            (p.sym('.') && p.word_in("m").is_some()).then_some(())?;
            p.sym('.');
            Some(w == "p")
        });
        Some(RawTime {
            hour,
            minute,
            second,
            nano,
            pm,
        })
    }

    /// A zone word or numeric offset after a time: `WIB`, `Z`, `+07:00`, `-0500`, `UTC+7`.
    fn zone(&mut self) -> Option<(i32, i32, i32)> {
        self.space();
        if let Some(w) = self.word_in("wib wita wit z utc gmt") {
            let hours = match w.as_str() {
                "wib" => 7,
                "wita" => 8,
                "wit" => 9,
                "z" => 0,
                _ => return Some(self.attempt(Self::numeric_offset).unwrap_or((1, 0, 0))),
            };
            return Some((1, hours, 0));
        }
        self.numeric_offset()
    }

    fn numeric_offset(&mut self) -> Option<(i32, i32, i32)> {
        let sign = if self.sym_of("+-")? == '-' { -1 } else { 1 };
        if let Some(hm) = self.num(4, 4) {
            return Some((sign, (hm / 100) as i32, (hm % 100) as i32));
        }
        let h = self.num(1, 2)? as i32;
        let m = if self.sym(':') {
            self.num(2, 2)? as i32
        } else {
            0
        };
        Some((sign, h, m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use DateOrder::{DayFirst, MonthFirst};
    use StampError::{Impossible, Unreadable};

    /// What `parse_written` makes of `text`, as `date time offset` (a numeric date is
    /// `first?second?year`), or the error's name.
    fn show(text: &str) -> String {
        let stamp = match parse_written(text) {
            Ok(stamp) => stamp,
            Err(e) => return format!("{e:?}"),
        };
        let date = stamp.date.map(|d| match d {
            WrittenDate::Known(d) => d.to_string(),
            WrittenDate::Numeric {
                first,
                second,
                year,
            } => format!("{first}?{second}?{year}"),
        });
        let time = stamp.time.map(|t| t.to_string());
        let offset = stamp.offset.map(|o| o.to_string());
        [date, time, offset]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn check(rows: &[(&str, &str)]) {
        for (text, want) in rows {
            assert_eq!(show(text), *want, "{text:?}");
        }
    }

    #[test]
    fn iso_forms() {
        check(&[
            ("2026-11-27", "2026-11-27"),
            ("  2026-11-27T14:05 ", "2026-11-27 14:05:00"),
            ("2026-11-27 14:05:09", "2026-11-27 14:05:09"),
            ("2026-11-27T14:05:09.765Z", "2026-11-27 14:05:09.765 +00:00"),
            ("2026-11-27t14:05:09.765z", "2026-11-27 14:05:09.765 +00:00"),
            ("2026-11-27T14:05:09+07:00", "2026-11-27 14:05:09 +07:00"),
            (
                "2026-11-27T14:05:09.765+0700",
                "2026-11-27 14:05:09.765 +07:00",
            ),
            ("2026-11-27T14:05-05:00", "2026-11-27 14:05:00 -05:00"),
            ("2026-11-27 14:05 +05:30", "2026-11-27 14:05:00 +05:30"),
            ("2026/11/27 14.05", "2026-11-27 14:05:00"),
        ]);
    }

    #[test]
    fn numeric_dates_and_times_alone() {
        check(&[
            ("27/11/2026", "27?11?2026"),
            ("27-11-2026", "27?11?2026"),
            ("27.11.2026", "27?11?2026"),
            ("3/4/26", "3?4?2026"),
            ("03-04-99", "3?4?2099"),
            ("1/2/00", "1?2?2000"),
            ("27/11/2026 14:05", "27?11?2026 14:05:00"),
            ("27/11/2026 14.05.09", "27?11?2026 14:05:09"),
            ("12/25/2026, 2:05 PM", "12?25?2026 14:05:00"),
            ("14.05", "14:05:00"),
            ("14.05.09", "14:05:09"),
            ("2:05 PM", "14:05:00"),
            ("2:05 PM WIB", "14:05:00 +07:00"),
        ]);
    }

    #[test]
    fn every_month_name() {
        let names = [
            "Januari Jan January",
            "Februari Feb Peb February Pebruari",
            "Maret Mar March",
            "April Apr",
            "Mei May",
            "Juni Jun June",
            "Juli Jul July",
            "Agustus Agt Agu Agus Ags Aug August",
            "September Sep Sept",
            "Oktober Okt October Oct",
            "November Nov Nop Nopember",
            "Desember Des December Dec",
        ];
        for (month, words) in (1..).zip(names) {
            let want = NaiveDate::from_ymd_opt(2026, month, 5).unwrap().to_string();
            for w in words.split(' ') {
                let upper = w.to_uppercase();
                for text in [
                    format!("5 {w} 2026"),
                    format!("{upper} 5, 2026"),
                    format!("05-{w}-26"),
                ] {
                    assert_eq!(show(&text), want, "{text}");
                }
            }
        }
    }

    #[test]
    fn month_name_forms() {
        check(&[
            ("27 Nov 2026 14.05", "2026-11-27 14:05:00"),
            (
                "27 November 2026 pukul 14.05 WIB",
                "2026-11-27 14:05:00 +07:00",
            ),
            ("Jumat, 27 Nop 2026 14:05", "2026-11-27 14:05:00"),
            ("jum'at 27 agt 2026 pkl. 08.00", "2026-08-27 08:00:00"),
            (
                "Senin, 3 Agu 2026 pkl 09.15 WITA",
                "2026-08-03 09:15:00 +08:00",
            ),
            ("Ahad 1 Des 2024 jam 7.30 WIT", "2024-12-01 07:30:00 +09:00"),
            ("27-Nov-2026", "2026-11-27"),
            ("27-NOV-26 23:59:59", "2026-11-27 23:59:59"),
            ("27 Nov. 2026", "2026-11-27"),
            ("March 14, 2012", "2012-03-14"),
            ("Wednesday, March 14, 2012", "2012-03-14"),
            ("April 1st 2013", "2013-04-01"),
            ("Jan 3rd 2013", "2013-01-03"),
            ("Thu, 22nd Jan 2026", "2026-01-22"),
            ("Nov 27, 2026 2:05 PM", "2026-11-27 14:05:00"),
            ("Sep 1, 2026 at 14:05 UTC", "2026-09-01 14:05:00 +00:00"),
        ]);
    }

    #[test]
    fn clock_forms() {
        check(&[
            ("14:05", "14:05:00"),
            ("9.05", "09:05:00"),
            ("14:05:09.5", "14:05:09.500"),
            ("14.05.09.5", "14:05:09.500"),
            ("12:00:00 AM", "00:00:00"),
            ("12:30 PM", "12:30:00"),
            ("12:59 am", "00:59:00"),
            ("2:05PM", "14:05:00"),
            ("2.05 pm", "14:05:00"),
            ("02:05:09 AM", "02:05:09"),
            ("11:59 p.m.", "23:59:00"),
            ("1:00 A.M", "01:00:00"),
        ]);
    }

    #[test]
    fn zone_words_and_offsets() {
        check(&[
            ("27/11/2026 14:05 WIB", "27?11?2026 14:05:00 +07:00"),
            ("27/11/2026 14:05 wita", "27?11?2026 14:05:00 +08:00"),
            ("27/11/2026 14:05 WIT", "27?11?2026 14:05:00 +09:00"),
            ("27/11/2026 14:05 UTC", "27?11?2026 14:05:00 +00:00"),
            ("27/11/2026 14:05 GMT", "27?11?2026 14:05:00 +00:00"),
            ("27/11/2026 14:05Z", "27?11?2026 14:05:00 +00:00"),
            ("27/11/2026 14:05 UTC+7", "27?11?2026 14:05:00 +07:00"),
            ("27/11/2026 14:05 GMT-03:30", "27?11?2026 14:05:00 -03:30"),
            ("27/11/2026 14:05 +07", "27?11?2026 14:05:00 +07:00"),
            ("27/11/2026 14:05 -0500", "27?11?2026 14:05:00 -05:00"),
        ]);
    }

    #[test]
    fn unreadable_text() {
        let texts = "|   |45988|45988.5|1.5|27/11/2026 abc|hello|27/11|2026-11-27T|14:5|Jumat|\
            Jumat 14:05|27 Foo 2026|27/11/2026 14:05 XYZ|2026-11-27 WIB|27/11-2026|27/11/2026T14:05|\
            ２７/11/2026|27 Nov 2026 pukul|27 Nov 14:05|27/11/202|2026-11-27 14:05:|14:05 pm pm|é";
        for text in texts.split('|') {
            assert_eq!(parse_written(text), Err(Unreadable), "{text:?}");
        }
    }

    #[test]
    fn impossible_values() {
        // Dotted dates need four-digit years, so `27.11.26` is a time at hour 27.
        let texts = "2026-13-01|25:00|31 Feb 2026|14:60|2026-02-29|13:00 PM|0:30 AM|45/45/2026|\
            00/00/2026|14:05 +25:00|23:59:60|27/11/2026 24:00|27.11.26";
        for text in texts.split('|') {
            assert_eq!(parse_written(text), Err(Impossible), "{text:?}");
        }
    }

    #[test]
    fn order_resolution_and_evidence() {
        let contra = |expected, other| Err(StampError::ContradictsOrder { expected, other });
        let date = |text: &str| parse_written(text).unwrap().date.unwrap();
        let ymd = |y, m, d| Ok(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let christmas = date("12/25/2026");
        assert_eq!(
            christmas.resolve(DayFirst),
            contra("day-first", "month-first")
        );
        assert_eq!(christmas.resolve(MonthFirst), ymd(2026, 12, 25));
        assert_eq!(christmas.order_evidence(), Some(MonthFirst));
        let may13 = date("13/05/2026");
        assert_eq!(
            may13.resolve(MonthFirst),
            contra("month-first", "day-first")
        );
        assert_eq!(may13.order_evidence(), Some(DayFirst));
        let either = date("03/04/2026");
        assert_eq!(either.resolve(DayFirst), ymd(2026, 4, 3));
        assert_eq!(either.resolve(MonthFirst), ymd(2026, 3, 4));
        assert_eq!(either.order_evidence(), None);
        let neither = WrittenDate::Numeric {
            first: 2,
            second: 29,
            year: 2027,
        };
        assert_eq!(neither.resolve(DayFirst), Err(Impossible));
        assert_eq!(neither.order_evidence(), None);
        assert_eq!(date("2026-05-13").order_evidence(), None);
        assert_eq!(date("2026-05-13").resolve(MonthFirst), ymd(2026, 5, 13));
    }

    proptest! {
        #[test]
        fn parse_never_panics(text in any::<String>()) {
            let _ = parse_written(&text);
        }

        #[test]
        fn parse_never_panics_on_near_misses(parts in prop::collection::vec(prop::sample::select(
            "27|/|11|2026|-|.|:|,| |+|07|00|9999999999|nov|jumat|pukul|pkl|wib|pm|a|m|t|z|utc|st|é"
                .split('|').collect::<Vec<_>>()), 0..14)) {
            let _ = parse_written(&parts.concat());
        }
    }
}
