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
//! from those few positions and stops at the first dead state, usually after a byte or two.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::Error;
use crate::gazetteer::{Gazetteer, NameId};
use crate::normalize::is_word_char;

/// How a pattern is written relative to its name key.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Form {
    /// The key as folded.
    Plain,
    /// The key after the contraction ل + ال (valid only after a ل proclitic).
    LilContraction,
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
    first_words: FirstWordFilter,
    /// `targets[bounds[p]..bounds[p + 1]]` are the names of pattern `p`.
    bounds: Vec<u32>,
    targets: Vec<PatternTarget>,
}

const ARTICLE: &str = "ال";
const ARTICLE_LAM: &str = "الل";

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
    /// Compiles every name key of the gazetteer.
    pub(crate) fn new(gazetteer: &Gazetteer) -> Result<NameAutomaton, Error> {
        let mut by_pattern: std::collections::HashMap<&str, Vec<PatternTarget>> =
            std::collections::HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        // Patterns in name order, so the build is deterministic.
        for (name, entry) in gazetteer.names() {
            let key = entry.key();
            for (pattern, form) in [
                (Some(key), Form::Plain),
                (lil_form(key), Form::LilContraction),
            ] {
                let Some(pattern) = pattern else { continue };
                let targets = by_pattern.entry(pattern).or_insert_with(|| {
                    order.push(pattern);
                    Vec::new()
                });
                targets.push(PatternTarget { name, form });
            }
        }
        let mut first_words = FirstWordFilter::new();
        for pattern in &order {
            first_words.insert(first_run(pattern.as_bytes()));
        }
        let mut bounds = Vec::with_capacity(order.len() + 1);
        let mut targets = Vec::new();
        bounds.push(0);
        for pattern in &order {
            targets.extend_from_slice(&by_pattern[pattern]);
            bounds.push(targets.len() as u32);
        }
        let nfa = NFA::builder()
            .match_kind(MatchKind::Standard)
            .dense_depth(4)
            .build(&order)
            .map_err(|e| Error::build(format!("compiling {} name patterns: {e}", order.len())))?;
        Ok(NameAutomaton {
            nfa,
            first_words,
            bounds,
            targets,
        })
    }

    /// Calls `found(end, target)` for every pattern that matches `text[at..end]` exactly and
    /// ends a word. `run_end` is the end of the run of word characters starting at `at`.
    pub(crate) fn prefixes_at(
        &self,
        text: &[u8],
        at: usize,
        run_end: usize,
        mut found: impl FnMut(usize, PatternTarget),
    ) {
        // A pattern that matches here and ends a word starts with exactly this run of word
        // characters, so a run that starts no pattern needs no walk.
        let run = &text[at..run_end];
        // `syrias` in folded text may be the possessive `Syria's`: the name is the run less s.
        let possessive = run.len() > 1
            && run.ends_with(b"s")
            && self.first_words.may_contain(&run[..run.len() - 1]);
        if !possessive && !self.first_words.may_contain(run) {
            return;
        }
        let nfa = &self.nfa;
        let Ok(mut sid) = nfa.start_state(Anchored::Yes) else {
            return;
        };
        for (i, &byte) in text[at..].iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, byte);
            if nfa.is_dead(sid) {
                return;
            }
            if nfa.is_match(sid) {
                let len = i + 1;
                for k in 0..nfa.match_len(sid) {
                    let pattern = nfa.match_pattern(sid, k);
                    // Match states also carry patterns that end here but started later; an
                    // anchored walk wants only those that start at `at`.
                    if nfa.pattern_len(pattern) != len {
                        continue;
                    }
                    let p = pattern.as_usize();
                    for &target in
                        &self.targets[self.bounds[p] as usize..self.bounds[p + 1] as usize]
                    {
                        found(at + len, target);
                    }
                }
            }
        }
    }

    /// Heap memory of the automaton and its tables, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.nfa.memory_usage()
            + self.bounds.capacity() * 4
            + self.targets.capacity() * std::mem::size_of::<PatternTarget>()
            + self.first_words.bits.capacity() * 8
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

/// A Bloom-style bit set of the first words of all patterns.
///
/// Most words of a text start no name. Walking the automaton from them costs a cache miss or
/// two per byte (the automaton is megabytes); hashing the word and testing one bit of this
/// 128 KB set costs one. False positives only cost a walk; there are no false negatives.
#[derive(Clone, Debug)]
struct FirstWordFilter {
    bits: Vec<u64>,
}

const FILTER_BITS: u32 = 20;

impl FirstWordFilter {
    fn new() -> FirstWordFilter {
        FirstWordFilter {
            bits: vec![0; 1 << (FILTER_BITS - 6)],
        }
    }

    fn slot(word: &[u8]) -> (usize, u64) {
        // FNV-1a: short keys, no allocation, good enough spread for a filter.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in word {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        let bit = (h >> (64 - FILTER_BITS)) as usize;
        (bit >> 6, 1 << (bit & 63))
    }

    fn insert(&mut self, word: &[u8]) {
        let (i, mask) = FirstWordFilter::slot(word);
        self.bits[i] |= mask;
    }

    fn may_contain(&self, word: &[u8]) -> bool {
        let (i, mask) = FirstWordFilter::slot(word);
        self.bits[i] & mask != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lil_forms() {
        assert_eq!(lil_form("البوكمال"), Some("لبوكمال"));
        assert_eq!(lil_form("اللاذقيه"), Some("لاذقيه"));
        assert_eq!(lil_form("دمشق"), None);
        assert_eq!(lil_form("ال"), None);
    }
}
