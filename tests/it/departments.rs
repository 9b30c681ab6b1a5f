//! Department names (issue 10.2): a name that is not in `[departments]` and is close to a
//! configured or more frequent one is a data issue, never joined silently. Fixtures are
//! copies of the sample exports (`data/`) with one name changed, the way an admin's typo
//! arrives.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::*;
use patuh::config::Config;
use patuh::ingest::Ledger;
use patuh::issues::{DataIssue, IssueKind};
use patuh::words::{words, Lang};
use serde_json::Value;

/// A working folder with a copy of the sample exports (`data/`) and `config` as its
/// `patuh.toml`.
fn sample_copy(config: &str) -> tempfile::TempDir {
    let work = workdir(repo());
    std::fs::write(work.path().join("patuh.toml"), config).unwrap();
    work
}

/// The sample's own `patuh.toml`.
fn sample_config() -> String {
    std::fs::read_to_string(repo().join("patuh.toml")).unwrap()
}

/// In the CSV export `file` of `work/data`, the department of ticket `ticket` (written
/// `from`) becomes `to`; every other byte stays as exported.
fn misspell(work: &Path, file: &str, ticket: &str, from: &str, to: &str) {
    let path = work.join("data").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text
        .find(&format!(";{ticket};"))
        .expect("the ticket is in the export");
    let field = format!(";{from};");
    let offset = at
        + text[at..]
            .find(&field)
            .expect("the department is on its row");
    let changed = format!("{};{to};{}", &text[..offset], &text[offset + field.len()..]);
    std::fs::write(&path, changed).unwrap();
}

/// Reads and judges `work/data` with `work/patuh.toml` at the tests' `now`, as `patuh check` does.
fn check(work: &Path) -> Ledger {
    let config = config_of(work);
    let mut ledger = read_exports(&work.join("data"), &config).unwrap();
    check_ledger(&ledger);
    patuh::judge(&mut ledger, &config, None).unwrap();
    ledger
}

/// `patuh check`'s text report of `work`, in `lang`.
fn check_text(work: &Path, ledger: &Ledger, lang: Lang) -> String {
    let config = config_of(work);
    let run = patuh::check::RunInfo {
        data_dir: "data".into(),
        config: Some("patuh.toml".into()),
        timezone: config.timezone.name().to_string(),
        date_order: "dmy".into(),
        as_of: None,
        warnings: Vec::new(),
    };
    patuh::check::render_text(ledger, &run, lang)
}

/// `data/summary.json` of a build of `work` at the tests' `now`.
fn summary(work: &Path) -> Value {
    let site = work.join("site");
    build_work(work, &site);
    pages::summary(&site)
}

/// Each period's departments as name → item count.
fn department_items(summary: &Value) -> BTreeMap<String, BTreeMap<String, u64>> {
    summary["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let departments = p["departments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        d["name"].as_str().unwrap().to_string(),
                        d["items"].as_u64().unwrap(),
                    )
                })
                .collect();
            (p["label"].as_str().unwrap().to_string(), departments)
        })
        .collect()
}

/// `summary.json` without the departments named in `names`.
fn without(summary: &Value, names: &[&str]) -> Value {
    let mut s = summary.clone();
    for p in s["periods"].as_array_mut().unwrap() {
        p["departments"]
            .as_array_mut()
            .unwrap()
            .retain(|d| !names.contains(&d["name"].as_str().unwrap()));
    }
    s
}

/// One issue as `patuh check` lists it, in `lang`.
fn line(issue: &DataIssue, lang: Lang) -> String {
    patuh::check::describe_issue(issue, words(lang))
}

#[test]
fn the_sample_typo_is_reported_close_to_the_canonical_name() {
    let work = sample_copy(&sample_config());
    let ledger = check(work.path());
    let similar = issues_of(&ledger, IssueKind::SimilarDepartment);
    assert_eq!(similar.len(), 1, "{:?}", briefs(&ledger));
    // data/README.md, planted mistake 3: row 40 of the W43 export, column OPD.
    assert_eq!(
        line(similar[0], Lang::Id),
        "2026-10/Laporan Medsos 19-25 Okt 2026.csv, baris 40, kolom L (OPD): \
         \"Dinas Lingkugan Hidup\" - 'Dinas Lingkugan Hidup' (1 item) mirip \
         'Dinas Lingkungan Hidup' (103 item) — tambahkan alias di [departments]"
    );
    assert_eq!(
        line(similar[0], Lang::En),
        "2026-10/Laporan Medsos 19-25 Okt 2026.csv, row 40, column L (OPD): \
         \"Dinas Lingkugan Hidup\" - 'Dinas Lingkugan Hidup' (1 item) resembles \
         'Dinas Lingkungan Hidup' (103 items) — add an alias under [departments]"
    );
    // Never joined: the typo is still a department of its own, with its one item.
    let typo: Vec<_> = ledger
        .items
        .iter()
        .filter(|i| i.department.as_deref() == Some("Dinas Lingkugan Hidup"))
        .collect();
    assert_eq!(typo.len(), 1);
    let dlh = ledger
        .items
        .iter()
        .filter(|i| i.department.as_deref() == Some("Dinas Lingkungan Hidup"))
        .count();
    assert_eq!(dlh, 103);
    // `patuh check` lists it under its kind, with the advice.
    let text = check_text(work.path(), &ledger, Lang::Id);
    assert!(
        text.contains(
            "\n  Nama Perangkat Daerah yang mirip nama lain (1): Bila keduanya Perangkat \
             Daerah yang sama, tambahkan ejaan itu sebagai alias di [departments] pada \
             patuh.toml (patuh check --suggest-aliases menuliskan bloknya) atau perbaiki \
             ekspornya; patuh tidak menggabungkannya sendiri.\n    2026-10/Laporan Medsos \
             19-25 Okt 2026.csv, baris 40, kolom L (OPD): \"Dinas Lingkugan Hidup\" - 'Dinas \
             Lingkugan Hidup' (1 item) mirip 'Dinas Lingkungan Hidup' (103 item) — \
             tambahkan alias di [departments]\n"
        ),
        "{text}"
    );
    // An alias joins them, and the issue is gone.
    let aliased = sample_config().replace(
        "\"Dinas Lingkungan Hidup\" = [\"DLH\", \"DLH Kota Bekasi\"]",
        "\"Dinas Lingkungan Hidup\" = [\"DLH\", \"DLH Kota Bekasi\", \"Dinas Lingkugan Hidup\"]",
    );
    let work = sample_copy(&aliased);
    let ledger = check(work.path());
    assert!(issues_of(&ledger, IssueKind::SimilarDepartment).is_empty());
    let dlh = ledger
        .items
        .iter()
        .filter(|i| i.department.as_deref() == Some("Dinas Lingkungan Hidup"))
        .count();
    assert_eq!(dlh, 104);
}

#[test]
fn a_misspelt_department_is_reported_once_and_the_numbers_stay() {
    let original = sample_copy(&sample_config());
    let typo = sample_copy(&sample_config());
    // Ticket MS-2026-000214 (record 53 of the W41 export, in no other export).
    misspell(
        typo.path(),
        "Laporan Medsos 5-11 Okt 2026.csv",
        "MS-2026-000214",
        "Dinas Sosial",
        "Dinas Sosal",
    );
    let ledger = check(typo.path());
    let similar = issues_of(&ledger, IssueKind::SimilarDepartment);
    let lines: Vec<String> = similar.iter().map(|i| line(i, Lang::Id)).collect();
    assert_eq!(
        lines,
        [
            "2026-10/Laporan Medsos 19-25 Okt 2026.csv, baris 40, kolom L (OPD): \
             \"Dinas Lingkugan Hidup\" - 'Dinas Lingkugan Hidup' (1 item) mirip \
             'Dinas Lingkungan Hidup' (103 item) — tambahkan alias di [departments]",
            "Laporan Medsos 5-11 Okt 2026.csv, baris 53, kolom L (Perangkat Daerah): \
             \"Dinas Sosal\" - 'Dinas Sosal' (1 item) mirip 'Dinas Sosial' (56 item) — \
             tambahkan alias di [departments]",
        ]
    );
    let before = check(original.path());
    assert_eq!(before.rows, ledger.rows);
    let sosial = |l: &Ledger| {
        l.items
            .iter()
            .filter(|i| i.department.as_deref() == Some("Dinas Sosial"))
            .count()
    };
    assert_eq!((sosial(&before), sosial(&ledger)), (57, 56));
    assert_eq!(
        before.issues.len() + 1,
        ledger.issues.len(),
        "one issue more, the rest unchanged"
    );

    // The numbers: the misspelt item counts for "Dinas Sosal", everything else as before.
    let (a, b) = (summary(original.path()), summary(typo.path()));
    assert_eq!(a["rows"], b["rows"]);
    assert_eq!(
        without(&a, &["Dinas Sosial"]),
        without(&b, &["Dinas Sosial", "Dinas Sosal"])
    );
    // The data-quality page lists it under its kind.
    let page = pages::page(&typo.path().join("site"), "kualitas-data.md");
    assert!(
        page.contains("Nama Perangkat Daerah yang mirip nama lain")
            && page.contains(
                "'Dinas Sosal' (1 item) mirip 'Dinas Sosial' (56 item) — tambahkan alias di \\[departments\\]"
            ),
        "{page}"
    );
    let (a, b) = (department_items(&a), department_items(&b));
    for (period, departments) in &a {
        let sosial = departments.get("Dinas Sosial").copied().unwrap_or(0);
        let moved = u64::from(period == "2026-W41" || period == "2026-10");
        assert_eq!(
            b[period].get("Dinas Sosal").copied(),
            (moved == 1).then_some(1)
        );
        assert_eq!(
            b[period].get("Dinas Sosial").copied().unwrap_or(0),
            sosial - moved,
            "{period}"
        );
    }
}

#[test]
fn a_name_close_to_a_more_frequent_unlisted_one_is_reported_the_other_not() {
    // Without [departments]: "Kec. Bekasi Timur" is "Kecamatan Bekasi Timur" abbreviated,
    // with fewer items; the typo resembles the correct spelling, which has more.
    let work = sample_copy("");
    let ledger = check(work.path());
    let lines: Vec<String> = issues_of(&ledger, IssueKind::SimilarDepartment)
        .iter()
        .map(|i| line(i, Lang::En))
        .collect();
    assert_eq!(
        lines,
        [
            "2026-10/Laporan Medsos 12-18 Okt 2026.xlsx, sheet \"Data\", row 90, column M \
             (Perangkat Daerah): \"Kec. Bekasi Timur\" - 'Kec. Bekasi Timur' (5 items) \
             resembles 'Kecamatan Bekasi Timur' (43 items) — add an alias under [departments]",
            "2026-10/Laporan Medsos 19-25 Okt 2026.csv, row 6, column L (OPD): \
             \"Kec. Bekasi Utara\" - 'Kec. Bekasi Utara' (5 items) resembles 'Kecamatan \
             Bekasi Utara' (16 items) — add an alias under [departments]",
            "2026-10/Laporan Medsos 19-25 Okt 2026.csv, row 40, column L (OPD): \
             \"Dinas Lingkugan Hidup\" - 'Dinas Lingkugan Hidup' (1 item) resembles 'Dinas \
             Lingkungan Hidup' (93 items) — add an alias under [departments]",
        ]
    );
}

#[test]
fn one_issue_per_spelling_at_its_first_row() {
    let work = sample_copy(&sample_config());
    let file = "Laporan Medsos 5-11 Okt 2026.csv";
    misspell(
        work.path(),
        file,
        "MS-2026-000214",
        "Dinas Sosial",
        "Dinas Sosal",
    );
    misspell(
        work.path(),
        file,
        "MS-2026-000264",
        "Dinas Sosial",
        "DINAS  SOSAL ",
    );
    let ledger = check(work.path());
    let lines: Vec<String> = issues_of(&ledger, IssueKind::SimilarDepartment)
        .iter()
        .map(|i| line(i, Lang::En))
        .filter(|l| l.contains("Sosal"))
        .collect();
    assert_eq!(
        lines,
        [
            "Laporan Medsos 5-11 Okt 2026.csv, row 53, column L (Perangkat Daerah): \
          \"Dinas Sosal\" - 'Dinas Sosal' (2 items) resembles 'Dinas Sosial' (55 items) — \
          add an alias under [departments]"
        ]
    );
}

/// A small export in the sample's W41 layout, one forwarded item per department given.
fn small_export(departments: &[&str]) -> tempfile::TempDir {
    small_export_with(departments, "")
}

/// [`small_export`] with `config` as its `patuh.toml`.
fn small_export_with(departments: &[&str], config: &str) -> tempfile::TempDir {
    let mut csv = String::from(
        "\u{feff}No;No Tiket;Waktu Posting;Kanal;Jenis;Akun Pelapor;Isi Laporan;Tautan;\
         Waktu Lapor ke Kasi;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin\r\n",
    );
    for (i, d) in departments.iter().enumerate() {
        csv.push_str(&format!(
            "{n};MS-2026-{n:06};05/10/2026 08.{i:02};WA;Laporan;Warga {n};Jalan rusak;;\
             05/10/2026 09.00;05/10/2026 09.05;Diteruskan ke PD;\"{d}\";05/10/2026 09.10;Rina\r\n",
            n = i + 1,
            d = d.replace('"', "\"\"")
        ));
    }
    let work = one_export("Laporan Medsos 5-11 Okt 2026.csv", csv);
    std::fs::write(work.path().join("patuh.toml"), config).unwrap();
    work
}

#[test]
fn of_two_close_unlisted_names_only_the_less_frequent_is_reported() {
    // As many items each: neither is the likely spelling, nothing is reported.
    let work = small_export(&["Dinas Sosial", "Dinas Sosal"]);
    assert!(check(work.path()).issues.is_empty());
    // One more "Dinas Sosial": the other is its likely typo.
    let work = small_export(&["Dinas Sosial", "Dinas Sosal", "dinas sosial"]);
    let ledger = check(work.path());
    let lines: Vec<String> = ledger.issues.iter().map(|i| line(i, Lang::Id)).collect();
    assert_eq!(
        lines,
        [
            "Laporan Medsos 5-11 Okt 2026.csv, baris 3, kolom L (Perangkat Daerah): \
          \"Dinas Sosal\" - 'Dinas Sosal' (1 item) mirip 'Dinas Sosial' (2 item) — \
          tambahkan alias di [departments]"
        ]
    );
    // Far apart, or short names one letter apart: two departments.
    let work = small_export(&[
        "Dinas Sosial",
        "Dinas Sosial",
        "Dinas Kesehatan",
        "BPBD",
        "BPBD",
        "BPKD",
    ]);
    assert!(check(work.path()).issues.is_empty());
}

#[test]
fn a_closed_list_counts_other_names_in_the_unlisted_group() {
    // The sample's configuration, closed, without "Dinas Kesehatan" (and its aliases).
    let open = sample_copy(&sample_config());
    let config = sample_config()
        .replace(
            "[departments]                 # spellings of one Perangkat Daerah in the exports\n",
            "[departments]\nclosed = true\n",
        )
        .replace(
            "\"Dinas Kesehatan\" = [\"Dinkes\", \"DINKES KOTA BEKASI\"]\n",
            "",
        );
    assert!(config.contains("closed = true") && !config.contains("Dinkes"));
    let closed = sample_copy(&config);
    let ledger = check(closed.path());
    let lines = |kind| -> Vec<String> {
        issues_of(&ledger, kind)
            .iter()
            .map(|i| line(i, Lang::Id))
            .collect()
    };
    assert_eq!(
        lines(IssueKind::UnlistedDepartment),
        [
            "2026-10/Laporan Medsos 12-18 Okt 2026.xlsx, lembar \"Data\", baris 8, kolom M \
             (Perangkat Daerah): \"Dinas Kesehatan\" - 'Dinas Kesehatan' (30 item) bukan \
             nama atau alias di [departments]; dihitung dalam 'Perangkat Daerah Tidak \
             Terdaftar'",
            "2026-10/Laporan Medsos 12-18 Okt 2026.xlsx, lembar \"Data\", baris 82, kolom M \
             (Perangkat Daerah): \"Dinkes\" - 'Dinkes' (9 item) bukan nama atau alias di \
             [departments]; dihitung dalam 'Perangkat Daerah Tidak Terdaftar'",
            "2026-10/Laporan Medsos 12-18 Okt 2026.xlsx, lembar \"Data\", baris 116, kolom M \
             (Perangkat Daerah): \"DINKES KOTA BEKASI\" - 'DINKES KOTA BEKASI' (4 item) bukan \
             nama atau alias di [departments]; dihitung dalam 'Perangkat Daerah Tidak \
             Terdaftar'",
        ]
    );
    // The typo is close to a listed name: one issue, saying where it is counted.
    assert_eq!(
        lines(IssueKind::SimilarDepartment),
        [
            "2026-10/Laporan Medsos 19-25 Okt 2026.csv, baris 40, kolom L (OPD): \
          \"Dinas Lingkugan Hidup\" - 'Dinas Lingkugan Hidup' (1 item) mirip 'Dinas \
          Lingkungan Hidup' (103 item) — tambahkan alias di [departments]; sampai itu \
          dihitung dalam 'Perangkat Daerah Tidak Terdaftar'"
        ]
    );
    // The group is a pseudo-department, like "Tanpa Perangkat Daerah": shown, not ranked.
    let config = config_of(closed.path());
    let mut ledger = read_exports(&closed.path().join("data"), &config).unwrap();
    let judgement = patuh::judge(&mut ledger, &config, None).unwrap();
    let unlisted: Vec<_> = judgement
        .judged
        .iter()
        .filter(|j| &*j.group.name == "Perangkat Daerah Tidak Terdaftar")
        .collect();
    assert_eq!(unlisted.len(), 30 + 9 + 4 + 1);
    // As many as "Dinas Kesehatan" (with its aliases) and the typo held, open.
    let kesehatan = check(open.path())
        .items
        .iter()
        .filter(|i| i.department.as_deref() == Some("Dinas Kesehatan"))
        .count();
    assert_eq!(kesehatan, 30 + 9 + 4);
    assert!(unlisted.iter().all(|j| j.group.pseudo));

    // The numbers: the same rows and totals; the group holds exactly the items of the
    // unlisted names, every other department as before.
    let (a, b) = (summary(open.path()), summary(closed.path()));
    assert_eq!(a["rows"], b["rows"]);
    let group = "Perangkat Daerah Tidak Terdaftar";
    let moved = ["Dinas Kesehatan", "Dinas Lingkugan Hidup"];
    for (pa, pb) in a["periods"]
        .as_array()
        .unwrap()
        .iter()
        .zip(b["periods"].as_array().unwrap())
    {
        assert_eq!(pa["total"], pb["total"], "{}", pa["label"]);
    }
    // The method page names the group.
    let method = pages::page(&closed.path().join("site"), "metode.html");
    assert!(
        method.contains(
            "“Perangkat Daerah Tidak Terdaftar” bila diteruskan ke nama yang tidak terdaftar \
             di [departments] pada patuh.toml."
        ),
        "{method}"
    );
    let method = pages::page(&open.path().join("site"), "metode.html");
    assert!(!method.contains("Tidak Terdaftar"));
    let (da, db) = (department_items(&a), department_items(&b));
    for (period, departments) in &da {
        let expected: u64 = moved.iter().filter_map(|m| departments.get(*m)).sum();
        assert_eq!(
            db[period].get(group).copied().unwrap_or(0),
            expected,
            "{period}"
        );
        let mut rest_a = departments.clone();
        let mut rest_b = db[period].clone();
        rest_a.retain(|name, _| !moved.contains(&name.as_str()));
        rest_b.remove(group);
        assert_eq!(rest_a, rest_b, "{period}");
    }
}

/// `patuh check --suggest-aliases` in `work`: (exit code, standard output).
fn suggest(work: &Path) -> (Option<i32>, String) {
    let ran = patuh(work, &["check", "--suggest-aliases"]);
    (ran.code, ran.stdout)
}

#[test]
fn suggested_aliases_complete_the_configured_table() {
    let work = sample_copy(&sample_config());
    let (code, block) = suggest(work.path());
    assert_eq!(code, Some(0));
    assert_eq!(
        block,
        r#"[departments]
"Badan Penanggulangan Bencana Daerah" = ["BPBD", "BPBD Kota Bekasi"]
"Dinas Bina Marga dan Sumber Daya Air" = ["Dinas Bina Marga dan SDA", "DBMSDA"]
"Dinas Kependudukan dan Pencatatan Sipil" = ["Disdukcapil"]
"Dinas Kesehatan" = ["Dinkes", "DINKES KOTA BEKASI"]
"Dinas Lingkungan Hidup" = ["DLH", "DLH Kota Bekasi", "Dinas Lingkugan Hidup"]
"Dinas Pendidikan" = ["Disdik"]
"Dinas Perhubungan" = ["Dishub", "DISHUB KOTA BEKASI"]
"Dinas Perumahan, Kawasan Permukiman dan Pertanahan" = ["Disperkimtan", "Dinas Perkimtan"]
"Dinas Sosial" = ["Dinsos"]
"Dinas Tata Ruang" = ["Distaru"]
"Kecamatan Bekasi Timur" = ["Kec. Bekasi Timur"]
"Kecamatan Bekasi Utara" = ["Kec. Bekasi Utara"]
"Perumda Tirta Patriot" = ["PDAM Tirta Patriot", "Tirta Patriot"]
"RSUD dr. Chasbullah Abdulmadjid" = ["RSUD Kota Bekasi", "RSUD CAM"]
"Satuan Polisi Pamong Praja" = ["Satpol PP", "Satpol PP Kota Bekasi"]
"#
    );
    // The block replaces the old table: the typo joins its department, nothing is close.
    let config = sample_config();
    let start = config.find("[departments]").unwrap();
    let end = config.find("[signature]").unwrap();
    let replaced = format!("{}{block}\n{}", &config[..start], &config[end..]);
    std::fs::write(work.path().join("patuh.toml"), replaced).unwrap();
    let ledger = check(work.path());
    assert!(issues_of(&ledger, IssueKind::SimilarDepartment).is_empty());
    assert!(!ledger
        .items
        .iter()
        .any(|i| i.department.as_deref() == Some("Dinas Lingkugan Hidup")));

    // Without a configuration: the abbreviations join their full names, the typo the
    // correct spelling.
    let work = sample_copy("");
    assert_eq!(
        suggest(work.path()).1,
        r#"[departments]
"Dinas Lingkungan Hidup" = ["Dinas Lingkugan Hidup"]
"Kecamatan Bekasi Timur" = ["Kec. Bekasi Timur"]
"Kecamatan Bekasi Utara" = ["Kec. Bekasi Utara"]
"#
    );
}

#[test]
fn suggested_aliases_are_toml_and_follow_chains() {
    // Names with quotes are written as TOML literal strings; a closed table stays closed.
    let work = small_export_with(
        &[
            "Dinas \"Sosial\"",
            "Dinas \"Sosial\"",
            "Dinas \"Sosial\"",
            "Dinas \"Sosal\"",
            "Dinas \"Sosal\"",
            "Dinas \"Sosl\"",
            "Dinas Perhubungn",
            "Dishub",
        ],
        "[departments]\nclosed = true\n\"Dinas Perhubungan\" = [\"Dishub\"]\n\
         'Dinas \"Sosial\"' = []\n",
    );
    let (code, block) = suggest(work.path());
    assert_eq!(code, Some(0));
    assert_eq!(
        block,
        r#"[departments]
closed = true
'Dinas "Sosial"' = ['Dinas "Sosal"', 'Dinas "Sosl"']
"Dinas Perhubungan" = ["Dishub", "Dinas Perhubungn"]
"#
    );
    let path = work.path().join("patuh.toml");
    let config = Config::parse(&block, &path).unwrap();
    assert!(config.departments_closed);
    std::fs::write(&path, &block).unwrap();
    assert!(check(work.path()).issues.is_empty());

    // Open table: a typo of a typo goes to the name at the end of the chain.
    let work = small_export(&[
        "Dinas Sosial",
        "Dinas Sosial",
        "Dinas Sosial",
        "Dinas Sosal",
        "Dinas Sosal",
        "Dinas Sosl",
    ]);
    assert_eq!(
        suggest(work.path()).1,
        "[departments]\n\"Dinas Sosial\" = [\"Dinas Sosal\", \"Dinas Sosl\"]\n"
    );
}
