//! The command line as a user meets it: the help of every command, pinned so that a
//! changed option or wording is a reviewed change.

use crate::support::{patuh_command, repo, run};

/// `patuh ARGS… --help`, as a 100-column terminal shows it.
fn help(args: &[&str]) -> String {
    let args = [args, &["--help"]].concat();
    run(patuh_command(repo(), &args).env("COLUMNS", "100"))
        .success()
        .stdout
}

/// The commands a top-level help lists, but clap's own `help`.
fn commands(help: &str) -> Vec<&str> {
    help.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect()
}

#[test]
fn help_of_every_command() {
    // A new command fails here until its help is pinned below.
    assert_eq!(commands(&help(&[])), ["check", "build", "init"]);
    insta::assert_snapshot!("help", help(&[]));
    insta::assert_snapshot!("help_check", help(&["check"]));
    insta::assert_snapshot!("help_build", help(&["build"]));
    insta::assert_snapshot!("help_init", help(&["init"]));
}
