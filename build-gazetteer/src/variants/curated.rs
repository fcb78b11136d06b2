//! The curated tables: `curated/place_variants.tsv` (rule `curated`) adds names and
//! `curated/place_name_removals.tsv` takes names away.

use std::path::Path;

use super::{SECTION, Tally};
use crate::names;
use crate::place::{Place, index_by_id};
use crate::sources::Table;

/// `curated/place_name_removals.tsv`: alternate names a source gives a place that are junk
/// for news (`الجزيرة` for Algiers, an old name that today means the channel or the Jazira;
/// `Hamas` for Hamm). Same columns as `place_variants.tsv`; a row whose name the place does
/// not have (or has as its preferred name) is an error, so a stale row is noticed.
pub(super) fn curated_removals(
    places: &mut [Place],
    path: &Path,
    tally: &mut Tally,
) -> Result<(), String> {
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

/// `curated`: `target_id lang variant note` rows; an unknown target id is an error.
pub(super) fn curated_variants(
    places: &mut [Place],
    path: &Path,
    tally: &mut Tally,
) -> Result<(), String> {
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
