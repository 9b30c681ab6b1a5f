//! The interface words of each language, in one file per language
//! (`templates/lang/id.toml`, `templates/lang/en.toml`), embedded in the binary.

use std::collections::BTreeMap;

use crate::render::format::Lang;

/// The words of a language: key → text.
pub type Words = BTreeMap<String, String>;

const ID: &str = include_str!("../../templates/lang/id.toml");
const EN: &str = include_str!("../../templates/lang/en.toml");

/// The words of `lang`.
pub fn words(lang: Lang) -> Words {
    let text = match lang {
        Lang::Id => ID,
        Lang::En => EN,
    };
    toml::from_str(text).expect("the embedded word lists are valid TOML")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let id: Vec<String> = words(Lang::Id).into_keys().collect();
        let en: Vec<String> = words(Lang::En).into_keys().collect();
        assert_eq!(id, en);
        assert_eq!(words(Lang::Id)["met"], "Tepat waktu");
    }
}
