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
    let by_kind = count_places(places, report);
    let mut checks = Checks {
        report,
        failures: 0,
    };
    check_admin_units(places, &mut checks);
    check_syrian_settlements(places, &mut checks);
    let countries = by_kind.get("country").copied().unwrap_or(0);
    checks.check(countries >= 250, format!("countries: {countries} (>= 250)"));
    for town in &EXPECTED_TOWNS {
        let (ok, what) = expected_town(places, town);
        checks.check(ok, what);
    }
    let (latin_in_ar, short) = name_hygiene(places);
    checks.check(
        latin_in_ar == 0,
        format!("Arabic names containing Latin letters: {latin_in_ar}"),
    );
    checks.check(short == 0, format!("names shorter than 2 letters: {short}"));
    checks.failures
}

/// The `checks` section of the report, counting the failed checks.
struct Checks<'r> {
    report: &'r mut Report,
    failures: usize,
}

impl Checks<'_> {
    /// Reports a check as ok or FAIL.
    fn check(&mut self, ok: bool, what: String) {
        if !ok {
            self.failures += 1;
        }
        self.note(format!("[{}] {what}", if ok { "ok" } else { "FAIL" }));
    }

    /// Reports a number that is not checked.
    fn note(&mut self, what: String) {
        self.report.line("checks", what);
    }
}

/// Counts places by source and by kind into the report; returns the counts by kind.
fn count_places<'p>(places: &'p [Place], report: &mut Report) -> BTreeMap<&'p str, usize> {
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for p in places {
        *by_kind.entry(p.kind.name()).or_default() += 1;
        report.count("places by source", p.id.split(':').next().unwrap_or(""), 1);
    }
    for (kind, n) in &by_kind {
        report.count("places by kind", kind, *n);
    }
    by_kind
}

/// Syria has 14 governorates, 62 districts and 272 sub-districts with P-codes.
fn check_admin_units(places: &[Place], checks: &mut Checks<'_>) {
    let admin = |k: Kind| {
        places
            .iter()
            .filter(|p| p.kind == k && p.is_syrian() && p.pcode.len() >= 4)
            .count()
    };
    let (a1, a2, a3) = (
        admin(Kind::Admin1),
        admin(Kind::Admin2),
        admin(Kind::Admin3),
    );
    checks.check(
        a1 == 14 && a2 == 62 && a3 == 272,
        format!("admin units 14/62/272: {a1}/{a2}/{a3}"),
    );
}

/// Syrian settlements are located and every Syrian place has a governorate.
fn check_syrian_settlements(places: &[Place], checks: &mut Checks<'_>) {
    let syrian_settlements: Vec<&Place> = places
        .iter()
        .filter(|p| p.is_syrian() && p.kind == Kind::Populated)
        .collect();
    let located = syrian_settlements
        .iter()
        .filter(|p| p.point.is_some() && !p.adm1.is_empty())
        .count();
    checks.check(
        located >= 10_000,
        format!("Syrian populated places with point and adm1: {located} (>= 10000)"),
    );
    let count = |has: fn(&Place) -> bool| syrian_settlements.iter().filter(|p| has(p)).count();
    let with_adm2 = count(|p| !p.adm2.is_empty());
    let with_adm3 = count(|p| !p.adm3.is_empty());
    let with_pcode = count(|p| !p.pcode.is_empty());
    checks.note(format!(
        "Syrian populated places: {} total, {with_adm2} with adm2, {with_adm3} with adm3, {with_pcode} with an OCHA community code",
        syrian_settlements.len()
    ));
    let no_adm1 = places
        .iter()
        .filter(|p| p.is_syrian() && p.kind != Kind::Country && p.adm1.is_empty())
        .count();
    checks.check(
        no_adm1 == 0,
        format!("Syrian places without adm1: {no_adm1}"),
    );
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
