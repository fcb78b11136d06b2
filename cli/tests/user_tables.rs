//! `--places` and `--override` end to end: the `makan` binary run on tables written to a
//! temporary directory.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Writes `text` to a file of this test binary's temporary directory.
fn write(name: &str, text: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn makan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_makan"))
        .args(args)
        .output()
        .unwrap()
}

const TEXT: &str = "قصف في مجدل شمس اليوم\n";

/// Majdal Shams (gn:167444 in the embedded gazetteer, with no P-code there) with one.
const MAJDAL_SHAMS: &str = "id\tkind\tname_ar\tname_en\tlat\tlon\tpcode\tadm1\n\
    gn:167444\tpopulated\tمجدل شمس\tMajdal Shams\t33.27\t35.77\tC9999\tSY14\n";

#[test]
fn bad_places_table_lists_every_bad_row() {
    let table = write(
        "bad_places.tsv",
        "id\tkind\tname_ar\tname_en\tlat\tlon\tpcod\n\
         mine:1\tpopulated\tقرية\tQarya\t\t\tC1\n\
         mine:2\tvillage\tضيعة\tDay'a\t35\t36\t\n\
         mine:3\tcamp\tمخيم\tCamp\t35.1\t36,2\t\n",
    );
    let input = write("bad_places_input.txt", TEXT);
    let out = makan(&[
        "tag",
        "--places",
        table.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let file = table.display();
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines[0].starts_with(&format!(
            "makan: {file}:1: unknown column `pcod` (known columns:"
        )),
        "{stderr}"
    );
    assert_eq!(
        &lines[1..],
        [
            format!("{file}:2: kind `populated` needs a point, but lat and lon are empty"),
            format!("{file}:3: unknown kind `village`"),
            format!("{file}:4: column `lon`: `36,2` is not a number"),
        ]
    );
}

#[test]
fn comma_separated_places_table_gets_a_hint() {
    let table = write(
        "comma_places.csv",
        "id,kind,name_ar,name_en,lat,lon\nmine:1,populated,قرية,Qarya,35,36\n",
    );
    let input = write("comma_places_input.txt", TEXT);
    let out = makan(&[
        "tag",
        "--places",
        table.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("tab-separated (TSV), not comma-separated"),
        "{stderr}"
    );
}

#[test]
fn taken_id_needs_override_which_replaces_the_entity() {
    let table = write("override_places.tsv", MAJDAL_SHAMS);
    let input = write("override_input.txt", TEXT);
    let (table, input) = (table.to_str().unwrap(), input.to_str().unwrap());

    let refused = makan(&["tag", "--places", table, input]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8(refused.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!(
            "makan: {table}:2: id `gn:167444` is taken by data/places.tsv:"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("`--override`"), "{stderr}");

    let replaced = makan(&["tag", "--places", table, "--override", input]);
    assert_eq!(replaced.status.code(), Some(0), "{replaced:?}");
    let stdout = String::from_utf8(replaced.stdout).unwrap();
    assert!(stdout.contains(r#""id":"gn:167444""#), "{stdout}");
    assert!(stdout.contains(r#""pcode":"C9999""#), "{stdout}");
}

#[test]
fn override_without_a_table_is_a_usage_error() {
    let input = write("override_alone_input.txt", TEXT);
    let out = makan(&["tag", "--override", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("makan: `--override` needs --places or --orgs"),
        "{stderr}"
    );
}
