//! `dossier eval GOLD PRED`: the project's scorer, for users' own gold sets.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;

use crate::eval::{Mention, Score, markup, mentions_of};

#[derive(clap::Args)]
pub struct Args {
    /// Gold annotations: tag-output JSONL, or a directory of annotated .txt files in the
    /// format of tests/gold/GUIDELINES.md
    gold: PathBuf,
    /// Predictions: the JSONL that `dossier tag` wrote
    pred: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gold = if args.gold.is_dir() {
        read_markup_dir(&args.gold)?
    } else {
        read_jsonl(&args.gold)?
    };
    let pred: HashMap<String, Vec<Mention>> = read_jsonl(&args.pred)?.into_iter().collect();
    let mut score = Score::default();
    let mut missing = 0;
    for (id, mentions) in &gold {
        let predicted = pred.get(id).map(Vec::as_slice).unwrap_or_else(|| {
            missing += 1;
            &[]
        });
        score.add_document(mentions, predicted);
    }
    print!("{}", score.table());
    println!(
        "documents: {} gold, {} without a prediction",
        gold.len(),
        missing
    );
    Ok(ExitCode::SUCCESS)
}

fn read_jsonl(path: &Path) -> anyhow::Result<Vec<(String, Vec<Mention>)>> {
    let content = fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let mut docs = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a JSON object", path.display(), n + 1))?;
        let id = match record.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => anyhow::bail!("{}:{}: the record has no `id`", path.display(), n + 1),
        };
        docs.push((id, mentions_of(&record)));
    }
    Ok(docs)
}

fn read_markup_dir(dir: &Path) -> anyhow::Result<Vec<(String, Vec<Mention>)>> {
    let annotated = markup::read_dir(dir)?;
    Ok(annotated
        .into_iter()
        .map(|(_, article, mentions)| (article.id.unwrap_or_default(), mentions))
        .collect())
}
