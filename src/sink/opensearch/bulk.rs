//! The `_bulk` files: newline-delimited JSON, for each article an action line
//! (`{"index":{"_id":…}}`) and its document line, in numbered files (`bulk-00001.ndjson` …)
//! of at most a given size, since a search cluster refuses a request past its limit (100 MB
//! by default) and indexes best in requests of a few megabytes. The `_id` is the article's
//! id, so loading a new export of the same articles replaces their documents instead of
//! adding copies. The action names no index: the request's URL does
//! (`POST /dossier/_bulk`).

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::source;
use super::template;
use crate::error::Error;
use crate::fingerprint::Fnv1a;
use crate::tagged::Tagged;

/// The name of the template's file in the export directory.
pub const TEMPLATE_FILE: &str = "index-template.json";

/// The longest `_id` a search cluster takes, in bytes. A longer article id (dossier takes
/// up to 16 KB) becomes a hash of it; the document still holds the whole id.
const MAX_ID_BYTES: usize = 512;

/// Bulk files being written into a directory.
pub struct BulkFiles {
    dir: PathBuf,
    max_bytes: u64,
    open: Option<OpenFile>,
    files: Vec<PathBuf>,
    articles: usize,
}

/// The file being filled: written under a temporary name, renamed when it is full or the
/// export ends, so a failed run never leaves a truncated file that a loader would send.
struct OpenFile {
    temporary: PathBuf,
    path: PathBuf,
    writer: BufWriter<File>,
    bytes: u64,
}

/// What an export wrote.
#[derive(Debug)]
pub struct Exported {
    /// The articles written.
    pub articles: usize,
    /// The bulk files, in order.
    pub files: Vec<PathBuf>,
    /// The index template.
    pub template: PathBuf,
}

impl BulkFiles {
    /// Bulk files of at most `max_bytes` each (one article larger than that has a file of its
    /// own) in `dir`, created if missing.
    pub fn create(dir: &Path, max_bytes: u64) -> Result<BulkFiles, Error> {
        fs::create_dir_all(dir).map_err(|e| io_error(dir, "cannot create the directory", e))?;
        Ok(BulkFiles {
            dir: dir.to_path_buf(),
            max_bytes,
            open: None,
            files: Vec::new(),
            articles: 0,
        })
    }

    /// The action and document lines of `tagged`: made on the worker threads, so that
    /// writing in input order is only a copy.
    pub fn entry(tagged: &Tagged) -> Vec<u8> {
        let id = tagged.article.id.as_deref().unwrap_or("");
        let action = serde_json::json!({ "index": { "_id": document_id(id) } });
        let mut entry = action.to_string().into_bytes();
        entry.push(b'\n');
        entry.extend_from_slice(&source::document(tagged));
        entry.push(b'\n');
        entry
    }

    /// Appends an [`BulkFiles::entry`], starting a new file when it would not fit.
    pub fn write_entry(&mut self, entry: &[u8]) -> Result<(), Error> {
        let size = entry.len() as u64;
        if self
            .open
            .as_ref()
            .is_some_and(|f| f.bytes > 0 && f.bytes + size > self.max_bytes)
        {
            self.close_file()?;
        }
        let open = match &mut self.open {
            Some(open) => open,
            None => self.open.insert(self.new_file()?),
        };
        open.writer
            .write_all(entry)
            .map_err(|e| io_error(&open.temporary, "cannot write", e))?;
        open.bytes += size;
        self.articles += 1;
        Ok(())
    }

    /// Closes the last file, writes the index template, and removes the bulk files of an
    /// earlier export into the same directory that this one did not write again (so loading
    /// the directory never sends stale articles).
    pub fn finish(mut self) -> Result<Exported, Error> {
        self.close_file()?;
        let template = self.dir.join(TEMPLATE_FILE);
        let json = serde_json::to_vec_pretty(&template::index_template())
            .map_err(|e| Error::Request(format!("the index template: {e}")))?;
        fs::write(&template, json).map_err(|e| io_error(&template, "cannot write", e))?;
        let stale = fs::read_dir(&self.dir)
            .map_err(|e| io_error(&self.dir, "cannot list", e))?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| numbered(path).is_some() && !self.files.contains(path));
        for path in stale.collect::<Vec<_>>() {
            fs::remove_file(&path).map_err(|e| io_error(&path, "cannot remove a stale file", e))?;
        }
        Ok(Exported {
            articles: self.articles,
            files: std::mem::take(&mut self.files),
            template,
        })
    }

    fn new_file(&self) -> Result<OpenFile, Error> {
        let name = file_name(self.files.len() + 1);
        let path = self.dir.join(&name);
        let temporary = self
            .dir
            .join(format!(".{name}.dossier-{}.tmp", std::process::id()));
        let file =
            File::create(&temporary).map_err(|e| io_error(&temporary, "cannot create", e))?;
        Ok(OpenFile {
            temporary,
            path,
            writer: BufWriter::with_capacity(1 << 20, file),
            bytes: 0,
        })
    }

    fn close_file(&mut self) -> Result<(), Error> {
        let Some(mut open) = self.open.take() else {
            return Ok(());
        };
        open.writer
            .flush()
            .map_err(|e| io_error(&open.temporary, "cannot write", e))?;
        fs::rename(&open.temporary, &open.path)
            .map_err(|e| io_error(&open.path, "cannot move the finished file into place", e))?;
        self.files.push(open.path);
        Ok(())
    }
}

impl Drop for BulkFiles {
    /// An export that did not finish leaves no temporary file behind.
    fn drop(&mut self) {
        if let Some(open) = self.open.take() {
            let _ = fs::remove_file(open.temporary);
        }
    }
}

/// The name of the `n`th bulk file.
fn file_name(n: usize) -> String {
    format!("bulk-{n:05}.ndjson")
}

/// The number of a bulk file, if `path` is named as one.
fn numbered(path: &Path) -> Option<usize> {
    let name = path.file_name()?.to_str()?;
    name.strip_prefix("bulk-")?
        .strip_suffix(".ndjson")?
        .parse()
        .ok()
}

/// The `_id` of the article `id`: the id itself, or a hash of an id too long for one.
pub fn document_id(id: &str) -> String {
    if id.len() <= MAX_ID_BYTES {
        return id.to_string();
    }
    let mut hash = Fnv1a::default();
    hash.write(id.as_bytes());
    format!("dossier-fnv1a-{:016x}-{}", hash.finish(), id.len())
}

fn io_error(path: &Path, what: &str, source: std::io::Error) -> Error {
    Error::Io {
        context: format!("{}: {what}", path.display()),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_stay_under_the_bound_and_a_new_export_removes_stale_files() {
        let dir = std::env::temp_dir().join(format!("dossier-bulk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let entry = |n: usize| format!("{{\"index\":{{\"_id\":\"{n}\"}}}}\n{{}}\n").into_bytes();
        let mut files = BulkFiles::create(&dir, 60).unwrap();
        for n in 0..10 {
            files.write_entry(&entry(n)).unwrap();
        }
        let first = files.finish().unwrap();
        assert_eq!(first.articles, 10);
        assert!(first.files.len() > 1);
        for file in &first.files {
            assert!(fs::metadata(file).unwrap().len() <= 60);
        }
        let mut files = BulkFiles::create(&dir, 1 << 20).unwrap();
        files.write_entry(&entry(0)).unwrap();
        let second = files.finish().unwrap();
        let left: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| numbered(&e.unwrap().path()))
            .collect();
        assert_eq!(left, [1], "{second:?}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_overlong_id_becomes_a_stable_hash() {
        let long = "x".repeat(600);
        assert_eq!(document_id(&long), document_id(&long));
        assert!(document_id(&long).len() < MAX_ID_BYTES);
        assert_eq!(document_id("abc"), "abc");
    }
}
