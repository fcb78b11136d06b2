//! One naming style for the English display name (`name_en`) of Syrian settlements and quarters.
//!
//! The rule, in order:
//! 1. a preferred name that is already *plain* — Latin letters without diacritics, spaces,
//!    hyphens, no ayn/hamza marks (`ʿ ʾ ' ’ ‘ \``) — stays (`Aleppo`, `Deir ez-Zor`);
//! 2. otherwise, when one of the place's other names is the plain English name OCHA gives its
//!    sub-district or district and is the same name (the same
//!    [`transliteration_key`](crate::names::transliteration_key)), that name becomes preferred:
//!    the seat towns take the form OCHA and the news use (`Ḩimş` → `Homs`, `‘Afrīn` → `Afrin`);
//!    the scholarly form stays as a variant;
//! 3. otherwise the preferred name loses its diacritics and marks (`Dūmā` → `Duma`,
//!    `Ma‘arrat an Nu‘man` → `Maarrat an Numan`). The tagger folds both alike, so the
//!    scholarly spelling is the same name to it and is not kept twice.
//!
//! Only the display name changes: every name stays findable. Other plain spellings a source
//! gives are not preferred by themselves: nothing tells a common exonym (`Homs`) from one
//! source's romanisation (`Efrin`) but OCHA's naming of the unit.

use std::collections::{BTreeMap, BTreeSet};

use makan::Kind;

use crate::names;
use crate::place::Place;
use crate::report::Report;

/// Applies the naming rule to every Syrian settlement, camp and quarter.
pub fn plain_english_names(places: &mut [Place], report: &mut Report) {
    let unit_names: BTreeMap<String, BTreeSet<String>> = places
        .iter()
        .filter(|p| p.is_syrian() && matches!(p.kind, Kind::Admin2 | Kind::Admin3))
        .map(|p| {
            let plain = p.names_en.all().filter(|n| is_plain(n)).map(makan::fold);
            (p.pcode.clone(), plain.collect())
        })
        .collect();
    for place in places.iter_mut().filter(|p| {
        p.is_syrian() && matches!(p.kind, Kind::Populated | Kind::Neighbourhood | Kind::Camp)
    }) {
        let preferred = place.names_en.preferred().to_string();
        if preferred.is_empty() || is_plain(&preferred) {
            continue;
        }
        let key = names::transliteration_key(&preferred);
        let units: Vec<&BTreeSet<String>> = [&place.adm3, &place.adm2]
            .into_iter()
            .filter_map(|code| unit_names.get(code))
            .collect();
        let unit_name = place
            .names_en
            .others()
            .iter()
            .find(|n| {
                is_plain(n)
                    && names::transliteration_key(n) == key
                    && units.iter().any(|u| u.contains(&makan::fold(n)))
            })
            .cloned();
        match unit_name {
            Some(name) => {
                place.names_en.prefer(&name);
                report.count(
                    "naming style (name_en)",
                    "the unit's plain name preferred",
                    1,
                );
            }
            None => {
                let plain = strip_marks(&preferred);
                if plain.chars().filter(char::is_ascii_alphabetic).count() >= 2 {
                    place.names_en.respell_preferred(&plain);
                    report.count("naming style (name_en)", "marks and diacritics dropped", 1);
                }
            }
        }
    }
}

/// Latin letters, digits, spaces and hyphens only.
pub fn is_plain(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        && name.chars().any(|c| c.is_ascii_alphabetic())
}

/// The name without diacritics and ayn/hamza marks; a word that began with a mark starts with a
/// capital if it did before (`‘Afrīn` → `Afrin`).
pub fn strip_marks(name: &str) -> String {
    let folded = makan::fold(name);
    // `fold` lower-cases: restore the case of each word's first letter from the original.
    let original_words: Vec<bool> = name
        .split([' ', '-'])
        .map(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .collect();
    let separators: Vec<char> = name.chars().filter(|&c| c == ' ' || c == '-').collect();
    let mut out = String::with_capacity(folded.len());
    for (i, word) in folded.split(' ').enumerate() {
        if i > 0 {
            out.push(separators.get(i - 1).copied().unwrap_or(' '));
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            if original_words.get(i).copied().unwrap_or(false) {
                out.extend(first.to_uppercase());
            } else {
                out.push(first);
            }
            out.extend(chars);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_and_diacritics_go() {
        assert_eq!(strip_marks("‘Afrīn"), "Afrin");
        assert_eq!(strip_marks("Ma`arrat an Nu`man"), "Maarrat an Numan");
        assert_eq!(strip_marks("Bi’r Ḩulw"), "Bir Hulw");
        assert_eq!(strip_marks("Deir ez-Zor"), "Deir ez-Zor");
        assert!(is_plain("Deir ez-Zor") && !is_plain("Dūmā") && !is_plain("Ma'arrat"));
    }

    #[test]
    fn the_seat_takes_its_units_plain_name() {
        let mut unit = Place::new("ocha:SY040100".into(), Kind::Admin3);
        unit.country = "SY".into();
        unit.pcode = "SY040100".into();
        unit.names_en.push("Homs");
        let mut town = Place::new("wof:1".into(), Kind::Populated);
        town.country = "SY".into();
        town.adm3 = "SY040100".into();
        for n in ["Ḩimş", "Hums", "Homs"] {
            town.names_en.push(n);
        }
        let mut places = [unit, town];
        plain_english_names(&mut places, &mut Report::default());
        assert_eq!(places[1].names_en.preferred(), "Homs");
        assert!(places[1].names_en.others().iter().any(|n| n == "Ḩimş"));
    }
}
