//! makan end to end: rivers, nationalities and facilities resolved from their context.

use makan::{Resolver, Tagger};

/// The point a resolver gives the first mention of `name` in `text`, and its evidence.
fn point_of(resolver: &Resolver, text: &str, name: &str) -> (makan::Point, Vec<&'static str>) {
    let (_, r) = resolver
        .find(text)
        .into_iter()
        .find(|(m, _)| &text[m.span()] == name)
        .unwrap_or_else(|| panic!("«{name}» not found in «{text}»"));
    (r.point().unwrap(), r.evidence().names().collect())
}

#[test]
fn a_river_sits_on_the_stretch_its_paragraph_names() {
    let resolver = Resolver::new(Tagger::new());
    let at = |lat, lon| makan::Point { lat, lon };
    // The paragraph names the Mayadin-Ashara stretch: the Euphrates there, not at the label point.
    let text = "تقدمت وحدات الجيش على طول نهر الفرات بين الميادين والعشارة";
    let (p, evidence) = point_of(&resolver, text, "نهر الفرات");
    assert!(evidence.contains(&"course"), "{evidence:?}");
    assert!(p.distance_km(at(34.97, 40.51)) < 10.0, "{p:?}");
    // Upstream, near Jarablus: another stretch of the same river.
    let text = "عبرت القوات نهر الفرات قرب مدينة جرابلس";
    let (p, _) = point_of(&resolver, text, "نهر الفرات");
    assert!(p.distance_km(at(36.82, 38.01)) < 10.0, "{p:?}");
    // Only the river's own paragraph counts when it names places near the river.
    let text =
        "وصل الوفد إلى جرابلس صباحا.\nوفي المساء اشتدت المعارك على ضفاف نهر الفرات قرب البوكمال";
    let (p, _) = point_of(&resolver, text, "نهر الفرات");
    assert!(p.distance_km(at(34.45, 40.92)) < 10.0, "{p:?}");
    // No place beside it: the river's own point, and no `course` evidence.
    let text = "انخفض منسوب نهر الفرات هذا الصيف";
    let (p, evidence) = point_of(&resolver, text, "نهر الفرات");
    let tagger = resolver.tagger();
    let g = tagger.gazetteer();
    let river = g.entity(g.by_id("feat:SYF001").unwrap());
    assert_eq!(Some(p), river.point());
    assert!(!evidence.contains(&"course"), "{evidence:?}");
    assert!(river.course().len() >= 5);
}

#[test]
fn a_nationality_no_candidate_has_keeps_the_mention_with_a_low_confidence() {
    let resolver = Resolver::new(Tagger::new());
    // Only Syrian places are named الحمرا in the gazetteer; the text says the Lebanese one.
    let text = "قصفت المدفعية بلدة الحمرا اللبنانية";
    let found = resolver.find(text);
    let (m, r) = &found[0];
    assert_eq!(&text[m.span()], "الحمرا");
    assert!(r.evidence().contains(makan::Evidence::NationalityMismatch));
    assert!(r.confidence() < 0.3, "{}", r.confidence());
    // The same town with its own country's adjective is sure.
    let text = "قصفت المدفعية بلدة الحمرا السورية";
    let (_, r) = &resolver.find(text)[0];
    assert!(
        r.evidence().contains(makan::Evidence::CueNationality),
        "{:?}",
        r.evidence()
    );
}

#[test]
fn a_facility_named_after_its_place_has_the_places_point() {
    let resolver = Resolver::new(Tagger::new());
    let g = resolver.tagger().gazetteer();
    let text = "نقل المعتقلون إلى سجن صيدنايا قرب دمشق";
    let found = resolver.find(text);
    let (m, r) = &found[0];
    assert_eq!(&text[m.span()], "سجن صيدنايا");
    assert_eq!((m.name(), r.entity()), (None, None));
    assert_eq!(
        r.evidence().names().collect::<Vec<_>>(),
        ["pattern", "place_inside"]
    );
    let town = g
        .lookup("صيدنايا")
        .iter()
        .map(|&e| g.entity(e))
        .find(|e| e.kind() == makan::Kind::Populated)
        .unwrap();
    assert_eq!(r.point(), town.point());
}

#[test]
fn a_town_no_gazetteer_lists_is_found_by_its_cue() {
    let resolver = Resolver::new(Tagger::new());
    let text = "اشتبك الجيش مع المسلحين قرب بلدة بنديرادلي الصومالية";
    let found = resolver.find(text);
    let (m, r) = found
        .iter()
        .find(|(m, _)| &text[m.span()] == "بنديرادلي")
        .expect("the town after بلدة");
    assert_eq!(m.entity_type(), makan::EntityType::Loc);
    assert_eq!((m.name(), r.entity(), r.point()), (None, None, None));
    assert_eq!(
        r.evidence().names().collect::<Vec<_>>(),
        ["place_marker", "pattern"]
    );
    assert!(r.confidence() < 0.8);
}

/// Whether the mention written `name` in `text` is kept, and whether it reads as an adjective.
fn kept_and_adjective(resolver: &Resolver, text: &str, name: &str) -> (bool, bool) {
    let all = resolver.tag_and_resolve(text);
    let (_, r) = all
        .iter()
        .find(|(m, _)| &text[m.span()] == name)
        .expect("the name is tagged");
    let adjective = r.evidence().contains(makan::Evidence::Adjective);
    (r.is_accepted(), adjective)
}

#[test]
fn nisba_adjectives_after_a_place_noun_and_in_pairs() {
    let resolver = Resolver::new(Tagger::new());
    // After a place's cue noun a country's name is the adjective: a province is never named
    // after a country.
    let text = "جرت المداهمات في 13 محافظة تركية أمس";
    assert_eq!(kept_and_adjective(&resolver, text, "تركية"), (false, true));
    let text = "شهدت عدة مدن تركية احتجاجات";
    assert_eq!(kept_and_adjective(&resolver, text, "تركية"), (false, true));
    // The second of two nationality adjectives joined by و or أو.
    let text = "شاركت في المهمة سرية فرنسية أو تركية";
    assert_eq!(kept_and_adjective(&resolver, text, "تركية"), (false, true));
    let text = "نقلت مصادر أمريكية وسورية الخبر";
    assert_eq!(kept_and_adjective(&resolver, text, "سورية"), (false, true));
    // Two countries, the first in the old spelling with ة, are no adjectives.
    let text = "زار الوزير تركية وسورية الشهر الماضي";
    assert_eq!(kept_and_adjective(&resolver, text, "سورية"), (true, false));
}

#[test]
fn a_small_foreign_place_after_a_settlement_noun_stands() {
    let resolver = Resolver::new(Tagger::new());
    // Kish, a small Iranian island town: alone it would be an unsupported foreign name.
    let text = "تراهن جزيرة كيش على السياحة";
    let found = resolver.find(text);
    assert!(
        found.iter().any(|(m, r)| &text[m.span()] == "كيش"
            && r.evidence().contains(makan::Evidence::PlaceMarker)),
        "{found:?}"
    );
}

/// Every mention of `text`, rejected ones too, as the fields a user reads.
fn decisions(resolver: &Resolver, text: &str) -> Vec<String> {
    resolver
        .tag_and_resolve(text)
        .iter()
        .map(|(m, r)| {
            format!(
                "{:?} {:?} {:?} {:.6} {:?} {:?} {} {:?}",
                m.span(),
                r.entity(),
                r.entity_type(),
                r.confidence(),
                r.evidence().names().collect::<Vec<_>>(),
                r.alternatives(),
                r.is_accepted(),
                r.point()
            )
        })
        .collect()
}

#[test]
fn ordinary_words_are_decided_alike_in_every_document_and_order() {
    // A resolver decides a name read alone as an ordinary word once and keeps it: what it
    // kept must be what a fresh resolver decides, whatever text came first.
    let texts = [
        "قال المتحدث إن القوات كانت قد وصلت إلى مدينة الباب، وأضاف أن الباب مفتوح للحوار كما كان.",
        "وأكد أن الوضع كالباب المفتوح، وأن الحديث عن عفرين كان سابقا لأوانه.",
        "The spokesman said talks in homs were over, and Said al-Ali said the road to Homs was open.",
        "قال إن أن كان الباب",
    ];
    let fresh: Vec<Vec<String>> = texts
        .iter()
        .map(|t| decisions(&Resolver::new(Tagger::new()), t))
        .collect();
    let ordinary = fresh
        .iter()
        .flatten()
        .filter(|d| d.contains("common_word") && d.contains(" false "))
        .count();
    assert!(
        ordinary >= 4,
        "the texts have ordinary words rejected: {fresh:#?}"
    );
    let warm = Resolver::new(Tagger::new());
    for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]] {
        for i in order {
            assert_eq!(decisions(&warm, texts[i]), fresh[i], "text {i}");
        }
    }
}
