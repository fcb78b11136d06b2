//! [`MentionRecord::write_json`]: a record written as JSON by hand, byte for byte what
//! `serde_json` writes for it, without serde's machinery: the keys are written as they stand,
//! and a string is escaped only when one of its bytes needs it. `makan tag --jsonl` writes
//! every record of every document this way.

use super::{
    AdminRecord, AlternativeRecord, FocusAreaRecord, FocusRecord, MentionRecord, ResolvedRecord,
};

impl MentionRecord {
    /// Appends the record as compact JSON to `out`: the same bytes as
    /// `serde_json::to_writer(out, self)`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let mut w = Object::open(out);
        w.number("start", self.start);
        w.number("end", self.end);
        w.number("byte_start", self.byte_start);
        w.number("byte_end", self.byte_end);
        w.number("utf16_start", self.utf16_start);
        w.number("utf16_end", self.utf16_end);
        w.string("text", &self.text);
        w.string("type", self.ty);
        w.string_unless_empty("proclitic", &self.proclitic);
        if !self.candidates.is_empty() {
            w.key("candidates");
            strings(w.out, &self.candidates);
        }
        if self.rejected {
            w.key("rejected");
            w.out.extend_from_slice(b"true");
        }
        if let Some(r) = &self.resolved {
            r.write_fields(&mut w);
        }
        w.close();
    }
}

impl ResolvedRecord {
    /// The fields, flattened into the mention's object.
    fn write_fields(&self, w: &mut Object<'_>) {
        w.string_unless_empty("id", &self.id);
        w.string("kind", self.kind);
        w.place(&place_of!(self));
        w.float("confidence", self.confidence);
        if !self.evidence.is_empty() {
            w.key("evidence");
            strings(w.out, &self.evidence);
        }
        if !self.alternatives.is_empty() {
            w.key("alternatives");
            list(w.out, &self.alternatives, AlternativeRecord::write_json);
        }
    }
}

impl FocusRecord {
    /// Appends the record as compact JSON to `out`: the same bytes as
    /// `serde_json::to_writer(out, self)`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let mut w = Object::open(out);
        w.string("id", &self.id);
        w.string("kind", self.kind);
        w.place(&place_of!(self));
        w.float("score", self.score);
        w.number("mentions", self.mentions as usize);
        if let Some(area) = &self.admin1 {
            w.key("admin1");
            area.write_json(w.out);
        }
        w.close();
    }

    /// Appends `records` as a compact JSON array to `out`, as serde_json writes the slice.
    pub fn write_json_list(records: &[FocusRecord], out: &mut Vec<u8>) {
        list(out, records, FocusRecord::write_json);
    }
}

impl FocusAreaRecord {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut w = Object::open(out);
        w.string("id", &self.id);
        w.string_unless_empty("pcode", &self.pcode);
        w.string("name_ar", &self.name_ar);
        w.string("name_en", &self.name_en);
        w.float("score", self.score);
        w.close();
    }
}

impl AdminRecord {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut w = Object::open(out);
        w.string("level", self.level);
        w.string("pcode", &self.pcode);
        w.string("name_ar", &self.name_ar);
        w.string("name_en", &self.name_en);
        w.close();
    }
}

impl AlternativeRecord {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut w = Object::open(out);
        w.string("id", &self.id);
        w.float("score", self.score);
        w.close();
    }
}

/// The [`Place`] of a record whose fields bear its fields' names ([`ResolvedRecord`],
/// [`FocusRecord`]).
macro_rules! place_of {
    ($record:expr) => {
        Place {
            name_ar: &$record.name_ar,
            name_en: &$record.name_en,
            lat: $record.lat,
            lon: $record.lon,
            pcode: &$record.pcode,
            country: &$record.country,
            admin: &$record.admin,
        }
    };
}
use place_of;

/// The fields a resolved mention and a focus place share, written between their `kind` and
/// their score: names, point, codes and admin chain, each left out when empty.
struct Place<'a> {
    name_ar: &'a str,
    name_en: &'a str,
    lat: Option<f64>,
    lon: Option<f64>,
    pcode: &'a str,
    country: &'a str,
    admin: &'a [AdminRecord],
}

/// A JSON object being written: its fields, separated by commas.
struct Object<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Object<'o> {
    fn open(out: &'o mut Vec<u8>) -> Object<'o> {
        out.push(b'{');
        Object { out, first: true }
    }

    fn close(self) {
        self.out.push(b'}');
    }

    /// A key (a plain ASCII name: no byte of it needs escaping) and its colon. Inlined, so
    /// that each key's length is known where it is written.
    #[inline(always)]
    fn key(&mut self, key: &str) {
        debug_assert!(!needs_escape(key));
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    #[inline(always)]
    fn number(&mut self, key: &str, n: usize) {
        self.key(key);
        self.out
            .extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }

    #[inline(always)]
    fn float(&mut self, key: &str, x: f64) {
        self.key(key);
        float(self.out, x);
    }

    fn float_if_some(&mut self, key: &str, x: Option<f64>) {
        if let Some(x) = x {
            self.float(key, x);
        }
    }

    #[inline(always)]
    fn string(&mut self, key: &str, s: &str) {
        self.key(key);
        string(self.out, s);
    }

    fn string_unless_empty(&mut self, key: &str, s: &str) {
        if !s.is_empty() {
            self.string(key, s);
        }
    }

    fn place(&mut self, p: &Place<'_>) {
        self.string_unless_empty("name_ar", p.name_ar);
        self.string_unless_empty("name_en", p.name_en);
        self.float_if_some("lat", p.lat);
        self.float_if_some("lon", p.lon);
        self.string_unless_empty("pcode", p.pcode);
        self.string_unless_empty("country", p.country);
        if !p.admin.is_empty() {
            self.key("admin");
            list(self.out, p.admin, AdminRecord::write_json);
        }
    }
}

/// A float as serde_json writes it (`null` for a value that is not finite): serde_json's own
/// formatter, whose exponent form differs from ryu's, called without its serializer.
fn float(out: &mut Vec<u8>, x: f64) {
    use serde_json::ser::Formatter;
    if x.is_finite() {
        serde_json::ser::CompactFormatter
            .write_f64(out, x)
            .expect("a float is written to memory");
    } else {
        out.extend_from_slice(b"null");
    }
}

/// A JSON string: as it stands when no byte needs escaping (nearly always), else escaped by
/// serde_json.
fn string(out: &mut Vec<u8>, s: &str) {
    if needs_escape(s) {
        serde_json::to_writer(&mut *out, s).expect("a string serializes to memory");
    } else {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// Whether JSON needs a byte of `s` escaped: a quote, a backslash or a control character.
/// Read eight bytes at a time: a byte is flagged when it is below 0x20 or equal to `"` or
/// `\\` (the classic "has a zero byte" test on the word and on its two xors).
fn needs_escape(s: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte of `w` is zero (no false negatives; a false positive only beside a real one,
    // and any flag sends the string to serde_json, which escapes exactly).
    let has_zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH != 0;
    // Some byte of `w` is below 0x20.
    let has_control = |w: u64| w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0;
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if has_control(w)
            || has_zero(w ^ (ONES * u64::from(b'"')))
            || has_zero(w ^ (ONES * u64::from(b'\\')))
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

fn strings<S: AsRef<str>>(out: &mut Vec<u8>, items: &[S]) {
    list(out, items, |s, out| string(out, s.as_ref()));
}

fn list<T>(out: &mut Vec<u8>, items: &[T], write: impl Fn(&T, &mut Vec<u8>)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(item, out);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests;
