//! The command line: parse arguments and wire stages to sinks. No tagging logic lives here.

mod eval;
mod export;
mod facts;
mod index;
mod lexicon;
mod output;
mod pipeline;
mod read;
mod search;
mod serve;
mod tag;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::lexicon::Lexicon;
use crate::tagger::Tagger;

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Tag, index and tabulate open-source news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Tag articles: JSONL in, one line of entities per article out
    Tag(tag::Args),
    /// Print the articles as read, untagged: one JSONL line of the input contract (id, title,
    /// text, url, published, source) per article, from JSONL, .txt/.md and .html files
    Read(read::Args),
    /// Work with the lexicons
    Lexicon {
        #[command(subcommand)]
        command: lexicon::Command,
    },
    /// Tag articles and file them in a search index (created if new; unchanged articles are
    /// skipped, changed ones replaced)
    Index(index::Args),
    /// Search the index: ranked hits with snippets and entities, and facet counts
    Search(search::Args),
    /// Index PATHs (if any), then serve the index over HTTP: the JSON API (/api/search,
    /// /api/articles/ID, /api/facts, /api/tag …), on loopback unless --addr says otherwise
    Serve(serve::Args),
    /// The fact table: every figure with what it counts, the event, time, place, source and
    /// the sentence it comes from (CSV, JSONL or Markdown)
    Facts(facts::Args),
    /// Score tag output against gold annotations (precision, recall, F1 per label)
    Eval(eval::Args),
    /// Export the articles for another engine: `dossier export opensearch` writes an index
    /// template and `_bulk` files for OpenSearch or Elasticsearch
    Export {
        #[command(subcommand)]
        command: export::Command,
    },
}

/// Runs the command line; returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Tag(args) => tag::run(args),
        Command::Read(args) => read::run(args),
        Command::Lexicon { command } => lexicon::run(command),
        Command::Index(args) => index::run(&args),
        Command::Serve(args) => serve::run(args),
        Command::Search(args) => search::run(args),
        Command::Facts(args) => facts::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Export { command } => export::run(command),
    };
    match result {
        Ok(code) => code,
        // The reader of our output went away (`dossier tag | head`): nothing is wrong.
        Err(e) if e.chain().any(is_broken_pipe) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(error: &(dyn std::error::Error + 'static)) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// The index directory of `dossier index` and `dossier search`.
#[derive(clap::Args)]
struct IndexDir {
    /// The index directory (`dossier index` creates it if it does not exist)
    #[arg(
        long = "index",
        value_name = "DIR",
        env = INDEX_VARIABLE,
        default_value = DEFAULT_INDEX
    )]
    path: PathBuf,
}

/// Where the articles of `facts` and `export` come from: files to tag, or an index that
/// holds them tagged (`--index [DIR]`).
#[derive(clap::Args)]
struct Articles {
    #[command(flatten)]
    input: pipeline::TagInputs,
    /// Read the articles this index holds instead of tagging files; without DIR, the index of
    /// `dossier index` ($DOSSIER_INDEX, else dossier-index)
    #[arg(long, value_name = "DIR", conflicts_with = "paths", num_args = 0..=1)]
    index: Option<Option<PathBuf>>,
}

impl Articles {
    /// The index to read, if one was asked for.
    fn stored(&self) -> Option<PathBuf> {
        self.index
            .clone()
            .map(|dir| dir.unwrap_or_else(default_index))
    }
}

/// The environment variable that names the index, and the index used without it.
const INDEX_VARIABLE: &str = "DOSSIER_INDEX";
const DEFAULT_INDEX: &str = "dossier-index";

/// The index a command uses when none is named: `$DOSSIER_INDEX`, else `dossier-index`.
fn default_index() -> PathBuf {
    std::env::var_os(INDEX_VARIABLE).map_or_else(|| PathBuf::from(DEFAULT_INDEX), PathBuf::from)
}

/// The default lexicons plus a user's directory and pattern file.
fn load_lexicon(extra: Option<&Path>, patterns: Option<&Path>) -> anyhow::Result<Lexicon> {
    let mut lexicon = Lexicon::builtin();
    if let Some(dir) = extra {
        lexicon.add_dir(dir)?;
    }
    if let Some(file) = patterns {
        lexicon.add_patterns_file(file)?;
    }
    Ok(lexicon)
}

/// The tagger of a command's lexicons and patterns, with every problem printed as a warning.
fn build_tagger(inputs: &pipeline::TagInputs) -> anyhow::Result<Tagger> {
    let lexicon = load_lexicon(inputs.lexicons.as_deref(), inputs.patterns.as_deref())?;
    for problem in &lexicon.problems {
        eprintln!("dossier: warning: {problem}");
    }
    Ok(Tagger::new(lexicon)?)
}
