//! FA-KES (804 English articles on the Syrian war, each labelled with the governorate it
//! reports on): how often makan's document focus is the labelled governorate.
//!
//! ```sh
//! cargo run --release -p makan-eval --example fakes -- ../shared/corpus/geo/fa-kes/fakes.csv [--ablation]
//! ```
//!
//! Prints the share of articles whose top focus lies in the labelled governorate (top-1), in
//! one of the first two governorates of the focus (top-2), and the confusion table of top-1
//! (rows: label, columns: focus). `--ablation` repeats the count with each kind of evidence
//! turned off; `--weights` tries other weights. The articles are read as `../shared/eval/tools/fakes.py prepare` writes them
//! (title, a line break, the content; the file is cp1252), so the figure agrees with
//! `fakes.py score` over `makan tag --jsonl`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use makan::{Focus, FocusWeights, Gazetteer, Kind, Resolver, Tagger};

/// The labels of FA-KES and the governorate P-codes they name (the labels' own scheme:
/// "damascus" is the governorate of the city, SY01).
const LABELS: [(&str, &str); 12] = [
    ("aleppo", "SY02"),
    ("damascus", "SY01"),
    ("idlib", "SY07"),
    ("deir ezzor", "SY09"),
    ("raqqa", "SY11"),
    ("homs", "SY04"),
    ("hasakeh", "SY08"),
    ("hama", "SY05"),
    ("daraa", "SY12"),
    ("lattakia", "SY06"),
    ("quneitra", "SY14"),
    ("tartous", "SY10"),
];

/// Windows-1252 bytes 0x80–0x9F; the five bytes it leaves undefined become U+FFFD, as
/// Python's `errors='replace'` makes them.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ',
];

fn cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// One labelled article.
struct Article {
    label: &'static str,
    text: String,
}

fn read(path: &str) -> Result<Vec<Article>, Box<dyn std::error::Error>> {
    let mut reader = csv::Reader::from_path(path)?;
    let headers = reader.byte_headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name.as_bytes())
            .ok_or_else(|| format!("{path}: no column `{name}`"))
    };
    let (title, content, location) = (
        column("article_title")?,
        column("article_content")?,
        column("location")?,
    );
    let mut articles = Vec::new();
    for record in reader.byte_records() {
        let record = record?;
        let field = |i: usize| cp1252(record.get(i).unwrap_or_default());
        let location = field(location).trim().to_lowercase();
        let Some(&(_, label)) = LABELS.iter().find(|(name, _)| *name == location) else {
            continue;
        };
        let text = format!("{}\n{}", field(title).trim(), field(content).trim());
        articles.push(Article { label, text });
    }
    Ok(articles)
}

/// The governorate P-code of a place (its own for a governorate), if it has one.
fn governorate(g: &Gazetteer, e: makan::EntityId) -> Option<String> {
    let entity = g.entity(e);
    if entity.kind() == Kind::Admin1 && entity.pcode().starts_with("SY") {
        return entity.pcode().get(..4).map(String::from);
    }
    let admin1 = entity.admin_pcodes()[0];
    (!admin1.is_empty()).then(|| admin1.to_string())
}

/// The first two distinct areas of a focus, as governorate P-codes ("-" for a place of
/// none: a country, a place abroad).
fn first_two(g: &Gazetteer, focus: &Focus) -> Vec<String> {
    let mut areas: Vec<String> = Vec::new();
    for place in focus.places() {
        let area = governorate(g, place.entity()).unwrap_or_else(|| "-".into());
        if !areas.contains(&area) {
            areas.push(area);
        }
        if areas.len() == 2 {
            break;
        }
    }
    areas
}

/// top-1, top-2 and the confusion table (label -> focus -> articles) under `weights`.
fn score(
    resolver: &Resolver,
    found: &[(&Article, Vec<(makan::Mention, makan::Resolution)>)],
    weights: &FocusWeights,
) -> (
    usize,
    usize,
    BTreeMap<&'static str, BTreeMap<String, usize>>,
) {
    let g = resolver.tagger().gazetteer();
    let (mut top1, mut top2) = (0, 0);
    let mut confusion: BTreeMap<&'static str, BTreeMap<String, usize>> = BTreeMap::new();
    for (article, mentions) in found {
        let focus = resolver.focus_with(&article.text, mentions, weights);
        let areas = first_two(g, &focus);
        let first = areas.first().cloned().unwrap_or_else(|| "none".into());
        top1 += usize::from(first == article.label);
        top2 += usize::from(areas.iter().any(|a| a == article.label));
        *confusion
            .entry(article.label)
            .or_default()
            .entry(first)
            .or_default() += 1;
    }
    (top1, top2, confusion)
}

/// Each article whose top focus is not its label: the label, the focus places (name, kind,
/// governorate, score, mentions), the places named and the text, for error analysis.
fn print_misses(
    resolver: &Resolver,
    found: &[(&Article, Vec<(makan::Mention, makan::Resolution)>)],
    weights: &FocusWeights,
) {
    let g = resolver.tagger().gazetteer();
    for (i, (article, mentions)) in found.iter().enumerate() {
        let focus = resolver.focus_with(&article.text, mentions, weights);
        let areas = first_two(g, &focus);
        if areas.first().map(String::as_str) == Some(article.label) {
            continue;
        }
        println!("\n=== #{i} label {} focus {:?}", article.label, areas);
        for place in focus.places() {
            let e = g.entity(place.entity());
            let area = governorate(g, place.entity()).unwrap_or_else(|| "-".into());
            println!(
                "  {:<28} {:<10} {area} {:.2} x{}",
                e.name_en(),
                e.kind().name(),
                place.score(),
                place.mentions()
            );
        }
        let named: Vec<String> = mentions
            .iter()
            .filter(|(_, r)| r.is_accepted())
            .filter_map(|(m, r)| {
                let e = g.entity(r.entity()?);
                let span = m.span();
                let area = governorate(g, r.entity()?).unwrap_or_else(|| "-".into());
                Some(format!(
                    "{}→{}({area})",
                    &article.text[span.range()],
                    e.name_en()
                ))
            })
            .collect();
        println!("  named: {}", named.join(", "));
        println!("{}", article.text);
    }
}

/// The confusion table of top-1: rows the labels, columns the focus governorates.
fn print_confusion(confusion: &BTreeMap<&'static str, BTreeMap<String, usize>>) {
    let mut columns: Vec<String> = confusion
        .values()
        .flat_map(|row| row.keys().cloned())
        .collect();
    columns.sort();
    columns.dedup();
    println!(
        "\nconfusion (rows: label, columns: top-1 focus governorate; - a country or a place abroad)"
    );
    print!("{:>6}", "");
    for c in &columns {
        print!("{c:>6}");
    }
    println!("{:>7}", "n");
    for (label, row) in confusion {
        print!("{label:>6}");
        for c in &columns {
            match row.get(c) {
                Some(k) => print!("{k:>6}"),
                None => print!("{:>6}", "."),
            }
        }
        println!("{:>7}", row.values().sum::<usize>());
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let weights_at = args.iter().position(|a| a == "--weights").map(|i| i + 1);
    let path = args
        .iter()
        .enumerate()
        .find(|&(i, a)| !a.starts_with("--") && Some(i) != weights_at)
        .map(|(_, a)| a);
    let Some(path) = path else {
        eprintln!("usage: fakes FAKES.csv [--ablation] [--misses] [--weights name=value,...]");
        return ExitCode::from(2);
    };
    let articles = match read(path) {
        Ok(articles) => articles,
        Err(e) => {
            eprintln!("fakes: {e}");
            return ExitCode::from(2);
        }
    };
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger);
    let found: Vec<_> = articles
        .iter()
        .map(|a| (a, resolver.find(&a.text)))
        .collect();
    let n = found.len();
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    let weights = match args.iter().position(|a| a == "--weights") {
        Some(i) => match args.get(i + 1).map(|w| w.parse::<FocusWeights>()) {
            Some(Ok(w)) => w,
            Some(Err(e)) => {
                eprintln!("fakes: --weights: {e}");
                return ExitCode::from(2);
            }
            None => {
                eprintln!("fakes: --weights takes name=value,...");
                return ExitCode::from(2);
            }
        },
        None => FocusWeights::default(),
    };
    let (top1, top2, confusion) = score(&resolver, &found, &weights);
    println!(
        "FA-KES, {n} articles: focus governorate = label {:.1} % (top-1, {top1}), {:.1} % (top-2, {top2})",
        pct(top1),
        pct(top2)
    );
    // The labels name Damascus for stories of its countryside too (Eastern Ghouta, Douma,
    // Qalamoun), where the focus is Rural Damascus (SY03): counted apart, never in top-1.
    let countryside = confusion
        .get("SY01")
        .and_then(|row| row.get("SY03"))
        .copied()
        .unwrap_or(0);
    println!(
        "  label \"damascus\" (SY01), focus Rural Damascus (SY03): {countryside} articles; \
         top-1 counting these as right: {:.1} %",
        pct(top1 + countryside)
    );
    print_confusion(&confusion);
    if args.iter().any(|a| a == "--misses") {
        print_misses(&resolver, &found, &weights);
    }
    if args.iter().any(|a| a == "--ablation") {
        println!("\n{:<36} {:>7} {:>7}", "ablation", "top-1", "top-2");
        for (name, weights) in FocusWeights::ablations() {
            let (top1, top2, _) = score(&resolver, &found, &weights);
            println!("{name:<36} {:>6.1}% {:>6.1}%", pct(top1), pct(top2));
        }
    }
    ExitCode::SUCCESS
}
