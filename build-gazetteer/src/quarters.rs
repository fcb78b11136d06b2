//! Community codes for seat towns and cities, and the quarters of Aleppo.
//!
//! * **Seat communities**: in the IOM list the community that carries its sub-district's own name
//!   (`Quamishli` in sub-district `Quamishli`) is the sub-district's seat town. When the English-name
//!   match of [`crate::iom`] left it unlinked (another spelling, two candidates in the district), it
//!   goes to the Syrian settlement of that sub-district that GeoNames ranks as a seat (`PPLC`,
//!   `PPLA*`) and whose name is the unit's (a Latin name with the same transliteration key, or the
//!   Arabic seat name the unit's name implies).
//! * **Quarters** (`aleppo-city-neighbourhoods`, OCHA's neighbourhood layer): each quarter's name,
//!   its OCHA `N` code and its parent community code are facts linked to our own entries. The
//!   parent community is the most populous settlement of the quarters' sub-district within
//!   [`PARENT_MAX_KM`] of their centroids; it takes the parent's community code (Aleppo: C1007).
//!   Each quarter becomes a `neighbourhood` row `iom:N…` (the IOM list holds every `N` code) with
//!   the Arabic and English names, the IOM spelling as a variant, the parent's admin chain and the
//!   parent's **point**: the quarters' centroids come from a file we may not ship (DATA.md), so a
//!   quarter stands where its city stands, and `parent` names the city.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use makan::{Kind, Point};

use crate::admin::{AdminTable, seat_name};
use crate::iom::IomLocation;
use crate::names;
use crate::place::Place;
use crate::report::Report;
use crate::sources::{Table, parse_f64};

/// The parent city of a set of quarters lies at most this far from their mean centroid.
pub const PARENT_MAX_KM: f64 = 10.0;

/// Gives each sub-district's seat community code to its seat town; see the module docs.
pub fn link_seat_communities(
    settlements: &mut [Place],
    iom: &[IomLocation],
    admin: &AdminTable,
    report: &mut Report,
) {
    let used: BTreeSet<String> = settlements
        .iter()
        .filter(|p| !p.pcode.is_empty())
        .map(|p| p.pcode.clone())
        .collect();
    let units: BTreeMap<&str, &crate::admin::AdminUnit> =
        admin.level(3).map(|u| (u.pcode.as_str(), u)).collect();
    for loc in iom.iter().filter(|l| !l.is_neighbourhood) {
        if used.contains(&loc.pcode) {
            continue;
        }
        let Some(unit) = units.get(loc.adm3.as_str()) else {
            continue;
        };
        let key = names::transliteration_key(&loc.name_en);
        let unit_keys: BTreeSet<String> = std::iter::once(&unit.name_en)
            .chain(&unit.aliases_en)
            .map(|n| names::transliteration_key(n))
            .collect();
        if !unit_keys.contains(&key) {
            continue;
        }
        let seat_ar = loose(&seat_name(unit));
        let named_as_unit = |p: &Place| {
            p.names_en
                .all()
                .any(|n| names::transliteration_key(n) == key)
                || p.names_ar.all().any(|n| loose(n) == seat_ar)
        };
        let found: Vec<usize> = (0..settlements.len())
            .filter(|&i| {
                let p = &settlements[i];
                p.is_syrian()
                    && p.kind == Kind::Populated
                    && p.pcode.is_empty()
                    && p.adm3 == loc.adm3
                    && is_seat_class(&p.class)
                    && named_as_unit(p)
            })
            .collect();
        match found.as_slice() {
            [i] => {
                let place = &mut settlements[*i];
                place.pcode = loc.pcode.clone();
                place.refs.insert(format!("iom:{}", loc.pcode));
                report.count("community codes", "seat community → seat town", 1);
                report.line(
                    "community codes: seat towns",
                    format!(
                        "{} {} ← {} {}",
                        place.id,
                        place.names_en.preferred(),
                        loc.pcode,
                        loc.name_en
                    ),
                );
            }
            [] => report.count("community codes", "seat community: no seat town found", 1),
            _ => report.drop("seat community: several seat towns", || {
                format!("{} {}", loc.pcode, loc.name_en)
            }),
        }
    }
}

fn is_seat_class(class: &str) -> bool {
    matches!(class, "PPLC" | "PPLA" | "PPLA2" | "PPLA3")
}

/// A loose Arabic key: folded, article and spaces dropped.
fn loose(name: &str) -> String {
    let key = makan::fold(name).replace(' ', "");
    key.strip_prefix("ال")
        .filter(|k| k.chars().count() >= 2)
        .unwrap_or(&key)
        .to_string()
}

/// Every other Syrian neighbourhood (WOF's quarters of Damascus) takes as `parent` the most
/// populous settlement of its sub-district within [`PARENT_MAX_KM`].
pub fn parent_cities(places: &mut [Place], report: &mut Report) {
    for q in 0..places.len() {
        let quarter = &places[q];
        if !quarter.is_syrian()
            || quarter.kind != Kind::Neighbourhood
            || !quarter.parent.is_empty()
            || quarter.adm3.is_empty()
        {
            continue;
        }
        let Some(point) = quarter.point else { continue };
        let city = places
            .iter()
            .filter(|p| {
                p.is_syrian()
                    && p.kind == Kind::Populated
                    && p.adm3 == quarter.adm3
                    && p.point
                        .is_some_and(|c| c.distance_km(point) <= PARENT_MAX_KM)
            })
            .max_by(|a, b| {
                a.population
                    .unwrap_or(0)
                    .cmp(&b.population.unwrap_or(0))
                    .then(b.id.cmp(&a.id))
            })
            .map(|p| p.id.clone());
        match city {
            Some(id) => {
                places[q].parent = id;
                report.count(
                    "kinds",
                    "neighbourhood with a parent city from its sub-district",
                    1,
                );
            }
            None => report.drop("neighbourhood without a city nearby", || {
                places[q].id.clone()
            }),
        }
    }
}

/// One row of `aleppo_neighbourhoods.tsv`.
struct Quarter {
    code: String,
    names_ar: Vec<String>,
    name_en: String,
    name_en_iom: String,
    centroid: Point,
    parent_code: String,
    adm3: String,
}

fn read_quarters(path: &Path) -> Result<Vec<Quarter>, String> {
    let table = Table::read(path)?;
    let col = |n: &str| table.column(n);
    let (code, ar, en, en_iom, lat, lon, parent, adm3) = (
        col("ocha_pcode")?,
        col("name_ar")?,
        col("name_en")?,
        col("name_en_iom_2026")?,
        col("lat")?,
        col("lon")?,
        col("parent_community_pcode")?,
        col("parent_adm3_pcode")?,
    );
    let mut out = Vec::new();
    for row in &table.rows {
        let at = table.at(row);
        let (Some(lat), Some(lon)) = (
            parse_f64(row.get(lat), "lat", &at)?,
            parse_f64(row.get(lon), "lon", &at)?,
        ) else {
            return Err(format!("{at}: a quarter without a centroid"));
        };
        out.push(Quarter {
            code: row.get(code).to_string(),
            names_ar: quarter_names_ar(row.get(ar)),
            name_en: row.get(en).trim().to_string(),
            name_en_iom: row.get(en_iom).trim_end_matches(" (ne)").trim().to_string(),
            centroid: Point { lat, lon },
            parent_code: row.get(parent).to_string(),
            adm3: row.get(adm3).to_string(),
        });
    }
    Ok(out)
}

/// First words of quarter names that name something else first: a street, a university, a
/// market, a zone, a camp, a housing estate, a headquarters (`شارع النيل` is a street in Cairo
/// too, `جامعة حلب` the university the tagger finds as an organization).
const FACILITY_HEADS: &[&str] = &["شارع", "جامعة", "سوق", "منطقة", "مخيم", "سكن", "مقر"];

/// Quarter names that are common nouns for any unit (`المحافظة` "the governorate").
const UNIT_NOUNS: &[&str] = &["محافظة", "مدينة", "ناحية", "بلدة", "قرية", "منطقة", "حي"];

/// Whether a quarter's name part names a facility or is a common noun, not the quarter.
fn is_not_a_quarter_name(part: &str) -> bool {
    let first = part.split(' ').next().unwrap_or("");
    let bare = |w: &str| {
        let f = makan::fold(w);
        f.strip_prefix("ال").map(str::to_string).unwrap_or(f)
    };
    let first = bare(first);
    FACILITY_HEADS.iter().any(|h| makan::fold(h) == first)
        || (!part.contains(' ') && UNIT_NOUNS.iter().any(|n| makan::fold(n) == first))
}

/// The Arabic names of a quarter: double forms split on `/` (`بيت محب/ جديدة`), the cue word
/// حي left to the text (`حي السريان` is `السريان`), names of facilities and common nouns
/// left out ([`is_not_a_quarter_name`]).
fn quarter_names_ar(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in raw
        .split('/')
        .map(str::trim)
        .filter(|p| !p.is_empty() && !is_not_a_quarter_name(p))
    {
        // The annotation leaves the cue word outside the name, as the tagger does.
        out.push(part.strip_prefix("حي ").unwrap_or(part).trim().to_string());
    }
    out
}

/// Links the quarters to their parent city and returns them as `neighbourhood` rows.
pub fn aleppo_quarters(
    path: &Path,
    settlements: &mut [Place],
    report: &mut Report,
) -> Result<Vec<Place>, String> {
    let quarters = read_quarters(path)?;
    let mut by_parent: BTreeMap<(&str, &str), Vec<&Quarter>> = BTreeMap::new();
    for q in &quarters {
        by_parent
            .entry((q.parent_code.as_str(), q.adm3.as_str()))
            .or_default()
            .push(q);
    }
    let mut out = Vec::new();
    for ((parent_code, adm3), group) in by_parent {
        let n = group.len() as f64;
        let centre = Point {
            lat: group.iter().map(|q| q.centroid.lat).sum::<f64>() / n,
            lon: group.iter().map(|q| q.centroid.lon).sum::<f64>() / n,
        };
        let parent = (0..settlements.len())
            .filter(|&i| {
                let p = &settlements[i];
                p.is_syrian()
                    && p.kind == Kind::Populated
                    && p.adm3 == adm3
                    && p.point
                        .is_some_and(|pt| pt.distance_km(centre) <= PARENT_MAX_KM)
            })
            .max_by_key(|&i| (settlements[i].population.unwrap_or(0), std::cmp::Reverse(i)));
        let Some(parent) = parent else {
            report.drop("quarters: no parent city", || {
                format!("{parent_code} {adm3}")
            });
            continue;
        };
        let city = &mut settlements[parent];
        if city.pcode.is_empty() {
            city.pcode = parent_code.to_string();
            report.count("community codes", "parent community of quarters → city", 1);
            report.line(
                "community codes: cities from their quarters",
                format!("{} {} ← {parent_code}", city.id, city.names_en.preferred()),
            );
        } else if city.pcode != parent_code {
            report.drop("quarters: parent city has another code", || {
                format!("{} {} ≠ {parent_code}", city.id, city.pcode)
            });
            continue;
        }
        let city = &settlements[parent];
        out.extend(
            group
                .into_iter()
                .filter_map(|q| quarter_place(q, city, report)),
        );
    }
    Ok(out)
}

/// The place of quarter `q` of `city`, or `None` (reported) when it has no usable name.
fn quarter_place(q: &Quarter, city: &Place, report: &mut Report) -> Option<Place> {
    if q.names_ar.is_empty() {
        report.drop("quarters: named after a facility or a common noun", || {
            format!("{} {}", q.code, q.name_en)
        });
        return None;
    }
    let mut place = Place::new(format!("iom:{}", q.code), Kind::Neighbourhood);
    for name in &q.names_ar {
        place.add_arabic(name, report);
    }
    place.add_latin(&q.name_en, report);
    place.add_latin(&q.name_en_iom, report);
    if !place.has_name() {
        report.drop("quarters: no usable name", || q.code.clone());
        return None;
    }
    place.point = city.point;
    place.pcode = q.code.clone();
    place.adm1 = city.adm1.clone();
    place.adm2 = city.adm2.clone();
    place.adm3 = city.adm3.clone();
    place.country = city.country.clone();
    place.parent = city.id.clone();
    place.refs.insert(format!("iom:{}", q.code));
    report.count("kinds", "neighbourhood (quarters of cities)", 1);
    Some(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_names_split_and_lose_cue_and_facility_names() {
        assert_eq!(quarter_names_ar("بيت محب/ جديدة"), ["بيت محب", "جديدة"]);
        assert_eq!(quarter_names_ar("حي السريان"), ["السريان"]);
        assert_eq!(quarter_names_ar("الراموسة/ المنطقة الصناعية"), ["الراموسة"]);
        assert!(quarter_names_ar("شارع النيل").is_empty());
        assert!(quarter_names_ar("جامعة حلب").is_empty());
        assert!(quarter_names_ar("المحافظة").is_empty());
        assert_eq!(quarter_names_ar("الشيخ مقصود"), ["الشيخ مقصود"]);
    }
}
