//! Money: the currency written around an amount, read with the currency table
//! (`lexicons/currencies.txt`, see [`crate::lexicon::currencies`]).
//!
//! Before the amount: a sign, bare or with its prefix ("$", "£", "HK$", "CN¥"), an
//! abbreviation ("Rs 5 crore", "DM 10") or a code in capitals ("USD 5 million"). After it: a
//! name ("40 million pesos", "300 Swiss francs", "a 15-cent dividend"), a sign ("5 €",
//! "500元"), a code ("5 million EUR"), a sub-unit glued to the digits ("385p"), the Spanish
//! abbreviations ("40 mdp") and "de" ("2 millones de pesos"). A sub-unit is worth its share
//! of the unit ("50 cents" is 0.5 USD), and may follow a whole amount ("eleven dollars and
//! twenty cents"). A bare "$" is the dollar of the article's source ([`Currency`]).

use super::language::Language;
use super::numbers::read_number;
use super::outlets::Currency;
use super::units::measure_at;
use crate::lexicon::currencies::{Denomination, Written, currencies};
use crate::text::Doc;

/// A currency read next to an amount, and what the written unit is worth in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Money {
    /// The ISO 4217 code: the figure's unit.
    pub code: &'static str,
    /// How many of the written unit make one of the currency (100 for "cents").
    pub per_unit: u32,
    /// The power of ten the currency word carries: "mdp" is millions of pesos (6).
    pub power: i32,
}

impl Money {
    fn of(denomination: Denomination) -> Money {
        Money {
            code: denomination.code,
            per_unit: denomination.per_unit,
            power: 0,
        }
    }

    /// An amount written in this unit, in units of the currency: "385" pence is 3.85 (a
    /// division, so the result is the nearest double to the decimal, as written).
    pub fn value(self, amount: f64) -> f64 {
        let scaled = amount * 10f64.powi(self.power);
        if self.per_unit == 1 {
            scaled
        } else {
            scaled / f64::from(self.per_unit)
        }
    }
}

/// A currency written before the number at word `i`, with the folded offset where the
/// figure's span starts: a sign with or without its prefix ("$", "US$", "£", "E£"), else an
/// abbreviation or a code in capitals as the word before ("Rs 500", "Rs.500", "USD 5").
pub fn currency_before(doc: &Doc<'_>, i: usize, currency: Currency) -> Option<(Money, usize)> {
    sign_before(doc, i, currency).or_else(|| word_before(doc, i))
}

fn sign_before(doc: &Doc<'_>, i: usize, currency: Currency) -> Option<(Money, usize)> {
    let text = doc.text();
    let gap = doc.gap_before(i);
    let written = gap.trim_end();
    let sign = written.chars().next_back()?;
    let sign_end = doc.words[i].start - gap.len() + written.len();
    let sign_start = sign_end - sign.len_utf8();
    let table = currencies();
    // A prefix glued to the sign: "US$", "HK$", "CN¥".
    let glued = i > 0 && doc.words[i - 1].end == sign_start;
    if glued {
        let prefix_start = doc.words[i - 1].start;
        let with_prefix = table.get(&text[prefix_start..sign_end]);
        if let Some(d) = with_prefix.filter(|d| d.written == Written::Symbol) {
            return Some((Money::of(d), prefix_start));
        }
    }
    if sign == '$' {
        let dollar = Money {
            code: currency.dollar_sign,
            per_unit: 1,
            power: 0,
        };
        return Some((dollar, sign_start));
    }
    let d = table
        .get(&text[sign_start..sign_end])
        .filter(|d| d.written == Written::Symbol)?;
    Some((Money::of(d), sign_start))
}

fn word_before(doc: &Doc<'_>, i: usize) -> Option<(Money, usize)> {
    let gap = doc.gap_before(i);
    if i == 0 || !matches!(gap, " " | "." | ". ") {
        return None;
    }
    let d = currencies().get(doc.word(i - 1))?;
    let code_in_capitals = d.written == Written::Code && gap == " " && doc.is_all_caps(i - 1);
    (d.written == Written::Symbol || code_in_capitals)
        .then(|| (Money::of(d), doc.words[i - 1].start))
}

/// The currency written after an amount whose last number is `last` and which ends at `end`,
/// with where it ends. `first` is the figure's first word and `symbol_before` whether a
/// currency sign precedes it, which settle whether "pounds" is money or a weight.
pub fn currency_after(
    doc: &Doc<'_>,
    last: &super::numbers::Number,
    end: usize,
    first: usize,
    symbol_before: bool,
) -> Option<(Money, usize)> {
    glued_after(doc, last)
        .or_else(|| sign_after(doc, end))
        .or_else(|| words_after(doc, end, first, symbol_before))
}

/// A sub-unit or symbol glued to the digits: "385p", also at the end of a sentence ("fell to
/// 92p."). Not "5p.m.", a time.
fn glued_after(doc: &Doc<'_>, last: &super::numbers::Number) -> Option<(Money, usize)> {
    let text = doc.text();
    let (start, end) = last.attached;
    let abbreviation = text[end..]
        .strip_prefix('.')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_alphabetic()));
    if start == end || abbreviation {
        return None;
    }
    let d = currencies().get(&text[start..end])?;
    (d.written != Written::Code).then(|| (Money::of(d), end))
}

/// A sign after the amount, glued or after a space: "5 €", "500元", "300 ₽".
fn sign_after(doc: &Doc<'_>, end: usize) -> Option<(Money, usize)> {
    let rest = &doc.text()[end..];
    let spaced = rest.strip_prefix(' ').unwrap_or(rest);
    let sign = spaced.chars().next()?;
    if sign.is_ascii() {
        return None;
    }
    let sign_end = end + (rest.len() - spaced.len()) + sign.len_utf8();
    let d = currencies().get(&doc.text()[sign_end - sign.len_utf8()..sign_end])?;
    (d.written == Written::Symbol).then(|| (Money::of(d), sign_end))
}

/// A currency in words after the amount: a name ("pesos", "Swiss francs", hyphenated in "a
/// 15-cent dividend"), a code in capitals or an abbreviation ("5 million EUR", "100 zł"), or
/// Spanish money ("40 mdp", "2 millones de pesos").
fn words_after(
    doc: &Doc<'_>,
    end: usize,
    first: usize,
    symbol_before: bool,
) -> Option<(Money, usize)> {
    let next = doc.word_from(end);
    if next >= doc.words.len() {
        return None;
    }
    let gap = &doc.text()[end..doc.words[next].start];
    if gap == " "
        && let Some(spanish) = spanish_after(doc, next)
    {
        return Some(spanish);
    }
    let (d, last) = longest_form(doc, next)?;
    let readable = match d.written {
        Written::Name => matches!(gap, " " | "-") && (last > next || doc.word(next).len() > 1),
        Written::Symbol => gap == " ",
        Written::Code => gap == " " && doc.is_all_caps(next),
    };
    if !readable {
        return None;
    }
    let also_a_weight = measure_at(doc, next).is_some_and(|(_, e)| e == doc.words[last].end);
    if also_a_weight && !symbol_before && !pounds_are_money(doc, first, last) {
        return None;
    }
    Some((Money::of(d), doc.words[last].end))
}

/// The longest name, symbol or code of the table that starts at word `next`, with its last
/// word. The words of a name may be parted by a space, a hyphen or an abbreviation's period
/// ("U.S. dollars", "D-Mark").
fn longest_form(doc: &Doc<'_>, next: usize) -> Option<(Denomination, usize)> {
    let table = currencies();
    let mut found = None;
    if table.starts_longer_name(doc.word(next)) {
        let mut key = doc.word(next).to_string();
        for j in next + 1..(next + table.longest()).min(doc.words.len()) {
            if !matches!(doc.gap_before(j), " " | "-" | "." | ". ") {
                break;
            }
            key.push(' ');
            key.push_str(doc.word(j));
            if let Some(d) = table.get(&key) {
                found = Some((d, j));
            }
        }
    }
    found.or_else(|| table.get(doc.word(next)).map(|d| (d, next)))
}

/// Spanish money after an amount, from word `next`: the press's abbreviations "mdp" and "mdd"
/// (millions of pesos, of dollars; "mmdp", "mmdd" thousands of millions), and a currency
/// name after "de", which Spanish puts after a scale ("2 millones de pesos"). The scale word
/// itself is read here when the number reader has left it.
fn spanish_after(doc: &Doc<'_>, next: usize) -> Option<(Money, usize)> {
    let abbreviation = match doc.word(next) {
        "mdp" => Some(("MXN", 6)),
        "mdd" => Some(("USD", 6)),
        "mmdp" => Some(("MXN", 9)),
        "mmdd" => Some(("USD", 9)),
        _ => None,
    };
    if let Some((code, power)) = abbreviation {
        let money = Money {
            code,
            per_unit: 1,
            power,
        };
        return Some((money, doc.words[next].end));
    }
    let spaced = |j: usize| j < doc.words.len() && doc.gap_before(j) == " ";
    let (de, power) = match doc.word(next) {
        "millones" | "millon" if spaced(next + 1) => (next + 1, 6),
        _ => (next, 0),
    };
    if doc.word(de) != "de" || !spaced(de + 1) {
        return None;
    }
    let (d, last) = longest_form(doc, de + 1)?;
    let whole_unit = d.written == Written::Name && d.per_unit == 1;
    whole_unit.then(|| {
        (
            Money {
                power,
                ..Money::of(d)
            },
            doc.words[last].end,
        )
    })
}

/// Words before an amount that make "pounds" after it money rather than weight.
const MONEY_CUES: &[&str] = &[
    "bail",
    "bounty",
    "bribe",
    "bribes",
    "budget",
    "compensation",
    "cost",
    "costing",
    "costs",
    "damages",
    "donated",
    "earned",
    "fine",
    "fined",
    "fines",
    "funding",
    "invested",
    "laundered",
    "laundering",
    "loan",
    "paid",
    "pay",
    "paying",
    "price",
    "priced",
    "profit",
    "profits",
    "raised",
    "ransom",
    "revenue",
    "reward",
    "salary",
    "spend",
    "spending",
    "spent",
    "valued",
    "worth",
];

/// Whether "pound(s)" ending at word `last`, after a figure starting at word `first`, is the
/// currency: a coin or a note ("a two-pound coin"), or a money word a few words before the
/// figure in its phrase ("fined 2 million pounds"), with no punctuation and no other number
/// between them ("worth $1 million, totaling 2,000 pounds" weighs). "Pounds of" is always a
/// weight ("300 pounds of cocaine"), and so are pounds with no money word near: this corpus
/// weighs drugs in pounds.
fn pounds_are_money(doc: &Doc<'_>, first: usize, last: usize) -> bool {
    let after = (last + 1 < doc.words.len()).then(|| doc.word(last + 1));
    match after {
        Some("of") => return false,
        Some("coin" | "coins" | "note" | "notes" | "banknote" | "banknotes") => return true,
        _ => {}
    }
    for k in (first.saturating_sub(5)..first).rev() {
        let word = doc.word(k);
        if doc.gap_after(k) != " " || word.as_bytes()[0].is_ascii_digit() {
            break;
        }
        if MONEY_CUES.contains(&word) {
            return true;
        }
    }
    false
}

/// The sub-units after a whole amount in `money`, written with a name: "eleven dollars and
/// twenty cents", "7 dollars 25 cents", "5 pesos con 50 centavos". Returns their value in the
/// currency and where they end. The number is read in the article's `language`.
pub fn subunits_after(
    doc: &Doc<'_>,
    end: usize,
    money: Money,
    language: Language,
) -> Option<(f64, usize)> {
    if money.per_unit != 1 || money.power != 0 {
        return None;
    }
    let mut j = doc.word_from(end);
    let spaced = |j: usize| j < doc.words.len() && doc.gap_before(j) == " ";
    if spaced(j) && matches!(doc.word(j), "and" | "y" | "con") {
        j += 1;
    }
    if !spaced(j) {
        return None;
    }
    let cents = read_number(doc, j, language)?;
    let name = doc.word_from(cents.end);
    if cents.attached.0 != cents.attached.1 || !spaced(name) {
        return None;
    }
    let per_unit = currencies().subunit_of(money.code, doc.word(name))?;
    (cents.value < f64::from(per_unit))
        .then(|| (cents.value / f64::from(per_unit), doc.words[name].end))
}

/// How many bytes a currency sign repeated at the start of `text` takes: "$" and the one-sign
/// symbols of the table, as in "$5 million to $10 million", "₹5-₹10".
pub fn repeated_sign(text: &str) -> usize {
    // A prefixed dollar: "US$5 to US$10", "C$2 to C$3".
    if let Some(prefix) = text.find('$').filter(|&at| at > 0 && at <= 3)
        && text[..prefix].bytes().all(|b| b.is_ascii_alphabetic())
        && currencies().get(&text[..=prefix]).is_some()
    {
        return prefix + 1;
    }
    let Some(sign) = text.chars().next().filter(|c| !c.is_alphanumeric()) else {
        return 0;
    };
    let is_sign = sign == '$'
        || currencies()
            .get(&text[..sign.len_utf8()])
            .is_some_and(|d| d.written == Written::Symbol);
    if is_sign { sign.len_utf8() } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str) -> Option<(&'static str, u32, i32, String)> {
        let doc = Doc::new(text);
        let number = read_number(&doc, 0, Language::English)?;
        let (money, end) = currency_after(&doc, &number, number.end, 0, false)?;
        Some((
            money.code,
            money.per_unit,
            money.power,
            doc.text()[number.end..end].to_string(),
        ))
    }

    fn before(text: &str) -> Option<(&'static str, String)> {
        let doc = Doc::new(text);
        let i = (0..doc.words.len()).find(|&i| doc.word(i).as_bytes()[0].is_ascii_digit())?;
        let (money, start) = currency_before(&doc, i, Currency::default())?;
        Some((
            money.code,
            doc.text()[start..doc.words[i].start].to_string(),
        ))
    }

    #[test]
    fn signs_prefixes_abbreviations_and_codes_before() {
        assert_eq!(before("$5"), Some(("USD", "$".into())));
        assert_eq!(before("C$5"), Some(("CAD", "c$".into())));
        assert_eq!(before("paid HK$5"), Some(("HKD", "hk$".into())));
        assert_eq!(before("R$ 40"), Some(("BRL", "r$ ".into())));
        assert_eq!(before("£5"), Some(("GBP", "£".into())));
        assert_eq!(before("₹5"), Some(("INR", "₹".into())));
        assert_eq!(before("¥500"), Some(("JPY", "¥".into())));
        assert_eq!(before("CN¥500"), Some(("CNY", "cn¥".into())));
        assert_eq!(before("₩5,000"), Some(("KRW", "₩".into())));
        assert_eq!(before("Rs 5"), Some(("INR", "rs ".into())));
        assert_eq!(before("Rs.500"), Some(("INR", "rs.".into())));
        assert_eq!(before("USD 5"), Some(("USD", "usd ".into())));
        assert_eq!(before("usd 5"), None, "a code is read in capitals");
        assert_eq!(before("24/7"), None);
        assert_eq!(before("the 5"), None);
    }

    #[test]
    fn names_signs_codes_and_subunits_after() {
        assert_eq!(after("5 dollars"), Some(("USD", 1, 0, " dollars".into())));
        assert_eq!(
            after("5 Swiss francs"),
            Some(("CHF", 1, 0, " swiss francs".into()))
        );
        assert_eq!(
            after("5 U.S. dollars"),
            Some(("USD", 1, 0, " u.s. dollars".into()))
        );
        assert_eq!(after("5 €"), Some(("EUR", 1, 0, " €".into())));
        assert_eq!(after("500元"), Some(("CNY", 1, 0, "元".into())));
        assert_eq!(after("5 EUR"), Some(("EUR", 1, 0, " eur".into())));
        assert_eq!(after("5 eur"), None);
        assert_eq!(after("50 cents"), Some(("USD", 100, 0, " cents".into())));
        assert_eq!(after("15-cent"), Some(("USD", 100, 0, "-cent".into())));
        assert_eq!(after("385p"), Some(("GBP", 100, 0, "p".into())));
        assert_eq!(after("5p.m."), None);
        assert_eq!(after("92p."), Some(("GBP", 100, 0, "p".into())));
        assert_eq!(after("5 p.m."), None, "one letter is read only glued");
        assert_eq!(after("5 dólares"), Some(("USD", 1, 0, " dolares".into())));
        assert_eq!(after("40 mdp"), Some(("MXN", 1, 6, " mdp".into())));
        assert_eq!(after("3 mdd"), Some(("USD", 1, 6, " mdd".into())));
        assert_eq!(
            after("2 millones de pesos"),
            Some(("MXN", 1, 6, " millones de pesos".into()))
        );
        assert_eq!(after("5 de mayo"), None);
        assert_eq!(after("5 kilos"), None);
    }

    /// The currency after the first number written in digits in `text`.
    fn after_first_number(text: &str) -> Option<&'static str> {
        let doc = Doc::new(text);
        let i = (0..doc.words.len()).find(|&i| doc.word(i).as_bytes()[0].is_ascii_digit())?;
        let n = read_number(&doc, i, Language::English)?;
        currency_after(&doc, &n, n.end, i, false).map(|(money, _)| money.code)
    }

    #[test]
    fn pounds_are_money_only_as_money() {
        for weight in [
            "they seized 300 pounds of cocaine",
            "seizures climbed to 68,000 pounds in 2023",
            "a 10-pound bag",
            "worth it: 40 pounds",
            "marijuana worth an estimated $1 million, totaling 2,000 pounds",
            "worth $1 million and 2,000 pounds",
        ] {
            assert_eq!(after_first_number(weight), None, "{weight}");
        }
        for money in [
            "he was fined 2 million pounds",
            "cocaine worth 300 pounds",
            "a 2 pound coin",
            "5 pounds sterling",
        ] {
            assert_eq!(after_first_number(money), Some("GBP"), "{money}");
        }
    }

    #[test]
    fn cents_after_a_whole_amount() {
        let doc = Doc::new("7 dollars 25 cents and eleven dollars and twenty cents");
        let usd = Money {
            code: "USD",
            per_unit: 1,
            power: 0,
        };
        let (cents, end) = subunits_after(&doc, doc.words[1].end, usd, Language::English).unwrap();
        assert_eq!((cents, end), (0.25, doc.words[3].end));
        let (cents, _) = subunits_after(&doc, doc.words[6].end, usd, Language::English).unwrap();
        assert_eq!(cents, 0.2);
        let yen = Money { code: "JPY", ..usd };
        assert_eq!(
            subunits_after(&doc, doc.words[1].end, yen, Language::English),
            None
        );
    }

    #[test]
    fn values_in_the_currency() {
        let pence = Money {
            code: "GBP",
            per_unit: 100,
            power: 0,
        };
        assert_eq!(pence.value(385.0), 3.85);
        let mdp = Money {
            code: "MXN",
            per_unit: 1,
            power: 6,
        };
        assert_eq!(mdp.value(40.0), 40e6);
    }

    #[test]
    fn repeated_signs() {
        assert_eq!(repeated_sign("$10 million"), 1);
        assert_eq!(repeated_sign("£10"), "£".len());
        assert_eq!(repeated_sign("10"), 0);
        assert_eq!(repeated_sign("/10"), 0);
    }
}
