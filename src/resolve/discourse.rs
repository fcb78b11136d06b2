//! One sense per discourse for Latin words written like names: a name a document writes in
//! lower case as an ordinary word ("sarin or a sarin-like substance") is that word too where
//! only English capitalisation makes it look like a name, at the start of a sentence or in a
//! headline ("Sarin nerve gas used in Syria").

use std::cell::OnceCell;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::context::Ctx;
use super::features::Site;
use crate::automaton::WordHasher;
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
    // The words the text writes in lower case, read once, when a site first asks.
    let lower_words = OnceCell::new();
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
            words.binary_search(&n).is_ok()
                || written_in_lower_case(
                    ctx.doc,
                    lower_words.get_or_init(|| lower_case_words(ctx.doc)),
                    site.name.key(),
                )
        });
        if written_as_word {
            site.lowercase = true;
        }
    }
}

/// The folded words the document writes starting in lower case.
fn lower_case_words<'d>(doc: &'d Document<'_>) -> HashSet<&'d str, BuildHasherDefault<WordHasher>> {
    (0..doc.len())
        .filter(|&i| doc.is_word(i) && doc.original_of(i).starts_with(char::is_lowercase))
        .map(|i| doc.text(i))
        .collect()
}

/// Whether the document writes `key` somewhere as whole words starting in lower case. The
/// tagger drops such a match of a name always written with a capital ("sarin" in a text that
/// writes capitals), so no site shows it; the text does. A key of one word is answered by
/// the document's `lower` words; a longer one only needs the text read when its first word
/// is among them.
fn written_in_lower_case(
    doc: &Document<'_>,
    lower: &HashSet<&str, BuildHasherDefault<WordHasher>>,
    key: &str,
) -> bool {
    let first = key.split(|c: char| !is_word_char(c)).next().unwrap_or(key);
    if !lower.contains(first) {
        return false;
    }
    if first.len() == key.len() {
        return true;
    }
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
