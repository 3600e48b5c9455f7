//! `dossier` tags the organizations, people, places, weapons, drugs, dates and figures of
//! open-source news articles with lexicons and patterns, files them in a tantivy index for
//! full-text and faceted search, and links every figure to what it counts, the event, the
//! time, the place and the source, as a citation-backed fact table.
//!
//! The pipeline, as ripgrep splits searching from printing: a [`Tagger`] turns an
//! [`Article`] into a [`Tagged`] article (its [`Entity`] list and its [`Fact`]s, offsets in
//! bytes); sinks consume `Tagged` values and never call one another: the tag output's JSONL
//! lines ([`sink::jsonl`]), the fact table ([`sink::table`]) and the [`Index`]. The
//! [`Driver`] runs many articles through the tagger on all cores and hands them on in input
//! order. Every fallible call returns the one [`Error`] type.
//!
//! Tag a text:
//!
//! ```
//! use dossier::{Article, Label, Tagger};
//!
//! let tagger = Tagger::builtin()?;
//! let tagged = tagger.annotate(Article::new(
//!     "The Sinaloa Cartel moved 300 kilograms of fentanyl into Arizona in 2024.",
//! ));
//! let cartel = &tagged.entities[0];
//! assert_eq!(cartel.label, Label::ORG);
//! assert_eq!(cartel.canonical(), Some("Sinaloa Cartel"));
//! let fact = &tagged.facts[0];
//! assert_eq!(tagged.mention(&tagged.entities[fact.figure]), "300 kilograms");
//! assert_eq!(fact.value_base, Some(300.0));
//! assert_eq!(fact.action, None);
//! # Ok::<(), dossier::Error>(())
//! ```
//!
//! Index a few articles and search them:
//!
//! ```
//! use dossier::sink::Sink;
//! use dossier::{Article, Index, IndexWriter, SearchRequest, Tagger};
//!
//! # let dir = std::env::temp_dir().join(format!("dossier-doc-{}", std::process::id()));
//! # let _ = std::fs::remove_dir_all(&dir);
//! let tagger = Tagger::builtin()?;
//! let index = Index::open_or_create(&dir)?;
//! let mut writer = IndexWriter::new(&index, &tagger, false)?;
//! for (id, text) in [
//!     ("a", "Soldiers seized 40 rifles from the Gulf Cartel in Tamaulipas."),
//!     ("b", "The Sinaloa Cartel sold fentanyl pills in Arizona."),
//! ] {
//!     let mut article = Article::new(text);
//!     article.id = Some(id.to_string());
//!     writer.write(&tagger.annotate(article))?;
//! }
//! writer.finish(&index)?;
//!
//! let mut request = SearchRequest::new("cartel");
//! request.filters.push(("org".into(), "Sinaloa Cartel".into()));
//! let results = index.search(&request)?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].tagged.id(), "b");
//! # std::fs::remove_dir_all(&dir).unwrap();
//! # Ok::<(), dossier::Error>(())
//! ```
#![warn(missing_docs)]

pub mod article;
pub mod driver;
pub mod entity;
pub mod error;
pub mod eval;
pub mod facts;
mod fingerprint;
pub mod index;
pub mod ingest;
pub mod lexicon;
mod patterns;
pub mod published;
mod resolve;
pub mod serve;
pub mod sink;
mod tagged;
mod tagger;
mod text;

#[doc(hidden)]
pub mod cli;

pub use article::Article;
pub use driver::{Driver, Outcome, Prepare};
pub use entity::{Entity, Label, Qualifier, Sense, Value};
pub use error::{Error, Result};
pub use facts::{Action, BaseUnit, Fact};
pub use index::{Index, IndexWriter, SearchRequest};
pub use ingest::Reader;
pub use lexicon::Lexicon;
pub use published::PublicationDate;
pub use tagged::Tagged;
pub use tagger::Tagger;
pub use text::fold::fold;
