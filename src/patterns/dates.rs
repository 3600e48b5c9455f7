//! Dates: absolute ones with an ISO value ("March 5, 2024" → 2024-03-05, "May 2023" → 2023-05,
//! "2024" → 2024) and relative ones as spans without a value ("the past year", "Tuesday").

use super::vocabulary;
use crate::entity::{Entity, Label, Value};
use crate::text::Doc;

/// The date an article was published, to complete "March 5" with a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub year: i32,
    pub month: u32,
}

impl Published {
    /// Reads the contract's `YYYY-MM-DD` (a longer timestamp is fine: only the date is read).
    pub fn parse(s: &str) -> Option<Published> {
        let year = s.get(0..4)?.parse().ok()?;
        let month = s.get(5..7)?.parse().ok()?;
        (s.as_bytes().get(4) == Some(&b'-') && (1..=12).contains(&month))
            .then_some(Published { year, month })
    }

    /// The year of a month written without one: the publication's, unless that would put the
    /// date more than a month after publication ("Dec. 26" in a January article).
    fn year_of(self, month: u32) -> i32 {
        if month > self.month + 1 {
            self.year - 1
        } else {
            self.year
        }
    }
}

/// The calendar date of a `YYYY-MM-DD` value, or of the date part of a timestamp
/// ("2024-03-05T14:20:00-06:00"): a publication date, or a date entity's ISO value.
/// Anything else, or a day the calendar does not have, is no date.
pub fn calendar_date(s: &str) -> Option<time::Date> {
    let s = s.trim().get(..10)?;
    if s.as_bytes()[4] != b'-' || s.as_bytes()[7] != b'-' {
        return None;
    }
    let year = s.get(..4)?.parse().ok()?;
    let month: u8 = s.get(5..7)?.parse().ok()?;
    let day = s.get(8..10)?.parse().ok()?;
    time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()
}

/// The month (1-12) a folded word names: "march", "mar", "sept".
pub fn month_number(word: &str) -> Option<u32> {
    vocabulary::value(word, vocabulary::MONTH)
}

/// The number of a Spanish month, written in lower case as Spanish does ("marzo").
pub fn spanish_month(word: &str) -> Option<u32> {
    Some(match word {
        "enero" => 1,
        "febrero" => 2,
        "marzo" => 3,
        "abril" => 4,
        "mayo" => 5,
        "junio" => 6,
        "julio" => 7,
        "agosto" => 8,
        "septiembre" | "setiembre" => 9,
        "octubre" => 10,
        "noviembre" => 11,
        "diciembre" => 12,
        _ => return None,
    })
}

fn is_weekday(word: &str) -> bool {
    vocabulary::has(word, vocabulary::WEEKDAY)
}

/// Units of time that relative dates count in ("the past three years", "this weekend").
fn is_time_unit(word: &str) -> bool {
    matches!(
        word,
        "minute"
            | "minutes"
            | "hour"
            | "hours"
            | "day"
            | "days"
            | "night"
            | "nights"
            | "week"
            | "weeks"
            | "weekend"
            | "weekends"
            | "fortnight"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "quarter"
            | "quarters"
            | "season"
            | "spring"
            | "summer"
            | "fall"
            | "autumn"
            | "winter"
            | "morning"
            | "afternoon"
            | "evening"
    )
}

/// The end of a holiday's name starting at word `i`: "Thanksgiving Day", "Christmas Eve",
/// "Eid al-Fitr".
fn holiday_end(doc: &Doc<'_>, i: usize) -> Option<usize> {
    if !vocabulary::has(doc.word(i), vocabulary::HOLIDAY) || !doc.is_capitalized(i) {
        return None;
    }
    let mut end = doc.words[i].end;
    if let Some(k) = next_word(doc, i, &[" "])
        && matches!(doc.word(k), "day" | "eve")
        && doc.is_capitalized(k)
    {
        end = doc.words[k].end;
    } else if let Some(al) = next_word(doc, i, &[" "])
        && doc.word(al) == "al"
        && let Some(k) = next_word(doc, al, &["-"])
    {
        end = doc.words[k].end;
    }
    Some(end)
}

fn is_season(word: &str) -> bool {
    matches!(word, "spring" | "summer" | "fall" | "autumn" | "winter")
}

/// Words that make a following month name a date even without a day or year ("in May").
fn is_month_cue(word: &str) -> bool {
    matches!(
        word,
        "in" | "since"
            | "until"
            | "by"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "through"
            | "during"
            | "from"
            | "of"
            | "before"
            | "after"
            | "between"
            | "and"
            | "to"
            | "each"
            | "every"
            | "that"
    )
}

/// Appends every date of `doc` to `out` (folded offsets).
pub fn find_dates(
    doc: &Doc<'_>,
    classes: &[u32],
    published: Option<Published>,
    out: &mut Vec<Entity>,
) {
    use vocabulary::{DATE_CUE, DIGITS, HOLIDAY, MONTH, NUMBER, WEEKDAY};
    let mut free_from = 0;
    for (i, &class) in classes.iter().enumerate() {
        if class & (DIGITS | NUMBER | MONTH | WEEKDAY | DATE_CUE | HOLIDAY) == 0
            || doc.words[i].start < free_from
        {
            continue;
        }
        let found = absolute_date(doc, i, published).or_else(|| relative_date(doc, i));
        if let Some(date) = found {
            free_from = date.end;
            out.push(date);
        }
    }
}

fn digits_value(word: &str) -> Option<u32> {
    (!word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// A day of the month, possibly with an ordinal suffix ("7", "7th").
fn day_value(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits_value(digits).filter(|d| (1..=31).contains(d))
}

fn year_value(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| digits_value(word))
        .flatten()
        .map(|y| y as i32)
        .filter(|y| (1900..=2100).contains(y))
}

fn iso(year: Option<i32>, month: u32, day: Option<u32>) -> Option<Value> {
    let year = year?;
    Some(Value::Date(match day {
        Some(d) => format!("{year:04}-{month:02}-{d:02}"),
        None => format!("{year:04}-{month:02}"),
    }))
}

/// The word after `j` if only `gaps` separate them.
fn next_word(doc: &Doc<'_>, j: usize, gaps: &[&str]) -> Option<usize> {
    let k = j + 1;
    (k < doc.words.len() && gaps.contains(&doc.gap_before(k))).then_some(k)
}

/// A day range continuing a day: "25-26", "16 - 17". Returns the last word of the range.
fn day_range_end(doc: &Doc<'_>, j: usize) -> Option<usize> {
    let k = next_word(doc, j, &["-", " - ", " -", "- "])?;
    day_value(doc.word(k)).map(|_| k)
}

fn absolute_date(doc: &Doc<'_>, i: usize, published: Option<Published>) -> Option<Entity> {
    let word = doc.word(i);
    if let Some(month) = month_number(word) {
        if doc.is_capitalized(i) {
            return month_first(doc, i, month, published);
        }
        return None;
    }
    if let Some(day) = day_value(word)
        && let Some(date) = day_first(doc, i, day, published)
    {
        return Some(date);
    }
    if let Some(year) = year_value(word) {
        return numeric_date(doc, i, year).or_else(|| year_alone(doc, i, year));
    }
    if word.len() == 5 && word.ends_with('s') && year_value(&word[..4]).is_some() {
        // "the 1990s"
        return Some(Entity::new(
            doc.words[i].start,
            doc.words[i].end,
            Label::DATE,
        ));
    }
    if is_weekday(word) && doc.is_capitalized(i) {
        // "Monday, Dec. 26" is read from the month; here only a weekday alone.
        let before_month = next_word(doc, i, &[", ", " "])
            .is_some_and(|k| month_number(doc.word(k)).is_some() && doc.is_capitalized(k));
        if !before_month {
            return Some(Entity::new(
                doc.words[i].start,
                doc.words[i].end,
                Label::DATE,
            ));
        }
    }
    None
}

/// "March 5, 2024", "Dec. 7th", "October 25-26, 2016", "May 2016", "in January", with a
/// weekday before it ("Monday, Dec. 26") included.
fn month_first(
    doc: &Doc<'_>,
    i: usize,
    month: u32,
    published: Option<Published>,
) -> Option<Entity> {
    let text = doc.text();
    let mut start = doc.words[i].start;
    let mut end = doc.words[i].end;
    let mut last = i;
    if text[end..].starts_with('.') && doc.word(i).len() <= 4 {
        end += 1; // "Dec."
    }
    let mut day = None;
    if let Some(k) = next_word(doc, i, &[" ", ". ", ".", "  "])
        && let Some(d) = day_value(doc.word(k))
    {
        // Not the start of a year: "May 2016" is read below.
        if doc.word(k).len() <= 4 && year_value(doc.word(k)).is_none() {
            day = Some(d);
            last = day_range_end(doc, k).unwrap_or(k);
            end = doc.words[last].end;
        }
    }
    let mut year = None;
    if let Some(k) = next_word(doc, last, &[", ", " ", ". ", ".", " of "]) {
        let gap = doc.gap_before(k);
        let fits = if day.is_some() {
            gap != ". " && gap != "."
        } else {
            gap != ", "
        };
        if let (Some(y), true) = (year_value(doc.word(k)), fits) {
            year = Some(y);
            end = doc.words[k].end;
        }
    }
    if day.is_none() && year.is_none() {
        // A month alone: only after a cue ("in May", "last December"), since "May" and "March"
        // are also common words.
        let cue = (i > 0 && doc.gap_before(i) == " ").then(|| doc.word(i - 1));
        match cue {
            Some("last" | "next" | "this" | "early" | "late" | "mid") => {
                start = doc.words[i - 1].start;
            }
            Some(c) if is_month_cue(c) => {}
            _ => return None,
        }
    }
    // A weekday before: "Monday, Dec. 26".
    if i > 0 && matches!(doc.gap_before(i), ", " | " ") && is_weekday(doc.word(i - 1)) {
        start = doc.words[i - 1].start;
    }
    let year = year.or_else(|| day.and(published.map(|p| p.year_of(month))));
    let mut date = Entity::new(start, end, Label::DATE);
    date.value = iso(year, month, day);
    Some(date)
}

/// "5 March 2024", "11-13 Dec.", "14 April".
fn day_first(doc: &Doc<'_>, i: usize, day: u32, published: Option<Published>) -> Option<Entity> {
    let text = doc.text();
    let last_day = day_range_end(doc, i).unwrap_or(i);
    let m = next_word(doc, last_day, &[" "])?;
    // "5 March 2024", or in Spanish "12 de marzo de 2024".
    let (m, month, spanish) = match month_number(doc.word(m)).filter(|_| doc.is_capitalized(m)) {
        Some(month) => (m, month, false),
        None => {
            let k = next_word(doc, m, &[" "]).filter(|_| doc.word(m) == "de")?;
            (k, spanish_month(doc.word(k))?, true)
        }
    };
    let mut end = doc.words[m].end;
    if text[end..].starts_with('.') && doc.word(m).len() <= 4 {
        end += 1;
    }
    let mut year = None;
    let year_word = if spanish {
        next_word(doc, m, &[" "])
            .filter(|&k| doc.word(k) == "de" || doc.word(k) == "del")
            .and_then(|k| next_word(doc, k, &[" "]))
    } else {
        next_word(doc, m, &[" ", ", ", ". "])
    };
    if let Some(k) = year_word
        && let Some(y) = year_value(doc.word(k))
    {
        year = Some(y);
        end = doc.words[k].end;
    }
    let year = year.or_else(|| published.map(|p| p.year_of(month)));
    let mut date = Entity::new(doc.words[i].start, end, Label::DATE);
    date.value = iso(year, month, Some(day));
    Some(date)
}

/// "2024-03-05" (ISO) and "03/05/2024" (U.S. month first) starting at a year or month word.
fn numeric_date(doc: &Doc<'_>, i: usize, year: i32) -> Option<Entity> {
    let m = next_word(doc, i, &["-"])?;
    let d = next_word(doc, m, &["-"])?;
    let (month, day) = (digits_value(doc.word(m))?, day_value(doc.word(d))?);
    if !(1..=12).contains(&month) || doc.word(m).len() != 2 || doc.word(d).len() != 2 {
        return None;
    }
    let mut date = Entity::new(doc.words[i].start, doc.words[d].end, Label::DATE);
    date.value = iso(Some(year), month, Some(day));
    Some(date)
}

/// Whether the four digits at word `i` number a section, statute, rule or resolution rather
/// than name a year: after "§", a numbering word, or before a subsection ("1956(h)").
fn numbers_an_item(doc: &Doc<'_>, i: usize) -> bool {
    let before = doc.text()[..doc.words[i].start].trim_end();
    let subsection = doc.text()[doc.words[i].end..]
        .strip_prefix('(')
        .is_some_and(|r| r.len() > 1 && r.as_bytes()[1] == b')');
    before.ends_with('§') || subsection || super::non_figures::named_by_number(doc, i)
}

/// A year on its own ("in 2024", "mid-2024"), or a span of years ("2015-2016").
fn year_alone(doc: &Doc<'_>, i: usize, year: i32) -> Option<Entity> {
    let text = doc.text();
    let start = doc.words[i].start;
    let before = &text[..start];
    if before.ends_with('$')
        || before.ends_with(',') && before[..before.len() - 1].ends_with(char::is_numeric)
    {
        return None;
    }
    if before.ends_with('-') && !before.ends_with("mid-") {
        let prev = before[..before.len() - 1].chars().next_back();
        if prev.is_some_and(char::is_alphanumeric) {
            return None; // a code such as "F-2000"
        }
    }
    let after = &text[doc.words[i].end..];
    if after.starts_with(|c: char| c == '%' || c == ',' && after[1..].starts_with(char::is_numeric))
    {
        return None;
    }
    if numbers_an_item(doc, i) {
        return None; // "Section 1960", "§ 1956(h)", "Resolution 2254"
    }
    let mut end = doc.words[i].end;
    if let Some(k) = next_word(doc, i, &["-", " - ", " to "])
        && year_value(doc.word(k)).is_some()
    {
        end = doc.words[k].end;
    }
    // A measure after a bare four-digit number makes it a quantity: "2000 kilograms".
    if let Some(k) = next_word(doc, i, &[" "])
        && super::units::measure_at(doc, k).is_some_and(|(u, _)| !matches!(u, "year" | "month"))
    {
        return None;
    }
    let start = if before.ends_with("mid-") {
        start - 4
    } else {
        start
    };
    let mut date = Entity::new(start, end, Label::DATE);
    date.value = Some(Value::Date(format!("{year:04}")));
    Some(date)
}

/// "today", "the past year", "last week", "this weekend", "the past 24 hours", "two years
/// ago", "earlier this year", "in recent years", "the summer of 2017", "10 a.m.".
fn relative_date(doc: &Doc<'_>, i: usize) -> Option<Entity> {
    let text = doc.text();
    let word = doc.word(i);
    let start = doc.words[i].start;
    if matches!(word, "today" | "yesterday" | "tomorrow" | "tonight") {
        return Some(Entity::new(start, doc.words[i].end, Label::DATE));
    }
    if let Some(end) = holiday_end(doc, i) {
        return Some(Entity::new(start, end, Label::DATE));
    }
    // "10 a.m.", "3:30 p.m."
    if digits_value(word).is_some_and(|h| (1..=12).contains(&h)) {
        let mut j = i;
        if let Some(k) = next_word(doc, i, &[":"])
            && doc.word(k).len() == 2
            && digits_value(doc.word(k)).is_some()
        {
            j = k;
        }
        let after = &text[doc.words[j].end..];
        for marker in [" a.m.", " p.m.", " am ", " pm ", "a.m.", "p.m."] {
            if after.starts_with(marker) {
                let end = doc.words[j].end + marker.trim_end().len();
                return Some(Entity::new(start, end, Label::DATE));
            }
        }
    }
    // "two years ago", "24 hours earlier"
    if let Some(unit) = next_word(doc, i, &[" "]) {
        let is_count = digits_value(word).is_some() || super::numbers::is_number_word(word);
        if is_count
            && is_time_unit(doc.word(unit))
            && let Some(ago) = next_word(doc, unit, &[" "])
            && doc.word(ago) == "ago"
        {
            return Some(Entity::new(start, doc.words[ago].end, Label::DATE));
        }
    }
    // "in recent years"
    if word == "recent" && i > 0 && doc.word(i - 1) == "in" {
        let unit = next_word(doc, i, &[" "])?;
        return is_time_unit(doc.word(unit))
            .then(|| Entity::new(start, doc.words[unit].end, Label::DATE));
    }
    // "earlier this year", "early next year", "late last month"
    let (anchor, span_start) = match word {
        "earlier" | "later" | "early" | "late" => {
            let k = next_word(doc, i, &[" "])?;
            if !matches!(doc.word(k), "this" | "next" | "last") {
                return None;
            }
            (k, start)
        }
        "the" => {
            let k = next_word(doc, i, &[" "])?;
            if !matches!(
                doc.word(k),
                "last" | "past" | "next" | "coming" | "previous" | "following" | "same" | "current"
            ) && !is_season(doc.word(k))
            {
                return None;
            }
            (k, start)
        }
        "last" | "past" | "next" | "coming" | "previous" | "this" | "current" => (i, start),
        _ => return None,
    };
    // "the summer of 2017"
    if is_season(doc.word(anchor)) {
        let of = next_word(doc, anchor, &[" "])?;
        let y = next_word(doc, of, &[" "])?;
        let year = year_value(doc.word(y)).filter(|_| doc.word(of) == "of")?;
        let mut date = Entity::new(span_start, doc.words[y].end, Label::DATE);
        date.value = Some(Value::Date(format!("{year:04}")));
        return Some(date);
    }
    let mut j = next_word(doc, anchor, &[" "])?;
    // An optional count: "the past 24 hours", "the last two years", "the past 20-plus months".
    let count_word = doc.word(j);
    if digits_value(count_word).is_some() || super::numbers::is_number_word(count_word) {
        let mut k = next_word(doc, j, &[" ", "-"])?;
        if doc.word(k) == "plus" {
            k = next_word(doc, k, &[" "])?;
        }
        j = k;
    }
    if let Some(end) = holiday_end(doc, j) {
        return Some(Entity::new(span_start, end, Label::DATE));
    }
    let unit = doc.word(j);
    let named_day = (is_weekday(unit) || month_number(unit).is_some()) && doc.is_capitalized(j);
    if !is_time_unit(unit) && !named_day {
        return None;
    }
    let mut end = doc.words[j].end;
    // "the coming days and weeks"
    if let Some(and) = next_word(doc, j, &[" "])
        && doc.word(and) == "and"
        && let Some(second) = next_word(doc, and, &[" "])
        && is_time_unit(doc.word(second))
    {
        end = doc.words[second].end;
    }
    Some(Entity::new(span_start, end, Label::DATE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates_are_read_or_left_out() {
        let day = |s| calendar_date(s).map(|d| (d.year(), d.month() as u8, d.day()));
        assert_eq!(day("2024-03-05"), Some((2024, 3, 5)));
        assert_eq!(day("2024-03-05T14:20:00-06:00"), Some((2024, 3, 5)));
        assert_eq!(day("2024-02-30"), None);
        assert_eq!(day("March 2024"), None);
        assert_eq!(day("2024"), None);
    }

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        let classes = vocabulary::classify(&doc);
        find_dates(
            &doc,
            &classes,
            published.and_then(Published::parse),
            &mut out,
        );
        out.iter()
            .map(|e| {
                let mention = doc.original_span(e.start, e.end);
                let value = match &e.value {
                    Some(Value::Date(d)) => Some(d.clone()),
                    _ => None,
                };
                (mention.to_string(), value)
            })
            .collect()
    }

    fn one(text: &str) -> (String, Option<String>) {
        let found = dates(text, None);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn absolute_dates_have_iso_values() {
        assert_eq!(
            one("on March 5, 2024 agents"),
            ("March 5, 2024".into(), Some("2024-03-05".into()))
        );
        assert_eq!(
            one("in May 2023 the"),
            ("May 2023".into(), Some("2023-05".into()))
        );
        assert_eq!(one("in 2024 alone"), ("2024".into(), Some("2024".into())));
        assert_eq!(
            one("on 14 April 2025."),
            ("14 April 2025".into(), Some("2025-04-14".into()))
        );
        assert_eq!(
            one("October 25-26, 2016"),
            ("October 25-26, 2016".into(), Some("2016-10-25".into()))
        );
        assert_eq!(
            one("on 2024-03-05."),
            ("2024-03-05".into(), Some("2024-03-05".into()))
        );
        assert_eq!(one("by mid-2024"), ("mid-2024".into(), Some("2024".into())));
        assert_eq!(
            one("Monday, Dec. 26, 2016"),
            ("Monday, Dec. 26, 2016".into(), Some("2016-12-26".into()))
        );
    }

    #[test]
    fn a_day_without_year_takes_the_publication_year() {
        let found = dates("on Dec. 26 the", Some("2017-01-10"));
        assert_eq!(found, vec![("Dec. 26".into(), Some("2016-12-26".into()))]);
        let found = dates("on Jan. 8 the", Some("2017-01-10"));
        assert_eq!(found, vec![("Jan. 8".into(), Some("2017-01-08".into()))]);
        assert_eq!(dates("on Jan. 8 the", None), vec![("Jan. 8".into(), None)]);
    }

    #[test]
    fn relative_dates_are_spans_without_value() {
        for (text, span) in [
            ("over the past year, the", "the past year"),
            ("seized last week in", "last week"),
            ("in the past 24 hours", "the past 24 hours"),
            ("over the past 20-plus months", "the past 20-plus months"),
            ("two years ago", "two years ago"),
            ("earlier this year", "earlier this year"),
            ("in recent years", "recent years"),
            ("on Tuesday the", "Tuesday"),
            ("said today that", "today"),
            ("in the coming days and weeks", "the coming days and weeks"),
            ("last December", "last December"),
            ("at 10 a.m. local", "10 a.m."),
            ("on Thanksgiving Day the", "Thanksgiving Day"),
            ("home this Christmas and", "this Christmas"),
        ] {
            assert_eq!(one(text), (span.to_string(), None), "{text}");
        }
    }

    #[test]
    fn common_words_are_not_dates() {
        assert_eq!(dates("they may march on", None), vec![]);
        assert_eq!(dates("May they", None), vec![]);
        assert_eq!(dates("$2024 in cash", None), vec![]);
        assert_eq!(dates("2000 kilograms", None), vec![]);
    }
}
