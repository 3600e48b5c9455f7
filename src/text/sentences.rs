//! Sentences of an article's original text, so that a fact can cite the one it comes from.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) before a
//! space and a capital, a digit or an opening quote, and at every line break. It does not end
//! after an abbreviation ("Gen.", "Dr.", "Jan.", "No.", and "U.S." before a name), nor inside
//! a quotation that is still open: `“We seized it. We will go on,” he said.` is one sentence,
//! because the figure in the quote belongs with who said it. A quotation left open at the end
//! of a paragraph (the news convention for a quote that goes on) closes with the paragraph.

use std::ops::Range;

use super::is_abbreviation;

/// The byte ranges of the sentences of `text`, in order, trimmed of white space, never empty.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

/// Closing marks that may follow the end of a sentence: "… seized.”" or "… (2024).".
fn closes(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')' | ']' | '»'
    )
}

/// What may start a sentence after a break.
fn opens(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '¿' | '¡' | '(' | '‘' | '«')
}

/// Words that start a sentence after "U.S." rather than continue a name.
fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "There"
            | "Officials"
            | "Authorities"
            | "La"
            | "El"
            | "Los"
            | "Las"
    )
}

fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<Range<usize>>) {
    let line = &text[from..to];
    let mut start = 0;
    let mut in_quote = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '“' | '«' => in_quote = true,
            '”' | '»' => in_quote = false,
            '"' => in_quote = !in_quote,
            '.' | '!' | '?' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, next)) = chars.peek() {
                    if !closes(next) {
                        break;
                    }
                    match next {
                        '”' | '»' => in_quote = false,
                        '"' => in_quote = !in_quote,
                        _ => {}
                    }
                    end = j + next.len_utf8();
                    chars.next();
                }
                if in_quote || !ends_sentence(line, i, c, end) {
                    continue;
                }
                push(from, line, start, end, out);
                start = end;
            }
            _ => {}
        }
    }
    push(from, line, start, line.len(), out);
}

/// Whether the mark `c` at `at`, closed at `end`, ends a sentence of `line`.
fn ends_sentence(line: &str, at: usize, c: char, end: usize) -> bool {
    let rest = &line[end..];
    if !rest.starts_with(char::is_whitespace) && !rest.is_empty() {
        return false;
    }
    let next_word: &str = rest
        .trim_start()
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    if let Some(first) = next_word.chars().next()
        && !opens(first)
    {
        return false;
    }
    if c != '.' {
        return true;
    }
    let before = &line[..at];
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    let word = before[word_start..].to_lowercase();
    if !is_abbreviation(&word) {
        return true;
    }
    // "U.S." and other initials end a sentence only before a word that opens one.
    word.chars().count() == 1 && is_sentence_opener(next_word)
}

fn push(offset: usize, line: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &line[start..end];
    let trimmed = piece.trim_start();
    let lead = piece.len() - trimmed.len();
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        let s = offset + start + lead;
        out.push(s..s + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split(
                "Gen. Joseph Votel spoke on Jan. 5 in St. Louis. U.S. officials agreed. Dr. Ruiz left."
            ),
            [
                "Gen. Joseph Votel spoke on Jan. 5 in St. Louis.",
                "U.S. officials agreed.",
                "Dr. Ruiz left."
            ]
        );
        assert_eq!(
            split("Guns bought in the U.S. The agency traced 3.5 million."),
            ["Guns bought in the U.S.", "The agency traced 3.5 million."]
        );
    }

    #[test]
    fn quotes_stay_with_their_speaker_and_lines_end_sentences() {
        let text = "“We seized 300 kilograms. It is a record,” said Ana Torres. He left.\n\
                    Headline Without A Period\n\n“Another quote that goes on.\n\n\
                    Is it over?” she asked. ¿Quién sabe? Nadie.";
        assert_eq!(
            split(text),
            [
                "“We seized 300 kilograms. It is a record,” said Ana Torres.",
                "He left.",
                "Headline Without A Period",
                "“Another quote that goes on.",
                "Is it over?” she asked.",
                "¿Quién sabe?",
                "Nadie."
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            split("It rose 3.5% to $1.2 billion. the end? yes."),
            ["It rose 3.5% to $1.2 billion. the end? yes."]
        );
    }
}
