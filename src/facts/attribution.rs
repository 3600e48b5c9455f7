//! Who gives a figure: "according to CBP", "data from the Department of Justice", "the DEA
//! said", "said Ricardo Martinez", "CBP figures show", "según la FGR", and "he said" for the
//! last person the article named. The source is the canonical name of the entity.

use super::Context;
use crate::entity::{Entity, Label};
use crate::text::fold::fold;

/// Words after which the source follows: "according to X", "data from X".
fn source_follows(words: &[&str]) -> bool {
    matches!(
        words,
        ["according", "to"]
            | ["data", "from"]
            | ["figures", "from"]
            | ["statistics", "from"]
            | ["estimates", "from"]
            | ["acuerdo", "con"]
            | ["datos", "de"]
            | [_, "segun"]
    )
}

/// Verbs of saying or showing, with the source on either side: "the DEA said", "said
/// Ricardo Martinez", "CBP data show".
fn is_saying(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "reported"
            | "stated"
            | "announced"
            | "estimated"
            | "estimates"
            | "show"
            | "shows"
            | "showed"
            | "indicate"
            | "indicates"
            | "indicated"
            | "testified"
            | "wrote"
            | "dijo"
            | "informo"
            | "senalo"
            | "reporto"
            | "afirmo"
            | "indico"
            | "explico"
            | "detallo"
            | "estimo"
            | "estimaron"
            | "preciso"
            | "senala"
            | "documenta"
            | "contabilizo"
    )
}

/// Nouns that stand for the organization the article last named: "the agency said".
fn is_body(word: &str) -> bool {
    matches!(
        word,
        "agency"
            | "department"
            | "bureau"
            | "office"
            | "ministry"
            | "secretaria"
            | "service"
            | "bank"
            | "company"
            | "firm"
            | "navy"
            | "army"
            | "command"
            | "group"
            | "dependencia"
            | "corporacion"
            | "institucion"
    )
}

fn is_source(e: &Entity) -> bool {
    e.label == Label::ORG || e.label == Label::PERSON
}

/// Nouns that name a source without naming it: "prosecutors said", "according to the
/// indictment", "government figures show".
fn is_generic_source(word: &str) -> bool {
    matches!(
        word,
        "prosecutors"
            | "officials"
            | "authorities"
            | "investigators"
            | "agents"
            | "police"
            | "analysts"
            | "experts"
            | "indictment"
            | "complaint"
            | "report"
            | "records"
            | "documents"
            | "statement"
            | "data"
            | "figures"
            | "survey"
            | "study"
            | "government"
            | "officers"
            | "court"
            | "filings"
            | "official"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "association"
            | "associations"
            | "chamber"
            | "observatory"
            | "forces"
            | "journalists"
            | "residents"
            | "growers"
            | "tally"
            | "tallies"
            | "statistics"
            | "memorandum"
            | "estimates"
            | "autoridades"
            | "fiscalia"
            | "informe"
    )
}

/// Verbs that say or show, beyond [`is_saying`], that take a generic source: "prosecutors
/// allege", "officials estimate".
fn is_claiming(word: &str) -> bool {
    is_saying(word)
        || matches!(
            word,
            "say"
                | "acknowledge"
                | "acknowledged"
                | "attribute"
                | "recorded"
                | "records"
                | "lists"
                | "listed"
                | "describes"
                | "described"
                | "put"
                | "allege"
                | "alleges"
                | "alleged"
                | "estimate"
                | "note"
                | "noted"
                | "counted"
                | "identifies"
                | "valued"
                | "points"
                | "according"
        )
}

/// What the last sentences named, for "he said" and "the agency said".
#[derive(Default, Clone)]
pub struct Antecedents {
    pub person: Option<String>,
    /// The organizations named last, oldest first, each once.
    orgs: Vec<String>,
}

/// How many organizations "the bank said" may reach back over.
const RECENT_ORGS: usize = 8;

impl Antecedents {
    /// Remembers an organization as the latest named.
    pub fn named_org(&mut self, name: &str) {
        self.orgs.retain(|o| o != name);
        if self.orgs.len() == RECENT_ORGS {
            self.orgs.remove(0);
        }
        self.orgs.push(name.to_string());
    }
}

/// The organization "the bank", "the department" or "la dependencia" stands for: the latest
/// named, before the figure's sentence or in it before the cue at byte `at`, whose name holds
/// that word ("Trans-Pecos Commercial Bank"), or else the latest named.
fn body_named(
    context: &Context<'_>,
    before: &Antecedents,
    sources: &[&Entity],
    body: &str,
    at: usize,
) -> Option<String> {
    let in_sentence = sources
        .iter()
        .filter(|e| e.label == Label::ORG && e.end <= at)
        .map(|e| e.name(context.text).to_string());
    let named: Vec<String> = before.orgs.iter().cloned().chain(in_sentence).collect();
    named
        .iter()
        .rev()
        .find(|name| fold(name).split(' ').any(|w| w == body))
        .or(named.last())
        .cloned()
}

/// The source of the figure's claim, if its sentence gives one.
pub fn find(context: &Context<'_>, before: &Antecedents) -> Option<String> {
    let tokens = context.tokens;
    let sources: Vec<&Entity> = {
        let span = tokens.first()?.start..tokens.last()?.end;
        context.entities_in(span).filter(|e| is_source(e)).collect()
    };
    let word = |i: usize| tokens.get(i).map_or("", |t| t.folded.as_str());
    // Nearest cue to the figure first.
    let mut cues: Vec<usize> = (0..tokens.len()).collect();
    cues.sort_by_key(|&i| context.distance(i));
    for i in cues {
        let two = [word(i.wrapping_sub(1)), word(i)];
        if source_follows(&two) || word(i) == "segun" {
            let after = tokens[i].end;
            if let Some(e) = sources
                .iter()
                .find(|e| e.start >= after && e.start - after < 40)
            {
                return Some(e.name(context.text).to_string());
            }
            if let Some(generic) =
                (i + 1..tokens.len().min(i + 6)).find(|&j| is_generic_source(word(j)))
            {
                return Some(generic_phrase(context, i + 1, generic));
            }
        }
        if is_claiming(word(i)) {
            let at = tokens[i].start;
            // "said Ricardo Martinez, a spokesman": the source right after the verb.
            if let Some(e) = sources
                .iter()
                .find(|e| e.start > at && e.start - tokens[i].end < 3)
            {
                return Some(e.name(context.text).to_string());
            }
            // "he said", "she said": the last person the article named; "the agency said":
            // the last organization.
            match word(i.wrapping_sub(1)) {
                "he" | "she" => return before.person.clone(),
                body if is_body(body) => {
                    return body_named(context, before, &sources, body, at);
                }
                _ => {}
            }
            // "the DEA said", "CBP data show", "Ana Torres, a DEA spokeswoman, said".
            let entity = sources
                .iter()
                .filter(|e| e.end <= at && at - e.end < 60)
                .min_by_key(|e| at - e.end);
            if let Some(e) = entity {
                return Some(e.name(context.text).to_string());
            }
            // "prosecutors allege", "government figures show".
            let lookback = i.saturating_sub(4)..i;
            if let Some(generic) = lookback.rev().find(|&j| is_generic_source(word(j))) {
                let from = (generic.saturating_sub(2)..generic)
                    .find(|&j| {
                        (j..generic)
                            .all(|k| tokens[k].is_word && !super::tokens::is_function_word(word(k)))
                    })
                    .unwrap_or(generic);
                // "agency figures show", "the department's data": the body last named.
                let body = (from..generic)
                    .map(|k| word(k).trim_end_matches("'s"))
                    .find(|w| is_body(w));
                if let Some(body) = body {
                    return body_named(context, before, &sources, body, at);
                }
                return Some(generic_phrase(context, from, generic));
            }
        }
    }
    // A figure inside a quotation belongs to the person the article last named.
    let opening = &context.text[tokens.first()?.start..context.figure.start];
    let quotes = opening.matches(['“', '"']).count();
    let closes = opening.matches('”').count();
    if quotes > closes || (quotes % 2 == 1 && !opening.contains('”')) {
        return before.person.clone();
    }
    None
}

/// A generic source with the modifiers before it, without articles: "joint statement",
/// "Mexican officials".
fn generic_phrase(context: &Context<'_>, from: usize, noun: usize) -> String {
    let tokens = context.tokens;
    let start = (from..noun)
        .find(|&j| {
            (j..noun)
                .all(|k| tokens[k].is_word && !super::tokens::is_function_word(&tokens[k].folded))
        })
        .unwrap_or(noun);
    context.text[tokens[start].start..tokens[noun].end].to_string()
}
