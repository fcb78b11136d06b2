//! Short forms a text defines: an organization's name, then its short form in parentheses
//! («منظمة الأغذية والزراعة (فاو)», «قوات سوريا الديمقراطية (قسد)», "the Syrian Observatory
//! for Human Rights (SOHR)"). The short form names that organization in parentheses and
//! wherever else the text writes it — with the article or without it, behind proclitics
//! («وقال المسؤول في الفاو») — over any reading the gazetteer gives the word (الفاو is also a
//! town in Iraq): the text has said what it means.

use super::Resolution;
use super::evidence::{Evidence, EvidenceSet};
use crate::document::Document;
use crate::tag::{Mention, Proclitic, proclitic_splits};
use crate::words::Lexicon;
use crate::{EntityType, Span};

/// Letters a short form may have: fewer is a letter or a particle, more an ordinary word.
const LETTERS: std::ops::RangeInclusive<usize> = 2..=8;

/// A short form the text defined: its key (folded, without the article) and the resolution
/// of the organization it stands for.
struct Defined {
    key: String,
    resolution: Resolution,
}

/// Marks the short forms `all`'s accepted organizations define in `doc`, and every other
/// occurrence of them, as mentions of those organizations (evidence `acronym`). A mention
/// already found over the same words is replaced; one over more words is kept.
pub(super) fn short_forms(doc: &Document<'_>, lex: &Lexicon, all: &mut Vec<(Mention, Resolution)>) {
    let defined = definitions(doc, lex, all);
    if defined.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for t in (0..doc.len()).filter(|&t| doc.is_word(t)) {
        let word = doc.text(t);
        let split = proclitic_splits(word).find_map(|p| {
            let key = key(&word[p.len_bytes()..]);
            let d = defined.iter().find(|d| d.key == key)?;
            Some((p, d))
        });
        if let Some((p, d)) = split {
            let t = &doc.tokens()[t];
            let folded = Span::new(t.start() + p.len_bytes(), t.end());
            found.push((folded, p, d.resolution.clone()));
        }
    }
    for (folded, proclitic, resolution) in found {
        place(doc, all, folded, proclitic, resolution);
    }
}

/// The short forms the text defines: a word in parentheses right after an accepted
/// organization, that is no place the text names, no number, no word of the tables (a day:
/// «وزارة الداخلية (الأحد)») and, in Latin script, written in capitals.
fn definitions(doc: &Document<'_>, lex: &Lexicon, all: &[(Mention, Resolution)]) -> Vec<Defined> {
    let mut defined: Vec<Defined> = Vec::new();
    for (m, r) in all {
        if !r.accepted || r.ty != EntityType::Org {
            continue;
        }
        let t = m.end_token();
        if t + 2 >= doc.len() || doc.text(t) != "(" || doc.text(t + 2) != ")" || !doc.is_word(t + 1)
        {
            continue;
        }
        let word = doc.text(t + 1);
        let key = key(word);
        let letters = key.chars().count();
        let latin = key.is_ascii();
        let is_short_form = LETTERS.contains(&letters)
            && key.chars().all(char::is_alphabetic)
            && lex.word(word).is_none()
            && (!latin
                || doc
                    .original_of(t + 1)
                    .chars()
                    .all(|c| c.is_ascii_uppercase()))
            && !names_other(all, t + 1, r);
        if is_short_form && !defined.iter().any(|d| d.key == key) {
            let mut resolution = r.clone();
            resolution.evidence = EvidenceSet::EMPTY.with(Evidence::Acronym);
            resolution.alternatives.clear();
            defined.push(Defined {
                key: key.to_string(),
                resolution,
            });
        }
    }
    defined
}

/// Whether an accepted mention other than the organization `r` covers token `t`: a place in
/// parentheses is where the organization is («جيش الإسلام (دوما)»), not its short form.
fn names_other(all: &[(Mention, Resolution)], t: usize, r: &Resolution) -> bool {
    all.iter().any(|(m, other)| {
        other.accepted
            && m.first_token() <= t
            && t < m.end_token()
            && (other.ty != EntityType::Org || other.entity != r.entity)
    })
}

/// A word's key: without the article when letters are left after it (الفاو and فاو are one).
fn key(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest,
        _ => word,
    }
}

/// Puts the short form at `folded` into `all`: over a mention of exactly those words (another
/// reading of the word), or as a new mention where no accepted mention covers them.
fn place(
    doc: &Document<'_>,
    all: &mut Vec<(Mention, Resolution)>,
    folded: Span,
    proclitic: Proclitic,
    resolution: Resolution,
) {
    let mention = Mention::new(doc, folded, None, EntityType::Org, proclitic);
    let overlapping: Vec<usize> = (0..all.len())
        .filter(|&i| all[i].0.folded().overlaps(folded))
        .collect();
    let same = overlapping
        .iter()
        .all(|&i| all[i].0.folded() == folded || !all[i].1.accepted);
    if !same {
        return;
    }
    for &i in overlapping.iter().rev() {
        all.remove(i);
    }
    let at = all.partition_point(|(m, _)| m.span().start() < mention.span().start());
    all.insert(at, (mention, resolution));
}

#[cfg(test)]
mod tests {
    use crate::{EntityType, Resolver, Tagger};

    /// The accepted mentions of `text`: (surface, type, entity id, evidence names).
    fn accepted(text: &str) -> Vec<(String, EntityType, String, Vec<&'static str>)> {
        let tagger = Tagger::new();
        let g = tagger.gazetteer();
        Resolver::new(tagger.clone())
            .find(text)
            .into_iter()
            .map(|(m, r)| {
                let id = r
                    .entity()
                    .map_or(String::new(), |e| g.entity(e).id().to_string());
                (
                    text[m.span()].to_string(),
                    r.entity_type(),
                    id,
                    r.evidence().names().collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_short_form_in_parentheses_names_the_organization_throughout() {
        let text = "حذرت منظمة الأغذية والزراعة (فاو) من نقص القمح، وقال خبير في الفاو إن \
                    المخزون يكفي شهرين، ودعت الفاو المانحين إلى التحرك.";
        let found = accepted(text);
        let short: Vec<_> = found.iter().filter(|f| f.3 == ["acronym"]).collect();
        assert_eq!(short.len(), 3, "{found:?}");
        for (surface, ty, id, _) in short {
            assert!(surface.ends_with("فاو"), "{surface}");
            assert_eq!((*ty, id.as_str()), (EntityType::Org, "org:fao"));
        }
        // Without the definition the same word is the town in Iraq.
        let town = accepted("وصل الوفد إلى الفاو جنوب البصرة.");
        assert_eq!(town[0].1, EntityType::Loc, "{town:?}");
    }

    #[test]
    fn latin_short_forms_are_written_in_capitals() {
        let text = "The Syrian Observatory for Human Rights (SOHR) said on Monday that SOHR \
                    monitors had counted 40 dead.";
        let found = accepted(text);
        let short = found.iter().filter(|f| f.0 == "SOHR").count();
        assert_eq!(short, 2, "{found:?}");
        let lower = "The Syrian Observatory for Human Rights (sohr) said on Monday.";
        assert!(accepted(lower).iter().all(|f| f.0 != "sohr"));
    }

    #[test]
    fn a_day_or_a_place_in_parentheses_is_no_short_form() {
        let day = accepted("أعلنت وزارة الداخلية (الأحد) أن الطرق فتحت.");
        assert_eq!(day.len(), 1, "{day:?}");
        let place = accepted("قصف جيش الإسلام (دوما) مواقع القوات الحكومية.");
        let douma = place.iter().find(|f| f.0 == "دوما").expect("Douma");
        assert_eq!(douma.1, EntityType::Loc, "{place:?}");
    }
}
