//! The export cache (issue 13): what reading each export yielded, kept so that a build
//! after one more weekly export reads only that export.
//!
//! An entry holds everything reading one export gives (its report, its tables with their
//! records, data issues and column maps) under a key that is the SHA-256 of everything
//! that reading depends on:
//! - the export's bytes (their SHA-256), its path in the data folder and its format;
//! - patuh's version and the SHA-256 of its executable;
//! - the whole effective configuration (every reading setting among it: the time zone,
//!   `date_order`, `[columns]`, `[departments]`, `[labels]`, `[limits]`...).
//!
//! Reading depends on one thing more, the moment of the run: a timestamp later than it is
//! a typo. An entry is therefore used only at a moment no earlier than its latest time
//! read and earlier than its earliest time left out as in the future, where reading
//! would judge every timestamp as it did.
//!
//! The entries are files in a folder of the user's cache folder, one per site (never
//! beside the site, which may be served: an entry holds the exports' rows as they are,
//! personal data unmasked), written whole (a new file renamed into place). An entry that
//! cannot be read or decoded is read again from its export: the cache can make a build
//! faster, never different. A build removes the entries it did not use. `PATUH_CACHE=off`
//! builds without it.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::table::{RowRecord, Table};
use super::{FileRead, FileReport};
use crate::discover::Export;
use crate::model::{Channel, DispositionValue, Instant, Kind, Stamps};

/// The version of the entries' layout: an entry of another layout is a miss.
const LAYOUT: &str = "patuh export cache 2";

/// The export cache of one site.
#[derive(Debug)]
pub struct ExportCache {
    /// The folder of the entries.
    dir: PathBuf,
    /// SHA-256 of the layout, patuh's version and executable and the configuration.
    build: [u8; 32],
    /// The entries this build used or wrote (their file names).
    used: Mutex<std::collections::HashSet<String>>,
    /// Exports whose entry was used.
    hits: AtomicUsize,
}

impl ExportCache {
    /// The cache in `dir` for builds with the configuration `settings` (its effective
    /// form, as the manifest hashes it); `None` when patuh cannot hash its own executable,
    /// then nothing is cached.
    pub fn open(dir: &Path, settings: &str) -> Option<ExportCache> {
        let executable = crate::hash::executable_sha256()?;
        let mut build = Sha256::new();
        for part in [LAYOUT, env!("CARGO_PKG_VERSION"), executable, settings] {
            build.update((part.len() as u64).to_le_bytes());
            build.update(part);
        }
        Some(ExportCache {
            dir: dir.to_path_buf(),
            build: build.finalize().into(),
            used: Mutex::default(),
            hits: AtomicUsize::new(0),
        })
    }

    /// How many exports were taken from the cache instead of being read.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::Relaxed)
    }

    /// Removes the entries this build neither used nor wrote: those of exports no longer
    /// there or changed, of another configuration or another patuh. Best effort: an entry
    /// left behind is only space.
    pub fn prune(&self) {
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if !used.contains(&*name.to_string_lossy()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// The file name of the entry of `export`, whose bytes have the SHA-256 `sha256`.
    fn name(&self, export: &Export, sha256: &str) -> String {
        let mut key = Sha256::new();
        key.update(self.build);
        let format = format!("{:?}", export.format);
        for part in [export.relative.as_str(), format.as_str(), sha256] {
            key.update((part.len() as u64).to_le_bytes());
            key.update(part);
        }
        let name = crate::hash::hex(&key.finalize());
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.clone());
        name
    }

    /// What reading `export` (bytes of SHA-256 `sha256`) at the moment `now` yields, if an
    /// entry holds it and is valid at `now`.
    pub(super) fn get(&self, export: &Export, sha256: &str, now: Instant) -> Option<FileRead> {
        let name = self.name(export, sha256);
        let bytes = std::fs::read(self.dir.join(&name)).ok()?;
        let entry: Entry<'_> = postcard::from_bytes(&bytes).ok()?;
        if entry.name != name {
            return None;
        }
        let read = entry.into_read().filter(|read| read_alike_at(read, now))?;
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(read)
    }

    /// Keeps what reading `export` yielded. Best effort: an entry that cannot be written
    /// is read again next time.
    pub(super) fn put(&self, export: &Export, read: &FileRead) {
        let name = self.name(export, &read.report.sha256);
        let Some(bytes) = Entry::of(&name, read).and_then(|e| postcard::to_stdvec(&e).ok()) else {
            return;
        };
        if create_private_dir(&self.dir).is_err() {
            return;
        }
        let path = self.dir.join(&name);
        let temporary = self.dir.join(format!("{name}.new"));
        if std::fs::write(&temporary, bytes).is_ok() && std::fs::rename(&temporary, &path).is_err()
        {
            let _ = std::fs::remove_file(&temporary);
        }
    }
}

/// Whether reading the export at the moment `now` would judge every timestamp as `read`
/// does: `now` is not before its latest time read (every time read was no later than the
/// moment it was read at) and is before its earliest time left out as in the future.
fn read_alike_at(read: &FileRead, now: Instant) -> bool {
    let first_future = read.tables.iter().filter_map(|t| t.first_future).min();
    read.report.latest.is_none_or(|t| t <= now) && first_future.is_none_or(|t| t > now)
}

/// Creates `dir` and its missing parents, readable by the user alone where the system
/// has such permissions: the entries hold the exports' rows unmasked.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// An instant as seconds and nanoseconds since the epoch.
type Moment = (i64, u32);

fn moment(t: Instant) -> Moment {
    (t.timestamp(), t.timestamp_subsec_nanos())
}

fn instant((seconds, nanoseconds): Moment) -> Option<Instant> {
    Instant::from_timestamp(seconds, nanoseconds)
}

/// One entry: what reading one export yielded.
#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    /// The entry's own name (its key), checked when read.
    name: Cow<'a, str>,
    /// The export's report and its tables without their records, in JSON (data issues
    /// are read back from the form `check --format json` gives them).
    meta: Cow<'a, str>,
    /// The records of each table.
    records: Vec<Vec<Record<'a>>>,
}

/// The export's report and tables, records apart.
#[derive(Serialize, Deserialize)]
struct Meta<'a> {
    report: Cow<'a, FileReport>,
    tables: Cow<'a, [Table]>,
}

impl<'a> Entry<'a> {
    fn of(name: &'a str, read: &'a FileRead) -> Option<Entry<'a>> {
        let meta = Meta {
            report: Cow::Borrowed(&read.report),
            tables: Cow::Borrowed(&read.tables),
        };
        Some(Entry {
            name: Cow::Borrowed(name),
            meta: Cow::Owned(serde_json::to_string(&meta).ok()?),
            records: read
                .tables
                .iter()
                .map(|t| t.records.iter().map(Record::of).collect())
                .collect(),
        })
    }

    fn into_read(self) -> Option<FileRead> {
        let meta: Meta<'_> = serde_json::from_str(&self.meta).ok()?;
        let report = meta.report.into_owned();
        let mut tables = meta.tables.into_owned();
        if tables.len() != self.records.len() {
            return None;
        }
        for (table, records) in tables.iter_mut().zip(self.records) {
            table.records = records
                .into_iter()
                .map(Record::into_record)
                .collect::<Option<_>>()?;
        }
        Some(FileRead { report, tables })
    }
}

/// A [`RowRecord`] in the cache's compact form (timestamps as seconds and nanoseconds).
#[derive(Serialize, Deserialize)]
struct Record<'a> {
    row: u32,
    id: Option<Cow<'a, str>>,
    channel: Option<(Channel, Cow<'a, str>)>,
    kind: Option<Kind>,
    account: Option<Cow<'a, str>>,
    text: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    disposition: Option<DispositionValue>,
    department: Option<Cow<'a, str>>,
    admin: Option<Cow<'a, str>>,
    disposed_by: Option<Cow<'a, str>>,
    stamps: [Option<Moment>; 5],
    date_only: u8,
}

impl<'a> Record<'a> {
    fn of(record: &'a RowRecord) -> Record<'a> {
        // Every field named, so that a field added to the record cannot be left out here.
        let RowRecord {
            row,
            id,
            channel,
            kind,
            account,
            text,
            url,
            disposition,
            department,
            admin,
            disposed_by,
            stamps,
            date_only,
        } = record;
        let text_of = |value: &'a Option<String>| value.as_deref().map(Cow::Borrowed);
        Record {
            row: *row,
            id: text_of(id),
            channel: channel
                .as_ref()
                .map(|(c, t)| (*c, Cow::Borrowed(t.as_str()))),
            kind: *kind,
            account: text_of(account),
            text: text_of(text),
            url: text_of(url),
            disposition: *disposition,
            department: text_of(department),
            admin: text_of(admin),
            disposed_by: text_of(disposed_by),
            stamps: stamps.0.map(|s| s.map(moment)),
            date_only: *date_only,
        }
    }

    fn into_record(self) -> Option<RowRecord> {
        let owned = |value: Option<Cow<'_, str>>| value.map(Cow::into_owned);
        let mut stamps = Stamps::default();
        for (slot, value) in stamps.0.iter_mut().zip(self.stamps) {
            *slot = match value {
                Some(m) => Some(instant(m)?),
                None => None,
            };
        }
        Some(RowRecord {
            row: self.row,
            id: owned(self.id),
            channel: self.channel.map(|(c, t)| (c, t.into_owned())),
            kind: self.kind,
            account: owned(self.account),
            text: owned(self.text),
            url: owned(self.url),
            disposition: self.disposition,
            department: owned(self.department),
            admin: owned(self.admin),
            disposed_by: owned(self.disposed_by),
            stamps,
            date_only: self.date_only,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// Every export among the test fixtures (every format, every layout, data issues of
    /// every kind) comes back from its entry exactly as reading gave it: the same report,
    /// tables, records and issues, field for field.
    #[test]
    fn every_fixture_export_comes_back_from_its_entry_as_read() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let now = crate::model::Instant::from_timestamp(1_796_083_200, 0).unwrap(); // 2026-12-01
        let settings = super::super::ReadSettings::new(&Config::default(), now);
        let store = tempfile::tempdir().unwrap();
        let cache = ExportCache::open(store.path(), "{}").unwrap();
        let (mut read, mut records, mut issues) = (0, 0, 0);
        let folders = walkdir::WalkDir::new(root.join("tests/fixtures"))
            .min_depth(1)
            .into_iter()
            .chain(walkdir::WalkDir::new(root.join("data")).max_depth(0));
        for folder in folders {
            let folder = folder.unwrap();
            if !folder.file_type().is_dir() {
                continue;
            }
            let Ok(found) = crate::discover::find_exports(folder.path(), &[], None) else {
                continue;
            };
            for export in found.exports.iter().filter(|e| !e.relative.contains('/')) {
                let Ok(bytes) = std::fs::read(&export.path) else {
                    continue;
                };
                let sha256 = crate::hash::sha256_hex(&bytes);
                // Some hostile fixtures make a spreadsheet library panic: reading catches
                // that and reports the file, as here.
                let reading = std::panic::catch_unwind(|| {
                    super::super::read_bytes(export, &bytes, sha256.clone(), &settings)
                });
                let Ok(Ok(first)) = reading else {
                    continue;
                };
                cache.put(export, &first);
                let again = cache
                    .get(export, &sha256, now)
                    .unwrap_or_else(|| panic!("no entry for {}", export.path.display()));
                assert_eq!(
                    format!("{again:?}"),
                    format!("{first:?}"),
                    "{}",
                    export.path.display()
                );
                read += 1;
                records += first.tables.iter().map(|t| t.records.len()).sum::<usize>();
                issues += first.tables.iter().map(|t| t.issues.len()).sum::<usize>();
            }
        }
        // Enough was read for the test to mean something (at this writing 145 fixture
        // exports and the 2 samples: 1,102 records, 65 data issues).
        assert!(
            read >= 147 && records >= 1102 && issues >= 65,
            "{read} {records} {issues}"
        );
        assert_eq!(cache.hits(), read);
    }

    /// An entry is used only at a moment where reading would judge every timestamp as it
    /// did: not before its latest time read, not at or after its earliest time left out
    /// as in the future.
    #[test]
    fn an_entry_is_used_only_where_the_moment_judges_its_timestamps_alike() {
        let at = |text: &str| {
            chrono::DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&chrono::Utc)
        };
        let export = Export {
            path: "x.csv".into(),
            relative: "x.csv".into(),
            format: crate::discover::Format::Delimited,
        };
        // Times in WIB (UTC+7): posted 2 Nov 08:00, reported 08:30, disposed 20 Nov 10:00.
        let bytes = "No Tiket;Waktu Posting;Waktu Lapor ke Kasi;Waktu Disposisi\n\
                     A-1;02/11/2026 08.00;02/11/2026 08.30;20/11/2026 10.00\n"
            .as_bytes();
        let sha256 = crate::hash::sha256_hex(bytes);
        let now = at("2026-11-10T00:00:00Z");
        let settings = super::super::ReadSettings::new(&Config::default(), now);
        let first = super::super::read_bytes(&export, bytes, sha256.clone(), &settings).unwrap();
        // The disposition (20 Nov 03:00 UTC) is after the moment: left out, an issue.
        assert_eq!(first.tables[0].issues.len(), 1);
        assert_eq!(
            first.tables[0].first_future,
            Some(at("2026-11-20T03:00:00Z"))
        );
        let store = tempfile::tempdir().unwrap();
        let cache = ExportCache::open(store.path(), "{}").unwrap();
        cache.put(&export, &first);
        let used = |moment: &str| cache.get(&export, &sha256, at(moment)).is_some();
        // From the latest time read (the report, 2 Nov 01:30 UTC) up to just before the
        // disposition: the same reading.
        assert!(used("2026-11-02T01:30:00Z"));
        assert!(used("2026-11-10T00:00:00Z"));
        assert!(used("2026-11-20T02:59:59Z"));
        // Before the report, or once the disposition is no longer in the future: read again.
        assert!(!used("2026-11-02T01:29:59Z"));
        assert!(!used("2026-11-20T03:00:00Z"));
        assert_eq!(cache.hits(), 3);
        // Another configuration, or another export's bytes: another entry.
        let other = ExportCache::open(store.path(), "{\"timezone\":\"Asia/Makassar\"}").unwrap();
        assert!(other.get(&export, &sha256, now).is_none());
        assert!(cache
            .get(&export, &crate::hash::sha256_hex(b"other"), now)
            .is_none());
    }

    /// The folders the cache creates are the user's alone (on Unix): the entries hold the
    /// exports' rows unmasked.
    #[cfg(unix)]
    #[test]
    fn the_folders_of_the_cache_are_the_users_alone() {
        use std::os::unix::fs::PermissionsExt;
        let store = tempfile::tempdir().unwrap();
        let dir = store.path().join("patuh/exports/site");
        create_private_dir(&dir).unwrap();
        for folder in [store.path().join("patuh"), dir] {
            let mode = std::fs::metadata(&folder).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
        }
    }
}
