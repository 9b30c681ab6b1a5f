//! CSS escaping: any text as a CSS string literal, for the printed page header.

/// A CSS string literal of any text, safe inside a `<style>` element: quotes, backslashes,
/// line breaks and `<` are written as CSS escapes.
pub(super) fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:X} ", c as u32)),
            c if crate::text::is_bidi_control(c) => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn quotes_markup_and_controls_cannot_leave_the_string() {
        assert_eq!(
            css_string("a\"b<c\u{202e}\nd\\</style>"),
            r#""a\22 b\3C c d\5C \3C /style\3E ""#
        );
    }
}
