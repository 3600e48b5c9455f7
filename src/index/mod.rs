//! The search index: one tantivy index of articles, with their tags as hierarchical facets,
//! their entities' canonical names as searchable fields, and their figures' values as fast
//! fields for range queries.
//!
//! [`schema`] declares every field once; [`store`] opens and checks an index directory;
//! [`document`] turns a tagged article into a document; [`writer`] adds and replaces;
//! [`search`] answers queries with hits, snippets and facet counts; [`stored`] reads a
//! document back as the tagged article it was.

mod aliases;
pub(crate) mod document;
mod facet_counts;
pub mod facets;
mod glossary;
mod language;
mod read_only;
pub(crate) mod schema;
pub mod search;
mod snippets;
mod store;
mod stored;
pub mod writer;

pub use search::{FacetCount, Hit, Results, SearchRequest, Sort, UnknownFilter};
pub use store::Index;
pub use writer::{Change, Documents, IndexDocument, IndexWriter, Written};
