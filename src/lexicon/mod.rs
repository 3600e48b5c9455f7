//! Lexicons: the dictionaries of named entities, their validation, and matching them in text.

pub(crate) mod builtin;
pub(crate) mod compound;
pub(crate) mod currencies;
mod load;
pub(crate) mod matcher;

pub(crate) use load::CaseRule;
pub use load::{Lexicon, Location, Problem};
pub(crate) use matcher::Matcher;
