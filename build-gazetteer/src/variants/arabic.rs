//! The generated Arabic variants: rules `seat_name`, `abu_albu`, `towns_list`, `shared_spelling`
//! and `nospace`, and the loose "same name" keys they share.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use makan::Kind;

use super::{SECTION, Tally};
use crate::admin::{AdminTable, seat_name};
use crate::names;
use crate::place::Place;
use crate::sources::Table;

/// Arabic letters that do not join to the next letter: a word ending in one can lose the following
/// space without changing how the text looks.
const NON_JOINING: [char; 11] = ['ا', 'أ', 'إ', 'آ', 'د', 'ذ', 'ر', 'ز', 'و', 'ة', 'ء'];

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
pub(super) fn seat_names(
    places: &mut [Place],
    admin: &AdminTable,
    tally: &mut Tally,
) -> BTreeSet<usize> {
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
pub(super) fn towns_list(
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
pub(super) fn shared_spelling(places: &mut [Place], tally: &mut Tally) {
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
pub(super) fn nospace(place: &mut Place, tally: &mut Tally) {
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
    fn loose_key_joins_abu_and_albu() {
        assert!(same_loose_name("البو كمال", "أبو كمال"));
        assert!(same_loose_name("البوكمال", "أبو كمال"));
        assert!(same_loose_name("ميادين", "الميادين"));
        assert!(same_loose_name("البويضة", "بويضة"));
        assert!(!same_loose_name("الباب", "البوابة"));
    }
}
