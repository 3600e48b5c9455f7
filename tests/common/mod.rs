//! Shared by the integration tests: the team's annotated articles and the tagger.

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

pub mod server;

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::OnceLock;

use dossier::eval::markup::{self, Annotated};
use dossier::{Article, Entity, Tagger};

pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::builtin().expect("the default lexicons compile"))
}

/// The figures (QUANTITY, MONEY, PERCENT) the default tagger finds in `text`, in order.
pub fn figures_in(text: &str) -> Vec<Entity> {
    tagger()
        .annotate(Article::new(text))
        .entities
        .into_iter()
        .filter(|e| e.label.is_figure())
        .collect()
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

/// Runs the `dossier` binary, which must succeed, and gives its stdout.
pub fn dossier_stdout(args: &[&str]) -> Vec<u8> {
    let out = dossier(args);
    assert!(
        out.status.success(),
        "dossier {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
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

/// Runs the `dossier` binary as [`dossier`] does, but bounded: its address space is limited
/// to `megabytes` (through the shell's `ulimit -v`) and it is killed after `seconds`. A run
/// that hits either bound fails the test with what happened, instead of hanging it or
/// exhausting the machine.
pub fn dossier_bounded(args: &[&str], seconds: u64, megabytes: u64) -> Output {
    use std::time::{Duration, Instant};
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {}; exec \"$0\" \"$@\"",
            megabytes * 1024
        ))
        .arg(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    // Read the pipes on threads, so a chatty child cannot block on a full pipe.
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).map(|_| buf)
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stderr, &mut buf).map(|_| buf)
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the binary") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("dossier {args:?} ran for more than {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    }
}
