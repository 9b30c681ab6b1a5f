//! Adversarial input. Every value that a citizen, an admin or an export tool controls
//! carries markup, Markdown, template syntax, direction controls, a 100 KB text and
//! CR-only line breaks: ticket id, channel, kind, account, text, post link, department
//! (also as a `[departments]` alias and canonical name), admin, disposition, a timestamp
//! cell, a column header (a `[columns]` alias), an XLSX sheet name and the export's file
//! name. Then every `.html` and `.md` page of the built site is checked:
//!
//! - HTML: only the site's own elements and attributes; one `<style>` (the print header,
//!   one well-formed CSS string, in `<head>`) and one `<script>` (`assets/sort.js`, before
//!   `</body>`) besides the search box, which must be exactly the site's; no event handler; no `javascript:`/`data:` link, and no link out of the
//!   site except a citizen's http(s) post link in an item table with
//!   `rel="nofollow noopener noreferrer"`; no direction control; template syntax shown,
//!   not evaluated.
//! - Markdown, rendered with pulldown-cmark: no HTML, image or link out of the site; one
//!   `<h1>` (the title) and only the site's own headings; no rule, quote, ordered list,
//!   code or emphasis; every table row has the columns of its header.
//! - Paths: hostile department names give plain, unique, short slugs; every file is
//!   written inside the output folder; each department keeps its own page, linked from
//!   its period page; `summary.json` stays valid JSON with the names as given.
//!
//! Each test collects every violation it finds and fails listing all of them, so one
//! run shows every leak. Library builds use the fixed `support::NOW`; all timestamps
//! lie in November 2026.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::pages::{
    attr, decode, md_headings, md_options, md_tables, md_text, md_to_html, relative, resolve,
    site_files, squash, try_text as text, uneven_table_rows,
};
use crate::support::{build, one_export, pages, patuh};
use chrono::{Duration, NaiveDate};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde_json::Value;

/// What a citizen (or a careless admin, or an export tool) might type.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=//evil.example>",
    "<style>body{display:none}</style>",
    "javascript:alert(1)",
    "[link](http://evil.example)",
    "![img](http://evil.example/x.png)",
    "<http://evil.example>",
    "www.evil.example",
    "# Heading",
    "| a | b |\n|---|---|",
    "---",
    "***",
    "> quote",
    "1. list",
    "- list",
    "`code`",
    "<!-- comment -->",
    "&lt;script&gt;",
    "{{ 7*7 }}",
    "{% raw %}",
    // Direction override; isolates; zero-width joiner, non-joiner and word joiner.
    "\u{202E}gnp.exe",
    "\u{2066}isolate\u{2067}rtl\u{2068}first\u{2069}",
    "a\u{200D}b\u{200C}c\u{2060}d",
    // Terminal escapes (clear the screen, set the window title, bell) and other C0/C1
    // controls, NUL and DEL: not allowed in HTML, acted on by terminals.
    "\u{1b}[2J\u{1b}]0;pwned\u{7}judul",
    "nul\u{0}bs\u{8}vt\u{b}ff\u{c}del\u{7f}nel\u{85}csi\u{9b}akhir",
    // Beyond the brief: evaluation that would show, attribute and element break-outs, a
    // link in raw HTML, a setext heading, indented code, emphasis, a link reference
    // definition, a trailing backslash, spreadsheet formulas.
    "T{{ 7*7 }}T",
    "x\"><svg onload=alert(1)>",
    "' onmouseover='alert(1)",
    "</style><script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "Setext\n===",
    "    indented code",
    "*em* _em_ ~~del~~",
    "[ref]: http://evil.example",
    "akhir \\",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "@SUM(1+1)",
];

/// What a citizen's post link might be.
const URLS: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "http://evil.example/ok",
    "https://evil.example/\"><script>alert(1)</script>",
    "https://evil.example/\u{202E}gpj.exe",
    "http://evil.example/' onmouseover='alert(1)",
    "https:evil.example",
    "HTTPS://evil.example/upper",
];

/// The post link of the item with CR-only line breaks.
const URL_CR: &str = "https://evil.example/cr\rx";

/// Column headers given as `[columns]` aliases (they show in data-issue locations).
const H_DISPOSITION: &str = "<script>alert(1)</script> Disposisi";
const H_FORWARDED: &str = "<img src=x onerror=alert(1)> | a | b | T{{ 7*7 }}T";
/// A second admin column: ignored (a data issue naming its header).
const H_ADMIN2: &str = "# Heading\r---\r> quote";
/// A column patuh does not know: its values are never shown; its header is listed, as
/// text, on the data-quality page only (INPUTS.md: unknown columns are listed).
const H_UNKNOWN: &str = "ZZHEADERZZ <script>alert(1)</script>";
const UNKNOWN_HEADER: &str = "ZZHEADERZZ";
const UNKNOWN: &str = "ZZUNKNOWNZZ";

/// A `[departments]` entry: the canonical name and a variant used in the data.
const CANONICAL: &str = "<iframe src=//evil.example> Dinas T{{ 7*7 }}T";
const ALIAS: &str = "ALIAS <style>body{display:none}</style>";

/// Export file names (relative to the data folder). `<b>x</b>.csv` is the file `b>.csv`
/// in the folder `<b>x<`: its relative path, as pages show it, is `<b>x</b>.csv`.
const FILE_MAIN: &str = "a&b.csv";
const FILE_ISSUES: &str = "<b>x</b>.csv";
const FILE_CR: &str = "cr-only \u{202E}v\u{1b}[31msc.csv";
/// Files in the data folder that are not exports: listed as skipped.
const FILES_SKIPPED: &[&str] = &[
    "    indented code.pdf",
    "# Heading | a | b |.pdf",
    "<img src=x onerror=alert(1)> T{{ 7*7 }}T.pdf",
    "line\n# Heading.pdf",
    "cr\r---\r> quote.pdf",
    "1. list.pdf",
];

/// Microsoft's reserved device names ("Naming Files, Paths, and Namespaces"), with or
/// without an extension, in any case.
const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    "conin$", "conout$", "clock$",
];

/// The elements the site's templates and charts write.
const SITE_TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "link",
    "style",
    "body",
    "a",
    "header",
    "p",
    "nav",
    "ul",
    "li",
    "main",
    "h1",
    "h2",
    "h3",
    "strong",
    "small",
    "em",
    "code",
    "br",
    "footer",
    "script",
    "section",
    "div",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "svg",
    "desc",
    "line",
    "text",
    "rect",
    "circle",
    "path",
    "details",
    "summary",
    "img",
];

/// The attributes the site's templates and charts write.
const SITE_ATTRS: &[&str] = &[
    "alt",
    "lang",
    "charset",
    "name",
    "content",
    "rel",
    "href",
    "download",
    "src",
    "class",
    // A figure's number for sorting ("88,5% 12 dari 14"), on its table cell.
    "data-sort",
    "id",
    "style",
    "role",
    "scope",
    "colspan",
    "tabindex",
    "aria-label",
    "aria-hidden",
    "aria-labelledby",
    "data-label",
    "data-sort",
    "xmlns",
    "viewbox",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "x2",
    "y1",
    "y2",
    "cx",
    "cy",
    "r",
    "text-anchor",
    "d",
];

/// Attributes a browser follows or loads.
const LINK_ATTRS: &[&str] = &[
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "cite",
    "ping",
    "xlink:href",
    "manifest",
    "longdesc",
];

/// The exact rel of a citizen's post link.
const POST_LINK_REL: &str = "nofollow noopener noreferrer";

// =======================================================================================
// Building

/// `day` days after Monday 2 November 2026 (ISO week 45) at `hm`, as exports write it.
fn at(day: i64, hm: &str) -> String {
    let date = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap() + Duration::days(day);
    format!("{} {hm}", date.format("%Y-%m-%d"))
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes a `;`-separated export, every field quoted.
fn write_csv(path: &Path, terminator: csv::Terminator, rows: &[Vec<String>]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .quote_style(csv::QuoteStyle::Always)
        .terminator(terminator)
        .from_path(path)
        .unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    w.flush().unwrap();
}

/// `patuh::build` of `work/data` with `work/patuh.toml` into `work/site`, at the fixed `now`.
fn build_site(work: &Path) -> Result<patuh::BuildOutcome, String> {
    let config = patuh::config::Config::load(Some(&work.join("patuh.toml")), &[work])
        .map_err(|e| format!("configuration: {e}"))?;
    build(&config, &work.join("data"), &work.join("site")).map_err(|e| format!("build failed: {e}"))
}

/// Fails with every violation found.
fn finish(test: &str, mut violations: Vec<String>) {
    violations.dedup();
    if violations.is_empty() {
        return;
    }
    let n = violations.len();
    violations.truncate(150);
    panic!(
        "{test}: {n} violation(s){}:\n- {}",
        if n > 150 { " (first 150)" } else { "" },
        violations.join("\n- ")
    );
}

// =======================================================================================
// Text as shown

/// Unicode direction controls (embeddings, overrides, isolates, marks), and control
/// characters other than tab and line breaks: none may reach a page or a download.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// A value as a page shows it: direction and other controls dropped, white space collapsed.
fn shown(s: &str) -> String {
    squash(
        &s.chars()
            .filter(|c| !is_bidi(*c) || c.is_whitespace())
            .collect::<String>(),
    )
}

/// A department name as patuh keeps it: characters that show nothing (format
/// characters, controls other than white space) dropped, trimmed, runs of white space
/// collapsed.
fn tidy(s: &str) -> String {
    let invisible = |c: char| {
        matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
        ) || (c.is_control() && !c.is_whitespace())
    };
    squash(&s.chars().filter(|c| !invisible(*c)).collect::<String>())
}

/// ~160 characters of `src` around byte `at`, for messages.
fn excerpt(src: &str, at: usize) -> String {
    let mut start = at.saturating_sub(60).min(src.len());
    while !src.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 100).min(src.len());
    while !src.is_char_boundary(end) {
        end += 1;
    }
    format!("{:?}", &src[start..end])
}

// =======================================================================================
// A strict HTML scanner for the site's pages: tags with their entity-decoded attributes,
// text, and the raw content of <script> and <style>. Anything else — a bare '<', a
// comment, an unquoted attribute value — is an error.

#[derive(Debug, Clone)]
enum Tok {
    Open {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Close(String),
    Text(String),
    /// The content of a `<script>` or `<style>` element, as written.
    Raw(String),
}

fn html_tokens(src: &str) -> Result<Vec<Tok>, String> {
    const DOCTYPE: &str = "<!DOCTYPE html>";
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = if src.starts_with(DOCTYPE) {
        DOCTYPE.len()
    } else {
        0
    };
    while i < b.len() {
        let Some(off) = src[i..].find('<') else {
            toks.push(Tok::Text(decode(&src[i..])));
            break;
        };
        if off > 0 {
            toks.push(Tok::Text(decode(&src[i..i + off])));
        }
        let start = i + off;
        let closing = b.get(start + 1) == Some(&b'/');
        let mut j = start + 1 + usize::from(closing);
        let name_start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        if j == name_start || !b[name_start].is_ascii_alphabetic() {
            return Err(format!(
                "a '<' that opens no tag (markup, comment or declaration): {}",
                excerpt(src, start)
            ));
        }
        let name = src[name_start..j].to_ascii_lowercase();
        if closing {
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if b.get(j) != Some(&b'>') {
                return Err(format!("a malformed end tag: {}", excerpt(src, start)));
            }
            toks.push(Tok::Close(name));
            i = j + 1;
            continue;
        }
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                None => return Err(format!("an unclosed tag: {}", excerpt(src, start))),
                Some(b'>') => {
                    j += 1;
                    break;
                }
                Some(b'/') if b.get(j + 1) == Some(&b'>') => {
                    self_closing = true;
                    j += 2;
                    break;
                }
                _ => {}
            }
            let attr_start = j;
            while j < b.len()
                && !b[j].is_ascii_whitespace()
                && !matches!(b[j], b'=' | b'>' | b'/' | b'"' | b'\'' | b'<')
            {
                j += 1;
            }
            if j == attr_start {
                return Err(format!("a stray character in a tag: {}", excerpt(src, j)));
            }
            let attr_name = src[attr_start..j].to_ascii_lowercase();
            let mut value = String::new();
            if b.get(j) == Some(&b'=') {
                j += 1;
                let quote = match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => q as char,
                    _ => {
                        return Err(format!(
                            "an unquoted attribute value: {}",
                            excerpt(src, attr_start)
                        ))
                    }
                };
                let value_start = j + 1;
                let Some(len) = src[value_start..].find(quote) else {
                    return Err(format!("an unclosed attribute: {}", excerpt(src, j)));
                };
                value = decode(&src[value_start..value_start + len]);
                j = value_start + len + 1;
            }
            attrs.push((attr_name, value));
        }
        let raw = !self_closing && matches!(name.as_str(), "script" | "style");
        toks.push(Tok::Open {
            name: name.clone(),
            attrs,
        });
        i = j;
        if raw {
            let end_tag = format!("</{name}>");
            let Some(len) = src[j..].to_ascii_lowercase().find(&end_tag) else {
                return Err(format!("an unclosed <{name}>: {}", excerpt(src, start)));
            };
            toks.push(Tok::Raw(src[j..j + len].to_string()));
            toks.push(Tok::Close(name));
            i = j + len + end_tag.len();
        }
    }
    Ok(toks)
}

/// The visible text of a page (no tags, no `<style>`/`<script>` content), collapsed.
fn html_text(src: &str) -> String {
    let mut out = String::new();
    for tok in html_tokens(src).unwrap_or_default() {
        match tok {
            Tok::Text(t) => out.push_str(&t),
            _ => out.push(' '),
        }
    }
    squash(&out)
}

/// The text of the first `<h1>`.
fn html_h1(src: &str) -> Option<String> {
    let mut inside = false;
    let mut out = String::new();
    for tok in html_tokens(src).ok()? {
        match tok {
            Tok::Open { name, .. } if name == "h1" => inside = true,
            Tok::Close(name) if name == "h1" => return Some(squash(&out)),
            Tok::Text(t) if inside => out.push_str(&t),
            _ => {}
        }
    }
    None
}

/// Every `<a href>`: (href, text).
fn html_links(src: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for tok in html_tokens(src).unwrap_or_default() {
        match tok {
            Tok::Open { name, attrs } if name == "a" => {
                current = attr(&attrs, "href").map(|h| (h.to_string(), String::new()));
            }
            Tok::Close(name) if name == "a" => {
                if let Some((href, t)) = current.take() {
                    out.push((href, squash(&t)));
                }
            }
            Tok::Text(t) => {
                if let Some((_, s)) = current.as_mut() {
                    s.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// The tables of a page: (class, rows of cell texts, head row included).
fn html_tables(src: &str) -> Vec<(String, Vec<Vec<String>>)> {
    let mut tables: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    let mut cell: Option<String> = None;
    let mut hidden = 0;
    for tok in html_tokens(src).unwrap_or_default() {
        match tok {
            Tok::Open { name, attrs } => match name.as_str() {
                "table" => tables.push((attr(&attrs, "class").unwrap_or("").into(), Vec::new())),
                "tr" => tables.last_mut().unwrap().1.push(Vec::new()),
                "th" | "td" => cell = Some(String::new()),
                "svg" => hidden += 1,
                _ => {}
            },
            Tok::Close(name) => match name.as_str() {
                "th" | "td" => {
                    let c = squash(&cell.take().unwrap_or_default());
                    tables.last_mut().unwrap().1.last_mut().unwrap().push(c);
                }
                "svg" => hidden -= 1,
                _ => {}
            },
            Tok::Text(t) => {
                if let (Some(c), 0) = (cell.as_mut(), hidden) {
                    c.push_str(&t);
                }
            }
            Tok::Raw(_) => {}
        }
    }
    tables
}

/// The scheme of a link as a browser reads it (tabs and line breaks removed, leading and
/// trailing controls and spaces trimmed, lower case); `//` for a scheme-relative link;
/// `None` for a relative link.
fn link_scheme(value: &str) -> Option<String> {
    let v: String = value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let v = v.trim_matches(|c: char| c <= ' ').to_ascii_lowercase();
    if ["//", "\\\\", "/\\", "\\/"]
        .iter()
        .any(|p| v.starts_with(p))
    {
        return Some("//".into());
    }
    let stop = v.find(['/', '?', '#']).unwrap_or(v.len());
    v[..stop].find(':').map(|c| v[..c].to_string())
}

/// The print header in the page's `<style>`: the site's `@page` rule around one CSS
/// string in which every `"`, `\`, `<`, `>` and line break is escaped.
fn check_print_header(css: &str) -> Result<(), String> {
    let prefix = "@page { @top-left { content: ";
    // The page numbers, in either language: "Halaman 1 dari 3", "Page 1 of 3".
    let suffixes = [
        "; } @bottom-right { content: \"Halaman \" counter(page) \" dari \" counter(pages); } }",
        "; } @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); } }",
    ];
    let string = css
        .strip_prefix(prefix)
        .and_then(|s| suffixes.iter().find_map(|suffix| s.strip_suffix(suffix)))
        .ok_or("not the site's @page rule")?;
    let inner = string
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .ok_or("not one CSS string")?;
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '<' | '>' | '\n' | '\r' | '\u{c}' => {
                return Err(format!("an unescaped {c:?} in the CSS string"))
            }
            '\\' => {
                let mut digits = 0;
                while chars.peek().is_some_and(char::is_ascii_hexdigit) {
                    chars.next();
                    digits += 1;
                }
                if digits == 0 {
                    return Err("a backslash that is not a hex escape".into());
                }
                if chars.peek() == Some(&' ') {
                    chars.next();
                }
            }
            c if c.is_control() => {
                return Err(format!("control character U+{:04X}", c as u32));
            }
            _ => {}
        }
    }
    Ok(())
}

/// `src` without the site's search box, which must be on the page once, exactly as
/// `templates/search_box.html` writes it in the page's language (its form, input and
/// script are the only ones the site writes).
fn without_search_box(page: &str, src: &str, v: &mut Vec<String>) -> String {
    let root = "..&#x2F;".repeat(page.matches('/').count());
    let lang = if src.contains("<html lang=\"en\">") {
        patuh::words::Lang::En
    } else {
        patuh::words::Lang::Id
    };
    let t = patuh::words::words(lang);
    let mut search_box = include_str!("../../templates/search_box.html")
        .trim_end()
        .replace("{{ root }}", &root);
    while let Some(i) = search_box.find("{{ t.") {
        let end = i + search_box[i..].find(" }}").unwrap();
        let word = patuh::render::markdown::escape_html(&t[&search_box[i + 5..end]]);
        search_box.replace_range(i..end + 3, &word);
    }
    if src.matches(&search_box).count() != 1 {
        v.push(format!("{page}: the search box is not the site's, once"));
    }
    src.replacen(&search_box, "", 1)
}

/// Checks one HTML page; the citizens' post links it holds go to `post_links`.
fn check_html(
    page: &str,
    src: &str,
    files: &BTreeMap<String, Vec<u8>>,
    allowed_links: &BTreeSet<String>,
    post_links: &mut BTreeSet<String>,
    v: &mut Vec<String>,
) {
    if let Some(i) = src.find(is_bidi) {
        v.push(format!(
            "{page}: raw control character U+{:04X} at {}",
            src[i..].chars().next().unwrap() as u32,
            excerpt(src, i)
        ));
    }
    // The site's search box (issue 15): exactly as the template writes it, with only the
    // site's words in it; checked here, then left out of the checks below.
    let without_box = without_search_box(page, src, v);
    let src = without_box.as_str();
    let lower = src.to_ascii_lowercase();
    // The letterhead's logo is the one picture the site shows, from its own assets.
    let logo = format!(
        "<img class=\"logo\" src=\"{}assets&#x2f;logo.svg\" alt=\"\">",
        "..&#x2f;".repeat(page.matches('/').count())
    );
    let lower = lower.replace(&logo, "");
    for bad in [
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "<base",
        "<form",
        "<input",
        "<textarea",
        "<!--",
        "<svg onload",
    ] {
        if let Some(i) = lower.find(bad) {
            v.push(format!("{page}: {bad} at {}", excerpt(src, i)));
        }
    }
    // The site's own <script> and <style>, exactly, and no other.
    let depth = page.matches('/').count();
    let script = format!(
        "<script src=\"{}assets/sort.js\"></script>\n</body>",
        "..&#x2F;".repeat(depth)
    );
    if lower.matches("<script").count() != 1 || !src.contains(&script) {
        v.push(format!(
            "{page}: <script> other than the site's {script:?}: {}",
            lower
                .match_indices("<script")
                .map(|(i, _)| excerpt(src, i))
                .collect::<Vec<_>>()
                .join(" / ")
        ));
    }
    let style_at = lower.find("<style");
    if lower.matches("<style").count() != 1
        || style_at
            .zip(lower.find("</head>"))
            .is_none_or(|(s, h)| s > h)
    {
        v.push(format!(
            "{page}: <style> other than the site's print header in <head>: {}",
            lower
                .match_indices("<style")
                .map(|(i, _)| excerpt(src, i))
                .collect::<Vec<_>>()
                .join(" / ")
        ));
    }

    let toks = match html_tokens(src) {
        Ok(t) => t,
        Err(e) => {
            v.push(format!("{page}: {e}"));
            return;
        }
    };
    // Per open table: whether it is an item table.
    let mut tables: Vec<bool> = Vec::new();
    let mut last_open = String::new();
    let mut visible = String::new();
    for tok in &toks {
        match tok {
            Tok::Open { name, attrs } => {
                last_open = name.clone();
                if name == "table" {
                    // Item tables, and the overview's open items ("Perlu tindakan").
                    tables.push(
                        attr(attrs, "class")
                            .is_some_and(|c| c.split(' ').any(|w| w == "items" || w == "todo")),
                    );
                }
                if !SITE_TAGS.contains(&name.as_str()) {
                    v.push(format!(
                        "{page}: an element the site does not write: <{name} {attrs:?}>"
                    ));
                }
                for (n, value) in attrs {
                    if n.starts_with("on") {
                        v.push(format!("{page}: an event handler <{name} {n}={value:?}>"));
                    } else if !SITE_ATTRS.contains(&n.as_str()) {
                        v.push(format!(
                            "{page}: an attribute the site does not write: <{name} {n}={value:?}>"
                        ));
                    }
                    if n == "style" {
                        let ok = value
                            .strip_prefix("width: ")
                            .and_then(|w| w.strip_suffix('%'))
                            .is_some_and(|w| w.parse::<f64>().is_ok());
                        if !ok {
                            v.push(format!("{page}: a style attribute the site does not write: <{name} style={value:?}>"));
                        }
                    }
                    if !LINK_ATTRS.contains(&n.as_str()) {
                        continue;
                    }
                    match link_scheme(value) {
                        None => match resolve(page, value) {
                            Some(target) if files.contains_key(&target) => {}
                            _ => v.push(format!(
                                "{page}: <{name} {n}={value:?}> leads to no file of the site"
                            )),
                        },
                        Some(scheme) => {
                            let post_link = name == "a"
                                && n == "href"
                                && matches!(scheme.as_str(), "http" | "https")
                                && tables.last() == Some(&true)
                                && attr(attrs, "rel") == Some(POST_LINK_REL)
                                && allowed_links.contains(value.as_str());
                            if post_link {
                                post_links.insert(value.clone());
                            } else {
                                v.push(format!(
                                    "{page}: a link out of the site that is not a citizen's http(s) post link in an item table with rel={POST_LINK_REL:?}: <{name} {attrs:?}>"
                                ));
                            }
                        }
                    }
                }
            }
            Tok::Close(name) => {
                if name == "table" {
                    tables.pop();
                }
            }
            Tok::Raw(raw) => {
                if last_open == "style" {
                    if let Err(e) = check_print_header(raw) {
                        v.push(format!("{page}: the print header's CSS: {e}: {raw:?}"));
                    }
                } else if !raw.is_empty() {
                    v.push(format!("{page}: inline script {raw:?}"));
                }
            }
            Tok::Text(t) => {
                visible.push_str(t);
                visible.push(' ');
            }
        }
    }
    if let Some(i) = visible.find("T49T") {
        v.push(format!(
            "{page}: template syntax was evaluated: {}",
            excerpt(&visible, i)
        ));
    }
}

// =======================================================================================
// Markdown through pulldown-cmark

/// The text a reader sees of a Markdown page, white space collapsed.
fn shown_md(md: &str) -> String {
    squash(&md_text(md))
}

/// Every link of a page: (destination, text).
fn md_links(md: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for e in Parser::new_ext(md, md_options()) {
        match e {
            Event::Start(Tag::Link { dest_url, .. }) => {
                current = Some((dest_url.to_string(), String::new()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((d, t)) = current.take() {
                    out.push((d, squash(&t)));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, s)) = current.as_mut() {
                    s.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a heading below the title is one the templates write: a word of the word list
/// (maybe with a count, `Judul (3)`), or a period's title.
fn is_site_heading(text: &str) -> bool {
    let words = patuh::words::words(patuh::words::Lang::Id);
    let without_count = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
        .filter(|(_, n)| n.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .map(|(t, _)| t)
        .unwrap_or(text);
    words.values().any(|w| w == text || w == without_count)
        || [&words["week"], &words["month"]]
            .iter()
            .any(|w| text.starts_with(&format!("{w} ")))
}

/// Checks one Markdown page.
fn check_md(page: &str, src: &str, files: &BTreeMap<String, Vec<u8>>, v: &mut Vec<String>) {
    if let Some(i) = src.find(is_bidi) {
        v.push(format!(
            "{page}: raw control character U+{:04X} at {}",
            src[i..].chars().next().unwrap() as u32,
            excerpt(src, i)
        ));
    }
    let rendered = md_to_html(src);
    for bad in [
        "<script",
        "<img",
        "<iframe",
        "<style",
        "<svg",
        "<hr",
        "<blockquote",
        "<ol",
        "<pre",
        "<code",
        "<em>em</em>",
        "<del>",
        "<!--",
    ] {
        if let Some(i) = rendered.find(bad) {
            v.push(format!(
                "{page}: the rendered Markdown has {bad}: {}",
                excerpt(&rendered, i)
            ));
        }
    }
    for e in Parser::new_ext(src, md_options()) {
        match e {
            Event::Html(h) | Event::InlineHtml(h) => {
                v.push(format!("{page}: raw HTML in the Markdown: {h:?}"))
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                v.push(format!("{page}: an image {dest_url:?}"))
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let ok = link_scheme(&dest_url).is_none()
                    && resolve(page, &dest_url).is_some_and(|t| files.contains_key(&t));
                if !ok {
                    v.push(format!(
                        "{page}: a link {dest_url:?} to no file of the site"
                    ));
                }
            }
            _ => {}
        }
    }
    let headings = md_headings(src);
    let titles = headings
        .iter()
        .filter(|(l, _)| *l == HeadingLevel::H1)
        .count();
    if titles != 1 || !rendered.starts_with("<h1>") {
        v.push(format!(
            "{page}: {titles} <h1> (one expected, first): {:?}",
            headings
        ));
    }
    for (level, heading) in headings.iter().filter(|(l, _)| *l != HeadingLevel::H1) {
        if !is_site_heading(heading) {
            v.push(format!(
                "{page}: a {level:?} heading the site does not write: {heading:?}"
            ));
        }
    }
    // Table rows keep the columns of their header: no cell was split by a '|'.
    for (n, pipes, line) in uneven_table_rows(src) {
        v.push(format!(
            "{page}: a table row with {pipes} cell borders, not {n}: {line:?}"
        ));
    }
    let shown_text = shown_md(src);
    if let Some(i) = shown_text.find("T49T") {
        v.push(format!(
            "{page}: template syntax was evaluated: {}",
            excerpt(&shown_text, i)
        ));
    }
}

/// Checks a downloadable CSV register: no cell a spreadsheet would run as a formula.
fn check_csv(page: &str, bytes: &[u8], v: &mut Vec<String>) {
    // `;` for Indonesian pages, `,` for English ones: the header line has no other.
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.contains(&b';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                v.push(format!("{page}: not valid CSV: {e}"));
                return;
            }
        };
        for cell in record.iter() {
            if let Some(c) = cell.chars().find(|c| is_bidi(*c)) {
                v.push(format!(
                    "{page}: raw control character U+{:04X} in {cell:?}",
                    c as u32
                ));
            }
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                v.push(format!(
                    "{page}: a cell a spreadsheet runs as a formula: {cell:?}"
                ));
            }
        }
    }
}

/// Checks a downloadable workbook: it opens, and no cell of any sheet is a formula.
fn check_xlsx(page: &str, bytes: &[u8], v: &mut Vec<String>) {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        match calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)) {
            Ok(book) => book,
            Err(e) => {
                v.push(format!("{page}: not a workbook: {e}"));
                return;
            }
        };
    for name in book.sheet_names() {
        if let Some(c) = name.chars().find(|c| is_bidi(*c)) {
            v.push(format!(
                "{page}: raw control character U+{:04X} in sheet name {name:?}",
                c as u32
            ));
        }
        match book.worksheet_formula(&name) {
            Ok(formulas) => {
                if let Some(f) = formulas.used_cells().next() {
                    v.push(format!("{page}, {name}: a formula: {:?}", f.2));
                }
            }
            Err(e) => v.push(format!("{page}, {name}: cannot read: {e}")),
        }
    }
}

/// Checks every file of a site; gives the citizens' post links found in item tables.
fn check_site(
    files: &BTreeMap<String, Vec<u8>>,
    allowed_links: &BTreeSet<String>,
    v: &mut Vec<String>,
) -> BTreeSet<String> {
    let mut post_links = BTreeSet::new();
    let mut pages = 0;
    for (path, bytes) in files {
        if path.ends_with(".csv") {
            check_csv(path, bytes, v);
            continue;
        }
        if path.ends_with(".xlsx") {
            check_xlsx(path, bytes, v);
            continue;
        }
        let Ok(src) = std::str::from_utf8(bytes) else {
            v.push(format!("{path}: not UTF-8"));
            continue;
        };
        if path.ends_with(".html") {
            pages += 1;
            check_html(path, src, files, allowed_links, &mut post_links, v);
        } else if path.ends_with(".md") {
            pages += 1;
            check_md(path, src, files, v);
        } else if path.ends_with(".json") {
            if let Err(e) = serde_json::from_str::<Value>(src) {
                v.push(format!("{path}: not valid JSON: {e}"));
            }
        }
    }
    assert!(pages > 8, "the site has pages: {:?}", files.keys());
    post_links
}

/// The http(s) post links a site may show, as written in `href` (trimmed, direction
/// controls dropped by the HTML escaping).
fn allowed_post_links() -> BTreeSet<String> {
    URLS.iter()
        .chain(&[URL_CR])
        .map(|u| {
            u.trim()
                .chars()
                .filter(|c| !is_bidi(*c))
                .collect::<String>()
        })
        .filter(|u| {
            let l = u.to_ascii_lowercase();
            l.starts_with("http://") || l.starts_with("https://")
        })
        .collect()
}

/// The site folder of a period: `minggu/2026-W45` or `bulan/2026-11`.
fn period_dir(p: &patuh::report::PeriodReport) -> String {
    match p.kind {
        patuh::report::PeriodKind::Week => format!("minggu/{}", p.label),
        patuh::report::PeriodKind::Month => format!("bulan/{}", p.label),
    }
}

/// The department page (without extension) of `name` in its first period.
fn department_page(outcome: &patuh::BuildOutcome, name: &str) -> Option<String> {
    outcome.report.periods.iter().find_map(|p| {
        p.departments
            .iter()
            .find(|d| d.name == name)
            .map(|d| format!("{}/{}", period_dir(p), d.slug))
    })
}

// =======================================================================================
// Citizens' text in every field of a CSV export

/// A row of the main export.
#[allow(clippy::too_many_arguments)]
fn row(
    id: &str,
    day: i64,
    times: [&str; 4],
    disposition: &str,
    department: &str,
    forwarded: &str,
    channel: &str,
    kind: &str,
    account: &str,
    text: &str,
    url: &str,
    admin: &str,
) -> Vec<String> {
    let stamp = |hm: &str| {
        if hm.is_empty() {
            String::new()
        } else {
            at(day, hm)
        }
    };
    vec![
        id.into(),
        stamp(times[0]),
        stamp(times[1]),
        stamp(times[2]),
        disposition.into(),
        department.into(),
        if times[3] == "garbage" {
            forwarded.into()
        } else {
            stamp(times[3])
        },
        channel.into(),
        kind.into(),
        account.into(),
        text.into(),
        url.into(),
        admin.into(),
        UNKNOWN.into(),
        format!("{UNKNOWN} {admin}"),
    ]
}

fn header() -> Vec<String> {
    [
        "No Tiket",
        "Waktu Posting",
        "Waktu Lapor",
        "Waktu Disposisi",
        H_DISPOSITION,
        "Perangkat Daerah",
        H_FORWARDED,
        "Kanal",
        "Jenis",
        "Akun",
        "Isi",
        "Tautan",
        "Admin",
        H_ADMIN2,
        H_UNKNOWN,
    ]
    .map(String::from)
    .to_vec()
}

/// 100 KB of payloads separated by CR-only line breaks.
fn big_text() -> String {
    let mut s = String::from("BIG ");
    let mut i = 0;
    while s.len() < 100 * 1024 {
        s.push_str(&PAYLOADS[i % PAYLOADS.len()].replace('\n', "\r"));
        s.push('\r');
        i += 1;
    }
    s
}

fn hostile_config() -> String {
    format!(
        "[columns]\ndisposition = [{}]\nforwarded_at = [{}]\nadmin = [\"Admin\", {}]\n\n\
         [departments]\n{} = [{}, \"alias two\"]\n\n\
         [signature]\nplace = {}\n\n\
         [record]\noffice = {}\naddress = {}\nnumber = {}\nlogo = \"logo.svg\"\n\
         prepared_by = {{ role = {}, name = {}, nip = {} }}\n\
         approved_by = {{ role = {}, name = {}, nip = {} }}\n",
        toml_str(H_DISPOSITION),
        toml_str(H_FORWARDED),
        toml_str(H_ADMIN2),
        toml_str(CANONICAL),
        toml_str(ALIAS),
        toml_str(RECORD[0]),
        toml_str(RECORD[1]),
        toml_str(RECORD[2]),
        toml_str(&format!("{{period}}/{}", RECORD[3])),
        toml_str(RECORD[4]),
        toml_str(RECORD[5]),
        toml_str(RECORD[6]),
        toml_str(RECORD[7]),
        toml_str(RECORD[8]),
        toml_str(RECORD[9]),
    )
}

/// The printed record's texts in [`hostile_config`]: the place, office, address, number
/// (after `{period}/`), and the two signers' role, name and NIP.
const RECORD: [&str; 10] = [
    "Bekasi</style><script>alert(1)</script>",
    "\"; } body { display: none } x { content: \"",
    "x\"><svg onload=alert(1)>",
    "</style>&<b>nomor</b>",
    "[link](http://evil.example)",
    "<img src=x onerror=alert(1)>",
    "# Heading",
    "- list",
    "{{ 7*7 }}",
    "`code` *em*",
];

/// The exports of the CSV test:
/// - `a&b.csv`: per payload p (index i), an item with p as its id, channel, kind,
///   department, admin and post link (one of [`URLS`]), p and the next two payloads in
///   its text (after CR and LF line breaks), and p in its account; a second row of the
///   same item with another account (a conflict: both accounts show on the quality
///   page); late to the Kasi (an exception), every other one still open (overdue).
///   One item goes to the `[departments]` alias.
/// - `<b>x</b>.csv`: per payload, an item whose disposition and forwarding time are p
///   (data issues showing p, the file name and the aliased headers).
/// - `cr-only \u{202E}vsc.csv`: CR-only line breaks, and 100 KB values.
/// - files that are not exports, with hostile names.
fn write_hostile_csvs(data: &Path) {
    let n = PAYLOADS.len();
    let times = ["08:00", "09:30", "09:35", "09:45"];
    let open = ["08:00", "09:30", "09:35", ""];
    let mut main = vec![
        vec!["Rekap <script>alert(1)</script>".to_string()],
        header(),
    ];
    for (i, p) in PAYLOADS.iter().enumerate() {
        let text = format!("{p}\r{}\n{}", PAYLOADS[(i + 1) % n], PAYLOADS[(i + 2) % n]);
        let url = URLS[i % URLS.len()];
        let day = (i % 21) as i64;
        let t = if i % 2 == 0 { times } else { open };
        let account = format!("{p} ACC{i:02}a");
        let later_account = format!("{} ACC{i:02}c", PAYLOADS[(i + 1) % n]);
        main.push(row(
            p, day, t, "Teruskan", p, "", p, p, &account, &text, url, p,
        ));
        main.push(row(
            p,
            day,
            t,
            "Teruskan",
            p,
            "",
            p,
            p,
            &later_account,
            &text,
            url,
            p,
        ));
    }
    main.push(row(
        "ALIAS-1",
        3,
        times,
        "Teruskan",
        &ALIAS.to_uppercase(),
        "",
        "X",
        "Laporan",
        "warga",
        "lampu jalan mati",
        "",
        "Rina",
    ));
    write_csv(&data.join(FILE_MAIN), csv::Terminator::CRLF, &main);

    let mut issues = vec![header()];
    for (i, p) in PAYLOADS.iter().enumerate() {
        issues.push(row(
            &format!("B{i:02}"),
            (i % 21) as i64,
            ["08:00", "08:30", "08:35", "garbage"],
            p,
            "Dinas B",
            p,
            "",
            "",
            "",
            "isi",
            "",
            "Admin B",
        ));
    }
    write_csv(&data.join(FILE_ISSUES), csv::Terminator::CRLF, &issues);

    let big = big_text();
    let cr = vec![
        header(),
        row(
            "CR1",
            8,
            times,
            "Teruskan",
            "Dinas\rCR",
            "",
            "Kanal\rCR",
            "Jenis\rCR",
            &big,
            &big,
            URL_CR,
            "Admin\rCR",
        ),
        row(
            &big,
            9,
            ["08:00", "08:30", "08:35", "garbage"],
            &big,
            "Dinas CR 2",
            &big,
            &big,
            &big,
            &big,
            &big,
            &big,
            &big,
        ),
    ];
    write_csv(&data.join(FILE_CR), csv::Terminator::Any(b'\r'), &cr);

    for name in FILES_SKIPPED {
        std::fs::write(data.join(name), "%PDF-1.4\n").unwrap();
    }
}

#[test]
fn hostile_values_in_every_csv_field_stay_text() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    write_hostile_csvs(&w.join("data"));
    std::fs::write(w.join("patuh.toml"), hostile_config()).unwrap();
    std::fs::write(
        w.join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
    )
    .unwrap();
    let outcome = build_site(w).unwrap_or_else(|e| panic!("{e}"));
    let files = site_files(&w.join("site"));
    let allowed = allowed_post_links();
    let mut v = Vec::new();
    let post_links = check_site(&files, &allowed, &mut v);

    // The printed record's letterhead, number and signers show as text on the week page.
    let week_html = html_text(text(&files, "minggu/2026-W45/index.html").unwrap());
    let week_md = shown_md(text(&files, "minggu/2026-W45/index.md").unwrap());
    let number = format!("2026-W45/{}", RECORD[3]);
    // Dated the day the page describes: the day W45 settled, else the as-of day.
    let w45 = outcome
        .report
        .periods
        .iter()
        .find(|p| p.label == "2026-W45")
        .unwrap();
    let moment = w45.settled.unwrap_or(outcome.report.as_of.unwrap().at);
    let day = moment.with_timezone(&outcome.report.zone).date_naive();
    let place_date = format!(
        "{}, {}",
        RECORD[0],
        patuh::render::format::date_only(patuh::words::Lang::Id, day)
    );
    for s in RECORD[1..3]
        .iter()
        .chain(&RECORD[4..])
        .copied()
        .chain([number.as_str(), place_date.as_str()])
    {
        if !week_html.contains(s) {
            v.push(format!("minggu/2026-W45/index.html does not show {s:?}"));
        }
        if !week_md.contains(s) {
            v.push(format!("minggu/2026-W45/index.md does not show {s:?}"));
        }
    }

    // Not vacuous: every value is read and shown, as text, where the site shows it.
    let big = big_text();
    assert!(
        outcome.ledger.items.len() > PAYLOADS.len() * 2,
        "{} items",
        outcome.ledger.items.len()
    );
    for p in PAYLOADS {
        let name = tidy(p);
        let Some(page) = department_page(&outcome, &name) else {
            v.push(format!("department {name:?} has no page"));
            continue;
        };
        let html = text(&files, &format!("{page}.html")).unwrap_or("");
        let md = text(&files, &format!("{page}.md")).unwrap_or("");
        let title = format!("{} · ", shown(&name));
        match html_h1(html) {
            Some(h1) if h1.starts_with(&title) => {}
            h1 => v.push(format!("{page}.html: title {h1:?}, not {title:?}…")),
        }
        match md_headings(md).first() {
            Some((HeadingLevel::H1, h1)) if h1.starts_with(&title) => {}
            h1 => v.push(format!("{page}.md: title {h1:?}, not {title:?}…")),
        }
        // The item register: id, posted, channel, admin (a name, so tidied), four steps,
        // text.
        let id = shown(p);
        let admin = tidy(&shown(p));
        let text_start = shown(p);
        let register = html_tables(html)
            .into_iter()
            .find(|(class, _)| class.split(' ').any(|c| c == "items"))
            .map(|(_, rows)| rows)
            .unwrap_or_default();
        let found = register.iter().skip(1).any(|r| {
            r.first() == Some(&id)
                && r.get(3) == Some(&admin)
                && r.last().is_some_and(|t| t.starts_with(&text_start))
        });
        if !found {
            v.push(format!(
                "{page}.html: no register row with id, admin and text {id:?}: {register:?}"
            ));
        }
        let register = md_tables(md).pop().unwrap_or_default();
        let found = register.iter().skip(1).any(|r| {
            r.first() == Some(&id)
                && r.get(3) == Some(&admin)
                && r.last().is_some_and(|t| t.starts_with(&text_start))
        });
        if !found {
            v.push(format!(
                "{page}.md: no register row with id, admin and text {id:?}: {register:?}"
            ));
        }
    }
    // The data-quality page: unrecognised dispositions, unreadable times, both sides of
    // each account conflict, the aliased headers and the file names.
    let quality_html = html_text(text(&files, "kualitas-data.html").unwrap());
    let quality_md = shown_md(text(&files, "kualitas-data.md").unwrap());
    let mut expected: Vec<String> = PAYLOADS.iter().map(|p| shown(p)).collect();
    for i in 0..PAYLOADS.len() {
        expected.push(format!("ACC{i:02}a"));
        expected.push(format!("ACC{i:02}c"));
    }
    for s in [
        H_DISPOSITION,
        H_FORWARDED,
        H_ADMIN2,
        FILE_MAIN,
        FILE_ISSUES,
        FILE_CR,
    ] {
        expected.push(shown(s));
    }
    expected.extend(FILES_SKIPPED.iter().map(|s| shown(s)));
    // A 100 KB value is kept to 300 characters.
    expected.push(shown(&big.chars().take(300).collect::<String>()));
    for s in &expected {
        if !quality_html.contains(s.as_str()) {
            v.push(format!("kualitas-data.html does not show {s:?}"));
        }
        if !quality_md.contains(s.as_str()) {
            v.push(format!("kualitas-data.md does not show {s:?}"));
        }
    }
    let method_html = html_text(text(&files, "metode.html").unwrap());
    let method_md = shown_md(text(&files, "metode.md").unwrap());
    for file in [FILE_MAIN, FILE_ISSUES, FILE_CR] {
        if !method_html.contains(&shown(file)) || !method_md.contains(&shown(file)) {
            v.push(format!("the method page does not list {file:?}"));
        }
    }
    // Every http(s) post link is a link (with rel); nothing else is.
    for url in &allowed {
        if url.starts_with("http") && !post_links.contains(url) {
            v.push(format!("the post link {url:?} is not shown as a link"));
        }
    }
    // The `[departments]` canonical name names the aliased department.
    match department_page(&outcome, CANONICAL) {
        Some(page) => {
            let h1 = html_h1(text(&files, &format!("{page}.html")).unwrap_or(""));
            if !h1.is_some_and(|h| h.starts_with(&format!("{} · ", shown(CANONICAL)))) {
                v.push(format!("{page}.html does not show {CANONICAL:?}"));
            }
        }
        None => v.push(format!("no page for the canonical name {CANONICAL:?}")),
    }
    // The item with CR-only line breaks and 100 KB values was read and shown.
    if !outcome
        .ledger
        .items
        .iter()
        .any(|i| i.id.as_deref() == Some("CR1"))
    {
        v.push("the CR-only export's item CR1 was not read".into());
    }
    // The values of unknown columns are not shown; their headers only where unknown
    // columns are listed.
    for (path, bytes) in &files {
        let content = String::from_utf8_lossy(bytes);
        if content.contains(UNKNOWN) {
            v.push(format!("{path} shows the unknown column {UNKNOWN}"));
        }
        let listed = path.starts_with("kualitas-data.");
        if content.contains(UNKNOWN_HEADER) != listed {
            v.push(format!(
                "{path}: the unknown header {UNKNOWN_HEADER} is shown: {}, listed here: {listed}",
                content.contains(UNKNOWN_HEADER)
            ));
        }
    }
    // summary.json holds the names as given.
    let summary: Value =
        serde_json::from_str(text(&files, "data/summary.json").unwrap()).expect("valid JSON");
    let names = summary_names(&summary);
    for p in PAYLOADS {
        if !names.contains(&tidy(p)) {
            v.push(format!(
                "summary.json does not hold the department {:?}",
                tidy(p)
            ));
        }
    }
    finish("hostile_values_in_every_csv_field_stay_text", v);
}

/// Every department name of `summary.json`.
fn summary_names(summary: &Value) -> BTreeSet<String> {
    summary["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .flat_map(|p| p["departments"].as_array().expect("departments").iter())
        .map(|d| d["name"].as_str().expect("a name").to_string())
        .collect()
}

// =======================================================================================
// An XLSX workbook: hostile sheet names, a hostile file name, hostile cells

const XLSX_FILE: &str = "T{{ 7*7 }}T <img src=x onerror=alert(1)> & # x.xlsx";
/// Sheet names: at most 31 characters, none of []:*?/\, no apostrophe at either end.
const SHEETS: [&str; 4] = [
    "<img src=x onerror=a()>",
    "{{ 7-7 }} # | a | b | {% raw %}",
    "\u{202E}gnp.exe <b>x",
    "> quote & - list <!--",
];

fn write_hostile_xlsx(path: &Path) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let headers = [
        "No Tiket",
        "Waktu Posting",
        "Waktu Lapor",
        "Waktu Disposisi",
        "Disposisi",
        "Perangkat Daerah",
        "Waktu Diteruskan",
        "Kanal",
        "Jenis",
        "Akun",
        "Isi",
        "Tautan",
        "Admin",
    ];
    for (s, sheet) in SHEETS.iter().enumerate().take(3) {
        let ws = wb.add_worksheet();
        ws.set_name(*sheet)?;
        for (c, h) in headers.iter().enumerate() {
            ws.write_string(0, c as u16, *h)?;
        }
        let mut r = 1;
        for (i, p) in PAYLOADS.iter().enumerate().filter(|(i, _)| i % 3 == s) {
            let day = (i % 21) as i64;
            let cells = [
                p.to_string(),
                at(day, "08:00"),
                at(day, "09:30"),
                at(day, "09:35"),
                "Teruskan".into(),
                p.to_string(),
                if i % 2 == 0 {
                    at(day, "09:45")
                } else {
                    String::new()
                },
                p.to_string(),
                p.to_string(),
                p.to_string(),
                format!("{p}\r{}", PAYLOADS[(i + 1) % PAYLOADS.len()]),
                URLS[i % URLS.len()].to_string(),
                p.to_string(),
            ];
            for (c, v) in cells.iter().enumerate() {
                ws.write_string(r, c as u16, v)?;
            }
            r += 1;
        }
        // A timestamp that is no date: a data issue naming the sheet.
        ws.write_string(r, 0, format!("G{s}"))?;
        ws.write_string(r, 1, "<script>alert(1)</script> T{{ 7*7 }}T")?;
        ws.write_string(r, 2, at(1, "09:00"))?;
    }
    // A sheet without a header row: listed as skipped, with its name.
    let ws = wb.add_worksheet();
    ws.set_name(SHEETS[3])?;
    ws.write_string(0, 0, "<script>alert(1)</script>")?;
    wb.save(path)
}

#[test]
fn hostile_xlsx_sheet_names_file_names_and_cells_stay_text() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    std::fs::create_dir_all(w.join("data")).unwrap();
    write_hostile_xlsx(&w.join("data").join(XLSX_FILE)).unwrap();
    std::fs::write(w.join("patuh.toml"), "").unwrap();
    let outcome = build_site(w).unwrap_or_else(|e| panic!("{e}"));
    let files = site_files(&w.join("site"));
    let allowed = allowed_post_links();
    let mut v = Vec::new();
    let post_links = check_site(&files, &allowed, &mut v);

    // Not vacuous.
    for p in PAYLOADS {
        if department_page(&outcome, &tidy(p)).is_none() {
            v.push(format!("department {:?} has no page", tidy(p)));
        }
    }
    if post_links.is_empty() {
        v.push("no post link shown".into());
    }
    let quality_html = html_text(text(&files, "kualitas-data.html").unwrap());
    let quality_md = shown_md(text(&files, "kualitas-data.md").unwrap());
    for s in SHEETS
        .iter()
        .chain(&[XLSX_FILE, "<script>alert(1)</script> T{{ 7*7 }}T"])
    {
        if !quality_html.contains(&shown(s)) {
            v.push(format!("kualitas-data.html does not show {s:?}"));
        }
        if !quality_md.contains(&shown(s)) {
            v.push(format!("kualitas-data.md does not show {s:?}"));
        }
    }
    let method_html = html_text(text(&files, "metode.html").unwrap());
    if !method_html.contains(&shown(XLSX_FILE)) {
        v.push(format!("metode.html does not list {XLSX_FILE:?}"));
    }
    finish("hostile_xlsx_sheet_names_file_names_and_cells_stay_text", v);
}

// =======================================================================================
// Department names as paths

/// Builds a site whose departments have `names` (each with an item in ISO weeks 45 and
/// 46), in a sandbox several folders deep, with the library and with the binary, and
/// checks where files went, their names, the slugs, the links from each period page to
/// each department's own page, and `summary.json`.
fn check_department_names(names: &[String]) -> Vec<String> {
    let mut v = Vec::new();
    let sandbox = tempfile::tempdir().unwrap();
    // Deep enough that a name climbing out of the output folder (`../` up to seven
    // times) still lands inside the sandbox, where the walk below finds it. (Watching the
    // shared temporary folder instead raced with every other test and program using it.)
    let chain = ["g1", "g2", "g3", "l1", "l2", "l3", "l4", "work"];
    let work: PathBuf = chain
        .iter()
        .fold(sandbox.path().to_path_buf(), |p, c| p.join(c));
    let data = work.join("data");
    let mut rows = vec![vec![
        "No Tiket".to_string(),
        "Waktu Posting".into(),
        "Waktu Lapor".into(),
        "Waktu Disposisi".into(),
        "Disposisi".into(),
        "Perangkat Daerah".into(),
        "Waktu Diteruskan".into(),
    ]];
    for (i, name) in names.iter().enumerate() {
        for (week, day) in [("a", 0), ("b", 7)] {
            rows.push(vec![
                format!("P{i:02}{week}"),
                at(day, "08:00"),
                at(day, "08:30"),
                at(day, "08:35"),
                "Teruskan".into(),
                name.clone(),
                at(day, "08:45"),
            ]);
        }
    }
    write_csv(&data.join("pd.csv"), csv::Terminator::CRLF, &rows);
    std::fs::write(work.join("patuh.toml"), "").unwrap();

    let outcome = match build_site(&work) {
        Ok(o) => o,
        Err(e) => {
            v.push(e);
            return v;
        }
    };
    let bin = patuh(&work, &["build", "--data", "data", "--out", "site-bin"]);
    if bin.code != Some(0) {
        v.push(format!("patuh build (the binary) failed: {}", bin.stderr));
    }

    // Every file is inside the output folders (or is the input); nothing beside them but
    // each site's lock file, which stays (the export cache is in the user's cache folder).
    let mut expected_dirs: Vec<String> = Vec::new();
    for k in 1..=chain.len() {
        expected_dirs.push(chain[..k].join("/"));
    }
    let work_rel = chain.join("/");
    for e in walkdir::WalkDir::new(sandbox.path()).min_depth(1) {
        let e = e.unwrap();
        let rel = relative(e.path(), sandbox.path());
        let inside = expected_dirs.contains(&rel)
            || rel == format!("{work_rel}/patuh.toml")
            || rel == format!("{work_rel}/.site.patuh-lock")
            || rel == format!("{work_rel}/.site-bin.patuh-lock")
            || ["data", "site", "site-bin"].iter().any(|d| {
                rel == format!("{work_rel}/{d}") || rel.starts_with(&format!("{work_rel}/{d}/"))
            });
        if !inside {
            v.push(format!("a file outside the output folder: {rel:?}"));
        }
    }
    let files = site_files(&work.join("site"));
    let bin_files = site_files(&work.join("site-bin"));
    if bin.code == Some(0) && bin_files.keys().ne(files.keys()) {
        v.push("the binary wrote other files than the library".into());
    }

    // File names: short, plain, not reserved on Windows, written once.
    for path in files.keys() {
        for part in path.split('/') {
            if part.len() > 100 {
                v.push(format!("a file name of {} bytes: {path:?}", part.len()));
            }
            if !part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
            {
                v.push(format!(
                    "a file name with other characters than [A-Za-z0-9._-]: {path:?}"
                ));
            }
            let stem = part.split('.').next().unwrap_or("").to_ascii_lowercase();
            if WINDOWS_RESERVED.contains(&stem.as_str()) {
                v.push(format!("a file name reserved on Windows: {path:?}"));
            }
            if part.ends_with('.') || part.ends_with(' ') {
                v.push(format!("a file name Windows cannot keep: {path:?}"));
            }
        }
    }
    let mut written = BTreeSet::new();
    for f in &outcome.files {
        if !written.insert(f) {
            v.push(format!("two files written to one path: {f:?}"));
        }
    }

    // Slugs: [a-z0-9-], not empty, unique (history pages are per slug) and short.
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (name, slug) in &outcome.report.slugs {
        let plain = !slug.is_empty()
            && slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !plain {
            v.push(format!("the slug {slug:?} of {name:?} is not [a-z0-9-]+"));
        }
        if slug.len() > 95 {
            v.push(format!("the slug of {name:?} is {} bytes long", slug.len()));
        }
        if let Some(other) = seen.insert(slug, name) {
            v.push(format!("{other:?} and {name:?} share the slug {slug:?}"));
        }
    }

    // Each department has its own page, linked from its period page (HTML and Markdown),
    // and its own history page, linked from the overview.
    let index_links = html_links(text(&files, "index.html").unwrap_or(""));
    for period in &outcome.report.periods {
        let dir = period_dir(period);
        let mut slugs = BTreeSet::new();
        if !period.departments.iter().all(|d| slugs.insert(&d.slug)) {
            v.push(format!("{dir}: one slug given twice"));
        }
        let period_html = html_links(text(&files, &format!("{dir}/index.html")).unwrap_or(""));
        let period_md = md_links(text(&files, &format!("{dir}/index.md")).unwrap_or(""));
        for d in &period.departments {
            let title = format!("{} · ", shown(&d.name));
            for (ext, links) in [("html", &period_html), ("md", &period_md)] {
                let from = format!("{dir}/index.{ext}");
                let target = links
                    .iter()
                    .find(|(_, label)| *label == shown(&d.name))
                    .and_then(|(href, _)| resolve(&from, href));
                let Some(target) = target else {
                    v.push(format!("{from} has no link to {:?}", d.name));
                    continue;
                };
                let h1 = match ext {
                    "html" => text(&files, &target).and_then(html_h1),
                    _ => text(&files, &target)
                        .and_then(|md| md_headings(md).into_iter().next())
                        .map(|(_, h)| h),
                };
                if !h1.as_deref().is_some_and(|h| h.starts_with(&title)) {
                    v.push(format!(
                        "{from}: the link to {:?} leads to {target:?}, titled {h1:?}",
                        d.name
                    ));
                }
            }
        }
    }
    for (name, slug) in &outcome.report.slugs {
        let target = index_links
            .iter()
            .filter(|(_, label)| *label == shown(name))
            .filter_map(|(href, _)| resolve("index.html", href))
            .find(|t| t.starts_with("pd/"));
        let h1 = target
            .as_deref()
            .and_then(|t| text(&files, t))
            .and_then(html_h1);
        if !h1.as_deref().is_some_and(|h| h.ends_with(&shown(name))) {
            v.push(format!(
                "index.html: the history of {name:?} (slug {slug:?}) is {target:?}, titled {h1:?}"
            ));
        }
    }

    // summary.json: valid JSON, the names as given.
    match text(&files, "data/summary.json").map(serde_json::from_str::<Value>) {
        Some(Ok(summary)) => {
            let expected: BTreeSet<String> = names.iter().map(|n| tidy(n)).collect();
            let actual = summary_names(&summary);
            if actual != expected {
                v.push(format!(
                    "summary.json names {:?}, expected {:?}",
                    actual.symmetric_difference(&expected).collect::<Vec<_>>(),
                    "the names as given"
                ));
            }
        }
        other => v.push(format!("summary.json: {other:?}")),
    }
    // The pages themselves are as safe as any.
    check_site(&files, &BTreeSet::new(), &mut v);
    v
}

#[test]
fn department_names_cannot_leave_the_output_folder() {
    let names: Vec<String> = [
        "../../../etc/passwd",
        "../../../../../../../../tmp/evil",
        "..",
        ".",
        "/",
        "/etc/passwd",
        "\\\\evil\\share",
        "..\\..\\evil",
        "../site/index",
        "Index",
        "index.html",
        "!!!",
        "-",
        "~",
        "Dinas 社会",
        "Перевод",
        "社会",
        "Dinas",
        "a\u{200D}b",
    ]
    .map(String::from)
    .to_vec();
    finish(
        "department_names_cannot_leave_the_output_folder",
        check_department_names(&names),
    );
}

#[test]
fn windows_reserved_department_names_get_other_file_names() {
    // Microsoft's list of reserved names includes COM0 and LPT0.
    let names: Vec<String> = [
        "CON", "nul", "Aux.txt", "PRN", "COM1", "lpt9", "com9.md", "CON.html", "COM0", "LPT0",
    ]
    .map(String::from)
    .to_vec();
    finish(
        "windows_reserved_department_names_get_other_file_names",
        check_department_names(&names),
    );
}

#[test]
fn colliding_department_names_keep_their_own_pages() {
    // `Dinas Sosial`, `DINAS-SOSIAL` and `dinas sosial!` share the slug `dinas-sosial`;
    // the names `dinas-sosial-2` and `pd-2` are the slugs a collision would be given.
    let names: Vec<String> = [
        "Dinas Sosial",
        "DINAS-SOSIAL",
        "dinas sosial!",
        "dinas-sosial-2",
        "!!!",
        "???",
        "pd-2",
        "CON",
        "con-pd",
    ]
    .map(String::from)
    .to_vec();
    finish(
        "colliding_department_names_keep_their_own_pages",
        check_department_names(&names),
    );
}

#[test]
fn long_department_names_give_short_file_names() {
    // 200 characters (the most a department name may have); two names alike in their
    // first 198.
    let mut base = String::from("Dinas");
    while base.chars().count() < 198 {
        base.push_str(" Pekerjaan Umum");
    }
    let base: String = base
        .chars()
        .take(198)
        .collect::<String>()
        .trim_end()
        .to_string();
    let names = vec![
        format!("{base} A"),
        format!("{base} B"),
        "社".repeat(200),
        "Перевод ".repeat(25).trim_end().to_string(),
    ];
    finish(
        "long_department_names_give_short_file_names",
        check_department_names(&names),
    );
}

#[test]
fn direction_controls_in_department_names_reach_no_page() {
    // The print header in each page's <style> carries the page title, and so the name.
    let names: Vec<String> = [
        "\u{202E}lmth.exe",
        "\u{2066}isolate\u{2067}rtl\u{2068}first\u{2069}",
        "Dinas\u{200F}Sosial\u{202A}x\u{202C}",
    ]
    .map(String::from)
    .to_vec();
    finish(
        "direction_controls_in_department_names_reach_no_page",
        check_department_names(&names),
    );
}

#[test]
fn file_names_cannot_add_markdown_blocks() {
    // The data-quality page lists the files it did not read as a Markdown list, one
    // `- <name>: <reason>` line each.
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    let data = w.join("data");
    let rows = vec![
        vec![
            "No Tiket".to_string(),
            "Waktu Posting".into(),
            "Waktu Lapor".into(),
        ],
        vec!["T1".into(), at(0, "08:00"), at(0, "08:30")],
    ];
    write_csv(&data.join("ekspor.csv"), csv::Terminator::CRLF, &rows);
    for name in FILES_SKIPPED {
        std::fs::write(data.join(name), "%PDF-1.4\n").unwrap();
    }
    std::fs::write(w.join("patuh.toml"), "").unwrap();
    build_site(w).unwrap_or_else(|e| panic!("{e}"));
    let files = site_files(&w.join("site"));
    let mut v = Vec::new();
    check_site(&files, &BTreeSet::new(), &mut v);
    let quality = shown_md(text(&files, "kualitas-data.md").unwrap());
    for name in FILES_SKIPPED {
        if !quality.contains(&shown(name)) {
            v.push(format!("kualitas-data.md does not show {name:?}"));
        }
    }
    finish("file_names_cannot_add_markdown_blocks", v);
}

/// What `patuh check` and a failed run print: file names and cells carrying terminal
/// escapes (clear the screen, set the window title, colours), a carriage return and
/// direction controls reach the terminal as visible `\u{..}` escapes, never raw.
#[test]
fn terminal_output_shows_control_characters_as_escapes() {
    let work = one_export(
        "a\u{1b}[31mb\r\u{202E}c.csv",
        "No Tiket,Waktu Posting,Waktu Lapor,Admin\n\
         T1,\u{1b}]0;pwned\u{7},27/11/2026 10:00,Rina\u{1b}[2J\n\
         T2,27/11/2026 09:00,27/11/2026 09:30,Budi\n",
    );
    let data = work.path().join("data");
    let run = |args: &[&str]| {
        let ran = patuh(work.path(), args);
        (ran.code, ran.stdout, ran.stderr)
    };
    let raw = |s: &str| {
        s.chars()
            .filter(|c| (c.is_control() && *c != '\n') || is_bidi(*c))
            .collect::<Vec<char>>()
    };
    let (code, out, err) = run(&["check", "--lang", "en"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(raw(&out), Vec::<char>::new(), "{out:?}");
    assert!(
        out.contains("  a\\u{1b}[31mb\\u{d}\\u{202e}c.csv (text, UTF-8, delimiter ',')"),
        "{out}"
    );
    assert!(out.contains("\"\\u{1b}]0;pwned\\u{7}\""), "{out}");
    // A run that fails on a file with such a name: the error names it, escaped.
    // (A damaged zip: text under a workbook's name would be skipped, not fail the run.)
    std::fs::write(data.join("x\u{1b}[2J.xlsx"), b"PK\x03\x04 not a workbook").unwrap();
    let (code, out, err) = run(&["check", "--lang", "en"]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(raw(&err), Vec::<char>::new(), "{err:?}");
    assert!(
        err.starts_with("error: cannot read x\\u{1b}[2J.xlsx: "),
        "{err}"
    );
}

/// The office's commentary (`catatan/<period>.md`) is Markdown the office writes, so its
/// emphasis and safe links stay; a `javascript:` link, an autolink to another scheme, a
/// reference link to one, raw HTML and images (which would reach the network) do not
/// reach the week's HTML page or its Markdown page as rendered by a CommonMark renderer.
#[test]
fn commentary_keeps_its_formatting_but_nothing_active() {
    let work = tempfile::tempdir().unwrap();
    let w = work.path();
    std::fs::create_dir_all(w.join("data/catatan")).unwrap();
    std::fs::write(w.join("patuh.toml"), "").unwrap();
    std::fs::write(
        w.join("data/x.csv"),
        "No Tiket,Waktu Posting,Waktu Lapor\nT1,02/11/2026 09:00,02/11/2026 09:30\n",
    )
    .unwrap();
    std::fs::write(
        w.join("data/catatan/2026-W45.md"),
        "**Banjir** di [Bekasi Utara](https://bekasikota.go.id).\n\n\
         [klik](javascript:alert(1)) <vbscript:msgbox> [ref][r] <img src=x onerror=alert(1)>\n\n\
         ![pelacak](http://evil.example/t.png)\n\n[r]: data:text/html,x\n",
    )
    .unwrap();
    build_site(w).unwrap();
    let html = pages::page(&w.join("site"), "minggu/2026-W45/index.html");
    let md = pages::page(&w.join("site"), "minggu/2026-W45/index.md");
    let rendered = md_to_html(&md);
    for (page, text) in [("html", &html), ("md", &rendered)] {
        assert!(text.contains("<strong>Banjir</strong>"), "{page}: {text}");
        assert!(
            text.contains("<a href=\"https://bekasikota.go.id\">Bekasi Utara</a>")
                || text.contains("<a href=\"https:&#x2F;&#x2F;bekasikota.go.id\">Bekasi Utara</a>"),
            "{page}: {text}"
        );
        for bad in [
            "href=\"javascript",
            "href=\"vbscript",
            "href=\"data",
            "<img",
            "evil.example",
        ] {
            assert!(!text.contains(bad), "{page} has {bad}: {text}");
        }
    }
}
