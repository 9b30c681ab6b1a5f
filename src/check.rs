//! `patuh check`: what was read, what was skipped, the row ledger and the data issues,
//! for a person (text) or a program (JSON).
//!
//! Pure rendering of a [`Ledger`]; the caller prints.

use std::fmt::Write as _;

use serde::Serialize;

use crate::discover::Format;
use crate::ingest::issues::{DataIssue, IssueKind};
use crate::ingest::{Ledger, SheetOutcome, TableSummary};

/// How many issues of each kind the text report lists before giving a count.
pub const ISSUES_SHOWN_PER_KIND: usize = 5;

/// What the report says about the run itself.
#[derive(Debug, Clone, Serialize)]
pub struct RunInfo {
    /// The data folder as given.
    pub data_dir: String,
    /// The configuration file, or `None` for the built-in defaults.
    pub config: Option<String>,
    /// The configured zone.
    pub timezone: String,
    /// The configured date order (`dmy`, `mdy`, `auto`).
    pub date_order: String,
}

/// The JSON form of the report (`patuh check --format json`): everything, every issue.
#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    run: &'a RunInfo,
    rows: crate::ingest::RowCounts,
    blank_rows: u64,
    totals_rows: u64,
    items: usize,
    files: &'a [crate::ingest::FileReport],
    skipped_files: &'a [crate::discover::SkippedFile],
    issues: &'a [DataIssue],
}

/// The report as pretty JSON.
pub fn render_json(ledger: &Ledger, run: &RunInfo) -> String {
    let report = JsonReport {
        schema: "patuh.check/1",
        run,
        rows: ledger.rows,
        blank_rows: ledger.blank_rows,
        totals_rows: ledger.totals_rows,
        items: ledger.items.len(),
        files: &ledger.files,
        skipped_files: &ledger.discovery.skipped,
        issues: &ledger.issues,
    };
    let mut text = serde_json::to_string_pretty(&report).expect("the report serialises");
    text.push('\n');
    text
}

/// The report as text for a person: the first issues of each kind, then a count.
pub fn render_text(ledger: &Ledger, run: &RunInfo) -> String {
    let mut out = String::new();
    let config = run.config.as_deref().unwrap_or("built-in defaults");
    let _ = writeln!(
        out,
        "patuh check: {} (configuration: {config})",
        run.data_dir
    );
    let _ = writeln!(
        out,
        "time zone {}, date order {}",
        run.timezone, run.date_order
    );

    let _ = writeln!(out, "\nFiles read ({})", ledger.files.len());
    if ledger.files.is_empty() {
        let _ = writeln!(
            out,
            "  none: put the exports (.csv, .xlsx, .xls, .ods ...) in {}",
            run.data_dir
        );
    }
    for file in &ledger.files {
        let format = match (file.format, &file.delimited) {
            (Format::Delimited, Some(info)) => {
                format!(
                    "text, {}, delimiter {}",
                    serde_json::to_value(info.encoding)
                        .unwrap()
                        .as_str()
                        .unwrap_or(""),
                    show_delimiter(info.delimiter)
                )
            }
            (format, _) => serde_json::to_value(format)
                .unwrap()
                .as_str()
                .unwrap_or("")
                .to_string(),
        };
        let _ = writeln!(out, "  {} ({format})", file.file);
        for sheet in &file.sheets {
            let name = match &sheet.name {
                Some(n) => format!("sheet {n:?}: "),
                None => String::new(),
            };
            match &sheet.outcome {
                SheetOutcome::Read(t) => {
                    let _ = writeln!(out, "    {name}{}", describe_table(t));
                    let columns: Vec<String> = t
                        .columns
                        .iter()
                        .map(|c| format!("{}={} ({})", c.field, c.column, c.header))
                        .collect();
                    let _ = writeln!(out, "      columns: {}", columns.join(", "));
                    if !t.date_only.is_empty() {
                        let names: Vec<&str> =
                            t.date_only.iter().map(|s| s.field().name()).collect();
                        let _ = writeln!(
                            out,
                            "      dates only (read as midnight): {}",
                            names.join(", ")
                        );
                    }
                    for o in &t.orders {
                        let _ = writeln!(
                            out,
                            "      date order of {}: {} ({} values only day-first, {} only month-first)",
                            o.field.field().name(),
                            o.order,
                            o.day_first_values,
                            o.month_first_values
                        );
                    }
                }
                SheetOutcome::Skipped(reason) => {
                    let _ = writeln!(out, "    {name}skipped: {}", reason.describe());
                }
            }
        }
    }

    if !ledger.discovery.skipped.is_empty() {
        let _ = writeln!(out, "\nFiles not read ({})", ledger.discovery.skipped.len());
        for s in &ledger.discovery.skipped {
            let _ = writeln!(out, "  {}: {}", s.relative, s.reason.describe());
        }
    }

    let r = ledger.rows;
    let _ = writeln!(out, "\nRow ledger");
    let _ = writeln!(
        out,
        "  read {} = included {} + duplicates {} + rejected {}",
        r.read, r.included, r.duplicates, r.rejected
    );
    let _ = writeln!(
        out,
        "  outside the ledger: {} blank rows, {} totals rows",
        ledger.blank_rows, ledger.totals_rows
    );
    let _ = writeln!(out, "  items: {}", ledger.items.len());

    let _ = writeln!(out, "\nData issues ({})", ledger.issues.len());
    if ledger.issues.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for kind in IssueKind::ALL {
        let of_kind: Vec<&DataIssue> = ledger.issues.iter().filter(|i| i.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  {} ({}): {}",
            kind.title(),
            of_kind.len(),
            kind.advice()
        );
        for issue in of_kind.iter().take(ISSUES_SHOWN_PER_KIND) {
            let _ = writeln!(out, "    {}", describe_issue(issue));
        }
        if of_kind.len() > ISSUES_SHOWN_PER_KIND {
            let _ = writeln!(
                out,
                "    ... and {} more (patuh check --format json lists them all)",
                of_kind.len() - ISSUES_SHOWN_PER_KIND
            );
        }
    }
    let _ = writeln!(out, "\n{}", what_to_fix(ledger));
    out
}

fn show_delimiter(d: char) -> String {
    match d {
        '\t' => "tab".into(),
        other => format!("'{other}'"),
    }
}

fn describe_table(t: &TableSummary) -> String {
    let header = if t.header_rows == 2 {
        format!("header in rows {}-{}", t.header_row, t.header_row + 1)
    } else {
        format!("header in row {}", t.header_row)
    };
    let mut text = format!(
        "{header}; {} rows: {} items, {} duplicates, {} rejected",
        t.rows, t.included, t.duplicates, t.rejected
    );
    if t.blank > 0 || t.totals > 0 {
        let _ = write!(text, " (and {} blank, {} totals rows)", t.blank, t.totals);
    }
    text
}

/// One issue on one line: location, value, what patuh made of it.
pub fn describe_issue(issue: &DataIssue) -> String {
    let mut line = issue.location.to_string();
    if let Some(value) = &issue.value {
        let _ = write!(line, ": {:?}", shorten(value, 60));
    }
    let _ = write!(line, " - {}", issue.detail);
    line
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// The one line on what to fix first.
fn what_to_fix(ledger: &Ledger) -> String {
    if ledger.issues.is_empty() {
        return if ledger.rows.read == 0 {
            "Nothing was read: check the data folder and the header names.".into()
        } else {
            "Nothing to fix: every row was read cleanly.".into()
        };
    }
    let kinds = IssueKind::ALL
        .into_iter()
        .filter(|k| ledger.issues.iter().any(|i| i.kind == *k))
        .count();
    let first = IssueKind::ALL
        .into_iter()
        .find(|k| ledger.issues.iter().any(|i| i.kind == *k))
        .expect("there is an issue");
    let count = ledger.issues.iter().filter(|i| i.kind == first).count();
    format!(
        "To fix: {} data issues of {kinds} kinds; start with the {count} {} ({}), then run patuh check again.",
        ledger.issues.len(),
        first.title(),
        first.advice()
    )
}
