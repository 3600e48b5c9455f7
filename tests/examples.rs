//! The behaviours the product promises, end to end through the default tagger.

mod common;

use dossier::Article;

/// (mention, label, canonical) of every entity the tagger finds in `text`.
fn tag(text: &str) -> Vec<(String, String, Option<String>)> {
    common::tagger()
        .annotate(Article::new(text))
        .entities
        .iter()
        .map(|e| {
            (
                text[e.start..e.end].to_string(),
                e.label.as_str().to_string(),
                e.canonical().map(str::to_string),
            )
        })
        .collect()
}

fn has(
    found: &[(String, String, Option<String>)],
    text: &str,
    label: &str,
    canonical: Option<&str>,
) -> bool {
    found.iter().any(|(t, l, c)| {
        t == text && l == label && canonical.is_none_or(|want| c.as_deref() == Some(want))
    })
}

#[test]
fn coordinated_cartels_are_two_organizations() {
    let found = tag("Violence by the Sinaloa and Jalisco New Generation cartels rose.");
    assert!(
        has(&found, "Sinaloa", "ORG", Some("Sinaloa Cartel")),
        "{found:?}"
    );
    assert!(
        has(
            &found,
            "Jalisco New Generation cartels",
            "ORG",
            Some("Jalisco New Generation Cartel")
        ),
        "{found:?}"
    );
}

#[test]
fn a_defined_acronym_overrides_the_lexicon_for_the_document() {
    let found = tag(
        "The Security Implementation Group (SIG) met in Mexico City. Later the SIG said it would expand.",
    );
    assert!(
        has(&found, "Security Implementation Group", "ORG", None),
        "{found:?}"
    );
    let sig: Vec<_> = found.iter().filter(|(t, _, _)| t == "SIG").collect();
    assert_eq!(sig.len(), 2, "{found:?}");
    assert!(
        sig.iter()
            .all(|(_, l, c)| l == "ORG" && c.as_deref() == Some("Security Implementation Group"))
    );
}

#[test]
fn acronyms_match_only_in_capitals_and_plurals_are_found() {
    let found = tag("ATF agents traced the AK-47s; the cartel's men told us nothing.");
    assert!(has(&found, "ATF", "ORG", None), "{found:?}");
    assert!(has(&found, "AK-47s", "WEAPON", Some("AK-47")), "{found:?}");
    assert!(!found.iter().any(|(t, _, _)| t == "us"), "{found:?}");
}

#[test]
fn names_inside_words_are_not_found() {
    let found = tag("Coltrane played while Colt shipped rifles.");
    assert!(
        !found
            .iter()
            .any(|(t, _, _)| t.starts_with("Colt") && t != "Colt"),
        "{found:?}"
    );
    assert_eq!(
        found.iter().filter(|(t, _, _)| t == "Colt").count(),
        1,
        "{found:?}"
    );
    assert!(has(&found, "Colt", "ORG", None), "{found:?}");
}

#[test]
fn a_model_followed_by_its_class_is_one_weapon() {
    let found = tag("Agents seized 40 AR-15 rifles and a Barrett M82.");
    assert!(
        has(&found, "AR-15 rifles", "WEAPON", Some("AR-15")),
        "{found:?}"
    );
}

#[test]
fn ignored_phrases_hide_the_names_inside_them() {
    let found = tag("A think tank counted two tanks near the fuel tank.");
    let tanks: Vec<_> = found
        .iter()
        .filter(|(t, _, _)| t.contains("tank"))
        .collect();
    assert_eq!(tanks.len(), 1, "{found:?}");
    assert_eq!(tanks[0].0, "tanks");
}

#[test]
fn countries_that_act_are_their_states() {
    let found = tag(
        "Precursors flowed until China and India tightened controls on exports from the United States.",
    );
    assert!(has(&found, "China", "ORG", Some("China")), "{found:?}");
    assert!(has(&found, "India", "ORG", Some("India")), "{found:?}");
    assert!(has(&found, "United States", "LOCATION", None), "{found:?}");
}

#[test]
fn later_surnames_are_the_same_person() {
    let found = tag(
        "Gen. Joseph Votel spoke. Later, Votel said Charles H. Keating IV had died; Keating was 31.",
    );
    assert!(
        has(&found, "Votel", "PERSON", Some("Joseph Votel")),
        "{found:?}"
    );
    assert!(
        has(&found, "Keating", "PERSON", Some("Charles H. Keating IV")),
        "{found:?}"
    );
    // A surname the lexicon gives to someone else is still the person of this document.
    let found =
        tag("Special Agent Marisol Vance led the raid. Vance said more arrests would follow.");
    assert!(
        has(&found, "Vance", "PERSON", Some("Marisol Vance")),
        "{found:?}"
    );
}

#[test]
fn a_long_form_glossing_an_acronym_the_lexicon_knows_is_that_entity() {
    let found = tag(
        "Officials of the Attorney General’s Office (FGR) met. Later the Attorney General’s \
         Office said the FGR would appeal.",
    );
    let fgr = Some("Fiscalía General de la República");
    let offices: Vec<_> = found
        .iter()
        .filter(|(t, _, _)| t == "Attorney General’s Office")
        .collect();
    assert_eq!(offices.len(), 2, "{found:?}");
    assert!(
        offices
            .iter()
            .all(|(_, l, c)| l == "ORG" && c.as_deref() == fgr)
    );
    assert!(has(&found, "FGR", "ORG", fgr), "{found:?}");
}
