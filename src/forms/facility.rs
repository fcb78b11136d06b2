//! Facilities named after their place: «قلعة حلب», «سجن صيدنايا», «ميناء طرطوس», «معبر كسب»,
//! «مطار الطبقة العسكري».

use super::Found;
use crate::document::Document;
use crate::tag::Mention;
use crate::words::{Part, TokenWords, lexicon};

/// A facility named after a place the tagger found right after its head: the folded span of
/// the whole name, its proclitics, and which of the places is inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Facility {
    pub(crate) found: Found,
    pub(crate) place: usize,
}

/// Facilities named after a place: a head word (`name_parts.tsv`: facility) right before one
/// of `places`, and at most one closing adjective (facility_adjective). The place lends its
/// point; flat annotation marks the facility only. Without a place inside, «ساحة المعركة» and
/// «قلعة الصمود» are words, so no name of words alone is taken. `places` holds one item per
/// mention, `None` for a mention that can lend no point; [`Facility::place`] counts them all.
pub(crate) fn facilities<'m>(
    doc: &Document<'_>,
    words: &[TokenWords],
    places: impl IntoIterator<Item = Option<&'m Mention>>,
) -> Vec<Facility> {
    let lex = lexicon();
    let mut out = Vec::new();
    for (k, place) in places.into_iter().enumerate() {
        let Some(place) = place else { continue };
        let first = place.first_token();
        if first == 0 || !place.proclitic().is_empty() || !doc.is_word(first - 1) {
            continue;
        }
        let head = first - 1;
        let head_end = doc.tokens()[head].end();
        if !doc.folded()[head_end..place.folded().start()]
            .trim()
            .is_empty()
        {
            continue;
        }
        let Some((proclitic, _)) = lex
            .splits(doc.text(head), &words[head])
            .find(|(_, i)| i.parts.has(Part::Facility))
        else {
            continue;
        };
        let after = place.end_token();
        let adjective = after < doc.len()
            && lex
                .info(words[after][0])
                .is_some_and(|i| i.parts.has(Part::FacilityAdjective));
        let end = if adjective {
            doc.tokens()[after].end()
        } else {
            place.folded().end()
        };
        out.push(Facility {
            found: Found {
                start: doc.tokens()[head].start() + proclitic.len_bytes(),
                end,
                proclitic,
            },
            place: k,
        });
    }
    out
}
