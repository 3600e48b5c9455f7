//! Writers of tagging results.

pub mod jsonl;
