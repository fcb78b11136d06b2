//! `makan tag` on plain text: one JSON object, its records written one at a time.

use std::io::Write;
use std::process::{Command, Stdio};

fn tag(args: &[&str], text: &str) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_makan"))
        .arg("tag")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("makan runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("text written");
    let out = child.wait_with_output().expect("makan ends");
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
        assert_eq!(tag(&[], text), serde_json::json!({ "mentions": [] }));
    }
}
