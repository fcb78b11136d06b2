//! Names recognized by their form rather than looked up: organizations no gazetteer lists —
//! a head noun that names a unit or an institution, then its name («لواء صقور الجبل», «كتيبة
//! المدرعات الخامسة», «الفرقة 30», «غرفة عمليات حلب», «وزارة الخدمة المدنية»),
//! facilities named after their place («قلعة حلب», [`facilities`]), and towns no gazetteer
//! lists, named right after a settlement's cue word («بلدة بنديرادلي», [`places`]).
//!
//! The name after the head is a run of definite words (الـ, read on the original text: آليات
//! folds to اليات but is no definite word), a number after a division head, or one indefinite
//! noun before a definite one (an idafa: صقور الجبل، شؤون اللاجئين), up to four words (three
//! for institutions). The run stops at the stop words of `words/stop_words.tsv`, a person's
//! title (a person follows) and punctuation. A nationality adjective ends an institution's
//! name («وزارة الخارجية السورية», as the guidelines' example) and stops a unit's.
//!
//! The heads are read from the word-table entries the tagger recorded for each token
//! ([`TokenWords`]); the words after each from the document view.

mod facility;
mod place;

pub(crate) use facility::facilities;
pub(crate) use place::places;

use crate::document::Document;
use crate::tag::{Mention, Proclitic};
use crate::words::{
    Cue, DocWords, Lexicon, ORGANIZATION_HEADS, Part, TokenWords, WordInfo, lexicon,
};

/// What the head names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    Unit,
    /// A division or brigade, which may be named by a number (الفرقة 30، اللواء 93).
    NumberedUnit,
    Institution,
    /// A committee: a name of one word is most often a generic one (لجنة التدقيق).
    Committee,
    /// An institution named after its place: «جامعة دمشق», «بلدية حلب».
    OfPlace,
}

/// A name found by its form: the folded span (without the proclitics glued to the head),
/// those proclitics, and its tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) proclitic: Proclitic,
}

/// How far after a head its name is read: six words or so.
const WINDOW_BYTES: usize = 160;

/// The organizations of a document found by their form, in text order, not overlapping.
///
/// `words` are the tagger's word-table entries of each token; `names` the tagger's mentions:
/// after a two-word head a name there is the unit's name («غرفة عمليات حلب», «قيادة عمليات
/// دير الزور»).
pub(crate) fn organizations(doc: &Document<'_>, words: &DocWords, names: &[Mention]) -> Vec<Found> {
    let lex = lexicon();
    let mut out: Vec<Found> = Vec::new();
    for (i, ids) in words.heads().map(|i| (i, &words[i])) {
        if out.last().is_some_and(|f| doc.tokens()[i].start() < f.end) {
            continue;
        }
        if let Some(found) = organization_at(doc, lex, (i, ids), names) {
            out.push(found);
        }
    }
    out
}

/// The organization whose head is token `i`, if its name follows.
fn organization_at(
    doc: &Document<'_>,
    lex: &Lexicon,
    (i, ids): (usize, &TokenWords),
    names: &[Mention],
) -> Option<Found> {
    let (proclitic, head, head_len) = head_at(doc, lex, i, ids)?;
    let window_end = doc.tokens()[i].start() + WINDOW_BYTES;
    let last = i + doc.tokens()[i..].partition_point(|t| t.end() <= window_end);
    let reader = Reader { doc, lex, last };
    let max = if matches!(head, Head::Institution | Head::Committee) {
        3
    } else {
        4
    };
    let mut j = i + head_len;
    let mut taken = 0;
    while j < last && taken < max {
        let w = doc.text(j);
        let bare = w.strip_prefix('و').unwrap_or(w);
        if !doc.is_word(j) || !reader.joined(j - 1, j) || reader.stops(w) || reader.stops(bare) {
            break;
        }
        if lex.word(w).is_some_and(|info| info.nationality.is_some()) {
            if matches!(head, Head::Institution | Head::Committee) && taken > 0 {
                j += 1;
                taken += 1;
            }
            break;
        }
        // After a two-word head or a place-named head, a name the tagger found is the name.
        if (head_len == 2 || head == Head::OfPlace)
            && taken == 0
            && let Some(name) = names
                .get(names.partition_point(|n| n.folded().start() < doc.tokens()[j].start()))
                .filter(|n| n.folded().start() == doc.tokens()[j].start())
        {
            while j < last && doc.tokens()[j].end() <= name.folded().end() {
                j += 1;
            }
            taken += 1;
            break;
        }
        if head == Head::OfPlace {
            break;
        }
        match reader.next_words(head, j, taken) {
            0 => break,
            n => {
                j += n;
                taken += n;
            }
        }
    }
    let enough = match head {
        Head::Committee => taken >= 2,
        _ => taken >= 1,
    };
    enough.then(|| Found {
        start: doc.tokens()[i].start() + proclitic.len_bytes(),
        end: doc.tokens()[j - 1].end(),
        proclitic,
    })
}

/// Reads the words of a name after its head.
struct Reader<'d, 't> {
    doc: &'d Document<'t>,
    lex: &'d Lexicon,
    /// One past the last token of the window.
    last: usize,
}

impl Reader<'_, '_> {
    /// A word with the article, as written (آليات folds to اليات but is no definite word).
    fn definite(&self, j: usize) -> bool {
        self.doc.original_of(j).starts_with("ال") && self.doc.text(j).chars().count() > 3
    }

    /// A word that ends a name: a stop word, or a person's title.
    fn stops(&self, w: &str) -> bool {
        self.lex.word(w).is_some_and(|i| i.stop)
            || self
                .lex
                .with_proclitics(w, |i| i.cue_before)
                .is_some_and(|(_, c)| c == Cue::Person)
    }

    /// Only spaces between two words: punctuation that folding dropped (a dash) ends a name.
    fn joined(&self, a: usize, b: usize) -> bool {
        self.doc.original_between(a, b).trim().is_empty()
    }

    /// How many words from `j` on continue the name (0: it ends before `j`).
    fn next_words(&self, head: Head, j: usize, taken: usize) -> usize {
        let w = self.doc.text(j);
        let institution = matches!(head, Head::Institution | Head::Committee);
        let number =
            head == Head::NumberedUnit && taken == 0 && w.bytes().all(|b| b.is_ascii_digit());
        if number || self.definite(j) {
            1
        } else if taken > 0
            && institution
            && w.starts_with("وال")
            && self.doc.original_of(j).starts_with("وال")
        {
            // «لجنة الهجرة والمهجرين»
            1
        } else if taken == 0
            && j + 1 < self.last
            && self.doc.is_word(j + 1)
            && self.definite(j + 1)
            && !self.stops(self.doc.text(j + 1))
            && self.joined(j, j + 1)
            && !w.starts_with('و')
        {
            // An idafa: «صقور الجبل», «شؤون اللاجئين».
            2
        } else {
            0
        }
    }
}

/// The head at token `i` (with its word-table entries `ids`), with the proclitics glued to
/// it and its length in words.
fn head_at(
    doc: &Document<'_>,
    lex: &Lexicon,
    i: usize,
    ids: &TokenWords,
) -> Option<(Proclitic, Head, usize)> {
    let word = doc.text(i);
    let next = (i + 1 < doc.len() && doc.is_word(i + 1)).then(|| doc.text(i + 1));
    lex.splits(word, ids).find_map(|(p, info)| {
        if let Some(head) = head_of(info) {
            return Some((p, head, 1));
        }
        let parts = lex.phrase_parts(&word[p.len_bytes()..], next?);
        parts.has(Part::Unit).then_some((p, Head::Unit, 2))
    })
}

fn head_of(info: &WordInfo) -> Option<Head> {
    let part = ORGANIZATION_HEADS
        .into_iter()
        .find(|&p| info.parts.has(p))?;
    Some(match part {
        Part::Unit => Head::Unit,
        Part::NumberedUnit => Head::NumberedUnit,
        Part::Institution => Head::Institution,
        Part::Committee => Head::Committee,
        _ => Head::OfPlace,
    })
}

#[cfg(test)]
mod tests;
