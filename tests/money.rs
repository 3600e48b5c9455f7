//! The behaviours the product promises for money, end to end through the default tagger: every
//! amount gets its currency's ISO code as its unit, and the fact table compares it in that
//! currency.

mod common;

use dossier::Article;
use dossier::sink::record::FactRecord;

/// One figure as the fact table writes it: (figure text, value, unit, value_base, unit_base).
type Row = (
    String,
    Option<f64>,
    Option<String>,
    Option<f64>,
    Option<String>,
);

/// The fact rows of `article`, one per figure.
fn rows_of(article: Article) -> Vec<Row> {
    let tagged = common::tagger().annotate(article);
    FactRecord::all(&tagged)
        .into_iter()
        .map(|r| {
            (
                r.figure_text,
                r.value,
                r.unit.as_deref().map(str::to_string),
                r.value_base,
                r.unit_base.as_ref().map(|u| u.as_str().to_string()),
            )
        })
        .collect()
}

fn rows(text: &str) -> Vec<Row> {
    rows_of(Article::new(text))
}

/// The one figure of `text` that is money: (figure text, value, code); the fact table's
/// base value and unit must be the same value and code.
fn money(text: &str) -> (String, f64, String) {
    let tagged = common::tagger().annotate(Article::new(text));
    let money: Vec<_> = tagged
        .entities
        .iter()
        .filter(|e| e.label.as_str() == "MONEY")
        .collect();
    assert_eq!(money.len(), 1, "{text}: {:?}", tagged.entities);
    let found = (
        text[money[0].start..money[0].end].to_string(),
        money[0].number().unwrap(),
        money[0].unit.as_deref().unwrap().to_string(),
    );
    let row = rows(text)
        .into_iter()
        .find(|r| r.0 == found.0)
        .expect("a fact row for the figure");
    assert_eq!(
        (row.3, row.4.as_deref()),
        (Some(found.1), Some(found.2.as_str())),
        "{text}: the base value is the amount in its currency"
    );
    found
}

/// Each (text, figure, value, code): the one money figure of the text.
fn all(cases: &[(&str, &str, f64, &str)]) {
    for &(text, figure, value, code) in cases {
        assert_eq!(
            money(text),
            (figure.to_string(), value, code.to_string()),
            "{text}"
        );
    }
}

#[test]
fn currency_signs_and_prefixed_dollars_give_their_codes() {
    all(&[
        ("The fine was £4.2 million.", "£4.2 million", 4.2e6, "GBP"),
        ("Tokyo paid ¥300 billion.", "¥300 billion", 300e9, "JPY"),
        ("Imports reached ₹2,000 crore.", "₹2,000 crore", 2e10, "INR"),
        ("A ticket costs ₩15,000 there.", "₩15,000", 15_000.0, "KRW"),
        ("The ransom was ₽5 million.", "₽5 million", 5e6, "RUB"),
        ("It sold for C$1.5 million.", "C$1.5 million", 1.5e6, "CAD"),
        ("Bail was set at A$250,000.", "A$250,000", 250_000.0, "AUD"),
        ("The tycoon lost HK$8 billion.", "HK$8 billion", 8e9, "HKD"),
        ("Police seized R$ 40 million.", "R$ 40 million", 40e6, "BRL"),
        ("The fund holds US$2 billion.", "US$2 billion", 2e9, "USD"),
        ("The club spent €45m on him.", "€45m", 45e6, "EUR"),
    ]);
}

#[test]
fn a_range_repeats_a_prefixed_dollar() {
    let tagged = common::tagger().annotate(Article::new("Pills sell for US$5 to US$10 each."));
    let money: Vec<_> = tagged
        .entities
        .iter()
        .filter(|e| e.label.as_str() == "MONEY")
        .map(|e| {
            (
                e.number(),
                e.value_max,
                e.unit.as_deref().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(money, [(Some(5.0), Some(10.0), Some("USD".to_string()))]);
}

#[test]
fn iso_codes_before_or_after_the_amount() {
    all(&[
        ("The loan is USD 5 million.", "USD 5 million", 5e6, "USD"),
        (
            "They raised 12 million EUR in May.",
            "12 million EUR",
            12e6,
            "EUR",
        ),
        ("Cost: CHF 800 per night.", "CHF 800", 800.0, "CHF"),
    ]);
}

#[test]
fn currencies_named_in_words_english_and_spanish() {
    all(&[
        ("Fuel rose to 180 yen a liter.", "180 yen", 180.0, "JPY"),
        (
            "A bribe of 300 Swiss francs changed hands.",
            "300 Swiss francs",
            300.0,
            "CHF",
        ),
        ("It cost 40,000 rupees.", "40,000 rupees", 40_000.0, "INR"),
        (
            "The deal was worth 9 billion yuan.",
            "9 billion yuan",
            9e9,
            "CNY",
        ),
        (
            "He took 2 million roubles.",
            "2 million roubles",
            2e6,
            "RUB",
        ),
        (
            "Buyers paid 500 Canadian dollars each.",
            "500 Canadian dollars",
            500.0,
            "CAD",
        ),
        (
            "Se pagaron 5,000 dólares por el arma.",
            "5,000 dólares",
            5000.0,
            "USD",
        ),
        (
            "Se cobraban 300 euros por persona.",
            "300 euros",
            300.0,
            "EUR",
        ),
        ("Pagaron 40 mdp al contratista.", "40 mdp", 40e6, "MXN"),
        ("El contrato fue de 3.5 mdd.", "3.5 mdd", 3.5e6, "USD"),
    ]);
}

#[test]
fn historical_currencies_keep_their_own_codes() {
    all(&[
        (
            "In 1998 it cost 60 French francs.",
            "60 French francs",
            60.0,
            "FRF",
        ),
        (
            "The house sold for 9 million pesetas.",
            "9 million pesetas",
            9e6,
            "ESP",
        ),
        (
            "She earned 4,000 markkaa a month.",
            "4,000 markkaa",
            4000.0,
            "FIM",
        ),
        (
            "The painting fetched 2 million guilders.",
            "2 million guilders",
            2e6,
            "NLG",
        ),
        ("Bonn pledged DM 50 million.", "DM 50 million", 50e6, "DEM"),
    ]);
}

#[test]
fn sub_units_are_worth_their_share_of_the_unit() {
    all(&[
        (
            "The board declared a 15-cent dividend.",
            "15-cent",
            0.15,
            "USD",
        ),
        (
            "Shares closed at 385 pence a share.",
            "385 pence",
            3.85,
            "GBP",
        ),
        ("Shares fell to 92p on Friday.", "92p", 0.92, "GBP"),
        ("A fare costs 50 cents.", "50 cents", 0.5, "USD"),
        ("Collectors prize a ten-yen coin.", "ten-yen", 10.0, "JPY"),
    ]);
}

#[test]
fn amounts_in_words_add_their_cents() {
    all(&[
        (
            "The meal cost eleven dollars and twenty cents.",
            "eleven dollars and twenty cents",
            11.2,
            "USD",
        ),
        (
            "A wage of 7 dollars 25 cents an hour.",
            "7 dollars 25 cents",
            7.25,
            "USD",
        ),
    ]);
}

#[test]
fn lakh_and_crore_scale_the_amount() {
    all(&[
        (
            "Police recovered Rs 5 crore in cash.",
            "Rs 5 crore",
            50_000_000.0,
            "INR",
        ),
        ("The bail was Rs. 2 lakh.", "Rs. 2 lakh", 200_000.0, "INR"),
        (
            "The scheme costs ₹1.5 lakh crore.",
            "₹1.5 lakh crore",
            1.5e12,
            "INR",
        ),
        (
            "He owed 3 crore rupees.",
            "3 crore rupees",
            30_000_000.0,
            "INR",
        ),
    ]);
}

#[test]
fn pounds_of_drugs_are_a_weight_and_pounds_of_money_a_currency() {
    let weighed = rows("Agents seized 300 pounds of cocaine near the border.");
    assert_eq!(weighed.len(), 1, "{weighed:?}");
    let (text, value, unit, base, base_unit) = &weighed[0];
    assert_eq!(
        (text.as_str(), *value, unit.as_deref(), base_unit.as_deref()),
        ("300 pounds", Some(300.0), Some("lb"), Some("kg"))
    );
    assert!((base.unwrap() - 136.08).abs() < 0.01, "{base:?}");
    let yearly = rows("Seizures climbed to 68,000 pounds last year.");
    assert_eq!(yearly[0].2.as_deref(), Some("lb"), "{yearly:?}");
    all(&[
        (
            "The court fined him 2 million pounds.",
            "2 million pounds",
            2e6,
            "GBP",
        ),
        (
            "He was paid 50,000 pounds sterling.",
            "50,000 pounds sterling",
            50_000.0,
            "GBP",
        ),
        ("She found a 2 pound coin.", "2 pound", 2.0, "GBP"),
        ("The fine was £300.", "£300", 300.0, "GBP"),
    ]);
}

#[test]
fn the_dollar_sign_still_follows_the_source() {
    let mut article = Article::new("Autoridades aseguraron $3 millones en efectivo.");
    article.source = Some("Milenio".into());
    let found = rows_of(article);
    assert_eq!(found[0].2.as_deref(), Some("MXN"), "{found:?}");
    assert_eq!(found[0].4.as_deref(), Some("MXN"), "{found:?}");
    all(&[
        (
            "Agents seized $3 million in cash.",
            "$3 million",
            3e6,
            "USD",
        ),
        (
            "Se aseguraron 12 millones de pesos.",
            "12 millones de pesos",
            12e6,
            "MXN",
        ),
        ("Pagó $4,500 M.N. de multa.", "$4,500 M.N", 4500.0, "MXN"),
        (
            "The bill was $20 million USD.",
            "$20 million USD",
            20e6,
            "USD",
        ),
    ]);
}
