//! Byte offsets to code point offsets, the unit of the output contract (so that Python's
//! `text[start:end]` gives the mention).

/// Converts ascending byte offsets of `text` to code point offsets in one pass.
/// `offsets` must be sorted and lie on character boundaries.
pub fn bytes_to_code_points(text: &str, offsets: &mut [usize]) {
    if text.is_ascii() {
        return;
    }
    let mut chars = 0usize;
    let mut byte = 0usize;
    let mut iter = text.char_indices().peekable();
    for offset in offsets.iter_mut() {
        while byte < *offset {
            match iter.next() {
                Some((_, c)) => {
                    byte += c.len_utf8();
                    chars += 1;
                }
                None => break,
            }
        }
        *offset = chars;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_unchanged() {
        let mut o = [0, 3, 5];
        bytes_to_code_points("hello", &mut o);
        assert_eq!(o, [0, 3, 5]);
    }

    #[test]
    fn multibyte_characters_count_once() {
        let text = "Cártel “CJNG” ok";
        let start = text.find("CJNG").unwrap();
        let mut o = [start, start + 4];
        bytes_to_code_points(text, &mut o);
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[o[0]..o[1]].iter().collect();
        assert_eq!(got, "CJNG");
    }
}
