//! Folding: the lower-cased, accent-free, punctuation-unified view of a text that every matcher
//! reads, with the alignment back to the original bytes.
//!
//! Matching needs "Cártel", "CÁRTEL" and "Cartel" to look alike, and "’s" to look like "'s",
//! but every hit must still point into the original text. `tokenizers`' `NormalizedString`
//! keeps that alignment through Unicode normalization, but it costs about a microsecond per
//! call, far too slow to push every byte of a corpus through it. So folding has three speeds:
//!
//! * ASCII text (most newswire) is lower-cased in place: offsets map 1:1 and no alignment table
//!   is built at all;
//! * the common non-ASCII punctuation of news (curly quotes, dashes, no-break spaces) maps to one
//!   ASCII byte by a table;
//! * every other run of non-ASCII characters (accented names, ligatures, other scripts) goes
//!   through `tokenizers` (NFKD, lower-case, strip accents), and its alignment is kept.

use std::sync::OnceLock;

use tokenizers::normalizers::{Lowercase, NFKD, StripAccents};
use tokenizers::tokenizer::normalizer::Range;
use tokenizers::{NormalizedString, Normalizer};

/// A folded copy of a text and the way back to the original's byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    text: String,
    /// For each byte of `text`: the original byte range of the character it came from.
    /// `None` when the original is ASCII and offsets are the same in both.
    alignment: Option<Vec<(u32, u32)>>,
}

impl Folded {
    /// Folds `original`; see the module documentation for what folding does.
    pub fn new(original: &str) -> Folded {
        if original.is_ascii() {
            let folded: Vec<u8> = original.bytes().map(fold_ascii).collect();
            return Folded {
                text: String::from_utf8(folded).expect("folding ASCII gives ASCII"),
                alignment: None,
            };
        }
        fold_mixed(original)
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether offsets in the folded text equal offsets in the original.
    pub fn is_identity(&self) -> bool {
        self.alignment.is_none()
    }

    /// Maps a byte range of the folded text to the byte range of the original it came from.
    /// `start < end` must hold and both must lie on character boundaries of the folded text.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.alignment {
            None => (start, end),
            Some(map) => (map[start].0 as usize, map[end - 1].1 as usize),
        }
    }

    /// Maps a byte range of the original to the folded bytes that came from it: what a
    /// pattern that must read the original (case matters in a checksummed address) gives
    /// the stages that work on the folded text. Empty when no folded byte lies inside.
    pub fn to_folded(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.alignment {
            None => (start, end),
            Some(map) => (
                map.partition_point(|r| (r.0 as usize) < start),
                map.partition_point(|r| (r.1 as usize) <= end),
            ),
        }
    }

    /// The original byte offset where the folded character at `pos` begins.
    pub fn original_start(&self, pos: usize) -> usize {
        match &self.alignment {
            None => pos,
            Some(map) => map[pos].0 as usize,
        }
    }
}

/// Folds a name from a lexicon or a pattern table exactly as text is folded, so that both sides
/// of a comparison agree.
pub fn fold(s: &str) -> String {
    Folded::new(s).text
}

/// ASCII folding: lower case, and every kind of whitespace becomes a space (news text breaks
/// lines inside names).
fn fold_ascii(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' => b + 32,
        b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => b' ',
        other => other,
    }
}

/// The one-character replacements for frequent non-ASCII punctuation, so that common news
/// typography never reaches the slow path.
fn fold_punctuation(c: char) -> Option<u8> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{00B4}' | '\u{0060}' => b'\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => b'"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => b'-',
        '\u{00A0}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{0085}' => b' ',
        '\u{2026}' => b'.',
        // The fraction slash of "½" once decomposed ("1⁄2"), so fractions read as "1/2".
        '\u{2044}' => b'/',
        _ => return None,
    })
}

fn fold_mixed(original: &str) -> Folded {
    let mut text = String::with_capacity(original.len());
    let mut map: Vec<(u32, u32)> = Vec::with_capacity(original.len());
    let mut chars = original.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        // "2½" is two and a half, not "21/2": a fraction glued to a digit is set apart.
        if is_vulgar_fraction(c) && text.ends_with(|d: char| d.is_ascii_digit()) {
            text.push(' ');
            map.push((i as u32, end as u32));
        }
        if c.is_ascii() {
            text.push(fold_ascii(c as u8) as char);
            map.push((i as u32, end as u32));
        } else if let Some(b) = fold_punctuation(c) {
            text.push(b as char);
            map.push((i as u32, end as u32));
        } else if let Some(folded) = latin_fold(c) {
            text.push_str(folded);
            map.extend(std::iter::repeat_n((i as u32, end as u32), folded.len()));
        } else {
            // Gather the run of characters that need Unicode normalization.
            let mut run_end = end;
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii() || fold_punctuation(d).is_some() || latin_fold(d).is_some() {
                    break;
                }
                run_end = j + d.len_utf8();
                chars.next();
            }
            fold_unicode_run(&original[i..run_end], i, &mut text, &mut map);
        }
    }
    Folded {
        text,
        alignment: Some(map),
    }
}

/// "½", "¾", "⅓", "⅛" and the other precomposed fractions, which fold to "1/2", "3/4", ….
fn is_vulgar_fraction(c: char) -> bool {
    matches!(c, '\u{00BC}'..='\u{00BE}' | '\u{2150}'..='\u{215E}' | '\u{2189}')
}

/// The Latin letters of European languages (U+0080 to U+024F: "á", "ñ", "ç", "ø", "ł") are
/// most of the non-ASCII letters in this news. Each is folded once, by `tokenizers` itself,
/// into a table, so a Spanish name costs a lookup per letter instead of a normalizer run.
/// (Folding is per character: NFKD, lower case and stripping marks never look at neighbours.)
fn latin_fold(c: char) -> Option<&'static str> {
    const FIRST: u32 = 0x80;
    const END: u32 = 0x250;
    static TABLE: OnceLock<Vec<String>> = OnceLock::new();
    let code = c as u32;
    if !(FIRST..END).contains(&code) {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        (FIRST..END)
            .map(|code| {
                let mut folded = String::new();
                if let Some(ch) = char::from_u32(code) {
                    fold_unicode_run(ch.encode_utf8(&mut [0; 4]), 0, &mut folded, &mut Vec::new());
                }
                folded
            })
            .collect()
    });
    Some(&table[(code - FIRST) as usize])
}

/// Normalizes one run of non-ASCII characters with `tokenizers`, appending the result and its
/// alignment (shifted by `offset`, the run's place in the original).
fn fold_unicode_run(run: &str, offset: usize, text: &mut String, map: &mut Vec<(u32, u32)>) {
    let mut normalized = NormalizedString::from(run);
    let steps: [&dyn Normalizer; 3] = [&NFKD, &Lowercase, &StripAccents];
    for step in steps {
        // These three normalizers cannot fail: they only map and filter characters.
        if step.normalize(&mut normalized).is_err() {
            break;
        }
    }
    let folded = normalized.get();
    for (j, c) in folded.char_indices() {
        let end = j + c.len_utf8();
        let (os, oe) = normalized
            .convert_offsets(Range::Normalized(j..end))
            .map(|r| (r.start, r.end))
            .unwrap_or((0, run.len()));
        // A character that normalization turned into punctuation is unified like the rest.
        let unified = match fold_punctuation(c) {
            Some(b) => b as char,
            None if c.is_whitespace() => ' ',
            None => c,
        };
        text.push(unified);
        for _ in 0..unified.len_utf8() {
            map.push(((offset + os) as u32, (offset + oe.max(os + 1)) as u32));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The original text behind each folded character.
    fn aligned(original: &str) -> (String, Vec<String>) {
        let folded = Folded::new(original);
        let pieces = folded
            .as_str()
            .char_indices()
            .map(|(i, c)| {
                let (s, e) = folded.to_original(i, i + c.len_utf8());
                original[s..e].to_string()
            })
            .collect();
        (folded.as_str().to_string(), pieces)
    }

    #[test]
    fn fractions_fold_to_digits_and_a_slash_set_apart_from_a_whole_number() {
        let (text, pieces) = aligned("2½ tons, ⅓ of it");
        assert_eq!(text, "2 1/2 tons, 1/3 of it");
        assert_eq!(pieces[1..5], ["½", "½", "½", "½"]);
        assert_eq!(pieces[12..15], ["⅓", "⅓", "⅓"]);
    }

    #[test]
    fn ascii_is_lower_cased_in_place() {
        let folded = Folded::new("The CJNG\nmoved");
        assert!(folded.is_identity());
        assert_eq!(folded.as_str(), "the cjng moved");
    }

    #[test]
    fn accents_case_quotes_and_dashes_fold_with_alignment() {
        let (text, pieces) = aligned("“Cártel”–ﬁn\u{a0}É");
        assert_eq!(text, "\"cartel\"-fin e");
        assert_eq!(pieces[0], "“");
        assert_eq!(pieces[2], "á");
        assert_eq!(pieces[9], "ﬁ", "both letters of a ligature point to it");
        assert_eq!(pieces[10], "ﬁ");
        assert_eq!(pieces[13], "É");
    }

    #[test]
    fn a_span_maps_back_to_its_original_bytes() {
        let original = "la Fiscalía General — FGR";
        let folded = Folded::new(original);
        let start = folded.as_str().find("fiscalia").unwrap();
        let (s, e) = folded.to_original(start, start + "fiscalia general".len());
        assert_eq!(&original[s..e], "Fiscalía General");
    }

    #[test]
    fn the_latin_table_agrees_with_tokenizers() {
        for code in 0x80..0x250u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut direct = String::new();
            fold_unicode_run(c.encode_utf8(&mut [0; 4]), 0, &mut direct, &mut Vec::new());
            if fold_punctuation(c).is_none() {
                assert_eq!(Folded::new(&c.to_string()).as_str(), direct, "U+{code:04X}");
            }
        }
        // Runs fold as their letters do: a decomposed accent after a table letter.
        assert_eq!(fold("Ñe\u{301}"), "ne");
    }

    #[test]
    fn names_fold_like_text() {
        assert_eq!(
            fold("Cártel de Jalisco Nueva Generación"),
            "cartel de jalisco nueva generacion"
        );
        assert_eq!(fold("AK‑47"), "ak-47");
    }
}
