//! Mentions as CoNLL: one token per line with its BIO tag (`B-LOC`, `I-ORG`, `O`), a blank
//! line between sentences.
//!
//! The convention, which NLP toolkits that read ANERcorp-style files expect: tokens are the
//! whitespace-separated words of the text, split again wherever a mention begins or ends
//! inside a word, so that a proclitic written before a name is a token of its own, tagged
//! `O` («وحلب» gives `و O` and `حلب B-LOC`), and so is what follows a name in its word
//! (`حلب.` gives `حلب B-LOC` and `. O`). A line of the text is a sentence.

use super::MentionRecord;

/// One token of the text with its tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// `O`, or `B-`/`I-` and the mention's type.
    pub tag: String,
}

/// The sentences of `text` (its lines, blank ones skipped) as BIO-tagged tokens.
/// `records` are the text's mentions in text order, as [`super::records`] gives them.
pub fn sentences<'a>(text: &'a str, records: &[MentionRecord]) -> Vec<Vec<Token<'a>>> {
    // Every byte offset where a mention begins or ends cuts a word.
    let mut cuts: Vec<usize> = records
        .iter()
        .flat_map(|r| [r.byte_start, r.byte_end])
        .collect();
    cuts.sort_unstable();
    let mut sentences = Vec::new();
    let mut sentence: Vec<Token<'a>> = Vec::new();
    let mut mention = records.iter().peekable();
    for (line_start, line) in lines(text) {
        for (word_start, word) in words(line) {
            let start = line_start + word_start;
            let end = start + word.len();
            let inner = cuts.iter().copied().filter(|&c| c > start && c < end);
            let mut from = start;
            for to in inner.chain([end]) {
                if to == from {
                    continue;
                }
                while mention.next_if(|r| r.byte_end <= from).is_some() {}
                let tag = match mention.peek() {
                    Some(r) if r.byte_start <= from => {
                        let position = if r.byte_start == from { "B" } else { "I" };
                        format!("{position}-{}", r.ty)
                    }
                    _ => "O".to_string(),
                };
                sentence.push(Token {
                    text: &text[from..to],
                    tag,
                });
                from = to;
            }
        }
        if !sentence.is_empty() {
            sentences.push(std::mem::take(&mut sentence));
        }
    }
    sentences
}

/// The lines of `text` with their byte offsets.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

/// The whitespace-separated words of `line` with their byte offsets.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split(char::is_whitespace)
        .scan(0, |offset, word| {
            let start = *offset;
            *offset += word.len();
            // The separator: one whitespace character, whatever its width.
            *offset += line[*offset..].chars().next().map_or(0, char::len_utf8);
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Resolver, Tagger};

    fn tagged(text: &str) -> Vec<Vec<(String, String)>> {
        let tagger = Tagger::new();
        let resolver = Resolver::new(tagger.clone());
        let (mentions, resolutions): (Vec<_>, Vec<_>) = resolver
            .tag_and_resolve(text)
            .into_iter()
            .filter(|(_, r)| r.is_accepted())
            .unzip();
        let records = super::super::records(&tagger, text, &mentions, Some(&resolutions));
        sentences(text, &records)
            .into_iter()
            .map(|s| s.into_iter().map(|t| (t.text.to_string(), t.tag)).collect())
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn proclitic_and_trailing_punctuation_become_tokens_of_their_own() {
        let found = tagged("وصل الوفد إلى حمص وحلب.");
        assert_eq!(
            found,
            [pairs(&[
                ("وصل", "O"),
                ("الوفد", "O"),
                ("إلى", "O"),
                ("حمص", "B-LOC"),
                ("و", "O"),
                ("حلب", "B-LOC"),
                (".", "O"),
            ])]
        );
    }

    #[test]
    fn a_name_of_several_words_is_begun_then_continued_and_lines_are_sentences() {
        let found = tagged("دخلت القوات دير الزور\n\n  ثم عادت");
        assert_eq!(
            found,
            [
                pairs(&[
                    ("دخلت", "O"),
                    ("القوات", "O"),
                    ("دير", "B-LOC"),
                    ("الزور", "I-LOC"),
                ]),
                pairs(&[("ثم", "O"), ("عادت", "O")]),
            ]
        );
    }

    #[test]
    fn text_without_words_has_no_sentences() {
        assert!(sentences("", &[]).is_empty());
        assert!(sentences(" \n\t\n", &[]).is_empty());
    }
}
