//! One-to-one pairing of gold and system mentions within one document.
//!
//! Both pairings are one-to-one: a gold mention is credited at most once and a system mention
//! earns at most one credit, so a system that repeats a span gains nothing by it.
//!
//! * **Exact**: gold mentions are visited in input order; each takes the first (input order)
//!   still unpaired system mention with the same `(start, end, type)`.
//! * **Overlap**: starts from the exact pairs, so an identical span is never taken away by a
//!   longer neighbour; then, among the still unpaired mentions, every (gold, system) pair of the
//!   same type whose half-open spans share at least one code point is a candidate. Candidates are
//!   accepted greedily in order of larger shared length first, then earlier gold start, earlier gold
//!   end, earlier system start, earlier system end, gold index, system index; a candidate is
//!   skipped when either side is already paired. Greedy is not a maximum matching in every
//!   contrived case, but it is deterministic and prefers the pairing a reader would pick.

use super::model::EntityType;

/// The part of a mention the pairing looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TypedSpan {
    pub start: usize,
    pub end: usize,
    pub entity_type: EntityType,
}

impl TypedSpan {
    /// Code points shared by two half-open spans (0 when they only touch).
    fn shared_len(self, other: TypedSpan) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// The pairing of one document's mentions: partner indices on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Alignment {
    /// For each gold mention, the system mention with the identical span and type.
    pub gold_exact: Vec<Option<usize>>,
    /// For each gold mention, its overlap partner (the exact partner when there is one).
    pub gold_overlap: Vec<Option<usize>>,
    /// For each system mention, its overlap partner.
    pub system_overlap: Vec<Option<usize>>,
}

/// Pairs gold and system mentions of one document; see the module docs for the order.
pub(crate) fn align(gold: &[TypedSpan], system: &[TypedSpan]) -> Alignment {
    let mut gold_exact = vec![None; gold.len()];
    let mut system_exact = vec![None; system.len()];
    // Documents hold tens of mentions, so the quadratic scans cost less than building indexes.
    for (gi, g) in gold.iter().enumerate() {
        let partner = system
            .iter()
            .enumerate()
            .find(|&(si, s)| system_exact[si].is_none() && s == g)
            .map(|(si, _)| si);
        if let Some(si) = partner {
            gold_exact[gi] = Some(si);
            system_exact[si] = Some(gi);
        }
    }

    let mut gold_overlap = gold_exact.clone();
    let mut system_overlap = system_exact;
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if gold_overlap[gi].is_some() {
            continue;
        }
        for (si, s) in system.iter().enumerate() {
            if system_overlap[si].is_some() || s.entity_type != g.entity_type {
                continue;
            }
            let shared = g.shared_len(*s);
            if shared > 0 {
                candidates.push((shared, gi, si));
            }
        }
    }
    candidates.sort_by_key(|&(shared, gi, si)| {
        let (g, s) = (gold[gi], system[si]);
        (
            std::cmp::Reverse(shared),
            g.start,
            g.end,
            s.start,
            s.end,
            gi,
            si,
        )
    });
    for (_, gi, si) in candidates {
        if gold_overlap[gi].is_none() && system_overlap[si].is_none() {
            gold_overlap[gi] = Some(si);
            system_overlap[si] = Some(gi);
        }
    }

    Alignment {
        gold_exact,
        gold_overlap,
        system_overlap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::{Loc, Org};

    fn span(start: usize, end: usize, entity_type: EntityType) -> TypedSpan {
        TypedSpan {
            start,
            end,
            entity_type,
        }
    }

    #[test]
    fn identical_span_and_type_pair_exactly() {
        let a = align(&[span(0, 4, Loc)], &[span(0, 4, Loc)]);
        assert_eq!(a.gold_exact, [Some(0)]);
        assert_eq!(a.gold_overlap, [Some(0)]);
        assert_eq!(a.system_overlap, [Some(0)]);
    }

    #[test]
    fn same_span_other_type_does_not_pair() {
        let a = align(&[span(0, 4, Loc)], &[span(0, 4, Org)]);
        assert_eq!(a.gold_exact, [None]);
        assert_eq!(a.gold_overlap, [None]);
        assert_eq!(a.system_overlap, [None]);
    }

    #[test]
    fn duplicate_system_span_is_paired_once() {
        let a = align(&[span(0, 4, Loc)], &[span(0, 4, Loc), span(0, 4, Loc)]);
        assert_eq!(a.gold_exact, [Some(0)]);
        assert_eq!(a.system_overlap, [Some(0), None]);
    }

    #[test]
    fn duplicate_gold_spans_take_distinct_system_mentions() {
        let a = align(&[span(0, 4, Loc), span(0, 4, Loc)], &[span(0, 4, Loc)]);
        assert_eq!(a.gold_exact, [Some(0), None]);
        let a = align(
            &[span(0, 4, Loc), span(0, 4, Loc)],
            &[span(0, 4, Loc), span(0, 4, Loc)],
        );
        assert_eq!(a.gold_exact, [Some(0), Some(1)]);
    }

    #[test]
    fn adjacent_spans_do_not_overlap() {
        // Half-open spans that only touch share no code point.
        let a = align(&[span(0, 4, Loc)], &[span(4, 8, Loc)]);
        assert_eq!(a.gold_overlap, [None]);
        assert_eq!(a.system_overlap, [None]);
    }

    #[test]
    fn nested_system_span_pairs_by_overlap_only() {
        // Gold "مخيم اليرموك" 0..12, system found only "اليرموك" 5..12.
        let a = align(&[span(0, 12, Loc)], &[span(5, 12, Loc)]);
        assert_eq!(a.gold_exact, [None]);
        assert_eq!(a.gold_overlap, [Some(0)]);
    }

    #[test]
    fn exact_pair_is_not_stolen_by_a_longer_overlap() {
        // Gold A 0..5 and B 6..10; system X 0..5 (exact for A) and Y 0..10 (covers both).
        // Phase 1 pairs A-X; Y can then only go to B.
        let a = align(
            &[span(0, 5, Loc), span(6, 10, Loc)],
            &[span(0, 10, Loc), span(0, 5, Loc)],
        );
        assert_eq!(a.gold_exact, [Some(1), None]);
        assert_eq!(a.gold_overlap, [Some(1), Some(0)]);
        assert_eq!(a.system_overlap, [Some(1), Some(0)]);
    }

    #[test]
    fn one_system_span_over_two_gold_spans_credits_one() {
        // System merged two gold names into one span: one overlap pair, the larger share wins.
        let a = align(&[span(0, 3, Loc), span(4, 10, Loc)], &[span(0, 10, Loc)]);
        assert_eq!(a.gold_overlap, [None, Some(0)]);
        assert_eq!(a.system_overlap, [Some(1)]);
    }

    #[test]
    fn two_system_spans_inside_one_gold_span_credit_one() {
        let a = align(&[span(0, 10, Org)], &[span(0, 4, Org), span(5, 10, Org)]);
        // Larger share first: 5..10 shares 5 code points, 0..4 shares 4.
        assert_eq!(a.gold_overlap, [Some(1)]);
        assert_eq!(a.system_overlap, [None, Some(0)]);
    }

    #[test]
    fn equal_shares_break_ties_by_position() {
        let a = align(&[span(0, 4, Loc), span(4, 8, Loc)], &[span(2, 6, Loc)]);
        assert_eq!(a.gold_overlap, [Some(0), None]);
    }

    #[test]
    fn empty_inputs() {
        let a = align(&[], &[]);
        assert!(a.gold_exact.is_empty() && a.system_overlap.is_empty());
        let a = align(&[span(0, 1, Loc)], &[]);
        assert_eq!(a.gold_overlap, [None]);
        let a = align(&[], &[span(0, 1, Loc)]);
        assert_eq!(a.system_overlap, [None]);
    }
}
