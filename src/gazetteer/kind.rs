//! What kind of thing an entity is.

use std::fmt;
use std::str::FromStr;

/// The two entity types makan tags.
#[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub enum EntityType {
    /// A place (`LOC` in the output).
    Loc,
    /// An organization (`ORG` in the output).
    Org,
}

impl EntityType {
    /// The label used in JSON and CoNLL output: `LOC` or `ORG`.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

macro_rules! kinds {
    ($($variant:ident => $name:literal, $ty:ident, $doc:literal;)*) => {
        /// The kind of a place or organization, as named in the gazetteer tables.
        #[derive(Clone, Copy, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
        pub enum Kind {
            $(#[doc = $doc] $variant,)*
        }

        impl Kind {
            /// The name used in the tables and in JSON output.
            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            /// Whether entities of this kind are places or organizations.
            pub fn entity_type(self) -> EntityType {
                match self { $(Kind::$variant => EntityType::$ty,)* }
            }
        }

        impl FromStr for Kind {
            type Err = String;

            fn from_str(s: &str) -> Result<Kind, String> {
                match s {
                    $($name => Ok(Kind::$variant),)*
                    _ => Err(format!("unknown kind `{s}`")),
                }
            }
        }
    };
}

kinds! {
    Continent => "continent", Loc, "A continent.";
    Country => "country", Loc, "A sovereign country.";
    Admin1 => "admin1", Loc, "A governorate (OCHA admin level 1).";
    Admin2 => "admin2", Loc, "A district (OCHA admin level 2).";
    Admin3 => "admin3", Loc, "A sub-district (OCHA admin level 3).";
    Populated => "populated", Loc, "A city, town or village.";
    Neighbourhood => "neighbourhood", Loc, "A quarter of a city.";
    Camp => "camp", Loc, "A camp for refugees or displaced people.";
    Region => "region", Loc, "A named region (الغوطة, القلمون, the Gulf).";
    Natural => "natural", Loc, "A river, mountain, plain, lake or valley.";
    Facility => "facility", Loc, "An airport, airbase, dam, border crossing, field or station.";
    State => "state", Org, "A state institution (ministry, agency, government body).";
    Military => "military", Org, "A state's armed force.";
    ArmedGroup => "armed_group", Org, "A non-state armed group.";
    Coalition => "coalition", Org, "A coalition or alliance of states or groups.";
    Party => "party", Org, "A political party or movement.";
    Un => "un", Org, "A United Nations body or agency.";
    Ngo => "ngo", Org, "A non-governmental or international organization.";
    Media => "media", Org, "A news agency, channel or newspaper.";
    Company => "company", Org, "A company.";
    Other => "other", Org, "Another organization.";
}

impl Kind {
    /// Whether a place of this kind must have a point (`lat`, `lon`) in a table: settlements,
    /// their quarters, camps and facilities are spots the resolver places on the map, and admin
    /// units stand at their centroid. Countries, continents, regions and natural features may
    /// lack one: they are areas or lines (a river gives its `course`), and a few countries
    /// have no point in any source.
    pub fn needs_point(self) -> bool {
        matches!(
            self,
            Kind::Admin1
                | Kind::Admin2
                | Kind::Admin3
                | Kind::Populated
                | Kind::Neighbourhood
                | Kind::Camp
                | Kind::Facility
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
