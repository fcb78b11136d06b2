//! The words between two mentions: what pass two reads for lists, containment and relative
//! position.

use super::context::Ctx;
use crate::tag::Mention;
use crate::words::{MAX_PHRASE_WORDS, Relation, word_relations};

/// The longest gap (folded bytes) between two mentions that a list, containment or relative
/// phrase can fill: «جنوب شرق مدينة ... بحوالي» fits, a paragraph does not.
const MAX_GAP_BYTES: usize = 120;

/// At most this many words of a gap are read; a longer gap is no phrase.
const GAP_WORDS: usize = 9;

/// The folded words of a gap between two mentions, in text order; a decimal number
/// («12.5») is one word.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Words<'a> {
    words: [&'a str; GAP_WORDS],
    len: usize,
}

impl<'a> Words<'a> {
    /// The tokens `from..to` of the document, and `tail` after them when not empty.
    pub(super) fn read(ctx: &Ctx<'a, '_>, from: usize, to: usize, tail: &'a str) -> Words<'a> {
        let (tokens, folded) = (ctx.doc.tokens(), ctx.doc.folded());
        let mut out = Words::default();
        let mut i = from;
        while i < to && out.len < GAP_WORDS {
            // «12.5»: digits, a point and digits with nothing between them.
            let decimal = i + 2 < to
                && is_point(ctx, i + 1)
                && tokens[i].end() == tokens[i + 1].start()
                && tokens[i + 1].end() == tokens[i + 2].start()
                && [i, i + 2].iter().all(|&k| {
                    folded.as_bytes()[tokens[k].start()..tokens[k].end()]
                        .iter()
                        .all(u8::is_ascii_digit)
                });
            let end = if decimal { i + 2 } else { i };
            out.push(&folded[tokens[i].start()..tokens[end].end()]);
            i = end + 1;
        }
        if i < to {
            // More words than any phrase has: no phrase.
            out.len = GAP_WORDS;
        }
        if !tail.is_empty() {
            out.push(tail);
        }
        out
    }

    fn push(&mut self, w: &'a str) {
        if self.len < GAP_WORDS {
            self.words[self.len] = w;
            self.len += 1;
        }
    }

    pub(super) fn as_slice(&self) -> &[&'a str] {
        &self.words[..self.len]
    }
}

/// The gap words between mentions `a` and `b` (`b`'s proclitics last: بريف حلب has «ب»), or
/// `None` when `b` starts before `a` ends or too far after.
pub(super) fn gap<'a>(ctx: &Ctx<'a, '_>, a: &Mention, b: &Mention) -> Option<Words<'a>> {
    let start = b.folded_word_start();
    if start < a.folded().end() || b.folded().start() - a.folded().end() > MAX_GAP_BYTES {
        return None;
    }
    let tail = &ctx.doc.folded()[start..b.folded().start()];
    Some(Words::read(ctx, a.end_token(), b.first_token(), tail))
}

/// Two mentions separated only by a list separator («حلب وإدلب», "حلب، إدلب", "X and Y").
pub(super) fn is_list_gap(ctx: &Ctx<'_, '_>, a: &Mention, b: &Mention) -> bool {
    let start = b.folded_word_start();
    if start < a.folded().end() || start - a.folded().end() > MAX_GAP_BYTES {
        return false;
    }
    // A list separator is a phrase of at most three words, and a word at most three tokens
    // (a decimal number): a longer gap is read no further.
    let (from, to) = (a.end_token(), b.first_token());
    let tokens = to.saturating_sub(from);
    if tokens > 3 * MAX_PHRASE_WORDS {
        return false;
    }
    // More tokens than a phrase has words, and no decimal point to join three into one word:
    // no phrase, and nothing to read.
    if tokens > MAX_PHRASE_WORDS && !(from..to).any(|t| is_point(ctx, t)) {
        return false;
    }
    // One word: its entry as the tagger recorded it, not looked up again.
    if to == from + 1 && ctx.doc.is_word(from) {
        return word_relations(ctx.bare(Some(from)), false).has(Relation::List);
    }
    let words = Words::read(ctx, from, to, "");
    match words.as_slice() {
        [] => b.proclitic().conjunction().is_some(),
        gap => ctx.lex.relations(gap, false).has(Relation::List),
    }
}

/// Whether token `t` is a full stop (or a decimal point), read from its span.
fn is_point(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    let token = &ctx.doc.tokens()[t];
    token.end() == token.start() + 1 && ctx.doc.folded().as_bytes()[token.start()] == b'.'
}

/// Whether `b`'s word (its proclitics included) follows `a` with nothing but spaces between
/// them: no word, no punctuation.
pub(super) fn adjacent(ctx: &Ctx<'_, '_>, a: &Mention, b: &Mention) -> bool {
    let start = b.folded_word_start();
    start >= a.folded().end() && ctx.doc.folded()[a.folded().end()..start].trim().is_empty()
}

/// Whether `b` follows `a` with only a glued ف between them: a list in a chain of places
/// («دير الزور فالعشارة فبالميادين»), but also "so, then" («أما حصة الساحل فللاذقية»).
pub(super) fn is_fa_link(ctx: &Ctx<'_, '_>, a: &Mention, b: &Mention) -> bool {
    b.proclitic().conjunction() == Some('ف') && adjacent(ctx, a, b)
}
