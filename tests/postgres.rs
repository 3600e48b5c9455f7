//! `scale/postgres/schema.sql` in a real, throwaway PostgreSQL cluster: `dossier facts
//! --format csv` loads with psql's `\copy` unchanged, every row arrives typed (empty cells
//! NULL), a range query on `value_base` finds the rows the CSV says it should, and the view
//! `fact_claims` gives the claims of `dossier facts --group`, with the same counts and
//! citations.
//!
//! Needs PostgreSQL's server programs (Debian: postgresql, which puts initdb and pg_ctl in
//! /usr/lib/postgresql/VERSION/bin), which the tests install with `scale/install-engines.sh`
//! when they are missing. Where that is impossible the tests say so and pass, unless
//! `DOSSIER_REQUIRE_POSTGRES` is set, as CI sets it. The cluster lives in a
//! temporary directory, listens only on a Unix socket there, runs as an unprivileged user
//! (PostgreSQL refuses root: as root the tests run it as `nobody`) and is stopped when the
//! test ends, whatever happens.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{corpus_jsonl, dossier_stdout, engine_missing, scratch};

const REQUIRED: &str = "DOSSIER_REQUIRE_POSTGRES";

/// The directory of PostgreSQL's server programs: Debian's newest, else where `pg_config`
/// says, else none.
fn server_programs() -> Option<PathBuf> {
    let mut debian: Vec<PathBuf> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|bin| bin.join("pg_ctl").is_file())
        .collect();
    debian.sort_by_key(|bin| {
        let version = bin
            .parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str());
        version.and_then(|v| v.parse::<u32>().ok()).unwrap_or(0)
    });
    if let Some(newest) = debian.pop() {
        return Some(newest);
    }
    let configured = Command::new("pg_config").arg("--bindir").output().ok()?;
    let bin = PathBuf::from(String::from_utf8_lossy(&configured.stdout).trim());
    bin.join("pg_ctl").is_file().then_some(bin)
}

/// A PostgreSQL cluster in a temporary directory, stopped and removed when dropped.
struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    /// The unprivileged user the server runs as, when the tests run as root.
    user: Option<&'static str>,
}

impl Cluster {
    /// Creates and starts a cluster in `dir`, listening only on a socket in `dir`.
    fn start(bin: PathBuf, dir: PathBuf) -> Cluster {
        let root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout == b"0\n");
        let cluster = Cluster {
            bin,
            dir,
            user: root.then_some("nobody"),
        };
        if let Some(user) = cluster.user {
            let status = Command::new("chown")
                .args([user, cluster.dir.to_str().unwrap()])
                .status();
            assert!(
                status.is_ok_and(|s| s.success()),
                "chown {user} {}",
                cluster.dir.display()
            );
        }
        let data = cluster.data();
        cluster.run_server(
            "initdb",
            &[
                "-D",
                data.to_str().unwrap(),
                "-U",
                "dossier",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
        );
        let settings = format!(
            "listen_addresses = ''\nunix_socket_directories = '{}'\nfsync = off\n",
            cluster.dir.display()
        );
        let conf = data.join("postgresql.conf");
        let mut conf_text = fs::read_to_string(&conf).unwrap();
        conf_text.push_str(&settings);
        fs::write(&conf, conf_text).unwrap();
        let log = cluster.dir.join("server.log");
        cluster.run_server(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-w",
                "start",
            ],
        );
        cluster
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// Runs one of the server's programs as the server's user; it must succeed.
    fn run_server(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program);
        let mut command = match self.user {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        let out = command
            .args(args)
            .current_dir(&self.dir)
            .output()
            .expect("the server's programs run");
        assert!(
            out.status.success(),
            "{} {args:?}: {}{}",
            program.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Runs psql with `args` against the cluster, stopping at the first error.
    fn psql(&self, args: &[&str]) -> Output {
        Command::new(self.bin.join("psql"))
            .args([
                "-X",
                "-v",
                "ON_ERROR_STOP=1",
                "-U",
                "dossier",
                "-d",
                "postgres",
                "-h",
            ])
            .arg(&self.dir)
            .args(args)
            .output()
            .expect("psql runs")
    }

    /// The rows of a query, unaligned, one line each, which must succeed.
    fn query(&self, sql: &str) -> Vec<String> {
        let out = self.psql(&["-A", "-t", "-c", sql]);
        assert!(
            out.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    }
}

impl Drop for Cluster {
    /// Nothing is left running, whatever the test did.
    fn drop(&mut self) {
        let data = self.data();
        let stop = [
            "-D",
            data.to_str().unwrap(),
            "-m",
            "immediate",
            "-w",
            "stop",
        ];
        let program = self.bin.join("pg_ctl");
        let _ = match self.user {
            Some(user) => Command::new("runuser")
                .args(["-u", user, "--"])
                .arg(program)
                .args(stop)
                .output(),
            None => Command::new(program).args(stop).output(),
        };
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A cluster with the schema loaded, or none (and why) where PostgreSQL is missing.
fn cluster_with_schema(name: &str) -> Option<Cluster> {
    let installed = || match common::install_engine("postgres") {
        Ok(()) => server_programs().ok_or_else(|| "installed, but no pg_ctl".to_string()),
        Err(why) => Err(why),
    };
    let bin = match server_programs().map_or_else(installed, Ok) {
        Ok(bin) => bin,
        Err(why) => {
            engine_missing(
                REQUIRED,
                &format!(
                    "the PostgreSQL tests need PostgreSQL's server programs, which \
                     scale/install-engines.sh could not install: {why}"
                ),
            );
            return None;
        }
    };
    let cluster = Cluster::start(bin, scratch(name));
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("scale/postgres/schema.sql");
    let out = cluster.psql(&["-f", schema.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "schema.sql: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(cluster)
}

/// Writes `dossier facts INPUT --format csv` into the cluster's directory (readable by psql)
/// and loads it as the README says; gives the CSV's rows (header first) and psql's output.
fn load_facts(cluster: &Cluster, input: &Path) -> (Vec<csv::StringRecord>, String) {
    let csv = cluster.dir.join("facts.csv");
    dossier_stdout(&[
        "facts",
        "-q",
        input.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    let command = format!(
        "\\copy facts FROM '{}' WITH (FORMAT csv, HEADER)",
        csv.display()
    );
    let out = cluster.psql(&["-c", &command]);
    assert!(
        out.status.success(),
        "{command}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        common::csv_records(&csv),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn the_fact_table_loads_typed_and_its_claims_view_groups_as_dossier_does() {
    let Some(cluster) = cluster_with_schema("postgres") else {
        return;
    };
    let input = corpus_jsonl(&cluster.dir, 20);
    let (rows, copied) = load_facts(&cluster, &input);
    let (header, rows) = (&rows[0], &rows[1..]);
    assert!(rows.len() > 800);
    // Every row, the header's columns in the table's order.
    assert_eq!(copied.trim(), format!("COPY {}", rows.len()));
    assert_eq!(
        cluster.query("SELECT count(*) FROM facts"),
        [rows.len().to_string()]
    );
    let columns = cluster.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'facts' \
         AND is_generated = 'NEVER' ORDER BY ordinal_position",
    );
    assert_eq!(columns, header.iter().collect::<Vec<_>>());
    // Empty cells are NULL in the typed columns.
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let empty = |name: &str| rows.iter().filter(|r| r[column(name)].is_empty()).count();
    for name in ["value_max", "period_start", "qualifier"] {
        let nulls = cluster.query(&format!("SELECT count(*) FROM facts WHERE {name} IS NULL"));
        assert_eq!(nulls, [empty(name).to_string()], "{name}");
    }
    // A range on value_base: the facts the CSV gives 100 to 1,000 kg.
    let in_range = |r: &csv::StringRecord| {
        let value: Option<f64> = r[column("value_base")].parse().ok();
        r[column("unit_base")] == *"kg" && value.is_some_and(|v| (100.0..=1000.0).contains(&v))
    };
    let mut expected: Vec<String> = rows
        .iter()
        .filter(|r| in_range(r))
        .map(|r| r[column("fact_id")].to_string())
        .collect();
    expected.sort();
    assert!(expected.len() > 5, "{expected:?}");
    let found = cluster.query(
        "SELECT fact_id FROM facts WHERE unit_base = 'kg' AND value_base BETWEEN 100 AND 1000 \
         ORDER BY fact_id COLLATE \"C\"",
    );
    assert_eq!(found, expected);
    // The claims, against `dossier facts --group`.
    let claims: Vec<(Vec<String>, u64)> = cluster
        .query("SELECT count, array_to_string(fact_ids, E'\\x1f') FROM fact_claims")
        .iter()
        .map(|line| {
            let (count, ids) = line.split_once('|').unwrap();
            (
                ids.split('\u{1f}').map(str::to_string).collect(),
                count.parse().unwrap(),
            )
        })
        .collect();
    common::assert_grouped_as_dossier_does(claims, &input);
}

#[test]
fn publication_dates_as_written_become_their_first_day() {
    let Some(cluster) = cluster_with_schema("postgres-dates") else {
        return;
    };
    let input = cluster.dir.join("dated.jsonl");
    let lines: String = [
        "2024",
        "2024-03",
        "2024-03-05",
        "20240305",
        "2024-03-05T14:20:00-06:00",
    ]
    .iter()
    .enumerate()
    .map(|(n, date)| {
        format!(
            "{{\"id\":\"d{n}\",\"published\":\"{date}\",\"text\":\"Soldiers seized 40 rifles.\"}}\n"
        )
    })
    .collect();
    fs::write(&input, lines).unwrap();
    load_facts(&cluster, &input);
    let days = cluster.query("SELECT published_date FROM facts ORDER BY doc_id");
    assert_eq!(
        days,
        [
            "2024-01-01",
            "2024-03-01",
            "2024-03-05",
            "2024-03-05",
            "2024-03-05"
        ]
    );
}
