//! Answers to searches kept for the commit they were computed on. A researcher's workspace
//! asks the same searches again and again (the start page, paging back, removing a filter),
//! and a search with seven facets costs a millisecond of CPU where a kept answer costs
//! microseconds. An answer is kept under the index's generation, so a commit makes every
//! kept answer unreachable; the cache is emptied when it outgrows its bound.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;

/// The most bytes of answers kept; past it the cache starts over.
const MAX_BYTES: usize = 32 << 20;

/// Kept answers by (index generation, query string).
#[derive(Default)]
pub(crate) struct AnswerCache(Mutex<Kept>);

#[derive(Default)]
struct Kept {
    answers: HashMap<(u64, String), Bytes>,
    bytes: usize,
}

impl AnswerCache {
    /// The answer kept for `query` at `generation`.
    pub(crate) fn get(&self, generation: u64, query: &str) -> Option<Bytes> {
        let kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        kept.answers.get(&(generation, query.to_string())).cloned()
    }

    /// Keeps `answer` for `query` at `generation`.
    pub(crate) fn put(&self, generation: u64, query: &str, answer: Bytes) {
        let mut kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if kept.bytes + answer.len() > MAX_BYTES {
            kept.answers.clear();
            kept.bytes = 0;
        }
        kept.bytes += answer.len();
        kept.answers.insert((generation, query.to_string()), answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_kept_for_its_generation_only_and_memory_is_bounded() {
        let cache = AnswerCache::default();
        cache.put(1, "q=a", Bytes::from_static(b"one"));
        assert_eq!(cache.get(1, "q=a").as_deref(), Some(&b"one"[..]));
        assert_eq!(cache.get(2, "q=a"), None, "a commit makes it unreachable");
        let big = Bytes::from(vec![0u8; MAX_BYTES]);
        cache.put(1, "q=big", big);
        assert_eq!(
            cache.get(1, "q=a"),
            None,
            "outgrowing the bound starts over"
        );
        assert!(cache.get(1, "q=big").is_some());
    }
}
