//! Shared by the integration tests: the team's annotated articles and the tagger.

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use dossier::eval::markup::{self, Annotated};
use dossier::lexicon::Lexicon;
use dossier::tagger::Tagger;

pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::new(Lexicon::builtin()).expect("the default lexicons compile"))
}

/// Every annotated article of `tests/gold/`, parsed.
pub fn gold_articles() -> Vec<Annotated> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    markup::read_dir(&dir).expect("the gold articles parse")
}
