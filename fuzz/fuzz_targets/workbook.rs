//! Workbook exports: the first byte picks the extension (`xlsx`, `xls`, `ods`, `xlsb`,
//! by its value modulo 4), the rest is the file, saved alone in a fresh folder; the whole
//! ingest path (`read_exports`) must return Ok or Err, never panic, never abort.
#![no_main]

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use patuh::config::Config;

const EXTENSIONS: [&str; 4] = ["xlsx", "xls", "ods", "xlsb"];

/// A folder of this process's own on tmpfs when there is one (a crash leaves it behind).
fn base() -> &'static PathBuf {
    static BASE: OnceLock<PathBuf> = OnceLock::new();
    BASE.get_or_init(|| {
        let root = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = root.join(format!("patuh-fuzz-workbook-{}", std::process::id()));
        // A folder left by an earlier process of the same id (one that crashed) goes first.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let extension = EXTENSIONS[usize::from(selector) % EXTENSIONS.len()];
    static N: AtomicU64 = AtomicU64::new(0);
    let dir = base().join(N.fetch_add(1, Ordering::Relaxed).to_string());
    std::fs::create_dir(&dir).expect("a fresh folder");
    std::fs::write(dir.join(format!("x.{extension}")), file).expect("the export written");
    let config = Config::default();
    let _ = patuh::read_exports(&dir, &config, None, chrono::Utc::now());
    std::fs::remove_dir_all(&dir).expect("the folder removed");
});
