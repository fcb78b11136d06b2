//! Entities and name keys: the ids that index them and the accessors callers read them by.
//!
//! Both are built only by the gazetteer (`mod.rs` indexes names, `builder.rs` reads rows), so
//! their fields are visible to the `gazetteer` module and nowhere else.

use std::borrow::Cow;

use super::{EntityType, Kind, Point};

/// A string of the gazetteer: borrowed from the embedded snapshot, or owned when read from a
/// table.
pub(crate) type Text = Cow<'static, str>;

/// An owned copy of `s`, for strings read from tables.
pub(crate) fn owned(s: &str) -> Text {
    Cow::Owned(s.to_owned())
}

/// Index of an entity in its [`Gazetteer`](super::Gazetteer).
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub struct EntityId(pub(super) u32);

/// Index of a name key in its [`Gazetteer`](super::Gazetteer).
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub struct NameId(pub(super) u32);

impl EntityId {
    /// No entity: fills unused slots of fixed-size tables.
    pub(crate) const NONE: EntityId = EntityId(u32::MAX);

    /// The dense index, for callers that keep per-entity tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl NameId {
    /// The dense index, for callers that keep per-name tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The id of the name at a dense index (for tables that store ids as numbers).
    pub(crate) fn from_index(index: u32) -> NameId {
        NameId(index)
    }
}

/// The stored strings of an entity that records show (see [`Entity::texts`]).
#[derive(Clone, Copy)]
pub(crate) struct EntityTexts<'e> {
    pub(crate) id: &'e Text,
    pub(crate) name_ar: &'e Text,
    pub(crate) name_en: &'e Text,
    pub(crate) pcode: &'e Text,
    pub(crate) admin: &'e [Text; 3],
    pub(crate) country: &'e Text,
}

/// A place or an organization.
#[derive(Clone, Debug)]
pub struct Entity {
    pub(super) id: Text,
    pub(super) kind: Kind,
    pub(super) class: Text,
    pub(super) name_ar: Text,
    pub(super) name_en: Text,
    pub(super) names_ar: List,
    pub(super) names_en: List,
    pub(super) point: Option<Point>,
    pub(super) course: Box<[Point]>,
    pub(super) population: Option<u64>,
    pub(super) pcode: Text,
    pub(super) admin: [Text; 3],
    pub(super) country: Text,
    pub(super) refs: List,
    pub(super) parent: Text,
    pub(super) predecessors: List,
    pub(super) successors: List,
    pub(super) active: Text,
}

impl Entity {
    /// The id, name and code strings as stored, for records that keep them without a copy
    /// (borrowed from the embedded snapshot; owned for a user's table).
    pub(crate) fn texts(&self) -> EntityTexts<'_> {
        EntityTexts {
            id: &self.id,
            name_ar: &self.name_ar,
            name_en: &self.name_en,
            pcode: &self.pcode,
            admin: &self.admin,
            country: &self.country,
        }
    }

    /// The stable id (`wof:890449891`, `ocha:SY0902`, `iso:SY`, `org:islamic-state`...).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The kind.
    pub fn kind(&self) -> Kind {
        self.kind
    }
    /// Place or organization.
    pub fn entity_type(&self) -> EntityType {
        self.kind.entity_type()
    }
    /// A finer class: GeoNames feature code for settlements (PPLA, PPL...), feature type for
    /// natural features and facilities (river, airbase...); may be empty.
    pub fn class(&self) -> &str {
        &self.class
    }
    /// The preferred Arabic name (may be empty).
    pub fn name_ar(&self) -> &str {
        &self.name_ar
    }
    /// The preferred English name (may be empty).
    pub fn name_en(&self) -> &str {
        &self.name_en
    }
    /// Other Arabic names and variants.
    pub fn names_ar(&self) -> impl Iterator<Item = &str> {
        self.names_ar.iter()
    }
    /// Other Latin-script names and variants.
    pub fn names_en(&self) -> impl Iterator<Item = &str> {
        self.names_en.iter()
    }
    /// The point (places only).
    pub fn point(&self) -> Option<Point> {
        self.point
    }
    /// For a river: points along it, in order; empty for other places. The resolver places a mention of such a feature on the stretch its
    /// document is about ([`Resolution::point`](crate::Resolution::point)).
    pub fn course(&self) -> &[Point] {
        &self.course
    }
    /// The population, where a source gives it.
    pub fn population(&self) -> Option<u64> {
        self.population
    }
    /// The entity's own OCHA P-code (`SY0902`, `C5194`), or "".
    pub fn pcode(&self) -> &str {
        &self.pcode
    }
    /// P-codes of the admin chain: governorate, district, sub-district ("" where unknown).
    pub fn admin_pcodes(&self) -> [&str; 3] {
        [&self.admin[0], &self.admin[1], &self.admin[2]]
    }
    /// ISO 3166-1 alpha-2 code of the country it is in or belongs to, or "".
    pub fn country(&self) -> &str {
        &self.country
    }
    /// Ids of the same entity in the sources (`gn:170654`, `wd:Q...`, `ucdp:...`).
    pub fn refs(&self) -> impl Iterator<Item = &str> {
        self.refs.iter()
    }
    /// The id of the place this one lies in when it is part of it (a city quarter's city), or "".
    pub fn parent(&self) -> &str {
        &self.parent
    }
    /// Ids of the organizations this one continues (organizations only).
    pub fn predecessors(&self) -> impl Iterator<Item = &str> {
        self.predecessors.iter()
    }
    /// Ids of the organizations that continued this one (organizations only).
    pub fn successors(&self) -> impl Iterator<Item = &str> {
        self.successors.iter()
    }
    /// The period an organization was active (`2012-2017`), or "".
    pub fn active(&self) -> &str {
        &self.active
    }
    /// The best display name: Arabic when `arabic`, else English, falling back to the other.
    pub fn display_name(&self, arabic: bool) -> &str {
        let (first, second) = if arabic {
            (&self.name_ar, &self.name_en)
        } else {
            (&self.name_en, &self.name_ar)
        };
        if first.is_empty() { second } else { first }
    }
}

/// A folded name key and the entities it can mean.
#[derive(Clone, Debug)]
pub struct Name {
    pub(super) key: Text,
    pub(super) entities: EntityIds,
    /// Upper-case acronyms (`SDF`, `IS`) match only as written; empty when any form of the key
    /// is an ordinary word.
    pub(super) acronym_forms: Vec<Text>,
    /// Every name that folds to the key begins with a capital (`Seoul`, `Soul`): in text that
    /// writes capitals, the key in lower case ("a caring soul") is a word, not this name.
    pub(super) capitalised: bool,
    pub(super) letters: u32,
    pub(super) corpus_count: Option<u32>,
    pub(super) corpus_docs: u32,
    pub(super) syria_docs: u32,
    pub(super) locative: u32,
    pub(super) person: bool,
    /// Occurrences in the informal corpus, and how many of them stand where places stand.
    pub(super) informal: (u32, u32),
}

impl Name {
    /// The folded key.
    pub fn key(&self) -> &str {
        &self.key
    }
    /// The entities this name can mean, in gazetteer order.
    pub fn entities(&self) -> &[EntityId] {
        self.entities.as_slice()
    }
    /// How many letters and digits the key has.
    pub fn letters(&self) -> usize {
        self.letters as usize
    }
    /// How often the key occurs as a whole word (after proclitics) in the reference news
    /// corpus, when the gazetteer has frequency numbers for it.
    pub fn corpus_count(&self) -> Option<u32> {
        self.corpus_count
    }
    /// In how many corpus documents the key occurs, and in how many of those the document
    /// also names Syria or a Syrian governorate. A place name's documents are mostly about
    /// Syria; an ordinary word's are spread like the corpus.
    pub fn corpus_docs(&self) -> (u32, u32) {
        (self.corpus_docs, self.syria_docs)
    }

    /// How many corpus occurrences stand where places stand (after في، من، إلى، مدينة... or
    /// a glued ب/ل): most occurrences of a place name, few of a person's name or a word.
    pub fn corpus_locative(&self) -> u32 {
        self.locative
    }

    /// How often the key occurs in the informal reference corpus (social-media posts, where
    /// dialect and headline words such as سيول "floods" or عاجل "urgent" abound), and how many
    /// of those occurrences stand where places stand; `(0, 0)` when unknown.
    pub fn informal_count(&self) -> (u32, u32) {
        self.informal
    }

    /// Whether the key is also a person's name (from a list of Arabic person names).
    pub fn is_person_name(&self) -> bool {
        self.person
    }

    /// Whether every name that folds to the key is written with a capital first letter (a
    /// Latin proper name: `Seoul`; not `al-Bab`, nor an Arabic name).
    pub fn is_capitalised(&self) -> bool {
        self.capitalised
    }

    /// Whether the name matches only when written exactly as one of these upper-case forms.
    pub fn acronym_forms(&self) -> impl Iterator<Item = &str> {
        self.acronym_forms.iter().map(|s| &**s)
    }
}

/// A list of names or ids, kept as one string with the items joined by `|` (the tables' own
/// separator, which no name or id contains): one allocation at most, none when borrowed from
/// the snapshot.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct List(pub(crate) Text);

impl List {
    /// The items, trimmed and without empty ones, joined.
    pub(crate) fn from_items<'a>(items: impl Iterator<Item = &'a str>) -> List {
        let mut joined = String::new();
        for item in items.map(str::trim).filter(|s| !s.is_empty()) {
            if !joined.is_empty() {
                joined.push('|');
            }
            joined.push_str(item);
        }
        List(Cow::Owned(joined))
    }

    /// The items, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split('|').filter(|s| !s.is_empty())
    }
}

/// The entities of a name: most names have one, kept inline; others a list.
#[derive(Clone, Debug)]
pub(crate) enum EntityIds {
    /// One entity.
    One(EntityId),
    /// None, or several, in gazetteer order.
    Many(Vec<EntityId>),
}

impl EntityIds {
    pub(crate) fn as_slice(&self) -> &[EntityId] {
        match self {
            EntityIds::One(id) => std::slice::from_ref(id),
            EntityIds::Many(ids) => ids,
        }
    }

    /// Adds `id` unless it is there already.
    pub(crate) fn add(&mut self, id: EntityId) {
        match self {
            EntityIds::One(one) if *one == id => {}
            EntityIds::One(one) => *self = EntityIds::Many(vec![*one, id]),
            EntityIds::Many(ids) if ids.is_empty() => *self = EntityIds::One(id),
            EntityIds::Many(ids) => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
}
