//! CoNLL entity-level scoring on whole tokens, for the ANERcorp peer benchmark.
//!
//! ANERcorp tags whole whitespace tokens with IOB2 tags (`B-LOC`, `I-PERS`, `O`, ...), while makan
//! finds character spans that leave proclitics outside (`حلب` inside the token `بحلب`). The bridge is
//! [`spans_to_bio`]; the scoring is [`score_conll`], which chunks tags the way the `conlleval` script
//! of the CoNLL shared tasks does, so the numbers are comparable with published ANERcorp results.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::io::BufRead;

use serde::Serialize;

use super::error::EvalError;
use super::iob::{chunks, parse_tag, parse_tags};
use super::model::EntityType;
use super::report::{Prf, ratio};

/// One CoNLL sentence: `(token, tag)` pairs in order.
pub type ConllSentence = Vec<(String, String)>;

/// Reads a CoNLL file: one `token tag` per line, sentences separated by blank lines.
///
/// This is the layout of the ANERcorp split files (918 sentences in the test split, tags `O` and
/// `B-`/`I-` with `LOC`, `ORG`, `PERS`, `MISC`). Columns are split on whitespace; the first is the
/// token and the last the tag, so four-column CoNLL-2003 files read too. Several blank lines in a
/// row end one sentence; `-DOCSTART-` lines are treated as sentence breaks. A line with a single
/// column or a tag that is not `O`, `B-TYPE` or `I-TYPE` is an error naming `file_name` and the line.
pub fn parse_conll<R: BufRead>(
    reader: R,
    file_name: &str,
) -> Result<Vec<ConllSentence>, EvalError> {
    let mut sentences = Vec::new();
    let mut sentence = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line_no = index + 1;
        let line = line.map_err(|err| EvalError::io(file_name, line_no, err))?;
        let line = if index == 0 {
            line.strip_prefix('\u{feff}').unwrap_or(&line)
        } else {
            &line
        };
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(&token), Some(&tag)) = (fields.first(), fields.last()) else {
            if !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        };
        if token == "-DOCSTART-" {
            if !sentence.is_empty() {
                sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        if fields.len() < 2 {
            return Err(EvalError::at_line(
                file_name,
                line_no,
                format!("expected `token tag`, found one column {token:?}"),
            ));
        }
        if parse_tag(tag).is_none() {
            return Err(EvalError::at_line(
                file_name,
                line_no,
                format!("tag {tag:?} is not O, B-TYPE or I-TYPE"),
            ));
        }
        sentence.push((token.to_owned(), tag.to_owned()));
    }
    if !sentence.is_empty() {
        sentences.push(sentence);
    }
    Ok(sentences)
}

/// The text a tagger should see for a sentence: its tokens joined by single spaces.
///
/// Byte offsets into this string are what [`spans_to_bio`] expects.
pub fn sentence_text<T: AsRef<str>>(tokens: &[T]) -> String {
    let mut text = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(token.as_ref());
    }
    text
}

/// Turns spans found in a sentence's text into one IOB2 tag per token.
///
/// `spans` are half-open **byte** ranges into [`sentence_text`]`(tokens)` (tokens joined by single
/// spaces). A token belongs to a span when they share at least one byte, so a span that leaves a
/// proclitic outside (`حلب` in `بحلب`) still tags the whole token, as ANERcorp's token-level
/// annotation does; a span reaching into part of the next token takes that token too. When spans
/// overlap the same token, the span starting first wins (the longer one on equal starts). The first
/// token of each span is `B-`, the following ones `I-`; labels are [`EntityType::anercorp_label`]
/// (`LOC`, `ORG`, `PERS`). Empty spans tag nothing; spans past the end are clipped.
pub fn spans_to_bio<T: AsRef<str>>(
    tokens: &[T],
    spans: &[(usize, usize, EntityType)],
) -> Vec<String> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0, std::cmp::Reverse(spans[i].1), i));

    let mut owners: Vec<Option<usize>> = Vec::with_capacity(tokens.len());
    let mut token_start = 0;
    for token in tokens {
        let token_end = token_start + token.as_ref().len();
        let owner = order.iter().copied().find(|&i| {
            let (start, end, _) = spans[i];
            start < token_end && token_start < end
        });
        owners.push(owner);
        token_start = token_end + 1;
    }

    owners
        .iter()
        .enumerate()
        .map(|(t, owner)| match owner {
            None => "O".to_owned(),
            Some(i) => {
                let prefix = if t > 0 && owners[t - 1] == Some(*i) {
                    "I"
                } else {
                    "B"
                };
                format!("{prefix}-{}", spans[*i].2.anercorp_label())
            }
        })
        .collect()
}

/// Entity-level scores of predicted tags against CoNLL gold, as `conlleval` computes them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConllReport {
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens scored.
    pub tokens: usize,
    /// Tokens whose predicted tag equals the gold tag.
    pub correct_tags: usize,
    /// `correct_tags / tokens` (dominated by `O`; not an entity metric).
    pub token_accuracy: f64,
    /// Micro-averaged over all entity types: `tp` = chunks with the same type and token range in
    /// gold and prediction.
    pub overall: Prf,
    /// Per entity label as written in the tags (`LOC`, `MISC`, `ORG`, `PERS`, ...), for every label
    /// found in gold or prediction, in label order.
    pub per_type: BTreeMap<String, Prf>,
}

impl fmt::Display for ConllReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| 100.0 * x;
        writeln!(
            f,
            "{} sentences, {} tokens, token accuracy {:.2}%",
            self.sentences,
            self.tokens,
            pct(self.token_accuracy)
        )?;
        writeln!(f, "type        gold  found correct      P      R     F1")?;
        let rows = self
            .per_type
            .iter()
            .map(|(label, prf)| (label.as_str(), prf))
            .chain([("overall", &self.overall)]);
        for (i, (label, prf)) in rows.enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{:<8} {:>7} {:>6} {:>7} {:>6.2} {:>6.2} {:>6.2}",
                label,
                prf.true_positives + prf.false_negatives,
                prf.true_positives + prf.false_positives,
                prf.true_positives,
                pct(prf.precision),
                pct(prf.recall),
                pct(prf.f1),
            )?;
        }
        Ok(())
    }
}

/// Scores predicted tags against gold CoNLL sentences at the entity level.
///
/// Tags are chunked as `conlleval` does: a chunk starts at `B-X`, and also at `I-X` after `O` or
/// after a tag of another type (so a lone `I-LOC` is a one-token LOC); it continues over `I-X` of
/// the same type and ends before anything else. A predicted chunk is correct only if a gold chunk
/// has the same type and the same first and last token. Scores with a zero denominator are 0.
///
/// Errors (without file position) if the sentence counts or a sentence's token and tag counts
/// differ, or a tag is not `O`, `B-TYPE` or `I-TYPE`; sentence numbers in messages are 0-based.
pub fn score_conll(
    gold: &[ConllSentence],
    predicted: &[Vec<String>],
) -> Result<ConllReport, EvalError> {
    if gold.len() != predicted.len() {
        return Err(EvalError::input(format!(
            "{} gold sentences but {} predicted",
            gold.len(),
            predicted.len()
        )));
    }
    let mut gold_counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut found_counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut correct_counts: BTreeMap<String, usize> = BTreeMap::new();
    let (mut tokens, mut correct_tags) = (0, 0);

    for (s, (gold_sentence, predicted_tags)) in gold.iter().zip(predicted).enumerate() {
        if gold_sentence.len() != predicted_tags.len() {
            return Err(EvalError::input(format!(
                "sentence {s}: {} gold tokens but {} predicted tags",
                gold_sentence.len(),
                predicted_tags.len()
            )));
        }
        let gold_tags = parse_tags(gold_sentence.iter().map(|(_, tag)| tag.as_str()), s, "gold")?;
        let found_tags = parse_tags(predicted_tags.iter().map(String::as_str), s, "predicted")?;
        tokens += gold_sentence.len();
        correct_tags += gold_sentence
            .iter()
            .zip(predicted_tags)
            .filter(|((_, gold_tag), predicted_tag)| gold_tag == *predicted_tag)
            .count();

        let gold_chunks = chunks(&gold_tags);
        let found_chunks = chunks(&found_tags);
        let gold_set: HashSet<_> = gold_chunks.iter().copied().collect();
        for &(_, _, label) in &gold_chunks {
            *gold_counts.entry(label.to_owned()).or_default() += 1;
        }
        for chunk in &found_chunks {
            *found_counts.entry(chunk.2.to_owned()).or_default() += 1;
            if gold_set.contains(chunk) {
                *correct_counts.entry(chunk.2.to_owned()).or_default() += 1;
            }
        }
    }

    let labels: Vec<&String> = gold_counts.keys().chain(found_counts.keys()).collect();
    let mut per_type = BTreeMap::new();
    for label in labels {
        let count = |counts: &BTreeMap<String, usize>| counts.get(label).copied().unwrap_or(0);
        let (gold_n, found_n, correct_n) = (
            count(&gold_counts),
            count(&found_counts),
            count(&correct_counts),
        );
        per_type.insert(
            label.clone(),
            Prf::from_counts(correct_n, found_n - correct_n, gold_n - correct_n),
        );
    }
    let total = |counts: &BTreeMap<String, usize>| counts.values().sum::<usize>();
    let (gold_n, found_n, correct_n) = (
        total(&gold_counts),
        total(&found_counts),
        total(&correct_counts),
    );
    Ok(ConllReport {
        sentences: gold.len(),
        tokens,
        correct_tags,
        token_accuracy: ratio(correct_tags, tokens),
        overall: Prf::from_counts(correct_n, found_n - correct_n, gold_n - correct_n),
        per_type,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    fn sentence(tokens_and_tags: &[(&str, &str)]) -> ConllSentence {
        tokens_and_tags
            .iter()
            .map(|&(token, tag)| (token.to_owned(), tag.to_owned()))
            .collect()
    }

    #[test]
    fn score_requires_type_and_exact_token_range() {
        let gold = [sentence(&[
            ("a", "B-LOC"),
            ("b", "I-LOC"),
            ("c", "O"),
            ("d", "B-PERS"),
            ("e", "B-ORG"),
        ])];
        // LOC too short, PERS right (an I- start still counts), ORG predicted as MISC.
        let predicted = [tags("B-LOC O O I-PERS B-MISC")];
        let report = score_conll(&gold, &predicted).unwrap();
        assert_eq!(
            (report.sentences, report.tokens, report.correct_tags),
            (1, 5, 2)
        );
        assert_eq!(report.token_accuracy, 0.4);
        assert_eq!(report.overall, Prf::from_counts(1, 2, 2));
        assert_eq!(report.per_type["LOC"], Prf::from_counts(0, 1, 1));
        assert_eq!(report.per_type["PERS"], Prf::from_counts(1, 0, 0));
        assert_eq!(report.per_type["ORG"], Prf::from_counts(0, 0, 1));
        assert_eq!(report.per_type["MISC"], Prf::from_counts(0, 1, 0));
        assert_eq!(
            report.per_type.keys().collect::<Vec<_>>(),
            ["LOC", "MISC", "ORG", "PERS"]
        );
        assert!(report.to_string().contains("overall"));
    }

    #[test]
    fn score_of_gold_against_itself_is_perfect() {
        let gold = [
            sentence(&[("a", "B-ORG"), ("b", "I-ORG"), ("c", "O")]),
            sentence(&[("d", "I-MISC")]),
        ];
        let predicted: Vec<Vec<String>> = gold
            .iter()
            .map(|s| s.iter().map(|(_, tag)| tag.clone()).collect())
            .collect();
        let report = score_conll(&gold, &predicted).unwrap();
        assert_eq!(report.overall, Prf::from_counts(2, 0, 0));
        assert_eq!(report.overall.f1, 1.0);
    }

    #[test]
    fn score_of_nothing_is_zero() {
        let report = score_conll(&[], &[]).unwrap();
        assert_eq!(report.overall, Prf::default());
        assert_eq!(report.token_accuracy, 0.0);
        assert!(report.per_type.is_empty());
    }

    #[test]
    fn score_rejects_mismatched_lengths_and_bad_tags() {
        let gold = [sentence(&[("a", "O"), ("b", "B-LOC")])];
        let err = score_conll(&gold, &[tags("O")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "sentence 0: 2 gold tokens but 1 predicted tags"
        );
        assert!(score_conll(&gold, &[]).is_err());
        let err = score_conll(&gold, &[tags("O LOC")]).unwrap_err();
        assert!(
            err.to_string().contains("token 1: predicted tag \"LOC\""),
            "{err}"
        );
    }

    #[test]
    fn parse_conll_sentences() {
        let text =
            "\u{feff}قال O\nسامي B-PERS\n\n\n-DOCSTART- O\nفي O\r\nدمشق B-LOC\n\nx NN B-NP I-ORG";
        let sentences = parse_conll(text.as_bytes(), "t.txt").unwrap();
        assert_eq!(
            sentences,
            [
                sentence(&[("قال", "O"), ("سامي", "B-PERS")]),
                sentence(&[("في", "O"), ("دمشق", "B-LOC")]),
                sentence(&[("x", "I-ORG")]),
            ]
        );
        let err = parse_conll("a O\nb\n".as_bytes(), "t.txt").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.txt:2: expected `token tag`, found one column \"b\""
        );
        let err = parse_conll("a LOCATION\n".as_bytes(), "t.txt").unwrap_err();
        assert!(err.to_string().starts_with("t.txt:1: tag \"LOCATION\""));
    }

    #[test]
    fn spans_to_bio_whole_token_and_clitic() {
        let tokens = ["قصف", "بحلب", "الشمالي"];
        let text = sentence_text(&tokens);
        assert_eq!(text, "قصف بحلب الشمالي");
        // "حلب" leaves the proclitic ب outside; the whole token is tagged.
        let start = text.find("حلب").unwrap();
        let spans = [(start, start + "حلب".len(), EntityType::Loc)];
        assert_eq!(spans_to_bio(&tokens, &spans), ["O", "B-LOC", "O"]);
    }

    #[test]
    fn spans_to_bio_multi_token_adjacent_and_person_label() {
        let tokens = ["زار", "مخيم", "اليرموك", "دمشق", "حلب", "سامي"];
        let text = sentence_text(&tokens);
        let at = |name: &str| text.find(name).unwrap();
        let spans = [
            (at("مخيم"), at("اليرموك") + "اليرموك".len(), EntityType::Loc),
            (at("دمشق"), at("دمشق") + "دمشق".len(), EntityType::Loc),
            (at("حلب"), at("حلب") + "حلب".len(), EntityType::Org),
            (at("سامي"), text.len(), EntityType::Per),
        ];
        assert_eq!(
            spans_to_bio(&tokens, &spans),
            ["O", "B-LOC", "I-LOC", "B-LOC", "B-ORG", "B-PERS"]
        );
    }

    #[test]
    fn spans_to_bio_overlap_rules() {
        let tokens = ["aa", "bb", "cc", "dd"];
        // "aa bb cc dd": aa 0..2, bb 3..5, cc 6..8, dd 9..11.
        // A span reaching one byte into "bb" takes it; a later span starting inside "bb" keeps
        // only the tokens the first span does not own.
        let spans = [(4, 7, EntityType::Org), (0, 4, EntityType::Loc)];
        assert_eq!(
            spans_to_bio(&tokens, &spans),
            ["B-LOC", "I-LOC", "B-ORG", "O"]
        );
        // The space between tokens belongs to no token; empty and out-of-range spans.
        assert_eq!(spans_to_bio(&tokens, &[(2, 3, EntityType::Loc)]), ["O"; 4]);
        assert_eq!(spans_to_bio(&tokens, &[(6, 6, EntityType::Loc)]), ["O"; 4]);
        assert_eq!(
            spans_to_bio(&tokens, &[(9, 99, EntityType::Loc)]),
            ["O", "O", "O", "B-LOC"]
        );
        // Equal starts: the longer span wins.
        assert_eq!(
            spans_to_bio(&tokens, &[(0, 2, EntityType::Org), (0, 5, EntityType::Loc)]),
            ["B-LOC", "I-LOC", "O", "O"]
        );
        assert!(spans_to_bio::<&str>(&[], &[(0, 1, EntityType::Loc)]).is_empty());
    }
}
