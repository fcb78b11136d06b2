//! A country and a first-level division of another country with one name (Georgia the
//! country, Georgia the US state): the division when the document is about its country.

use super::context::Ctx;
use super::evidence::Evidence;
use super::features::Site;
use super::fits::Anchor;
use crate::gazetteer::Kind;

/// How far the division goes above the country it displaces.
const DIVISION_OVER_COUNTRY: f64 = 1.0;

/// Gives a first-level division the lead over a country of the same name when the document
/// names a place inside the division's country other than the country (Atlanta, Ohio) and
/// that country too (by name, or by an adjective: "American"), or two such places; and names
/// neither the homonym country by its adjective ("Georgian") nor a place inside it
/// (Tbilisi). Otherwise the country keeps its larger prior: "the US and Georgia signed a
/// pact" is the country.
pub(super) fn division_of_named_country(
    ctx: &Ctx<'_, '_>,
    site: &mut Site<'_>,
    anchors: &[Anchor],
) {
    let own = site.mention.name();
    let others = || anchors.iter().filter(|a| Some(a.name) != own);
    // Inline: a name is rarely the name of more than two countries.
    let mut homonym_countries: smallvec::SmallVec<[[u8; 2]; 2]> = smallvec::SmallVec::new();
    let mut country_score = f64::NEG_INFINITY;
    for c in &site.candidates {
        let f = ctx.facts(c.entity);
        if f.kind == Kind::Country {
            homonym_countries.push(f.country);
            country_score = country_score.max(c.score);
        }
    }
    if homonym_countries.is_empty() {
        return;
    }
    let rival = homonym_countries
        .iter()
        .any(|&code| ctx.demonym_countries.contains(&code) || others().any(|a| a.lies_in(code)));
    if rival {
        return;
    }
    for cand in &mut site.candidates {
        let f = ctx.facts(cand.entity);
        if f.kind != Kind::Admin1 || f.country == [0, 0] || homonym_countries.contains(&f.country) {
            continue;
        }
        let named = ctx.demonym_countries.contains(&f.country)
            || others().any(|a| a.country() == Some(f.country));
        let inside = others().filter(|a| a.lies_in(f.country)).count();
        if (named && inside >= 1) || inside >= 2 {
            cand.score = cand.score.max(country_score + DIVISION_OVER_COUNTRY);
            cand.evidence.insert(Evidence::Coherence);
        }
    }
}
