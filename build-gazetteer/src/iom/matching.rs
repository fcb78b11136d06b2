//! Matching the IOM list to the places: steps (a) and (b), a community code and sub-district for
//! each Syrian point place whose names match an IOM row one-to-one, and a nearest-neighbour
//! sub-district for the others.

use std::collections::{BTreeMap, BTreeSet};

use makan::{Kind, Point};

use super::{IomLocation, SAME_NAME_RADIUS_KM, loose_arabic_key};
use crate::locate::Locator;
use crate::names;
use crate::place::Place;
use crate::report::Report;

/// A name match whose IOM/OSM point is farther than this from the WOF point is refused.
const NAME_MATCH_MAX_KM: f64 = 10.0;
/// Spelling-variant matches only this close (see [`match_by_nearby_spelling`]).
const NEARBY_SPELLING_MAX_KM: f64 = 1.0;
/// The OSM Arabic name of a matched community is added only if the OSM point is this close.
const OSM_NAME_MAX_KM: f64 = 2.0;
/// Nearest-neighbour sub-districts only from a sample at most this far away.
pub const NEAREST_SAMPLE_MAX_KM: f64 = 10.0;

/// A point with a known sub-district.
struct Sample {
    point: Point,
    adm2: String,
    adm3: String,
}

/// OCHA districts that have no WOF polygon, hosted by the WOF district whose polygon holds most of
/// their IOM points (Qadmous inside Baniyas). Host district → hosted districts.
fn orphan_districts(
    iom: &[IomLocation],
    locator: &Locator,
    report: &mut Report,
) -> BTreeMap<String, Vec<String>> {
    let mut votes: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut disagree = 0;
    let mut with_point = 0;
    for loc in iom {
        let Some(point) = loc.point else { continue };
        with_point += 1;
        let host = locator.county_at(point).unwrap_or("").to_string();
        if host != loc.adm2 {
            disagree += 1;
        }
        *votes.entry(&loc.adm2).or_default().entry(host).or_default() += 1;
    }
    report.line(
        "checks",
        format!("IOM/OSM points whose WOF polygon district differs from IOM's district: {disagree} of {with_point}"),
    );
    let mut hosts: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (adm2, by_host) in votes {
        if by_host.contains_key(adm2) {
            continue;
        }
        let majority = by_host
            .iter()
            .max_by_key(|(h, n)| (**n, std::cmp::Reverse((*h).clone())));
        if let Some((host, n)) = majority
            && !host.is_empty()
        {
            report.line(
                "WOF admin polygon -> OCHA P-code",
                format!(
                    "OCHA district {adm2} (no polygon) is hosted by {host} ({n} IOM points there)"
                ),
            );
            hosts
                .entry(host.clone())
                .or_default()
                .push(adm2.to_string());
        }
    }
    hosts
}

/// The districts whose IOM rows and samples a place in `adm2` may take.
fn district_group<'a>(adm2: &'a str, hosts: &'a BTreeMap<String, Vec<String>>) -> Vec<&'a str> {
    let mut group = vec![adm2];
    group.extend(hosts.get(adm2).into_iter().flatten().map(String::as_str));
    group
}

fn matches_kind(place: &Place, loc: &IomLocation) -> bool {
    match place.kind {
        Kind::Populated => !loc.is_neighbourhood,
        Kind::Neighbourhood => loc.is_neighbourhood,
        _ => false,
    }
}

/// Steps (a) and (b): community codes and sub-districts for the Syrian point places.
pub fn assign_subdistricts(
    places: &mut [Place],
    iom: &[IomLocation],
    locator: &Locator,
    report: &mut Report,
) {
    let hosts = orphan_districts(iom, locator, report);
    let matched = match_by_name(places, iom, &hosts, report);
    let arabic = match_by_arabic_name(places, iom, &hosts, &matched);
    let taken: Vec<(usize, usize)> = matched.iter().chain(&arabic).copied().collect();
    let nearby = match_by_nearby_spelling(places, iom, &hosts, &taken);
    let mut samples: BTreeMap<String, Vec<Sample>> = BTreeMap::new();
    for loc in iom {
        if let Some(point) = loc.point {
            samples.entry(loc.adm2.clone()).or_default().push(Sample {
                point,
                adm2: loc.adm2.clone(),
                adm3: loc.adm3.clone(),
            });
        }
    }
    for &(i, j) in matched.iter().chain(&arabic).chain(&nearby) {
        apply_match(&mut places[i], &iom[j], report);
        if let Some(point) = places[i].point {
            samples
                .entry(iom[j].adm2.clone())
                .or_default()
                .push(Sample {
                    point,
                    adm2: iom[j].adm2.clone(),
                    adm3: iom[j].adm3.clone(),
                });
        }
    }
    report.count(
        "sub-district (adm3) of Syrian point places",
        "(a2) one-to-one OSM Arabic name match within 2 km",
        arabic.len(),
    );
    report.count(
        "sub-district (adm3) of Syrian point places",
        "(a3) one-to-one nearest place within 1 km, spelling variant",
        nearby.len(),
    );
    report.count(
        "sub-district (adm3) of Syrian point places",
        "(a) one-to-one IOM name match in district",
        matched.len(),
    );
    for place in places
        .iter_mut()
        .filter(|p| p.adm3.is_empty() && !p.adm2.is_empty())
    {
        let Some(point) = place.point else { continue };
        let nearest = district_group(&place.adm2, &hosts)
            .into_iter()
            .flat_map(|d| samples.get(d).into_iter().flatten())
            .map(|s| (point.distance_km(s.point), s))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        match nearest {
            Some((d, s)) if d <= NEAREST_SAMPLE_MAX_KM => {
                place.adm2 = s.adm2.clone();
                place.adm3 = s.adm3.clone();
                report.count(
                    "sub-district (adm3) of Syrian point places",
                    "(b) nearest IOM/OSM sample in district",
                    1,
                );
            }
            _ => report.count(
                "sub-district (adm3) of Syrian point places",
                "(none) no sample within 10 km",
                1,
            ),
        }
    }
}

/// Gives a place the community code, sub-district and IOM/OSM names of its IOM row.
fn apply_match(place: &mut Place, loc: &IomLocation, report: &mut Report) {
    place.adm2 = loc.adm2.clone();
    place.adm3 = loc.adm3.clone();
    place.pcode = loc.pcode.clone();
    place.refs.insert(format!("iom:{}", loc.pcode));
    if let Ok(name) = names::clean_latin(&loc.name_en) {
        place.names_en.push(&name);
    }
    let close = matches!((place.point, loc.point), (Some(a), Some(b)) if a.distance_km(b) <= OSM_NAME_MAX_KM);
    if let (true, Ok(name)) = (close, names::clean_arabic(&loc.osm_name)) {
        place.attested_ar.insert(makan::fold(&name));
        place.refs.insert(format!("osm:{}", loc.osm_id));
        if place.names_ar.push(&name) {
            report.count("variants generated per rule", "iom_osm_name", 1);
        }
    }
}

/// The place indices and the IOM indices of the (place, IOM) pairs already matched.
fn taken_indices(taken: &[(usize, usize)]) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let places = taken.iter().map(|&(i, _)| i).collect();
    let iom = taken.iter().map(|&(_, j)| j).collect();
    (places, iom)
}

/// One-to-one matches by Arabic name between the places and IOM rows left unmatched by English
/// name: the OSM Arabic name equals one of the place's names (up to article and spacing), the OSM
/// point is within 2 km, and the district agrees.
fn match_by_arabic_name(
    places: &[Place],
    iom: &[IomLocation],
    hosts: &BTreeMap<String, Vec<String>>,
    taken: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let (taken_places, taken_iom) = taken_indices(taken);
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, place) in places.iter().enumerate() {
        if taken_places.contains(&i) || !place.pcode.is_empty() {
            continue;
        }
        for name in place.names_ar.all() {
            by_name.entry(loose_arabic_key(name)).or_default().push(i);
        }
    }
    let mut proposals: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let mut claims: BTreeMap<usize, usize> = BTreeMap::new();
    for (j, loc) in iom.iter().enumerate() {
        let (Some(point), Ok(name)) = (loc.point, names::clean_arabic(&loc.osm_name)) else {
            continue;
        };
        if taken_iom.contains(&j) {
            continue;
        }
        let candidates: BTreeSet<usize> = by_name
            .get(&loose_arabic_key(&name))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| matches_kind(&places[i], loc))
            .filter(|&i| district_group(&places[i].adm2, hosts).contains(&loc.adm2.as_str()))
            .filter(|&i| {
                places[i]
                    .point
                    .is_some_and(|p| p.distance_km(point) <= SAME_NAME_RADIUS_KM)
            })
            .collect();
        for &i in &candidates {
            *claims.entry(i).or_default() += 1;
        }
        proposals.insert(j, candidates);
    }
    proposals
        .into_iter()
        .filter(|(_, candidates)| candidates.len() == 1)
        .filter_map(|(j, candidates)| candidates.first().map(|&i| (i, j)))
        .filter(|(i, _)| claims.get(i) == Some(&1))
        .collect()
}

/// One-to-one matches of spelling variants: the OSM point's nearest unmatched settlement is within
/// 1 km (and the OSM point is that settlement's nearest), and the Arabic consonant skeletons differ
/// by at most one letter (`عويجل` ~ `عويجيل`, `كفرانتين` ~ `كفر تينة`). Without this, the same
/// village would ship twice, once from WOF and once from IOM/OSM.
fn match_by_nearby_spelling(
    places: &[Place],
    iom: &[IomLocation],
    hosts: &BTreeMap<String, Vec<String>>,
    taken: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let (taken_places, taken_iom) = taken_indices(taken);
    let free: Vec<usize> = (0..places.len())
        .filter(|i| {
            !taken_places.contains(i) && places[*i].pcode.is_empty() && places[*i].point.is_some()
        })
        .filter(|&i| matches!(places[i].kind, Kind::Populated | Kind::Neighbourhood))
        .collect();
    let mut best_for_place: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
    let mut pairs = Vec::new();
    for (j, loc) in iom.iter().enumerate() {
        let (Some(point), Ok(name)) = (loc.point, names::clean_arabic(&loc.osm_name)) else {
            continue;
        };
        if taken_iom.contains(&j) {
            continue;
        }
        let nearest = free
            .iter()
            .filter(|&&i| matches_kind(&places[i], loc))
            .filter_map(|&i| places[i].point.map(|p| (p.distance_km(point), i)))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let Some((d, i)) = nearest.filter(|(d, _)| *d <= NEARBY_SPELLING_MAX_KM) else {
            continue;
        };
        if !district_group(&places[i].adm2, hosts).contains(&loc.adm2.as_str()) {
            continue;
        }
        if !places[i].names_ar.all().any(|n| spelling_variant(n, &name)) {
            continue;
        }
        let entry = best_for_place.entry(i).or_insert((f64::MAX, usize::MAX));
        if d < entry.0 {
            *entry = (d, j);
        }
        pairs.push((i, j));
    }
    pairs
        .into_iter()
        .filter(|(i, j)| best_for_place.get(i).is_some_and(|&(_, best)| best == *j))
        .collect()
}

/// Whether two Arabic names are spellings of one name: consonant skeletons of at least two letters
/// that are equal, or differ by one letter when at least three long.
fn spelling_variant(a: &str, b: &str) -> bool {
    let (sa, sb) = (names::arabic_skeleton(a), names::arabic_skeleton(b));
    let shortest = sa.len().min(sb.len());
    shortest >= 2 && (sa == sb || (shortest >= 3 && names::edit_distance(&sa, &sb) <= 1))
}

/// One-to-one English-name matches between places and IOM rows of the same district.
/// Returns (place index, IOM index) pairs.
fn match_by_name(
    places: &[Place],
    iom: &[IomLocation],
    hosts: &BTreeMap<String, Vec<String>>,
    report: &mut Report,
) -> Vec<(usize, usize)> {
    let mut index: BTreeMap<(&str, String), Vec<usize>> = BTreeMap::new();
    for (j, loc) in iom.iter().enumerate() {
        index
            .entry((loc.adm2.as_str(), names::transliteration_key(&loc.name_en)))
            .or_default()
            .push(j);
    }
    let mut proposals: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, place) in places.iter().enumerate() {
        if place.adm2.is_empty() || !matches!(place.kind, Kind::Populated | Kind::Neighbourhood) {
            continue;
        }
        let keys: BTreeSet<String> = place
            .names_en
            .all()
            .map(names::transliteration_key)
            .filter(|k| k.len() >= 3)
            .collect();
        let mut candidates = BTreeSet::new();
        for district in district_group(&place.adm2, hosts) {
            for key in &keys {
                for &j in index.get(&(district, key.clone())).into_iter().flatten() {
                    if matches_kind(place, &iom[j]) {
                        candidates.insert(j);
                    }
                }
            }
        }
        if candidates.len() == 1 {
            let j = *candidates.first().unwrap_or(&0);
            proposals.entry(j).or_default().push(i);
        } else if candidates.len() > 1 {
            report.count(
                "IOM name matching",
                "place with several IOM candidates (skipped)",
                1,
            );
        }
    }
    let mut matched = Vec::new();
    for (j, proposers) in proposals {
        if proposers.len() != 1 {
            report.count(
                "IOM name matching",
                "IOM row claimed by several places (skipped)",
                1,
            );
            continue;
        }
        let i = proposers[0];
        let too_far = match (places[i].point, iom[j].point) {
            (Some(a), Some(b)) => a.distance_km(b) > NAME_MATCH_MAX_KM,
            _ => false,
        };
        if too_far {
            report.drop(
                "IOM name match refused: OSM point > 10 km from place",
                || {
                    format!(
                        "{} {} ~ {} {}",
                        places[i].id,
                        places[i].names_en.preferred(),
                        iom[j].pcode,
                        iom[j].name_en
                    )
                },
            );
            continue;
        }
        matched.push((i, j));
    }
    matched
}
