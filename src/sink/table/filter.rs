//! Which facts a table keeps: by what they count, its label, the action, the value in its
//! base unit and the unit (`dossier facts --item --label --action --min --max --unit`).

use super::FactRow;
use crate::facts::Action;
use crate::text::fold::fold;

/// The unit a user names, as the fact table writes it: a measure in any spelling the figures
/// read ("kilos" is kg, "tons" t), a currency by code, name or sign ("dollars" is USD,
/// "pesos" MXN), "count", "%" ("percent"), "pp", "bp", or a counted noun ("pills" is pill).
/// Anything else is an error that says what is accepted.
pub fn unit_named(word: &str) -> crate::Result<String> {
    let folded = fold(word.trim());
    if let Some(measure) = crate::patterns::units::measure_word(&folded) {
        return Ok(measure.to_string());
    }
    if let Some(money) =
        crate::lexicon::currencies::currencies().get(&crate::lexicon::currencies::key(word))
    {
        return Ok(money.code.to_string());
    }
    match folded.as_str() {
        "%" | "percent" | "pct" | "por ciento" => return Ok("%".to_string()),
        "count" | "pp" | "bp" => return Ok(folded),
        _ => {}
    }
    if !folded.is_empty() && folded.chars().all(|c| c.is_alphabetic() || c == '-') {
        // A counted noun, as the tagger writes it: singular.
        let singular = folded
            .strip_suffix('s')
            .filter(|s| s.len() > 2 && !folded.ends_with("ss"));
        return Ok(singular.unwrap_or(&folded).to_string());
    }
    Err(crate::Error::Request(format!(
        "unknown unit '{word}': use a measure (kg, g, lb, t, km, mi, l, gal …), a currency \
         (USD, MXN, dollars, pesos …), count, %, pp, bp, or a counted noun (pill, rifle)"
    )))
}

/// The conditions a fact must meet to be kept; the default keeps every fact.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    /// Text the item or its canonical name contains (case and accents aside).
    pub item: Option<String>,
    /// The label of the item's entity (any case).
    pub label: Option<String>,
    /// The action.
    pub action: Option<Action>,
    /// The least value in the base unit.
    pub min: Option<f64>,
    /// The greatest value in the base unit.
    pub max: Option<f64>,
    /// The base unit or the unit written (any case).
    pub unit: Option<String>,
}

impl FactFilter {
    /// Whether `row` meets every condition.
    pub fn keeps(&self, row: &FactRow) -> bool {
        let f = &row.fact;
        let folded = |s: &Option<String>| s.as_deref().map(fold).unwrap_or_default();
        let item_ok = self.item.as_deref().map(fold).is_none_or(|want| {
            folded(&f.item).contains(want.as_str())
                || folded(&f.item_canonical).contains(want.as_str())
        });
        let label_ok = self.label.as_ref().is_none_or(|want| {
            f.item_label
                .is_some_and(|l| l.as_str().eq_ignore_ascii_case(want))
        });
        let action_ok = self.action.is_none_or(|want| f.action == Some(want));
        let value = f.value_base;
        let min_ok = self.min.is_none_or(|min| value.is_some_and(|v| v >= min));
        let max_ok = self.max.is_none_or(|max| value.is_some_and(|v| v <= max));
        let unit_ok = self.unit.as_ref().is_none_or(|want| {
            [f.unit_base.as_ref().map(|u| u.as_str()), f.unit.as_deref()]
                .iter()
                .any(|u| u.is_some_and(|u| u.eq_ignore_ascii_case(want)))
        });
        item_ok && label_ok && action_ok && min_ok && max_ok && unit_ok
    }
}
