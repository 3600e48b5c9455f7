//! The words and marks of one sentence, with byte offsets into the article, for the fact
//! linkers to walk left and right of a figure.

use std::ops::Range;

use super::action::{Action, action_of};
use crate::patterns::vocabulary;
use crate::text::fold::fold;

/// A word (letters, digits, and the hyphens and apostrophes inside them) or one mark.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lower case without accents: how the linkers' word lists spell it.
    pub folded: String,
    pub is_word: bool,
    /// The action this word names in `lexicons/actions.txt`, looked up once.
    pub action: Option<Action>,
}

/// The tokens of `text[range]`.
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    let piece = &text[range.clone()];
    let mut chars = piece.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = range.start + i;
        let mut end = start + c.len_utf8();
        let is_word = c.is_alphanumeric();
        if is_word {
            while let Some(&(j, next)) = chars.peek() {
                let joins = next.is_alphanumeric()
                    || (matches!(next, '-' | '’' | '\'' | '.' | ',')
                        && piece[j + next.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(|after| {
                                after.is_alphanumeric()
                                    && (next != ','
                                        || (c.is_ascii_digit() && after.is_ascii_digit()))
                            }));
                if !joins {
                    break;
                }
                end = range.start + j + next.len_utf8();
                chars.next();
            }
        }
        let written = &text[start..end];
        let folded = if written.is_ascii() {
            written.to_ascii_lowercase()
        } else {
            fold(written)
        };
        out.push(Token {
            start,
            end,
            action: if is_word { action_of(&folded) } else { None },
            folded,
            is_word,
        });
    }
    out
}

/// Small words that never make up what a figure counts.
pub fn is_function_word(word: &str) -> bool {
    vocabulary::has(word, vocabulary::FUNCTION_WORD)
}

/// A number written in digits or as a number word ("ten", "hundred", "diez").
pub fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || vocabulary::has(word, vocabulary::NUMBER | vocabulary::SPANISH_NUMBER)
}
