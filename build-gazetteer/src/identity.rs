//! Identity across sources: the records of one Syrian settlement that several sources give (WOF,
//! GeoNames, the IOM/OSM list, curated features and rows) become one entity.
//!
//! Two Syrian populated places are the same place when
//! * they share a folded name (Arabic or Latin, as the tagger folds it) and lie within
//!   [`SAME_NAME_KM`] of each other — [`CITY_SAME_NAME_KM`] when one of them is a city (a seat of
//!   governorate or district, or ≥ [`CITY_POPULATION`] people), whose points in different sources
//!   lie farther apart; or
//! * they share an external id (`gn:`, `wd:`) or a community P-code, within
//!   [`SHARED_ID_KM`].
//!
//! Two records with different community P-codes are never merged: OCHA counts them as two
//! communities (they are reported as near-duplicates left apart). Merging is transitive (a
//! union–find over the pairs, nearest first), under the same rule for the whole group.
//!
//! The entity keeps the id of its best record (a P-code first, then the larger population, the
//! finer GeoNames class, the source order WOF, GeoNames, IOM, features, curated) and every other
//! record's id as a `ref`, so a look-up by an old id still finds it. Names are merged in priority
//! order (the kept record's first), population is the largest, the class the most specific.

use std::collections::{BTreeMap, BTreeSet};

use makan::Kind;

use crate::place::Place;
use crate::report::Report;

/// Same folded name within this distance: one place.
pub const SAME_NAME_KM: f64 = 2.0;
/// The same for a city, whose points differ more between sources.
pub const CITY_SAME_NAME_KM: f64 = 5.0;
/// Same external id or community code within this distance: one place.
pub const SHARED_ID_KM: f64 = 10.0;
/// A settlement at least this populous counts as a city for [`CITY_SAME_NAME_KM`].
pub const CITY_POPULATION: u64 = 50_000;
/// Same folded name this close but not merged (a different community code) is reported.
const NEAR_DUPLICATE_KM: f64 = 5.0;
/// Examples of merges printed in the summary.
const MERGE_EXAMPLES: usize = 25;

/// Merges the records of one place into one entity; see the module docs.
pub fn merge_same_places(places: &mut Vec<Place>, report: &mut Report) {
    // The names an entity takes in may show it to be a neighbour's other record (a name that
    // only a third record, farther away, had): passes run until one merges nothing.
    loop {
        let (merged, left_apart) = merge_pass(places, report);
        if merged == 0 {
            report.count(
                "identity merges",
                "near-duplicates left apart (different community codes)",
                left_apart.len(),
            );
            for line in left_apart {
                report.line(
                    "identity: same name, different community codes, left apart",
                    line,
                );
            }
            return;
        }
    }
}

/// One pass of [`merge_same_places`]: how many records it merged into others, and the
/// near-duplicates it left apart, as report lines.
fn merge_pass(places: &mut Vec<Place>, report: &mut Report) -> (usize, Vec<String>) {
    let members: Vec<usize> = (0..places.len())
        .filter(|&i| is_settlement(&places[i]))
        .collect();
    let keys: Vec<BTreeSet<String>> = members.iter().map(|&i| name_keys(&places[i])).collect();
    let pairs = candidate_pairs(places, &members, &keys);
    let mut groups = UnionFind::new(members.len());
    let mut pcodes: Vec<Option<String>> = members
        .iter()
        .map(|&i| Some(places[i].pcode.clone()).filter(|p| !p.is_empty()))
        .collect();
    let mut left_apart = Vec::new();
    for pair in &pairs {
        let (ra, rb) = (groups.find(pair.a), groups.find(pair.b));
        if ra == rb {
            continue;
        }
        if let (Some(pa), Some(pb)) = (&pcodes[ra], &pcodes[rb])
            && pa != pb
        {
            if pair.distance_km <= NEAR_DUPLICATE_KM {
                left_apart.push(pair);
            }
            continue;
        }
        let code = pcodes[ra].clone().or_else(|| pcodes[rb].clone());
        let root = groups.union(ra, rb);
        pcodes[root] = code;
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (m, &place) in members.iter().enumerate() {
        by_root.entry(groups.find(m)).or_default().push(place);
    }
    let mut gone = BTreeSet::new();
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    let mut examples = 0;
    for group in by_root.values().filter(|g| g.len() > 1) {
        let keep = *group
            .iter()
            .min_by_key(|&&i| precedence(&places[i]))
            .expect("a group has members");
        report_group(places, group, keep, &mut examples, report);
        for &i in group.iter().filter(|&&i| i != keep) {
            let other = places[i].clone();
            renamed.insert(other.id.clone(), places[keep].id.clone());
            absorb(&mut places[keep], other);
            gone.insert(i);
        }
    }
    let left_apart: Vec<String> = left_apart
        .iter()
        .map(|pair| {
            let (a, b) = (&places[members[pair.a]], &places[members[pair.b]]);
            format!(
                "{} ({}) / {} ({}) {:.2} km `{}`",
                a.id, a.pcode, b.id, b.pcode, pair.distance_km, pair.key
            )
        })
        .collect();
    let mut index = 0;
    places.retain(|_| {
        index += 1;
        !gone.contains(&(index - 1))
    });
    // A quarter names its city by id: follow the city into the entity it joined.
    for place in places.iter_mut() {
        if let Some(kept) = renamed.get(&place.parent) {
            place.parent = kept.clone();
        }
    }
    (gone.len(), left_apart)
}

/// Counts a merged group by its sources, and gives the first groups as examples.
fn report_group(
    places: &[Place],
    group: &[usize],
    keep: usize,
    examples: &mut usize,
    report: &mut Report,
) {
    let mut sources: Vec<&str> = group.iter().map(|&i| source_of(&places[i])).collect();
    sources.sort_unstable();
    report.count("identity merges (groups by sources)", &sources.join("+"), 1);
    report.count(
        "identity merges",
        "records merged into another",
        group.len() - 1,
    );
    if *examples < MERGE_EXAMPLES {
        *examples += 1;
        let others: Vec<&str> = group
            .iter()
            .filter(|&&i| i != keep)
            .map(|&i| places[i].id.as_str())
            .collect();
        report.line(
            "identity merges (examples)",
            format!(
                "{} {} ← {}",
                places[keep].id,
                display_name(&places[keep]),
                others.join(", ")
            ),
        );
    }
}

/// The places the merge looks at: Syrian populated places with a point.
fn is_settlement(place: &Place) -> bool {
    place.is_syrian() && place.kind == Kind::Populated && place.point.is_some()
}

/// Every name of a place as the tagger folds it.
pub fn name_keys(place: &Place) -> BTreeSet<String> {
    place
        .names_ar
        .all()
        .chain(place.names_en.all())
        .map(|n| makan::fold(n).trim().to_string())
        .filter(|k| !k.is_empty())
        .collect()
}

/// Whether a settlement counts as a city (its sources' points lie farther apart).
fn is_city(place: &Place) -> bool {
    matches!(place.class.as_str(), "PPLC" | "PPLA" | "PPLA2")
        || place.population.is_some_and(|p| p >= CITY_POPULATION)
}

/// Two members that may be one place, with why.
struct Pair {
    a: usize,
    b: usize,
    distance_km: f64,
    key: String,
}

/// The pairs of members that are one place by name or id, nearest first.
fn candidate_pairs(places: &[Place], members: &[usize], keys: &[BTreeSet<String>]) -> Vec<Pair> {
    // A grid of cells about 11 km on a side: every pair within SHARED_ID_KM lies in the same or a
    // neighbouring cell.
    let cell = |m: usize| {
        let p = places[members[m]].point.expect("members have a point");
        ((p.lat * 10.0).floor() as i64, (p.lon * 10.0).floor() as i64)
    };
    let mut grid: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
    for m in 0..members.len() {
        grid.entry(cell(m)).or_default().push(m);
    }
    let ids: Vec<BTreeSet<&str>> = members
        .iter()
        .map(|&i| {
            let p = &places[i];
            p.refs
                .iter()
                .map(String::as_str)
                .filter(|r| r.starts_with("gn:") || r.starts_with("wd:"))
                .chain(Some(p.pcode.as_str()).filter(|c| !c.is_empty()))
                .collect()
        })
        .collect();
    let mut pairs = Vec::new();
    for a in 0..members.len() {
        let (ca, co) = cell(a);
        for dlat in -1..=1 {
            for dlon in -1..=1 {
                let Some(others) = grid.get(&(ca + dlat, co + dlon)) else {
                    continue;
                };
                for &b in others.iter().filter(|&&b| b > a) {
                    let (pa, pb) = (&places[members[a]], &places[members[b]]);
                    let d = pa
                        .point
                        .expect("members have a point")
                        .distance_km(pb.point.expect("members have a point"));
                    let shared_id = ids[a].intersection(&ids[b]).next();
                    let radius = if is_city(pa) || is_city(pb) {
                        CITY_SAME_NAME_KM
                    } else {
                        SAME_NAME_KM
                    };
                    let shared_name = keys[a].intersection(&keys[b]).next();
                    let key = match (shared_id, shared_name) {
                        (Some(id), _) if d <= SHARED_ID_KM => id.to_string(),
                        (_, Some(name)) if d <= radius.max(NEAR_DUPLICATE_KM) => name.clone(),
                        _ => continue,
                    };
                    if shared_id.is_none() && d > radius {
                        // Only reported when left apart for a code; not merged by name this far.
                        if !pa.pcode.is_empty() && !pb.pcode.is_empty() && pa.pcode != pb.pcode {
                            pairs.push(Pair {
                                a,
                                b,
                                distance_km: d,
                                key,
                            });
                        }
                        continue;
                    }
                    pairs.push(Pair {
                        a,
                        b,
                        distance_km: d,
                        key,
                    });
                }
            }
        }
    }
    pairs.sort_by(|x, y| {
        x.distance_km
            .total_cmp(&y.distance_km)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    pairs
}

/// Which record of a group keeps its id: the smallest key wins.
fn precedence(place: &Place) -> (bool, std::cmp::Reverse<u64>, u8, u8, String) {
    (
        place.pcode.is_empty(),
        std::cmp::Reverse(place.population.unwrap_or(0)),
        class_rank(&place.class),
        source_rank(source_of(place)),
        place.id.clone(),
    )
}

/// GeoNames classes from the most to the least specific about a settlement's standing.
fn class_rank(class: &str) -> u8 {
    match class {
        "PPLC" => 0,
        "PPLA" => 1,
        "PPLA2" => 2,
        "PPLA3" => 3,
        "PPLA4" => 4,
        "PPL" => 5,
        "" => 7,
        _ => 6,
    }
}

fn source_rank(source: &str) -> u8 {
    match source {
        "wof" => 0,
        "gn" => 1,
        "iom" => 2,
        "feat" => 3,
        "curated" => 4,
        _ => 5,
    }
}

/// The id's source prefix (`wof`, `iom` …).
fn source_of(place: &Place) -> &str {
    place.id.split(':').next().unwrap_or("")
}

fn display_name(place: &Place) -> &str {
    if place.names_ar.preferred().is_empty() {
        place.names_en.preferred()
    } else {
        place.names_ar.preferred()
    }
}

/// Moves everything `other` knows into `keep`, which stays the entity.
fn absorb(keep: &mut Place, other: Place) {
    for name in other.names_ar.all() {
        keep.names_ar.push(name);
    }
    for name in other.names_en.all() {
        keep.names_en.push(name);
    }
    keep.refs.extend(other.refs);
    keep.refs.insert(other.id);
    keep.attested_ar.extend(other.attested_ar);
    if other.population > keep.population {
        keep.population = other.population;
    }
    if class_rank(&other.class) < class_rank(&keep.class) {
        keep.class = other.class;
    }
    if keep.pcode.is_empty() {
        keep.pcode = other.pcode;
    }
    for (mine, theirs) in [
        (&mut keep.adm1, other.adm1),
        (&mut keep.adm2, other.adm2),
        (&mut keep.adm3, other.adm3),
    ] {
        if mine.is_empty() {
            *mine = theirs;
        }
    }
}

/// Disjoint sets over `0..n`.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two roots; returns the new root (the smaller index, so the result is deterministic).
    fn union(&mut self, a: usize, b: usize) -> usize {
        let (root, child) = if a < b { (a, b) } else { (b, a) };
        self.parent[child] = root;
        root
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use makan::Point;

    fn village(id: &str, ar: &str, en: &str, lat: f64, lon: f64, pcode: &str) -> Place {
        let mut p = Place::new(id.into(), Kind::Populated);
        p.country = "SY".into();
        p.names_ar.push(ar);
        p.names_en.push(en);
        p.point = Some(Point { lat, lon });
        p.pcode = pcode.into();
        p.refs.insert(id.into());
        p
    }

    #[test]
    fn same_name_nearby_is_one_place_with_both_ids() {
        let mut places = vec![
            village(
                "wof:1",
                "معرة النعمان",
                "Ma`arrat an Nu`man",
                35.6483,
                36.6769,
                "C3985",
            ),
            village(
                "wof:2",
                "معرة النعمان",
                "Maarrat al-Nu'man",
                35.6494,
                36.6707,
                "",
            ),
        ];
        merge_same_places(&mut places, &mut Report::default());
        assert_eq!(places.len(), 1);
        let p = &places[0];
        assert_eq!((p.id.as_str(), p.pcode.as_str()), ("wof:1", "C3985"));
        assert!(p.refs.contains("wof:2"));
        assert!(p.names_en.all().any(|n| n == "Maarrat al-Nu'man"));
    }

    #[test]
    fn different_community_codes_stay_apart() {
        let mut places = vec![
            village("iom:C1", "حسنة", "Hasna", 35.0, 37.0, "C7090"),
            village("iom:C2", "حسنة", "Hasna", 35.01, 37.0, "C7091"),
        ];
        let mut report = Report::default();
        merge_same_places(&mut places, &mut report);
        assert_eq!(places.len(), 2);
        assert!(report.render().contains("left apart"));
    }

    #[test]
    fn same_name_far_apart_stays_apart() {
        let mut places = vec![
            village("wof:1", "تل أحمر", "Tall Ahmar", 35.0, 37.0, ""),
            village("wof:2", "تل أحمر", "Tall Ahmar", 35.03, 37.0, ""),
        ];
        merge_same_places(&mut places, &mut Report::default());
        assert_eq!(places.len(), 2);
    }
}
