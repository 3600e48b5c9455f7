//! The event a figure is reported with, from the small verb and noun lexicon in
//! `lexicons/actions.txt`: "seized 63 firearms", "14 people were killed", "a 35% increase".

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Context;
use crate::entity::Label;

/// The actions a fact can have (the closed list of the fact guidelines).
pub const ACTIONS: &[&str] = &[
    "seized",
    "found",
    "trafficked",
    "smuggled",
    "sold",
    "bought",
    "produced",
    "shipped",
    "traced",
    "recovered",
    "arrested",
    "charged",
    "convicted",
    "sentenced",
    "extradited",
    "killed",
    "wounded",
    "kidnapped",
    "disappeared",
    "died",
    "sanctioned",
    "laundered",
    "paid",
    "forfeited",
    "frozen",
    "fined",
    "offered",
    "increase",
    "decrease",
    "reported",
];

/// Word forms by their action. Rows naming an action outside [`ACTIONS`] are left out (the
/// lexicon test checks there are none).
fn lexicon() -> &'static HashMap<String, &'static str> {
    static LEXICON: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        rows(include_str!("../../lexicons/actions.txt"))
            .filter_map(|(form, action)| {
                let action = ACTIONS.iter().find(|a| **a == action)?;
                Some((form.to_string(), *action))
            })
            .collect()
    })
}

/// The action a folded word names, if any.
pub fn action_of(folded: &str) -> Option<&'static str> {
    lexicon().get(folded).copied()
}

/// The (form, action) rows of the lexicon file: comments and the header skipped.
pub fn rows(content: &str) -> impl Iterator<Item = (&str, &str)> {
    content
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
}

/// The action of the figure: for a percentage, a change word right beside it ("a 27%
/// increase", "rose 27%"); otherwise the nearest action word in the clause, before the
/// figure on a tie ("seized 63 firearms" rather than "… found"), or else in the sentence.
pub fn find(context: &Context<'_>, item: Option<std::ops::Range<usize>>) -> Option<&'static str> {
    let action_at = |i: usize| {
        let word = context.tokens[i].folded.as_str();
        // "up to $5 million" is a qualifier, not a rise.
        let next = context.tokens.get(i + 1).map(|t| t.folded.as_str());
        if matches!(word, "up" | "down") && next == Some("to") {
            return None;
        }
        context.tokens[i].action
    };
    // "58 officers killed", "pills seized at the port": a participle right after what the
    // figure counts is its event.
    if let Some(item) = &item
        && let Some(next) = context.tokens.iter().position(|t| t.start >= item.end)
        && let Some(action) = action_at(next)
        && context.tokens[next].folded.ends_with("ed")
    {
        return Some(action);
    }
    if context.figure.label == Label::PERCENT {
        let near = context.clause.clone().filter(|&i| context.distance(i) <= 3);
        if let Some(change) = near
            .filter_map(action_at)
            .find(|a| matches!(*a, "increase" | "decrease"))
        {
            return Some(change);
        }
    }
    // "2,600 murder victims", "70,000 overdose deaths": the event is in what is counted.
    if let Some(item) = item
        && let Some(inside) = context
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.start >= item.start && t.end <= item.end)
            .find_map(|(i, _)| action_at(i))
    {
        return Some(inside);
    }
    // A count or a measure changes only when nothing else happens to it: "seizures climbed
    // to 68,000 pounds" reports seizures.
    let is_change = |a: &str| matches!(a, "increase" | "decrease");
    let percent = context.figure.label == Label::PERCENT;
    let nearest = |range: std::ops::Range<usize>| {
        range
            .filter_map(|i| {
                let action = action_at(i)?;
                let demoted = !percent && is_change(action);
                Some((demoted, context.distance(i), i >= context.after, action))
            })
            .min_by_key(|&(demoted, distance, after, _)| (demoted, distance, after))
            .map(|(_, _, _, action)| action)
    };
    nearest(context.clause.clone()).or_else(|| nearest(0..context.tokens.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_row_names_a_known_action() {
        for (form, action) in rows(include_str!("../../lexicons/actions.txt")) {
            assert!(ACTIONS.contains(&action), "{form}: unknown action {action}");
            assert_eq!(form, crate::text::fold::fold(form), "{form} is not folded");
        }
    }
}
