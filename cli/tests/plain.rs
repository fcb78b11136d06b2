//! `makan tag` on plain text: one JSON object, its records written one at a time.

mod common;

fn tag(args: &[&str], text: &str) -> serde_json::Value {
    let mut all = vec!["tag"];
    all.extend_from_slice(args);
    let out = common::makan(&all, text.as_bytes());
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn plain_text_gives_one_object_whose_offsets_index_the_text() {
    let text = "قصفت الطائرات مدينة البوكمال ثم اتجهت نحو دير الزور وحلب.\nوفي ريف إدلب اشتباكات.";
    let out = tag(&[], text);
    let mentions = out["mentions"].as_array().expect("a list of mentions");
    let chars: Vec<char> = text.chars().collect();
    let found: Vec<String> = mentions
        .iter()
        .map(|m| {
            let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            let by_index: String = chars[s as usize..e as usize].iter().collect();
            assert_eq!(by_index, m["text"].as_str().unwrap());
            by_index
        })
        .collect();
    assert_eq!(found, ["البوكمال", "دير الزور", "حلب", "إدلب"]);
}

#[test]
fn plain_text_without_names_and_empty_text_give_an_empty_list() {
    for text in ["", "   \n", "لا شيء هنا"] {
        assert_eq!(
            tag(&[], text),
            serde_json::json!({ "mentions": [], "focus": [] })
        );
    }
    // Without the resolver there is no focus.
    assert_eq!(
        tag(&["--no-resolve"], "لا شيء هنا"),
        serde_json::json!({ "mentions": [] })
    );
}

#[test]
fn plain_text_focus_names_the_town_and_its_governorate() {
    let text = "قصفت الطائرات مدينة البوكمال جنوب شرق مدينة دير الزور بحوالي 140 كم.";
    let out = tag(&[], text);
    let top = &out["focus"][0];
    assert_eq!(top["id"], "wof:890449891", "{out}");
    assert_eq!(top["pcode"], "C5167");
    assert_eq!(top["admin"][0]["pcode"], "SY09");
    assert_eq!(top["admin1"]["pcode"], "SY09");
    let score = top["score"].as_f64().unwrap();
    assert!(score > 0.0 && score <= 1.0, "{score}");
}

#[test]
fn geojson_collection_of_a_text_carries_its_focus() {
    let out = common::makan(
        &["geojson"],
        "اشتباكات عنيفة في مدينة سراقب بريف إدلب".as_bytes(),
    );
    assert!(out.status.success());
    let collection: serde_json::Value = serde_json::from_slice(&out.stdout).expect("GeoJSON");
    assert_eq!(collection["type"], "FeatureCollection");
    let focus = &collection["properties"]["focus"][0];
    assert_eq!(focus["admin1"]["pcode"], "SY07", "{collection}");
    assert!(!collection["features"].as_array().unwrap().is_empty());
}
