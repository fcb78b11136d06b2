//! makan: find places and organizations in Arabic and English news about Syria.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod normalize;
mod span;

pub use error::Error;
pub use normalize::fold;
pub use span::{OffsetConverter, Offsets, Span};
mod gazetteer;
pub use gazetteer::{Entity, EntityId, EntityType, Gazetteer, GazetteerBuilder, Kind, Name, NameId, Point};
mod automaton;
mod tag;
pub use tag::{Mention, Proclitic, Tagger, TaggerBuilder};
mod resolve;
pub use resolve::{Resolution, Resolver, ResolverOptions};
pub mod output;
