//! Unknown headers that closely resemble a known one (a likely typo: `Waktu Dispossi`):
//! the known header and its field are named in the messages and listed, never applied.

use serde::{Deserialize, Serialize};

use super::{header_key, HeaderVocabulary, Role};
use crate::model::Field;

/// The known header that an unknown one closely resembles (a likely typo).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LikelyField {
    /// The field the known header names.
    pub field: Field,
    /// The known header (a built-in or configured alias), as messages show it.
    pub alias: String,
    /// Whether the known header is the time half of a date and time pair (`Jam Posting`):
    /// adding it under `[columns]` would not pair it, so the header should be renamed.
    pub time_half: bool,
}

/// A header cell that maps to no field: kept out of the metrics and listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmappedColumn {
    /// Column letter (`G`).
    pub column: String,
    /// The header as written.
    pub header: String,
    /// The known header it closely resembles, if any (never applied).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likely: Option<LikelyField>,
}

/// The optimal-string-alignment distance (Damerau–Levenshtein with adjacent
/// transpositions, no substring edited twice) between two strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    crate::names::distance(a, b, usize::MAX).expect("no bound")
}

/// Whether two keys are numbered or lettered columns of one family, not a typo of each
/// other: one is the other with digits added (`waktu lapor` and `waktu lapor 2`), or they
/// differ only in their last character, a digit on either side or in a key shorter than
/// 8 characters (`col1` and `col2`, `columna` and `columnd`).
fn siblings(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let numbered = |long: &[char], short: &[char]| {
        long.len() > short.len()
            && long.starts_with(short)
            && long[short.len()..].iter().all(char::is_ascii_digit)
    };
    if numbered(&a, &b) || numbered(&b, &a) {
        return true;
    }
    match (a.split_last(), b.split_last()) {
        (Some((x, rest_a)), Some((y, rest_b))) => {
            rest_a == rest_b && x != y && (x.is_ascii_digit() || y.is_ascii_digit() || a.len() < 8)
        }
        _ => false,
    }
}

/// How far an unknown header key is from a known one, when it closely resembles it:
/// spaces ignored, the same first letter (typos keep it: `number` is no typo of
/// `sumber`), an edit distance of at most 2 for keys of 8 characters or more, at most 1 for
/// keys of 4 to 7 (shorter keys are too short to guess from), unless they are
/// [`siblings`]; or the same words in another order, one of them within distance 1.
/// `None` when they are not close.
fn closeness(unknown: &str, known: &str) -> Option<usize> {
    let squash = |k: &str| k.replace(' ', "");
    let (a, b) = (squash(unknown), squash(known));
    let shortest = a.chars().count().min(b.chars().count());
    let allowed = match shortest {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    let d = edit_distance(&a, &b);
    let same_start = a.chars().next() == b.chars().next();
    if d == 0 || (shortest >= 4 && d <= allowed && same_start && !siblings(&a, &b)) {
        return Some(d);
    }
    // The same words in any order, one of them within distance 1.
    let mut rest: Vec<&str> = known.split(' ').collect();
    let words: Vec<&str> = unknown.split(' ').collect();
    if words.len() < 2 || words.len() != rest.len() {
        return None;
    }
    let mut unmatched = Vec::new();
    for w in words {
        match rest.iter().position(|k| *k == w) {
            Some(p) => {
                rest.remove(p);
            }
            None => unmatched.push(w),
        }
    }
    match (unmatched.as_slice(), rest.as_slice()) {
        ([], []) => Some(1),
        ([u], [k]) if u.chars().count().min(k.chars().count()) >= 4 && edit_distance(u, k) <= 1 => {
            Some(2)
        }
        _ => None,
    }
}

impl HeaderVocabulary {
    /// The known header that an unknown `header` closely resembles (see `closeness`):
    /// the closest, the first known in case of a tie. `None` for a header that is known,
    /// empty, or like none.
    pub fn likely(&self, header: &str) -> Option<LikelyField> {
        let key = header_key(header);
        if key.is_empty() || self.roles.contains_key(&key) {
            return None;
        }
        let mut best: Option<(usize, &str, &str)> = None;
        for (known, display) in &self.known {
            if let Some(d) = closeness(&key, known) {
                if best.is_none_or(|(b, _, _)| d < b) {
                    best = Some((d, known, display));
                }
            }
        }
        let (_, known, display) = best?;
        let (field, time_half) = match self.roles.get(known)? {
            Role::Plain(field) => (*field, false),
            Role::Full(stamp) | Role::DateOrFull(stamp) => (stamp.field(), false),
            Role::TimeHalf(stamp) => (stamp.field(), true),
            Role::RowNumber => return None,
        };
        Some(LikelyField {
            field,
            alias: display.to_string(),
            time_half,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn vocab() -> HeaderVocabulary {
        HeaderVocabulary::new(&BTreeMap::new())
    }

    #[test]
    fn edit_distance_counts_transpositions_as_one() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("disposisi", "dispossi"), 1);
        assert_eq!(edit_distance("daerah", "daearh"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        // Optimal string alignment: no substring is edited twice.
        assert_eq!(edit_distance("ca", "abc"), 3);
        assert_eq!(edit_distance("posting", "psotign"), 2);
    }

    #[test]
    fn unknown_headers_close_to_a_known_one_name_it() {
        let v = vocab();
        let likely = |h: &str| v.likely(h).map(|l| (l.field, l.alias, l.time_half));
        assert_eq!(
            likely("Waktu Dispossi"),
            Some((Field::DisposedAt, "Waktu Disposisi".into(), false))
        );
        assert_eq!(
            likely("Perangkat Daearh"),
            Some((Field::Department, "Perangkat Daerah".into(), false))
        );
        // Spacing, case and punctuation do not count; words in another order do not hide it.
        assert_eq!(
            likely("WAKTUDISPOSISI"),
            Some((Field::DisposedAt, "Waktu Disposisi".into(), false))
        );
        assert_eq!(
            likely("Posting Waktu"),
            Some((Field::PostedAt, "Waktu Posting".into(), false))
        );
        assert_eq!(
            likely("Waktu Lapor ke Kasih"),
            Some((Field::ReportedAt, "Waktu Lapor ke Kasi".into(), false))
        );
        // Two edits in a long key; one in a key of 4 to 7 characters.
        assert_eq!(
            likely("Wktu Disposis"),
            Some((Field::DisposedAt, "Waktu Disposisi".into(), false))
        );
        assert_eq!(likely("Kanall").map(|l| l.0), Some(Field::Channel));
        assert_eq!(likely("Knl"), None);
        assert_eq!(likely("Kanak"), None, "a sibling of Kanal, not a typo");
        assert_eq!(likely("number"), None, "English, not a typo of Sumber");
        // The time half of a pair says so.
        assert_eq!(
            likely("Jam Postin"),
            Some((Field::PostedAt, "Jam Posting".into(), true))
        );
        // Known headers, empty headers and unrelated ones resemble nothing.
        for h in [
            "Waktu Disposisi",
            "",
            " - ",
            "Keterangan",
            "Status",
            "Lokasi",
            "Usia",
            "Catatan",
            "Nama",
        ] {
            assert_eq!(likely(h), None, "{h}");
        }
    }

    #[test]
    fn configured_aliases_are_candidates_too() {
        let mut extra = BTreeMap::new();
        extra.insert(Field::ClosedAt, vec!["Tanggal Beres".to_string()]);
        extra.insert(Field::Text, vec!["col1".to_string(), "columnd".to_string()]);
        let v = HeaderVocabulary::new(&extra);
        let l = v.likely("Tanggal Beress").unwrap();
        assert_eq!(
            (l.field, l.alias.as_str()),
            (Field::ClosedAt, "Tanggal Beres")
        );
        // Numbered and lettered columns of one family are not typos of each other.
        for h in ["col2", "columna", "Tanggal Beres 2"] {
            assert_eq!(v.likely(h), None, "{h}");
        }
        assert!(v.likely("colunmd").is_some());
    }
}
