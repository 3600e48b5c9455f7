//! Turning the command line's paths into inputs: files by extension, directories walked
//! recursively in name order (so output order is deterministic), `-` for stdin.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::Input;
use crate::error::Error;

/// A path that cannot be used, said so before any work starts.
fn bad_path(path: &Path, reason: impl ToString) -> Error {
    Error::BadPath {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

fn kind_of(path: &Path) -> Option<fn(PathBuf) -> Input> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "jsonl" | "ndjson" => Some(Input::Jsonl),
        "txt" | "md" | "markdown" => Some(Input::Text),
        "html" | "htm" => Some(Input::Html),
        _ => None,
    }
}

/// The input a file is read as, by its extension.
pub fn input_for(path: &Path) -> Option<Input> {
    kind_of(path).map(|make| make(path.to_path_buf()))
}

/// The inputs named by `paths`; no paths means stdin. A path that does not exist or has an
/// unsupported type is an [`Error::BadPath`]. Directories are walked recursively in name
/// order; a directory or file reached a second time (through a link, or a link loop) is read
/// once, and special files met in a directory (pipes, sockets, devices) are skipped with a
/// note rather than read, since reading a pipe would wait forever.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Input>, Error> {
    if paths.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    let mut walk = Walk::default();
    for path in paths {
        if path.as_os_str() == "-" {
            walk.inputs.push(Input::Stdin);
            continue;
        }
        let meta = fs::metadata(path).map_err(|e| bad_path(path, e))?;
        if meta.is_dir() {
            walk.directory(path, &meta)?;
        } else {
            let make = kind_of(path).ok_or_else(|| {
                bad_path(
                    path,
                    "unsupported file type: use .jsonl (one article per line), .txt, .md or .html",
                )
            })?;
            // A pipe named on the command line is meant to be read (`<(zcat a.jsonl.gz)`).
            if walk.first_visit(&meta) {
                walk.inputs.push(make(path.clone()));
            }
        }
    }
    Ok(walk.inputs)
}

/// The inputs found so far, and the directories and files already met.
#[derive(Default)]
struct Walk {
    inputs: Vec<Input>,
    seen: HashSet<(u64, u64)>,
}

impl Walk {
    /// Whether the file or directory of `meta` is met for the first time.
    fn first_visit(&mut self, meta: &fs::Metadata) -> bool {
        identity(meta).is_none_or(|id| self.seen.insert(id))
    }

    fn directory(&mut self, dir: &Path, meta: &fs::Metadata) -> Result<(), Error> {
        if !self.first_visit(meta) {
            self.inputs.push(Input::Skipped(
                dir.to_path_buf(),
                "a directory already read: skipped",
            ));
            return Ok(());
        }
        let read = |e: std::io::Error| bad_path(dir, e);
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .map_err(read)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(read)?;
        entries.sort();
        for path in entries {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            // Following links, as a user's tree of links to folders expects.
            let Ok(meta) = fs::metadata(&path) else {
                self.inputs.push(Input::Skipped(
                    path,
                    "a broken link or unreadable entry: skipped",
                ));
                continue;
            };
            if meta.is_dir() {
                self.directory(&path, &meta)?;
            } else if !meta.is_file() {
                self.inputs.push(Input::Skipped(
                    path,
                    "not a regular file (a pipe, socket or device): skipped",
                ));
            } else if !self.first_visit(&meta) {
                self.inputs.push(Input::Skipped(
                    path,
                    "the same file as one already read: skipped",
                ));
            } else if let Some(make) = kind_of(&path) {
                self.inputs.push(make(path));
            } else {
                self.inputs.push(Input::Skipped(
                    path,
                    "not an article file (.jsonl, .txt, .md, .html): skipped",
                ));
            }
        }
        Ok(())
    }
}

/// A file's device and inode, which no two names of one file differ in.
#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// Without inodes, every name is taken as a file of its own.
#[cfg(not(unix))]
fn identity(_meta: &fs::Metadata) -> Option<(u64, u64)> {
    None
}
