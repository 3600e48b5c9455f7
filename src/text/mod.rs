//! The text layer: folding with alignment, word tokens, and offset conversion.

pub mod fold;
pub mod offsets;
pub mod sentences;
pub mod word_hash;

pub use fold::{Folded, fold};

/// A word: a maximal run of letters and digits in the folded text (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// An article's text as the matchers see it: the original, its folded view and the words of
/// the folded view. Built once per article; every stage reads it.
#[derive(Debug)]
pub struct Doc<'a> {
    pub original: &'a str,
    pub folded: Folded,
    pub words: Vec<Word>,
    /// Whether each word starts with an upper-case letter in the original text; every stage
    /// asks, so it is worked out once.
    capitalized: Vec<bool>,
    /// Whether each word sits on a headline-style line, where most words are capitalized
    /// ("Mission Firewall: A Critical Assessment of the …") and capitals say nothing of names.
    headline: Vec<bool>,
}

impl<'a> Doc<'a> {
    pub fn new(original: &'a str) -> Doc<'a> {
        let folded = Folded::new(original);
        let words = split_words(folded.as_str());
        let capitalized: Vec<bool> = if folded.is_identity() {
            let bytes = original.as_bytes();
            words
                .iter()
                .map(|w| bytes[w.start].is_ascii_uppercase())
                .collect()
        } else {
            words
                .iter()
                .map(|w| {
                    let s = folded.original_start(w.start);
                    original[s..].chars().next().is_some_and(char::is_uppercase)
                })
                .collect()
        };
        let headline = headline_words(original, &folded, &words, &capitalized);
        Doc {
            original,
            folded,
            words,
            capitalized,
            headline,
        }
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        self.folded.as_str()
    }

    /// The folded text of word `i`.
    pub fn word(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.text()[w.start..w.end]
    }

    /// The original text behind the folded byte range `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> &'a str {
        let (s, e) = self.folded.to_original(start, end);
        &self.original[s..e]
    }

    /// The original text of word `i`, with its case and accents.
    pub fn original_word(&self, i: usize) -> &'a str {
        let w = self.words[i];
        let (s, e) = self.folded.to_original(w.start, w.end);
        &self.original[s..e]
    }

    /// Whether word `i` starts with an upper-case letter in the original text.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.capitalized[i]
    }

    /// Whether word `i` is on a headline-style line (see the `headline` field).
    pub fn in_headline(&self, i: usize) -> bool {
        self.headline[i]
    }

    /// Whether word `i` has letters and all of them are upper-case in the original text.
    pub fn is_all_caps(&self, i: usize) -> bool {
        let w = self.original_word(i);
        w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
    }

    /// The folded text between word `i - 1` (or the start) and word `i`.
    pub fn gap_before(&self, i: usize) -> &str {
        let from = if i == 0 { 0 } else { self.words[i - 1].end };
        &self.text()[from..self.words[i].start]
    }

    /// The folded text between word `i` and word `i + 1` (or the end).
    pub fn gap_after(&self, i: usize) -> &str {
        let to = self.words.get(i + 1).map_or(self.text().len(), |w| w.start);
        &self.text()[self.words[i].end..to]
    }

    /// The index of the first word that starts at or after folded byte `pos`.
    pub fn word_from(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.start < pos)
    }

    /// The index of the word starting exactly at `pos`, if any.
    pub fn word_starting_at(&self, pos: usize) -> Option<usize> {
        let i = self.word_from(pos);
        (self.words.get(i)?.start == pos).then_some(i)
    }

    /// The index of the word ending exactly at `pos`, if any.
    pub fn word_ending_at(&self, pos: usize) -> Option<usize> {
        let i = self.words.partition_point(|w| w.end < pos);
        (self.words.get(i)?.end == pos).then_some(i)
    }

    /// Whether word `i` continues the name that word `i - 1` is part of: only a space or a
    /// hyphen lies between them, after the period of an initial ("U.S.-Mexico", "J. Townsend"),
    /// with quotes allowed around nicknames when `quotes` is set ("John “J.D.” Dorrian").
    pub fn continues_name(&self, i: usize, quotes: bool) -> bool {
        if i == 0 {
            return false;
        }
        let mut gap = self.gap_before(i);
        if quotes {
            gap = gap.trim_matches(['"', '\'']);
            if gap.contains(['"', '\'']) {
                gap = "";
            }
        }
        if self.word(i - 1).chars().count() == 1 {
            gap = gap.strip_prefix('.').unwrap_or(gap);
        }
        matches!(gap, " " | "-" | "" | " \"" | "\" ")
            && !(gap.is_empty() && self.gap_before(i).is_empty())
    }

    /// Whether a word character (letter or digit) sits just before folded byte `pos`.
    pub fn word_char_before(&self, pos: usize) -> bool {
        self.text()[..pos]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
    }

    /// Whether a word character (letter or digit) sits at folded byte `pos`.
    pub fn word_char_at(&self, pos: usize) -> bool {
        self.text()[pos..].chars().next().is_some_and(is_word_char)
    }

    /// Whether word `i` begins a sentence or a line: only opening punctuation lies between it
    /// and a sentence end, a line break or the start of the text. A period after an
    /// abbreviation ("U.S.", "Gen.") does not end a sentence.
    pub fn starts_sentence(&self, i: usize) -> bool {
        if i == 0 {
            return !self.gap_before(0).contains(['.', '!', '?']);
        }
        let prev = self.words[i - 1];
        let gap_start = self.folded.to_original(prev.start, prev.end).1;
        let gap_end = self.folded.original_start(self.words[i].start);
        if gap_start <= gap_end && self.original[gap_start..gap_end].contains('\n') {
            return true;
        }
        let gap = self
            .gap_before(i)
            .trim_end_matches([' ', '"', '\'', '(', '[', '-']);
        if gap.ends_with(['!', '?', ':', ';']) {
            return true;
        }
        gap.ends_with('.') && !is_abbreviation(self.word(i - 1))
    }
}

/// Marks the words of headline-style lines: 4 to 25 words that begin with a letter, at least
/// 70% of them capitalized, and no closing punctuation.
fn headline_words(
    original: &str,
    folded: &Folded,
    words: &[Word],
    capitalized: &[bool],
) -> Vec<bool> {
    let mut marks = vec![false; words.len()];
    // The current line: its first word, and how many of its words begin with a letter and
    // how many of those are capitalized.
    let (mut line_start, mut lettered, mut caps) = (0, 0usize, 0usize);
    let mut line_end_byte = 0;
    let mut close_line = |from: usize, to: usize, lettered: usize, caps: usize| {
        if !(4..=25).contains(&lettered) || caps * 10 < lettered * 7 {
            return;
        }
        // A headline has no closing punctuation: "… Forces Group, Fort Campbell, Kentucky." is
        // a sentence full of names.
        let last = folded.to_original(words[to - 1].start, words[to - 1].end).1;
        let rest = original[last..].split('\n').next().unwrap_or("").trim_end();
        if !rest.ends_with(['.', '!', '?', '"', '\u{201d}', ')', ';', ':', ',']) {
            marks[from..to].iter_mut().for_each(|m| *m = true);
        }
    };
    for (i, w) in words.iter().enumerate() {
        let (start, end) = folded.to_original(w.start, w.end);
        // Words can share an original character ("2½" folds to "21⁄2"): no gap then.
        let gap = original.get(line_end_byte..start).unwrap_or("");
        if i > 0 && gap.contains('\n') {
            close_line(line_start, i, lettered, caps);
            (line_start, lettered, caps) = (i, 0, 0);
        }
        line_end_byte = end;
        if !folded.as_str().as_bytes()[w.start].is_ascii_digit() {
            lettered += 1;
            caps += usize::from(capitalized[i]);
        }
    }
    if !words.is_empty() {
        close_line(line_start, words.len(), lettered, caps);
    }
    marks
}

/// Words that take a period without ending a sentence: single letters (initials, "U.S.") and
/// the titles and month abbreviations of news text.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    word.len() == 1
        || matches!(
            word,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "gen"
                | "lt"
                | "col"
                | "maj"
                | "capt"
                | "sgt"
                | "cpl"
                | "adm"
                | "cmdr"
                | "brig"
                | "rep"
                | "sen"
                | "gov"
                | "st"
                | "jr"
                | "sr"
                | "no"
                | "vs"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "inc"
                | "corp"
                | "co"
                | "ltd"
                | "spc"
                | "pfc"
                | "prof"
        )
}

/// Letters and digits make words; everything else separates them.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn split_words(text: &str) -> Vec<Word> {
    let mut words = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    if text.is_ascii() {
        for (i, &b) in bytes.iter().enumerate() {
            match (b.is_ascii_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push(Word { start: s, end: i });
                    start = None;
                }
                _ => {}
            }
        }
    } else {
        for (i, c) in text.char_indices() {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push(Word { start: s, end: i });
                    start = None;
                }
                _ => {}
            }
        }
    }
    if let Some(s) = start {
        words.push(Word {
            start: s,
            end: text.len(),
        });
    }
    words
}
