//! The resolution of a table's rows once all are read: the date order of each timestamp
//! field, each instant checked (future, ambiguous or skipped local times, dates alone),
//! rows without a usable timestamp rejected. Takes the pending rows; fills the [`Table`].
//!
//! [`Table`]: super::Table

use crate::config::DateOrderSetting;
use crate::issues::{DataIssue, IssueKind, Location, Reason};
use crate::model::Stamp;
use crate::timestamp::{self, DateOrder, LocalAdjustment, StampError, WrittenDate};

use super::stamps::{reason_of, Pending};
use super::{OrderDecision, PendingRow, TableBuilder};

impl TableBuilder<'_> {
    /// Resolves the sheet's dates (with its date order), checks each instant, rejects rows
    /// without a usable timestamp, and moves the records into the table.
    pub(super) fn resolve(&mut self, rows: Vec<PendingRow>) {
        let orders = Stamp::ALL.map(|s| self.decide_order(s, &rows));
        let mut with_time = [0u32; 5];
        let mut dated = [0u32; 5];
        // Dates alone, per timestamp field: written without a time (text, or a pair whose
        // time is empty), and spreadsheet dates at exactly midnight, which are dates alone
        // only when no cell of the column has another time. Count and first (row, value).
        let mut written_alone: [DateAlone; 5] = Default::default();
        let mut serial_alone = written_alone.clone();
        // The records with a spreadsheet date at midnight: (index, bits).
        let mut serial_marks: Vec<(usize, u8)> = Vec::new();
        for row in rows {
            let PendingRow { mut record, stamps } = row;
            let mut serial_bits = 0u8;
            for (stamp, pending) in Stamp::ALL.into_iter().zip(stamps) {
                let from_serial = matches!(pending, Pending::Ready { .. });
                let column = self
                    .table
                    .columns
                    .stamps
                    .get(&stamp)
                    .map(|c| c.position())
                    .unwrap_or(0);
                let header = self.table.columns.header(column).to_string();
                let at_column = |me: &Self| me.location(record.row).at_column(column, &header);
                let (at, adjustment, has_time, raw) = match pending {
                    Pending::Missing => continue,
                    Pending::Failed { kind, raw, reason } => {
                        let location = at_column(self);
                        self.issue(kind, location, raw, stamp, reason);
                        continue;
                    }
                    Pending::Ready {
                        at,
                        local,
                        adjustment,
                        has_time,
                    } => (
                        at,
                        adjustment,
                        has_time,
                        Some(local.format("%Y-%m-%d %H:%M:%S").to_string()),
                    ),
                    Pending::Written {
                        stamp: written,
                        raw,
                    } => {
                        match timestamp::to_instant(
                            &written,
                            orders[stamp.index()],
                            self.settings.zone,
                        ) {
                            Ok((at, adjustment)) => {
                                (at, adjustment, written.time.is_some(), Some(raw))
                            }
                            Err(e) => {
                                let kind = match e {
                                    StampError::ContradictsOrder { .. } => {
                                        IssueKind::DateOrderContradiction
                                    }
                                    _ => IssueKind::UnreadableTimestamp,
                                };
                                let location = at_column(self);
                                self.issue(kind, location, raw, stamp, reason_of(&e));
                                continue;
                            }
                        }
                    }
                };
                let raw = || {
                    raw.clone()
                        .unwrap_or_else(|| at.with_timezone(&self.settings.zone).to_rfc3339())
                };
                if at > self.settings.now {
                    self.table.first_future =
                        Some(self.table.first_future.map_or(at, |f| f.min(at)));
                    let location = at_column(self);
                    let value = raw();
                    self.issue(
                        IssueKind::FutureTimestamp,
                        location,
                        value,
                        stamp,
                        Reason::Future,
                    );
                    continue;
                }
                match adjustment {
                    Some(LocalAdjustment::Ambiguous) => {
                        let location = at_column(self);
                        let value = raw();
                        self.issue(
                            IssueKind::AmbiguousLocalTime,
                            location,
                            value,
                            stamp,
                            Reason::AmbiguousEarlier,
                        );
                    }
                    Some(LocalAdjustment::Skipped { gap_s }) => {
                        let location = at_column(self);
                        let value = raw();
                        self.issue(
                            IssueKind::SkippedLocalTime,
                            location,
                            value,
                            stamp,
                            Reason::SkippedGap { gap_s },
                        );
                    }
                    None => {}
                }
                dated[stamp.index()] += 1;
                with_time[stamp.index()] += u32::from(has_time);
                record.stamps.set(stamp, Some(at));
                if !has_time {
                    record.date_only |= 1 << stamp.index();
                    let alone = if from_serial {
                        serial_bits |= 1 << stamp.index();
                        &mut serial_alone[stamp.index()]
                    } else {
                        &mut written_alone[stamp.index()]
                    };
                    alone.cells += 1;
                    if alone.first.is_none() {
                        alone.first = Some((record.row, raw()));
                    }
                }
            }
            if record.stamps.latest().is_none() {
                self.table.rejected += 1;
                let location = self.location(record.row);
                self.table.issues.push(DataIssue::new(
                    IssueKind::RejectedRow,
                    location,
                    None,
                    None,
                    Reason::NoTimestamp,
                ));
            } else {
                if serial_bits != 0 {
                    serial_marks.push((self.table.records.len(), serial_bits));
                }
                self.table.records.push(record);
            }
        }
        // A spreadsheet date at midnight among dates with other times is a time of
        // midnight, not a date alone.
        let mut timed_columns = 0u8;
        for stamp in Stamp::ALL {
            if with_time[stamp.index()] > 0 {
                timed_columns |= 1 << stamp.index();
                serial_alone[stamp.index()] = DateAlone::default();
            }
        }
        for (index, bits) in serial_marks {
            self.table.records[index].date_only &= !(bits & timed_columns);
        }
        self.table.date_only = Stamp::ALL
            .into_iter()
            .filter(|s| dated[s.index()] > 0 && with_time[s.index()] == 0)
            .collect();
        // One issue per column, with the count of its cells that hold a date alone.
        for stamp in Stamp::ALL {
            let (written, serial) = (
                std::mem::take(&mut written_alone[stamp.index()]),
                std::mem::take(&mut serial_alone[stamp.index()]),
            );
            let cells = written.cells + serial.cells;
            let first = match (written.first, serial.first) {
                (Some(w), Some(s)) => Some(if s.0 < w.0 { s } else { w }),
                (w, s) => w.or(s),
            };
            let Some((first_row, value)) = first else {
                continue;
            };
            let column = self.table.columns.stamps[&stamp].position();
            let location = Location::column(
                self.file,
                self.sheet.as_deref(),
                column,
                self.table.columns.header(column),
            );
            self.table.issues.push(DataIssue::new(
                IssueKind::DateWithoutTime,
                location,
                Some(value),
                Some(stamp.field()),
                Reason::DateWithoutTime { cells, first_row },
            ));
        }
    }

    fn issue(
        &mut self,
        kind: IssueKind,
        location: Location,
        value: String,
        stamp: Stamp,
        reason: Reason,
    ) {
        self.table.issues.push(DataIssue::new(
            kind,
            location,
            Some(value),
            Some(stamp.field()),
            reason,
        ));
    }

    /// The date order of one timestamp field: configured, or decided from the values
    /// that can be read only one way.
    fn decide_order(&mut self, stamp: Stamp, rows: &[PendingRow]) -> DateOrder {
        match self.settings.date_order {
            DateOrderSetting::Dmy => return DateOrder::DayFirst,
            DateOrderSetting::Mdy => return DateOrder::MonthFirst,
            DateOrderSetting::Auto => {}
        }
        let (mut day_first, mut month_first) = (0u32, 0u32);
        for row in rows {
            if let Pending::Written { stamp: written, .. } = &row.stamps[stamp.index()] {
                match written.date.and_then(WrittenDate::order_evidence) {
                    Some(DateOrder::DayFirst) => day_first += 1,
                    Some(DateOrder::MonthFirst) => month_first += 1,
                    None => {}
                }
            }
        }
        let order = if month_first > day_first {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        };
        let numeric = rows.iter().any(|r| {
            matches!(&r.stamps[stamp.index()], Pending::Written { stamp: w, .. } if matches!(w.date, Some(WrittenDate::Numeric { .. })))
        });
        if numeric {
            self.table.orders.push(OrderDecision {
                field: stamp,
                order,
                day_first_values: day_first,
                month_first_values: month_first,
            });
        }
        order
    }
}

/// The cells of one timestamp column that hold a date alone: how many, and the first
/// (row, value).
#[derive(Debug, Clone, Default)]
struct DateAlone {
    cells: u32,
    first: Option<(u32, String)>,
}
