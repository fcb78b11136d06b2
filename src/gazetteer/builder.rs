//! [`GazetteerBuilder`]: the tables a gazetteer is built from, embedded and the user's, and
//! whether a user's row may replace an entity. Reading them is `load.rs`'s job.

use super::embedded;
use super::load::{self, Entities};
use super::tsv::Problems;
use super::{EntityType, Gazetteer};
use crate::Error;

/// One table given to the builder.
#[derive(Debug)]
pub(super) struct Source {
    /// Names the table in errors: the path, or `data/places.tsv` for the embedded ones.
    pub(super) file: String,
    pub(super) text: String,
    /// A user's table, not one embedded in the crate: loaded after all embedded ones, and the
    /// only kind whose rows may replace an entity.
    pub(super) user: bool,
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
        self.tables(embedded::PLACES, embedded::ORGS, embedded::NAME_FREQ)
    }

    /// A builder over tables that stand in for the embedded ones (the build tool's freshly
    /// written `data/`, for its snapshot).
    pub(crate) fn from_tables(places: &str, orgs: &str, name_freq: &str) -> GazetteerBuilder {
        let mut builder = GazetteerBuilder::new();
        builder.tables(places, orgs, name_freq);
        builder
    }

    /// Adds tables in the embedded tables' place.
    fn tables(&mut self, places: &str, orgs: &str, name_freq: &str) -> &mut GazetteerBuilder {
        let source = |file: &str, text: &str| Source {
            file: file.into(),
            text: text.into(),
            user: false,
        };
        self.places.push(source("data/places.tsv", places));
        self.orgs.push(source("data/orgs.tsv", orgs));
        self.frequencies
            .push(source("data/name_freq.tsv", name_freq));
        self
    }

    /// Adds a places table (schema of `data/places.tsv`, see `data/README.md`); `file` names
    /// it in errors.
    ///
    /// A user's table is held to the rules of the embedded ones: no unknown column, every row
    /// as wide as the header, a point for the kinds that need one ([`Kind::needs_point`](crate::Kind::needs_point)),
    /// numbers that parse, and an id not taken already (unless
    /// [`override_existing`](GazetteerBuilder::override_existing)). [`build`](Self::build)
    /// reports every bad row at once:
    ///
    /// ```
    /// use makan::Gazetteer;
    ///
    /// let mine = "id\tkind\tname_ar\tname_en\tlat\tlon\tpcod\n\
    ///             mine:1\tpopulated\tقرية\tQarya\t\t\tC1\n\
    ///             mine:2\tcamp\tمخيم\tCamp\t35.1\t36,2\t\n";
    /// let err = Gazetteer::builder().places_tsv("mine.tsv", mine).build().unwrap_err();
    /// let text = err.to_string();
    /// let lines: Vec<&str> = text.lines().collect();
    /// assert!(lines[0].starts_with("mine.tsv:1: unknown column `pcod` (known columns: id, kind,"));
    /// assert_eq!(lines[1], "mine.tsv:2: kind `populated` needs a point, but lat and lon are empty");
    /// assert_eq!(lines[2], "mine.tsv:3: column `lon`: `36,2` is not a number");
    /// assert_eq!(err.location(), Some(("mine.tsv", 1)));
    /// ```
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
                    load::entities(&mut entities, source, ty, may_replace, &mut problems);
                }
            }
        }
        let entities = entities.into_list();
        let mut g = Gazetteer::default();
        g.reserve(entities.len());
        for entity in entities {
            g.add_entity(entity)
                .expect("ids are unique once the tables are loaded");
        }
        let frequencies = self.frequencies.iter();
        for source in frequencies
            .clone()
            .filter(|s| !s.user)
            .chain(frequencies.filter(|s| s.user))
        {
            load::frequencies(&mut g, source, &mut problems);
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
