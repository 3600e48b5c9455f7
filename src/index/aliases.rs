//! Query words that are another name of a lexicon entity ("fentanilo", "CJNG", "El Chapo")
//! also search the entity's canonical name, so that a query in either language, or by an
//! alias, finds the articles that name the entity otherwise: `fentanilo Sonora` is read as
//! `(fentanilo OR drug:"fentanyl") Sonora`. The canonical names are indexed per dimension
//! (`drug`, `org` …) for every article the tagger found the entity in, whatever it called it.
//! Words of the search glossary also search their equivalents: `lavado de dinero` is read as
//! `(lavado de dinero OR "money laundering" OR …)`.

use std::ops::Range;

use super::glossary::Glossary;
use super::schema::dimension_of;
use crate::lexicon::{CaseRule, Lexicon};
use crate::patterns::vocabulary::{self, FUNCTION_WORD};
use crate::text::fold::fold;

/// The longest alias, in words, looked for in a query.
const MAX_WORDS: usize = 6;

/// `query` with each run of plain words that names a lexicon entity by another name joined,
/// as an alternative, by the entity's canonical name in its dimension's field. Words in
/// quotes, after a field name and the operators are left as they are; a quoted phrase that is
/// an alias as a whole is expanded like words.
pub fn with_aliases(query: &str) -> String {
    let lexicon = Lexicon::shared();
    let mut out = String::with_capacity(query.len());
    let mut copied = 0;
    for run in runs(query) {
        let mut at = 0;
        while at < run.len() {
            let found = (1..=MAX_WORDS.min(run.len() - at)).rev().find_map(|n| {
                let span = run[at].start..run[at + n - 1].end;
                let written = &query[span.clone()];
                let mut others: Vec<String> = other_names(lexicon, written)
                    .into_iter()
                    .map(|(dimension, canonical)| format!("{dimension}:\"{canonical}\""))
                    .collect();
                let folded = fold(written.trim_matches('"'));
                others.extend(Glossary::builtin().others(&folded).into_iter().map(quoted));
                (!others.is_empty()).then_some((n, span, others))
            });
            let Some((n, span, others)) = found else {
                at += 1;
                continue;
            };
            out.push_str(&query[copied..span.start]);
            out.push('(');
            out.push_str(&query[span.clone()]);
            for other in others {
                out.push_str(" OR ");
                out.push_str(&other);
            }
            out.push(')');
            copied = span.end;
            at += n;
        }
    }
    out.push_str(&query[copied..]);
    out
}

/// A glossary term as a query writes it: a phrase in quotes.
fn quoted(term: &str) -> String {
    if term.contains(' ') {
        format!("\"{term}\"")
    } else {
        term.to_string()
    }
}

/// The (dimension, canonical name) of each entity `written` names other than by its
/// canonical name. Queries are typed in any case, so a name the lexicon matches only in its
/// own case counts in another when it is long enough not to be a common word ("cjng",
/// "sedena"; not "us", "it"); and a common word never names an entity.
fn other_names(lexicon: &Lexicon, written: &str) -> Vec<(&'static str, String)> {
    let unquoted = written.trim_matches('"');
    let folded = fold(unquoted);
    let length = folded.chars().count();
    if length < 2 {
        return Vec::new();
    }
    if !folded.contains(' ') && vocabulary::has(&folded, FUNCTION_WORD) {
        return Vec::new();
    }
    let mut names: Vec<(&'static str, String)> = Vec::new();
    for name in lexicon.lookup(&folded) {
        if name.case == CaseRule::Exact && length < 4 && name.written != unquoted {
            continue;
        }
        let (label, sense) = lexicon.entry_of(name);
        let Some(dimension) = dimension_of(label.as_str()) else {
            continue;
        };
        let canonical: String = sense
            .canonical
            .chars()
            .filter(|c| !matches!(c, '"' | '\\'))
            .collect();
        let pair = (dimension, canonical);
        if fold(&pair.1) != folded && !names.contains(&pair) {
            names.push(pair);
        }
    }
    names
}

/// The runs of plain words of a query: words separated only by white space, outside
/// quotes, not an operator, a field name or a field's value. A quoted phrase with no field
/// before it is a run of its own, as one piece. Byte ranges.
fn runs(query: &str) -> Vec<Vec<Range<usize>>> {
    let mut runs: Vec<Vec<Range<usize>>> = Vec::new();
    let mut run: Vec<Range<usize>> = Vec::new();
    let bytes = query.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = query[i..].chars().next().unwrap_or(' ');
        if c == '"' {
            let end = query[i + 1..]
                .find('"')
                .map_or(query.len(), |e| i + 1 + e + 1);
            runs.push(std::mem::take(&mut run));
            let after_field = i > 0 && bytes[i - 1] == b':';
            if !after_field && end > i + 2 && query[..end].ends_with('"') {
                runs.push(std::iter::once(i..end).collect());
            }
            i = end;
        } else if c.is_alphanumeric() {
            let end = query[i..]
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | '&')))
                .map_or(query.len(), |e| i + e);
            let word = &query[i..end];
            let field_name = query[end..].starts_with(':');
            let field_value = i > 0 && bytes[i - 1] == b':';
            let operator = matches!(word, "AND" | "OR" | "NOT" | "IN");
            if field_name || field_value || operator {
                runs.push(std::mem::take(&mut run));
            } else {
                run.push(i..end);
            }
            i = end;
        } else {
            if !c.is_whitespace() && !matches!(c, '+' | '-') || matches!(c, '^' | '~') {
                runs.push(std::mem::take(&mut run));
            }
            i += c.len_utf8();
        }
    }
    runs.push(run);
    runs.retain(|r| !r.is_empty());
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_names_of_an_entity_search_its_canonical_name_too() {
        assert_eq!(
            with_aliases("fentanilo Sonora"),
            "(fentanilo OR drug:\"fentanyl\") Sonora"
        );
        assert_eq!(
            with_aliases("CJNG payments"),
            "(CJNG OR org:\"Jalisco New Generation Cartel\") payments"
        );
        assert_eq!(
            with_aliases("lavado de dinero"),
            "(lavado de dinero OR \"money laundering\" OR laundering OR \"lavado de activos\" \
             OR \"blanqueo de capitales\" OR \"blanqueo de dinero\")"
        );
        assert_eq!(
            with_aliases("+metanfetamina -cocaína"),
            "+(metanfetamina OR drug:\"methamphetamine\") -(cocaína OR drug:\"cocaine\")"
        );
    }

    #[test]
    fn canonical_names_fields_quotes_and_operators_stay_as_written() {
        for query in [
            "fentanyl Sonora",
            "drug:fentanilo",
            "title:\"CJNG\"",
            "cartel AND weapons",
            "us and it",
            "the cartel",
            "",
            "\"unclosed",
            "((",
        ] {
            assert_eq!(with_aliases(query), query);
        }
        assert_eq!(
            with_aliases("\"metanfetamina\" lab"),
            "(\"metanfetamina\" OR drug:\"methamphetamine\") lab"
        );
    }
}
