//! A country that acts is its state: "The United States strongly condemns …", "Mexico has
//! sent 55 suspects …". Such a mention names an organization (the government), not a place,
//! so the tagger labels it ORG and keeps the country's canonical name.

use super::vocabulary;
use crate::entity::{Entity, Label};
use crate::text::Doc;

/// Adverbs that may stand between the subject and its verb.
fn is_adverb(word: &str) -> bool {
    matches!(
        word,
        "strongly"
            | "also"
            | "firmly"
            | "now"
            | "still"
            | "already"
            | "fully"
            | "further"
            | "again"
            | "repeatedly"
            | "recently"
            | "formally"
            | "officially"
            | "quickly"
            | "reportedly"
            | "immediately"
            | "never"
            | "not"
            | "publicly"
            | "jointly"
    )
}

/// Verbs whose subject acts ("condemns", "sent", "will …").
fn is_act(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "must"
            | "may"
            | "might"
            | "does"
            | "did"
            | "condemns"
            | "condemned"
            | "supports"
            | "supported"
            | "stands"
            | "stood"
            | "remains"
            | "remained"
            | "welcomes"
            | "welcomed"
            | "calls"
            | "called"
            | "urges"
            | "urged"
            | "continues"
            | "continued"
            | "announces"
            | "announced"
            | "agrees"
            | "agreed"
            | "signs"
            | "signed"
            | "sends"
            | "sent"
            | "demands"
            | "demanded"
            | "rejects"
            | "rejected"
            | "pledges"
            | "pledged"
            | "imposes"
            | "imposed"
            | "designates"
            | "designated"
            | "extradites"
            | "extradited"
            | "deploys"
            | "deployed"
            | "accuses"
            | "accused"
            | "threatens"
            | "threatened"
            | "offers"
            | "offered"
            | "requests"
            | "requested"
            | "provides"
            | "provided"
            | "recognizes"
            | "recognized"
            | "seeks"
            | "sought"
            | "believes"
            | "expects"
            | "wants"
            | "plans"
            | "intends"
            | "launches"
            | "launched"
            | "tightens"
            | "tightened"
            | "suspends"
            | "suspended"
            | "submits"
            | "submitted"
            | "transfers"
            | "transferred"
            | "responds"
            | "responded"
            | "reiterates"
            | "reiterated"
            | "reaffirms"
            | "reaffirmed"
            | "thanks"
            | "thanked"
            | "applauds"
            | "applauded"
            | "commends"
            | "commended"
            | "congratulates"
            | "mourns"
            | "joins"
            | "joined"
            | "hopes"
            | "shares"
            | "told"
            | "warned"
            | "warns"
            | "vowed"
            | "vows"
            | "insists"
            | "insisted"
            | "denies"
            | "denied"
            | "refuses"
            | "refused"
            | "negotiated"
            | "negotiates"
            | "expelled"
            | "expels"
            | "recalled"
            | "opposes"
            | "opposed"
            | "backs"
            | "backed"
            | "funds"
            | "funded"
            | "trains"
            | "trained"
    )
}

/// Auxiliaries that need a participle after them to act ("has sent", "is committed"): "Mexico
/// has 32 states" and "Syria is a country" describe a place.
fn is_auxiliary(word: &str) -> bool {
    matches!(word, "has" | "had" | "have" | "is" | "was" | "are" | "were")
}

fn is_participle(word: &str) -> bool {
    word.ends_with("ed")
        || word.ends_with("ing")
        || matches!(
            word,
            "sent"
                | "taken"
                | "made"
                | "given"
                | "done"
                | "seen"
                | "become"
                | "paid"
                | "sought"
                | "held"
                | "led"
                | "told"
                | "won"
                | "lost"
                | "built"
                | "brought"
                | "fought"
        )
}

/// Whether the mention ending at folded byte `end` is the subject of an acting verb.
pub fn acts(doc: &Doc<'_>, end: usize) -> bool {
    let mut j = doc.word_from(end);
    if j >= doc.words.len() || &doc.text()[end..doc.words[j].start] != " " {
        return false;
    }
    // Wire style puts the time between subject and verb: "Mexico on Friday extradited".
    let weekday = |k: usize| vocabulary::has(doc.word(k), vocabulary::WEEKDAY);
    if j + 2 < doc.words.len()
        && doc.word(j) == "on"
        && weekday(j + 1)
        && doc.gap_before(j + 2) == " "
    {
        j += 2;
    } else if j + 1 < doc.words.len()
        && matches!(doc.word(j), "yesterday" | "today")
        && doc.gap_before(j + 1) == " "
    {
        j += 1;
    }
    while j + 1 < doc.words.len() && is_adverb(doc.word(j)) && doc.gap_before(j + 1) == " " {
        j += 1;
    }
    let word = doc.word(j);
    if is_act(word) {
        return true;
    }
    is_auxiliary(word)
        && j + 1 < doc.words.len()
        && doc.gap_before(j + 1) == " "
        && is_participle(doc.word(j + 1))
}

/// Countries that act are their states (ORG): "Mexico has sent …", and each of coordinated
/// subjects, "China and India tightened …".
pub fn mark_acting_states(doc: &Doc<'_>, entities: &mut [Entity]) {
    let mut acting = vec![false; entities.len()];
    for k in (0..entities.len()).rev() {
        if !is_country(&entities[k]) {
            continue;
        }
        let next_acts = entities.get(k + 1).is_some_and(|next| {
            acting[k + 1]
                && matches!(
                    &doc.text()[entities[k].end..next.start],
                    " and " | ", " | " or "
                )
        });
        acting[k] = next_acts || acts(doc, entities[k].end);
    }
    for (e, acts) in entities.iter_mut().zip(acting) {
        if acts {
            e.label = Label::ORG;
        }
    }
}

/// A country mention.
pub fn is_country(e: &Entity) -> bool {
    e.label == Label::LOCATION
        && e.sense
            .as_ref()
            .and_then(|s| s.category.as_deref())
            .is_some_and(|c| c == "country")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acting(text: &str, subject: &str) -> bool {
        let doc = Doc::new(text);
        acts(&doc, text.find(subject).unwrap() + subject.len())
    }

    #[test]
    fn a_country_that_acts_is_its_state() {
        assert!(acting(
            "The United States strongly condemns the attack.",
            "United States"
        ));
        assert!(acting("Since May, Mexico has sent 55 suspects.", "Mexico"));
        assert!(acting("the U.S. will continue", "U.S."));
        assert!(acting("Iraq is committed to", "Iraq"));
        assert!(acting("Mexico on Friday extradited a senior", "Mexico"));
    }

    #[test]
    fn a_country_as_a_place_stays_a_place() {
        assert!(!acting("Mexico has 32 states.", "Mexico"));
        assert!(!acting(
            "guns bought in the United States and sold",
            "United States"
        ));
        assert!(!acting("U.S. sanctions on the bank", "U.S."));
        assert!(!acting("Syria is a country", "Syria"));
    }
}
