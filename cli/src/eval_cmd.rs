//! `makan eval` and `makan eval-conll`: tag and resolve, then score with `makan_eval`.

use std::io::BufReader;
use std::process::ExitCode;

use serde_json::Value;

use makan_eval::{self as eval, EntityType, GoldDoc, SystemDoc, SystemMention};

use crate::cli::{Args, Result, UsageError};
use crate::tag_cmd::Pipeline;

pub fn run(args: &[String]) -> Result<ExitCode> {
    let args = Args::parse(args, &["errors", "json", "calibration", "threads", "quiet"])?;
    let [gold_path, docs_path] = args.positional.as_slice() else {
        return Err(UsageError(
            "usage: makan eval GOLD.jsonl DOCS.jsonl [--errors] [--json] [--calibration]".into(),
        )
        .into());
    };
    let gold = eval::parse_gold_jsonl(open(gold_path)?, gold_path)?;
    let pipeline = Pipeline::new(args.tagger()?, true, false);
    let runner = args.line_runner()?;
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
    if args.has("json") {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{report}");
    }
    if args.has("calibration") || !args.has("json") {
        print!("{}", calibration(&gold, &confidences));
    }
    if args.has("errors") {
        for error in report.errors() {
            println!("{error}");
        }
    }
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
fn calibration(gold: &[GoldDoc], found: &[Found]) -> String {
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
    let mut out = String::from(
        "calibration (right = exact span and type; a place the gold's entity or within 25 km)\n",
    );
    for b in 0..5 {
        let share = if total[b] == 0 {
            0.0
        } else {
            right[b] as f64 / total[b] as f64
        };
        out.push_str(&format!(
            "  confidence {:.1}-{:.1}: {:>4} mentions, {:>5.1} % right\n",
            BINS[b],
            BINS[b + 1].min(1.0),
            total[b],
            100.0 * share
        ));
    }
    let (r, t) = (right[3] + right[4], total[3] + total[4]);
    out.push_str(&format!(
        "  confidence >= 0.8: {t} mentions, {:.1} % right\n",
        if t == 0 {
            0.0
        } else {
            100.0 * r as f64 / t as f64
        }
    ));
    out
}

/// `makan eval-conll FILE`: ANERcorp-style scoring on whole tokens.
pub fn run_conll(args: &[String]) -> Result<ExitCode> {
    let args = Args::parse(args, &["json"])?;
    let [path] = args.positional.as_slice() else {
        return Err(UsageError("usage: makan eval-conll FILE.txt [--json]".into()).into());
    };
    let sentences = eval::parse_conll(open(path)?, path)?;
    let pipeline = Pipeline::new(args.tagger()?, true, false);
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
    if args.has("json") {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{report}");
    }
    Ok(ExitCode::SUCCESS)
}

fn open(path: &str) -> Result<BufReader<std::fs::File>> {
    Ok(BufReader::new(
        std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?,
    ))
}
