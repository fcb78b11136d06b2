//! The hand-written JSON of a record is byte for byte serde_json's.

use super::*;
use crate::output::{focus_records, records};
use crate::{Resolver, Tagger};

fn serde_bytes(record: &MentionRecord) -> Vec<u8> {
    serde_json::to_vec(record).expect("a record serializes")
}

fn written(record: &MentionRecord) -> Vec<u8> {
    let mut out = Vec::new();
    record.write_json(&mut out);
    out
}

/// Every record of texts that give places with admin chains and alternatives, organizations,
/// proclitics, rejected mentions and places found by their form; whole and compact.
#[test]
fn records_of_tagged_texts_are_written_as_serde_writes_them() {
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let texts = [
        "قصفت الطائرات مدينة البوكمال جنوب شرق دير الزور، وانسحب مقاتلو داعش نحو الميادين.",
        "وصل وفد من الأمم المتحدة إلى حمص وبحلب، ثم إلى قرية تل أبيض في ريف الرقة.",
        "سيطر لواء صقور الجبل على قلعة حلب وعلى بلدة الحارة بريف درعا.",
        "Shelling hit Douma and Harasta in Eastern Ghouta, the UN said in Geneva.",
        "قال أحمد حلب إن الأمن مستتب في عين العرب وفي الباب.",
    ];
    let mut seen = 0;
    for text in texts {
        let pairs = resolver.tag_and_resolve(text);
        let (mentions, resolutions): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
        let with = records(&tagger, text, &mentions, Some(&resolutions));
        let without = records(&tagger, text, &mentions, None);
        for mut record in with.into_iter().chain(without) {
            assert_eq!(written(&record), serde_bytes(&record), "{record:?}");
            record.compact();
            assert_eq!(written(&record), serde_bytes(&record), "{record:?}");
            seen += 1;
        }
    }
    assert!(seen >= 30, "only {seen} records");
}

/// Strings that must be escaped, floats of every shape, empty and missing fields.
#[test]
fn escapes_floats_and_skipped_fields_match_serde() {
    let admin = AdminRecord {
        level: "admin1",
        pcode: "SY09".into(),
        name_ar: "دير \"الزور\"".into(),
        name_en: "Deir\tez-Zor\\".into(),
    };
    let resolved = ResolvedRecord {
        id: "user:\u{1}x".into(),
        kind: "unlisted",
        name_ar: "".into(),
        name_en: "line\nbreak\r\u{8}\u{c}\u{1f}".into(),
        lat: Some(35.33333),
        lon: Some(-0.1),
        pcode: "".into(),
        country: "SY".into(),
        admin: vec![admin.clone(), admin],
        confidence: 1.0,
        evidence: vec!["prior", "cue \"word\""],
        alternatives: vec![
            AlternativeRecord {
                id: "a".into(),
                score: 1e-7,
            },
            AlternativeRecord {
                id: "b".into(),
                score: f64::NAN,
            },
            AlternativeRecord {
                id: "c".into(),
                score: 12345678901234567890.0,
            },
        ],
    };
    let mut record = MentionRecord {
        start: 0,
        end: usize::MAX,
        byte_start: 7,
        byte_end: 1_000_000,
        utf16_start: 3,
        utf16_end: 4,
        text: "«حلب»\u{7f}\"".into(),
        ty: "LOC",
        proclitic: "وب".into(),
        candidates: vec!["x\\y".into(), "".into()],
        rejected: true,
        resolved: Some(resolved),
    };
    assert_eq!(
        String::from_utf8(written(&record)).unwrap(),
        String::from_utf8(serde_bytes(&record)).unwrap()
    );
    let r = record.resolved.as_mut().expect("resolved");
    r.lat = None;
    r.confidence = f64::INFINITY;
    r.alternatives.clear();
    r.evidence.clear();
    r.admin.clear();
    record.rejected = false;
    record.proclitic.clear();
    assert_eq!(
        String::from_utf8(written(&record)).unwrap(),
        String::from_utf8(serde_bytes(&record)).unwrap()
    );
    record.resolved = None;
    record.candidates.clear();
    assert_eq!(
        String::from_utf8(written(&record)).unwrap(),
        String::from_utf8(serde_bytes(&record)).unwrap()
    );
}

/// The focus of tagged texts (places with admin chains and the admin1 area; countries), and
/// records with every optional field missing or needing escapes.
#[test]
fn focus_records_are_written_as_serde_writes_them() {
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let texts = [
        "قصفت الطائرات مدينة البوكمال جنوب شرق دير الزور، ثم الميادين وحمص ودمشق.",
        "التقى وزير خارجية فرنسا نظيره التركي في أنقرة لبحث الوضع في سوريا والعراق.",
        "Shelling hit Douma and Harasta in Eastern Ghouta, the UN said in Geneva.",
        "لا مكان في هذه الجملة.",
    ];
    let mut places = 0;
    for text in texts {
        let (_, focus) = resolver.tag_resolve_and_focus(text);
        let list = focus_records(&tagger, &focus);
        places += list.len();
        let mut out = Vec::new();
        FocusRecord::write_json_list(&list, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&list).unwrap()
        );
    }
    assert!(places >= 6, "only {places} focus places");
    let mut record = FocusRecord {
        id: "user:\"x\"".into(),
        kind: "populated",
        name_ar: String::new(),
        name_en: "tab\there".into(),
        lat: None,
        lon: Some(-0.5),
        pcode: String::new(),
        country: "\\".into(),
        admin: Vec::new(),
        score: 1e-9,
        mentions: u32::MAX,
        admin1: Some(FocusAreaRecord {
            id: "ocha:SY09".into(),
            pcode: String::new(),
            name_ar: "\u{1}".into(),
            name_en: String::new(),
            score: f64::NAN,
        }),
    };
    for _ in 0..2 {
        let mut out = Vec::new();
        record.write_json(&mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string(&record).unwrap()
        );
        record.admin1 = None;
    }
}

/// The word-at-a-time check finds a byte to escape at every position and of every kind, and
/// flags nothing in text that needs none.
#[test]
fn escape_check_finds_every_byte_to_escape() {
    let plain = "دير الزور Deir ez-Zor 123 «»،~\u{7f}";
    assert!(!needs_escape(plain));
    for at in 0..=plain.len() {
        if !plain.is_char_boundary(at) {
            continue;
        }
        for bad in ["\"", "\\", "\n", "\u{0}", "\u{1f}"] {
            let s = format!("{}{bad}{}", &plain[..at], &plain[at..]);
            assert!(needs_escape(&s), "{s:?}");
        }
    }
    for c in (0x20u8..0x7f).filter(|&b| b != b'"' && b != b'\\') {
        let s = String::from(c as char).repeat(9);
        assert!(!needs_escape(&s), "{s:?}");
    }
}
