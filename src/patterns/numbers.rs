//! Reading numbers: digits with separators and decimals, attached scales ("1.2bn"), scale words
//! ("11 million"), and numbers in words ("twenty-five", "two dozen"). A Spanish article's
//! numbers are read by [`super::spanish_numbers`], with the digit reader here.

use super::fractions;
use super::language::Language;
use super::vocabulary;
use crate::text::Doc;

/// A number read from the text (folded byte offsets).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub start: usize,
    pub end: usize,
    /// Written with digits (not words).
    pub digits: bool,
    /// A bare integer of four digits without separators (a possible year).
    pub year_like: bool,
    /// A scale was applied ("million", "bn", "dozen").
    pub scaled: bool,
    /// The power of ten of a scale word or suffix ("million" is 6), 0 without one; a range
    /// "5-10 million" lends it to its low end.
    pub scale_power: i32,
    /// Letters glued to the digits that are not a scale ("300kg" gives "kg"), left for the
    /// caller to read as a unit; empty when there are none.
    pub attached: (usize, usize),
    /// A fraction under one ("a third", "two fifths", "2/3"): a figure only with a measure or
    /// an "of" after it, as "a third suspect" is an ordinal, and never a count of a noun.
    pub fraction: bool,
}

/// Exact decimal: `mantissa × 10^exponent`, so "1.2" × "billion" is exactly 1200000000.
#[derive(Debug, Clone, Copy)]
struct Decimal {
    mantissa: u64,
    exponent: i32,
}

impl Decimal {
    fn scaled(self, power: i32) -> Decimal {
        Decimal {
            mantissa: self.mantissa,
            exponent: self.exponent + power,
        }
    }

    fn to_f64(self) -> f64 {
        let m = self.mantissa as f64;
        if self.exponent >= 0 {
            m * 10f64.powi(self.exponent)
        } else {
            m / 10f64.powi(-self.exponent)
        }
    }
}

/// Units under twenty and the tens, as words.
fn small_number(word: &str) -> Option<u64> {
    if matches!(word, "dozen" | "hundred" | "thousand") {
        return None; // multipliers, not numbers on their own
    }
    vocabulary::value(word, vocabulary::NUMBER).map(u64::from)
}

/// Power of ten of a scale word ("million") or abbreviation ("mln", "bn").
fn scale_word(word: &str) -> Option<i32> {
    Some(match word {
        "hundred" => 2,
        "thousand" | "k" => 3,
        "million" | "millions" | "mln" | "mn" => 6,
        "billion" | "billions" | "bn" | "bln" => 9,
        "trillion" | "trillions" | "tn" | "trn" => 12,
        _ => return None,
    })
}

/// A multiplier that is not a power of ten: "4 dozen", "half a dozen", "four score".
fn multiplier(doc: &Doc<'_>, next: usize) -> Option<f64> {
    match doc.word(next) {
        "dozen" => Some(12.0),
        // "a score of 85" is a result, not twenty: only before words.
        "score" => {
            let after = doc.word_from(doc.words[next].end);
            let of = after < doc.words.len() && doc.word(after) == "of";
            let count = after + usize::from(of);
            let digit_after =
                count < doc.words.len() && doc.word(count).as_bytes()[0].is_ascii_digit();
            (!digit_after).then_some(20.0)
        }
        _ => None,
    }
}

/// Whether `word` can begin a number written in words.
pub fn is_number_word(word: &str) -> bool {
    vocabulary::has(word, vocabulary::NUMBER)
}

/// Reads the number that begins at word `i`, if any, as written in `language`.
pub fn read_number(doc: &Doc<'_>, i: usize, language: Language) -> Option<Number> {
    if language.is_spanish() {
        return super::spanish_numbers::read(doc, i);
    }
    let word = doc.word(i);
    let first = word.as_bytes()[0];
    let mut number = if first.is_ascii_digit() {
        read_digits(doc, i, language)?
    } else if word == "half" {
        fractions::half_a(doc, i)?
    } else {
        read_words(doc, i)?
    };
    if let Some(fraction) = fractions::after(doc, &number) {
        number = fraction;
    }
    // A separate scale word or multiplier: "11 million", "two billion", "5.93 mln",
    // "45 hundred", "4 dozen", "half a million".
    if number.attached.0 == number.attached.1 {
        let next = doc.word_from(number.end);
        let spaced = next < doc.words.len() && doc.gap_before(next) == " ";
        if spaced && let Some(power) = scale_word(doc.word(next)) {
            number.value *= 10f64.powi(power);
            // Re-derive exactly for digit numbers: value came from an exact decimal.
            number.value = round_scaled(number.value);
            number.end = doc.words[next].end;
            number.scaled = true;
            number.scale_power = power;
            number.year_like = false;
            number.fraction = false;
        } else if spaced && let Some(times) = multiplier(doc, next) {
            number.value *= times;
            number.end = doc.words[next].end;
            number.scaled = true;
            number.year_like = false;
            number.fraction = false;
        }
    }
    // "a" alone is no number: only with a scale, a multiplier or a fraction after it.
    if number.value == 1.0 && !number.digits && !number.scaled && matches!(word, "a" | "an") {
        return None;
    }
    Some(number)
}

/// Removes the binary noise that scaling a decimal can leave ("1.2 × 10⁹").
pub(super) fn round_scaled(value: f64) -> f64 {
    if value.abs() >= 1000.0 {
        (value * 1000.0).round() / 1000.0
    } else {
        value
    }
}

/// Reads digits with their thousands separators and decimals. English groups with commas and
/// marks decimals with a dot ("11,000,000", "5.93"). Spanish writes both that way (Mexico) and
/// the other way round (Spain: "2.300.000", "1,5"): a separator followed by exactly three
/// digits groups thousands, and either separator before other digits, or the one the groups
/// did not use, marks decimals ("1,5", "1.4", "1.500,75").
pub(super) fn read_digits(doc: &Doc<'_>, i: usize, language: Language) -> Option<Number> {
    let spanish = language.is_spanish();
    let text = doc.text();
    let bytes = text.as_bytes();
    let start = doc.words[i].start;
    let mut pos = start;
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut int_digits = 0;
    while pos < bytes.len() && bytes[pos].is_ascii_digit() {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add((bytes[pos] - b'0') as u64)?;
        pos += 1;
        int_digits += 1;
    }
    let mut group_separator = None;
    // Thousands separators: "11,000,000" — groups of exactly three digits after the separator.
    while int_digits <= 3 || group_separator.is_some() {
        let separator = bytes.get(pos).copied();
        let allowed = match group_separator {
            Some(g) => separator == Some(g),
            None => separator == Some(b',') || spanish && separator == Some(b'.'),
        };
        let group = bytes.get(pos + 1..pos + 4);
        let is_group = allowed
            && group.is_some_and(|g| g.iter().all(u8::is_ascii_digit))
            && !bytes.get(pos + 4).is_some_and(u8::is_ascii_digit);
        if !is_group {
            break;
        }
        for &b in &bytes[pos + 1..pos + 4] {
            mantissa = mantissa.checked_mul(10)?.checked_add((b - b'0') as u64)?;
        }
        group_separator = separator;
        pos += 4;
    }
    let grouped = group_separator.is_some();
    // Decimals: "1.2", "5.93"; in Spanish also "1,5".
    let decimal_mark = |b: u8| match (spanish, group_separator) {
        (false, _) | (true, Some(b',')) => b == b'.',
        (true, Some(_)) => b == b',',
        (true, None) => b == b'.' || b == b',',
    };
    if bytes.get(pos).is_some_and(|&b| decimal_mark(b))
        && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit)
    {
        pos += 1;
        while pos < bytes.len() && bytes[pos].is_ascii_digit() {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add((bytes[pos] - b'0') as u64)?;
            exponent -= 1;
            pos += 1;
        }
    }
    // Scientific notation: "2e9", "4.5e+12", "1.5E-3".
    let (mut decimal, mut scientific) = (Decimal { mantissa, exponent }, false);
    if let Some((power, power_end)) = exponent_at(bytes, pos) {
        decimal = decimal.scaled(power);
        (pos, scientific) = (power_end, true);
    }
    let year_like = !grouped && exponent == 0 && int_digits == 4 && !scientific;
    // Letters glued to the digits: a scale ("1.2bn", "$2.5k"), a unit ("300kg"), or an ordinal
    // or code ("4th", "7x39mm"), which the caller rejects.
    let letters_end = pos
        + text[pos..]
            .bytes()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
    let glued = &text[pos..letters_end];
    let power = match glued {
        "k" => Some(3),
        "bn" | "b" | "bln" => Some(9),
        "mn" | "mln" => Some(6),
        "tn" | "trn" => Some(12),
        _ => None,
    };
    let (value, scaled, attached) = match power {
        Some(p) => (decimal.scaled(p).to_f64(), true, (pos, pos)),
        None if glued.is_empty() => (decimal.to_f64(), false, (pos, pos)),
        None => (decimal.to_f64(), false, (pos, letters_end)),
    };
    let end = if attached.0 == attached.1 {
        letters_end
    } else {
        pos
    };
    Some(Number {
        value,
        start,
        end,
        digits: true,
        year_like: year_like && glued.is_empty(),
        scaled,
        scale_power: power.unwrap_or(0),
        attached,
        fraction: false,
    })
}

/// What the last word of a number in words was, which decides what may follow it.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    /// "a" or "an": only "hundred", "thousand", "dozen" or a scale may follow.
    Article,
    /// A unit or teen ("seven", "fifteen").
    Small,
    /// A multiple of ten ("forty"): a unit may join it ("forty-two").
    Tens,
    /// "hundred" or "thousand": a smaller number may follow, with or without "and".
    Multiplied,
}

/// The exponent of scientific notation at `pos` ("e9", "e+12", "E-3"), with where it ends;
/// not the letters of a word or code ("2e9x").
fn exponent_at(bytes: &[u8], pos: usize) -> Option<(i32, usize)> {
    let mut at = pos;
    if !matches!(bytes.get(at), Some(b'e')) {
        return None;
    }
    at += 1;
    let negative = bytes.get(at) == Some(&b'-');
    if matches!(bytes.get(at), Some(b'+' | b'-')) {
        at += 1;
    }
    let digits = bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if digits == 0
        || digits > 2
        || bytes
            .get(at + digits)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let power: i32 = std::str::from_utf8(&bytes[at..at + digits])
        .ok()?
        .parse()
        .ok()?;
    Some((if negative { -power } else { power }, at + digits))
}

/// Numbers in words: "six", "sixty-seven", "two hundred", "one hundred and forty-two",
/// "three thousand four hundred", "a dozen", "two dozen", "a hundred". Scale words beyond a
/// thousand ("two million") are the caller's.
pub(super) fn read_words(doc: &Doc<'_>, i: usize) -> Option<Number> {
    let start = doc.words[i].start;
    let word = doc.word(i);
    let (mut current, mut last) = if matches!(word, "a" | "an") {
        (1, Last::Article)
    } else {
        let n = small_number(word)?;
        (n, if n >= 20 { Last::Tens } else { Last::Small })
    };
    if last == Last::Article
        && let Some(part) = fractions::a_part(doc, i)
    {
        return Some(part);
    }
    let mut total: u64 = 0;
    let mut scaled = false;
    let mut j = i;
    loop {
        let next = j + 1;
        if next >= doc.words.len() {
            break;
        }
        let gap = doc.gap_before(next);
        let w = doc.word(next);
        match (gap, small_number(w), w) {
            // "twenty-five", "twenty five"
            ("-" | " ", Some(unit), _) if last == Last::Tens && unit < 10 && current % 10 == 0 => {
                current += unit;
                last = Last::Small;
            }
            // "four hundred eighty", "three thousand four"
            (" ", Some(n), _) if last == Last::Multiplied && (current == 0 || n < current) => {
                current += n;
                last = if n >= 20 { Last::Tens } else { Last::Small };
            }
            (" ", _, "hundred") if last != Last::Multiplied && current < 100 => {
                current *= 100;
                (last, scaled) = (Last::Multiplied, true);
            }
            (" ", _, "thousand") if last != Last::Multiplied || current >= 100 => {
                if total > 0 {
                    break;
                }
                total = current * 1000;
                current = 0;
                (last, scaled) = (Last::Multiplied, true);
            }
            (" ", _, "dozen") if current < 100 => {
                current *= 12;
                scaled = true;
                j = next;
                break; // "two dozen" takes nothing after it
            }
            // "two hundred and fifty", "one thousand and one"
            (" ", _, "and") if last == Last::Multiplied => {
                let after = next + 1;
                let small = after < doc.words.len()
                    && doc.gap_before(after) == " "
                    && small_number(doc.word(after)).is_some();
                if !small {
                    break;
                }
            }
            _ => break,
        }
        j = next;
    }
    if doc.word(j) == "and" {
        j -= 1;
    }
    Some(Number {
        value: (total + current) as f64,
        start,
        end: doc.words[j].end,
        digits: false,
        year_like: false,
        scaled,
        scale_power: 0,
        attached: (0, 0),
        fraction: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Option<(f64, String)> {
        let doc = Doc::new(text);
        read_number(&doc, 0, Language::English).map(|n| (n.value, text[n.start..n.end].to_string()))
    }

    #[test]
    fn digits_separators_and_decimals() {
        assert_eq!(number("18,000 km"), Some((18000.0, "18,000".into())));
        assert_eq!(
            number("11,000,000 pills"),
            Some((11e6, "11,000,000".into()))
        );
        assert_eq!(number("5.93 tonnes"), Some((5.93, "5.93".into())));
        assert_eq!(number("1,5 x"), Some((1.0, "1".into())));
    }

    #[test]
    fn scales_attached_and_separate() {
        assert_eq!(
            number("11 million pills"),
            Some((11e6, "11 million".into()))
        );
        assert_eq!(number("1.2bn"), Some((1.2e9, "1.2bn".into())));
        assert_eq!(number("2.5k"), Some((2500.0, "2.5k".into())));
        assert_eq!(
            number("1.2 billion"),
            Some((1_200_000_000.0, "1.2 billion".into()))
        );
        assert_eq!(number("5.93 mln"), Some((5_930_000.0, "5.93 mln".into())));
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(number("six soldiers"), Some((6.0, "six".into())));
        assert_eq!(
            number("twenty-five rifles"),
            Some((25.0, "twenty-five".into()))
        );
        assert_eq!(number("two dozen trucks"), Some((24.0, "two dozen".into())));
        assert_eq!(number("a dozen trucks"), Some((12.0, "a dozen".into())));
        assert_eq!(
            number("three hundred men"),
            Some((300.0, "three hundred".into()))
        );
        assert_eq!(
            number("two million pills"),
            Some((2e6, "two million".into()))
        );
        assert_eq!(number("a house"), None);
    }

    #[test]
    fn glued_letters_are_left_to_the_caller() {
        let doc = Doc::new("300kg");
        let n = read_number(&doc, 0, Language::English).unwrap();
        assert_eq!(n.value, 300.0);
        assert_eq!(&doc.text()[n.attached.0..n.attached.1], "kg");
        let english = |text| read_number(&Doc::new(text), 0, Language::English).unwrap();
        assert!(english("2024").year_like);
        assert!(!english("2,024").year_like);
    }
}
