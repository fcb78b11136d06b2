//! `makan geojson`: the resolved places of a text or a JSON Lines corpus as GeoJSON, for a
//! map: one FeatureCollection, or with `--lines` one Feature per line (GeoJSON Lines). The
//! same output as `makan tag --format geojson|geojsonl`, whose machinery it uses; this
//! module owns the features.

use std::process::ExitCode;

use serde::Serialize;
use serde_json::{Value, json};

use makan::output::{FocusRecord, MentionRecord};

use crate::cli::{GazetteerOpts, Result, RunOpts};
use crate::tag_cmd::{Format, Pipeline, Tag};

/// What a FeatureCollection starts with, with the focus of its one text as its
/// `properties` when given; its features follow, separated by commas.
pub fn collection_start(focus: Option<&[FocusRecord]>) -> Vec<u8> {
    let mut start = br#"{"type":"FeatureCollection","#.to_vec();
    if let Some(focus) = focus {
        start.extend_from_slice(br#""properties":"#);
        serde_json::to_writer(&mut start, &json!({ "focus": focus }))
            .expect("focus records serialize");
        start.push(b',');
    }
    start.extend_from_slice(br#""features":["#);
    start
}

/// The resolved places as GeoJSON points (as `tag --format geojson|geojsonl`).
///
/// The places of a text, or of every line of a JSON Lines file, with the mention's fields as
/// properties (and `doc_id` for JSON Lines).
#[derive(clap::Args, Debug)]
#[command(
    after_long_help = "Points are [longitude, latitude]. A FeatureCollection is one JSON value a reader \
                       must hold whole: for a whole corpus use --lines. A bad input line is reported on \
                       standard error (exit code 1)."
)]
pub struct GeojsonArgs {
    /// The input; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    pub file: Option<String>,
    /// The input is JSON Lines: one {"doc_id", "text"} object per line.
    #[arg(long)]
    pub jsonl: bool,
    /// GeoJSON Lines: one Feature per line instead of one FeatureCollection.
    #[arg(long)]
    pub lines: bool,
    /// Drop alternatives and evidence from the properties.
    #[arg(long)]
    pub compact: bool,
    /// Replace invalid UTF-8 by U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerOpts,
    #[command(flatten)]
    pub run: RunOpts,
}

pub fn run(args: &GeojsonArgs) -> Result<ExitCode> {
    let mut pipeline = Pipeline::new(args.gazetteer.tagger()?, true, false);
    pipeline.compact = args.compact;
    let format = if args.lines {
        Format::Geojsonl
    } else {
        Format::Geojson
    };
    Tag::new(pipeline, format, args.jsonl, args.lossy).run(args.file.as_deref(), &args.run)
}

/// One Point feature per accepted place mention that has coordinates, written as JSON: the
/// record's fields as properties, without the point and the candidates, with `doc_id` and the
/// first place of the document's focus (`focus`) when given. Written straight from the
/// records, with no `Value` built per feature.
pub fn place_features(
    records: &[MentionRecord],
    doc_id: Option<&Value>,
    focus: Option<&FocusRecord>,
) -> Vec<Vec<u8>> {
    records
        .iter()
        .filter(|m| m.ty == "LOC" && !m.rejected)
        .filter_map(|m| {
            let resolved = m.resolved.as_ref()?;
            let (lat, lon) = (resolved.lat?, resolved.lon?);
            // The record without its point and candidates: both are skipped when empty.
            let mut record = m.clone();
            record.candidates.clear();
            if let Some(r) = record.resolved.as_mut() {
                (r.lat, r.lon) = (None, None);
            }
            let feature = Feature {
                ty: "Feature",
                // GeoJSON orders coordinates longitude first.
                geometry: Geometry {
                    ty: "Point",
                    coordinates: [lon, lat],
                },
                properties: Properties {
                    record: &record,
                    doc_id,
                    focus,
                },
            };
            Some(serde_json::to_vec(&feature).expect("features serialize"))
        })
        .collect()
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    geometry: Geometry,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Geometry {
    #[serde(rename = "type")]
    ty: &'static str,
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    #[serde(flatten)]
    record: &'a MentionRecord,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc_id: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    focus: Option<&'a FocusRecord>,
}
