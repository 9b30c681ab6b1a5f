//! The method page (`metode`), for a reader who is not a statistician: what each step and
//! each status means, who owns each step, how a percentage is computed (worked through
//! with the numbers of the latest week), what "Kondisi per" and "Perubahan" mean; then a
//! technical appendix with the fields and formulas, and the input files with their SHA-256.

use serde::Serialize;

use crate::config::AppliesTo;
use crate::render::format;
use crate::render::paths;

use super::{to_value, Common, Ctx, Page};
use crate::report::{PeriodKind, StepStats};

/// The method page.
pub(super) fn method_page(ctx: &Ctx<'_>) -> Page {
    #[derive(Serialize)]
    struct StepInfo {
        id: String,
        name: String,
        /// The role that owns the step, when known.
        owner: Option<String>,
        start: String,
        end: String,
        /// The start and end moments in plain words ("warga memposting aduan").
        start_words: String,
        end_words: String,
        limit: String,
        applies_to: String,
    }
    #[derive(Serialize)]
    struct Source {
        path: String,
        sha256: String,
    }
    let model = &ctx.input.report.model;
    let steps = model
        .steps
        .iter()
        .map(|s| StepInfo {
            id: s.id.clone(),
            name: s.name.clone(),
            owner: s.owner.clone(),
            start: s.start.field().name().to_string(),
            end: s.end.field().name().to_string(),
            start_words: moment_words(ctx, s.start.field().name()),
            end_words: moment_words(ctx, s.end.field().name()),
            limit: format::duration(ctx.lang, s.limit_s),
            applies_to: match s.applies_to {
                AppliesTo::All => ctx.t["applies_all"].clone(),
                AppliesTo::Forward => ctx.t["applies_forward"].clone(),
            },
        })
        .collect::<Vec<_>>();
    let mut common = ctx.common("", ctx.t["method"].clone(), String::new());
    common.up = Some(ctx.overview_link(""));
    #[derive(Serialize)]
    struct View<'a> {
        #[serde(flatten)]
        common: Common<'a>,
        steps: Vec<StepInfo>,
        zone: String,
        labels: &'a crate::config::Labels,
        /// `[departments] closed = true`: other names count in `labels.unlisted`.
        departments_closed: bool,
        sources: Vec<Source>,
        version: &'static str,
        masked: bool,
        /// The percentages of the latest week worked through.
        example: Option<Example>,
        /// The total's limit: every step's (a forwarded item), and the steps' that apply
        /// to all items (the others).
        total_forward: String,
        total_other: String,
    }
    let view = View {
        common,
        steps,
        zone: ctx.input.report.zone.name().to_string(),
        labels: &ctx.input.presentation.labels,
        departments_closed: ctx.input.presentation.departments_closed,
        sources: ctx
            .input
            .input_hashes
            .iter()
            .map(|(path, sha256)| Source {
                path: ctx.shown(path),
                sha256: sha256.clone(),
            })
            .collect(),
        version: env!("CARGO_PKG_VERSION"),
        masked: ctx.input.presentation.mask_personal_data,
        example: example(ctx),
        total_forward: format::duration(ctx.lang, model.steps.iter().map(|s| s.limit_s).sum()),
        total_other: format::duration(
            ctx.lang,
            model
                .steps
                .iter()
                .filter(|s| s.applies_to == AppliesTo::All)
                .map(|s| s.limit_s)
                .sum(),
        ),
    };
    Page {
        template: "method",
        path: paths::method(),
        context: to_value(view),
    }
}

/// A moment of the SOP (a timestamp field) in plain words, or its field name when the
/// words have none.
fn moment_words(ctx: &Ctx<'_>, field: &str) -> String {
    ctx.t
        .get(&format!("moment_{field}"))
        .cloned()
        .unwrap_or_else(|| field.to_string())
}

/// The latest week's percentages, worked through.
#[derive(Serialize)]
struct Example {
    /// The week's title (`Pekan ke-47 (16–22 November 2026)`).
    period: String,
    /// One line per step, then the total.
    steps: Vec<ExampleStep>,
    /// The first step whose percentage can be compared with the week before.
    change: Option<ExampleChange>,
}

/// One step of the worked example: `146 tepat waktu dari 165 yang terukur = 88,5%`.
#[derive(Serialize)]
struct ExampleStep {
    name: String,
    met: String,
    breached: String,
    /// On time plus late: the items whose step was judged.
    measured: String,
    /// Whether any item was judged (else there is no percentage).
    any: bool,
    compliance: String,
    /// What was left out of the percentage, e.g. `2 dalam proses, 1 tidak berlaku`.
    left_out: String,
}

/// A change worked through: `80,0% → 100,0%: +20,0 poin`.
#[derive(Serialize)]
struct ExampleChange {
    name: String,
    previous_period: String,
    before: String,
    after: String,
    change: String,
}

/// The worked example of the latest week, when there is one.
fn example(ctx: &Ctx<'_>) -> Option<Example> {
    let weeks: Vec<_> = ctx
        .input
        .report
        .periods
        .iter()
        .filter(|p| p.kind == PeriodKind::Week)
        .collect();
    let (latest, before) = match weeks.as_slice() {
        [] => return None,
        [.., before, latest] => (*latest, Some(*before)),
        [latest] => (*latest, None),
    };
    let lower = |key: &str| ctx.t[key].to_lowercase();
    let steps = latest
        .total
        .steps
        .iter()
        .enumerate()
        .map(|(i, (_, s))| {
            let left_out: Vec<String> = [
                (s.pending, "pending"),
                (s.invalid, "invalid"),
                (s.unmeasurable, "unmeasurable"),
                (s.not_applicable, "not_applicable"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, key)| format!("{} {}", ctx.int(*n), lower(key)))
            .collect();
            ExampleStep {
                name: ctx.step_names[i].clone(),
                met: ctx.int(s.met),
                breached: ctx.int(s.breached),
                measured: ctx.int(s.met + s.breached),
                any: s.met + s.breached > 0,
                compliance: compliance(ctx, s),
                left_out: left_out.join(", "),
            }
        })
        .collect();
    let change = before.and_then(|before| {
        latest
            .total
            .steps
            .iter()
            .zip(&before.total.steps)
            .enumerate()
            .find_map(|(i, ((_, now), (_, then)))| {
                let now_t = format::percent_tenths(now.met, now.met + now.breached)?;
                let then_t = format::percent_tenths(then.met, then.met + then.breached)?;
                let d = now_t as i64 - then_t as i64;
                let sign = match d.signum() {
                    1 => "+",
                    -1 => "−",
                    _ => "±",
                };
                let sep = match ctx.lang {
                    format::Lang::Id => ",",
                    format::Lang::En => ".",
                };
                Some(ExampleChange {
                    name: ctx.step_names[i].clone(),
                    previous_period: ctx.period_title(before),
                    before: compliance(ctx, then),
                    after: compliance(ctx, now),
                    change: format!(
                        "{sign}{}{sep}{} {}",
                        d.abs() / 10,
                        d.abs() % 10,
                        ctx.t["points"]
                    ),
                })
            })
    });
    Some(Example {
        period: ctx.period_title(latest),
        steps,
        change,
    })
}

fn compliance(ctx: &Ctx<'_>, s: &StepStats) -> String {
    format::percent(ctx.lang, s.met, s.met + s.breached)
}
