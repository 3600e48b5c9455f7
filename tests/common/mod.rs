//! Shared by the integration tests: the team's annotated articles and the tagger.

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;
use std::sync::OnceLock;

use dossier::article::Article;
use dossier::eval::{Mention, markup};
use dossier::lexicon::Lexicon;
use dossier::tagger::Tagger;

pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::new(Lexicon::builtin()).expect("the default lexicons compile"))
}

/// Every annotated article of `tests/gold/`, parsed.
pub fn gold_articles() -> Vec<(String, Article, Vec<Mention>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/gold exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let content = fs::read_to_string(&p).unwrap();
            let (article, mentions) = markup::parse(&name, &content).unwrap();
            (name, article, mentions)
        })
        .collect()
}
