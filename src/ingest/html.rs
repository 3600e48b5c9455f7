//! An HTML file is one article: its text is the page's visible text (tags removed, entities
//! decoded, block elements on lines of their own, scripts and styles dropped), its title the
//! `<title>` (or the first `<h1>`), its id the file name. Offsets in the output refer to this
//! extracted text, which the output does not repeat: keep the input to check a mention.

/// Elements whose content is not text.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "figcaption",
    "title",
];

/// The visible text of `html` and its title.
pub fn visible_text(html: &str) -> (String, Option<String>) {
    let mut text = String::with_capacity(html.len() / 2);
    let mut title: Option<String> = None;
    let mut heading: Option<String> = None;
    let mut capture: Option<(&str, usize)> = None; // element whose text is being captured
    let mut skipping: Option<String> = None;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if skipping.is_none() {
            push_text(&mut text, &rest[..open]);
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..close];
        rest = &after[close + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue; // comments, doctype
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(skipped) = &skipping {
            if closing && *skipped == name {
                skipping = None;
            }
            continue;
        }
        if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            skipping = Some(name);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) && !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        match (closing, name.as_str(), capture) {
            (false, "title" | "h1", None) => {
                capture = Some((if name == "title" { "title" } else { "h1" }, text.len()))
            }
            (true, n, Some((open_name, from))) if n == open_name => {
                let captured = text[from..].trim().to_string();
                if open_name == "title" {
                    // The title is metadata, not body text.
                    text.truncate(from);
                    title.get_or_insert(captured);
                } else {
                    heading.get_or_insert(captured);
                }
                capture = None;
            }
            _ => {}
        }
    }
    if skipping.is_none() {
        push_text(&mut text, rest);
    }
    let text = text.trim().to_string();
    (text, title.filter(|t| !t.is_empty()).or(heading))
}

/// Appends text with its entities decoded and runs of white space (no-break spaces too)
/// collapsed to one space.
fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        push_spaced(out, &rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        match end.and_then(|e| decode_entity(&after[..e]).map(|c| (e, c))) {
            Some((e, c)) => {
                push_spaced(out, c.encode_utf8(&mut [0; 4]));
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    push_spaced(out, rest);
}

fn push_spaced(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn decode_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => {
            let code = name.strip_prefix('#')?;
            let value = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(value)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_title_and_entities() {
        let html = "<!DOCTYPE html><html><head><title>Seizure &amp; arrests</title>\
                    <script>var x = '<p>';</script></head><body><h1>Big seizure</h1>\
                    <p>ATF agents seized 40&nbsp;rifles in Nogales &#8212; officials said.</p>\
                    <p>The <b>Sinaloa Cartel</b>’s men fled.</p></body></html>";
        let (text, title) = visible_text(html);
        assert_eq!(title.as_deref(), Some("Seizure & arrests"));
        assert_eq!(
            text,
            "Big seizure\nATF agents seized 40 rifles in Nogales — officials said.\nThe Sinaloa Cartel’s men fled."
        );
    }
}
