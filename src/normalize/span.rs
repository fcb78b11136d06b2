//! The fold's fast path ([`Builder::push_span`]): spans of words and single spaces that fold
//! byte for byte, read on the UTF-8 bytes.

use super::{Builder, Token, TokenKind, arabic};

impl Builder {
    /// Appends the span of text at `at` that folds byte for byte and returns its end (`at`
    /// when no span starts there): words of ASCII lower-case letters and digits and of
    /// two-byte Arabic letters that fold to two-byte letters (themselves, or أ -> ا, ة -> ه),
    /// with the single spaces between them. Folded and original positions differ by one
    /// constant over the span, so the offset map takes one step at its start and the words'
    /// tokens are placed by that constant; the span is copied in pieces, cut only where a
    /// letter folds to another. It ends inside a word: a space is taken only before a word
    /// the span takes too (not before a second space, punctuation, or a word's first h or
    /// w, which may open a web address).
    pub(super) fn push_span(&mut self, original: &str, at: usize) -> usize {
        let bytes = original.as_bytes();
        // A letter that folds to another two-byte letter, at byte `i`.
        let fold_at = |i: usize| match bytes.get(i..i + 2) {
            Some(&[lead, trail]) => arabic::same_length_fold(lead, trail),
            _ => None,
        };
        let mut end = plain_run_end(bytes, at);
        if end == at && fold_at(at).is_none() {
            return at;
        }
        self.continue_word(at);
        let shift = self.text.len() as isize - at as isize;
        let folded = |original_at: usize| original_at.wrapping_add_signed(shift) as u32;
        let mut copied = at;
        loop {
            match bytes.get(end) {
                Some(&b) if b >= 0x80 => {
                    let Some(f) = fold_at(end) else { break };
                    self.text.push_str(&original[copied..end]);
                    self.text.push(f);
                    copied = end + 2;
                    end = plain_run_end(bytes, copied);
                }
                Some(b' ') => {
                    let next = end + 1;
                    let next_end = plain_run_end(bytes, next);
                    let opens_word = (next_end > next && !matches!(bytes[next], b'h' | b'w'))
                        || (next_end == next && fold_at(next).is_some());
                    if !opens_word {
                        break;
                    }
                    if let Some(t) = self.tokens.last_mut() {
                        t.end = folded(end);
                    }
                    self.tokens.push(Token {
                        start: folded(next),
                        end: folded(next),
                        kind: TokenKind::Word,
                        sentence: self.sentence,
                        paragraph: self.paragraph,
                    });
                    end = next_end;
                }
                _ => break,
            }
        }
        self.text.push_str(&original[copied..end]);
        self.prev_is_word = true;
        self.prev_is_space = false;
        end
    }
}

/// The end of the run of [`super::is_plain_word_char`] characters that starts at byte `at`, read on
/// the UTF-8 bytes: ASCII lower case and digits, and the two-byte Arabic letters that fold to
/// themselves.
#[inline]
fn plain_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if !(b.is_ascii_lowercase() || b.is_ascii_digit()) {
                break;
            }
            at += 1;
        } else if let Some(&trail) = bytes.get(at + 1)
            && arabic::is_plain_letter(b, trail)
        {
            at += 2;
        } else {
            break;
        }
    }
    at
}
