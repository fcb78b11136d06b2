//! `makan gazetteer stats|lookup`: look inside the embedded gazetteer.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;
use serde_json::json;

use makan::output::{EntityRecord, entity_record};
use makan::{Gazetteer, Resolver, Tagger};

use crate::cli::{Result, print_json};

/// Look inside the embedded gazetteer.
#[derive(clap::Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Counts of the embedded gazetteer by kind and source, as JSON.
    Stats,
    /// Every entity NAME can mean, best first, one JSON line each, in the shape of a
    /// resolved mention (with `class`, `population`, `refs` and the name's `prior`).
    Lookup {
        /// The name, Arabic or Latin; several words are joined by spaces.
        #[arg(required = true, value_name = "NAME")]
        name: Vec<String>,
    },
}

pub fn run(command: &GazetteerCommand) -> Result<ExitCode> {
    match command {
        GazetteerCommand::Stats => stats(Gazetteer::embedded()),
        GazetteerCommand::Lookup { name } => lookup(&name.join(" ")),
    }
}

fn stats(g: &Gazetteer) -> Result<ExitCode> {
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_source: BTreeMap<&str, usize> = BTreeMap::new();
    let mut syrian_populated_with_admin1 = 0;
    // Settlements makan reports without a community P-code: the cities first (issue 15).
    let mut syrian_populated_without_pcode = 0;
    for (_, e) in g.entities() {
        *by_kind.entry(e.kind().name()).or_default() += 1;
        *by_source
            .entry(e.id().split(':').next().unwrap_or(""))
            .or_default() += 1;
        if e.country() == "SY"
            && e.kind() == makan::Kind::Populated
            && e.point().is_some()
            && !e.admin_pcodes()[0].is_empty()
        {
            syrian_populated_with_admin1 += 1;
        }
        if e.country() == "SY" && e.kind() == makan::Kind::Populated && e.pcode().is_empty() {
            syrian_populated_without_pcode += 1;
        }
    }
    let (mut arabic, mut latin, mut with_freq) = (0, 0, 0);
    for (_, name) in g.names() {
        if name.key().is_ascii() {
            latin += 1;
        } else {
            arabic += 1;
        }
        with_freq += usize::from(name.corpus_count().is_some());
    }
    let out = json!({
        "entities": g.len(),
        "by_kind": by_kind,
        "by_source": by_source,
        "syrian_populated_with_point_and_admin1": syrian_populated_with_admin1,
        "syrian_populated_without_pcode": syrian_populated_without_pcode,
        "name_keys": {"arabic": arabic, "latin": latin, "with_corpus_count": with_freq},
        "corpus_tokens": g.corpus_tokens(),
    });
    print_json(&mut io::stdout().lock(), &out)?;
    Ok(ExitCode::SUCCESS)
}

/// One line of `lookup`: the entity and how likely the name means it.
#[derive(Serialize)]
struct Meaning {
    #[serde(flatten)]
    entity: EntityRecord,
    prior: f64,
}

fn lookup(name: &str) -> Result<ExitCode> {
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let g = tagger.gazetteer();
    // A source id (`wof:421190421`) names the entity that holds it, merged records included.
    let ranked = match g.by_ref(name.trim()) {
        Some(id) => {
            let e = g.entity(id);
            let written = if e.name_ar().is_empty() {
                e.name_en()
            } else {
                e.name_ar()
            };
            resolver
                .rank_name(written)
                .into_iter()
                .filter(|&(other, _)| other == id)
                .collect()
        }
        None => resolver.rank_name(name),
    };
    if ranked.is_empty() {
        eprintln!(
            "makan: no entity is named `{name}` (folded: `{}`)",
            makan::fold(name)
        );
        return Ok(ExitCode::from(1));
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (id, prior) in ranked {
        let line = Meaning {
            entity: entity_record(g, id),
            prior: (prior * 100.0).round() / 100.0,
        };
        serde_json::to_writer(&mut out, &line)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
