//! `dossier facts`: tag articles and print their fact table (CSV, JSONL or Markdown),
//! filtered by item, label, action, value and unit.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;

use super::pipeline;
use crate::facts::table::Row;
use crate::facts::{self, table};
use crate::index::Store;
use crate::index::search::{Request, Sort, stored_facts};
use crate::ingest::{Reader, Record, expand};
use crate::sink::table::{Format, Sink};
use crate::tagger::Tagger;
use crate::text::fold::fold;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: pipeline::Inputs,
    /// Read the facts stored in this index instead of tagging files
    #[arg(long, value_name = "DIR", conflicts_with = "paths")]
    index: Option<PathBuf>,
    /// With --index: the articles whose facts to list, in the search syntax (default: all)
    #[arg(long, value_name = "QUERY", requires = "index")]
    query: Option<String>,
    /// With --index: keep articles with this facet value, e.g. org="Sinaloa Cartel"
    /// (repeatable, as in `dossier search`)
    #[arg(long = "filter", value_name = "NAME=VALUE", requires = "index", value_parser = super::search::parse_filter)]
    filters: Vec<(String, String)>,
    /// With --index: articles published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)
    #[arg(long, value_name = "DATE", requires = "index")]
    since: Option<String>,
    /// With --index: articles published on or before this date
    #[arg(long, value_name = "DATE", requires = "index")]
    until: Option<String>,
    /// Keep facts whose item (or its canonical name) contains this text, e.g. fentanyl
    #[arg(long, value_name = "TEXT")]
    item: Option<String>,
    /// Keep facts whose item is an entity with this label, e.g. DRUG or WEAPON
    #[arg(long, value_name = "LABEL")]
    label: Option<String>,
    /// Keep facts with this action, e.g. seized
    #[arg(long, value_name = "ACTION")]
    action: Option<String>,
    /// Keep facts whose value (in its base unit: kg, the currency, the count) is at least this
    #[arg(long, value_name = "VALUE")]
    min: Option<f64>,
    /// Keep facts whose value (in its base unit) is at most this
    #[arg(long, value_name = "VALUE")]
    max: Option<f64>,
    /// Keep facts in this unit: a base unit (kg, USD, MXN, count, %) or the unit written
    #[arg(long, value_name = "UNIT")]
    unit: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// Merge the same claim reported by several articles (same item, action, value and
    /// unit, overlapping period) into one row with its count and citations, and flag other
    /// figures given for the same item, action and period
    #[arg(long)]
    group: bool,
    /// Write the table here instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Which facts to keep.
struct Filter {
    item: Option<String>,
    label: Option<String>,
    action: Option<String>,
    min: Option<f64>,
    max: Option<f64>,
    unit: Option<String>,
}

impl Filter {
    fn keeps(&self, row: &Row) -> bool {
        let f = &row.fact;
        let folded = |s: &Option<String>| s.as_deref().map(fold).unwrap_or_default();
        let item_ok = self.item.as_ref().is_none_or(|want| {
            folded(&f.item).contains(want.as_str())
                || folded(&f.item_canonical).contains(want.as_str())
        });
        let label_ok = self.label.as_ref().is_none_or(|want| {
            f.item_label
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case(want))
        });
        let action_ok = self
            .action
            .as_ref()
            .is_none_or(|want| f.action.as_deref() == Some(want.as_str()));
        let value = f.value_base;
        let min_ok = self.min.is_none_or(|min| value.is_some_and(|v| v >= min));
        let max_ok = self.max.is_none_or(|max| value.is_some_and(|v| v <= max));
        let unit_ok = self.unit.as_ref().is_none_or(|want| {
            [&f.unit_base, &f.unit]
                .iter()
                .any(|u| u.as_deref().is_some_and(|u| u.eq_ignore_ascii_case(want)))
        });
        item_ok && label_ok && action_ok && min_ok && max_ok && unit_ok
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    pipeline::set_threads(args.input.threads)?;
    let filter = Filter {
        item: args.item.as_deref().map(fold),
        label: args.label,
        action: args.action.map(|a| a.to_lowercase()),
        min: args.min,
        max: args.max,
        unit: args.unit,
    };
    let out = pipeline::open_output(args.output.as_ref())?;
    let mut sink = Sink::new(args.format, out, args.group);
    if let Some(dir) = &args.index {
        let request = Request {
            query: args.query.clone().unwrap_or_default(),
            facets: Vec::new(),
            filters: args.filters.clone(),
            since: args.since.clone(),
            until: args.until.clone(),
            sort: Sort::Date,
            limit: 0,
            offset: 0,
            facet_limit: 0,
        };
        return from_index(dir, &request, &filter, sink, args.input.quiet);
    }
    let inputs = expand(&args.input.paths)?;
    let tagger = super::build_tagger(args.input.lexicons.as_ref())?;
    let progress = pipeline::progress_bar(&inputs, args.input.quiet);
    let mut reader = Reader::new(inputs);
    let (mut articles, mut found, mut kept, mut skipped) = (0, 0, 0, 0);
    pipeline::run(
        &mut reader,
        &progress,
        |record| fact_rows(&tagger, record),
        |batch| {
            for result in batch {
                match result {
                    Ok(rows) => {
                        articles += 1;
                        found += rows.len();
                        for row in rows.iter().filter(|r| filter.keeps(r)) {
                            kept += 1;
                            sink.write(row)?;
                        }
                    }
                    Err(message) => {
                        skipped += 1;
                        progress.suspend(|| eprintln!("dossier: skipped {message}"));
                    }
                }
            }
            Ok(())
        },
    )?;
    sink.finish()?;
    progress.finish_and_clear();
    let code = pipeline::report_unreadable(&reader);
    if !args.input.quiet {
        eprintln!(
            "dossier facts: {kept} facts written of {found} found in {articles} articles{}",
            if skipped > 0 {
                format!("; {skipped} records skipped")
            } else {
                String::new()
            }
        );
    }
    Ok(code)
}

/// The facts the index stores for the articles `request` matches, newest article first.
fn from_index(
    dir: &std::path::Path,
    request: &Request,
    filter: &Filter,
    mut sink: Sink,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let store = Store::open(dir)?;
    let (articles, notes) = match stored_facts(&store, request) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("dossier facts: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    for note in notes {
        eprintln!("dossier facts: note: {note}");
    }
    let (mut found, mut kept) = (0, 0);
    for stored in &articles {
        let records: Vec<table::Record> =
            serde_json::from_str(&stored.facts).with_context(|| {
                format!(
                    "{}: the facts stored for {} are unreadable",
                    dir.display(),
                    stored.article.id.as_deref().unwrap_or("")
                )
            })?;
        for fact in records {
            found += 1;
            let row = Row::new(&stored.article, fact);
            if filter.keeps(&row) {
                kept += 1;
                sink.write(&row)?;
            }
        }
    }
    sink.finish()?;
    if !quiet {
        eprintln!(
            "dossier facts: {kept} facts written of {found} stored for {} matching articles",
            articles.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn fact_rows(tagger: &Tagger, record: Record) -> Result<Vec<Row>, String> {
    let origin = record.origin.clone();
    let article = record
        .into_article()
        .map_err(|reason| format!("{origin}: {reason}"))?;
    let entities = tagger.tag(&article);
    let facts = facts::link(&article, &entities);
    Ok(table::records(&article, &entities, &facts)
        .into_iter()
        .map(|record| Row::new(&article, record))
        .collect())
}
