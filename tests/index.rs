//! `dossier index` and `dossier search` on the shipped corpus, as a user runs them: known
//! queries find their articles, facet counts agree with `dossier tag`'s output counted
//! independently, filters and dates narrow, re-indexing is idempotent, changed articles
//! replace the old ones, and bad input is reported while the rest is indexed.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use common::{dossier, records, scratch};
use serde_json::Value;

fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .display()
        .to_string()
}

/// Indexes `paths` into `index`; returns stderr (the summary).
fn index(index: &Path, paths: &[&str]) -> String {
    let mut args = vec!["index", "--index", index.to_str().unwrap()];
    args.extend(paths);
    let out = dossier(&args);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    stderr
}

/// A fresh index of the corpus.
fn corpus_index(name: &str) -> PathBuf {
    let dir = scratch(name).join("index");
    index(&dir, &[&corpus()]);
    dir
}

/// `dossier search --json` with these arguments.
fn search(index: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search", "--index", index.to_str().unwrap(), "--json"];
    all.extend(args);
    serde_json::from_slice(&common::dossier_stdout(&all)).unwrap()
}

fn hit_ids(result: &Value) -> Vec<String> {
    result["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

fn facet(result: &Value, name: &str) -> BTreeMap<String, u64> {
    result["facets"][name]
        .as_array()
        .unwrap_or_else(|| panic!("no facet {name} in {result}"))
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                v["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `dossier tag` on the corpus, counted by hand: for each facet value, how many articles
/// have it.
fn tagged_counts(value_of: impl Fn(&Value, &Value) -> Option<String>) -> BTreeMap<String, u64> {
    let out = dossier(&["tag", &corpus(), "-q"]);
    let mut counts = BTreeMap::new();
    for article in records(&out.stdout) {
        let values: BTreeSet<String> = article["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| value_of(&article, e))
            .collect();
        for value in values {
            *counts.entry(value).or_default() += 1;
        }
    }
    counts
}

fn name(entity: &Value) -> String {
    entity["canonical"]
        .as_str()
        .or(entity["text"].as_str())
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn known_queries_find_their_articles() {
    let dir = corpus_index("known");
    // Any word may match; the articles that hold them all come first.
    let tunnels = hit_ids(&search(&dir, &["\"Otay Mesa\" tunnel"]));
    assert!(
        tunnels[..2].contains(&"corpus-28".to_string()),
        "{tunnels:?}"
    );
    let both = search(&dir, &["+\"Otay Mesa\" +tunnel", "--limit", "0"]);
    assert_eq!(both["total"], 2);
    // A canonical name finds articles that only use an alias.
    let tda = hit_ids(&search(&dir, &["org:\"Tren de Aragua\"", "--limit", "50"]));
    assert!(tda.contains(&"corpus-31".to_string()), "{tda:?}");
    let cjng = search(&dir, &["\"Jalisco New Generation Cartel\"", "--limit", "0"]);
    let cjng_text = search(&dir, &["CJNG", "--limit", "0"]);
    assert!(cjng["total"].as_u64() >= cjng_text["total"].as_u64());
    // Accents and plurals do not matter.
    let accented = search(&dir, &["Culiacán", "--limit", "0"])["total"].clone();
    assert_eq!(
        search(&dir, &["culiacan", "--limit", "0"])["total"],
        accented
    );
    // Spanish articles are found by their words.
    let spanish = hit_ids(&search(&dir, &["fusiles cartuchos Zacatecas"]));
    assert_eq!(spanish[0], "corpus-37");
}

#[test]
fn facet_counts_agree_with_the_tag_output() {
    let dir = corpus_index("facets");
    let all = search(
        &dir,
        &[
            "*",
            "--limit",
            "0",
            "--facet-limit",
            "10000",
            "--facet",
            "org",
            "--facet",
            "drug",
            "--facet",
            "weapon",
            "--facet",
            "source",
            "--facet",
            "published",
        ],
    );
    assert_eq!(all["total"], 52);
    let by_label =
        |label: &'static str| tagged_counts(move |_, e| (e["label"] == label).then(|| name(e)));
    assert_eq!(facet(&all, "org"), by_label("ORG"));
    assert_eq!(facet(&all, "drug"), by_label("DRUG"));
    let categories = tagged_counts(|_, e| {
        (e["label"] == "WEAPON").then(|| e["category"].as_str().unwrap_or("other").to_string())
    });
    assert_eq!(facet(&all, "weapon"), categories);
    let sources = tagged_counts(|a, _| a["source"].as_str().map(str::to_string));
    assert_eq!(facet(&all, "source"), sources);
    let years = tagged_counts(|a, _| a["published"].as_str().map(|p| p[..4].to_string()));
    assert_eq!(facet(&all, "published"), years);
}

#[test]
fn filters_and_dates_narrow_the_results() {
    let dir = corpus_index("filters");
    let fentanyl = search(&dir, &["fentanyl", "--limit", "100"]);
    let sinaloa = search(
        &dir,
        &[
            "fentanyl",
            "--filter",
            "org=sinaloa cartel",
            "--limit",
            "100",
        ],
    );
    let (all, narrowed) = (
        fentanyl["total"].as_u64().unwrap(),
        sinaloa["total"].as_u64().unwrap(),
    );
    assert!(0 < narrowed && narrowed < all, "{narrowed} of {all}");
    for hit in sinaloa["hits"].as_array().unwrap() {
        let names: Vec<String> = hit["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(name)
            .collect();
        assert!(
            names.contains(&"Sinaloa Cartel".to_string()),
            "{}",
            hit["id"]
        );
    }
    // The facet counts of the filtered search cover its whole result set.
    assert_eq!(facet(&sinaloa, "org")["Sinaloa Cartel"], narrowed);

    // A category drills down: the weapon facet then counts the weapons in it.
    let rifles = search(
        &dir,
        &[
            "*",
            "--filter",
            "weapon=rifle",
            "--facet",
            "weapon",
            "--limit",
            "0",
            "--facet-limit",
            "1000",
        ],
    );
    let in_category = tagged_counts(|_, e| {
        (e["label"] == "WEAPON" && e["category"] == "rifle").then(|| format!("rifle/{}", name(e)))
    });
    assert_eq!(facet(&rifles, "weapon/rifle"), in_category);

    let in_2024 = search(
        &dir,
        &[
            "*",
            "--since",
            "2024-01-01",
            "--until",
            "2024-12-31",
            "--limit",
            "100",
        ],
    );
    let years = tagged_counts(|a, _| a["published"].as_str().map(|p| p[..4].to_string()));
    assert_eq!(in_2024["total"].as_u64(), years.get("2024").copied());
    for hit in in_2024["hits"].as_array().unwrap() {
        assert!(hit["published"].as_str().unwrap().starts_with("2024"));
    }
    assert_eq!(
        search(
            &dir,
            &["*", "--since", "2024", "--until", "2024", "--limit", "0"]
        )["total"],
        in_2024["total"]
    );

    let by_date = search(&dir, &["cocaine", "--sort", "date", "--limit", "100"]);
    let dates: Vec<&str> = by_date["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["published"].as_str())
        .collect();
    assert!(
        dates.len() > 3 && dates.windows(2).all(|w| w[0] >= w[1]),
        "{dates:?}"
    );
    // Pages follow one another.
    let first = hit_ids(&search(
        &dir,
        &["cocaine", "--sort", "date", "--limit", "2"],
    ));
    let second = hit_ids(&search(
        &dir,
        &["cocaine", "--sort", "date", "--limit", "2", "--offset", "2"],
    ));
    assert_eq!([first, second].concat(), hit_ids(&by_date)[..4]);
}

#[test]
fn reindexing_is_idempotent_and_changed_articles_replace_the_old() {
    let work = scratch("reindex");
    let copy = work.join("corpus.jsonl");
    fs::copy(Path::new(&corpus()).join("articles.jsonl"), &copy).unwrap();
    let dir = work.join("index");
    let first = index(&dir, &[copy.to_str().unwrap()]);
    assert!(
        first.contains("indexed 12 new, replaced 0, unchanged 0"),
        "{first}"
    );
    let again = index(&dir, &[copy.to_str().unwrap()]);
    assert!(
        again.contains("indexed 0 new, replaced 0, unchanged 12"),
        "{again}"
    );
    assert!(again.contains("now holds 12 articles"), "{again}");

    let changed = fs::read_to_string(&copy).unwrap().replacen(
        "LAREDO, Texas —",
        "LAREDO, Texas — Zebracorn.",
        1,
    );
    fs::write(&copy, changed).unwrap();
    let after = index(&dir, &[copy.to_str().unwrap()]);
    assert!(
        after.contains("indexed 0 new, replaced 1, unchanged 11"),
        "{after}"
    );
    assert!(after.contains("now holds 12 articles"), "{after}");
    assert_eq!(hit_ids(&search(&dir, &["zebracorn"])), ["corpus-01"]);
    assert_eq!(
        search(&dir, &["\"World Trade Bridge\"", "--limit", "0"])["total"],
        1
    );
}

#[test]
fn bad_input_is_reported_and_the_rest_indexed() {
    let work = scratch("bad-input");
    fs::write(
        work.join("a.jsonl"),
        "{\"id\":\"good\",\"text\":\"DEA agents seized fentanyl in Tucson.\",\"published\":\"2024-05-01\"}\n\
         {\"id\":\"broken\",\"text\":\n",
    )
    .unwrap();
    fs::write(work.join("b.html"), b"<p>\xff\xfe not UTF-8</p>").unwrap();
    fs::write(work.join("c.pdf"), "%PDF").unwrap();
    let dir = work.join("index");
    let out = dossier(&[
        "index",
        "--index",
        dir.to_str().unwrap(),
        work.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "skipped records make the run exit 1"
    );
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(summary.contains("a.jsonl:2:"), "{summary}");
    assert!(summary.contains("b.html: not valid UTF-8"), "{summary}");
    assert!(summary.contains("c.pdf: not an article file"), "{summary}");
    assert!(summary.contains("now holds 1 articles"), "{summary}");
    assert_eq!(hit_ids(&search(&dir, &["tucson"])), ["good"]);
}

#[test]
fn search_errors_say_what_to_fix() {
    let dir = corpus_index("errors");
    let run = |args: &[&str]| {
        let mut all = vec!["search", "--index", dir.to_str().unwrap()];
        all.extend(args);
        let out = dossier(&all);
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, stderr) = run(&["title:(fentanyl"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("syntax error") && stderr.contains('^'),
        "{stderr}"
    );
    let (code, stderr) = run(&["colour:red"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("'colour'") && stderr.contains("org"),
        "{stderr}"
    );
    let (code, stderr) = run(&["x", "--facet", "colour"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("unknown facet 'colour'"), "{stderr}");
    let (code, stderr) = run(&["x", "--since", "last week"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("'last week' is not a date"), "{stderr}");
    let missing = dir.with_file_name("nothing-here");
    let out = dossier(&["search", "x", "--index", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index at"));
}

#[test]
fn the_index_gives_the_facts_dossier_facts_reads_from_files() {
    let dir = corpus_index("facts");
    let run = |args: &[&str]| -> Vec<Value> {
        let out = dossier(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        records(&out.stdout)
    };
    let by_id = |rows: Vec<Value>| -> BTreeMap<String, Value> {
        rows.into_iter()
            .map(|r| (r["fact_id"].as_str().unwrap().to_string(), r))
            .collect()
    };
    let from_files = by_id(run(&["facts", &corpus(), "--format", "jsonl", "-q"]));
    let from_index = by_id(run(&[
        "facts",
        "--index",
        dir.to_str().unwrap(),
        "--format",
        "jsonl",
        "-q",
    ]));
    assert!(from_files.len() > 500);
    assert_eq!(from_index, from_files);
    // Narrowed by the search: only facts of articles that match.
    let narrowed = run(&[
        "facts",
        "--index",
        dir.to_str().unwrap(),
        "--filter",
        "org=Tren de Aragua",
        "--since",
        "2024",
        "--format",
        "jsonl",
        "-q",
    ]);
    let docs: BTreeSet<&str> = narrowed
        .iter()
        .map(|r| r["doc_id"].as_str().unwrap())
        .collect();
    assert!(docs.contains("corpus-31"), "{docs:?}");
    for row in &narrowed {
        assert!(row["published"].as_str().unwrap() >= "2024", "{row}");
    }
}

/// The facet panels a researcher reads first carry names, not junk: no title or street word
/// swallowed into a person, no quotation cut open, no time word inside an organization, no
/// generic body ("Task Force", "Mexican forces") filed as one, no district or base without its
/// name filed as a place.
#[test]
fn the_corpus_facets_hold_names_a_researcher_can_filter_on() {
    let dir = corpus_index("clean-facets");
    let result = search(
        &dir,
        &[
            "*",
            "--limit",
            "0",
            "--facet",
            "person",
            "--facet",
            "org",
            "--facet",
            "location",
            "--facet-limit",
            "1000",
        ],
    );
    let first_word = |name: &str| name.split_whitespace().next().unwrap_or("").to_string();
    let unbalanced =
        |name: &str| name.matches(['“', '"']).count() != name.matches(['”', '"']).count();
    let mut junk = Vec::new();
    for person in facet(&result, "person").keys() {
        let title_or_street = [
            "Charge",
            "Director",
            "Agent",
            "Attorney",
            "Avenida",
            "Calle",
            "Boulevard",
        ]
        .contains(&first_word(person).as_str());
        if title_or_street || unbalanced(person) {
            junk.push(format!("person {person}"));
        }
    }
    for org in facet(&result, "org").keys() {
        let words: Vec<&str> = org.split_whitespace().collect();
        let time_word = words.iter().any(|w| {
            [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ]
            .contains(w)
        });
        let generic =
            ["Task Force", "Joint Task Force", "Criminal Division"].contains(&org.as_str());
        // "Mexican forces", "U.S. government": a nation and lower-case words.
        let national_body =
            words.len() > 1 && words[1..].iter().all(|w| w.starts_with(char::is_lowercase));
        if time_word || generic || national_body || unbalanced(org) || org.starts_with("Angeles") {
            junk.push(format!("org {org}"));
        }
    }
    for place in facet(&result, "location").keys() {
        let cut_short = [
            "Naval Base",
            "Federal Highway",
            "Northern District",
            "The Southern District",
        ]
        .contains(&place.as_str());
        if cut_short || place.contains("Director") {
            junk.push(format!("location {place}"));
        }
    }
    assert!(junk.is_empty(), "facet junk: {junk:#?}");
}

/// A filter finds an entity by any name the lexicon gives it, and a name the index does not
/// hold answers with the closest ones it does.
#[test]
fn filters_resolve_aliases_and_suggest_near_names() {
    let dir = corpus_index("aliases");
    let total = |filter: &str| {
        search(&dir, &["*", "--limit", "0", "--filter", filter])["total"]
            .as_u64()
            .unwrap()
    };
    let canonical = total("org=Jalisco New Generation Cartel");
    assert!(canonical > 0);
    assert_eq!(total("org=CJNG"), canonical);
    assert!(
        total("person=El Chapo") > 0,
        "the nickname finds the person"
    );
    assert_eq!(
        total("person=El Chapo"),
        total("person=Joaquín Guzmán Loera")
    );
    let out = dossier(&[
        "search",
        "--index",
        dir.to_str().unwrap(),
        "*",
        "--filter",
        "org=Sinaloa Cartell",
    ]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("did you mean Sinaloa Cartel"), "{said}");
}

/// The ids a query finds, as a set.
fn found(dir: &Path, query: &str) -> BTreeSet<String> {
    found_with(dir, query, &[])
}

/// The ids a query with these options finds, as a set.
fn found_with(dir: &Path, query: &str, options: &[&str]) -> BTreeSet<String> {
    let mut args = vec![query, "--limit", "100"];
    args.extend(options);
    hit_ids(&search(dir, &args)).into_iter().collect()
}

#[test]
fn search_finds_an_entity_and_a_word_in_either_language() {
    let dir = corpus_index("bilingual");
    // Each article's language is a facet, and Spanish articles are the Spanish ones.
    let all = search(&dir, &["*", "--limit", "0", "--facet", "language"]);
    let languages = facet(&all, "language");
    assert_eq!(
        languages.values().sum::<u64>(),
        all["total"].as_u64().unwrap()
    );
    let filtered = found_with(&dir, "*", &["--filter", "language=spanish"]);
    assert_eq!(languages["Spanish"], filtered.len() as u64);
    for id in [
        "corpus-29",
        "corpus-34",
        "corpus-37",
        "corpus-38",
        "corpus-md-02",
    ] {
        assert!(filtered.contains(id), "{id} is not Spanish: {filtered:?}");
    }
    // A drug by its Spanish or English name finds the same articles, in both languages.
    let meth = found(&dir, "metanfetamina");
    assert_eq!(meth, found(&dir, "methamphetamine"));
    assert!(
        meth.contains("corpus-md-02") && meth.contains("corpus-19"),
        "{meth:?}"
    );
    assert_eq!(
        found(&dir, "fentanilo Sonora"),
        found(&dir, "fentanyl Sonora")
    );
    // Spanish words are stemmed the Spanish way: "aseguraron" finds "asegura" and "aseguró".
    let seized = found(&dir, "aseguraron");
    assert!(
        seized.contains("corpus-29") && seized.contains("corpus-38"),
        "{seized:?}"
    );
    assert_eq!(seized, found(&dir, "asegura"));
    // A glossary term finds its equivalents in the other language.
    let laundering = found(&dir, "lavado de dinero");
    assert!(
        laundering.contains("corpus-05") && laundering.contains("corpus-30"),
        "{laundering:?}"
    );
}
