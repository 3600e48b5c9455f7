//! Where a command writes: stdout, or a file. A file is written under a temporary name beside
//! it and renamed into place only when the run succeeds, so an interrupted or failed run never
//! leaves a half-written file, and an output that is one of the inputs is refused before
//! anything is written (`dossier tag F -o F` would otherwise empty F).

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::ingest::Input;

/// The output of a run.
pub struct Output {
    writer: BufWriter<Box<dyn Write + Send>>,
    /// The temporary file and the path it becomes on [`Output::commit`].
    file: Option<(PathBuf, PathBuf)>,
}

impl Output {
    /// `path`, or stdout if none. Fails if `path` is one of `inputs`.
    pub fn create(path: Option<&Path>, inputs: &[Input]) -> anyhow::Result<Output> {
        let Some(path) = path else {
            return Ok(Output {
                writer: BufWriter::with_capacity(1 << 20, Box::new(io::stdout())),
                file: None,
            });
        };
        if let Some(input) = inputs.iter().find(|input| same_file(input, path)) {
            bail!(
                "{}: the output is also an input ({}): write to another file",
                path.display(),
                input.name()
            );
        }
        // A device or a pipe (`-o /dev/null`, `-o >(gzip …)`) is written as it is: renaming
        // a file over it would replace it. A link is followed to the file it names.
        let target = match fs::metadata(path) {
            Ok(meta) if !meta.is_file() => {
                let file = File::create(path)
                    .with_context(|| format!("{}: cannot open", path.display()))?;
                return Ok(Output {
                    writer: BufWriter::with_capacity(1 << 20, Box::new(file)),
                    file: None,
                });
            }
            Ok(_) => fs::canonicalize(path)
                .with_context(|| format!("{}: cannot resolve", path.display()))?,
            Err(_) => path.to_path_buf(),
        };
        let path = target.as_path();
        let name = path
            .file_name()
            .with_context(|| format!("{}: not a file name", path.display()))?;
        let mut temporary_name = std::ffi::OsString::from(".");
        temporary_name.push(name);
        temporary_name.push(format!(".dossier-{}.tmp", std::process::id()));
        let temporary = path.with_file_name(temporary_name);
        let file = File::create(&temporary)
            .with_context(|| format!("{}: cannot create", path.display()))?;
        Ok(Output {
            writer: BufWriter::with_capacity(1 << 20, Box::new(file)),
            file: Some((temporary, path.to_path_buf())),
        })
    }

    /// Flushes the output and, for a file, moves it into place.
    pub fn commit(mut self) -> anyhow::Result<()> {
        self.writer.flush().context("writing the output")?;
        if let Some((temporary, path)) = self.file.take() {
            fs::rename(&temporary, &path).with_context(|| {
                format!(
                    "{}: cannot move the finished output into place",
                    path.display()
                )
            })?;
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl Drop for Output {
    /// A run that did not commit leaves nothing behind.
    fn drop(&mut self) {
        if let Some((temporary, _)) = self.file.take() {
            let _ = fs::remove_file(temporary);
        }
    }
}

/// Whether `input` is the file at `path`, whatever the names (a link, `./F` and `F`).
fn same_file(input: &Input, path: &Path) -> bool {
    let (Input::Jsonl(file) | Input::Text(file) | Input::Html(file)) = input else {
        return false;
    };
    is_same_file(file, path)
}

/// The same device and inode.
#[cfg(unix)]
fn is_same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// The same canonical path.
#[cfg(not(unix))]
fn is_same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
