//! The search index: one tantivy index of articles, with their tags as hierarchical facets,
//! their entities' canonical names as searchable fields, and their figures' values as fast
//! fields for range queries.
//!
//! [`schema`] declares every field once; [`store`] opens and checks an index directory;
//! [`document`] turns a tagged article into a document; [`writer`] adds and replaces;
//! [`search`] answers queries with hits, snippets and facet counts.

pub mod document;
pub mod facets;
mod hits;
pub mod schema;
pub mod search;
pub mod store;
pub mod writer;

pub use store::Store;
