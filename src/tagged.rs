//! What the tagger makes of an article: the article itself, its entities and its facts. Every
//! sink (the JSONL writer, the fact table, the index) consumes this one value, and the index
//! gives it back for each hit.

use crate::article::Article;
use crate::entity::Entity;
use crate::facts::Fact;

/// An article with its entities and facts. Offsets are bytes into `article.text`; the
/// writers turn them into code points, the contract's unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    /// The article as it was read (as the index stores it, for a search hit).
    pub article: Article,
    /// The entities, sorted by start, not overlapping.
    pub entities: Vec<Entity>,
    /// One fact per figure among the entities, in the same order.
    pub facts: Vec<Fact>,
}

impl Tagged {
    /// The article's id (empty if it has none).
    pub fn id(&self) -> &str {
        self.article.id.as_deref().unwrap_or("")
    }

    /// The text an entity covers.
    pub fn mention(&self, entity: &Entity) -> &str {
        &self.article.text[entity.start..entity.end]
    }
}
