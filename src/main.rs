//! The `patuh` command: parses the command line and runs the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Measures how a city communications office handles citizens' complaints against its SOP
/// time standards, from the admins' weekly exports.
#[derive(Parser, Debug)]
#[command(name = "patuh", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Reads and validates the exports without writing a site: files read or skipped, the
    /// row ledger, and the data issues with their locations.
    Check(CheckArgs),
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Folder of exports, read recursively.
    #[arg(long, value_name = "DIR", default_value = "data")]
    data: PathBuf,
    /// Configuration file (default: patuh.toml in the working folder, when present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output format: text for a person, json with every issue for a program.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn check(args: CheckArgs) -> Result<(), patuh::error::Error> {
    let working_dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let config = patuh::config::Config::load(args.config.as_deref(), &working_dir)?;
    let ledger = patuh::read_exports(&args.data, &config, None, chrono::Utc::now())?;
    let run = patuh::check::RunInfo {
        data_dir: args.data.display().to_string(),
        config: config.source.as_ref().map(|p| p.display().to_string()),
        timezone: config.timezone.name().to_string(),
        date_order: format!("{:?}", config.date_order).to_lowercase(),
    };
    let text = match args.format {
        OutputFormat::Text => patuh::check::render_text(&ledger, &run),
        OutputFormat::Json => patuh::check::render_json(&ledger, &run),
    };
    print!("{text}");
    Ok(())
}
