//! The bytes of a saved page as text, decoded as a browser decodes them: by a byte-order mark,
//! else by the charset the page declares (`<meta charset>` or the `http-equiv` Content-Type
//! header), else as UTF-8. Crawls hold many pages in windows-1252 or ISO-8859-1; read as
//! UTF-8 their accented letters would be lost or refuse the page.

use encoding_rs::Encoding;

/// How far into a page a charset declaration is looked for. Browsers prescan the first
/// kilobyte and switch encodings on a later `<meta>` in the head; a head's scripts and styles
/// can push it well past that.
const DECLARATION_WINDOW: usize = 16 * 1024;

/// The page's text, or why it cannot be decoded: a page that declares no charset and is not
/// UTF-8 is refused rather than guessed at.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok(decoded(encoding, &bytes[bom..]));
    }
    if let Some(encoding) = declared(bytes) {
        return Ok(decoded(encoding, bytes));
    }
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!(
            "not valid UTF-8 (byte {}), and the page declares no charset",
            e.utf8_error().valid_up_to()
        )
    })
}

/// `bytes` in `encoding`, bytes that are not replaced by U+FFFD as a browser shows them.
fn decoded(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding the first `<meta>` with a charset names, if it is one a browser knows. A page
/// can only declare an ASCII-compatible encoding this way: UTF-16 names mean UTF-8.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lowered = head.to_ascii_lowercase();
    let mut rest = lowered.as_slice();
    while let Some(start) = find(rest, b"<meta") {
        let tag = &rest[start..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        if let Some(encoding) = charset(&tag[..end]).and_then(Encoding::for_label) {
            return Some(encoding.output_encoding());
        }
        rest = &tag[end..];
    }
    None
}

/// The value after `charset=` in a tag's attributes (`charset="windows-1252"`, or
/// `content="text/html; charset=iso-8859-1"`).
fn charset(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")?;
    let value = tag[at + b"charset".len()..]
        .iter()
        .position(|&b| b != b' ' && b != b'=' && b != b'"' && b != b'\'')
        .map(|skip| &tag[at + b"charset".len() + skip..])?;
    let end = value
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b"-_.:+".contains(&b)))
        .unwrap_or(value.len());
    (end > 0).then(|| &value[..end])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><p>Jos\xe9 \x93Pepe\x94</p>";
        assert!(decode(page).unwrap().contains("José “Pepe”"));
        let header =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
                       <p>Espa\xf1a</p>";
        assert!(decode(header).unwrap().contains("España"));
        // A UTF-16 declaration in an ASCII-compatible page means UTF-8, as in a browser.
        assert!(
            decode("<meta charset=utf-16><p>ñ</p>".as_bytes())
                .unwrap()
                .contains('ñ')
        );
    }

    #[test]
    fn undeclared_pages_are_utf8_or_refused() {
        assert_eq!(
            decode("<p>Culiacán</p>".as_bytes()).unwrap(),
            "<p>Culiacán</p>"
        );
        let bom = b"\xef\xbb\xbf<p>x</p>";
        assert_eq!(decode(bom).unwrap(), "<p>x</p>");
        let err = decode(b"<p>\xff\xfe</p>").unwrap_err();
        assert!(err.starts_with("not valid UTF-8 (byte 3)"), "{err}");
        // An unknown charset is no declaration.
        assert!(decode(b"<meta charset=klingon><p>\xff</p>").is_err());
    }
}
