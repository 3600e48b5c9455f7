//! Load on `dossier serve`: requests per second and latency of `GET /api/search` at 1, 16
//! and 64 concurrent clients, beside the same searches run in process, so a slow answer can
//! be put on the search or on the server around it.
//!
//! The JSONL file (default: the Reuters-21578 file of the shared benchmark folder, as
//! `benches/tag_file.sh` uses) is indexed into a temporary directory by the release binary,
//! `target/release/dossier index FILE --index DIR -q`, which then serves it on a free
//! loopback port (`dossier serve --index DIR --addr 127.0.0.1:0 -q`) and is killed at the
//! end. The binary's path comes from `CARGO_BIN_EXE_dossier`, which cargo sets for benches
//! and which names `target/release/dossier`, built by `cargo bench` before the bench runs, so
//! the server measured is always the code checked out.
//!
//! Each client is a thread with its own keep-alive `ureq::Agent` and one request in flight
//! (a closed loop: the concurrency is exactly the client count). Clients walk a fixed mix of
//! a dozen searches with the seven default facets, some filtered, some sorted by date; a
//! warm-up at each level opens the connections and fills the caches before timing starts.
//! The clients share the machine's cores with the server, as a local script or browser
//! would (they take little: reading a 20-100 KB answer is cheap beside the search). Any
//! answer but 200, or a failed connection, is an error.
//!
//! The server's overhead printed at the end is everything around `Index::search`: the query
//! string, the blocking pool, encoding the results as JSON, HTTP and the client.
//!
//!     cargo bench --bench serve_load                  # the Reuters-21578 file
//!     cargo bench --bench serve_load -- FILE.jsonl    # any JSONL file of articles

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dossier::index::{Sort, facets};
use dossier::{Index, SearchRequest};

/// Concurrent clients, one level after the other.
const LEVELS: &[usize] = &[1, 16, 64];
/// Untimed load at each level before timing starts.
const WARM_UP: Duration = Duration::from_secs(2);
/// Timed load at each level: long enough for thousands of requests, short enough that the
/// whole bench takes about a minute.
const MEASURE: Duration = Duration::from_secs(8);
/// Rounds of the mix run in process.
const IN_PROCESS_ROUNDS: usize = 100;

/// One search of the mix: the query, an optional `NAME=VALUE` filter, newest first or not.
struct Search {
    query: &'static str,
    filter: Option<&'static str>,
    by_date: bool,
}

const fn search(query: &'static str, filter: Option<&'static str>, by_date: bool) -> Search {
    Search {
        query,
        filter,
        by_date,
    }
}

/// What a researcher asks of a news index: words, phrases, fields, operators, ranges and a
/// wildcard, five narrowed by a filter and five sorted by date. On Reuters-21578 each
/// matches between 26 and 3,456 of its 19,779 articles.
const MIX: &[Search] = &[
    search("oil prices", None, false),
    search("cocoa", None, true),
    search("\"Federal Reserve\"", None, false),
    search("org:\"European Community\"", Some("location=Japan"), false),
    search("wheat AND Soviet", None, true),
    search(
        "merger OR acquisition",
        Some("org=U.S. Securities and Exchange Commission"),
        false,
    ),
    search("dividend -quarterly", None, true),
    search("weapon:missile", Some("location=Iran"), false),
    search("usd:[1000000000 TO *]", None, false),
    search("bank*", None, true),
    search("*", Some("location=Canada"), true),
    search("trade deficit Japan", Some("person=James Baker"), false),
];

fn main() {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| crate_root.join("../shared/bench/reuters21578.jsonl"));
    let file = file
        .canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let binary = Path::new(env!("CARGO_BIN_EXE_dossier"));
    let scratch =
        Scratch(std::env::temp_dir().join(format!("dossier-load-{}", std::process::id())));
    let index_dir = scratch.0.join("index");

    let status = Command::new(binary)
        .arg("index")
        .arg(&file)
        .arg("--index")
        .arg(&index_dir)
        .arg("-q")
        .status()
        .expect("dossier runs");
    assert!(
        status.success(),
        "dossier index {}: {status}",
        file.display()
    );
    let index = Index::open(&index_dir).expect("the index opens");
    let server = Server::start(binary, &index_dir);

    println!(
        "dossier serve under load: {} ({} articles), {} cores, {} searches with the {} default \
         facets; {} s warm-up and {} s timed per level",
        file.display(),
        index.article_count().expect("the index counts"),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        MIX.len(),
        facets::DEFAULT.len(),
        WARM_UP.as_secs(),
        MEASURE.as_secs(),
    );
    let mut one_client = None;
    for (distinct, label) in [(false, "repeated"), (true, "distinct")] {
        for &clients in LEVELS {
            let run = load(&server.url, clients, distinct);
            let mut times = run.times;
            times.sort();
            println!(
                "{label} {clients:>3} clients  {:>7.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms  \
             {} errors  ({} requests)",
                times.len() as f64 / MEASURE.as_secs_f64(),
                ms(at(&times, 0.5)),
                ms(at(&times, 0.99)),
                ms(at(&times, 1.0)),
                run.errors,
                times.len(),
            );
            if distinct && clients == 1 {
                one_client = Some(at(&times, 0.5));
            }
        }
    }

    let mut times = in_process(&index);
    times.sort();
    let local = at(&times, 0.5);
    println!(
        "in process   Index::search, 1 thread  p50 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms  \
         ({} searches)",
        ms(local),
        ms(at(&times, 0.99)),
        ms(at(&times, 1.0)),
        times.len(),
    );
    if let Some(served) = one_client {
        println!(
            "server overhead at 1 client: p50 {:.2} ms - {:.2} ms = {:.2} ms ({:.2}x)",
            ms(served),
            ms(local),
            ms(served) - ms(local),
            served.as_secs_f64() / local.as_secs_f64(),
        );
    }
    drop(server);
}

/// The quantile `q` of sorted `times`.
fn at(times: &[Duration], q: f64) -> Duration {
    times[((times.len() - 1) as f64 * q) as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A level's timed requests: the latency of each answered one, and the errors.
struct Run {
    times: Vec<Duration>,
    errors: usize,
}

/// `clients` threads searching `url` through the mix for [`WARM_UP`], then for [`MEASURE`]
/// timed. Each client starts at another point of the mix, so every search is in flight at
/// once rather than the same one everywhere. The server keeps answers for the index's
/// commit, so the repeated mix measures mostly kept answers; `distinct` adds a parameter the
/// server ignores but that makes every query string new, measuring searches actually run.
fn load(url: &str, clients: usize, distinct: bool) -> Run {
    let started = Instant::now();
    let (timed, end) = (started + WARM_UP, started + WARM_UP + MEASURE);
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..clients)
            .map(|_| {
                let next = &next;
                scope.spawn(move || {
                    let agent = ureq::AgentBuilder::new()
                        .timeout(Duration::from_secs(30))
                        .build();
                    let mut run = Run {
                        times: Vec::new(),
                        errors: 0,
                    };
                    let mut turn = next.fetch_add(1, Ordering::Relaxed);
                    loop {
                        let sent = Instant::now();
                        if sent >= end {
                            return run;
                        }
                        let unique = distinct.then(|| next.fetch_add(1, Ordering::Relaxed));
                        let ok = get(&agent, url, &MIX[turn % MIX.len()], unique);
                        turn += 1;
                        if sent < timed {
                            continue;
                        }
                        if ok {
                            run.times.push(sent.elapsed());
                        } else {
                            run.errors += 1;
                        }
                    }
                })
            })
            .collect();
        let mut all = Run {
            times: Vec::new(),
            errors: 0,
        };
        for worker in workers {
            let run = worker.join().expect("a client thread finishes");
            all.times.extend(run.times);
            all.errors += run.errors;
        }
        all
    })
}

/// Sends `search` (made a new query string by `unique`) and reads the whole answer (so the
/// connection is kept for the next one); whether it was a 200.
fn get(agent: &ureq::Agent, url: &str, search: &Search, unique: Option<usize>) -> bool {
    let mut request = agent
        .get(&format!("{url}api/search"))
        .query("q", search.query)
        .query("limit", "10");
    for facet in facets::DEFAULT {
        request = request.query("facet", facet);
    }
    if let Some(filter) = search.filter {
        request = request.query("filter", filter);
    }
    if search.by_date {
        request = request.query("sort", "date");
    }
    if let Some(n) = unique {
        request = request.query("_", &n.to_string());
    }
    match request.call() {
        Ok(response) => {
            let ok = response.status() == 200;
            ok && std::io::copy(&mut response.into_reader(), &mut std::io::sink()).is_ok()
        }
        Err(_) => false,
    }
}

/// The time of each search of the mix run with `Index::search`, one at a time, over
/// [`IN_PROCESS_ROUNDS`] rounds: the work the server wraps.
fn in_process(index: &Index) -> Vec<Duration> {
    let requests: Vec<SearchRequest> = MIX
        .iter()
        .map(|s| SearchRequest {
            facets: facets::DEFAULT.iter().map(|f| f.to_string()).collect(),
            filters: s
                .filter
                .map(|f| facets::parse_filter(f).expect("the filter is NAME=VALUE"))
                .into_iter()
                .collect(),
            sort: if s.by_date {
                Sort::Date
            } else {
                Sort::Relevance
            },
            ..SearchRequest::new(s.query)
        })
        .collect();
    let mut times = Vec::new();
    for round in 0..=IN_PROCESS_ROUNDS {
        for request in &requests {
            let started = Instant::now();
            let results = index.search(request).expect("the search runs");
            // The first round warms the caches, as the warm-up does for the server.
            if round > 0 {
                times.push(started.elapsed());
            }
            std::hint::black_box(results);
        }
    }
    times
}

/// The `dossier serve` process, killed when dropped (a failed bench leaves none behind).
struct Server {
    child: Child,
    url: String,
    /// Kept open, so the server never writes to a closed pipe.
    _stdout: BufReader<ChildStdout>,
}

impl Server {
    /// Starts serving `index` on a free loopback port and waits for the line that names it.
    fn start(binary: &Path, index: &Path) -> Server {
        let mut child = Command::new(binary)
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0", "-q"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("dossier serve starts");
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        stdout
            .read_line(&mut line)
            .expect("dossier serve prints its address");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in dossier serve's line: {line:?}"))
            .to_string();
        Server {
            child,
            url,
            _stdout: stdout,
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
