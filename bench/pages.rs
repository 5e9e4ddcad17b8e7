//! Page serving under a breaking-news spike, against the practical limit: nginx serving the
//! same article's bytes from a file, measured in the same run.
//!
//! `cargo bench --bench pages` (needs `wrk` and `nginx` from the distribution; see
//! bench/README.md). Environment: BENCH_ARTICLES (10000), BENCH_SECONDS (10),
//! BENCH_CONNECTIONS (64); BENCH_SEED_ONLY=1 seeds a site, prints its folder and stops;
//! BENCH_BIN serves with another build of `newsdesk` (an earlier commit, for before/after);
//! BENCH_POSTGRES=postgres://... seeds and serves the site on PostgreSQL instead of SQLite
//! (in a schema of its own, dropped at the end); BENCH_EDITIONS=1 puts two of the five
//! sections in a Swahili edition, so every list keeps to its edition, and adds that
//! edition's pages (compare its list rows with a run without it).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::Timestamp;
use newsdesk::domain::{ArticleStatus, Slug};
use newsdesk::newsroom::Newsroom;
use newsdesk::store::{
    ArticleInput, AuthorInput, CommentStatus, LeadImage, NewComment, SectionInput,
};

#[path = "common.rs"]
mod common;
use common::{env_number, free_port};
const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

const WORDS: &[&str] = &[
    "council",
    "harbour",
    "ferry",
    "market",
    "traders",
    "commuters",
    "budget",
    "minister",
    "rain",
    "festival",
    "library",
    "school",
    "clinic",
    "court",
    "police",
    "rail",
    "coffee",
    "growers",
    "prices",
    "solar",
    "energy",
    "fishermen",
    "stadium",
    "season",
    "league",
    "coach",
    "mayor",
    "residents",
    "district",
    "road",
    "bridge",
    "report",
    "survey",
    "plan",
    "vote",
    "weekend",
];

/// A body of about 600 words in a few paragraphs, different for every article.
fn body(n: u64) -> String {
    let mut seed = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut text = String::with_capacity(4500);
    for paragraph in 0..8 {
        if paragraph == 4 {
            text.push_str("## What happens next\n\n");
        }
        for sentence in 0..5 {
            for word in 0..15 {
                let w = WORDS[(next() % WORDS.len() as u64) as usize];
                if word == 0 {
                    let mut chars = w.chars();
                    if let Some(first) = chars.next() {
                        text.extend(first.to_uppercase());
                        text.push_str(chars.as_str());
                    }
                } else {
                    text.push(' ');
                    text.push_str(w);
                }
            }
            text.push_str(if sentence == 4 { ".\n\n" } else { ". " });
        }
    }
    text
}

/// Articles seeded one by one through the storage seam; the rest are copies of them made
/// by SQL in one transaction (different slugs, ids and times; the same words), which takes
/// seconds where 100,000 saves through the store took minutes.
const TEMPLATE: u64 = 2_000;

/// Copies the template articles (ids 1..=template) `copies` times in one transaction, with
/// their bylines, tags and search entries: copy `k` has ids shifted by `k * template`,
/// slugs ending in `-c{k}` and times `k * template` minutes earlier. The same SQL on both
/// engines but for the search index (FTS5 on SQLite, a `tsvector` table on PostgreSQL) and
/// the id sequence PostgreSQL must be told about.
macro_rules! copy_with {
    ($conn:expr, $db:ty, $template:expr, $copies:expr, $param:literal) => {{
        use sqlx::{Connection, Row};
        let mut conn = $conn;
        let (template, copies): (u64, u64) = ($template, $copies);
        let postgres = <$db as sqlx::Database>::NAME == "PostgreSQL";
        let mut names: Vec<(String, Vec<String>)> = Vec::new();
        for table in ["articles", "article_authors", "article_tags"] {
            let sql = if postgres {
                format!(
                    "SELECT column_name::text FROM information_schema.columns \
                     WHERE table_name = '{table}' AND table_schema = current_schema() \
                     ORDER BY ordinal_position"
                )
            } else {
                format!("SELECT name FROM pragma_table_info('{table}')")
            };
            let rows = sqlx::query(&sql)
                .fetch_all(&mut conn)
                .await
                .expect("columns");
            let list = rows
                .iter()
                .map(|r| r.get::<String, _>(0))
                .collect::<Vec<_>>();
            names.push((table.to_owned(), list));
        }
        let template_slugs: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT slug FROM articles WHERE id <= {} ORDER BY id",
            $param
        ))
        .bind(template as i64)
        .fetch_all(&mut conn)
        .await
        .expect("slugs");
        let mut tx = conn.begin().await.expect("begin");
        let mut slugs = Vec::new();
        for k in 1..=copies {
            let shift = (k * template) as i64;
            for (table, list) in &names {
                let expressions: Vec<String> = list
                    .iter()
                    .map(|name| match (table.as_str(), name.as_str()) {
                        ("articles", "id") | (_, "article_id") => format!("{name} + {shift}"),
                        ("articles", "slug") => format!("slug || '-c{k}'"),
                        ("articles", "published_at")
                        | ("articles", "created_at")
                        | ("articles", "updated_at") => format!("{name} - {}", shift * 60),
                        _ => name.clone(),
                    })
                    .collect();
                let key = if table == "articles" {
                    "id"
                } else {
                    "article_id"
                };
                let sql = format!(
                    "INSERT INTO {table} ({}) SELECT {} FROM {table} WHERE {key} <= {template}",
                    list.join(", "),
                    expressions.join(", ")
                );
                sqlx::query(&sql).execute(&mut *tx).await.expect("copy");
            }
            let search = if postgres {
                format!(
                    "INSERT INTO article_search (article_id, document) \
                     SELECT article_id + {shift}, document FROM article_search \
                     WHERE article_id <= {template}"
                )
            } else {
                format!(
                    "INSERT INTO article_search (rowid, title, standfirst, body, tags, authors) \
                     SELECT rowid + {shift}, title, standfirst, body, tags, authors FROM article_search \
                     WHERE rowid <= {template}"
                )
            };
            sqlx::query(&search)
                .execute(&mut *tx)
                .await
                .expect("copy search");
            slugs.extend(template_slugs.iter().map(|slug| format!("{slug}-c{k}")));
        }
        if postgres {
            // Ids were given, not drawn: the next story takes the one after the last.
            sqlx::query(
                "SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))",
            )
            .execute(&mut *tx)
            .await
            .expect("sequence");
        }
        tx.commit().await.expect("commit");
        if postgres {
            sqlx::query("ANALYZE")
                .execute(&mut conn)
                .await
                .expect("analyze");
        }
        slugs
    }};
}

async fn copy_articles(url: &str, template: u64, copies: u64) -> Vec<String> {
    if url.starts_with("postgres") {
        let conn = <sqlx::PgConnection as sqlx::Connection>::connect(url)
            .await
            .expect("open for copying");
        copy_with!(conn, sqlx::Postgres, template, copies, "$1")
    } else {
        let conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(url)
            .await
            .expect("open for copying");
        copy_with!(conn, sqlx::Sqlite, template, copies, "?")
    }
}

/// Fills a new site with `count` published articles: `TEMPLATE` through the storage seam,
/// the rest copied from them by SQL. Also leaves comments waiting for moderation on the
/// newest stories, for the newsroom run to approve.
async fn seed(data: &Path, url: &str, count: u64) -> (Vec<String>, String, Vec<i64>) {
    std::fs::create_dir_all(data).expect("data dir");
    let store = newsdesk::store::open(url).await.expect("open store");
    store.migrate().await.expect("migrate");
    let mut sections = Vec::new();
    // BENCH_EDITIONS=1: two of the five sections are a Swahili edition's, so every list
    // keeps to its edition (the condition a one-language site never runs).
    let editions = std::env::var_os("BENCH_EDITIONS").is_some();
    for name in ["News", "Business", "Culture", "Sport", "Opinion"] {
        let swahili = editions && matches!(name, "Business" | "Culture");
        let section = store
            .create_section(&SectionInput {
                slug: Slug::from_title(name),
                name: name.into(),
                description: None,
                language: swahili.then(|| newsdesk::domain::Language::parse("sw").expect("sw")),
            })
            .await
            .expect("section");
        sections.push(section.id);
    }
    let mut authors = Vec::new();
    for n in 0..20 {
        let name = format!("Reporter {n}");
        let author = store
            .create_author(&AuthorInput {
                slug: Slug::from_title(&name),
                name,
                bio: Some("Writes for us.".into()),
                photo_url: None,
            })
            .await
            .expect("author");
        authors.push(author.id);
    }
    let started = Instant::now();
    let now = Timestamp::now();
    let mut slugs = Vec::with_capacity(count as usize);
    let template = count.min(TEMPLATE);
    let copies = count.div_ceil(template) - 1;
    let count = template * (copies + 1);
    for n in 0..template {
        let title = format!(
            "Bench story {n}: {} {} {}",
            WORDS[(n % 36) as usize],
            WORDS[((n / 36) % 36) as usize],
            WORDS[((n / 7) % 36) as usize]
        );
        let slug = Slug::from_title(&title);
        let input = ArticleInput {
            slug: slug.clone(),
            title,
            standfirst: Some(
                "A standfirst that sums up the story in one sentence for readers in a hurry."
                    .into(),
            ),
            body: body(n),
            status: ArticleStatus::Published,
            section_id: sections[(n % 5) as usize],
            tags: (0..3)
                .map(|t| {
                    let name = format!("topic {}", (n * 7 + t * 13) % 60);
                    (Slug::from_title(&name), name)
                })
                .collect(),
            author_ids: vec![authors[(n % 20) as usize]],
            lead_image: Some(LeadImage {
                url: "/static/demo/harbour.svg".into(),
                alt: "Boats in the harbour".into(),
                credit: Some("Courtesy".into()),
                caption: None,
            }),
            seo_title: None,
            seo_description: None,
            published_at: Some(now - jiff::SignedDuration::from_secs(60 * (template - n) as i64)),
            comments_open: true,
            format: Default::default(),
            dateline: None,
            embargo_until: None,
            source: Default::default(),
            updated_shown_at: None,
        };
        store
            .create_article(&input, None, now)
            .await
            .expect("article");
        slugs.push(slug.to_string());
    }
    // Comments waiting for moderation on the 1,000 newest stories.
    let mut waiting = Vec::new();
    for n in 0..400 {
        let comment = store
            .create_comment(
                &NewComment {
                    article_id: (template - (n * 7 % 1000).min(template - 1)) as i64,
                    parent_id: None,
                    author_name: format!("Reader {n}"),
                    author_email: None,
                    body: "A comment waiting for a moderator.".into(),
                    status: CommentStatus::Pending,
                    reason: None,
                    reader_id: None,
                },
                now,
            )
            .await
            .expect("comment");
        waiting.push(comment.id);
    }
    let newsroom = Newsroom::new(store.as_ref());
    newsroom
        .add_user(
            "bench@example.com",
            "Bench",
            "admin",
            "bench password 123",
            now,
        )
        .await
        .expect("user");
    let token = newsroom
        .create_token("bench@example.com", "bench", now)
        .await
        .expect("token");
    store.close().await;
    eprintln!(
        "  seeded {template} articles through the store in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let copying = Instant::now();
    let mut copied = copy_articles(url, template, copies).await;
    // Newest first in the list the benchmark picks from: the template, then older copies.
    slugs.append(&mut copied);
    eprintln!(
        "  copied them into {count} articles in {:.1} s",
        copying.elapsed().as_secs_f64()
    );
    (slugs, token, waiting)
}

struct Server {
    child: Child,
    base: String,
    first_page: Duration,
}

impl Server {
    /// Serves the site in `data`, on `database_url` when it is PostgreSQL's.
    fn start(data: &Path, database_url: Option<&str>, cache: bool) -> Server {
        let port = free_port();
        let started = Instant::now();
        // BENCH_BIN runs another build's server (an earlier commit's) on the same site.
        let bin = std::env::var("BENCH_BIN").unwrap_or_else(|_| BIN.to_owned());
        let mut command = Command::new(bin);
        command.env_remove("NEWSDESK_DATABASE_URL");
        if let Some(url) = database_url {
            command.env("NEWSDESK_DATABASE_URL", url);
        }
        let child = command
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--data")
            .arg(data)
            .env("NEWSDESK_PAGE_CACHE", if cache { "on" } else { "off" })
            .env("NEWSDESK_REACTION_BURST", "1000000000")
            .env("NEWSDESK_REACTION_PER_MINUTE", "1000000000")
            .env("NEWSDESK_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start newsdesk");
        let base = format!("http://127.0.0.1:{port}");
        loop {
            let ok = Command::new("curl")
                .args([
                    "-s",
                    "-o",
                    "/dev/null",
                    "-w",
                    "%{http_code}",
                    &format!("{base}/"),
                ])
                .output()
                .map(|o| o.stdout == b"200")
                .unwrap_or(false);
            if ok {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "server did not start"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        Server {
            child,
            base,
            first_page: started.elapsed(),
        }
    }

    fn peak_rss_mib(&self) -> f64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map(|kb| kb / 1024.0)
            .unwrap_or(0.0)
    }

    fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

struct Run {
    requests_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    extra: String,
}

fn milliseconds(text: &str) -> f64 {
    let text = text.trim();
    let (number, factor) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1000.0)
    } else {
        (text, 1.0)
    };
    number.parse::<f64>().unwrap_or(f64::NAN) * factor
}

/// Runs wrk with gzip accepted (as browsers do) and reads its summary.
fn wrk(url: &str, seconds: u64, connections: u64, script: Option<&Path>) -> Run {
    let mut command = Command::new("wrk");
    command.args([
        "-t2",
        &format!("-c{connections}"),
        &format!("-d{seconds}s"),
        "--latency",
        "-H",
        "Accept-Encoding: gzip",
    ]);
    if let Some(script) = script {
        command.arg("-s").arg(script);
    }
    let output = command.arg(url).output().expect("wrk (apt install wrk)");
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    let find = |prefix: &str| {
        text.lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix(prefix)
                    .map(|rest| rest.trim().to_owned())
            })
            .unwrap_or_default()
    };
    let non_2xx = find("Non-2xx or 3xx responses:");
    Run {
        requests_per_second: find("Requests/sec:").parse().unwrap_or(0.0),
        p50_ms: milliseconds(&find("50%")),
        p99_ms: milliseconds(&find("99%")),
        extra: if non_2xx.is_empty() {
            text.lines()
                .filter(|l| l.starts_with("READS") || l.starts_with("WRITES"))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            format!("non-2xx: {non_2xx}")
        },
    }
}

fn write_script(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("script");
    path
}

fn nginx(root: &Path, port: u16) -> Child {
    let config = root.join("nginx.conf");
    let mut file = std::fs::File::create(&config).expect("nginx.conf");
    write!(
        file,
        "worker_processes 2;\npid {root}/nginx.pid;\nerror_log {root}/error.log;\nevents {{ worker_connections 1024; }}\nhttp {{\n  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 100000;\n  types {{ text/html html; }}\n  client_body_temp_path {root}/tmp;\n  proxy_temp_path {root}/tmp;\n  fastcgi_temp_path {root}/tmp;\n  uwsgi_temp_path {root}/tmp;\n  scgi_temp_path {root}/tmp;\n  server {{\n    listen 127.0.0.1:{port};\n    root {root}/www;\n    gzip_static on;\n    location / {{ default_type text/html; }}\n  }}\n}}\n",
        root = root.display()
    )
    .expect("write nginx.conf");
    std::fs::create_dir_all(root.join("tmp")).expect("tmp");
    let child = Command::new("nginx")
        .args(["-c", &config.display().to_string(), "-g", "daemon off;"])
        .stderr(Stdio::inherit())
        .spawn()
        .expect("nginx (apt install nginx-light)");
    std::thread::sleep(Duration::from_millis(300));
    child
}

async fn renders(client: &reqwest::Client, base: &str) -> u64 {
    let metrics = client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    metrics
        .lines()
        .find_map(|l| l.strip_prefix("newsdesk_page_renders_total "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// 1,000 concurrent requests for a hot page right after an edit invalidated it.
async fn stampede(base: &str, token: &str, hot_id: i64) -> (u64, u64) {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1000)
        .build()
        .expect("client");
    let article: serde_json::Value = client
        .get(format!("{base}/api/v1/articles/{hot_id}"))
        .bearer_auth(token)
        .send()
        .await
        .expect("article")
        .json()
        .await
        .expect("json");
    let url = Arc::new(article["url"].as_str().expect("url").to_owned());
    let before = renders(&client, base).await;
    let response = client
        .patch(format!("{base}/api/v1/articles/{hot_id}"))
        .bearer_auth(token)
        .json(&serde_json::json!({"standfirst": "Updated as the story develops.", "version": article["version"]}))
        .send()
        .await
        .expect("edit");
    assert!(response.status().is_success(), "edit failed");
    let barrier = Arc::new(tokio::sync::Barrier::new(1000));
    let mut tasks = Vec::new();
    for _ in 0..1000 {
        let client = client.clone();
        let url = url.clone();
        let barrier = barrier.clone();
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            client
                .get(url.as_str())
                .send()
                .await
                .map(|r| r.status().is_success())
                .unwrap_or(false)
        }));
    }
    let mut ok = 0;
    for task in tasks {
        if task.await.unwrap_or(false) {
            ok += 1;
        }
    }
    (renders(&client, base).await - before, ok)
}

/// The page cache's counters from `/metrics`: hits, misses, stale.
async fn cache_counts(client: &reqwest::Client, base: &str) -> (f64, f64, f64) {
    let metrics = client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("text");
    let read = |label: &str| {
        let prefix = format!("newsdesk_page_cache_requests_total{{result=\"{label}\"}} ");
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(prefix.as_str()))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0.0)
    };
    (read("hit"), read("miss"), read("stale"))
}

/// A newsroom at work while the readers read: an edit every 2 s (one of the 100 newest
/// stories) and a comment approved every second, until `stop`. Answers the writes made.
async fn newsroom_at_work(
    base: String,
    token: String,
    newest_id: i64,
    waiting: Vec<i64>,
    stop: tokio::sync::watch::Receiver<bool>,
) -> (u64, u64) {
    let client = reqwest::Client::new();
    let (mut edits, mut approvals) = (0, 0);
    let mut waiting = waiting.into_iter();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut n = 0u64;
    while !*stop.borrow() {
        tick.tick().await;
        if *stop.borrow() {
            break;
        }
        n += 1;
        if let Some(id) = waiting.next() {
            let response = client
                .patch(format!("{base}/api/v1/comments/{id}"))
                .bearer_auth(&token)
                .json(&serde_json::json!({"status": "approved"}))
                .send()
                .await;
            if response.is_ok_and(|r| r.status().is_success()) {
                approvals += 1;
            }
        }
        if n.is_multiple_of(2) {
            let id = newest_id - (common::next(&mut seed) % 100) as i64;
            let Ok(article) = client
                .get(format!("{base}/api/v1/articles/{id}"))
                .bearer_auth(&token)
                .send()
                .await
            else {
                continue;
            };
            let Ok(article) = article.json::<serde_json::Value>().await else {
                continue;
            };
            let response = client
                .patch(format!("{base}/api/v1/articles/{id}"))
                .bearer_auth(&token)
                .json(&serde_json::json!({
                    "standfirst": format!("Updated at {}.", Timestamp::now()),
                    "version": article["version"],
                }))
                .send()
                .await;
            if response.is_ok_and(|r| r.status().is_success()) {
                edits += 1;
            }
        }
    }
    (edits, approvals)
}

fn main() {
    let count = env_number("BENCH_ARTICLES", 10_000);
    let seconds = env_number("BENCH_SECONDS", 10);
    let connections = env_number("BENCH_CONNECTIONS", 64);
    let work = std::env::temp_dir().join(format!("newsdesk-pages-bench-{}", std::process::id()));
    let data = work.join("site");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    // On PostgreSQL, a schema of the benchmark's own (BENCH_POSTGRES names the database).
    let schema = format!("bench_pages_{}", std::process::id());
    let postgres = std::env::var("BENCH_POSTGRES").ok().map(|base| {
        runtime.block_on(postgres_schema(&base, &format!("CREATE SCHEMA {schema}")));
        let separator = if base.contains('?') { '&' } else { '?' };
        format!("{base}{separator}options[search_path]={schema}")
    });
    let backend = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let url = postgres
        .clone()
        .unwrap_or_else(|| format!("sqlite:{}", data.join("newsdesk.db").display()));
    eprintln!("seeding {count} articles on {backend}...");
    let seeding = Instant::now();
    let (slugs, token, waiting) = runtime.block_on(seed(&data, &url, count));
    let seed_seconds = seeding.elapsed().as_secs_f64();
    let count = slugs.len() as u64;
    if std::env::var_os("BENCH_SEED_ONLY").is_some() {
        println!("seeded site left at {} ({url})", data.display());
        return;
    }
    // The newest story is the last one seeded through the store.
    let template = count.min(TEMPLATE) as usize;
    let hot = &slugs[template - 1];
    let hot_id = template as i64;
    // The newsroom run reads the 1,000 newest stories, newest most often.
    let newest: Vec<&String> = slugs[..template].iter().rev().take(1000).collect();

    let slug_file = work.join("slugs.txt");
    std::fs::write(&slug_file, slugs.join("\n")).expect("slugs");
    let random = write_script(
        &work,
        "random.lua",
        &format!(
            "local slugs = {{}}\nfor line in io.lines(\"{}\") do slugs[#slugs + 1] = line end\nmath.randomseed(os.time())\nrequest = function() return wrk.format(\"GET\", \"/article/\" .. slugs[math.random(#slugs)]) end\n",
            slug_file.display()
        ),
    );
    let mixed = write_script(
        &work,
        "mixed.lua",
        &format!(
            "local threads = {{}}\nfunction setup(thread) table.insert(threads, thread) end\nreads = 0\nwrites = 0\nmath.randomseed(os.time())\nlocal kinds = {{\"like\", \"love\", \"wow\", \"sad\"}}\nrequest = function()\n  if math.random() < 0.05 then\n    writes = writes + 1\n    return wrk.format(\"PUT\", \"/api/v1/articles/{hot_id}/reactions\", {{[\"Content-Type\"] = \"application/json\"}}, '{{\"kind\": \"' .. kinds[math.random(#kinds)] .. '\"}}')\n  end\n  reads = reads + 1\n  return wrk.format(\"GET\", \"/article/{hot}\")\nend\nfunction done(summary, latency, requests)\n  local r, w = 0, 0\n  for _, t in ipairs(threads) do r = r + t:get(\"reads\"); w = w + t:get(\"writes\") end\n  io.write(\"READS \" .. r .. \"\\nWRITES \" .. w .. \"\\n\")\nend\n"
        ),
    );

    let zipf_file = work.join("newest.txt");
    std::fs::write(
        &zipf_file,
        newest
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .expect("newest");
    let zipf = write_script(
        &work,
        "zipf.lua",
        &format!(
            "local slugs = {{}}\nfor line in io.lines(\"{}\") do slugs[#slugs + 1] = line end\nlocal cdf = {{}}\nlocal total = 0\nfor i = 1, #slugs do total = total + 1 / i; cdf[i] = total end\nfor i = 1, #slugs do cdf[i] = cdf[i] / total end\nmath.randomseed(os.time())\nrequest = function()\n  local r = math.random()\n  local lo, hi = 1, #slugs\n  while lo < hi do\n    local mid = math.floor((lo + hi) / 2)\n    if cdf[mid] < r then lo = mid + 1 else hi = mid end\n  end\n  return wrk.format(\"GET\", \"/article/\" .. slugs[lo])\nend\n",
            zipf_file.display()
        ),
    );

    let mut rows: Vec<(String, Run, String)> = Vec::new();
    // Newsdesk with its cache, and the same article's bytes saved for nginx.
    let server = Server::start(&data, postgres.as_deref(), true);
    let first_page_cached = server.first_page;
    let article_url = format!("{}/article/{hot}", server.base);
    let www = work.join("nginx").join("www");
    std::fs::create_dir_all(&www).expect("www");
    let html = Command::new("curl")
        .args(["-s", &article_url])
        .output()
        .expect("curl")
        .stdout;
    let gz = Command::new("curl")
        .args(["-s", "-H", "Accept-Encoding: gzip", &article_url])
        .output()
        .expect("curl")
        .stdout;
    std::fs::write(www.join("article.html"), &html).expect("html");
    std::fs::write(www.join("article.html.gz"), &gz).expect("gz");
    let nginx_port = free_port();
    let mut nginx_child = nginx(&work.join("nginx"), nginx_port);
    let limit = wrk(
        &format!("http://127.0.0.1:{nginx_port}/article.html"),
        seconds,
        connections,
        None,
    );
    // TERM lets the master stop its workers too.
    let _ = Command::new("kill")
        .args(["-TERM", &nginx_child.id().to_string()])
        .status();
    let _ = nginx_child.wait();
    let limit_rps = limit.requests_per_second;
    rows.push((
        "nginx, same article bytes (gzip_static)".into(),
        limit,
        format!("{} B gzip", gz.len()),
    ));

    let hot_run = wrk(&article_url, seconds, connections, None);
    let hot_rps = hot_run.requests_per_second;
    rows.push((
        "hot article, cache on".into(),
        hot_run,
        format!("{:.2} × nginx", hot_rps / limit_rps),
    ));
    let run = wrk(
        &format!("{}/", server.base),
        seconds,
        connections,
        Some(&random),
    );
    rows.push((
        format!("random articles ({count}), cache on"),
        run,
        String::new(),
    ));
    let run = wrk(&format!("{}/", server.base), seconds, connections, None);
    rows.push(("home page, cache on".into(), run, String::new()));
    // A common word asked for again and again: the page of results comes from the cache
    // between changes (the cache-off run below gives the cost of each search).
    let run = wrk(
        &format!("{}/search?q=council", server.base),
        seconds,
        connections,
        None,
    );
    rows.push((
        "search for a common word (/search?q=council), cache on".into(),
        run,
        String::new(),
    ));
    let mixed_run = wrk(
        &format!("{}/", server.base),
        seconds,
        connections,
        Some(&mixed),
    );
    let reads = mixed_run
        .extra
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .find(|w| w[0] == "READS")
        .and_then(|w| w[1].parse::<f64>().ok())
        .unwrap_or(0.0);
    let read_rps = reads / seconds as f64;
    let note = format!(
        "reads {read_rps:.0}/s = {:.2} × read-only; {}",
        read_rps / hot_rps,
        mixed_run.extra
    );
    rows.push((
        "mixed 95% reads / 5% reactions, cache on".into(),
        mixed_run,
        note,
    ));
    let (rendered, ok) = runtime.block_on(stampede(&server.base, &token, hot_id));
    let stampede_note = format!(
        "{rendered} render(s) for 1,000 concurrent requests after an edit ({ok} answered 200)"
    );

    // A newsroom at work: Zipf reads over the 1,000 newest stories, read-only and then
    // with an edit every 2 s and a comment approved every second.
    let client = reqwest::Client::new();
    wrk(&format!("{}/", server.base), 3, connections, Some(&zipf));
    let zipf_read = wrk(
        &format!("{}/", server.base),
        seconds,
        connections,
        Some(&zipf),
    );
    let zipf_rps = zipf_read.requests_per_second;
    rows.push((
        "newsroom: Zipf reads of 1,000 stories, read-only, cache on".into(),
        zipf_read,
        String::new(),
    ));
    let before = runtime.block_on(cache_counts(&client, &server.base));
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let writer = runtime.spawn(newsroom_at_work(
        server.base.clone(),
        token.clone(),
        hot_id,
        waiting.clone(),
        stop_rx,
    ));
    let zipf_busy = wrk(
        &format!("{}/", server.base),
        seconds,
        connections,
        Some(&zipf),
    );
    let _ = stop_tx.send(true);
    let (edits, approvals) = runtime.block_on(writer).unwrap_or((0, 0));
    let after = runtime.block_on(cache_counts(&client, &server.base));
    let (hits, misses, stale) = (after.0 - before.0, after.1 - before.1, after.2 - before.2);
    let served = (hits + misses + stale).max(1.0);
    let note = format!(
        "{:.2} × read-only; {edits} edits, {approvals} approvals; cache hit ratio {:.1}% \
         ({:.1}% with stale answers)",
        zipf_busy.requests_per_second / zipf_rps,
        100.0 * hits / served,
        100.0 * (hits + stale) / served,
    );
    rows.push((
        "newsroom: the same while an edit lands every 2 s and a comment is approved every second"
            .into(),
        zipf_busy,
        note,
    ));
    let rss_cached = server.peak_rss_mib();
    server.stop();

    let server = Server::start(&data, postgres.as_deref(), false);
    let first_page_uncached = server.first_page;
    let run = wrk(
        &format!("{}/article/{hot}", server.base),
        seconds,
        connections,
        None,
    );
    rows.push(("hot article, cache off".into(), run, String::new()));
    let run = wrk(
        &format!("{}/", server.base),
        seconds,
        connections,
        Some(&random),
    );
    rows.push((
        format!("random articles ({count}), cache off"),
        run,
        String::new(),
    ));
    let run = wrk(&format!("{}/", server.base), seconds, connections, None);
    rows.push(("home page, cache off".into(), run, String::new()));
    let run = wrk(&format!("{}/article/{hot}", server.base), seconds, 8, None);
    rows.push((
        "hot article, cache off, 8 connections".into(),
        run,
        String::new(),
    ));
    let mut lists = vec![
        ("section page", "/section/news"),
        ("tag page", "/tag/topic-13"),
        ("author page", "/author/reporter-1"),
        ("search for a common word", "/search?q=council"),
    ];
    if std::env::var_os("BENCH_EDITIONS").is_some() {
        lists.extend([
            ("Swahili edition's home page", "/sw/"),
            ("Swahili edition's section page", "/sw/section/business"),
            ("Swahili edition's search", "/sw/search?q=council"),
        ]);
    }
    for (name, path) in lists {
        let run = wrk(
            &format!("{}{path}", server.base),
            seconds,
            connections,
            None,
        );
        rows.push((format!("{name} ({path}), cache off"), run, String::new()));
    }
    let rss_uncached = server.peak_rss_mib();
    server.stop();

    println!();
    println!(
        "Newsdesk page benchmark on {backend}: {count} articles, {connections} connections, {seconds} s per run, wrk -t2, Accept-Encoding: gzip"
    );
    println!();
    println!("| run | requests/s | p50 ms | p99 ms | notes |");
    println!("| --- | ---: | ---: | ---: | --- |");
    for (name, run, note) in &rows {
        println!(
            "| {name} | {:.0} | {:.2} | {:.2} | {note} |",
            run.requests_per_second, run.p50_ms, run.p99_ms
        );
    }
    println!("| stampede | | | | {stampede_note} |");
    println!("| seeding | | | | {count} articles in {seed_seconds:.1} s |");
    println!(
        "| peak resident memory | | | | {rss_cached:.1} MiB (cache on), {rss_uncached:.1} MiB (cache off) |"
    );
    println!(
        "| start to first page served | | | | {:.0} ms (cache on), {:.0} ms (cache off) |",
        first_page_cached.as_secs_f64() * 1000.0,
        first_page_uncached.as_secs_f64() * 1000.0
    );
    let _ = std::fs::remove_dir_all(&work);
    if let Some(base) = std::env::var("BENCH_POSTGRES")
        .ok()
        .filter(|_| postgres.is_some())
    {
        runtime.block_on(postgres_schema(
            &base,
            &format!("DROP SCHEMA {schema} CASCADE"),
        ));
    }
}

/// Runs one statement on the PostgreSQL database `base` names (making or dropping the
/// benchmark's schema).
async fn postgres_schema(base: &str, statement: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(base)
        .await
        .expect("connect to BENCH_POSTGRES");
    sqlx::query(statement)
        .execute(&mut conn)
        .await
        .expect("schema");
    let _ = conn.close().await;
}
