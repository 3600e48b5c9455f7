//! Readers: JSONL files, plain-text and Markdown files, directories of them, and stdin,
//! streamed in batches so memory stays flat however large the input.

mod html;
mod text_file;
mod walk;

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::article::Article;

pub use walk::{InputError, expand};

/// One input the reader goes through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Jsonl(PathBuf),
    Text(PathBuf),
    Html(PathBuf),
}

impl Input {
    /// The name used in messages: the path, or `-` for stdin.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::Jsonl(p) | Input::Text(p) | Input::Html(p) => p.display().to_string(),
        }
    }
}

/// Where a record came from: a file (or `-`) and, for JSONL, the line.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => f.write_str(&self.file),
        }
    }
}

/// One unit of input. A JSONL line stays raw bytes until [`Record::into_article`] parses it, so
/// that parsing happens on the worker threads, not in the reader.
#[derive(Debug)]
pub struct Record {
    pub origin: Origin,
    payload: Payload,
}

#[derive(Debug)]
enum Payload {
    JsonLine(Vec<u8>),
    File(Result<Article, String>),
}

impl Record {
    /// The article, or the reason it could not be read (without the origin).
    pub fn into_article(self) -> Result<Article, String> {
        match self.payload {
            Payload::JsonLine(line) => parse_line(&line),
            Payload::File(article) => article,
        }
    }
}

/// Reads the inputs in order and hands out batches of records.
pub struct Reader {
    inputs: std::vec::IntoIter<Input>,
    current: Option<(Arc<str>, Box<dyn BufRead + Send>, usize)>,
    bytes_read: u64,
    /// Files that could not be opened or read: reported, and the run fails at the end.
    pub unreadable: Vec<String>,
}

impl Reader {
    pub fn new(inputs: Vec<Input>) -> Reader {
        Reader {
            inputs: inputs.into_iter(),
            current: None,
            bytes_read: 0,
            unreadable: Vec::new(),
        }
    }

    /// Bytes consumed so far, for progress.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Up to `max_records` records or about `max_bytes` of input, whichever comes first; empty
    /// when every input is done.
    pub fn next_batch(&mut self, max_records: usize, max_bytes: usize) -> Vec<Record> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < max_records && bytes < max_bytes {
            if self.current.is_none() && !self.open_next(&mut batch, &mut bytes) {
                break;
            }
            let Some((name, reader, line_no)) = self.current.as_mut() else {
                continue;
            };
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => self.current = None,
                Ok(n) => {
                    *line_no += 1;
                    bytes += n;
                    self.bytes_read += n as u64;
                    if !line.iter().all(u8::is_ascii_whitespace) {
                        batch.push(Record {
                            origin: Origin {
                                file: name.clone(),
                                line: Some(*line_no),
                            },
                            payload: Payload::JsonLine(line),
                        });
                    }
                }
                Err(e) => {
                    self.unreadable.push(format!("{name}: {e}"));
                    self.current = None;
                }
            }
        }
        batch
    }

    /// Opens the next input. A whole-file article goes straight into the batch. Returns false
    /// when there are no inputs left.
    fn open_next(&mut self, batch: &mut Vec<Record>, bytes: &mut usize) -> bool {
        let Some(input) = self.inputs.next() else {
            return false;
        };
        let name: Arc<str> = Arc::from(input.name());
        match input {
            Input::Stdin => {
                self.current = Some((name, Box::new(BufReader::new(io::stdin())), 0));
            }
            Input::Jsonl(path) => match File::open(&path) {
                Ok(f) => {
                    self.current = Some((name, Box::new(BufReader::with_capacity(1 << 20, f)), 0))
                }
                Err(e) => self.unreadable.push(format!("{name}: {e}")),
            },
            Input::Text(path) => {
                let extract = text_file::text_and_title;
                self.read_whole(name, &path, extract, batch, bytes);
            }
            Input::Html(path) => {
                let extract = |text: String| html::visible_text(&text);
                self.read_whole(name, &path, extract, batch, bytes);
            }
        }
        true
    }
}

impl Reader {
    /// Reads a whole-file article into the batch, or records why the file cannot be read.
    fn read_whole(
        &mut self,
        name: Arc<str>,
        path: &Path,
        extract: impl FnOnce(String) -> (String, Option<String>),
        batch: &mut Vec<Record>,
        bytes: &mut usize,
    ) {
        match read_file(path) {
            Ok(content) => {
                *bytes += content.len();
                self.bytes_read += content.len() as u64;
                batch.push(Record {
                    origin: Origin {
                        file: name,
                        line: None,
                    },
                    payload: Payload::File(file_article(path, content, extract)),
                });
            }
            Err(e) => self.unreadable.push(format!("{name}: {e}")),
        }
    }
}

/// A whole file as one article: `extract` turns its text into the article's text and title;
/// the id is the file name without extension.
fn file_article(
    path: &Path,
    content: Vec<u8>,
    extract: impl FnOnce(String) -> (String, Option<String>),
) -> Result<Article, String> {
    let content = String::from_utf8(content)
        .map_err(|e| format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))?;
    let (text, title) = extract(content);
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty());
    let mut article = Article {
        id,
        title,
        text,
        ..Article::default()
    };
    article.ensure_id();
    Ok(article)
}

fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let mut content = Vec::new();
    File::open(path)?.read_to_end(&mut content)?;
    Ok(content)
}

/// Parses one JSONL line into an article with an id.
fn parse_line(line: &[u8]) -> Result<Article, String> {
    let text = std::str::from_utf8(line)
        .map_err(|e| format!("not valid UTF-8 (byte {})", e.valid_up_to()))?;
    let mut article = serde_json::from_str::<Article>(text).map_err(|e| {
        let message = e.to_string();
        // serde's "at line 1 column N" is noise for a one-line record: keep the column.
        match message.rsplit_once(" at line ") {
            Some((reason, place)) => format!(
                "{reason} (column {})",
                place.rsplit(' ').next().unwrap_or(place)
            ),
            None => message,
        }
    })?;
    article.ensure_id();
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_give_their_reason() {
        let err = parse_line(b"{\"id\": \"a\"}\n").unwrap_err();
        assert!(err.contains("missing field `text`"), "{err}");
        assert!(parse_line(b"{not json\n").is_err());
        assert_eq!(
            parse_line(b"\xff\xfe\n").unwrap_err(),
            "not valid UTF-8 (byte 0)"
        );
    }

    #[test]
    fn batches_respect_their_limits_and_keep_order() {
        let dir = std::env::temp_dir().join(format!("dossier-ingest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.jsonl");
        let lines: String = (0..5)
            .map(|i| format!("{{\"id\":\"{i}\",\"text\":\"t\"}}\n\n"))
            .collect();
        std::fs::write(&file, lines).unwrap();
        let mut reader = Reader::new(vec![
            Input::Jsonl(file.clone()),
            Input::Jsonl(dir.join("missing.jsonl")),
        ]);
        let first = reader.next_batch(3, usize::MAX);
        let second = reader.next_batch(3, usize::MAX);
        assert_eq!(first.len(), 3);
        assert_eq!(second.len(), 2);
        let last = second.into_iter().nth(1).unwrap();
        assert_eq!(last.origin.to_string(), format!("{}:9", file.display()));
        assert_eq!(last.into_article().unwrap().id.as_deref(), Some("4"));
        assert!(reader.next_batch(3, usize::MAX).is_empty());
        assert_eq!(reader.unreadable.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
