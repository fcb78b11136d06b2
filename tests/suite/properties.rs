//! Properties of spans and the offset map, over arbitrary and name-rich strings.

use makan::{Resolver, Span, Tagger, fold};
use proptest::prelude::*;

/// Fragments that make texts full of names, clitics, marks and invisible characters.
const FRAGMENTS: &[&str] = &[
    "حلب",
    "دمشق",
    "البوكمال",
    "دير الزور",
    "ديـر الزور",
    "و",
    "ب",
    "ل",
    "لل",
    "ف",
    "ك",
    "ال",
    "الرقة",
    "إدلب",
    "حماة",
    "Aleppo",
    "Deir ez-Zor",
    "Syria's",
    " ",
    "  ",
    "،",
    ".",
    "\u{064E}",
    "\u{0651}",
    "\u{0640}",
    "\u{200F}",
    "\u{200D}",
    "\u{FEFF}",
    "ﻻ",
    "ﷲ",
    "١٤٠",
    "كم",
    "ي",
    "ة",
    "\n",
    "-",
    "ʿ",
    "É",
    "ß",
    "😀",
    "داعش",
    "قلعة ",
    "سجن ",
    "لواء ",
    "الفرقة 30",
    "غرفة عمليات ",
    "وزارة الخارجية",
    "ولكتيبة ",
    "العسكري",
    "صيدنايا",
];

fn name_rich() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(FRAGMENTS).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// Spans on character boundaries, none empty, in order, not overlapping.
fn check_spans(text: &str, spans: &[Span]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for span in spans {
        prop_assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
        prop_assert!(span.start() < span.end());
        prop_assert!(
            span.start() >= last_end,
            "mentions overlap or are out of order"
        );
        last_end = span.end();
    }
    Ok(())
}

fn check(tagger: &Tagger, text: &str) -> Result<(), TestCaseError> {
    let g = tagger.gazetteer();
    let mentions = tagger.tag(text);
    let spans: Vec<Span> = mentions.iter().map(|m| m.span()).collect();
    check_spans(text, &spans)?;
    for m in &mentions {
        let key = g.name(m.name().expect("tagger mentions have a name")).key();
        let surface = fold(&text[m.span()]);
        // After ل the article's alef (or, before ل, the whole article) is not written.
        let lil = key.strip_prefix('ا') == Some(surface.as_str())
            || (key.starts_with("الل") && key.strip_prefix("ال") == Some(surface.as_str()));
        prop_assert!(
            surface == key || lil,
            "span folds to {surface:?}, name key is {key:?}"
        );
    }
    Ok(())
}

/// What a user gets from the resolver (with the mentions found by their form) has the same
/// span properties.
fn check_resolved(resolver: &Resolver, text: &str) -> Result<(), TestCaseError> {
    let spans: Vec<Span> = resolver
        .tag_and_resolve(text)
        .iter()
        .map(|(m, _)| m.span())
        .collect();
    check_spans(text, &spans)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn resolved_spans_index_the_original(text in name_rich()) {
        check_resolved(&Resolver::new(Tagger::new()), &text)?;
    }

    #[test]
    fn spans_index_the_original_on_any_input(text in any::<String>()) {
        check(&Tagger::new(), &text)?;
    }

    #[test]
    fn spans_fold_to_their_name_key(text in name_rich()) {
        check(&Tagger::new(), &text)?;
    }

    #[test]
    fn folding_is_idempotent(text in name_rich()) {
        prop_assert_eq!(fold(&fold(&text)), fold(&text));
    }
}
