//! Finding the exports: a sorted, recursive walk of the data folder (INPUTS.md).
//!
//! Gives the list of exports to read, and what was skipped or excluded and why.
//! Reads directory entries only, never file contents.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::{Deserialize, Serialize};

/// The file formats patuh reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Delimited text: `.csv`, `.tsv`, `.txt`.
    Delimited,
    /// Office Open XML workbook: `.xlsx`, `.xlsm`.
    Xlsx,
    /// Excel binary workbook: `.xlsb`.
    Xlsb,
    /// Excel 97–2003 workbook: `.xls`.
    Xls,
    /// OpenDocument spreadsheet: `.ods`.
    Ods,
}

impl Format {
    /// The format of a file, judged by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" | "tsv" | "txt" => Format::Delimited,
            "xlsx" | "xlsm" => Format::Xlsx,
            "xlsb" => Format::Xlsb,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            _ => return None,
        })
    }
}

/// One export file to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Export {
    /// The path to open.
    #[serde(skip)]
    pub path: PathBuf,
    /// The path relative to the data folder, with `/` separators: how reports name it.
    pub relative: String,
    /// How to read it.
    pub format: Format,
}

/// A file of the data folder that is not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedFile {
    /// The path relative to the data folder.
    pub relative: String,
    /// Why it is not read.
    pub reason: SkipReason,
}

/// Why a file of the data folder is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Matched an `exclude` pattern of the configuration.
    Excluded,
    /// A spreadsheet's lock file (`~$name.xlsx`, `.~lock.name#`).
    LockFile,
    /// Not one of the formats patuh reads.
    NotAnExport,
    /// The office's commentary on a period (`catatan/<period>.md`), shown on that period's page.
    Commentary,
    /// A pipe, a device or a socket (or a link to one): reading it could block or never end.
    NotARegularFile,
    /// patuh's configuration (`patuh.toml`), read as configuration when it is the one in
    /// use, never as an export.
    Configuration,
    /// A folder holding a site patuh wrote: its registers are outputs, not exports.
    PatuhSite,
}

impl SkipReason {
    /// The reason in words.
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::Excluded => "excluded by a pattern in the configuration",
            SkipReason::LockFile => "a spreadsheet program's lock file",
            SkipReason::NotAnExport => {
                "not an export format (.csv .tsv .txt .xlsx .xlsm .xlsb .xls .ods)"
            }
            SkipReason::Commentary => "commentary, shown on its period's page",
            SkipReason::NotARegularFile => {
                "not a regular file (a pipe, a device or a socket); patuh reads only files"
            }
            SkipReason::PatuhSite => "a report site patuh wrote: its files are not exports",
            SkipReason::Configuration => "patuh's configuration file, not an export",
        }
    }
}

/// Everything the walk found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Discovery {
    /// The exports to read, in sorted relative-path order (byte order).
    pub exports: Vec<Export>,
    /// Files not read, in the same order.
    pub skipped: Vec<SkippedFile>,
}

/// The walk could not be done (told in either language; `Display` is the English text).
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    /// The data folder does not exist or is not a folder.
    NoDataFolder(PathBuf),
    /// A folder or file could not be opened while walking.
    Walk {
        /// The folder or file.
        path: PathBuf,
        /// The operating system's reason.
        message: crate::words::Message,
    },
    /// Two files whose names read the same once shown as text (names that are not valid
    /// Unicode have their stray bytes written as `\xNN`).
    SameName(String),
    /// An `exclude` pattern is not a glob.
    Pattern {
        /// The pattern.
        pattern: String,
        /// Why.
        message: String,
    },
}

impl crate::words::Describe for DiscoverError {
    fn describe(&self, lang: crate::words::Lang) -> String {
        let say = |key: &str, values: &[(&str, &str)]| crate::words::say(lang, key, values);
        match self {
            DiscoverError::NoDataFolder(path) => say(
                "err_no_data_folder",
                &[("path", &path.display().to_string())],
            ),
            DiscoverError::Walk { path, message } => say(
                "err_walk",
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &message.describe(lang)),
                ],
            ),
            DiscoverError::SameName(name) => say("err_same_name", &[("name", name)]),
            DiscoverError::Pattern { pattern, message } => say(
                "err_exclude_pattern",
                &[("pattern", &format!("{pattern:?}")), ("reason", message)],
            ),
        }
    }
}

impl std::fmt::Display for DiscoverError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::Describe::describe(
            self,
            crate::words::Lang::En,
        ))
    }
}

/// Walks `data_dir` recursively and lists the exports to read.
///
/// Hidden files and folders (name starting with `.`) are passed over without a word, like
/// version-control folders; lock files, excluded files and other formats are listed as
/// skipped. Nothing under `out_dir` is visited.
pub fn find_exports(
    data_dir: &Path,
    exclude: &[String],
    out_dir: Option<&Path>,
) -> Result<Discovery, DiscoverError> {
    if !data_dir.is_dir() {
        return Err(DiscoverError::NoDataFolder(data_dir.to_path_buf()));
    }
    let excluded = build_globs(exclude)?;
    let out_dir = out_dir.and_then(|p| p.canonicalize().ok());
    // (relative name, path, whether it is a regular file)
    let mut found: Vec<(String, PathBuf, bool)> = Vec::new();
    // Folders holding a site patuh wrote, passed over and listed.
    let mut sites: Vec<PathBuf> = Vec::new();
    let walker = walkdir::WalkDir::new(data_dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && is_hidden(e.file_name()) {
                return false;
            }
            let is_dir = e.file_type().is_dir();
            if is_dir
                && out_dir
                    .as_deref()
                    .is_some_and(|out| e.path().canonicalize().is_ok_and(|p| p == out))
            {
                return false;
            }
            if is_dir && crate::manifest::is_site(e.path()) {
                sites.push(e.path().to_path_buf());
                return false;
            }
            true
        });
    let mut unreadable_but_excluded = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(data_dir).to_path_buf();
                let relative = relative_name(&path, data_dir);
                // A file left out on purpose need not be readable.
                if excluded.is_match(&relative) {
                    unreadable_but_excluded.push((relative, path, true));
                    continue;
                }
                return Err(DiscoverError::Walk {
                    message: e
                        .io_error()
                        .map(crate::words::io_message)
                        .unwrap_or_else(|| crate::words::Message::Text(e.to_string())),
                    path,
                });
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let relative = relative_name(entry.path(), data_dir);
        let regular = entry.file_type().is_file();
        found.push((relative, entry.into_path(), regular));
    }
    found.extend(unreadable_but_excluded);
    tell_normalisations_apart(&mut found);
    found.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    if let Some(pair) = found.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(DiscoverError::SameName(pair[0].0.clone()));
    }

    let mut discovery = Discovery::default();
    discovery.skipped.extend(sites.iter().map(|p| SkippedFile {
        relative: match relative_name(p, data_dir) {
            // The data folder itself.
            name if name.is_empty() => "./".to_string(),
            name => format!("{name}/"),
        },
        reason: SkipReason::PatuhSite,
    }));
    for (relative, path, regular) in found {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let reason = if excluded.is_match(&relative) {
            Some(SkipReason::Excluded)
        } else if relative.starts_with("catatan/") && relative.ends_with(".md") {
            // Whatever it is: the commentary reader says what is wrong with it.
            Some(SkipReason::Commentary)
        } else if !regular {
            Some(SkipReason::NotARegularFile)
        } else if name == crate::config::DEFAULT_FILE {
            Some(SkipReason::Configuration)
        } else if name.starts_with("~$") || (name.starts_with(".~lock.") && name.ends_with('#')) {
            Some(SkipReason::LockFile)
        } else if Format::from_path(&path).is_none() {
            Some(SkipReason::NotAnExport)
        } else {
            None
        };
        match reason {
            Some(reason) => discovery.skipped.push(SkippedFile { relative, reason }),
            None => discovery.exports.push(Export {
                format: Format::from_path(&path).expect("checked above"),
                path,
                relative,
            }),
        }
    }
    discovery
        .skipped
        .sort_by(|a, b| a.relative.as_bytes().cmp(b.relative.as_bytes()));
    Ok(discovery)
}

/// Names that differ only by Unicode normalisation ("Café.csv" composed and decomposed)
/// look the same on every screen: when another name has the same composed form (NFC), a
/// name not in that form shows its combining marks as `\u{..}` (`Cafe\u{301}.csv`), so
/// that messages tell the two files apart. Other names are left as they are.
fn tell_normalisations_apart<T>(found: &mut [(String, PathBuf, T)]) {
    use unicode_normalization::UnicodeNormalization;
    let mut forms: std::collections::HashMap<String, usize> = Default::default();
    for (name, _, _) in found.iter() {
        *forms.entry(name.nfc().collect()).or_default() += 1;
    }
    for (name, _, _) in found.iter_mut() {
        if unicode_normalization::is_nfc(name) || forms[&name.nfc().collect::<String>()] < 2 {
            continue;
        }
        let mut shown = String::with_capacity(name.len() + 8);
        for c in name.chars() {
            if unicode_normalization::char::is_combining_mark(c) {
                shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            } else {
                shown.push(c);
            }
        }
        *name = shown;
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// The path of `path` below `base`, with `/` separators.
fn relative_name(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| shown_name(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// A file or folder name as text: unchanged when it is valid Unicode; otherwise each
/// stray byte is written `\xNN` (a name from a zip made with another code page, say), so
/// that two such names stay apart instead of both becoming `�`.
fn shown_name(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, str> {
    if let Some(text) = name.to_str() {
        return std::borrow::Cow::Borrowed(text);
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for byte in chunk.invalid() {
                out.push_str(&format!("\\x{byte:02X}"));
            }
        }
        std::borrow::Cow::Owned(out)
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        let out = char::decode_utf16(name.encode_wide())
            .map(|c| match c {
                Ok(c) => c.to_string(),
                Err(e) => format!("\\u{{{:04x}}}", e.unpaired_surrogate()),
            })
            .collect();
        std::borrow::Cow::Owned(out)
    }
    #[cfg(not(any(unix, windows)))]
    {
        name.to_string_lossy()
    }
}

fn build_globs(patterns: &[String]) -> Result<GlobSet, DiscoverError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = globset::GlobBuilder::new(pattern)
            .literal_separator(false)
            .build()
            .or_else(|_| Glob::new(pattern))
            .map_err(|e| DiscoverError::Pattern {
                pattern: pattern.clone(),
                message: e.to_string(),
            })?;
        builder.add(glob);
    }
    builder.build().map_err(|e| DiscoverError::Pattern {
        pattern: patterns.join(", "),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// The exports found and the files passed over with their reasons, by name.
    fn listed(found: &Discovery) -> (Vec<&str>, Vec<(&str, SkipReason)>) {
        let read = found.exports.iter().map(|e| e.relative.as_str()).collect();
        let skipped = found
            .skipped
            .iter()
            .map(|s| (s.relative.as_str(), s.reason))
            .collect();
        (read, skipped)
    }

    fn touch(dir: &Path, rel: &str) {
        let p = dir.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, b"x").unwrap();
    }

    #[test]
    fn walks_recursively_in_byte_order_and_skips_what_it_must() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        for f in [
            "b.csv",
            "a/z.xlsx",
            "a-c.ODS",
            "B.xls",
            "notes.pdf",
            "~$b.xlsx",
            ".~lock.b.xlsx#",
            ".hidden/x.csv",
            ".secret.csv",
            "arsip-lama/old.csv",
            "w draft.xlsb",
            "site/index.csv",
            "x.txt",
            "y.tsv",
            "m.xlsm",
        ] {
            touch(d, f);
        }
        let exclude = vec!["arsip-lama/**".to_string(), "*draft*".to_string()];
        let found = find_exports(d, &exclude, Some(&d.join("site"))).unwrap();
        let (read, skipped) = listed(&found);
        assert_eq!(
            read,
            ["B.xls", "a-c.ODS", "a/z.xlsx", "b.csv", "m.xlsm", "x.txt", "y.tsv"]
        );
        assert_eq!(
            skipped,
            [
                ("arsip-lama/old.csv", SkipReason::Excluded),
                ("notes.pdf", SkipReason::NotAnExport),
                ("w draft.xlsb", SkipReason::Excluded),
                ("~$b.xlsx", SkipReason::LockFile),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_broken_link_is_an_error_naming_it_and_saying_what_to_do() {
        let tmp = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/no/such/file.csv", tmp.path().join("x.csv")).unwrap();
        let err = find_exports(tmp.path(), &[], None).unwrap_err().to_string();
        assert!(err.contains("x.csv"), "{err}");
        assert!(err.contains("exclude pattern"), "{err}");
        // Excluded, as the message suggests, it is listed and not read.
        let found = find_exports(tmp.path(), &["x.csv".to_string()], None).unwrap();
        assert!(found.exports.is_empty());
        assert_eq!(found.skipped[0].relative, "x.csv");
        assert_eq!(found.skipped[0].reason, SkipReason::Excluded);
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_listed_not_read() {
        // Reading a pipe blocks until something writes to it; a link to /dev/zero never
        // ends. Both are skipped with their reason; a link to a file is read.
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        touch(d, "real.csv");
        std::os::unix::fs::symlink("/dev/zero", d.join("zero.csv")).unwrap();
        std::os::unix::fs::symlink(d.join("real.csv"), d.join("link.csv")).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(d.join("pipe.csv"))
            .status()
            .unwrap();
        assert!(made.success());
        let found = find_exports(d, &[], None).unwrap();
        let (read, skipped) = listed(&found);
        assert_eq!(read, ["link.csv", "real.csv"]);
        assert_eq!(
            skipped,
            [
                ("pipe.csv", SkipReason::NotARegularFile),
                ("zero.csv", SkipReason::NotARegularFile)
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_unicode_keep_their_bytes_apart() {
        use std::os::unix::ffi::OsStrExt;
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        // "a<FF>.csv" and "a<FE>.csv" (Latin-1 "ÿ" and "þ"), and "b<E2 80>.csv" (a cut
        // UTF-8 sequence).
        for name in [&b"a\xFF.csv"[..], b"a\xFE.csv", b"b\xE2\x80.csv"] {
            std::fs::write(d.join(std::ffi::OsStr::from_bytes(name)), "x").unwrap();
        }
        let found = find_exports(d, &[], None).unwrap();
        let names: Vec<_> = found.exports.iter().map(|e| e.relative.as_str()).collect();
        assert_eq!(names, ["a\\xFE.csv", "a\\xFF.csv", "b\\xE2\\x80.csv"]);
        // A file really named `a\xFF.csv` would read the same: the run stops.
        std::fs::write(d.join("a\\xFF.csv"), "x").unwrap();
        let err = find_exports(d, &[], None).unwrap_err().to_string();
        assert!(
            err.starts_with("two files in the data folder are both shown as a\\xFF.csv"),
            "{err}"
        );
    }

    #[test]
    fn a_site_patuh_wrote_is_passed_over_and_listed() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        touch(d, "ekspor.csv");
        touch(d, "laporan/minggu/2026-W47/dinas-sosial.csv");
        std::fs::write(
            d.join("laporan").join(crate::manifest::MANIFEST),
            "{\n  \"generator\": \"patuh\"\n}",
        )
        .unwrap();
        // A folder with some other manifest is read as usual.
        touch(d, "lain/x.csv");
        std::fs::write(d.join("lain").join(crate::manifest::MANIFEST), "{}").unwrap();
        let found = find_exports(d, &[], None).unwrap();
        let (read, skipped) = listed(&found);
        assert_eq!(read, ["ekspor.csv", "lain/x.csv"]);
        assert_eq!(
            skipped,
            [
                ("lain/manifest.json", SkipReason::NotAnExport),
                ("laporan/", SkipReason::PatuhSite)
            ]
        );
        // The site itself given as the data folder: nothing is read.
        let found = find_exports(&d.join("laporan"), &[], None).unwrap();
        assert!(found.exports.is_empty());
        assert_eq!(found.skipped.len(), 1);
        assert_eq!(found.skipped[0].relative, "./");
        assert_eq!(found.skipped[0].reason, SkipReason::PatuhSite);
    }

    #[test]
    fn a_missing_data_folder_is_an_error_naming_it() {
        let err = find_exports(Path::new("/no/such/folder"), &[], None).unwrap_err();
        assert!(err.to_string().contains("/no/such/folder"));
        assert!(err.to_string().contains("--data"));
    }
}
