//! The document focus on the development set's articles: for the ten articles whose lead
//! names the scene of the story, the governorate (or country abroad) a reader gives it,
//! against makan's focus, with each kind of evidence turned off in turn.
//!
//! ```sh
//! cargo run --release -p makan-eval --example focus_dev -- ../shared/eval/dev-docs.jsonl [--weights name=value,...]
//! ```
//!
//! The labels were written by reading each article's headline and lead, before looking at
//! makan's focus; the other 21 articles (opinion, diplomacy, reports on all of Syria) have
//! no one place a reader would give.

use std::io::BufRead;
use std::process::ExitCode;

use makan::{FocusWeights, Resolver, Tagger};

/// Article id and the id of its focus at admin level 1.
const LABELS: [(&str, &str); 10] = [
    ("seed-000", "ocha:SY09"), // the army enters Abu Kamal
    ("snn-003", "ocha:SY07"),  // a warplane crashes on Ariha
    ("snn-017", "iso:IQ"),     // militias in Diyala
    ("snn-022", "ocha:SY06"),  // a colonel killed in Latakia
    ("snn-023", "iso:SA"),     // a festival in Tabarjal
    ("snn-057", "ocha:SY03"),  // fighting in al-Zabadani
    ("snn-075", "iso:TR"),     // the bombing in Suruç
    ("snn-078", "ocha:SY02"),  // air strikes on a village of Aleppo governorate
    ("snn-082", "iso:FR"),     // migrants at Calais
    ("snn-094", "ocha:SY11"),  // a crime in al-Raqqa
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), weights) = (args.first(), args.get(2).filter(|_| args[1] == "--weights"))
    else {
        eprintln!("usage: focus_dev DEV-DOCS.jsonl [--weights name=value,...]");
        return ExitCode::from(2);
    };
    let weights: FocusWeights = match weights.map(|w| w.parse()) {
        Some(Ok(w)) => w,
        Some(Err(e)) => {
            eprintln!("focus_dev: --weights: {e}");
            return ExitCode::from(2);
        }
        None => FocusWeights::default(),
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("focus_dev: {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut articles = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let Ok(line) = line else {
            eprintln!("focus_dev: {path}: unreadable line");
            return ExitCode::from(2);
        };
        let Ok(doc) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let id = doc["doc_id"].as_str().unwrap_or_default();
        if let Some(&(_, label)) = LABELS.iter().find(|(d, _)| *d == id) {
            let text = doc["text"].as_str().unwrap_or_default().to_string();
            articles.push((id.to_string(), label, text));
        }
    }
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let g = tagger.gazetteer();
    let found: Vec<_> = articles
        .iter()
        .map(|(_, _, text)| resolver.find(text))
        .collect();
    let area = |text: &str, mentions: &[_], weights: &FocusWeights| {
        resolver
            .focus_with(text, mentions, weights)
            .admin1()
            .map_or_else(|| "none".to_string(), |(a, _)| g.entity(a).id().to_string())
    };
    println!("{} labelled articles of {path}", articles.len());
    for ((id, label, text), mentions) in articles.iter().zip(&found) {
        let focus = resolver.focus_with(text, mentions, &weights);
        let top = focus
            .top()
            .map_or("-", |p| g.entity(p.entity()).display_name(false));
        let got = area(text, mentions, &weights);
        let mark = if got == *label { "ok" } else { "MISS" };
        println!("  {id:<9} {label:<10} {got:<10} {top:<24} {mark}");
    }
    println!("\n{:<28} {:>6}", "ablation", "right");
    for (name, weights) in FocusWeights::ablations() {
        let right = articles
            .iter()
            .zip(&found)
            .filter(|((_, label, text), mentions)| area(text, mentions, &weights) == *label)
            .count();
        println!("{name:<28} {right:>3}/{}", articles.len());
    }
    ExitCode::SUCCESS
}
