//! The fact linkers scored against the team's gold fact rows (`tests/facts/*.jsonl`, written
//! by `tests/facts/GUIDELINES.md`): for each gold figure the tagger also found, whether the
//! item, action, period, place and source agree. The table is printed; the test holds floors.
//! With `DOSSIER_FACTS_DISAGREEMENTS` set, every disagreement is printed with its sentence.

mod common;

use std::collections::HashMap;
use std::path::Path;

use dossier::sink::record::FactRecord;
use dossier::{Article, Label, fold};
use serde_json::Value;

/// The articles the rows are about: the corpus's, and those written for a held-out set
/// (`tests/facts/*-articles.jsonl`), which stay out of the corpus so no other test sees them.
fn articles() -> HashMap<String, Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = [
        "articles.jsonl",
        "wire-2019-2022.jsonl",
        "wire-2023-2026.jsonl",
    ]
    .map(|name| root.join("corpus").join(name));
    let mut articles = HashMap::new();
    for file in corpus.into_iter().chain(files_in_facts(ARTICLES)) {
        for line in std::fs::read_to_string(file).unwrap().lines() {
            let article: Article = serde_json::from_str(line).unwrap();
            articles.insert(article.id.clone().unwrap(), article);
        }
    }
    articles
}

/// The gold rows with the name of their file's group: `gold-*` rows were studied while the
/// linkers were written, `heldout-*` rows were not.
fn gold_rows() -> Vec<(String, Value)> {
    let mut rows = Vec::new();
    for file in files_in_facts(ROWS) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let group = name.split('-').next().unwrap().to_string();
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            rows.push((group.clone(), serde_json::from_str(line).unwrap()));
        }
    }
    rows
}

const ARTICLES: bool = true;
const ROWS: bool = false;

/// The JSONL files of `tests/facts`, sorted: the held-out articles, or the gold rows.
fn files_in_facts(articles: bool) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/facts");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .filter(|p| p.to_string_lossy().ends_with("-articles.jsonl") == articles)
        .collect();
    files.sort();
    files
}

/// Folded, without articles and a plural "s": how two phrasings of one thing compare.
fn normal(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "el" | "la" | "los" | "las")
        })
        .map(|w| w.strip_suffix('s').unwrap_or(w).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Same, or one phrase inside the other (a period "2024" within "fiscal year 2024").
fn overlaps(gold: &str, predicted: &str) -> bool {
    let (g, p) = (normal(gold), normal(predicted));
    !g.is_empty() && !p.is_empty() && (g == p || g.contains(&p) || p.contains(&g))
}

/// An item agrees when both name the same head (last word) or one contains the other.
fn same_item(gold: &str, predicted: &str) -> bool {
    let (g, p) = (normal(gold), normal(predicted));
    overlaps(gold, predicted) || (!g.is_empty() && g.rsplit(' ').next() == p.rsplit(' ').next())
}

/// A source agrees when the names overlap or the lexicon knows the gold's name as the
/// predicted entity ("DEA" and "Drug Enforcement Administration").
fn same_source(gold: &str, predicted: &str) -> bool {
    if overlaps(gold, predicted) {
        return true;
    }
    let lexicon = common::tagger().lexicon();
    let folded = fold(gold.trim_start_matches("the "));
    [Label::ORG, Label::PERSON].into_iter().any(|label| {
        lexicon
            .sense(&folded, label)
            .is_some_and(|s| fold(&s.canonical) == fold(predicted))
    })
}

#[test]
fn fact_links_agree_with_the_gold_rows() {
    let articles = articles();
    let gold = gold_rows();
    let mut predicted: HashMap<String, Vec<FactRecord>> = HashMap::new();
    for id in gold.iter().map(|(_, g)| g["doc_id"].as_str().unwrap()) {
        if predicted.contains_key(id) {
            continue;
        }
        let article = &articles[id];
        let tagged = common::tagger().annotate(article.clone());
        predicted.insert(id.to_string(), FactRecord::all(&tagged));
    }
    let fields = [
        "item",
        "action",
        "period",
        "period_start",
        "place",
        "attributed_to",
    ];
    let show_disagreements = std::env::var_os("DOSSIER_FACTS_DISAGREEMENTS").is_some();
    let mut all = Scores::new(fields.len());
    let mut groups: Vec<(String, Scores)> = Vec::new();
    for (group, row) in &gold {
        let start = row["start"].as_u64().unwrap() as usize;
        let end = row["end"].as_u64().unwrap() as usize;
        let facts = &predicted[row["doc_id"].as_str().unwrap()];
        let at = match groups.iter().position(|(g, _)| g == group) {
            Some(at) => at,
            None => {
                groups.push((group.clone(), Scores::new(fields.len())));
                groups.len() - 1
            }
        };
        let Some(fact) = facts.iter().find(|f| f.start < end && start < f.end) else {
            all.missed += 1;
            groups[at].1.missed += 1;
            continue;
        };
        let json = serde_json::to_value(fact).unwrap();
        for (i, field) in fields.iter().enumerate() {
            let agree = agrees(field, row[field].as_str(), json[field].as_str());
            if !agree && show_disagreements {
                println!(
                    "{group} {} {:?} {field}: gold {} predicted {} | {}",
                    row["doc_id"], row["figure_text"], row[field], json[field], json["sentence"]
                );
            }
            for scores in [&mut all, &mut groups[at].1] {
                scores.total[i] += 1;
                scores.right[i] += usize::from(agree);
            }
        }
    }
    for (group, scores) in &groups {
        scores.print(group, &fields);
    }
    all.print("all", &fields);
    assert!(gold.len() >= 60, "too few gold rows");
    for (field, floor) in FLOORS {
        let i = fields.iter().position(|f| f == field).unwrap();
        let score = all.right[i] as f64 / all.total[i].max(1) as f64;
        assert!(
            score >= *floor,
            "{field}: {score:.3} below its floor {floor}"
        );
    }
}

fn agrees(field: &str, gold: Option<&str>, predicted: Option<&str>) -> bool {
    match (gold, predicted) {
        (None, None) => true,
        (Some(g), Some(p)) => match field {
            "item" => same_item(g, p),
            "action" | "period_start" => g == p,
            "attributed_to" => same_source(g, p),
            _ => overlaps(g, p),
        },
        _ => false,
    }
}

/// Agreement counts per field, over the gold rows whose figure has a predicted fact.
struct Scores {
    right: Vec<usize>,
    total: Vec<usize>,
    missed: usize,
}

impl Scores {
    fn new(fields: usize) -> Scores {
        Scores {
            right: vec![0; fields],
            total: vec![0; fields],
            missed: 0,
        }
    }

    fn print(&self, name: &str, fields: &[&str]) {
        let rows = self.total.first().copied().unwrap_or(0);
        println!(
            "{name}: {} gold rows, {rows} with a predicted fact, {} figures not found",
            rows + self.missed,
            self.missed
        );
        for (i, field) in fields.iter().enumerate() {
            let score = self.right[i] as f64 / self.total[i].max(1) as f64;
            println!(
                "  {field:<14} {:>4}/{:<4} {score:.3}",
                self.right[i], self.total[i]
            );
        }
    }
}

/// Earned floors, a little under the agreement measured. The 160 `heldout2` rows were written
/// before the linkers were changed for them: they scored item 0.731, action 0.654, source
/// 0.667 then, and item 0.750, action 0.667, source 0.660 after prices, values, penalties,
/// shares, arrests of things and hauls listed in a later sentence were linked. The 166
/// `heldout3` rows, on ten articles of their own, were written before the next change: on all
/// 662 rows then, item 0.763, action 0.697, period 0.820, dates 0.802, place 0.677, source
/// 0.705 (heldout3 alone: item 0.732, action 0.756, source 0.591). After elided items,
/// figures that locate or describe, ratios, money verbs and sources that count or estimate:
/// all rows item 0.849, action 0.748, source 0.771 (heldout3: item 0.799, action 0.762,
/// source 0.646); period and place unchanged.
const FLOORS: &[(&str, f64)] = &[
    ("item", 0.83),
    ("action", 0.73),
    ("period", 0.80),
    ("period_start", 0.78),
    ("place", 0.66),
    ("attributed_to", 0.75),
];
