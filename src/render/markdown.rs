//! Markdown: escaping untrusted text for the `.md` pages, and rendering the office's own
//! commentary files to HTML with raw HTML escaped. pulldown-cmark is configured here only.

use pulldown_cmark::{html, Event, Options, Parser};

use crate::text::{is_hidden_control, without_hidden_controls};

/// Escapes text for a Markdown page so it cannot add structure, links or HTML, while
/// staying readable: only what would change the structure where it stands is
/// backslash-escaped. Anywhere: `\` `` ` `` `*` `[` `]` `<` `|` `~` `{` `}` `@`; `_`
/// unless between two letters or digits (`posted_at` cannot emphasise); `&` only where it
/// starts an entity (`&amp;`, `&#60;`; `Analisis & disposisi` stays as it is); `!` only
/// before `[`. At the beginning only, what would start a block: `#` `>` `-` `+` `=` `1.`
/// `1)`. And what makes a bare address a link (`://`, `www.`). Line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let chars: Vec<char> = text.chars().collect();
    let mut at_start = true;
    // Whether any character but white space has been seen.
    let mut started = false;
    for (i, &c) in chars.iter().enumerate() {
        let next = |k: usize| chars.get(i + k).copied();
        let followed_by_space = matches!(next(1), None | Some(' ' | '\t'));
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '|' | '~' | '{' | '}' | '@' => true,
            // Within a word `_` cannot open or close emphasis.
            '_' => {
                !(i > 0
                    && chars[i - 1].is_alphanumeric()
                    && next(1).is_some_and(char::is_alphanumeric))
            }
            '&' => starts_entity(&chars[i + 1..]),
            '!' => next(1) == Some('['),
            // Block markers count only before any other character: `# a`, `> a`, `- a`,
            // `+ a`, `===`.
            '#' | '>' => !started,
            '-' | '+' => at_start && !started && followed_by_space,
            '=' => at_start && !started,
            // `1. a` and `1) a` start an ordered list.
            '.' | ')' => {
                (at_start_digits(&chars[..i]) && followed_by_space)
                    || (c == '.' && ends_with_www(&chars[..i]))
            }
            ':' => next(1) == Some('/') && next(2) == Some('/'),
            _ => false,
        };
        match c {
            // White space before the first character could make an indented code block.
            c if c.is_whitespace() && !started => {}
            c if c.is_control() && c.is_whitespace() => out.push(' '),
            c if is_hidden_control(c) => {}
            c if escape => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        if !c.is_whitespace() && !c.is_ascii_digit() {
            at_start = false;
        }
        if !c.is_whitespace() {
            started = true;
        }
    }
    out
}

/// Whether `rest` (what follows a `&`) makes it a character reference: a name, `#` and
/// digits, or `#x` and hex digits, then `;`.
fn starts_entity(rest: &[char]) -> bool {
    let end = rest.iter().take(34).position(|&c| c == ';');
    let Some(end) = end else {
        return false;
    };
    let body = &rest[..end];
    match body {
        ['#', 'x' | 'X', hex @ ..] => !hex.is_empty() && hex.iter().all(char::is_ascii_hexdigit),
        ['#', digits @ ..] => !digits.is_empty() && digits.iter().all(char::is_ascii_digit),
        name => !name.is_empty() && name.iter().all(char::is_ascii_alphanumeric),
    }
}

/// Escapes text for an HTML page (Tera's HTML escaping), without hidden controls.
pub fn escape_html(text: &str) -> String {
    tera::escape_html(&without_hidden_controls(text))
}

/// Whether `before` is only (optional spaces and) digits: an ordered-list marker follows.
fn at_start_digits(before: &[char]) -> bool {
    let trimmed: Vec<&char> = before.iter().skip_while(|c| c.is_whitespace()).collect();
    !trimmed.is_empty() && trimmed.iter().all(|c| c.is_ascii_digit())
}

fn ends_with_www(before: &[char]) -> bool {
    let n = before.len();
    n >= 3 && before[n - 3..].iter().all(|c| c.eq_ignore_ascii_case(&'w'))
}

/// The parser every Markdown input goes through.
fn new_parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
}

/// The office's commentary with what a report page must not carry taken out, so that no
/// Markdown renderer can make more of it: raw HTML is written as text (`<` as `&lt;`, so
/// no line can open an HTML block that hides what follows from the checks); links to
/// anything but `http`, `https`, `mailto` or another page of the site (a `javascript:`
/// link, say) become their text, and images their description (the site makes no request
/// to the network); and whatever a more lenient renderer could still read as such a link,
/// an image or a link definition is broken up. Both the HTML and the Markdown page are
/// made from the result.
pub fn safe_commentary(text: &str) -> String {
    let text = without_hidden_controls(text).replace('<', "&lt;");
    defuse(&replace_unsafe_links(&text))
}

/// `text` with the links and images that pulldown-cmark reads in it replaced: unsafe links
/// by their text, images by their description.
fn replace_unsafe_links(text: &str) -> String {
    use pulldown_cmark::{Tag, TagEnd};
    // Byte ranges of the links and images to replace, with what replaces them.
    let mut replacements: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    // The link or image being read: its range, and its text so far.
    let mut open: Option<(std::ops::Range<usize>, String, usize)> = None;
    for (event, range) in new_parser(text).into_offset_iter() {
        match (&event, &mut open) {
            (Event::Start(Tag::Link { dest_url, .. }), None) if !is_safe_link(dest_url) => {
                open = Some((range, String::new(), 0));
            }
            (Event::Start(Tag::Image { .. }), None) => open = Some((range, String::new(), 0)),
            (Event::Start(Tag::Link { .. } | Tag::Image { .. }), Some((_, _, depth))) => {
                *depth += 1;
            }
            (Event::End(TagEnd::Link | TagEnd::Image), Some((_, _, depth))) if *depth > 0 => {
                *depth -= 1;
            }
            (Event::End(TagEnd::Link | TagEnd::Image), Some(_)) => {
                let (range, words, _) = open.take().expect("an open link");
                replacements.push((range, escape(&words)));
            }
            (Event::Text(t) | Event::Code(t), Some((_, words, _))) => words.push_str(t),
            (Event::SoftBreak | Event::HardBreak, Some((_, words, _))) => words.push(' '),
            _ => {}
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, words) in replacements {
        if range.start < at {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&words);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Breaks up, as plain text, what any Markdown renderer could read as an image (`![`), a
/// link to a destination that is not plainly safe (`](javascript:…)`, written with
/// entities or escapes), or a definition of such a link (which is dropped: it shows
/// nothing anyway).
fn defuse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        if let Some(rest) = definition_rest(line) {
            let dest = match rest.split_whitespace().next() {
                Some(dest) => dest,
                // The destination may stand on the next line.
                None => lines
                    .peek()
                    .and_then(|next| next.split_whitespace().next())
                    .unwrap_or(""),
            };
            if !is_plainly_safe(dest) {
                if rest.trim().is_empty() {
                    lines.next();
                }
                continue;
            }
        }
        let mut at = 0;
        for (i, _) in line.match_indices(['!', ']']) {
            let after = &line[i + 1..];
            let breaks = if line[i..].starts_with('!') {
                after.starts_with('[')
            } else {
                after.starts_with('(') && {
                    // The destination, up to white space (it may start on the next line).
                    let dest = after[1..]
                        .split_whitespace()
                        .next()
                        .or_else(|| lines.peek().and_then(|n| n.split_whitespace().next()))
                        .unwrap_or("");
                    !is_plainly_safe(dest.trim_end_matches(')'))
                }
            };
            if breaks {
                out.push_str(&line[at..i]);
                out.push('\\');
                at = i;
            }
        }
        out.push_str(&line[at..]);
    }
    out
}

/// What follows `]:` when `line` opens a link definition (`[label]: destination`).
fn definition_rest(line: &str) -> Option<&str> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 || !trimmed.starts_with('[') {
        return None;
    }
    let close = trimmed.find("]:")?;
    (close > 1).then(|| &trimmed[close + 2..])
}

/// A link destination that every renderer reads the same and that is safe: no entity or
/// escape that could spell another scheme, and either no scheme at all or `http`, `https`
/// or `mailto`.
fn is_plainly_safe(dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    !dest.contains(['&', '\\'])
        && !dest.chars().any(|c| c.is_control())
        && (!dest.contains(':')
            || ["http://", "https://", "mailto:"]
                .iter()
                .any(|scheme| lower.starts_with(scheme)))
}

/// Whether a link may stay a link: `http`, `https` or `mailto`, or no scheme at all (a
/// page of the site, an anchor).
fn is_safe_link(dest: &str) -> bool {
    let dest = dest.trim();
    match dest.split_once(':') {
        Some((scheme, _))
            if scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) =>
        {
            matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto"
            )
        }
        _ => true,
    }
}

/// Renders the office's commentary (Markdown) to HTML; raw HTML in it is shown as text.
pub fn commentary_to_html(text: &str) -> String {
    let events = new_parser(text).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_html(md: &str) -> String {
        let mut out = String::new();
        html::push_html(&mut out, new_parser(md));
        out
    }

    #[test]
    fn escaped_text_renders_as_the_same_text() {
        let hostile = "# Judul\n| a | b |\n---\n<script>alert(1)</script> [x](javascript:alert(1)) *em* `code` 1. item https://evil.example www.evil.example a@b.example";
        let html = to_html(&escape(hostile));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<h1"), "{html}");
        assert!(!html.contains("<a "), "{html}");
        assert!(!html.contains("<em>"), "{html}");
        assert!(!html.contains("<code>"), "{html}");
        assert!(!html.contains("<table"), "{html}");
        assert!(!html.contains("<ol"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        // What is no longer escaped still makes no structure, and entities stay text.
        for (text, shown) in [
            ("Analisis & disposisi", "<p>Analisis &amp; disposisi</p>\n"),
            (
                "&lt;script&gt; &#60;b&#x3E;",
                "<p>&amp;lt;script&amp;gt; &amp;#60;b&amp;#x3E;</p>\n",
            ),
            ("a_b_c d_e", "<p>a_b_c d_e</p>\n"),
            ("_a_ __b__", "<p>_a_ __b__</p>\n"),
            (
                "x ![y](http://evil.example/i.png)",
                "<p>x ![y](http://evil.example/i.png)</p>\n",
            ),
            ("Hore! #3 > 2", "<p>Hore! #3 &gt; 2</p>\n"),
        ] {
            assert_eq!(to_html(&escape(text)), shown, "{text:?}");
        }
        for start in [
            "- a", "+ a", "1. a", "2) a", "> a", "=== a", "# a", "   - a", "#a", ">a",
        ] {
            let html = to_html(&escape(start));
            assert!(html.starts_with("<p>"), "{start:?} gave {html}");
        }
        assert_eq!(escape("88,5 % (Dishub)"), "88,5 % (Dishub)");
        assert_eq!(escape("Jl. Ahmad Yani 10-12"), "Jl. Ahmad Yani 10-12");
        assert_eq!(escape("1.347"), "1.347");
        assert_eq!(escape("2026-10/a.csv"), "2026-10/a.csv");
        assert_eq!(escape("+10,0 poin"), "+10,0 poin");
        assert_eq!(escape("- a"), "\\- a");
        assert_eq!(escape("12. a"), "12\\. a");
        assert_eq!(escape("a\u{202E}gnp.exe"), "agnp.exe");
        // Only what changes the structure where it stands is escaped.
        assert_eq!(escape("Analisis & disposisi"), "Analisis & disposisi");
        assert_eq!(escape("a&b.csv"), "a&b.csv");
        assert_eq!(
            escape("&lt;b&gt; &#60; &#x3C;"),
            "\\&lt;b\\&gt; \\&#60; \\&#x3C;"
        );
        assert_eq!(escape("& ; &a b; &#;"), "& ; &a b; &#;");
        assert_eq!(escape("posted_at, end_to_end"), "posted_at, end_to_end");
        assert_eq!(escape("_em_ a_ _b"), "\\_em\\_ a\\_ \\_b");
        assert_eq!(escape("Hore! RT 06 #3 > 2"), "Hore! RT 06 #3 > 2");
        assert_eq!(escape("![x](y)"), "\\!\\[x\\](y)");
        assert_eq!(escape("# a"), "\\# a");
        assert_eq!(escape("  > a"), "\\> a");
        assert_eq!(escape("#3"), "\\#3");
        assert_eq!(escape("    indented code"), "indented code");
        assert_eq!(
            escape_html("<b>\u{2066}x\u{2069}</b>"),
            "&lt;b&gt;x&lt;&#x2F;b&gt;"
        );
    }

    #[test]
    fn commentary_keeps_safe_links_and_loses_the_rest() {
        let text = "Lihat [laporan](https://bekasikota.go.id/x) dan [minggu lalu](../2026-W46/index.html).\n\n\
                    Jangan [klik](javascript:alert(1)) atau <javascript:alert(2)> atau \
                    [data](data:text/html,<b>x</b>) atau [a][r].\n\n\
                    ![foto banjir](http://evil.example/track.png) [![*logo*](x.png)](https://ok.example)\n\n\
                    [r]: vbscript:msgbox";
        let safe = safe_commentary(text);
        let html = commentary_to_html(&safe);
        assert!(
            html.contains("<a href=\"https://bekasikota.go.id/x\">laporan</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"../2026-W46/index.html\">minggu lalu</a>"),
            "{html}"
        );
        for bad in [
            "href=\"javascript",
            "href=\"data",
            "vbscript",
            "<img",
            "evil.example",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains("Jangan klik atau &lt;javascript:alert(2)&gt; atau data atau a."),
            "{html}"
        );
        assert!(html.contains("foto banjir"), "{html}");
        // The image inside a link: the link stays, the image becomes its description.
        assert!(
            html.contains("<a href=\"https://ok.example\">logo</a>"),
            "{html}"
        );
        assert!(is_safe_link("mailto:humas@bekasikota.go.id") && is_safe_link("#atas"));
        assert!(!is_safe_link(" JavaScript:x") && !is_safe_link("file:///etc/passwd"));
    }

    #[test]
    fn raw_html_cannot_hide_links_or_images_from_the_checks() {
        // Raw HTML at the start makes an HTML block of what follows, up to a blank line: a
        // renderer that reads the Markdown page would make its links live.
        let text = "<div>\n[klik](javascript:alert(1)) ![x](http://evil.example/t.png)\n</div>\n\n\
                    [aman](https://bekasikota.go.id) [b](JAVASCRIPT:x) [c](java&#115;cript:x) \
                    [d](  javascript:x \"t\") [e](\njavascript:x) ![f][g] [h]\n\n\
                    [g]: http://evil.example/i.png\n\
                    [h]:\n  javascript:alert(3)\n\
                    [ok]: https://bekasikota.go.id/ok\n";
        let safe = safe_commentary(text);
        for md in [safe.as_str(), &commentary_to_html(&safe)] {
            let html = if md.starts_with("<p>") {
                md.to_string()
            } else {
                to_html(md)
            };
            assert!(!html.contains("<a href=\"java"), "{html}");
            assert!(!html.contains("<a href=\"JAVA"), "{html}");
            assert!(!html.contains("<img"), "{html}");
            assert!(!html.contains("<div"), "{html}");
            assert!(
                html.contains("<a href=\"https://bekasikota.go.id\">aman</a>"),
                "{html}"
            );
            assert_eq!(html.matches("<a ").count(), 1, "only the safe link: {html}");
        }
        // The unsafe definition is gone from the Markdown; the safe ones stay (the image
        // that used one is its description now).
        assert!(!safe.contains("alert(3)"), "{safe}");
        assert!(safe.contains("[ok]: https://bekasikota.go.id/ok"), "{safe}");
        assert_eq!(defuse("a ![b](c) d"), "a \\![b](c) d");
        assert_eq!(defuse("[a](javascript:x)"), "[a\\](javascript:x)");
        assert_eq!(
            defuse("[a](x.html) [b](mailto:a@b.c)"),
            "[a](x.html) [b](mailto:a@b.c)"
        );
    }

    #[test]
    fn commentary_html_is_escaped() {
        let html = commentary_to_html(
            "**Catatan**: banjir <img src=x onerror=alert(1)>\n\n<script>x</script>",
        );
        assert!(html.contains("<strong>Catatan</strong>"));
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<script"), "{html}");
    }
}
