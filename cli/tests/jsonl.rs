//! The `makan` binary on JSON Lines: parallel windows keep one output line per input line,
//! in input order, with bad lines reported in place, and give the same bytes as the
//! sequential path.

mod common;

use std::process::Output;

use serde_json::Value;

/// Runs `makan ARGS` with `stdin` as standard input and windows of `window` lines.
fn makan(args: &[&str], stdin: &str, window: usize) -> Output {
    let window = window.to_string();
    common::makan_with(args, &[("MAKAN_WINDOW_LINES", &window)], stdin.as_bytes())
}

const SENTENCES: [&str; 4] = [
    "Aid trucks crossed from Turkey into Idlib before dawn.",
    "وصلت قافلة المساعدات إلى حمص بعد ظهر الأحد.",
    "The ministry in Damascus announced new bread prices.",
    "عاد آلاف النازحين إلى ريف حلب الشمالي.",
];

/// What a bad line of the test input is, and the error its output line must carry.
fn bad_line(number: usize) -> Option<(&'static str, &'static str)> {
    match number % 10 {
        3 => Some((r#"{"doc_id": "broken", "text": "#, "invalid JSON")),
        6 => Some((
            r#"{"doc_id": "d6-no-text", "title": "no text"}"#,
            "no `text`",
        )),
        9 => Some((r#"{"doc_id": "d9-number", "text": 42}"#, "not a string")),
        _ => None,
    }
}

/// `lines` lines of JSON Lines; line N (1-based) is good with doc_id `dN`, or bad as
/// `bad_line(N)` says.
fn corpus(lines: usize) -> String {
    (1..=lines)
        .map(|n| match bad_line(n) {
            Some((line, _)) => format!("{line}\n"),
            None => {
                let text = SENTENCES[n % SENTENCES.len()];
                format!(
                    "{}\n",
                    serde_json::json!({ "doc_id": format!("d{n}"), "text": text })
                )
            }
        })
        .collect()
}

fn good_corpus(lines: usize) -> String {
    (1..=lines)
        .map(|n| {
            let text = SENTENCES[n % SENTENCES.len()];
            format!(
                "{}\n",
                serde_json::json!({ "doc_id": format!("d{n}"), "text": text })
            )
        })
        .collect()
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
        .collect()
}

#[test]
fn tag_bad_lines_reported_in_place_across_windows() {
    let lines = 47;
    // Windows of 4 lines: twelve windows, the last one short.
    let output = makan(&["tag", "--jsonl", "--threads", "2"], &corpus(lines), 4);
    assert_eq!(output.status.code(), Some(1), "some lines are bad");
    let out = json_lines(&output);
    assert_eq!(out.len(), lines, "one output line per input line");
    for (i, value) in out.iter().enumerate() {
        let number = i + 1;
        match bad_line(number) {
            Some((_, error)) => {
                assert_eq!(value["line"], number, "error of line {number}: {value}");
                let message = value["error"].as_str().expect("an error message");
                assert!(message.contains(error), "line {number}: {message}");
                assert!(value.get("mentions").is_none());
            }
            None => {
                assert_eq!(value["doc_id"], format!("d{number}"), "input order");
                assert!(value["mentions"].is_array(), "line {number}: {value}");
                assert!(value.get("error").is_none());
            }
        }
    }
    let d6 = &out[5];
    assert_eq!(
        d6["doc_id"], "d6-no-text",
        "a bad line keeps its doc_id when it has one"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("14 bad line(s)"), "{stderr}");
}

#[test]
fn tag_one_thread_and_two_threads_give_the_same_bytes() {
    let input = corpus(61);
    let sequential = makan(&["tag", "--jsonl", "--threads", "1"], &input, 5);
    let parallel = makan(&["tag", "--jsonl", "--threads", "2"], &input, 5);
    let big_window = makan(&["tag", "--jsonl", "--threads", "2"], &input, 1000);
    assert_eq!(sequential.status.code(), Some(1));
    assert_eq!(parallel.status.code(), Some(1));
    assert!(!sequential.stdout.is_empty());
    assert!(
        sequential.stdout == parallel.stdout,
        "--threads 1 and 2 differ"
    );
    assert!(
        sequential.stdout == big_window.stdout,
        "window sizes differ"
    );
}

#[test]
fn tag_all_lines_good_exits_0_and_finds_places() {
    let output = makan(&["tag", "--jsonl", "--threads", "2"], &good_corpus(9), 2);
    assert_eq!(output.status.code(), Some(0));
    let out = json_lines(&output);
    assert_eq!(out.len(), 9);
    let damascus = out
        .iter()
        .filter(|v| v["doc_id"] == "d2" || v["doc_id"] == "d6")
        .flat_map(|v| v["mentions"].as_array().unwrap())
        .filter(|m| m["text"] == "Damascus")
        .count();
    assert_eq!(damascus, 2, "{out:?}");
    // Every line carries its focus; a line about Homs is about Homs governorate.
    assert!(out.iter().all(|v| v["focus"].is_array()), "{out:?}");
    let homs = out.iter().find(|v| v["doc_id"] == "d1").unwrap();
    assert_eq!(homs["focus"][0]["admin1"]["pcode"], "SY04", "{homs}");
    // Standard error is not a terminal here: no progress line, nothing at all.
    assert!(
        output.stderr.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn tag_threads_must_be_a_number_from_1() {
    for bad in [
        &["tag", "--jsonl", "--threads", "0"][..],
        &["tag", "--threads"],
    ] {
        let output = makan(bad, "", 4);
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn geojson_lines_one_feature_per_line_same_as_the_collection() {
    let input = corpus(33);
    let lines = makan(
        &["geojson", "--jsonl", "--lines", "--threads", "2"],
        &input,
        3,
    );
    let sequential = makan(
        &["geojson", "--jsonl", "--lines", "--threads", "1"],
        &input,
        3,
    );
    let collection = makan(&["geojson", "--jsonl", "--threads", "2"], &input, 3);
    for output in [&lines, &sequential, &collection] {
        assert_eq!(output.status.code(), Some(1), "bad lines give exit code 1");
    }
    assert!(
        lines.stdout == sequential.stdout,
        "--threads 1 and 2 differ"
    );
    let features = json_lines(&lines);
    assert!(features.len() >= 20, "{} features", features.len());
    assert!(features.iter().all(|f| f["type"] == "Feature"));
    let doc_ids: Vec<&str> = features
        .iter()
        .map(|f| f["properties"]["doc_id"].as_str().unwrap())
        .collect();
    let numbers: Vec<usize> = doc_ids.iter().map(|id| id[1..].parse().unwrap()).collect();
    assert!(numbers.is_sorted(), "features in input order: {doc_ids:?}");
    let whole: Value = serde_json::from_slice(&collection.stdout).expect("one JSON value");
    assert_eq!(whole["type"], "FeatureCollection");
    assert_eq!(whole["features"].as_array().unwrap(), &features);
    let stderr = String::from_utf8_lossy(&lines.stderr);
    assert!(stderr.contains("<stdin>:3: invalid JSON"), "{stderr}");
    assert!(
        stderr.contains("<stdin>:9: `text` is not a string"),
        "{stderr}"
    );
}
