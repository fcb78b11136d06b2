//! What an entity is worth before any context, and whether its name is also an ordinary word.
//!
//! The prior ranks the candidates of a name by kind, population and seat status; the expected
//! rates say how often news names an entity of that prominence, against which a name's corpus
//! frequency is read (DESIGN.md §5).

use crate::gazetteer::{Entity, Kind, Name};

/// Places that news makes actors (إيران تدعم، واشنطن تعلن): countries, continents, world
/// regions and capitals. They seldom stand after a locative word and
/// are names all the same.
pub(super) fn is_actor(e: &Entity) -> bool {
    matches!(e.kind(), Kind::Country | Kind::Continent)
        || (e.kind() == Kind::Region && e.country().is_empty())
        || e.class() == "PPLC"
        || e.class() == "capital"
}

/// Whether an organization's name is an ordinary word. Names of several words (جبهة
/// النصرة، حزب الله) are names. A single word with the article (الوطن، الحياة، العربية،
/// القاعدة) is also a common noun, unless half its documents are about Syria, and so is a media name used once here and there across
/// the corpus like an ordinary word (fewer than 1.6 occurrences per document over 30 or more
/// documents: سبق، تشرين، محيط) — real names come back within a document (داعش: 3.6).
pub(super) fn org_commonness(name: &Name, count: u32, tokens: u64, e: &Entity) -> Commonness {
    let per_million = f64::from(count) * 1e6 / tokens as f64;
    let single_word = !name.key().contains(' ');
    let (docs, syria_docs) = name.corpus_docs();
    let per_doc = f64::from(count) / f64::from(docs.max(1));
    // A word with the article that lives in news about Syria is a name there (البنتاغون:
    // 26 of 40 documents); the common nouns are spread like the corpus (الوطن: 7 %).
    let topical = docs >= 5 && f64::from(syria_docs) >= 0.5 * f64::from(docs);
    if per_million > 2000.0 {
        Commonness::VeryCommon
    } else if name.is_person_name()
        || (single_word && name.key().starts_with("ال") && !topical)
        || (single_word
            && docs >= 30
            && per_doc < 1.6
            && matches!(e.kind(), Kind::Media | Kind::Other))
    {
        Commonness::Common
    } else {
        Commonness::Name
    }
}

/// How much a name is an ordinary word, from the corpus statistics.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum Commonness {
    /// Used as a name (or no statistics).
    Name,
    /// Also an ordinary word: needs supporting evidence.
    Common,
    /// Mostly an ordinary word (أن، كان، تحت): only a cue word or a phrase tying it to
    /// another place will do, not a locative word before it (إلى أن).
    VeryCommon,
}

/// How often news mentions an entity of this prominence, per million words (a rough prior
/// used only to judge whether a name's corpus frequency is that of an ordinary word).
pub(super) fn expected_per_million(e: &Entity) -> f64 {
    let pop = e.population().unwrap_or(0);
    match e.kind() {
        Kind::Country => 400.0,
        Kind::Continent => 100.0,
        Kind::Admin1 => 100.0,
        Kind::Populated if e.class() == "PPLC" || e.class() == "capital" => 100.0,
        Kind::Populated if e.class() == "PPLA" || pop >= 1_000_000 => 50.0,
        Kind::Populated if pop >= 100_000 => 10.0,
        Kind::Populated if pop >= 20_000 => 2.0,
        // Supranational regions (الخليج، الشرق الأوسط) are named as often as countries.
        Kind::Region if e.country().is_empty() => 100.0,
        Kind::Region | Kind::Natural => 5.0,
        Kind::Populated | Kind::Admin2 | Kind::Admin3 => 0.3,
        Kind::Neighbourhood | Kind::Camp | Kind::Facility => 0.5,
        _ => 20.0,
    }
}

/// The prior score of an entity before any context.
pub(super) fn prior(e: &Entity) -> f64 {
    let kind = match e.kind() {
        Kind::Country => 6.0,
        Kind::Continent => 5.0,
        Kind::Admin1 => 4.0,
        Kind::Region => 3.5,
        Kind::Natural => 3.0,
        Kind::Facility | Kind::Camp => 2.0,
        Kind::Admin2 => 1.0,
        Kind::Populated => 1.0,
        Kind::Admin3 | Kind::Neighbourhood => 0.5,
        _ => 3.0,
    };
    let population = e
        .population()
        .map_or(0.0, |p| 0.6 * (p as f64 + 1.0).log10());
    let class = match e.class() {
        "PPLC" => 2.0,
        "PPLA" => 1.5,
        "PPLA2" => 1.0,
        "PPLA3" => 0.5,
        _ => 0.0,
    };
    // The domain: news about Syria.
    let syria = if e.country() == "SY" { 1.0 } else { 0.0 };
    kind + population + class + syria
}
