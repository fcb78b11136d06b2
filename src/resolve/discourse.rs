//! One sense per discourse for Latin words written like names: a name a document writes in
//! lower case as an ordinary word ("sarin or a sarin-like substance") is that word too where
//! only English capitalisation makes it look like a name, at the start of a sentence or in a
//! headline ("Sarin nerve gas used in Syria").

use super::context::Ctx;
use super::features::Site;
use crate::document::Document;
use crate::gazetteer::{EntityType, NameId};
use crate::normalize::is_word_char;

/// Marks as lower case (a word, for [`super::decide`]) every capitalised Latin place name
/// that the document also writes in lower case, where it opens a sentence or stands in the
/// headline, with nothing but its name for it (no support, no cue).
pub(super) fn words_throughout(ctx: &Ctx<'_, '_>, sites: &mut [Site<'_>]) {
    let latin = |s: &Site<'_>| s.ty == EntityType::Loc && s.name.key().is_ascii();
    let mut words: Vec<NameId> = sites
        .iter()
        .filter(|s| latin(s) && s.lowercase)
        .filter_map(|s| s.mention.name())
        .collect();
    words.sort_unstable();
    words.dedup();
    let tokens = ctx.doc.tokens();
    let multi_paragraph = tokens.last().is_some_and(|t| t.paragraph > 0);
    for site in sites.iter_mut() {
        let first = site.mention.first_token();
        let Some(token) = tokens.get(first) else {
            continue;
        };
        let opens_sentence = first
            .checked_sub(1)
            .is_none_or(|b| tokens[b].sentence != token.sentence);
        let in_headline = multi_paragraph && token.paragraph == 0;
        if !(latin(site)
            && (opens_sentence || in_headline)
            && site.support.is_empty()
            && site.weak_support.is_empty()
            && site.cue_before.is_none())
        {
            continue;
        }
        let written_as_word = site.mention.name().is_some_and(|n| {
            words.binary_search(&n).is_ok() || written_in_lower_case(ctx.doc, site.name.key())
        });
        if written_as_word {
            site.lowercase = true;
        }
    }
}

/// Whether the document writes `key` somewhere as whole words starting in lower case. The
/// tagger drops such a match of a name always written with a capital ("sarin" in a text that
/// writes capitals), so no site shows it; the text does.
fn written_in_lower_case(doc: &Document<'_>, key: &str) -> bool {
    let folded = doc.folded();
    folded.match_indices(key).any(|(at, _)| {
        let end = at + key.len();
        let alone = folded[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c))
            && folded[end..]
                .chars()
                .next()
                .is_none_or(|c| !is_word_char(c));
        alone && doc.original()[doc.norm().original_start(at)..].starts_with(char::is_lowercase)
    })
}
