//! IOB2 tags and their chunks, as the `conlleval` script reads them: `B-X` opens a chunk, `I-X`
//! continues one of the same type (or opens one after `O` or another type), `O` is outside.

use super::error::EvalError;

/// A parsed IOB tag; the label borrows from the tag string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag<'a> {
    Outside,
    Begin(&'a str),
    Inside(&'a str),
}

/// Parses `O`, `B-X` or `I-X` (X non-empty); anything else is `None`.
pub(crate) fn parse_tag(tag: &str) -> Option<Tag<'_>> {
    if tag == "O" {
        return Some(Tag::Outside);
    }
    match tag.split_once('-')? {
        (_, "") => None,
        ("B", label) => Some(Tag::Begin(label)),
        ("I", label) => Some(Tag::Inside(label)),
        _ => None,
    }
}

pub(crate) fn parse_tags<'a>(
    tags: impl Iterator<Item = &'a str>,
    sentence: usize,
    side: &str,
) -> Result<Vec<Tag<'a>>, EvalError> {
    tags.enumerate()
        .map(|(t, tag)| {
            parse_tag(tag).ok_or_else(|| {
                EvalError::input(format!(
                    "sentence {sentence}, token {t}: {side} tag {tag:?} is not O, B-TYPE or I-TYPE"
                ))
            })
        })
        .collect()
}

/// The chunks of a tag sequence as `(first token, one past the last token, label)`.
pub(crate) fn chunks<'a>(tags: &[Tag<'a>]) -> Vec<(usize, usize, &'a str)> {
    let mut found = Vec::new();
    let mut open: Option<(usize, &'a str)> = None;
    for (t, &tag) in tags.iter().enumerate() {
        if let (Tag::Inside(label), Some((_, open_label))) = (tag, open)
            && label == open_label
        {
            continue;
        }
        if let Some((start, label)) = open.take() {
            found.push((start, t, label));
        }
        open = match tag {
            Tag::Outside => None,
            Tag::Begin(label) | Tag::Inside(label) => Some((t, label)),
        };
    }
    if let Some((start, label)) = open {
        found.push((start, tags.len(), label));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks_of(text: &str) -> Vec<(usize, usize, String)> {
        let parsed: Vec<Tag> = text
            .split_whitespace()
            .map(|t| parse_tag(t).unwrap())
            .collect();
        chunks(&parsed)
            .into_iter()
            .map(|(s, e, l)| (s, e, l.to_owned()))
            .collect()
    }

    fn c(start: usize, end: usize, label: &str) -> (usize, usize, String) {
        (start, end, label.to_owned())
    }

    #[test]
    fn tag_parsing() {
        assert_eq!(parse_tag("O"), Some(Tag::Outside));
        assert_eq!(parse_tag("B-LOC"), Some(Tag::Begin("LOC")));
        assert_eq!(parse_tag("I-PERS"), Some(Tag::Inside("PERS")));
        assert_eq!(parse_tag("B-"), None);
        assert_eq!(parse_tag("LOC"), None);
        assert_eq!(parse_tag("E-LOC"), None);
        assert_eq!(parse_tag("o"), None);
    }

    #[test]
    fn chunking_b_and_i() {
        assert_eq!(
            chunks_of("B-LOC I-LOC O B-PERS"),
            [c(0, 2, "LOC"), c(3, 4, "PERS")]
        );
        assert_eq!(chunks_of("B-LOC B-LOC"), [c(0, 1, "LOC"), c(1, 2, "LOC")]);
        assert_eq!(chunks_of("O O"), []);
        assert_eq!(chunks_of(""), []);
    }

    #[test]
    fn chunking_i_without_b_starts_a_chunk() {
        assert_eq!(chunks_of("I-LOC I-LOC O"), [c(0, 2, "LOC")]);
        assert_eq!(chunks_of("O I-ORG I-ORG"), [c(1, 3, "ORG")]);
    }

    #[test]
    fn chunking_type_change_starts_a_chunk() {
        assert_eq!(
            chunks_of("B-LOC I-ORG I-ORG"),
            [c(0, 1, "LOC"), c(1, 3, "ORG")]
        );
        assert_eq!(
            chunks_of("I-PERS I-LOC B-LOC"),
            [c(0, 1, "PERS"), c(1, 2, "LOC"), c(2, 3, "LOC")]
        );
    }
}
