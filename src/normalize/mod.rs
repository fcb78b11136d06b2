//! One-pass normalization of text and names, with an exact map back to the original.
//!
//! [`fold`] is applied to gazetteer names and to documents alike, so a name matches every
//! typographic variant of itself. The pass is a single `match` per character (see
//! `arabic.rs` and `latin.rs`): each original character becomes zero, one or (for a few
//! presentation-form ligatures such as ﻻ) several folded characters. The crate-internal
//! [`Normalized`] keeps, beside the folded text, a sparse [`OffsetMap`] that records only the
//! points where folded and original byte positions drift apart, and the positions where words
//! start — the only places where the tagger looks for names.
//!
//! Invariants kept by [`Normalized`]:
//! - every folded character maps to the start of the original character it came from, so a
//!   folded range maps to an original range on `char` boundaries;
//! - runs of white space, hyphens and underscores fold to one space, and leading separators
//!   are dropped;
//! - folding the folded text again changes nothing (`fold(fold(s)) == fold(s)`).

mod arabic;
mod informal;
mod latin;
mod span;

pub(crate) use arabic::block_offset;
use informal::{WEB_ADDRESS, handle_end, web_address_end};

/// What one original character becomes.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Fold {
    /// Nothing (marks, tatweel, invisible controls, apostrophes).
    Drop,
    /// A word separator; runs of them become one space.
    Space,
    /// One character.
    Char(char),
    /// Several characters (ß -> ss).
    Str(&'static str),
}

/// Folds `text` the way makan folds names and documents before matching.
///
/// ```
/// assert_eq!(makan::fold("إدلبُ"), makan::fold("ادلب"));
/// assert_eq!(makan::fold("Deir ez-Zor"), "deir ez zor");
/// assert_eq!(makan::fold("حماة ١٤٠"), "حماه 140");
/// ```
pub fn fold(text: &str) -> String {
    Normalized::new(text).text
}

/// Folded text with its map back to the original and its tokens.
#[derive(Clone, Debug)]
pub(crate) struct Normalized {
    text: String,
    map: OffsetMap,
    tokens: Vec<Token>,
    /// Whether some original character folded to more than one character (a ligature): only
    /// then can a folded position fall inside one original character.
    expands: bool,
}

/// What a token of folded text is.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum TokenKind {
    /// A run of letters and digits.
    Word,
    /// One character that is neither a letter, a digit nor a space (، . ( « -).
    Punct,
}

impl Token {
    /// Folded byte start.
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    /// Folded byte end (exclusive).
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }
}

/// A token of folded text: a word or one punctuation character, with the sentence and the
/// paragraph (text between line breaks) it sits in.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Token {
    /// Folded byte start (texts over 4 GiB are not supported: tokens are 20 bytes).
    start: u32,
    /// Folded byte end (exclusive).
    end: u32,
    /// Word or punctuation.
    pub(crate) kind: TokenKind,
    /// 0-based index of the sentence: a new one starts after . ! ? ؟ and at a line break.
    pub(crate) sentence: u32,
    /// 0-based index of the paragraph: a new one starts at each line break.
    pub(crate) paragraph: u32,
}

/// Sparse map from folded byte positions to original byte positions.
///
/// A point `(folded, original)` says that from the folded character at `folded` on, the
/// original position is `folded + (original - folded)`, until the next point.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The original position of the folded character starting at `folded`.
    pub(crate) fn original(&self, folded: usize) -> usize {
        let i = self.points.partition_point(|&(f, _)| f <= folded);
        match i.checked_sub(1) {
            Some(j) => {
                let (f, o) = self.points[j];
                o + (folded - f)
            }
            None => folded,
        }
    }

    fn delta_at_end(&self) -> isize {
        self.points
            .last()
            .map_or(0, |&(f, o)| o as isize - f as isize)
    }
}

impl Normalized {
    /// Folds `original` in one pass.
    pub(crate) fn new(original: &str) -> Normalized {
        let mut out = Builder {
            text: String::with_capacity(original.len()),
            map: OffsetMap::default(),
            expands: false,
            // News averages 9 bytes a token.
            tokens: Vec::with_capacity(original.len() / 8),
            prev_is_word: false,
            prev_is_space: false,
            delta: 0,
            sentence: 0,
            paragraph: 0,
        };
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let lead = bytes[at];
            if lead == b' ' {
                out.push_space(at);
                at += 1;
                continue;
            }
            // Fast path: words of letters and digits that fold byte for byte, and the single
            // spaces between them, most of any text. A word's first h or w takes the slow
            // path, which looks for a web address there.
            if out.prev_is_word || !matches!(lead, b'h' | b'w') {
                let span_end = out.push_span(original, at);
                if span_end > at {
                    at = span_end;
                    continue;
                }
            }
            let c = original[at..]
                .chars()
                .next()
                .expect("at is a char boundary");
            at = if matches!(c, '\u{0600}'..='\u{06FF}') {
                // The other letters, marks and digits of the Arabic block fold by one table.
                out.push(arabic::fold(c).unwrap_or(Fold::Char(c)), at);
                at + c.len_utf8()
            } else {
                out.push_original_char(original, at, c)
            };
        }
        out.end_word();
        Normalized {
            text: out.text,
            map: out.map,
            tokens: out.tokens,
            expands: out.expands,
        }
    }

    /// The folded text.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// The tokens (words and punctuation), in text order.
    pub(crate) fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The words as `(token index, folded start, folded end)`, in text order.
    pub(crate) fn words(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Word)
            .map(|(i, t)| (i, t.start(), t.end()))
    }

    /// The original start of the folded character at `folded`.
    pub(crate) fn original_start(&self, folded: usize) -> usize {
        self.map.original(folded)
    }

    /// Whether folded position `folded` falls inside the expansion of one original character
    /// (between the ل and the ا of a ﻻ ligature): no span may start or end there, since the
    /// original text cannot be cut inside a character.
    pub(crate) fn splits_original_char(&self, folded: usize) -> bool {
        if !self.expands || folded == 0 || folded >= self.text.len() {
            return false;
        }
        let prev = self.text[..folded]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        self.map.original(folded - prev) == self.map.original(folded)
    }

    /// The original end of a folded range ending at `folded_end` (exclusive, > 0): the end of
    /// the original character the last folded character came from, extended over Arabic
    /// combining marks (harakat, superscript alef, Quranic marks) written on it, so the span is
    /// the surface text as written.
    pub(crate) fn original_end(&self, original: &str, folded_end: usize) -> usize {
        let last = self.text[..folded_end]
            .chars()
            .next_back()
            .expect("a non-empty range");
        let start = self.map.original(folded_end - last.len_utf8());
        let mut end = start + original[start..].chars().next().map_or(0, char::len_utf8);
        for c in original[end..].chars() {
            if matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        end
    }
}

struct Builder {
    text: String,
    map: OffsetMap,
    /// Set where one original character is written as several ([`Normalized::expands`]).
    expands: bool,
    tokens: Vec<Token>,
    prev_is_word: bool,
    prev_is_space: bool,
    delta: isize,
    sentence: u32,
    paragraph: u32,
}

impl Builder {
    fn start_token(&mut self, at: usize, kind: TokenKind) {
        self.tokens.push(Token {
            start: at as u32,
            end: at as u32,
            kind,
            sentence: self.sentence,
            paragraph: self.paragraph,
        });
    }

    /// Closes the word being written, if any.
    fn end_word(&mut self) {
        if self.prev_is_word {
            let end = self.text.len();
            if let Some(t) = self.tokens.last_mut() {
                t.end = end as u32;
            }
            self.prev_is_word = false;
        }
    }

    /// A line break in the original: a new paragraph, and a new sentence unless one has just
    /// begun.
    fn line_break(&mut self) {
        let begun = self
            .tokens
            .last()
            .is_none_or(|t| t.sentence < self.sentence || t.paragraph < self.paragraph);
        self.paragraph += 1;
        if !begun {
            self.sentence += 1;
        }
    }

    /// Folds the original character `c` at `at` (not a plain word character, or a word's
    /// first h or w) and returns the position to go on from: past the character, or past the
    /// web address or handle it opens.
    fn push_original_char(&mut self, original: &str, at: usize, c: char) -> usize {
        let next = at + c.len_utf8();
        // A web address opens with the letters h or w (of any case or accent) at a word's
        // start: looked for on folded letters, so that the folded text is read the same way
        // again.
        let may_open_address = !self.prev_is_word
            && matches!(c, 'h' | 'w' | 'H' | 'W' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}');
        if may_open_address && let Some(end) = web_address_end(original, at) {
            self.push(Fold::Char(WEB_ADDRESS), at);
            return end;
        }
        if is_plain_word_char(c) {
            self.push_word_char(c, at);
            return next;
        }
        if c == '@'
            && let Some(end) = handle_end(original, at)
        {
            // «@KUWAIT_MOH»: an account, never a place; one punctuation token stands for it.
            self.push(Fold::Char('@'), at);
            return end;
        }
        if c == '\n' {
            self.line_break();
        }
        match fold_char(c) {
            Folded::One(fold) => self.push(fold, at),
            Folded::Compatibility => {
                self.expands = true;
                unicode_normalization::char::decompose_compatible(c, |d| {
                    // Isolated harakat forms decompose to a space plus the mark: keep
                    // neither, like the marks themselves.
                    if d != ' '
                        && let Folded::One(fold) = fold_char(d)
                    {
                        self.push(fold, at);
                    }
                });
            }
        }
        next
    }

    /// A space of the original: one space in the folded text, unless one was just written or
    /// nothing yet was.
    #[inline]
    fn push_space(&mut self, original_at: usize) {
        if self.text.is_empty() || self.prev_is_space {
            return;
        }
        self.map_to(original_at);
        self.end_word();
        self.prev_is_space = true;
        self.text.push(' ');
    }

    fn push(&mut self, fold: Fold, original_at: usize) {
        match fold {
            Fold::Drop => {}
            Fold::Space => self.push_space(original_at),
            Fold::Char(c) if is_word_char(c) => self.push_word_char(c, original_at),
            Fold::Char(c) => self.push_char(c, original_at),
            Fold::Str(s) => {
                self.expands |= s.chars().nth(1).is_some();
                s.chars().for_each(|c| self.push_char(c, original_at));
            }
        }
    }

    /// `push_char` for a word character (a letter or a digit of folded text).
    #[inline]
    fn push_word_char(&mut self, c: char, original_at: usize) {
        self.continue_word(original_at);
        self.text.push(c);
    }

    /// Before word characters from `original_at`: the offset map, and a word token opened
    /// unless one is open.
    #[inline]
    fn continue_word(&mut self, original_at: usize) {
        let at = self.map_to(original_at);
        if !self.prev_is_word {
            self.start_token(at, TokenKind::Word);
            self.prev_is_word = true;
        }
        self.prev_is_space = false;
    }

    /// Records in the offset map that the next folded character, at the returned folded
    /// position, comes from `original_at`, where the two drift apart.
    #[inline]
    fn map_to(&mut self, original_at: usize) -> usize {
        let at = self.text.len();
        let delta = original_at as isize - at as isize;
        if delta != self.delta {
            self.map.points.push((at, original_at));
            self.delta = delta;
            debug_assert_eq!(self.map.delta_at_end(), delta);
        }
        at
    }

    fn push_char(&mut self, c: char, original_at: usize) {
        let at = self.map_to(original_at);
        let is_word = is_word_char(c);
        if is_word && !self.prev_is_word {
            self.start_token(at, TokenKind::Word);
        } else if !is_word {
            self.end_word();
        }
        self.prev_is_word = is_word;
        self.prev_is_space = c == ' ';
        self.text.push(c);
        if !is_word && c != ' ' {
            self.start_token(at, TokenKind::Punct);
            if let Some(t) = self.tokens.last_mut() {
                t.end = (at + c.len_utf8()) as u32;
            }
            if matches!(c, '.' | '!' | '?' | '؟') {
                self.sentence += 1;
            }
        }
    }
}

enum Folded {
    One(Fold),
    /// A presentation form: fold its compatibility decomposition.
    Compatibility,
}

fn fold_char(c: char) -> Folded {
    let fold = match c {
        'A'..='Z' => Fold::Char(c.to_ascii_lowercase()),
        '\'' | '`' => Fold::Drop,
        '-' | '_' => Fold::Space,
        c if c.is_ascii() => {
            if c.is_ascii_whitespace() {
                Fold::Space
            } else {
                Fold::Char(c)
            }
        }
        '\u{0600}'..='\u{06FF}' => arabic::fold(c).unwrap_or(Fold::Char(c)),
        // Zero-width and direction controls, BOM, soft hyphen, word joiner.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}' => Fold::Drop,
        // Hyphen, non-breaking hyphen, figure dash, en dash, minus sign.
        '\u{2010}'..='\u{2013}' | '\u{2212}' => Fold::Space,
        // Arabic presentation forms A and B: text copied from PDFs.
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => return Folded::Compatibility,
        c if c.is_whitespace() => Fold::Space,
        c => latin::fold(c).unwrap_or(Fold::Char(c)),
    };
    Folded::One(fold)
}

/// Letters and digits that fold to themselves: ASCII lower case and digits, and the Arabic
/// letters without hamza seats, alef maqsura or taa marbuta.
#[inline]
fn is_plain_word_char(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | 'ا' | 'ب' | 'ت'..='غ' | 'ف'..='و' | 'ي')
}

/// True for characters that belong to words in folded text: letters and digits.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        // Folded text has no Arabic digits or marks left; punctuation (، ؛ ؟) is not a letter.
        arabic::is_letter(c)
    } else {
        c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests;
