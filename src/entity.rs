//! The output contract: entities found in an article, with their figures' values.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An entity label such as `ORG` or `QUANTITY`. Built-in labels are constants; a user's lexicon
/// may declare more, which are interned once so a label stays a cheap `Copy` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(&'static str);

impl Label {
    /// Organizations: cartels, agencies, armed forces, companies, and states that act.
    pub const ORG: Label = Label("ORG");
    /// People.
    pub const PERSON: Label = Label("PERSON");
    /// Places: countries, states, cities, crossings, facilities.
    pub const LOCATION: Label = Label("LOCATION");
    /// Nationalities and demonyms ("Mexican").
    pub const NATIONALITY: Label = Label("NATIONALITY");
    /// Weapons and ammunition.
    pub const WEAPON: Label = Label("WEAPON");
    /// Aircraft, ships and armored vehicles of armed forces.
    pub const MILITARY_PLATFORM: Label = Label("MILITARY_PLATFORM");
    /// Civilian vehicles.
    pub const VEHICLE: Label = Label("VEHICLE");
    /// Drugs and their precursors.
    pub const DRUG: Label = Label("DRUG");
    /// Counts and measures ("300 kilograms").
    pub const QUANTITY: Label = Label("QUANTITY");
    /// Amounts of money ("$2.5 million").
    pub const MONEY: Label = Label("MONEY");
    /// Percentages ("35%").
    pub const PERCENT: Label = Label("PERCENT");
    /// Dates and times ("March 5, 2024", "last year").
    pub const DATE: Label = Label("DATE");
    /// Web addresses.
    pub const URL: Label = Label("URL");
    /// E-mail addresses.
    pub const EMAIL: Label = Label("EMAIL");
    /// Phone numbers (E.164 where the country is certain).
    pub const PHONE: Label = Label("PHONE");
    /// International bank account numbers (checksum-validated).
    pub const IBAN: Label = Label("IBAN");
    /// SWIFT/BIC bank codes.
    pub const BIC: Label = Label("BIC");
    /// Bitcoin, Ethereum and TRON addresses (checksum-validated).
    pub const CRYPTO: Label = Label("CRYPTO");
    /// Ships by IMO or MMSI number, aircraft by registration.
    pub const VESSEL: Label = Label("VESSEL");
    /// Court case and docket numbers.
    pub const CASE: Label = Label("CASE");

    /// The labels of the contract, in the order summaries list them.
    pub const BUILT_IN: [Label; 20] = [
        Label::ORG,
        Label::PERSON,
        Label::LOCATION,
        Label::NATIONALITY,
        Label::WEAPON,
        Label::MILITARY_PLATFORM,
        Label::VEHICLE,
        Label::DRUG,
        Label::QUANTITY,
        Label::MONEY,
        Label::PERCENT,
        Label::DATE,
        Label::URL,
        Label::EMAIL,
        Label::PHONE,
        Label::IBAN,
        Label::BIC,
        Label::CRYPTO,
        Label::VESSEL,
        Label::CASE,
    ];

    /// The built-in identifier labels, the last of [`Label::BUILT_IN`] from EMAIL on: filed
    /// under `/identifier/<LABEL>/<canonical>`.
    pub const IDENTIFIERS: &'static [Label] = Label::BUILT_IN.as_slice().split_at(13).1;

    /// The built-in label with this name, if there is one.
    pub fn built_in(name: &str) -> Option<Label> {
        Label::BUILT_IN.into_iter().find(|l| l.0 == name)
    }

    /// The label with this name, interning a new one if needed. Names of new labels are kept
    /// for the life of the process; there are only ever a handful.
    pub fn intern(name: &str) -> Label {
        if let Some(label) = Label::built_in(name) {
            return label;
        }
        let mut extra = lock(&EXTRA);
        if let Some(existing) = extra.get(name) {
            return Label(existing);
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        extra.insert(leaked);
        Label(leaked)
    }

    /// Marks a label as an identifier a user's pattern finds, so it is filed and filtered
    /// as the built-in identifiers are. Only pattern files call this, for at most
    /// [`crate::patterns::user::MAX_ROWS`] labels each.
    pub(crate) fn mark_identifier(self) {
        lock(&USER_IDENTIFIERS).insert(self.0);
    }

    /// Whether this label is an identifier (built-in, or a user pattern's): filed under
    /// `/identifier/<LABEL>/<canonical>`. URL is one too, filed by its host.
    pub fn is_identifier(self) -> bool {
        self == Label::URL
            || Label::IDENTIFIERS.contains(&self)
            || lock(&USER_IDENTIFIERS).contains(self.0)
    }

    /// The label's name, as the outputs write it.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Whether this label marks a figure, whose value the tagger computes.
    pub fn is_figure(self) -> bool {
        matches!(self, Label::QUANTITY | Label::MONEY | Label::PERCENT)
    }
}

/// The names of labels interned at run time: declared by lexicons or pattern files.
static EXTRA: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
/// Those of them that user patterns find.
static USER_IDENTIFIERS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();

/// The set in `cell`, locked (a panic elsewhere while it was held left it whole: it is only
/// ever inserted into).
fn lock(
    cell: &'static OnceLock<Mutex<HashSet<&'static str>>>,
) -> std::sync::MutexGuard<'static, HashSet<&'static str>> {
    cell.get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Label, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(Label::intern(&name))
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// How a figure's number relates to the true amount ("over 11 million").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Qualifier {
    /// More than, above, in excess of.
    #[serde(rename = "over")]
    Over,
    /// At least, no fewer than.
    #[serde(rename = "at least")]
    AtLeast,
    /// Less than, fewer than, below.
    #[serde(rename = "under")]
    Under,
    /// As many as, at most.
    #[serde(rename = "up to")]
    UpTo,
    /// Almost.
    #[serde(rename = "nearly")]
    Nearly,
    /// Roughly, around, approximately, some, an estimated.
    #[serde(rename = "about")]
    About,
}

impl Qualifier {
    /// The normalized spelling of the contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at least",
            Qualifier::Under => "under",
            Qualifier::UpTo => "up to",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
        }
    }
}

/// The value of a figure (a number) or of an absolute date (its ISO form: "2024",
/// "2024-03", "2024-03-05").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// A figure's amount, in its unit. (JSON has no infinity: one too large to be a number
    /// is written as null, and read back as NaN, which the writers also write as null.)
    Number(#[serde(deserialize_with = "number_or_null")] f64),
    /// A date's ISO form, as precise as the text is.
    Date(String),
}

fn number_or_null<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

/// What a lexicon says about an entity: shared by every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sense {
    /// The entity's one name ("Jalisco New Generation Cartel" for "CJNG").
    pub canonical: Arc<str>,
    /// Its kind within the label: cartel, agency, rifle, synthetic_opioid …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Arc<str>>,
    /// A knowledge-base id, such as a Wikidata QID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<Arc<str>>,
}

/// One entity mention. Offsets are byte offsets into the article text, so that slicing the
/// text is free; the writers convert them to code points, the contract's unit, at the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Byte offset of the mention's first character.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// What kind of entity it is.
    pub label: Label,
    /// What the lexicon knows of it, or the canonical name a pattern gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sense: Option<Sense>,
    /// A figure's amount or a date's ISO form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The high end of a range ("between 20 and 30 tons").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// A figure's unit: a measure ("kg"), a currency ("USD") or what is counted ("pill").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Arc<str>>,
    /// How the number relates to the true amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
}

impl AsRef<Entity> for Entity {
    fn as_ref(&self) -> &Entity {
        self
    }
}

impl Entity {
    /// A bare mention with a label and nothing else.
    pub fn new(start: usize, end: usize, label: Label) -> Entity {
        Entity {
            start,
            end,
            label,
            sense: None,
            value: None,
            value_max: None,
            unit: None,
            qualifier: None,
        }
    }

    /// The mention with what a lexicon says of it.
    pub fn with_sense(mut self, sense: Sense) -> Entity {
        self.sense = Some(sense);
        self
    }

    /// The entity's canonical name, if it has one.
    pub fn canonical(&self) -> Option<&str> {
        self.sense.as_ref().map(|s| &*s.canonical)
    }

    /// The name the entity goes by: its canonical name, or what `text` (the text it was
    /// found in) says.
    pub fn name<'a>(&'a self, text: &'a str) -> &'a str {
        self.canonical().unwrap_or(&text[self.start..self.end])
    }

    /// A figure's amount (the low end of a range).
    pub fn number(&self) -> Option<f64> {
        match self.value {
            Some(Value::Number(n)) => Some(n),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identifiers_are_the_built_in_labels_from_email_on() {
        let first = Label::BUILT_IN.iter().position(|&l| l == Label::EMAIL);
        assert_eq!(
            first,
            Some(Label::BUILT_IN.len() - Label::IDENTIFIERS.len())
        );
        assert_eq!(Label::IDENTIFIERS.last(), Some(&Label::CASE));
        assert!(!Label::IDENTIFIERS.contains(&Label::URL));
    }
}
