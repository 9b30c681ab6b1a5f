//! End to end: committed fixture exports → `patuh build` → `data/summary.json`, compared
//! byte for byte with a summary written out by hand (tests/fixtures/sop/basic/README.md
//! shows every item's steps and the arithmetic), and checked for the order OUTPUT.md
//! prescribes: top-level fields, weeks then months, departments in byte order, steps in
//! configured order then `end_to_end`, and the fields of each statistics object.
//!
//! The fixture's timestamps lie in September and October 2026, before any moment these
//! tests run (the binary takes the wall clock as "now", and later timestamps are typos).

use std::path::{Path, PathBuf};

use crate::support::pages::page;
use crate::support::patuh_build;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// `tests/fixtures/sop/<case>`.
fn fixture(case: &str) -> PathBuf {
    crate::support::fixture("sop").join(case)
}

/// Builds `data` into `out` with the binary (from an empty working folder) and gives the
/// bytes of `data/summary.json`.
fn summary(data: &Path, out: &Path, extra: &[&str]) -> String {
    patuh_build(data, out, extra).success();
    page(out, "data/summary.json")
}

/// A JSON value that keeps the order of object keys (serde_json's `Value` sorts them).
#[derive(Debug, Clone, PartialEq)]
enum J {
    Null,
    Bool(bool),
    U(u64),
    I(i64),
    F(f64),
    S(String),
    A(Vec<J>),
    O(Vec<(String, J)>),
}

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = J;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<J, E> {
                Ok(J::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<J, E> {
                Ok(J::Bool(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<J, E> {
                Ok(J::U(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<J, E> {
                Ok(J::I(v))
            }
            fn visit_f64<E>(self, v: f64) -> Result<J, E> {
                Ok(J::F(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<J, E> {
                Ok(J::S(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<J, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = seq.next_element()? {
                    v.push(x);
                }
                Ok(J::A(v))
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<J, M::Error> {
                let mut v = Vec::new();
                while let Some((k, x)) = map.next_entry()? {
                    v.push((k, x));
                }
                Ok(J::O(v))
            }
        }
        d.deserialize_any(V)
    }
}

impl J {
    fn parse(text: &str) -> J {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }
    fn keys(&self) -> Vec<&str> {
        match self {
            J::O(entries) => entries.iter().map(|(k, _)| k.as_str()).collect(),
            other => panic!("not an object: {other:?}"),
        }
    }
    fn get(&self, key: &str) -> &J {
        match self {
            J::O(entries) => entries
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .unwrap_or_else(|| panic!("no {key}")),
            other => panic!("not an object: {other:?}"),
        }
    }
    fn items(&self) -> &[J] {
        match self {
            J::A(items) => items,
            other => panic!("not an array: {other:?}"),
        }
    }
    fn str(&self) -> &str {
        match self {
            J::S(s) => s,
            other => panic!("not a string: {other:?}"),
        }
    }
}

/// Where two ordered JSON values first differ, as a path.
fn first_difference(a: &J, b: &J, path: &str) -> Option<String> {
    match (a, b) {
        (J::O(x), J::O(y)) => {
            let kx: Vec<&String> = x.iter().map(|(k, _)| k).collect();
            let ky: Vec<&String> = y.iter().map(|(k, _)| k).collect();
            if kx != ky {
                return Some(format!("{path}: keys {kx:?} vs {ky:?}"));
            }
            x.iter()
                .zip(y)
                .find_map(|((k, v), (_, w))| first_difference(v, w, &format!("{path}.{k}")))
        }
        (J::A(x), J::A(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a:?} vs {b:?}")),
    }
}

/// The order OUTPUT.md prescribes, checked on any summary.
fn check_order(s: &J, step_ids: &[&str]) {
    assert_eq!(
        s.keys(),
        ["schema", "timezone", "as_of", "steps", "rows", "periods"]
    );
    assert_eq!(
        s.get("rows").keys(),
        ["read", "included", "duplicates", "rejected"]
    );
    let configured: Vec<&str> = s
        .get("steps")
        .items()
        .iter()
        .map(|st| {
            assert_eq!(st.keys(), ["id", "name", "limit_s", "owner", "clock"]);
            st.get("id").str()
        })
        .collect();
    assert_eq!(configured, step_ids);
    let mut all_ids = step_ids.to_vec();
    all_ids.push("end_to_end");
    let check_steps = |steps: &J| {
        assert_eq!(steps.keys(), all_ids);
        for id in &all_ids {
            assert_eq!(
                steps.get(id).keys(),
                [
                    "met",
                    "breached",
                    "overdue",
                    "pending",
                    "invalid",
                    "unmeasurable",
                    "not_applicable",
                    "compliance_pct",
                    "median_s",
                    "p90_s",
                    "max_s"
                ]
            );
        }
    };
    let periods = s.get("periods").items();
    let kinds: Vec<&str> = periods.iter().map(|p| p.get("kind").str()).collect();
    let weeks = kinds.iter().take_while(|k| **k == "week").count();
    assert!(
        kinds[weeks..].iter().all(|k| *k == "month"),
        "weeks first, then months: {kinds:?}"
    );
    for group in [&periods[..weeks], &periods[weeks..]] {
        let labels: Vec<&str> = group.iter().map(|p| p.get("label").str()).collect();
        let mut sorted = labels.clone();
        sorted.sort_unstable();
        assert_eq!(labels, sorted, "label order");
    }
    for p in periods {
        assert_eq!(
            p.keys(),
            [
                "kind",
                "label",
                "start",
                "end",
                "complete",
                "total",
                "departments"
            ]
        );
        assert_eq!(p.get("total").keys(), ["items", "steps"]);
        check_steps(p.get("total").get("steps"));
        let names: Vec<&str> = p
            .get("departments")
            .items()
            .iter()
            .map(|d| {
                assert_eq!(d.keys(), ["name", "slug", "items", "steps"]);
                check_steps(d.get("steps"));
                d.get("name").str()
            })
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
        assert_eq!(names, sorted, "departments in byte order");
    }
}

#[test]
fn basic_fixture_builds_the_hand_written_summary() {
    let dir = fixture("basic");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let actual = summary(&dir.join("data"), &site, &[]);
    let expected = std::fs::read_to_string(dir.join("expected/summary.json")).unwrap();
    let (a, e) = (J::parse(&actual), J::parse(&expected));
    assert_eq!(
        first_difference(&a, &e, "$"),
        None,
        "actual (left) vs expected (right):\n{actual}"
    );
    assert_eq!(actual, expected, "byte for byte");
    check_order(&a, &["pemantauan", "disposisi", "penerusan"]);
    // Byte order, not alphabetical: "BPBD…" < "Bapenda…" ('P' 0x50 < 'a' 0x61).
    let names: Vec<&str> = a.get("periods").items()[0]
        .get("departments")
        .items()
        .iter()
        .map(|d| d.get("name").str())
        .collect();
    assert_eq!(
        names,
        [
            "BPBD Kota Bekasi",
            "Bapenda Kota Bekasi",
            "Belum Didisposisi",
            "Dijawab Langsung",
            "Dinas Perhubungan",
            "Tanpa Perangkat Daerah"
        ]
    );
}

#[test]
fn the_same_inputs_build_identical_bytes() {
    let data = fixture("basic").join("data");
    let out = tempfile::tempdir().unwrap();
    let first = out.path().join("a");
    let second = out.path().join("b");
    let one = summary(&data, &first, &[]);
    let two = summary(&data, &second, &[]);
    assert_eq!(one, two);
    // Rebuilding over the previous site gives the same bytes again, for every file.
    let three = summary(&data, &first, &[]);
    assert_eq!(one, three);
    for name in ["data/summary.json", "manifest.json"] {
        assert_eq!(
            std::fs::read(first.join(name)).unwrap(),
            std::fs::read(second.join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn an_as_of_before_1924_keeps_its_exact_offset() {
    // Jakarta kept Batavia mean time, +07:07:12, until the end of 1923: rounded to +07:07
    // the published moment would be 12 seconds off.
    let data = fixture("basic").join("data");
    let out = tempfile::tempdir().unwrap();
    let text = summary(
        &data,
        &out.path().join("site"),
        &["--as-of", "1920-01-01 12:00"],
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["as_of"], "1920-01-01T12:00:00+07:07:12");
}

#[test]
fn as_of_on_the_command_line_changes_only_open_steps() {
    // --as-of 2026-10-04 = 2026-10-04 23:59:59 WIB instead of the latest timestamp
    // (21:20:00). Open steps judged again:
    // T14 disposisi: 23:59:59 − 21:20:00 = 9599 > 600 → pending becomes overdue;
    // T14 end_to_end: 23:59:59 − 21:00:00 = 10799 > 4200 → overdue;
    // T13 end_to_end: 23:59:59 − 20:00:00 = 14399 > 5100 → overdue;
    // T13 penerusan was already overdue (2640 s at 21:20).
    let data = fixture("basic").join("data");
    let out = tempfile::tempdir().unwrap();
    let text = summary(&data, &out.path().join("site"), &["--as-of", "2026-10-04"]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["as_of"], "2026-10-04T23:59:59+07:00");
    let w40 = &v["periods"][1];
    assert_eq!(w40["label"], "2026-W40");
    let steps = &w40["total"]["steps"];
    // disposisi: met 4, breached 1 + T14 = 2 (1 overdue), pending 0: 400/6.
    assert_eq!(
        (
            &steps["disposisi"]["breached"],
            &steps["disposisi"]["overdue"],
            &steps["disposisi"]["pending"],
            &steps["disposisi"]["compliance_pct"]
        ),
        (
            &serde_json::json!(2),
            &serde_json::json!(1),
            &serde_json::json!(0),
            &serde_json::json!(66.66666666666667)
        )
    );
    // end_to_end: met 3, breached T11 + T13 + T14 = 3 (2 overdue), pending 0: 300/6 = 50.
    assert_eq!(
        (
            &steps["end_to_end"]["breached"],
            &steps["end_to_end"]["overdue"],
            &steps["end_to_end"]["pending"],
            &steps["end_to_end"]["compliance_pct"]
        ),
        (
            &serde_json::json!(3),
            &serde_json::json!(2),
            &serde_json::json!(0),
            &serde_json::json!(50.0)
        )
    );
    // Statistics only count ended steps: unchanged (median 1200, p90 6600).
    assert_eq!(steps["end_to_end"]["median_s"], 1200);
    assert_eq!(steps["end_to_end"]["p90_s"], 6600);
    // Nothing else moved: the week of 21–27 September is the same as without --as-of.
    let plain = summary(&data, &out.path().join("plain"), &[]);
    let p: serde_json::Value = serde_json::from_str(&plain).unwrap();
    assert_eq!(v["periods"][0], p["periods"][0]);
    assert_eq!(v["rows"], p["rows"]);
}

#[test]
fn an_unreadable_as_of_is_an_error() {
    let data = fixture("basic").join("data");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let output = patuh_build(&data, &site, &["--as-of", "kemarin sore"]);
    assert_eq!(output.code, Some(1));
    let stderr = &output.stderr;
    assert!(stderr.contains("kemarin sore"), "{stderr}");
    assert!(!site.exists());
}

#[test]
fn a_custom_model_lists_its_steps_in_configured_order() {
    // Steps in a deliberately non-alphabetical order: the summary keeps it.
    let dir = fixture("custom");
    let out = tempfile::tempdir().unwrap();
    let config = dir.join("patuh.toml");
    let text = summary(
        &dir.join("data"),
        &out.path().join("site"),
        &["--config", config.to_str().unwrap()],
    );
    let expected = std::fs::read_to_string(dir.join("expected/summary.json")).unwrap();
    let (a, e) = (J::parse(&text), J::parse(&expected));
    assert_eq!(first_difference(&a, &e, "$"), None, "{text}");
    assert_eq!(text, expected, "byte for byte");
    check_order(&a, &["terima", "disposisi", "tindak_lanjut"]);
}

#[test]
fn an_empty_data_folder_builds_an_empty_summary() {
    // No items: no as-of (null), no periods, every row count zero.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let text = summary(&data, &dir.path().join("site"), &[]);
    let v = J::parse(&text);
    check_order(&v, &["pemantauan", "disposisi", "penerusan"]);
    assert_eq!(v.get("as_of"), &J::Null);
    assert_eq!(v.get("periods"), &J::A(Vec::new()));
    assert_eq!(
        v.get("rows"),
        &J::O(
            ["read", "included", "duplicates", "rejected"]
                .iter()
                .map(|k| (k.to_string(), J::U(0)))
                .collect()
        )
    );
}
