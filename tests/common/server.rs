//! A `dossier serve` process for the server and browser tests: it indexes the corpus into a
//! scratch directory and serves it on an ephemeral loopback port.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::scratch;

/// A running server, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub url: String,
    pub index: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .display()
        .to_string()
}

/// Indexes the corpus and serves it, as `dossier serve corpus/ --addr 127.0.0.1:0` does.
pub fn start(name: &str) -> Server {
    start_with(name, &[])
}

/// Indexes the corpus and `more` files, and serves them.
pub fn start_with(name: &str, more: &[&str]) -> Server {
    let index = scratch(name).join("index");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", &corpus()])
        .args(more)
        .args(["--index", index.to_str().unwrap()])
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

pub fn get(server: &Server, path: &str) -> (u16, Vec<u8>) {
    match ureq::get(&format!("{}{path}", server.url)).call() {
        Ok(response) => (response.status(), body(response)),
        Err(ureq::Error::Status(status, response)) => (status, body(response)),
        Err(e) => panic!("{path}: {e}"),
    }
}

pub fn body(response: ureq::Response) -> Vec<u8> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut response.into_reader(), &mut bytes).unwrap();
    bytes
}
