//! Loading the word tables: every row checked, every key folded, duplicates refused.

use super::{
    AfterName, Cue, Filler, FitRule, Lexicon, Mark, Part, PersonWord, Phrase, Relation, WordId,
    WordInfo,
};
use crate::gazetteer::tsv::{Row, Table};
use crate::{Error, fold};

/// Parses the tables `(file name, text)`; the names say which table each is.
pub(super) fn parse(files: &[(&str, &str)]) -> Result<Lexicon, Error> {
    let mut lex = Loader::default();
    for &(file, text) in files {
        let table = Table::parse(file, text)?;
        match file {
            "cues.tsv" => lex.cues(&table)?,
            "cue_fit.tsv" => lex.fits(&table)?,
            "locatives.tsv" => lex.locatives(&table)?,
            "fillers.tsv" => lex.fillers(&table)?,
            "compass.tsv" => lex.numbers(&table, "bearing")?,
            "units.tsv" => lex.numbers(&table, "km")?,
            "nationalities.tsv" => lex.nationalities(&table)?,
            "name_parts.tsv" => lex.parts(&table)?,
            "stop_words.tsv" => lex.stop_words(&table)?,
            "idioms.tsv" => lex.idioms(&table)?,
            "relations.tsv" => lex.relations(&table)?,
            "marks.tsv" => lex.marks(&table)?,
            "events.tsv" => lex.events(&table)?,
            "persons.tsv" => lex.persons(&table)?,
            "demonyms.tsv" => lex.demonyms(&table)?,
            "after_name.tsv" => lex.after_name(&table)?,
            _ => return Err(Error::build(format!("{file}: not a word table"))),
        }
    }
    let mut lexicon = lex.lexicon;
    lexicon.scan = lexicon
        .words
        .iter()
        .map(|w| {
            let mut flags = 0;
            if w.heads_organization() {
                flags |= super::SCAN_HEAD;
            }
            if w.marks.has(Mark::Settlement) {
                flags |= super::SCAN_SETTLEMENT;
            }
            if w.demonym.is_some() {
                flags |= super::SCAN_DEMONYM;
            }
            if w.cue_before.is_some() || w.cue_after.is_some() || w.parts.has(Part::NameHead) {
                flags |= super::SCAN_BESIDE;
            }
            flags
        })
        .collect();
    Ok(lexicon)
}

/// The entry of a phrase of several words, made if new.
fn phrase_mut<'l>(lexicon: &'l mut Lexicon, key: &str) -> &'l mut Phrase {
    let mut words = key.split(' ');
    let first = words.next().unwrap_or_default().to_string();
    let rest: Vec<String> = words.map(String::from).collect();
    let list = lexicon.phrases.entry(first).or_default();
    let at = match list.iter().position(|p| p.rest == rest) {
        Some(at) => at,
        None => {
            list.push(Phrase {
                rest,
                ..Phrase::default()
            });
            list.len() - 1
        }
    };
    &mut list[at]
}

/// Builds a [`Lexicon`], checking rows and remembering where each key was first defined.
#[derive(Default)]
struct Loader {
    lexicon: Lexicon,
    /// (file, key) -> line of first definition.
    seen: std::collections::HashMap<(String, String), usize>,
}

impl Loader {
    /// The folded word of `column`, checked: not empty, one word unless `phrase`, and not
    /// defined before in the same table under the same `distinct` value.
    fn key(
        &mut self,
        row: &Row<'_, '_>,
        column: &str,
        distinct: &str,
        phrase: bool,
    ) -> Result<String, Error> {
        let written = row.get(column);
        let key = fold(written);
        if key.is_empty() {
            return Err(row.error(format!("column `{column}` is empty")));
        }
        if !phrase && key.contains(' ') {
            return Err(row.error(format!(
                "`{written}` is more than one word; this table takes single words"
            )));
        }
        let id = (row.file().to_string(), format!("{key}\t{distinct}"));
        if let Some(first) = self.seen.insert(id, row.line()) {
            return Err(row.error(format!("`{written}` (folded `{key}`) repeats line {first}")));
        }
        Ok(key)
    }

    fn info(&mut self, key: String) -> &mut WordInfo {
        let lex = &mut self.lexicon;
        let next = lex.words.len() as WordId;
        let id = *lex.ids.entry(key).or_insert(next);
        if id == next {
            lex.words.push(WordInfo::default());
        }
        &mut lex.words[id as usize]
    }

    fn cues(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "position", "cue"])?;
        for row in t.rows() {
            let position = row.get("position");
            let key = self.key(&row, "word", position, false)?;
            let cue: Cue = cell(&row, "cue")?;
            match position {
                "before" => self.info(key).cue_before = Some(cue),
                "after" => self.info(key).cue_after = Some(cue),
                other => {
                    return Err(row.error(format!(
                        "unknown position `{other}` (one of: before, after)"
                    )));
                }
            }
        }
        Ok(())
    }

    fn fits(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["cue", "kind", "size", "fit"])?;
        for row in t.rows() {
            let id = format!(
                "{}\t{}\t{}",
                row.get("cue"),
                row.get("kind"),
                row.get("size")
            );
            if let Some(first) = self.seen.insert((row.file().into(), id), row.line()) {
                return Err(row.error(format!("the same cue, kind and size as line {first}")));
            }
            let size = match row.get("size") {
                "*" => None,
                s => Some(s.parse().map_err(|e: String| row.error(e))?),
            };
            self.lexicon.fits.push(FitRule {
                cue: cell(&row, "cue")?,
                kind: cell(&row, "kind")?,
                size,
                fit: number(&row, "fit")?,
            });
        }
        Ok(())
    }

    fn locatives(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "strength"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", "", false)?;
            self.info(key).locative = Some(cell(&row, "strength")?);
        }
        Ok(())
    }

    fn events(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "role"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", "", false)?;
            let info = self.info(key);
            match row.get("role") {
                "event" => info.event = true,
                "scene" => info.scene = true,
                "origin" => info.origin = true,
                other => {
                    return Err(row.error(format!(
                        "unknown role `{other}` (one of: event, scene, origin)"
                    )));
                }
            }
        }
        Ok(())
    }

    fn fillers(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "role"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", row.get("role"), false)?;
            let role: Filler = cell(&row, "role")?;
            self.info(key).fillers.insert(role);
        }
        Ok(())
    }

    /// Compass words (`bearing`) or units (`km`).
    fn numbers(&mut self, t: &Table<'_>, column: &str) -> Result<(), Error> {
        t.require_exactly(&["word", column])?;
        for row in t.rows() {
            let key = self.key(&row, "word", "", false)?;
            let value = number(&row, column)?;
            let info = self.info(key);
            if column == "bearing" {
                info.bearing = Some(value);
            } else {
                info.km = Some(value);
            }
        }
        Ok(())
    }

    fn nationalities(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "country", "gender"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", "", false)?;
            let country = row.get("country");
            if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(row.error(format!("`{country}` is no ISO 3166 alpha-2 code")));
            }
            if !matches!(row.get("gender"), "m" | "f") {
                return Err(row.error(format!("unknown gender `{}` (m or f)", row.get("gender"))));
            }
            self.info(key).nationality = Some(country.to_string());
        }
        Ok(())
    }

    fn parts(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "role"])?;
        for row in t.rows() {
            let part: Part = cell(&row, "role")?;
            // Only unit heads come in two words («غرفة عمليات»).
            let key = self.key(&row, "word", row.get("role"), part == Part::Unit)?;
            if let Some((first, _)) = key.split_once(' ') {
                self.info(first.to_string()).opens.insert(part);
                phrase_mut(&mut self.lexicon, &key).parts.insert(part);
            } else {
                self.info(key).parts.insert(part);
            }
        }
        Ok(())
    }

    fn marks(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "role"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", row.get("role"), false)?;
            let mark: Mark = cell(&row, "role")?;
            self.info(key).marks.insert(mark);
        }
        Ok(())
    }

    fn persons(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "role"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", row.get("role"), false)?;
            let role: PersonWord = cell(&row, "role")?;
            self.info(key).person.insert(role);
        }
        Ok(())
    }

    fn demonyms(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "country"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", "", false)?;
            let country = row.get("country");
            let &[a, b] = country.as_bytes() else {
                return Err(row.error(format!("`{country}` is no ISO 3166 alpha-2 code")));
            };
            if !(a.is_ascii_uppercase() && b.is_ascii_uppercase()) {
                return Err(row.error(format!("`{country}` is no ISO 3166 alpha-2 code")));
            }
            self.info(key).demonym = Some([a, b]);
        }
        Ok(())
    }

    fn after_name(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "role"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", "", false)?;
            let role: AfterName = cell(&row, "role")?;
            self.info(key).after_name = Some(role);
        }
        Ok(())
    }

    fn stop_words(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", "", false)?;
            self.info(key).stop = true;
        }
        Ok(())
    }

    fn idioms(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["name", "next"])?;
        for row in t.rows() {
            let next = fold(row.get("next"));
            let name = self.key(&row, "name", &next, true)?;
            if next.is_empty() || next.contains(' ') {
                return Err(row.error("column `next` takes one word"));
            }
            self.lexicon.idioms.entry(name).or_default().push(next);
        }
        Ok(())
    }

    fn relations(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["phrase", "relation", "script"])?;
        for row in t.rows() {
            let distinct = format!("{}\t{}", row.get("relation"), row.get("script"));
            let key = self.key(&row, "phrase", &distinct, true)?;
            if key.split(' ').count() > super::MAX_PHRASE_WORDS {
                return Err(row.error("a relation phrase has at most three words"));
            }
            let relation: Relation = cell(&row, "relation")?;
            let (arabic, latin) = match row.get("script") {
                "arabic" => (true, false),
                "latin" => (false, true),
                "any" => (true, true),
                other => {
                    return Err(row.error(format!(
                        "unknown script `{other}` (one of: arabic, latin, any)"
                    )));
                }
            };
            let (a, l) = if key.contains(' ') {
                let p = phrase_mut(&mut self.lexicon, &key);
                (&mut p.relations, &mut p.latin_relations)
            } else {
                let i = self.info(key);
                (&mut i.relations, &mut i.latin_relations)
            };
            if arabic {
                a.insert(relation);
            }
            if latin {
                l.insert(relation);
            }
        }
        Ok(())
    }
}

fn cell<T: std::str::FromStr<Err = String>>(row: &Row<'_, '_>, column: &str) -> Result<T, Error> {
    row.get(column)
        .parse()
        .map_err(|e: String| row.error(format!("column `{column}`: {e}")))
}

fn number(row: &Row<'_, '_>, column: &str) -> Result<f64, Error> {
    row.number(column)?
        .ok_or_else(|| row.error(format!("column `{column}` is empty")))
}
