//! Readers: JSONL files, plain-text, Markdown and HTML files, directories of them, and stdin,
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
use crate::error::Error;
use crate::published::PublicationDate;

pub use walk::expand;

/// One input the reader goes through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// JSONL on standard input.
    Stdin,
    /// A JSONL file: one article per line.
    Jsonl(PathBuf),
    /// A plain-text or Markdown file: one article.
    Text(PathBuf),
    /// An HTML page: one article.
    Html(PathBuf),
    /// A file met while walking a directory that is not read, with the reason: reported as
    /// skipped.
    Skipped(PathBuf, &'static str),
}

impl Input {
    /// The name used in messages: the path, or `-` for stdin.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::Jsonl(p) | Input::Text(p) | Input::Html(p) | Input::Skipped(p, _) => {
                p.display().to_string()
            }
        }
    }
}

/// Where a record came from: a file (or `-`) and, for JSONL, the line.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
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
pub(crate) struct Record {
    pub origin: Origin,
    payload: Payload,
}

#[derive(Debug)]
enum Payload {
    JsonLine(Vec<u8>),
    TextFile(Vec<u8>),
    HtmlFile(Vec<u8>),
    /// A page already decoded to text: a charset it declares no longer applies.
    HtmlText(String),
}

impl Record {
    /// The article, or why it could not be read ([`Error::BadRecord`], at its origin).
    pub(crate) fn into_article(self) -> Result<Article, Error> {
        let bad = |reason: String| Error::BadRecord {
            origin: self.origin.to_string(),
            reason,
        };
        let article = match self.payload {
            Payload::JsonLine(line) => parse_line(&line).map_err(bad),
            Payload::TextFile(content) => {
                file_article(content, |text| utf8(text).map(text_file::read)).map_err(bad)
            }
            Payload::HtmlFile(content) => {
                file_article(content, |page| html::read(&page)).map_err(bad)
            }
            Payload::HtmlText(page) => {
                file_article(page, |page| html::read_text(&page)).map_err(bad)
            }
        }?;
        let id_length = article.id.as_deref().map_or(0, str::len);
        if id_length > MAX_ID_BYTES {
            return Err(bad(format!(
                "the id is {id_length} bytes long; an id (the key of an article in the index) \
                 is at most {MAX_ID_BYTES} bytes"
            )));
        }
        if let Some(date) = article
            .published
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            && PublicationDate::parse(date).is_none()
        {
            return Err(bad(format!(
                "bad date '{date}': use YYYY-MM-DD (or YYYY-MM, YYYY, an ISO timestamp)"
            )));
        }
        Ok(article)
    }
}

/// The longest id an article may have. The index keys articles by id, and tantivy does not
/// index a term longer than about 64 KB: a longer id could not be found again, so re-runs
/// would add the article again instead of replacing it.
const MAX_ID_BYTES: usize = 16 * 1024;

/// The article of one .txt, .md or .html file, read as `dossier` reads it.
pub fn article_from_file(path: &Path) -> Result<Article, Error> {
    let content = read_file(path).map_err(|e| Error::io(path, "cannot read", e))?;
    let payload = match walk::input_for(path) {
        Some(Input::Html(_)) => Payload::HtmlFile(content),
        Some(Input::Text(_)) => Payload::TextFile(content),
        _ => {
            return Err(Error::BadPath {
                path: path.to_path_buf(),
                reason: "not a .txt, .md or .html file".to_string(),
            });
        }
    };
    let origin = Origin {
        file: Arc::from(path.display().to_string()),
        line: None,
    };
    Record { origin, payload }.into_article()
}

/// The article of one JSONL line, read as a line of a `.jsonl` file is (a missing id is
/// derived from the content). A line that is not an article is an [`Error::BadRecord`] at
/// `-`, with the reason a run would report.
pub fn article_from_json_line(line: &[u8]) -> Result<Article, Error> {
    standalone(Payload::JsonLine(line.to_vec()))
}

/// The article of an HTML page, read as an `.html` file is, without a file. The page is
/// text already, so a charset it declares is not applied again. A page that gives no article
/// (no text, nested too deep) is an [`Error::BadRecord`] at `-`.
pub fn article_from_html(page: &str) -> Result<Article, Error> {
    standalone(Payload::HtmlText(page.to_string()))
}

/// A record that comes from no file: its origin in messages is `-`.
fn standalone(payload: Payload) -> Result<Article, Error> {
    let origin = Origin {
        file: Arc::from("-"),
        line: None,
    };
    Record { origin, payload }.into_article()
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
    /// A reader of `inputs`, in order.
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

    /// A reader of the files and directories `paths` name (stdin if none), as
    /// [`expand`] finds them.
    pub fn from_paths(paths: &[PathBuf]) -> Result<Reader, Error> {
        Ok(Reader::new(expand(paths)?))
    }

    /// Up to `max_records` records or about `max_bytes` of input, whichever comes first; empty
    /// when every input is done.
    pub(crate) fn next_batch(&mut self, max_records: usize, max_bytes: usize) -> Vec<Record> {
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
            Input::Text(path) => self.read_whole(name, &path, Payload::TextFile, batch, bytes),
            Input::Html(path) => self.read_whole(name, &path, Payload::HtmlFile, batch, bytes),
            // Said when the inputs were listed; nothing to read.
            Input::Skipped(..) => {}
        }
        true
    }
}

impl Reader {
    /// Reads a whole-file article into the batch (to be parsed on a worker thread), or
    /// records why the file cannot be read.
    fn read_whole(
        &mut self,
        name: Arc<str>,
        path: &Path,
        payload: fn(Vec<u8>) -> Payload,
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
                    payload: payload(content),
                });
            }
            Err(e) => self.unreadable.push(format!("{name}: {e}")),
        }
    }
}

/// A whole file as one article, read by `read`; an article without an id gets one derived
/// from its content.
fn file_article<C>(
    content: C,
    read: impl FnOnce(C) -> Result<Article, String>,
) -> Result<Article, String> {
    let mut article = read(content)?;
    if article.text.trim().is_empty() {
        return Err("no article text in this file".to_string());
    }
    article.ensure_id();
    article.read_from_file = true;
    Ok(article)
}

/// A text file's content, which must be UTF-8.
fn utf8(content: Vec<u8>) -> Result<String, String> {
    String::from_utf8(content)
        .map_err(|e| format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))
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
    fn a_line_or_a_page_without_a_file_reads_as_one_with_a_file() {
        let article = article_from_json_line(b"{\"text\": \"t\"}\n").unwrap();
        assert_eq!(article.text, "t");
        assert_eq!(article.id.as_deref().map(str::len), Some(16));
        let err = article_from_json_line(b"{\"id\": \"a\"}").unwrap_err();
        assert!(
            matches!(&err, Error::BadRecord { origin, reason }
                if origin == "-" && reason.contains("missing field `text`")),
            "{err}"
        );
        let page = "<html><head><title>T</title></head><body><p>Story.</p></body></html>";
        let article = article_from_html(page).unwrap();
        assert_eq!(article.text, "Story.");
        assert!(article.id.is_some());
        let err = article_from_html("<html><body><nav>x</nav></body></html>").unwrap_err();
        assert_eq!(err.to_string(), "-: no article text in this file");
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
