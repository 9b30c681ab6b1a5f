//! Personal data masked in everything published (UU 27/2022): Indonesian phone numbers
//! (`0812-3456-7890`, `+62 812 3456 7890`, `wa.me/6281234567890`), NIK (16 digits) and
//! e-mail addresses. Pure text in, text out.

use std::borrow::Cow;

/// The mask character.
const DOT: char = '•';

/// Longest personal datum recognised (an e-mail address may have 254 characters).
const LONGEST_DATUM: usize = 256;

/// The first `max` characters of `text` (with `…` when cut), masked when `masking`. Only
/// the start is masked, with a margin past the cut so that a number or address that the
/// cut splits is still recognised; a long text costs no more than a short one.
pub fn start_of(text: &str, max: usize, masking: bool) -> String {
    let start: String = text.chars().take(max + LONGEST_DATUM).collect();
    let masked = if masking {
        mask(&start)
    } else {
        Cow::Borrowed(start.as_str())
    };
    let mut out: String = masked.chars().take(max).collect();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// What the site shows of a data issue's value: its first
/// [`VALUE_KEPT`](crate::ingest::issues::VALUE_KEPT) characters, masked when `masking`.
pub fn issue_value(issue: &crate::ingest::issues::DataIssue, masking: bool) -> String {
    start_of(
        issue.value.as_deref().unwrap_or_default(),
        crate::ingest::issues::VALUE_KEPT,
        masking,
    )
}

/// What patuh made of a data issue, in the words `w` (a conflict's other location
/// included), masked when `masking`.
pub fn issue_detail(
    issue: &crate::ingest::issues::DataIssue,
    w: &crate::words::Words,
    masking: bool,
) -> String {
    let other = issue
        .other
        .as_ref()
        .map(|o| o.location.describe(w))
        .unwrap_or_default();
    let detail = issue.describe(w, &other);
    if masking {
        mask(&detail).into_owned()
    } else {
        detail
    }
}

/// `text` with phone numbers, NIK and e-mail addresses masked; unchanged text is borrowed.
pub fn mask(text: &str) -> Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if let Some((end, masked)) = number_at(&chars, i).or_else(|| email_at(&chars, i)) {
            out.extend(masked);
            changed = true;
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    if changed {
        Cow::Owned(out.into_iter().collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` holds personal data that [`mask`] would hide.
pub fn has_personal_data(text: &str) -> bool {
    matches!(mask(text), Cow::Owned(_))
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A phone number or NIK starting at `start`: its end and its masked form.
fn number_at(chars: &[char], start: usize) -> Option<(usize, Vec<char>)> {
    let first = chars[start];
    if !(first.is_ascii_digit() || first == '+')
        || (start > 0 && (is_word(chars[start - 1]) || chars[start - 1] == '+'))
    {
        return None;
    }
    // Digits with single separators (space, hyphen, dot) between them.
    let mut end = start + usize::from(first == '+');
    let mut digits = Vec::new();
    let mut separators = 0;
    while end < chars.len() {
        let c = chars[end];
        if c.is_ascii_digit() {
            digits.push(end);
            end += 1;
        } else if matches!(c, ' ' | '-' | '.')
            && !digits.is_empty()
            && chars.get(end + 1).is_some_and(char::is_ascii_digit)
        {
            separators += 1;
            end += 1;
        } else {
            break;
        }
    }
    if end < chars.len() && is_word(chars[end]) {
        return None;
    }
    let text: String = digits.iter().map(|&d| chars[d]).collect();
    let n = digits.len();
    let phone = (text.starts_with("08") && (10..=13).contains(&n))
        || (text.starts_with("628") && (11..=15).contains(&n));
    let nik = n == 16 && separators == 0 && first != '+';
    let keep_head = if phone {
        if text.starts_with("62") {
            3
        } else {
            2
        }
    } else if nik {
        0
    } else {
        return None;
    };
    let keep_tail = if phone { 2 } else { 4 };
    let mut masked: Vec<char> = chars[start..end].to_vec();
    for (k, &d) in digits.iter().enumerate() {
        if k >= keep_head && k < n - keep_tail {
            masked[d - start] = DOT;
        }
    }
    Some((end, masked))
}

/// An e-mail address whose local part starts at `start`: its end and its masked form.
fn email_at(chars: &[char], start: usize) -> Option<(usize, Vec<char>)> {
    let local_char = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    if !local_char(chars[start]) || (start > 0 && local_char(chars[start - 1])) {
        return None;
    }
    let mut at = start;
    while at < chars.len() && local_char(chars[at]) {
        at += 1;
    }
    if at == start || chars.get(at) != Some(&'@') {
        return None;
    }
    let domain_char = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-');
    let mut end = at + 1;
    while end < chars.len() && domain_char(chars[end]) {
        end += 1;
    }
    // Trailing dots end a sentence, not the domain.
    while end > at + 1 && chars[end - 1] == '.' {
        end -= 1;
    }
    let domain: String = chars[at + 1..end].iter().collect();
    let dot = domain.rfind('.')?;
    if dot == 0 || dot + 1 == domain.len() {
        return None;
    }
    let mut masked = vec![chars[start]];
    masked.extend([DOT, DOT, DOT, '@']);
    masked.push(domain.chars().next()?);
    masked.extend([DOT, DOT, DOT]);
    masked.extend(domain[dot..].chars());
    Some((end, masked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_nik_and_emails_are_masked() {
        assert_eq!(
            mask("hubungi 0812-3456-7890 ya"),
            "hubungi 08••-••••-••90 ya"
        );
        assert_eq!(mask("WA +62 812 3456 7890."), "WA +62 8•• •••• ••90.");
        assert_eq!(
            mask("https://wa.me/6281234567890"),
            "https://wa.me/628••••••••90"
        );
        assert_eq!(mask("081234567890"), "08••••••••90");
        assert_eq!(mask("NIK 3275012345678901"), "NIK ••••••••••••8901");
        assert_eq!(
            mask("email budi.santoso@gmail.com."),
            "email b•••@g•••.com."
        );
        assert_eq!(mask("warga@bekasikota.go.id"), "w•••@b•••.id");
    }

    #[test]
    fn ordinary_numbers_and_text_are_left_alone() {
        for text in [
            "Jl. Ahmad Yani No. 12, RT 03/RW 05",
            "tiket MS-2026-000123",
            "jam 14.05, 27/11/2026",
            "total 1.347 item",
            "kode pos 17141",
            "a@b",
            "123456789012345",
        ] {
            assert!(
                matches!(mask(text), Cow::Borrowed(_)),
                "{text} became {}",
                mask(text)
            );
        }
    }

    #[test]
    fn the_start_of_a_text_is_masked_across_the_cut() {
        // The cut at 12 characters splits the number: it is masked as a whole first.
        let text = "hubungi 0812-3456-7890 ya";
        assert_eq!(start_of(text, 12, true), "hubungi 08••…");
        assert_eq!(start_of(text, 12, false), "hubungi 0812…");
        assert_eq!(start_of(text, 100, true), "hubungi 08••-••••-••90 ya");
        // A 1 MB text: only its start is looked at.
        let long = format!("{}{}", "a".repeat(1_000_000), text);
        assert_eq!(start_of(&long, 3, true), "aaa…");
    }
}
