//! The facts page (`/facts`): the fact table of the articles a search selects, with column
//! filters (item, label, action, unit, value range), sortable columns, each row linking to its
//! article with the sentence highlighted; a grouped view of claims with their citations and
//! conflicting figures flagged; and downloads of the same rows from `/api/facts`, which gives
//! the same bytes as `dossier facts`.

use maud::{Markup, html};

use super::{Tab, cite_href, error_page, grouped, page, paging, readable, title_or_id};
use crate::error::Error;
use crate::facts::Action;
use crate::index::Index;
use crate::serve::params::Params;
use crate::sink::table::row::number;
use crate::sink::table::{Claim, FactRow, claims};

/// Rows per page.
const PAGE: usize = 100;

/// The fact filter's parameters, as the form and the download keep them.
const FILTER_KEYS: &[&str] = &["item", "label", "action", "unit", "min", "max"];

/// What the page shows: one page of rows or claims, and how many there are.
enum Shown {
    Rows(Vec<FactRow>),
    Claims(Vec<Claim>),
}

struct Table {
    shown: Shown,
    total: usize,
    articles: usize,
}

/// Renders the facts page for `params`.
pub(crate) fn render(index: &Index, params: &Params) -> axum::response::Response {
    match table(index, params) {
        Ok(table) => page("Facts", Tab::Facts, params, body(params, &table)),
        Err(error) => error_page(params, Tab::Facts, &error),
    }
}

fn grouped_view(params: &Params) -> bool {
    params.one("view") == Some("groups")
}

fn offset(params: &Params) -> usize {
    params
        .one("offset")
        .and_then(|o| o.parse().ok())
        .unwrap_or(0)
}

fn table(index: &Index, params: &Params) -> Result<Table, Error> {
    let request = params.fact_articles()?;
    let filter = params.fact_filter()?;
    let (from, group) = (offset(params), grouped_view(params));
    let (mut kept, mut total, mut articles) = (Vec::new(), 0, 0);
    index.each_match(&request, |tagged| {
        articles += 1;
        for row in FactRow::all(&tagged)
            .into_iter()
            .filter(|r| filter.keeps(r))
        {
            // Claims need every row; a page of rows needs only its own.
            if group || (from..from + PAGE).contains(&total) {
                kept.push(row);
            }
            total += 1;
        }
        Ok(())
    })?;
    let (shown, total) = if group {
        let claims = claims::group(kept);
        let total = claims.len();
        let page = claims.into_iter().skip(from).take(PAGE).collect();
        (Shown::Claims(page), total)
    } else {
        (Shown::Rows(kept), total)
    };
    Ok(Table {
        shown,
        total,
        articles,
    })
}

fn body(params: &Params, table: &Table) -> Markup {
    let group = grouped_view(params);
    let download = params.without("offset", None).without("view", None);
    let api = if group {
        "/api/facts/groups"
    } else {
        "/api/facts"
    };
    let what = if group { "claims" } else { "facts" };
    html! {
        (filter_form(params))
        div.summary {
            span { strong { (grouped(table.total as u64)) } " " (what) " from " (grouped(table.articles as u64)) " articles" }
            span.views {
                @if group {
                    a href={"/facts" (params.without("offset", None).without("view", None).query_string())} { "Every fact" }
                    " · " strong { "Grouped claims" }
                } @else {
                    strong { "Every fact" } " · "
                    a href={"/facts" (params.without("offset", None).set("view", Some("groups")).query_string())} { "Grouped claims" }
                }
            }
            span.downloads {
                "Download all " (what) ": "
                a.download href={(api) (download.with("format", "csv").query_string())} download="facts.csv" { "CSV" }
                " · "
                a.download href={(api) (download.with("format", "jsonl").query_string())} download="facts.jsonl" { "JSONL" }
            }
        }
        div.table-wrap {
            @match &table.shown {
                Shown::Rows(rows) => (rows_table(rows)),
                Shown::Claims(claims) => (claims_table(claims)),
            }
        }
        (paging("/facts", params, offset(params), PAGE, table.total))
    }
}

/// The column filters, kept with the search's scope.
fn filter_form(params: &Params) -> Markup {
    let scope = super::fact_scope(params);
    let label = params.one("label").unwrap_or("");
    let action = params.one("action").unwrap_or("");
    html! {
        form.fact-filters method="get" action="/facts" {
            @for (key, value) in scope.pairs() { input type="hidden" name=(key) value=(value); }
            @if grouped_view(params) { input type="hidden" name="view" value="groups"; }
            label { "Item " input type="text" name="item" value=[params.one("item")] placeholder="fentanyl"; }
            label { "Label "
                select name="label" {
                    option value="" { "any" }
                    @for l in ["DRUG", "WEAPON", "ORG", "PERSON", "LOCATION", "VEHICLE", "MILITARY_PLATFORM", "MONEY"] {
                        option value=(l) selected[label.eq_ignore_ascii_case(l)] { (l) }
                    }
                }
            }
            label { "Action "
                select name="action" {
                    option value="" { "any" }
                    @for a in Action::ALL {
                        option value=(a.as_str()) selected[action == a.as_str()] { (a.as_str()) }
                    }
                }
            }
            label { "Unit " input type="text" name="unit" value=[params.one("unit")] placeholder="kg, USD, count" size="8"; }
            label { "Min " input type="number" step="any" name="min" value=[params.one("min")] size="8"; }
            label { "Max " input type="number" step="any" name="max" value=[params.one("max")] size="8"; }
            button type="submit" { "Apply" }
            @if FILTER_KEYS.iter().any(|k| params.one(k).is_some()) {
                @let cleared = FILTER_KEYS.iter().fold(params.without("offset", None), |p, k| p.without(k, None));
                a href={"/facts" (cleared.query_string())} { "Clear" }
            }
        }
    }
}

/// How the script sorts a column, if it does.
const TEXT: Option<&str> = Some("text");
const NUMBER: Option<&str> = Some("number");

/// A table's header row: each column's name, and how it sorts.
fn head(columns: &[(&str, Option<&str>)]) -> Markup {
    html! {
        thead { tr { @for (name, sort) in columns { th data-sort=[sort] { (name) } } } }
    }
}

fn rows_table(rows: &[FactRow]) -> Markup {
    html! {
        table.facts.sortable {
            (head(&[
                ("Published", TEXT), ("Source", TEXT), ("Figure", TEXT), ("Value", NUMBER),
                ("Unit", TEXT), ("Item", TEXT), ("Label", TEXT), ("Action", TEXT),
                ("Period", TEXT), ("Place", TEXT), ("Attributed to", TEXT), ("Sentence", None),
            ]))
            tbody {
                @for row in rows {
                    @let f = &row.fact;
                    tr {
                        td { (row.published.as_deref().unwrap_or("")) }
                        td { (row.source.as_deref().unwrap_or("")) }
                        td.figure { (f.figure_text) @if let Some(q) = f.qualifier { " " span.qualifier { "(" (q.as_str()) ")" } } }
                        td.num data-value=(number(f.value_base)) { (f.value_base.map(readable).unwrap_or_default()) }
                        td { (f.unit_base.as_ref().map(|u| u.as_str()).unwrap_or("")) }
                        td { (f.item_canonical.as_ref().or(f.item.as_ref()).map(String::as_str).unwrap_or("")) }
                        td { (f.item_label.map(|l| l.as_str()).unwrap_or("")) }
                        td { (f.action.map(|a| a.as_str()).unwrap_or("")) }
                        td { (f.period.as_deref().unwrap_or("")) }
                        td { (f.place.as_deref().unwrap_or("")) }
                        td { (f.attributed_to.as_deref().unwrap_or("")) }
                        td.sentence { a href=(cite_href(&row.doc_id, &f.fact_id)) { (f.sentence) } }
                    }
                }
            }
        }
    }
}

fn claims_table(claims: &[Claim]) -> Markup {
    html! {
        table.facts.sortable {
            (head(&[
                ("Item", TEXT), ("Action", TEXT), ("Value", NUMBER), ("Unit", TEXT),
                ("Period", TEXT), ("Articles", NUMBER), ("Conflicting figures", None),
                ("Citations", None),
            ]))
            tbody {
                @for claim in claims {
                    tr.conflict[!claim.conflicts.is_empty()] {
                        td { (claim.item_canonical.as_ref().or(claim.item.as_ref()).map(String::as_str).unwrap_or("")) }
                        td { (claim.action.map(|a| a.as_str()).unwrap_or("")) }
                        td.num data-value=(number(claim.value_base)) { (claim.value_base.map(readable).unwrap_or_default()) }
                        td { (claim.unit_base.as_ref().map(|u| u.as_str()).unwrap_or("")) }
                        td { (period(claim)) }
                        td.num data-value=(claim.count) { (claim.count) }
                        td { @if !claim.conflicts.is_empty() { span.flag { "⚠ " } (claim.conflicts.join("; ")) } }
                        td {
                            ul.citations {
                                @for c in &claim.citations {
                                    li {
                                        a href=(cite_href(&c.doc_id, &c.fact_id)) title=(c.sentence) {
                                            (title_or_id(c.title.as_deref(), &c.doc_id))
                                        }
                                        @if let Some(date) = &c.published { " " time { (date) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn period(claim: &Claim) -> String {
    match (claim.period_start, claim.period_end) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => String::new(),
    }
}
