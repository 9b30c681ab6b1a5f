//! Data issues: recoverable problems in the exports, kept with their exact location.
//!
//! Collected while reading, never printed from here: `patuh check` and the data-quality
//! page show them so that the admin can fix the export.

use serde::Serialize;

use crate::ingest::columns::column_letter;

/// What kind of problem a data issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// A timestamp cell whose value is not a date patuh can read.
    UnreadableTimestamp,
    /// A date that contradicts the configured (or detected) day/month order.
    DateOrderContradiction,
    /// A time of day where a full timestamp belongs (or a time half without its date).
    TimeWithoutDate,
    /// A timestamp later than the moment patuh ran: a typo such as 2062.
    FutureTimestamp,
    /// A local time that happened twice (daylight saving ended): the earlier was taken.
    AmbiguousLocalTime,
    /// A local time that never happened (daylight saving began): moved forward by the gap.
    SkippedLocalTime,
    /// A disposition that says neither forward nor answer.
    UnrecognisedDisposition,
    /// A spreadsheet error (`#N/A`) or other value that cannot be used.
    UnreadableValue,
    /// Two exports give one item different values; the later one was kept.
    Conflict,
    /// A row with no usable timestamp: it cannot be placed in a period.
    RejectedRow,
    /// A column that names a field already read from a column further left.
    IgnoredColumn,
    /// A step whose end is before its start.
    InvalidStep,
    /// A step that cannot be measured: its start is missing, or its end while a later
    /// step has ended.
    UnmeasurableStep,
}

impl IssueKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [IssueKind; 13] = [
        IssueKind::RejectedRow,
        IssueKind::UnreadableTimestamp,
        IssueKind::DateOrderContradiction,
        IssueKind::TimeWithoutDate,
        IssueKind::FutureTimestamp,
        IssueKind::AmbiguousLocalTime,
        IssueKind::SkippedLocalTime,
        IssueKind::UnrecognisedDisposition,
        IssueKind::UnreadableValue,
        IssueKind::Conflict,
        IssueKind::IgnoredColumn,
        IssueKind::InvalidStep,
        IssueKind::UnmeasurableStep,
    ];

    /// A short description of the kind, for headings.
    pub fn title(self) -> &'static str {
        match self {
            IssueKind::UnreadableTimestamp => "timestamps that cannot be read",
            IssueKind::DateOrderContradiction => "dates that contradict the day/month order",
            IssueKind::TimeWithoutDate => "times without a date",
            IssueKind::FutureTimestamp => "timestamps in the future",
            IssueKind::AmbiguousLocalTime => "local times that happened twice (daylight saving)",
            IssueKind::SkippedLocalTime => "local times that never happened (daylight saving)",
            IssueKind::UnrecognisedDisposition => {
                "dispositions that are neither forward nor answer"
            }
            IssueKind::UnreadableValue => "values that cannot be used",
            IssueKind::Conflict => "items whose exports disagree",
            IssueKind::RejectedRow => "rows rejected: no usable timestamp",
            IssueKind::IgnoredColumn => "columns ignored: the field is already read further left",
            IssueKind::InvalidStep => "steps that end before they start",
            IssueKind::UnmeasurableStep => "steps that cannot be measured",
        }
    }

    /// What the admin should do about it.
    pub fn advice(self) -> &'static str {
        match self {
            IssueKind::UnreadableTimestamp => {
                "write the time as e.g. 27/11/2026 14.05 or use a date cell; the field counts as missing until then"
            }
            IssueKind::DateOrderContradiction => {
                "check the day/month order of the column, or set date_order in patuh.toml"
            }
            IssueKind::TimeWithoutDate => "add the date to the cell, or a date column beside the time column",
            IssueKind::FutureTimestamp => "correct the year or date typo; the field counts as missing until then",
            IssueKind::AmbiguousLocalTime | IssueKind::SkippedLocalTime => {
                "write the time with its offset (e.g. -05:00) to say which instant is meant"
            }
            IssueKind::UnrecognisedDisposition => "write Teruskan or Jawab Langsung",
            IssueKind::UnreadableValue => "replace the error value with the real value",
            IssueKind::Conflict => "correct the earlier or the later export so that they agree",
            IssueKind::RejectedRow => "fill in at least the posting time so the row can be counted",
            IssueKind::IgnoredColumn => "remove or rename the duplicate column, or map it in [columns]",
            IssueKind::InvalidStep => "correct the two times of the step; the step is excluded from compliance",
            IssueKind::UnmeasurableStep => "fill in the missing time so the step can be measured",
        }
    }
}

/// Where something is in the exports.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// The export's path relative to the data folder.
    pub file: String,
    /// The sheet, for workbooks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The row as the spreadsheet numbers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The column letter (`C`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The column's header (`Waktu Posting`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
}

impl Location {
    /// A location in a table: file, sheet and row; add the column with [`Location::at_column`].
    pub fn row(file: &str, sheet: Option<&str>, row: u32) -> Location {
        Location {
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            row: Some(row),
            column: None,
            header: None,
        }
    }

    /// The same location narrowed to a column (0-based index) with its header.
    pub fn at_column(mut self, index: usize, header: &str) -> Location {
        self.column = Some(column_letter(index));
        self.header = (!header.is_empty()).then(|| header.to_string());
        self
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet {sheet:?}")?;
        }
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
            if let Some(header) = &self.header {
                write!(f, " ({header})")?;
            }
        }
        Ok(())
    }
}

/// One data issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataIssue {
    /// What kind of problem.
    pub kind: IssueKind,
    /// Where.
    pub location: Location,
    /// The offending value as written, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What patuh made of it, in a sentence.
    pub detail: String,
    /// For conflicts: the other occurrence and its value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<OtherOccurrence>,
}

/// The other side of a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherOccurrence {
    /// Where the earlier value was.
    pub location: Location,
    /// The earlier value.
    pub value: String,
}
