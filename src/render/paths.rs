//! The site map: where every page, download and asset goes, relative to the site's root.
//! Every page has an HTML file and a Markdown twin beside it; [`PagePath`] gives both, so
//! no other module spells a path.

use crate::report::{PeriodKind, PeriodReport};

/// A page of the site: its path without extension, for its `.html` file and `.md` twin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagePath(String);

impl PagePath {
    /// The path without extension, e.g. `minggu/2026-W45/index`.
    pub fn stem(&self) -> &str {
        &self.0
    }

    /// The HTML page, e.g. `minggu/2026-W45/index.html`.
    pub fn html(&self) -> String {
        format!("{}.html", self.0)
    }

    /// The Markdown twin, e.g. `minggu/2026-W45/index.md`.
    pub fn md(&self) -> String {
        format!("{}.md", self.0)
    }
}

/// The overview page, at the root.
pub fn overview() -> PagePath {
    PagePath("index".into())
}

/// The data-quality page, at the root.
pub fn quality() -> PagePath {
    PagePath("kualitas-data".into())
}

/// The method page, at the root.
pub fn method() -> PagePath {
    PagePath("metode".into())
}

/// The folder of a period's pages and registers: `minggu/<label>` or `bulan/<label>`.
pub fn period_dir(period: &PeriodReport) -> String {
    let kind = match period.kind {
        PeriodKind::Week => "minggu",
        PeriodKind::Month => "bulan",
    };
    format!("{kind}/{}", period.label)
}

/// A period's page: `<period dir>/index`.
pub fn period(period: &PeriodReport) -> PagePath {
    PagePath(format!("{}/index", period_dir(period)))
}

/// A department's page in a period: `<period dir>/<slug>`.
pub fn department(period: &PeriodReport, slug: &str) -> PagePath {
    PagePath(format!("{}/{slug}", period_dir(period)))
}

/// The file name of a department's register, beside its page in the period's folder.
pub fn register_name(slug: &str) -> String {
    format!("{slug}.csv")
}

/// A department's register in a period: `<period dir>/<slug>.csv`.
pub fn register(period: &PeriodReport, slug: &str) -> String {
    format!("{}/{}", period_dir(period), register_name(slug))
}

/// A department's history over every period: `pd/<slug>`.
pub fn history(slug: &str) -> PagePath {
    PagePath(format!("pd/{slug}"))
}

/// A static asset (style sheet, script) by file name: `assets/<name>`.
pub fn asset(name: &str) -> String {
    format!("assets/{name}")
}

/// The machine-readable summary of the report.
pub const SUMMARY: &str = "data/summary.json";

/// The download of every data issue, beside the data-quality page.
pub const ISSUES: &str = "masalah-data.csv";

/// Page `page` (from 1) of a department's register in a period: the department's page
/// itself, then `<period dir>/<slug>.hal-<page>` (a slug never holds a dot, so these
/// never meet another department's page).
pub fn register_page(period: &PeriodReport, slug: &str, page: usize) -> PagePath {
    if page <= 1 {
        department(period, slug)
    } else {
        PagePath(format!("{}/{slug}.hal-{page}", period_dir(period)))
    }
}

/// The file name of a period's workbook, beside its page: `index` is never a
/// department's slug, so it cannot take a register's name.
pub const PERIOD_WORKBOOK: &str = "index.xlsx";

/// A period's workbook (its summary and every register): `<period dir>/index.xlsx`.
pub fn period_workbook(period: &PeriodReport) -> String {
    format!("{}/{PERIOD_WORKBOOK}", period_dir(period))
}

/// A department's register of one year, beside its history: `pd/<slug>.<year>.csv` (and
/// `.xlsx`). A slug has no `.`: no department's history takes its name.
pub fn year_register(slug: &str, year: i32, extension: &str) -> String {
    format!("pd/{slug}.{year}.{extension}")
}

/// A department's history workbook, beside its history: `pd/<slug>.xlsx`.
pub fn history_workbook(slug: &str) -> String {
    format!("pd/{slug}.xlsx")
}

/// A month's letter to the Wali Kota's office and the Perangkat Daerah (issue 15):
/// `<period dir>/surat`, beside the month's page. No department's page takes its place:
/// `surat` is a reserved slug (`report::slug` gives a department named "Surat"
/// `surat-pd`).
pub fn letter(period: &PeriodReport) -> PagePath {
    PagePath(format!("{}/surat", period_dir(period)))
}

/// The search index's manifest (issue 15): a script listing the index's shards, newest
/// first. Pages load it with `<script src>` (a page opened from `file://` cannot fetch).
pub const SEARCH_MANIFEST: &str = "cari/index.js";

/// Part `part` (from 1, the newest items first) of the search index of the month
/// `label`: `cari/<label>.<part>.js`.
pub fn search_shard(label: &str, part: usize) -> String {
    format!("cari/{label}.{part}.js")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_a_markdown_twin_beside_it() {
        assert_eq!(history("dinas-sosial").html(), "pd/dinas-sosial.html");
        assert_eq!(history("dinas-sosial").md(), "pd/dinas-sosial.md");
        assert_eq!(overview().html(), "index.html");
        assert_eq!(quality().md(), "kualitas-data.md");
        assert_eq!(method().stem(), "metode");
        assert_eq!(asset("style.css"), "assets/style.css");
        assert_eq!(search_shard("2026-11", 2), "cari/2026-11.2.js");
    }
}
