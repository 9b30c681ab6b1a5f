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
    /// When each stage was entered, in order (for `PATUH_TIMINGS`, BENCHMARKS.md).
    entered: std::sync::Mutex<Vec<(Stage, std::time::Instant)>>,
}

impl Progress {
    /// Enters a stage.
    pub fn enter(&self, stage: Stage) {
        let index = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage.store(index as u8, Ordering::Relaxed);
        if let Ok(mut entered) = self.entered.lock() {
            entered.push((stage, std::time::Instant::now()));
        }
    }

    /// How long each stage entered so far took: until the next one was entered, the
    /// last one until now.
    pub fn timings(&self) -> Vec<(Stage, std::time::Duration)> {
        let entered = self.entered.lock().map(|e| e.clone()).unwrap_or_default();
        let now = std::time::Instant::now();
        entered
            .iter()
            .enumerate()
            .map(|(i, (stage, at))| {
                let until = entered.get(i + 1).map_or(now, |(_, next)| *next);
                (*stage, until - *at)
            })
            .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_list_the_stages_in_the_order_entered() {
        let progress = Progress::default();
        assert!(progress.timings().is_empty());
        progress.enter(Stage::Reading);
        progress.enter(Stage::Judging);
        let stages: Vec<Stage> = progress.timings().into_iter().map(|(s, _)| s).collect();
        assert_eq!(stages, [Stage::Reading, Stage::Judging]);
    }
}
