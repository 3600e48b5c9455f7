//! Turning the command line's paths into inputs: files by extension, directories walked
//! recursively in name order (so output order is deterministic), `-` for stdin.

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
/// unsupported type is an [`Error::BadPath`].
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Input>, Error> {
    if paths.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = fs::metadata(path).map_err(|e| bad_path(path, e))?;
        if meta.is_dir() {
            walk(path, &mut inputs)?;
        } else {
            let make = kind_of(path).ok_or_else(|| {
                bad_path(
                    path,
                    "unsupported file type: use .jsonl (one article per line), .txt, .md or .html",
                )
            })?;
            inputs.push(make(path.clone()));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>) -> Result<(), Error> {
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
        if path.is_dir() {
            walk(&path, inputs)?;
        } else if let Some(make) = kind_of(&path) {
            inputs.push(make(path));
        } else {
            inputs.push(Input::Other(path));
        }
    }
    Ok(())
}
