//! The HTML reader on pages in the styles real crawls hold and that it once failed: a story
//! with no container (text straight in the body, `<div>` soup, `<br>`-separated lines), link
//! sidebars and related-story rivers, comments, captions, bylines and share rows, a wrapper
//! whose class reads like furniture, a cookie dialog longer than the story, a page in
//! windows-1252, and a page that carries its story only in JSON-LD. Each page is written by
//! the team, small, with what must and must not be in the text.

mod common;

use std::fs;

use common::scratch;
use dossier::Article;
use dossier::ingest::{article_from_file, article_from_html};

fn read(page: &str) -> Article {
    article_from_html(page).unwrap_or_else(|e| panic!("{e}"))
}

/// Asserts that each of `present` is in the text and none of `absent` is.
fn assert_text(text: &str, present: &[&str], absent: &[&str]) {
    for phrase in present {
        assert!(text.contains(phrase), "{phrase:?} missing from {text:?}");
    }
    for phrase in absent {
        assert!(!text.contains(phrase), "{phrase:?} in {text:?}");
    }
}

const STORY: [&str; 3] = [
    "Federal agents seized 300 kilograms of methamphetamine hidden in a shipment of limes at \
     the Pharr international bridge on Tuesday, the agency said.",
    "The driver, a 41-year-old resident of Reynosa, was arrested and faces charges of \
     possession with intent to distribute, according to a criminal complaint.",
    "Officials said the seizure was the largest at the crossing this year and that the \
     investigation into the shipment's origin continues.",
];

/// A sidebar of links to other stories, as most templates have, without a class to say so.
const LINK_SIDEBAR: &str = "<div><h3>Most read</h3><ul>\
    <li><a href=\"/a\">Governor signs border budget after long debate</a></li>\
    <li><a href=\"/b\">Storm closes schools across the valley for two days</a></li>\
    <li><a href=\"/c\">Local team wins regional title in overtime thriller</a></li>\
    <li><a href=\"/d\">City council approves new downtown parking rules</a></li></ul></div>";

#[test]
fn div_soup_without_a_container_gives_its_story() {
    let page = format!(
        "<html><body><div class=\"x1\"><div class=\"x2\"><a href=\"/\">Home</a> | \
         <a href=\"/news\">News</a> | <a href=\"/sports\">Sports</a></div></div>\
         <div class=\"c7\"><div class=\"c8\">{}</div><div class=\"c8\">{}</div>\
         <div class=\"c8\">{}</div></div>{LINK_SIDEBAR}\
         <div class=\"c9\">Copyright 2024 Valley Courier. All rights reserved.</div></body></html>",
        STORY[0], STORY[1], STORY[2]
    );
    let article = read(&page);
    assert_eq!(article.text, STORY.join("\n\n"));
}

#[test]
fn text_straight_in_the_body_and_split_by_br_is_read() {
    let page = format!(
        "<html><body>{}<br><br>{}<br>\n<br>{}</body></html>",
        STORY[0], STORY[1], STORY[2]
    );
    let article = read(&page);
    assert_eq!(article.text, STORY.join("\n"));
    let bare = format!("{} {}", STORY[0], STORY[1]);
    assert_eq!(read(&bare).text, bare);
}

#[test]
fn captions_bylines_share_rows_related_stories_and_comments_are_left_out() {
    let page = format!(
        "<html><body><header><nav><a href=\"/\">Valley Courier</a></nav></header>\
         <article><h1>Meth found in limes</h1>\
         <div class=\"byline\">By <a href=\"/staff/ana\">Ana Ruiz</a> · March 5, 2024</div>\
         <div class=\"share-tools\"><a href=\"#\">Facebook</a> <a href=\"#\">X</a> \
         <a href=\"#\">Email</a></div>\
         <figure><img src=\"limes.jpg\"><figcaption>Limes at the bridge. Photo by the \
         agency.</figcaption></figure>\
         <p>{}</p><p>{}</p>\
         <div class=\"newsletter-signup\"><p>Get the border report in your inbox every \
         morning, free of charge.</p><form><input type=\"email\"><button>Sign up</button>\
         </form></div>\
         <p>{}</p>\
         <div class=\"related-stories\"><h3>Related</h3><p><a href=\"/x\">Cocaine found in \
         a shipment of avocados at the same bridge last year</a></p></div></article>\
         <section id=\"comments\"><p>I drive across that bridge every week and have never \
         seen anything like this, great reporting.</p><p>Reply</p></section>\
         {LINK_SIDEBAR}<footer>© 2024 Valley Courier</footer></body></html>",
        STORY[0], STORY[1], STORY[2]
    );
    let article = read(&page);
    assert_eq!(article.text, STORY.join("\n\n"));
    assert_eq!(article.title.as_deref(), Some("Meth found in limes"));
}

#[test]
fn headings_lists_and_quotes_inside_the_story_are_kept() {
    let page = format!(
        "<html><body><main><div class=\"story-body\"><p>{}</p>\
         <h2>What was seized</h2><ul><li>300 kilograms of methamphetamine</li>\
         <li>Two trucks and a trailer</li></ul>\
         <blockquote>“This is one of the largest seizures we have seen at this crossing,” the \
         port director said.</blockquote><p>{}</p></div></main>{LINK_SIDEBAR}</body></html>",
        STORY[0], STORY[1]
    );
    let text = read(&page).text;
    assert_text(
        &text,
        &[
            STORY[0],
            "What was seized",
            "300 kilograms of methamphetamine\nTwo trucks and a trailer",
            "“This is one of the largest seizures",
            STORY[1],
        ],
        &["Most read", "Governor signs"],
    );
}

#[test]
fn a_story_wrapper_whose_class_reads_like_furniture_is_still_read() {
    // Themes name layouts after their sidebars; the story is inside.
    let page = format!(
        "<html><body><div class=\"container layout_sidebar-right\"><div class=\"entry-content\">\
         <p>{}</p><p>{}</p><p>{}</p></div>{LINK_SIDEBAR}</div></body></html>",
        STORY[0], STORY[1], STORY[2]
    );
    assert_eq!(read(&page).text, STORY.join("\n\n"));
}

#[test]
fn a_cookie_dialog_longer_than_the_story_is_not_the_story() {
    let cookies = "<p>This website uses cookies to improve your experience while you \
        navigate through the website. Cookies that are necessary are stored on your browser \
        as they are essential for the working of basic functionalities of the website.</p>";
    let page = format!(
        "<html><body><article><p>{}</p><p>{}</p></article>\
         <div class=\"cookie-modal\">{cookies}{cookies}{cookies}</div></body></html>",
        STORY[0], STORY[1]
    );
    assert_eq!(read(&page).text, STORY[..2].join("\n\n"));
}

#[test]
fn a_river_of_related_stories_with_summaries_stays_out() {
    let teaser = |title: &str| {
        format!(
            "<div class=\"card\"><a href=\"/t\">{title}</a><p>A short summary of another story \
             that the site wants readers to click next.</p></div>"
        )
    };
    let page = format!(
        "<html><body><div class=\"post\"><p>{}</p><p>{}</p><p>{}</p></div>\
         <div class=\"more-from-us\">{}{}{}</div></body></html>",
        STORY[0],
        STORY[1],
        STORY[2],
        teaser("Bridge wait times grow"),
        teaser("New port director named"),
        teaser("Lime prices rise"),
    );
    assert_eq!(read(&page).text, STORY.join("\n\n"));
}

#[test]
fn a_page_in_windows_1252_is_decoded_by_its_declared_charset() {
    let dir = scratch("windows-1252");
    let path = dir.join("page.html");
    let page = b"<html><head><meta http-equiv=\"Content-Type\" \
        content=\"text/html; charset=windows-1252\"><title>Decomiso en Pe\xf1asco</title></head>\
        <body><p>La Guardia Nacional asegur\xf3 200 kilos de coca\xedna en Puerto Pe\xf1asco, \
        inform\xf3 la Fiscal\xeda \x93en un comunicado\x94.</p></body></html>"
        .to_vec();
    fs::write(&path, &page).unwrap();
    let article = article_from_file(&path).unwrap();
    assert_eq!(article.title.as_deref(), Some("Decomiso en Peñasco"));
    assert_eq!(
        article.text,
        "La Guardia Nacional aseguró 200 kilos de cocaína en Puerto Peñasco, informó la \
         Fiscalía “en un comunicado”."
    );
    // A page handed over as text is decoded already: its declaration is not applied again.
    let text = "<html><head><meta charset=\"windows-1252\"></head>\
                <body><p>Decomiso en Puerto Peñasco, informó la Fiscalía.</p></body></html>";
    assert_eq!(
        read(text).text,
        "Decomiso en Puerto Peñasco, informó la Fiscalía."
    );
    // Undeclared, bytes that are not UTF-8 are that file's error, with the reason.
    fs::write(&path, b"<html><body><p>Pe\xf1asco</p></body></html>").unwrap();
    let err = article_from_file(&path).unwrap_err().to_string();
    assert!(
        err.contains("not valid UTF-8") && err.contains("no charset"),
        "{err}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_story_only_in_json_ld_is_read_from_there_and_the_page_wins_when_it_has_it() {
    let body = format!("{}\\n{}\\n{}", STORY[0], STORY[1], STORY[2]);
    let ld = format!(
        "<script type=\"application/ld+json\">{{\"@context\": \"https://schema.org\", \
         \"@type\": \"NewsArticle\", \"headline\": \"Meth found in limes\", \
         \"articleBody\": \"{body}\"}}</script>"
    );
    // The page shows a teaser and builds the rest with scripts.
    let teaser = format!(
        "<html><head>{ld}</head><body><div id=\"app\"><p>{}</p>\
         <p>Subscribe to keep reading.</p></div></body></html>",
        STORY[0]
    );
    assert_eq!(read(&teaser).text, STORY.join("\n\n"));
    // The page has the story, with its own paragraphs: the page's text is kept.
    let whole = format!(
        "<html><head>{ld}</head><body><article><p>{}</p><p>{}</p><p>{}</p></article>\
         </body></html>",
        STORY[0], STORY[1], STORY[2]
    );
    assert_eq!(read(&whole).text, STORY.join("\n\n"));
}

#[test]
fn entities_and_white_space_read_as_a_browser_shows_them() {
    let page = "<html><body><p>Agents   seized\n  40&nbsp;rifles &amp; 3&#160;pistols in \
                <b>No</b><i>gales</i>&#8212;officials said, in a statement on Monday.</p>\
                <pre>Rifles   40\nPistols   3</pre><p>The weapons were sent to a laboratory \
                for tracing.</p></body></html>";
    let text = read(page).text;
    assert_eq!(
        text,
        "Agents seized 40 rifles & 3 pistols in Nogales—officials said, in a statement on \
         Monday.\n\nRifles 40\nPistols 3\n\nThe weapons were sent to a laboratory for tracing."
    );
}

#[test]
fn a_page_of_only_furniture_has_no_article_text() {
    let page =
        format!("<html><body><nav>{LINK_SIDEBAR}</nav><footer>© 2024</footer></body></html>");
    let err = article_from_html(&page).unwrap_err().to_string();
    assert!(err.contains("no article text"), "{err}");
}
