//! `dossier index`: tag articles on all cores and file them in the search index, skipping
//! those already there unchanged and replacing those that changed.

use std::process::ExitCode;
use std::time::Instant;

use super::pipeline;
use crate::driver::{Driver, Outcome};
use crate::index::{Index, IndexWriter, Written};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub(super) input: pipeline::TagInputs,
    #[command(flatten)]
    pub(super) index: super::IndexDir,
    /// Re-tag and replace every article, even those indexed unchanged
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let pipeline::Opened {
        mut reader,
        progress,
        ..
    } = args.input.files.open(None)?;
    let tagger = super::build_tagger(&args.input)?;
    let index = Index::open_or_create(&args.index.path)?;
    let mut writer = IndexWriter::new(&index, &tagger, args.force)?;
    let documents = writer.documents();
    let started = Instant::now();
    let mut skipped = Vec::new();
    let show = |bytes| progress.set_position(bytes);
    Driver::new(&tagger)
        .on_progress(&show)
        .run(&mut reader, &documents, |outcome| {
            match outcome {
                Outcome::Tagged(document) => {
                    writer.put(document)?;
                }
                Outcome::PassedOver(article) => {
                    writer.unchanged(article)?;
                }
                Outcome::Bad(error) => {
                    pipeline::report_skipped(&progress, &error);
                    skipped.push(error.to_string());
                }
            }
            Ok(())
        })?;
    let written = writer.written().clone();
    let total = writer.finish(&index)?;
    report_duplicates(&written.duplicates);
    progress.finish_and_clear();
    let code = pipeline::exit_code(&reader, skipped.len());
    if !args.input.files.quiet {
        let seconds = started.elapsed().as_secs_f64();
        let articles = written.new + written.replaced + written.unchanged;
        eprint!(
            "dossier index: {articles} articles, {}\n{}",
            pipeline::rate(reader.bytes_read(), seconds),
            report(&args.index.path, &written, total, &skipped)
        );
    }
    Ok(code)
}

/// Names the ids that came more than once (the first few), and says which article was kept.
fn report_duplicates(duplicates: &[String]) {
    const SHOWN: usize = 5;
    if duplicates.is_empty() {
        return;
    }
    let shown: Vec<&str> = duplicates.iter().take(SHOWN).map(String::as_str).collect();
    let more = duplicates.len().saturating_sub(SHOWN);
    eprintln!(
        "dossier: note: {} article(s) repeat an id met earlier in the input ({}{}); the last \
         one with each id is the one indexed",
        duplicates.len(),
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    );
}

fn report(dir: &std::path::Path, written: &Written, total: u64, skipped: &[String]) -> String {
    let mut out = format!(
        "indexed {} new, replaced {}, unchanged {}; {} now holds {total} articles\n",
        written.new,
        written.replaced,
        written.unchanged,
        dir.display(),
    );
    if let Some(first) = skipped.first() {
        out.push_str(&format!(
            "skipped {} record(s); the first: {first}\n",
            skipped.len()
        ));
    }
    out
}
