//! Adding tagged articles to an index: new ones are added, changed ones replace the old
//! document (delete + add), unchanged ones are skipped before they are even tagged. Commits
//! are atomic, so a run that is interrupted leaves the last commit searchable, and running it
//! again completes it.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use tantivy::schema::Term;
use tantivy::{ReloadPolicy, TantivyDocument};

use super::document::{document, fingerprint};
use super::schema::Fields;
use super::store::Index;
use crate::article::Article;
use crate::driver::Prepare;
use crate::error::{Error, reading_ids};
use crate::sink::Sink;
use crate::tagged::Tagged;
use crate::tagger::Tagger;

/// The indexing memory budget: tantivy flushes a segment when it is used up.
const MEMORY_BUDGET: usize = 256 << 20;

/// Articles added between commits: an interrupted run loses at most this much work (about a
/// minute of it), and commits stay few enough not to fragment the index.
const COMMIT_EVERY: usize = 20_000;

/// What indexing an article does to the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The id was not in the index.
    New,
    /// The id was there with other content (or other tags): the old document is replaced.
    Replaced,
    /// The id is there with the same content and tags: nothing to do.
    Unchanged,
}

/// The ids and fingerprints of the articles indexed at the start of a run. Read-only, so the
/// worker threads can skip unchanged articles before tagging them.
pub(crate) struct Indexed(HashMap<String, u64>);

impl Indexed {
    pub(crate) fn load(index: &Index) -> Result<Indexed, Error> {
        // A reader of its own: the index's may not have seen the latest commit yet.
        let searcher = index.index.reader()?.searcher();
        let fields = &index.fields;
        let mut known = HashMap::new();
        let mut id = String::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let ids = fast.str(fields.name(fields.id))?.ok_or_else(|| {
                Error::IndexCorrupt(format!(
                    "{}: the index has no id column",
                    index.dir().display()
                ))
            })?;
            let fingerprints = fast.u64(fields.name(fields.fingerprint))?;
            for doc in segment.doc_ids_alive() {
                let Some(ord) = ids.term_ords(doc).next() else {
                    continue;
                };
                ids.ord_to_str(ord, &mut id).map_err(reading_ids)?;
                known.insert(id.clone(), fingerprints.first(doc).unwrap_or(0));
            }
        }
        Ok(Indexed(known))
    }

    /// What indexing the article `id` with `fingerprint` would do.
    pub(crate) fn change(&self, id: &str, fingerprint: u64) -> Change {
        match self.0.get(id) {
            None => Change::New,
            Some(&known) if known == fingerprint => Change::Unchanged,
            Some(_) => Change::Replaced,
        }
    }
}

/// A tagged article as an index document, made on a worker thread.
pub struct IndexDocument {
    id: String,
    doc: TantivyDocument,
    /// Whether the index held this id when the run began.
    replaces: bool,
}

/// The worker-side half of indexing: passes over the articles the index holds unchanged
/// (before they are tagged), and turns the others into documents.
#[derive(Clone)]
pub struct Documents {
    fields: Fields,
    indexed: Arc<Indexed>,
    tagger: u64,
    force: bool,
}

impl Documents {
    fn change(&self, article: &Article) -> Change {
        let id = article.id.as_deref().unwrap_or("");
        self.indexed.change(id, fingerprint(article, self.tagger))
    }

    /// The document of `tagged`.
    pub fn make(&self, tagged: &Tagged) -> IndexDocument {
        let print = fingerprint(&tagged.article, self.tagger);
        let id = tagged.id().to_string();
        IndexDocument {
            replaces: self.indexed.change(&id, print) != Change::New,
            doc: document(&self.fields, tagged, print),
            id,
        }
    }
}

impl Prepare for Documents {
    type Item = IndexDocument;

    fn wants(&self, article: &Article) -> bool {
        self.force || self.change(article) != Change::Unchanged
    }

    fn prepare(&self, tagged: Tagged) -> IndexDocument {
        self.make(&tagged)
    }
}

/// What a run did to the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Articles whose id was new to the index.
    pub new: usize,
    /// Articles that replaced an older version.
    pub replaced: usize,
    /// Articles the index held unchanged.
    pub unchanged: usize,
    /// Ids that came more than once in the input (the last article with each was kept).
    pub duplicates: Vec<String>,
}

/// The one writer of an index during a run: adds new articles, replaces changed ones, and
/// commits every [`COMMIT_EVERY`] articles and at the end, each commit atomic.
pub struct IndexWriter<'t> {
    writer: tantivy::IndexWriter,
    documents: Documents,
    tagger: &'t Tagger,
    /// The index directory, for messages.
    dir: String,
    /// Ids met during this run: a later article with the same id replaces the earlier, so the
    /// last one in input order is what the index keeps, on every run.
    seen: HashSet<String>,
    written: Written,
    at_last_commit: usize,
}

impl<'t> IndexWriter<'t> {
    /// Locks `index` for writing articles tagged by `tagger`. Articles it holds with the same
    /// content, tagged by the same lexicons and version, are passed over unless `force`.
    pub fn new(index: &Index, tagger: &'t Tagger, force: bool) -> Result<IndexWriter<'t>, Error> {
        if !super::read_only::is_writable(index.dir()) {
            return Err(Error::io(
                index.dir(),
                "cannot write to the index (it can still be searched)",
                std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            ));
        }
        let writer = index.index.writer(MEMORY_BUDGET).map_err(|e| {
            Error::index(
                format!(
                    "{}: cannot lock the index for writing: is another `dossier index` running \
                     on it?",
                    index.dir().display()
                ),
                e,
            )
        })?;
        // Files a failed run left (segments written before the disk filled up, say) are not
        // part of any commit: they go now.
        writer.garbage_collect_files().wait().map_err(|e| {
            Error::index(
                format!("{}: removing files no commit uses", index.dir().display()),
                e,
            )
        })?;
        Ok(IndexWriter {
            writer,
            documents: Documents {
                fields: index.fields.clone(),
                indexed: Arc::new(Indexed::load(index)?),
                tagger: tagger.fingerprint(),
                force,
            },
            tagger,
            dir: index.dir().display().to_string(),
            seen: HashSet::new(),
            written: Written::default(),
            at_last_commit: 0,
        })
    }

    /// The worker-side half, for [`crate::driver::Driver::run`].
    pub fn documents(&self) -> Documents {
        self.documents.clone()
    }

    /// Adds a document, deleting the one it replaces. Returns what it did.
    pub fn put(&mut self, document: IndexDocument) -> Result<Change, Error> {
        let IndexDocument { id, doc, replaces } = document;
        let again = self.met_again(&id);
        let replaced = replaces || again;
        if replaced {
            let term = Term::from_field_text(self.documents.fields.id, &id);
            self.writer.delete_term(term);
        }
        self.writer.add_document(doc).map_err(|e| self.failed(e))?;
        if replaced {
            self.written.replaced += 1;
        } else {
            self.written.new += 1;
        }
        let added = self.written.new + self.written.replaced;
        if added - self.at_last_commit >= COMMIT_EVERY {
            self.commit()?;
            self.at_last_commit = added;
        }
        Ok(if replaced {
            Change::Replaced
        } else {
            Change::New
        })
    }

    /// An article the workers passed over because the index holds it unchanged
    /// ([`Documents::wants`]). If this run already wrote another article with its id, that
    /// one replaced it, so this one is tagged here and put back: the last article with an id
    /// in the input is the one the index keeps.
    pub fn unchanged(&mut self, article: Article) -> Result<Change, Error> {
        let id = article.id.as_deref().unwrap_or("");
        if !self.seen.contains(id) {
            self.seen.insert(id.to_string());
            self.written.unchanged += 1;
            return Ok(Change::Unchanged);
        }
        let document = self.documents.make(&self.tagger.annotate(article));
        self.put(document)
    }

    /// Whether `id` came before in this run; notes it as a duplicate if so.
    fn met_again(&mut self, id: &str) -> bool {
        if self.seen.insert(id.to_string()) {
            return false;
        }
        self.written.duplicates.push(id.to_string());
        true
    }

    /// A failure to write: tantivy's indexing threads stop on an I/O error, and what reaches
    /// the caller is often only that they stopped, so the message says what to check. The
    /// last commit stays whole, and the next run removes what this one left.
    fn failed(&self, source: tantivy::TantivyError) -> Error {
        Error::index(
            format!(
                "{}: writing the index failed; the last commit is intact. If the disk is full \
                 or the directory not writable, fix that and run again (files this run left \
                 are removed then)",
                self.dir
            ),
            source,
        )
    }

    /// What the run has written so far.
    pub fn written(&self) -> &Written {
        &self.written
    }

    /// Makes everything added so far durable and visible to searches, all or nothing.
    pub fn commit(&mut self) -> Result<(), Error> {
        self.writer.commit().map_err(|e| self.failed(e))?;
        Ok(())
    }

    /// Commits, lets pending segment merges finish, and returns the number of documents.
    pub fn finish(mut self, index: &Index) -> Result<u64, Error> {
        self.commit()?;
        self.writer
            .wait_merging_threads()
            .map_err(|e| Error::index(format!("{}: merging the index's segments", self.dir), e))?;
        let reader = index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(reader.searcher().num_docs())
    }
}

impl Sink for IndexWriter<'_> {
    fn write(&mut self, tagged: &Tagged) -> Result<(), Error> {
        let document = self.documents.make(tagged);
        self.put(document).map(drop)
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(id: &str, text: &str) -> Tagged {
        Tagged {
            article: Article {
                id: Some(id.to_string()),
                text: text.to_string(),
                ..Article::default()
            },
            entities: Vec::new(),
            facts: Vec::new(),
        }
    }

    #[test]
    fn an_interrupted_run_keeps_its_last_commit_and_a_rerun_completes_it() {
        let dir = std::env::temp_dir().join(format!("dossier-writer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let index = Index::open_or_create(&dir).unwrap();
        let tagger = Tagger::new(crate::lexicon::Lexicon::default()).unwrap();
        let mut writer = IndexWriter::new(&index, &tagger, false).unwrap();
        let documents = writer.documents();
        assert_eq!(
            writer.put(documents.make(&tagged("a", "one"))).unwrap(),
            Change::New
        );
        writer.commit().unwrap();
        writer.put(documents.make(&tagged("b", "two"))).unwrap();
        drop(writer); // interrupted before its next commit

        let mut rerun = IndexWriter::new(&index, &tagger, false).unwrap();
        let documents = rerun.documents();
        assert!(!documents.wants(&tagged("a", "one").article), "unchanged");
        assert!(documents.wants(&tagged("a", "one, revised").article));
        assert!(
            documents.wants(&tagged("b", "two").article),
            "lost in the interruption"
        );
        assert_eq!(
            rerun
                .put(documents.make(&tagged("a", "one, revised")))
                .unwrap(),
            Change::Replaced
        );
        rerun.put(documents.make(&tagged("b", "two"))).unwrap();
        // The same id twice in one run: the later one wins.
        assert_eq!(
            rerun
                .put(documents.make(&tagged("b", "two, again")))
                .unwrap(),
            Change::Replaced
        );
        assert_eq!(rerun.finish(&index).unwrap(), 2);
        let documents = IndexWriter::new(&index, &tagger, false)
            .unwrap()
            .documents();
        assert!(!documents.wants(&tagged("b", "two, again").article));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
