//! The plain values of a data row (ticket number, channel, text, department …), read,
//! checked against their limits and normalised; and whether a row is a totals row.
//! Takes a row's cells; gives a [`RowRecord`] without timestamps, and data issues.

use crate::ingest::cells::Cell;
use crate::ingest::columns::header_key;
use crate::ingest::normalize;
use crate::issues::{IssueKind, Reason};
use crate::model::{DispositionValue, Field, Stamps};

use super::{RowRecord, TableBuilder};

impl TableBuilder<'_> {
    /// The values of the mapped plain columns of `row`, with an issue for each unreadable one.
    pub(super) fn read_values(&mut self, row: u32, cells: &[Cell<'_>]) -> RowRecord {
        let mut record = RowRecord {
            row,
            id: None,
            channel: None,
            kind: None,
            account: None,
            text: None,
            url: None,
            disposition: None,
            department: None,
            admin: None,
            disposed_by: None,
            stamps: Stamps::default(),
            date_only: 0,
        };
        let plain: Vec<(Field, usize)> = self
            .table
            .columns
            .plain
            .iter()
            .map(|(f, c)| (*f, *c))
            .collect();
        for (field, column) in plain {
            let Some(cell) = cells.get(column) else {
                continue;
            };
            if let Cell::Error(e) = cell {
                let value = e.clone();
                self.cell_issue(
                    row,
                    column,
                    IssueKind::UnreadableValue,
                    value,
                    field,
                    Reason::SpreadsheetError,
                );
                continue;
            }
            let Some(text) = cell.to_text() else { continue };
            if let Some(max) = normalize::max_chars(field) {
                let length = text.chars().count();
                if length > max {
                    let reason = Reason::TooLong { length, max };
                    self.cell_issue(row, column, IssueKind::UnreadableValue, text, field, reason);
                    continue;
                }
            }
            match field {
                Field::Id => record.id = Some(text),
                Field::Channel => record.channel = Some((normalize::channel(&text), text)),
                Field::Kind => record.kind = Some(normalize::kind(&text)),
                Field::Account => record.account = Some(text),
                Field::Text => record.text = Some(text),
                Field::Url => record.url = Some(text),
                Field::Disposition => {
                    let value = normalize::disposition(&text);
                    if value == DispositionValue::Unrecognised {
                        self.cell_issue(
                            row,
                            column,
                            IssueKind::UnrecognisedDisposition,
                            text,
                            Field::Disposition,
                            Reason::UnknownDisposition,
                        );
                    }
                    record.disposition = Some(value);
                }
                Field::Department => record.department = Some(normalize::tidy(&text)),
                Field::Admin => record.admin = Some(normalize::tidy(&text)),
                Field::DisposedBy => record.disposed_by = Some(normalize::tidy(&text)),
                _ => {}
            }
        }
        record
    }
}

/// Whether a cell holds a plain number (a count in a totals row, not a date).
pub(super) fn is_a_count(cell: &Cell<'_>) -> bool {
    match cell {
        Cell::Number(_) => true,
        Cell::Text(t) => t.trim().parse::<f64>().is_ok(),
        _ => false,
    }
}

/// Whether a row is a totals row: its first non-empty cell says `Jumlah`, `Total` or
/// `Grand Total` (a running number before it, in the `No` column, is passed over).
pub(super) fn is_totals_row(cells: &[Cell<'_>], row_number: Option<usize>) -> bool {
    let first = cells
        .iter()
        .enumerate()
        .find(|(i, c)| !(c.is_empty() || (Some(*i) == row_number && is_a_count(c))))
        .and_then(|(_, c)| c.to_text());
    first.is_some_and(|t| {
        matches!(
            header_key(&t).as_str(),
            "jumlah"
                | "total"
                | "grand total"
                | "jumlah total"
                | "total keseluruhan"
                | "jumlah keseluruhan"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_rows() {
        let row = [
            Cell::Text("3".into()),
            Cell::Text("Jumlah".into()),
            Cell::Number(42.0),
        ];
        assert!(is_totals_row(&row, Some(0)));
        let row = [Cell::Text("Jumlah".into()), Cell::Number(154.0)];
        assert!(is_totals_row(&row, Some(0)));
        let row = [Cell::Text("GRAND TOTAL".into())];
        assert!(is_totals_row(&row, None));
        let row = [Cell::Text("Jumlah pengaduan naik".into())];
        assert!(!is_totals_row(&row, None));
    }
}
