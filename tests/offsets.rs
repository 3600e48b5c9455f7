//! The offset contract: `text[start:end]` (in code points) is the mention, entities are sorted
//! and never overlap; and the fast ASCII path of folding finds what the Unicode path finds.

mod common;

use dossier::Article;
use dossier::sink::jsonl::encode;

/// The entities of `text` alone, tagged as an article without a date or source.
fn entities(text: &str) -> Vec<dossier::Entity> {
    common::tagger().annotate(Article::new(text)).entities
}

#[test]
fn every_mention_is_its_code_point_slice() {
    for (name, article, _) in common::gold_articles() {
        let line = encode(&common::tagger().annotate(article.clone()));
        let record: serde_json::Value = serde_json::from_slice(&line).unwrap();
        let chars: Vec<char> = article.text.chars().collect();
        let mut last_end = 0;
        for e in record["entities"].as_array().unwrap() {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(slice, e["text"].as_str().unwrap(), "{name}");
            assert!(start >= last_end, "{name}: overlap or disorder at {start}");
            last_end = end;
        }
    }
}

#[test]
fn non_ascii_text_keeps_its_offsets() {
    let text = "El “Cártel de Jalisco Nueva Generación” (CJNG) movió 300 kilos de fentanilo a Culiacán, Sinaloa.";
    let found: Vec<(&str, &str)> = entities(text)
        .iter()
        .map(|e| (&text[e.start..e.end], e.label.as_str()))
        .collect();
    for expected in [
        ("Cártel de Jalisco Nueva Generación", "ORG"),
        ("CJNG", "ORG"),
        ("300 kilos", "QUANTITY"),
        ("fentanilo", "DRUG"),
        ("Culiacán", "LOCATION"),
        ("Sinaloa", "LOCATION"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
}

/// The same ASCII sentences tagged on the ASCII fast path and, with one accented word added at
/// the end, on the Unicode path: the entities before that word must be the same.
#[test]
fn both_folding_paths_give_the_same_entities() {
    for (name, article, _) in common::gold_articles() {
        let ascii: String = article
            .text
            .chars()
            .map(|c| if c.is_ascii() { c } else { ' ' })
            .collect();
        let mixed = format!("{ascii} Querétaro");
        let fast = entities(&ascii);
        let slow = entities(&mixed);
        let slow: Vec<_> = slow.into_iter().filter(|e| e.end <= ascii.len()).collect();
        assert_eq!(fast, slow, "{name}");
    }
}
