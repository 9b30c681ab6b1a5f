//! The Indonesian day-off list patuh ships (`src/calendar/holidays/id-<year>.toml`, issue
//! "Fair clocks"), checked against an independent source: the Python `holidays` package's
//! Indonesia calendar, categories public (libur nasional) and government (cuti bersama),
//! written once to `tests/fixtures/calendar/python-holidays.json` by the script beside it.

use std::collections::{BTreeMap, BTreeSet};

use crate::support::{fixture, repo};

#[derive(serde::Deserialize)]
struct YearFile {
    year: i32,
    sources: Vec<Source>,
    days: Vec<Day>,
}

#[derive(serde::Deserialize)]
struct Source {
    id: String,
    title: String,
}

#[derive(serde::Deserialize)]
struct Day {
    date: toml::value::Datetime,
    kind: String,
    name: String,
    source: String,
}

/// Each shipped year: its file parsed.
fn shipped() -> BTreeMap<i32, YearFile> {
    [2024, 2025, 2026]
        .into_iter()
        .map(|year| {
            let path = repo().join(format!("src/calendar/holidays/id-{year}.toml"));
            let text = std::fs::read_to_string(&path).unwrap();
            (year, toml::from_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn every_day_names_its_decree_once_in_date_order() {
    for (year, file) in shipped() {
        assert_eq!(file.year, year);
        let sources: BTreeSet<&str> = file.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            sources.len(),
            file.sources.len(),
            "{year}: source ids are unique"
        );
        assert!(
            file.sources.iter().all(|s| s.title.contains("Nomor")),
            "{year}"
        );
        let dates: Vec<String> = file.days.iter().map(|d| d.date.to_string()).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(dates, sorted, "{year}: one entry per date, in order");
        for day in &file.days {
            assert!(
                day.date.to_string().starts_with(&format!("{year}-")),
                "{}",
                day.date
            );
            assert!(
                sources.contains(day.source.as_str()),
                "{}: {}",
                day.date,
                day.source
            );
            assert!(["libur_nasional", "cuti_bersama"].contains(&day.kind.as_str()));
            assert!(!day.name.trim().is_empty());
        }
    }
    // The counts the decrees announce: 2024 17 + 2 election days (Keppres 10/2024 and
    // 33/2024) and 10 cuti bersama; 2025 17 and 10 + 18 August (SKB 933/2025); 2026 17 and 8.
    let count = |file: &YearFile, kind: &str| file.days.iter().filter(|d| d.kind == kind).count();
    let files = shipped();
    let counts: Vec<(usize, usize)> = files
        .values()
        .map(|f| (count(f, "libur_nasional"), count(f, "cuti_bersama")))
        .collect();
    assert_eq!(counts, [(19, 10), (17, 11), (17, 8)]);
    let by_date = |year: i32, date: &str| {
        files[&year]
            .days
            .iter()
            .find(|d| d.date.to_string() == date)
            .map(|d| d.source.clone())
    };
    assert_eq!(
        by_date(2024, "2024-02-14").as_deref(),
        Some("keppres-10-2024")
    );
    assert_eq!(
        by_date(2024, "2024-11-27").as_deref(),
        Some("keppres-33-2024")
    );
    assert_eq!(
        by_date(2025, "2025-08-18").as_deref(),
        Some("skb-2025-perubahan")
    );
}

#[test]
fn the_list_agrees_with_the_python_holidays_package() {
    let independent: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("calendar/python-holidays.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(independent["version"], "0.109");
    let theirs: BTreeSet<(String, String)> = independent["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let ours: BTreeSet<(String, String)> = shipped()
        .values()
        .flat_map(|f| f.days.iter().map(|d| (d.date.to_string(), d.kind.clone())))
        .collect();
    assert_eq!(
        ours.difference(&theirs).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "only in patuh's list"
    );
    assert_eq!(
        theirs.difference(&ours).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "only in the package's"
    );
    assert_eq!(ours.len(), 82);
}

/// Registers mark the clock times outside office hours when `[calendar]` is set (issue "A
/// report leadership acts on", point 5): the Kasi can see why an item was late.
#[test]
fn registers_mark_times_outside_office_hours() {
    use crate::support::pages::site_files;
    use crate::support::{build, config, one_export};
    // Friday 20 November 2026: posted 21.30 (after the 16.30 close), passed on Monday 23
    // at 07.35 (within hours), disposed 07.40, forwarded 07.50.
    let csv = "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan\n\
               K1;2026-11-20 21:30:00;2026-11-23 07:35:00;2026-11-23 07:40:00;teruskan;Dinas A;2026-11-23 07:50:00\n";
    let work = one_export("export.csv", csv);
    let calendar = "[calendar]\nmon = [\"07:30-16:00\"]\nfri = [\"07:30-16:30\"]\n";
    let out = work.path().join("site");
    build(&config(calendar), &work.path().join("data"), &out).unwrap();
    let files = site_files(&out);
    let md = crate::support::pages::text(&files, "minggu/2026-W47/dinas-a.md");
    // pemantauan 21.30° → 07.35 (+3 hari); the others within hours, unmarked.
    assert!(md.contains("| K1 | 20/11/2026 21.30 |"), "{md}");
    assert!(md.contains("21.30° → 07.35 (+3 hari)"), "{md}");
    assert!(md.contains("07.35 → 07.40)"), "{md}");
    assert!(
        md.contains("°: di luar jam kerja kantor (\\[calendar\\] di patuh.toml)."),
        "{md}"
    );
    // Without a calendar nothing is marked.
    let plain = work.path().join("plain");
    build(&config(""), &work.path().join("data"), &plain).unwrap();
    let files = site_files(&plain);
    let md = crate::support::pages::text(&files, "minggu/2026-W47/dinas-a.md");
    assert!(
        md.contains("21.30 → 07.35 (+3 hari)") && !md.contains('°'),
        "{md}"
    );
}
