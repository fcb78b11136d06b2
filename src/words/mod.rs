//! The word tables of the resolver and of the recognizers of names by their form, as data.
//!
//! Each table is a TSV file of this folder (header row, `#` comments), embedded with
//! `include_str!` and folded with [`crate::fold`] when loaded, so an entry is written as a
//! reader writes it and compared with folded text. Loading checks every row: an unknown column
//! or column value, a duplicate key, or several words in a table of single words is an error
//! naming the file and line. The rules that read the tables stay in Rust (`crate::resolve`,
//! `crate::forms`); the tables only say which words play which part.
//!
//! All tables are merged into one map from a folded word to a [`WordInfo`], so a word of the
//! text costs one look-up whatever the rules want to know about it. Phrases of several words
//! (relations between places, two-word heads) have their own map.

mod cue;

use once_cell::sync::Lazy;

pub(crate) use cue::{Cue, FitRule, Size};

use crate::automaton::WordMap;
use crate::gazetteer::Kind;
use crate::gazetteer::tsv::{Row, Table};
use crate::tag::{Proclitic, proclitic_splits};
use crate::{Error, fold};

/// The embedded tables, as (file name, text).
const FILES: [(&str, &str); 11] = [
    ("cues.tsv", include_str!("cues.tsv")),
    ("cue_fit.tsv", include_str!("cue_fit.tsv")),
    ("locatives.tsv", include_str!("locatives.tsv")),
    ("fillers.tsv", include_str!("fillers.tsv")),
    ("compass.tsv", include_str!("compass.tsv")),
    ("units.tsv", include_str!("units.tsv")),
    ("nationalities.tsv", include_str!("nationalities.tsv")),
    ("name_parts.tsv", include_str!("name_parts.tsv")),
    ("stop_words.tsv", include_str!("stop_words.tsv")),
    ("idioms.tsv", include_str!("idioms.tsv")),
    ("relations.tsv", include_str!("relations.tsv")),
];

macro_rules! flags {
    ($set:ident, $flag:ident, $what:literal { $($variant:ident => $name:literal, $doc:literal;)* }) => {
        #[doc = $what]
        #[derive(Clone, Copy, Debug, Eq, PartialEq)]
        #[repr(u8)]
        pub(crate) enum $flag {
            $(#[doc = $doc] $variant,)*
        }

        impl std::str::FromStr for $flag {
            type Err = String;

            fn from_str(s: &str) -> Result<$flag, String> {
                match s {
                    $($name => Ok($flag::$variant),)*
                    _ => Err(format!("unknown value `{s}` (one of: {})", [$($name),*].join(", "))),
                }
            }
        }

        #[doc = concat!("A set of ", stringify!($flag), ".")]
        #[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
        pub(crate) struct $set(u16);

        impl $set {
            /// Whether the set holds `f`.
            pub(crate) fn has(self, f: $flag) -> bool {
                self.0 & (1 << f as u8) != 0
            }

            fn insert(&mut self, f: $flag) -> bool {
                let new = !self.has(f);
                self.0 |= 1 << f as u8;
                new
            }
        }
    };
}

flags!(Parts, Part, "The part a word plays in a longer name (`name_parts.tsv`)." {
    NameHead => "name_head", "The head of a name containing a place («منتخب مصر»).";
    Unit => "unit", "The head of an armed unit («لواء صقور الجبل»).";
    NumberedUnit => "numbered_unit", "A unit head that takes a number («الفرقة 30»).";
    Institution => "institution", "The head of an institution («وزارة الخدمة المدنية»).";
    Committee => "committee", "A committee («لجنة الهجرة والمهجرين»).";
    OfPlace => "of_place", "An institution named after its place («جامعة دمشق»).";
    Facility => "facility", "The head of a facility named after its place («قلعة حلب»).";
    FacilityAdjective => "facility_adjective", "An adjective closing a facility's name.";
    Road => "road", "A road named by its ends («طريق حلب دمشق»).";
});

flags!(Fillers, Filler, "Where a word may stand inside a phrase (`fillers.tsv`)." {
    Cue => "cue", "Between a cue word and its name (the city of).";
    Relative => "relative", "Inside a relative-position phrase (بحوالي، من).";
});

flags!(Relations, Relation, "What the words between two places say (`relations.tsv`)." {
    Containment => "containment", "X is in Y, said plainly («X في ريف Y»).";
    ContainmentWeak => "containment_weak", "X is in Y, said by a preposition («X في Y»).";
    AdminChain => "admin_chain", "«منطقة X بمحافظة Y»: X is the district.";
    List => "list", "X and Y are items of a list.";
});

/// How strongly a word before a name says it is a place (`locatives.tsv`).
#[derive(Clone, Copy, Debug, Eq, PartialEq, PartialOrd, Ord)]
pub(crate) enum Strength {
    /// في، من: weak, but enough when nothing speaks against it.
    Preposition,
    /// إلى، نحو، قرب: the name stands where places stand.
    Locative,
}

impl std::str::FromStr for Strength {
    type Err = String;

    fn from_str(s: &str) -> Result<Strength, String> {
        match s {
            "locative" => Ok(Strength::Locative),
            "preposition" => Ok(Strength::Preposition),
            _ => Err(format!(
                "unknown strength `{s}` (one of: locative, preposition)"
            )),
        }
    }
}

/// Everything the tables say about one folded word.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordInfo {
    /// The cue it is when written before a name.
    pub(crate) cue_before: Option<Cue>,
    /// The cue it is when written after a name.
    pub(crate) cue_after: Option<Cue>,
    /// A locative word or a preposition.
    pub(crate) locative: Option<Strength>,
    /// Parts it plays in longer names.
    pub(crate) parts: Parts,
    /// Parts played by phrases it opens («غرفة» of «غرفة عمليات»).
    pub(crate) opens: Parts,
    /// Phrases it may stand inside.
    pub(crate) fillers: Fillers,
    /// It ends the name of an organization found by its form.
    pub(crate) stop: bool,
    /// The bearing of a compass word.
    pub(crate) bearing: Option<f64>,
    /// Kilometres per unit of a distance unit.
    pub(crate) km: Option<f64>,
    /// The ISO code of the country a nationality adjective names.
    pub(crate) nationality: Option<String>,
    /// What it says alone between two places (a one-word phrase of `relations.tsv`).
    pub(crate) relations: Relations,
    /// Latin-script relations, kept apart: "in", "," between Latin names.
    pub(crate) latin_relations: Relations,
}

/// The index of a word of the tables (see [`Lexicon::id`]).
pub(crate) type WordId = u32;

/// No word of the tables.
pub(crate) const NO_WORD: WordId = WordId::MAX;

/// The word table entries of a token, one per proclitic split (bare, then behind a
/// conjunction, then behind a conjunction and a preposition), as the tagger found them.
pub(crate) type TokenWords = [WordId; 3];

/// A phrase of several words: what follows its first word, and what it says.
#[derive(Clone, Debug, Default)]
struct Phrase {
    rest: Vec<String>,
    relations: Relations,
    latin_relations: Relations,
    parts: Parts,
}

/// The word tables, loaded and folded.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    ids: WordMap<WordId>,
    words: Vec<WordInfo>,
    /// Per word id: whether it heads an organization's name found by its form, kept apart
    /// so that a scan over a document's tokens reads one byte a word.
    heads: Vec<bool>,
    /// Phrases of several words by their first word: the other words, relations (Arabic
    /// and Latin script) and parts (two-word heads).
    phrases: WordMap<Vec<Phrase>>,
    /// Name key -> the words after it that make an idiom.
    idioms: WordMap<Vec<String>>,
    fits: Vec<FitRule>,
}

static EMBEDDED: Lazy<Lexicon> =
    Lazy::new(|| Lexicon::parse(&FILES).expect("the embedded word tables are valid"));

/// The embedded word tables.
pub(crate) fn lexicon() -> &'static Lexicon {
    &EMBEDDED
}

impl Lexicon {
    /// Parses the tables `(file name, text)`; the names say which table each is.
    pub(crate) fn parse(files: &[(&str, &str)]) -> Result<Lexicon, Error> {
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
                _ => return Err(Error::build(format!("{file}: not a word table"))),
            }
        }
        let mut lexicon = lex.lexicon;
        let head = |i: &WordInfo| {
            [
                Part::Unit,
                Part::NumberedUnit,
                Part::Institution,
                Part::Committee,
                Part::OfPlace,
            ]
            .iter()
            .any(|&p| i.parts.has(p))
                || i.opens.has(Part::Unit)
        };
        lexicon.heads = lexicon.words.iter().map(head).collect();
        Ok(lexicon)
    }

    /// What the tables say about a folded word, if anything.
    pub(crate) fn word(&self, folded: &str) -> Option<&WordInfo> {
        self.ids.get(folded).map(|&id| &self.words[id as usize])
    }

    /// The entry of word `id`.
    pub(crate) fn info(&self, id: WordId) -> Option<&WordInfo> {
        self.words.get(id as usize)
    }

    /// Whether word `id` heads an organization's name found by its form (alone, or as the
    /// first word of a two-word head).
    pub(crate) fn is_head(&self, id: WordId) -> bool {
        self.heads.get(id as usize).copied().unwrap_or(false)
    }

    /// Every folded word with its id, for the tagger's table of first words.
    pub(crate) fn ids(&self) -> impl Iterator<Item = (&str, WordId)> {
        self.ids.iter().map(|(w, &id)| (w.as_str(), id))
    }

    /// The first reading of a folded word, bare or behind the proclitics a name may carry
    /// (وبلدة، بريف، لمحافظة), for which `wanted` holds.
    pub(crate) fn with_proclitics<T>(
        &self,
        folded: &str,
        mut wanted: impl FnMut(&WordInfo) -> Option<T>,
    ) -> Option<(Proclitic, T)> {
        proclitic_splits(folded).find_map(|p| {
            let info = self.word(&folded[p.len_bytes()..])?;
            wanted(info).map(|t| (p, t))
        })
    }

    /// What the words `gap` (folded, in text order) between two places say, for a first
    /// place written in Latin script or not.
    pub(crate) fn relations(&self, gap: &[&str], latin: bool) -> Relations {
        let pick = |arabic: Relations, latin_: Relations| if latin { latin_ } else { arabic };
        match gap {
            [] => Relations::default(),
            [word] => self.word(word).map_or(Relations::default(), |i| {
                pick(i.relations, i.latin_relations)
            }),
            [first, rest @ ..] if rest.len() <= 2 => {
                self.phrase(first, rest).map_or(Relations::default(), |p| {
                    pick(p.relations, p.latin_relations)
                })
            }
            _ => Relations::default(),
        }
    }

    /// The parts a two-word phrase plays («غرفه عمليات»: a unit head).
    pub(crate) fn phrase_parts(&self, first: &str, second: &str) -> Parts {
        self.phrase(first, &[second])
            .map_or(Parts::default(), |p| p.parts)
    }

    /// The phrase of several words `first rest...`, if the tables have it.
    fn phrase(&self, first: &str, rest: &[&str]) -> Option<&Phrase> {
        self.phrases
            .get(first)?
            .iter()
            .find(|p| p.rest.iter().map(String::as_str).eq(rest.iter().copied()))
    }

    /// The entry of a phrase of several words, made if new.
    fn phrase_mut(&mut self, key: &str) -> &mut Phrase {
        let mut words = key.split(' ');
        let first = words.next().unwrap_or_default().to_string();
        let rest: Vec<String> = words.map(String::from).collect();
        let list = self.phrases.entry(first).or_default();
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

    /// Whether a name key opens any idiom.
    pub(crate) fn has_idiom(&self, key: &str) -> bool {
        self.idioms.contains_key(key)
    }

    /// Whether a name and the word after it form an idiom («مسقط رأسه»).
    pub(crate) fn is_idiom(&self, key: &str, next: &str) -> bool {
        self.idioms
            .get(key)
            .is_some_and(|words| words.iter().any(|w| w == next))
    }

    /// How well an entity of `kind` (and `size`, for a settlement) fits `cue`
    /// (`cue_fit.tsv`).
    pub(crate) fn cue_fit(&self, cue: Cue, kind: Kind, size: Size) -> f64 {
        cue::fit(&self.fits, cue, kind, size)
    }

    /// The entries of a token's proclitic splits, in the order of [`proclitic_splits`], with
    /// the proclitics of each.
    pub(crate) fn splits<'a>(
        &'a self,
        folded: &'a str,
        ids: &'a TokenWords,
    ) -> impl Iterator<Item = (Proclitic, &'a WordInfo)> + 'a {
        proclitic_splits(folded)
            .zip(ids.iter())
            .filter_map(|(p, &id)| Some((p, self.info(id)?)))
    }
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
            let cue: Cue = parse(&row, "cue")?;
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
                cue: parse(&row, "cue")?,
                kind: parse(&row, "kind")?,
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
            self.info(key).locative = Some(parse(&row, "strength")?);
        }
        Ok(())
    }

    fn fillers(&mut self, t: &Table<'_>) -> Result<(), Error> {
        t.require_exactly(&["word", "role"])?;
        for row in t.rows() {
            let key = self.key(&row, "word", row.get("role"), false)?;
            let role: Filler = parse(&row, "role")?;
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
            let part: Part = parse(&row, "role")?;
            // Only unit heads come in two words («غرفة عمليات»).
            let key = self.key(&row, "word", row.get("role"), part == Part::Unit)?;
            if let Some((first, _)) = key.split_once(' ') {
                self.info(first.to_string()).opens.insert(part);
                self.lexicon.phrase_mut(&key).parts.insert(part);
            } else {
                self.info(key).parts.insert(part);
            }
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
            if key.split(' ').count() > 3 {
                return Err(row.error("a relation phrase has at most three words"));
            }
            let relation: Relation = parse(&row, "relation")?;
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
                let p = self.lexicon.phrase_mut(&key);
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

fn parse<T: std::str::FromStr<Err = String>>(row: &Row<'_, '_>, column: &str) -> Result<T, Error> {
    row.get(column)
        .parse()
        .map_err(|e: String| row.error(format!("column `{column}`: {e}")))
}

fn number(row: &Row<'_, '_>, column: &str) -> Result<f64, Error> {
    row.number(column)?
        .ok_or_else(|| row.error(format!("column `{column}` is empty")))
}

#[cfg(test)]
pub(crate) mod coverage;
#[cfg(test)]
mod tests;
