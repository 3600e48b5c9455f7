//! Fuzz target: a search request on a small index. The index is built once, before the fork
//! server starts, from the first articles of `corpus/articles.jsonl`; each input is then a
//! request, its first bytes choosing the options and the rest being the query in tantivy's
//! syntax (lossy UTF-8). An error is fine; a panic, an abort or a hang is a finding.
//!
//! Input layout: byte 0 is a set of flags, and each flag set takes the next bytes in order:
//!
//! - `0x01`: `limit` and `offset`, two little-endian u64 (16 bytes);
//! - `0x02`: sort by date;
//! - `0x04`: one byte, a mask over `FACETS`: the facets to count;
//! - `0x08`: one byte, an index into `FILTERS`: a drill-down;
//! - `0x10`: one byte, an index into `DATES`: `since` and `until`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dossier::index::search::Sort;
use dossier::sink::Sink;
use dossier::{Index, IndexWriter, SearchRequest, Tagger};

const FACETS: [&str; 8] = [
    "org",
    "published",
    "published/2025",
    "weapon/rifle",
    "drug",
    "person",
    "no-such-facet",
    "",
];

const FILTERS: [(&str, &str); 8] = [
    ("org", "Sinaloa Cartel"),
    ("weapon", "rifle"),
    ("weapon", "rifle/AR-15"),
    ("published", "2024-03"),
    ("published", "2024"),
    ("source", ""),
    ("drug", "FENTANYL"),
    ("nope", "x"),
];

const DATES: [(Option<&str>, Option<&str>); 8] = [
    (Some("2020"), None),
    (None, Some("2024-03")),
    (Some("2024-02-30"), Some("2019")),
    (Some("2025-12-31"), Some("2025-01-01")),
    (Some("0000"), Some("9999-12")),
    (Some(""), None),
    (Some("2024-13"), None),
    (Some("-1"), Some("20240")),
];

/// How many articles of the corpus the index holds.
const ARTICLES: usize = 6;

fn build_index(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    let tagger = Tagger::builtin().expect("the default lexicons compile");
    let index = Index::open_or_create(dir).expect("a new index");
    let mut writer = IndexWriter::new(&index, &tagger, false).expect("an index writer");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles.jsonl");
    let corpus = std::fs::read(&corpus).expect("corpus/articles.jsonl");
    for line in corpus.split(|&b| b == b'\n').take(ARTICLES) {
        let article = dossier::ingest::article_from_json_line(line).expect("a corpus article");
        writer.write(&tagger.annotate(article)).expect("indexed");
    }
    writer.finish(&index).expect("committed");
}

/// The request an input makes, or None when the input is too short for its flags.
fn request(data: &[u8]) -> Option<SearchRequest> {
    let (&flags, mut rest) = data.split_first().unwrap_or((&0, &[]));
    let mut take = |n: usize| -> Option<&[u8]> {
        let (taken, left) = rest.split_at_checked(n)?;
        rest = left;
        Some(taken)
    };
    let mut request = SearchRequest::default();
    if flags & 0x01 != 0 {
        let bytes = take(16)?;
        request.limit = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
        request.offset = u64::from_le_bytes(bytes[8..].try_into().unwrap()) as usize;
    }
    if flags & 0x02 != 0 {
        request.sort = Sort::Date;
    }
    if flags & 0x04 != 0 {
        let mask = take(1)?[0];
        request.facets = (0..8)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| FACETS[i].to_string())
            .collect();
    }
    if flags & 0x08 != 0 {
        let (dimension, value) = FILTERS[usize::from(take(1)?[0] % 8)];
        request
            .filters
            .push((dimension.to_string(), value.to_string()));
    }
    if flags & 0x10 != 0 {
        let (since, until) = DATES[usize::from(take(1)?[0] % 8)];
        request.since = since.map(str::to_string);
        request.until = until.map(str::to_string);
    }
    request.query = String::from_utf8_lossy(rest).into_owned();
    Some(request)
}

fn main() {
    let dir: PathBuf = std::env::var_os("DOSSIER_FUZZ_INDEX").map_or_else(
        || std::env::temp_dir().join(format!("dossier-fuzz-query-{}", std::process::id())),
        PathBuf::from,
    );
    // Built before the fork server starts; opened in each forked process, so that tantivy's
    // reader threads belong to the process that searches.
    build_index(&dir);
    static INDEX: OnceLock<Index> = OnceLock::new();
    afl::fuzz!(|data: &[u8]| {
        let index = INDEX.get_or_init(|| Index::open(&dir).expect("the index opens"));
        if let Some(request) = request(data) {
            let _ = index.search(&request);
        }
    });
    let _ = std::fs::remove_dir_all(&dir);
}
