//! `makan eval` and `makan eval-conll`: tag and resolve, then score with `makan_eval`.

use std::io::{self, BufReader, Write};
use std::process::ExitCode;

use serde::Serialize;
use serde_json::Value;

use makan_eval::{self as eval, EntityType, GoldDoc, SystemDoc, SystemMention};

use crate::cli::{GazetteerOpts, Result, RunOpts, print_json};
use crate::tag_cmd::Pipeline;

/// Tag and resolve DOCS and score them against GOLD (the metrics of EVAL.md).
///
/// Exact and overlap F1 per type, accuracy at 10, 25 and 161 km, median error, end to end,
/// and how often mentions are right by confidence.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// The annotations, JSON Lines.
    #[arg(value_name = "GOLD.jsonl")]
    pub gold: String,
    /// The documents, JSON Lines {"doc_id", "text"}.
    #[arg(value_name = "DOCS.jsonl")]
    pub docs: String,
    /// List every missed, spurious, boundary and wrong-place mention.
    #[arg(long)]
    pub errors: bool,
    /// Print one JSON object (with `errors` and `calibration` inside when asked for).
    #[arg(long)]
    pub json: bool,
    /// The calibration table (always shown in text output).
    #[arg(long)]
    pub calibration: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerOpts,
    #[command(flatten)]
    pub run: RunOpts,
}

/// Score on a CoNLL file (ANERcorp format), entity level on whole tokens.
#[derive(clap::Args, Debug)]
pub struct EvalConllArgs {
    /// The file: `TOKEN TAG` lines, a blank line between sentences.
    #[arg(value_name = "FILE.txt")]
    pub file: String,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerOpts,
}

pub fn run(args: &EvalArgs) -> Result<ExitCode> {
    let (gold_path, docs_path) = (&args.gold, &args.docs);
    let gold = eval::parse_gold_jsonl(open(gold_path)?, gold_path)?;
    let pipeline = Pipeline::new(args.gazetteer.tagger()?, true, false);
    let runner = args.run.line_runner()?;
    let mut system = Vec::new();
    let mut confidences = Vec::new();
    let work = |number: usize, line: &[u8]| {
        system_doc(&pipeline, line).map_err(|e| format!("{docs_path}:{number}: {e}"))
    };
    runner.run(docs_path, open(docs_path)?, work, |doc| {
        if let Some((doc, found)) = doc? {
            system.push(doc);
            confidences.extend(found);
        }
        Ok(())
    })?;
    let report = eval::score(&gold, &system);
    let calibration = calibration(&gold, &confidences);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        // One JSON value alone: the report, with what was asked for inside it.
        let mut value = serde_json::to_value(&report)?;
        if let Value::Object(object) = &mut value {
            if args.calibration {
                object.insert("calibration".into(), serde_json::to_value(&calibration)?);
            }
            if args.errors {
                object.insert("errors".into(), serde_json::to_value(report.errors())?);
            }
        }
        print_json(&mut out, &value)?;
    } else {
        writeln!(out, "{report}")?;
        write!(out, "{calibration}")?;
        if args.errors {
            for error in report.errors() {
                writeln!(out, "{error}")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A mention found, with its document, its entity id and its confidence.
type Found = (String, SystemMention, String, f64);

/// The system's mentions of one JSON Lines document (`None` for a blank line).
fn system_doc(pipeline: &Pipeline, line: &[u8]) -> Result<Option<(SystemDoc, Vec<Found>)>> {
    let line = std::str::from_utf8(line)?;
    if line.trim().is_empty() {
        return Ok(None);
    }
    let doc: Value = serde_json::from_str(line)?;
    let (Some(doc_id), Some(text)) = (doc["doc_id"].as_str(), doc["text"].as_str()) else {
        return Err("needs string fields doc_id and text".into());
    };
    let records = pipeline.mentions(text);
    let mentions: Vec<SystemMention> = serde_json::from_value(records.clone())?;
    let found = mentions
        .iter()
        .zip(records.as_array().into_iter().flatten())
        .map(|(m, r)| {
            let id = r["id"].as_str().unwrap_or("").to_string();
            let confidence = r["confidence"].as_f64().unwrap_or(0.0);
            (doc_id.to_string(), m.clone(), id, confidence)
        })
        .collect();
    let doc = SystemDoc {
        doc_id: doc_id.to_string(),
        mentions,
    };
    Ok(Some((doc, found)))
}

/// How often mentions are right, by confidence: a mention is right when a gold mention has
/// the same span and type and, for a place with gold coordinates, the chosen entity is the
/// gold's (same id: `iso:TR`, `wof:…`) or lies within 25 km of the gold point. (A country's
/// point is a convention — a centroid or a capital — so the id decides there.)
#[derive(Serialize)]
struct Calibration {
    bins: Vec<CalibrationBin>,
    /// Mentions with confidence of 0.8 or more, and the share of them right.
    confident_mentions: usize,
    confident_right: f64,
}

#[derive(Serialize)]
struct CalibrationBin {
    from: f64,
    to: f64,
    mentions: usize,
    right: f64,
}

fn calibration(gold: &[GoldDoc], found: &[Found]) -> Calibration {
    const BINS: [f64; 6] = [0.0, 0.5, 0.7, 0.8, 0.9, 1.0001];
    let mut right = [0usize; 5];
    let mut total = [0usize; 5];
    for (doc_id, m, id, confidence) in found {
        let Some(bin) = BINS
            .windows(2)
            .position(|w| (w[0]..w[1]).contains(confidence))
        else {
            continue;
        };
        let doc = gold.iter().find(|g| &g.doc_id == doc_id);
        let ok = doc.is_some_and(|d| {
            d.mentions.iter().any(|g| {
                g.start == m.start
                    && g.end == m.end
                    && g.entity_type == m.entity_type
                    && match (g.place(), m.point()) {
                        (Some(p), _) if p.source_ref.as_deref() == Some(id.as_str()) => true,
                        (Some(p), Some(found)) => p.point().distance_km(found) <= 25.0,
                        (Some(_), None) => false,
                        (None, _) => true,
                    }
            })
        });
        total[bin] += 1;
        right[bin] += usize::from(ok);
    }
    let share = |r: usize, t: usize| if t == 0 { 0.0 } else { r as f64 / t as f64 };
    Calibration {
        bins: (0..5)
            .map(|b| CalibrationBin {
                from: BINS[b],
                to: BINS[b + 1].min(1.0),
                mentions: total[b],
                right: share(right[b], total[b]),
            })
            .collect(),
        confident_mentions: total[3] + total[4],
        confident_right: share(right[3] + right[4], total[3] + total[4]),
    }
}

impl std::fmt::Display for Calibration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "calibration (right = exact span and type; a place the gold's entity or within 25 km)"
        )?;
        for bin in &self.bins {
            writeln!(
                f,
                "  confidence {:.1}-{:.1}: {:>4} mentions, {:>5.1} % right",
                bin.from,
                bin.to,
                bin.mentions,
                100.0 * bin.right
            )?;
        }
        writeln!(
            f,
            "  confidence >= 0.8: {} mentions, {:.1} % right",
            self.confident_mentions,
            100.0 * self.confident_right
        )
    }
}

/// `makan eval-conll FILE`: ANERcorp-style scoring on whole tokens.
pub fn run_conll(args: &EvalConllArgs) -> Result<ExitCode> {
    let path = &args.file;
    let sentences = eval::parse_conll(open(path)?, path)?;
    let pipeline = Pipeline::new(args.gazetteer.tagger()?, true, false);
    let mut predicted = Vec::with_capacity(sentences.len());
    for sentence in &sentences {
        let tokens: Vec<&str> = sentence.iter().map(|(token, _)| token.as_str()).collect();
        let text = eval::sentence_text(&tokens);
        let spans: Vec<(usize, usize, EntityType)> = pipeline
            .resolved(&text)
            .into_iter()
            .map(|(span, ty)| (span.start(), span.end(), EntityType::from(ty)))
            .collect();
        predicted.push(eval::spans_to_bio(&tokens, &spans));
    }
    let report = eval::score_conll(&sentences, &predicted)?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if args.json {
        print_json(&mut out, &report)?;
    } else {
        writeln!(out, "{report}")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn open(path: &str) -> Result<BufReader<std::fs::File>> {
    Ok(BufReader::new(
        std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?,
    ))
}
