use super::*;

/// The surfaces of what `pass` finds in `text`, given the tagger's mentions and word entries.
fn surfaces(
    text: &str,
    pass: impl Fn(&Document<'_>, &DocWords, &[Mention]) -> Vec<Found>,
) -> Vec<String> {
    let doc = Document::new(text);
    let (mut names, mut words) = (Vec::new(), crate::words::DocWords::default());
    crate::Tagger::new().tag_document(&doc, &mut names, Some(&mut words));
    pass(&doc, &words, &names)
        .iter()
        .map(|f| text[doc.original_span(crate::Span::new(f.start, f.end))].to_string())
        .collect()
}

fn found(text: &str) -> Vec<String> {
    surfaces(text, organizations)
}

#[test]
fn units_and_institutions() {
    assert_eq!(
        found("هاجم مقاتلو لواء صقور الجبل مواقع للنظام"),
        ["لواء صقور الجبل"]
    );
    assert_eq!(found("انشق عن الفرقة 30 عشرات الجنود"), ["الفرقة 30"]);
    assert_eq!(
        found("أعلنت غرفة عمليات حلب بدء المعركة"),
        ["غرفة عمليات حلب"]
    );
    assert_eq!(
        found("وقالت وزارة الخارجية السورية في بيان"),
        ["وزارة الخارجية السورية"]
    );
    assert_eq!(
        found("ولكتيبة المدرعات الخامسة دور"),
        ["كتيبة المدرعات الخامسة"]
    );
    assert_eq!(
        found("طالبت لجنة الهجرة والمهجرين بالمساعدة"),
        ["لجنة الهجرة والمهجرين"]
    );
    assert_eq!(found("تخرج في جامعة دمشق عام 2010"), ["جامعة دمشق"]);
    // Named after a place only: «جامعة الدول العربية» is the gazetteer's.
    assert!(found("افتتحت جامعة خاصة جديدة").is_empty());
}

#[test]
fn facilities_named_after_their_place() {
    let text = "زار الوفد قلعة حلب ثم مطار الطبقة العسكري وسجن صيدنايا";
    let doc = Document::new(text);
    let (mut places, mut words) = (Vec::new(), crate::words::DocWords::default());
    crate::Tagger::new().tag_document(&doc, &mut places, Some(&mut words));
    let names: Vec<&str> = facilities(&doc, &words, places.iter().map(Some))
        .iter()
        .map(|f| &text[doc.original_span(crate::Span::new(f.found.start, f.found.end))])
        .collect();
    assert!(names.contains(&"قلعة حلب"), "{names:?}");
    assert!(names.contains(&"سجن صيدنايا"), "{names:?}");
}

#[test]
fn what_is_no_name() {
    // A committee named by one word is most often a generic one.
    assert!(found("اجتمعت لجنة التدقيق أمس").is_empty());
    // Indefinite words: no name.
    assert!(found("شكلت لجنة تحقيق دولية").is_empty());
    // آليات folds to اليات but is no definite word.
    assert!(found("وزارة آليات جديدة").is_empty());
    // A title ends the name: a person follows.
    assert_eq!(
        found("رئيس هيئة حقوق الإنسان الدكتور أحمد"),
        ["هيئة حقوق الإنسان"]
    );
    // A unit's name ends before a nationality adjective.
    assert_eq!(found("لواء الحرية السوري"), ["لواء الحرية"]);
    // A dash (which folding drops) or a relative word ends it.
    assert!(found("مباراة اتحاد طنجة - النادي المكناسي").is_empty());
    assert_eq!(
        found("منظمة الفرانكفونية والتي تضم"),
        ["منظمة الفرانكفونية"]
    );
    assert_eq!(
        found("لجنة حقوق الإنسان التابعة للأمم المتحدة"),
        ["لجنة حقوق الإنسان"]
    );
}

fn unlisted(text: &str) -> Vec<String> {
    surfaces(text, |doc, words, names| places(doc, words, names))
}

#[test]
fn unlisted_places_after_a_settlement_cue() {
    assert_eq!(
        unlisted("سيطر المسلحون على بلدة بنديرادلي الصومالية"),
        ["بنديرادلي"]
    );
    assert_eq!(
        unlisted("وصل الوفد التجاري إلى مدينة فيلدنهايم أمس"),
        ["فيلدنهايم"]
    );
    assert_eq!(unlisted("قتل مدنيان في قصف على قرية زغندريا"), ["زغندريا"]);
    assert_eq!(unlisted("ضربت الأمواج جزيرة نيكوبار"), ["نيكوبار"]);
    // A name of the gazetteer is the tagger's, even where it is rejected.
    assert!(unlisted("دخلت القوات مدينة حلب").is_empty());
}

#[test]
fn what_follows_a_settlement_cue_and_is_no_name() {
    // Adjectives agree with the feminine cue; a relative verb opens a clause.
    assert!(unlisted("زار مدينة تاريخية قديمة").is_empty());
    assert!(unlisted("قصفت الطائرات قرية يسيطر عليها التنظيم").is_empty());
    assert!(unlisted("هي مدينة يقطنها مليون نسمة").is_empty());
    // The next item of a list, a table word, a definite word (an idafa), a plural cue.
    assert!(unlisted("دمرت بلدة ومستوطنة").is_empty());
    assert!(unlisted("استهدفت القذائف قرية شمال المدينة").is_empty());
    assert!(unlisted("سقطت القذيفة في قرية الحديد").is_empty());
    assert!(unlisted("شهدت مدن كثيرة احتجاجات").is_empty());
    // An elative adjective ends in ى; a noun with a pronoun names nothing after it
    // («بولائه» folds as «بولاية»).
    assert!(unlisted("انتقل الفريق إلى مدينة أخرى").is_empty());
    assert!(unlisted("اتهم بولائه لنظام الأسد").is_empty());
    // A definite cue is no naming: «العاصمة لتفجيرين» is "the capital, to two bombings".
    assert!(unlisted("تعرضت العاصمة لتفجيرين").is_empty());
}
