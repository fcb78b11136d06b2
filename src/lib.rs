//! makan (مكان, "place") finds places and organizations in Arabic and English news about
//! Syria and resolves each place to coordinates, OCHA P-codes and its administrative parents.
//!
//! # Overview
//!
//! - [`Tagger`] finds mentions: spans over the original text with the candidate entities
//!   each name can mean. Build it once ([`Tagger::new`] uses the embedded gazetteer) and share
//!   it across threads.
//! - [`Resolver`] chooses one entity per mention from evidence (cue words, containment and
//!   relative-position phrases, the other places of the document, population) and gives a
//!   [`Resolution`] with a confidence and the [`Evidence`] that decided.
//! - [`Gazetteer`] holds the places and organizations; [`Gazetteer::builder`] adds your own
//!   tables in the same tab-separated schema (errors name the file and line).
//! - [`Resolver::focus`] says where a whole document is about: a ranked [`Focus`] of places,
//!   the first also at admin level 1 (its governorate).
//! - [`output`] turns mentions (and a focus) into the JSON records the `makan` CLI prints.
//!
//! ```
//! use makan::Tagger;
//!
//! let tagger = Tagger::new();
//! let text = "وصل الجيش العربي السوري إلى للبوكمال وبدير الزور";
//! let mentions = tagger.tag(text);
//! let found: Vec<(&str, &str)> =
//!     mentions.iter().map(|m| (&text[m.span()], m.entity_type().label())).collect();
//! assert_eq!(found, [("الجيش العربي السوري", "ORG"), ("لبوكمال", "LOC"), ("دير الزور", "LOC")]);
//! // Offsets are bytes into the original text; the proclitic ل of للبوكمال stays outside.
//! assert_eq!(mentions[1].span().start(), text.find("لبوكمال").unwrap());
//! assert_eq!(mentions[1].proclitic().preposition(), Some('ل'));
//! ```
//!
//! # The offsets contract
//!
//! Every [`Span`] is a half-open byte range into the text you passed, on `char` boundaries:
//! `&text[span]` is the name exactly as written (diacritics, tatweel and invisible characters
//! inside it included, proclitics excluded). Positions in makan's folded text never leave the
//! crate. [`OffsetConverter`] gives code-point (Python) and UTF-16 (JavaScript) offsets.
//!
//! # Matching rules
//!
//! Text and names are folded by [`fold`] (ARABIC.md §1 of the project docs). A name matches
//! at a word start, or after the proclitics a conjunction (و ف) then a preposition (ب ل ك);
//! after ل a name with the article loses its alef (للبوكمال). Nothing else may be glued
//! before it and no letter may follow it (حلب is not in الحلبي or حلبية). Of overlapping
//! candidates the longest wins. Short upper-case acronyms (SDF, IS) match only as written.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod automaton;
mod document;
mod error;
mod forms;
mod gazetteer;
mod normalize;
pub mod output;
mod resolve;
pub mod snapshot;
mod span;
mod tag;
mod threads;
mod words;

pub use error::Error;
pub use gazetteer::{
    Entity, EntityId, EntityType, Gazetteer, GazetteerBuilder, Kind, Name, NameId, PLACE_COLUMNS,
    Point, TOKENS_KEY,
};
pub use normalize::fold;
pub use resolve::{
    EVENT_WINDOW, Evidence, EvidenceSet, Focus, FocusPlace, FocusWeights, Resolution, Resolver,
    ResolverOptions, stands_as_place,
};
pub use span::{OffsetConverter, Offsets, Span};
pub use tag::{Mention, Proclitic, Tagger, TaggerBuilder};

/// The README's example, compiled and run as a test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
