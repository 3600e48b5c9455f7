//! The time a figure refers to: the nearest date the tagger found in the figure's clause (or
//! else its sentence), widened to the phrase around it ("fiscal year 2023", "between 2019
//! and 2022", "since January"), and resolved to ISO dates against the publication date
//! where it is relative ("last year", "Tuesday").

use std::ops::Range;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, Weekday};

use super::Context;
use crate::entity::{Entity, Label, Value};
use crate::patterns::dates::{calendar_date, month_number};
use crate::text::fold::fold;

/// The time a figure refers to: its words in the text and, when they can be resolved, the
/// days they cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// Byte range of the period's words ("fiscal year 2023", "last month").
    pub span: Range<usize>,
    /// The days covered; none for a rate ("a month") or words that cannot be resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Days>,
}

/// A run of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Days {
    /// The first day.
    #[serde(with = "iso_date")]
    pub first: Date,
    /// The last day.
    #[serde(with = "iso_date")]
    pub last: Date,
}

impl Days {
    /// Whether the two runs share a day.
    pub fn overlaps(&self, other: &Days) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

/// Dates stored as `YYYY-MM-DD`, as people read them.
mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};
    use time::Date;

    pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        crate::patterns::dates::calendar_date(&text)
            .ok_or_else(|| D::Error::custom(format!("'{text}' is not a YYYY-MM-DD date")))
    }
}

/// First and last day, while a period is worked out.
type DayPair = (Date, Date);

/// The period of the figure in `context`, resolved against the `published` date.
pub(crate) fn find(context: &Context<'_>, published: Option<Date>) -> Option<Period> {
    let tokens = context.tokens;
    let within = |range: Range<usize>| -> Option<&Entity> {
        let span = tokens.get(range.start)?.start..tokens.get(range.end.checked_sub(1)?)?.end;
        context
            .entities_in(span)
            .filter(|e| e.label == Label::DATE)
            .min_by_key(|e| e.start.abs_diff(context.figure.start))
    };
    let Some(mut date) = within(context.clause.clone()).or_else(|| within(0..tokens.len())) else {
        return rate(context);
    };
    // The second end of a range ("between 2019 and 2022"): read the range from its first.
    if let Some(first) = range_start_before(context, date) {
        date = first;
    }
    let days = days_of(context.text, date, published);
    Some(widen(context, date, days, published))
}

/// A rate right after the figure when the sentence has no date: "$2.5 million a month",
/// "every year", "weekly". It names how often, not when, so it has no dates.
fn rate(context: &Context<'_>) -> Option<Period> {
    let tokens = context.tokens;
    let word = |i: usize| tokens.get(i).map_or("", |t| t.folded.as_str());
    let per = |w: &str| {
        matches!(
            w,
            "year" | "month" | "week" | "day" | "ano" | "mes" | "semana" | "dia"
        )
    };
    for i in context.after..(context.after + 5).min(context.clause.end) {
        let found = match word(i) {
            "weekly" | "monthly" | "annually" | "yearly" | "daily" | "semanal" | "mensual"
            | "anual" | "anualmente" => Some(i..i),
            "a" | "per" | "every" | "each" | "al" | "por" | "cada" if per(word(i + 1)) => {
                Some(i..i + 1)
            }
            _ => None,
        };
        if let Some(range) = found {
            return Some(Period {
                span: tokens[range.start].start..tokens[range.end].end,
                days: None,
            });
        }
    }
    None
}

/// The date that opens a range `date` closes: "between [2019] and 2022", "from [March] to
/// May", "entre [2019] y 2022".
fn range_start_before<'a>(context: &Context<'a>, date: &Entity) -> Option<&'a Entity> {
    let tokens = context.tokens;
    let at = tokens.partition_point(|t| t.start < date.start);
    let joiner = tokens.get(at.checked_sub(1)?)?;
    if !matches!(
        joiner.folded.as_str(),
        "and" | "to" | "through" | "y" | "a" | "al"
    ) {
        return None;
    }
    let first = context
        .entities_ending_before(joiner.start, 1)
        .rev()
        .find(|e| e.label == Label::DATE)?;
    let before = tokens
        .partition_point(|t| t.start < first.start)
        .checked_sub(1)?;
    matches!(
        tokens[before].folded.as_str(),
        "between" | "from" | "entre" | "de" | "desde"
    )
    .then_some(first)
}

/// The days a date entity covers: from its ISO value, or from its words and the
/// publication date.
fn days_of(text: &str, date: &Entity, published: Option<Date>) -> Option<DayPair> {
    if let Some(Value::Date(iso)) = &date.value {
        return iso_days(iso);
    }
    relative_days(&fold(&text[date.start..date.end]), published?)
}

/// "2024" is the year, "2024-03" the month, "2024-03-05" the day.
fn iso_days(iso: &str) -> Option<DayPair> {
    let year: i32 = iso.get(..4)?.parse().ok()?;
    match iso.len() {
        4 => Some((ymd(year, 1, 1)?, ymd(year, 12, 31)?)),
        7 => {
            let month = Month::try_from(iso.get(5..7)?.parse::<u8>().ok()?).ok()?;
            let first = Date::from_calendar_date(year, month, 1).ok()?;
            Some((first, month_end(first)))
        }
        _ => calendar_date(iso).map(|d| (d, d)),
    }
}

fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

fn month_end(first: Date) -> Date {
    Date::from_calendar_date(
        first.year(),
        first.month(),
        first.month().length(first.year()),
    )
    .unwrap_or(first)
}

/// Relative dates against the publication date.
fn relative_days(words: &str, published: Date) -> Option<DayPair> {
    let words = words
        .trim_start_matches("the ")
        .trim_start_matches("so far ");
    let year = published.year();
    let this_month = ymd(year, published.month() as u8, 1)?;
    Some(match words {
        "last year" | "the previous year" | "previous year" | "el ano pasado" | "ano pasado" => {
            (ymd(year - 1, 1, 1)?, ymd(year - 1, 12, 31)?)
        }
        "past year" | "past 12 months" | "last 12 months" | "ultimo ano" => {
            (published - Duration::days(365), published)
        }
        "this year" | "este ano" | "lo que va del ano" => (ymd(year, 1, 1)?, published),
        "last month" | "el mes pasado" | "mes pasado" => {
            let last = this_month - Duration::days(1);
            (ymd(last.year(), last.month() as u8, 1)?, last)
        }
        "this month" | "este mes" => (this_month, published),
        "last week" | "la semana pasada" => (published - Duration::days(7), published),
        "yesterday" | "ayer" => (published - Duration::days(1), published - Duration::days(1)),
        "today" | "hoy" => (published, published),
        _ => {
            if let Some(weekday) = weekday(words) {
                let mut day = published;
                while day.weekday() != weekday {
                    day = day.previous_day()?;
                }
                return Some((day, day));
            }
            let month = month_number(words)?;
            let mut first = ymd(year, month as u8, 1)?;
            if first > published {
                first = ymd(year - 1, month as u8, 1)?;
            }
            (first, month_end(first))
        }
    })
}

/// A quarter or half of `year`: "the last quarter", "the first half".
fn part_of_year(words: &str, year: i32) -> Option<DayPair> {
    let words = words.trim_start_matches("the ");
    let (which, part) = words.split_once(' ')?;
    let (count, length) = match part {
        "quarter" | "trimestre" => (4, 3),
        "half" | "semestre" => (2, 6),
        _ => return None,
    };
    let n: u8 = match which {
        "first" | "primer" => 1,
        "second" | "segundo" => 2,
        "third" | "tercer" => 3,
        "fourth" | "cuarto" => 4,
        "last" | "ultimo" => count,
        _ => return None,
    };
    if n > count {
        return None;
    }
    let first = ymd(year, (n - 1) * length + 1, 1)?;
    let last_month = ymd(year, n * length, 1)?;
    Some((first, month_end(last_month)))
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "lunes" => Weekday::Monday,
        "tuesday" | "martes" => Weekday::Tuesday,
        "wednesday" | "miercoles" => Weekday::Wednesday,
        "thursday" | "jueves" => Weekday::Thursday,
        "friday" | "viernes" => Weekday::Friday,
        "saturday" | "sabado" => Weekday::Saturday,
        "sunday" | "domingo" => Weekday::Sunday,
        _ => return None,
    })
}

/// The date with the words around it that change what it covers: "fiscal year 2023",
/// "between 2019 and 2022", "since January".
fn widen(
    context: &Context<'_>,
    date: &Entity,
    days: Option<DayPair>,
    published: Option<Date>,
) -> Period {
    let tokens = context.tokens;
    let at = tokens.partition_point(|t| t.start < date.start);
    let word = |i: Option<usize>| i.and_then(|i| tokens.get(i)).map(|t| t.folded.as_str());
    let mut span = date.start..date.end;
    let mut days = days;
    let before = at.checked_sub(1);
    if word(before) == Some("year") && word(before.and_then(|b| b.checked_sub(1))) == Some("fiscal")
        || matches!(word(before), Some("fiscal" | "fy"))
    {
        let first = if word(before) == Some("year") {
            at - 2
        } else {
            at - 1
        };
        span.start = tokens[first].start;
        days = days.and_then(|(start, _)| {
            Some((ymd(start.year() - 1, 10, 1)?, ymd(start.year(), 9, 30)?))
        });
    }
    // The date that starts at the token after the joiner after `date`: "2024" in "the last
    // quarter of 2024", "2022" in "between 2019 and 2022".
    let after_end = tokens.partition_point(|t| t.start < date.end);
    let date_after_joiner = || {
        let next = tokens.get(after_end + 1)?;
        context
            .entities_at(next.start)
            .find(|e| e.label == Label::DATE)
    };
    // "the last quarter of 2024", "the first half of 2023".
    if matches!(word(Some(after_end)), Some("of" | "de" | "del"))
        && let Some(year_entity) = date_after_joiner()
        && let Some(Value::Date(iso)) = &year_entity.value
        && iso.len() == 4
        && let Ok(year) = iso.parse::<i32>()
    {
        span.end = year_entity.end;
        days = part_of_year(&fold(&context.text[date.start..date.end]), year).or(days);
    }
    let opener = tokens
        .iter()
        .take(at)
        .rposition(|t| !matches!(t.folded.as_str(), "fiscal" | "year" | "fy" | "calendar"))
        .map(|i| tokens[i].folded.as_str());
    match opener {
        Some("between" | "from" | "entre" | "de") => {
            if matches!(
                word(Some(after_end)),
                Some("and" | "to" | "through" | "y" | "a" | "al")
            ) && let Some(second) = date_after_joiner()
            {
                span.end = second.end;
                let last = days_of(context.text, second, published);
                days = days.zip(last).map(|((start, _), (_, end))| (start, end));
            }
        }
        Some("since" | "desde") => {
            days = days
                .zip(published)
                .map(|((start, _), today)| (start, today));
        }
        _ => {}
    }
    Period {
        span,
        days: days.map(|(first, last)| Days { first, last }),
    }
}
