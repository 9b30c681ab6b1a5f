//! Shared vocabulary for text that patuh shows anywhere (pages, downloads, the terminal):
//! the characters that never reach a reader, because they are invisible or because a
//! browser, a terminal or a spreadsheet would act on them. Pure functions; every stage may
//! use them.

/// Unicode direction controls (embeddings, overrides, isolates, marks): in citizens' text
/// they could make a line display in another order than it reads.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that never reach a page or a download: direction controls, and control
/// characters other than tab and line breaks (not allowed in HTML; a terminal or a
/// spreadsheet program would act on some of them).
pub fn is_hidden_control(c: char) -> bool {
    is_bidi_control(c) || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// `text` without hidden controls: those that are white space (vertical tab, form feed,
/// next line) become a space, the others are dropped.
pub fn without_hidden_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let clean = text
        .chars()
        .filter_map(|c| match c {
            c if !is_hidden_control(c) => Some(c),
            c if c.is_whitespace() => Some(' '),
            _ => None,
        })
        .collect();
    std::borrow::Cow::Owned(clean)
}
