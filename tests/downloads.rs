//! The CSV registers the site offers: one per department and period, cells a spreadsheet
//! would execute neutralised, personal data masked like on the pages.

use std::path::Path;

use chrono::{TimeZone, Utc};
use patuh::config::Config;

#[test]
fn registers_neutralise_formulas_and_mask_personal_data() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("ekspor.csv"),
        "No Tiket;Waktu Posting;Waktu Lapor;Waktu Disposisi;Disposisi;Perangkat Daerah;Waktu Diteruskan;Admin;Isi\n\
         =1+1;02/11/2026 09.00;02/11/2026 09.30;02/11/2026 09.35;Teruskan;Dinas Sosial;02/11/2026 09.40;@admin;-hubungi 081234567890\n",
    )
    .unwrap();
    let out = work.path().join("site");
    let options = patuh::BuildOptions {
        data_dir: data,
        out_dir: out.clone(),
        as_of: None,
        now: Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap(),
    };
    patuh::build(
        &Config::parse("", Path::new("patuh.toml")).unwrap(),
        &options,
    )
    .unwrap();
    let bytes = std::fs::read(out.join("minggu/2026-W45/dinas-sosial.csv")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a BOM, so Excel reads UTF-8"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let row: Vec<String> = reader
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].clone();
    assert_eq!(cell("id"), "'=1+1");
    assert_eq!(cell("admin"), "'@admin");
    assert_eq!(cell("text"), "'-hubungi 08••••••••90");
    assert_eq!(cell("department"), "Dinas Sosial");
    assert_eq!(cell("posted_at"), "2026-11-02 09:00:00");
    // 09:00 → 09:30 is 1800 s, within the 3600 s of pemantauan.
    assert_eq!(
        (cell("pemantauan_status"), cell("pemantauan_seconds")),
        ("met".into(), "1800".into())
    );
    assert_eq!(
        (cell("end_to_end_status"), cell("end_to_end_seconds")),
        ("met".into(), "2400".into())
    );
    // The department page links to it.
    let page = std::fs::read_to_string(out.join("minggu/2026-W45/dinas-sosial.html")).unwrap();
    assert!(page.contains("href=\"dinas-sosial.csv\""), "{page}");
}
