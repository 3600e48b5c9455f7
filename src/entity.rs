//! The output contract: entities found in an article, with their figures' values.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

/// An entity label such as `ORG` or `QUANTITY`. Built-in labels are constants; a user's lexicon
/// may declare more, which are interned once so a label stays a cheap `Copy` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(&'static str);

impl Label {
    pub const ORG: Label = Label("ORG");
    pub const PERSON: Label = Label("PERSON");
    pub const LOCATION: Label = Label("LOCATION");
    pub const NATIONALITY: Label = Label("NATIONALITY");
    pub const WEAPON: Label = Label("WEAPON");
    pub const MILITARY_PLATFORM: Label = Label("MILITARY_PLATFORM");
    pub const VEHICLE: Label = Label("VEHICLE");
    pub const DRUG: Label = Label("DRUG");
    pub const QUANTITY: Label = Label("QUANTITY");
    pub const MONEY: Label = Label("MONEY");
    pub const PERCENT: Label = Label("PERCENT");
    pub const DATE: Label = Label("DATE");
    pub const URL: Label = Label("URL");

    /// The labels of the contract, in the order summaries list them.
    pub const BUILT_IN: [Label; 13] = [
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
    ];

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
        static EXTRA: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
        let mut extra = EXTRA
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(existing) = extra.get(name) {
            return Label(existing);
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        extra.insert(leaked);
        Label(leaked)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Whether this label marks a figure, whose value the tagger computes.
    pub fn is_figure(self) -> bool {
        matches!(self, Label::QUANTITY | Label::MONEY | Label::PERCENT)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// How a figure's number relates to the true amount ("over 11 million").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Over,
    AtLeast,
    Under,
    UpTo,
    Nearly,
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

/// The value of a figure (a number) or of an absolute date (its ISO form).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Date(String),
}

/// What a lexicon says about an entity: shared by every mention of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sense {
    pub canonical: Arc<str>,
    pub category: Option<Arc<str>>,
    pub kb_id: Option<Arc<str>>,
}

/// One entity mention. Offsets are byte offsets into the article text while the tagger works;
/// the JSONL writer converts them to code points, the contract's unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub sense: Option<Sense>,
    pub value: Option<Value>,
    pub value_max: Option<f64>,
    pub unit: Option<Arc<str>>,
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

    pub fn with_sense(mut self, sense: Sense) -> Entity {
        self.sense = Some(sense);
        self
    }

    pub fn canonical(&self) -> Option<&str> {
        self.sense.as_ref().map(|s| &*s.canonical)
    }

    /// The name the entity goes by: its canonical name, or what `text` (the text it was
    /// found in) says.
    pub fn name<'a>(&'a self, text: &'a str) -> &'a str {
        self.canonical().unwrap_or(&text[self.start..self.end])
    }

    pub fn number(&self) -> Option<f64> {
        match self.value {
            Some(Value::Number(n)) => Some(n),
            _ => None,
        }
    }
}
