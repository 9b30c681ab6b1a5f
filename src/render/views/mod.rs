//! The view model of each page: plain, already-formatted values for the templates.
//! This module lists the pages ([`specs`]) and holds what every page model shares
//! ([`Ctx`], the common header and footer, links); each page's model is in its own file.

mod css;
mod department;
mod history;
mod method;
mod overview;
mod period;
mod quality;
mod rows;
mod trend;

use serde::Serialize;

use crate::privacy;
use crate::render::format::{self, Lang};
use crate::render::paths::{self, PagePath};
use crate::render::RenderInput;
use crate::report::{PeriodKind, PeriodReport};
use crate::words::{words, Words};

/// One page to render: its template (without extension), its path (without extension)
/// and its view model.
pub(crate) struct Page {
    /// The template's name, without `.html` or `.md`.
    pub template: &'static str,
    /// Where the page goes in the site, without `.html` or `.md`.
    pub path: PagePath,
    /// The view model the template is filled from.
    pub context: serde_json::Value,
}

/// Where a link goes from a page `root` below the site's root: the HTML page for the
/// HTML pages and its Markdown twin for the Markdown ones.
#[derive(Serialize, Clone, Default)]
struct Target {
    href: String,
    md: String,
}

impl Target {
    /// The link from a page `root` below the site's root (`""`, `"../"`, `"../../"`) to
    /// `page`.
    fn new(root: &str, page: &PagePath) -> Target {
        Target {
            href: format!("{root}{}", page.html()),
            md: format!("{root}{}", page.md()),
        }
    }
}

/// A link: where it goes (nowhere for a plain label) and what it says.
#[derive(Serialize, Clone)]
struct Link {
    #[serde(flatten)]
    to: Target,
    label: String,
}

impl Link {
    /// A link from a page `root` below the site's root to `page`.
    fn new(root: &str, page: &PagePath, label: String) -> Link {
        Link {
            to: Target::new(root, page),
            label,
        }
    }
}

/// What every page shows: language, words, header, navigation and footer.
#[derive(Serialize)]
struct Common<'a> {
    lang: &'static str,
    t: &'a Words,
    root: String,
    office: &'a str,
    title: String,
    as_of: String,
    print_period: String,
    /// The header of every printed page, as a CSS string literal.
    print_header_css: String,
    up: Option<Link>,
    prev: Option<Link>,
    next: Option<Link>,
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

/// What every page's view model is made from.
pub(crate) struct Ctx<'a> {
    input: &'a RenderInput<'a>,
    lang: Lang,
    t: &'static Words,
    step_names: Vec<String>,
    ids: Vec<String>,
}

impl<'a> Ctx<'a> {
    /// The context of a site.
    pub(crate) fn new(input: &'a RenderInput<'a>) -> Ctx<'a> {
        let lang = input.config.lang;
        let t = words(lang);
        let model = &input.judgement.model;
        let mut step_names: Vec<String> = model.steps.iter().map(|s| s.name.clone()).collect();
        step_names.push(t["end_to_end"].clone());
        Ctx {
            input,
            lang,
            step_names,
            ids: model.ids().map(str::to_string).collect(),
            t,
        }
    }
}

/// One page of the site, by what it shows (periods by index in the report).
pub(crate) enum Spec {
    Index,
    Period {
        period: usize,
        prev: Option<usize>,
        next: Option<usize>,
    },
    Department {
        period: usize,
        prev: Option<usize>,
        next: Option<usize>,
        department: usize,
    },
    History {
        name: String,
        slug: String,
    },
    Quality,
    Method,
}

/// Every page of the site.
pub(crate) fn specs(input: &RenderInput<'_>) -> Vec<Spec> {
    let periods = &input.report.periods;
    let mut specs = vec![Spec::Index];
    for kind in [PeriodKind::Week, PeriodKind::Month] {
        let of_kind: Vec<usize> = (0..periods.len())
            .filter(|&i| periods[i].kind == kind)
            .collect();
        for (k, &period) in of_kind.iter().enumerate() {
            let prev = k.checked_sub(1).map(|j| of_kind[j]);
            let next = of_kind.get(k + 1).copied();
            specs.push(Spec::Period { period, prev, next });
            for department in 0..periods[period].departments.len() {
                specs.push(Spec::Department {
                    period,
                    prev,
                    next,
                    department,
                });
            }
        }
    }
    for (name, slug) in &input.report.slugs {
        specs.push(Spec::History {
            name: name.clone(),
            slug: slug.clone(),
        });
    }
    specs.push(Spec::Quality);
    specs.push(Spec::Method);
    specs
}

/// The page of a spec, with its view model.
pub(crate) fn page(ctx: &Ctx<'_>, spec: &Spec) -> Page {
    let periods = &ctx.input.report.periods;
    let at = |i: Option<usize>| i.map(|i| &periods[i]);
    match spec {
        Spec::Index => overview::index_page(ctx),
        Spec::Period { period, prev, next } => {
            period::period_page(ctx, &periods[*period], at(*prev), at(*next))
        }
        Spec::Department {
            period,
            prev,
            next,
            department,
        } => {
            let d = &periods[*period].departments[*department];
            department::department_page(
                ctx,
                &periods[*period],
                &d.name,
                &d.slug,
                at(*prev),
                at(*next),
            )
        }
        Spec::History { name, slug } => history::history_page(ctx, name, slug),
        Spec::Quality => quality::quality_page(ctx),
        Spec::Method => method::method_page(ctx),
    }
}

impl Ctx<'_> {
    fn common(&self, root: &str, title: String, print_period: String) -> Common<'_> {
        let zone = self.input.config.timezone;
        let as_of = self
            .input
            .judgement
            .as_of
            .map(|a| format::moment(self.lang, zone, a))
            .unwrap_or_else(|| "–".into());
        let mut header = format!("{} · ", self.input.config.office);
        if print_period.starts_with(&title) {
            header.push_str(&print_period);
        } else if print_period.is_empty() {
            header.push_str(&title);
        } else {
            header.push_str(&format!("{title} · {print_period}"));
        }
        header.push_str(&format!(" · {} {as_of}", self.t["as_of"]));
        Common {
            print_header_css: css::css_string(&header),
            lang: self.lang.code(),
            t: self.t,
            root: root.to_string(),
            office: &self.input.config.office,
            title,
            as_of,
            print_period,
            up: None,
            prev: None,
            next: None,
            generator: format!("patuh {}", env!("CARGO_PKG_VERSION")),
            site: SiteLinks::new(),
        }
    }

    fn period_title(&self, p: &PeriodReport) -> String {
        match p.kind {
            PeriodKind::Week => format!("{} {}", self.t["week"], p.label),
            PeriodKind::Month => {
                use chrono::Datelike;
                format!(
                    "{} {}",
                    self.t["month"],
                    format::month(self.lang, p.start.year(), p.start.month())
                )
            }
        }
    }

    fn period_range(&self, p: &PeriodReport) -> String {
        format!(
            "{} – {}",
            format::date_only(self.lang, p.start),
            format::date_only(self.lang, p.end)
        )
    }

    fn duration(&self, s: Option<i64>) -> String {
        s.map(|s| format::duration(self.lang, s))
            .unwrap_or_else(|| "–".into())
    }

    fn int(&self, n: u64) -> String {
        format::integer(self.lang, n)
    }

    /// A name or identifier from the data (ticket id, department, admin, file), masked
    /// unless the office turned masking off: it may be a phone number or NIK.
    fn shown(&self, text: &str) -> String {
        privacy::shown(text, self.input.config.mask_personal_data).into_owned()
    }

    /// The link up to the overview from a page `root` levels below it.
    fn overview_link(&self, root: &str) -> Link {
        Link::new(root, &paths::overview(), self.t["overview"].clone())
    }

    /// The signature under period pages, when the office configured one.
    fn signature(&self) -> Option<&crate::config::Signature> {
        self.input.config.signature.as_ref()
    }
}

fn to_value(v: impl Serialize) -> serde_json::Value {
    serde_json::to_value(v).expect("view models serialise")
}
