//! The language an article is written in, for the `language` facet and to give Spanish
//! articles Spanish stems. whatlang reads letter trigrams, so it tells any of some seventy
//! languages apart, where the tagger's own test (function words) only asks "Spanish or not".

use whatlang::Lang;

use crate::article::Article;

/// How much of an article is read: the opening paragraphs say its language as well as the
/// whole, and a long article costs no more than a short one.
const READ_BYTES: usize = 2_000;

/// The article's language, when its title and opening say it clearly (whatlang's own
/// test of confidence: a few words of a headline may not tell Spanish from Portuguese).
pub fn of(article: &Article) -> Option<Lang> {
    let mut sample = String::with_capacity(READ_BYTES + 200);
    if let Some(title) = &article.title {
        sample.push_str(title);
        sample.push('\n');
    }
    let mut end = READ_BYTES.min(article.text.len());
    while !article.text.is_char_boundary(end) {
        end -= 1;
    }
    sample.push_str(&article.text[..end]);
    let info = whatlang::detect(&sample)?;
    info.is_reliable().then_some(info.lang())
}

/// The name the facet files a language under: its English name ("Spanish").
pub fn name(lang: Lang) -> &'static str {
    lang.eng_name()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(text: &str) -> Option<&'static str> {
        of(&Article::new(text)).map(name)
    }

    #[test]
    fn news_in_english_and_spanish_is_told_apart() {
        assert_eq!(
            language(
                "Soldiers seized 40 rifles and 3,000 rounds of ammunition from a ranch near \
                 Culiacán on Friday, the Defense Ministry said in a statement."
            ),
            Some("English")
        );
        assert_eq!(
            language(
                "Elementos del Ejército aseguraron 40 armas largas y 3 mil cartuchos en un \
                 rancho cerca de Culiacán, informó la Secretaría de la Defensa Nacional."
            ),
            Some("Spanish")
        );
        assert_eq!(language(""), None);
    }
}
