//! Places no gazetteer lists, found by their form: a settlement or province named right after
//! the singular noun that says what it is (`marks.tsv`: settlement — «مدينة فيلدنهايم», «بلدة
//! بنديرادلي», «جزيرة نيكوبار»). Arabic news names a place it expects the reader not to know
//! exactly this way.
//!
//! The name is the one word after the noun, when no table knows it and no name of the
//! gazetteer (accepted or not) stands there. What follows such a noun and is no name is ruled
//! out by its form: an indefinite adjective or a relative verb agrees with the feminine noun
//! and so ends in ة, ى or a pronoun, or opens with the ي/ت of a verb («مدينة تاريخية», «مدينة
//! أخرى», «مدينة يقطنها», «قرية تسيطر عليها»); a word glued to و is the next item of a list
//! («بلدة ومستوطنة»); a definite word is a genitive («قرية الأطفال»: a Syrian village of that
//! name is the gazetteer's); words of the tables (لا، غير، وسط, a nationality) are no names. A
//! noun with a pronoun (مدينته "his city") or the article (العاصمة) names nothing after it.
//! Only one word is taken: the end of a longer name cannot be told from the verb after it.

use super::Found;
use crate::document::Document;
use crate::tag::{Mention, Proclitic};
use crate::words::{DocWords, Lexicon, TokenWords, lexicon};

/// Unlisted places, in text order. `words` are the tagger's word-table entries of each
/// token; `mentions` the document's mentions in text order, accepted or not: a word inside
/// one is never taken.
pub(crate) fn places<'m>(
    doc: &Document<'_>,
    words: &DocWords,
    mentions: impl IntoIterator<Item = &'m Mention>,
) -> Vec<Found> {
    let lex = lexicon();
    let mut mentions = mentions.into_iter().peekable();
    let mut out = Vec::new();
    // After a settlement's noun: the tagger lists the tokens that are one. The noun may
    // carry a cue's proclitics (بمدينة، ولبلدة); that it is indefinite and has no pronoun is
    // checked below (مدينته ends in ه as written, مدينة in ة).
    for j in words.settlement_nouns().map(|noun| noun + 1) {
        if j >= doc.len() || !doc.is_word(j) {
            continue;
        }
        let (start, end) = (doc.tokens()[j].start(), doc.tokens()[j].end());
        while mentions.next_if(|m| m.folded().end() <= start).is_some() {}
        if mentions.peek().is_some_and(|m| m.folded().start() < end) {
            continue;
        }
        if !doc.original_of(j - 1).ends_with('ه')
            && doc.original_between(j - 1, j).trim().is_empty()
            && reads_as_name(doc, lex, &words[j], j)
        {
            let proclitic = Proclitic::NONE;
            out.push(Found {
                start,
                end,
                proclitic,
            });
        }
    }
    out
}

/// Whether token `j` (its word-table entries `ids`) has the form of a name after a
/// settlement's noun: Arabic letters only, four or more, no article, not glued to و, not
/// opening like a verb (ي، ت), known to no table, and no ending of an adjective or a pronoun
/// (ة، ى، ه، ها).
fn reads_as_name(doc: &Document<'_>, lex: &Lexicon, ids: &TokenWords, j: usize) -> bool {
    let w = doc.text(j);
    let arabic = w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    arabic
        && w.chars().count() >= 4
        && !w.starts_with(['و', 'ي', 'ت'])
        && !w.starts_with("ال")
        && !w.ends_with('ه')
        && !w.ends_with("ها")
        && !doc.original_of(j).ends_with('ى')
        && ids.iter().all(|&id| lex.info(id).is_none())
}
