//! Turning the command line's paths into inputs: files by extension, directories walked
//! recursively in name order (so output order is deterministic), `-` for stdin.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use super::Input;

/// A path that cannot be used, said so before any work starts.
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

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

/// The inputs named by `paths`; no paths means stdin.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Input>, InputError> {
    if paths.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta =
            fs::metadata(path).map_err(|e| InputError(format!("{}: {e}", path.display())))?;
        if meta.is_dir() {
            walk(path, &mut inputs)?;
        } else {
            let make = kind_of(path).ok_or_else(|| {
                InputError(format!(
                    "{}: unsupported file type: use .jsonl (one article per line), .txt, .md or .html",
                    path.display()
                ))
            })?;
            inputs.push(make(path.clone()));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>) -> Result<(), InputError> {
    let read = |e: std::io::Error| InputError(format!("{}: {e}", dir.display()));
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
