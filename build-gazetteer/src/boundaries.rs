//! `data/boundaries.tsv`: the outlines `makan map` draws — Syria's 14 governorates (Who's On
//! First polygons) and the neighbouring countries (Natural Earth), simplified and rounded so
//! the file stays a few tens of KB.
//!
//! Each outline is joined to its gazetteer row, whose id, P-code and preferred names it
//! carries: a governorate through the `wof:` ref of its `admin1` row, a country through its
//! `iso:` id. Syria itself is not written: its governorates tile it.

use std::fmt::Write as _;
use std::path::Path;

use makan::Kind;
use serde_json::Value;

use crate::place::Place;
use crate::report::Report;
use crate::simplify::{Plane, clip_ring, simplify_areas};
use crate::sources::read_json;

/// Columns of `boundaries.tsv`.
const COLUMNS: [&str; 6] = ["id", "kind", "pcode", "name_ar", "name_en", "rings"];

/// Largest distance (km) a dropped vertex of a governorate may lie from the simplified border:
/// under a pixel on a map of Syria 1000 pixels wide (about 0.8 km per pixel).
const GOVERNORATE_TOLERANCE_KM: f64 = 0.8;
/// The neighbours are context, drawn in grey: a coarser tolerance.
const COUNTRY_TOLERANCE_KM: f64 = 2.0;
/// Neighbouring countries are clipped to this box (lon, lat): Syria (35.7–42.4 E, 32.3–37.3 N)
/// with a margin wider than any frame `makan map` draws, so the clipped edges never show.
const CLIP_MIN: (f64, f64) = (31.0, 29.0);
const CLIP_MAX: (f64, f64) = (48.0, 40.5);
/// The latitude of the flat projection the tolerance is measured in (middle of Syria).
const REFERENCE_LATITUDE: f64 = 35.0;

/// One outline to write.
struct Outline<'a> {
    place: &'a Place,
    rings: Vec<Vec<(f64, f64)>>,
}

/// Reads the boundary sources, simplifies them and renders `boundaries.tsv`.
pub fn build(dir: &Path, places: &[Place], report: &mut Report) -> Result<String, String> {
    let plane = Plane::at_latitude(REFERENCE_LATITUDE);
    let mut governorates = governorate_outlines(dir, places, report)?;
    let mut countries = country_outlines(dir, places, report)?;
    governorates.sort_by(|a, b| a.place.id.cmp(&b.place.id));
    countries.sort_by(|a, b| a.place.id.cmp(&b.place.id));
    let mut out = COLUMNS.join("\t");
    out.push('\n');
    let mut vertices = 0;
    for (outlines, tolerance) in [
        (&governorates, GOVERNORATE_TOLERANCE_KM),
        (&countries, COUNTRY_TOLERANCE_KM),
    ] {
        let areas: Vec<_> = outlines.iter().map(|o| o.rings.clone()).collect();
        for (outline, rings) in outlines
            .iter()
            .zip(simplify_areas(&areas, tolerance, plane))
        {
            let rings: Vec<String> = rings
                .iter()
                .map(|ring| rounded_ring(ring))
                .filter(|ring| ring.len() >= 3)
                .map(|ring| {
                    vertices += ring.len();
                    ring.join(" ")
                })
                .collect();
            let p = outline.place;
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                p.id,
                p.kind.name(),
                p.pcode,
                p.names_ar.preferred(),
                p.names_en.preferred(),
                rings.join("|")
            )
            .expect("writing to a String");
        }
    }
    report.line(
        "boundaries",
        format!(
            "{} governorates, {} neighbouring countries, {vertices} vertices, {} bytes",
            governorates.len(),
            countries.len(),
            out.len()
        ),
    );
    Ok(out)
}

/// The governorates' outlines, from the WOF regions that a governorate of `places` refers to.
fn governorate_outlines<'p>(
    dir: &Path,
    places: &'p [Place],
    report: &mut Report,
) -> Result<Vec<Outline<'p>>, String> {
    let wof_path = dir.join("syria_wof_admin_polygons.geojson");
    let mut governorates = Vec::new();
    for feature in features(&wof_path)? {
        let props = &feature["properties"];
        if props["wof:placetype"] != "region" {
            continue;
        }
        let wof_id = props["wof:id"].as_i64().unwrap_or_default();
        let wof_ref = format!("wof:{wof_id}");
        let place = places
            .iter()
            .find(|p| p.kind == Kind::Admin1 && p.refs.contains(&wof_ref));
        match place {
            Some(place) => governorates.push(Outline {
                place,
                rings: rings(&feature["geometry"])
                    .map_err(|e| format!("{}: {wof_ref}: {e}", wof_path.display()))?,
            }),
            None => report.drop("boundary: WOF region with no governorate", || {
                format!("{wof_ref} {}", props["wof:name"])
            }),
        }
    }
    Ok(governorates)
}

/// The neighbouring countries' outlines (Natural Earth), clipped to the map's box.
fn country_outlines<'p>(
    dir: &Path,
    places: &'p [Place],
    report: &mut Report,
) -> Result<Vec<Outline<'p>>, String> {
    let ne_path = dir.join("ne10m_admin0_syria_region_deu.geojson");
    let mut countries = Vec::new();
    for feature in features(&ne_path)? {
        let iso = feature["properties"]["ISO_A2"].as_str().unwrap_or_default();
        if iso == "SY" {
            continue;
        }
        let id = format!("iso:{iso}");
        let Some(place) = places.iter().find(|p| p.id == id) else {
            report.drop("boundary: country not in the gazetteer", || id.clone());
            continue;
        };
        let rings: Vec<Vec<(f64, f64)>> = rings(&feature["geometry"])
            .map_err(|e| format!("{}: {id}: {e}", ne_path.display()))?
            .iter()
            .map(|ring| clip_ring(ring, CLIP_MIN, CLIP_MAX))
            .filter(|ring| ring.len() >= 3)
            .collect();
        if rings.is_empty() {
            report.drop("boundary: country outside the map's box", || id.clone());
            continue;
        }
        countries.push(Outline { place, rings });
    }
    Ok(countries)
}

fn features(path: &Path) -> Result<Vec<Value>, String> {
    match read_json(path)?.get_mut("features").map(Value::take) {
        Some(Value::Array(features)) => Ok(features),
        _ => Err(format!("{}: no `features` array", path.display())),
    }
}

/// Every ring (outer rings and holes alike) of a Polygon or MultiPolygon: an even-odd fill
/// draws them right without knowing which is which.
fn rings(geometry: &Value) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let polygons = match geometry["type"].as_str() {
        Some("Polygon") => vec![&geometry["coordinates"]],
        Some("MultiPolygon") => geometry["coordinates"]
            .as_array()
            .ok_or("MultiPolygon without coordinates")?
            .iter()
            .collect(),
        other => return Err(format!("geometry {other:?} is not a polygon")),
    };
    let mut out = Vec::new();
    for polygon in polygons {
        for ring in polygon.as_array().ok_or("polygon is not a list of rings")? {
            let ring = ring
                .as_array()
                .ok_or("ring is not a list of positions")?
                .iter()
                .map(|p| match (p[0].as_f64(), p[1].as_f64()) {
                    (Some(lon), Some(lat)) => Ok((lon, lat)),
                    _ => Err(format!("bad position {p}")),
                })
                .collect::<Result<Vec<_>, _>>()?;
            out.push(ring);
        }
    }
    Ok(out)
}

/// `lon,lat` with 3 decimals (about 100 m, an eighth of a pixel), repeated points dropped.
fn rounded_ring(ring: &[(f64, f64)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(ring.len());
    for &(lon, lat) in ring {
        let point = format!("{lon:.3},{lat:.3}");
        if out.last() != Some(&point) {
            out.push(point);
        }
    }
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}
