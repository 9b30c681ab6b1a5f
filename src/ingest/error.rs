//! Why an export cannot be read: the error of one file, and of the run when any fails.

use serde::Serialize;

/// An export that could not be read at all.
#[derive(Debug, Clone, Serialize, thiserror::Error)]
#[error("cannot read {file}: {message}")]
pub struct FileError {
    /// Path relative to the data folder.
    pub file: String,
    /// What went wrong, and what to do.
    pub message: String,
}

/// Reading failed: one or more exports could not be read.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct ReadError(pub Vec<FileError>);
