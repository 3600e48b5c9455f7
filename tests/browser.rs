//! The pages of `dossier serve` in a real headless Chromium, driven over WebDriver
//! (chromedriver): search and narrow by a facet, read an article's entity marks against the
//! tag output, download the fact table and compare it with `dossier facts`, and check that
//! an article carrying HTML and script shows as text and runs nothing.
//!
//! Needs `chromium` and `chromedriver` (Debian: chromium, chromium-driver), which `.ci/run`
//! installs. Without them the tests say so and pass, unless `DOSSIER_REQUIRE_BROWSER` is set,
//! as CI sets it, so a missing browser can never pass there unnoticed. Each test saves
//! screenshots under `target/screenshots/` at a desktop and a narrow width.

mod common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::server::{Server, body, start_with};
use common::{dossier, records};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// A chromedriver process, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts chromedriver on a free port, or says why it cannot.
fn chromedriver() -> Option<Driver> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .ok()?;
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let child = match child {
        Ok(child) => child,
        Err(e) => {
            let message = format!(
                "browser tests need chromedriver and chromium (Debian: apt-get install \
                 chromium chromium-driver; .ci/run installs them): {e}"
            );
            assert!(
                std::env::var_os("DOSSIER_REQUIRE_BROWSER").is_none(),
                "{message}"
            );
            eprintln!("skipped: {message}");
            return None;
        }
    };
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let started = Instant::now();
    while ureq::get(&format!("{}/status", driver.url)).call().is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "chromedriver did not answer"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(driver)
}

/// The hostile article: title, text, url and source carry markup and script.
fn hostile() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/hostile.jsonl")
        .display()
        .to_string()
}

/// Runs `test` against a headless Chromium and a server over the corpus and the hostile
/// article; nothing if no browser is installed (see the module's note).
fn in_browser<F, Fut>(name: &str, test: F)
where
    F: FnOnce(Client, Server) -> Fut,
    Fut: std::future::Future<Output = Result<(), fantoccini::error::CmdError>>,
{
    let Some(driver) = chromedriver() else {
        return;
    };
    let server = start_with(name, &[&hostile()]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                            "--disable-dev-shm-usage", "--window-size=1400,900"]}),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .expect("chromium starts under chromedriver");
        let session = client.clone();
        let outcome = test(client, server).await;
        let _ = session.close().await;
        outcome.expect("the browser did what the test asked");
    });
}

/// Saves the page at a desktop and a narrow width, for the record.
async fn screenshots(client: &Client, name: &str) -> Result<(), fantoccini::error::CmdError> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    for (width, height, suffix) in [(1400, 900, "desktop"), (420, 900, "narrow")] {
        client.set_window_size(width, height).await?;
        let png = client.screenshot().await?;
        std::fs::write(dir.join(format!("{name}-{suffix}.png")), png).unwrap();
    }
    client.set_window_size(1400, 900).await
}

/// The number in the page's "N articles" or "N facts" summary.
async fn summary_count(client: &Client) -> Result<u64, fantoccini::error::CmdError> {
    let text = client
        .find(Locator::Css(".summary strong"))
        .await?
        .text()
        .await?;
    Ok(text.replace(',', "").parse().expect("a count"))
}

#[test]
fn a_facet_click_narrows_the_hits_to_its_count() {
    in_browser("browser-search", |client, server| async move {
        client
            .goto(&format!("{}/search?q=fentanyl", server.url))
            .await?;
        let before = summary_count(&client).await?;
        screenshots(&client, "search").await?;
        let value = client.find(Locator::Css(".panel li a")).await?;
        let count: u64 = value
            .find(Locator::Css(".count"))
            .await?
            .text()
            .await?
            .replace(',', "")
            .parse()
            .unwrap();
        let name = value.find(Locator::Css(".name")).await?.text().await?;
        value.click().await?;
        let after = summary_count(&client).await?;
        assert_eq!(
            after, count,
            "the facet's count is the number of hits it leaves"
        );
        assert!(after <= before);
        let chip = client
            .find(Locator::Css(".chip span"))
            .await?
            .text()
            .await?;
        assert!(chip.contains(name.trim_end_matches('…')), "{chip} / {name}");
        let hits = client.find_all(Locator::Css(".hits > li")).await?;
        assert_eq!(hits.len() as u64, after.min(20));
        // The chip's × takes the filter away again.
        client.find(Locator::Css(".chip a")).await?.click().await?;
        assert_eq!(summary_count(&client).await?, before);
        // "/" puts the cursor in the query box.
        client
            .find(Locator::Css("body"))
            .await?
            .send_keys("/")
            .await?;
        let focused = client
            .execute("return document.activeElement.id", vec![])
            .await?;
        assert_eq!(focused, json!("q"));
        Ok(())
    });
}

#[test]
fn entity_marks_sit_on_the_text_the_tagger_tagged() {
    in_browser("browser-article", |client, server| async move {
        let response = ureq::get(&format!("{}/api/articles/corpus-17", server.url))
            .call()
            .unwrap();
        let tagged: Value = serde_json::from_slice(&body(response)).unwrap();
        let expected: Vec<(String, u64, u64, String)> = tagged["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let label = e["label"].as_str().unwrap().to_string();
                let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
                (label, start, end, e["text"].as_str().unwrap().to_string())
            })
            .collect();
        client
            .goto(&format!("{}/articles/corpus-17?fact=2#cited", server.url))
            .await?;
        let marks = client
            .execute(
                "const text = document.getElementById('text');
                 return Array.from(text.querySelectorAll('mark.e')).map(m => {
                   const before = document.createRange();
                   before.setStart(text, 0);
                   before.setEndBefore(m);
                   const start = [...before.toString()].length;
                   return [m.dataset.label, start, start + [...m.textContent].length,
                           m.textContent];
                 });",
                vec![],
            )
            .await?;
        let marks: Vec<(String, u64, u64, String)> = serde_json::from_value(marks).unwrap();
        assert_eq!(
            marks, expected,
            "one mark per entity, at its code point offsets in the text, with its label"
        );
        let cited = client.find(Locator::Css("#cited")).await?.text().await?;
        let fact_sentence = tagged["facts"][1]["sentence"].as_str().unwrap();
        assert_eq!(
            cited.split_whitespace().collect::<Vec<_>>(),
            fact_sentence.split_whitespace().collect::<Vec<_>>()
        );
        screenshots(&client, "article").await?;
        // The legend's checkbox hides its label's marks (the script runs under the CSP).
        client.execute("window.scrollTo(0, 0)", vec![]).await?;
        client
            .find(Locator::Css("input[data-toggle-label='DRUG']"))
            .await?
            .click()
            .await?;
        let hidden = client
            .execute(
                "return document.querySelectorAll('mark.e.off').length ===
                        document.querySelectorAll('mark.e[data-label=DRUG]').length",
                vec![],
            )
            .await?;
        assert_eq!(hidden, json!(true));
        Ok(())
    });
}

#[test]
fn the_downloaded_fact_table_is_what_dossier_facts_writes() {
    in_browser("browser-facts", |client, server| async move {
        client
            .goto(&format!("{}/facts?q=fentanyl&action=seized", server.url))
            .await?;
        let shown = summary_count(&client).await?;
        let rows = client
            .find_all(Locator::Css("table.facts tbody tr"))
            .await?;
        assert_eq!(rows.len() as u64, shown.min(100));
        screenshots(&client, "facts").await?;
        let link = client
            .find(Locator::LinkText("CSV"))
            .await?
            .prop("href")
            .await?
            .expect("the CSV link has an address");
        let csv = body(ureq::get(&link).call().unwrap());
        let index = server.index.to_str().unwrap();
        let cli = dossier(&[
            "facts", "--index", index, "--query", "fentanyl", "--action", "seized", "--format",
            "csv",
        ]);
        assert!(cli.status.success());
        assert_eq!(
            csv, cli.stdout,
            "the download is dossier facts' table, byte for byte"
        );
        assert_eq!(
            csv.iter().filter(|&&b| b == b'\n').count() as u64,
            shown + 1
        );
        // Sorting by value orders the rows shown, largest first on a second click.
        let value_header = client.find(Locator::XPath("//th[text()='Value']")).await?;
        value_header.click().await?;
        value_header.click().await?;
        let values = client
            .execute(
                "return Array.from(document.querySelectorAll('table.facts tbody td.num'))
                   .map(td => parseFloat(td.dataset.value));",
                vec![],
            )
            .await?;
        let values: Vec<Option<f64>> = serde_json::from_value(values).unwrap();
        let values: Vec<f64> = values.into_iter().flatten().collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        client
            .goto(&format!("{}/facts?q=fentanyl&view=groups", server.url))
            .await?;
        screenshots(&client, "claims").await?;
        Ok(())
    });
}

#[test]
fn an_article_full_of_markup_and_script_shows_it_as_text_and_runs_none() {
    in_browser("browser-hostile", |client, server| async move {
        let found = records(
            &dossier(&[
                "search",
                "ledger",
                "--index",
                server.index.to_str().unwrap(),
                "--json",
            ])
            .stdout,
        );
        let id = found[0]["hits"][0]["id"].as_str().unwrap().to_string();
        assert!(id.starts_with("hostile-<b>"), "{id}");
        let pages = [
            format!("{}/search?q=ledger", server.url),
            format!(
                "{}/articles/{}?fact=1",
                server.url,
                id.bytes().map(|b| format!("%{b:02X}")).collect::<String>()
            ),
            format!("{}/facts?q=ledger", server.url),
            format!("{}/entities/org/Sinaloa%20Cartel", server.url),
        ];
        for page in &pages {
            client.goto(page).await?;
            assert!(
                client.get_alert_text().await.is_err(),
                "{page}: an alert opened"
            );
            let title = client.title().await?;
            // The payloads set the title to "pwned-…"; the hostile title itself shows as text.
            assert!(!title.starts_with("pwned"), "{page}: a script ran: {title}");
            let injected = client
                .execute(
                    "return [document.querySelectorAll('script:not([src=\"/assets/dossier.js\"])').length,
                             document.querySelectorAll('main img, main b, a[href^=javascript]').length]",
                    vec![],
                )
                .await?;
            assert_eq!(
                injected,
                json!([0, 0]),
                "{page}: markup from the article became elements"
            );
        }
        // The article page shows every payload literally.
        let shown = client
            .execute("return document.body.innerText", vec![])
            .await?;
        client.goto(&pages[1]).await?;
        let text = client
            .execute("return document.body.innerText", vec![])
            .await?;
        let text = text.as_str().unwrap();
        for payload in [
            "<script>document.title='pwned-text'</script>",
            "<img src=x onerror=\"document.title='pwned-img'\">",
            "javascript:document.title='pwned-url'",
            "<img src=x onerror=\"document.title='pwned-source'\">Border Wire",
            "\"</mark><b>bold</b>\"",
        ] {
            assert!(text.contains(payload), "{payload} is not shown as text");
        }
        assert!(shown.is_string());
        screenshots(&client, "hostile").await?;
        Ok(())
    });
}
