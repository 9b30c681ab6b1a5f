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

/// Something a person is told in either language: the errors that end a run. Their
/// `Display` is the English text ([`Describe::describe`] with [`Lang::En`]), what the JSON
/// report and logs keep; the command line prints [`Describe::describe`] in the run's
/// language.
pub trait Describe {
    /// The text in `lang`.
    fn describe(&self, lang: Lang) -> String;
}

/// The words of `key` in `lang` with their placeholders filled ([`fill`]).
pub fn say(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    fill(&words(lang)[key], values)
}

/// A message of the word lists: its key and the values of its placeholders, told in
/// either language; or a text from elsewhere (another library's message), the same in
/// both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The words of `key`, filled with `values`.
    Words {
        /// The key in `templates/lang/*.toml`.
        key: &'static str,
        /// Each placeholder's name and value (itself told in the language).
        values: Vec<(&'static str, Message)>,
    },
    /// A text patuh does not translate.
    Text(String),
}

impl Message {
    /// The words of `key`, with no value yet.
    pub fn new(key: &'static str) -> Message {
        Message::Words {
            key,
            values: Vec::new(),
        }
    }

    /// The message with `{name}` filled by `value`.
    pub fn with(mut self, name: &'static str, value: impl std::fmt::Display) -> Message {
        if let Message::Words { values, .. } = &mut self {
            values.push((name, Message::Text(value.to_string())));
        }
        self
    }

    /// The message with `{name}` filled by `words`, told in the same language.
    pub fn with_words(mut self, name: &'static str, words: Message) -> Message {
        if let Message::Words { values, .. } = &mut self {
            values.push((name, words));
        }
        self
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::Text(text)
    }
}

impl Describe for Message {
    fn describe(&self, lang: Lang) -> String {
        match self {
            Message::Words { key, values } => {
                let told: Vec<(&str, String)> =
                    values.iter().map(|(n, v)| (*n, v.describe(lang))).collect();
                let values: Vec<(&str, &str)> =
                    told.iter().map(|(n, v)| (*n, v.as_str())).collect();
                say(lang, key, &values)
            }
            Message::Text(text) => text.clone(),
        }
    }
}

impl std::fmt::Display for Message {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Why the operating system refused a file: the common reasons in words, any other as the
/// system's own message.
pub fn io_message(error: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    let key = match error.kind() {
        ErrorKind::NotFound => "err_io_not_found",
        ErrorKind::PermissionDenied => "err_io_permission_denied",
        ErrorKind::AlreadyExists => "err_io_already_exists",
        ErrorKind::IsADirectory => "err_io_is_a_directory",
        ErrorKind::NotADirectory => "err_io_not_a_directory",
        ErrorKind::StorageFull => "err_io_storage_full",
        ErrorKind::ReadOnlyFilesystem => "err_io_read_only",
        ErrorKind::InvalidData => "err_io_invalid_data",
        _ => return Message::Text(error.to_string()),
    };
    Message::new(key)
}

/// Why the operating system refused a file, in `lang` ([`io_message`]).
pub fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    io_message(error).describe(lang)
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
