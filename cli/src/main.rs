//! The `makan` command line: tag and resolve places and organizations in text.
//!
//! Install with `cargo install --path cli --locked` (from the repository root). Run
//! `makan --help`, or `makan help COMMAND`, for usage.
//!
//! Each subcommand is one module with its clap arguments and a `run`; `main` only parses and
//! dispatches, and turns errors into exit codes: 0 fine, 1 some input lines bad (reported in
//! place), 2 a usage or I/O error. A closed standard output (`makan tag … | head -1`) ends
//! the run quietly with 0.

use makan_cli::{cli, eval_cmd, gazetteer_cmd, geojson_cmd, map_cmd, tag_cmd};

use std::io;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// mimalloc rather than the system allocator: the resolver and the records allocate many
/// small, short-lived values per document on every worker thread. Without transparent huge
/// pages (feature `no_thp`): with them the median start was faster (30 ms against 40), but
/// where the kernel compacts memory for a huge page on a fault (`defrag` = `madvise`, the
/// common default) one start in ten took over 100 ms and one 20 MB run in four ran at two
/// thirds of its speed, and peak memory rose by half.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Places and organizations in Arabic and English news about Syria: tag them, resolve each
/// place to coordinates, P-codes and its admin chain, and score against annotations.
#[derive(Parser, Debug)]
#[command(name = "makan", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Tag(tag_cmd::TagArgs),
    Geojson(geojson_cmd::GeojsonArgs),
    Map(map_cmd::MapArgs),
    Eval(eval_cmd::EvalArgs),
    EvalConll(eval_cmd::EvalConllArgs),
    #[command(subcommand)]
    Gazetteer(gazetteer_cmd::GazetteerCommand),
    Completions(CompletionsArgs),
}

/// Print a shell's completion script (bash, zsh, fish, …).
///
/// For bash: `makan completions bash > ~/.local/share/bash-completion/completions/makan`.
#[derive(clap::Args, Debug)]
struct CompletionsArgs {
    /// The shell.
    shell: clap_complete::Shell,
}

fn run(command: Command) -> cli::Result<ExitCode> {
    match command {
        Command::Tag(args) => tag_cmd::run(&args),
        Command::Geojson(args) => geojson_cmd::run(&args),
        Command::Map(args) => map_cmd::run(&args),
        Command::Eval(args) => eval_cmd::run(&args),
        Command::EvalConll(args) => eval_cmd::run_conll(&args),
        Command::Gazetteer(command) => gazetteer_cmd::run(&command),
        Command::Completions(args) => {
            let mut command = Cli::command();
            clap_complete::generate(args.shell, &mut command, "makan", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Whether `err` is, or was caused by, a write to a closed pipe.
fn is_broken_pipe(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut source = Some(err);
    while let Some(err) = source {
        let kind = if let Some(io) = err.downcast_ref::<io::Error>() {
            Some(io.kind())
        } else if let Some(csv) = err.downcast_ref::<csv::Error>() {
            match csv.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            }
        } else if let Some(json) = err.downcast_ref::<serde_json::Error>() {
            json.io_error_kind()
        } else {
            None
        };
        if kind == Some(io::ErrorKind::BrokenPipe) {
            return true;
        }
        source = err.source();
    }
    false
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        // The reader has what it wanted (`| head`): not an error of ours.
        Err(err) if is_broken_pipe(err.as_ref()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("makan: {err}");
            if err.is::<cli::UsageError>() {
                eprintln!("For more information, try 'makan --help'.");
            }
            ExitCode::from(2)
        }
    }
}
