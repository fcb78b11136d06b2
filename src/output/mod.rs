//! Serializable records of mentions, in the JSON shape the CLI prints and EVAL.md reads.
//!
//! Offsets: `start`/`end` are code points (Python string indices, what EVAL.md scores),
//! `byte_start`/`byte_end` UTF-8 bytes, `utf16_start`/`utf16_end` UTF-16 units (JavaScript).

use std::borrow::Cow;

use serde::Serialize;

use crate::gazetteer::Entity;
use crate::resolve::{Focus, Resolution};
use crate::{EntityId, Gazetteer, Mention, OffsetConverter, Tagger};

pub mod conll;
mod json;
pub mod table;

/// One mention as written to JSON.
#[derive(Clone, Debug, Serialize)]
pub struct MentionRecord {
    /// Code-point offset of the first character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// UTF-8 byte offset of the first character.
    pub byte_start: usize,
    /// UTF-8 byte offset one past the last character.
    pub byte_end: usize,
    /// UTF-16 offset of the first character.
    pub utf16_start: usize,
    /// UTF-16 offset one past the last character.
    pub utf16_end: usize,
    /// The surface text exactly as written.
    pub text: String,
    /// `LOC` or `ORG`.
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The proclitics written before the name in the same word, if any.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub proclitic: String,
    /// Ids of every entity the name can mean (left out when there are none, and by
    /// [`MentionRecord::compact`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Cow<'static, str>>,
    /// True when the resolver rejected the mention (printed only when asked for all).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rejected: bool,
    /// What the resolver decided, when the mention was resolved.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<ResolvedRecord>,
}

/// The resolver's decision for one mention.
#[derive(Clone, Debug, Serialize)]
pub struct ResolvedRecord {
    /// The chosen entity's id; absent for a mention found by its form (kind `unlisted`:
    /// «لواء صقور الجبل», «قلعة حلب», which no gazetteer lists).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub id: Cow<'static, str>,
    /// Its kind, or `unlisted`.
    pub kind: &'static str,
    /// Arabic name.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub name_ar: Cow<'static, str>,
    /// English name.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub name_en: Cow<'static, str>,
    /// Latitude (places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (places).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// The entity's own P-code.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub pcode: Cow<'static, str>,
    /// ISO country code.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub country: Cow<'static, str>,
    /// The admin chain: governorate, district, sub-district.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub admin: Vec<AdminRecord>,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// Names of the evidence rules that decided (left out when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<&'static str>,
    /// The runners-up, best first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<AlternativeRecord>,
}

impl MentionRecord {
    /// Drops what explains the decision rather than states it — the candidates, the
    /// alternatives and the evidence — for output read by people and spreadsheets.
    pub fn compact(&mut self) {
        self.candidates = Vec::new();
        if let Some(resolved) = &mut self.resolved {
            resolved.alternatives = Vec::new();
            resolved.evidence = Vec::new();
        }
    }

    /// The admin unit of `level` (`admin1`, `admin2`, `admin3`) in the chosen entity's chain.
    pub fn admin(&self, level: &str) -> Option<&AdminRecord> {
        let resolved = self.resolved.as_ref()?;
        resolved.admin.iter().find(|a| a.level == level)
    }
}

/// One entity of the gazetteer, in the shape of a resolved mention's fields (the same
/// names, the same `admin` array), with what only a look-up shows: class, population and
/// the ids of the entity in other sources.
#[derive(Clone, Debug, Serialize)]
pub struct EntityRecord {
    /// The entity's id.
    pub id: String,
    /// Its kind.
    pub kind: &'static str,
    /// The source's finer class, if any.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub class: String,
    /// Arabic name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name_ar: String,
    /// English name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    /// Latitude (places with a point).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude (places with a point).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Population, when a source gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// The entity's own P-code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pcode: String,
    /// ISO country code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// The admin chain: governorate, district, sub-district.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub admin: Vec<AdminRecord>,
    /// Ids of the same entity in other sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
}

/// The record of entity `id` of `g`.
pub fn entity_record(g: &Gazetteer, id: EntityId) -> EntityRecord {
    let e = g.entity(id);
    EntityRecord {
        id: e.id().to_string(),
        kind: e.kind().name(),
        class: e.class().to_string(),
        name_ar: e.name_ar().to_string(),
        name_en: e.name_en().to_string(),
        lat: e.point().map(|p| round5(p.lat)),
        lon: e.point().map(|p| round5(p.lon)),
        population: e.population(),
        pcode: e.pcode().to_string(),
        country: e.country().to_string(),
        admin: admin_chain(g, e),
        refs: e.refs().map(String::from).collect(),
    }
}

/// The units above `e`, governorate first, each with its names; the entity's own unit is
/// not part of its chain.
fn admin_chain(g: &Gazetteer, e: &Entity) -> Vec<AdminRecord> {
    let levels = ["admin1", "admin2", "admin3"];
    let own = e.pcode();
    e.texts()
        .admin
        .iter()
        .zip(levels)
        .filter(|(p, _)| !p.is_empty() && **p != own)
        .map(|(p, level)| {
            let unit = admin_unit(g, p).map(|id| g.entity(id).texts());
            AdminRecord {
                level,
                pcode: p.clone(),
                name_ar: unit.map_or(Cow::Borrowed(""), |u| u.name_ar.clone()),
                name_en: unit.map_or(Cow::Borrowed(""), |u| u.name_en.clone()),
            }
        })
        .collect()
}

/// The entity of the admin unit with P-code `pcode` (id `ocha:` and the P-code), its id
/// written on the stack.
fn admin_unit(g: &Gazetteer, pcode: &str) -> Option<EntityId> {
    const PREFIX: &[u8] = b"ocha:";
    let mut key = [0u8; 32];
    let len = PREFIX.len() + pcode.len();
    if len > key.len() {
        return g.by_id(&format!("ocha:{pcode}"));
    }
    key[..PREFIX.len()].copy_from_slice(PREFIX);
    key[PREFIX.len()..len].copy_from_slice(pcode.as_bytes());
    g.by_id(std::str::from_utf8(&key[..len]).expect("ASCII prefix and a str"))
}

/// One level of an admin chain.
#[derive(Clone, Debug, Serialize)]
pub struct AdminRecord {
    /// `admin1`, `admin2` or `admin3`.
    pub level: &'static str,
    /// OCHA P-code.
    pub pcode: Cow<'static, str>,
    /// Arabic name of the unit.
    pub name_ar: Cow<'static, str>,
    /// English name of the unit.
    pub name_en: Cow<'static, str>,
}

/// A candidate the resolver did not choose.
#[derive(Clone, Debug, Serialize)]
pub struct AlternativeRecord {
    /// Entity id.
    pub id: Cow<'static, str>,
    /// Its score, comparable with the chosen one's.
    pub score: f64,
}

/// Builds JSON records for a text's mentions (and resolutions, when given).
pub fn records(
    tagger: &Tagger,
    text: &str,
    mentions: &[Mention],
    resolutions: Option<&[Resolution]>,
) -> Vec<MentionRecord> {
    records_iter(tagger, text, mentions, resolutions).collect()
}

/// The records of [`records`] one at a time, in order, for writing the records of a long
/// document without holding them all. `mentions` must be in text order (as the tagger and
/// the resolver give them): offsets are converted in one forward pass.
pub fn records_iter<'a>(
    tagger: &'a Tagger,
    text: &'a str,
    mentions: &'a [Mention],
    resolutions: Option<&'a [Resolution]>,
) -> impl Iterator<Item = MentionRecord> + 'a {
    let g = tagger.gazetteer();
    let mut conv = OffsetConverter::new(text);
    mentions.iter().enumerate().map(move |(i, m)| {
        let s = conv.convert(m.span().start());
        let e = conv.convert(m.span().end());
        let resolution = resolutions.and_then(|r| r.get(i));
        MentionRecord {
            start: s.char,
            end: e.char,
            byte_start: s.byte,
            byte_end: e.byte,
            utf16_start: s.utf16,
            utf16_end: e.utf16,
            text: text[m.span()].to_string(),
            ty: resolution
                .map_or(m.entity_type(), |r| r.entity_type())
                .label(),
            proclitic: m.proclitic().as_string(),
            candidates: tagger
                .candidates(m)
                .iter()
                .map(|&id| g.entity(id).texts().id.clone())
                .collect(),
            rejected: resolution.is_some_and(|r| !r.is_accepted()),
            resolved: resolution.and_then(|r| resolved(r, g)),
        }
    })
}

/// The record of a resolution, `None` for a rejected mention found by its form.
fn resolved(r: &Resolution, g: &Gazetteer) -> Option<ResolvedRecord> {
    let Some(entity) = r.entity() else {
        return r.is_accepted().then(|| ResolvedRecord {
            id: Cow::Borrowed(""),
            kind: "unlisted",
            name_ar: Cow::Borrowed(""),
            name_en: Cow::Borrowed(""),
            lat: r.point().map(|p| round5(p.lat)),
            lon: r.point().map(|p| round5(p.lon)),
            pcode: Cow::Borrowed(""),
            country: Cow::Borrowed(""),
            admin: Vec::new(),
            confidence: (r.confidence() * 1000.0).round() / 1000.0,
            evidence: r.evidence().names().collect(),
            alternatives: Vec::new(),
        });
    };
    let e = g.entity(entity);
    let texts = e.texts();
    Some(ResolvedRecord {
        id: texts.id.clone(),
        kind: e.kind().name(),
        name_ar: texts.name_ar.clone(),
        name_en: texts.name_en.clone(),
        lat: r.point().map(|p| round5(p.lat)),
        lon: r.point().map(|p| round5(p.lon)),
        pcode: texts.pcode.clone(),
        country: texts.country.clone(),
        admin: admin_chain(g, e),
        confidence: (r.confidence() * 1000.0).round() / 1000.0,
        evidence: r.evidence().names().collect(),
        alternatives: r
            .alternatives()
            .iter()
            .map(|&(id, score)| AlternativeRecord {
                id: g.entity(id).texts().id.clone(),
                score: (score * 100.0).round() / 100.0,
            })
            .collect(),
    })
}

/// One place of a document's focus, as written to JSON (the `focus` list of `makan tag`).
#[derive(Clone, Debug, Serialize)]
pub struct FocusRecord {
    /// The place's id.
    pub id: String,
    /// Its kind: its admin level (`admin1`, `admin2`, `admin3`), `populated`, `country`...
    pub kind: &'static str,
    /// Arabic name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name_ar: String,
    /// English name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    /// Latitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Its own P-code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pcode: String,
    /// ISO country code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// The admin chain above it: governorate, district, sub-district.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub admin: Vec<AdminRecord>,
    /// Its share in [0, 1] of the document's votes.
    pub score: f64,
    /// How many accepted mentions name it.
    pub mentions: u32,
    /// On the first place only: the focus at admin level 1 — its governorate, or its
    /// country outside Syria — with the share of the votes that fall in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<FocusAreaRecord>,
}

/// The focus at admin level 1.
#[derive(Clone, Debug, Serialize)]
pub struct FocusAreaRecord {
    /// The governorate's (or country's) id.
    pub id: String,
    /// Its P-code (a governorate), or "".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub pcode: String,
    /// Arabic name.
    pub name_ar: String,
    /// English name.
    pub name_en: String,
    /// The share in [0, 1] of the document's votes that fall in it.
    pub score: f64,
}

/// The records of a document's focus, the focus first; empty when it names no place.
pub fn focus_records(tagger: &Tagger, focus: &Focus) -> Vec<FocusRecord> {
    let g = tagger.gazetteer();
    focus
        .places()
        .iter()
        .enumerate()
        .map(|(i, place)| {
            let e = g.entity(place.entity());
            let point = e.point();
            let admin1 = (i == 0)
                .then(|| focus.admin1())
                .flatten()
                .map(|(a, score)| {
                    let unit = g.entity(a);
                    FocusAreaRecord {
                        id: unit.id().to_string(),
                        pcode: unit.pcode().to_string(),
                        name_ar: unit.name_ar().to_string(),
                        name_en: unit.name_en().to_string(),
                        score: round3(score),
                    }
                });
            FocusRecord {
                id: e.id().to_string(),
                kind: e.kind().name(),
                name_ar: e.name_ar().to_string(),
                name_en: e.name_en().to_string(),
                lat: point.map(|p| round5(p.lat)),
                lon: point.map(|p| round5(p.lon)),
                pcode: e.pcode().to_string(),
                country: e.country().to_string(),
                admin: admin_chain(g, e),
                score: round3(place.score()),
                mentions: place.mentions(),
                admin1,
            }
        })
        .collect()
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}
