//! English words right after a Latin name that make it no mention of a place
//! (`src/words/after_name.tsv`): a country used as a nationality adjective ("US troops" are
//! American troops, and the guidelines leave adjectives unmarked), a place inside a longer
//! name ("Cairo Stadium", "West Chester"), a country code before a currency sign ("US$").

use super::context::{Ctx, Tok};
use super::evidence::Evidence;
use super::features::Site;
use crate::gazetteer::{EntityType, Kind};
use crate::span::Span;
use crate::words::{AfterName, Size};

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
