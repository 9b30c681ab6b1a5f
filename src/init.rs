//! `patuh init`: writes a commented `patuh.toml` and, on request, the built-in templates
//! for the office to edit. Never overwrites a file.

use std::path::{Path, PathBuf};

use crate::render::templates::BUILT_IN;

/// The commented configuration `patuh init` writes.
pub const CONFIG_TEMPLATE: &str = include_str!("../templates/init/patuh.toml");

/// `patuh init` could not write its files.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// A file is already there.
    #[error("{0} already exists: patuh init never overwrites a file; move it away first")]
    Exists(PathBuf),
    /// A file could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Writes `patuh.toml` into `dir` and, with `templates`, the templates into `dir/templates/`.
/// Gives the files written. Nothing is written when any of them already exists.
pub fn init(dir: &Path, templates: bool) -> Result<Vec<PathBuf>, InitError> {
    let mut files: Vec<(PathBuf, &str)> =
        vec![(dir.join(crate::config::DEFAULT_FILE), CONFIG_TEMPLATE)];
    if templates {
        files.extend(
            BUILT_IN
                .iter()
                .map(|(name, text)| (dir.join("templates").join(name), *text)),
        );
    }
    if let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(InitError::Exists(path.clone()));
    }
    for (path, text) in &files {
        let io = |source| InitError::Io {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(path, text).map_err(io)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_configuration_is_valid_and_init_never_overwrites() {
        let config =
            crate::config::Config::parse(CONFIG_TEMPLATE, Path::new("patuh.toml")).unwrap();
        assert_eq!(config.labels.direct_answer, "Dijawab Langsung");
        assert!(config.steps.is_none());
        let tmp = tempfile::tempdir().unwrap();
        let written = init(tmp.path(), true).unwrap();
        assert_eq!(written.len(), 1 + BUILT_IN.len());
        assert!(tmp.path().join("templates/period.html").is_file());
        assert!(matches!(init(tmp.path(), false), Err(InitError::Exists(_))));
    }
}
