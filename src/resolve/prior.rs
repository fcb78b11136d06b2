//! What an entity is worth before any context, and whether its name is also an ordinary word.
//!
//! The prior ranks the candidates of a name by kind, population and seat status; the expected
//! rates say how often news names an entity of that prominence, against which a name's corpus
//! frequency is read (DESIGN.md §5).

use crate::automaton::FastMap;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::gazetteer::{Entity, EntityId, EntityType, Gazetteer, Kind, Name, NameId, Point};
use crate::words::Size;

/// What the resolver reads of an entity, computed once per gazetteer: plain numbers and
/// codes, so scoring a candidate touches one small record and compares no strings.
#[derive(Clone, Copy, Debug)]
pub(super) struct Facts {
    pub(super) prior: f64,
    pub(super) expected_per_million: f64,
    pub(super) kind: Kind,
    pub(super) ty: EntityType,
    pub(super) size: Size,
    /// Countries, continents, world regions and capitals: news makes them actors.
    pub(super) actor: bool,
    /// ISO code of its country, `[0, 0]` when none.
    pub(super) country: [u8; 2],
    /// For a country entity, the code its id names (`iso:SY`).
    pub(super) iso: [u8; 2],
    /// The governorate it lies in (an interned P-code, 0 when none).
    pub(super) admin1: u32,
    /// Its own P-code interned in the same table, when that is a governorate's (0 otherwise).
    pub(super) own_admin1: u32,
    /// A settlement under 20,000 people that is no seat or capital.
    pub(super) small: bool,
    pub(super) point: Option<Point>,
    /// Its own index in the gazetteer.
    pub(super) index: u32,
    /// For a city quarter, the index of its city ([`Entity::parent`](crate::Entity::parent)).
    pub(super) parent: Option<u32>,
    /// The cosine of the point's latitude, for distances compared by their haversine term.
    pub(super) cos_lat: f64,
    /// A river or another feature with a course ([`Entity::course`]).
    pub(super) has_course: bool,
}

impl Facts {
    pub(super) fn in_syria(&self) -> bool {
        self.country == *b"SY"
    }
}

/// The facts of every entity of a gazetteer, by [`EntityId`], and what the word tables say
/// of each name key, learnt on first use ([`NameCues`]).
#[derive(Debug)]
pub(super) struct EntityFacts {
    entities: Vec<Facts>,
    /// Per name: the cue bits.
    names: PerName,
}

/// A byte per name, learnt on first use and shared by threads: 0 until computed, else
/// [`PerName::COMPUTED`] and the value's seven bits. Threads racing to compute one store the
/// same value.
#[derive(Debug)]
pub(super) struct PerName(Vec<AtomicU8>);

impl PerName {
    const COMPUTED: u8 = 0x80;

    /// Nothing learnt yet, for `names` names.
    pub(super) fn new(names: usize) -> PerName {
        PerName((0..names).map(|_| AtomicU8::new(0)).collect())
    }

    /// Name `name`'s value (seven bits), computed by `compute` the first time; computed every
    /// time for a name beyond the table.
    pub(super) fn get(&self, name: NameId, compute: impl FnOnce() -> u8) -> u8 {
        let Some(cell) = self.0.get(name.index()) else {
            return compute();
        };
        let known = cell.load(Ordering::Relaxed);
        if known & PerName::COMPUTED != 0 {
            return known & !PerName::COMPUTED;
        }
        let value = compute();
        debug_assert_eq!(value & PerName::COMPUTED, 0, "seven bits");
        cell.store(value | PerName::COMPUTED, Ordering::Relaxed);
        value
    }
}

/// What the word tables say of a name key: bits of [`EntityFacts::name_cues`].
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) struct NameCues(pub(super) u8);

impl NameCues {
    /// The key is a place cue word, with or without the article (المدينة).
    pub(super) const CUE_WORD: u8 = 0x01;
    /// The key itself is a place cue (مدينة: Medina).
    pub(super) const PLACE_CUE: u8 = 0x02;
    /// The key opens with a place cue other than a country's (مطار المزة).
    pub(super) const OPENS_WITH_CUE: u8 = 0x04;
    /// The key opens an idiom of the word tables (مسقط رأسه).
    pub(super) const IDIOM: u8 = 0x08;
    /// Some entity of the name is a place.
    pub(super) const PLACE: u8 = 0x10;
    /// Some entity of the name is an organization.
    pub(super) const ORGANIZATION: u8 = 0x20;

    pub(super) fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

impl EntityFacts {
    /// No entity's facts, for rules that read only words.
    pub(super) const NONE: EntityFacts = EntityFacts {
        entities: Vec::new(),
        names: PerName(Vec::new()),
    };

    /// The cues of name `name`, computed by `compute` the first time.
    pub(super) fn name_cues(&self, name: NameId, compute: impl FnOnce() -> u8) -> NameCues {
        NameCues(self.names.get(name, compute))
    }

    pub(super) fn new(g: &Gazetteer) -> EntityFacts {
        // The governorates' P-codes, interned: the codes entities name as their first admin
        // level, and the governorates' own.
        let mut admin1: FastMap<&str, u32> = FastMap::default();
        for (_, e) in g.entities() {
            let own = (e.kind() == Kind::Admin1).then(|| e.pcode());
            for code in [Some(e.admin_pcodes()[0]), own].into_iter().flatten() {
                let next = admin1.len() as u32 + 1;
                if !code.is_empty() {
                    admin1.entry(code).or_insert(next);
                }
            }
        }
        let intern = |code: &str| admin1.get(code).copied().unwrap_or(0);
        let facts_of = |(id, e): (EntityId, &Entity)| Facts {
            prior: prior(e),
            expected_per_million: expected_per_million(e),
            kind: e.kind(),
            ty: e.entity_type(),
            size: Size::of(e),
            actor: is_actor(e),
            country: code(e.country()),
            iso: e.id().strip_prefix("iso:").map_or([0, 0], code),
            admin1: intern(e.admin_pcodes()[0]),
            own_admin1: intern(e.pcode()),
            small: e.population().unwrap_or(0) < 20_000
                && !e.class().starts_with("PPLA")
                && e.class() != "PPLC",
            point: e.point(),
            index: id.index() as u32,
            parent: g.by_id(e.parent()).map(|p| p.index() as u32),
            cos_lat: e.point().map_or(1.0, |p| p.lat.to_radians().cos()),
            has_course: !e.course().is_empty(),
        };
        // On the start's critical path: the two halves on two threads when there are two.
        let entities: Vec<(EntityId, &Entity)> = g.entities().collect();
        let (first, second) = entities.split_at(entities.len() / 2);
        let half = |part: &[(EntityId, &Entity)]| part.iter().copied().map(facts_of).collect();
        let (rest, mut facts): (Option<Vec<Facts>>, Vec<Facts>) =
            crate::threads::both(|| half(second), || half(first));
        // A half whose thread failed is computed here.
        facts.extend(rest.unwrap_or_else(|| half(second)));
        EntityFacts {
            entities: facts,
            names: PerName::new(g.names().count()),
        }
    }

    pub(super) fn get(&self, id: EntityId) -> &Facts {
        &self.entities[id.index()]
    }
}

/// A two-letter country code as bytes, `[0, 0]` for none.
pub(super) fn code(country: &str) -> [u8; 2] {
    match country.as_bytes() {
        [a, b] => [*a, *b],
        _ => [0, 0],
    }
}

/// Places that news makes actors (إيران تدعم، واشنطن تعلن): countries, continents, world
/// regions and capitals. They seldom stand after a locative word and
/// are names all the same.
fn is_actor(e: &Entity) -> bool {
    matches!(e.kind(), Kind::Country | Kind::Continent)
        || (e.kind() == Kind::Region && e.country().is_empty())
        || e.class() == "PPLC"
        || e.class() == "capital"
}

/// Whether an organization's name is an ordinary word. Names of several words (جبهة
/// النصرة، حزب الله) are names. A single word with the article (الوطن، الحياة، العربية،
/// القاعدة) is also a common noun, unless half its documents are about Syria, and so is a media name used once here and there across
/// the corpus like an ordinary word (fewer than 1.6 occurrences per document over 30 or more
/// documents: سبق، تشرين، محيط) — real names come back within a document (داعش: 3.6).
pub(super) fn org_commonness(name: &Name, count: u32, tokens: u64, e: &Facts) -> Commonness {
    let per_million = f64::from(count) * 1e6 / tokens as f64;
    let single_word = !name.key().contains(' ');
    let (docs, syria_docs) = name.corpus_docs();
    let per_doc = f64::from(count) / f64::from(docs.max(1));
    // A word with the article that lives in news about Syria is a name there (البنتاغون:
    // 26 of 40 documents); the common nouns are spread like the corpus (الوطن: 7 %).
    let topical = docs >= 5 && f64::from(syria_docs) >= 0.5 * f64::from(docs);
    if per_million > 2000.0 {
        Commonness::VeryCommon
    } else if name.is_person_name()
        || (single_word && name.key().starts_with("ال") && !topical)
        || (single_word
            && docs >= 30
            && per_doc < 1.6
            && matches!(e.kind, Kind::Media | Kind::Other))
    {
        Commonness::Common
    } else {
        Commonness::Name
    }
}

/// How much a name is an ordinary word, from the corpus statistics.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(super) enum Commonness {
    /// Used as a name (or no statistics).
    Name,
    /// Also an ordinary word: needs supporting evidence.
    Common,
    /// Mostly an ordinary word (أن، كان، تحت): only a cue word or a phrase tying it to
    /// another place will do, not a locative word before it (إلى أن).
    VeryCommon,
}

/// How often news mentions an entity of this prominence, per million words (a rough prior
/// used only to judge whether a name's corpus frequency is that of an ordinary word).
fn expected_per_million(e: &Entity) -> f64 {
    let pop = e.population().unwrap_or(0);
    match e.kind() {
        Kind::Country => 400.0,
        Kind::Continent => 100.0,
        Kind::Admin1 => 100.0,
        Kind::Populated if e.class() == "PPLC" || e.class() == "capital" => 100.0,
        Kind::Populated if e.class() == "PPLA" || pop >= 1_000_000 => 50.0,
        Kind::Populated if pop >= 100_000 => 10.0,
        Kind::Populated if pop >= 20_000 => 2.0,
        // Supranational regions (الخليج، الشرق الأوسط) are named as often as countries.
        Kind::Region if e.country().is_empty() => 100.0,
        Kind::Region | Kind::Natural => 5.0,
        Kind::Populated | Kind::Admin2 | Kind::Admin3 => 0.3,
        Kind::Neighbourhood | Kind::Camp | Kind::Facility => 0.5,
        _ => 20.0,
    }
}

/// The prior score of an entity before any context.
pub(super) fn prior(e: &Entity) -> f64 {
    let kind = match e.kind() {
        Kind::Country => 6.0,
        Kind::Continent => 5.0,
        Kind::Admin1 => 4.0,
        Kind::Region => 3.5,
        Kind::Natural => 3.0,
        Kind::Facility | Kind::Camp => 2.0,
        Kind::Admin2 => 1.0,
        Kind::Populated => 1.0,
        Kind::Admin3 | Kind::Neighbourhood => 0.5,
        _ => 3.0,
    };
    let population = e
        .population()
        .map_or(0.0, |p| 0.6 * (p as f64 + 1.0).log10());
    let class = match e.class() {
        "PPLC" => 2.0,
        "PPLA" => 1.5,
        "PPLA2" => 1.0,
        "PPLA3" => 0.5,
        _ => 0.0,
    };
    // The domain: news about Syria.
    let syria = if e.country() == "SY" { 1.0 } else { 0.0 };
    kind + population + class + syria
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
pub(super) fn commonness(
    g: &Gazetteer,
    name: &Name,
    e: &Facts,
    common_word_ratio: f64,
) -> Commonness {
    let news = news_commonness(g, name, e, common_word_ratio);
    if news == Commonness::VeryCommon || e.ty != EntityType::Loc {
        return news;
    }
    match informal_commonness(g, name) {
        Commonness::Name => news,
        informal => informal,
    }
}

/// Whether a place name is an ordinary word of informal text (posts on social media), where
/// dialect and headline words that news prose seldom uses abound: سيول "floods" (Seoul),
/// عاجل "urgent", هزة "a tremor". The evidence is use, as for news: a word ten times as
/// frequent in posts as in news (the register's own word, not a place in the news) that
/// almost never stands where places stand (after في، إلى، مدينة or a glued ب/ل) is a word,
/// whatever its entity's prominence. Countries and cities keep their news rate in posts
/// (مصر، قطر), and a place that a burst of posts is about (بيروت) stands after في often
/// enough. Mostly a word (under 2 % of 20 or more) needs a cue or a phrase tying it to a
/// place; often a word (under 5 % of 10 or more) needs any support.
fn informal_commonness(g: &Gazetteer, name: &Name) -> Commonness {
    let (count, locative) = name.informal_count();
    let tokens = g.informal_tokens();
    if tokens == 0 || count < 10 {
        return Commonness::Name;
    }
    let per_million = |n: u32, tokens: u64| f64::from(n) * 1e6 / tokens.max(1) as f64;
    let informal_rate = per_million(count, tokens);
    let news_rate = per_million(name.corpus_count().unwrap_or(0), g.corpus_tokens());
    if informal_rate < 10.0 * news_rate.max(1.0) {
        return Commonness::Name;
    }
    let share = f64::from(locative) / f64::from(count);
    if count >= 20 && share < 0.02 {
        Commonness::VeryCommon
    } else if share < 0.05 {
        Commonness::Common
    } else {
        Commonness::Name
    }
}

/// [`commonness`] as the news corpus tells it.
fn news_commonness(g: &Gazetteer, name: &Name, e: &Facts, common_word_ratio: f64) -> Commonness {
    // A person's name (a village called بشار) needs support like an ordinary word;
    // واشنطن is a surname too, but a capital first.
    let person = if name.is_person_name() && !e.actor {
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
    if e.ty == EntityType::Org {
        return org_commonness(name, count, tokens, e);
    }
    // A facility named with its head noun («قاعدة انجرليك», «مطار المزة») is a name even
    // where news writes it as an object («استخدام قاعدة انجرليك») rather than after إلى.
    if matches!(e.kind, Kind::Facility | Kind::Camp) && name.key().contains(' ') {
        return Commonness::Name;
    }
    let (docs, syria_docs) = name.corpus_docs();
    let syria_share = f64::from(syria_docs) / f64::from(docs.max(1));
    let locative_share = f64::from(name.corpus_locative()) / f64::from(count.max(1));
    let syrian = e.in_syria();
    // Topical: a place in the news. Not a Syrian figure's first name (بشار، رامي: their
    // documents are about Syria too, but they never stand where places stand), nor a
    // word of the news about Syria (اللاجئين: 3 % locative; places have 9 % and more).
    let topical =
        syrian && docs >= 3 && syria_share >= 0.45 && (count < 20 || locative_share >= 0.06);
    if topical || (count >= 10 && locative_share >= 0.2) {
        return Commonness::Name;
    }
    let per_million = f64::from(count) * 1e6 / tokens as f64;
    let rate_ratio = per_million / (e.expected_per_million * common_word_ratio);
    let by_spread = syrian && docs >= 20 && syria_share < 0.3 && !e.actor;
    // News makes countries, capitals and world regions actors (إيران تدعم، واشنطن
    // تعلن): they seldom stand after a locative word and are names all the same.
    let actor = e.actor;
    let by_use = count >= 20 && locative_share < 0.015 && !actor;
    // A city of half a million is written after في and in the names of its institutions
    // (جامعة شيكاغو، شيكاغو تريبيون) more than after إلى: seldom standing after a locative
    // word makes it a word that needs support, not one that only a cue rescues.
    let large_city = e.kind == Kind::Populated && matches!(e.size, Size::Large | Size::Capital);
    if rate_ratio > 5.0 || (count >= 50 && locative_share < 0.01 && !actor && !large_city) {
        Commonness::VeryCommon
    } else if rate_ratio > 1.0 || by_spread || by_use || (name.is_person_name() && !actor) {
        Commonness::Common
    } else {
        Commonness::Name
    }
}
