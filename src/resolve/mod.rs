//! The resolver: one entity per mention, with the evidence that chose it and a confidence.
//!
//! A document is read once into a view ([`crate::document`]); the resolver's stages read it:
//!
//! 0. [`passes`]: a name that is mostly an ordinary word (أن، كان), with no cue beside it and
//!    in no list or phrase, is decided from its priors alone (once per name and resolver, the
//!    same in every document); the others go through:
//! 1. [`features`]: pass one scores each mention's candidates alone — a prior (kind,
//!    population, capital status, the Syrian domain, [`prior`]) plus the cue words around it;
//! 2. [`links`]: pass two adds evidence from the other mentions, read from pass one's choices —
//!    lists, containment and adjacency («X في ريف Y», "X (Y)"), relative position
//!    («جنوب شرق مدينة دير الزور بحوالي 140 كم», [`relative`]) and coherence with the places
//!    the document is sure of ([`fits`]);
//! 3. [`decide`]: the best candidate, its confidence, and whether a name that is also an
//!    ordinary word (الباب، الميادين) has the support it needs;
//! 4. [`courses`]: rivers placed on the stretch the document is about;
//! 5. [`focus`]: where the whole document is about ([`Resolver::focus`]).
//!
//! Every rule that moves a score is reported as an [`Evidence`], so a user can see why. The
//! words the rules read are data (`src/words/*.tsv`).

mod acronyms;
mod context;
mod courses;
mod decide;
mod discourse;
mod divisions;
mod evidence;
mod features;
mod fits;
mod focus;
mod focus_weights;
mod gaps;
mod links;
mod modifiers;
mod passes;
mod persons;
mod prior;
mod relative;
#[cfg(test)]
mod table_tests;
mod unlisted;

pub use evidence::{Evidence, EvidenceSet};
pub use focus::{EVENT_WINDOW, Focus, FocusPlace, FocusWeights};

use crate::document::Document;
use crate::gazetteer::{EntityId, EntityType, Point};
use crate::tag::Mention;
use crate::words::{DocWords, TokenWords, lexicon};
use crate::{Tagger, forms};
use context::Ctx;
use prior::EntityFacts;
use std::sync::Arc;
use unlisted::{merge_by_start, unlisted_places};

/// Options of the [`Resolver`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResolverOptions {
    /// A name counts as an ordinary word when it occurs in the reference corpus this many
    /// times more often than its best candidate's prominence predicts. Such a mention needs
    /// supporting evidence (a cue word, a containment or relative phrase, a nearby place, a
    /// list of places) to be accepted. Default 8.
    pub common_word_ratio: f64,
    /// Mentions whose confidence ends below this are rejected (default 0.15).
    pub min_confidence: f64,
}

impl Default for ResolverOptions {
    fn default() -> ResolverOptions {
        ResolverOptions {
            common_word_ratio: 8.0,
            min_confidence: 0.15,
        }
    }
}

/// How many runners-up a resolution keeps.
const MAX_ALTERNATIVES: usize = 3;

/// Up to [`MAX_ALTERNATIVES`] runners-up, held inline as plain values: a resolution allocates
/// nothing, and a copy of one (a word decided once per name, [`passes`]) is one move.
#[derive(Clone, Copy, Debug)]
struct Alternatives {
    items: [(EntityId, f64); MAX_ALTERNATIVES],
    len: u8,
}

impl Default for Alternatives {
    fn default() -> Alternatives {
        Alternatives {
            items: [(EntityId::NONE, 0.0); MAX_ALTERNATIVES],
            len: 0,
        }
    }
}

impl Alternatives {
    fn as_slice(&self) -> &[(EntityId, f64)] {
        &self.items[..usize::from(self.len)]
    }

    fn clear(&mut self) {
        self.len = 0;
    }
}

impl FromIterator<(EntityId, f64)> for Alternatives {
    /// The first [`MAX_ALTERNATIVES`] of `iter`.
    fn from_iter<I: IntoIterator<Item = (EntityId, f64)>>(iter: I) -> Alternatives {
        let mut out = Alternatives::default();
        for (slot, item) in out.items.iter_mut().zip(iter) {
            *slot = item;
            out.len += 1;
        }
        out
    }
}

/// What the resolver decided for one mention.
#[derive(Clone, Debug)]
pub struct Resolution {
    entity: Option<EntityId>,
    ty: EntityType,
    confidence: f64,
    evidence: EvidenceSet,
    alternatives: Alternatives,
    accepted: bool,
    point: Option<Point>,
}

impl Resolution {
    /// The chosen entity; `None` for a mention found by its form, which no gazetteer lists.
    pub fn entity(&self) -> Option<EntityId> {
        self.entity
    }
    /// Place or organization, after context (قناة الميادين is an organization).
    pub fn entity_type(&self) -> EntityType {
        self.ty
    }
    /// Confidence in [0, 1] that the mention is a real mention of the chosen entity.
    pub fn confidence(&self) -> f64 {
        self.confidence
    }
    /// The rules that supported or decided the choice ([`Evidence::Prior`],
    /// [`Evidence::CueCity`], [`Evidence::RelativePosition`], [`Evidence::CommonWord`]...).
    pub fn evidence(&self) -> EvidenceSet {
        self.evidence
    }
    /// Up to three runners-up with their scores, best first.
    pub fn alternatives(&self) -> &[(EntityId, f64)] {
        self.alternatives.as_slice()
    }
    /// Where the mention is: the entity's point, or for a river ([`crate::Entity::course`])
    /// the point of its course nearest to the other places the document names beside it
    /// (evidence `course`): «نهر الفرات» in a report from العشارة is the Euphrates at
    /// al-Ashara, not 300 km upstream.
    pub fn point(&self) -> Option<Point> {
        self.point
    }
    /// False when the mention was rejected (an ordinary word without support, or too low a
    /// confidence); the CLI drops rejected mentions unless asked for all.
    pub fn is_accepted(&self) -> bool {
        self.accepted
    }

    /// Nothing to choose from.
    fn none(ty: EntityType) -> Resolution {
        Resolution {
            entity: None,
            ty,
            confidence: 0.0,
            evidence: EvidenceSet::EMPTY,
            alternatives: Alternatives::default(),
            accepted: false,
            point: None,
        }
    }

    /// A name found by its form: no entity, a fixed confidence (on the development set 9 of
    /// 13 such organizations were right).
    fn unlisted(
        ty: EntityType,
        confidence: f64,
        evidence: EvidenceSet,
        point: Option<Point>,
    ) -> Resolution {
        Resolution {
            confidence,
            evidence,
            accepted: true,
            point,
            ..Resolution::none(ty)
        }
    }
}

/// Resolves the mentions of a document.
///
/// ```
/// use makan::{Evidence, Resolver, Tagger};
///
/// let tagger = Tagger::new();
/// let resolver = Resolver::new(tagger.clone());
/// let text = "حررت مدينة البوكمال جنوب شرق مدينة دير الزور بحوالي 140 كم";
/// let found = resolver.find(text);
/// let names: Vec<&str> = found.iter().map(|(m, _)| &text[m.span()]).collect();
/// assert_eq!(names, ["البوكمال", "دير الزور"]);
/// let (_, bukamal) = &found[0];
/// let town = tagger.gazetteer().entity(bukamal.entity().unwrap());
/// assert_eq!((town.id(), town.pcode()), ("wof:890449891", "C5167"));
/// // The 140 km south-east of Deir ez-Zor agrees with the town, and says so.
/// assert!(bukamal.evidence().contains(Evidence::RelativePosition));
/// ```
#[derive(Clone, Debug)]
pub struct Resolver {
    tagger: Tagger,
    options: ResolverOptions,
    facts: Arc<EntityFacts>,
    /// Per name, learnt on first use: 1 when it is mostly an ordinary word for every entity
    /// it names, with these options ([`Resolver::is_ordinary_word`]).
    ordinary: Arc<prior::PerName>,
    /// Per name, learnt on first use: the decision on it as an ordinary word read alone.
    alone: Arc<passes::Alone>,
}

impl Resolver {
    /// A resolver over the tagger's gazetteer, with default options.
    pub fn new(tagger: Tagger) -> Resolver {
        Resolver::with_options(tagger, ResolverOptions::default())
    }

    /// A resolver with options.
    pub fn with_options(tagger: Tagger, options: ResolverOptions) -> Resolver {
        // The embedded gazetteer's facts are computed once per process.
        static EMBEDDED: once_cell::sync::Lazy<Arc<EntityFacts>> =
            once_cell::sync::Lazy::new(|| Arc::new(EntityFacts::new(crate::Gazetteer::embedded())));
        let facts = if std::ptr::eq(tagger.gazetteer(), crate::Gazetteer::embedded()) {
            EMBEDDED.clone()
        } else {
            Arc::new(EntityFacts::new(tagger.gazetteer()))
        };
        let names = tagger.gazetteer().name_count();
        Resolver {
            tagger,
            options,
            facts,
            ordinary: Arc::new(prior::PerName::new(names)),
            alone: Arc::new(passes::Alone::new(names)),
        }
    }

    /// Every entity a written name can mean, ranked by the prior alone (no context), best
    /// first, with the prior scores.
    pub fn rank_name(&self, written: &str) -> Vec<(EntityId, f64)> {
        let g = self.tagger.gazetteer();
        let mut ranked: Vec<(EntityId, f64)> = g
            .lookup(written)
            .iter()
            .map(|&e| (e, self.facts.get(e).prior))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// The tagger whose mentions this resolver reads.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Tags `text` and resolves its mentions, accepted or not, in text order.
    ///
    /// Besides the tagger's mentions it finds organizations no gazetteer lists by their form
    /// («لواء صقور الجبل», «وزارة الخدمة المدنية»: a head noun and a name; evidence
    /// `pattern`, no entity). A listed organization overlapping one wins; a place inside one's
    /// name is part of it («غرفة عمليات حلب»). A facility named after its place («قلعة حلب»)
    /// takes the place's mention and point.
    pub fn tag_and_resolve(&self, text: &str) -> Vec<(Mention, Resolution)> {
        self.tag_and_resolve_document(&Document::new(text), &mut DocWords::default())
    }

    /// [`Resolver::tag_and_resolve`] and [`Resolver::focus`] in one pass: every mention,
    /// accepted or not, and the focus its accepted mentions give, from one fold of the text.
    pub fn tag_resolve_and_focus(&self, text: &str) -> (Vec<(Mention, Resolution)>, Focus) {
        let doc = Document::new(text);
        let mut words = DocWords::default();
        let all = self.tag_and_resolve_document(&doc, &mut words);
        let g = self.tagger.gazetteer();
        let words = focus::WordsAt {
            lex: lexicon(),
            tagged: Some(&words[..]),
        };
        let focus = focus::focus(&doc, g, &self.facts, words, &all, &FocusWeights::default());
        (all, focus)
    }

    /// Every mention of `doc` with its resolution; `words` gets the word tables' entries of
    /// each token, as the tagger records them.
    fn tag_and_resolve_document(
        &self,
        doc: &Document<'_>,
        words: &mut DocWords,
    ) -> Vec<(Mention, Resolution)> {
        let mut mentions = Vec::new();
        self.tagger.tag_document(doc, &mut mentions, Some(words));
        let words = &*words;
        let g = self.tagger.gazetteer();
        let organizations = forms::organizations(doc, words, &mentions);
        let unlisted = crate::tag::merge_forms(g, doc, &mut mentions, &organizations);
        let listed = self.resolve_document(doc, words, mentions);
        let pattern = EvidenceSet::EMPTY.with(Evidence::Pattern);
        let unlisted = unlisted
            .into_iter()
            .map(|m| (m, Resolution::unlisted(EntityType::Org, 0.7, pattern, None)));
        let mut all = merge_by_start(listed, unlisted.collect());
        self.facilities_in_places(doc, words, &mut all);
        unlisted_places(doc, words, &mut all);
        acronyms::short_forms(doc, lexicon(), &mut all);
        all
    }

    /// The accepted mentions of `text` with their resolutions: what a user usually wants.
    pub fn find(&self, text: &str) -> Vec<(Mention, Resolution)> {
        let mut all = self.tag_and_resolve(text);
        all.retain(|(_, r)| r.is_accepted());
        all
    }

    /// Where `text` is about: a ranked list of the places its accepted mentions `found` name
    /// (from [`Resolver::find`] or [`Resolver::tag_and_resolve`] on the same text; rejected
    /// ones are skipped), the first
    /// one also at admin level 1 ([`Focus::admin1`]: its governorate, or its country outside
    /// Syria). Each mention votes with the evidence around it — the headline, the first
    /// sentence, an event word near it (قصف، اشتباكات، shelling), against an actor named
    /// with no preposition (the capital as a government) or the place a relative position is
    /// measured from — and a place's votes count for its governorate. The text is folded
    /// again (no tagging); [`Resolver::tag_resolve_and_focus`] folds it once for both.
    ///
    /// ```
    /// use makan::{Resolver, Tagger};
    ///
    /// let tagger = Tagger::new();
    /// let resolver = Resolver::new(tagger.clone());
    /// let text = "حررت مدينة البوكمال جنوب شرق مدينة دير الزور بحوالي 140 كم";
    /// let focus = resolver.focus(text, &resolver.find(text));
    /// let g = tagger.gazetteer();
    /// let town = g.entity(focus.top().unwrap().entity());
    /// assert_eq!((town.name_en(), town.pcode()), ("Abu Kamal", "C5167"));
    /// let (governorate, _) = focus.admin1().unwrap();
    /// assert_eq!(g.entity(governorate).pcode(), "SY09"); // Deir ez-Zor
    /// ```
    pub fn focus(&self, text: &str, found: &[(Mention, Resolution)]) -> Focus {
        self.focus_with(text, found, &FocusWeights::default())
    }

    /// [`Resolver::focus`] with other weights of evidence (to measure what each is worth).
    pub fn focus_with(
        &self,
        text: &str,
        found: &[(Mention, Resolution)],
        weights: &FocusWeights,
    ) -> Focus {
        let doc = Document::new(text);
        let g = self.tagger.gazetteer();
        let words = focus::WordsAt {
            lex: lexicon(),
            tagged: None,
        };
        focus::focus(&doc, g, &self.facts, words, found, weights)
    }

    /// Resolves `mentions`, which the same tagger found in `text`. One resolution per
    /// mention, in the same order.
    pub fn resolve(&self, text: &str, mentions: &[Mention]) -> Vec<Resolution> {
        let doc = Document::new(text);
        let mut words = DocWords::default();
        self.tagger
            .tag_document(&doc, &mut Vec::new(), Some(&mut words));
        let listed: Vec<Mention> = mentions
            .iter()
            .filter(|m| m.name().is_some())
            .copied()
            .collect();
        let mut resolved = self.resolve_document(&doc, &words, listed).into_iter();
        let pattern = EvidenceSet::EMPTY.with(Evidence::Pattern);
        mentions
            .iter()
            .map(|m| match m.name() {
                Some(_) => {
                    resolved
                        .next()
                        .expect("one resolution per listed mention")
                        .1
                }
                None => Resolution::unlisted(m.entity_type(), 0.7, pattern, None),
            })
            .collect()
    }
}

/// The mentions a document-wide rule (coherence, the places beside a river) reads around a
/// mention: a document of up to this many mentions is read whole.
pub(crate) const WINDOW: usize = 256;

/// Whether a mention found in `text` stands where places stand: right after a locative or
/// place cue word (إلى، نحو، قرب، شمال، مدينة، بلدة، محافظة...).
/// The gazetteer build tool counts this over a corpus for every name; the resolver counts it
/// as support for a mention.
pub fn stands_as_place(text: &str, mention: &Mention) -> bool {
    // Only the word before the mention matters: fold a short window before it.
    let end = mention.span().start();
    let mut start = end.saturating_sub(96);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let doc = Document::new(&text[start..end]);
    // The proclitics glued to the name end the window, as a word of their own.
    let skip = usize::from(!mention.proclitic().is_empty());
    let before = doc.len().checked_sub(1 + skip);
    // Only that word's table entries are read: look them up rather than tag the window.
    let lex = lexicon();
    let mut words = vec![TokenWords::NONE; doc.len()];
    if let Some(b) = before.filter(|&b| doc.is_word(b)) {
        words[b] = lex.token_words(doc.text(b));
    }
    let ctx = Ctx {
        doc: &doc,
        g: crate::Gazetteer::embedded(),
        lex,
        words: &words,
        // The rule reads words, no entity.
        facts: &EntityFacts::NONE,
        demonym_countries: &[],
    };
    context::stands_as_place(&ctx, mention.proclitic(), before)
}
