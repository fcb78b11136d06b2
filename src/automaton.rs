//! The only module that knows aho-corasick: name keys compiled into one automaton that is
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
//! from the state after the word for the longer names (دير -> دير الزور).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

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
    nfa: NFA,
    /// Every first word of a pattern: the pattern it completes, and where the walk resumes
    /// for the patterns that go on after it.
    first_word_table: HashMap<Box<[u8]>, FirstWord, BuildHasherDefault<WordHasher>>,
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
        // The fused forms are owned here; the other patterns borrow the gazetteer's keys.
        let fused: Vec<Option<String>> = gazetteer
            .names()
            .map(|(_, entry)| fused_form(entry.key()))
            .collect();
        let mut by_pattern: std::collections::HashMap<&str, Vec<PatternTarget>> =
            std::collections::HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        // Patterns in name order, so the build is deterministic.
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
                let targets = by_pattern.entry(pattern).or_insert_with(|| {
                    order.push(pattern);
                    Vec::new()
                });
                targets.push(PatternTarget { name, form });
            }
        }
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .dense_depth(4)
            .build(&order)
            .map_err(|e| Error::build(format!("compiling {} name patterns: {e}", order.len())))?;
        let mut first_word_table: HashMap<Box<[u8]>, FirstWord, BuildHasherDefault<WordHasher>> =
            HashMap::default();
        for (p, pattern) in order.iter().enumerate() {
            let run = first_run(pattern.as_bytes());
            let entry = first_word_table.entry(run.into()).or_default();
            if run.len() == pattern.len() {
                entry.exact = Some(p as u32);
            } else if entry.resume.is_none() {
                entry.resume = Some(walk(&nfa, run));
            }
        }
        for (word, id) in words {
            first_word_table
                .entry(word.as_bytes().into())
                .or_default()
                .word = id;
        }
        let mut bounds = Vec::with_capacity(order.len() + 1);
        let mut targets = Vec::new();
        bounds.push(0);
        for pattern in &order {
            targets.extend_from_slice(&by_pattern[pattern]);
            bounds.push(targets.len() as u32);
        }
        Ok(NameAutomaton {
            nfa,
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
            && let Some(FirstWord { exact: Some(p), .. }) =
                self.first_word_table.get(&run[..run.len() - 1])
        {
            emit(*p, run_end - 1);
        }
        let Some(first) = self.first_word_table.get(run) else {
            return NO_WORD;
        };
        if let Some(p) = first.exact {
            emit(p, run_end);
        }
        // Longer patterns: walk on from the state after the first word.
        let Some(mut sid) = first.resume else {
            return first.word;
        };
        let nfa = &self.nfa;
        for (i, &byte) in text[run_end..].iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, byte);
            if nfa.is_dead(sid) {
                return first.word;
            }
            if nfa.is_match(sid) {
                let len = run_end - at + i + 1;
                for k in 0..nfa.match_len(sid) {
                    let pattern = nfa.match_pattern(sid, k);
                    // Match states also carry patterns that end here but started later; an
                    // anchored walk wants only those that start at `at`.
                    if nfa.pattern_len(pattern) == len {
                        emit(pattern.as_u32(), at + len);
                    }
                }
            }
        }
        first.word
    }

    /// Heap memory of the automaton and its tables, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.nfa.memory_usage()
            + self.bounds.capacity() * 4
            + self.targets.capacity() * std::mem::size_of::<PatternTarget>()
            + self.first_word_table.capacity()
                * (std::mem::size_of::<(Box<[u8]>, FirstWord)>() + 16)
    }
}

/// What the tagger needs to know about one first word of the patterns.
#[derive(Clone, Copy, Debug)]
struct FirstWord {
    /// The pattern that is exactly this word.
    exact: Option<u32>,
    /// The automaton state after this word, when longer patterns start with it.
    resume: Option<StateID>,
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

/// The anchored automaton state after `bytes` from the start.
fn walk(nfa: &NFA, bytes: &[u8]) -> StateID {
    let mut sid = nfa
        .start_state(Anchored::Yes)
        .expect("the NFA supports anchored searches");
    for &b in bytes {
        sid = nfa.next_state(Anchored::Yes, sid, b);
    }
    sid
}

/// An odd 64-bit constant with well-mixed bits (the one FxHash uses).
const WORD_HASH_MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

/// A fast hasher for short byte strings (words): eight bytes at a time, multiply and rotate.
/// The default SipHash is built against adversarial keys; gazetteer words are not.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

/// A hash map keyed by short words, with [`WordHasher`].
pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(WORD_HASH_MULTIPLIER);
        }
        let mut tail = [0u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.0 =
            (self.0.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(WORD_HASH_MULTIPLIER);
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(WORD_HASH_MULTIPLIER);
    }

    fn finish(&self) -> u64 {
        self.0
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
    fn lil_forms() {
        assert_eq!(lil_form("البوكمال"), Some("لبوكمال"));
        assert_eq!(lil_form("اللاذقيه"), Some("لاذقيه"));
        assert_eq!(lil_form("دمشق"), None);
        assert_eq!(lil_form("ال"), None);
    }
}
