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

    #[test]
    fn every_issue_kind_and_skip_reason_has_words() {
        use crate::discover::SkipReason;
        use crate::ingest::issues::IssueKind;
        use crate::ingest::SheetSkipReason;
        let key = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for lang in [Lang::Id, Lang::En] {
            let w = words(lang);
            for kind in IssueKind::ALL {
                let k = key(serde_json::to_value(kind).unwrap());
                assert!(w.contains_key(&format!("issue_{k}")), "issue_{k}");
                assert!(w.contains_key(&format!("advice_{k}")), "advice_{k}");
            }
            for r in [
                SkipReason::Excluded,
                SkipReason::LockFile,
                SkipReason::NotAnExport,
                SkipReason::Commentary,
            ] {
                let k = key(serde_json::to_value(r).unwrap());
                assert!(w.contains_key(&format!("skip_{k}")), "skip_{k}");
            }
            for r in [
                SheetSkipReason::Hidden,
                SheetSkipReason::NotAWorksheet,
                SheetSkipReason::Empty,
                SheetSkipReason::NoHeader,
            ] {
                let k = key(serde_json::to_value(r).unwrap());
                assert!(w.contains_key(&format!("sheet_{k}")), "sheet_{k}");
            }
        }
    }
}
