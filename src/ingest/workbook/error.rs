//! Why a workbook (XLSX, XLSB, XLS, ODS) cannot be read: one variant per reason the
//! readers and their pre-scans give. Its text is the message shown for the file (the
//! caller adds what to do about it); the errors of other crates are kept as their text.
//! It is told in either language ([`Describe`]); its `Display` is the English text.

use crate::words::{Describe, Lang, Message};

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReaderError {
    /// calamine could not open or read the workbook (its own message).
    Calamine(String),
    /// An XLSB sheet part holds short cell records, which calamine skips.
    ShortCellRecords {
        /// The sheet part.
        part: String,
    },
    /// The sheets of an XLS or ODS workbook, read whole, would take too much memory.
    SheetsTooLarge {
        /// Bytes the sheets would take.
        bytes: u64,
        /// `[limits] max_workbook_bytes`.
        max: u64,
    },
    /// More sheets than `[limits] max_sheets_per_workbook`.
    TooManySheets {
        /// Sheets in the workbook.
        sheets: usize,
        /// `[limits] max_sheets_per_workbook`.
        max: u64,
    },
    /// A sheet holds more cells than `[limits] max_cells_per_sheet`.
    TooManyCells {
        /// `[limits] max_cells_per_sheet`.
        max: u64,
    },
    /// The cells of a streamed sheet go back to an earlier row.
    RowsOutOfOrder {
        /// The row that comes late (1-based).
        row: u32,
        /// The row before it (1-based).
        after: u32,
    },
    /// A cell beyond the widest sheet.
    BeyondLastColumn {
        /// Its column (1-based).
        column: usize,
    },
    /// The file is no zip package.
    NotAPackage(String),
    /// A part of the package cannot be read.
    Part {
        /// The part.
        part: String,
        /// What went wrong.
        detail: String,
    },
    /// A cell, row or range reference outside A1:XFD1048576.
    ReferenceOutsideSheet {
        /// The part.
        part: String,
        /// `cell`, `row` or `range`.
        what: &'static str,
        /// The reference (its first 40 characters).
        shown: String,
    },
    /// Two sheets are one and the same part.
    SharedSheetPart {
        /// The first sheet.
        first: String,
        /// The second sheet.
        name: String,
        /// The part both name.
        target: String,
    },
    /// A shared-strings part declares more strings than it can hold.
    SharedStringsBeyondPart {
        /// The part.
        part: String,
        /// Strings declared.
        declared: u64,
        /// Bytes of the part.
        size: u64,
    },
    /// A shared-strings part declares more strings than the memory limit allows.
    SharedStringsTooLarge {
        /// The part.
        part: String,
        /// Strings declared.
        declared: u64,
        /// Bytes of memory they would reserve.
        memory: u64,
        /// `[limits] max_workbook_bytes`.
        max: u64,
    },
    /// The parts of a zip package expand beyond the limit.
    ExpandsTooFar {
        /// Bytes its entries declare.
        total: u64,
        /// `[limits] max_workbook_bytes`.
        max: u64,
    },
    /// An `.xls` that is no Compound File.
    NotXls,
    /// The Compound File of an `.xls` is damaged.
    XlsStructure(String),
    /// The Compound File of an `.xls` holds no workbook stream.
    NoWorkbookStream,
    /// The workbook stream of an `.xls` could not be copied into a fresh container.
    XlsCopy(String),
    /// A sheet's DIMENSIONS record ends before it starts.
    DimensionsReversed,
    /// Two sheets of an `.xls` start at one place of its workbook stream.
    SheetsShareStart {
        /// The byte both start at.
        at: usize,
    },
    /// A sheet of an `.xls` starts past the end of its workbook stream.
    SheetBeyondStream {
        /// The sheet.
        name: String,
        /// Where it starts.
        offset: usize,
        /// Bytes of the stream.
        len: usize,
    },
    /// A sheet of an `.xls` declares or spreads over more cells than the limit.
    XlsSheetTooLarge {
        /// The sheet.
        name: String,
        /// `declares` or `has cells spread over`.
        what: &'static str,
        /// Rows.
        rows: u64,
        /// Columns.
        cols: u64,
        /// Rows × columns.
        cells: u64,
        /// `[limits] max_cells_per_sheet`.
        max: u64,
    },
    /// An `.ods` that is no zip package.
    NotOds(String),
    /// An `.ods` without a readable `content.xml`.
    NoOdsContent(String),
    /// The `content.xml` of an `.ods` is malformed.
    OdsContent(String),
    /// A sheet of an `.ods` spans more cells than the limit.
    OdsSheetTooLarge {
        /// The sheet.
        sheet: String,
        /// Rows up to its last filled one.
        rows: u64,
        /// Its widest filled row.
        width: u64,
        /// Rows × width.
        cells: u64,
        /// `[limits] max_cells_per_sheet`.
        max: u64,
    },
}

impl ReaderError {
    /// The message in words of the word lists.
    pub fn message(&self) -> Message {
        use ReaderError as E;
        let m = Message::new;
        match self {
            E::Calamine(text) => Message::Text(text.clone()),
            E::ShortCellRecords { part } => m("err_wb_short_cells").with("part", part),
            E::SheetsTooLarge { bytes, max } => m("err_wb_sheets_too_large")
                .with("bytes", bytes)
                .with("max", max),
            E::TooManySheets { sheets, max } => m("err_wb_too_many_sheets")
                .with("sheets", sheets)
                .with("max", max),
            E::TooManyCells { max } => m("err_wb_too_many_cells").with("max", max),
            E::RowsOutOfOrder { row, after } => m("err_wb_rows_out_of_order")
                .with("row", row)
                .with("after", after),
            E::BeyondLastColumn { column } => m("err_wb_beyond_xfd").with("column", column),
            E::NotAPackage(detail) => m("err_wb_not_a_package").with("detail", detail),
            E::Part { part, detail } => m("err_wb_part").with("part", part).with("detail", detail),
            E::ReferenceOutsideSheet { part, what, shown } => {
                let what = match *what {
                    "cell" => m("err_wb_ref_cell"),
                    "row" => m("err_wb_ref_row"),
                    "range" => m("err_wb_ref_range"),
                    other => Message::Text(other.to_string()),
                };
                m("err_wb_reference_outside")
                    .with("part", part)
                    .with_words("what", what)
                    .with("shown", shown)
            }
            E::SharedSheetPart {
                first,
                name,
                target,
            } => m("err_wb_shared_sheet_part")
                .with("first", first)
                .with("name", name)
                .with("target", target),
            E::SharedStringsBeyondPart {
                part,
                declared,
                size,
            } => m("err_wb_strings_beyond_part")
                .with("part", part)
                .with("declared", declared)
                .with("size", size),
            E::SharedStringsTooLarge {
                part,
                declared,
                memory,
                max,
            } => m("err_wb_strings_too_large")
                .with("part", part)
                .with("declared", declared)
                .with("memory", memory)
                .with("max", max),
            E::ExpandsTooFar { total, max } => m("err_wb_expands_too_far")
                .with("total", total)
                .with("max", max),
            E::NotXls => m("err_wb_not_xls"),
            E::XlsStructure(detail) => m("err_wb_xls_structure").with("detail", detail),
            E::NoWorkbookStream => m("err_wb_no_workbook_stream"),
            E::XlsCopy(detail) => m("err_wb_xls_copy").with("detail", detail),
            E::DimensionsReversed => m("err_wb_dimensions_reversed"),
            E::SheetsShareStart { at } => m("err_wb_sheets_share_start").with("at", at),
            E::SheetBeyondStream { name, offset, len } => m("err_wb_sheet_beyond_stream")
                .with("name", name)
                .with("offset", offset)
                .with("len", len),
            E::XlsSheetTooLarge {
                name,
                what,
                rows,
                cols,
                cells,
                max,
            } => {
                let key = match *what {
                    "declares" => "err_wb_xls_sheet_declares",
                    _ => "err_wb_xls_sheet_spread",
                };
                m(key)
                    .with("name", name)
                    .with("rows", rows)
                    .with("cols", cols)
                    .with("cells", cells)
                    .with("max", max)
            }
            E::NotOds(detail) => m("err_wb_not_ods").with("detail", detail),
            E::NoOdsContent(detail) => m("err_wb_no_ods_content").with("detail", detail),
            E::OdsContent(detail) => m("err_wb_ods_content").with("detail", detail),
            E::OdsSheetTooLarge {
                sheet,
                rows,
                width,
                cells,
                max,
            } => m("err_wb_ods_sheet_too_large")
                .with("sheet", format!("{sheet:?}"))
                .with("rows", rows)
                .with("width", width)
                .with("cells", cells)
                .with("max", max),
        }
    }
}

impl Describe for ReaderError {
    fn describe(&self, lang: Lang) -> String {
        self.message().describe(lang)
    }
}

impl std::fmt::Display for ReaderError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}
