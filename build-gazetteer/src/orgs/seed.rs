//! Step 1: the seed list of Syria-news organizations, its aliases cleaned to the annotation
//! conventions.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use makan::fold;

use super::{Org, Orgs, Tsv, slug};

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

pub(super) fn read_seed(path: &Path, orgs: &mut Orgs) -> Result<usize, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
