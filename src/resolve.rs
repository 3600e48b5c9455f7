//! Overlap resolution: every stage proposes candidates; this picks the ones that stand, so the
//! output never has two entities on overlapping spans.
//!
//! The rule, deterministic: a longer span beats a shorter one; at equal length the source
//! with the higher [`Source::priority`] wins; then the earlier start.

use crate::entity::Entity;

/// Where a candidate came from, which decides ties between spans of equal length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
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
    // Accepted spans, kept sorted by start for an overlap test by binary search.
    let mut accepted: Vec<Entity> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let e = candidate.entity;
        let at = accepted.partition_point(|a| a.start < e.start);
        let clashes_before = at > 0 && accepted[at - 1].end > e.start;
        let clashes_after = accepted.get(at).is_some_and(|a| a.start < e.end);
        if !clashes_before && !clashes_after {
            accepted.insert(at, e);
        }
    }
    accepted
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
