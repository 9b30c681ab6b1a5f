//! Downloads, for the office to work on in a spreadsheet: the CSV registers (one per
//! department and period, one per department over every period) and `masalah-data.csv`,
//! and the workbooks of [`super::xlsx`]. Headers and statuses are in the page language
//! (the same words as the pages); a CSV is UTF-8 with a byte-order mark, delimited by
//! `;` for Indonesian pages and `,` for English ones (`csv_delimiter` overrides), so that
//! Excel with those regional settings opens it in columns. Durations are numbers of
//! minutes, times the wall time of the report's zone, the zone named in the header.
//! Every text cell a spreadsheet would execute (`=`, `+`, `-`, `@`, tab, CR at the
//! start) is neutralised with a leading apostrophe; numbers stay numbers. Personal data
//! is masked exactly like on the pages.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::model::Stamp;
use crate::privacy;
use crate::render::format::{self, Lang};
use crate::render::{paths, OutputFile, RenderError, RenderInput};
use crate::report::{PeriodKind, PeriodReport};
use crate::sop::Judged;
use crate::words::{fill, words, Words};

/// A cell as a spreadsheet will read it: hidden controls taken out (as on the pages), then
/// text starting with a formula character gets a leading apostrophe, so it stays text.
pub fn neutralise(cell: &str) -> String {
    let cell = crate::text::without_hidden_controls(cell).into_owned();
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell,
    }
}

/// One cell of a download, typed: a CSV writes it as text in the page's number style, a
/// workbook as a cell of its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text: neutralised in a CSV, a string (never a formula) in a workbook.
    Text(String),
    /// A whole number (a count, a row number).
    Number(i64),
    /// A duration, in seconds; written as a number of minutes.
    Minutes(i64),
    /// A moment as the wall time of the report's zone.
    Moment(NaiveDateTime),
    /// A percentage, in tenths of a percent (`885` is 88.5%), as the pages round it.
    Percent(u64),
    /// A change of a percentage, in tenths of a point (`-15` is −1.5 points).
    Points(i64),
    /// Nothing.
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl Cell {
    /// A number, or an empty cell.
    fn number(n: Option<i64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Number)
    }

    /// A duration, or an empty cell.
    pub(crate) fn minutes(s: Option<i64>) -> Cell {
        s.map_or(Cell::Empty, Cell::Minutes)
    }

    /// The cell as a CSV file in `style` holds it.
    fn written(&self, style: CsvStyle) -> String {
        match self {
            Cell::Text(text) => neutralise(text),
            Cell::Number(n) => n.to_string(),
            Cell::Minutes(s) => minutes_text(*s, style.decimal),
            Cell::Moment(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            Cell::Percent(t) => tenths_text(*t as i64, style.decimal),
            Cell::Points(t) => tenths_text(*t, style.decimal),
            Cell::Empty => String::new(),
        }
    }
}

/// How a CSV writes: its delimiter and its decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    /// Between cells.
    pub delimiter: u8,
    /// Between the whole and the fraction of a number: `,` for Indonesian pages, unless
    /// the delimiter is `,`; `.` for English pages.
    pub decimal: char,
}

impl CsvStyle {
    /// The style of the site's CSV downloads.
    pub fn of(input: &RenderInput<'_>) -> CsvStyle {
        let delimiter = input.presentation.csv_delimiter;
        let decimal = match input.presentation.lang {
            Lang::Id if delimiter != ',' => ',',
            _ => '.',
        };
        CsvStyle {
            delimiter: u8::try_from(delimiter).unwrap_or(b';'),
            decimal,
        }
    }
}

/// `seconds` as minutes, rounded to hundredths (half away from zero), without trailing
/// zeros or thousands separators: `1800` → `30`, `90` → `1,5`, `5` → `0,08`.
pub fn minutes_text(seconds: i64, decimal: char) -> String {
    let hundredths = (seconds * 100 + seconds.signum() * 30) / 60;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    let (whole, frac) = (h / 100, h % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}{decimal}{}", f / 10),
        f => format!("{sign}{whole}{decimal}{f:02}"),
    }
}

/// Tenths as a decimal number: `885` → `88,5`.
fn tenths_text(tenths: i64, decimal: char) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}{decimal}{}", t / 10, t % 10)
}

/// Longest citizen's text in a register, in characters: enough for any complaint, while
/// a pasted document (or an attack) does not make every register that lists it huge.
pub const TEXT_KEPT: usize = 5_000;

/// The name of the report's zone in headers: `WIB`, `WITA`, `WIT`, else its IANA name (a
/// zone with clock changes has no one offset to name).
pub fn zone_label(zone: chrono_tz::Tz) -> String {
    match zone.name() {
        "Asia/Jakarta" | "Asia/Pontianak" => "WIB".into(),
        "Asia/Makassar" => "WITA".into(),
        "Asia/Jayapura" => "WIT".into(),
        name => name.to_string(),
    }
}

/// The columns of a register: its header and its rows. `month`: the register spans
/// periods, and says each item's month.
pub(crate) struct Register {
    /// The header row.
    pub header: Vec<String>,
    /// Which columns hold moments (for their width in a workbook).
    pub moments: Vec<bool>,
}

impl Register {
    /// The header of the registers of a site (`months`: with the month column of the
    /// history's register).
    pub(crate) fn new(input: &RenderInput<'_>, months: bool) -> Register {
        let t = words(input.presentation.lang);
        let zone = zone_label(input.report.zone);
        let mut header: Vec<String> = vec![t["item_id"].clone()];
        if months {
            header.push(t["month"].clone());
        }
        header.extend(
            ["department", "channel", "kind", "admin"]
                .iter()
                .map(|k| t[*k].clone()),
        );
        let first_moment = header.len();
        for stamp in Stamp::ALL {
            header.push(fill(
                &t["col_zone"],
                &[("name", &t[stamp_word(stamp)]), ("zone", &zone)],
            ));
        }
        let stamps_end = header.len();
        for step in step_names(input, t) {
            header.push(fill(&t["col_status"], &[("step", &step)]));
            header.push(fill(&t["col_minutes"], &[("step", &step)]));
            header.push(fill(&t["col_date_only"], &[("step", &step)]));
        }
        header.push(t["text"].clone());
        header.push(t["col_url"].clone());
        let moments = (0..header.len())
            .map(|i| (first_moment..stamps_end).contains(&i))
            .collect();
        Register { header, moments }
    }

    /// The row of judged item `j` (`month`: its month, in the history's register).
    pub(crate) fn row(input: &RenderInput<'_>, j: &Judged, month: Option<&str>) -> Vec<Cell> {
        let t = words(input.presentation.lang);
        let item = &input.ledger.items[j.item];
        let zone = input.report.zone;
        let masking = input.presentation.mask_personal_data;
        let shown =
            |text: Option<&str>| privacy::shown(text.unwrap_or_default(), masking).into_owned();
        let mut row: Vec<Cell> = vec![shown(item.id.as_deref()).into()];
        if let Some(month) = month {
            row.push(month.to_string().into());
        }
        row.extend([
            shown(Some(&j.group.name)).into(),
            item.channel
                .map(|c| c.label().to_string())
                .unwrap_or_default()
                .into(),
            item.kind
                .map(|k| t[&format!("kind_{}", format!("{k:?}").to_lowercase())].clone())
                .unwrap_or_default()
                .into(),
            shown(item.admin.as_deref()).into(),
        ]);
        row.extend(Stamp::ALL.iter().map(|s| {
            item.stamps.get(*s).map_or(Cell::Empty, |at| {
                Cell::Moment(at.with_timezone(&zone).naive_local())
            })
        }));
        for r in &j.steps {
            row.push(t[r.status.key()].clone().into());
            row.push(Cell::minutes(r.duration_s));
            // When the step was judged from a date without a time (read as midnight).
            row.push(if r.date_only {
                t["yes"].clone().into()
            } else {
                Cell::Empty
            });
        }
        let url = item.url.as_deref().unwrap_or("");
        row.push(privacy::start_of(item.text.as_deref().unwrap_or(""), TEXT_KEPT, masking).into());
        row.push(
            if masking && privacy::has_personal_data(url) {
                String::new()
            } else {
                url.to_string()
            }
            .into(),
        );
        row
    }
}

/// The word of a timestamp's column.
fn stamp_word(stamp: Stamp) -> &'static str {
    match stamp {
        Stamp::PostedAt => "posted",
        Stamp::ReportedAt => "col_reported",
        Stamp::DisposedAt => "col_disposed",
        Stamp::ForwardedAt => "col_forwarded",
        Stamp::ClosedAt => "col_closed",
    }
}

/// The steps' names as the pages show them, `end_to_end` last.
pub(crate) fn step_names(input: &RenderInput<'_>, t: &Words) -> Vec<String> {
    let mut names: Vec<String> = input
        .report
        .model
        .steps
        .iter()
        .map(|s| s.name.clone())
        .collect();
    names.push(t["end_to_end"].clone());
    names
}

/// A month's name as the history's register says it: `November 2026`.
pub(crate) fn month_name(lang: Lang, period: &PeriodReport) -> String {
    use chrono::Datelike;
    format::month(lang, period.start.year(), period.start.month())
}

/// The periods of a department's history register: the months (each item is in exactly
/// one), or the weeks when the report has no months.
pub(crate) fn history_periods<'a>(input: &RenderInput<'a>) -> Vec<&'a PeriodReport> {
    let of = |kind| input.report.periods.iter().filter(move |p| p.kind == kind);
    if of(PeriodKind::Month).next().is_some() {
        of(PeriodKind::Month).collect()
    } else {
        of(PeriodKind::Week).collect()
    }
}

/// The year a period of a department's register is filed under: the year it starts in.
pub(crate) fn register_year(period: &PeriodReport) -> i32 {
    use chrono::Datelike;
    period.start.year()
}

/// The years of a department's register: those of the periods it has items in, in order.
pub(crate) fn register_years(input: &RenderInput<'_>, name: &str) -> Vec<i32> {
    let mut years: Vec<i32> = history_periods(input)
        .into_iter()
        .filter(|p| p.departments.iter().any(|d| d.name == name))
        .map(register_year)
        .collect();
    years.dedup();
    years
}

/// One download to make: a period's registers and workbook, a department's history
/// workbook, or a department's register of one year.
pub(crate) enum Job<'a> {
    /// A period (by index in the report).
    Period(usize),
    /// A department's history workbook: its name and slug.
    History(&'a str, &'a str),
    /// A department's register of one year (issue 13: past years stay as they are, so a
    /// build after one more export writes only the current year's): the department's place
    /// in the report's departments, its name and slug, and the year.
    Register(usize, &'a str, &'a str, i32),
}

/// Every download to make, but `masalah-data.csv`.
pub(crate) fn jobs<'a>(input: &'a RenderInput<'a>) -> Vec<Job<'a>> {
    let departments = input.report.slugs.iter().enumerate();
    (0..input.report.periods.len())
        .map(Job::Period)
        .chain(
            departments
                .clone()
                .map(|(_, (name, slug))| Job::History(name, slug)),
        )
        .chain(departments.flat_map(|(i, (name, slug))| {
            register_years(input, name)
                .into_iter()
                .map(move |year| Job::Register(i, name, slug, year))
        }))
        .collect()
}

impl Job<'_> {
    /// The unit of the render cache the job's files belong to: a period's own files, or a
    /// department's register of a year; `None` for a history workbook (always made).
    pub(crate) fn unit(&self) -> Option<super::cache::Unit> {
        use super::cache::Unit;
        match *self {
            Job::Period(i) => Some(Unit::Period(i)),
            Job::History(..) => None,
            Job::Register(department, _, _, year) => Some(Unit::Register(department, year)),
        }
    }

    /// The files of the job; fails when a workbook cannot be written.
    pub(crate) fn files(&self, input: &RenderInput<'_>) -> Result<Vec<OutputFile>, RenderError> {
        match *self {
            // Each register's rows are made once, for its workbook sheet and its CSV.
            Job::Period(i) => super::xlsx::period_workbook(input, i),
            Job::History(name, slug) => super::xlsx::history_workbook(input, name, slug),
            Job::Register(_, name, slug, year) => {
                super::xlsx::register_workbook(input, name, slug, year)
            }
        }
    }
}

/// The periods of a department's register of `year`, each with the department's numbers
/// in it.
pub(crate) fn register_periods<'a>(
    input: &RenderInput<'a>,
    name: &str,
    year: i32,
) -> Vec<(&'a PeriodReport, &'a crate::report::DepartmentStats)> {
    history_periods(input)
        .into_iter()
        .filter(|p| register_year(p) == year)
        .filter_map(|p| Some((p, p.departments.iter().find(|d| d.name == name)?)))
        .collect()
}

/// The rows of a department's register of `year`, month by month.
pub(crate) fn register_rows<'a>(
    input: &'a RenderInput<'a>,
    name: &'a str,
    year: i32,
) -> impl Iterator<Item = Vec<Cell>> + 'a {
    let lang = input.presentation.lang;
    register_periods(input, name, year)
        .into_iter()
        .flat_map(move |(p, d)| {
            let month = month_name(lang, p);
            super::department_members(input.judged, d)
                .into_iter()
                .map(move |j| Register::row(input, j, Some(&month)))
        })
}

/// Every data issue, for the office to work through in a spreadsheet: kind, location,
/// field, the value (its start, masked like the pages) and what patuh made of it, in the
/// site's language. `None` when there is no issue.
pub fn issues(input: &RenderInput<'_>) -> Option<OutputFile> {
    let ledger = input.ledger;
    if ledger.issues.is_empty() {
        return None;
    }
    let w = words(input.presentation.lang);
    let masking = input.presentation.mask_personal_data;
    let header: Vec<String> = [
        "kind", "file", "sheet", "row", "column", "header", "field", "value", "detail",
    ]
    .iter()
    .map(|h| w[&format!("issue_col_{h}")].clone())
    .collect();
    let shown = |text: Option<&str>| privacy::shown(text.unwrap_or_default(), masking).into_owned();
    let rows = ledger.issues.iter().map(|issue| {
        let at = &issue.location;
        vec![
            w[&format!("issue_{}", crate::words::key_of(&issue.kind))]
                .clone()
                .into(),
            shown(Some(&at.file)).into(),
            shown(at.sheet.as_deref()).into(),
            Cell::number(at.row.map(i64::from)),
            at.column.clone().unwrap_or_default().into(),
            shown(at.header.as_deref()).into(),
            issue
                .field
                .map(|f| f.name().to_string())
                .unwrap_or_default()
                .into(),
            privacy::issue_value(issue, masking).into(),
            privacy::issue_detail(issue, w, masking).into(),
        ]
    });
    Some(OutputFile {
        path: paths::ISSUES.to_string(),
        bytes: csv_bytes(CsvStyle::of(input), &header, rows),
    })
}

/// A CSV file (UTF-8 with a byte-order mark, CRLF, as spreadsheet programs expect) of
/// `header` and `rows` in `style`, every text cell neutralised.
fn csv_bytes(style: CsvStyle, header: &[String], rows: impl Iterator<Item = Vec<Cell>>) -> Vec<u8> {
    let mut csv = CsvFile::new(style, header, 0);
    for row in rows {
        csv.row(&row);
    }
    csv.finish()
}

/// The room reserved for a row of a register's CSV: more than a row takes (about 350
/// bytes with a long text).
const ROOM_PER_ROW: usize = 1024;

/// A CSV file being written row by row, in memory: so that a register's rows, made
/// once, go into its workbook sheet and its CSV file alike.
pub(crate) struct CsvFile {
    writer: csv::Writer<Vec<u8>>,
    style: CsvStyle,
}

impl CsvFile {
    /// A CSV file of `header` in `style` (see [`csv_bytes`]) that will hold about `rows`
    /// rows. Its buffer is reserved for them once: growing a buffer of tens of megabytes
    /// by doubling would hold the old and the new copy at once (memory that is reserved
    /// but not written is not used).
    pub(crate) fn new(style: CsvStyle, header: &[String], rows: usize) -> CsvFile {
        let mut buffer = Vec::with_capacity(4096 + rows.saturating_mul(ROOM_PER_ROW));
        buffer.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
        let mut writer = csv::WriterBuilder::new()
            .delimiter(style.delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(buffer);
        let header: Vec<String> = header.iter().map(|h| neutralise(h)).collect();
        writer.write_record(&header).expect("writing to memory");
        CsvFile { writer, style }
    }

    /// Adds a row.
    pub(crate) fn row(&mut self, row: &[Cell]) {
        self.writer
            .write_record(row.iter().map(|c| c.written(self.style)))
            .expect("writing to memory");
    }

    /// The file's bytes.
    pub(crate) fn finish(self) -> Vec<u8> {
        self.writer.into_inner().expect("writing to memory")
    }
}

/// A download link of a page, for `templates/downloads.html` and `.md`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Link {
    /// Relative to the page.
    href: String,
    /// The file name a browser saves it as.
    file: String,
    /// The link's words.
    label: String,
}

/// The download links of a period's page (beside the period's workbook).
pub(crate) fn period_links(lang: Lang, period: &PeriodReport) -> Vec<Link> {
    let t = words(lang);
    vec![Link {
        href: paths::PERIOD_WORKBOOK.to_string(),
        file: format!("{}.xlsx", period.label),
        label: t["download_xlsx_period"].clone(),
    }]
}

/// The download links of a department's page in a period: its register, and the period's
/// workbook (which holds it as a sheet).
pub(crate) fn department_links(lang: Lang, period: &PeriodReport, slug: &str) -> Vec<Link> {
    let t = words(lang);
    let mut links = vec![Link {
        href: paths::register_name(slug),
        file: format!("{slug}-{}.csv", period.label),
        label: t["download_csv"].clone(),
    }];
    links.extend(period_links(lang, period));
    links
}

/// The download links of a department's history page: its history workbook (its numbers
/// in every period), then its register of each year as a workbook and as CSV.
pub(crate) fn history_links(input: &RenderInput<'_>, name: &str, slug: &str) -> Vec<Link> {
    let t = words(input.presentation.lang);
    let mut links = vec![Link {
        href: format!("{slug}.xlsx"),
        file: format!("{slug}.xlsx"),
        label: t["download_xlsx_history"].clone(),
    }];
    for year in register_years(input, name) {
        for (extension, label) in [("xlsx", "download_xlsx_year"), ("csv", "download_csv_year")] {
            let file = format!("{slug}.{year}.{extension}");
            links.push(Link {
                href: file.clone(),
                file,
                label: crate::words::fill(&t[label], &[("year", &year.to_string())]),
            });
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        let style = CsvStyle {
            delimiter: b';',
            decimal: ',',
        };
        for (cell, safe) in [
            (
                "=HYPERLINK(\"http://evil\")",
                "'=HYPERLINK(\"http://evil\")",
            ),
            ("+62 812", "'+62 812"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            // Hidden controls go first, so they cannot hide a formula behind them.
            ("\u{0}=1+1", "'=1+1"),
            ("a\u{1b}[2Jb\u{202e}c\u{b}d", "a[2Jbc d"),
            ("Dinas Sosial", "Dinas Sosial"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), safe);
            assert_eq!(Cell::Text(cell.to_string()).written(style), safe);
        }
        assert_eq!(Cell::Number(-600).written(style), "-600");
        assert_eq!(Cell::number(None).written(style), "");
    }

    #[test]
    fn minutes_are_rounded_to_hundredths_with_the_decimal_mark() {
        for (seconds, id, en) in [
            (1800, "30", "30"),
            (90, "1,5", "1.5"),
            (5, "0,08", "0.08"),
            (1, "0,02", "0.02"),
            (-600, "-10", "-10"),
            (-90, "-1,5", "-1.5"),
            (0, "0", "0"),
            (86_400 * 400, "576000", "576000"),
        ] {
            assert_eq!(minutes_text(seconds, ','), id);
            assert_eq!(minutes_text(seconds, '.'), en);
        }
        assert_eq!(tenths_text(885, ','), "88,5");
        assert_eq!(tenths_text(-15, '.'), "-1.5");
    }
}
