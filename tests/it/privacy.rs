//! Personal data on the published site: masked by default (UU 27/2022), shown only when
//! the office turns masking off.

use std::path::Path;

use crate::support::pages::{page, site_files};
use crate::support::{self, config, one_export};
use patuh::config::Config;

const PHONE: &str = "0812-3456-7890";
const WA: &str = "https://wa.me/6281234567890";
const EMAIL: &str = "budi.warga@gmail.com";
const NIK: &str = "3275012345678901";

/// Builds a one-item site with `config_text`; gives every published file's text.
fn build(config_text: &str) -> Vec<(String, String)> {
    let csv = format!(
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Akun;Isi;Tautan\n\
         T1;02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;Teruskan;Dinas Sosial;02/11/2026 09.40;{PHONE};\
         Tolong hubungi {PHONE} atau {EMAIL}, NIK saya {NIK};{WA}\n"
    );
    let work = one_export("ekspor.csv", csv);
    let out = work.path().join("site");
    support::build(&config(config_text), &work.path().join("data"), &out).unwrap();
    site_files(&out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html") || path.ends_with(".md"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn personal_data_is_masked_on_every_page_by_default() {
    let pages = build("");
    let register = pages
        .iter()
        .find(|(p, _)| p.ends_with("minggu/2026-W45/dinas-sosial.html"))
        .map(|(_, t)| t)
        .expect("the department page");
    // The masked text is there, so the item is shown, not dropped.
    assert!(register.contains("08••-••••-••90"), "{register}");
    assert!(register.contains("b•••@g•••.com"), "{register}");
    assert!(register.contains("••••••••••••8901"), "{register}");
    // The wa.me link holds a phone number: no link to it.
    assert!(!register.contains("wa.me"), "{register}");
    for (path, text) in &pages {
        for secret in [PHONE, "6281234567890", EMAIL, NIK] {
            assert!(!text.contains(secret), "{path} shows {secret}");
        }
    }
    let method = pages
        .iter()
        .find(|(p, _)| p.ends_with("metode.html"))
        .unwrap();
    // Tera writes `/` as `&#x2F;` in HTML.
    assert!(
        method.1.contains("UU 27&#x2F;2022"),
        "the method page says what is masked"
    );
}

#[test]
fn masking_can_be_turned_off_for_an_internal_site() {
    let pages = build("mask_personal_data = false\n");
    let register = &pages
        .iter()
        .find(|(p, _)| p.ends_with("minggu/2026-W45/dinas-sosial.html"))
        .unwrap()
        .1;
    assert!(register.contains(PHONE), "{register}");
    assert!(register.contains(EMAIL), "{register}");
    assert!(
        register.contains("href=\"https:&#x2F;&#x2F;wa.me&#x2F;6281234567890\""),
        "{register}"
    );
    let method = &pages
        .iter()
        .find(|(p, _)| p.ends_with("metode.html"))
        .unwrap()
        .1;
    assert!(method.contains("mask_personal_data = false"), "{method}");
}

/// A phone number that the cut of a long text (160 characters in tables) or of an issue's
/// value (300 characters) splits is masked as a whole: no page shows its first digits.
#[test]
fn numbers_split_by_a_cut_are_masked_whole() {
    // The text's 160th character is the number's 6th; the unreadable posting time's
    // 300th character is the number's 5th.
    let text = format!("{} 081234567890 akhir", "x".repeat(154));
    let posted = format!("{} 081234567890", "y".repeat(295));
    let csv = format!(
        "No Tiket;Waktu Posting;Waktu Lapor;Isi\n\
         T1;02/11/2026 09.00;02/11/2026 09.30;{text}\n\
         T2;{posted};02/11/2026 10.30;isi\n"
    );
    let work = one_export("ekspor.csv", csv);
    let out = work.path().join("site");
    support::build(&Config::default(), &work.path().join("data"), &out).unwrap();
    let mut shown_masked = 0;
    for (path, bytes) in site_files(&out) {
        let page = String::from_utf8_lossy(&bytes);
        assert!(!page.contains("08123"), "{path} shows the number's digits");
        shown_masked += page.matches(" 08•").count();
    }
    // Both cuts show the masked start on some page (tables, quality page, registers).
    assert!(shown_masked >= 2, "{shown_masked}");
}

/// Every number of the identifier fixture, as its digits (separators and full-width digits
/// left out).
const SECRETS: [&str; 18] = [
    "081311112222",     // ticket id (a WhatsApp number)
    "085677778888",     // department
    "6281399990000",    // account, earlier export
    "085711112222",     // account, later export: the two make a conflict
    "087712345678",     // admin
    "081234567891",     // hp0812.3456.7891
    "3275012345678902", // nik3275…
    "0218889999",       // (021) 888-9999
    "02188889990",      // 021-8888-9990
    "081234567893",     // full-width digits
    "3275014501900004", // NIK split by a line break
    "6281234567895",    // wa.me link
    "082155556666",     // department in the earlier export (a conflict)
    "081234567896",     // unreadable posting time
    "081234567897",     // export file name
    "3275012345678905", // export file name
    "081234567898",     // a file passed over
    "081322223333",     // a workbook's sheet
];

/// The texts of every file of a site and the file's path, with digits made ASCII and the
/// separators a number can be written with taken out, so that `0812-3456` reads `08123456`.
fn site_texts(out: &Path) -> Vec<(String, String)> {
    let squeeze = |text: &str| -> String {
        text.chars()
            .filter(|c| {
                !matches!(
                    c,
                    ' ' | '-' | '.' | '(' | ')' | '\n' | '\r' | '\u{a0}' | '\u{2013}' | '+'
                )
            })
            .map(|c| match c {
                '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
                c => c,
            })
            .collect()
    };
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path() != out)
        .map(|e| {
            let relative = e.path().strip_prefix(out).unwrap().display().to_string();
            let text = if e.file_type().is_file() {
                String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned()
            } else {
                String::new()
            };
            (relative.clone(), squeeze(&format!("{relative}\n{text}")))
        })
        .collect()
}

/// Ticket ids, departments, accounts, admins and export file names that are phone numbers
/// or NIK, numbers in every written form, conflicts between exports: no file of the site
/// (page, download, `summary.json`, manifest) and no file name shows six digits in a row of
/// any of them.
#[test]
fn no_file_or_file_name_of_the_site_shows_a_number() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let header = "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;\
                  Waktu Diteruskan;Akun;Admin;Isi;Tautan\n";
    let times = "02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;Teruskan";
    let first = format!(
        "{header}\
         081311112222;{times};0856-7777-8888;02/11/2026 09.40;+62 813 9999 0000;admin 0877 1234 5678;\
         \"hp0812.3456.7891, nik3275012345678902, telp (021) 888-9999 atau 021-8888-9990, \
         \u{ff10}\u{ff18}\u{ff11}\u{ff12}\u{ff13}\u{ff14}\u{ff15}\u{ff16}\u{ff17}\u{ff18}\u{ff19}\u{ff13}, \
         budi [at] gmail [dot] com, NIK 32750145\n01900004\";https://wa.me/6281234567895\n\
         T3;{times};0821-5555-6666;02/11/2026 09.40;;;isi;\n\
         T4;0812-3456-7896;02/11/2026 10.30;;;;;;;isi;\n"
    );
    std::fs::write(data.join("0812-3456-7897.csv"), first).unwrap();
    let later = format!(
        "{header}\
         081311112222;{times};0856-7777-8888;02/11/2026 09.40;0857\u{2013}1111\u{2013}2222;;isi;\n\
         T3;{times};Dinas Sosial;02/11/2026 09.40;;;isi;\n"
    );
    std::fs::write(data.join("z-3275012345678905.csv"), later).unwrap();
    std::fs::write(data.join("0812-3456-7898.pdf"), "not an export").unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("0813 2222 3333").unwrap();
    for (r, row) in [
        header.trim_end(),
        &format!("T5;{times};Dinas Sosial;;;;isi;"),
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.split(';').enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    workbook.save(data.join("buku.xlsx")).unwrap();
    let out = work.path().join("site");
    let outcome = support::build(&Config::default(), &data, &out).unwrap();
    // The fixture makes what it should: two conflicts, the numbers' department, the issue.
    let kinds: Vec<_> = outcome.ledger.issues.iter().map(|i| i.kind).collect();
    assert!(
        kinds
            .iter()
            .filter(|k| **k == patuh::issues::IssueKind::Conflict)
            .count()
            >= 2,
        "{kinds:?}"
    );
    // The file passed over, the sheet and the pages of the numbers' departments are there,
    // masked.
    let quality = page(&out, "kualitas-data.md");
    for shown in [
        "08••-••••-••98.pdf",
        "08•• •••• ••33",
        "z-••••••••••••8905.csv",
    ] {
        assert!(quality.contains(shown), "{shown}: {quality}");
    }
    assert!(out.join("pd/08-88.html").is_file());
    assert!(out.join("minggu/2026-W45/08-88.csv").is_file());
    let texts = site_texts(&out);
    assert!(texts.len() > 20, "{}", texts.len());
    let mut shown = Vec::new();
    for (path, text) in &texts {
        for secret in SECRETS {
            let digits: Vec<char> = secret.chars().collect();
            for window in digits.windows(6) {
                let window: String = window.iter().collect();
                if text.contains(&window) {
                    shown.push(format!("{path} shows {window} of {secret}"));
                }
            }
        }
    }
    assert!(shown.is_empty(), "{}", shown.join("\n"));
}
