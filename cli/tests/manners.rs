//! The manners of a Unix tool: `--help` and `--version`, short usage on errors, a closed
//! pipe, a byte-order mark, invalid UTF-8, JSON Lines lines without or with a broken
//! `doc_id`, `eval --json` alone on standard output, one shape for an entity.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

fn makan(args: &[&str], stdin: &[u8]) -> Output {
    let mut all = args.to_vec();
    if args.contains(&"--jsonl") {
        all.extend(["--threads", "1"]);
    }
    common::makan(&all, stdin)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("makan-manners-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn version_and_help_on_every_subcommand() {
    let version = makan(&["--version"], b"");
    assert!(version.status.success());
    assert_eq!(
        stdout(&version).trim(),
        format!("makan {}", env!("CARGO_PKG_VERSION"))
    );
    for command in [
        &["tag"][..],
        &["geojson"],
        &["eval"],
        &["eval-conll"],
        &["gazetteer"],
        &["gazetteer", "stats"],
        &["gazetteer", "lookup"],
        &["completions"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = makan(&args, b"");
        assert!(help.status.success(), "{args:?}: {}", stderr(&help));
        assert!(stdout(&help).contains("Usage: makan"), "{args:?}");
    }
    let tag_help = stdout(&makan(&["tag", "--help"], b""));
    for word in [
        "--format",
        "conll",
        "proclitic",
        "--fields",
        "--lossy",
        "doc_id",
    ] {
        assert!(tag_help.contains(word), "tag --help tells of {word}");
    }
}

#[test]
fn a_usage_error_prints_a_short_usage_not_the_whole_help() {
    for args in [
        &["tag", "--no-such-option"][..],
        &["no-such-command"],
        &["tag", "--format", "xml"],
        &["tag", "--threads", "0"],
        &["tag", "--override"],
    ] {
        let output = makan(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains("Usage: makan") || message.contains("--help"),
            "{args:?}: {message}"
        );
        assert!(message.lines().count() <= 12, "{args:?}: {message}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn no_command_lists_the_commands_and_fails() {
    let output = makan(&[], b"");
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    for command in [
        "tag",
        "geojson",
        "eval",
        "eval-conll",
        "gazetteer",
        "completions",
    ] {
        assert!(message.contains(&format!("\n  {command} ")), "{message}");
    }
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let output = makan(&["completions", shell], b"");
        assert!(output.status.success(), "{shell}");
        let script = stdout(&output);
        assert!(
            script.contains("geojson") && script.contains("format"),
            "{shell}"
        );
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly_with_0() {
    let line =
        json!({"doc_id": "n", "text": "قصفت الطائرات مدينة البوكمال ثم اتجهت نحو دير الزور"});
    let corpus = format!("{line}\n").repeat(20_000);
    for format in ["jsonl", "csv"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_makan"))
            .args(["tag", "--jsonl", "--format", format, "--threads", "2"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("makan runs");
        let mut input = child.stdin.take().unwrap();
        let corpus = corpus.clone();
        // The writer fails once makan has gone: that is expected.
        let feeder = std::thread::spawn(move || {
            let _ = input.write_all(corpus.as_bytes());
        });
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        reader.read_line(&mut first).unwrap();
        assert!(!first.is_empty());
        drop(reader);
        let output = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stderr(&output)
        );
        assert!(output.stderr.is_empty(), "{format}: {}", stderr(&output));
    }
}

#[test]
fn a_byte_order_mark_is_skipped_in_plain_text_and_json_lines() {
    let text = "وصلت القافلة إلى حماة صباح الاثنين";
    let plain = makan(&["tag"], text.as_bytes());
    let with_bom = makan(&["tag"], format!("\u{feff}{text}").as_bytes());
    assert!(with_bom.status.success());
    assert_eq!(
        plain.stdout, with_bom.stdout,
        "offsets index the text after the mark"
    );

    let line = json!({"doc_id": "b1", "text": text});
    let output = makan(&["tag", "--jsonl"], format!("\u{feff}{line}\n").as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["doc_id"], "b1");
    assert_eq!(value["mentions"][0]["text"], "حماة");
}

#[test]
fn invalid_utf8_is_an_error_naming_its_offset_unless_lossy() {
    let mut bytes = "قصف على حلب ".as_bytes().to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xff\xfe and Homs");
    let failed = makan(&["tag"], &bytes);
    assert_eq!(failed.status.code(), Some(2));
    assert!(
        stderr(&failed).contains(&format!("invalid UTF-8 at byte {offset}")),
        "{}",
        stderr(&failed)
    );
    assert!(failed.stdout.is_empty());

    let lossy = makan(&["tag", "--lossy"], &bytes);
    assert!(lossy.status.success());
    let value: Value = serde_json::from_slice(&lossy.stdout).unwrap();
    let found: Vec<&str> = value["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(found, ["حلب", "Homs"]);
}

#[test]
fn a_bad_json_lines_line_is_an_error_for_that_line_and_keeps_a_readable_doc_id() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"doc_id\": \"u1\", \"text\": \"\xd8 \xd8\xad\xd9\x84\xd8\xa8\"}\n");
    input.extend_from_slice(b"{\"doc_id\": \"u2\", \"text\": \"shelling near Hama, then\n");
    input.extend_from_slice(
        format!(
            "{}\n",
            json!({"doc_id": "u3", "text": "نزح الأهالي من درعا"})
        )
        .as_bytes(),
    );
    let output = makan(&["tag", "--jsonl"], &input);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "one line out per line in");
    assert_eq!(lines[0]["doc_id"], "u1");
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8 at byte 26")
    );
    assert_eq!(lines[1]["doc_id"], "u2");
    assert!(lines[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(lines[2]["mentions"][0]["text"], "درعا");

    let lossy = makan(&["tag", "--jsonl", "--lossy"], &input);
    let first: Value = serde_json::from_str(stdout(&lossy).lines().next().unwrap()).unwrap();
    assert_eq!(first["mentions"][0]["text"], "حلب");
}

#[test]
fn a_missing_doc_id_becomes_the_line_number_said_once() {
    let input = [
        json!({"text": "وصلت التعزيزات إلى تدمر"}),
        json!({"doc_id": "m2", "text": "عاد النازحون إلى منبج"}),
        json!({"text": "Fighting resumed near Raqqa"}),
    ]
    .map(|v| format!("{v}\n"))
    .concat();
    for format in ["jsonl", "csv"] {
        let output = makan(&["tag", "--jsonl", "--format", format], input.as_bytes());
        assert_eq!(output.status.code(), Some(0));
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "said once: {message}");
        assert!(message.contains(":1:"), "{message}");
        let out = stdout(&output);
        if format == "jsonl" {
            let ids: Vec<Value> = out
                .lines()
                .map(|l| serde_json::from_str::<Value>(l).unwrap()["doc_id"].clone())
                .collect();
            assert_eq!(ids, ["1", "m2", "3"]);
        } else {
            let ids: Vec<&str> = out
                .lines()
                .skip(1)
                .map(|l| l.split(',').next().unwrap())
                .collect();
            assert_eq!(ids, ["1", "m2", "3"]);
        }
    }
}

/// Code-point offsets of `part` in `text`.
fn span(text: &str, part: &str) -> (usize, usize) {
    let byte = text.find(part).unwrap();
    let start = text[..byte].chars().count();
    (start, start + part.chars().count())
}

#[test]
fn eval_json_is_one_json_value_with_errors_and_calibration_inside() {
    // The gold puts the town far from where it is: a wrong-place error, whatever else.
    let text = "قصفت الطائرات مدينة البوكمال فجر اليوم";
    let (s, e) = span(text, "البوكمال");
    let gold = json!({"doc_id": "g1", "mentions": [
        {"text": "البوكمال", "type": "LOC", "start": s, "end": e,
         "gold": {"lat": 33.5, "lon": 36.3, "in_syria": true}},
    ]});
    let gold = write("gold.jsonl", format!("{gold}\n").as_bytes());
    let docs = write(
        "docs.jsonl",
        format!("{}\n", json!({"doc_id": "g1", "text": text})).as_bytes(),
    );
    let (gold, docs) = (gold.to_str().unwrap(), docs.to_str().unwrap());
    let output = makan(
        &["eval", gold, docs, "--json", "--errors", "--calibration"],
        b"",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON alone");
    let errors = report["errors"].as_array().expect("errors inside");
    assert!(!errors.is_empty(), "the place is wrong");
    assert!(report["calibration"]["bins"].is_array());

    let plain = makan(&["eval", gold, docs, "--json"], b"");
    let report: Value = serde_json::from_slice(&plain.stdout).expect("JSON alone");
    assert!(report.get("errors").is_none() && report.get("calibration").is_none());
    let text = stdout(&makan(&["eval", gold, docs], b""));
    assert!(text.contains("calibration"));
}

#[test]
fn lookup_prints_an_entity_in_the_shape_of_a_tagged_mention() {
    let lookup = makan(&["gazetteer", "lookup", "البوكمال"], b"");
    assert!(lookup.status.success());
    let entity: Value = serde_json::from_str(stdout(&lookup).lines().next().unwrap()).unwrap();
    let tagged = makan(&["tag"], "وصلت القوات إلى البوكمال".as_bytes());
    let mention = &serde_json::from_slice::<Value>(&tagged.stdout).unwrap()["mentions"][0];
    assert_eq!(entity["id"], mention["id"]);
    for key in [
        "id", "kind", "name_ar", "name_en", "pcode", "country", "admin",
    ] {
        assert_eq!(entity[key], mention[key], "{key}");
    }
    let admin = entity["admin"].as_array().expect("an admin array");
    assert_eq!(admin[0]["level"], "admin1");
    assert!(entity.get("admin1").is_none() && entity.get("admin1_name").is_none());
    for line in stdout(&lookup).lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        assert!(
            value
                .as_object()
                .unwrap()
                .values()
                .all(|v| v != "" && !v.is_null()),
            "no empty fields: {line}"
        );
    }
}
