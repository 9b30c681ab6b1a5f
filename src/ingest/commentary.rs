//! The office's commentary on a period (`catatan/<period>.md` in the data folder): read
//! only from regular files that lie inside the data folder, within a size limit, and
//! decoded like the text exports (UTF-8, UTF-16 with BOM, Windows-1252). A commentary file
//! that cannot be used is a data issue naming it, never silently left out.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use super::delimited;
use crate::discover::{Discovery, SkipReason};
use crate::issues::{DataIssue, IssueKind, Location, Reason};

/// The largest commentary file read, in bytes (a commentary is a few paragraphs).
pub const MAX_BYTES: u64 = 256 * 1024;

/// The commentary found in the data folder.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Commentary {
    /// Text per period label.
    pub by_period: BTreeMap<String, String>,
    /// The commentary files that cannot be used, and why.
    pub issues: Vec<DataIssue>,
}

/// Reads the commentary files that `discovery` found under `data_dir`; `is_period` tells
/// whether a label names a period of the report (a file for no period is an issue).
pub fn read(
    data_dir: &Path,
    discovery: &Discovery,
    is_period: impl Fn(&str) -> bool,
) -> Commentary {
    let mut commentary = Commentary::default();
    let inside = data_dir.canonicalize().ok();
    for file in discovery
        .skipped
        .iter()
        .filter(|f| f.reason == SkipReason::Commentary)
    {
        let label = file
            .relative
            .strip_prefix("catatan/")
            .and_then(|rest| rest.strip_suffix(".md"))
            .expect("commentary files are catatan/*.md");
        let issue = |reason: Reason| {
            DataIssue::new(
                IssueKind::UnusableCommentary,
                Location::file(&file.relative),
                None,
                None,
                reason,
            )
        };
        let path = data_dir.join(&file.relative);
        let outside = match (path.canonicalize(), &inside) {
            (Ok(real), Some(inside)) => !real.starts_with(inside),
            _ => true,
        };
        let text = if outside {
            Err(Reason::CommentaryOutside)
        } else if !is_period(label) {
            Err(Reason::CommentaryNoPeriod)
        } else {
            read_text(&path)
        };
        match text {
            Ok(text) => {
                commentary.by_period.insert(label.to_string(), text);
            }
            Err(reason) => commentary.issues.push(issue(reason)),
        }
    }
    commentary
}

/// The text of the regular file at `path`, at most [`MAX_BYTES`] long.
fn read_text(path: &Path) -> Result<String, Reason> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // A pipe swapped in after the walk must not block the build: opened without waiting,
    // then refused as not a regular file.
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options
        .open(path)
        .map_err(|_| Reason::CommentaryUnreadable)?;
    let metadata = file.metadata().map_err(|_| Reason::CommentaryUnreadable)?;
    if !metadata.is_file() {
        return Err(Reason::CommentaryNotAFile);
    }
    if metadata.len() > MAX_BYTES {
        return Err(Reason::CommentaryTooLarge {
            bytes: metadata.len(),
            max: MAX_BYTES,
        });
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Reason::CommentaryUnreadable)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Reason::CommentaryTooLarge {
            bytes: bytes.len() as u64,
            max: MAX_BYTES,
        });
    }
    Ok(delimited::decode(&bytes).0.into_owned())
}
