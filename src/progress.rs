//! How far a run has got, for a person watching a terminal: the stage and the files read.
//!
//! Shared counters only; the binary decides whether and how to show them.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// The stages of a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the exports.
    Reading,
    /// Applying the SOP and aggregating.
    Judging,
    /// Rendering the pages.
    Rendering,
    /// Writing the site.
    Publishing,
}

impl Stage {
    const ALL: [Stage; 4] = [
        Stage::Reading,
        Stage::Judging,
        Stage::Rendering,
        Stage::Publishing,
    ];

    /// The stage in words.
    pub fn describe(self) -> &'static str {
        match self {
            Stage::Reading => "reading exports",
            Stage::Judging => "applying the SOP",
            Stage::Rendering => "rendering pages",
            Stage::Publishing => "writing the site",
        }
    }
}

/// Counters updated by the pipeline, read by whoever shows progress.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    files_total: AtomicUsize,
    files_done: AtomicUsize,
}

impl Progress {
    /// Enters a stage.
    pub fn enter(&self, stage: Stage) {
        let index = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage.store(index as u8, Ordering::Relaxed);
    }

    /// Sets the number of files to read.
    pub fn files(&self, total: usize) {
        self.files_total.store(total, Ordering::Relaxed);
    }

    /// Counts one file read.
    pub fn file_done(&self) {
        self.files_done.fetch_add(1, Ordering::Relaxed);
    }

    /// The current stage, files read and files to read.
    pub fn snapshot(&self) -> (Stage, usize, usize) {
        let stage =
            Stage::ALL[usize::from(self.stage.load(Ordering::Relaxed)).min(Stage::ALL.len() - 1)];
        (
            stage,
            self.files_done.load(Ordering::Relaxed),
            self.files_total.load(Ordering::Relaxed),
        )
    }
}
