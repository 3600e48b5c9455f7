//! The index schema, declared once: every field, how it is analyzed, and the facet
//! dimensions. The writer, the search and the format check all read it from here.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, NumericOptions, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// The index layout's version. Bump it whenever a field is added, removed or analyzed
/// differently: an index of another format is refused with a message to rebuild it.
pub const FORMAT: u32 = 3;

/// The analyzer of every full-text field: words, lower-cased, accents folded ("Culiacán"
/// matches "culiacan"), English stems ("seizures" matches "seizure").
pub const ANALYZER: &str = "dossier";

/// A tag label's facet dimension and its field of canonical names.
pub struct Dimension {
    /// The facet's first path segment and the name a user gives `--facet` and `--filter`.
    pub name: &'static str,
    pub label: &'static str,
}

/// The dimensions tagged entities are filed under. A weapon's path has its category between
/// the dimension and the name (`/weapon/rifle/AR-15`); the others are flat (`/org/<name>`).
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
];

/// The dimension an entity label is filed under ("ORG" → "org"), if it has one.
pub fn dimension_of(label: &str) -> Option<&'static str> {
    DIMENSIONS.iter().find(|d| d.label == label).map(|d| d.name)
}

/// Facet dimensions that come from the article rather than its tags.
pub const SOURCE: &str = "source";
pub const PUBLISHED: &str = "published";

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
        let analyzed = |stored: bool| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            let options = TextOptions::default().set_indexing_options(indexing);
            if stored {
                options.set_stored()
            } else {
                options
            }
        };
        let id = builder.add_text_field("id", STRING | STORED | FAST);
        let fingerprint = builder.add_u64_field("fingerprint", STORED | FAST);
        let title = builder.add_text_field("title", analyzed(true));
        let text = builder.add_text_field("text", analyzed(true));
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

    /// The fields a query searches when it names none: the text and title, and the canonical
    /// names, so "Jalisco New Generation Cartel" finds an article that only says "CJNG".
    pub fn default_search(&self) -> Vec<Field> {
        let mut fields = vec![self.title, self.text];
        fields.extend(&self.names);
        fields
    }
}

/// The analyzer registered under [`ANALYZER`] on every index this crate opens.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}
