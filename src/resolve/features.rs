//! Pass one: the features of a mention alone — its type, the cue words around it, quotation
//! marks, a dateline, the words before it — scored into its candidates' priors.

use super::context::{
    Before, Beside, Ctx, Marked, Tok, after_preposition, marked, stands_as_place,
};
use super::evidence::{Evidence, EvidenceSet};
use super::modifiers;
use super::persons::{self, PersonReading};
use super::prior::{Facts, NameCues, code};
use crate::gazetteer::{EntityId, EntityType, Kind, Name, NameId};
use crate::tag::Mention;
use crate::words::{Cue, Mark};

/// A candidate entity of a mention with its score so far.
#[derive(Clone, Copy, Debug)]
pub(super) struct Scored {
    pub(super) entity: EntityId,
    pub(super) score: f64,
    pub(super) evidence: EvidenceSet,
}

/// The candidates of a mention.
pub(super) type Candidates = smallvec::SmallVec<[Scored; 4]>;

/// What the resolver knows about one mention.
pub(super) struct Site<'g> {
    pub(super) mention: Mention,
    pub(super) name: &'g Name,
    pub(super) cue_before: Option<Cue>,
    pub(super) ty: EntityType,
    /// Most names have a few candidates: held inline, with no allocation per mention.
    pub(super) candidates: Candidates,
    /// Evidence that the mention is a real name (a cue word, a phrase tying it to another
    /// place), strong enough to keep a name that is also an ordinary word.
    pub(super) support: EvidenceSet,
    /// Weaker evidence (a list of places, a place in the same governorate).
    pub(super) weak_support: EvidenceSet,
    /// Evidence that the name is not a mention here at all.
    pub(super) against: Option<Evidence>,
    /// A Latin name written in lower case (or in a headline in capitals).
    pub(super) lowercase: bool,
    /// A nationality adjective names a country none of the candidates is in.
    pub(super) nationality_mismatch: bool,
    /// What the word tables say of the name's key (a cue word itself: المدينة, مدينة).
    pub(super) cues: NameCues,
    /// The mention follows the one before it in a list («حلب وإدلب»).
    pub(super) listed_after_previous: bool,
    /// The next mention is an ordinary word decided apart ([`super::Resolver`]): no place
    /// follows for pass two to read.
    pub(super) before_word: bool,
    /// The text names a person by this name here: after a title or a given name, or a given
    /// name before a surname (not merely a name before "said").
    pub(super) named_person: bool,
}

impl Site<'_> {
    /// The best candidate so far.
    pub(super) fn best(&self) -> Option<EntityId> {
        self.candidates
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score).then(b.entity.cmp(&a.entity)))
            .map(|c| c.entity)
    }

    /// Whether the choice so far is safe to lean on: one candidate, or a clear margin.
    pub(super) fn is_confident(&self) -> bool {
        let (mut a, mut b) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for c in &self.candidates {
            if c.score > a {
                (a, b) = (c.score, a);
            } else if c.score > b {
                b = c.score;
            }
        }
        match self.candidates.len() {
            0 => false,
            1 => true,
            _ => a - b >= 1.5,
        }
    }
}

/// Scores a site's candidates by a cue word, and records the cue as support when it agrees
/// with the mention's type and some candidate fits it.
pub(super) fn apply_cue(ctx: &Ctx<'_, '_>, site: &mut Site<'_>, cue: Cue) {
    let rule = cue_evidence(cue);
    let mut fits = false;
    for c in &mut site.candidates {
        let f = ctx.facts(c.entity);
        let fit = ctx.lex.cue_fit(cue, f.kind, f.size);
        c.score += 2.0 * fit;
        if fit > 0.0 {
            c.evidence.insert(rule);
        }
        // A cue supports the name only when some candidate fits it (أحياء المدينة: a city
        // has no neighbourhood cue of its own).
        fits |= fit >= 1.0;
    }
    let agrees = match cue.is_place_cue() {
        true => site.ty == EntityType::Loc,
        false => site.ty == EntityType::Org,
    };
    if fits && agrees {
        site.support.insert(rule);
    }
}

/// The evidence a cue word gives.
pub(super) fn cue_evidence(cue: Cue) -> Evidence {
    match cue {
        Cue::City => Evidence::CueCity,
        Cue::Town => Evidence::CueTown,
        Cue::Village => Evidence::CueVillage,
        Cue::Governorate => Evidence::CueGovernorate,
        Cue::Countryside => Evidence::CueCountryside,
        Cue::District => Evidence::CueDistrict,
        Cue::Subdistrict => Evidence::CueSubdistrict,
        Cue::Neighbourhood => Evidence::CueNeighbourhood,
        Cue::Camp => Evidence::CueCamp,
        Cue::Natural => Evidence::CueNatural,
        Cue::Facility => Evidence::CueFacility,
        Cue::Country => Evidence::CueCountry,
        Cue::Organization => Evidence::CueOrganization,
        Cue::Person => Evidence::CuePerson,
    }
}

impl<'g> Site<'g> {
    /// The site of listed mention `m` read as type `ty`, before any evidence: its candidates
    /// of that type, each at its prior.
    pub(super) fn new(ctx: &Ctx<'g, '_>, m: &Mention, ty: EntityType) -> Site<'g> {
        let name_id = m.name().expect("the caller resolves listed mentions only");
        let name = ctx.g.name(name_id);
        let candidates = name
            .entities()
            .iter()
            .filter(|&&e| ctx.facts(e).ty == ty)
            .map(|&e| Scored {
                entity: e,
                score: ctx.facts(e).prior,
                evidence: EvidenceSet::EMPTY.with(Evidence::Prior),
            })
            .collect();
        Site {
            mention: *m,
            name,
            cue_before: None,
            ty,
            candidates,
            support: EvidenceSet::EMPTY,
            weak_support: EvidenceSet::EMPTY,
            against: None,
            lowercase: is_lowercase(ctx, m, ty),
            nationality_mismatch: false,
            cues: ctx.name_cues(name_id),
            listed_after_previous: false,
            before_word: false,
            named_person: false,
        }
    }
}

/// Pass one for a listed mention.
pub(super) fn site<'g>(ctx: &Ctx<'g, '_>, m: &Mention) -> Site<'g> {
    let g = ctx.g;
    let name_id = m.name().expect("the caller resolves listed mentions only");
    let name = g.name(name_id);
    let cues = ctx.name_cues(name_id);
    let beside = Beside::read(ctx, m);
    let (before, after, quoted, name_head) =
        (beside.before, beside.after, beside.quoted, beside.name_head);
    let marked = marked(ctx, m.proclitic(), &before);
    // «زار الرئيس أنقرة»: the title is the verb's subject, not the name's. The head of a
    // longer name names an organization when the name is one.
    let cue_before = beside
        .cue_before
        .filter(|&c| !(c == Cue::Person && marked.title_is_subject))
        .or_else(|| name_head.then_some(Cue::Organization));
    let cue_after = beside.cue_after;
    let dateline = is_dateline(ctx, m);
    let hashtag = in_hashtag(ctx, m);
    let stands = stands_as_place(ctx, m.proclitic(), before[0]);
    let after_preposition = after_preposition(ctx, m.proclitic(), name, before[0], stands);
    let ty = choose_type(
        ctx,
        name_id,
        name,
        cue_before.or(cue_after),
        quoted,
        dateline || after_preposition || marked.place || marked.visited,
    );
    let mut site = Site::new(ctx, m, ty);
    for cue in [cue_before, cue_after].into_iter().flatten() {
        apply_cue(ctx, &mut site, cue);
    }
    nationality(ctx, &mut site, &before, after, cue_before);
    let context = Context {
        stands_as_place: stands,
        quoted,
        dateline,
        hashtag,
        after_preposition,
        opens_with_cue: cues.has(NameCues::OPENS_WITH_CUE),
        marked,
    };
    add_support(&mut site, &context);
    let idiom = cues.has(NameCues::IDIOM) && ctx.lex.is_idiom(name.key(), ctx.text(after));
    site.against = against(ctx, &site, &before, idiom, cue_before, name_head)
        .or_else(|| modifiers::against_in_english(ctx, &site, before[0], after));
    if site.against.is_none() {
        let person = persons::reads_as_person(ctx, &site, before[0], after);
        site.named_person = person == Some(PersonReading::Named);
        site.against = person.map(|_| Evidence::PersonName);
    }
    site.named_person |= site.against == Some(Evidence::CuePerson);
    site.cue_before = cue_before;
    site
}

/// What the words around a mention say of its use, read once in pass one.
struct Context {
    stands_as_place: bool,
    quoted: bool,
    dateline: bool,
    hashtag: bool,
    after_preposition: bool,
    opens_with_cue: bool,
    marked: Marked,
}

/// The support the mention's own surroundings give, by its type.
fn add_support(site: &mut Site<'_>, c: &Context) {
    let loc = site.ty == EntityType::Loc;
    let support = [
        (loc && c.stands_as_place, Evidence::Locative),
        (site.ty == EntityType::Org && c.quoted, Evidence::Quoted),
        (loc && c.dateline, Evidence::Dateline),
        (loc && c.hashtag, Evidence::Hashtag),
        // A name that opens with a place cue («قاعدة إنجرليك الجوية», «مطار المزة») carries
        // its own.
        (loc && c.opens_with_cue, Evidence::CueInName),
        (loc && c.marked.place, Evidence::PlaceMarker),
    ];
    for (holds, e) in support {
        if holds {
            site.support.insert(e);
        }
    }
    if loc && c.after_preposition {
        site.weak_support.insert(Evidence::Preposition);
    }
    if loc && c.marked.visited {
        site.weak_support.insert(Evidence::PlaceMarker);
    }
}

/// «العاصمة الأردنية عمان», «مدينة الموصل العراقية»: the cue noun before the adjective counts,
/// and the adjective names the country.
fn nationality(
    ctx: &Ctx<'_, '_>,
    site: &mut Site<'_>,
    before: &Before,
    after: Tok,
    cue_before: Option<Cue>,
) {
    let place_cue = |c: Option<Cue>| c.is_some_and(|c| c.is_place_cue() && c != Cue::Country);
    let country = if place_cue(ctx.cue_before(&[before[1]])) {
        ctx.nationality(before[0])
    } else if place_cue(cue_before) {
        ctx.nationality(after)
    } else {
        None
    };
    let Some(country) = country else { return };
    if cue_before.is_none()
        && let Some(cue) = ctx.cue_before(&[before[1]])
    {
        apply_cue(ctx, site, cue);
    }
    let mut fits = false;
    for c in &mut site.candidates {
        if ctx.facts(c.entity).country == code(country) {
            c.score += 3.0;
            c.evidence.insert(Evidence::CueNationality);
            fits = true;
        } else {
            c.score -= 1.5;
        }
    }
    if fits && site.ty == EntityType::Loc {
        site.support.insert(Evidence::CueNationality);
    }
    // «بلدة الحمرا اللبنانية» with only Syrian Hamras known: a place, not one of these.
    site.nationality_mismatch = !fits;
}

/// What says the name is no mention here, if anything.
fn against(
    ctx: &Ctx<'_, '_>,
    site: &Site<'_>,
    before: &Before,
    idiom: bool,
    cue_before: Option<Cue>,
    name_head: bool,
) -> Option<Evidence> {
    let m = &site.mention;
    let loc = site.ty == EntityType::Loc;
    let key = site.name.key();
    let country = || {
        site.candidates
            .iter()
            .any(|c| ctx.facts(c.entity).kind == Kind::Country)
    };
    // English titles stand right before the name: "the governor of Homs" is Homs.
    let person_cue = cue_before == Some(Cue::Person)
        && (!key.is_ascii() || ctx.cue_of(before[0]) == Some(Cue::Person));
    if person_cue {
        Some(Evidence::CuePerson)
    } else if loc && name_head {
        Some(Evidence::PartOfName)
    } else if loc && m.proclitic().is_empty() && is_family_nisba(ctx, key, before) {
        // «أبو بكر البغدادي», «عبد الله الحلبي»: a family name, not a place.
        Some(Evidence::CuePerson)
    } else if loc && has_tanween(ctx.doc.original(), m.span()) {
        // «درعاً» (a shield), «إسبانياً»: an indefinite noun or an adverb, never a name.
        Some(Evidence::Tanween)
    } else if idiom {
        Some(Evidence::Idiom)
    } else if loc
        && ((m.proclitic().is_empty()
            && (modifiers::reads_as_adjective(ctx, key, before[0], country())
                || (reads_as_definite_adjective(key, ctx.text(before[0])) && country())))
            || modifiers::coordinated_adjective(ctx, key, m.proclitic(), before))
    {
        Some(Evidence::Adjective)
    } else {
        None
    }
}

/// Place or organization: by a cue word, else by the most prominent candidate.
///
/// A name in quotes («الوطن»، "الشرق الأوسط") is a media or group name; a place cue or a
/// prominent place (a region, a town of some size: prior ≥ 3) makes it a place — a foreign
/// town that is no capital only after a preposition or locative word, since alone it would be
/// rejected as unsupported anyway ("Hamas" is also an alternate name of Hamm, Germany).
fn choose_type(
    ctx: &Ctx<'_, '_>,
    name_id: NameId,
    name: &Name,
    cue: Option<Cue>,
    quoted: bool,
    place_context: bool,
) -> EntityType {
    let cues = ctx.name_cues(name_id);
    let (loc, org) = (cues.has(NameCues::PLACE), cues.has(NameCues::ORGANIZATION));
    if !(loc && org) {
        return if org {
            EntityType::Org
        } else {
            EntityType::Loc
        };
    }
    match cue {
        Some(Cue::Organization) => EntityType::Org,
        _ if quoted => EntityType::Org,
        Some(_) => EntityType::Loc,
        None => {
            let g = ctx.g;
            let best_loc = name
                .entities()
                .iter()
                .map(|&e| (ctx.facts(e), e))
                .filter(|(f, _)| f.ty == EntityType::Loc)
                .max_by(|a, b| {
                    let id = |e: crate::EntityId| g.entity(e).id();
                    a.0.prior
                        .total_cmp(&b.0.prior)
                        .then_with(|| id(b.1).cmp(id(a.1)))
                });
            let stands_alone = |f: &Facts| f.in_syria() || f.actor || place_context;
            if best_loc.is_some_and(|(f, _)| f.prior >= 3.0 && stands_alone(f)) {
                EntityType::Loc
            } else {
                EntityType::Org
            }
        }
    }
}

/// A dateline: the text opens with the name, then a dash or a bracket («دمشق - (سانا)»,
/// "FRANKFURT (Reuters) -"). The punctuation is read from the original: folding makes a
/// hyphen a space. Arabic papers also draw the dash with a tatweel standing alone («غزة ـ
/// من مراسلنا»), which folding drops.
fn is_dateline(ctx: &Ctx<'_, '_>, m: &Mention) -> bool {
    m.first_token() == 0
        && m.proclitic().is_empty()
        && ctx.doc.original()[m.span().end()..]
            .trim_start_matches([' ', '\t'])
            .starts_with(['-', '–', '—', '(', ':', '\u{0640}'])
}

/// Whether the mention is written inside a hashtag (#بيروت, #حفر_الباطن, #حفرالباطن_الان):
/// a writer tags a place as the tweet's topic, which an ordinary word is far less often.
/// The hashtag is `#` and a run of letters, digits and underscores (which fold to spaces).
fn in_hashtag(ctx: &Ctx<'_, '_>, m: &Mention) -> bool {
    let text = ctx.doc.original();
    let head = &text[..m.span().start()];
    // The name starts the hashtag, or a word of it after an underscore, and the run of
    // hashtag characters before it opens with `#`.
    m.proclitic().is_empty()
        && (head.ends_with('#') || head.ends_with('_'))
        && head
            .chars()
            .rev()
            .find(|&c| !(c == '_' || c.is_alphanumeric() || is_arabic_mark(c)))
            == Some('#')
}

/// Arabic marks and tatweel, written inside words.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// English writes names with a capital: "said" and "old city" are words. In a headline in
/// capitals ("THE REPORT SAID") case says nothing either: a place there must stand on its
/// prominence, like a lower-case word.
pub(super) fn is_lowercase(ctx: &Ctx<'_, '_>, m: &Mention, ty: EntityType) -> bool {
    let text = ctx.doc.original();
    let Some(first) = text[m.span()].chars().next() else {
        return false;
    };
    // Arabic script has no case: most mentions end here.
    if ('\u{0600}'..='\u{06FF}').contains(&first) {
        return false;
    }
    first.is_lowercase() || (ty == EntityType::Loc && in_capitals(ctx, m))
}

/// Whether a Latin mention is written in capitals amid words in capitals (a headline).
fn in_capitals(ctx: &Ctx<'_, '_>, m: &Mention) -> bool {
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| !c.is_alphabetic() || c.is_ascii_uppercase())
    };
    let text = ctx.doc.original();
    capitals(&text[m.span()])
        && (text[..m.span().start()]
            .split_whitespace()
            .next_back()
            .is_some_and(capitals)
            || text[m.span().end()..]
                .split_whitespace()
                .next()
                .is_some_and(capitals))
}

/// Whether the word of the mention carries a tanween fath (ً) and no other vowel mark:
/// newspapers write it alone on indefinite accusatives («درعاً» a shield, «مساءً»), never on
/// a name. Fully vowelled text (حَلَبٍ، «سوريةٌ واحدةٌ») is not read this way.
fn has_tanween(text: &str, span: crate::Span) -> bool {
    let word = text[span.start()..]
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    word.contains('\u{064B}') && !word.contains(|c| matches!(c, '\u{064C}'..='\u{0652}'))
}

/// Whether a definite nisba (البغدادي، الحلبي) closes a compound personal name: the word
/// before it, or the one before that, opens one (أبو، ابن، بن، عبد: `marks.tsv`).
fn is_family_nisba(ctx: &Ctx<'_, '_>, key: &str, before: &Before) -> bool {
    key.starts_with("ال")
        && key.ends_with('ي')
        && !key.contains(' ')
        && (ctx.marks(before[0], Mark::NameOpener) || ctx.marks(before[1], Mark::NameOpener))
}

/// An Arabic word of at least `min` letters with a feminine or plural ending.
pub(super) fn inflected_noun(noun: &str, min: usize) -> bool {
    noun.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        && noun.chars().count() >= min
        && ["ه", "ات", "ين", "ون"].iter().any(|e| noun.ends_with(e))
}

/// Whether a definite name ending in ية reads as a nisba adjective after a definite noun:
/// «الحكومة السعودية», «القوات السعودية». Only for names that are a country's (the caller
/// checks): a village named الحميدية after «قصفت الطائرات» is the object, not an adjective.
fn reads_as_definite_adjective(key: &str, noun: &str) -> bool {
    key.starts_with("ال")
        && key.ends_with("يه")
        && !key.contains(' ')
        && inflected_noun(noun, 5)
        && noun.starts_with("ال")
}
