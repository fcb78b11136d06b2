//! A user's table, however malformed, gives a gazetteer or an error naming the file and line;
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use makan::Gazetteer;

fuzz_target!(|data: (&str, &str)| {
    let (places, orgs) = data;
    for result in [
        Gazetteer::builder().places_tsv("places.tsv", places).build(),
        Gazetteer::builder().orgs_tsv("orgs.tsv", orgs).build(),
    ] {
        if let Err(e) = result {
            let shown = e.to_string();
            assert!(!shown.is_empty());
            if let Some((file, line)) = e.location() {
                assert!(file.ends_with(".tsv") && line >= 1, "{shown}");
            }
        }
    }
});
