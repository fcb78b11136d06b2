//! Step 5: organization names from the NewsFANE gold (`sources/orgs/newsfane-gold`), Arabic
//! only, with the corpus' coarse type. The source already leaves out every name that occurs
//! in the ANERcorp test split; nothing here may add one back.
//!
//! The names are cleaned to the annotation conventions: the proclitics the corpus keeps
//! inside spans (للبنك التجاري، والجيش) are dropped, a conjunction the corpus wrote apart is
//! glued back (الاقتصاد و التجارة), tokenizer debris with one-letter words or stray quotes and
//! dots (برشلون ه، سي . اي . ايه) is skipped, a single word without the article annotated only
//! once is too weakly attested to match everywhere (تمويل "financing"), a single definite nisba
//! is an adjective first (العربي), and so are names that are a place's (clubs and national teams named
//! after their city or country: مانشستر، ليون، بولندا) — the place reading wins there — and the
//! government, regime or opposition of a country, which the guidelines leave unmarked.

use std::collections::BTreeSet;
use std::path::Path;

use makan::fold;

use super::{Org, Orgs, Tsv};

/// What the cleaning did with the source's rows.
#[derive(Debug, Default)]
pub(super) struct NewsFaneCount {
    pub(super) new: usize,
    pub(super) known: usize,
    pub(super) place: usize,
    pub(super) unmarked: usize,
    pub(super) described: usize,
    pub(super) debris: usize,
    pub(super) weak: usize,
}

/// The number of annotated mentions of a row (0 when the cell is no number).
fn mentions(cells: &[String], column: usize) -> u32 {
    cells[column].trim().parse().unwrap_or(0)
}

/// Heads of names the guidelines do not mark («الحكومة السودانية», «النظام السوري»), folded.
const UNMARKED_HEADS: [&str; 4] = ["الحكومه", "النظام", "السلطات", "المعارضه"];

/// Heads of a state's forces, folded: a name only with a nationality after them.
const FORCES: [&str; 4] = ["الجيش", "القوات", "الشرطه", "جيش"];

/// Whether a folded word reads as a definite nisba adjective (اللبناني، الاسرائيليه).
fn is_nisba(word: &str) -> bool {
    word.starts_with("ال") && (word.ends_with('ي') || word.ends_with("يه"))
}

pub(super) fn read_newsfane(
    path: &Path,
    place_keys: &BTreeSet<String>,
    orgs: &mut Orgs,
) -> Result<NewsFaneCount, String> {
    let table = Tsv::read(path)?;
    let (name_col, type_col) = (table.column("name_ar")?, table.column("org_type")?);
    let count_col = table.column("mentions")?;
    let mut count = NewsFaneCount::default();
    for (line, cells) in &table.rows {
        // The corpus' tokenizer wrote the conjunction apart («وزارة الاقتصاد و التجارة»).
        let name = without_proclitics(&cells[name_col].trim().replace(" و ", " و"));
        let key = fold(&name);
        // A single word without the article is matched wherever it stands, with no cue: one
        // annotation is too little to make it a name everywhere (تمويل "financing" as a
        // company), and two letters too few (صن).
        // A single definite nisba (العربي، الاسماعيلي) is an adjective first, and a listed
        // name overlapping a longer name found by its form would break it («مؤسسة النقد
        // العربي السعودي»).
        let single = !key.contains(' ') && !key.starts_with("ال");
        let nisba = !key.contains(' ') && is_nisba(&key);
        if nisba || single && (key.chars().count() < 3 || mentions(cells, count_col) < 2) {
            count.weak += 1;
            continue;
        }
        if key.split(' ').any(|w| w.chars().count() < 2)
            || key.contains(['"', '(', ')', '.', '%'])
            || !key.chars().any(char::is_alphabetic)
            || key.chars().any(|c| c.is_ascii_alphabetic())
        {
            count.debris += 1;
            continue;
        }
        let words: Vec<&str> = key.split(' ').collect();
        // A bare force with a generic adjective («القوات المسلحة»): a state's forces are
        // named with its nationality («الجيش اللبناني»).
        let generic_force = words.len() == 2 && FORCES.contains(&words[0]) && !is_nisba(words[1]);
        if UNMARKED_HEADS.contains(&words[0]) || generic_force {
            count.unmarked += 1;
            continue;
        }
        if place_keys.contains(&key) {
            count.place += 1;
            continue;
        }
        // Known, also behind a proclitic the corpus kept before an indefinite name (لريال مدريد).
        let behind_proclitic = name
            .strip_prefix(['و', 'ف', 'ب', 'ل'])
            .is_some_and(|rest| orgs.find(rest, &[]).is_some());
        if orgs.find(&name, &[]).is_some() || behind_proclitic {
            count.known += 1;
            continue;
        }
        // «حزب الله اللبناني»: a known name and a descriptive nisba, which the guidelines
        // leave outside the span.
        if let Some((rest, last)) = name.rsplit_once(' ')
            && is_nisba(&fold(last))
            && orgs.find(rest, &[]).is_some()
        {
            count.described += 1;
            continue;
        }
        count.new += 1;
        orgs.push(Org {
            id: format!("org:newsfane-{line}"),
            kind: kind(&cells[type_col], &key).into(),
            name_ar: name,
            refs: BTreeSet::from([format!("newsfane:{line}")]),
            ..Org::default()
        });
    }
    Ok(count)
}

/// The name without the proclitics the corpus keeps before a definite name: و، ف، ب، ل and
/// the contraction لل (للبنك → البنك). An indefinite word starting with one of these letters
/// (وزارة، بنفيكا) is left alone.
fn without_proclitics(name: &str) -> String {
    let preposition = |s: &str| -> Option<String> {
        if let Some(r) = s.strip_prefix("لل") {
            return Some(format!("ال{r}"));
        }
        s.strip_prefix(['ب', 'ل'])
            .filter(|r| r.starts_with("ال"))
            .map(String::from)
    };
    if let Some(r) = preposition(name) {
        return r;
    }
    match name.strip_prefix(['و', 'ف']) {
        Some(r) if r.starts_with("ال") => r.to_string(),
        Some(r) => preposition(r).unwrap_or_else(|| name.to_string()),
        None => name.to_string(),
    }
}

/// The project's kind for a NewsFANE type, refined by the head of the name.
fn kind(org_type: &str, key: &str) -> &'static str {
    let head = key.split(' ').next().unwrap_or("");
    match org_type {
        "government" if matches!(head, "الجيش" | "القوات" | "جيش") => "military",
        "government" => "state",
        "media" => "media",
        "commercial" => "company",
        "non_governmental" if key.contains("الامم المتحده") => "un",
        "non_governmental" if matches!(head, "حزب" | "حركه" | "تيار") => "party",
        "non_governmental" | "educational" => "ngo",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proclitics_before_a_definite_name_are_dropped() {
        assert_eq!(without_proclitics("للبنك التجاري"), "البنك التجاري");
        assert_eq!(without_proclitics("والجيش اللبناني"), "الجيش اللبناني");
        assert_eq!(without_proclitics("بالامم المتحدة"), "الامم المتحدة");
        assert_eq!(without_proclitics("وللصليب الاحمر"), "الصليب الاحمر");
        assert_eq!(without_proclitics("وزارة المالية"), "وزارة المالية");
        assert_eq!(without_proclitics("بنفيكا"), "بنفيكا");
        assert_eq!(without_proclitics("لاغونتواز"), "لاغونتواز");
    }

    #[test]
    fn kinds_follow_type_and_head() {
        assert_eq!(kind("government", &fold("الجيش اللبناني")), "military");
        assert_eq!(kind("government", &fold("وزارة المالية")), "state");
        assert_eq!(
            kind("non_governmental", &fold("حركة الجهاد الاسلامي")),
            "party"
        );
        assert_eq!(kind("sports", &fold("الزمالك")), "other");
    }
}
