//! The word-table entries of a document's tokens, as the tagger records them while it walks
//! the text: what the resolver's rules read instead of looking words up again.

use super::{
    Lexicon, NO_WORD, SCAN_BESIDE, SCAN_DEMONYM, SCAN_HEAD, SCAN_SETTLEMENT, SCANNED, WordId,
};

/// The word table entries of a token, one per proclitic split (bare, then behind a
/// conjunction, then behind a conjunction and a preposition), as the tagger found them; it
/// reads as that array. With them, the union of their scan flags, so that a pass over every
/// token of a document (the heads of organizations, the nouns of settlements, nationality
/// adjectives) reads one byte a token and no table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TokenWords {
    ids: [WordId; 3],
    flags: u8,
}

impl TokenWords {
    /// A token that is no word of the tables.
    pub(crate) const NONE: TokenWords = TokenWords {
        ids: [NO_WORD; 3],
        flags: 0,
    };

    /// Records `id` as the entry of proclitic split `split` (0 bare, 1, 2).
    pub(crate) fn set(&mut self, lex: &Lexicon, split: usize, id: WordId) {
        self.ids[split] = id;
        let mut flags = lex.scan.get(id as usize).copied().unwrap_or(0);
        if split != 0 {
            // A nationality adjective counts as written, with no proclitic.
            flags &= !SCAN_DEMONYM;
        }
        self.flags |= flags;
    }

    /// Whether some entry has `flag` ([`SCAN_HEAD`]...); [`SCAN_DEMONYM`] the bare one only.
    fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Whether some entry is a cue word (before or after a name) or the head of a longer
    /// name: without one, the token says nothing of the name beside it.
    pub(crate) fn may_stand_beside(&self) -> bool {
        self.has(SCAN_BESIDE)
    }
}

/// The word-table entries of a document's tokens as the tagger records them, one
/// [`TokenWords`] per token (it reads as that slice), and the tokens whose entries have a scan
/// flag, in order: the passes over every token (heads of organizations, settlement nouns,
/// nationality adjectives) read only those.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocWords {
    tokens: Vec<TokenWords>,
    flagged: Vec<u32>,
}

impl DocWords {
    /// Every token no word, for a document of `len` tokens.
    pub(crate) fn reset(&mut self, len: usize) {
        self.tokens.clear();
        self.tokens.resize(len, TokenWords::NONE);
        self.flagged.clear();
    }

    /// Records `id` as the entry of token `token`'s proclitic split `split`; the tokens are
    /// recorded in order.
    pub(crate) fn set(&mut self, lex: &Lexicon, token: usize, split: usize, id: WordId) {
        let words = &mut self.tokens[token];
        let had = words.flags & SCANNED != 0;
        words.set(lex, split, id);
        if !had && words.flags & SCANNED != 0 {
            self.flagged.push(token as u32);
        }
    }

    /// The tokens some entry of which has `flag`, in order.
    fn with(&self, flag: u8) -> impl Iterator<Item = usize> + '_ {
        self.flagged
            .iter()
            .map(|&t| t as usize)
            .filter(move |&t| self.tokens[t].has(flag))
    }

    /// The tokens of which some split heads an organization's name found by its form (alone,
    /// or as the first word of a two-word head).
    pub(crate) fn heads(&self) -> impl Iterator<Item = usize> + '_ {
        self.with(SCAN_HEAD)
    }

    /// The tokens of which some split is the singular noun of a settlement (`marks.tsv`:
    /// settlement).
    pub(crate) fn settlement_nouns(&self) -> impl Iterator<Item = usize> + '_ {
        self.with(SCAN_SETTLEMENT)
    }

    /// The tokens that are, as written, an English nationality adjective (`demonyms.tsv`).
    pub(crate) fn demonyms(&self) -> impl Iterator<Item = usize> + '_ {
        self.with(SCAN_DEMONYM)
    }
}

impl std::ops::Deref for DocWords {
    type Target = [TokenWords];
    fn deref(&self) -> &[TokenWords] {
        &self.tokens
    }
}

impl std::ops::Deref for TokenWords {
    type Target = [WordId; 3];
    fn deref(&self) -> &[WordId; 3] {
        &self.ids
    }
}
