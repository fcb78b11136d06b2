//! `makan tag`: plain text or JSON Lines in; JSON, JSON Lines, CSV, TSV, CoNLL, GeoJSON or
//! GeoJSON Lines out.
//!
//! Every format is written document by document as the documents are tagged: a JSON Lines
//! input runs through the [`LineRunner`] (parallel windows, output in input order), each
//! document rendered to bytes on the worker threads, the bytes joined by the format's
//! [`Frame`] (a header, separators, an end) on the writing thread.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use clap::ValueEnum;
use serde_json::{Map, Value, json};

use makan::output::table::Column;
use makan::output::{FocusRecord, conll};

use crate::cli::{
    GazetteerOpts, MissingIds, Result, RunOpts, UsageError, decode, open_input, read_text,
    readable_doc_id, salvage_doc_id,
};
use crate::geojson_cmd;
pub use crate::pipeline::Pipeline;

/// What `tag` writes.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON value: `{"mentions": [...]}` for plain text, an array of documents for
    /// --jsonl.
    Json,
    /// One JSON object per line: per input line for --jsonl.
    Jsonl,
    /// One row per mention, comma-separated, with a header (columns: --fields).
    Csv,
    /// The same, tab-separated.
    Tsv,
    /// One token per line with its BIO tag; proclitics and punctuation next to a name are
    /// tokens of their own.
    Conll,
    /// One GeoJSON FeatureCollection of the resolved places' points.
    Geojson,
    /// GeoJSON Lines: one Feature per line.
    Geojsonl,
}

const TAG_AFTER_HELP: &str = "\
Input: plain text (one document), or with --jsonl one JSON object per line with fields
`doc_id` and `text` (other fields are kept in json/jsonl output). A UTF-8 byte-order mark is
skipped. Invalid UTF-8 is an error naming its byte offset (for a JSON Lines line, an error
for that line only); --lossy replaces it with U+FFFD. A line without `doc_id` gets its line
number (as a string), said once on standard error.

Formats (--format; default json for plain text, jsonl for --jsonl):
  json      {\"mentions\": [...]}; with --jsonl, one array of the documents
  jsonl     one object per line, {\"doc_id\": .., \"mentions\": [...]}; a bad input line gives
            {\"doc_id\": .., \"error\": .., \"line\": N} in its place (doc_id when readable)
  csv, tsv  one row per mention, a header first; --fields chooses the columns
  conll     `TOKEN TAG` lines (BIO: B-LOC, I-LOC, B-ORG, I-ORG, O), a blank line after each
            sentence (a line of the text); tokens are the whitespace-separated words, split
            again where a mention starts or ends inside a word, so a proclitic before a name
            (و ف ب ل ك, لل) and punctuation after it are tokens of their own, tagged O.
            With --jsonl each document starts with `-DOCSTART- DOC_ID` and a blank line.
  geojson   one FeatureCollection of the resolved places with a point
  geojsonl  one Feature per line
In csv, tsv, conll and geojson(l) a bad input line is reported on standard error.

Exit code: 0 every line fine, 1 some lines bad (reported), 2 usage or I/O error. A closed
output pipe (`| head`) ends the run quietly with 0.";

/// Tag and resolve places and organizations in text or JSON Lines.
#[derive(clap::Args, Debug)]
#[command(after_long_help = TAG_AFTER_HELP)]
pub struct TagArgs {
    /// The input; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    pub file: Option<String>,
    /// The input is JSON Lines: one {"doc_id", "text"} object per line.
    #[arg(long)]
    pub jsonl: bool,
    /// Output format (see --help for each).
    #[arg(long, short, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// The columns of csv/tsv, comma-separated (see --help for the list).
    #[arg(long, value_delimiter = ',', value_name = "A,B,..")]
    pub fields: Vec<String>,
    /// Drop candidates, alternatives and evidence from each mention.
    #[arg(long)]
    pub compact: bool,
    /// Only tag: candidates, no chosen entity or coordinates.
    #[arg(long)]
    pub no_resolve: bool,
    /// Also print the mentions the resolver rejected (`rejected: true`).
    #[arg(long)]
    pub all: bool,
    /// Keep the input's `text` field in --jsonl output.
    #[arg(long)]
    pub keep_text: bool,
    /// Replace invalid UTF-8 by U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerOpts,
    #[command(flatten)]
    pub run: RunOpts,
}

/// How one format's documents are joined: what comes before the first, between two and
/// after the last.
struct Frame {
    header: Vec<u8>,
    separator: &'static [u8],
    end: &'static [u8],
}

/// One document of the input.
struct Doc {
    /// The doc_id (JSON Lines), `None` for plain text.
    doc_id: Option<Value>,
    text: String,
    /// The other fields of a JSON Lines object (kept in json/jsonl output).
    fields: Map<String, Value>,
}

impl Doc {
    /// The doc_id as text, for a column or a CoNLL header.
    fn id_text(&self) -> String {
        match &self.doc_id {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        }
    }
}

/// What one JSON Lines line gives ([`Tag::line_output`]): the pieces of output with
/// `Some(number)` when the line got its number as `doc_id`, or the line's number and why it
/// gives no document.
pub type LineOutput = std::result::Result<(Vec<Vec<u8>>, Option<usize>), (usize, BadLine)>;

/// A JSON Lines line that gives no document.
pub struct BadLine {
    /// The line's `doc_id` when it could be read, else null.
    pub doc_id: Value,
    /// Why the line gives no document.
    pub error: String,
}

/// The options of a run, checked.
pub struct Tag {
    pipeline: Pipeline,
    format: Format,
    jsonl: bool,
    columns: Vec<Column>,
    keep_text: bool,
    lossy: bool,
}

pub fn run(args: &TagArgs) -> Result<ExitCode> {
    let format = args.format.unwrap_or(if args.jsonl {
        Format::Jsonl
    } else {
        Format::Json
    });
    let columns = columns(&args.fields, format)?;
    if args.keep_text && !matches!(format, Format::Json | Format::Jsonl) {
        return Err(UsageError("--keep-text goes with json or jsonl output".into()).into());
    }
    if args.no_resolve && matches!(format, Format::Geojson | Format::Geojsonl) {
        return Err(UsageError("GeoJSON needs resolved places: drop --no-resolve".into()).into());
    }
    let mut pipeline = Pipeline::new(args.gazetteer.tagger()?, !args.no_resolve, args.all);
    pipeline.compact = args.compact;
    let tag = Tag {
        pipeline,
        format,
        jsonl: args.jsonl,
        columns,
        keep_text: args.keep_text,
        lossy: args.lossy,
    };
    tag.run(args.file.as_deref(), &args.run)
}

/// The columns of `--fields` (the default ones when empty); only for csv and tsv.
fn columns(fields: &[String], format: Format) -> Result<Vec<Column>> {
    if fields.is_empty() {
        return Ok(Column::DEFAULT.to_vec());
    }
    if !matches!(format, Format::Csv | Format::Tsv) {
        return Err(UsageError("--fields goes with --format csv or tsv".into()).into());
    }
    fields
        .iter()
        .map(|name| {
            Column::from_name(name.trim()).ok_or_else(|| {
                let known: Vec<String> = Column::names().collect();
                UsageError(format!(
                    "no column `{name}`; the columns are {}",
                    known.join(",")
                ))
                .into()
            })
        })
        .collect()
}

impl Tag {
    pub fn new(pipeline: Pipeline, format: Format, jsonl: bool, lossy: bool) -> Tag {
        Tag {
            pipeline,
            format,
            jsonl,
            columns: Column::DEFAULT.to_vec(),
            keep_text: false,
            lossy,
        }
    }

    pub fn run(&self, file: Option<&str>, run: &RunOpts) -> Result<ExitCode> {
        let (name, input) = open_input(file)?;
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let bad = if self.jsonl {
            self.run_jsonl(&name, input, run, &mut out)?
        } else {
            self.run_text(&name, input, &mut out)?;
            0
        };
        out.flush()?;
        if bad > 0 {
            eprintln!("makan: {name}: {bad} bad line(s), reported");
            return Ok(ExitCode::from(1));
        }
        Ok(ExitCode::SUCCESS)
    }

    fn run_text(&self, name: &str, input: impl BufRead, out: &mut impl Write) -> Result<()> {
        let text = read_text(name, input, self.lossy)?;
        if matches!(self.format, Format::Json | Format::Jsonl) {
            // Written record by record, for a long text.
            self.pipeline.write_mentions(&text, out)?;
            writeln!(out)?;
            return Ok(());
        }
        let doc = Doc {
            doc_id: None,
            text,
            fields: Map::new(),
        };
        let (chunks, focus) = self.render_with_focus(&doc);
        let mut frame = self.frame()?;
        if self.format == Format::Geojson {
            // A collection of one text carries the text's focus.
            frame.header = geojson_cmd::collection_start(focus.as_deref());
        }
        out.write_all(&frame.header)?;
        for (i, chunk) in chunks.iter().enumerate() {
            if i > 0 {
                out.write_all(frame.separator)?;
            }
            out.write_all(chunk)?;
        }
        out.write_all(frame.end)?;
        Ok(())
    }

    /// Tags every line, in parallel windows, writing the documents in input order; returns
    /// how many lines were bad.
    fn run_jsonl(
        &self,
        name: &str,
        input: impl BufRead,
        run: &RunOpts,
        out: &mut impl Write,
    ) -> Result<usize> {
        let runner = run.line_runner()?;
        let frame = self.frame()?;
        // Bad lines are objects in place in JSON output, messages on standard error in the
        // other formats.
        let errors_in_place = matches!(self.format, Format::Json | Format::Jsonl);
        let mut missing = MissingIds::new(name);
        let mut bad = 0;
        let mut chunks_written = 0;
        out.write_all(&frame.header)?;
        let work = |number: usize, line: &[u8]| self.line_output(number, line);
        runner.run(name, input, work, |result| {
            let chunks = match result {
                Ok((chunks, filled)) => {
                    if let Some(number) = filled {
                        missing.saw(number, &runner);
                    }
                    chunks
                }
                Err((number, line)) => {
                    bad += 1;
                    if !errors_in_place {
                        runner.warn(&format!("{name}:{number}: {}", line.error));
                        return Ok(());
                    }
                    let value =
                        json!({ "doc_id": line.doc_id, "error": line.error, "line": number });
                    let mut bytes = serde_json::to_vec(&value)?;
                    if self.format == Format::Jsonl {
                        bytes.push(b'\n');
                    }
                    vec![bytes]
                }
            };
            for chunk in chunks {
                if chunks_written > 0 {
                    out.write_all(frame.separator)?;
                }
                out.write_all(&chunk)?;
                chunks_written += 1;
            }
            Ok(())
        })?;
        out.write_all(frame.end)?;
        Ok(bad)
    }

    /// What JSON Lines line `number` (its bytes, with or without the newline) gives, as the
    /// worker threads compute it: the pieces of output the format's frame joins, with
    /// `Some(number)` when the line had no `doc_id` and got its number; or the bad line.
    pub fn line_output(&self, number: usize, line: &[u8]) -> LineOutput {
        let (doc, filled) = self.read_line(number, line)?;
        Ok((self.render(&doc), filled))
    }

    /// The document of JSON Lines line `number`, with `Some(number)` when it had no
    /// `doc_id` and got its number; or why the line gives none.
    fn read_line(
        &self,
        number: usize,
        line: &[u8],
    ) -> std::result::Result<(Doc, Option<usize>), (usize, BadLine)> {
        let bad = |doc_id: Value, error: String| (number, BadLine { doc_id, error });
        let line = match decode(line, self.lossy) {
            Ok(line) => line,
            Err(error) => {
                let readable = String::from_utf8_lossy(line);
                return Err(bad(readable_doc_id(&readable), error));
            }
        };
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            return Err(bad(Value::Null, "empty line".into()));
        }
        let mut fields: Map<String, Value> = match serde_json::from_str(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return Err(bad(Value::Null, "not a JSON object".into())),
            Err(e) => return Err(bad(salvage_doc_id(line), format!("invalid JSON: {e}"))),
        };
        let mut filled = None;
        let doc_id = match fields.get("doc_id") {
            Some(id) => id.clone(),
            None => {
                filled = Some(number);
                let id = Value::from(number.to_string());
                fields.insert("doc_id".into(), id.clone());
                id
            }
        };
        // The text is taken out of the fields (not copied), unless the output keeps it.
        let text = match fields.get_mut("text") {
            Some(Value::String(text)) if self.keep_text => text.clone(),
            Some(Value::String(text)) => std::mem::take(text),
            Some(_) => return Err(bad(doc_id, "`text` is not a string".into())),
            None => return Err(bad(doc_id, "no `text` field".into())),
        };
        if !self.keep_text {
            fields.shift_remove("text");
        }
        let doc = Doc {
            doc_id: Some(doc_id),
            text,
            fields,
        };
        Ok((doc, filled))
    }

    fn frame(&self) -> Result<Frame> {
        let (header, separator, end): (Vec<u8>, &[u8], &[u8]) = match self.format {
            Format::Json => (b"[".to_vec(), b",", b"]\n"),
            Format::Jsonl | Format::Conll | Format::Geojsonl => (Vec::new(), b"", b""),
            Format::Csv | Format::Tsv => {
                let mut header = self.table_writer();
                header.write_record(self.columns.iter().map(|c| c.name()))?;
                (header.into_inner().map_err(|e| e.to_string())?, b"", b"")
            }
            Format::Geojson => (geojson_cmd::collection_start(None), b",", b"]}\n"),
        };
        Ok(Frame {
            header,
            separator,
            end,
        })
    }

    fn table_writer(&self) -> csv::Writer<Vec<u8>> {
        let delimiter = if self.format == Format::Tsv {
            b'\t'
        } else {
            b','
        };
        csv::WriterBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .from_writer(Vec::new())
    }

    /// The output of one document, in pieces the frame joins (for JSON, one object; for
    /// GeoJSON, one feature per piece).
    fn render(&self, doc: &Doc) -> Vec<Vec<u8>> {
        self.render_with_focus(doc).0
    }

    /// [`Tag::render`], and the document's focus where the format shows it (JSON and
    /// GeoJSON, when resolving).
    fn render_with_focus(&self, doc: &Doc) -> (Vec<Vec<u8>>, Option<Vec<FocusRecord>>) {
        let with_focus = matches!(
            self.format,
            Format::Json | Format::Jsonl | Format::Geojson | Format::Geojsonl
        );
        let (records, focus) = self.pipeline.records(&doc.text, with_focus);
        let chunks = match self.format {
            Format::Json | Format::Jsonl => {
                let mut bytes =
                    crate::pipeline::document_json(&doc.fields, &records, focus.as_deref());
                if self.format == Format::Jsonl {
                    bytes.push(b'\n');
                }
                vec![bytes]
            }
            Format::Csv | Format::Tsv => {
                let doc_id = doc.id_text();
                let mut table = self.table_writer();
                for record in &records {
                    let row = self.columns.iter().map(|c| c.value(&doc_id, record));
                    table.write_record(row).expect("rows are written to memory");
                }
                vec![table.into_inner().expect("rows are written to memory")]
            }
            Format::Conll => {
                let mut bytes = Vec::new();
                if doc.doc_id.is_some() {
                    let id = doc
                        .id_text()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join("_");
                    bytes.extend_from_slice(format!("-DOCSTART- {id}\n\n").as_bytes());
                }
                for sentence in conll::sentences(&doc.text, &records) {
                    for token in sentence {
                        bytes.extend_from_slice(
                            format!("{} {}\n", token.text, token.tag).as_bytes(),
                        );
                    }
                    bytes.push(b'\n');
                }
                vec![bytes]
            }
            Format::Geojson | Format::Geojsonl => {
                // A document of a corpus has no collection of its own: its features carry
                // the first place of its focus.
                let top = focus
                    .as_ref()
                    .and_then(|f| f.first())
                    .filter(|_| doc.doc_id.is_some());
                geojson_cmd::place_features(&records, doc.doc_id.as_ref(), top)
                    .into_iter()
                    .map(|mut bytes| {
                        if self.format == Format::Geojsonl {
                            bytes.push(b'\n');
                        }
                        bytes
                    })
                    .collect()
            }
        };
        (chunks, focus)
    }
}
