//! The tagger never panics on input and always keeps the offset contract, whatever the text:
//! thousands of generated texts mixing names, numbers, currency, punctuation, combining marks,
//! ligatures, emoji and right-to-left script.

mod common;

use dossier::Article;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Sinaloa",
    "Cartel",
    "CJNG",
    "AK-47s",
    "U.S.",
    "Mexico",
    "Gen.",
    "Joseph",
    "Votel",
    "the",
    "and",
    "of",
    "(",
    ")",
    "(SIG)",
    "Security",
    "Group",
    "$",
    "US$",
    "€",
    "2.5",
    "11",
    "million",
    "1,200",
    "kilograms",
    "%",
    "percent",
    "-",
    "–",
    "—",
    "to",
    "between",
    "over",
    "nearly",
    "March",
    "5,",
    "2024",
    "Dec.",
    "the past year",
    "’s",
    "“",
    "”",
    "\"",
    "'",
    ".",
    ",",
    ";",
    ":",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "é",
    "e\u{301}",
    "ﬁ",
    "2½",
    "½",
    "¾\n",
    "İ",
    "ß",
    "😀",
    "مرحبا",
    "北京",
    "\u{200e}",
    "\u{a0}",
    "x",
    "7.62x39mm",
    ".50",
    "caliber",
    "rifles",
    "pesos",
    "one",
    "twenty",
    "-five",
    "dozen",
    "a",
    "www.example.org/a.",
    "http://",
    "USS",
    "Hopper",
    "(DDG",
    "70)",
    "near",
    "Ayn",
    "Isa",
    "Coalition",
    "forces",
    "Iraqi",
    "President",
    "María",
    "José",
    "de",
    "la",
    "al-",
    "Abu",
    "0",
    "00",
    "999999999999999999999999",
    "1e9",
    "§",
    "No.",
    "aged",
    "Thanksgiving",
];

#[test]
fn generated_texts_never_break_the_tagger() {
    let tagger = common::tagger();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..5000 {
        let len = 1 + (rng.next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| {
                let piece = rng.pick(PIECES);
                if rng.next().is_multiple_of(3) {
                    piece.to_string()
                } else {
                    format!("{piece} ")
                }
            })
            .collect();
        let entities = tagger.annotate(Article::new(text.as_str())).entities;
        let mut last_end = 0;
        for e in &entities {
            assert!(
                e.start < e.end && e.end <= text.len(),
                "round {round}: {text:?}"
            );
            assert!(
                text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
                "round {round}: {text:?}"
            );
            assert!(e.start >= last_end, "round {round}: overlap in {text:?}");
            last_end = e.end;
        }
    }
}

#[test]
fn degenerate_texts_give_nothing_or_something_sane() {
    let tagger = common::tagger();
    for text in [
        "", " ", "\n\n\n", "$", "%", "-", "(", "()", "(A)", "’s", "e\u{301}", "\u{301}", "ﬁ",
        "😀😀", "0", "...",
    ] {
        let entities = tagger.annotate(Article::new(text)).entities;
        for e in &entities {
            assert!(e.start < e.end && e.end <= text.len(), "{text:?}");
        }
    }
}

/// The most bytes a fact may cite: a sentence of a few hundred words, or the window around its
/// figure that a longer sentence gives.
const CITED_MAX: usize = 2_000;

/// Tags `text` and checks what must hold however long or dense it is: one fact per figure,
/// each citing a bounded stretch of text at its figure. Gives what must grow no faster
/// than the text: the entities, the facts, and the bytes the facts cite.
fn tag_bounded(text: &str) -> [usize; 3] {
    let tagged = common::tagger().annotate(Article::new(text));
    let figures = tagged
        .entities
        .iter()
        .filter(|e| e.label.is_figure())
        .count();
    assert_eq!(tagged.facts.len(), figures);
    for fact in &tagged.facts {
        // A figure can run past the end of its sentence ("… 5. 3 million"), never beside it.
        assert!(
            fact.sentence.start < fact.end && fact.start < fact.sentence.end,
            "{:?} misses its figure {}..{}",
            fact.sentence,
            fact.start,
            fact.end
        );
        assert!(
            fact.sentence.len() <= CITED_MAX,
            "a fact cites {} bytes",
            fact.sentence.len()
        );
    }
    let cited = tagged.facts.iter().map(|f| f.sentence.len()).sum();
    [tagged.entities.len(), tagged.facts.len(), cited]
}

/// Tags the text `make` gives for `n` and for `2 n`: twice the text gives at most 2.2 times
/// the entities, facts and cited bytes. Gives the counts for `n`.
fn grows_linearly(make: impl Fn(usize) -> String, n: usize) -> [usize; 3] {
    let once = tag_bounded(&make(n));
    let twice = tag_bounded(&make(2 * n));
    for (a, b) in once.iter().zip(&twice) {
        assert!(b * 10 <= a * 22, "{once:?} for {n}, then {twice:?}");
    }
    once
}

#[test]
fn generated_long_texts_keep_every_fact_bounded() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..40 {
        let text: String = (0..2_000)
            .map(|_| {
                let mut piece = rng.pick(PIECES);
                // Sentences seldom end, so that they run past any window.
                if piece.contains(['.', '\n']) && !rng.next().is_multiple_of(8) {
                    piece = ",";
                }
                if rng.next().is_multiple_of(3) {
                    piece.to_string()
                } else {
                    format!("{piece} ")
                }
            })
            .collect();
        tag_bounded(&text);
    }
}

#[test]
fn a_sentence_dense_with_figures_cites_a_window_per_figure() {
    let [_, facts, _] = grows_linearly(|n| "more than 5 ".repeat(n), 3_000);
    assert_eq!(facts, 3_000);
}

#[test]
fn a_run_of_digits_and_commas_cites_a_window_per_figure() {
    let [_, facts, _] = grows_linearly(|n| "1,".repeat(n), 10_000);
    assert!(facts >= 5_000, "{facts} facts");
}

#[test]
fn a_long_article_of_ordinary_sentences_grows_linearly() {
    const SENTENCES: &[&str] = &[
        "The Drug Enforcement Administration (DEA) said agents seized 300 kilograms of \
         cocaine in Texas last year. ",
        "Col. David Lyons said 14 people were arrested on Tuesday, according to the DEA. ",
        "Violence by the Sinaloa and Jalisco New Generation cartels rose 27% in 2023, Lyons \
         said. ",
        "The Ministry of Defence paid $2.5 million to the Security Implementation Group \
         (SIG), the SIG said.\n",
    ];
    let article = |n: usize| -> String { (0..n).map(|i| SENTENCES[i % SENTENCES.len()]).collect() };
    let [entities, facts, _] = grows_linearly(article, 2_000);
    assert!(
        facts >= 2_000 && entities >= 6_000,
        "{entities} entities, {facts} facts"
    );
}

#[test]
fn a_run_of_capitalized_words_is_no_name_of_its_length() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let words: Vec<&str> = (0..40_000)
        .map(|_| {
            rng.pick(&[
                "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Group", "Agency", "Bureau",
                "Ministry", "Of", "Cartel", "Cartels", "And",
            ])
        })
        .collect();
    let runs = [
        |n: usize| "The Big Red Agency Of Things ".repeat(n),
        |n: usize| "Sinaloa and Gulf Cartels and ".repeat(n),
    ];
    for make in runs {
        grows_linearly(make, 2_000);
    }
    grows_linearly(|n| words[..n].join(" "), 20_000);
    for text in [
        "The Big Red Agency Of Things ".repeat(2_000),
        words.join(" "),
    ] {
        let tagged = common::tagger().annotate(Article::new(text.as_str()));
        for e in &tagged.entities {
            let words = text[e.start..e.end].split(' ').count();
            assert!(words <= 40, "a {} of {words} words", e.label.as_str());
        }
    }
}
