//! Fractions as news writes them: "a half", "half a dozen", "one and a half", "two fifths",
//! "three quarters", "3 1/2", "2/3", and "½", which folding turns into "1/2". The number reader
//! asks these after it has read a whole number; each returns the number extended over the
//! fraction, or nothing.

use super::language::Language;
use super::numbers::Number;
use super::vocabulary::{self, FRACTION};
use crate::text::Doc;

/// The denominator a fraction word names ("fifth" and "fifths" are 5), and whether the word
/// is plural.
pub(super) fn denominator(word: &str) -> Option<(u32, bool)> {
    let d = vocabulary::value(word, FRACTION)?;
    Some((d, word.ends_with('s')))
}

/// Denominators a slash fraction is written with. Others ("9/11", "24/7") are names or dates.
fn is_slash_denominator(d: u64) -> bool {
    matches!(d, 2 | 3 | 4 | 5 | 8 | 10 | 16)
}

/// "a half", "a quarter of", "a tenth" at word `i` (an article): one part of the whole ("a
/// third suspect" is an ordinal, which the caller tells by what follows).
pub(super) fn a_part(doc: &Doc<'_>, i: usize) -> Option<Number> {
    let part = one_part(doc, i)?;
    let quarter = doc.word(i + 1).starts_with("quarter");
    (!quarter || of_after(doc, i + 1)).then_some(part) // not "a quarter century"
}

/// "a half", "a quarter": one part, also in a mixed number ("seven and a quarter tons").
fn one_part(doc: &Doc<'_>, i: usize) -> Option<Number> {
    let next = i + 1;
    if next >= doc.words.len() || doc.gap_before(next) != " " {
        return None;
    }
    let (d, plural) = denominator(doc.word(next))?;
    (!plural).then(|| part(doc.words[i].start, doc.words[next].end, 1.0 / f64::from(d)))
}

/// "half a" or "half an" at word `i`: a half of what follows, a scale ("half a million"), a
/// dozen or a measure ("half a ton").
pub(super) fn half_a(doc: &Doc<'_>, i: usize) -> Option<Number> {
    let next = i + 1;
    let article = next < doc.words.len()
        && doc.word(i) == "half"
        && doc.gap_before(next) == " "
        && matches!(doc.word(next), "a" | "an");
    article.then(|| part(doc.words[i].start, doc.words[next].end, 0.5))
}

/// The fraction that follows a number read from `number`, if one does: a slash ("2/3"), a
/// mixed number ("3 1/2", "1-1/8", "one and a half", "seven and three quarters") or a
/// denominator word ("two fifths", "one third").
pub(super) fn after(doc: &Doc<'_>, number: &Number) -> Option<Number> {
    if number.attached.0 != number.attached.1 || number.scaled {
        return None;
    }
    if number.value.fract() != 0.0 {
        return hyphenated(doc, number);
    }
    slash(doc, number)
        .or_else(|| hyphenated(doc, number))
        .or_else(|| mixed(doc, number))
        .or_else(|| over_denominator(doc, number))
}

/// A fraction joined by a hyphen, as market reports write prices and rates: "1-1/8 pct" is
/// 1.125, and "2.72-3/4 dlrs" adds three quarters of the last decimal place, 2.7275.
fn hyphenated(doc: &Doc<'_>, number: &Number) -> Option<Number> {
    let text = doc.text();
    if !number.digits || !text[number.end..].starts_with('-') {
        return None;
    }
    let j = doc.word_starting_at(number.end + 1)?;
    let fraction = slash(
        doc,
        &super::numbers::read_digits(doc, j, Language::English)?,
    )?;
    let written = &text[number.start..number.end];
    let decimals = written.split_once('.').map_or(0, |(_, d)| d.len() as i32);
    Some(Number {
        value: number.value + fraction.value / 10f64.powi(decimals),
        end: fraction.end,
        fraction: false,
        ..*number
    })
}

/// "2/3", "1/2": digits, a slash and a denominator, with nothing glued after (so not a date
/// "3/4/2024" or a code).
fn slash(doc: &Doc<'_>, number: &Number) -> Option<Number> {
    let text = doc.text();
    if !number.digits || !text[number.end..].starts_with('/') {
        return None;
    }
    let j = doc.word_starting_at(number.end + 1)?;
    let d: u64 = doc.word(j).parse().ok()?;
    let glued = text[doc.words[j].end..].starts_with(|c: char| c == '/' || c.is_alphanumeric());
    let numerator = number.value as u64;
    (numerator < d && is_slash_denominator(d) && !glued)
        .then(|| part(number.start, doc.words[j].end, numerator as f64 / d as f64))
}

/// A whole number and a fraction: "3 1/2", "one and a half", "two and three quarters".
fn mixed(doc: &Doc<'_>, number: &Number) -> Option<Number> {
    let next = doc.word_from(number.end);
    if next >= doc.words.len() || doc.gap_before(next) != " " {
        return None;
    }
    let fraction = if number.digits && doc.word(next).as_bytes()[0].is_ascii_digit() {
        let first = super::numbers::read_digits(doc, next, Language::English)?;
        slash(doc, &first)?
    } else if doc.word(next) == "and" && next + 1 < doc.words.len() {
        let start = next + 1;
        let numerator = match doc.word(start) {
            "a" | "an" => one_part(doc, start)?,
            _ => over_denominator(doc, &super::numbers::read_words(doc, start)?)?,
        };
        (numerator.value < 1.0).then_some(numerator)?
    } else {
        return None;
    };
    Some(Number {
        value: number.value + fraction.value,
        end: fraction.end,
        fraction: false,
        ..*number
    })
}

/// A count of parts: "two fifths", "three quarters", "two-thirds", "one third".
fn over_denominator(doc: &Doc<'_>, number: &Number) -> Option<Number> {
    let next = doc.word_from(number.end);
    if number.digits || next >= doc.words.len() || !matches!(doc.gap_before(next), " " | "-") {
        return None;
    }
    let (d, plural) = denominator(doc.word(next))?;
    if d == 4 && !of_after(doc, next) {
        return None; // "the last two quarters" of a year
    }
    let numerator = number.value;
    if (numerator == 1.0) == plural || numerator >= f64::from(d) || numerator == 0.0 {
        return None;
    }
    Some(part(
        number.start,
        doc.words[next].end,
        numerator / f64::from(d),
    ))
}

/// Whether "of" follows word `i`: "quarter" is a fraction in "three quarters of the guns" but
/// a time in "the last two quarters".
fn of_after(doc: &Doc<'_>, i: usize) -> bool {
    i + 1 < doc.words.len() && doc.word(i + 1) == "of" && doc.gap_before(i + 1) == " "
}

/// A fraction under one from `start` to `end`, which only a measure or an "of" after it makes
/// a figure.
fn part(start: usize, end: usize, value: f64) -> Number {
    Number {
        value,
        start,
        end,
        digits: false,
        year_like: false,
        scaled: false,
        scale_power: 0,
        attached: (end, end),
        fraction: true,
    }
}
