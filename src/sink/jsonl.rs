//! The tag-output JSONL line of the contract: the article's fields, its entities with code
//! point offsets, and its facts.
//!
//! Written by hand rather than through serde's derive: the line is a fixed shape, and this
//! writer is several times cheaper per entity, which matters when output is a tenth of the
//! work. Unknown input fields are written back with serde_json.

use std::io::Write;

use serde_json::{Map, Value as Json};

use super::Sink;
use super::record::FactRecord;
use crate::entity::{Entity, Value};
use crate::error::Error;
use crate::tagged::Tagged;
use crate::text::offsets::bytes_to_code_points;

/// Writes each tagged article as one line of the tag output.
pub struct JsonlSink<W: Write> {
    out: W,
    line: Vec<u8>,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing to `out` (buffer it: lines are written one `write_all` each).
    pub fn new(out: W) -> JsonlSink<W> {
        JsonlSink {
            out,
            line: Vec::new(),
        }
    }

    /// Writes a line made by [`encode`].
    pub fn write_encoded(&mut self, line: &[u8]) -> Result<(), Error> {
        self.out.write_all(line).map_err(output_error)
    }

    /// Flushes the output and gives it back.
    pub fn into_inner(mut self) -> Result<W, Error> {
        self.out.flush().map_err(output_error)?;
        Ok(self.out)
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn write(&mut self, tagged: &Tagged) -> Result<(), Error> {
        self.line.clear();
        write_line(tagged, &mut self.line);
        self.out.write_all(&self.line).map_err(output_error)
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.out.flush().map_err(output_error)
    }
}

/// The line of `tagged`, newline included: made on the worker threads, so that writing in
/// input order is only a copy.
pub fn encode(tagged: &Tagged) -> Vec<u8> {
    let mut line = Vec::with_capacity(tagged.article.text.len() / 2 + 256);
    write_line(tagged, &mut line);
    line
}

/// An error writing the output (a closed pipe among them: its `source` tells).
pub(crate) fn output_error(source: std::io::Error) -> Error {
    Error::Io {
        context: "writing the output".to_string(),
        source,
    }
}

/// Appends `s` as a JSON string.
fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let needs_escape = |b: &u8| *b == b'"' || *b == b'\\' || *b < 0x20;
    if !bytes.iter().any(needs_escape) {
        // Most strings need no escaping: copy them whole.
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        if escape.is_empty() {
            let _ = write!(out, "\\u{:04x}", b);
        } else {
            out.extend_from_slice(escape);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

fn optional_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A figure's value: integers without a fraction ("11000000", not "11000000.0").
fn number(out: &mut Vec<u8>, n: f64) {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        let _ = write!(out, "{}", n as i64);
    } else if n.is_finite() {
        let _ = write!(out, "{n}");
    } else {
        out.extend_from_slice(b"null");
    }
}

/// `"key":` after a comma (or `{` for the first field).
fn key(out: &mut Vec<u8>, first: bool, name: &str) {
    out.push(if first { b'{' } else { b',' });
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// Appends the output line of `tagged` and a newline to `out`.
pub fn write_line(tagged: &Tagged, out: &mut Vec<u8>) {
    write_fields(tagged, tagged.article.read_from_file, out);
    out.extend_from_slice(b"}\n");
}

/// Appends the tag output's object without its closing brace, so that another output can add
/// fields to the same record (the OpenSearch export does); `with_text` writes the article's
/// text after its title.
pub fn write_fields(tagged: &Tagged, with_text: bool, out: &mut Vec<u8>) {
    let article = &tagged.article;
    key(out, true, "id");
    optional_string(out, article.id.as_deref());
    key(out, false, "title");
    optional_string(out, article.title.as_deref());
    if with_text {
        key(out, false, "text");
        string(out, &article.text);
    }
    for (name, field) in [
        ("url", &article.url),
        ("published", &article.published),
        ("source", &article.source),
    ] {
        key(out, false, name);
        optional_string(out, field.as_deref());
    }
    write_extra(out, &article.extra);
    key(out, false, "entities");
    write_entities(out, &article.text, &tagged.entities);
    key(out, false, "facts");
    write_facts(out, &FactRecord::all(tagged));
}

/// Appends the JSON array of `facts`, byte for byte what serde writes for them (a test holds
/// the two equal), by hand: the facts repeat their sentences and are most of the output's
/// bytes, and serde's escaping and field-by-field calls cost a tenth of all tagging.
pub fn write_facts(out: &mut Vec<u8>, facts: &[FactRecord]) {
    out.push(b'[');
    for (n, fact) in facts.iter().enumerate() {
        if n > 0 {
            out.push(b',');
        }
        write_fact(out, fact);
    }
    out.push(b']');
}

fn write_fact(out: &mut Vec<u8>, f: &FactRecord) {
    key(out, true, "fact_id");
    string(out, &f.fact_id);
    let _ = write!(out, ",\"start\":{},\"end\":{}", f.start, f.end);
    key(out, false, "figure_text");
    string(out, &f.figure_text);
    for (name, value) in [("value", f.value), ("value_max", f.value_max)] {
        key(out, false, name);
        fact_number(out, value);
    }
    key(out, false, "unit");
    optional_string(out, f.unit.as_deref());
    key(out, false, "qualifier");
    optional_string(out, f.qualifier.map(|q| q.as_str()));
    key(out, false, "value_base");
    fact_number(out, f.value_base);
    key(out, false, "unit_base");
    optional_string(out, f.unit_base.as_ref().map(|u| u.as_str()));
    key(out, false, "item");
    optional_string(out, f.item.as_deref());
    key(out, false, "item_canonical");
    optional_string(out, f.item_canonical.as_deref());
    key(out, false, "item_label");
    optional_string(out, f.item_label.map(|l| l.as_str()));
    key(out, false, "action");
    optional_string(out, f.action.map(|a| a.as_str()));
    key(out, false, "period");
    optional_string(out, f.period.as_deref());
    for (name, day) in [
        ("period_start", f.period_start),
        ("period_end", f.period_end),
    ] {
        key(out, false, name);
        match day {
            Some(day) => {
                let _ = write!(out, "\"{day}\"");
            }
            None => out.extend_from_slice(b"null"),
        }
    }
    key(out, false, "place");
    optional_string(out, f.place.as_deref());
    key(out, false, "attributed_to");
    optional_string(out, f.attributed_to.as_deref());
    key(out, false, "sentence");
    string(out, &f.sentence);
    let _ = write!(
        out,
        ",\"sentence_start\":{},\"sentence_end\":{}}}",
        f.sentence_start, f.sentence_end
    );
}

/// A fact's number as `FactRecord` serializes it: an integer without a fraction, else the
/// shortest float serde writes.
fn fact_number(out: &mut Vec<u8>, n: Option<f64>) {
    match n {
        Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
            let _ = write!(out, "{}", n as i64);
        }
        // Writing a finite float to memory cannot fail.
        Some(n) if n.is_finite() => serde_json::to_writer(&mut *out, &n).expect("a float"),
        _ => out.extend_from_slice(b"null"),
    }
}

/// Appends the JSON array of `entities` (byte offsets into `text`, sorted) with code point
/// offsets, as the tag output has it.
pub fn write_entities(out: &mut Vec<u8>, text: &str, entities: &[Entity]) {
    let mut offsets: Vec<usize> = entities.iter().flat_map(|e| [e.start, e.end]).collect();
    bytes_to_code_points(text, &mut offsets);
    out.push(b'[');
    for (n, (e, cp)) in entities.iter().zip(offsets.chunks_exact(2)).enumerate() {
        if n > 0 {
            out.push(b',');
        }
        write_entity(out, text, e, cp[0], cp[1]);
    }
    out.push(b']');
}

fn write_entity(out: &mut Vec<u8>, text: &str, e: &Entity, start: usize, end: usize) {
    let _ = write!(out, "{{\"start\":{start},\"end\":{end}");
    key(out, false, "text");
    string(out, &text[e.start..e.end]);
    key(out, false, "label");
    string(out, e.label.as_str());
    key(out, false, "canonical");
    optional_string(out, e.canonical());
    if let Some(sense) = &e.sense {
        if let Some(category) = &sense.category {
            key(out, false, "category");
            string(out, category);
        }
        if let Some(kb_id) = &sense.kb_id {
            key(out, false, "kb_id");
            string(out, kb_id);
        }
    }
    key(out, false, "value");
    match &e.value {
        Some(Value::Number(n)) => number(out, *n),
        Some(Value::Date(d)) => string(out, d),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(max) = e.value_max {
        key(out, false, "value_max");
        number(out, max);
    }
    key(out, false, "unit");
    optional_string(out, e.unit.as_deref());
    key(out, false, "qualifier");
    optional_string(out, e.qualifier.map(|q| q.as_str()));
    out.push(b'}');
}

/// The input's unknown fields, carried to the output as they were.
fn write_extra(out: &mut Vec<u8>, extra: &Map<String, Json>) {
    for (name, value) in extra {
        if matches!(name.as_str(), "entities" | "facts") {
            continue; // ours replace an input's own
        }
        out.push(b',');
        string(out, name);
        out.push(b':');
        // Writing a parsed JSON value to memory cannot fail.
        serde_json::to_writer(&mut *out, value).expect("serializing to memory");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::entity::{Label, Qualifier, Sense};

    #[test]
    fn the_line_is_valid_json_with_code_point_offsets() {
        let article: Article = serde_json::from_str(
            r#"{"id":"a\"1","text":"El “Cártel” pagó $2.5 million\n.","lang":"es","n":[1,2]}"#,
        )
        .unwrap();
        let text = article.text.clone();
        let cartel = text.find("Cártel").unwrap();
        let money = text.find('$').unwrap();
        let mut figure = Entity::new(money, money + "$2.5 million".len(), Label::MONEY);
        figure.value = Some(Value::Number(2_500_000.0));
        figure.unit = Some("USD".into());
        figure.qualifier = Some(Qualifier::About);
        let entities = vec![
            Entity::new(cartel, cartel + "Cártel".len(), Label::ORG).with_sense(Sense {
                canonical: "Cartel \\ \"X\"".into(),
                category: Some("cartel".into()),
                kb_id: None,
            }),
            figure,
        ];
        let facts = crate::facts::link(&article, &entities);
        let tagged = Tagged {
            article,
            entities,
            facts,
        };
        let line = encode(&tagged);
        let text = &tagged.article.text;
        assert!(line.ends_with(b"\n"));
        let parsed: serde_json::Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(parsed["id"], "a\"1");
        assert_eq!(parsed["lang"], "es");
        assert_eq!(parsed["n"], serde_json::json!([1, 2]));
        assert_eq!(parsed["title"], serde_json::Value::Null);
        let chars: Vec<char> = text.chars().collect();
        for e in parsed["entities"].as_array().unwrap() {
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                chars[s..t].iter().collect::<String>(),
                e["text"].as_str().unwrap()
            );
        }
        assert_eq!(parsed["entities"][0]["canonical"], "Cartel \\ \"X\"");
        assert_eq!(parsed["entities"][1]["value"], 2_500_000);
        assert_eq!(parsed["entities"][1]["qualifier"], "about");
        // The figure's fact cites it by code points, like the entities.
        let fact = &parsed["facts"][0];
        assert_eq!(fact["figure_text"], parsed["entities"][1]["text"]);
        assert_eq!(fact["start"], parsed["entities"][1]["start"]);
        assert_eq!(fact["value"], 2_500_000);
    }
}
