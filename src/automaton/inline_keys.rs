//! [`InlineKeyMap`]: a hash map from short byte strings (words) that holds the keys in its
//! entries.
//!
//! The tagger looks up every run of word characters of a text in the table of first words.
//! A map keyed by a slice kept elsewhere (a `Cow` into the snapshot) paid, for every entry
//! whose tag matched, a load of the key from another place in memory (often a cache miss) and
//! a call of `memcmp`. Here a key of up to [`INLINE`] bytes is the entry's own: its bytes read
//! as two 64-bit words the way [`pack`] reads them, compared as two integers and a length. The
//! words also give the hash, so a look-up reads the text once. Longer keys (one key in ten,
//! one hit in a hundred on the news) live in one buffer beside the table.

use std::borrow::Cow;
use std::hash::Hasher;

use hashbrown::{HashTable, hash_table};

use super::WordHasher;

/// How many 64-bit words of a key an entry holds: two, the first and the last eight bytes
/// ([`pack`]).
const WORDS: usize = 2;

/// The longest key held in an entry, in bytes.
const INLINE: usize = WORDS * 8;

/// A map from byte strings to `V`, for keys that are mostly short: see the module's note.
#[derive(Clone, Debug)]
pub(crate) struct InlineKeyMap<V> {
    table: HashTable<Entry<V>>,
    /// The keys longer than [`INLINE`] bytes, one after another.
    long: Vec<u8>,
}

/// One key and its value.
#[derive(Clone, Debug)]
struct Entry<V> {
    /// A key of up to [`INLINE`] bytes as [`pack`] reads it; for a longer key, its offset in
    /// the map's buffer of long keys.
    words: [u64; WORDS],
    /// The key's length in bytes.
    len: u32,
    /// The key's value.
    value: V,
}

impl<V> Entry<V> {
    /// Whether the entry's key is the key of `len` bytes that [`pack`] read as `words`
    /// (`len` at most [`INLINE`]).
    #[inline(always)]
    fn holds(&self, words: [u64; WORDS], len: usize) -> bool {
        self.len == len as u32 && self.words == words
    }

    /// The key's bytes, `long` being the map's buffer of long keys.
    fn key<'a>(&self, long: &'a [u8]) -> Cow<'a, [u8]> {
        let len = self.len as usize;
        if len <= INLINE {
            Cow::Owned(unpack(self.words, len))
        } else {
            let at = self.words[0] as usize;
            Cow::Borrowed(&long[at..at + len])
        }
    }

    /// The hash the entry was filed under.
    fn hash(&self, long: &[u8]) -> u64 {
        let len = self.len as usize;
        if len <= INLINE {
            hash_words(self.words, len)
        } else {
            hash_bytes(&self.key(long))
        }
    }
}

impl<V> InlineKeyMap<V> {
    /// An empty map with room for `capacity` keys.
    pub(crate) fn with_capacity(capacity: usize) -> InlineKeyMap<V> {
        InlineKeyMap {
            table: HashTable::with_capacity(capacity),
            long: Vec::new(),
        }
    }

    /// The value of `key`, if the map has it. Inlined: the caller looks up every word.
    #[inline(always)]
    pub(crate) fn get(&self, key: &[u8]) -> Option<&V> {
        let len = key.len();
        if len > INLINE {
            return self.get_long(key);
        }
        let words = pack(key);
        let entry = self
            .table
            .find(hash_words(words, len), |e| e.holds(words, len));
        entry.map(|e| &e.value)
    }

    /// The value of a key longer than [`INLINE`] bytes, if the map has it: out of line, so
    /// that the look-up of a short key stays small enough to inline.
    #[cold]
    #[inline(never)]
    fn get_long(&self, key: &[u8]) -> Option<&V> {
        let entry = self.table.find(hash_bytes(key), |e| {
            e.len == key.len() as u32 && *e.key(&self.long) == *key
        });
        entry.map(|e| &e.value)
    }

    /// The value of `key`, made by `new` when the map does not have it yet; and whether it
    /// was made.
    pub(crate) fn get_or_insert_with(
        &mut self,
        key: &[u8],
        new: impl FnOnce() -> V,
    ) -> (&mut V, bool) {
        let len = key.len();
        let (words, hash) = if len <= INLINE {
            let words = pack(key);
            (words, hash_words(words, len))
        } else {
            let mut words = [0; WORDS];
            words[0] = self.long.len() as u64;
            (words, hash_bytes(key))
        };
        let long = &self.long;
        let entry = self.table.entry(
            hash,
            |e| {
                if len <= INLINE {
                    e.holds(words, len)
                } else {
                    e.len == len as u32 && *e.key(long) == *key
                }
            },
            |e| e.hash(long),
        );
        match entry {
            hash_table::Entry::Occupied(e) => (&mut e.into_mut().value, false),
            hash_table::Entry::Vacant(e) => {
                let value = new();
                if len > INLINE {
                    self.long.extend_from_slice(key);
                }
                let e = e.insert(Entry {
                    words,
                    len: len as u32,
                    value,
                });
                (&mut e.into_mut().value, true)
            }
        }
    }

    /// The number of keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.table.len()
    }

    /// Every key with its value, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Cow<'_, [u8]>, &V)> {
        self.table.iter().map(|e| (e.key(&self.long), &e.value))
    }

    /// Heap memory of the map, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.table.allocation_size() + self.long.capacity()
    }
}

/// The bytes of a key of up to [`INLINE`] bytes as two words, read the way [`WordHasher`]
/// reads them: the first and the last eight bytes (overlapping, or the same eight); a shorter
/// key in two overlapping words of four, or three bytes. With the length, the words tell every
/// byte: two keys of the same length are equal when their words are. No byte is copied to a
/// buffer (a copy of variable length is a call, and reading the buffer back waits for it).
#[inline(always)]
fn pack(bytes: &[u8]) -> [u64; WORDS] {
    let n = bytes.len();
    debug_assert!(n <= INLINE, "a key of {n} bytes is not inline");
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight"));
    let half = |at: usize| {
        u64::from(u32::from_le_bytes(
            bytes[at..at + 4].try_into().expect("four"),
        ))
    };
    let byte = |at: usize| u64::from(bytes[at]);
    if n >= 8 {
        [word(0), word(n - 8)]
    } else if n >= 4 {
        [half(0) | (half(n - 4) << 32), 0]
    } else if n > 0 {
        [byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16), 0]
    } else {
        [0, 0]
    }
}

/// The `n` bytes that [`pack`] read as `words`.
fn unpack(words: [u64; WORDS], n: usize) -> Vec<u8> {
    let mut bytes = vec![0; n];
    if n >= 8 {
        bytes[..8].copy_from_slice(&words[0].to_le_bytes());
        bytes[n - 8..].copy_from_slice(&words[1].to_le_bytes());
    } else if n >= 4 {
        let [lo, hi] = [words[0] as u32, (words[0] >> 32) as u32];
        bytes[..4].copy_from_slice(&lo.to_le_bytes());
        bytes[n - 4..].copy_from_slice(&hi.to_le_bytes());
    } else if n > 0 {
        let [a, b, c, ..] = words[0].to_le_bytes();
        (bytes[0], bytes[n / 2], bytes[n - 1]) = (a, b, c);
    }
    bytes
}

/// The hash of a key of `n` bytes that [`pack`] read as `words`: the words, the second with
/// the length, in [`WordHasher`]'s mix.
#[inline(always)]
fn hash_words(words: [u64; WORDS], n: usize) -> u64 {
    let mut h = WordHasher::default();
    h.write_u64(words[0]);
    h.write_u64(words[1] ^ n as u64);
    h.finish()
}

/// The hash of a key longer than [`INLINE`] bytes.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = WordHasher::default();
    h.write_usize(bytes.len());
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` distinct bytes starting at `first`.
    fn key(first: u8, n: usize) -> Vec<u8> {
        (0..n).map(|i| first.wrapping_add(i as u8 * 7)).collect()
    }

    #[test]
    fn keys_unpack_to_their_bytes() {
        for n in 0..=INLINE {
            let bytes = key(200, n);
            assert_eq!(unpack(pack(&bytes), n), bytes, "{n} bytes");
        }
    }

    #[test]
    fn an_entry_holds_its_key_and_no_other() {
        // Compared apart from the hash, which would tell most of these keys apart alone.
        for n in 0..=INLINE {
            let bytes = key(200, n);
            let entry = Entry {
                words: pack(&bytes),
                len: n as u32,
                value: (),
            };
            assert!(entry.holds(pack(&bytes), n), "{n} bytes");
            for i in 0..n {
                let mut changed = bytes.clone();
                changed[i] ^= 0x40;
                assert!(!entry.holds(pack(&changed), n), "byte {i} of {n}");
            }
            for m in [n.checked_sub(1), Some(n + 1)]
                .into_iter()
                .flatten()
                .filter(|&m| m <= INLINE)
            {
                assert!(!entry.holds(pack(&key(200, m)), m), "{m} bytes in {n}");
            }
        }
    }

    #[test]
    fn finds_the_keys_it_holds_and_no_others() {
        let words: Vec<Vec<u8>> = [
            "",
            "a",
            "ab",
            "abc",
            "دمشق",
            "syria",
            "syrias",
            "الرقه",
            "البوكمال",
            "ريفدمشقالغربي",
            "محافظةدير",
            "محافظةديرالزور",
            "دير",
            "دير الزور",
        ]
        .iter()
        .map(|w| w.as_bytes().to_vec())
        .chain((1..=INLINE + 9).map(|n| key(1, n)))
        .collect();
        let mut map = InlineKeyMap::with_capacity(4);
        for (i, w) in words.iter().enumerate() {
            let (value, new) = map.get_or_insert_with(w, || i);
            assert!(new && *value == i, "{w:?}");
        }
        assert!(
            words.iter().any(|w| w.len() > INLINE),
            "long keys are tested"
        );
        assert_eq!(map.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(&i), "{w:?}");
            let (value, new) = map.get_or_insert_with(w, || usize::MAX);
            assert!(!new && *value == i, "{w:?}");
        }
        // A key's prefix, the key with one more byte and with any one byte changed: found
        // only when they are keys themselves (دير and دير الزور, محافظةدير and its longer
        // form, and the keys of every length that are each a prefix of the next).
        let held = |k: &[u8]| words.iter().position(|w| w == k);
        for w in &words {
            let mut others = vec![
                w[..w.len().saturating_sub(1)].to_vec(),
                [w, &b"x"[..]].concat(),
            ];
            for i in 0..w.len() {
                let mut changed = w.clone();
                changed[i] ^= 0x40;
                others.push(changed);
            }
            for other in others {
                assert_eq!(map.get(&other), held(&other).as_ref(), "{other:?}");
            }
        }
        assert_eq!(map.get("دير الزو".as_bytes()), None);
        let mut keys: Vec<Vec<u8>> = map.iter().map(|(k, _)| k.into_owned()).collect();
        keys.sort();
        let mut expected = words.clone();
        expected.sort();
        assert_eq!(keys, expected);
    }

    #[test]
    fn an_empty_map_finds_nothing() {
        let map: InlineKeyMap<u32> = InlineKeyMap::with_capacity(0);
        assert_eq!(map.get(b""), None);
        assert_eq!(map.get(b"word"), None);
        assert_eq!(map.get(&key(0, INLINE + 1)), None);
        assert_eq!(map.iter().count(), 0);
    }
}
