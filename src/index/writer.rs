//! Adding tagged articles to an index: new ones are added, changed ones replace the old
//! document (delete + add), unchanged ones are skipped before they are even tagged. Commits
//! are atomic, so a run that is interrupted leaves the last commit searchable, and running it
//! again completes it.

use std::collections::{HashMap, HashSet};

use anyhow::Context as _;
use tantivy::schema::Term;
use tantivy::{IndexWriter, ReloadPolicy, TantivyDocument};

use super::store::Store;

/// The indexing memory budget: tantivy flushes a segment when it is used up.
const MEMORY_BUDGET: usize = 256 << 20;

/// What indexing an article does to the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Replaced,
    Unchanged,
}

/// The ids and fingerprints of the articles indexed at the start of a run. Read-only, so the
/// worker threads can skip unchanged articles before tagging them.
pub struct Indexed(HashMap<String, u64>);

impl Indexed {
    pub fn load(store: &Store) -> anyhow::Result<Indexed> {
        // A reader of its own: the store's may not have seen the latest commit yet.
        let searcher = store.index.reader()?.searcher();
        let mut known = HashMap::new();
        let mut id = String::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let ids = fast.str("id")?.context("the index has no id column")?;
            let fingerprints = fast.u64("fingerprint")?;
            for doc in segment.doc_ids_alive() {
                let Some(ord) = ids.term_ords(doc).next() else {
                    continue;
                };
                ids.ord_to_str(ord, &mut id)?;
                known.insert(id.clone(), fingerprints.first(doc).unwrap_or(0));
            }
        }
        Ok(Indexed(known))
    }

    /// What indexing the article `id` with `fingerprint` would do.
    pub fn change(&self, id: &str, fingerprint: u64) -> Change {
        match self.0.get(id) {
            None => Change::New,
            Some(&known) if known == fingerprint => Change::Unchanged,
            Some(_) => Change::Replaced,
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The one writer of an index during a run.
pub struct Writer {
    writer: IndexWriter,
    id_field: tantivy::schema::Field,
    /// Ids added during this run: a second article with the same id replaces the first.
    added: HashSet<String>,
}

impl Writer {
    pub fn new(store: &Store) -> anyhow::Result<Writer> {
        let writer = store.index.writer(MEMORY_BUDGET).context(
            "cannot lock the index for writing: is another `dossier index` running on it?",
        )?;
        Ok(Writer {
            writer,
            id_field: store.fields.id,
            added: HashSet::new(),
        })
    }

    /// Adds `doc` as the article `id`, deleting the document it replaces when `replaces` (or
    /// when this run already added that id). Returns what it did.
    pub fn put(
        &mut self,
        id: &str,
        doc: TantivyDocument,
        replaces: bool,
    ) -> anyhow::Result<Change> {
        let again = !self.added.insert(id.to_string());
        if replaces || again {
            self.writer
                .delete_term(Term::from_field_text(self.id_field, id));
        }
        self.writer.add_document(doc)?;
        Ok(if replaces || again {
            Change::Replaced
        } else {
            Change::New
        })
    }

    /// Makes everything added so far durable and visible to searches, all or nothing.
    pub fn commit(&mut self) -> anyhow::Result<()> {
        self.writer.commit().context("committing the index")?;
        Ok(())
    }

    /// Commits, lets pending segment merges finish, and returns the number of documents.
    pub fn finish(mut self, store: &Store) -> anyhow::Result<u64> {
        self.commit()?;
        self.writer
            .wait_merging_threads()
            .context("merging the index's segments")?;
        let reader = store
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(reader.searcher().num_docs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::index::document::document;

    #[test]
    fn an_interrupted_run_keeps_its_last_commit_and_a_rerun_completes_it() {
        let dir = std::env::temp_dir().join(format!("dossier-writer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::open_or_create(&dir).unwrap();
        let doc = |id: &str, text: &str, fingerprint: u64| {
            let article = Article {
                id: Some(id.to_string()),
                text: text.to_string(),
                ..Article::default()
            };
            document(&store.fields, &article, &[], &[], fingerprint)
        };
        let mut writer = Writer::new(&store).unwrap();
        assert_eq!(
            writer.put("a", doc("a", "one", 1), false).unwrap(),
            Change::New
        );
        writer.commit().unwrap();
        writer.put("b", doc("b", "two", 1), false).unwrap();
        drop(writer); // interrupted before its next commit

        let indexed = Indexed::load(&store).unwrap();
        assert_eq!(indexed.len(), 1);
        assert_eq!(indexed.change("a", 1), Change::Unchanged);
        assert_eq!(indexed.change("a", 2), Change::Replaced);
        assert_eq!(indexed.change("b", 1), Change::New);

        let mut rerun = Writer::new(&store).unwrap();
        assert_eq!(
            rerun.put("a", doc("a", "one, revised", 2), true).unwrap(),
            Change::Replaced
        );
        rerun.put("b", doc("b", "two", 1), false).unwrap();
        // The same id twice in one run: the later one wins.
        assert_eq!(
            rerun.put("b", doc("b", "two, again", 3), false).unwrap(),
            Change::Replaced
        );
        assert_eq!(rerun.finish(&store).unwrap(), 2);
        let indexed = Indexed::load(&store).unwrap();
        assert_eq!(indexed.change("b", 3), Change::Unchanged);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
