//! Facts on the corpus: one per figure, and every citation checks out: the sentence is the
//! text between its offsets, and the figure lies inside it.

mod common;

use std::path::Path;

use dossier::sink::record::FactRecord;
use dossier::sink::table::{FactRow, Table};
use dossier::{Action, Article};

fn corpus_articles() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut articles = Vec::new();
    for name in [
        "articles.jsonl",
        "wire-2019-2022.jsonl",
        "wire-2023-2026.jsonl",
    ] {
        let content = std::fs::read_to_string(dir.join(name)).unwrap();
        for line in content.lines() {
            articles.push(serde_json::from_str(line).unwrap());
        }
    }
    articles
}

/// `text[start..end]` in code points, as a Python user would slice it.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn every_figure_has_a_fact_whose_citation_checks_out() {
    let mut facts_seen = 0;
    for article in corpus_articles() {
        let tagged = common::tagger().annotate(article.clone());
        let figures = tagged
            .entities
            .iter()
            .filter(|e| e.label.is_figure())
            .count();
        assert_eq!(tagged.facts.len(), figures, "{:?}", article.id);
        for record in FactRecord::all(&tagged) {
            let sentence = slice(&article.text, record.sentence_start, record.sentence_end);
            assert_eq!(sentence, record.sentence, "{}", record.fact_id);
            assert_eq!(
                slice(&article.text, record.start, record.end),
                record.figure_text
            );
            assert!(
                record.sentence_start <= record.start && record.end <= record.sentence_end,
                "{}: the figure is outside its sentence",
                record.fact_id
            );
            assert!(!sentence.trim().is_empty() && sentence.trim() == sentence);
            facts_seen += 1;
        }
    }
    assert!(facts_seen > 500, "{facts_seen}");
}

#[test]
fn the_fact_table_opens_as_csv_and_filters_hold() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let out = common::dossier(&[
        "facts",
        corpus.to_str().unwrap(),
        "--item",
        "fentanyl",
        "--unit",
        "kg",
        "--min",
        "100",
        "-q",
    ]);
    assert!(out.status.success());
    let mut csv = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_string).collect();
    let columns: Vec<&str> = FactRow::COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(header, columns);
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    let column = |name: &str| columns.iter().position(|h| *h == name).unwrap();
    for row in &rows {
        let item = format!(
            "{} {}",
            &row[column("item")],
            &row[column("item_canonical")]
        );
        assert!(item.to_lowercase().contains("fentanyl"), "{row:?}");
        assert_eq!(&row[column("unit_base")], "kg");
        assert!(row[column("value_base")].parse::<f64>().unwrap() >= 100.0);
        // Every row cites its sentence, which contains its figure.
        assert!(row[column("sentence")].contains(&row[column("figure_text")]));
    }
    let md = common::dossier(&[
        "facts",
        corpus.to_str().unwrap(),
        "--format",
        "md",
        "--action",
        "extradited",
        "-q",
    ]);
    let md = String::from_utf8(md.stdout).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert!(
        lines.len() > 2 && lines[0].starts_with("| published |"),
        "{md}"
    );
    assert!(
        lines[2..]
            .iter()
            .all(|l| l.starts_with("| ") && l.ends_with(" |"))
    );
}

#[test]
fn grouped_claims_account_for_every_fact_once() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = |extra: &[&str]| {
        let mut args = vec!["facts", corpus.to_str().unwrap(), "--format", "jsonl", "-q"];
        args.extend(extra);
        common::records(&common::dossier(&args).stdout)
    };
    let facts = run(&[]);
    let claims = run(&["--group"]);
    assert!(claims.len() < facts.len(), "some claims merge");
    let mut cited: Vec<String> = Vec::new();
    for claim in &claims {
        let citations = claim["citations"].as_array().unwrap();
        let mut articles: Vec<&str> = citations
            .iter()
            .map(|c| c["doc_id"].as_str().unwrap())
            .collect();
        articles.sort_unstable();
        articles.dedup();
        assert_eq!(
            claim["count"].as_u64().unwrap() as usize,
            articles.len(),
            "a claim counts the articles that report it"
        );
        cited.extend(
            citations
                .iter()
                .map(|c| c["fact_id"].as_str().unwrap().to_string()),
        );
        // A merged claim's reports agree on what, what happened and when.
        if citations.len() > 1 {
            assert!(
                claim["action"].is_string() && claim["period_start"].is_string(),
                "{claim}"
            );
        }
    }
    cited.sort();
    let mut all: Vec<String> = facts
        .iter()
        .map(|f| f["fact_id"].as_str().unwrap().to_string())
        .collect();
    all.sort();
    assert_eq!(cited, all);
    assert!(
        claims
            .iter()
            .any(|c| !c["conflicts"].as_array().unwrap().is_empty())
    );
}

/// The fact row of the figure written `figure_text` in `text`.
fn fact_of(text: &str, figure_text: &str) -> FactRecord {
    let tagged = common::tagger().annotate(Article::new(text));
    FactRecord::all(&tagged)
        .into_iter()
        .find(|r| r.figure_text == figure_text)
        .unwrap_or_else(|| panic!("no fact for {figure_text} in {text}"))
}

#[test]
fn a_price_or_a_value_is_of_the_thing_priced_or_valued() {
    let per = fact_of("Dealers sell them for $5 per tablet in Phoenix.", "$5");
    assert_eq!(
        (per.item.as_deref(), per.action),
        (Some("tablet"), Some(Action::Sold))
    );
    let worth = fact_of(
        "The tablets seized would be worth between $930,000 and $1.5 million.",
        "$930,000 and $1.5 million",
    );
    assert_eq!(worth.item.as_deref(), Some("tablets"));
    let valued = fact_of(
        "Officials valued the drugs at more than $528 million.",
        "$528 million",
    );
    assert_eq!(valued.item.as_deref(), Some("drugs"));
    let penalty = fact_of(
        "The bank agreed to a criminal penalty of $402 million.",
        "$402 million",
    );
    assert_eq!(
        (penalty.item.as_deref(), penalty.action),
        (Some("criminal penalty"), Some(Action::Fined))
    );
    let spent = fact_of(
        "The company spent more than $60 million on new systems.",
        "$60 million",
    );
    assert_eq!(spent.action, Some(Action::Paid));
}

#[test]
fn a_share_is_reported_and_things_are_seized_not_arrested() {
    let share = fact_of(
        "About 80 percent of the heroin seized at the border came from Mexico.",
        "80 percent",
    );
    assert_eq!(share.action, Some(Action::Reported));
    let rise = fact_of("Seizures rose 27 percent in 2024.", "27 percent");
    assert_eq!(rise.action, Some(Action::Increase));
    let things = fact_of(
        "He was detained at the port with three pistols hidden in a speaker box.",
        "three",
    );
    assert_eq!(things.action, Some(Action::Seized));
    let people = fact_of("Police detained three suspects at the port.", "three");
    assert_eq!(people.action, Some(Action::Arrested));
}

#[test]
fn a_sentence_that_lists_or_values_a_haul_shares_its_event() {
    let text = "Marines seized a go-fast boat off Oaxaca on Monday. The boat carried 1,200 \
                kilograms of cocaine. The Navy valued the load at $30 million.";
    assert_eq!(
        fact_of(text, "1,200 kilograms").action,
        Some(Action::Seized)
    );
    assert_eq!(fact_of(text, "$30 million").action, Some(Action::Seized));
    // A sentence that lists nothing takes no event from the one before.
    let apart = "Marines seized a go-fast boat off Oaxaca on Monday. The port has 12 berths.";
    assert_eq!(fact_of(apart, "12").action, None);
}

#[test]
fn a_body_named_by_its_kind_is_the_organization_last_named() {
    let text = "Trans-Pecos Commercial Bank agreed to plead guilty on Tuesday. In a statement, \
                the bank said it had hired 200 compliance staff.";
    assert_eq!(
        fact_of(text, "200").attributed_to.as_deref(),
        Some("Trans-Pecos Commercial Bank")
    );
    let figures = "The Drug Enforcement Administration opened the case. Agency figures show \
                   4,800 pounds of fentanyl were seized in 2021.";
    assert_eq!(
        fact_of(figures, "4,800 pounds").attributed_to.as_deref(),
        Some("Drug Enforcement Administration")
    );
}

#[test]
fn a_figure_that_names_nothing_counts_what_the_figure_before_it_counted() {
    let text = "The army dismantled 116 clandestine labs in the state between January and \
                April, compared with 74 in the same period of 2020, an increase of about 57%.";
    assert_eq!(
        fact_of(text, "74").item.as_deref(),
        Some("clandestine labs")
    );
    assert_eq!(
        fact_of(text, "57%").item.as_deref(),
        Some("clandestine labs")
    );
    let listed = "Mexico has extradited 71 people since January, including 48 last year and 23 \
                  so far this year.";
    assert_eq!(fact_of(listed, "48").item.as_deref(), Some("people"));
    assert_eq!(fact_of(listed, "23").item.as_deref(), Some("people"));
    let fugitives = "Six defendants have been arrested; three remain at large.";
    assert_eq!(
        fact_of(fugitives, "three").item.as_deref(),
        Some("defendants")
    );
    // A mass takes a mass's item, not a count's.
    let masses = "Agents seized 41 tons of cocaine this year, against 33 tons in the same \
                  period of last year.";
    assert_eq!(fact_of(masses, "33 tons").item.as_deref(), Some("cocaine"));
}

#[test]
fn a_time_is_never_what_a_figure_counts() {
    let fiscal = "Seizures of methamphetamine reached 68,000 pounds in fiscal year 2019.";
    assert_ne!(
        fact_of(fiscal, "68,000 pounds").item.as_deref(),
        Some("fiscal year")
    );
    let monthly = "Recruits earn about 14,000 pesos a month.";
    assert_eq!(fact_of(monthly, "14,000 pesos").item, None);
    let level = "Killings peaked at 236 in October, then fell to 203 in November.";
    assert_eq!(fact_of(level, "236").item.as_deref(), Some("Killings"));
    assert_eq!(fact_of(level, "203").item.as_deref(), Some("Killings"));
    let spanish_value = "La Semar estimó que el cargamento tendría un valor superior a los 480 \
                         millones de pesos.";
    assert_eq!(
        fact_of(spanish_value, "480 millones de pesos")
            .item
            .as_deref(),
        Some("cargamento")
    );
    let per_pound = "The cell charged between $1,500 and $2,200 per pound of methamphetamine.";
    assert_eq!(
        fact_of(per_pound, "$1,500 and $2,200").item.as_deref(),
        Some("methamphetamine")
    );
    let sale = "The complaint describes a sale of 25 rifles for $37,500 in a parking lot.";
    assert_eq!(fact_of(sale, "$37,500").item.as_deref(), Some("rifles"));
    let named_before = "The cutter offloaded 17,400 kilograms of cocaine in San Diego. One \
                        semi-submersible carried nearly 4,900 kilograms on its own.";
    assert_eq!(
        fact_of(named_before, "4,900 kilograms").item.as_deref(),
        Some("cocaine")
    );
    let the_drug = "Fentanyl seizures rose again. CBP seized more than 7,000 pounds of the drug \
                    at the state's ports.";
    assert_eq!(
        fact_of(the_drug, "7,000 pounds").item.as_deref(),
        Some("Fentanyl")
    );
    let adjectival = "Boarding teams detained 31 suspected smugglers.";
    assert_eq!(
        fact_of(adjectival, "31").item.as_deref(),
        Some("suspected smugglers")
    );
}

#[test]
fn a_figure_that_locates_describes_or_points_back_reports_no_event_of_its_sentence() {
    let distance = "Marines seized 1,300 kilograms of cocaine from a boat about 150 nautical \
                    miles off the coast of Oaxaca.";
    assert_eq!(fact_of(distance, "150 nautical miles").action, None);
    assert_eq!(
        fact_of(distance, "1,300 kilograms").action,
        Some(Action::Seized)
    );
    let adjective = "Agents seized blue tablets made to look like 30-milligram oxycodone.";
    assert_eq!(fact_of(adjective, "30-milligram").action, None);
    let indictment = "Prosecutors charged them in a 31-count indictment.";
    assert_eq!(fact_of(indictment, "31").action, Some(Action::Charged));
    let definite = "The fighting between the two halves of the cartel has killed more than \
                    1,200 people.";
    assert_eq!(fact_of(definite, "two").action, None);
    assert_eq!(fact_of(definite, "1,200").action, Some(Action::Killed));
    let population = "Gunmen killed 19 officers in Celaya, a city of about 530,000 people.";
    assert_eq!(fact_of(population, "530,000").action, None);
    assert_eq!(fact_of(population, "19").action, Some(Action::Killed));
}

#[test]
fn ratios_changes_and_money_take_the_event_their_words_give() {
    let ratio = "Roughly seven of every ten killings have occurred in Culiacán.";
    assert_eq!(fact_of(ratio, "ten").action, Some(Action::Reported));
    let fewer = "Se registraron 204 víctimas, 31 por ciento menos que en 2025.";
    assert_eq!(
        fact_of(fewer, "31 por ciento").action,
        Some(Action::Decrease)
    );
    let raising = "The plan calls for raising inspections at the ports by 25%.";
    assert_eq!(fact_of(raising, "25%").action, Some(Action::Increase));
    let moved = "According to Treasury, the network moved at least $18 million in two years.";
    assert_eq!(
        fact_of(moved, "$18 million").action,
        Some(Action::Laundered)
    );
    let committed = "The United States committed $48 million to that program.";
    assert_eq!(fact_of(committed, "$48 million").action, Some(Action::Paid));
    let spent = "The buyers spent more than $178,000 on rifles and ammunition.";
    assert_eq!(fact_of(spent, "$178,000").action, Some(Action::Bought));
    let streets = "The DEA said it took more than 60 million fake pills off the streets.";
    assert_eq!(fact_of(streets, "60 million").action, Some(Action::Seized));
}

#[test]
fn a_source_is_who_says_counts_or_estimates_and_a_body_is_the_organization_of_that_name() {
    let chamber = "A business chamber in Culiacán estimated that about 1,300 companies have \
                   closed since September.";
    assert_eq!(
        fact_of(chamber, "1,300").attributed_to.as_deref(),
        Some("business chamber")
    );
    let forces = "Federal security forces say they have arrested more than 1,100 people.";
    assert_eq!(
        fact_of(forces, "1,100").attributed_to.as_deref(),
        Some("Federal security forces")
    );
    // "the bank" is the bank named before, though a regulator was named after it.
    let bank = "Trans-Pecos Commercial Bank agreed to plead guilty. The Office of the \
                Comptroller of the Currency fined it too. In a statement, the bank said it had \
                hired 200 compliance staff.";
    assert_eq!(
        fact_of(bank, "200").attributed_to.as_deref(),
        Some("Trans-Pecos Commercial Bank")
    );
    let spanish = "La Secretaría de Marina aseguró mil 870 kilos de cocaína. La dependencia \
                   informó que detuvo a cuatro personas.";
    assert_eq!(
        fact_of(spanish, "cuatro").attributed_to.as_deref(),
        Some("Secretaría de Marina")
    );
    let none = "Agents seized 40 rifles in a warehouse.";
    assert_eq!(fact_of(none, "40").attributed_to, None);
}

#[test]
fn the_tag_output_writes_facts_exactly_as_serde_does() {
    let mut articles = corpus_articles();
    // Control characters, fractions, ranges, periods and qualifiers.
    articles.push(Article::new(
        "Agents seized about 2.75 tons\u{8} of cocaine and 1/3 of the \u{c}cargo in March \
         2024, between $1.5 million and $2.25 million, \"nearly\" 12.5% more.\u{1}",
    ));
    for article in articles {
        let tagged = common::tagger().annotate(article);
        let records = FactRecord::all(&tagged);
        let mut by_hand = Vec::new();
        dossier::sink::jsonl::write_facts(&mut by_hand, &records);
        let by_serde = serde_json::to_vec(&records).unwrap();
        assert_eq!(
            String::from_utf8(by_hand).unwrap(),
            String::from_utf8(by_serde).unwrap()
        );
    }
}

#[test]
fn an_account_or_wallet_a_sum_moved_through_is_its_item() {
    let account = "The company wired $1.2 million from account GB82 WEST 1234 5698 7654 32 in \
                   March.";
    assert_eq!(
        fact_of(account, "$1.2 million").item.as_deref(),
        Some("GB82 WEST 1234 5698 7654 32")
    );
    // An account named further on is not what the sum was.
    let later = "The company wired $1.2 million in March; its account GB82 WEST 1234 5698 7654 \
                 32 was frozen.";
    assert_ne!(
        fact_of(later, "$1.2 million").item.as_deref(),
        Some("GB82 WEST 1234 5698 7654 32")
    );
}
