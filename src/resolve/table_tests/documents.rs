//! The tables that read the sentence and the document: `marks.tsv`, `events.tsv`,
//! `persons.tsv`, `demonyms.tsv` and `after_name.tsv`; each row reaches its rule.

use super::{RESOLVER, latin, resolution_of};
use crate::document::Document;
use crate::resolve::Evidence;
use crate::words::coverage::{assert_all_reached, table_rows};
use crate::words::lexicon;

#[test]
fn every_mark_word_reaches_its_rule() {
    let rows = table_rows("marks.tsv", &["word", "role"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (word, role) = (cols[0], cols[1]);
        // The phrase each role reads, the name it speaks of and the evidence it gives.
        let (text, name, evidence) = match role {
            "event" => (
                format!("{word} في الميادين"),
                "الميادين",
                Evidence::PlaceMarker,
            ),
            "gathering" => (format!("{word} جنيف"), "جنيف", Evidence::PlaceMarker),
            "visit" => (format!("{word} أنقرة"), "أنقرة", Evidence::PlaceMarker),
            "name_opener" => (
                format!("قال {word} محمد البغدادي"),
                "البغدادي",
                Evidence::CuePerson,
            ),
            // A name no gazetteer lists, found after the noun (src/forms/place.rs).
            "settlement" => (
                format!("قتل ثلاثة في {word} بنديرادلي"),
                "بنديرادلي",
                Evidence::Pattern,
            ),
            other => panic!("marks.tsv:{line}: unknown role {other}"),
        };
        let fired = resolution_of(&text, name).is_some_and(|r| r.evidence().contains(evidence));
        if !fired {
            missed.push(format!(
                "line {line} {cols:?}: «{text}» gives no {evidence}"
            ));
        }
    }
    assert_all_reached("marks.tsv", rows.len(), &missed);
}

#[test]
fn a_title_after_a_visit_verb_names_no_person() {
    let r = resolution_of("زار الرئيس أنقرة", "أنقرة").unwrap();
    assert!(r.is_accepted() && !r.evidence().contains(Evidence::CuePerson));
    // Without the verb the title keeps the name a person's.
    let r = resolution_of("قال الرئيس أنقرة", "أنقرة").unwrap();
    assert!(!r.is_accepted() && r.evidence().contains(Evidence::CuePerson));
}

/// The English name of the first place of `text`'s focus.
fn focus_top(text: &str) -> Option<String> {
    let focus = RESOLVER.focus(text, &RESOLVER.find(text));
    let g = RESOLVER.tagger().gazetteer();
    focus
        .top()
        .map(|p| g.entity(p.entity()).name_en().to_string())
}

#[test]
fn every_event_word_draws_the_focus_every_scene_word_places_an_actor_and_origins_yield() {
    let rows = table_rows("events.tsv", &["word", "role"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (word, role) = (cols[0], cols[1]);
        // Homs first, then a place the row should favour: it wins only by the row's word.
        let (text, wanted) = match (role, latin(word)) {
            ("event", false) => (
                format!("هطل المطر. وصل الوفد إلى حمص. {word} في حماة."),
                "Hama",
            ),
            ("event", true) => (
                format!("It rained. The delegation reached Homs. The {word} in Hama."),
                "Hama",
            ),
            // Where the convoy came from is not where the story is: the place it reached wins.
            ("origin", _) => (
                format!("The convoy of evacuees {word} the town of Hama reached Homs."),
                "Homs",
            ),
            // A capital with no preposition is a government: half a vote, unless the word
            // makes it the scene.
            (_, false) => (
                format!("هطل المطر. سقطت القذائف {word} دمشق. وصل الوفد إلى حمص."),
                "Damascus",
            ),
            (_, true) => (
                format!("It rained. Shells fell {word} Damascus. The delegation reached Homs."),
                "Damascus",
            ),
        };
        let top = focus_top(&text);
        if top.as_deref() != Some(wanted) {
            missed.push(format!("line {line} {cols:?}: {top:?} in «{text}»"));
        }
    }
    assert_all_reached("events.tsv", rows.len(), &missed);
}

#[test]
fn every_person_word_makes_the_name_beside_it_a_person() {
    let rows = table_rows("persons.tsv", &["word", "role"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (word, role) = (cols[0], cols[1]);
        // Salma is a village's name and a given name: the word beside it decides.
        let text = match role {
            "given_name" => format!("Talks with {word} Salma ended late."),
            _ => format!("Later Salma {word} nothing more."),
        };
        let r = resolution_of(&text, "Salma");
        if !r.is_some_and(|r| !r.is_accepted() && r.evidence().contains(Evidence::PersonName)) {
            missed.push(format!("line {line} {cols:?}"));
        }
    }
    assert_all_reached("persons.tsv", rows.len(), &missed);
}

#[test]
fn every_demonym_names_its_country_for_the_document() {
    let rows = table_rows("demonyms.tsv", &["word", "country"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let text = format!("The {} delegation arrived on Monday.", cols[0]);
        let doc = Document::new(&text);
        let mut names = Vec::new();
        let mut words = crate::words::DocWords::default();
        RESOLVER
            .tagger()
            .tag_document(&doc, &mut names, Some(&mut words));
        let countries = crate::resolve::context::Ctx::demonym_countries(&doc, lexicon(), &words);
        if countries != [<[u8; 2]>::try_from(cols[1].as_bytes()).unwrap()] {
            missed.push(format!("line {line} {cols:?}: {countries:?}"));
        }
    }
    assert_all_reached("demonyms.tsv", rows.len(), &missed);
}

#[test]
fn every_word_after_a_name_unmakes_it() {
    let rows = table_rows("after_name.tsv", &["word", "role"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let (word, role) = (cols[0], cols[1]);
        // The same name without the word is a place: only the word can unmake it.
        let (text, name, plain, evidence) = match role {
            "modified" => (
                format!("The Turkey {word} stayed near the border."),
                "Turkey",
                "The envoy of Turkey stayed near the border.".to_string(),
                Evidence::Adjective,
            ),
            "name_tail" => (
                format!("Thousands gathered at Hama {word} on Friday."),
                "Hama",
                "Thousands gathered at Hama on Friday.".to_string(),
                Evidence::PartOfName,
            ),
            other => panic!("after_name.tsv:{line}: unknown role {other}"),
        };
        let unmade = resolution_of(&text, name)
            .is_some_and(|r| !r.is_accepted() && r.evidence().contains(evidence));
        let place = resolution_of(&plain, name).is_some_and(|r| r.is_accepted());
        if !(unmade && place) {
            missed.push(format!("line {line} {cols:?}: «{text}»"));
        }
    }
    assert_all_reached("after_name.tsv", rows.len(), &missed);
}
