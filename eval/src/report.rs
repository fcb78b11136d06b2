//! The report of a scoring run: precision, recall and F1 per entity type, resolution scores
//! per scope, and the table they print as. [`score`](crate::score) fills it; the error listing
//! behind the numbers is in `errors.rs`.

use std::fmt;

use serde::Serialize;

use super::errors::ErrorItem;
use super::model::EntityType;

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
    pub(crate) fn from_totals(matched: usize, gold: usize, system: usize) -> Prf {
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
    pub(crate) errors: Vec<ErrorItem>,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
