//! Answering a search: the query in tantivy's syntax, narrowed by facet filters and a date
//! range, ranked by relevance or date, with snippets and facet counts over the whole result
//! set.

use std::ops::Bound;

use std::collections::HashMap;

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, Query, QueryParser, QueryParserError, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption, Term};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument};
use time::Date;

use super::aliases;
use super::document::date_time;
use super::facet_counts::FacetCounter;
use super::facets;
use super::schema::{Fields, PUBLISHED};
use super::snippets::{SNIPPET_CHARS, snippet};
use super::store::Index;
use super::stored;
use crate::error::{Error, reading_ids};
use crate::patterns::dates::calendar_date;
use crate::tagged::Tagged;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Sort {
    /// Best match first (BM25).
    #[default]
    Relevance,
    /// Newest first; articles without a date last.
    Date,
}

/// A search as the user asked for it. The default matches every article, counts no facet
/// and shows the first ten hits.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    /// The query in tantivy's syntax; empty or `*` for every article.
    pub query: String,
    /// Facets to count: a dimension ("weapon") or a path below one ("weapon/rifle").
    pub facets: Vec<String>,
    /// Drill-downs: (dimension, value), all of which must hold.
    pub filters: Vec<(String, String)>,
    /// Published on or after this day, month or year.
    pub since: Option<String>,
    /// Published on or before this day, month or year.
    pub until: Option<String>,
    /// The order of the hits.
    pub sort: Sort,
    /// Hits to return (0 for counts only).
    pub limit: usize,
    /// Hits to pass over first.
    pub offset: usize,
    /// How many values to count per facet, most frequent first.
    pub facet_limit: usize,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            query: String::new(),
            facets: Vec::new(),
            filters: Vec::new(),
            since: None,
            until: None,
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            facet_limit: 10,
        }
    }
}

impl SearchRequest {
    /// A request for `query`, with the defaults otherwise.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }
}

/// One result: the article as indexed, with its entities and facts, and the passage to show.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The article (its `published` is the stored day), its entities and its facts.
    pub tagged: Tagged,
    /// The relevance score (none when sorted by date).
    pub score: Option<f32>,
    /// A passage of the text, and the byte ranges in it of the matched terms.
    pub snippet: String,
    /// Byte ranges of the matched terms in `snippet`.
    pub highlights: Vec<std::ops::Range<usize>>,
}

/// The counts of one requested facet.
#[derive(Debug, Clone)]
pub struct FacetCount {
    /// The facet as requested ("weapon"), or as drilled into by a filter ("weapon/rifle").
    pub name: String,
    /// Values below it, as `--filter` takes them back ("rifle/AR-15"), with their counts.
    pub values: Vec<(String, u64)>,
}

/// What a search found.
#[derive(Debug, Clone)]
pub struct Results {
    /// How many articles match, in all.
    pub total: usize,
    /// The page of hits asked for.
    pub hits: Vec<Hit>,
    /// The counts of each requested facet, over every match.
    pub facets: Vec<FacetCount>,
    /// Things the user should know: a filter that matches nothing, say.
    pub notes: Vec<String>,
    /// The filters whose value the index does not hold, with the values it holds nearest.
    pub unknown_filters: Vec<UnknownFilter>,
}

/// A filter value the index does not hold, with the closest values it does hold: what a
/// "did you mean" offers instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFilter {
    /// The filter's dimension ("org").
    pub dimension: &'static str,
    /// The value as given.
    pub value: String,
    /// The nearest values the index holds, nearest first; none when nothing is near.
    pub closest: Vec<String>,
}

impl UnknownFilter {
    /// The note that says so, in words.
    pub fn note(&self) -> String {
        let (dimension, value) = (self.dimension, &self.value);
        if self.closest.is_empty() {
            format!("no {dimension} named '{value}' is in the index")
        } else {
            format!(
                "no {dimension} named '{value}' is in the index; did you mean {}?",
                self.closest.join(", ")
            )
        }
    }
}

impl Index {
    /// Runs `request`: the page of hits it asks for, and facet counts over every match.
    pub fn search(&self, request: &SearchRequest) -> Result<Results, Error> {
        let fields = &self.fields;
        let searcher = self.searcher()?;
        let Narrowed {
            text_query,
            query,
            drilled,
            notes,
            unknown_filters,
        } = narrow(self, &searcher, request)?;
        let counted = counted_facets(request, &drilled)?;
        self.buckets.keep_only(&searcher);
        let facet_collector = FacetCounter {
            field: fields.name(fields.facet).to_string(),
            facets: counted.iter().map(|(_, facet)| facet.clone()).collect(),
            cache: self.buckets.clone(),
        };
        // A page past the last match is empty; no page is longer than the index.
        let documents = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let offset = request.offset.min(documents);
        let limit = request.limit.min(documents - offset);
        let (total, counts, ranked) = if limit == 0 {
            let (total, counts) = searcher.search(&query, &(Count, facet_collector))?;
            (total, counts, Vec::new())
        } else {
            let top = TopDocs::with_limit(limit).and_offset(offset);
            match request.sort {
                Sort::Relevance => {
                    let collectors = (Count, facet_collector, top.order_by_score());
                    let (total, counts, docs) = searcher.search(&query, &collectors)?;
                    let ranked = docs.into_iter().map(|(s, a)| (Some(s), a)).collect();
                    (total, counts, ranked)
                }
                Sort::Date => {
                    let published = fields.name(fields.published);
                    let by_date = top.order_by_fast_field::<DateTime>(published, Order::Desc);
                    let (total, counts, docs) =
                        searcher.search(&query, &(Count, facet_collector, by_date))?;
                    let ranked = docs.into_iter().map(|(_, a)| (None, a)).collect();
                    (total, counts, ranked)
                }
            }
        };
        let hits = hits(&searcher, fields, &*text_query, ranked)?;
        let facets = counted
            .into_iter()
            .zip(counts)
            .map(|((name, facet), counts)| FacetCount {
                values: facet_values(counts, &facet, request.facet_limit),
                name,
            })
            .collect();
        Ok(Results {
            total,
            hits,
            facets,
            notes,
            unknown_filters,
        })
    }

    /// The article indexed under `id`, as it was tagged, if there is one.
    pub fn article(&self, id: &str) -> Result<Option<Tagged>, Error> {
        let searcher = self.searcher()?;
        let term = Term::from_field_text(self.fields.id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = found.first() else {
            return Ok(None);
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        stored::tagged(&self.fields, &doc).map(Some)
    }

    /// How many articles the index holds, as of its last commit.
    pub fn article_count(&self) -> Result<u64, Error> {
        Ok(self.searcher()?.num_docs())
    }

    /// Hands every article `request` matches (its query, filters and dates; not its page) to
    /// `each`, newest first, then by id, one at a time so memory stays flat. Returns the
    /// request's notes.
    pub fn each_match(
        &self,
        request: &SearchRequest,
        mut each: impl FnMut(Tagged) -> Result<(), Error>,
    ) -> Result<Vec<String>, Error> {
        let fields = &self.fields;
        let searcher = self.searcher()?;
        let narrowed = narrow(self, &searcher, request)?;
        let addresses = searcher.search(&narrowed.query, &DocSetCollector)?;
        let mut keyed = Vec::with_capacity(addresses.len());
        for address in addresses {
            let segment = searcher.segment_reader(address.segment_ord);
            let columns = segment.fast_fields();
            let published = columns
                .date(fields.name(fields.published))?
                .first(address.doc_id);
            let mut id = String::new();
            if let Some(ids) = columns.str(fields.name(fields.id))?
                && let Some(ord) = ids.term_ords(address.doc_id).next()
            {
                ids.ord_to_str(ord, &mut id).map_err(reading_ids)?;
            }
            keyed.push((std::cmp::Reverse(published), id, address));
        }
        keyed.sort();
        for (_, _, address) in keyed {
            let doc: TantivyDocument = searcher.doc(address)?;
            each(stored::tagged(fields, &doc)?)?;
        }
        Ok(narrowed.notes)
    }
}

/// The stored article and a snippet of each ranked document.
fn hits(
    searcher: &Searcher,
    fields: &Fields,
    text_query: &dyn Query,
    ranked: Vec<(Option<f32>, DocAddress)>,
) -> Result<Vec<Hit>, Error> {
    let mut snippets = SnippetGenerator::create(searcher, text_query, fields.text)?;
    snippets.set_max_num_chars(SNIPPET_CHARS);
    let mut hits = Vec::with_capacity(ranked.len());
    for (score, address) in ranked {
        let doc: TantivyDocument = searcher.doc(address)?;
        let tagged = stored::tagged(fields, &doc)?;
        let (snippet, highlights) = snippet(&snippets, &tagged.article.text);
        hits.push(Hit {
            tagged,
            score,
            snippet,
            highlights,
        });
    }
    Ok(hits)
}

/// A request as a query: its text query, narrowed by its filters and dates.
struct Narrowed {
    text_query: Box<dyn Query>,
    query: BooleanQuery,
    /// Filters that name one facet with facets below it, by dimension.
    drilled: Vec<(&'static str, Facet)>,
    notes: Vec<String>,
    unknown_filters: Vec<UnknownFilter>,
}

fn narrow(index: &Index, searcher: &Searcher, request: &SearchRequest) -> Result<Narrowed, Error> {
    let fields = &index.fields;
    let text_query = parse(index, &request.query)?;
    let mut notes = Vec::new();
    let mut unknown_filters = Vec::new();
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
    let mut drilled: Vec<(&'static str, Facet)> = Vec::new();
    for (name, value) in &request.filters {
        let dimension = facets::dimension(name)?;
        let known = index
            .dimensions
            .get(searcher, fields.name(fields.facet), dimension)?;
        let mut found = known.resolve(dimension, value);
        // Another name of the entity: "CJNG", "El Chapo".
        if found.is_empty() {
            for canonical in facets::canonical_names(dimension, value) {
                found.extend(known.resolve(dimension, &canonical));
            }
        }
        if found.is_empty() {
            let unknown = UnknownFilter {
                dimension,
                value: value.clone(),
                closest: known.closest(value, 3),
            };
            notes.push(unknown.note());
            unknown_filters.push(unknown);
        }
        if let [(facet, true)] = found.as_slice() {
            drilled.push((dimension, facet.clone()));
        }
        let any_of: Vec<(Occur, Box<dyn Query>)> = found
            .into_iter()
            .map(|(facet, _)| {
                let term = Term::from_facet(fields.facet, &facet);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any_of))));
    }
    if request.since.is_some() || request.until.is_some() {
        clauses.push((Occur::Must, date_range(fields, request)?));
    }
    Ok(Narrowed {
        text_query,
        query: BooleanQuery::new(clauses),
        drilled,
        notes,
        unknown_filters,
    })
}

/// The query in tantivy's syntax over the default fields; empty or `*` matches everything.
///
/// Plain words are alternatives (an article matches with any of them), ranked by BM25 as a
/// search engine ranks: a query of several words still finds the article that says
/// "gunmakers" for "arms makers". Among the matches, an article that holds every word ranks
/// higher, and one that holds them together as a phrase higher still. `+word`, `AND` and
/// quotes require what they require. A word that names a lexicon entity by another name
/// ("fentanilo", "CJNG") also finds the articles that name the entity otherwise.
fn parse(index: &Index, query: &str) -> Result<Box<dyn Query>, Error> {
    let query = query.trim();
    if query.is_empty() || query == "*" {
        return Ok(Box::new(AllQuery));
    }
    check_nesting(query)?;
    let any_word = parser(index, false);
    // A syntax error is explained on the query as written.
    let written = any_word.parse_query(query).map_err(|e| explain(query, e))?;
    let expanded = aliases::with_aliases(query);
    let matching = if expanded == query {
        written
    } else {
        any_word.parse_query(&expanded).unwrap_or(written)
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, matching)];
    if query.split_whitespace().nth(1).is_some() {
        if let Ok(every_word) = parser(index, true).parse_query(&expanded) {
            let boosted = BoostQuery::new(every_word, EVERY_WORD_BOOST);
            clauses.push((Occur::Should, Box::new(boosted)));
        }
        if let Some(phrase) = plain_phrase(query)
            && let Ok(together) = any_word.parse_query(&format!("\"{phrase}\"~{PHRASE_SLOP}"))
        {
            let boosted = BoostQuery::new(together, PHRASE_BOOST);
            clauses.push((Occur::Should, Box::new(boosted)));
        }
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// How much an article that holds every word of the query gains, and one that holds them
/// within [`PHRASE_SLOP`] words of each other, in order.
const EVERY_WORD_BOOST: f32 = 1.0;
const PHRASE_BOOST: f32 = 1.0;
const PHRASE_SLOP: u32 = 2;

/// A query parser over the default fields, with their weights: a word in the title counts
/// more than one in the text, and an entity's canonical name less (it is found by the text
/// too, when the article uses that name).
fn parser(index: &Index, every_word: bool) -> QueryParser {
    let fields = &index.fields;
    let mut parser = QueryParser::for_index(&index.index, fields.default_search());
    if every_word {
        parser.set_conjunction_by_default();
    }
    parser.set_field_boost(fields.title, 2.0);
    parser.set_field_boost(fields.title_es, 2.0);
    for &name in &fields.names {
        parser.set_field_boost(name, 0.5);
    }
    parser
}

/// The words of a query that is nothing but words, to look for as a phrase.
fn plain_phrase(query: &str) -> Option<String> {
    let plain = query
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '.' | ','));
    let words: Vec<&str> = query
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let operator = words.iter().any(|w| matches!(*w, "AND" | "OR" | "NOT"));
    (plain && !operator && words.len() > 1).then(|| words.join(" "))
}

/// Deepest nesting of parentheses a query may have: tantivy's parser (and its error
/// reporting) recurse once per level, and thousands of levels overflow the stack.
const MAX_NESTING: usize = 64;

/// Refuses a query nested deeper than [`MAX_NESTING`], before it reaches the parser.
fn check_nesting(query: &str) -> Result<(), Error> {
    let (mut depth, mut quoted) = (0usize, false);
    for (column, c) in query.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_NESTING {
            return Err(Error::Query {
                query: query.to_string(),
                column: Some(column + 1),
                message: format!("parentheses nested more than {MAX_NESTING} deep"),
            });
        }
    }
    Ok(())
}

/// A parse error as the user can act on it: where the syntax breaks, or which field is unknown.
fn explain(query: &str, error: QueryParserError) -> Error {
    match error {
        QueryParserError::SyntaxError(_) => {
            let (_, errors) = tantivy::query_grammar::parse_query_lenient(query);
            let first = errors.into_iter().next();
            Error::Query {
                query: query.to_string(),
                column: first
                    .as_ref()
                    .map(|e| query[..e.pos.min(query.len())].chars().count() + 1),
                message: first.map_or_else(
                    || "check quotes, brackets and operators".to_string(),
                    |e| e.message,
                ),
            }
        }
        QueryParserError::FieldDoesNotExist(field) => Error::Request(format!(
            "the query names a field '{field}' the index does not have: fields are title, \
             text, source, url, id, published, {}, kg, usd, percent, facet",
            super::schema::DIMENSIONS
                .iter()
                .map(|d| d.name)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        other => Error::Request(format!("the query cannot run: {other}")),
    }
}

/// `--since` and `--until` as a range on the publication date; both ends included. A year
/// ("2024") or a month ("2024-03") stands for its first day as `--since` and its last as
/// `--until`.
fn date_range(fields: &Fields, request: &SearchRequest) -> Result<Box<dyn Query>, Error> {
    let bound = |value: &Option<String>, end: bool| -> Result<Bound<Term>, Error> {
        let Some(value) = value else {
            return Ok(Bound::Unbounded);
        };
        let date = date_bound(value, end).ok_or_else(|| {
            Error::Request(format!(
                "'{value}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"
            ))
        })?;
        Ok(Bound::Included(Term::from_field_date(
            fields.published,
            date_time(date),
        )))
    };
    let since = bound(&request.since, false)?;
    let until = bound(&request.until, true)?;
    Ok(Box::new(RangeQuery::new(since, until)))
}

/// The first (or, for `end`, the last) day of a date, month or year.
fn date_bound(value: &str, end: bool) -> Option<Date> {
    let value = value.trim();
    let (year, month) = match value.len() {
        10 => return calendar_date(value),
        7 => (value[..4].parse().ok()?, value.get(5..7)?.parse().ok()?),
        4 => (value.parse().ok()?, if end { 12 } else { 1 }),
        _ => return None,
    };
    let month = time::Month::try_from(month).ok()?;
    let day = if end { month.length(year) } else { 1 };
    Date::from_calendar_date(year, month, day).ok()
}

/// The facets to count, by the name they are reported under. A dimension with a filter that
/// names one facet with facets below it ("weapon=rifle", "published=2024") is counted one
/// level down.
fn counted_facets(
    request: &SearchRequest,
    drilled: &[(&'static str, Facet)],
) -> Result<Vec<(String, Facet)>, Error> {
    let mut counted = Vec::new();
    for requested in &request.facets {
        let (name, below) = requested
            .split_once('/')
            .map_or((requested.as_str(), None), |(n, b)| (n, Some(b)));
        let dimension = facets::dimension(name)?;
        let facet = match below {
            Some(path) => {
                let mut segments = vec![dimension.to_string()];
                segments.extend(path.split('/').map(str::to_string));
                Facet::from_path(segments)
            }
            None => drilled
                .iter()
                .find(|(d, _)| *d == dimension)
                .map_or_else(|| Facet::from_path([dimension]), |(_, f)| f.clone()),
        };
        let name = format!(
            "{dimension}{}",
            &facet.to_path_string()[dimension.len() + 1..]
        );
        counted.push((name, facet));
    }
    Ok(counted)
}

/// The most frequent values below `facet`, ties in name order; for the publication date,
/// the latest periods first, as a timeline reads.
fn facet_values(counts: HashMap<String, u64>, facet: &Facet, limit: usize) -> Vec<(String, u64)> {
    let mut values: Vec<(String, u64)> = counts.into_iter().collect();
    if facet.to_path().first() == Some(&PUBLISHED) {
        values.sort_by(|a, b| b.0.cmp(&a.0));
    } else {
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    values.truncate(limit);
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_cover_whole_months_and_years() {
        let day = |v, end| date_bound(v, end).map(|d| d.to_string());
        assert_eq!(day("2024", false).as_deref(), Some("2024-01-01"));
        assert_eq!(day("2024", true).as_deref(), Some("2024-12-31"));
        assert_eq!(day("2024-02", true).as_deref(), Some("2024-02-29"));
        assert_eq!(day("2024-03-05", true).as_deref(), Some("2024-03-05"));
        assert_eq!(day("last week", false), None);
    }
}
