//! Facts: every figure of an article linked to what it counts, the event, the time, the
//! place and the source, with the sentence it comes from, so an analyst can cite it.
//!
//! The linkers each answer one question from the words around the figure, nearest first,
//! within its clause and then its sentence: [`item`] what is counted, [`action`] what
//! happened, [`period`] when, [`attribution`] according to whom. The place is the nearest
//! LOCATION the tagger found in the clause.

pub mod action;
pub mod attribution;
pub mod group;
pub mod item;
pub mod period;
pub mod table;
pub mod tokens;

use std::ops::Range;

use crate::article::Article;
use crate::entity::{Entity, Label, Value};
use crate::patterns::dates::calendar_date;
use crate::patterns::units::in_kilograms;
use crate::text::sentences::sentences;
use attribution::Antecedents;
use tokens::{Token, tokens};

/// One row of the fact table, offsets in bytes (the writer converts them to code points).
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// The figure's entity index in the article's entity list.
    pub figure: usize,
    pub start: usize,
    pub end: usize,
    pub sentence: Range<usize>,
    pub item: Option<Range<usize>>,
    pub item_canonical: Option<String>,
    pub item_label: Option<&'static str>,
    pub action: Option<&'static str>,
    pub period: Option<Range<usize>>,
    /// The ISO dates the period covers, when it can be resolved.
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub place: Option<String>,
    pub attributed_to: Option<String>,
    /// The value in the base unit of its kind: kilograms for masses, the currency's units
    /// for money (at face value), the count for counts.
    pub value_base: Option<f64>,
    pub unit_base: Option<String>,
}

/// What a linker sees: the article, its entities, and the figure's sentence and clause.
pub struct Context<'a> {
    pub text: &'a str,
    pub entities: &'a [Entity],
    pub figure: &'a Entity,
    pub tokens: &'a [Token],
    /// Index of the first token after the figure, and of the last before it (if any).
    pub after: usize,
    pub before: Option<usize>,
    /// Token range of the figure's clause.
    pub clause: Range<usize>,
}

impl Context<'_> {
    /// The entities inside a byte range (the entities are sorted by start).
    pub fn entities_in(&self, range: Range<usize>) -> impl Iterator<Item = &Entity> {
        let first = self.entities.partition_point(|e| e.start < range.start);
        self.entities[first..]
            .iter()
            .take_while(move |e| e.start < range.end)
            .filter(move |e| e.end <= range.end)
    }

    /// The distance in tokens from the figure to token `i`.
    pub fn distance(&self, i: usize) -> usize {
        if i >= self.after {
            i - self.after + 1
        } else {
            self.before.map_or(usize::MAX, |b| b - i + 1)
        }
    }
}

/// The facts of an article tagged with `entities` (byte offsets, sorted): one per figure.
pub fn link(article: &Article, entities: &[Entity]) -> Vec<Fact> {
    let text = article.text.as_str();
    if !entities.iter().any(|e| e.label.is_figure()) {
        return Vec::new();
    }
    let sentences = sentences(text);
    let published = article.published.as_deref().and_then(calendar_date);
    let mut facts = Vec::new();
    let mut named = Antecedents::default();
    let mut before_sentence = Antecedents::default();
    let mut sentence_at = 0;
    let mut tokenized: Option<(Range<usize>, Vec<Token>)> = None;
    for (index, figure) in entities.iter().enumerate() {
        while sentence_at + 1 < sentences.len() && sentences[sentence_at].end <= figure.start {
            sentence_at += 1;
            before_sentence = named.clone();
        }
        match figure.label {
            Label::PERSON => named.person = Some(figure.name(text).to_string()),
            Label::ORG => named.org = Some(figure.name(text).to_string()),
            _ => {}
        }
        if !figure.label.is_figure() {
            continue;
        }
        let Some(sentence) = sentences.get(sentence_at).cloned() else {
            continue;
        };
        // Figures often share a sentence: its tokens are made once.
        if tokenized
            .as_ref()
            .is_none_or(|(range, _)| *range != sentence)
        {
            tokenized = Some((sentence.clone(), tokens(text, sentence.clone())));
        }
        let Some((_, tokens)) = &tokenized else {
            continue;
        };
        let after = tokens.partition_point(|t| t.start < figure.end);
        let first = tokens.partition_point(|t| t.end <= figure.start);
        let before = first.checked_sub(1);
        let context = Context {
            text,
            entities,
            figure,
            clause: clause(tokens, first, after),
            tokens,
            after,
            before,
        };
        let item = item::find(&context);
        let (item_canonical, item_label) = item
            .as_ref()
            .map(|range| item::sense(&context, range.clone()))
            .unwrap_or_default();
        let (period, period_start, period_end) = match period::find(&context, published) {
            Some(found) => (Some(found.span), found.start, found.end),
            None => (None, None, None),
        };
        let (value_base, unit_base) = base_value(figure);
        let action = action::find(&context, item.clone());
        facts.push(Fact {
            figure: index,
            start: figure.start,
            end: figure.end,
            sentence,
            item,
            item_canonical,
            item_label,
            action,
            period,
            period_start,
            period_end,
            place: place(&context),
            attributed_to: attribution::find(&context, &before_sentence),
            value_base,
            unit_base,
        });
    }
    facts
}

/// The tokens of the figure's clause: the sentence cut at semicolons, colons, dashes and
/// parentheses, and at a comma before a word that opens a new clause.
fn clause(tokens: &[Token], first: usize, after: usize) -> Range<usize> {
    let breaks = |t: &[Token], i: usize| -> bool {
        match t[i].folded.as_str() {
            ";" | ":" | "—" | "(" | ")" => true,
            "," => t.get(i + 1).is_some_and(|next| {
                matches!(
                    next.folded.as_str(),
                    "and"
                        | "but"
                        | "while"
                        | "which"
                        | "who"
                        | "where"
                        | "whereas"
                        | "after"
                        | "before"
                        | "when"
                        | "as"
                        | "because"
                        | "although"
                        | "despite"
                        | "y"
                        | "mientras"
                        | "aunque"
                        | "pero"
                        | "tras"
                        | "luego"
                        | "cuando"
                )
            }),
            _ => false,
        }
    };
    let start = (0..first)
        .rev()
        .find(|&i| breaks(tokens, i))
        .map_or(0, |i| i + 1);
    let end = (after..tokens.len())
        .find(|&i| breaks(tokens, i))
        .unwrap_or(tokens.len());
    start..end
}

/// The nearest place the tagger found in the figure's clause, with the places coordinated
/// with it ("in Jalisco and Nayarit"), as written. A dateline ("TUCSON, Arizona — …") gives
/// its city only when the clause names no other place.
fn place(context: &Context<'_>) -> Option<String> {
    let clause = &context.tokens[context.clause.clone()];
    let range = clause.first()?.start..clause.last()?.end;
    let dateline_end = dateline_end(context);
    let places: Vec<&Entity> = context
        .entities_in(range)
        .filter(|e| e.label == Label::LOCATION)
        .collect();
    let outside_dateline = places.iter().filter(|e| e.start >= dateline_end);
    let nearest = outside_dateline
        .min_by_key(|e| e.start.abs_diff(context.figure.start))
        .or_else(|| places.first())?;
    // Widen over "A, B and C" around the nearest place.
    let at = places.iter().position(|e| std::ptr::eq(*e, *nearest))?;
    let joined = |a: &Entity, b: &Entity| {
        matches!(
            context.text[a.end..b.start].trim(),
            "," | "and" | ", and" | "y" | "or" | "o"
        )
    };
    let mut first = at;
    while first > 0
        && joined(places[first - 1], places[first])
        && places[first - 1].start >= dateline_end
    {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < places.len()
        && joined(places[last], places[last + 1])
        && nearest.start >= dateline_end
    {
        last += 1;
    }
    let written = &context.text[places[first].start..places[last].end];
    // A dateline's capitals ("TUCSON") are not how the place is written.
    if first == last && !written.chars().any(char::is_lowercase) {
        return Some(places[first].name(context.text).to_string());
    }
    Some(written.to_string())
}

/// Where the dateline of the figure's sentence ends ("LAREDO, Texas —"), or the sentence's
/// start if it has none.
fn dateline_end(context: &Context<'_>) -> usize {
    let Some(first) = context.tokens.first() else {
        return 0;
    };
    let word = &context.text[first.start..first.end];
    let capitals = word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
    if !capitals || word.chars().count() < 3 {
        return first.start;
    }
    context
        .tokens
        .iter()
        .take(8)
        .find(|t| matches!(t.folded.as_str(), "—" | "–" | "-"))
        .map_or(first.start, |t| t.end)
}

/// A figure's value in the base unit of its kind.
fn base_value(figure: &Entity) -> (Option<f64>, Option<String>) {
    let Some(Value::Number(value)) = figure.value else {
        return (None, None);
    };
    let unit = figure.unit.as_deref();
    match figure.label {
        Label::MONEY => (Some(value), unit.map(str::to_string)),
        Label::PERCENT => (Some(value), Some("%".to_string())),
        _ => match unit.and_then(|u| in_kilograms(u, value)) {
            Some(kg) => (Some(kg), Some("kg".to_string())),
            None if unit.is_none_or(|u| !crate::patterns::units::is_measure(u)) => {
                (Some(value), Some("count".to_string()))
            }
            None => (Some(value), unit.map(str::to_string)),
        },
    }
}
