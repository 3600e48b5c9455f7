//! `dossier serve` as a client sees it: the server runs over an index of the corpus on an
//! ephemeral loopback port, and each endpoint's answer is checked against what the command
//! line gives for the same options.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{dossier, records, scratch};
use serde_json::Value;

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    url: String,
    index: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .display()
        .to_string()
}

/// Indexes the corpus and serves it, as `dossier serve corpus/ --addr 127.0.0.1:0` does.
fn start(name: &str) -> Server {
    let index = scratch(name).join("index");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", &corpus(), "--index", index.to_str().unwrap()])
        .args(["--addr", "127.0.0.1:0", "-q"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    Server { child, url, index }
}

fn get(server: &Server, path: &str) -> (u16, Vec<u8>) {
    match ureq::get(&format!("{}{path}", server.url)).call() {
        Ok(response) => (response.status(), body(response)),
        Err(ureq::Error::Status(status, response)) => (status, body(response)),
        Err(e) => panic!("{path}: {e}"),
    }
}

fn body(response: ureq::Response) -> Vec<u8> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut response.into_reader(), &mut bytes).unwrap();
    bytes
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

#[test]
fn the_api_answers_what_the_command_line_prints() {
    let server = start("serve-api");
    let index = server.index.to_str().unwrap();

    let (status, health) = get(&server, "/api/health");
    assert_eq!(status, 200);
    assert_eq!(json(&health)["articles"], 50);

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
    assert_eq!(json(&health)["articles"], 50, "nothing was stored");

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
