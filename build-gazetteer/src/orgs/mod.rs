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
//!    organizations not known yet (no English names);
//! 5. `sources/orgs/newsfane-gold/newsfane_orgs_ar.tsv`: Arabic names from a hand-annotated
//!    news corpus with their types (sports clubs, companies, universities, ministries and
//!    armies of other states, UN bodies), less names that are a place's.
//!
//! This module owns the organization list and its merging, and writes the file; each source
//! is read by its own submodule.

mod anergazet;
mod curated;
mod newsfane;
mod seed;
mod ucdp;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use makan::fold;

use anergazet::read_anergazet;
use curated::read_curated;
use newsfane::read_newsfane;
use seed::read_seed;
use ucdp::read_ucdp;

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

/// Builds `out_dir/orgs.tsv` and returns the summary. `place_keys` are the folded names of
/// the places just built: a name that is a place's is not taken as an organization's from a
/// source that gives no context (a club named after its city).
pub fn build(
    sources: &Path,
    curated: &Path,
    out_dir: &Path,
    place_keys: &BTreeSet<String>,
) -> Result<String, String> {
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
    let n = read_newsfane(
        &sources.join("orgs/newsfane-gold/newsfane_orgs_ar.tsv"),
        place_keys,
        &mut orgs,
    )?;
    let _ = writeln!(
        summary,
        "  NewsFANE: {} new (Arabic names only), {} already known; left out: {} places' names, \
         {} unmarked (government, regime, bare forces), {} known names with a nisba, {} debris, \
         {} single nisbas or words annotated once",
        n.new, n.known, n.place, n.unmarked, n.described, n.debris, n.weak
    );
    link_successors(&mut orgs);
    let added = spelling_variants(&mut orgs);
    let _ = writeln!(
        summary,
        "  spelling variants folding does not join (ديمقراطي/ديموقراطي, أمريكي/أميركي, أوروبي/أوربي): {added} names added"
    );

    orgs.list.sort_by(|a, b| a.id.cmp(&b.id));
    for pair in orgs.list.windows(2) {
        if pair[0].id == pair[1].id {
            return Err(format!("two organizations with id {}", pair[0].id));
        }
    }
    totals(&orgs, &mut summary);
    write_tsv(&out_dir.join("orgs.tsv"), &orgs.list)?;
    Ok(summary)
}

/// The summary's totals: organizations by kind, names by script, curated rows, and what each
/// rule dropped.
fn totals(orgs: &Orgs, summary: &mut String) {
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

/// Spellings of the same word that news uses side by side and folding does not join, as
/// written with a bare alef (a name may write أ or إ there).
const SPELLINGS: [(&str, &str); 3] = [
    ("ديمقراط", "ديموقراط"),
    ("امريك", "اميرك"),
    ("اوروب", "اورب"),
];

/// Every Arabic name written with one spelling of [`SPELLINGS`] gets the other too
/// («حزب الشعوب الديمقراطي» and «الديموقراطي»). Returns how many names were added.
fn spelling_variants(orgs: &mut Orgs) -> usize {
    let mut added = 0;
    for i in 0..orgs.list.len() {
        let org = &orgs.list[i];
        let mut new = Vec::new();
        for name in std::iter::once(&org.name_ar).chain(&org.names_ar) {
            for (a, b) in SPELLINGS {
                for (from, to) in [(a, b), (b, a)] {
                    for alef in ["ا", "أ", "إ"] {
                        let from = from.replacen('ا', alef, usize::from(from.starts_with('ا')));
                        let to = to.replacen('ا', alef, usize::from(to.starts_with('ا')));
                        if name.contains(&from) {
                            new.push(name.replace(&from, &to));
                        }
                    }
                }
            }
        }
        let org = &mut orgs.list[i];
        let before = org.names_ar.len();
        for n in new {
            let key = fold(&n);
            if key != fold(&org.name_ar) && !org.names_ar.iter().any(|m| fold(m) == key) {
                org.names_ar.insert(n);
            }
        }
        added += org.names_ar.len() - before;
        orgs.index(i);
    }
    added
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
