//! Publishing the site: the only stage that writes. The new site is written beside the old
//! one and swapped in only when complete, so a failed build leaves the old one as it was.
//!
//! Refuses to replace a folder that is neither empty nor a previous patuh site.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// The manifest that marks a folder as a patuh site.
pub const MANIFEST: &str = "manifest.json";

/// One file of the site: its path relative to the output folder (`/` separators) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative path, e.g. `data/summary.json`.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Publishing failed; the previous site is untouched.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The output folder holds something that is not a patuh site.
    #[error(
        "refusing to write into {0}: it is not empty and holds no patuh site (no {MANIFEST}); \
         choose an empty or new folder with --out"
    )]
    NotASite(PathBuf),
    /// Another build is writing the same site now.
    #[error(
        "another patuh build is writing {0} right now: wait until it has finished, then run \
         this one again"
    )]
    Busy(PathBuf),
    /// Two files of the site have the same path.
    #[error("two files of the site would be written to {0}; please report this")]
    Twice(String),
    /// A file system operation failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PublishError + '_ {
    move |source| PublishError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Whether `dir` may be replaced: missing, empty, or holding a patuh manifest.
pub fn may_replace(dir: &Path) -> Result<bool, PublishError> {
    if !dir.exists() {
        return Ok(true);
    }
    if !dir.is_dir() {
        return Ok(false);
    }
    let mut entries = fs::read_dir(dir).map_err(io(dir))?;
    if entries.next().is_none() {
        return Ok(true);
    }
    Ok(is_site(dir))
}

/// Whether `dir` holds a site patuh wrote (a manifest naming patuh as its generator).
pub fn is_site(dir: &Path) -> bool {
    fs::read_to_string(dir.join(MANIFEST))
        .is_ok_and(|text| text.contains("\"generator\": \"patuh\""))
}

/// A file written to the new site, with its SHA-256 (for the manifest).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Written {
    /// Relative path.
    pub path: String,
    /// SHA-256 of the contents, in hex.
    pub sha256: String,
}

/// The new site being written beside the old one. Files are written as they are made
/// (from several threads at once); [`Staging::commit`] swaps the new site in. Dropped
/// without a commit, it removes itself and the old site stays as it was.
#[derive(Debug)]
pub struct Staging {
    out_dir: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    written: std::sync::Mutex<std::collections::BTreeSet<String>>,
    committed: bool,
    /// Held until the build ends, so that two builds of one site never mix their files.
    _lock: fs::File,
    /// Where the lock is: removed when the build ends, so nothing stays beside the site.
    lock_path: PathBuf,
}

impl Staging {
    /// Starts a new site for `out_dir`, which must be empty, missing, or a patuh site.
    pub fn begin(out_dir: &Path) -> Result<Staging, PublishError> {
        if !may_replace(out_dir)? {
            return Err(PublishError::NotASite(out_dir.to_path_buf()));
        }
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "site".into());
        fs::create_dir_all(&parent).map_err(io(&parent))?;
        // A lock beside the site: the operating system releases it when the build ends,
        // however it ends; the file is removed when the build ends normally.
        let lock_path = parent.join(format!(".{name}.patuh-lock"));
        let lock = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(PublishError::Busy(out_dir.to_path_buf()));
            }
            Err(fs::TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
        }
        let staging = parent.join(format!(".{name}.patuh-new"));
        let retired = parent.join(format!(".{name}.patuh-old"));
        for leftover in [&staging, &retired] {
            if leftover.exists() {
                fs::remove_dir_all(leftover).map_err(io(leftover))?;
            }
        }
        fs::create_dir_all(&staging).map_err(io(&staging))?;
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            staging,
            retired,
            written: Default::default(),
            committed: false,
            _lock: lock,
            lock_path,
        })
    }

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
        let fresh = self
            .written
            .lock()
            .expect("not poisoned")
            .insert(file.path.clone());
        if !fresh {
            return Err(PublishError::Twice(file.path.clone()));
        }
        let path = self.staging.join(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        fs::write(&path, &file.bytes).map_err(io(&path))?;
        Ok(Written {
            path: file.path.clone(),
            sha256: sha256_hex(&file.bytes),
        })
    }

    /// Swaps the new site in for the old one.
    pub fn commit(mut self) -> Result<(), PublishError> {
        let had_old = self.out_dir.exists();
        if had_old {
            fs::rename(&self.out_dir, &self.retired).map_err(io(&self.out_dir))?;
        }
        if let Err(source) = fs::rename(&self.staging, &self.out_dir) {
            if had_old {
                let _ = fs::rename(&self.retired, &self.out_dir);
            }
            return Err(PublishError::Io {
                path: self.out_dir.clone(),
                source,
            });
        }
        self.committed = true;
        if had_old {
            fs::remove_dir_all(&self.retired).map_err(io(&self.retired))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
        // Still locked here: the lock is released when `_lock` is dropped, after this.
        let _ = fs::remove_file(&self.lock_path);
    }
}

/// SHA-256 of bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes `files` as the new content of `out_dir`, replacing a previous patuh site.
pub fn publish(out_dir: &Path, files: &[OutputFile]) -> Result<(), PublishError> {
    let staging = Staging::begin(out_dir)?;
    for file in files {
        staging.write(file)?;
    }
    staging.commit()
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

    #[test]
    fn replaces_a_previous_site_and_refuses_anything_else() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        let manifest = file(MANIFEST, "{\"generator\": \"patuh\"}");
        publish(&out, &[manifest.clone(), file("a/b.txt", "one")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/b.txt")).unwrap(), "one");
        publish(&out, &[manifest, file("c.txt", "two")]).unwrap();
        assert!(!out.join("a/b.txt").exists());
        assert_eq!(fs::read_to_string(out.join("c.txt")).unwrap(), "two");
        assert!(!tmp.path().join(".site.patuh-old").exists());
        assert!(!tmp.path().join(".site.patuh-new").exists());

        let home = tmp.path().join("home");
        fs::create_dir_all(&home).unwrap();
        fs::write(home.join("thesis.docx"), "precious").unwrap();
        let err = publish(&home, &[file("x", "y")]).unwrap_err();
        assert!(matches!(err, PublishError::NotASite(_)));
        assert_eq!(
            fs::read_to_string(home.join("thesis.docx")).unwrap(),
            "precious"
        );
        assert!(!home.join("x").exists());
    }
}
