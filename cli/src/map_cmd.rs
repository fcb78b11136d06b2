//! `makan map`: the places of a text or a JSON Lines corpus as a map picture (SVG).
//!
//! The text is tagged and resolved as `makan tag` does it (the same tagger, resolver and
//! accepted mentions); every accepted place mention is counted under its entity, and the
//! places are drawn by [`crate::map::render`].

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use makan::{EntityType, Resolver};

use crate::cli::{Args, Result, UsageError, open_input, read_text};
use crate::lines::LineRunner;
use crate::map::{Category, Lang, MapPlace, Summary, render};

/// How many of the most mentioned places get a label by default.
pub const DEFAULT_LABELS: usize = 40;

/// Everything `makan map` is asked to do.
pub struct MapOptions {
    /// The input file; `None` or `-` for standard input.
    pub input: Option<String>,
    /// The input is JSON Lines `{"doc_id", "text"}`, one document a line.
    pub jsonl: bool,
    /// Where the SVG goes; `None` or `-` for standard output.
    pub output: Option<String>,
    pub lang: Lang,
    /// At most this many places get a label (the most mentioned first).
    pub labels: usize,
    /// `--threads` and `--quiet` of the JSON Lines runner.
    pub threads: Option<usize>,
    pub quiet: bool,
    /// The user's gazetteer tables (`--places`, `--orgs`, `--override`).
    pub places: Vec<String>,
    pub orgs: Vec<String>,
    pub override_existing: bool,
}

/// Reads `makan map`'s arguments: `-o FILE`, `--lang ar|en` and `--labels N` here, the rest
/// (`--jsonl`, `--threads`, `--quiet`, the gazetteer tables, FILE) as the other subcommands do.
pub fn parse(args: &[String]) -> Result<MapOptions> {
    let mut output = None;
    let mut lang = Lang::Arabic;
    let mut labels = DEFAULT_LABELS;
    let mut rest = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| UsageError(format!("`{arg}` needs a value")))
        };
        match arg.as_str() {
            "-o" | "--output" => output = Some(value()?),
            "--lang" => {
                lang = match value()?.as_str() {
                    "ar" => Lang::Arabic,
                    "en" => Lang::English,
                    other => {
                        return Err(UsageError(format!("`--lang {other}`: use ar or en")).into());
                    }
                }
            }
            "--labels" => {
                labels = value()?
                    .parse()
                    .map_err(|_| UsageError("`--labels` needs a number".into()))?;
            }
            _ => rest.push(arg.clone()),
        }
    }
    let args = Args::parse(&rest, &["jsonl", "threads", "quiet"])?;
    if args.positional.len() > 1 {
        return Err(UsageError("map takes at most one FILE".into()).into());
    }
    Ok(MapOptions {
        input: args.positional.first().cloned(),
        jsonl: args.has("jsonl"),
        output,
        lang,
        labels,
        threads: args.threads,
        quiet: args.has("quiet"),
        places: args.places,
        orgs: args.orgs,
        override_existing: args.override_existing,
    })
}

/// The places of one document or of many, counted by entity.
#[derive(Default)]
struct Tally {
    places: BTreeMap<String, MapPlace>,
    documents: usize,
    mentions: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.documents += other.documents;
        self.mentions += other.mentions;
        for (id, place) in other.places {
            self.places
                .entry(id)
                .and_modify(|p| p.count += place.count)
                .or_insert(place);
        }
    }
}

/// Counts the accepted place mentions of `text`.
fn tally(resolver: &Resolver, text: &str) -> Tally {
    let gazetteer = resolver.tagger().gazetteer();
    let mut tally = Tally {
        documents: 1,
        ..Tally::default()
    };
    for (mention, resolution) in resolver.tag_and_resolve(text) {
        if !resolution.is_accepted() || resolution.entity_type() != EntityType::Loc {
            continue;
        }
        let place = match resolution.entity() {
            Some(id) => {
                let entity = gazetteer.entity(id);
                MapPlace {
                    id: entity.id().to_string(),
                    category: Category::of(entity.kind()),
                    name_ar: entity.name_ar().to_string(),
                    name_en: entity.name_en().to_string(),
                    // The entity's own point: a river placed on the stretch one text is about
                    // is still one river on the map.
                    point: entity
                        .point()
                        .or(resolution.point())
                        .map(|p| (p.lat, p.lon)),
                    count: 1,
                }
            }
            None => {
                let written = &text[mention.span()];
                MapPlace {
                    id: format!("unlisted:{written}"),
                    category: Category::Unlisted,
                    name_ar: written.to_string(),
                    name_en: String::new(),
                    point: resolution.point().map(|p| (p.lat, p.lon)),
                    count: 1,
                }
            }
        };
        tally.mentions += 1;
        tally
            .places
            .entry(place.id.clone())
            .and_modify(|p| p.count += 1)
            .or_insert(place);
    }
    tally
}

/// One JSON Lines document's tally, or `LINE: reason` for a bad line.
fn tally_line(
    resolver: &Resolver,
    number: usize,
    line: &[u8],
) -> std::result::Result<Tally, String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("{number}: invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let line = line.trim_end_matches(['\n', '\r']);
    let doc: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("{number}: invalid JSON: {e}"))?;
    let text = doc["text"]
        .as_str()
        .ok_or_else(|| format!("{number}: no string `text` field"))?;
    Ok(tally(resolver, text))
}

pub fn run(options: &MapOptions) -> Result<ExitCode> {
    let gazetteer_args = Args {
        flags: Vec::new(),
        positional: Vec::new(),
        places: options.places.clone(),
        orgs: options.orgs.clone(),
        override_existing: options.override_existing,
        threads: options.threads,
    };
    let resolver = Resolver::new(gazetteer_args.tagger()?);
    let (name, input) = open_input(options.input.as_deref())?;
    let mut total = Tally::default();
    let mut bad = 0;
    if options.jsonl {
        let runner = LineRunner::new(options.threads, options.quiet)?;
        let work = |number: usize, line: &[u8]| tally_line(&resolver, number, line);
        runner.run(&name, input, work, |result| {
            match result {
                Ok(tally) => total.add(tally),
                Err(message) => {
                    runner.warn(&format!("{name}:{message}"));
                    bad += 1;
                }
            }
            Ok(())
        })?;
    } else {
        let text = read_text(&name, input)?;
        total.add(tally(&resolver, &text));
    }
    let title = match (options.lang, name.as_str()) {
        (Lang::English, "<stdin>") => "Places mentioned".to_string(),
        (Lang::English, file) => format!("Places mentioned in {}", file_name(file)),
        (Lang::Arabic, "<stdin>") => "الأماكن المذكورة".to_string(),
        (Lang::Arabic, file) => format!("الأماكن المذكورة في {}", file_name(file)),
    };
    let summary = Summary {
        title,
        documents: total.documents,
        mentions: total.mentions,
    };
    let places: Vec<MapPlace> = total.places.into_values().collect();
    let svg = render(&places, &summary, options.lang, options.labels);
    match options.output.as_deref() {
        None | Some("-") => {
            let mut out = std::io::stdout().lock();
            out.write_all(svg.as_bytes())?;
            out.flush()?;
        }
        Some(path) => std::fs::write(path, svg).map_err(|e| format!("{path}: {e}"))?,
    }
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
