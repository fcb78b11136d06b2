//! Tagging any text gives spans on char boundaries of the original, in order, without overlap,
//! and the code-point and UTF-16 offsets agree with the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use makan::{OffsetConverter, Tagger};

fuzz_target!(|text: &str| {
    let mentions = Tagger::new().tag(text);
    let mut end = 0;
    let mut conv = OffsetConverter::new(text);
    for m in &mentions {
        let span = m.span();
        assert!(span.start() >= end, "overlap or disorder at {span:?} in {text:?}");
        assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
        assert!(span.start() < span.end(), "empty span in {text:?}");
        let start = conv.convert(span.start());
        assert_eq!(start.char, text[..span.start()].chars().count());
        assert_eq!(start.utf16, text[..span.start()].encode_utf16().count());
        end = span.end();
    }
});
