//! The search glossary (`lexicons/glossary.txt`): sets of terms that mean the same thing to a
//! researcher, in English and Spanish ("money laundering", "lavado de dinero"; "narco sub",
//! "semi-submersible"). A query term found in it also searches the others of its set. It is
//! compiled in, like the lexicons, and read once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold::fold;

const CONTENT: &str = include_str!("../../lexicons/glossary.txt");

/// Each folded term, with the terms of its set as written.
pub struct Glossary {
    sets: Vec<Vec<&'static str>>,
    by_term: HashMap<String, usize>,
}

impl Glossary {
    /// The shipped glossary.
    pub fn builtin() -> &'static Glossary {
        static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
        GLOSSARY.get_or_init(|| Glossary::parse(CONTENT))
    }

    /// Reads rows of tab-separated terms; `#` starts a comment line. A term already in
    /// another set stays in the first (the test of the shipped file says so).
    fn parse(content: &'static str) -> Glossary {
        let mut glossary = Glossary {
            sets: Vec::new(),
            by_term: HashMap::new(),
        };
        for line in content.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let set: Vec<&str> = line
                .split('\t')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            for term in &set {
                glossary
                    .by_term
                    .entry(key(&fold(term)))
                    .or_insert(glossary.sets.len());
            }
            glossary.sets.push(set);
        }
        glossary
    }

    /// The other terms of the set `folded` (a folded term, in the singular or the plural)
    /// belongs to.
    pub fn others(&self, folded: &str) -> Vec<&'static str> {
        let wanted = key(folded);
        let set = self
            .by_term
            .get(&wanted)
            .map_or(&[][..], |&at| &self.sets[at][..]);
        set.iter()
            .copied()
            .filter(|term| key(&fold(term)) != wanted)
            .collect()
    }
}

/// A folded term with each word in the singular, as far as English and Spanish plurals go
/// ("narco tanks", "fosas clandestinas", "sanciones", "bodies"), so that either number finds
/// the row. Terms and queries go through the same function, so a word it gets wrong still
/// meets itself.
fn key(folded: &str) -> String {
    folded
        .split(' ')
        .map(|word| {
            let n = word.len();
            if n > 4 && word.ends_with("ies") {
                format!("{}y", &word[..n - 3])
            } else if n > 4
                && word.ends_with("es")
                && word[..n - 2].ends_with(['s', 'x', 'z', 'n', 'r', 'l', 'd', 'j'])
            {
                word[..n - 2].to_string()
            } else if n > 3 && word.ends_with('s') && !word.ends_with("ss") {
                word[..n - 1].to_string()
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_glossary_has_sets_of_two_or_more_and_no_term_twice() {
        let glossary = Glossary::builtin();
        assert!(glossary.sets.len() >= 100);
        let mut seen = HashMap::new();
        for (at, set) in glossary.sets.iter().enumerate() {
            assert!(set.len() >= 2, "a set of one: {set:?}");
            for term in set {
                let before = seen.insert(key(&fold(term)), at);
                assert!(before.is_none(), "'{term}' is in two sets");
            }
        }
        let others = glossary.others(&fold("Lavado de dinero"));
        assert!(others.contains(&"money laundering"), "{others:?}");
        assert_eq!(key("narco tanks"), "narco tank");
        assert_eq!(key("fosas clandestinas"), "fosa clandestina");
        assert_eq!(key("sanciones"), key("sancion"));
        assert_eq!(key("bodies"), "body");
    }
}
