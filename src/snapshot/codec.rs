//! The byte format of the snapshot: a table of every distinct string (UTF-8, checked once
//! when read), then the values: numbers of 32 bits as LEB128 varints, others little-endian
//! and fixed-width, strings as an offset and
//! length in the table, lists as a length and their items. Writing never fails; reading
//! returns `None` at the first byte that does not fit, so a damaged snapshot is refused as a
//! whole.

use std::borrow::Cow;
use std::collections::HashMap;

/// Appends values to a byte buffer; strings go to a table of their own, each distinct string
/// once.
#[derive(Default)]
pub(crate) struct Writer {
    bytes: Vec<u8>,
    strings: String,
    offsets: HashMap<String, u32>,
}

impl Writer {
    /// The string table (its length, then its bytes), then the values.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        let mut head = Writer::default();
        head.bytes(self.strings.as_bytes());
        let mut out = head.bytes;
        out.extend_from_slice(&self.bytes);
        out
    }

    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    pub(crate) fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    /// Seven bits a byte, low first, the high bit set on all but the last byte (LEB128): the
    /// counts and ids of the tables are mostly small.
    pub(crate) fn u32(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.bytes.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.bytes.push(v as u8);
    }

    pub(crate) fn u64(&mut self, v: u64) {
        self.raw(&v.to_le_bytes());
    }

    pub(crate) fn f64(&mut self, v: f64) {
        self.raw(&v.to_le_bytes());
    }

    /// A length or index; the gazetteer's tables are far below 2³² items.
    pub(crate) fn len(&mut self, n: usize) {
        self.u32(table_len(n));
    }

    pub(crate) fn bytes(&mut self, v: &[u8]) {
        self.len(v.len());
        self.raw(v);
    }

    /// A string: its offset in the string table and its length.
    pub(crate) fn str(&mut self, v: &str) {
        let offset = match self.offsets.get(v) {
            Some(&offset) => offset,
            None => {
                let offset = table_len(self.strings.len());
                self.strings.push_str(v);
                self.offsets.insert(v.to_owned(), offset);
                offset
            }
        };
        // Offsets are large and would take three or four bytes as varints anyway.
        self.raw(&offset.to_le_bytes());
        self.len(v.len());
    }

    pub(crate) fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.len(items.len());
        for s in items {
            self.str(s.as_ref());
        }
    }

    /// A long array of numbers, fixed-width: read back in one pass.
    pub(crate) fn u32s(&mut self, items: &[u32]) {
        self.len(items.len());
        for &v in items {
            self.raw(&v.to_le_bytes());
        }
    }

    /// `u32::MAX` stands for `None`; the values written this way never reach it.
    pub(crate) fn opt_u32(&mut self, v: Option<u32>) {
        self.u32(v.unwrap_or(u32::MAX));
    }
}

fn table_len(n: usize) -> u32 {
    u32::try_from(n).expect("snapshot tables hold fewer than 2^32 items")
}

/// Reads values back from bytes made by [`Writer::into_bytes`], in the order they were
/// written. Strings are borrowed from the input: its string table is checked to be UTF-8 once.
pub(crate) struct Reader<'a> {
    strings: &'a str,
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// `None` when the string table is cut short or not UTF-8.
    pub(crate) fn new(bytes: &'a [u8]) -> Option<Reader<'a>> {
        let mut r = Reader { strings: "", bytes };
        let table = r.bytes()?;
        // Megabytes of Arabic names, checked on the start's critical path: simdutf8 does it
        // a block of bytes at a time.
        r.strings = simdutf8::basic::from_utf8(table).ok()?;
        Some(r)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub(crate) fn raw(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.raw(N)?.try_into().ok()
    }

    #[inline]
    pub(crate) fn u8(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    #[inline]
    pub(crate) fn u32(&mut self) -> Option<u32> {
        // Most numbers fit in the first byte.
        let (&first, rest) = self.bytes.split_first()?;
        if first < 0x80 {
            self.bytes = rest;
            return Some(u32::from(first));
        }
        self.long_u32()
    }

    fn long_u32(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for (i, &byte) in self.bytes.iter().take(5).enumerate() {
            v |= u32::from(byte & 0x7f) << (7 * i);
            if byte < 0x80 {
                // A fifth byte may carry only the top four bits.
                if i == 4 && byte >= 0x10 {
                    return None;
                }
                self.bytes = &self.bytes[i + 1..];
                return Some(v);
            }
        }
        None
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }

    pub(crate) fn f64(&mut self) -> Option<f64> {
        self.array().map(f64::from_le_bytes)
    }

    pub(crate) fn len(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }

    pub(crate) fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.raw(n)
    }

    /// A string of the string table (`None` when its bounds are not on characters).
    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let offset = u32::from_le_bytes(self.array()?) as usize;
        let len = self.len()?;
        self.strings.get(offset..offset.checked_add(len)?)
    }

    pub(crate) fn text(&mut self) -> Option<Cow<'a, str>> {
        self.str().map(Cow::Borrowed)
    }

    pub(crate) fn texts(&mut self) -> Option<Vec<Cow<'a, str>>> {
        self.list(5, Reader::text)
    }

    pub(crate) fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len()?;
        let raw = self.raw(n.checked_mul(4)?)?;
        Some(
            raw.chunks_exact(4)
                .map(|c| u32::from_le_bytes(c.try_into().expect("four bytes")))
                .collect(),
        )
    }

    pub(crate) fn opt_u32(&mut self) -> Option<Option<u32>> {
        self.u32().map(|v| (v != u32::MAX).then_some(v))
    }

    /// Items read by `item`, for a length read first (each item takes at least
    /// `min_item_bytes`).
    pub(crate) fn list<T>(
        &mut self,
        min_item_bytes: usize,
        item: impl FnMut(&mut Reader<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let n = self.len()?;
        self.items(n, min_item_bytes, item)
    }

    /// `n` items read by `item` (each takes at least `min_item_bytes`), for a length read
    /// already.
    pub(crate) fn items<T>(
        &mut self,
        n: usize,
        min_item_bytes: usize,
        mut item: impl FnMut(&mut Reader<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        if n.checked_mul(min_item_bytes)? > self.bytes.len() {
            return None;
        }
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_in_order() {
        let mut w = Writer::default();
        w.u8(7);
        w.u32(0x0102_0304);
        w.u64(u64::MAX - 1);
        w.f64(-36.25);
        w.str("دير الزور");
        w.strs(&["a", "", "دير الزور"]);
        w.u32s(&[1, 2, 3]);
        w.opt_u32(None);
        w.opt_u32(Some(9));
        let bytes = w.into_bytes();
        // Each distinct string is stored once.
        assert_eq!(
            bytes.windows(4).filter(|w| *w == "دي".as_bytes()).count(),
            1
        );
        let mut r = Reader::new(&bytes).unwrap();
        assert_eq!(r.u8(), Some(7));
        assert_eq!(r.u32(), Some(0x0102_0304));
        assert_eq!(r.u64(), Some(u64::MAX - 1));
        assert_eq!(r.f64(), Some(-36.25));
        assert_eq!(r.str(), Some("دير الزور"));
        assert_eq!(r.texts().unwrap(), ["a", "", "دير الزور"]);
        assert_eq!(r.u32s(), Some(vec![1, 2, 3]));
        assert_eq!(r.opt_u32(), Some(None));
        assert_eq!(r.opt_u32(), Some(Some(9)));
        assert!(r.is_empty());
    }

    #[test]
    fn damaged_input_is_refused_without_allocating() {
        let mut w = Writer::default();
        w.str("حلب");
        let bytes = w.into_bytes();
        // Cut short anywhere: the string does not read.
        for cut in 0..bytes.len() {
            let read = Reader::new(&bytes[..cut]).and_then(|mut r| r.str().map(str::to_owned));
            assert_eq!(read, None, "cut at {cut}");
        }
        // A string table that is not UTF-8 is refused.
        let mut bad = bytes.clone();
        bad[1] = 0xff;
        assert!(Reader::new(&bad).is_none());
        // Bounds inside a character, or past the table, are refused.
        let mut r = Reader::new(&bytes).unwrap();
        r.bytes = &[1, 0, 0, 0, 2];
        assert_eq!(r.str(), None);
        r.bytes = &[4, 0, 0, 0, 3];
        assert_eq!(r.str(), None);
        // A varint longer than 32 bits is refused.
        r.bytes = &[0xff, 0xff, 0xff, 0xff, 0x7f];
        assert_eq!(r.u32(), None);
        r.bytes = &[0xff, 0xff, 0xff, 0xff, 0x0f];
        assert_eq!(r.u32(), Some(u32::MAX));
        // A length far beyond the input is refused before any allocation.
        let mut r = Reader::new(&bytes).unwrap();
        let huge = u32::MAX.to_le_bytes();
        r.bytes = &huge;
        assert_eq!(r.texts(), None);
        r.bytes = &huge;
        assert_eq!(r.u32s(), None);
    }
}
