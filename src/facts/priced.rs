//! What a sum or a measure is of when the words after it do not say: the thing priced ("$5
//! per tablet"), the noun it belongs to ("a criminal penalty of $402 million", "an area of
//! 20 square kilometers") and the thing valued ("the tablets seized would be worth $1.5
//! million", "valued the drugs at $528 million").

use std::ops::Range;

use super::Context;
use super::tokens::is_function_word;
use crate::patterns::units::measure_word;

/// Words between a figure and what comes before it that say how exact it is.
pub(super) fn is_hedge(word: &str) -> bool {
    matches!(
        word,
        "about"
            | "nearly"
            | "almost"
            | "some"
            | "roughly"
            | "approximately"
            | "around"
            | "more"
            | "less"
            | "than"
            | "over"
            | "under"
            | "least"
            | "at"
            | "up"
            | "to"
            | "between"
            | "an"
            | "estimated"
            | "unos"
            | "mas"
            | "casi"
            | "cerca"
            | "alrededor"
    )
}

/// The token the figure hangs on, past the hedges in front of it: "of" in "a penalty of about
/// $5 million", "for" in "25 rifles for some $37,500"; `None` when only hedges come before.
pub(super) fn word_before_hedges(context: &Context<'_>) -> Option<usize> {
    let mut i = context.before?;
    while is_hedge(&context.tokens[i].folded) {
        i = i.checked_sub(1)?;
    }
    Some(i)
}

/// Verbs that put a value on a thing: "valued the drugs at", "estimated the load at".
fn is_valuing(word: &str) -> bool {
    matches!(
        word,
        "valued" | "values" | "value" | "estimated" | "priced" | "put" | "pegged"
    )
}

/// Words to pass over between "worth" and the thing that is worth it: "the tablets, which
/// agents said were worth", "the pills seized would be worth".
fn is_between_thing_and_worth(word: &str) -> bool {
    matches!(
        word,
        "be" | "been"
            | "being"
            | "is"
            | "are"
            | "was"
            | "were"
            | "would"
            | "could"
            | "will"
            | "may"
            | "might"
            | "have"
            | "has"
            | "had"
            | "which"
            | "that"
            | "said"
            | "say"
            | "says"
            | "agents"
            | "officials"
            | "investigators"
            | "police"
            | "prosecutors"
            | ","
    ) || word.len() > 3 && word.ends_with("ed")
}

/// The item of a sum or a measure whose own words name none, from the words before it.
pub fn item_before(context: &Context<'_>) -> Option<Range<usize>> {
    valued_thing(context).or_else(|| noun_before_of(context))
}

/// "$5 per tablet", "$200 a handgun", "5 dólares por pastilla": the thing priced.
pub fn per_unit(context: &Context<'_>) -> Option<Range<usize>> {
    let word = |i: usize| context.tokens.get(i).map(|t| t.folded.as_str());
    let at = context.after;
    if !matches!(word(at), Some("per" | "a" | "por" | "cada")) {
        return None;
    }
    let from = at + usize::from(word(at + 1) == Some("cada")) + 1;
    // "14,000 pesos a month" is a rate, not a price of months.
    if word(from).is_some_and(super::item::is_time_word) {
        return None;
    }
    // "$2,200 per pound of methamphetamine": the thing, not its measure.
    if word(from).and_then(measure_word).is_some() && matches!(word(from + 1), Some("of" | "de")) {
        return content_run(context, from + 2, 3);
    }
    content_run(context, from, 3)
}

/// The thing a value is put on: "the tablets seized would be worth $1.5 million", "valued the
/// drugs at more than $528 million", "la carga tendría un valor superior a los 90 millones".
fn valued_thing(context: &Context<'_>) -> Option<Range<usize>> {
    let word = |i: usize| context.tokens[i].folded.as_str();
    let mut i = context.before?;
    while is_hedge(word(i)) && word(i) != "at" {
        i = i.checked_sub(1)?;
    }
    // "la carga tendría un valor superior a los 90 millones": the Spanish "worth".
    let mut k = i;
    while matches!(
        word(k),
        "superior" | "a" | "los" | "de" | "en" | "estimado" | "aproximado" | "cercano" | "unos"
    ) {
        k = k.checked_sub(1)?;
    }
    if word(k) == "valor" {
        let mut j = k.checked_sub(1)?;
        while matches!(
            word(j),
            "un" | "tendria" | "tiene" | "tenia" | "tendrian" | "tienen" | "alcanza" | "con"
        ) {
            j = j.checked_sub(1)?;
        }
        return noun_ending_at(context, j);
    }
    if word(i) == "worth" {
        let mut j = i.checked_sub(1)?;
        while is_between_thing_and_worth(word(j)) {
            j = j.checked_sub(1)?;
        }
        return noun_ending_at(context, j);
    }
    // "valued the drugs at": back from "at" to the valuing verb, the thing between.
    let at = (i.saturating_sub(1)..=i).rev().find(|&k| word(k) == "at")?;
    let verb = (at.saturating_sub(6)..at)
        .rev()
        .find(|&k| is_valuing(word(k)))?;
    let first = (verb + 1..at).find(|&k| !is_function_word(word(k)))?;
    (first < at).then(|| context.tokens[first].start..context.tokens[at - 1].end)
}

/// "a criminal penalty of $402 million", "losses of about 150 million pesos", "an area of
/// roughly 20 square kilometers": the noun the figure is the amount of.
fn noun_before_of(context: &Context<'_>) -> Option<Range<usize>> {
    let word = |i: usize| context.tokens[i].folded.as_str();
    let i = word_before_hedges(context)?;
    if !matches!(word(i), "of" | "de") || i == 0 {
        return None;
    }
    noun_ending_at(context, i - 1)
}

/// The noun phrase whose last word is token `last`, with up to two modifiers before it:
/// "criminal penalty", "tablets".
fn noun_ending_at(context: &Context<'_>, last: usize) -> Option<Range<usize>> {
    let tokens = context.tokens;
    let content = |k: usize| {
        tokens[k].is_word
            && !is_function_word(&tokens[k].folded)
            && !tokens[k].folded.starts_with(|c: char| c.is_ascii_digit())
    };
    if !content(last) || tokens[last].action.is_some() && tokens[last].folded.ends_with("ed") {
        return None;
    }
    let mut first = last;
    while first > 0 && last - first < 2 && content(first - 1) && tokens[first - 1].action.is_none()
    {
        first -= 1;
    }
    Some(tokens[first].start..tokens[last].end)
}

/// Up to `most` content words from token `from`: "counterfeit pill".
fn content_run(context: &Context<'_>, from: usize, most: usize) -> Option<Range<usize>> {
    let tokens = context.tokens;
    let end = (from..tokens.len().min(from + most))
        .take_while(|&k| tokens[k].is_word && !is_function_word(&tokens[k].folded))
        .last()?;
    Some(tokens[from].start..tokens[end].end)
}
