//! Numbers that stand for no amount: list and section markers, footnotes, coordinates, phone
//! numbers, dotted versions and addresses, and the numbers of a numbered range ("Counts 2
//! through 19"). The figure finder asks [`is_no_amount`] through [`super::codes::is_code`].

use super::numbers::Number;
use crate::text::Doc;

/// Whether the number at word `i` is a marker, a reference, a coordinate, a phone number or
/// part of a dotted sequence rather than an amount.
pub fn is_no_amount(doc: &Doc<'_>, i: usize, number: &Number) -> bool {
    number.digits
        && (is_marker(doc, number)
            || in_dotted_sequence(doc, number)
            || is_coordinate(doc, number)
            || is_phone(doc, number)
            || ends_numbered_range(doc, i)
            || named_by_number(doc, i)
            || is_quoted(doc, number))
}

/// Whether word `i` is the number of an item named by the noun before it: "Section 1960",
/// "route 15", "carretera federal 15" (one adjective may stand between).
pub fn named_by_number(doc: &Doc<'_>, i: usize) -> bool {
    use super::vocabulary::{NUMBERING, has};
    let numbering = |j: usize| has(doc.word(j), NUMBERING) && doc.gap_before(j + 1) == " ";
    i > 0 && numbering(i - 1)
        || i > 1
            && matches!(
                doc.word(i - 1),
                "federal" | "estatal" | "state" | "national" | "nacional" | "interstate"
            )
            && numbering(i - 2)
}

/// A number in quotation marks by itself names a marking or a label ("the “M” and “30”
/// markings"), not an amount.
fn is_quoted(doc: &Doc<'_>, number: &Number) -> bool {
    let text = doc.text();
    text[..number.start].ends_with(['"', '\'']) && text[number.end..].starts_with(['"', '\''])
}

/// A list marker at the start of a line ("1. Collection", "2) Conversion") or a reference in
/// brackets ("paragraph (2)", a footnote "[7]").
fn is_marker(doc: &Doc<'_>, number: &Number) -> bool {
    let text = doc.text();
    let after = &text[number.end..];
    let before = &text[..number.start];
    // "paragraph (2)", a footnote "[7]"; not "meal 99 (98)" or "163 tonnes (164)", last
    // year's figure beside this year's.
    let after_word = before
        .strip_suffix(" (")
        .is_some_and(|r| r.ends_with(|c: char| c.is_alphabetic()));
    let digits = number.end - number.start;
    let bracketed = (after_word && after.starts_with(')') && digits <= 2
        || before.ends_with('[') && after.starts_with(']') && digits <= 3)
        && number.value.fract() == 0.0;
    let listed = starts_a_list_item(doc, number.start)
        && (after.starts_with(". ") || after.starts_with(") "))
        && number.value.fract() == 0.0;
    bracketed || listed
}

/// Whether folded offset `start` begins a line that follows a finished one (or the text): a
/// list item. In hard-wrapped text a number also begins a line mid-sentence ("rose to\n40."),
/// after a line that ends without punctuation.
fn starts_a_list_item(doc: &Doc<'_>, start: usize) -> bool {
    let (original_start, _) = doc.folded.to_original(start, start + 1);
    let before = doc.original[..original_start].trim_end_matches([' ', '\t']);
    let Some(previous) = before.strip_suffix('\n') else {
        return before.is_empty();
    };
    let previous = previous.trim_end();
    previous.is_empty() || previous.ends_with(['.', ':', ';', '!', '?', ')'])
}

/// A version or an address: "2.4.1", "203.0.113.58". The reader stops at the second dot, so a
/// dot and a digit right after the number give it away.
fn in_dotted_sequence(doc: &Doc<'_>, number: &Number) -> bool {
    let after = &doc.text().as_bytes()[number.end..];
    after.first() == Some(&b'.') && after.get(1).is_some_and(u8::is_ascii_digit)
}

/// A coordinate: degrees and minutes ("32°31′N", "117°02′W") or a pair of decimal degrees
/// ("20.6597, -103.3496"), written with four decimals or more.
fn is_coordinate(doc: &Doc<'_>, number: &Number) -> bool {
    let text = doc.text();
    let before = &text[..number.start];
    let after = &text[number.end..];
    let degrees = after.starts_with('°') || before.ends_with('°');
    let minutes = after.starts_with('\'')
        && after[1..].starts_with(['n', 's', 'e', 'w'])
        && !after[1..].starts_with("s ");
    let fine = |written: &str| written.split_once('.').is_some_and(|(_, d)| d.len() >= 4);
    let paired = fine(&text[number.start..number.end])
        && (after
            .strip_prefix(", ")
            .map(|r| r.trim_start_matches('-'))
            .is_some_and(|r| fine(leading_number(r)))
            || before
                .trim_end_matches('-')
                .strip_suffix(", ")
                .is_some_and(|r| fine(trailing_number(r))));
    degrees || minutes || paired
}

/// The digits and dots that begin `s`.
fn leading_number(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The digits and dots that end `s`, without a minus sign.
fn trailing_number(s: &str) -> &str {
    let start = s
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map_or(0, |i| i + 1);
    &s[start..]
}

/// A phone number: "+52 664 218 4407", "(619) 555-0147", "555-0147", "664 218 4407" (groups
/// split by [`PHONE_SEPARATORS`]). The
/// digit groups around the number are gathered both ways, so every group of one phone number
/// is recognised, not only its first.
fn is_phone(doc: &Doc<'_>, number: &Number) -> bool {
    let text = doc.text().as_bytes();
    let group_at = |end: usize| {
        let start = text[..end]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |p| p + 1);
        start..end
    };
    let own = number.start..number.start + digits_from(text, number.start);
    let mut groups = Vec::with_capacity(4);
    groups.push(own);
    // Backwards over "<digits><sep>".
    let mut at = groups[0].start;
    while let Some(sep) = separator_before(text, at) {
        let group = group_at(at - sep);
        if group.is_empty() {
            break;
        }
        at = group.start;
        groups.insert(0, group);
    }
    let plus = at > 0 && text[at - 1] == b'+' || at > 1 && &text[at - 2..at] == b"+(";
    let area = at > 0 && text[at - 1] == b'(';
    // Forwards over "<sep><digits>".
    let mut end = groups.last().map_or(0, |g| g.end);
    while let Some(sep) = separator_after(text, end) {
        let len = digits_from(text, end + sep);
        if len == 0 {
            break;
        }
        groups.push(end + sep..end + sep + len);
        end += sep + len;
    }
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let total: usize = lengths.iter().sum();
    let sized = lengths.iter().all(|&n| (2..=4).contains(&n)) && lengths.last() == Some(&4);
    let local = lengths == [3, 4] && text[groups[0].end] == b'-';
    plus && groups.len() >= 2 && (6..=15).contains(&total)
        || area && lengths.first() == Some(&3) && total >= 10
        || local
        || sized && groups.len() >= 3 && (8..=15).contains(&total)
}

/// The number of ASCII digits from `at`.
fn digits_from(text: &[u8], at: usize) -> usize {
    text[at..].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// What separates the digit groups of a phone number: a space, a hyphen, a closing bracket
/// ("(619) 555-0147"); not a dot, which tables of decimals use.
const PHONE_SEPARATORS: [&[u8]; 3] = [b") ", b" ", b"-"];

/// The length of a phone separator that ends at `at` after a digit.
fn separator_before(text: &[u8], at: usize) -> Option<usize> {
    PHONE_SEPARATORS
        .iter()
        .find(|s| {
            at > s.len() && text[..at].ends_with(s) && text[at - s.len() - 1].is_ascii_digit()
        })
        .map(|s| s.len())
}

/// The length of a phone separator that starts at `at` before a digit.
fn separator_after(text: &[u8], at: usize) -> Option<usize> {
    PHONE_SEPARATORS
        .iter()
        .find(|s| {
            text[at..].starts_with(s) && text.get(at + s.len()).is_some_and(u8::is_ascii_digit)
        })
        .map(|s| s.len())
}

/// The last number of a numbered range: "19" in "Counts 2 through 19" or "Sections 3 to 5",
/// where the first number names an item (after a capitalized plural), so the last does too.
/// ("Model 60 to 4,795 dlrs" is a name and a price.)
fn ends_numbered_range(doc: &Doc<'_>, i: usize) -> bool {
    let first = || doc.word(i - 2);
    let named = |j: usize| {
        (doc.is_capitalized(j) || doc.is_all_caps(j))
            && doc.word(j).ends_with('s')
            && super::dates::month_number(doc.word(j)).is_none()
    };
    i >= 3
        && matches!(doc.word(i - 1), "through" | "to" | "and" | "thru")
        && first().as_bytes()[0].is_ascii_digit()
        && first().len() < 4
        && named(i - 3)
        && doc.gap_before(i - 2) == " "
}
