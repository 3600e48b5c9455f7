//! Overlap resolution: every stage proposes candidates; this picks the ones that stand, so the
//! output never has two entities on overlapping spans.
//!
//! The rule, deterministic: a longer span beats a shorter one; at equal length the source
//! with the higher [`Source::priority`] wins; then the earlier start.

use std::ops::Range;

use crate::entity::Entity;

/// Where a candidate came from, which decides ties between spans of equal length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// An identifier (a phone number, an address, an account): validated, so its characters
    /// are no figure, date or name.
    Identifier,
    /// A URL: its characters belong to nothing else.
    Url,
    /// An acronym defined in this document: the author's own word outranks any dictionary.
    Acronym,
    /// One of several names sharing a head noun ("the Sinaloa and Gulf cartels"): the context
    /// says "Sinaloa" is the cartel, not the state.
    Coordination,
    /// A lexicon name matched with its exact case (an acronym such as "ATF").
    LexiconExact,
    /// A lexicon name matched in any case.
    Lexicon,
    /// A pattern for people or organizations (titles, head nouns, coordination).
    Name,
    /// A date pattern.
    Date,
    /// A figure pattern.
    Figure,
}

impl Source {
    /// Higher wins a tie.
    pub fn priority(self) -> u8 {
        match self {
            Source::Identifier => 9,
            Source::Url => 8,
            Source::Acronym => 7,
            Source::Coordination => 6,
            Source::LexiconExact => 5,
            Source::Lexicon => 4,
            Source::Date => 3,
            Source::Name => 2,
            Source::Figure => 1,
        }
    }
}

/// An entity some stage proposes.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub entity: Entity,
    pub source: Source,
}

impl AsRef<Entity> for Candidate {
    fn as_ref(&self) -> &Entity {
        &self.entity
    }
}

/// Keeps the winning candidates, returned sorted by start.
pub fn resolve(mut candidates: Vec<Candidate>) -> Vec<Entity> {
    candidates.sort_by(|a, b| {
        let len = |c: &Candidate| c.entity.end - c.entity.start;
        len(b)
            .cmp(&len(a))
            .then(b.source.priority().cmp(&a.source.priority()))
            .then(a.entity.start.cmp(&b.entity.start))
    });
    // The bytes the accepted spans cover, a bit each: a candidate stands when none of its
    // bytes is taken, which costs what its length does. (Keeping the accepted spans sorted
    // for a binary search instead moved, on every insertion, all those after it: quadratic
    // on a long article.) An empty span is no mention and never stands.
    let len = candidates.iter().map(|c| c.entity.end).max().unwrap_or(0);
    let mut taken = vec![0u64; len.div_ceil(64)];
    let mut accepted: Vec<Entity> = Vec::new();
    for candidate in candidates {
        let e = candidate.entity;
        let span = e.start..e.end;
        if !span.is_empty() && bit_words(span.clone()).all(|(w, bits)| taken[w] & bits == 0) {
            bit_words(span).for_each(|(w, bits)| taken[w] |= bits);
            accepted.push(e);
        }
    }
    // Accepted spans never overlap, so their starts differ.
    accepted.sort_unstable_by_key(|e| e.start);
    accepted
}

/// The bits of a non-empty byte range in a bitmap of 64-bit words: each word's index and mask.
fn bit_words(range: Range<usize>) -> impl Iterator<Item = (usize, u64)> {
    let (first, last) = (range.start / 64, (range.end - 1) / 64);
    (first..=last).map(move |w| {
        let low = if w == first { range.start % 64 } else { 0 };
        let high = if w == last { (range.end - 1) % 64 } else { 63 };
        (w, (u64::MAX << low) & (u64::MAX >> (63 - high)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Label;

    fn candidate(start: usize, end: usize, label: Label, source: Source) -> Candidate {
        Candidate {
            entity: Entity::new(start, end, label),
            source,
        }
    }

    #[test]
    fn longer_spans_win_then_priority_then_position() {
        let out = resolve(vec![
            candidate(0, 4, Label::LOCATION, Source::Lexicon),
            candidate(0, 20, Label::ORG, Source::Name),
            candidate(22, 25, Label::ORG, Source::Lexicon),
            candidate(22, 25, Label::ORG, Source::Acronym),
            candidate(30, 33, Label::QUANTITY, Source::Figure),
            candidate(32, 35, Label::DATE, Source::Date),
        ]);
        let spans: Vec<(usize, usize, Label)> =
            out.iter().map(|e| (e.start, e.end, e.label)).collect();
        assert_eq!(
            spans,
            vec![
                (0, 20, Label::ORG),
                (22, 25, Label::ORG),
                (32, 35, Label::DATE)
            ]
        );
    }

    #[test]
    fn no_two_entities_overlap() {
        let mut cands = Vec::new();
        for s in 0..30 {
            cands.push(candidate(s, s + 1 + s % 4, Label::ORG, Source::Lexicon));
        }
        let out = resolve(cands);
        for pair in out.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
    }
}
