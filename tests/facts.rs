//! Facts on the corpus: one per figure, and every citation checks out: the sentence is the
//! text between its offsets, and the figure lies inside it.

mod common;

use std::path::Path;

use dossier::Article;
use dossier::sink::record::FactRecord;
use dossier::sink::table::{FactRow, Table};

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
        let tagged = common::tagger().annotate(article.clone());
        let figures = tagged
            .entities
            .iter()
            .filter(|e| e.label.is_figure())
            .count();
        assert_eq!(tagged.facts.len(), figures, "{:?}", article.id);
        for record in FactRecord::all(&tagged) {
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

#[test]
fn the_fact_table_opens_as_csv_and_filters_hold() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = common::dossier(&[
        "facts",
        corpus.to_str().unwrap(),
        "--item",
        "fentanyl",
        "--unit",
        "kg",
        "--min",
        "100",
        "-q",
    ]);
    assert!(out.status.success());
    let mut csv = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_string).collect();
    let columns: Vec<&str> = FactRow::COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(header, columns);
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    let column = |name: &str| columns.iter().position(|h| *h == name).unwrap();
    for row in &rows {
        let item = format!(
            "{} {}",
            &row[column("item")],
            &row[column("item_canonical")]
        );
        assert!(item.to_lowercase().contains("fentanyl"), "{row:?}");
        assert_eq!(&row[column("unit_base")], "kg");
        assert!(row[column("value_base")].parse::<f64>().unwrap() >= 100.0);
        // Every row cites its sentence, which contains its figure.
        assert!(row[column("sentence")].contains(&row[column("figure_text")]));
    }
    let md = common::dossier(&[
        "facts",
        corpus.to_str().unwrap(),
        "--format",
        "md",
        "--action",
        "extradited",
        "-q",
    ]);
    let md = String::from_utf8(md.stdout).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert!(
        lines.len() > 2 && lines[0].starts_with("| published |"),
        "{md}"
    );
    assert!(
        lines[2..]
            .iter()
            .all(|l| l.starts_with("| ") && l.ends_with(" |"))
    );
}

#[test]
fn grouped_claims_account_for_every_fact_once() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = |extra: &[&str]| {
        let mut args = vec!["facts", corpus.to_str().unwrap(), "--format", "jsonl", "-q"];
        args.extend(extra);
        common::records(&common::dossier(&args).stdout)
    };
    let facts = run(&[]);
    let claims = run(&["--group"]);
    assert!(claims.len() < facts.len(), "some claims merge");
    let mut cited: Vec<String> = Vec::new();
    for claim in &claims {
        let citations = claim["citations"].as_array().unwrap();
        let mut articles: Vec<&str> = citations
            .iter()
            .map(|c| c["doc_id"].as_str().unwrap())
            .collect();
        articles.sort_unstable();
        articles.dedup();
        assert_eq!(
            claim["count"].as_u64().unwrap() as usize,
            articles.len(),
            "a claim counts the articles that report it"
        );
        cited.extend(
            citations
                .iter()
                .map(|c| c["fact_id"].as_str().unwrap().to_string()),
        );
        // A merged claim's reports agree on what, what happened and when.
        if citations.len() > 1 {
            assert!(
                claim["action"].is_string() && claim["period_start"].is_string(),
                "{claim}"
            );
        }
    }
    cited.sort();
    let mut all: Vec<String> = facts
        .iter()
        .map(|f| f["fact_id"].as_str().unwrap().to_string())
        .collect();
    all.sort();
    assert_eq!(cited, all);
    assert!(
        claims
            .iter()
            .any(|c| !c["conflicts"].as_array().unwrap().is_empty())
    );
}
