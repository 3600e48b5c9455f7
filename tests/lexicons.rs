//! The default lexicons: clean, complete, and as broad as the product promises.

use dossier::entity::Label;
use dossier::lexicon::Lexicon;

#[test]
fn the_default_lexicons_have_no_problems() {
    let lexicon = Lexicon::builtin();
    let problems: Vec<String> = lexicon.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
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
