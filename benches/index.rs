//! Indexing throughput and search latency, printed.
//!
//! Indexing: the same articles are indexed twice into fresh indexes, once tagged (what
//! `dossier index` does) and once with no tags (a plain tantivy index of the same fields), so
//! the difference is the cost tagging adds. Search: a fixed set of queries, each run many
//! times against the tagged index, with the default facets and without; p50 and p99.
//!
//!     cargo bench --bench index                      # the corpus, repeated to about 20 MB
//!     cargo bench --bench index -- FILE.jsonl        # any JSONL file of articles

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier::{Article, Index, IndexWriter, SearchRequest, Tagged, Tagger};
use rayon::prelude::*;

/// Copies of the corpus when no file is given: about 20 MB of text.
const CORPUS_COPIES: usize = 120;
const QUERIES: &[&str] = &[
    "fentanyl",
    "cocaine seizure",
    "\"Sinaloa Cartel\"",
    "org:\"Jalisco New Generation Cartel\"",
    "rifles AND Tamaulipas",
    "extradition OR extradited",
    "tunnel -Tijuana",
    "Culiacán",
    "weapon:AK-47",
    "kg:[1000 TO *]",
    "usd:[1000000 TO *] sanctions",
    "drone*",
    "*",
    "precursor chemicals China",
    "Guardia Nacional",
    "title:fentanyl",
];
const SEARCH_ROUNDS: usize = 50;

fn main() {
    let file = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from);
    let articles = load(file.as_deref());
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    println!(
        "{} articles, {:.1} MB of text, {} threads",
        articles.len(),
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
    let tagger = Tagger::builtin().expect("the lexicons compile");
    let scratch = std::env::temp_dir().join(format!("dossier-bench-{}", std::process::id()));
    let plain = index(&scratch.join("plain"), &articles, &tagger, false);
    let tagged = index(&scratch.join("tagged"), &articles, &tagger, true);
    for (name, took) in [
        ("plain tantivy, no tags", plain),
        ("tagged (dossier index)", tagged),
    ] {
        let secs = took.as_secs_f64();
        println!(
            "index {name:<24} {:>6.2} s  {:>8.0} docs/s  {:>6.1} MB/s",
            secs,
            articles.len() as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    }
    println!(
        "tagging makes indexing {:.2}x as long",
        tagged.as_secs_f64() / plain.as_secs_f64()
    );
    let index = Index::open(&scratch.join("tagged")).expect("the index opens");
    for (name, facets) in [
        ("without facets", vec![]),
        (
            "with 7 facets",
            dossier::index::facets::DEFAULT
                .iter()
                .map(|f| f.to_string())
                .collect(),
        ),
    ] {
        let mut times = latencies(&index, facets);
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
        println!(
            "search {name:<15} p50 {:>6.2} ms  p99 {:>6.2} ms  ({} searches)",
            at(0.5),
            at(0.99),
            times.len()
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

/// The articles of `file`, or the corpus's JSONL articles repeated with distinct ids.
fn load(file: Option<&Path>) -> Vec<Article> {
    let read = |path: &Path| -> Vec<Article> {
        std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .lines()
            .filter_map(|l| serde_json::from_str::<Article>(l).ok())
            .collect()
    };
    if let Some(file) = file {
        return read(file);
    }
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut originals = Vec::new();
    for name in [
        "articles.jsonl",
        "wire-2019-2022.jsonl",
        "wire-2023-2026.jsonl",
    ] {
        originals.extend(read(&corpus.join(name)));
    }
    (0..CORPUS_COPIES)
        .flat_map(|copy| {
            originals.iter().map(move |a| Article {
                id: Some(format!("{}-{copy}", a.id.as_deref().unwrap_or(""))),
                ..a.clone()
            })
        })
        .collect()
}

/// Builds a fresh index of `articles`, tagged by `tagger` or (`tag` false) with no tags; the
/// time taken.
fn index(dir: &Path, articles: &[Article], tagger: &Tagger, tag: bool) -> Duration {
    let _ = std::fs::remove_dir_all(dir);
    let started = Instant::now();
    let index = Index::open_or_create(dir).expect("the index is created");
    let mut writer = IndexWriter::new(&index, tagger, false).expect("the index is writable");
    let documents = writer.documents();
    for batch in articles.chunks(2048) {
        let docs: Vec<_> = batch
            .par_iter()
            .map(|article| {
                let tagged = if tag {
                    tagger.annotate(article.clone())
                } else {
                    Tagged {
                        article: article.clone(),
                        entities: Vec::new(),
                        facts: Vec::new(),
                    }
                };
                documents.make(&tagged)
            })
            .collect();
        for doc in docs {
            writer.put(doc).expect("the document is added");
        }
    }
    writer.finish(&index).expect("the index commits");
    started.elapsed()
}

/// The time of every search of the query set, over several rounds.
fn latencies(index: &Index, facets: Vec<String>) -> Vec<Duration> {
    let mut times = Vec::new();
    for _ in 0..SEARCH_ROUNDS {
        for query in QUERIES {
            let request = SearchRequest {
                facets: facets.clone(),
                ..SearchRequest::new(*query)
            };
            let started = Instant::now();
            let results = index.search(&request).expect("the query runs");
            times.push(started.elapsed());
            std::hint::black_box(results);
        }
    }
    times
}
