//! The snapshot against the tables it is made from.

use super::*;
use crate::Tagger;

/// A snapshot's bytes, kept for the process (the reader borrows its strings for `'static`).
fn leak(bytes: Vec<u8>) -> &'static [u8] {
    Box::leak(bytes.into_boxed_slice())
}

#[test]
fn snapshot_is_fresh() {
    let (places, orgs, name_freq) = crate::gazetteer::embedded_tables();
    let built = build(places, orgs, name_freq).unwrap();
    assert!(
        built == EMBEDDED,
        "data/snapshot.bin is not what the embedded tables and this code make: run \
         `cargo run --release -p makan-build-gazetteer -- --snapshot-only data`"
    );
    assert!(embedded_is_fresh());
}

#[test]
fn snapshot_reads_back_to_what_the_tables_give() {
    let (places, orgs, name_freq) = crate::gazetteer::embedded_tables();
    let from_tables = GazetteerBuilder::new().embedded().build().unwrap();
    let (g, automaton) = read(EMBEDDED, fingerprint(places, orgs, name_freq)).unwrap();
    assert_eq!(g.len(), from_tables.len());
    assert_eq!(g.name_count(), from_tables.name_count());
    for ((_, a), (_, b)) in g.entities().zip(from_tables.entities()) {
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }
    for ((_, a), (_, b)) in g.names().zip(from_tables.names()) {
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }
    // Written again, the read snapshot gives the same bytes: nothing was lost on the way.
    let mut w = Writer::default();
    g.write_snapshot(&mut w);
    assert!(EMBEDDED.ends_with(&w.into_bytes()));
    let mut w = Writer::default();
    automaton.write_snapshot(g.name_count(), &mut w);
    let written = w.into_bytes();
    let at = MAGIC.len() + 12 + 8;
    assert_eq!(&EMBEDDED[at..at + written.len()], written.as_slice());
    // The tagger over the read automaton finds what one compiled from the tables finds.
    let compiled = Tagger::builder()
        .gazetteer(std::sync::Arc::new(from_tables))
        .build()
        .unwrap();
    let text = "قصفت الطائرات مدينة البوكمال وريف دير الزور، وللاذقية نصيب. Clashes near Raqqa.";
    let spans = |t: &Tagger| -> Vec<_> { t.tag(text).iter().map(|m| m.span()).collect() };
    assert_eq!(spans(&Tagger::new()), spans(&compiled));
}

#[test]
fn a_snapshot_of_other_tables_is_not_used() {
    let (places, orgs, name_freq) = crate::gazetteer::embedded_tables();
    let other = fingerprint(places, orgs, &format!("{name_freq}x\t1\n"));
    assert!(read(EMBEDDED, other).is_none());
}

#[test]
fn damaged_snapshots_are_refused() {
    let places = "id\tkind\tname_ar\tname_en\tlat\tlon\n\
        t:1\tpopulated\tالبوكمال\tAbu Kamal\t34.45\t40.92\n\
        t:2\tpopulated\tحلب\tAleppo\t36.2\t37.1\n";
    let orgs = "id\tkind\tname_ar\tname_en\n";
    let freq = "key\tcount\n";
    let bytes = build(places, orgs, freq).unwrap();
    let fp = fingerprint(places, orgs, freq);
    let (g, _) = read(leak(bytes.clone()), fp).unwrap();
    assert_eq!(g.lookup("البوكمال").len(), 1);
    // Cut anywhere after the header, or with one byte flipped in the values: never a panic,
    // and a cut one is never read.
    let header = MAGIC.len() + 12 + 8;
    for cut in (header..bytes.len()).step_by(7) {
        assert!(
            read(leak(bytes[..cut].to_vec()), fp).is_none(),
            "cut at {cut}"
        );
    }
    for at in header..bytes.len() {
        let mut bad = bytes.clone();
        bad[at] ^= 0x5a;
        let _ = read(leak(bad), fp);
    }
}

#[test]
fn user_tables_still_build_from_text() {
    let places = "id\tkind\tname_ar\tname_en\tlat\tlon\n\
        mine:1\tpopulated\tتل الاختبار\tTest Village\t35.1\t36.2\n";
    let g = GazetteerBuilder::new()
        .embedded()
        .places_tsv("mine.tsv", places)
        .build()
        .unwrap();
    assert_eq!(g.len(), Gazetteer::embedded().len() + 1);
    assert_eq!(g.lookup("تل الاختبار").len(), 1);
}
