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
            .filter(|e| e.kind() == kind)
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

/// Syrian settlements (populated places with a point), the places issue 15 merges across
/// sources.
fn syrian_settlements() -> Vec<&'static Entity> {
    g().entities()
        .map(|(_, e)| e)
        .filter(|e| e.country() == "SY" && e.kind() == Kind::Populated && e.point().is_some())
        .collect()
}

/// Every name of an entity as the tagger folds it.
fn folded_names(e: &Entity) -> std::collections::BTreeSet<String> {
    [e.name_ar(), e.name_en()]
        .into_iter()
        .chain(e.names_ar())
        .chain(e.names_en())
        .map(|n| makan::fold(n).trim().to_string())
        .filter(|k| !k.is_empty())
        .collect()
}

/// One place, one entity: the records sources give of one settlement are merged by the build
/// tool. Two settlements only OCHA tells apart (two community P-codes) may share a name.
#[test]
fn no_two_syrian_settlements_share_a_name_within_two_km() {
    let places = syrian_settlements();
    let keys: Vec<_> = places.iter().map(|e| folded_names(e)).collect();
    // Cells of 0.02° (about 2 km): a pair within 2 km lies in the same or a neighbouring cell.
    let cell = |e: &Entity| {
        let p = e.point().unwrap();
        ((p.lat * 50.0).floor() as i64, (p.lon * 50.0).floor() as i64)
    };
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> = Default::default();
    for (i, e) in places.iter().enumerate() {
        grid.entry(cell(e)).or_default().push(i);
    }
    let mut found = Vec::new();
    for (a, ea) in places.iter().enumerate() {
        let (la, lo) = cell(ea);
        for d in [
            (-1, -1),
            (-1, 0),
            (-1, 1),
            (0, -1),
            (0, 0),
            (0, 1),
            (1, -1),
            (1, 0),
            (1, 1),
        ] {
            for &b in grid.get(&(la + d.0, lo + d.1)).into_iter().flatten() {
                let eb = places[b];
                let two_codes =
                    !ea.pcode().is_empty() && !eb.pcode().is_empty() && ea.pcode() != eb.pcode();
                if b <= a || two_codes {
                    continue;
                }
                let km = ea.point().unwrap().distance_km(eb.point().unwrap());
                if km <= 2.0
                    && let Some(name) = keys[a].intersection(&keys[b]).next()
                {
                    found.push(format!("{} / {} `{name}` {km:.2} km", ea.id(), eb.id()));
                }
            }
        }
    }
    assert!(places.len() > 10_000);
    assert!(
        found.is_empty(),
        "{} pairs: {:#?}",
        found.len(),
        &found[..found.len().min(20)]
    );
}

/// A merged record's id is kept as a ref, and finds the entity.
#[test]
fn a_merged_records_id_finds_the_entity() {
    let maarat = places_named("معرة النعمان")
        .into_iter()
        .filter(|e| e.kind() == Kind::Populated && e.country() == "SY")
        .collect::<Vec<_>>();
    assert_eq!(maarat.len(), 1, "one Maarat al-Numan");
    let town = maarat[0];
    assert!(!town.pcode().is_empty());
    let merged: Vec<&str> = town.refs().filter(|r| *r != town.id()).collect();
    let other = merged
        .iter()
        .find(|r| r.starts_with("wof:") && g().by_id(r).is_none())
        .expect("another WOF record merged in");
    assert_eq!(
        g().by_ref(other).map(|id| g().entity(id).id()),
        Some(town.id())
    );
    assert_eq!(
        g().by_ref(town.id()).map(|id| g().entity(id).id()),
        Some(town.id())
    );
}

/// The Syrian settlement a name means by the prior alone (admin units and foreign places set
/// aside: that the governorate is also called حلب is the resolver's business).
fn top_settlement(resolver: &makan::Resolver, name: &str) -> Option<makan::EntityId> {
    resolver
        .rank_name(name)
        .into_iter()
        .map(|(id, _)| id)
        .find(|&id| {
            let e = g().entity(id);
            e.country() == "SY" && matches!(e.kind(), Kind::Populated | Kind::Neighbourhood)
        })
}

/// The answer does not depend on the language of the article: for every Syrian town that its
/// Arabic name means, its English name means it too — or a homonym elsewhere, farther than the
/// 2 km within which the build tool merges settlements of one name: Latin spellings merge Arabic
/// names (سلام and صلام are both `Salam`; توبا and طوبا 3 km apart are both `Tuba`), which makes
/// the English name more ambiguous, not the town two entities.
#[test]
fn arabic_and_english_names_of_a_town_mean_the_same_town() {
    let resolver = makan::Resolver::new(makan::Tagger::new());
    let mut checked = 0;
    let mut differ = Vec::new();
    for (id, e) in g().entities() {
        if e.country() != "SY"
            || e.kind() != Kind::Populated
            || e.name_ar().is_empty()
            || e.name_en().is_empty()
            || top_settlement(&resolver, e.name_ar()) != Some(id)
        {
            continue;
        }
        checked += 1;
        let by_english = top_settlement(&resolver, e.name_en());
        let elsewhere = by_english.is_some_and(|o| {
            let (p, q) = (e.point(), g().entity(o).point());
            p.zip(q).is_some_and(|(p, q)| p.distance_km(q) > 2.0)
        });
        if by_english != Some(id) && !elsewhere {
            let other = by_english.map_or("nothing", |o| g().entity(o).id());
            differ.push(format!(
                "{} {} / {} → {other}",
                e.id(),
                e.name_ar(),
                e.name_en()
            ));
        }
    }
    assert!(checked > 5_000, "{checked}");
    assert!(
        differ.is_empty(),
        "{} of {checked}: {:#?}",
        differ.len(),
        &differ[..differ.len().min(30)]
    );
}

/// The governorate capitals carry a community P-code where a source gives one, and the city
/// ranks first for its Arabic name.
#[test]
fn aleppo_is_the_city_first_with_its_community_code() {
    let resolver = makan::Resolver::new(makan::Tagger::new());
    let first = resolver.rank_name("حلب")[0].0;
    let city = g().entity(first);
    assert_eq!((city.kind(), city.pcode()), (Kind::Populated, "C1007"));
}

/// The quarters of Aleppo: at least 100 with their OCHA `N` code and their city.
#[test]
fn city_quarters_with_codes_and_parent_city() {
    let quarters: Vec<&Entity> = g()
        .entities()
        .map(|(_, e)| e)
        .filter(|e| {
            e.country() == "SY" && e.kind() == Kind::Neighbourhood && e.pcode().starts_with('N')
        })
        .collect();
    assert!(quarters.len() >= 100, "{}", quarters.len());
    for q in &quarters {
        let city = g().by_id(q.parent()).map(|id| g().entity(id));
        assert!(
            city.is_some_and(
                |c| c.kind() == Kind::Populated && c.admin_pcodes() == q.admin_pcodes()
            ),
            "{} has no parent city",
            q.id()
        );
    }
    let maqsoud = places_named("الشيخ مقصود");
    assert!(
        maqsoud
            .iter()
            .any(|e| e.kind() == Kind::Neighbourhood && e.pcode() == "N0123")
    );
}
