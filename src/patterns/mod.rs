//! Patterns beyond the lexicons: figures, dates, titled people, organization phrases,
//! acronym definitions and URLs.

pub mod acronyms;
pub mod dates;
pub mod figures;
pub mod metonymy;
pub mod names;
pub mod numbers;
pub mod organizations;
pub mod places;
pub mod qualifiers;
pub mod ships;
pub mod units;
pub mod urls;
pub mod vocabulary;
