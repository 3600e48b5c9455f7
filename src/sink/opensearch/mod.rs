//! The OpenSearch / Elasticsearch export: dossier's index as an index template and `_bulk`
//! files, for teams whose search runs on a search cluster rather than one machine.
//!
//! [`template`] is the mapping, made from the index schema's declarations (the facet
//! dimensions, the measures, the stop words) so the two cannot drift apart; [`source`] is an
//! article's document, the tag output's record with the facets dossier's own index files it
//! under (`index::document::Filing`); [`bulk`] writes the `_bulk` NDJSON files.

pub mod bulk;
pub mod source;
pub mod template;

pub use bulk::{BulkFiles, Exported};
