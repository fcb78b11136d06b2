//! The individual errors behind the scores: missed, spurious, boundary and wrong-place
//! mentions of one document, in listing order, and their tab-separated and JSON forms.

use std::fmt;

use serde::Serialize;

use super::matching::Alignment;
use super::model::{EntityType, GoldMention, SystemMention};

/// Resolution errors above this distance (km) are listed as [`ErrorKind::WrongPlace`]: the
/// end-to-end threshold of `EVAL.md`, so the listing explains exactly the end-to-end@25km losses.
pub const WRONG_PLACE_KM: f64 = 25.0;

/// What went wrong with one mention.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum ErrorKind {
    /// A gold mention no system mention of its type overlaps.
    Missed,
    /// A system mention that overlaps no gold mention of its type.
    Spurious,
    /// A gold and a system mention of the same type that overlap but differ in span.
    BoundaryMismatch,
    /// A gold place found with the exact span but resolved more than [`WRONG_PLACE_KM`] away
    /// (`km` is the error) or not resolved at all (`km` is `None`).
    WrongPlace {
        /// Great-circle error in km, `None` when the system gave no coordinates.
        km: Option<f64>,
    },
}

impl ErrorKind {
    /// Sort rank among errors at the same offsets.
    fn rank(self) -> u8 {
        match self {
            ErrorKind::Missed => 0,
            ErrorKind::BoundaryMismatch => 1,
            ErrorKind::WrongPlace { .. } => 2,
            ErrorKind::Spurious => 3,
        }
    }

    /// A short lowercase label for listings.
    fn label(self) -> &'static str {
        match self {
            ErrorKind::Missed => "missed",
            ErrorKind::Spurious => "spurious",
            ErrorKind::BoundaryMismatch => "boundary",
            ErrorKind::WrongPlace { .. } => "wrong-place",
        }
    }
}

/// A mention's span and, when known, its text, as shown in an error listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text: always known for gold, known for system mentions that wrote a `text` field.
    pub text: Option<String>,
}

/// One error of the system, for listing and error analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorItem {
    /// The document the error is in.
    pub doc_id: String,
    /// What went wrong.
    #[serde(flatten)]
    pub kind: ErrorKind,
    /// The mention's type (the gold type, or the system type for a spurious mention).
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// The gold mention; `None` for a spurious mention.
    pub gold: Option<ErrorSpan>,
    /// The system mention; `None` for a missed mention.
    pub system: Option<ErrorSpan>,
}

impl ErrorItem {
    /// The span the error is listed under: the gold span when there is one, else the system span.
    fn leading_span(&self) -> &ErrorSpan {
        self.gold
            .as_ref()
            .or(self.system.as_ref())
            .expect("every error item has a gold or a system span")
    }

    /// First code point of the leading span (the gold span, or the system span if spurious).
    pub fn start(&self) -> usize {
        self.leading_span().start
    }

    /// End of the leading span (the gold span, or the system span if spurious).
    pub fn end(&self) -> usize {
        self.leading_span().end
    }
}

/// One tab-separated line: doc, kind, type, gold span and text, system span and text, distance;
/// absent fields are `-`.
impl fmt::Display for ErrorItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn write_span(f: &mut fmt::Formatter<'_>, span: &Option<ErrorSpan>) -> fmt::Result {
            match span {
                Some(span) => write!(
                    f,
                    "\t{}..{}\t{}",
                    span.start,
                    span.end,
                    span.text.as_deref().unwrap_or("-")
                ),
                None => f.write_str("\t-\t-"),
            }
        }
        write!(
            f,
            "{}\t{}\t{}",
            self.doc_id,
            self.kind.label(),
            self.entity_type
        )?;
        write_span(f, &self.gold)?;
        write_span(f, &self.system)?;
        match self.kind {
            ErrorKind::WrongPlace { km: Some(km) } => write!(f, "\t{km:.1} km"),
            ErrorKind::WrongPlace { km: None } => f.write_str("\tno coordinates"),
            _ => f.write_str("\t-"),
        }
    }
}

fn gold_error_span(mention: &GoldMention) -> ErrorSpan {
    ErrorSpan {
        start: mention.start,
        end: mention.end,
        text: Some(mention.text.clone()),
    }
}

fn system_error_span(mention: &SystemMention) -> ErrorSpan {
    ErrorSpan {
        start: mention.start,
        end: mention.end,
        text: mention.text.clone(),
    }
}

/// The errors of one document, in listing order.
pub(crate) fn document_errors(
    doc_id: &str,
    gold: &[GoldMention],
    system: &[SystemMention],
    alignment: &Alignment,
) -> Vec<ErrorItem> {
    let item = |kind, entity_type, gold: Option<ErrorSpan>, system: Option<ErrorSpan>| ErrorItem {
        doc_id: doc_id.to_owned(),
        kind,
        entity_type,
        gold,
        system,
    };
    let mut errors = Vec::new();
    for (gi, mention) in gold.iter().enumerate() {
        let gold_side = Some(gold_error_span(mention));
        match (alignment.gold_exact[gi], alignment.gold_overlap[gi]) {
            (None, None) => errors.push(item(
                ErrorKind::Missed,
                mention.entity_type,
                gold_side,
                None,
            )),
            (None, Some(si)) => errors.push(item(
                ErrorKind::BoundaryMismatch,
                mention.entity_type,
                gold_side,
                Some(system_error_span(&system[si])),
            )),
            (Some(si), _) => {
                let Some(place) = mention
                    .place()
                    .filter(|_| mention.entity_type == EntityType::Loc)
                else {
                    continue;
                };
                let km = system[si]
                    .point()
                    .map(|found| place.point().distance_km(found));
                if km.is_none_or(|km| km > WRONG_PLACE_KM) {
                    errors.push(item(
                        ErrorKind::WrongPlace { km },
                        mention.entity_type,
                        gold_side,
                        Some(system_error_span(&system[si])),
                    ));
                }
            }
        }
    }
    for (si, mention) in system.iter().enumerate() {
        if alignment.system_overlap[si].is_none() {
            errors.push(item(
                ErrorKind::Spurious,
                mention.entity_type,
                None,
                Some(system_error_span(mention)),
            ));
        }
    }
    errors.sort_by_key(|error| (error.start(), error.end(), error.kind.rank()));
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{found, gold_doc, named, system_doc};
    use crate::score;

    #[test]
    fn errors_are_ordered_by_gold_doc_order_then_offset() {
        let gold = [
            gold_doc("z", vec![named(5, 8, "ززز", EntityType::Per)]),
            gold_doc(
                "b",
                vec![
                    named(9, 12, "ببب", EntityType::Per),
                    named(0, 3, "ججج", EntityType::Per),
                ],
            ),
        ];
        let system = [system_doc("b", vec![found(4, 6, EntityType::Org, None)])];
        let report = score(&gold, &system);
        let order: Vec<_> = report
            .errors()
            .iter()
            .map(|e| (e.doc_id.as_str(), e.start()))
            .collect();
        assert_eq!(order, [("z", 5), ("b", 0), ("b", 4), ("b", 9)]);
    }

    #[test]
    fn error_item_line_and_json() {
        let item = ErrorItem {
            doc_id: "a".to_owned(),
            kind: ErrorKind::WrongPlace { km: Some(309.574) },
            entity_type: EntityType::Loc,
            gold: Some(ErrorSpan {
                start: 3,
                end: 7,
                text: Some("دمشق".to_owned()),
            }),
            system: Some(ErrorSpan {
                start: 3,
                end: 7,
                text: None,
            }),
        };
        assert_eq!(
            item.to_string(),
            "a\twrong-place\tLOC\t3..7\tدمشق\t3..7\t-\t309.6 km"
        );
        let json = serde_json::to_value(&item).unwrap();
        assert_eq!(json["kind"], "WrongPlace");
        assert_eq!(json["km"], 309.574);
        assert_eq!(json["type"], "LOC");
        let missed = ErrorItem {
            kind: ErrorKind::Missed,
            system: None,
            ..item
        };
        assert_eq!(missed.to_string(), "a\tmissed\tLOC\t3..7\tدمشق\t-\t-\t-");
        assert_eq!(serde_json::to_value(&missed).unwrap()["kind"], "Missed");
    }
}
