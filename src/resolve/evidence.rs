//! The evidence a resolution rests on: one name per rule, stable in the output.

use std::fmt;

macro_rules! evidence {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        /// A rule that moved a mention's score, or decided it. Its [`name`](Evidence::name)
        /// is what the CLI prints and does not change between versions.
        #[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
        #[non_exhaustive]
        pub enum Evidence {
            $(#[doc = $doc] $variant,)*
        }

        const ALL: &[Evidence] = &[$(Evidence::$variant,)*];

        impl Evidence {
            /// The rule's name in the output (`prior`, `cue:city`, `relative_position`...).
            pub fn name(self) -> &'static str {
                match self { $(Evidence::$variant => $name,)* }
            }
        }
    };
}

evidence! {
    Prior => "prior", "The candidate's kind, population and seat status.";
    CueCity => "cue:city", "A cue word for a city (مدينة).";
    CueTown => "cue:town", "A cue word for a town (بلدة).";
    CueVillage => "cue:village", "A cue word for a village (قرية).";
    CueGovernorate => "cue:governorate", "A cue word for a governorate (محافظة).";
    CueCountryside => "cue:countryside", "The countryside of a governorate (ريف).";
    CueDistrict => "cue:district", "A cue word for a district or area (منطقة).";
    CueSubdistrict => "cue:subdistrict", "A cue word for a sub-district (ناحية).";
    CueNeighbourhood => "cue:neighbourhood", "A cue word for a quarter (حي).";
    CueCamp => "cue:camp", "A cue word for a camp (مخيم).";
    CueNatural => "cue:natural", "A cue word for a natural feature (نهر، جبل).";
    CueFacility => "cue:facility", "A cue word for a facility (مطار، معبر).";
    CueCountry => "cue:country", "A cue word for a country (دولة).";
    CueOrganization => "cue:organization", "A cue word for an organization (قناة، تنظيم).";
    CuePerson => "cue:person", "A person's title before the name (الرئيس): not a place.";
    CueNationality => "cue:nationality", "A nationality adjective names the country.";
    CueInName => "cue:in_name", "The name opens with its own cue (مطار المزة).";
    AdminChain => "admin_chain", "«منطقة X بمحافظة Y»: X is the district.";
    Containment => "containment", "«X في ريف Y», «X (Y)»: X lies in or by Y.";
    RelativePosition => "relative_position", "Direction and distance from another place agree.";
    Coherence => "coherence", "Near the places the document is sure of.";
    Locative => "locative", "After a locative word (إلى، نحو، قرب).";
    Preposition => "preposition", "After a preposition (في، من، or a glued ب ل).";
    PlaceMarker => "place_marker", "The sentence marks a place: «اشتباكات في X», «مؤتمر X», «زار X».";
    Prominent => "prominent", "A prominent foreign place (a region, a big city, often a place in news).";
    Quoted => "quoted", "Between quotation marks (an organization's name).";
    Dateline => "dateline", "Opens the text before a dash: a dateline.";
    Hashtag => "hashtag", "Written in a hashtag (#حفر_الباطن, #بيروت_الان).";
    Road => "road", "One end of a road named by its ends (طريق حلب دمشق).";
    List => "list", "An item of a list of places.";
    Context => "context", "A phrase ties it to another place.";
    CommonWord => "common_word", "The name is also an ordinary word.";
    UnsupportedForeign => "unsupported_foreign", "A small foreign place with nothing for it.";
    UnsupportedVillage => "unsupported_village", "A small village with nothing for it.";
    Lowercase => "lowercase", "A Latin name written in lower case: a word.";
    PartOfName => "part_of_name", "Inside a longer name (منتخب مصر).";
    Tanween => "tanween", "Written with a tanween: an ordinary word (درعاً).";
    Idiom => "idiom", "Part of an idiom (مسقط رأسه).";
    Adjective => "adjective", "An adjective: a nisba (قوات تركية), a country before its troops (US troops).";
    CueWord => "cue_word", "The cue word of the next place (مدينة البوكمال).";
    NationalityMismatch => "nationality_mismatch", "The named country has no such place.";
    Course => "course", "A river placed on the stretch its neighbours name.";
    Pattern => "pattern", "Found by its form; no gazetteer lists it.";
    PlaceInside => "place_inside", "A facility named after the place inside it.";
    Acronym => "acronym", "A short form the text defines in parentheses after the organization's name: «منظمة الأغذية والزراعة (فاو)».";
    PersonName => "person_name", "A person's name in English (Hillary Clinton, Vladimir Putin, Clinton said).";
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of [`Evidence`], iterated in a fixed order.
#[derive(Clone, Copy, Default, Eq, Hash, PartialEq)]
pub struct EvidenceSet(u64);

impl EvidenceSet {
    /// The empty set.
    pub const EMPTY: EvidenceSet = EvidenceSet(0);

    /// Whether the set holds `e`.
    pub fn contains(self, e: Evidence) -> bool {
        self.0 & bit(e) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many rules the set holds.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The rules, in the order of [`Evidence`].
    pub fn iter(self) -> impl Iterator<Item = Evidence> {
        ALL.iter().copied().filter(move |&e| self.contains(e))
    }

    /// The rules' names, in the same order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        self.iter().map(Evidence::name)
    }

    pub(crate) fn insert(&mut self, e: Evidence) {
        self.0 |= bit(e);
    }

    pub(crate) fn with(mut self, e: Evidence) -> EvidenceSet {
        self.insert(e);
        self
    }

    pub(crate) fn union(self, other: EvidenceSet) -> EvidenceSet {
        EvidenceSet(self.0 | other.0)
    }

    /// The set without `e`.
    pub(crate) fn without(self, e: Evidence) -> EvidenceSet {
        EvidenceSet(self.0 & !bit(e))
    }
}

fn bit(e: Evidence) -> u64 {
    1 << (e as u32)
}

impl fmt::Debug for EvidenceSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl IntoIterator for EvidenceSet {
    type Item = Evidence;
    type IntoIter = Box<dyn Iterator<Item = Evidence>>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl FromIterator<Evidence> for EvidenceSet {
    fn from_iter<I: IntoIterator<Item = Evidence>>(iter: I) -> EvidenceSet {
        let mut set = EvidenceSet::EMPTY;
        for e in iter {
            set.insert(e);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_fit_the_set() {
        assert!(ALL.len() <= 64);
        let mut names: Vec<&str> = ALL.iter().map(|e| e.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
    }

    #[test]
    fn sets_iterate_in_order() {
        let set: EvidenceSet = [Evidence::Coherence, Evidence::Prior].into_iter().collect();
        assert_eq!(set.names().collect::<Vec<_>>(), ["prior", "coherence"]);
        assert!(set.contains(Evidence::Prior) && !set.contains(Evidence::List));
        assert_eq!(format!("{set:?}"), r#"["prior", "coherence"]"#);
    }
}
