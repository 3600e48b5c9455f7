//! The file readers on the corpus's own Markdown and HTML articles: metadata from front
//! matter and meta tags, and article text without the page furniture around it.

use std::path::Path;

use dossier::ingest::article_from_file;

fn articles(dir: &str) -> Vec<(String, dossier::Article)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, article_from_file(&p).unwrap())
        })
        .collect()
}

#[test]
fn html_pages_give_their_metadata_and_only_the_story() {
    let pages = articles("corpus/html");
    assert_eq!(pages.len(), 6);
    for (name, article) in &pages {
        assert!(
            article.title.as_deref().is_some_and(|t| t.len() > 20),
            "{name}"
        );
        assert!(
            !article.title.as_deref().unwrap().contains(" | "),
            "{name}: site in title"
        );
        assert!(article.source.is_some(), "{name}: no source");
        assert!(
            article
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://")),
            "{name}"
        );
        // The story opens with its dateline ("NOGALES, Arizona — …"), not with furniture.
        let first = article.text.split("\n\n").next().unwrap();
        assert!(
            first.contains(" — ") && first.len() > 150,
            "{name}: opens with {first:?}"
        );
        let lowered = article.text.to_lowercase();
        for furniture in [
            "cookie",
            "newsletter",
            "©",
            "compartir",
            "related stories",
            "reply",
        ] {
            assert!(
                !lowered.contains(furniture),
                "{name}: '{furniture}' in the text"
            );
        }
    }
    let published = |file: &str| {
        let (_, article) = pages.iter().find(|(name, _)| name == file).unwrap();
        article.published.clone()
    };
    // Each page dates itself differently: Open Graph, <meta name="date">, <time>, or not at all.
    assert_eq!(
        published("nogales-mariposa-fentanyl-pills.html").as_deref(),
        Some("2023-03-21")
    );
    assert_eq!(
        published("otay-mesa-tunnel.html").as_deref(),
        Some("2020-08-12")
    );
    assert_eq!(
        published("michoacan-drones-ieds-army.html").as_deref(),
        Some("2026-01-27")
    );
    assert_eq!(published("crypto-laundering-sentencing.html"), None);
}

#[test]
fn markdown_front_matter_fills_the_fields() {
    let files = articles("corpus/markdown");
    assert_eq!(files.len(), 6);
    for (name, article) in &files {
        assert!(
            !article.text.starts_with("---") && !article.text.starts_with('#'),
            "{name}"
        );
        assert!(
            article
                .title
                .as_deref()
                .is_some_and(|t| !t.starts_with('#')),
            "{name}"
        );
        assert!(article.source.is_some() && article.url.is_some(), "{name}");
    }
    let find = |file: &str| &files.iter().find(|(name, _)| name == file).unwrap().1;
    let dated = find("phoenix-gun-show-straw-ring.md");
    assert_eq!(dated.id.as_deref(), Some("corpus-md-01"));
    assert_eq!(dated.published.as_deref(), Some("2019-05-14"));
    // No published line: no date, never today's.
    assert_eq!(find("atf-etrace-mexico-recoveries.md").published, None);
    // No id line: a stable id from the content.
    let derived = find("santiago-tren-de-aragua-verdict.md")
        .id
        .clone()
        .unwrap();
    assert!(derived.len() == 16 && derived.chars().all(|c| c.is_ascii_hexdigit()));
    let again = article_from_file(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/markdown/santiago-tren-de-aragua-verdict.md"),
    )
    .unwrap();
    assert_eq!(again.id.as_deref(), Some(derived.as_str()));
}
