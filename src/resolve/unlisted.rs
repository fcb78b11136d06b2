//! Names no gazetteer lists, put among the resolved mentions: organizations and places
//! found by their form ([`crate::forms`]), facilities named after their place.

use super::{Evidence, EvidenceSet, Resolution, Resolver};
use crate::document::Document;
use crate::forms;
use crate::gazetteer::EntityType;
use crate::tag::Mention;
use crate::words::{DocWords, TokenWords};

impl Resolver {
    /// Facilities named after their place («قلعة حلب», «سجن صيدنايا»): the accepted place
    /// mention becomes the facility's, with the place's point (evidence `pattern`,
    /// `place_inside`) and no entity; flat annotation marks the facility only.
    pub(super) fn facilities_in_places(
        &self,
        doc: &Document<'_>,
        words: &[TokenWords],
        all: &mut Vec<(Mention, Resolution)>,
    ) {
        // Only an accepted place that is no country or continent lends its point (its kind
        // read from the resolver's facts, which deciding it has just read).
        let is_place = |(place, r): &(Mention, Resolution)| {
            r.accepted
                && r.ty == EntityType::Loc
                && place.name().is_some()
                && r.entity.is_some_and(|e| {
                    !matches!(
                        self.facts.get(e).kind,
                        crate::Kind::Country | crate::Kind::Continent
                    )
                })
        };
        let places = all.iter().map(|pair| is_place(pair).then_some(&pair.0));
        let found = forms::facilities(doc, words, places);
        let evidence = EvidenceSet::EMPTY
            .with(Evidence::Pattern)
            .with(Evidence::PlaceInside);
        let facilities = found.iter().map(|f| {
            let r = &all[f.place].1;
            let folded = crate::Span::new(f.found.start, f.found.end);
            let mention = Mention::new(doc, folded, None, EntityType::Loc, f.found.proclitic);
            let facility =
                Resolution::unlisted(EntityType::Loc, r.confidence * 0.9, evidence, r.point);
            (f.place, (mention, facility))
        });
        let facilities: Vec<_> = facilities.collect();
        crate::tag::place_facilities(all, facilities, |r| r.accepted);
    }
}

/// Places named by their form after a settlement's noun («بلدة بنديرادلي»), which no
/// gazetteer lists: a place mention with no entity and no point (evidence `pattern` and
/// `place_marker`), at the confidence of a name with nothing else for it.
pub(super) fn unlisted_places(
    doc: &Document<'_>,
    words: &DocWords,
    all: &mut Vec<(Mention, Resolution)>,
) {
    let found = forms::places(doc, words, all.iter().map(|(m, _)| m));
    if found.is_empty() {
        return;
    }
    let evidence = EvidenceSet::EMPTY
        .with(Evidence::Pattern)
        .with(Evidence::PlaceMarker);
    let found = found.into_iter().map(|f| {
        let folded = crate::Span::new(f.start, f.end);
        let mention = Mention::new(doc, folded, None, EntityType::Loc, f.proclitic);
        (
            mention,
            Resolution::unlisted(EntityType::Loc, 0.6, evidence, None),
        )
    });
    *all = merge_by_start(std::mem::take(all), found.collect());
}

/// `all` and `more` in one list in the order of their starts, `all`'s first on a tie: what a
/// stable sort of the two would give, for two lists each in text order. A few more (a
/// document's unlisted names) are inserted where they go; more than a few are merged, with no
/// copy beyond one move of each.
pub(super) fn merge_by_start(
    mut all: Vec<(Mention, Resolution)>,
    more: Vec<(Mention, Resolution)>,
) -> Vec<(Mention, Resolution)> {
    /// Up to this many are inserted one by one.
    const INSERTED: usize = 4;
    if more.is_empty() {
        return all;
    }
    let start = |(m, _): &(Mention, Resolution)| m.span().start();
    if !all.is_sorted_by_key(start) || !more.is_sorted_by_key(start) {
        all.extend(more);
        all.sort_by_key(start);
        return all;
    }
    if more.len() <= INSERTED {
        for pair in more {
            // After every mention that starts no later: on a tie the one already there first.
            let at = all.partition_point(|p| start(p) <= start(&pair));
            all.insert(at, pair);
        }
        return all;
    }
    let mut merged = Vec::with_capacity(all.len() + more.len());
    let mut more = more.into_iter().peekable();
    for pair in all {
        while let Some(next) = more.next_if(|m| start(m) < start(&pair)) {
            merged.push(next);
        }
        merged.push(pair);
    }
    merged.extend(more);
    merged
}

#[cfg(test)]
mod merge_tests {
    use super::*;
    use crate::Span;
    use crate::tag::Proclitic;

    /// Mentions of `doc` at the folded starts `at` (a word each), each tagged by its
    /// confidence so that the order of equal starts shows.
    fn pairs(doc: &Document<'_>, at: &[(usize, f64)]) -> Vec<(Mention, Resolution)> {
        at.iter()
            .map(|&(start, tag)| {
                let end = start + doc.folded()[start..].find(' ').unwrap_or(1);
                let m = Mention::new(
                    doc,
                    Span::new(start, end),
                    None,
                    EntityType::Loc,
                    Proclitic::NONE,
                );
                (
                    m,
                    Resolution::unlisted(EntityType::Loc, tag, EvidenceSet::EMPTY, None),
                )
            })
            .collect()
    }

    fn order(all: &[(Mention, Resolution)]) -> Vec<(usize, f64)> {
        all.iter()
            .map(|(m, r)| (m.folded().start(), r.confidence()))
            .collect()
    }

    #[test]
    fn merging_by_start_is_a_stable_sort_of_the_two() {
        let doc = Document::new("aa bb cc dd ee ff");
        let all = pairs(&doc, &[(0, 0.1), (6, 0.2), (12, 0.3)]);
        let more = pairs(&doc, &[(3, 0.4), (6, 0.5), (15, 0.6)]);
        // On a tie the first list's mention comes first.
        let merged = merge_by_start(all.clone(), more.clone());
        assert_eq!(
            order(&merged),
            [(0, 0.1), (3, 0.4), (6, 0.2), (6, 0.5), (12, 0.3), (15, 0.6)]
        );
        let mut sorted: Vec<_> = all.into_iter().chain(more).collect();
        sorted.sort_by_key(|(m, _)| m.span().start());
        assert_eq!(order(&merged), order(&sorted));
        // A list out of order is sorted, stably, as before.
        let unsorted = pairs(&doc, &[(9, 0.1), (0, 0.2)]);
        let merged = merge_by_start(unsorted, pairs(&doc, &[(0, 0.3)]));
        assert_eq!(order(&merged), [(0, 0.2), (0, 0.3), (9, 0.1)]);
        assert!(merge_by_start(Vec::new(), Vec::new()).is_empty());
        // Many more are merged, not inserted: the same order.
        let doc = Document::new("aa bb cc dd ee ff gg hh");
        let all = pairs(&doc, &[(3, 0.1), (9, 0.2), (15, 0.3)]);
        let more = pairs(
            &doc,
            &[(0, 0.4), (3, 0.5), (6, 0.6), (9, 0.7), (12, 0.8), (21, 0.9)],
        );
        let mut sorted: Vec<_> = all.iter().chain(&more).cloned().collect();
        sorted.sort_by_key(|(m, _)| m.span().start());
        assert_eq!(order(&merge_by_start(all, more)), order(&sorted));
    }
}
