//! Choosing among overlapping candidates.
//!
//! The rule, deterministic and documented in DESIGN.md: longest span first (folded length),
//! then the earlier start, then the candidate found with fewer proclitics; a candidate that
//! overlaps one already chosen is dropped. Longest-first keeps دير الزور over الزور, ريف
//! دمشق over دمشق, and the organization جامعة دمشق over the place inside it, which is how the
//! annotation guidelines mark flat spans.

use crate::Span;

/// A name accepted by the boundary rules, before overlaps are resolved.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate<T> {
    /// Folded byte range.
    pub(crate) folded: Span,
    /// Number of proclitic letters before the name (tie-breaker).
    pub(crate) proclitic_len: usize,
    /// What the caller attaches.
    pub(crate) value: T,
}

/// Keeps the non-overlapping candidates by the rule above, returned in text order.
pub(crate) fn longest_first<T: Copy>(
    candidates: &mut [Candidate<T>],
    chosen: &mut Vec<Candidate<T>>,
) {
    candidates.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.folded.len()),
            c.folded.start(),
            c.proclitic_len,
        )
    });
    chosen.clear();
    for c in candidates.iter() {
        // `chosen` is kept sorted by start, so only the neighbours can overlap.
        let i = chosen.partition_point(|k| k.folded.start() < c.folded.start());
        let clashes = chosen.get(i).is_some_and(|k| k.folded.overlaps(c.folded))
            || i.checked_sub(1)
                .is_some_and(|j| chosen[j].folded.overlaps(c.folded));
        if !clashes {
            chosen.insert(i, *c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(start: usize, end: usize, value: u8) -> Candidate<u8> {
        Candidate {
            folded: Span::new(start, end),
            proclitic_len: 0,
            value,
        }
    }

    #[test]
    fn longest_wins_then_earliest() {
        let mut cands = vec![
            cand(0, 4, 1),
            cand(0, 10, 2),
            cand(6, 10, 3),
            cand(12, 16, 4),
            cand(14, 18, 5),
        ];
        let mut chosen = Vec::new();
        longest_first(&mut cands, &mut chosen);
        let values: Vec<u8> = chosen.iter().map(|c| c.value).collect();
        assert_eq!(values, [2, 4]);
    }

    #[test]
    fn adjacent_spans_both_stay() {
        let mut cands = vec![cand(0, 4, 1), cand(4, 8, 2)];
        let mut chosen = Vec::new();
        longest_first(&mut cands, &mut chosen);
        assert_eq!(chosen.len(), 2);
    }
}
