//! Acceptance checks on the merged places, printed in the summary. A failed check does not stop the
//! build (the data is still written for inspection) but makes the tool exit with an error.

use std::collections::BTreeMap;

use crate::names;
use makan::{Kind, Point};

use crate::place::Place;
use crate::report::Report;

/// A settlement that must be present as a populated place near a point (tolerance 3 km).
struct Expected {
    name_ar: &'static str,
    point: Point,
    adm2: &'static str,
}

/// Points of well-known towns (town centres, not district centroids), from WOF/GeoNames and IOM/OSM.
const EXPECTED_TOWNS: [Expected; 9] = [
    Expected {
        name_ar: "البوكمال",
        point: Point {
            lat: 34.45,
            lon: 40.919,
        },
        adm2: "SY0902",
    },
    Expected {
        name_ar: "دير الزور",
        point: Point {
            lat: 35.336,
            lon: 40.141,
        },
        adm2: "SY0901",
    },
    Expected {
        name_ar: "الميادين",
        point: Point {
            lat: 35.021,
            lon: 40.453,
        },
        adm2: "SY0903",
    },
    Expected {
        name_ar: "العشارة",
        point: Point {
            lat: 34.921,
            lon: 40.560,
        },
        adm2: "SY0903",
    },
    Expected {
        name_ar: "القورية",
        point: Point {
            lat: 34.956,
            lon: 40.541,
        },
        adm2: "SY0903",
    },
    Expected {
        name_ar: "محكان",
        point: Point {
            lat: 34.981,
            lon: 40.503,
        },
        adm2: "SY0903",
    },
    Expected {
        name_ar: "درعا",
        point: Point {
            lat: 32.619,
            lon: 36.102,
        },
        adm2: "SY1200",
    },
    Expected {
        name_ar: "السويداء",
        point: Point {
            lat: 32.709,
            lon: 36.570,
        },
        adm2: "SY1300",
    },
    Expected {
        name_ar: "دمشق",
        point: Point {
            lat: 33.512,
            lon: 36.29,
        },
        adm2: "SY0100",
    },
];

/// Runs every check; returns the number of failures.
pub fn run(places: &[Place], report: &mut Report) -> usize {
    let mut failures = 0;
    let mut check = |ok: bool, what: String, report: &mut Report| {
        if !ok {
            failures += 1;
        }
        report.line(
            "checks",
            format!("[{}] {what}", if ok { "ok" } else { "FAIL" }),
        );
    };
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for p in places {
        *by_kind.entry(p.kind.name()).or_default() += 1;
        report.count("places by source", p.id.split(':').next().unwrap_or(""), 1);
    }
    for (kind, n) in &by_kind {
        report.count("places by kind", kind, *n);
    }
    let admin = |k: Kind| {
        places
            .iter()
            .filter(|p| p.kind == k && p.pcode.len() >= 4)
            .count()
    };
    let (a1, a2, a3) = (
        admin(Kind::Admin1),
        admin(Kind::Admin2),
        admin(Kind::Admin3),
    );
    check(
        a1 == 14 && a2 == 62 && a3 == 272,
        format!("admin units 14/62/272: {a1}/{a2}/{a3}"),
        report,
    );
    let syrian_settlements: Vec<&Place> = places
        .iter()
        .filter(|p| p.is_syrian() && p.kind == Kind::Populated)
        .collect();
    let located = syrian_settlements
        .iter()
        .filter(|p| p.point.is_some() && !p.adm1.is_empty())
        .count();
    check(
        located >= 10_000,
        format!("Syrian populated places with point and adm1: {located} (>= 10000)"),
        report,
    );
    let with_adm2 = syrian_settlements
        .iter()
        .filter(|p| !p.adm2.is_empty())
        .count();
    let with_adm3 = syrian_settlements
        .iter()
        .filter(|p| !p.adm3.is_empty())
        .count();
    let with_pcode = syrian_settlements
        .iter()
        .filter(|p| !p.pcode.is_empty())
        .count();
    report.line(
        "checks",
        format!(
            "Syrian populated places: {} total, {with_adm2} with adm2, {with_adm3} with adm3, {with_pcode} with an OCHA community code",
            syrian_settlements.len()
        ),
    );
    let no_adm1 = places
        .iter()
        .filter(|p| p.is_syrian() && p.kind != Kind::Country && p.adm1.is_empty())
        .count();
    check(
        no_adm1 == 0,
        format!("Syrian places without adm1: {no_adm1}"),
        report,
    );
    let countries = by_kind.get("country").copied().unwrap_or(0);
    check(
        countries >= 250,
        format!("countries: {countries} (>= 250)"),
        report,
    );
    for town in &EXPECTED_TOWNS {
        let (ok, what) = expected_town(places, town);
        check(ok, what, report);
    }
    let (latin_in_ar, short) = name_hygiene(places);
    check(
        latin_in_ar == 0,
        format!("Arabic names containing Latin letters: {latin_in_ar}"),
        report,
    );
    check(
        short == 0,
        format!("names shorter than 2 letters: {short}"),
        report,
    );
    failures
}

fn expected_town(places: &[Place], town: &Expected) -> (bool, String) {
    let best = places
        .iter()
        .filter(|p| p.kind == Kind::Populated && p.is_syrian())
        .filter(|p| {
            p.names_ar
                .all()
                .any(|n| makan::fold(n) == makan::fold(town.name_ar))
        })
        .filter_map(|p| p.point.map(|pt| (pt.distance_km(town.point), p)))
        .min_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((d, p)) => {
            let ok = d <= 3.0 && p.adm2 == town.adm2;
            let point = p
                .point
                .map(|q| format!("{:.5} {:.5}", q.lat, q.lon))
                .unwrap_or_default();
            (
                ok,
                format!(
                    "{} populated: {} `{}` at {point} ({d:.1} km from expected) adm1 {} adm2 {} adm3 {} pcode {}",
                    town.name_ar,
                    p.id,
                    p.names_ar.preferred(),
                    p.adm1,
                    p.adm2,
                    p.adm3,
                    p.pcode
                ),
            )
        }
        None => (false, format!("{} populated: not found", town.name_ar)),
    }
}

/// (Arabic names with Latin letters, names of fewer than 2 letters).
fn name_hygiene(places: &[Place]) -> (usize, usize) {
    let mut latin_in_ar = 0;
    let mut short = 0;
    for p in places {
        for n in p.names_ar.all() {
            latin_in_ar += usize::from(n.chars().any(names::is_latin_letter));
            short += usize::from(n.chars().filter(|c| c.is_alphabetic()).count() < 2);
        }
        for n in p.names_en.all() {
            short += usize::from(n.chars().filter(|c| c.is_alphabetic()).count() < 2);
        }
    }
    (latin_in_ar, short)
}
