//! Search that works offline (issue 15): the index is a set of scripts (`cari/index.js`
//! lists the shards, newest first; `cari/<month>.<part>.js` holds a month's items, the
//! newest first), masked as the pages are, inert whatever a citizen wrote, and each
//! entry links to its item's row in its department's register of its week.
//!
//! Fixture: `tests/fixtures/site/accountability/` (its README.md lists every item), with
//! `[pages] register_rows = 2` added here, so that Dinas Perhubungan's register of
//! week 47 takes two pages.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::pages::{site_files, text};
use crate::support::{build, build_work, config, fixture, one_export, workdir};

/// The accountability fixture's site with two items per register page.
fn site() -> &'static BTreeMap<String, Vec<u8>> {
    static SITE: std::sync::OnceLock<BTreeMap<String, Vec<u8>>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let work = workdir(&fixture("site/accountability"));
        let config = work.path().join("patuh.toml");
        let mut toml = std::fs::read_to_string(&config).unwrap();
        toml.push_str("\n[pages]\nregister_rows = 2\n");
        std::fs::write(&config, toml).unwrap();
        let out = work.path().join("site");
        build_work(work.path(), &out);
        site_files(&out)
    })
}

/// The JSON a script of the index passes to `patuhCari(...)`.
fn payload(script: &str) -> Value {
    let json = script
        .strip_prefix("patuhCari(")
        .and_then(|s| s.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("not a call of patuhCari: {script:?}"));
    serde_json::from_str(json).unwrap()
}

/// A shard's entries as (ticket, account, posted, department, status, excerpt, link).
fn entries(shard: &Value) -> Vec<[String; 7]> {
    let s = |v: &Value| v.as_str().unwrap().to_string();
    let table = |key: &str, v: &Value| s(&shard[key][v.as_u64().unwrap() as usize]);
    shard["i"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            [
                s(&e[0]),
                s(&e[1]),
                s(&e[2]),
                table("d", &e[3]),
                table("s", &e[4]),
                s(&e[5]),
                format!("{}#{}", table("h", &e[6]), s(&e[7])),
            ]
        })
        .collect()
}

#[test]
fn the_index_lists_every_item_of_a_month_newest_first_with_its_row() {
    let files = site();
    assert_eq!(
        text(files, "cari/index.js"),
        // One shard: its file, month, number of items and first and last ticket.
        "patuhCari({\"shards\":[{\"f\":\"cari/2026-11.1.js\",\"p\":\"2026-11\",\"n\":8,\"t\":[\"p1\",\"t6\"]}]});\n"
    );
    let shard = payload(text(files, "cari/2026-11.1.js"));
    assert_eq!(shard["f"], "cari/2026-11.1.js");
    // Newest first. Dinas Perhubungan's week registers (exceptions first, then by
    // posting time, two to a page): W46 P1, P2; W47 T2, T3 | T1.
    let late = "Terlambat · Pemantauan & penyampaian ke Kasi: Terlambat";
    let expected: Vec<[&str; 7]> = vec![
        [
            "T6",
            "Warga T6",
            "19/11/2026 14.00",
            "Belum Didisposisi",
            "Dalam proses",
            "Sampah menumpuk.",
            "minggu/2026-W47/belum-didisposisi.html#i-t6",
        ],
        [
            "T5",
            "@warga_t5",
            "18/11/2026 07.00",
            "Dijawab Langsung",
            "Tepat waktu",
            "Jam buka kelurahan?",
            "minggu/2026-W47/dijawab-langsung.html#i-t5",
        ],
        [
            "T4",
            "0857xxxx0004",
            "17/11/2026 13.00",
            "Dinas Kesehatan",
            "Tepat waktu · Penerusan ke Perangkat Daerah: Terlambat",
            "Fogging belum dilakukan.",
            "minggu/2026-W47/dinas-kesehatan.html#i-t4",
        ],
        [
            "T3",
            "@warga_t3",
            "17/11/2026 09.00",
            "Dinas Perhubungan",
            "Tepat waktu · Analisis & disposisi: Terlambat",
            "Rambu roboh.",
            "minggu/2026-W47/dinas-perhubungan.html#i-t3",
        ],
        [
            "T2",
            "Warga T2",
            "16/11/2026 10.00",
            "Dinas Perhubungan",
            late,
            "Angkot ngetem.",
            "minggu/2026-W47/dinas-perhubungan.html#i-t2",
        ],
        [
            "T1",
            "@warga_t1",
            "16/11/2026 08.00",
            "Dinas Perhubungan",
            "Tepat waktu",
            "Jalan berlubang.",
            "minggu/2026-W47/dinas-perhubungan.hal-2.html#i-t1",
        ],
        [
            "P2",
            "Warga P2",
            "13/11/2026 15.00",
            "Dinas Perhubungan",
            "Tepat waktu",
            "Parkir liar di trotoar.",
            "minggu/2026-W46/dinas-perhubungan.html#i-p2",
        ],
        [
            "P1",
            "@warga_p1",
            "12/11/2026 09.00",
            "Dinas Perhubungan",
            late,
            "Lampu lalu lintas mati.",
            "minggu/2026-W46/dinas-perhubungan.html#i-p1",
        ],
    ];
    assert_eq!(
        entries(&shard),
        expected
            .iter()
            .map(|e| e.map(String::from))
            .collect::<Vec<_>>()
    );
    // Every page but the Markdown twins carries the search box, which loads the manifest
    // relative to the site's root.
    for (page, root) in [
        ("index.html", ""),
        (
            "minggu/2026-W47/dinas-perhubungan.hal-2.html",
            "..&#x2F;..&#x2F;",
        ),
        ("pd/dinas-perhubungan.html", "..&#x2F;"),
    ] {
        let html = text(files, page);
        assert!(
            html.contains(&format!("<form class=\"cari\" id=\"cari\" role=\"search\" hidden data-root=\"{root}\" data-index=\"cari/index.js\"")),
            "{page}"
        );
        assert!(
            html.contains(&format!(
                "</form><script src=\"{root}assets/search.js\" defer></script>"
            )),
            "{page}"
        );
    }
    assert!(files.contains_key("assets/search.js"));
}

#[test]
fn every_link_of_the_index_lands_on_its_items_row() {
    let files = site();
    let shard = payload(text(files, "cari/2026-11.1.js"));
    for [ticket, _, _, _, _, _, link] in entries(&shard) {
        let (page, anchor) = link.split_once('#').unwrap();
        let html = text(files, page);
        let at = html
            .find(&format!("<tr id=\"{anchor}\""))
            .unwrap_or_else(|| panic!("{page} has no row {anchor}"));
        let row = &html[at..at + html[at..].find("</tr>").unwrap()];
        assert!(row.contains(&format!(">{ticket}</th>")), "{row}");
    }
    // The first page of Dinas Perhubungan's register of week 47 holds T2 and T3 (both
    // exceptions, by posting time), each row with its anchor.
    let second = text(files, "minggu/2026-W47/dinas-perhubungan.html");
    let ids: Vec<&str> = second
        .match_indices("<tr id=\"")
        .map(|(i, m)| {
            let rest = &second[i + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    assert_eq!(ids, ["i-t2", "i-t3"]);
    // The late items of a period's page carry no anchors: their rows are in the
    // registers.
    assert!(!text(files, "bulan/2026-11/index.html").contains("<tr id="));
}

/// One export of two items: personal data in ticket, account and text, and markup that
/// tries to close the script in the text.
const HOSTILE: &str = "No Tiket;Kanal;Jenis;Akun;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin;Isi\n\
X1;WhatsApp;Pengaduan;0812-3456-7890;16/11/2026 08.00;16/11/2026 08.20;16/11/2026 08.25;Teruskan;Dishub;16/11/2026 08.35;Rina;NIK 3275012345678901 hubungi 0812-3456-7890 ya\n\
X2;Twitter;Pengaduan;@x2;16/11/2026 09.00;16/11/2026 09.20;16/11/2026 09.25;Teruskan;Dishub;16/11/2026 09.35;Rina;</script><script>alert(1)</script>\u{2028}ok\n";

#[test]
fn the_index_is_masked_and_inert() {
    // A third item with a long text: the index holds its first 160 characters, as the
    // register shows them.
    let long = format!(
        "{HOSTILE}X3;Twitter;Pengaduan;@x3;16/11/2026 07.00;16/11/2026 07.20;16/11/2026 07.25;Teruskan;Dishub;16/11/2026 07.35;Rina;{}\n",
        "kata ".repeat(40)
    );
    let work = one_export("Laporan 16 Nov 2026.csv", long);
    let cfg = config(
        "timezone = \"Asia/Jakarta\"\ndate_order = \"dmy\"\nlang = \"id\"\n[departments]\n\"Dinas Perhubungan\" = [\"Dishub\"]\n",
    );
    let out = work.path().join("site");
    build(&cfg, &work.path().join("data"), &out).unwrap();
    let files = site_files(&out);
    let script = text(&files, "cari/2026-11.1.js");
    // Nothing that could end the script or a string in it.
    assert!(!script.contains('<'), "{script}");
    assert!(!script.contains('\u{2028}'), "{script}");
    assert!(script.contains("\"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u2028ok\""));
    // Not the number, in any form.
    for secret in ["3456", "3275012345678901", "345678"] {
        assert!(!script.contains(secret), "{secret} in {script}");
    }
    let shard = payload(script);
    let entries = entries(&shard);
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[2][5], format!("{}…", "kata ".repeat(32)));
    let register = text(&files, "minggu/2026-W47/dinas-perhubungan.html");
    assert!(register.contains(&format!("<td class=\"text\">{}…</td>", "kata ".repeat(32))));
    assert_eq!(entries[0][0], "X2");
    assert_eq!(
        entries[0][5],
        "</script><script>alert(1)</script>\u{2028}ok"
    );
    assert_eq!(
        entries[1],
        [
            "X1",
            "08••-••••-••90",
            "16/11/2026 08.00",
            "Dinas Perhubungan",
            "Tepat waktu",
            "NIK ••••••••••••8901 hubungi 08••-••••-••90 ya",
            "minggu/2026-W47/dinas-perhubungan.html#i-x1",
        ]
        .map(String::from)
    );
}

#[test]
fn the_index_is_the_same_for_the_same_data() {
    let first = site();
    let work = workdir(&fixture("site/accountability"));
    let config = work.path().join("patuh.toml");
    let mut toml = std::fs::read_to_string(&config).unwrap();
    toml.push_str("\n[pages]\nregister_rows = 2\n");
    std::fs::write(&config, toml).unwrap();
    let out = work.path().join("site");
    build_work(work.path(), &out);
    let second = site_files(&out);
    for (path, bytes) in first.iter().filter(|(p, _)| p.starts_with("cari/")) {
        assert_eq!(Some(bytes), second.get(path), "{path}");
    }
}
