//! `dossier export opensearch`: the articles (tagged from files, or as an index holds them)
//! as an OpenSearch / Elasticsearch index template and `_bulk` files, for search beyond one
//! machine.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, bail};

use super::pipeline;
use crate::driver::{Driver, Outcome};
use crate::index::{Index, SearchRequest, Sort};
use crate::sink::opensearch::{BulkFiles, Exported};

#[derive(clap::Subcommand)]
pub enum Command {
    /// An index template (index-template.json) and `_bulk` NDJSON files (bulk-00001.ndjson …)
    /// for OpenSearch or Elasticsearch: one action and one document line per article, the
    /// article id as `_id`, so loading a new export replaces documents rather than adding
    /// copies
    Opensearch(Args),
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    articles: super::Articles,
    /// The directory to write the template and the bulk files into (created if missing)
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    /// The most bytes one bulk file holds (an article larger than that gets a file of its own)
    #[arg(long, value_name = "BYTES", default_value_t = 10_000_000, value_parser = clap::value_parser!(u64).range(1..))]
    bulk_bytes: u64,
}

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    let Command::Opensearch(args) = command;
    let started = Instant::now();
    let (exported, code) = match args.articles.stored() {
        Some(dir) => (from_index(&dir, &args)?, ExitCode::SUCCESS),
        None => from_files(&args)?,
    };
    if !args.articles.input.files.quiet {
        eprintln!(
            "dossier export: {} articles in {} bulk file(s) and {} in {}, {:.2} s",
            exported.articles,
            exported.files.len(),
            exported.template.display(),
            args.output.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(code)
}

/// Tags the files and exports them; bad records are reported and skipped, as `dossier tag`
/// does.
fn from_files(args: &Args) -> anyhow::Result<(Exported, ExitCode)> {
    refuse_output_among_inputs(&args.output, &args.articles.input.files.paths)?;
    let (mut reader, progress) = args.articles.input.files.open_reader()?;
    let tagger = super::build_tagger(&args.articles.input)?;
    let mut files = BulkFiles::create(&args.output, args.bulk_bytes)?;
    let mut skipped = 0;
    let show = |bytes| progress.set_position(bytes);
    let entry = |tagged: crate::tagged::Tagged| BulkFiles::entry(&tagged);
    Driver::new(&tagger)
        .on_progress(&show)
        .run(&mut reader, &entry, |outcome| match outcome {
            Outcome::Tagged(entry) => files.write_entry(&entry),
            Outcome::Bad(error) => {
                skipped += 1;
                pipeline::report_skipped(&progress, &error);
                Ok(())
            }
            Outcome::PassedOver(_) => Ok(()),
        })?;
    let exported = files.finish()?;
    progress.finish_and_clear();
    Ok((exported, pipeline::exit_code(&reader, skipped)))
}

/// Exports every article the index holds, newest first.
fn from_index(dir: &Path, args: &Args) -> anyhow::Result<Exported> {
    let index = Index::open(dir)?;
    let mut files = BulkFiles::create(&args.output, args.bulk_bytes)?;
    let every = SearchRequest {
        sort: Sort::Date,
        limit: 0,
        ..SearchRequest::default()
    };
    index.each_match(&every, |tagged| {
        files.write_entry(&BulkFiles::entry(&tagged))
    })?;
    Ok(files.finish()?)
}

/// An export directory inside an input directory would have its own files read back as
/// articles (`.ndjson` is read as JSONL) on the next run.
fn refuse_output_among_inputs(output: &Path, inputs: &[PathBuf]) -> anyhow::Result<()> {
    let Ok(output) = output.canonicalize() else {
        // It does not exist yet, so no input holds it... unless its parent is an input.
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty());
        return match parent {
            Some(parent) if parent.exists() => refuse_output_among_inputs(parent, inputs)
                .with_context(|| {
                    format!("{} would be inside an input directory", output.display())
                }),
            _ => Ok(()),
        };
    };
    for input in inputs {
        if let Ok(input) = input.canonicalize()
            && input.is_dir()
            && output.starts_with(&input)
        {
            bail!(
                "{}: the export directory is inside the input {}, whose .ndjson files are read \
                 as articles: write the export elsewhere",
                output.display(),
                input.display()
            );
        }
    }
    Ok(())
}
