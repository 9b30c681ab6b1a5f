//! The Tera templates: built into the binary, each overridable by a file of the same name
//! in a `templates/` folder beside `patuh.toml`; `patuh init --templates` writes them out.

use std::path::Path;

/// The built-in templates and assets: (name, text).
pub const BUILT_IN: [(&str, &str); 34] = [
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("period.html", include_str!("../../templates/period.html")),
    (
        "department.html",
        include_str!("../../templates/department.html"),
    ),
    ("history.html", include_str!("../../templates/history.html")),
    (
        "register.html",
        include_str!("../../templates/register.html"),
    ),
    ("quality.html", include_str!("../../templates/quality.html")),
    ("method.html", include_str!("../../templates/method.html")),
    (
        "method_calendar.html",
        include_str!("../../templates/method_calendar.html"),
    ),
    ("charts.html", include_str!("../../templates/charts.html")),
    (
        "record_head.html",
        include_str!("../../templates/record_head.html"),
    ),
    (
        "record_sign.html",
        include_str!("../../templates/record_sign.html"),
    ),
    (
        "search_box.html",
        include_str!("../../templates/search_box.html"),
    ),
    ("index.md", include_str!("../../templates/index.md")),
    ("period.md", include_str!("../../templates/period.md")),
    (
        "department.md",
        include_str!("../../templates/department.md"),
    ),
    ("history.md", include_str!("../../templates/history.md")),
    ("register.md", include_str!("../../templates/register.md")),
    ("quality.md", include_str!("../../templates/quality.md")),
    ("method.md", include_str!("../../templates/method.md")),
    (
        "method_calendar.md",
        include_str!("../../templates/method_calendar.md"),
    ),
    ("charts.md", include_str!("../../templates/charts.md")),
    (
        "record_head.md",
        include_str!("../../templates/record_head.md"),
    ),
    (
        "record_sign.md",
        include_str!("../../templates/record_sign.md"),
    ),
    ("letter.html", include_str!("../../templates/letter.html")),
    ("letter.md", include_str!("../../templates/letter.md")),
    (
        "letter_link.html",
        include_str!("../../templates/letter_link.html"),
    ),
    (
        "letter_link.md",
        include_str!("../../templates/letter_link.md"),
    ),
    (
        "downloads.html",
        include_str!("../../templates/downloads.html"),
    ),
    ("downloads.md", include_str!("../../templates/downloads.md")),
    (
        "assets/style.css",
        include_str!("../../templates/assets/style.css"),
    ),
    (
        "assets/sort.js",
        include_str!("../../templates/assets/sort.js"),
    ),
    (
        "assets/search.js",
        include_str!("../../templates/assets/search.js"),
    ),
];

/// The loaded templates: one Tera for HTML (HTML-escaped), one for Markdown (escaped with
/// [`crate::render::markdown::escape`]).
pub struct Templates {
    /// The HTML templates.
    pub html: tera::Tera,
    /// The Markdown templates.
    pub md: tera::Tera,
    assets: Vec<(String, Vec<u8>)>,
    /// SHA-256 of every template and asset in force, with their names (the render cache
    /// misses when one changes).
    digest: String,
}

/// A template that cannot be loaded (told in either language; `Display` is the English
/// text).
#[derive(Debug, thiserror::Error)]
pub struct TemplateError {
    /// The template's file name.
    pub name: String,
    /// What is wrong.
    pub message: String,
}

impl crate::words::Describe for TemplateError {
    fn describe(&self, lang: crate::words::Lang) -> String {
        crate::words::say(
            lang,
            "err_template",
            &[("name", &self.name), ("message", &self.message)],
        )
    }
}

impl std::fmt::Display for TemplateError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::Describe::describe(
            self,
            crate::words::Lang::En,
        ))
    }
}

impl Templates {
    /// The built-in templates, each replaced by `dir/<name>` when that file exists.
    pub fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut html = tera::Tera::default();
        let mut md = tera::Tera::default();
        html.autoescape_on(vec![".html"]);
        html.set_escape_fn(crate::render::markdown::escape_html);
        md.autoescape_on(vec![".md"]);
        md.set_escape_fn(crate::render::markdown::escape);
        let mut html_sources = Vec::new();
        let mut md_sources = Vec::new();
        let mut assets = Vec::new();
        let mut all = Vec::new();
        for (name, text) in BUILT_IN {
            let text = match dir.map(|d| d.join(name)).filter(|p| p.is_file()) {
                Some(path) => std::fs::read_to_string(&path).map_err(|e| TemplateError {
                    name: path.display().to_string(),
                    message: e.to_string(),
                })?,
                None => text.to_string(),
            };
            all.extend_from_slice(format!("{name}\0{}\0", text.len()).as_bytes());
            all.extend_from_slice(text.as_bytes());
            if let Some(asset) = name.strip_prefix("assets/") {
                assets.push((asset.to_string(), text.into_bytes()));
            } else if name.ends_with(".html") {
                html_sources.push((name, text));
            } else {
                md_sources.push((name, text));
            }
        }
        let add = |tera: &mut tera::Tera, sources: Vec<(&str, String)>| {
            tera.add_raw_templates(sources).map_err(|e| TemplateError {
                name: "templates".into(),
                message: super::error_chain(&e),
            })
        };
        add(&mut html, html_sources)?;
        add(&mut md, md_sources)?;
        Ok(Templates {
            html,
            md,
            assets,
            digest: crate::hash::sha256_hex(&all),
        })
    }

    /// SHA-256 of the templates and assets in force, with their names.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// The static assets (style sheet, sorting script): (file name, bytes).
    pub fn assets(&self) -> Vec<(String, Vec<u8>)> {
        self.assets.clone()
    }
}
