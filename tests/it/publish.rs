//! Publishing never loses a site or a file patuh did not write: exports inside the output
//! folder, the working folder as the output folder, a linked output folder, builds killed
//! at every step of publishing, and many builds of one site at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::pages::fingerprint;
use crate::support::{copy_dir, fixture, patuh, patuh_command, run, workdir, Ran};

fn small_workdir() -> tempfile::TempDir {
    workdir(&fixture("site/small"))
}

/// `patuh build ARGS…` in `work`, not yet run, with `PATUH_FAULT` set to `fault` when given.
fn build_command(work: &Path, args: &[&str], fault: Option<&str>) -> Command {
    let mut command = patuh_command(work, &[&["build", "--lang", "en"], args].concat());
    if let Some(fault) = fault {
        command.env("PATUH_FAULT", fault);
    }
    command
}

/// `patuh build --lang en ARGS…` run in `work` (its messages in English).
fn build(work: &Path, args: &[&str]) -> Ran {
    patuh(work, &[&["build", "--lang", "en"], args].concat())
}

/// Whether `dir` holds a complete site: a manifest listing every other file with its
/// SHA-256, and nothing else. Read here independently of patuh's own code.
fn verify(dir: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(dir.join("manifest.json"))
        .map_err(|e| format!("{}: no manifest: {e}", dir.display()))?;
    let manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("manifest: {e}"))?;
    let outputs = manifest["outputs"].as_array().ok_or("no outputs")?;
    let listed: BTreeMap<String, String> = outputs
        .iter()
        .map(|o| {
            (
                o["path"].as_str().unwrap().to_string(),
                o["sha256"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    if listed.len() != outputs.len() || !listed.contains_key("index.html") {
        return Err("outputs listed twice, or no index.html".into());
    }
    let files: BTreeMap<String, String> = fingerprint(dir)
        .into_iter()
        .filter(|(path, _)| !path.ends_with('/') && path != "manifest.json")
        .collect();
    if files != listed {
        let missing: Vec<_> = listed.keys().filter(|p| !files.contains_key(*p)).collect();
        let extra: Vec<_> = files.keys().filter(|p| !listed.contains_key(*p)).collect();
        return Err(format!(
            "{}: missing {missing:?}, not listed {extra:?}, or a hash differs",
            dir.display()
        ));
    }
    Ok(())
}

/// The hidden folders a publish leaves beside `site` while it runs.
fn leftovers(parent: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".patuh-new") || n.ends_with(".patuh-old"))
        .collect();
    found.sort();
    found
}

// =======================================================================================
// 1. Exports inside the output folder

#[test]
fn exports_inside_the_output_folder_are_refused_and_kept() {
    let work = small_workdir();
    build(work.path(), &["--out", "site"]).success();
    let site = work.path().join("site");
    let before = fingerprint(&site);

    // The site's own data folder (summary.json, CSV downloads) read as the exports.
    let output = build(work.path(), &["--data", "site/data", "--out", "site"]);
    assert_eq!(output.code, Some(1));
    assert_eq!(
        output.stderr.trim_end(),
        "error: the data folder site/data is inside the output folder site: a build replaces \
         site whole and the exports with it; keep the exports outside it, or choose another \
         folder with --out"
    );
    assert_eq!(fingerprint(&site), before);

    // Exports copied into the site: refused, kept, and a build from elsewhere will not
    // delete them either.
    copy_dir(&work.path().join("data"), &site.join("ekspor"));
    let before = fingerprint(&site);
    let output = build(work.path(), &["--data", "site/ekspor", "--out", "site"]);
    assert_eq!(output.code, Some(1));
    assert!(
        output
            .stderr
            .trim_end()
            .starts_with("error: the data folder site/ekspor is inside the output folder site:"),
        "{}",
        output.stderr.trim_end()
    );
    let output = build(work.path(), &["--data", "data", "--out", "site"]);
    assert_eq!(output.code, Some(1));
    assert_eq!(
        output.stderr.trim_end(),
        "error: refusing to replace site: it holds files that patuh did not write (2), such \
         as ekspor/Laporan 2-8 Nov 2026.csv; a build replaces the whole folder, so move them \
         out of it first, or choose another folder with --out"
    );
    assert_eq!(fingerprint(&site), before, "the exports are still there");
    assert!(leftovers(work.path()).is_empty());

    // Moved out, the site is replaced again.
    std::fs::remove_dir_all(site.join("ekspor")).unwrap();
    build(work.path(), &["--data", "data", "--out", "site"]).success();
    verify(&site).unwrap();

    // The output folder may lie inside the data folder (INPUTS.md: it is not read).
    build(work.path(), &["--data", ".", "--out", "site"]).success();
    verify(&site).unwrap();
}

// =======================================================================================
// 4. The working folder and linked output folders

#[test]
fn the_working_folder_is_never_the_output_folder() {
    let work = small_workdir();
    let inner = work.path().join("kerja");
    std::fs::create_dir(&inner).unwrap();
    std::fs::write(inner.join("catatan.txt"), "milik saya").unwrap();
    let before = fingerprint(work.path());
    let absolute = inner.to_str().unwrap().to_string();
    for out in [".", "./", "..", "../kerja", absolute.as_str(), "/"] {
        // A data folder that does not exist: the output folder is refused first, before
        // any work.
        let output = build(&inner, &["--data", "tidak-ada", "--out", out]);
        assert_eq!(output.code, Some(1), "{out}");
        assert_eq!(
            output.stderr.trim_end(),
            format!(
                "error: the output folder {out} is the folder patuh runs in, or holds it: a \
                 build replaces its output folder whole, so give the site a folder of its \
                 own, such as --out site"
            ),
        );
        assert_eq!(fingerprint(work.path()), before, "{out}: nothing written");
    }
}

#[cfg(unix)]
#[test]
fn a_linked_output_folder_is_published_where_it_points() {
    let work = small_workdir();
    let real = work.path().join("arsip/laporan");
    build(
        work.path(),
        &["--out", "arsip/laporan", "--as-of", "2026-11-05"],
    )
    .success();
    let first = fingerprint(&real);
    std::os::unix::fs::symlink("arsip/laporan", work.path().join("site")).unwrap();
    build(work.path(), &["--out", "site", "--as-of", "2026-11-08"]).success();
    let link = work.path().join("site");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_link(&link).unwrap(),
        PathBuf::from("arsip/laporan")
    );
    verify(&real).unwrap();
    assert_ne!(
        fingerprint(&real),
        first,
        "the new site is where the link points"
    );
    assert!(leftovers(work.path()).is_empty());
    assert!(leftovers(&work.path().join("arsip")).is_empty());

    // A link to nothing.
    std::os::unix::fs::symlink("tidak-ada", work.path().join("putus")).unwrap();
    let output = build(work.path(), &["--out", "putus"]);
    assert_eq!(output.code, Some(1));
    assert_eq!(
        output.stderr.trim_end(),
        "error: the output folder putus is a link to a folder that does not exist: create \
         that folder, or name another with --out"
    );
    assert!(!work.path().join("tidak-ada").exists());
}

// =======================================================================================
// 2. Builds killed while publishing

/// The fault points of publishing, in order, and whether the output folder is already the
/// new site when the build dies there.
const POINTS: [(&str, bool); 5] = [
    ("writing", false),
    ("staged", false),
    ("exchanged", true),
    ("retired", false),
    ("published", true),
];

/// The complete sites of the small fixture as of two moments: the old and the new.
struct Sites {
    old: BTreeMap<String, String>,
    new: BTreeMap<String, String>,
}

const OLD: &str = "2026-11-05";
const NEW: &str = "2026-11-08";

fn reference_sites(work: &Path) -> Sites {
    let mut sites = Vec::new();
    for as_of in [OLD, NEW] {
        let out = format!("ref-{as_of}");
        build(work, &["--out", &out, "--as-of", as_of]).success();
        sites.push(fingerprint(&work.join(&out)));
        std::fs::remove_dir_all(work.join(&out)).unwrap();
    }
    assert_ne!(sites[0], sites[1]);
    let new = sites.pop().unwrap();
    Sites {
        old: sites.pop().unwrap(),
        new,
    }
}

/// Whether the site in `dir` is complete and is the old or the new one.
fn old_or_new(dir: &Path, sites: &Sites) -> Result<&'static str, String> {
    verify(dir)?;
    let found = fingerprint(dir);
    if found == sites.old {
        Ok("old")
    } else if found == sites.new {
        Ok("new")
    } else {
        Err(format!("{} is complete but neither site", dir.display()))
    }
}

#[test]
fn a_build_killed_at_any_step_of_publishing_leaves_a_whole_site() {
    let work = small_workdir();
    let w = work.path();
    let sites = reference_sites(w);
    let site = w.join("site");
    for exchange in [true, false] {
        let mode = if exchange { "" } else { ",no-exchange" };
        for (point, new_by_then) in POINTS {
            let reached = matches!(
                (exchange, point),
                (true, "exchanged") | (false, "retired" | "published") | (_, "writing" | "staged")
            );
            build(w, &["--out", "site", "--as-of", OLD]).success();
            let killed = run(&mut build_command(
                w,
                &["--out", "site", "--as-of", NEW],
                Some(&format!("abort:{point}{mode}")),
            ));
            let case = format!("exchange {exchange}, killed at {point}");
            if !reached {
                // This mode never passes there: the build simply succeeds.
                killed.success();
                assert_eq!(old_or_new(&site, &sites), Ok("new"), "{case}");
                continue;
            }
            assert_ne!(killed.code, Some(0), "{case}: the build was not killed");
            if (exchange, point) == (false, "retired") {
                // Between the two renames there is no output folder; the old site waits
                // beside it, whole.
                assert!(!site.exists(), "{case}");
                assert_eq!(old_or_new(&w.join(".site.patuh-old"), &sites), Ok("old"));
            } else {
                let expected = if new_by_then { "new" } else { "old" };
                assert_eq!(old_or_new(&site, &sites), Ok(expected), "{case}");
            }
            // A second build killed before it publishes: the site it finds is restored
            // first, never deleted.
            let killed = run(&mut build_command(
                w,
                &["--out", "site", "--as-of", NEW],
                Some(&format!("abort:staged{mode}")),
            ));
            assert_ne!(killed.code, Some(0), "{case}, then at staged");
            let expected = if new_by_then { "new" } else { "old" };
            assert_eq!(
                old_or_new(&site, &sites),
                Ok(expected),
                "{case}, then staged"
            );
            // The next build goes through and leaves nothing beside the site.
            build(w, &["--out", "site", "--as-of", NEW]).success();
            assert_eq!(old_or_new(&site, &sites), Ok("new"), "{case}, then built");
            assert_eq!(leftovers(w), Vec::<String>::new(), "{case}");
        }
    }
}

/// A fixed xorshift stream, for kill delays that are the same on every run.
struct Xorshift(u64);

impl Xorshift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[cfg(unix)]
#[test]
fn builds_killed_at_random_moments_never_lose_the_site() {
    let work = small_workdir();
    let w = work.path();
    let sites = reference_sites(w);
    let site = w.join("site");
    let started = std::time::Instant::now();
    build(w, &["--out", "site", "--as-of", OLD]).success();
    let build_ms = started.elapsed().as_millis() as u64;
    let mut random = Xorshift(0x2545_F491_4F6C_DD1D);
    let mut outcomes = BTreeSet::new();
    for round in 0..40u64 {
        let fault = if round % 2 == 0 { "" } else { "no-exchange" };
        let as_of = [OLD, NEW][(round % 4 < 2) as usize];
        let mut child = build_command(w, &["--out", "site", "--as-of", as_of], Some(fault))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Somewhere from the start to a little past the end of a build.
        let delay = random.below(build_ms + build_ms / 4 + 1);
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let status = child.wait().unwrap();
        outcomes.insert(status.success());
        // Between the two renames (no exchange) the site waits beside its folder; the next
        // build restores it. Otherwise the folder holds a whole site at once.
        let dir = if site.exists() {
            site.clone()
        } else {
            w.join(".site.patuh-old")
        };
        old_or_new(&dir, &sites).unwrap_or_else(|e| panic!("round {round}, {delay} ms: {e}"));
    }
    assert!(outcomes.contains(&false), "some builds were killed");
    build(w, &["--out", "site", "--as-of", NEW]).success();
    assert_eq!(old_or_new(&site, &sites), Ok("new"));
    assert!(leftovers(w).is_empty());
}

// =======================================================================================
// 3. Many builds of one site at once

#[test]
fn many_builds_at_once_publish_whole_sites_one_at_a_time() {
    let work = small_workdir();
    let w = work.path();
    let sites = reference_sites(w);
    let site = w.join("site");
    let mut published = 0;
    for round in 0..6 {
        let children: Vec<_> = (0..8)
            .map(|i| {
                let as_of = if (round + i) % 2 == 0 { OLD } else { NEW };
                build_command(w, &["--out", "site", "--as-of", as_of], None)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = Ran::from(child.wait_with_output().unwrap());
            match output.code {
                Some(0) => published += 1,
                Some(1) => assert!(
                    output
                        .stderr
                        .trim_end()
                        .starts_with("error: another patuh build is writing site"),
                    "{}",
                    output.stderr.trim_end()
                ),
                other => panic!("exit {other:?}: {}", output.stderr.trim_end()),
            }
        }
        old_or_new(&site, &sites).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert!(leftovers(w).is_empty(), "round {round}");
        assert!(w.join(".site.patuh-lock").is_file(), "the lock file stays");
    }
    assert!(published >= 6, "at least one build per round published");
}

/// The paths of `site`'s files (the manifest but) with their inode: the same inode after a
/// later build is the same file, kept rather than written again.
#[cfg(unix)]
fn inodes(site: &Path) -> BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    fingerprint(site)
        .into_keys()
        .filter(|p| !p.ends_with('/') && p != "manifest.json")
        .map(|p| {
            let ino = std::fs::metadata(site.join(&p)).unwrap().ino();
            (p, ino)
        })
        .collect()
}

#[test]
#[cfg(unix)]
fn a_later_build_keeps_the_files_of_what_did_not_change() {
    let work = small_workdir();
    // S10: posted on Sunday 8 November at 23.50, forwarded on Monday the 9th at 00.10.
    let export = work.path().join("data/Laporan 2-8 Nov 2026.csv");
    let mut text = std::fs::read_to_string(&export).unwrap();
    text.push_str(
        "S10;Twitter;Pengaduan;@warga_sepuluh;08/11/2026 23.50;08/11/2026 23.55;\
         09/11/2026 00.02;Teruskan;Dinkes;09/11/2026 00.10;Rina;Got mampet di Jl. Melati.;\n\
         S11;Twitter;Pengaduan;@warga_sebelas;10/11/2026 09.00;10/11/2026 09.20;\
         10/11/2026 09.25;Teruskan;Dinkes;10/11/2026 09.35;Rina;Sampah menumpuk di pasar.;\n",
    );
    std::fs::write(&export, text).unwrap();
    build(work.path(), &["--out", "site", "--as-of", "2026-12-05"]).success();
    let site = work.path().join("site");
    let (before, inodes_before) = (fingerprint(&site), inodes(&site));
    let ran = build(work.path(), &["--out", "site", "--as-of", "2026-12-12"]).success();
    let (after, inodes_after) = (fingerprint(&site), inodes(&site));
    verify(&site).unwrap();
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let same: BTreeSet<&str> = before
        .iter()
        .filter(|(p, hash)| !p.ends_with('/') && *p != "manifest.json" && after[*p] == **hash)
        .map(|(p, _)| p.as_str())
        .collect();
    // Every file that came out the same is the very file of the first build; every other
    // one was written anew.
    for (path, ino) in &inodes_after {
        assert_eq!(
            *ino == inodes_before[path],
            same.contains(path.as_str()),
            "{path}"
        );
    }
    assert!(
        ran.stderr.contains(&format!(
            "patuh: {} of them are byte for byte as the previous build left them",
            same.len()
        )),
        "{}",
        ran.stderr
    );
    // Every period has settled by the first as-of (5 December): S07's forwarding went
    // past its limit on 29 October and S08's disposition on 4 November, and an overdue
    // step stays overdue at any later as-of; no step is pending. So every page, register,
    // letter and workbook of the weeks and months came out the same, as did every CSV,
    // the departments' registers of 2026, the search index and the assets. The site-wide
    // pages (overview, data quality, method, the departments' histories and their
    // workbooks) and summary.json show the as-of and were written anew.
    let expected: Vec<String> = after
        .keys()
        .filter(|p| !p.ends_with('/'))
        .filter(|p| {
            ["bulan/", "minggu/", "cari/", "assets/"]
                .iter()
                .any(|d| p.starts_with(d))
                || p.ends_with(".csv")
                || p.ends_with(".2026.xlsx")
        })
        .cloned()
        .collect();
    assert_eq!(same.iter().copied().collect::<Vec<_>>(), expected);
    assert!(!same.contains("index.html") && !same.contains("pd/dinas-kesehatan.xlsx"));
    // A settled page describes the moment it settled: W45's Dinas Kesehatan when S10 was
    // forwarded, after the week ended; W44's when the week ended (S04 was forwarded at
    // 19.55 on its last day); an open one, the as-of.
    let as_of = |path: &str| {
        let html = std::fs::read_to_string(site.join(path)).unwrap();
        let start = html.find("<p class=\"asof\">").unwrap();
        html[start..start + html[start..].find("</p>").unwrap()].to_string()
    };
    let settled = "(no step is still in progress here: any not ended is already past its \
                   limit, and its figures stay as they are while its data does not change)";
    assert_eq!(
        as_of("minggu/2026-W45/dinas-kesehatan.html"),
        format!(
            "<p class=\"asof\">As of: <strong>Monday, 9 November 2026 00:10 WIB</strong> {settled}"
        )
    );
    // W46: S11, forwarded on Tuesday the 10th; the week ended on Sunday the 15th.
    assert_eq!(
        as_of("minggu/2026-W46/index.html"),
        format!("<p class=\"asof\">As of: <strong>Sunday, 15 November 2026 23:59 WIB</strong> {settled}")
    );
    assert_eq!(
        as_of("minggu/2026-W44/dinas-kesehatan.html"),
        format!(
            "<p class=\"asof\">As of: <strong>Sunday, 1 November 2026 23:59 WIB</strong> {settled}"
        )
    );
    // W45 as a whole holds S08, never disposed: past its limits on 4 November at 09.10
    // and 09.40, before the week's last moment, S10's forwarding on Monday the 9th.
    assert_eq!(
        as_of("minggu/2026-W45/index.html"),
        format!(
            "<p class=\"asof\">As of: <strong>Monday, 9 November 2026 00:10 WIB</strong> {settled}"
        )
    );
    // W44 holds S07, never forwarded: past its limits on 29 October, before the week
    // ended; S04, forwarded at 19.55 on the last day.
    assert_eq!(
        as_of("minggu/2026-W44/index.html"),
        format!(
            "<p class=\"asof\">As of: <strong>Sunday, 1 November 2026 23:59 WIB</strong> {settled}"
        )
    );
    // The overview describes the as-of.
    assert!(as_of("index.html").starts_with(
        "<p class=\"asof\">As of: <strong>Saturday, 12 December 2026 23:59 WIB</strong>"
    ));
}
