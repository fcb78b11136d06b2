//! Writing `places.tsv`: rows sorted by id, fixed 5-decimal coordinates, names in priority order,
//! refs sorted — so the same sources always give the same bytes.

use std::fs;
use std::path::Path;

use makan::PLACE_COLUMNS;

use crate::place::Place;

/// Renders all places as TSV text (the caller sorts them).
pub fn render_places(places: &[Place]) -> String {
    let mut out = PLACE_COLUMNS.join("\t");
    out.push('\n');
    for place in places {
        out.push_str(&render_row(place));
        out.push('\n');
    }
    out
}

fn render_row(p: &Place) -> String {
    let (lat, lon) = match p.point {
        Some(point) => (format!("{:.5}", point.lat), format!("{:.5}", point.lon)),
        None => (String::new(), String::new()),
    };
    let cells = [
        p.id.clone(),
        p.kind.name().to_string(),
        p.class.clone(),
        p.names_ar.preferred().to_string(),
        p.names_en.preferred().to_string(),
        lat,
        lon,
        p.population.map(|n| n.to_string()).unwrap_or_default(),
        p.pcode.clone(),
        p.adm1.clone(),
        p.adm2.clone(),
        p.adm3.clone(),
        p.country.clone(),
        p.names_ar.others().join("|"),
        p.names_en.others().join("|"),
        p.refs.iter().cloned().collect::<Vec<_>>().join("|"),
        p.course
            .iter()
            .map(|q| format!("{:.5},{:.5}", q.lat, q.lon))
            .collect::<Vec<_>>()
            .join("|"),
        p.parent.clone(),
    ];
    cells.map(|c| cell(&c)).join("\t")
}

/// Tabs and newlines cannot occur in names (spaces are squashed when cleaning); this keeps a row
/// one line even if a future source slips one in.
fn cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// Writes a file only if its content changed, so re-runs do not touch timestamps needlessly.
pub fn write_file(path: &Path, content: &str) -> Result<(), String> {
    if fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    fs::write(path, content).map_err(|e| format!("{}: {e}", path.display()))
}
