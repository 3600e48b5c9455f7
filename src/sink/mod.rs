//! Sinks consume tagged articles, in input order, and never call one another: the tag
//! output's JSONL lines ([`jsonl`]), the fact table as CSV, JSONL or Markdown ([`table`]), and
//! the index ([`crate::index::IndexWriter`]). [`record`] is the fact as both outputs write it.
//!
//! A sink can take [`Tagged`] values one by one ([`Sink::write`]); the batch commands split
//! the work instead, making each sink's item (a line, fact rows, an index document) on the
//! worker threads and handing only that to the sink, in order (see [`crate::driver`]).

pub mod jsonl;
pub mod opensearch;
pub mod record;
pub mod search;
pub mod table;

use crate::error::Error;
use crate::tagged::Tagged;

/// A consumer of tagged articles, in input order.
pub trait Sink {
    /// Takes the next article.
    fn write(&mut self, tagged: &Tagged) -> Result<(), Error>;

    /// Ends the output: flushes a writer, commits an index. The default does nothing.
    fn finish(&mut self) -> Result<(), Error> {
        Ok(())
    }
}
