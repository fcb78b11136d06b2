//! Scoring gold against system documents: mentions are aligned per document, then counted
//! into the recognition and resolution metrics of `EVAL.md` and the error listing.

use std::collections::{HashMap, HashSet};

use super::errors::{ErrorItem, document_errors};
use super::matching::{Alignment, TypedSpan, align};
use super::model::{EntityType, GoldDoc, GoldMention, SystemDoc, SystemMention};
use super::report::{Prf, Report, ResolutionScores, TypeScores, ratio};

/// Where the system stands on one gold place.
#[derive(Debug, Clone, Copy)]
enum PlaceOutcome {
    /// Not found with the exact span.
    NotFound,
    /// Found with the exact span, no system coordinates.
    FoundWithoutCoordinates,
    /// Found with the exact span, resolved with this great-circle error in km.
    Resolved(f64),
}

/// Counts gathered over documents for one resolution scope.
#[derive(Debug, Default)]
struct ResolutionTally {
    gold_with_coordinates: usize,
    found_without_coordinates: usize,
    errors_km: Vec<f64>,
}

impl ResolutionTally {
    fn add(&mut self, outcome: PlaceOutcome) {
        self.gold_with_coordinates += 1;
        match outcome {
            PlaceOutcome::NotFound => {}
            PlaceOutcome::FoundWithoutCoordinates => self.found_without_coordinates += 1,
            PlaceOutcome::Resolved(km) => self.errors_km.push(km),
        }
    }

    fn finish(mut self) -> ResolutionScores {
        let found = self.errors_km.len() + self.found_without_coordinates;
        let within = |km: f64| self.errors_km.iter().filter(|&&e| e <= km).count();
        let (within_10km, within_25km, within_161km) = (within(10.0), within(25.0), within(161.0));
        ResolutionScores {
            gold_with_coordinates: self.gold_with_coordinates,
            found,
            found_without_coordinates: self.found_without_coordinates,
            within_10km,
            within_25km,
            within_161km,
            acc_at_10km: ratio(within_10km, found),
            acc_at_25km: ratio(within_25km, found),
            acc_at_161km: ratio(within_161km, found),
            median_error_km: median(&mut self.errors_km),
            end_to_end_at_25km: ratio(within_25km, self.gold_with_coordinates),
        }
    }
}

/// Per-type counts gathered over documents.
#[derive(Debug, Default, Clone, Copy)]
struct TypeTally {
    gold: usize,
    system: usize,
    exact: usize,
    overlap: usize,
}

/// Scores system documents against gold documents.
///
/// Every gold document is scored; a gold document without a system document (same `doc_id`)
/// counts as one where the system found nothing. System documents for ids not in `gold` are not
/// scored, only counted in [`Report::system_documents_ignored`]. If `system` holds the same id more
/// than once, the first document is used ([`parse_system_jsonl`](super::parse_system_jsonl)
/// rejects such files).
///
/// Within a document, mentions are paired one-to-one (a repeated system span earns nothing):
///
/// 1. **Exact**: gold mentions in input order each take the first still unpaired system mention
///    with the same `(start, end, type)`.
/// 2. **Overlap**: the exact pairs are kept; then every unpaired (gold, system) pair of the same
///    type whose half-open spans share at least one code point is a candidate (spans that only
///    touch do not overlap), accepted greedily by larger shared length, then earlier gold start,
///    earlier gold end, earlier system start, earlier system end, input order; a candidate is
///    skipped when either side is already paired.
///
/// The system coordinates of a gold place are those of its exact partner.
pub fn score(gold: &[GoldDoc], system: &[SystemDoc]) -> Report {
    let mut system_by_id: HashMap<&str, &SystemDoc> = HashMap::new();
    for doc in system {
        system_by_id.entry(doc.doc_id.as_str()).or_insert(doc);
    }
    let gold_ids: HashSet<&str> = gold.iter().map(|doc| doc.doc_id.as_str()).collect();

    let mut tally = Tally::default();
    let mut documents_without_output = 0;
    for doc in gold {
        let system_mentions: &[SystemMention] = match system_by_id.get(doc.doc_id.as_str()) {
            Some(system_doc) => &system_doc.mentions,
            None => {
                documents_without_output += 1;
                &[]
            }
        };
        tally.add_document(doc, system_mentions);
    }

    Report {
        documents: gold.len(),
        documents_without_output,
        system_documents_ignored: system
            .iter()
            .filter(|doc| !gold_ids.contains(doc.doc_id.as_str()))
            .count(),
        recognition: tally.recognition(),
        resolution_in_syria: tally.in_syria.finish(),
        resolution_all: tally.all_places.finish(),
        errors: tally.errors,
    }
}

/// Everything [`score`] counts over the documents.
#[derive(Debug, Default)]
struct Tally {
    types: [TypeTally; EntityType::ALL.len()],
    in_syria: ResolutionTally,
    all_places: ResolutionTally,
    errors: Vec<ErrorItem>,
}

impl Tally {
    /// Aligns one gold document with the system's mentions in it and counts the result.
    fn add_document(&mut self, doc: &GoldDoc, system_mentions: &[SystemMention]) {
        let gold_spans: Vec<TypedSpan> = doc.mentions.iter().map(gold_span).collect();
        let system_spans: Vec<TypedSpan> = system_mentions.iter().map(system_span).collect();
        let alignment = align(&gold_spans, &system_spans);

        for (gi, mention) in doc.mentions.iter().enumerate() {
            let tally = &mut self.types[type_index(mention.entity_type)];
            tally.gold += 1;
            tally.exact += usize::from(alignment.gold_exact[gi].is_some());
            tally.overlap += usize::from(alignment.gold_overlap[gi].is_some());
        }
        for mention in system_mentions {
            self.types[type_index(mention.entity_type)].system += 1;
        }
        self.add_places(&doc.mentions, system_mentions, &alignment);
        self.errors.extend(document_errors(
            &doc.doc_id,
            &doc.mentions,
            system_mentions,
            &alignment,
        ));
    }

    /// Counts the resolution of a document's gold places with coordinates.
    fn add_places(
        &mut self,
        gold: &[GoldMention],
        system_mentions: &[SystemMention],
        alignment: &Alignment,
    ) {
        for (gi, mention) in gold.iter().enumerate() {
            let Some(place) = mention.place() else {
                continue;
            };
            if mention.entity_type != EntityType::Loc {
                continue;
            }
            let outcome = match alignment.gold_exact[gi] {
                None => PlaceOutcome::NotFound,
                Some(si) => match system_mentions[si].point() {
                    None => PlaceOutcome::FoundWithoutCoordinates,
                    Some(found) => PlaceOutcome::Resolved(place.point().distance_km(found)),
                },
            };
            self.all_places.add(outcome);
            if place.in_syria {
                self.in_syria.add(outcome);
            }
        }
    }

    /// Recognition scores, one entry per type in [`EntityType::ALL`] order.
    fn recognition(&self) -> Vec<TypeScores> {
        EntityType::ALL
            .iter()
            .map(|&entity_type| {
                let tally = self.types[type_index(entity_type)];
                TypeScores {
                    entity_type,
                    gold: tally.gold,
                    system: tally.system,
                    exact: Prf::from_totals(tally.exact, tally.gold, tally.system),
                    overlap: Prf::from_totals(tally.overlap, tally.gold, tally.system),
                }
            })
            .collect()
    }
}

fn type_index(entity_type: EntityType) -> usize {
    match entity_type {
        EntityType::Loc => 0,
        EntityType::Org => 1,
        EntityType::Per => 2,
    }
}

fn gold_span(mention: &GoldMention) -> TypedSpan {
    TypedSpan {
        start: mention.start,
        end: mention.end,
        entity_type: mention.entity_type,
    }
}

fn system_span(mention: &SystemMention) -> TypedSpan {
    TypedSpan {
        start: mention.start,
        end: mention.end,
        entity_type: mention.entity_type,
    }
}

/// The median of `values` (sorted in place): the middle value for an odd count, the mean of the
/// two middle values for an even count, `None` for no values.
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errors::ErrorKind;
    use crate::fixtures::{found, gold_doc, named, place, system_doc};
    use makan::Point;

    #[test]
    fn empty_inputs_score_zero_without_nan() {
        let report = score(&[], &[]);
        assert_eq!(report.documents, 0);
        for scores in &report.recognition {
            assert_eq!(scores.exact, Prf::default());
            assert_eq!(scores.overlap, Prf::default());
        }
        let r = report.resolution_all;
        assert_eq!((r.gold_with_coordinates, r.found), (0, 0));
        assert_eq!(
            (r.acc_at_10km, r.acc_at_25km, r.acc_at_161km),
            (0.0, 0.0, 0.0)
        );
        assert_eq!((r.median_error_km, r.end_to_end_at_25km), (None, 0.0));
        assert!(report.errors().is_empty());
        // The table and the JSON render without NaN.
        assert!(!report.to_string().contains("NaN"));
        assert!(
            serde_json::to_string(&report)
                .unwrap()
                .contains("\"median_error_km\":null")
        );

        let gold = [gold_doc("a", vec![])];
        let report = score(&gold, &[system_doc("a", vec![])]);
        assert_eq!(
            report.recognition_for(EntityType::Loc).exact,
            Prf::default()
        );
    }

    #[test]
    fn missing_system_doc_counts_as_empty_output() {
        let gold = [gold_doc("a", vec![named(0, 4, "داعش", EntityType::Org)])];
        let report = score(
            &gold,
            &[system_doc(
                "other",
                vec![found(0, 4, EntityType::Org, None)],
            )],
        );
        assert_eq!(report.documents_without_output, 1);
        assert_eq!(report.system_documents_ignored, 1);
        let org = report.recognition_for(EntityType::Org);
        assert_eq!((org.gold, org.system), (1, 0));
        assert_eq!(org.exact, Prf::from_counts(0, 0, 1));
        assert_eq!(report.errors().len(), 1);
        assert_eq!(report.errors()[0].kind, ErrorKind::Missed);
    }

    #[test]
    fn duplicate_system_span_is_one_true_and_one_false_positive() {
        let gold = [gold_doc("a", vec![place(0, 3, "حمص", 34.7, 36.7, true)])];
        let system = [system_doc(
            "a",
            vec![
                found(0, 3, EntityType::Loc, Some((34.7, 36.7))),
                found(0, 3, EntityType::Loc, Some((10.0, 10.0))),
            ],
        )];
        let report = score(&gold, &system);
        let loc = report.recognition_for(EntityType::Loc);
        assert_eq!(loc.exact, Prf::from_counts(1, 1, 0));
        assert_eq!(loc.overlap, Prf::from_counts(1, 1, 0));
        // The first system mention with the span supplies the coordinates.
        assert_eq!(report.resolution_all.median_error_km, Some(0.0));
        let kinds: Vec<_> = report.errors().iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [ErrorKind::Spurious]);
    }

    #[test]
    fn boundary_error_counts_for_overlap_only() {
        // Gold "الجيش العربي السوري" 10..29, system "الجيش" 10..15, plus an adjacent spurious ORG.
        let gold = [gold_doc(
            "a",
            vec![named(10, 29, "الجيش العربي السوري", EntityType::Org)],
        )];
        let system = [system_doc(
            "a",
            vec![
                found(10, 15, EntityType::Org, None),
                found(29, 33, EntityType::Org, None),
            ],
        )];
        let report = score(&gold, &system);
        let org = report.recognition_for(EntityType::Org);
        assert_eq!(org.exact, Prf::from_counts(0, 2, 1));
        assert_eq!(org.overlap, Prf::from_counts(1, 1, 0));
        let errors = report.errors();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].kind, ErrorKind::BoundaryMismatch);
        assert_eq!((errors[0].start(), errors[0].end()), (10, 29));
        assert_eq!(
            errors[0].system.as_ref().map(|s| (s.start, s.end)),
            Some((10, 15))
        );
        assert_eq!(errors[1].kind, ErrorKind::Spurious);
        assert_eq!((errors[1].start(), errors[1].end()), (29, 33));
    }

    #[test]
    fn type_confusion_is_a_miss_and_a_spurious_mention() {
        let gold = [gold_doc("a", vec![named(0, 4, "داعش", EntityType::Org)])];
        let system = [system_doc("a", vec![found(0, 4, EntityType::Loc, None)])];
        let report = score(&gold, &system);
        assert_eq!(
            report.recognition_for(EntityType::Org).overlap,
            Prf::from_counts(0, 0, 1)
        );
        assert_eq!(
            report.recognition_for(EntityType::Loc).overlap,
            Prf::from_counts(0, 1, 0)
        );
        let kinds: Vec<_> = report
            .errors()
            .iter()
            .map(|e| (e.kind, e.entity_type))
            .collect();
        assert_eq!(
            kinds,
            [
                (ErrorKind::Missed, EntityType::Org),
                (ErrorKind::Spurious, EntityType::Loc)
            ]
        );
    }

    #[test]
    fn resolution_and_end_to_end() {
        let gold = [gold_doc(
            "a",
            vec![
                place(0, 3, "أ", 0.0, 0.0, true),     // resolved exactly: 0 km
                place(4, 7, "ب", 0.0, 0.0, true),     // resolved 1 degree away on the equator
                place(8, 11, "ج", 0.0, 0.0, true),    // found without coordinates
                place(12, 15, "د", 0.0, 0.0, true),   // boundary error: not found
                place(16, 19, "هـ", 0.0, 0.0, false), // abroad, resolved 0.05 degree away
                named(20, 23, "و", EntityType::Loc),  // unresolved gold: recognition only
            ],
        )];
        let system = [system_doc(
            "a",
            vec![
                found(0, 3, EntityType::Loc, Some((0.0, 0.0))),
                found(4, 7, EntityType::Loc, Some((0.0, 1.0))),
                found(8, 11, EntityType::Loc, None),
                found(12, 14, EntityType::Loc, Some((0.0, 0.0))),
                found(16, 19, EntityType::Loc, Some((0.05, 0.0))),
                found(20, 23, EntityType::Loc, None),
            ],
        )];
        let report = score(&gold, &system);
        let origin = Point { lat: 0.0, lon: 0.0 };
        let one_degree = origin.distance_km(Point { lat: 0.0, lon: 1.0 });
        let twentieth = origin.distance_km(Point {
            lat: 0.05,
            lon: 0.0,
        });

        let syria = report.resolution_in_syria;
        assert_eq!((syria.gold_with_coordinates, syria.found), (4, 3));
        assert_eq!(syria.found_without_coordinates, 1);
        assert_eq!(
            (syria.within_10km, syria.within_25km, syria.within_161km),
            (1, 1, 2)
        );
        assert_eq!(syria.acc_at_25km, 1.0 / 3.0);
        assert_eq!(syria.acc_at_161km, 2.0 / 3.0);
        assert_eq!(syria.median_error_km, Some(one_degree / 2.0));
        assert_eq!(syria.end_to_end_at_25km, 0.25);

        let all = report.resolution_all;
        assert_eq!((all.gold_with_coordinates, all.found), (5, 4));
        assert_eq!(
            (all.within_10km, all.within_25km, all.within_161km),
            (2, 2, 3)
        );
        assert_eq!(all.acc_at_10km, 0.5);
        assert_eq!(all.median_error_km, Some(twentieth));
        assert_eq!(all.end_to_end_at_25km, 0.4);

        let errors: Vec<_> = report
            .errors()
            .iter()
            .map(|e| (e.start(), e.kind))
            .collect();
        assert_eq!(
            errors,
            [
                (
                    4,
                    ErrorKind::WrongPlace {
                        km: Some(one_degree)
                    }
                ),
                (8, ErrorKind::WrongPlace { km: None }),
                (12, ErrorKind::BoundaryMismatch),
            ]
        );
    }

    #[test]
    fn median_of_odd_even_and_empty_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7.0]), Some(7.0));
        assert_eq!(median(&mut [9.0, 1.0, 5.0]), Some(5.0));
        assert_eq!(median(&mut [9.0, 1.0, 5.0, 3.0]), Some(4.0));
        assert_eq!(median(&mut [2.0, 2.0]), Some(2.0));
    }
}
