//! The language an article is written in, for the `language` facet and to give Spanish
//! articles Spanish stems: by its function words where they say it plainly, else by
//! whatlang's letter trigrams, which tell many languages apart, checked against the function
//! words of the language they name.

use std::sync::OnceLock;

use whatlang::{Detector, Lang};

use crate::article::Article;

/// How much of an article is read: the opening sentences say its language as well as the
/// whole, and a long article costs no more than a short one. Comparing trigrams over 2,000
/// bytes of every article made indexing Reuters-21578 1.7× slower; over 500 bytes, and
/// only for the articles whose function words leave it open, it costs no measurable time.
const READ_BYTES: usize = 500;

/// The languages told apart: those of the news dossier reads and its neighbours. Every
/// language compared costs time on every article, and the languages written in a script of
/// their own (Russian, Arabic, Chinese …) are told by their script at no cost.
const LANGUAGES: &[Lang] = &[
    Lang::Eng,
    Lang::Spa,
    Lang::Por,
    Lang::Fra,
    Lang::Deu,
    Lang::Ita,
    Lang::Nld,
    Lang::Tur,
    Lang::Pol,
    Lang::Rus,
    Lang::Ukr,
    Lang::Ara,
    Lang::Cmn,
    Lang::Jpn,
    Lang::Kor,
    Lang::Heb,
    Lang::Pes,
    Lang::Hin,
];

/// The article's language, when its title and opening say it clearly: by their function
/// words alone, or by whatlang's trigrams when it is confident and the language's function
/// words are there too (a few words of a headline may not tell Spanish from Portuguese).
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
    let counts = function_words(&sample);
    // Most articles say plainly which they are by their function words alone: comparing
    // trigrams, the costlier test, is left for the others.
    let mut ranked: Vec<(usize, Lang)> = counts.iter().map(|&(lang, n)| (n, lang)).collect();
    ranked.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
    if let [(first, lang), (second, _), ..] = ranked[..]
        && first >= 2 * FUNCTION_WORDS_NEEDED
        && first > 2 * second
    {
        return Some(lang);
    }
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    let detector = DETECTOR.get_or_init(|| Detector::with_allowlist(LANGUAGES.to_vec()));
    let info = detector.detect(&sample)?;
    let lang = info.lang();
    let has_its_words = counts
        .iter()
        .find(|(l, _)| *l == lang)
        .is_none_or(|&(_, n)| n >= FUNCTION_WORDS_NEEDED);
    (info.is_reliable() && has_its_words).then_some(lang)
}

/// The commonest function words of the languages in the Latin script. Trigrams alone call
/// a table of figures ("Shr profit 10 cts vs loss seven cts / Net profit 286,870 vs …")
/// French; prose in a language has its function words.
const FUNCTION_WORDS: &[(Lang, &[&str])] = &[
    (
        Lang::Eng,
        &[
            "the", "of", "and", "to", "in", "is", "was", "that", "for", "with", "said",
        ],
    ),
    (
        Lang::Spa,
        &[
            "de", "la", "que", "el", "los", "las", "del", "por", "con", "una", "para", "se",
        ],
    ),
    (
        Lang::Por,
        &[
            "de", "que", "não", "uma", "para", "com", "os", "do", "da", "em", "no",
        ],
    ),
    (
        Lang::Fra,
        &[
            "le", "la", "les", "de", "des", "et", "est", "une", "du", "dans", "pour",
        ],
    ),
    (
        Lang::Deu,
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "eine",
        ],
    ),
    (
        Lang::Ita,
        &[
            "il", "di", "che", "la", "per", "una", "non", "del", "della", "sono", "con",
        ],
    ),
    (
        Lang::Nld,
        &[
            "de", "het", "een", "van", "en", "niet", "dat", "op", "voor", "met", "zijn",
        ],
    ),
    (
        Lang::Tur,
        &[
            "ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha",
        ],
    ),
    (
        Lang::Pol,
        &[
            "i", "w", "na", "nie", "się", "z", "do", "że", "jest", "to", "od",
        ],
    ),
];

/// How many of a Latin-script language's function words a sample must hold to be read as
/// it (and twice as many, and twice any other's, to be read as it without trigrams).
const FUNCTION_WORDS_NEEDED: usize = 3;

/// The name the facet files a language under: its English name ("Spanish").
pub fn name(lang: Lang) -> &'static str {
    lang.eng_name()
}

/// How many of each Latin-script language's function words `sample` holds. A language with
/// a script of its own is told by its script.
fn function_words(sample: &str) -> Vec<(Lang, usize)> {
    let mut counts: Vec<(Lang, usize)> = FUNCTION_WORDS.iter().map(|(l, _)| (*l, 0)).collect();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() <= 6)
    {
        for ((_, words), (_, n)) in FUNCTION_WORDS.iter().zip(counts.iter_mut()) {
            if words.iter().any(|f| f.eq_ignore_ascii_case(word)) {
                *n += 1;
            }
        }
    }
    counts
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
        // A table of figures is no language, whatever its trigrams look like.
        assert_eq!(
            language(
                "DAHLBERG INC 4TH QTR NET\nShr profit 10 cts vs loss seven cts\nNet profit \
                 286,870 vs loss 156,124\nRevs 10.0 mln vs 7,577,207\nYear\nShr profit five \
                 cts vs profit 42 cts\nNet profit 160,109 vs profit 906,034"
            ),
            None
        );
    }
}
