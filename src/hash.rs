//! Shared vocabulary: the SHA-256 of bytes, as the manifest lists it for every export
//! read and every file written, and of patuh's own executable, which the caches key on.

/// SHA-256 of bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of patuh's own executable, in hex, read once; `None` when it cannot be read. A
/// patuh built from other code may read the same export, or render the same numbers,
/// otherwise: the caches key on it.
pub fn executable_sha256() -> Option<&'static str> {
    static EXECUTABLE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    EXECUTABLE
        .get_or_init(|| {
            let bytes = std::fs::read(std::env::current_exe().ok()?).ok()?;
            Some(sha256_hex(&bytes))
        })
        .as_deref()
}

/// Bytes in lower-case hex, as digests are written.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
