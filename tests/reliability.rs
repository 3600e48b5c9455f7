//! Inputs that used to abort a run, hang it or lose data, each run bounded in time and memory
//! (`common::dossier_bounded`): a regression makes the test fail, never hang.

mod common;

use std::fs;
use std::path::Path;

use common::{dossier_bounded, records, scratch};
use serde_json::Value;

/// Seconds and megabytes any of these runs may take: far above what a healthy run needs.
const SECONDS: u64 = 60;
const MEGABYTES: u64 = 2048;

fn run(args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = dossier_bounded(args, SECONDS, MEGABYTES);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code(), out.stdout, stderr)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_deeply_nested_page_is_that_file_s_error_and_the_rest_is_read() {
    let dir = scratch("deep-html");
    let depth = 200_000;
    let page = format!(
        "<html><body>{}Too deep.{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    fs::write(dir.join("a-deep.html"), page).unwrap();
    fs::write(dir.join("b-good.txt"), "Good\n\nRifles went to Sonora.").unwrap();
    let (code, stdout, stderr) = run(&["tag", path(&dir)]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("a-deep.html: elements nested"), "{stderr}");
    let tagged = records(&stdout);
    assert_eq!(tagged.len(), 1);
    assert_eq!(tagged[0]["title"], "Good");
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn link_loops_and_pipes_in_a_directory_are_passed_over() {
    let dir = scratch("walk-loops");
    let sub = dir.join("sub");
    fs::create_dir_all(&sub).unwrap();
    fs::write(sub.join("a.txt"), "Alpha\n\nGuns went to Sonora.").unwrap();
    std::os::unix::fs::symlink(&dir, sub.join("loop")).unwrap();
    std::os::unix::fs::symlink(sub.join("a.txt"), dir.join("again.txt")).unwrap();
    let fifo = dir.join("pipe.jsonl");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (code, stdout, stderr) = run(&["tag", path(&dir)]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(records(&stdout).len(), 1, "a.txt once: {stderr}");
    assert!(
        stderr.contains("pipe.jsonl: not a regular file"),
        "{stderr}"
    );
    assert!(stderr.contains("a directory already read"), "{stderr}");
    assert!(
        stderr.contains("the same file as one already read"),
        "{stderr}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn absurd_thread_counts_are_refused() {
    let (code, _, stderr) = run(&["tag", "-j", "100000000", "-"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("between 1 and"), "{stderr}");
}

/// An index of two small articles, for the search cases.
fn small_index(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    let input = dir.join("in.jsonl");
    fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"Forty rifles went to Sonora.\",\"published\":\"2025-03-01\"}\n\
         {\"id\":\"b\",\"text\":\"Rifles went to Sinaloa.\",\"published\":\"2024-05-01\"}\n",
    )
    .unwrap();
    let index = dir.join("index");
    let (code, _, stderr) = run(&["index", path(&input), "--index", path(&index)]);
    assert_eq!(code, Some(0), "{stderr}");
    index
}

fn search(index: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let mut all = vec!["search", "--index", path(index), "--json"];
    all.extend(args);
    let (code, stdout, stderr) = run(&all);
    let json = serde_json::from_slice(&stdout).unwrap_or(Value::Null);
    (code, json, stderr)
}

#[test]
fn searches_that_used_to_abort_are_errors_or_answers() {
    let index = small_index("search-abuse");
    for query in [
        "(".repeat(3000),
        format!("{}x{}", "(".repeat(3000), ")".repeat(3000)),
    ] {
        let (code, _, stderr) = search(&index, &[&query]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains("nested more than"), "{stderr}");
    }
    let max = u64::MAX.to_string();
    let (code, all, stderr) = search(&index, &["rifles", "--limit", &max]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(all["hits"].as_array().unwrap().len(), 2);
    let (code, past, stderr) = search(&index, &["rifles", "--offset", &max]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(past["total"], 2);
    assert!(past["hits"].as_array().unwrap().is_empty());
    let (code, nested, stderr) = search(
        &index,
        &["*", "--facet", "published", "--facet", "published/2025"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(nested["facets"]["published"][0]["value"], "2025");
    assert_eq!(nested["facets"]["published/2025"][0]["value"], "2025/03");
}

#[test]
fn the_last_article_with_an_id_is_kept_on_every_run() {
    let dir = scratch("duplicates");
    let input = dir.join("in.jsonl");
    fs::write(
        &input,
        "{\"id\":\"x\",\"text\":\"The first version, about Tucson.\"}\n\
         {\"id\":\"x\",\"text\":\"The second version, about Nogales.\"}\n",
    )
    .unwrap();
    let index = dir.join("index");
    for round in 0..3 {
        let (code, _, stderr) = run(&["index", path(&input), "--index", path(&index)]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stderr.contains("repeat an id"), "round {round}: {stderr}");
        let (_, found, _) = search(&index, &["*"]);
        assert_eq!(found["total"], 1, "round {round}");
        let snippet = found["hits"][0]["snippet"].as_str().unwrap();
        assert!(snippet.contains("Nogales"), "round {round}: {snippet}");
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_id_too_long_to_index_is_refused_and_reruns_add_nothing() {
    let dir = scratch("long-id");
    let input = dir.join("in.jsonl");
    let long = "x".repeat(70_000);
    fs::write(
        &input,
        format!(
            "{{\"id\":\"{long}\",\"text\":\"Guns in Sonora.\"}}\n\
             {{\"id\":\"short\",\"text\":\"Guns in Sinaloa.\"}}\n"
        ),
    )
    .unwrap();
    let index = dir.join("index");
    for _ in 0..2 {
        let (code, _, stderr) = run(&["index", path(&input), "--index", path(&index)]);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains("the id is 70000 bytes long"), "{stderr}");
        assert!(stderr.contains("now holds 1 articles"), "{stderr}");
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn facts_read_the_default_index_when_asked_without_a_directory() {
    let index = small_index("facts-default-index");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["facts", "--index", "--format", "jsonl", "-q"])
        .env("DOSSIER_INDEX", &index)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stored = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["facts", "--index", path(&index), "--format", "jsonl", "-q"])
        .output()
        .unwrap();
    assert_eq!(records(&out.stdout).len(), 1, "the one figure");
    assert_eq!(out.stdout, stored.stdout);
}

/// The command that runs `dossier` as a user who cannot write the index: as `nobody` when the
/// tests run as root (whom permissions do not stop), else as the user running the tests.
#[cfg(unix)]
fn as_reader() -> Vec<String> {
    let uid = std::process::Command::new("id").arg("-u").output().unwrap();
    let root = String::from_utf8_lossy(&uid.stdout).trim() == "0";
    let mut command = Vec::new();
    if root {
        command.extend(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
            ]
            .map(String::from),
        );
    }
    command.push(env!("CARGO_BIN_EXE_dossier").to_string());
    command
}

#[cfg(unix)]
#[test]
fn an_index_the_user_cannot_write_can_still_be_searched() {
    let index = small_index("read-only");
    let mode = |mode: &str| {
        let status = std::process::Command::new("chmod")
            .args(["-R", mode, path(&index)])
            .status()
            .unwrap();
        assert!(status.success());
    };
    mode("a+rX");
    mode("a-w");
    let command = as_reader();
    let reader = |args: &[&str]| {
        std::process::Command::new(&command[0])
            .args(&command[1..])
            .args(args)
            .output()
            .unwrap()
    };
    let found = reader(&["search", "rifles", "--index", path(&index), "--json"]);
    let stderr = String::from_utf8_lossy(&found.stderr);
    assert!(found.status.success(), "{stderr}");
    let json: Value = serde_json::from_slice(&found.stdout).unwrap();
    assert_eq!(json["total"], 2);
    let write = reader(&["index", "-", "--index", path(&index), "-q"]);
    let stderr = String::from_utf8_lossy(&write.stderr);
    assert_eq!(write.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write to the index"), "{stderr}");
    mode("u+w");
}

#[test]
fn dates_are_stored_at_their_precision_and_bad_ones_reported() {
    let dir = scratch("dates");
    let input = dir.join("in.jsonl");
    fs::write(
        &input,
        "{\"id\":\"month\",\"text\":\"Guns in Sonora.\",\"published\":\"2024-03\"}\n\
         {\"id\":\"old\",\"text\":\"Guns in Sinaloa.\",\"published\":\"1500\"}\n\
         {\"id\":\"bad\",\"text\":\"Guns in Durango.\",\"published\":\"2024-13-45\"}\n\
         {\"id\":\"basic\",\"text\":\"Guns in Jalisco.\",\"published\":\"20240305\"}\n",
    )
    .unwrap();
    let index = dir.join("index");
    let (code, _, stderr) = run(&["index", path(&input), "--index", path(&index)]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("in.jsonl:3: bad date '2024-13-45'"),
        "{stderr}"
    );
    let (_, all, _) = search(&index, &["*", "--sort", "date", "--facet", "published"]);
    let shown: Vec<(&str, &str)> = all["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["id"].as_str().unwrap(), h["published"].as_str().unwrap()))
        .collect();
    // Newest first; a year the index's date type cannot hold sorts as undated, not clamped.
    assert_eq!(
        shown,
        [
            ("basic", "2024-03-05"),
            ("month", "2024-03"),
            ("old", "1500")
        ]
    );
    assert_eq!(all["facets"]["published"][1]["value"], "1500");
    let (_, march, _) = search(&index, &["*", "--since", "2024-03", "--until", "2024-03"]);
    assert_eq!(march["total"], 2);
    fs::remove_dir_all(dir).unwrap();
}
