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
