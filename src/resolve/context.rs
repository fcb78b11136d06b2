//! The words around a mention, read from the folded text.

use crate::normalize::is_word_char;

/// Splits folded text into tokens: words (letters, digits, a decimal point inside a number)
/// and single punctuation characters; spaces only separate.
pub(crate) fn tokens(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = folded.as_bytes();
    for (i, c) in folded.char_indices() {
        let in_number = c == '.'
            && start.is_some()
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if is_word_char(c) || in_number {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&folded[s..i]);
        }
        if c != ' ' {
            out.push(&folded[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(&folded[s..]);
    }
    out
}

/// Up to `n` tokens before folded position `at`, nearest first.
pub(crate) fn before(folded: &str, at: usize, n: usize) -> Vec<&str> {
    // Look back over a bounded window: cue words are close to the name.
    let mut from = at.saturating_sub(24 * n);
    while !folded.is_char_boundary(from) {
        from -= 1;
    }
    let mut t = tokens(&folded[from..at]);
    if from > 0 && !t.is_empty() {
        // The first token may be cut in the middle.
        t.remove(0);
    }
    t.into_iter().rev().take(n).collect()
}

/// Up to `n` tokens after folded position `at`, in text order.
pub(crate) fn after(folded: &str, at: usize, n: usize) -> Vec<&str> {
    let mut to = (at + 24 * n).min(folded.len());
    while !folded.is_char_boundary(to) {
        to += 1;
    }
    let mut t = tokens(&folded[at..to]);
    if to < folded.len() && !t.is_empty() {
        t.pop();
    }
    t.truncate(n);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_punctuation_and_decimals() {
        assert_eq!(
            tokens("قرب حلب، 12.5 كم (ادلب)"),
            ["قرب", "حلب", "،", "12.5", "كم", "(", "ادلب", ")"]
        );
    }

    #[test]
    fn windows_before_and_after() {
        let text = "في مدينه حلب شمال سوريا";
        let at = text.find("حلب").unwrap();
        assert_eq!(before(text, at, 2), ["مدينه", "في"]);
        assert_eq!(after(text, at + "حلب".len(), 5), ["شمال", "سوريا"]);
    }
}
