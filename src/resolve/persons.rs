//! Persons named like places, in Latin text: a capitalised name after a given name or before
//! a verb of saying (`src/words/persons.tsv`) is a person's here, and a name the document shows
//! as a person's is the person wherever else it stands alone.

use super::context::{Ctx, Tok};
use super::evidence::Evidence;
use super::features::Site;
use crate::gazetteer::{EntityType, Kind, NameId};
use crate::words::PersonWord;

/// The Arabic article as English news writes it before a surname (Bashar al-Assad, Abdel
/// Fattah el-Sisi).
const ARTICLES: [&str; 2] = ["al", "el"];

/// How a capitalised Latin name reads as a person's.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum PersonReading {
    /// After a given name ("Hillary Clinton", "Mahmoud Bitar") or a given name before a
    /// capitalised surname ("Vladimir Putin").
    Named,
    /// Before a verb of saying ("Clinton said").
    Speaks,
}

/// Whether a capitalised Latin name is a person's here, and how the text says so. A name before
/// a verb of saying is a person's only when every candidate is a settlement, none is prominent (prior under 5, as for
/// lower-case words: "Aleppo said", "eastern Aleppo said" are its people speaking) or an actor
/// news makes speak (a country, a capital), and when no preposition or "of" puts the speakers
/// there ("officials in Hasakah said"). A place cue before or after the name keeps the place.
pub(super) fn reads_as_person(
    ctx: &Ctx<'_, '_>,
    site: &Site<'_>,
    before: Tok,
    after: Tok,
) -> Option<PersonReading> {
    let m = &site.mention;
    let doc = ctx.doc;
    if site.ty != EntityType::Loc || !site.name.key().is_ascii() || site.lowercase {
        return None;
    }
    if ctx.cue_after(after).is_some() || site.cue_before.is_some() {
        return None;
    }
    let capitalised = |t: usize| {
        doc.is_word(t)
            && doc
                .original_of(t)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    // Written together: one space, or a hyphen inside a compound given name (Abdel-Ghani).
    let joined = |a: usize, b: usize| matches!(doc.original_between(a, b), " " | "-");
    let first = m.first_token();
    let last = m.end_token() - 1;
    let is = |t: usize, w: PersonWord| ctx.person_word(Some(t), w);
    let surname =
        before.is_some_and(|b| capitalised(b) && joined(b, first) && is(b, PersonWord::GivenName));
    // A surname opens with a capital, or with the article before one (al-Assad, el-Sisi).
    let surname_at = |a: usize| {
        capitalised(a)
            || (a + 1 < doc.tokens().len()
                && ARTICLES.contains(&doc.original_of(a))
                && doc.original_between(a, a + 1) == "-"
                && capitalised(a + 1))
    };
    let given = first == last
        && is(first, PersonWord::GivenName)
        && after.is_some_and(|a| surname_at(a) && joined(last, a) && ctx.cue_of(Some(a)).is_none());
    if surname || given {
        return Some(PersonReading::Named);
    }
    let alone = site.support.is_empty() && site.weak_support.is_empty() && ctx.text(before) != "of";
    let prominent = site.candidates.iter().any(|c| {
        let f = ctx.facts(c.entity);
        f.actor || f.prior >= 5.0
    });
    // People are named like towns, not like rivers or provinces.
    let settlement = site.candidates.iter().all(|c| {
        matches!(
            ctx.facts(c.entity).kind,
            Kind::Populated | Kind::Neighbourhood
        )
    });
    let speaks = alone
        && !prominent
        && settlement
        && after.is_some_and(|a| joined(last, a) && is(a, PersonWord::Saying));
    speaks.then_some(PersonReading::Speaks)
}

/// One person, one name: a Latin name a document shows as a person's («Hillary Clinton»,
/// «Mr Clinton») is the person wherever else the document writes it alone («Clinton spoke»),
/// unless a place cue, a locative word or a preposition stands by it there. A name before
/// "said" alone does not spread: "residents of eastern Aleppo said" must not unmake every
/// Aleppo of the story.
pub(super) fn persons_throughout(sites: &mut [Site<'_>]) {
    let person = |s: &Site<'_>| s.name.key().is_ascii() && s.named_person;
    let mut names: Vec<NameId> = sites
        .iter()
        .filter(|s| person(s))
        .filter_map(|s| s.mention.name())
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort_unstable();
    names.dedup();
    for site in sites.iter_mut() {
        let named = site
            .mention
            .name()
            .is_some_and(|n| names.binary_search(&n).is_ok());
        if named
            && site.against.is_none()
            && site.support.is_empty()
            && site.weak_support.is_empty()
            && site.cue_before.is_none()
        {
            site.against = Some(Evidence::PersonName);
        }
    }
}
