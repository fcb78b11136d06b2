//! The compiled name keys written to bytes and read back (`crate::snapshot` frames them):
//! the trie's arrays, the first words in byte order, and the names of each pattern. The word
//! tables' ids are not written; [`NameAutomaton::add_words`] adds them after reading.

use std::borrow::Cow;

use super::inline_keys::InlineKeyMap;
use super::trie::Trie;
use super::{FirstWord, Form, NameAutomaton, PatternTarget};
use crate::gazetteer::NameId;
use crate::snapshot::codec::{Reader, Writer};
use crate::words::NO_WORD;

impl NameAutomaton {
    /// Compiles `gazetteer`'s keys for a snapshot (without word ids, see the module's note).
    pub(crate) fn for_snapshot(gazetteer: &crate::Gazetteer) -> NameAutomaton {
        NameAutomaton::compile(gazetteer).expect("compiling keys cannot fail")
    }

    /// Writes an automaton made by [`for_snapshot`](Self::for_snapshot) over a gazetteer of
    /// `names` name keys.
    pub(crate) fn write_snapshot(&self, names: usize, w: &mut Writer) {
        w.len(names);
        self.trie.write_snapshot(w);
        let mut first: Vec<(Cow<'_, [u8]>, &FirstWord)> = self.first_word_table.iter().collect();
        first.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        w.len(first.len());
        for (word, entry) in first {
            w.bytes(&word);
            w.opt_u32(entry.exact);
            w.opt_u32(entry.resume.map(|n| n.number()));
        }
        w.u32s(&self.bounds);
        w.len(self.targets.len());
        for t in &self.targets {
            w.u32(t.name.index() as u32);
            w.u8(match t.form {
                Form::Plain => 0,
                Form::LilContraction => 1,
                Form::Fused => 2,
                Form::FusedLilContraction => 3,
            });
        }
    }

    /// Reads what [`write_snapshot`](Self::write_snapshot) wrote, with the number of name keys
    /// of its gazetteer; `None` when the bytes are not such an automaton.
    pub(crate) fn read_snapshot(r: &mut Reader<'static>) -> Option<(NameAutomaton, usize)> {
        let names = r.len()?;
        // The pattern count is known only at the end; the trie's pattern ids are checked there.
        let trie = Trie::read_snapshot(r)?;
        let n = r.len()?;
        let mut first_word_table = InlineKeyMap::with_capacity(n);
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let word = r.bytes()?;
            let exact = r.opt_u32()?;
            let resume = match r.opt_u32()? {
                Some(node) => Some(trie.node(node)?),
                None => None,
            };
            entries.push(exact);
            let entry = FirstWord {
                exact,
                resume,
                word: NO_WORD,
            };
            if !first_word_table.get_or_insert_with(word, || entry).1 {
                return None;
            }
        }
        let bounds = r.u32s()?;
        let targets = r.list(2, |r| {
            let name = r.u32()?;
            let form = match r.u8()? {
                0 => Form::Plain,
                1 => Form::LilContraction,
                2 => Form::Fused,
                3 => Form::FusedLilContraction,
                _ => return None,
            };
            ((name as usize) < names).then_some(PatternTarget {
                name: NameId::from_index(name),
                form,
            })
        })?;
        let patterns = bounds.len().checked_sub(1)?;
        let consistent = bounds.first() == Some(&0)
            && bounds.windows(2).all(|w| w[0] <= w[1])
            && bounds.last().is_some_and(|&b| b as usize == targets.len())
            && entries.iter().flatten().all(|&p| (p as usize) < patterns)
            && trie.patterns_below(patterns);
        let automaton = NameAutomaton {
            trie,
            first_word_table,
            bounds,
            targets,
        };
        consistent.then_some((automaton, names))
    }
}
