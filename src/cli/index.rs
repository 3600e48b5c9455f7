//! `dossier index`: tag articles on all cores and file them in the search index, skipping
//! those already there unchanged and replacing those that changed.

use std::process::ExitCode;
use std::time::Instant;

use indicatif::ProgressBar;

use super::pipeline;
use crate::article::Article;
use crate::facts;
use crate::index::Store;
use crate::index::document::{document, fingerprint};
use crate::index::writer::{Change, Indexed, Writer};
use crate::ingest::{Reader, Record, expand};
use crate::tagger::Tagger;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: pipeline::Inputs,
    #[command(flatten)]
    index: super::IndexDir,
    /// Re-tag and replace every article, even those indexed unchanged
    #[arg(long)]
    force: bool,
}

/// Articles added between commits: an interrupted run loses at most this much work (about a
/// minute of it), and commits stay few enough not to fragment the index.
const COMMIT_EVERY: usize = 20_000;

/// What a worker made of one record.
enum Outcome {
    Add {
        id: String,
        doc: tantivy::TantivyDocument,
        replaces: bool,
    },
    Unchanged,
    Skipped(String),
}

/// What one run did, for the summary.
#[derive(Default)]
struct Summary {
    new: usize,
    replaced: usize,
    unchanged: usize,
    skipped: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    pipeline::set_threads(args.input.threads)?;
    let inputs = expand(&args.input.paths)?;
    let tagger = super::build_tagger(args.input.lexicons.as_ref())?;
    let store = Store::open_or_create(&args.index.path)?;
    let indexed = Indexed::load(&store)?;
    let mut writer = Writer::new(&store)?;
    let progress = pipeline::progress_bar(&inputs, args.input.quiet);
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut reader = Reader::new(inputs);
    let tagger_fingerprint = tagger.fingerprint();
    let mut added_at_commit = 0;
    let work = |record: Record| {
        prepare(
            &tagger,
            &store,
            &indexed,
            tagger_fingerprint,
            args.force,
            record,
        )
    };
    pipeline::run(&mut reader, &progress, work, |outcomes| {
        file(&mut writer, outcomes, &mut summary, &progress)?;
        let added = summary.new + summary.replaced;
        if added - added_at_commit >= COMMIT_EVERY {
            writer.commit()?;
            added_at_commit = added;
        }
        Ok(())
    })?;
    let total = writer.finish(&store)?;
    progress.finish_and_clear();
    let code = pipeline::report_unreadable(&reader);
    if !args.input.quiet {
        let seconds = started.elapsed().as_secs_f64();
        eprint!(
            "{}",
            summary.report(&args.index.path, total, reader.bytes_read(), seconds)
        );
    }
    Ok(code)
}

/// Parses a record and, unless the index has it unchanged, tags it into a document.
fn prepare(
    tagger: &Tagger,
    store: &Store,
    indexed: &Indexed,
    tagger_fingerprint: u64,
    force: bool,
    record: Record,
) -> Outcome {
    let origin = record.origin.clone();
    let article: Article = match record.into_article() {
        Ok(article) => article,
        Err(reason) => return Outcome::Skipped(format!("{origin}: {reason}")),
    };
    let id = article.id.clone().unwrap_or_default();
    let print = fingerprint(&article, tagger_fingerprint);
    let change = indexed.change(&id, print);
    if change == Change::Unchanged && !force {
        return Outcome::Unchanged;
    }
    let entities = tagger.tag(&article);
    let facts = facts::link(&article, &entities);
    Outcome::Add {
        doc: document(&store.fields, &article, &entities, &facts, print),
        replaces: change != Change::New,
        id,
    }
}

fn file(
    writer: &mut Writer,
    outcomes: Vec<Outcome>,
    summary: &mut Summary,
    progress: &ProgressBar,
) -> anyhow::Result<()> {
    for outcome in outcomes {
        match outcome {
            Outcome::Add { id, doc, replaces } => match writer.put(&id, doc, replaces)? {
                Change::Replaced => summary.replaced += 1,
                _ => summary.new += 1,
            },
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Skipped(message) => {
                progress.suspend(|| eprintln!("dossier: skipped {message}"));
                summary.skipped.push(message);
            }
        }
    }
    Ok(())
}

impl Summary {
    fn report(&self, dir: &std::path::Path, total: u64, bytes: u64, seconds: f64) -> String {
        let articles = self.new + self.replaced + self.unchanged;
        let mut out = format!(
            "dossier index: {articles} articles, {}\n\
             indexed {} new, replaced {}, unchanged {}; {} now holds {total} articles\n",
            pipeline::rate(bytes, seconds),
            self.new,
            self.replaced,
            self.unchanged,
            dir.display(),
        );
        if !self.skipped.is_empty() {
            out.push_str(&format!(
                "skipped {} record(s); the first: {}\n",
                self.skipped.len(),
                self.skipped[0]
            ));
        }
        out
    }
}
