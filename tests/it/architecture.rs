//! The stages import one way (ARCHITECTURE.md): configuration, discovery, reading, judging,
//! aggregating, rendering, publishing; each uses only earlier stages and the shared
//! vocabulary, which uses no stage. Read from the sources, so a wrong-way `use` fails here.

use std::collections::BTreeMap;
use std::path::Path;

use crate::support::repo;

/// The rank of each top-level module: a module may name only modules of a rank at most its
/// own; the shared vocabulary (rank 0) names only shared vocabulary.
fn ranks() -> BTreeMap<&'static str, u8> {
    let mut ranks = BTreeMap::new();
    for shared in [
        "calendar",
        "hash",
        "issues",
        "manifest",
        "model",
        "names",
        "privacy",
        "progress",
        "text",
        "timestamp",
        "words",
    ] {
        ranks.insert(shared, 0);
    }
    for (rank, stages) in [
        (1, &["config"][..]),
        (2, &["discover"]),
        (3, &["ingest"]),
        (4, &["sop"]),
        (5, &["report"]),
        (6, &["render", "check"]),
        (7, &["site", "init"]),
        // The errors of every stage, gathered for the command line.
        (8, &["error"]),
    ] {
        for stage in stages {
            ranks.insert(*stage, rank);
        }
    }
    ranks
}

/// The top-level module a source file belongs to (`src/ingest/table.rs` → `ingest`).
fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

#[test]
fn no_module_names_a_later_stage() {
    let src = repo().join("src");
    let ranks = ranks();
    let mut wrong = Vec::new();
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = entry.path().strip_prefix(&src).unwrap();
        let module = module_of(relative).unwrap();
        if module == "lib" || module == "main" {
            continue;
        }
        let rank = *ranks
            .get(module.as_str())
            .unwrap_or_else(|| panic!("{module}: a module this test does not place; add it"));
        seen += 1;
        let text = std::fs::read_to_string(entry.path()).unwrap();
        // Unit tests may build anything they need.
        let code = text.split("#[cfg(test)]\nmod ").next().unwrap();
        for (n, line) in code.lines().enumerate() {
            for (at, _) in line.match_indices("crate::") {
                let rest = &line[at + "crate::".len()..];
                // `crate::a::b` names `a`; `crate::{a::b, c}` names `a` and `c`.
                let group = rest
                    .strip_prefix('{')
                    .map(|g| g.split('}').next().unwrap_or(g));
                let heads: Vec<&str> = match group {
                    Some(group) => group.split(',').collect(),
                    None => vec![rest],
                };
                for head in heads {
                    let named: String = head
                        .trim_start()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    let Some(&other) = ranks.get(named.as_str()) else {
                        continue;
                    };
                    if named == module || other <= rank {
                        continue;
                    }
                    wrong.push(format!(
                        "src/{}:{}: {module} (rank {rank}) names {named} (rank {other})",
                        relative.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(seen > 30, "the sources were found");
    assert!(wrong.is_empty(), "wrong-way imports:\n{}", wrong.join("\n"));
}
