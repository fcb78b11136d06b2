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

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::sync::Arc;

use makan::{Gazetteer, TOKENS_KEY, Tagger, stands_as_place};

/// Counts name keys over `corpus` (JSON Lines with `title` and `content`, or `text`) and
/// writes `out_dir/name_freq.tsv`. Returns a summary.
pub fn build(out_dir: &Path, corpus: &Path, persons: &Path) -> Result<String, String> {
    let person_keys: std::collections::HashSet<String> = std::fs::read_to_string(persons)
        .map_err(|e| format!("{}: {e}", persons.display()))?
        .lines()
        .map(|l| makan::fold(l.trim()))
        .filter(|k| k.chars().count() >= 2)
        .collect();
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

    let file = File::open(corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut counts = vec![0u32; gazetteer.names().count()];
    let mut docs_with = vec![0u32; counts.len()];
    let mut syria_docs_with = vec![0u32; counts.len()];
    let mut locative = vec![0u32; counts.len()];
    // Names that mean Syria or a Syrian governorate mark a document as being about Syria.
    let marks_syria: Vec<bool> = gazetteer
        .names()
        .map(|(_, name)| {
            name.entities().iter().any(|&e| {
                let e = gazetteer.entity(e);
                e.id() == "iso:SY" || (e.kind() == makan::Kind::Admin1 && e.country() == "SY")
            })
        })
        .collect();
    let (mut tokens, mut docs, mut syria_total) = (0u64, 0u64, 0u64);
    let mut mentions = Vec::new();
    let mut seen = Vec::new();
    for (i, line) in BufReader::with_capacity(1 << 20, file).lines().enumerate() {
        let line = line.map_err(|e| format!("{}:{}: {e}", corpus.display(), i + 1))?;
        let value: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| format!("{}:{}: {e}", corpus.display(), i + 1))?;
        let text = ["title", "content", "text"]
            .iter()
            .filter_map(|k| value.get(k).and_then(|v| v.as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        docs += 1;
        tokens += text.split_whitespace().count() as u64;
        tagger.tag_into(&text, &mut mentions);
        // The tagger's mentions always have a name (only the resolver adds unlisted ones).
        let index = |m: &makan::Mention| m.name().expect("a tagger mention has a name").index();
        if mentions.iter().any(|m| marks_syria[index(m)]) {
            syria_total += 1;
        }
        seen.clear();
        for m in &mentions {
            let n = index(m);
            counts[n] += 1;
            if stands_as_place(&text, m) {
                locative[n] += 1;
            }
            seen.push(n);
        }
        seen.sort_unstable();
        seen.dedup();
        for &n in &seen {
            docs_with[n] += 1;
            // About Syria through another name than this one.
            if seen.iter().any(|&o| o != n && marks_syria[o]) {
                syria_docs_with[n] += 1;
            }
        }
    }
    let mut rows: BTreeMap<&str, [u32; 5]> = BTreeMap::new();
    for (id, name) in gazetteer.names() {
        let i = id.index();
        let person = u32::from(person_keys.contains(name.key()));
        if counts[i] > 0 || person == 1 {
            let row = [
                counts[i],
                docs_with[i],
                syria_docs_with[i],
                locative[i],
                person,
            ];
            rows.insert(name.key(), row);
        }
    }
    let path = out_dir.join("name_freq.tsv");
    let mut out = std::io::BufWriter::new(
        File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?,
    );
    let mut write = || -> std::io::Result<()> {
        writeln!(out, "key\tcount\tdocs\tsyria_docs\tlocative\tperson")?;
        writeln!(out, "{TOKENS_KEY}\t{tokens}\t{docs}\t{syria_total}\t0\t0")?;
        for (key, [c, d, s, l, p]) in &rows {
            writeln!(out, "{key}\t{c}\t{d}\t{s}\t{l}\t{p}")?;
        }
        out.flush()
    };
    write().map_err(|e| format!("{}: {e}", path.display()))?;
    let mut top: Vec<(&str, u32)> = rows.iter().map(|(k, r)| (*k, r[0])).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = top
        .iter()
        .take(25)
        .map(|(k, c)| format!("{k} {c}"))
        .collect();
    Ok(format!(
        "name frequencies: {docs} documents ({syria_total} about Syria), {tokens} tokens, {} name keys seen\n  most frequent: {}\n",
        rows.len(),
        top.join(", ")
    ))
}
