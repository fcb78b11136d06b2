//! Throughput of makan over a JSON Lines news corpus: MB/s of normalize + tag (and,
//! with `--resolve`, of the whole pipeline), single-threaded, plus peak memory.
//!
//! ```text
//! cargo run --release --example bench -- [CORPUS.jsonl] [--resolve] [--runs N] [--limit N]
//! ```
//! CORPUS defaults to ../shared/corpus/saudinewsnet/saudinewsnet_all.jsonl. Each line's
//! `title` and `content` (or `text`) fields are the text. The corpus is read into memory
//! first, so the timing covers only makan's work. Prints each run and the median.

use std::io::BufRead;
use std::time::Instant;

use makan::{Resolver, Tagger};

const USAGE: &str = "usage: bench [CORPUS.jsonl] [--resolve] [--runs N] [--limit N]";

fn main() -> std::process::ExitCode {
    match read_corpus() {
        Ok((docs, resolve, runs)) => {
            run(&docs, resolve, runs);
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

/// The documents of the corpus named on the command line, and the options.
fn read_corpus() -> Result<(Vec<String>, bool, usize), String> {
    let mut corpus = "../shared/corpus/saudinewsnet/saudinewsnet_all.jsonl".to_string();
    let (mut resolve, mut runs, mut limit) = (false, 5usize, usize::MAX);
    let mut args = std::env::args().skip(1);
    let number = |flag: &str, value: Option<String>| {
        value
            .and_then(|n| n.parse().ok())
            .ok_or(format!("{flag} needs a number\n{USAGE}"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--resolve" => resolve = true,
            "--runs" => runs = number("--runs", args.next())?,
            "--limit" => limit = number("--limit", args.next())?,
            "-h" | "--help" => return Err(USAGE.into()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n{USAGE}"));
            }
            other => corpus = other.to_string(),
        }
    }
    let file = std::fs::File::open(&corpus).map_err(|e| format!("{corpus}: {e}"))?;
    let mut docs = Vec::new();
    for (i, line) in std::io::BufReader::new(file)
        .lines()
        .take(limit)
        .enumerate()
    {
        let line = line.map_err(|e| format!("{corpus}:{}: {e}", i + 1))?;
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{corpus}:{}: {e}", i + 1))?;
        let text: Vec<&str> = ["title", "content", "text"]
            .iter()
            .filter_map(|k| v.get(k)?.as_str())
            .collect();
        docs.push(text.join("\n"));
    }
    Ok((docs, resolve, runs.max(1)))
}

fn run(docs: &[String], resolve: bool, runs: usize) {
    let bytes: usize = docs.iter().map(String::len).sum();
    let start = Instant::now();
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    println!(
        "gazetteer + automaton ready in {:.2} s ({} entities, automaton {:.1} MB)",
        start.elapsed().as_secs_f64(),
        tagger.gazetteer().len(),
        tagger.automaton_memory() as f64 / 1e6
    );
    println!(
        "corpus: {} documents, {:.1} MB; pipeline: {}",
        docs.len(),
        bytes as f64 / 1e6,
        if resolve {
            "tag + resolve"
        } else {
            "normalize + tag"
        }
    );
    let mut speeds = Vec::new();
    let mut buf = Vec::new();
    for run in 1..=runs {
        let t = Instant::now();
        let mut mentions = 0usize;
        for doc in docs {
            if resolve {
                mentions += resolver
                    .tag_and_resolve(doc)
                    .iter()
                    .filter(|(_, r)| r.is_accepted())
                    .count();
            } else {
                tagger.tag_into(doc, &mut buf);
                mentions += buf.len();
            }
        }
        let secs = t.elapsed().as_secs_f64();
        let mbps = bytes as f64 / 1e6 / secs;
        println!("run {run}: {secs:.2} s, {mbps:.1} MB/s, {mentions} mentions");
        speeds.push(mbps);
    }
    speeds.sort_by(|a, b| a.total_cmp(b));
    let median = speeds[speeds.len() / 2];
    println!(
        "median: {median:.1} MB/s ({:.0} articles/hour at this corpus' mean size)",
        median * 1e6 / (bytes as f64 / docs.len() as f64) * 3600.0
    );
    if let Some(peak) = peak_memory_mb() {
        println!("peak memory (VmHWM, includes the corpus held in memory): {peak:.0} MB");
    }
}

/// Peak resident memory of this process from /proc (Linux); None elsewhere.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
