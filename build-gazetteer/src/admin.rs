//! The OCHA admin backbone (OpenSyria `syria_admin1_3.tsv`): 14 governorates, 62 districts and
//! 272 sub-districts with their P-codes, names and cleaned aliases.
//!
//! Admin units keep their area centroid as their point: the resolver prefers the seat town, which is
//! a separate populated place, so a district is never placed on its town or vice versa.

use std::collections::BTreeMap;
use std::path::Path;

use crate::names;
use makan::{Kind, Point};

use crate::place::Place;
use crate::report::Report;
use crate::sources::{Table, parse_f64};

/// One OCHA admin unit as OpenSyria lists it.
#[derive(Clone, Debug)]
pub struct AdminUnit {
    pub level: u8,
    pub pcode: String,
    pub opensyria_id: String,
    pub name_en: String,
    pub name_ar: String,
    pub aliases_en: Vec<String>,
    pub aliases_ar: Vec<String>,
    pub centroid: Option<Point>,
    pub geonames_id: String,
    pub wikidata_id: String,
    pub iso: String,
}

/// All admin units with lookups by P-code and OpenSyria id.
pub struct AdminTable {
    pub units: Vec<AdminUnit>,
    by_opensyria_id: BTreeMap<String, usize>,
}

impl AdminTable {
    /// Reads `opensyria/syria_admin1_3.tsv`.
    pub fn read(path: &Path, report: &mut Report) -> Result<AdminTable, String> {
        let table = Table::read(path)?;
        for bad in &table.bad_rows {
            report.drop("bad row", || format!("{} ({})", bad.place, bad.reason));
        }
        let col = |name: &str| table.column(name);
        let (level, pcode, parent, os_id) = (
            col("level")?,
            col("ocha_pcode")?,
            col("parent_pcode")?,
            col("opensyria_id")?,
        );
        let (name_en, name_ar, aliases_en, aliases_ar) = (
            col("name_en")?,
            col("name_ar")?,
            col("aliases_en")?,
            col("aliases_ar")?,
        );
        let (lat, lon, gn, wd, iso) = (
            col("lat")?,
            col("lon")?,
            col("geonames_id")?,
            col("wikidata_id")?,
            col("iso3166_2")?,
        );
        let mut units = Vec::new();
        for row in &table.rows {
            let at = table.at(row);
            let level: u8 = row
                .get(level)
                .parse()
                .ok()
                .filter(|l| (1..=3).contains(l))
                .ok_or_else(|| format!("{at}: level `{}` is not 1, 2 or 3", row.get(level)))?;
            let centroid = match (
                parse_f64(row.get(lat), "lat", &at)?,
                parse_f64(row.get(lon), "lon", &at)?,
            ) {
                (Some(lat), Some(lon)) => Some(Point { lat, lon }),
                _ => None,
            };
            let parent_code = row.get(parent);
            let nested = if level == 1 {
                parent_code == "SY"
            } else {
                row.get(pcode).starts_with(parent_code)
            };
            if !nested || row.get(pcode).len() != 2 + 2 * usize::from(level) {
                return Err(format!(
                    "{at}: P-code `{}` does not fit level {level} under `{parent_code}`",
                    row.get(pcode)
                ));
            }
            units.push(AdminUnit {
                level,
                pcode: row.get(pcode).to_string(),
                opensyria_id: row.get(os_id).to_string(),
                name_en: row.get(name_en).to_string(),
                name_ar: row.get(name_ar).to_string(),
                aliases_en: row.list(aliases_en).iter().map(|s| s.to_string()).collect(),
                aliases_ar: row.list(aliases_ar).iter().map(|s| s.to_string()).collect(),
                centroid,
                geonames_id: row.get(gn).to_string(),
                wikidata_id: row.get(wd).to_string(),
                iso: row.get(iso).to_string(),
            });
        }
        units.sort_by(|a, b| a.pcode.cmp(&b.pcode));
        let by_opensyria_id = index(&units, |u| &u.opensyria_id);
        Ok(AdminTable {
            units,
            by_opensyria_id,
        })
    }

    /// The P-code of the unit with this OpenSyria id.
    pub fn pcode_of_opensyria_id(&self, id: &str) -> Option<&str> {
        self.by_opensyria_id
            .get(id)
            .map(|&i| self.units[i].pcode.as_str())
    }

    /// Units of one level.
    pub fn level(&self, level: u8) -> impl Iterator<Item = &AdminUnit> {
        self.units.iter().filter(move |u| u.level == level)
    }

    /// The governorate P-code of a unit or of any P-code below it (`SY0902` → `SY09`).
    pub fn adm1_of(pcode: &str) -> &str {
        pcode.get(..4).unwrap_or("")
    }
}

fn index(units: &[AdminUnit], key: impl Fn(&AdminUnit) -> &String) -> BTreeMap<String, usize> {
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| !key(u).is_empty())
        .map(|(i, u)| (key(u).clone(), i))
        .collect()
}

/// The P-codes of the admin chain of a unit: (adm1, adm2, adm3), empty where not applicable.
pub fn chain(unit: &AdminUnit) -> (String, String, String) {
    let p = &unit.pcode;
    match unit.level {
        1 => (p.clone(), String::new(), String::new()),
        2 => (AdminTable::adm1_of(p).to_string(), p.clone(), String::new()),
        _ => (
            AdminTable::adm1_of(p).to_string(),
            p.get(..6).unwrap_or("").to_string(),
            p.clone(),
        ),
    }
}

/// One place row per admin unit, with junk aliases filtered out and counted.
pub fn admin_places(admin: &AdminTable, report: &mut Report) -> Vec<Place> {
    admin
        .units
        .iter()
        .map(|unit| admin_place(unit, report))
        .collect()
}

fn admin_place(unit: &AdminUnit, report: &mut Report) -> Place {
    let kind = match unit.level {
        1 => Kind::Admin1,
        2 => Kind::Admin2,
        _ => Kind::Admin3,
    };
    let mut place = Place::new(format!("ocha:{}", unit.pcode), kind);
    place.country = "SY".into();
    place.pcode = unit.pcode.clone();
    (place.adm1, place.adm2, place.adm3) = chain(unit);
    place.point = unit.centroid;
    for name in std::iter::once(&unit.name_ar).chain(&unit.aliases_ar) {
        push_admin_arabic(&mut place, unit, name, report);
    }
    for name in std::iter::once(&unit.name_en).chain(&unit.aliases_en) {
        push_admin_latin(&mut place, unit, name, report);
    }
    place.refs.insert(format!("ocha:{}", unit.pcode));
    if !unit.geonames_id.is_empty() {
        place.refs.insert(format!("gn:{}", unit.geonames_id));
    }
    if !unit.wikidata_id.is_empty() {
        place.refs.insert(format!("wd:{}", unit.wikidata_id));
    }
    place
}

fn push_admin_arabic(place: &mut Place, unit: &AdminUnit, raw: &str, report: &mut Report) {
    match names::clean_arabic(raw) {
        // "its centre is X": a description that slipped into the alias list.
        Ok(name) if name.starts_with("مركزها ") => {
            report.drop("admin alias: description, not a name", || {
                format!("{} {name}", unit.pcode)
            });
        }
        Ok(name) => {
            place.names_ar.push(&name);
        }
        Err(why) => report.drop(&format!("admin alias: {}", why.reason()), || {
            format!("{} {raw}", unit.pcode)
        }),
    }
}

fn push_admin_latin(place: &mut Place, unit: &AdminUnit, raw: &str, report: &mut Report) {
    match names::clean_latin(raw) {
        Ok(name) if unit.level > 1 && name.ends_with(" Governorate") => {
            report.drop("admin alias: governorate name on a lower unit", || {
                format!("{} {name}", unit.pcode)
            });
        }
        Ok(name) => {
            place.names_en.push(&name);
        }
        Err(why) => report.drop(&format!("admin alias: {}", why.reason()), || {
            format!("{} {raw}", unit.pcode)
        }),
    }
}

/// The name of a unit's seat town as the unit's Arabic name implies it: `مركز البوكمال` →
/// `البوكمال`, `الميادين` → `الميادين`. Used only to find the town, never given to the unit.
pub fn seat_name(unit: &AdminUnit) -> String {
    let name = names::strip_arabic_marks(&unit.name_ar);
    name.strip_prefix("مركز ").unwrap_or(&name).to_string()
}
