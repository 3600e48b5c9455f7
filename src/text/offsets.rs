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
