//! Fuzz target: a text (bytes as lossy UTF-8) tagged by the built-in tagger and encoded as the
//! tag output's JSONL line. Besides panics, aborts and hangs, a broken offset contract or an
//! output line that is not JSON is a finding (checked with asserts).

use dossier::{Article, Tagger};

fn main() {
    // Built before the fork server starts, so each run only tags.
    let tagger = Tagger::builtin().expect("the default lexicons compile");
    afl::fuzz!(|bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        let tagged = tagger.annotate(Article::new(text.as_ref()));
        let mut last_end = 0;
        for e in &tagged.entities {
            assert!(e.start < e.end && e.end <= text.len(), "{e:?}");
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            assert!(e.start >= last_end, "overlap at {e:?}");
            last_end = e.end;
        }
        for fact in &tagged.facts {
            let figure = &tagged.entities[fact.figure];
            assert!(figure.label.is_figure(), "{fact:?}");
            // The figure starts in its sentence. It may end past it: a figure across a line
            // break (findings/README.md, 2).
            assert!(fact.sentence.start <= figure.start && figure.start < fact.sentence.end);
            assert!(fact.sentence.end <= text.len());
        }
        let line = dossier::sink::jsonl::encode(&tagged);
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(&line) {
            panic!("the output line is not JSON: {e}");
        }
    });
}
