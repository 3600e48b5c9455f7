//! `dossier tag`: stream articles through the tagger on all cores, in input order.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use super::pipeline;
use crate::driver::{Driver, Outcome};
use crate::entity::Label;
use crate::sink::jsonl::{self, JsonlSink};
use crate::tagged::Tagged;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: pipeline::TagInputs,
    /// Write the tag output here instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// What one run did, for the summary.
#[derive(Default)]
struct Summary {
    articles: usize,
    by_label: BTreeMap<&'static str, usize>,
    skipped: Vec<String>,
}

/// An article's line and its labels, made on a worker thread.
fn encode(tagged: Tagged) -> (Vec<u8>, Vec<Label>) {
    let labels = tagged.entities.iter().map(|e| e.label).collect();
    (jsonl::encode(&tagged), labels)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline::Opened {
        mut reader,
        progress,
        output,
    } = args.input.files.open(args.output.as_deref())?;
    let tagger = super::build_tagger(&args.input)?;
    let mut sink = JsonlSink::new(output);
    let started = Instant::now();
    let mut summary = Summary::default();
    let show = |bytes| progress.set_position(bytes);
    Driver::new(&tagger)
        .on_progress(&show)
        .run(&mut reader, &encode, |outcome| {
            match outcome {
                Outcome::Tagged((line, labels)) => {
                    sink.write_encoded(&line)?;
                    summary.articles += 1;
                    for label in labels {
                        *summary.by_label.entry(label.as_str()).or_default() += 1;
                    }
                }
                Outcome::Bad(error) => {
                    pipeline::report_skipped(&progress, &error);
                    summary.skipped.push(error.to_string());
                }
                Outcome::PassedOver(_) => {}
            }
            Ok(())
        })?;
    sink.into_inner()?.commit()?;
    progress.finish_and_clear();
    let code = pipeline::exit_code(&reader, summary.skipped.len());
    if !args.input.files.quiet {
        let seconds = started.elapsed().as_secs_f64();
        eprint!("{}", summary.report(reader.bytes_read(), seconds));
    }
    Ok(code)
}

impl Summary {
    fn report(&self, bytes: u64, seconds: f64) -> String {
        let mut out = format!(
            "dossier tag: {} articles, {}\n",
            self.articles,
            pipeline::rate(bytes, seconds)
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
