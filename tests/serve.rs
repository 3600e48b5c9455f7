//! `dossier serve` as a client sees it: the server runs over an index of the corpus on an
//! ephemeral loopback port, and each endpoint's answer is checked against what the command
//! line gives for the same options.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use common::server::{body, corpus, get, start};
use common::{dossier, records, scratch};
use serde_json::Value;

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn the_api_answers_what_the_command_line_prints() {
    let server = start("serve-api");
    let index = server.index.to_str().unwrap();

    let (status, health) = get(&server, "/api/health");
    assert_eq!(status, 200);
    assert_eq!(json(&health)["articles"], 52);

    let (status, found) = get(
        &server,
        "/api/search?q=fentanyl&facet=org&facet=weapon&filter=org%3DSinaloa%20Cartel&sort=date&limit=3",
    );
    assert_eq!(status, 200);
    let cli = dossier(&[
        "search",
        "fentanyl",
        "--index",
        index,
        "--facet",
        "org",
        "--facet",
        "weapon",
        "--filter",
        "org=Sinaloa Cartel",
        "--sort",
        "date",
        "--limit",
        "3",
        "--json",
    ]);
    assert_eq!(
        found,
        cli.stdout.trim_ascii_end(),
        "the same object, byte for byte"
    );
    assert!(json(&found)["total"].as_u64().unwrap() > 0);

    let (status, csv) = get(&server, "/api/facts?q=cartel&item=fentanyl&format=csv");
    assert_eq!(status, 200);
    let cli = dossier(&[
        "facts", "--index", index, "--query", "cartel", "--item", "fentanyl", "-q",
    ]);
    assert_eq!(csv, cli.stdout);
    assert!(csv.len() > 500, "a table with rows");

    let (status, groups) = get(&server, "/api/facts/groups?unit=kg");
    assert_eq!(status, 200);
    let cli = dossier(&[
        "facts", "--index", index, "--unit", "kg", "--group", "--format", "jsonl", "-q",
    ]);
    assert_eq!(groups, cli.stdout);

    let (status, article) = get(&server, "/api/articles/corpus-01");
    assert_eq!(status, 200);
    let article = json(&article);
    let tagged = records(&dossier(&["tag", &corpus(), "-q"]).stdout);
    let original = tagged.iter().find(|r| r["id"] == "corpus-01").unwrap();
    assert_eq!(article["entities"], original["entities"]);
    assert_eq!(article["facts"], original["facts"]);
}

#[test]
fn errors_are_json_with_their_status() {
    let server = start("serve-errors");
    for (path, status, kind) in [
        ("/api/search?q=((", 400, "query"),
        ("/api/search?facet=colour", 400, "request"),
        ("/api/search?limit=many", 400, "request"),
        ("/api/articles/no-such-id", 404, "not_found"),
        ("/api/facts?action=danced", 400, "request"),
    ] {
        let (got, body) = get(&server, path);
        assert_eq!(got, status, "{path}");
        let body = json(&body);
        assert_eq!(body["error"], kind, "{path}");
        assert!(
            body["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{path}"
        );
    }
}

#[test]
fn tag_tags_what_it_is_sent_in_order_and_stores_nothing() {
    let server = start("serve-tag");
    let lines = "{\"id\":\"a\",\"text\":\"ATF agents seized 40 AK-47s in Tucson.\"}\n\
                 not json\n\
                 {\"id\":\"b\",\"text\":\"The Sinaloa Cartel moved 300 kilograms of fentanyl.\"}\n";
    let response = ureq::post(&format!("{}/api/tag", server.url))
        .send_bytes(lines.as_bytes())
        .unwrap();
    let out = records(&body(response));
    assert_eq!(out.len(), 3);
    assert_eq!(out[1]["line"], 2, "the bad line is reported in its place");
    let dir = scratch("serve-tag-cli");
    let file = dir.join("in.jsonl");
    std::fs::write(&file, lines).unwrap();
    let cli = records(&dossier(&["tag", file.to_str().unwrap(), "-q"]).stdout);
    assert_eq!([&out[0], &out[2]], [&cli[0], &cli[1]]);
    let (_, health) = get(&server, "/api/health");
    assert_eq!(json(&health)["articles"], 52, "nothing was stored");

    // A body declared over the limit is refused before it is sent: the answer comes while
    // the client has written only its headers.
    let mut stream = TcpStream::connect(server.url.trim_start_matches("http://")).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "POST /api/tag HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
        17 << 20
    )
    .unwrap();
    let mut answer = BufReader::new(stream);
    let mut line = String::new();
    answer.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 413"), "{line:?}");
    let mut length = 0;
    while line != "\r\n" {
        line.clear();
        answer.read_line(&mut line).unwrap();
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap();
        }
    }
    let mut detail = vec![0; length];
    std::io::Read::read_exact(&mut answer, &mut detail).unwrap();
    assert_eq!(json(&detail)["error"], "request");
}

#[test]
fn articles_another_run_indexes_show_up_and_ctrl_c_stops_the_server() {
    let mut server = start("serve-reload");
    let dir = scratch("serve-reload-input");
    let file = dir.join("new.jsonl");
    std::fs::write(
        &file,
        "{\"id\":\"new-1\",\"text\":\"Zebracorn smugglers moved 12 rifles through Nogales.\"}\n",
    )
    .unwrap();
    let added = dossier(&[
        "index",
        file.to_str().unwrap(),
        "--index",
        server.index.to_str().unwrap(),
        "-q",
    ]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    // The reader reloads on the commit it sees: wait for it, within bounds.
    let started = std::time::Instant::now();
    let total = loop {
        let (_, found) = get(&server, "/api/search?q=zebracorn&limit=0");
        let total = json(&found)["total"].as_u64().unwrap();
        if total == 1 || started.elapsed() > std::time::Duration::from_secs(20) {
            break total;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(total, 1, "the new article is found without a restart");

    let interrupted = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the server did not stop on Ctrl-C"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.success(), "a clean stop: {status:?}");
}

#[test]
fn an_entity_is_profiled_from_the_articles_that_name_it() {
    let server = start("serve-entity");
    let (status, body) = get(&server, "/api/entities/org/Sinaloa%20Cartel");
    assert_eq!(status, 200);
    let profile = json(&body);
    let (_, search) = get(&server, "/api/search?filter=org=Sinaloa%20Cartel&limit=100");
    let search = json(&search);
    let total = search["total"].as_u64().unwrap();
    let with_a_month = search["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["published"].as_str().is_some_and(|p| p.len() >= 7))
        .count() as u64;
    assert_eq!(profile["articles"], total);
    let by_month: u64 = profile["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["count"].as_u64().unwrap())
        .sum();
    assert_eq!(
        by_month, with_a_month,
        "each article dated to the month is in its month"
    );
    let orgs = profile["together"]["org"].as_array().unwrap();
    assert!(!orgs.is_empty());
    assert!(
        orgs.iter().all(|o| o["value"] != "Sinaloa Cartel"),
        "not itself"
    );
    let facts = profile["facts"].as_array().unwrap();
    assert!(facts.iter().all(|f| f["sentence"].is_string()));
    assert_eq!(
        profile["fact_count"].as_u64().unwrap() as usize,
        facts.len()
    );

    let (status, body) = get(&server, "/api/entities/org/No%20Such%20Cartel");
    assert_eq!(
        (status, json(&body)["error"].as_str()),
        (404, Some("not_found"))
    );
    let (status, _) = get(&server, "/api/entities/planet/Mars");
    assert_eq!(status, 400, "an unknown dimension is the request's fault");
}

#[test]
fn pages_are_html_under_a_content_security_policy() {
    let server = start("serve-pages");
    for path in [
        "/",
        "/search?q=fentanyl&sort=date",
        "/facts?q=fentanyl&view=groups",
        "/articles/corpus-17?fact=2",
        "/entities/weapon/AK-47",
        "/assets/dossier.css",
    ] {
        let response = ureq::get(&format!("{}{path}", server.url)).call().unwrap();
        let policy = response.header("content-security-policy").unwrap_or("");
        assert!(policy.contains("script-src 'self'"), "{path}: {policy}");
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
    }
    let (status, page) = get(&server, "/search?q=%22unclosed");
    let page = String::from_utf8(page).unwrap();
    assert_eq!(status, 400);
    assert!(
        page.contains("class=\"caret\""),
        "the error shows where: {page}"
    );
    let (status, _) = get(&server, "/articles/no-such-article");
    assert_eq!(status, 404);
}

#[test]
fn a_filter_value_the_index_lacks_offers_the_nearest_as_links() {
    let server = start("serve-did-you-mean");
    let (status, page) = get(&server, "/search?q=fentanyl&filter=org%3DSinaloa+Cartl");
    let page = String::from_utf8(page).unwrap();
    assert_eq!(status, 200);
    assert!(page.contains("did you mean"), "{page}");
    // The link replaces the misspelt filter, keeping the query; it finds articles.
    let link = "href=\"/search?q=fentanyl&amp;filter=org%3DSinaloa+Cartel\"";
    assert!(page.contains(link), "{page}");
    let (_, found) = get(
        &server,
        "/api/search?q=fentanyl&filter=org%3DSinaloa%20Cartel&limit=0",
    );
    assert!(json(&found)["total"].as_u64().unwrap() > 0);
}

#[test]
fn the_search_page_has_an_identifier_panel_that_drills_from_labels_to_values() {
    let server = start("serve-identifiers");
    let (status, page) = get(&server, "/search");
    let page = String::from_utf8(page).unwrap();
    assert_eq!(status, 200);
    assert!(page.contains("Identifiers"), "{page}");
    // The panel lists labels; each links to a filter on it.
    let label_link = "filter=identifier%3DPHONE";
    assert!(page.contains(label_link), "{page}");
    // Below a label, the panel counts its values, each a filter that finds articles.
    let (_, below) = get(&server, "/search?filter=identifier%3DPHONE");
    let below = String::from_utf8(below).unwrap();
    assert!(
        below.contains("Identifiers<span class=\"drill\"> · PHONE"),
        "{below}"
    );
    let (_, found) = get(
        &server,
        "/api/search?filter=identifier%3DPHONE%2F%2B16195550143&limit=0",
    );
    assert!(json(&found)["total"].as_u64().unwrap() > 0);
}
