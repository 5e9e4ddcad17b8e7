//! Reaction writes per second against a real `newsdesk serve` on loopback.
//!
//! `cargo bench --bench reactions` builds the release binary, starts it on a fresh demo
//! site, and has 64 concurrent readers (each with their own cookie) set, switch and take
//! back reactions on one article for a fixed time. Prints writes/s and latency percentiles,
//! then checks that the totals equal what the readers believe they left.
//!
//! Environment: BENCH_SECONDS (default 10), BENCH_READERS (default 64),
//! BENCH_CLIENT_THREADS (default 1), NEWSDESK_DATABASE_URL (default: SQLite in a temp dir).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "common.rs"]
mod common;
use common::{env_number, free_port, next, percentile};
const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");
const KINDS: [&str; 7] = ["like", "dislike", "love", "funny", "angry", "sad", "wow"];

fn peak_rss_mib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// CPU seconds (user + system) a process has used so far.
fn cpu_seconds(pid: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            let utime: f64 = fields.get(11)?.parse().ok()?;
            let stime: f64 = fields.get(12)?.parse().ok()?;
            Some((utime + stime) / 100.0)
        })
        .unwrap_or(0.0)
}

fn main() {
    let seconds = env_number("BENCH_SECONDS", 10);
    let readers = env_number("BENCH_READERS", 64);
    let client_threads = env_number("BENCH_CLIENT_THREADS", 1) as usize;
    let data = std::env::temp_dir().join(format!("newsdesk-bench-{}", std::process::id()));
    let port = free_port();
    let mut command = Command::new(BIN);
    command
        .args(["serve", "--demo", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--data")
        .arg(&data)
        .env("NEWSDESK_REACTION_BURST", "1000000000")
        .env("NEWSDESK_REACTION_PER_MINUTE", "1000000000")
        .env("NEWSDESK_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let backend = std::env::var("NEWSDESK_DATABASE_URL").unwrap_or_default();
    if backend.is_empty() {
        command.env_remove("NEWSDESK_DATABASE_URL");
    }
    let mut server = command.spawn().expect("start newsdesk");
    let pid = server.id();
    let stdout = server.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line.expect("line");
        if line.contains("Press Ctrl-C") {
            break;
        }
    }
    std::thread::spawn(move || for _ in lines {});

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(client_threads)
        .enable_all()
        .build()
        .expect("runtime");
    let base = format!("http://127.0.0.1:{port}");
    let (server_cpu, client_cpu) = (cpu_seconds(&pid.to_string()), cpu_seconds("self"));
    let (writes, latencies, exact) = runtime.block_on(run(&base, readers, seconds));
    let server_cpu = cpu_seconds(&pid.to_string()) - server_cpu;
    let client_cpu = cpu_seconds("self") - client_cpu;
    let rss = peak_rss_mib(pid);
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&data);

    let mut sorted = latencies;
    sorted.sort_unstable();
    let label = if backend.is_empty() {
        "sqlite".to_owned()
    } else {
        backend.split(':').next().unwrap_or("?").to_owned()
    };
    println!();
    println!(
        "| backend | readers | seconds | writes | writes/s | p50 ms | p99 ms | p99.9 ms | server CPU s | client CPU s | server peak RSS MiB | totals exact |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    println!(
        "| {label} | {readers} | {seconds} | {writes} | {:.0} | {:.2} | {:.2} | {:.2} | {server_cpu:.1} | {client_cpu:.1} | {rss:.1} | {} |",
        writes as f64 / seconds as f64,
        percentile(&sorted, 0.50),
        percentile(&sorted, 0.99),
        percentile(&sorted, 0.999),
        if exact { "yes" } else { "NO" },
    );
    if !exact {
        std::process::exit(1);
    }
}

async fn run(base: &str, readers: u64, seconds: u64) -> (u64, Vec<u32>, bool) {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(readers as usize)
        .build()
        .expect("client");
    let url = Arc::new(format!("{base}/api/v1/articles/1/reactions"));
    let warmup = Duration::from_secs(2);
    let start = Instant::now() + warmup;
    let end = start + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for n in 0..readers {
        let client = client.clone();
        let url = url.clone();
        tasks.push(tokio::spawn(async move {
            let mut seed = 0x2545_F491_4F6C_DD1D ^ (n + 1);
            let mut cookie: Option<String> = None;
            let mut belief: Option<String> = None;
            let mut latencies = Vec::with_capacity(200_000);
            let mut writes = 0u64;
            loop {
                let now = Instant::now();
                if now >= end {
                    break;
                }
                let roll = next(&mut seed);
                let kind = (!roll.is_multiple_of(5)).then(|| KINDS[(roll / 5 % 7) as usize]);
                let mut request = match kind {
                    Some(kind) => client
                        .put(url.as_str())
                        .json(&serde_json::json!({ "kind": kind })),
                    None => client.delete(url.as_str()),
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
    let mut writes = 0;
    let mut latencies = Vec::new();
    let mut believed: BTreeMap<String, i64> = BTreeMap::new();
    for task in tasks {
        let (n, mut l, belief) = task.await.expect("reader");
        writes += n;
        latencies.append(&mut l);
        if let Some(kind) = belief {
            *believed.entry(kind).or_default() += 1;
        }
    }
    let counts: serde_json::Value = client
        .get(url.as_str())
        .send()
        .await
        .expect("counts")
        .json()
        .await
        .expect("json");
    let exact = KINDS.iter().all(|kind| {
        counts["counts"][kind].as_i64().unwrap_or(-1) == believed.get(*kind).copied().unwrap_or(0)
    });
    (writes, latencies, exact)
}
