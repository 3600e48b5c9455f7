//! `dossier search`: a query against the index, printed for a person (ranked hits with
//! highlighted snippets and their entities, then facet counts) or as one JSON object.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::entity::Label;
use crate::error::Error;
use crate::index::search::{FacetCount, Hit, Results};
use crate::index::{Index, SearchRequest, Sort, facets};
use crate::sink::search::results_json;
use crate::tagged::Tagged;

#[derive(clap::Args)]
pub struct Args {
    /// The query, in tantivy's syntax: words (any may match; best first), "phrases",
    /// +required, -excluded, AND/OR/NOT, field:value (org:"Sinaloa Cartel", title:fentanyl),
    /// ranges (usd:[1000000 TO *]); empty or * for all
    query: String,
    #[command(flatten)]
    index: super::IndexDir,
    /// Count a facet over all matches: org, person, location, nationality, weapon, platform,
    /// vehicle, drug, source, language, published, or a path below one (weapon/rifle).
    /// Repeatable; default: org, person, location, weapon, drug, source, language, published
    #[arg(long = "facet", value_name = "NAME")]
    facets: Vec<String>,
    /// Keep only matches with this facet value, e.g. org="Sinaloa Cartel", weapon=rifle,
    /// published=2024-03. Repeatable; all must hold
    #[arg(long = "filter", value_name = "NAME=VALUE", value_parser = facets::parse_filter)]
    filters: Vec<(String, String)>,
    /// Published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Published on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// Order of the hits
    #[arg(long, value_enum, default_value = "relevance")]
    sort: Sort,
    /// Hits to show (0 for facet counts only)
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Hits to pass over first, for the next page
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Values to show per facet
    #[arg(long, value_name = "N", default_value_t = 10)]
    facet_limit: usize,
    /// Print one JSON object instead of text
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let index = Index::open(&args.index.path)?;
    let facets = if args.facets.is_empty() {
        facets::DEFAULT.iter().map(|f| f.to_string()).collect()
    } else {
        args.facets
    };
    let request = SearchRequest {
        query: args.query,
        facets,
        filters: args.filters,
        since: args.since,
        until: args.until,
        sort: args.sort,
        limit: args.limit,
        offset: args.offset,
        facet_limit: args.facet_limit,
    };
    let results = match index.search(&request) {
        Ok(results) => results,
        Err(e @ (Error::Query { .. } | Error::Request(_))) => {
            eprintln!("dossier search: {e}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    for note in &results.notes {
        eprintln!("dossier search: note: {note}");
    }
    let mut out = io::stdout().lock();
    if args.json {
        out.write_all(&results_json(&results))?;
        writeln!(out)?;
    } else {
        let bold = io::stdout().is_terminal();
        write_text(&mut out, &request, &results, bold)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_text(
    out: &mut impl Write,
    request: &SearchRequest,
    results: &Results,
    bold: bool,
) -> io::Result<()> {
    for (rank, hit) in results.hits.iter().enumerate() {
        write_hit(out, request.offset + rank + 1, hit, bold)?;
    }
    let shown = results.hits.len();
    let range = if shown == 0 {
        String::new()
    } else {
        format!(
            ", showing {}–{}",
            request.offset + 1,
            request.offset + shown
        )
    };
    writeln!(out, "{} matching articles{range}", results.total)?;
    for facet in &results.facets {
        write_facet(out, facet)?;
    }
    Ok(())
}

fn write_hit(out: &mut impl Write, rank: usize, hit: &Hit, bold: bool) -> io::Result<()> {
    let dash = "—";
    let article = &hit.tagged.article;
    writeln!(
        out,
        "{rank}. {}  {}  {}",
        article.published.as_deref().unwrap_or(dash),
        article.source.as_deref().unwrap_or(dash),
        article.title.as_deref().unwrap_or(hit.tagged.id())
    )?;
    if let Some(url) = &article.url {
        writeln!(out, "   {url}")?;
    }
    let (on, off) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let mut snippet = String::new();
    let mut at = 0;
    for range in &hit.highlights {
        snippet.push_str(&hit.snippet[at..range.start]);
        snippet.push_str(on);
        snippet.push_str(&hit.snippet[range.clone()]);
        snippet.push_str(off);
        at = range.end;
    }
    snippet.push_str(&hit.snippet[at..]);
    let snippet = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
    writeln!(out, "   {snippet}")?;
    for line in entity_lines(&hit.tagged) {
        writeln!(out, "   {line}")?;
    }
    writeln!(out)
}

/// The named entities of a hit, a line per label: distinct names, most mentioned first.
fn entity_lines(tagged: &Tagged) -> Vec<String> {
    const SHOWN: usize = 6;
    let mut by_label: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for e in &tagged.entities {
        if e.label.is_figure() || matches!(e.label, Label::DATE | Label::URL) {
            continue;
        }
        *by_label
            .entry(e.label.as_str())
            .or_default()
            .entry(e.name(&tagged.article.text))
            .or_default() += 1;
    }
    by_label
        .into_iter()
        .map(|(label, names)| {
            let mut names: Vec<(&str, usize)> = names.into_iter().collect();
            names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            let more = names.len().saturating_sub(SHOWN);
            let mut line = format!(
                "{label}: {}",
                names
                    .iter()
                    .take(SHOWN)
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if more > 0 {
                line.push_str(&format!(" (+{more} more)"));
            }
            line
        })
        .collect()
}

fn write_facet(out: &mut impl Write, facet: &FacetCount) -> io::Result<()> {
    writeln!(out, "\n{}", facet.name)?;
    if facet.values.is_empty() {
        return writeln!(out, "  (none)");
    }
    for (value, count) in &facet.values {
        writeln!(out, "  {count:>6}  {value}")?;
    }
    Ok(())
}
