//! The whole report site (OUTPUT.md, "The site"): the pages a build writes for the sample
//! exports, byte-identical rebuilds, links that work from disk with no network, the same
//! numbers in HTML and Markdown, the manifest, atomic publishing and the refusal to
//! replace a folder that is not a site, escaping of citizens' text, the page language, and
//! reviewed snapshots of the pages of a small fixture (tests/fixtures/site/small/README.md
//! works out every number of it by hand).
//!
//! Library builds use the fixed `support::NOW`; the binary takes the wall clock, and all
//! timestamps here lie in September–November 2026, before any moment these tests run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::pages::{
    attr, decode, fingerprint, md_headings, md_options, md_tables, md_text, md_to_html, resolve,
    sha256_hex, site_files, squash, text, uneven_table_rows,
};
use crate::support::{build, build_work, config_of, fixture, one_export, patuh, repo, workdir};
use patuh::config::Config;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
use serde_json::{json, Value};

/// The hostile strings of the escaping test, as a citizen (or a careless admin) might
/// type them into an export.
const HOSTILE: [&str; 5] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "# Heading",
    "| a | b |",
    "[x](http://evil.example)",
];

// ---------------------------------------------------------------------------------------
// Reading a site

/// The direct children (files and folders) of `dir` in a site listing.
fn children<'a>(files: &'a BTreeMap<String, Vec<u8>>, dir: &str) -> BTreeSet<&'a str> {
    files
        .keys()
        .filter_map(|p| p.strip_prefix(dir))
        .map(|rest| rest.split('/').next().unwrap())
        .collect()
}

// ---------------------------------------------------------------------------------------
// A small HTML scanner: tags with their (entity-decoded) attributes, and text.

#[derive(Debug, Clone)]
enum Tok {
    Open {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Close(String),
    Text(String),
}

fn html_tokens(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let Some(off) = src[i..].find('<') else {
            toks.push(Tok::Text(decode(&src[i..])));
            break;
        };
        if off > 0 {
            toks.push(Tok::Text(decode(&src[i..i + off])));
        }
        let start = i + off + 1;
        if src[start..].starts_with("!--") {
            i = src[start..].find("-->").map_or(b.len(), |e| start + e + 3);
            continue;
        }
        if matches!(b.get(start), Some(b'!' | b'?')) {
            i = src[start..].find('>').map_or(b.len(), |e| start + e + 1);
            continue;
        }
        let closing = b.get(start) == Some(&b'/');
        let mut j = if closing { start + 1 } else { start };
        let name_start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        assert!(
            j > name_start,
            "a bare '<' in the HTML text at byte {i}: {}",
            &src[i..(i + 80).min(src.len())]
        );
        let name = src[name_start..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= b.len() {
                break;
            }
            if b[j] == b'>' {
                j += 1;
                break;
            }
            if b[j] == b'/' {
                j += 1;
                continue;
            }
            let attr_start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/')
            {
                j += 1;
            }
            let attr_name = src[attr_start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let quote = b[j] as char;
                    let value_start = j + 1;
                    let value_end = value_start
                        + src[value_start..]
                            .find(quote)
                            .expect("attribute value closed");
                    value = decode(&src[value_start..value_end]);
                    j = value_end + 1;
                } else {
                    let value_start = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = decode(&src[value_start..j]);
                }
            }
            attrs.push((attr_name, value));
        }
        toks.push(if closing {
            Tok::Close(name)
        } else {
            Tok::Open { name, attrs }
        });
        i = j;
    }
    toks
}

/// The visible text of a page: no tags, no `<style>`, `<script>` or `<svg>` content.
fn html_text(src: &str) -> String {
    let mut out = String::new();
    let mut hidden: Vec<String> = Vec::new();
    for tok in html_tokens(src) {
        match tok {
            Tok::Open { name, .. } if matches!(name.as_str(), "style" | "script" | "svg") => {
                hidden.push(name)
            }
            Tok::Close(name) if hidden.last() == Some(&name) => {
                hidden.pop();
            }
            Tok::Text(t) if hidden.is_empty() => out.push_str(&t),
            _ => out.push(' '),
        }
    }
    out
}

/// The tables of an HTML page: rows of cell texts (`th` and `td`), `thead` rows included.
fn html_tables(src: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut cell: Option<String> = None;
    let mut hidden = 0;
    for tok in html_tokens(src) {
        match tok {
            Tok::Open { name, .. } => match name.as_str() {
                "table" => tables.push(Vec::new()),
                "tr" => tables.last_mut().unwrap().push(Vec::new()),
                "th" | "td" => cell = Some(String::new()),
                "svg" | "style" | "script" => hidden += 1,
                _ => {}
            },
            Tok::Close(name) => match name.as_str() {
                "th" | "td" => {
                    let c = squash(&cell.take().unwrap());
                    tables.last_mut().unwrap().last_mut().unwrap().push(c);
                }
                "svg" | "style" | "script" => hidden -= 1,
                _ => {}
            },
            Tok::Text(t) => {
                if let (Some(c), 0) = (cell.as_mut(), hidden) {
                    c.push_str(&t);
                }
            }
        }
    }
    tables
}

// ---------------------------------------------------------------------------------------
// Markdown through pulldown-cmark

/// The link and image targets of a Markdown page.
fn md_links(md: &str) -> Vec<String> {
    Parser::new_ext(md, md_options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Links

/// Whether a link target names a scheme (`http:`, `javascript:` …) or a host (`//cdn…`).
fn is_absolute(target: &str) -> bool {
    let t = target.trim();
    if t.starts_with("//") || t.starts_with("\\\\") {
        return true;
    }
    match t.find(':') {
        Some(i) => {
            let scheme = &t[..i];
            !scheme.is_empty()
                && scheme.chars().next().unwrap().is_ascii_alphabetic()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !t[..i].contains('/')
        }
        None => false,
    }
}

/// The attributes that load or link something.
fn is_link_attr(name: &str) -> bool {
    matches!(
        name,
        "href" | "src" | "srcset" | "action" | "formaction" | "poster" | "data" | "background"
    ) || name.ends_with(":href")
}

/// The links of every page (`.html` and `.md`): page → targets as written.
fn page_links(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for path in files.keys() {
        let targets = if path.ends_with(".html") {
            html_tokens(text(files, path))
                .into_iter()
                .filter_map(|t| match t {
                    Tok::Open { attrs, .. } => Some(attrs),
                    _ => None,
                })
                .flatten()
                .filter(|(n, _)| is_link_attr(n))
                .map(|(_, v)| v)
                .collect()
        } else if path.ends_with(".md") {
            md_links(text(files, path))
        } else {
            continue;
        };
        out.insert(path.clone(), targets);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Numbers as the pages write them (Indonesian)

/// Compliance with one decimal, rounded half up on the exact fraction (METRICS.md).
fn pct_id(met: u64, breached: u64) -> String {
    let judged = met + breached;
    if judged == 0 {
        return "–".into();
    }
    let tenths = (2000 * met + judged) / (2 * judged);
    format!("{},{}%", tenths / 10, tenths % 10)
}

fn int_id(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn date_id(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    let d = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap();
    use chrono::Datelike;
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

fn percentages(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            // `88,5%`, as the pages write a percentage.
            if chars.get(j) == Some(&',')
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                && chars.get(j + 2) == Some(&'%')
            {
                out.push(chars[i..j + 3].iter().collect());
                i = j + 3;
                continue;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

const STEP_IDS: [&str; 4] = ["pemantauan", "disposisi", "penerusan", "end_to_end"];

/// The cells a steps table shows for `steps` (a `steps` object of summary.json): compliance,
/// met, breached, overdue, pending, invalid, unmeasurable, not applicable.
fn expected_step_cells(steps: &Value) -> Vec<Vec<String>> {
    STEP_IDS
        .iter()
        .map(|id| {
            let s = &steps[id];
            let n = |k: &str| s[k].as_u64().unwrap_or_else(|| panic!("{id}.{k}"));
            // The percentage with the count it is made of: `88,5% (123 dari 139)`.
            let judged = n("met") + n("breached");
            let mut row = vec![if judged == 0 {
                "–".to_string()
            } else {
                format!(
                    "{} ({} dari {})",
                    pct_id(n("met"), n("breached")),
                    int_id(n("met")),
                    int_id(judged)
                )
            }];
            for k in [
                "met",
                "breached",
                "overdue",
                "pending",
                "invalid",
                "unmeasurable",
                "not_applicable",
            ] {
                row.push(int_id(n(k)));
            }
            row
        })
        .collect()
}

/// Columns 2..10 (compliance … not applicable) of the body rows of a steps table.
fn step_cells(table: &[Vec<String>]) -> Vec<Vec<String>> {
    // From the compliance column (after the target column when targets are set), the
    // figure without its below-target note (`tests/it/accountability.rs` checks those).
    let from = table[0].iter().position(|h| h == "Kepatuhan").unwrap();
    table[1..]
        .iter()
        .map(|row| {
            let mut cells = row[from..from + 8].to_vec();
            if let Some(at) = cells[0].find(" ▼ ") {
                cells[0].truncate(at);
            }
            cells
        })
        .collect()
}

// =======================================================================================
// 1. The pages of the sample site

#[test]
fn sample_site_has_a_page_for_every_period_and_department() {
    let work = workdir(repo());
    let out = work.path().join("site");
    let outcome = build_work(work.path(), &out);
    let files = site_files(&out);

    let written: BTreeSet<&str> = outcome.files.iter().map(String::as_str).collect();
    let on_disk: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(written, on_disk, "BuildOutcome.files is what is on disk");

    assert_eq!(
        children(&files, ""),
        BTreeSet::from([
            "assets",
            "bulan",
            "cari",
            "data",
            "index.html",
            "index.md",
            "kualitas-data.html",
            "kualitas-data.md",
            "manifest.json",
            "masalah-data.csv",
            "metode.html",
            "metode.md",
            "minggu",
            "pd",
        ])
    );
    assert_eq!(children(&files, "data/"), BTreeSet::from(["summary.json"]));
    assert_eq!(
        children(&files, "assets/"),
        BTreeSet::from(["search.js", "sort.js", "style.css"])
    );

    // data/README.md: 2026-W40 … 2026-W47, 1347 rows read = 1299 + 47 + 1.
    let summary: Value = serde_json::from_slice(&files["data/summary.json"]).unwrap();
    assert_eq!(
        summary["rows"],
        json!({"read": 1347, "included": 1299, "duplicates": 47, "rejected": 1})
    );
    let periods = summary["periods"].as_array().unwrap();
    let shown: Vec<[&str; 4]> = periods
        .iter()
        .map(|p| {
            [
                p["kind"].as_str().unwrap(),
                p["label"].as_str().unwrap(),
                p["start"].as_str().unwrap(),
                p["end"].as_str().unwrap(),
            ]
        })
        .collect();
    assert_eq!(
        shown,
        [
            ["week", "2026-W40", "2026-09-28", "2026-10-04"],
            ["week", "2026-W41", "2026-10-05", "2026-10-11"],
            ["week", "2026-W42", "2026-10-12", "2026-10-18"],
            ["week", "2026-W43", "2026-10-19", "2026-10-25"],
            ["week", "2026-W44", "2026-10-26", "2026-11-01"],
            ["week", "2026-W45", "2026-11-02", "2026-11-08"],
            ["week", "2026-W46", "2026-11-09", "2026-11-15"],
            ["week", "2026-W47", "2026-11-16", "2026-11-22"],
            ["month", "2026-09", "2026-09-01", "2026-09-30"],
            ["month", "2026-10", "2026-10-01", "2026-10-31"],
            ["month", "2026-11", "2026-11-01", "2026-11-30"],
        ]
    );
    assert_eq!(
        children(&files, "minggu/"),
        BTreeSet::from([
            "2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46",
            "2026-W47",
        ])
    );
    assert_eq!(
        children(&files, "bulan/"),
        BTreeSet::from(["2026-09", "2026-10", "2026-11"])
    );

    // Each period folder: its overview and one page per department of that period.
    let mut all_departments: BTreeMap<String, String> = BTreeMap::new();
    for p in periods {
        let label = p["label"].as_str().unwrap();
        let dir = match p["kind"].as_str().unwrap() {
            "week" => format!("minggu/{label}/"),
            _ => format!("bulan/{label}/"),
        };
        let mut expected = BTreeSet::from([
            "index.html".to_string(),
            "index.md".to_string(),
            // The period's workbook.
            "index.xlsx".to_string(),
        ]);
        // A month's letter to the Wali Kota's office and the Perangkat Daerah.
        if p["kind"] == "month" {
            expected.extend(["surat.html".to_string(), "surat.md".to_string()]);
        }
        let mut slugs = BTreeSet::new();
        for d in p["departments"].as_array().unwrap() {
            let (name, slug) = (d["name"].as_str().unwrap(), d["slug"].as_str().unwrap());
            assert!(slugs.insert(slug), "{label}: slug {slug} given twice");
            expected.insert(format!("{slug}.html"));
            expected.insert(format!("{slug}.md"));
            // Its item register to download.
            expected.insert(format!("{slug}.csv"));
            all_departments.insert(name.to_string(), slug.to_string());
        }
        let actual: BTreeSet<String> = children(&files, &dir)
            .into_iter()
            .map(str::to_string)
            .collect();
        assert_eq!(actual, expected, "the pages of {dir}");
        let has = |slug: &str| slugs.contains(slug);
        // About 30% of each week's items are answered directly (data/README.md).
        assert!(has("dijawab-langsung"), "{label}");
        // Planted mistake 3: the typo "Dinas Lingkugan Hidup" in the W43 export only.
        assert_eq!(
            has("dinas-lingkugan-hidup"),
            label == "2026-W43" || label == "2026-10",
            "{label}"
        );
        // Three items still undisposed in the last export (posted in its last days).
        assert_eq!(
            has("belum-didisposisi"),
            label == "2026-W47" || label == "2026-11",
            "{label}"
        );
    }

    // The departments: the 15 canonical names of patuh.toml, the typo, two pseudo ones.
    let names: BTreeSet<&str> = all_departments.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        BTreeSet::from([
            "Badan Penanggulangan Bencana Daerah",
            "Belum Didisposisi",
            "Dijawab Langsung",
            "Dinas Bina Marga dan Sumber Daya Air",
            "Dinas Kependudukan dan Pencatatan Sipil",
            "Dinas Kesehatan",
            "Dinas Lingkugan Hidup",
            "Dinas Lingkungan Hidup",
            "Dinas Pendidikan",
            "Dinas Perhubungan",
            "Dinas Perumahan, Kawasan Permukiman dan Pertanahan",
            "Dinas Sosial",
            "Dinas Tata Ruang",
            "Kecamatan Bekasi Timur",
            "Kecamatan Bekasi Utara",
            "Perumda Tirta Patriot",
            "RSUD dr. Chasbullah Abdulmadjid",
            "Satuan Polisi Pamong Praja",
        ])
    );
    assert_eq!(
        all_departments["Dinas Perumahan, Kawasan Permukiman dan Pertanahan"],
        "dinas-perumahan-kawasan-permukiman-dan-pertanahan"
    );
    assert_eq!(
        all_departments["RSUD dr. Chasbullah Abdulmadjid"],
        "rsud-dr-chasbullah-abdulmadjid"
    );
    // One history page per department, with its workbook and its register of 2026 (the
    // sample's one year) as a workbook and as CSV; the two pseudo-departments are not
    // departments and have none.
    let history: BTreeSet<String> = children(&files, "pd/")
        .into_iter()
        .map(str::to_string)
        .collect();
    let expected: BTreeSet<String> = all_departments
        .iter()
        .filter(|(name, _)| !["Belum Didisposisi", "Dijawab Langsung"].contains(&name.as_str()))
        .flat_map(|(_, slug)| {
            ["html", "md", "xlsx", "2026.xlsx", "2026.csv"].map(|ext| format!("{slug}.{ext}"))
        })
        .collect();
    assert_eq!(history.len(), 5 * 16);
    assert_eq!(history, expected);
    // 13 = the 12 files of a site without issues (with assets/search.js and the search
    // manifest cari/index.js) and masalah-data.csv (the sample has data issues).
    assert_eq!(
        files.len(),
        13 + 3 * 11
            + 5 * 16
            // A letter in two formats per month.
            + 2 * 3
            // The search index: one shard per month (2026-09, 2026-10, 2026-11).
            + 3
            // A page in two formats and a CSV register per department and period.
            + 3 * {
                periods
                    .iter()
                    .map(|p| p["departments"].as_array().unwrap().len())
                    .sum::<usize>()
            }
    );
}

// =======================================================================================
// 2. Determinism

#[test]
fn same_inputs_build_byte_identical_sites() {
    // Two copies of the inputs in different folders, two differently named outputs.
    let first = workdir(repo());
    let second = workdir(repo());
    let out_a = first.path().join("site");
    let out_b = second.path().join("elsewhere/other-name");
    build_work(first.path(), &out_a);
    build_work(second.path(), &out_b);
    let a = site_files(&out_a);
    let b = site_files(&out_b);
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same files"
    );
    let differing: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(differing.is_empty(), "files that differ: {differing:?}");
    assert!(a.len() > 400);
}

// =======================================================================================
// 3. Links, network, navigation, HTML = Markdown

#[test]
fn every_link_resolves_and_nothing_loads_from_the_network() {
    let work = workdir(repo());
    let out = work.path().join("site");
    let outcome = build_work(work.path(), &out);
    let files = site_files(&out);
    let citizen_urls: BTreeSet<String> = outcome
        .ledger
        .items
        .iter()
        .filter_map(|i| i.url.as_deref())
        .map(|u| u.trim().to_string())
        .collect();
    assert!(citizen_urls.len() > 100, "the sample has post links");

    let mut problems = Vec::new();
    let mut post_links = 0;
    for (page, bytes) in &files {
        if page.ends_with(".xlsx") {
            continue;
        }
        let src = std::str::from_utf8(bytes).unwrap();
        if page.ends_with(".html") {
            let toks = html_tokens(src);
            let ids: BTreeSet<&str> = toks
                .iter()
                .filter_map(|t| match t {
                    Tok::Open { attrs, .. } => attr(attrs, "id"),
                    _ => None,
                })
                .collect();
            let mut items_tables = 0;
            let mut table_is_items = Vec::new();
            for tok in &toks {
                let (name, attrs) = match tok {
                    Tok::Open { name, attrs } => (name, attrs),
                    Tok::Close(name) => {
                        if name == "table" && table_is_items.pop() == Some(true) {
                            items_tables -= 1;
                        }
                        continue;
                    }
                    Tok::Text(_) => continue,
                };
                if name == "table" {
                    // Item tables, and the overview's open items ("Perlu tindakan").
                    let items = attr(attrs, "class")
                        .is_some_and(|c| c.split_whitespace().any(|c| c == "items" || c == "todo"));
                    table_is_items.push(items);
                    if items {
                        items_tables += 1;
                    }
                }
                for (attr_name, value) in attrs {
                    if attr_name.starts_with("on") {
                        problems.push(format!("{page}: event handler {attr_name}={value:?}"));
                    }
                    if value.contains("//cdn") {
                        problems.push(format!("{page}: {attr_name}={value:?} names a CDN"));
                    }
                    if attr_name == "style" && value.contains("url(") {
                        problems.push(format!("{page}: style loads {value:?}"));
                    }
                    if !is_link_attr(attr_name) {
                        continue;
                    }
                    if value.trim().is_empty() {
                        problems.push(format!("{page}: empty {attr_name} on <{name}>"));
                    } else if let Some(fragment) = value.strip_prefix('#') {
                        if !ids.contains(fragment) {
                            problems.push(format!("{page}: no id for {value}"));
                        }
                    } else if is_absolute(value) {
                        let rel = attr(attrs, "rel").unwrap_or("");
                        let rel: BTreeSet<&str> = rel.split_whitespace().collect();
                        let ok = name == "a"
                            && attr_name == "href"
                            && (value.starts_with("https://") || value.starts_with("http://"))
                            && citizen_urls.contains(value.as_str())
                            && ["nofollow", "noopener", "noreferrer"]
                                .iter()
                                .all(|r| rel.contains(r))
                            && items_tables > 0;
                        if ok {
                            post_links += 1;
                        } else {
                            problems.push(format!(
                                "{page}: absolute {attr_name}={value:?} on <{name}> (rel {rel:?})"
                            ));
                        }
                    } else {
                        match resolve(page, value) {
                            Some(target) if files.contains_key(&target) => {}
                            _ => problems.push(format!("{page}: broken link {value:?}")),
                        }
                    }
                }
            }
            if src.contains("//cdn") || src.contains("@import") {
                problems.push(format!("{page}: names a CDN or imports a style sheet"));
            }
        } else if page.ends_with(".md") {
            for target in md_links(src) {
                if is_absolute(&target) {
                    problems.push(format!("{page}: absolute Markdown link {target:?}"));
                } else {
                    match resolve(page, &target) {
                        Some(t) if files.contains_key(&t) => {}
                        _ => problems.push(format!("{page}: broken link {target:?}")),
                    }
                }
            }
        } else if page.ends_with(".css") || page.ends_with(".js") {
            for bad in [
                "http:",
                "https:",
                "@import",
                "url(//",
                "fetch(",
                "XMLHttpRequest",
            ] {
                if src.contains(bad) {
                    problems.push(format!("{page}: contains {bad:?}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), {
        let mut p = problems.clone();
        p.truncate(40);
        p.join("\n")
    });
    assert!(
        post_links > 100,
        "citizens' post links are shown ({post_links})"
    );
    // Every HTML page uses the site's own style sheet and script.
    for (page, bytes) in &files {
        if !page.ends_with(".html") {
            continue;
        }
        let root = "../".repeat(page.matches('/').count());
        let toks = html_tokens(std::str::from_utf8(bytes).unwrap());
        let has = |tag: &str, attr_name: &str, value: &str| {
            toks.iter().any(|t| {
                matches!(t, Tok::Open { name, attrs }
                    if name == tag && attr(attrs, attr_name) == Some(value))
            })
        };
        assert!(
            has("link", "href", &format!("{root}assets/style.css")),
            "{page}"
        );
        assert!(
            has("script", "src", &format!("{root}assets/sort.js")),
            "{page}"
        );
    }
}

#[test]
fn every_page_leads_back_to_the_overview() {
    let work = workdir(repo());
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    let links: BTreeMap<String, BTreeSet<String>> = page_links(&files)
        .into_iter()
        .map(|(page, targets)| {
            let resolved = targets
                .iter()
                .filter(|t| !is_absolute(t))
                .filter_map(|t| resolve(&page, t))
                .collect();
            (page, resolved)
        })
        .collect();
    let mut stranded = Vec::new();
    for (page, targets) in &links {
        let ext = if page.ends_with(".html") {
            "html"
        } else {
            "md"
        };
        let index = format!("index.{ext}");
        if *page == index {
            continue;
        }
        // Directly, or through a page it links to (its parent) that links to the index.
        let reaches = targets.contains(&index)
            || targets
                .iter()
                .filter(|t| t.ends_with(&format!(".{ext}")))
                .any(|t| links.get(t).is_some_and(|l| l.contains(&index)));
        if !reaches {
            stranded.push(page.as_str());
        }
    }
    assert!(
        stranded.is_empty(),
        "{} pages without a way back to the overview, e.g. {:?}",
        stranded.len(),
        &stranded[..stranded.len().min(8)]
    );
}

#[test]
fn html_and_markdown_pages_show_the_same_numbers() {
    let work = workdir(repo());
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    let summary: Value = serde_json::from_slice(&files["data/summary.json"]).unwrap();

    // Every page: the same compliance percentages, in the same order.
    let mut pages = 0;
    for page in files.keys().filter(|p| p.ends_with(".html")) {
        let md_page = format!("{}.md", page.strip_suffix(".html").unwrap());
        let in_html = percentages(&html_text(text(&files, page)));
        let in_md = percentages(&md_text(text(&files, &md_page)));
        assert_eq!(in_html, in_md, "{page} and {md_page}");
        if page.ends_with("/index.html") {
            assert!(!in_html.is_empty(), "{page} shows no percentage");
        }
        pages += 1;
    }
    let md_pages = files.keys().filter(|p| p.ends_with(".md")).count();
    assert_eq!(pages, md_pages, "every page in both formats");

    // Period and department pages: their steps table holds summary.json's numbers, in
    // both formats; period pages show the same whole steps table.
    for p in summary["periods"].as_array().unwrap() {
        let label = p["label"].as_str().unwrap();
        let dir = match p["kind"].as_str().unwrap() {
            "week" => format!("minggu/{label}"),
            _ => format!("bulan/{label}"),
        };
        let html_page = text(&files, &format!("{dir}/index.html"));
        let md_page = text(&files, &format!("{dir}/index.md"));
        let html_steps = &html_tables(html_page)[0];
        let md_steps = &md_tables(md_page)[0];
        assert_eq!(html_steps, md_steps, "{dir}: the steps table");
        assert_eq!(
            step_cells(md_steps),
            expected_step_cells(&p["total"]["steps"]),
            "{dir}: the steps table against summary.json"
        );
        let range = format!(
            "{} – {} · {} item",
            date_id(p["start"].as_str().unwrap()),
            date_id(p["end"].as_str().unwrap()),
            int_id(p["total"]["items"].as_u64().unwrap())
        );
        assert!(
            squash(&html_text(html_page)).contains(&range),
            "{dir}: {range}"
        );
        assert!(squash(&md_text(md_page)).contains(&range), "{dir}: {range}");

        for d in p["departments"].as_array().unwrap() {
            let slug = d["slug"].as_str().unwrap();
            let html_page = text(&files, &format!("{dir}/{slug}.html"));
            let md_page = text(&files, &format!("{dir}/{slug}.md"));
            let expected = expected_step_cells(&d["steps"]);
            let html_steps = &html_tables(html_page)[0];
            let md_steps = &md_tables(md_page)[0];
            assert_eq!(step_cells(html_steps), expected, "{dir}/{slug}.html");
            assert_eq!(step_cells(md_steps), expected, "{dir}/{slug}.md");
            let items = format!("· {} item", int_id(d["items"].as_u64().unwrap()));
            assert!(
                squash(&html_text(html_page)).contains(&items),
                "{dir}/{slug}"
            );
            assert!(squash(&md_text(md_page)).contains(&items), "{dir}/{slug}");
        }
    }
}

// =======================================================================================
// 4. The manifest

#[test]
fn manifest_lists_every_file_with_its_sha256() {
    let work = workdir(repo());
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    let manifest: Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    assert_eq!(manifest["generator"], "patuh");
    assert_eq!(manifest["version"], env!("CARGO_PKG_VERSION"));
    let config_hash = manifest["config_sha256"].as_str().unwrap();
    assert!(config_hash.len() == 64 && config_hash.bytes().all(|b| b.is_ascii_hexdigit()));

    let entries = |key: &str| -> Vec<(String, String)> {
        manifest[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["path"].as_str().unwrap().to_string(),
                    e["sha256"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };

    let outputs = entries("outputs");
    let listed: BTreeSet<&str> = outputs.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(listed.len(), outputs.len(), "no output listed twice");
    let expected: BTreeSet<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|p| *p != "manifest.json")
        .collect();
    assert_eq!(listed, expected, "every output but the manifest itself");
    for (path, hash) in &outputs {
        assert_eq!(*hash, sha256_hex(&files[path]), "{path}");
    }

    // The eight exports of data/README.md (README.md itself is not an input).
    let inputs = entries("inputs");
    let paths: Vec<&str> = inputs.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "2026-10/Laporan Medsos 12-18 Okt 2026.xlsx",
            "2026-10/Laporan Medsos 19-25 Okt 2026.csv",
            "2026-11/Laporan Medsos 16-22 Nov 2026.xlsx",
            "2026-11/Laporan Medsos 2-8 Nov 2026.csv",
            "2026-11/Laporan Medsos 26 Okt-1 Nov 2026.xlsx",
            "2026-11/Laporan Medsos 9-15 Nov 2026.xlsx",
            "Laporan Medsos 28 Sep-4 Okt 2026.xlsx",
            "Laporan Medsos 5-11 Okt 2026.csv",
        ]
    );
    for (path, hash) in &inputs {
        let bytes = std::fs::read(work.path().join("data").join(path)).unwrap();
        assert_eq!(*hash, sha256_hex(&bytes), "{path}");
    }
}

// =======================================================================================
// 5. Atomic publishing and refusal

/// Bytes that are no spreadsheet: a fixed xorshift stream.
fn junk(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Nothing but the lock file (kept, so that every build locks the same file) beside a site.
fn assert_no_leftovers(parent: &Path, name: &str) {
    for leftover in [format!(".{name}.patuh-new"), format!(".{name}.patuh-old")] {
        assert!(
            !parent.join(&leftover).exists(),
            "{leftover} left beside the site"
        );
    }
}

#[test]
fn a_build_while_another_writes_the_same_site_stops_and_leaves_it() {
    let work = workdir(&fixture("site/small"));
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let before = fingerprint(&out);
    // Another build holds the site's lock (the same lock a running `patuh build` takes).
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(work.path().join(".site.patuh-lock"))
        .unwrap();
    lock.lock().unwrap();
    let err = build(&config_of(work.path()), &work.path().join("data"), &out).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "another patuh build is writing {} right now: wait until it has finished, then \
             run this one again",
            out.display()
        )
    );
    assert_eq!(fingerprint(&out), before);
    assert!(!work.path().join(".site.patuh-new").exists());
    // Once it has finished, the build goes through and leaves nothing beside the site but
    // the lock file, which stays.
    drop(lock);
    build_work(work.path(), &out);
    assert_eq!(fingerprint(&out), before, "same inputs, same site");
    assert_no_leftovers(work.path(), "site");
    assert!(work.path().join(".site.patuh-lock").is_file());
}

#[test]
fn a_failed_build_leaves_the_previous_site_as_it_was() {
    let work = workdir(repo());
    patuh(work.path(), &["build", "--data", "data", "--out", "site"]).success();
    let site = work.path().join("site");
    let before = fingerprint(&site);
    assert!(before.contains_key("index.html") && before.len() > 400);

    // An export that cannot be read: the run fails, naming the file.
    std::fs::write(work.path().join("data/x.xlsx"), junk(4096)).unwrap();
    let failed = patuh(work.path(), &["build", "--data", "data", "--out", "site"]);
    let stderr = &failed.stderr;
    assert_eq!(failed.code, Some(1), "stderr: {stderr}");
    assert!(stderr.contains("x.xlsx"), "{stderr}");
    assert_eq!(fingerprint(&site), before, "the previous site is unchanged");
    assert_no_leftovers(work.path(), "site");

    // A template that fails while the pages are rendered (after everything was read).
    std::fs::remove_file(work.path().join("data/x.xlsx")).unwrap();
    std::fs::create_dir(work.path().join("templates")).unwrap();
    std::fs::write(
        work.path().join("templates/index.md"),
        "# {{ no_such_variable }}\n",
    )
    .unwrap();
    let failed = patuh(work.path(), &["build", "--data", "data", "--out", "site"]);
    let stderr = &failed.stderr;
    assert_eq!(failed.code, Some(1), "stderr: {stderr}");
    assert!(stderr.contains("index.md"), "{stderr}");
    assert_eq!(fingerprint(&site), before, "the previous site is unchanged");
    assert_no_leftovers(work.path(), "site");

    // A data folder with no exports (a wrong --data, files not copied yet): the previous
    // site stays; so does it when the data folder is the site itself.
    std::fs::remove_dir_all(work.path().join("templates")).unwrap();
    std::fs::create_dir(work.path().join("kosong")).unwrap();
    for data in ["kosong", "site"] {
        let failed = patuh(work.path(), &["build", "--data", data, "--out", "site"]);
        let stderr = &failed.stderr;
        assert_eq!(failed.code, Some(1), "stderr: {stderr}");
        assert_eq!(fingerprint(&site), before, "the previous site is unchanged");
        assert_no_leftovers(work.path(), "site");
    }
    let failed = patuh(
        work.path(),
        &["build", "--lang", "en", "--data", "kosong", "--out", "site"],
    );
    assert_eq!(
        failed.stderr.trim_end(),
        "error: no item was read from kosong (0 exports): the site in site was left as it \
         was. Check that --data names the folder of exports (`patuh check` lists what it \
         finds there)"
    );
    let failed = patuh(
        work.path(),
        &["build", "--lang", "en", "--data", "site", "--out", "site"],
    );
    assert_eq!(
        failed.stderr.trim_end(),
        "error: the data folder site is also the output folder: give the site a folder of \
         its own with --out"
    );

    // And a good build replaces it, leaving nothing beside it.
    patuh(work.path(), &["build", "--data", "data", "--out", "site"]).success();
    assert_eq!(
        fingerprint(&site),
        before,
        "the same inputs give the same site"
    );
    assert_no_leftovers(work.path(), "site");
}

#[test]
fn refuses_to_replace_a_folder_that_is_not_a_patuh_site() {
    let work = workdir(&fixture("site/small"));
    let home = work.path().join("home");
    std::fs::create_dir_all(home.join("notes")).unwrap();
    std::fs::write(home.join("thesis.docx"), "precious").unwrap();
    std::fs::write(home.join("notes/plan.txt"), "also precious").unwrap();
    // A manifest.json that some other program wrote does not make it a patuh site.
    let other = work.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("manifest.json"), r#"{"name": "my-app"}"#).unwrap();
    std::fs::write(other.join("index.html"), "<p>mine</p>").unwrap();

    for (dir, name, says) in [
        (&home, "home", "refusing to write into"),
        (&other, "other", "refusing to write into"),
        (
            &work.path().join("data"),
            "data",
            "is also the output folder",
        ),
    ] {
        let before = fingerprint(dir);
        let output = patuh(
            work.path(),
            &[
                "build",
                "--lang",
                "en",
                "--data",
                "data",
                "--out",
                dir.to_str().unwrap(),
            ],
        );
        let stderr = &output.stderr;
        assert_eq!(output.code, Some(1), "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert_eq!(fingerprint(dir), before, "{name} is untouched");
        assert_no_leftovers(work.path(), name);
        assert!(!work.path().join(format!(".{name}.patuh-lock")).exists());
    }

    // An empty folder, or one that does not exist yet, is fine.
    let empty = work.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    patuh(work.path(), &["build", "--data", "data", "--out", "empty"]).success();
    assert!(empty.join("manifest.json").is_file());
    patuh(
        work.path(),
        &["build", "--data", "data", "--out", "new/site"],
    )
    .success();
    assert!(work.path().join("new/site/index.html").is_file());
}

// =======================================================================================
// 6. Escaping citizens' text

/// An export whose text, account, department, url (and one ticket number) hold markup.
fn write_hostile_export(data: &Path) {
    std::fs::create_dir_all(data).unwrap();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_path(data.join("hostile.csv"))
        .unwrap();
    w.write_record([
        "No Tiket",
        "Waktu Posting",
        "Waktu Lapor",
        "Waktu Disposisi",
        "Disposisi",
        "Perangkat Daerah",
        "Waktu Diteruskan",
        "Akun",
        "Isi",
        "Tautan",
    ])
    .unwrap();
    let urls = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "http://evil.example/\"><script>alert(1)</script>",
        "javascript:alert(1)",
    ];
    for (i, department) in HOSTILE.iter().enumerate() {
        let day = 2 + i;
        let at = |hm: &str| format!("2026-11-{day:02} {hm}");
        let id = if i == 4 {
            HOSTILE[4].to_string()
        } else {
            format!("H{i}")
        };
        let text = format!(
            "{}\n{} {}",
            HOSTILE[(i + 2) % 5],
            HOSTILE[(i + 3) % 5],
            HOSTILE[(i + 4) % 5]
        );
        // Late to the Kasi (an exception, in every item table); the first one still open.
        let forwarded = if i == 0 { String::new() } else { at("09:40") };
        w.write_record([
            id.as_str(),
            &at("08:00"),
            &at("09:30"),
            &at("09:35"),
            "teruskan",
            department,
            &forwarded,
            HOSTILE[(i + 1) % 5],
            &text,
            urls[i],
        ])
        .unwrap();
    }
    w.flush().unwrap();
}

#[test]
fn citizens_text_cannot_add_markup_to_html_or_markdown() {
    let work = tempfile::tempdir().unwrap();
    write_hostile_export(&work.path().join("data"));
    let out = work.path().join("site");
    let outcome = build(&Config::default(), &work.path().join("data"), &out).unwrap();
    assert_eq!(outcome.ledger.items.len(), 5);
    let files = site_files(&out);
    // The hostile department names made pages (slugs are plain).
    for page in [
        "minggu/2026-W45/script-alert-1-script.md",
        "minggu/2026-W45/img-src-x-onerror-alert-1.md",
        "minggu/2026-W45/heading.md",
        "minggu/2026-W45/a-b.md",
        "minggu/2026-W45/x-http-evil-example.md",
        "pd/heading.html",
    ] {
        assert!(files.contains_key(page), "{page}");
    }

    let mut all_html_text = String::new();
    let mut all_md_text = String::new();
    for (page, bytes) in &files {
        if page.ends_with(".xlsx") {
            continue;
        }
        let src = std::str::from_utf8(bytes).unwrap();
        if page.ends_with(".html") {
            assert!(!src.contains("<script>alert"), "{page}");
            assert!(!src.contains("<img src=x"), "{page}");
            assert!(!src.contains("href=\"javascript:"), "{page}");
            for tok in html_tokens(src) {
                let Tok::Open { name, attrs } = tok else {
                    continue;
                };
                assert!(name != "img", "{page}: an <img>");
                if name == "script" {
                    assert!(
                        attr(&attrs, "src")
                            .is_some_and(|s| s.ends_with("assets/sort.js")
                                || s.ends_with("assets/search.js")),
                        "{page}: a <script> other than sort.js and search.js: {attrs:?}"
                    );
                }
                for (n, v) in &attrs {
                    assert!(!n.starts_with("on"), "{page}: <{name} {n}={v:?}>");
                    if is_link_attr(n) {
                        let v = v.trim().to_ascii_lowercase();
                        assert!(!v.starts_with("javascript:"), "{page}: <{name} {n}={v:?}>");
                    }
                }
            }
            all_html_text.push_str(&html_text(src));
        } else if page.ends_with(".md") {
            let rendered = md_to_html(src);
            for bad in [
                "<script",
                "<img",
                "<a href=\"javascript",
                "href=\"http://evil",
            ] {
                assert!(!rendered.contains(bad), "{page}: {bad} in\n{rendered}");
            }
            let headings = md_headings(src);
            assert_eq!(
                headings
                    .iter()
                    .filter(|(level, _)| *level == HeadingLevel::H1)
                    .count(),
                1,
                "{page}: one title\n{rendered}"
            );
            assert!(rendered.starts_with("<h1>"), "{page}");
            for (level, heading) in &headings {
                assert!(
                    !heading.starts_with("Heading"),
                    "{page}: a citizen's text became an <{level}>"
                );
            }
            // Table rows keep the columns of their header: no cell was split by a '|'.
            assert_eq!(uneven_table_rows(src), [], "{page}");
            all_md_text.push_str(&md_text(src));
        }
    }
    // Not vacuous: the text is there, shown as text.
    for hostile in HOSTILE {
        assert!(
            all_html_text.contains(hostile),
            "HTML shows {hostile:?} as text"
        );
        assert!(
            all_md_text.contains(hostile),
            "Markdown shows {hostile:?} as text"
        );
    }
    // Only an http(s) post link becomes a link, escaped and with rel.
    let register = text(&files, "minggu/2026-W45/a-b.html");
    let link = html_tokens(register)
        .into_iter()
        .find_map(|t| match t {
            Tok::Open { name, attrs }
                if name == "a" && attr(&attrs, "rel").is_some_and(|r| r.contains("nofollow")) =>
            {
                Some(attrs)
            }
            _ => None,
        })
        .expect("the post link of H3");
    assert_eq!(
        attr(&link, "href"),
        Some("http://evil.example/\"><script>alert(1)</script>")
    );
    assert_eq!(attr(&link, "rel"), Some("nofollow noopener noreferrer"));
}

// =======================================================================================
// 7. Language

#[test]
fn pages_speak_the_configured_language() {
    let work = workdir(&fixture("site/small"));
    // The fixture's configuration without its `lang` line: the default language.
    let toml = std::fs::read_to_string(work.path().join("patuh.toml")).unwrap();
    let without_lang: String = toml
        .lines()
        .filter(|l| !l.starts_with("lang"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without_lang, toml);
    std::fs::write(work.path().join("patuh.toml"), &without_lang).unwrap();

    patuh(work.path(), &["build", "--out", "id"]).success();
    patuh(work.path(), &["build", "--out", "en", "--lang", "en"]).success();
    std::fs::write(
        work.path().join("patuh.toml"),
        format!("lang = \"en\"\n{without_lang}"),
    )
    .unwrap();
    patuh(work.path(), &["build", "--out", "id-flag", "--lang", "id"]).success();

    let id = site_files(&work.path().join("id"));
    let en = site_files(&work.path().join("en"));
    assert_eq!(
        site_files(&work.path().join("id-flag")),
        id,
        "--lang id wins"
    );

    let id_index = text(&id, "index.html");
    assert!(id_index.contains("<html lang=\"id\">"));
    assert!(id_index.contains("Tepat waktu"));
    assert!(id_index.contains(
        "<p class=\"asof\">Kondisi per: <strong>Rabu, 4 November 2026 09.00 WIB</strong> (saat item dinilai; waktu terakhir dalam data)</p>"
    ));
    assert!(text(&id, "index.md").contains("Kondisi per: **Rabu, 4 November 2026 09.00 WIB**"));
    assert!(text(&id, "minggu/2026-W45/index.html").contains("rel=\"up\">↑ Ikhtisar</a>"));

    let en_index = text(&en, "index.html");
    assert!(en_index.contains("<html lang=\"en\">"));
    assert!(en_index.contains("On time"));
    assert!(en_index.contains(
        "<p class=\"asof\">As of: <strong>Wednesday, 4 November 2026 09:00 WIB</strong> (when items are judged; the latest time in the data)</p>"
    ));
    assert!(text(&en, "minggu/2026-W45/index.html").contains("rel=\"up\">↑ Overview</a>"));
    assert!(md_text(text(&en, "index.md")).contains(" 100.0% "));
    assert!(!md_text(text(&en, "index.md")).contains("100,0%"));

    // No interface word of the other language on any page.
    for (site, words) in [
        (&id, ["On time", "Overview", "As of", "Wednesday", " min "]),
        (
            &en,
            ["Tepat waktu", "Ikhtisar", "Kondisi per", "Rabu", " mnt"],
        ),
    ] {
        for (page, bytes) in site {
            if !(page.ends_with(".html") || page.ends_with(".md")) {
                continue;
            }
            let src = std::str::from_utf8(bytes).unwrap();
            for word in words {
                assert!(!src.contains(word), "{page} has {word:?}");
            }
        }
    }
}

#[test]
fn sample_index_shows_the_as_of_as_an_indonesian_date() {
    let work = workdir(repo());
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    let summary: Value = serde_json::from_slice(&files["data/summary.json"]).unwrap();
    // The last export was taken on Sunday 22 November 2026 (data/README.md).
    let as_of = summary["as_of"].as_str().unwrap();
    assert!(
        as_of.starts_with("2026-11-22T") && as_of.ends_with("+07:00"),
        "{as_of}"
    );
    let shown = format!(
        "Minggu, 22 November 2026 {}.{} WIB",
        &as_of[11..13],
        &as_of[14..16]
    );
    assert!(text(&files, "index.html").contains(&format!(
        "<p class=\"asof\">Kondisi per: <strong>{shown}</strong> (saat item dinilai; waktu terakhir dalam data)</p>"
    )));
    assert!(text(&files, "index.md").contains(&format!("Kondisi per: **{shown}**")));
    // Period ranges in Indonesian too.
    assert!(
        text(&files, "minggu/2026-W44/index.md").contains("26 Oktober 2026 – 1 November 2026 · ")
    );
}

#[test]
fn the_data_quality_page_speaks_the_page_language() {
    let work = workdir(repo());
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    for page in ["kualitas-data.html", "kualitas-data.md"] {
        let src = text(&files, page);
        assert!(src.contains("Kualitas Data"), "{page}");
        // The sample plants an unreadable date, a future year and a rejected row.
        for english in [
            "timestamps that cannot be read",
            "timestamps in the future",
            "rows rejected: no usable timestamp",
            "fill in at least the posting time",
            "no header row among the first",
        ] {
            assert!(!src.contains(english), "{page} (lang id) says {english:?}");
        }
    }
}

#[test]
fn skipped_files_are_explained_in_words() {
    let work = workdir(repo());
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    // data/README.md is not an export: the page names it with a reason a person reads.
    for page in ["kualitas-data.html", "kualitas-data.md"] {
        let src = text(&files, page);
        assert!(src.contains("README"), "{page} lists the skipped README.md");
        assert!(
            !src.contains("NotAnExport"),
            "{page} shows a Rust enum name"
        );
    }
}

// =======================================================================================
// Bugs found along the way

#[test]
fn a_department_named_index_keeps_the_period_overview() {
    let work = one_export(
        "a.csv",
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan\n\
         A1;2026-11-02 08:00;2026-11-02 08:10;2026-11-02 08:15;teruskan;Index;2026-11-02 08:20\n\
         A2;2026-11-02 09:00;2026-11-02 09:10;2026-11-02 09:15;teruskan;Dinas X;2026-11-02 09:20\n",
    );
    let out = work.path().join("site");
    let outcome = build(&Config::default(), &work.path().join("data"), &out).unwrap();
    let unique: BTreeSet<&String> = outcome.files.iter().collect();
    assert_eq!(unique.len(), outcome.files.len(), "a path written twice");
    let files = site_files(&out);
    for dir in ["minggu/2026-W45", "bulan/2026-11"] {
        let overview = text(&files, &format!("{dir}/index.md"));
        assert!(
            overview.starts_with("# Pekan ke-45 (2–8 November 2026)")
                || overview.starts_with("# Bulan November"),
            "{dir}/index.md is the period overview, not a department:\n{}",
            overview.lines().next().unwrap()
        );
        assert!(
            overview.contains("Dinas X"),
            "{dir}/index.md lists the departments"
        );
    }
    let summary: Value = serde_json::from_slice(&files["data/summary.json"]).unwrap();
    let slug = summary["periods"][0]["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "Index")
        .unwrap()["slug"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        text(&files, &format!("minggu/2026-W45/{slug}.md"))
            .starts_with("# Index · Pekan ke-45 (2–8 November 2026)"),
        "the department Index has its own page ({slug})"
    );
}

#[test]
fn the_overdue_column_counts_open_items_not_steps() {
    // S07, the one open item past its limits (penerusan and end_to_end both overdue),
    // is Dinas Perhubungan's in 2026-W44 and 2026-10: one overdue item, not two.
    let work = workdir(&fixture("site/small"));
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    let row_of = |table: &Vec<Vec<String>>, name: &str| -> Vec<String> {
        table
            .iter()
            .find(|row| row.iter().any(|c| c == name))
            .unwrap_or_else(|| panic!("no row {name}"))
            .clone()
    };
    for dir in ["minggu/2026-W44", "bulan/2026-10"] {
        let md = text(&files, &format!("{dir}/index.md"));
        let tables = md_tables(md);
        let departments = tables.iter().find(|t| t[0][0] == "Urutan").unwrap();
        assert_eq!(
            departments[0].last().unwrap(),
            "Lewat batas (masih terbuka)"
        );
        let row = row_of(departments, "Dinas Perhubungan");
        // Rank, name, total compliance, items, ...
        assert_eq!(row[3], "3", "{dir}: items");
        assert_eq!(row.last().unwrap(), "1", "{dir}/index.md: {row:?}");
        let html = text(&files, &format!("{dir}/index.html"));
        let ranked = html_tables(html)
            .into_iter()
            .find(|t| t[0].first().is_some_and(|c| c == "Urutan"))
            .unwrap();
        let row = row_of(&ranked, "Dinas Perhubungan");
        assert_eq!(row.last().unwrap(), "1", "{dir}/index.html: {row:?}");
    }
    let history = &md_tables(text(&files, "pd/dinas-perhubungan.md"));
    // Both start before the data does (S01, Monday 26 October 08.00): not complete.
    assert_eq!(
        row_of(
            &history[0],
            "Pekan ke-44 (26 Oktober – 1 November 2026) (belum lengkap)"
        )
        .last()
        .unwrap(),
        "1"
    );
    assert_eq!(
        row_of(&history[1], "Bulan Oktober 2026 (belum lengkap)")
            .last()
            .unwrap(),
        "1"
    );
}

// =======================================================================================
// 8. Snapshots of the small fixture (reviewed against its README.md)

/// The small fixture's site, built once for all the tests that read it: its files, the
/// version number masked.
fn small_site() -> &'static BTreeMap<String, String> {
    static SITE: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let work = workdir(&fixture("site/small"));
        let out = work.path().join("site");
        let outcome = build_work(work.path(), &out);
        assert_eq!(outcome.ledger.rows.read, 10);
        assert_eq!(outcome.ledger.rows.included, 9);
        assert_eq!(outcome.ledger.rows.duplicates, 1);
        assert_eq!(
            outcome.ledger.issues.len(),
            0,
            "{:?}",
            outcome.ledger.issues
        );
        let version = format!("patuh {}", env!("CARGO_PKG_VERSION"));
        site_files(&out)
            .into_iter()
            .filter(|(path, _)| !path.ends_with(".xlsx"))
            .map(|(path, bytes)| {
                let text = String::from_utf8(bytes).unwrap();
                (path, text.replace(&version, "patuh [version]"))
            })
            .collect()
    })
}

fn small_page(path: &str) -> String {
    small_site()
        .get(path)
        .cloned()
        .unwrap_or_else(|| panic!("no {path}"))
}

#[test]
fn small_site_pages() {
    let site = small_site();
    let paths: Vec<&str> = site.keys().map(String::as_str).collect();
    let mut expected: Vec<String> = [
        "assets/search.js",
        "assets/sort.js",
        "assets/style.css",
        "cari/2026-10.1.js",
        "cari/2026-11.1.js",
        "cari/index.js",
        "data/summary.json",
        "index.html",
        "index.md",
        "kualitas-data.html",
        "kualitas-data.md",
        "manifest.json",
        "metode.html",
        "metode.md",
    ]
    .map(String::from)
    .to_vec();
    // README.md: S04 (Dinas Kesehatan) is in W44 but in November; S08 is in W45.
    let all = "belum-didisposisi dijawab-langsung dinas-kesehatan dinas-perhubungan";
    for (dir, pages) in [
        (
            "minggu/2026-W44",
            "dijawab-langsung dinas-kesehatan dinas-perhubungan index",
        ),
        ("minggu/2026-W45", &format!("{all} index")),
        (
            "bulan/2026-10",
            "dijawab-langsung dinas-perhubungan index surat",
        ),
        ("bulan/2026-11", &format!("{all} index surat")),
        // The pseudo-departments are not departments: no history page.
        ("pd", "dinas-kesehatan dinas-perhubungan"),
    ] {
        for page in pages.split(' ') {
            for ext in ["html", "md"] {
                expected.push(format!("{dir}/{page}.{ext}"));
            }
            // Department pages of a period come with their register as CSV, a
            // history with its register of 2026 (the workbooks are left out of this
            // map).
            if dir == "pd" {
                expected.push(format!("{dir}/{page}.2026.csv"));
            } else if page != "index" && page != "surat" {
                expected.push(format!("{dir}/{page}.csv"));
            }
        }
    }
    expected.sort_unstable();
    assert_eq!(paths, expected);
}

#[test]
fn snapshot_small_index_md() {
    let page = small_page("index.md");
    // README.md: the latest week 2026-W45 and month 2026-11, and the open item S07.
    assert!(page.contains("Kondisi per: **Rabu, 4 November 2026 09.00 WIB**"));
    assert!(page.contains(
        "| Total (posting sampai selesai di Diskominfo) | jumlah batas tahap yang berlaku | 100,0% (3 dari 3) | 3 | 0 | 0 | 1 | 48 mnt | 1 jam 20 mnt | +40,0 poin † |"
    ));
    assert!(page.contains(
        "| Penerusan ke Perangkat Daerah | 15 mnt | 66,7% (2 dari 3) | 2 | 1 | 0 | 0 | 10 mnt | 28 mnt | ±0,0 poin † |"
    ));
    // S07's penerusan, open since 29/10 20.25, is 5 d 12 h 35 min old at 4/11 09.00:
    // 5 d 12 h 20 min past its 15 min (written to the hour: 5 hari 12 jam). S08's
    // disposisi began at 09.00: all of its 10 min left.
    assert!(page.contains(
        "| S07 | Dinas Perhubungan | Penerusan ke Perangkat Daerah | Admin Medsos | lewat 5 hari 12 jam |"
    ));
    assert!(
        page.contains("| S08 | Belum Didisposisi | Analisis & disposisi | Kasi | sisa 10 mnt |")
    );
    insta::assert_snapshot!("small_index_md", page);
}

#[test]
fn snapshot_small_week_md() {
    let page = small_page("minggu/2026-W45/index.md");
    assert!(page.contains(
        "| Analisis & disposisi | 10 mnt | 100,0% (3 dari 3) | 3 | 0 | 0 | 1 | 0 | 0 | 0 | 7 mnt | 8 mnt | 8 mnt | +20,0 poin † |"
    ));
    assert!(page.contains(
        "| Penerusan ke Perangkat Daerah | 15 mnt | 50,0% (1 dari 2) | 1 | 1 | 0 | 0 | 0 | 0 | 2 | 10 mnt | 28 mnt | 28 mnt | −25,0 poin † |"
    ));
    assert!(page.contains("| S09 | 03/11/2026 07.00 | Dinas Perhubungan | Rina |"));
    insta::assert_snapshot!("small_week_2026_w45_md", page);
}

#[test]
fn snapshot_small_department_md() {
    let page = small_page("minggu/2026-W44/dinas-perhubungan.md");
    assert!(page.starts_with("# Dinas Perhubungan · Pekan ke-44 (26 Oktober – 1 November 2026)\n"));
    assert!(page.contains("26 Oktober 2026 – 1 November 2026 · 3 item"));
    assert!(page.contains(
        "| Total (posting sampai selesai di Diskominfo) | jumlah batas tahap yang berlaku | 33,3% (1 dari 3) | 1 | 2 | 1 | 0 | 0 | 0 | 0 | 35 mnt | 1 jam 50 mnt | 1 jam 50 mnt | – |"
    ));
    let s02 = page.find("| S02 |").unwrap();
    let s07 = page.find("| S07 |").unwrap();
    let s01 = page.find("| S01 |").unwrap();
    assert!(s02 < s07 && s07 < s01, "exceptions first, by posting time");
    insta::assert_snapshot!("small_department_w44_dinas_perhubungan_md", page);
}

#[test]
fn snapshot_small_index_html() {
    let page = small_page("index.html");
    assert!(page.contains("<html lang=\"id\">"));
    assert!(page.contains(
        "<a href=\"https:&#x2F;&#x2F;x.com&#x2F;warga_tujuh&#x2F;status&#x2F;1007\" rel=\"nofollow noopener noreferrer\">S07</a>"
    ));
    insta::assert_snapshot!("small_index_html", page);
}

#[test]
fn data_issue_details_speak_the_page_language() {
    let work = workdir(repo());
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let files = site_files(&out);
    // The "Keterangan" (detail) column of the planted mistakes of data/README.md.
    for page in ["kualitas-data.html", "kualitas-data.md"] {
        let src = text(&files, page);
        for english in [
            "no usable timestamp: the row cannot be placed in a period",
            "no such date or time",
            "later than the moment patuh ran",
            "counts as missing",
            "in an earlier row",
            "is missing while a later step has ended",
        ] {
            assert!(!src.contains(english), "{page} (lang id) says {english:?}");
        }
    }
}
