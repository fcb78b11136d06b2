//! Scoring makan's output against hand-annotated gold data, as defined in `EVAL.md`.
//!
//! This module is independent of the tagger: it reads gold and system documents (JSON Lines, or
//! values built in memory) and computes the project's metrics, so the same numbers come out whether
//! the system output was produced by makan, by an older build or by another tool.
//!
//! # What is measured
//!
//! * **Recognition**, per [`EntityType`]: precision, recall and F1 of *exact* matches of
//!   `(start, end, type)`, and the same for *overlap* matches (a system span overlapping a gold span
//!   of the same type, one-to-one), which separates boundary errors from plain misses.
//! * **Resolution**, over gold LOC mentions that carry coordinates and that the system found with
//!   the exact span: great-circle error ([`makan::Point::distance_km`]), acc@10km, acc@25km, acc@161km, median error, and
//!   end-to-end@25km, once for places in Syria and once for all places.
//! * **ANERcorp** (CoNLL): entity-level precision, recall and F1 on whole tokens, with the chunking
//!   rules of the `conlleval` script, so makan can be compared with published Arabic NER systems.
//!
//! # Offsets
//!
//! Gold and system spans are half-open ranges of **Unicode code points** (Python string indices)
//! into the document text, as in `EVAL.md`. The CoNLL helper [`spans_to_bio`] is the exception: it
//! takes byte offsets into the sentence text, because that is what a Rust tagger returns.
//!
//! # Conventions that change numbers
//!
//! * A ratio whose denominator is zero is reported as `0.0` (precision with no system mentions,
//!   recall with no gold mentions, F1 when precision + recall is zero, accuracy with nothing
//!   found). An empty evaluation therefore scores 0, never NaN and never a flattering 1.
//! * A gold document with no system document is scored as if the system found nothing in it.
//! * A gold LOC found with the exact span but without system coordinates counts as found and
//!   wrong: it is in the denominator of acc@k and never within any distance threshold.
//! * Overlap matching first pairs identical spans, then greedily pairs the remaining mentions by
//!   largest overlap (see [`score`] for the exact order), so overlap counts are never below exact
//!   counts.
//!
//! # Example
//!
//! ```
//! use makan_eval::{parse_gold_jsonl, parse_system_jsonl, score, EntityType};
//!
//! // One JSON object per line: the gold place حلب at code points 0..3, and a system that found it.
//! let gold = concat!(
//!     r#"{"doc_id": "d1", "mentions": [{"start": 0, "end": 3, "text": "حلب", "type": "LOC", "#,
//!     r#""gold": {"lat": 36.2, "lon": 37.16, "in_syria": true}}]}"#,
//! );
//! let system = concat!(
//!     r#"{"doc_id": "d1", "mentions": "#,
//!     r#"[{"start": 0, "end": 3, "type": "LOC", "lat": 36.2, "lon": 37.16}]}"#,
//! );
//! let gold = parse_gold_jsonl(gold.as_bytes(), "gold.jsonl").unwrap();
//! let system = parse_system_jsonl(system.as_bytes(), "system.jsonl").unwrap();
//! let report = score(&gold, &system);
//! assert_eq!(report.recognition_for(EntityType::Loc).exact.f1, 1.0);
//! assert_eq!(report.resolution_all.end_to_end_at_25km, 1.0);
//! assert!(report.errors().is_empty());
//! ```

#![deny(missing_docs)]

mod conll;
mod error;
mod errors;
#[cfg(test)]
mod fixtures;
mod iob;
mod jsonl;
mod matching;
mod model;
mod report;
mod score;

pub use conll::{
    ConllReport, ConllSentence, parse_conll, score_conll, sentence_text, spans_to_bio,
};
pub use error::EvalError;
pub use errors::{ErrorItem, ErrorKind, ErrorSpan, WRONG_PLACE_KM};
pub use jsonl::{parse_gold_jsonl, parse_system_jsonl};
pub use model::{
    EntityType, GoldDoc, GoldMention, GoldRef, OrgRef, PlaceRef, SystemDoc, SystemMention,
};
pub use report::{Prf, Report, ResolutionScores, TypeScores};
pub use score::score;
