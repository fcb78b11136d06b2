//! Step 4: ANERgazet's Arabic names of media and other organizations not known yet.

use std::collections::BTreeSet;
use std::path::Path;

use makan::fold;

use super::{Org, Orgs};

pub(super) fn read_anergazet(path: &Path, orgs: &mut Orgs) -> Result<(usize, usize), String> {
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
