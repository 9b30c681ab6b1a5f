//! The method page in plain words (issue 12): the steps with their owners, the statuses,
//! and the percentages of the latest week worked through, on the small fixture
//! (tests/fixtures/site/small/README.md works its numbers out by hand).
//!
//! Its latest week, 2026-W45: pemantauan 4 on time of 4 (100,0 %); disposisi 3 of 3
//! (S08 pending); penerusan 1 of 2 (S09 late; S06 and S08 not applicable); the total 3 of
//! 3 (S08 pending). Pemantauan was 80,0 % in W44 (4 of 5): +20,0 points.

use crate::support::pages::page;
use crate::support::{build_work, fixture, workdir};

/// The small fixture's site, built in `lang`.
fn method_pages(lang: &str) -> (String, String) {
    let work = workdir(&fixture("site/small"));
    let toml = std::fs::read_to_string(work.path().join("patuh.toml")).unwrap();
    std::fs::write(
        work.path().join("patuh.toml"),
        format!("{toml}\n").replace("lang       = \"id\"", &format!("lang = \"{lang}\"")),
    )
    .unwrap();
    let out = work.path().join("site");
    build_work(work.path(), &out);
    (page(&out, "metode.html"), page(&out, "metode.md"))
}

#[test]
fn the_method_page_works_the_latest_week_through() {
    let (html, md) = method_pages("id");
    for expected in [
        "- **Pemantauan & penyampaian ke Kasi** — tugas Admin Medsos. Dari saat warga memposting aduannya sampai saat admin menyampaikannya ke Kasi; batas waktu **1 jam**; berlaku untuk semua item.\n\
         - **Analisis & disposisi** — tugas Kasi. Dari saat admin menyampaikannya ke Kasi sampai saat Kasi memberi disposisi; batas waktu **10 mnt**; berlaku untuk semua item.\n\
         - **Penerusan ke Perangkat Daerah** — tugas Admin Medsos. Dari saat Kasi memberi disposisi sampai saat aduan diterima admin Perangkat Daerah; batas waktu **15 mnt**; berlaku untuk item yang diteruskan ke Perangkat Daerah.\n",
        "Batas waktunya jumlah batas tahap yang berlaku: 1 jam 25 mnt untuk aduan yang diteruskan ke Perangkat Daerah, 1 jam 10 mnt untuk aduan lain.",
        "Contoh, Pekan ke-45 (2–8 November 2026):\n\n\
         - **Pemantauan & penyampaian ke Kasi**: 4 tepat waktu dari 4 yang terukur = **100,0%**.\n\
         - **Analisis & disposisi**: 3 tepat waktu dari 3 yang terukur = **100,0%** (tidak dihitung: 1 dalam proses).\n\
         - **Penerusan ke Perangkat Daerah**: 1 tepat waktu dari 2 yang terukur = **50,0%** (tidak dihitung: 2 tidak berlaku).\n\
         - **Total (posting sampai selesai di Diskominfo)**: 3 tepat waktu dari 3 yang terukur = **100,0%** (tidak dihitung: 1 dalam proses).\n",
        "Contoh: Pemantauan & penyampaian ke Kasi 80,0% pada Pekan ke-44 (26 Oktober – 1 November 2026) menjadi 100,0% pada Pekan ke-45 (2–8 November 2026), jadi perubahannya **+20,0 poin**.",
        "| Pemantauan & penyampaian ke Kasi | pemantauan | posted_at | reported_at | 1 jam | semua item |",
    ] {
        assert!(md.contains(expected), "{expected}\n---\n{md}");
    }
    // Field names only in the technical appendix, after the plain words.
    let appendix = md.find("## Lampiran teknis").unwrap();
    assert!(md.find("posted_at").unwrap() > appendix, "{md}");
    for expected in [
        "<li><strong>Penerusan ke Perangkat Daerah</strong>: 1 tepat waktu dari 2 yang terukur = <strong>50,0%</strong> (tidak dihitung: 2 tidak berlaku).</li>",
        "<li><strong>Analisis &amp; disposisi</strong> — tugas Kasi. Dari saat admin menyampaikannya ke Kasi sampai saat Kasi memberi disposisi; batas waktu <strong>10 mnt</strong>; berlaku untuk semua item.</li>",
        "jadi perubahannya <strong>+20,0 poin</strong>.",
    ] {
        assert!(html.contains(expected), "{expected}\n---\n{html}");
    }
}

#[test]
fn the_method_page_in_english() {
    let (html, md) = method_pages("en");
    for expected in [
        "- **Analysis & disposition**: 3 on time of 3 measured = **100.0%** (left out: 1 in progress).",
        "- **Forwarding to the department**: 1 on time of 2 measured = **50.0%** (left out: 2 not applicable).",
        "a change of **+20.0 points**.",
    ] {
        assert!(md.contains(expected), "{expected}\n---\n{md}");
    }
    assert!(html.contains("owned by the Kasi (section head). From the moment the admin passes it to the Kasi until the Kasi gives the disposition;"), "{html}");
}
