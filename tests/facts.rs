//! Facts on the corpus: one per figure, and every citation checks out: the sentence is the
//! text between its offsets, and the figure lies inside it.

mod common;

use std::path::Path;

use dossier::article::Article;
use dossier::facts::{link, table};

fn corpus_articles() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut articles = Vec::new();
    for name in [
        "articles.jsonl",
        "wire-2019-2022.jsonl",
        "wire-2023-2026.jsonl",
    ] {
        let content = std::fs::read_to_string(dir.join(name)).unwrap();
        for line in content.lines() {
            articles.push(serde_json::from_str(line).unwrap());
        }
    }
    articles
}

/// `text[start..end]` in code points, as a Python user would slice it.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn every_figure_has_a_fact_whose_citation_checks_out() {
    let mut facts_seen = 0;
    for article in corpus_articles() {
        let entities = common::tagger().tag(&article);
        let facts = link(&article, &entities);
        let figures = entities.iter().filter(|e| e.label.is_figure()).count();
        assert_eq!(facts.len(), figures, "{:?}", article.id);
        for record in table::records(&article, &entities, &facts) {
            let sentence = slice(&article.text, record.sentence_start, record.sentence_end);
            assert_eq!(sentence, record.sentence, "{}", record.fact_id);
            assert_eq!(
                slice(&article.text, record.start, record.end),
                record.figure_text
            );
            assert!(
                record.sentence_start <= record.start && record.end <= record.sentence_end,
                "{}: the figure is outside its sentence",
                record.fact_id
            );
            assert!(!sentence.trim().is_empty() && sentence.trim() == sentence);
            facts_seen += 1;
        }
    }
    assert!(facts_seen > 500, "{facts_seen}");
}
