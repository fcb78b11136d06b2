//! One JSON Lines line, whatever its bytes, through the CLI's line handler
//! (`Tag::line_output`, what the worker threads of `makan tag --jsonl` run) in each output
//! format, strict and `--lossy`: either output that parses (JSON and GeoJSON lines, CSV as
//! UTF-8, CoNLL `TOKEN TAG` lines) with the line's `doc_id` or its number, or a bad line with
//! a reason; never a panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use makan_cli::tag_cmd::{Format, Pipeline, Tag};
use serde_json::Value;

const FORMATS: [Format; 4] = [Format::Jsonl, Format::Csv, Format::Conll, Format::Geojsonl];
const TAGS: [&str; 5] = ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG"];
/// The line number the handler is told.
const NUMBER: usize = 7;

static RUNS: LazyLock<Vec<(Format, bool, Tag)>> = LazyLock::new(|| {
    let tagger = makan::Tagger::new();
    let mut runs = Vec::new();
    for format in FORMATS {
        for lossy in [false, true] {
            // `--all` on one of them, so rejected mentions go through the records too.
            let all = format == Format::Jsonl && lossy;
            let pipeline = Pipeline::new(tagger.clone(), true, all);
            runs.push((format, lossy, Tag::new(pipeline, format, true, lossy)));
        }
    }
    runs
});

fuzz_target!(|line: &[u8]| {
    let utf8 = std::str::from_utf8(line).is_ok();
    for (format, lossy, tag) in RUNS.iter() {
        match tag.line_output(NUMBER, line) {
            Ok((chunks, filled)) => {
                assert!(utf8 || *lossy, "invalid UTF-8 accepted without --lossy");
                assert!(filled.is_none() || filled == Some(NUMBER));
                check(*format, &chunks, filled.is_some());
            }
            Err((number, bad)) => {
                assert_eq!(number, NUMBER);
                assert!(!bad.error.is_empty());
            }
        }
    }
});

fn check(format: Format, chunks: &[Vec<u8>], filled: bool) {
    match format {
        Format::Jsonl => {
            assert_eq!(chunks.len(), 1);
            let object: Value = serde_json::from_slice(&chunks[0]).expect("a JSON line");
            assert!(chunks[0].ends_with(b"\n"));
            assert!(object["mentions"].is_array() && object["focus"].is_array());
            if filled {
                assert_eq!(object["doc_id"], NUMBER.to_string());
            }
        }
        Format::Geojsonl => {
            for chunk in chunks {
                let feature: Value = serde_json::from_slice(chunk).expect("a GeoJSON line");
                assert_eq!(feature["type"], "Feature");
                let point = &feature["geometry"]["coordinates"];
                assert!(point[0].is_f64() && point[1].is_f64());
            }
        }
        Format::Csv => {
            for chunk in chunks {
                std::str::from_utf8(chunk).expect("CSV is UTF-8");
            }
        }
        Format::Conll => {
            for chunk in chunks {
                let text = std::str::from_utf8(chunk).expect("CoNLL is UTF-8");
                for row in text.lines().filter(|l| !l.is_empty() && !l.starts_with("-DOCSTART-")) {
                    let (token, tag) = row.rsplit_once(' ').expect("TOKEN TAG");
                    assert!(!token.is_empty() && TAGS.contains(&tag), "{row:?}");
                }
            }
        }
        _ => unreachable!("not fuzzed"),
    }
}
