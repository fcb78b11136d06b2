//! Informal text: social-media handles (@KUWAIT_MOH) and web addresses each fold to one
//! punctuation token, so that no name is read inside them (issue 17, tweets).

use super::{Fold, Folded, fold_char};

/// What a web address folds to: one punctuation token, so no name is read inside it
/// («https://t.co/Riyadh») and the words on either side stay apart.
pub(super) const WEB_ADDRESS: char = '/';

/// The end of the web address starting at `at` (`http://`, `https://`, `www.` once folded),
/// up to the next white space; `None` when none starts there.
pub(super) fn web_address_end(original: &str, at: usize) -> Option<usize> {
    // The first folded letters, on the stack: every word that starts with h or w comes here.
    let mut head = [0u8; 8];
    let mut len = 0;
    for c in original[at..].chars() {
        match fold_char(c) {
            Folded::One(Fold::Drop) => continue,
            // A scheme is ASCII: a letter outside it ends the head.
            Folded::One(Fold::Char(x)) if x.is_ascii() => head[len] = x as u8,
            _ => break,
        }
        len += 1;
        if len == head.len() {
            break;
        }
    }
    let head = &head[..len];
    let scheme = [&b"http://"[..], b"https://", b"www."]
        .iter()
        .any(|p| head.starts_with(p));
    let rest = &original[at..];
    scheme.then(|| at + rest.find(char::is_whitespace).unwrap_or(rest.len()))
}

/// The end of the social-media handle whose `@` is at `at` (letters, digits and underscores
/// in any script, as the platforms allow, and the marks and invisible characters the fold
/// drops), or `None` when none follows: an `@` alone is left as punctuation.
pub(super) fn handle_end(original: &str, at: usize) -> Option<usize> {
    let rest = &original[at + 1..];
    let len = rest
        .find(|c: char| {
            !(c.is_alphanumeric() || c == '_' || matches!(fold_char(c), Folded::One(Fold::Drop)))
        })
        .unwrap_or(rest.len());
    (len > 0).then_some(at + 1 + len)
}

#[cfg(test)]
mod tests {
    use super::super::{Normalized, fold};

    fn words_of(text: &str) -> Vec<String> {
        let norm = Normalized::new(text);
        norm.tokens()
            .iter()
            .map(|t| norm.text()[t.start()..t.end()].to_string())
            .collect()
    }

    #[test]
    fn handles_are_one_token_without_words() {
        assert_eq!(
            words_of("@KUWAIT_MOH تعلن في @سفارة_الكويت_لبنان اليوم"),
            ["@", "تعلن", "في", "@", "اليوم"]
        );
        // An @ with nothing after it stays punctuation.
        assert_eq!(words_of("حلب @ دمشق"), ["حلب", "@", "دمشق"]);
    }

    #[test]
    fn web_addresses_are_one_token_without_words() {
        assert_eq!(
            words_of("سيول في الرياض https://t.co/Riyadh_9x وwww.beirut.com"),
            [
                "سيول",
                "في",
                "الرياض",
                "/",
                "وwww",
                ".",
                "beirut",
                ".",
                "com"
            ]
        );
        assert_eq!(words_of("http://x.y/حلب دمشق"), ["/", "دمشق"]);
        // A word that merely starts with the letters of a scheme is a word.
        assert_eq!(words_of("hotel httpd"), ["hotel", "httpd"]);
    }

    #[test]
    fn skipped_text_keeps_offsets() {
        let text = "@ab_cd في حلب https://t.co/x ثم إدلب";
        let norm = Normalized::new(text);
        for name in ["حلب", "ادلب"] {
            let at = norm.text().find(name).unwrap();
            let start = norm.original_start(at);
            let end = norm.original_end(text, at + name.len());
            assert_eq!(fold(&text[start..end]), name);
        }
    }

    #[test]
    fn handles_and_addresses_fold_the_same_twice() {
        for text in [
            "@\u{200f}ﻻ",
            "HTTPS://t.co/x حلب",
            "Ḩttp://x",
            "@a@b",
            "www.x.com/ادلب",
        ] {
            assert_eq!(fold(&fold(text)), fold(text), "{text:?}");
        }
    }

    #[test]
    fn hashtag_words_stay_words() {
        assert_eq!(words_of("#حفر_الباطن"), ["#", "حفر", "الباطن"]);
    }
}
