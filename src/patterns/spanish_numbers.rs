//! Reading numbers in a Spanish article: digits ("1,5", "2.300.000", "1.4"), number words
//! ("treinta y cinco", "dos mil quinientos", "ciento veinte"), the scales "mil", "millón",
//! "mil millones" (10⁹) and "billón" (10¹², not the English billion), and the Mexican press's
//! mix of the two ("600 mil", "2 mil 300", "mil 870", "2 mil 500 millones").
//!
//! Every form is one grammar: numbers below a thousand (digits, or words built from hundreds,
//! tens, "y" and units) joined by scale words, summed the usual way: "mil" multiplies what is
//! before it since the last scale, "millones" everything since the last "millones".

use super::language::Language;
use super::numbers::{Number, read_digits, round_scaled};
use super::vocabulary::{self, SPANISH_NUMBER};
use crate::text::Doc;

/// What the last word read was: it decides which words may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    /// Digits: only a scale may follow ("600 mil").
    Digits,
    /// "ciento", "doscientos": tens or units may follow ("ciento veinte").
    Hundreds,
    /// Thirty to ninety: "y" and a unit may follow ("treinta y cinco").
    Tens,
    /// Units, teens, "veinti-", "cien": only a scale may follow.
    Closed,
    /// "mil": a number below a thousand may follow ("dos mil quinientos", "mil 870").
    Thousand,
    /// "millones", "billones": a number may follow ("dos millones quinientos mil").
    Million,
}

/// The sum read so far.
#[derive(Debug, Clone, Copy)]
struct Sum {
    /// Millions and above, complete.
    high: f64,
    /// Thousands since the last "millones".
    thousands: f64,
    /// The number below a thousand being read.
    current: f64,
    last: Last,
    /// The power of ten of the last scale word ("mil millones" is 9).
    power: i32,
}

impl Sum {
    fn total(&self) -> f64 {
        round_scaled(self.high + self.thousands + self.current)
    }

    /// Whether a number below a thousand may start here: at the start or after a scale.
    fn opens(&self) -> bool {
        matches!(self.last, Last::Start | Last::Thousand | Last::Million)
    }

    /// Adds a number word of value `value` below a thousand, if the grammar allows it here.
    fn add_word(&mut self, value: f64) -> bool {
        let (allowed, last) = match value as u32 {
            100..=900 => (self.opens(), Last::Hundreds),
            30..=90 if value % 10.0 == 0.0 => {
                (self.opens() || self.last == Last::Hundreds, Last::Tens)
            }
            _ => (self.opens() || self.last == Last::Hundreds, Last::Closed),
        };
        if allowed {
            self.current += value;
            self.last = last;
        }
        allowed
    }

    /// Applies "mil": what is read since the last scale ("dos mil"), or one ("mil").
    fn thousand(&mut self) -> bool {
        if matches!(self.last, Last::Thousand) {
            return false;
        }
        let multiplier = if self.last == Last::Start || self.last == Last::Million {
            1.0
        } else {
            self.current
        };
        self.thousands += multiplier * 1e3;
        self.current = 0.0;
        self.last = Last::Thousand;
        self.power = 3;
        true
    }

    /// Applies "millones" (power 6) or "billones" (12) to everything since the last of them:
    /// "mil millones" is 10⁹.
    fn million(&mut self, power: i32) -> bool {
        if matches!(self.last, Last::Start | Last::Million) {
            return false;
        }
        let since = self.thousands + self.current;
        self.power = power + if self.last == Last::Thousand { 3 } else { 0 };
        self.high += since * 10f64.powi(power);
        self.thousands = 0.0;
        self.current = 0.0;
        self.last = Last::Million;
        true
    }
}

/// The power of ten of "millón" or "billón" (10¹² in Spanish).
fn million_word(word: &str) -> Option<i32> {
    match word {
        "millon" | "millones" => Some(6),
        "billon" | "billones" => Some(12),
        _ => None,
    }
}

/// What one step of the reading took in.
struct Step {
    /// The word after it.
    next: usize,
    /// Where it ends (folded bytes).
    end: usize,
    /// The number, when the step read digits.
    digits: Option<Number>,
}

impl Sum {
    /// Reads the word at `j` into the sum, if the grammar allows it there.
    fn step(&mut self, doc: &Doc<'_>, j: usize) -> Option<Step> {
        let word = doc.word(j);
        let (next, end) = if word.as_bytes()[0].is_ascii_digit() {
            let digits = digits_here(doc, j, self)?;
            self.current = digits.value;
            self.last = Last::Digits;
            return Some(Step {
                next: doc.word_from(digits.end),
                end: digits.end,
                digits: Some(digits),
            });
        } else if let Some(power) = million_word(word) {
            self.million(power).then_some((j + 1, doc.words[j].end))?
        } else if word == "mil" {
            self.thousand().then_some((j + 1, doc.words[j].end))?
        } else if word == "y" {
            self.tens_and_unit(doc, j)
                .then(|| (j + 2, doc.words[j + 1].end))?
        } else {
            let value = vocabulary::value(word, SPANISH_NUMBER).filter(|&v| v < 1000)?;
            self.add_word(f64::from(value))
                .then_some((j + 1, doc.words[j].end))?
        };
        Some(Step {
            next,
            end,
            digits: None,
        })
    }

    /// Adds the unit after "y" at word `j` to the tens before it ("treinta y cinco"); a "y"
    /// anywhere else, or without a unit after it, ends the number.
    fn tens_and_unit(&mut self, doc: &Doc<'_>, j: usize) -> bool {
        let unit =
            (self.last == Last::Tens && j + 1 < doc.words.len() && doc.gap_before(j + 1) == " ")
                .then(|| vocabulary::value(doc.word(j + 1), SPANISH_NUMBER))
                .flatten()
                .filter(|&v| (1..10).contains(&v));
        if let Some(unit) = unit {
            self.current += f64::from(unit);
            self.last = Last::Closed;
        }
        unit.is_some()
    }
}

/// Reads the Spanish number that begins at word `i`, if any.
pub fn read(doc: &Doc<'_>, i: usize) -> Option<Number> {
    let mut sum = Sum {
        high: 0.0,
        thousands: 0.0,
        current: 0.0,
        last: Last::Start,
        power: 0,
    };
    let mut first: Option<Number> = None;
    let mut end = doc.words[i].start;
    let mut attached = (0, 0);
    let mut j = i;
    while j < doc.words.len() && (j == i || doc.gap_before(j) == " ") {
        let Some(step) = sum.step(doc, j) else { break };
        (j, end) = (step.next, step.end);
        if let Some(digits) = step.digits {
            first.get_or_insert(digits);
            if digits.attached.0 != digits.attached.1 {
                attached = digits.attached; // "300kg": the unit is the caller's
                break;
            }
        }
    }
    if sum.last == Last::Start {
        return None;
    }
    Some(Number {
        value: sum.total(),
        start: doc.words[i].start,
        end,
        digits: doc.word(i).as_bytes()[0].is_ascii_digit(),
        // Only digits alone can be a year: "2024", not "2024 millones".
        year_like: first.is_some_and(|f| f.year_like && f.end == end),
        scaled: sum.power > 0,
        scale_power: sum.power,
        attached,
        fraction: false,
    })
}

/// The digits at word `j` if they may stand here: any number at the start, and after a scale
/// a whole number below a thousand written plainly ("mil 870", "2 mil 300").
fn digits_here(doc: &Doc<'_>, j: usize, sum: &Sum) -> Option<Number> {
    if !sum.opens() {
        return None;
    }
    let digits = read_digits(doc, j, Language::Spanish)?;
    let plain = digits.end == doc.words[j].end && digits.value < 1000.0;
    (sum.last == Last::Start || plain && digits.value.fract() == 0.0).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value and the span of the Spanish number at the start of `text`.
    fn number(text: &str) -> Option<(f64, String)> {
        let doc = Doc::new(text);
        read(&doc, 0).map(|n| (n.value, text[n.start..n.end].to_string()))
    }

    fn value(text: &str) -> f64 {
        number(text).unwrap_or_else(|| panic!("{text}")).0
    }

    #[test]
    fn decimal_commas_and_thousands_dots() {
        assert_eq!(
            number("1,5 millones de pesos"),
            Some((1.5e6, "1,5 millones".into()))
        );
        assert_eq!(value("2.300.000 litros"), 2_300_000.0);
        assert_eq!(value("1.500 kilos"), 1500.0);
        assert_eq!(value("1.500,75 pesos"), 1500.75);
        assert_eq!(value("2,75 toneladas"), 2.75);
    }

    #[test]
    fn mexican_press_writes_commas_and_points_the_english_way() {
        assert_eq!(value("1,500 kilos"), 1500.0);
        assert_eq!(
            number("1.4 millones de"),
            Some((1.4e6, "1.4 millones".into()))
        );
        assert_eq!(value("1,250.5 metros"), 1250.5);
    }

    #[test]
    fn scales_after_digits() {
        assert_eq!(number("600 mil pastillas"), Some((6e5, "600 mil".into())));
        assert_eq!(value("15 mil millones de pesos"), 15e9);
        assert_eq!(value("3 billones de pesos"), 3e12);
        assert_eq!(value("un millón de dosis"), 1e6);
        assert_eq!(value("2 millones 300 mil personas"), 2_300_000.0);
    }

    #[test]
    fn thousands_and_a_remainder_in_digits() {
        assert_eq!(number("mil 870 kilos"), Some((1870.0, "mil 870".into())));
        assert_eq!(
            number("2 mil 300 nuevas"),
            Some((2300.0, "2 mil 300".into()))
        );
        assert_eq!(value("2 mil 500 millones"), 2.5e9);
        // A year after "mil" is not its remainder.
        assert_eq!(number("mil 2024"), Some((1000.0, "mil".into())));
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(value("treinta y cinco detenidos"), 35.0);
        assert_eq!(value("ciento veinte armas"), 120.0);
        assert_eq!(value("dos mil quinientos cartuchos"), 2500.0);
        assert_eq!(value("veintiún muertos"), 21.0);
        assert_eq!(value("cien mil dólares"), 1e5);
        assert_eq!(value("novecientos noventa y nueve"), 999.0);
        assert_eq!(value("dos millones quinientos mil"), 2_500_000.0);
        assert_eq!(value("mil millones"), 1e9);
        // "y" joins only tens and units; two units do not make a number.
        assert_eq!(number("cinco y seis"), Some((5.0, "cinco".into())));
        assert_eq!(number("tres cuatro"), Some((3.0, "tres".into())));
        assert_eq!(number("millones de"), None);
    }

    #[test]
    fn a_scale_is_remembered_for_ranges() {
        let doc = Doc::new("5 mil millones");
        let n = read(&doc, 0).unwrap();
        assert_eq!((n.scaled, n.scale_power), (true, 9));
        let doc = Doc::new("2024 fue");
        assert!(read(&doc, 0).unwrap().year_like);
    }
}
