//! Scores the tagger on the team's hand-annotated articles (`tests/gold/`) and holds it to a
//! floor per label group. The table is printed so a run shows where tagging stands.

mod common;

use dossier::eval::{Score, mentions_of, prf};
use dossier::sink::jsonl::encode;

#[test]
fn tagging_meets_the_floor_on_the_gold_articles() {
    let tagger = common::tagger();
    let mut score = Score::default();
    let mut gold_total = 0;
    for (_, article, gold) in common::gold_articles() {
        let line = encode(&tagger.annotate(article));
        let record: serde_json::Value = serde_json::from_slice(&line).unwrap();
        score.add_document(&gold, &mentions_of(&record));
        gold_total += gold.len();
    }
    println!("{}", score.table());
    assert!(
        gold_total >= 300,
        "the gold set holds {gold_total} entities"
    );
    let micro = score.micro();
    let (_, _, lenient_f1) = prf(micro.lenient, micro.predicted, micro.gold);
    let (_, _, exact_f1) = prf(micro.exact, micro.predicted, micro.gold);
    assert!(lenient_f1 >= 0.94, "micro lenient F1 {lenient_f1:.3}");
    assert!(exact_f1 >= 0.92, "micro exact F1 {exact_f1:.3}");
    for label in ["QUANTITY", "MONEY", "PERCENT", "DATE"] {
        let c = score.by_label[label];
        let (_, _, f1) = prf(c.lenient, c.predicted, c.gold);
        assert!(f1 >= 0.90, "{label}: lenient F1 {f1:.3}");
    }
    let figures: Vec<_> = ["QUANTITY", "MONEY", "PERCENT"]
        .iter()
        .map(|l| score.by_label[*l])
        .collect();
    let checked: usize = figures.iter().map(|c| c.values_checked).sum();
    let right: usize = figures.iter().map(|c| c.values_right).sum();
    assert!(
        right as f64 >= 0.90 * checked as f64,
        "figure values right on {right} of {checked} exact matches"
    );
}
