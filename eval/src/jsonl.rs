//! Readers for the gold and system JSON Lines files of `EVAL.md`.
//!
//! Both readers skip blank lines, accept a UTF-8 byte order mark on the first line, reject a
//! document id seen twice, and check what the metrics rely on; every error names the file and line.

use std::collections::HashMap;
use std::io::BufRead;

use serde::Deserialize;

use super::error::EvalError;
use super::model::{
    EntityType, GoldDoc, GoldMention, GoldRef, OrgRef, PlaceRef, SystemDoc, SystemMention,
};

/// A gold line as written; checked and converted into [`GoldDoc`] by [`gold_doc_from_raw`].
#[derive(Deserialize)]
struct RawGoldDoc {
    doc_id: String,
    mentions: Vec<RawGoldMention>,
}

#[derive(Deserialize)]
struct RawGoldMention {
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    entity_type: EntityType,
    gold: Option<RawGoldRef>,
    note: Option<String>,
}

/// The union of the place and organization fields, so that a gold object of the wrong shape gets a
/// message saying which field is missing or misplaced rather than serde's "no variant matched".
#[derive(Deserialize)]
struct RawGoldRef {
    lat: Option<f64>,
    lon: Option<f64>,
    in_syria: Option<bool>,
    kind: Option<String>,
    #[serde(rename = "ref")]
    source_ref: Option<String>,
    name_en: Option<String>,
    canon: Option<String>,
}

/// Reads a gold file: one [`GoldDoc`] per non-blank line.
///
/// Checks, each reported with `file_name` and the line: valid JSON of the gold shape, known type,
/// `start < end`, `text` of exactly `end - start` code points, a LOC `gold` with `lat`, `lon` (in
/// range) and `in_syria`, an ORG `gold` with `canon`, no `gold` on PER, no repeated `doc_id`.
pub fn parse_gold_jsonl<R: BufRead>(reader: R, file_name: &str) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    let mut first_line_of = HashMap::new();
    for_each_json_line(reader, file_name, |line_no, line| {
        let raw: RawGoldDoc =
            serde_json::from_str(line).map_err(|err| EvalError::json(file_name, line_no, err))?;
        let doc = gold_doc_from_raw(raw)
            .map_err(|message| EvalError::at_line(file_name, line_no, message))?;
        check_new_doc_id(&mut first_line_of, &doc.doc_id, file_name, line_no)?;
        docs.push(doc);
        Ok(())
    })?;
    Ok(docs)
}

/// Reads a system output file: one [`SystemDoc`] per non-blank line; fields other than `doc_id`,
/// `mentions`, `start`, `end`, `type`, `lat`, `lon` and `text` are ignored.
///
/// Checks, each reported with `file_name` and the line: valid JSON, a type of LOC, ORG or PER,
/// `start < end`, `lat` and `lon` given together and in range, no repeated `doc_id`.
pub fn parse_system_jsonl<R: BufRead>(
    reader: R,
    file_name: &str,
) -> Result<Vec<SystemDoc>, EvalError> {
    let mut docs = Vec::new();
    let mut first_line_of = HashMap::new();
    for_each_json_line(reader, file_name, |line_no, line| {
        let doc: SystemDoc =
            serde_json::from_str(line).map_err(|err| EvalError::json(file_name, line_no, err))?;
        for (index, mention) in doc.mentions.iter().enumerate() {
            check_system_mention(mention).map_err(|message| {
                EvalError::at_line(
                    file_name,
                    line_no,
                    format!(
                        "mention {index} ({} {}..{}): {message}",
                        mention.entity_type, mention.start, mention.end
                    ),
                )
            })?;
        }
        check_new_doc_id(&mut first_line_of, &doc.doc_id, file_name, line_no)?;
        docs.push(doc);
        Ok(())
    })?;
    Ok(docs)
}

/// Calls `parse` with the 1-based number and text of every non-blank line.
fn for_each_json_line<R: BufRead>(
    reader: R,
    file_name: &str,
    mut parse: impl FnMut(usize, &str) -> Result<(), EvalError>,
) -> Result<(), EvalError> {
    for (index, line) in reader.lines().enumerate() {
        let line_no = index + 1;
        let line = line.map_err(|err| EvalError::io(file_name, line_no, err))?;
        let line = if index == 0 {
            line.strip_prefix('\u{feff}').unwrap_or(&line)
        } else {
            &line
        };
        if line.trim().is_empty() {
            continue;
        }
        parse(line_no, line)?;
    }
    Ok(())
}

/// Rejects a document id already seen: scoring a document twice would double its counts.
fn check_new_doc_id(
    first_line_of: &mut HashMap<String, usize>,
    doc_id: &str,
    file_name: &str,
    line_no: usize,
) -> Result<(), EvalError> {
    if let Some(first) = first_line_of.get(doc_id) {
        return Err(EvalError::at_line(
            file_name,
            line_no,
            format!("doc_id {doc_id:?} already appeared on line {first}"),
        ));
    }
    first_line_of.insert(doc_id.to_owned(), line_no);
    Ok(())
}

fn gold_doc_from_raw(raw: RawGoldDoc) -> Result<GoldDoc, String> {
    let mentions = raw
        .mentions
        .into_iter()
        .enumerate()
        .map(|(index, mention)| {
            let context = format!(
                "mention {index} ({} {:?} {}..{})",
                mention.entity_type, mention.text, mention.start, mention.end
            );
            gold_mention_from_raw(mention).map_err(|message| format!("{context}: {message}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(GoldDoc {
        doc_id: raw.doc_id,
        mentions,
    })
}

fn gold_mention_from_raw(raw: RawGoldMention) -> Result<GoldMention, String> {
    if raw.start >= raw.end {
        return Err("start must be less than end".to_owned());
    }
    let code_points = raw.text.chars().count();
    if code_points != raw.end - raw.start {
        return Err(format!(
            "text has {code_points} code points but the span has {}",
            raw.end - raw.start
        ));
    }
    let gold = match (raw.entity_type, raw.gold) {
        (_, None) => None,
        (EntityType::Loc, Some(gold)) => Some(GoldRef::Place(place_from_raw(gold)?)),
        (EntityType::Org, Some(gold)) => Some(GoldRef::Organization(org_from_raw(gold)?)),
        (EntityType::Per, Some(_)) => return Err("a PER mention takes \"gold\": null".to_owned()),
    };
    Ok(GoldMention {
        start: raw.start,
        end: raw.end,
        text: raw.text,
        entity_type: raw.entity_type,
        gold,
        note: raw.note,
    })
}

fn place_from_raw(raw: RawGoldRef) -> Result<PlaceRef, String> {
    if raw.canon.is_some() {
        return Err("a LOC gold has no \"canon\" (that is an ORG field)".to_owned());
    }
    let (Some(lat), Some(lon), Some(in_syria)) = (raw.lat, raw.lon, raw.in_syria) else {
        return Err(
            "a LOC gold needs lat, lon and in_syria (set gold to null for an unresolved place)"
                .to_owned(),
        );
    };
    check_coordinates(lat, lon)?;
    Ok(PlaceRef {
        lat,
        lon,
        in_syria,
        kind: raw.kind,
        source_ref: raw.source_ref,
        name_en: raw.name_en,
    })
}

fn org_from_raw(raw: RawGoldRef) -> Result<OrgRef, String> {
    if raw.lat.is_some() || raw.lon.is_some() || raw.in_syria.is_some() {
        return Err("an ORG gold has no lat, lon or in_syria (those are LOC fields)".to_owned());
    }
    let Some(canon) = raw.canon else {
        return Err("an ORG gold needs \"canon\"".to_owned());
    };
    Ok(OrgRef {
        canon,
        kind: raw.kind,
    })
}

fn check_system_mention(mention: &SystemMention) -> Result<(), String> {
    if mention.start >= mention.end {
        return Err("start must be less than end".to_owned());
    }
    match (mention.lat, mention.lon) {
        (Some(lat), Some(lon)) => check_coordinates(lat, lon),
        (None, None) => Ok(()),
        _ => Err("lat and lon must be given together".to_owned()),
    }
}

fn check_coordinates(lat: f64, lon: f64) -> Result<(), String> {
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("coordinates out of range: lat {lat}, lon {lon}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_error(text: &str) -> String {
        parse_gold_jsonl(text.as_bytes(), "g.jsonl")
            .unwrap_err()
            .to_string()
    }

    fn system_error(text: &str) -> String {
        parse_system_jsonl(text.as_bytes(), "s.jsonl")
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn gold_parses_place_org_person_and_unresolved_place() {
        let text = concat!(
            "\u{feff}{\"doc_id\": \"a\", \"mentions\": [",
            "{\"start\": 0, \"end\": 3, \"text\": \"حلب\", \"type\": \"LOC\", \"gold\": ",
            "{\"lat\": 36.2, \"lon\": 37.1, \"in_syria\": true, \"ref\": \"gn:1\", \"kind\": \"populated\"}},",
            "{\"start\": 4, \"end\": 8, \"text\": \"داعش\", \"type\": \"ORG\", \"gold\": ",
            "{\"canon\": \"Islamic State\", \"kind\": \"armed_group\"}},",
            "{\"start\": 9, \"end\": 13, \"text\": \"سامي\", \"type\": \"PER\", \"gold\": null},",
            "{\"start\": 14, \"end\": 17, \"text\": \"تلة\", \"type\": \"LOC\", \"gold\": null, \"note\": \"unresolved: two\"}",
            "]}\n\n",
            "{\"doc_id\": \"b\", \"url\": \"ignored\", \"mentions\": []}\n"
        );
        let docs = parse_gold_jsonl(text.as_bytes(), "g.jsonl").unwrap();
        assert_eq!(docs.len(), 2);
        let mentions = &docs[0].mentions;
        let place = mentions[0].place().unwrap();
        assert_eq!((place.lat, place.lon, place.in_syria), (36.2, 37.1, true));
        assert_eq!(place.source_ref.as_deref(), Some("gn:1"));
        assert_eq!(place.name_en, None);
        assert!(
            matches!(&mentions[1].gold, Some(GoldRef::Organization(org)) if org.canon == "Islamic State")
        );
        assert_eq!(mentions[2].gold, None);
        assert_eq!(mentions[3].note.as_deref(), Some("unresolved: two"));
        assert!(docs[1].mentions.is_empty());
    }

    #[test]
    fn gold_errors_name_file_line_and_mention() {
        let ok = "{\"doc_id\": \"a\", \"mentions\": []}\n";
        assert_eq!(
            gold_error(&format!(
                "{ok}{{\"doc_id\": \"b\", \"mentions\": [{{\"start\": 0, \"end\": 2, \"text\": \"حلب\", \"type\": \"LOC\", \"gold\": null}}]}}"
            )),
            "g.jsonl:2: mention 0 (LOC \"حلب\" 0..2): text has 3 code points but the span has 2"
        );
        assert!(
            gold_error(&format!("{ok}{ok}"))
                .starts_with("g.jsonl:2: doc_id \"a\" already appeared on line 1")
        );
        assert!(gold_error("{\"doc_id\": \"a\"").starts_with("g.jsonl:1: "));
        assert!(gold_error("{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 1, \"text\": \"x\", \"type\": \"GPE\", \"gold\": null}]}").contains("unknown variant `GPE`"));
        assert!(gold_error("{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 1, \"text\": \"x\", \"type\": \"LOC\", \"gold\": {\"lat\": 1.0, \"lon\": 2.0}}]}").contains("needs lat, lon and in_syria"));
        assert!(gold_error("{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 1, \"text\": \"x\", \"type\": \"LOC\", \"gold\": {\"canon\": \"X\"}}]}").contains("\"canon\""));
        assert!(gold_error("{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 1, \"text\": \"x\", \"type\": \"ORG\", \"gold\": {\"lat\": 1.0, \"lon\": 2.0, \"in_syria\": true}}]}").contains("LOC fields"));
        assert!(gold_error("{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 1, \"text\": \"x\", \"type\": \"PER\", \"gold\": {\"canon\": \"X\"}}]}").contains("PER mention"));
        assert!(gold_error("{\"doc_id\": \"a\", \"mentions\": [{\"start\": 1, \"end\": 1, \"text\": \"\", \"type\": \"PER\", \"gold\": null}]}").contains("start must be less than end"));
        assert!(gold_error("{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 1, \"text\": \"x\", \"type\": \"LOC\", \"gold\": {\"lat\": 136.0, \"lon\": 2.0, \"in_syria\": false}}]}").contains("out of range"));
    }

    #[test]
    fn system_parses_with_extra_fields_and_without_coordinates() {
        let text = "{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 3, \"type\": \"LOC\", \"lat\": 1.5, \"lon\": 2.5, \"score\": 0.9, \"id\": \"x\"}, {\"start\": 4, \"end\": 6, \"type\": \"ORG\", \"text\": \"ab\"}]}\n";
        let docs = parse_system_jsonl(text.as_bytes(), "s.jsonl").unwrap();
        let point = docs[0].mentions[0].point().unwrap();
        assert_eq!((point.lat, point.lon), (1.5, 2.5));
        assert_eq!(docs[0].mentions[1].point(), None);
        assert_eq!(docs[0].mentions[1].text.as_deref(), Some("ab"));
    }

    #[test]
    fn system_errors_name_file_and_line() {
        assert_eq!(
            system_error(
                "\n{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 3, \"type\": \"LOC\", \"lat\": 1.5}]}"
            ),
            "s.jsonl:2: mention 0 (LOC 0..3): lat and lon must be given together"
        );
        assert!(
            system_error(
                "{\"doc_id\": \"a\", \"mentions\": [{\"start\": 3, \"end\": 3, \"type\": \"LOC\"}]}"
            )
            .contains("start must be less than end")
        );
        assert!(
            system_error(
                "{\"doc_id\": \"a\", \"mentions\": []}\n{\"doc_id\": \"a\", \"mentions\": []}"
            )
            .starts_with("s.jsonl:2: doc_id \"a\" already")
        );
        assert!(
            system_error("{\"doc_id\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 3}]}")
                .contains("missing field `type`")
        );
    }
}
