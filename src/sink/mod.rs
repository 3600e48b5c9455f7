//! Writers of tagging results: the tag output's JSONL lines, and the fact table.

pub mod jsonl;
pub mod table;
