//! Time and peak memory of tag + resolve against input size, on inputs built to find
//! super-linear steps: each case at growing sizes should take time and memory proportional to
//! its size.
//!
//! ```text
//! cargo run --release --example adversarial -- [CORPUS.jsonl] [--max-mb N] [--case NAME]
//! ```
//! Cases: `news` (one line of news text: the corpus' articles joined), `name` (one name with
//! proclitics repeated: «وبالبوكمال»), `char` (one letter repeated), `short` (many very short
//! documents, one call each), `digits` (numbers and distance units only), `names` (every
//! distinct name key of the gazetteer in one document). Sizes double from 1 MB to `--max-mb`
//! (default 16). Each measurement runs in a child process of its own, so that its peak memory
//! (VmHWM) is its own. CORPUS defaults to ../shared/corpus/saudinewsnet/saudinewsnet_all.jsonl.

use std::io::BufRead;
use std::process::{Command, ExitCode};
use std::time::Instant;

use makan::{Resolver, Tagger};

const USAGE: &str =
    "usage: adversarial [CORPUS.jsonl] [--max-mb N] [--case news|name|char|short|digits|names]";
const CASES: [&str; 6] = ["news", "name", "char", "short", "digits", "names"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // A child measures one case at one size: `--measure CASE MB CORPUS`.
    if let [flag, case, mb, corpus] = args.as_slice()
        && flag == "--measure"
    {
        return match mb.parse() {
            Ok(mb) => measure(case, mb, corpus),
            Err(_) => fail(&format!("--measure: `{mb}` is not a number")),
        };
    }
    let mut corpus = "../shared/corpus/saudinewsnet/saudinewsnet_all.jsonl".to_string();
    let (mut max_mb, mut only) = (16usize, None);
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--max-mb" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => max_mb = n,
                None => return fail("--max-mb needs a number"),
            },
            "--case" => match it.next().filter(|c| CASES.contains(&c.as_str())) {
                Some(c) => only = Some(c),
                None => return fail("--case needs one of news, name, char, short, digits, names"),
            },
            "-h" | "--help" => return fail(""),
            other if other.starts_with("--") => return fail(&format!("unknown option {other}")),
            other => corpus = other.to_string(),
        }
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return fail(&format!("cannot find this program: {e}")),
    };
    println!("case     MB   seconds   MB/s  mentions  peak MB");
    for case in CASES
        .iter()
        .filter(|c| only.as_ref().is_none_or(|o| o == *c))
    {
        let mut mb = 1;
        while mb <= max_mb {
            let out = Command::new(&exe)
                .args(["--measure", case, &mb.to_string(), &corpus])
                .output();
            match out {
                Ok(o) if o.status.success() => print!("{}", String::from_utf8_lossy(&o.stdout)),
                Ok(o) => {
                    eprintln!(
                        "{case} {mb} MB: {}",
                        String::from_utf8_lossy(&o.stderr).trim()
                    );
                    break;
                }
                Err(e) => return fail(&format!("running {}: {e}", exe.display())),
            }
            mb *= 2;
        }
    }
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    if !message.is_empty() {
        eprintln!("adversarial: {message}");
    }
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Builds the input of `case` at about `mb` MB, resolves it, prints one table row.
fn measure(case: &str, mb: usize, corpus: &str) -> ExitCode {
    let bytes = mb * 1_000_000;
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let docs = match input(case, bytes, corpus, &tagger) {
        Ok(docs) => docs,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let size: usize = docs.iter().map(String::len).sum();
    let start = Instant::now();
    let mut mentions = 0;
    for doc in &docs {
        mentions += resolver.tag_and_resolve(doc).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let peak = peak_memory_mb().map_or("?".to_string(), |p| format!("{p:.0}"));
    println!(
        "{case:<6} {:>4.0} {secs:>9.2} {:>6.1} {mentions:>9} {peak:>8}",
        size as f64 / 1e6,
        size as f64 / 1e6 / secs
    );
    ExitCode::SUCCESS
}

/// The documents of a case, about `bytes` long in all.
fn input(case: &str, bytes: usize, corpus: &str, tagger: &Tagger) -> Result<Vec<String>, String> {
    let repeat = |unit: &str| vec![unit.repeat(bytes / unit.len())];
    Ok(match case {
        "news" => vec![news(bytes, corpus)?],
        "name" => repeat("وبالبوكمال "),
        "char" => repeat("ا"),
        "digits" => repeat("140 كم 12.5 km ٣٠ ميلا "),
        "short" => {
            let doc = "قصف على حلب";
            vec![doc.to_string(); bytes / doc.len()]
        }
        "names" => {
            let g = tagger.gazetteer();
            let mut text = String::with_capacity(bytes);
            'fill: loop {
                for (_, name) in g.names() {
                    text.push_str(name.key());
                    text.push_str(" و ");
                    if text.len() >= bytes {
                        break 'fill;
                    }
                }
            }
            vec![text]
        }
        other => return Err(format!("unknown case {other}")),
    })
}

/// One line of news text: the corpus' articles joined with spaces, repeated if short.
fn news(bytes: usize, corpus: &str) -> Result<String, String> {
    let file = std::fs::File::open(corpus).map_err(|e| format!("{corpus}: {e}"))?;
    let mut text = String::with_capacity(bytes);
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{corpus}:{}: {e}", i + 1))?;
        let v: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{corpus}:{}: {e}", i + 1))?;
        for key in ["title", "content", "text"] {
            if let Some(s) = v.get(key).and_then(|s| s.as_str()) {
                text.push_str(s);
                text.push(' ');
            }
        }
        if text.len() >= bytes {
            break;
        }
    }
    if text.is_empty() {
        return Err(format!("{corpus}: no text"));
    }
    while text.len() < bytes {
        let again = text.clone();
        text.push_str(&again);
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    Ok(text)
}

/// Peak resident memory of this process from /proc (Linux); None elsewhere.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
