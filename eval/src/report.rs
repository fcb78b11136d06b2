//! Scoring gold against system documents: the recognition and resolution metrics of `EVAL.md`
//! and the list of individual errors behind them.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use super::matching::{Alignment, TypedSpan, align};
use super::model::{EntityType, GoldDoc, GoldMention, SystemDoc, SystemMention};

/// Resolution errors above this distance (km) are listed as [`ErrorKind::WrongPlace`]: the
/// end-to-end threshold of `EVAL.md`, so the listing explains exactly the end-to-end@25km losses.
pub const WRONG_PLACE_KM: f64 = 25.0;

/// Precision, recall and F1 with the counts they come from.
///
/// A ratio with a zero denominator is `0.0`: precision without system mentions, recall without
/// gold mentions, F1 without any true positive.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Prf {
    /// Matched mentions (or chunks).
    #[serde(rename = "tp")]
    pub true_positives: usize,
    /// System mentions without a match.
    #[serde(rename = "fp")]
    pub false_positives: usize,
    /// Gold mentions without a match.
    #[serde(rename = "fn")]
    pub false_negatives: usize,
    /// `tp / (tp + fp)`.
    pub precision: f64,
    /// `tp / (tp + fn)`.
    pub recall: f64,
    /// Harmonic mean of precision and recall, computed as `2tp / (2tp + fp + fn)`.
    pub f1: f64,
}

impl Prf {
    /// Scores from match counts.
    pub fn from_counts(
        true_positives: usize,
        false_positives: usize,
        false_negatives: usize,
    ) -> Prf {
        Prf {
            true_positives,
            false_positives,
            false_negatives,
            precision: ratio(true_positives, true_positives + false_positives),
            recall: ratio(true_positives, true_positives + false_negatives),
            f1: ratio(
                2 * true_positives,
                2 * true_positives + false_positives + false_negatives,
            ),
        }
    }

    /// Scores from the number of matches and the sizes of both sides.
    fn from_totals(matched: usize, gold: usize, system: usize) -> Prf {
        Prf::from_counts(matched, system - matched, gold - matched)
    }
}

/// `numerator / denominator`, or 0 when the denominator is 0 (see the module docs).
pub(crate) fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// Recognition scores of one entity type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TypeScores {
    /// The type scored.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Gold mentions of this type.
    pub gold: usize,
    /// System mentions of this type.
    pub system: usize,
    /// Matches of identical `(start, end, type)`.
    pub exact: Prf,
    /// One-to-one matches of overlapping spans of the same type.
    pub overlap: Prf,
}

/// Resolution scores over one set of gold places (in Syria, or all).
///
/// Only gold LOC mentions with coordinates count. "Found" means found with the exact span; a found
/// mention for which the system gave no coordinates is in `found` (and `found_without_coordinates`)
/// but within no threshold, so it lowers acc@k and end-to-end like a far-off guess would.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ResolutionScores {
    /// Gold LOC mentions with coordinates: the denominator of end-to-end.
    pub gold_with_coordinates: usize,
    /// Those found with the exact span: the denominator of acc@k.
    pub found: usize,
    /// Found mentions for which the system gave no coordinates.
    pub found_without_coordinates: usize,
    /// Found mentions resolved within 10 km (inclusive).
    pub within_10km: usize,
    /// Found mentions resolved within 25 km (inclusive).
    pub within_25km: usize,
    /// Found mentions resolved within 161 km (100 miles, inclusive).
    pub within_161km: usize,
    /// `within_10km / found`.
    pub acc_at_10km: f64,
    /// `within_25km / found`.
    pub acc_at_25km: f64,
    /// `within_161km / found`.
    pub acc_at_161km: f64,
    /// Median great-circle error in km over the found mentions that have system coordinates
    /// (those without have no distance; they are counted in `found_without_coordinates`).
    /// `None` when there is no such mention.
    pub median_error_km: Option<f64>,
    /// `within_25km / gold_with_coordinates`: recognition and resolution together.
    pub end_to_end_at_25km: f64,
}

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

/// Every metric of `EVAL.md` for one system run, and the errors behind them.
///
/// `Display` prints a compact table; `Serialize` gives the same numbers as JSON (the error list is
/// left out of the JSON: serialize [`Report::errors`] separately when it is wanted).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Gold documents scored.
    pub documents: usize,
    /// Gold documents with no system document (scored as if nothing was found).
    pub documents_without_output: usize,
    /// System documents whose id is in no gold document (not scored). A large number here
    /// usually means the system was run on the wrong docs file.
    pub system_documents_ignored: usize,
    /// Recognition scores, one entry per type in [`EntityType::ALL`] order.
    pub recognition: Vec<TypeScores>,
    /// Resolution over gold places with `in_syria: true`.
    pub resolution_in_syria: ResolutionScores,
    /// Resolution over all gold places.
    pub resolution_all: ResolutionScores,
    #[serde(skip)]
    errors: Vec<ErrorItem>,
}

impl Report {
    /// The recognition scores of one type.
    pub fn recognition_for(&self, entity_type: EntityType) -> &TypeScores {
        self.recognition
            .iter()
            .find(|scores| scores.entity_type == entity_type)
            .expect("a report holds scores for every entity type")
    }

    /// Every error, ordered by document (gold file order), then start and end of the gold span (or
    /// of the system span for a spurious mention), then kind: missed, boundary, wrong place,
    /// spurious.
    pub fn errors(&self) -> &[ErrorItem] {
        &self.errors
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| 100.0 * x;
        writeln!(
            f,
            "documents: {} ({} without system output, {} system documents not in gold)",
            self.documents, self.documents_without_output, self.system_documents_ignored
        )?;
        writeln!(
            f,
            "recognition   gold system | exact tp     P     R    F1 | overlap tp     P     R    F1"
        )?;
        for scores in &self.recognition {
            let (e, o) = (&scores.exact, &scores.overlap);
            writeln!(
                f,
                "{:<10} {:>7} {:>6} | {:>8} {:>5.1} {:>5.1} {:>5.1} | {:>10} {:>5.1} {:>5.1} {:>5.1}",
                scores.entity_type.as_str(),
                scores.gold,
                scores.system,
                e.true_positives,
                pct(e.precision),
                pct(e.recall),
                pct(e.f1),
                o.true_positives,
                pct(o.precision),
                pct(o.recall),
                pct(o.f1),
            )?;
        }
        writeln!(
            f,
            "resolution: gold LOC with coordinates found with the exact span (no system coordinates = wrong)"
        )?;
        writeln!(
            f,
            "scope         gold  found no-coords acc@10 acc@25 acc@161 median-km e2e@25"
        )?;
        for (scope, r) in [
            ("in Syria", &self.resolution_in_syria),
            ("all", &self.resolution_all),
        ] {
            let median = r
                .median_error_km
                .map_or_else(|| "n/a".to_owned(), |km| format!("{km:.1}"));
            writeln!(
                f,
                "{:<10} {:>7} {:>6} {:>9} {:>6.1} {:>6.1} {:>7.1} {:>9} {:>6.1}",
                scope,
                r.gold_with_coordinates,
                r.found,
                r.found_without_coordinates,
                pct(r.acc_at_10km),
                pct(r.acc_at_25km),
                pct(r.acc_at_161km),
                median,
                pct(r.end_to_end_at_25km),
            )?;
        }
        write!(
            f,
            "(P/R/F1 and acc in %; acc@k over found, e2e@25 over gold with coordinates)"
        )
    }
}

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

    let mut types = [TypeTally::default(); EntityType::ALL.len()];
    let mut in_syria = ResolutionTally::default();
    let mut all_places = ResolutionTally::default();
    let mut errors = Vec::new();
    let mut documents_without_output = 0;

    for doc in gold {
        let system_mentions: &[SystemMention] = match system_by_id.get(doc.doc_id.as_str()) {
            Some(system_doc) => &system_doc.mentions,
            None => {
                documents_without_output += 1;
                &[]
            }
        };
        let gold_spans: Vec<TypedSpan> = doc.mentions.iter().map(gold_span).collect();
        let system_spans: Vec<TypedSpan> = system_mentions.iter().map(system_span).collect();
        let alignment = align(&gold_spans, &system_spans);

        for (gi, mention) in doc.mentions.iter().enumerate() {
            let tally = &mut types[type_index(mention.entity_type)];
            tally.gold += 1;
            tally.exact += usize::from(alignment.gold_exact[gi].is_some());
            tally.overlap += usize::from(alignment.gold_overlap[gi].is_some());
        }
        for mention in system_mentions {
            types[type_index(mention.entity_type)].system += 1;
        }

        for (gi, mention) in doc.mentions.iter().enumerate() {
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
            all_places.add(outcome);
            if place.in_syria {
                in_syria.add(outcome);
            }
        }

        errors.extend(document_errors(
            &doc.doc_id,
            &doc.mentions,
            system_mentions,
            &alignment,
        ));
    }

    let recognition = EntityType::ALL
        .iter()
        .map(|&entity_type| {
            let tally = types[type_index(entity_type)];
            TypeScores {
                entity_type,
                gold: tally.gold,
                system: tally.system,
                exact: Prf::from_totals(tally.exact, tally.gold, tally.system),
                overlap: Prf::from_totals(tally.overlap, tally.gold, tally.system),
            }
        })
        .collect();

    Report {
        documents: gold.len(),
        documents_without_output,
        system_documents_ignored: system
            .iter()
            .filter(|doc| !gold_ids.contains(doc.doc_id.as_str()))
            .count(),
        recognition,
        resolution_in_syria: in_syria.finish(),
        resolution_all: all_places.finish(),
        errors,
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
fn document_errors(
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
    use crate::model::{GoldRef, OrgRef, PlaceRef};
    use makan::Point;

    fn place(
        start: usize,
        end: usize,
        text: &str,
        lat: f64,
        lon: f64,
        in_syria: bool,
    ) -> GoldMention {
        GoldMention {
            start,
            end,
            text: text.to_owned(),
            entity_type: EntityType::Loc,
            gold: Some(GoldRef::Place(PlaceRef {
                lat,
                lon,
                in_syria,
                kind: None,
                source_ref: None,
                name_en: None,
            })),
            note: None,
        }
    }

    fn named(start: usize, end: usize, text: &str, entity_type: EntityType) -> GoldMention {
        let gold = (entity_type == EntityType::Org).then(|| {
            GoldRef::Organization(OrgRef {
                canon: text.to_owned(),
                kind: None,
            })
        });
        GoldMention {
            start,
            end,
            text: text.to_owned(),
            entity_type,
            gold,
            note: None,
        }
    }

    fn found(
        start: usize,
        end: usize,
        entity_type: EntityType,
        at: Option<(f64, f64)>,
    ) -> SystemMention {
        SystemMention {
            start,
            end,
            entity_type,
            lat: at.map(|(lat, _)| lat),
            lon: at.map(|(_, lon)| lon),
            text: None,
        }
    }

    fn gold_doc(doc_id: &str, mentions: Vec<GoldMention>) -> GoldDoc {
        GoldDoc {
            doc_id: doc_id.to_owned(),
            mentions,
        }
    }

    fn system_doc(doc_id: &str, mentions: Vec<SystemMention>) -> SystemDoc {
        SystemDoc {
            doc_id: doc_id.to_owned(),
            mentions,
        }
    }

    #[test]
    fn prf_is_zero_when_undefined() {
        assert_eq!(Prf::from_counts(0, 0, 0), Prf::default());
        let only_fp = Prf::from_counts(0, 3, 0);
        assert_eq!(
            (only_fp.precision, only_fp.recall, only_fp.f1),
            (0.0, 0.0, 0.0)
        );
        let only_fn = Prf::from_counts(0, 0, 2);
        assert_eq!(
            (only_fn.precision, only_fn.recall, only_fn.f1),
            (0.0, 0.0, 0.0)
        );
        let half = Prf::from_counts(1, 1, 1);
        assert_eq!((half.precision, half.recall, half.f1), (0.5, 0.5, 0.5));
        let p1_r_third = Prf::from_counts(1, 0, 2);
        assert!((p1_r_third.f1 - 0.5).abs() < 1e-12);
    }

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

    /// Four gold places in Syria and one abroad, each with a different outcome.
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

    #[test]
    fn median_of_odd_even_and_empty_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7.0]), Some(7.0));
        assert_eq!(median(&mut [9.0, 1.0, 5.0]), Some(5.0));
        assert_eq!(median(&mut [9.0, 1.0, 5.0, 3.0]), Some(4.0));
        assert_eq!(median(&mut [2.0, 2.0]), Some(2.0));
    }
}
