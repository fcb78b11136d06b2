//! Places no gazetteer lists, found by their form: a settlement or province named right after
//! the singular cue word that says what it is («مدينة قوانغتشو», «بلدة بنديرادلي», «محافظة
//! خراسان»). Arabic news names a town it expects the reader not to know exactly this way.
//!
//! The name is the one word after the cue, when no table knows it and no name of the gazetteer
//! (accepted or not) stands there. What follows such a cue and is no name is ruled out by its
//! form: an indefinite adjective or a relative verb agrees with the feminine cue and so ends
//! in ة or a pronoun («مدينة تاريخية», «مدينة مقدسة», «مدينة يقطنها»); a word glued to و is
//! the next item of a list («بلدة ومستوطنة»); words of the tables (لا، غير، وسط، a
//! nationality) are no names. Only one word is taken: the end of a longer name cannot be told
//! from the verb after it.

use super::Found;
use crate::document::Document;
use crate::tag::{Mention, Proclitic};
use crate::words::{Cue, lexicon};

/// Unlisted places: `(the name, the cue before it)`, in text order. `mentions` are the
/// document's mentions in text order, accepted or not; a word inside one is never taken.
pub(crate) fn places<'m>(
    doc: &Document<'_>,
    mentions: impl IntoIterator<Item = &'m Mention>,
) -> Vec<(Found, Cue)> {
    let mut mentions = mentions.into_iter().peekable();
    let mut out = Vec::new();
    for j in 1..doc.len() {
        let (start, end) = (doc.tokens()[j].start(), doc.tokens()[j].end());
        while mentions.next_if(|m| m.folded().end() <= start).is_some() {}
        if mentions.peek().is_some_and(|m| m.folded().start() < end) {
            continue;
        }
        let Some(cue) = settlement_cue(doc, j - 1) else {
            continue;
        };
        if doc.is_word(j)
            && doc.original_between(j - 1, j).trim().is_empty()
            && reads_as_name(doc, j)
        {
            let proclitic = Proclitic::NONE;
            out.push((
                Found {
                    start,
                    end,
                    proclitic,
                },
                cue,
            ));
        }
    }
    out
}

/// The cue of token `i` when it is the singular of a settlement or a province (مدينة، بلدة،
/// قرية، محافظة، العاصمة, with the proclitics a cue may carry: بمدينة، ولبلدة).
fn settlement_cue(doc: &Document<'_>, i: usize) -> Option<Cue> {
    if !doc.is_word(i) {
        return None;
    }
    let word = doc.text(i);
    let (p, cue) = lexicon().with_proclitics(word, |info| info.cue_before)?;
    let bare = &word[p.len_bytes()..];
    let singular = bare.ends_with('ه') && !bare.starts_with("ال");
    let settlement = matches!(cue, Cue::City | Cue::Town | Cue::Village | Cue::Governorate);
    (singular && settlement).then_some(cue)
}

/// Whether token `j` has the form of a name after a cue: Arabic letters only, three or more,
/// not glued to و, known to no table, and no feminine or pronoun ending (ة، ه، ها).
fn reads_as_name(doc: &Document<'_>, j: usize) -> bool {
    let w = doc.text(j);
    let arabic = w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    arabic
        && w.chars().count() >= 4
        && !w.starts_with(['و', 'ي', 'ت'])
        && !w.starts_with("ال")
        && !w.ends_with('ه')
        && !w.ends_with("ها")
        && lexicon().with_proclitics(w, |_| Some(())).is_none()
}
