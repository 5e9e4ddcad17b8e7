//! A live blog's capacity on one instance: readers with the page open, an entry every few
//! seconds, and whether every reader gets every entry.
//!
//! `cargo bench --bench live` builds the release binary, starts a real `newsdesk serve` on
//! SQLite with a fresh site, makes a published live blog, then measures in the same run:
//!
//! - the server's memory (resident set) with nobody connected: the baseline;
//! - the same with BENCH_READERS readers following the story's live stream, and its peak
//!   while BENCH_ENTRIES entries are posted BENCH_EVERY seconds apart;
//! - how many readers got every entry, and how long an entry took to reach them (from the
//!   moment its POST was sent);
//! - how fast the blog's page renders once it holds 2,000 entries (its first page, a page
//!   in the middle and the last), against a plain story's page in the same run (page cache
//!   off, so every request renders).
//!
//! It fails if a reader missed an entry or memory passes BENCH_MAX_MIB.
//! Environment: BENCH_READERS (default 2000), BENCH_ENTRIES (default 6), BENCH_EVERY
//! (seconds, default 10), BENCH_MAX_MIB (default 200). The process opens one connection
//! per reader, as does the server: allow ~2 × readers + 100 open files (`ulimit -n`).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

#[path = "common.rs"]
mod common;
use common::{env_number, free_port, percentile};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");
const EMAIL: &str = "bench@example.com";

struct Server {
    child: Child,
    base: String,
    token: String,
    _data: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// Runs a `newsdesk` command on the data folder, with `input` on its standard input.
fn newsdesk(data: &std::path::Path, args: &[&str], input: &str) -> String {
    let mut child = Command::new(BIN)
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("NEWSDESK_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsdesk");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("output");
    assert!(
        output.status.success(),
        "newsdesk {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn start() -> Server {
    let data = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    std::fs::write(
        data.path().join("newsdesk.toml"),
        format!("base_url = \"{base}\"\npage_cache = false\n"),
    )
    .expect("settings");
    newsdesk(
        data.path(),
        &[
            "user",
            "add",
            "--email",
            EMAIL,
            "--name",
            "Bench Editor",
            "--role",
            "admin",
        ],
        "a long enough password\n",
    );
    let printed = newsdesk(data.path(), &["token", "create", "--email", EMAIL], "");
    let token = printed.lines().last().expect("token").trim().to_owned();
    let mut child = Command::new(BIN)
        .arg("--data")
        .arg(data.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env_remove("NEWSDESK_DATABASE_URL")
        .env("NEWSDESK_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start newsdesk");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        if line.expect("line").contains("Press Ctrl-C") {
            break;
        }
    }
    std::thread::spawn(move || for _ in lines {});
    Server {
        child,
        base,
        token,
        _data: data,
    }
}

/// The server's resident memory now and at its peak, in MiB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kib| kib.parse::<f64>().ok())
            .map_or(0.0, |kib| kib / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

async fn api(server: &Server, http: &reqwest::Client, path: &str, body: Value) -> Value {
    let response = http
        .post(format!("{}/api/v1{path}", server.base))
        .bearer_auth(&server.token)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = response.status();
    let body: Value = response.json().await.expect("json");
    assert!(status.is_success(), "POST {path}: {status} {body}");
    body
}

/// A reader: follows the stream until it has seen `expected` new entries or the time is
/// up, and notes when each arrived.
async fn reader(
    base: String,
    article: i64,
    connected: Arc<tokio::sync::Barrier>,
    expected: usize,
    until: tokio::time::Instant,
) -> Vec<(i64, Instant)> {
    let client = reqwest::Client::new();
    let mut response = client
        .get(format!("{base}/api/v1/articles/{article}/live"))
        .send()
        .await
        .expect("stream");
    assert!(response.status().is_success());
    connected.wait().await;
    let mut buffer = String::new();
    let mut seen = Vec::new();
    while seen.len() < expected {
        let Ok(Ok(Some(bytes))) = tokio::time::timeout_at(until, response.chunk()).await else {
            break;
        };
        let now = Instant::now();
        buffer.push_str(&String::from_utf8_lossy(&bytes));
        while let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if !event.contains("event: entry") {
                continue;
            }
            let data: String = event
                .lines()
                .filter_map(|l| l.strip_prefix("data:"))
                .map(str::trim)
                .collect();
            if let Ok(update) = serde_json::from_str::<Value>(&data)
                && update["action"] == "new"
                && let Some(id) = update["id"].as_i64()
            {
                seen.push((id, now));
            }
        }
    }
    seen
}

/// The median time to render `path`, in milliseconds, over `times` requests.
async fn render_time(http: &reqwest::Client, url: &str, times: usize) -> f64 {
    let mut took = Vec::with_capacity(times);
    for _ in 0..times {
        let started = Instant::now();
        let response = http.get(url).send().await.expect("page");
        assert!(response.status().is_success(), "{url}");
        let _ = response.bytes().await;
        took.push(started.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
    }
    took.sort_unstable();
    percentile(&took, 0.5)
}

fn main() {
    let readers = env_number("BENCH_READERS", 2000) as usize;
    let entries = env_number("BENCH_ENTRIES", 6) as usize;
    let every = Duration::from_secs(env_number("BENCH_EVERY", 10));
    let max_mib = env_number("BENCH_MAX_MIB", 200) as f64;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let server = start();
    let pid = server.child.id();
    println!(
        "live blog capacity: {readers} readers, {entries} entries {}s apart, one instance on SQLite",
        every.as_secs()
    );
    let failed = runtime.block_on(async {
        let http = reqwest::Client::new();
        let section = api(&server, &http, "/sections", json!({ "name": "News" })).await;
        let author = api(&server, &http, "/authors", json!({ "name": "Bench Reporter" })).await;
        let story = |title: &str, format: &str| {
            json!({
                "title": title,
                "body": "Follow the count as it happens.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "status": "published",
                "format": format,
            })
        };
        let blog = api(&server, &http, "/articles", story("Election night", "live")).await;
        let plain = api(&server, &http, "/articles", story("A plain story", "standard")).await;
        let article = blog["id"].as_i64().expect("id");
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (idle, _) = memory(pid);

        let connected = Arc::new(tokio::sync::Barrier::new(readers + 1));
        let until = tokio::time::Instant::now()
            + Duration::from_secs(120)
            + every * u32::try_from(entries).unwrap_or(u32::MAX);
        let tasks: Vec<_> = (0..readers)
            .map(|_| {
                tokio::spawn(reader(
                    server.base.clone(),
                    article,
                    connected.clone(),
                    entries,
                    until,
                ))
            })
            .collect();
        let opened = Instant::now();
        connected.wait().await;
        println!(
            "{readers} readers connected in {:.1} s",
            opened.elapsed().as_secs_f64()
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
        let (with_readers, _) = memory(pid);

        let mut sent: HashMap<i64, Instant> = HashMap::new();
        for n in 0..entries {
            if n > 0 {
                tokio::time::sleep(every).await;
            }
            let at = Instant::now();
            let entry = api(
                &server,
                &http,
                &format!("/articles/{article}/entries"),
                json!({
                    "body": format!("Update {n}: ward {} has declared; turnout was {}%.", n + 1, 60 + n),
                    "title": format!("Ward {} declared", n + 1),
                    "key_event": n % 3 == 0,
                }),
            )
            .await;
            sent.insert(entry["id"].as_i64().expect("id"), at);
        }
        let mut complete = 0;
        let mut latencies: Vec<u32> = Vec::with_capacity(readers * entries);
        for task in tasks {
            let seen = task.await.expect("reader");
            let got: std::collections::HashSet<i64> = seen.iter().map(|(id, _)| *id).collect();
            if sent.keys().all(|id| got.contains(id)) {
                complete += 1;
            }
            for (id, at) in seen {
                if let Some(posted) = sent.get(&id) {
                    latencies.push(
                        at.duration_since(*posted)
                            .as_micros()
                            .min(u128::from(u32::MAX)) as u32,
                    );
                }
            }
        }
        let (during, peak) = memory(pid);
        latencies.sort_unstable();
        println!(
            "delivery: {complete} of {readers} readers got all {entries} entries; \
             latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.99),
            percentile(&latencies, 1.0),
        );
        println!(
            "memory: {idle:.1} MiB idle (baseline); {with_readers:.1} MiB with {readers} readers \
             ({:.2}x); {during:.1} MiB after the entries; peak {peak:.1} MiB (limit {max_mib} MiB)",
            with_readers / idle.max(0.1)
        );

        // A blog that ran all night: 2,000 entries, then its pages rendered.
        let fill = Instant::now();
        let total = 2_000usize;
        for n in entries..total {
            api(
                &server,
                &http,
                &format!("/articles/{article}/entries"),
                json!({ "body": format!("Update {n}: the count goes on in ward {}.", n % 40) }),
            )
            .await;
        }
        println!(
            "posted {} more entries in {:.1} s",
            total - entries,
            fill.elapsed().as_secs_f64()
        );
        let page_url = |url: &Value, query: &str| {
            format!("{}{query}", url.as_str().expect("url"))
        };
        let baseline = render_time(&http, &page_url(&plain["url"], ""), 30).await;
        println!("page render, median of 30 (page cache off):");
        println!("  a plain story (baseline): {baseline:.2} ms");
        for (name, query) in [
            ("first page", ""),
            ("page 50 of 100", "?page=50"),
            ("page 100 of 100", "?page=100"),
        ] {
            let took = render_time(&http, &page_url(&blog["url"], query), 30).await;
            println!(
                "  the 2,000-entry blog, {name}: {took:.2} ms ({:.2}x the plain story)",
                took / baseline.max(0.001)
            );
        }
        complete < readers || peak > max_mib
    });
    drop(server);
    if failed {
        eprintln!("FAILED: a reader missed an entry or memory passed the limit");
        std::process::exit(1);
    }
}
