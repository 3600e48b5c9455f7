//! People introduced by a title or role: "President Sheinbaum", "Dr. Elena Ramirez",
//! "Gen. Joseph Votel", "Secretary of State Marco Rubio", "spokesman John Kirby".

use std::collections::HashMap;

use super::vocabulary;
use crate::entity::{Entity, Label, Sense};
use crate::text::Doc;

/// Words that complete a title ("Secretary", "Gen."): the name follows them.
fn is_title(word: &str) -> bool {
    vocabulary::has(word, vocabulary::TITLE)
}

/// Words that may stand before a title in a compound one ("Deputy Secretary", "Navy Capt.",
/// "Prime Minister", "Petty Officer 1st Class").
fn is_title_modifier(word: &str) -> bool {
    vocabulary::has(word, vocabulary::TITLE_MODIFIER)
}

/// Lower-case role nouns that introduce a full name: "spokesman John Kirby", "analyst Elena
/// Ramirez", "his son Ovidio Guzmán".
fn is_role_noun(word: &str) -> bool {
    vocabulary::has(word, vocabulary::ROLE)
}

/// "of State", "of Homeland Security", "of the Treasury", "of Sinaloa": a complement of a
/// title, up to three words, consumed before the name.
fn title_complement(doc: &Doc<'_>, title_end: usize) -> usize {
    let of = title_end + 1;
    if of >= doc.words.len() || doc.word(of) != "of" || doc.gap_before(of) != " " {
        return title_end;
    }
    let mut j = of + 1;
    if j < doc.words.len() && doc.word(j) == "the" {
        j += 1;
    }
    let mut last = None;
    while j < doc.words.len() && j <= of + 3 && doc.is_capitalized(j) && doc.gap_before(j) == " " {
        if is_complement_word(doc.word(j)) {
            last = Some(j);
            j += 1;
        } else {
            break;
        }
    }
    last.unwrap_or(title_end)
}

fn is_complement_word(word: &str) -> bool {
    matches!(
        word,
        "state"
            | "defense"
            | "defence"
            | "homeland"
            | "security"
            | "public"
            | "foreign"
            | "affairs"
            | "interior"
            | "justice"
            | "treasury"
            | "finance"
            | "national"
            | "war"
            | "navy"
            | "army"
            | "staff"
            | "energy"
            | "commerce"
            | "health"
            | "the"
    )
}

/// Words that never begin or continue a name even when capitalized.
fn is_not_name(word: &str) -> bool {
    vocabulary::has(word, vocabulary::MONTH | vocabulary::WEEKDAY)
        || matches!(
            word,
            "the"
                | "a"
                | "an"
                | "and"
                | "of"
                | "in"
                | "on"
                | "at"
                | "for"
                | "to"
                | "said"
                | "says"
                | "who"
                | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "this"
                | "that"
                | "but"
                | "as"
                | "office"
                | "department"
                | "ministry"
        )
}

/// Words of company and institution names, which no person's name contains.
fn is_business_word(word: &str) -> bool {
    vocabulary::has(word, vocabulary::ORG_HEAD)
        || matches!(
            word,
            "motors"
                | "electric"
                | "co"
                | "agreement"
                | "partners"
                | "dynamics"
                | "mills"
                | "foods"
                | "capital"
                | "securities"
                | "investors"
                | "instruments"
                | "trust"
                | "airlines"
                | "airways"
                | "petroleum"
                | "oil"
                | "energy"
                | "steel"
                | "chemical"
                | "chemicals"
                | "motor"
                | "insurance"
                | "financial"
                | "communications"
                | "pharmaceuticals"
                | "assembly"
                | "hospital"
                | "atomics"
                | "accounting"
        )
}

/// Name particles written in lower case inside names ("Ruiz de la Fuente", "al-Abadi").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "la"
            | "las"
            | "los"
            | "al"
            | "el"
            | "bin"
            | "ibn"
            | "van"
            | "von"
            | "da"
            | "dos"
            | "di"
            | "le"
            | "abu"
            | "y"
    )
}

/// The words of a name starting at word `k`: capitalized words, initials, particles between
/// capitalized words, a quoted nickname. Returns the last word's index and the count of
/// capitalized words.
fn name_words(doc: &Doc<'_>, k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    let mut last = None;
    let mut capitalized = 0;
    while j < doc.words.len() && j < k + 7 {
        if j > k && !doc.continues_name(j, true) {
            break;
        }
        let word = doc.word(j);
        if is_business_word(word) {
            return None; // "General Motors Corp", "General Agreement on Tariffs"
        }
        if doc.is_capitalized(j) && !is_not_name(word) && !word.as_bytes()[0].is_ascii_digit() {
            capitalized += 1;
            last = Some(j);
            j += 1;
            continue;
        }
        // A particle joins only when a capitalized word follows it.
        let next_cap = j + 1 < doc.words.len() && doc.is_capitalized(j + 1);
        if is_particle(word) && next_cap && capitalized > 0 || word == "al" && next_cap {
            j += 1;
            continue;
        }
        break;
    }
    let mut last = last?;
    // A quotation opened inside the name and not closed in it is no nickname: "Julio César
    // “N”" (the press's withheld surname) is "Julio César".
    let text = doc.text();
    // From the end of the word before: a nickname's opening quote may come before word `k`.
    let from = if k > 0 { doc.words[k - 1].end } else { 0 };
    let span = &text[from..doc.words[last].end];
    if let Some(quote) = span.rfind('"')
        && span.matches('"').count() % 2 == 1
    {
        let quote = from + quote;
        last = (k..last).rev().find(|&j| doc.words[j].end <= quote)?;
        capitalized = (k..=last).filter(|&j| doc.is_capitalized(j)).count();
    }
    Some((last, capitalized))
}

/// Appends every titled person of `doc` to `out` (folded offsets, the name without the title).
pub fn find_titled_people(doc: &Doc<'_>, classes: &[u32], out: &mut Vec<Entity>) {
    use vocabulary::{ROLE, TITLE, TITLE_MODIFIER};
    let mut i = 0;
    while i < doc.words.len() {
        if classes[i] & (TITLE | TITLE_MODIFIER | ROLE) == 0 {
            i += 1;
            continue;
        }
        let word = doc.word(i);
        let capitalized = doc.is_capitalized(i);
        let titled = capitalized && (is_title(word) || is_title_modifier(word));
        let role = !capitalized && is_role_noun(word);
        if !titled && !role {
            i += 1;
            continue;
        }
        // Extend over a stacked title: "Deputy Secretary of State", "Lt. Gen.", "Navy Capt.".
        let mut end = i;
        let mut core = is_title(word) || role;
        while titled && end + 1 < doc.words.len() {
            let next = end + 1;
            let w = doc.word(next);
            if !doc.is_capitalized(next) || !matches!(doc.gap_before(next), " " | ". " | "." | "-")
            {
                break;
            }
            if is_title(w) {
                core = true;
            } else if !is_title_modifier(w) {
                break;
            }
            end = next;
        }
        if !core {
            i = end + 1;
            continue;
        }
        // "director Navy Capt. Jeff Davis": a role noun before a title hands over to the title.
        if role && i + 1 < doc.words.len() && doc.is_capitalized(i + 1) {
            let next = doc.word(i + 1);
            if is_title(next) || is_title_modifier(next) {
                i += 1;
                continue;
            }
        }
        end = title_complement(doc, end);
        let k = end + 1;
        if k >= doc.words.len() || !matches!(doc.gap_before(k), " " | ". ") {
            i = k;
            continue;
        }
        match name_words(doc, k) {
            Some((last, count)) if count >= if role { 2 } else { 1 } => {
                let mut person =
                    Entity::new(doc.words[k].start, doc.words[last].end, Label::PERSON);
                person.sense = None;
                out.push(person);
                i = last + 1;
            }
            _ => i = k,
        }
    }
}

/// Words after which a given name is part of a place's or a street's name ("Santa Rosa", "San
/// José", "Avenida Álvaro Obregón").
fn is_place_prefix(word: &str) -> bool {
    matches!(
        word,
        "san"
            | "santa"
            | "santo"
            | "sao"
            | "st"
            | "saint"
            | "tel"
            | "ciudad"
            | "fort"
            | "camp"
            | "lake"
            | "port"
            | "mount"
            | "puerto"
            | "villa"
            | "bandar"
            | "burj"
            | "cerro"
            | "isla"
            | "colonia"
            | "avenida"
            | "av"
            | "calle"
            | "calzada"
            | "boulevard"
            | "bulevar"
            | "blvd"
            | "paseo"
            | "carretera"
            | "plaza"
            | "parque"
            | "fraccionamiento"
    )
}

/// Appends every person named by a known given name and a capitalized surname ("Jonathan
/// Cohen", "Elena Ramírez", "Abu Jandal al-Kuwaiti") to `out` (folded offsets).
pub fn find_named_people(doc: &Doc<'_>, classes: &[u32], out: &mut Vec<Entity>) {
    let mut i = 0;
    while i + 1 < doc.words.len() {
        let word = doc.word(i);
        let given = classes[i] & vocabulary::GIVEN_NAME != 0 || word == "abu";
        let starts = given
            && doc.is_capitalized(i)
            && !doc.is_all_caps(i)
            && !(i > 0 && doc.continues_name(i, false) && is_place_prefix(doc.word(i - 1)));
        if !starts || !doc.continues_name(i + 1, true) {
            i += 1;
            continue;
        }
        match name_words(doc, i + 1) {
            Some((last, _)) if !is_facility_end(doc.word(last)) => {
                let first = first_of_name(doc, classes, i);
                out.push(Entity::new(
                    doc.words[first].start,
                    doc.words[last].end,
                    Label::PERSON,
                ));
                i = last + 1;
            }
            _ => i += 1,
        }
    }
}

/// Where a name that has a known given name at word `given` begins: up to two capitalized
/// words before it belong to it too ("Wilber Antonio Hernández", "Assad Ahmad Barakat"), unless
/// they are titles or begin the sentence without being given names themselves.
fn first_of_name(doc: &Doc<'_>, classes: &[u32], given: usize) -> usize {
    let mut first = given;
    while first > 0 && given - first < 2 && doc.gap_before(first) == " " {
        let prev = first - 1;
        let word = doc.word(prev);
        let known_given = classes[prev] & vocabulary::GIVEN_NAME != 0;
        // "Special Agent in Charge Monica Elwood": a capitalized word after "in" or "of" ends
        // a title, not begins a name.
        let ends_title = prev > 0
            && matches!(doc.word(prev - 1), "in" | "of" | "for")
            && !doc.is_capitalized(prev - 1);
        let joins = !ends_title
            && doc.is_capitalized(prev)
            && !doc.is_all_caps(prev)
            && classes[prev] & (vocabulary::TITLE | vocabulary::TITLE_MODIFIER | vocabulary::ROLE)
                == 0
            && !is_not_name(word)
            && !is_business_word(word)
            && !is_place_prefix(word)
            && (known_given || !doc.starts_sentence(prev));
        if !joins {
            break;
        }
        first = prev;
    }
    first
}

/// Words that end place or unit names, never a person's: "Ramon Airport", "Hamza Division".
fn is_facility_end(word: &str) -> bool {
    vocabulary::has(word, vocabulary::FACILITY | vocabulary::ORG_HEAD)
        || matches!(
            word,
            "county" | "division" | "accords" | "islands" | "brigade" | "street" | "avenue"
        )
}

/// After "Gen. Joseph Votel", a later "Votel" is the same person, even where a gazetteer
/// knows the word as a place.
pub fn propagate_surnames(doc: &Doc<'_>, entities: &mut Vec<Entity>) {
    // By surname, the first person to bear it: a lookup per word, where a list of every
    // mention would be searched whole for every word of the article.
    let mut surnames: HashMap<&str, Sense> = HashMap::new();
    for e in entities.iter().filter(|e| e.label == Label::PERSON) {
        let first = doc.word_from(e.start);
        let Some(mut last) = doc.word_ending_at(e.end) else {
            continue;
        };
        // "Charles H. Keating IV", "Ted Smith Jr.": the surname is before the suffix.
        if last > first && matches!(doc.word(last), "jr" | "sr" | "ii" | "iii" | "iv") {
            last -= 1;
        }
        if last > first
            && doc.word(last).len() >= 3
            && let Some(sense) = &e.sense
        {
            surnames
                .entry(doc.word(last))
                .or_insert_with(|| sense.clone());
        }
    }
    if surnames.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for (i, w) in doc.words.iter().enumerate() {
        if !doc.is_capitalized(i) || w.end - w.start < 3 {
            continue;
        }
        let Some(sense) = surnames.get(doc.word(i)) else {
            continue;
        };
        let person = Entity::new(w.start, w.end, Label::PERSON).with_sense(sense.clone());
        let at = entities.partition_point(|e| e.end <= w.start);
        match entities.get_mut(at) {
            // In a document about Col. David Lyons, "Lyons" is he, not the French city; in one
            // about Marisol Vance, "Vance" is she, not the lexicon's Vance.
            Some(e)
                if e.start == w.start
                    && e.end == w.end
                    && (matches!(e.label, Label::LOCATION | Label::NATIONALITY)
                        || e.label == Label::PERSON && e.sense.as_ref() != Some(sense)) =>
            {
                *e = person;
            }
            Some(e) if e.start < w.end => {}
            _ => added.push(person),
        }
    }
    if !added.is_empty() {
        entities.extend(added);
        entities.sort_by_key(|e| e.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<String> {
        super::super::mentions(text, find_titled_people)
    }

    #[test]
    fn titles_introduce_names() {
        assert_eq!(people("President Sheinbaum said"), ["Sheinbaum"]);
        assert_eq!(people("Dr. Elena Ramirez, an analyst"), ["Elena Ramirez"]);
        assert_eq!(people("Gen. Joseph Votel, commander"), ["Joseph Votel"]);
        assert_eq!(
            people("Lt. Gen. Stephen J. Townsend said"),
            ["Stephen J. Townsend"]
        );
        assert_eq!(
            people("Deputy Secretary of State Antony Blinken"),
            ["Antony Blinken"]
        );
        assert_eq!(
            people("Iraqi Prime Minister Haider al-Abadi met"),
            ["Haider al-Abadi"]
        );
        assert_eq!(people("spokesman John Kirby said"), ["John Kirby"]);
        assert_eq!(
            people("Col. John “J.D.” Dorrian said"),
            ["John “J.D.” Dorrian"]
        );
        assert_eq!(people("President Trump's order"), ["Trump"]);
        assert_eq!(
            people("operations director Navy Capt. Jeff Davis said"),
            ["Jeff Davis"]
        );
        assert_eq!(
            people("Terrorists Navy Senior Chief Petty Officer Scott C. Dayton, 42, of"),
            ["Scott C. Dayton"]
        );
        assert_eq!(
            people("he said. Col. David C. Lyons, 407th AEG"),
            ["David C. Lyons"]
        );
    }

    fn named(text: &str) -> Vec<String> {
        super::super::mentions(text, find_named_people)
    }

    #[test]
    fn given_names_start_names() {
        assert_eq!(
            named("with Jonathan Cohen and Dr. Ahmed Kamil Murad."),
            ["Jonathan Cohen", "Ahmed Kamil Murad"]
        );
        assert_eq!(
            named("On Monday, Abu Jandal al-Kuwaiti, an ISIL"),
            ["Abu Jandal al-Kuwaiti"]
        );
        assert_eq!(named("analyst Elena Ramírez said"), ["Elena Ramírez"]);
        assert_eq!(
            named("defendant Wilber Antonio Hernández Guevara pleaded"),
            ["Wilber Antonio Hernández Guevara"]
        );
        assert_eq!(
            named("Treasury Secretary Scott Bessent said"),
            ["Scott Bessent"]
        );
    }

    #[test]
    fn given_names_inside_place_names_are_not_people() {
        assert!(named("the Santa Rosa de Lima cartel").is_empty());
        assert!(named("landed at Ramon Airport").is_empty());
        assert!(named("SAM Batteries").is_empty());
    }

    #[test]
    fn titles_without_names_give_nothing() {
        assert!(people("the President of Mexico said").is_empty());
        assert!(people("the Attorney General's Office").is_empty());
        assert!(people("a spokesman said").is_empty());
        assert!(people("the leader Ovidio").is_empty());
        assert!(people("shares of General Motors Corp rose").is_empty());
        assert!(people("the General Agreement on Tariffs").is_empty());
    }
}
