//! The overlap policy: which of several names over the same words is the mention. Flat
//! annotation marks one name per stretch of text, the longest.
//!
//! 0. A word read whole as a village gives way to the same word read after a glued letter
//!    when that names a prominent place ([`prefer_prominent_split`]: «بروما» is in Rome).
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
use crate::gazetteer::{EntityId, EntityType, Gazetteer, Kind, NameId};
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
///
/// Candidates that overlap no other (most) are kept as they are. The rule only ever chooses
/// within a run of candidates joined by overlaps, so each such run is decided apart: sorted
/// by the rule's order and kept where nothing kept before overlaps. The tagger hands the
/// candidates in text order; others are put in it first (a stable sort, so that ties keep
/// their order).
pub(crate) fn longest_first<T: Copy>(
    candidates: &mut [Candidate<T>],
    chosen: &mut Vec<Candidate<T>>,
) {
    chosen.clear();
    if !candidates.is_sorted_by_key(|c| c.folded.start()) {
        candidates.sort_by_key(|c| c.folded.start());
    }
    // An empty span still takes its position.
    let end = |c: &Candidate<T>| c.folded.end().max(c.folded.start() + 1);
    let mut first = 0;
    while first < candidates.len() {
        let mut reach = end(&candidates[first]);
        let mut last = first + 1;
        while last < candidates.len() && candidates[last].folded.start() < reach {
            reach = reach.max(end(&candidates[last]));
            last += 1;
        }
        if last == first + 1 {
            chosen.push(candidates[first]);
        } else {
            let run = &mut candidates[first..last];
            run.sort_by_key(|c| {
                (
                    std::cmp::Reverse(c.folded.len()),
                    c.folded.start(),
                    c.proclitic_len,
                )
            });
            let kept = chosen.len();
            for c in run.iter() {
                let (start, stop) = (c.folded.start(), end(c));
                if !chosen[kept..]
                    .iter()
                    .any(|k| start < end(k) && k.folded.start() < stop)
                {
                    chosen.push(*c);
                }
            }
            // Chosen spans do not overlap, so their starts differ.
            chosen[kept..].sort_unstable_by_key(|c| c.folded.start());
        }
        first = last;
    }
}

/// Drops a word read whole as a village when the same word read after a glued letter (ب، ل،
/// و، ف) names a prominent place: «بروما» says "in Rome" far more often than it names the
/// hamlet Bruma, «وقم» "and Qom" rather than Waqam. A village is a populated place of under
/// 20,000 people; prominent is a country or a city of 500,000 or more. Longest-first would
/// otherwise always keep the whole word.
pub(crate) fn prefer_prominent_split<P: Copy>(
    g: &Gazetteer,
    candidates: &mut Vec<Candidate<(NameId, P, usize)>>,
) {
    let village = |e: &EntityId| {
        let e = g.entity(*e);
        e.kind() == Kind::Populated && e.population().unwrap_or(0) < 20_000
    };
    let prominent = |e: &EntityId| {
        let e = g.entity(*e);
        e.kind() == Kind::Country
            || (e.kind() == Kind::Populated && e.population().unwrap_or(0) >= 500_000)
    };
    // The candidates of one token come together, in the order of their tokens. Most tokens
    // have one, which has no other reading to give way to; the list of those dropped is
    // made at the first.
    let mut drop: Vec<bool> = Vec::new();
    let mut first = 0;
    while first < candidates.len() {
        let token = candidates[first].value.2;
        let last = first + candidates[first..].partition_point(|c| c.value.2 == token);
        let group = &candidates[first..last];
        for (k, c) in group.iter().enumerate().filter(|_| group.len() > 1) {
            // The positions first: most words have no such pair, and the entities are
            // read only for one.
            let dropped = c.proclitic_len == 0
                && group.iter().any(|o| {
                    o.proclitic_len > 0
                        && o.folded.end() == c.folded.end()
                        && o.folded.start() == c.folded.start() + o.proclitic_len
                        && g.name(o.value.0).entities().iter().any(prominent)
                })
                && g.name(c.value.0).entities().iter().all(village);
            if dropped {
                drop.resize(candidates.len(), false);
                drop[first + k] = true;
            }
        }
        first = last;
    }
    if !drop.is_empty() {
        let mut keep = drop.iter().map(|d| !d);
        candidates.retain(|_| keep.next().unwrap_or(true));
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
    // Both lists are in text order without overlaps: the mentions a form overlaps are one
    // run, found by binary search.
    let mut dropped = vec![false; mentions.len()];
    let mut unlisted = Vec::new();
    for f in found {
        let first = mentions.partition_point(|m| m.folded().end() <= f.start);
        let last = first + mentions[first..].partition_point(|m| m.folded().start() < f.end);
        if mentions[first..last].iter().any(names_org) {
            continue;
        }
        dropped[first..last].iter_mut().for_each(|d| *d = true);
        let folded = Span::new(f.start, f.end);
        unlisted.push(Mention::new(
            doc,
            folded,
            None,
            EntityType::Org,
            f.proclitic,
        ));
    }
    let mut keep = dropped.iter().map(|d| !d);
    mentions.retain(|_| keep.next().unwrap_or(true));
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
    // `all` is in text order without overlaps: the mentions a span overlaps are one run.
    let run = |all: &[(Mention, R)], s: Span| {
        let first = all.partition_point(|(m, _)| m.folded().end() <= s.start());
        let last = first + all[first..].partition_point(|(m, _)| m.folded().start() < s.end());
        first..last
    };
    // Nothing else accepted may stand inside the name (a listed facility, a name).
    let alone: Vec<bool> = facilities
        .iter()
        .map(|(i, (f, _))| {
            run(all, f.folded()).all(|k| {
                let (m, r) = &all[k];
                k == *i || !accepted(r) || !overlap(m.folded(), f.folded())
            })
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
    spans.sort_by_key(|s| s.start());
    let inside = |m: &Mention| {
        let k = spans.partition_point(|s| s.end() <= m.folded().start());
        spans.get(k).is_some_and(|&s| overlap(m.folded(), s))
    };
    all.retain(|(m, r)| accepted(r) || m.name().is_none() || !inside(m));
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

    /// Against the rule read plainly (each candidate in order of length then start, kept when
    /// it overlaps none kept before), on many random sets that cross the bit set's words.
    #[test]
    fn matches_the_rule_on_random_candidates() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as usize
        };
        for round in 0..1000 {
            let mut cands: Vec<Candidate<u8>> = Vec::new();
            for v in 0..next(40) as u8 {
                let start = next(300);
                let mut c = cand(start, start + next(70), v);
                c.proclitic_len = next(3);
                cands.push(c);
                // The same span again, as a name key of several names gives.
                if next(4) == 0 {
                    cands.push(Candidate {
                        value: v + 100,
                        ..c
                    });
                }
            }
            // Half the rounds in text order, as the tagger hands them.
            if round % 2 == 0 {
                cands.sort_by_key(|c| c.folded.start());
            }
            let mut sorted = cands.clone();
            sorted.sort_by_key(|c| {
                (
                    std::cmp::Reverse(c.folded.len()),
                    c.folded.start(),
                    c.proclitic_len,
                )
            });
            // An empty span takes its position.
            let taken =
                |c: &Candidate<u8>| (c.folded.start(), c.folded.end().max(c.folded.start() + 1));
            let mut want: Vec<Candidate<u8>> = Vec::new();
            for c in sorted {
                let (s, e) = taken(&c);
                if !want.iter().any(|k| {
                    let (ks, ke) = taken(k);
                    s < ke && ks < e
                }) {
                    want.push(c);
                }
            }
            want.sort_by_key(|c| c.folded.start());
            let mut chosen = Vec::new();
            longest_first(&mut cands, &mut chosen);
            let spans =
                |v: &[Candidate<u8>]| v.iter().map(|c| (c.folded, c.value)).collect::<Vec<_>>();
            assert_eq!(spans(&chosen), spans(&want));
        }
    }
}
