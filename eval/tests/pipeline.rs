//! makan end to end on the invented evaluation fixture: tag, resolve, score.

use std::io::BufRead;
use std::path::Path;

use makan::{OffsetConverter, Resolver, Tagger};
use makan_eval::{self as eval, EntityType, SystemDoc, SystemMention};

fn fixture(name: &str) -> std::io::BufReader<std::fs::File> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::io::BufReader::new(std::fs::File::open(path).unwrap())
}

#[test]
fn tags_resolves_and_scores_the_fixture() {
    let gold = eval::parse_gold_jsonl(fixture("gold.jsonl"), "gold.jsonl").unwrap();
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let mut system = Vec::new();
    for line in fixture("docs.jsonl").lines() {
        let doc: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let text = doc["text"].as_str().unwrap();
        let mut conv = OffsetConverter::new(text);
        let mentions = resolver
            .find(text)
            .into_iter()
            .map(|(m, r)| {
                let point = r.point();
                SystemMention {
                    start: conv.convert(m.span().start()).char,
                    end: conv.convert(m.span().end()).char,
                    entity_type: EntityType::from(r.entity_type()),
                    lat: point.map(|p| p.lat),
                    lon: point.map(|p| p.lon),
                    text: Some(text[m.span()].to_string()),
                }
            })
            .collect();
        system.push(SystemDoc {
            doc_id: doc["doc_id"].as_str().unwrap().to_string(),
            mentions,
        });
    }
    let report = eval::score(&gold, &system);
    // Every place and organization of the three invented documents, exact spans; every place
    // with gold coordinates within 10 km (the person وليد المعلم is out of makan's scope).
    assert_eq!(
        report.recognition_for(EntityType::Loc).exact.f1,
        1.0,
        "{report}"
    );
    assert_eq!(
        report.recognition_for(EntityType::Org).exact.f1,
        1.0,
        "{report}"
    );
    assert_eq!(report.resolution_all.acc_at_10km, 1.0, "{report}");
    assert_eq!(report.resolution_all.end_to_end_at_25km, 1.0, "{report}");
}
