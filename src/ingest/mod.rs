//! Readers: JSONL files, plain-text and Markdown files, directories of them, and stdin,
//! streamed in batches so memory stays flat however large the input.

mod text_file;
mod walk;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::article::Article;

pub use walk::{InputError, expand};

/// One input the reader goes through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Jsonl(PathBuf),
    Text(PathBuf),
}

impl Input {
    /// The name used in messages: the path, or `-` for stdin.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::Jsonl(p) | Input::Text(p) => p.display().to_string(),
        }
    }
}

/// An article read, or the reason a line or file could not be read, with its location.
#[derive(Debug)]
pub struct Record {
    /// `file:line` (or just `file` for whole-file articles).
    pub origin: String,
    pub article: Result<Article, String>,
}

/// Reads the inputs in order and hands out batches of records.
pub struct Reader {
    inputs: std::vec::IntoIter<Input>,
    current: Option<(String, Box<dyn BufRead + Send>, usize)>,
    line: Vec<u8>,
    bytes_read: u64,
    /// Files that could not be opened or read: reported, and the run fails at the end.
    pub unreadable: Vec<String>,
}

impl Reader {
    pub fn new(inputs: Vec<Input>) -> Reader {
        Reader {
            inputs: inputs.into_iter(),
            current: None,
            line: Vec::new(),
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
            self.line.clear();
            match reader.read_until(b'\n', &mut self.line) {
                Ok(0) => self.current = None,
                Ok(n) => {
                    *line_no += 1;
                    bytes += n;
                    self.bytes_read += n as u64;
                    if let Some(record) = parse_line(&self.line, name, *line_no) {
                        batch.push(record);
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
        let name = input.name();
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
            Input::Text(path) => match read_file(&path) {
                Ok(content) => {
                    *bytes += content.len();
                    self.bytes_read += content.len() as u64;
                    batch.push(Record {
                        origin: name,
                        article: text_file::article(&path, content),
                    });
                }
                Err(e) => self.unreadable.push(format!("{name}: {e}")),
            },
        }
        true
    }
}

fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let mut content = Vec::new();
    File::open(path)?.read_to_end(&mut content)?;
    Ok(content)
}

/// Parses one JSONL line; blank lines give nothing.
fn parse_line(line: &[u8], name: &str, line_no: usize) -> Option<Record> {
    let origin = || format!("{name}:{line_no}");
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let article = match std::str::from_utf8(line) {
        Err(e) => Err(format!("not valid UTF-8 (byte {})", e.valid_up_to())),
        Ok(text) => serde_json::from_str::<Article>(text).map_err(|e| {
            let message = e.to_string();
            // serde's "at line 1 column N" is noise for a one-line record: keep the column.
            match message.rsplit_once(" at line ") {
                Some((reason, place)) => format!(
                    "{reason} (column {})",
                    place.rsplit(' ').next().unwrap_or(place)
                ),
                None => message,
            }
        }),
    };
    let article = article.map(|mut a| {
        a.ensure_id();
        a
    });
    Some(Record {
        origin: origin(),
        article,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_reported_with_their_location() {
        let r = parse_line(b"{\"id\": \"a\"}\n", "in.jsonl", 3).unwrap();
        assert_eq!(r.origin, "in.jsonl:3");
        let err = r.article.unwrap_err();
        assert!(err.contains("missing field `text`"), "{err}");
        let r = parse_line(b"{not json\n", "in.jsonl", 4).unwrap();
        assert!(r.article.is_err());
        let r = parse_line(b"\xff\xfe\n", "in.jsonl", 5).unwrap();
        assert_eq!(r.article.unwrap_err(), "not valid UTF-8 (byte 0)");
        assert!(parse_line(b"  \n", "in.jsonl", 6).is_none());
    }

    #[test]
    fn batches_respect_their_limits_and_keep_order() {
        let dir = std::env::temp_dir().join(format!("dossier-ingest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("a.jsonl");
        let lines: String = (0..5)
            .map(|i| format!("{{\"id\":\"{i}\",\"text\":\"t\"}}\n"))
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
        assert_eq!(second[1].article.as_ref().unwrap().id.as_deref(), Some("4"));
        assert!(reader.next_batch(3, usize::MAX).is_empty());
        assert_eq!(reader.unreadable.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
