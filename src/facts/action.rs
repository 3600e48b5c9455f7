//! The event a figure is reported with, from the small verb and noun lexicon in
//! `lexicons/actions.txt`: "seized 63 firearms", "14 people were killed", "a 35% increase".

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::tokens::is_number;
use super::{Context, incidental};
use crate::entity::Label;
use crate::patterns::units::{in_kilograms, is_measure};
use crate::text::word_hash::WordHashing;

/// The event a figure is reported with: the closed list of the fact guidelines
/// (`tests/facts/GUIDELINES.md`). Written in lower case, as `dossier facts --action` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)] // each variant is the word it serializes as
pub enum Action {
    Seized,
    Found,
    Trafficked,
    Smuggled,
    Sold,
    Bought,
    Produced,
    Shipped,
    Traced,
    Recovered,
    Arrested,
    Charged,
    Convicted,
    Sentenced,
    Extradited,
    Killed,
    Wounded,
    Kidnapped,
    Disappeared,
    Died,
    Sanctioned,
    Laundered,
    Paid,
    Forfeited,
    Frozen,
    Fined,
    Offered,
    Increase,
    Decrease,
    Reported,
}

impl Action {
    /// Every action, in the guidelines' order.
    pub const ALL: [Action; 30] = [
        Action::Seized,
        Action::Found,
        Action::Trafficked,
        Action::Smuggled,
        Action::Sold,
        Action::Bought,
        Action::Produced,
        Action::Shipped,
        Action::Traced,
        Action::Recovered,
        Action::Arrested,
        Action::Charged,
        Action::Convicted,
        Action::Sentenced,
        Action::Extradited,
        Action::Killed,
        Action::Wounded,
        Action::Kidnapped,
        Action::Disappeared,
        Action::Died,
        Action::Sanctioned,
        Action::Laundered,
        Action::Paid,
        Action::Forfeited,
        Action::Frozen,
        Action::Fined,
        Action::Offered,
        Action::Increase,
        Action::Decrease,
        Action::Reported,
    ];

    /// The action's word, as the fact table writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Seized => "seized",
            Action::Found => "found",
            Action::Trafficked => "trafficked",
            Action::Smuggled => "smuggled",
            Action::Sold => "sold",
            Action::Bought => "bought",
            Action::Produced => "produced",
            Action::Shipped => "shipped",
            Action::Traced => "traced",
            Action::Recovered => "recovered",
            Action::Arrested => "arrested",
            Action::Charged => "charged",
            Action::Convicted => "convicted",
            Action::Sentenced => "sentenced",
            Action::Extradited => "extradited",
            Action::Killed => "killed",
            Action::Wounded => "wounded",
            Action::Kidnapped => "kidnapped",
            Action::Disappeared => "disappeared",
            Action::Died => "died",
            Action::Sanctioned => "sanctioned",
            Action::Laundered => "laundered",
            Action::Paid => "paid",
            Action::Forfeited => "forfeited",
            Action::Frozen => "frozen",
            Action::Fined => "fined",
            Action::Offered => "offered",
            Action::Increase => "increase",
            Action::Decrease => "decrease",
            Action::Reported => "reported",
        }
    }

    /// The action named `word` (any case), if it is one.
    pub fn parse(word: &str) -> Option<Action> {
        let word = word.trim();
        Action::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(word))
    }

    /// The action a user names: one of the list, or any form the action lexicons know
    /// ("seize", "seizures", "aseguraron"); an unknown word is an error listing the actions.
    pub fn named(word: &str) -> crate::Result<Action> {
        Action::parse(word)
            .or_else(|| action_of(&crate::text::fold::fold(word.trim())))
            .ok_or_else(|| {
                let known: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
                crate::Error::Request(format!(
                    "unknown action '{word}': use one of {}",
                    known.join(", ")
                ))
            })
    }

    /// A rise or a fall, rather than something done to what is counted.
    pub fn is_change(self) -> bool {
        matches!(self, Action::Increase | Action::Decrease)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Spanish verbs of `lexicons/spanish_verbs.txt`, by infinitive.
const SPANISH_VERBS: &str = include_str!("../../lexicons/spanish_verbs.txt");

/// Conjugated Spanish forms that are English words too ("produce" the noun, "pagan", "lava"):
/// left out, or an English article would report them as events.
const ENGLISH_WORDS: &[&str] = &["produce", "pagan", "lava"];

/// Word forms by their action: the conjugations of the Spanish verbs, then the rows of
/// `lexicons/actions.txt`, which win where both give a form. Rows naming an action outside
/// [`Action`] are left out (the lexicon test checks there are none). Every word of a
/// sentence with a figure is looked up, so the table hashes with [`WordHashing`].
fn lexicon() -> &'static HashMap<String, Action, WordHashing> {
    static LEXICON: OnceLock<HashMap<String, Action, WordHashing>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let conjugated = rows(SPANISH_VERBS).flat_map(|(infinitive, action)| {
            conjugate(infinitive)
                .into_iter()
                .filter(|form| !ENGLISH_WORDS.contains(&form.as_str()))
                .filter_map(move |form| Some((form, Action::parse(action)?)))
        });
        let listed = rows(include_str!("../../lexicons/actions.txt"))
            .filter_map(|(form, action)| Some((form.to_string(), Action::parse(action)?)));
        conjugated.chain(listed).collect()
    })
}

/// The forms of a regular Spanish verb a news report uses, folded, from its infinitive:
/// preterite ("aseguró", "aseguraron", "aseguramos"), imperfect ("trasladaban"), present
/// ("vende", "venden"), participle ("asegurados", "detenidas"), gerund and infinitive. Listing
/// the verb once covers every report, where a hand-made list always missed a form. A stem
/// ending in a vowel takes "y" for an unstressed "i" ("disminuyó", "cayeron"), and an "-uir"
/// verb in the present too ("disminuye"). Empty for a word that is not an infinitive.
pub fn conjugate(infinitive: &str) -> Vec<String> {
    let Some(stem) = infinitive
        .strip_suffix("ar")
        .or_else(|| infinitive.strip_suffix("er"))
        .or_else(|| infinitive.strip_suffix("ir"))
        .filter(|stem| !stem.is_empty())
    else {
        return Vec::new();
    };
    let endings: &[&str] = if infinitive.ends_with("ar") {
        &[
            "ar", "o", "aron", "amos", "aba", "aban", "a", "an", "ado", "ada", "ados", "adas",
            "ando",
        ]
    } else {
        &[
            "io", "ieron", "imos", "ia", "ian", "e", "en", "ido", "ida", "idos", "idas", "iendo",
        ]
    };
    let vowel_stem = stem.ends_with(['a', 'e', 'i', 'o', 'u']);
    let mut forms = vec![infinitive.to_string()];
    for ending in endings {
        let ending = match *ending {
            "io" | "ieron" | "iendo" if vowel_stem => format!("y{}", &ending[1..]),
            "e" | "en" if stem.ends_with('u') && infinitive.ends_with("ir") => format!("y{ending}"),
            _ => ending.to_string(),
        };
        forms.push(format!("{stem}{ending}"));
    }
    forms.dedup();
    forms
}

/// The action a folded word names, if any.
pub fn action_of(folded: &str) -> Option<Action> {
    lexicon().get(folded).copied()
}

/// The (form, action) rows of the lexicon file: comments and the header skipped.
pub fn rows(content: &str) -> impl Iterator<Item = (&str, &str)> {
    content
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
}

/// The action of the figure: for a percentage, a change word right beside it ("a 27%
/// increase", "rose 27%"); otherwise the nearest action word in the clause, before the
/// figure on a tie ("seized 63 firearms" rather than "… found"), or else in the sentence.
pub(crate) fn find(
    context: &Context<'_>,
    item: Option<std::ops::Range<usize>>,
    item_label: Option<Label>,
) -> Option<Action> {
    let action = event(context, item)?;
    // Arrests are of people: "detained with three pistols", "detenidos junto con 48 mil
    // pesos" report the pistols and the cash seized.
    let thing = matches!(
        item_label,
        Some(Label::WEAPON | Label::DRUG | Label::VEHICLE | Label::MILITARY_PLATFORM)
    ) || context.figure.label == Label::MONEY
        || context
            .figure
            .unit
            .as_deref()
            .is_some_and(|u| in_kilograms(u, 1.0).is_some());
    Some(match action {
        Action::Arrested if thing => Action::Seized,
        // "bought the kits …, spending $210,000", "spent $178,000 on guns": money paid for
        // goods buys them.
        Action::Paid if buys_goods(context) => Action::Bought,
        other => other,
    })
}

/// Whether the money of the figure's clause goes on goods: a buying word in the clause, or
/// "on" and then a weapon or a drug after the figure.
fn buys_goods(context: &Context<'_>) -> bool {
    let clause = &context.tokens[context.clause.clone()];
    clause.iter().any(|t| t.action == Some(Action::Bought))
        || context.tokens.get(context.after).is_some_and(|on| {
            on.folded == "on"
                && context.tokens.get(context.after + 1).is_some_and(|next| {
                    context
                        .entities_at(next.start)
                        .any(|e| matches!(e.label, Label::WEAPON | Label::DRUG))
                })
        })
}

/// What a word reports of an amount of money, where it reports nothing of other figures:
/// cash "moved", "deposited" or "structured" is laundered; money "appropriated",
/// "committed" or "allocated" is paid out.
fn money_event(word: &str) -> Option<Action> {
    match word {
        "moved" | "moving" | "moves" | "move" | "deposit" | "deposited" | "depositing"
        | "deposits" | "structured" | "structuring" | "funneled" | "funnelled" | "funneling" => {
            Some(Action::Laundered)
        }
        "appropriated" | "appropriates" | "committed" | "commits" | "allocated" | "allocates"
        | "earmarked" | "budgeted" | "granted" | "distributes" | "distributed" | "distribute"
        | "invested" | "destino" | "destinaron" | "destinara" | "destinado" | "asigno"
        | "asignaron" => Some(Action::Paid),
        _ => None,
    }
}

/// What a word reports of a percentage, where it reports nothing of other figures: "lost 40%
/// of sales", "raising inspections by 25%", "supera en 35 por ciento".
fn percent_change(word: &str) -> Option<Action> {
    match word {
        "lost" | "lose" | "losing" | "cut" | "cutting" | "perdio" | "perdieron" => {
            Some(Action::Decrease)
        }
        "raising" | "raise" | "raised" | "boost" | "boosting" | "supera" | "supero" => {
            Some(Action::Increase)
        }
        _ => None,
    }
}

/// Whether the figure is the part or the whole of a ratio ("seven of every ten killings",
/// "one in five", "siete de cada diez"): a share, which a source reports.
fn is_share(context: &Context<'_>) -> bool {
    let word = |i: usize| context.tokens.get(i).map_or("", |t| t.folded.as_str());
    let bare_count = context.figure.label == Label::QUANTITY
        && context
            .figure
            .unit
            .as_deref()
            .is_none_or(|u| !is_measure(u));
    let Some(before) = context.before.filter(|_| bare_count) else {
        return false;
    };
    let joins = |w: &str| matches!(w, "in" | "of" | "out" | "de");
    let part_before = matches!(word(before), "every" | "cada")
        || joins(word(before)) && before > 0 && is_number(word(before - 1));
    let after = context.after;
    // "one in five", but not "9 kilograms of 4-ANPP" or "108,000 in 2023".
    let whole = |i: usize| {
        context.tokens.get(i).is_some_and(|t| {
            is_number(&t.folded)
                && t.folded.chars().all(|c| c.is_alphanumeric() || c == ',')
                && context
                    .entity_over(t.start..t.end)
                    .is_none_or(|e| e.label != Label::DATE)
                && !(t.folded.len() == 4 && t.folded.starts_with(['1', '2']))
        })
    };
    let whole_after = joins(word(after))
        && (matches!(word(after + 1), "every" | "cada")
            || whole(after + 1) && !super::item::is_time_word(word(after + 2)));
    part_before || whole_after
}

/// Whether the figure's clause lists or values something already reported ("the load
/// included", "the semi-submersible carried", "the inventory listed", "valued the load at"):
/// its figures share that report's event when their own sentence names none.
pub(crate) fn continues_what_came_before(context: &Context<'_>) -> bool {
    context.tokens[context.clause.clone()].iter().any(|t| {
        matches!(
            t.folded.as_str(),
            "included"
                | "includes"
                | "including"
                | "contained"
                | "contains"
                | "carried"
                | "carrying"
                | "held"
                | "listed"
                | "weighed"
                | "totaled"
                | "totalled"
                | "comprised"
                | "valued"
                | "worth"
                | "incluyo"
                | "incluye"
                | "incluian"
                | "contenia"
        )
    })
}

/// The first event the words of a sentence report: what a following sentence that lists or
/// values the haul continues.
pub(crate) fn first_in(tokens: &[super::tokens::Token]) -> Option<Action> {
    tokens
        .iter()
        .find_map(|t| t.action.filter(|a| !a.is_change()))
}

/// The event the words around the figure report, before the item's kind is weighed.
fn event(context: &Context<'_>, item: Option<std::ops::Range<usize>>) -> Option<Action> {
    let action_at = |i: usize| {
        let word = context.tokens[i].folded.as_str();
        // "up to $5 million" is a qualifier, not a rise.
        let next = context.tokens.get(i + 1).map(|t| t.folded.as_str());
        if matches!(word, "up" | "down") && next == Some("to") {
            return None;
        }
        // "asegura que …" claims; "aseguró 300 kilos" seizes.
        if word.starts_with("asegur") && next == Some("que") {
            return None;
        }
        // "took 60 million pills off the streets".
        if matches!(word, "streets" | "street")
            && i >= 2
            && context.tokens[i - 1].folded == "the"
            && context.tokens[i - 2].folded == "off"
        {
            return Some(Action::Seized);
        }
        context.tokens[i]
            .action
            .or_else(|| match context.figure.label {
                Label::MONEY => money_event(word),
                Label::PERCENT => percent_change(word),
                _ => None,
            })
    };
    if is_share(context) {
        return Some(Action::Reported);
    }
    if let Some(reach) = incidental::event_reach(context, item.as_ref()) {
        return (reach.start..reach.end.min(context.tokens.len()))
            .filter_map(action_at)
            .next();
    }
    if context.figure.label == Label::PERCENT {
        let near = context.clause.clone().filter(|&i| context.distance(i) <= 3);
        if let Some(change) = near.filter_map(action_at).find(|a| a.is_change()) {
            return Some(change);
        }
        // "31 por ciento menos que …", "20% fewer deaths".
        match context.tokens.get(context.after).map(|t| t.folded.as_str()) {
            Some("more" | "mas") => return Some(Action::Increase),
            Some("fewer" | "less" | "menos") => return Some(Action::Decrease),
            _ => {}
        }
        // A share ("80 percent of the heroin seized") is what a source reports, even beside
        // the event that defines the whole.
        let next = context.tokens.get(context.after).map(|t| t.folded.as_str());
        if matches!(next, Some("of" | "de" | "del")) {
            return Some(Action::Reported);
        }
    }
    // "58 officers killed", "pills seized at the port": a participle right after what the
    // figure counts is its event.
    if let Some(item) = &item
        && let Some(next) = context.tokens.iter().position(|t| t.start >= item.end)
        && let Some(action) = action_at(next)
        && context.tokens[next].folded.ends_with("ed")
    {
        return Some(action);
    }
    // "2,600 murder victims", "70,000 overdose deaths": the event is in what is counted.
    if let Some(item) = item
        && let Some(inside) = context
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.start >= item.start && t.end <= item.end)
            .find_map(|(i, _)| action_at(i))
    {
        return Some(inside);
    }
    // A count or a measure changes only when nothing else happens to it: "seizures climbed
    // to 68,000 pounds" reports seizures.
    let percent = context.figure.label == Label::PERCENT;
    let nearest = |range: std::ops::Range<usize>| {
        range
            .filter_map(|i| {
                let action = action_at(i)?;
                let demoted = !percent && action.is_change();
                Some((demoted, context.distance(i), i >= context.after, action))
            })
            .min_by_key(|&(demoted, distance, after, _)| (demoted, distance, after))
            .map(|(_, _, _, action)| action)
    };
    nearest(context.clause.clone()).or_else(|| nearest(0..context.tokens.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_row_names_a_known_action() {
        for (form, action) in rows(include_str!("../../lexicons/actions.txt")) {
            assert!(
                Action::parse(action).is_some(),
                "{form}: unknown action {action}"
            );
            assert_eq!(form, crate::text::fold::fold(form), "{form} is not folded");
        }
        for (infinitive, action) in rows(SPANISH_VERBS) {
            assert!(
                Action::parse(action).is_some(),
                "{infinitive}: unknown action"
            );
            assert_eq!(infinitive, crate::text::fold::fold(infinitive));
            assert!(
                !conjugate(infinitive).is_empty(),
                "{infinitive} is no infinitive"
            );
        }
    }

    /// Asserts that the conjugations of `infinitive` include each of `forms`.
    fn assert_forms(infinitive: &str, forms: &[&str]) {
        let conjugated = conjugate(infinitive);
        for form in forms {
            assert!(
                conjugated.iter().any(|f| f == form),
                "{form}: {conjugated:?}"
            );
        }
    }

    #[test]
    fn spanish_verbs_are_conjugated() {
        assert_forms(
            "asegurar",
            &[
                "aseguro",
                "aseguraron",
                "asegurados",
                "aseguradas",
                "aseguraba",
            ],
        );
        assert_forms(
            "vender",
            &[
                "vendio",
                "vendieron",
                "vendian",
                "vende",
                "vendidos",
                "vendiendo",
            ],
        );
        assert_forms(
            "disminuir",
            &["disminuyo", "disminuyeron", "disminuye", "disminuido"],
        );
        assert!(conjugate("caer").iter().any(|f| f == "cayeron"));
        assert!(conjugate("seized").is_empty());
        assert_eq!(action_of("produce"), None, "an English word");
        assert_eq!(action_of("producen"), Some(Action::Produced));
    }

    #[test]
    fn spanish_forms_name_their_actions() {
        for (form, action) in [
            ("aseguraron", Action::Seized),
            ("decomisaron", Action::Seized),
            ("incautaron", Action::Seized),
            ("detuvieron", Action::Arrested),
            ("capturaron", Action::Arrested),
            ("hallaron", Action::Found),
            ("encontraron", Action::Found),
            ("localizaron", Action::Found),
            ("trasladaban", Action::Trafficked),
            ("transportaban", Action::Trafficked),
            ("vendian", Action::Sold),
            ("mataron", Action::Killed),
            ("asesinaron", Action::Killed),
            ("murieron", Action::Died),
            ("extraditaron", Action::Extradited),
            ("sentenciaron", Action::Sentenced),
            ("condenaron", Action::Sentenced),
            ("multaron", Action::Fined),
            ("decomiso", Action::Seized),
        ] {
            assert_eq!(action_of(form), Some(action), "{form}");
        }
    }
}
