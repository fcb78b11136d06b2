//! Small helpers shared by the subcommands: argument flags, input files, JSON output.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

use crate::lines::LineRunner;

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
    /// `--places FILE` and `--orgs FILE`: user gazetteer tables, any number of each.
    pub places: Vec<String>,
    pub orgs: Vec<String>,
    /// `--override`: a row of those tables may replace the entity of the same id.
    pub override_existing: bool,
    /// `--threads N`, for the subcommands that list `threads` among their options.
    pub threads: Option<usize>,
}

impl Args {
    /// Splits `args` into `--flags` (checked against `known`), the gazetteer options,
    /// `--threads N` (when `known` lists `threads`) and positional arguments.
    pub fn parse(args: &[String], known: &[&str]) -> Result<Args> {
        let mut parsed = Args {
            flags: Vec::new(),
            positional: Vec::new(),
            places: Vec::new(),
            orgs: Vec::new(),
            override_existing: false,
            threads: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.strip_prefix("--") {
                Some(option @ ("places" | "orgs")) => {
                    let file = args
                        .next()
                        .ok_or_else(|| UsageError(format!("`{arg}` needs a FILE")))?;
                    let list = if option == "places" {
                        &mut parsed.places
                    } else {
                        &mut parsed.orgs
                    };
                    list.push(file.clone());
                }
                Some("override") => parsed.override_existing = true,
                Some("threads") if known.contains(&"threads") => {
                    let n = args
                        .next()
                        .and_then(|n| n.parse::<usize>().ok())
                        .filter(|&n| n > 0)
                        .ok_or_else(|| UsageError("`--threads` needs a number from 1".into()))?;
                    parsed.threads = Some(n);
                }
                Some(flag) if known.contains(&flag) => parsed.flags.push(flag.to_string()),
                Some(_) => return Err(UsageError(format!("unknown option `{arg}`")).into()),
                None => parsed.positional.push(arg.clone()),
            }
        }
        Ok(parsed)
    }

    pub fn has(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    /// The runner for a JSON Lines input: `--threads` (every core by default) and
    /// `--quiet`.
    pub fn line_runner(&self) -> Result<LineRunner> {
        LineRunner::new(self.threads, self.has("quiet"))
    }

    /// The tagger: the embedded gazetteer, plus the user's tables when given. A bad table
    /// stops the run with every bad row listed (`FILE:LINE: reason`).
    pub fn tagger(&self) -> Result<makan::Tagger> {
        if self.places.is_empty() && self.orgs.is_empty() {
            if self.override_existing {
                return Err(UsageError("`--override` needs --places or --orgs".into()).into());
            }
            return Ok(makan::Tagger::new());
        }
        let mut builder = makan::Gazetteer::builder();
        builder.embedded().override_existing(self.override_existing);
        for file in &self.places {
            builder.places_file(file)?;
        }
        for file in &self.orgs {
            builder.orgs_file(file)?;
        }
        let gazetteer = std::sync::Arc::new(builder.build()?);
        Ok(makan::Tagger::builder().gazetteer(gazetteer).build()?)
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
