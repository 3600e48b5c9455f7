//! Fuzz target: an HTML page (bytes as lossy UTF-8), read as `dossier` reads an `.html` file.
//! A page refused as a bad record is fine; a panic, an abort or a hang is a finding.

fn main() {
    afl::fuzz!(|bytes: &[u8]| {
        let page = String::from_utf8_lossy(bytes);
        match dossier::ingest::article_from_html(&page) {
            Ok(article) => {
                assert!(!article.text.trim().is_empty());
                // An entity may grow ("&#0;" is the three bytes of U+FFFD), never more.
                assert!(article.text.len() <= 3 * page.len() + 16);
            }
            Err(dossier::Error::BadRecord { .. }) => {}
            Err(other) => panic!("not a bad record: {other:?}"),
        }
    });
}
