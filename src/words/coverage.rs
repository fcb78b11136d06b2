//! Every row of the word tables has an effect: tests that read the embedded tables row by row,
//! so that a row added later without a working effect fails. This file holds the row reader
//! shared with the resolver's table tests (`crate::resolve::table_tests`) and the tests of
//! what the tables decide alone (`cue_fit.tsv`).

use super::cue::KindPattern;
use super::*;
use crate::fold;
use crate::gazetteer::tsv::Table;

/// The rows of embedded table `file`: each row's line and the values of `columns`, in order.
pub(crate) fn table_rows(file: &str, columns: &[&str]) -> Vec<(usize, Vec<&'static str>)> {
    let (name, text) = FILES
        .iter()
        .find(|(name, _)| *name == file)
        .unwrap_or_else(|| panic!("{file} is no word table"));
    let table = Table::parse(name, text).unwrap();
    table
        .rows()
        .map(|row| (row.line(), columns.iter().map(|c| row.get(c)).collect()))
        .collect()
}

/// Fails listing the rows of `file` that had no effect, if any.
pub(crate) fn assert_all_reached(file: &str, rows: usize, missed: &[String]) {
    assert!(
        missed.is_empty(),
        "{file}: {} of {rows} rows have no effect:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

/// Every kind of the gazetteer tables (`Kind` has no list of its own).
const KINDS: [&str; 21] = [
    "continent",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "populated",
    "neighbourhood",
    "camp",
    "region",
    "natural",
    "facility",
    "state",
    "military",
    "armed_group",
    "coalition",
    "party",
    "un",
    "ngo",
    "media",
    "company",
    "other",
];

const SIZES: [Size; 5] = [
    Size::Capital,
    Size::Large,
    Size::City,
    Size::Town,
    Size::Village,
];

fn rule_matches(rule: &FitRule, cue: Cue, kind: Kind, size: Size) -> bool {
    let kind_fits = match rule.kind {
        KindPattern::Any => true,
        KindPattern::Type(t) => kind.entity_type() == t,
        KindPattern::Kind(k) => k == kind,
    };
    rule.cue == cue && kind_fits && rule.size.is_none_or(|s| s == size)
}

#[test]
fn every_cue_fit_row_is_the_first_match_for_some_kind_and_size() {
    let lex = lexicon();
    let kinds: Vec<Kind> = KINDS.iter().map(|k| k.parse().unwrap()).collect();
    let rows = table_rows("cue_fit.tsv", &["cue", "kind", "size", "fit"]);
    assert_eq!(rows.len(), lex.fits.len());
    let mut missed = Vec::new();
    for (index, ((line, cols), rule)) in rows.iter().zip(&lex.fits).enumerate() {
        let (cue, fit) = (cols[0].parse().unwrap(), cols[3].parse::<f64>().unwrap());
        // The (kind, size) pairs this row matches and no earlier row does.
        let first = kinds
            .iter()
            .flat_map(|&k| SIZES.map(|s| (k, s)))
            .find(|&(k, s)| {
                rule_matches(rule, cue, k, s)
                    && !lex.fits[..index]
                        .iter()
                        .any(|earlier| rule_matches(earlier, cue, k, s))
            });
        match first {
            Some((kind, size)) if lex.cue_fit(cue, kind, size) == fit => {}
            Some((kind, size)) => missed.push(format!(
                "line {line} {cols:?}: cue_fit({kind}, {size:?}) = {}",
                lex.cue_fit(cue, kind, size)
            )),
            None => missed.push(format!(
                "line {line} {cols:?}: shadowed by earlier rows, never the first match"
            )),
        }
    }
    assert_all_reached("cue_fit.tsv", rows.len(), &missed);
}

#[test]
fn every_relation_row_is_read_between_two_places() {
    let lex = lexicon();
    let rows = table_rows("relations.tsv", &["phrase", "relation", "script"]);
    let mut missed = Vec::new();
    for (line, cols) in &rows {
        let folded = fold(cols[0]);
        let gap: Vec<&str> = folded.split(' ').collect();
        let relation: Relation = cols[1].parse().unwrap();
        let scripts: &[bool] = match cols[2] {
            "arabic" => &[false],
            "latin" => &[true],
            _ => &[false, true],
        };
        for &latin in scripts {
            if !lex.relations(&gap, latin).has(relation) {
                missed.push(format!("line {line} {cols:?}: not read (latin: {latin})"));
            }
        }
    }
    assert_all_reached("relations.tsv", rows.len(), &missed);
}
