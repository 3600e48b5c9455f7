//! The OpenSearch export loaded into a real cluster with the official Python client
//! (`scale/opensearch/load.py`), then searched: every article indexed once, and a facet filter's
//! matches and the organizations' counts the same as dossier's own.
//!
//! No OpenSearch or Elasticsearch server installs on the project's machines, so this runs
//! only when `OPENSEARCH_URL` names a cluster (e.g. http://localhost:9200; its index
//! `dossier-test` is replaced) and `python3` has `opensearch-py`; it says so and passes
//! otherwise. `tests/export.rs` checks the files against the formats on every run.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::{dossier_stdout, scratch};
use serde_json::{Value, json};

const INDEX: &str = "dossier-test";

/// A request to the cluster, answered with JSON.
fn call(url: &str, method: &str, path: &str, body: Option<Value>) -> Value {
    let request = ureq::request(method, &format!("{url}/{path}"));
    let response = match body {
        Some(body) => request
            .set("Content-Type", "application/json")
            .send_string(&body.to_string()),
        None => request.call(),
    };
    match response {
        Ok(response) => serde_json::from_str(&response.into_string().unwrap()).unwrap(),
        Err(ureq::Error::Status(404, _)) if method == "DELETE" => json!({}),
        Err(e) => panic!("{method} {path}: {e}"),
    }
}

/// The organizations' counts in a cluster's answer with an `orgs` terms aggregation.
fn org_counts(response: &Value) -> BTreeMap<String, u64> {
    response["aggregations"]["orgs"]["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let key = b["key"].as_str().unwrap().to_string();
            (key, b["doc_count"].as_u64().unwrap())
        })
        .collect()
}

#[test]
fn an_export_loads_into_a_real_cluster_and_searches_as_dossier_does() {
    let Ok(url) = std::env::var("OPENSEARCH_URL") else {
        eprintln!(
            "skipped: no OpenSearch cluster: set OPENSEARCH_URL (e.g. http://localhost:9200) \
             and pip install opensearch-py to load an export into one"
        );
        return;
    };
    let url = url.trim_end_matches('/').to_string();
    let dir = scratch("opensearch");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let export = dir.join("export");
    dossier_stdout(&[
        "export",
        "opensearch",
        "-q",
        corpus.to_str().unwrap(),
        "-o",
        export.to_str().unwrap(),
    ]);
    call(&url, "DELETE", INDEX, None);
    let loader = Path::new(env!("CARGO_MANIFEST_DIR")).join("scale/opensearch/load.py");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(python)
        .arg(loader)
        .args([&url, export.to_str().unwrap(), "--index", INDEX])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "load.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let count = call(&url, "GET", &format!("{INDEX}/_count"), None);
    assert_eq!(count["count"], 52);
    // `dossier search '*' --facet org --filter org="Sinaloa Cartel"` on the cluster.
    let query = json!({
        "size": 0,
        "query": { "bool": { "filter": { "term": { "facet.org": "Sinaloa Cartel" } } } },
        "aggs": { "orgs": { "terms": { "field": "facet.org", "size": 1000 } } },
    });
    let response = call(&url, "POST", &format!("{INDEX}/_search"), Some(query));
    let index = dir.join("index");
    dossier_stdout(&[
        "index",
        "-q",
        corpus.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    let dossier: Value = serde_json::from_slice(&dossier_stdout(&[
        "search",
        "*",
        "--index",
        index.to_str().unwrap(),
        "--facet",
        "org",
        "--filter",
        "org=Sinaloa Cartel",
        "--facet-limit",
        "1000",
        "--limit",
        "0",
        "--json",
    ]))
    .unwrap();
    assert_eq!(response["hits"]["total"]["value"], dossier["total"]);
    let expected = common::facet_counts(&dossier, "org");
    assert_eq!(org_counts(&response), expected);
    call(&url, "DELETE", INDEX, None);
    std::fs::remove_dir_all(dir).unwrap();
}
