//! English words right after a Latin name that make it no mention of a place
//! (`src/words/after_name.tsv`): a country used as a nationality adjective ("US troops" are
//! American troops, and the guidelines leave adjectives unmarked), a place inside a longer
//! name ("Cairo Stadium", "West Chester"), a country code before a currency sign ("US$"); and
//! Arabic nisba adjectives that spell a place's name («قوات تركية», «سرية فرنسية أو تركية»).

use super::context::{Before, Ctx, Tok};
use super::evidence::Evidence;
use super::features::{Site, inflected_noun};
use crate::gazetteer::{EntityType, Kind};
use crate::span::Span;
use crate::tag::Proclitic;
use crate::words::{AfterName, Cue, Size};

/// What the words right after a capitalised Latin name say against it, if anything:
/// [`Evidence::Adjective`] for a country before a noun of people or forces in lower case
/// ("US troops", "the U.S. military"; not "troops of the US", "Russia's ambassador", "U.S.
/// President Joe Biden": a capital opens a title or a name), or before a currency sign
/// ("US$"); [`Evidence::PartOfName`] for any place before the capitalised head of a longer
/// name ("Victoria Park", "Egypt Telecom"; not "the Cairo stadium") or after a compass noun
/// that opens one ([`opens_with_compass`]).
pub(super) fn against_in_english(
    ctx: &Ctx<'_, '_>,
    site: &Site<'_>,
    before: Tok,
    after: Tok,
) -> Option<Evidence> {
    if site.ty != EntityType::Loc || !site.name.key().is_ascii() || site.lowercase {
        return None;
    }
    if opens_with_compass(ctx, site, before) {
        return Some(Evidence::PartOfName);
    }
    let text = ctx.doc.original();
    let rest = &text[site.mention.span().end()..];
    let country = || {
        site.candidates
            .iter()
            .any(|c| ctx.facts(c.entity).kind == Kind::Country)
    };
    if rest.starts_with('$') && country() {
        return Some(Evidence::Adjective);
    }
    // One space, no possessive: "Russia's ambassador" is Russia's own.
    let next = after.filter(|_| rest.starts_with(' '))?;
    let capital = ctx.doc.original_of(next).starts_with(char::is_uppercase);
    match ctx.after_name(Some(next))? {
        AfterName::Modified if !capital && country() => Some(Evidence::Adjective),
        AfterName::NameTail if capital => Some(Evidence::PartOfName),
        _ => None,
    }
}

/// "West Chester", "South Asia": a compass noun written with its capital right before the
/// name, not opening a sentence (where every word has one), begins a longer name that the
/// gazetteer lacks, a place of its own rather than the one inside. The part of a large city
/// keeps the city ("East Aleppo", "West Mosul"); adjectives ("Eastern Ghouta") are names
/// the gazetteer lists or modifiers ("eastern Ghouta", found by the tagger).
fn opens_with_compass(ctx: &Ctx<'_, '_>, site: &Site<'_>, before: Tok) -> bool {
    let Some(b) = before else {
        return false;
    };
    let word = ctx.doc.original_of(b);
    let noun = word.starts_with(char::is_uppercase)
        && !word.to_ascii_lowercase().ends_with("ern")
        && ctx
            .lex
            .word(ctx.text(before))
            .is_some_and(|w| w.bearing.is_some());
    if !noun || ctx.doc.original_between(b, site.mention.first_token()) != " " {
        return false;
    }
    let token = &ctx.doc.tokens()[b];
    let start = ctx
        .doc
        .original_span(Span::new(token.start(), token.end()))
        .start();
    let opens_sentence = ctx.doc.original()[..start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '\''));
    let city_part = site.candidates.iter().any(|c| {
        let f = ctx.facts(c.entity);
        f.kind == Kind::Populated && matches!(f.size, Size::Large | Size::Capital)
    });
    !opens_sentence && !city_part
}

/// Whether a name ending in ية reads as a nisba adjective after an indefinite noun: «قوات
/// تركية», «فصائل كردية», «مصادر سورية» — not the country. The noun before carries a feminine
/// or plural ending and is no preposition, locative or cue word. After a place's cue noun a
/// country's name is the adjective too («13 محافظة تركية», «عدة مدن تركية»: a province or a
/// town is never named after a country), a village's is its name («قرية كفرية»).
pub(super) fn reads_as_adjective(ctx: &Ctx<'_, '_>, key: &str, before: Tok, country: bool) -> bool {
    let noun = ctx.text(before);
    let cue = ctx.cue_of(before);
    let place_cue = cue.is_some_and(|c| c.is_place_cue() && c != Cue::Country);
    key.ends_with("يه")
        && !key.starts_with("ال")
        && !key.contains(' ')
        && !noun.starts_with("ال")
        && ctx.locative(before) != Some(crate::words::Strength::Locative)
        && ((inflected_noun(noun, 3) && cue.is_none()) || (country && place_cue))
}

/// Whether a name ending in ية is the second of two nisba adjectives joined by و or أو:
/// «سرية فرنسية أو تركية», «مصادر أمريكية وسورية». The first is a nationality adjective
/// written without the article (its form with the article is in the table) and no name of
/// a place itself («زار تركية وسورية» in the old spelling of Turkey names two countries).
pub(super) fn coordinated_adjective(
    ctx: &Ctx<'_, '_>,
    key: &str,
    p: Proclitic,
    before: &Before,
) -> bool {
    let nationality = |t: Tok| {
        let w = ctx.text(t);
        !w.starts_with("ال")
            && w.ends_with("يه")
            && ctx.g.lookup(w).is_empty()
            && ctx
                .lex
                .word(&format!("ال{w}"))
                .is_some_and(|i| i.nationality.is_some())
    };
    // The name's own form first: most names are no single word in يه, and the words before
    // them are then not read.
    let single = key.ends_with("يه") && !key.starts_with("ال") && !key.contains(' ');
    if !single {
        return false;
    }
    let after_wa =
        p.conjunction() == Some('و') && p.preposition().is_none() && nationality(before[0]);
    after_wa || (p.is_empty() && ctx.text(before[0]) == "او" && nationality(before[1]))
}
