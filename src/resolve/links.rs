//! Pass two: evidence from the other mentions, read from pass one's choices — lists, roads,
//! a cue word that is the next place's, containment and adjacency («X في ريف Y», "X (Y)"),
//! the administrative chain, relative position, and coherence with the places the document
//! is sure of.

use super::context::Ctx;
use super::evidence::Evidence;
use super::features::{Scored, Site};
use super::fits::{
    Anchor, Anchors, coherence_fit, containment_fit, is_local, is_quarter_of, relative_fit,
};
use super::gaps::{Words, adjacent, gap, is_fa_link, is_list_gap};
use super::prior::{Facts, NameCues};
use super::{decide, divisions, prior, relative};
use crate::gazetteer::{EntityId, EntityType, Kind, Name, NameId};
use crate::words::{Cue, Part, Relation, Relations};

/// Pass two for site `i` of `sites`, reading pass one's `choices` and the document's
/// `anchors`.
pub(super) fn link(
    ctx: &Ctx<'_, '_>,
    sites: &mut [Site<'_>],
    i: usize,
    choices: &[Option<EntityId>],
    anchors: &Anchors,
) {
    if sites[i].ty != EntityType::Loc {
        return;
    }
    let next = (!sites[i].before_word)
        .then(|| next_place(ctx, sites, i))
        .flatten();
    let next_entity = next.and_then(|n| choices[n]).map(|e| ctx.facts(e));
    let gap = next
        .and_then(|n| gap(ctx, &sites[i].mention, &sites[n].mention))
        .unwrap_or_default();
    lists_and_roads(ctx, sites, i, next, choices);
    // A cue word that names a place too (مدينة: Medina) right before another place is the
    // cue: «مدينة البوكمال».
    if gap.as_slice().is_empty()
        && next_entity.is_some()
        && next.is_some_and(|n| sites[n].mention.proclitic().is_empty())
        && sites[i].cues.has(NameCues::PLACE_CUE)
    {
        sites[i].against = Some(Evidence::CueWord);
    }
    // Relative position: X جنوب شرق Y بحوالي 140 كم. The words after Y (where the distance
    // may stand) are read only when the gap is a direction phrase without a distance.
    let relation = next_entity
        .and_then(|_| relative::parse(ctx.lex, gap.as_slice(), &[]))
        .map(|mut r| {
            if r.distance_km.is_none()
                && let Some(n) = next
            {
                let from = sites[n].mention.end_token();
                let after = Words::read(ctx, from, (from + 5).min(ctx.doc.len()), "");
                r.distance_km = relative::distance(ctx.lex, after.as_slice());
            }
            r
        });
    let phrase = Phrase {
        gap: gap.as_slice(),
        relation,
        next: next_entity,
    };
    score_against_places(ctx, &mut sites[i], &phrase, anchors);
}

/// The next place after site `i`: a cue word that is also a name (مدينة: Medina) right
/// before a mention is part of the phrase, not the next place («جنوب شرق مدينة دير الزور»).
fn next_place(ctx: &Ctx<'_, '_>, sites: &[Site<'_>], i: usize) -> Option<usize> {
    let mut next = i + 1;
    while next + 1 < sites.len()
        && sites[next].cues.has(NameCues::CUE_WORD)
        && sites[next + 1].mention.proclitic().is_empty()
        && adjacent(ctx, &sites[next].mention, &sites[next + 1].mention)
    {
        next += 1;
    }
    (next < sites.len()).then_some(next)
}

/// Lists of places and roads named by their ends support the names in them.
fn lists_and_roads(
    ctx: &Ctx<'_, '_>,
    sites: &mut [Site<'_>],
    i: usize,
    next: Option<usize>,
    choices: &[Option<EntityId>],
) {
    let m = |k: usize| &sites[k].mention;
    let entity = |k: usize| choices[k].map(|e| ctx.facts(e));
    // The list gap between neighbours was read once; a cue word skipped over (next > i + 1)
    // makes another pair.
    let listed = |a: usize, b: usize| {
        if b == a + 1 {
            sites[b].listed_after_previous
        } else {
            is_list_gap(ctx, m(a), m(b))
        }
    };
    let prev_list = i > 0 && listed(i - 1, i);
    let next_list = next.is_some_and(|n| choices[n].is_some() && listed(i, n));
    // A lone ف between two names may be "so": a list only in a chain of three.
    let prev_fa = i > 0 && is_fa_link(ctx, m(i - 1), m(i));
    let next_fa = next_list && next.is_some_and(|n| is_fa_link(ctx, m(i), m(n)));
    let chain = (prev_list && (next_list || !prev_fa))
        || (next_list && !next_fa)
        || (prev_fa && i > 1 && listed(i - 2, i - 1));
    let is_loc = |k: usize| sites[k].ty == EntityType::Loc;
    let neighbours = [
        (prev_list && is_loc(i - 1))
            .then(|| entity(i - 1))
            .flatten(),
        next.filter(|&n| next_list && is_loc(n)).and_then(entity),
    ];
    let neighbours = neighbours.iter().flatten();
    let road =
        i > 0 && is_loc(i - 1) && names_road_end(ctx, &sites[i - 1], &sites[i], entity(i - 1));
    // A list with a place of this name close to its neighbour, or in its governorate: «دير
    // الزور فالعشارة فبالميادين», «مساعدات للبوكمال والميادين» speak of the towns, not of
    // squares.
    let near = sites[i].candidates.iter().any(|c| {
        let f = ctx.facts(c.entity);
        neighbours.clone().any(|n| {
            let close = match (f.point, n.point) {
                (Some(p), Some(q)) => p.distance_km(q) <= 40.0,
                _ => false,
            };
            close || (f.admin1 != 0 && f.admin1 == n.admin1)
        })
    });
    // Items of a list name places of one level: «بحزام بغداد وصلاح الدين والأنبار» lists
    // governorates, so a governorate of the neighbour's country gains over a town of the name.
    let site = &mut sites[i];
    if chain {
        for c in &mut site.candidates {
            let f = ctx.facts(c.entity);
            let sibling = |n: &Facts| {
                n.kind == Kind::Admin1 && f.kind == Kind::Admin1 && n.country == f.country
            };
            if neighbours.clone().any(|n| sibling(n)) {
                c.score += LIST_LEVEL_FIT;
            }
        }
    }
    if road {
        site.support.insert(Evidence::Road);
    }
    let any_neighbour = neighbours.clone().next().is_some();
    if chain && any_neighbour && near {
        site.support.insert(Evidence::List);
    } else if any_neighbour {
        site.weak_support.insert(Evidence::List);
    }
}

/// A road named by its two ends: «طريق دير الزور الميادين», «أوتوستراد حلب دمشق». `site`
/// names its second end right after `start` (chosen as `start_place`) behind a road word;
/// the ends may lie far apart, in one country.
fn names_road_end(
    ctx: &Ctx<'_, '_>,
    start: &Site<'_>,
    site: &Site<'_>,
    start_place: Option<&Facts>,
) -> bool {
    let (a, b) = (&start.mention, &site.mention);
    ctx.plays(ctx.before(a)[0], Part::Road)
        && b.proclitic().is_empty()
        && adjacent(ctx, a, b)
        && start_place.is_some_and(|p| {
            site.candidates
                .iter()
                .any(|c| p.country != [0, 0] && ctx.facts(c.entity).country == p.country)
        })
}

/// What a candidate of a listed name gains for being a governorate of the country of the
/// governorate listed beside it.
const LIST_LEVEL_FIT: f64 = 1.0;

/// The phrase between a mention and the next place.
struct Phrase<'p, 'g> {
    gap: &'p [&'p str],
    relation: Option<relative::Relative>,
    next: Option<&'g Facts>,
}

/// Containment, the administrative chain, relative position and coherence.
fn score_against_places(
    ctx: &Ctx<'_, '_>,
    site: &mut Site<'_>,
    phrase: &Phrase<'_, '_>,
    anchors: &Anchors,
) {
    let latin = site.name.key().is_ascii();
    let relations = ctx.lex.relations(phrase.gap, latin);
    // The administrative chain «منطقة X بمحافظة Y», «منطقة X في ريف Y»: X is the district
    // (news writes «منطقة تدمر» for a town's surroundings too, but not with the governorate).
    let admin_chain = site.cue_before == Some(Cue::District)
        && phrase.next.is_some_and(|y| y.kind == Kind::Admin1)
        && relations.has(Relation::AdminChain);
    let mut supported = false;
    let mut near_known_place = false;
    // «في X بحلب»: a locative before the name, its city after it.
    let after_locative = site.weak_support.contains(Evidence::Preposition);
    for cand in &mut site.candidates {
        let e = ctx.facts(cand.entity);
        if admin_chain && e.kind == Kind::Admin2 {
            // Decisive: the district's seat town has the larger prior.
            cand.score += 4.0;
            cand.evidence.insert(Evidence::AdminChain);
        }
        let (strong, weak) = place_phrase(cand, e, phrase, relations, after_locative);
        supported |= strong;
        near_known_place |= weak;
    }
    // Coherence picks among places of one name. It is evidence that the word is a name only
    // for a name that news is seen to use as a place (after a locative word in 2 % of its
    // occurrences: بعقوبة، جورين); a long text has places near every village named like a
    // person (عبلة، حديدي: never after a locative word).
    // The corpus is Arabic: a Latin name written with its capital mid-text is shown to be a
    // name by the capital (persons are the person guard's), so coherence counts for it.
    let latin_name = site.name.key().is_ascii() && !site.lowercase;
    near_known_place |= coherence(ctx, site, anchors) && (latin_name || seen_as_place(site.name));
    divisions::division_of_named_country(ctx, site, anchors);
    if supported {
        site.support.insert(Evidence::Context);
    } else if near_known_place {
        site.weak_support.insert(Evidence::Context);
    }
}

/// Containment and relative position of one candidate against the next place: whether the
/// phrase speaks of a place (strong), or only ties the name to one (weak).
fn place_phrase(
    cand: &mut Scored,
    e: &Facts,
    phrase: &Phrase<'_, '_>,
    relations: Relations,
    after_locative: bool,
) -> (bool, bool) {
    let (mut strong, mut weak) = (false, false);
    let contained =
        relations.has(Relation::Containment) || relations.has(Relation::ContainmentWeak);
    if let Some(y) = phrase.next.filter(|_| contained) {
        let fit = containment_fit(e, y);
        cand.score += fit;
        if fit > 0.0 {
            cand.evidence.insert(Evidence::Containment);
            // «X بحلب», «X في حلب» tie a word to a place as easily as a name; «X في ريف حلب»,
            // «X (حلب)», «X التابعة لحلب» speak of a place, and so does a quarter's name
            // after a locative and before its own city («في صلاح الدين بحلب»; not «سقوط
            // الشهداء بحلب»).
            if relations.has(Relation::Containment) || (after_locative && is_quarter_of(e, y)) {
                strong = true;
            } else {
                weak = true;
            }
        }
    }
    if let (Some(rel), Some(y)) = (phrase.relation, phrase.next)
        && let (Some(p), Some(anchor)) = (e.point, y.point)
    {
        let fit = relative_fit(anchor, p, rel);
        cand.score += fit;
        if fit > 0.0 {
            cand.evidence.insert(Evidence::RelativePosition);
            strong = true;
        }
    }
    (strong, weak)
}

/// What a candidate gains, beyond [`coherence_fit`]'s share, when its country is the only one
/// of the candidates' countries the document names: a London in a story that names Canada and
/// not Britain is London, Ontario; a Manchester in a story that names the United States alone
/// is Manchester, New Hampshire.
const NAMED_COUNTRY_FIT: f64 = 2.0;
/// The prior a candidate needs for [`NAMED_COUNTRY_FIT`]: a town of 100,000 people.
const NAMED_COUNTRY_MIN_PRIOR: f64 = 4.0;

/// The one country, among those the candidates lie in, that the document names (a country it
/// is sure of other than by the name `own`, or an English nationality adjective: "British",
/// "Canadian"), if exactly one is and the candidates lie in two countries or more.
fn named_country(
    ctx: &Ctx<'_, '_>,
    site: &Site<'_>,
    anchors: &Anchors,
    own: Option<NameId>,
) -> Option<[u8; 2]> {
    let named =
        |code: [u8; 2]| ctx.demonym_countries.contains(&code) || anchors.names_country(code, own);
    let (mut first, mut several, mut found) = (None, false, None);
    for c in &site.candidates {
        let code = ctx.facts(c.entity).country;
        if code == [0, 0] {
            continue;
        }
        match first {
            None => first = Some(code),
            Some(f) => several |= f != code,
        }
        if named(code) {
            match found {
                Some(f) if f != code => return None,
                _ => found = Some(code),
            }
        }
    }
    found.filter(|_| several)
}

/// Coherence with the places the document is sure of: it picks among places of the same name
/// (villages, towns), and must not overrule a cue between a city and its own governorate,
/// which share a place. Returns whether a candidate lies near one of them.
fn coherence(ctx: &Ctx<'_, '_>, site: &mut Site<'_>, anchors: &Anchors) -> bool {
    // Other names' places: a name does not vouch for itself.
    let own = site.mention.name();
    let any_other = anchors.iter().any(|a| Some(a.name) != own);
    // A cue naming an admin level (ريف، محافظة، منطقة، ناحية) has chosen between the city and
    // its unit; nearby places must not undo that.
    let admin_cue = matches!(
        site.cue_before,
        Some(Cue::Countryside | Cue::Governorate | Cue::District | Cue::Subdistrict)
    );
    let local = |c: &Scored| is_local(ctx.facts(c.entity));
    let several_local = !admin_cue && site.candidates.iter().filter(|c| local(c)).count() > 1;
    if !several_local && !any_other {
        return false;
    }
    let named = if several_local {
        named_country(ctx, site, anchors, own)
    } else {
        None
    };
    let mut near = false;
    for cand in site.candidates.iter_mut().filter(|c| local(c)) {
        let facts = ctx.facts(cand.entity);
        let mut fit = coherence_fit(facts, anchors, own);
        // A country named by its adjective ("British") counts like one named by its name.
        if !facts.in_syria() && ctx.demonym_countries.contains(&facts.country) {
            fit = fit.max(1.0);
        }
        // Only a town of some size (100,000 people: prior 4) gains it: a village of the named
        // country does not outweigh a city elsewhere («بمدينة هانوفر» in a sentence that ends in
        // the United States is still Hannover).
        if named == Some(facts.country) && facts.prior >= NAMED_COUNTRY_MIN_PRIOR {
            fit += NAMED_COUNTRY_FIT;
        }
        if several_local {
            cand.score += fit;
        }
        if fit >= 1.0 {
            // Nearby places make a reading likelier but do not show that a word is a name: a
            // Deir ez-Zor article is full of words that are also villages' names.
            cand.evidence.insert(Evidence::Coherence);
            near = true;
        }
    }
    near
}

/// Whether the reference corpus shows the name standing where places stand: after a
/// locative or place cue word in 2 % of its occurrences, at least once (قناة السويس 4 %;
/// the first names بشار، عبلة never).
fn seen_as_place(name: &Name) -> bool {
    let count = name.corpus_count().unwrap_or(0);
    let locative = name.corpus_locative();
    locative >= 1 && f64::from(locative) >= 0.02 * f64::from(count)
}

/// The places the document is sure of, once each, with the name that found them. A name
/// that something speaks against is no anchor, nor one that has no evidence of its own yet
/// (no cue, no preposition or locative word) and needs some: an ordinary word («أن» is a
/// village too, خبر a Saudi city), or a foreign place that is neither an actor nor prominent —
/// those the decision rejects, and they must not vouch for their neighbours.
pub(super) fn anchors<'g>(
    ctx: &Ctx<'g, '_>,
    sites: &[Site<'g>],
    choices: &[Option<EntityId>],
    common_word_ratio: f64,
) -> Anchors {
    let mut anchors: Vec<(EntityId, Anchor)> = Vec::with_capacity(sites.len());
    anchors.extend(
        sites
            .iter()
            .zip(choices)
            .filter(|(site, _)| site.is_confident() && site.against.is_none())
            .filter_map(|(site, c)| anchor(ctx, site, (*c)?, common_word_ratio)),
    );
    anchors.sort_by_key(|a| a.0);
    anchors.dedup_by_key(|a| a.0);
    Anchors::new(anchors.into_iter().map(|a| a.1).collect())
}

/// Site `site`'s choice `e` as an anchor, if the document is sure of it: a place with support
/// of its own, else one that stands alone (an actor, in Syria, no country, prominent) and is a
/// name rather than a word. The cheaper tests come first.
fn anchor(
    ctx: &Ctx<'_, '_>,
    site: &Site<'_>,
    e: EntityId,
    common_word_ratio: f64,
) -> Option<(EntityId, Anchor)> {
    let facts = ctx.facts(e);
    let own = !site.support.is_empty() || !site.weak_support.is_empty();
    let stands_alone = || {
        facts.actor
            || facts.in_syria()
            || facts.country == [0, 0]
            || decide::is_prominent(site.name, facts)
    };
    let name =
        || prior::commonness(ctx.g, site.name, facts, common_word_ratio) == prior::Commonness::Name;
    let name_id = site.mention.name().expect("sites are listed mentions");
    (facts.ty == EntityType::Loc && (own || (stands_alone() && name())))
        .then(|| (e, Anchor::new(facts, name_id)))
}
