//! Numbers that are not figures: codes and identifiers written with digits, and ages. The
//! figure finder asks [`is_code`] about a number before it reads an amount from it.

use super::numbers::Number;
use super::units::attached_measure;
use super::vocabulary;
use crate::text::Doc;

/// Whether the number at word `i` is part of a name or code rather than a figure: a model
/// number ("AK-47", "F-16"), a caliber (".50", "7.62x39mm", "9mm"), a numbered name ("Barrio
/// 18", "Resolution 2254"), an ordinal ("3rd"), a clock time or a phone number.
pub fn is_code(doc: &Doc<'_>, i: usize, number: &Number) -> bool {
    if super::non_figures::is_no_amount(doc, i, number) {
        return true;
    }
    let text = doc.text();
    let start = number.start;
    let mut before = text[..start].chars().rev();
    let prev = before.next();
    let prev2 = before.next();
    let after = &text[number.end..];
    if matches!(prev, Some('-' | '/' | '.' | '#' | ':'))
        && prev2.is_some_and(|c| c.is_alphanumeric())
    {
        return true;
    }
    if prev == Some('.') && number.digits {
        return true; // ".50 caliber", ".308"
    }
    if number.digits
        && (text[..start].trim_end().ends_with(['§', '¶'])
            || [" u.s.c.", " usc ", " c.f.r.", " cfr "]
                .iter()
                .any(|c| after.starts_with(c)))
    {
        return true; // "18 U.S.C. § 932": legal citations
    }
    if number.digits && text[start..].starts_with('0') && text[start..number.end].len() > 1 {
        return true; // "089", a hotline or code, not a count
    }
    if is_age(doc, i, number) {
        return true;
    }
    if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return true; // 10:30
    }
    if number.digits
        && (after.starts_with('x') && after[1..].starts_with(|c: char| c.is_ascii_digit())
            || [
                "mm", " mm", "-mm", "-caliber", " caliber", "-calibre", " calibre", "-cal", " cal.",
            ]
            .iter()
            .any(|s| after.starts_with(s)))
    {
        return true;
    }
    if number.attached.0 != number.attached.1 {
        let letters = &text[number.attached.0..number.attached.1];
        if attached_measure(letters).is_none() {
            return true; // "4th", "7x39mm", "1990s", "9mm"
        }
    }
    // Phone numbers and other hyphenated digit groups: 910-432-3383.
    let mut groups = 0;
    let mut rest = after;
    while let Some(r) = rest.strip_prefix('-') {
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            break;
        }
        groups += 1;
        rest = &r[digits..];
    }
    if groups >= 2 {
        return true;
    }
    // The day of a date: "Dec. 5 to 922" is not a range of figures.
    if i > 0
        && number.digits
        && doc.is_capitalized(i - 1)
        && super::dates::month_number(doc.word(i - 1)).is_some()
    {
        return true;
    }
    // "No. 23-1141", "Art. 19": a numbered item.
    if i > 0
        && number.digits
        && doc.gap_before(i) == ". "
        && matches!(
            doc.word(i - 1),
            "no" | "nos" | "art" | "sec" | "vol" | "p" | "pp"
        )
    {
        return true;
    }
    // A number right after a capitalized word names something: "Barrio 18", "CTF 50".
    if i > 0 && doc.gap_before(i) == " " && number.digits {
        let prev_word = doc.word(i - 1);
        if (doc.is_capitalized(i - 1) || doc.is_all_caps(i - 1))
            && !is_common_capitalized(prev_word)
        {
            return true;
        }
    }
    false
}

/// The day of a Spanish date, "2 de marzo": the date finder does not read Spanish dates, but
/// the day must not become a count of two.
pub fn is_spanish_day(doc: &Doc<'_>, number: &Number) -> bool {
    let month = doc.text()[number.end..]
        .strip_prefix(" de ")
        .and_then(|rest| rest.split(|c: char| !c.is_alphanumeric()).next());
    number.digits
        && !number.scaled
        && (1.0..=31.0).contains(&number.value)
        && number.value.fract() == 0.0
        && month.is_some_and(|m| super::dates::spanish_month(m).is_some())
}

/// An age: a number set off by commas after a name ("Juan Pérez, 31, of Tucson") or after
/// "aged"/"ages" ("aged between 22 and 51"). Ages are not figures.
fn is_age(doc: &Doc<'_>, i: usize, number: &Number) -> bool {
    if !number.digits || number.value >= 120.0 || i == 0 {
        return false;
    }
    let after = &doc.text()[number.end..];
    let set_off = doc.gap_before(i) == ", "
        && doc.is_capitalized(i - 1)
        && (after.starts_with(',') || after.starts_with(" of ") || after.starts_with(';'));
    // "aged 34", "ages 19 to 41", "aged between 22 and 51": a cue within the last few words.
    let aged = (i.saturating_sub(4)..i).any(|j| matches!(doc.word(j), "aged" | "ages" | "age"));
    set_off || aged
}

/// Capitalized words that can stand before a number without making it part of a name.
fn is_common_capitalized(word: &str) -> bool {
    vocabulary::has(word, vocabulary::MONTH | vocabulary::COMMON_CAPITALIZED)
}
