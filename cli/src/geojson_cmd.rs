//! `makan geojson`: the resolved places of a text or a JSON Lines corpus as GeoJSON, for a
//! map: one FeatureCollection, or with `--lines` one Feature per line (GeoJSON Lines).
//!
//! Both forms are written as the documents are resolved, so memory stays bounded by the
//! window of documents whatever the size of the corpus.

use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::cli::{Args, Result, UsageError, open_input, read_text};
use crate::tag_cmd::Pipeline;

/// Where the features go: a FeatureCollection (with commas between features) or GeoJSON
/// Lines.
struct FeatureWriter<W: Write> {
    out: W,
    lines: bool,
    written: usize,
}

impl<W: Write> FeatureWriter<W> {
    /// Starts the output; a collection of one text carries its `properties` (the focus).
    fn start(mut out: W, lines: bool, properties: Option<&Value>) -> Result<FeatureWriter<W>> {
        if !lines {
            out.write_all(br#"{"type":"FeatureCollection","#)?;
            if let Some(properties) = properties {
                out.write_all(br#""properties":"#)?;
                serde_json::to_writer(&mut out, properties)?;
                out.write_all(b",")?;
            }
            out.write_all(br#""features":["#)?;
        }
        Ok(FeatureWriter {
            out,
            lines,
            written: 0,
        })
    }

    /// One feature, serialized.
    fn feature(&mut self, feature: &[u8]) -> Result<()> {
        if !self.lines && self.written > 0 {
            self.out.write_all(b",")?;
        }
        self.out.write_all(feature)?;
        if self.lines {
            self.out.write_all(b"\n")?;
        }
        self.written += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if !self.lines {
            self.out.write_all(b"]}\n")?;
        }
        self.out.flush()?;
        Ok(())
    }
}

pub fn run(args: &[String]) -> Result<ExitCode> {
    let args = Args::parse(args, &["jsonl", "lines", "threads", "quiet"])?;
    if args.positional.len() > 1 {
        return Err(UsageError("geojson takes at most one FILE".into()).into());
    }
    let (name, input) = open_input(args.positional.first().map(String::as_str))?;
    let pipeline = Pipeline::new(args.tagger()?, true, false);
    let stdout = io::stdout();
    let out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut bad = 0;
    if args.has("jsonl") {
        let mut features = FeatureWriter::start(out, args.has("lines"), None)?;
        let runner = args.line_runner()?;
        let work = |number: usize, line: &[u8]| doc_features(&pipeline, number, line);
        runner.run(&name, input, work, |result| {
            match result {
                Ok(list) => list.iter().try_for_each(|f| features.feature(f))?,
                Err(message) => {
                    runner.warn(&format!("{name}:{message}"));
                    bad += 1;
                }
            }
            Ok(())
        })?;
        features.finish()?;
    } else {
        let text = read_text(&name, input)?;
        let (list, focus) = place_features(&pipeline, &text, None);
        let properties = focus.map(|f| json!({ "focus": f }));
        let mut features = FeatureWriter::start(out, args.has("lines"), properties.as_ref())?;
        for feature in list {
            features.feature(&serde_json::to_vec(&feature)?)?;
        }
        features.finish()?;
    }
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The serialized features of one JSON Lines document, or `LINE: reason` for a bad line.
fn doc_features(
    pipeline: &Pipeline,
    number: usize,
    line: &[u8],
) -> std::result::Result<Vec<Vec<u8>>, String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("{number}: invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let doc: Value = serde_json::from_str(line.trim_end_matches(['\n', '\r']))
        .map_err(|e| format!("{number}: invalid JSON: {e}"))?;
    let Some(text) = doc["text"].as_str() else {
        return Err(format!("{number}: no string `text` field"));
    };
    Ok(place_features(pipeline, text, doc.get("doc_id"))
        .0
        .iter()
        .map(|feature| serde_json::to_vec(feature).expect("JSON values serialize"))
        .collect())
}

/// One Point feature per accepted place mention that has coordinates, and the document's
/// focus. A document of a corpus (`doc_id` given) has no collection of its own: its features
/// carry the first place of its focus as the property `focus`.
fn place_features(
    pipeline: &Pipeline,
    text: &str,
    doc_id: Option<&Value>,
) -> (Vec<Value>, Option<Value>) {
    let (mentions, focus) = pipeline.mentions_and_focus(text);
    let top = focus
        .as_ref()
        .and_then(|f| f.get(0).cloned())
        .filter(|_| doc_id.is_some());
    let features = mentions
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
            if let Some(top) = &top {
                props.insert("focus".into(), top.clone());
            }
            // GeoJSON orders coordinates longitude first.
            Some(json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [lon, lat] },
                "properties": properties,
            }))
        })
        .collect();
    (features, focus)
}
