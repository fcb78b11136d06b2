//! The generated Latin variants: rule `latin_family`, a bounded transliteration family of a
//! place's English names, kept clear of common English words.

use makan::Kind;

use super::{SECTION, Tally};
use crate::names;
use crate::place::Place;

/// At most this many `latin_family` variants per English name.
const MAX_LATIN_FAMILY_PER_NAME: usize = 8;
/// How many of a place's English names (preferred first) get a `latin_family`.
const LATIN_FAMILY_NAMES_PER_PLACE: usize = 2;
/// Generated Latin variants need at least this many letters.
const MIN_VARIANT_LETTERS: usize = 4;

/// Common English words (folded) a generated Latin variant must never be: a place name spelled like
/// them would be tagged in every English sentence.
const ENGLISH_STOPWORDS: [&str; 116] = [
    "abbey", "able", "arab", "arabs", "area", "arms", "army", "band", "bank", "bare", "barn",
    "bath", "beach", "bell", "bird", "blue", "body", "book", "camp", "care", "city", "coast",
    "dame", "dark", "dead", "deal", "dear", "ditch", "door", "east", "eden", "fame", "farm",
    "fine", "gate", "gold", "good", "green", "hall", "hama", "hard", "hare", "harm", "hart",
    "have", "head", "heart", "here", "hill", "hole", "home", "hope", "khan", "kill", "kind",
    "kurd", "kurds", "lake", "land", "line", "love", "main", "mall", "many", "mark", "mile",
    "mill", "mine", "more", "name", "near", "nice", "north", "note", "once", "open", "palm",
    "park", "part", "peace", "port", "rain", "rama", "road", "rock", "room", "rose", "safe",
    "sale", "salt", "same", "sand", "sham", "shin", "side", "silk", "some", "south", "star",
    "stone", "tale", "tall", "tell", "time", "tower", "town", "tree", "union", "wall", "water",
    "well", "west", "white", "wind", "wood", "zone",
];

/// The resolver's table of given names (`src/words/persons.tsv`, role `given_name`): a Latin
/// variant spelled like one (Omar, Bashir, Karima) would be read as a place in every story
/// that names such a person.
const PERSON_WORDS: &str = include_str!("../../../src/words/persons.tsv");

static GIVEN_NAMES: std::sync::LazyLock<std::collections::BTreeSet<String>> =
    std::sync::LazyLock::new(|| {
        PERSON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter(|(_, role)| *role == "given_name")
            .map(|(word, _)| makan::fold(word))
            .collect()
    });

/// Whether a folded Latin string is a common English word.
pub fn is_stopword(folded: &str) -> bool {
    ENGLISH_STOPWORDS.contains(&folded)
}

/// Whether a folded Latin string is a common English word or a given name: the test for the
/// variants of Syrian places (generated, or from the Latin variants source).
pub fn is_common_word(folded: &str) -> bool {
    is_stopword(folded) || GIVEN_NAMES.contains(folded)
}

/// Groups of spellings of the same generic first word of Syrian names.
const WORD_FAMILIES: [&[&str]; 14] = [
    &["Deir", "Dayr", "Deyr", "Der", "Dair"],
    &["Tell", "Tall", "Tal"],
    &["Ain", "Ayn", "Ein"],
    &["Jabal", "Jebel", "Jabl"],
    &["Sheikh", "Shaykh", "Shaikh", "Sheik"],
    &["Kafr", "Kfar", "Kefr"],
    &["Beit", "Bayt", "Bait"],
    &["Khirbet", "Khirbat", "Kherbet"],
    &["Qasr", "Kasr"],
    &["Abu", "Abou"],
    &["Umm", "Um"],
    &["Maarat", "Maarrat", "Marat"],
    &["Mazraat", "Mazraet", "Mazraa"],
    &["Jisr", "Jisir"],
];

/// A word of an English name with the definite article split off.
#[derive(Clone)]
struct Word {
    article: Option<String>,
    stem: String,
}

fn parse_words(name: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut pending: Option<String> = None;
    let tokens: Vec<&str> = name.split(' ').collect();
    for (i, token) in tokens.iter().enumerate() {
        let lower = token.to_lowercase();
        if names::LATIN_ARTICLES.contains(&lower.as_str()) && i + 1 < tokens.len() {
            pending = Some(token.to_string());
            continue;
        }
        if let Some((head, tail)) = token.split_once('-')
            && names::LATIN_ARTICLES.contains(&head.to_lowercase().as_str())
            && !tail.is_empty()
        {
            words.push(Word {
                article: Some(head.to_string()),
                stem: tail.to_string(),
            });
            continue;
        }
        words.push(Word {
            article: pending.take(),
            stem: token.to_string(),
        });
    }
    words
}

fn render(words: &[Word], glue_first: bool) -> String {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| match &w.article {
            Some(a) if i == 0 && glue_first => format!("{a}{}", w.stem.to_lowercase()),
            Some(a) => format!("{a}-{}", w.stem),
            None => w.stem.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The assimilated article for a stem (`As-Suwayda`), or `Al` before moon letters.
fn assimilated_article(stem: &str, capital: bool) -> String {
    let lower = stem.to_lowercase();
    let sun = ["sh", "th", "dh", "t", "d", "r", "z", "s", "n"]
        .iter()
        .find(|p| lower.starts_with(**p))
        .map_or("l", |p| p);
    let a = if capital { "A" } else { "a" };
    format!("{a}{sun}")
}

fn with_case(article: &str, capital: bool) -> String {
    let mut chars = article.chars();
    match chars.next() {
        Some(c) if capital => c.to_uppercase().chain(chars).collect(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The bounded transliteration family of one English name, most useful first.
fn latin_family_of(name: &str) -> Vec<String> {
    let words = parse_words(name);
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if words[0].article.is_some() {
        let mut dropped = words.clone();
        dropped[0].article = None;
        out.push(render(&dropped, false));
        out.push(render(&words, true));
    }
    for (i, w) in words.iter().enumerate() {
        let Some(article) = &w.article else { continue };
        let capital = article.starts_with(char::is_uppercase);
        for alt in [
            with_case("al", capital),
            with_case("el", capital),
            assimilated_article(&w.stem, capital),
        ] {
            if alt.to_lowercase() != article.to_lowercase() {
                let mut changed = words.clone();
                changed[i].article = Some(alt);
                out.push(render(&changed, false));
            }
        }
    }
    for (i, w) in words.iter().enumerate() {
        let family = WORD_FAMILIES
            .iter()
            .find(|f| f.iter().any(|s| s.eq_ignore_ascii_case(&w.stem)));
        for alt in family.into_iter().flat_map(|f| f.iter()) {
            if !alt.eq_ignore_ascii_case(&w.stem) {
                let mut changed = words.clone();
                changed[i].stem = alt.to_string();
                out.push(render(&changed, false));
            }
        }
    }
    if let Some(swapped) = ou_alternation(&words) {
        out.push(render(&swapped, false));
    }
    out.retain(|v| !v.is_empty());
    out
}

/// French-style `ou` ↔ English-style `u`: every `ou` of the name becomes `u`; a one-word name whose
/// first vowel is `u` gets `ou` there (`Al-Bukamal` → `Al-Boukamal`). Never inside longer names,
/// where the first `u` is as likely an English word's (`Subdistrict`).
fn ou_alternation(words: &[Word]) -> Option<Vec<Word>> {
    let mut changed = words.to_vec();
    if words.iter().any(|w| w.stem.contains("ou")) {
        for w in &mut changed {
            w.stem = w.stem.replace("ou", "u");
        }
        return Some(changed);
    }
    let [only] = words else { return None };
    let first_vowel = only.stem.find(|c: char| "aeiouAEIOU".contains(c))?;
    if !only.stem[first_vowel..].starts_with('u') {
        return None;
    }
    changed[0].stem = format!(
        "{}ou{}",
        &only.stem[..first_vowel],
        &only.stem[first_vowel + 1..]
    );
    Some(changed)
}

/// Capitalises the first letter (a dropped article leaves `bu-Kamal`).
fn capitalise(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Unit labels (`Abu Kamal Subdistrict`) are not names to vary.
fn is_unit_label(name: &str) -> bool {
    ["District", "Subdistrict", "Governorate", "Sub-district"]
        .iter()
        .any(|s| name.ends_with(s))
}

/// At most this many `latin_spelling` variants per English name.
const MAX_LATIN_SPELLING_PER_NAME: usize = 6;

/// Spelling alternations romanisations of Arabic make inside words, each alone and then the
/// two commonest together: q/k (Raqqa, Rakka), doubled consonants single (Raqqa, Raqa), a final
/// -ah/-eh/-a (Raqqah, Raqqa; Quneitra, Quneitrah), ee/i and oo/u (Qameeshli, Qamishli), a final
/// -i/-y (Qamishli, Qamishly). Hyphen and space need no rule: folding makes a hyphen a space.
fn spelling_family_of(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let q_to_k = name.replace('q', "k").replace('Q', "K");
    out.push(q_to_k);
    let single = single_consonants(name);
    out.push(single.clone());
    let ending = alternate_ending(name);
    out.extend(ending.clone());
    if let Some(both) = alternate_ending(&single) {
        out.push(both);
    }
    out.push(name.replace("ee", "i").replace("oo", "u"));
    if let Some(y) = name.strip_suffix('i') {
        out.push(format!("{y}y"));
    } else if let Some(i) = name.strip_suffix('y') {
        out.push(format!("{i}i"));
    }
    out.retain(|v| v != name);
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|v| seen.insert(v.clone()));
    out
}

/// Doubled consonants written once (`Raqqa` → `Raqa`, `Deir ez-Zorr` → `Deir ez-Zor`); doubled
/// vowels are other spellings' business (ee, oo).
fn single_consonants(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut prev: Option<char> = None;
    for c in name.chars() {
        let doubled = prev.is_some_and(|p| p.eq_ignore_ascii_case(&c));
        if !(doubled && c.is_ascii_alphabetic() && !"aeiouAEIOU".contains(c)) {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// The final -ah/-eh of the last word written -a, or a final -a written -ah.
fn alternate_ending(name: &str) -> Option<String> {
    if let Some(stem) = name.strip_suffix("ah").or_else(|| name.strip_suffix("eh")) {
        return Some(format!("{stem}a"));
    }
    name.strip_suffix('a')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']))
        .map(|stem| format!("{stem}ah"))
}

/// `latin_spelling` on the first English names of a Syrian place.
pub(super) fn latin_spelling(place: &mut Place, tally: &mut Tally) {
    add_variants(
        place,
        tally,
        "latin_spelling",
        MAX_LATIN_SPELLING_PER_NAME,
        spelling_family_of,
    );
}

/// `latin_family` on the first English names of a Syrian place.
pub(super) fn latin_family(place: &mut Place, tally: &mut Tally) {
    add_variants(
        place,
        tally,
        "latin_family",
        MAX_LATIN_FAMILY_PER_NAME,
        |name| {
            latin_family_of(name)
                .iter()
                .map(|v| capitalise(v))
                .collect()
        },
    );
}

/// Rule `rule`: the variants `family` makes of each of a place's first English names, at most
/// `max` a name, none short or an English word.
fn add_variants(
    place: &mut Place,
    tally: &mut Tally,
    rule: &str,
    max: usize,
    family: impl Fn(&str) -> Vec<String>,
) {
    if matches!(place.kind, Kind::Facility | Kind::Country | Kind::Continent) {
        return;
    }
    let sources: Vec<String> = place
        .names_en
        .all()
        .filter(|n| n.is_ascii() && !is_unit_label(n))
        .take(LATIN_FAMILY_NAMES_PER_PLACE)
        .map(str::to_string)
        .collect();
    let refused = format!("{rule} refused (short or English word)");
    for name in sources {
        let mut added = 0;
        for variant in family(&name) {
            if added >= max {
                break;
            }
            let letters = variant.chars().filter(|c| c.is_alphabetic()).count();
            if letters < MIN_VARIANT_LETTERS || is_common_word(&makan::fold(&variant)) {
                tally.report.count(SECTION, &refused, 1);
                continue;
            }
            if names::clean_latin(&variant).is_ok() && place.names_en.push(&variant) {
                added += 1;
                tally.add(rule, true);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_family_of_article_names() {
        let v = latin_family_of("Al-Bukamal");
        assert!(v.contains(&"Bukamal".to_string()), "{v:?}");
        assert!(v.contains(&"Albukamal".to_string()), "{v:?}");
        assert!(v.contains(&"Al-Boukamal".to_string()), "{v:?}");
        let v = latin_family_of("Deir ez-Zor");
        assert!(v.contains(&"Deir el-Zor".to_string()), "{v:?}");
        assert!(v.contains(&"Dayr ez-Zor".to_string()), "{v:?}");
        assert!(v.contains(&"Deir al-Zor".to_string()), "{v:?}");
    }

    #[test]
    fn spelling_family_of_romanisations() {
        let v = spelling_family_of("Raqqah");
        for want in ["Rakkah", "Raqah", "Raqqa", "Raqa"] {
            assert!(v.contains(&want.to_string()), "{want} not in {v:?}");
        }
        let v = spelling_family_of("Qamishli");
        assert!(v.contains(&"Qamishly".to_string()), "{v:?}");
        assert!(v.contains(&"Kamishli".to_string()), "{v:?}");
        let v = spelling_family_of("Quneitra");
        assert!(v.contains(&"Quneitrah".to_string()), "{v:?}");
        assert!(!v.contains(&"Quneitra".to_string()), "{v:?}");
    }
}
