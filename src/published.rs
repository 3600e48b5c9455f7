//! An article's publication date at the precision it was given: a year ("2024"), a month
//! ("2024-03") or a day ("2024-03-05", "20240305", or the date of an ISO timestamp). The
//! index files it under its year and month, stores it as given, and ranges over its first
//! day; a value that is none of these is a bad date, reported with the record's location.

use std::fmt;

use time::{Date, Month};

/// How much of a publication date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Only the year.
    Year,
    /// The year and month.
    Month,
    /// The day.
    Day,
}

/// A publication date: its first day and how precise it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationDate {
    /// The first day the date can mean (January 1 of a year, the 1st of a month).
    pub first_day: Date,
    /// How much of it is known.
    pub precision: Precision,
}

impl PublicationDate {
    /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYYMMDD`, or a timestamp that starts with
    /// `YYYY-MM-DD` ("2024-03-05T14:20:00-06:00"). Anything else, or a day the calendar does
    /// not have, is none.
    pub fn parse(value: &str) -> Option<PublicationDate> {
        let value = value.trim();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = value.get(range)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let separated = |at: usize| value.as_bytes().get(at) == Some(&b'-');
        let (year, month, day, precision) = match value.len() {
            4 => (digits(0..4)?, 1, 1, Precision::Year),
            7 if separated(4) => (digits(0..4)?, digits(5..7)?, 1, Precision::Month),
            8 => (digits(0..4)?, digits(4..6)?, digits(6..8)?, Precision::Day),
            n if n >= 10 && separated(4) && separated(7) => {
                let rest = value.get(10..)?;
                let timestamp = rest.is_empty() || rest.starts_with(['T', 't', ' ']);
                if !timestamp {
                    return None;
                }
                (digits(0..4)?, digits(5..7)?, digits(8..10)?, Precision::Day)
            }
            _ => return None,
        };
        let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
        let first_day =
            Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?)
                .ok()?;
        Some(PublicationDate {
            first_day,
            precision,
        })
    }

    /// The year and, unless only the year is known, the month: the facet path below
    /// `/published`.
    pub fn facet_path(&self) -> Vec<String> {
        let year = format!("{:04}", self.first_day.year());
        match self.precision {
            Precision::Year => vec![year],
            _ => vec![year, format!("{:02}", self.first_day.month() as u8)],
        }
    }
}

impl fmt::Display for PublicationDate {
    /// The date as far as it is known: "2024", "2024-03", "2024-03-05".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = self.first_day;
        match self.precision {
            Precision::Year => write!(f, "{:04}", date.year()),
            Precision::Month => write!(f, "{:04}-{:02}", date.year(), date.month() as u8),
            Precision::Day => write!(f, "{date}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(value: &str) -> Option<String> {
        PublicationDate::parse(value).map(|d| d.to_string())
    }

    #[test]
    fn dates_keep_their_precision_and_bad_ones_are_none() {
        assert_eq!(shown("2024").as_deref(), Some("2024"));
        assert_eq!(shown("2024-03").as_deref(), Some("2024-03"));
        assert_eq!(shown("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(shown("20240305").as_deref(), Some("2024-03-05"));
        assert_eq!(
            shown("2024-03-05T14:20:00-06:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            shown(" 1987-02-26 15:01:01 ").as_deref(),
            Some("1987-02-26")
        );
        for bad in [
            "2024-13-45",
            "2024-02-30",
            "March 5, 2024",
            "2024-3",
            "24",
            "2024-03-05x",
        ] {
            assert_eq!(shown(bad), None, "{bad}");
        }
        let month = PublicationDate::parse("2024-03").unwrap();
        assert_eq!(month.facet_path(), ["2024", "03"]);
        assert_eq!(
            PublicationDate::parse("1500").unwrap().facet_path(),
            ["1500"]
        );
    }
}
