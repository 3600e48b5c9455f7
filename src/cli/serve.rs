//! `dossier serve`: index the paths given (as `dossier index` does), then serve the index to
//! the browser and to pipelines until Ctrl-C.

use std::net::SocketAddr;
use std::process::ExitCode;

use super::index;
use crate::index::Index;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    indexing: index::Args,
    /// The address to listen on; loopback unless you mean to share the index (port 0 picks a
    /// free port)
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // Without paths the index is served as it is: stdin is not read.
    if !args.indexing.input.files.paths.is_empty() {
        let indexed = index::run(&args.indexing)?;
        if indexed != ExitCode::SUCCESS {
            eprintln!("dossier serve: some records were skipped (see above); serving the rest");
        }
    }
    let index = Index::open(&args.indexing.index.path)?;
    let tagger = super::build_tagger(&args.indexing.input)?;
    crate::serve::serve(index, tagger, args.addr, |bound| {
        println!("dossier serve: http://{bound}/ (Ctrl-C stops it)");
    })?;
    Ok(ExitCode::SUCCESS)
}
