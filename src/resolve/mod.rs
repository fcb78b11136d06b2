//! The resolver: one entity per mention, with the evidence that chose it and a confidence.
//!
//! A document is resolved in two passes. Pass one scores each mention's candidates alone:
//! a prior (kind, population, capital status, the Syrian domain) plus the cue words around
//! the mention ([`cues`]). Pass two adds evidence from the other mentions, read from pass
//! one's choices: containment and adjacency phrases («X في ريف Y», "X (Y)", "X in Y"),
//! relative position («جنوب شرق مدينة دير الزور بحوالي 140 كم», [`relative`]), and
//! document coherence (candidates near the places the document is sure about). Names that
//! are also ordinary words (الباب، الميادين) are kept only with supporting evidence; the
//! gazetteer's corpus frequencies say which names those are. Every rule that moves a score
//! is reported by name, so a user can see why.

mod context;
mod cues;
mod evidence;
mod pattern;
mod prior;
mod relative;

use crate::gazetteer::{Entity, EntityId, EntityType, Gazetteer, Kind, Name, Point};
use crate::normalize::Normalized;
use crate::output::{AdminRecord, AlternativeRecord, ResolvedRecord};
use crate::{Mention, Span, Tagger};
use cues::Cue;
use evidence::{
    MAX_GAP_BYTES, coherence_fit, containment_fit, is_containment_gap, is_fa_link, is_latin,
    is_list_gap, is_local, is_strong_containment_gap, relative_fit,
};
use prior::{Commonness, expected_per_million, is_actor, org_commonness, prior};

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

/// What the resolver decided for one mention.
#[derive(Clone, Debug)]
pub struct Resolution {
    entity: Option<EntityId>,
    ty: EntityType,
    confidence: f64,
    evidence: Vec<&'static str>,
    alternatives: Vec<(EntityId, f64)>,
    accepted: bool,
    point: Option<Point>,
}

impl Resolution {
    /// The chosen entity.
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
    /// Names of the rules that supported the choice (`prior`, `cue:city`, `containment`,
    /// `relative_position`, `coherence`, `list`, `common_word`...).
    pub fn evidence(&self) -> &[&'static str] {
        &self.evidence
    }
    /// The runners-up with their scores, best first.
    pub fn alternatives(&self) -> &[(EntityId, f64)] {
        &self.alternatives
    }
    /// Where the mention is: the entity's point, or for a river ([`Entity::course`]) the point of its course nearest to the other places the
    /// document names beside it (evidence `course`): «نهر الفرات» in a report from العشارة
    /// is the Euphrates at al-Ashara, not 300 km upstream.
    pub fn point(&self) -> Option<Point> {
        self.point
    }
    /// False when the mention was rejected (an ordinary word without support, or too low a
    /// confidence); the CLI drops rejected mentions unless asked for all.
    pub fn is_accepted(&self) -> bool {
        self.accepted
    }

    /// An organization found by its form: no entity, a fixed confidence (on the development
    /// set 9 of 13 such mentions were right).
    fn unlisted() -> Resolution {
        Resolution {
            entity: None,
            ty: EntityType::Org,
            confidence: 0.7,
            evidence: vec!["pattern"],
            alternatives: Vec::new(),
            accepted: true,
            point: None,
        }
    }

    pub(crate) fn record(&self, g: &Gazetteer) -> Option<ResolvedRecord> {
        let Some(entity) = self.entity else {
            return self.accepted.then(|| ResolvedRecord {
                id: String::new(),
                kind: "unlisted",
                name_ar: String::new(),
                name_en: String::new(),
                lat: self.point.map(|p| round5(p.lat)),
                lon: self.point.map(|p| round5(p.lon)),
                pcode: String::new(),
                country: String::new(),
                admin: Vec::new(),
                confidence: (self.confidence * 1000.0).round() / 1000.0,
                evidence: self.evidence.iter().map(|s| s.to_string()).collect(),
                alternatives: Vec::new(),
            });
        };
        let e = g.entity(entity);
        let levels = ["admin1", "admin2", "admin3"];
        let admin = e
            .admin_pcodes()
            .iter()
            .zip(levels)
            .filter(|(p, _)| !p.is_empty() && **p != e.pcode())
            .map(|(p, level)| {
                let unit = g.by_id(&format!("ocha:{p}")).map(|id| g.entity(id));
                AdminRecord {
                    level,
                    pcode: p.to_string(),
                    name_ar: unit.map_or(String::new(), |u| u.name_ar().to_string()),
                    name_en: unit.map_or(String::new(), |u| u.name_en().to_string()),
                }
            })
            .collect();
        Some(ResolvedRecord {
            id: e.id().to_string(),
            kind: e.kind().name(),
            name_ar: e.name_ar().to_string(),
            name_en: e.name_en().to_string(),
            lat: self.point.map(|p| round5(p.lat)),
            lon: self.point.map(|p| round5(p.lon)),
            pcode: e.pcode().to_string(),
            country: e.country().to_string(),
            admin,
            confidence: (self.confidence * 1000.0).round() / 1000.0,
            evidence: self.evidence.iter().map(|s| s.to_string()).collect(),
            alternatives: self
                .alternatives
                .iter()
                .map(|&(id, score)| AlternativeRecord {
                    id: g.entity(id).id().to_string(),
                    score: (score * 100.0).round() / 100.0,
                })
                .collect(),
        })
    }
}

fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

/// Whether a mention found in `text` stands where places stand: right after a locative or
/// place cue word (إلى، نحو، قرب، شمال، مدينة، بلدة، محافظة...).
/// The gazetteer build tool counts this over a corpus for every name; the resolver counts it
/// as support for a mention.
pub fn stands_as_place(text: &str, mention: &Mention) -> bool {
    // Only the few words before the mention matter.
    let end = mention.span().start();
    let mut start = end.saturating_sub(96);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let norm = Normalized::new(&text[start..end]);
    let folded = norm.text();
    // The proclitics glued to the name are the end of this window.
    let folded = folded
        .strip_suffix(mention.proclitic().as_string().as_str())
        .unwrap_or(folded);
    let before = context::before(folded, folded.len(), 1);
    cues::stands_as_place(mention.proclitic(), &before)
}

/// Resolves the mentions of a document.
///
/// ```
/// use makan::{Resolver, Tagger};
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
/// assert!(bukamal.evidence().contains(&"relative_position"));
/// ```
#[derive(Clone, Debug)]
pub struct Resolver {
    tagger: Tagger,
    options: ResolverOptions,
}

/// What pass one and pass two know about a mention.
struct Site<'t> {
    name: &'t Name,
    before: Vec<&'t str>,
    after: Vec<&'t str>,
    cue_before: Option<Cue>,
    ty: EntityType,
    candidates: Vec<Scored>,
    /// Evidence that the mention is a real name (a cue word, a phrase tying it to another
    /// place, a very close place), strong enough to keep a name that is also an ordinary word.
    support: Vec<&'static str>,
    /// Weaker evidence (a list of places, a place in the same governorate).
    weak_support: Vec<&'static str>,
    /// Evidence that the name is not a mention here at all (a person's title before it,
    /// an adjective reading).
    against: Option<&'static str>,
    /// A Latin name written in lower case.
    lowercase: bool,
    /// A nationality adjective names a country none of the candidates is in.
    nationality_mismatch: bool,
}

#[derive(Clone, Debug)]
struct Scored {
    entity: EntityId,
    score: f64,
    evidence: Vec<&'static str>,
}

impl Resolver {
    /// A resolver over the tagger's gazetteer, with default options.
    pub fn new(tagger: Tagger) -> Resolver {
        Resolver {
            tagger,
            options: ResolverOptions::default(),
        }
    }

    /// A resolver with options.
    pub fn with_options(tagger: Tagger, options: ResolverOptions) -> Resolver {
        Resolver { tagger, options }
    }

    /// Every entity a written name can mean, ranked by the prior alone (no context), best
    /// first, with the prior scores.
    pub fn rank_name(&self, written: &str) -> Vec<(EntityId, f64)> {
        let g = self.tagger.gazetteer();
        let mut ranked: Vec<(EntityId, f64)> = g
            .lookup(written)
            .iter()
            .map(|&e| (e, prior(g.entity(e))))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// The tagger whose mentions this resolver reads.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Tags `text` and resolves its mentions in one go (one fold of the text).
    ///
    /// Besides the tagger's mentions it finds organizations no gazetteer lists by their form
    /// («لواء صقور الجبل», «وزارة الخدمة المدنية»: a head noun and a name; evidence
    /// `pattern`, no entity). A listed organization overlapping one wins; a place inside one's
    /// name is part of it («غرفة عمليات حلب»).
    pub fn tag_and_resolve(&self, text: &str) -> Vec<(Mention, Resolution)> {
        let norm = Normalized::new(text);
        let mut mentions = Vec::new();
        self.tagger.tag_normalized(text, &norm, &mut mentions);
        let g = self.tagger.gazetteer();
        let names_org = |m: &Mention| {
            m.name().is_some_and(|n| {
                g.name(n)
                    .entities()
                    .iter()
                    .any(|&e| g.entity(e).entity_type() == EntityType::Org)
            })
        };
        let mut unlisted = Vec::new();
        let names: Vec<(usize, usize)> = mentions
            .iter()
            .map(|m| (m.folded().start(), m.folded().end()))
            .collect();
        for f in pattern::find(text, &norm, &names) {
            let overlaps = |m: &Mention| m.folded().start() < f.end && f.start < m.folded().end();
            if mentions.iter().any(|m| overlaps(m) && names_org(m)) {
                continue;
            }
            mentions.retain(|m| !overlaps(m));
            let span = Span::new(norm.original_start(f.start), norm.original_end(text, f.end));
            unlisted.push(Mention::unlisted(
                span,
                Span::new(f.start, f.end),
                f.proclitic,
                EntityType::Org,
            ));
        }
        let resolutions = self.resolve_normalized(text, &norm, &mentions);
        let mut all: Vec<(Mention, Resolution)> = mentions.into_iter().zip(resolutions).collect();
        all.extend(unlisted.into_iter().map(|m| (m, Resolution::unlisted())));
        self.facilities_in_places(text, &norm, &mut all);
        all.sort_by_key(|(m, _)| m.span().start());
        all
    }

    /// Facilities named after their place («قلعة حلب», «سجن صيدنايا»): the accepted place
    /// mention becomes the facility's, with the place's point (evidence `pattern`,
    /// `place_inside`) and no entity; flat annotation marks the facility only.
    fn facilities_in_places(
        &self,
        text: &str,
        norm: &Normalized,
        all: &mut Vec<(Mention, Resolution)>,
    ) {
        let g = self.tagger.gazetteer();
        let places: Vec<(usize, usize)> = all
            .iter()
            .map(|(m, _)| (m.folded().start(), m.folded().end()))
            .collect();
        let mut replaced = Vec::new();
        for f in pattern::find_facilities(norm, &places) {
            let (place, resolution) = &all[f.place];
            let is_place = resolution.accepted
                && resolution.ty == EntityType::Loc
                && resolution.entity.is_some_and(|e| {
                    !matches!(g.entity(e).kind(), Kind::Country | Kind::Continent)
                });
            // Nothing else accepted may stand inside the name (a listed facility, a name).
            let alone = all.iter().all(|(m, r)| {
                m == place
                    || !r.accepted
                    || m.folded().end() <= f.found.start
                    || f.found.end <= m.folded().start()
            });
            if !is_place || !alone || place.name().is_none() {
                continue;
            }
            let span = Span::new(
                norm.original_start(f.found.start),
                norm.original_end(text, f.found.end),
            );
            let mention = Mention::unlisted(
                span,
                Span::new(f.found.start, f.found.end),
                f.found.proclitic,
                EntityType::Loc,
            );
            let facility = Resolution {
                entity: None,
                ty: EntityType::Loc,
                confidence: resolution.confidence * 0.9,
                evidence: vec!["pattern", "place_inside"],
                alternatives: Vec::new(),
                accepted: true,
                point: resolution.point,
            };
            replaced.push((f.place, (mention, facility)));
        }
        // Rejected readings inside a facility's name (قلعة the village) go with it.
        let spans: Vec<Span> = replaced.iter().map(|(_, (m, _))| m.folded()).collect();
        for (i, pair) in replaced {
            all[i] = pair;
        }
        all.retain(|(m, r)| {
            r.accepted
                || m.name().is_none()
                || !spans
                    .iter()
                    .any(|s| m.folded().start() < s.end() && s.start() < m.folded().end())
        });
    }

    /// The accepted mentions of `text` with their resolutions: what a user usually wants.
    pub fn find(&self, text: &str) -> Vec<(Mention, Resolution)> {
        let mut all = self.tag_and_resolve(text);
        all.retain(|(_, r)| r.is_accepted());
        all
    }

    /// Resolves `mentions`, which the same tagger found in `text`. One resolution per
    /// mention, in the same order.
    pub fn resolve(&self, text: &str, mentions: &[Mention]) -> Vec<Resolution> {
        let norm = Normalized::new(text);
        self.resolve_normalized(text, &norm, mentions)
    }

    fn resolve_normalized(
        &self,
        original: &str,
        norm: &Normalized,
        mentions: &[Mention],
    ) -> Vec<Resolution> {
        if mentions.iter().any(|m| m.name().is_none()) {
            // Organizations found by their form have no candidates to weigh.
            let listed: Vec<Mention> = mentions
                .iter()
                .filter(|m| m.name().is_some())
                .copied()
                .collect();
            let mut resolved = self.resolve_normalized(original, norm, &listed).into_iter();
            return mentions
                .iter()
                .map(|m| match m.name() {
                    Some(_) => resolved.next().expect("one resolution per listed mention"),
                    None => Resolution::unlisted(),
                })
                .collect();
        }
        let g = self.tagger.gazetteer();
        let folded = norm.text();
        let mut sites: Vec<Site<'_>> = mentions
            .iter()
            .map(|m| {
                let mut site = self.first_pass(g, original, folded, m);
                // English writes names with a capital: "said" and "old city" are words. In
                // a headline in capitals ("THE REPORT SAID") case says nothing either: a
                // place there must stand on its prominence, like a lower-case word.
                let written = &original[m.span()];
                site.lowercase = written.chars().next().is_some_and(char::is_lowercase)
                    || (site.ty == EntityType::Loc && in_capitals(original, m.span()));
                site
            })
            .collect();
        // A cue before a list covers the list: «بريفي إدلب وحلب», «مدينتي حمص وحماة».
        for i in 1..sites.len() {
            if sites[i].cue_before.is_none()
                && sites[i - 1].ty == EntityType::Loc
                && sites[i].ty == EntityType::Loc
                && is_list_gap(folded, &mentions[i - 1], &mentions[i])
                && let Some(cue) = sites[i - 1].cue_before.filter(|c| c.is_place_cue())
            {
                apply_cue(g, &mut sites[i], cue);
                // So that it reaches the third name of «مدن حلب وحمص وحماة» too.
                sites[i].cue_before = Some(cue);
            }
        }
        let choices: Vec<Option<EntityId>> = sites.iter().map(best_entity).collect();
        // The places the document is sure of, once each, with the name that found them.
        let mut anchors: Vec<(EntityId, &Entity, &str)> = sites
            .iter()
            .zip(&choices)
            .filter(|(site, _)| is_confident(site))
            .filter_map(|(site, c)| c.map(|e| (e, g.entity(e), site.name.key())))
            .filter(|(_, e, _)| e.entity_type() == EntityType::Loc)
            .collect();
        anchors.sort_by_key(|a| a.0);
        anchors.dedup_by_key(|a| a.0);
        for i in 0..sites.len() {
            self.second_pass(g, folded, mentions, &mut sites, i, &choices, &anchors);
        }
        let mut resolutions: Vec<Resolution> = sites.iter().map(|s| self.decide(g, s)).collect();
        place_on_courses(g, original, mentions, &mut resolutions);
        resolutions
    }

    fn first_pass<'t>(
        &self,
        g: &'t Gazetteer,
        original: &str,
        folded: &'t str,
        m: &Mention,
    ) -> Site<'t> {
        let span = m.folded();
        let before = context::before(folded, span.start() - m.proclitic().len_bytes(), 3);
        // One word after is enough for a trailing cue ("Idlib province", الإخبارية).
        let after = context::after(folded, span.end(), 1);
        // The head of a longer name («مراسل الجزيرة», «لاعبو الوحدة») names an
        // organization when the name is one.
        let cue_before = cues::cue_before(&before)
            .or_else(|| cues::is_name_head(&before).then_some(Cue::Organization));
        let cue_after = cues::cue_after(&after);
        let name = g.name(m.name().expect("the caller resolves listed mentions only"));
        let quoted = is_quoted(&before, &after);
        // A dateline: «دمشق - (سانا)», "FRANKFURT (Reuters) -".
        let line_start = folded[..span.start() - m.proclitic().len_bytes()]
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_none_or(|c| c == '\n');
        // The punctuation after it, read from the original (folding makes a hyphen a space).
        let dateline = line_start
            && m.proclitic().is_empty()
            && original[m.span().end()..]
                .trim_start_matches([' ', '\t'])
                .starts_with(['-', '–', '—', '(', ':']);
        let after_preposition = cues::after_preposition(m.proclitic(), &before);
        let place_context = dateline || after_preposition;
        let ty = choose_type(g, name, cue_before, cue_after, quoted, place_context);
        let candidates = name
            .entities()
            .iter()
            .filter(|&&e| g.entity(e).entity_type() == ty)
            .map(|&e| {
                let entity = g.entity(e);
                Scored {
                    entity: e,
                    score: prior(entity),
                    evidence: vec!["prior"],
                }
            })
            .collect();
        let mut site = Site {
            name,
            before,
            after,
            cue_before: None,
            ty,
            candidates,
            support: Vec::new(),
            weak_support: Vec::new(),
            against: None,
            lowercase: false,
            nationality_mismatch: false,
        };
        for cue in [cue_before, cue_after].into_iter().flatten() {
            apply_cue(g, &mut site, cue);
        }
        // «العاصمة الأردنية عمان»: the cue noun before the adjective counts, and the
        // adjective names the country.
        if let Some(country) = cues::nisba_country(&site.before, cue_before, &site.after) {
            if cue_before.is_none()
                && let Some(cue) = cues::cue_before(&site.before[1..2])
            {
                apply_cue(g, &mut site, cue);
            }
            let mut fits = false;
            for c in &mut site.candidates {
                if g.entity(c.entity).country() == country {
                    c.score += 3.0;
                    c.evidence.push("cue:nationality");
                    fits = true;
                } else {
                    c.score -= 1.5;
                }
            }
            if fits && ty == EntityType::Loc {
                site.support.push("cue:nationality");
            }
            // «بلدة الحمرا اللبنانية» with only Syrian Hamras known: a place, not one of these.
            site.nationality_mismatch = !fits;
        }
        if ty == EntityType::Loc && cues::stands_as_place(m.proclitic(), &site.before) {
            site.support.push("locative");
        }
        if ty == EntityType::Org && quoted {
            site.support.push("quoted");
        }
        if ty == EntityType::Loc && dateline {
            site.support.push("dateline");
        }
        // A name that opens with a place cue («قاعدة إنجرليك الجوية», «مطار المزة») carries
        // its own cue.
        if ty == EntityType::Loc
            && let Some((head, _)) = name.key().split_once(' ')
            && cues::cue_before(&[head]).is_some_and(|c| c.is_place_cue() && c != Cue::Country)
        {
            site.support.push("cue:in_name");
        }
        if ty == EntityType::Loc && after_preposition {
            site.weak_support.push("preposition");
        }
        if cue_before == Some(Cue::Person) {
            site.against = Some("cue:person");
        } else if ty == EntityType::Loc && cues::is_name_head(&site.before) {
            site.against = Some("part_of_name");
        } else if ty == EntityType::Loc && has_tanween(original, m.span()) {
            // «درعاً» (a shield), «إسبانياً»: an indefinite noun or an adverb, never a name.
            site.against = Some("tanween");
        } else if cues::is_idiom(name.key(), &site.after) {
            site.against = Some("idiom");
        } else if ty == EntityType::Loc
            && (cues::reads_as_adjective(name.key(), m.proclitic(), &site.before)
                || (cues::reads_as_definite_adjective(name.key(), m.proclitic(), &site.before)
                    && site
                        .candidates
                        .iter()
                        .any(|c| g.entity(c.entity).kind() == Kind::Country)))
        {
            site.against = Some("adjective");
        }
        site.cue_before = cue_before;
        site
    }

    #[allow(clippy::too_many_arguments)]
    fn second_pass(
        &self,
        g: &Gazetteer,
        folded: &str,
        mentions: &[Mention],
        sites: &mut [Site<'_>],
        i: usize,
        choices: &[Option<EntityId>],
        anchors: &[(EntityId, &Entity, &str)],
    ) {
        if sites[i].ty != EntityType::Loc {
            return;
        }
        // The next place: a cue word that is also a name (مدينة: Medina) right before a
        // mention is part of the phrase, not the next place («جنوب شرق مدينة دير الزور»).
        let mut next = i + 1;
        while next + 1 < mentions.len()
            && cues::is_cue_word(sites[next].name.key())
            && folded[mentions[next].folded().end()..mentions[next + 1].folded().start()]
                .trim()
                .is_empty()
            && mentions[next + 1].proclitic().is_empty()
        {
            next += 1;
        }
        let gap: Vec<&str> = match mentions.get(next) {
            Some(n) if n.folded().start() - mentions[i].folded().end() <= MAX_GAP_BYTES => {
                let start = n.folded().start() - n.proclitic().len_bytes();
                let mut t = context::tokens(&folded[mentions[i].folded().end()..start]);
                // The next mention's proclitics belong to the gap (بريف حلب: "ب").
                let pro = n.proclitic().as_string();
                if !pro.is_empty() {
                    t.push(&folded[start..n.folded().start()]);
                }
                t
            }
            _ => Vec::new(),
        };
        let next_entity = mentions
            .get(next)
            .and(choices.get(next).copied().flatten())
            .map(|e| g.entity(e));
        let prev_gap_is_list = i > 0 && is_list_gap(folded, &mentions[i - 1], &mentions[i]);
        let next_gap_is_list =
            next_entity.is_some() && is_list_gap(folded, &mentions[i], &mentions[next]);
        // A road named by its two ends: «طريق دير الزور الميادين», «أوتوستراد حلب دمشق».
        let road = i > 0
            && sites[i - 1].ty == EntityType::Loc
            && sites[i - 1]
                .before
                .first()
                .is_some_and(|w| cues::is_road_word(w))
            && mentions[i].proclitic().is_empty()
            && folded[mentions[i - 1].folded().end()..mentions[i].folded().start()]
                .trim()
                .is_empty();
        let prev_entity = (i > 0)
            .then(|| choices[i - 1])
            .flatten()
            .map(|e| g.entity(e));
        // A lone ف between two names may be "so": a list only in a chain of three.
        let prev_fa = i > 0 && is_fa_link(folded, &mentions[i - 1], &mentions[i]);
        let next_fa = next_gap_is_list && is_fa_link(folded, &mentions[i], &mentions[next]);
        let chain = (prev_gap_is_list && (next_gap_is_list || !prev_fa))
            || (next_gap_is_list && !next_fa)
            || (prev_fa && i > 1 && is_list_gap(folded, &mentions[i - 2], &mentions[i - 1]));
        let list_neighbours: Vec<&Entity> = [
            prev_entity.filter(|_| prev_gap_is_list && sites[i - 1].ty == EntityType::Loc),
            next_entity.filter(|_| next_gap_is_list && sites[next].ty == EntityType::Loc),
        ]
        .into_iter()
        .flatten()
        .collect();
        // A list of places, or a road, with a place of this name close to its neighbour:
        // «دير الزور فالعشارة فبالميادين» speaks of the town, not of squares.
        let near_neighbour = |neighbours: &[&Entity]| {
            sites[i].candidates.iter().any(|c| {
                let p = g.entity(c.entity).point();
                neighbours.iter().any(|n| match (p, n.point()) {
                    (Some(p), Some(q)) => p.distance_km(q) <= 40.0,
                    _ => false,
                })
            })
        };
        // A road's ends may lie far apart, in one country.
        let road = road
            && prev_entity.is_some_and(|p| {
                sites[i]
                    .candidates
                    .iter()
                    .any(|c| !p.country().is_empty() && g.entity(c.entity).country() == p.country())
            });
        let near_list = chain && !list_neighbours.is_empty() && near_neighbour(&list_neighbours);
        if road {
            sites[i].support.push("road");
        }
        if near_list {
            sites[i].support.push("list");
        } else if !list_neighbours.is_empty() {
            sites[i].weak_support.push("list");
        }

        // A cue word that names a place too (مدينة: Medina) right before another place is
        // the cue: «مدينة البوكمال».
        if gap.is_empty()
            && next_entity.is_some()
            && mentions[next].proclitic().is_empty()
            && cues::cue_before(&[sites[i].name.key()]).is_some_and(|c| c.is_place_cue())
        {
            sites[i].against = Some("cue_word");
        }
        // Containment or adjacency: X في ريف Y, X بريف Y, X (Y), X التابعة لY, X in Y, X, Y.
        let contained_in =
            next_entity.filter(|_| is_containment_gap(&gap, is_latin(sites[i].name.key())));
        // Relative position: X جنوب شرق Y بحوالي 140 كم. The words after Y (where the
        // distance may stand) are read only when the gap is a direction phrase.
        let relation = next_entity
            .and_then(|_| relative::parse(&gap, &[]))
            .map(|r| {
                let after_next = context::after(folded, mentions[next].folded().end(), 5);
                relative::parse(&gap, &after_next).unwrap_or(r)
            });
        // Other names' places: a name does not vouch for itself.
        let own_key = sites[i].name.key();
        let anchors: Vec<&Entity> = anchors
            .iter()
            .filter(|a| a.2 != own_key)
            .map(|a| a.1)
            .collect();
        // A cue naming an admin level (ريف، محافظة، منطقة، ناحية) has chosen between the city
        // and its unit; nearby places must not undo that.
        let admin_cue = matches!(
            sites[i].cue_before,
            Some(Cue::Countryside | Cue::Governorate | Cue::District | Cue::Subdistrict)
        );
        let several_local = !admin_cue
            && sites[i]
                .candidates
                .iter()
                .filter(|c| is_local(g.entity(c.entity)))
                .count()
                > 1;
        // The administrative chain «منطقة X بمحافظة Y», «منطقة X في ريف Y»: X is the
        // district (news writes «منطقة تدمر» for a town's surroundings too, but not with
        // the governorate after it).
        let admin_chain = sites[i].cue_before == Some(Cue::District)
            && next_entity.is_some_and(|y| y.kind() == Kind::Admin1)
            && matches!(
                gap.as_slice(),
                ["بمحافظه"] | ["في", "محافظه"] | ["بريف"] | ["في", "ريف"] | ["التابعه", "لمحافظه"]
            );
        let site = &mut sites[i];
        let mut supported_by_context = false;
        if admin_chain {
            for cand in &mut site.candidates {
                // Decisive: the district's seat town has the larger prior.
                if g.entity(cand.entity).kind() == Kind::Admin2 {
                    cand.score += 4.0;
                    cand.evidence.push("admin_chain");
                }
            }
        }
        let mut near_known_place = false;
        for cand in &mut site.candidates {
            let e = g.entity(cand.entity);
            if let Some(y) = contained_in {
                let fit = containment_fit(e, y);
                cand.score += fit;
                if fit > 0.0 {
                    cand.evidence.push("containment");
                    // «X بحلب», «X في حلب» tie a word to a place as easily as a name; «X
                    // في ريف حلب», «X (حلب)», «X التابعة لحلب» speak of a place.
                    if is_strong_containment_gap(&gap) {
                        supported_by_context = true;
                    } else {
                        near_known_place = true;
                    }
                }
            }
            if let (Some(rel), Some(y)) = (relation, next_entity)
                && let (Some(p), Some(anchor)) = (e.point(), y.point())
            {
                let fit = relative_fit(anchor, p, rel);
                cand.score += fit;
                if fit > 0.0 {
                    cand.evidence.push("relative_position");
                    supported_by_context = true;
                }
            }
            // Coherence picks among places of the same name (villages, towns); it must not
            // overrule a cue between a city and its own governorate, which share a place.
            if is_local(e) && (several_local || !anchors.is_empty()) {
                let fit = coherence_fit(e, &anchors);
                if several_local {
                    cand.score += fit;
                }
                if fit >= 1.0 {
                    // Nearby places make a reading likelier but do not show that a word is a
                    // name: a Deir ez-Zor article is full of words that are also the names
                    // of Deir ez-Zor villages.
                    cand.evidence.push("coherence");
                    near_known_place = true;
                }
            }
        }
        if supported_by_context {
            site.support.push("context");
        } else if near_known_place {
            site.weak_support.push("context");
        }
    }

    fn decide(&self, g: &Gazetteer, site: &Site<'_>) -> Resolution {
        let mut ranked = site.candidates.clone();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity.cmp(&b.entity)));
        let Some(best) = ranked.first() else {
            return Resolution {
                entity: None,
                ty: site.ty,
                confidence: 0.0,
                evidence: Vec::new(),
                alternatives: Vec::new(),
                accepted: false,
                point: None,
            };
        };
        // Softmax share of the best candidate.
        let total: f64 = ranked.iter().map(|c| (c.score - best.score).exp()).sum();
        let mut confidence = 1.0 / total;
        let mut evidence = best.evidence.clone();
        let best_entity = g.entity(best.entity);
        let commonness = self.commonness(g, site.name, best_entity);
        // A name that is itself a cue word (المدينة "the city", البلدة) refers back to a
        // place named before; only a phrase tying it to another place makes it a name.
        let cue_word = site.ty == EntityType::Loc && cues::is_cue_word(site.name.key());
        let supported = match commonness {
            _ if cue_word => site.support.contains(&"context"),
            Commonness::VeryCommon => site.support.iter().any(|s| *s != "locative"),
            _ => !site.support.is_empty(),
        };
        let mut accepted = true;
        if commonness != Commonness::Name {
            evidence.push("common_word");
            if supported {
                confidence *= 0.75;
            } else {
                confidence *= 0.2;
                accepted = false;
            }
        } else if !supported && site.weak_support.is_empty() {
            confidence *= 0.9;
        }
        for s in site.support.iter().chain(&site.weak_support) {
            if !evidence.contains(s) {
                evidence.push(s);
            }
        }
        // A small foreign place named with no cue, no preposition and no other place near it
        // is, in news about Syria, more often a word or a name of something else (ليل، الأبي).
        if best_entity.entity_type() == EntityType::Loc
            && !best_entity.country().is_empty()
            && best_entity.country() != "SY"
            && !is_actor(best_entity)
            && site.support.is_empty()
            && site.weak_support.is_empty()
        {
            evidence.push("unsupported_foreign");
            confidence *= 0.3;
            accepted = false;
        }
        // So is a small Syrian village with nothing for it but its name: no cue, no
        // preposition, no list, no place near it (عبلة a first name, مقتله "his killing").
        let small = best_entity.population().unwrap_or(0) < 20_000
            && !best_entity.class().starts_with("PPLA")
            && best_entity.class() != "PPLC";
        if best_entity.kind() == Kind::Populated
            && best_entity.country() == "SY"
            && small
            && best.evidence == ["prior"]
            && site.support.is_empty()
            && site.weak_support.is_empty()
        {
            evidence.push("unsupported_village");
            confidence *= 0.3;
            accepted = false;
        }
        // Lower-case English words that are names of small places (said, hit) are words;
        // a lower-cased text still finds its countries and cities.
        if site.lowercase && prior(best_entity) < 5.0 {
            evidence.push("lowercase");
            confidence *= 0.2;
            accepted = false;
        }
        if let Some(rule) = site.against {
            evidence.push(rule);
            confidence *= 0.1;
            accepted = false;
        }
        accepted &= confidence >= self.options.min_confidence;
        // Still a place mention, but the gazetteer lacks the one meant: kept, with a
        // confidence that says the point is likely wrong.
        if site.nationality_mismatch {
            evidence.push("nationality_mismatch");
            confidence *= 0.3;
        }
        Resolution {
            entity: Some(best.entity),
            ty: site.ty,
            confidence,
            evidence,
            alternatives: ranked
                .iter()
                .skip(1)
                .take(3)
                .map(|c| (c.entity, c.score))
                .collect(),
            accepted,
            point: best_entity.point(),
        }
    }

    /// Whether the name is (also) an ordinary word, judged from the reference corpus.
    ///
    /// Ordinary when it occurs far more often than its best entity's prominence predicts
    /// (`common_word_ratio`); or when its best entity is in Syria yet its documents are
    /// rarely about Syria (under 30 % of 20 or more: الميادين "the squares"); or when
    /// it almost never stands where places stand (under 1.5 % of 20 or more occurrences
    /// after إلى، نحو، قرب، مدينة...: person names like بشار، رامي) — countries, capitals,
    /// and world regions excepted, which news treats as actors.
    ///
    /// A person's name (from the person list) is ordinary in the same sense.
    ///
    /// Never ordinary when its documents are mostly about Syria (45 % of 3 or more, and 6 %
    /// of 20 or more occurrences locative: a place in the news, like الزبداني in 2015, is
    /// frequent because it is a place), or when it
    /// often stands where places stand (20 % of 10 or more: جدة, الرياض, حلب).
    fn commonness(&self, g: &Gazetteer, name: &Name, e: &Entity) -> Commonness {
        // A person's name (a village called بشار) needs support like an ordinary word;
        // واشنطن is a surname too, but a capital first.
        let person = if name.is_person_name() && !is_actor(e) {
            Commonness::Common
        } else {
            Commonness::Name
        };
        let (Some(count), tokens) = (name.corpus_count(), g.corpus_tokens()) else {
            return person;
        };
        if tokens == 0 {
            return person;
        }
        if e.entity_type() == EntityType::Org {
            return org_commonness(name, count, tokens, e);
        }
        // A facility named with its head noun («قاعدة انجرليك», «مطار المزة») is a name even
        // where news writes it as an object («استخدام قاعدة انجرليك») rather than after إلى.
        if matches!(e.kind(), Kind::Facility | Kind::Camp) && name.key().contains(' ') {
            return Commonness::Name;
        }
        let (docs, syria_docs) = name.corpus_docs();
        let syria_share = f64::from(syria_docs) / f64::from(docs.max(1));
        let locative_share = f64::from(name.corpus_locative()) / f64::from(count.max(1));
        let syrian = e.country() == "SY";
        // Topical: a place in the news. Not a Syrian figure's first name (بشار، رامي: their
        // documents are about Syria too, but they never stand where places stand), nor a
        // word of the news about Syria (اللاجئين: 3 % locative; places have 9 % and more).
        let topical =
            syrian && docs >= 3 && syria_share >= 0.45 && (count < 20 || locative_share >= 0.06);
        if topical || (count >= 10 && locative_share >= 0.2) {
            return Commonness::Name;
        }
        let per_million = f64::from(count) * 1e6 / tokens as f64;
        let rate_ratio = per_million / (expected_per_million(e) * self.options.common_word_ratio);
        let by_spread = syrian && docs >= 20 && syria_share < 0.3 && !is_actor(e);
        // News makes countries, capitals and world regions actors (إيران تدعم، واشنطن
        // تعلن): they seldom stand after a locative word and are names all the same.
        let actor = is_actor(e);
        let by_use = count >= 20 && locative_share < 0.015 && !actor;
        if rate_ratio > 5.0 || (count >= 50 && locative_share < 0.01 && !actor) {
            Commonness::VeryCommon
        } else if rate_ratio > 1.0 || by_spread || by_use || (name.is_person_name() && !actor) {
            Commonness::Common
        } else {
            Commonness::Name
        }
    }
}

/// Places the mentions of features with a course (rivers) on the
/// stretch the document is about: the point of the course nearest to the centre of the
/// places named beside it, each within 25 km of the course: those of the mention's
/// paragraph, else the three named closest in the text. Without such places the feature
/// keeps its own point.
fn place_on_courses(
    g: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    resolutions: &mut [Resolution],
) {
    const NEAR_COURSE_KM: f64 = 25.0;
    const PLACES: usize = 3;
    for i in 0..resolutions.len() {
        let Some(course) = resolutions[i]
            .entity
            .map(|e| g.entity(e).course())
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        let at = mentions[i].span().start();
        let paragraph = paragraph_of(text, at);
        // (distance in the text, same paragraph, entity, point)
        let mut near: Vec<(usize, bool, EntityId, Point)> = mentions
            .iter()
            .zip(resolutions.iter())
            .filter(|(_, r)| r.accepted && r.ty == EntityType::Loc)
            .filter_map(|(m, r)| {
                let id = r.entity?;
                let point_like = matches!(
                    g.entity(id).kind(),
                    Kind::Populated
                        | Kind::Admin3
                        | Kind::Neighbourhood
                        | Kind::Camp
                        | Kind::Facility
                );
                let p = r.point.filter(|_| point_like)?;
                let (_, km) = p.nearest_on(course)?;
                let start = m.span().start();
                (km <= NEAR_COURSE_KM).then_some((
                    start.abs_diff(at),
                    paragraph.contains(&start),
                    id,
                    p,
                ))
            })
            .collect();
        near.sort_by_key(|n| (n.0, n.2));
        let mut seen = Vec::new();
        near.retain(|n| {
            !seen.contains(&n.2) && {
                seen.push(n.2);
                true
            }
        });
        if near.iter().any(|n| n.1) {
            near.retain(|n| n.1);
        } else {
            near.truncate(PLACES);
        }
        if near.is_empty() {
            continue;
        }
        let n = near.len() as f64;
        let centre = Point {
            lat: near.iter().map(|p| p.3.lat).sum::<f64>() / n,
            lon: near.iter().map(|p| p.3.lon).sum::<f64>() / n,
        };
        if let Some((on, _)) = centre.nearest_on(course) {
            resolutions[i].point = Some(on);
            resolutions[i].evidence.push("course");
        }
    }
}

/// The byte range of the paragraph (text between blank or line breaks) around `at`.
fn paragraph_of(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    start..end
}

/// Place or organization: by a cue word, else by the most prominent candidate.
///
/// A name in quotes («الوطن»، "الشرق الأوسط") is a media or group name; a place cue or a
/// prominent place (a region, a town of some size: prior ≥ 3) makes it a place — a foreign
/// town that is no capital only after a preposition or locative word, since alone it would
/// be rejected as unsupported anyway ("Hamas" is also an alternate name of Hamm, Germany).
fn choose_type(
    g: &Gazetteer,
    name: &Name,
    before: Option<Cue>,
    after: Option<Cue>,
    quoted: bool,
    place_context: bool,
) -> EntityType {
    let types = |ty| {
        name.entities()
            .iter()
            .any(|&e| g.entity(e).entity_type() == ty)
    };
    let (loc, org) = (types(EntityType::Loc), types(EntityType::Org));
    if !(loc && org) {
        return if org {
            EntityType::Org
        } else {
            EntityType::Loc
        };
    }
    match before.or(after) {
        Some(Cue::Organization) => EntityType::Org,
        _ if quoted => EntityType::Org,
        Some(_) => EntityType::Loc,
        None => {
            let best_loc = name
                .entities()
                .iter()
                .map(|&e| g.entity(e))
                .filter(|e| e.entity_type() == EntityType::Loc)
                .map(|e| (prior(e), e))
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.id().cmp(a.1.id())));
            let stands_alone = |e: &Entity| e.country() == "SY" || is_actor(e) || place_context;
            if best_loc.is_some_and(|(p, e)| p >= 3.0 && stands_alone(e)) {
                EntityType::Loc
            } else {
                EntityType::Org
            }
        }
    }
}

/// Whether the word of the mention carries a tanween fath (ً) and no other vowel mark:
/// newspapers write it alone on indefinite accusatives («درعاً» a shield, «مساءً»), never
/// on a name. Fully vowelled text (حَلَبٍ، «سوريةٌ واحدةٌ») is not read this way.
fn has_tanween(text: &str, span: crate::Span) -> bool {
    let word = text[span.start()..]
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    word.contains('\u{064B}') && !word.contains(|c| matches!(c, '\u{064C}'..='\u{0652}'))
}

/// Whether a Latin mention is written in capitals amid words in capitals (a headline, a
/// shouted line), where case does not tell names from words.
fn in_capitals(text: &str, span: crate::Span) -> bool {
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| !c.is_alphabetic() || c.is_ascii_uppercase())
    };
    capitals(&text[span])
        && (text[..span.start()]
            .split_whitespace()
            .next_back()
            .is_some_and(capitals)
            || text[span.end()..]
                .split_whitespace()
                .next()
                .is_some_and(capitals))
}

/// Whether the mention stands between quotation marks: «X», "X", “X”.
fn is_quoted(before: &[&str], after: &[&str]) -> bool {
    let opens = before
        .first()
        .is_some_and(|w| matches!(*w, "«" | "\"" | "“" | "'"));
    let closes = after
        .first()
        .is_some_and(|w| matches!(*w, "»" | "\"" | "”" | "'"));
    opens && closes
}

/// Scores a site's candidates by a cue word, and records the cue as support when it agrees
/// with the mention's type.
fn apply_cue(g: &Gazetteer, site: &mut Site<'_>, cue: Cue) {
    for c in &mut site.candidates {
        let fit = cue.fit(g.entity(c.entity));
        c.score += 2.0 * fit;
        if fit > 0.0 {
            c.evidence.push(cue.rule());
        }
    }
    // A cue supports the name only when some candidate fits it (أحياء المدينة: a city has
    // no neighbourhood cue of its own).
    let fits = site
        .candidates
        .iter()
        .any(|c| cue.fit(g.entity(c.entity)) >= 1.0);
    let agrees = fits
        && if cue.is_place_cue() {
            site.ty == EntityType::Loc
        } else {
            site.ty == EntityType::Org
        };
    if agrees && !site.support.contains(&cue.rule()) {
        site.support.push(cue.rule());
    }
}

fn best_entity(site: &Site<'_>) -> Option<EntityId> {
    site.candidates
        .iter()
        .max_by(|a, b| a.score.total_cmp(&b.score).then(b.entity.cmp(&a.entity)))
        .map(|c| c.entity)
}

/// A mention whose pass-one choice is safe to lean on: one candidate, or a clear margin.
fn is_confident(site: &Site<'_>) -> bool {
    let mut scores: Vec<f64> = site.candidates.iter().map(|c| c.score).collect();
    scores.sort_by(|a, b| b.total_cmp(a));
    match scores.as_slice() {
        [_] => true,
        [a, b, ..] => a - b >= 1.5,
        [] => false,
    }
}
