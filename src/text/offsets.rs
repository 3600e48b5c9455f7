//! Byte offsets to code point offsets, the unit of the output contract (so that Python's
//! `text[start:end]` gives the mention).

/// Converts ascending byte offsets of `text` to code point offsets in one pass.
/// `offsets` must be sorted and lie on character boundaries.
pub fn bytes_to_code_points(text: &str, offsets: &mut [usize]) {
    if text.is_ascii() {
        return;
    }
    // Count the characters between consecutive offsets: `chars().count()` is the standard
    // library's fast counter, much quicker than walking the characters one by one.
    let (mut byte, mut chars) = (0usize, 0usize);
    for offset in offsets.iter_mut() {
        let target = (*offset).clamp(byte, text.len());
        chars += text[byte..target].chars().count();
        byte = target;
        *offset = chars;
    }
}

/// Code point offsets of byte offsets given in any order (a fact's figure lies inside its
/// sentence, so its offsets interleave with the sentence's).
pub fn code_points_of(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut sorted: Vec<usize> = order.iter().map(|&i| offsets[i]).collect();
    bytes_to_code_points(text, &mut sorted);
    let mut out = vec![0; offsets.len()];
    for (&i, cp) in order.iter().zip(sorted) {
        out[i] = cp;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_in_any_order_convert() {
        let text = "Cártel “CJNG” ok";
        let start = text.find("CJNG").unwrap();
        assert_eq!(code_points_of(text, &[start + 4, 0, start]), [12, 0, 8]);
    }

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
