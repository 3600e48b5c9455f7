//! The API's query strings read into the library's requests, with the CLI's option names
//! (`q`, `facet`, `filter=NAME=VALUE`, `since`, `until`, `sort`, `limit`, `offset`,
//! `facet_limit`, and for facts `item`, `label`, `action`, `min`, `max`, `unit`, `format`),
//! repeatable where the CLI's are.

use std::str::FromStr;

use crate::error::Error;
use crate::facts::Action;
use crate::index::{SearchRequest, Sort, facets};
use crate::sink::table::{FactFilter, Format, unit_named};

/// The parameters of a query string, in order, decoded. An empty value (a form's blank
/// field) counts as absent.
#[derive(Debug, Clone, Default)]
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    /// Decodes `raw` (what follows `?`; none is no parameters).
    pub(crate) fn parse(raw: Option<&str>) -> Params {
        let pairs = form_urlencoded::parse(raw.unwrap_or("").as_bytes());
        Params(pairs.into_owned().collect())
    }

    /// Every non-empty value of `key`, in order.
    pub(crate) fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> {
        self.0
            .iter()
            .filter(move |(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// The last non-empty value of `key`.
    pub(crate) fn one<'a>(&'a self, key: &'a str) -> Option<&'a str> {
        self.all(key).last()
    }

    fn text(&self, key: &str) -> Option<String> {
        self.one(key).map(str::to_string)
    }

    /// These parameters with `key=value` added.
    pub(crate) fn with(&self, key: &str, value: &str) -> Params {
        let mut params = self.clone();
        params.0.push((key.to_string(), value.to_string()));
        params
    }

    /// These parameters with every value of `key` replaced by `value` (none: removed).
    pub(crate) fn set(&self, key: &str, value: Option<&str>) -> Params {
        let mut params = self.without(key, None);
        if let Some(value) = value {
            params.0.push((key.to_string(), value.to_string()));
        }
        params
    }

    /// These parameters without `key` (only its pair with `value`, if given).
    pub(crate) fn without(&self, key: &str, value: Option<&str>) -> Params {
        let removed = |k: &str, v: &str| k == key && value.is_none_or(|value| value == v);
        let pairs = self
            .0
            .iter()
            .filter(|(k, v)| !v.trim().is_empty() && !removed(k, v));
        Params(pairs.cloned().collect())
    }

    /// These parameters' values of `keys` only, in order.
    pub(crate) fn only(&self, keys: &[&str]) -> Params {
        let kept = self
            .0
            .iter()
            .filter(|(k, v)| keys.contains(&k.as_str()) && !v.trim().is_empty());
        Params(kept.cloned().collect())
    }

    /// Every (key, value), in order.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The query string, `?` included (empty when there are no parameters).
    pub(crate) fn query_string(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let mut encoder = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
        encoder.extend_pairs(&self.0);
        encoder.finish()
    }

    pub(crate) fn number<T: FromStr>(&self, key: &str) -> Result<Option<T>, Error> {
        self.one(key)
            .map(|v| {
                v.trim()
                    .parse()
                    .map_err(|_| Error::Request(format!("{key}={v} is not a number")))
            })
            .transpose()
    }

    /// The search these parameters ask for; facets default to the CLI's.
    pub(crate) fn search(&self) -> Result<SearchRequest, Error> {
        let mut facets: Vec<String> = self.all("facet").map(str::to_string).collect();
        if facets.is_empty() {
            facets = facets::DEFAULT.iter().map(|f| f.to_string()).collect();
        }
        let sort = match self.one("sort") {
            None | Some("relevance") => Sort::Relevance,
            Some("date") => Sort::Date,
            Some(other) => {
                return Err(Error::Request(format!(
                    "sort={other}: use relevance or date"
                )));
            }
        };
        let defaults = SearchRequest::default();
        Ok(SearchRequest {
            query: self.text("q").unwrap_or_default(),
            facets,
            filters: self.filters()?,
            since: self.text("since"),
            until: self.text("until"),
            sort,
            limit: self.number("limit")?.unwrap_or(defaults.limit),
            offset: self.number("offset")?.unwrap_or(defaults.offset),
            facet_limit: self.number("facet_limit")?.unwrap_or(defaults.facet_limit),
        })
    }

    /// The articles whose facts to list: the search's query, filters and dates, every match.
    pub(crate) fn fact_articles(&self) -> Result<SearchRequest, Error> {
        Ok(SearchRequest {
            query: self.text("q").unwrap_or_default(),
            filters: self.filters()?,
            since: self.text("since"),
            until: self.text("until"),
            sort: Sort::Date,
            limit: 0,
            ..SearchRequest::default()
        })
    }

    pub(crate) fn filters(&self) -> Result<Vec<(String, String)>, Error> {
        self.all("filter").map(facets::parse_filter).collect()
    }

    /// The facts to keep.
    pub(crate) fn fact_filter(&self) -> Result<FactFilter, Error> {
        let action = self.one("action").map(Action::named).transpose()?;
        let unit = self.text("unit").map(|u| unit_named(&u)).transpose()?;
        Ok(FactFilter {
            item: self.text("item"),
            label: self.text("label"),
            action,
            min: self.number("min")?,
            max: self.number("max")?,
            unit,
        })
    }

    /// The table's format: `csv`, `jsonl` (the default) or `md`.
    pub(crate) fn format(&self) -> Result<Format, Error> {
        match self.one("format") {
            None | Some("jsonl") => Ok(Format::Jsonl),
            Some("csv") => Ok(Format::Csv),
            Some("md") => Ok(Format::Md),
            Some(other) => Err(Error::Request(format!(
                "format={other}: use csv, jsonl or md"
            ))),
        }
    }
}
