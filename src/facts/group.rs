//! Claims: the same figure reported by several articles (same item, action, value and unit,
//! overlapping period) merged into one row with all its citations, and flagged where other
//! articles give a different figure for the same item, action and period.

use std::collections::HashMap;

use serde::Serialize;

use super::table::Row;
use crate::text::fold::fold;

/// One article's report of a claim.
#[derive(Debug, Clone, Serialize)]
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
pub struct Claim {
    pub item: Option<String>,
    pub item_canonical: Option<String>,
    pub item_label: Option<String>,
    pub action: Option<String>,
    pub value_base: Option<f64>,
    pub unit_base: Option<String>,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
    pub count: usize,
    /// Other values given for the same item, action and period, with the facts giving them.
    pub conflicts: Vec<String>,
    pub citations: Vec<Citation>,
}

/// What makes two facts about the same thing: the item (its canonical name, else its words
/// folded, without a plural "s"), the action and the base unit.
fn subject(row: &Row) -> Option<Subject> {
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
    Some((item, f.action.clone(), f.unit_base.clone()))
}

/// Whether two facts speak of the same time: both periods known and overlapping. Two facts
/// without a period may be about different years, so they are never the same claim.
fn periods_overlap(a: &Row, b: &Row) -> bool {
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

/// Whether two facts about one subject speak of the same time and, as far as they say, the
/// same place.
fn same_time_and_place(a: &Row, b: &Row) -> bool {
    let places_differ = match (&a.fact.place, &b.fact.place) {
        (Some(x), Some(y)) => fold(x) != fold(y),
        _ => false,
    };
    periods_overlap(a, b) && !places_differ
}

/// The same figure, allowing for rounding when a report converts units ("38,000 pounds,
/// about 17,400 kilograms").
fn same_value(a: &Row, b: &Row) -> bool {
    match (a.fact.value_base, b.fact.value_base) {
        (Some(x), Some(y)) => (x - y).abs() <= 0.015 * x.abs().max(y.abs()),
        _ => false,
    }
}

/// What a claim is about: the item, the action and the base unit.
type Subject = (String, Option<String>, Option<String>);

/// The rows merged into claims, in the order their first report came. Facts without an item
/// or an action stay claims of their own. Only facts about one subject are compared, so the
/// work grows with the reports of each subject, not with the square of the table.
pub fn group(rows: Vec<Row>) -> Vec<Claim> {
    let mut groups: Vec<Vec<Row>> = Vec::new();
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
                    && same_time_and_place(mine, theirs)
                    && !same_value(mine, theirs)
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

fn claim(rows: &[Row]) -> Claim {
    let first = &rows[0].fact;
    Claim {
        item: first.item.clone(),
        item_canonical: first.item_canonical.clone(),
        item_label: first.item_label.clone(),
        action: first.action.clone(),
        value_base: first.value_base,
        unit_base: first.unit_base.clone(),
        period_start: first.period_start.clone(),
        period_end: first.period_end.clone(),
        count: rows.len(),
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

/// The claim table's columns, in order.
pub const HEADER: &[&str] = &[
    "item",
    "item_canonical",
    "item_label",
    "action",
    "value_base",
    "unit_base",
    "period_start",
    "period_end",
    "count",
    "conflicts",
    "fact_ids",
    "sources",
    "urls",
    "sentences",
];

impl Claim {
    /// The columns of [`HEADER`] as text; lists are joined with " ; ".
    pub fn cells(&self) -> Vec<String> {
        let text = |s: &Option<String>| s.clone().unwrap_or_default();
        let join = |f: &dyn Fn(&Citation) -> String| {
            self.citations.iter().map(f).collect::<Vec<_>>().join(" ; ")
        };
        vec![
            text(&self.item),
            text(&self.item_canonical),
            text(&self.item_label),
            text(&self.action),
            self.value_base
                .map(super::table::format_number)
                .unwrap_or_default(),
            text(&self.unit_base),
            text(&self.period_start),
            text(&self.period_end),
            self.count.to_string(),
            self.conflicts.join(" ; "),
            join(&|c| c.fact_id.clone()),
            join(&|c| {
                let source = c.source.clone().unwrap_or_else(|| c.doc_id.clone());
                match &c.published {
                    Some(date) => format!("{source}, {date}"),
                    None => source,
                }
            }),
            join(&|c| c.url.clone().unwrap_or_default()),
            join(&|c| c.sentence.clone()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::table::Record;

    fn row(doc: &str, item: &str, value: f64, period: Option<(&str, &str)>) -> Row {
        let fact: Record = serde_json::from_value(serde_json::json!({
            "fact_id": format!("{doc}:1"), "start": 0, "end": 1, "figure_text": value.to_string(),
            "value": value, "value_max": null, "unit": "kg", "qualifier": null,
            "value_base": value, "unit_base": "kg", "item": item, "item_canonical": null,
            "item_label": null, "action": "seized", "period": null,
            "period_start": period.map(|p| p.0), "period_end": period.map(|p| p.1),
            "place": null, "attributed_to": null, "sentence": "s", "sentence_start": 0,
            "sentence_end": 1
        }))
        .unwrap();
        Row {
            doc_id: doc.to_string(),
            title: None,
            url: None,
            published: None,
            source: None,
            fact,
        }
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
        assert_eq!(claims[0].conflicts, ["9000 (c:1)"]);
        assert_eq!(claims[1].conflicts.len(), 1, "c conflicts with a and b");
        assert!(claims[2].conflicts.is_empty() && claims[3].conflicts.is_empty());
    }
}
