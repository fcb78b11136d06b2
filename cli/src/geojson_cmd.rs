//! `makan geojson`: the resolved places of a text or a JSON Lines corpus as one GeoJSON
//! FeatureCollection, for a map.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::cli::{Args, Result, UsageError, open_input, read_text};
use crate::tag_cmd::Pipeline;

pub fn run(args: &[String]) -> Result<ExitCode> {
    let args = Args::parse(args, &["jsonl"])?;
    if args.positional.len() > 1 {
        return Err(UsageError("geojson takes at most one FILE".into()).into());
    }
    let (name, input) = open_input(args.positional.first().map(String::as_str))?;
    let pipeline = Pipeline::new(args.tagger()?, true, false);
    let mut features = Vec::new();
    let mut bad = 0;
    if args.has("jsonl") {
        for (i, line) in input.lines().enumerate() {
            let line = line.map_err(|e| format!("{name}:{}: {e}", i + 1))?;
            let doc: Value = match serde_json::from_str(&line) {
                Ok(doc) => doc,
                Err(e) => {
                    eprintln!("makan: {name}:{}: invalid JSON: {e}", i + 1);
                    bad += 1;
                    continue;
                }
            };
            let Some(text) = doc["text"].as_str() else {
                eprintln!("makan: {name}:{}: no string `text` field", i + 1);
                bad += 1;
                continue;
            };
            features.extend(place_features(&pipeline, text, doc.get("doc_id")));
        }
    } else {
        let text = read_text(&name, input)?;
        features.extend(place_features(&pipeline, &text, None));
    }
    let collection = json!({ "type": "FeatureCollection", "features": features });
    let stdout = io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer(&mut out, &collection)?;
    writeln!(out)?;
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One Point feature per accepted place mention that has coordinates.
fn place_features(pipeline: &Pipeline, text: &str, doc_id: Option<&Value>) -> Vec<Value> {
    let mentions = pipeline.mentions(text);
    mentions
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["type"] == "LOC")
        .filter_map(|m| {
            let (lat, lon) = (m["lat"].as_f64()?, m["lon"].as_f64()?);
            let mut properties = m.clone();
            let props = properties.as_object_mut()?;
            props.shift_remove("lat");
            props.shift_remove("lon");
            props.shift_remove("candidates");
            if let Some(doc_id) = doc_id {
                props.insert("doc_id".into(), doc_id.clone());
            }
            // GeoJSON orders coordinates longitude first.
            Some(json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [lon, lat] },
                "properties": properties,
            }))
        })
        .collect()
}
