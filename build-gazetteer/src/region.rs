//! The administrative units of the countries around Syria (Who's On First,
//! `wof-region-admin/region_admin_wof.tsv`): first-level units (governorates, provinces,
//! emirates), second-level units (districts, qadas, ilçe), and for Kuwait, Bahrain and Qatar
//! their localities (not their quarters, named with ordinary words).
//!
//! Each unit gets a P-code-like code made the way OCHA makes Syria's: the country's ISO code,
//! then two digits for the first-level unit, then two more for the second-level unit inside
//! it (`YE14`, `YE1403`); a locality, which OCHA would code by community, takes its
//! parent's code and three digits (`KW04012`). Units are numbered in the order of their WOF
//! ids within their parent, so the same source gives the same codes. The parents' codes fill
//! `adm1`/`adm2`, so a district names its governorate.
//!
//! Only units with an Arabic name are kept (the gazetteer serves Arabic text first; the
//! source's Latin names of Turkish and Iranian districts are left to a later pass), and only
//! current ones (`is_current` not 0, not deprecated). A unit has no population in the
//! gazetteer: a province's head count is not a town's size, and the prior reads population as
//! a settlement's. So a city keeps the lead over the province of its name (الرياض), and a
//! cue word (محافظة، ولاية) brings the unit forward.

use std::collections::BTreeMap;
use std::path::Path;

use makan::{Kind, Point};

use crate::place::Place;
use crate::report::Report;
use crate::sources::{Table, parse_f64};

/// Words that open an Arabic unit name and that the annotation leaves outside the span; the
/// gazetteer indexes names without them (محافظة شبوة is indexed as شبوة).
const ADMIN_HEADS: [&str; 14] = [
    "منطقة",
    "مركز",
    "محافظة",
    "محافظه",
    "إمارة",
    "امارة",
    "ولاية",
    "قضاء",
    "مديرية",
    "مقاطعة",
    "لواء",
    "ناحية",
    "شهرستان",
    "استان",
];

/// Words that describe a unit rather than name it: directions and the nouns of
/// administration. A unit name made of these alone (الشمال "the North", العاصمة "the
/// Capital", المنطقة الشرقية "the Eastern Region") is, in running text, a description of some
/// part of whatever country the text is about, so it is not indexed; a name with a word of
/// its own (شمال سيناء) is.
const GENERIC_WORDS: [&str; 25] = [
    "مدينة",
    "منطقة",
    "محافظة",
    "الشمال",
    "الجنوب",
    "الشرق",
    "الغرب",
    "الوسط",
    "الوسطى",
    "الشمالية",
    "الجنوبية",
    "الشرقية",
    "الغربية",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "العاصمة",
    "المنطقة",
    "المحافظة",
    "المدينة",
    "الأولى",
    "الثانية",
    "المركز",
];

/// Whether every word of a name describes rather than names.
fn is_generic(name: &str) -> bool {
    let fold = |w: &str| makan::fold(w);
    name.split_whitespace()
        .all(|w| GENERIC_WORDS.iter().any(|g| fold(g) == fold(w)))
}

/// One kept row of the source.
struct Unit {
    wof_id: u64,
    country: String,
    kind: Kind,
    names_ar: Vec<String>,
    point: Point,
    region: u64,
    county: u64,
}

/// Reads the region's admin units and returns them as places.
pub fn region_admin_places(path: &Path, report: &mut Report) -> Result<Vec<Place>, String> {
    let units = read_units(path, report)?;
    let mut places = Vec::new();
    // Codes of the kept units, by WOF id, handed down to their children.
    let mut codes: BTreeMap<u64, String> = BTreeMap::new();
    let mut next: BTreeMap<String, usize> = BTreeMap::new();
    let mut code_for = |parent: &str, digits: usize| {
        let n = next.entry(parent.to_string()).or_insert(0);
        *n += 1;
        format!("{parent}{:0digits$}", *n)
    };
    // First-level units, then second-level, then localities and quarters, each by WOF id.
    for level in [Kind::Admin1, Kind::Admin2, Kind::Populated] {
        for unit in units.iter().filter(|u| level_of(u.kind) == level) {
            let (adm1, adm2) = match unit.kind {
                Kind::Admin1 => (String::new(), String::new()),
                Kind::Admin2 => (
                    codes.get(&unit.region).cloned().unwrap_or_default(),
                    String::new(),
                ),
                _ => (
                    codes.get(&unit.region).cloned().unwrap_or_default(),
                    codes.get(&unit.county).cloned().unwrap_or_default(),
                ),
            };
            // A unit whose parent was not kept hangs from the nearest kept ancestor, or from
            // the country's `00` (EG0001), so that no district's code looks like a
            // governorate's.
            let orphan = format!("{}00", unit.country);
            let parent_code = match unit.kind {
                Kind::Admin1 => unit.country.clone(),
                Kind::Admin2 => non_empty_or(&adm1, &orphan),
                _ => non_empty_or(&adm2, &non_empty_or(&adm1, &orphan)),
            };
            let digits = if unit.kind == Kind::Admin1 || unit.kind == Kind::Admin2 {
                2
            } else {
                3
            };
            let mut place = Place::new(format!("wof:{}", unit.wof_id), unit.kind);
            place.country = unit.country.clone();
            place.point = Some(unit.point);
            place.adm1 = adm1;
            place.adm2 = adm2;
            place.class = match unit.kind {
                Kind::Admin1 => "ADM1".into(),
                Kind::Admin2 => "ADM2".into(),
                _ => String::new(),
            };
            place.refs.insert(place.id.clone());
            for name in &unit.names_ar {
                place.add_arabic(name, report);
            }
            if place.names_ar.len() == 0 {
                report.drop("region admin unit without a clean Arabic name", || {
                    place.id.clone()
                });
                continue;
            }
            // Coded only when kept, so that no child names a parent the gazetteer lacks.
            let code = code_for(&parent_code, digits);
            codes.insert(unit.wof_id, code.clone());
            place.pcode = code;
            report.count("region admin units", &format!("{:?}", unit.kind), 1);
            places.push(place);
        }
    }
    Ok(places)
}

/// `a` unless it is empty, else `b`.
fn non_empty_or(a: &str, b: &str) -> String {
    if a.is_empty() { b } else { a }.to_string()
}

/// The pass a kind of unit is coded in.
fn level_of(kind: Kind) -> Kind {
    match kind {
        Kind::Admin1 | Kind::Admin2 => kind,
        _ => Kind::Populated,
    }
}

/// The current units with an Arabic name, sorted by kind and WOF id.
fn read_units(path: &Path, report: &mut Report) -> Result<Vec<Unit>, String> {
    let table = Table::read(path)?;
    for bad in &table.bad_rows {
        report.drop("bad row", || format!("{} ({})", bad.place, bad.reason));
    }
    let col = |n: &str| table.column(n);
    let (id, cc, placetype, ar, ar_variants) = (
        col("wof_id")?,
        col("country")?,
        col("placetype")?,
        col("name_ar")?,
        col("name_ar_variants")?,
    );
    let (lat, lon, lbl_lat, lbl_lon) = (col("lat")?, col("lon")?, col("lbl_lat")?, col("lbl_lon")?);
    let (region, county) = (col("region_id")?, col("county_id")?);
    let (current, deprecated) = (col("is_current")?, col("deprecated")?);
    let mut units = Vec::new();
    for row in &table.rows {
        let at = table.at(row);
        let kind = match row.get(placetype) {
            "region" => Kind::Admin1,
            "county" => Kind::Admin2,
            "locality" | "localadmin" => Kind::Populated,
            // Quarters of Kuwait, Bahrain and Qatar are named with ordinary words (السفارات
            // "the embassies", النزهة، الحديقة، الميناء) that news and posts use as words far
            // more often than as these quarters: left out.
            "neighbourhood" => {
                report.count("region admin units", "quarters (left out)", 1);
                continue;
            }
            _ => continue,
        };
        if row.get(current) == "0" || !row.get(deprecated).is_empty() {
            report.drop("region admin unit not current", || at.clone());
            continue;
        }
        let names_ar = unit_names(row.get(ar), row.list(ar_variants).into_iter(), &at, report);
        if names_ar.is_empty() {
            report.count("region admin units", "without an Arabic name (left out)", 1);
            continue;
        }
        let point = unit_point(
            [row.get(lbl_lat), row.get(lbl_lon)],
            [row.get(lat), row.get(lon)],
            &at,
        )?;
        let Some(point) = point else {
            report.drop("region admin unit without a point", || at.clone());
            continue;
        };
        let number = |s: &str| s.parse::<u64>().unwrap_or(0);
        units.push(Unit {
            wof_id: number(row.get(id)),
            country: row.get(cc).to_string(),
            kind,
            names_ar,
            point,
            region: number(row.get(region)),
            county: number(row.get(county)),
        });
    }
    units.sort_by_key(|u| (u.country.clone(), u.wof_id));
    Ok(units)
}

/// The Arabic names of a unit without their administrative head words, less those that only
/// describe (reported).
fn unit_names<'a>(
    name: &'a str,
    variants: impl Iterator<Item = &'a str>,
    at: &str,
    report: &mut Report,
) -> Vec<String> {
    std::iter::once(name)
        .chain(variants)
        .filter(|n| !n.is_empty())
        .map(without_admin_head)
        .filter(|n| {
            let generic = is_generic(n);
            if generic {
                report.drop("region admin name that only describes", || {
                    format!("{at} `{n}`")
                });
            }
            !generic
        })
        .collect()
}

/// The unit's point: its label point, where a map writes the name, inside the unit (the
/// geometric point can fall outside a crescent-shaped one), else its geometric point.
fn unit_point(label: [&str; 2], geometric: [&str; 2], at: &str) -> Result<Option<Point>, String> {
    Ok(
        match (
            parse_f64(label[0], "lbl_lat", at)?,
            parse_f64(label[1], "lbl_lon", at)?,
        ) {
            (Some(la), Some(lo)) => Some(Point { lat: la, lon: lo }),
            _ => match (
                parse_f64(geometric[0], "lat", at)?,
                parse_f64(geometric[1], "lon", at)?,
            ) {
                (Some(la), Some(lo)) => Some(Point { lat: la, lon: lo }),
                _ => None,
            },
        },
    )
}

/// The name without an administrative head word before it (محافظة شبوة -> شبوة), after
/// its marks are dropped; the name itself when it has none.
fn without_admin_head(raw: &str) -> String {
    let plain = crate::names::strip_arabic_marks(raw);
    let plain = plain.trim();
    for head in ADMIN_HEADS {
        if let Some(rest) = plain.strip_prefix(head)
            && let Some(rest) = rest.strip_prefix(' ')
            && !rest.trim().is_empty()
        {
            return rest.trim().to_string();
        }
    }
    plain.to_string()
}

/// A curated place that is also one of the region's units (قطاع غزة, the curated Gaza Strip
/// and WOF's first-level unit of Palestine) stays one entity: the curated row, with its
/// English name and chosen point, takes the unit's code, parents, names and id as a ref, and
/// the unit is dropped. Same country and same folded Arabic name; never a city.
pub fn absorb_units_into_curated(
    units: &mut Vec<Place>,
    curated: &mut [Place],
    report: &mut Report,
) {
    let mut by_name: BTreeMap<(String, String), usize> = BTreeMap::new();
    // A city is not the province of its name (مرسين، النبطية): only curated regions, units and
    // natural areas take a unit in.
    let area = |c: &Place| !c.is_syrian() && c.kind != Kind::Populated;
    for (i, c) in curated.iter().enumerate().filter(|(_, c)| area(c)) {
        let name = makan::fold(c.names_ar.preferred());
        if !name.is_empty() {
            by_name.insert((c.country.clone(), name), i);
        }
    }
    units.retain(|unit| {
        let key = (unit.country.clone(), makan::fold(unit.names_ar.preferred()));
        let Some(&i) = by_name.get(&key) else {
            return true;
        };
        let kept = &mut curated[i];
        // A curated "region" that is a unit is known better as the unit (a governorate).
        if kept.kind == Kind::Region {
            kept.kind = unit.kind;
            kept.class = unit.class.clone();
        }
        if kept.pcode.is_empty() {
            kept.pcode = unit.pcode.clone();
            kept.adm1 = unit.adm1.clone();
            kept.adm2 = unit.adm2.clone();
        }
        for name in unit.names_ar.all() {
            kept.names_ar.push(name);
        }
        for name in unit.names_en.all() {
            kept.names_en.push(name);
        }
        kept.refs.insert(unit.id.clone());
        kept.refs.extend(unit.refs.iter().cloned());
        report.count(
            "region admin units",
            "units merged into a curated place of the same name",
            1,
        );
        false
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_heads_are_left_out_of_names() {
        assert_eq!(without_admin_head("محافظة شبوة"), "شبوة");
        assert_eq!(without_admin_head("مُحَافَظَة الجَهْرَاء"), "الجهراء");
        assert_eq!(without_admin_head("إمارة أبوظبي"), "أبوظبي");
        assert_eq!(without_admin_head("حضرموت"), "حضرموت");
        // A head alone is no name to shorten.
        assert_eq!(without_admin_head("محافظة"), "محافظة");
    }

    #[test]
    fn names_that_only_describe_are_generic() {
        assert!(is_generic("الشمال"));
        assert!(is_generic("المنطقة الشرقية"));
        assert!(is_generic("العاصمة"));
        assert!(is_generic("مدينة الشمال"));
        assert!(!is_generic("مدينة صباح الأحمد"));
        assert!(!is_generic("شمال سيناء"));
        assert!(!is_generic("الجهراء"));
    }

    fn place(id: &str, kind: Kind, ar: &str, country: &str, pcode: &str) -> Place {
        let mut p = Place::new(id.into(), kind);
        p.names_ar.push(ar);
        p.country = country.into();
        p.pcode = pcode.into();
        p
    }

    #[test]
    fn a_curated_region_takes_in_the_unit_of_its_name_but_a_city_does_not() {
        let mut units = vec![
            place("wof:1", Kind::Admin1, "قطاع غزة", "PS", "PS01"),
            place("wof:2", Kind::Admin1, "مرسين", "TR", "TR28"),
            place("wof:3", Kind::Admin1, "نينوى", "IQ", "IQ03"),
        ];
        let mut curated = vec![
            place("curated:gaza-strip", Kind::Region, "قطاع غزّة", "PS", ""),
            place("curated:mersin", Kind::Populated, "مرسين", "TR", ""),
            // Another country's region of the same name is another place.
            place("curated:other", Kind::Region, "نينوى", "SY", ""),
        ];
        absorb_units_into_curated(&mut units, &mut curated, &mut Report::default());
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["wof:2", "wof:3"]);
        let gaza = &curated[0];
        assert_eq!((gaza.kind, gaza.pcode.as_str()), (Kind::Admin1, "PS01"));
        assert!(gaza.refs.contains("wof:1"));
        assert!(curated[1].pcode.is_empty() && curated[2].pcode.is_empty());
    }
}
