//! The `patuh` command: parses the command line and runs the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// mimalloc: a build makes and frees many small strings on every thread, which the
/// system allocator serves about twice as slowly (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option `purge_delay` (its place in `mi_option_t`, which the crate does not
/// name as a constant): how many milliseconds memory freed stays with the process.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Gives freed memory back to the system after 100 ms instead of mimalloc's second. The
/// rows read on the reading threads are freed by the merge on the main thread as it makes
/// them items; held a second longer, they were a fifth of a build's peak of memory (issue
/// 13: a rebuild of 1M items, 1,033 → 845 MB, in the same time).
fn return_freed_memory_sooner() {
    // SAFETY: `mi_option_set` is not thread-safe; this runs first in `main`, before any
    // other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 100) }
}

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
    /// Reads the exports, applies the SOP's time standards and writes the report site.
    Build(BuildArgs),
    /// Writes a commented patuh.toml (and with --templates the page templates) to edit.
    Init(InitArgs),
}

#[derive(clap::Args, Debug)]
struct InitArgs {
    /// Also write the built-in page templates into templates/ to edit.
    #[arg(long)]
    templates: bool,
    /// Folder to write into.
    #[arg(long, value_name = "DIR", default_value = ".")]
    dir: PathBuf,
    /// Language of the messages (overrides `lang` in patuh.toml).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(clap::Args, Debug)]
struct BuildArgs {
    /// Folder of exports, read recursively.
    #[arg(long, value_name = "DIR", default_value = "data")]
    data: PathBuf,
    /// Output folder: replaced only if empty or a previous patuh site.
    #[arg(long, value_name = "DIR", default_value = "site")]
    out: PathBuf,
    /// Configuration file (default: patuh.toml in the working folder, else in the data
    /// folder, when present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The moment the report describes (default: the latest timestamp in the exports);
    /// a date alone means the end of that day.
    #[arg(long, value_name = "TIME")]
    as_of: Option<String>,
    /// Language of the pages (overrides `lang` in patuh.toml).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl LangArg {
    fn lang(self) -> patuh::words::Lang {
        match self {
            LangArg::Id => patuh::words::Lang::Id,
            LangArg::En => patuh::words::Lang::En,
        }
    }
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Folder of exports, read recursively.
    #[arg(long, value_name = "DIR", default_value = "data")]
    data: PathBuf,
    /// Configuration file (default: patuh.toml in the working folder, else in the data
    /// folder, when present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output format: text for a person, json with every issue for a program.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Language of the text report (overrides `lang` in patuh.toml).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// The moment the steps are judged at, as for `build` (default: the latest timestamp in
    /// the exports); a date alone means the end of that day.
    #[arg(long, value_name = "TIME")]
    as_of: Option<String>,
    /// Instead of the report, print the [departments] table of patuh.toml with the
    /// department names found close to another added as aliases, to replace the old one.
    #[arg(long, conflicts_with = "format")]
    suggest_aliases: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    return_freed_memory_sooner();
    let lang = run_language(&std::env::args_os().collect::<Vec<_>>());
    let command = localized(Cli::command(), patuh::words::words(lang));
    let cli = Cli::from_arg_matches(&command.get_matches()).unwrap_or_else(|e| e.exit());
    patuh::ingest::quiet_reader_panics();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Build(args) => build(args, lang),
        Command::Init(args) => init(args, lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            use patuh::words::Describe;
            let message = patuh::words::say(lang, "err_prefix", &[("message", &e.describe(lang))]);
            eprintln!("{}", patuh::check::printable(&message));
            ExitCode::from(1)
        }
    }
}

fn check(args: CheckArgs) -> Result<(), patuh::error::Error> {
    let working_dir = PathBuf::from(".");
    let mut config =
        patuh::config::Config::load(args.config.as_deref(), &[&working_dir, &args.data])?;
    if let Some(lang) = args.lang {
        config = config.with_lang(lang.lang());
    }
    let (ledger, judgement) = patuh::check(
        &config,
        &args.data,
        args.as_of.as_deref(),
        chrono::Utc::now(),
        &Default::default(),
    )?;
    let run = patuh::check::RunInfo {
        data_dir: args.data.display().to_string(),
        config: config.source.as_ref().map(|p| p.display().to_string()),
        timezone: config.timezone.name().to_string(),
        date_order: format!("{:?}", config.date_order).to_lowercase(),
        as_of: judgement
            .as_of
            .map(|a| patuh::report::rfc3339_seconds(a.at, config.timezone)),
        warnings: patuh::check::config_warnings(&config),
    };
    if args.suggest_aliases {
        print!("{}", patuh::check::suggest_aliases(&ledger, &config));
        return Ok(());
    }
    let text = match args.format {
        OutputFormat::Text => patuh::check::render_text(&ledger, &run, config.lang),
        OutputFormat::Json => patuh::check::render_json(&ledger, &run),
    };
    print!("{text}");
    // The process ends here: handing a million items back to the allocator one by one
    // would take a tenth of the run (issue 13). The system frees them at exit.
    std::mem::forget((ledger, judgement));
    Ok(())
}

fn build(args: BuildArgs, lang: patuh::words::Lang) -> Result<(), patuh::error::Error> {
    let working_dir = PathBuf::from(".");
    let mut config =
        patuh::config::Config::load(args.config.as_deref(), &[&working_dir, &args.data])?;
    if let Some(lang) = args.lang {
        config = config.with_lang(lang.lang());
    }
    let options = patuh::BuildOptions {
        data_dir: args.data,
        out_dir: args.out,
        as_of: args.as_of,
        now: chrono::Utc::now(),
        // The user's cache folder (`~/.cache`, `%LOCALAPPDATA%`, `~/Library/Caches`).
        cache_root: dirs::cache_dir().map(|d| d.join("patuh")),
    };
    let progress = patuh::progress::Progress::default();
    let outcome = with_progress(&progress, lang, || {
        patuh::build(&config, &options, &progress)
    })?;
    if std::env::var_os("PATUH_TIMINGS").is_some() {
        // Seconds per stage, for benchmarks (BENCHMARKS.md); English, like a log.
        for (stage, took) in progress.timings() {
            eprintln!(
                "timing: {:<18} {:>8.3} s",
                stage.describe(),
                took.as_secs_f64()
            );
        }
    }
    eprint!(
        "{}",
        patuh::check::build_summary(
            &outcome.ledger,
            config
                .source
                .as_ref()
                .map(|p| p.display().to_string())
                .as_deref(),
            outcome.files.len(),
            &options.out_dir.display().to_string(),
            config.lang,
        )
    );
    if outcome.kept > 0 {
        let kept = outcome.kept.to_string();
        let line = patuh::words::say(config.lang, "build_kept", &[("kept", &kept)]);
        eprintln!("{}", patuh::check::printable(&line));
    }
    if outcome.from_cache > 0 {
        let (cached, total) = (
            outcome.from_cache.to_string(),
            outcome.ledger.files.len().to_string(),
        );
        let line = patuh::words::say(
            config.lang,
            "build_from_cache",
            &[("cached", &cached), ("total", &total)],
        );
        eprintln!("{}", patuh::check::printable(&line));
    }
    if outcome.reused.0 > 0 {
        let (reused, total) = (outcome.reused.0.to_string(), outcome.reused.1.to_string());
        let line = patuh::words::say(
            config.lang,
            "build_reused",
            &[("reused", &reused), ("total", &total)],
        );
        eprintln!("{}", patuh::check::printable(&line));
    }
    eprint!(
        "{}",
        patuh::check::changes_text(outcome.since_last.as_ref(), config.lang)
    );
    eprint!(
        "{}",
        patuh::check::warnings_text(&patuh::check::config_warnings(&config), config.lang)
    );
    Ok(())
}

fn init(args: InitArgs, lang: patuh::words::Lang) -> Result<(), patuh::error::Error> {
    let lang = args.lang.map(LangArg::lang).unwrap_or(lang);
    let written = patuh::init::init(&args.dir, args.templates)?;
    for path in written {
        let line = patuh::words::say(lang, "init_wrote", &[("path", &path.display().to_string())]);
        eprintln!("{}", patuh::check::printable(&line));
    }
    Ok(())
}

/// The language the run speaks (its help, its errors, its progress): `--lang` on the
/// command line, else the configuration's `lang` (the file `--config` names, else
/// patuh.toml in the working folder or the data folder) when the configuration can be
/// read, else Indonesian. So an invalid configuration is reported in `--lang` or in
/// Indonesian.
fn run_language(args: &[std::ffi::OsString]) -> patuh::words::Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let value = |name: &str| {
        let flag = format!("--{name}");
        let joined = format!("--{name}=");
        args.iter().enumerate().find_map(|(i, a)| {
            if *a == flag {
                args.get(i + 1).cloned()
            } else {
                a.strip_prefix(&joined).map(str::to_string)
            }
        })
    };
    match value("lang").as_deref() {
        Some("en") => return patuh::words::Lang::En,
        Some("id") => return patuh::words::Lang::Id,
        _ => {}
    }
    let config = value("config").map(PathBuf::from);
    let data = PathBuf::from(value("data").unwrap_or_else(|| "data".into()));
    patuh::config::Config::load(config.as_deref(), &[&PathBuf::from("."), &data])
        .map(|c| c.lang)
        .unwrap_or_default()
}

/// The command line with its help in the words of `t`: every text clap shows in `--help`.
fn localized(command: clap::Command, t: &'static patuh::words::Words) -> clap::Command {
    let w = |key: &str| -> &'static str { t[key].as_str() };
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        w("cli_usage")
    );
    let help_flag = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(w("cli_help"));
    let texts = |command: clap::Command, about: &str, helps: &[(&str, &str)]| {
        let usage = match command.get_name() {
            "patuh" => format!("patuh <{}>", w("cli_command")),
            name => format!("patuh {name} [{}]", w("cli_options_value")),
        };
        let mut command = command
            .override_usage(usage)
            .about(w(about))
            .help_template(&template)
            .disable_help_flag(true)
            .arg(help_flag.clone());
        for (arg, key) in helps {
            command = command.mut_arg(*arg, |a| a.help(w(key)));
        }
        command.mut_args(|a| {
            let name = a
                .get_value_names()
                .and_then(|n| n.first())
                .map(|n| n.to_string());
            let a = a.help_heading(w("cli_options"));
            if !a.get_action().takes_values() {
                return a;
            }
            let a = a.hide_default_value(true).hide_possible_values(true);
            match name.as_deref() {
                Some("DIR") => a.value_name(w("cli_dir")),
                Some("FILE") => a.value_name(w("cli_file")),
                Some("TIME") => a.value_name(w("cli_time")),
                _ => a,
            }
        })
    };
    let command = command
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(w("cli_version")),
        )
        .subcommand_help_heading(w("cli_commands"))
        .subcommand_value_name(w("cli_command"));
    let command = texts(command, "cli_about", &[]);
    command
        .mut_subcommand("check", |c| {
            texts(
                c,
                "cli_check",
                &[
                    ("data", "cli_data"),
                    ("config", "cli_config"),
                    ("format", "cli_format"),
                    ("lang", "cli_lang_check"),
                    ("as_of", "cli_as_of_check"),
                    ("suggest_aliases", "cli_suggest_aliases"),
                ],
            )
        })
        .mut_subcommand("build", |c| {
            texts(
                c,
                "cli_build",
                &[
                    ("data", "cli_data"),
                    ("out", "cli_out"),
                    ("config", "cli_config"),
                    ("as_of", "cli_as_of_build"),
                    ("lang", "cli_lang_build"),
                ],
            )
        })
        .mut_subcommand("init", |c| {
            texts(
                c,
                "cli_init",
                &[
                    ("templates", "cli_init_templates"),
                    ("dir", "cli_init_dir"),
                    ("lang", "cli_lang_init"),
                ],
            )
        })
}

/// Runs `work`, showing its progress in `lang` on standard error when that is a terminal
/// and the work takes longer than a moment; quiet otherwise.
fn with_progress<T>(
    progress: &patuh::progress::Progress,
    lang: patuh::words::Lang,
    work: impl FnOnce() -> T,
) -> T {
    use std::io::{IsTerminal, Write};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let start = Instant::now();
            let mut shown = false;
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if start.elapsed() < Duration::from_millis(800) {
                    continue;
                }
                let (stage, read, total) = progress.snapshot();
                let stage = match stage {
                    patuh::progress::Stage::Reading => "progress_reading",
                    patuh::progress::Stage::Judging => "progress_judging",
                    patuh::progress::Stage::Rendering => "progress_rendering",
                    patuh::progress::Stage::Publishing => "progress_publishing",
                };
                let t = patuh::words::words(lang);
                let line = patuh::words::fill(
                    &t["progress_line"],
                    &[
                        ("stage", &t[stage]),
                        ("read", &read.to_string()),
                        ("total", &total.to_string()),
                        ("seconds", &format!("{:.0}", start.elapsed().as_secs_f64())),
                    ],
                );
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r{line}\x1b[K");
                let _ = err.flush();
                shown = true;
            }
            if shown {
                let _ = write!(std::io::stderr(), "\r\x1b[K");
            }
        });
        let result = work();
        done.store(true, Ordering::Relaxed);
        result
    })
}
