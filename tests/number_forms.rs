//! Numbers as people write them, end to end through the default tagger: number words in full,
//! fractions and mixed numbers, dozens, signs, scientific notation, scale suffixes and
//! percentage points. Each figure's value is the whole phrase, never its first or last word.

mod common;

/// (span text, value, value_max, unit, label) of every figure of `text`.
type Figure = (String, f64, Option<f64>, Option<String>, &'static str);

fn figures(text: &str) -> Vec<Figure> {
    common::figures_in(text)
        .iter()
        .map(|e| {
            (
                text[e.start..e.end].to_string(),
                e.number().unwrap(),
                e.value_max,
                e.unit.as_deref().map(str::to_string),
                e.label.as_str(),
            )
        })
        .collect()
}

/// The one figure of `text`: (span, value, unit).
fn one(text: &str) -> (String, f64, Option<String>) {
    let found = figures(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    let (span, value, _, unit, _) = found.into_iter().next().unwrap();
    (span, value, unit)
}

fn figure(span: &str, value: f64, unit: Option<&str>) -> (String, f64, Option<String>) {
    (span.to_string(), value, unit.map(str::to_string))
}

#[test]
fn number_words_are_read_in_full() {
    for (text, span, value) in [
        (
            "Agents found one hundred and forty-two rifles.",
            "one hundred and forty-two",
            142.0,
        ),
        (
            "They seized three thousand four hundred rounds.",
            "three thousand four hundred",
            3400.0,
        ),
        ("Sixty-seven people were arrested.", "Sixty-seven", 67.0),
        (
            "Four hundred and eighty one migrants were found.",
            "Four hundred and eighty one",
            481.0,
        ),
        ("Police counted eighty one bodies.", "eighty one", 81.0),
        (
            "One thousand and one rounds were found.",
            "One thousand and one",
            1001.0,
        ),
    ] {
        assert_eq!(one(text).0, span, "{text}");
        assert_eq!(one(text).1, value, "{text}");
    }
    assert_eq!(one("The ship carried 45 hundred barrels.").1, 4500.0);
}

#[test]
fn dozens_and_scores_multiply() {
    assert_eq!(
        one("Police seized 4 dozen rifles."),
        figure("4 dozen", 48.0, Some("rifle"))
    );
    assert_eq!(
        one("They found half a dozen grenades."),
        figure("half a dozen", 6.0, Some("grenade"))
    );
    assert_eq!(one("Four score soldiers marched.").1, 80.0);
    // A score in a match or a test is a result, not twenty.
    assert_eq!(one("He posted a score of 85 on the exam.").1, 85.0);
}

#[test]
fn fractions_and_mixed_numbers() {
    for (text, span, value, unit) in [
        (
            "They found a half ton of cocaine.",
            "a half ton",
            0.5,
            Some("t"),
        ),
        (
            "They seized one and a half tons of cocaine.",
            "one and a half tons",
            1.5,
            Some("t"),
        ),
        (
            "Agents weighed seven and a quarter tons.",
            "seven and a quarter tons",
            7.25,
            Some("t"),
        ),
        (
            "The boat held 3 1/2 tons of cocaine.",
            "3 1/2 tons",
            3.5,
            Some("t"),
        ),
        (
            "The boat held 2½ tons of cocaine.",
            "2½ tons",
            2.5,
            Some("t"),
        ),
        ("Officers seized ½ ton of meth.", "½ ton", 0.5, Some("t")),
        (
            "Two fifths of the cargo was cocaine.",
            "Two fifths",
            0.4,
            None,
        ),
        (
            "Officers found three eighths of the load.",
            "three eighths",
            0.375,
            None,
        ),
        (
            "A tenth of the shipment was fentanyl.",
            "A tenth",
            0.1,
            None,
        ),
        (
            "Half a million pills were seized.",
            "Half a million",
            500_000.0,
            Some("pill"),
        ),
        (
            "The note was priced at 1-1/8 pct over Libor.",
            "1-1/8 pct",
            1.125,
            Some("%"),
        ),
    ] {
        assert_eq!(one(text), figure(span, value, unit), "{text}");
    }
    let (span, value, unit) = one("About 2/3 of the guns came from Texas.");
    assert_eq!((span.as_str(), unit), ("2/3", None));
    assert!((value - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn a_fraction_word_that_is_an_ordinal_or_a_time_is_no_figure() {
    for text in [
        "A third suspect was arrested on Friday.",
        "Profits rose in the last two quarters.",
        "Sales fell for a quarter century.",
        "The stock traded around twelve, down 1/8, this afternoon.",
    ] {
        let found = figures(text);
        assert!(
            found.iter().all(|f| f.1 >= 1.0 || f.3.is_some()),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn signs_are_part_of_the_value() {
    assert_eq!(one("Temperatures fell to -7 degrees.").1, -7.0);
    assert_eq!(
        one("Exports fell minus three percent."),
        figure("minus three percent", -3.0, Some("%"))
    );
    assert_eq!(
        one("The index dropped −12.5 percent."),
        figure("−12.5 percent", -12.5, Some("%"))
    );
    assert_eq!(figures("Forecasts moved to +4% from 2%.")[0].0, "+4%");
    // A dash of punctuation, a hyphen or a margin is no sign.
    assert_eq!(one("The crew —nine sailors in all— fled.").0, "nine");
    let margin = figures("Cargoes of 14,000 tonnes (plus or minus 10 pct)");
    assert_eq!(margin[1].1, 10.0, "{margin:?}");
}

#[test]
fn scientific_notation_and_scale_suffixes() {
    for (text, span, value, unit) in [
        (
            "The fund holds 2e9 dollars.",
            "2e9 dollars",
            2e9,
            Some("USD"),
        ),
        (
            "The fund holds 4.5e+12 pesos.",
            "4.5e+12 pesos",
            4.5e12,
            Some("MXN"),
        ),
        (
            "The gang earned 4.7 k pesos.",
            "4.7 k pesos",
            4700.0,
            Some("MXN"),
        ),
        ("They moved 25k pills.", "25k", 25_000.0, Some("pill")),
        ("The bank paid $5bn.", "$5bn", 5e9, Some("USD")),
        (
            "The bank paid 3.2m euros.",
            "3.2m euros",
            3.2e6,
            Some("EUR"),
        ),
        ("Some 25m people live there.", "25m", 25e6, Some("person")),
        ("They scaled a 10m wall.", "10m", 10.0, Some("m")),
    ] {
        assert_eq!(one(text), figure(span, value, unit), "{text}");
    }
}

#[test]
fn percentage_points_and_basis_points_are_their_own_units() {
    assert_eq!(
        one("Unemployment rose 2 percentage points."),
        figure("2 percentage points", 2.0, Some("pp"))
    );
    assert_eq!(
        one("The fee is 60 basis points above Libor."),
        figure("60 basis points", 60.0, Some("bp"))
    );
    assert_eq!(one("Rates rose 3 percent.").2.as_deref(), Some("%"));
}

#[test]
fn a_change_and_the_level_it_reached_are_not_a_range() {
    let found = figures("Shares rose 3/8 to 29 in heavy trading.");
    assert!(found.iter().all(|f| f.2.is_none()), "{found:?}");
    let range = figures("Fed funds traded at six to 6-1/8 pct.");
    assert_eq!(range.len(), 1, "{range:?}");
    assert_eq!((range[0].1, range[0].2), (6.0, Some(6.125)));
}
