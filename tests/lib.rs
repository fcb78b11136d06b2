//! makan's integration tests: data-driven golden cases (tests/data/*.toml), properties of
//! the offset map, and API guarantees.
//!
//! A case file looks like:
//! ```toml
//! mode = "tag"          # or "resolve"
//! [[case]]
//! name = "clitic_wa_ba_before_name"
//! text = "وبحلب"
//! expect = [[2, 5, "LOC", "wof:..."]]   # code-point start, end, type, entity id
//! ```
//! `expect` lists every mention the text must give — the accepted mentions a user gets from
//! `Resolver::find` — exactly (nothing more). Offsets are code points, as Python indexes
//! strings. In `tag` mode the id must be among the mention's candidates (an empty id checks
//! only the span and type); in `resolve` mode it must be the entity the resolver chose.
//! The raw tagger's boundary rules have their own unit tests in `src/tag`.

#[path = "suite/focus.rs"]
mod focus;
#[path = "suite/gazetteer.rs"]
mod gazetteer;
#[path = "suite/golden.rs"]
mod golden;
#[path = "suite/pipeline.rs"]
mod pipeline;
#[path = "suite/properties.rs"]
mod properties;

use makan::{Gazetteer, Mention, Resolution, Resolver, Tagger};

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Tagger>();
    check::<Resolver>();
    check::<Gazetteer>();
    check::<Mention>();
    check::<Resolution>();
    check::<makan::Error>();
    check::<makan::Evidence>();
    check::<makan::EvidenceSet>();
    check::<makan::Focus>();
}
