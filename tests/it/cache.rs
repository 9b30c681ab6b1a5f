//! The caches (issue 13). The export cache: a build takes what an export yielded from the
//! previous build instead of reading it again. The render cache: a build keeps the pages
//! and downloads of each period, and the pages of each department in it, whose inputs did
//! not change, without rendering them again. The output is byte for byte what a build
//! without the caches (`PATUH_CACHE=off`, into an empty folder) makes of the same inputs.
//! Each part of each key makes its cache miss.
//!
//! The small fixture (`tests/fixtures/site/small/README.md`) has 19 units: the periods
//! 2026-W44, 2026-W45, 2026-10 and 2026-11, and their departments, 13 in all (W44: Dinas
//! Perhubungan S01 S02 S07, Dijawab Langsung S03, Dinas Kesehatan S04; W45: Dinas Kesehatan
//! S05, Dinas Perhubungan S09, Dijawab Langsung S06, Belum Didisposisi S08; October: Dinas
//! Perhubungan S01 S02 S07, Dijawab Langsung S03; November: Dinas Kesehatan S04 S05, Dinas
//! Perhubungan S09, Dijawab Langsung S06, Belum Didisposisi S08), and the registers of 2026
//! of Dinas Perhubungan (S01 S02 S07 S09) and Dinas Kesehatan (S04 S05), the two
//! departments that are not pseudo-departments. S07 (never forwarded) and
//! S08 (no disposition) are still open: the four periods and the departments holding them
//! show the as-of moment; the nine others have settled.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::support::pages::fingerprint;
use crate::support::{fixture, run, workdir, Ran};

const UNITS: usize = 19;

/// `EXE build --lang en --out OUT ARGS…` in `work`, with the cache off when `off`.
fn build_with(exe: &Path, work: &Path, out: &Path, args: &[&str], off: bool) -> Ran {
    let mut command = Command::new(exe);
    command
        .current_dir(work)
        .args(["build", "--lang", "en", "--out"])
        .arg(out)
        .args(args)
        .env_remove("PATUH_FAULT")
        .env_remove("PATUH_CACHE")
        .env("XDG_CACHE_HOME", work.join(".cache-home"));
    if off {
        command.env("PATUH_CACHE", "off");
    }
    run(&mut command).success()
}

/// How many units the build kept without rendering, as it says (0 when it says nothing).
fn reused(ran: &Ran) -> usize {
    let Some(said) = ran
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("patuh: the pages of "))
    else {
        return 0;
    };
    let (n, rest) = said.split_once(' ').unwrap();
    let whole = format!("of {UNITS} periods and departments were not rendered again");
    assert!(rest.starts_with(&whole), "{said}");
    n.parse().unwrap()
}

/// How many exports the build took from the export cache, as it says (0 when it says
/// nothing).
fn from_cache(ran: &Ran) -> usize {
    ran.stderr
        .lines()
        .find_map(|l| {
            let rest = l.strip_prefix("patuh: ")?;
            let (n, rest) = rest.split_once(" of 2 exports were not read again")?;
            assert!(rest.starts_with(": their bytes"), "{l}");
            Some(n.parse().unwrap())
        })
        .unwrap_or(0)
}

/// What a rebuild took from the caches: the units kept without rendering, the exports not
/// read again.
#[derive(Debug, PartialEq, Eq)]
struct Kept {
    units: usize,
    exports: usize,
}

/// Builds `work` with `exe` over its site `site` (caches on), and into an empty folder with
/// the caches off; checks that both sites are the same bytes; gives what the first took
/// from the caches.
fn rebuild_matches_cold(exe: &Path, work: &Path, args: &[&str]) -> Kept {
    let site = work.join("site");
    let ran = build_with(exe, work, &site, args, false);
    let cold = tempfile::tempdir().unwrap();
    build_with(exe, work, &cold.path().join("site"), args, true);
    // With the caches off nothing is kept beside the site but its lock.
    let beside: Vec<String> = std::fs::read_dir(cold.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        std::collections::BTreeSet::from_iter(beside),
        std::collections::BTreeSet::from([".site.patuh-lock".to_string(), "site".to_string()])
    );
    let (cached, fresh): (BTreeMap<_, _>, BTreeMap<_, _>) =
        (fingerprint(&site), fingerprint(&cold.path().join("site")));
    assert_eq!(
        cached.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, hash) in &fresh {
        assert_eq!(
            &cached[path], hash,
            "{path} differs from the build without cache"
        );
    }
    Kept {
        units: reused(&ran),
        exports: from_cache(&ran),
    }
}

/// Units and exports kept.
fn kept(units: usize, exports: usize) -> Kept {
    Kept { units, exports }
}

/// The export cache of `work`'s site: its one folder under the user's cache folder that
/// the builds here are given (`work/.cache-home`), never beside the site.
fn export_cache(work: &Path) -> std::path::PathBuf {
    let sites: Vec<_> = std::fs::read_dir(work.join(".cache-home/patuh/exports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(sites.len(), 1, "{sites:?}");
    assert!(!work.join(".site.patuh-cache").exists());
    sites[0].clone()
}

fn exe() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_patuh"))
}

const AS_OF: [&str; 2] = ["--as-of", "2026-12-05"];

#[test]
fn a_rebuild_keeps_what_did_not_change_and_is_byte_identical_to_one_without_cache() {
    let work = workdir(&fixture("site/small"));
    let w = work.path();
    // The first build has nothing to keep.
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(0, 0));
    // The same inputs again: every unit is kept.
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(UNITS, 2));
    // A later as-of: every unit has settled, and is kept.
    let later = ["--as-of", "2026-12-12"];
    assert_eq!(rebuild_matches_cold(exe(), w, &later), kept(UNITS, 2));
    // One item's text changed in an export (S05, Dinas Kesehatan, W45 and November): that
    // export is read again, the other taken from the export cache; the two periods, the
    // two departments and the register holding it are made again, 14 units kept.
    let export = w.join("data/Laporan 2-8 Nov 2026.csv");
    let text = std::fs::read_to_string(&export).unwrap();
    std::fs::write(
        &export,
        text.replace("Fogging di RW 05", "Fogging di RW 06"),
    )
    .unwrap();
    assert_eq!(rebuild_matches_cold(exe(), w, &later), kept(14, 1));
    // The changed export's old entry is gone: the cache holds one entry per export.
    let entries = std::fs::read_dir(export_cache(w)).unwrap().count();
    assert_eq!(entries, 2);
    // An as-of before the end of W45 (Friday 6 November at noon): W45 and November are no
    // longer complete, their figures stop at the as-of, and their units are made again
    // (2 periods, 4 + 4 departments), as are both registers, which hold November's items.
    // W44 and October ended before it and settled; what they show of W45 and November (a
    // link to the next period, on the pages of the departments it has) did not change:
    // kept (2 periods, 3 + 2 departments: 7). The as-of does not change what reading
    // yields: both exports are taken from the export cache.
    assert_eq!(
        rebuild_matches_cold(exe(), w, &["--as-of", "2026-11-06 12:00"]),
        kept(7, 2)
    );
}

#[test]
fn the_templates_the_configuration_the_calendar_and_patuh_itself_are_in_the_key() {
    let work = workdir(&fixture("site/small"));
    let w = work.path();
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(0, 0));
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(UNITS, 2));
    let config = w.join("patuh.toml");
    let original = std::fs::read_to_string(&config).unwrap();
    // A template overridden beside patuh.toml (the Markdown of a period page).
    std::fs::create_dir(w.join("templates")).unwrap();
    let period_md = patuh::render::templates::BUILT_IN
        .iter()
        .find(|(name, _)| *name == "period.md")
        .unwrap()
        .1;
    std::fs::write(
        w.join("templates/period.md"),
        format!("{period_md}\nArsip.\n"),
    )
    .unwrap();
    // Templates change no reading: both exports are taken from the export cache.
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(0, 2));
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(UNITS, 2));
    // A reading setting: one more spelling of a department, found in no export.
    let aliased = original.replace("[\"Dinkes\"]", "[\"Dinkes\", \"Dinas Kes.\"]");
    assert_ne!(aliased, original);
    std::fs::write(&config, &aliased).unwrap();
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(0, 0));
    // The working-time calendar (its hours; the steps stay on the continuous clock).
    std::fs::write(
        &config,
        format!("{aliased}\n[calendar]\nmon = [\"07:30-16:00\"]\nfri = [\"07:30-16:30\"]\n"),
    )
    .unwrap();
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(0, 0));
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(UNITS, 2));
    // Another patuh: the same program with one more byte at its end (it runs the same).
    let other = w.join("patuh-other");
    let mut bytes = std::fs::read(exe()).unwrap();
    bytes.push(0);
    std::fs::write(&other, bytes).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert_eq!(rebuild_matches_cold(&other, w, &AS_OF), kept(0, 0));
    assert_eq!(rebuild_matches_cold(&other, w, &AS_OF), kept(UNITS, 2));
}

#[test]
fn every_reading_setting_is_in_the_key() {
    // Each setting that changes how the exports are read, added on its own to the
    // fixture's patuh.toml (none of them changes what this data yields): every unit is
    // made again, and the site is what a build without the cache makes.
    let work = workdir(&fixture("site/small"));
    let w = work.path();
    let config = w.join("patuh.toml");
    let original = std::fs::read_to_string(&config).unwrap();
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(0, 0));
    let settings = [
        ("date_order", "date_order = \"auto\"\n"),
        ("exclude", "exclude = [\"arsip-lama/**\"]\n"),
        (
            "columns",
            "[columns]\nposted_at = [\"Tgl Posting Warga\"]\n",
        ),
        ("labels", "[labels]\nno_department = \"Tanpa PD\"\n"),
    ];
    for (name, setting) in settings {
        // Top-level keys go before the first table of the file; `date_order` replaces the
        // fixture's own.
        let text = match name {
            "date_order" => original.replace("date_order = \"dmy\"\n", setting),
            _ if setting.starts_with('[') => format!("{original}\n{setting}"),
            _ => format!("{setting}{original}"),
        };
        assert_ne!(text, original);
        std::fs::write(&config, text).unwrap();
        assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(0, 0), "{name}");
        assert_eq!(
            rebuild_matches_cold(exe(), w, &AS_OF),
            kept(UNITS, 2),
            "{name}"
        );
    }
}

#[test]
fn an_export_cache_entry_that_cannot_be_read_is_read_again_from_its_export() {
    // A damaged entry (cut short, say by a full disk) or one overwritten with other bytes
    // is no entry: its export is read again, the site is what a build without the caches
    // makes, and the entry is written anew.
    let work = workdir(&fixture("site/small"));
    let w = work.path();
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(0, 0));
    let cache = export_cache(w);
    let mut entries: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    assert_eq!(entries.len(), 2);
    let whole = std::fs::read(&entries[0]).unwrap();
    std::fs::write(&entries[0], &whole[..whole.len() / 2]).unwrap();
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(UNITS, 1));
    assert_eq!(std::fs::read(&entries[0]).unwrap(), whole);
    // The other entry's bytes under this entry's name: its name inside does not match.
    std::fs::copy(&entries[1], &entries[0]).unwrap();
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(UNITS, 1));
    assert_eq!(std::fs::read(&entries[0]).unwrap(), whole);
    // No cache folder at all (deleted by hand): both exports are read.
    std::fs::remove_dir_all(&cache).unwrap();
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(UNITS, 0));
    assert_eq!(rebuild_matches_cold(exe(), w, &AS_OF), kept(UNITS, 2));
}
