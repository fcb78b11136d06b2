//! `makan tag`: plain text to one JSON object, or JSON Lines to JSON Lines.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use serde_json::{Map, Value, json};

use makan::output::{focus_records, records, records_iter};
use makan::{Resolver, Tagger};

use crate::cli::{Args, Result, UsageError, open_input, read_text};
use crate::lines::LineRunner;

/// What the subcommand prints for one text.
pub struct Pipeline {
    pub tagger: Tagger,
    pub resolver: Option<Resolver>,
    pub all: bool,
}

impl Pipeline {
    pub fn new(tagger: Tagger, resolve: bool, all: bool) -> Pipeline {
        let resolver = resolve.then(|| Resolver::new(tagger.clone()));
        Pipeline {
            tagger,
            resolver,
            all,
        }
    }

    /// The accepted mentions of `text` with their types (all mentions without a resolver).
    pub fn resolved(&self, text: &str) -> Vec<(makan::Span, makan::EntityType)> {
        match &self.resolver {
            Some(resolver) => resolver
                .tag_and_resolve(text)
                .into_iter()
                .filter(|(_, r)| r.is_accepted())
                .map(|(m, r)| (m.span(), r.entity_type()))
                .collect(),
            None => self
                .tagger
                .tag(text)
                .iter()
                .map(|m| (m.span(), m.entity_type()))
                .collect(),
        }
    }

    /// Writes `{"mentions": [...]}` for `text`, one record at a time: a long document's
    /// records are never all held, nor a JSON value of them built.
    pub fn write_mentions(&self, text: &str, out: &mut impl Write) -> io::Result<()> {
        let (mentions, resolutions, focus) = match &self.resolver {
            None => (self.tagger.tag(text), None, None),
            Some(resolver) => {
                let (found, focus) = resolver.tag_resolve_and_focus(text);
                let focus = focus_records(&self.tagger, &focus);
                let (m, r): (Vec<_>, Vec<_>) = found
                    .into_iter()
                    .filter(|(_, r)| self.all || r.is_accepted())
                    .unzip();
                (m, Some(r), Some(focus))
            }
        };
        out.write_all(b"{\"mentions\":[")?;
        let iter = records_iter(&self.tagger, text, &mentions, resolutions.as_deref());
        for (i, record) in iter.enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut *out, &record)?;
        }
        out.write_all(b"]")?;
        if let Some(focus) = focus {
            out.write_all(b",\"focus\":")?;
            serde_json::to_writer(&mut *out, &focus)?;
        }
        out.write_all(b"}")
    }

    /// The JSON mention records of `text`.
    pub fn mentions(&self, text: &str) -> Value {
        self.records(text, false).0
    }

    /// The JSON mention records of `text` and, when resolving, its focus records.
    pub fn mentions_and_focus(&self, text: &str) -> (Value, Option<Value>) {
        self.records(text, true)
    }

    fn records(&self, text: &str, with_focus: bool) -> (Value, Option<Value>) {
        let (list, focus) = match &self.resolver {
            None => (
                records(&self.tagger, text, &self.tagger.tag(text), None),
                None,
            ),
            Some(resolver) => {
                // With the organizations found by their form, which the tagger does not see.
                let (found, focus) = if with_focus {
                    let (found, focus) = resolver.tag_resolve_and_focus(text);
                    let focus = serde_json::to_value(focus_records(&self.tagger, &focus))
                        .expect("focus records serialize");
                    (found, Some(focus))
                } else {
                    (resolver.tag_and_resolve(text), None)
                };
                let (mentions, resolutions): (Vec<_>, Vec<_>) = found
                    .into_iter()
                    .filter(|(_, r)| self.all || r.is_accepted())
                    .unzip();
                let list = records(&self.tagger, text, &mentions, Some(&resolutions));
                (list, focus)
            }
        };
        let list = serde_json::to_value(list).expect("mention records serialize");
        (list, focus)
    }
}

pub fn run(args: &[String]) -> Result<ExitCode> {
    let args = Args::parse(
        args,
        &[
            "jsonl",
            "no-resolve",
            "keep-text",
            "all",
            "threads",
            "quiet",
        ],
    )?;
    if args.positional.len() > 1 {
        return Err(UsageError("tag takes at most one FILE".into()).into());
    }
    let (name, input) = open_input(args.positional.first().map(String::as_str))?;
    let pipeline = Pipeline::new(args.tagger()?, !args.has("no-resolve"), args.has("all"));
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.has("jsonl") {
        let runner = args.line_runner()?;
        let bad = tag_jsonl(
            &pipeline,
            &runner,
            &name,
            input,
            &mut out,
            args.has("keep-text"),
        )?;
        out.flush()?;
        if bad > 0 {
            eprintln!("makan: {name}: {bad} bad line(s), reported in place");
            return Ok(ExitCode::from(1));
        }
    } else {
        let text = read_text(&name, input)?;
        pipeline.write_mentions(&text, &mut out)?;
        writeln!(out)?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Tags every line, in parallel windows, and writes one output line per input line in input
/// order; returns how many lines were bad.
fn tag_jsonl(
    pipeline: &Pipeline,
    runner: &LineRunner,
    name: &str,
    input: impl BufRead,
    out: &mut impl Write,
    keep_text: bool,
) -> Result<usize> {
    let mut bad = 0;
    let work = |number: usize, line: &[u8]| {
        let (value, is_bad) = match tag_line(pipeline, line, keep_text) {
            Ok(value) => (value, false),
            Err((doc_id, error)) => (
                json!({ "doc_id": doc_id, "error": error, "line": number }),
                true,
            ),
        };
        let mut bytes = serde_json::to_vec(&value).expect("JSON values serialize");
        bytes.push(b'\n');
        (bytes, is_bad)
    };
    runner.run(name, input, work, |(bytes, is_bad)| {
        bad += usize::from(is_bad);
        out.write_all(&bytes)?;
        Ok(())
    })?;
    Ok(bad)
}

fn tag_line(
    pipeline: &Pipeline,
    line: &[u8],
    keep_text: bool,
) -> std::result::Result<Value, (Value, String)> {
    let line = std::str::from_utf8(line).map_err(|e| {
        (
            Value::Null,
            format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        )
    })?;
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        return Err((Value::Null, "empty line".into()));
    }
    let mut object: Map<String, Value> = match serde_json::from_str(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Err((Value::Null, "not a JSON object".into())),
        Err(e) => return Err((Value::Null, format!("invalid JSON: {e}"))),
    };
    let doc_id = object.get("doc_id").cloned().unwrap_or(Value::Null);
    let text = match object.get("text") {
        Some(Value::String(text)) => text.clone(),
        Some(_) => return Err((doc_id, "`text` is not a string".into())),
        None => return Err((doc_id, "no `text` field".into())),
    };
    if !keep_text {
        object.shift_remove("text");
    }
    let (mentions, focus) = pipeline.mentions_and_focus(&text);
    object.insert("mentions".into(), mentions);
    if let Some(focus) = focus {
        object.insert("focus".into(), focus);
    }
    Ok(Value::Object(object))
}
