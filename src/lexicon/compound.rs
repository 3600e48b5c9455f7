//! Lexicon hits that name one thing together: a model followed by its class noun ("AR-15
//! rifles", "F-16 fighter jets"), a model written two ways ("UH-60M Black Hawk helicopters"),
//! and a gun maker followed by a weapon class ("Colt pistol", "Glock pistols").

use std::sync::Arc;

use super::load::{Entry, Lexicon};
use super::matcher::Hit;
use crate::entity::{Entity, Label, Sense};
use crate::text::Doc;

/// Class entries ("rifle", "helicopter") have a lower-case canonical name; models and makers
/// are capitalized or coded.
fn is_class(entry: &Entry) -> bool {
    entry.sense.canonical.starts_with(char::is_lowercase)
}

fn is_gun_maker(entry: &Entry) -> bool {
    entry.label == Label::ORG && entry.sense.category.as_deref() == Some("gun_maker")
}

/// The compound mentions among `hits` (sorted, not overlapping), as entities to propose
/// beside the single hits; being longer, they win where they apply.
pub fn compounds(lexicon: &Lexicon, doc: &Doc<'_>, hits: &[Hit]) -> Vec<Entity> {
    let adjacent = |a: &Hit, b: &Hit| matches!(&doc.text()[a.end..b.start], " " | "-");
    let mut found = Vec::new();
    let mut k = 0;
    while k < hits.len() {
        let head = &hits[k];
        let first = &lexicon.entries[head.entry];
        let mut end = k;
        // The same model again ("UH-60M Black Hawk"), then at most one class noun.
        while end + 1 < hits.len()
            && adjacent(&hits[end], &hits[end + 1])
            && hits[end + 1].entry == head.entry
        {
            end += 1;
        }
        let class = (end + 1 < hits.len() && adjacent(&hits[end], &hits[end + 1]))
            .then(|| &lexicon.entries[hits[end + 1].entry])
            .filter(|c| is_class(c));
        let entity = match class {
            Some(c) if !is_class(first) && c.label == first.label => {
                end += 1;
                Some(
                    Entity::new(head.start, hits[end].end, first.label)
                        .with_sense(first.sense.clone()),
                )
            }
            Some(c) if is_gun_maker(first) && c.label == Label::WEAPON => {
                end += 1;
                let sense = Sense {
                    canonical: Arc::from(format!(
                        "{} {}",
                        first.sense.canonical, c.sense.canonical
                    )),
                    category: c.sense.category.clone(),
                    kb_id: None,
                };
                Some(Entity::new(head.start, hits[end].end, Label::WEAPON).with_sense(sense))
            }
            _ if end > k => Some(
                Entity::new(head.start, hits[end].end, first.label).with_sense(first.sense.clone()),
            ),
            _ => None,
        };
        found.extend(entity);
        k = end + 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Matcher;

    fn compound_texts(text: &str) -> Vec<(String, String, String)> {
        let mut lexicon = Lexicon::default();
        lexicon.add_file(
            "t.tsv",
            "canonical\tlabel\tcategory\taliases\tkb_id\tcase\n\
             AR-15\tWEAPON\trifle\t\t\t\n\
             rifle\tWEAPON\trifle\t\t\t\n\
             pistol\tWEAPON\thandgun\t\t\t\n\
             UH-60 Black Hawk\tMILITARY_PLATFORM\thelicopter\tUH-60M|Black Hawk\t\t\n\
             helicopter\tMILITARY_PLATFORM\thelicopter\t\t\t\n\
             Colt\tORG\tgun_maker\t\t\texact\n",
        );
        let doc = Doc::new(text);
        let mut hits = Vec::new();
        Matcher::new(&lexicon).unwrap().find(&doc, &mut hits);
        compounds(&lexicon, &doc, &hits)
            .iter()
            .map(|e| {
                (
                    doc.original_span(e.start, e.end).to_string(),
                    e.label.to_string(),
                    e.canonical().unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn models_classes_and_makers_combine() {
        let found =
            compound_texts("40 AR-15 rifles, two UH-60M Black Hawk helicopters and a Colt pistol");
        assert_eq!(
            found,
            [
                ("AR-15 rifles".into(), "WEAPON".into(), "AR-15".into()),
                (
                    "UH-60M Black Hawk helicopters".into(),
                    "MILITARY_PLATFORM".into(),
                    "UH-60 Black Hawk".into()
                ),
                ("Colt pistol".into(), "WEAPON".into(), "Colt pistol".into()),
            ]
        );
    }

    #[test]
    fn a_class_alone_or_a_maker_alone_is_no_compound() {
        assert!(compound_texts("rifles and pistols from Colt").is_empty());
    }
}
