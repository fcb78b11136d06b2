//! Coverage of the embedded gazetteer (issue: build the gazetteers from real sources).

use makan::{Entity, Gazetteer, Kind, Point};

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn count(pred: impl Fn(&Entity) -> bool) -> usize {
    g().entities().filter(|(_, e)| pred(e)).count()
}

#[test]
fn every_ocha_admin_unit_with_its_pcode() {
    for (kind, expected, pcode_len) in [
        (Kind::Admin1, 14, 4),
        (Kind::Admin2, 62, 6),
        (Kind::Admin3, 272, 8),
    ] {
        let units: Vec<&Entity> = g()
            .entities()
            .map(|(_, e)| e)
            .filter(|e| e.kind() == kind && e.country() == "SY")
            .collect();
        assert_eq!(units.len(), expected, "{kind}");
        for u in units {
            assert!(
                u.pcode().starts_with("SY") && u.pcode().len() == pcode_len,
                "{} {}",
                u.id(),
                u.pcode()
            );
            assert_eq!(u.id(), format!("ocha:{}", u.pcode()));
            assert!(
                !u.name_ar().is_empty() && !u.name_en().is_empty(),
                "{}",
                u.id()
            );
        }
    }
}

/// The admin units of the countries around Syria (Who's On First) carry P-code-like codes
/// of their country (`YE14`, `YE1403`), a point and an Arabic name, and a district names a
/// governorate of the gazetteer as its parent.
#[test]
fn region_admin_units_with_codes_and_parents() {
    let mut admin1 = std::collections::HashSet::new();
    let mut districts = Vec::new();
    for (_, e) in g().entities() {
        if e.country() == "SY" || !matches!(e.kind(), Kind::Admin1 | Kind::Admin2) {
            continue;
        }
        let digits = if e.kind() == Kind::Admin1 { 2 } else { 4 };
        assert!(
            e.pcode().starts_with(e.country()) && e.pcode().len() == 2 + digits,
            "{} {}",
            e.id(),
            e.pcode()
        );
        assert!(e.point().is_some() && !e.name_ar().is_empty(), "{}", e.id());
        match e.kind() {
            Kind::Admin1 => {
                admin1.insert(e.pcode().to_string());
            }
            _ => districts.push(e),
        }
    }
    assert!(admin1.len() >= 250, "{} first-level units", admin1.len());
    assert!(districts.len() >= 1000, "{} districts", districts.len());
    for d in districts.iter().filter(|d| !d.admin_pcodes()[0].is_empty()) {
        assert!(admin1.contains(d.admin_pcodes()[0]), "{}", d.id());
        assert!(d.pcode().starts_with(d.admin_pcodes()[0]), "{}", d.id());
    }
    for name in ["شبوة", "حضرموت", "الضالع", "نينوى", "الجهراء"] {
        assert!(
            g().lookup(name)
                .iter()
                .any(|&id| g().entity(id).kind() == Kind::Admin1),
            "{name}"
        );
    }
}

#[test]
fn ten_thousand_syrian_places_with_point_and_governorate() {
    let n = count(|e| {
        e.kind() == Kind::Populated
            && e.country() == "SY"
            && e.point().is_some()
            && !e.admin_pcodes()[0].is_empty()
    });
    assert!(n >= 10_000, "{n}");
}

#[test]
fn countries_and_organizations() {
    assert!(count(|e| e.kind() == Kind::Country) >= 250);
    assert!(count(|e| e.entity_type() == makan::EntityType::Org) >= 300);
}

fn places_named(name: &str) -> Vec<&'static Entity> {
    g().lookup(name)
        .iter()
        .map(|&id| g().entity(id))
        .filter(|e| e.entity_type() == makan::EntityType::Loc)
        .collect()
}

#[test]
fn abu_kamal_is_the_town_not_the_district_centroid() {
    let town = places_named("البوكمال")
        .into_iter()
        .find(|e| e.kind() == Kind::Populated)
        .expect("the town");
    let km = town.point().unwrap().distance_km(Point {
        lat: 34.45,
        lon: 40.92,
    });
    assert!(km < 2.0, "{km} km");
    assert_eq!(town.admin_pcodes()[..2], ["SY09", "SY0902"]);
}

#[test]
fn the_founding_articles_places_are_present() {
    // (name, kind it must have among its entities)
    let expected = [
        ("دمشق", Kind::Populated),
        ("البوكمال", Kind::Populated),
        ("دير الزور", Kind::Populated),
        ("سورية", Kind::Country),
        ("الجمهورية العربية السورية", Kind::Country),
        ("الميادين", Kind::Populated),
        ("محكان", Kind::Populated),
        ("العشارة", Kind::Populated),
        ("القورية", Kind::Populated),
        ("البادية", Kind::Region),
        ("نهر الفرات", Kind::Natural),
        ("درعا", Kind::Populated),
        ("السويداء", Kind::Populated),
        ("واشنطن", Kind::Populated),
    ];
    for (name, kind) in expected {
        let kinds: Vec<Kind> = places_named(name).iter().map(|e| e.kind()).collect();
        assert!(kinds.contains(&kind), "{name}: {kinds:?}");
    }
    // The Euphrates-valley villages are in Deir ez-Zor governorate.
    for name in ["الميادين", "محكان", "العشارة", "القورية"] {
        assert!(
            places_named(name)
                .iter()
                .any(|e| e.admin_pcodes()[0] == "SY09"),
            "{name}"
        );
    }
}

#[test]
fn the_founding_articles_organizations_are_present() {
    for name in [
        "سانا",
        "الجيش العربي السوري",
        "القيادة العامة للجيش والقوات المسلحة",
        "داعش",
        "التحالف الأمريكي",
        "جبهة النصرة",
    ] {
        let orgs: Vec<&Entity> = g()
            .lookup(name)
            .iter()
            .map(|&id| g().entity(id))
            .filter(|e| e.entity_type() == makan::EntityType::Org)
            .collect();
        assert!(!orgs.is_empty(), "{name}");
    }
}

#[test]
fn names_are_clean() {
    for (_, e) in g().entities() {
        for name in std::iter::once(e.name_ar())
            .chain(e.names_ar())
            .filter(|n| !n.is_empty())
        {
            assert!(
                !name.chars().any(|c| c.is_ascii_alphabetic()),
                "{}: Arabic name with Latin letters: {name}",
                e.id()
            );
            // Uyghur orthography in Arabic letters (ئالجىر for Algiers) is no Arabic name.
            let uyghur = name.split(' ').any(|w| {
                let chars: Vec<char> = w.chars().collect();
                chars.first() == Some(&'ئ') || chars[..chars.len().saturating_sub(1)].contains(&'ى')
            });
            assert!(!uyghur, "{}: Uyghur orthography: {name}", e.id());
        }
        for name in [e.name_ar(), e.name_en()]
            .into_iter()
            .chain(e.names_ar())
            .chain(e.names_en())
            .filter(|n| !n.is_empty())
        {
            let letters = name.chars().filter(|c| c.is_alphanumeric()).count();
            assert!(
                letters >= 2,
                "{}: name shorter than 2 letters: {name:?}",
                e.id()
            );
        }
    }
}

#[test]
fn every_syrian_place_has_its_governorate() {
    let missing: Vec<&str> = g()
        .entities()
        .map(|(_, e)| e)
        .filter(|e| {
            e.country() == "SY" && matches!(e.kind(), Kind::Populated | Kind::Admin2 | Kind::Admin3)
        })
        .filter(|e| e.admin_pcodes()[0].is_empty())
        .map(|e| e.id())
        .collect();
    assert!(
        missing.is_empty(),
        "{} without admin1: {:?}",
        missing.len(),
        &missing[..missing.len().min(10)]
    );
}

#[test]
fn junk_alternate_names_are_removed() {
    // GeoNames gives Algiers the old name الجزيرة and Hamm "Hamas"; news means others.
    let algiers = g().entity(g().by_id("gn:2507480").unwrap());
    assert_eq!(algiers.name_ar(), "الجزائر");
    assert!(places_named("الجزيرة").iter().all(|e| e.country() != "DZ"));
    assert!(places_named("Hamas").is_empty());
}
