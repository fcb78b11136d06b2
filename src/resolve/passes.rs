//! The passes over a document's listed mentions ([`Resolver::resolve_document`]): names that
//! are mostly ordinary words decided apart, then pass one (`features`), pass two (`links`),
//! the decision and the courses of rivers for the others.

use super::context::{Beside, Ctx};
use super::features::{self, Site};
use super::fits::Anchors;
use super::prior::{self, NameCues};
use super::{
    Resolution, Resolver, WINDOW, courses, decide, discourse, gaps, links, persons, relative,
};
use crate::document::Document;
use crate::gazetteer::{EntityId, EntityType, NameId};
use crate::tag::Mention;
use crate::words::{DocWords, Relations, lexicon};

impl Resolver {
    /// Whether the name is mostly an ordinary word whatever entity it names (أن، كان، تحت:
    /// [`prior::Commonness::VeryCommon`] for each), learnt once per name.
    fn is_ordinary_word(&self, name: NameId) -> bool {
        self.ordinary.get(name, || {
            let g = self.tagger.gazetteer();
            let n = g.name(name);
            let ordinary = n.entities().iter().all(|&e| {
                prior::commonness(g, n, self.facts.get(e), self.options.common_word_ratio)
                    == prior::Commonness::VeryCommon
            });
            u8::from(ordinary)
        }) == 1
    }

    /// Resolves the listed `mentions` of `doc`: each with its resolution, in order.
    pub(super) fn resolve_document(
        &self,
        doc: &Document<'_>,
        words: &DocWords,
        mentions: Vec<Mention>,
    ) -> Vec<(Mention, Resolution)> {
        let g = self.tagger.gazetteer();
        let demonyms = Ctx::demonym_countries(doc, lexicon(), words);
        let ctx = Ctx {
            doc,
            g,
            lex: lexicon(),
            words,
            facts: &self.facts,
            demonym_countries: &demonyms,
        };
        // Whether each mention follows the one before it in a list («حلب وإدلب»).
        let listed: Vec<bool> = (0..mentions.len())
            .map(|i| i > 0 && gaps::is_list_gap(&ctx, &mentions[i - 1], &mentions[i]))
            .collect();
        // A name that is mostly an ordinary word (أن، كان) with no cue word beside it and in
        // no list is rejected as a word, before the rules that read other mentions: it is
        // half the mentions of news and would not be kept.
        // Read from the last mention back: a phrase can tie a word only to a next mention
        // that is kept (pass two reads no place in a word decided apart).
        let mut apart = vec![false; mentions.len()];
        for i in (0..mentions.len()).rev() {
            let m = &mentions[i];
            let Some(name) = m.name().filter(|&n| self.is_ordinary_word(n)) else {
                continue;
            };
            let cues = ctx.name_cues(name);
            apart[i] = !listed[i]
                && !listed.get(i + 1).copied().unwrap_or(false)
                && !cues.has(NameCues::CUE_WORD)
                && !cues.has(NameCues::OPENS_WITH_CUE)
                && !Beside::read(&ctx, m).any()
                && !mentions
                    .get(i + 1)
                    .is_some_and(|next| !apart[i + 1] && may_tie(&ctx, m, next));
        }
        let mut resolved = self
            .resolve_sites(&ctx, &mentions, &listed, &apart)
            .into_iter();
        mentions
            .into_iter()
            .zip(apart)
            .map(|(m, word)| match word {
                true => (m, self.decide_alone(&ctx, &m)),
                false => (m, resolved.next().expect("one resolution per kept mention")),
            })
            .collect()
    }

    /// Resolves the mentions of one document that are not ordinary words decided `apart`, in
    /// order; `listed[i]` tells whether mention `i` follows mention `i - 1` in a list. A word
    /// is in no list, so a kept mention is listed after the kept one before it exactly when it
    /// was after the mention before it.
    fn resolve_sites(
        &self,
        ctx: &Ctx<'_, '_>,
        mentions: &[Mention],
        listed: &[bool],
        apart: &[bool],
    ) -> Vec<Resolution> {
        let (g, doc) = (ctx.g, ctx.doc);
        // Each kept mention's place among all the document's mentions.
        // Sized first: a filtered iterator's collect grows the vector several times.
        let mut index = Vec::with_capacity(apart.iter().filter(|&&a| !a).count());
        index.extend((0..mentions.len()).filter(|&i| !apart[i]));
        let mut sites: Vec<Site<'_>> = index
            .iter()
            .map(|&i| features::site(ctx, &mentions[i]))
            .collect();
        for (site, &i) in sites.iter_mut().zip(&index) {
            site.listed_after_previous = listed[i];
            site.before_word = apart.get(i + 1).copied().unwrap_or(false);
        }
        // A cue before a list covers the list: «بريفي إدلب وحلب», «مدينتي حمص وحماة».
        for i in 1..sites.len() {
            if sites[i].cue_before.is_none()
                && sites[i - 1].ty == EntityType::Loc
                && sites[i].ty == EntityType::Loc
                && sites[i].listed_after_previous
                && let Some(cue) = sites[i - 1].cue_before.filter(|c| c.is_place_cue())
            {
                features::apply_cue(ctx, &mut sites[i], cue);
                // So that it reaches the third name of «مدن حلب وحمص وحماة» too.
                sites[i].cue_before = Some(cue);
            }
        }
        persons::persons_throughout(&mut sites);
        discourse::words_throughout(ctx, &mut sites);
        let choices: Vec<Option<EntityId>> = sites.iter().map(Site::best).collect();
        // Coherence reads the places the document is sure of within a window of mentions:
        // the whole document up to WINDOW mentions, and in longer texts the block of WINDOW
        // mentions a mention is in and its two neighbours, so that time stays linear in the
        // length of a text.
        // Blocks count the document's mentions, the ordinary words decided apart too.
        let total = index.last().map_or(0, |&last| last + 1);
        let blocks: Vec<Anchors> = (0..total.div_ceil(WINDOW))
            .map(|b| {
                let from = index.partition_point(|&k| k < b.saturating_sub(1) * WINDOW);
                let to = index.partition_point(|&k| k < (b + 2) * WINDOW);
                links::anchors(
                    ctx,
                    &sites[from..to],
                    &choices[from..to],
                    self.options.common_word_ratio,
                )
            })
            .collect();
        for i in 0..sites.len() {
            links::link(ctx, &mut sites, i, &choices, &blocks[index[i] / WINDOW]);
        }
        let mut resolutions: Vec<Resolution> = sites
            .iter_mut()
            .map(|s| decide::decide(g, &self.facts, &self.options, s))
            .collect();
        courses::place_on_courses(g, &self.facts, doc, &sites, &mut resolutions);
        resolutions
    }
}

/// Per name, the decision on it read alone as an ordinary word, as Arabic writes it (no
/// case) and with no ك that compares: its candidates by their priors alone. That is the same
/// in every document — news says «أن» and «كان» in every text — so a resolver makes it once
/// per name. Two threads may both make it; one answer is kept, and they are equal.
pub(super) struct Alone(Vec<once_cell::race::OnceBox<Resolution>>);

impl Alone {
    /// Nothing decided yet, for `names` names.
    pub(super) fn new(names: usize) -> Alone {
        Alone(
            (0..names)
                .map(|_| once_cell::race::OnceBox::new())
                .collect(),
        )
    }
}

impl std::fmt::Debug for Alone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let decided = self.0.iter().filter(|c| c.get().is_some()).count();
        write!(f, "Alone({decided} of {} names decided)", self.0.len())
    }
}

impl Resolver {
    /// The decision on mention `m`, an ordinary word with nothing beside it: its candidates
    /// by their priors alone, from [`Alone`] when it is written plain.
    fn decide_alone(&self, ctx: &Ctx<'_, '_>, m: &Mention) -> Resolution {
        let ty = m.entity_type();
        let decide = || {
            let mut site = Site::new(ctx, m, ty);
            decide::decide(ctx.g, &self.facts, &self.options, &mut site)
        };
        let plain = m.proclitic().preposition() != Some('ك') && !features::is_lowercase(ctx, m, ty);
        let name = m.name().expect("a word decided apart is a listed name");
        match self.alone.0.get(name.index()).filter(|_| plain) {
            Some(cell) => {
                let r = cell.get_or_init(|| Box::new(decide()));
                // The tagger gives a name one type; were it another here, decide afresh.
                if r.ty == ty { r.clone() } else { decide() }
            }
            None => decide(),
        }
    }
}

/// Whether the words between mentions `a` and `b` may tie `a` to `b` as places do: nothing
/// at all, a phrase of the tables (containment, the administrative chain) or a relative
/// position («الميدان بحلب», «X جنوب شرق Y»). Only then can pass two support `a` by `b`.
fn may_tie(ctx: &Ctx<'_, '_>, a: &Mention, b: &Mention) -> bool {
    let Some(gap) = gaps::gap(ctx, a, b) else {
        return false;
    };
    let words = gap.as_slice();
    words.is_empty()
        || [false, true]
            .into_iter()
            .any(|latin| ctx.lex.relations(words, latin) != Relations::default())
        || relative::parse(ctx.lex, words, &[]).is_some()
}
