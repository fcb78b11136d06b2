//! GeoNames: countries, world cities ≥ 15,000 with Arabic names, and Syrian towns ≥ 500 (merged into
//! the WOF places by GeoNames id).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::locate::Locator;
use crate::names;
use makan::{Kind, Point};

use crate::place::Place;
use crate::polygon::Shape;
use crate::report::Report;
use crate::sources::{Table, parse_count, parse_f64, read_json};
use crate::variants::is_stopword;

/// At most this many Latin alternates per city (besides its main name).
const MAX_CITY_LATIN_ALTERNATES: usize = 5;

/// Names WOF gives Syria that are not names of the country (an adjective).
const NOT_COUNTRY_NAMES: [&str; 1] = ["Syrian"];

/// One GeoNames city row.
pub struct City {
    pub at: String,
    pub geonameid: String,
    pub name: String,
    pub country: String,
    pub point: Point,
    pub population: Option<u64>,
    pub names_ar: Vec<String>,
    pub names_latin: Vec<String>,
}

/// Reads a `geonames/*cities*.tsv` file.
pub fn read_cities(path: &Path, report: &mut Report) -> Result<Vec<City>, String> {
    let table = Table::read(path)?;
    for bad in &table.bad_rows {
        report.drop("bad row", || format!("{} ({})", bad.place, bad.reason));
    }
    let col = |n: &str| table.column(n);
    let (id, name, cc, lat, lon, pop, ar, latin) = (
        col("geonameid")?,
        col("name")?,
        col("countrycode")?,
        col("latitude")?,
        col("longitude")?,
        col("population")?,
        col("names_ar")?,
        col("names_latin")?,
    );
    let mut cities = Vec::new();
    for row in &table.rows {
        let at = table.at(row);
        let (Some(la), Some(lo)) = (
            parse_f64(row.get(lat), "latitude", &at)?,
            parse_f64(row.get(lon), "longitude", &at)?,
        ) else {
            report.drop("GeoNames city without a point", || at.clone());
            continue;
        };
        cities.push(City {
            geonameid: row.get(id).to_string(),
            name: row.get(name).to_string(),
            country: row.get(cc).to_string(),
            point: Point { lat: la, lon: lo },
            population: parse_count(row.get(pop), "population", &at)?.filter(|&n| n > 0),
            names_ar: row.list(ar).iter().map(|s| s.to_string()).collect(),
            names_latin: row.list(latin).iter().map(|s| s.to_string()).collect(),
            at,
        });
    }
    Ok(cities)
}

/// Adds a city's Arabic names and its best few Latin alternates to a place.
fn add_city_names(place: &mut Place, city: &City, report: &mut Report) {
    // GeoNames lists Arabic names alphabetically; the one whose consonants best transcribe the
    // main name (then the shortest) goes first, so `لندن` rather than `لأندأن` is London's.
    let english = names::latin_skeleton(&city.name);
    let mut arabic: Vec<(usize, usize, &String)> = city
        .names_ar
        .iter()
        .map(|n| {
            let distance = names::edit_distance(&names::arabic_skeleton(n), &english);
            (distance, n.chars().count(), n)
        })
        .collect();
    arabic.sort();
    for (_, _, raw) in arabic {
        place.add_arabic(raw, report);
    }
    place.add_latin(&city.name, report);
    for alt in best_latin_alternates(city) {
        place.names_en.push(&alt);
    }
}

/// Plain-ASCII, capitalised alternates closest in spelling to the main name: spelling variants
/// (Aleppo / Haleb) rather than other languages' exonyms, and never codes or common words.
fn best_latin_alternates(city: &City) -> Vec<String> {
    let main = makan::fold(&city.name);
    let mut ranked: Vec<(usize, String)> = city
        .names_latin
        .iter()
        .filter(|n| {
            n.chars()
                .all(|c| c.is_ascii_alphabetic() || " -'.".contains(c))
        })
        .filter(|n| n.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|n| n.chars().filter(char::is_ascii_alphabetic).count() >= 4)
        .filter(|n| names::clean_latin(n).is_ok() && !is_stopword(&makan::fold(n)))
        .map(|n| (names::edit_distance(&makan::fold(n), &main), n.clone()))
        .filter(|(d, n)| close_spelling(*d, &makan::fold(n), &main))
        .collect();
    ranked.sort();
    let mut seen = BTreeSet::from([main]);
    ranked
        .into_iter()
        .filter(|(_, n)| seen.insert(makan::fold(n)))
        .take(MAX_CITY_LATIN_ALTERNATES)
        .map(|(_, n)| n)
        .collect()
}

/// An alternate is a spelling of the main name if it is a whole-word part of it (`Bariloche`) or
/// within a quarter of its length in edits — but not a truncation of it (`Damasc`).
fn close_spelling(distance: usize, alt: &str, main: &str) -> bool {
    if main.starts_with(alt) {
        return false;
    }
    main.split(' ').any(|w| w == alt) || distance <= main.len() / 4 + 1
}

/// Merges Syrian GeoNames rows into the WOF place with the same GeoNames id (population where WOF
/// has none, names); rows with no WOF twin become `gn:` places. Returns the new places.
pub fn merge_syrian_cities(
    places: &mut [Place],
    cities: &[City],
    locator: &Locator,
    report: &mut Report,
    source: &str,
) -> Vec<Place> {
    let by_gn: BTreeMap<String, usize> = places
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            p.refs
                .iter()
                .filter(|r| r.starts_with("gn:"))
                .map(move |r| (r.clone(), i))
        })
        .collect();
    let mut new_places = Vec::new();
    for city in cities.iter().filter(|c| c.country == "SY") {
        let gn = format!("gn:{}", city.geonameid);
        if let Some(&i) = by_gn.get(&gn) {
            report.count(
                "GeoNames Syrian rows",
                &format!("{source}: merged into WOF place"),
                1,
            );
            let place = &mut places[i];
            if place.population.is_none() {
                place.population = city.population;
            }
            add_city_names(place, city, report);
            continue;
        }
        let Some(fix) = locator.locate(city.point, &[]) else {
            report.drop("GeoNames Syrian city outside Syria", || city.at.clone());
            continue;
        };
        report.count(
            "GeoNames Syrian rows",
            &format!("{source}: new gn: place"),
            1,
        );
        let mut place = Place::new(gn.clone(), Kind::Populated);
        place.country = "SY".into();
        place.point = Some(city.point);
        place.population = city.population;
        place.adm1 = fix.adm1;
        place.adm2 = fix.adm2;
        place.refs.insert(gn);
        add_city_names(&mut place, city, report);
        new_places.push(place);
    }
    new_places
}

/// World cities (not Syria) with at least one clean Arabic name.
pub fn world_city_places(
    cities: &[City],
    capitals: &BTreeSet<String>,
    report: &mut Report,
) -> Vec<Place> {
    let mut out = Vec::new();
    for city in cities.iter().filter(|c| c.country != "SY") {
        let mut place = Place::new(format!("gn:{}", city.geonameid), Kind::Populated);
        place.country = city.country.clone();
        place.point = Some(city.point);
        place.population = city.population;
        place.refs.insert(place.id.clone());
        if capitals.contains(&city.geonameid) {
            place.class = "PPLC".into();
        }
        add_city_names(&mut place, city, report);
        if place.names_ar.len() == 0 {
            report.drop("world city without a clean Arabic name", || {
                format!("{} {}", place.id, city.name)
            });
            continue;
        }
        out.push(place);
    }
    out
}

/// Countries and the GeoNames ids of their capitals (matched by name among the world cities).
pub struct Countries {
    pub places: Vec<Place>,
    pub capitals: BTreeSet<String>,
}

/// Reads `geonames/countries.tsv`; points come from Natural Earth polygons where we have them,
/// otherwise the capital city's point (documented in data/README.md).
pub fn read_countries(
    path: &Path,
    ne_path: &Path,
    cities: &[City],
    syria_names: &[String],
    report: &mut Report,
) -> Result<Countries, String> {
    let ne_points = natural_earth_points(ne_path)?;
    let table = Table::read(path)?;
    for bad in &table.bad_rows {
        report.drop("bad row", || format!("{} ({})", bad.place, bad.reason));
    }
    let col = |n: &str| table.column(n);
    let (iso, gn, name, ar, en_ne, long_ne, capital, pop) = (
        col("iso")?,
        col("geonameid")?,
        col("name")?,
        col("name_ar_naturalearth")?,
        col("name_en_naturalearth")?,
        col("name_long_naturalearth")?,
        col("capital")?,
        col("population")?,
    );
    let mut places = Vec::new();
    let mut capitals = BTreeSet::new();
    for row in &table.rows {
        let at = table.at(row);
        let code = row.get(iso);
        let mut place = Place::new(format!("iso:{code}"), Kind::Country);
        place.country = code.to_string();
        place.population = parse_count(row.get(pop), "population", &at)?.filter(|&n| n > 0);
        if !row.get(gn).is_empty() {
            place.refs.insert(format!("gn:{}", row.get(gn)));
        }
        place.add_latin(row.get(name), report);
        for raw in [row.get(en_ne), row.get(long_ne)]
            .into_iter()
            .filter(|s| !s.is_empty())
        {
            place.add_latin(raw, report);
        }
        if !row.get(ar).is_empty() {
            place.add_arabic(row.get(ar), report);
        }
        if code == "SY" {
            for raw in syria_names
                .iter()
                .filter(|n| !NOT_COUNTRY_NAMES.contains(&n.as_str()))
            {
                place.add_by_script(raw, report);
            }
        }
        let capital_city = find_capital(cities, code, row.get(capital));
        if let Some(city) = capital_city {
            capitals.insert(city.geonameid.clone());
        }
        place.point = match (ne_points.get(code), capital_city) {
            (Some(&p), _) => {
                report.count("country points", "Natural Earth polygon point", 1);
                Some(p)
            }
            (None, Some(city)) => {
                report.count("country points", "capital city point", 1);
                Some(city.point)
            }
            (None, None) => {
                report.count("country points", "none (no polygon, no capital found)", 1);
                None
            }
        };
        if !place.has_name() {
            report.drop("country without a name", || at.clone());
            continue;
        }
        places.push(place);
    }
    Ok(Countries { places, capitals })
}

fn find_capital<'a>(cities: &'a [City], country: &str, capital: &str) -> Option<&'a City> {
    if capital.is_empty() {
        return None;
    }
    let key = makan::fold(capital);
    cities
        .iter()
        .filter(|c| c.country == country)
        .filter(|c| {
            makan::fold(&c.name) == key || c.names_latin.iter().any(|n| makan::fold(n) == key)
        })
        .max_by_key(|c| {
            (
                c.population.unwrap_or(0),
                std::cmp::Reverse(c.geonameid.clone()),
            )
        })
}

/// A representative point per ISO-2 code from the Natural Earth neighbour polygons.
fn natural_earth_points(path: &Path) -> Result<BTreeMap<String, Point>, String> {
    let doc = read_json(path)?;
    let mut out = BTreeMap::new();
    for (i, feature) in doc["features"].as_array().into_iter().flatten().enumerate() {
        let iso = feature["properties"]["ISO_A2"].as_str().unwrap_or("");
        let shape = Shape::from_geojson(&feature["geometry"])
            .map_err(|e| format!("{} feature #{i}: {e}", path.display()))?;
        if let Some(p) = shape.representative_point() {
            out.insert(iso.to_string(), p);
        }
    }
    Ok(out)
}
