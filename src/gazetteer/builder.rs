//! [`GazetteerBuilder`] and the loading of its tables: places and organizations into
//! entities, name frequencies onto the name keys. Every row is checked; errors name the file
//! and the line.

use super::embedded;
use super::tsv::{self, Table};
use super::{Entity, EntityType, Gazetteer, Kind, Point};
use crate::Error;

/// Builds a [`Gazetteer`] from tables.
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    places: Vec<(String, String)>,
    orgs: Vec<(String, String)>,
    frequencies: Vec<(String, String)>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds the tables embedded in the crate (places, organizations, name frequencies).
    pub fn embedded(&mut self) -> &mut GazetteerBuilder {
        self.places
            .push(("data/places.tsv".into(), embedded::PLACES.into()));
        self.orgs
            .push(("data/orgs.tsv".into(), embedded::ORGS.into()));
        self.frequencies
            .push(("data/name_freq.tsv".into(), embedded::NAME_FREQ.into()));
        self
    }

    /// Adds a places table (schema of `data/places.tsv`); `file` names it in errors.
    pub fn places_tsv(&mut self, file: &str, text: &str) -> &mut GazetteerBuilder {
        self.places.push((file.into(), text.into()));
        self
    }

    /// Adds an organizations table (schema of `data/orgs.tsv`).
    pub fn orgs_tsv(&mut self, file: &str, text: &str) -> &mut GazetteerBuilder {
        self.orgs.push((file.into(), text.into()));
        self
    }

    /// Adds a name frequency table (schema of `data/name_freq.tsv`).
    pub fn name_frequencies_tsv(&mut self, file: &str, text: &str) -> &mut GazetteerBuilder {
        self.frequencies.push((file.into(), text.into()));
        self
    }

    /// Reads a places table from a file.
    pub fn places_file(&mut self, path: &str) -> Result<&mut GazetteerBuilder, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Ok(self.places_tsv(path, &text))
    }

    /// Reads an organizations table from a file.
    pub fn orgs_file(&mut self, path: &str) -> Result<&mut GazetteerBuilder, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Ok(self.orgs_tsv(path, &text))
    }

    /// Parses every table and indexes the names.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut g = Gazetteer::default();
        for (file, text) in &self.places {
            load_entities(&mut g, file, text, EntityType::Loc)?;
        }
        for (file, text) in &self.orgs {
            load_entities(&mut g, file, text, EntityType::Org)?;
        }
        for (file, text) in &self.frequencies {
            load_frequencies(&mut g, file, text)?;
        }
        Ok(g)
    }
}

fn boxed_list<'a>(items: impl Iterator<Item = &'a str>) -> Vec<Box<str>> {
    items.map(Box::from).collect()
}

/// Reads a places or organizations table (`ty` says which kinds it may hold). Both share one
/// schema; the columns a table lacks (points for organizations, links for places) read empty.
fn load_entities(g: &mut Gazetteer, file: &str, text: &str, ty: EntityType) -> Result<(), Error> {
    let table = Table::parse(file, text)?;
    match ty {
        EntityType::Loc => table.require(&["id", "kind", "name_ar", "name_en", "lat", "lon"])?,
        EntityType::Org => table.require(&["id", "kind", "name_ar", "name_en"])?,
    }
    for row in table.rows() {
        let kind: Kind = row.get("kind").parse().map_err(|e: String| row.error(e))?;
        if kind.entity_type() != ty {
            let what = if ty == EntityType::Loc {
                "a place"
            } else {
                "an organization"
            };
            return Err(row.error(format!("kind `{kind}` is not {what} kind")));
        }
        let point = match (row.number::<f64>("lat")?, row.number::<f64>("lon")?) {
            (Some(lat), Some(lon))
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
            {
                Some(Point { lat, lon })
            }
            (None, None) => None,
            _ => return Err(row.error("lat/lon missing or out of range")),
        };
        let course = row
            .list("course")
            .map(|pair| {
                parse_point(pair)
                    .ok_or_else(|| row.error(format!("course: `{pair}` is not `lat,lon`")))
            })
            .collect::<Result<_, _>>()?;
        let entity = Entity {
            id: row.get("id").into(),
            kind,
            class: row.get("class").into(),
            name_ar: row.get("name_ar").into(),
            name_en: row.get("name_en").into(),
            names_ar: boxed_list(row.list("names_ar")),
            names_en: boxed_list(row.list("names_en")),
            point,
            course,
            population: row.number("population")?,
            pcode: row.get("pcode").into(),
            admin: [
                row.get("adm1").into(),
                row.get("adm2").into(),
                row.get("adm3").into(),
            ],
            country: row.get("country").into(),
            refs: boxed_list(row.list("refs")),
            predecessors: boxed_list(row.list("predecessors")),
            successors: boxed_list(row.list("successors")),
            active: row.get("active").into(),
        };
        check_entity(&entity, &row)?;
        if g.add_entity(entity).is_none() {
            return Err(row.error(format!("duplicate id `{}`", row.get("id"))));
        }
    }
    Ok(())
}

/// `lat,lon` in decimal degrees, in range.
fn parse_point(pair: &str) -> Option<Point> {
    let (lat, lon) = pair.split_once(',')?;
    let (lat, lon): (f64, f64) = (lat.trim().parse().ok()?, lon.trim().parse().ok()?);
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some(Point { lat, lon })
}

fn check_entity(entity: &Entity, row: &tsv::Row<'_, '_>) -> Result<(), Error> {
    if entity.id.is_empty() {
        return Err(row.error("empty id"));
    }
    if entity.name_ar.is_empty() && entity.name_en.is_empty() {
        return Err(row.error(format!(
            "`{}` has neither an Arabic nor an English name",
            entity.id
        )));
    }
    Ok(())
}

/// The pseudo key whose row in `name_freq.tsv` gives the corpus size in word tokens.
pub const TOKENS_KEY: &str = "@tokens";

fn load_frequencies(g: &mut Gazetteer, file: &str, text: &str) -> Result<(), Error> {
    let table = Table::parse(file, text)?;
    table.require(&["key", "count"])?;
    for row in table.rows() {
        let key = row.get("key");
        if key == TOKENS_KEY {
            g.corpus_tokens = row.number("count")?.unwrap_or(0);
            g.corpus_docs = (
                row.number("docs")?.unwrap_or(0),
                row.number("syria_docs")?.unwrap_or(0),
            );
            continue;
        }
        let count: u32 = row
            .number("count")?
            .ok_or_else(|| row.error("empty count"))?;
        let person = row.number::<u8>("person")?.unwrap_or(0) == 1;
        if let Some(&id) = g.by_key.get(key) {
            let name = &mut g.names[id.index()];
            name.corpus_count = (count > 0).then_some(count);
            name.person = person;
            name.corpus_docs = row.number("docs")?.unwrap_or(0);
            name.syria_docs = row.number("syria_docs")?.unwrap_or(0);
            name.locative = row.number("locative")?.unwrap_or(0);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
