//! Non-settlement places: the curated named features (rivers, dams, airbases, crossings, camps …),
//! OpenSyria transport points, and the project-curated place rows.

use std::collections::BTreeSet;
use std::path::Path;

use crate::admin::AdminTable;
use crate::locate::Locator;
use makan::{EntityType, Kind, Point};

use crate::place::Place;
use crate::report::Report;
use crate::sources::{Table, parse_count, parse_f64, read_json, split_list};

/// The place kind for a curated feature kind (the feature kind itself becomes the class).
fn feature_kind(kind: &str) -> Option<Kind> {
    Some(match kind {
        "river" | "lake" | "mountain" | "mountain_range" | "plain" | "valley" => Kind::Natural,
        "region" => Kind::Region,
        "dam" | "airport" | "airbase" | "military_base" | "border_crossing" | "oil_field"
        | "gas_field" => Kind::Facility,
        "camp" => Kind::Camp,
        "town" => Kind::Populated,
        _ => return None,
    })
}

/// Reads `features-curated/syria_named_features.tsv`.
pub fn read_features(
    path: &Path,
    locator: &Locator,
    report: &mut Report,
) -> Result<Vec<Place>, String> {
    let table = Table::read(path)?;
    for bad in &table.bad_rows {
        report.drop("bad row", || format!("{} ({})", bad.place, bad.reason));
    }
    let col = |n: &str| table.column(n);
    let (id, ar, en, var_ar, var_en, kind, lat, lon, adm1) = (
        col("feature_id")?,
        col("name_ar")?,
        col("name_en")?,
        col("variants_ar")?,
        col("variants_en")?,
        col("kind")?,
        col("lat")?,
        col("lon")?,
        col("adm1_pcode")?,
    );
    let mut out = Vec::new();
    for row in &table.rows {
        let at = table.at(row);
        let Some(place_kind) = feature_kind(row.get(kind)) else {
            return Err(format!("{at}: unknown feature kind `{}`", row.get(kind)));
        };
        let mut place = Place::new(format!("feat:{}", row.get(id)), place_kind);
        place.class = row.get(kind).to_string();
        place.country = "SY".into();
        for raw in std::iter::once(row.get(ar))
            .chain(row.list(var_ar))
            .filter(|s| !s.is_empty())
        {
            place.add_by_script(raw, report);
        }
        for raw in std::iter::once(row.get(en))
            .chain(row.list(var_en))
            .filter(|s| !s.is_empty())
        {
            place.add_by_script(raw, report);
        }
        if let (Some(la), Some(lo)) = (
            parse_f64(row.get(lat), "lat", &at)?,
            parse_f64(row.get(lon), "lon", &at)?,
        ) {
            place.point = Some(Point { lat: la, lon: lo });
        }
        place.adm1 = row.get(adm1).to_string();
        link_point_feature(&mut place, locator);
        if !place.has_name() {
            report.drop("feature without a usable name", || at.clone());
            continue;
        }
        out.push(place);
    }
    Ok(out)
}

/// Point-like features (towns, camps, facilities) get a district from their point; lines and areas
/// (rivers, ranges, regions) keep only the governorate the table gives.
fn link_point_feature(place: &mut Place, locator: &Locator) {
    if !matches!(place.kind, Kind::Facility | Kind::Camp | Kind::Populated) {
        return;
    }
    let Some(point) = place.point else { return };
    if let Some(fix) = locator.locate(point, &[]) {
        if place.adm1.is_empty() {
            place.adm1 = fix.adm1.clone();
        }
        if fix.adm1 == place.adm1 {
            place.adm2 = fix.adm2;
        }
    }
}

/// Reads `opensyria/transport_locations.json`, skipping records that cite a source whose licence
/// is non-commercial (per `transport_sources.json`).
pub fn read_transport(
    locations: &Path,
    sources: &Path,
    admin: &AdminTable,
    locator: &Locator,
    report: &mut Report,
) -> Result<Vec<Place>, String> {
    let non_commercial = non_commercial_sources(sources)?;
    let doc = read_json(locations)?;
    let items = doc
        .as_array()
        .ok_or_else(|| format!("{}: expected a JSON array", locations.display()))?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{} record #{i}", locations.display());
        let id = item["id"]
            .as_str()
            .ok_or_else(|| format!("{at}: no `id`"))?;
        let cited: Vec<&str> = item["sourceIds"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(
                item["sourceReferences"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|r| &r["sourceId"]),
            )
            .filter_map(|v| v.as_str())
            .collect();
        if let Some(nc) = cited.iter().find(|s| non_commercial.contains(**s)) {
            report.drop("transport record citing a non-commercial source", || {
                format!("{id} ({nc})")
            });
            continue;
        }
        let place =
            transport_place(item, id, admin, locator, report).map_err(|e| format!("{at}: {e}"))?;
        if !place.has_name() {
            report.drop("transport record without a usable name", || id.to_string());
            continue;
        }
        out.push(place);
    }
    report.count("transport points", "shipped", out.len());
    Ok(out)
}

fn non_commercial_sources(path: &Path) -> Result<BTreeSet<String>, String> {
    let doc = read_json(path)?;
    Ok(doc
        .as_array()
        .ok_or_else(|| format!("{}: expected a JSON array", path.display()))?
        .iter()
        .filter(|s| {
            s["license"]
                .as_str()
                .unwrap_or("")
                .to_lowercase()
                .contains("non-commercial")
        })
        .filter_map(|s| s["id"].as_str().map(str::to_string))
        .collect())
}

fn transport_place(
    item: &serde_json::Value,
    id: &str,
    admin: &AdminTable,
    locator: &Locator,
    report: &mut Report,
) -> Result<Place, String> {
    let mut place = Place::new(format!("transport:{id}"), Kind::Facility);
    place.country = "SY".into();
    place.class = item["locationTypes"][0].as_str().unwrap_or("").to_string();
    if let Some(ar) = item["name"]["ar"].as_str() {
        place.add_arabic(ar, report);
    }
    if let Some(en) = item["name"]["en"].as_str() {
        place.add_latin(en, report);
    }
    for alias in item["aliases"].as_array().into_iter().flatten() {
        let value = alias["value"].as_str().unwrap_or("");
        match alias["language"].as_str() {
            Some("ar") => place.add_arabic(value, report),
            _ => place.add_latin(value, report),
        };
    }
    let (lat, lon) = (
        item["coordinates"]["latitude"].as_f64(),
        item["coordinates"]["longitude"].as_f64(),
    );
    match (lat, lon) {
        (Some(lat), Some(lon)) => place.point = Some(Point { lat, lon }),
        _ => return Err("no coordinates".into()),
    }
    let location = &item["administrativeLocation"];
    let code = |key: &str| {
        location[key]
            .as_str()
            .and_then(|os_id| admin.pcode_of_opensyria_id(os_id))
            .unwrap_or("")
            .to_string()
    };
    (place.adm1, place.adm2, place.adm3) = (
        code("governorateId"),
        code("districtId"),
        code("subdistrictId"),
    );
    if place.adm1.is_empty()
        && let Some(fix) = place.point.and_then(|p| locator.locate(p, &[]))
    {
        report.count(
            "transport points",
            "admin link from polygons (record has none)",
            1,
        );
        (place.adm1, place.adm2) = (fix.adm1, fix.adm2);
    }
    let external = &item["externalIds"];
    if let Some(q) = external["wikidata"].as_str() {
        place.refs.insert(format!("wd:{q}"));
    }
    if let Some(g) = external["geonames"].as_str() {
        place.refs.insert(format!("gn:{g}"));
    }
    Ok(place)
}

/// Reads a project-curated table of places in the columns of `curated/places.tsv`
/// (`places.tsv`, `us_states.tsv`; absent file = no rows).
pub fn read_curated_places(path: &Path, report: &mut Report) -> Result<Vec<Place>, String> {
    if !path.exists() {
        report.line(
            "curated",
            format!("{} not present: no curated places", path.display()),
        );
        return Ok(Vec::new());
    }
    let table = Table::read_strict(path)?;
    let col = |n: &str| table.column(n);
    let (id, kind, class, ar, en, names_ar, names_en) = (
        col("id")?,
        col("kind")?,
        col("class")?,
        col("name_ar")?,
        col("name_en")?,
        col("names_ar")?,
        col("names_en")?,
    );
    let (lat, lon, country, adm1, pop) = (
        col("lat")?,
        col("lon")?,
        col("country")?,
        col("adm1")?,
        col("population")?,
    );
    // An optional P-code-like code of a first-level division abroad (`US48`, as the region's
    // units have `TR32`).
    let pcode = table.optional_column("pcode");
    let mut out = Vec::new();
    for row in &table.rows {
        let at = table.at(row);
        let place_id = row.get(id);
        if !place_id.starts_with("curated:") {
            return Err(format!("{at}: id `{place_id}` must start with `curated:`"));
        }
        // A place's kind is a place kind of the schema: `military` names an organization.
        let place_kind = row
            .get(kind)
            .parse::<Kind>()
            .ok()
            .filter(|k| k.entity_type() == EntityType::Loc)
            .ok_or_else(|| format!("{at}: unknown place kind `{}`", row.get(kind)))?;
        let mut place = Place::new(place_id.to_string(), place_kind);
        place.class = row.get(class).to_string();
        add_curated_names(
            &mut place,
            std::iter::once(row.get(ar)).chain(split_list(row.get(names_ar))),
            std::iter::once(row.get(en)).chain(split_list(row.get(names_en))),
            &at,
        )?;
        if let (Some(la), Some(lo)) = (
            parse_f64(row.get(lat), "lat", &at)?,
            parse_f64(row.get(lon), "lon", &at)?,
        ) {
            place.point = Some(Point { lat: la, lon: lo });
        }
        place.country = row.get(country).to_string();
        place.adm1 = row.get(adm1).to_string();
        if let Some(pcode) = pcode {
            place.pcode = row.get(pcode).to_string();
        }
        place.population = parse_count(row.get(pop), "population", &at)?;
        if !place.has_name() {
            return Err(format!("{at}: curated place without a usable name"));
        }
        out.push(place);
    }
    let file = path
        .file_name()
        .map_or(String::new(), |f| f.to_string_lossy().into_owned());
    report.count("curated", &format!("places from curated/{file}"), out.len());
    Ok(out)
}

/// Cleans a curated row's Arabic and Latin names into `place` (empty cells skipped); a name
/// the cleaners reject is an error at `at`, not a dropped name.
fn add_curated_names<'a>(
    place: &mut Place,
    arabic: impl Iterator<Item = &'a str>,
    latin: impl Iterator<Item = &'a str>,
    at: &str,
) -> Result<(), String> {
    for raw in arabic.filter(|s| !s.is_empty()) {
        match crate::names::clean_arabic(raw) {
            Ok(name) => {
                place.names_ar.push(&name);
            }
            Err(why) => return Err(format!("{at}: `{raw}`: {}", why.reason())),
        }
    }
    for raw in latin.filter(|s| !s.is_empty()) {
        match crate::names::clean_latin_curated(raw) {
            Ok(name) => {
                place.names_en.push(&name);
            }
            Err(why) => return Err(format!("{at}: `{raw}`: {}", why.reason())),
        }
    }
    Ok(())
}
