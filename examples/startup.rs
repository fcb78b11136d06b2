//! Where a cold start's time goes: each stage of building the embedded tagger and resolver,
//! timed on first use in a fresh process.
//!
//! ```sh
//! cargo run --release --example startup
//! ```
//!
//! Each stage is forced in order (a later stage reuses the earlier ones), so the times add up
//! to the start of `makan tag`. Run it several times: the first run after a build also pays
//! for reading the binary from disk.

use std::time::Instant;

use makan::{Gazetteer, Resolver, Tagger};

fn main() {
    let start = Instant::now();
    let mut last = start;
    let mut stage = |name: &str| {
        let now = Instant::now();
        println!(
            "{name:<40} {:>8.1} ms",
            now.duration_since(last).as_secs_f64() * 1e3
        );
        last = now;
    };
    let g = Gazetteer::embedded();
    stage(&format!("gazetteer ({} entities)", g.len()));
    let tagger = Tagger::new();
    stage("tagger (automaton, first-word table)");
    let resolver = Resolver::new(tagger.clone());
    stage("resolver (entity facts)");
    let found = resolver.find("حررت مدينة البوكمال جنوب شرق مدينة دير الزور");
    stage(&format!("first document ({} mentions)", found.len()));
    println!(
        "{:<40} {:>8.1} ms",
        "total",
        start.elapsed().as_secs_f64() * 1e3
    );
}
