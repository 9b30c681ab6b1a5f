//! The printed record (issue 12): the letterhead, document number and signature blocks of
//! period and department pages from `[record]` (else `[signature]`), the page numbers of
//! every printed page, the logo copied into the site, and the warning on signers' names
//! and NIPs that are still placeholders (`patuh build` and `patuh check`).
//!
//! Built from the small fixture (tests/fixtures/site/small): weeks 2026-W44 (26 October –
//! 1 November, complete) and 2026-W45 (still running at the as-of moment, Wednesday
//! 4 November 2026 09.00 WIB).

use std::path::Path;

use crate::support::pages::page;
use crate::support::{fixture, patuh, workdir};

/// The small fixture's `[departments]`, followed by `extra`.
fn config(extra: &str) -> String {
    format!(
        "timezone = \"Asia/Jakarta\"\ndate_order = \"dmy\"\noffice = \"Diskominfostandi Kota Bekasi\"\n\n\
         [departments]\n\"Dinas Perhubungan\" = [\"Dishub\"]\n\"Dinas Kesehatan\" = [\"Dinkes\"]\n\n{extra}"
    )
}

/// The `[record]` of the tests: fictional signers.
const RECORD: &str = "[signature]\nplace = \"Bekasi\"\n\n\
    [record]\n\
    office = \"Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi\"\n\
    address = \"Jl. Contoh No. 1, Bekasi\"\n\
    logo = \"logo.png\"\n\
    number = \"{period}/LKIP/{year}/{month}\"\n\
    prepared_by = { role = \"Kepala Seksi LKIP\", name = \"Ani Lestari\", nip = \"19800101 200501 2 001\" }\n\
    approved_by = { role = \"Kepala Dinas\", name = \"Budi Santoso\", nip = \"19700202 199503 1 002\" }\n";

const LOGO: &[u8] = b"\x89PNG\r\n\x1a\nnot really a picture";

/// The small fixture with `patuh.toml` replaced by `toml` (and the logo beside it), built
/// by the binary with `extra` arguments into `site`: the work folder and the run.
fn built(toml: &str, extra: &[&str]) -> (tempfile::TempDir, crate::support::Ran) {
    let work = workdir(&fixture("site/small"));
    std::fs::write(work.path().join("patuh.toml"), toml).unwrap();
    std::fs::write(work.path().join("logo.png"), LOGO).unwrap();
    let ran = patuh(work.path(), &[&["build", "--out", "site"], extra].concat()).success();
    (work, ran)
}

fn site(work: &Path) -> std::path::PathBuf {
    work.join("site")
}

#[test]
fn period_and_department_pages_carry_letterhead_number_and_signatures() {
    let (work, ran) = built(&config(RECORD), &[]);
    let site = site(work.path());
    // The logo is copied into the site's assets.
    assert_eq!(std::fs::read(site.join("assets/logo.png")).unwrap(), LOGO);
    let letterhead = "<main id=\"isi\">\n<div class=\"letterhead\">\n\
        <div class=\"kop\"><img class=\"logo\" src=\"..&#x2F;..&#x2F;assets&#x2F;logo.png\" alt=\"\">\
        <div><p class=\"kop-office\">Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi</p>\
        <p class=\"kop-address\">Jl. Contoh No. 1, Bekasi</p></div></div>\n\
        <p class=\"record-title\">Laporan Kepatuhan SOP Penanganan Pengaduan Media Sosial</p>\n\
        <p class=\"record-number\">Nomor: 2026-W44&#x2F;LKIP&#x2F;2026&#x2F;10</p>\n</div>\n<h1>";
    // Dated the day W44 settled, its last day, Sunday 1 November (not the as-of day,
    // Wednesday the 4th): its one step still open, S07's forwarding (disposed on 29 October
    // at 20.25), went past its 15 minutes that evening, and stays overdue at any later
    // as-of.
    let signatures = "<section class=\"record-sign\" aria-label=\"Mengetahui, Dibuat oleh,\">\n\
        <div class=\"signer\"><p class=\"signer-date\">&nbsp;</p><p>Mengetahui,<br>Kepala Dinas</p>\
        <p class=\"sign-space\"></p><p class=\"signer-name\"><strong>Budi Santoso</strong></p>\
        <p>NIP 19700202 199503 1 002</p></div>\n\
        <div class=\"signer\"><p class=\"signer-date\">Bekasi, 1 November 2026</p>\
        <p>Dibuat oleh,<br>Kepala Seksi LKIP</p><p class=\"sign-space\"></p>\
        <p class=\"signer-name\"><strong>Ani Lestari</strong></p><p>NIP 19800101 200501 2 001</p></div>\n\
        </section>";
    // The header and the page numbers of every printed page.
    let page_rule = "<style>@page { @top-left { content: \"Dinas Komunikasi, Informatika, \
        Statistik dan Persandian Kota Bekasi\"; } @bottom-right { content: \"Halaman \" \
        counter(page) \" dari \" counter(pages); } }</style>";
    for path in [
        "minggu/2026-W44/index.html",
        "minggu/2026-W44/dinas-perhubungan.html",
    ] {
        let html = page(&site, path);
        assert!(html.contains(letterhead), "{path}:\n{html}");
        assert!(html.contains(signatures), "{path}:\n{html}");
        assert!(html.contains(page_rule), "{path}:\n{html}");
    }
    // The Markdown twin: the letterhead under the title, the signatures at the end. W45
    // still runs: dated the as-of day, Wednesday 4 November.
    let md = page(&site, "minggu/2026-W45/dinas-perhubungan.md");
    assert!(
        md.starts_with(
            "# Dinas Perhubungan · Pekan ke-45 (2–8 November 2026)\n\n\
             **Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi**\n\n\
             Jl. Contoh No. 1, Bekasi\n\n\
             **Laporan Kepatuhan SOP Penanganan Pengaduan Media Sosial**\n\n\
             Nomor: 2026-W45/LKIP/2026/11\n\n\
             Diskominfostandi Kota Bekasi · 2 November 2026 – 8 November 2026 · "
        ),
        "{md}"
    );
    assert!(
        md.ends_with(
            "\n\nMengetahui, Kepala Dinas\n\n**Budi Santoso**\n\nNIP 19700202 199503 1 002\n\n\
             Bekasi, 4 November 2026\n\nDibuat oleh, Kepala Seksi LKIP\n\n**Ani Lestari**\n\n\
             NIP 19800101 200501 2 001\n"
        ),
        "{md}"
    );
    // A month: {month} from the month, number of November.
    let month = page(&site, "bulan/2026-11/index.md");
    assert!(
        month.contains("\n\nNomor: 2026-11/LKIP/2026/11\n\n"),
        "{month}"
    );
    // Other pages have neither, and their own header.
    let index = page(&site, "index.html");
    assert!(!index.contains("letterhead") && !index.contains("record-sign"));
    assert!(index.contains("@top-left { content: \"Diskominfostandi Kota Bekasi · "));
    // Real names and NIPs: no warning.
    assert!(!ran.stderr.contains("Peringatan"), "{}", ran.stderr);
}

#[test]
fn the_record_in_english() {
    let (work, _) = built(&config(RECORD), &["--lang", "en"]);
    let html = page(&site(work.path()), "minggu/2026-W44/index.html");
    for expected in [
        "<p class=\"record-title\">Report on SOP compliance in handling social media complaints</p>\n\
         <p class=\"record-number\">Number: 2026-W44&#x2F;LKIP&#x2F;2026&#x2F;10</p>",
        "<p>Acknowledged by,<br>Kepala Dinas</p>",
        "<p class=\"signer-date\">Bekasi, 1 November 2026</p><p>Prepared by,<br>Kepala Seksi LKIP</p>",
        "@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); }",
    ] {
        assert!(html.contains(expected), "{expected}\n{html}");
    }
}

#[test]
fn without_signers_in_record_the_signature_block_signs() {
    // [record] with only a letterhead (its office defaults to `office`): the older
    // [signature] signs, on period and department pages alike.
    let toml = config(
        "[signature]\nplace = \"Bekasi\"\nrole = \"Kepala Dinas\"\nname = \"Budi Santoso\"\n\
         nip = \"19700202 199503 1 002\"\n\n[record]\naddress = \"Jl. Contoh No. 1\"\n",
    );
    let (work, ran) = built(&toml, &[]);
    let site = site(work.path());
    let sign_on = |day: &str| {
        format!(
            "<section class=\"record-sign\" aria-label=\"Mengetahui,\">\n\
             <div class=\"signer\"><p class=\"signer-date\">Bekasi, {day}</p>\
             <p>Mengetahui,<br>Kepala Dinas</p><p class=\"sign-space\"></p>\
             <p class=\"signer-name\"><strong>Budi Santoso</strong></p><p>NIP 19700202 199503 1 002</p></div>\n\
             </section>"
        )
    };
    let sign = sign_on("1 November 2026");
    // W44 as a whole still has S07 open (never forwarded), but past its limit since 29
    // October: settled when the week ended, and signed on that day. So is its Dinas
    // Kesehatan page, which holds S04 alone, forwarded on 1 November at 19.55.
    for (path, sign) in [
        ("minggu/2026-W44/index.html", sign.clone()),
        (
            "minggu/2026-W44/dinas-kesehatan.html",
            sign_on("1 November 2026"),
        ),
    ] {
        let html = page(&site, path);
        assert!(html.contains(&sign), "{path}:\n{html}");
        assert!(
            html.contains("<p class=\"kop-office\">Diskominfostandi Kota Bekasi</p><p class=\"kop-address\">Jl. Contoh No. 1</p>"),
            "{path}:\n{html}"
        );
        // No number configured: no number line.
        assert!(!html.contains("record-number"), "{path}");
    }
    assert!(!ran.stderr.contains("Peringatan"), "{}", ran.stderr);
    // Without [record] there is no letterhead; the signature stays.
    let (work, _) = built(
        &config("[signature]\nplace = \"Bekasi\"\nrole = \"Kepala Dinas\"\nname = \"Budi Santoso\"\nnip = \"19700202 199503 1 002\"\n"),
        &[],
    );
    let html = page(&site_of(&work), "minggu/2026-W44/index.html");
    assert!(!html.contains("class=\"letterhead\""));
    assert!(html.contains(&sign), "{html}");
}

fn site_of(work: &tempfile::TempDir) -> std::path::PathBuf {
    site(work.path())
}

/// Signers whose name or NIP is still a placeholder.
const PLACEHOLDERS: &str = "[record]\n\
    prepared_by = { role = \"Kepala Seksi LKIP\", name = \"...\", nip = \"NIP\" }\n\
    approved_by = { role = \"Kepala Dinas\", name = \"(nama Kepala Dinas)\", nip = \"19700202 199503 1 002\" }\n";

#[test]
fn placeholder_signers_are_warned_about_in_build_and_check() {
    let (work, ran) = built(&config(PLACEHOLDERS), &[]);
    let id = "Peringatan: record.prepared_by.name di patuh.toml belum diisi (\"...\"): tulis nama penanda tangan agar laporan yang dicetak dapat ditandatangani.\n\
        Peringatan: record.prepared_by.nip di patuh.toml belum diisi (\"NIP\"): tulis NIP penanda tangan agar laporan yang dicetak dapat ditandatangani.\n\
        Peringatan: record.approved_by.name di patuh.toml belum diisi (\"(nama Kepala Dinas)\"): tulis nama penanda tangan agar laporan yang dicetak dapat ditandatangani.\n";
    assert!(ran.stderr.ends_with(id), "{}", ran.stderr);
    let check = patuh(work.path(), &["check"]).success();
    assert!(
        check.stdout.ends_with(&format!("\n\n{id}")),
        "{}",
        check.stdout
    );
    let en = patuh(work.path(), &["check", "--lang", "en"]).success();
    assert!(
        en.stdout.ends_with(
            "\n\nWarning: record.prepared_by.name in patuh.toml is not filled in (\"...\"): write the signer's name so that the printed report can be signed.\n\
             Warning: record.prepared_by.nip in patuh.toml is not filled in (\"NIP\"): write the signer's NIP so that the printed report can be signed.\n\
             Warning: record.approved_by.name in patuh.toml is not filled in (\"(nama Kepala Dinas)\"): write the signer's name so that the printed report can be signed.\n"
        ),
        "{}",
        en.stdout
    );
    let json = patuh(work.path(), &["check", "--format", "json"]).success();
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        json["run"]["warnings"],
        serde_json::json!([
            {"key": "record.prepared_by.name", "value": "...",
             "message": "Warning: record.prepared_by.name in patuh.toml is not filled in (\"...\"): write the signer's name so that the printed report can be signed."},
            {"key": "record.prepared_by.nip", "value": "NIP",
             "message": "Warning: record.prepared_by.nip in patuh.toml is not filled in (\"NIP\"): write the signer's NIP so that the printed report can be signed."},
            {"key": "record.approved_by.name", "value": "(nama Kepala Dinas)",
             "message": "Warning: record.approved_by.name in patuh.toml is not filled in (\"(nama Kepala Dinas)\"): write the signer's name so that the printed report can be signed."},
        ])
    );
    // The page prints what was written: the signer fills in the rest by hand.
    let html = page(&site_of(&work), "minggu/2026-W44/index.html");
    assert!(
        html.contains("<strong>...</strong></p><p>NIP NIP</p>"),
        "{html}"
    );
    // Without a record, [signature]'s placeholders are warned about (the sample's old
    // ones).
    let (_, ran) = built(
        &config("[signature]\nplace = \"Bekasi\"\nrole = \"Kepala Dinas\"\nname = \"(nama pejabat)\"\nnip = \"(NIP pejabat)\"\n"),
        &[],
    );
    assert!(
        ran.stderr.ends_with(
            "Peringatan: signature.name di patuh.toml belum diisi (\"(nama pejabat)\"): tulis nama penanda tangan agar laporan yang dicetak dapat ditandatangani.\n\
             Peringatan: signature.nip di patuh.toml belum diisi (\"(NIP pejabat)\"): tulis NIP penanda tangan agar laporan yang dicetak dapat ditandatangani.\n"
        ),
        "{}",
        ran.stderr
    );
}
