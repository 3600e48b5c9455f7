//! Lexicons: the dictionaries of named entities, their validation, and matching them in text.

pub mod builtin;
pub mod compound;
pub mod load;
pub mod matcher;

pub use load::{CaseRule, Lexicon, Problem};
pub use matcher::{Hit, Matcher};
