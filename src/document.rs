//! The document view: a text folded once, with its tokens, that every later step reads.
//!
//! The tagger walks its words, the recognizers of names by their form read the words after a
//! head, and every resolver rule reads the tokens around a mention by index: nothing folds,
//! tokenizes or scans the text a second time. Positions in the folded text never leave the
//! crate; [`Document::original_span`] maps them back.

use crate::Span;
use crate::normalize::{Normalized, Token, TokenKind};

/// A text folded once, with its tokens.
#[derive(Debug)]
pub(crate) struct Document<'t> {
    original: &'t str,
    norm: Normalized,
}

impl<'t> Document<'t> {
    /// Folds and tokenizes `original` in one pass.
    pub(crate) fn new(original: &'t str) -> Document<'t> {
        Document {
            original,
            norm: Normalized::new(original),
        }
    }

    /// The text as the caller gave it.
    pub(crate) fn original(&self) -> &'t str {
        self.original
    }

    /// The folded text.
    pub(crate) fn folded(&self) -> &str {
        self.norm.text()
    }

    /// The fold with its offset map.
    pub(crate) fn norm(&self) -> &Normalized {
        &self.norm
    }

    /// The tokens, in text order.
    pub(crate) fn tokens(&self) -> &[Token] {
        self.norm.tokens()
    }

    /// The number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens().len()
    }

    /// The folded text of token `i`.
    pub(crate) fn text(&self, i: usize) -> &str {
        let t = &self.tokens()[i];
        &self.folded()[t.start()..t.end()]
    }

    /// The folded text of token `i`, or "" past either end.
    pub(crate) fn text_or_empty(&self, i: Option<usize>) -> &str {
        match i {
            Some(i) if i < self.len() => self.text(i),
            _ => "",
        }
    }

    /// Whether token `i` is a word (letters and digits).
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tokens()[i].kind == TokenKind::Word
    }

    /// The index of the first token that starts at or after folded position `at`.
    pub(crate) fn token_from(&self, at: usize) -> usize {
        self.tokens().partition_point(|t| t.start() < at)
    }

    /// The span of the original text a folded range comes from.
    pub(crate) fn original_span(&self, folded: Span) -> Span {
        Span::new(
            self.norm.original_start(folded.start()),
            self.norm.original_end(self.original, folded.end()),
        )
    }

    /// The original text between the end of token `a` and the start of token `b` (`a < b`).
    pub(crate) fn original_between(&self, a: usize, b: usize) -> &'t str {
        let (ta, tb) = (&self.tokens()[a], &self.tokens()[b]);
        let start = self.norm.original_end(self.original, ta.end());
        let end = self.norm.original_start(tb.start());
        &self.original[start..end.max(start)]
    }

    /// The original text of token `i`.
    pub(crate) fn original_of(&self, i: usize) -> &'t str {
        let t = &self.tokens()[i];
        &self.original[self.original_span(Span::new(t.start(), t.end()))]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_map_back_to_the_original() {
        let text = "قُرب حلبَ، ١٤٠ كم";
        let doc = Document::new(text);
        let words: Vec<&str> = (0..doc.len()).map(|i| doc.text(i)).collect();
        assert_eq!(words, ["قرب", "حلب", "،", "140", "كم"]);
        assert_eq!(doc.original_of(1), "حلبَ");
        assert_eq!(doc.original_of(3), "١٤٠");
        assert_eq!(doc.original_between(0, 1), " ");
        assert_eq!(doc.token_from(doc.tokens()[1].start()), 1);
        assert_eq!(doc.text_or_empty(Some(9)), "");
    }
}
