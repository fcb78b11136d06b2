//! The document focus: where an article is about, as a coder of events assigns one location
//! per story (ACLED, UCDP): a ranked list of places, the first one also at admin level 1 (the
//! governorate, or the country outside Syria).
//!
//! Each accepted place mention votes with a weight, the product of the evidence around it:
//!
//! - position: in the headline (the first line of a text of several), in the first sentence
//!   of the body, or a dateline;
//! - an event word near it (قصف، اشتباكات، غارة، shelling, clashes: `src/words/events.tsv`);
//! - framing, against: an actor (a country, a capital, a world region) named with no
//!   preposition before it (the capital as the seat of a government, «أعلنت
//!   دمشق»), and the place a relative-position or containment phrase is measured from («جنوب
//!   شرق مدينة دير الزور»);
//! - frequency: the votes of all mentions of a place add up;
//! - specificity: a village's vote counts for its governorate too, so the governorate whose
//!   places carry the most votes is the focus area; «Syria» counts for the best of its
//!   governorates, never against them. Within the area the place with most votes of its own
//!   comes first, the more specific one on a tie (a town before its governorate).
//!
//! The weights are [`FocusWeights`]; DESIGN.md §12 gives what each is worth on FA-KES.

use super::Evidence;
use super::Resolution;
use super::prior::EntityFacts;
use crate::document::Document;
use crate::gazetteer::{EntityId, EntityType, Gazetteer, Kind};
use crate::tag::Mention;
use crate::words::{Lexicon, TokenWords};

pub use super::focus_weights::FocusWeights;

/// How many tokens before a mention an event word may stand («قصف الطيران الحربي على
/// مدينة X», "air strikes on the town of X").
pub const EVENT_WINDOW: usize = 6;

/// How many tokens before a mention a preposition of origin may stand ("from the northern
/// towns of X").
const ORIGIN_WINDOW: usize = 6;

/// How many tokens after a mention an event word may stand ("X was shelled").
const EVENT_AFTER: usize = 3;

/// How many sentences of the body, the first one included, make its lead.
pub const LEAD_SENTENCES: u32 = 3;

/// A headline has at most this many tokens.
const HEADLINE_TOKENS: usize = 40;

/// One place of a document's focus.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FocusPlace {
    entity: EntityId,
    score: f64,
    mentions: u32,
}

impl FocusPlace {
    /// The place.
    pub fn entity(&self) -> EntityId {
        self.entity
    }
    /// Its share in [0, 1] of the document's votes (its own mentions only).
    pub fn score(&self) -> f64 {
        self.score
    }
    /// How many accepted mentions name it.
    pub fn mentions(&self) -> u32 {
        self.mentions
    }
}

/// Where a document is about: see [`crate::Resolver::focus`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Focus {
    places: Vec<FocusPlace>,
    area: Option<(EntityId, f64)>,
}

impl Focus {
    /// The places, the focus first: the places of the focus area by their votes, then those
    /// of the other areas, areas by their votes. At most [`Focus::MAX_PLACES`].
    pub fn places(&self) -> &[FocusPlace] {
        &self.places
    }
    /// The place the document is about, if it names any.
    pub fn top(&self) -> Option<&FocusPlace> {
        self.places.first()
    }
    /// The first place at admin level 1: its governorate (a Syrian place), or its country,
    /// with the share in [0, 1] of the document's votes that fall in it.
    pub fn admin1(&self) -> Option<(EntityId, f64)> {
        self.area
    }
    /// The longest list [`Focus::places`] gives.
    pub const MAX_PLACES: usize = 10;
}

/// The area a place votes for: its country and, in Syria, its governorate (an interned
/// P-code, 0 for the country itself or a place of no governorate).
type Area = ([u8; 2], u32);

/// What the document says of one place.
struct Tally {
    entity: EntityId,
    area: Area,
    votes: f64,
    /// What it gives its area: its votes, a governorate named as one more.
    area_votes: f64,
    mentions: u32,
    first: usize,
    rank: u8,
}

/// How specific a kind is: a town before its district, its governorate, its country.
fn specificity(kind: Kind) -> u8 {
    match kind {
        Kind::Continent => 0,
        Kind::Country => 1,
        Kind::Region => 2,
        Kind::Admin1 => 3,
        Kind::Admin2 => 4,
        Kind::Admin3 | Kind::Natural => 5,
        _ => 6,
    }
}

/// The word tables' entries of a document's words: as the tagger recorded them when it
/// tagged the document, else looked up.
#[derive(Clone, Copy)]
pub(super) struct WordsAt<'a> {
    pub(super) lex: &'a Lexicon,
    /// One entry per token, from [`crate::Tagger::tag_document`].
    pub(super) tagged: Option<&'a [TokenWords]>,
}

impl WordsAt<'_> {
    /// The entries of word token `i`'s proclitic splits.
    fn at(&self, doc: &Document<'_>, i: usize) -> TokenWords {
        match self.tagged {
            Some(words) => words[i],
            None => self.lex.token_words(doc.text(i)),
        }
    }
}

/// Where the headline and the lead of a document are.
struct Layout {
    /// The first line is a headline.
    headline: bool,
    /// The first sentence of the body: the one after the headline, or the first.
    lead: u32,
}

impl Layout {
    fn of(doc: &Document<'_>) -> Layout {
        let tokens = doc.tokens();
        let paragraphs = tokens.last().map_or(0, |t| t.paragraph + 1);
        let first_body = tokens.iter().position(|t| t.paragraph > 0);
        let headline = paragraphs > 1 && first_body.is_some_and(|b| b <= HEADLINE_TOKENS);
        let lead = match (headline, first_body) {
            (true, Some(b)) => tokens[b].sentence,
            _ => 0,
        };
        Layout { headline, lead }
    }
}

/// What reading one mention leaves for the next.
#[derive(Default)]
struct Carry {
    /// The previous mention's phrase measures it from this one (a relative position).
    measures: bool,
    /// The headline's first place is counted.
    headline_named: bool,
    /// Where the previous place mention ends, and whether it was an origin.
    previous: Option<(usize, bool)>,
}

/// The focus of `doc` from its accepted mentions `found` (in text order).
pub(super) fn focus(
    doc: &Document<'_>,
    g: &Gazetteer,
    facts: &EntityFacts,
    words: WordsAt<'_>,
    found: &[(Mention, Resolution)],
    w: &FocusWeights,
) -> Focus {
    let layout = Layout::of(doc);
    let mut tallies: Vec<Tally> = Vec::new();
    let mut carry = Carry::default();
    for (order, (m, r)) in found.iter().enumerate() {
        let Some(e) = r.entity().filter(|_| r.is_accepted()) else {
            continue;
        };
        let f = facts.get(e);
        if f.ty != EntityType::Loc || r.entity_type() != EntityType::Loc {
            continue;
        }
        if m.first_token() >= doc.tokens().len() {
            continue;
        }
        let kind = g.entity(e).kind();
        let (vote, area_vote) =
            votes_of(doc, &words, &layout, &mut carry, (m, r), (f.actor, kind), w);
        let area = match kind {
            Kind::Country => (f.iso, 0),
            _ if f.in_syria() && f.admin1 != 0 => (f.country, f.admin1),
            _ if f.in_syria() => (f.country, f.own_admin1),
            _ => (f.country, 0),
        };
        match tallies.iter_mut().find(|t| t.entity == e) {
            Some(t) => {
                t.votes += vote;
                t.area_votes += area_vote;
                t.mentions += 1;
            }
            None => tallies.push(Tally {
                entity: e,
                area,
                votes: vote,
                area_votes: area_vote,
                mentions: 1,
                first: order,
                rank: specificity(kind),
            }),
        }
    }
    rank(g, tallies, w)
}

/// The vote of one mention, for the place and for its area: its position, the words around
/// it, and what the mention before it says of it.
fn votes_of(
    doc: &Document<'_>,
    words: &WordsAt<'_>,
    layout: &Layout,
    carry: &mut Carry,
    (m, r): (&Mention, &Resolution),
    (actor, kind): (bool, Kind),
    w: &FocusWeights,
) -> (f64, f64) {
    let first = m.first_token();
    let token = &doc.tokens()[first];
    let in_headline = layout.headline && token.paragraph == 0;
    let mut vote = if in_headline {
        w.headline
    } else if token.sentence == layout.lead {
        w.first_sentence
    } else if token.sentence >= layout.lead + LEAD_SENTENCES {
        w.later
    } else {
        1.0
    };
    if in_headline && !carry.headline_named && !actor && kind != Kind::Country {
        carry.headline_named = true;
        vote *= w.headline_first;
    }
    vote *= read_around(doc, words, m, r, actor, kind, w);
    if carry.measures {
        vote *= w.reference;
    }
    // "from the towns of X and Y": the origin covers the list.
    let floor = carry.previous.map_or(0, |(end, _)| end);
    let origin = comes_from(doc, words, first, floor)
        || carry
            .previous
            .is_some_and(|(end, origin)| origin && listed(doc, end, first));
    if origin {
        vote *= w.origin;
    }
    carry.previous = Some((m.end_token(), origin));
    let measures = [
        Evidence::RelativePosition,
        Evidence::Containment,
        Evidence::AdminChain,
    ];
    carry.measures = measures.iter().any(|&x| r.evidence().contains(x));
    // The scene named as an area counts for the area, not for the governorate as the
    // place of the story: a town it names stays first.
    let area_vote = if named_as_area(kind, r) {
        vote * w.province
    } else {
        vote
    };
    (vote, area_vote)
}

/// The ranked focus from the tallies of its places: areas by their votes, places by theirs
/// within their area.
fn rank(g: &Gazetteer, mut tallies: Vec<Tally>, w: &FocusWeights) -> Focus {
    let total: f64 = tallies.iter().map(|t| t.votes).sum();
    let area_total: f64 = tallies.iter().map(|t| t.area_votes).sum();
    if tallies.is_empty() || total <= 0.0 {
        return Focus::default();
    }
    let key_of = |t: &Tally| {
        if w.specificity {
            t.area
        } else {
            // Without specificity each place is an area of its own.
            ([0, 0], t.entity.index() as u32 + 1)
        }
    };
    let areas = areas_of(&tallies, key_of, w.specificity);
    let area_of = |t: &Tally| {
        areas
            .iter()
            .position(|a| a.0 == key_of(t))
            .unwrap_or(usize::MAX)
    };
    tallies.sort_by(|a, b| {
        area_of(a)
            .cmp(&area_of(b))
            .then(b.votes.total_cmp(&a.votes))
            .then(b.rank.cmp(&a.rank))
            .then(a.first.cmp(&b.first))
    });
    let places: Vec<FocusPlace> = tallies
        .iter()
        .take(Focus::MAX_PLACES)
        .map(|t| FocusPlace {
            entity: t.entity,
            score: t.votes / total,
            mentions: t.mentions,
        })
        .collect();
    let top = &tallies[0];
    let share = if w.specificity {
        areas[0].1 / area_total
    } else {
        top.votes / total
    };
    let area = admin1_of(g, top.entity).map(|a| (a, share.min(1.0)));
    Focus { places, area }
}

/// The areas of the tallies with their votes and first mention, best first.
fn areas_of(
    tallies: &[Tally],
    key_of: impl Fn(&Tally) -> Area,
    specificity: bool,
) -> Vec<(Area, f64, usize)> {
    let mut areas: Vec<(Area, f64, usize)> = Vec::new();
    for t in tallies {
        let key = key_of(t);
        match areas.iter_mut().find(|a| a.0 == key) {
            Some(a) => {
                a.1 += t.area_votes;
                a.2 = a.2.min(t.first);
            }
            None => areas.push((key, t.area_votes, t.first)),
        }
    }
    if specificity {
        // A country's own votes go to its best governorate when the text names one; places
        // of no country (continents, world regions) frame the story when others are named.
        let mut moved = Vec::new();
        for (i, a) in areas.iter().enumerate() {
            let inner = areas
                .iter()
                .enumerate()
                .filter(|(j, b)| *j != i && b.0.0 == a.0.0 && b.0.1 != 0)
                .max_by(|x, y| x.1.1.total_cmp(&y.1.1).then(y.1.2.cmp(&x.1.2)));
            if a.0.1 == 0 {
                if let Some((j, _)) = inner {
                    moved.push((i, Some(j)));
                } else if a.0.0 == [0, 0] && areas.iter().any(|b| b.0.0 != [0, 0]) {
                    moved.push((i, None));
                }
            }
        }
        for (from, to) in moved {
            let votes = std::mem::take(&mut areas[from].1);
            if let Some(to) = to {
                areas[to].1 += votes;
            }
        }
    }
    areas.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    areas
}

/// Whether a preposition of origin ("from") stands up to [`ORIGIN_WINDOW`] tokens before
/// token `first` in its sentence, after token `floor` (the end of the place named before)
/// and with no other preposition between ("from the towns of X", not "from Idlib to X").
fn comes_from(doc: &Document<'_>, words: &WordsAt<'_>, first: usize, floor: usize) -> bool {
    let tokens = doc.tokens();
    let sentence = tokens[first].sentence;
    for i in (first.saturating_sub(ORIGIN_WINDOW).max(floor)..first).rev() {
        if tokens[i].sentence != sentence || !doc.is_word(i) {
            continue;
        }
        let (lex, entries) = (words.lex, words.at(doc, i));
        if lex.is_origin(&entries) {
            return true;
        }
        if lex.is_locative(&entries) || lex.is_event(&entries) {
            return false;
        }
    }
    false
}

/// Whether only a comma, "and" or "or" stands between the place that ends at token `end`
/// and the one at token `first`: the next item of a list.
fn listed(doc: &Document<'_>, end: usize, first: usize) -> bool {
    (end..first).all(|i| !doc.is_word(i) || matches!(doc.text(i), "and" | "or"))
}

/// What the words around a mention say of it, as a factor of its vote: a dateline, an event
/// word near it, an actor named with no preposition before it.
fn read_around(
    doc: &Document<'_>,
    words: &WordsAt<'_>,
    m: &Mention,
    r: &Resolution,
    actor: bool,
    kind: Kind,
    w: &FocusWeights,
) -> f64 {
    let tokens = doc.tokens();
    let (lex, words_at) = (words.lex, |i: usize| words.at(doc, i));
    let mut vote = 1.0;
    if r.evidence().contains(Evidence::Dateline) {
        vote *= w.dateline;
    }
    let first = m.first_token();
    let sentence = tokens[first].sentence;
    let end = m.end_token();
    let event = (first.saturating_sub(EVENT_WINDOW)..first)
        .chain(end..(end + EVENT_AFTER).min(tokens.len()))
        .filter(|&i| tokens[i].sentence == sentence && doc.is_word(i))
        .any(|i| lex.is_event(&words_at(i)));
    if event {
        vote *= w.event;
    }
    let located = m.proclitic().preposition().is_some()
        || first
            .checked_sub(1)
            .is_some_and(|b| doc.is_word(b) && lex.is_locative(&words_at(b)));
    // An actor near an event word is most often its author («US-led strikes», «Russian
    // air strikes»): only a preposition makes it the place of the story.
    if actor && !located {
        vote *= match kind {
            Kind::Populated => w.capital,
            _ => w.frame,
        };
    }
    vote
}

/// A governorate named as one («محافظة إدلب», «ريف حلب», "Idlib province").
fn named_as_area(kind: Kind, r: &Resolution) -> bool {
    kind == Kind::Admin1
        && [Evidence::CueGovernorate, Evidence::CueCountryside]
            .iter()
            .any(|&x| r.evidence().contains(x))
}

/// The governorate of a Syrian place (itself for a governorate), or the country of another.
fn admin1_of(g: &Gazetteer, e: EntityId) -> Option<EntityId> {
    let entity = g.entity(e);
    match entity.kind() {
        Kind::Admin1 | Kind::Country => return Some(e),
        _ => {}
    }
    let governorate = entity.admin_pcodes()[0];
    if entity.country() == "SY" && !governorate.is_empty() {
        return g.by_id(&format!("ocha:{governorate}"));
    }
    if entity.country().is_empty() {
        return None;
    }
    g.by_id(&format!("iso:{}", entity.country()))
}
