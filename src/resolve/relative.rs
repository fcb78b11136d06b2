//! Relative-position phrases: «جنوب شرق مدينة دير الزور بحوالي 140 كم», "30 km north of
//! Aleppo". A direction (eight compass points, Arabic noun and adjective forms, English) and an
//! optional distance (كم، كيلومتر، km, miles) relate a mention to an anchor place.

use once_cell::sync::Lazy;

use crate::fold;

/// A direction and distance from an anchor to a place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Relative {
    /// Bearing from the anchor to the place, degrees clockwise from north.
    pub(crate) bearing: f64,
    /// Stated distance in km, if any (often road distance, 10–30 % over the straight line).
    pub(crate) distance_km: Option<f64>,
}

/// Compass words: folded word -> bearing. Nouns (شمال), adjectives (شمالي، الشمالي،
/// الشمالية) and English.
const COMPASS: &[(&str, f64)] = &[
    ("شمال", 0.0),
    ("شمالي", 0.0),
    ("الشمالي", 0.0),
    ("شمالية", 0.0),
    ("الشمالية", 0.0),
    ("الشمال", 0.0),
    ("جنوب", 180.0),
    ("جنوبي", 180.0),
    ("الجنوبي", 180.0),
    ("جنوبية", 180.0),
    ("الجنوبية", 180.0),
    ("الجنوب", 180.0),
    ("شرق", 90.0),
    ("شرقي", 90.0),
    ("الشرقي", 90.0),
    ("شرقية", 90.0),
    ("الشرقية", 90.0),
    ("الشرق", 90.0),
    ("غرب", 270.0),
    ("غربي", 270.0),
    ("الغربي", 270.0),
    ("غربية", 270.0),
    ("الغربية", 270.0),
    ("الغرب", 270.0),
    ("north", 0.0),
    ("south", 180.0),
    ("east", 90.0),
    ("west", 270.0),
    ("northeast", 45.0),
    ("northwest", 315.0),
    ("southeast", 135.0),
    ("southwest", 225.0),
];

/// Units: folded word -> kilometres per unit.
const UNITS: &[(&str, f64)] = &[
    ("كم", 1.0),
    ("كلم", 1.0),
    ("كيلو", 1.0),
    ("كيلومتر", 1.0),
    ("كيلومترا", 1.0),
    ("كيلومترات", 1.0),
    ("كيلو متر", 1.0),
    ("km", 1.0),
    ("kms", 1.0),
    ("kilometres", 1.0),
    ("kilometers", 1.0),
    ("kilometre", 1.0),
    ("kilometer", 1.0),
    ("ميل", 1.609),
    ("اميال", 1.609),
    ("mile", 1.609),
    ("miles", 1.609),
];

/// Words allowed between the place, the direction, the anchor and the distance.
const FILLERS: &[&str] = &[
    "من",
    "الى",
    "إلى",
    "على",
    "بعد",
    "مسافة",
    "بمسافة",
    "حوالي",
    "بحوالي",
    "نحو",
    "بنحو",
    "قرابة",
    "بقرابة",
    "تقريبا",
    "مدينة",
    "بلدة",
    "قرية",
    "محافظة",
    "ريف",
    "of",
    "the",
    "about",
    "some",
    "around",
    "approximately",
    "nearly",
    "roughly",
    "city",
    "town",
    "village",
    "province",
    "from",
    "في",
    "تبعد",
    "يبعد",
    "وتبعد",
    "ويبعد",
    "الواقعة",
    "الواقع",
    "الواقعه",
];

struct Tables {
    compass: Vec<(String, f64)>,
    units: Vec<(String, f64)>,
    fillers: Vec<String>,
}

static TABLES: Lazy<Tables> = Lazy::new(|| Tables {
    compass: COMPASS.iter().map(|&(w, b)| (fold(w), b)).collect(),
    units: UNITS.iter().map(|&(w, k)| (fold(w), k)).collect(),
    fillers: FILLERS.iter().map(|w| fold(w)).collect(),
});

fn compass(word: &str) -> Option<f64> {
    TABLES
        .compass
        .iter()
        .find(|(w, _)| w == word)
        .map(|&(_, b)| b)
}

fn unit(word: &str) -> Option<f64> {
    TABLES
        .units
        .iter()
        .find(|(w, _)| w == word)
        .map(|&(_, k)| k)
}

fn is_filler(word: &str) -> bool {
    TABLES.fillers.iter().any(|w| w == word) || word.chars().all(|c| c.is_ascii_digit() || c == '.')
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
pub(crate) fn parse(gap: &[&str], after: &[&str]) -> Option<Relative> {
    if gap.is_empty() || gap.len() > 8 {
        return None;
    }
    let mut bearing = None;
    let mut i = 0;
    while i < gap.len() {
        let word = gap[i];
        if let Some(b) = compass(word) {
            if bearing.is_some() {
                return None;
            }
            let next = gap.get(i + 1).and_then(|w| compass(w));
            bearing = Some(combine(b, next));
            i += if next.is_some() { 2 } else { 1 };
        } else if is_filler(word) || unit(word).is_some() {
            i += 1;
        } else {
            return None;
        }
    }
    let bearing = bearing?;
    // The distance may stand in the gap ("30 km north of") or after the anchor.
    let distance_km = distance(gap).or_else(|| distance(&after[..after.len().min(5)]));
    Some(Relative {
        bearing,
        distance_km,
    })
}

/// The first "number unit" pair among `words`.
fn distance(words: &[&str]) -> Option<f64> {
    words.windows(2).find_map(|pair| {
        let value: f64 = pair[0].parse().ok()?;
        Some(value * unit(pair[1])?)
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

    fn words(s: &str) -> Vec<String> {
        fold(s).split(' ').map(String::from).collect()
    }

    fn parse_str(gap: &str, after: &str) -> Option<Relative> {
        let g = words(gap);
        let a = words(after);
        parse(
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
