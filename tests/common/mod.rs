//! Shared by the integration tests: the team's annotated articles and the tagger.

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use dossier::Tagger;
use dossier::eval::markup::{self, Annotated};

pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::builtin().expect("the default lexicons compile"))
}

/// Every annotated article of `tests/gold/`, parsed.
pub fn gold_articles() -> Vec<Annotated> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    markup::read_dir(&dir).expect("the gold articles parse")
}

/// Runs the `dossier` binary as a user would.
pub fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The JSON records a run wrote to stdout, one per line.
pub fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A fresh directory of this test process, named for the test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-test-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}
