//! Opening an index directory: created on first use, and refused with a clear message when it
//! is missing, is not a dossier index, or was made with another layout.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use tantivy::{IndexReader, Searcher};

use super::facet_counts::BucketCache;
use super::facets::DimensionCache;
use super::read_only::{self, ReadOnlyDirectory};
use super::schema::{FORMAT, Fields, analyzers};
use crate::error::Error;

/// The file beside tantivy's own that says which layout the index has.
const MARKER: &str = "dossier-index.json";

/// An open dossier index: tagged articles for full-text and faceted search, and their facts.
pub struct Index {
    pub(crate) index: tantivy::Index,
    pub(crate) fields: Fields,
    dir: PathBuf,
    /// Opened on the first search and kept: opening the segments costs more than most
    /// queries.
    reader: OnceLock<IndexReader>,
    /// Each segment's facet ordinals mapped to values, kept across searches.
    pub(crate) buckets: Arc<BucketCache>,
    /// Each dimension's facets, for resolving filters, kept until the segments change.
    pub(crate) dimensions: DimensionCache,
}

impl Index {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path) -> Result<Index, Error> {
        if !dir.exists() {
            return Err(Error::IndexMissing {
                dir: dir.to_path_buf(),
            });
        }
        Index::open_existing(dir)
    }

    /// Opens the index in `dir` for writing, creating it if the directory is new or empty.
    pub fn open_or_create(dir: &Path) -> Result<Index, Error> {
        let empty = match fs::read_dir(dir) {
            Ok(mut entries) => entries.next().is_none(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => return Err(Error::io(dir, "cannot read", e)),
        };
        if !empty {
            return Index::open_existing(dir);
        }
        let building = building_dir(dir)?;
        let made = create_in(&building);
        // Moved into place whole: a run killed while creating leaves no half-made index,
        // and of two first runs racing, the second finds the first's and opens it.
        let placed = made.and_then(|()| {
            fs::rename(&building, dir).map_err(|e| Error::io(dir, "cannot create", e))
        });
        if placed.is_err() {
            let _ = fs::remove_dir_all(&building);
            if let Ok(index) = Index::open_existing(dir) {
                return Ok(index);
            }
        }
        placed?;
        Index::open_existing(dir)
    }

    fn open_existing(dir: &Path) -> Result<Index, Error> {
        let format = read_format(dir)?;
        let outdated = |found| Error::IndexFormat {
            dir: dir.to_path_buf(),
            found,
            expected: FORMAT,
        };
        if format != FORMAT {
            return Err(outdated(format));
        }
        let cannot_open = |e| Error::index(format!("{}: cannot open the index", dir.display()), e);
        // Searching needs only read access: where no file can be created, the index is read
        // without tantivy's lock files.
        let index = if read_only::is_writable(dir) {
            tantivy::Index::open_in_dir(dir)
        } else {
            ReadOnlyDirectory::open(dir).and_then(tantivy::Index::open)
        }
        .map_err(cannot_open)?;
        let fields = Fields::default();
        if index.schema() != fields.schema {
            // The marker says this format, the fields say otherwise.
            return Err(outdated(0));
        }
        Ok(Index::ready(dir, index, fields))
    }

    fn ready(dir: &Path, index: tantivy::Index, fields: Fields) -> Index {
        for (name, analyzer) in analyzers() {
            index.tokenizers().register(name, analyzer);
        }
        Index {
            index,
            fields,
            dir: dir.to_path_buf(),
            reader: OnceLock::new(),
            buckets: Arc::default(),
            dimensions: DimensionCache::default(),
        }
    }

    /// The index's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Which commit searches see now: it changes when the reader reloads after a commit, so
    /// an answer kept under it is never stale.
    pub fn generation(&self) -> Result<u64, Error> {
        Ok(self.searcher()?.generation().generation_id())
    }

    /// A searcher over the last commit.
    pub(crate) fn searcher(&self) -> Result<Searcher, Error> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader.searcher());
        }
        let reader = self.index.reader()?;
        Ok(self.reader.get_or_init(|| reader).searcher())
    }
}

/// A new directory beside `dir` to build its index in, named so that a leftover is hidden
/// and says what it is.
fn building_dir(dir: &Path) -> Result<PathBuf, Error> {
    let name = dir
        .file_name()
        .ok_or_else(|| Error::Request(format!("{}: not a directory name", dir.display())))?;
    let mut hidden = std::ffi::OsString::from(".");
    hidden.push(name);
    hidden.push(format!(".dossier-new-{}", std::process::id()));
    let building = dir.with_file_name(hidden);
    if let Some(parent) = building.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, "cannot create", e))?;
    }
    let _ = fs::remove_dir_all(&building);
    fs::create_dir(&building).map_err(|e| Error::io(&building, "cannot create", e))?;
    Ok(building)
}

/// An empty index of this layout, with its marker, in the empty directory `dir`.
fn create_in(dir: &Path) -> Result<(), Error> {
    let fields = Fields::default();
    tantivy::Index::create_in_dir(dir, fields.schema.clone())
        .map_err(|e| Error::index(format!("{}: cannot create an index", dir.display()), e))?;
    let marker = serde_json::json!({
        "format": FORMAT,
        "created_by": concat!("dossier ", env!("CARGO_PKG_VERSION")),
    });
    fs::write(dir.join(MARKER), format!("{marker}\n"))
        .map_err(|e| Error::io(dir, &format!("cannot write {MARKER}"), e))
}

/// The layout version recorded in `dir`, or why `dir` is not a dossier index.
fn read_format(dir: &Path) -> Result<u32, Error> {
    let marker: PathBuf = dir.join(MARKER);
    let foreign = |reason: String| Error::IndexForeign {
        dir: dir.to_path_buf(),
        reason,
    };
    let content = match fs::read_to_string(&marker) {
        Ok(content) => content,
        Err(_) if dir.join("meta.json").exists() => {
            return Err(foreign(
                "is a tantivy index that dossier did not make".to_string(),
            ));
        }
        Err(_) => {
            return Err(foreign(format!(
                "is not a dossier index (it has no {MARKER}) and is not empty"
            )));
        }
    };
    serde_json::from_str::<serde_json::Value>(&content)
        .ok()
        .and_then(|v| v.get("format")?.as_u64())
        .and_then(|f| u32::try_from(f).ok())
        .ok_or_else(|| {
            foreign(format!(
                "has an unreadable {MARKER} (delete the directory to rebuild the index)"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dossier-store-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn missing_foreign_and_other_format_indexes_are_refused() {
        let missing = scratch("missing");
        let err = Index::open(&missing).err().unwrap().to_string();
        assert!(err.contains("no index at"), "{err}");

        let foreign = scratch("foreign");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "x").unwrap();
        let err = Index::open_or_create(&foreign).err().unwrap().to_string();
        assert!(err.contains("is not a dossier index"), "{err}");

        let old = scratch("old");
        Index::open_or_create(&old).unwrap();
        Index::open(&old).unwrap();
        fs::write(old.join(MARKER), "{\"format\": 0}").unwrap();
        let err = Index::open(&old).err().unwrap().to_string();
        assert!(err.contains("index format 0"), "{err}");
        for dir in [foreign, old] {
            fs::remove_dir_all(dir).unwrap();
        }
    }
}
