//! Opening an index directory: created on first use, and refused with a clear message when it
//! is missing, is not a dossier index, or was made with another layout.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{Context as _, bail};

use tantivy::{Index, IndexReader, Searcher};

use super::schema::{ANALYZER, FORMAT, Fields, analyzer};

/// The file beside tantivy's own that says which layout the index has.
const MARKER: &str = "dossier-index.json";

/// An open index with its field handles.
pub struct Store {
    pub index: Index,
    pub fields: Fields,
    /// Opened on the first search and kept: opening the segments costs more than most
    /// queries.
    reader: OnceLock<IndexReader>,
}

impl Store {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: &Path) -> anyhow::Result<Store> {
        if !dir.exists() {
            bail!(
                "no index at {}: build one with `dossier index PATH --index {}`",
                dir.display(),
                dir.display()
            );
        }
        Store::open_existing(dir)
    }

    /// Opens the index in `dir` for writing, creating it if the directory is new or empty.
    pub fn open_or_create(dir: &Path) -> anyhow::Result<Store> {
        let empty = match fs::read_dir(dir) {
            Ok(mut entries) => entries.next().is_none(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => return Err(e).with_context(|| format!("{}: cannot read", dir.display())),
        };
        if !empty {
            return Store::open_existing(dir);
        }
        fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
        let fields = Fields::default();
        let index = Index::create_in_dir(dir, fields.schema.clone())
            .with_context(|| format!("{}: cannot create an index", dir.display()))?;
        let marker = serde_json::json!({
            "format": FORMAT,
            "created_by": concat!("dossier ", env!("CARGO_PKG_VERSION")),
        });
        fs::write(dir.join(MARKER), format!("{marker}\n"))
            .with_context(|| format!("{}: cannot write {MARKER}", dir.display()))?;
        Ok(Store::ready(index, fields))
    }

    fn open_existing(dir: &Path) -> anyhow::Result<Store> {
        let format = read_format(dir)?;
        if format != FORMAT {
            bail!(
                "{} was made by a dossier with index format {format}, and this one reads format \
                 {FORMAT}: rebuild it (delete the directory and run `dossier index` again) or \
                 pass a new --index DIR",
                dir.display()
            );
        }
        let index = Index::open_in_dir(dir)
            .with_context(|| format!("{}: cannot open the index", dir.display()))?;
        let fields = Fields::default();
        if index.schema() != fields.schema {
            bail!(
                "{}: the index's fields differ from the ones this dossier writes (format \
                 {FORMAT}): rebuild it (delete the directory and run `dossier index` again)",
                dir.display()
            );
        }
        Ok(Store::ready(index, fields))
    }

    fn ready(index: Index, fields: Fields) -> Store {
        index.tokenizers().register(ANALYZER, analyzer());
        Store {
            index,
            fields,
            reader: OnceLock::new(),
        }
    }

    /// A searcher over the last commit.
    pub fn searcher(&self) -> tantivy::Result<Searcher> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader.searcher());
        }
        let reader = self.index.reader()?;
        Ok(self.reader.get_or_init(|| reader).searcher())
    }
}

/// The layout version recorded in `dir`, or why `dir` is not a dossier index.
fn read_format(dir: &Path) -> anyhow::Result<u32> {
    let marker: PathBuf = dir.join(MARKER);
    let content = match fs::read_to_string(&marker) {
        Ok(content) => content,
        Err(_) if dir.join("meta.json").exists() => bail!(
            "{} is a tantivy index that dossier did not make: pass another --index DIR",
            dir.display()
        ),
        Err(_) => bail!(
            "{} is not a dossier index (it has no {MARKER}) and is not empty: pass another \
             --index DIR",
            dir.display()
        ),
    };
    serde_json::from_str::<serde_json::Value>(&content)
        .ok()
        .and_then(|v| v.get("format")?.as_u64())
        .and_then(|f| u32::try_from(f).ok())
        .with_context(|| format!("{}: unreadable, rebuild the index", marker.display()))
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
        let err = Store::open(&missing).err().unwrap().to_string();
        assert!(err.contains("no index at"), "{err}");

        let foreign = scratch("foreign");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "x").unwrap();
        let err = Store::open_or_create(&foreign).err().unwrap().to_string();
        assert!(err.contains("is not a dossier index"), "{err}");

        let old = scratch("old");
        Store::open_or_create(&old).unwrap();
        Store::open(&old).unwrap();
        fs::write(old.join(MARKER), "{\"format\": 0}").unwrap();
        let err = Store::open(&old).err().unwrap().to_string();
        assert!(err.contains("index format 0"), "{err}");
        for dir in [foreign, old] {
            fs::remove_dir_all(dir).unwrap();
        }
    }
}
