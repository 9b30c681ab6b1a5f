//! The monthly letter (issue 15, point 4): `bulan/<label>/surat.{html,md}`, one page for
//! the Wali Kota's office and the Perangkat Daerah with each step's figure against its
//! target and last month, what changed, the trend, the five items most past a step's
//! limit, the month's commentary and the record's letterhead and signatures.
//!
//! Built from tests/fixtures/letter/small (its README.md works every number out by hand):
//! October and November 2026, both complete at the as-of moment, 1 December 2026 09.00
//! WIB; and from tests/fixtures/site/small for a month the data does not cover.

use std::path::{Path, PathBuf};

use crate::support::pages::page;
use crate::support::{fixture, patuh, repo, workdir};

/// `fixture` copied to a work folder and built by the binary with `extra` arguments into
/// `site`: the work folder.
fn built(fixture_dir: &Path, extra: &[&str]) -> tempfile::TempDir {
    let work = workdir(fixture_dir);
    patuh(work.path(), &[&["build", "--out", "site"], extra].concat()).success();
    work
}

fn site(work: &Path) -> PathBuf {
    work.join("site")
}

/// The lines of `text` from the one equal to `from` up to (not including) the first
/// blank line after it.
fn block(text: &str, from: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == from)
        .unwrap_or_else(|| panic!("no line {from:?} in:\n{text}"));
    lines[start..]
        .iter()
        .take_while(|l| !l.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_months_letter_gives_its_figures_changes_late_items_and_commentary() {
    let work = built(&fixture("letter/small"), &[]);
    let md = page(&site(work.path()), "bulan/2026-11/surat.md");
    // Each step this month (met of met and breached) against its target and October.
    assert_eq!(
        block(&md, "| Tahap | November 2026 | Target | Oktober 2026 |"),
        "| Tahap | November 2026 | Target | Oktober 2026 |\n\
         |---|--:|--:|--:|\n\
         | Pemantauan & penyampaian ke Kasi | **75,0%** (6 dari 8) ▼ di bawah target | 90% | 50,0% (2 dari 4) |\n\
         | Analisis & disposisi | **75,0%** (6 dari 8) ▼ di bawah target | 90% | 100,0% (4 dari 4) |\n\
         | Penerusan ke Perangkat Daerah | **20,0%** (1 dari 5) ▼ di bawah target | 90% | 100,0% (2 dari 2) |\n\
         | Total (posting sampai selesai di Diskominfo) | **25,0%** (2 dari 8) ▼ di bawah target | 80% | 50,0% (2 dari 4) |"
    );
    assert_eq!(
        block(&md, "- Pemantauan & penyampaian ke Kasi: naik 25,0 poin, dari 50,0% menjadi 75,0%."),
        "- Pemantauan & penyampaian ke Kasi: naik 25,0 poin, dari 50,0% menjadi 75,0%.\n\
         - Analisis & disposisi: turun 25,0 poin, dari 100,0% menjadi 75,0%.\n\
         - Penerusan ke Perangkat Daerah: turun 80,0 poin, dari 100,0% menjadi 20,0%.\n\
         - Total (posting sampai selesai di Diskominfo): turun 25,0 poin, dari 50,0% menjadi 25,0%.\n\
         - Jumlah pengaduan naik 4, dari 4 menjadi 8."
    );
    // Both months are complete: no notice, no caution under the changes.
    assert!(!md.contains("belum lengkap"), "{md}");
    // The five most late: N8 still open, past the limit of its forwarding since its
    // disposition at 20.25 plus 15 minutes (a moment that does not move with the as-of),
    // N3, then N4 and N7 two hours each (N4 posted first), N2; N5 and N6 left out.
    assert_eq!(
        block(&md, "| Nomor | Perangkat Daerah | Tahap | Keterlambatan |"),
        "| Nomor | Perangkat Daerah | Tahap | Keterlambatan |\n\
         |---|---|---|---|\n\
         | N8 | Dinas Perhubungan | Penerusan ke Perangkat Daerah | masih terbuka, lewat batas sejak 29 November 2026 20.40 WIB |\n\
         | N3 | Dinas Kesehatan | Penerusan ke Perangkat Daerah | lewat 2 jam 45 mnt |\n\
         | N4 | Dijawab Langsung | Pemantauan & penyampaian ke Kasi | lewat 2 jam |\n\
         | N7 | Dinas Kesehatan | Penerusan ke Perangkat Daerah | lewat 2 jam |\n\
         | N2 | Dijawab Langsung | Pemantauan & penyampaian ke Kasi | lewat 1 jam |"
    );
    // The trend of the total, month by month, with its target.
    assert_eq!(
        block(
            &md,
            "| Periode | Total (posting sampai selesai di Diskominfo) |"
        ),
        "| Periode | Total (posting sampai selesai di Diskominfo) |\n\
         |---|--:|\n\
         | Bulan Oktober 2026 | 50,0% |\n\
         | Bulan November 2026 | 25,0% |\n\
         | Target | 80% |"
    );
    // The office's commentary of the month (data/catatan/2026-11.md).
    assert!(
        md.contains(
            "## Catatan\n\nPenerusan terlambat karena admin piket sakit pada pekan pertama.\n"
        ),
        "{md}"
    );
    // Addressed to the Wali Kota and the Perangkat Daerah, under the record's letterhead.
    assert!(
        md.starts_with(
            "# Bulan November 2026\n\n\
             **Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi**\n\n\
             Jl. Contoh No. 1, Bekasi\n\n\
             **Laporan Pengaduan Masyarakat melalui Media Sosial**\n\n\
             Nomor: 2026-11/LKIP/2026\n\n"
        ),
        "{md}"
    );
    assert!(
        md.contains(
            "Kepada Yth.\n\n- Wali Kota\n- Para Kepala Perangkat Daerah\n\ndi Tempat\n\n\
             Dengan hormat,\n\n\
             Bersama ini kami sampaikan laporan penanganan pengaduan masyarakat melalui media \
             sosial bulan November 2026. Bulan ini ada 8 pengaduan."
        ),
        "{md}"
    );
    // Signed as the record is, dated the day November settled: its one open step (N8's
    // forwarding) went past its limit on the 29th, so its figures are those of any moment
    // from the month's last second on, 30 November 23.59.59 (before the as-of, 1 December).
    assert!(
        md.ends_with(
            "Mengetahui, Kepala Dinas\n\n**Budi Santoso**\n\nNIP 19700202 199503 1 002\n\n\
             Bekasi, 30 November 2026\n\n\
             Dibuat oleh, Kepala Seksi LKIP\n\n**Ani Lestari**\n\nNIP 19800101 200501 2 001\n"
        ),
        "{md}"
    );
}

#[test]
fn the_html_letter_marks_figures_below_target_in_words_and_shows_the_same_rows() {
    let work = built(&fixture("letter/small"), &[]);
    let html = page(&site(work.path()), "bulan/2026-11/surat.html");
    // Below target: a symbol and words beside the colour, and the count.
    assert!(
        html.contains(
            "<tr><th scope=\"row\" data-label=\"Tahap\">Penerusan ke Perangkat Daerah</th>\
             <td class=\"num below\" data-label=\"November 2026\"><strong class=\"pct\">20,0%</strong> \
             <small class=\"cnt\">(1 dari 5)</small> <small class=\"tnote\">▼ di bawah target</small></td>\
             <td class=\"num\" data-label=\"Target\">90%</td>\
             <td class=\"num\" data-label=\"Oktober 2026\">100,0% (2 dari 2)</td></tr>"
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<tr><th scope=\"row\" data-label=\"Nomor\">N8</th>\
             <td data-label=\"Perangkat Daerah\">Dinas Perhubungan</td>\
             <td data-label=\"Tahap\">Penerusan ke Perangkat Daerah</td>\
             <td class=\"gap\" data-label=\"Keterlambatan\">masih terbuka, lewat batas sejak 29 November 2026 20.40 WIB</td></tr>"
        ),
        "{html}"
    );
    assert_eq!(html.matches("<td class=\"gap\"").count(), 5, "{html}");
    // The letterhead is the record's, titled as the letter; the trend chart is there.
    assert!(
        html.contains(
            "<p class=\"record-title\">Laporan Pengaduan Masyarakat melalui Media Sosial</p>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<svg class=\"chart line\""),
        "no trend chart:\n{html}"
    );
    // Citizens' text is not on the letter.
    assert!(!html.contains("Lampu jalan padam"), "{html}");
}

#[test]
fn the_english_letter_says_the_same() {
    let work = built(&fixture("letter/small"), &["--lang", "en"]);
    let md = page(&site(work.path()), "bulan/2026-11/surat.md");
    assert_eq!(
        block(&md, "| Step | November 2026 | Target | October 2026 |"),
        "| Step | November 2026 | Target | October 2026 |\n\
         |---|--:|--:|--:|\n\
         | Monitoring & reporting to the Kasi | **75.0%** (6 of 8) ▼ below target | 90% | 50.0% (2 of 4) |\n\
         | Analysis & disposition | **75.0%** (6 of 8) ▼ below target | 90% | 100.0% (4 of 4) |\n\
         | Forwarding to the department | **20.0%** (1 of 5) ▼ below target | 90% | 100.0% (2 of 2) |\n\
         | Total (posting to done at Diskominfo) | **25.0%** (2 of 8) ▼ below target | 80% | 50.0% (2 of 4) |"
    );
    assert_eq!(
        block(
            &md,
            "- Monitoring & reporting to the Kasi: up 25.0 points, from 50.0% to 75.0%."
        ),
        "- Monitoring & reporting to the Kasi: up 25.0 points, from 50.0% to 75.0%.\n\
         - Analysis & disposition: down 25.0 points, from 100.0% to 75.0%.\n\
         - Forwarding to the department: down 80.0 points, from 100.0% to 20.0%.\n\
         - Total (posting to done at Diskominfo): down 25.0 points, from 50.0% to 25.0%.\n\
         - Complaints rose by 4, from 4 to 8."
    );
    assert_eq!(
        block(&md, "| Number | Department | Step | Over by |"),
        "| Number | Department | Step | Over by |\n\
         |---|---|---|---|\n\
         | N8 | Dinas Perhubungan | Forwarding to the department | still open, past its limit since 29 November 2026 20:40 WIB |\n\
         | N3 | Dinas Kesehatan | Forwarding to the department | 2 h 45 min over |\n\
         | N4 | Answered directly | Monitoring & reporting to the Kasi | 2 h over |\n\
         | N7 | Dinas Kesehatan | Forwarding to the department | 2 h over |\n\
         | N2 | Answered directly | Monitoring & reporting to the Kasi | 1 h over |"
    );
    assert!(
        md.contains(
            "To:\n\n- The Wali Kota (Mayor)\n- The Heads of the Perangkat Daerah (city departments)\n\n\
             Dear Sir or Madam,\n\n"
        ),
        "{md}"
    );
    let html = page(&site(work.path()), "bulan/2026-11/surat.html");
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{html}"
    );
    assert!(
        html.contains("<small class=\"tnote\">▼ below target</small>"),
        "{html}"
    );
}

#[test]
fn the_first_month_has_nothing_to_compare_with() {
    let work = built(&fixture("letter/small"), &[]);
    let md = page(&site(work.path()), "bulan/2026-10/surat.md");
    assert_eq!(
        block(&md, "| Tahap | Oktober 2026 | Target | September 2026 |"),
        "| Tahap | Oktober 2026 | Target | September 2026 |\n\
         |---|--:|--:|--:|\n\
         | Pemantauan & penyampaian ke Kasi | **50,0%** (2 dari 4) ▼ di bawah target | 90% | – |\n\
         | Analisis & disposisi | **100,0%** (4 dari 4) | 90% | – |\n\
         | Penerusan ke Perangkat Daerah | **100,0%** (2 dari 2) | 90% | – |\n\
         | Total (posting sampai selesai di Diskominfo) | **50,0%** (2 dari 4) ▼ di bawah target | 80% | – |"
    );
    assert!(
        md.contains(
            "## Perubahan dibanding bulan lalu\n\n\
             - Tidak ada data bulan September 2026 untuk dibandingkan.\n"
        ),
        "{md}"
    );
    // October: O3 one hour past its limit, O2 half an hour; no commentary.
    assert_eq!(
        block(&md, "| Nomor | Perangkat Daerah | Tahap | Keterlambatan |"),
        "| Nomor | Perangkat Daerah | Tahap | Keterlambatan |\n\
         |---|---|---|---|\n\
         | O3 | Dinas Kesehatan | Pemantauan & penyampaian ke Kasi | lewat 1 jam |\n\
         | O2 | Dijawab Langsung | Pemantauan & penyampaian ke Kasi | lewat 30 mnt |"
    );
    assert!(!md.contains("## Catatan"), "{md}");
    // Up to the month's page, on to November's letter.
    assert!(
        md.contains(
            "[Bulan Oktober 2026](../../bulan/2026-10/index.md) · \
             [Surat November 2026](../../bulan/2026-11/surat.md)\n"
        ),
        "{md}"
    );
}

#[test]
fn a_month_the_data_does_not_cover_says_so() {
    // The small site: as of Wednesday 4 November 2026 09.00 WIB, the data from Monday
    // 26 October 08.00; no targets, so no target column.
    let work = built(&fixture("site/small"), &[]);
    let site = site(work.path());
    let md = page(&site, "bulan/2026-11/surat.md");
    assert!(
        md.contains("**Periode ini belum lengkap: data s.d. Rabu, 4 November 2026 09.00 WIB.**\n"),
        "{md}"
    );
    assert_eq!(
        block(&md, "| Tahap | November 2026 | Oktober 2026 |"),
        "| Tahap | November 2026 | Oktober 2026 |\n\
         |---|--:|--:|\n\
         | Pemantauan & penyampaian ke Kasi | **100,0%** (5 dari 5) | 75,0% (3 dari 4) |\n\
         | Analisis & disposisi | **75,0%** (3 dari 4) | 100,0% (4 dari 4) |\n\
         | Penerusan ke Perangkat Daerah | **66,7%** (2 dari 3) | 66,7% (2 dari 3) |\n\
         | Total (posting sampai selesai di Diskominfo) | **100,0%** (4 dari 4) | 50,0% (2 dari 4) |"
    );
    assert!(
        md.contains(
            "- Penerusan ke Perangkat Daerah: tetap 66,7%.\n\
             - Total (posting sampai selesai di Diskominfo): naik 50,0 poin, dari 50,0% menjadi 100,0%.\n\
             - Jumlah pengaduan naik 1, dari 4 menjadi 5.\n\n\
             Perbandingan ini memakai data yang belum lengkap (November 2026: data s.d. Rabu, \
             4 November 2026 09.00 WIB; Oktober 2026: data mulai Senin, 26 Oktober 2026 08.00 \
             WIB); angkanya masih dapat berubah.\n"
        ),
        "{md}"
    );
    // Without [record]: the office's name heads the letter; nobody signs.
    assert!(
        md.starts_with(
            "# Bulan November 2026\n\n**Diskominfostandi Kota Bekasi**\n\n\
             **Laporan Pengaduan Masyarakat melalui Media Sosial**\n\n"
        ),
        "{md}"
    );
    let html = page(&site, "bulan/2026-11/surat.html");
    assert!(
        html.contains(
            "<p class=\"notice\">Periode ini belum lengkap: data s.d. Rabu, 4 November 2026 09.00 WIB.</p>"
        ),
        "{html}"
    );
    assert!(!html.contains("record-sign"), "{html}");
}

#[test]
fn month_pages_and_the_overview_link_to_the_letter_and_weeks_do_not() {
    let work = built(&fixture("letter/small"), &[]);
    let site = site(work.path());
    let link =
        "<p class=\"letter-link\"><a href=\"..&#x2F;..&#x2F;bulan&#x2F;2026-11&#x2F;surat.html\">\
        Surat laporan November 2026 untuk Wali Kota dan Perangkat Daerah (satu halaman A4)</a></p>";
    assert!(
        page(&site, "bulan/2026-11/index.html").contains(link),
        "no link to the letter on the month's page"
    );
    assert!(page(&site, "bulan/2026-11/index.md").contains(
        "[Surat laporan November 2026 untuk Wali Kota dan Perangkat Daerah (satu halaman A4)]\
         (../../bulan/2026-11/surat.md)\n"
    ));
    assert!(!page(&site, "minggu/2026-W45/index.html").contains("letter-link"));
    // The overview links the latest month's letter.
    assert!(page(&site, "index.html")
        .contains("<p class=\"letter-link\"><a href=\"bulan&#x2F;2026-11&#x2F;surat.html\">"));
    assert!(!page(&site, "index.html").contains("2026-10&#x2F;surat.html"));
}

#[test]
fn citizens_markup_in_a_late_item_stays_inert() {
    let work = workdir(&fixture("letter/small"));
    // A ninth November item, three days late in its first step, whose ticket, department
    // and text carry HTML and Markdown.
    let export = work.path().join("data/Laporan November 2026.csv");
    let mut csv = std::fs::read_to_string(&export).unwrap();
    csv.push_str(
        "T<b>9</b>|*x*;Twitter;Pengaduan;@warga_n9;10/11/2026 08.00;13/11/2026 08.00;\
         13/11/2026 08.05;Teruskan;<img src=x onerror=alert(1)> **Dinas** [klik](javascript:alert(1)) | # Judul;\
         13/11/2026 08.10;Rina;<script>alert(1)</script> **tebal**;\n",
    );
    std::fs::write(&export, csv).unwrap();
    patuh(work.path(), &["build", "--out", "site"]).success();
    let site = site(work.path());
    let html = page(&site, "bulan/2026-11/surat.html");
    assert!(
        html.contains(
            "<tr><th scope=\"row\" data-label=\"Nomor\">T&lt;b&gt;9&lt;&#x2F;b&gt;|*x*</th>\
             <td data-label=\"Perangkat Daerah\">&lt;img src=x onerror=alert(1)&gt; **Dinas** \
             [klik](javascript:alert(1)) | # Judul</td>\
             <td data-label=\"Tahap\">Pemantauan &amp; penyampaian ke Kasi</td>\
             <td class=\"gap\" data-label=\"Keterlambatan\">lewat 2 hari 23 jam</td></tr>"
        ),
        "{html}"
    );
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(!html.contains("alert(1)</script>"), "{html}");
    let md = page(&site, "bulan/2026-11/surat.md");
    assert!(
        md.contains(
            "| T\\<b>9\\</b>\\|\\*x\\* | \\<img src=x onerror=alert(1)> \\*\\*Dinas\\*\\* \
             \\[klik\\](javascript:alert(1)) \\| # Judul | Pemantauan & penyampaian ke Kasi | \
             lewat 2 hari 23 jam |\n"
        ),
        "{md}"
    );
    // The citizen's text is on no line of the letter.
    assert!(!md.contains("tebal"), "{md}");
}

#[test]
fn snapshot_sample_letter_md() {
    let work = built(repo(), &[]);
    let md = page(&site(work.path()), "bulan/2026-11/surat.md");
    insta::assert_snapshot!("sample_letter_md", md);
}

#[test]
fn the_office_names_whom_the_letter_is_addressed_to() {
    let work = workdir(&fixture("letter/small"));
    // `[record]` is the fixture's last table: its lines that are not blank, escaped.
    let toml = work.path().join("patuh.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text.push_str(
        "letter_to = [\"Wali Kota Bekasi\", \"  \", \"Sekretaris Daerah <Setda> & *PD*\"]\n",
    );
    std::fs::write(&toml, text).unwrap();
    patuh(work.path(), &["build", "--out", "site"]).success();
    let site = site(work.path());
    assert!(
        page(&site, "bulan/2026-11/surat.md").contains(
            "Kepada Yth.\n\n- Wali Kota Bekasi\n- Sekretaris Daerah \\<Setda> & \\*PD\\*\n\ndi Tempat\n"
        ),
        "{}",
        page(&site, "bulan/2026-11/surat.md")
    );
    assert!(page(&site, "bulan/2026-11/surat.html").contains(
        "<ul><li>Wali Kota Bekasi</li><li>Sekretaris Daerah &lt;Setda&gt; &amp; *PD*</li></ul>"
    ));
}

#[test]
fn a_late_items_ticket_and_department_are_masked_like_the_pages() {
    let work = workdir(&fixture("letter/small"));
    // A ninth November item, a day late in its first step, whose ticket is a phone number
    // and whose department names a NIK.
    let export = work.path().join("data/Laporan November 2026.csv");
    let mut csv = std::fs::read_to_string(&export).unwrap();
    csv.push_str(
        "0812-3456-7890;WhatsApp;Pengaduan;@warga_n9;10/11/2026 08.00;11/11/2026 09.00;\
         11/11/2026 09.05;Teruskan;Kelurahan 3201234567890123;11/11/2026 09.10;Rina;Isi;\n",
    );
    std::fs::write(&export, csv).unwrap();
    patuh(work.path(), &["build", "--out", "site"]).success();
    let md = page(&site(work.path()), "bulan/2026-11/surat.md");
    assert!(
        md.contains(
            "| 08••-••••-••90 | Kelurahan ••••••••••••0123 | Pemantauan & penyampaian ke Kasi | lewat 1 hari |\n"
        ),
        "{md}"
    );
    assert!(!md.contains("3456"), "{md}");
}
