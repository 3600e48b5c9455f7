//! Identifiers: every kind found and normalized where it is valid and never where its
//! checksum or structure fails; user patterns from `--patterns FILE` and a lexicon
//! directory's `patterns.tsv`, their problems reported as `file:line: …`; identifiers filed
//! in the index under `/identifier/<LABEL>/<canonical>` and found by filters and queries.

mod common;

use std::fs;
use std::path::Path;

use dossier::{Article, Entity};
use serde_json::Value;

/// The identifiers the default tagger finds in `text`: label and canonical form.
fn identifiers(text: &str) -> Vec<(String, String)> {
    common::tagger()
        .annotate(Article::new(text))
        .entities
        .into_iter()
        .filter(|e: &Entity| e.label.is_identifier() && e.label.as_str() != "URL")
        .map(|e| {
            (
                e.label.as_str().to_string(),
                e.canonical().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn valid_identifiers_of_every_kind_are_found_and_normalized() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "Write to Tips@Example.ORG today.",
            "EMAIL",
            "tips@example.org",
        ),
        ("Call +52 664 218 4407 now.", "PHONE", "+526642184407"),
        ("Call (619) 555-0147 now.", "PHONE", "+16195550147"),
        ("Llame al teléfono 2222-3333.", "PHONE", "22223333"),
        (
            "Account GB82 WEST 1234 5698 7654 32 was frozen.",
            "IBAN",
            "GB82WEST12345698765432",
        ),
        ("The SWIFT code is BNMXMXMM.", "BIC", "BNMXMXMM"),
        (
            "Paid to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa.",
            "CRYPTO",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        ),
        (
            "Paid to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4.",
            "CRYPTO",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        ),
        (
            "Paid to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.",
            "CRYPTO",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
        ),
        (
            "USDT went to TNtGirfEwTGTd3BbqPEqoXt7pV2Mz7XZD5.",
            "CRYPTO",
            "TNtGirfEwTGTd3BbqPEqoXt7pV2Mz7XZD5",
        ),
        ("The tanker (IMO 9074729) sailed.", "VESSEL", "IMO 9074729"),
        ("Its MMSI 636019825 went dark.", "VESSEL", "MMSI 636019825"),
        ("A Learjet registered as XA-UQP landed.", "VESSEL", "XA-UQP"),
        ("The plane, tail number N512RX, landed.", "VESSEL", "N512RX"),
        (
            "The case, No. 1:23-cr-00123, was sealed.",
            "CASE",
            "1:23-cr-00123",
        ),
        (
            "Abrió la carpeta de investigación FED/SIN/CLN/0001234/2023.",
            "CASE",
            "FED/SIN/CLN/0001234/2023",
        ),
    ];
    for (text, label, canonical) in cases {
        assert_eq!(
            identifiers(text),
            [(label.to_string(), canonical.to_string())],
            "{text}"
        );
    }
}

#[test]
fn checksums_that_fail_and_look_alikes_do_not_match() {
    for text in [
        "Account GB82 WEST 1234 5698 7654 33 was frozen.",
        "Account DE89 3704 0044 0532 0130 01 was frozen.",
        "The SWIFT code is BNMXZZMM.",
        "A BUSINESS ANALYST spoke.",
        "Paid to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb.",
        "Paid to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5.",
        "Paid to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD.",
        "USDT went to TNtGirfEwTGTd3BbqPEqoXt7pV2Mz7XZD6.",
        "The tanker (IMO 9074728) sailed.",
        "Its MMSI 136019825 went dark.",
        "Route N512 runs north.",
        "Sales rose 12.5 pct to 1,234 million in 1986-1987.",
        "The meeting is on 2024-03-05 at 10:30.",
        "Prices were $555-1234 a ton.",
        "Numbers 619 555 0147 without a phone word.",
        "(012) 555-0147 is no North American number.",
    ] {
        assert_eq!(identifiers(text), [], "{text}");
    }
}

#[test]
fn a_phone_number_is_never_also_a_figure() {
    let tagged = common::tagger().annotate(Article::new(
        "Couriers called +52 664 218 4407, (619) 555-0147 and tel. 664 218 4407.",
    ));
    let labels: Vec<&str> = tagged.entities.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["PHONE", "PHONE", "PHONE"]);
}

/// A pattern file in `dir`, with these rows.
fn pattern_file(dir: &Path, name: &str, rows: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, rows).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn user_patterns_tag_and_bad_rows_are_reported_with_their_line() {
    let dir = common::scratch("user-patterns");
    let file = pattern_file(
        &dir,
        "p.tsv",
        "# radicados de la Fiscalía colombiana\n\
         RADICADO\tradicado\\s+\\d{5}-\\d{2}\tcase-insensitive,word,digits\n\
         WALLET\tT[1-9A-HJ-NP-Za-km-z]{33}\tword,validate=tron\n",
    );
    let input = dir.join("a.jsonl");
    fs::write(
        &input,
        r#"{"id":"a","text":"El Radicado 11001-60 cita TNtGirfEwTGTd3BbqPEqoXt7pV2Mz7XZD5 y TNtGirfEwTGTd3BbqPEqoXt7pV2Mz7XZD6."}"#,
    )
    .unwrap();
    let out = common::dossier_stdout(&["tag", "-q", "--patterns", &file, input.to_str().unwrap()]);
    let record = &common::records(&out)[0];
    let tags: Vec<(&str, &str)> = record["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["label"].as_str().unwrap(),
                e["canonical"].as_str().unwrap_or(""),
            )
        })
        .collect();
    // The built-in TRON check and the user's row agree on the span; the built-in wins.
    assert_eq!(
        tags,
        [
            ("RADICADO", "1100160"),
            ("CRYPTO", "TNtGirfEwTGTd3BbqPEqoXt7pV2Mz7XZD5")
        ]
    );

    let bad = pattern_file(&dir, "bad.tsv", "OK\tabc\nORG\tx\nBAD\t(unclosed\n");
    let check = common::dossier(&["lexicon", "check", "--patterns", &bad]);
    assert!(!check.status.success());
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(
        stdout.contains(&format!("{bad}:2: label 'ORG' is a built-in label")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{bad}:3: bad regex: regex parse error")),
        "{stdout}"
    );
    assert!(stdout.contains("2 problem(s)"), "{stdout}");
}

#[test]
fn a_lexicon_directory_may_hold_patterns_and_a_hostile_one_is_refused() {
    let dir = common::scratch("patterns-dir");
    pattern_file(
        &dir,
        "patterns.tsv",
        "DOCKET\t\\d{2}-[A-Z]{2}-\\d{4}\nHUGE\t(?:\\w{50}){50}{50}\n",
    );
    let check = common::dossier(&["lexicon", "check", "--lexicons", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("patterns.tsv:2: bad regex"), "{stdout}");
    assert!(stdout.contains("DOCKET"), "{stdout}");
}

fn search(index: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search", "--index", index.to_str().unwrap(), "--json"];
    all.extend(args);
    serde_json::from_slice(&common::dossier_stdout(&all)).unwrap()
}

#[test]
fn identifiers_are_filed_filtered_and_searched_in_the_corpus() {
    let dir = common::scratch("identifier-index").join("index");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    common::dossier_stdout(&[
        "index",
        "-q",
        "--index",
        dir.to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]);
    let facets = search(
        &dir,
        &[
            "*",
            "--facet",
            "identifier",
            "--filter",
            "identifier=CRYPTO",
        ],
    );
    let ids: Vec<&str> = facets["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["corpus-39"]);
    let by_phone = search(&dir, &["*", "--filter", "identifier=+16195550143"]);
    assert_eq!(by_phone["total"], 1, "{by_phone}");
    assert_eq!(by_phone["hits"][0]["id"], "corpus-40");
    let by_case = search(&dir, &["identifier:\"3:25-cr-00417\""]);
    assert_eq!(by_case["hits"][0]["id"], "corpus-40", "{by_case}");
}
