//! `makan tag --format …`: the same mentions as JSON, JSON Lines, CSV, TSV, CoNLL and
//! GeoJSON, and `--fields`, `--compact`.

mod common;

use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn makan(args: &[&str], stdin: &str) -> Output {
    let output = common::makan(args, stdin.as_bytes());
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

const TEXT: &str = "استهدف القصف مدينة البوكمال ووصلت تعزيزات إلى دير الزور.";

fn corpus() -> String {
    [
        json!({"doc_id": "f1", "text": TEXT}),
        json!({"doc_id": "f2", "text": "Talks on Idlib were held in Ankara."}),
        json!({"doc_id": "f3", "text": "لا أسماء هنا"}),
    ]
    .map(|v| format!("{v}\n"))
    .concat()
}

/// The mentions of `TEXT` as `tag` prints them in JSON.
fn json_mentions() -> Vec<Value> {
    let out: Value = serde_json::from_slice(&makan(&["tag"], TEXT).stdout).unwrap();
    out["mentions"].as_array().unwrap().clone()
}

fn table(args: &[&str], delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let output = makan(args, TEXT);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(output.stdout.as_slice());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_and_tsv_have_one_row_per_mention_with_flat_columns() {
    let mentions = json_mentions();
    for (format, delimiter) in [("csv", b','), ("tsv", b'\t')] {
        let (header, rows) = table(&["tag", "--format", format], delimiter);
        assert_eq!(
            header,
            [
                "doc_id",
                "start",
                "end",
                "text",
                "type",
                "id",
                "kind",
                "name_ar",
                "name_en",
                "lat",
                "lon",
                "pcode",
                "admin1_pcode",
                "admin1_en",
                "admin2_pcode",
                "admin2_en",
                "admin3_pcode",
                "admin3_en",
                "confidence"
            ]
        );
        assert_eq!(rows.len(), mentions.len(), "{format}");
        for (row, mention) in rows.iter().zip(&mentions) {
            assert_eq!(row[1], mention["start"].to_string());
            assert_eq!(row[3], mention["text"].as_str().unwrap());
            assert_eq!(row[5], mention["id"].as_str().unwrap());
            assert_eq!(
                row[9].parse::<f64>().unwrap(),
                mention["lat"].as_f64().unwrap()
            );
            assert_eq!(row[12], mention["admin"][0]["pcode"].as_str().unwrap());
            assert_eq!(row[13], mention["admin"][0]["name_en"].as_str().unwrap());
        }
    }
}

#[test]
fn fields_choose_the_columns_in_their_order() {
    let (header, rows) = table(
        &[
            "tag",
            "--format",
            "csv",
            "--fields",
            "text,admin1_ar,evidence",
        ],
        b',',
    );
    assert_eq!(header, ["text", "admin1_ar", "evidence"]);
    assert_eq!(rows[0][0], "البوكمال");
    assert_eq!(rows[0][1], "دير الزور");
    assert!(!rows[0][2].is_empty());
    let refused = Command::new(env!("CARGO_BIN_EXE_makan"))
        .args(["tag", "--format", "csv", "--fields", "text,altitude"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no column `altitude`"));
}

#[test]
fn csv_rows_of_a_corpus_carry_their_doc_id_in_input_order() {
    let output = makan(&["tag", "--jsonl", "--format", "csv"], &corpus());
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(ids, ["f1", "f1", "f2", "f2"]);
}

#[test]
fn conll_splits_proclitics_and_punctuation_off_names() {
    let out = String::from_utf8(makan(&["tag", "--format", "conll"], TEXT).stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "استهدف O",
            "القصف O",
            "مدينة O",
            "البوكمال B-LOC",
            "ووصلت O",
            "تعزيزات O",
            "إلى O",
            "دير B-LOC",
            "الزور I-LOC",
            ". O",
            "",
        ]
    );
    let with_proclitic =
        String::from_utf8(makan(&["tag", "--format", "conll"], "قصف على وحلب").stdout).unwrap();
    assert_eq!(with_proclitic, "قصف O\nعلى O\nو O\nحلب B-LOC\n\n");
}

#[test]
fn conll_of_a_corpus_starts_each_document_with_its_id() {
    let out = String::from_utf8(makan(&["tag", "--jsonl", "--format", "conll"], &corpus()).stdout)
        .unwrap();
    let starts: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("-DOCSTART-"))
        .collect();
    assert_eq!(starts, ["-DOCSTART- f1", "-DOCSTART- f2", "-DOCSTART- f3"]);
    assert!(out.contains("\nIdlib B-LOC\n"));
    assert!(out.contains("\nAnkara B-LOC\n. O\n"));
}

#[test]
fn json_of_a_corpus_is_one_array_and_jsonl_one_line_per_document() {
    let array: Value =
        serde_json::from_slice(&makan(&["tag", "--jsonl", "--format", "json"], &corpus()).stdout)
            .expect("one JSON value");
    let lines = String::from_utf8(makan(&["tag", "--jsonl"], &corpus()).stdout).unwrap();
    let lines: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(array.as_array().unwrap(), &lines);
    assert_eq!(lines.len(), 3);
}

#[test]
fn compact_drops_candidates_alternatives_and_evidence_only() {
    let full = json_mentions();
    let compact: Value =
        serde_json::from_slice(&makan(&["tag", "--compact"], TEXT).stdout).unwrap();
    let compact = compact["mentions"].as_array().unwrap();
    assert_eq!(compact.len(), full.len());
    for (c, f) in compact.iter().zip(&full) {
        let mut f = f.as_object().unwrap().clone();
        assert!(f.contains_key("candidates") && f.contains_key("evidence"));
        for key in ["candidates", "alternatives", "evidence"] {
            f.shift_remove(key);
        }
        assert_eq!(c.as_object().unwrap(), &f);
    }
}

#[test]
fn geojson_format_is_the_geojson_subcommand() {
    for (format, lines) in [("geojson", false), ("geojsonl", true)] {
        let from_tag = makan(&["tag", "--jsonl", "--format", format], &corpus());
        let mut args = vec!["geojson", "--jsonl"];
        if lines {
            args.push("--lines");
        }
        let from_geojson = makan(&args, &corpus());
        assert_eq!(from_tag.stdout, from_geojson.stdout, "{format}");
    }
    let collection: Value =
        serde_json::from_slice(&makan(&["tag", "--format", "geojson"], TEXT).stdout).unwrap();
    let features = collection["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    let [lon, lat] = [0, 1].map(|i| features[0]["geometry"]["coordinates"][i].as_f64().unwrap());
    assert!((40.0..41.5).contains(&lon) && (34.0..35.0).contains(&lat));
}
