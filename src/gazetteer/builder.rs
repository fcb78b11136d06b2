//! [`GazetteerBuilder`] and the loading of its tables: places and organizations into
//! entities, name frequencies onto the name keys.
//!
//! Every table goes through the same checks, the embedded ones included: only known columns,
//! every row well formed, a point where the kind needs one ([`Kind::needs_point`]), ids
//! unique. All problems of a build are gathered into one error that lists them as
//! `FILE:LINE: reason`. A row of a user table may replace an entity of the same id only when
//! asked ([`GazetteerBuilder::override_existing`]). Names are indexed once every table is
//! read, so a replaced entity leaves no name behind.

use std::collections::HashMap;

use super::embedded;
use super::tsv::{Problems, Row, Table};
use super::{Entity, EntityType, Gazetteer, Kind, Point};
use crate::Error;

/// The columns a places table may have: those of `data/places.tsv`, and `note` for the
/// user's own remarks (read by nobody).
pub(crate) const PLACE_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "class",
    "name_ar",
    "name_en",
    "lat",
    "lon",
    "population",
    "pcode",
    "adm1",
    "adm2",
    "adm3",
    "country",
    "names_ar",
    "names_en",
    "refs",
    "course",
    "note",
];

/// The columns an organizations table may have: those of `data/orgs.tsv`, and `note`.
pub(crate) const ORG_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "name_ar",
    "name_en",
    "names_ar",
    "names_en",
    "country",
    "predecessors",
    "successors",
    "active",
    "refs",
    "curated",
    "note",
];

/// The columns of a name frequency table (`data/name_freq.tsv`).
const FREQUENCY_COLUMNS: &[&str] = &["key", "count", "docs", "syria_docs", "locative", "person"];

/// One table given to the builder.
#[derive(Debug)]
struct Source {
    /// Names the table in errors: the path, or `data/places.tsv` for the embedded ones.
    file: String,
    text: String,
    /// A user's table, not one embedded in the crate: loaded after all embedded ones, and the
    /// only kind whose rows may replace an entity.
    user: bool,
}

/// Builds a [`Gazetteer`] from tables.
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    places: Vec<Source>,
    orgs: Vec<Source>,
    frequencies: Vec<Source>,
    override_existing: bool,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds the tables embedded in the crate (places, organizations, name frequencies). They
    /// are loaded before every user table, whatever the order of the calls.
    pub fn embedded(&mut self) -> &mut GazetteerBuilder {
        let source = |file: &str, text: &str| Source {
            file: file.into(),
            text: text.into(),
            user: false,
        };
        self.places
            .push(source("data/places.tsv", embedded::PLACES));
        self.orgs.push(source("data/orgs.tsv", embedded::ORGS));
        self.frequencies
            .push(source("data/name_freq.tsv", embedded::NAME_FREQ));
        self
    }

    /// Adds a places table (schema of `data/places.tsv`, see `data/README.md`); `file` names
    /// it in errors.
    pub fn places_tsv(&mut self, file: &str, text: &str) -> &mut GazetteerBuilder {
        self.places.push(user_source(file, text));
        self
    }

    /// Adds an organizations table (schema of `data/orgs.tsv`).
    pub fn orgs_tsv(&mut self, file: &str, text: &str) -> &mut GazetteerBuilder {
        self.orgs.push(user_source(file, text));
        self
    }

    /// Adds a name frequency table (schema of `data/name_freq.tsv`).
    pub fn name_frequencies_tsv(&mut self, file: &str, text: &str) -> &mut GazetteerBuilder {
        self.frequencies.push(user_source(file, text));
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

    /// Whether a row of a user table may replace the entity of the same id, from the embedded
    /// tables or an earlier user table (default: no, such a row is an error). The new row
    /// takes the old entity's place ([`EntityId`](super::EntityId)) and all of its data: the
    /// old entity's names no longer lead to it, the new row's names do. A place cannot replace
    /// an organization, nor the other way round.
    pub fn override_existing(&mut self, yes: bool) -> &mut GazetteerBuilder {
        self.override_existing = yes;
        self
    }

    /// Parses every table and indexes the names. The error lists every bad row of every
    /// table (the first 20, then how many more); its
    /// [`location`](Error::location) is the first.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let mut problems = Problems::default();
        let mut entities = Entities::default();
        for user in [false, true] {
            for (tables, ty) in [
                (&self.places, EntityType::Loc),
                (&self.orgs, EntityType::Org),
            ] {
                for source in tables.iter().filter(|s| s.user == user) {
                    let may_replace = user && self.override_existing;
                    load_entities(&mut entities, source, ty, may_replace, &mut problems);
                }
            }
        }
        let mut g = Gazetteer::default();
        for entity in entities.list {
            g.add_entity(entity)
                .expect("ids are unique once the tables are loaded");
        }
        let frequencies = self.frequencies.iter();
        for source in frequencies
            .clone()
            .filter(|s| !s.user)
            .chain(frequencies.filter(|s| s.user))
        {
            load_frequencies(&mut g, source, &mut problems);
        }
        problems.into_result()?;
        Ok(g)
    }
}

fn user_source(file: &str, text: &str) -> Source {
    Source {
        file: file.into(),
        text: text.into(),
        user: true,
    }
}

/// The entities read so far, in gazetteer order, with the row each came from.
#[derive(Default)]
struct Entities<'b> {
    list: Vec<Entity>,
    origin: Vec<(&'b str, usize)>,
    by_id: HashMap<Box<str>, usize>,
}

impl<'b> Entities<'b> {
    /// Adds the entity of `file:line`, or replaces the one of the same id when `may_replace`.
    fn insert(
        &mut self,
        entity: Entity,
        file: &'b str,
        line: usize,
        may_replace: bool,
    ) -> Result<(), String> {
        let Some(&at) = self.by_id.get(&entity.id) else {
            self.by_id.insert(entity.id.clone(), self.list.len());
            self.list.push(entity);
            self.origin.push((file, line));
            return Ok(());
        };
        let (old_file, old_line) = self.origin[at];
        let old_type = self.list[at].entity_type();
        if !may_replace {
            return Err(format!(
                "id `{}` is taken by {old_file}:{old_line}; to replace that entity with this \
                 row, ask for an override (`--override`, `GazetteerBuilder::override_existing`)",
                entity.id
            ));
        }
        if old_type != entity.entity_type() {
            let what = match old_type {
                EntityType::Loc => "a place",
                EntityType::Org => "an organization",
            };
            return Err(format!(
                "id `{}` is {what} ({old_file}:{old_line}); a row of the other type cannot \
                 replace it",
                entity.id
            ));
        }
        self.list[at] = entity;
        self.origin[at] = (file, line);
        Ok(())
    }
}

/// The message for unknown columns in a header.
fn unknown_columns(unknown: &[&str], known: &[&str]) -> String {
    let names: Vec<String> = unknown.iter().map(|c| format!("`{c}`")).collect();
    let s = if unknown.len() == 1 { "" } else { "s" };
    format!(
        "unknown column{s} {} (known columns: {})",
        names.join(", "),
        known.join(", ")
    )
}

/// Reads a places or organizations table (`ty` says which kinds it may hold). Both share one
/// reader; the columns a table lacks (points for organizations, links for places) read empty.
/// Every bad row is reported in `problems`, in line order; good rows are kept.
fn load_entities<'b>(
    entities: &mut Entities<'b>,
    source: &'b Source,
    ty: EntityType,
    may_replace: bool,
    problems: &mut Problems,
) {
    let file = source.file.as_str();
    let Some(table) = Table::read(file, &source.text, problems) else {
        return;
    };
    let (required, known): (&[&str], _) = match ty {
        EntityType::Loc => (
            &["id", "kind", "name_ar", "name_en", "lat", "lon"],
            PLACE_COLUMNS,
        ),
        EntityType::Org => (&["id", "kind", "name_ar", "name_en"], ORG_COLUMNS),
    };
    let unknown = table.unknown_columns(known);
    if !unknown.is_empty() {
        problems.add(file, table.header_line(), unknown_columns(&unknown, known));
    }
    if let Some(missing) = table.missing_column(required) {
        // Every row would fail the same way: the header is the one thing to fix.
        problems.add(
            file,
            table.header_line(),
            format!("missing column `{missing}`"),
        );
        return;
    }
    let mut bad = table.bad_rows().to_vec();
    for row in table.rows() {
        let read = read_entity(&row, ty)
            .and_then(|entity| entities.insert(entity, file, row.line(), may_replace));
        if let Err(reason) = read {
            bad.push((row.line(), reason));
        }
    }
    bad.sort_by_key(|&(line, _)| line);
    for (line, reason) in bad {
        problems.add(file, line, reason);
    }
}

fn boxed_list<'a>(items: impl Iterator<Item = &'a str>) -> Vec<Box<str>> {
    items.map(Box::from).collect()
}

/// One row of a places or organizations table as an entity, or why it is not one.
fn read_entity(row: &Row<'_, '_>, ty: EntityType) -> Result<Entity, String> {
    let kind: Kind = row.get("kind").parse()?;
    if kind.entity_type() != ty {
        let what = match ty {
            EntityType::Loc => "a place",
            EntityType::Org => "an organization",
        };
        return Err(format!("kind `{kind}` is not {what} kind"));
    }
    let point = match (
        row.parse_number::<f64>("lat")?,
        row.parse_number::<f64>("lon")?,
    ) {
        (Some(lat), Some(lon)) => {
            Some(point(lat, lon).ok_or_else(|| format!("lat/lon `{lat}`, `{lon}` out of range"))?)
        }
        (None, None) if kind.needs_point() => {
            return Err(format!(
                "kind `{kind}` needs a point, but lat and lon are empty"
            ));
        }
        (None, None) => None,
        (Some(_), None) => return Err("lat without lon".into()),
        (None, Some(_)) => return Err("lon without lat".into()),
    };
    let course = row
        .list("course")
        .map(|pair| parse_point(pair).ok_or_else(|| format!("course: `{pair}` is not `lat,lon`")))
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
        population: row.parse_number("population")?,
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
    if entity.id.is_empty() {
        return Err("empty id".into());
    }
    if entity.name_ar.is_empty() && entity.name_en.is_empty() {
        return Err(format!(
            "`{}` has neither an Arabic nor an English name",
            entity.id
        ));
    }
    Ok(entity)
}

/// A point in decimal degrees, when in range (NaN is not).
fn point(lat: f64, lon: f64) -> Option<Point> {
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some(Point { lat, lon })
}

/// `lat,lon` in decimal degrees, in range.
fn parse_point(pair: &str) -> Option<Point> {
    let (lat, lon) = pair.split_once(',')?;
    point(lat.trim().parse().ok()?, lon.trim().parse().ok()?)
}

/// The pseudo key whose row in `name_freq.tsv` gives the corpus size in word tokens.
pub const TOKENS_KEY: &str = "@tokens";

fn load_frequencies(g: &mut Gazetteer, source: &Source, problems: &mut Problems) {
    let file = source.file.as_str();
    let Some(table) = Table::read(file, &source.text, problems) else {
        return;
    };
    let unknown = table.unknown_columns(FREQUENCY_COLUMNS);
    if !unknown.is_empty() {
        let message = unknown_columns(&unknown, FREQUENCY_COLUMNS);
        problems.add(file, table.header_line(), message);
    }
    if let Some(missing) = table.missing_column(&["key", "count"]) {
        problems.add(
            file,
            table.header_line(),
            format!("missing column `{missing}`"),
        );
        return;
    }
    let mut bad = table.bad_rows().to_vec();
    for row in table.rows() {
        if let Err(reason) = read_frequency(g, &row) {
            bad.push((row.line(), reason));
        }
    }
    bad.sort_by_key(|&(line, _)| line);
    for (line, reason) in bad {
        problems.add(file, line, reason);
    }
}

/// Puts one frequency row on its name key (rows of keys the gazetteer lacks are skipped).
fn read_frequency(g: &mut Gazetteer, row: &Row<'_, '_>) -> Result<(), String> {
    let key = row.get("key");
    if key == TOKENS_KEY {
        g.corpus_tokens = row.parse_number("count")?.unwrap_or(0);
        g.corpus_docs = (
            row.parse_number("docs")?.unwrap_or(0),
            row.parse_number("syria_docs")?.unwrap_or(0),
        );
        return Ok(());
    }
    let count: u32 = row.parse_number("count")?.ok_or("empty count")?;
    let person = row.parse_number::<u8>("person")?.unwrap_or(0) == 1;
    let (docs, syria_docs, locative) = (
        row.parse_number("docs")?.unwrap_or(0),
        row.parse_number("syria_docs")?.unwrap_or(0),
        row.parse_number("locative")?.unwrap_or(0),
    );
    if let Some(&id) = g.by_key.get(key) {
        let name = &mut g.names[id.index()];
        name.corpus_count = (count > 0).then_some(count);
        name.person = person;
        name.corpus_docs = docs;
        name.syria_docs = syria_docs;
        name.locative = locative;
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
                PLACE_COLUMNS.join(", ")
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
    fn note_column_is_allowed() {
        let noted = "id\tkind\tname_ar\tname_en\tlat\tlon\tnote\nx:1\tpopulated\tقرية\t\t1\t2\tfrom a map\n";
        assert_eq!(places(&[("mine.tsv", noted)], false).unwrap().len(), 1);
    }

    #[test]
    fn embedded_headers_are_the_known_columns() {
        let header =
            |text: &'static str| text.lines().next().unwrap().split('\t').collect::<Vec<_>>();
        let without_note = |known: &[&'static str]| {
            known
                .iter()
                .copied()
                .filter(|c| *c != "note")
                .collect::<Vec<_>>()
        };
        assert_eq!(header(embedded::PLACES), without_note(PLACE_COLUMNS));
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
}
