//! SQLite beside PostgreSQL with one and with two instances, on this machine.
//!
//! `cargo bench --bench instances` builds the release binary and, for each setup (SQLite,
//! PostgreSQL with one instance, PostgreSQL with two), starts real `newsdesk serve`
//! processes on a fresh demo site, then measures in the same run:
//!
//! - reaction writes per second: readers with their own cookies set, switch and take back
//!   reactions on one article, spread over the instances in turn; totals are checked;
//! - page reads per second: clients read the home page and the demo articles, spread the
//!   same way (public pages come from each instance's page cache);
//! - API reads per second: clients read articles' reaction totals through the JSON API,
//!   which asks the database every time.
//!
//! Environment: BENCH_SECONDS (default 8), BENCH_CLIENTS (default 64),
//! BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432/test; each run uses a schema
//! of its own and drops it afterwards).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "common.rs"]
mod common;
use common::{env_number, free_port, next, percentile};
const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");
const KINDS: [&str; 7] = ["like", "dislike", "love", "funny", "angry", "sad", "wow"];

struct Instance {
    child: Child,
    base: String,
    _data: tempfile::TempDir,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

fn start(database_url: Option<&str>, demo: bool) -> Instance {
    let data = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let mut command = Command::new(BIN);
    command
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data")
        .arg(data.path())
        .env("NEWSDESK_REACTION_BURST", "1000000000")
        .env("NEWSDESK_REACTION_PER_MINUTE", "1000000000")
        .env("NEWSDESK_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    if demo {
        command.arg("--demo");
    }
    match database_url {
        Some(url) => command.arg("--database-url").arg(url),
        None => command.env_remove("NEWSDESK_DATABASE_URL"),
    };
    let mut child = command.spawn().expect("start newsdesk");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        if line.expect("line").contains("Press Ctrl-C") {
            break;
        }
    }
    std::thread::spawn(move || for _ in lines {});
    Instance {
        child,
        base: format!("http://127.0.0.1:{port}"),
        _data: data,
    }
}

/// A schema of its own in the PostgreSQL database, dropped afterwards.
struct Schema {
    admin_url: String,
    name: String,
    url: String,
}

impl Schema {
    async fn create(admin_url: &str) -> Schema {
        use sqlx::Connection;
        let name = format!("nd_bench_{}", std::process::id());
        let mut admin = sqlx::PgConnection::connect(admin_url)
            .await
            .unwrap_or_else(|e| panic!("the benchmark needs PostgreSQL at {admin_url}: {e}"));
        for statement in [
            "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public".to_owned(),
            format!("DROP SCHEMA IF EXISTS {name} CASCADE"),
            format!("CREATE SCHEMA {name}"),
        ] {
            sqlx::query(&statement)
                .execute(&mut admin)
                .await
                .expect("prepare schema");
        }
        let separator = if admin_url.contains('?') { '&' } else { '?' };
        Schema {
            admin_url: admin_url.to_owned(),
            url: format!("{admin_url}{separator}options[search_path]={name},public"),
            name,
        }
    }

    async fn drop_now(&self) {
        use sqlx::Connection;
        if let Ok(mut admin) = sqlx::PgConnection::connect(&self.admin_url).await {
            let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name))
                .execute(&mut admin)
                .await;
        }
    }
}

struct Figures {
    per_second: f64,
    p50: f64,
    p99: f64,
}

impl Figures {
    fn new(count: u64, seconds: u64, mut latencies: Vec<u32>) -> Figures {
        latencies.sort_unstable();
        Figures {
            per_second: count as f64 / seconds as f64,
            p50: percentile(&latencies, 0.50),
            p99: percentile(&latencies, 0.99),
        }
    }
}

fn client(connections: u64) -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(connections as usize)
        .build()
        .expect("client")
}

/// Readers reacting, client `n` on instance `n % instances`. Answers the figures and
/// whether the totals equal what the readers believe they left.
async fn reactions(bases: &[String], clients: u64, seconds: u64) -> (Figures, bool) {
    let http = client(clients);
    let start = Instant::now() + Duration::from_secs(2);
    let end = start + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for n in 0..clients {
        let http = http.clone();
        let url = format!(
            "{}/api/v1/articles/1/reactions",
            bases[n as usize % bases.len()]
        );
        tasks.push(tokio::spawn(async move {
            let mut seed = 0x2545_F491_4F6C_DD1D ^ (n + 1);
            let (mut cookie, mut belief): (Option<String>, Option<String>) = (None, None);
            let (mut latencies, mut writes) = (Vec::with_capacity(100_000), 0u64);
            while Instant::now() < end {
                let roll = next(&mut seed);
                let kind = (!roll.is_multiple_of(5)).then(|| KINDS[(roll / 5 % 7) as usize]);
                let mut request = match kind {
                    Some(kind) => http.put(&url).json(&serde_json::json!({ "kind": kind })),
                    None => http.delete(&url),
                };
                if let Some(cookie) = &cookie {
                    request = request.header("cookie", cookie);
                }
                let sent = Instant::now();
                let response = request.send().await.expect("request");
                if let Some(set) = response.headers().get("set-cookie") {
                    cookie = set
                        .to_str()
                        .ok()
                        .and_then(|v| v.split(';').next())
                        .map(str::to_owned);
                }
                let ok = response.status().is_success();
                let _ = response.bytes().await;
                assert!(ok, "a reaction write failed");
                belief = kind.map(str::to_owned);
                if sent >= start {
                    latencies.push(sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
                    writes += 1;
                }
            }
            (writes, latencies, belief)
        }));
    }
    let (mut writes, mut latencies) = (0, Vec::new());
    let mut believed: BTreeMap<String, i64> = BTreeMap::new();
    for task in tasks {
        let (n, mut l, belief) = task.await.expect("reader");
        writes += n;
        latencies.append(&mut l);
        if let Some(kind) = belief {
            *believed.entry(kind).or_default() += 1;
        }
    }
    let mut exact = true;
    for base in bases {
        let counts: serde_json::Value = http
            .get(format!("{base}/api/v1/articles/1/reactions"))
            .send()
            .await
            .expect("counts")
            .json()
            .await
            .expect("json");
        exact &= KINDS.iter().all(|kind| {
            counts["counts"][kind].as_i64().unwrap_or(-1)
                == believed.get(*kind).copied().unwrap_or(0)
        });
    }
    (Figures::new(writes, seconds, latencies), exact)
}

/// Clients reading `paths` in turn, client `n` on instance `n % instances`.
async fn reads(bases: &[String], paths: &[String], clients: u64, seconds: u64) -> Figures {
    let http = client(clients);
    let start = Instant::now() + Duration::from_secs(1);
    let end = start + Duration::from_secs(seconds);
    let paths = Arc::new(paths.to_vec());
    let mut tasks = Vec::new();
    for n in 0..clients {
        let http = http.clone();
        let base = bases[n as usize % bases.len()].clone();
        let paths = paths.clone();
        tasks.push(tokio::spawn(async move {
            let (mut latencies, mut count) = (Vec::with_capacity(100_000), 0u64);
            let mut i = n as usize;
            while Instant::now() < end {
                i = (i + 1) % paths.len();
                let sent = Instant::now();
                let response = http
                    .get(format!("{base}{}", paths[i]))
                    .header("accept-encoding", "gzip")
                    .send()
                    .await
                    .expect("read");
                assert!(response.status().is_success(), "{} failed", paths[i]);
                let _ = response.bytes().await;
                if sent >= start {
                    latencies.push(sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
                    count += 1;
                }
            }
            (count, latencies)
        }));
    }
    let (mut count, mut latencies) = (0, Vec::new());
    for task in tasks {
        let (n, mut l) = task.await.expect("client");
        count += n;
        latencies.append(&mut l);
    }
    Figures::new(count, seconds, latencies)
}

/// The public pages of the demo site (home and every article it links to), and the
/// reaction totals of those articles through the API.
async fn demo_paths(base: &str) -> (Vec<String>, Vec<String>) {
    let home = reqwest::get(format!("{base}/"))
        .await
        .expect("home")
        .text()
        .await
        .expect("text");
    let mut pages = vec!["/".to_owned()];
    // The theme escapes `/` in attributes as `&#x2f;`.
    let home = home.replace("&#x2f;", "/");
    for part in home.split("href=\"/article/").skip(1) {
        if let Some(slug) = part.split('"').next().filter(|s| !s.contains('#')) {
            let path = format!("/article/{slug}");
            if !pages.contains(&path) {
                pages.push(path);
            }
        }
    }
    assert!(pages.len() > 1, "the demo home page links to articles");
    let api = (1..pages.len())
        .map(|id| format!("/api/v1/articles/{id}/reactions"))
        .collect();
    (pages, api)
}

fn main() {
    let seconds = env_number("BENCH_SECONDS", 8);
    let clients = env_number("BENCH_CLIENTS", 64);
    let postgres = std::env::var("BENCH_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    println!(
        "Newsdesk instances benchmark: {clients} clients, {seconds} s per measurement, \
         clients spread over the instances in turn"
    );
    println!();
    println!(
        "| setup | reaction writes/s | p50 ms | p99 ms | totals exact | page reads/s | p50 ms | p99 ms | API reads/s | p50 ms | p99 ms |"
    );
    println!("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut baseline: Option<(f64, f64, f64)> = None;
    let mut ratios = Vec::new();
    for (label, on_postgres, count) in [
        ("SQLite, 1 instance", false, 1),
        ("PostgreSQL, 1 instance", true, 1),
        ("PostgreSQL, 2 instances", true, 2),
    ] {
        let schema = on_postgres.then(|| runtime.block_on(Schema::create(&postgres)));
        let url = schema.as_ref().map(|s| s.url.clone());
        let mut instances = vec![start(url.as_deref(), true)];
        for _ in 1..count {
            instances.push(start(url.as_deref(), false));
        }
        let bases: Vec<String> = instances.iter().map(|i| i.base.clone()).collect();
        let (writes, exact, pages, api) = runtime.block_on(async {
            let (page_paths, api_paths) = demo_paths(&bases[0]).await;
            let (writes, exact) = reactions(&bases, clients, seconds).await;
            let pages = reads(&bases, &page_paths, clients, seconds).await;
            let api = reads(&bases, &api_paths, clients, seconds).await;
            (writes, exact, pages, api)
        });
        println!(
            "| {label} | {:.0} | {:.2} | {:.2} | {} | {:.0} | {:.2} | {:.2} | {:.0} | {:.2} | {:.2} |",
            writes.per_second,
            writes.p50,
            writes.p99,
            if exact { "yes" } else { "NO" },
            pages.per_second,
            pages.p50,
            pages.p99,
            api.per_second,
            api.p50,
            api.p99,
        );
        drop(instances);
        if let Some(schema) = schema {
            runtime.block_on(schema.drop_now());
        }
        let figures = (writes.per_second, pages.per_second, api.per_second);
        match baseline {
            None => baseline = Some(figures),
            Some(base) => ratios.push((
                label,
                figures.0 / base.0,
                figures.1 / base.1,
                figures.2 / base.2,
            )),
        }
        if !exact {
            std::process::exit(1);
        }
    }
    println!();
    for (label, writes, pages, api) in ratios {
        println!(
            "{label} against SQLite, same run: reaction writes {writes:.2}×, page reads {pages:.2}×, API reads {api:.2}×"
        );
    }
}
