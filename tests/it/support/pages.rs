//! Reading a built site: its files and their hashes, HTML character references and
//! attributes, Markdown through pulldown-cmark as a CommonMark reader sees it, and
//! relative links.

use std::collections::BTreeMap;
use std::path::Path;

use pulldown_cmark::{html, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use sha2::{Digest, Sha256};

/// The text of the file `path` (relative, with `/`) of the site in `site`.
pub fn page(site: &Path, path: &str) -> String {
    std::fs::read_to_string(site.join(path))
        .unwrap_or_else(|e| panic!("{path} in {}: {e}", site.display()))
}

/// The value of attribute `name` among a tag's (decoded) attributes.
pub fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `path` below `root`, with `/` between its parts.
pub fn relative(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap()
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every file under `root`: relative path (with `/`) → bytes.
pub fn site_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| (relative(e.path(), root), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// The file `path` of a [`site_files`] listing, as text; `None` when there is none.
pub fn try_text<'a>(files: &'a BTreeMap<String, Vec<u8>>, path: &str) -> Option<&'a str> {
    files.get(path).map(|bytes| {
        std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{path} is not UTF-8: {e}"))
    })
}

/// The file `path` of a [`site_files`] listing, as text.
pub fn text<'a>(files: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    try_text(files, path).unwrap_or_else(|| panic!("the site has no {path}"))
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every file under `root` (relative path → SHA-256) and every folder (`path/` → empty),
/// links not followed.
pub fn fingerprint(root: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(root)
        .min_depth(1)
        .into_iter()
        .map(Result::unwrap)
        .map(|e| {
            let relative = relative(e.path(), root);
            if e.file_type().is_dir() {
                (format!("{relative}/"), String::new())
            } else {
                (relative, sha256_hex(&std::fs::read(e.path()).unwrap()))
            }
        })
        .collect()
}

/// The site's `data/summary.json`, parsed.
pub fn summary(site: &Path) -> serde_json::Value {
    serde_json::from_str(&page(site, "data/summary.json")).unwrap()
}

/// Decodes HTML character references (`&amp;`, `&#x2F;`, `&#39;` …).
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&e| e <= 10).and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let n = if let Some(hex) = entity
                        .strip_prefix("#x")
                        .or_else(|| entity.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()
                    } else {
                        entity.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    n.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` with runs of white space collapsed to one space, trimmed.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Markdown extensions the site's `.md` pages are read with.
pub fn md_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// A Markdown page rendered to HTML by pulldown-cmark.
pub fn md_to_html(md: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(md, md_options()));
    out
}

/// The text a reader sees: text and code spans, a space between blocks and cells.
pub fn md_text(md: &str) -> String {
    let mut out = String::new();
    for e in Parser::new_ext(md, md_options()) {
        match e {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// The headings of a Markdown page: (level, text with white space collapsed).
pub fn md_headings(md: &str) -> Vec<(HeadingLevel, String)> {
    let mut out = Vec::new();
    let mut current: Option<(HeadingLevel, String)> = None;
    for e in Parser::new_ext(md, md_options()) {
        match e {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, t)) = current.take() {
                    out.push((level, squash(&t)));
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

/// The tables of a Markdown page: rows (head row first) of cell texts.
pub fn md_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut cell: Option<String> = None;
    for e in Parser::new_ext(md, md_options()) {
        match e {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                tables.last_mut().unwrap().push(Vec::new())
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let c = squash(&cell.take().unwrap());
                tables.last_mut().unwrap().last_mut().unwrap().push(c);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    tables
}

/// Resolves `target` (relative, maybe with `#fragment` or `?query`) against the page at
/// `page` (a site-relative path); `None` when it climbs out of the site.
pub fn resolve(page: &str, target: &str) -> Option<String> {
    let path = target.split(['#', '?']).next().unwrap();
    if path.is_empty() {
        return Some(page.to_string());
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The rows of a Markdown page's tables that do not have the cell borders of their
/// table's first row (a cell split by a `|`): (borders expected, borders found, row).
pub fn uneven_table_rows(md: &str) -> Vec<(usize, usize, &str)> {
    let mut uneven = Vec::new();
    let mut columns: Option<usize> = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let pipes = cell_borders(line);
        match columns {
            None => columns = Some(pipes),
            Some(n) if n != pipes => uneven.push((n, pipes, line)),
            Some(_) => {}
        }
    }
    uneven
}

/// The cell borders (`|` not escaped by a backslash) of a Markdown table row.
fn cell_borders(line: &str) -> usize {
    let mut pipes = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    pipes
}
