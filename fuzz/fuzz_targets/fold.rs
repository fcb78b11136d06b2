//! Folding is idempotent and never panics, on any UTF-8 text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let once = makan::fold(text);
    assert_eq!(makan::fold(&once), once, "fold is not idempotent on {text:?}");
});
