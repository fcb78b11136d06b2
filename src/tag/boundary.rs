//! Where a name may start and end inside written words (ARABIC.md §2).
//!
//! A name may be preceded, inside the same written word, by at most a conjunction (و or ف)
//! and then a preposition (ب, ل or ك). Nothing else may be glued before it, and no letter
//! may follow it. These are small pure functions over folded text; the tagger calls them on
//! the candidates the automaton proposes.

use crate::automaton::Form;
use crate::gazetteer::Name;
use crate::normalize::{block_offset, is_word_char};
use crate::words::lexicon;

/// The proclitics written before a name inside the same word (و، ف then ب، ل، ك).
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
pub struct Proclitic {
    conjunction: Option<char>,
    preposition: Option<char>,
}

const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ل', 'ك'];

impl Proclitic {
    /// No proclitic.
    pub const NONE: Proclitic = Proclitic {
        conjunction: None,
        preposition: None,
    };

    /// The conjunction و or ف, if written.
    pub fn conjunction(&self) -> Option<char> {
        self.conjunction
    }

    /// The preposition ب, ل or ك, if written.
    pub fn preposition(&self) -> Option<char> {
        self.preposition
    }

    /// True when nothing was glued before the name.
    pub fn is_empty(&self) -> bool {
        self.conjunction.is_none() && self.preposition.is_none()
    }

    /// The proclitics as written (folded), e.g. "وب".
    pub fn as_string(&self) -> String {
        self.conjunction
            .into_iter()
            .chain(self.preposition)
            .collect()
    }

    /// Length in bytes of the folded proclitics (each is a two-byte Arabic letter).
    pub(crate) fn len_bytes(&self) -> usize {
        self.conjunction.map_or(0, char::len_utf8) + self.preposition.map_or(0, char::len_utf8)
    }
}

/// The ways the start of a folded word can split into proclitics and a name: always the whole
/// word, then every proclitic sequence the grammar allows that the word begins with.
pub(crate) fn proclitic_splits(word: &str) -> impl Iterator<Item = Proclitic> {
    let bytes = word.as_bytes();
    let mut splits = [Proclitic::NONE; 3];
    let count = match proclitic_letter(bytes, 0) {
        Some(c) if CONJUNCTIONS.contains(&c) => {
            splits[1].conjunction = Some(c);
            match proclitic_letter(bytes, 2).filter(|p| PREPOSITIONS.contains(p)) {
                Some(p) => {
                    splits[2] = Proclitic {
                        conjunction: Some(c),
                        preposition: Some(p),
                    };
                    3
                }
                None => 2,
            }
        }
        Some(c) if PREPOSITIONS.contains(&c) => {
            splits[1].preposition = Some(c);
            2
        }
        _ => 1,
    };
    splits.into_iter().take(count)
}

/// The proclitic letter (و ف ب ل ك) whose two UTF-8 bytes stand at `bytes[i..]`, if one does.
/// Read from a table, not by a `match` on the bytes: the first letters of words come at
/// random, and the jump the `match` compiled to was mispredicted on most words.
#[inline]
fn proclitic_letter(bytes: &[u8], i: usize) -> Option<char> {
    let &[lead, trail] = bytes.get(i..i + 2)? else {
        return None;
    };
    PROCLITIC_LETTERS[block_offset(lead, trail)?]
}

/// The proclitic letters among the two-byte characters U+0600–U+067F, by their offset in the
/// block ([`block_offset`]).
const PROCLITIC_LETTERS: [Option<char>; 128] = {
    let mut table = [None; 128];
    let letters = ['و', 'ف', 'ب', 'ل', 'ك'];
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i] as usize;
        table[c - 0x600] = Some(letters[i]);
        i += 1;
    }
    table
};

/// Whether a name written in `form` may follow `proclitic`.
///
/// The lil form (للبوكمال) exists only after the preposition ل. A name behind proclitics
/// must have at least `min_letters` letters: two-letter keys glued to a proclitic are nearly
/// always parts of ordinary words.
pub(crate) fn accepts_start(
    proclitic: Proclitic,
    form: Form,
    letters: usize,
    min_letters: usize,
) -> bool {
    let form_ok = match form {
        Form::Plain | Form::Fused => true,
        Form::LilContraction | Form::FusedLilContraction => proclitic.preposition == Some('ل'),
    };
    form_ok && (proclitic.is_empty() || letters >= min_letters)
}

/// Whether a name ending at folded byte `end` ends a word: the text ends or a non-letter
/// follows. Suffixes (حلبي، حلبية) are not names.
pub(crate) fn ends_word(folded: &str, end: usize) -> bool {
    folded[end..]
        .chars()
        .next()
        .is_none_or(|c| !is_word_char(c))
}

/// English possessive after a Latin name: `Syria's`, `Aleppo’s`. The apostrophe folds away,
/// so the folded text holds `syrias`; `apostrophe_before` tells whether the original text
/// had an apostrophe right before the `s` at folded position `end`.
pub(crate) fn ends_with_possessive(
    folded: &str,
    end: usize,
    apostrophe_before: impl FnOnce() -> bool,
) -> bool {
    folded[end..].starts_with('s') && ends_word(folded, end + 1) && apostrophe_before()
}

/// Whether a Latin name found at the start of `original` is written in lower case, as a
/// word: "a caring soul". A short first word of a longer name is an article or particle
/// that English writes in lower case (al-Bab, el-Arish, ar-Raqqa): not a word.
pub(crate) fn lower_case_word(original: &str, longer: bool) -> bool {
    if !original.starts_with(char::is_lowercase) {
        return false;
    }
    let first = original.chars().take_while(|c| c.is_alphabetic()).count();
    !(longer && first <= 3)
}

/// Whether a text writes words with a capital and then lower case ("The", "Damascus"), as
/// English prose does; not an all-lower-case post, nor one whose capitals are all in words
/// written in capitals ("IDLIB", "RT").
pub(crate) fn writes_capitals(text: &str) -> bool {
    // Most of a text is Arabic, which has no case: its letters are passed over without the
    // Unicode tables, and whether the character before a capital is a letter is asked only
    // of the few capitals.
    let upper = |c: char| match c {
        _ if c.is_ascii() => c.is_ascii_uppercase(),
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_uppercase(),
    };
    let mut chars = text.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        if upper(c)
            && chars.peek().is_some_and(|n| n.is_lowercase())
            && !previous.is_some_and(char::is_alphabetic)
        {
            return true;
        }
        previous = Some(c);
    }
    false
}

/// Whether a Latin name found at `rest` (the original text from the match on) is written as
/// an ordinary word: a compass adjective in lower case (`first_word`, folded) opening a longer
/// name is a modifier, the name is the rest ("eastern Ghouta"; "Eastern Ghouta" as written is
/// the name); and a name always written with a capital (Seoul, Soul) is a word in lower case
/// in a text that writes capitals (`cased`): "a caring soul".
pub(crate) fn written_as_word(
    name: &Name,
    rest: &str,
    first_word: &str,
    longer: bool,
    cased: impl FnOnce() -> bool,
) -> bool {
    let compass = longer
        && rest.starts_with(|c: char| c.is_ascii_lowercase())
        && lexicon()
            .word(first_word)
            .is_some_and(|w| w.bearing.is_some());
    compass || (name.is_capitalised() && lower_case_word(rest, longer) && cased())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splits(word: &str) -> Vec<String> {
        proclitic_splits(word).map(|p| p.as_string()).collect()
    }

    #[test]
    fn proclitic_letters_are_read_on_bytes() {
        for c in CONJUNCTIONS.iter().chain(&PREPOSITIONS) {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            assert_eq!(proclitic_letter(bytes, 0), Some(*c));
        }
        assert_eq!(proclitic_letter("حلب".as_bytes(), 0), None);
        // Every other character of two bytes, and stray bytes, is none.
        for c in '\u{0080}'..='\u{07FF}' {
            let mut utf8 = [0; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let want = CONJUNCTIONS.contains(&c) || PREPOSITIONS.contains(&c);
            assert_eq!(proclitic_letter(bytes, 0), want.then_some(c), "{c:?}");
        }
        assert_eq!(proclitic_letter(&[0xD9], 0), None);
        assert_eq!(proclitic_letter(&[0xD9, 0x48], 0), None);
        assert_eq!(proclitic_letter("و".as_bytes(), 1), None);
    }

    #[test]
    fn proclitic_grammar() {
        assert_eq!(splits("حلب"), [""]);
        assert_eq!(splits("بحلب"), ["", "ب"]);
        assert_eq!(splits("وبحلب"), ["", "و", "وب"]);
        assert_eq!(splits("فللرقه"), ["", "ف", "فل"]);
        assert_eq!(splits("كالرقه"), ["", "ك"]);
        // A preposition cannot precede a conjunction.
        assert_eq!(splits("بوحلب"), ["", "ب"]);
    }

    #[test]
    fn lil_form_needs_lam() {
        let lam = proclitic_splits("للبوكمال").nth(1).unwrap();
        assert!(accepts_start(lam, Form::LilContraction, 7, 3));
        assert!(!accepts_start(Proclitic::NONE, Form::LilContraction, 7, 3));
        let ba = proclitic_splits("بالبوكمال").nth(1).unwrap();
        assert!(!accepts_start(ba, Form::LilContraction, 7, 3));
        assert!(!accepts_start(ba, Form::Plain, 2, 3));
    }

    #[test]
    fn word_ends() {
        assert!(ends_word("حلب", 6));
        assert!(ends_word("حلب، ادلب", 6));
        assert!(!ends_word("حلبي", 6));
        assert!(ends_with_possessive("syrias army", 5, || true));
        assert!(!ends_with_possessive("syrias army", 5, || false));
    }

    #[test]
    fn lower_case_words_not_particles() {
        assert!(lower_case_word("soul, a loving son", false));
        assert!(lower_case_word("victoria park", true));
        assert!(!lower_case_word("Seoul", false));
        assert!(!lower_case_word("al-Bab", true));
        assert!(lower_case_word("al", false));
    }

    #[test]
    fn capitals_of_prose_not_of_shouting() {
        assert!(writes_capitals("talks in Geneva"));
        assert!(!writes_capitals("fighting near aleppo and IDLIB"));
        assert!(!writes_capitals("قصف على حلب"));
    }

    #[test]
    fn capitals_read_as_the_unicode_tables_say() {
        // What `writes_capitals` answers without the tables, asked of them.
        let by_tables = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            (0..chars.len()).any(|i| {
                chars[i].is_uppercase()
                    && (i == 0 || !chars[i - 1].is_alphabetic())
                    && chars.get(i + 1).is_some_and(|n| n.is_lowercase())
            })
        };
        let arabic = ('\u{0600}'..='\u{06FF}').collect::<Vec<char>>();
        assert!(arabic.iter().all(|c| !c.is_uppercase()));
        let others = [
            'A', 'a', 'Z', 'é', 'É', 'Σ', 'σ', 'Д', 'д', '1', ' ', '-', '«', 'ß',
        ];
        for &a in arabic.iter().chain(&others) {
            for &b in &others {
                for text in [format!("{a}{b}a"), format!("{b}{a}a"), format!("{a}{b}")] {
                    assert_eq!(writes_capitals(&text), by_tables(&text), "{text:?}");
                }
            }
        }
    }
}
