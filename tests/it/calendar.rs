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

/// Monday to Thursday 07:30–16:00, Friday 07:30–16:30; every step and end_to_end on the
/// office clock; judged on Monday 28 December 2026 at noon.
const OFFICE_SITE: &str = r#"clock = "office"
as_of = "2026-12-28 12:00"
[calendar]
mon = ["07:30-16:00"]
tue = ["07:30-16:00"]
wed = ["07:30-16:00"]
thu = ["07:30-16:00"]
fri = ["07:30-16:30"]
"#;

/// The items O1 and O2 of `sop::the_office_clock_counts_working_time_and_keeps_the_continuous_figures_beside`.
const OFFICE_ITEMS: &str = "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan\n\
    O1;2026-11-20 21:30:00;2026-11-23 07:35:00;2026-11-23 07:40:00;teruskan;Dinas A;2026-11-23 07:50:00\n\
    O2;2026-11-21 10:00:00;2026-11-23 08:45:00;;;;\n\
    O3;2026-12-23 15:50:00;2026-12-28 07:40:00;;;;\n";

#[test]
fn pages_show_both_clocks_for_steps_on_the_office_clock() {
    use crate::support::pages::{site_files, text};
    use crate::support::{build, config, one_export};
    let work = one_export("export.csv", OFFICE_ITEMS);
    let out = work.path().join("site");
    build(&config(OFFICE_SITE), &work.path().join("data"), &out).unwrap();
    let files = site_files(&out);
    // Week 47, pemantauan: office O1 300 s met, O2 4 500 s late: 50,0% (1 dari 2);
    // continuous O1 209 100 s and O2 168 300 s, both late: 0,0% (0 dari 2). Durations:
    // office median 5 mnt, p90 and max 1 jam 15 mnt; continuous median 168 300 s =
    // 1 hari 22 jam (46 h 45 min), p90 and max 209 100 s = 2 hari 10 jam (58 h 5 min).
    let html = text(&files, "minggu/2026-W47/index.html");
    assert!(
        html.contains(
            "<li><span class=\"gname\">Pemantauan &amp; penyampaian ke Kasi <small class=\"clk\">(jam kerja)</small></span> \
             <span class=\"gpct\">50,0% <small class=\"cnt\">(1 dari 2)</small></span> \
             <span class=\"gcont\">24 jam: 0,0% (0 dari 2)</span> \
             <span class=\"gsub\">tepat waktu 1 · terlambat 1 · median 5 mnt / 1 jam</span></li>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<th scope=\"row\" data-label=\"Tahap\">Pemantauan &amp; penyampaian ke Kasi <small class=\"clk\">(jam kerja)</small></th>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<span class=\"pct\">50,0%</span> <small class=\"cnt\">(1 dari 2)</small> \
             <small class=\"cont\">24 jam: <span class=\"nw\">0,0%</span> <span class=\"nw\">(0 dari 2)</span></small>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<td class=\"num\" data-label=\"Median\">5 mnt <small class=\"cont\">24 jam: <span class=\"nw\">1 hari 22 jam</span></small></td>\
             <td class=\"num\" data-label=\"Persentil 90\">1 jam 15 mnt <small class=\"cont\">24 jam: <span class=\"nw\">2 hari 10 jam</span></small></td>\
             <td class=\"num\" data-label=\"Maksimum\">1 jam 15 mnt <small class=\"cont\">24 jam: <span class=\"nw\">2 hari 10 jam</span></small></td>"
        ),
        "{html}"
    );
    let note =
        "Tahap bertanda “jam kerja” diukur dalam waktu kerja kantor (kalender di halaman Metode): \
                persentase resminya dan median, persentil 90 serta maksimumnya adalah waktu kerja. \
                Angka “24 jam” di sampingnya menghitung setiap jam, sebagai pembanding.";
    assert!(
        html.contains(&format!("<p class=\"note\">{note}</p>")),
        "{html}"
    );
    let md = text(&files, "minggu/2026-W47/index.md");
    assert!(
        md.contains(
            "- **Pemantauan & penyampaian ke Kasi (jam kerja): 50,0%** (1 dari 2) · 24 jam: 0,0% (0 dari 2) · \
             tepat waktu 1 · terlambat 1 · median 5 mnt / 1 jam\n"
        ),
        "{md}"
    );
    assert!(
        md.contains(
            "| Pemantauan & penyampaian ke Kasi (jam kerja) | 1 jam | 50,0% (1 dari 2) · 24 jam: 0,0% (0 dari 2) | \
             1 | 1 | 0 | 0 | 0 | 0 | 0 | 5 mnt (24 jam: 1 hari 22 jam) | 1 jam 15 mnt (24 jam: 2 hari 10 jam) | \
             1 jam 15 mnt (24 jam: 2 hari 10 jam) | – |\n"
        ),
        "{md}"
    );
    assert!(md.contains(&format!("\n{note}\n")), "{md}");
    // Week 52, O3: Wednesday 23 December 15:50 → Monday 28 December 07:40. Office: 600 s
    // on Wednesday, Thursday 24 (cuti bersama), Friday 25 (Natal) and the weekend off,
    // 600 s on Monday: 20 mnt, met; continuous 4 days 15 h 50 min, late.
    let md = text(&files, "minggu/2026-W52/index.md");
    assert!(
        md.contains("- **Pemantauan & penyampaian ke Kasi (jam kerja): 100,0%** (1 dari 1) (+50,0 poin †) · 24 jam: 0,0% (0 dari 1) · "),
        "{md}"
    );
    // The overview and the department page show both figures too.
    let index = text(&files, "index.md");
    assert!(
        index.contains(
            "| Pemantauan & penyampaian ke Kasi (jam kerja) | 1 jam | 100,0% (1 dari 1) · 24 jam: 0,0% (0 dari 1) | 1 | 0 | 0 | 0 | 20 mnt | 20 mnt | +50,0 poin † |\n"
        ),
        "{index}"
    );
    let html = text(&files, "index.html");
    assert!(
        html.contains("<span class=\"gcont\">24 jam: 0,0% (0 dari 1)</span>"),
        "{html}"
    );
    // Dinas A in week 47: O1 alone, met at the office (300 s), late around the clock.
    let dept = text(&files, "minggu/2026-W47/dinas-a.md");
    assert!(
        dept.contains("| Pemantauan & penyampaian ke Kasi (jam kerja) | 1 jam | 100,0% (1 dari 1) · 24 jam: 0,0% (0 dari 1) |"),
        "{dept}"
    );
    // So do the group tables (departments, channels; HTML through the figure macro) and
    // the department's history: each figure with its continuous twin beside it.
    let week = text(&files, "minggu/2026-W47/index.md");
    assert!(
        week.contains("| – | [Dinas A](../../minggu/2026-W47/dinas-a.md) | 100,0% (1 dari 1) · 24 jam: 0,0% (0 dari 1) | 1 | 100,0% (1 dari 1) · 24 jam: 0,0% (0 dari 1) | 100,0% (1 dari 1) · 24 jam: 100,0% (1 dari 1) | 100,0% (1 dari 1) · 24 jam: 100,0% (1 dari 1) | 0 |\n"),
        "{week}"
    );
    assert!(
        week.contains("| – | 50,0% (1 dari 2) · 24 jam: 0,0% (0 dari 2) | 2 | 50,0% (1 dari 2) · 24 jam: 0,0% (0 dari 2) | 50,0% (1 dari 2) · 24 jam: 50,0% (1 dari 2) | 100,0% (1 dari 1) · 24 jam: 100,0% (1 dari 1) |\n"),
        "{week}"
    );
    assert!(text(&files, "minggu/2026-W47/index.html").contains(
        "<strong><span class=\"pct\">100,0%</span> <small class=\"cnt\">(1 dari 1)</small> <small class=\"cont\">24 jam: 0,0% (0 dari 1)</small></strong>"
    ));
    assert!(text(&files, "pd/dinas-a.md").contains(
        "| [Pekan ke-47 (16–22 November 2026)](../minggu/2026-W47/dinas-a.md) (belum lengkap) | 100,0% (1 dari 1) · 24 jam: 0,0% (0 dari 1) | 1 |"
    ));
    // The method page states the calendar in force and the days off in the data's periods
    // (16 November to 31 December 2026: Christmas Eve's cuti bersama and Christmas).
    let skb =
        "Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan \
               Aparatur Negara dan Reformasi Birokrasi Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, \
               Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026";
    let method = text(&files, "metode.md");
    let section = format!(
        "## Kalender kerja\n\n\
         Tahap bertanda “jam kerja” hanya menghitung waktu kerja kantor menurut kalender ini; \
         tahap “24 jam” menghitung setiap jam. Untuk tahap jam kerja, halaman juga menampilkan \
         angka 24 jam di sampingnya sebagai pembanding.\n\n\
         | Tahap | Jam |\n|---|---|\n\
         | Pemantauan & penyampaian ke Kasi | jam kerja |\n\
         | Analisis & disposisi | jam kerja |\n\
         | Penerusan ke Perangkat Daerah | jam kerja |\n\
         | Total (posting sampai selesai di Diskominfo) | jam kerja |\n\n\
         **Jam kerja per hari**\n\n\
         | Hari | Jam |\n|---|---|\n\
         | Senin | 07.30–16.00 |\n| Selasa | 07.30–16.00 |\n| Rabu | 07.30–16.00 |\n\
         | Kamis | 07.30–16.00 |\n| Jumat | 07.30–16.30 |\n| Sabtu | libur |\n| Minggu | libur |\n\n\
         Hari libur nasional menurut daftar bawaan (SKB Menteri tentang Hari Libur Nasional dan \
         Cuti Bersama) dihitung sebagai hari libur. Cuti bersama dihitung sebagai hari libur.\n\n\
         **Hari libur dalam periode data**\n\n\
         | Tanggal | Nama | Jenis | Dasar |\n|---|---|---|---|\n\
         | Kamis, 24 Desember 2026 | Cuti bersama Kelahiran Yesus Kristus | Cuti bersama | {skb} |\n\
         | Jumat, 25 Desember 2026 | Kelahiran Yesus Kristus | Libur nasional | {skb} |\n\n\
         ## Arti setiap status"
    );
    assert!(method.contains(&section), "{method}");
    let html = text(&files, "metode.html");
    assert!(
        html.contains(&format!(
            "<tr><th scope=\"row\" data-label=\"Tanggal\">Kamis, 24 Desember 2026</th>\
             <td data-label=\"Nama\">Cuti bersama Kelahiran Yesus Kristus</td>\
             <td data-label=\"Jenis\">Cuti bersama</td><td data-label=\"Dasar\">{skb}</td></tr>"
        )),
        "{html}"
    );
    assert!(
        html.contains("<tr><th scope=\"row\" data-label=\"Hari\">Jumat</th><td data-label=\"Jam\">07.30–16.30</td></tr>"),
        "{html}"
    );
}

#[test]
fn a_step_on_the_continuous_clock_beside_office_ones_shows_one_figure() {
    use crate::support::pages::{site_files, text};
    use crate::support::{build, config, one_export};
    let work = one_export("export.csv", OFFICE_ITEMS);
    // Office by default, pemantauan around the clock: its figure alone, named; penerusan
    // on office hours with the other figure beside.
    let steps = "[[steps]]\nid = \"pemantauan\"\nname = \"Pemantauan\"\nstart = \"posted_at\"\n\
                 end = \"reported_at\"\nlimit_minutes = 60\nclock = \"continuous\"\n\
                 [[steps]]\nid = \"disposisi\"\nname = \"Disposisi\"\nstart = \"reported_at\"\n\
                 end = \"disposed_at\"\nlimit_minutes = 10\n\n[calendar]";
    let toml = OFFICE_SITE.replace("[calendar]", steps);
    let out = work.path().join("site");
    let built = build(&config(&toml), &work.path().join("data"), &out);
    built.unwrap();
    let files = site_files(&out);
    let md = text(&files, "minggu/2026-W47/index.md");
    assert!(
        md.contains("- **Pemantauan (24 jam): 0,0%** (0 dari 2) · tepat waktu 0 · terlambat 2 · median 1 hari 22 jam / 1 jam\n"),
        "{md}"
    );
    assert!(
        md.contains("| Pemantauan (24 jam) | 1 jam | 0,0% (0 dari 2) | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 1 hari 22 jam | 2 hari 10 jam | 2 hari 10 jam | – |\n"),
        "{md}"
    );
    assert!(
        md.contains("- **Disposisi (jam kerja): 50,0%** (1 dari 2) · 24 jam: 50,0% (1 dari 2) · "),
        "{md}"
    );
    let method = text(&files, "metode.md");
    assert!(
        method.contains("| Tahap | Jam |\n|---|---|\n| Pemantauan | 24 jam |\n| Disposisi | jam kerja |\n| Total (posting sampai selesai di Diskominfo) | jam kerja |\n"),
        "{method}"
    );
}

#[test]
fn sites_on_the_continuous_clock_show_one_figure_and_no_calendar() {
    use crate::support::pages::{site_files, text};
    use crate::support::{build, config, one_export};
    let work = one_export("export.csv", OFFICE_ITEMS);
    // A calendar without the office clock only marks clock times (registers).
    let toml = OFFICE_SITE.replace("clock = \"office\"\n", "");
    let out = work.path().join("site");
    build(&config(&toml), &work.path().join("data"), &out).unwrap();
    let files = site_files(&out);
    let md = text(&files, "minggu/2026-W47/index.md");
    // Continuous: O1 209 100 s and O2 168 300 s, both late.
    assert!(
        md.contains(
            "- **Pemantauan & penyampaian ke Kasi: 0,0%** (0 dari 2) · tepat waktu 0 · terlambat 2 · median 1 hari 22 jam / 1 jam\n"
        ),
        "{md}"
    );
    let html = text(&files, "minggu/2026-W47/index.html");
    for page in [
        md,
        html,
        text(&files, "metode.md"),
        text(&files, "metode.html"),
    ] {
        assert!(
            !page.contains("24 jam")
                && !page.contains("(jam kerja)")
                && !page.contains("Kalender kerja"),
            "{page}"
        );
    }
}

#[test]
fn the_method_page_states_special_hours_cuti_bersama_worked_and_the_offices_own_days_off() {
    use crate::support::pages::{site_files, text};
    use crate::support::{build, config, one_export};
    let work = one_export("export.csv", OFFICE_ITEMS);
    let toml = OFFICE_SITE.replace(
        "fri = [\"07:30-16:30\"]\n",
        "fri = [\"07:30-16:30\"]\ncuti_bersama = false\nextra_days_off = [\"2026-12-31\"]\n\n\
         [[calendar.special]]\nfrom = \"2026-12-21\"\nto = \"2026-12-23\"\n\
         mon = [\"08:00-15:00\"]\ntue = [\"08:00-15:00\"]\nwed = [\"08:00-12:00\", \"13:00-15:00\"]\n",
    );
    let out = work.path().join("site");
    build(&config(&toml), &work.path().join("data"), &out).unwrap();
    let files = site_files(&out);
    let method = text(&files, "metode.md");
    // Cuti bersama is worked: Thursday 24 December is not a day off; Christmas is, and the
    // office's own 31 December, with no decree but patuh.toml.
    let skb =
        "Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri Pendayagunaan \
               Aparatur Negara dan Reformasi Birokrasi Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, \
               Nomor 5 Tahun 2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026";
    let expected = format!(
        "**Jam khusus 21 Desember 2026 s.d. 23 Desember 2026**\n\n\
         | Hari | Jam |\n|---|---|\n\
         | Senin | 08.00–15.00 |\n| Selasa | 08.00–15.00 |\n| Rabu | 08.00–12.00, 13.00–15.00 |\n\
         | Kamis | libur |\n| Jumat | libur |\n| Sabtu | libur |\n| Minggu | libur |\n\n\
         Hari libur nasional menurut daftar bawaan (SKB Menteri tentang Hari Libur Nasional dan \
         Cuti Bersama) dihitung sebagai hari libur. Cuti bersama dihitung sebagai hari kerja.\n\n\
         **Hari libur dalam periode data**\n\n\
         | Tanggal | Nama | Jenis | Dasar |\n|---|---|---|---|\n\
         | Jumat, 25 Desember 2026 | Kelahiran Yesus Kristus | Libur nasional | {skb} |\n\
         | Kamis, 31 Desember 2026 | – | Libur kantor (patuh.toml) | patuh.toml |\n\n\
         ## Arti setiap status"
    );
    assert!(method.contains(&expected), "{method}");
    // In English.
    let en = work.path().join("en");
    build(
        &config(&format!("lang = \"en\"\n{toml}")),
        &work.path().join("data"),
        &en,
    )
    .unwrap();
    let files = site_files(&en);
    let method = text(&files, "metode.md");
    assert!(
        method.contains("| Wednesday | 08:00–12:00, 13:00–15:00 |\n")
            && method.contains(
                "| Thursday, 31 December 2026 | – | Office day off (patuh.toml) | patuh.toml |\n"
            )
            && method.contains("Collective leave (cuti bersama) counts as working days."),
        "{method}"
    );
    let week = text(&files, "minggu/2026-W47/index.md");
    assert!(
        week.contains("- **Monitoring & reporting to the Kasi (office hours): 50.0%** (1 of 2) · around the clock: 0.0% (0 of 2) · "),
        "{week}"
    );
}

#[test]
fn open_items_count_the_time_left_or_past_on_their_steps_clock() {
    use crate::support::pages::{site_files, text};
    use crate::support::{build, config, one_export};
    // Judged on Monday 23 November 2026 at 08:00, pemantauan limit 1 h, office clock.
    // P1: posted Friday 20 November 15:00, not passed on: 15:00–16:30 on Friday and
    // 07:30–08:00 on Monday = 2 h of working time, 1 h past the limit (continuous: 64 h).
    // P2: posted Monday 07:00, before the office opens: 30 min of working time, 30 min
    // left (continuous: 1 h, none left).
    let csv = "No Tiket;Waktu Posting;Waktu Lapor\n\
               P1;2026-11-20 15:00:00;\n\
               P2;2026-11-23 07:00:00;\n";
    let work = one_export("export.csv", csv);
    let toml = OFFICE_SITE.replace("2026-12-28 12:00", "2026-11-23 08:00");
    let out = work.path().join("site");
    build(&config(&toml), &work.path().join("data"), &out).unwrap();
    let files = site_files(&out);
    let html = text(&files, "index.html");
    assert!(html.contains(">lewat 1 jam (jam kerja)<"), "{html}");
    assert!(html.contains(">sisa 30 mnt (jam kerja)<"), "{html}");
}
