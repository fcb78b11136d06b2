//! Criterion benchmarks of folding, tagging and resolving on sentences written for the
//! project (the big-corpus throughput is `examples/bench.rs`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use makan::{Resolver, Tagger, fold};
use std::hint::black_box;

/// A news-like paragraph written for this benchmark, repeated to about 64 KB.
fn paragraph() -> String {
    let p = "أعلنت القيادة العامة للجيش والقوات المسلحة أن وحدات من الجيش العربي السوري سيطرت على مدينة \
البوكمال جنوب شرق مدينة دير الزور بحوالي 140 كم، بعد معارك مع تنظيم داعش في ريف دير الزور الشرقي. \
وقال مصدر إن الطيران قصف مواقع في بلدة الميادين وقرية محكان، فيما وصلت قوافل المساعدات إلى درعا والسويداء \
وحمص وحماة وإدلب واللاذقية، وأكدت الأمم المتحدة أن مخيم الركبان قرب الحدود مع الأردن يحتاج إلى دعم عاجل. \
Fighting was reported near Aleppo and in the countryside of Idlib, 30 km north of Hama, while the SDF \
advanced east of the Euphrates toward Deir ez-Zor.\n";
    p.repeat(65_536 / p.len() + 1)
}

fn benches(c: &mut Criterion) {
    let text = paragraph();
    let tagger = Tagger::new();
    let resolver = Resolver::new(tagger.clone());
    let mut group = c.benchmark_group("news");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("fold", |b| b.iter(|| fold(black_box(&text))));
    let mut buf = Vec::new();
    group.bench_function("tag", |b| {
        b.iter(|| {
            tagger.tag_into(black_box(&text), &mut buf);
            buf.len()
        })
    });
    group.bench_function("tag_and_resolve", |b| {
        b.iter(|| resolver.tag_and_resolve(black_box(&text)).len())
    });
    group.finish();
}

criterion_group!(news, benches);
criterion_main!(news);
