//! What the resolver reads around a mention: the tokens of the document view, and what the
//! word tables say of them. Every word is looked up in one map ([`Lexicon`]), bare or behind
//! the proclitics a name may carry (بريف، لمحافظة، وبمدينة).

use crate::document::Document;
use crate::gazetteer::Gazetteer;
use crate::tag::{Mention, Proclitic};
use crate::words::{Cue, Filler, Lexicon, Part, Strength};

/// The document, the gazetteer and the word tables, read by every stage.
pub(super) struct Ctx<'a, 't> {
    pub(super) doc: &'a Document<'t>,
    pub(super) g: &'a Gazetteer,
    pub(super) lex: &'a Lexicon,
}

/// Up to three folded tokens before a mention, nearest first ("" where the text ends).
pub(super) type Before<'a> = [&'a str; 3];

impl<'a> Ctx<'a, '_> {
    /// The three tokens before the word the mention starts in, nearest first.
    pub(super) fn before(&self, m: &Mention) -> Before<'a> {
        let first = m.first_token();
        let at = |k: usize| self.doc.text_or_empty(first.checked_sub(k + 1));
        [at(0), at(1), at(2)]
    }

    /// The token right after the mention ("" at the end).
    pub(super) fn after(&self, m: &Mention) -> &'a str {
        self.doc.text_or_empty(Some(m.end_token()))
    }

    /// The cue a word is when written before a name.
    pub(super) fn cue_of(&self, word: &str) -> Option<Cue> {
        self.lex
            .with_proclitics(word, |i| i.cue_before)
            .map(|(_, c)| c)
    }

    /// The cue among the words before a mention (`words[0]` right before the name). Fillers
    /// like "of" and "the" are skipped; a governorate cue after ريف («ريف محافظة حلب») still
    /// reads as countryside.
    pub(super) fn cue_before(&self, words: &[&str]) -> Option<Cue> {
        let filler = |w: &&str| self.lex.word(w).is_some_and(|i| i.fillers.has(Filler::Cue));
        let mut words = words.iter().filter(|w| !filler(w));
        let cue = self.cue_of(words.next()?)?;
        if cue == Cue::Governorate
            && words
                .next()
                .is_some_and(|w| self.cue_of(w) == Some(Cue::Countryside))
        {
            return Some(Cue::Countryside);
        }
        Some(cue)
    }

    /// The cue in the word right after a mention ("Idlib province", «الإخبارية»).
    pub(super) fn cue_after(&self, word: &str) -> Option<Cue> {
        self.lex
            .with_proclitics(word, |i| i.cue_after)
            .map(|(_, c)| c)
    }

    /// Whether a word (with its proclitics) plays `part` in a longer name.
    pub(super) fn plays(&self, word: &str, part: Part) -> bool {
        self.lex
            .with_proclitics(word, |i| i.parts.has(part).then_some(()))
            .is_some()
    }

    /// Whether a folded name key is a place cue word, with or without the article (مدينه،
    /// المدينه، البلده).
    pub(super) fn is_cue_word(&self, key: &str) -> bool {
        let bare = key.strip_prefix("ال").unwrap_or(key);
        [key, bare]
            .iter()
            .any(|w| self.cue_of(w).is_some_and(Cue::is_place_cue))
    }

    /// The strength of a locative word or preposition, as written (no proclitics).
    pub(super) fn locative(&self, word: &str) -> Option<Strength> {
        self.lex.word(word).and_then(|i| i.locative)
    }

    /// The country a nationality adjective names.
    pub(super) fn nationality(&self, word: &str) -> Option<&'a str> {
        self.lex.word(word).and_then(|i| i.nationality.as_deref())
    }
}

/// Whether a mention stands where places stand: right after a locative word (إلى، نحو، قرب،
/// شمال...) or a place cue word (مدينة، بلدة، محافظة...). A glued preposition (بحلب، لحلب)
/// leaves no room for a word before.
pub(super) fn stands_as_place(ctx: &Ctx<'_, '_>, proclitic: Proclitic, before: &str) -> bool {
    if proclitic.preposition().is_some() {
        return false;
    }
    ctx.locative(before) == Some(Strength::Locative)
        || ctx
            .cue_before(&[before])
            .is_some_and(|c| c.is_place_cue() && c != Cue::Country)
}

/// Whether a mention follows a preposition, glued (بحلب، لحلب) or as a word (في حلب), or
/// stands where places stand.
pub(super) fn after_preposition(ctx: &Ctx<'_, '_>, proclitic: Proclitic, before: &str) -> bool {
    proclitic.preposition().is_some()
        || ctx.locative(before).is_some()
        || stands_as_place(ctx, proclitic, before)
}
