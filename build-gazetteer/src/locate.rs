//! Linking points to OCHA governorates and districts.
//!
//! The polygons are Who's On First regions (= governorates) and counties (= districts). Each WOF
//! unit is mapped to its OCHA P-code once — regions by ISO 3166-2 code, counties by name inside
//! their governorate — and the mapping table is printed in the summary. A point then gets, in
//! order of preference: the county polygon containing it; the region polygon containing it; the
//! WOF parent ids of the record; the nearest county polygon within a tolerance.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::admin::AdminTable;
use makan::Point;

use crate::polygon::Shape;
use crate::report::Report;
use crate::sources::read_json;

/// How far outside every county polygon a point may lie and still be linked to the nearest one:
/// covers the coarse polygon edges along the borders and the occupied Golan (see SOURCE.md).
pub const NEAREST_TOLERANCE_KM: f64 = 25.0;

/// How an admin link was found (printed per method in the summary).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    CountyPolygon,
    RegionPolygon,
    WofParent,
    NearestCounty,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::CountyPolygon => "inside a district (county) polygon",
            Method::RegionPolygon => "inside a governorate polygon only",
            Method::WofParent => "WOF parent ids",
            Method::NearestCounty => "nearest district polygon within tolerance",
        }
    }
}

/// The admin link of a point.
#[derive(Clone, Debug)]
pub struct AdminFix {
    pub adm1: String,
    pub adm2: String,
    pub method: Method,
}

/// One WOF admin polygon and the OCHA unit it stands for.
struct AdminShape {
    pcode: String,
    shape: Shape,
}

/// Point-in-polygon admin linking.
pub struct Locator {
    counties: Vec<AdminShape>,
    regions: Vec<AdminShape>,
    /// WOF id → OCHA P-code, for regions and counties.
    wof_to_pcode: BTreeMap<i64, String>,
}

impl Locator {
    /// Reads the WOF admin polygons and maps each to its OCHA unit.
    pub fn read(path: &Path, admin: &AdminTable, report: &mut Report) -> Result<Locator, String> {
        let doc = read_json(path)?;
        let features = doc["features"]
            .as_array()
            .ok_or_else(|| format!("{}: no `features` array", path.display()))?;
        let Regions {
            mut regions,
            regions_by_wof,
            pending_counties,
        } = read_regions(path, features, admin, report)?;
        let (mut counties, counties_by_wof) =
            map_counties(pending_counties, &regions_by_wof, admin, report);
        let mut wof_to_pcode = regions_by_wof;
        wof_to_pcode.extend(counties_by_wof);
        counties.sort_by(|a, b| a.pcode.cmp(&b.pcode));
        regions.sort_by(|a, b| a.pcode.cmp(&b.pcode));
        Ok(Locator {
            counties,
            regions,
            wof_to_pcode,
        })
    }

    /// The OCHA P-code a WOF region or county id stands for.
    pub fn pcode_of_wof(&self, wof_id: i64) -> Option<&str> {
        self.wof_to_pcode.get(&wof_id).map(String::as_str)
    }

    /// The WOF ids mapped to a P-code (for refs on the admin unit).
    pub fn wof_ids_of(&self, pcode: &str) -> Vec<i64> {
        self.wof_to_pcode
            .iter()
            .filter(|(_, p)| p.as_str() == pcode)
            .map(|(&id, _)| id)
            .collect()
    }

    /// Links a point to a governorate and (usually) a district. `wof_parents` are the record's own
    /// county and region ids, if it is a WOF record.
    pub fn locate(&self, point: Point, wof_parents: &[i64]) -> Option<AdminFix> {
        if let Some(c) = self.counties.iter().find(|c| c.shape.contains(point)) {
            return Some(fix(&c.pcode, Method::CountyPolygon));
        }
        let region = self.regions.iter().find(|r| r.shape.contains(point));
        let parent_codes: Vec<&str> = wof_parents
            .iter()
            .filter_map(|&id| self.pcode_of_wof(id))
            .collect();
        if let Some(r) = region {
            // A WOF parent county inside the same governorate names the district.
            if let Some(&adm2) = parent_codes
                .iter()
                .find(|p| p.len() == 6 && AdminTable::adm1_of(p) == r.pcode)
            {
                return Some(fix(adm2, Method::RegionPolygon));
            }
            return Some(AdminFix {
                adm1: r.pcode.clone(),
                adm2: String::new(),
                method: Method::RegionPolygon,
            });
        }
        if let Some(best) = parent_codes.iter().max_by_key(|p| p.len()) {
            return Some(fix(best, Method::WofParent));
        }
        let (distance, nearest) = self
            .counties
            .iter()
            .map(|c| (c.shape.distance_km(point), c))
            .min_by(|a, b| a.0.total_cmp(&b.0))?;
        (distance <= NEAREST_TOLERANCE_KM).then(|| fix(&nearest.pcode, Method::NearestCounty))
    }

    /// The district P-code whose polygon contains the point, if any.
    pub fn county_at(&self, point: Point) -> Option<&str> {
        self.counties
            .iter()
            .find(|c| c.shape.contains(point))
            .map(|c| c.pcode.as_str())
    }
}

fn fix(pcode: &str, method: Method) -> AdminFix {
    let adm2 = if pcode.len() >= 6 {
        pcode[..6].to_string()
    } else {
        String::new()
    };
    AdminFix {
        adm1: AdminTable::adm1_of(pcode).to_string(),
        adm2,
        method,
    }
}

fn wof_name(props: &serde_json::Value) -> String {
    props["wof:name"].as_str().unwrap_or("").to_string()
}

/// A WOF county polygon waiting for its governorate, which needs every region read first.
type PendingCounty = (i64, serde_json::Value, Shape);

/// The region polygons mapped to governorates, and the county polygons left for later.
struct Regions {
    regions: Vec<AdminShape>,
    /// WOF id → OCHA P-code of the regions.
    regions_by_wof: BTreeMap<i64, String>,
    /// The county polygons, for [`map_counties`].
    pending_counties: Vec<PendingCounty>,
}

/// Reads the region polygons, mapped to governorates by ISO 3166-2 code, and sets the county
/// polygons aside.
fn read_regions(
    path: &Path,
    features: &[serde_json::Value],
    admin: &AdminTable,
    report: &mut Report,
) -> Result<Regions, String> {
    let mut regions_by_wof: BTreeMap<i64, String> = BTreeMap::new();
    let iso_to_adm1: BTreeMap<&str, &str> = admin
        .level(1)
        .map(|u| (u.iso.as_str(), u.pcode.as_str()))
        .collect();
    let mut regions = Vec::new();
    let mut pending_counties = Vec::new();
    for (i, feature) in features.iter().enumerate() {
        let props = &feature["properties"];
        let id = props["wof:id"].as_i64().unwrap_or(-1);
        let at = format!("{} feature #{i} (wof:{id})", path.display());
        let shape = Shape::from_geojson(&feature["geometry"]).map_err(|e| format!("{at}: {e}"))?;
        match props["wof:placetype"].as_str().unwrap_or("") {
            "region" => {
                let iso = props["wof:concordances"]["iso:code"].as_str().unwrap_or("");
                match iso_to_adm1.get(iso) {
                    Some(&pcode) => {
                        regions_by_wof.insert(id, pcode.to_string());
                        report.line(
                            "WOF admin polygon -> OCHA P-code",
                            format!(
                                "region wof:{id} {:<28} iso {iso} -> {pcode}",
                                wof_name(props)
                            ),
                        );
                        regions.push(AdminShape {
                            pcode: pcode.to_string(),
                            shape,
                        });
                    }
                    None => report.drop("WOF admin polygon without OCHA unit", || {
                        format!("wof:{id} {}", wof_name(props))
                    }),
                }
            }
            "county" => pending_counties.push((id, props.clone(), shape)),
            _ => {}
        }
    }
    Ok(Regions {
        regions,
        regions_by_wof,
        pending_counties,
    })
}

/// The county polygons mapped to districts by name inside their governorate (with WOF id ->
/// P-code); reports the districts no polygon stands for.
fn map_counties(
    pending_counties: Vec<PendingCounty>,
    regions_by_wof: &BTreeMap<i64, String>,
    admin: &AdminTable,
    report: &mut Report,
) -> (Vec<AdminShape>, BTreeMap<i64, String>) {
    let mut counties_by_wof = BTreeMap::new();
    let mut counties = Vec::new();
    let mut used = BTreeSet::new();
    for (id, props, shape) in pending_counties {
        let parent = props["wof:parent_id"].as_i64().unwrap_or(-1);
        let adm1 = regions_by_wof.get(&parent).map(String::as_str);
        match match_county(&props, adm1, admin) {
            Ok(pcode) => {
                report.line(
                    "WOF admin polygon -> OCHA P-code",
                    format!("county wof:{id} {:<28} -> {pcode}", wof_name(&props)),
                );
                used.insert(pcode.clone());
                counties_by_wof.insert(id, pcode.clone());
                counties.push(AdminShape { pcode, shape });
            }
            Err(why) => report.drop("WOF admin polygon without OCHA unit", || {
                format!("wof:{id} {} ({why})", wof_name(&props))
            }),
        }
    }
    for unit in admin.level(2).filter(|u| !used.contains(&u.pcode)) {
        report.line(
            "WOF admin polygon -> OCHA P-code",
            format!(
                "OCHA district {} {} has no WOF polygon",
                unit.pcode, unit.name_en
            ),
        );
    }
    (counties, counties_by_wof)
}

/// Finds the one OCHA district whose names or aliases equal one of the WOF county's names, inside
/// the county's governorate when that is known.
fn match_county(
    props: &serde_json::Value,
    adm1: Option<&str>,
    admin: &AdminTable,
) -> Result<String, String> {
    let mut latin = BTreeSet::new();
    let mut arabic = BTreeSet::new();
    latin.insert(makan::fold(props["wof:name"].as_str().unwrap_or("")));
    for n in props["name:eng_x_preferred"]
        .as_array()
        .into_iter()
        .flatten()
    {
        latin.insert(makan::fold(n.as_str().unwrap_or("")));
    }
    for n in props["name:ara_x_preferred"]
        .as_array()
        .into_iter()
        .flatten()
    {
        arabic.insert(district_arabic_key(n.as_str().unwrap_or("")));
    }
    latin.remove("");
    arabic.remove("");
    let found: Vec<&str> = admin
        .level(2)
        .filter(|u| adm1.is_none_or(|a| AdminTable::adm1_of(&u.pcode) == a))
        .filter(|u| {
            let en = std::iter::once(&u.name_en).chain(&u.aliases_en);
            let ar = std::iter::once(&u.name_ar).chain(&u.aliases_ar);
            en.map(|n| makan::fold(n)).any(|k| latin.contains(&k))
                || ar
                    .map(|n| district_arabic_key(n))
                    .any(|k| arabic.contains(&k))
        })
        .map(|u| u.pcode.as_str())
        .collect();
    match found.as_slice() {
        [one] => Ok(one.to_string()),
        [] => Err("no OCHA district with that name".into()),
        many => Err(format!("ambiguous: {}", many.join(","))),
    }
}

fn district_arabic_key(name: &str) -> String {
    let key = makan::fold(name);
    let key = key.strip_prefix("منطقه ").unwrap_or(&key);
    key.strip_prefix("مركز ").unwrap_or(key).to_string()
}
