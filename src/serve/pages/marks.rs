//! Text with its entities marked: one `<mark>` per entity, carrying its label as
//! `data-label` (for the legend's colours, users' scripts and tests) and what is known of it
//! as a tooltip; and a search snippet with its matched terms marked. All text is escaped by
//! maud.

use std::ops::Range;

use maud::{Markup, html};

use crate::entity::{Entity, Value};
use crate::sink::record::format_number;

/// `text` with `entities` (byte offsets, sorted, not overlapping) marked, and the `cited`
/// byte range (a fact's sentence) wrapped in `<span class="cited" id="cited">`. An entity
/// that crosses the cited range's edge is marked in two parts.
pub(crate) fn marked_text(text: &str, entities: &[Entity], cited: Option<Range<usize>>) -> Markup {
    let cited = cited.filter(|r| r.start <= r.end && r.end <= text.len());
    let Some(cited) = cited else {
        return region(text, entities, 0..text.len());
    };
    html! {
        (region(text, entities, 0..cited.start))
        span.cited #cited { (region(text, entities, cited.clone())) }
        (region(text, entities, cited.end..text.len()))
    }
}

/// The part `range` of `text`, its entities (clipped to it) marked.
fn region(text: &str, entities: &[Entity], range: Range<usize>) -> Markup {
    let mut at = range.start;
    let mut pieces: Vec<(Range<usize>, Option<&Entity>)> = Vec::new();
    for entity in entities
        .iter()
        .filter(|e| e.end > range.start && e.start < range.end)
    {
        let start = entity.start.max(at);
        let end = entity.end.min(range.end);
        if start > at {
            pieces.push((at..start, None));
        }
        if end > start && text.is_char_boundary(start) && text.is_char_boundary(end) {
            pieces.push((start..end, Some(entity)));
            at = end;
        }
    }
    if at < range.end {
        pieces.push((at..range.end, None));
    }
    html! {
        @for (span, entity) in pieces {
            @match entity {
                Some(entity) => mark.e data-label=(entity.label.as_str()) title=(describe(entity)) { (&text[span]) },
                None => (&text[span]),
            }
        }
    }
}

/// What the tooltip says of an entity: label, canonical name, category and knowledge-base
/// id; for a figure its value, unit and qualifier.
pub(crate) fn describe(entity: &Entity) -> String {
    let mut parts = vec![entity.label.as_str().to_string()];
    if let Some(sense) = &entity.sense {
        parts.push(sense.canonical.to_string());
        parts.extend(sense.category.as_deref().map(str::to_string));
        parts.extend(sense.kb_id.as_deref().map(str::to_string));
    }
    match &entity.value {
        Some(Value::Number(n)) => {
            let mut value = String::new();
            if let Some(q) = entity.qualifier {
                value.push_str(q.as_str());
                value.push(' ');
            }
            value.push_str(&format_number(*n));
            if let Some(max) = entity.value_max {
                value.push_str(&format!("–{}", format_number(max)));
            }
            if let Some(unit) = &entity.unit {
                value.push(' ');
                value.push_str(unit);
            }
            parts.push(value);
        }
        Some(Value::Date(date)) => parts.push(date.clone()),
        None => {}
    }
    parts.join(" · ")
}

/// A snippet with its highlighted byte ranges in `<mark class="hit">`.
pub(crate) fn snippet(text: &str, highlights: &[Range<usize>]) -> Markup {
    let mut at = 0;
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    for range in highlights {
        if range.start < at
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            continue;
        }
        pieces.push((&text[at..range.start], false));
        pieces.push((&text[range.clone()], true));
        at = range.end;
    }
    pieces.push((&text[at..], false));
    html! {
        @for (piece, hit) in pieces {
            @if hit { mark.hit { (piece) } } @else { (piece) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Label;

    #[test]
    fn marks_escape_text_and_wrap_the_cited_sentence() {
        let text = "A <b> seized 5 kg. Then <script>x</script>.";
        let entities = vec![Entity::new(13, 17, Label::QUANTITY)];
        let html = marked_text(text, &entities, Some(0..18)).into_string();
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains(r#"<span class="cited" id="cited">A &lt;b&gt; seized <mark class="e" data-label="QUANTITY" title="QUANTITY">5 kg</mark>.</span>"#), "{html}");
    }

    #[test]
    fn an_entity_across_the_cited_edge_is_marked_in_two_parts() {
        let text = "one two three";
        let entities = vec![Entity::new(4, 13, Label::ORG)];
        let html = marked_text(text, &entities, Some(0..7)).into_string();
        assert_eq!(html.matches("data-label=\"ORG\"").count(), 2, "{html}");
    }
}
