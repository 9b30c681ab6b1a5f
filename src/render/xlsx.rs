//! The workbooks of the site (issue 15): per period, a summary sheet (the period's step
//! table and department table, as the period's page shows them) and one register sheet per
//! department; per department, its history (the months and weeks, as its history page
//! shows them) and one register of every item over every period, each with its month, so
//! that one filter or pivot table spans them all.
//!
//! Cells are typed: moments are date-time cells of the wall time in the report's zone (the
//! header names the zone: Excel has none), durations numbers of minutes, percentages
//! numbers with a percent format, statuses the pages' words; text is written as text,
//! never as a formula. Registers are written in constant-memory mode (one row held at a
//! time), with a frozen header, an autofilter and column widths measured from their
//! cells. The files are byte-stable: the only date in them is the creation time, set to
//! the as-of moment.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::render::download::{self, Cell, CsvFile, CsvStyle, Register};
use crate::render::format;
use crate::render::views::PageAsOf;
use crate::render::{paths, OutputFile, RenderError, RenderInput};
use crate::report::{GroupStats, PeriodKind, PeriodReport};
use crate::words::{fill, words, Words};

/// The longest a sheet's name may be in Excel.
pub const SHEET_NAME_MAX: usize = 31;

/// The widest a column is made, in characters (a complaint's text wraps past it).
const WIDTH_MAX: usize = 60;

/// The longest text Excel keeps in a cell.
const CELL_TEXT_MAX: usize = 32_767;

/// A unique sheet name for `name`: characters that never reach a reader taken out (as on
/// the pages), the characters Excel forbids (`[]:*?/\`) and controls become spaces, an
/// apostrophe may not start or end it, it is cut to 31 characters, and when it is `taken`
/// already (Excel compares names ignoring case) it is numbered ` (2)`, ` (3)` … within
/// the 31 characters.
pub fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let cleaned: String = crate::text::without_hidden_controls(name)
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let trim = |s: &str| s.trim().trim_matches('\'').trim().to_string();
    let base = match trim(&cleaned) {
        b if b.is_empty() => "-".to_string(),
        b => b,
    };
    let is_taken = |candidate: &str, taken: &[String]| {
        let lower = candidate.to_lowercase();
        // Excel keeps `History` for itself.
        lower == "history" || taken.iter().any(|t| t.to_lowercase() == lower)
    };
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let keep = SHEET_NAME_MAX - suffix.chars().count();
        let cut: String = base.chars().take(keep).collect();
        let candidate = format!("{}{suffix}", trim(&cut));
        if !is_taken(&candidate, taken) {
            taken.push(candidate.clone());
            return candidate;
        }
    }
    unreachable!("some number is free")
}

/// The formats of a workbook's cells.
struct Formats {
    header: Format,
    title: Format,
    moment: Format,
    minutes: Format,
    percent: Format,
    points: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold().set_text_wrap(),
            title: Format::new().set_bold().set_font_size(13),
            moment: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            minutes: Format::new().set_num_format("#,##0.0#"),
            percent: Format::new().set_num_format("0.0%"),
            points: Format::new().set_num_format("+0.0;-0.0;0.0"),
        }
    }
}

/// Days from Excel's day 0 (1899-12-30 in the 1900 system) to 1970-01-01.
const UNIX_EPOCH_SERIAL: i64 = 25_569;

/// `cell` at (`row`, `col`) of `sheet`; gives its width in characters.
fn put(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    f: &Formats,
) -> Result<usize, XlsxError> {
    match cell {
        Cell::Text(text) => {
            let clean = crate::text::without_hidden_controls(text);
            let text: std::borrow::Cow<'_, str> = if clean.chars().count() > CELL_TEXT_MAX {
                clean.chars().take(CELL_TEXT_MAX).collect::<String>().into()
            } else {
                clean
            };
            if !text.is_empty() {
                sheet.write_string(row, col, text.as_ref())?;
            }
            Ok(text.chars().count())
        }
        Cell::Number(n) => {
            sheet.write_number(row, col, *n as f64)?;
            Ok(n.to_string().len())
        }
        Cell::Minutes(s) => {
            sheet.write_number_with_format(row, col, *s as f64 / 60.0, &f.minutes)?;
            Ok(download::minutes_text(*s, '.').len() + 2)
        }
        Cell::Moment(t) => {
            let utc = t.and_utc();
            let serial = (utc.timestamp().div_euclid(86_400) + UNIX_EPOCH_SERIAL) as f64
                + utc.timestamp().rem_euclid(86_400) as f64 / 86_400.0;
            sheet.write_number_with_format(row, col, serial, &f.moment)?;
            Ok(19)
        }
        Cell::Percent(t) => {
            sheet.write_number_with_format(row, col, *t as f64 / 1000.0, &f.percent)?;
            Ok(6)
        }
        Cell::Points(t) => {
            sheet.write_number_with_format(row, col, *t as f64 / 10.0, &f.points)?;
            Ok(6)
        }
        Cell::Empty => Ok(0),
    }
}

/// Widths measured so far, one per column, in characters.
struct Widths(Vec<usize>);

impl Widths {
    fn new() -> Widths {
        Widths(Vec::new())
    }

    fn see(&mut self, col: usize, width: usize) {
        if self.0.len() <= col {
            self.0.resize(col + 1, 0);
        }
        self.0[col] = self.0[col].max(width);
    }

    /// Sets the columns' widths: what the widest cell needs, at least 8, at most 60.
    fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (col, w) in self.0.iter().enumerate() {
            let width = (*w + 2).clamp(8, WIDTH_MAX);
            sheet.set_column_width(col as u16, width as f64)?;
        }
        Ok(())
    }
}

/// A header row at `row`: bold, wrapped past `wrap` characters (its column is made no
/// wider for it); notes the headers' widths.
fn header_row(
    sheet: &mut Worksheet,
    row: u32,
    header: &[String],
    wrap: usize,
    f: &Formats,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    sheet.set_row_height(row, header_height(header, wrap))?;
    for (col, h) in header.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, h, &f.header)?;
        widths.see(col, h.chars().count().min(wrap));
    }
    Ok(())
}

/// The height of a header row, for its longest header wrapped at `wrap` characters.
fn header_height(header: &[String], wrap: usize) -> f64 {
    let lines = header
        .iter()
        .map(|h| h.chars().count().div_ceil(wrap).max(1))
        .max()
        .unwrap_or(1)
        .min(5);
    15.0 * lines as f64
}

/// Where a register's headers wrap: `Pemantauan & penyampaian ke Kasi: durasi (menit)`
/// on two lines.
const REGISTER_WRAP: usize = 28;

/// Where a summary table's headers wrap: its columns are figures, narrow.
const SUMMARY_WRAP: usize = 14;

/// Data rows one worksheet holds: Excel's 1,048,576 rows, less the header.
const SHEET_ROWS: usize = 1_048_575;

/// The register `rows` on sheets named `name`, `name (2)`, ... of at most `per_sheet` rows
/// each (a department's history over many years can hold more items than one sheet):
/// each sheet with the header, frozen, filtered. An empty register has one sheet.
fn register_sheets(
    workbook: &mut Workbook,
    name: &str,
    taken: &mut Vec<String>,
    register: &Register,
    rows: impl Iterator<Item = Vec<Cell>>,
    f: &Formats,
    per_sheet: usize,
) -> Result<(), XlsxError> {
    let mut rows = rows.peekable();
    let mut part = 1;
    loop {
        let sheet = if part == 1 {
            name.to_string()
        } else {
            sheet_name(&format!("{name} ({part})"), taken)
        };
        register_sheet(workbook, &sheet, register, rows.by_ref().take(per_sheet), f)?;
        if rows.peek().is_none() {
            return Ok(());
        }
        part += 1;
    }
}

/// A register sheet named `name`: header, rows, frozen header, autofilter, widths.
fn register_sheet(
    workbook: &mut Workbook,
    name: &str,
    register: &Register,
    rows: impl Iterator<Item = Vec<Cell>>,
    f: &Formats,
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(name)?;
    let mut widths = Widths::new();
    header_row(sheet, 0, &register.header, REGISTER_WRAP, f, &mut widths)?;
    let mut last = 0u32;
    for (i, row) in rows.enumerate() {
        last = i as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let w = put(sheet, last, col as u16, cell, f)?;
            widths.see(col, w);
        }
    }
    for (col, moment) in register.moments.iter().enumerate() {
        if *moment {
            widths.see(col, 19);
        }
    }
    widths.apply(sheet)?;
    sheet.set_freeze_panes(1, 0)?;
    // On paper: landscape, the header on every page.
    sheet.set_landscape();
    sheet.set_repeat_rows(0, 0)?;
    let last_col = register.header.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, last, last_col)?;
    Ok(())
}

/// A new workbook created at the moment it describes (the only date in the file).
fn workbook(input: &RenderInput<'_>, at: PageAsOf) -> Workbook {
    let mut workbook = Workbook::new();
    // Level 3 of 9: a tenth larger than the default (6), a third less time deflating.
    workbook.set_zip_compression_level(3);
    let created = at
        .at(input.report)
        .map(|at| {
            use chrono::{Datelike, Timelike};
            let at = at.naive_utc();
            ExcelDateTime::from_ymd(at.year() as u16, at.month() as u8, at.day() as u8)
                .and_then(|d| d.and_hms(at.hour() as u16, at.minute() as u8, at.second() as f64))
        })
        .and_then(Result::ok)
        .unwrap_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date"));
    let properties = DocProperties::new()
        .set_creation_datetime(&created)
        .set_company(&input.presentation.office)
        .set_author("patuh");
    workbook.set_properties(&properties);
    workbook
}

/// A period's title as its page says it: `Pekan ke-45 (2–8 November 2026)`, `Bulan
/// November 2026`.
fn period_title(t: &Words, lang: format::Lang, p: &PeriodReport) -> String {
    use chrono::Datelike;
    match p.kind {
        PeriodKind::Week => fill(
            &t["week_title"],
            &[
                ("n", &p.start.iso_week().week().to_string()),
                ("range", &format::day_range(lang, p.start, p.end)),
            ],
        ),
        PeriodKind::Month => format!(
            "{} {}",
            t["month"],
            format::month(lang, p.start.year(), p.start.month())
        ),
    }
}

/// The compliance of a step, in tenths of a percent, as the pages round it.
fn compliance(s: &crate::report::StepStats) -> Cell {
    format::percent_tenths(s.met, s.met + s.breached).map_or(Cell::Empty, Cell::Percent)
}

/// The step table of `stats` (with the change from `previous`), as a period page shows
/// it: header and rows.
fn step_table(
    input: &RenderInput<'_>,
    t: &Words,
    stats: &GroupStats,
    previous: Option<&GroupStats>,
) -> (Vec<String>, Vec<Vec<Cell>>) {
    let model = &input.report.model;
    let names = download::step_names(input, t);
    let clocks = model.uses_office_clock();
    let targets = &input.presentation.targets;
    let any_target = stats.steps.iter().any(|(id, _)| targets.contains_key(id));
    let minutes = |k: &str| fill(&t["col_in_minutes"], &[("name", &t[k])]);
    let mut header = vec![t["step"].clone()];
    if clocks {
        header.push(t["col_clock"].clone());
    }
    header.push(minutes("limit"));
    if any_target {
        header.push(t["target"].clone());
    }
    header.push(t["compliance"].clone());
    for k in [
        "met",
        "breached",
        "overdue",
        "pending",
        "invalid",
        "unmeasurable",
        "not_applicable",
    ] {
        header.push(t[k].clone());
    }
    for k in ["median", "p90", "max"] {
        header.push(minutes(k));
    }
    header.push(fill(&t["col_in_points"], &[("name", &t["change"])]));
    let rows = stats
        .steps
        .iter()
        .enumerate()
        .map(|(i, (id, s))| {
            let step = model.steps.get(i);
            let mut row: Vec<Cell> = vec![names[i].clone().into()];
            if clocks {
                let clock = step.map_or(model.end_to_end_clock, |s| s.clock);
                row.push(
                    t[if clock == crate::calendar::Clock::Office {
                        "clock_office"
                    } else {
                        "clock_continuous"
                    }]
                    .clone()
                    .into(),
                );
            }
            row.push(match step {
                Some(step) => Cell::Minutes(step.limit_s),
                None => t["end_to_end_limit"].clone().into(),
            });
            if any_target {
                row.push(
                    targets
                        .get(id)
                        .map_or(Cell::Empty, |p| Cell::Percent((p * 10.0).round() as u64)),
                );
            }
            row.push(compliance(s));
            for n in [
                s.met,
                s.breached,
                s.overdue,
                s.pending,
                s.invalid,
                s.unmeasurable,
                s.not_applicable,
            ] {
                row.push(Cell::Number(n as i64));
            }
            for d in [s.median_s, s.p90_s, s.max_s] {
                row.push(Cell::minutes(d));
            }
            let tenths = |s: &crate::report::StepStats| {
                format::percent_tenths(s.met, s.met + s.breached).map(|t| t as i64)
            };
            let change = previous
                .and_then(|p| tenths(&p.steps[i].1))
                .zip(tenths(s))
                .map_or(Cell::Empty, |(before, now)| Cell::Points(now - before));
            row.push(change);
            row
        })
        .collect();
    (header, rows)
}

/// The header of a group table (`first`: the word of its first column, the group's name;
/// `order`: then the place column, empty for groups given none), as the pages show it:
/// end-to-end compliance first, then the items, the steps' compliance and the overdue
/// items. The name comes first so that names share the wide first column with the step
/// table's.
fn group_header(input: &RenderInput<'_>, t: &Words, first: &str, order: bool) -> Vec<String> {
    let names = download::step_names(input, t);
    let mut header = vec![t[first].clone()];
    if order {
        header.push(t["order"].clone());
    }
    header.push(names.last().cloned().unwrap_or_default());
    header.push(t["items"].clone());
    header.extend(names[..names.len() - 1].iter().cloned());
    header.push(t["overdue"].clone());
    header
}

/// A group's row under [`group_header`].
fn group_row(name: String, place: Option<Option<usize>>, stats: &GroupStats) -> Vec<Cell> {
    let mut row = vec![name.into()];
    if let Some(place) = place {
        row.push(place.map_or(Cell::Empty, |p| Cell::Number(p as i64)));
    }
    row.push(
        stats
            .steps
            .last()
            .map_or(Cell::Empty, |(_, s)| compliance(s)),
    );
    row.push(Cell::Number(stats.items as i64));
    for (_, s) in &stats.steps[..stats.steps.len().saturating_sub(1)] {
        row.push(compliance(s));
    }
    row.push(Cell::Number(stats.overdue_items as i64));
    row
}

/// A table at `row` of a summary sheet: its title, header and rows; gives the row after
/// it and the rows its header and last row are on.
fn table(
    sheet: &mut Worksheet,
    row: u32,
    title: &str,
    header: &[String],
    rows: &[Vec<Cell>],
    f: &Formats,
    widths: &mut Widths,
) -> Result<(u32, u32, u32), XlsxError> {
    sheet.write_string_with_format(row, 0, title, &f.title)?;
    let header_at = row + 1;
    header_row(sheet, header_at, header, SUMMARY_WRAP, f, widths)?;
    let mut at = header_at;
    for cells in rows {
        at += 1;
        for (col, cell) in cells.iter().enumerate() {
            let w = put(sheet, at, col as u16, cell, f)?;
            widths.see(col, w);
        }
    }
    Ok((at + 2, header_at, at))
}

/// The first lines of a summary sheet: the title and the moment it describes.
fn summary_head(
    input: &RenderInput<'_>,
    sheet: &mut Worksheet,
    title: &str,
    f: &Formats,
    at: PageAsOf,
) -> Result<u32, XlsxError> {
    let lang = input.presentation.lang;
    let t = words(lang);
    sheet.write_string_with_format(0, 0, title, &f.title)?;
    let mut line = input.presentation.office.clone();
    if let Some(moment) = at.at(input.report) {
        line.push_str(&format!(
            " · {}: {}",
            t["as_of"],
            format::moment(lang, input.report.zone, moment)
        ));
    }
    if let PageAsOf::Settled(_) = at {
        line.push_str(&format!(" ({})", t["as_of_settled"]));
    }
    sheet.write_string(1, 0, &line)?;
    Ok(3)
}

/// A workbook that could not be written (in constant-memory mode its sheets go through
/// temporary files, which may fail).
fn failed(path: &str, e: XlsxError) -> RenderError {
    RenderError {
        template: path.to_string(),
        message: e.to_string(),
    }
}

/// The workbook of period `index` (its summary, then a register per department in the
/// page's order), then each department's register as CSV (by name), from the same rows.
pub(crate) fn period_workbook(
    input: &RenderInput<'_>,
    index: usize,
) -> Result<Vec<OutputFile>, RenderError> {
    let period = &input.report.periods[index];
    let path = paths::period_workbook(period);
    let mut csvs = Vec::with_capacity(period.departments.len());
    let bytes = period_bytes(input, index, &mut csvs).map_err(|e| failed(&path, e))?;
    let mut files = vec![OutputFile { path, bytes }];
    files.extend(csvs);
    Ok(files)
}

fn period_bytes(
    input: &RenderInput<'_>,
    index: usize,
    csvs: &mut Vec<OutputFile>,
) -> Result<Vec<u8>, XlsxError> {
    let lang = input.presentation.lang;
    let t = words(lang);
    let f = Formats::new();
    let period = &input.report.periods[index];
    let previous = input.report.periods[..index]
        .iter()
        .rev()
        .find(|p| p.kind == period.kind);
    let masking = input.presentation.mask_personal_data;
    let shown = |name: &str| crate::privacy::shown(name, masking).into_owned();
    let at = PageAsOf::of(period.settled);
    let mut workbook = workbook(input, at);
    let mut taken = Vec::new();
    let (ranked, pseudo) = period.departments_in_order(input.presentation.min_items);
    {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&t["sheet_summary"], &mut taken))?;
        let mut title = period_title(t, lang, period);
        if !period.complete {
            title.push_str(&format!(" ({})", t["partial_short"]));
        }
        let mut widths = Widths::new();
        let row = summary_head(input, sheet, &title, &f, at)?;
        let (header, rows) = step_table(input, t, &period.total, previous.map(|p| &p.total));
        let (row, _, _) = table(
            sheet,
            row,
            &t["compliance"],
            &header,
            &rows,
            &f,
            &mut widths,
        )?;
        let header = group_header(input, t, "department", true);
        let rows: Vec<Vec<Cell>> = ranked
            .iter()
            .map(|(d, place)| group_row(shown(&d.name), Some(*place), &d.stats))
            .collect();
        let (next, first, last) = table(
            sheet,
            row,
            &t["by_department"],
            &header,
            &rows,
            &f,
            &mut widths,
        )?;
        sheet.autofilter(first, 0, last, header.len() as u16 - 1)?;
        if !pseudo.is_empty() {
            // The same columns as the departments', their place empty: they have none.
            let header = group_header(input, t, "group", true);
            let rows: Vec<Vec<Cell>> = pseudo
                .iter()
                .map(|d| group_row(shown(&d.name), Some(None), &d.stats))
                .collect();
            table(
                sheet,
                next,
                &t["other_groups"],
                &header,
                &rows,
                &f,
                &mut widths,
            )?;
        }
        widths.apply(sheet)?;
        sheet.set_landscape().set_print_fit_to_pages(1, 0);
    }
    let register = Register::new(input, false);
    for d in ranked.iter().map(|(d, _)| *d).chain(pseudo) {
        let name = sheet_name(&shown(&d.name), &mut taken);
        let members = super::department_members(input.judged, d);
        let mut csv = CsvFile::new(CsvStyle::of(input), &register.header, members.len());
        let rows = members
            .iter()
            .map(|j| Register::row(input, j, None))
            .inspect(|row| csv.row(row));
        register_sheets(
            &mut workbook,
            &name,
            &mut taken,
            &register,
            rows,
            &f,
            SHEET_ROWS,
        )?;
        csvs.push(OutputFile {
            path: paths::register(period, &d.slug),
            bytes: csv.finish(),
        });
    }
    workbook.save_to_buffer()
}

/// A department's history workbook: its numbers in every month and every week (the
/// items are in its registers of each year, [`register_workbook`]).
pub(crate) fn history_workbook(
    input: &RenderInput<'_>,
    name: &str,
    slug: &str,
) -> Result<Vec<OutputFile>, RenderError> {
    let path = paths::history_workbook(slug);
    let bytes = history_bytes(input, name).map_err(|e| failed(&path, e))?;
    Ok(vec![OutputFile { path, bytes }])
}

fn history_bytes(input: &RenderInput<'_>, name: &str) -> Result<Vec<u8>, XlsxError> {
    let lang = input.presentation.lang;
    let t = words(lang);
    let f = Formats::new();
    let masking = input.presentation.mask_personal_data;
    let mut workbook = workbook(input, PageAsOf::Run);
    let mut taken = Vec::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&t["sheet_summary"], &mut taken))?;
    let title = format!(
        "{} · {}",
        t["department_history"],
        crate::privacy::shown(name, masking)
    );
    let mut widths = Widths::new();
    let mut row = summary_head(input, sheet, &title, &f, PageAsOf::Run)?;
    let header = group_header(input, t, "period", false);
    for (kind, caption) in [(PeriodKind::Month, "months"), (PeriodKind::Week, "weeks")] {
        let rows: Vec<Vec<Cell>> = input
            .report
            .periods
            .iter()
            .filter(|p| p.kind == kind)
            .filter_map(|p| {
                let d = p.departments.iter().find(|d| d.name == name)?;
                let mut title = period_title(t, lang, p);
                if !p.complete {
                    title.push_str(&format!(" ({})", t["partial_short"]));
                }
                Some(group_row(title, None, &d.stats))
            })
            .collect();
        row = table(sheet, row, &t[caption], &header, &rows, &f, &mut widths)?.0;
    }
    widths.apply(sheet)?;
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    workbook.save_to_buffer()
}

/// A department's register of one year: every item of its months (each row saying its
/// month), as a workbook and a CSV. It describes the moment its months settled, the
/// latest of them, or the as-of while one may still change: a past year stays byte for
/// byte the same from one build to the next (issue 13).
pub(crate) fn register_workbook(
    input: &RenderInput<'_>,
    name: &str,
    slug: &str,
    year: i32,
) -> Result<Vec<OutputFile>, RenderError> {
    let path = paths::year_register(slug, year, "xlsx");
    let register = Register::new(input, true);
    let periods = download::register_periods(input, name, year);
    let rows = periods.iter().map(|(_, d)| d.members.len()).sum();
    let settled: Option<Vec<_>> = periods.iter().map(|(_, d)| d.settled).collect();
    let at = PageAsOf::of(settled.and_then(|s| s.into_iter().max()));
    let mut csv = CsvFile::new(CsvStyle::of(input), &register.header, rows);
    let rows = download::register_rows(input, name, year).inspect(|row| csv.row(row));
    let bytes = register_bytes(input, at, &register, rows).map_err(|e| failed(&path, e))?;
    Ok(vec![
        OutputFile { path, bytes },
        OutputFile {
            path: paths::year_register(slug, year, "csv"),
            bytes: csv.finish(),
        },
    ])
}

/// The workbook of a register: its rows over as many sheets as Excel's row limit needs.
fn register_bytes(
    input: &RenderInput<'_>,
    at: PageAsOf,
    register: &Register,
    rows: impl Iterator<Item = Vec<Cell>>,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut workbook = workbook(input, at);
    let mut taken = Vec::new();
    let t = words(input.presentation.lang);
    let sheet = sheet_name(&t["register"], &mut taken);
    register_sheets(
        &mut workbook,
        &sheet,
        &mut taken,
        register,
        rows,
        &f,
        SHEET_ROWS,
    )?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_longer_than_a_sheet_goes_on_over_further_sheets() {
        // Five rows, two a sheet: "Daftar item" (rows 1–2), "Daftar item (2)" (3–4),
        // "Daftar item (3)" (5); read back with calamine.
        use calamine::{Reader, Xlsx};
        let register = Register {
            header: vec!["Nomor".into()],
            moments: vec![false],
        };
        let mut workbook = Workbook::new();
        let mut taken = vec!["Daftar item".to_string()];
        let rows = (1..=5).map(|n| vec![Cell::Text(format!("T{n}"))]);
        register_sheets(
            &mut workbook,
            "Daftar item",
            &mut taken,
            &register,
            rows,
            &Formats::new(),
            2,
        )
        .unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(
            book.sheet_names(),
            ["Daftar item", "Daftar item (2)", "Daftar item (3)"]
        );
        let cells = |name: &str, book: &mut Xlsx<_>| -> Vec<String> {
            let range = book.worksheet_range(name).unwrap();
            range.rows().map(|r| r[0].to_string()).collect()
        };
        assert_eq!(cells("Daftar item", &mut book), ["Nomor", "T1", "T2"]);
        assert_eq!(cells("Daftar item (2)", &mut book), ["Nomor", "T3", "T4"]);
        assert_eq!(cells("Daftar item (3)", &mut book), ["Nomor", "T5"]);
    }

    #[test]
    fn sheet_names_keep_excels_rules_and_are_unique() {
        let mut taken = vec!["Ringkasan".to_string()];
        let long = "Dinas Perumahan, Kawasan Permukiman dan Pertanahan";
        assert_eq!(
            sheet_name(long, &mut taken),
            "Dinas Perumahan, Kawasan Permuk"
        );
        assert_eq!(
            sheet_name(long, &mut taken),
            "Dinas Perumahan, Kawasan Pe (2)"
        );
        assert_eq!(
            sheet_name("Dinas Perumahan, Kawasan Permukiman", &mut taken),
            "Dinas Perumahan, Kawasan Pe (3)"
        );
        assert_eq!(sheet_name("a/b [c]: *?\\", &mut taken), "a b  c");
        assert_eq!(sheet_name("RINGKASAN", &mut taken), "RINGKASAN (2)");
        assert_eq!(sheet_name("'kutip'", &mut taken), "kutip");
        assert_eq!(sheet_name("[]", &mut taken), "-");
        assert_eq!(sheet_name("history", &mut taken), "history (2)");
        assert!(taken.iter().all(|n| n.chars().count() <= SHEET_NAME_MAX));
    }
}
