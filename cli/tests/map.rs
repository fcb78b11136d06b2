//! `makan map`: the SVG is well-formed XML, holds one mark per distinct resolved place (a
//! circle in the frame or a row of the side list), and labels in the language asked for.

mod common;

use std::collections::{BTreeMap, BTreeSet};

/// A short news report naming governorates, towns (one twice) and two capitals far away.
const REPORT: &str = "قال مصدر محلي إن قصفاً مدفعياً استهدف مدينة معرة النعمان في ريف إدلب الجنوبي، \
في حين وصلت تعزيزات عسكرية إلى مدينة حماة قادمة من حمص. وفي دير الزور، عبرت قافلة مساعدات \
مدينة الميادين متجهة إلى البوكمال. وأضاف المصدر أن وفداً زار موسكو ثم واشنطن لبحث الوضع في حلب، \
وأن الهدوء عاد إلى معرة النعمان مساء أمس.";

fn run(args: &[&str], input: &str) -> (String, std::process::Output) {
    let out = common::makan(args, input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout.clone()).expect("UTF-8"), out)
}

fn map(args: &[&str], input: &str) -> String {
    let mut all = vec!["map", "-o", "-"];
    all.extend_from_slice(args);
    run(&all, input).0
}

/// The places `makan tag` resolves in `text`: id (or `unlisted:` and the text) → mentions.
fn tagged_places(text: &str) -> BTreeMap<String, usize> {
    let (out, _) = run(&["tag"], text);
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let mut places = BTreeMap::new();
    for m in value["mentions"].as_array().expect("mentions") {
        if m["type"] != "LOC" {
            continue;
        }
        let id = match m["id"].as_str() {
            Some(id) => id.to_string(),
            None => format!("unlisted:{}", m["text"].as_str().expect("text")),
        };
        *places.entry(id).or_insert(0) += 1;
    }
    places
}

/// `data-id` → `data-count` of the elements of `class` (among space-separated classes).
fn marks(doc: &roxmltree::Document, class: &str) -> Vec<(String, usize)> {
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        })
        .map(|n| {
            let id = n.attribute("data-id").expect("a mark has data-id");
            let count = n.attribute("data-count").expect("a mark has data-count");
            (id.to_string(), count.parse().expect("a count"))
        })
        .collect()
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c)
}

#[test]
fn one_mark_per_resolved_place_with_its_count() {
    let svg = map(&[], REPORT);
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let mut shown = marks(&doc, "place");
    shown.extend(marks(&doc, "outside"));
    let ids: BTreeSet<&String> = shown.iter().map(|(id, _)| id).collect();
    assert_eq!(ids.len(), shown.len(), "a place drawn twice: {shown:?}");
    let expected = tagged_places(REPORT);
    assert!(expected.len() >= 8, "{expected:?}");
    let shown: BTreeMap<String, usize> = shown.into_iter().collect();
    assert_eq!(shown, expected);
    // معرة النعمان is named twice.
    assert!(expected.values().any(|&n| n == 2), "{expected:?}");
}

#[test]
fn places_outside_the_frame_are_listed_at_the_side() {
    let svg = map(&[], REPORT);
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let outside: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("outside panel"))
        .map(|n| n.descendants().filter_map(|t| t.text()).collect())
        .collect();
    assert!(
        outside.iter().any(|row| row.contains("موسكو")),
        "{outside:?}"
    );
    assert!(
        outside.iter().any(|row| row.contains("واشنطن")),
        "{outside:?}"
    );
    // No Syrian town is among them.
    assert!(
        !outside.iter().any(|row| row.contains("حماة")),
        "{outside:?}"
    );
}

#[test]
fn english_labels_are_latin_and_arabic_labels_arabic() {
    for (lang, want_arabic) in [("en", false), ("ar", true)] {
        let svg = map(&["--lang", lang], REPORT);
        let doc = roxmltree::Document::parse(&svg).expect("XML");
        let labels: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("label"))
            .filter_map(|n| n.text())
            .collect();
        assert!(labels.len() >= 5, "{lang}: {labels:?}");
        for label in &labels {
            assert_eq!(label.chars().any(is_arabic), want_arabic, "{lang}: {label}");
        }
        assert_eq!(
            doc.root_element().attribute("direction"),
            Some(if want_arabic { "rtl" } else { "ltr" })
        );
    }
}

#[test]
fn json_lines_documents_are_counted_together() {
    let lines = [
        serde_json::json!({"doc_id": "a", "text": "اشتباكات عنيفة في محيط مدينة حلب."}),
        serde_json::json!({"doc_id": "b", "text": "وصول دفعة من المهجرين إلى حلب قادمين من إدلب."}),
    ];
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let svg = map(&["--jsonl", "--threads", "2"], &input);
    let doc = roxmltree::Document::parse(&svg).expect("XML");
    let mut shown = marks(&doc, "place");
    shown.extend(marks(&doc, "outside"));
    let mut expected = tagged_places(lines[0]["text"].as_str().expect("text"));
    for (id, n) in tagged_places(lines[1]["text"].as_str().expect("text")) {
        *expected.entry(id).or_insert(0) += n;
    }
    assert_eq!(shown.into_iter().collect::<BTreeMap<_, _>>(), expected);
    let subtitle: String = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("subtitle"))
        .and_then(|n| n.text())
        .expect("a subtitle")
        .to_string();
    assert!(subtitle.contains(" 2 "), "{subtitle}");
}

#[test]
fn a_map_is_written_to_the_file_given() {
    let dir = std::env::temp_dir().join(format!("makan-map-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("out.svg");
    let path_text = path.to_str().expect("UTF-8 path");
    let (stdout, _) = run(&["map", "--lang", "en", "-o", path_text], REPORT);
    assert!(stdout.is_empty());
    let svg = std::fs::read_to_string(&path).expect("the SVG file");
    roxmltree::Document::parse(&svg).expect("XML");
    assert!(svg.contains(" km</text>"), "a scale bar");
    std::fs::remove_dir_all(&dir).expect("temp dir removed");
}
