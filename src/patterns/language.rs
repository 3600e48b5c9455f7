//! The language an article is written in, as far as reading its figures needs: Spanish writes
//! "1,5 millones" and "2.300.000", has its own number words ("treinta y cinco") and scales
//! ("mil", "billón" = 10¹²), and "once" means eleven. Nothing upstream says what language an
//! article is in, so it is told here from the words the tagger already classified.

use super::vocabulary::{ENGLISH_CUE, SPANISH_CUE};

/// How an article's numbers are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English (and any language that is not Spanish): "1,500" is fifteen hundred.
    #[default]
    English,
    /// Spanish: decimal commas and dots as thousands separators are read too, and Spanish
    /// number words and scales.
    Spanish,
}

impl Language {
    /// The language of an article from its word classes: Spanish when it has more very common
    /// Spanish function words ("de", "la", "que") than English ones ("the", "of", "was").
    /// One pass over bits [`super::vocabulary::classify`] already set, so it costs next to
    /// nothing; an English article quoting Spanish names stays English, as its own function
    /// words far outnumber theirs.
    pub fn detect(classes: &[u32]) -> Language {
        let (mut spanish, mut english) = (0usize, 0usize);
        for &class in classes {
            spanish += usize::from(class & SPANISH_CUE != 0);
            english += usize::from(class & ENGLISH_CUE != 0);
        }
        if spanish > english {
            Language::Spanish
        } else {
            Language::English
        }
    }

    /// Whether numbers are read the Spanish way.
    pub fn is_spanish(self) -> bool {
        self == Language::Spanish
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::vocabulary::classify;
    use crate::text::Doc;

    fn language(text: &str) -> Language {
        Language::detect(&classify(&Doc::new(text)))
    }

    #[test]
    fn spanish_function_words_make_an_article_spanish() {
        assert_eq!(
            language("La policía aseguró 300 kilos de cocaína en el puerto de Manzanillo."),
            Language::Spanish
        );
        assert_eq!(
            language("Police seized 300 kilograms of cocaine at the port of Manzanillo."),
            Language::English
        );
    }

    #[test]
    fn spanish_names_in_an_english_article_keep_it_english() {
        assert_eq!(
            language(
                "The Cártel de Jalisco Nueva Generación and the Cartel del Golfo were named by the \
                 Secretaría de la Defensa Nacional in its report to the Senate."
            ),
            Language::English
        );
        assert_eq!(language(""), Language::English);
    }
}
