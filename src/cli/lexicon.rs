//! `dossier lexicon check`: validate the lexicons and count them.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum Command {
    /// Validate the default lexicons (and DIR's) and pattern files, print entries and names
    /// per label
    Check {
        /// A directory of the user's own lexicon .tsv files (and a patterns.tsv), checked with
        /// the defaults
        #[arg(long, value_name = "DIR")]
        lexicons: Option<PathBuf>,
        /// A file of identifier patterns (label<TAB>regex<TAB>options), checked too
        #[arg(long, value_name = "FILE")]
        patterns: Option<PathBuf>,
    },
}

pub fn run(command: Command) -> anyhow::Result<ExitCode> {
    let Command::Check { lexicons, patterns } = command;
    let lexicon = super::load_lexicon(lexicons.as_deref(), patterns.as_deref())?;
    for problem in &lexicon.problems {
        println!("{problem}");
    }
    println!("{:<18} {:>8} {:>8}", "label", "entries", "names");
    let (mut entries, mut names) = (0, 0);
    for (label, e, n) in lexicon.counts() {
        println!("{:<18} {e:>8} {n:>8}", label.as_str());
        entries += e;
        names += n;
    }
    println!("{:<18} {entries:>8} {names:>8}", "total");
    let pattern_counts = lexicon.pattern_counts();
    if !pattern_counts.is_empty() {
        println!("{:<18} {:>8}", "pattern label", "rows");
        for (label, rows) in pattern_counts {
            println!("{:<18} {rows:>8}", label.as_str());
        }
    }
    if lexicon.problems.is_empty() {
        println!("ok: no problems");
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "{} problem(s): the rows named above were skipped",
            lexicon.problems.len()
        );
        Ok(ExitCode::FAILURE)
    }
}
