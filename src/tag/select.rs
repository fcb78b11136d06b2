//! The overlap policy: which of several names over the same words is the mention. Flat
//! annotation marks one name per stretch of text, the longest.
//!
//! 1. Gazetteer names ([`longest_first`]): longest span first (folded length), then the
//!    earlier start, then the candidate found with fewer proclitics; a candidate that
//!    overlaps one already chosen is dropped. This keeps دير الزور over الزور, ريف دمشق over
//!    دمشق, and the organization جامعة دمشق over the place inside it.
//! 2. Organizations recognized by their form ([`merge_forms`]): a listed organization
//!    overlapping one wins (the gazetteer knows it); otherwise the form's name replaces the
//!    names inside it («غرفة عمليات حلب» is one organization, not حلب).
//! 3. Facilities named after their place ([`place_facilities`]): the facility («قلعة حلب»)
//!    replaces its accepted place when nothing else accepted stands inside it, and rejected
//!    readings inside it go with it.

use crate::Span;
use crate::document::Document;
use crate::forms::Found;
use crate::gazetteer::{EntityType, Gazetteer};
use crate::tag::Mention;

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

/// Merges the organizations `found` by their form into the tagger's `mentions` (policy 2),
/// and returns them as mentions without a name.
pub(crate) fn merge_forms(
    g: &Gazetteer,
    doc: &Document<'_>,
    mentions: &mut Vec<Mention>,
    found: &[Found],
) -> Vec<Mention> {
    let names_org = |m: &Mention| {
        m.name().is_some_and(|n| {
            g.name(n)
                .entities()
                .iter()
                .any(|&e| g.entity(e).entity_type() == EntityType::Org)
        })
    };
    let mut unlisted = Vec::new();
    for f in found {
        let overlaps = |m: &Mention| m.folded().start() < f.end && f.start < m.folded().end();
        if mentions.iter().any(|m| overlaps(m) && names_org(m)) {
            continue;
        }
        mentions.retain(|m| !overlaps(m));
        let folded = Span::new(f.start, f.end);
        unlisted.push(Mention::new(
            doc,
            folded,
            None,
            EntityType::Org,
            f.proclitic,
        ));
    }
    unlisted
}

/// Puts facilities named after their place in place of the place (policy 3): each of
/// `facilities` is `(index in all, the facility's mention and result)`. `accepted` tells
/// which results were accepted.
pub(crate) fn place_facilities<R>(
    all: &mut Vec<(Mention, R)>,
    facilities: Vec<(usize, (Mention, R))>,
    accepted: impl Fn(&R) -> bool,
) {
    let overlap = |a: Span, b: Span| a.start() < b.end() && b.start() < a.end();
    // Nothing else accepted may stand inside the name (a listed facility, a name).
    let alone: Vec<bool> = facilities
        .iter()
        .map(|(i, (f, _))| {
            all.iter()
                .enumerate()
                .all(|(k, (m, r))| k == *i || !accepted(r) || !overlap(m.folded(), f.folded()))
        })
        .collect();
    let mut spans = Vec::new();
    for ((i, pair), alone) in facilities.into_iter().zip(alone) {
        if alone {
            spans.push(pair.0.folded());
            all[i] = pair;
        }
    }
    // Rejected readings inside a facility's name (قلعة the village) go with it.
    all.retain(|(m, r)| {
        accepted(r) || m.name().is_none() || !spans.iter().any(|&s| overlap(m.folded(), s))
    });
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
