//! Free-text values → canonical values: channel, kind, disposition, department (INPUTS.md).
//!
//! Pure functions and one small registry of department spellings; no I/O.

pub use crate::names::{department_key, tidy};
use std::collections::{BTreeMap, HashMap};

use crate::model::{Channel, DispositionValue, Field, Kind};

/// The comparison key of a value: lower case, accents kept, punctuation as spaces.
fn value_key(value: &str) -> String {
    value
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The canonical channel of a written value (`X`, `twitter.com`, `FB`, `WA` ...).
pub fn channel(value: &str) -> Channel {
    let key = value_key(value);
    let key = key.trim_start_matches("www ");
    let words: Vec<&str> = key.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if has("twitter") || has("x") || has("tweet") || key == "x com" {
        Channel::TwitterX
    } else if has("facebook") || has("fb") || has("fb com") {
        Channel::Facebook
    } else if has("whatsapp") || has("wa") || has("whats") {
        Channel::WhatsApp
    } else if has("instagram") || has("ig") || has("insta") {
        Channel::Instagram
    } else if has("tiktok") || has("tik") {
        Channel::TikTok
    } else if has("youtube") || has("yt") {
        Channel::YouTube
    } else {
        Channel::Other
    }
}

/// The kind of an item from its written value (`Laporan`, `pengaduan`, `Pertanyaan` ...).
pub fn kind(value: &str) -> Kind {
    let key = value_key(value);
    match key.as_str() {
        "laporan" | "lapor" | "report" => Kind::Laporan,
        "pengaduan" | "aduan" | "keluhan" | "complaint" => Kind::Pengaduan,
        "pertanyaan" | "tanya" | "question" => Kind::Pertanyaan,
        _ => Kind::Other,
    }
}

/// The disposition written in a cell: forward, answer, or a value that says neither.
pub fn disposition(value: &str) -> DispositionValue {
    let key = value_key(value);
    let forward = [
        "teruskan",
        "diteruskan",
        "forward",
        "forwarded",
        "tindak lanjut pd",
        "tindak lanjut perangkat daerah",
        "teruskan ke pd",
        "diteruskan ke pd",
        "teruskan ke perangkat daerah",
        "diteruskan ke perangkat daerah",
        "tindaklanjut pd",
        "disposisi ke pd",
    ];
    let answer = [
        "jawab langsung",
        "dijawab",
        "dijawab langsung",
        "answer",
        "answered",
        "jawab",
        "langsung dijawab",
    ];
    if forward.contains(&key.as_str()) {
        DispositionValue::Forward
    } else if answer.contains(&key.as_str()) {
        DispositionValue::Answer
    } else {
        DispositionValue::Unrecognised
    }
}

/// Joins department spellings into canonical names: configured aliases first, then the
/// first spelling met (in file order) for each case-insensitive variant.
#[derive(Debug, Clone, Default)]
pub struct Departments {
    aliases: HashMap<String, String>,
    first_seen: HashMap<String, String>,
    /// Each spelling's canonical name once found: an export repeats a few spellings
    /// over thousands of rows.
    found: HashMap<String, Option<String>>,
}

impl Departments {
    /// A registry with the configuration's `[departments]` (canonical name → variants).
    pub fn new(configured: &BTreeMap<String, Vec<String>>) -> Departments {
        let mut aliases = HashMap::new();
        for (canonical, variants) in configured {
            let name = tidy(canonical);
            aliases.insert(department_key(canonical), name.clone());
            for v in variants {
                aliases.insert(department_key(v), name.clone());
            }
        }
        Departments {
            aliases,
            first_seen: HashMap::new(),
            found: HashMap::new(),
        }
    }

    /// Whether a name is a configured department or one of its aliases.
    pub fn listed(&self, name: &str) -> bool {
        self.aliases.contains_key(&department_key(name))
    }

    /// The canonical name of a spelling; call in file order so that the first spelling
    /// met names a department no alias covers. `None` for an empty value.
    pub fn canonical(&mut self, value: &str) -> Option<String> {
        // A spelling's name never changes once found: the aliases are fixed and the
        // first spelling of a variant stays its name.
        if let Some(found) = self.found.get(value) {
            return found.clone();
        }
        let found = self.find(value);
        self.found.insert(value.to_string(), found.clone());
        found
    }

    fn find(&mut self, value: &str) -> Option<String> {
        let key = department_key(value);
        if key.is_empty() {
            return None;
        }
        if let Some(name) = self.aliases.get(&key) {
            return Some(name.clone());
        }
        Some(
            self.first_seen
                .entry(key)
                .or_insert_with(|| tidy(value))
                .clone(),
        )
    }
}

/// The longest value a field holds, in characters, for the fields whose values name or
/// identify something and so appear on many pages (ids, names, links). A longer value is
/// no such thing: it counts as missing, as a data issue. Citizens' text has no limit
/// (pages show its start).
pub fn max_chars(field: Field) -> Option<usize> {
    match field {
        Field::Channel | Field::Admin | Field::DisposedBy => Some(100),
        Field::Id | Field::Account | Field::Department => Some(200),
        Field::Url => Some(2048),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels() {
        for (v, c) in [
            ("Twitter", Channel::TwitterX),
            ("X", Channel::TwitterX),
            ("twitter.com", Channel::TwitterX),
            ("Twitter/X", Channel::TwitterX),
            ("FB", Channel::Facebook),
            ("Facebook", Channel::Facebook),
            ("WA", Channel::WhatsApp),
            ("WhatsApp", Channel::WhatsApp),
            ("Instagram", Channel::Instagram),
            ("IG", Channel::Instagram),
            ("TikTok", Channel::TikTok),
            ("YouTube", Channel::YouTube),
            ("Call Center", Channel::Other),
        ] {
            assert_eq!(channel(v), c, "{v}");
        }
    }

    #[test]
    fn dispositions() {
        for v in [
            "teruskan",
            "Diteruskan",
            "forward",
            "Tindak Lanjut PD",
            "Diteruskan ke PD",
        ] {
            assert_eq!(disposition(v), DispositionValue::Forward, "{v}");
        }
        for v in ["jawab langsung", "Dijawab", "DIJAWAB LANGSUNG", "answer"] {
            assert_eq!(disposition(v), DispositionValue::Answer, "{v}");
        }
        assert_eq!(disposition("ditolak"), DispositionValue::Unrecognised);
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("Laporan"), Kind::Laporan);
        assert_eq!(kind(" PENGADUAN "), Kind::Pengaduan);
        assert_eq!(kind("pertanyaan"), Kind::Pertanyaan);
        assert_eq!(kind("Street Light Outages"), Kind::Other);
    }

    #[test]
    fn names_that_look_the_same_are_the_same() {
        assert_eq!(tidy("  Dinas\u{200B} Sosial \u{FEFF}"), "Dinas Sosial");
        assert_eq!(
            tidy("Di\u{00AD}nas\u{202E}\u{2066} So\u{0007}sial\u{200D}"),
            "Dinas Sosial"
        );
        assert_eq!(tidy("Dinas\u{00A0}\tSosial"), "Dinas Sosial");
        let mut d = Departments::new(&BTreeMap::new());
        assert_eq!(d.canonical("Dinas Sosial").as_deref(), Some("Dinas Sosial"));
        assert_eq!(
            d.canonical("Dinas Sosial\u{200B}").as_deref(),
            Some("Dinas Sosial")
        );
        assert_eq!(d.canonical("\u{200B}").as_deref(), None);
    }

    #[test]
    fn departments_join_by_alias_then_by_first_spelling() {
        let mut conf = BTreeMap::new();
        conf.insert(
            "Dinas Perhubungan".to_string(),
            vec!["Dishub".to_string(), "Dishub Kota Bekasi".to_string()],
        );
        let mut d = Departments::new(&conf);
        assert_eq!(
            d.canonical("DISHUB  KOTA BEKASI ").as_deref(),
            Some("Dinas Perhubungan")
        );
        assert_eq!(d.canonical("dishub").as_deref(), Some("Dinas Perhubungan"));
        assert_eq!(
            d.canonical("dinas perhubungan").as_deref(),
            Some("Dinas Perhubungan")
        );
        assert_eq!(
            d.canonical("  Dinas   Kesehatan ").as_deref(),
            Some("Dinas Kesehatan")
        );
        assert_eq!(
            d.canonical("DINAS KESEHATAN").as_deref(),
            Some("Dinas Kesehatan")
        );
        assert_eq!(d.canonical("Dinkes").as_deref(), Some("Dinkes"));
        assert_eq!(d.canonical("   "), None);
        // Asked again, each spelling keeps the name it was given (found once, then
        // remembered): the first spelling of a variant still names it.
        for (spelling, name) in [
            ("DINAS KESEHATAN", Some("Dinas Kesehatan")),
            ("  Dinas   Kesehatan ", Some("Dinas Kesehatan")),
            ("dishub", Some("Dinas Perhubungan")),
            ("Dinkes", Some("Dinkes")),
            ("   ", None),
        ] {
            assert_eq!(d.canonical(spelling).as_deref(), name, "{spelling:?}");
        }
    }
}
