//! The library's one error type. Each kind says what went wrong and where, in words a user
//! can act on, and is a variant a caller can match: a bad input record, a lexicon problem, an
//! index that is missing, foreign or of another format, a query with a syntax error, I/O.

use std::io;
use std::path::{Path, PathBuf};

/// What can go wrong in `dossier`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input record (a JSONL line, a file) that is not an article: the run goes on
    /// without it. `origin` is `file:line` or `file`.
    #[error("{origin}: {reason}")]
    BadRecord {
        /// Where the record is: `file:line` for a JSONL line, the file for a whole-file
        /// article.
        origin: String,
        /// Why it could not be read.
        reason: String,
    },
    /// A path given as input that cannot be read at all (missing, of an unsupported type):
    /// reported before any work starts.
    #[error("{}: {reason}", path.display())]
    BadPath {
        /// The path as given.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The lexicons could not be read or compiled.
    #[error("lexicon: {0}")]
    Lexicon(String),
    /// There is no index in this directory.
    #[error(
        "no index at {}: build one with `dossier index PATH --index {}`",
        dir.display(),
        dir.display()
    )]
    IndexMissing {
        /// The directory searched.
        dir: PathBuf,
    },
    /// The directory holds something that is not a dossier index.
    #[error("{} {reason}: pass another --index DIR", dir.display())]
    IndexForeign {
        /// The directory.
        dir: PathBuf,
        /// What it holds instead ("is a tantivy index that dossier did not make").
        reason: String,
    },
    /// The index was made with another layout and must be rebuilt.
    #[error(
        "{} was made by a dossier with index format {found}, and this one reads format \
         {expected}: rebuild it (delete the directory and run `dossier index` again) or pass \
         a new --index DIR",
        dir.display()
    )]
    IndexFormat {
        /// The directory.
        dir: PathBuf,
        /// The format the index has (0 when its fields differ from what its marker says).
        found: u32,
        /// The format this build reads and writes.
        expected: u32,
    },
    /// A document of the index cannot be read back (it was damaged, or written by another
    /// build of dossier with the same format number).
    #[error("{0}: rebuild the index (delete the directory and run `dossier index` again)")]
    IndexCorrupt(String),
    /// Reading or writing the index failed.
    #[error("{context}")]
    Index {
        /// What was being done, with the index directory where known.
        context: String,
        /// tantivy's error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// A search query that does not parse; `column` is the 1-based character where it breaks.
    #[error("{}", query_message(query, *column, message))]
    Query {
        /// The query as given.
        query: String,
        /// Where it goes wrong, when known.
        column: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A request the index cannot answer: an unknown field or facet, a bad date, a bad option.
    #[error("{0}")]
    Request(String),
    /// Reading or writing a file failed.
    #[error("{context}")]
    Io {
        /// What was being done, with the path where known.
        context: String,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An I/O error while doing `what` to `path`.
    pub(crate) fn io(path: &Path, what: &str, source: io::Error) -> Error {
        Error::Io {
            context: format!("{}: {what}", path.display()),
            source,
        }
    }

    /// A tantivy error while doing `what`.
    pub(crate) fn index(what: impl Into<String>, source: tantivy::TantivyError) -> Error {
        Error::Index {
            context: what.into(),
            source,
        }
    }
}

/// An I/O error reading the index's column of ids.
pub(crate) fn reading_ids(source: io::Error) -> Error {
    Error::Io {
        context: "reading the index's ids".to_string(),
        source,
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(source: tantivy::TantivyError) -> Error {
        Error::index("the index could not be read", source)
    }
}

/// A query's syntax error, with a caret under the column where it breaks.
fn query_message(query: &str, column: Option<usize>, message: &str) -> String {
    let mut out = format!("the query has a syntax error: {message}");
    if let Some(column) = column {
        out.push_str(&format!(
            " at column {column}\n  {query}\n  {:>column$}",
            "^"
        ));
    }
    out
}
