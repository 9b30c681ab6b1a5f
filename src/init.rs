//! `patuh init`: writes a commented `patuh.toml` and, on request, the built-in templates
//! for the office to edit. Never overwrites a file.

use std::path::{Path, PathBuf};

use crate::render::templates::BUILT_IN;

/// The commented configuration `patuh init` writes.
pub const CONFIG_TEMPLATE: &str = include_str!("../templates/init/patuh.toml");

/// `patuh init` could not write its files (told in either language; `Display` is the
/// English text).
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// A file is already there.
    Exists(PathBuf),
    /// A file could not be written.
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl crate::words::Describe for InitError {
    fn describe(&self, lang: crate::words::Lang) -> String {
        match self {
            InitError::Exists(path) => crate::words::say(
                lang,
                "err_init_exists",
                &[("path", &path.display().to_string())],
            ),
            InitError::Io { path, source } => crate::words::say(
                lang,
                "err_write",
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &crate::words::io_reason(source, lang)),
                ],
            ),
        }
    }
}

impl std::fmt::Display for InitError {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::words::Describe::describe(
            self,
            crate::words::Lang::En,
        ))
    }
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
