//! The `dossier` binary as a user runs it: bad lines skipped with their location, output in
//! input order and byte-for-byte repeatable, clear errors for bad paths and lexicon rows.

mod common;

use std::fs;

use common::{dossier, records, scratch};

#[test]
fn bad_lines_are_reported_and_skipped() {
    let dir = scratch("bad-lines");
    let input = dir.join("in.jsonl");
    fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"The Sinaloa Cartel moved 300 kilograms.\"}\n\
         {\"id\":\"b\",\"title\":\"no text\"}\n\
         not json at all\n\
         \n\
         {\"text\":\"ATF agents seized 40 AK-47s in Tucson.\",\"lang\":\"en\"}\n",
    )
    .unwrap();
    let out = dossier(&["tag", input.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "skipped lines make the run exit 1"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines = records(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["lang"], "en", "unknown fields are kept");
    assert_eq!(
        lines[1]["id"].as_str().map(str::len),
        Some(16),
        "a missing id is derived"
    );
    assert!(
        stderr.contains("in.jsonl:2: missing field `text`"),
        "{stderr}"
    );
    assert!(stderr.contains("in.jsonl:3:"), "{stderr}");
    assert!(stderr.contains("skipped 2 line(s)"), "{stderr}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn output_is_in_input_order_and_repeatable() {
    let dir = scratch("order");
    let input = dir.join("many.jsonl");
    let lines: String = (0..3000)
        .map(|i| format!("{{\"id\":\"{i}\",\"text\":\"Article {i}: {} rifles went to Sonora on March 5, 2024.\"}}\n", i % 97))
        .collect();
    fs::write(&input, lines).unwrap();
    let first = dossier(&["tag", input.to_str().unwrap(), "--quiet"]);
    let second = dossier(&["tag", input.to_str().unwrap(), "--quiet"]);
    let one_thread = dossier(&["tag", input.to_str().unwrap(), "--quiet", "-j", "1"]);
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(
        first.stdout, one_thread.stdout,
        "the thread count never changes the output"
    );
    let ids: Vec<String> = records(&first.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, (0..3000).map(|i| i.to_string()).collect::<Vec<_>>());
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn text_files_and_directories_are_articles() {
    let dir = scratch("texts");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(
        dir.join("b.md"),
        "# Heading\n\nThe Gulf Cartel fought in Reynosa.",
    )
    .unwrap();
    fs::write(dir.join("sub/a.txt"), "Fentanyl seized in El Paso.").unwrap();
    fs::write(dir.join("ignored.csv"), "x").unwrap();
    let out = dossier(&["tag", dir.to_str().unwrap(), "-q"]);
    let docs = records(&out.stdout);
    assert_eq!(docs.len(), 2);
    // Files without a front-matter id get one from their content.
    assert!(docs[0]["id"].as_str().is_some_and(|id| id.len() == 16));
    assert_eq!(docs[0]["title"], "Heading");
    assert_eq!(docs[1]["entities"][0]["text"], "Fentanyl");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("ignored.csv: not an article file"),
        "{stderr}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_path_is_an_error_that_names_it() {
    let out = dossier(&["tag", "no/such/file.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("no/such/file.jsonl"), "{stderr}");
}

#[test]
fn lexicon_check_reports_bad_rows_with_their_location() {
    let dir = scratch("lexicon");
    fs::write(
        dir.join("mine.tsv"),
        "canonical\tlabel\tcategory\taliases\tkb_id\tcase\n\
         Cártel de Santa Rosa de Lima\tORG\tcartel\tCSRL\t\t\n\
         Broken\tORGANIZATION\tx\t\t\t\n",
    )
    .unwrap();
    let out = dossier(&["lexicon", "check", "--lexicons", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("mine.tsv:3: unknown label 'ORGANIZATION'"),
        "{stdout}"
    );
    let clean = dossier(&["lexicon", "check"]);
    assert!(clean.status.success());
    assert!(
        String::from_utf8(clean.stdout)
            .unwrap()
            .contains("ok: no problems")
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn eval_scores_a_prediction_against_gold() {
    let dir = scratch("eval");
    let gold = dir.join("gold.jsonl");
    fs::write(
        &gold,
        "{\"id\":\"a\",\"entities\":[{\"start\":4,\"end\":18,\"label\":\"ORG\"}]}\n",
    )
    .unwrap();
    let input = dir.join("in.jsonl");
    fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"The Sinaloa Cartel said.\"}\n",
    )
    .unwrap();
    let pred = dir.join("pred.jsonl");
    assert!(
        dossier(&[
            "tag",
            input.to_str().unwrap(),
            "-o",
            pred.to_str().unwrap(),
            "-q"
        ])
        .status
        .success()
    );
    let out = dossier(&["eval", gold.to_str().unwrap(), pred.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let org = stdout.lines().find(|l| l.starts_with("ORG")).unwrap();
    assert!(org.contains("1.000 1.000 1.000"), "{stdout}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_user_lexicon_adds_entities_and_labels() {
    let dir = scratch("user-lexicon");
    fs::write(
        dir.join("units.tsv"),
        "# labels: MILITARY_UNIT\n\
         canonical\tlabel\tcategory\taliases\tkb_id\tcase\n\
         Fuerza Especial de Reacción\tMILITARY_UNIT\tspecial_forces\tFER\t\t\n",
    )
    .unwrap();
    let input = dir.join("in.jsonl");
    fs::write(
        &input,
        "{\"id\":\"u\",\"text\":\"The FER deployed to Culiacán.\"}\n",
    )
    .unwrap();
    let out = dossier(&[
        "tag",
        input.to_str().unwrap(),
        "--lexicons",
        dir.to_str().unwrap(),
        "-q",
    ]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fer = &doc["entities"][0];
    assert_eq!(fer["text"], "FER");
    assert_eq!(fer["label"], "MILITARY_UNIT");
    assert_eq!(fer["canonical"], "Fuerza Especial de Reacción");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn html_files_are_articles_of_their_visible_text() {
    let dir = scratch("html");
    fs::write(
        dir.join("page.html"),
        "<html><head><title>Raid in Culiacán</title><style>p{}</style></head>\
         <body><p>Marines seized 300 kilograms of fentanyl in <b>Culiacán</b>.</p></body></html>",
    )
    .unwrap();
    let out = dossier(&["tag", dir.to_str().unwrap(), "-q"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["title"], "Raid in Culiacán");
    let texts: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["300 kilograms", "fentanyl", "Culiacán"]);
    // The text the offsets count in comes with them: a file has no other copy of it.
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let culiacan = &doc["entities"][2];
    let (start, end) = (
        culiacan["start"].as_u64().unwrap(),
        culiacan["end"].as_u64().unwrap(),
    );
    assert_eq!(
        text[start as usize..end as usize]
            .iter()
            .collect::<String>(),
        "Culiacán"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn read_prints_each_article_as_the_input_contract() {
    let dir = scratch("read");
    fs::write(
        dir.join("a.jsonl"),
        "{\"id\":\"j1\",\"text\":\"From a line.\",\"lang\":\"en\"}\nnot json\n",
    )
    .unwrap();
    fs::write(
        dir.join("b.md"),
        "---\nid: m1\npublished: 2024-05-01\n---\n# A heading\n\nFrom Markdown.\n",
    )
    .unwrap();
    fs::write(
        dir.join("c.html"),
        "<html><head><title>A page</title><link rel=\"canonical\" href=\"https://example.org/c\">\
         </head><body><nav><a href=\"/\">Home</a></nav><p>From a page.</p></body></html>",
    )
    .unwrap();
    let out = dossier(&["read", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the bad line makes the run exit 1"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("a.jsonl:2:"), "{stderr}");
    let lines = records(&out.stdout);
    let fields = |line: &serde_json::Value| -> Vec<String> {
        line.as_object().unwrap().keys().cloned().collect()
    };
    assert_eq!(lines.len(), 3);
    assert_eq!(
        fields(&lines[2]),
        ["id", "title", "text", "url", "published", "source"]
    );
    assert_eq!(lines[0]["text"], "From a line.");
    assert_eq!(lines[0]["lang"], "en", "unknown fields are kept");
    assert_eq!(lines[1]["id"], "m1");
    assert_eq!(lines[1]["title"], "A heading");
    assert_eq!(lines[1]["text"], "From Markdown.");
    assert_eq!(lines[2]["text"], "From a page.");
    assert_eq!(lines[2]["url"], "https://example.org/c");
    assert_eq!(lines[2]["published"], serde_json::Value::Null);
    // What `read` prints, `tag` reads back as the same articles.
    let jsonl = dir.join("read.jsonl");
    let html = dir.join("c.html");
    dossier(&[
        "read",
        "-q",
        html.to_str().unwrap(),
        "-o",
        jsonl.to_str().unwrap(),
    ]);
    let again = dossier(&["read", "-q", jsonl.to_str().unwrap()]);
    assert_eq!(records(&again.stdout)[0], lines[2]);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept_whole() {
    let dir = scratch("output-is-input");
    let input = dir.join("in.jsonl");
    let content = "{\"id\":\"a\",\"text\":\"The Sinaloa Cartel moved 300 kilograms.\"}\n";
    fs::write(&input, content).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, dir.join("link.jsonl")).unwrap();
    for (command, output) in [("tag", "in.jsonl"), ("facts", "link.jsonl")] {
        let output = dir.join(output);
        let out = dossier(&[
            command,
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("the output is also an input"), "{stderr}");
        assert_eq!(fs::read_to_string(&input).unwrap(), content);
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_failed_run_leaves_the_old_output_and_no_partial_file() {
    let dir = scratch("failed-run");
    let input = dir.join("in.jsonl");
    fs::write(&input, "{\"id\":\"a\",\"text\":\"Guns went to Sonora.\"}\n").unwrap();
    let output = dir.join("out.jsonl");
    fs::write(&output, "the previous run's output\n").unwrap();
    let missing = dir.join("no-such-lexicons");
    let out = dossier(&[
        "tag",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
        "--lexicons",
        missing.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert_eq!(
        fs::read_to_string(&output).unwrap(),
        "the previous run's output\n"
    );
    let left: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "only the input and the old output: {left:?}");
    let ok = dossier(&[
        "tag",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert!(ok.status.success());
    assert_eq!(records(&fs::read(&output).unwrap()).len(), 1);
    fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_pipe_or_a_link_is_written_through() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("output-special");
    let input = dir.join("in.jsonl");
    fs::write(&input, "{\"id\":\"a\",\"text\":\"Guns went to Sonora.\"}\n").unwrap();
    // A pipe stays a pipe (renaming a file over it, as for a regular file, would replace
    // it: that is how `-o /dev/null` once replaced /dev/null).
    let fifo = dir.join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let out = dossier(&[
        "tag",
        input.to_str().unwrap(),
        "-q",
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    // Checked before waiting on the reader, which would wait forever on a replaced pipe.
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(records(&reader.join().unwrap()).len(), 1);
    // A link is followed: the file it names gets the output, the link stays.
    let target = dir.join("target.jsonl");
    fs::write(&target, "old\n").unwrap();
    let link = dir.join("link.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = dossier(&[
        "tag",
        input.to_str().unwrap(),
        "-q",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(records(&fs::read(&target).unwrap()).len(), 1);
    fs::remove_dir_all(dir).unwrap();
}

/// `facts --action` and `--unit` take the forms the lexicons know, and say what they accept
/// when a value is unknown.
#[test]
fn fact_filters_take_the_forms_the_lexicons_know() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let rows = |args: &[&str]| {
        let mut all = vec!["facts", corpus, "-q", "--format", "jsonl"];
        all.extend(args);
        String::from_utf8(common::dossier_stdout(&all))
            .unwrap()
            .lines()
            .count()
    };
    assert!(rows(&["--unit", "kg"]) > 0);
    assert_eq!(rows(&["--unit", "kilos"]), rows(&["--unit", "kg"]));
    assert_eq!(rows(&["--unit", "dollars"]), rows(&["--unit", "USD"]));
    assert_eq!(rows(&["--action", "seize"]), rows(&["--action", "seized"]));
    assert_eq!(
        rows(&["--action", "aseguraron"]),
        rows(&["--action", "seized"])
    );
    for (flag, value, says) in [
        ("--action", "frobnicate", "use one of seized"),
        ("--unit", "3x", "use a measure"),
    ] {
        let out = dossier(&["facts", corpus, flag, value]);
        assert!(!out.status.success());
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(says), "{said}");
    }
}
