//! Every row of the resolver's word tables reaches its rule: each test reads a table row by
//! row (`crate::words::coverage::table_rows`), builds a phrase from the row and checks that
//! the rule the row feeds fires — a cue gives its evidence, a locative word `locative`, a
//! compass word its bearing, a nationality its country, a head its name found by form.

use once_cell::sync::Lazy;

use super::features::cue_evidence;
use super::relative;
use super::{Evidence, Resolution, Resolver};
use crate::document::Document;
use crate::gazetteer::{EntityType, Kind};
use crate::words::coverage::{assert_all_reached, table_rows};
use crate::words::{Cue, lexicon};
use crate::{Tagger, fold};

mod documents;

static RESOLVER: Lazy<Resolver> = Lazy::new(|| Resolver::new(Tagger::new()));

/// The resolution of the mention written `name` in `text`, if one is.
fn resolution_of(text: &str, name: &str) -> Option<Resolution> {
    RESOLVER
        .tag_and_resolve(text)
        .into_iter()
        .find(|(m, _)| &text[m.span()] == name)
        .map(|(_, r)| r)
}

/// The resolution of the mention written `name` in `text` before facilities named after
/// their place take its mention («مطار حلب»: the cue مطار is read on حلب, which then lends
/// its point to the airport).
fn resolution_before_facilities(text: &str, name: &str) -> Option<Resolution> {
    let mentions = RESOLVER.tagger().tag(text);
    let resolutions = RESOLVER.resolve(text, &mentions);
    mentions
        .iter()
        .zip(resolutions)
        .find(|(m, _)| &text[m.span()] == name)
        .map(|(_, r)| r)
}

/// Whether a word is written in Latin letters.
fn latin(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Names that fit a cue (Arabic, Latin), tried in order: a cue word may open a listed name of
/// its own («قناة الجزيرة», «قاعدة التنف»), then the next name serves.
fn names_fitting(cue: Cue) -> (&'static [&'static str], &'static [&'static str]) {
    match cue {
        Cue::City => (&["حلب", "دمشق"], &["Aleppo"]),
        Cue::Town => (&["سراقب", "كفرنبل"], &["Saraqib"]),
        Cue::Village => (&["سلمى"], &["Salma"]),
        // "Idlib Governorate" is a listed name; "Idleb governorate" is not.
        Cue::Governorate | Cue::Countryside => (&["إدلب", "حماة"], &["Idlib", "Idleb"]),
        Cue::District => (&["القلمون"], &["Qalamoun"]),
        Cue::Subdistrict => (&["سراقب"], &["Saraqib"]),
        Cue::Neighbourhood => (&["المزة", "سراقب"], &["Saraqib"]),
        // A camp is listed with its cue («مخيم اليرموك»); a town fits the camp cue a little.
        Cue::Camp => (&["اليرموك", "سراقب"], &["Yarmouk", "Saraqib"]),
        Cue::Natural => (&["الفرات", "القلمون"], &["Euphrates", "Qalamoun"]),
        Cue::Facility => (&["إنجرليك", "التنف", "باب الهوى"], &["Incirlik", "Nasib"]),
        Cue::Country => (&["سوريا", "تركيا"], &["Syria"]),
        // Names that are places and organizations both: the cue decides.
        Cue::Organization => (&["الجزيرة", "الحياة", "الوطن", "الثورة"], &["Reuters"]),
        Cue::Person => (&["سلمى"], &["Salma"]),
    }
}

/// Whether the cue's rule fired on a resolution.
fn cue_fired(cue: Cue, r: &Resolution) -> bool {
    let evidence = r.evidence().contains(cue_evidence(cue));
    match cue {
        Cue::Person => evidence && !r.is_accepted(),
        Cue::Organization => evidence && r.entity_type() == EntityType::Org,
        _ => evidence && r.entity_type() == EntityType::Loc,
    }
}

#[test]
fn every_cue_word_gives_its_evidence() {
    let rows = table_rows("cues.tsv", &["word", "position", "cue"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (word, before, cue) = (cols[0], cols[1] == "before", cols[2].parse().unwrap());
        let (arabic, english) = names_fitting(cue);
        let names = if latin(word) { english } else { arabic };
        let fired = names.iter().any(|name| {
            let text = match (latin(word), before) {
                (false, true) => format!("ذكر التقرير {word} {name} أمس"),
                (false, false) => format!("ذكر التقرير {name} {word} أمس"),
                (true, true) => format!("The report named the {word} {name} yesterday."),
                (true, false) => format!("The report named {name} {word} yesterday."),
            };
            resolution_before_facilities(&text, name).is_some_and(|r| cue_fired(cue, &r))
        });
        if !fired {
            missed.push(format!("line {line} {cols:?}"));
        }
    }
    assert_all_reached("cues.tsv", rows.len(), &missed);
}

#[test]
fn every_cue_filler_keeps_the_cue() {
    let rows = table_rows("fillers.tsv", &["word", "role"]);
    let cue_rows: Vec<_> = rows.iter().filter(|(_, c)| c[1] == "cue").collect();
    let mut missed = Vec::new();
    for (line, cols) in &cue_rows {
        let (word, name) = (cols[0], if latin(cols[0]) { "Aleppo" } else { "حلب" });
        let text = if latin(word) {
            format!("They entered the city {word} {name} at dawn.")
        } else {
            format!("دخلوا مدينة {word} {name} فجرا")
        };
        if !resolution_of(&text, name).is_some_and(|r| cue_fired(Cue::City, &r)) {
            missed.push(format!("line {line} {cols:?}"));
        }
    }
    assert_all_reached("fillers.tsv (cue)", cue_rows.len(), &missed);
}

#[test]
fn every_relative_filler_stands_in_a_direction_phrase() {
    let lex = lexicon();
    let rows = table_rows("fillers.tsv", &["word", "role"]);
    let relative_rows: Vec<_> = rows.iter().filter(|(_, c)| c[1] == "relative").collect();
    // A word of no table breaks the phrase.
    assert_eq!(relative::parse(lex, &["شمال", "قصفت"], &[]), None);
    let mut missed = Vec::new();
    for (line, cols) in &relative_rows {
        let word = fold(cols[0]);
        let direction = if latin(&word) { "north" } else { "شمال" };
        let parsed = relative::parse(lex, &[direction, &word], &[]);
        if parsed.map(|r| r.bearing) != Some(0.0) {
            missed.push(format!("line {line} {cols:?}"));
        }
    }
    assert_all_reached("fillers.tsv (relative)", relative_rows.len(), &missed);
}

#[test]
fn every_compass_word_gives_its_bearing() {
    let lex = lexicon();
    let rows = table_rows("compass.tsv", &["word", "bearing"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let word = fold(cols[0]);
        let bearing: f64 = cols[1].parse().unwrap();
        let of = if latin(&word) { "of" } else { "من" };
        let parsed = relative::parse(lex, &["20", "km", &word, of], &[]);
        if parsed.map(|r| (r.bearing, r.distance_km)) != Some((bearing, Some(20.0))) {
            missed.push(format!("line {line} {cols:?}: {parsed:?}"));
        }
    }
    assert_all_reached("compass.tsv", rows.len(), &missed);
}

#[test]
fn every_unit_gives_its_distance() {
    let lex = lexicon();
    let rows = table_rows("units.tsv", &["word", "km"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let word = fold(cols[0]);
        let km: f64 = cols[1].parse().unwrap();
        let direction = if latin(&word) { "north" } else { "شمال" };
        // In the gap ("12 km north of") and after the anchor («شمال حلب بـ 12 كم»).
        let in_gap = relative::parse(lex, &["12", &word, direction], &[]);
        let after = relative::parse(lex, &[direction], &["بحوالي", "12", &word]);
        for parsed in [in_gap, after] {
            if parsed.and_then(|r| r.distance_km) != Some(12.0 * km) {
                missed.push(format!("line {line} {cols:?}: {parsed:?}"));
            }
        }
    }
    assert_all_reached("units.tsv", rows.len(), &missed);
}

#[test]
fn every_locative_word_supports_the_place_after_it() {
    let rows = table_rows("locatives.tsv", &["word", "strength"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let word = cols[0];
        let (text, name) = if latin(word) {
            (format!("The convoy went {word} Aleppo."), "Aleppo")
        } else {
            (format!("توجهت القافلة {word} حلب"), "حلب")
        };
        let wanted = match cols[1] {
            "locative" => Evidence::Locative,
            _ => Evidence::Preposition,
        };
        let evidence = resolution_of(&text, name).map(|r| r.evidence());
        if !evidence.is_some_and(|e| e.contains(wanted) && e.contains(Evidence::Preposition)) {
            missed.push(format!("line {line} {cols:?}: {evidence:?}"));
        }
    }
    assert_all_reached("locatives.tsv", rows.len(), &missed);
}

/// The most populous place of a country with an Arabic name, for nationality phrases.
fn a_place_in(country: &str) -> Option<&'static str> {
    let g = crate::Gazetteer::embedded();
    g.entities()
        .filter(|(_, e)| {
            e.kind() == Kind::Populated && e.country() == country && !e.name_ar().is_empty()
        })
        .max_by_key(|(_, e)| e.population().unwrap_or(0))
        .map(|(_, e)| e.name_ar())
}

#[test]
fn every_nationality_names_the_country_of_the_place() {
    let rows = table_rows("nationalities.tsv", &["word", "country"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (word, country) = (cols[0], cols[1]);
        let Some(place) = a_place_in(country) else {
            missed.push(format!("line {line} {cols:?}: no place of {country}"));
            continue;
        };
        let text = format!("وصل الوفد إلى مدينة {place} {word} أمس");
        let here = resolution_of(&text, place).map(|r| r.evidence());
        // A place of another country: the adjective says the gazetteer lacks the one meant.
        let elsewhere = if country == "SY" {
            "الموصل"
        } else {
            "حلب"
        };
        let text = format!("وصل الوفد إلى مدينة {elsewhere} {word} أمس");
        let there = resolution_of(&text, elsewhere).map(|r| r.evidence());
        if !here.is_some_and(|e| e.contains(Evidence::CueNationality))
            || !there.is_some_and(|e| e.contains(Evidence::NationalityMismatch))
        {
            missed.push(format!("line {line} {cols:?}: {here:?} / {there:?}"));
        }
    }
    assert_all_reached("nationalities.tsv", rows.len(), &missed);
}

/// The organizations found by their form in `text`, as written.
fn found_by_form(text: &str) -> Vec<String> {
    let doc = Document::new(text);
    let (mut names, mut words) = (Vec::new(), crate::words::DocWords::default());
    RESOLVER
        .tagger()
        .tag_document(&doc, &mut names, Some(&mut words));
    crate::forms::organizations(&doc, &words, &names)
        .iter()
        .map(|f| text[doc.original_span(crate::Span::new(f.start, f.end))].to_string())
        .collect()
}

#[test]
fn every_nationality_closes_an_institution_name() {
    let rows = table_rows("nationalities.tsv", &["word"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let name = format!("وزارة الخارجية {}", cols[0]);
        let found = found_by_form(&format!("وقالت {name} في بيان"));
        if found != [name] {
            missed.push(format!("line {line} {cols:?}: {found:?}"));
        }
    }
    assert_all_reached("nationalities.tsv (institutions)", rows.len(), &missed);
}

/// Whether `text` holds the mention `name`, accepted, of type `ty`, with evidence `e`.
fn has_mention(text: &str, name: &str, ty: EntityType, e: Evidence) -> bool {
    resolution_of(text, name)
        .is_some_and(|r| r.is_accepted() && r.entity_type() == ty && r.evidence().contains(e))
}

#[test]
fn every_name_part_frames_its_name() {
    let rows = table_rows("name_parts.tsv", &["word", "role"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (head, role) = (cols[0], cols[1]);
        let org = |name: String, text: String| {
            has_mention(&text, &name, EntityType::Org, Evidence::Pattern)
        };
        let facility = |name: &str, text: String| {
            has_mention(&text, name, EntityType::Loc, Evidence::PlaceInside)
        };
        let reached = match role {
            // The place inside a longer name is no mention of the place: rejected, or gone
            // into the organization found by its form («جامعة إدلب»).
            "name_head" => ["إدلب", "حمص"].iter().any(|place| {
                let text = format!("تحدث {head} {place} للصحفيين");
                match resolution_of(&text, place) {
                    Some(r) => {
                        r.entity_type() == EntityType::Org
                            || (!r.is_accepted() && r.evidence().contains(Evidence::PartOfName))
                    }
                    None => found_by_form(&text) == [format!("{head} {place}")],
                }
            }),
            "unit" => {
                let name = format!("{head} الصقور البيضاء");
                org(name.clone(), format!("هاجم مقاتلو {name} مواقع للنظام"))
            }
            "numbered_unit" => {
                let name = format!("{head} 47");
                org(name.clone(), format!("انشق عن {name} عشرات الجنود"))
            }
            "institution" | "committee" => {
                let name = format!("{head} الشؤون البلدية");
                org(name.clone(), format!("طالبت {name} بالمساعدة"))
            }
            "of_place" => {
                let name = format!("{head} إدلب");
                org(name.clone(), format!("أعلنت {name} عن خطة جديدة"))
            }
            "facility" => ["سراقب", "منبج"].iter().any(|place| {
                let name = format!("{head} {place}");
                facility(&name, format!("زار الوفد {name} أمس"))
            }),
            "facility_adjective" => ["سراقب", "منبج"].iter().any(|place| {
                let name = format!("قلعة {place} {head}");
                facility(&name, format!("زار الوفد {name} أمس"))
            }),
            "road" => {
                let (a, b, text) = if latin(head) {
                    (
                        "Homs",
                        "Palmyra",
                        format!("Fighting closed the {head} Homs Palmyra."),
                    )
                } else {
                    ("حمص", "تدمر", format!("أغلقت الاشتباكات {head} حمص تدمر"))
                };
                resolution_of(&text, a).is_some()
                    && has_mention(&text, b, EntityType::Loc, Evidence::Road)
            }
            other => panic!("line {line}: no test for role {other}"),
        };
        if !reached {
            missed.push(format!("line {line} {cols:?}"));
        }
    }
    assert_all_reached("name_parts.tsv", rows.len(), &missed);
}

#[test]
fn every_stop_word_ends_a_name_found_by_form() {
    let lex = lexicon();
    let rows = table_rows("stop_words.tsv", &["word"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let word = cols[0];
        // The same word lengthened by a letter is no stop word and continues the name (an
        // idafa or a definite word): the stop word is what ends it.
        let control = format!("{word}ي");
        assert!(
            lex.word(&fold(&control)).is_none(),
            "line {line}: {control}"
        );
        let stopped = found_by_form(&format!("هاجم لواء {word} الأحرار القرية"));
        let continued = found_by_form(&format!("هاجم لواء {control} الأحرار القرية"));
        if !stopped.is_empty() || continued.is_empty() {
            missed.push(format!("line {line} {cols:?}: {stopped:?} / {continued:?}"));
        }
    }
    assert_all_reached("stop_words.tsv", rows.len(), &missed);
}

#[test]
fn every_idiom_rejects_the_place() {
    let rows = table_rows("idioms.tsv", &["name", "next"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (name, next) = (cols[0], cols[1]);
        let r = resolution_of(&format!("عاد إلى {name} {next} بعد سنوات"), name);
        if !r.is_some_and(|r| !r.is_accepted() && r.evidence().contains(Evidence::Idiom)) {
            missed.push(format!("line {line} {cols:?}"));
        }
    }
    assert_all_reached("idioms.tsv", rows.len(), &missed);
}

/// «X <phrase> Y»: a phrase ending in a proclitic is glued to Y («X التابعة لY»), a
/// separator to X («X، Y»), a bracket around Y.
fn between(x: &str, phrase: &str, y: &str) -> String {
    if phrase == "(" {
        return format!("{x} ({y})");
    }
    let sep = if phrase.starts_with([',', '،']) {
        ""
    } else {
        " "
    };
    let glued = phrase == "ب" || phrase.ends_with(" ل") || phrase.ends_with(" ب");
    let space = if glued { "" } else { " " };
    format!("{x}{sep}{phrase}{space}{y}")
}

#[test]
fn every_relation_phrase_gives_its_evidence() {
    let rows = table_rows("relations.tsv", &["phrase", "relation", "script"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (phrase, relation) = (cols[0], cols[1]);
        let latin_names = latin(phrase) || cols[2] == "latin";
        let (x, y) = match (relation, latin_names) {
            ("admin_chain", _) => ("اعزاز", "حلب"),
            (_, true) => ("Saraqib", "Idlib"),
            (_, false) => ("سراقب", "إدلب"),
        };
        let mut text = between(x, phrase, y);
        if relation == "admin_chain" {
            text = format!("سيطرت القوات على منطقة {text}");
        } else if latin_names {
            text = format!("Shelling hit {text} today.");
        } else {
            text = format!("قصفت الطائرات {text} اليوم");
        }
        let wanted = match relation {
            "admin_chain" => Evidence::AdminChain,
            "list" => Evidence::List,
            _ => Evidence::Containment,
        };
        let r = resolution_of(&text, x);
        if !r.as_ref().is_some_and(|r| r.evidence().contains(wanted)) {
            let e = r.map(|r| r.evidence());
            missed.push(format!("line {line} {cols:?}: «{text}» {e:?}"));
        }
    }
    assert_all_reached("relations.tsv", rows.len(), &missed);
}
