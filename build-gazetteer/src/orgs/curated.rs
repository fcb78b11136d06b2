//! Step 3: the project's curated table `curated/orgs.tsv`: Arabic forms, new organizations and
//! names added to known ones, with their predecessor and successor links.

use std::path::Path;

use super::{Org, Orgs, Tsv};

/// Reads `curated/orgs.tsv`: each row adds an organization or completes a known one.
pub(super) fn read_curated(path: &Path, orgs: &mut Orgs) -> Result<(usize, usize), String> {
    let table = Tsv::read(path)?;
    let (mut new, mut merged) = (0, 0);
    let mut links: Vec<(usize, String, bool)> = Vec::new();
    for (line, cells) in &table.rows {
        let row = CuratedRow {
            columns: &table.columns,
            cells,
        };
        let at = format!("{}:{line}", path.display());
        let ar: Vec<&str> = std::iter::once(row.get("name_ar"))
            .chain(row.list("names_ar"))
            .collect();
        let en: Vec<&str> = std::iter::once(row.get("name_en"))
            .chain(row.list("names_en"))
            .collect();
        let (idx, is_new) = curated_target(orgs, &row, &at)?;
        if is_new {
            new += 1;
        } else {
            merged += 1;
        }
        apply_curated(&mut orgs.list[idx], &row, &ar, &at)?;
        orgs.add_names(idx, &ar, &en);
        for p in row.list("predecessors") {
            links.push((idx, p.to_string(), true));
        }
        for s in row.list("successors") {
            links.push((idx, s.to_string(), false));
        }
    }
    link_curated(orgs, links, path)?;
    Ok((new, merged))
}

/// One row of `curated/orgs.tsv`, read by column name (a column the file lacks reads empty).
struct CuratedRow<'t> {
    columns: &'t [String],
    cells: &'t [String],
}

impl<'t> CuratedRow<'t> {
    /// The trimmed cell.
    fn get(&self, name: &str) -> &'t str {
        self.columns
            .iter()
            .position(|c| c == name)
            .map_or("", |p| self.cells[p].trim())
    }

    /// The non-empty `|`-separated parts of a cell, trimmed.
    fn list(&self, name: &str) -> Vec<&'t str> {
        self.get(name)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// The organization a curated row describes: the one its `match_en` names, else the one with
/// its id, else one with its names, else a new one. Returns its index and whether it is new.
fn curated_target(
    orgs: &mut Orgs,
    row: &CuratedRow<'_>,
    at: &str,
) -> Result<(usize, bool), String> {
    let match_en = row.get("match_en");
    let target = if match_en.is_empty() {
        None
    } else {
        orgs.find("", &[match_en])
    };
    if !match_en.is_empty() && target.is_none() {
        return Err(format!(
            "{at}: match_en `{match_en}` names no known organization"
        ));
    }
    let known = target
        .or_else(|| orgs.list.iter().position(|o| o.id == row.get("id")))
        .or_else(|| orgs.find(row.get("name_ar"), &[row.get("name_en")]));
    if let Some(idx) = known {
        return Ok((idx, false));
    }
    if !row.get("id").starts_with("org:") {
        return Err(format!("{at}: id must start with org:"));
    }
    let idx = orgs.push(Org {
        id: row.get("id").into(),
        ..Org::default()
    });
    Ok((idx, true))
}

/// The row's kind, country and active period (where given) onto `org`, which must end up
/// with a kind; Arabic names make it curated.
fn apply_curated(org: &mut Org, row: &CuratedRow<'_>, ar: &[&str], at: &str) -> Result<(), String> {
    for (field, value) in [
        (&mut org.kind, row.get("kind")),
        (&mut org.country, row.get("country")),
        (&mut org.active, row.get("active")),
    ] {
        if !value.is_empty() {
            *field = value.to_string();
        }
    }
    if org.kind.is_empty() {
        return Err(format!("{at}: no kind"));
    }
    if ar.iter().any(|n| !n.is_empty()) {
        org.curated = true;
    }
    org.refs.insert("curated".into());
    Ok(())
}

/// Adds the curated predecessor (`true`) and successor links, once every row is read; each
/// must name an organization id.
fn link_curated(
    orgs: &mut Orgs,
    links: Vec<(usize, String, bool)>,
    path: &Path,
) -> Result<(), String> {
    for (idx, other, is_predecessor) in links {
        if !orgs.list.iter().any(|o| o.id == other) {
            return Err(format!(
                "{}: `{other}` is no organization id",
                path.display()
            ));
        }
        let set = if is_predecessor {
            &mut orgs.list[idx].predecessors
        } else {
            &mut orgs.list[idx].successors
        };
        set.insert(other);
    }
    Ok(())
}
