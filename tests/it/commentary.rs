//! The office's commentary files (`catatan/<period>.md`): read only from regular files
//! inside the data folder, within a size limit, decoded like the exports; a file that
//! cannot be used is a data issue naming it; nothing in one can make a live script link or
//! a remote image on either page.

use std::path::Path;

use crate::support::{self, build_work, fixture};
use patuh::issues::{IssueKind, Reason};

/// A working folder with the small fixture's exports (weeks 2026-W44 and W45, months
/// 2026-10 and 2026-11).
fn workdir() -> tempfile::TempDir {
    let work = support::workdir(&fixture("site/small"));
    std::fs::create_dir(work.path().join("data/catatan")).unwrap();
    work
}

/// Builds `work` into `work/site`.
fn build(work: &Path) -> patuh::BuildOutcome {
    build_work(work, &work.join("site"))
}

/// A page of the site built in `work`.
fn page(work: &Path, path: &str) -> String {
    support::pages::page(&work.join("site"), path)
}

/// The commentary issues of a build: (file, reason).
fn commentary_issues(outcome: &patuh::BuildOutcome) -> Vec<(String, Reason)> {
    outcome
        .ledger
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::UnusableCommentary)
        .map(|i| (i.location.file.clone(), i.reason.clone()))
        .collect()
}

#[test]
fn a_notepad_ansi_commentary_is_shown_decoded() {
    let work = workdir();
    // "Rapat di Café Bekasi — pukul 10.00" as Notepad saves it in Windows-1252.
    let mut ansi = b"Rapat di Caf".to_vec();
    ansi.push(0xE9);
    ansi.extend_from_slice(b" Bekasi ");
    ansi.push(0x97);
    ansi.extend_from_slice(b" pukul 10.00\r\n");
    std::fs::write(work.path().join("data/catatan/2026-W44.md"), ansi).unwrap();
    // UTF-16 with a BOM, as "Unicode" in Notepad.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Catatan bulan Oktober: banjir".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(work.path().join("data/catatan/2026-10.md"), utf16).unwrap();
    let outcome = build(work.path());
    assert_eq!(commentary_issues(&outcome), []);
    for path in ["minggu/2026-W44/index.html", "minggu/2026-W44/index.md"] {
        assert!(
            page(work.path(), path).contains("Rapat di Café Bekasi — pukul 10.00"),
            "{path}"
        );
    }
    assert!(page(work.path(), "bulan/2026-10/index.md").contains("Catatan bulan Oktober: banjir"));
}

#[cfg(unix)]
#[test]
fn commentary_that_cannot_be_used_is_a_data_issue_and_never_read() {
    let work = workdir();
    let catatan = work.path().join("data/catatan");
    // A link to a file outside the data folder.
    std::fs::write(
        work.path().join("rahasia.txt"),
        "kata sandi server: hunter2",
    )
    .unwrap();
    std::os::unix::fs::symlink("../../rahasia.txt", catatan.join("2026-W44.md")).unwrap();
    // A pipe: reading it would wait for ever.
    let made = std::process::Command::new("mkfifo")
        .arg(catatan.join("2026-W45.md"))
        .status()
        .unwrap();
    assert!(made.success());
    // Too large, and named for no period.
    std::fs::write(catatan.join("2026-10.md"), "a".repeat(300 * 1024)).unwrap();
    std::fs::write(catatan.join("2026-W52.md"), "minggu yang tidak ada").unwrap();
    // A link inside the data folder is fine.
    std::fs::write(work.path().join("data/november.txt"), "Catatan November").unwrap();
    std::os::unix::fs::symlink("../november.txt", catatan.join("2026-11.md")).unwrap();

    let outcome = build(work.path());
    assert_eq!(
        commentary_issues(&outcome),
        [
            (
                "catatan/2026-10.md".to_string(),
                Reason::CommentaryTooLarge {
                    bytes: 300 * 1024,
                    max: 256 * 1024
                }
            ),
            ("catatan/2026-W44.md".to_string(), Reason::CommentaryOutside),
            (
                "catatan/2026-W45.md".to_string(),
                Reason::CommentaryNotAFile
            ),
            (
                "catatan/2026-W52.md".to_string(),
                Reason::CommentaryNoPeriod
            ),
        ]
    );
    let quality = page(work.path(), "kualitas-data.html");
    assert!(
        quality.contains("catatan&#x2F;2026-W45.md"),
        "named on the data-quality page"
    );
    assert!(quality.contains("Catatan periode yang tidak dapat ditampilkan"));
    for entry in walkdir::WalkDir::new(work.path().join("site")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("hunter2"), "{}", entry.path().display());
        }
    }
    assert!(page(work.path(), "bulan/2026-11/index.html").contains("Catatan November"));
}

#[test]
fn raw_html_at_the_start_of_a_commentary_cannot_make_links_live() {
    let work = workdir();
    std::fs::write(
        work.path().join("data/catatan/2026-W45.md"),
        "<div>\n[Lihat](javascript:alert(document.cookie)) \
         ![](http://evil.example/pixel.png)\n</div>\n\n\
         [laporan resmi](https://bekasikota.go.id/laporan)\n",
    )
    .unwrap();
    build(work.path());
    let md = page(work.path(), "minggu/2026-W45/index.md");
    let html = page(work.path(), "minggu/2026-W45/index.html");
    // The Markdown page rendered by a CommonMark renderer, and the HTML page itself.
    let mut rendered = String::new();
    pulldown_cmark::html::push_html(&mut rendered, pulldown_cmark::Parser::new(&md));
    for (name, page) in [("md", &rendered), ("html", &html)] {
        assert!(!page.contains("href=\"javascript"), "{name}: {page}");
        assert!(!page.contains("<img"), "{name}");
        assert!(!page.contains("<div>\n"), "{name}");
        assert!(
            page.contains("<a href=\"https://bekasikota.go.id/laporan\">laporan resmi</a>"),
            "{name}"
        );
    }
}
