//! What every page shares: links (to an HTML page and its Markdown twin), the header with
//! its navigation and print header, and the footer's links to the site's fixed files.

use serde::Serialize;

use chrono::NaiveDate;

use crate::model::{AsOfSource, Instant};
use crate::render::format;
use crate::render::paths::{self, PagePath};
use crate::report::{DepartmentStats, PeriodReport, Report};
use crate::words::Words;

use super::css::css_string;
use super::Ctx;

/// Where a link goes from a page `root` below the site's root: the HTML page for the
/// HTML pages and its Markdown twin for the Markdown ones.
#[derive(Serialize, Clone, Default)]
pub(super) struct Target {
    pub(super) href: String,
    pub(super) md: String,
}

impl Target {
    /// The link from a page `root` below the site's root (`""`, `"../"`, `"../../"`) to
    /// `page`.
    pub(super) fn new(root: &str, page: &PagePath) -> Target {
        Target {
            href: format!("{root}{}", page.html()),
            md: format!("{root}{}", page.md()),
        }
    }
}

/// A link: where it goes (nowhere for a plain label) and what it says.
#[derive(Serialize, Clone)]
pub(super) struct Link {
    #[serde(flatten)]
    pub(super) to: Target,
    pub(super) label: String,
}

impl Link {
    /// A link from a page `root` below the site's root to `page`.
    pub(super) fn new(root: &str, page: &PagePath, label: String) -> Link {
        Link {
            to: Target::new(root, page),
            label,
        }
    }
}

/// What every page shows: language, words, header, navigation and footer.
#[derive(Serialize)]
pub(super) struct Common<'a> {
    lang: &'static str,
    t: &'a Words,
    root: String,
    office: &'a str,
    title: String,
    as_of: String,
    /// What the as-of moment is and where it came from, beside it: `saat item dinilai;
    /// waktu terakhir dalam data`; empty when there is none.
    as_of_note: String,
    print_period: String,
    /// The header of every printed page, as a CSS string literal.
    print_header_css: String,
    pub(super) up: Option<Link>,
    pub(super) prev: Option<Link>,
    pub(super) next: Option<Link>,
    generator: String,
    /// The fixed pages and files every page links to.
    site: SiteLinks,
}

/// The site's fixed pages and files, relative to its root: templates write them after
/// `root`, so the site map alone spells them.
#[derive(Serialize)]
struct SiteLinks {
    overview: Target,
    quality: Target,
    method: Target,
    summary: &'static str,
    style: String,
    script: String,
}

impl SiteLinks {
    /// The fixed pages and files, from the site map.
    fn new() -> SiteLinks {
        SiteLinks {
            overview: Target::new("", &paths::overview()),
            quality: Target::new("", &paths::quality()),
            method: Target::new("", &paths::method()),
            summary: paths::SUMMARY,
            style: paths::asset("style.css"),
            script: paths::asset("sort.js"),
        }
    }
}

/// The moment a page describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageAsOf {
    /// The run's as-of moment.
    Run,
    /// The moment the numbers of the page's items settled ([`PeriodReport::settled`],
    /// [`DepartmentStats::settled`]): they are the same at any later as-of, so the page
    /// stays byte for byte as it is from one build to the next while its items do not
    /// change (issue 13).
    Settled(Instant),
}

impl PageAsOf {
    /// A page of a group of items that settled at `settled`, or may still change (`None`).
    pub(crate) fn of(settled: Option<Instant>) -> PageAsOf {
        settled.map_or(PageAsOf::Run, PageAsOf::Settled)
    }

    /// The moment described: the settled moment, else the run's as-of (`None` when
    /// there are no items).
    pub(crate) fn at(self, report: &Report) -> Option<Instant> {
        match self {
            PageAsOf::Run => report.as_of.map(|a| a.at),
            PageAsOf::Settled(at) => Some(at),
        }
    }

    /// The day a page of `period` is signed and dated: the day of the moment it
    /// describes, never later (a month signed on the 30th while its data ends on the 22nd
    /// would claim more); the period's last day when there is none.
    pub(crate) fn day(self, report: &Report, period: &PeriodReport) -> NaiveDate {
        self.at(report)
            .map(|a| a.with_timezone(&report.zone).date_naive())
            .unwrap_or(period.end)
    }
}

impl Ctx<'_> {
    /// The moment a page of `period` describes: its department `department`'s page (and
    /// register pages), or the period's own pages when `None`.
    pub(super) fn page_as_of(
        &self,
        period: &PeriodReport,
        department: Option<&DepartmentStats>,
    ) -> PageAsOf {
        PageAsOf::of(department.map_or(period.settled, |d| d.settled))
    }

    /// The header and footer of a page `root` below the site's root, titled `title`;
    /// `print_period` goes in the header of its printed pages. The page describes the
    /// run's as-of moment.
    pub(super) fn common(&self, root: &str, title: String, print_period: String) -> Common<'_> {
        self.common_at(root, title, print_period, PageAsOf::Run)
    }

    /// [`Ctx::common`] of a page describing the moment `at`.
    pub(super) fn common_at(
        &self,
        root: &str,
        title: String,
        print_period: String,
        at: PageAsOf,
    ) -> Common<'_> {
        let zone = self.input.report.zone;
        let as_of = at
            .at(self.input.report)
            .map(|moment| format::moment(self.lang, zone, moment))
            .unwrap_or_else(|| "–".into());
        let as_of_note = match (at, self.input.report.as_of) {
            (PageAsOf::Settled(_), _) => self.t["as_of_settled"].clone(),
            (PageAsOf::Run, Some(a)) => {
                let source = match a.source {
                    AsOfSource::CommandLine => "as_of_from_command_line",
                    AsOfSource::Configuration => "as_of_from_configuration",
                    AsOfSource::LatestInData => "as_of_from_data",
                };
                format!("{}; {}", self.t["as_of_meaning"], self.t[source])
            }
            (PageAsOf::Run, None) => String::new(),
        };
        let mut header = format!("{} · ", self.input.presentation.office);
        if print_period.starts_with(&title) {
            header.push_str(&print_period);
        } else if print_period.is_empty() {
            header.push_str(&title);
        } else {
            header.push_str(&format!("{title} · {print_period}"));
        }
        header.push_str(&format!(" · {} {as_of}", self.t["as_of"]));
        Common {
            print_header_css: css_string(&header),
            lang: self.lang.code(),
            t: self.t,
            root: root.to_string(),
            office: &self.input.presentation.office,
            title,
            as_of,
            as_of_note,
            print_period,
            up: None,
            prev: None,
            next: None,
            generator: format!("patuh {}", env!("CARGO_PKG_VERSION")),
            site: SiteLinks::new(),
        }
    }

    /// The link up to the overview from a page `root` levels below it.
    pub(super) fn overview_link(&self, root: &str) -> Link {
        Link::new(root, &paths::overview(), self.t["overview"].clone())
    }
}
