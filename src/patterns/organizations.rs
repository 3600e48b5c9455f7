//! Organizations named by a capitalized phrase with an organizational head noun ("… Security
//! Implementation Group", "Ministry of Defence"), and coordinated names sharing one head ("the
//! Sinaloa and Jalisco New Generation cartels" gives two organizations).

use super::vocabulary;
use crate::entity::{Entity, Label, Sense};
use crate::lexicon::Lexicon;
use crate::patterns::units::singularize;
use crate::text::{Doc, fold};

/// Head nouns that make a capitalized phrase an organization.
fn is_head(word: &str) -> bool {
    vocabulary::has(word, vocabulary::ORG_HEAD)
}

/// Heads that can come first: "Ministry of Defence", "Secretaría de Marina".
fn is_leading_head(word: &str) -> bool {
    vocabulary::has(word, vocabulary::LEADING_HEAD)
}

/// Words that say what kind of body a head noun is without naming one: "Joint Task Force",
/// "Criminal Division", "Special Operations Command" are generic; "Coast Guard" is not.
fn is_generic_modifier(word: &str) -> bool {
    matches!(
        word,
        "joint"
            | "task"
            | "criminal"
            | "civil"
            | "special"
            | "national"
            | "federal"
            | "state"
            | "regional"
            | "central"
            | "general"
            | "international"
            | "local"
            | "security"
            | "armed"
            | "military"
            | "field"
            | "district"
            | "public"
            | "operations"
            | "tactical"
            | "enforcement"
            | "law"
            | "drug"
            | "narcotics"
            | "organized"
            | "crime"
            | "homicide"
            | "investigations"
            | "intelligence"
            | "the"
    )
}

/// Small words allowed inside a name when capitalized words surround them.
fn is_connector(word: &str) -> bool {
    vocabulary::has(word, vocabulary::NAME_CONNECTOR)
}

/// Capitalized words that begin sentences and never begin a name.
fn is_sentence_word(word: &str) -> bool {
    vocabulary::has(word, vocabulary::SENTENCE_OPENER)
}

fn capitalized_or_initial(doc: &Doc<'_>, j: usize) -> bool {
    doc.is_capitalized(j) && !doc.word(j).as_bytes()[0].is_ascii_digit()
}

/// Gaps allowed between the words of a name: a space, a hyphen ("Counter-Daesh"), the period
/// of an initial ("U.S. Central").
fn joins(doc: &Doc<'_>, j: usize) -> bool {
    doc.continues_name(j, false) || doc.gap_before(j) == " & "
}

/// The most words a name runs to on either side of its head: "U.S. Attorney's Office for the
/// Western District of Texas" has seven after it. A longer run of capitals is a list, a table
/// or a shouted paragraph, not one name; and walking it to its end from every head in it
/// would take time and memory quadratic in its length.
const MAX_NAME_WORDS: usize = 16;

/// The first word of the capitalized phrase that ends at word `last`; `None` when the phrase
/// runs longer than a name can.
fn phrase_start(doc: &Doc<'_>, last: usize, allow_connectors: bool) -> Option<usize> {
    let mut first = last;
    loop {
        if first == 0 || doc.starts_sentence(first) {
            break;
        }
        if last - first >= MAX_NAME_WORDS {
            return None;
        }
        // An office named after its holder: "U.S. Attorney's Office", "Sheriff's Office".
        let holder = first >= 2
            && doc.word(first - 1) == "s"
            && doc.gap_before(first - 1) == "'"
            && doc.gap_before(first) == " "
            && matches!(
                doc.word(first - 2),
                "attorney" | "sheriff" | "prosecutor" | "general" | "marshal"
            )
            && doc.is_capitalized(first - 2);
        if holder {
            first -= 2;
            continue;
        }
        if !joins(doc, first) {
            break;
        }
        let prev = first - 1;
        if capitalized_or_initial(doc, prev) {
            first = prev;
            continue;
        }
        // A connector joins two capitalized parts: "Bureau of Alcohol", "Bank of the
        // Philippines". A bare "the" never does ("Because the State Department").
        let connector = doc.word(prev);
        let mut before = prev;
        if connector == "the" && prev > 0 && matches!(doc.word(prev - 1), "of" | "for" | "on") {
            before = prev - 1;
        } else if connector == "the" || connector == "and" {
            break;
        }
        let joined = allow_connectors
            && is_connector(doc.word(before))
            && before > 0
            && joins(doc, before)
            && capitalized_or_initial(doc, before - 1);
        if !joined {
            break;
        }
        first = before - 1;
    }
    // Drop sentence words and connectors at the front, but not a capitalized Spanish article
    // that begins a name ("Los Angeles Field Division", "Los Zetas").
    let article_of_name = |j: usize| {
        matches!(doc.word(j), "los" | "las" | "el" | "la")
            && doc.is_capitalized(j)
            && doc.gap_before(j + 1) == " "
            && capitalized_or_initial(doc, j + 1)
    };
    while first < last
        && !article_of_name(first)
        && (is_sentence_word(doc.word(first)) || is_connector(doc.word(first)))
    {
        first += 1;
    }
    Some(first)
}

/// The last word of a complement after a head: "Ministry of Defence", "Bureau of Alcohol".
/// Only a connector opens a complement: "Navy Capt." is not one organization. `None` when
/// the complement runs longer than a name can.
fn complement_end(doc: &Doc<'_>, head: usize) -> Option<usize> {
    let opener = head + 1;
    if opener >= doc.words.len()
        || doc.gap_before(opener) != " "
        || !matches!(
            doc.word(opener),
            "of" | "for" | "de" | "del" | "on" | "against"
        )
    {
        return Some(head);
    }
    let mut end = head;
    let mut j = opener + 1;
    while j < doc.words.len() && joins(doc, j) {
        if j - head > MAX_NAME_WORDS {
            return None;
        }
        let word = doc.word(j);
        // "the State Department on Wednesday", "… of California on May 29": a day or a month
        // after a connector is when, not part of the name.
        if vocabulary::has(word, vocabulary::WEEKDAY | vocabulary::MONTH) {
            break;
        }
        if capitalized_or_initial(doc, j) {
            end = j;
            j += 1;
        } else if is_connector(word) && word != "and" && !coordinates(doc, j) {
            j += 1;
        } else {
            break;
        }
    }
    Some(end)
}

/// Whether the "y" at word `j` joins two organizations rather than two words of one name:
/// "Cártel de Sinaloa y el Cártel Jalisco …" (an article follows), against "Secretaría de
/// Seguridad y Protección Ciudadana".
fn coordinates(doc: &Doc<'_>, j: usize) -> bool {
    doc.word(j) == "y"
        && j + 1 < doc.words.len()
        && matches!(doc.word(j + 1), "el" | "la" | "los" | "las")
}

/// The entity for a phrase: the lexicon's entry if the phrase is one of its names, else the
/// phrase itself as canonical.
fn phrase_entity(doc: &Doc<'_>, lexicon: &Lexicon, start: usize, end: usize) -> Entity {
    let written = doc.original_span(start, end);
    let sense = lexicon
        .sense(&doc.text()[start..end], Label::ORG)
        .cloned()
        .unwrap_or(Sense {
            canonical: written.into(),
            category: None,
            kb_id: None,
        });
    Entity::new(start, end, Label::ORG).with_sense(sense)
}

/// Appends every organization phrase of `doc` to `out` (folded offsets).
pub fn find_organizations(
    doc: &Doc<'_>,
    classes: &[u32],
    lexicon: &Lexicon,
    out: &mut Vec<Entity>,
) {
    for (h, &class) in classes.iter().enumerate() {
        if class & (vocabulary::ORG_HEAD | vocabulary::LEADING_HEAD) == 0
            || !doc.is_capitalized(h)
            || doc.in_headline(h)
        {
            continue;
        }
        let word = doc.word(h);
        if is_head(word) {
            // Names with "of" are read from their head first ("Ministry of Defence"), so the
            // phrase before a head takes no connectors: "Assessment of the … Group" is not one.
            let (Some(first), Some(last)) = (phrase_start(doc, h, false), complement_end(doc, h))
            else {
                continue;
            };
            // Heads alone ("Co Inc", "Group Ltd") name nothing, nor do heads with generic
            // words ("Joint Task Force", "Criminal Division"): a name has a word of its own.
            let only_heads = (first..h).all(|j| is_head(doc.word(j)) || doc.word(j) == "co");
            let acronym_after = doc.text()[doc.words[last].end..].starts_with(" (");
            let generic = !acronym_after
                && matches!(word, "force" | "division" | "unit" | "section" | "team")
                && (first..=last).all(|j| {
                    let word = doc.word(j);
                    is_head(word) || is_connector(word) || is_generic_modifier(word)
                });
            if (first < h || last > h) && !(only_heads && last == h) && !generic {
                out.push(phrase_entity(
                    doc,
                    lexicon,
                    doc.words[first].start,
                    doc.words[last].end,
                ));
            }
        } else if is_leading_head(word) {
            let Some(last) = complement_end(doc, h) else {
                continue;
            };
            if last > h {
                let between = &doc.text()[doc.words[h].end..doc.words[h + 1].start];
                if matches!(between, " of " | " de " | " for " | " del ") {
                    out.push(phrase_entity(
                        doc,
                        lexicon,
                        doc.words[h].start,
                        doc.words[last].end,
                    ));
                }
            }
        }
    }
}

/// Appends the organizations named by coordination ("the Sinaloa and Gulf cartels") to `out`.
/// These outrank a lexicon reading of the same words ("Sinaloa" the state), so the caller
/// gives them their own source.
pub fn find_coordinated(doc: &Doc<'_>, classes: &[u32], lexicon: &Lexicon, out: &mut Vec<Entity>) {
    for (h, &class) in classes.iter().enumerate().skip(1) {
        if class & vocabulary::ORG_HEAD != 0 && doc.word(h).ends_with('s') && !doc.in_headline(h) {
            coordinated(doc, lexicon, h, out);
        }
    }
}

/// Nouns that make a nation's name an organized body: "Iraqi forces", "U.S. troops",
/// "the Mexican government".
fn is_national_body(word: &str) -> bool {
    matches!(
        word,
        "forces"
            | "opposition"
            | "regime"
            | "rebels"
            | "troops"
            | "military"
            | "government"
            | "administration"
            | "army"
            | "navy"
            | "police"
            | "embassy"
            | "servicemembers"
            | "coalition"
            | "partners"
            | "allies"
            | "marines"
            | "militias"
    )
}

/// Words that may stand between a nation and its body: "Iraqi security forces".
fn is_body_modifier(word: &str) -> bool {
    matches!(
        word,
        "security"
            | "armed"
            | "military"
            | "special"
            | "government"
            | "federal"
            | "state"
            | "local"
            | "allied"
            | "partner"
            | "ground"
            | "naval"
            | "opposition"
            | "elite"
            | "coalition"
            | "national"
            | "regime"
            | "border"
            | "interim"
            | "transitional"
    )
}

/// Organized bodies named by a nation: a nationality or country followed by a capitalized
/// body noun ("U.S. Embassy", "Syrian Government", "Iraqi Security Forces"). In lower case
/// ("Mexican forces", "the U.S. government") the phrase is generic, no named organization:
/// the nationality alone is tagged. `nations` are the nationality and country mentions
/// already found.
pub fn find_national_bodies<'e>(
    doc: &Doc<'_>,
    nations: impl IntoIterator<Item = &'e Entity>,
    out: &mut Vec<Entity>,
) {
    for nation in nations {
        let mut j = doc.word_from(nation.end);
        if j >= doc.words.len() || &doc.text()[nation.end..doc.words[j].start] != " " {
            continue;
        }
        let mut modifiers = 0;
        let first = j;
        while j < doc.words.len() && (j == first || doc.gap_before(j) == " ") && modifiers <= 2 {
            if !doc.is_capitalized(j) {
                break;
            }
            let word = doc.word(j);
            let service_members = word == "service"
                && j + 1 < doc.words.len()
                && doc.gap_before(j + 1) == " "
                && doc.word(j + 1) == "members";
            if is_national_body(word) || service_members {
                let end = if service_members { j + 1 } else { j };
                out.push(Entity::new(nation.start, doc.words[end].end, Label::ORG));
                break;
            }
            if !is_body_modifier(word) {
                break;
            }
            modifiers += 1;
            j += 1;
        }
    }
}

/// The most names one head noun is shared by: "the Sinaloa, Gulf, Juárez, Tijuana and
/// Beltrán Leyva cartels" has five. A longer chain of "and"s is no list of organizations, and
/// walking it back from every head noun in it would be quadratic.
const MAX_COORDINATED: usize = 12;

/// "the Sinaloa and Jalisco New Generation cartels": each part, joined with the singular head,
/// must be an organization the lexicon knows ("Sinaloa Cartel", "Jalisco New Generation
/// Cartel"); the last part's span takes the head noun.
fn coordinated(doc: &Doc<'_>, lexicon: &Lexicon, head: usize, out: &mut Vec<Entity>) {
    let Some(singular) = singularize(doc.word(head)) else {
        return;
    };
    if head == 0 || doc.gap_before(head) != " " {
        return;
    }
    let mut parts: Vec<(usize, usize)> = Vec::new(); // (first word, last word)
    let mut last = head - 1;
    loop {
        if !capitalized_or_initial(doc, last) {
            return;
        }
        let Some(first) = phrase_start(doc, last, false) else {
            return;
        };
        parts.push((first, last));
        if parts.len() > MAX_COORDINATED {
            return;
        }
        if first < 2 {
            break;
        }
        let joiner = doc.word(first - 1);
        let gap = doc.gap_before(first);
        let comma = doc.gap_before(first) == ", ";
        if matches!(joiner, "and" | "or") && gap == " " {
            let before = first - 1;
            let gap_before = doc.gap_before(before);
            if !matches!(gap_before, " " | ", ") {
                break;
            }
            last = before - 1;
        } else if comma && parts.len() > 1 {
            last = first - 1;
        } else {
            break;
        }
    }
    if parts.len() < 2 {
        return;
    }
    let mut found = Vec::new();
    for (n, &(first, last)) in parts.iter().enumerate() {
        let span_text = &doc.text()[doc.words[first].start..doc.words[last].end];
        let key = fold(&format!("{span_text} {singular}"));
        let Some(sense) = lexicon.sense(&key, Label::ORG).cloned() else {
            continue;
        };
        // parts[0] is the one next to the head: its span includes the head noun.
        let end = if n == 0 {
            doc.words[head].end
        } else {
            doc.words[last].end
        };
        found.push(Entity::new(doc.words[first].start, end, Label::ORG).with_sense(sense));
    }
    if found.len() == parts.len() {
        out.extend(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<(String, String)> {
        let mut lexicon = Lexicon::default();
        lexicon.add_file(
            "t.tsv",
            "canonical\tlabel\tcategory\taliases\tkb_id\tcase\n\
             Sinaloa Cartel\tORG\tcartel\t\t\t\n\
             Jalisco New Generation Cartel\tORG\tcartel\tCJNG\t\t\n\
             Gulf Cartel\tORG\tcartel\t\t\t\n",
        );
        let doc = Doc::new(text);
        let mut out = Vec::new();
        let classes = vocabulary::classify(&doc);
        find_organizations(&doc, &classes, &lexicon, &mut out);
        find_coordinated(&doc, &classes, &lexicon, &mut out);
        out.iter()
            .map(|e| {
                let mention = doc.original_span(e.start, e.end);
                (mention.to_string(), e.canonical().unwrap_or("").to_string())
            })
            .collect()
    }

    #[test]
    fn head_nouns_make_organizations() {
        let found = orgs("the launch of the U.S.-Mexico Security Implementation Group in");
        assert!(
            found
                .iter()
                .any(|(t, _)| t == "U.S.-Mexico Security Implementation Group"),
            "{found:?}"
        );
        let found = orgs("the U.S. Attorney’s Office for the District of Arizona said");
        assert_eq!(
            found[0].0,
            "U.S. Attorney’s Office for the District of Arizona"
        );
        let found = orgs("said the Ministry of Defence on");
        assert_eq!(found[0].0, "Ministry of Defence");
        let found = orgs("The Syrian Democratic Forces said so.");
        assert_eq!(found[0].0, "Syrian Democratic Forces");
        // "y el" joins two names, not two words of one.
        let found = orgs("el Cártel de Sinaloa y el Cártel del Golfo se disputan");
        let names: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(names, ["Cártel de Sinaloa", "Cártel del Golfo"]);
    }

    #[test]
    fn coordinated_names_give_one_organization_each() {
        let found = orgs("violence by the Sinaloa and Jalisco New Generation cartels, which");
        assert_eq!(
            found,
            vec![
                (
                    "Jalisco New Generation cartels".to_string(),
                    "Jalisco New Generation Cartel".to_string()
                ),
                ("Sinaloa".to_string(), "Sinaloa Cartel".to_string()),
            ]
        );
        let found = orgs("the Sinaloa, Gulf and Jalisco New Generation cartels");
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn a_nation_and_a_capitalized_body_are_an_organization() {
        let text =
            "Iraqi Security Forces and the U.S. Embassy met Mexican forces and the Syrian people.";
        let doc = Doc::new(text);
        let at = |word: &str, label| {
            let start = text.find(word).unwrap();
            Entity::new(start, start + word.len(), label)
        };
        let nations = [
            at("Iraqi", Label::NATIONALITY),
            at("U.S.", Label::LOCATION),
            at("Mexican", Label::NATIONALITY),
            at("Syrian", Label::NATIONALITY),
        ];
        let mut out = Vec::new();
        find_national_bodies(&doc, &nations, &mut out);
        let found: Vec<&str> = out.iter().map(|e| &text[e.start..e.end]).collect();
        assert_eq!(found, ["Iraqi Security Forces", "U.S. Embassy"]);
    }

    #[test]
    fn headlines_and_phrases_before_of_are_not_names() {
        let found = orgs("U.S. Tech Operations Target Mexican Cartels\nThe story follows.");
        assert!(found.is_empty(), "{found:?}");
        let found = orgs("A critical assessment of the Security Implementation Group, which");
        assert_eq!(found[0].0, "Security Implementation Group");
    }

    #[test]
    fn a_lone_head_is_not_an_organization() {
        assert!(orgs("The Group said").is_empty());
        assert!(orgs("Police said").is_empty());
        assert!(orgs("Smith Co Inc said").iter().all(|(t, _)| t != "Co Inc"));
    }
}
