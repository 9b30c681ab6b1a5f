//! Department names that are close to one another: a typo (`Dinas Lingkugan Hidup`) next
//! to the name it misspells. Close names are only reported, never joined: an alias in
//! `[departments]` joins them.
//!
//! Names are compared by their [`similarity_key`] (case, spacing and punctuation ignored,
//! the usual abbreviations written out) with the restricted Damerau–Levenshtein distance
//! (optimal string alignment): at most 2 edits for names of 10 characters or more, 1 for
//! names of 5 to 9, none for shorter ones (`BPBD` and `BPKD` are two offices).

pub use crate::names::distance;
use std::collections::{BTreeMap, HashMap};

use crate::ingest::normalize::tidy;
use crate::issues::{DataIssue, IssueKind, Location, Reason};
use crate::model::{Field, Item};

/// A name an unlisted one may resemble.
struct Target {
    name: String,
    keys: Vec<String>,
    items: u64,
    configured: bool,
}

/// The data issues of the department names no alias covers, one per name at its first
/// occurrence (`unlisted`, in file order): a name close to a configured name, or to a name
/// with strictly more items, is [`IssueKind::SimilarDepartment`]; with `closed` (the
/// unlisted group's label) only configured names count, and a name close to none is
/// [`IssueKind::UnlistedDepartment`]. Item counts are of the merged items. Nothing is
/// compared when more names were met than a site may report on (`max_names`): such a
/// column is no department column, and the build refuses it.
pub fn department_issues(
    unlisted: &[(String, Location)],
    items: &[Item],
    configured: &BTreeMap<String, Vec<String>>,
    closed: Option<&str>,
    max_names: u64,
) -> Vec<DataIssue> {
    // Nothing to compare when every name met is listed (and counting the items of each
    // name is a pass over them all).
    if unlisted.is_empty() || unlisted.len() as u64 > max_names {
        return Vec::new();
    }
    let mut counts: HashMap<&str, u64> = HashMap::new();
    for item in items {
        if let Some(d) = &item.department {
            *counts.entry(&**d).or_default() += 1;
        }
    }
    let count = |name: &str| counts.get(name).copied().unwrap_or(0);
    let mut targets: Vec<Target> = configured
        .iter()
        .map(|(name, variants)| {
            let name = tidy(name);
            Target {
                keys: std::iter::once(name.as_str())
                    .chain(variants.iter().map(String::as_str))
                    .map(similarity_key)
                    .collect(),
                items: count(&name),
                name,
                configured: true,
            }
        })
        .collect();
    if closed.is_none() {
        targets.extend(unlisted.iter().map(|(name, _)| Target {
            name: name.clone(),
            keys: vec![similarity_key(name)],
            items: count(name),
            configured: false,
        }));
    }
    let mut issues = Vec::new();
    for (name, location) in unlisted {
        let key = similarity_key(name);
        let items = count(name);
        // The closest, then a configured one, then the most frequent, then by name.
        let best = targets
            .iter()
            .filter(|t| t.name != *name && (t.configured || t.items > items))
            .filter_map(|t| {
                let d = t.keys.iter().filter_map(|k| closeness(&key, k)).min()?;
                Some((d, !t.configured, std::cmp::Reverse(t.items), &t.name, t))
            })
            .min_by(|a, b| (a.0, a.1, a.2, a.3).cmp(&(b.0, b.1, b.2, b.3)))
            .map(|(.., t)| t);
        let reason = match (best, closed) {
            (Some(t), group) => Reason::SimilarDepartment {
                items,
                similar: t.name.clone(),
                similar_items: t.items,
                group: group.map(str::to_string),
            },
            (None, Some(group)) => Reason::UnlistedDepartment {
                items,
                group: group.to_string(),
            },
            (None, None) => continue,
        };
        let kind = match reason {
            Reason::SimilarDepartment { .. } => IssueKind::SimilarDepartment,
            _ => IssueKind::UnlistedDepartment,
        };
        issues.push(DataIssue::new(
            kind,
            location.clone(),
            Some(name.clone()),
            Some(Field::Department),
            reason,
        ));
    }
    issues
}

/// Abbreviations written out before names are compared: `Kec. Bekasi Timur` is
/// `Kecamatan Bekasi Timur`.
const ABBREVIATIONS: [(&str, &str); 3] =
    [("din", "dinas"), ("kec", "kecamatan"), ("kel", "kelurahan")];

/// The key two names are compared by: lower case, every run of characters other than
/// letters and digits one space, abbreviations written out.
pub fn similarity_key(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, long)| long)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The most edits two keys may differ by and still be close, from the shorter key's
/// length in characters.
pub fn allowed_edits(length: usize) -> usize {
    match length {
        0..=4 => 0,
        5..=9 => 1,
        _ => 2,
    }
}

/// How close two similarity keys are: their distance when it is within what the shorter
/// key's length allows, else `None`. Empty keys are close to nothing.
pub fn closeness(a: &str, b: &str) -> Option<usize> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let shorter = a.chars().count().min(b.chars().count());
    distance(a, b, allowed_edits(shorter))
}

/// Whether two department names are close (see the module's documentation).
pub fn close(a: &str, b: &str) -> bool {
    closeness(&similarity_key(a), &similarity_key(b)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_spacing_punctuation_and_abbreviations() {
        assert_eq!(
            similarity_key("  Kec.  Bekasi-Timur "),
            "kecamatan bekasi timur"
        );
        assert_eq!(similarity_key("KEL. Margahayu"), "kelurahan margahayu");
        assert_eq!(similarity_key("Din. Sosial"), "dinas sosial");
        assert_eq!(
            similarity_key("RSUD dr. Chasbullah Abdulmadjid"),
            "rsud dr chasbullah abdulmadjid"
        );
        // Only whole words are abbreviations.
        assert_eq!(similarity_key("Kecamatan Kelapa"), "kecamatan kelapa");
        assert_eq!(similarity_key("--"), "");
    }

    #[test]
    fn distances() {
        let d = |a: &str, b: &str| distance(a, b, 100).unwrap();
        assert_eq!(d("", ""), 0);
        assert_eq!(d("abc", ""), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("dinas lingkugan hidup", "dinas lingkungan hidup"), 1);
        // A transposition is one edit.
        assert_eq!(d("dinas sosail", "dinas sosial"), 1);
        assert_eq!(d("ab", "ba"), 1);
        // Restricted: no substring is edited twice (true Damerau–Levenshtein gives 2).
        assert_eq!(d("ca", "abc"), 3);
        // Characters, not bytes.
        assert_eq!(d("dinas sosíal", "dinas sosial"), 1);
        // Above the bound: none.
        assert_eq!(distance("kitten", "sitting", 2), None);
        assert_eq!(distance("abcdef", "abc", 2), None);
        assert_eq!(distance("kitten", "sitting", 3), Some(3));
    }

    #[test]
    fn closeness_depends_on_length() {
        // Ten characters or more: two edits.
        assert!(close("Dinas Lingkugan Hidup", "Dinas Lingkungan Hidup"));
        assert!(close("Dinas Sosal", "Dinas Sosial"));
        assert!(close("Dinas Sosail", "Dinas Sosial"));
        assert!(close("Dnas Sosal", "Dinas Sosial"));
        assert!(!close("Dnas Soal", "Dinas Sosial"));
        assert!(!close("Dinas Sosial", "Dinas Kesehatan"));
        assert!(!close("Dinas Pendidikan", "Dinas Perhubungan"));
        assert!(!close("Kecamatan Bekasi Timur", "Kecamatan Bekasi Utara"));
        // Punctuation, case and abbreviations alone: distance 0.
        assert!(close("Kec. Bekasi Timur", "Kecamatan Bekasi Timur"));
        assert!(close("DINAS SOSIAL.", "Dinas Sosial"));
        // Five to nine characters: one edit.
        assert!(close("Dinkess", "Dinkes"));
        assert!(close("Distaru", "Distarru"));
        assert!(!close("Dinkes", "Dinsos"));
        assert!(!close("Disdik", "Distaru"));
        // Shorter: no edit at all.
        assert!(!close("BPBD", "BPKD"));
        assert!(!close("DLH", "DLHK"));
        assert!(close("BPBD", "bpbd"));
        // Nothing to compare.
        assert!(!close("-", "--"));
    }
}
