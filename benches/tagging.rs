//! Tagging throughput in MB/s on the shipped corpus: one thread, and all threads (rayon), with
//! the full default lexicons and every pattern on, entities and facts (`Tagger::annotate`). The whole-process figure on a large file
//! is `benches/tag_file.sh`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

use dossier::{Article, Lexicon, Tagger};

fn corpus() -> Vec<Article> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/articles.jsonl");
    std::fs::read_to_string(path)
        .expect("corpus/articles.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("corpus line"))
        .collect()
}

fn tagging(c: &mut Criterion) {
    let tagger = Tagger::new(Lexicon::builtin()).expect("lexicons compile");
    // Repeat the corpus so the parallel run has work for every thread.
    let articles: Vec<Article> = corpus().into_iter().cycle().take(240).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("tag");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("one thread", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| tagger.annotate(a.clone()).entities.len())
                .sum::<usize>()
        })
    });
    group.bench_function("all threads", |b| {
        b.iter(|| {
            articles
                .par_iter()
                .map(|a| tagger.annotate(a.clone()).entities.len())
                .sum::<usize>()
        })
    });
    group.finish();
    c.bench_function("build tagger (default lexicons)", |b| {
        b.iter(|| Tagger::new(Lexicon::builtin()).expect("lexicons compile"))
    });
}

criterion_group!(benches, tagging);
criterion_main!(benches);
