//! A cell as the readers give it, whatever the file format.
//!
//! The CSV reader borrows text from its record; workbook readers borrow shared strings.
//! Nothing here reads files.

use std::borrow::Cow;

use crate::timestamp::DateSystem;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Nothing in the cell.
    Empty,
    /// Text (all CSV cells are text).
    Text(Cow<'a, str>),
    /// A plain number.
    Number(f64),
    /// A number formatted as a date or time: a serial in the workbook's date system.
    DateTime {
        /// Days since the epoch of `system`, with the time as the fraction.
        serial: f64,
        /// The workbook's date system.
        system: DateSystem,
    },
    /// An ISO 8601 date or date-time stored as such (ODS `date-value`, XLSX `t="d"`).
    Iso(Cow<'a, str>),
    /// A duration (`[h]:mm:ss`, ODS `time-value`), in days.
    Duration(f64),
    /// An ISO 8601 duration that could not be read as days.
    DurationText(Cow<'a, str>),
    /// TRUE or FALSE.
    Bool(bool),
    /// A spreadsheet error such as `#N/A`.
    Error(String),
}

impl Cell<'_> {
    /// Whether the cell holds nothing (text of spaces only counts as nothing).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// A copy that owns its text (for the few rows kept while the header is searched).
    pub fn into_owned(self) -> Cell<'static> {
        match self {
            Cell::Empty => Cell::Empty,
            Cell::Text(t) => Cell::Text(Cow::Owned(t.into_owned())),
            Cell::Number(n) => Cell::Number(n),
            Cell::DateTime { serial, system } => Cell::DateTime { serial, system },
            Cell::Iso(t) => Cell::Iso(Cow::Owned(t.into_owned())),
            Cell::Duration(d) => Cell::Duration(d),
            Cell::DurationText(t) => Cell::DurationText(Cow::Owned(t.into_owned())),
            Cell::Bool(b) => Cell::Bool(b),
            Cell::Error(e) => Cell::Error(e),
        }
    }

    /// The cell as text, for names and free-text fields: numbers without needless
    /// decimals (`123.0` → `123`), `None` when empty.
    pub fn to_text(&self) -> Option<String> {
        let text = match self {
            Cell::Empty => return None,
            Cell::Text(t) | Cell::Iso(t) | Cell::DurationText(t) => t.trim().to_string(),
            Cell::Number(n) | Cell::DateTime { serial: n, .. } | Cell::Duration(n) => {
                number_text(*n)
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        };
        (!text.is_empty()).then_some(text)
    }
}

/// A number as a person writes it: whole numbers without decimals.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_lose_their_decimals() {
        assert_eq!(Cell::Number(123.0).to_text().as_deref(), Some("123"));
        assert_eq!(Cell::Number(12.5).to_text().as_deref(), Some("12.5"));
        assert_eq!(
            Cell::Text("  007 ".into()).to_text().as_deref(),
            Some("007")
        );
        assert_eq!(Cell::Text("   ".into()).to_text(), None);
        assert!(Cell::Text(" ".into()).is_empty());
    }
}
