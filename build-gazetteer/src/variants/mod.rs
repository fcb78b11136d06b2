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
//! * `latin_spelling` — spelling alternations inside the words of the English name (q/k, doubled
//!   consonants, -ah/-a, ee/i, oo/u, -i/-y).
//! * `curated` — `curated/place_variants.tsv`.
//!
//! This module owns the order the rules run in ([`apply_all`]) and their tally; [`arabic`] generates
//! the Arabic variants, [`latin`] the Latin ones, and [`curated`] applies the curated variant and
//! removal tables.

mod arabic;
mod curated;
mod latin;

use std::path::Path;

use crate::admin::AdminTable;
use crate::place::Place;
use crate::report::Report;

use arabic::{nospace, seat_names, shared_spelling, towns_list};
use curated::{curated_removals, curated_variants};
pub use latin::{is_common_word, is_stopword};
use latin::{latin_family, latin_spelling};

const SECTION: &str = "variants generated per rule";

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
        latin_spelling(place, &mut tally);
    }
    curated_variants(places, curated, &mut tally)?;
    curated_removals(
        places,
        &curated.with_file_name("place_name_removals.tsv"),
        &mut tally,
    )
}
