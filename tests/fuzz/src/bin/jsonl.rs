//! Fuzz target: one JSONL input line, read as `dossier` reads a line of a `.jsonl` file. A
//! bad record is fine; a panic, an abort or a hang is a finding.

fn main() {
    afl::fuzz!(|line: &[u8]| {
        match dossier::ingest::article_from_json_line(line) {
            Ok(article) => {
                assert!(article.id.as_deref().is_some_and(|id| !id.is_empty()));
                assert!(article.text.len() <= line.len());
            }
            Err(dossier::Error::BadRecord { .. }) => {}
            Err(other) => panic!("not a bad record: {other:?}"),
        }
    });
}
