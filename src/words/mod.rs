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
mod load;
mod tokens;

use once_cell::sync::Lazy;

pub(crate) use cue::{Cue, FitRule, Size};
pub(crate) use tokens::{DocWords, TokenWords};

use crate::Error;
use crate::automaton::WordMap;
use crate::gazetteer::Kind;
use crate::tag::{Proclitic, proclitic_splits};

/// The embedded tables, as (file name, text).
const FILES: [(&str, &str); 16] = [
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
    ("marks.tsv", include_str!("marks.tsv")),
    ("events.tsv", include_str!("events.tsv")),
    ("persons.tsv", include_str!("persons.tsv")),
    ("demonyms.tsv", include_str!("demonyms.tsv")),
    ("after_name.tsv", include_str!("after_name.tsv")),
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

/// What an English word right after a Latin name says of it (`after_name.tsv`).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum AfterName {
    /// A noun of people or forces that a country's name before it modifies, as an adjective
    /// would ("US troops").
    Modified,
    /// The capitalised head of a longer name that contains the place's ("Cairo Stadium").
    NameTail,
}

impl std::str::FromStr for AfterName {
    type Err = String;
    fn from_str(s: &str) -> Result<AfterName, String> {
        match s {
            "modified" => Ok(AfterName::Modified),
            "name_tail" => Ok(AfterName::NameTail),
            other => Err(format!("unknown role `{other}`")),
        }
    }
}

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

flags!(Marks, Mark, "What a word says of the name after it by the grammar of the sentence (`marks.tsv`)." {
    Event => "event", "A noun of an event: the name after في or a glued ب is where («اشتباكات في X»).";
    Gathering => "gathering", "A meeting or agreement named after its place («مؤتمر جنيف»).";
    Visit => "visit", "A verb whose object is a place («زار أنقرة»).";
    NameOpener => "name_opener", "The first word of a compound personal name («أبو بكر»).";
    Settlement => "settlement", "The singular noun of a settlement or province: an unknown word after it is a name («بلدة بنديرادلي»).";
});

flags!(PersonWords, PersonWord, "What a word says of the capitalised name beside it (`persons.tsv`)." {
    GivenName => "given_name", "A given name: the name after it is a surname (Hillary Clinton).";
    Saying => "saying", "A verb of saying: the name before it speaks (Clinton said).";
});

/// The parts that head the name of an organization found by its form (`crate::forms`), in
/// the order they are tried.
pub(crate) const ORGANIZATION_HEADS: [Part; 5] = [
    Part::Unit,
    Part::NumberedUnit,
    Part::Institution,
    Part::Committee,
    Part::OfPlace,
];

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

impl WordInfo {
    /// Whether the word is a noun or adjective of the tables in its own right — a cue
    /// (ولاية، وادي), a part of names (وزارة), a nationality, a compass word or a unit —
    /// whose first letters are its own and no proclitics. Relation phrases and locatives are
    /// written with their prepositions (بريف، وفي) and do not count.
    pub(crate) fn is_content_word(&self) -> bool {
        self.cue_before.is_some()
            || self.cue_after.is_some()
            || self.parts != Parts::default()
            || self.opens != Parts::default()
            || self.nationality.is_some()
            || self.bearing.is_some()
            || self.km.is_some()
    }

    /// Whether the word heads an organization's name found by its form, alone or as the
    /// first word of a two-word head («غرفة عمليات»).
    pub(crate) fn heads_organization(&self) -> bool {
        ORGANIZATION_HEADS.iter().any(|&p| self.parts.has(p)) || self.opens.has(Part::Unit)
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
    /// What it says of the name after it (`marks.tsv`).
    pub(crate) marks: Marks,
    /// A noun or verb of an event of war (قصف، اشتباكات، shelling): the place named near it
    /// is where something happened (`events.tsv`, read by the document focus).
    pub(crate) event: bool,
    /// A preposition that makes the place after it the scene of the story («على», "on";
    /// `events.tsv`, read by the document focus).
    pub(crate) scene: bool,
    /// A preposition that makes the place a few words after it an origin ("from";
    /// `events.tsv`, read by the document focus).
    pub(crate) origin: bool,
    /// What it says of a person's name beside it (`persons.tsv`).
    pub(crate) person: PersonWords,
    /// The country an English nationality adjective names (`demonyms.tsv`).
    pub(crate) demonym: Option<[u8; 2]>,
    /// What an English word right after a Latin name says of it (`after_name.tsv`).
    pub(crate) after_name: Option<AfterName>,
}

/// The most words a relation phrase between two places has («على الطريق بين»).
pub(crate) const MAX_PHRASE_WORDS: usize = 3;

/// The index of a word of the tables (see [`Lexicon::ids`]).
pub(crate) type WordId = u32;

/// No word of the tables.
pub(crate) const NO_WORD: WordId = WordId::MAX;

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
    /// Per word id, the flags a scan over a document's tokens reads ([`SCAN_HEAD`],
    /// [`SCAN_SETTLEMENT`], [`SCAN_DEMONYM`]) and [`SCAN_BESIDE`], which the tagger unites per
    /// token in [`TokenWords`].
    scan: Vec<u8>,
    /// Phrases of several words by their first word: the other words, relations (Arabic
    /// and Latin script) and parts (two-word heads).
    phrases: WordMap<Vec<Phrase>>,
    /// Name key -> the words after it that make an idiom.
    idioms: WordMap<Vec<String>>,
    fits: Vec<FitRule>,
}

/// A word that heads an organization's name found by its form (alone or first of two).
const SCAN_HEAD: u8 = 1;
/// A singular noun of a settlement.
const SCAN_SETTLEMENT: u8 = 2;
/// An English nationality adjective (`demonyms.tsv`), as written.
const SCAN_DEMONYM: u8 = 4;
/// A word that makes the name beside it one: a cue word before or after a name, or the head
/// of a longer name («مراسل»). Read per token, not in a scan: no token is listed for it.
const SCAN_BESIDE: u8 = 8;
/// The flags a scan over the tokens reads: a token with one is listed ([`DocWords`]).
const SCANNED: u8 = SCAN_HEAD | SCAN_SETTLEMENT | SCAN_DEMONYM;

static EMBEDDED: Lazy<Lexicon> =
    Lazy::new(|| Lexicon::parse(&FILES).expect("the embedded word tables are valid"));

/// The embedded word tables.
pub(crate) fn lexicon() -> &'static Lexicon {
    &EMBEDDED
}

impl Lexicon {
    /// Parses the tables `(file name, text)`; the names say which table each is.
    pub(crate) fn parse(files: &[(&str, &str)]) -> Result<Lexicon, Error> {
        load::parse(files)
    }

    /// What the tables say about a folded word, if anything.
    pub(crate) fn word(&self, folded: &str) -> Option<&WordInfo> {
        self.ids.get(folded).map(|&id| &self.words[id as usize])
    }

    /// The entry of word `id`.
    pub(crate) fn info(&self, id: WordId) -> Option<&WordInfo> {
        self.words.get(id as usize)
    }

    /// The entries of a folded word's proclitic splits, as the tagger records them for a
    /// token ([`TokenWords`]), looked up here for a word the tagger did not walk.
    pub(crate) fn token_words(&self, folded: &str) -> TokenWords {
        let mut ids = TokenWords::NONE;
        for (split, p) in proclitic_splits(folded).take(3).enumerate() {
            if let Some(&id) = self.ids.get(&folded[p.len_bytes()..]) {
                ids.set(self, split, id);
            }
        }
        ids
    }

    /// Whether a token is a noun or verb of an event of war (`events.tsv`), bare or behind
    /// its proclitics (وقصف، بقصف).
    pub(crate) fn is_event(&self, ids: &TokenWords) -> bool {
        ids.iter().any(|&id| self.info(id).is_some_and(|i| i.event))
    }

    /// Whether a token is a preposition of origin ("from", `events.tsv`).
    pub(crate) fn is_origin(&self, ids: &TokenWords) -> bool {
        ids.iter()
            .any(|&id| self.info(id).is_some_and(|i| i.origin))
    }

    /// Whether a token is a locative word or a preposition (`locatives.tsv`) or a word that
    /// makes the place after it a scene (`events.tsv`), bare or behind its proclitics.
    pub(crate) fn is_locative(&self, ids: &TokenWords) -> bool {
        ids.iter().any(|&id| {
            self.info(id)
                .is_some_and(|i| i.locative.is_some() || i.scene)
        })
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
    /// place written in Latin script or not. A gap of more than [`MAX_PHRASE_WORDS`] words
    /// says nothing.
    pub(crate) fn relations(&self, gap: &[&str], latin: bool) -> Relations {
        let pick = |arabic: Relations, latin_: Relations| if latin { latin_ } else { arabic };
        match gap {
            [] => Relations::default(),
            [word] => word_relations(self.word(word), latin),
            [first, rest @ ..] if rest.len() < MAX_PHRASE_WORDS => {
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

/// What a gap of one word, its entry `info`, says between two places, for a first place
/// written in Latin script or not ([`Lexicon::relations`]).
pub(crate) fn word_relations(info: Option<&WordInfo>, latin: bool) -> Relations {
    info.map_or(Relations::default(), |i| match latin {
        true => i.latin_relations,
        false => i.relations,
    })
}

#[cfg(test)]
pub(crate) mod coverage;
#[cfg(test)]
mod tests;
