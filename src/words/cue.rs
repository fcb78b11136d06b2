//! Cue words' meanings and their fit to entities (`cues.tsv`, `cue_fit.tsv`).

use std::str::FromStr;

use crate::gazetteer::{Entity, EntityType, Kind};

macro_rules! cues {
    ($($variant:ident => $name:literal, $doc:literal;)*) => {
        /// What a cue word before (or after) a mention says about the entity.
        #[derive(Clone, Copy, Debug, Eq, Hash, PartialEq)]
        pub(crate) enum Cue {
            $(#[doc = $doc] $variant,)*
        }

        impl FromStr for Cue {
            type Err = String;

            fn from_str(s: &str) -> Result<Cue, String> {
                match s {
                    $($name => Ok(Cue::$variant),)*
                    _ => Err(format!(
                        "unknown cue `{s}` (one of: {})",
                        [$($name),*].join(", ")
                    )),
                }
            }
        }
    };
}

cues! {
    City => "city", "مدينة, city of: a city or large town.";
    Town => "town", "بلدة, town of: a town.";
    Village => "village", "قرية, village of: a village.";
    Governorate => "governorate", "محافظة, province: a governorate.";
    Countryside => "countryside", "ريف X: the countryside of governorate X.";
    District => "district", "منطقة, district: a district or a named area.";
    Subdistrict => "subdistrict", "ناحية: a sub-district.";
    Neighbourhood => "neighbourhood", "حي: a quarter of a city.";
    Camp => "camp", "مخيم: a camp.";
    Natural => "natural", "نهر, جبل, سهل, وادي: a natural feature.";
    Facility => "facility", "مطار, معبر, سد, قاعدة: a facility.";
    Country => "country", "دولة: a country.";
    Organization => "organization", "قناة, صحيفة, تنظيم: an organization.";
    Person => "person", "الرئيس, الشيخ, العميد: a person's title; the name is a person's.";
}

impl Cue {
    /// Whether the cue is a word that stays outside the span and marks a place.
    pub(crate) fn is_place_cue(self) -> bool {
        !matches!(self, Cue::Organization | Cue::Person)
    }
}

/// The size class of a populated place, by which cues of settlements fit it.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum Size {
    /// A national capital (PPLC).
    Capital,
    /// 500,000 people or more.
    Large,
    /// 20,000 people or more, or an administrative seat (PPLA*).
    City,
    /// 5,000 people or more.
    Town,
    /// The rest.
    Village,
}

impl Size {
    pub(crate) fn of(e: &Entity) -> Size {
        let pop = e.population().unwrap_or(0);
        if e.class() == "PPLC" {
            Size::Capital
        } else if pop >= 500_000 {
            Size::Large
        } else if pop >= 20_000 || e.class().starts_with("PPLA") {
            Size::City
        } else if pop >= 5_000 {
            Size::Town
        } else {
            Size::Village
        }
    }
}

impl FromStr for Size {
    type Err = String;

    fn from_str(s: &str) -> Result<Size, String> {
        Ok(match s {
            "capital" => Size::Capital,
            "large" => Size::Large,
            "city" => Size::City,
            "town" => Size::Town,
            "village" => Size::Village,
            _ => {
                return Err(format!(
                    "unknown size `{s}` (one of: capital, large, city, town, village, *)"
                ));
            }
        })
    }
}

/// Which entities a row of `cue_fit.tsv` applies to.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub(crate) enum KindPattern {
    Any,
    Type(EntityType),
    Kind(Kind),
}

impl FromStr for KindPattern {
    type Err = String;

    fn from_str(s: &str) -> Result<KindPattern, String> {
        Ok(match s {
            "*" => KindPattern::Any,
            "org" => KindPattern::Type(EntityType::Org),
            "loc" => KindPattern::Type(EntityType::Loc),
            _ => KindPattern::Kind(s.parse().map_err(|e| format!("{e}, `org`, `loc` or `*`"))?),
        })
    }
}

/// One row of `cue_fit.tsv`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FitRule {
    pub(crate) cue: Cue,
    pub(crate) kind: KindPattern,
    pub(crate) size: Option<Size>,
    pub(crate) fit: f64,
}

impl FitRule {
    fn matches(&self, cue: Cue, kind: Kind, size: Size) -> bool {
        let fits_kind = match self.kind {
            KindPattern::Any => true,
            KindPattern::Type(t) => kind.entity_type() == t,
            KindPattern::Kind(k) => kind == k,
        };
        self.cue == cue && fits_kind && self.size.is_none_or(|s| s == size)
    }
}

/// How well an entity of `kind` and `size` fits `cue`: the first rule that matches, else 0.
pub(crate) fn fit(rules: &[FitRule], cue: Cue, kind: Kind, size: Size) -> f64 {
    rules
        .iter()
        .find(|r| r.matches(cue, kind, size))
        .map_or(0.0, |r| r.fit)
}
