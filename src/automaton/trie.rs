//! [`Trie`]: the name patterns longer than their first word, as a byte trie walked anchored.
//!
//! The tagger only ever walks anchored, from the state after a pattern's first word, so an
//! automaton's failure links are never followed: a plain trie answers the same questions. It
//! is built in one pass over the sorted patterns (no hashing, no failure links) and stored as
//! four flat arrays.

use crate::snapshot::codec::{Reader, Writer};

/// No pattern ends at a node.
const NONE: u32 = u32::MAX;

/// A byte trie over patterns. Node 0 is the root; the edges of node `n` are
/// `bytes[edges[n]..edges[n + 1]]` (sorted), leading to the nodes `next[..]` at the same
/// positions.
#[derive(Clone, Debug, Default)]
pub(crate) struct Trie {
    edges: Vec<u32>,
    bytes: Vec<u8>,
    next: Vec<u32>,
    /// The pattern that ends at each node, or [`NONE`].
    pattern: Vec<u32>,
}

/// A node of a [`Trie`].
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) struct Node(u32);

impl Node {
    /// The node's number, for a snapshot.
    pub(crate) fn number(self) -> u32 {
        self.0
    }
}

impl Trie {
    /// The trie of `patterns`, each with its id. Patterns must be distinct.
    pub(crate) fn new(mut patterns: Vec<(&[u8], u32)>) -> Trie {
        patterns.sort_unstable_by(|a, b| a.0.cmp(b.0));
        // Nodes in creation order, each with its parent and the byte that leads to it. With
        // the patterns sorted, a node's children are created in the order of their bytes.
        let mut parent = vec![NONE];
        let mut byte = vec![0u8];
        let mut pattern = vec![NONE];
        // `path[i]` is the node after the first `i` bytes of the previous pattern.
        let mut path = vec![0u32];
        let mut previous: &[u8] = &[];
        for (key, id) in patterns {
            let common = previous.iter().zip(key).take_while(|(a, b)| a == b).count();
            path.truncate(common + 1);
            for &b in &key[common..] {
                let node = parent.len() as u32;
                parent.push(*path.last().expect("the root is always on the path"));
                byte.push(b);
                pattern.push(NONE);
                path.push(node);
            }
            let end = *path.last().expect("the root is always on the path") as usize;
            debug_assert_eq!(pattern[end], NONE, "patterns are distinct");
            pattern[end] = id;
            previous = key;
        }
        // Group the edges by parent: count, prefix sums, fill.
        let nodes = parent.len();
        let mut edges = vec![0u32; nodes + 1];
        for &p in &parent[1..] {
            edges[p as usize + 1] += 1;
        }
        for i in 0..nodes {
            edges[i + 1] += edges[i];
        }
        let mut fill = edges.clone();
        let mut bytes = vec![0u8; nodes - 1];
        let mut next = vec![0u32; nodes - 1];
        for child in 1..nodes {
            let p = parent[child] as usize;
            let slot = fill[p] as usize;
            fill[p] += 1;
            bytes[slot] = byte[child];
            next[slot] = child as u32;
        }
        Trie {
            edges,
            bytes,
            next,
            pattern,
        }
    }

    /// The node after `bytes` from the root, if some pattern starts with them.
    pub(crate) fn walk(&self, bytes: &[u8]) -> Option<Node> {
        bytes
            .iter()
            .try_fold(Node(0), |node, &b| self.step(node, b))
    }

    /// The node after one more byte, if some pattern goes on with it.
    #[inline]
    pub(crate) fn step(&self, node: Node, byte: u8) -> Option<Node> {
        let n = node.0 as usize;
        let (lo, hi) = (self.edges[n] as usize, self.edges[n + 1] as usize);
        let bytes = &self.bytes[lo..hi];
        // Most nodes have one or two edges; a scan beats a binary search there.
        let i = if bytes.len() <= 8 {
            bytes.iter().position(|&b| b == byte)?
        } else {
            bytes.binary_search(&byte).ok()?
        };
        Some(Node(self.next[lo + i]))
    }

    /// The id of the pattern that ends at `node`, if one does.
    #[inline]
    pub(crate) fn pattern(&self, node: Node) -> Option<u32> {
        let p = self.pattern[node.0 as usize];
        (p != NONE).then_some(p)
    }

    /// The number of nodes.
    /// Writes the arrays for a snapshot.
    pub(crate) fn write_snapshot(&self, w: &mut Writer) {
        w.u32s(&self.edges);
        w.bytes(&self.bytes);
        w.u32s(&self.next);
        w.u32s(&self.pattern);
    }

    /// Reads the arrays back; `None` when they do not form a trie.
    pub(crate) fn read_snapshot(r: &mut Reader<'_>) -> Option<Trie> {
        let trie = Trie {
            edges: r.u32s()?,
            bytes: r.bytes()?.to_vec(),
            next: r.u32s()?,
            pattern: r.u32s()?,
        };
        let nodes = trie.pattern.len();
        let consistent = nodes >= 1
            && trie.edges.len() == nodes + 1
            && trie.bytes.len() == nodes - 1
            && trie.next.len() == nodes - 1
            && trie.edges.windows(2).all(|w| w[0] <= w[1])
            && trie.edges.last().is_some_and(|&e| e as usize == nodes - 1)
            && trie.next.iter().all(|&n| (n as usize) < nodes);
        consistent.then_some(trie)
    }

    /// Whether every pattern id in the trie is below `patterns`.
    pub(crate) fn patterns_below(&self, patterns: usize) -> bool {
        self.pattern
            .iter()
            .all(|&p| p == NONE || (p as usize) < patterns)
    }

    /// The node behind a number written by [`Node::number`], when the trie has it.
    pub(crate) fn node(&self, number: u32) -> Option<Node> {
        ((number as usize) < self.pattern.len()).then_some(Node(number))
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.pattern.len()
    }

    /// Heap memory, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.edges.capacity() * 4
            + self.bytes.capacity()
            + self.next.capacity() * 4
            + self.pattern.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pattern that starts at the beginning of `text`, as (length, id).
    fn prefixes(trie: &Trie, text: &str) -> Vec<(usize, u32)> {
        let mut node = Node(0);
        let mut out = Vec::new();
        for (i, &b) in text.as_bytes().iter().enumerate() {
            match trie.step(node, b) {
                Some(n) => node = n,
                None => break,
            }
            out.extend(trie.pattern(node).map(|p| (i + 1, p)));
        }
        out
    }

    #[test]
    fn finds_every_prefix_pattern() {
        let patterns = ["دير الزور", "دير", "دير حافر", "ab", "abc", "b"];
        let trie = Trie::new(
            patterns
                .iter()
                .enumerate()
                .map(|(i, p)| (p.as_bytes(), i as u32))
                .collect(),
        );
        assert_eq!(prefixes(&trie, "دير الزور اليوم"), [(6, 1), (17, 0)]);
        assert_eq!(prefixes(&trie, "دير حافر"), [(6, 1), (15, 2)]);
        assert_eq!(prefixes(&trie, "abcd"), [(2, 3), (3, 4)]);
        assert_eq!(prefixes(&trie, "ba"), [(1, 5)]);
        assert_eq!(prefixes(&trie, "x"), []);
        assert!(trie.walk("دير ".as_bytes()).is_some());
        assert!(trie.walk("ديرا".as_bytes()).is_none());
        // One node per distinct byte prefix, plus the root: «دير ح» shares a byte with «دير ا»
        // (both letters start with 0xD8), so «حافر» adds one node fewer than its bytes.
        assert_eq!(
            trie.len(),
            1 + "دير الزور".len() + ("حافر".len() - 1) + 3 + 1
        );
    }

    #[test]
    fn wide_nodes_use_binary_search() {
        let words: Vec<String> = (0u8..40)
            .map(|b| format!("k{}", (b'A' + b) as char))
            .collect();
        let trie = Trie::new(
            words
                .iter()
                .enumerate()
                .map(|(i, w)| (w.as_bytes(), i as u32))
                .collect(),
        );
        for (i, w) in words.iter().enumerate() {
            assert_eq!(prefixes(&trie, w), [(2, i as u32)]);
        }
        assert_eq!(prefixes(&trie, "k~"), []);
    }
}
