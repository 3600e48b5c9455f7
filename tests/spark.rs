//! The Spark jobs of `scale/spark/` under a real Spark in local mode (`local[2]`):
//! `dossier_tag.py` must give, record for record, what one `dossier tag` process gives, and
//! fail when the tagger fails; `dossier_facts.py` must give `dossier facts`'s rows and the
//! claims of `dossier facts --group`, with the same counts and citations.
//!
//! Needs `spark-submit` (pyspark from PyPI, in a virtual environment) and Java 17 (Debian:
//! openjdk-17-jre-headless), which the tests install with `scale/install-engines.sh` when
//! they are missing. Where that is impossible (no root, no network) the tests say so and
//! pass, unless `DOSSIER_REQUIRE_SPARK` is set, as CI sets it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{corpus_jsonl, dossier_stdout, engine_missing, records, scratch};
use serde_json::Value;

const REQUIRED: &str = "DOSSIER_REQUIRE_SPARK";

/// The `spark-submit` that runs here: the PATH's, or that of the virtual environment
/// `scale/install-engines.sh` makes, installed first when there is none; `None` (said why)
/// when none can be had.
fn spark_submit_program() -> Option<PathBuf> {
    let runs = |program: &Path| {
        spark_command(program)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    };
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))
        .unwrap_or_default();
    let in_venv = cache.join("dossier/pyspark-4/bin/spark-submit");
    let found = || {
        [PathBuf::from("spark-submit"), in_venv.clone()]
            .into_iter()
            .find(|p| runs(p))
    };
    if let Some(program) = found() {
        return Some(program);
    }
    let why = match common::install_engine("spark") {
        Ok(()) => match found() {
            Some(program) => return Some(program),
            None => "installed, but spark-submit does not run".to_string(),
        },
        Err(why) => why,
    };
    engine_missing(
        REQUIRED,
        &format!(
            "the Spark tests need spark-submit and Java 17, which scale/install-engines.sh \
             could not install: {why}"
        ),
    );
    None
}

/// A command running `program`, a `spark-submit`, with its own directory first on the PATH:
/// a virtual environment's `spark-submit` finds Spark through the `python` beside it.
fn spark_command(program: &Path) -> Command {
    let mut command = Command::new(program);
    if let Some(dir) = program.parent().filter(|d| !d.as_os_str().is_empty()) {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let dirs = std::iter::once(dir.to_path_buf()).chain(std::env::split_paths(&path));
        command.env("PATH", std::env::join_paths(dirs).expect("a PATH"));
    }
    command
}

/// Runs `spark-submit --master local[2] scale/spark/JOB ARGS`.
fn spark_submit(program: &Path, job: &str, args: &[&str]) -> Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scale/spark")
        .join(job);
    spark_command(program)
        .args(["--master", "local[2]", "--conf", "spark.ui.enabled=false"])
        .arg(script)
        .args(args)
        // Spark binds the driver to the machine's name, which a fresh machine may not resolve.
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .expect("spark-submit runs")
}

/// Fails with the end of Spark's log unless the job succeeded.
fn succeeded(job: &str, out: &Output) {
    let log = String::from_utf8_lossy(&out.stderr);
    let tail: Vec<&str> = log.lines().rev().take(40).collect();
    assert!(
        out.status.success(),
        "{job} failed:\n{}",
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    );
}

/// The lines of every part file in `dir`, in part order.
fn part_lines(dir: &Path) -> Vec<String> {
    let mut parts: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("part-")
        })
        .collect();
    parts.sort();
    parts
        .iter()
        .flat_map(|p| {
            fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Tag output lines sorted by their article's id.
fn sorted_by_id(lines: impl IntoIterator<Item = String>) -> Vec<(String, String)> {
    let mut keyed: Vec<(String, String)> = lines
        .into_iter()
        .map(|line| {
            let record: Value = serde_json::from_str(&line).unwrap();
            (record["id"].as_str().unwrap().to_string(), line)
        })
        .collect();
    keyed.sort();
    keyed
}

/// The rows of the CSV part files in `dir` (each has its header), with one header first.
fn csv_rows(dir: &Path) -> Vec<csv::StringRecord> {
    let mut rows = Vec::new();
    let mut parts: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    parts.sort();
    for part in parts {
        let mut part_rows = common::csv_records(&part).into_iter();
        let header = part_rows.next();
        if rows.is_empty() {
            rows.extend(header);
        }
        rows.extend(part_rows);
    }
    rows
}

#[test]
fn spark_tags_tabulates_and_groups_as_dossier_does() {
    let Some(program) = spark_submit_program() else {
        return;
    };
    let dir = scratch("spark");
    let input = corpus_jsonl(&dir, 20);
    let (input_arg, tagged) = (input.to_str().unwrap(), dir.join("tagged"));
    let out = spark_submit(
        &program,
        "dossier_tag.py",
        &[
            "--dossier",
            env!("CARGO_BIN_EXE_dossier"),
            input_arg,
            tagged.to_str().unwrap(),
        ],
    );
    succeeded("dossier_tag.py", &out);
    let single = dossier_stdout(&["tag", "-q", input_arg]);
    let single = sorted_by_id(
        String::from_utf8(single)
            .unwrap()
            .lines()
            .map(str::to_string),
    );
    let spark = sorted_by_id(part_lines(&tagged));
    assert_eq!(spark.len(), single.len(), "one record per article");
    for ((id, from_spark), (_, from_dossier)) in spark.iter().zip(&single) {
        assert_eq!(from_spark, from_dossier, "article {id}");
    }

    let tables = dir.join("tables");
    let out = spark_submit(
        &program,
        "dossier_facts.py",
        &[tagged.to_str().unwrap(), tables.to_str().unwrap()],
    );
    succeeded("dossier_facts.py", &out);
    // The fact table: dossier's CSV, row for row, in the same order.
    let csv = dir.join("facts.csv");
    dossier_stdout(&["facts", "-q", input_arg, "-o", csv.to_str().unwrap()]);
    let expected = common::csv_records(&csv);
    assert!(expected.len() > 800, "{} rows", expected.len());
    assert_eq!(csv_rows(&tables.join("facts.csv")), expected);
    // The claims: the same facts in each, the same counts.
    let claims: Vec<(Vec<String>, u64)> = part_lines(&tables.join("claims.json"))
        .iter()
        .map(|line| common::claim_reports(&serde_json::from_str(line).unwrap()))
        .collect();
    common::assert_grouped_as_dossier_does(claims, &input);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_failing_tagger_fails_the_job_unless_bad_records_may_be_skipped() {
    let Some(program) = spark_submit_program() else {
        return;
    };
    let dir = scratch("spark-bad");
    let input = common::with_bad_lines(&dir);
    let run = |output: &str, extra: &[&str]| {
        let mut args = vec!["--dossier", env!("CARGO_BIN_EXE_dossier")];
        args.extend(extra);
        let output = dir.join(output);
        args.extend([input.to_str().unwrap(), output.to_str().unwrap()]);
        (spark_submit(&program, "dossier_tag.py", &args), output)
    };
    let (failed, _) = run("strict", &[]);
    assert!(!failed.status.success(), "a bad record fails the job");
    let log = String::from_utf8_lossy(&failed.stderr);
    assert!(
        log.contains("PIPE_FUNCTION_EXITED") || log.contains("exit"),
        "{log}"
    );
    let (skipping, output) = run("skipping", &["--skip-bad-records"]);
    succeeded("dossier_tag.py --skip-bad-records", &skipping);
    let ids: Vec<String> = records(part_lines(&output).join("\n").as_bytes())
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "c"]);
    fs::remove_dir_all(dir).unwrap();
}
