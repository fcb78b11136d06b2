//! Every Latin name Who's On First and GeoNames hold for a Syrian place
//! (`syria-latin-variants/syria_latin_variants.tsv`: Raqqah, Ar-Raqqah, Rakka, Racca …), added to
//! the place the row's WOF id names, before the variant rules run (so that the curated removals
//! apply to them too).
//!
//! The source mixes news spellings with exonyms of other languages and some junk: a variant is
//! taken only when it is a clean Latin name (no codes such as `DEZ`, no lower-case
//! transliterations such as `dyr alzwr`), has at least [`MIN_LETTERS`] letters and is no common
//! English word or given name. A record with very many variants for a small place carries the names of another
//! Wikidata item (the village `Quran` lists `Koran`, `Alcoran`): such rows are skipped whole.

use std::collections::BTreeMap;
use std::path::Path;

use makan::Kind;

use crate::place::Place;
use crate::report::Report;
use crate::sources::Table;
use crate::variants::is_common_word;

const SECTION: &str = "latin names (syria-latin-variants)";
/// A variant needs at least this many letters.
const MIN_LETTERS: usize = 4;
/// A row with more variants than this for a place that is neither an admin unit nor a town of
/// [`SUSPECT_POPULATION`] people is another item's names.
const SUSPECT_VARIANTS: usize = 20;
const SUSPECT_POPULATION: u64 = 20_000;

/// Adds the Latin names of `path` (absent: nothing) to the Syrian places they belong to.
pub fn add(places: &mut [Place], path: &Path, report: &mut Report) -> Result<(), String> {
    if !path.exists() {
        report.count(SECTION, "source absent", 1);
        return Ok(());
    }
    let table = Table::read(path)?;
    let (id, variants) = (table.column("wof_id")?, table.column("latin_variants")?);
    let mut by_ref: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in places.iter().enumerate().filter(|(_, p)| p.is_syrian()) {
        for r in p.refs.iter().filter(|r| r.starts_with("wof:")) {
            by_ref.entry(r.clone()).or_default().push(i);
        }
    }
    for row in &table.rows {
        let key = format!("wof:{}", row.get(id));
        let Some(targets) = by_ref.get(&key) else {
            report.count(SECTION, "rows whose place is not shipped", 1);
            continue;
        };
        let names = row.list(variants);
        for &i in targets {
            let place = &mut places[i];
            if is_suspect(place, names.len()) {
                report.count(SECTION, "rows skipped: many names for a small place", 1);
                continue;
            }
            for raw in &names {
                let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
                if letters < MIN_LETTERS || is_common_word(&makan::fold(raw)) {
                    report.count(SECTION, "variants refused (short or English word)", 1);
                    continue;
                }
                if place.add_latin(raw, report) {
                    report.count(SECTION, "names added", 1);
                }
            }
        }
    }
    Ok(())
}

fn is_suspect(place: &Place, variants: usize) -> bool {
    let unit = matches!(place.kind, Kind::Admin1 | Kind::Admin2 | Kind::Admin3);
    variants > SUSPECT_VARIANTS && !unit && place.population.unwrap_or(0) < SUSPECT_POPULATION
}
