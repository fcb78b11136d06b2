//! Folding of Latin-script characters: lower case, no diacritics, no apostrophes.
//!
//! Transliterations of Arabic names spell the same place many ways (Dayr az Zawr, Deir ez-Zor,
//! Deir-ez-Zor); this fold removes what varies by typography, and the gazetteer carries the
//! spelling variants that remain.

use super::Fold;

/// Folds one non-ASCII Latin-ish character; `None` when it is not one this module knows.
pub(super) fn fold(c: char) -> Option<Fold> {
    let folded = match c {
        // Apostrophes and the ayn/hamza half rings of transliteration: Ma'arrat, Ḩimṣ, ʿAyn.
        '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}'
        | '\u{02B9}' | '\u{00B4}' | '\u{02C8}' => Fold::Drop,
        // Combining diacritics left over from decomposed input.
        '\u{0300}'..='\u{036F}' => Fold::Drop,
        'ß' => Fold::Str("ss"),
        'æ' | 'Æ' => Fold::Str("ae"),
        'œ' | 'Œ' => Fold::Str("oe"),
        'ø' | 'Ø' => Fold::Char('o'),
        'ł' | 'Ł' => Fold::Char('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => Fold::Char('d'),
        'ı' => Fold::Char('i'),
        'þ' | 'Þ' => Fold::Str("th"),
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => base_letter(c)?,
        _ => return None,
    };
    Some(folded)
}

/// The lower-case ASCII base letter of a precomposed Latin letter (ā -> a, Ḩ -> h).
fn base_letter(c: char) -> Option<Fold> {
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base.is_none() && d.is_ascii_alphabetic() {
            base = Some(d.to_ascii_lowercase());
        }
    });
    base.map(Fold::Char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_diacritics_of_transliterations() {
        assert_eq!(fold('ā'), Some(Fold::Char('a')));
        assert_eq!(fold('Ḩ'), Some(Fold::Char('h')));
        assert_eq!(fold('ẓ'), Some(Fold::Char('z')));
        assert_eq!(fold('ʿ'), Some(Fold::Drop));
        assert_eq!(fold('’'), Some(Fold::Drop));
        assert_eq!(fold('é'), Some(Fold::Char('e')));
    }
}
