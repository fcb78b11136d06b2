//! Organizations: the seed list, UCDP actors, ANERgazet's media names and the project's
//! curated table, merged into `orgs.tsv`.
//!
//! Order of merging, each step adding names to the organizations already known:
//! 1. `sources/orgs/seed-helper-curated/syria_orgs_seed.tsv` (84 Syria-news organizations),
//!    its aliases cleaned to the annotation conventions (rule `span_convention`);
//! 2. `sources/orgs/ucdp-actor/ucdp-actor-221_syria.csv` (UCDP actors active in Syria):
//!    English names and renames (predecessor/successor links), merged by English name;
//! 3. `curated/orgs.tsv`: Arabic forms the project writes (marked curated), new
//!    organizations, and rows that add names to an existing one (`match_en`);
//! 4. `sources/orgs/anergazet/AlignedOrgGazetteer.txt`: Arabic names of media and other
//!    organizations not known yet (no English names).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use makan::fold;

#[derive(Debug, Default, Clone)]
struct Org {
    id: String,
    kind: String,
    name_ar: String,
    name_en: String,
    names_ar: BTreeSet<String>,
    names_en: BTreeSet<String>,
    country: String,
    predecessors: BTreeSet<String>,
    successors: BTreeSet<String>,
    active: String,
    refs: BTreeSet<String>,
    curated: bool,
}

#[derive(Default)]
struct Orgs {
    list: Vec<Org>,
    /// Folded Arabic name or lower-case English name -> index.
    by_name: BTreeMap<String, usize>,
    dropped: BTreeMap<&'static str, Vec<String>>,
}

/// Names the annotation keeps whole although they end in a nationality adjective.
const OFFICIAL_WITH_ADJECTIVE: &[&str] = &[
    "الجيش العربي السوري",
    "الجيش السوري الحر",
    "الجيش الوطني السوري",
    "الائتلاف الوطني السوري",
    "الهلال الأحمر العربي السوري",
    "المرصد السوري لحقوق الإنسان",
    "حزب العمال الكردستاني",
    "الحرس الثوري الإيراني",
    "قوات النظام السوري",
];

impl Orgs {
    fn find(&self, name_ar: &str, names_en: &[&str]) -> Option<usize> {
        let ar = fold(name_ar);
        if !ar.is_empty()
            && let Some(&i) = self.by_name.get(&ar)
        {
            return Some(i);
        }
        names_en
            .iter()
            .find_map(|n| self.by_name.get(&english_key(n)).copied())
    }

    fn index(&mut self, i: usize) {
        let org = &self.list[i];
        let keys: Vec<String> = std::iter::once(&org.name_ar)
            .chain(&org.names_ar)
            .map(|n| fold(n))
            .chain(
                std::iter::once(&org.name_en)
                    .chain(&org.names_en)
                    .map(|n| english_key(n)),
            )
            .filter(|k| !k.is_empty())
            .collect();
        for k in keys {
            self.by_name.entry(k).or_insert(i);
        }
    }

    fn add_names(&mut self, i: usize, ar: &[&str], en: &[&str]) {
        let org = &mut self.list[i];
        for n in ar.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            if org.name_ar.is_empty() {
                org.name_ar = n.to_string();
            } else if fold(n) != fold(&org.name_ar) {
                org.names_ar.insert(n.to_string());
            }
        }
        for n in en.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            if org.name_en.is_empty() {
                org.name_en = n.to_string();
            } else if english_key(n) != english_key(&org.name_en) {
                org.names_en.insert(n.to_string());
            }
        }
        self.index(i);
    }

    fn push(&mut self, org: Org) -> usize {
        self.list.push(org);
        let i = self.list.len() - 1;
        self.index(i);
        i
    }
}

fn english_key(name: &str) -> String {
    let key = fold(name);
    key.strip_prefix("the ").unwrap_or(&key).to_string()
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Builds `out_dir/orgs.tsv` and returns the summary.
pub fn build(sources: &Path, curated: &Path, out_dir: &Path) -> Result<String, String> {
    let mut orgs = Orgs::default();
    let mut summary = String::new();
    let n = read_seed(
        &sources.join("orgs/seed-helper-curated/syria_orgs_seed.tsv"),
        &mut orgs,
    )?;
    let _ = writeln!(summary, "  seed list: {n} organizations");
    let (new, merged) = read_ucdp(
        &sources.join("orgs/ucdp-actor/ucdp-actor-221_syria.csv"),
        &mut orgs,
    )?;
    let _ = writeln!(
        summary,
        "  UCDP Syria actors: {new} new, {merged} merged into known organizations"
    );
    let (new, merged) = read_curated(&curated.join("orgs.tsv"), &mut orgs)?;
    let _ = writeln!(
        summary,
        "  curated: {new} new, {merged} adding names to known organizations"
    );
    let (new, known) = read_anergazet(
        &sources.join("orgs/anergazet/AlignedOrgGazetteer.txt"),
        &mut orgs,
    )?;
    let _ = writeln!(
        summary,
        "  ANERgazet: {new} new (Arabic names only), {known} already known"
    );
    link_successors(&mut orgs);

    orgs.list.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in orgs.list.windows(2) {
        if pair[0].id == pair[1].id {
            return Err(format!("two organizations with id {}", pair[0].id));
        }
    }
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut ar, mut en) = (0, 0);
    for o in &orgs.list {
        *by_kind.entry(&o.kind).or_default() += 1;
        ar += usize::from(!o.name_ar.is_empty()) + o.names_ar.len();
        en += usize::from(!o.name_en.is_empty()) + o.names_en.len();
    }
    let _ = writeln!(
        summary,
        "  total: {} organizations; by kind: {by_kind:?}",
        orgs.list.len()
    );
    let _ = writeln!(
        summary,
        "  names: {ar} Arabic, {en} Latin; curated rows: {}",
        orgs.list.iter().filter(|o| o.curated).count()
    );
    for (rule, names) in &orgs.dropped {
        let _ = writeln!(
            summary,
            "  dropped by {rule}: {} (e.g. {})",
            names.len(),
            names.iter().take(4).cloned().collect::<Vec<_>>().join(", ")
        );
    }
    write_tsv(&out_dir.join("orgs.tsv"), &orgs.list)?;
    Ok(summary)
}

fn seed_kind(category: &str, name_en: &str) -> &'static str {
    match category {
        "syria_state_military" | "foreign_state_force" => "military",
        "syria_state_ministry"
        | "syria_state"
        | "syria_state_security"
        | "syria_transitional"
        | "syria_opposition_gov" => "state",
        "syria_party" | "syria_opposition_pol" | "kurdish_political" => "party",
        "syria_media" | "media" => "media",
        "foreign_coalition" => "coalition",
        c if c.starts_with("armed_group") || c == "foreign_armed_group" => "armed_group",
        "intl_org" | "humanitarian"
            if name_en.contains("United Nations") || name_en.starts_with("UN") =>
        {
            "un"
        }
        _ => "ngo",
    }
}

/// Aliases as the annotation marks spans: «تنظيم داعش» is marked داعش, and for groups and
/// parties «حزب الله اللبناني» is marked حزب الله (a nationality adjective after the name
/// stays outside). State institutions keep theirs: وزارة الخارجية السورية is a name.
fn span_convention(
    names: &mut Vec<String>,
    institution: bool,
    dropped: &mut BTreeMap<&'static str, Vec<String>>,
) {
    let folded: BTreeSet<String> = names.iter().map(|n| fold(n)).collect();
    names.retain(|n| {
        let f = fold(n);
        if let Some(rest) = f.strip_prefix("تنظيم ")
            && !rest.starts_with("ال")
            && folded.contains(rest)
        {
            dropped
                .entry("span_convention")
                .or_default()
                .push(n.clone());
            return false;
        }
        if let Some((head, last)) = f.rsplit_once(' ')
            && !institution
            && last.starts_with("ال")
            && (last.ends_with('ي') || last.ends_with("يه"))
            && folded.contains(head)
            && !OFFICIAL_WITH_ADJECTIVE.iter().any(|o| fold(o) == f)
        {
            dropped
                .entry("span_convention")
                .or_default()
                .push(n.clone());
            return false;
        }
        true
    });
}

fn read_seed(path: &Path, orgs: &mut Orgs) -> Result<usize, String> {
    let table = Tsv::read(path)?;
    let (c_cat, c_en, c_aen, c_ar, c_aar) = (
        table.column("category")?,
        table.column("name_en")?,
        table.column("aliases_en")?,
        table.column("name_ar")?,
        table.column("aliases_ar")?,
    );
    let mut n = 0;
    for (i, cells) in &table.rows {
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        let name_en = cells[c_en].trim();
        let mut ar: Vec<String> = std::iter::once(cells[c_ar])
            .chain(cells[c_aar].split('|'))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let en: Vec<&str> = std::iter::once(name_en)
            .chain(cells[c_aen].split('|'))
            .collect();
        let category = cells[c_cat].trim();
        let institution = !matches!(seed_kind(category, name_en), "armed_group" | "party");
        span_convention(&mut ar, institution, &mut orgs.dropped);
        let org = Org {
            id: format!("org:{}", slug(name_en)),
            kind: seed_kind(category, name_en).to_string(),
            country: if category.starts_with("syria") || category.starts_with("kurdish") {
                "SY".into()
            } else {
                String::new()
            },
            refs: BTreeSet::from([format!("seed:{i}")]),
            ..Org::default()
        };
        let idx = orgs.push(org);
        let ar_refs: Vec<&str> = ar.iter().map(String::as_str).collect();
        orgs.add_names(idx, &ar_refs, &en);
        n += 1;
    }
    Ok(n)
}

/// A tab-separated file: its header and its rows with their 1-based line numbers. Blank
/// lines and `#` comments are skipped; a row with another number of cells than the header is
/// an error naming the file and line.
struct Tsv {
    path: String,
    columns: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Tsv {
    fn read(path: &Path) -> Result<Tsv, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let (_, header) = lines
            .next()
            .ok_or_else(|| format!("{}: empty", path.display()))?;
        let columns: Vec<String> = header.split('\t').map(String::from).collect();
        let mut rows = Vec::new();
        for (i, line) in lines {
            let cells: Vec<String> = line.split('\t').map(String::from).collect();
            if cells.len() != columns.len() {
                return Err(format!(
                    "{}:{}: {} cells, header has {}",
                    path.display(),
                    i + 1,
                    cells.len(),
                    columns.len()
                ));
            }
            rows.push((i + 1, cells));
        }
        Ok(Tsv {
            path: path.display().to_string(),
            columns,
            rows,
        })
    }

    fn column(&self, name: &str) -> Result<usize, String> {
        self.columns
            .iter()
            .position(|c| c == name)
            .ok_or_else(|| format!("{}:1: no column {name}", self.path))
    }
}

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

fn read_ucdp(path: &Path, orgs: &mut Orgs) -> Result<(usize, usize), String> {
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

/// Reads `curated/orgs.tsv`: each row adds an organization or completes a known one.
fn read_curated(path: &Path, orgs: &mut Orgs) -> Result<(usize, usize), String> {
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

fn read_anergazet(path: &Path, orgs: &mut Orgs) -> Result<(usize, usize), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut new, mut known) = (0, 0);
    for (i, line) in text.lines().enumerate() {
        let name = line.trim();
        // Presentation forms and stray characters are folded; a name needs two letters.
        if fold(name).chars().filter(|c| c.is_alphabetic()).count() < 2
            || name.chars().any(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        if orgs.find(name, &[]).is_some() {
            known += 1;
            continue;
        }
        let f = fold(name);
        let kind = if f.contains("حزب") {
            "party"
        } else if f.contains("شركه") || f.contains("بنك") || f.contains("مصرف") {
            "company"
        } else if f.contains("منظمه")
            || f.contains("اتحاد")
            || f.contains("جامعه")
            || f.contains("جمعيه")
        {
            "ngo"
        } else {
            "media"
        };
        new += 1;
        orgs.push(Org {
            id: format!("org:anergazet-{}", i + 1),
            kind: kind.into(),
            name_ar: name.to_string(),
            refs: BTreeSet::from([format!("anergazet:{}", i + 1)]),
            ..Org::default()
        });
    }
    Ok((new, known))
}

/// Every predecessor link gets its successor link back.
fn link_successors(orgs: &mut Orgs) {
    let pairs: Vec<(String, String)> = orgs
        .list
        .iter()
        .flat_map(|o| {
            o.predecessors
                .iter()
                .map(move |p| (p.clone(), o.id.clone()))
        })
        .collect();
    for (pred, succ) in pairs {
        if let Some(o) = orgs.list.iter_mut().find(|o| o.id == pred) {
            o.successors.insert(succ);
        }
    }
    let pairs: Vec<(String, String)> = orgs
        .list
        .iter()
        .flat_map(|o| o.successors.iter().map(move |s| (s.clone(), o.id.clone())))
        .collect();
    for (succ, pred) in pairs {
        if let Some(o) = orgs.list.iter_mut().find(|o| o.id == succ) {
            o.predecessors.insert(pred);
        }
    }
}

fn write_tsv(path: &Path, orgs: &[Org]) -> Result<(), String> {
    let join = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join("|");
    let mut out = String::from(
        "id\tkind\tname_ar\tname_en\tnames_ar\tnames_en\tcountry\tpredecessors\tsuccessors\tactive\trefs\tcurated\n",
    );
    for o in orgs {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            o.id,
            o.kind,
            o.name_ar,
            o.name_en,
            join(&o.names_ar),
            join(&o.names_en),
            o.country,
            join(&o.predecessors),
            join(&o.successors),
            o.active,
            join(&o.refs),
            u8::from(o.curated)
        );
    }
    std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))
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

    #[test]
    fn aliases_follow_the_span_conventions() {
        let mut names: Vec<String> = [
            "داعش",
            "تنظيم داعش",
            "تنظيم الدولة",
            "حزب الله",
            "حزب الله اللبناني",
            "الجيش العربي السوري",
            "الجيش العربي",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut dropped = BTreeMap::new();
        span_convention(&mut names, false, &mut dropped);
        assert_eq!(
            names,
            [
                "داعش",
                "تنظيم الدولة",
                "حزب الله",
                "الجيش العربي السوري",
                "الجيش العربي"
            ]
        );
    }
}
