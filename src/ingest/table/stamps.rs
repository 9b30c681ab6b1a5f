//! One timestamp cell, or a date cell with a time cell, read as far as it can be before
//! the sheet's date order is known. Takes the cells of a row's timestamp columns; gives a
//! [`Pending`] per timestamp field: missing, an instant, a written date, or a failure.

use chrono::NaiveTime;

use crate::ingest::cells::Cell;
use crate::ingest::columns::StampColumns;
use crate::issues::{IssueKind, Reason};
use crate::model::Instant;
use crate::timestamp::{self, DateSystem, LocalAdjustment, StampError, WrittenDate, WrittenStamp};

use super::TableBuilder;

/// What a timestamp cell held, before the sheet's date order is known.
#[derive(Debug, Clone)]
pub(super) enum Pending {
    Missing,
    Ready {
        at: Instant,
        /// The local date and time the cell holds, as shown in messages.
        local: chrono::NaiveDateTime,
        adjustment: Option<LocalAdjustment>,
        has_time: bool,
    },
    Written {
        stamp: WrittenStamp,
        raw: String,
    },
    Failed {
        kind: IssueKind,
        raw: String,
        reason: Reason,
    },
}

impl TableBuilder<'_> {
    /// What the timestamp `columns` of a row hold.
    pub(super) fn read_stamp(&self, columns: StampColumns, cells: &[Cell<'_>]) -> Pending {
        let empty = Cell::Empty;
        match columns {
            StampColumns::Single(c) => self.read_full(cells.get(c).unwrap_or(&empty)),
            StampColumns::Pair { date, time } => self.read_pair(
                cells.get(date).unwrap_or(&empty),
                cells.get(time).unwrap_or(&empty),
            ),
        }
    }

    /// A cell that should hold a whole timestamp (or a date alone).
    fn read_full(&self, cell: &Cell<'_>) -> Pending {
        match cell {
            Cell::Empty => Pending::Missing,
            Cell::Text(t) => {
                let t = t.trim();
                if t.is_empty() {
                    return Pending::Missing;
                }
                match t.parse::<f64>() {
                    Ok(serial) if t.chars().all(|c| c.is_ascii_digit() || c == '.') => {
                        self.read_serial(serial, self.system, t)
                    }
                    _ => self.read_text_stamp(t),
                }
            }
            Cell::Number(n) => self.read_serial(*n, self.system, &cells_text(cell)),
            Cell::DateTime { serial, system } => {
                self.read_serial(*serial, *system, &cells_text(cell))
            }
            Cell::Iso(t) => self.read_text_stamp(t.trim()),
            Cell::Duration(_) | Cell::DurationText(_) => Pending::Failed {
                kind: IssueKind::TimeWithoutDate,
                raw: cells_text(cell),
                reason: Reason::DurationNotDate,
            },
            Cell::Bool(_) | Cell::Error(_) => Pending::Failed {
                kind: IssueKind::UnreadableTimestamp,
                raw: cells_text(cell),
                reason: Reason::NotADate,
            },
        }
    }

    fn read_text_stamp(&self, text: &str) -> Pending {
        match timestamp::parse_written(text) {
            Ok(stamp) if stamp.date.is_none() => Pending::Failed {
                kind: IssueKind::TimeWithoutDate,
                raw: text.to_string(),
                reason: Reason::TimeWithoutDate,
            },
            Ok(stamp) => Pending::Written {
                stamp,
                raw: text.to_string(),
            },
            Err(e) => Pending::Failed {
                kind: IssueKind::UnreadableTimestamp,
                raw: text.to_string(),
                reason: reason_of(&e),
            },
        }
    }

    fn read_serial(&self, serial: f64, system: DateSystem, raw: &str) -> Pending {
        if (0.0..1.0).contains(&serial) {
            return Pending::Failed {
                kind: IssueKind::TimeWithoutDate,
                raw: raw.to_string(),
                reason: Reason::TimeWithoutDate,
            };
        }
        match timestamp::serial_to_local(serial, system) {
            Ok(local) => {
                let (at, adjustment) = timestamp::localize(local, self.settings.zone);
                Pending::Ready {
                    at,
                    local,
                    adjustment,
                    has_time: local.time() != NaiveTime::MIN,
                }
            }
            Err(e) => Pending::Failed {
                kind: IssueKind::UnreadableTimestamp,
                raw: raw.to_string(),
                reason: reason_of(&e),
            },
        }
    }

    /// A date column and a time column together.
    fn read_pair(&self, date: &Cell<'_>, time: &Cell<'_>) -> Pending {
        if date.is_empty() {
            if time.is_empty() {
                return Pending::Missing;
            }
            return Pending::Failed {
                kind: IssueKind::TimeWithoutDate,
                raw: cells_text(time),
                reason: Reason::DateColumnEmpty,
            };
        }
        let raw = match time.to_text() {
            Some(t) => format!("{} {}", cells_text(date), t),
            None => cells_text(date),
        };
        let date_part = match self.read_full(date) {
            Pending::Written { stamp, .. } => stamp,
            Pending::Ready {
                local, has_time, ..
            } => WrittenStamp {
                date: Some(WrittenDate::Known(local.date())),
                time: has_time.then(|| local.time()),
                offset: None,
            },
            Pending::Missing => unreachable!("the date cell is not empty"),
            failed @ Pending::Failed { .. } => return failed,
        };
        let (time_of_day, offset) = match time_of_day(time) {
            Some(t) => t,
            None => {
                return Pending::Failed {
                    kind: IssueKind::UnreadableTimestamp,
                    raw,
                    reason: Reason::TimeUnreadable,
                };
            }
        };
        Pending::Written {
            stamp: WrittenStamp {
                date: date_part.date,
                time: time_of_day.or(date_part.time),
                offset: offset.or(date_part.offset),
            },
            raw,
        }
    }
}

/// The reason of a timestamp that cannot be read.
pub(super) fn reason_of(e: &StampError) -> Reason {
    match e {
        StampError::Unreadable => Reason::NotADate,
        StampError::Impossible => Reason::NoSuchDate,
        StampError::SerialOutOfRange(_) => Reason::SerialOutOfRange,
        StampError::ContradictsOrder { expected, other } => Reason::ContradictsOrder {
            expected_order: expected.replace('-', "_"),
            other_order: other.replace('-', "_"),
        },
    }
}

/// The time of day in a time column, with its offset if one is written (both `None` for
/// an empty cell); `None` when the cell holds no time of day.
fn time_of_day(cell: &Cell<'_>) -> Option<(Option<NaiveTime>, Option<chrono::FixedOffset>)> {
    match cell {
        Cell::Empty => Some((None, None)),
        Cell::Text(t) | Cell::Iso(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Some((None, None));
            }
            match timestamp::parse_written(t) {
                Ok(WrittenStamp {
                    time: Some(time),
                    offset,
                    ..
                }) => Some((Some(time), offset)),
                Ok(_) => None,
                Err(_) => {
                    let n = t.parse::<f64>().ok()?;
                    serial_time(n).map(|time| (Some(time), None))
                }
            }
        }
        Cell::Number(n) | Cell::DateTime { serial: n, .. } | Cell::Duration(n) => {
            serial_time(*n).map(|time| (Some(time), None))
        }
        Cell::DurationText(_) | Cell::Bool(_) | Cell::Error(_) => None,
    }
}

/// The time-of-day part of a serial (its fraction), rounded to the second; `None` for a
/// negative or infinite serial.
fn serial_time(serial: f64) -> Option<NaiveTime> {
    if !serial.is_finite() || serial < 0.0 {
        return None;
    }
    let seconds = (serial.fract() * 86_400.0).round() as u32;
    Some(NaiveTime::from_num_seconds_from_midnight_opt(seconds % 86_400, 0).expect("under a day"))
}

fn cells_text(cell: &Cell<'_>) -> String {
    cell.to_text().unwrap_or_default()
}
