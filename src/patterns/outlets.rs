//! News outlets, for what an article's outlet says about reading it: in a Mexican outlet's
//! article, "$" is the peso.

/// Mexican outlets, by a folded fragment of their name: their "$" is the peso.
const MEXICAN_OUTLETS: &[&str] = &[
    "milenio",
    "el universal",
    "reforma",
    "proceso",
    "la jornada",
    "excelsior",
    "el financiero",
    "animal politico",
    "el economista",
    "mexico news daily",
    "riodoce",
    "zeta tijuana",
    "el sol de",
    "el norte",
    "informador",
    "sin embargo",
    "aristegui",
    "latinus",
    "televisa",
    "tv azteca",
    "n+",
];

/// What the article says about its own currency: "$" is U.S. dollars unless the source is
/// Mexican, where it is pesos.
#[derive(Debug, Clone, Copy)]
pub struct Currency {
    pub dollar_sign: &'static str,
}

impl Currency {
    /// The currency of "$" for an article from `url` or `source`: pesos when the site is under
    /// `.mx` or the source is a Mexican outlet, else U.S. dollars.
    pub fn for_source(url: Option<&str>, source: Option<&str>) -> Currency {
        let host = url
            .map(|u| u.split("://").nth(1).unwrap_or(u))
            .map(|rest| rest.split(['/', ':', '?']).next().unwrap_or(""));
        let mexican_host = host.is_some_and(|h| h.ends_with(".mx"));
        let mexican_source = source.is_some_and(|s| {
            let folded = crate::text::fold(s);
            MEXICAN_OUTLETS.iter().any(|o| folded.contains(o))
        });
        Currency {
            dollar_sign: if mexican_host || mexican_source {
                "MXN"
            } else {
                "USD"
            },
        }
    }
}

impl Default for Currency {
    fn default() -> Currency {
        Currency { dollar_sign: "USD" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mexican_sources_use_pesos() {
        assert_eq!(
            Currency::for_source(Some("https://www.milenio.com/x"), Some("Milenio")).dollar_sign,
            "MXN"
        );
        assert_eq!(
            Currency::for_source(Some("https://www.gob.mx/sre"), None).dollar_sign,
            "MXN"
        );
        assert_eq!(
            Currency::for_source(Some("https://www.reuters.com/x"), Some("Reuters")).dollar_sign,
            "USD"
        );
    }
}
