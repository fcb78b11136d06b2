//! Reading places, organizations and name frequencies from tables: the columns each table
//! may have, one row into one entity, and the ids already taken.
//!
//! Every table goes through the same checks, the embedded ones included: only known columns,
//! every row well formed, a point where the kind needs one ([`Kind::needs_point`]), ids
//! unique. Problems are gathered, not returned at the first: the builder reports them all.
//! Entities are collected before any name is indexed, so an entity replaced by a user's row
//! leaves no name behind.

use super::builder::Source;
use super::tsv::{Problems, Row, Table};
use super::{Entity, EntityType, Gazetteer, Kind, List, Point, Text, owned};

/// The columns of a places table, in the order the build tool writes `data/places.tsv`
/// (data/README.md says what each holds). A user's table may use any of them, in any order,
/// and a `note` column of its own.
pub const PLACE_COLUMNS: [&str; 18] = [
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
    "parent",
];

/// A column a user's table may add for its own remarks; nobody reads it.
const NOTE: &str = "note";

/// The columns a places table may have: the schema and `note`.
pub(crate) const PLACE_KNOWN: [&str; 19] = with_note(PLACE_COLUMNS);

/// `columns` and `note`.
const fn with_note<const N: usize, const M: usize>(
    columns: [&'static str; N],
) -> [&'static str; M] {
    let mut out = [NOTE; M];
    let mut i = 0;
    while i < N {
        out[i] = columns[i];
        i += 1;
    }
    out
}

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
pub(crate) const FREQUENCY_COLUMNS: &[&str] = &[
    "key",
    "count",
    "docs",
    "syria_docs",
    "locative",
    "person",
    "informal_count",
    "informal_locative",
];

/// The entities read so far, in gazetteer order, with the row each came from.
#[derive(Default)]
pub(super) struct Entities<'b> {
    list: Vec<Entity>,
    origin: Vec<(&'b str, usize)>,
    by_id: crate::automaton::FastMap<Text, usize>,
}

impl<'b> Entities<'b> {
    /// The entities in gazetteer order.
    pub(super) fn into_list(self) -> Vec<Entity> {
        self.list
    }

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

/// Reports the header's unknown columns and a missing required one; false when a required
/// column is missing: every row would fail the same way, and the header is the one thing to
/// fix.
fn header_is_usable(
    table: &Table<'_>,
    known: &[&str],
    required: &[&str],
    problems: &mut Problems,
) -> bool {
    let (file, line) = (table.file(), table.header_line());
    let unknown = table.unknown_columns(known);
    if !unknown.is_empty() {
        problems.add(file, line, unknown_columns(&unknown, known));
    }
    match table.missing_column(required) {
        Some(missing) => {
            problems.add(file, line, format!("missing column `{missing}`"));
            false
        }
        None => true,
    }
}

/// The message for unknown columns in a header.
fn unknown_columns(unknown: &[&str], known: &[&str]) -> String {
    let names: Vec<String> = unknown
        .iter()
        .map(|c| match *c {
            "" => "`` (an empty column name: a stray tab?)".to_string(),
            c => format!("`{c}`"),
        })
        .collect();
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
pub(super) fn entities<'b>(
    taken: &mut Entities<'b>,
    source: &'b Source,
    ty: EntityType,
    may_replace: bool,
    problems: &mut Problems,
) {
    let file = source.file.as_str();
    let Some(table) = Table::read(file, &source.text, problems) else {
        return;
    };
    let (required, known): (&[&str], &[&str]) = match ty {
        EntityType::Loc => (
            &["id", "kind", "name_ar", "name_en", "lat", "lon"],
            &PLACE_KNOWN,
        ),
        EntityType::Org => (&["id", "kind", "name_ar", "name_en"], ORG_COLUMNS),
    };
    if !header_is_usable(&table, known, required, problems) {
        return;
    }
    let mut bad = table.bad_rows().to_vec();
    for row in table.rows() {
        let read = read_entity(&row, ty)
            .and_then(|entity| taken.insert(entity, file, row.line(), may_replace));
        if let Err(reason) = read {
            bad.push((row.line(), reason));
        }
    }
    bad.sort_by_key(|&(line, _)| line);
    for (line, reason) in bad {
        problems.add(file, line, reason);
    }
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
        id: owned(row.get("id")),
        kind,
        class: owned(row.get("class")),
        name_ar: owned(row.get("name_ar")),
        name_en: owned(row.get("name_en")),
        names_ar: List::from_items(row.list("names_ar")),
        names_en: List::from_items(row.list("names_en")),
        point,
        course,
        population: row.parse_number("population")?,
        pcode: owned(row.get("pcode")),
        admin: [
            owned(row.get("adm1")),
            owned(row.get("adm2")),
            owned(row.get("adm3")),
        ],
        country: owned(row.get("country")),
        refs: List::from_items(row.list("refs")),
        parent: owned(row.get("parent")),
        predecessors: List::from_items(row.list("predecessors")),
        successors: List::from_items(row.list("successors")),
        active: owned(row.get("active")),
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

pub(super) fn frequencies(g: &mut Gazetteer, source: &Source, problems: &mut Problems) {
    let file = source.file.as_str();
    let Some(table) = Table::read(file, &source.text, problems) else {
        return;
    };
    if !header_is_usable(&table, FREQUENCY_COLUMNS, &["key", "count"], problems) {
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
        g.informal_tokens = row.parse_number("informal_count")?.unwrap_or(0);
        return Ok(());
    }
    let count: u32 = row.parse_number("count")?.ok_or("empty count")?;
    let person = row.parse_number::<u8>("person")?.unwrap_or(0) == 1;
    let (docs, syria_docs, locative) = (
        row.parse_number("docs")?.unwrap_or(0),
        row.parse_number("syria_docs")?.unwrap_or(0),
        row.parse_number("locative")?.unwrap_or(0),
    );
    if let Some(&id) = g.keys().get(key) {
        let name = &mut g.names[id.index()];
        name.corpus_count = (count > 0).then_some(count);
        name.person = person;
        name.corpus_docs = docs;
        name.syria_docs = syria_docs;
        name.locative = locative;
        name.informal = (
            row.parse_number("informal_count")?.unwrap_or(0),
            row.parse_number("informal_locative")?.unwrap_or(0),
        );
    }
    Ok(())
}
