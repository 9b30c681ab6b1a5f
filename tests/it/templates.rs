//! Templates: the built-in ones are used unless a file of the same name sits in a
//! `templates/` folder beside patuh.toml; `patuh init --templates` writes them to edit.

use crate::support::pages::page;
use crate::support::{patuh, Ran};

#[test]
fn init_writes_the_configuration_and_templates_and_an_edited_template_is_used() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let Ran {
        code, stderr: err, ..
    } = patuh(dir, &["init", "--templates"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(dir.join("patuh.toml").is_file());
    assert!(dir.join("templates/period.html").is_file());
    assert!(dir.join("templates/assets/style.css").is_file());
    // init never overwrites.
    let Ran {
        code, stderr: err, ..
    } = patuh(dir, &["init"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        "Kesalahan: ./patuh.toml sudah ada: patuh init tidak pernah menimpa berkas; \
         pindahkan berkas itu terlebih dahulu\n"
    );

    // The office edits one template; the others stay built in.
    let index_md = dir.join("templates/index.md");
    let edited = std::fs::read_to_string(&index_md).unwrap().replacen(
        "# {{ title }}",
        "# {{ title }} (versi kantor)",
        1,
    );
    std::fs::write(&index_md, edited).unwrap();
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::write(
        dir.join("data/ekspor.csv"),
        "No Tiket;Waktu Posting;Waktu Lapor\nT1;02/11/2026 09.00;02/11/2026 09.30\n",
    )
    .unwrap();
    let Ran {
        code, stderr: err, ..
    } = patuh(dir, &["build"]);
    assert_eq!(code, Some(0), "{err}");
    let index = page(&dir.join("site"), "index.md");
    assert!(
        index.starts_with("# Kepatuhan SOP Pengaduan Media Sosial (versi kantor)\n"),
        "{index}"
    );
    let html = page(&dir.join("site"), "index.html");
    assert!(
        !html.contains("versi kantor"),
        "only the edited template changed"
    );
}

#[test]
fn the_style_sheet_closes_every_block_it_opens() {
    // A block left open (a merge that dropped a `}`) moves every later rule inside it,
    // e.g. screen rules into `@media print`, and no page test notices.
    let css = include_str!("../../templates/assets/style.css");
    let mut depth = 0i32;
    for (n, line) in css.lines().enumerate() {
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "line {}: `}}` closes nothing", n + 1);
        }
        // Every section comment (`/* name */` at the start of a line) is at the top level.
        if line.starts_with("/*") {
            assert_eq!(depth, 0, "line {}: {line} is inside a block", n + 1);
        }
    }
    assert_eq!(depth, 0);
}
