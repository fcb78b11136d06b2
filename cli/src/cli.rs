//! What the subcommands share: the gazetteer options, the JSON Lines runner options, and
//! reading an input as text (a byte-order mark skipped, invalid UTF-8 an error naming its
//! byte offset, or replaced with `--lossy`).

use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};

use clap::Args;
use serde_json::Value;

use crate::lines::LineRunner;

/// A command line the program cannot run (besides what clap itself rejects).
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// `--places`, `--orgs`, `--override`: the user's own gazetteer tables.
#[derive(Args, Debug, Default)]
pub struct GazetteerOpts {
    /// A table of places in the schema of data/places.tsv, added to the embedded gazetteer
    /// (repeatable). Bad rows stop the run, each listed as FILE:LINE: reason.
    #[arg(long, value_name = "FILE")]
    pub places: Vec<String>,
    /// A table of organizations in the schema of data/orgs.tsv (repeatable).
    #[arg(long, value_name = "FILE")]
    pub orgs: Vec<String>,
    /// Let a row of those tables replace the entity of the same id.
    #[arg(long = "override")]
    pub override_existing: bool,
}

impl GazetteerOpts {
    /// The tagger: the embedded gazetteer, plus the user's tables when given.
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

/// `--threads`, `--quiet`: how a JSON Lines input is run.
#[derive(Args, Debug, Default)]
pub struct RunOpts {
    /// Threads for a JSON Lines input (every core by default; 1 = sequential, the same
    /// output).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// No progress line on standard error.
    #[arg(long, short)]
    pub quiet: bool,
}

impl RunOpts {
    pub fn line_runner(&self) -> Result<LineRunner> {
        LineRunner::new(self.threads.map(usize::from), self.quiet)
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

const BOM: &[u8] = "\u{feff}".as_bytes();

/// `bytes` without a leading UTF-8 byte-order mark.
pub fn skip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// `bytes` as text; invalid UTF-8 is replaced by U+FFFD when `lossy`, else an error naming
/// the offset of the first bad byte.
///
/// Valid text, nearly every line, is checked with SIMD (`simdutf8`): a tenth of the
/// standard library's time on Arabic. Invalid text is checked again by the standard library,
/// which tells where the first bad byte is.
pub fn decode(bytes: &[u8], lossy: bool) -> std::result::Result<std::borrow::Cow<'_, str>, String> {
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text.into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.into()),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => Err(format!(
            "invalid UTF-8 at byte {} (--lossy replaces invalid bytes)",
            e.valid_up_to()
        )),
    }
}

/// Reads all of an input as text (see [`decode`]), without a byte-order mark.
pub fn read_text(name: &str, mut input: impl Read, lossy: bool) -> Result<String> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    let text = decode(skip_bom(&bytes), lossy).map_err(|e| format!("{name}: {e}"))?;
    Ok(text.into_owned())
}

/// The doc_id of a line whose bytes are not all UTF-8, read from its readable part (the
/// line with U+FFFD for the bad bytes).
pub fn readable_doc_id(readable: &str) -> Value {
    match serde_json::from_str::<Value>(readable.trim_end()) {
        Ok(Value::Object(object)) => object.get("doc_id").cloned().unwrap_or(Value::Null),
        _ => salvage_doc_id(readable),
    }
}

/// The `doc_id` of a JSON Lines line that cannot be read whole (bad UTF-8, broken JSON):
/// the value after the first `"doc_id":`, when that much can be read.
pub fn salvage_doc_id(line: &str) -> Value {
    let Some(at) = line.find("\"doc_id\"") else {
        return Value::Null;
    };
    let rest = line[at + "\"doc_id\"".len()..].trim_start();
    let Some(rest) = rest.strip_prefix(':') else {
        return Value::Null;
    };
    match serde_json::Deserializer::from_str(rest)
        .into_iter::<Value>()
        .next()
    {
        Some(Ok(id @ (Value::String(_) | Value::Number(_)))) => id,
        _ => Value::Null,
    }
}

/// Writes `value` as pretty JSON and a newline.
pub fn print_json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Says once on standard error that lines without `doc_id` got their line number.
pub struct MissingIds {
    name: String,
    first: Option<usize>,
}

impl MissingIds {
    pub fn new(name: &str) -> MissingIds {
        MissingIds {
            name: name.to_string(),
            first: None,
        }
    }

    /// Notes that line `number` had no `doc_id`; the first time, warns through `runner`.
    pub fn saw(&mut self, number: usize, runner: &LineRunner) {
        if self.first.is_none() {
            self.first = Some(number);
            runner.warn(&format!(
                "{}:{number}: no `doc_id`; lines without one get their line number as doc_id \
                 (said once)",
                self.name
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_id_is_salvaged_from_a_line_broken_after_it() {
        assert_eq!(
            salvage_doc_id(r#"{"doc_id": "a-7", "text": "نص مقطوع"#),
            Value::from("a-7")
        );
        assert_eq!(salvage_doc_id(r#"{"doc_id":12,"text":}"#), Value::from(12));
        assert_eq!(salvage_doc_id(r#"{"text": "x", "doc_id": "#), Value::Null);
        assert_eq!(salvage_doc_id("not json"), Value::Null);
    }

    #[test]
    fn decoding_names_the_first_bad_byte_unless_lossy() {
        let bytes = b"ab\xffcd";
        assert!(decode(bytes, false).unwrap_err().contains("byte 2"));
        assert_eq!(decode(bytes, true).unwrap(), "ab\u{fffd}cd");
        assert_eq!(skip_bom("\u{feff}x".as_bytes()), b"x");
    }
}
