//! What leadership acts on: the overview opens with the items still open at the as-of
//! moment ("Perlu tindakan"), past their limit most late first, then within it; and the
//! late-item lists and registers show each step's start and end times, the day change
//! marked, with values to sort by. Every expected value is worked out by hand from the
//! fixture (tests/fixtures/site/small/README.md) or the export written here.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::pages::{site_files, text};
use crate::support::{config_of, fixture, now, one_export, workdir};

/// `patuh::build` of `work/data` with `work`'s `patuh.toml` (its `lang` replaced when
/// `lang` is given) at `--as-of as_of`: the site's files.
fn build_at(work: &Path, as_of: &str, lang: Option<&str>) -> BTreeMap<String, Vec<u8>> {
    if let Some(lang) = lang {
        let toml = work.join("patuh.toml");
        let text = std::fs::read_to_string(&toml).unwrap();
        let text = text.replace("lang       = \"id\"", &format!("lang = \"{lang}\""));
        assert!(text.contains(&format!("lang = \"{lang}\"")), "{text}");
        std::fs::write(&toml, text).unwrap();
    }
    let out = work.join("site");
    let options = patuh::BuildOptions {
        data_dir: work.join("data"),
        out_dir: out.clone(),
        as_of: Some(as_of.to_string()),
        now: now(),
        cache_root: None,
    };
    patuh::build(&config_of(work), &options, &Default::default())
        .unwrap_or_else(|e| panic!("build failed: {e}"));
    site_files(&out)
}

/// The part of `page` from `from` up to (not including) `to`.
fn between<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
    let start = page
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} in {page}"));
    let end = page[start..]
        .find(to)
        .unwrap_or_else(|| panic!("no {to:?} after {from:?} in {page}"))
        + start;
    &page[start..end]
}

const HINT_ID: &str = "Item yang belum selesai pada kondisi per, yang paling terlambat di atas.";

#[test]
fn the_overview_opens_with_the_open_items_and_how_late_they_are() {
    // As of Rabu, 4 November 2026 09.06 WIB:
    // - S07's penerusan started when it was disposed, 29/10 20.25, and has no end: open
    //   for 5 d 12 h 41 min (477,660 s), past its 15 min limit by 476,760 s = 5 d 12 h
    //   26 min, which format::duration writes "5 hari 12 jam". Its end_to_end is overdue
    //   too; the configured step is the one shown. Owner of penerusan: Admin Medsos.
    // - S08 (no disposition: Belum Didisposisi) was reported at 09.00: its disposisi is
    //   open 6 min of its 10, 240 s left. Owner: Kasi.
    let work = workdir(&fixture("site/small"));
    let files = build_at(work.path(), "2026-11-04 09:06", None);
    let md = text(&files, "index.md");
    let expected = format!(
        "Diskominfostandi Kota Bekasi · Kondisi per: **Rabu, 4 November 2026 09.06 WIB**

## Perlu tindakan

{HINT_ID}

### Lewat batas waktu (1)

| Nomor | Perangkat Daerah | Tahap | Penanggung jawab | Keterlambatan |
|---|---|---|---|---|
| S07 | Dinas Perhubungan | Penerusan ke Perangkat Daerah | Admin Medsos | lewat 5 hari 12 jam |

### Masih dalam batas waktu (1)

| Nomor | Perangkat Daerah | Tahap | Penanggung jawab | Sisa waktu |
|---|---|---|---|---|
| S08 | Belum Didisposisi | Analisis & disposisi | Kasi | sisa 4 mnt |

## Pekan ke-45 (2–8 November 2026)
"
    );
    assert!(md.contains(&expected), "{md}");
    assert!(
        md.starts_with("# Kepatuhan SOP Pengaduan Media Sosial\n\nDiskominfostandi"),
        "the section follows the title and the as-of line: {md}"
    );
    // The big table of open overdue items further down is gone.
    assert!(!md.contains("Item terbuka yang lewat batas"), "{md}");

    let html = text(&files, "index.html");
    let section = between(html, "<p class=\"asof\">", "<section class=\"card\">");
    assert!(
        section.starts_with(
            "<p class=\"asof\">Kondisi per: <strong>Rabu, 4 November 2026 09.06 WIB</strong> (saat item dinilai; ditetapkan dengan --as-of)</p>\n\n\
             <section class=\"todo\" aria-labelledby=\"todo\">\n<h2 id=\"todo\">Perlu tindakan</h2>"
        ),
        "{section}"
    );
    assert!(section.contains(
        "<tr><th scope=\"row\" data-label=\"Nomor\"><a href=\"https:&#x2F;&#x2F;x.com&#x2F;warga_tujuh&#x2F;status&#x2F;1007\" rel=\"nofollow noopener noreferrer\">S07</a></th>\
         <td data-label=\"Perangkat Daerah\">Dinas Perhubungan</td>\
         <td data-label=\"Tahap\">Penerusan ke Perangkat Daerah</td>\
         <td data-label=\"Penanggung jawab\">Admin Medsos</td>\
         <td class=\"gap late\" data-label=\"Keterlambatan\" data-sort=\"476760\">lewat 5 hari 12 jam</td></tr>"
    ), "{section}");
    assert!(
        section.contains(
            "<tr><th scope=\"row\" data-label=\"Nomor\">S08</th>\
         <td data-label=\"Perangkat Daerah\">Belum Didisposisi</td>\
         <td data-label=\"Tahap\">Analisis &amp; disposisi</td>\
         <td data-label=\"Penanggung jawab\">Kasi</td>\
         <td class=\"gap\" data-label=\"Sisa waktu\" data-sort=\"240\">sisa 4 mnt</td></tr>"
        ),
        "{section}"
    );
    assert!(section.contains("<h3 id=\"todo-1\">Lewat batas waktu (1)</h3>"));
    assert!(section.contains("<h3 id=\"todo-2\">Masih dalam batas waktu (1)</h3>"));
}

#[test]
fn open_items_past_their_limit_come_most_late_first() {
    // As of 09.20, S08's disposisi (reported 09.00, limit 10 min) is past its limit by
    // 10 min; S07's penerusan by 477,660 + 840 − 900 = 477,600 s = 5 d 12 h 40 min. S07
    // comes first; nothing is open within its limit any more.
    let work = workdir(&fixture("site/small"));
    let files = build_at(work.path(), "2026-11-04 09:20", None);
    let md = text(&files, "index.md");
    let todo = between(md, "## Perlu tindakan", "## Pekan ke-45");
    assert_eq!(
        todo,
        format!(
            "## Perlu tindakan

{HINT_ID}

### Lewat batas waktu (2)

| Nomor | Perangkat Daerah | Tahap | Penanggung jawab | Keterlambatan |
|---|---|---|---|---|
| S07 | Dinas Perhubungan | Penerusan ke Perangkat Daerah | Admin Medsos | lewat 5 hari 12 jam |
| S08 | Belum Didisposisi | Analisis & disposisi | Kasi | lewat 10 mnt |

"
        )
    );
    let html = text(&files, "index.html");
    assert!(html.contains("data-sort=\"477600\">lewat 5 hari 12 jam</td>"));
    assert!(html.contains("data-sort=\"600\">lewat 10 mnt</td>"));
    assert!(!html.contains("Masih dalam batas waktu"));
}

#[test]
fn the_open_items_speak_english_too() {
    let work = workdir(&fixture("site/small"));
    let files = build_at(work.path(), "2026-11-04 09:06", Some("en"));
    let md = text(&files, "index.md");
    let todo = between(md, "## Action needed", "## Week 45");
    assert_eq!(
        todo,
        "## Action needed

Items not yet done at the as-of moment, the most overdue first.

### Past their limit (1)

| Number | Department | Step | Owner | Over by |
|---|---|---|---|---|
| S07 | Dinas Perhubungan | Forwarding to the department | Social media admin | 5 d 12 h over |

### Still within their limit (1)

| Number | Department | Step | Owner | Time left |
|---|---|---|---|---|
| S08 | Not yet disposed | Analysis & disposition | Kasi (section head) | 4 min left |

"
    );
}

/// An export of 23 items posted and never reported: T01–T20 on Monday 2 November 2026 at
/// 00.00, 01.00, … 19.00, T21 on Friday 6 November 08.00 (week 45), T22 on Monday 9
/// November 08.00 and T23 on Tuesday 10 November 10.00 (week 46).
fn never_reported() -> tempfile::TempDir {
    let mut csv = String::from(
        "No Tiket;Kanal;Jenis;Akun;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin;Isi;Tautan\n",
    );
    let mut posted: Vec<String> = (0..20).map(|h| format!("02/11/2026 {h:02}.00")).collect();
    posted.extend(["06/11/2026 08.00", "09/11/2026 08.00", "10/11/2026 10.00"].map(String::from));
    for (i, at) in posted.iter().enumerate() {
        csv.push_str(&format!(
            "T{:02};Twitter;Pengaduan;@warga;{at};;;;;;Rina;Jalan berlubang.;\n",
            i + 1
        ));
    }
    let work = one_export("Laporan.csv", csv);
    std::fs::write(
        work.path().join("patuh.toml"),
        "timezone   = \"Asia/Jakarta\"\ndate_order = \"dmy\"\nlang       = \"id\"\n",
    )
    .unwrap();
    work
}

#[test]
fn a_long_list_of_open_items_is_cut_with_links_to_the_rest() {
    // As of Tuesday 10 November 2026 12.00 every item's pemantauan (limit 1 h) is open:
    // T01 for 8 d 12 h, past its limit by 8 d 11 h; … T20 (02/11 19.00) by 7 d 16 h;
    // T21 by 4 d 3 h, T22 by 1 d 3 h, T23 by 1 h. The first 20 are shown; the other 3
    // are counted with the week pages that list them among their late items, latest
    // week first.
    let work = never_reported();
    let files = build_at(work.path(), "2026-11-10 12:00", None);
    let md = text(&files, "index.md");
    let todo = between(md, "### Lewat batas waktu", "## Pekan ke-46");
    let rows: Vec<&str> = todo.lines().filter(|l| l.starts_with("| T")).collect();
    assert_eq!(rows.len(), 20, "{todo}");
    assert_eq!(
        rows[0],
        "| T01 | Belum Didisposisi | Pemantauan & penyampaian ke Kasi | Admin Medsos | lewat 8 hari 11 jam |"
    );
    assert_eq!(
        rows[19],
        "| T20 | Belum Didisposisi | Pemantauan & penyampaian ke Kasi | Admin Medsos | lewat 7 hari 16 jam |"
    );
    assert!(todo.starts_with("### Lewat batas waktu (23)\n"), "{todo}");
    assert!(
        todo.contains(
            "\n… dan 3 item lainnya, terdaftar di: [Pekan ke-46 (9–15 November 2026): 2](minggu/2026-W46/index.md) · [Pekan ke-45 (2–8 November 2026): 1](minggu/2026-W45/index.md)\n"
        ),
        "{todo}"
    );
    // Those pages list them.
    let w46 = text(&files, "minggu/2026-W46/index.md");
    assert!(w46.contains("| T22 |") && w46.contains("| T23 |"), "{w46}");
    assert!(text(&files, "minggu/2026-W45/index.md").contains("| T21 |"));
    let html = text(&files, "index.html");
    assert!(html.contains(
        "<p class=\"more\">… dan 3 item lainnya, terdaftar di: <a href=\"minggu&#x2F;2026-W46&#x2F;index.html\">Pekan ke-46 (9–15 November 2026): 2</a> · <a href=\"minggu&#x2F;2026-W45&#x2F;index.html\">Pekan ke-45 (2–8 November 2026): 1</a></p>"
    ), "{html}");
    assert_eq!(html.matches("<td class=\"gap late\"").count(), 20);
}

#[test]
fn a_long_list_of_items_within_their_limit_links_to_the_registers() {
    // 22 items posted on Tuesday 10 November 2026 at 11.30, 11.31, … 11.51, none
    // reported. As of 12.00 each pemantauan (limit 1 h) is open within its limit: U01 has
    // 30 min left, U22 51 min. The 20 with the least time left are shown; U21 and U22 are
    // in the register of Belum Didisposisi in week 46.
    let mut csv = String::from(
        "No Tiket;Kanal;Jenis;Akun;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin;Isi;Tautan\n",
    );
    for k in 0..22 {
        csv.push_str(&format!(
            "U{:02};Twitter;Pengaduan;@warga;10/11/2026 11.{:02};;;;;;Rina;Jalan berlubang.;\n",
            k + 1,
            30 + k
        ));
    }
    let work = one_export("Laporan.csv", csv);
    std::fs::write(
        work.path().join("patuh.toml"),
        "timezone   = \"Asia/Jakarta\"\ndate_order = \"dmy\"\nlang       = \"id\"\n",
    )
    .unwrap();
    let files = build_at(work.path(), "2026-11-10 12:00", None);
    let md = text(&files, "index.md");
    let todo = between(md, "### Masih dalam batas waktu", "## Pekan ke-46");
    let rows: Vec<&str> = todo.lines().filter(|l| l.starts_with("| U")).collect();
    assert_eq!(rows.len(), 20, "{todo}");
    assert_eq!(
        rows[0],
        "| U01 | Belum Didisposisi | Pemantauan & penyampaian ke Kasi | Admin Medsos | sisa 30 mnt |"
    );
    assert_eq!(
        rows[19],
        "| U20 | Belum Didisposisi | Pemantauan & penyampaian ke Kasi | Admin Medsos | sisa 49 mnt |"
    );
    assert!(todo.contains(
        "\n… dan 2 item lainnya, terdaftar di: [Belum Didisposisi · Pekan ke-46 (9–15 November 2026): 2](minggu/2026-W46/belum-didisposisi.md)\n"
    ), "{todo}");
    assert!(
        md.contains("### Lewat batas waktu (0)\n\nTidak ada item terbuka yang lewat batas.\n"),
        "{md}"
    );
    let register = text(&files, "minggu/2026-W46/belum-didisposisi.md");
    assert!(register.contains("| U21 |") && register.contains("| U22 |"));
}

/// An item posted at 21.30 and reported at 07.00 the next morning.
fn overnight(lang: &str) -> tempfile::TempDir {
    let csv = "No Tiket;Kanal;Jenis;Akun;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin;Isi;Tautan\n\
               D01;Twitter;Pengaduan;@warga;10/11/2026 21.30;11/11/2026 07.00;11/11/2026 07.05;Teruskan;Dinas Perhubungan;11/11/2026 07.20;Rina;Lampu jalan mati.;\n";
    let work = one_export("Laporan.csv", csv);
    std::fs::write(
        work.path().join("patuh.toml"),
        format!("timezone   = \"Asia/Jakarta\"\ndate_order = \"dmy\"\nlang       = \"{lang}\"\n"),
    )
    .unwrap();
    work
}

#[test]
fn registers_show_each_steps_clock_times_and_the_day_change() {
    // D01: pemantauan 21.30 → 07.00 the next day = 9 h 30 min (34,200 s), past its 1 h;
    // disposisi 07.00 → 07.05 (300 s); penerusan 07.05 → 07.20 (900 s, exactly its
    // limit); end_to_end 21.30 → 07.20 = 9 h 50 min (35,400 s), past its 85 min. Posted
    // 10/11/2026 21.30 WIB = 14.30 UTC = 1794321000 s since 1970.
    let work = overnight("id");
    let files = build_at(work.path(), "2026-11-11 08:00", None);
    let md = text(&files, "minggu/2026-W46/dinas-perhubungan.md");
    assert!(md.contains(
        "| D01 | 10/11/2026 21.30 | Twitter/X | Rina | Terlambat (9 jam 30 mnt; 21.30 → 07.00 (+1 hari)) | Tepat waktu (5 mnt; 07.00 → 07.05) | Tepat waktu (15 mnt; 07.05 → 07.20) | Terlambat (9 jam 50 mnt; 21.30 → 07.20 (+1 hari)) | Lampu jalan mati. |\n\nJam mulai → selesai tiap tahap dalam WIB; (+1 hari): selesai pada hari berikutnya.\n"
    ), "{md}");
    // The week's late items say the same, with the department.
    let week = text(&files, "minggu/2026-W46/index.md");
    assert!(week.contains(
        "| D01 | 10/11/2026 21.30 | Dinas Perhubungan | Rina | Terlambat (9 jam 30 mnt; 21.30 → 07.00 (+1 hari)) | Tepat waktu (5 mnt; 07.00 → 07.05) | Tepat waktu (15 mnt; 07.05 → 07.20) | Terlambat (9 jam 50 mnt; 21.30 → 07.20 (+1 hari)) |\n"
    ), "{week}");
    let html = text(&files, "minggu/2026-W46/dinas-perhubungan.html");
    assert!(html.contains(
        "<td data-sort=\"1794321000\">10&#x2F;11&#x2F;2026 21.30</td>\
         <td>Twitter&#x2F;X</td><td>Rina</td>\
         <td class=\"st breached\" data-sort=\"34200\">Terlambat<br><span class=\"dur\">9 jam 30 mnt</span><br><span class=\"clock\">21.30 → 07.00 (+1 hari)</span></td>\
         <td class=\"st met\" data-sort=\"300\">Tepat waktu<br><span class=\"dur\">5 mnt</span><br><span class=\"clock\">07.00 → 07.05</span></td>\
         <td class=\"st met\" data-sort=\"900\">Tepat waktu<br><span class=\"dur\">15 mnt</span><br><span class=\"clock\">07.05 → 07.20</span></td>\
         <td class=\"st breached\" data-sort=\"35400\">Terlambat<br><span class=\"dur\">9 jam 50 mnt</span><br><span class=\"clock\">21.30 → 07.20 (+1 hari)</span></td>"
    ), "{html}");
    assert!(html.contains(
        "<p class=\"clock-note\">Jam mulai → selesai tiap tahap dalam WIB; (+1 hari): selesai pada hari berikutnya.</p>"
    ));
    // D01 is done: nothing is open.
    assert!(text(&files, "index.md")
        .contains("## Perlu tindakan\n\nTidak ada item yang masih terbuka pada kondisi per.\n"));
    assert!(text(&files, "index.html").contains(
        "<h2 id=\"todo\">Perlu tindakan</h2>\n<p>Tidak ada item yang masih terbuka pada kondisi per.</p>\n</section>"
    ));
}

#[test]
fn clock_times_in_english() {
    let work = overnight("en");
    let files = build_at(work.path(), "2026-11-11 08:00", None);
    let md = text(&files, "minggu/2026-W46/dinas-perhubungan.md");
    assert!(md.contains(
        "| Late (9 h 30 min; 21:30 → 07:00 (+1 day)) | On time (5 min; 07:00 → 07:05) | On time (15 min; 07:05 → 07:20) | Late (9 h 50 min; 21:30 → 07:20 (+1 day)) |"
    ), "{md}");
    assert!(md.contains("\nEach step's start → end times in WIB; (+1 day): ended the next day.\n"));
}

#[test]
fn an_open_step_shows_its_start_and_no_end() {
    // S07 at the small fixture's own as-of: penerusan open since its disposition at
    // 29/10 20.25, end_to_end since its posting at 20.00; S08's disposisi in progress
    // since 09.00.
    let work = workdir(&fixture("site/small"));
    let files = build_at(work.path(), "2026-11-04 09:00", None);
    let md = text(&files, "minggu/2026-W44/dinas-perhubungan.md");
    assert!(md.contains(
        "| S07 | 29/10/2026 20.00 | Twitter/X | Rina | Tepat waktu (20 mnt; 20.00 → 20.20) | Tepat waktu (5 mnt; 20.20 → 20.25) | Lewat batas (masih terbuka) (20.25 → –) | Lewat batas (masih terbuka) (20.00 → –) |"
    ), "{md}");
    let html = text(&files, "minggu/2026-W44/dinas-perhubungan.html");
    assert!(html.contains(
        "<td class=\"st overdue\">Lewat batas (masih terbuka)<br><span class=\"clock\">20.25 → –</span></td>"
    ), "{html}");
    let w45 = text(&files, "minggu/2026-W45/belum-didisposisi.md");
    assert!(w45.contains("| Dalam proses (09.00 → –) |"), "{w45}");
}
