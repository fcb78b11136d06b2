//! Throughput of makan over a JSON Lines news corpus: MB/s of normalize + tag (and,
//! with `--resolve`, of the whole pipeline), single-threaded, plus peak memory.
//!
//! ```text
//! cargo run --release --example bench -- [CORPUS.jsonl] [--resolve | --both] [--runs N] [--limit N]
//! ```
//! CORPUS defaults to ../shared/corpus/saudinewsnet/saudinewsnet_all.jsonl. Each line's
//! `title` and `content` (or `text`) fields are the text. The corpus is read into memory
//! first, so the timing covers only makan's work. Prints each run and the median, by the wall
//! clock and per second of CPU time of this thread (Linux: /proc/thread-self/schedstat),
//! which a busy machine disturbs less. `--both` alternates tag-only and tag + resolve runs
//! and prints the ratio of their medians.

use std::io::BufRead;
use std::time::Instant;

use makan::{Resolver, Tagger};

const USAGE: &str = "usage: bench [CORPUS.jsonl] [--resolve | --both] [--runs N] [--limit N]";

/// Which pipelines to time.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Tag,
    Resolve,
    Both,
}

fn main() -> std::process::ExitCode {
    match read_corpus() {
        Ok((docs, mode, runs)) => {
            run(&docs, mode, runs);
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

/// The documents of the corpus named on the command line, and the options.
fn read_corpus() -> Result<(Vec<String>, Mode, usize), String> {
    let mut corpus = "../shared/corpus/saudinewsnet/saudinewsnet_all.jsonl".to_string();
    let (mut mode, mut runs, mut limit) = (Mode::Tag, 5usize, usize::MAX);
    let mut args = std::env::args().skip(1);
    let number = |flag: &str, value: Option<String>| {
        value
            .and_then(|n| n.parse().ok())
            .ok_or(format!("{flag} needs a number\n{USAGE}"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--resolve" => mode = Mode::Resolve,
            "--both" => mode = Mode::Both,
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
    Ok((docs, mode, runs.max(1)))
}

fn run(docs: &[String], mode: Mode, runs: usize) {
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
        "corpus: {} documents, {:.1} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    let pipelines: &[bool] = match mode {
        Mode::Tag => &[false],
        Mode::Resolve => &[true],
        Mode::Both => &[false, true],
    };
    // (wall MB/s, CPU MB/s) per pipeline
    let mut speeds = vec![Vec::new(); pipelines.len()];
    let mut buf = Vec::new();
    for run in 1..=runs {
        for (k, &resolve) in pipelines.iter().enumerate() {
            let (t, cpu) = (Instant::now(), cpu_seconds());
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
            let mb = bytes as f64 / 1e6;
            let wall = mb / t.elapsed().as_secs_f64();
            let cpu = cpu.zip(cpu_seconds()).map(|(a, b)| mb / (b - a));
            let name = if resolve { "tag + resolve" } else { "tag" };
            println!(
                "run {run} {name}: {wall:.1} MB/s wall, {} MB/s CPU, {mentions} mentions",
                cpu.map_or("?".into(), |c| format!("{c:.1}"))
            );
            speeds[k].push((wall, cpu.unwrap_or(f64::NAN)));
        }
    }
    let mut medians = Vec::new();
    for (k, &resolve) in pipelines.iter().enumerate() {
        let median = |f: fn(&(f64, f64)) -> f64| {
            let mut v: Vec<f64> = speeds[k].iter().map(f).collect();
            v.sort_by(|a, b| a.total_cmp(b));
            v[v.len() / 2]
        };
        let (wall, cpu) = (median(|s| s.0), median(|s| s.1));
        let name = if resolve {
            "tag + resolve"
        } else {
            "normalize + tag"
        };
        println!(
            "median {name}: {wall:.1} MB/s wall, {cpu:.1} MB/s CPU ({:.0} articles/hour at this corpus' mean size)",
            wall * 1e6 / (bytes as f64 / docs.len() as f64) * 3600.0
        );
        medians.push((wall, cpu));
    }
    if let [tag, resolve] = medians[..] {
        println!(
            "tag + resolve / tag: {:.2} wall, {:.2} CPU",
            resolve.0 / tag.0,
            resolve.1 / tag.1
        );
    }
    if let Some(peak) = peak_memory_mb() {
        println!("peak memory (VmHWM, includes the corpus held in memory): {peak:.0} MB");
    }
}

/// CPU time this thread has run, in seconds (Linux); None elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Peak resident memory of this process from /proc (Linux); None elsewhere.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
