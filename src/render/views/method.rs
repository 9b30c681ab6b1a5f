//! The method page (`metode`): the steps and their limits, the time zone, the labels
//! and the input files with their SHA-256.

use serde::Serialize;

use crate::config::AppliesTo;
use crate::render::format;
use crate::render::paths;

use super::{to_value, Common, Ctx, Page};

/// The method page.
pub(super) fn method_page(ctx: &Ctx<'_>) -> Page {
    #[derive(Serialize)]
    struct StepInfo {
        id: String,
        name: String,
        start: String,
        end: String,
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
            start: s.start.field().name().to_string(),
            end: s.end.field().name().to_string(),
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
    };
    Page {
        template: "method",
        path: paths::method(),
        context: to_value(view),
    }
}
