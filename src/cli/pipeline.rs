//! What every batch command shares on the command line: the input arguments, the output
//! file, the worker threads, the progress bar and the summary's rate.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};

use super::output::Output;
use crate::ingest::{Input, Reader, expand};

/// The arguments of every command that tags articles: what to read, and the lexicons to tag
/// with.
#[derive(clap::Args)]
pub struct TagInputs {
    #[command(flatten)]
    pub files: Inputs,
    /// A directory of the user's own lexicon .tsv files (and a patterns.tsv), added to the
    /// defaults
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<PathBuf>,
    /// A file of identifier patterns: label<TAB>regex<TAB>options rows
    #[arg(long, value_name = "FILE")]
    pub patterns: Option<PathBuf>,
}

/// The arguments of every command that reads articles.
#[derive(clap::Args)]
pub struct Inputs {
    /// JSONL files, .txt/.md/.html files, directories (walked recursively), or - for stdin (the
    /// default)
    pub paths: Vec<PathBuf>,
    /// Print no progress bar and no summary
    #[arg(short, long)]
    pub quiet: bool,
    /// Worker threads (default: one per core)
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

/// What a batch command works with: its inputs, a progress bar over them, and its output.
pub struct Opened {
    pub reader: Reader,
    pub progress: ProgressBar,
    pub output: Output,
}

impl Inputs {
    /// Sets up the worker threads, then opens the inputs with a progress bar over them and
    /// the `output` file (stdout if none), which must not be one of the inputs.
    pub fn open(&self, output: Option<&Path>) -> anyhow::Result<Opened> {
        let inputs = self.inputs()?;
        let output = Output::create(output, &inputs)?;
        let progress = progress_bar(&inputs, self.quiet);
        Ok(Opened {
            reader: Reader::new(inputs),
            progress,
            output,
        })
    }

    /// Sets up the worker threads, then opens the inputs with a progress bar over them, for
    /// a command that writes elsewhere than one output file.
    pub fn open_reader(&self) -> anyhow::Result<(Reader, ProgressBar)> {
        let inputs = self.inputs()?;
        let progress = progress_bar(&inputs, self.quiet);
        Ok((Reader::new(inputs), progress))
    }

    /// The inputs the paths name, with the worker threads set up and what is skipped noted.
    fn inputs(&self) -> anyhow::Result<Vec<Input>> {
        set_threads(self.threads)?;
        let inputs = expand(&self.paths)?;
        if inputs.contains(&Input::Stdin) && io::stdin().is_terminal() && !self.quiet {
            eprintln!(
                "dossier: reading articles (JSONL, one per line) from the terminal; end with \
                 Ctrl-D, or give files or directories to read (see --help)"
            );
        }
        for input in &inputs {
            if let Input::Skipped(path, reason) = input {
                eprintln!("dossier: note: {}: {reason}", path.display());
            }
        }
        Ok(inputs)
    }
}

/// Names the files that could not be read, and gives the run's exit code: 0 when every
/// record was read, 1 when some file could not be read or `skipped` records were not
/// articles (the rest was processed), so batch jobs notice.
pub fn exit_code(reader: &Reader, skipped: usize) -> ExitCode {
    for problem in &reader.unreadable {
        eprintln!("dossier: error: cannot read {problem}");
    }
    if reader.unreadable.is_empty() && skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The most worker threads `-j` takes: more only costs memory and start-up time (each thread
/// has its own stack), and an absurd number would take the machine down.
const MAX_THREADS: usize = 1024;

/// Sets the number of worker threads (`-j N`); by default there is one per core.
fn set_threads(threads: Option<usize>) -> anyhow::Result<()> {
    if let Some(n) = threads {
        anyhow::ensure!(
            (1..=MAX_THREADS).contains(&n),
            "-j/--threads must be between 1 and {MAX_THREADS} (this machine has {} cores)",
            std::thread::available_parallelism().map_or(1, |n| n.get())
        );
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("setting up the worker threads")?;
    }
    Ok(())
}

/// A progress bar over the input's bytes, on stderr, only when stderr is a terminal.
fn progress_bar(inputs: &[Input], quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Input::Jsonl(p) | Input::Text(p) | Input::Html(p) => {
                std::fs::metadata(p).ok().map(|m| m.len())
            }
            Input::Stdin | Input::Skipped(..) => None,
        })
        .sum();
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Reports a record that was skipped, above the progress bar.
pub fn report_skipped(progress: &ProgressBar, error: &crate::error::Error) {
    progress.suspend(|| eprintln!("dossier: skipped {error}"));
}

/// Megabytes per second, for summaries.
pub fn rate(bytes: u64, seconds: f64) -> String {
    let mb = bytes as f64 / 1e6;
    format!(
        "{mb:.1} MB in {seconds:.2} s ({:.1} MB/s)",
        mb / seconds.max(1e-9)
    )
}
