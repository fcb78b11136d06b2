//! The runner for tests/data/*.toml.

use std::path::Path;

use makan::{OffsetConverter, Resolver, Tagger};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    mode: Mode,
    case: Vec<Case>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "lowercase")]
enum Mode {
    Tag,
    Resolve,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    expect: Vec<(usize, usize, String, String)>,
    #[serde(default)]
    note: String,
}

/// One mention as the test compares it: code-point span, type, and the ids that satisfy it.
#[derive(Debug)]
struct Got {
    start: usize,
    end: usize,
    ty: String,
    ids: Vec<String>,
}

fn run_case(mode: Mode, case: &Case, tagger: &Tagger, resolver: &Resolver) -> Result<(), String> {
    let g = tagger.gazetteer();
    let mut conv = OffsetConverter::new(&case.text);
    // Both modes read what a user gets: the accepted mentions. `tag` checks the span, the type
    // and that the id is among the name's candidates; `resolve` that it is the chosen entity.
    let got: Vec<Got> = resolver
        .find(&case.text)
        .iter()
        .map(|(m, r)| Got {
            start: conv.convert(m.span().start()).char,
            end: conv.convert(m.span().end()).char,
            ty: r.entity_type().label().to_string(),
            ids: match mode {
                Mode::Tag => tagger
                    .candidates(m)
                    .iter()
                    .map(|&e| g.entity(e).id().to_string())
                    .collect(),
                Mode::Resolve => r
                    .entity()
                    .map(|e| g.entity(e).id().to_string())
                    .into_iter()
                    .collect(),
            },
        })
        .collect();
    let matches = got.len() == case.expect.len()
        && got.iter().zip(&case.expect).all(|(g, (s, e, ty, id))| {
            g.start == *s && g.end == *e && g.ty == *ty && (id.is_empty() || g.ids.contains(id))
        });
    if matches {
        return Ok(());
    }
    let chars: Vec<char> = case.text.chars().collect();
    let show = |s: usize, e: usize| {
        chars
            .get(s..e)
            .map(|c| c.iter().collect::<String>())
            .unwrap_or_default()
    };
    let got_s: Vec<String> = got
        .iter()
        .map(|m| {
            format!(
                "[{}, {}, {:?}, {:?}] «{}»",
                m.start,
                m.end,
                m.ty,
                m.ids.iter().take(4).collect::<Vec<_>>(),
                show(m.start, m.end)
            )
        })
        .collect();
    let want_s: Vec<String> = case
        .expect
        .iter()
        .map(|(s, e, ty, id)| format!("[{s}, {e}, {ty:?}, {id:?}] «{}»", show(*s, *e)))
        .collect();
    Err(format!(
        "{}: {}\n  text: {}\n  want: {}\n  got:  {}",
        case.name,
        case.note,
        case.text,
        want_s.join(" "),
        got_s.join(" ")
    ))
}

#[test]
fn golden_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let mut failures = Vec::new();
    let mut total = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data exists")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let text = std::fs::read_to_string(path).unwrap();
        let file: CaseFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            total += 1;
            if let Err(msg) = run_case(file.mode, case, &tagger, &resolver) {
                failures.push(format!(
                    "{}: {msg}",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(total >= 80, "only {total} golden cases");
    assert!(
        failures.is_empty(),
        "{} of {total} golden cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
