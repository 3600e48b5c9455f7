//! Search ranking measured on judged queries (`tests/search/judged.jsonl`, written and judged
//! by reading the corpus, see `tests/search/README.md`): nDCG@10 of `dossier search` against
//! a plain BM25 index of the same articles (title and text, English stems, any word may
//! match), built in the same run. dossier must rank at least as well.
//!
//! `DOSSIER_RANKING_DISTRACTORS=FILE.jsonl` adds the articles of FILE to both indexes, as
//! unrelated news the judged articles hide among; the test prints both scores per query.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dossier::driver::Outcome;
use dossier::sink::Sink;
use dossier::{Driver, Index, IndexWriter, Reader, SearchRequest, Tagged};
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::{TantivyDocument, doc};

struct Judged {
    query: String,
    /// Grade by article (its id, or its URL for a file without an id).
    grades: HashMap<String, u32>,
}

fn judged() -> Vec<Judged> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/judged.jsonl");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let grades = value["judged"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.as_u64().unwrap() as u32))
                .collect();
            Judged {
                query: value["query"].as_str().unwrap().to_string(),
                grades,
            }
        })
        .collect()
}

/// How the judgments name an article: by its URL when its id is a hash of its text (a file
/// without an id, whose id changes with the reader), else by its id.
fn key(tagged: &Tagged) -> String {
    let id = tagged.id();
    let hashed = id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit());
    match &tagged.article.url {
        Some(url) if hashed => url.clone(),
        _ => id.to_string(),
    }
}

/// nDCG@10 of a ranking, with gains 2^grade - 1.
fn ndcg(ranked: &[String], grades: &HashMap<String, u32>) -> f64 {
    let gain = |grade: u32| f64::from((1u32 << grade) - 1);
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, k)| gain(grades.get(k).copied().unwrap_or(0)) / (i as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<u32> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, &g)| gain(g) / (i as f64 + 2.0).log2())
        .sum();
    if best == 0.0 { 0.0 } else { dcg / best }
}

/// A plain BM25 index: title and text with English stems, the article's key stored.
struct Plain {
    index: tantivy::Index,
    writer: tantivy::IndexWriter,
    key: tantivy::schema::Field,
    title: tantivy::schema::Field,
    text: tantivy::schema::Field,
}

impl Plain {
    fn new(dir: &Path) -> Plain {
        let mut builder = Schema::builder();
        let stemmed = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("en_stem")
                .set_index_option(tantivy::schema::IndexRecordOption::WithFreqsAndPositions),
        );
        let key = builder.add_text_field("key", STRING | STORED);
        let title = builder.add_text_field("title", stemmed.clone());
        let text = builder.add_text_field("text", stemmed);
        std::fs::create_dir_all(dir).unwrap();
        let index = tantivy::Index::create_in_dir(dir, builder.build()).unwrap();
        let writer = index.writer(100_000_000).unwrap();
        Plain {
            index,
            writer,
            key,
            title,
            text,
        }
    }

    fn search(&self, query: &str) -> Vec<String> {
        let reader = self.index.reader().unwrap();
        let searcher = reader.searcher();
        let parser = QueryParser::for_index(&self.index, vec![self.title, self.text]);
        let (query, _) = parser.parse_query_lenient(query);
        searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address).unwrap();
                doc.get_first(self.key)
                    .and_then(|v| v.as_str())
                    .unwrap()
                    .to_string()
            })
            .collect()
    }
}

/// Both indexes of the corpus (and the distractors, if any).
fn indexes(dir: &Path) -> (Index, Plain) {
    let mut paths = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")];
    if let Some(extra) = std::env::var_os("DOSSIER_RANKING_DISTRACTORS") {
        paths.push(PathBuf::from(extra));
    }
    let tagger = common::tagger();
    let index = Index::open_or_create(&dir.join("dossier")).unwrap();
    let mut plain = Plain::new(&dir.join("plain"));
    let mut writer = IndexWriter::new(&index, tagger, true).unwrap();
    let mut reader = Reader::from_paths(&paths).unwrap();
    let keep = |tagged: Tagged| tagged;
    Driver::new(tagger)
        .run(&mut reader, &keep, |outcome| {
            if let Outcome::Tagged(tagged) = outcome {
                writer.write(&tagged)?;
                let article = &tagged.article;
                plain
                    .writer
                    .add_document(doc!(
                        plain.key => key(&tagged),
                        plain.title => article.title.clone().unwrap_or_default(),
                        plain.text => article.text.clone(),
                    ))
                    .unwrap();
            }
            Ok(())
        })
        .unwrap();
    writer.finish(&index).unwrap();
    plain.writer.commit().unwrap();
    (index, plain)
}

#[test]
fn dossier_ranks_judged_queries_at_least_as_well_as_plain_bm25() {
    let dir = common::scratch("ranking");
    let (index, plain) = indexes(&dir);
    let queries = judged();
    let (mut ours, mut theirs) = (0.0, 0.0);
    println!("{:>7} {:>7}  query", "dossier", "bm25");
    for judged in &queries {
        let mut request = SearchRequest::new(judged.query.as_str());
        request.limit = 10;
        let ranked: Vec<String> = index
            .search(&request)
            .unwrap()
            .hits
            .iter()
            .map(|hit| key(&hit.tagged))
            .collect();
        let (a, b) = (
            ndcg(&ranked, &judged.grades),
            ndcg(&plain.search(&judged.query), &judged.grades),
        );
        println!("{a:>7.3} {b:>7.3}  {}", judged.query);
        ours += a;
        theirs += b;
    }
    let n = queries.len() as f64;
    let (ours, theirs) = (ours / n, theirs / n);
    println!(
        "nDCG@10 over {} judged queries: dossier {ours:.3}, plain BM25 {theirs:.3}",
        queries.len()
    );
    assert!(
        ours >= theirs,
        "dossier ranks below plain BM25: {ours:.3} < {theirs:.3}"
    );
}
