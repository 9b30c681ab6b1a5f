//! Publishing the site: the only stage that writes. The new site is written beside the old
//! one and swapped in only when complete, so the output folder always holds a whole site,
//! the old one or the new one, whatever happens to the build; a build that was killed
//! leaves nothing the next build does not put right before it deletes anything.
//!
//! Refuses to replace a folder that is neither empty nor a previous patuh site, a site
//! holding files patuh did not write, a folder holding the exports or the working folder.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::hash::sha256_hex;
pub use crate::manifest::{is_site, CalendarRecord, Manifest, Unit, UnitFile, Written, MANIFEST};
pub use crate::render::OutputFile;

/// Publishing failed, or cannot start; the previous site is untouched (told in either
/// language; `Display` is the English text).
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The output folder holds something that is not a patuh site.
    NotASite(PathBuf),
    /// The output folder is a patuh site that also holds files patuh did not write.
    Foreign {
        /// The output folder, as given.
        out: PathBuf,
        /// How many files (and empty folders) are not the site's.
        count: usize,
        /// The first of them (relative path).
        first: String,
    },
    /// The output folder is the working folder or holds it (`--out .`, `--out ..`).
    HoldsWorkingFolder(PathBuf),
    /// The data folder is the output folder: the site would replace the exports.
    DataIsOutput(PathBuf),
    /// The data folder lies inside the output folder: the site would replace the exports.
    DataInsideOutput {
        /// The data folder, as given.
        data: PathBuf,
        /// The output folder, as given.
        out: PathBuf,
    },
    /// The output folder is a symbolic link to nothing.
    BrokenLink(PathBuf),
    /// Another build is writing the same site now.
    Busy(PathBuf),
    /// Two files of the site have the same path.
    Twice(String),
    /// A file system operation failed.
    Io {
        /// The path.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

impl crate::words::Describe for PublishError {
    fn describe(&self, lang: crate::words::Lang) -> String {
        let say = |key: &str, values: &[(&str, &str)]| crate::words::say(lang, key, values);
        let shown = |path: &Path| path.display().to_string();
        match self {
            PublishError::NotASite(out) => say(
                "err_out_not_a_site",
                &[("out", &shown(out)), ("manifest", MANIFEST)],
            ),
            PublishError::Foreign { out, count, first } => say(
                "err_out_foreign",
                &[
                    ("out", &shown(out)),
                    ("count", &count.to_string()),
                    ("first", first),
                ],
            ),
            PublishError::HoldsWorkingFolder(out) => {
                say("err_out_holds_working_folder", &[("out", &shown(out))])
            }
            PublishError::DataIsOutput(data) => say("err_out_is_data", &[("data", &shown(data))]),
            PublishError::DataInsideOutput { data, out } => say(
                "err_out_holds_data",
                &[("data", &shown(data)), ("out", &shown(out))],
            ),
            PublishError::BrokenLink(out) => say("err_out_broken_link", &[("out", &shown(out))]),
            PublishError::Busy(out) => say("err_out_busy", &[("out", &shown(out))]),
            PublishError::Twice(path) => say("err_out_twice", &[("path", path)]),
            PublishError::Io { path, source } => say(
                "err_write",
                &[
                    ("path", &shown(path)),
                    ("reason", &crate::words::io_reason(source, lang)),
                ],
            ),
        }
    }
}

impl std::fmt::Display for PublishError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::Describe::describe(
            self,
            crate::words::Lang::En,
        ))
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PublishError + '_ {
    move |source| PublishError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What in the site folder `dir` its manifest does not account for (relative paths, in
/// walk order): files that are neither the manifest nor a listed output, empty folders on
/// the way to none, and folders where an output should be. Symbolic links are not followed.
pub fn foreign_files(dir: &Path, manifest: &Manifest) -> Result<Vec<String>, PublishError> {
    use std::collections::BTreeSet;
    // The site's files, and the folders on the way to them.
    let mut files: BTreeSet<&str> = manifest.outputs.iter().map(|o| o.path.as_str()).collect();
    files.insert(MANIFEST);
    let mut folders: BTreeSet<&str> = BTreeSet::new();
    for file in &files {
        let mut path = *file;
        while let Some(cut) = path.rfind('/') {
            path = &path[..cut];
            folders.insert(path);
        }
    }
    let mut foreign = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = entry.map_err(|e| PublishError::Io {
            path: e.path().unwrap_or(dir).to_path_buf(),
            source: e.into(),
        })?;
        let relative = entry
            .path()
            .strip_prefix(dir)
            .expect("walked inside dir")
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let relative_str = relative.as_str();
        let foreign_here = if entry.file_type().is_dir() {
            // A folder of someone else's is looked into: its files are what is listed,
            // or the folder itself when it is empty.
            files.contains(relative_str)
                || (!folders.contains(relative_str)
                    && fs::read_dir(entry.path()).is_ok_and(|mut d| d.next().is_none()))
        } else {
            !files.contains(relative_str)
        };
        if foreign_here {
            foreign.push(relative);
        }
    }
    Ok(foreign)
}

/// A manifest as read, with its file's size and modification time then.
type ReadManifest = ((u64, Option<std::time::SystemTime>), Manifest);

/// How often a held lock is tried again, 25 ms apart, before a build says another one is
/// writing the site.
const LOCK_TRIES: u32 = 20;

/// The output folder of a build: resolved (a symbolic link is followed, so the site is
/// published where it points and the link stays), checked and locked for the whole build.
/// Opening it finishes what a build that was killed while publishing left undone.
#[derive(Debug)]
pub struct Target {
    /// The folder as given, for messages.
    shown: PathBuf,
    /// The folder the site is published in (absolute, links resolved).
    dir: PathBuf,
    /// The new site while it is written.
    staging: PathBuf,
    /// The old site between the two renames of a publish without an atomic exchange.
    retired: PathBuf,
    /// Held until the build ends, so that two builds of one site never mix their files.
    /// The file is never deleted: a build that locked a deleted file would not exclude one
    /// that creates a new file of the same name.
    _lock: Option<fs::File>,
    /// The manifest of the site in the folder, read once under the lock (a million items
    /// make it ten megabytes): what [`Target::previous`] tells and [`Target::stage`] keeps.
    manifest: std::sync::Mutex<Option<Manifest>>,
}

impl Target {
    /// Opens the output folder `out` of a build reading `data` (when given): refuses an
    /// `out` that holds the working folder or the data folder, or that is neither empty,
    /// missing nor a patuh site holding only its own files; takes the lock beside it; and
    /// restores the previous site if a killed build left it aside.
    pub fn open(out: &Path, data: Option<&Path>) -> Result<Target, PublishError> {
        let dir = resolve(out)?;
        if std::env::current_dir()
            .and_then(|cwd| cwd.canonicalize())
            .is_ok_and(|cwd| cwd.starts_with(&dir))
        {
            return Err(PublishError::HoldsWorkingFolder(out.to_path_buf()));
        }
        if let Some(data) = data {
            if let Ok(data_dir) = data.canonicalize() {
                if data_dir == dir {
                    return Err(PublishError::DataIsOutput(data.to_path_buf()));
                }
                if data_dir.starts_with(&dir) {
                    return Err(PublishError::DataInsideOutput {
                        data: data.to_path_buf(),
                        out: out.to_path_buf(),
                    });
                }
            }
        }
        let parent = dir
            .parent()
            .expect("not a root: checked above")
            .to_path_buf();
        let name = dir
            .file_name()
            .expect("a plain name: resolved")
            .to_string_lossy()
            .into_owned();
        let mut target = Target {
            shown: out.to_path_buf(),
            staging: parent.join(format!(".{name}.patuh-new")),
            retired: parent.join(format!(".{name}.patuh-old")),
            dir,
            _lock: None,
            manifest: Default::default(),
        };
        // A folder that is not the site's is refused before anything is written beside it
        // (unless a killed build set the site aside: then it is looked at once restored).
        let before = match target.retired.exists() {
            false => target.check_replaceable(None)?,
            true => None,
        };
        fs::create_dir_all(&parent).map_err(io(&parent))?;
        let lock_path = parent.join(format!(".{name}.patuh-lock"));
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        // A lock still held a moment after its build ended (a process started just then
        // holds a copy until it runs its program) is waited for, briefly.
        let mut tries = 0;
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) if tries < LOCK_TRIES => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(PublishError::Busy(out.to_path_buf()));
                }
                Err(fs::TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
            }
        }
        target._lock = Some(lock);
        target.recover()?;
        let manifest = target.check_replaceable(before)?.map(|(_, m)| m);
        target.manifest = std::sync::Mutex::new(manifest);
        Ok(target)
    }

    /// The folder the site is published in (absolute, links resolved).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder of this site's export cache under `root` (the user's cache folder, never
    /// beside the site, which may be served: the cache holds the exports' rows unmasked):
    /// `exports/` and the first 32 hex digits of the SHA-256 of the site's path.
    pub fn cache_dir(&self, root: &Path) -> PathBuf {
        let path = self.dir.to_string_lossy();
        let key = crate::hash::sha256_hex(path.as_bytes());
        root.join("exports").join(&key[..32])
    }

    /// The site the build is about to replace, when the output folder holds one: the
    /// calendar its manifest records and its `data/summary.json` (when it has one), for
    /// telling what changed.
    pub fn previous(&self) -> Option<Previous> {
        let calendar = self
            .manifest
            .lock()
            .expect("not poisoned")
            .as_ref()?
            .calendar
            .clone();
        let summary = fs::read_to_string(self.dir.join(crate::render::paths::SUMMARY)).ok()?;
        Some(Previous { calendar, summary })
    }

    /// Puts right what a build killed while publishing left (under the lock, so no other
    /// build is publishing): the old site set aside comes back when the output folder is
    /// missing, and is removed when the output folder holds a site; a half-written or
    /// swapped-out site in the staging folder is removed. Nothing is deleted while it is
    /// the only copy of a site.
    fn recover(&self) -> Result<(), PublishError> {
        if self.retired.exists() {
            if fs::symlink_metadata(&self.dir).is_err() {
                fs::rename(&self.retired, &self.dir).map_err(io(&self.dir))?;
            } else {
                fs::remove_dir_all(&self.retired).map_err(io(&self.retired))?;
            }
        }
        if self.staging.exists() {
            fs::remove_dir_all(&self.staging).map_err(io(&self.staging))?;
        }
        Ok(())
    }

    /// Refuses an output folder that is not missing, empty, or a patuh site holding only
    /// the files its manifest lists; gives that manifest, as read. A manifest read before
    /// (`before`) is taken again without reading it when its file is still the one read
    /// (the same size and modification time): a million items make it ten megabytes.
    fn check_replaceable(
        &self,
        before: Option<ReadManifest>,
    ) -> Result<Option<ReadManifest>, PublishError> {
        let dir = &self.dir;
        if !dir.exists() {
            return Ok(None);
        }
        if !dir.is_dir() {
            return Err(PublishError::NotASite(self.shown.clone()));
        }
        if fs::read_dir(dir).map_err(io(dir))?.next().is_none() {
            return Ok(None);
        }
        let stamp = fs::metadata(dir.join(MANIFEST))
            .ok()
            .map(|m| (m.len(), m.modified().ok()));
        let manifest = match before {
            Some((read, manifest)) if stamp == Some(read) => manifest,
            _ => Manifest::read(dir).ok_or_else(|| PublishError::NotASite(self.shown.clone()))?,
        };
        let foreign = foreign_files(dir, &manifest)?;
        match foreign.first() {
            None => Ok(Some((stamp.unwrap_or((0, None)), manifest))),
            Some(first) => Err(PublishError::Foreign {
                out: self.shown.clone(),
                count: foreign.len(),
                first: first.clone(),
            }),
        }
    }

    /// Starts writing the new site beside the old one.
    pub fn stage(&self) -> Result<Staging<'_>, PublishError> {
        fs::create_dir_all(&self.staging).map_err(io(&self.staging))?;
        // What the site being replaced holds, by the files its manifest lists: a file that
        // comes out the same is kept rather than written again.
        let (previous, units) = match self.manifest.lock().expect("not poisoned").take() {
            Some(m) => (
                m.outputs.into_iter().map(|w| (w.path, w.sha256)).collect(),
                m.units.into_iter().map(|u| (u.key, u.files)).collect(),
            ),
            None => Default::default(),
        };
        Ok(Staging {
            target: self,
            written: Default::default(),
            previous,
            units,
            kept: Default::default(),
            committed: false,
        })
    }
}

/// `out` made absolute with links resolved: the folder it names, or where a link points.
fn resolve(out: &Path) -> Result<PathBuf, PublishError> {
    let is_link = fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        return out
            .canonicalize()
            .map_err(|_| PublishError::BrokenLink(out.to_path_buf()));
    }
    if !matches!(out.components().next_back(), Some(Component::Normal(_))) {
        // `.`, `..` or a root.
        return Err(PublishError::HoldsWorkingFolder(out.to_path_buf()));
    }
    let absolute = std::path::absolute(out).map_err(io(out))?;
    // The nearest folder that exists, with its links resolved, and the rest as written.
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return Ok(rest.iter().rev().fold(real, |path, part| path.join(part)));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return Ok(absolute),
        }
    }
}

/// The site a build replaces, as read before it is replaced.
#[derive(Debug, Clone)]
pub struct Previous {
    /// The working-time calendar its manifest records.
    pub calendar: Option<CalendarRecord>,
    /// Its `data/summary.json`.
    pub summary: String,
}

/// Where a site comes from, for its manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// SHA-256 of the effective configuration.
    pub config_sha256: String,
    /// The exports read, with their SHA-256 (paths as the site may show them).
    pub inputs: Vec<Written>,
    /// The working-time calendar in force, when `[calendar]` is set.
    pub calendar: Option<CalendarRecord>,
    /// The files of each period by the key of their inputs (the render cache).
    pub units: Vec<Unit>,
}

/// The new site being written beside the old one. Files are written as they are made
/// (from several threads at once); [`Staging::commit`] swaps the new site in. Dropped
/// without a commit, it removes itself and the old site stays as it was.
#[derive(Debug)]
pub struct Staging<'a> {
    target: &'a Target,
    /// The files written so far, with their SHA-256 (for the manifest).
    written: std::sync::Mutex<std::collections::BTreeMap<String, String>>,
    /// The files of the site being replaced, with their SHA-256 (from its manifest).
    previous: std::collections::HashMap<String, String>,
    /// The files of the site being replaced by the key of their inputs (its manifest's
    /// units).
    units: std::collections::HashMap<String, Vec<UnitFile>>,
    /// How many files were kept from the site being replaced.
    kept: std::sync::atomic::AtomicUsize,
    committed: bool,
}

impl Staging<'_> {
    /// Writes one file of the new site; a path written twice is an error (two pages would
    /// overwrite each other).
    pub fn write(&self, file: &OutputFile) -> Result<Written, PublishError> {
        let relative = Path::new(&file.path);
        assert!(
            relative
                .components()
                .all(|c| matches!(c, Component::Normal(_))),
            "output paths are relative and plain: {}",
            file.path
        );
        let sha256 = sha256_hex(&file.bytes);
        let path = self.place(&file.path, &sha256)?;
        if self.previous.get(&file.path) == Some(&sha256) && self.keep(relative, &file.bytes, &path)
        {
            self.kept.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        } else {
            fs::write(&path, &file.bytes).map_err(io(&path))?;
        }
        fault::point("writing");
        Ok(Written {
            path: file.path.clone(),
            sha256,
        })
    }

    /// Records the file `relative` of the new site with its SHA-256 for the manifest, and
    /// gives where it goes in the staging folder, that folder made; a path given twice is
    /// an error (two pages would overwrite each other).
    fn place(&self, relative: &str, sha256: &str) -> Result<PathBuf, PublishError> {
        let fresh = self
            .written
            .lock()
            .expect("not poisoned")
            .insert(relative.to_string(), sha256.to_string())
            .is_none();
        if !fresh {
            return Err(PublishError::Twice(relative.to_string()));
        }
        let path = self.target.staging.join(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        Ok(path)
    }

    /// Puts the previous site's file `relative` at `path` of the new one (a hard link: the
    /// same file, its date unchanged, so that backups and archives see only what changed;
    /// issue 13) when it is a plain file holding exactly `bytes`. `false` when it is not, or
    /// cannot be linked (the file is then written).
    fn keep(&self, relative: &Path, bytes: &[u8], path: &Path) -> bool {
        let old = self.target.dir.join(relative);
        let plain = fs::symlink_metadata(&old).is_ok_and(|m| m.file_type().is_file());
        plain && fs::read(&old).is_ok_and(|held| held == bytes) && fs::hard_link(&old, path).is_ok()
    }

    /// Keeps the files the site being replaced made from the inputs `key` (the render
    /// cache): each is linked into the new site as it is. `None`, with nothing kept, when
    /// that site has no files of this key, or one of them is no longer a plain file of the
    /// size it was written with (changed since, by hand): they are then rendered again.
    pub fn reuse(&self, key: &str) -> Result<Option<Vec<UnitFile>>, PublishError> {
        let Some(files) = self.units.get(key) else {
            return Ok(None);
        };
        let intact = files.iter().all(|f| {
            self.previous.contains_key(&f.path)
                && fs::symlink_metadata(self.target.dir.join(&f.path))
                    .is_ok_and(|m| m.file_type().is_file() && m.len() == f.bytes)
        });
        if !intact {
            return Ok(None);
        }
        for f in files {
            let path = self.place(&f.path, &self.previous[&f.path])?;
            let old = self.target.dir.join(&f.path);
            if fs::hard_link(&old, &path).is_err() {
                fs::copy(&old, &path).map_err(io(&path))?;
            }
        }
        self.kept
            .fetch_add(files.len(), std::sync::atomic::Ordering::Relaxed);
        Ok(Some(files.clone()))
    }

    /// How many files so far are those of the site being replaced, kept as they were.
    pub fn kept(&self) -> usize {
        self.kept.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Writes the manifest (what made the site, from which exports, and every file written
    /// with its SHA-256), then swaps the new site in for the old one: in one atomic
    /// exchange where the file system offers it (Linux), else in two renames whose gap
    /// [`Target::open`] repairs. Gives the paths of the site's files, the manifest last.
    pub fn commit(self, provenance: Provenance) -> Result<Vec<String>, PublishError> {
        let outputs: Vec<Written> = self
            .written
            .lock()
            .expect("not poisoned")
            .iter()
            .map(|(path, sha256)| Written {
                path: path.clone(),
                sha256: sha256.clone(),
            })
            .collect();
        let manifest = Manifest {
            generator: "patuh".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            config_sha256: provenance.config_sha256,
            inputs: provenance.inputs,
            outputs,
            calendar: provenance.calendar,
            units: provenance.units,
        };
        self.write(&OutputFile {
            path: MANIFEST.into(),
            bytes: manifest.to_bytes(),
        })?;
        let mut paths: Vec<String> = manifest.outputs.into_iter().map(|w| w.path).collect();
        paths.push(MANIFEST.into());
        self.swap()?;
        Ok(paths)
    }

    fn swap(mut self) -> Result<(), PublishError> {
        let Target {
            dir,
            staging,
            retired,
            ..
        } = self.target;
        fault::point("staged");
        if fs::symlink_metadata(dir).is_err() {
            fs::rename(staging, dir).map_err(io(dir))?;
            self.committed = true;
            return Ok(());
        }
        if exchange(staging, dir).map_err(io(dir))? {
            self.committed = true;
            fault::point("exchanged");
            // The staging folder now holds the old site.
            return fs::remove_dir_all(staging).map_err(io(staging));
        }
        fs::rename(dir, retired).map_err(io(dir))?;
        fault::point("retired");
        if let Err(source) = fs::rename(staging, dir) {
            let _ = fs::rename(retired, dir);
            return Err(PublishError::Io {
                path: dir.clone(),
                source,
            });
        }
        self.committed = true;
        fault::point("published");
        fs::remove_dir_all(retired).map_err(io(retired))
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.target.staging);
        }
    }
}

/// Exchanges the folders `a` and `b` atomically; `false` when the file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    if fault::disabled("exchange") {
        return Ok(false);
    }
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Exchanges the folders `a` and `b` atomically; `false` when the file system cannot.
#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Fault injection for the crash-safety tests: `PATUH_FAULT` lists, separated by commas,
/// `abort:POINT` (the process aborts there, as if killed: no clean-up runs) and `no-NAME`
/// (a capability, e.g. `no-exchange`, is taken as missing). Unset in normal use.
mod fault {
    use std::sync::OnceLock;

    fn settings() -> &'static [String] {
        static SETTINGS: OnceLock<Vec<String>> = OnceLock::new();
        SETTINGS.get_or_init(|| {
            std::env::var("PATUH_FAULT")
                .map(|v| v.split(',').map(str::to_owned).collect())
                .unwrap_or_default()
        })
    }

    /// Aborts the process at `point` when asked to.
    pub(super) fn point(point: &str) {
        if settings()
            .iter()
            .any(|s| s.strip_prefix("abort:") == Some(point))
        {
            std::process::abort();
        }
    }

    /// Whether the capability `name` is to be taken as missing.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub(super) fn disabled(name: &str) -> bool {
        settings()
            .iter()
            .any(|s| s.strip_prefix("no-") == Some(name))
    }
}

/// Writes `files` as the new content of `out_dir`, replacing a previous patuh site, with
/// a manifest saying they came from `provenance`.
pub fn publish(
    out_dir: &Path,
    files: &[OutputFile],
    provenance: Provenance,
) -> Result<Vec<String>, PublishError> {
    let target = Target::open(out_dir, None)?;
    let staging = target.stage()?;
    for file in files {
        staging.write(file)?;
    }
    staging.commit(provenance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn provenance() -> Provenance {
        Provenance {
            config_sha256: String::new(),
            inputs: Vec::new(),
            calendar: None,
            units: Vec::new(),
        }
    }

    #[test]
    fn replaces_a_previous_site_and_refuses_anything_else() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        let files = publish(&out, &[file("a/b.txt", "one")], provenance()).unwrap();
        assert_eq!(files, ["a/b.txt", MANIFEST]);
        let manifest = Manifest::read(&out).unwrap();
        assert_eq!(
            manifest.outputs,
            [Written {
                path: "a/b.txt".into(),
                sha256: sha256_hex(b"one")
            }]
        );
        assert_eq!(fs::read_to_string(out.join("a/b.txt")).unwrap(), "one");
        publish(&out, &[file("c.txt", "two")], provenance()).unwrap();
        assert!(!out.join("a/b.txt").exists());
        assert_eq!(fs::read_to_string(out.join("c.txt")).unwrap(), "two");
        assert!(!tmp.path().join(".site.patuh-old").exists());
        assert!(!tmp.path().join(".site.patuh-new").exists());

        let home = tmp.path().join("home");
        fs::create_dir_all(&home).unwrap();
        fs::write(home.join("thesis.docx"), "precious").unwrap();
        let err = publish(&home, &[file("x", "y")], provenance()).unwrap_err();
        assert!(matches!(err, PublishError::NotASite(_)));
        assert_eq!(
            fs::read_to_string(home.join("thesis.docx")).unwrap(),
            "precious"
        );
        assert!(!home.join("x").exists());
    }

    #[test]
    #[cfg(unix)]
    fn a_file_is_kept_only_when_the_previous_site_holds_exactly_its_bytes() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        let ino = |name: &str| fs::symlink_metadata(out.join(name)).unwrap().ino();
        let kept = |files: &[OutputFile]| {
            let target = Target::open(&out, None).unwrap();
            let staging = target.stage().unwrap();
            for f in files {
                staging.write(f).unwrap();
            }
            let kept = staging.kept();
            staging.commit(provenance()).unwrap();
            kept
        };
        let files = [
            file("same.txt", "one"),
            file("changed.txt", "two"),
            file("spoilt.txt", "three"),
            file("linked.txt", "four"),
        ];
        assert_eq!(kept(&files), 0);
        let before: Vec<u64> = ["same.txt", "spoilt.txt", "linked.txt"].map(&ino).to_vec();
        // Since then, someone changed a file of the site in place, and put a link (to a
        // file holding the same bytes) in place of another: the manifest no longer tells
        // what they hold.
        fs::write(out.join("spoilt.txt"), "THREE").unwrap();
        fs::write(tmp.path().join("elsewhere.txt"), "four").unwrap();
        fs::remove_file(out.join("linked.txt")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("elsewhere.txt"), out.join("linked.txt"))
            .unwrap();
        let files = [
            file("same.txt", "one"),
            file("changed.txt", "TWO"),
            file("spoilt.txt", "three"),
            file("linked.txt", "four"),
        ];
        // Only the file that still holds exactly its bytes is kept: the same file.
        assert_eq!(kept(&files), 1);
        assert_eq!(ino("same.txt"), before[0]);
        assert_ne!(ino("spoilt.txt"), before[1]);
        for f in &files {
            let path = out.join(&f.path);
            assert!(fs::symlink_metadata(&path).unwrap().is_file(), "{}", f.path);
            assert_eq!(fs::read(&path).unwrap(), f.bytes, "{}", f.path);
        }
        assert_eq!(
            fs::read_to_string(tmp.path().join("elsewhere.txt")).unwrap(),
            "four"
        );
    }

    #[test]
    fn the_previous_site_is_its_manifest_and_summary() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        // Nothing there yet; then a site without a summary: nothing to compare with.
        assert!(Target::open(&out, None).unwrap().previous().is_none());
        publish(&out, &[file("a.txt", "one")], provenance()).unwrap();
        assert!(Target::open(&out, None).unwrap().previous().is_none());
        publish(
            &out,
            &[file(
                "data/summary.json",
                "{\"schema\": \"patuh.summary/1\"}",
            )],
            provenance(),
        )
        .unwrap();
        let previous = Target::open(&out, None).unwrap().previous().unwrap();
        assert_eq!(previous.summary, "{\"schema\": \"patuh.summary/1\"}");
        assert_eq!(previous.calendar, None);
    }

    #[test]
    fn files_the_manifest_does_not_list_are_foreign() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        publish(
            &out,
            &[file("a/b.txt", "one"), file("c.txt", "two")],
            provenance(),
        )
        .unwrap();
        let manifest = Manifest::read(&out).unwrap();
        assert_eq!(
            foreign_files(&out, &manifest).unwrap(),
            Vec::<String>::new()
        );
        fs::write(out.join("a/mine.csv"), "x").unwrap();
        fs::create_dir_all(out.join("ekspor/2026")).unwrap();
        fs::write(out.join("ekspor/2026/w48.xlsx"), "x").unwrap();
        // A folder where the manifest lists a file.
        fs::remove_file(out.join("c.txt")).unwrap();
        fs::create_dir(out.join("c.txt")).unwrap();
        assert_eq!(
            foreign_files(&out, &manifest).unwrap(),
            ["a/mine.csv", "c.txt", "ekspor/2026/w48.xlsx"]
        );
        let err = publish(&out, &[file("d.txt", "three")], provenance()).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "refusing to replace {}: it holds files that patuh did not write (3), such as \
                 a/mine.csv; a build replaces the whole folder, so move them out of it first, \
                 or choose another folder with --out",
                out.display()
            )
        );
        assert!(out.join("ekspor/2026/w48.xlsx").is_file());
    }
}
