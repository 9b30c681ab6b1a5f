//! The printed record (issue 12): the letterhead, the document number and the signature
//! blocks of period and department pages, from `[record]` (else the older `[signature]`).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::config::{Record, Signature, Signer};
use crate::report::{PeriodKind, PeriodReport};

use super::Ctx;

/// What `record_head.*` and `record_sign.*` show.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct RecordView {
    /// The letterhead, when `[record]` is configured.
    letterhead: Option<Letterhead>,
    /// The place and date line above the signatures (`Bekasi, 22 November 2026`).
    place_date: String,
    /// The signature blocks, in the order they stand on the page (empty: none).
    signers: Vec<SignerView>,
}

/// The head of the printed record.
#[derive(Serialize, Debug, PartialEq, Eq)]
struct Letterhead {
    /// The office's full name.
    office: String,
    /// Its address, when configured.
    address: Option<String>,
    /// The logo's path from the page (`../../assets/logo.png`), when configured.
    logo: Option<String>,
    /// The report's title.
    title: String,
    /// The document number, when configured, with its placeholders filled.
    number: Option<String>,
    /// The office's name as a CSS string, for the header of every printed page.
    office_css: String,
}

/// One signature block.
#[derive(Serialize, Debug, PartialEq, Eq)]
struct SignerView {
    /// `Dibuat oleh,` or `Mengetahui,`.
    heading: String,
    /// The office held.
    role: String,
    /// The name (empty: a line to write it on).
    name: String,
    /// The NIP (may be empty).
    nip: String,
    /// Whether the place and date line stands above this block.
    dated: bool,
}

/// A `[record] number` pattern with its placeholders filled for `period`: `{period}` its
/// label (`2026-W47`, `2026-11`), `{year}` its year (a week's ISO year), `{month}` its
/// month in two digits (a week's: the month of its Thursday), `{week}` its ISO week in two
/// digits (empty for a month).
pub(crate) fn document_number(
    pattern: &str,
    kind: PeriodKind,
    label: &str,
    start: NaiveDate,
) -> String {
    let thursday = start + chrono::Duration::days(3);
    let (year, month, week) = match kind {
        PeriodKind::Week => (
            start.iso_week().year(),
            thursday.month(),
            format!("{:02}", start.iso_week().week()),
        ),
        PeriodKind::Month => (start.year(), start.month(), String::new()),
    };
    crate::words::fill(
        pattern,
        &[
            ("period", label),
            ("year", &year.to_string()),
            ("month", &format!("{month:02}")),
            ("week", &week),
        ],
    )
}

impl Ctx<'_> {
    /// The printed record of a period or department page `root` below the site's root;
    /// `None` when neither `[record]` nor `[signature]` is configured.
    pub(super) fn record(
        &self,
        period: &PeriodReport,
        root: &str,
        at: super::PageAsOf,
    ) -> Option<RecordView> {
        let presentation = &self.input.presentation;
        let record = presentation.record.as_ref();
        let signature = self.signature();
        if record.is_none() && signature.is_none() {
            return None;
        }
        let letterhead = record.map(|r| {
            let office = r
                .office
                .clone()
                .filter(|o| !o.trim().is_empty())
                .unwrap_or_else(|| presentation.office.clone());
            Letterhead {
                office_css: super::css::css_string(&office),
                office,
                address: r.address.clone().filter(|a| !a.trim().is_empty()),
                logo: presentation.logo.as_ref().map(|l| format!("{root}{l}")),
                title: self.t["record_title"].clone(),
                number: r
                    .number
                    .as_ref()
                    .map(|n| document_number(n, period.kind, &period.label, period.start)),
            }
        });
        let signers = signers(record, signature, self.t);
        let date = crate::render::format::date_only(self.lang, at.day(self.input.report, period));
        let place = signature.map(|s| s.place.trim()).unwrap_or("");
        let place_date = if place.is_empty() {
            date
        } else {
            format!("{place}, {date}")
        };
        Some(RecordView {
            letterhead,
            place_date,
            signers,
        })
    }
}

/// The signature blocks: `[record]`'s "Mengetahui" (approved_by) on the left and "Dibuat
/// oleh" (prepared_by, dated) on the right; without either, `[signature]` as "Mengetahui"
/// (dated).
fn signers(
    record: Option<&Record>,
    signature: Option<&Signature>,
    t: &crate::words::Words,
) -> Vec<SignerView> {
    let view = |heading: &str, s: &Signer, dated: bool| SignerView {
        heading: t[heading].clone(),
        role: s.role.trim().to_string(),
        name: s.name.trim().to_string(),
        nip: s.nip.trim().to_string(),
        dated,
    };
    let mut out = Vec::new();
    if let Some(r) = record {
        if let Some(a) = &r.approved_by {
            out.push(view("record_approved_by", a, r.prepared_by.is_none()));
        }
        if let Some(p) = &r.prepared_by {
            out.push(view("record_prepared_by", p, true));
        }
    }
    if out.is_empty() {
        if let Some(s) = signature {
            let signer = Signer {
                role: s.role.clone(),
                name: s.name.clone(),
                nip: s.nip.clone(),
            };
            out.push(view("record_approved_by", &signer, true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::document_number;
    use crate::report::PeriodKind;
    use chrono::NaiveDate;

    #[test]
    fn number_placeholders_are_filled_from_the_period() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let pattern = "{period}/LKIP/{year}/{month}/{week}";
        let week = |label: &str, start| document_number(pattern, PeriodKind::Week, label, start);
        // ISO week 1 of 2026 starts on Monday 29 December 2025; its Thursday is 1 January.
        assert_eq!(
            week("2026-W01", day(2025, 12, 29)),
            "2026-W01/LKIP/2026/01/01"
        );
        assert_eq!(
            week("2026-W47", day(2026, 11, 16)),
            "2026-W47/LKIP/2026/11/47"
        );
        // A week across two months belongs to the month of its Thursday.
        assert_eq!(
            week("2026-W49", day(2026, 11, 30)),
            "2026-W49/LKIP/2026/12/49"
        );
        let month =
            |pattern| document_number(pattern, PeriodKind::Month, "2026-11", day(2026, 11, 1));
        assert_eq!(month(pattern), "2026-11/LKIP/2026/11/");
        assert_eq!(month("tanpa pola"), "tanpa pola");
    }
}
