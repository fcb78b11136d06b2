//! End-to-end check of the scorer on the invented fixtures in `tests/data/`, with every number
//! worked out by hand (see the fixture README for what each document exercises).
//!
//! Two ignored tests read the real evaluation files when their paths are given in environment
//! variables; they print counts and check that the files parse and score gold against itself
//! perfectly. They never run by default, so no test depends on files outside this repository:
//!
//! ```text
//! MAKAN_DEV_GOLD=/path/to/dev-gold.jsonl cargo test -p makan-eval --test scoring -- --ignored --nocapture
//! MAKAN_ANERCORP_TEST=/path/to/ANERcorp_camel_split_test.txt cargo test -p makan-eval --test scoring -- --ignored --nocapture
//! ```

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use makan::Point;
use makan_eval::{
    ConllSentence, EntityType, ErrorKind, GoldDoc, Prf, SystemDoc, SystemMention, parse_conll,
    parse_gold_jsonl, parse_system_jsonl, score, score_conll, spans_to_bio,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn open(path: &Path) -> BufReader<File> {
    BufReader::new(File::open(path).unwrap_or_else(|err| panic!("{}: {err}", path.display())))
}

fn fixture_gold() -> Vec<GoldDoc> {
    parse_gold_jsonl(open(&fixture("gold.jsonl")), "gold.jsonl").unwrap()
}

fn fixture_system() -> Vec<SystemDoc> {
    parse_system_jsonl(open(&fixture("system.jsonl")), "system.jsonl").unwrap()
}

fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

const HOMS_ERROR_KM: f64 = 2.223_901_604_671_227; // 0.02 degree of latitude, computed in Python
const DAMASCUS_ALEPPO_KM: f64 = 309.574_195_350_403_16; // computed in Python

#[test]
fn fixture_gold_offsets_are_code_points_into_the_texts() {
    #[derive(serde::Deserialize)]
    struct Doc {
        doc_id: String,
        text: String,
    }
    let text = std::fs::read_to_string(fixture("docs.jsonl")).unwrap();
    let docs: Vec<Doc> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    for gold in fixture_gold() {
        let doc = docs.iter().find(|doc| doc.doc_id == gold.doc_id).unwrap();
        let chars: Vec<char> = doc.text.chars().collect();
        for mention in &gold.mentions {
            let slice: String = chars[mention.start..mention.end].iter().collect();
            assert_eq!(slice, mention.text);
        }
    }
}

#[test]
fn fixture_recognition_scores() {
    let report = score(&fixture_gold(), &fixture_system());
    assert_eq!(report.documents, 3);
    assert_eq!(report.documents_without_output, 1); // t-003
    assert_eq!(report.system_documents_ignored, 1); // t-999

    // LOC: 8 gold, 7 system; exact: Homs, Damascus x2, Moscow, Beirut; overlap adds the Yarmouk camp.
    let loc = report.recognition_for(EntityType::Loc);
    assert_eq!((loc.gold, loc.system), (8, 7));
    assert_eq!(loc.exact, Prf::from_counts(5, 2, 3));
    assert_close(loc.exact.precision, 5.0 / 7.0);
    assert_close(loc.exact.recall, 5.0 / 8.0);
    assert_close(loc.exact.f1, 10.0 / 15.0);
    assert_eq!(loc.overlap, Prf::from_counts(6, 1, 2));
    assert_close(loc.overlap.f1, 0.8);

    // ORG: 3 gold, 1 system ("الجيش" inside "الجيش السوري"); the UN was tagged LOC.
    let org = report.recognition_for(EntityType::Org);
    assert_eq!((org.gold, org.system), (3, 1));
    assert_eq!(org.exact, Prf::from_counts(0, 1, 3));
    assert_eq!(
        (org.exact.precision, org.exact.recall, org.exact.f1),
        (0.0, 0.0, 0.0)
    );
    assert_eq!(org.overlap, Prf::from_counts(1, 0, 2));
    assert_close(org.overlap.precision, 1.0);
    assert_close(org.overlap.recall, 1.0 / 3.0);
    assert_close(org.overlap.f1, 0.5);

    let per = report.recognition_for(EntityType::Per);
    assert_eq!(per.exact, Prf::from_counts(1, 0, 0));
    assert_eq!(per.exact.f1, 1.0);
}

#[test]
fn fixture_resolution_scores() {
    let report = score(&fixture_gold(), &fixture_system());

    // All places: 7 gold with coordinates (the unresolved village has none); found exactly:
    // Homs (2.2 km), Damascus in t-001 (given Aleppo: 309.6 km), Moscow (0), Beirut (no
    // coordinates), Damascus in t-002 (0).
    let all = report.resolution_all;
    assert_eq!(all.gold_with_coordinates, 7);
    assert_eq!((all.found, all.found_without_coordinates), (5, 1));
    assert_eq!(
        (all.within_10km, all.within_25km, all.within_161km),
        (3, 3, 3)
    );
    assert_close(all.acc_at_10km, 0.6);
    assert_close(all.acc_at_25km, 0.6);
    assert_close(all.acc_at_161km, 0.6);
    assert_close(all.median_error_km.unwrap(), HOMS_ERROR_KM / 2.0); // median of 0, 0, 2.2, 309.6
    assert_close(all.end_to_end_at_25km, 3.0 / 7.0);

    // In Syria: Homs, Damascus x2, Yarmouk camp (boundary error), Tell Abyad (no output).
    let syria = report.resolution_in_syria;
    assert_eq!(syria.gold_with_coordinates, 5);
    assert_eq!((syria.found, syria.found_without_coordinates), (3, 0));
    assert_eq!(
        (syria.within_10km, syria.within_25km, syria.within_161km),
        (2, 2, 2)
    );
    assert_close(syria.acc_at_25km, 2.0 / 3.0);
    assert_close(syria.median_error_km.unwrap(), HOMS_ERROR_KM);
    assert_close(syria.end_to_end_at_25km, 0.4);
}

#[test]
fn fixture_error_listing() {
    let report = score(&fixture_gold(), &fixture_system());
    let lines: Vec<String> = report.errors().iter().map(|e| e.to_string()).collect();
    assert_eq!(
        lines,
        [
            "t-001\tboundary\tORG\t4..16\tالجيش السوري\t4..9\tالجيش\t-",
            "t-001\twrong-place\tLOC\t62..66\tدمشق\t62..66\tدمشق\t309.6 km",
            "t-002\twrong-place\tLOC\t21..26\tبيروت\t21..26\tبيروت\tno coordinates",
            "t-002\tboundary\tLOC\t35..47\tمخيم اليرموك\t40..47\tاليرموك\t-",
            "t-002\tmissed\tORG\t69..82\tالأمم المتحدة\t-\t-\t-",
            "t-002\tspurious\tLOC\t-\t-\t69..82\tالأمم المتحدة\t-",
            "t-003\tmissed\tORG\t11..15\tداعش\t-\t-\t-",
            "t-003\tmissed\tLOC\t37..44\tتل أبيض\t-\t-\t-",
            "t-003\tmissed\tLOC\t65..74\tالشيخ علي\t-\t-\t-",
        ]
    );
    let ErrorKind::WrongPlace { km: Some(km) } = report.errors()[1].kind else {
        panic!("expected a wrong place");
    };
    assert_close(km, DAMASCUS_ALEPPO_KM);
}

/// The scorer measures errors with `makan::Point::distance_km`: haversine on the mean Earth
/// radius (6371.0088 km, IUGG), the radius the geoparsing literature's errors are computed with.
#[test]
fn errors_are_great_circle_km_on_the_mean_earth_radius() {
    const EARTH_MEAN_RADIUS_KM: f64 = 6371.0088;
    let p = |lat, lon| Point { lat, lon };
    let (damascus, aleppo) = (p(33.5102, 36.29128), p(36.20124, 37.16117));
    assert!((damascus.distance_km(aleppo) - DAMASCUS_ALEPPO_KM).abs() < 1e-6);
    assert!((damascus.distance_km(aleppo) - aleppo.distance_km(damascus)).abs() < 1e-9);
    assert_eq!(damascus.distance_km(damascus), 0.0);
    let one_degree = EARTH_MEAN_RADIUS_KM * std::f64::consts::PI / 180.0;
    assert_close(p(0.0, 0.0).distance_km(p(0.0, 1.0)), one_degree);
    assert_close(p(0.0, 0.0).distance_km(p(1.0, 0.0)), one_degree);
    // Haversine is ill-conditioned at antipodes: metres, not micrometres, and never NaN.
    let antipodal = p(10.0, 20.0).distance_km(p(-10.0, -160.0));
    assert!((antipodal - EARTH_MEAN_RADIUS_KM * std::f64::consts::PI).abs() < 1e-3);
}

#[test]
fn fixture_report_table_and_json() {
    let report = score(&fixture_gold(), &fixture_system());
    let table = report.to_string();
    assert!(
        table.contains("documents: 3 (1 without system output, 1 system documents not in gold)")
    );
    let loc_line = table.lines().find(|line| line.starts_with("LOC")).unwrap();
    assert_eq!(
        loc_line.split_whitespace().collect::<Vec<_>>(),
        [
            "LOC", "8", "7", "|", "5", "71.4", "62.5", "66.7", "|", "6", "85.7", "75.0", "80.0"
        ]
    );
    let syria_line = table
        .lines()
        .find(|line| line.starts_with("in Syria"))
        .unwrap();
    assert_eq!(
        syria_line.split_whitespace().collect::<Vec<_>>(),
        [
            "in", "Syria", "5", "3", "0", "66.7", "66.7", "66.7", "2.2", "40.0"
        ]
    );

    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["recognition"][0]["type"], "LOC");
    assert_eq!(json["recognition"][0]["exact"]["tp"], 5);
    assert_eq!(json["recognition"][1]["overlap"]["fn"], 2);
    assert_eq!(json["resolution_all"]["found_without_coordinates"], 1);
    assert!(json.get("errors").is_none());
    let errors = serde_json::to_value(report.errors()).unwrap();
    assert_eq!(errors[3]["kind"], "BoundaryMismatch");
    assert_eq!(errors[3]["system"]["start"], 40);
    assert_eq!(errors[2]["km"], serde_json::Value::Null);
}

#[test]
fn gold_against_itself_is_perfect() {
    let gold = fixture_gold();
    let report = score(&gold, &gold_as_system(&gold));
    for scores in &report.recognition {
        assert_eq!(scores.exact.f1, 1.0, "{:?}", scores.entity_type);
        assert_eq!(scores.overlap.f1, 1.0);
    }
    assert_eq!(report.resolution_all.end_to_end_at_25km, 1.0);
    assert_eq!(report.resolution_all.median_error_km, Some(0.0));
    assert!(report.errors().is_empty());
}

/// The system output that copies gold spans, types and coordinates.
fn gold_as_system(gold: &[GoldDoc]) -> Vec<SystemDoc> {
    gold.iter()
        .map(|doc| SystemDoc {
            doc_id: doc.doc_id.clone(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| SystemMention {
                    start: m.start,
                    end: m.end,
                    entity_type: m.entity_type,
                    lat: m.place().map(|p| p.lat),
                    lon: m.place().map(|p| p.lon),
                    text: Some(m.text.clone()),
                })
                .collect(),
        })
        .collect()
}

/// Parses the real development gold named by `MAKAN_DEV_GOLD` and prints its counts.
#[test]
#[ignore = "needs MAKAN_DEV_GOLD=<path to dev-gold.jsonl>"]
fn dev_gold_parses_and_scores_itself_perfectly() {
    let path = PathBuf::from(std::env::var("MAKAN_DEV_GOLD").expect("set MAKAN_DEV_GOLD"));
    let gold = parse_gold_jsonl(open(&path), &path.display().to_string()).unwrap();
    let mentions: usize = gold.iter().map(|doc| doc.mentions.len()).sum();
    println!("documents: {}, mentions: {mentions}", gold.len());
    for entity_type in EntityType::ALL {
        let n = gold
            .iter()
            .flat_map(|doc| &doc.mentions)
            .filter(|m| m.entity_type == entity_type)
            .count();
        println!("{entity_type}: {n}");
    }
    let places: Vec<_> = gold
        .iter()
        .flat_map(|doc| &doc.mentions)
        .filter_map(|m| m.place())
        .collect();
    let in_syria = places.iter().filter(|p| p.in_syria).count();
    println!(
        "LOC with coordinates: {}, in Syria: {in_syria}, abroad: {}",
        places.len(),
        places.len() - in_syria
    );
    let report = score(&gold, &gold_as_system(&gold));
    println!("{report}");
    assert!(report.errors().is_empty());
    assert_eq!(report.resolution_all.end_to_end_at_25km, 1.0);
    assert_eq!(report.resolution_all.gold_with_coordinates, places.len());
    assert_eq!(report.resolution_in_syria.gold_with_coordinates, in_syria);
}

/// Parses the ANERcorp test split named by `MAKAN_ANERCORP_TEST`, scores it against itself, and
/// checks that gold chunks survive the trip through character spans and [`spans_to_bio`].
#[test]
#[ignore = "needs MAKAN_ANERCORP_TEST=<path to ANERcorp_camel_split_test.txt>"]
fn anercorp_parses_and_round_trips_through_spans() {
    let path =
        PathBuf::from(std::env::var("MAKAN_ANERCORP_TEST").expect("set MAKAN_ANERCORP_TEST"));
    let sentences = parse_conll(open(&path), &path.display().to_string()).unwrap();
    let gold_tags: Vec<Vec<String>> = sentences.iter().map(tags_of).collect();
    let itself = score_conll(&sentences, &gold_tags).unwrap();
    println!("gold against itself:\n{itself}");
    assert_eq!(itself.overall.f1, 1.0);

    // Gold chunks -> byte spans over the joined text -> BIO tags again. MISC has no EntityType, so
    // it is dropped from both sides of this check.
    let without_misc: Vec<ConllSentence> = sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|(token, tag)| {
                    let tag = if tag.ends_with("-MISC") { "O" } else { tag };
                    (token.clone(), tag.to_owned())
                })
                .collect()
        })
        .collect();
    let round_trip: Vec<Vec<String>> = without_misc
        .iter()
        .map(|sentence| {
            let tokens: Vec<&str> = sentence.iter().map(|(token, _)| token.as_str()).collect();
            spans_to_bio(&tokens, &gold_spans(sentence))
        })
        .collect();
    let report = score_conll(&without_misc, &round_trip).unwrap();
    println!("round trip without MISC:\n{report}");
    assert_eq!(report.overall.f1, 1.0);
}

fn tags_of(sentence: &ConllSentence) -> Vec<String> {
    sentence.iter().map(|(_, tag)| tag.clone()).collect()
}

/// Byte spans over `sentence_text` of a sentence's LOC, ORG and PERS chunks, chunked the way
/// conlleval does (I- after O or another type starts a chunk).
fn gold_spans(sentence: &ConllSentence) -> Vec<(usize, usize, EntityType)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize, &str)> = None;
    let mut offset = 0;
    for (token, tag) in sentence {
        let (start, end) = (offset, offset + token.len());
        offset = end + 1;
        let (prefix, label) = tag.split_once('-').unwrap_or(("O", ""));
        match open {
            Some((s, _, l)) if prefix == "I" && l == label => open = Some((s, end, l)),
            _ => {
                spans.extend(open.take().map(|(s, e, l)| (s, e, entity_type(l))));
                if prefix != "O" {
                    open = Some((start, end, label));
                }
            }
        }
    }
    spans.extend(open.map(|(s, e, l)| (s, e, entity_type(l))));
    spans
}

fn entity_type(label: &str) -> EntityType {
    match label {
        "LOC" => EntityType::Loc,
        "ORG" => EntityType::Org,
        "PERS" => EntityType::Per,
        other => panic!("no EntityType for {other}"),
    }
}
