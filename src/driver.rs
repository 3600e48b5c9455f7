//! The ordered parallel driver every batch command runs: read ‖ tag on the thread pool ‖
//! consume, in input order, with memory bounded by the batch size.
//!
//! While the pool tags one batch, the next is read and the last is consumed. What a worker
//! does to each article after tagging it is the caller's [`Prepare`] step (encoding a JSONL
//! line, building an index document), so that the part that must run in order stays small.

use rayon::prelude::*;

use crate::article::Article;
use crate::error::Error;
use crate::ingest::{Reader, Record};
use crate::sink::Sink;
use crate::tagged::Tagged;
use crate::tagger::Tagger;

/// Articles handed to the thread pool at a time: large enough to keep every core busy, small
/// enough that memory stays flat.
const BATCH_RECORDS: usize = 2048;
const BATCH_BYTES: usize = 8 << 20;

/// Reads every article of `reader` on the thread pool, untagged, and hands each (or why its
/// record is not one: [`Error::BadRecord`]) to `consume` in input order; what `dossier read`
/// prints. Stops at the first error `consume` returns.
pub fn read(
    reader: &mut Reader,
    consume: impl FnMut(Result<Article, Error>) -> Result<(), Error> + Send,
) -> Result<(), Error> {
    in_order(reader, None, Record::into_article, consume)
}

/// The loop every run shares: while `work` makes items of one batch of records on the pool,
/// the next batch is read and the last one's items go to `consume`, in input order.
fn in_order<T: Send>(
    reader: &mut Reader,
    progress: Option<&(dyn Fn(u64) + Sync)>,
    work: impl Fn(Record) -> T + Sync,
    mut consume: impl FnMut(T) -> Result<(), Error> + Send,
) -> Result<(), Error> {
    let mut batch = reader.next_batch(BATCH_RECORDS, BATCH_BYTES);
    let mut done: Vec<T> = Vec::new();
    while !batch.is_empty() || !done.is_empty() {
        let (worked, (next, consumed)) = rayon::join(
            || batch.into_par_iter().map(&work).collect::<Vec<_>>(),
            || {
                let next = reader.next_batch(BATCH_RECORDS, BATCH_BYTES);
                let consumed = std::mem::take(&mut done)
                    .into_iter()
                    .try_for_each(&mut consume);
                (next, consumed)
            },
        );
        consumed?;
        if let Some(progress) = progress {
            progress(reader.bytes_read());
        }
        done = worked;
        batch = next;
    }
    Ok(())
}

/// What became of one input record, handed to the consumer in input order.
#[derive(Debug)]
pub enum Outcome<T> {
    /// An article, tagged and prepared.
    Tagged(T),
    /// An article [`Prepare::wants`] passed over untagged (the index holds it unchanged).
    PassedOver(Article),
    /// A record that is not an article ([`Error::BadRecord`], with its location): the run
    /// goes on without it.
    Bad(Error),
}

/// What the worker threads do with each article: whether to tag it at all, and what to make
/// of it once tagged. A closure `Fn(Tagged) -> T` is a `Prepare` that tags everything.
pub trait Prepare: Sync {
    /// What a tagged article becomes.
    type Item: Send;

    /// Whether `article` needs tagging; the default is yes.
    fn wants(&self, article: &Article) -> bool {
        let _ = article;
        true
    }

    /// Makes the item of a tagged article.
    fn prepare(&self, tagged: Tagged) -> Self::Item;
}

impl<F, T> Prepare for F
where
    F: Fn(Tagged) -> T + Sync,
    T: Send,
{
    type Item = T;

    fn prepare(&self, tagged: Tagged) -> T {
        self(tagged)
    }
}

/// Runs articles through a tagger on the thread pool (rayon's global pool) and hands them on
/// in input order.
pub struct Driver<'a> {
    tagger: &'a Tagger,
    progress: Option<&'a (dyn Fn(u64) + Sync)>,
}

impl<'a> Driver<'a> {
    /// A driver tagging with `tagger`.
    pub fn new(tagger: &'a Tagger) -> Driver<'a> {
        Driver {
            tagger,
            progress: None,
        }
    }

    /// Calls `progress` with the bytes of input read so far, after each batch.
    pub fn on_progress(mut self, progress: &'a (dyn Fn(u64) + Sync)) -> Driver<'a> {
        self.progress = Some(progress);
        self
    }

    /// Reads every record of `reader`, tags and prepares the articles on the pool, and hands
    /// each outcome to `consume` in input order. Stops at the first error `consume` returns.
    pub fn run<P: Prepare>(
        &self,
        reader: &mut Reader,
        prepare: &P,
        consume: impl FnMut(Outcome<P::Item>) -> Result<(), Error> + Send,
    ) -> Result<(), Error> {
        in_order(
            reader,
            self.progress,
            |record| self.work(record, prepare),
            consume,
        )
    }

    /// Tags every article of `reader` into `sink`, in input order, and finishes it. Returns
    /// the records that were not articles (each an [`Error::BadRecord`]); files that could
    /// not be read are in `reader.unreadable`.
    pub fn feed(
        &self,
        reader: &mut Reader,
        sink: &mut (impl Sink + Send),
    ) -> Result<Vec<Error>, Error> {
        let mut bad = Vec::new();
        let keep = |tagged: Tagged| tagged;
        self.run(reader, &keep, |outcome| match outcome {
            Outcome::Tagged(tagged) => sink.write(&tagged),
            Outcome::PassedOver(_) => Ok(()),
            Outcome::Bad(error) => {
                bad.push(error);
                Ok(())
            }
        })?;
        sink.finish()?;
        Ok(bad)
    }

    /// One record's outcome, on a worker thread.
    fn work<P: Prepare>(&self, record: Record, prepare: &P) -> Outcome<P::Item> {
        match record.into_article() {
            Err(error) => Outcome::Bad(error),
            Ok(article) if !prepare.wants(&article) => Outcome::PassedOver(article),
            Ok(article) => Outcome::Tagged(prepare.prepare(self.tagger.annotate(article))),
        }
    }
}
