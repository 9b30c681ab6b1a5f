//! `patuh.toml`: the office's configuration (CONFIG.md), parsed and validated.
//!
//! Every key is optional; defaults follow SOP.md and INPUTS.md. Unknown keys are errors
//! that name the key and the line, so a typo never falls back to a default silently.

pub use crate::timestamp::DateOrderSetting;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde::Deserialize;

use crate::calendar::{Calendar, Clock, Interval, Special, Week};
use crate::model::Field;
use crate::words::{Describe, Lang, Message};

/// The file read from the working folder when `--config` is not given.
pub const DEFAULT_FILE: &str = "patuh.toml";

/// Which items a step applies to (CONFIG.md `applies_to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AppliesTo {
    /// Every item.
    #[default]
    All,
    /// Only items whose disposition is *forward*.
    Forward,
}

/// One `[[steps]]` entry: a measured step of the SOP.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct StepConfig {
    /// Short identifier used in `summary.json` (`pemantauan`).
    pub id: String,
    /// Name shown in reports.
    pub name: String,
    /// The timestamp field where the step starts.
    pub start: Field,
    /// The timestamp field where the step ends.
    pub end: Field,
    /// The time standard, in minutes.
    pub limit_minutes: i64,
    /// Which items the step applies to.
    #[serde(default)]
    pub applies_to: AppliesTo,
    /// The role that owns the step (SOP.md "Who is measured"); the built-in steps'
    /// owners when left out and the id is a built-in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The field naming the person who did the step (`admin` or `disposed_by`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Field>,
    /// The step's clock (else the top-level `clock`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<Clock>,
}

/// The hours of each weekday as written (`mon = ["07:30-16:00"]`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeek {
    #[serde(default)]
    mon: Vec<String>,
    #[serde(default)]
    tue: Vec<String>,
    #[serde(default)]
    wed: Vec<String>,
    #[serde(default)]
    thu: Vec<String>,
    #[serde(default)]
    fri: Vec<String>,
    #[serde(default)]
    sat: Vec<String>,
    #[serde(default)]
    sun: Vec<String>,
}

impl RawWeek {
    /// The week, or the key and message of the first interval that cannot be read.
    fn read(&self, key: &str) -> Result<Week, (String, Message)> {
        let days = [
            ("mon", &self.mon),
            ("tue", &self.tue),
            ("wed", &self.wed),
            ("thu", &self.thu),
            ("fri", &self.fri),
            ("sat", &self.sat),
            ("sun", &self.sun),
        ];
        let mut week: Week = Default::default();
        for (i, (day, written)) in days.into_iter().enumerate() {
            let mut intervals = written
                .iter()
                .map(|t| Interval::parse(t))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| (format!("{key}{day}"), interval_message(&e)))?;
            intervals.sort();
            if let Some(pair) = intervals.windows(2).find(|p| p[1].start < p[0].end) {
                return Err((
                    format!("{key}{day}"),
                    Message::new("err_cfg_overlap")
                        .with("first", pair[0].text())
                        .with("second", pair[1].text()),
                ));
            }
            week[i] = intervals;
        }
        Ok(week)
    }
}

/// `[[calendar.special]]` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpecial {
    from: String,
    to: String,
    #[serde(flatten)]
    week: RawWeek,
}

/// `[calendar]` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    #[serde(flatten)]
    week: RawWeek,
    holidays: Option<String>,
    cuti_bersama: Option<bool>,
    #[serde(default)]
    extra_days_off: Vec<String>,
    #[serde(default)]
    special: Vec<RawSpecial>,
}

impl RawCalendar {
    /// The calendar, or the key and message of what cannot be used.
    fn read(&self) -> Result<Calendar, (String, Message)> {
        let date = |key: String, text: &str| {
            chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
                (
                    key,
                    Message::new("err_cfg_date").with("text", format!("{text:?}")),
                )
            })
        };
        let builtin_holidays = match self.holidays.as_deref() {
            None | Some("id") => true,
            Some("none") => false,
            Some(other) => {
                return Err((
                    "calendar.holidays".into(),
                    Message::new("err_cfg_holidays").with("text", format!("{other:?}")),
                ))
            }
        };
        let mut special = Vec::new();
        for (i, s) in self.special.iter().enumerate() {
            let key = |k: &str| format!("calendar.special[{i}].{k}");
            let (from, to) = (date(key("from"), &s.from)?, date(key("to"), &s.to)?);
            if from > to {
                return Err((
                    key("from"),
                    Message::new("err_cfg_from_after_to")
                        .with("from", from)
                        .with("to", to),
                ));
            }
            special.push(Special {
                from,
                to,
                week: s.week.read(&key(""))?,
            });
        }
        let mut extra_days_off = self
            .extra_days_off
            .iter()
            .map(|d| date("calendar.extra_days_off".into(), d))
            .collect::<Result<Vec<_>, _>>()?;
        extra_days_off.sort();
        extra_days_off.dedup();
        Ok(Calendar {
            week: self.week.read("calendar.")?,
            special,
            builtin_holidays,
            cuti_bersama: self.cuti_bersama.unwrap_or(true),
            extra_days_off,
        })
    }
}

/// `[labels]` as written: each name optional (the language's default otherwise).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabels {
    direct_answer: Option<String>,
    undisposed: Option<String>,
    no_department: Option<String>,
    unlisted: Option<String>,
}

/// `[labels]`: names of the pseudo-departments (METRICS.md "Groups").
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Labels {
    /// Items answered directly.
    pub direct_answer: String,
    /// Items whose disposition is still unknown.
    pub undisposed: String,
    /// Items forwarded without a named department.
    pub no_department: String,
    /// Items forwarded to a department not listed in `[departments]`, when the list is
    /// closed (`[departments] closed = true`).
    pub unlisted: String,
}

impl Labels {
    /// The built-in names in `lang`.
    pub fn defaults(lang: Lang) -> Labels {
        let t = crate::words::words(lang);
        Labels {
            direct_answer: t["label_direct_answer"].clone(),
            undisposed: t["label_undisposed"].clone(),
            no_department: t["label_no_department"].clone(),
            unlisted: t["label_unlisted"].clone(),
        }
    }

    /// The names written, the built-in names in `lang` for the rest.
    fn resolve(written: &RawLabels, lang: Lang) -> Labels {
        let d = Labels::defaults(lang);
        let or = |w: &Option<String>, d: String| w.clone().unwrap_or(d);
        Labels {
            direct_answer: or(&written.direct_answer, d.direct_answer),
            undisposed: or(&written.undisposed, d.undisposed),
            no_department: or(&written.no_department, d.no_department),
            unlisted: or(&written.unlisted, d.unlisted),
        }
    }
}

impl Default for Labels {
    fn default() -> Self {
        Labels::defaults(Lang::default())
    }
}

/// `[signature]`: the block signed on printed period reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The place and date line's place (`Bekasi`).
    #[serde(default)]
    pub place: String,
    /// The signer's office (`Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian`).
    #[serde(default)]
    pub role: String,
    /// The signer's name.
    #[serde(default)]
    pub name: String,
    /// The signer's NIP (civil-servant number).
    #[serde(default)]
    pub nip: String,
}

/// `[ranking]`: when a group is ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Ranking {
    /// Groups with fewer items in a period are shown but not ranked.
    pub min_items: u64,
}

impl Default for Ranking {
    fn default() -> Self {
        Ranking { min_items: 10 }
    }
}

/// `[pages]`: how long a page may grow, so that a page opens and prints at any size of
/// history (issue 13). The full register stays in the downloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Pages {
    /// Items per page of a department's register; a longer register goes on over
    /// further pages (`<department>.hal-2.html`, ...).
    pub register_rows: u64,
    /// Late items listed on a period's page, the most late first; the rest are on the
    /// departments' pages.
    pub late_items: u64,
}

impl Default for Pages {
    fn default() -> Self {
        Pages {
            register_rows: 500,
            late_items: 100,
        }
    }
}

/// A person who signs the printed record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// The office held (`Kepala Dinas`).
    #[serde(default)]
    pub role: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The NIP (civil-servant number).
    #[serde(default)]
    pub nip: String,
}

/// `[record]`: what the printed record carries (OUTPUT.md, CONFIG.md).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The office's full name on the letterhead (else `office`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// The office's address on the letterhead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// A logo file beside `patuh.toml` (PNG, JPEG or SVG), copied into the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// The document number pattern (`{period}/LKIP/{year}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Who prepared the report ("Dibuat oleh").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_by: Option<Signer>,
    /// Who acknowledges it ("Mengetahui").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<Signer>,
    /// Whom the monthly letter is addressed to, one a line (without it: the Wali Kota and
    /// the heads of the Perangkat Daerah, in the page language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_to: Option<Vec<String>>,
}

/// The placeholders a `[record] number` pattern may hold.
pub const NUMBER_PLACEHOLDERS: [&str; 4] = ["{period}", "{year}", "{month}", "{week}"];

/// `[limits]`: how much one workbook may hold, so a broken or hostile file ends in a clear
/// error instead of exhausting the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Cells one worksheet may hold (or span, for ODS and XLS).
    pub max_cells_per_sheet: u64,
    /// Bytes the parts of one XLSX, XLSB or ODS workbook may expand to (the sum of the zip
    /// entries' declared sizes), or the sheets of one XLS may take in memory once read.
    pub max_workbook_bytes: u64,
    /// Departments a site may report on: each has pages in every period, so a column of
    /// free text mapped as the department would otherwise make a page per item.
    pub max_departments: u64,
    /// Sheets one workbook may hold.
    pub max_sheets_per_workbook: u64,
    /// Cells one export may hold, all its sheets together (a text export's fields too).
    pub max_cells_per_file: u64,
    /// Bytes of memory one export may take once read: the rows and data issues kept from
    /// all its sheets, counted as they are built, and the grids an XLS or ODS reader holds.
    pub max_memory_per_file: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_cells_per_sheet: 20_000_000,
            max_workbook_bytes: 2 * 1024 * 1024 * 1024,
            max_departments: 1_000,
            max_sheets_per_workbook: 1_000,
            max_cells_per_file: 20_000_000,
            max_memory_per_file: 512 * 1024 * 1024,
        }
    }
}

/// `[departments]` as written: canonical name = [variants], and optionally
/// `closed = true` (only the listed names and their aliases are departments).
#[derive(Debug, Clone, Default)]
struct RawDepartments {
    closed: bool,
    names: BTreeMap<String, Vec<String>>,
}

impl<'de> Deserialize<'de> for RawDepartments {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawDepartments;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a table of department names, each with a list of its spellings")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawDepartments, A::Error> {
                let mut out = RawDepartments::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "closed" {
                        out.closed = map.next_value::<bool>()?;
                    } else {
                        let variants = map.next_value::<Vec<String>>()?;
                        out.names.insert(key, variants);
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// The configuration file as written (every key optional).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    timezone: Option<String>,
    lang: Option<crate::words::Lang>,
    office: Option<String>,
    mask_personal_data: Option<bool>,
    #[serde(default)]
    limits: Limits,
    signature: Option<Signature>,
    date_order: Option<DateOrderSetting>,
    #[serde(default)]
    exclude: Vec<String>,
    as_of: Option<String>,
    #[serde(default)]
    columns: BTreeMap<Field, Vec<String>>,
    #[serde(default)]
    departments: RawDepartments,
    #[serde(default)]
    labels: RawLabels,
    steps: Option<Vec<StepConfig>>,
    clock: Option<Clock>,
    calendar: Option<RawCalendar>,
    #[serde(default)]
    ranking: Ranking,
    #[serde(default)]
    targets: BTreeMap<String, f64>,
    record: Option<Record>,
    #[serde(default)]
    pages: Pages,
    csv_delimiter: Option<String>,
}

/// The validated configuration.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Config {
    /// Where the configuration came from (`None`: built-in defaults). Not part of the
    /// effective configuration (the manifest hashes the rest).
    #[serde(skip)]
    pub source: Option<PathBuf>,
    /// The file as written, from which [`Config::with_lang`] resolves again.
    #[serde(skip)]
    written: RawConfig,
    /// Zone of times written without an offset, and of periods.
    #[serde(serialize_with = "zone_name")]
    pub timezone: Tz,
    /// How to read `03/04/2026`.
    pub date_order: DateOrderSetting,
    /// Glob patterns of exports to leave out, relative to the data folder.
    pub exclude: Vec<String>,
    /// The as-of moment of `as_of` (`--as-of` overrides it).
    pub as_of: Option<ConfiguredMoment>,
    /// Extra header aliases per field.
    pub columns: BTreeMap<Field, Vec<String>>,
    /// Canonical department name → its variants.
    pub departments: BTreeMap<String, Vec<String>>,
    /// `[departments] closed = true`: only the listed names and their aliases are
    /// departments; items forwarded to any other name are counted in `labels.unlisted`.
    pub departments_closed: bool,
    /// Names of the pseudo-departments.
    pub labels: Labels,
    /// The configured SOP steps (`None`: the default model of SOP.md).
    pub steps: Option<Vec<StepConfig>>,
    /// The language of the pages (`id` or `en`).
    pub lang: crate::words::Lang,
    /// The office named on every page.
    pub office: String,
    /// Whether phone numbers, NIK and e-mail addresses are masked in everything published
    /// (UU 27/2022; see [`crate::privacy`]).
    pub mask_personal_data: bool,
    /// How much one workbook may hold.
    pub limits: Limits,
    /// The signature block of printed period reports (`None`: none).
    pub signature: Option<Signature>,
    /// The clock of every step that sets none, and of `end_to_end`.
    pub clock: Clock,
    /// The office's working time (`[calendar]`), for steps on the office clock.
    pub calendar: Option<Calendar>,
    /// When a group is ranked.
    pub ranking: Ranking,
    /// Target compliance in percent per step id (display only).
    pub targets: BTreeMap<String, f64>,
    /// The printed record: letterhead, document number, signers.
    pub record: Option<Record>,
    /// How long a page may grow.
    pub pages: Pages,
    /// The delimiter of the CSV downloads (`None`: `;` for Indonesian pages, `,` for
    /// English ones, as spreadsheet programs with those regional settings expect).
    pub csv_delimiter: Option<char>,
}

/// The office named on the pages by default.
pub const DEFAULT_OFFICE: &str = "Diskominfostandi Kota Bekasi";

impl Default for Config {
    fn default() -> Self {
        Config::from_raw(RawConfig::default(), None).expect("the defaults are valid")
    }
}

/// A configuration that cannot be used. Its `Display` is the English text
/// ([`Describe`] tells it in either language).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has a wrong or unknown key.
    Syntax {
        /// The file.
        path: PathBuf,
        /// The TOML error, naming the key and its line.
        message: String,
    },
    /// A key has a value patuh cannot use.
    Value {
        /// The file (or `defaults`).
        path: PathBuf,
        /// The key, e.g. `timezone` or `columns.posted_at`.
        key: String,
        /// What is wrong and what to write instead.
        message: Message,
    },
}

impl Describe for ConfigError {
    fn describe(&self, lang: Lang) -> String {
        match self {
            ConfigError::Read { path, source } => crate::words::say(
                lang,
                "err_config_read",
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &crate::words::io_reason(source, lang)),
                ],
            ),
            ConfigError::Syntax { path, message } => crate::words::say(
                lang,
                "err_config_syntax",
                &[("path", &path.display().to_string()), ("message", message)],
            ),
            ConfigError::Value { path, key, message } => crate::words::say(
                lang,
                "err_config_value",
                &[
                    ("path", &path.display().to_string()),
                    ("key", key),
                    ("message", &message.describe(lang)),
                ],
            ),
        }
    }
}

impl std::fmt::Display for ConfigError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// Why an interval of `[calendar]` cannot be read, in words of either language.
fn interval_message(e: &crate::calendar::IntervalError) -> Message {
    use crate::calendar::IntervalError;
    let (key, text) = match e {
        IntervalError::Form(text) => ("err_cfg_interval_form", text),
        IntervalError::Order(text) => ("err_cfg_interval_order", text),
    };
    Message::new(key).with("text", format!("{text:?}"))
}

impl Config {
    /// Loads the configuration: `explicit` when given (it must exist), else the first
    /// `patuh.toml` found in `folders` (the working folder, then the data folder), else the
    /// built-in defaults ([`Config::source`] says which).
    pub fn load(explicit: Option<&Path>, folders: &[&Path]) -> Result<Config, ConfigError> {
        let found = folders
            .iter()
            .map(|folder| folder.join(DEFAULT_FILE))
            .find(|p| p.is_file());
        let path = match (explicit, found) {
            (Some(p), _) => p.to_path_buf(),
            (None, Some(p)) => p,
            (None, None) => return Ok(Config::default()),
        };
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        Config::parse(&text, &path)
    }

    /// Parses and validates configuration text; `path` names it in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Syntax {
            path: path.to_path_buf(),
            message: e.to_string().trim_end().to_string(),
        })?;
        Config::from_raw(raw, Some(path.to_path_buf()))
    }

    fn from_raw(raw: RawConfig, source: Option<PathBuf>) -> Result<Config, ConfigError> {
        let written = raw.clone();
        let path = source.clone().unwrap_or_else(|| PathBuf::from("defaults"));
        let value_error = |key: &str, message: Message| ConfigError::Value {
            path: path.clone(),
            key: key.to_string(),
            message,
        };
        let zone_name = raw.timezone.as_deref().unwrap_or("Asia/Jakarta");
        let timezone: Tz = zone_name.parse().map_err(|_| {
            value_error(
                "timezone",
                Message::new("err_cfg_timezone").with("zone", format!("{zone_name:?}")),
            )
        })?;
        for (i, pattern) in raw.exclude.iter().enumerate() {
            globset::Glob::new(pattern).map_err(|e| {
                value_error(
                    &format!("exclude[{i}]"),
                    Message::new("err_cfg_glob")
                        .with("pattern", format!("{pattern:?}"))
                        .with("why", e),
                )
            })?;
        }
        for (field, aliases) in &raw.columns {
            for alias in aliases {
                if crate::names::header_key(alias).is_empty() {
                    return Err(value_error(
                        &format!("columns.{}", field.name()),
                        Message::new("err_cfg_alias_empty").with("alias", format!("{alias:?}")),
                    ));
                }
            }
        }
        // Every spelling, compared as department names are (case, spaces and invisible
        // characters ignored), belongs to one department.
        let mut owners: BTreeMap<String, &str> = BTreeMap::new();
        for (name, variants) in &raw.departments.names {
            if name.trim().is_empty() {
                return Err(value_error(
                    "departments",
                    Message::new("err_cfg_department_empty"),
                ));
            }
            if variants.iter().any(|v| v.trim().is_empty()) {
                return Err(value_error(
                    &format!("departments.{name:?}"),
                    Message::new("err_cfg_variant_empty"),
                ));
            }
            for spelling in std::iter::once(name).chain(variants) {
                let key = crate::names::department_key(spelling);
                match owners.insert(key, name) {
                    Some(other) if other != name.as_str() => {
                        let (first, second) = if other < name.as_str() {
                            (other, name.as_str())
                        } else {
                            (name.as_str(), other)
                        };
                        return Err(value_error(
                            "departments",
                            Message::new("err_cfg_spelling_twice")
                                .with("spelling", format!("{spelling:?}"))
                                .with("first", format!("{first:?}"))
                                .with("second", format!("{second:?}")),
                        ));
                    }
                    _ => {}
                }
            }
        }
        if raw.departments.closed && raw.departments.names.is_empty() {
            return Err(value_error(
                "departments.closed",
                Message::new("err_cfg_closed_empty"),
            ));
        }
        if let Some(steps) = &raw.steps {
            validate_steps(steps).map_err(|(key, message)| value_error(&key, message))?;
        }
        let step_ids: Vec<&str> = match &raw.steps {
            Some(steps) => steps.iter().map(|s| s.id.as_str()).collect(),
            None => BUILT_IN_STEPS.iter().map(|s| s.id).collect(),
        };
        let calendar = raw
            .calendar
            .as_ref()
            .map(RawCalendar::read)
            .transpose()
            .map_err(|(key, message)| value_error(&key, message))?;
        let top_clock = raw.clock.unwrap_or_default();
        let office_step = raw
            .steps
            .iter()
            .flatten()
            .enumerate()
            .find(|(_, s)| s.clock.unwrap_or(top_clock) == Clock::Office);
        let office_key = match office_step {
            Some((i, step)) if step.clock.is_some() => Some(format!("steps[{i}].clock")),
            _ if top_clock == Clock::Office => Some("clock".to_string()),
            _ => None,
        };
        if let Some(key) = office_key {
            if !calendar.as_ref().is_some_and(Calendar::has_working_time) {
                return Err(value_error(&key, Message::new("err_cfg_office_clock")));
            }
        }
        validate_targets(&raw.targets, &step_ids)
            .map_err(|(key, message)| value_error(&key, message))?;
        if let Some(record) = &raw.record {
            let folder = source.as_deref().and_then(Path::parent);
            validate_record(record, folder).map_err(|(key, message)| value_error(&key, message))?;
        }
        for (key, value) in [
            ("limits.max_cells_per_sheet", raw.limits.max_cells_per_sheet),
            ("limits.max_workbook_bytes", raw.limits.max_workbook_bytes),
            ("limits.max_departments", raw.limits.max_departments),
            (
                "limits.max_sheets_per_workbook",
                raw.limits.max_sheets_per_workbook,
            ),
            ("limits.max_cells_per_file", raw.limits.max_cells_per_file),
            ("limits.max_memory_per_file", raw.limits.max_memory_per_file),
        ] {
            if value == 0 {
                return Err(value_error(key, Message::new("err_cfg_limit_positive")));
            }
        }
        for (key, value) in [
            ("pages.register_rows", raw.pages.register_rows),
            ("pages.late_items", raw.pages.late_items),
        ] {
            if value == 0 {
                return Err(value_error(key, Message::new("err_cfg_rows_positive")));
            }
        }
        let as_of = match raw.as_of {
            Some(written) => {
                let at = crate::timestamp::parse_moment(
                    &written,
                    timezone,
                    raw.date_order.unwrap_or_default(),
                )
                .map_err(|e| {
                    value_error(
                        "as_of",
                        Message::new("err_cfg_as_of").with_words("reason", e.message()),
                    )
                })?;
                Some(ConfiguredMoment { written, at })
            }
            None => None,
        };
        let csv_delimiter = match raw.csv_delimiter.as_deref() {
            None => None,
            Some(d) => match d {
                "," | ";" | "\t" | "|" => d.chars().next(),
                _ => {
                    return Err(value_error(
                        "csv_delimiter",
                        Message::new("err_cfg_csv_delimiter").with("value", format!("{d:?}")),
                    ))
                }
            },
        };
        Ok(Config {
            source,
            written,
            timezone,
            date_order: raw.date_order.unwrap_or_default(),
            exclude: raw.exclude,
            as_of,
            columns: raw.columns,
            departments: raw.departments.names,
            departments_closed: raw.departments.closed,
            labels: Labels::resolve(&raw.labels, raw.lang.unwrap_or_default()),
            steps: raw.steps,
            lang: raw.lang.unwrap_or_default(),
            office: raw.office.unwrap_or_else(|| DEFAULT_OFFICE.to_string()),
            mask_personal_data: raw.mask_personal_data.unwrap_or(true),
            limits: raw.limits,
            signature: raw.signature,
            clock: raw.clock.unwrap_or_default(),
            calendar,
            ranking: raw.ranking,
            targets: raw.targets,
            record: raw.record,
            pages: raw.pages,
            csv_delimiter,
        })
    }
}

/// A zone as its IANA name.
/// A moment written in `patuh.toml`, read in the configured zone and date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfiguredMoment {
    /// As written (what the effective configuration shows).
    pub written: String,
    /// The moment.
    pub at: crate::model::Instant,
}

impl serde::Serialize for ConfiguredMoment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.written)
    }
}

fn zone_name<S: serde::Serializer>(zone: &Tz, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(zone.name())
}

impl Config {
    /// The same configuration read for pages in `lang` (`--lang`): the built-in step,
    /// owner and group names follow the language; names the file gives stay.
    pub fn with_lang(self, lang: Lang) -> Config {
        let raw = RawConfig {
            lang: Some(lang),
            ..self.written
        };
        Config::from_raw(raw, self.source)
            .expect("a valid configuration stays valid in another language")
    }

    /// The effective configuration in a stable form (JSON, keys in declaration order),
    /// whatever file it came from: what the manifest hashes.
    pub fn effective_json(&self) -> String {
        serde_json::to_string(self).expect("the configuration serialises")
    }
}

/// A step of the built-in model (SOP.md): its id and who owns it.
#[derive(Debug, Clone, Copy)]
pub struct BuiltInStep {
    /// The step's id.
    pub id: &'static str,
    /// The key of the owner role's name in the word lists (`templates/lang`).
    pub owner: &'static str,
    /// The field naming the person who did it.
    pub actor: Field,
}

impl BuiltInStep {
    /// The owner role's name in `lang` ("Admin Medsos", "Kasi").
    pub fn owner_in(&self, lang: Lang) -> String {
        crate::words::words(lang)[self.owner].clone()
    }

    /// The step's name in `lang` ("Analisis & disposisi").
    pub fn name_in(&self, lang: Lang) -> String {
        crate::words::words(lang)[&format!("step_{}", self.id)].clone()
    }
}

/// The steps of the built-in model with their owners (SOP.md "Who is measured"): a
/// configured step with one of these ids takes the owner and actor it leaves out.
pub const BUILT_IN_STEPS: [BuiltInStep; 3] = [
    BuiltInStep {
        id: "pemantauan",
        owner: "owner_admin",
        actor: Field::Admin,
    },
    BuiltInStep {
        id: "disposisi",
        owner: "owner_kasi",
        actor: Field::DisposedBy,
    },
    BuiltInStep {
        id: "penerusan",
        owner: "owner_admin",
        actor: Field::Admin,
    },
];

/// The fields that name a person and so may be a step's `actor`.
pub const ACTOR_FIELDS: [Field; 2] = [Field::Admin, Field::DisposedBy];

/// Checks `[targets]`: each key a step id (or `end_to_end`), each value a percentage.
fn validate_targets(
    targets: &BTreeMap<String, f64>,
    step_ids: &[&str],
) -> Result<(), (String, Message)> {
    for (id, &target) in targets {
        let key = format!("targets.{id}");
        if id != "end_to_end" && !step_ids.contains(&id.as_str()) {
            return Err((
                key,
                Message::new("err_cfg_target_step")
                    .with("id", format!("{id:?}"))
                    .with("ids", step_ids.join(", ")),
            ));
        }
        if !(target > 0.0 && target <= 100.0) {
            return Err((key, Message::new("err_cfg_target_percent")));
        }
    }
    Ok(())
}

/// Checks `[record]`: the logo is a picture beside `patuh.toml`, the number pattern uses
/// known placeholders.
fn validate_record(record: &Record, folder: Option<&Path>) -> Result<(), (String, Message)> {
    if let Some(logo) = &record.logo {
        let lower = logo.to_ascii_lowercase();
        if ![".png", ".jpg", ".jpeg", ".svg"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            return Err((
                "record.logo".into(),
                Message::new("err_cfg_logo_kind").with("logo", format!("{logo:?}")),
            ));
        }
        let plain = Path::new(logo)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain {
            return Err((
                "record.logo".into(),
                Message::new("err_cfg_logo_plain").with("logo", format!("{logo:?}")),
            ));
        }
        if let Some(folder) = folder {
            if !folder.join(logo).is_file() {
                return Err((
                    "record.logo".into(),
                    Message::new("err_cfg_logo_missing").with("path", folder.join(logo).display()),
                ));
            }
        }
    }
    if let Some(number) = &record.number {
        let mut rest = number.as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map(|c| open + c + 1);
            let placeholder = close.map(|c| &rest[open..c]).unwrap_or(&rest[open..]);
            if !NUMBER_PLACEHOLDERS.contains(&placeholder) {
                return Err((
                    "record.number".into(),
                    Message::new("err_cfg_placeholder")
                        .with("placeholder", format!("{placeholder:?}"))
                        .with("placeholders", NUMBER_PLACEHOLDERS.join(", ")),
                ));
            }
            rest = &rest[close.unwrap_or(rest.len())..];
        }
    }
    Ok(())
}

/// The longest limit a step may have: ten years, so that limits in seconds and their sum
/// over any number of steps stay exact.
pub const MAX_LIMIT_MINUTES: i64 = 10 * 366 * 24 * 60;

/// Checks a `[[steps]]` model; on error gives the key and the message.
fn validate_steps(steps: &[StepConfig]) -> Result<(), (String, Message)> {
    if steps.is_empty() {
        return Err(("steps".into(), Message::new("err_cfg_no_steps")));
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, step) in steps.iter().enumerate() {
        let key = |k: &str| format!("steps[{i}].{k}");
        if step.id.trim().is_empty() {
            return Err((key("id"), Message::new("err_cfg_id_empty")));
        }
        if step.id == "end_to_end" {
            return Err((key("id"), Message::new("err_cfg_id_reserved")));
        }
        if !seen.insert(step.id.as_str()) {
            return Err((
                key("id"),
                Message::new("err_cfg_id_twice").with("id", format!("{:?}", step.id)),
            ));
        }
        for (k, field) in [("start", step.start), ("end", step.end)] {
            if field.stamp().is_none() {
                return Err((
                    key(k),
                    Message::new("err_cfg_not_a_stamp").with("field", field.name()),
                ));
            }
        }
        if let Some(actor) = step.actor {
            if !ACTOR_FIELDS.contains(&actor) {
                return Err((
                    key("actor"),
                    Message::new("err_cfg_not_a_person").with("field", actor.name()),
                ));
            }
        }
        if step.limit_minutes <= 0 {
            return Err((
                key("limit_minutes"),
                Message::new("err_cfg_minutes_positive"),
            ));
        }
        if step.limit_minutes > MAX_LIMIT_MINUTES {
            return Err((
                key("limit_minutes"),
                Message::new("err_cfg_minutes_max").with("max", MAX_LIMIT_MINUTES),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    #[test]
    fn built_in_names_follow_the_language_and_written_names_stay() {
        let parse = |text: &str| Config::parse(text, Path::new("patuh.toml")).unwrap();
        let c = parse("lang = \"en\"\n[labels]\nundisposed = \"Menunggu Kasi\"\n");
        assert_eq!(c.labels.direct_answer, "Answered directly");
        assert_eq!(c.labels.undisposed, "Menunggu Kasi");
        // --lang: the same file read again in the other language.
        let id = c.with_lang(Lang::Id);
        assert_eq!(id.lang, Lang::Id);
        assert_eq!(id.labels.direct_answer, "Dijawab Langsung");
        assert_eq!(id.labels.undisposed, "Menunggu Kasi");
        let en = Config::default().with_lang(Lang::En);
        assert_eq!(en.labels.no_department, "No department named");
        assert_eq!(en.labels.unlisted, "Unlisted department");
    }

    #[test]
    fn the_calendar_and_the_clocks_are_read_and_checked() {
        let parse = |text: &str| Config::parse(text, Path::new("patuh.toml"));
        let err = |text: &str| parse(text).unwrap_err().to_string();
        let c = parse(
            "clock = \"office\"\n[calendar]\nmon = [\"13:00-16:00\", \"07:30-12:00\"]\n\
             fri = [\"07:30-16:30\"]\ncuti_bersama = false\nextra_days_off = [\"2026-12-31\"]\n\
             [[calendar.special]]\nfrom = \"2026-02-18\"\nto = \"2026-03-19\"\nmon = [\"08:00-15:00\"]\n",
        )
        .unwrap();
        assert_eq!(c.clock, Clock::Office);
        let cal = c.calendar.unwrap();
        // Sorted by start: 07:30-12:00, 13:00-16:00.
        assert_eq!(
            cal.week[0],
            [
                Interval {
                    start: 27_000,
                    end: 43_200
                },
                Interval {
                    start: 46_800,
                    end: 57_600
                }
            ]
        );
        assert!(cal.week[1].is_empty() && cal.week[6].is_empty());
        assert_eq!(
            cal.week[4],
            [Interval {
                start: 27_000,
                end: 59_400
            }]
        );
        assert!(cal.builtin_holidays && !cal.cuti_bersama);
        assert_eq!(cal.extra_days_off[0].to_string(), "2026-12-31");
        assert_eq!(
            cal.special[0].week[0],
            [Interval {
                start: 28_800,
                end: 54_000
            }]
        );
        assert!(cal.special[0].week[1].is_empty());
        // Continuous by default, with no calendar needed.
        assert_eq!(parse("").unwrap().clock, Clock::Continuous);
        // The office clock without working time.
        assert_eq!(
            err("clock = \"office\"\n"),
            "invalid configuration patuh.toml: `clock`: the office clock counts working time \
             only: add a [calendar] with the office's hours, such as mon = [\"07:30-16:00\"]"
        );
        let step = "[[steps]]\nid = \"a\"\nname = \"A\"\nstart = \"posted_at\"\n\
                    end = \"reported_at\"\nlimit_minutes = 60\nclock = \"office\"\n";
        assert_eq!(
            err(&format!("{step}[calendar]\nholidays = \"none\"\n")),
            "invalid configuration patuh.toml: `steps[0].clock`: the office clock counts working \
             time only: add a [calendar] with the office's hours, such as mon = [\"07:30-16:00\"]"
        );
        assert!(parse(&format!("{step}[calendar]\nsat = [\"08:00-12:00\"]\n")).is_ok());
        // Intervals, dates, lists.
        assert_eq!(
            err("[calendar]\ntue = [\"22:00-06:00\"]\n"),
            "invalid configuration patuh.toml: `calendar.tue`: \"22:00-06:00\" does not end \
             after it starts: an interval stays within one day (for a night shift write \
             \"22:00-24:00\" and \"00:00-06:00\")"
        );
        assert_eq!(
            err("[calendar]\nwed = [\"08:00-12:00\", \"11:00-13:00\"]\n"),
            "invalid configuration patuh.toml: `calendar.wed`: the intervals 08:00-12:00 and \
             11:00-13:00 overlap: write each working hour once"
        );
        assert_eq!(
            err("[calendar]\n[[calendar.special]]\nfrom = \"2026-03-19\"\nto = \"2026-02-18\"\n"),
            "invalid configuration patuh.toml: `calendar.special[0].from`: 2026-03-19 is after \
             `to` (2026-02-18)"
        );
        assert_eq!(
            err("[calendar]\nextra_days_off = [\"31-12-2026\"]\n"),
            "invalid configuration patuh.toml: `calendar.extra_days_off`: \"31-12-2026\" is not \
             a date: write it as \"2026-12-31\""
        );
        assert_eq!(
            err("[calendar]\nholidays = \"us\"\n"),
            "invalid configuration patuh.toml: `calendar.holidays`: \"us\" is not a holiday \
             list: use \"id\" (the built-in Indonesian list) or \"none\""
        );
        // A misspelt key is refused, not ignored.
        assert!(err("[calendar]\nmonday = [\"08:00-12:00\"]\n").contains("monday"));
        assert!(err("[calendar]\n[[calendar.special]]\nfrom = \"2026-01-01\"\nto = \"2026-01-02\"\nmonday = []\n").contains("monday"));
    }

    #[test]
    fn targets_ranking_record_and_actors_are_checked() {
        let err = |text: &str| {
            Config::parse(text, Path::new("patuh.toml"))
                .unwrap_err()
                .to_string()
        };
        let ok = |text: &str| Config::parse(text, Path::new("patuh.toml")).unwrap();
        // Targets name steps of the model in force, as percentages.
        let c = ok("[targets]\npemantauan = 90\nend_to_end = 75.5\n");
        assert_eq!(c.targets["pemantauan"], 90.0);
        assert_eq!(c.targets["end_to_end"], 75.5);
        assert_eq!(
            err("[targets]\npemantuan = 90\n"),
            "invalid configuration patuh.toml: `targets.pemantuan`: no step has the id \
             \"pemantuan\": use one of pemantauan, disposisi, penerusan, end_to_end"
        );
        for bad in ["0", "100.5", "-3", "nan"] {
            assert_eq!(
                err(&format!("[targets]\ndisposisi = {bad}\n")),
                "invalid configuration patuh.toml: `targets.disposisi`: a target is a \
                 percentage above 0 and at most 100, such as 90",
                "{bad}"
            );
        }
        // Ranking: 10 items by default.
        assert_eq!(
            Config::default().pages,
            Pages {
                register_rows: 500,
                late_items: 100
            }
        );
        assert_eq!(
            ok("[pages]\nregister_rows = 50\n").pages,
            Pages {
                register_rows: 50,
                late_items: 100
            }
        );
        assert_eq!(
            err("[pages]\nlate_items = 0\n"),
            "invalid configuration patuh.toml: `pages.late_items`: write a positive number of rows"
        );
        assert_eq!(Config::default().ranking.min_items, 10);
        assert_eq!(ok("[ranking]\nmin_items = 3\n").ranking.min_items, 3);
        // The record's number pattern and logo.
        let c = ok("[record]\nnumber = \"{period}/LKIP/{year}\"\n\
                    prepared_by = { role = \"Kepala Seksi\", name = \"Ani\", nip = \"1985\" }\n");
        let record = c.record.unwrap();
        assert_eq!(record.number.as_deref(), Some("{period}/LKIP/{year}"));
        assert_eq!(record.prepared_by.unwrap().name, "Ani");
        assert_eq!(
            err("[record]\nnumber = \"{periode}/{year}\"\n"),
            "invalid configuration patuh.toml: `record.number`: \"{periode}\" is not a \
             placeholder: use {period}, {year}, {month}, {week}"
        );
        assert_eq!(
            err("[record]\nlogo = \"logo.gif\"\n"),
            "invalid configuration patuh.toml: `record.logo`: \"logo.gif\" is not a PNG, \
             JPEG or SVG picture"
        );
        assert_eq!(
            err("[record]\nlogo = \"../logo.png\"\n"),
            "invalid configuration patuh.toml: `record.logo`: \"../logo.png\": name a file \
             in the folder of patuh.toml, such as \"logo.png\""
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("patuh.toml");
        let missing = Config::parse("[record]\nlogo = \"logo.png\"\n", &path)
            .unwrap_err()
            .to_string();
        assert!(
            missing.ends_with(
                "logo.png does not exist: put the logo beside patuh.toml or remove the key"
            ),
            "{missing}"
        );
        std::fs::write(dir.path().join("logo.png"), b"\x89PNG").unwrap();
        assert!(Config::parse("[record]\nlogo = \"logo.png\"\n", &path).is_ok());
        // An actor names a person.
        let step = |actor: &str| {
            format!(
                "[[steps]]\nid = \"a\"\nname = \"A\"\nstart = \"posted_at\"\n\
                 end = \"reported_at\"\nlimit_minutes = 60\nactor = \"{actor}\"\n"
            )
        };
        assert_eq!(
            ok(&step("disposed_by")).steps.unwrap()[0].actor,
            Some(Field::DisposedBy)
        );
        assert_eq!(
            err(&step("department")),
            "invalid configuration patuh.toml: `steps[0].actor`: `department` does not name \
             a person: use admin or disposed_by"
        );
    }

    #[test]
    fn a_spelling_may_name_one_department_only() {
        let err = |text: &str| {
            Config::parse(text, Path::new("patuh.toml"))
                .unwrap_err()
                .to_string()
        };
        // One alias under two departments, in another case and spacing.
        assert_eq!(
            err("[departments]\n\"Dinas Perhubungan\" = [\"Dishub\"]\n\
                 \"Dinas Perhubungan Kota\" = [\" DISHUB \"]\n"),
            "invalid configuration patuh.toml: `departments`: \" DISHUB \" names both \
             \"Dinas Perhubungan\" and \"Dinas Perhubungan Kota\": a spelling may belong to \
             one department only; remove it from one of them (or join the two departments)"
        );
        // A department that is another's alias.
        assert_eq!(
            err("[departments]\n\"Dinas Sosial\" = []\n\"Dinsos\" = [\"dinas  sosial\"]\n"),
            "invalid configuration patuh.toml: `departments`: \"dinas  sosial\" names both \
             \"Dinas Sosial\" and \"Dinsos\": a spelling may belong to one department only; \
             remove it from one of them (or join the two departments)"
        );
        // Its own name repeated as an alias is fine.
        assert!(Config::parse(
            "[departments]\n\"Dinas Sosial\" = [\"DINAS SOSIAL\", \"Dinsos\"]\n",
            Path::new("patuh.toml")
        )
        .is_ok());
    }

    use super::*;

    #[test]
    fn departments_may_be_closed() {
        let c = parse(
            "[departments]\nclosed = true\n\"Dinas Perhubungan\" = [\"Dishub\"]\n\
             [labels]\nunlisted = \"PD Lain\"\n",
        )
        .unwrap();
        assert!(c.departments_closed);
        assert_eq!(
            c.departments,
            BTreeMap::from([("Dinas Perhubungan".to_string(), vec!["Dishub".to_string()])])
        );
        assert_eq!(c.labels.unlisted, "PD Lain");
        let c = parse("[departments]\n\"Dinas Sosial\" = []\n").unwrap();
        assert!(!c.departments_closed);
        assert_eq!(c.labels.unlisted, "Perangkat Daerah Tidak Terdaftar");
        // Nothing listed: nothing could be a department.
        assert_eq!(
            parse("[departments]\nclosed = true\n")
                .unwrap_err()
                .to_string(),
            "invalid configuration patuh.toml: `departments.closed`: a closed list needs at \
             least one department: list them as \"Canonical name\" = [\"variant\", ...]"
        );
        // `closed` is true or false; a department's spellings are a list.
        let err = parse("[departments]\nclosed = \"ya\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2") && err.contains("boolean"), "{err}");
        let err = parse("[departments]\n\"Dinas Sosial\" = \"Dinsos\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2") && err.contains("sequence"), "{err}");
        // Validation still applies to the listed names.
        assert!(
            parse("[departments]\nclosed = true\n\"A\" = [\"x\"]\n\"B\" = [\"X\"]\n")
                .unwrap_err()
                .to_string()
                .contains("\"X\" names both \"A\" and \"B\"")
        );
    }

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("patuh.toml"))
    }

    #[test]
    fn empty_file_gives_the_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c.timezone, chrono_tz::Asia::Jakarta);
        assert_eq!(c.date_order, DateOrderSetting::Dmy);
        assert_eq!(c.labels.direct_answer, "Dijawab Langsung");
        assert!(c.steps.is_none());
    }

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let err = parse("timezone = \"Asia/Jakarta\"\ndate_ordr = \"mdy\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("date_ordr"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn unknown_column_field_is_an_error() {
        let err = parse("[columns]\nposted = [\"Tgl\"]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("posted"), "{err}");
    }

    #[test]
    fn bad_timezone_names_the_key() {
        let err = parse("timezone = \"Asia/Bekasi\"").unwrap_err().to_string();
        assert!(
            err.contains("`timezone`") && err.contains("Asia/Bekasi"),
            "{err}"
        );
    }

    #[test]
    fn the_example_of_config_md_is_accepted() {
        let text = r#"
timezone   = "Asia/Jakarta"
date_order = "dmy"
exclude    = ["arsip-lama/**", "*draft*"]
as_of      = "2026-11-29 23:59"
[columns]
posted_at  = ["Tgl Posting Warga"]
department = ["Unit Kerja"]
[departments]
"Dinas Perhubungan" = ["Dishub", "Dishub Kota Bekasi"]
[labels]
direct_answer = "Dijawab Langsung"
undisposed    = "Belum Didisposisi"
no_department = "Tanpa Perangkat Daerah"
[[steps]]
id = "pemantauan"
name = "Pemantauan & penyampaian ke Kasi"
start = "posted_at"
end = "reported_at"
limit_minutes = 60
[[steps]]
id = "penerusan"
name = "Penerusan ke Perangkat Daerah"
start = "disposed_at"
end = "forwarded_at"
limit_minutes = 15
applies_to = "forward"
"#;
        let c = parse(text).unwrap();
        assert_eq!(c.exclude.len(), 2);
        assert_eq!(
            c.columns[&Field::PostedAt],
            vec!["Tgl Posting Warga".to_string()]
        );
        let steps = c.steps.unwrap();
        assert_eq!(steps[1].applies_to, AppliesTo::Forward);
        assert_eq!(steps[0].limit_minutes, 60);
    }

    #[test]
    fn invalid_step_models_name_the_key() {
        let base = "[[steps]]\nid = \"a\"\nname = \"A\"\nstart = \"posted_at\"\nend = \"reported_at\"\nlimit_minutes = 60\n";
        let reserved = base.replace("id = \"a\"", "id = \"end_to_end\"");
        assert!(parse(&reserved)
            .unwrap_err()
            .to_string()
            .contains("steps[0].id"));
        let dup = format!("{base}{base}");
        assert!(parse(&dup).unwrap_err().to_string().contains("steps[1].id"));
        let zero = base.replace("60", "0");
        assert!(parse(&zero)
            .unwrap_err()
            .to_string()
            .contains("steps[0].limit_minutes"));
        let not_stamp = base.replace("end = \"reported_at\"", "end = \"department\"");
        assert!(parse(&not_stamp)
            .unwrap_err()
            .to_string()
            .contains("steps[0].end"));
        let unknown_field = base.replace("end = \"reported_at\"", "end = \"finished_at\"");
        assert!(parse(&unknown_field)
            .unwrap_err()
            .to_string()
            .contains("finished_at"));
    }
}
