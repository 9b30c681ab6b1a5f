//! Why an export cannot be read: the error of one file, one variant per reason (each
//! reader's own error, the limits of one export, the disk), and of the run when any fails.
//! Each reason's text is the message shown for the file, with what to do about it, told in
//! either language ([`Describe`]); `Display` and the JSON report give the English text.

use std::fmt;

use crate::words::{io_reason, Describe, Lang, Message};

use serde::Serialize;

use crate::ingest::delimited::DelimitedError;
use crate::ingest::workbook::ReaderError;

/// An export that could not be read at all.
#[derive(Debug, Serialize, thiserror::Error)]
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

impl Describe for FileError {
    fn describe(&self, lang: Lang) -> String {
        crate::words::say(
            lang,
            "err_file",
            &[("file", &self.file), ("reason", &self.kind.describe(lang))],
        )
    }
}

impl fmt::Display for FileError {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
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
    Unreadable(std::io::Error),
    /// A text export (CSV, TSV) whose records cannot be read.
    Delimited(DelimitedError),
    /// A workbook the readers or their checks refuse.
    Workbook(ReaderError),
    /// A spreadsheet library panicked on the file.
    ReaderPanicked {
        /// The panic's message, when it has one.
        why: String,
    },
    /// The export went past a limit of one export while it was read.
    Limit(LimitReached),
}

/// A limit of one export (`[limits]` in patuh.toml), all its sheets together, that
/// stopped its reading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitReached {
    /// More cells than `[limits] max_cells_per_file`.
    Cells {
        /// `[limits] max_cells_per_file`.
        max: u64,
        /// Where the count went over.
        at: StoppedAt,
    },
    /// More memory than `[limits] max_memory_per_file`.
    Memory {
        /// `[limits] max_memory_per_file`.
        max: u64,
        /// Where the count went over.
        at: StoppedAt,
    },
}

impl Describe for FileErrorKind {
    fn describe(&self, lang: Lang) -> String {
        let say = crate::words::say;
        match self {
            FileErrorKind::Unreadable(e) => say(
                lang,
                "err_file_unreadable",
                &[("reason", &io_reason(e, lang))],
            ),
            FileErrorKind::Delimited(e) => e.describe(lang),
            FileErrorKind::Workbook(e) => {
                say(lang, "err_file_workbook", &[("reason", &e.describe(lang))])
            }
            FileErrorKind::ReaderPanicked { why } => {
                say(lang, "err_file_reader_panicked", &[("why", why)])
            }
            FileErrorKind::Limit(limit) => limit.describe(lang),
        }
    }
}

impl fmt::Display for FileErrorKind {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl Describe for LimitReached {
    fn describe(&self, lang: Lang) -> String {
        let (key, max, at) = match self {
            LimitReached::Cells { max, at } => ("err_limit_cells", max, at),
            LimitReached::Memory { max, at } => ("err_limit_memory", max, at),
        };
        crate::words::say(
            lang,
            key,
            &[("max", &max.to_string()), ("at", &at.describe(lang))],
        )
    }
}

impl fmt::Display for LimitReached {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
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

impl Describe for StoppedAt {
    fn describe(&self, lang: Lang) -> String {
        match self {
            StoppedAt::Grids => Message::new("err_at_grids"),
            StoppedAt::Row {
                sheet: Some(sheet),
                row,
            } => Message::new("err_at_sheet_row")
                .with("sheet", format!("{sheet:?}"))
                .with("row", row),
            StoppedAt::Row { sheet: None, row } => Message::new("err_at_row").with("row", row),
        }
        .describe(lang)
    }
}

impl fmt::Display for StoppedAt {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Reading failed: one or more exports could not be read.
#[derive(Debug, thiserror::Error)]
pub struct ReadError(pub Vec<FileError>);

impl Describe for ReadError {
    /// Each file's message, one a line.
    fn describe(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|e| e.describe(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for ReadError {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::delimited::FieldsError;

    /// Each reason reads as the message built as text before reasons were typed: the
    /// `format!` calls below are those of the reading, kept as they were.
    #[test]
    fn each_reason_reads_as_the_message_it_replaced() {
        // A reason the system gives keeps its text; a common one is said in words.
        let busy = || std::io::Error::other("Resource busy (os error 16)");
        let e = busy();
        assert_eq!(
            FileErrorKind::Unreadable(busy()).to_string(),
            format!(
                "{e}. Check that the file is still there and can be read (is it open in another \
                 program?), then run patuh again"
            )
        );
        let gone = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file (os error 2)");
        assert_eq!(
            FileErrorKind::Unreadable(gone).describe(Lang::Id),
            "berkas atau folder tidak ada. Periksa bahwa berkas itu masih ada dan dapat dibaca \
             (apakah sedang dibuka di program lain?), lalu jalankan patuh lagi"
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

    /// Each reason told in Indonesian, the words inside it too (the place, the kind of
    /// reference).
    #[test]
    fn reasons_are_told_in_indonesian() {
        let limit = FileErrorKind::Limit(LimitReached::Cells {
            max: 1000,
            at: StoppedAt::Row {
                sheet: Some("Data".into()),
                row: 7,
            },
        });
        assert_eq!(
            limit.describe(Lang::Id),
            "berkas ini memuat lebih dari 1000 sel untuk seluruh lembarnya (lembar \"Data\", \
             baris 7), batas untuk satu berkas ekspor; berkas mungkin rusak. Jika berkas itu \
             asli, pecah menjadi beberapa berkas, atau naikkan [limits] max_cells_per_file di \
             patuh.toml"
        );
        let error = FileError {
            file: "a.xlsx".into(),
            kind: FileErrorKind::Workbook(ReaderError::ReferenceOutsideSheet {
                part: "xl/worksheets/sheet1.xml".into(),
                what: "cell",
                shown: "A0".into(),
            }),
        };
        assert_eq!(
            error.describe(Lang::Id),
            "Tidak dapat membaca a.xlsx: buku kerja rusak (xl/worksheets/sheet1.xml memuat sel \
             pada \"A0\", yang bukan sel lembar kerja (A1 sampai XFD1048576)). Buka berkas itu \
             di program spreadsheet lalu simpan kembali, atau pindahkan berkas itu dari folder \
             data"
        );
        assert_eq!(
            error.to_string(),
            "cannot read a.xlsx: the workbook is damaged (xl/worksheets/sheet1.xml has a cell \
             at \"A0\", which is no cell of a sheet (A1 to XFD1048576)). Open it in a \
             spreadsheet program and save it again, or move it out of the data folder"
        );
        assert_eq!(
            ReadError(vec![
                FileError {
                    file: "a.csv".into(),
                    kind: FileErrorKind::ReaderPanicked { why: "x".into() },
                },
                error,
            ])
            .describe(Lang::Id)
            .lines()
            .map(|l| l.split(':').next().unwrap())
            .collect::<Vec<_>>(),
            ["Tidak dapat membaca a.csv", "Tidak dapat membaca a.xlsx"]
        );
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
