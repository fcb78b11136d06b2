//! Folding of Arabic-script characters (ARABIC.md §1).
//!
//! Every fold is character-local, so an offset map from folded text back to the original is
//! exact. Most folds keep the UTF-8 length (two bytes in, two bytes out), which keeps the offset
//! map short.

use super::Fold;

/// Folds one character of the Arabic blocks (U+0600–U+06FF); `None` for other characters.
/// Read from a table of the block made from [`fold_by_rule`] when the crate is compiled: a
/// `match` over the block compiled to a jump that text with marks, digits and hamzas at
/// random mispredicted.
#[inline]
pub(super) fn fold(c: char) -> Option<Fold> {
    FOLDS.get((c as u32).wrapping_sub(0x0600) as usize).copied()
}

/// The fold of every character of U+0600–U+06FF, by its offset in the block.
const FOLDS: [Fold; 256] = {
    let mut table = [Fold::Drop; 256];
    let mut i = 0;
    while i < table.len() {
        let c = char::from_u32(0x0600 + i as u32).expect("the block holds no surrogate");
        table[i] = fold_by_rule(c).expect("every character of the block folds");
        i += 1;
    }
    table
};

/// The fold rules of the Arabic block, one `match`; `None` outside the block.
const fn fold_by_rule(c: char) -> Option<Fold> {
    let folded = match c {
        // Harakat, tanwin, shadda, sukun and the other combining marks; superscript alef;
        // Quranic annotation marks; tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => Fold::Drop,
        // Alef with hamza above/below, madda, wasla, wavy hamza.
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::Char('ا'),
        // Alef maqsura and the Persian/Urdu/Pashto yeh forms.
        'ى' | 'ی' | 'ې' | 'ۍ' => Fold::Char('ي'),
        // Persian keheh and swash kaf.
        'ک' | 'ڪ' => Fold::Char('ك'),
        // Kurdish ae, heh with yeh, heh goal, heh doachashmee.
        'ە' | 'ۀ' | 'ہ' | 'ھ' => Fold::Char('ه'),
        // Taa marbuta: حماة and حماه are both common spellings of one place.
        'ة' => Fold::Char('ه'),
        // Hamza on a seat folds to the seat.
        'ؤ' => Fold::Char('و'),
        'ئ' => Fold::Char('ي'),
        // Arabic-Indic and extended (Persian) digits.
        '\u{0660}'..='\u{0669}' => Fold::Char(ascii_digit(c as u32 - 0x0660)),
        '\u{06F0}'..='\u{06F9}' => Fold::Char(ascii_digit(c as u32 - 0x06F0)),
        '\u{0600}'..='\u{06FF}' => Fold::Char(c),
        _ => return None,
    };
    Some(folded)
}

const fn ascii_digit(value: u32) -> char {
    char::from_digit(value, 10).expect("a digit value below 10")
}

/// True for the Arabic letters the folded text can contain (after folding, U+0621–U+064A plus
/// the few extended letters that have no fold).
pub(super) fn is_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// Whether the two UTF-8 bytes `lead trail` encode an Arabic letter that folds to itself:
/// ا ب, ت to غ (U+062A–U+063A), ف to و (U+0641–U+0648) and ي.
#[inline]
pub(super) fn is_plain_letter(lead: u8, trail: u8) -> bool {
    // Bit n of a mask: trail byte 0x80 + n.
    const AFTER_D8: u64 = 0b11 << 0x27 | ((1 << 17) - 1) << 0x2A;
    const AFTER_D9: u64 = ((1 << 8) - 1) << 0x01 | 1 << 0x0A;
    // The mask is picked by the lead's low bit, not by a branch: Arabic text mixes letters of
    // both leads at random, and a branch on the lead was mispredicted on half its letters.
    const AFTER: [u64; 2] = [AFTER_D8, AFTER_D9];
    block_offset(lead, trail).is_some_and(|i| AFTER[i >> 6] >> (i & 0x3F) & 1 == 1)
}

/// The offset in U+0600–U+067F of the two-byte character whose UTF-8 bytes are `lead trail`
/// (lead D8 or D9): the lead's low bit, then the trail's six bits. `None` for other bytes. The
/// byte-level readers of Arabic letters (the fold's runs, the proclitics) all decode by it.
#[inline]
pub(crate) fn block_offset(lead: u8, trail: u8) -> Option<usize> {
    (lead & 0xFE == 0xD8 && trail & 0xC0 == 0x80)
        .then(|| usize::from(lead & 1) << 6 | usize::from(trail & 0x3F))
}

/// The fold of the two-byte character `lead trail` of U+0600–U+067F when it is another
/// letter of two bytes (أ -> ا, ة -> ه, ى -> ي, ؤ -> و): the fold's byte-level spans take
/// these without leaving the span, since they keep the offset map as it is. `None` for the
/// letters that fold to themselves ([`is_plain_letter`]) and everything else.
#[inline]
pub(super) fn same_length_fold(lead: u8, trail: u8) -> Option<char> {
    let c = char::from_u32(0x0600 + block_offset(lead, trail)? as u32)?;
    match fold(c)? {
        Fold::Char(f) if f != c && f.len_utf8() == 2 && is_letter(f) => Some(f),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_keep_utf8_length() {
        for c in ['أ', 'إ', 'آ', 'ى', 'ة', 'ؤ', 'ئ', 'ک', 'ی', 'ھ'] {
            match fold(c) {
                Some(Fold::Char(f)) => assert_eq!(f.len_utf8(), c.len_utf8(), "{c}"),
                other => panic!("{c} folded to {other:?}"),
            }
        }
    }

    #[test]
    fn plain_letters_are_read_on_bytes() {
        for c in '\u{0600}'..='\u{06FF}' {
            let mut utf8 = [0; 2];
            let b = c.encode_utf8(&mut utf8).as_bytes();
            let plain = super::super::is_plain_word_char(c);
            assert_eq!(is_plain_letter(b[0], b[1]), plain, "{c:?}");
        }
    }

    #[test]
    fn same_length_folds_are_read_on_bytes() {
        for c in '\u{0600}'..='\u{067F}' {
            let mut utf8 = [0; 2];
            let b = c.encode_utf8(&mut utf8).as_bytes();
            let expected = match fold(c) {
                Some(Fold::Char(f)) if f != c && f.len_utf8() == 2 && is_letter(f) => Some(f),
                _ => None,
            };
            assert_eq!(same_length_fold(b[0], b[1]), expected, "{c:?}");
        }
        assert_eq!(same_length_fold(0xD8, 0xA9), Some('ه'), "ة");
        assert_eq!(same_length_fold(0xD8, 0xA3), Some('ا'), "أ");
        assert_eq!(same_length_fold(0xD9, 0x8E), None, "a fatha drops");
        assert_eq!(same_length_fold(0xD9, 0xA3), None, "٣ folds to one byte");
        assert_eq!(same_length_fold(b'a', b'b'), None);
    }

    #[test]
    fn the_table_holds_the_rules() {
        for c in '\u{05F0}'..='\u{0710}' {
            assert_eq!(fold(c), fold_by_rule(c), "{c:?}");
        }
        assert_eq!(fold('a'), None);
        assert_eq!(fold('\u{10FFFF}'), None);
        assert_eq!(fold('\u{06FF}'), Some(Fold::Char('\u{06FF}')));
        assert_eq!(fold('\u{05FF}'), None);
    }

    #[test]
    fn digits_fold_to_ascii() {
        assert_eq!(fold('١'), Some(Fold::Char('1')));
        assert_eq!(fold('۴'), Some(Fold::Char('4')));
    }

    #[test]
    fn marks_and_tatweel_drop() {
        for c in [
            '\u{064E}', '\u{0651}', '\u{0652}', '\u{0670}', 'ـ', '\u{06DA}',
        ] {
            assert_eq!(fold(c), Some(Fold::Drop), "{c:?}");
        }
    }
}
