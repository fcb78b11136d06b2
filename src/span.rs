//! Spans over the original text, and conversions to the offsets other languages index with.
//!
//! A [`Span`] is always a half-open byte range into the text the caller gave: it lies on `char`
//! boundaries, so `&text[span]` never panics. Python indexes strings by code point and
//! JavaScript by UTF-16 unit; [`OffsetConverter`] turns many byte offsets of one text into those
//! units in a single forward pass.

use std::ops::{Index, Range};

/// A half-open byte range `[start, end)` into the original text.
#[derive(Clone, Copy, Debug, Default, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// Makes a span. `start` must not exceed `end`.
    ///
    /// # Panics
    /// When `start > end`.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The first byte of the span.
    pub fn start(&self) -> usize {
        self.start
    }

    /// One past the last byte of the span.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range`, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// Offsets of one position in the three units users index text with.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct Offsets {
    /// UTF-8 bytes (Rust, Go, C).
    pub byte: usize,
    /// Unicode code points (Python `str` indices).
    pub char: usize,
    /// UTF-16 code units (JavaScript, Java, C#).
    pub utf16: usize,
}

/// Converts byte offsets of one text into code-point and UTF-16 offsets.
///
/// Conversions are cheapest when offsets are asked for in increasing order (one forward
/// pass over the text in total); asking for an earlier offset restarts from the beginning.
#[derive(Clone, Debug)]
pub struct OffsetConverter<'t> {
    text: &'t str,
    at: Offsets,
}

impl<'t> OffsetConverter<'t> {
    /// Starts converting offsets of `text`.
    pub fn new(text: &'t str) -> OffsetConverter<'t> {
        OffsetConverter {
            text,
            at: Offsets::default(),
        }
    }

    /// The offsets of byte position `byte`, which must be a char boundary of the text.
    ///
    /// # Panics
    /// When `byte` is past the end of the text or not on a char boundary.
    pub fn convert(&mut self, byte: usize) -> Offsets {
        assert!(
            self.text.is_char_boundary(byte),
            "byte offset {byte} is not a char boundary"
        );
        if byte < self.at.byte {
            self.at = Offsets::default();
        }
        let (chars, astral) = count_chars(&self.text.as_bytes()[self.at.byte..byte]);
        self.at.char += chars;
        self.at.utf16 += chars + astral;
        self.at.byte = byte;
        self.at
    }
}

/// The chars of UTF-8 `bytes`, and how many of them lie outside the Basic Multilingual Plane
/// (two UTF-16 units each), counted eight bytes at a time: a char starts at every byte that is
/// not a continuation byte (10xxxxxx), and an astral one at a lead byte 11110xxx.
fn count_chars(bytes: &[u8]) -> (usize, usize) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The number of bytes whose high bit is set in `flags` (only high bits set): one per byte
    // moved to the low bit, then the bytes summed by a multiplication.
    let count = |flags: u64| ((flags >> 7).wrapping_mul(ONES) >> 56) as usize;
    let mut chunks = bytes.chunks_exact(8);
    let (mut continuation, mut astral) = (0, 0);
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        continuation += count(w & !(w << 1) & HIGH);
        astral += count(w & (w << 1) & (w << 2) & (w << 3) & HIGH);
    }
    for &b in chunks.remainder() {
        continuation += usize::from(b & 0xC0 == 0x80);
        astral += usize::from(b >= 0xF0);
    }
    (bytes.len() - continuation, astral)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_arabic_and_astral_offsets() {
        let text = "في حلب 😀 x";
        let mut conv = OffsetConverter::new(text);
        let halab = text.find("حلب").unwrap();
        assert_eq!(
            conv.convert(halab),
            Offsets {
                byte: 5,
                char: 3,
                utf16: 3
            }
        );
        let x = text.find('x').unwrap();
        assert_eq!(
            conv.convert(x),
            Offsets {
                byte: x,
                char: 9,
                utf16: 10
            }
        );
        // Going backwards restarts and still gives the right answer.
        assert_eq!(conv.convert(halab).char, 3);
    }

    #[test]
    fn every_boundary_converts_like_the_chars_before_it() {
        let text = "a«حلب»\u{1F600}ß\u{10348}z ١٤٠ كم";
        let mut conv = OffsetConverter::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let before = &text[..byte];
            let want = Offsets {
                byte,
                char: before.chars().count(),
                utf16: before.encode_utf16().count(),
            };
            assert_eq!(conv.convert(byte), want, "at byte {byte}");
            // In one jump from the start too, eight bytes at a time.
            assert_eq!(
                OffsetConverter::new(text).convert(byte),
                want,
                "at byte {byte}"
            );
        }
    }

    #[test]
    fn span_indexes_str() {
        let text = "في حلب";
        let span = Span::new(5, 11);
        assert_eq!(&text[span], "حلب");
        assert!(span.overlaps(Span::new(10, 12)));
        assert!(!span.overlaps(Span::new(11, 12)));
    }
}
