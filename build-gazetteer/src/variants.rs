//! Name variants that folding cannot produce (ARABIC.md §5), each from a named rule whose output is
//! counted in the summary:
//!
//! * `seat_name` — a town that is the seat of a district/sub-district is preferred under the unit's
//!   spelling (WOF `ميادين` → `الميادين`; `البو كمال` → `البوكمال`), the old preferred name kept.
//! * `abu_albu` — البو / أبو alternations, only when another source attests them for the same place.
//! * `towns_list` — spellings from the Arabic towns list that differ from a place's names only by
//!   the article or spacing, for a place in the same sub-district.
//! * `shared_spelling` — a spelling one source gives for one village (سلهب for سلحب) is a
//!   spelling of the name, so every Syrian place of that name gets it; only for spellings that
//!   differ by one letter of a pair romanisation merges (ح/ه, ص/س, ط/ت, ظ/ض, ذ/د, ق/ك) or by a
//!   final ا/ه.
//! * `nospace` — دير الزور → ديرالزور when the first word ends in a non-joining letter.
//! * `latin_family` — a bounded transliteration family of the English name.
//! * `curated` — `curated/place_variants.tsv`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::admin::{AdminTable, seat_name};
use crate::names;
use makan::Kind;

use crate::place::{Place, index_by_id};
use crate::report::Report;
use crate::sources::Table;

const SECTION: &str = "variants generated per rule";

/// At most this many `latin_family` variants per English name.
const MAX_LATIN_FAMILY_PER_NAME: usize = 8;
/// How many of a place's English names (preferred first) get a `latin_family`.
const LATIN_FAMILY_NAMES_PER_PLACE: usize = 2;
/// Generated Latin variants need at least this many letters.
const MIN_VARIANT_LETTERS: usize = 4;

/// Arabic letters that do not join to the next letter: a word ending in one can lose the following
/// space without changing how the text looks.
const NON_JOINING: [char; 11] = ['ا', 'أ', 'إ', 'آ', 'د', 'ذ', 'ر', 'ز', 'و', 'ة', 'ء'];

/// Common English words (folded) a generated Latin variant must never be: a place name spelled like
/// them would be tagged in every English sentence.
const ENGLISH_STOPWORDS: [&str; 110] = [
    "abbey", "able", "area", "arms", "army", "band", "bank", "bare", "barn", "bath", "beach",
    "bell", "bird", "blue", "body", "book", "camp", "care", "city", "coast", "dame", "dark",
    "dead", "deal", "dear", "door", "east", "eden", "fame", "farm", "fine", "gate", "gold", "good",
    "green", "hall", "hama", "hard", "hare", "harm", "hart", "have", "head", "heart", "here",
    "hill", "hole", "home", "hope", "kill", "kind", "lake", "land", "line", "love", "main", "mall",
    "many", "mark", "mile", "mill", "mine", "more", "name", "near", "nice", "north", "note",
    "once", "open", "palm", "park", "part", "peace", "port", "rain", "rama", "road", "rock",
    "room", "rose", "safe", "sale", "salt", "same", "sand", "sham", "shin", "side", "silk", "some",
    "south", "star", "stone", "tale", "tall", "tell", "time", "tower", "town", "tree", "union",
    "wall", "water", "well", "west", "white", "wind", "wood", "zone",
];

/// Whether a folded Latin string is a common English word.
pub fn is_stopword(folded: &str) -> bool {
    ENGLISH_STOPWORDS.contains(&folded)
}

/// Groups of spellings of the same generic first word of Syrian names.
const WORD_FAMILIES: [&[&str]; 14] = [
    &["Deir", "Dayr", "Deyr", "Der", "Dair"],
    &["Tell", "Tall", "Tal"],
    &["Ain", "Ayn", "Ein"],
    &["Jabal", "Jebel", "Jabl"],
    &["Sheikh", "Shaykh", "Shaikh", "Sheik"],
    &["Kafr", "Kfar", "Kefr"],
    &["Beit", "Bayt", "Bait"],
    &["Khirbet", "Khirbat", "Kherbet"],
    &["Qasr", "Kasr"],
    &["Abu", "Abou"],
    &["Umm", "Um"],
    &["Maarat", "Maarrat", "Marat"],
    &["Mazraat", "Mazraet", "Mazraa"],
    &["Jisr", "Jisir"],
];

/// Counts what each rule added.
struct Tally<'a> {
    report: &'a mut Report,
}

impl Tally<'_> {
    fn add(&mut self, rule: &str, added: bool) {
        if added {
            self.report.count(SECTION, rule, 1);
        }
    }
}

/// Applies every rule; `towns` is `syria-towns-arabic-hierarchy/syrian_towns_with_pcodes.tsv`,
/// `curated` is `curated/place_variants.tsv` (either may be absent).
pub fn apply_all(
    places: &mut [Place],
    admin: &AdminTable,
    towns: &Path,
    curated: &Path,
    report: &mut Report,
) -> Result<(), String> {
    let mut tally = Tally { report };
    let seats = seat_names(places, admin, &mut tally);
    towns_list(places, towns, &seats, &mut tally)?;
    shared_spelling(places, &mut tally);
    for place in places.iter_mut().filter(|p| p.is_syrian()) {
        nospace(place, &mut tally);
        latin_family(place, &mut tally);
    }
    curated_variants(places, curated, &mut tally)?;
    curated_removals(
        places,
        &curated.with_file_name("place_name_removals.tsv"),
        &mut tally,
    )
}

/// `curated/place_name_removals.tsv`: alternate names a source gives a place that are junk
/// for news (`الجزيرة` for Algiers, an old name that today means the channel or the Jazira;
/// `Hamas` for Hamm). Same columns as `place_variants.tsv`; a row whose name the place does
/// not have (or has as its preferred name) is an error, so a stale row is noticed.
fn curated_removals(places: &mut [Place], path: &Path, tally: &mut Tally) -> Result<(), String> {
    let Some(rows) = name_rows(places, path)? else {
        return Ok(());
    };
    for NameRow {
        at,
        place,
        lang,
        name,
    } in rows
    {
        let place = &mut places[place];
        let removed = match lang.as_str() {
            "ar" => place.names_ar.remove(&name),
            _ => place.names_en.remove(&name),
        };
        if !removed {
            return Err(format!("{at}: `{}` has no other name `{name}`", place.id));
        }
        tally.add("curated removal", true);
    }
    Ok(())
}

/// One row of a curated name table (`target_id lang variant note`), its place found.
struct NameRow {
    at: String,
    place: usize,
    lang: String,
    name: String,
}

/// The rows of a curated name table, `None` when the file is absent. An unknown target id or
/// a language other than `ar`/`en` is an error naming the row.
fn name_rows(places: &[Place], path: &Path) -> Result<Option<Vec<NameRow>>, String> {
    if !path.exists() {
        return Ok(None);
    }
    let table = Table::read_strict(path)?;
    let (target, lang, variant) = (
        table.column("target_id")?,
        table.column("lang")?,
        table.column("variant")?,
    );
    let index = index_by_id(places);
    let mut rows = Vec::new();
    for row in &table.rows {
        let at = table.at(row);
        let Some(&place) = index.get(row.get(target)) else {
            return Err(format!("{at}: unknown target id `{}`", row.get(target)));
        };
        if !matches!(row.get(lang), "ar" | "en") {
            return Err(format!("{at}: lang `{}` is not ar or en", row.get(lang)));
        }
        rows.push(NameRow {
            at,
            place,
            lang: row.get(lang).to_string(),
            name: row.get(variant).to_string(),
        });
    }
    Ok(Some(rows))
}

/// Keys under which two Arabic spellings are "the same name" for the rules here: the fold without
/// spaces and without a leading article, and the البو/أبو-neutral form. Two names match when any
/// key is shared (`البويضة` ~ `بويضة`, `البوكمال` ~ `أبو كمال`, `ميادين` ~ `الميادين`).
fn loose_keys(name: &str) -> [String; 2] {
    let key = makan::fold(name);
    let abu = abu_prefix(&key).map_or(key.replace(' ', ""), |rest| {
        format!("ابو{}", rest.replace(' ', ""))
    });
    let bare = key.replace(' ', "");
    let bare = match bare.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
        _ => bare,
    };
    [bare, abu]
}

fn same_loose_name(a: &str, b: &str) -> bool {
    let (ka, kb) = (loose_keys(a), loose_keys(b));
    ka.iter().any(|k| kb.contains(k))
}

/// The rest of a folded name after an البو / ابو prefix (spaced or glued), if it has one.
fn abu_prefix(key: &str) -> Option<&str> {
    ["البو ", "ابو ", "البو", "ابو"]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .filter(|rest| rest.chars().count() >= 2)
}

/// Which rule licenses adding `form` to a place that has a name with the same loose key.
fn rule_for(form: &str, place: &Place) -> &'static str {
    let is_abu = abu_prefix(&makan::fold(form)).is_some()
        || place
            .names_ar
            .all()
            .any(|n| abu_prefix(&makan::fold(n)).is_some());
    if is_abu { "abu_albu" } else { "towns_list" }
}

/// Indices of Syrian settlements whose names include `form` up to [`same_loose_name`], among `candidates`.
fn find_by_loose_name<'a>(
    places: &[Place],
    candidates: impl Iterator<Item = &'a usize>,
    form: &str,
) -> Vec<usize> {
    candidates
        .copied()
        .filter(|&i| places[i].names_ar.all().any(|n| same_loose_name(n, form)))
        .collect()
}

/// Settlements indexed by district and by sub-district P-code.
fn settlements_by(places: &[Place], level: fn(&Place) -> &str) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in places.iter().enumerate() {
        if p.is_syrian() && p.kind == Kind::Populated && !level(p).is_empty() {
            out.entry(level(p).to_string()).or_default().push(i);
        }
    }
    out
}

/// `seat_name`: the seat town of each district and sub-district takes the unit's spelling as its
/// preferred Arabic name; the unit's `منطقة X` aliases attest further spellings (`abu_albu`).
/// Returns the indices of the seat towns (their preferred name is settled).
fn seat_names(places: &mut [Place], admin: &AdminTable, tally: &mut Tally) -> BTreeSet<usize> {
    let by_adm2 = settlements_by(places, |p| &p.adm2);
    let by_adm3 = settlements_by(places, |p| &p.adm3);
    let mut seats = BTreeSet::new();
    for unit in admin.units.iter().filter(|u| u.level > 1) {
        let seat = seat_name(unit);
        let pool = if unit.level == 2 {
            by_adm2.get(&unit.pcode)
        } else {
            by_adm3.get(&unit.pcode)
        };
        let found = find_by_loose_name(places, pool.into_iter().flatten(), &seat);
        let Some(i) = pick_seat(places, &found) else {
            let why = if found.is_empty() {
                "seat town not found"
            } else {
                "seat town ambiguous"
            };
            tally.report.drop(why, || format!("{} {seat}", unit.pcode));
            continue;
        };
        seats.insert(i);
        let place = &mut places[i];
        if names::clean_arabic(&seat).is_ok()
            && makan::fold(place.names_ar.preferred()) != makan::fold(&seat)
        {
            place.names_ar.prefer(&seat);
            tally.add("seat_name (preferred Arabic name = unit's spelling)", true);
        }
        for alias in &unit.aliases_ar {
            let bare = names::strip_arabic_marks(alias);
            let bare = ["منطقة ", "ناحية ", "مركز "].iter().fold(bare, |s, p| {
                s.strip_prefix(p).map_or(s.clone(), str::to_string)
            });
            if same_loose_name(&bare, &seat) && names::clean_arabic(&bare).is_ok() {
                let rule = rule_for(&bare, place);
                tally.add(rule, place.names_ar.push(&bare));
            }
        }
    }
    seats
}

/// The seat among same-named candidates: the only one GeoNames ranks as a capital/admin seat
/// (PPLC, PPLA…), else the only one with a population.
fn pick_seat(places: &[Place], found: &[usize]) -> Option<usize> {
    if let [one] = found {
        return Some(*one);
    }
    let unique = |pred: &dyn Fn(&Place) -> bool| {
        let hits: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&i| pred(&places[i]))
            .collect();
        (hits.len() == 1).then(|| hits[0])
    };
    unique(&|p| p.class.starts_with("PPLA") || p.class == "PPLC")
        .or_else(|| unique(&|p| p.population.is_some()))
}

/// `towns_list` / `abu_albu`: spellings from the Arabic towns list attached to the one settlement
/// of the same sub-district whose names match up to article, spacing and البو/أبو. When the list
/// attests one of a settlement's names but not its preferred one, the attested name becomes
/// preferred (`towns_list_preferred`): WOF's preferred Arabic is often a back-transliteration
/// (`محقن` for Mahkan) while the list is Arabic-native. Seat towns keep the unit's spelling.
fn towns_list(
    places: &mut [Place],
    path: &Path,
    seats: &BTreeSet<usize>,
    tally: &mut Tally,
) -> Result<(), String> {
    if !path.exists() {
        tally.report.line(
            SECTION,
            format!("{} not present: towns_list rule skipped", path.display()),
        );
        return Ok(());
    }
    let table = Table::read(path)?;
    let (town, adm3) = (table.column("town_ar")?, table.column("adm3_pcode")?);
    let by_adm3 = settlements_by(places, |p| &p.adm3);
    // Fold keys of names the list attests exactly (not via the loose match), per place.
    let mut attested: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for row in &table.rows {
        let Ok(form) = names::clean_arabic(row.get(town)) else {
            continue;
        };
        let pool = by_adm3.get(row.get(adm3)).into_iter().flatten();
        let exact: Vec<usize> = pool
            .clone()
            .copied()
            .filter(|&i| {
                places[i]
                    .names_ar
                    .all()
                    .any(|n| makan::fold(n) == makan::fold(&form))
            })
            .collect();
        if let [i] = exact.as_slice() {
            attested.entry(*i).or_default().push(makan::fold(&form));
            continue;
        }
        if let [i] = find_by_loose_name(places, pool, &form).as_slice() {
            let rule = rule_for(&form, &places[*i]);
            let added = places[*i].names_ar.push(&form);
            tally.add(rule, added);
        }
    }
    for (i, keys) in attested {
        if !seats.contains(&i) {
            prefer_attested(&mut places[i], &keys, tally);
        }
    }
    Ok(())
}

/// `towns_list_preferred`: when the towns list attests another of a place's names but not its
/// preferred one, that name becomes preferred if it transcribes the English name better (consonant
/// skeletons), or equally well and OSM attests it too. WOF's preferred Arabic is sometimes a
/// typo or a back-transliteration (`رويحبة` for Ruwayhinah, `محقن` for Mahkan).
fn prefer_attested(place: &mut Place, keys: &[String], tally: &mut Tally) {
    let current = place.names_ar.preferred().to_string();
    if keys.contains(&makan::fold(&current)) || place.names_en.preferred().is_empty() {
        return;
    }
    let english = names::latin_skeleton(place.names_en.preferred());
    let distance = |name: &str| names::edit_distance(&names::arabic_skeleton(name), &english);
    let current_distance = distance(&current);
    let better = place
        .names_ar
        .others()
        .iter()
        .filter(|n| keys.contains(&makan::fold(n)))
        .map(|n| (distance(n), n))
        .min_by_key(|(d, _)| *d)
        .filter(|(d, n)| {
            *d < current_distance
                || (*d == current_distance && place.attested_ar.contains(&makan::fold(n)))
        })
        .map(|(_, n)| n.clone());
    if let Some(name) = better {
        place.names_ar.prefer(&name);
        tally.add("towns_list_preferred", true);
    }
}

/// Letter pairs a Latin romanisation merges (`h`, `s`, `t`, `d`/`z`, `q`/`k`): a name read back
/// from Latin into Arabic may take either letter.
const ROMANISATION_PAIRS: [(char, char); 6] = [
    ('ح', 'ه'),
    ('ص', 'س'),
    ('ط', 'ت'),
    ('ظ', 'ض'),
    ('ذ', 'د'),
    ('ق', 'ك'),
];

/// Whether two folded names are spellings of one name: the same letters but one, and that one
/// a romanisation pair, or a final ا for ه (ة). Names of under four letters are too short to tell.
fn is_spelling_of(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.iter().filter(|c| **c != ' ').count() < 4 {
        return false;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let [i] = diffs[..] else { return false };
    let (x, y) = (a[i], b[i]);
    let final_letter = i + 1 == a.len() || a[i + 1] == ' ';
    ROMANISATION_PAIRS
        .iter()
        .any(|&(p, q)| (x, y) == (p, q) || (x, y) == (q, p))
        || (final_letter && matches!((x, y), ('ا', 'ه') | ('ه', 'ا')))
}

/// `shared_spelling`: a spelling a source gives one Syrian place for its preferred name goes to
/// every Syrian place of that name.
fn shared_spelling(places: &mut [Place], tally: &mut Tally) {
    let local = |p: &Place| {
        p.is_syrian()
            && matches!(
                p.kind,
                Kind::Populated | Kind::Admin2 | Kind::Admin3 | Kind::Camp | Kind::Neighbourhood
            )
    };
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in places.iter().enumerate().filter(|(_, p)| local(p)) {
        for key in p.names_ar.all().map(makan::fold).collect::<BTreeSet<_>>() {
            by_key.entry(key).or_default().push(i);
        }
    }
    // (place, spelling) pairs, found first and added after, in place order.
    let mut additions: BTreeSet<(usize, String)> = BTreeSet::new();
    for p in places.iter().filter(|p| local(p)) {
        let key = makan::fold(p.names_ar.preferred());
        for other in p.names_ar.others() {
            if !is_spelling_of(&key, &makan::fold(other)) {
                continue;
            }
            for &j in by_key.get(&key).into_iter().flatten() {
                additions.insert((j, other.clone()));
            }
        }
    }
    for (j, spelling) in additions {
        let added = places[j].names_ar.push(&spelling);
        tally.add("shared_spelling", added);
    }
}

/// `nospace`: the first space of a multi-word Arabic name dropped when the first word ends in a
/// non-joining letter (دير الزور → ديرالزور).
fn nospace(place: &mut Place, tally: &mut Tally) {
    if !matches!(
        place.kind,
        Kind::Populated
            | Kind::Neighbourhood
            | Kind::Camp
            | Kind::Admin1
            | Kind::Admin2
            | Kind::Region
    ) {
        return;
    }
    let generated: Vec<String> = place
        .names_ar
        .all()
        .filter(|n| {
            !["مركز ", "ناحية ", "منطقة ", "محافظة "]
                .iter()
                .any(|p| n.starts_with(p))
        })
        .filter_map(|n| {
            let (first, rest) = n.split_once(' ')?;
            let last = first.chars().last()?;
            (NON_JOINING.contains(&last) && first.chars().count() >= 2)
                .then(|| format!("{first}{rest}"))
        })
        .collect();
    for form in generated {
        let added = place.names_ar.push(&form);
        tally.add("nospace", added);
    }
}

/// A word of an English name with the definite article split off.
#[derive(Clone)]
struct Word {
    article: Option<String>,
    stem: String,
}

fn parse_words(name: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut pending: Option<String> = None;
    let tokens: Vec<&str> = name.split(' ').collect();
    for (i, token) in tokens.iter().enumerate() {
        let lower = token.to_lowercase();
        if names::LATIN_ARTICLES.contains(&lower.as_str()) && i + 1 < tokens.len() {
            pending = Some(token.to_string());
            continue;
        }
        if let Some((head, tail)) = token.split_once('-')
            && names::LATIN_ARTICLES.contains(&head.to_lowercase().as_str())
            && !tail.is_empty()
        {
            words.push(Word {
                article: Some(head.to_string()),
                stem: tail.to_string(),
            });
            continue;
        }
        words.push(Word {
            article: pending.take(),
            stem: token.to_string(),
        });
    }
    words
}

fn render(words: &[Word], glue_first: bool) -> String {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| match &w.article {
            Some(a) if i == 0 && glue_first => format!("{a}{}", w.stem.to_lowercase()),
            Some(a) => format!("{a}-{}", w.stem),
            None => w.stem.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The assimilated article for a stem (`As-Suwayda`), or `Al` before moon letters.
fn assimilated_article(stem: &str, capital: bool) -> String {
    let lower = stem.to_lowercase();
    let sun = ["sh", "th", "dh", "t", "d", "r", "z", "s", "n"]
        .iter()
        .find(|p| lower.starts_with(**p))
        .map_or("l", |p| p);
    let a = if capital { "A" } else { "a" };
    format!("{a}{sun}")
}

fn with_case(article: &str, capital: bool) -> String {
    let mut chars = article.chars();
    match chars.next() {
        Some(c) if capital => c.to_uppercase().chain(chars).collect(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The bounded transliteration family of one English name, most useful first.
fn latin_family_of(name: &str) -> Vec<String> {
    let words = parse_words(name);
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if words[0].article.is_some() {
        let mut dropped = words.clone();
        dropped[0].article = None;
        out.push(render(&dropped, false));
        out.push(render(&words, true));
    }
    for (i, w) in words.iter().enumerate() {
        let Some(article) = &w.article else { continue };
        let capital = article.starts_with(char::is_uppercase);
        for alt in [
            with_case("al", capital),
            assimilated_article(&w.stem, capital),
        ] {
            if alt.to_lowercase() != article.to_lowercase() {
                let mut changed = words.clone();
                changed[i].article = Some(alt);
                out.push(render(&changed, false));
            }
        }
    }
    for (i, w) in words.iter().enumerate() {
        let family = WORD_FAMILIES
            .iter()
            .find(|f| f.iter().any(|s| s.eq_ignore_ascii_case(&w.stem)));
        for alt in family.into_iter().flat_map(|f| f.iter()) {
            if !alt.eq_ignore_ascii_case(&w.stem) {
                let mut changed = words.clone();
                changed[i].stem = alt.to_string();
                out.push(render(&changed, false));
            }
        }
    }
    if let Some(swapped) = ou_alternation(&words) {
        out.push(render(&swapped, false));
    }
    out.retain(|v| !v.is_empty());
    out
}

/// French-style `ou` ↔ English-style `u`: every `ou` of the name becomes `u`; a one-word name whose
/// first vowel is `u` gets `ou` there (`Al-Bukamal` → `Al-Boukamal`). Never inside longer names,
/// where the first `u` is as likely an English word's (`Subdistrict`).
fn ou_alternation(words: &[Word]) -> Option<Vec<Word>> {
    let mut changed = words.to_vec();
    if words.iter().any(|w| w.stem.contains("ou")) {
        for w in &mut changed {
            w.stem = w.stem.replace("ou", "u");
        }
        return Some(changed);
    }
    let [only] = words else { return None };
    let first_vowel = only.stem.find(|c: char| "aeiouAEIOU".contains(c))?;
    if !only.stem[first_vowel..].starts_with('u') {
        return None;
    }
    changed[0].stem = format!(
        "{}ou{}",
        &only.stem[..first_vowel],
        &only.stem[first_vowel + 1..]
    );
    Some(changed)
}

/// Capitalises the first letter (a dropped article leaves `bu-Kamal`).
fn capitalise(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Unit labels (`Abu Kamal Subdistrict`) are not names to vary.
fn is_unit_label(name: &str) -> bool {
    ["District", "Subdistrict", "Governorate", "Sub-district"]
        .iter()
        .any(|s| name.ends_with(s))
}

/// `latin_family` on the first English names of a Syrian place.
fn latin_family(place: &mut Place, tally: &mut Tally) {
    if matches!(place.kind, Kind::Facility | Kind::Country | Kind::Continent) {
        return;
    }
    let sources: Vec<String> = place
        .names_en
        .all()
        .filter(|n| n.is_ascii() && !is_unit_label(n))
        .take(LATIN_FAMILY_NAMES_PER_PLACE)
        .map(str::to_string)
        .collect();
    for name in sources {
        let mut added = 0;
        for variant in latin_family_of(&name).iter().map(|v| capitalise(v)) {
            if added >= MAX_LATIN_FAMILY_PER_NAME {
                break;
            }
            let letters = variant.chars().filter(|c| c.is_alphabetic()).count();
            if letters < MIN_VARIANT_LETTERS || is_stopword(&makan::fold(&variant)) {
                tally
                    .report
                    .count(SECTION, "latin_family refused (short or English word)", 1);
                continue;
            }
            if names::clean_latin(&variant).is_ok() && place.names_en.push(&variant) {
                added += 1;
                tally.add("latin_family", true);
            }
        }
    }
}

/// `curated`: `target_id lang variant note` rows; an unknown target id is an error.
fn curated_variants(places: &mut [Place], path: &Path, tally: &mut Tally) -> Result<(), String> {
    let Some(rows) = name_rows(places, path)? else {
        tally.report.line(
            SECTION,
            format!("{} not present: no curated variants", path.display()),
        );
        return Ok(());
    };
    for NameRow {
        at,
        place,
        lang,
        name,
    } in rows
    {
        let place = &mut places[place];
        let added = if lang == "ar" {
            names::clean_arabic(&name)
                .map(|n| place.names_ar.push(&n))
                .map_err(|e| format!("{at}: {}", e.reason()))?
        } else {
            names::clean_latin_curated(&name)
                .map(|n| place.names_en.push(&n))
                .map_err(|e| format!("{at}: {}", e.reason()))?
        };
        tally.add("curated", added);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_differ_by_one_romanisation_letter() {
        assert!(is_spelling_of("سلحب", "سلهب"));
        assert!(is_spelling_of("ابو الظهور", "ابو الضهور"));
        assert!(is_spelling_of("عين البيضا", "عين البيضه"));
        // ع/ا is not a pair: الاشاره is a word ("the signal").
        assert!(!is_spelling_of("العشاره", "الاشاره"));
        // ا/ه only at the end of a word.
        assert!(is_spelling_of("كفر زيتا", "كفر زيته"));
        assert!(!is_spelling_of("ارمناز", "هرمناز"));
        assert!(!is_spelling_of("رامي", "رامه"));
        assert!(!is_spelling_of("عربين", "عربيل"));
        assert!(!is_spelling_of("حلب", "هلب"));
    }

    #[test]
    fn latin_family_of_article_names() {
        let v = latin_family_of("Al-Bukamal");
        assert!(v.contains(&"Bukamal".to_string()), "{v:?}");
        assert!(v.contains(&"Albukamal".to_string()), "{v:?}");
        assert!(v.contains(&"Al-Boukamal".to_string()), "{v:?}");
        let v = latin_family_of("Deir ez-Zor");
        assert!(v.contains(&"Dayr ez-Zor".to_string()), "{v:?}");
        assert!(v.contains(&"Deir al-Zor".to_string()), "{v:?}");
    }

    #[test]
    fn loose_key_joins_abu_and_albu() {
        assert!(same_loose_name("البو كمال", "أبو كمال"));
        assert!(same_loose_name("البوكمال", "أبو كمال"));
        assert!(same_loose_name("ميادين", "الميادين"));
        assert!(same_loose_name("البويضة", "بويضة"));
        assert!(!same_loose_name("الباب", "البوابة"));
    }
}
