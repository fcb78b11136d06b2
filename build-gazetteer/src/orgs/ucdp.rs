//! Step 2: the UCDP actors active in Syria, their English names and renames.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Org, Orgs, slug};

/// Splits one CSV line with double-quoted fields ("a, b" and "" for a quote).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

pub(super) fn read_ucdp(path: &Path, orgs: &mut Orgs) -> Result<(usize, usize), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines().enumerate();
    let header = csv_fields(lines.next().map(|(_, l)| l).unwrap_or(""));
    let col = |name: &str| {
        header
            .iter()
            .position(|c| c == name)
            .ok_or_else(|| format!("{}:1: no column {name}", path.display()))
    };
    let (c_id, c_data, c_full, c_eng, c_org, c_prev, c_loc) = (
        col("ActorId")?,
        col("NameData")?,
        col("NameOrigFull")?,
        col("NameOrigFullEng")?,
        col("Org")?,
        col("ActorIdPrev")?,
        col("Location")?,
    );
    let (mut new, mut merged) = (0, 0);
    let mut by_actor: BTreeMap<String, usize> = BTreeMap::new();
    let mut prev_links: Vec<(usize, String)> = Vec::new();
    for (i, line) in lines {
        let f = csv_fields(line);
        if f.len() != header.len() {
            return Err(format!(
                "{}:{}: {} fields, header has {}",
                path.display(),
                i + 1,
                f.len(),
                header.len()
            ));
        }
        let names: Vec<&str> = [&f[c_data], &f[c_full], &f[c_eng]]
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let Some(&first) = names.first() else {
            continue;
        };
        let idx = match orgs.find("", &names) {
            Some(idx) => {
                merged += 1;
                idx
            }
            None => {
                new += 1;
                orgs.push(ucdp_org(first, &f[c_org], &f[c_loc]))
            }
        };
        orgs.list[idx]
            .refs
            .insert(format!("ucdp:{}", f[c_id].trim()));
        orgs.add_names(idx, &[], &names);
        by_actor.insert(f[c_id].trim().to_string(), idx);
        for p in f[c_prev]
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            prev_links.push((idx, p.to_string()));
        }
    }
    link_ucdp_predecessors(orgs, &by_actor, prev_links);
    Ok((new, merged))
}

/// A new organization from a UCDP actor: its id from its first name, its kind from the
/// `Org` code (4 a state, 1 an armed group) and Syria as its country when located there.
fn ucdp_org(first_name: &str, org_code: &str, location: &str) -> Org {
    let kind = match org_code.trim() {
        "4" => "state",
        "1" => "armed_group",
        _ => "other",
    };
    let country = if location.trim() == "Syria" { "SY" } else { "" };
    Org {
        id: format!("org:{}", slug(first_name)),
        kind: kind.into(),
        country: country.into(),
        ..Org::default()
    }
}

/// Turns UCDP's `ActorIdPrev` links (organization index, previous actor id) into
/// predecessor ids, once every actor has its organization.
fn link_ucdp_predecessors(
    orgs: &mut Orgs,
    by_actor: &BTreeMap<String, usize>,
    prev_links: Vec<(usize, String)>,
) {
    for (idx, prev) in prev_links {
        if let Some(&p) = by_actor.get(&prev)
            && p != idx
        {
            let pid = orgs.list[p].id.clone();
            orgs.list[idx].predecessors.insert(pid);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes() {
        assert_eq!(
            csv_fields(r#"1,"a, b","say ""hi""",x"#),
            ["1", "a, b", "say \"hi\"", "x"]
        );
    }
}
