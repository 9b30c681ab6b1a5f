//! The command line as a user meets it: the help of every command, pinned so that a
//! changed option or wording is a reviewed change.

use crate::support::{patuh_command, repo, run};

/// `patuh ARGS… --help` in `cwd`, as a 100-column terminal shows it.
fn help_in(cwd: &std::path::Path, args: &[&str]) -> String {
    let args = [args, &["--help"]].concat();
    run(patuh_command(cwd, &args).env("COLUMNS", "100"))
        .success()
        .stdout
}

/// `patuh ARGS… --help` in the repository (its patuh.toml names no language).
fn help(args: &[&str]) -> String {
    help_in(repo(), args)
}

/// The commands a top-level help lists (under "Perintah:" or "Commands:").
fn commands(help: &str) -> Vec<&str> {
    help.lines()
        .skip_while(|l| *l != "Perintah:" && *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

#[test]
fn help_of_every_command() {
    // A new command fails here until its help is pinned below, in both languages.
    assert_eq!(commands(&help(&[])), ["check", "build", "init"]);
    insta::assert_snapshot!("help", help(&[]));
    insta::assert_snapshot!("help_check", help(&["check"]));
    insta::assert_snapshot!("help_build", help(&["build"]));
    insta::assert_snapshot!("help_init", help(&["init"]));
    // English: `--lang en` where a command has it, else `lang = "en"` in patuh.toml.
    let english = tempfile::tempdir().unwrap();
    std::fs::write(english.path().join("patuh.toml"), "lang = \"en\"\n").unwrap();
    assert_eq!(
        commands(&help_in(english.path(), &[])),
        ["check", "build", "init"]
    );
    insta::assert_snapshot!("help_en", help_in(english.path(), &[]));
    insta::assert_snapshot!("help_check_en", help(&["check", "--lang", "en"]));
    insta::assert_snapshot!("help_build_en", help(&["build", "--lang=en"]));
    insta::assert_snapshot!("help_init_en", help_in(english.path(), &["init"]));
}

#[test]
fn help_speaks_the_configured_language() {
    let dir = tempfile::tempdir().unwrap();
    // Indonesian by default, with no configuration at all.
    assert!(help_in(dir.path(), &["build"]).starts_with(
        "Membaca ekspor, menerapkan standar waktu SOP, dan menulis situs laporan\n\n\
         Pemakaian: patuh build [OPSI]\n"
    ));
    // lang = "en" in the working folder's patuh.toml.
    std::fs::write(dir.path().join("patuh.toml"), "lang = \"en\"\n").unwrap();
    let en = help_in(dir.path(), &["build"]);
    assert!(
        en.starts_with(
            "Reads the exports, applies the SOP's time standards and writes the report site\n\n\
         Usage: patuh build [OPTIONS]\n"
        ),
        "{en}"
    );
    assert!(
        en.contains("\n  -h, --help           Print this help\n"),
        "{en}"
    );
    // --lang wins over the file.
    assert!(help_in(dir.path(), &["build", "--lang", "id"]).contains("Tampilkan bantuan ini"));
    // A configuration named with --config counts too.
    let other = tempfile::tempdir().unwrap();
    let config = dir.path().join("patuh.toml");
    let named = help_in(
        other.path(),
        &["check", "--config", config.to_str().unwrap()],
    );
    assert!(
        named.starts_with("Reads and validates the exports"),
        "{named}"
    );
}
