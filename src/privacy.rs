//! Personal data masked in everything published (UU 27/2022). Pure text in, text out.
//!
//! Masked, wherever they stand in a text (glued to a word such as `hp0812…` or `nik3275…`
//! included), with ASCII or full-width digits (`０８１２…`):
//!
//! - mobile numbers `08[1-9]…` of 10 to 13 digits, and `62 8…` of 11 to 15 (with or
//!   without `+`, brackets around the country code, or `(0)` after it): `0812-3456-7890`,
//!   `(+62) 812 3456 7890`, `wa.me/6281234567890`;
//! - landlines: an area code of `0` and 2 to 4 digits (not `00`, `01`, `08`) in a group of
//!   its own, possibly in brackets, then 5 to 8 digits (`(021) 888-9999`, `0251-8321234`);
//!   or 9 to 13 digits written together (`02188889999`); or `+62`/`(62)` and an area code
//!   without its `0` (`+62 21 8888 9999`);
//! - NIK: 16 digits written together (any 16 digits in a row are masked: NIK, family card
//!   and payment card numbers alike), or split into groups when the 16 digits read as a NIK
//!   (province 11–94, day of birth 01–31 or 41–71, month 01–12): `3275 0145 0190 0003`;
//! - e-mail addresses, also written `nama [at] gmail [dot] com`, `nama (at) …`, with
//!   `{}`/`<>` brackets, `[titik]`, full-width `＠`, spaces around `@` (`nama @ gmail.com`;
//!   with a space before `@` only, when the domain ends in `.com`, `.net`, `.org`, `.id`,
//!   `.co` or `.info`), or a mail provider without its ending (`nama@gmail`).
//!
//! Digit groups of a number may be separated by up to four of: spaces (also no-break, thin
//! and ideographic), `-`, `.`, dashes (`–`, `—`, `‐`, `−`, full-width `－`), brackets and line
//! breaks; invisible characters (zero-width spaces, direction and control characters)
//! between them do not count. Of a number, only the first 2 or 3 digits and the last 2
//! (a NIK: nothing and the last 4) stay readable; an e-mail address becomes `b•••@g•••.com`.
//!
//! Not masked: dates (`27/11/2026`, `2026-11-27`), times (`14.05`, `14:05:00`), ticket
//! ids such as `MS-2026-000123`, addresses (`Jl. Ahmad Yani No. 12, RT 03/RW 05`), counts
//! (`1.347`), amounts, postal codes; an 18-digit NIP; more than 16 digits written together;
//! numbers with other separators (`0812/3456/7890`, `0812_3456`); `nama at gmail dot com`
//! without brackets; a handle such as `@dinas.kominfo` (a space before `@`, none after, and
//! another ending); `nama@kantor` (no ending, not a mail provider).

use std::borrow::Cow;

/// The mask character.
const DOT: char = '•';

/// Longest personal datum recognised (an e-mail address may have 254 characters).
const LONGEST_DATUM: usize = 256;

/// Most visible separator characters between two digit groups of one number (`) - `).
const MOST_SEPARATORS: usize = 4;

/// Most digits of a number (a NIK).
const MOST_DIGITS: usize = 16;

/// Fewest digits of a number [`mask`] hides: a landline's area code of three digits and
/// five more (`021 12345`); every other kind has more. A text with fewer digits in all and
/// no at-sign holds nothing to hide, and is returned as it is without a closer look (most
/// complaints: `RT 05 RW 03`, `Jl. Melati No. 5`).
const FEWEST_DIGITS: usize = 8;

/// The first `max` characters of `text` (with `…` when cut), masked when `masking`. Only
/// the start is masked, with a margin past the cut so that a number or address that the
/// cut splits is still recognised; a long text costs no more than a short one.
pub fn start_of(text: &str, max: usize, masking: bool) -> String {
    // Most texts are shorter than `max` bytes, so than `max` characters: nothing to cut
    // unless masking made the text longer (issue 13: every item's text passes here).
    if text.len() <= max {
        let masked = if masking {
            mask(text)
        } else {
            Cow::Borrowed(text)
        };
        if masked.len() <= max {
            return masked.into_owned();
        }
    }
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

/// `text` masked when `masking`, else as it is: for names and identifiers taken from the
/// data (ticket ids, departments, admins, file and sheet names), which may be a number.
pub fn shown(text: &str, masking: bool) -> Cow<'_, str> {
    if masking {
        mask(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// What the site shows of a data issue's value: its first
/// [`VALUE_KEPT`](crate::issues::VALUE_KEPT) characters, masked when `masking`.
pub fn issue_value(issue: &crate::issues::DataIssue, masking: bool) -> String {
    start_of(
        issue.value.as_deref().unwrap_or_default(),
        crate::issues::VALUE_KEPT,
        masking,
    )
}

/// Where a data issue is, in the words `w` (file, sheet and header are from the data),
/// masked when `masking`.
pub fn issue_location(
    issue: &crate::issues::DataIssue,
    w: &crate::words::Words,
    masking: bool,
) -> String {
    shown(&issue.location.describe(w), masking).into_owned()
}

/// What patuh made of a data issue, in the words `w` (a conflict's other value and
/// location included), masked when `masking`.
pub fn issue_detail(
    issue: &crate::issues::DataIssue,
    w: &crate::words::Words,
    masking: bool,
) -> String {
    let other = issue
        .other
        .as_ref()
        .map(|o| o.location.describe(w))
        .unwrap_or_default();
    let detail = issue.describe(w, &other);
    shown(&detail, masking).into_owned()
}

/// `text` with phone numbers, NIK and e-mail addresses masked (see the module's
/// documentation for exactly what); unchanged text is borrowed.
pub fn mask(text: &str) -> Cow<'_, str> {
    if !may_hold_personal_data(text) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let emails = emails(&chars);
    let hidden = numbers(&chars);
    if emails.is_empty() && !hidden.iter().any(|&h| h) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut emails = emails.into_iter().peekable();
    let mut i = 0;
    while i < chars.len() {
        if let Some((_, end, masked)) = emails.next_if(|(start, _, _)| *start == i) {
            out.push_str(&masked);
            i = end;
        } else {
            out.push(if hidden[i] { DOT } else { chars[i] });
            i += 1;
        }
    }
    Cow::Owned(out)
}

/// Whether `text` may hold a number or an address [`mask`] hides, in one pass over its
/// bytes (every page, register and download asks, for every text): at least
/// [`FEWEST_DIGITS`] ASCII digits, or an at-sign or bracket, or a character from U+F000
/// on (UTF-8 lead byte `EF`: the full-width digits, at-sign and brackets are there).
/// `false` means there is nothing to hide; `true` that [`mask`] must look closer.
fn may_hold_personal_data(text: &str) -> bool {
    let mut digits = 0;
    for &b in text.as_bytes() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits >= FEWEST_DIGITS {
                    return true;
                }
            }
            b'@' | b'[' | b'(' | b'{' | b'<' | 0xEF => return true,
            _ => {}
        }
    }
    false
}

/// Whether `text` holds personal data that [`mask`] would hide.
pub fn has_personal_data(text: &str) -> bool {
    matches!(mask(text), Cow::Owned(_))
}

/// The value of a digit, ASCII or full-width.
fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{ff10}'..='\u{ff19}' => Some((c as u32 - 0xff10) as u8),
        _ => None,
    }
}

/// Characters that may stand between the digit groups of one number.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '-'
            | '.'
            | '('
            | ')'
            | '\u{a0}'
            | '\u{2007}'
            | '\u{2009}'
            | '\u{202f}'
            | '\u{3000}'
            | '\u{2010}'
            ..='\u{2014}' | '\u{2212}' | '\u{ff08}' | '\u{ff09}' | '\u{ff0d}' | '\u{ff0e}'
    )
}

/// Characters nobody sees on a page: they never end a number.
fn is_invisible(c: char) -> bool {
    crate::text::is_hidden_control(c)
        || matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
}

/// A run of digits: its characters `start..end` and their values.
struct Group {
    start: usize,
    end: usize,
    digits: Vec<u8>,
}

/// Which characters of `chars` are digits of a phone number or NIK to hide.
fn numbers(chars: &[char]) -> Vec<bool> {
    let mut hidden = vec![false; chars.len()];
    // The digit groups, and for each whether it continues the number of the one before.
    let mut groups: Vec<Group> = Vec::new();
    let mut joined: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = Vec::new();
        while let Some(d) = chars.get(i).copied().and_then(digit) {
            digits.push(d);
            i += 1;
        }
        let continues = groups.last().is_some_and(|g: &Group| {
            let gap = &chars[g.end..start];
            gap.iter().all(|&c| is_separator(c) || is_invisible(c))
                && gap.iter().filter(|&&c| !is_invisible(c)).count() <= MOST_SEPARATORS
        });
        joined.push(continues);
        groups.push(Group {
            start,
            end: i,
            digits,
        });
    }
    for first in 0..groups.len() {
        let plus = plus_before(chars, groups[first].start);
        let mut all: Vec<u8> = Vec::new();
        let mut positions: Vec<usize> = Vec::new();
        for (last, group) in groups.iter().enumerate().skip(first) {
            if last > first && !joined[last] {
                break;
            }
            all.extend(&group.digits);
            positions.extend(group.start..group.end);
            if all.len() > MOST_DIGITS {
                break;
            }
            let single = last == first;
            if let Some((head, tail)) = kind(&all, groups[first].digits.len(), single, plus) {
                for &p in &positions[head..positions.len() - tail] {
                    hidden[p] = true;
                }
            }
        }
    }
    hidden
}

/// Whether a `+` (perhaps in a bracket: `(+62)`) stands right before `start`.
fn plus_before(chars: &[char], start: usize) -> bool {
    start > 0 && matches!(chars[start - 1], '+' | '\u{ff0b}')
}

/// Whether `digits` (their first group `first` long, all of them in one group when
/// `single`, after a `+` when `plus`) are a phone number or NIK: how many digits stay
/// readable at the start and at the end.
fn kind(digits: &[u8], first: usize, single: bool, plus: bool) -> Option<(usize, usize)> {
    let n = digits.len();
    let at = |i: usize| digits.get(i).copied();
    let area = |d: Option<u8>| matches!(d, Some(2..=7 | 9));
    // NIK: 16 digits in a row, or split when they read as a NIK.
    if n == 16 && (single || looks_like_nik(digits)) {
        return Some((0, 4));
    }
    // Mobile: 08[1-9], 10 to 13 digits.
    if at(0) == Some(0) && at(1) == Some(8) && matches!(at(2), Some(1..=9)) {
        return ((10..=13).contains(&n) && first >= 3).then_some((2, 2));
    }
    // Landline: an area code group (0 and 2 to 4 digits) and 5 to 8 digits, or 9 to 13
    // digits written together (8 could be a date: `02112026`).
    if at(0) == Some(0) && area(at(1)) {
        let grouped = (3..=5).contains(&first) && (5..=8).contains(&(n - first));
        let together = first >= 9 && (9..=13).contains(&n);
        return (grouped || together).then_some((3, 2));
    }
    // The country code 62, perhaps with the area code's or the mobile prefix's 0 after it.
    if at(0) == Some(6) && at(1) == Some(2) {
        let national = if at(2) == Some(0) {
            &digits[3..]
        } else {
            &digits[2..]
        };
        let m = national.len();
        let next = |i: usize| national.get(i).copied();
        if next(0) == Some(8) && matches!(next(1), Some(1..=9)) {
            return (9..=12).contains(&m).then_some((3, 2));
        }
        if area(next(0)) && (plus || first == 2) {
            return (7..=12).contains(&m).then_some((3, 2));
        }
    }
    None
}

/// Whether 16 digits read as a NIK: province 11–94, day of birth 01–31 (41–71 for women),
/// month 01–12.
fn looks_like_nik(d: &[u8]) -> bool {
    let two = |i: usize| d[i] * 10 + d[i + 1];
    (11..=94).contains(&two(0)) && matches!(two(6), 1..=31 | 41..=71) && (1..=12).contains(&two(8))
}

/// Whether `c` may begin an at-sign (`@`, `＠`, or a bracket of `[at]`).
fn maybe_at(c: char) -> bool {
    matches!(
        c,
        '@' | '\u{ff20}' | '[' | '(' | '{' | '<' | '\u{ff08}' | '\u{ff3b}'
    )
}

/// A word in brackets at `i` (`[at]`, `( dot )`, case ignored): its end.
fn bracketed(chars: &[char], i: usize, words: &[&str]) -> Option<usize> {
    let close = match chars.get(i)? {
        '[' => ']',
        '(' => ')',
        '{' => '}',
        '<' => '>',
        '\u{ff08}' => '\u{ff09}',
        '\u{ff3b}' => '\u{ff3d}',
        _ => return None,
    };
    let mut j = skip_spaces(chars, i + 1);
    let start = j;
    while chars.get(j).is_some_and(|c| c.is_alphabetic()) {
        j += 1;
    }
    let word: String = chars[start..j].iter().collect::<String>().to_lowercase();
    if !words.contains(&word.as_str()) {
        return None;
    }
    j = skip_spaces(chars, j);
    (chars.get(j) == Some(&close)).then_some(j + 1)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{3000}')
}

fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|&c| is_space(c)) {
        i += 1;
    }
    i
}

/// The e-mail addresses of `chars`: their spans and masked forms, in order.
fn emails(chars: &[char]) -> Vec<(usize, usize, String)> {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if maybe_at(chars[i]) {
            if let Some(email) = email_at(chars, i) {
                if found.last().is_none_or(|last| last.1 <= email.0) {
                    i = email.1;
                    found.push(email);
                    continue;
                }
            }
        }
        i += 1;
    }
    found
}

/// An e-mail address whose at-sign is at `at`: its span and masked form.
fn email_at(chars: &[char], at: usize) -> Option<(usize, usize, String)> {
    let (after_at, plain) = match chars[at] {
        '@' | '\u{ff20}' => (at + 1, true),
        _ => (bracketed(chars, at, &["at"])?, false),
    };
    let space_before = at > 0 && is_space(chars[at - 1]);
    let space_after = chars.get(after_at).is_some_and(|&c| is_space(c));
    // `halo @dinas.kominfo` is a handle, `budi @gmail.com` an address.
    let handle_like = plain && space_before && !space_after;
    let spaced = !plain || space_before || space_after;
    // The local part, leftwards.
    let local_char = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let mut start = at;
    while start > 0 && is_space(chars[start - 1]) {
        start -= 1;
    }
    let local_end = start;
    while start > 0 && local_char(chars[start - 1]) {
        start -= 1;
    }
    while start < local_end && !chars[start].is_alphanumeric() {
        start += 1;
    }
    if start == local_end {
        return None;
    }
    // The domain, rightwards: labels joined by dots.
    let label_char = |c: char| c.is_alphanumeric() || c == '-';
    let mut labels: Vec<(usize, usize)> = Vec::new();
    let mut i = skip_spaces(chars, after_at);
    loop {
        let label_start = i;
        while chars.get(i).is_some_and(|&c| label_char(c)) {
            i += 1;
        }
        if i == label_start {
            break;
        }
        labels.push((label_start, i));
        // A dot: `.`, or `[dot]`/`(titik)` with or without spaces around it.
        let j = skip_spaces(chars, i);
        let dot_end = if chars.get(j) == Some(&'.') && (spaced || j == i) {
            Some(j + 1)
        } else {
            bracketed(chars, j, &["dot", "titik"])
        };
        let Some(dot_end) = dot_end else { break };
        let next = if j > i || dot_end > j + 1 {
            skip_spaces(chars, dot_end)
        } else {
            dot_end
        };
        if !chars.get(next).is_some_and(|&c| label_char(c)) {
            break;
        }
        i = next;
    }
    let &(tld_start, end) = labels.last()?;
    let tld: String = chars[tld_start..end].iter().collect();
    let lower = tld.to_lowercase();
    let masked = if labels.len() == 1 {
        // `budi@gmail`: a mail provider without its ending.
        if handle_like || !MAIL_PROVIDERS.contains(&lower.as_str()) {
            return None;
        }
        format!(
            "{}{DOT}{DOT}{DOT}@{}{DOT}{DOT}{DOT}",
            chars[start], chars[tld_start]
        )
    } else {
        if tld.chars().count() < 2
            || !tld.chars().all(char::is_alphabetic)
            || (handle_like && !ADDRESS_ENDINGS.contains(&lower.as_str()))
        {
            return None;
        }
        format!(
            "{}{DOT}{DOT}{DOT}@{}{DOT}{DOT}{DOT}.{tld}",
            chars[start], chars[labels[0].0]
        )
    };
    Some((start, end, masked))
}

/// Mail providers whose name alone (`budi@gmail`) makes an address.
const MAIL_PROVIDERS: [&str; 8] = [
    "gmail",
    "yahoo",
    "ymail",
    "hotmail",
    "outlook",
    "icloud",
    "live",
    "rocketmail",
];

/// Endings that make `budi @gmail.com` (a space before `@` only) an address, not a handle.
const ADDRESS_ENDINGS: [&str; 6] = ["com", "net", "org", "id", "co", "info"];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Real-world forms and what is published of them.
    const MASKED: &[(&str, &str)] = &[
        // Mobile numbers.
        ("hubungi 0812-3456-7890 ya", "hubungi 08••-••••-••90 ya"),
        ("081234567890", "08••••••••90"),
        ("0812 3456 7890", "08•• •••• ••90"),
        ("0812.3456.7890", "08••.••••.••90"),
        ("0812\u{a0}3456\u{a0}7890", "08••\u{a0}••••\u{a0}••90"),
        (
            "0812\u{2013}3456\u{2013}7890",
            "08••\u{2013}••••\u{2013}••90",
        ),
        ("0812 - 3456 - 7890", "08•• - •••• - ••90"),
        ("(0812) 3456-7890", "(08••) ••••-••90"),
        ("0812-345-678", "08••-•••-•78"),
        ("hp0812-3456-7890", "hp08••-••••-••90"),
        ("wa:081234567890.", "wa:08••••••••90."),
        ("HP.081234567890", "HP.08••••••••90"),
        (
            "no hp 08123456789 / 08987654321",
            "no hp 08•••••••89 / 08•••••••21",
        ),
        ("０８１２３４５６７８９０", "０８••••••••９０"),
        ("０８１２-3456-7890", "０８••-••••-••90"),
        (
            "0812\u{200b}3456\u{200b}7890",
            "08••\u{200b}••••\u{200b}••90",
        ),
        // With the country code.
        ("WA +62 812 3456 7890.", "WA +62 8•• •••• ••90."),
        ("+6281234567890", "+628••••••••90"),
        ("(+62) 812-3456-7890", "(+62) 8••-••••-••90"),
        ("(62) 812 3456 7890", "(62) 8•• •••• ••90"),
        ("+62 (0) 812 3456 7890", "+62 (0) ••• •••• ••90"),
        ("+62-812-3456-7890", "+62-8••-••••-••90"),
        ("https://wa.me/6281234567890", "https://wa.me/628••••••••90"),
        // Landlines.
        ("telp (021) 888-9999", "telp (021) •••-••99"),
        ("021-8888-9999", "021-••••-••99"),
        ("(0251) 832 1234", "(025•) ••• ••34"),
        ("0251-8321234", "025•-•••••34"),
        ("02188889999", "021••••••99"),
        ("+62 21 8888 9999", "+62 2• •••• ••99"),
        ("(+62 21) 888 9999", "(+62 2•) ••• ••99"),
        // NIK.
        ("NIK 3275012345678901", "NIK ••••••••••••8901"),
        ("nik3275012345678901", "nik••••••••••••8901"),
        ("NIK: 3275 0145 0190 0003", "NIK: •••• •••• •••• 0003"),
        ("3275.0145.0190.0003", "••••.••••.••••.0003"),
        ("32-75-01-450190-0003", "••-••-••-••••••-0003"),
        ("NIK 32750145\n01900003", "NIK ••••••••\n••••0003"),
        ("NIK 32750145\r\n01900003", "NIK ••••••••\r\n••••0003"),
        ("kartu 4111111111111111", "kartu ••••••••••••1111"),
        // E-mail addresses.
        ("email budi.santoso@gmail.com.", "email b•••@g•••.com."),
        ("warga@bekasikota.go.id", "w•••@b•••.id"),
        ("budi [at] gmail [dot] com", "b•••@g•••.com"),
        ("budi[at]gmail[dot]com", "b•••@g•••.com"),
        ("budi (at) gmail (dot) com!", "b•••@g•••.com!"),
        ("budi(at)gmail.com", "b•••@g•••.com"),
        ("Budi [AT] Gmail [DOT] Com", "B•••@G•••.Com"),
        ("budi {at} yahoo {titik} co {titik} id", "b•••@y•••.id"),
        ("kirim ke budi @ gmail.com ya", "kirim ke b•••@g•••.com ya"),
        ("budi @ gmail . com", "b•••@g•••.com"),
        ("budi@ gmail.com", "b•••@g•••.com"),
        ("budi＠gmail.com", "b•••@g•••.com"),
        ("mailto:budi@gmail.com", "mailto:b•••@g•••.com"),
        ("email: budi@gmail", "email: b•••@g•••"),
        ("budi.santoso @gmail.com", "b•••@g•••.com"),
        ("budi @yahoo.co.id", "b•••@y•••.id"),
    ];

    /// Ordinary data that is left as it is.
    const KEPT: &[&str] = &[
        "Jl. Ahmad Yani No. 12, RT 03/RW 05",
        "tiket MS-2026-000123",
        "jam 14.05, 27/11/2026",
        "2026-11-27 14:05:00",
        "27-11-2026 08.15",
        "27.11.2026 14.05.00",
        "jam 08.00-12.00 13.00-16.00",
        "total 1.347 item, Rp 1.250.000",
        "kode pos 17141",
        "NIP 19850101 201001 1 001",
        "198501012010011001",
        "12345678901234567",
        "0812/3456/7890",
        "a@b",
        "123456789012345",
        "2026 11 27 14 05",
        "46353.5833",
        "halo @dinas.kominfo terima kasih",
        "halo @pemkot.bekasi",
        "kode booking 02112026",
        "a@b.c",
        "versi 1.2.3.4.5.6.7.8",
        "tanggal 27.11.2026, 08.00 - 16.00 WIB",
        "budi at gmail dot com",
        "05-12-2026",
        "0800-1-234567",
        "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6",
    ];

    #[test]
    fn real_world_forms_are_masked() {
        for (text, masked) in MASKED {
            assert_eq!(mask(text), *masked, "{text:?}");
        }
    }

    #[test]
    fn ordinary_numbers_and_text_are_left_alone() {
        for text in KEPT {
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

    /// A conflict shows both values and both locations: all of them masked.
    #[test]
    fn both_sides_of_a_conflict_are_masked() {
        use crate::issues::{DataIssue, IssueKind, Location, OtherOccurrence, Reason};
        let issue = DataIssue::new(
            IssueKind::Conflict,
            Location::row("hp 0812-3456-7890.csv", Some("3275014501900003"), 2)
                .at_column(7, "Akun"),
            Some("0813\u{a0}1111\u{a0}2222".into()),
            Some(crate::model::Field::Account),
            Reason::Conflict,
        )
        .with_other(OtherOccurrence {
            location: Location::row("wa6281234567891.csv", None, 9),
            value: "nik 3275 0145 0190 0003".into(),
        });
        let w = crate::words::words(crate::words::Lang::En);
        assert_eq!(issue_value(&issue, true), "08••\u{a0}••••\u{a0}••22");
        assert_eq!(
            issue_location(&issue, w, true),
            "hp 08••-••••-••90.csv, sheet \"••••••••••••0003\", row 2, column H (Akun)"
        );
        assert_eq!(
            issue_detail(&issue, w, true),
            "`account` was \u{201c}nik •••• •••• •••• 0003\u{201d} in an earlier row \
             (wa628••••••••91.csv, row 9); the later value is kept"
        );
        assert_eq!(issue_value(&issue, false), "0813\u{a0}1111\u{a0}2222");
        assert!(issue_detail(&issue, w, false).contains("3275 0145 0190 0003"));
    }

    /// A phone number or NIK as written: its digit groups, the first perhaps with `+62`,
    /// `(+62)` or an area code in brackets.
    fn number() -> impl Strategy<Value = Vec<String>> {
        let digits = |len: std::ops::RangeInclusive<usize>| proptest::collection::vec(0u8..10, len);
        // (digits, kind: 0 mobile, 1 landline, 2 NIK, length of the area code)
        let mobile = (1u8..10, digits(7..=10)).prop_map(|(third, more)| {
            let mut d = vec![0, 8, third];
            d.extend(more);
            (d, 0u8, 0usize)
        });
        let landline = (
            prop::sample::select(vec![2u8, 3, 4, 5, 6, 7, 9]),
            digits(1..=3),
            digits(5..=8),
        )
            .prop_map(|(a, area, sub)| {
                let mut d = vec![0, a];
                let area_len = 2 + area.len();
                d.extend(area);
                d.extend(sub);
                (d, 1u8, area_len)
            });
        let nik = (
            11u8..=94,
            digits(4..=4),
            1u8..=28,
            any::<bool>(),
            1u8..=12,
            digits(6..=6),
        )
            .prop_map(|(province, place, day, woman, month, more)| {
                let day = day + if woman { 40 } else { 0 };
                let mut d = vec![province / 10, province % 10];
                d.extend(place);
                d.extend([day / 10, day % 10, month / 10, month % 10]);
                d.extend(more);
                (d, 2u8, 0usize)
            });
        (
            prop_oneof![mobile, landline, nik],
            proptest::collection::vec(any::<bool>(), 16),
            any::<bool>(),
            0u8..5,
            any::<bool>(),
        )
            .prop_map(|((d, kind, area_len), cuts, glued, country, bracket)| {
                // 8 digits written together could be a date: a landline has at least 9.
                let glued = glued && !(kind == 1 && d.len() < 9);
                // A phone number may start with +62 or 62 instead of its 0.
                let code = match (kind, country) {
                    (2, _) | (_, 0 | 1) => None,
                    (_, 2) => Some("+62"),
                    (_, 3) => Some("62"),
                    _ => Some("(+62)"),
                };
                let national = if code.is_some() { &d[1..] } else { &d[..] };
                let skip = d.len() - national.len();
                let mut groups: Vec<String> = Vec::new();
                let mut current = String::new();
                for (i, &x) in national.iter().enumerate() {
                    current.push(char::from(b'0' + x));
                    let at = i + skip;
                    let cut = match kind {
                        // A mobile number's first group has at least 3 digits.
                        0 => !glued && cuts[i] && (code.is_some() || at >= 2),
                        // A landline's first group is its area code, or all of it.
                        1 => !glued && (at + 1 == area_len || (at + 1 > area_len && cuts[i])),
                        _ => cuts[i],
                    };
                    if cut || i + 1 == national.len() {
                        groups.push(std::mem::take(&mut current));
                    }
                }
                if kind == 1 && code.is_none() && bracket && !glued {
                    groups[0] = format!("({})", groups[0]);
                }
                match code {
                    // 62 without + before an area code is a group of its own.
                    Some(code)
                        if cuts[15] || (kind == 1 && code == "62") || code.starts_with('(') =>
                    {
                        groups.insert(0, code.to_string())
                    }
                    Some(code) => groups[0] = format!("{code}{}", groups[0]),
                    None => {}
                }
                groups
            })
    }

    /// Separators between groups: spaces, dashes, dots, no-break spaces, en dashes,
    /// brackets and line breaks.
    fn separator() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            " ",
            "-",
            ".",
            "\u{a0}",
            "\u{2013}",
            " - ",
            "\n",
            "\r\n",
            ") ",
            ")-",
            " (",
            "\t",
            "\u{200b}",
            ". ",
            " \u{2013} ",
        ])
    }

    /// Text before a number: anything without digits, then perhaps a word glued to it.
    fn before() -> impl Strategy<Value = String> {
        (
            "[A-Za-z ,:;!?\n]{0,20}",
            prop::sample::select(vec![
                "", "hp", "wa", "nik", "NIK:", "telp ", "(", "no. ", "HP.", "\n", "Hubungi ",
                "tel/", "wa.me/",
            ]),
        )
            .prop_map(|(text, glued)| format!("{text}{glued}"))
    }

    /// Text after a number: anything without digits.
    fn after() -> impl Strategy<Value = String> {
        (
            prop::sample::select(vec!["", ".", ",", ")", " ya", "\n", "sms", "!"]),
            "[A-Za-z ,:;!?\n]{0,20}",
        )
            .prop_map(|(glued, text)| format!("{glued}{text}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// However a number is written and whatever stands around it, at most its first 3
        /// and its last 4 digits stay readable, and nothing else changes.
        #[test]
        fn numbers_are_masked_whatever_their_form(
            groups in number(),
            seps in proptest::collection::vec(separator(), 16),
            full_width in proptest::collection::vec(any::<bool>(), 20),
            before in before(),
            after in after(),
        ) {
            let mut number = String::new();
            for (i, g) in groups.iter().enumerate() {
                if i > 0 {
                    number.push_str(seps[i]);
                }
                number.push_str(g);
            }
            // Some digits full-width.
            let number: String = number
                .chars()
                .enumerate()
                .map(|(i, c)| match c {
                    '0'..='9' if full_width[i % full_width.len()] => {
                        char::from_u32(0xff10 + (c as u32 - '0' as u32)).unwrap()
                    }
                    c => c,
                })
                .collect();
            let text = format!("{before}{number}{after}");
            let masked = mask(&text).into_owned();
            let (a, b): (Vec<char>, Vec<char>) = (text.chars().collect(), masked.chars().collect());
            prop_assert_eq!(a.len(), b.len(), "{:?} → {:?}", text, masked);
            let first = before.chars().count();
            let last = first + number.chars().count();
            let mut run = 0;
            let mut shown = 0;
            for i in 0..a.len() {
                if (first..last).contains(&i) && digit(a[i]).is_some() {
                    if b[i] == DOT {
                        run = 0;
                    } else {
                        prop_assert_eq!(a[i], b[i]);
                        run += 1;
                        shown += 1;
                        prop_assert!(run <= 4, "{:?} → {:?}", text, masked);
                    }
                } else {
                    // Separators and the text around are unchanged.
                    prop_assert_eq!(a[i], b[i], "{:?} → {:?}", text, masked);
                }
            }
            prop_assert!(shown <= 5, "{:?} → {:?}", text, masked);
        }

        /// However an e-mail address is written and whatever stands around it, neither its
        /// name nor its domain stays readable, and nothing else changes.
        #[test]
        fn emails_are_masked_whatever_their_form(
            local in "[a-z]{2}[a-z0-9._]{0,8}[a-z0-9]",
            domain in "mail[a-z]{2,8}",
            tld in prop::sample::select(vec!["com", "id", "co.id", "go.id", "net"]),
            at in prop::sample::select(vec![
                "@", " @ ", "@ ", " @", "[at]", " [at] ", "(at)", " (at) ", " [ AT ] ", "\u{ff20}",
                "{at}",
            ]),
            dot in prop::sample::select(vec![".", "[dot]", " [dot] ", "(dot)", " (titik) "]),
            before in "[A-Za-z ,:;!?\n]{0,20}",
            glued in prop::sample::select(vec!["", " ", ": ", "(", "\n", "email "]),
            after in prop::sample::select(vec!["", ".", ", ", " ya", ")", "\n", "!"]),
        ) {
            let address = format!(
                "{local}{at}{domain}{dot}{}",
                tld.replace('.', dot)
            );
            // Something not glued to the name before it.
            let before = if glued.is_empty() { format!("{before} ") } else { format!("{before}{glued}") };
            let text = format!("{before}{address}{after}");
            let masked = mask(&text).into_owned();
            prop_assert!(masked.starts_with(&before), "{:?} → {:?}", text, masked);
            prop_assert!(masked.ends_with(after), "{:?} → {:?}", text, masked);
            let middle = &masked[before.len()..masked.len() - after.len()];
            prop_assert!(!middle.contains(&local), "{:?} → {:?}", text, masked);
            prop_assert!(!middle.contains(&domain), "{:?} → {:?}", text, masked);
            prop_assert!(middle.contains('@') && middle.contains(DOT), "{:?} → {:?}", text, masked);
        }
    }
    #[test]
    fn the_fewest_digits_of_a_hidden_number_are_eight() {
        // Eight digits as a landline (area code 021, five more) are hidden; seven are not
        // a number of any kind, so a text with seven digits is returned as it is.
        assert_eq!(mask("Telp 021 12345"), "Telp 021 •••45");
        assert!(matches!(
            mask("Telp 021 1234"),
            Cow::Borrowed("Telp 021 1234")
        ));
        assert!(matches!(
            mask("RT 05 RW 03 Jl. Melati No. 5"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn full_width_digits_and_at_signs_are_looked_at_closer() {
        assert!(may_hold_personal_data("０８１２"));
        assert!(may_hold_personal_data("warga＠mail"));
        assert!(may_hold_personal_data("a [at] b"));
        assert!(!may_hold_personal_data(
            "Lampu jalan di RT 05 RW 03 padam sejak 2 hari."
        ));
    }

    proptest! {
        /// Any text the quick look passes holds nothing the full look would hide.
        #[test]
        fn what_the_quick_look_passes_the_full_look_leaves_alone(text in "\\PC{0,40}") {
            if !may_hold_personal_data(&text) {
                let chars: Vec<char> = text.chars().collect();
                prop_assert!(emails(&chars).is_empty());
                prop_assert!(!numbers(&chars).iter().any(|&h| h));
            }
        }

        /// Whatever else it holds, a text with fewer than eight digits and no at-sign or
        /// bracket is shown as it is: the quick answer of `mask` is the full one.
        #[test]
        fn fewer_than_eight_digits_hide_nothing(
            text in "[0-9 +()./-]{0,12}[a-z ]{0,5}[0-9 +./-]{0,12}",
        ) {
            let digits = text.chars().filter(char::is_ascii_digit).count();
            prop_assume!(digits < FEWEST_DIGITS && !text.chars().any(maybe_at));
            prop_assert!(!may_hold_personal_data(&text));
            let chars: Vec<char> = text.chars().collect();
            prop_assert!(emails(&chars).is_empty());
            prop_assert!(!numbers(&chars).iter().any(|&h| h));
        }
    }
}
