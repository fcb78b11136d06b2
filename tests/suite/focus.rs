//! The runner for tests/data/focus/*.toml: the document focus of whole paragraphs.

use std::path::Path;

use makan::{Resolver, Tagger};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    /// The id of the first place of the focus ("" to check only `admin1`).
    top: String,
    /// The id of the focus at admin level 1 ("" when the text names no place).
    admin1: String,
    #[serde(default)]
    note: String,
}

fn run_case(case: &Case, tagger: &Tagger, resolver: &Resolver) -> Result<(), String> {
    let g = tagger.gazetteer();
    let focus = resolver.focus(&case.text, &resolver.find(&case.text));
    let top = focus.top().map(|p| g.entity(p.entity()).id().to_string());
    let admin1 = focus.admin1().map(|(a, _)| g.entity(a).id().to_string());
    let top_ok = match (case.top.as_str(), &top) {
        ("", _) => true,
        (want, Some(got)) => want == got,
        (_, None) => false,
    };
    let admin1_ok = admin1.as_deref().unwrap_or("") == case.admin1;
    // The one-pass focus (the words as the tagger recorded them) is the two-pass one.
    let (_, one_pass) = resolver.tag_resolve_and_focus(&case.text);
    if one_pass != focus {
        return Err(format!(
            "{}: tag_resolve_and_focus gives {one_pass:?}, focus gives {focus:?}",
            case.name
        ));
    }
    let scores_ok = focus
        .places()
        .iter()
        .all(|p| (0.0..=1.0).contains(&p.score()))
        && focus.admin1().is_none_or(|(_, s)| (0.0..=1.0).contains(&s));
    if top_ok && admin1_ok && scores_ok {
        return Ok(());
    }
    let ranked: Vec<String> = focus
        .places()
        .iter()
        .map(|p| format!("{} {:.2}", g.entity(p.entity()).id(), p.score()))
        .collect();
    Err(format!(
        "{}: want top {:?} in {:?}, got {top:?} in {admin1:?} [{}] ({})",
        case.name,
        case.top,
        case.admin1,
        ranked.join(", "),
        case.note
    ))
}

#[test]
fn focus_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/focus");
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let mut failures = Vec::new();
    let mut total = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/focus exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let file: CaseFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            total += 1;
            if let Err(msg) = run_case(case, &tagger, &resolver) {
                failures.push(msg);
            }
        }
    }
    assert!(total >= 8, "only {total} focus cases");
    assert!(
        failures.is_empty(),
        "{} of {total} focus cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_focus_area_holds_the_first_place() {
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let g = tagger.gazetteer();
    let text = "اشتباكات عنيفة في بلدة اللطامنة بريف حماة الشمالي، وقصف على مدينة حلب";
    let focus = resolver.focus(text, &resolver.find(text));
    let top = g.entity(focus.top().expect("a focus").entity());
    let (area, share) = focus.admin1().expect("an admin1");
    assert_eq!(top.admin_pcodes()[0], g.entity(area).pcode());
    // The places of the focus area come first, and the area holds at least its first place.
    assert!(share >= focus.top().unwrap().score());
    let total: f64 = focus.places().iter().map(|p| p.score()).sum();
    assert!(
        (total - 1.0).abs() < 1e-9,
        "the scores share the votes: {total}"
    );
}
