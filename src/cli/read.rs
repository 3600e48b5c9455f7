//! `dossier read`: the articles as the reader sees them, one JSONL line of the input contract
//! each, untagged: to check what was read out of saved pages and Markdown, and to convert them
//! to JSONL for other tools.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::pipeline;
use crate::driver;
use crate::sink::jsonl::output_error;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: pipeline::Inputs,
    /// Write the articles here instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline::Opened {
        mut reader,
        progress,
        mut output,
    } = args.input.open(args.output.as_deref())?;
    let (mut articles, mut skipped) = (0usize, 0usize);
    let mut line = Vec::new();
    driver::read(&mut reader, |article| {
        match article {
            Ok(article) => {
                line.clear();
                // An article, its fields strings and its extra fields parsed JSON, serializes.
                serde_json::to_writer(&mut line, &article).expect("serializing to memory");
                line.push(b'\n');
                output.write_all(&line).map_err(output_error)?;
                articles += 1;
            }
            Err(error) => {
                pipeline::report_skipped(&progress, &error);
                skipped += 1;
            }
        }
        Ok(())
    })?;
    output.commit()?;
    progress.finish_and_clear();
    let code = pipeline::exit_code(&reader, skipped);
    if !args.input.quiet {
        eprintln!("dossier read: {articles} articles");
    }
    Ok(code)
}
