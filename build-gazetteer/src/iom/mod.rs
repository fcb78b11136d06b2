//! The IOM DTM location list: OCHA community codes (C-codes), sub-districts, and OSM points for the
//! rows a third party matched to OpenStreetMap.
//!
//! It does three jobs: (a) gives a WOF place its sub-district and community code when the English
//! names match one-to-one inside a district; (b) serves as labelled samples for a nearest-neighbour
//! sub-district of the other places; (c) adds the communities no other source has (محكان).
//!
//! This module owns reading the list ([`read_iom`]); [`matching`] does (a) and (b), [`added`] does
//! (c).

mod added;
mod matching;

use std::path::Path;

use makan::Point;

use crate::report::Report;
use crate::sources::{Table, parse_count, parse_f64};

pub use added::iom_only_places;
pub use matching::assign_subdistricts;

/// An IOM-only community is a duplicate if a place with the same Arabic name lies this close.
const SAME_NAME_RADIUS_KM: f64 = 2.0;

/// One IOM location.
pub struct IomLocation {
    pub at: String,
    pub pcode: String,
    pub is_neighbourhood: bool,
    pub name_en: String,
    pub adm1: String,
    pub adm2: String,
    pub adm3: String,
    pub osm_id: String,
    pub osm_name: String,
    pub osm_name_en: String,
    /// Only for rows whose OSM match was accepted.
    pub point: Option<Point>,
    pub population: Option<u64>,
}

/// Reads `iom-dtm-locations-2026/iom_dtm_locations_2026.tsv`.
pub fn read_iom(path: &Path, report: &mut Report) -> Result<Vec<IomLocation>, String> {
    let table = Table::read(path)?;
    for bad in &table.bad_rows {
        report.drop("bad row", || format!("{} ({})", bad.place, bad.reason));
    }
    let col = |n: &str| table.column(n);
    let (pcode, kind, name, adm1, adm2, adm3) = (
        col("location_pcode")?,
        col("location_kind")?,
        col("location_name_en")?,
        col("adm1_pcode")?,
        col("adm2_pcode")?,
        col("adm3_pcode")?,
    );
    let (osm_id, osm_name, osm_name_en, lat, lon, decision, pop) = (
        col("osm_id")?,
        col("osm_name")?,
        col("osm_name_en")?,
        col("lat")?,
        col("lon")?,
        col("match_decision")?,
        col("total_population")?,
    );
    let mut out = Vec::new();
    for row in &table.rows {
        let at = table.at(row);
        let accepted = row.get(decision) == "Accepted";
        let point = match (
            parse_f64(row.get(lat), "lat", &at)?,
            parse_f64(row.get(lon), "lon", &at)?,
        ) {
            (Some(lat), Some(lon)) if accepted => Some(Point { lat, lon }),
            _ => None,
        };
        out.push(IomLocation {
            pcode: row.get(pcode).to_string(),
            is_neighbourhood: row.get(kind) == "neighbourhood",
            name_en: row.get(name).trim_end_matches(" (ne)").to_string(),
            adm1: row.get(adm1).to_string(),
            adm2: row.get(adm2).to_string(),
            adm3: row.get(adm3).to_string(),
            osm_id: if accepted {
                row.get(osm_id).to_string()
            } else {
                String::new()
            },
            osm_name: if accepted {
                row.get(osm_name).to_string()
            } else {
                String::new()
            },
            osm_name_en: if accepted {
                row.get(osm_name_en).to_string()
            } else {
                String::new()
            },
            point,
            population: if accepted {
                parse_count(row.get(pop), "total_population", &at)?
            } else {
                None
            },
            at,
        });
    }
    Ok(out)
}

/// A loose Arabic key for "same name" tests: folded, article and spaces dropped.
fn loose_arabic_key(name: &str) -> String {
    let key = makan::fold(name).replace(' ', "");
    key.strip_prefix("ال")
        .filter(|k| k.chars().count() >= 2)
        .unwrap_or(&key)
        .to_string()
}
