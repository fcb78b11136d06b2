//! The decision: the best candidate of each mention, its confidence, and whether the mention
//! is kept — a name that is also an ordinary word needs support, and a few readings are
//! rejected outright.

use super::evidence::{Evidence, EvidenceSet};
use super::features::{Scored, Site};
use super::prior::{Commonness, EntityFacts, Facts, NameCues, commonness};
use super::{Resolution, ResolverOptions};
use crate::gazetteer::{EntityType, Gazetteer, Kind, Name};
use crate::words::Size;

/// A foreign place that news names as a place often enough to need no support, read from
/// the reference corpus: a name of several words (rarely an ordinary phrase) that stands
/// after a locative word in 5 % of its 10 or more occurrences (قطاع غزة 18 %, تل أبيب 7 %);
/// a single word also in 8 %, and either a city of half a million or a first-level division
/// named 10 times or more (دبي 11 %, مراكش, فلوريدا 42 %) or, of 20 or more, named in documents
/// about Syria for 30 % of them, a place of the domain's news (جنيف: 13 %, 39 %). Words that are also foreign towns fall
/// short (ليل "night" 5 %; عدن "they returned", the Yemeni port in Saudi news: 8 % about
/// Syria; البيضاء "white" 4 %).
pub(super) fn is_prominent(name: &Name, best: &Facts) -> bool {
    let count = name.corpus_count().unwrap_or(0);
    let locative = f64::from(name.corpus_locative()) / f64::from(count.max(1));
    if name.key().contains(' ') {
        return count >= 10 && locative >= 0.04;
    }
    let (docs, syria_docs) = name.corpus_docs();
    // A first-level division (تكساس، فلوريدا) is as large as a big city.
    let large =
        (best.kind == Kind::Populated && best.size == Size::Large) || best.kind == Kind::Admin1;
    let topical = count >= 20 && f64::from(syria_docs) >= 0.3 * f64::from(docs.max(1));
    locative >= 0.08 && ((large && count >= 10) || topical)
}

/// Decides one site.
pub(super) fn decide(
    g: &Gazetteer,
    facts: &EntityFacts,
    options: &ResolverOptions,
    site: &mut Site<'_>,
) -> Resolution {
    site.candidates
        .sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity.cmp(&b.entity)));
    let site = &*site;
    let ranked = &site.candidates;
    let Some(best) = ranked.first().copied() else {
        return Resolution::none(site.ty);
    };
    // Softmax share of the best candidate.
    let total: f64 = ranked.iter().map(|c| (c.score - best.score).exp()).sum();
    let best_entity = facts.get(best.entity);
    let mut verdict = Verdict {
        confidence: 1.0 / total,
        evidence: best.evidence,
        accepted: true,
    };
    let commonness = commonness(g, site.name, best_entity, options.common_word_ratio);
    verdict.support(site, commonness);
    verdict.evidence = verdict
        .evidence
        .union(site.support)
        .union(site.weak_support);
    // A region of a country as a whole (دارفور، الشيشان), not a site or a quarter in one.
    let whole_region = best_entity.kind == Kind::Region
        && matches!(g.entity(best.entity).class(), "subnational" | "province");
    verdict.unsupported(site, best_entity, &best, commonness, whole_region);
    if let Some(rule) = site.against {
        verdict.reject(rule, 0.1);
    }
    verdict.accepted &= verdict.confidence >= options.min_confidence;
    // Still a place mention, but the gazetteer lacks the one meant: kept, with a confidence
    // that says the point is likely wrong.
    if site.nationality_mismatch {
        verdict.evidence.insert(Evidence::NationalityMismatch);
        verdict.confidence *= 0.3;
    }
    Resolution {
        entity: Some(best.entity),
        ty: site.ty,
        confidence: verdict.confidence,
        evidence: verdict.evidence,
        alternatives: ranked
            .iter()
            .skip(1)
            .take(super::MAX_ALTERNATIVES)
            .map(|c| (c.entity, c.score))
            .collect(),
        accepted: verdict.accepted,
        point: best_entity.point,
    }
}

/// The confidence and acceptance of a mention as the rules apply.
struct Verdict {
    confidence: f64,
    evidence: EvidenceSet,
    accepted: bool,
}

impl Verdict {
    fn reject(&mut self, rule: Evidence, factor: f64) {
        self.evidence.insert(rule);
        self.confidence *= factor;
        self.accepted = false;
    }

    /// A name that is also an ordinary word is kept only with support.
    fn support(&mut self, site: &Site<'_>, commonness: Commonness) {
        // A name that is itself a cue word (المدينة "the city", البلدة) refers back to a place
        // named before; only a phrase tying it to another place makes it a name.
        let cue_word = site.ty == EntityType::Loc && site.cues.has(NameCues::CUE_WORD);
        let supported = match commonness {
            _ if cue_word => site.support.contains(Evidence::Context),
            // A word of the grammar marks a place as a locative does: not enough for «له».
            // A hashtag makes a topic of a word as readily as of a name (#عاجل "urgent"), and
            // a headline word opens a text before a colon as a dateline does («عاجل: …»).
            Commonness::VeryCommon => !site
                .support
                .without(Evidence::Locative)
                .without(Evidence::PlaceMarker)
                .without(Evidence::Hashtag)
                .without(Evidence::Dateline)
                .is_empty(),
            _ => !site.support.is_empty(),
        };
        if commonness != Commonness::Name {
            if supported {
                self.evidence.insert(Evidence::CommonWord);
                self.confidence *= 0.75;
            } else {
                self.reject(Evidence::CommonWord, 0.2);
            }
        } else if !supported && site.weak_support.is_empty() {
            self.confidence *= 0.9;
        }
    }

    /// Small places with nothing for them but their name, and lower-case words. Coherence
    /// (other places of the document near a candidate) is no evidence of its own here: a
    /// long text names places near every village whose name is also a person's (عبلة).
    fn unsupported(
        &mut self,
        site: &Site<'_>,
        best: &Facts,
        scored: &Scored,
        commonness: Commonness,
        whole_region: bool,
    ) {
        let alone = site.support.is_empty() && site.weak_support.is_empty();
        // A small foreign place named with no cue, no preposition and no other place near it
        // is, in news about Syria, more often a word or a name of something else (ليل، الأبي).
        // A prominent one stands on its own like a cue («قصفت الطائرات قطاع غزة»), and so
        // does a region of a country as a whole (`whole_region`: دارفور، الشيشان): it is no
        // village that a word happens to spell. A site is not one («(بترا)», the agency).
        // A glued ك compares («كالرقة» "like Raqqa") and is no preposition of place: cut off a
        // word it reads a name into a surname or a word (كلاوس "Claus" as ك + Laos), so a
        // foreign name after it with nothing else for it is not kept, a country's neither.
        let compared = site.mention.proclitic().preposition() == Some('ك');
        if best.ty == EntityType::Loc
            && best.country != [0, 0]
            && !best.in_syria()
            && (compared || (!best.actor && !whole_region))
            && alone
        {
            // The corpus is Arabic, so a Latin name has no use to count: written with its
            // capital, a first-level division (Ohio, Hatay) stands on its own as a country does.
            let latin_division =
                site.name.key().is_ascii() && !site.lowercase && best.kind == Kind::Admin1;
            if !compared
                && commonness == Commonness::Name
                && (is_prominent(site.name, best) || latin_division)
            {
                self.evidence.insert(Evidence::Prominent);
            } else {
                self.reject(Evidence::UnsupportedForeign, 0.3);
            }
        }
        // So is a small Syrian village with nothing for it but its name: no cue, no
        // preposition, no list, no place near it (عبلة a first name, مقتله "his killing").
        let own = scored.evidence.without(Evidence::Coherence);
        // A hashtag tags a topic, but a hamlet's name tagged alone is more often the name of
        // something better known (#بترا, the Jordanian news agency and Petra).
        let alone_but_hashtag =
            site.support.without(Evidence::Hashtag).is_empty() && site.weak_support.is_empty();
        if best.kind == Kind::Populated
            && best.in_syria()
            && best.small
            && own == EvidenceSet::EMPTY.with(Evidence::Prior)
            && alone_but_hashtag
        {
            self.reject(Evidence::UnsupportedVillage, 0.3);
        }
        // Lower-case English words that are names of small places (said, hit) are words; a
        // lower-cased text still finds its countries and cities.
        if site.lowercase && best.prior < 5.0 {
            self.reject(Evidence::Lowercase, 0.2);
        }
    }
}
