//! Organizations no gazetteer lists, found by their form: a head noun that names a unit or an
//! institution, then its name — «لواء صقور الجبل», «كتيبة المدرعات الخامسة», «الفرقة 30»,
//! «غرفة عمليات حلب», «وزارة الخدمة المدنية», «المحكمة الجزائية المتخصصة».
//!
//! The name after the head is a run of definite words (الـ, read on the original text: آليات
//! folds to اليات but is no definite word), a number after a division head, or one indefinite
//! noun before a definite one (an idafa: صقور الجبل، شؤون اللاجئين), up to four words (three
//! for institutions). The run stops at prepositions, particles, quantity words, titles (الدكتور،
//! السفير: a person follows) and punctuation. A nationality adjective ends an institution's
//! name («وزارة الخارجية السورية», as the guidelines' example) and stops a unit's.

use aho_corasick::{AhoCorasick, MatchKind};
use once_cell::sync::Lazy;

use crate::automaton::{WordMap, WordSet};
use crate::fold;
use crate::normalize::{Normalized, is_word_char};
use crate::tag::{Proclitic, proclitic_splits};

/// What the head names: an armed unit or an institution (which may end in a nationality).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    Unit,
    /// A division or brigade, which may be named by a number (الفرقة 30، اللواء 93).
    NumberedUnit,
    Institution,
    /// A committee: a name of one word is most often a generic one (لجنة التدقيق).
    Committee,
    /// An institution named after its place: «جامعة دمشق», «بلدية حلب».
    OfPlace,
}

const UNIT_HEADS: &[&str] = &["لواء", "ألوية", "كتيبة", "كتائب", "سرايا", "خلية", "فوج"];
const NUMBERED_UNIT_HEADS: &[&str] = &["فرقة", "الفرقة", "فيلق", "الفيلق", "الفوج"];
/// Two-word heads: «غرفة عمليات حلب», «قيادة عمليات بغداد».
const UNIT_HEADS_2: &[(&str, &str)] = &[("غرفة", "عمليات"), ("قيادة", "عمليات")];
const INSTITUTION_HEADS: &[&str] = &[
    "وزارة",
    "محكمة",
    "المحكمة",
    "هيئة",
    "مديرية",
    "سلطة",
    "مجلس",
    "اتحاد",
    "منظمة",
    "رابطة",
    "مؤسسة",
];
const COMMITTEE_HEADS: &[&str] = &["لجنة"];
/// Heads whose name is a place the tagger found; flat annotation marks the organization only.
const OF_PLACE_HEADS: &[&str] = &["جامعة", "بلدية"];

/// Words that end a name: prepositions and particles, time words, quantities, titles before a
/// person's name that are not person cues already (the resolver's [`cues`](super::cues) table
/// has الرئيس، الشيخ، العقيد…), demonstratives.
const STOP: &[&str] = &[
    "في",
    "من",
    "على",
    "إلى",
    "الى",
    "عن",
    "مع",
    "ضد",
    "التي",
    "الذي",
    "الذين",
    "أن",
    "إن",
    "بعد",
    "قبل",
    "منذ",
    "خلال",
    "حول",
    "بين",
    "عبر",
    "لدى",
    "ضمن",
    "اليوم",
    "أمس",
    "الماضي",
    "الحالي",
    "المقبل",
    "الأخير",
    "الأخيرة",
    "نفسه",
    "نفسها",
    "كل",
    "بعض",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "أو",
    "ثم",
    "قد",
    "لا",
    "لم",
    "لن",
    "ما",
    "مئات",
    "آلاف",
    "عشرات",
    "عدد",
    "الملك",
    "السفير",
    "الوزير",
    "المستشار",
    "الأمين",
    "الناطق",
    "رئيس",
    "وزير",
    "التابع",
    "التابعة",
    "التابعين",
    "الواقع",
    "الواقعة",
    "الموالي",
    "الموالية",
    "الموالين",
    "المدعوم",
    "المدعومة",
    "المدعومين",
    "المقرب",
    "المقربة",
    "المكلف",
    "المكلفة",
];

/// Nationality adjectives (both genders) that may close an institution's name.
const NATIONALITIES: &[&str] = &[
    "السوري",
    "السورية",
    "التركي",
    "التركية",
    "اللبناني",
    "اللبنانية",
    "العراقي",
    "العراقية",
    "الأردني",
    "الأردنية",
    "الإيراني",
    "الإيرانية",
    "الروسي",
    "الروسية",
    "الأمريكي",
    "الأمريكية",
    "الأميركي",
    "الأميركية",
    "الفرنسي",
    "الفرنسية",
    "البريطاني",
    "البريطانية",
    "الألماني",
    "الألمانية",
    "المصري",
    "المصرية",
    "السعودي",
    "السعودية",
    "الإسرائيلي",
    "الإسرائيلية",
    "القطري",
    "القطرية",
    "الإماراتي",
    "الإماراتية",
    "الكويتي",
    "الكويتية",
    "اليمني",
    "اليمنية",
];

struct Tables {
    heads: WordMap<Head>,
    /// Every head word (and first word of a two-word head), to find them in one pass.
    finder: AhoCorasick,
    heads_2: Vec<(String, String)>,
    stop: WordSet,
    nationalities: WordSet,
}

static TABLES: Lazy<Tables> = Lazy::new(|| {
    let heads: WordMap<Head> = UNIT_HEADS
        .iter()
        .map(|w| (fold(w), Head::Unit))
        .chain(
            NUMBERED_UNIT_HEADS
                .iter()
                .map(|w| (fold(w), Head::NumberedUnit)),
        )
        .chain(
            INSTITUTION_HEADS
                .iter()
                .map(|w| (fold(w), Head::Institution)),
        )
        .chain(COMMITTEE_HEADS.iter().map(|w| (fold(w), Head::Committee)))
        .chain(OF_PLACE_HEADS.iter().map(|w| (fold(w), Head::OfPlace)))
        .collect();
    let first_words: Vec<String> = heads
        .keys()
        .cloned()
        .chain(UNIT_HEADS_2.iter().map(|(a, _)| fold(a)))
        .collect();
    Tables {
        finder: AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&first_words)
            .expect("a few short patterns compile"),
        heads,
        heads_2: UNIT_HEADS_2
            .iter()
            .map(|(a, b)| (fold(a), fold(b)))
            .collect(),
        stop: STOP.iter().map(|w| fold(w)).collect(),
        nationalities: NATIONALITIES.iter().map(|w| fold(w)).collect(),
    }
});

/// An organization found by its form: the folded span (without the proclitics glued to the
/// head) and those proclitics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) proclitic: Proclitic,
}

/// A word of the folded text with its byte range.
struct Word<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// The organizations in a text found by their form, in text order, not overlapping.
///
/// `names` are the folded spans of the gazetteer names the tagger found: after a two-word
/// head a name there is the unit's name («غرفة عمليات حلب», «قيادة عمليات دير الزور»).
pub(crate) fn find(original: &str, norm: &Normalized, names: &[(usize, usize)]) -> Vec<Found> {
    let folded = norm.text();
    let t = &*TABLES;
    let definite = |w: &Word<'_>| {
        let at = norm.original_start(w.start);
        original[at..].starts_with("ال") && w.text.chars().count() > 3
    };
    let stops = |w: &str| t.stop.contains(w) || super::cues::is_person_title(w);
    // Only spaces between two words: punctuation that folding dropped (a dash) ends a name.
    let joined = |a: &Word<'_>, b: &Word<'_>| {
        original[norm.original_end(original, a.end)..norm.original_start(b.start)]
            .trim()
            .is_empty()
    };
    let mut out: Vec<Found> = Vec::new();
    // Heads are rare: find them in one pass, then read the words after each.
    for hit in t.finder.find_iter(folded) {
        let ends_word = folded[hit.end()..]
            .chars()
            .next()
            .is_none_or(|c| !is_word_char(c));
        let word_start = folded[..hit.start()]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(hit.start(), |(i, _)| i);
        if !ends_word || out.last().is_some_and(|f| word_start < f.end) {
            continue;
        }
        let words = words(folded, word_start, WINDOW_BYTES);
        let i = 0;
        let Some((proclitic, head, head_len)) = head_at(&words, i, t) else {
            continue;
        };
        let max = if matches!(head, Head::Institution | Head::Committee) {
            3
        } else {
            4
        };
        let mut j = i + head_len;
        let mut taken = 0;
        while j < words.len() && taken < max {
            let w = &words[j];
            let letters = w.text.chars().next().is_some_and(|c| c.is_alphanumeric());
            let bare = w.text.strip_prefix('و').unwrap_or(w.text);
            if !letters || !joined(&words[j - 1], w) || stops(w.text) || stops(bare) {
                break;
            }
            if t.nationalities.contains(w.text) {
                if matches!(head, Head::Institution | Head::Committee) && taken > 0 {
                    j += 1;
                    taken += 1;
                }
                break;
            }
            if (head_len == 2 || head == Head::OfPlace)
                && taken == 0
                && let Some(&(_, end)) = names.iter().find(|n| n.0 == w.start)
            {
                while j < words.len() && words[j].end <= end {
                    j += 1;
                }
                taken += 1;
                break;
            }
            if head == Head::OfPlace {
                break;
            }
            if head == Head::NumberedUnit
                && taken == 0
                && w.text.bytes().all(|b| b.is_ascii_digit())
            {
                j += 1;
                taken += 1;
                continue;
            }
            if definite(w) {
                j += 1;
                taken += 1;
            } else if taken > 0
                && matches!(head, Head::Institution | Head::Committee)
                && w.text.starts_with("وال")
                && original[norm.original_start(w.start)..].starts_with("وال")
            {
                // «لجنة الهجرة والمهجرين»
                j += 1;
                taken += 1;
            } else if taken == 0
                && words
                    .get(j + 1)
                    .is_some_and(|n| definite(n) && !stops(n.text) && joined(w, n))
                && !w.text.starts_with('و')
            {
                // An idafa: «صقور الجبل», «شؤون اللاجئين».
                j += 2;
                taken += 2;
            } else {
                break;
            }
        }
        let enough = match head {
            Head::Committee => taken >= 2,
            _ => taken >= 1,
        };
        if enough {
            out.push(Found {
                start: words[i].start + proclitic.len_bytes(),
                end: words[j - 1].end,
                proclitic,
            });
        }
    }
    out
}

/// Head nouns of facilities named after their place: «قلعة حلب», «سجن صيدنايا», «ميناء
/// طرطوس», «معبر كسب», «مطار الطبقة العسكري».
const FACILITY_HEADS: &[&str] = &[
    "قلعة",
    "سجن",
    "جسر",
    "ميناء",
    "مرفأ",
    "مطار",
    "معبر",
    "قاعدة",
    "مستديرة",
    "دوار",
];
/// Adjectives that may close a facility's name.
const FACILITY_ADJECTIVES: &[&str] = &[
    "العسكري",
    "العسكرية",
    "الدولي",
    "الجوية",
    "الجوي",
    "البحرية",
    "البحري",
    "المركزي",
    "القديمة",
    "القديم",
    "الحدودي",
];

static FACILITY_TABLES: Lazy<(WordSet, WordSet)> = Lazy::new(|| {
    (
        FACILITY_HEADS.iter().map(|w| fold(w)).collect(),
        FACILITY_ADJECTIVES.iter().map(|w| fold(w)).collect(),
    )
});

/// A facility named after a place the tagger found right after its head: the folded span of
/// the whole name, its proclitics, and which of `places` is inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Facility {
    pub(crate) found: Found,
    pub(crate) place: usize,
}

/// Facilities named after a place: a head word right before one of `places` (the folded spans
/// of the tagger's mentions), and one closing adjective. The place lends its point; flat
/// annotation marks the facility only. Without a place inside, «ساحة المعركة» and «قلعة
/// الصمود» are words, so no name of words alone is taken.
pub(crate) fn find_facilities(norm: &Normalized, places: &[(usize, usize)]) -> Vec<Facility> {
    let folded = norm.text();
    let (heads, adjectives) = &*FACILITY_TABLES;
    let mut out = Vec::new();
    for (k, &(start, end)) in places.iter().enumerate() {
        let before = super::context::before(folded, start, 1);
        let Some(&head_word) = before.first() else {
            continue;
        };
        let head_start = head_word.as_ptr() as usize - folded.as_ptr() as usize;
        if !folded[head_start + head_word.len()..start]
            .trim()
            .is_empty()
        {
            continue;
        }
        let Some(proclitic) =
            proclitic_splits(head_word).find(|p| heads.contains(&head_word[p.len_bytes()..]))
        else {
            continue;
        };
        let after = super::context::after(folded, end, 1);
        let end = match after.first() {
            Some(&adj) if adjectives.contains(adj) => {
                adj.as_ptr() as usize - folded.as_ptr() as usize + adj.len()
            }
            _ => end,
        };
        out.push(Facility {
            found: Found {
                start: head_start + proclitic.len_bytes(),
                end,
                proclitic,
            },
            place: k,
        });
    }
    out
}

/// The head starting at word `i`, with the proclitics glued to it and its length in words.
fn head_at(words: &[Word<'_>], i: usize, t: &Tables) -> Option<(Proclitic, Head, usize)> {
    let word = words[i].text;
    proclitic_splits(word).find_map(|p| {
        let bare = &word[p.len_bytes()..];
        if let Some(&head) = t.heads.get(bare) {
            return Some((p, head, 1));
        }
        let next = words.get(i + 1)?.text;
        t.heads_2
            .iter()
            .any(|(a, b)| a == bare && b == next)
            .then_some((p, Head::Unit, 2))
    })
}

/// How far after a head its name is read: six words or so.
const WINDOW_BYTES: usize = 160;

/// The words and punctuation marks of folded text from `start`, over about `len` bytes, with
/// their byte ranges.
fn words(folded: &str, start: usize, len: usize) -> Vec<Word<'_>> {
    let mut end = (start + len).min(folded.len());
    while !folded.is_char_boundary(end) {
        end += 1;
    }
    let mut words: Vec<Word<'_>> = super::context::tokens(&folded[start..end])
        .into_iter()
        .map(|text| {
            let at = text.as_ptr() as usize - folded.as_ptr() as usize;
            Word {
                text,
                start: at,
                end: at + text.len(),
            }
        })
        .collect();
    if end < folded.len() && words.len() > 1 {
        // The last word may be cut.
        words.pop();
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let norm = Normalized::new(text);
        let names: Vec<(usize, usize)> = crate::Tagger::new()
            .tag(text)
            .iter()
            .map(|m| (m.folded().start(), m.folded().end()))
            .collect();
        find(text, &norm, &names)
            .iter()
            .map(|f| {
                let (s, e) = (norm.original_start(f.start), norm.original_end(text, f.end));
                text[s..e].to_string()
            })
            .collect()
    }

    #[test]
    fn units_and_institutions() {
        assert_eq!(
            found("هاجم مقاتلو لواء صقور الجبل مواقع للنظام"),
            ["لواء صقور الجبل"]
        );
        assert_eq!(found("انشق عن الفرقة 30 عشرات الجنود"), ["الفرقة 30"]);
        assert_eq!(
            found("أعلنت غرفة عمليات حلب بدء المعركة"),
            ["غرفة عمليات حلب"]
        );
        assert_eq!(
            found("وقالت وزارة الخارجية السورية في بيان"),
            ["وزارة الخارجية السورية"]
        );
        assert_eq!(
            found("ولكتيبة المدرعات الخامسة دور"),
            ["كتيبة المدرعات الخامسة"]
        );
        assert_eq!(
            found("طالبت لجنة الهجرة والمهجرين بالمساعدة"),
            ["لجنة الهجرة والمهجرين"]
        );
        assert_eq!(found("تخرج في جامعة دمشق عام 2010"), ["جامعة دمشق"]);
        // Named after a place only: «جامعة الدول العربية» is the gazetteer's.
        assert!(found("افتتحت جامعة خاصة جديدة").is_empty());
    }

    #[test]
    fn facilities_named_after_their_place() {
        let text = "زار الوفد قلعة حلب ثم مطار الطبقة العسكري وسجن صيدنايا";
        let norm = Normalized::new(text);
        let places: Vec<(usize, usize)> = crate::Tagger::new()
            .tag(text)
            .iter()
            .map(|m| (m.folded().start(), m.folded().end()))
            .collect();
        let names: Vec<&str> = find_facilities(&norm, &places)
            .iter()
            .map(|f| {
                let (s, e) = (f.found.start, f.found.end);
                &text[norm.original_start(s)..norm.original_end(text, e)]
            })
            .collect();
        assert!(names.contains(&"قلعة حلب"), "{names:?}");
        assert!(names.contains(&"سجن صيدنايا"), "{names:?}");
    }

    #[test]
    fn what_is_no_name() {
        // A committee named by one word is most often a generic one.
        assert!(found("اجتمعت لجنة التدقيق أمس").is_empty());
        // Indefinite words: no name.
        assert!(found("شكلت لجنة تحقيق دولية").is_empty());
        // آليات folds to اليات but is no definite word.
        assert!(found("وزارة آليات جديدة").is_empty());
        // A title ends the name: a person follows.
        assert_eq!(
            found("رئيس هيئة حقوق الإنسان الدكتور أحمد"),
            ["هيئة حقوق الإنسان"]
        );
        // A unit's name ends before a nationality adjective.
        assert_eq!(found("لواء الحرية السوري"), ["لواء الحرية"]);
        // A dash (which folding drops) or a relative word ends it.
        assert!(found("مباراة اتحاد طنجة - النادي المكناسي").is_empty());
        assert_eq!(
            found("منظمة الفرانكفونية والتي تضم"),
            ["منظمة الفرانكفونية"]
        );
        assert_eq!(
            found("لجنة حقوق الإنسان التابعة للأمم المتحدة"),
            ["لجنة حقوق الإنسان"]
        );
    }
}
