//! Who's On First Syria: the point layer (localities, neighbourhoods, the airport campus).
//!
//! Deprecated and superseded records are not shipped; their names are merged into the record that
//! supersedes them. Arabic fields are cleaned (romanisations move to the Latin list), and every
//! point is linked to its governorate and district by [`Locator`].

use std::collections::BTreeMap;
use std::path::Path;

use crate::locate::Locator;
use makan::{Kind, Point};

use crate::place::Place;
use crate::report::Report;
use crate::sources::{Column, Row, Table, parse_count, parse_f64};

/// The WOF layer: places, plus the names WOF gives the country (merged into `iso:SY`).
pub struct WofLayer {
    pub places: Vec<Place>,
    pub country_names: Vec<String>,
}

struct Columns {
    id: Column,
    placetype: Column,
    name: Column,
    name_en: Column,
    name_en_variants: Column,
    name_ar: Column,
    name_ar_variants: Column,
    lat: Column,
    lon: Column,
    lbl_lat: Column,
    lbl_lon: Column,
    region_id: Column,
    county_id: Column,
    geonames_id: Column,
    fcode: Column,
    wikidata: Column,
    population: Column,
    deprecated: Column,
    superseded_by: Column,
}

impl Columns {
    fn of(t: &Table) -> Result<Columns, String> {
        Ok(Columns {
            id: t.column("wof_id")?,
            placetype: t.column("placetype")?,
            name: t.column("name")?,
            name_en: t.column("name_en")?,
            name_en_variants: t.column("name_en_variants")?,
            name_ar: t.column("name_ar")?,
            name_ar_variants: t.column("name_ar_variants")?,
            lat: t.column("lat")?,
            lon: t.column("lon")?,
            lbl_lat: t.column("lbl_lat")?,
            lbl_lon: t.column("lbl_lon")?,
            region_id: t.column("region_id")?,
            county_id: t.column("county_id")?,
            geonames_id: t.column("geonames_id")?,
            fcode: t.column("geonames_fcode")?,
            wikidata: t.column("wikidata_id")?,
            population: t.column("population")?,
            deprecated: t.column("deprecated")?,
            superseded_by: t.column("superseded_by")?,
        })
    }
}

/// Reads `wof/syria_wof_places.tsv`.
pub fn read_wof(path: &Path, locator: &Locator, report: &mut Report) -> Result<WofLayer, String> {
    let table = Table::read(path)?;
    for bad in &table.bad_rows {
        report.drop("bad row", || format!("{} ({})", bad.place, bad.reason));
    }
    let c = Columns::of(&table)?;
    let mut places: BTreeMap<String, Place> = BTreeMap::new();
    let mut superseded: Vec<(&Row, String)> = Vec::new();
    let mut country_names = Vec::new();
    for row in &table.rows {
        let kind = match row.get(c.placetype) {
            "locality" => Kind::Populated,
            "neighbourhood" => Kind::Neighbourhood,
            "campus" => Kind::Facility,
            "country" => {
                country_names.extend(
                    [c.name_ar, c.name_ar_variants, c.name_en_variants]
                        .iter()
                        .flat_map(|&col| row.list(col))
                        .map(str::to_string),
                );
                continue;
            }
            // Regions and counties are the OCHA admin units (see locate.rs).
            _ => continue,
        };
        let id = format!("wof:{}", row.get(c.id));
        if !row.get(c.deprecated).is_empty() || !row.get(c.superseded_by).is_empty() {
            superseded.push((row, format!("wof:{}", row.get(c.superseded_by))));
            continue;
        }
        let at = table.at(row);
        let mut place = Place::new(id, kind);
        place.country = "SY".into();
        place.class = match kind {
            Kind::Facility => "airport".into(),
            _ => row.get(c.fcode).to_string(),
        };
        add_names(&mut place, row, &c, report);
        if !place.has_name() {
            report.drop("WOF record without a usable name", || {
                format!("{at} {}", place.id)
            });
            continue;
        }
        place.point = point_of(row, &c, &at)?;
        place.population =
            parse_count(row.get(c.population), "population", &at)?.filter(|&n| n > 0);
        add_refs(&mut place, row, &c);
        let Some(point) = place.point else {
            report.drop("WOF record without a point", || {
                format!("{at} {}", place.id)
            });
            continue;
        };
        let parents: Vec<i64> = [c.county_id, c.region_id]
            .iter()
            .filter_map(|&col| row.get(col).parse().ok())
            .collect();
        match locator.locate(point, &parents) {
            Some(fix) => {
                report.count("admin link of WOF places", fix.method.as_str(), 1);
                place.adm1 = fix.adm1;
                place.adm2 = fix.adm2;
            }
            None => {
                report.drop("WOF place outside Syria beyond tolerance", || {
                    format!("{at} {} {}", place.id, place.names_en.preferred())
                });
                continue;
            }
        }
        places.insert(place.id.clone(), place);
    }
    merge_superseded(&mut places, &superseded, &c, report);
    Ok(WofLayer {
        places: places.into_values().collect(),
        country_names,
    })
}

fn add_names(place: &mut Place, row: &Row, c: &Columns, report: &mut Report) {
    for raw in std::iter::once(row.get(c.name_ar)).chain(row.list(c.name_ar_variants)) {
        if !raw.is_empty() {
            place.add_by_script(raw, report);
        }
    }
    for raw in [row.get(c.name_en), row.get(c.name)]
        .into_iter()
        .chain(row.list(c.name_en_variants))
    {
        if !raw.is_empty() {
            place.add_by_script(raw, report);
        }
    }
}

fn point_of(row: &Row, c: &Columns, at: &str) -> Result<Option<Point>, String> {
    // The label point, where WOF has one, is GeoNames' town centre; the geometry point of a few
    // big cities is a polygon centroid.
    for (lat, lon) in [(c.lbl_lat, c.lbl_lon), (c.lat, c.lon)] {
        if let (Some(lat), Some(lon)) = (
            parse_f64(row.get(lat), "lat", at)?,
            parse_f64(row.get(lon), "lon", at)?,
        ) {
            return Ok(Some(Point { lat, lon }));
        }
    }
    Ok(None)
}

fn add_refs(place: &mut Place, row: &Row, c: &Columns) {
    place.refs.insert(place.id.clone());
    let gn = row.get(c.geonames_id);
    if !gn.is_empty() && gn != "0" {
        place.refs.insert(format!("gn:{gn}"));
    }
    let wd = row.get(c.wikidata);
    if !wd.is_empty() {
        place.refs.insert(format!("wd:{wd}"));
    }
}

/// Superseded records are dropped; their names go to the superseding record when it is shipped.
fn merge_superseded(
    places: &mut BTreeMap<String, Place>,
    superseded: &[(&Row, String)],
    c: &Columns,
    report: &mut Report,
) {
    for (row, target) in superseded {
        let old_id = format!("wof:{}", row.get(c.id));
        match places.get_mut(target) {
            Some(place) => {
                report.count(
                    "WOF deprecated/superseded",
                    "names merged into superseding record",
                    1,
                );
                add_names(place, row, c, report);
                place.refs.insert(old_id);
            }
            None => report.drop("WOF deprecated, no shipped successor", || old_id.clone()),
        }
    }
}
