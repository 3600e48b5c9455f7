//! `dossier export opensearch` against the documented formats: the `_bulk` NDJSON (every
//! action line followed by its document line, valid JSON, unique and stable `_id`s, files
//! of bounded size) and the index template, with every facet value dossier's own index
//! counts for the corpus present in the documents, the same from files and from the index.
//! `tests/opensearch.rs` loads the export into a real server when one is named.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use common::{dossier, dossier_stdout, scratch};
use serde_json::Value;

fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .display()
        .to_string()
}

/// Runs the export, which must succeed, and gives the export directory.
fn export(args: &[&str], dir: &Path) -> PathBuf {
    let mut all = vec!["export", "opensearch", "-q", "-o", dir.to_str().unwrap()];
    all.extend(args);
    dossier_stdout(&all);
    dir.to_path_buf()
}

/// The bulk files of an export, in order.
fn bulk_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ndjson"))
        .collect();
    files.sort();
    files
}

/// The documents of an export by `_id`, checking the bulk format on the way: each file is
/// whole lines, pairs of an `index` action naming only an `_id` and a JSON object whose
/// `id` gives that `_id`, and no `_id` comes twice.
fn documents(dir: &Path) -> BTreeMap<String, Value> {
    let mut documents = BTreeMap::new();
    for file in bulk_files(dir) {
        let content = fs::read_to_string(&file).unwrap();
        assert!(
            content.ends_with('\n'),
            "{}: ends in a newline",
            file.display()
        );
        let lines: Vec<&str> = content.lines().collect();
        assert_eq!(
            lines.len() % 2,
            0,
            "{}: action and document pairs",
            file.display()
        );
        for pair in lines.chunks(2) {
            let action: Value = serde_json::from_str(pair[0]).unwrap();
            let id = action["index"]["_id"]
                .as_str()
                .expect("an index action with an _id");
            assert_eq!(action.as_object().unwrap().len(), 1, "{action}");
            assert_eq!(action["index"].as_object().unwrap().len(), 1, "{action}");
            let document: Value = serde_json::from_str(pair[1]).unwrap();
            assert!(document.is_object(), "{}", pair[1]);
            assert_eq!(document["id"], id);
            assert!(
                documents.insert(id.to_string(), document).is_none(),
                "{id} twice"
            );
        }
    }
    documents
}

/// Counts of each value of `facet` over `documents`: of `facet_top` where a document has
/// that level (a weapon's category, a year), else of `facet`.
fn counts(documents: &BTreeMap<String, Value>, dimension: &str) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for document in documents.values() {
        let top = &document["facet_top"][dimension];
        let values = if top.is_array() {
            top
        } else {
            &document["facet"][dimension]
        };
        for value in values.as_array().into_iter().flatten() {
            *counts
                .entry(value.as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    counts
}

/// dossier's own facet counts for every article of the index at `index`.
fn index_counts(index: &Path, facet: &str) -> BTreeMap<String, u64> {
    let out = dossier_stdout(&[
        "search",
        "*",
        "--index",
        index.to_str().unwrap(),
        "--facet",
        facet,
        "--limit",
        "0",
        "--facet-limit",
        "100000",
        "--json",
    ]);
    common::facet_counts(&serde_json::from_slice(&out).unwrap(), facet)
}

#[test]
fn bulk_files_hold_every_article_once_with_the_facets_of_dossiers_index() {
    let dir = scratch("export-facets");
    let exported = export(&[&corpus(), "--bulk-bytes", "100000"], &dir.join("export"));
    let files = bulk_files(&exported);
    assert!(files.len() > 3, "the bound splits the corpus: {files:?}");
    for file in &files {
        let size = fs::metadata(file).unwrap().len();
        let lines = fs::read_to_string(file).unwrap().lines().count();
        assert!(
            size <= 100_000 || lines == 2,
            "{}: {size} bytes",
            file.display()
        );
    }
    let documents = documents(&exported);
    let read = dossier_stdout(&["read", "-q", &corpus()]);
    assert_eq!(documents.len(), common::records(&read).len());

    let index = dir.join("index");
    dossier_stdout(&["index", "-q", &corpus(), "--index", index.to_str().unwrap()]);
    for dimension in [
        "org",
        "person",
        "location",
        "nationality",
        "weapon",
        "platform",
        "vehicle",
        "drug",
        "source",
        "language",
        "published",
    ] {
        let dossier_counts = index_counts(&index, dimension);
        assert!(!dossier_counts.is_empty(), "{dimension}");
        assert_eq!(counts(&documents, dimension), dossier_counts, "{dimension}");
        // The level below, for the facets that have one: a category's weapons, a year's months.
        for top in dossier_counts.keys() {
            let below = index_counts(&index, &format!("{dimension}/{top}"));
            if below.is_empty() {
                continue;
            }
            let mut exported_below: BTreeMap<String, u64> = BTreeMap::new();
            for document in documents.values() {
                for value in document["facet"][dimension]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    let value = value.as_str().unwrap();
                    if value.starts_with(&format!("{top}/")) {
                        *exported_below.entry(value.to_string()).or_default() += 1;
                    }
                }
            }
            assert_eq!(exported_below, below, "{dimension}/{top}");
        }
    }
    // The facts and entities are the tag output's, offsets in code points.
    let tagged = common::records(&dossier_stdout(&["tag", "-q", &corpus()]));
    for record in tagged {
        let document = &documents[record["id"].as_str().unwrap()];
        assert_eq!(document["facts"], record["facts"]);
        assert_eq!(document["entities"], record["entities"]);
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_second_export_gives_the_same_ids_and_removes_stale_files() {
    let dir = scratch("export-again");
    let out = dir.join("export");
    export(&[&corpus(), "--bulk-bytes", "50000"], &out);
    let first: HashMap<PathBuf, Vec<u8>> = bulk_files(&out)
        .into_iter()
        .map(|f| (f.clone(), fs::read(f).unwrap()))
        .collect();
    export(&[&corpus(), "--bulk-bytes", "50000"], &out);
    for (file, bytes) in &first {
        assert_eq!(&fs::read(file).unwrap(), bytes, "{}", file.display());
    }
    let ids: BTreeSet<String> = documents(&out).into_keys().collect();
    export(&[&corpus()], &out);
    assert_eq!(
        bulk_files(&out).len(),
        1,
        "the files of the first export are gone"
    );
    assert_eq!(documents(&out).into_keys().collect::<BTreeSet<_>>(), ids);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_index_exports_what_its_files_export() {
    let dir = scratch("export-index");
    let index = dir.join("index");
    dossier_stdout(&["index", "-q", &corpus(), "--index", index.to_str().unwrap()]);
    let from_index = documents(&export(
        &["--index", index.to_str().unwrap()],
        &dir.join("from-index"),
    ));
    let from_files = documents(&export(&[&corpus()], &dir.join("from-files")));
    assert_eq!(from_index, from_files);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_template_maps_text_facets_dates_figures_and_nested_facts() {
    let dir = scratch("export-template");
    let out = export(&[&corpus()], &dir.join("export"));
    let template: Value =
        serde_json::from_slice(&fs::read(out.join("index-template.json")).unwrap()).unwrap();
    assert_eq!(template["index_patterns"][0], "dossier*");
    let settings = &template["template"]["settings"]["analysis"];
    let english = &settings["analyzer"]["dossier_english"]["filter"];
    assert!(english.as_array().unwrap().contains(&"asciifolding".into()));
    let mapping = &template["template"]["mappings"];
    assert_eq!(mapping["dynamic"], false);
    let properties = &mapping["properties"];
    for field in ["title", "text"] {
        assert_eq!(properties[field]["analyzer"], "dossier_english");
    }
    assert_eq!(properties["published_date"]["type"], "date");
    for measure in ["kg", "usd", "percent"] {
        assert_eq!(properties[measure]["type"], "double");
    }
    assert_eq!(properties["facts"]["type"], "nested");
    assert_eq!(
        properties["facts"]["properties"]["value_base"]["type"],
        "double"
    );
    assert_eq!(
        properties["facts"]["properties"]["period_start"]["type"],
        "date"
    );
    // Every field a document fills at the top level or in its facets is mapped, or is one
    // the mapping leaves in _source on purpose (unknown input fields; none in the corpus).
    for document in documents(&out).values() {
        for (field, value) in document.as_object().unwrap() {
            assert!(properties.get(field).is_some(), "{field} is not mapped");
            if field == "facet" || field == "facet_top" {
                for dimension in value.as_object().unwrap().keys() {
                    assert_eq!(
                        properties[field]["properties"][dimension]["type"],
                        "keyword"
                    );
                }
            }
        }
    }
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_lines_are_reported_and_skipped_and_the_export_is_refused_inside_its_input() {
    let dir = scratch("export-bad");
    let input = common::with_bad_lines(&dir);
    let out = dir.join("export");
    let run = dossier(&[
        "export",
        "opensearch",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        run.status.code(),
        Some(1),
        "skipped lines make the run exit 1"
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("in.jsonl:2:"), "{stderr}");
    assert!(
        stderr.contains("in.jsonl:3: missing field `text`"),
        "{stderr}"
    );
    assert_eq!(documents(&out).into_keys().collect::<Vec<_>>(), ["a", "c"]);

    let inside = dir.join("export-inside");
    let refused = dossier(&[
        "export",
        "opensearch",
        dir.to_str().unwrap(),
        "-o",
        inside.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("write the export elsewhere"), "{stderr}");
    assert!(!inside.exists());
    fs::remove_dir_all(dir).unwrap();
}
