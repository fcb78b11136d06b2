//! Name cleaning, and the lossy keys that match one source's spelling against another's.
//!
//! Cleaning decides whether a source string may become a name at all (and says why not). Whether
//! two names are the same surface for the tagger is decided by the tagger's own fold,
//! [`makan::fold`], so that the gazetteer never stores two names the tagger cannot tell apart.

/// Why a string was refused as an Arabic name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArabicReject {
    /// Contains Latin letters (romanisations stored in Arabic fields).
    Latin,
    /// No Arabic letter at all.
    NotArabic,
    /// Letters of Persian/Kurdish/Urdu keyboards (پ چ ژ گ ە …): not a form Arabic news uses.
    OtherArabicScript,
    /// Fewer than two letters.
    TooShort,
    /// A lone letter between spaces, like `د مشق`: a word split by a stray space.
    SplitWord,
    /// Two names joined by a dash, like `حمص - حماة` (a road or a stretch between two
    /// places): as a key it would swallow both places' names when they stand side by side.
    Compound,
    /// Uyghur or Kazakh orthography in standard letters: a word opening with ئ or with ى
    /// inside it (`ئالجىر` for Algiers, `رىياد`), which Arabic never writes.
    Uyghur,
}

impl ArabicReject {
    /// The reason as printed in the summary.
    pub fn reason(self) -> &'static str {
        match self {
            ArabicReject::Latin => "arabic field: latin letters",
            ArabicReject::NotArabic => "arabic field: no arabic letter",
            ArabicReject::OtherArabicScript => "arabic field: persian/kurdish letters",
            ArabicReject::TooShort => "arabic field: shorter than 2 letters",
            ArabicReject::SplitWord => "arabic field: word split by a stray space",
            ArabicReject::Compound => "arabic field: two names joined by a dash",
            ArabicReject::Uyghur => "arabic field: uyghur orthography (initial ئ, medial ى)",
        }
    }
}

/// Why a string was refused as a Latin-script name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LatinReject {
    /// Contains Arabic-script letters.
    Arabic,
    /// No Latin letter, or letters of another script (Cyrillic, CJK …).
    NotLatin,
    /// Fewer than two letters.
    TooShort,
    /// A short all-capitals token: an IATA/ICAO/ISO code, not a name.
    Code,
    /// No capital letter at all: GeoNames machine romanisations like `dmshq`, `nahyt mrkz albw kmal`.
    Lowercase,
    /// A name ending in a lone lower-case letter, like `Dar a`.
    SplitWord,
}

impl LatinReject {
    /// The reason as printed in the summary.
    pub fn reason(self) -> &'static str {
        match self {
            LatinReject::Arabic => "latin field: arabic letters",
            LatinReject::NotLatin => "latin field: no latin letter / other script",
            LatinReject::TooShort => "latin field: shorter than 2 letters",
            LatinReject::Code => "latin field: airport/ISO code",
            LatinReject::Lowercase => "latin field: all-lowercase machine romanisation",
            LatinReject::SplitWord => "latin field: lone letter (split word)",
        }
    }
}

/// Harakat, Quranic marks, superscript alef and tatweel: dropped from names (ARABIC.md §1).
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

/// Zero-width and direction controls and the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// The 36 letters of standard Arabic orthography (hamza, alef forms, ta marbuta, alef maqsura incl.).
pub fn is_standard_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}')
}

/// Any Arabic-script character.
pub fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// A Latin letter, with or without diacritics.
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic() && matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}'))
}

/// Collapses runs of whitespace to one space and trims.
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes harakat, tatweel and invisible controls and squashes spaces.
pub fn strip_arabic_marks(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|&c| !is_arabic_mark(c) && !is_invisible(c))
        .collect();
    squash_spaces(&kept)
}

/// Cleans an Arabic name candidate, or says why it is not one.
pub fn clean_arabic(raw: &str) -> Result<String, ArabicReject> {
    let name = strip_arabic_marks(raw);
    if name.chars().any(is_latin_letter) {
        return Err(ArabicReject::Latin);
    }
    let letters = name
        .chars()
        .filter(|&c| is_arabic_script(c) && c.is_alphabetic())
        .count();
    if letters == 0 {
        return Err(ArabicReject::NotArabic);
    }
    if name
        .chars()
        .any(|c| is_arabic_script(c) && c.is_alphabetic() && !is_standard_arabic_letter(c))
    {
        return Err(ArabicReject::OtherArabicScript);
    }
    if letters < 2 {
        return Err(ArabicReject::TooShort);
    }
    let lone_letter = name.split(' ').any(|word| {
        let mut chars = word.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if is_standard_arabic_letter(c) && c != 'و')
    });
    if lone_letter {
        return Err(ArabicReject::SplitWord);
    }
    if [" - ", " – ", " — "].iter().any(|dash| name.contains(dash)) {
        return Err(ArabicReject::Compound);
    }
    let uyghur = name.split(' ').any(|word| {
        let mut chars: Vec<char> = word.chars().collect();
        let opens_with_hamza_seat = chars.first() == Some(&'ئ');
        chars.pop();
        opens_with_hamza_seat || chars.contains(&'ى')
    });
    if uyghur {
        return Err(ArabicReject::Uyghur);
    }
    Ok(name)
}

/// Cleans a Latin-script name candidate, or says why it is not one.
pub fn clean_latin(raw: &str) -> Result<String, LatinReject> {
    let name: String = raw.chars().filter(|&c| !is_invisible(c)).collect();
    let name = squash_spaces(&name);
    if name.chars().any(is_arabic_script) {
        return Err(LatinReject::Arabic);
    }
    let letters = name.chars().filter(|&c| is_latin_letter(c)).count();
    if letters == 0
        || name
            .chars()
            .any(|c| c.is_alphabetic() && !is_latin_letter(c))
    {
        return Err(LatinReject::NotLatin);
    }
    if letters < 2 {
        return Err(LatinReject::TooShort);
    }
    let is_code = !name.contains(' ')
        && (2..=4).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_uppercase());
    if is_code {
        return Err(LatinReject::Code);
    }
    if !name.chars().any(char::is_uppercase) {
        return Err(LatinReject::Lowercase);
    }
    // A name ending in a lone lower-case letter is a split word (`Dar a` for Dar'a); inside a name
    // lone letters are real (`San Giorgio a Cremano`, `Abreu e Lima`, `Khalifah A City`).
    let lone_letter = name.rsplit(' ').next().is_some_and(|word| {
        let mut chars = word.chars();
        name.contains(' ')
            && matches!((chars.next(), chars.next()), (Some(c), None) if c.is_lowercase())
    });
    if lone_letter {
        return Err(LatinReject::SplitWord);
    }
    Ok(name)
}

/// Cleans a Latin name from a project-curated table: curated rows may hold abbreviations such as
/// `USA` or `UK` on purpose, so the code filter does not apply; every other rule does.
pub fn clean_latin_curated(raw: &str) -> Result<String, LatinReject> {
    match clean_latin(raw) {
        Err(LatinReject::Code) => Ok(squash_spaces(raw)),
        other => other,
    }
}

/// Latin definite-article tokens as transliterations write them (`al-`, `el-`, `ash-` …).
pub const LATIN_ARTICLES: [&str; 20] = [
    "al", "el", "ad", "ar", "as", "at", "az", "ash", "an", "adh", "ath", "ed", "er", "es", "et",
    "ez", "esh", "en", "ag", "ul",
];

/// A lossy key for matching one transliteration against another (IOM vs WOF spellings): articles
/// dropped, every run of vowels (a e i o u y w) one symbol, doubled letters single, q as k, a final
/// `h` after a vowel dropped. `Deir Hafer` ~ `Dayr Hafir`, `Quriyeh` ~ `Qurayyah`. Collisions are
/// expected; callers only accept one-to-one matches inside one district.
pub fn transliteration_key(s: &str) -> String {
    let base = makan::fold(s.trim_end_matches(" (ne)"));
    let joined: String = base
        .split(' ')
        .filter(|t| !LATIN_ARTICLES.contains(t))
        .collect::<Vec<_>>()
        .concat();
    let mut out = String::with_capacity(joined.len());
    for c in joined.chars().filter(char::is_ascii_alphanumeric) {
        let c = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => 'v',
            'q' => 'k',
            other => other,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if out.len() > 3 && out.ends_with("vh") {
        out.pop();
    }
    out
}

/// The consonant skeleton of an Arabic name in Latin letters (`نجد الكيخيا` → `njdk`): articles,
/// long vowels, ع/ء and ة dropped, emphatics merged with their plain letters, doubles collapsed.
/// Compared with [`latin_skeleton`] it says which Arabic spelling an English name transcribes.
pub fn arabic_skeleton(name: &str) -> String {
    let mut out = String::new();
    // Unfolded, so that ة (a vowel ending) stays distinct from ه.
    for word in strip_arabic_marks(name).split(' ') {
        let word = word
            .strip_prefix("ال")
            .filter(|w| w.chars().count() >= 2)
            .unwrap_or(word);
        for c in word.chars() {
            let latin = match c {
                'ب' => 'b',
                'ت' | 'ث' | 'ط' => 't',
                'ج' => 'j',
                'ح' | 'ه' => 'h',
                'خ' | 'ق' | 'ك' => 'k',
                'د' | 'ذ' | 'ض' => 'd',
                'ر' => 'r',
                'ز' | 'ظ' => 'z',
                'س' | 'ش' | 'ص' => 's',
                'غ' => 'g',
                'ف' => 'f',
                'ل' => 'l',
                'م' => 'm',
                'ن' => 'n',
                _ => continue,
            };
            if !out.ends_with(latin) {
                out.push(latin);
            }
        }
    }
    out
}

/// The consonant skeleton of a Latin transcription, comparable with [`arabic_skeleton`].
pub fn latin_skeleton(name: &str) -> String {
    let key = makan::fold(name);
    let mut out = String::new();
    for word in key.split(' ').filter(|w| !LATIN_ARTICLES.contains(w)) {
        let word = word
            .replace("th", "t")
            .replace("dh", "d")
            .replace("kh", "k")
            .replace("sh", "s")
            .replace("gh", "g")
            .replace("ch", "s");
        let word = word
            .strip_suffix('h')
            .filter(|w| w.ends_with(['a', 'e']))
            .unwrap_or(&word);
        for c in word.chars() {
            let latin = match c {
                'q' | 'c' => 'k',
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => continue,
                c if c.is_ascii_alphabetic() => c,
                _ => continue,
            };
            if !out.ends_with(latin) {
                out.push(latin);
            }
        }
    }
    out
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_junk_is_refused() {
        assert_eq!(clean_arabic("د مشق"), Err(ArabicReject::SplitWord));
        assert_eq!(clean_arabic("Al Bāb"), Err(ArabicReject::Latin));
        assert_eq!(clean_arabic("دِرعا"), Ok("درعا".to_string()));
        assert_eq!(clean_arabic("سبع و اربعين"), Ok("سبع و اربعين".to_string()));
        assert_eq!(clean_arabic("حمص - حماة"), Err(ArabicReject::Compound));
        assert_eq!(clean_arabic("ئالجىر"), Err(ArabicReject::Uyghur));
        assert_eq!(clean_arabic("مادرىد"), Err(ArabicReject::Uyghur));
        assert_eq!(clean_arabic("تل عيسى"), Ok("تل عيسى".to_string()));
        assert_eq!(clean_arabic("مصطفى الحمود"), Ok("مصطفى الحمود".to_string()));
    }

    #[test]
    fn latin_junk_is_refused() {
        assert_eq!(clean_latin("dmshq"), Err(LatinReject::Lowercase));
        assert_eq!(clean_latin("DAM"), Err(LatinReject::Code));
        assert_eq!(clean_latin("Dar a"), Err(LatinReject::SplitWord));
        assert!(clean_latin("Deir ez-Zor").is_ok());
    }

    #[test]
    fn skeletons_meet() {
        assert_eq!(
            arabic_skeleton("نجد الكيخيا"),
            latin_skeleton("Najd al Kaykhiya")
        );
        assert_eq!(arabic_skeleton("حاج خليل"), latin_skeleton("Hajj Khalil"));
        assert_eq!(arabic_skeleton("الرويحينة"), latin_skeleton("Ruwayhinah"));
    }

    #[test]
    fn transliterations_meet() {
        assert_eq!(
            transliteration_key("Deir Hafer"),
            transliteration_key("Dayr Hafir")
        );
        assert_eq!(
            transliteration_key("Al-Mayadin"),
            transliteration_key("Mayadeen")
        );
    }
}
