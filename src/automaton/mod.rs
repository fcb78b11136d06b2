//! The name matcher: name keys compiled into a table of first words and a byte trie that is
//! walked, anchored, from the places where a name may start.
//!
//! Each name key is a pattern. A key that starts with the article ال also gets its *lil form*:
//! after the preposition ل the article's alef is not written (ل + البوكمال = للبوكمال), so the
//! text holds ل + `لبوكمال`. For keys starting with الل the article's lam merges too
//! (ل + اللاذقية = للاذقية), so the form is the key without ال. The lil form is tagged as such
//! and the boundary rules accept it only right after a ل proclitic.
//!
//! Why anchored walks instead of one unanchored scan: an unanchored scan reports every name
//! found inside longer words (millions of hits on a news corpus, nearly all rejected). Names
//! can only start at a word start or just after a proclitic, so the tagger walks the automaton
//! from those few positions. A table of the first words of all patterns (a pattern that ends a
//! word starts with exactly the run of letters at its start) answers most positions with one
//! hash look-up: no pattern starts with this word, or this pattern is the word, or walk on
//! from the trie node after the word for the longer names (دير -> دير الزور). The walks are
//! always anchored, so no failure links are needed: `trie.rs` holds a plain byte trie of the
//! longer patterns, built in one pass (DESIGN.md §3 has the measurement that replaced an
//! Aho-Corasick automaton with it).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

mod inline_keys;
mod snapshot;
mod trie;

use inline_keys::InlineKeyMap;
use trie::{Node, Trie};

use crate::Error;
use crate::gazetteer::{Gazetteer, NameId};
use crate::normalize::is_word_char;
use crate::words::{NO_WORD, WordId};

/// How a pattern is written relative to its name key.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Form {
    /// The key as folded.
    Plain,
    /// The key after the contraction ل + ال (valid only after a ل proclitic).
    LilContraction,
    /// A key of several Arabic words written as one (حفرالباطن for حفر الباطن), as
    /// hashtags and informal text do.
    Fused,
    /// The fused key after the contraction ل + ال (للدارالبيضاء for الدار البيضاء).
    FusedLilContraction,
}

/// A name a pattern stands for.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct PatternTarget {
    pub(crate) name: NameId,
    pub(crate) form: Form,
}

/// The compiled names.
#[derive(Clone, Debug)]
pub(crate) struct NameAutomaton {
    /// The patterns longer than their first word, walked from the node after it.
    trie: Trie,
    /// Every first word of a pattern: the pattern it completes, and where the walk resumes
    /// for the patterns that go on after it.
    first_word_table: InlineKeyMap<FirstWord>,
    /// `targets[bounds[p]..bounds[p + 1]]` are the names of pattern `p`.
    bounds: Vec<u32>,
    targets: Vec<PatternTarget>,
}

const ARTICLE: &str = "ال";
const ARTICLE_LAM: &str = "الل";

/// The fused form of a folded key of two or three Arabic words: the words written without
/// the spaces between them (حفر الباطن -> حفرالباطن, ام الهيمان -> امالهيمان). Keys with
/// digits or Latin letters have none, and neither have keys with a word under three letters
/// unless an article follows it (ام الهيمان): fused, «اق دام» and «ال كان» are the words
/// اقدام "feet" and الكان, found 41 times in the news where no place was meant.
pub(crate) fn fused_form(key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let arabic = |w: &str| w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c));
    let long_enough = |i: usize| {
        let letters = words[i].chars().count();
        letters >= 3
            || (letters == 2 && words.get(i + 1).is_some_and(|next| next.starts_with("ال")))
    };
    ((2..=3).contains(&words.len())
        && words.iter().all(|w| arabic(w))
        && (0..words.len()).all(long_enough))
    .then(|| words.concat())
}

/// The lil form of a folded key, if the key takes the article.
pub(crate) fn lil_form(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(ARTICLE)?;
    // At least two letters after the article, so that the form is a name and not a particle.
    if rest.chars().count() < 2 {
        return None;
    }
    if key.starts_with(ARTICLE_LAM) {
        Some(rest)
    } else {
        Some(&key['ا'.len_utf8()..])
    }
}

impl NameAutomaton {
    /// Compiles every name key of the gazetteer. The `words` of the word tables (folded, one
    /// word each, with their ids) share the table of first words: the walker is told a word's
    /// id at no extra cost, so the tagger's one look-up per word serves every later rule.
    pub(crate) fn new<'w>(
        gazetteer: &Gazetteer,
        words: impl IntoIterator<Item = (&'w str, WordId)>,
    ) -> Result<NameAutomaton, Error> {
        let mut automaton = NameAutomaton::compile(gazetteer)?;
        automaton.add_words(words);
        Ok(automaton)
    }

    /// Tells the table of first words the ids of the word tables' words (folded, one word
    /// each).
    pub(crate) fn add_words<'w>(&mut self, words: impl IntoIterator<Item = (&'w str, WordId)>) {
        for (word, id) in words {
            let (entry, _) = self
                .first_word_table
                .get_or_insert_with(word.as_bytes(), FirstWord::default);
            entry.word = id;
        }
    }

    /// Compiles the name keys alone: the part of the automaton a snapshot holds.
    fn compile(gazetteer: &Gazetteer) -> Result<NameAutomaton, Error> {
        // The fused forms are owned here; the other patterns borrow the gazetteer's keys.
        let fused: Vec<Option<String>> = gazetteer
            .names()
            .map(|(_, entry)| fused_form(entry.key()))
            .collect();
        let mut index: FastMap<&str, u32> = FastMap::with_capacity_and_hasher(
            gazetteer.names().size_hint().0 * 2,
            BuildHasherDefault::default(),
        );
        let mut order: Vec<&str> = Vec::new();
        // (pattern, name) pairs; patterns numbered in name order, so the build is deterministic.
        let mut pairs: Vec<(u32, PatternTarget)> =
            Vec::with_capacity(gazetteer.names().size_hint().0 * 2);
        for ((name, entry), fused) in gazetteer.names().zip(&fused) {
            let key = entry.key();
            let fused = fused.as_deref();
            for (pattern, form) in [
                (Some(key), Form::Plain),
                (lil_form(key), Form::LilContraction),
                (fused, Form::Fused),
                (fused.and_then(lil_form), Form::FusedLilContraction),
            ] {
                let Some(pattern) = pattern else { continue };
                let p = *index.entry(pattern).or_insert_with(|| {
                    order.push(pattern);
                    order.len() as u32 - 1
                });
                pairs.push((p, PatternTarget { name, form }));
            }
        }
        drop(index);
        // Stable: a pattern's names stay in name order.
        pairs.sort_by_key(|&(p, _)| p);
        // One-word patterns are answered by the table of first words alone; only the longer
        // ones need the trie, walked from the node after their first word.
        let longer: Vec<(&[u8], u32)> = order
            .iter()
            .enumerate()
            .filter(|(_, pattern)| first_run(pattern.as_bytes()).len() < pattern.len())
            .map(|(p, pattern)| (pattern.as_bytes(), p as u32))
            .collect();
        let trie = Trie::new(longer);
        let mut first_word_table = InlineKeyMap::with_capacity(order.len());
        for (p, pattern) in order.iter().enumerate() {
            let run = first_run(pattern.as_bytes());
            let (entry, _) = first_word_table.get_or_insert_with(run, FirstWord::default);
            if run.len() == pattern.len() {
                entry.exact = Some(p as u32);
            } else if entry.resume.is_none() {
                entry.resume = trie.walk(run);
                debug_assert!(
                    entry.resume.is_some(),
                    "a longer pattern starts with its run"
                );
            }
        }
        let mut bounds = vec![0u32; order.len() + 1];
        for &(p, _) in &pairs {
            bounds[p as usize + 1] += 1;
        }
        for p in 0..order.len() {
            bounds[p + 1] += bounds[p];
        }
        let targets = pairs.into_iter().map(|(_, target)| target).collect();
        Ok(NameAutomaton {
            trie,
            first_word_table,
            bounds,
            targets,
        })
    }

    /// Calls `found(end, target)` for every pattern that matches `text[at..end]` exactly and
    /// ends a word. `run_end` is the end of the run of word characters starting at `at`.
    /// Returns the id of the run in the word tables, or [`NO_WORD`].
    pub(crate) fn prefixes_at(
        &self,
        text: &[u8],
        at: usize,
        run_end: usize,
        mut found: impl FnMut(usize, PatternTarget),
    ) -> WordId {
        // A pattern that matches here and ends a word starts with exactly this run of word
        // characters, so one table look-up replaces the walk over the first word, and a run
        // that starts no pattern (most words) costs nothing more.
        let run = &text[at..run_end];
        let mut emit = |pattern: u32, end: usize| {
            let p = pattern as usize;
            for &target in &self.targets[self.bounds[p] as usize..self.bounds[p + 1] as usize] {
                found(end, target);
            }
        };
        // `syrias` in folded text may be the possessive `Syria's`: the name is the run less s.
        if run.len() > 1
            && run.ends_with(b"s")
            && let Some(p) = self
                .first_word_table
                .get(&run[..run.len() - 1])
                .and_then(|first| first.exact)
        {
            emit(p, run_end - 1);
        }
        let Some(first) = self.first_word_table.get(run) else {
            return NO_WORD;
        };
        if let Some(p) = first.exact {
            emit(p, run_end);
        }
        // Longer patterns: walk on from the node after the first word.
        let Some(mut node) = first.resume else {
            return first.word;
        };
        for (i, &byte) in text[run_end..].iter().enumerate() {
            let Some(next) = self.trie.step(node, byte) else {
                return first.word;
            };
            node = next;
            if let Some(pattern) = self.trie.pattern(node) {
                emit(pattern, run_end + i + 1);
            }
        }
        first.word
    }

    /// Heap memory of the automaton and its tables, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.trie.memory_usage()
            + self.bounds.capacity() * 4
            + self.targets.capacity() * std::mem::size_of::<PatternTarget>()
            + self.first_word_table.memory_usage()
    }
}

/// What the tagger needs to know about one first word of the patterns.
#[derive(Clone, Copy, Debug)]
struct FirstWord {
    /// The pattern that is exactly this word.
    exact: Option<u32>,
    /// The trie node after this word, when longer patterns start with it.
    resume: Option<Node>,
    /// The word's id in the word tables, or [`NO_WORD`].
    word: WordId,
}

impl Default for FirstWord {
    fn default() -> FirstWord {
        FirstWord {
            exact: None,
            resume: None,
            word: NO_WORD,
        }
    }
}

/// An odd 64-bit constant with well-mixed bits (the one FxHash uses).
const WORD_HASH_MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

/// A fast hasher for short byte strings (words): eight bytes at a time, multiply and rotate.
/// The default SipHash is built against adversarial keys; gazetteer words are not.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

/// A hash map keyed by short words, with [`WordHasher`].
pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// A hash map with [`WordHasher`], for keys that are names, ids or words (not adversarial).
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

impl WordHasher {
    /// The state, without the rotation of [`Hasher::finish`]: the value of a fingerprint
    /// written before that rotation was added.
    pub(crate) fn state(&self) -> u64 {
        self.0
    }

    #[inline]
    fn mix(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(WORD_HASH_MULTIPLIER);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // The bytes are read in words of eight, the last one overlapping the one before; a
        // shorter string in two overlapping words of four, or three bytes. No tail is copied
        // to a buffer: a copy of variable length is a call, and reading the buffer back
        // waits for the copy. The length is hashed before the bytes (`Hash` for slices).
        let n = bytes.len();
        let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight"));
        let half = |at: usize| {
            u64::from(u32::from_le_bytes(
                bytes[at..at + 4].try_into().expect("four"),
            ))
        };
        if n >= 8 {
            let mut at = 0;
            while at + 8 < n {
                self.mix(word(at));
                at += 8;
            }
            self.mix(word(n - 8));
        } else if n >= 4 {
            self.mix(half(0) | (half(n - 4) << 32));
        } else if n > 0 {
            let byte = |at: usize| u64::from(bytes[at]);
            self.mix(byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn finish(&self) -> u64 {
        // A product's low bits depend only on the low bits of its factors, that is on the
        // first two bytes of a word (for Arabic, its first letter) and its length, while a
        // hash map indexes its buckets by the low bits and tags its entries by the top
        // seven. Without this last step a table of first words probed long runs of
        // buckets. The high half folded into the low one, multiplied again and rotated,
        // leaves bits that depend on every byte at both ends.
        let h = self.0;
        (h ^ (h >> 32))
            .wrapping_mul(WORD_HASH_MULTIPLIER)
            .rotate_left(26)
    }
}

/// The first run of word characters of a folded pattern.
fn first_run(pattern: &[u8]) -> &[u8] {
    let text = std::str::from_utf8(pattern).expect("patterns are folded UTF-8 text");
    let end = text
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| i);
    &pattern[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn fused_forms() {
        assert_eq!(fused_form("حفر الباطن").as_deref(), Some("حفرالباطن"));
        assert_eq!(
            fused_form("مدينه صباح الاحمد").as_deref(),
            Some("مدينهصباحالاحمد")
        );
        assert_eq!(fused_form("دمشق"), None);
        assert_eq!(fused_form("ق 12"), None);
        assert_eq!(fused_form("deir ez zor"), None);
        assert_eq!(fused_form("و الباب"), None);
        assert_eq!(fused_form("ا ب ج د"), None);
        assert_eq!(fused_form("ام الهيمان").as_deref(), Some("امالهيمان"));
        assert_eq!(fused_form("اق دام"), None);
        assert_eq!(fused_form("ال كان"), None);
    }

    #[test]
    fn word_hashes_spread_over_low_and_high_bits() {
        use std::hash::BuildHasher;
        // 841 words of three or four letters that share their first letter: a hash map
        // indexes buckets by the low bits and tags entries by the top seven.
        let letters: Vec<char> = ('\u{0628}'..='\u{063A}')
            .chain('\u{0641}'..='\u{064A}')
            .collect();
        let hasher = BuildHasherDefault::<WordHasher>::default();
        let (mut low, mut top) = (HashSet::new(), HashSet::new());
        for (i, a) in letters.iter().enumerate() {
            for (j, b) in letters.iter().enumerate() {
                let mut word = format!("ب{a}{b}");
                if (i + j) % 2 == 0 {
                    word.push(letters[(i * j) % letters.len()]);
                }
                let h = hasher.hash_one(word.as_bytes());
                low.insert(h & 1023);
                top.insert(h >> 57);
            }
        }
        // Random hashes would take about 570 of the 1,024 low values and all 128 tags; the
        // product alone, unrotated, took 2 low values (the first letter and the lengths).
        assert!(low.len() > 500, "{} low values", low.len());
        assert!(top.len() > 120, "{} tags", top.len());
    }

    #[test]
    fn lil_forms() {
        assert_eq!(lil_form("البوكمال"), Some("لبوكمال"));
        assert_eq!(lil_form("اللاذقيه"), Some("لاذقيه"));
        assert_eq!(lil_form("دمشق"), None);
        assert_eq!(lil_form("ال"), None);
    }
}
