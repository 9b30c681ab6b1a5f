//! Shared vocabulary: the manifest that marks a folder as a site patuh wrote
//! (`manifest.json`: the generator, the inputs and every output with its SHA-256). Reading
//! passes such folders over; publishing writes the manifest and replaces only folders that
//! hold one. The manifest also records the working-time calendar in force ([`CalendarRecord`]),
//! so that a rebuild can tell when the calendar changed.

use std::fs;
use std::path::Path;

use crate::calendar::{Calendar, Week};

/// The manifest's file name, at the top of a site.
pub const MANIFEST: &str = "manifest.json";

/// A file and the SHA-256 of its contents, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Written {
    /// Relative path (`/` separators).
    pub path: String,
    /// SHA-256 of the contents, in hex.
    pub sha256: String,
}

/// The manifest of a site (`manifest.json`): what wrote it, from which inputs and
/// configuration, and every other file of the site with its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    /// Always `patuh`.
    pub generator: String,
    /// patuh's version.
    #[serde(default)]
    pub version: String,
    /// SHA-256 of the effective configuration.
    #[serde(default)]
    pub config_sha256: String,
    /// The exports read.
    #[serde(default)]
    pub inputs: Vec<Written>,
    /// The files of the site, but the manifest itself.
    #[serde(default)]
    pub outputs: Vec<Written>,
    /// The working-time calendar in force (`[calendar]`), when one is set. Absent from
    /// older manifests; a record this version cannot read is taken as absent, so that the
    /// folder still reads as a site.
    #[serde(
        default,
        deserialize_with = "lenient",
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar: Option<CalendarRecord>,
    /// The files of each period, by the key of what they were made from (the render
    /// cache of the render stage): a later build with the same key keeps them.
    #[serde(default, deserialize_with = "lenient_list")]
    pub units: Vec<Unit>,
}

/// Files made together from the same inputs: a period's pages and downloads.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    /// SHA-256 of the inputs, in hex.
    pub key: String,
    /// The files, with their sizes.
    pub files: Vec<UnitFile>,
}

/// One file of a [`Unit`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnitFile {
    /// Its path in the site.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// A list that is empty when it cannot be read (a site of an older patuh keeps nothing).
fn lenient_list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    Ok(lenient(deserializer)?.unwrap_or_default())
}

/// A value the manifest may hold in a shape this version does not know: `None` then.
fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    use serde::Deserialize;
    // Its text, parsed into the value as it is: a million items make tens of thousands of
    // files in the units, which a `serde_json::Value` in between would hold at several
    // times the size.
    let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
    Ok(serde_json::from_str(raw.get()).ok())
}

/// The hours of each weekday as written in `patuh.toml` (`"07:30-16:00"`), in order; a
/// weekday with none has an empty list.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct HoursRecord {
    /// Monday.
    pub mon: Vec<String>,
    /// Tuesday.
    pub tue: Vec<String>,
    /// Wednesday.
    pub wed: Vec<String>,
    /// Thursday.
    pub thu: Vec<String>,
    /// Friday.
    pub fri: Vec<String>,
    /// Saturday.
    pub sat: Vec<String>,
    /// Sunday.
    pub sun: Vec<String>,
}

impl HoursRecord {
    /// The record of `week` (Monday first).
    pub fn of(week: &Week) -> HoursRecord {
        let day = |i: usize| week[i].iter().map(|i| i.text()).collect();
        HoursRecord {
            mon: day(0),
            tue: day(1),
            wed: day(2),
            thu: day(3),
            fri: day(4),
            sat: day(5),
            sun: day(6),
        }
    }
}

/// A range of dates with other hours (`[[calendar.special]]`), as recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpecialRecord {
    /// First date (`2026-02-18`).
    pub from: String,
    /// Last date, inclusive.
    pub to: String,
    /// The hours of each weekday in the range.
    pub hours: HoursRecord,
}

/// Which built-in day-off list was in force: its version (`id 2024-2026`, the country and
/// the years shipped) and the SHA-256 of its shipped files, concatenated in year order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DayOffListRecord {
    /// `id 2024-2026`.
    pub version: String,
    /// SHA-256 of the shipped files (`id-2024.toml`, `id-2025.toml`, …) one after another.
    pub sha256: String,
}

/// The working-time calendar in force when the site was built, as the manifest records it
/// (CONFIG.md `[calendar]`): what makes the office-clock numbers what they are.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CalendarRecord {
    /// The hours of each weekday.
    pub hours: HoursRecord,
    /// The ranges of dates with other hours, as configured.
    #[serde(default)]
    pub special: Vec<SpecialRecord>,
    /// `id` (the built-in Indonesian list) or `none`.
    pub holidays: String,
    /// Whether cuti bersama days are days off.
    pub cuti_bersama: bool,
    /// The office's own days off (`2026-12-31`).
    #[serde(default)]
    pub extra_days_off: Vec<String>,
    /// The built-in day-off list in force; `None` with `holidays = "none"`.
    #[serde(default)]
    pub day_off_list: Option<DayOffListRecord>,
}

impl CalendarRecord {
    /// The record of `calendar`.
    pub fn of(calendar: &Calendar) -> CalendarRecord {
        CalendarRecord {
            hours: HoursRecord::of(&calendar.week),
            special: calendar
                .special
                .iter()
                .map(|s| SpecialRecord {
                    from: s.from.to_string(),
                    to: s.to.to_string(),
                    hours: HoursRecord::of(&s.week),
                })
                .collect(),
            holidays: if calendar.builtin_holidays {
                "id"
            } else {
                "none"
            }
            .into(),
            cuti_bersama: calendar.cuti_bersama,
            extra_days_off: calendar
                .extra_days_off
                .iter()
                .map(|d| d.to_string())
                .collect(),
            day_off_list: calendar.builtin_holidays.then(|| DayOffListRecord {
                version: crate::calendar::builtin_version(),
                sha256: crate::calendar::builtin_sha256(),
            }),
        }
    }
}

impl Manifest {
    /// The manifest of the site in `dir`, when there is one that patuh wrote.
    pub fn read(dir: &Path) -> Option<Manifest> {
        let text = fs::read(dir.join(MANIFEST)).ok()?;
        serde_json::from_slice::<Manifest>(&text)
            .ok()
            .filter(|m| m.generator == "patuh")
    }

    /// The manifest as written to the site (pretty JSON, a line break at the end).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut text = serde_json::to_string_pretty(self).expect("the manifest serialises");
        text.push('\n');
        text.into_bytes()
    }
}

/// Whether `dir` holds a site patuh wrote (a manifest naming patuh as its generator).
pub fn is_site(dir: &Path) -> bool {
    Manifest::read(dir).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_without_or_with_an_unknown_calendar_still_read() {
        let read = |calendar: &str| {
            serde_json::from_str::<Manifest>(&format!(
                r#"{{"generator": "patuh", "version": "0.1.0", "outputs": []{calendar}}}"#
            ))
            .unwrap()
            .calendar
        };
        // An older manifest: no calendar recorded.
        assert_eq!(read(""), None);
        // A shape this version does not know: taken as absent, the site still reads.
        assert_eq!(read(r#", "calendar": {"hours": "weekdays"}"#), None);
        assert_eq!(
            read(
                r#", "calendar": {"hours": {"mon": ["07:30-16:00"]}, "holidays": "none",
                   "cuti_bersama": true, "future_key": 1}"#
            ),
            Some(CalendarRecord {
                hours: HoursRecord {
                    mon: vec!["07:30-16:00".into()],
                    ..HoursRecord::default()
                },
                special: vec![],
                holidays: "none".into(),
                cuti_bersama: true,
                extra_days_off: vec![],
                day_off_list: None,
            })
        );
    }

    #[test]
    fn the_units_of_an_older_or_unknown_manifest_are_none() {
        let read = |units: &str| {
            serde_json::from_str::<Manifest>(&format!(
                r#"{{"generator": "patuh", "version": "0.1.0", "outputs": []{units}}}"#
            ))
            .unwrap()
            .units
        };
        // An older manifest, or units of a shape this version does not know: nothing is
        // kept, everything is rendered.
        assert_eq!(read(""), vec![]);
        assert_eq!(read(r#", "units": {"k": 1}"#), vec![]);
        assert_eq!(read(r#", "units": [{"key": "ab", "files": "x"}]"#), vec![]);
        assert_eq!(
            read(r#", "units": [{"key": "ab", "files": [{"path": "a/b.html", "bytes": 12}]}]"#),
            vec![Unit {
                key: "ab".into(),
                files: vec![UnitFile {
                    path: "a/b.html".into(),
                    bytes: 12
                }]
            }]
        );
    }
}
