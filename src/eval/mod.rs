//! Scoring tagger output against gold annotations: precision, recall and F1 per label, with
//! exact matching (same span and label) and lenient matching (overlapping span, same label),
//! plus how often a matched figure's value, unit and qualifier agree.

pub mod markup;

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One annotated or predicted mention, in code point offsets.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // the fields of the tag output's entities
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub value: Option<String>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
}

/// Counts for one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold mentions.
    pub gold: usize,
    /// Predicted mentions.
    pub predicted: usize,
    /// Predictions with the span and label of a gold mention.
    pub exact: usize,
    /// Predictions that overlap a gold mention of the same label.
    pub lenient: usize,
    /// Exact matches of figures and dates whose value (and unit, qualifier) also agree.
    pub values_checked: usize,
    /// Of those, how many have the right value, unit and qualifier.
    pub values_right: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.exact += o.exact;
        self.lenient += o.lenient;
        self.values_checked += o.values_checked;
        self.values_right += o.values_right;
    }
}

/// Precision, recall and F1 from true positives and the two totals.
pub fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted > 0 {
        tp as f64 / predicted as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Scores per label, accumulated over documents.
#[derive(Debug, Default, Clone)]
pub struct Score {
    /// Counts by label.
    pub by_label: BTreeMap<String, Counts>,
}

impl Score {
    /// Adds one document's gold and predicted mentions.
    pub fn add_document(&mut self, gold: &[Mention], predicted: &[Mention]) {
        let mut labels: Vec<&str> = gold
            .iter()
            .chain(predicted)
            .map(|m| m.label.as_str())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        for label in labels {
            let g: Vec<&Mention> = gold.iter().filter(|m| m.label == label).collect();
            let p: Vec<&Mention> = predicted.iter().filter(|m| m.label == label).collect();
            let counts = self.by_label.entry(label.to_string()).or_default();
            counts.gold += g.len();
            counts.predicted += p.len();
            let mut used = vec![false; p.len()];
            for gm in &g {
                if let Some(j) =
                    (0..p.len()).find(|&j| !used[j] && p[j].start == gm.start && p[j].end == gm.end)
                {
                    used[j] = true;
                    counts.exact += 1;
                    if gm.value.is_some() {
                        counts.values_checked += 1;
                        let pm = p[j];
                        let same_unit = gm.unit.is_none() || gm.unit == pm.unit;
                        let same_qualifier = gm.qualifier == pm.qualifier;
                        if gm.value == pm.value && same_unit && same_qualifier {
                            counts.values_right += 1;
                        }
                    }
                }
            }
            counts.lenient += lenient_matches(&g, &p);
        }
    }

    /// All labels together.
    pub fn micro(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.by_label.values() {
            total.add(c);
        }
        total
    }

    /// A table for people: one row per label and a micro-average.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<18} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>7}",
            "label", "gold", "pred", "exP", "exR", "exF1", "lnP", "lnR", "lnF1", "values"
        );
        let rows = self
            .by_label
            .iter()
            .map(|(l, c)| (l.as_str(), *c))
            .chain(std::iter::once(("micro", self.micro())));
        for (label, c) in rows {
            let (ep, er, ef) = prf(c.exact, c.predicted, c.gold);
            let (lp, lr, lf) = prf(c.lenient, c.predicted, c.gold);
            let values = if c.values_checked > 0 {
                format!("{}/{}", c.values_right, c.values_checked)
            } else {
                "-".to_string()
            };
            let _ = writeln!(
                out,
                "{label:<18} {:>5} {:>5} | {ep:>5.3} {er:>5.3} {ef:>5.3} | {lp:>5.3} {lr:>5.3} {lf:>5.3} | {values:>7}",
                c.gold, c.predicted
            );
        }
        out
    }
}

/// One-to-one matching of overlapping spans: exact pairs first, then larger overlaps, then
/// closer starts (the same greedy order as the project's development-set scorer).
fn lenient_matches(gold: &[&Mention], predicted: &[&Mention]) -> usize {
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in predicted.iter().enumerate() {
            let overlap = g.end.min(p.end) as i64 - g.start.max(p.start) as i64;
            if overlap > 0 {
                let inexact = !(g.start == p.start && g.end == p.end);
                pairs.push((inexact, -overlap, g.start.abs_diff(p.start), i, j));
            }
        }
    }
    pairs.sort_unstable();
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let mut matched = 0;
    for (_, _, _, i, j) in pairs {
        if !used_g[i] && !used_p[j] {
            used_g[i] = true;
            used_p[j] = true;
            matched += 1;
        }
    }
    matched
}

/// Reads the mentions of one tag-output (or gold) JSONL record.
pub fn mentions_of(record: &serde_json::Value) -> Vec<Mention> {
    let Some(entities) = record.get("entities").and_then(|e| e.as_array()) else {
        return Vec::new();
    };
    entities
        .iter()
        .filter_map(|e| {
            let text = |k: &str| -> Option<String> {
                match e.get(k)? {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Number(n) => Some(n.as_f64()?.to_string()),
                    _ => None,
                }
            };
            Some(Mention {
                start: e.get("start")?.as_u64()? as usize,
                end: e.get("end")?.as_u64()? as usize,
                label: e.get("label")?.as_str()?.to_string(),
                value: text("value"),
                unit: text("unit"),
                qualifier: text("qualifier"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, label: &str) -> Mention {
        Mention {
            start,
            end,
            label: label.into(),
            value: None,
            unit: None,
            qualifier: None,
        }
    }

    #[test]
    fn exact_and_lenient_matches_are_counted_per_label() {
        let mut score = Score::default();
        score.add_document(
            &[m(0, 5, "ORG"), m(10, 20, "ORG"), m(30, 35, "DATE")],
            &[m(0, 5, "ORG"), m(12, 20, "ORG"), m(30, 35, "ORG")],
        );
        let org = score.by_label["ORG"];
        assert_eq!(
            (org.gold, org.predicted, org.exact, org.lenient),
            (2, 3, 1, 2)
        );
        let date = score.by_label["DATE"];
        assert_eq!((date.gold, date.predicted, date.exact), (1, 0, 0));
        let (p, r, _) = prf(org.lenient, org.predicted, org.gold);
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && (r - 1.0).abs() < 1e-9);
    }

    #[test]
    fn values_are_compared_on_exact_matches() {
        let mut gold = m(0, 2, "QUANTITY");
        gold.value = Some("11000000".into());
        gold.unit = Some("pill".into());
        let mut pred = gold.clone();
        let mut score = Score::default();
        score.add_document(&[gold.clone()], &[pred.clone()]);
        pred.unit = Some("tablet".into());
        score.add_document(&[gold], &[pred]);
        let q = score.by_label["QUANTITY"];
        assert_eq!((q.values_checked, q.values_right), (2, 1));
    }
}
