use super::*;
use crate::fold;

fn error(file: &str, text: &str) -> String {
    Lexicon::parse(&[(file, text)]).unwrap_err().to_string()
}

#[test]
fn embedded_tables_load() {
    let lex = Lexicon::parse(&FILES).unwrap();
    // Glued proclitics are read by `with_proclitics`, not by `word`.
    assert_eq!(lex.word(&fold("بريف")).and_then(|i| i.cue_before), None);
    assert_eq!(
        lex.word(&fold("ريف")).unwrap().cue_before,
        Some(Cue::Countryside)
    );
    let (p, cue) = lex
        .with_proclitics(&fold("وبمدينة"), |i| i.cue_before)
        .unwrap();
    assert_eq!((p.as_string().as_str(), cue), ("وب", Cue::City));
}

#[test]
fn a_duplicate_after_folding_names_both_lines() {
    let text = "word\tstrength\nإلى\tlocative\nالى\tpreposition\n";
    assert_eq!(
        error("locatives.tsv", text),
        "locatives.tsv:3: `الى` (folded `الي`) repeats line 2"
    );
}

#[test]
fn several_words_in_a_table_of_single_words() {
    let text = "word\tkm\nكيلو متر\t1\n";
    assert_eq!(
        error("units.tsv", text),
        "units.tsv:2: `كيلو متر` is more than one word; this table takes single words"
    );
}

#[test]
fn unknown_columns_and_values() {
    assert_eq!(
        error("cues.tsv", "word\tposition\tcue\tnote\n"),
        "cues.tsv:1: unknown column `note` (expected: word, position, cue)"
    );
    assert!(
        error(
            "cues.tsv",
            "# c\nword\tposition\tcue\nمدينة\tbefore\tcitty\n"
        )
        .starts_with("cues.tsv:3: column `cue`: unknown cue `citty`")
    );
    assert!(
        error("cues.tsv", "word\tposition\tcue\nمدينة\tbehind\tcity\n")
            .starts_with("cues.tsv:2: unknown position `behind`")
    );
    assert!(
        error(
            "cue_fit.tsv",
            "cue\tkind\tsize\tfit\ncity\tpopulated\thuge\t1\n"
        )
        .starts_with("cue_fit.tsv:2: unknown size `huge`")
    );
    assert!(
        error("cue_fit.tsv", "cue\tkind\tsize\tfit\ncity\tplanet\t*\t1\n")
            .starts_with("cue_fit.tsv:2: column `kind`: unknown kind `planet`")
    );
    assert!(
        error(
            "relations.tsv",
            "phrase\trelation\tscript\nفي\tinside\tarabic\n"
        )
        .starts_with("relations.tsv:2: column `relation`: unknown value `inside`")
    );
    assert!(
        error(
            "nationalities.tsv",
            "word\tcountry\tgender\nالسوري\tSYR\tm\n"
        )
        .starts_with("nationalities.tsv:2: `SYR` is no ISO 3166 alpha-2 code")
    );
    assert!(error("nowhere.tsv", "word\n").contains("not a word table"));
}

#[test]
fn missing_number_and_empty_word() {
    assert_eq!(
        error("compass.tsv", "word\tbearing\nشمال\t\n"),
        "compass.tsv:2: column `bearing` is empty"
    );
    assert_eq!(
        error("stop_words.tsv", "word\n\u{064E}\n"),
        "stop_words.tsv:2: column `word` is empty"
    );
}

#[test]
fn relations_by_script_and_phrase() {
    let lex = lexicon();
    assert!(lex.relations(&[","], true).has(Relation::ContainmentWeak));
    assert!(!lex.relations(&[","], false).has(Relation::ContainmentWeak));
    assert!(lex.relations(&[","], false).has(Relation::List));
    assert!(
        lex.relations(&["في", "ريف"], false)
            .has(Relation::Containment)
    );
    assert!(
        lex.relations(&["في", "ريف"], false)
            .has(Relation::AdminChain)
    );
    assert!(lex.relations(&["(",], true).has(Relation::Containment));
    assert_eq!(
        lex.relations(&["a", "b", "c", "d"], false),
        Relations::default()
    );
}

#[test]
fn cue_fits_follow_size_classes() {
    use crate::Gazetteer;
    let g = Gazetteer::builder()
        .places_tsv(
            "p",
            "id\tkind\tname_ar\tname_en\tlat\tlon\tpopulation\tclass\n\
             t:big\tpopulated\tكبيرة\tBig\t35\t38\t900000\t\n\
             t:seat\tpopulated\tمركز\tSeat\t35\t38\t\tPPLA2\n\
             t:small\tpopulated\tصغيرة\tSmall\t35\t38\t6000\t\n\
             t:tiny\tpopulated\tقرية\tTiny\t35\t38\t300\t\n\
             t:gov\tadmin1\tمحافظة\tGov\t35\t38\t\t\n",
        )
        .build()
        .unwrap();
    let lex = lexicon();
    let fit = |id: &str, cue| {
        let e = g.entity(g.by_id(id).unwrap());
        lex.cue_fit(cue, e.kind(), Size::of(e))
    };
    assert_eq!(fit("t:big", Cue::City), 1.0);
    assert_eq!(fit("t:small", Cue::City), 0.6);
    assert_eq!(fit("t:big", Cue::Town), 0.0);
    assert_eq!(fit("t:seat", Cue::Village), 0.0);
    assert_eq!(fit("t:small", Cue::Village), 0.6);
    assert_eq!(fit("t:tiny", Cue::Village), 1.0);
    assert_eq!(fit("t:gov", Cue::City), -0.5);
    assert_eq!(fit("t:gov", Cue::Countryside), 1.5);
    assert_eq!(fit("t:gov", Cue::Person), -3.0);
}

#[test]
fn idioms_and_two_word_heads() {
    let lex = lexicon();
    assert!(lex.is_idiom(&fold("مسقط"), &fold("رأسه")));
    assert!(!lex.is_idiom(&fold("مسقط"), &fold("العمانية")));
    assert!(
        lex.phrase_parts(&fold("غرفة"), &fold("عمليات"))
            .has(Part::Unit)
    );
    assert!(lex.word(&fold("غرفة")).unwrap().opens.has(Part::Unit));
}

#[test]
fn the_tagger_lists_the_tokens_a_pass_over_every_token_reads() {
    let text = "وبمدينة بلدة ريف ووزارة مدينة syrian وsyrian Syrian";
    let doc = crate::document::Document::new(text);
    let mut words = DocWords::default();
    crate::Tagger::new().tag_document(&doc, &mut Vec::new(), Some(&mut words));
    let listed = |tokens: Vec<usize>| -> Vec<&str> {
        tokens.into_iter().map(|t| doc.original_of(t)).collect()
    };
    // A settlement's noun, bare or behind its proclitics.
    assert_eq!(
        listed(words.settlement_nouns().collect()),
        ["وبمدينة", "بلدة", "مدينة"]
    );
    // A head of an organization's name, bare or behind a conjunction.
    assert_eq!(listed(words.heads().collect()), ["ووزارة"]);
    // A nationality adjective only as written.
    assert_eq!(listed(words.demonyms().collect()), ["syrian", "Syrian"]);
    // A token no table knows has no entries.
    assert_eq!(lexicon().token_words(&fold("xyzzy")), TokenWords::NONE);
}
