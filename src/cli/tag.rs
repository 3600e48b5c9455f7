//! `dossier tag`: stream articles through the tagger on all cores, in input order.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::ProgressBar;

use super::pipeline;
use crate::facts;
use crate::ingest::{Reader, Record, expand};
use crate::sink::jsonl::write_line;
use crate::tagger::Tagger;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: pipeline::Inputs,
    /// Write the tag output here instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// What one run did, for the summary.
#[derive(Default)]
struct Summary {
    articles: usize,
    bytes: u64,
    by_label: BTreeMap<&'static str, usize>,
    skipped: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    pipeline::set_threads(args.input.threads)?;
    let inputs = expand(&args.input.paths)?;
    let tagger = super::build_tagger(args.input.lexicons.as_ref())?;
    let mut out = pipeline::open_output(args.output.as_ref())?;
    let progress = pipeline::progress_bar(&inputs, args.input.quiet);
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut reader = Reader::new(inputs);
    pipeline::run(
        &mut reader,
        &progress,
        |record| tag_record(&tagger, record),
        |tagged| Ok(write_batch(&mut out, tagged, &mut summary, &progress)?),
    )?;
    out.flush()?;
    progress.finish_and_clear();
    summary.bytes = reader.bytes_read();
    let code = pipeline::report_unreadable(&reader);
    if !args.input.quiet {
        eprint!("{}", summary.report(started.elapsed().as_secs_f64()));
    }
    Ok(code)
}

type Tagged = Result<(Vec<u8>, Vec<&'static str>), String>;

fn write_batch(
    out: &mut dyn Write,
    tagged: Vec<Tagged>,
    summary: &mut Summary,
    progress: &ProgressBar,
) -> io::Result<()> {
    for result in tagged {
        match result {
            Ok((line, labels)) => {
                out.write_all(&line)?;
                summary.articles += 1;
                for label in labels {
                    *summary.by_label.entry(label).or_default() += 1;
                }
            }
            Err(message) => {
                progress.suspend(|| eprintln!("dossier: skipped {message}"));
                summary.skipped.push(message);
            }
        }
    }
    Ok(())
}

fn tag_record(tagger: &Tagger, record: Record) -> Tagged {
    let origin = record.origin.clone();
    let article = record
        .into_article()
        .map_err(|reason| format!("{origin}: {reason}"))?;
    let entities = tagger.tag(&article);
    let mut line = Vec::with_capacity(article.text.len() / 2 + 256);
    let facts = facts::link(&article, &entities);
    write_line(&article, &entities, &facts, &mut line);
    Ok((line, entities.iter().map(|e| e.label.as_str()).collect()))
}

impl Summary {
    fn report(&self, seconds: f64) -> String {
        let mut out = format!(
            "dossier tag: {} articles, {}\n",
            self.articles,
            pipeline::rate(self.bytes, seconds)
        );
        let labels: Vec<String> = self
            .by_label
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        out.push_str(&format!(
            "entities: {}\n",
            if labels.is_empty() {
                "none".into()
            } else {
                labels.join(", ")
            }
        ));
        if !self.skipped.is_empty() {
            out.push_str(&format!(
                "skipped {} line(s); the first: {}\n",
                self.skipped.len(),
                self.skipped[0]
            ));
        }
        out
    }
}
