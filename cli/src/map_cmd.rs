//! `makan map`: the places of a text or a JSON Lines corpus as a map picture (SVG).
//!
//! The text is tagged and resolved as `makan tag` does it (the same tagger, resolver and
//! accepted mentions); every accepted place mention is counted under its entity, and the
//! places are drawn by [`crate::map::render`].

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use makan::{EntityType, Resolver};

use crate::cli::{GazetteerOpts, Result, RunOpts, open_input, read_text};
use crate::map::{Category, Lang, MapPlace, Summary, render};

/// How many of the most mentioned places get a label by default.
pub const DEFAULT_LABELS: usize = 40;

/// A map picture (SVG) of the places of a text or of a JSON Lines corpus.
///
/// Syria's governorates and the neighbouring countries, each place a circle sized by its
/// number of mentions and coloured by kind, a legend, a scale bar, and the places outside the
/// frame listed at the side.
#[derive(clap::Args, Debug)]
pub struct MapArgs {
    /// The input; standard input when absent or `-`.
    #[arg(value_name = "FILE")]
    pub input: Option<String>,
    /// The input is JSON Lines: one {"doc_id", "text"} object per line.
    #[arg(long)]
    pub jsonl: bool,
    /// Where the SVG goes (standard output when absent or `-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// The language of the labels.
    #[arg(long, value_enum, default_value = "ar")]
    pub lang: LabelLang,
    /// At most this many places get a label, the most mentioned first, where they do not
    /// overlap.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_LABELS)]
    pub labels: usize,
    /// Replace invalid UTF-8 by U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    #[command(flatten)]
    pub gazetteer: GazetteerOpts,
    #[command(flatten)]
    pub run: RunOpts,
}

/// `--lang`: Arabic or English labels.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum LabelLang {
    /// Arabic.
    Ar,
    /// English.
    En,
}

impl From<LabelLang> for Lang {
    fn from(lang: LabelLang) -> Lang {
        match lang {
            LabelLang::Ar => Lang::Arabic,
            LabelLang::En => Lang::English,
        }
    }
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

pub fn run(options: &MapArgs) -> Result<ExitCode> {
    let resolver = Resolver::new(options.gazetteer.tagger()?);
    let (name, input) = open_input(options.input.as_deref())?;
    let mut total = Tally::default();
    let mut bad = 0;
    if options.jsonl {
        let runner = options.run.line_runner()?;
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
        let text = read_text(&name, input, options.lossy)?;
        total.add(tally(&resolver, &text));
    }
    let lang = Lang::from(options.lang);
    let title = match (lang, name.as_str()) {
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
    let svg = render(&places, &summary, lang, options.labels);
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
