//! Name frequencies: how often each name key occurs as a mention in ordinary news text.
//!
//! The tagger built from the freshly written `places.tsv` and `orgs.tsv` runs over a news
//! corpus (SaudiNewsNet by default: 31,030 Saudi articles of 2015, mostly not about Syria);
//! every selected mention counts for its name key. Only the numbers are written — never text.
//! The resolver compares a name's rate with what its best entity's prominence predicts, to
//! tell names that are also ordinary words (الباب "the door", الميادين "the squares").
//!
//! A high rate alone does not make a word ordinary: in the summer of 2015 الزبداني was in
//! the news every day. So each key also records `syria_docs`, the number of its documents
//! that mention Syria or one of its governorates elsewhere: a place name's documents are
//! mostly about Syria, an ordinary word's documents are spread like the corpus (about 6 % of
//! SaudiNewsNet mentions Syria).
//!
//! And `locative`: how many occurrences stand where a place stands — after a preposition
//! glued to the name (بحلب، لحلب) or a locative word before it (في، من، إلى، قرب، مدينة...).
//! Person names (بشار in «الرئيس بشار») and ordinary words rarely do.
//!
//! And `person`: 1 when the key is a person's name in ANERgazet's person list (research
//! use; only this derived flag ships). Villages named بشار or رامي then need support.
//!
//! And `informal_count`, `informal_locative`: the same count and locative count over informal
//! text — the tweets of the IDRISI-RA **train** split (Arabic disaster and pandemic tweets,
//! CC BY 4.0; the text only, never its labels, and never the dev split). News prose hides
//! the words that tweets use as words and gazetteers hold as places: سيول "floods" (Seoul,
//! 92 times in these tweets), عاجل "urgent", هزة "a tremor". Names inside hashtags are not
//! counted there: a hashtag is neither a locative use nor a use as a word.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::sync::Arc;

use makan::{Gazetteer, TOKENS_KEY, Tagger, stands_as_place};

/// Counts name keys over `corpus` (JSON Lines with `title` and `content`, or `text`) and
/// writes `out_dir/name_freq.tsv`. Returns a summary.
pub fn build(
    out_dir: &Path,
    corpus: &Path,
    informal: &Path,
    persons: &Path,
) -> Result<String, String> {
    let person_keys = read_person_keys(persons)?;
    let (gazetteer, tagger) = tagger_for(out_dir)?;
    let tally = count_corpus(corpus, &gazetteer, &tagger)?;
    let informal = count_informal(informal, &gazetteer, &tagger)?;
    let rows = tally.rows(&gazetteer, &person_keys, &informal);
    let path = out_dir.join("name_freq.tsv");
    write_table(&path, &tally, &informal, &rows).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(tally.summary(&rows) + &informal.informal_summary(&rows))
}

/// Tags the `train.jsonl` file of every event folder under `dir` (IDRISI-RA, the `text` of
/// each line) and counts its mentions outside hashtags.
fn count_informal(dir: &Path, gazetteer: &Gazetteer, tagger: &Tagger) -> Result<Tally, String> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("train.jsonl")))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no */train.jsonl files", dir.display()));
    }
    let mut tally = Tally::new(syria_marks(gazetteer));
    let mut mentions = Vec::new();
    for path in &files {
        let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (i, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
            let value: serde_json::Value = serde_json::from_str(&line)
                .map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
            let text = value.get("text").and_then(|v| v.as_str()).unwrap_or("");
            tagger.tag_into(text, &mut mentions);
            mentions.retain(|m| !text[..m.span().start()].ends_with(['#', '_']));
            tally.add_document(text, &mentions);
        }
    }
    Ok(tally)
}

/// The folded keys of the person-name list (keys of at least two letters).
fn read_person_keys(persons: &Path) -> Result<HashSet<String>, String> {
    Ok(std::fs::read_to_string(persons)
        .map_err(|e| format!("{}: {e}", persons.display()))?
        .lines()
        .map(|l| makan::fold(l.trim()))
        .filter(|k| k.chars().count() >= 2)
        .collect())
}

/// The gazetteer of the freshly written `places.tsv` and `orgs.tsv`, and a tagger over it.
fn tagger_for(out_dir: &Path) -> Result<(Arc<Gazetteer>, Tagger), String> {
    let places = out_dir.join("places.tsv");
    let orgs = out_dir.join("orgs.tsv");
    let mut builder = Gazetteer::builder();
    builder
        .places_file(&places.to_string_lossy())
        .map_err(|e| e.to_string())?;
    builder
        .orgs_file(&orgs.to_string_lossy())
        .map_err(|e| e.to_string())?;
    let gazetteer = Arc::new(builder.build().map_err(|e| e.to_string())?);
    let tagger = Tagger::builder()
        .gazetteer(gazetteer.clone())
        .build()
        .map_err(|e| e.to_string())?;
    Ok((gazetteer, tagger))
}

/// For each name id: whether the name means Syria or a Syrian governorate, which marks a
/// document as being about Syria.
fn syria_marks(gazetteer: &Gazetteer) -> Vec<bool> {
    gazetteer
        .names()
        .map(|(_, name)| {
            name.entities().iter().any(|&e| {
                let e = gazetteer.entity(e);
                e.id() == "iso:SY" || (e.kind() == makan::Kind::Admin1 && e.country() == "SY")
            })
        })
        .collect()
}

/// Tags every document of `corpus` and counts its mentions per name key.
fn count_corpus(corpus: &Path, gazetteer: &Gazetteer, tagger: &Tagger) -> Result<Tally, String> {
    let file = File::open(corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut tally = Tally::new(syria_marks(gazetteer));
    let mut mentions = Vec::new();
    for (i, line) in BufReader::with_capacity(1 << 20, file).lines().enumerate() {
        let line = line.map_err(|e| format!("{}:{}: {e}", corpus.display(), i + 1))?;
        let value: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| format!("{}:{}: {e}", corpus.display(), i + 1))?;
        let text = ["title", "content", "text"]
            .iter()
            .filter_map(|k| value.get(k).and_then(|v| v.as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        tagger.tag_into(&text, &mut mentions);
        tally.add_document(&text, &mentions);
    }
    Ok(tally)
}

/// Per-name counts over the corpus (indexed by name id) and the corpus totals.
struct Tally {
    marks_syria: Vec<bool>,
    counts: Vec<u32>,
    docs_with: Vec<u32>,
    syria_docs_with: Vec<u32>,
    locative: Vec<u32>,
    tokens: u64,
    docs: u64,
    syria_total: u64,
    /// Scratch: the name ids of the current document.
    seen: Vec<usize>,
}

impl Tally {
    fn new(marks_syria: Vec<bool>) -> Tally {
        let n = marks_syria.len();
        Tally {
            marks_syria,
            counts: vec![0; n],
            docs_with: vec![0; n],
            syria_docs_with: vec![0; n],
            locative: vec![0; n],
            tokens: 0,
            docs: 0,
            syria_total: 0,
            seen: Vec::new(),
        }
    }

    /// Counts one document's text and the tagger's mentions in it.
    fn add_document(&mut self, text: &str, mentions: &[makan::Mention]) {
        self.docs += 1;
        self.tokens += text.split_whitespace().count() as u64;
        // The tagger's mentions always have a name (only the resolver adds unlisted ones).
        let index = |m: &makan::Mention| m.name().expect("a tagger mention has a name").index();
        if mentions.iter().any(|m| self.marks_syria[index(m)]) {
            self.syria_total += 1;
        }
        self.seen.clear();
        for m in mentions {
            let n = index(m);
            self.counts[n] += 1;
            if stands_as_place(text, m) {
                self.locative[n] += 1;
            }
            self.seen.push(n);
        }
        self.seen.sort_unstable();
        self.seen.dedup();
        for &n in &self.seen {
            self.docs_with[n] += 1;
            // About Syria through another name than this one.
            if self.seen.iter().any(|&o| o != n && self.marks_syria[o]) {
                self.syria_docs_with[n] += 1;
            }
        }
    }

    /// The table's rows by key: count, docs, syria_docs, locative, person; only keys seen in
    /// the corpus or on the person list.
    fn rows<'g>(
        &self,
        gazetteer: &'g Gazetteer,
        person_keys: &HashSet<String>,
        informal: &Tally,
    ) -> BTreeMap<&'g str, [u32; 7]> {
        let mut rows = BTreeMap::new();
        for (id, name) in gazetteer.names() {
            let i = id.index();
            let person = u32::from(person_keys.contains(name.key()));
            if self.counts[i] > 0 || person == 1 || informal.counts[i] > 0 {
                let row = [
                    self.counts[i],
                    self.docs_with[i],
                    self.syria_docs_with[i],
                    self.locative[i],
                    person,
                    informal.counts[i],
                    informal.locative[i],
                ];
                rows.insert(name.key(), row);
            }
        }
        rows
    }

    /// The summary line of the informal corpus, with its 15 most frequent keys.
    fn informal_summary(&self, rows: &BTreeMap<&str, [u32; 7]>) -> String {
        let mut top: Vec<(&str, u32, u32)> = rows
            .iter()
            .filter(|(_, r)| r[5] > 0)
            .map(|(k, r)| (*k, r[5], r[6]))
            .collect();
        let seen = top.len();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = top
            .iter()
            .take(15)
            .map(|(k, c, l)| format!("{k} {c} ({l} locative)"))
            .collect();
        format!(
            "informal frequencies: {} posts, {} tokens, {} name keys seen\n  most frequent: {}\n",
            self.docs,
            self.tokens,
            seen,
            top.join(", ")
        )
    }

    /// The summary line for the build report, with the 25 most frequent keys.
    fn summary(&self, rows: &BTreeMap<&str, [u32; 7]>) -> String {
        let mut top: Vec<(&str, u32)> = rows.iter().map(|(k, r)| (*k, r[0])).collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = top
            .iter()
            .take(25)
            .map(|(k, c)| format!("{k} {c}"))
            .collect();
        format!(
            "name frequencies: {} documents ({} about Syria), {} tokens, {} name keys seen\n  most frequent: {}\n",
            self.docs,
            self.syria_total,
            self.tokens,
            rows.len(),
            top.join(", ")
        )
    }
}

/// Writes `name_freq.tsv`: the header, the corpus totals under [`TOKENS_KEY`] (the informal
/// corpus's tokens under `informal_count`), then the rows.
fn write_table(
    path: &Path,
    tally: &Tally,
    informal: &Tally,
    rows: &BTreeMap<&str, [u32; 7]>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(File::create(path)?);
    writeln!(
        out,
        "key\tcount\tdocs\tsyria_docs\tlocative\tperson\tinformal_count\tinformal_locative"
    )?;
    let Tally {
        tokens,
        docs,
        syria_total,
        ..
    } = tally;
    let informal_tokens = informal.tokens;
    writeln!(
        out,
        "{TOKENS_KEY}\t{tokens}\t{docs}\t{syria_total}\t0\t0\t{informal_tokens}\t0"
    )?;
    for (key, [c, d, s, l, p, ic, il]) in rows {
        writeln!(out, "{key}\t{c}\t{d}\t{s}\t{l}\t{p}\t{ic}\t{il}")?;
    }
    out.flush()
}
