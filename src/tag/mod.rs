//! The tagger: finds mentions of gazetteer names in text, with spans over the original.
//!
//! Pipeline for one text: fold it in one pass ([`crate::fold`]) keeping an offset map; at
//! every word start, for every proclitic split the grammar allows, walk the name automaton
//! anchored; keep the names that end a word ([`boundary`]); resolve overlaps
//! ([`select`]); map the folded ranges back to the original text.

mod boundary;
mod select;

use std::borrow::Cow;
use std::sync::Arc;

use once_cell::sync::Lazy;

pub use boundary::Proclitic;
pub(crate) use boundary::proclitic_splits;

use crate::automaton::NameAutomaton;
use crate::document::Document;
use crate::gazetteer::{EntityId, EntityType, Gazetteer, Name, NameId};
use crate::words::{DocWords, NO_WORD, lexicon};
use crate::{Error, Span};
use select::Candidate;
pub(crate) use select::{merge_forms, place_facilities};

/// A name found in a text.
///
/// A mention owns no borrow: the text is `&text[mention.span()]`, and the entities the name
/// can mean come from the tagger's gazetteer ([`Tagger::candidates`]).
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct Mention {
    span: Span,
    /// The same range in the folded text (never leaves the crate).
    folded: Span,
    name: Option<NameId>,
    ty: EntityType,
    proclitic: Proclitic,
    /// The document's tokens the mention covers: from the word its proclitics are glued to,
    /// to one past its last token.
    tokens: (u32, u32),
}

impl Mention {
    /// The byte range of the name in the original text, without proclitics.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The name key matched; `None` for a mention the resolver found by its form alone — an
    /// organization («لواء صقور الجبل», «وزارة الخدمة المدنية»: a head noun and a name) or a
    /// facility named after its place («قلعة حلب») — which no gazetteer lists. The tagger's
    /// mentions always have one.
    pub fn name(&self) -> Option<NameId> {
        self.name
    }

    /// Place or organization. When a name can mean both (الميادين the town and the channel),
    /// the tagger says place and the resolver may change it.
    pub fn entity_type(&self) -> EntityType {
        self.ty
    }

    /// The proclitics written before the name in the same word (و، ف، ب، ل، ك).
    pub fn proclitic(&self) -> Proclitic {
        self.proclitic
    }

    pub(crate) fn folded(&self) -> Span {
        self.folded
    }

    /// The folded start of the word the mention is glued into: before its proclitics.
    pub(crate) fn folded_word_start(&self) -> usize {
        self.folded.start() - self.proclitic.len_bytes()
    }

    /// The index of the token the mention starts in (its proclitics included).
    pub(crate) fn first_token(&self) -> usize {
        self.tokens.0 as usize
    }

    /// The index one past the mention's last token.
    pub(crate) fn end_token(&self) -> usize {
        self.tokens.1 as usize
    }

    /// A mention over `folded` (without its proclitics) in `doc`.
    pub(crate) fn new(
        doc: &Document<'_>,
        folded: Span,
        name: Option<NameId>,
        ty: EntityType,
        proclitic: Proclitic,
    ) -> Mention {
        let first = doc.token_from(folded.start() - proclitic.len_bytes());
        Mention::at(doc, first, folded, name, ty, proclitic)
    }

    /// A mention over `folded` in `doc` whose first token (with its proclitics) is `first`.
    fn at(
        doc: &Document<'_>,
        first: usize,
        folded: Span,
        name: Option<NameId>,
        ty: EntityType,
        proclitic: Proclitic,
    ) -> Mention {
        // Names span a few tokens: walk rather than search.
        let tokens = doc.tokens();
        let mut end = first;
        while end < tokens.len() && tokens[end].start() < folded.end() {
            end += 1;
        }
        Mention {
            span: doc.original_span(folded),
            folded,
            name,
            ty,
            proclitic,
            tokens: (first as u32, end as u32),
        }
    }
}

/// Finds places and organizations in text. Built once, shared across threads.
///
/// ```
/// use makan::Tagger;
///
/// let tagger = Tagger::new();
/// let text = "قصف على البوكمال وبدير الزور";
/// let found: Vec<&str> = tagger.tag(text).iter().map(|m| &text[m.span()]).collect();
/// assert_eq!(found, ["البوكمال", "دير الزور"]);
/// ```
#[derive(Clone, Debug)]
pub struct Tagger {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Shared,
    /// The embedded gazetteer's comes prebuilt ([`crate::snapshot`]); others are compiled.
    automaton: Cow<'static, NameAutomaton>,
    min_letters_after_proclitic: usize,
    /// Per name: the entity type the tagger reports.
    name_types: Vec<EntityType>,
}

#[derive(Debug)]
enum Shared {
    Embedded(&'static Gazetteer),
    Owned(Arc<Gazetteer>),
}

impl std::ops::Deref for Shared {
    type Target = Gazetteer;

    fn deref(&self) -> &Gazetteer {
        match self {
            Shared::Embedded(g) => g,
            Shared::Owned(g) => g,
        }
    }
}

static EMBEDDED: Lazy<Tagger> = Lazy::new(|| {
    TaggerBuilder::new()
        .build()
        .expect("the embedded gazetteer compiles into a tagger")
});

impl Default for Tagger {
    fn default() -> Tagger {
        Tagger::new()
    }
}

impl Tagger {
    /// The tagger over the embedded gazetteer. The first call parses the gazetteer and
    /// compiles the automaton; later calls share it.
    pub fn new() -> Tagger {
        EMBEDDED.clone()
    }

    /// A builder for a tagger with options or another gazetteer.
    pub fn builder() -> TaggerBuilder {
        TaggerBuilder::new()
    }

    /// The gazetteer the tagger matches.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gazetteer
    }

    /// The entities a mention's name can mean.
    pub fn candidates(&self, mention: &Mention) -> &[EntityId] {
        mention
            .name
            .map_or(&[], |name| self.gazetteer().name(name).entities())
    }

    /// Heap memory of the compiled automaton, in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.inner.automaton.memory_usage()
    }

    /// The mentions in `text`, in text order, not overlapping.
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        self.tag_into(text, &mut out);
        out
    }

    /// Like [`Tagger::tag`], filling a caller's buffer (cleared first).
    pub fn tag_into(&self, text: &str, out: &mut Vec<Mention>) {
        let doc = Document::new(text);
        self.tag_document(&doc, out, None);
    }

    /// Tags a document view. With `words`, also records for every token its entries in the
    /// word tables, one per proclitic split ([`crate::words::TokenWords`]): the resolver's
    /// rules read them instead of looking words up again.
    pub(crate) fn tag_document(
        &self,
        doc: &Document<'_>,
        out: &mut Vec<Mention>,
        mut words: Option<&mut DocWords>,
    ) {
        out.clear();
        if let Some(w) = words.as_deref_mut() {
            w.reset(doc.len());
        }
        let mut candidates = Vec::with_capacity(doc.len() / 8);
        self.candidates_in(doc, &mut candidates, words);
        select::prefer_prominent_split(&self.inner.gazetteer, &mut candidates);
        let mut chosen = Vec::with_capacity(candidates.len());
        select::longest_first(&mut candidates, &mut chosen);
        out.extend(chosen.iter().map(|c| {
            let (name, proclitic, token) = c.value;
            let ty = self.inner.name_types[name.index()];
            Mention::at(doc, token, c.folded, Some(name), ty, proclitic)
        }));
    }

    fn candidates_in(
        &self,
        doc: &Document<'_>,
        out: &mut Vec<Candidate<(NameId, Proclitic, usize)>>,
        mut words: Option<&mut DocWords>,
    ) {
        let inner = &*self.inner;
        let norm = doc.norm();
        let folded = norm.text();
        let bytes = folded.as_bytes();
        // Whether the text writes words with a capital ("The", "Damascus"): an all-lower-case
        // post does not, nor one whose only capitals are in words in capitals ("IDLIB").
        let cased = std::cell::OnceCell::new();
        let lex = lexicon();
        for (token, word, run_end) in norm.words() {
            // Whether the whole word is a content word of the word tables (ولاية، وزارة، وادي):
            // then its first letters are the word's own, not proclitics, and no name starts
            // after them («ولاية» is not و + لاية).
            let mut ordinary_word = false;
            for (split, proclitic) in boundary::proclitic_splits(&folded[word..run_end]).enumerate()
            {
                let at = word + proclitic.len_bytes();
                if at >= run_end {
                    continue;
                }
                let glued = !proclitic.is_empty();
                let id = inner
                    .automaton
                    .prefixes_at(bytes, at, run_end, |end, target| {
                        if glued && ordinary_word {
                            return;
                        }
                        let name = inner.gazetteer.name(target.name);
                        if !boundary::accepts_start(
                            proclitic,
                            target.form,
                            name.letters(),
                            inner.min_letters_after_proclitic,
                        ) {
                            return;
                        }
                        if !stands_as_name(doc, name, at, end, run_end, &cased) {
                            return;
                        }
                        out.push(Candidate {
                            folded: Span::new(at, end),
                            proclitic_len: proclitic.len_bytes(),
                            value: (target.name, proclitic, token),
                        });
                    });
                if split == 0 {
                    ordinary_word =
                        id != NO_WORD && lex.info(id).is_some_and(|w| w.is_content_word());
                }
                if id != NO_WORD
                    && let Some(w) = words.as_deref_mut()
                {
                    w.set(lex, token, split, id);
                }
            }
        }
    }
}

/// Whether a match of `name` over the folded `at..end`, in the word that ends at `run_end`,
/// stands as the name in the original text: not cut inside one original character (ﻻ), ending
/// a word (or before a possessive), not written as an ordinary word, and, for an acronym,
/// written as one. `cased` caches whether the text writes capitals at all.
fn stands_as_name(
    doc: &Document<'_>,
    name: &Name,
    at: usize,
    end: usize,
    run_end: usize,
    cased: &std::cell::OnceCell<bool>,
) -> bool {
    let (original, norm) = (doc.original(), doc.norm());
    let folded = norm.text();
    // A span cannot begin or end inside one original character (ﻻ).
    if norm.splits_original_char(at) || norm.splits_original_char(end) {
        return false;
    }
    let word_end = boundary::ends_word(folded, end)
        || boundary::ends_with_possessive(folded, end, || {
            let s = norm.original_start(end);
            original[..s].ends_with(['\'', '’'])
        });
    if !word_end {
        return false;
    }
    // Only a longer name or one written with a capital can be written as a word: the
    // original text is read for those alone.
    let longer = end > run_end;
    if (longer || name.is_capitalised())
        && boundary::written_as_word(
            name,
            &original[norm.original_start(at)..],
            &folded[at..run_end],
            longer,
            || *cased.get_or_init(|| boundary::writes_capitals(original)),
        )
    {
        return false;
    }
    if name.acronym_forms().next().is_some() {
        let s = norm.original_start(at);
        let e = norm.original_end(original, end);
        return name.acronym_forms().any(|f| f == &original[s..e]);
    }
    true
}

/// Builds a [`Tagger`] with options.
#[derive(Debug)]
pub struct TaggerBuilder {
    gazetteer: Option<Arc<Gazetteer>>,
    min_letters_after_proclitic: usize,
}

impl Default for TaggerBuilder {
    fn default() -> TaggerBuilder {
        TaggerBuilder::new()
    }
}

impl TaggerBuilder {
    /// Default options over the embedded gazetteer.
    pub fn new() -> TaggerBuilder {
        TaggerBuilder {
            gazetteer: None,
            min_letters_after_proclitic: 3,
        }
    }

    /// Match this gazetteer instead of the embedded one.
    pub fn gazetteer(&mut self, gazetteer: Arc<Gazetteer>) -> &mut TaggerBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// The fewest letters a name must have to be found behind a proclitic (default 3: «بحمص»
    /// is Homs, but two-letter keys after ب or و are nearly always parts of other words).
    pub fn min_letters_after_proclitic(&mut self, letters: usize) -> &mut TaggerBuilder {
        self.min_letters_after_proclitic = letters;
        self
    }

    /// Compiles the gazetteer's names.
    pub fn build(&self) -> Result<Tagger, Error> {
        let (gazetteer, automaton) = match &self.gazetteer {
            // The word tables share the first-word table: one look-up per word serves both.
            Some(g) => (
                Shared::Owned(g.clone()),
                Cow::Owned(NameAutomaton::new(g, lexicon().ids())?),
            ),
            None => {
                let prebuilt = crate::snapshot::embedded();
                (
                    Shared::Embedded(&prebuilt.gazetteer),
                    Cow::Borrowed(&prebuilt.automaton),
                )
            }
        };
        let name_types = gazetteer
            .names()
            .map(|(_, name)| {
                let all_org = name
                    .entities()
                    .iter()
                    .all(|&e| gazetteer.entity(e).entity_type() == EntityType::Org);
                if all_org {
                    EntityType::Org
                } else {
                    EntityType::Loc
                }
            })
            .collect();
        Ok(Tagger {
            inner: Arc::new(Inner {
                gazetteer,
                automaton,
                min_letters_after_proclitic: self.min_letters_after_proclitic,
                name_types,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &str = "id\tkind\tname_ar\tname_en\tlat\tlon\tnames_ar\tnames_en\n\
        t:bukamal\tpopulated\tالبوكمال\tAbu Kamal\t34.45\t40.92\tأبو كمال\tAl-Bukamal\n\
        t:deir\tpopulated\tدير الزور\tDeir ez-Zor\t35.33\t40.14\tديرالزور\tDayr az Zawr\n\
        t:latakia\tpopulated\tاللاذقية\tLatakia\t35.5\t35.8\t\t\n\
        t:aleppo\tpopulated\tحلب\tAleppo\t36.2\t37.1\t\t\n\
        t:syria\tcountry\tسوريا\tSyria\t35\t38\tسورية\t\n";
    const ORGS: &str = "id\tkind\tname_ar\tname_en\tnames_ar\tnames_en\n\
        o:sdf\tarmed_group\tقوات سوريا الديمقراطية\tSyrian Democratic Forces\tقسد\tSDF\n";

    fn tagger() -> Tagger {
        let g = Gazetteer::builder()
            .places_tsv("p", PLACES)
            .orgs_tsv("o", ORGS)
            .build()
            .unwrap();
        Tagger::builder().gazetteer(Arc::new(g)).build().unwrap()
    }

    fn found(text: &str) -> Vec<(&str, String)> {
        tagger()
            .tag(text)
            .iter()
            .map(|m| (&text[m.span()], m.proclitic().as_string()))
            .collect()
    }

    #[test]
    fn proclitics_and_lil() {
        assert_eq!(found("للبوكمال"), [("لبوكمال", "ل".to_string())]);
        assert_eq!(found("وللاذقية"), [("لاذقية", "ول".to_string())]);
        assert_eq!(found("وبحلب"), [("حلب", "وب".to_string())]);
        assert_eq!(found("الحلبي حلبية سوريالية"), []);
    }

    #[test]
    fn longest_and_org_over_place() {
        let text = "قوات سوريا الديمقراطية (قسد) في ديرالزور و Deir-ez-Zor's";
        let got: Vec<&str> = found(text).into_iter().map(|(s, _)| s).collect();
        assert_eq!(
            got,
            ["قوات سوريا الديمقراطية", "قسد", "ديرالزور", "Deir-ez-Zor"]
        );
    }

    #[test]
    fn acronyms_need_their_case() {
        assert_eq!(found("the SDF and the sdf"), [("SDF", String::new())]);
    }
}
