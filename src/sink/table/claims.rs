//! Claims: the same figure reported by several articles (same item, action, value and unit,
//! overlapping period) merged into one row with all its citations, and flagged where other
//! articles give a different figure for the same item, action and period.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;
use time::Date;

use super::row::{number, shown, text};
use super::{Column, FactRow, Table};
use crate::entity::Label;
use crate::facts::{Action, BaseUnit};
use crate::sink::record;
use crate::text::fold::fold;

/// One article's report of a claim.
#[derive(Debug, Clone, Serialize)]
#[allow(missing_docs)] // the fact row's fields of the same names
pub struct Citation {
    pub fact_id: String,
    pub doc_id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub figure_text: String,
    pub sentence: String,
}

/// A claim and every article that reports it.
#[derive(Debug, Clone, Serialize)]
#[allow(missing_docs)] // the fact row's fields of the same names
pub struct Claim {
    pub item: Option<String>,
    pub item_canonical: Option<String>,
    pub item_label: Option<Label>,
    pub action: Option<Action>,
    pub value_base: Option<f64>,
    #[serde(serialize_with = "record::base_unit")]
    pub unit_base: Option<BaseUnit>,
    #[serde(serialize_with = "record::day")]
    pub period_start: Option<Date>,
    #[serde(serialize_with = "record::day")]
    pub period_end: Option<Date>,
    /// How many articles report the claim: an article that repeats its figure counts once.
    pub count: usize,
    /// Other values given for the same item, action and period, with the facts giving them.
    pub conflicts: Vec<String>,
    pub citations: Vec<Citation>,
}

/// What makes two facts about the same thing: the item (its canonical name, else its words
/// folded, without a plural "s"), the action and the base unit.
fn subject(row: &FactRow) -> Option<Subject> {
    let f = &row.fact;
    let item = match (&f.item_canonical, &f.item) {
        (Some(canonical), _) => fold(canonical),
        (None, Some(item)) => fold(item)
            .split_whitespace()
            .map(|w| w.strip_suffix('s').unwrap_or(w))
            .collect::<Vec<_>>()
            .join(" "),
        (None, None) => return None,
    };
    Some((item, f.action, f.unit_base.clone()))
}

/// Whether two facts speak of the same time: both periods known and overlapping. Two facts
/// without a period may be about different years, so they are never the same claim.
fn periods_overlap(a: &FactRow, b: &FactRow) -> bool {
    let (a, b) = (&a.fact, &b.fact);
    match (
        &a.period_start,
        &a.period_end,
        &b.period_start,
        &b.period_end,
    ) {
        (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 <= b1 && b0 <= a1,
        _ => false,
    }
}

/// Whether two facts about one subject speak of the same time and, as far as their sentences
/// say, the same place.
fn same_time_and_place(a: &FactRow, b: &FactRow) -> bool {
    periods_overlap(a, b) && !differ(a.fact.place.as_deref(), b.fact.place.as_deref())
}

/// Whether two places are known and not the same.
fn differ(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if fold(x) != fold(y))
}

/// Whether two different figures for one subject and time contradict each other: only when
/// they are about the same place, their articles' where their sentences name none
/// (homicides in Mexico are not set against homicides in Guanajuato).
fn contradict(a: &FactRow, b: &FactRow) -> bool {
    same_time_and_place(a, b) && !differ(a.place(), b.place()) && !same_value(a, b)
}

/// The same figure, allowing for rounding when a report converts units ("38,000 pounds,
/// about 17,400 kilograms").
fn same_value(a: &FactRow, b: &FactRow) -> bool {
    match (a.fact.value_base, b.fact.value_base) {
        (Some(x), Some(y)) => (x - y).abs() <= 0.015 * x.abs().max(y.abs()),
        _ => false,
    }
}

/// What a claim is about: the item, the action and the base unit.
type Subject = (String, Option<Action>, Option<BaseUnit>);

/// The rows merged into claims, in the order their first report came. Facts without an item
/// or an action stay claims of their own. Only facts about one subject are compared, so the
/// work grows with the reports of each subject, not with the square of the table.
pub fn group(rows: Vec<FactRow>) -> Vec<Claim> {
    let mut groups: Vec<Vec<FactRow>> = Vec::new();
    let mut by_subject: HashMap<Subject, Vec<usize>> = HashMap::new();
    for row in rows {
        let Some(key) = subject(&row).filter(|_| row.fact.action.is_some()) else {
            groups.push(vec![row]);
            continue;
        };
        let same = by_subject.entry(key).or_default();
        let home = same
            .iter()
            .copied()
            .find(|&g| same_time_and_place(&groups[g][0], &row) && same_value(&groups[g][0], &row));
        match home {
            Some(at) => groups[at].push(row),
            None => {
                same.push(groups.len());
                groups.push(vec![row]);
            }
        }
    }
    let mut claims: Vec<Claim> = groups.iter().map(|g| claim(g)).collect();
    // Flag claims that disagree: same subject, time and place, another value. An article
    // restating its own figure another way is not a conflict.
    let docs: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| g.iter().map(|r| r.doc_id.as_str()).collect())
        .collect();
    for same in by_subject.values() {
        for &i in same {
            for &j in same {
                let (mine, theirs) = (&groups[i][0], &groups[j][0]);
                if i != j
                    && contradict(mine, theirs)
                    && docs[j].iter().all(|d| !docs[i].contains(d))
                {
                    let ids: Vec<&str> =
                        groups[j].iter().map(|r| r.fact.fact_id.as_str()).collect();
                    claims[i].conflicts.push(format!(
                        "{} ({})",
                        theirs.fact.figure_text,
                        ids.join(", ")
                    ));
                }
            }
        }
    }
    claims
}

fn claim(rows: &[FactRow]) -> Claim {
    let first = &rows[0].fact;
    Claim {
        item: first.item.clone(),
        item_canonical: first.item_canonical.clone(),
        item_label: first.item_label,
        action: first.action,
        value_base: first.value_base,
        unit_base: first.unit_base.clone(),
        period_start: first.period_start,
        period_end: first.period_end,
        count: {
            let mut articles: Vec<&str> = rows.iter().map(|r| r.doc_id.as_str()).collect();
            articles.sort_unstable();
            articles.dedup();
            articles.len()
        },
        conflicts: Vec::new(),
        citations: rows
            .iter()
            .map(|r| Citation {
                fact_id: r.fact.fact_id.clone(),
                doc_id: r.doc_id.clone(),
                title: r.title.clone(),
                url: r.url.clone(),
                published: r.published.clone(),
                source: r.source.clone(),
                figure_text: r.fact.figure_text.clone(),
                sentence: r.fact.sentence.clone(),
            })
            .collect(),
    }
}

/// The citations' values of one field, joined with " ; ".
fn joined(claim: &Claim, field: impl Fn(&Citation) -> Cow<'_, str>) -> Cow<'static, str> {
    let values: Vec<Cow<'_, str>> = claim.citations.iter().map(field).collect();
    Cow::Owned(values.join(" ; "))
}

impl Table for Claim {
    const COLUMNS: &'static [Column<Claim>] = &[
        Column::shown(1, "item", |c| text(c.item.as_deref())),
        Column::new("item_canonical", |c| text(c.item_canonical.as_deref())),
        Column::new("item_label", |c| text(c.item_label.map(|l| l.as_str()))),
        Column::shown(2, "action", |c| text(c.action.map(|a| a.as_str()))),
        Column::shown(3, "value_base", |c| number(c.value_base)),
        Column::shown(4, "unit_base", |c| {
            text(c.unit_base.as_ref().map(|u| u.as_str()))
        }),
        Column::shown(5, "period_start", |c| shown(c.period_start)),
        Column::shown(6, "period_end", |c| shown(c.period_end)),
        Column::shown(7, "count", |c| shown(Some(c.count))),
        Column::shown(8, "conflicts", |c| Cow::Owned(c.conflicts.join(" ; "))),
        Column::new("fact_ids", |c| joined(c, |c| Cow::Borrowed(&c.fact_id))),
        Column::shown(9, "sources", |c| {
            joined(c, |c| {
                let source = c.source.as_deref().unwrap_or(&c.doc_id);
                match &c.published {
                    Some(date) => Cow::Owned(format!("{source}, {date}")),
                    None => Cow::Borrowed(source),
                }
            })
        }),
        Column::shown(10, "urls", |c| joined(c, |c| text(c.url.as_deref()))),
        Column::new("sentences", |c| joined(c, |c| Cow::Borrowed(&c.sentence))),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::dates::calendar_date;
    use crate::sink::record::FactRecord;

    fn row(doc: &str, item: &str, value: f64, period: Option<(&str, &str)>) -> FactRow {
        let day = |d: &str| calendar_date(d);
        let fact = FactRecord {
            fact_id: format!("{doc}:1"),
            start: 0,
            end: 1,
            figure_text: value.to_string(),
            value: Some(value),
            value_max: None,
            unit: Some("kg".into()),
            qualifier: None,
            value_base: Some(value),
            unit_base: Some(BaseUnit::Kilograms),
            item: Some(item.to_string()),
            item_canonical: None,
            item_label: None,
            action: Some(Action::Seized),
            period: None,
            period_start: period.and_then(|p| day(p.0)),
            period_end: period.and_then(|p| day(p.1)),
            place: None,
            attributed_to: None,
            sentence: "s".to_string(),
            sentence_start: 0,
            sentence_end: 1,
        };
        FactRow {
            doc_id: doc.to_string(),
            title: None,
            url: None,
            published: None,
            source: None,
            fact,
            article_place: None,
        }
    }

    #[test]
    fn figures_from_articles_about_different_places_do_not_conflict() {
        let fy = Some(("2024-01-01", "2024-12-31"));
        let placed = |doc: &str, value: f64, place: &str| FactRow {
            article_place: Some(place.to_string()),
            ..row(doc, "homicides", value, fy)
        };
        let claims = group(vec![
            placed("a", 30_000.0, "Mexico"),
            placed("b", 3_000.0, "Guanajuato"),
            placed("c", 29_000.0, "Mexico"),
        ]);
        assert_eq!(claims.len(), 3);
        assert!(claims[1].conflicts.is_empty(), "{:?}", claims[1].conflicts);
        assert_eq!(claims[0].conflicts, ["29000 (c:1)"]);
    }

    #[test]
    fn the_same_claim_merges_and_a_different_figure_is_flagged() {
        let fy = Some(("2022-10-01", "2023-09-30"));
        let claims = group(vec![
            row("a", "fentanyl", 12_000.0, fy),
            row(
                "b",
                "Fentanyl",
                12_000.0,
                Some(("2023-01-01", "2023-12-31")),
            ),
            row("c", "fentanyl", 9_000.0, fy),
            row(
                "d",
                "fentanyl",
                12_000.0,
                Some(("2019-01-01", "2019-12-31")),
            ),
            row("e", "cocaine", 12_000.0, fy),
        ]);
        assert_eq!(claims.len(), 4);
        assert_eq!(claims[0].count, 2);
        let repeated = group(vec![
            row("a", "heroin", 40.0, fy),
            row("a", "heroin", 40.0, fy),
        ]);
        assert_eq!(repeated.len(), 1);
        assert_eq!(repeated[0].citations.len(), 2);
        assert_eq!(
            repeated[0].count, 1,
            "one article repeating its figure is one report"
        );
        assert_eq!(claims[0].conflicts, ["9000 (c:1)"]);
        assert_eq!(claims[1].conflicts.len(), 1, "c conflicts with a and b");
        assert!(claims[2].conflicts.is_empty() && claims[3].conflicts.is_empty());
    }
}
