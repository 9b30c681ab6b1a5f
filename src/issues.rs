//! Shared vocabulary: data issues, the recoverable problems in the exports, kept with
//! their exact location (file, sheet, row, column); every stage may add some.
//!
//! Collected while reading, never printed from here: `patuh check` and the data-quality
//! page show them so that the admin can fix the export.

use serde::{Deserialize, Serialize};

use crate::model::Field;
use crate::words::{fill, shorten, words, Lang, Words};

/// The spreadsheet letter of a 0-based column index (`0` → `A`, `27` → `AB`).
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// What kind of problem a data issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// A header that names no field but closely resembles a known header (a likely typo):
    /// never mapped, so its column is left out until the header or `[columns]` is fixed.
    UnknownColumn,
    /// A table whose header maps no column for a field a configured step starts or ends
    /// at: said once per table, instead of once per row.
    MissingColumn,
    /// Dates written without a time of day in a timestamp column: read as midnight.
    DateWithoutTime,
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
    /// A commentary file (`catatan/<period>.md`) that cannot be shown.
    UnusableCommentary,
    /// A cell of a UTF-8 text export holding bytes that are not UTF-8.
    NotUtf8,
    /// A department name, not in `[departments]`, close to a configured or more frequent
    /// one: probably a typo, counted on its own until an alias joins it.
    SimilarDepartment,
    /// A department name that is not in `[departments]` while the list is closed: its
    /// items are counted in the "unlisted" group.
    UnlistedDepartment,
    /// Items measured on the office clock touch a year the built-in holiday list does not
    /// cover: no national holidays or cuti bersama are counted in that year.
    NoHolidayList,
}

impl IssueKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [IssueKind; 21] = [
        IssueKind::UnknownColumn,
        IssueKind::MissingColumn,
        IssueKind::RejectedRow,
        IssueKind::UnreadableTimestamp,
        IssueKind::DateOrderContradiction,
        IssueKind::TimeWithoutDate,
        IssueKind::FutureTimestamp,
        IssueKind::AmbiguousLocalTime,
        IssueKind::SkippedLocalTime,
        IssueKind::DateWithoutTime,
        IssueKind::UnrecognisedDisposition,
        IssueKind::UnreadableValue,
        IssueKind::NotUtf8,
        IssueKind::Conflict,
        IssueKind::SimilarDepartment,
        IssueKind::UnlistedDepartment,
        IssueKind::IgnoredColumn,
        IssueKind::InvalidStep,
        IssueKind::UnmeasurableStep,
        IssueKind::UnusableCommentary,
        IssueKind::NoHolidayList,
    ];
}

/// Where something is in the exports.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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

    /// A column of a table, not one of its rows: a header cell or a whole column.
    pub fn column(file: &str, sheet: Option<&str>, index: usize, header: &str) -> Location {
        Location {
            row: None,
            ..Location::row(file, sheet, 0)
        }
        .at_column(index, header)
    }

    /// A whole file (a commentary file, say).
    pub fn file(file: &str) -> Location {
        Location {
            file: file.to_string(),
            sheet: None,
            row: None,
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

impl Location {
    /// The location in the language of `w`: `a.xlsx, lembar "Rekap", baris 5, kolom C (Waktu Posting)`.
    pub fn describe(&self, w: &Words) -> String {
        let mut text = self.file.clone();
        if let Some(sheet) = &self.sheet {
            text.push_str(&format!(", {} {sheet:?}", w["loc_sheet"]));
        }
        if let Some(row) = self.row {
            text.push_str(&format!(", {} {row}", w["loc_row"]));
        }
        if let Some(column) = &self.column {
            text.push_str(&format!(", {} {column}", w["loc_column"]));
            if let Some(header) = &self.header {
                text.push_str(&format!(" ({header})"));
            }
        }
        text
    }
}

impl std::fmt::Display for Location {
    /// The location in English, as [`Location::describe`] gives it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(words(Lang::En)))
    }
}

/// What exactly is wrong, with the values a sentence about it needs. Sentences are in the
/// word lists (`reason_*`), so the site speaks its language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// Text that is no date or time.
    NotADate,
    /// A date or time that does not exist (`31/11/2026`, `25:00`).
    NoSuchDate,
    /// A number outside the range of date serials.
    SerialOutOfRange,
    /// A date impossible in the order in force but possible in the other.
    ContradictsOrder {
        /// The order in force: `day_first` or `month_first`.
        expected_order: String,
        /// The order that would fit.
        other_order: String,
    },
    /// A duration or time-of-day cell where a date belongs.
    DurationNotDate,
    /// A time of day without a date.
    TimeWithoutDate,
    /// A date and time pair whose date is empty.
    DateColumnEmpty,
    /// A date and time pair whose time cannot be read.
    TimeUnreadable,
    /// Later than the moment patuh ran.
    Future,
    /// A repeated local time: the earlier instant was taken.
    AmbiguousEarlier,
    /// A local time in a daylight-saving gap, moved forward.
    SkippedGap {
        /// The gap in seconds.
        gap_s: i64,
    },
    /// A spreadsheet error value.
    SpreadsheetError,
    /// A value far longer than any the field holds (a pasted text in the wrong column, or
    /// an attempt to bloat the pages).
    TooLong {
        /// Its length in characters.
        length: usize,
        /// The most the field holds.
        max: usize,
    },
    /// A disposition that says neither forward nor answer.
    UnknownDisposition,
    /// A row with no usable timestamp.
    NoTimestamp,
    /// A column naming a field already read further left.
    AlreadyMapped,
    /// Two rows of one item disagree (see [`DataIssue::other`]).
    Conflict,
    /// A step that ends before it starts.
    EndBeforeStart {
        /// The step's id.
        step: String,
        /// Its start field.
        start: Field,
        /// Its end field.
        end: Field,
        /// How many seconds the end is before the start.
        seconds: i64,
    },
    /// A step not reached yet: its start is missing because an earlier step is still open.
    NotReachedYet {
        /// The step's id.
        step: String,
        /// Its start field.
        start: Field,
    },
    /// A step whose start is missing.
    StartMissing {
        /// The step's id.
        step: String,
        /// Its start field.
        start: Field,
    },
    /// A step whose end is missing while a later step has ended.
    EndMissingLaterEnded {
        /// The step's id.
        step: String,
        /// Its end field.
        end: Field,
    },
    /// Bytes that are not UTF-8 in a cell of a UTF-8 file.
    NotUtf8 {
        /// The bytes, in hex (`E9`).
        bytes: String,
    },
    /// A department name close to another (the issue's value is the name).
    SimilarDepartment {
        /// The items counted for the name.
        items: u64,
        /// The configured or more frequent name it resembles.
        similar: String,
        /// The items counted for that name.
        similar_items: u64,
        /// With `[departments] closed = true`: the group its items are counted in.
        #[serde(skip_serializing_if = "Option::is_none")]
        group: Option<String>,
    },
    /// A department name not in a closed `[departments]` (the issue's value is the name).
    UnlistedDepartment {
        /// The items counted for the name.
        items: u64,
        /// The group its items are counted in.
        group: String,
    },
    /// A year the built-in holiday list does not cover, touched by office-clock steps.
    NoHolidayList {
        /// The year.
        year: i32,
        /// Items with a step on the office clock that touches it.
        items: u64,
    },
    /// A header that names no field and closely resembles a known one.
    LooksLike {
        /// The header as written.
        header: String,
        /// The known header it resembles.
        alias: String,
    },
    /// A header that names no field and closely resembles the time half of a date and
    /// time pair (`Jam Posting`).
    LooksLikeTimeHalf {
        /// The header as written.
        header: String,
        /// The known header it resembles.
        alias: String,
    },
    /// A field a configured step needs has no column in the table's header.
    NoColumn {
        /// The field's usual header (`Waktu Disposisi`).
        header: String,
        /// The ids of the steps that start or end at the field.
        steps: Vec<String>,
        /// Items read from the table that miss the field and to which one of those steps
        /// applies.
        items: usize,
    },
    /// A timestamp column with dates written without a time of day.
    DateWithoutTime {
        /// How many cells of the column hold a date alone.
        cells: u32,
        /// The first row with one.
        first_row: u32,
    },
    /// A commentary file that is a link to somewhere outside the data folder.
    CommentaryOutside,
    /// A commentary file named for no period of the report.
    CommentaryNoPeriod,
    /// A commentary "file" that is a pipe, a device or a socket.
    CommentaryNotAFile,
    /// A commentary file that cannot be opened or read.
    CommentaryUnreadable,
    /// A commentary file larger than patuh reads.
    CommentaryTooLarge {
        /// Its size in bytes.
        bytes: u64,
        /// The most read.
        max: u64,
    },
}

impl Reason {
    /// The word-list key of the reason (`reason_not_a_date`).
    fn key(&self) -> String {
        let tag = serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("reason").and_then(|r| r.as_str().map(str::to_string)))
            .unwrap_or_default();
        format!("reason_{tag}")
    }

    /// Whether the sentence ends with "the field counts as missing".
    fn field_counts_as_missing(&self) -> bool {
        matches!(
            self,
            Reason::NotADate
                | Reason::NoSuchDate
                | Reason::SerialOutOfRange
                | Reason::ContradictsOrder { .. }
                | Reason::DurationNotDate
                | Reason::TimeWithoutDate
                | Reason::DateColumnEmpty
                | Reason::TimeUnreadable
                | Reason::Future
        )
    }
}

/// One data issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataIssue {
    /// What kind of problem.
    pub kind: IssueKind,
    /// Where.
    pub location: Location,
    /// The offending value as written, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The field concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    /// What exactly is wrong.
    #[serde(flatten)]
    pub reason: Reason,
    /// For conflicts: the other occurrence and its value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<OtherOccurrence>,
}

/// The other side of a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherOccurrence {
    /// Where the earlier value was.
    pub location: Location,
    /// The earlier value.
    pub value: String,
}

/// The longest offending value shown with an issue, in characters: a 5 MB cell must not
/// bloat reports.
pub const VALUE_KEPT: usize = 300;

/// Characters kept past [`VALUE_KEPT`], so that a phone number or an address that the cut
/// splits is still recognised and masked as a whole where the value is shown.
const VALUE_MARGIN: usize = 256;

impl DataIssue {
    /// An issue: data only; its sentence is made where it is shown ([`DataIssue::describe`]).
    /// The value is kept up to [`VALUE_KEPT`] characters and a margin (pages show
    /// [`VALUE_KEPT`]).
    pub fn new(
        kind: IssueKind,
        location: Location,
        value: Option<String>,
        field: Option<Field>,
        reason: Reason,
    ) -> DataIssue {
        DataIssue {
            kind,
            location,
            value: value.map(|v| shorten(&v, VALUE_KEPT + VALUE_MARGIN)),
            field,
            reason,
            other: None,
        }
    }

    /// What patuh made of it, in an English sentence (for programs: `check --format json`).
    pub fn detail(&self) -> String {
        self.describe(words(Lang::En), &self.other_location_text())
    }

    /// The same issue with the other side of a conflict.
    pub fn with_other(mut self, other: OtherOccurrence) -> DataIssue {
        self.other = Some(other);
        self
    }

    fn other_location_text(&self) -> String {
        self.other
            .as_ref()
            .map(|o| o.location.to_string())
            .unwrap_or_default()
    }

    /// What patuh made of it, in the language of `w`; `other_location` is the conflict's
    /// earlier location as the caller shows locations.
    pub fn describe(&self, w: &Words, other_location: &str) -> String {
        let code = |f: Field| format!("`{}`", f.name());
        let field = self.field.map(code).unwrap_or_default();
        let word = |key: &str| w.get(key).cloned().unwrap_or_else(|| key.to_string());
        let mut values: Vec<(&str, String)> = vec![
            ("field", field.clone()),
            (
                "field_name",
                self.field.map(|f| f.name().to_string()).unwrap_or_default(),
            ),
        ];
        match &self.reason {
            Reason::ContradictsOrder {
                expected_order,
                other_order,
            } => {
                values.push(("expected", word(&format!("order_{expected_order}"))));
                values.push(("other", word(&format!("order_{other_order}"))));
            }
            Reason::SkippedGap { gap_s } => values.push(("gap", gap_s.to_string())),
            Reason::TooLong { length, max } => {
                values.push(("length", length.to_string()));
                values.push(("max", max.to_string()));
            }
            Reason::Conflict => {
                let earlier = self
                    .other
                    .as_ref()
                    .map(|o| o.value.clone())
                    .unwrap_or_default();
                values.push(("earlier", earlier));
                values.push(("location", other_location.to_string()));
            }
            Reason::EndBeforeStart {
                step,
                start,
                end,
                seconds,
            } => {
                values.push(("step", format!("`{step}`")));
                values.push(("start", code(*start)));
                values.push(("end", code(*end)));
                values.push(("n", seconds.to_string()));
            }
            Reason::StartMissing { step, start } | Reason::NotReachedYet { step, start } => {
                values.push(("step", format!("`{step}`")));
                values.push(("start", code(*start)));
            }
            Reason::EndMissingLaterEnded { step, end } => {
                values.push(("step", format!("`{step}`")));
                values.push(("end", code(*end)));
            }
            Reason::NotUtf8 { bytes } => values.push(("bytes", bytes.clone())),
            Reason::LooksLike { header, alias } | Reason::LooksLikeTimeHalf { header, alias } => {
                values.push(("header", header.clone()));
                values.push(("alias", alias.clone()));
            }
            Reason::NoColumn {
                header,
                steps,
                items,
            } => {
                values.push(("header", header.clone()));
                values.push(("steps", steps.join(", ")));
                values.push(("n", items.to_string()));
            }
            Reason::DateWithoutTime { cells, first_row } => {
                values.push(("n", cells.to_string()));
                values.push(("row", first_row.to_string()));
            }
            Reason::CommentaryTooLarge { bytes, max } => {
                values.push(("n", bytes.to_string()));
                values.push(("max", max.to_string()));
            }
            Reason::SimilarDepartment {
                items,
                similar,
                similar_items,
                ..
            } => {
                // A name's own braces are not filled: `fill` works in one pass.
                values.push(("items", count_items(w, *items)));
                values.push(("similar_items", count_items(w, *similar_items)));
                values.push(("similar", similar.clone()));
                values.push(("name", self.value.clone().unwrap_or_default()));
            }
            Reason::NoHolidayList { year, items } => {
                values.push(("year", year.to_string()));
                values.push(("items", count_items(w, *items)));
            }
            Reason::UnlistedDepartment { items, group } => {
                values.push(("items", count_items(w, *items)));
                values.push(("group", group.clone()));
                values.push(("name", self.value.clone().unwrap_or_default()));
            }
            _ => {}
        }
        let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut text = fill(&word(&self.reason.key()), &values);
        if self.reason.field_counts_as_missing() && self.field.is_some() {
            text.push_str(&fill(&word("missing_suffix"), &values));
        }
        if let Reason::SimilarDepartment {
            group: Some(group), ..
        } = &self.reason
        {
            text.push_str(&fill(
                &word("similar_department_group"),
                &[("group", group)],
            ));
        }
        text
    }
}

/// `1 item`, `812 items` in the language of `w`.
fn count_items(w: &Words, n: u64) -> String {
    let key = if n == 1 { "count_item" } else { "count_items" };
    let template = w.get(key).map_or("{n}", String::as_str);
    fill(template, &[("n", &n.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_are_sentences_in_either_language() {
        let loc = Location::row("a.csv", None, 5).at_column(2, "Waktu Posting");
        let issue = DataIssue::new(
            IssueKind::FutureTimestamp,
            loc.clone(),
            Some("12/10/2062 13.35".into()),
            Some(Field::PostedAt),
            Reason::Future,
        );
        assert_eq!(
            issue.detail(),
            "later than the moment patuh ran; `posted_at` counts as missing"
        );
        assert_eq!(
            issue.describe(words(Lang::Id), ""),
            "lebih lambat dari saat patuh dijalankan; `posted_at` dianggap kosong"
        );
        let conflict = DataIssue::new(
            IssueKind::Conflict,
            loc.clone(),
            Some("Dinas Sosial".into()),
            Some(Field::Department),
            Reason::Conflict,
        )
        .with_other(OtherOccurrence {
            location: Location::row("b.csv", None, 9),
            value: "Dinas Kesehatan".into(),
        });
        assert_eq!(
            conflict.detail(),
            "`department` was \u{201c}Dinas Kesehatan\u{201d} in an earlier row (b.csv, row 9); the later value is kept"
        );
        let order = DataIssue::new(
            IssueKind::DateOrderContradiction,
            loc,
            Some("12/25/2026".into()),
            Some(Field::PostedAt),
            Reason::ContradictsOrder {
                expected_order: "day_first".into(),
                other_order: "month_first".into(),
            },
        );
        assert_eq!(
            order.describe(words(Lang::Id), ""),
            "tidak mungkin tanggal dengan urutan hari-bulan (terbaca dengan urutan bulan-hari); `posted_at` dianggap kosong"
        );
    }
}
