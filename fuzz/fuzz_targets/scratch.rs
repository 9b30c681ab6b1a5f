//! The folder each fuzz input is read from, shared by the targets that go through
//! `read_exports` (it reads a folder of exports).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// A folder of this process's own on tmpfs when there is one (a crash leaves it behind).
fn base(target: &str) -> &'static PathBuf {
    static BASE: OnceLock<PathBuf> = OnceLock::new();
    BASE.get_or_init(|| {
        let root = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = root.join(format!("patuh-fuzz-{target}-{}", std::process::id()));
        // A folder left by an earlier process of the same id (one that crashed) goes first.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    })
}

/// Writes `bytes` as `name` alone in a fresh folder, calls `read` with the folder, then
/// removes it.
pub fn read_alone<T>(target: &str, name: &str, bytes: &[u8], read: impl FnOnce(&Path) -> T) -> T {
    static N: AtomicU64 = AtomicU64::new(0);
    let dir = base(target).join(N.fetch_add(1, Ordering::Relaxed).to_string());
    std::fs::create_dir(&dir).expect("a fresh folder");
    std::fs::write(dir.join(name), bytes).expect("the export written");
    let result = read(&dir);
    std::fs::remove_dir_all(&dir).expect("the folder removed");
    result
}
