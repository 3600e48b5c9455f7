//! What a figure counts or measures: "fentanyl pills" in "11 million fentanyl pills",
//! "cocaine" in "300 kilograms of cocaine", "drug proceeds" in "$48 million in drug
//! proceeds", "firearm seizures" in "a 35% increase in firearm seizures", "traced guns" in
//! "70% of traced guns", "seizures" in "seizures rose 27%".

use std::ops::Range;

use super::tokens::{is_function_word, is_number};
use super::{Context, priced};
use crate::entity::{Entity, Label};
use crate::patterns::units::{in_kilograms, is_measure, measure_word};

/// Nouns that hold what is counted: "rounds of ammunition", "bundles of cocaine".
fn is_container(word: &str) -> bool {
    matches!(
        word,
        "rounds"
            | "round"
            | "bundles"
            | "packages"
            | "packets"
            | "boxes"
            | "bags"
            | "doses"
            | "bricks"
            | "containers"
            | "cases"
            | "tablets"
            | "kilos"
            | "cartuchos"
            | "paquetes"
            | "bultos"
            | "millions"
            | "thousands"
            | "hundreds"
            | "tons"
            | "pounds"
            | "gallons"
            | "liters"
            | "litres"
            | "barrels"
            | "units"
            | "pieces"
            | "pairs"
            | "sets"
    )
}

/// Words that name a change, after which "in"/"of" introduces what changed.
fn is_change_noun(word: &str) -> bool {
    matches!(
        word,
        "increase"
            | "rise"
            | "jump"
            | "growth"
            | "drop"
            | "decline"
            | "decrease"
            | "fall"
            | "reduction"
            | "surge"
            | "spike"
            | "aumento"
            | "incremento"
            | "disminucion"
            | "baja"
    )
}

/// Verbs of change, or of reaching a level, with their subject before them: "seizures rose
/// 27%", "cultivation reached 208,000 hectares".
fn is_change_verb(word: &str) -> bool {
    matches!(
        word,
        "rose"
            | "fell"
            | "increased"
            | "decreased"
            | "declined"
            | "dropped"
            | "jumped"
            | "grew"
            | "climbed"
            | "surged"
            | "doubled"
            | "rise"
            | "fall"
            | "peaked"
            | "reached"
            | "exceeded"
            | "topped"
            | "totaled"
            | "totalled"
            | "went"
            | "aumento"
            | "cayo"
            | "crecio"
    )
}

/// Words of time: "in fiscal year 2019", "the year before", "en el mismo periodo" say when,
/// never what is counted.
pub(super) fn is_time_word(word: &str) -> bool {
    matches!(
        measure_word(word),
        Some("year" | "month" | "week" | "day" | "hour" | "minute")
    ) || matches!(
        word,
        "fiscal" | "period" | "periods" | "periodo" | "quarter" | "quarters" | "ano" | "mes"
    )
}

/// The byte range of the item, if the words around the figure name one.
pub fn find(context: &Context<'_>) -> Option<Range<usize>> {
    let figure = context.figure;
    let unit = figure.unit.as_deref();
    let counted = figure.label == Label::QUANTITY && unit.is_none_or(|u| !is_measure(u));
    // "a 31-count indictment": the word glued to the number is what it counts.
    if let Some(end) = context.hyphen_glued_end() {
        return Some(figure.end + 1..end);
    }
    let mut i = skip_ratio(context, context.after);
    let word = |i: usize| context.tokens.get(i).map(|t| t.folded.as_str());
    if figure.label == Label::PERCENT {
        // "a 35% increase in firearm seizures", "70% of traced guns", "a drop of 10% in
        // homicides".
        if word(i).is_some_and(is_change_noun)
            && matches!(word(i + 1), Some("in" | "of" | "en" | "de"))
        {
            return phrase(context, i + 2);
        }
        let after = matches!(word(i), Some("of" | "de" | "del" | "in" | "en"))
            .then(|| phrase(context, i + 1))
            .flatten();
        return after.or_else(|| subject_before_change(context));
    }
    if counted {
        // "Killings peaked at 236", "the death toll rose to 40".
        return phrase(context, i).or_else(|| subject_before_change(context));
    }
    // A measure or money: "300 kilograms of cocaine", "$48 million in drug proceeds",
    // "$1.2 million worth of jewelry", "a $10 million reward", "$5 per tablet".
    if figure.label == Label::MONEY
        && let Some(priced) = priced::per_unit(context)
    {
        return Some(priced);
    }
    if figure.label == Label::MONEY
        && let Some(account) = account_after(context, i)
    {
        return Some(account);
    }
    if word(i) == Some("worth") && word(i + 1) == Some("of") {
        i += 1;
    }
    let found = match word(i) {
        Some("of" | "in" | "de" | "en") => phrase(context, i + 1),
        Some("on") if figure.label == Label::MONEY => phrase(context, i + 1),
        _ if figure.label == Label::MONEY => phrase(context, i),
        _ => None,
    };
    // "… 38,000 pounds of cocaine, about 17,400 kilograms", "heroin seizures dropped to about
    // 5,400 pounds": a mass whose words name nothing is of the drug its clause names.
    found
        .or_else(|| priced::item_before(context))
        .or_else(|| {
            unit.and_then(|u| in_kilograms(u, 1.0))?;
            let clause = &context.tokens[context.clause.clone()];
            let span = clause.first()?.start..clause.last()?.end;
            context
                .entities_in(span)
                .filter(|e| e.label == Label::DRUG)
                .min_by_key(|e| e.start.abs_diff(figure.start))
                .map(|e| e.start..e.end)
        })
        .or_else(|| subject_before_change(context))
}

/// Past "out of every ten" and "in five" after the first number of a ratio.
fn skip_ratio(context: &Context<'_>, from: usize) -> usize {
    let word = |i: usize| context.tokens.get(i).map_or("", |t| t.folded.as_str());
    let mut i = from;
    while matches!(word(i), "out" | "of" | "every" | "in") && i < from + 3 {
        i += 1;
    }
    if i > from && is_number(word(i)) {
        i + 1
    } else {
        from
    }
}

/// The noun phrase starting at token `from`: content words (and the entities among them),
/// at most five, through "of" after a container ("rounds of ammunition"), and through
/// "and"/"or" when both sides are entities of one kind ("cocaine and methamphetamine").
fn phrase(context: &Context<'_>, from: usize) -> Option<Range<usize>> {
    let tokens = context.tokens;
    let end_of_clause = context.clause.end.min(tokens.len());
    let mut last: Option<usize> = None;
    let mut i = from;
    // "19 of the rifles", "tres de los detenidos", "31,900 of the nearly 70,000 deaths".
    let partitive = matches!(tokens.get(i).map(|t| t.folded.as_str()), Some("of" | "de"));
    while i < end_of_clause
        && i < from + 6
        && (matches!(
            tokens[i].folded.as_str(),
            "of" | "the"
                | "these"
                | "those"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "de"
                | "los"
                | "las"
                | "la"
                | "el"
                | "sus"
                | "su"
                | "other"
                | "otros"
                | "otras"
        ) || partitive
            && (is_number(&tokens[i].folded)
                || matches!(
                    tokens[i].folded.as_str(),
                    "nearly" | "about" | "more" | "than" | "roughly" | "some" | "almost" | "over"
                )))
    {
        i += 1;
    }
    let from = i;
    let mut words = 0;
    while i < end_of_clause && words < 5 {
        let token = &tokens[i];
        // A tagged entity is taken whole, punctuation and all ("AR-15–style rifles").
        if let Some(entity) = context
            .entities_at(token.start)
            .find(|e| !e.label.is_figure() && e.label != Label::DATE)
        {
            let mut j = i;
            while j < end_of_clause && tokens[j].end <= entity.end {
                j += 1;
            }
            last = Some(j - 1);
            i = j;
            words += 1;
            if let Some(k) = list_continues(context, i, entity.label) {
                i = k;
            } else if is_plural(&tokens[j - 1].folded) {
                break;
            }
            continue;
        }
        let w = token.folded.as_str();
        let in_date = context
            .entity_over(token.start..token.end)
            .is_some_and(|e| e.label == Label::DATE);
        if in_date {
            break;
        }
        if !token.is_word || is_function_word(w) || w.starts_with(|c: char| c.is_ascii_digit()) {
            if w == "of" && last.is_some_and(|l| is_container(&tokens[l].folded)) {
                i += 1;
                continue;
            }
            break;
        }
        // "74 in the same period", "in fiscal year 2019": a time says when, not what.
        if is_time_word(w) {
            return None;
        }
        // "three remain at large": a verb follows the number, which names nothing of its own;
        // "31 suspected smugglers" is a participle before its noun.
        let before_noun = || {
            tokens
                .get(i + 1)
                .is_some_and(|t| t.is_word && !is_function_word(&t.folded))
        };
        if is_after_head(w) && (last.is_some() || !(is_participle(w) && before_noun())) {
            break;
        }
        last = Some(i);
        words += 1;
        i += 1;
        // The first plural is the head: "firearms cross southbound" ends at "firearms", and
        // only a container goes on ("rounds of ammunition").
        if is_plural(w) && !(is_container(w) && tokens.get(i).is_some_and(|t| t.folded == "of")) {
            break;
        }
    }
    let mut last = last?;
    // "pills seized at the port": a participle after the noun is the event, not the item.
    while last > from && is_participle(&tokens[last].folded) {
        last -= 1;
    }
    let start = tokens[from].start;
    let end = tokens[last].end;
    // "$5 in Phoenix": a place alone is where, not what ("U.S. states" is what).
    let place_alone = context
        .entity_over(start..end)
        .is_some_and(|e| e.label == Label::LOCATION && e.start == start && e.end == end);
    (start < end && !place_alone).then_some(start..end)
}

/// Where a list continues an entity with another of the same kind: the token after "and".
fn list_continues(context: &Context<'_>, i: usize, label: Label) -> Option<usize> {
    let joiner = context.tokens.get(i)?;
    if !matches!(joiner.folded.as_str(), "and" | "or" | "y" | "o") {
        return None;
    }
    let next = context.tokens.get(i + 1)?;
    context
        .entities_at(next.start)
        .any(|e| e.label == label)
        .then_some(i + 1)
}

fn is_participle(word: &str) -> bool {
    word.len() > 3 && (word.ends_with("ed") || word.ends_with("ing"))
        || matches!(
            word,
            "hidden"
                | "stolen"
                | "taken"
                | "shown"
                | "known"
                | "found"
                | "bought"
                | "sold"
                | "made"
                | "sent"
                | "held"
                | "kept"
                | "left"
                | "seen"
                | "given"
                | "driven"
        )
}

fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

/// Words that follow a noun phrase rather than belong to it: prepositions of place and
/// participles ("pills hidden beneath …").
fn is_after_head(word: &str) -> bool {
    is_participle(word)
        || matches!(
            word,
            "beneath"
                | "inside"
                | "near"
                | "across"
                | "along"
                | "aboard"
                | "behind"
                | "toward"
                | "towards"
                | "within"
                | "without"
                | "against"
                | "among"
                | "amid"
                | "via"
                | "below"
                | "above"
                | "outside"
                | "underneath"
                | "onto"
                | "upon"
                | "worth"
                | "off"
                | "nationwide"
                | "apiece"
                | "each"
                | "remain"
                | "remained"
                | "annually"
                | "overall"
                | "alone"
                | "together"
        )
}

/// "Seizures at the ports rose 27%", "killings peaked at 236": the phrase before a change verb
/// just before the figure.
fn subject_before_change(context: &Context<'_>) -> Option<Range<usize>> {
    let mut i = context.before?;
    let word = |i: usize| context.tokens[i].folded.as_str();
    while matches!(
        word(i),
        "by" | "about"
            | "nearly"
            | "some"
            | "roughly"
            | "almost"
            | "more"
            | "than"
            | "over"
            | "to"
            | "at"
            | "up"
            | "down"
            | "a"
            | "an"
            | "estimated"
            | "least"
            | "un"
            | "en"
    ) {
        i = i.checked_sub(1)?;
    }
    if !is_change_verb(word(i)) {
        return None;
    }
    let mut end = i.checked_sub(1)?;
    // "inspections at Laredo rose": past a place or body after a preposition.
    let named = |j: usize| {
        let token = &context.tokens[j];
        context
            .entity_over(token.start..token.end)
            .is_some_and(|e| !e.label.is_figure())
    };
    let mut j = end;
    while j > context.clause.start && named(j) {
        j -= 1;
    }
    if j < end && matches!(word(j), "the" | "el" | "la" | "los" | "las") {
        j -= 1;
    }
    if j < end
        && matches!(
            word(j),
            "at" | "in" | "on" | "from" | "across" | "along" | "en"
        )
        && j > 0
    {
        end = j - 1;
    }
    let mut start = end;
    while start > context.clause.start
        && context.tokens[start - 1].is_word
        && !is_function_word(word(start - 1))
        && end - start < 3
    {
        start -= 1;
    }
    let token = &context.tokens[start];
    // An aside before the verb ("…, a category dominated by fentanyl, fell to") is no subject.
    (token.is_word && !is_function_word(&token.folded) && context.tokens[end].is_word)
        .then(|| token.start..context.tokens[end].end)
}

/// The canonical name and label of the entities inside the item, if any: "fentanyl" (DRUG)
/// for "fentanyl pills"; a list's names joined by "; ".
pub fn sense(context: &Context<'_>, range: Range<usize>) -> (Option<String>, Option<Label>) {
    let inside: Vec<_> = context
        .entities_in(range)
        .filter(|e| !e.label.is_figure() && e.label != Label::DATE)
        .collect();
    let Some(first) = inside.first() else {
        return (None, None);
    };
    let mut names: Vec<String> = Vec::new();
    for e in inside.iter().filter(|e| e.label == first.label) {
        let name = e.name(context.text).to_string();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    (Some(names.join("; ")), Some(first.label))
}

/// What a figure that names nothing counts when an earlier figure of its sentence does:
/// "116 labs …, compared with 74 in the same period", "48 last year and 23 so far", "an
/// increase of about 57%". A count takes a count's item, a mass a mass's, another measure
/// one's in its unit, money money's; a percentage, or a price "for" something, the nearest
/// item before it.
pub fn elided(
    earlier: &[super::Fact],
    entities: &[Entity],
    context: &Context<'_>,
) -> Option<Range<usize>> {
    let figure = context.figure;
    // "a sale of 25 rifles for $37,500": a price paid for what was just counted.
    let for_price = figure.label == Label::MONEY
        && priced::word_before_hedges(context)
            .is_some_and(|b| matches!(context.tokens[b].folded.as_str(), "for" | "por"));
    fn kind(e: &Entity) -> (Label, bool, Option<&str>) {
        let mass = e
            .unit
            .as_deref()
            .and_then(|u| in_kilograms(u, 1.0))
            .is_some();
        let measure = e.unit.as_deref().filter(|u| is_measure(u) && !mass);
        (e.label, mass, measure)
    }
    earlier
        .iter()
        .rev()
        .filter(|fact| fact.item.is_some())
        .find(|fact| {
            let before = &entities[fact.figure];
            figure.label == Label::PERCENT && before.label != Label::PERCENT
                || for_price && before.label != Label::MONEY
                || kind(before) == kind(figure)
        })
        .and_then(|fact| fact.item.clone())
}

/// How far back a mass that names nothing looks for the drug it weighs, in bytes: the
/// sentence before, in a news paragraph.
const DRUG_REACH: usize = 400;

/// The drug a mass that names nothing weighs, when no sentence word says: the last drug named
/// just before it ("… cocaine. One semi-submersible carried nearly 4,900 kilograms on its
/// own.").
pub fn drug_named_before(context: &Context<'_>) -> Option<Range<usize>> {
    let figure = context.figure;
    figure.unit.as_deref().and_then(|u| in_kilograms(u, 1.0))?;
    last_drug(context)
}

/// A drug named by its kind alone ("7,000 pounds of the drug", "la droga") is the drug the
/// article named just before.
pub fn named_drug(context: &Context<'_>, item: Range<usize>) -> Range<usize> {
    let generic = matches!(
        crate::text::fold::fold(&context.text[item.clone()]).as_str(),
        "drug" | "drugs" | "the drug" | "the drugs" | "droga" | "drogas" | "narcotico"
    );
    generic
        .then(|| last_drug(context))
        .flatten()
        .unwrap_or(item)
}

fn last_drug(context: &Context<'_>) -> Option<Range<usize>> {
    let figure = context.figure;
    context
        .entities_ending_before(figure.start, DRUG_REACH)
        .rev()
        .find(|e| e.label == Label::DRUG)
        .map(|e| e.start..e.end)
}

/// Words between an amount and the account, wallet or address it moved through: "$1.2
/// million from account GB82 …", "5,000 USDT to the wallet TN3W …".
fn is_before_account(word: &str) -> bool {
    matches!(
        word,
        "from"
            | "to"
            | "into"
            | "through"
            | "via"
            | "in"
            | "the"
            | "a"
            | "an"
            | "account"
            | "accounts"
            | "wallet"
            | "wallets"
            | "address"
            | "addresses"
            | "bank"
            | "de"
            | "la"
            | "cuenta"
            | "cuentas"
            | "billetera"
    )
}

/// The identifier a sum was moved to, from or through, written right after it: the account
/// or wallet is what an investigator pivots on, so it is the item.
fn account_after(context: &Context<'_>, from: usize) -> Option<Range<usize>> {
    let mut i = from;
    while context
        .tokens
        .get(i)
        .is_some_and(|t| is_before_account(&t.folded))
        && i < from + 4
    {
        i += 1;
    }
    let token = context.tokens.get(i).filter(|_| i > from)?;
    context
        .entities_at(token.start)
        .find(|e| e.label.is_identifier() && e.label != Label::URL)
        .map(|e| e.start..e.end)
}
