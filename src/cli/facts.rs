//! `dossier facts`: tag articles and print their fact table (CSV, JSONL or Markdown),
//! filtered by item, label, action, value and unit.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::Output;
use super::pipeline;
use crate::driver::{Driver, Outcome};
use crate::error::Error;
use crate::facts::Action;
use crate::index::{Index, SearchRequest, Sort};
use crate::sink::table::{FactFilter, FactOutput, FactRow, Format, unit_named};
use crate::tagged::Tagged;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    articles: super::Articles,
    /// With --index: the articles whose facts to list, in the search syntax (default: all)
    #[arg(long, value_name = "QUERY", requires = "index")]
    query: Option<String>,
    /// With --index: keep articles with this facet value, e.g. org="Sinaloa Cartel"
    /// (repeatable, as in `dossier search`)
    #[arg(long = "filter", value_name = "NAME=VALUE", requires = "index", value_parser = crate::index::facets::parse_filter)]
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
    #[arg(long, value_name = "ACTION", value_parser = Action::named)]
    action: Option<Action>,
    /// Keep facts whose value (in its base unit: kg, the currency, the count) is at least this
    #[arg(long, value_name = "VALUE")]
    min: Option<f64>,
    /// Keep facts whose value (in its base unit) is at most this
    #[arg(long, value_name = "VALUE")]
    max: Option<f64>,
    /// Keep facts in this unit: a base unit (kg, USD, MXN, count, %) or the unit written
    #[arg(long, value_name = "UNIT", value_parser = unit_named)]
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

/// Counts for the summary.
#[derive(Default)]
struct Counts {
    articles: usize,
    found: usize,
    kept: usize,
    skipped: usize,
}

impl Counts {
    /// Passes the rows `filter` keeps to `destination`, counting them.
    fn keep(
        &mut self,
        rows: Vec<FactRow>,
        filter: &FactFilter,
        destination: &mut FactOutput<Output>,
    ) -> Result<(), Error> {
        self.articles += 1;
        self.found += rows.len();
        for row in rows.into_iter().filter(|r| filter.keeps(r)) {
            self.kept += 1;
            destination.write(row)?;
        }
        Ok(())
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let filter = FactFilter {
        item: args.item.clone(),
        label: args.label.clone(),
        action: args.action,
        min: args.min,
        max: args.max,
        unit: args.unit.clone(),
    };
    if let Some(dir) = args.articles.stored() {
        let output = Output::create(args.output.as_deref(), &[])?;
        let destination = FactOutput::new(args.group, args.format, output);
        let request = SearchRequest {
            query: args.query.clone().unwrap_or_default(),
            filters: args.filters.clone(),
            since: args.since.clone(),
            until: args.until.clone(),
            sort: Sort::Date,
            limit: 0,
            ..SearchRequest::default()
        };
        return from_index(
            &dir,
            &request,
            &filter,
            destination,
            args.articles.input.files.quiet,
        );
    }
    let pipeline::Opened {
        mut reader,
        progress,
        output,
    } = args.articles.input.files.open(args.output.as_deref())?;
    let mut destination = FactOutput::new(args.group, args.format, output);
    let tagger = super::build_tagger(&args.articles.input)?;
    let mut counts = Counts::default();
    let rows = |tagged: Tagged| FactRow::all(&tagged);
    let show = |bytes| progress.set_position(bytes);
    Driver::new(&tagger)
        .on_progress(&show)
        .run(&mut reader, &rows, |outcome| match outcome {
            Outcome::Tagged(rows) => counts.keep(rows, &filter, &mut destination),
            Outcome::Bad(error) => {
                counts.skipped += 1;
                pipeline::report_skipped(&progress, &error);
                Ok(())
            }
            Outcome::PassedOver(_) => Ok(()),
        })?;
    destination.finish()?.commit()?;
    progress.finish_and_clear();
    let code = pipeline::exit_code(&reader, counts.skipped);
    if !args.articles.input.files.quiet {
        let Counts {
            articles,
            found,
            kept,
            skipped,
        } = counts;
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
    request: &SearchRequest,
    filter: &FactFilter,
    mut destination: FactOutput<Output>,
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let index = Index::open(dir)?;
    let mut counts = Counts::default();
    let notes = index.each_match(request, |tagged| {
        counts.keep(FactRow::all(&tagged), filter, &mut destination)
    });
    let notes = match notes {
        Ok(notes) => notes,
        Err(e @ (Error::Query { .. } | Error::Request(_))) => {
            eprintln!("dossier facts: {e}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    for note in notes {
        eprintln!("dossier facts: note: {note}");
    }
    destination.finish()?.commit()?;
    if !quiet {
        eprintln!(
            "dossier facts: {} facts written of {} stored for {} matching articles",
            counts.kept, counts.found, counts.articles
        );
    }
    Ok(ExitCode::SUCCESS)
}
