//! Small helpers shared by the subcommands: argument flags, input files, JSON output.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

/// A command line the program cannot run.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Flags and positional arguments of one subcommand.
pub struct Args {
    pub flags: Vec<String>,
    pub positional: Vec<String>,
}

impl Args {
    /// Splits `args` into `--flags` (checked against `known`) and positional arguments.
    pub fn parse(args: &[String], known: &[&str]) -> Result<Args> {
        let mut flags = Vec::new();
        let mut positional = Vec::new();
        for arg in args {
            if let Some(flag) = arg.strip_prefix("--") {
                if !known.contains(&flag) {
                    return Err(UsageError(format!("unknown option `{arg}`")).into());
                }
                flags.push(flag.to_string());
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Args { flags, positional })
    }

    pub fn has(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
}

/// Opens FILE, or standard input for `None` or `-`.
pub fn open_input(path: Option<&str>) -> Result<(String, Box<dyn BufRead>)> {
    match path {
        None | Some("-") => Ok(("<stdin>".into(), Box::new(BufReader::new(io::stdin())))),
        Some(p) => {
            let file = std::fs::File::open(p).map_err(|e| format!("{p}: {e}"))?;
            Ok((
                p.to_string(),
                Box::new(BufReader::with_capacity(1 << 20, file)),
            ))
        }
    }
}

/// Reads all of an input as UTF-8 text.
pub fn read_text(name: &str, mut input: impl Read) -> Result<String> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    String::from_utf8(bytes)
        .map_err(|e| format!("{name}: not UTF-8 at byte {}", e.utf8_error().valid_up_to()).into())
}
