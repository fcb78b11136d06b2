//! The build summary: what was kept, what was dropped and why, and how many variants each rule
//! produced. Everything is kept in ordered maps so the printed summary is deterministic too.

use std::collections::BTreeMap;

/// How many examples to keep per drop reason.
const EXAMPLES_PER_REASON: usize = 4;

/// Counters grouped by section, drop reasons with examples, and free-form lines (tables, checks).
#[derive(Default)]
pub struct Report {
    counts: BTreeMap<String, BTreeMap<String, usize>>,
    dropped: BTreeMap<String, (usize, Vec<String>)>,
    sections: Vec<(String, Vec<String>)>,
}

impl Report {
    /// Adds `n` to counter `key` of `section`.
    pub fn count(&mut self, section: &str, key: &str, n: usize) {
        *self
            .counts
            .entry(section.to_string())
            .or_default()
            .entry(key.to_string())
            .or_default() += n;
    }

    /// Records one dropped item under `reason`, keeping the first few examples.
    pub fn drop(&mut self, reason: &str, example: impl FnOnce() -> String) {
        let entry = self.dropped.entry(reason.to_string()).or_default();
        entry.0 += 1;
        if entry.1.len() < EXAMPLES_PER_REASON {
            entry.1.push(example());
        }
    }

    /// Appends a line to a named section (sections print in first-use order).
    pub fn line(&mut self, section: &str, line: String) {
        match self.sections.iter_mut().find(|(name, _)| name == section) {
            Some((_, lines)) => lines.push(line),
            None => self.sections.push((section.to_string(), vec![line])),
        }
    }

    /// The whole summary as text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (section, counters) in &self.counts {
            out.push_str(&format!("== {section}\n"));
            for (key, n) in counters {
                out.push_str(&format!("  {key:<48} {n:>7}\n"));
            }
        }
        out.push_str("== dropped (reason: count; examples)\n");
        for (reason, (n, examples)) in &self.dropped {
            out.push_str(&format!(
                "  {reason:<48} {n:>7}   e.g. {}\n",
                examples.join(" ; ")
            ));
        }
        for (section, lines) in &self.sections {
            out.push_str(&format!("== {section}\n"));
            for line in lines {
                out.push_str(&format!("  {line}\n"));
            }
        }
        out
    }
}
