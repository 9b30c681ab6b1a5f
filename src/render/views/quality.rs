//! The data-quality page (`kualitas-data`): what was read from each file and sheet,
//! what was skipped, and the data issues by kind.

use serde::Serialize;

use crate::ingest::SheetOutcome;
use crate::issues::{DataIssue, IssueKind};
use crate::privacy;
use crate::render::paths;
use crate::words::key_of;

use super::{to_value, Common, Ctx, Link, Page, Target};

/// Issues of one kind listed on the data-quality page; all are in its download.
const ISSUES_SHOWN_PER_KIND: usize = 200;

/// The data-quality page.
pub(super) fn quality_page(ctx: &Ctx<'_>) -> Page {
    let ledger = ctx.input.ledger;
    #[derive(Serialize)]
    struct FileRow {
        file: String,
        sheet: String,
        header_row: String,
        rows: String,
        included: String,
        duplicates: String,
        rejected: String,
        blank: String,
        totals: String,
        /// Header cells that name no field, with the known header each resembles.
        unmapped: String,
        skipped: Option<String>,
    }
    #[derive(Serialize)]
    struct IssueGroup {
        title: String,
        advice: String,
        count: String,
        issues: Vec<IssueRow>,
        /// How many more are in the download, in words; empty when all are shown.
        more: String,
    }
    #[derive(Serialize)]
    struct IssueRow {
        location: String,
        value: String,
        detail: String,
    }
    let mut files = Vec::new();
    for f in &ledger.files {
        for s in &f.sheets {
            let sheet = s
                .name
                .as_deref()
                .map(|n| ctx.shown(n))
                .unwrap_or_else(|| "–".into());
            match &s.outcome {
                SheetOutcome::Read(t) => files.push(FileRow {
                    file: ctx.shown(&f.file),
                    sheet,
                    header_row: if t.header_rows == 2 {
                        format!("{}–{}", t.header_row, t.header_row + 1)
                    } else {
                        t.header_row.to_string()
                    },
                    rows: ctx.int(u64::from(t.rows)),
                    included: ctx.int(u64::from(t.included)),
                    duplicates: ctx.int(u64::from(t.duplicates)),
                    rejected: ctx.int(u64::from(t.rejected)),
                    blank: ctx.int(u64::from(t.blank)),
                    totals: ctx.int(u64::from(t.totals)),
                    unmapped: ctx.shown(&crate::check::unmapped_list(t, ctx.t)),
                    skipped: None,
                }),
                SheetOutcome::Skipped(reason) => files.push(FileRow {
                    file: ctx.shown(&f.file),
                    sheet,
                    header_row: "–".into(),
                    rows: "–".into(),
                    included: "–".into(),
                    duplicates: "–".into(),
                    rejected: "–".into(),
                    blank: "–".into(),
                    totals: "–".into(),
                    unmapped: String::new(),
                    skipped: Some(reason.say(ctx.t, &f.file)),
                }),
            }
        }
    }
    let skipped: Vec<Link> = ledger
        .discovery
        .skipped
        .iter()
        .map(|s| Link {
            to: Target::default(),
            label: format!(
                "{}: {}",
                ctx.shown(&s.relative),
                ctx.t[&format!("skip_{}", key_of(&s.reason))]
            ),
        })
        .collect();
    let groups: Vec<IssueGroup> = IssueKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let of_kind: Vec<&DataIssue> =
                ledger.issues.iter().filter(|i| i.kind == kind).collect();
            let count = of_kind.len();
            let issues: Vec<IssueRow> = of_kind
                .into_iter()
                .take(ISSUES_SHOWN_PER_KIND)
                .map(|i| IssueRow {
                    location: privacy::issue_location(
                        i,
                        ctx.t,
                        ctx.input.presentation.mask_personal_data,
                    ),
                    value: privacy::issue_value(i, ctx.input.presentation.mask_personal_data),
                    detail: privacy::issue_detail(
                        i,
                        ctx.t,
                        ctx.input.presentation.mask_personal_data,
                    ),
                })
                .collect();
            let more = count - issues.len();
            (!issues.is_empty()).then(|| IssueGroup {
                title: ctx.t[&format!("issue_{}", key_of(&kind))].clone(),
                advice: ctx.t[&format!("advice_{}", key_of(&kind))].clone(),
                count: ctx.int(count as u64),
                issues,
                more: if more > 0 {
                    crate::words::fill(&ctx.t["issues_more"], &[("n", &ctx.int(more as u64))])
                } else {
                    String::new()
                },
            })
        })
        .collect();
    let mut common = ctx.common("", ctx.t["data_quality"].clone(), String::new());
    common.up = Some(ctx.overview_link(""));
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        read: String,
        included: String,
        duplicates: String,
        rejected: String,
        blank: String,
        totals: String,
        files: Vec<FileRow>,
        skipped: Vec<Link>,
        groups: Vec<IssueGroup>,
        /// The download of every issue (beside this page), when there is one.
        issues_csv: Option<&'static str>,
    }
    let r = ledger.rows;
    let view = View {
        common,
        read: ctx.int(r.read),
        included: ctx.int(r.included),
        duplicates: ctx.int(r.duplicates),
        rejected: ctx.int(r.rejected),
        blank: ctx.int(ledger.blank_rows),
        totals: ctx.int(ledger.totals_rows),
        files,
        skipped,
        issues_csv: (!ledger.issues.is_empty()).then_some(paths::ISSUES),
        groups,
    };
    Page {
        template: "quality",
        path: paths::quality(),
        context: to_value(view),
    }
}
