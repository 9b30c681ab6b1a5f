//! Shared vocabulary: the manifest that marks a folder as a site patuh wrote
//! (`manifest.json`: the generator, the inputs and every output with its SHA-256). Reading
//! passes such folders over; publishing writes the manifest and replaces only folders that
//! hold one.

use std::fs;
use std::path::Path;

/// The manifest's file name, at the top of a site.
pub const MANIFEST: &str = "manifest.json";

/// A file and the SHA-256 of its contents, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Written {
    /// Relative path (`/` separators).
    pub path: String,
    /// SHA-256 of the contents, in hex.
    pub sha256: String,
}

/// The manifest of a site (`manifest.json`): what wrote it, from which inputs and
/// configuration, and every other file of the site with its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Manifest {
    /// Always `patuh`.
    pub generator: String,
    /// patuh's version.
    #[serde(default)]
    pub version: String,
    /// SHA-256 of the effective configuration.
    #[serde(default)]
    pub config_sha256: String,
    /// The exports read.
    #[serde(default)]
    pub inputs: Vec<Written>,
    /// The files of the site, but the manifest itself.
    #[serde(default)]
    pub outputs: Vec<Written>,
}

impl Manifest {
    /// The manifest of the site in `dir`, when there is one that patuh wrote.
    pub fn read(dir: &Path) -> Option<Manifest> {
        let text = fs::read(dir.join(MANIFEST)).ok()?;
        serde_json::from_slice::<Manifest>(&text)
            .ok()
            .filter(|m| m.generator == "patuh")
    }

    /// The manifest as written to the site (pretty JSON, a line break at the end).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut text = serde_json::to_string_pretty(self).expect("the manifest serialises");
        text.push('\n');
        text.into_bytes()
    }
}

/// Whether `dir` holds a site patuh wrote (a manifest naming patuh as its generator).
pub fn is_site(dir: &Path) -> bool {
    Manifest::read(dir).is_some()
}
