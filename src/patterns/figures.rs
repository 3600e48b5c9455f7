//! Figures: counts and measures (QUANTITY), amounts of money (MONEY) and percentages (PERCENT),
//! with their value, range, unit and qualifier.
//!
//! A figure's span is the number with its unit of measure or currency ("300 kilograms",
//! "$1.2 billion", "35%"); a qualifier and a counted noun stay outside and go into fields
//! ("over 11 million fentanyl pills": span "11 million", unit "pill", qualifier "over").

use std::sync::Arc;

use super::codes::{is_code, is_spanish_day};
use super::language::Language;
use super::money::{currency_after, currency_before, repeated_sign, subunits_after};
use super::numbers::{Number, read_number, round_scaled};
use super::outlets::Currency;
use super::qualifiers::{qualifier_after, qualifier_before};
use super::units::{attached_measure, counted_noun_after, measure_at};
use crate::entity::{Entity, Label, Qualifier, Value};
use crate::text::Doc;

/// How an article's figures are read: what "$" means for its source, and the language its
/// numbers are written in.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading {
    pub currency: Currency,
    pub language: Language,
}

/// Appends every figure of `doc` to `out` (folded offsets).
pub fn find_figures(doc: &Doc<'_>, classes: &[u32], reading: Reading, out: &mut Vec<Entity>) {
    use super::vocabulary::{ARTICLE, DIGITS, FRACTION, NUMBER, SPANISH_NUMBER};
    let number_words = match reading.language {
        Language::English => NUMBER | ARTICLE | FRACTION,
        Language::Spanish => SPANISH_NUMBER,
    };
    let mut free_from = 0; // figures never overlap: skip words inside the last one
    for (i, &class) in classes.iter().enumerate() {
        if class & (DIGITS | number_words) == 0
            || doc.words[i].start < free_from
            || continues_a_number(doc, i)
            || reading.language == Language::English && !may_start_number(doc, i)
        {
            continue;
        }
        if let Some(figure) = figure_at(doc, i, reading) {
            free_from = figure.end;
            out.push(figure);
        }
    }
}

/// Whether word `i` is the later digits of a number written with separators ("100" of
/// "5,100", "5" of "1.5"), which a rejected number must not leave behind as a figure.
fn continues_a_number(doc: &Doc<'_>, i: usize) -> bool {
    let word = doc.word(i);
    let continues = match doc.gap_before(i) {
        "," => word.len() == 3 && word.bytes().all(|b| b.is_ascii_digit()),
        "." => word.as_bytes()[0].is_ascii_digit(),
        _ => false,
    };
    continues && i > 0 && doc.word(i - 1).as_bytes()[0].is_ascii_digit()
}

fn may_start_number(doc: &Doc<'_>, i: usize) -> bool {
    let word = doc.word(i);
    let next = || (i + 1 < doc.words.len()).then(|| doc.word(i + 1));
    word.as_bytes()[0].is_ascii_digit()
        || super::numbers::is_number_word(word)
        || matches!(word, "a" | "an")
            && next().is_some_and(|w| {
                matches!(
                    w,
                    "dozen" | "score" | "hundred" | "thousand" | "million" | "billion"
                ) || super::vocabulary::has(w, super::vocabulary::FRACTION)
            })
        || word == "half" && next().is_some_and(|w| matches!(w, "a" | "an"))
}

fn figure_at(doc: &Doc<'_>, i: usize, reading: Reading) -> Option<Entity> {
    let text = doc.text();
    let language = reading.language;
    let first = read_number(doc, i, language)?;
    if language.is_spanish() && is_spanish_day(doc, &first) {
        return None;
    }
    let money_before = currency_before(doc, i, reading.currency);
    // A currency around the number makes it an amount, also after the capitals that would
    // otherwise make it a name's number ("USD 5", "Rs 5", "Pagaron 40 mdp"), with a leading
    // zero ("$0.50") and with letters after the digits ("92p").
    if first.digits
        && money_before.is_none()
        && is_code(doc, i, &first)
        && currency_after(doc, &first, first.end, i, false).is_none()
    {
        return None;
    }
    let millions = money_before.is_some() || m_means_millions(doc, &first, i, language);
    let first = with_scales(doc, first, millions);
    let span_start = money_before.map_or(first.start, |(_, s)| s);
    let (span_start, sign) = match sign_before(doc, span_start) {
        Some((sign_start, sign)) => (sign_start, sign),
        None => (span_start, 1.0),
    };
    let amount = read_amount(doc, &first, span_start, money_before.is_some(), language)?;
    let mut qualifier = if amount.plus {
        Some(Qualifier::Over)
    } else {
        qualifier_before(doc, span_start)
    };
    let mut end = amount.end;
    let unit_from = unit_search_from(doc, &amount, language);

    // What follows the amount: percent, a currency, a unit of measure, or a counted noun.
    let mut money = None;
    let (label, mut unit): (Label, Option<Arc<str>>) =
        if let Some((percent_end, percent)) = percent_after(doc, unit_from) {
            end = percent_end;
            (Label::PERCENT, Some(Arc::from(percent)))
        } else if let Some((after, after_end)) =
            currency_after(doc, &amount.last, unit_from, i, money_before.is_some())
        {
            end = after_end;
            money = Some(after);
            (Label::MONEY, Some(Arc::from(after.code)))
        } else if let Some((before, _)) = money_before {
            money = Some(before);
            (Label::MONEY, Some(Arc::from(before.code)))
        } else {
            (Label::QUANTITY, None)
        };
    if label == Label::QUANTITY {
        if let Some((measure, measure_end)) = measure_after(doc, &amount, unit_from)? {
            unit = Some(Arc::from(measure));
            end = measure_end;
        }
        if first.year_like && unit.is_none() && qualifier.is_none() && amount.high.is_none() {
            return None; // a year, for the date finder
        }
        // A fraction is a share of something ("two fifths of the cargo") or a measure ("half
        // a ton"), never a count of a noun.
        if amount.last.fraction && unit.is_none() {
            let next = doc.word_from(end);
            return (next < doc.words.len() && doc.word(next) == "of").then(|| {
                let mut entity = Entity::new(span_start, end, label);
                entity.value = Some(Value::Number(sign * amount.low));
                entity.qualifier = qualifier;
                entity
            });
        }
        if unit.is_none() && begins_adjective(doc, end) {
            return None;
        }
        if unit.is_none() {
            let plural = amount.high.is_some() || amount.low != 1.0;
            unit = counted_noun_after(doc, doc.word_from(end), plural, language).map(Arc::from);
            if !first.digits && doc.word(i) == "one" && !counts_one(doc, i, unit.is_some()) {
                return None;
            }
            if is_spanish_article_one(doc, i, &amount)
                || unit.is_none() && stands_for_a_noun(doc, i, end)
            {
                return None;
            }
        }
    }
    let (mut low, high) = match money {
        Some(m) => (m.value(amount.low), amount.high.map(|h| m.value(h.value))),
        None => (amount.low, amount.high.map(|h| h.value)),
    };
    low *= sign;
    // "eleven dollars and twenty cents": the cents after a currency named after the amount.
    if let Some(m) = money.filter(|_| amount.high.is_none() && money_before.is_none())
        && let Some((cents, cents_end)) = subunits_after(doc, end, m, language)
    {
        low += cents;
        end = cents_end;
    }
    // A currency written after the amount starts the span at the number: "40 million pesos".
    let span_start = if label == Label::MONEY && money_before.is_none() {
        first.start
    } else {
        span_start
    };
    qualifier = qualifier.or_else(|| qualifier_after(&text[end..]));
    let mut entity = Entity::new(span_start, end, label);
    entity.value = Some(Value::Number(low));
    entity.value_max = high;
    entity.unit = unit;
    entity.qualifier = qualifier;
    Some(entity)
}

/// `number` with the scales the number reader leaves to figures: the Indian "lakh" (10^5)
/// and "crore" (10^7), alone or together ("Rs 5 crore", "₹2.5 lakh crore"), and after a
/// currency sign an "m" glued to the digits, which is then millions, not metres ("£5m").
fn with_scales(doc: &Doc<'_>, number: Number, money: bool) -> Number {
    let mut number = number;
    let text = doc.text();
    let (glued_start, glued_end) = number.attached;
    if money && &text[glued_start..glued_end] == "m" {
        number = scaled(number, 6, glued_end);
        number.attached = (glued_end, glued_end);
    }
    if glued_start != glued_end {
        return number;
    }
    loop {
        let next = doc.word_from(number.end);
        if next >= doc.words.len() || doc.gap_before(next) != " " {
            return number;
        }
        let power = match doc.word(next) {
            "lakh" | "lakhs" | "lac" | "lacs" => 5,
            "crore" | "crores" => 7,
            _ => return number,
        };
        number = scaled(number, power, doc.words[next].end);
    }
}

/// Whether an "m" glued to the digits means millions rather than metres: before a currency
/// ("3.2m euros") or a plural counted noun ("25m people"), not in "a 10m wall". (After a
/// currency sign, "£5m", the caller knows already.)
fn m_means_millions(doc: &Doc<'_>, number: &Number, i: usize, language: Language) -> bool {
    let (glued_start, glued_end) = number.attached;
    if &doc.text()[glued_start..glued_end] != "m" {
        return false;
    }
    let bare = Number {
        attached: (glued_end, glued_end),
        ..*number
    };
    if currency_after(doc, &bare, glued_end, i, false).is_some() {
        return true;
    }
    let next = doc.word_from(glued_end);
    next < doc.words.len()
        && counted_noun_after(doc, next, true, language).is_some_and(|noun| noun != doc.word(next))
}

/// A sign written before a figure that starts at `start`: "-7%", "−12.5", "+4%", "minus
/// three percent"; where it starts, and -1 or 1. A dash glued to a word or number before it
/// is a hyphen or a range, and a dash of punctuation ("—dos ciudadanos") is no sign either.
fn sign_before(doc: &Doc<'_>, start: usize) -> Option<(usize, f64)> {
    let before = &doc.text()[..start];
    let stands_alone = |rest: &str| rest.is_empty() || rest.ends_with([' ', '(']);
    let minus = |at: usize| matches!(doc.original_span(at, at + 1), "-" | "\u{2212}");
    let (rest, sign) = if let Some(rest) = before.strip_suffix('-').filter(|r| minus(r.len())) {
        (rest, -1.0)
    } else if let Some(rest) = before.strip_suffix('+') {
        (rest, 1.0)
    } else {
        (before.strip_suffix("minus ")?, -1.0)
    };
    // "plus or minus 10 pct" is a margin either way.
    let margin = ["plus or ", "plus and ", "plus/"]
        .iter()
        .any(|p| rest.ends_with(p));
    (stands_alone(rest) && !margin).then_some((rest.len(), sign))
}

/// `number` multiplied by `10^power`, its text now ending at `end`.
fn scaled(number: Number, power: i32, end: usize) -> Number {
    Number {
        value: round_scaled(number.value * 10f64.powi(power)),
        end,
        scaled: true,
        scale_power: number.scale_power + power,
        year_like: false,
        ..number
    }
}

/// The number or range a figure states.
struct Amount {
    /// The value, or a range's low end (scaled like the high end: "5-10 million").
    low: f64,
    high: Option<Number>,
    /// The number that ends the amount: the high end of a range, else the first.
    last: Number,
    end: usize,
    /// Written "60-plus" or "20+".
    plus: bool,
}

/// Reads the amount starting with `first`: a single number, "60-plus", or a range ("5-10",
/// "20 to 30", "between 20 and 30", "entre 5 y 10"). A range of years is a period, for the
/// date finder.
fn read_amount(
    doc: &Doc<'_>,
    first: &Number,
    span_start: usize,
    money: bool,
    language: Language,
) -> Option<Amount> {
    let text = doc.text();
    let after = &text[first.end..];
    let plus_rest = after
        .strip_prefix("-plus")
        .or_else(|| after.strip_prefix(" plus"));
    if let Some(rest) = plus_rest.filter(|r| !r.starts_with(|c: char| c.is_alphanumeric())) {
        let end = text.len() - rest.len();
        return Some(Amount {
            low: first.value,
            high: None,
            last: *first,
            end,
            plus: true,
        });
    }
    if after.starts_with('+') {
        return Some(Amount {
            low: first.value,
            high: None,
            last: *first,
            end: first.end + 1,
            plus: true,
        });
    }
    let Some(high) = range_end(doc, span_start, first, money, language) else {
        return Some(Amount {
            low: first.value,
            high: None,
            last: *first,
            end: first.end,
            plus: false,
        });
    };
    if first.year_like && high.year_like {
        return None; // "2015-2016"
    }
    let mut low = first.value;
    // "5-10 million": the low end borrows the scale, unless that would put it above the
    // high end ("between 500,000 and 2 million" is half a million to two million).
    let borrowed = low * 10f64.powi(high.scale_power);
    if first.scale_power == 0 && high.scale_power > 0 && !first.scaled && borrowed < high.value {
        low = borrowed;
    }
    Some(Amount {
        low,
        high: Some(high),
        last: high,
        end: high.end,
        plus: false,
    })
}

/// A percent sign or word after the amount ending at `end`, with where it ends and its unit:
/// "%" for percent, "pp" for percentage points, "bp" for basis points.
fn percent_after(doc: &Doc<'_>, end: usize) -> Option<(usize, &'static str)> {
    let text = doc.text();
    if text[end..].trim_start_matches(' ').starts_with('%') {
        return Some((end + text[end..].find('%').unwrap_or(0) + 1, "%"));
    }
    let next = doc.word_from(end);
    if next >= doc.words.len() {
        return None;
    }
    percent_word(doc, next, &text[end..doc.words[next].start])
}

/// A unit of measure after the amount, glued ("300kg") or as words ("300 kilograms"), with
/// where it ends. `None` (the outer option) when the measure makes the figure an age.
fn measure_after(
    doc: &Doc<'_>,
    amount: &Amount,
    end: usize,
) -> Option<Option<(&'static str, usize)>> {
    let text = doc.text();
    let last = &amount.last;
    let glued = (last.attached.0 != last.attached.1)
        .then(|| attached_measure(&text[last.attached.0..last.attached.1]))
        .flatten();
    if let Some(unit) = glued {
        return Some(Some((unit, last.attached.1)));
    }
    let next = doc.word_from(end);
    if next >= doc.words.len() || !matches!(&text[end..doc.words[next].start], " " | "-") {
        return Some(None);
    }
    match measure_at(doc, next) {
        Some((_, measure_end)) if is_old(&text[measure_end..]) => None,
        found => Some(found),
    }
}

/// Whether "one" at word `i` counts something ("one rifle") rather than standing for a
/// person or thing ("one of the", "no one") or being part of an idiom ("on one hand", "one way
/// or another", "one by one").
fn counts_one(doc: &Doc<'_>, i: usize, has_noun: bool) -> bool {
    let next = doc.words.get(i + 1).is_some().then(|| doc.word(i + 1));
    let prev = (i > 0).then(|| doc.word(i - 1));
    has_noun
        && !matches!(
            next,
            Some("of" | "another" | "by" | "after" | "hand" | "way")
        )
        && !matches!(prev, Some("no" | "any" | "every" | "each" | "some" | "the"))
}

/// A bare whole number after "the" and before a verb or a stop stands for people or things
/// already counted ("the two pleaded not guilty", "the 157 are among"); before anything else
/// it may still count ("the 10 other states", "the 12 point drop").
fn stands_for_a_noun(doc: &Doc<'_>, i: usize, end: usize) -> bool {
    let article = i > 0 && doc.word(i - 1) == "the" && doc.gap_before(i) == " ";
    let whole = doc.text()[doc.words[i].start..end]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b',');
    // "the two pleaded" is a pronoun; "the 1,685 polled firms" counts firms.
    let first_digit = doc.word(i).as_bytes()[0].is_ascii_digit();
    let next = doc.word_from(end);
    let verb_or_stop = match (next < doc.words.len()).then(|| doc.gap_before(next)) {
        None => true,
        Some("-") => false, // "the 31-count indictment"
        Some(" ") => {
            let word = doc.word(next);
            matches!(
                word,
                "are"
                    | "were"
                    | "was"
                    | "is"
                    | "have"
                    | "had"
                    | "has"
                    | "will"
                    | "would"
                    | "said"
                    | "say"
                    | "remain"
                    | "face"
                    | "who"
                    | "also"
            ) || word.len() > 3 && word.ends_with("ed") && !first_digit
        }
        Some(_) => true, // punctuation: "against the two."
    };
    article && whole && verb_or_stop
}

/// A number that begins an adjective rather than counting: "two-tiered", "one-sided",
/// "three-pronged" (a hyphen and a past participle; measures such as "10-year" are read
/// before this is asked).
fn begins_adjective(doc: &Doc<'_>, end: usize) -> bool {
    let next = doc.word_from(end);
    next < doc.words.len()
        && doc.gap_before(next) == "-"
        && doc.word(next).len() > 3
        && doc.word(next).ends_with("ed")
}

/// Spanish "un", "una", "uno" alone is an article or a pronoun ("un hombre", "uno de los
/// detenidos"), not a count: it is a figure only with a scale or a measure ("un millón", "una
/// tonelada"), which the caller has already looked for.
fn is_spanish_article_one(doc: &Doc<'_>, i: usize, amount: &Amount) -> bool {
    matches!(doc.word(i), "un" | "una" | "uno") && !amount.last.scaled && amount.high.is_none()
}

/// Where a figure's unit is looked for: right after the amount, or in Spanish after the "de"
/// that joins "millones" (and "mil millones", "billones") to what they count: "1,5 millones
/// de pesos", "2 millones de litros".
fn unit_search_from(doc: &Doc<'_>, amount: &Amount, language: Language) -> usize {
    let end = amount.end;
    let next = doc.word_from(end);
    let joined = language == Language::Spanish
        && amount.last.scale_power >= 6
        && next + 1 < doc.words.len()
        && doc.word(next) == "de"
        && doc.gap_before(next) == " "
        && doc.gap_before(next + 1) == " ";
    if joined { doc.words[next].end } else { end }
}

/// A unit measure followed by "old" is an age ("34-year-old", "12 years old"): not a figure.
fn is_old(after_unit: &str) -> bool {
    after_unit.starts_with("-old") || after_unit.starts_with(" old")
}

/// "percent", "per cent", "pct", "por ciento", "percentage points", "basis points" after a
/// number, with where it ends and its unit.
fn percent_word(doc: &Doc<'_>, next: usize, gap: &str) -> Option<(usize, &'static str)> {
    if next >= doc.words.len() || gap != " " {
        return None;
    }
    let after = next + 1;
    let word_after =
        (after < doc.words.len() && doc.gap_before(after) == " ").then(|| doc.word(after));
    let points = matches!(word_after, Some("point" | "points"));
    match doc.word(next) {
        "percent" | "pct" => Some((doc.words[next].end, "%")),
        "percentage" if points => Some((doc.words[after].end, "pp")),
        "basis" if points => Some((doc.words[after].end, "bp")),
        "per" | "por" => {
            matches!(word_after, Some("cent" | "ciento")).then(|| (doc.words[after].end, "%"))
        }
        _ => None,
    }
}

/// The high end of a range starting with `low`: "-10", " to 10", " and 30" after "between";
/// in Spanish " y 10" after "entre", " a 10" after "de" or "entre". Read with the scales of
/// [`with_scales`] (`money` when a currency sign starts the figure).
fn range_end(
    doc: &Doc<'_>,
    span_start: usize,
    low: &Number,
    money: bool,
    language: Language,
) -> Option<Number> {
    let text = doc.text();
    let after = &text[low.end..];
    let before = text[..span_start].trim_end();
    let word_before = before.rsplit(|c: char| !c.is_alphanumeric()).next();
    let between = before.ends_with("between") || word_before == Some("entre");
    let joiners: &[&str] = match language {
        Language::English => &["-", " - ", " to ", " and ", " or "],
        Language::Spanish => &["-", " - ", " y ", " a ", " o "],
    };
    let joiner = *joiners.iter().find(|j| after.starts_with(**j))?;
    let spanish_from = joiner == " a " && matches!(word_before, Some("de" | "entre"));
    if matches!(joiner, " and " | " or " | " y " | " o ") && !between
        || joiner == " a " && !spanish_from
    {
        return None;
    }
    // A repeated currency: "$5 million to $10 million".
    let from = low.end + joiner.len();
    let from = from + repeated_sign(&text[from..]);
    let j = doc.word_starting_at(from)?;
    let high = with_scales(doc, read_number(doc, j, language)?, money);
    // "up 3/8 to 29", "fell 3/4 to one pct": a change and the level it reached.
    if low.fraction && joiner == " to " && high.value >= 1.0 {
        return None;
    }
    if high.value <= low.value && high.scale_power == low.scale_power {
        return None;
    }
    Some(high)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (span text, value, value_max, unit, qualifier, label) of a figure.
    type Figure = (
        String,
        f64,
        Option<f64>,
        Option<String>,
        Option<&'static str>,
        &'static str,
    );

    /// (span text, value, value_max, unit, qualifier, label) of each figure.
    fn figures(text: &str) -> Vec<Figure> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        let classes = super::super::vocabulary::classify(&doc);
        let reading = Reading {
            currency: Currency::default(),
            language: Language::detect(&classes),
        };
        find_figures(&doc, &classes, reading, &mut out);
        out.iter()
            .map(|e| {
                let mention = doc.original_span(e.start, e.end);
                (
                    mention.to_string(),
                    e.number().unwrap(),
                    e.value_max,
                    e.unit.as_deref().map(str::to_string),
                    e.qualifier.map(Qualifier::as_str),
                    e.label.as_str(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> Figure {
        let found = figures(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn counted_nouns_and_qualifiers_stay_outside_the_span() {
        let f = one("They seized over 11 million fentanyl pills in 2024.");
        assert_eq!(
            f,
            (
                "11 million".into(),
                11e6,
                None,
                Some("pill".into()),
                Some("over"),
                "QUANTITY"
            )
        );
    }

    #[test]
    fn units_of_measure_are_inside_the_span() {
        let f = one("Agents found 300 kilograms of cocaine.");
        assert_eq!(
            (f.0.as_str(), f.1, f.3.as_deref()),
            ("300 kilograms", 300.0, Some("kg"))
        );
        let f = one("retaking 18,000 square kilometers of territory");
        assert_eq!(
            (f.0.as_str(), f.1, f.3.as_deref()),
            ("18,000 square kilometers", 18000.0, Some("km2"))
        );
        let f = one("a 300kg load");
        assert_eq!((f.0.as_str(), f.3.as_deref()), ("300kg", Some("kg")));
    }

    #[test]
    fn ranges_give_low_and_high() {
        let f = one("sentenced to 5-10 years");
        assert_eq!(
            (f.0.as_str(), f.1, f.2, f.3.as_deref()),
            ("5-10 years", 5.0, Some(10.0), Some("year"))
        );
        let f = one("between 20 and 30 rifles");
        assert_eq!(
            (f.0.as_str(), f.1, f.2, f.3.as_deref()),
            ("20 and 30", 20.0, Some(30.0), Some("rifle"))
        );
        let f = one("15 to 20 percent of the guns");
        assert_eq!(
            (f.0.as_str(), f.1, f.2, f.5),
            ("15 to 20 percent", 15.0, Some(20.0), "PERCENT")
        );
        let f = one("worth 5-10 million dollars");
        assert_eq!((f.1, f.2, f.5), (5e6, Some(10e6), "MONEY"));
    }

    #[test]
    fn money_in_symbols_codes_and_words() {
        let f = one("a $2.5 million fine");
        assert_eq!(
            (f.0.as_str(), f.1, f.3.as_deref(), f.5),
            ("$2.5 million", 2.5e6, Some("USD"), "MONEY")
        );
        let f = one("paid US$40 million");
        assert_eq!(
            (f.0.as_str(), f.3.as_deref()),
            ("US$40 million", Some("USD"))
        );
        let f = one("some 40 million pesos");
        assert_eq!(
            (f.0.as_str(), f.3.as_deref(), f.4),
            ("40 million pesos", Some("MXN"), Some("about"))
        );
        let f = one("costs €3bn");
        assert_eq!(
            (f.0.as_str(), f.1, f.3.as_deref()),
            ("€3bn", 3e9, Some("EUR"))
        );
        let f = one("a $2.5k bribe");
        assert_eq!((f.0.as_str(), f.1), ("$2.5k", 2500.0));
        let f = one("paid 2 pesos or more");
        assert_eq!((f.0.as_str(), f.4), ("2 pesos", Some("at least")));
        let f = one("more than $4 million");
        assert_eq!((f.0.as_str(), f.4), ("$4 million", Some("over")));
    }

    #[test]
    fn money_takes_its_code_and_sub_units_their_share() {
        let f = one("a 15-cent dividend");
        assert_eq!(
            (f.0.as_str(), f.1, f.3.as_deref(), f.5),
            ("15-cent", 0.15, Some("USD"), "MONEY")
        );
        let f = one("between 5 and 10 cents");
        assert_eq!((f.1, f.2), (0.05, Some(0.1)));
        let f = one("from £5m to £10m");
        assert_eq!((f.0.as_str(), f.1, f.2), ("£5m to £10m", 5e6, Some(10e6)));
        let f = one("eleven dollars and twenty cents");
        assert_eq!(
            (f.0.as_str(), f.1),
            ("eleven dollars and twenty cents", 11.2)
        );
        let f = one("300 pounds of cocaine");
        assert_eq!((f.3.as_deref(), f.5), (Some("lb"), "QUANTITY"));
    }

    #[test]
    fn lakh_and_crore_scale_any_figure() {
        let f = one("Rs 5 crore");
        assert_eq!(
            (f.0.as_str(), f.1, f.3.as_deref()),
            ("Rs 5 crore", 5e7, Some("INR"))
        );
        let f = one("₹2.5 lakh crore");
        assert_eq!(f.1, 2.5e12);
        let f = one("5-10 lakh people");
        assert_eq!((f.1, f.2, f.3.as_deref()), (5e5, Some(1e6), Some("person")));
        let f = one("a $0.50 fee");
        assert_eq!((f.0.as_str(), f.1), ("$0.50", 0.5));
        let f = one("a 5m fall");
        assert_eq!(
            (f.1, f.3.as_deref()),
            (5.0, Some("m")),
            "without a currency, metres"
        );
    }

    #[test]
    fn a_range_lends_its_scale_only_to_a_low_end_below_it() {
        let found =
            figures("They asked between 500,000 and 2 million pesos, or 5-10 million dollars.");
        let values: Vec<(f64, Option<f64>)> = found.iter().map(|f| (f.1, f.2)).collect();
        assert_eq!(
            values,
            [
                (500_000.0, Some(2_000_000.0)),
                (5_000_000.0, Some(10_000_000.0))
            ]
        );
    }

    #[test]
    fn the_dollar_sign_follows_the_source() {
        let doc = Doc::new("a $500 fine");
        let mut out = Vec::new();
        let reading = Reading {
            currency: Currency { dollar_sign: "MXN" },
            language: Language::English,
        };
        find_figures(
            &doc,
            &super::super::vocabulary::classify(&doc),
            reading,
            &mut out,
        );
        assert_eq!(out[0].unit.as_deref(), Some("MXN"));
    }

    #[test]
    fn percentages() {
        let f = one("up 35% from");
        assert_eq!((f.0.as_str(), f.1, f.5), ("35%", 35.0, "PERCENT"));
        let f = one("nearly 12 percent");
        assert_eq!((f.0.as_str(), f.4), ("12 percent", Some("nearly")));
        let f = one("12 per cent");
        assert_eq!(f.0, "12 per cent");
    }

    #[test]
    fn numbers_in_words() {
        let f = one("six soldiers died");
        assert_eq!(
            (f.0.as_str(), f.1, f.3.as_deref()),
            ("six", 6.0, Some("soldier"))
        );
        let f = one("twenty-five people");
        assert_eq!((f.1, f.3.as_deref()), (25.0, Some("person")));
        let f = one("two dozen vehicles");
        assert_eq!((f.0.as_str(), f.1), ("two dozen", 24.0));
        let f = one("sentenced to five to 40 years");
        assert_eq!(
            (f.0.as_str(), f.1, f.2),
            ("five to 40 years", 5.0, Some(40.0))
        );
        let f = one("the 60-plus nation coalition");
        assert_eq!((f.0.as_str(), f.1, f.4), ("60-plus", 60.0, Some("over")));
    }

    #[test]
    fn codes_are_not_figures() {
        for text in [
            "an AK-47 rifle",
            "a MiG-29 jet",
            "7.62x39mm rounds",
            "a 9mm pistol",
            "a .50 caliber rifle",
            "members of MS-13",
            "Barrio 18 gang",
            "the 93rd anniversary",
            "call 910-432-3383",
            "at 10:30",
            "in 2024",
            "a 34-year-old man",
            "one of the largest",
            "no one knew",
            "UN Resolution 2254",
            "on Dec. 5 to the",
            "Juan Pérez, 31, of Tucson",
            "suspects aged between 22 and 51",
            "call 089 now",
            "under 18 U.S.C. § 932 for",
            "docket No. 23-1141 in",
        ] {
            assert_eq!(figures(text), vec![], "{text}");
        }
    }
}
