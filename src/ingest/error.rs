//! Why an export cannot be read: the error of one file, one variant per reason (each
//! reader's own error, the limits of one export, the disk), and of the run when any fails.
//! Each reason's text is the message shown for the file, with what to do about it.

use std::fmt;

use serde::Serialize;

use crate::ingest::delimited::DelimitedError;
use crate::ingest::workbook::ReaderError;

/// An export that could not be read at all.
#[derive(Debug, Serialize, thiserror::Error)]
#[error("cannot read {file}: {kind}")]
pub struct FileError {
    /// Path relative to the data folder.
    pub file: String,
    /// What went wrong, and what to do (serialized as that text, `message`).
    #[serde(rename = "message", serialize_with = "as_text")]
    pub kind: FileErrorKind,
}

impl FileError {
    /// What went wrong, and what to do, in words: the text after `cannot read <file>: `.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

/// Writes a value as the text it displays.
fn as_text<S: serde::Serializer>(value: &impl fmt::Display, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// Why an export could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FileErrorKind {
    /// The file cannot be read from the disk (gone, or not readable).
    #[error(
        "{0}. Check that the file is still there and can be read (is it open in another \
         program?), then run patuh again"
    )]
    Unreadable(std::io::Error),
    /// A text export (CSV, TSV) whose records cannot be read.
    #[error(transparent)]
    Delimited(DelimitedError),
    /// A workbook the readers or their checks refuse.
    #[error(
        "{0}. Open it in a spreadsheet program and save it again, or move it out of the data \
         folder"
    )]
    Workbook(ReaderError),
    /// A spreadsheet library panicked on the file.
    #[error(
        "the spreadsheet reader failed on this file ({why}); it is damaged or in a form \
         patuh cannot read: open it in a spreadsheet program and save it again, or move \
         it out of the data folder"
    )]
    ReaderPanicked {
        /// The panic's message, when it has one.
        why: String,
    },
    /// The export went past a limit of one export while it was read.
    #[error(transparent)]
    Limit(LimitReached),
}

/// A limit of one export (`[limits]` in patuh.toml), all its sheets together, that
/// stopped its reading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitReached {
    /// More cells than `[limits] max_cells_per_file`.
    #[error(
        "it holds more than {max} cells, all its sheets together ({at}), the limit for one \
         export; the file may be damaged. If it is genuine, split it, or raise [limits] \
         max_cells_per_file in patuh.toml"
    )]
    Cells {
        /// `[limits] max_cells_per_file`.
        max: u64,
        /// Where the count went over.
        at: StoppedAt,
    },
    /// More memory than `[limits] max_memory_per_file`.
    #[error(
        "it takes more than {max} bytes of memory once read ({at}), the limit for one \
         export; the file may be damaged (rows repeated many times?). If it is genuine, \
         split it, or raise [limits] max_memory_per_file in patuh.toml"
    )]
    Memory {
        /// `[limits] max_memory_per_file`.
        max: u64,
        /// Where the count went over.
        at: StoppedAt,
    },
}

/// Where the reading of an export stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoppedAt {
    /// Before any row: in the grids the reader builds of the sheets (XLS, ODS).
    Grids,
    /// After a row: of a sheet, or of a text export's one table (`sheet` is `None`).
    Row {
        /// The sheet's name.
        sheet: Option<String>,
        /// The row, as the spreadsheet numbers it.
        row: u32,
    },
}

impl fmt::Display for StoppedAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoppedAt::Grids => f.write_str("in the grids the reader builds of its sheets"),
            StoppedAt::Row {
                sheet: Some(sheet),
                row,
            } => write!(f, "sheet {sheet:?}, row {row}"),
            StoppedAt::Row { sheet: None, row } => write!(f, "row {row}"),
        }
    }
}

/// Reading failed: one or more exports could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct ReadError(pub Vec<FileError>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::delimited::FieldsError;

    /// Each reason reads as the message built as text before reasons were typed: the
    /// `format!` calls below are those of the reading, kept as they were.
    #[test]
    fn each_reason_reads_as_the_message_it_replaced() {
        let gone =
            || std::io::Error::new(std::io::ErrorKind::NotFound, "No such file (os error 2)");
        let e = gone();
        assert_eq!(
            FileErrorKind::Unreadable(gone()).to_string(),
            format!(
                "{e}. Check that the file is still there and can be read (is it open in another \
                 program?), then run patuh again"
            )
        );
        let csv = || csv::Error::from(std::io::Error::other("record 3: bad quote"));
        let e = std::io::Error::new(std::io::ErrorKind::InvalidData, csv().to_string());
        assert_eq!(
            FileErrorKind::Delimited(DelimitedError::Records(csv())).to_string(),
            format!("{e}; check that it is a text export")
        );
        for fields in [
            FieldsError::TooManyFields { record: 2 },
            FieldsError::TooManyCells { max: 9, record: 4 },
        ] {
            let e = std::io::Error::other(fields.clone());
            assert_eq!(
                FileErrorKind::Delimited(DelimitedError::Fields(fields)).to_string(),
                e.to_string()
            );
        }
        let m = ReaderError::TooManySheets { sheets: 9, max: 2 };
        assert_eq!(
            FileErrorKind::Workbook(m.clone()).to_string(),
            format!(
                "{m}. Open it in a spreadsheet program and save it again, or move it out of the data folder"
            )
        );
        let why = "index out of bounds".to_string();
        assert_eq!(
            FileErrorKind::ReaderPanicked { why: why.clone() }.to_string(),
            format!(
                "the spreadsheet reader failed on this file ({why}); it is damaged or in a form \
                 patuh cannot read: open it in a spreadsheet program and save it again, or move \
                 it out of the data folder"
            )
        );
        let sheet = |name: &str| Some(name.to_string());
        for (at, place) in [
            (
                StoppedAt::Grids,
                " (in the grids the reader builds of its sheets)",
            ),
            (
                StoppedAt::Row {
                    sheet: sheet("Data \"1\""),
                    row: 7,
                },
                " (sheet \"Data \\\"1\\\"\", row 7)",
            ),
            (
                StoppedAt::Row {
                    sheet: None,
                    row: 7,
                },
                " (row 7)",
            ),
        ] {
            let max = 1000;
            assert_eq!(
                FileErrorKind::Limit(LimitReached::Cells { max, at: at.clone() }).to_string(),
                format!(
                    "it holds more than {} cells, all its sheets together{}, the limit for one \
                     export; the file may be damaged. If it is genuine, split it, or raise [limits] \
                     max_cells_per_file in patuh.toml",
                    max, place
                )
            );
            assert_eq!(
                FileErrorKind::Limit(LimitReached::Memory { max, at }).to_string(),
                format!(
                    "it takes more than {} bytes of memory once read{}, the limit for one \
                     export; the file may be damaged (rows repeated many times?). If it is genuine, \
                     split it, or raise [limits] max_memory_per_file in patuh.toml",
                    max, place
                )
            );
        }
    }

    /// The error of a file displays and serializes as when its reason was text.
    #[test]
    fn a_file_error_reads_and_serializes_as_file_and_message() {
        #[derive(Serialize)]
        struct Before {
            file: String,
            message: String,
        }
        let error = FileError {
            file: "a.xlsx".into(),
            kind: FileErrorKind::ReaderPanicked { why: "x".into() },
        };
        let before = Before {
            file: "a.xlsx".into(),
            message: error.kind.to_string(),
        };
        assert_eq!(
            error.to_string(),
            format!("cannot read {}: {}", before.file, before.message)
        );
        assert_eq!(
            serde_json::to_string(&error).unwrap(),
            serde_json::to_string(&before).unwrap()
        );
        assert_eq!(error.message(), before.message);
    }
}
