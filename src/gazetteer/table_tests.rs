//! Tests of loading tables into a gazetteer: the rules a user's table is held to (data/README.md,
//! "Your own tables"), each with the error it gives.

use super::embedded;
use super::load::{FREQUENCY_COLUMNS, ORG_COLUMNS, PLACE_COLUMNS, PLACE_KNOWN};
use super::{Gazetteer, Kind, Point};
use crate::Error;

#[test]
fn bad_rows_name_file_and_line() {
    let bad = "id\tkind\tname_ar\tname_en\tlat\tlon\nx:1\tvillage\tقرية\t\t1\t2\n";
    let err = Gazetteer::builder()
        .places_tsv("mine.tsv", bad)
        .build()
        .unwrap_err();
    assert_eq!(err.to_string(), "mine.tsv:2: unknown kind `village`");
    let dup = "id\tkind\tname_ar\tname_en\tlat\tlon\nx:1\tpopulated\tقرية\t\t1\t2\nx:1\tpopulated\tقرية\t\t1\t2\n";
    let err = Gazetteer::builder()
        .places_tsv("mine.tsv", dup)
        .build()
        .unwrap_err();
    assert_eq!(err.location(), Some(("mine.tsv", 3)));
}

#[test]
fn course_column_is_read_and_checked() {
    let header = "id\tkind\tname_ar\tname_en\tlat\tlon\tcourse\n";
    let ok = format!("{header}x:1\tnatural\tنهر\tRiver\t35\t40\t35,40|34.5,40.5\n");
    let g = Gazetteer::builder()
        .places_tsv("r.tsv", &ok)
        .build()
        .unwrap();
    let river = g.entity(g.by_id("x:1").unwrap());
    assert_eq!(
        river.course(),
        [
            Point {
                lat: 35.0,
                lon: 40.0
            },
            Point {
                lat: 34.5,
                lon: 40.5
            }
        ]
    );
    let bad = format!("{header}x:1\tnatural\tنهر\tRiver\t35\t40\t35;40\n");
    let err = Gazetteer::builder()
        .places_tsv("r.tsv", &bad)
        .build()
        .unwrap_err();
    assert_eq!(err.location(), Some(("r.tsv", 2)));
}

const HEADER: &str = "id\tkind\tname_ar\tname_en\tlat\tlon\n";

fn places(tables: &[(&str, &str)], override_existing: bool) -> Result<Gazetteer, Error> {
    let mut builder = Gazetteer::builder();
    builder.override_existing(override_existing);
    for (file, text) in tables {
        builder.places_tsv(file, text);
    }
    builder.build()
}

#[test]
fn unknown_column_is_refused_with_the_known_ones() {
    let typo = "id\tkind\tname_ar\tname_en\tlat\tlon\tpcod\nx:1\tpopulated\tقرية\t\t1\t2\tC1\n";
    let err = places(&[("mine.tsv", typo)], false).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "mine.tsv:1: unknown column `pcod` (known columns: {})",
            PLACE_KNOWN.join(", ")
        )
    );
    assert_eq!(err.location(), Some(("mine.tsv", 1)));
    let orgs = "id\tkind\tname_ar\tname_en\tlat\nO:1\tmedia\tقناة\t\t1\n";
    let err = Gazetteer::builder()
        .orgs_tsv("o.tsv", orgs)
        .build()
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("o.tsv:1: unknown column `lat` (known"),
        "{err}"
    );
}

#[test]
fn trailing_tab_in_the_header_is_an_empty_column() {
    let trailing = "id\tkind\tname_ar\tname_en\tlat\tlon\t\nx:1\tpopulated\tقرية\t\t1\t2\t\n";
    let err = places(&[("mine.tsv", trailing)], false).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("mine.tsv:1: unknown column `` (an empty column name: a stray tab?)"),
        "{err}"
    );
}

#[test]
fn note_column_is_allowed() {
    let noted =
        "id\tkind\tname_ar\tname_en\tlat\tlon\tnote\nx:1\tpopulated\tقرية\t\t1\t2\tfrom a map\n";
    assert_eq!(places(&[("mine.tsv", noted)], false).unwrap().len(), 1);
}

#[test]
fn embedded_headers_are_the_known_columns() {
    let header = |text: &'static str| text.lines().next().unwrap().split('\t').collect::<Vec<_>>();
    let without_note = |known: &[&'static str]| {
        known
            .iter()
            .copied()
            .filter(|c| *c != "note")
            .collect::<Vec<_>>()
    };
    assert_eq!(header(embedded::PLACES), PLACE_COLUMNS);
    assert_eq!(header(embedded::ORGS), without_note(ORG_COLUMNS));
    assert_eq!(header(embedded::NAME_FREQ), FREQUENCY_COLUMNS);
    assert!(Gazetteer::embedded().len() > 20_000);
}

#[test]
fn every_bad_row_is_reported() {
    let bad = format!(
        "{HEADER}x:1\tvillage\tقرية\t\t1\t2\n\
         x:2\tpopulated\tقرية\t\t1\n\
         x:3\tpopulated\tقرية\t\t1\t2\n\
         x:4\tpopulated\tقرية\t\t35,5\t36\n\
         x:5\tarmed_group\tقوات\t\t1\t2\n"
    );
    let err = places(&[("mine.tsv", &bad)], false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "mine.tsv:2: unknown kind `village`\n\
         mine.tsv:3: 5 cells where the header has 6 columns\n\
         mine.tsv:5: column `lat`: `35,5` is not a number\n\
         mine.tsv:6: kind `armed_group` is not a place kind"
    );
    assert_eq!(err.location(), Some(("mine.tsv", 2)));
}

#[test]
fn bad_rows_beyond_twenty_are_counted() {
    let mut bad = HEADER.to_string();
    for i in 0..25 {
        bad.push_str(&format!("x:{i}\tvillage\tقرية\t\t1\t2\n"));
    }
    let text = places(&[("mine.tsv", &bad)], false)
        .unwrap_err()
        .to_string();
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 21);
    assert_eq!(lines[19], "mine.tsv:21: unknown kind `village`");
    assert_eq!(lines[20], "... and 5 more");
}

#[test]
fn comma_separated_table_gets_a_hint() {
    let csv = "id,kind,name_ar,name_en,lat,lon\nx:1,populated,قرية,,1,2\n";
    let err = places(&[("mine.csv", csv)], false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "mine.csv:1: the header has commas but no tab: \
         tables are tab-separated (TSV), not comma-separated"
    );
}

#[test]
fn settlements_need_a_point_regions_do_not() {
    let rows = format!(
        "{HEADER}x:1\tpopulated\tقرية\t\t\t\n\
         x:2\tregion\tالغوطة\t\t\t\n\
         x:3\tcamp\tمخيم\t\t\t\n\
         x:4\tcountry\tبلد\t\t\t\n\
         x:5\tfacility\tمطار\t\t35\t\n"
    );
    let err = places(&[("mine.tsv", &rows)], false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "mine.tsv:2: kind `populated` needs a point, but lat and lon are empty\n\
         mine.tsv:4: kind `camp` needs a point, but lat and lon are empty\n\
         mine.tsv:6: lat without lon"
    );
    let fine = format!("{HEADER}x:2\tregion\tالغوطة\t\t\t\nx:4\tcountry\tبلد\t\t\t\n");
    let g = places(&[("mine.tsv", &fine)], false).unwrap();
    assert_eq!(g.entity(g.by_id("x:2").unwrap()).point(), None);
    assert!(Kind::Neighbourhood.needs_point() && !Kind::Natural.needs_point());
}

#[test]
fn taken_id_is_refused_without_override() {
    let first = format!("{HEADER}x:1\tpopulated\tقرية\tOld\t1\t2\n");
    let second = format!("{HEADER}x:1\tpopulated\tبلدة\tNew\t3\t4\n");
    let err = places(&[("a.tsv", &first), ("b.tsv", &second)], false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "b.tsv:2: id `x:1` is taken by a.tsv:2; to replace that entity with this row, \
         ask for an override (`--override`, `GazetteerBuilder::override_existing`)"
    );
}

#[test]
fn override_replaces_the_entity_and_its_names() {
    let first = format!(
        "{HEADER}x:1\tpopulated\tقرية\tOld Town\t1\t2\n\
         x:2\tpopulated\tقرية\tOther\t5\t6\n"
    );
    let second = "id\tkind\tname_ar\tname_en\tlat\tlon\tpcode\n\
                  x:1\tpopulated\tبلدة\tNew Town\t3\t4\tC1\n";
    let g = places(&[("a.tsv", &first), ("b.tsv", second)], true).unwrap();
    assert_eq!(g.len(), 2);
    let id = g.by_id("x:1").unwrap();
    assert_eq!(g.entity(id).pcode(), "C1");
    assert_eq!(g.entity(id).point(), Some(Point { lat: 3.0, lon: 4.0 }));
    assert_eq!(g.lookup("new town"), [id]);
    assert_eq!(g.lookup("بلدة"), [id]);
    assert!(g.lookup("old town").is_empty());
    assert!(g.find_name("old town").is_none());
    // A name the old entity shared now leads only to the other one.
    assert_eq!(g.lookup("قرية"), [g.by_id("x:2").unwrap()]);
}

#[test]
fn override_replaces_an_embedded_entity() {
    let mine = "id\tkind\tname_ar\tname_en\tlat\tlon\tpcode\tadm1\n\
                gn:167444\tpopulated\tمجدل شمس\tMajdal Shams\t33.27\t35.77\tC9999\tSY14\n";
    let err = Gazetteer::builder()
        .embedded()
        .places_tsv("mine.tsv", mine)
        .build()
        .unwrap_err();
    assert_eq!(err.location(), Some(("mine.tsv", 2)));
    assert!(
        err.to_string().contains("is taken by data/places.tsv:"),
        "{err}"
    );
    let g = Gazetteer::builder()
        .embedded()
        .places_tsv("mine.tsv", mine)
        .override_existing(true)
        .build()
        .unwrap();
    assert_eq!(g.len(), Gazetteer::embedded().len());
    let id = g.by_id("gn:167444").unwrap();
    assert_eq!(g.entity(id).pcode(), "C9999");
    assert!(g.lookup("مجدل شمس").contains(&id));
    assert!(!g.lookup("Majdel Chams").contains(&id));
}

#[test]
fn override_keeps_places_and_organizations_apart() {
    let place = format!("{HEADER}x:1\tpopulated\tقرية\t\t1\t2\n");
    let org = "id\tkind\tname_ar\tname_en\nx:1\tmedia\tقناة\t\n";
    let err = Gazetteer::builder()
        .places_tsv("p.tsv", &place)
        .orgs_tsv("o.tsv", org)
        .override_existing(true)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "o.tsv:2: id `x:1` is a place (p.tsv:2); a row of the other type cannot replace it"
    );
}
