//! `makan gazetteer stats|lookup`: look inside the embedded gazetteer.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use serde_json::json;

use makan::{Gazetteer, Resolver, Tagger};

use crate::cli::{Result, UsageError};

pub fn run(args: &[String]) -> Result<ExitCode> {
    match (args.first().map(String::as_str), &args[1.min(args.len())..]) {
        (Some("stats"), []) => stats(Gazetteer::embedded()),
        (Some("lookup"), names) if !names.is_empty() => lookup(&names.join(" ")),
        _ => Err(
            UsageError("usage: makan gazetteer stats | makan gazetteer lookup NAME".into()).into(),
        ),
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
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(ExitCode::SUCCESS)
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
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (id, prior) in ranked {
        let e = g.entity(id);
        let [a1, a2, a3] = e.admin_pcodes();
        let unit = |p: &str| {
            g.by_id(&format!("ocha:{p}"))
                .map(|u| g.entity(u).name_en().to_string())
        };
        let line = json!({
            "id": e.id(), "kind": e.kind().name(), "class": e.class(),
            "name_ar": e.name_ar(), "name_en": e.name_en(),
            "lat": e.point().map(|p| p.lat), "lon": e.point().map(|p| p.lon),
            "population": e.population(), "pcode": e.pcode(), "country": e.country(),
            "admin1": a1, "admin1_name": unit(a1), "admin2": a2, "admin2_name": unit(a2), "admin3": a3, "admin3_name": unit(a3),
            "refs": e.refs().collect::<Vec<_>>(), "prior": (prior * 100.0).round() / 100.0,
        });
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}
