//! Gold and system documents as the scorer sees them.
//!
//! Invariants kept by the parsers in `jsonl.rs` (values built in memory are trusted as given):
//! `start < end` for every mention, a gold mention's `text` has `end - start` code points, a
//! [`GoldRef::Place`] only on LOC and a [`GoldRef::Organization`] only on ORG mentions, and system
//! coordinates come as a pair.

use std::fmt;

use makan::Point;
use serde::{Deserialize, Serialize};

/// The kind of a named mention: the three types annotated in the gold data.
///
/// Not [`makan::EntityType`]: the gold data also annotates persons, which makan does not tag
/// but which the scorer must read and count (ANERcorp scores them too). A tagger's type
/// converts with `EntityType::from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A place: country, admin unit, settlement, camp, region, natural feature or facility.
    #[serde(rename = "LOC")]
    Loc,
    /// A named organization: state institution, armed group, party, agency, media, company.
    #[serde(rename = "ORG")]
    Org,
    /// A person.
    #[serde(rename = "PER")]
    Per,
}

impl EntityType {
    /// All types, in the order reports list them.
    pub const ALL: [EntityType; 3] = [EntityType::Loc, EntityType::Org, EntityType::Per];

    /// The label used in the gold and system JSON Lines files: `LOC`, `ORG` or `PER`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Per => "PER",
        }
    }

    /// The label ANERcorp uses for this type in BIO tags: `LOC`, `ORG` or `PERS`.
    ///
    /// ANERcorp spells persons `PERS`; using its spelling lets predicted tags be compared with the
    /// corpus tags by plain string equality.
    pub fn anercorp_label(self) -> &'static str {
        match self {
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Per => "PERS",
        }
    }
}

impl From<makan::EntityType> for EntityType {
    fn from(entity_type: makan::EntityType) -> EntityType {
        match entity_type {
            makan::EntityType::Loc => EntityType::Loc,
            makan::EntityType::Org => EntityType::Org,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One hand-annotated document: its id and every LOC, ORG and PER mention in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldDoc {
    /// The document id shared with the docs file and the system output (`snn-003`).
    pub doc_id: String,
    /// The mentions, in the order of the file (the guidelines ask for order of appearance).
    pub mentions: Vec<GoldMention>,
}

/// One annotated mention of a gold document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldMention {
    /// First code point of the mention in the document text.
    pub start: usize,
    /// One past the last code point (half-open).
    pub end: usize,
    /// The mention as written, exactly the text between `start` and `end`.
    pub text: String,
    /// LOC, ORG or PER.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// What the mention refers to; `None` for persons and for places the annotator could not
    /// resolve (those still count for recognition, never for resolution).
    pub gold: Option<GoldRef>,
    /// The annotator's note, e.g. `unresolved: ...` or `ريف`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl GoldMention {
    /// The gold place of a LOC mention, if the annotator resolved it.
    pub fn place(&self) -> Option<&PlaceRef> {
        match &self.gold {
            Some(GoldRef::Place(place)) => Some(place),
            _ => None,
        }
    }
}

/// The referent of a gold mention: a place with coordinates, or an organization's canonical name.
///
/// Serialized untagged, so it writes back in the shape of the gold file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum GoldRef {
    /// The referent of a LOC mention.
    Place(PlaceRef),
    /// The referent of an ORG mention.
    Organization(OrgRef),
}

/// Where a gold place is.
///
/// `lat`, `lon` and `in_syria` decide the metrics and are required by the parser; the descriptive
/// fields are optional so that a missing English name never stops a scoring run. The coordinates
/// are two fields, as in the gold file; [`PlaceRef::point`] gives them as a [`Point`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceRef {
    /// Latitude in degrees (WGS84) of the settlement point or representative point.
    pub lat: f64,
    /// Longitude in degrees (WGS84).
    pub lon: f64,
    /// Whether the place is in Syria; resolution is reported for these places separately.
    pub in_syria: bool,
    /// `populated`, `admin1`, `camp`, `natural`, ... (see the guidelines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The id in the source the annotator used (`wof:...`, `ocha:SY0902`, `none`).
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub source_ref: Option<String>,
    /// The place's English name, for reading error listings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

impl PlaceRef {
    /// The gold point.
    pub fn point(&self) -> Point {
        Point {
            lat: self.lat,
            lon: self.lon,
        }
    }
}

/// Which organization a gold ORG mention names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgRef {
    /// The English canonical name shared by all aliases (`Islamic State`).
    pub canon: String,
    /// `state`, `military`, `armed_group`, `un`, `media`, ... (see the guidelines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// The system's output for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SystemDoc {
    /// The id of the gold document this output is for.
    pub doc_id: String,
    /// The mentions the system found, in any order.
    pub mentions: Vec<SystemMention>,
}

/// One mention found by the system. Fields of the output format not listed here are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SystemMention {
    /// First code point of the mention in the document text.
    pub start: usize,
    /// One past the last code point (half-open).
    pub end: usize,
    /// LOC, ORG or PER.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Latitude the system resolved a LOC mention to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude the system resolved a LOC mention to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// The mention's text, if the system wrote it; used only in error listings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl SystemMention {
    /// The point the system resolved the mention to, when it gave both coordinates.
    pub fn point(&self) -> Option<Point> {
        let (lat, lon) = self.lat.zip(self.lon)?;
        Some(Point { lat, lon })
    }
}
