//! Personal data on the published site: masked by default (UU 27/2022), shown only when
//! the office turns masking off.

#[allow(dead_code)]
mod common;

use std::path::Path;

use patuh::config::Config;

const PHONE: &str = "0812-3456-7890";
const WA: &str = "https://wa.me/6281234567890";
const EMAIL: &str = "budi.warga@gmail.com";
const NIK: &str = "3275012345678901";

/// Builds a one-item site with `config_text`; gives every published file's text.
fn build(config_text: &str) -> Vec<(String, String)> {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let csv = format!(
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Akun;Isi;Tautan\n\
         T1;02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;Teruskan;Dinas Sosial;02/11/2026 09.40;{PHONE};\
         Tolong hubungi {PHONE} atau {EMAIL}, NIK saya {NIK};{WA}\n"
    );
    std::fs::write(data.join("ekspor.csv"), csv).unwrap();
    let config = Config::parse(config_text, Path::new("patuh.toml")).unwrap();
    let out = work.path().join("site");
    common::build(&config, &data, &out).unwrap();
    walkdir::WalkDir::new(&out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            matches!(
                e.path().extension().and_then(|x| x.to_str()),
                Some("html" | "md")
            )
        })
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().display().to_string(), text)
        })
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
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    // The text's 160th character is the number's 6th; the unreadable posting time's
    // 300th character is the number's 5th.
    let text = format!("{} 081234567890 akhir", "x".repeat(154));
    let posted = format!("{} 081234567890", "y".repeat(295));
    let csv = format!(
        "No Tiket;Waktu Posting;Waktu Lapor;Isi\n\
         T1;02/11/2026 09.00;02/11/2026 09.30;{text}\n\
         T2;{posted};02/11/2026 10.30;isi\n"
    );
    std::fs::write(data.join("ekspor.csv"), csv).unwrap();
    let out = work.path().join("site");
    common::build(&Config::default(), &data, &out).unwrap();
    let mut shown_masked = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let page = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
        let path = entry.path().display();
        assert!(!page.contains("08123"), "{path} shows the number's digits");
        shown_masked += page.matches(" 08•").count();
    }
    // Both cuts show the masked start on some page (tables, quality page, registers).
    assert!(shown_masked >= 2, "{shown_masked}");
}
