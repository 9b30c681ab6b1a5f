//! The command line as a user meets it: the help of every command, pinned so that a
//! changed option or wording is a reviewed change.

fn help(args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_patuh"))
        .args(args)
        .arg("--help")
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn help_of_every_command() {
    insta::assert_snapshot!("help", help(&[]));
    insta::assert_snapshot!("help_check", help(&["check"]));
    insta::assert_snapshot!("help_build", help(&["build"]));
    insta::assert_snapshot!("help_init", help(&["init"]));
}
