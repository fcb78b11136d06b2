//! The merged place record written to `data/places.tsv`, and its name lists.
//!
//! A [`Place`] keeps its names in priority order (source names first, generated variants last) and
//! never holds two names that fold to the same key, so the tagger compiles each surface once.

use std::collections::BTreeSet;

use makan::{Kind, Point};

use crate::names;

/// Names of one script: a preferred name and the other names, deduplicated by
/// [`makan::fold`] key.
#[derive(Clone, Debug, Default)]
pub struct NameList {
    preferred: String,
    others: Vec<String>,
    keys: BTreeSet<String>,
}

impl NameList {
    /// Adds a name; the first name added becomes the preferred one. Returns whether it was new.
    pub fn push(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || !self.keys.insert(makan::fold(name)) {
            return false;
        }
        if self.preferred.is_empty() {
            self.preferred = name.to_string();
        } else {
            self.others.push(name.to_string());
        }
        true
    }

    /// Makes `name` the preferred name (adding it if absent); the old preferred name becomes the
    /// first of the others.
    pub fn prefer(&mut self, name: &str) {
        let key = makan::fold(name);
        if self.preferred.is_empty() {
            self.push(name);
            return;
        }
        if makan::fold(&self.preferred) == key {
            return;
        }
        let old = std::mem::replace(&mut self.preferred, name.to_string());
        self.others.retain(|n| makan::fold(n) != key);
        self.others.insert(0, old);
        self.keys.insert(key);
    }

    /// Writes the preferred name another way that folds alike (`‘Afrīn` → `Afrin`); a name that
    /// folds differently is refused (returns false): use [`NameList::prefer`].
    pub fn respell_preferred(&mut self, name: &str) -> bool {
        if makan::fold(name) != makan::fold(&self.preferred) {
            return false;
        }
        self.preferred = name.to_string();
        true
    }

    /// Removes a name other than the preferred one; returns whether it was there.
    pub fn remove(&mut self, name: &str) -> bool {
        let key = makan::fold(name);
        let before = self.others.len();
        self.others.retain(|n| makan::fold(n) != key);
        let removed = self.others.len() < before;
        if removed {
            self.keys.remove(&key);
        }
        removed
    }

    /// The preferred name (empty if none).
    pub fn preferred(&self) -> &str {
        &self.preferred
    }

    /// The other names in priority order.
    pub fn others(&self) -> &[String] {
        &self.others
    }

    /// Every name, preferred first.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.preferred.as_str())
            .filter(|s| !s.is_empty())
            .chain(self.others.iter().map(String::as_str))
    }

    /// Number of names, preferred included.
    pub fn len(&self) -> usize {
        usize::from(!self.preferred.is_empty()) + self.others.len()
    }
}

/// Each place's position in `places`, by id.
pub fn index_by_id(places: &[Place]) -> std::collections::BTreeMap<&str, usize> {
    places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect()
}

/// One row of `places.tsv`.
#[derive(Clone, Debug)]
pub struct Place {
    pub id: String,
    pub kind: Kind,
    pub class: String,
    pub names_ar: NameList,
    pub names_en: NameList,
    pub point: Option<Point>,
    pub population: Option<u64>,
    pub pcode: String,
    pub adm1: String,
    pub adm2: String,
    pub adm3: String,
    pub country: String,
    pub refs: BTreeSet<String>,
    /// For a river: points along it, in order (curated
    /// `feature_courses.tsv`). The resolver places a mention on the stretch the text is about.
    pub course: Vec<Point>,
    /// The id of the place this one is part of (a city quarter's city); empty for others.
    pub parent: String,
    /// Fold keys of Arabic names an Arabic-native source other than the place's own attests (the
    /// OSM name of the matched IOM community). Not written; used to choose the preferred name.
    pub attested_ar: BTreeSet<String>,
}

impl Place {
    /// A place with an id and kind and nothing else yet.
    pub fn new(id: String, kind: Kind) -> Place {
        Place {
            id,
            kind,
            class: String::new(),
            names_ar: NameList::default(),
            names_en: NameList::default(),
            point: None,
            population: None,
            pcode: String::new(),
            adm1: String::new(),
            adm2: String::new(),
            adm3: String::new(),
            country: String::new(),
            refs: BTreeSet::new(),
            course: Vec::new(),
            parent: String::new(),
            attested_ar: BTreeSet::new(),
        }
    }

    /// Whether the place is in Syria.
    pub fn is_syrian(&self) -> bool {
        self.country == "SY"
    }

    /// Whether the place has at least one name.
    pub fn has_name(&self) -> bool {
        !self.names_ar.preferred().is_empty() || !self.names_en.preferred().is_empty()
    }
}

impl Place {
    /// Cleans and adds an Arabic name; refusals are counted in the report with the place id.
    pub fn add_arabic(&mut self, raw: &str, report: &mut crate::report::Report) -> bool {
        match names::clean_arabic(raw) {
            Ok(name) => self.names_ar.push(&name),
            Err(why) => {
                report.drop(why.reason(), || format!("{} `{raw}`", self.id));
                false
            }
        }
    }

    /// Cleans and adds a Latin-script name; refusals are counted in the report with the place id.
    pub fn add_latin(&mut self, raw: &str, report: &mut crate::report::Report) -> bool {
        match names::clean_latin(raw) {
            Ok(name) => self.names_en.push(&name),
            Err(why) => {
                report.drop(why.reason(), || format!("{} `{raw}`", self.id));
                false
            }
        }
    }

    /// Adds a name to the list of its own script: WOF Arabic fields often hold romanisations,
    /// which are good Latin names.
    pub fn add_by_script(&mut self, raw: &str, report: &mut crate::report::Report) -> bool {
        if raw.chars().any(names::is_arabic_script) {
            self.add_arabic(raw, report)
        } else {
            self.add_latin(raw, report)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two names the tagger folds alike are one surface: the second is not stored.
    #[test]
    fn name_list_keeps_one_name_per_tagger_fold() {
        let mut latin = NameList::default();
        assert!(latin.push("Weißwasser"));
        assert!(!latin.push("Weisswasser"));
        assert!(latin.push("Ceylanpınar"));
        assert!(!latin.push("Ceylanpinar"));
        assert_eq!(
            latin.all().collect::<Vec<_>>(),
            ["Weißwasser", "Ceylanpınar"]
        );
        let mut arabic = NameList::default();
        assert!(arabic.push("جلال آباد"));
        assert!(!arabic.push("جلال-آباد"));
        assert!(!arabic.push("جلال ابـاد"));
        assert_eq!(arabic.len(), 1);
    }
}
