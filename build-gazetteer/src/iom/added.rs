//! Step (c): the IOM communities no other source has, added as places of their own.

use std::collections::{BTreeMap, BTreeSet};

use makan::{Kind, Point};

use super::{IomLocation, SAME_NAME_RADIUS_KM, loose_arabic_key};
use crate::names;
use crate::place::Place;
use crate::report::Report;

/// Step (c): communities with an accepted OSM point and Arabic name that no shipped place covers.
pub fn iom_only_places(iom: &[IomLocation], places: &[Place], report: &mut Report) -> Vec<Place> {
    let claimed: BTreeSet<String> = places.iter().map(|p| p.pcode.clone()).collect();
    let mut by_name: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    let settlements = places
        .iter()
        .filter(|p| p.is_syrian() && matches!(p.kind, Kind::Populated | Kind::Neighbourhood));
    for place in settlements {
        if let Some(point) = place.point {
            for name in place.names_ar.all() {
                by_name
                    .entry(loose_arabic_key(name))
                    .or_default()
                    .push(point);
            }
        }
    }
    let mut out = Vec::new();
    for loc in iom {
        let Some(point) = loc.point else { continue };
        if claimed.contains(&loc.pcode) {
            continue;
        }
        let Ok(name_ar) = names::clean_arabic(&loc.osm_name) else {
            report.drop("IOM/OSM community without a clean Arabic OSM name", || {
                format!("{} {} `{}`", loc.at, loc.pcode, loc.osm_name)
            });
            continue;
        };
        let near_same_name = by_name
            .get(&loose_arabic_key(&name_ar))
            .into_iter()
            .flatten()
            .any(|&p| p.distance_km(point) <= SAME_NAME_RADIUS_KM);
        if near_same_name {
            report.drop(
                "IOM/OSM community: same Arabic name within 2 km already present",
                || format!("{} {name_ar}", loc.pcode),
            );
            continue;
        }
        out.push(iom_place(loc, point, &name_ar, report));
    }
    report.count(
        "IOM-only places",
        "added (OSM point + Arabic OSM name)",
        out.len(),
    );
    out
}

fn iom_place(loc: &IomLocation, point: Point, name_ar: &str, report: &mut Report) -> Place {
    let kind = if loc.is_neighbourhood {
        Kind::Neighbourhood
    } else {
        Kind::Populated
    };
    let mut place = Place::new(format!("iom:{}", loc.pcode), kind);
    place.country = "SY".into();
    place.pcode = loc.pcode.clone();
    place.adm1 = loc.adm1.clone();
    place.adm2 = loc.adm2.clone();
    place.adm3 = loc.adm3.clone();
    place.point = Some(point);
    place.population = loc.population.filter(|&n| n > 0);
    place.names_ar.push(name_ar);
    place.add_latin(&loc.name_en, report);
    if !loc.osm_name_en.is_empty() {
        place.add_latin(&loc.osm_name_en, report);
    }
    place.refs.insert(format!("iom:{}", loc.pcode));
    if !loc.osm_id.is_empty() {
        place.refs.insert(format!("osm:{}", loc.osm_id));
    }
    place
}
