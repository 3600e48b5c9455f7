//! The index schema, declared once: every field, how it is analyzed, and the facet
//! dimensions. The writer, the search and the format check all read it from here.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};

/// The index layout's version. Bump it whenever a field is added, removed or analyzed
/// differently: an index of another format is refused with a message to rebuild it.
pub const FORMAT: u32 = 5;

/// The analyzer of the full-text fields every article fills: words, lower-cased, accents
/// folded ("Culiacán" matches "culiacan"), English stems ("seizures" matches "seizure").
pub const ANALYZER: &str = "dossier";

/// The analyzer of the fields only Spanish articles fill: the same, with Spanish stems
/// ("asegura" matches "aseguraron", "armas" matches "arma").
pub const SPANISH_ANALYZER: &str = "dossier_es";

/// A tag label's facet dimension and its field of canonical names.
pub struct Dimension {
    /// The facet's first path segment and the name a user gives `--facet` and `--filter`.
    pub name: &'static str,
    pub label: &'static str,
}

/// The dimensions tagged entities are filed under. A weapon's path has its category between
/// the dimension and the name (`/weapon/rifle/AR-15`), an identifier's its label
/// (`/identifier/PHONE/+16195550147`, a URL by its host: `/identifier/URL/www.justice.gov`);
/// the others are flat (`/org/<name>`). The identifier dimension files every label that
/// [`crate::entity::Label::is_identifier`], so its own `label` names none.
pub const DIMENSIONS: &[Dimension] = &[
    Dimension {
        name: "org",
        label: "ORG",
    },
    Dimension {
        name: "person",
        label: "PERSON",
    },
    Dimension {
        name: "location",
        label: "LOCATION",
    },
    Dimension {
        name: "nationality",
        label: "NATIONALITY",
    },
    Dimension {
        name: "weapon",
        label: "WEAPON",
    },
    Dimension {
        name: "platform",
        label: "MILITARY_PLATFORM",
    },
    Dimension {
        name: "vehicle",
        label: "VEHICLE",
    },
    Dimension {
        name: "drug",
        label: "DRUG",
    },
    Dimension {
        name: IDENTIFIER,
        label: "",
    },
];

/// The dimension of identifiers: phone numbers, accounts, addresses, vessels, case numbers,
/// URLs' hosts, and what user patterns find.
pub const IDENTIFIER: &str = "identifier";

/// The dimension an entity label is filed under ("ORG" → "org"), if it has one.
pub fn dimension_of(label: &str) -> Option<&'static str> {
    DIMENSIONS
        .iter()
        .find(|d| !label.is_empty() && d.label == label)
        .map(|d| d.name)
}

/// Facet dimensions that come from the article rather than its tags.
pub const SOURCE: &str = "source";
pub const PUBLISHED: &str = "published";
/// The language the article is written in, by its English name ("Spanish").
pub const LANGUAGE: &str = "language";

/// The figure fields a range query makes sense on, with the base unit their values are in.
pub const MEASURES: &[(&str, &str)] = &[("kg", "kg"), ("usd", "USD"), ("percent", "%")];

/// The handles of every field.
#[derive(Clone)]
pub struct Fields {
    pub schema: Schema,
    /// The article id: exact, stored, and a fast field so the writer can list what is indexed.
    pub id: Field,
    /// A fingerprint of the article and the tagger that tagged it: unchanged means skip.
    pub fingerprint: Field,
    pub title: Field,
    /// The article text, with positions for phrase queries and snippets.
    pub text: Field,
    /// A Spanish article's title and text again, with Spanish stems (not stored).
    pub title_es: Field,
    pub text_es: Field,
    pub url: Field,
    pub source: Field,
    /// The publication date's first day, for ranges and sorting (only where the index's
    /// date type holds it: 1678 to 2261).
    pub published: Field,
    /// The publication date as given, at its precision ("2024-03"), as hits show it.
    pub published_text: Field,
    /// Every facet of the article: tags, source and month.
    pub facet: Field,
    /// The article's entities as JSON (byte offsets), stored for search hits.
    pub entities: Field,
    /// The article's facts as JSON (byte offsets), stored for hits and `dossier facts --index`.
    pub facts: Field,
    /// Canonical names by dimension, searchable as `org:"Sinaloa Cartel"`; same order as
    /// [`DIMENSIONS`].
    pub names: Vec<Field>,
    /// Figure values by measure; same order as [`MEASURES`].
    pub measures: Vec<Field>,
}

impl Default for Fields {
    fn default() -> Fields {
        let mut builder = Schema::builder();
        let analyzed_by = |analyzer: &str, stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let options = TextOptions::default().set_indexing_options(indexing);
            if stored {
                options.set_stored()
            } else {
                options
            }
        };
        let analyzed = |stored: bool| analyzed_by(ANALYZER, stored);
        let id = builder.add_text_field("id", STRING | STORED | FAST);
        let fingerprint = builder.add_u64_field("fingerprint", STORED | FAST);
        let title = builder.add_text_field("title", analyzed(true));
        let text = builder.add_text_field("text", analyzed(true));
        let title_es = builder.add_text_field("title_es", analyzed_by(SPANISH_ANALYZER, false));
        let text_es = builder.add_text_field("text_es", analyzed_by(SPANISH_ANALYZER, false));
        let url = builder.add_text_field("url", STRING | STORED);
        let source = builder.add_text_field("source", analyzed(true));
        let published = builder.add_date_field("published", INDEXED | FAST);
        let published_text = builder.add_text_field("published_text", STORED);
        let facet = builder.add_facet_field("facet", FacetOptions::default());
        let entities = builder.add_text_field("entities", STORED);
        let facts = builder.add_text_field("facts", STORED);
        let names = DIMENSIONS
            .iter()
            .map(|d| builder.add_text_field(d.name, analyzed(false)))
            .collect();
        let measure_options = NumericOptions::default().set_indexed().set_fast();
        let measures = MEASURES
            .iter()
            .map(|(name, _)| builder.add_f64_field(name, measure_options.clone()))
            .collect();
        Fields {
            schema: builder.build(),
            id,
            fingerprint,
            title,
            text,
            title_es,
            text_es,
            url,
            source,
            published,
            published_text,
            facet,
            entities,
            facts,
            names,
            measures,
        }
    }
}

impl Fields {
    /// The name of `field` in the schema, for tantivy's APIs that take a name.
    pub fn name(&self, field: Field) -> &str {
        self.schema.get_field_name(field)
    }

    /// The fields a query searches when it names none: the text and title (English and
    /// Spanish stems), and the canonical names, so "Jalisco New Generation Cartel" finds an
    /// article that only says "CJNG".
    pub fn default_search(&self) -> Vec<Field> {
        let mut fields = vec![self.title, self.text, self.title_es, self.text_es];
        fields.extend(&self.names);
        fields
    }
}

/// Words the fields every article fills do not index: Lucene's English stop words, and the
/// Spanish function words that are no English word. Any word of a query may match, so a word
/// in every article ("the", "de") would match every article, and rank Spanish articles for
/// an English query's "de" or English ones for a Spanish query's "the".
pub(crate) const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with", "de", "del", "la", "las", "el", "los", "y", "en",
    "que", "por", "con", "para", "una", "se", "lo", "su", "sus", "es", "desde", "como",
];

/// The analyzers every index this crate opens registers, by name: the Spanish one drops
/// Spanish stop words (Snowball's list), as it reads only Spanish articles.
pub fn analyzers() -> [(&'static str, TextAnalyzer); 2] {
    let english = StopWordFilter::remove(STOP_WORDS.iter().map(|w| w.to_string()));
    let spanish = StopWordFilter::new(Language::Spanish).unwrap_or_else(|| english.clone());
    [
        (ANALYZER, stemming(english, Language::English)),
        (SPANISH_ANALYZER, stemming(spanish, Language::Spanish)),
    ]
}

/// Words, lower-cased, less the stop words, accents folded, stemmed in `language`.
fn stemming(stop_words: StopWordFilter, language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(stop_words)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(language))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(analyzer: &str, text: &str) -> Vec<String> {
        let (_, mut analyzer) = analyzers()
            .into_iter()
            .find(|(name, _)| *name == analyzer)
            .unwrap();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn spanish_forms_of_a_word_share_a_stem_with_or_without_accents() {
        for forms in [
            "asegura aseguraron aseguró aseguro asegurar",
            "operación operaciones operacion",
            "cartuchos cartucho",
            "decomisaron decomisó decomiso",
            "detenidos detenido",
        ] {
            let stems = stems(SPANISH_ANALYZER, forms);
            assert!(stems.iter().all(|s| *s == stems[0]), "{forms}: {stems:?}");
        }
        assert_eq!(stems(ANALYZER, "Culiacán seizures"), ["culiacan", "seizur"]);
        assert_eq!(
            stems(ANALYZER, "the cartel de Sinaloa"),
            ["cartel", "sinaloa"]
        );
    }
}
