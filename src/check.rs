//! `patuh check`: what was read, what was skipped, the row ledger and the data issues,
//! for a person (text) or a program (JSON).
//!
//! Pure rendering of a [`Ledger`]; the caller prints.

use std::fmt::Write as _;

use serde::Serialize;

use crate::discover::Format;
use crate::ingest::{Ledger, SheetOutcome, TableSummary};
use crate::issues::{DataIssue, IssueKind};
use crate::timestamp::DateOrder;
use crate::words::{fill, key_of, shorten, words, Lang, Words};

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
    /// The moment the steps were judged at (RFC 3339), when there was one.
    pub as_of: Option<String>,
    /// What the configuration still lacks ([`config_warnings`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<ConfigWarning>,
}

/// A key of `patuh.toml` that is valid but not ready for the printed record: a signer's
/// name or NIP that is empty or looks like a placeholder (`...`, `NAMA`, `xxx`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigWarning {
    /// The key to fill in (`record.prepared_by.name`).
    pub key: String,
    /// Its value as written.
    pub value: String,
    /// The warning in English (the JSON report's language).
    pub message: String,
}

/// The signers' names and NIPs of the printed record that are empty or look like
/// placeholders: `[record]`'s `prepared_by` and `approved_by`, or `[signature]` when
/// `[record]` names no signer (the pages then sign with it).
pub fn config_warnings(config: &crate::config::Config) -> Vec<ConfigWarning> {
    let mut fields: Vec<(String, &str, bool)> = Vec::new();
    let signers = config.record.as_ref().map(|r| {
        [
            ("prepared_by", &r.prepared_by),
            ("approved_by", &r.approved_by),
        ]
        .into_iter()
        .filter_map(|(key, s)| s.as_ref().map(|s| (key, s)))
        .collect::<Vec<_>>()
    });
    match signers {
        Some(signers) if !signers.is_empty() => {
            for (key, s) in signers {
                fields.push((format!("record.{key}.name"), &s.name, false));
                fields.push((format!("record.{key}.nip"), &s.nip, true));
            }
        }
        _ => {
            if let Some(s) = &config.signature {
                fields.push(("signature.name".into(), &s.name, false));
                fields.push(("signature.nip".into(), &s.nip, true));
            }
        }
    }
    fields
        .into_iter()
        .filter(|(_, value, nip)| looks_like_placeholder(value, *nip))
        .map(|(key, value, nip)| ConfigWarning {
            message: warning_line(&key, value, nip, words(Lang::En)),
            key,
            value: value.to_string(),
        })
        .collect()
}

/// Whether a signer's name (or NIP, `nip`) is empty or looks like a placeholder left to
/// fill in: only dots, dashes or underscores (`...`, `…`, `-`), `xxx`, a word such as
/// `NAMA`, `Nama Pejabat` or `NIP`, text in brackets (`(nama pejabat)`); a NIP without
/// digits or with `x` in it (`1980xxxx`).
pub fn looks_like_placeholder(value: &str, nip: bool) -> bool {
    let v = value.trim();
    let lower = v.to_lowercase();
    let bracketed = [('(', ')'), ('[', ']'), ('<', '>'), ('{', '}')]
        .iter()
        .any(|&(open, close)| v.starts_with(open) && v.ends_with(close));
    let no_letters_or_digits = !v.chars().any(char::is_alphanumeric);
    let first_word = lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let common = v.is_empty()
        || bracketed
        || no_letters_or_digits
        || v.contains("...")
        || v.contains('…')
        || lower.contains("xxx")
        || ["nama", "name", "nip", "tbd", "todo", "isi"].contains(&first_word);
    if nip {
        common || !v.chars().any(|c| c.is_ascii_digit()) || lower.contains('x')
    } else {
        common
    }
}

/// The warning on one key, in the language of `w`.
fn warning_line(key: &str, value: &str, nip: bool, w: &Words) -> String {
    let what = if nip {
        &w["warn_signer_nip"]
    } else {
        &w["warn_signer_name"]
    };
    fill(
        &w["warn_placeholder"],
        &[
            ("key", key),
            ("value", &format!("{value:?}")),
            ("what", what),
        ],
    )
}

/// The configuration warnings as lines for a terminal, in `lang` (empty when there are
/// none): `patuh build` prints them after its summary, `patuh check` at its end.
pub fn warnings_text(warnings: &[ConfigWarning], lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    for warning in warnings {
        let nip = warning.key.ends_with(".nip");
        let _ = writeln!(
            out,
            "{}",
            warning_line(&warning.key, &warning.value, nip, w)
        );
    }
    printable(&out).into_owned()
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
    issues: Vec<JsonIssue<'a>>,
}

/// A data issue in the JSON report: its data, and what patuh made of it in English.
#[derive(Serialize)]
struct JsonIssue<'a> {
    #[serde(flatten)]
    issue: &'a DataIssue,
    detail: String,
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
        issues: ledger
            .issues
            .iter()
            .map(|issue| JsonIssue {
                issue,
                detail: issue.detail(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).expect("the report serialises");
    text.push('\n');
    text
}

/// The report as text for a person, in `lang`: the first issues of each kind, then a count.
pub fn render_text(ledger: &Ledger, run: &RunInfo, lang: Lang) -> String {
    let w = words(lang);
    let say = |key: &str, values: &[(&str, &str)]| fill(&w[key], values);
    let n = |v: u64| v.to_string();
    let mut out = String::new();
    let config = run
        .config
        .clone()
        .unwrap_or_else(|| w["check_defaults"].clone());
    let _ = writeln!(
        out,
        "{}",
        say(
            "check_title",
            &[("data", &run.data_dir), ("config", &config)]
        )
    );
    let as_of = run
        .as_of
        .as_ref()
        .map(|at| say("check_as_of", &[("as_of", at)]))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}{as_of}",
        say(
            "check_zone",
            &[("zone", &run.timezone), ("order", &run.date_order)]
        )
    );

    let _ = writeln!(
        out,
        "\n{}",
        say("check_files_read", &[("n", &n(ledger.files.len() as u64))])
    );
    if ledger.files.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            say("check_no_files", &[("data", &run.data_dir)])
        );
    }
    for file in &ledger.files {
        let format = match (file.format, &file.delimited) {
            (Format::Delimited, Some(info)) => {
                let delimiter = match info.delimiter {
                    '\t' => w["check_tab"].clone(),
                    other => format!("'{other}'"),
                };
                say(
                    "check_text_format",
                    &[
                        ("encoding", &key_of(&info.encoding)),
                        ("delimiter", &delimiter),
                    ],
                )
            }
            (Format::Delimited, None) => w["check_text"].clone(),
            (format, _) => key_of(&format),
        };
        let _ = writeln!(out, "  {} ({format})", file.file);
        for sheet in &file.sheets {
            let name = match &sheet.name {
                Some(name) => say("check_sheet", &[("name", name)]),
                None => String::new(),
            };
            match &sheet.outcome {
                SheetOutcome::Read(t) => {
                    let _ = writeln!(out, "    {name}{}", describe_table(t, w));
                    let columns: Vec<String> = t
                        .columns
                        .iter()
                        .map(|c| format!("{}={} ({})", c.field.name(), c.column, c.header))
                        .collect();
                    let _ = writeln!(
                        out,
                        "      {}",
                        say("check_columns", &[("columns", &columns.join(", "))])
                    );
                    if !t.unmapped.is_empty() {
                        let _ = writeln!(
                            out,
                            "      {}",
                            say("check_unmapped", &[("columns", &unmapped_list(t, w))])
                        );
                    }
                    if !t.date_only.is_empty() {
                        let names: Vec<&str> =
                            t.date_only.iter().map(|s| s.field().name()).collect();
                        let _ = writeln!(
                            out,
                            "      {}",
                            say("check_dates_only", &[("fields", &names.join(", "))])
                        );
                    }
                    for o in &t.orders {
                        let order = w[match o.order {
                            DateOrder::DayFirst => "order_day_first",
                            DateOrder::MonthFirst => "order_month_first",
                        }]
                        .clone();
                        let _ = writeln!(
                            out,
                            "      {}",
                            say(
                                "check_order",
                                &[
                                    ("field", o.field.field().name()),
                                    ("order", &order),
                                    ("day", &n(u64::from(o.day_first_values))),
                                    ("month", &n(u64::from(o.month_first_values))),
                                ]
                            )
                        );
                    }
                }
                SheetOutcome::Skipped(reason) => {
                    let reason = &reason.say(w, &file.file);
                    let _ = writeln!(
                        out,
                        "    {name}{}",
                        say("check_skipped", &[("reason", reason)])
                    );
                }
            }
        }
    }

    if !ledger.discovery.skipped.is_empty() {
        let count = n(ledger.discovery.skipped.len() as u64);
        let _ = writeln!(out, "\n{}", say("check_files_not_read", &[("n", &count)]));
        for s in &ledger.discovery.skipped {
            let _ = writeln!(
                out,
                "  {}: {}",
                s.relative,
                w[&format!("skip_{}", key_of(&s.reason))]
            );
        }
    }

    let r = ledger.rows;
    let _ = writeln!(out, "\n{}", w["row_ledger"]);
    let _ = writeln!(
        out,
        "  {}",
        say(
            "check_ledger",
            &[
                ("read", &n(r.read)),
                ("included", &n(r.included)),
                ("duplicates", &n(r.duplicates)),
                ("rejected", &n(r.rejected)),
            ]
        )
    );
    let _ = writeln!(
        out,
        "  {}",
        say(
            "check_outside",
            &[
                ("blank", &n(ledger.blank_rows)),
                ("totals", &n(ledger.totals_rows))
            ]
        )
    );
    let _ = writeln!(
        out,
        "  {}",
        say("check_items", &[("n", &n(ledger.items.len() as u64))])
    );

    let _ = writeln!(
        out,
        "\n{}",
        say("check_issues", &[("n", &n(ledger.issues.len() as u64))])
    );
    if ledger.issues.is_empty() {
        let _ = writeln!(out, "  {}", w["check_none"]);
    }
    for kind in IssueKind::ALL {
        let of_kind: Vec<&DataIssue> = ledger.issues.iter().filter(|i| i.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let k = key_of(&kind);
        let _ = writeln!(
            out,
            "  {} ({}): {}",
            w[&format!("issue_{k}")],
            of_kind.len(),
            w[&format!("advice_{k}")]
        );
        for issue in of_kind.iter().take(ISSUES_SHOWN_PER_KIND) {
            let _ = writeln!(out, "    {}", describe_issue(issue, w));
        }
        if of_kind.len() > ISSUES_SHOWN_PER_KIND {
            let more = n((of_kind.len() - ISSUES_SHOWN_PER_KIND) as u64);
            let _ = writeln!(out, "    {}", say("check_more", &[("n", &more)]));
        }
    }
    let _ = writeln!(out, "\n{}", what_to_fix(ledger, w));
    if !run.warnings.is_empty() {
        out.push('\n');
        out.push_str(&warnings_text(&run.warnings, lang));
    }
    printable(&out).into_owned()
}

/// What `patuh build` says when it has written the site, in `lang`: the configuration
/// used, the row ledger, every file and sheet not read with its reason, the count of data
/// issues of each kind, and where to look for the details.
pub fn build_summary(
    ledger: &Ledger,
    config: Option<&str>,
    written: usize,
    out_dir: &str,
    lang: Lang,
) -> String {
    let w = words(lang);
    let say = |key: &str, values: &[(&str, &str)]| fill(&w[key], values);
    let n = |v: u64| v.to_string();
    let mut out = String::new();
    let config = config.map_or_else(|| w["check_defaults"].clone(), str::to_string);
    let _ = writeln!(out, "{}", say("build_config", &[("config", &config)]));
    let r = ledger.rows;
    let _ = writeln!(
        out,
        "{}",
        say(
            "build_written",
            &[
                ("items", &n(ledger.items.len() as u64)),
                ("exports", &n(ledger.files.len() as u64)),
                ("read", &n(r.read)),
                ("included", &n(r.included)),
                ("duplicates", &n(r.duplicates)),
                ("rejected", &n(r.rejected)),
                ("files", &n(written as u64)),
                ("out", out_dir),
            ]
        )
    );
    let skipped_sheets: Vec<String> = ledger
        .files
        .iter()
        .flat_map(|file| {
            file.sheets
                .iter()
                .filter_map(move |sheet| match &sheet.outcome {
                    SheetOutcome::Skipped(reason) => {
                        let name = sheet
                            .name
                            .as_ref()
                            .map(|name| format!(", {} {name:?}", w["loc_sheet"]))
                            .unwrap_or_default();
                        Some(format!(
                            "{}{name}: {}",
                            file.file,
                            w[&format!("sheet_{}", key_of(reason))]
                        ))
                    }
                    SheetOutcome::Read(_) => None,
                })
        })
        .collect();
    let skipped_files = ledger.discovery.skipped.iter().map(|s| {
        format!(
            "{}: {}",
            s.relative,
            w[&format!("skip_{}", key_of(&s.reason))]
        )
    });
    let not_read: Vec<String> = skipped_files.chain(skipped_sheets).collect();
    if !not_read.is_empty() {
        let count = n(not_read.len() as u64);
        let _ = writeln!(out, "{}", say("build_not_read", &[("n", &count)]));
        for line in &not_read {
            let _ = writeln!(out, "  {line}");
        }
    }
    if !ledger.issues.is_empty() {
        let count = n(ledger.issues.len() as u64);
        let _ = writeln!(out, "{}", say("check_issues", &[("n", &count)]));
        for kind in IssueKind::ALL {
            let of_kind = ledger.issues.iter().filter(|i| i.kind == kind).count();
            if of_kind > 0 {
                let title = &w[&format!("issue_{}", key_of(&kind))];
                let _ = writeln!(out, "  {title}: {of_kind}");
            }
        }
    }
    if !not_read.is_empty() || !ledger.issues.is_empty() {
        let _ = writeln!(out, "{}", w["build_details"]);
    }
    printable(&out).into_owned()
}

/// After a build, the periods whose numbers differ from the site it replaced, on one line
/// (`Angka berubah dibanding situs sebelumnya: 2026-W47, 2026-11 (kalender kerja diubah)`),
/// naming the working-time calendar as the likely cause when it changed; nothing when no
/// period changed or there was no previous site.
pub fn changes_text(since_last: Option<&crate::report::SinceLast>, lang: Lang) -> String {
    use crate::report::Change;
    let Some(since) = since_last.filter(|s| !s.periods.is_empty()) else {
        return String::new();
    };
    let w = words(lang);
    let periods: Vec<String> = since
        .periods
        .iter()
        .map(|p| match p.change {
            Change::Changed => p.label.clone(),
            Change::Added => fill(&w["changed_period_added"], &[("label", &p.label)]),
            Change::Removed => fill(&w["changed_period_removed"], &[("label", &p.label)]),
        })
        .collect();
    let key = if since.calendar_changed {
        "changed_since_previous_calendar"
    } else {
        "changed_since_previous"
    };
    let line = fill(&w[key], &[("periods", &periods.join(", "))]);
    printable(&format!("{line}\n")).into_owned()
}

/// `patuh check --suggest-aliases`: the `[departments]` table of `config` with every name
/// reported as close to another ([`IssueKind::SimilarDepartment`]) added as an alias of
/// that name, ready to replace the table in `patuh.toml`. A name suggested as an alias of a
/// name that is itself suggested as an alias goes to the end of the chain, so that every
/// spelling still belongs to one department.
pub fn suggest_aliases(ledger: &Ledger, config: &crate::config::Config) -> String {
    use crate::issues::Reason;
    use std::collections::BTreeMap;
    let suggested: BTreeMap<&str, &str> = ledger
        .issues
        .iter()
        .filter_map(|issue| match (&issue.reason, &issue.value) {
            (Reason::SimilarDepartment { similar, .. }, Some(name)) => {
                Some((name.as_str(), similar.as_str()))
            }
            _ => None,
        })
        .collect();
    let mut departments = config.departments.clone();
    for (&alias, &target) in &suggested {
        let mut target = target;
        // Each step goes to a configured name or one with more items: no cycle, but stop
        // after as many steps as there are names all the same.
        for _ in 0..suggested.len() {
            match suggested.get(target) {
                Some(next) => target = next,
                None => break,
            }
        }
        let key = crate::ingest::normalize::department_key(target);
        let canonical = departments
            .keys()
            .find(|name| crate::ingest::normalize::department_key(name) == key)
            .cloned()
            .unwrap_or_else(|| target.to_string());
        departments
            .entry(canonical)
            .or_default()
            .push(alias.to_string());
    }
    #[derive(Serialize)]
    struct Table {
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        closed: bool,
        #[serde(flatten)]
        names: BTreeMap<String, Vec<String>>,
    }
    #[derive(Serialize)]
    struct File {
        departments: Table,
    }
    let file = File {
        departments: Table {
            closed: config.departments_closed,
            names: departments,
        },
    };
    toml::to_string(&file).expect("names and lists serialise as TOML")
}

/// Text made safe for a terminal: control characters (except line breaks and tabs) and
/// direction controls, which a file name or a cell can carry and which a terminal would
/// obey (colours, clearing the screen, the window title), are shown as `\u{1b}`.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| c == '\r' || crate::text::is_hidden_control(c);
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn describe_table(t: &TableSummary, w: &Words) -> String {
    let say = |key: &str, values: &[(&str, &str)]| fill(&w[key], values);
    let header = if t.header_rows == 2 {
        say(
            "check_header_rows",
            &[
                ("row", &t.header_row.to_string()),
                ("next", &(t.header_row + 1).to_string()),
            ],
        )
    } else {
        say("check_header_row", &[("row", &t.header_row.to_string())])
    };
    let mut text = say(
        "check_rows",
        &[
            ("header", &header),
            ("rows", &t.rows.to_string()),
            ("items", &t.included.to_string()),
            ("duplicates", &t.duplicates.to_string()),
            ("rejected", &t.rejected.to_string()),
        ],
    );
    if t.blank > 0 || t.totals > 0 {
        text.push_str(&say(
            "check_blank_totals",
            &[
                ("blank", &t.blank.to_string()),
                ("totals", &t.totals.to_string()),
            ],
        ));
    }
    text
}

/// The header cells of a table that name no field: `G (Waktu Dispossi, mungkin Waktu
/// Disposisi), O (Catatan)`.
pub fn unmapped_list(t: &TableSummary, w: &Words) -> String {
    t.unmapped
        .iter()
        .map(|u| match &u.likely {
            Some(likely) => format!(
                "{} ({}, {})",
                u.column,
                u.header,
                fill(&w["unmapped_likely"], &[("alias", &likely.alias)])
            ),
            None => format!("{} ({})", u.column, u.header),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One issue on one line, in the language of `w`: location, value, what patuh made of it.
pub fn describe_issue(issue: &DataIssue, w: &Words) -> String {
    let mut line = issue.location.describe(w);
    if let Some(value) = &issue.value {
        let _ = write!(line, ": {:?}", shorten(value, 60));
    }
    let other = issue
        .other
        .as_ref()
        .map(|o| o.location.describe(w))
        .unwrap_or_default();
    let _ = write!(line, " - {}", issue.describe(w, &other));
    line
}

/// The one line on what to fix first.
fn what_to_fix(ledger: &Ledger, w: &Words) -> String {
    if ledger.issues.is_empty() {
        let key = if ledger.rows.read == 0 {
            "check_nothing_read"
        } else {
            "check_clean"
        };
        return w[key].clone();
    }
    let present: Vec<IssueKind> = IssueKind::ALL
        .into_iter()
        .filter(|k| ledger.issues.iter().any(|i| i.kind == *k))
        .collect();
    let first = present[0];
    let count = ledger.issues.iter().filter(|i| i.kind == first).count();
    let k = key_of(&first);
    fill(
        &w["check_to_fix"],
        &[
            ("n", &ledger.issues.len().to_string()),
            ("kinds", &present.len().to_string()),
            ("count", &count.to_string()),
            ("title", &w[&format!("issue_{k}")]),
            ("advice", w[&format!("advice_{k}")].trim_end_matches('.')),
        ],
    )
}

#[cfg(test)]
mod tests {
    use crate::words::{words, Lang};

    #[test]
    fn changes_are_one_line_naming_new_and_gone_periods() {
        use crate::report::{Change, PeriodChange, SinceLast};
        let change = |label: &str, change| PeriodChange {
            label: label.into(),
            change,
        };
        let mut since = SinceLast {
            periods: vec![
                change("2026-W47", Change::Changed),
                change("2026-W49", Change::Added),
                change("2026-W40", Change::Removed),
            ],
            calendar_changed: false,
        };
        assert_eq!(
            super::changes_text(Some(&since), Lang::Id),
            "Angka berubah dibanding situs sebelumnya: 2026-W47, 2026-W49 (baru), 2026-W40 \
             (tidak ada lagi)\n"
        );
        since.calendar_changed = true;
        assert_eq!(
            super::changes_text(Some(&since), Lang::En),
            "Numbers changed since the previous site: 2026-W47, 2026-W49 (new), 2026-W40 (no \
             longer in the site) (working-time calendar changed)\n"
        );
        // Nothing changed, or nothing to compare with: nothing said.
        since.periods.clear();
        assert_eq!(super::changes_text(Some(&since), Lang::Id), "");
        assert_eq!(super::changes_text(None, Lang::En), "");
    }

    #[test]
    fn every_issue_kind_and_skip_reason_has_words() {
        use crate::discover::SkipReason;
        use crate::ingest::SheetSkipReason;
        use crate::issues::IssueKind;
        let key = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for lang in [Lang::Id, Lang::En] {
            let w = words(lang);
            for kind in IssueKind::ALL {
                let k = key(serde_json::to_value(kind).unwrap());
                assert!(w.contains_key(&format!("issue_{k}")), "issue_{k}");
                assert!(w.contains_key(&format!("advice_{k}")), "advice_{k}");
            }
            for r in [
                SkipReason::Excluded,
                SkipReason::LockFile,
                SkipReason::NotAnExport,
                SkipReason::Commentary,
                SkipReason::NotARegularFile,
                SkipReason::PatuhSite,
            ] {
                let k = key(serde_json::to_value(r).unwrap());
                assert!(w.contains_key(&format!("skip_{k}")), "skip_{k}");
            }
            for r in [
                SheetSkipReason::Hidden,
                SheetSkipReason::NotAWorksheet,
                SheetSkipReason::Empty,
                SheetSkipReason::NoHeader,
                SheetSkipReason::WorkbookNamedAsText,
                SheetSkipReason::NotText,
                SheetSkipReason::PasswordProtected,
                SheetSkipReason::TextNamedAsWorkbook,
            ] {
                let k = key(serde_json::to_value(r).unwrap());
                assert!(w.contains_key(&format!("sheet_{k}")), "sheet_{k}");
            }
        }
    }

    #[test]
    fn placeholders_are_told_from_names_and_nips() {
        use super::looks_like_placeholder as placeholder;
        for name in [
            "",
            " ",
            "...",
            "…",
            "-",
            "—",
            "___",
            "xxx",
            "XXX",
            "NAMA",
            "Nama",
            "nama pejabat",
            "Name",
            "NIP",
            "(nama Kepala Dinas)",
            "[Nama]",
            "<name>",
            "Drs. ...",
            "TODO",
        ] {
            assert!(placeholder(name, false), "{name:?}");
        }
        for name in [
            "Budi Santoso",
            "Drs. H. Ani Lestari, M.Si.",
            "Namira Putri",
            "Xena",
        ] {
            assert!(!placeholder(name, false), "{name:?}");
        }
        for nip in [
            "",
            "NIP",
            "-",
            "1980xxxx",
            "19800101 XXXXXX",
            "(NIP pejabat)",
            "...",
        ] {
            assert!(placeholder(nip, true), "{nip:?}");
        }
        for nip in ["19800101 200501 2 001", "198001012005012001"] {
            assert!(!placeholder(nip, true), "{nip:?}");
        }
    }

    use super::printable;

    #[test]
    fn control_characters_are_shown_as_escapes() {
        assert_eq!(printable("Dinas Sosial\n\tx"), "Dinas Sosial\n\tx");
        assert_eq!(
            printable("a\u{1b}[2Jb\rc\u{7}d\u{202e}e\u{0}f\u{9b}"),
            "a\\u{1b}[2Jb\\u{d}c\\u{7}d\\u{202e}e\\u{0}f\\u{9b}"
        );
    }
}
