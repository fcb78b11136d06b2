//! Tests of the fold, its offset map and its tokens.

use super::*;

fn roundtrip(original: &str, name: &str) -> String {
    let norm = Normalized::new(original);
    let key = fold(name);
    let at = norm.text().find(&key).expect("name found in folded text");
    let start = norm.original_start(at);
    let end = norm.original_end(original, at + key.len());
    original[start..end].to_string()
}

#[test]
fn maps_back_over_dropped_marks() {
    assert_eq!(roundtrip("في دِمَشْقَ اليوم", "دمشق"), "دِمَشْقَ");
    assert_eq!(roundtrip("قرب حماة.", "حماه"), "حماة");
    assert_eq!(roundtrip("مدينة دير  الزور", "دير الزور"), "دير  الزور");
    assert_eq!(roundtrip("مدينة ديـــر الزور", "دير الزور"), "ديـــر الزور");
}

#[test]
fn maps_back_over_length_changing_folds() {
    assert_eq!(roundtrip("Ḩimṣ and Ḩamāh", "hamah"), "Ḩamāh");
    assert_eq!(roundtrip("١٤٠ كم من حلب", "حلب"), "حلب");
    assert_eq!(roundtrip("\u{200F}حلب\u{200E}", "حلب"), "حلب");
}

#[test]
fn lam_alef_ligature_is_two_letters() {
    let norm = Normalized::new("ﻻ");
    assert_eq!(norm.text(), "لا");
    assert_eq!(norm.original_start(2), 0);
    assert_eq!(norm.original_end("ﻻ", 4), 3);
}

#[test]
fn ligature_inner_positions_split_a_char() {
    let norm = Normalized::new("ﻻحلب");
    assert_eq!(norm.text(), "لاحلب");
    assert!(norm.splits_original_char(2), "between ل and ا of ﻻ");
    assert!(!norm.splits_original_char(4), "after the ligature");
    assert!(!norm.splits_original_char(0));
}

#[test]
fn word_starts_skip_inner_letters() {
    let norm = Normalized::new("وفي حلب، الباب");
    let words: Vec<&str> = norm.words().map(|(_, s, e)| &norm.text()[s..e]).collect();
    assert_eq!(words, ["وفي", "حلب", "الباب"]);
}

#[test]
fn tokens_sentences_and_paragraphs() {
    let norm = Normalized::new("قرب حلب، 12 كم.\nثم (ادلب)");
    let t: Vec<(&str, u32, u32)> = norm
        .tokens()
        .iter()
        .map(|t| (&norm.text()[t.start()..t.end()], t.sentence, t.paragraph))
        .collect();
    assert_eq!(
        t,
        [
            ("قرب", 0, 0),
            ("حلب", 0, 0),
            ("،", 0, 0),
            ("12", 0, 0),
            ("كم", 0, 0),
            (".", 0, 0),
            ("ثم", 1, 1),
            ("(", 1, 1),
            ("ادلب", 1, 1),
            (")", 1, 1),
        ]
    );
}

#[test]
fn separators_collapse() {
    assert_eq!(fold("  Deir - ez-Zor\n\tcity"), "deir ez zor city");
    assert_eq!(fold("Ma'arrat an-Nu‘man"), "maarrat an numan");
}

#[test]
fn folding_is_idempotent() {
    for s in ["إدلبُ ﻻ ١٤", "Dayr az Zawr – Ḩalab", "ٱلرَّقَّة"] {
        assert_eq!(fold(&fold(s)), fold(s));
    }
}

/// Texts drawn from pieces that take each path of the fold (plain runs, other Arabic letters,
/// marks, ligatures, spaces, addresses, handles, Latin letters with accents) keep the
/// invariants: the fold is idempotent, and every word token maps back to original text that
/// folds to it.
#[test]
fn mixed_texts_keep_the_invariants() {
    const PIECES: [&str; 30] = [
        "حلب",
        "إدلب",
        "حماة",
        "دِمَشْق",
        "ـ",
        "ﻻ",
        "ﻷ",
        " ",
        "  ",
        "\n",
        "،",
        ".",
        "١٤٠",
        "12",
        "wadi",
        "Ḩimṣ",
        "http://x.sy/a",
        "www.sana.sy",
        "@SANA_ar",
        "#حمص",
        "ى",
        "ئ",
        "\u{200F}",
        "h",
        "Straße",
        "Æ",
        "أحمد",
        "مدرسة ",
        " إلى",
        " hama",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..12 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
        }
        let norm = Normalized::new(&text);
        assert_eq!(fold(norm.text()), norm.text(), "not idempotent on {text:?}");
        // The shortcut for texts without ligatures agrees with the map.
        for (at, _) in norm.text().char_indices().skip(1) {
            let prev = norm.text()[..at]
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
            assert_eq!(
                norm.splits_original_char(at),
                norm.original_start(at - prev) == norm.original_start(at),
                "at {at} in {text:?}"
            );
        }
        for (_, start, end) in norm.words() {
            let from = norm.original_start(start);
            let to = norm.original_end(&text, end);
            if !norm.splits_original_char(start) && !norm.splits_original_char(end) {
                assert_eq!(
                    fold(&text[from..to]),
                    norm.text()[start..end],
                    "in {text:?}"
                );
            }
        }
    }
}

#[test]
fn spans_fold_words_and_spaces_byte_for_byte() {
    // Folds of one length (أ, ة, إ) inside a span, a word's first h (an address may open
    // there), two spaces and punctuation, which end the span.
    let text = "قال أحمد إن المدرسة  hama، www";
    let norm = Normalized::new(text);
    assert_eq!(norm.text(), "قال احمد ان المدرسه hama، www");
    let words: Vec<&str> = norm
        .words()
        .map(|(_, start, end)| &norm.text()[start..end])
        .collect();
    assert_eq!(words, ["قال", "احمد", "ان", "المدرسه", "hama", "www"]);
    for (_, start, end) in norm.words() {
        let from = norm.original_start(start);
        let to = norm.original_end(text, end);
        assert_eq!(fold(&text[from..to]), norm.text()[start..end]);
    }
    // The second space dropped: «hama» maps back past both.
    let hama = norm.text().find("hama").unwrap();
    assert_eq!(norm.original_start(hama), text.find("hama").unwrap());
}
