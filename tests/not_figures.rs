//! Precision: numbers that are not figures give no QUANTITY, MONEY or PERCENT: list and
//! section markers, footnotes, coordinates, phone numbers, IP addresses, versions, clock
//! times, numbered items, and idioms where "one" or "two" counts nothing.

mod common;

use dossier::{Article, Label};

/// The figures of `text`, as their text.
fn figures(text: &str) -> Vec<String> {
    common::figures_in(text)
        .iter()
        .map(|e| text[e.start..e.end].to_string())
        .collect()
}

fn assert_no_figures(cases: &[&str]) {
    for text in cases {
        assert_eq!(figures(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn list_markers_and_references() {
    assert_no_figures(&[
        "The desk was split into cells:\n\n1. Collection, run from Tijuana;\n\n2. Conversion.",
        "The order cites paragraph (2) of the forfeiture notice.",
        "They moved it “one way or another,”[7] the filing says.",
        "Texaco filed under chapter 11 of the bankruptcy code.",
        "Counts 2 through 19 each describe a single transfer.",
        "The checkpoint sits on the carretera federal 15 near Hermosillo.",
        "Pills bore the “M” and “30” markings of the real drug.",
    ]);
    // A wrapped line that begins with a number is no list item.
    assert_eq!(
        figures("The toll rose to\n40. Officials said more."),
        ["40"]
    );
    // Last year's figure in brackets beside this year's stays a figure.
    assert_eq!(
        figures("Pellets rose to 163 tonnes (164)."),
        ["163 tonnes", "164"]
    );
}

#[test]
fn coordinates_phones_addresses_versions_and_times() {
    assert_no_figures(&[
        "Investigators placed the servers at 20.6597, -103.3496, an industrial park.",
        "A relay sat at 32°31′N 117°02′W, by the logs.",
        "Couriers were told to call +52 664 218 4407 before crossing.",
        "Victims may call (619) 555-0147 or 555-0199.",
        "The line was 664 218 4407 in the ledger.",
        "Traffic came from 203.0.113.58 and 198.51.100.214.",
        "They exploited a flaw in version 2.4.1 of the program.",
        "Most intrusions began at 2:15 a.m. local time.",
    ]);
}

#[test]
fn idioms_and_pronouns_count_nothing() {
    assert_no_figures(&[
        "The ring ran a two-tiered operation.",
        "On one hand, couriers brought cash.",
        "One of the suspects fled.",
        "No one was hurt.",
        "They blamed one another for the losses.",
        "Both were arrested in Chula Vista; the two pleaded not guilty.",
        "The six agreed to cooperate.",
    ]);
    // The same words count when a noun or a partitive follows.
    assert_eq!(figures("The two governments signed."), ["two"]);
    assert_eq!(figures("The 31-count indictment was unsealed."), ["31"]);
    assert_eq!(
        figures("Of the 1,685 polled firms, most agreed."),
        ["1,685"]
    );
}

#[test]
fn years_that_number_an_item_are_no_dates() {
    let tagged = common::tagger().annotate(Article::new(
        "He was charged under Section 1960 and 18 U.S.C. § 1956(h) in March 2024.",
    ));
    let dates: Vec<_> = tagged
        .entities
        .iter()
        .filter(|e| e.label == Label::DATE)
        .map(|e| &tagged.article.text[e.start..e.end])
        .collect();
    assert_eq!(dates, ["March 2024"]);
}
