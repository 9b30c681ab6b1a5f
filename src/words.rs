//! The interface words of each language, in one file per language
//! (`templates/lang/id.toml`, `templates/lang/en.toml`), embedded in the binary, and the
//! language itself.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

/// The words of a language: key → text.
pub type Words = BTreeMap<String, String>;

/// A language patuh speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia (the default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// The language code for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

const ID: &str = include_str!("../templates/lang/id.toml");
const EN: &str = include_str!("../templates/lang/en.toml");

/// The words of `lang` (parsed once).
pub fn words(lang: Lang) -> &'static Words {
    static ID_WORDS: OnceLock<Words> = OnceLock::new();
    static EN_WORDS: OnceLock<Words> = OnceLock::new();
    let (cell, text) = match lang {
        Lang::Id => (&ID_WORDS, ID),
        Lang::En => (&EN_WORDS, EN),
    };
    cell.get_or_init(|| toml::from_str(text).expect("the embedded word lists are valid TOML"))
}

/// The snake_case name an enum value serialises to (`rejected_row`, `xlsx`, `UTF-8`): the
/// key of its words.
pub fn key_of(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// `text` cut to `max` characters, with `…` when something was cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

/// `template` with each `{name}` replaced by its value (the first given for a name), in
/// one pass: a value's own braces (a department named `{items}`) are never filled.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (close, *value))
        });
        match found {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once() {
        let values = [("name", "{items}"), ("items", "3 item"), ("name", "later")];
        assert_eq!(
            fill("'{name}' ({items}) {unknown} {", &values),
            "'{items}' (3 item) {unknown} {"
        );
        assert_eq!(fill("", &values), "");
    }

    #[test]
    fn both_languages_have_the_same_keys() {
        let id: Vec<String> = words(Lang::Id).keys().cloned().collect();
        let en: Vec<String> = words(Lang::En).keys().cloned().collect();
        assert_eq!(id, en);
        assert_eq!(words(Lang::Id)["met"], "Tepat waktu");
    }
}
