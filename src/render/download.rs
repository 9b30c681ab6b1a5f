//! Downloadable CSV registers: one per department and period, for the office to work on
//! in a spreadsheet. Every text cell a spreadsheet would execute (`=`, `+`, `-`, `@`, tab,
//! CR at the start) is neutralised with a leading apostrophe; numbers stay numbers.

use crate::model::Stamp;
use crate::privacy;
use crate::render::{paths, OutputFile, RenderInput};
use crate::sop::Judged;

/// A cell as a spreadsheet will read it: hidden controls taken out (as on the pages), then
/// text starting with a formula character gets a leading apostrophe, so it stays text.
pub fn neutralise(cell: &str) -> String {
    let cell = crate::text::without_hidden_controls(cell).into_owned();
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell,
    }
}

/// One cell of a download: text, neutralised when written, or a number, written as it is
/// (a duration of `-600` seconds is a number a spreadsheet can sum, not a formula).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Number(i64),
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl Cell {
    /// The cell as the CSV file holds it.
    fn written(&self) -> String {
        match self {
            Cell::Text(text) => neutralise(text),
            Cell::Number(n) => n.to_string(),
        }
    }

    /// A number, or an empty cell.
    fn number(n: Option<i64>) -> Cell {
        n.map_or(Cell::Text(String::new()), Cell::Number)
    }
}

/// Longest citizen's text in a register, in characters: enough for any complaint, while
/// a pasted document (or an attack) does not make every register that lists it huge.
pub const TEXT_KEPT: usize = 5_000;

/// Every register of the site.
pub fn registers(input: &RenderInput<'_>) -> Vec<OutputFile> {
    let judged = &input.judged;
    let mut files = Vec::new();
    for period in &input.report.periods {
        for dept in &period.departments {
            let members = super::group_members(judged, period, &dept.name);
            files.push(OutputFile {
                path: paths::register(period, &dept.slug),
                bytes: register(input, &members),
            });
        }
    }
    files
}

/// Every data issue, for the office to work through in a spreadsheet: kind, location,
/// field, the value (its start, masked like the pages) and what patuh made of it in the
/// site's language. `None` when there is no issue.
pub fn issues(input: &RenderInput<'_>) -> Option<OutputFile> {
    let ledger = input.ledger;
    if ledger.issues.is_empty() {
        return None;
    }
    let w = crate::words::words(input.presentation.lang);
    let masking = input.presentation.mask_personal_data;
    let mut rows: Vec<Vec<Cell>> = vec![[
        "kind", "file", "sheet", "row", "column", "header", "field", "value", "detail",
    ]
    .map(|h| Cell::Text(h.to_string()))
    .to_vec()];
    let shown = |text: Option<&str>| privacy::shown(text.unwrap_or_default(), masking).into_owned();
    for issue in &ledger.issues {
        let at = &issue.location;
        rows.push(vec![
            crate::words::key_of(&issue.kind).into(),
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
        ]);
    }
    Some(OutputFile {
        path: paths::ISSUES.to_string(),
        bytes: csv_bytes(&rows),
    })
}

/// A CSV file (UTF-8 with a byte-order mark, CRLF, as spreadsheet programs expect) of
/// `rows`, every text cell neutralised.
fn csv_bytes(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        let row: Vec<String> = row.iter().map(Cell::written).collect();
        writer.write_record(&row).expect("writing to memory");
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(writer.into_inner().expect("writing to memory"));
    bytes
}

fn register(input: &RenderInput<'_>, members: &[&Judged]) -> Vec<u8> {
    let model = &input.report.model;
    let zone = input.report.zone;
    let mut header: Vec<String> = ["id", "department", "channel", "kind", "admin"]
        .map(String::from)
        .to_vec();
    header.extend(Stamp::ALL.iter().map(|s| s.field().name().to_string()));
    for id in model.ids() {
        header.push(format!("{id}_status"));
        header.push(format!("{id}_seconds"));
        header.push(format!("{id}_date_only"));
    }
    header.extend(["text", "url"].map(String::from));
    let masking = input.presentation.mask_personal_data;
    let shown = |text: Option<&str>| privacy::shown(text.unwrap_or_default(), masking).into_owned();
    let mut rows: Vec<Vec<Cell>> = vec![header.into_iter().map(Cell::Text).collect()];
    for j in members {
        let item = &input.ledger.items[j.item];
        let mut row: Vec<Cell> = vec![
            shown(item.id.as_deref()).into(),
            shown(Some(&j.group.name)).into(),
            item.channel
                .map(|c| c.label().to_string())
                .unwrap_or_default()
                .into(),
            item.kind
                .map(|k| format!("{k:?}").to_lowercase())
                .unwrap_or_default()
                .into(),
            shown(item.admin.as_deref()).into(),
        ];
        row.extend(Stamp::ALL.iter().map(|s| {
            item.stamps
                .get(*s)
                .map(|t| {
                    t.with_timezone(&zone)
                        .format("%Y-%m-%d %H:%M:%S")
                        .to_string()
                })
                .unwrap_or_default()
                .into()
        }));
        for r in &j.steps {
            row.push(r.status.key().to_string().into());
            row.push(Cell::number(r.duration_s));
            // `yes` when the step was judged from a date without a time (read as midnight).
            row.push(Cell::Text(if r.date_only { "yes" } else { "" }.into()));
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
        rows.push(row);
    }
    csv_bytes(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
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
            assert_eq!(Cell::Text(cell.to_string()).written(), safe);
        }
        assert_eq!(Cell::Number(-600).written(), "-600");
        assert_eq!(Cell::number(None).written(), "");
    }
}
