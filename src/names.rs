//! Shared vocabulary: how names are compared. A header's key (case, accents, punctuation
//! and the usual abbreviations ignored) decides which field a column holds; a name's tidy
//! form and key (invisible characters dropped, spaces collapsed, case ignored) decide which
//! department or admin a cell names; an edit distance tells which unknown header or name
//! is probably a typo of a known one. Pure functions, used by configuration and reading.

use unicode_normalization::UnicodeNormalization;

/// The comparison key of a header: lower case, accents and punctuation removed,
/// abbreviations expanded, words separated by one space (`No. Tiket` → `nomor tiket`).
pub fn header_key(header: &str) -> String {
    let mut spaced = String::with_capacity(header.len() + 4);
    let mut prev_lower = false;
    for ch in header.nfd() {
        if unicode_normalization::char::is_combining_mark(ch) {
            continue;
        }
        if ch.is_alphanumeric() {
            // camelCase: `postedAt` → `posted at`.
            if ch.is_uppercase() && prev_lower {
                spaced.push(' ');
            }
            prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
            spaced.extend(ch.to_lowercase());
        } else {
            prev_lower = false;
            spaced.push(' ');
        }
    }
    let mut key = String::with_capacity(spaced.len());
    for word in spaced.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(match word {
            "tgl" | "tangal" => "tanggal",
            "no" | "nmr" | "nomer" | "nr" => "nomor",
            "wkt" => "waktu",
            "pkl" => "pukul",
            other => other,
        });
    }
    key
}

/// The matching key of a department spelling: case ignored, spaces trimmed and collapsed,
/// invisible characters dropped.
pub fn department_key(value: &str) -> String {
    tidy(value).to_lowercase()
}

/// A name (department, admin) as it is shown and matched: trimmed, runs of spaces
/// collapsed, and characters that show nothing dropped (zero-width spaces and joiners,
/// direction marks, soft hyphens, byte-order marks, control characters), so that two
/// names that look the same are the same.
pub fn tidy(value: &str) -> String {
    let visible: String = value.chars().filter(|c| !is_invisible(*c)).collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Characters that take no room on screen: format characters and controls other than
/// white space.
fn is_invisible(c: char) -> bool {
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
}

/// The restricted Damerau–Levenshtein distance (insertions, deletions, substitutions and
/// transpositions of two adjacent characters, each character edited once) between `a`
/// and `b`, in characters; `None` when it is above `max`.
pub fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    // Three rows: the one before the previous (for transpositions), the previous, this.
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= max).then_some(d)
}
