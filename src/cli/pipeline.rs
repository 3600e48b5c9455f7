//! The pipeline every batch command runs: read ‖ work on the thread pool ‖ consume, in input
//! order, with memory bounded by the batch size.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::ingest::{Input, Reader, Record};

/// The arguments of every command that reads and tags articles.
#[derive(clap::Args)]
pub struct Inputs {
    /// JSONL files, .txt/.md/.html files, directories (walked recursively), or - for stdin (the
    /// default)
    pub paths: Vec<PathBuf>,
    /// A directory of the user's own lexicon .tsv files, added to the defaults
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// Print no progress bar and no summary
    #[arg(short, long)]
    pub quiet: bool,
    /// Worker threads (default: one per core)
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

/// `-o FILE`, or stdout, buffered.
pub fn open_output(path: Option<&PathBuf>) -> anyhow::Result<Box<dyn Write + Send>> {
    Ok(match path {
        Some(path) => Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 20, io::stdout())),
    })
}

/// Names the files that could not be read; the run fails if there are any.
pub fn report_unreadable(reader: &Reader) -> ExitCode {
    for problem in &reader.unreadable {
        eprintln!("dossier: error: cannot read {problem}");
    }
    if reader.unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Articles handed to the thread pool at a time: large enough to keep every core busy, small
/// enough that memory stays flat.
const BATCH_RECORDS: usize = 2048;
const BATCH_BYTES: usize = 8 << 20;

/// Sets the number of worker threads (`-j N`); by default there is one per core.
pub fn set_threads(threads: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("setting up the worker threads")?;
    }
    Ok(())
}

/// Runs `work` on every record on the pool and hands each batch of results, in input order,
/// to `consume`. While the pool works on one batch, the next is read and the last is consumed.
pub fn run<T: Send>(
    reader: &mut Reader,
    progress: &ProgressBar,
    work: impl Fn(Record) -> T + Sync,
    mut consume: impl FnMut(Vec<T>) -> anyhow::Result<()> + Send,
) -> anyhow::Result<()> {
    let mut batch = reader.next_batch(BATCH_RECORDS, BATCH_BYTES);
    let mut done: Vec<T> = Vec::new();
    while !batch.is_empty() || !done.is_empty() {
        let (worked, (next, consumed)) = rayon::join(
            || batch.into_par_iter().map(&work).collect::<Vec<T>>(),
            || {
                let next = reader.next_batch(BATCH_RECORDS, BATCH_BYTES);
                (next, consume(std::mem::take(&mut done)))
            },
        );
        consumed?;
        progress.set_position(reader.bytes_read());
        done = worked;
        batch = next;
    }
    Ok(())
}

/// A progress bar over the input's bytes, on stderr, only when stderr is a terminal.
pub fn progress_bar(inputs: &[Input], quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Jsonl(p) | Input::Text(p) | Input::Html(p) => {
                std::fs::metadata(p).ok().map(|m| m.len())
            }
            Input::Stdin | Input::Other(_) => None,
        })
        .sum();
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Megabytes per second, for summaries.
pub fn rate(bytes: u64, seconds: f64) -> String {
    let mb = bytes as f64 / 1e6;
    format!(
        "{mb:.1} MB in {seconds:.2} s ({:.1} MB/s)",
        mb / seconds.max(1e-9)
    )
}
