//! The default lexicons: clean, complete, and as broad as the product promises.

use std::collections::HashSet;

use dossier::entity::Label;
use dossier::lexicon::Lexicon;
use dossier::lexicon::builtin::FILES;

#[test]
fn the_default_lexicons_have_no_problems() {
    let lexicon = Lexicon::builtin();
    let problems: Vec<String> = lexicon.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_lexicon_file_is_compiled_in() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    let listed: HashSet<String> = FILES.iter().map(|(name, _)| name.to_string()).collect();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "tsv") {
            let name = format!("lexicons/{}", path.file_name().unwrap().to_string_lossy());
            assert!(
                listed.contains(&name),
                "{name} is not listed in lexicon::builtin::FILES"
            );
        }
    }
}

#[test]
fn coverage_meets_the_minimums() {
    let counts = Lexicon::builtin().counts();
    let entries = |label: Label| counts.iter().find(|c| c.0 == label).map_or(0, |c| c.1);
    assert!(entries(Label::ORG) >= 400);
    assert!(entries(Label::WEAPON) >= 200);
    assert!(entries(Label::DRUG) >= 60);
    assert!(entries(Label::LOCATION) >= 195 + 50 + 32);
    assert!(entries(Label::NATIONALITY) >= 150);
    assert!(entries(Label::MILITARY_PLATFORM) >= 30);
    assert!(entries(Label::VEHICLE) >= 20);
}
