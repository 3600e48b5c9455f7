//! `dossier`: tag the organizations, people, places, weapons, drugs, dates and figures of
//! open-source news articles with lexicons and patterns.
//!
//! The pipeline, top to bottom: [`ingest`] reads articles ([`article`]); [`tagger`] runs the
//! stages ([`text`], [`lexicon`], [`patterns`], [`resolve`]) and gives [`entity`] values;
//! [`sink`] writes them; [`index`] files them in a tantivy index and searches it; [`eval`]
//! scores them against gold annotations.

pub mod article;
pub mod entity;
pub mod eval;
pub mod facts;
pub mod fingerprint;
pub mod index;
pub mod ingest;
pub mod lexicon;
pub mod patterns;
pub mod resolve;
pub mod sink;
pub mod tagger;
pub mod text;

pub mod cli;
