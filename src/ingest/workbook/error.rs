//! Why a workbook (XLSX, XLSB, XLS, ODS) cannot be read: one variant per reason the
//! readers and their pre-scans give. Its text is the message shown for the file (the
//! caller adds what to do about it); the errors of other crates are kept as their text.

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReaderError {
    /// calamine could not open or read the workbook (its own message).
    #[error("{0}")]
    Calamine(String),
    /// An XLSB sheet part holds short cell records, which calamine skips.
    #[error(
        "{part} uses short cell records that the XLSB reader would skip without a word; \
         save the workbook as .xlsx and read that instead"
    )]
    ShortCellRecords {
        /// The sheet part.
        part: String,
    },
    /// The sheets of an XLS or ODS workbook, read whole, would take too much memory.
    #[error(
        "its sheets would take {bytes} bytes of memory once read, more than the limit of \
         {max}; the file may be damaged. If it is genuine, raise [limits] \
         max_workbook_bytes in patuh.toml"
    )]
    SheetsTooLarge {
        /// Bytes the sheets would take.
        bytes: u64,
        /// `[limits] max_workbook_bytes`.
        max: u64,
    },
    /// More sheets than `[limits] max_sheets_per_workbook`.
    #[error(
        "the workbook holds {sheets} sheets, more than the limit of {max}; it may be damaged. \
         If it is genuine, raise [limits] max_sheets_per_workbook in patuh.toml"
    )]
    TooManySheets {
        /// Sheets in the workbook.
        sheets: usize,
        /// `[limits] max_sheets_per_workbook`.
        max: u64,
    },
    /// A sheet holds more cells than `[limits] max_cells_per_sheet`.
    #[error(
        "a sheet holds more than {max} cells, the limit for one sheet; split the export, \
         or raise [limits] max_cells_per_sheet in patuh.toml if the file is genuine"
    )]
    TooManyCells {
        /// `[limits] max_cells_per_sheet`.
        max: u64,
    },
    /// The cells of a streamed sheet go back to an earlier row.
    #[error("the cells of row {row} come after row {after}: the sheet is out of order")]
    RowsOutOfOrder {
        /// The row that comes late (1-based).
        row: u32,
        /// The row before it (1-based).
        after: u32,
    },
    /// A cell beyond the widest sheet.
    #[error("a cell lies beyond column XFD (column {column})")]
    BeyondLastColumn {
        /// Its column (1-based).
        column: usize,
    },
    /// The file is no zip package.
    #[error("not a valid workbook: {0}")]
    NotAPackage(String),
    /// A part of the package cannot be read.
    #[error("{part}: {detail}")]
    Part {
        /// The part.
        part: String,
        /// What went wrong.
        detail: String,
    },
    /// A cell, row or range reference outside A1:XFD1048576.
    #[error(
        "the workbook is damaged ({part} has a {what} at \"{shown}\", which is no \
         {what} of a sheet (A1 to XFD1048576))"
    )]
    ReferenceOutsideSheet {
        /// The part.
        part: String,
        /// `cell`, `row` or `range`.
        what: &'static str,
        /// The reference (its first 40 characters).
        shown: String,
    },
    /// Two sheets are one and the same part.
    #[error(
        "the workbook is damaged (sheets \"{first}\" and \"{name}\" are one and the \
         same part, {target})"
    )]
    SharedSheetPart {
        /// The first sheet.
        first: String,
        /// The second sheet.
        name: String,
        /// The part both name.
        target: String,
    },
    /// A shared-strings part declares more strings than it can hold.
    #[error(
        "the workbook is damaged ({part} declares {declared} shared strings in {size} bytes, \
         more than it can hold)"
    )]
    SharedStringsBeyondPart {
        /// The part.
        part: String,
        /// Strings declared.
        declared: u64,
        /// Bytes of the part.
        size: u64,
    },
    /// A shared-strings part declares more strings than the memory limit allows.
    #[error(
        "{part} declares {declared} shared strings ({memory} bytes of memory before one is \
         read), more than the limit of {max}; it may be damaged. If the file is \
         genuine, raise [limits] max_workbook_bytes in patuh.toml"
    )]
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
    #[error(
        "the workbook expands to {total} bytes, more than the limit of {max}; it may be damaged \
         or a zip bomb. If the file is genuine, raise [limits] max_workbook_bytes in patuh.toml"
    )]
    ExpandsTooFar {
        /// Bytes its entries declare.
        total: u64,
        /// `[limits] max_workbook_bytes`.
        max: u64,
    },
    /// An `.xls` that is no Compound File.
    #[error(
        "this is not an Excel 97–2003 workbook (the file does not begin like one; a web page \
         or a text file saved with the .xls extension, perhaps)"
    )]
    NotXls,
    /// The Compound File of an `.xls` is damaged.
    #[error("the workbook's file structure is damaged ({0})")]
    XlsStructure(String),
    /// The Compound File of an `.xls` holds no workbook stream.
    #[error("the file holds no workbook (it has no Workbook stream)")]
    NoWorkbookStream,
    /// The workbook stream of an `.xls` could not be copied into a fresh container.
    #[error("could not copy the workbook stream: {0}")]
    XlsCopy(String),
    /// A sheet's DIMENSIONS record ends before it starts.
    #[error("the workbook is damaged (a sheet's dimensions end before they start)")]
    DimensionsReversed,
    /// Two sheets of an `.xls` start at one place of its workbook stream.
    #[error("the workbook is damaged (two sheets start at byte {at} of its workbook stream)")]
    SheetsShareStart {
        /// The byte both start at.
        at: usize,
    },
    /// A sheet of an `.xls` starts past the end of its workbook stream.
    #[error(
        "the workbook is damaged (sheet \"{name}\" starts at byte {offset} of a workbook \
         stream of {len} bytes)"
    )]
    SheetBeyondStream {
        /// The sheet.
        name: String,
        /// Where it starts.
        offset: usize,
        /// Bytes of the stream.
        len: usize,
    },
    /// A sheet of an `.xls` declares or spreads over more cells than the limit.
    #[error(
        "sheet \"{name}\" {what} {rows} rows × {cols} columns ({cells} cells), more than \
         the limit of {max} for one sheet; the file may be damaged. If it is genuine, \
         raise [limits] max_cells_per_sheet in patuh.toml"
    )]
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
    #[error("not a valid ODS file: {0}")]
    NotOds(String),
    /// An `.ods` without a readable `content.xml`.
    #[error("not a valid ODS file (content.xml: {0})")]
    NoOdsContent(String),
    /// The `content.xml` of an `.ods` is malformed.
    #[error("content.xml: {0}")]
    OdsContent(String),
    /// A sheet of an `.ods` spans more cells than the limit.
    #[error(
        "sheet {sheet:?} spans {rows} rows × {width} columns ({cells} cells), more than \
         the limit of {max} for one sheet; delete the empty rows and columns between its cells, or raise [limits] max_cells_per_sheet in patuh.toml"
    )]
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
