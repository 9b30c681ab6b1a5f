//! Delimited exports: `delimited::read_bytes` on any bytes (both tab preferences, a header
//! finder that knows "Waktu Posting"), then the whole ingest path on the same bytes saved
//! as `x.csv` alone in a fresh folder: `read_exports` must return Ok or Err, never panic.
#![no_main]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use patuh::config::Config;
use patuh::ingest::delimited::read_bytes;

/// A folder of this process's own on tmpfs when there is one (a crash leaves it behind).
fn base() -> &'static PathBuf {
    static BASE: OnceLock<PathBuf> = OnceLock::new();
    BASE.get_or_init(|| {
        let root = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = root.join(format!("patuh-fuzz-delimited-{}", std::process::id()));
        // A folder left by an earlier process of the same id (one that crashed) goes first.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let finds_header = |fields: &[String]| fields.iter().any(|f| f == "Waktu Posting");
    for prefer_tab in [false, true] {
        let _ = read_bytes(data, prefer_tab, finds_header, |_, _| true);
    }

    static N: AtomicU64 = AtomicU64::new(0);
    let dir = base().join(N.fetch_add(1, Ordering::Relaxed).to_string());
    std::fs::create_dir(&dir).expect("a fresh folder");
    std::fs::write(dir.join("x.csv"), data).expect("the export written");
    let config = Config::default();
    let _ = patuh::read_exports(&dir, &config, None, chrono::Utc::now());
    std::fs::remove_dir_all(&dir).expect("the folder removed");
});
