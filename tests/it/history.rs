//! History does not change silently (issue 14, "Fair clocks", point 4): the manifest records
//! the working-time calendar in force, and a rebuild whose numbers differ from the site it
//! replaces names the periods that changed, and the calendar when it changed.

use std::path::Path;

use crate::support::pages::{page, sha256_hex};
use crate::support::{patuh, repo, Ran};

/// Two items: K1 posted on Friday 20 November 2026 at 21.30 (2026-W47), passed on the next
/// Monday 23 at 07.35 and forwarded at 07.50; K2 posted Tuesday 24 at 09.00 (2026-W48),
/// passed on at 09.10 and forwarded at 09.20. Both in 2026-11.
const EXPORT: &str = "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan\n\
     K1;2026-11-20 21:30:00;2026-11-23 07:35:00;2026-11-23 07:40:00;teruskan;Dinas A;2026-11-23 07:50:00\n\
     K2;2026-11-24 09:00:00;2026-11-24 09:10:00;2026-11-24 09:12:00;teruskan;Dinas A;2026-11-24 09:20:00\n";

/// Every step on the office clock, Monday to Thursday 07.30–16.00, Friday 07.30–16.30,
/// the built-in day-off list; `extra` added to `[calendar]`.
fn config(extra: &str) -> String {
    format!(
        "clock = \"office\"\n[calendar]\nmon = [\"07:30-16:00\"]\ntue = [\"07:30-16:00\"]\n\
         wed = [\"07:30-16:00\"]\nthu = [\"07:30-16:00\"]\nfri = [\"07:30-16:30\"]\n{extra}"
    )
}

/// `patuh build --data data --out site [extra…]` in `work`, with `toml` as its patuh.toml.
fn rebuild(work: &Path, toml: &str, extra: &[&str]) -> Ran {
    std::fs::write(work.join("patuh.toml"), toml).unwrap();
    patuh(
        work,
        &[&["build", "--data", "data", "--out", "site"], extra].concat(),
    )
    .success()
}

/// The lines of a run's terminal output that report changed numbers.
fn change_lines(ran: &Ran) -> Vec<&str> {
    ran.stderr
        .lines()
        .filter(|l| l.starts_with("Angka berubah") || l.starts_with("Numbers changed"))
        .collect()
}

#[test]
fn a_rebuild_names_the_periods_whose_numbers_changed() {
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    std::fs::create_dir(work.join("data")).unwrap();
    std::fs::write(work.join("data/export.csv"), EXPORT).unwrap();

    // The first build replaces nothing; the same build again changes nothing.
    let first = rebuild(work, &config(""), &[]);
    assert_eq!(change_lines(&first), Vec::<&str>::new(), "{}", first.stderr);
    let again = rebuild(work, &config(""), &[]);
    assert_eq!(change_lines(&again), Vec::<&str>::new(), "{}", again.stderr);

    // Monday 23 November becomes the office's own day off: K1's steps, which ended that
    // morning, took 5, 5 and 10 working minutes, 20 end to end (Friday 21.30 is after
    // hours), and now take none, so 2026-W47 and 2026-11 change; K2 (2026-W48) does not.
    let off = rebuild(work, &config("extra_days_off = [\"2026-11-23\"]\n"), &[]);
    assert_eq!(
        change_lines(&off),
        ["Angka berubah dibanding situs sebelumnya: 2026-W47, 2026-11 (kalender kerja diubah)"],
        "{}",
        off.stderr
    );
    let same = rebuild(
        work,
        &config("extra_days_off = [\"2026-11-23\"]\n"),
        &["--lang", "en"],
    );
    assert_eq!(change_lines(&same), Vec::<&str>::new(), "{}", same.stderr);

    // Back to a working Monday, in English.
    let back = rebuild(work, &config(""), &["--lang", "en"]);
    assert_eq!(
        change_lines(&back),
        ["Numbers changed since the previous site: 2026-W47, 2026-11 (working-time calendar changed)"],
        "{}",
        back.stderr
    );

    // New data, same calendar: the new periods are named, without blaming the calendar.
    std::fs::write(
        work.join("data/export-2.csv"),
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan\n\
         K3;2026-12-01 09:00:00;2026-12-01 09:10:00;2026-12-01 09:12:00;teruskan;Dinas A;2026-12-01 09:20:00\n",
    )
    .unwrap();
    let more = rebuild(work, &config(""), &[]);
    assert_eq!(
        change_lines(&more),
        ["Angka berubah dibanding situs sebelumnya: 2026-W49 (baru), 2026-12 (baru)"],
        "{}",
        more.stderr
    );
}

#[test]
fn the_manifest_records_the_calendar_in_force() {
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    std::fs::create_dir(work.join("data")).unwrap();
    std::fs::write(work.join("data/export.csv"), EXPORT).unwrap();
    let special = "extra_days_off = [\"2026-12-31\", \"2026-11-23\"]\ncuti_bersama = false\n\
                   [[calendar.special]]\nfrom = \"2026-02-18\"\nto = \"2026-03-19\"\n\
                   mon = [\"13:00-15:00\", \"08:00-12:00\"]\n";
    rebuild(work, &config(special), &[]);
    let manifest: serde_json::Value =
        serde_json::from_str(&page(&work.join("site"), "manifest.json")).unwrap();
    // The shipped list, read here from the sources: its three files one after another.
    let shipped: Vec<u8> = [2024, 2025, 2026]
        .iter()
        .flat_map(|year| {
            std::fs::read(repo().join(format!("src/calendar/holidays/id-{year}.toml"))).unwrap()
        })
        .collect();
    let none: [&str; 0] = [];
    assert_eq!(
        manifest["calendar"],
        serde_json::json!({
            "hours": {
                "mon": ["07:30-16:00"],
                "tue": ["07:30-16:00"],
                "wed": ["07:30-16:00"],
                "thu": ["07:30-16:00"],
                "fri": ["07:30-16:30"],
                "sat": none,
                "sun": none,
            },
            "special": [{
                "from": "2026-02-18",
                "to": "2026-03-19",
                "hours": {
                    "mon": ["08:00-12:00", "13:00-15:00"],
                    "tue": none, "wed": none, "thu": none, "fri": none, "sat": none, "sun": none,
                },
            }],
            "holidays": "id",
            "cuti_bersama": false,
            "extra_days_off": ["2026-11-23", "2026-12-31"],
            "day_off_list": {"version": "id 2024-2026", "sha256": sha256_hex(&shipped)},
        })
    );

    // Without the built-in list, no list is recorded; without [calendar], no calendar.
    rebuild(work, &config("holidays = \"none\"\n"), &[]);
    let manifest: serde_json::Value =
        serde_json::from_str(&page(&work.join("site"), "manifest.json")).unwrap();
    assert_eq!(manifest["calendar"]["holidays"], "none");
    assert_eq!(
        manifest["calendar"]["day_off_list"],
        serde_json::Value::Null
    );
    rebuild(work, "", &[]);
    let text = page(&work.join("site"), "manifest.json");
    assert!(!text.contains("\"calendar\""), "{text}");
}
