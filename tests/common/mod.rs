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

/// Says that an engine a test needs is missing: the test is skipped with `message`, unless
/// `required` (an environment variable CI sets, such as `DOSSIER_REQUIRE_SPARK`) is set, when
/// it fails, so a missing engine can never pass CI unnoticed.
pub fn engine_missing(required: &str, message: &str) {
    assert!(
        std::env::var_os(required).is_none(),
        "{message} ({required} is set, so this fails instead of skipping)"
    );
    eprintln!("skipped: {message}");
}

/// Installs `engine` (`spark` or `postgres`) with `scale/install-engines.sh`, once per test
/// process, so a fresh machine gets what the test needs; the error says why it could not.
pub fn install_engine(engine: &'static str) -> Result<(), String> {
    static INSTALLS: std::sync::Mutex<Vec<(&str, Result<(), String>)>> =
        std::sync::Mutex::new(Vec::new());
    let mut installs = INSTALLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, done)) = installs.iter().find(|(e, _)| *e == engine) {
        return done.clone();
    }
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scale/install-engines.sh");
    eprintln!(
        "installing {engine} for the tests with {}",
        script.display()
    );
    let done = match std::process::Command::new(&script).arg(engine).output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(String::from_utf8_lossy(&out.stderr).trim().to_string()),
        Err(e) => Err(format!("{}: {e}", script.display())),
    };
    installs.push((engine, done.clone()));
    done
}

/// The corpus as one JSONL file in `dir` (`dossier read corpus/`), followed by a copy of its
/// first `copies` articles under new ids, so that grouping facts into claims has claims
/// reported by several articles to merge.
pub fn corpus_jsonl(dir: &std::path::Path, copies: usize) -> PathBuf {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let read = dossier_stdout(&["read", "-q", corpus.to_str().unwrap()]);
    let mut lines = String::from_utf8(read.clone()).unwrap();
    for mut article in records(&read).into_iter().take(copies) {
        let id = format!("{}-copy", article["id"].as_str().unwrap());
        article["id"] = id.into();
        lines.push_str(&format!("{article}\n"));
    }
    let path = dir.join("corpus.jsonl");
    fs::write(&path, lines).unwrap();
    path
}

/// Checks that `claims` (each as its fact ids and its count of articles, in any order) are
/// the claims of `dossier facts --group` for `input`, which must merge some (the copies of
/// [`corpus_jsonl`] make them).
pub fn assert_grouped_as_dossier_does(
    mut claims: Vec<(Vec<String>, u64)>,
    input: &std::path::Path,
) {
    let out = dossier_stdout(&[
        "facts",
        "-q",
        input.to_str().unwrap(),
        "--group",
        "--format",
        "jsonl",
    ]);
    let mut expected: Vec<(Vec<String>, u64)> = records(&out).iter().map(claim_reports).collect();
    expected.sort();
    let merged = expected.iter().filter(|(_, count)| *count > 1).count();
    assert!(merged > 50, "only {merged} claims of several articles");
    claims.sort();
    assert_eq!(claims, expected);
}

/// A claim as JSON (`--group --format jsonl`, or another engine's): its citations' fact
/// ids and its count of articles.
pub fn claim_reports(claim: &serde_json::Value) -> (Vec<String>, u64) {
    let ids = claim["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["fact_id"].as_str().unwrap().to_string())
        .collect();
    (ids, claim["count"].as_u64().unwrap())
}

/// The values and counts of one facet in a `dossier search --json` answer.
pub fn facet_counts(
    results: &serde_json::Value,
    facet: &str,
) -> std::collections::BTreeMap<String, u64> {
    results["facets"][facet]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let value = v["value"].as_str().unwrap().to_string();
            (value, v["count"].as_u64().unwrap())
        })
        .collect()
}

/// The rows of a CSV file, its header first.
pub fn csv_records(path: &std::path::Path) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect()
}

/// A JSONL file in `dir` of four lines, the second and third no articles (not JSON; no
/// text): articles `a` and `c` are read, line 2 and 3 reported.
pub fn with_bad_lines(dir: &std::path::Path) -> PathBuf {
    let input = dir.join("in.jsonl");
    fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"Soldiers seized 40 rifles in Sonora.\"}\nnot json\n\
         {\"id\":\"b\",\"title\":\"no text\"}\n{\"id\":\"c\",\"text\":\"The Gulf Cartel.\"}\n",
    )
    .unwrap();
    input
}
