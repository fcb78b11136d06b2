//! Relative-position phrases: «جنوب شرق مدينة دير الزور بحوالي 140 كم», "30 km north of
//! Aleppo". A direction (eight compass points, Arabic noun and adjective forms, English) and an
//! optional distance (كم، كيلومتر، km, miles) relate a mention to an anchor place.

use crate::words::{Filler, Lexicon};

/// A direction and distance from an anchor to a place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Relative {
    /// Bearing from the anchor to the place, degrees clockwise from north.
    pub(crate) bearing: f64,
    /// Stated distance in km, if any (often road distance, 10–30 % over the straight line).
    pub(crate) distance_km: Option<f64>,
}

/// The bearing of a compass word (`words/compass.tsv`).
fn compass(lex: &Lexicon, word: &str) -> Option<f64> {
    lex.word(word).and_then(|i| i.bearing)
}

/// Kilometres per unit of a distance unit (`words/units.tsv`).
fn unit(lex: &Lexicon, word: &str) -> Option<f64> {
    lex.word(word).and_then(|i| i.km)
}

/// Digits and decimal points only: a number (a distance).
fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Combines up to two compass words: north/south first, then east/west (جنوب شرق = 135°).
fn combine(first: f64, second: Option<f64>) -> f64 {
    match second {
        Some(s) if (first == 0.0 || first == 180.0) && (s == 90.0 || s == 270.0) => {
            if first == 0.0 {
                if s == 90.0 { 45.0 } else { 315.0 }
            } else if s == 90.0 {
                135.0
            } else {
                225.0
            }
        }
        _ => first,
    }
}

/// Parses the words between a place and the following anchor mention (`gap`, in text
/// order) and the words right after the anchor (`after`, in text order). Returns `None`
/// unless the gap is only a direction phrase with fillers and numbers.
pub(crate) fn parse(lex: &Lexicon, gap: &[&str], after: &[&str]) -> Option<Relative> {
    if gap.is_empty() || gap.len() > 8 {
        return None;
    }
    let mut bearing = None;
    let mut i = 0;
    while i < gap.len() {
        // A compass word, a word that may stand in the phrase (`words/fillers.tsv`), a unit or
        // a number: one look-up a word decides.
        let word = gap[i];
        let info = lex.word(word);
        if let Some(b) = info.and_then(|i| i.bearing) {
            if bearing.is_some() {
                return None;
            }
            let next = gap.get(i + 1).and_then(|w| compass(lex, w));
            bearing = Some(combine(b, next));
            i += if next.is_some() { 2 } else { 1 };
        } else if info.is_some_and(|i| i.fillers.has(Filler::Relative) || i.km.is_some())
            || is_number(word)
        {
            i += 1;
        } else {
            return None;
        }
    }
    let bearing = bearing?;
    // The distance may stand in the gap ("30 km north of") or after the anchor.
    let distance_km = distance(lex, gap).or_else(|| distance(lex, &after[..after.len().min(5)]));
    Some(Relative {
        bearing,
        distance_km,
    })
}

/// The first "number unit" pair among `words`, in km.
pub(crate) fn distance(lex: &Lexicon, words: &[&str]) -> Option<f64> {
    words.windows(2).find_map(|pair| {
        let value: f64 = pair[0].parse().ok()?;
        Some(value * unit(lex, pair[1])?)
    })
}

/// Smallest angle between two bearings, in degrees.
pub(crate) fn angle_between(a: f64, b: f64) -> f64 {
    let d = (a - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold;

    fn words(s: &str) -> Vec<String> {
        fold(s).split(' ').map(String::from).collect()
    }

    fn parse_str(gap: &str, after: &str) -> Option<Relative> {
        let g = words(gap);
        let a = words(after);
        parse(
            crate::words::lexicon(),
            &g.iter().map(String::as_str).collect::<Vec<_>>(),
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    }

    #[test]
    fn arabic_direction_with_distance_after_anchor() {
        let r = parse_str("جنوب شرق مدينة", "بحوالي ١٤٠ كم من").unwrap();
        assert_eq!(r.bearing, 135.0);
        assert_eq!(r.distance_km, Some(140.0));
    }

    #[test]
    fn english_distance_before_direction() {
        let r = parse_str("30 km north west of", "").unwrap();
        assert_eq!(r.bearing, 315.0);
        assert_eq!(r.distance_km, Some(30.0));
        let r = parse_str("على بعد 20 كيلومترا إلى الشمال من", "").unwrap();
        assert_eq!((r.bearing, r.distance_km), (0.0, Some(20.0)));
    }

    #[test]
    fn adjective_forms_and_rejections() {
        assert_eq!(parse_str("الجنوبي الغربي", "").unwrap().bearing, 225.0);
        assert_eq!(parse_str("و", ""), None);
        assert_eq!(parse_str("قصفت قوات شمال", ""), None);
    }

    #[test]
    fn angles_wrap() {
        assert_eq!(angle_between(350.0, 10.0), 20.0);
        assert_eq!(angle_between(90.0, 270.0), 180.0);
    }
}
