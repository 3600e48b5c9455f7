//! Facts: every figure of an article linked to what it counts, the event, the time, the
//! place and the source, with the sentence it comes from, so an analyst can cite it.
//!
//! The linkers each answer one question from the words around the figure, nearest first,
//! within its clause and then its sentence: [`item`] what is counted, [`action`] what
//! happened, [`period`] when, [`attribution`] according to whom. The place is the nearest
//! LOCATION the tagger found in the clause.

pub mod action;
mod attribution;
mod incidental;
mod item;
pub mod period;
mod priced;
mod tokens;

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::entity::{Entity, Label, Value};
use crate::patterns::dates::calendar_date;
use crate::patterns::units::in_kilograms;
use crate::text::sentences::sentences;
pub use action::Action;
use attribution::Antecedents;
pub use period::{Days, Period};
use tokens::{Token, tokens};

/// A figure linked to what it counts, the event, the time, the place and the source, with
/// the sentence it comes from. Offsets are bytes into the article's text; the writers turn
/// them into code points and words at the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The figure's index in the article's entity list.
    pub figure: usize,
    /// Byte range of the figure.
    pub start: usize,
    /// End of the figure's byte range.
    pub end: usize,
    /// Byte range of the sentence that gives the figure (a window around it in a very long
    /// sentence).
    pub sentence: Range<usize>,
    /// Byte range of what the figure counts or measures ("fentanyl pills").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Range<usize>>,
    /// The canonical names of the entities inside the item, joined with "; ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_canonical: Option<String>,
    /// The label of the first entity inside the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_label: Option<Label>,
    /// The event the figure is reported with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The nearest place tagged in the figure's clause, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who the sentence says gives the figure, by canonical name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    /// The value in the base unit of its kind: kilograms for masses, the currency's units
    /// for money (at face value), the count for counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_base: Option<f64>,
    /// The unit of `value_base`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_base: Option<BaseUnit>,
}

/// The unit a fact's value is compared and filtered in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BaseUnit {
    /// Masses, converted to kilograms.
    Kilograms,
    /// Money, in its currency at face value ("USD", "MXN").
    Currency(Arc<str>),
    /// Percentages.
    Percent,
    /// Counts of things.
    Count,
    /// Other measures, in the unit written ("liter").
    Measure(Arc<str>),
}

impl BaseUnit {
    /// The unit as the fact table writes it: "kg", "USD", "%", "count", or the measure.
    pub fn as_str(&self) -> &str {
        match self {
            BaseUnit::Kilograms => "kg",
            BaseUnit::Percent => "%",
            BaseUnit::Count => "count",
            BaseUnit::Currency(code) | BaseUnit::Measure(code) => code,
        }
    }
}

/// What a linker sees: the article, its entities, and the tokens of the figure's sentence (of
/// its window in a long one: see [`window`]) and clause.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    /// Every entity of the article, sorted by start and never overlapping (as the tagger
    /// gives them), so that a linker finds the ones it wants by binary search: a scan of the
    /// whole list for every figure is quadratic on an article of many figures.
    entities: &'a [Entity],
    pub figure: &'a Entity,
    pub tokens: &'a [Token],
    /// Index of the first token after the figure, and of the last before it (if any).
    pub after: usize,
    pub before: Option<usize>,
    /// Token range of the figure's clause.
    pub clause: Range<usize>,
}

impl<'a> Context<'a> {
    /// The entities inside a byte range (the entities are sorted by start).
    pub fn entities_in(&self, range: Range<usize>) -> impl Iterator<Item = &Entity> {
        let first = self.entities.partition_point(|e| e.start < range.start);
        self.entities[first..]
            .iter()
            .take_while(move |e| e.start < range.end)
            .filter(move |e| e.end <= range.end)
    }

    /// The entities that start at byte `start`.
    pub fn entities_at(&self, start: usize) -> impl Iterator<Item = &'a Entity> + use<'a> {
        let entities = self.entities;
        let first = entities.partition_point(|e| e.start < start);
        entities[first..]
            .iter()
            .take_while(move |e| e.start == start)
    }

    /// The entity that covers the byte range `range`, if any: as entities never overlap, only
    /// the last one to start at or before it can.
    pub fn entity_over(&self, range: Range<usize>) -> Option<&'a Entity> {
        let entities = self.entities;
        let after = entities.partition_point(|e| e.start <= range.start);
        entities[..after].last().filter(|e| range.end <= e.end)
    }

    /// The entities that end at most `gap` bytes before byte `at`, nearest last. Entities
    /// that never overlap end in the order they start, so they are found by binary search.
    pub fn entities_ending_before(
        &self,
        at: usize,
        gap: usize,
    ) -> impl DoubleEndedIterator<Item = &'a Entity> + use<'a> {
        let entities = self.entities;
        let first = entities.partition_point(|e| e.end + gap < at);
        let after = entities.partition_point(|e| e.end <= at);
        entities[first..after.max(first)].iter()
    }

    /// The end of a word glued to the figure by a hyphen ("31" in "a 31-count indictment":
    /// the token "31-count" runs past the figure), if there is one.
    pub fn hyphen_glued_end(&self) -> Option<usize> {
        let figure = self.figure;
        self.tokens
            .get(self.after.wrapping_sub(1))
            .filter(|t| t.start < figure.end && t.end > figure.end)
            .filter(|t| self.text[figure.end..t.end].starts_with('-'))
            .map(|t| t.end)
    }

    /// The distance in tokens from the figure to token `i`.
    pub fn distance(&self, i: usize) -> usize {
        if i >= self.after {
            i - self.after + 1
        } else {
            // A token inside the figure is no distance before it: nearest is 0 (its first
            // token), the rest are as far as can be, never an overflow.
            self.before
                .map_or(usize::MAX, |b| (b + 1).checked_sub(i).unwrap_or(usize::MAX))
        }
    }
}

/// The facts of an article tagged with `entities` (byte offsets, sorted): one per figure.
pub(crate) fn link(article: &Article, entities: &[Entity]) -> Vec<Fact> {
    let text = article.text.as_str();
    if !entities.iter().any(|e| e.label.is_figure()) {
        return Vec::new();
    }
    let sentences = joined_across_figures(sentences(text), entities);
    let published = article.published.as_deref().and_then(calendar_date);
    let mut facts = Vec::new();
    let mut named = Antecedents::default();
    let mut before_sentence = Antecedents::default();
    let mut sentence_at = 0;
    // The index in `facts` of the first fact of the current sentence.
    let mut sentence_facts = 0;
    let mut tokenized: Option<(Range<usize>, Vec<Token>)> = None;
    // The last event a fact reported, and the index of its sentence.
    let mut reported: Option<(usize, Action)> = None;
    // The first event a sentence's words name, by the sentence's index, once read.
    let mut previous_event: Option<(usize, Option<Action>)> = None;
    for (index, figure) in entities.iter().enumerate() {
        while sentence_at + 1 < sentences.len() && sentences[sentence_at].end <= figure.start {
            sentence_at += 1;
            before_sentence = named.clone();
            sentence_facts = facts.len();
        }
        match figure.label {
            Label::PERSON => named.person = Some(figure.name(text).to_string()),
            Label::ORG => named.named_org(figure.name(text)),
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
        let Some((_, sentence_tokens)) = &tokenized else {
            continue;
        };
        let near = window(&sentence, sentence_tokens, figure);
        let tokens = &sentence_tokens[near.clone()];
        // A window cites its own words, and at least the figure.
        let sentence = if near.len() == sentence_tokens.len() {
            sentence
        } else {
            let start = tokens
                .first()
                .map_or(figure.start, |t| t.start.min(figure.start));
            let end = tokens.last().map_or(figure.end, |t| t.end.max(figure.end));
            start..end
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
        let item = item::find(&context)
            .or_else(|| item::elided(&facts[sentence_facts..], entities, &context))
            .or_else(|| item::drug_named_before(&context))
            .map(|item| item::named_drug(&context, item));
        let (item_canonical, item_label) = item
            .as_ref()
            .map(|range| item::sense(&context, range.clone()))
            .unwrap_or_default();
        let period = period::find(&context, published);
        let (value_base, unit_base) = base_value(figure);
        // A sentence that lists or values a haul ("The boat carried …", "The Navy valued the
        // load at …") continues the event of the sentence before: its words, or its facts'.
        let action = action::find(&context, item.clone(), item_label).or_else(|| {
            let at = sentence_at.checked_sub(1)?;
            if !action::continues_what_came_before(&context) {
                return None;
            }
            // Read once for all the figures of a list.
            let named = match previous_event {
                Some((read, event)) if read == at => event,
                _ => {
                    let event = action::first_in(&tokens::tokens(text, sentences[at].clone()));
                    previous_event = Some((at, event));
                    event
                }
            };
            named.or(reported.filter(|(s, _)| *s == at).map(|(_, a)| a))
        });
        if let Some(action) = action {
            reported = Some((sentence_at, action));
        }
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
            place: place(&context),
            attributed_to: attribution::find(&context, &before_sentence),
            value_base,
            unit_base,
        });
    }
    facts
}

/// How far a figure's window reaches on each side in a long sentence: a hundred tokens (words
/// and marks), and no further than 600 bytes.
const WINDOW_TOKENS: usize = 100;
const WINDOW_BYTES: usize = 600;

/// The tokens of `sentence` that a figure's linkers read, as a range of its `tokens`: all of
/// them, or in a long sentence (three windows' worth of tokens or bytes: a table flattened into
/// one line, a run of figures with no full stop) those of the figure's window, which always
/// holds the figure's own tokens. Reading the
/// whole of a long sentence for every figure in it, and citing it in every fact, would make
/// the work and the output grow with the square of its length; a window bounds both per
/// figure, and no linker looks that far anyway.
fn window(sentence: &Range<usize>, tokens: &[Token], figure: &Entity) -> Range<usize> {
    if tokens.len() <= 3 * WINDOW_TOKENS && sentence.len() <= 3 * WINDOW_BYTES {
        return 0..tokens.len();
    }
    let first = tokens.partition_point(|t| t.end <= figure.start);
    let after = tokens.partition_point(|t| t.start < figure.end);
    let start = first
        .saturating_sub(WINDOW_TOKENS)
        .max(tokens.partition_point(|t| t.start + WINDOW_BYTES < figure.start));
    let end =
        (after + WINDOW_TOKENS).min(tokens.partition_point(|t| t.end <= figure.end + WINDOW_BYTES));
    // A figure inside a token that alone runs past the window ("1,1,1,…") reads nothing.
    if start > first || end < after {
        return first..first;
    }
    start..end
}

/// Sentences joined where a figure runs across their boundary: the figure patterns read a
/// number's unit across a line break ("twenty\nkilograms", "MX$\n11"), the splitter ends a
/// sentence at every line break, and a fact must cite a sentence that holds its whole figure.
fn joined_across_figures(sentences: Vec<Range<usize>>, entities: &[Entity]) -> Vec<Range<usize>> {
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    let mut figures = entities.iter().filter(|e| e.label.is_figure()).peekable();
    for sentence in sentences {
        if let Some(last) = joined.last_mut() {
            while figures.next_if(|f| f.end <= last.end).is_some() {}
            if figures.peek().is_some_and(|f| f.start < last.end) {
                last.end = sentence.end;
                continue;
            }
        }
        joined.push(sentence);
    }
    joined
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
fn base_value(figure: &Entity) -> (Option<f64>, Option<BaseUnit>) {
    let Some(Value::Number(value)) = figure.value else {
        return (None, None);
    };
    let unit = figure.unit.as_ref();
    match figure.label {
        Label::MONEY => (Some(value), unit.cloned().map(BaseUnit::Currency)),
        Label::PERCENT => (Some(value), Some(BaseUnit::Percent)),
        _ => match unit.and_then(|u| in_kilograms(u, value)) {
            Some(kg) => (Some(kg), Some(BaseUnit::Kilograms)),
            None if unit.is_none_or(|u| !crate::patterns::units::is_measure(u)) => {
                (Some(value), Some(BaseUnit::Count))
            }
            None => (Some(value), unit.cloned().map(BaseUnit::Measure)),
        },
    }
}
