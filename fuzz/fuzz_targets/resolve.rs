//! Tag + resolve on any text: spans index the original in order, confidences are in [0, 1],
//! and the JSON records the CLI prints serialize.
#![no_main]

use libfuzzer_sys::fuzz_target;
use makan::{Resolver, Tagger};
use std::sync::OnceLock;

static RESOLVER: OnceLock<Resolver> = OnceLock::new();

fuzz_target!(|text: &str| {
    let resolver = RESOLVER.get_or_init(|| Resolver::new(Tagger::new()));
    let all = resolver.tag_and_resolve(text);
    let mut end = 0;
    for (m, r) in &all {
        let span = m.span();
        assert!(span.start() >= end, "overlap or disorder at {span:?} in {text:?}");
        assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
        assert!((0.0..=1.0).contains(&r.confidence()), "confidence {}", r.confidence());
        end = span.end();
    }
    let (mentions, resolutions): (Vec<_>, Vec<_>) = all.into_iter().unzip();
    let records = makan::output::records(resolver.tagger(), text, &mentions, Some(&resolutions));
    serde_json::to_string(&records).expect("records serialize");
});
