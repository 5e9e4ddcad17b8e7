//! The newsroom's numbers at scale: the dashboard and the other figures over 100,000 stories
//! and a year of reads, in process and over HTTP; then what counting reads and referrers
//! costs a cached page hit (a browser with a `Referer`, counted, against a crawler, not
//! counted, in the same run).
//!
//! `cargo bench --bench stats` (needs `wrk`; see bench/README.md). Environment:
//! BENCH_ARTICLES (100000), BENCH_RUNS (20), BENCH_SECONDS (10), BENCH_CONNECTIONS (64);
//! BENCH_SEED_ONLY=1 seeds a site, prints its folder and stops.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use newsdesk::domain::{ArticleStatus, SiteTimeZone, Slug};
use newsdesk::newsroom::Newsroom;
use newsdesk::stats::{self, Viewer};
use newsdesk::store::{
    ArticleInput, AuthorInput, NewsroomFilter, Page, ReadDetails, SectionInput, Store, StorySort,
};
use sqlx::Connection;

#[path = "common.rs"]
mod common;
use common::{env_number, free_port, next, percentile};
const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

const OWN_HOST: &str = "bench.example";
const ZONE: &str = "Africa/Nairobi";
/// Stories written through `create_article` (the newest); the rest go in by SQL.
const THROUGH_THE_STORE: u64 = 200;
/// Hourly rows of the last this many days; days before (as the roll-up leaves them).
const HOURLY_DAYS: i64 = 90;
const YEAR_HOURS: i64 = 365 * 24;

const BODY: &str = "The council met on Tuesday to discuss the harbour budget. Traders at the \
market said prices had risen since the rains, and commuters on the ferry described longer \
waits. The minister promised a plan before the festival season.\n\n## What happens next\n\n\
Residents of the district will vote on the road and bridge proposals next month; a survey \
of fishermen and coffee growers is due at the same time.";

/// Hosts readers arrive from, and the share of a story's reads each brings.
const HOSTS: &[(&str, f64)] = &[
    ("www.google.com", 0.30),
    ("l.facebook.com", 0.15),
    ("t.co", 0.05),
    ("news.ycombinator.com", 0.03),
    ("bench.example", 0.10),
    ("nation.africa", 0.04),
    ("www.bing.com", 0.03),
    ("duckduckgo.com", 0.02),
];

struct Seeded {
    data: std::path::PathBuf,
    url: String,
    token: String,
    session: String,
    hot_slug: String,
    view_rows: u64,
    referrer_rows: u64,
    reads: u64,
}

fn unit(state: &mut u64) -> f64 {
    (next(state) >> 11) as f64 / (1u64 << 53) as f64
}

/// Sections, bylines, the user, and `count` published stories spread evenly over the last
/// year (story `count` is the newest); the newest `THROUGH_THE_STORE` go through
/// `create_article`, the others by one `INSERT … SELECT` in the same shape.
async fn seed_stories(store: &dyn Store, url: &str, count: u64, now: Timestamp) -> (i64, String) {
    let mut sections = Vec::new();
    for name in ["News", "Business", "Culture", "Sport", "Opinion"] {
        let section = store
            .create_section(&SectionInput {
                slug: Slug::from_title(name),
                name: name.into(),
                description: None,
                language: None,
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
                bio: None,
                photo_url: None,
            })
            .await
            .expect("author");
        authors.push(author.id);
    }
    let step = YEAR_HOURS * 3600 / count as i64;
    let published = |n: u64| now.as_second() - (count - n) as i64 * step;
    let bulk = count.saturating_sub(THROUGH_THE_STORE);
    let mut db = sqlx::SqliteConnection::connect(url).await.expect("sqlite");
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) \
         INSERT INTO articles (id, slug, title, standfirst, body, status, section_id, \
         lead_image_url, lead_image_alt, published_at, created_at, updated_at, version) \
         SELECT i, 'bench-story-' || i, 'Bench story ' || i, 'A standfirst for readers in a hurry.', \
         ?2, 'published', ?3 + i % 5, '/static/demo/harbour.svg', 'Boats in the harbour', \
         ?4 - (?5 - i) * ?6, ?4 - (?5 - i) * ?6, ?4 - (?5 - i) * ?6, 1 FROM n",
    )
    .bind(bulk as i64)
    .bind(BODY)
    .bind(sections[0])
    .bind(now.as_second())
    .bind(count as i64)
    .bind(step)
    .execute(&mut db)
    .await
    .expect("bulk stories");
    sqlx::query(
        "INSERT INTO article_authors (article_id, author_id, position) \
         SELECT id, ?1 + id % 20, 0 FROM articles",
    )
    .bind(authors[0])
    .execute(&mut db)
    .await
    .expect("bylines");
    db.close().await.expect("close");
    for n in bulk + 1..=count {
        let title = format!("Bench story {n}");
        store
            .create_article(
                &ArticleInput {
                    slug: Slug::from_title(&title),
                    title,
                    standfirst: Some("A standfirst for readers in a hurry.".into()),
                    body: BODY.into(),
                    status: ArticleStatus::Published,
                    section_id: sections[(n % 5) as usize],
                    tags: vec![(Slug::from_title("harbour"), "harbour".into())],
                    author_ids: vec![authors[(n % 20) as usize]],
                    lead_image: None,
                    seo_title: None,
                    seo_description: None,
                    published_at: Some(Timestamp::from_second(published(n)).expect("time")),
                    comments_open: true,
                    format: Default::default(),
                    dateline: None,
                    embargo_until: None,
                    source: Default::default(),
                    updated_shown_at: None,
                },
                None,
                now,
            )
            .await
            .expect("article");
    }
    let newsroom = Newsroom::new(store);
    let user = newsroom
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
    let session = newsdesk::auth::new_api_token();
    store
        .create_session(
            user.id,
            &newsdesk::auth::token_hash(&session),
            now,
            now + SignedDuration::from_hours(24),
        )
        .await
        .expect("session");
    (step, format!("{token}\n{session}"))
}

/// A year of reads as the counter and the roll-up would leave them: each story read mostly
/// in its first three days (a heavy-tailed popularity), a long tail of older stories read
/// now and then, a share of reads from referring sites. Hourly rows for the last 90 days,
/// one row per story per day before; the site's hourly totals and each story's lifetime
/// total beside them. The past goes in by multi-row `INSERT`s; the current hour and the
/// last hour by minute go through `record_views` and `record_read_details`.
async fn seed_reads(
    store: &dyn Store,
    url: &str,
    count: u64,
    step: i64,
    now: Timestamp,
) -> (u64, u64, u64) {
    let now_hour = now.as_second().div_euclid(3600);
    let hourly_from = (now_hour - HOURLY_DAYS * 24).div_euclid(24) * 24;
    let first_hour = now_hour - YEAR_HOURS;
    let published_hour = |n: u64| (now.as_second() - (count - n) as i64 * step).div_euclid(3600);
    let mut seed = 0x5EED_u64;
    let weight: Vec<f64> = (0..=count)
        .map(|_| {
            let u = unit(&mut seed);
            (1.0 / (1.0 - u).max(1e-6)).powf(0.8).min(400.0)
        })
        .collect();
    // Stories ordered by publication: the candidates of an hour are a contiguous range.
    let mut views: Vec<(i64, i64, i64)> = Vec::new(); // (article, hour, reads), history only
    let mut site: HashMap<i64, i64> = HashMap::new();
    let mut current: Vec<(i64, i64, i64)> = Vec::new();
    let mut day: HashMap<(i64, i64), i64> = HashMap::new();
    let flush_day = |day: &mut HashMap<(i64, i64), i64>, views: &mut Vec<(i64, i64, i64)>| {
        let mut rows: Vec<_> = day.drain().map(|((a, h), n)| (a, h, n)).collect();
        rows.sort_unstable();
        views.extend(rows);
    };
    let mut low = 1u64;
    for hour in first_hour..=now_hour {
        if hour % 24 == 0 && !day.is_empty() {
            flush_day(&mut day, &mut views);
        }
        while low <= count && published_hour(low) < hour - 72 {
            low += 1;
        }
        let mut this_hour: HashMap<i64, i64> = HashMap::new();
        let mut push = |article: i64, n: i64| {
            *this_hour.entry(article).or_default() += n;
        };
        let mut n = low;
        while n <= count && published_hour(n) <= hour {
            let age = (hour - published_hour(n)) as f64;
            let read = if age < 24.0 { 0.95 } else { 0.35 };
            if unit(&mut seed) < read {
                let expected = 30.0 * weight[n as usize] * (-age / 10.0).exp();
                let reads = (expected * (0.5 + unit(&mut seed))).round().max(1.0) as i64;
                push(n as i64, reads);
            }
            n += 1;
        }
        // The long tail: older stories found through search and links.
        if low > 1 {
            for _ in 0..40 {
                let story = 1 + next(&mut seed) % (low - 1);
                push(story as i64, 1 + (next(&mut seed) % 3) as i64);
            }
        }
        let mut this_hour: Vec<(i64, i64)> = this_hour.into_iter().collect();
        this_hour.sort_unstable();
        for (article, n) in this_hour {
            *site.entry(hour).or_default() += n;
            if hour == now_hour {
                current.push((article, hour, n));
            } else if hour >= hourly_from {
                views.push((article, hour, n));
            } else {
                *day.entry((article, hour.div_euclid(24) * 24)).or_default() += n;
            }
        }
    }
    flush_day(&mut day, &mut views);

    let referrers_of =
        |article: i64, hour: i64, reads: i64, out: &mut Vec<(i64, i64, &str, i64)>| {
            let pick = (article as usize + hour as usize) % (HOSTS.len() - 2);
            for (i, (host, share)) in HOSTS.iter().enumerate() {
                // Every story gets search and social; one other site in turn.
                if i >= 2 && i != pick + 2 {
                    continue;
                }
                let n = (reads as f64 * share).round() as i64;
                if n > 0 {
                    out.push((article, hour, host, n));
                }
            }
        };

    let started = Instant::now();
    let mut db = sqlx::SqliteConnection::connect(url).await.expect("sqlite");
    sqlx::query("PRAGMA synchronous = OFF")
        .execute(&mut db)
        .await
        .expect("pragma");
    let mut tx = db.begin().await.expect("begin");
    let mut referrer_rows = 0u64;
    let mut refs = Vec::new();
    for chunk in views.chunks(5000) {
        let mut sql = String::from("INSERT INTO article_views (article_id, hour, views) VALUES ");
        for (i, (a, h, n)) in chunk.iter().enumerate() {
            let _ = write!(sql, "{}({a},{h},{n})", if i > 0 { "," } else { "" });
        }
        sqlx::query(&sql).execute(&mut *tx).await.expect("views");
        refs.clear();
        for (a, h, n) in chunk {
            referrers_of(*a, *h, *n, &mut refs);
        }
        for part in refs.chunks(5000) {
            let mut sql = String::from(
                "INSERT INTO article_referrers (article_id, hour, host, views) VALUES ",
            );
            for (i, (a, h, host, n)) in part.iter().enumerate() {
                let _ = write!(
                    sql,
                    "{}({a},{h},'{host}',{n})",
                    if i > 0 { "," } else { "" }
                );
            }
            sqlx::query(&sql)
                .execute(&mut *tx)
                .await
                .expect("referrers");
            referrer_rows += part.len() as u64;
        }
    }
    let mut site_rows: Vec<_> = site
        .iter()
        .filter(|(h, _)| **h != now_hour)
        .map(|(h, n)| (*h, *n))
        .collect();
    site_rows.sort_unstable();
    for chunk in site_rows.chunks(5000) {
        let mut sql = String::from("INSERT INTO site_views (hour, views) VALUES ");
        for (i, (h, n)) in chunk.iter().enumerate() {
            let _ = write!(sql, "{}({h},{n})", if i > 0 { "," } else { "" });
        }
        sqlx::query(&sql).execute(&mut *tx).await.expect("site");
    }
    // Lifetime totals of the past; the current hour adds to them through the store.
    sqlx::query(
        "INSERT INTO article_view_totals (article_id, views) \
         SELECT article_id, SUM(views) FROM article_views GROUP BY article_id",
    )
    .execute(&mut *tx)
    .await
    .expect("totals");
    sqlx::query("UPDATE site_meta SET value = ?1 WHERE key = 'stats_rolled_up_before'")
        .bind(hourly_from.to_string())
        .execute(&mut *tx)
        .await
        .expect("rolled up");
    tx.commit().await.expect("commit");
    db.close().await.expect("close");
    eprintln!(
        "  {} history rows of reads and {referrer_rows} of referrers in {:.1} s",
        views.len(),
        started.elapsed().as_secs_f64()
    );

    // The present through the store, as the read counter writes it.
    let started = Instant::now();
    store.record_views(&current).await.expect("record views");
    let mut details = ReadDetails::default();
    let now_minute = now.as_second().div_euclid(60);
    let mut recent_reads = 0;
    for (article, hour, reads) in &current {
        let mut out = Vec::new();
        referrers_of(*article, *hour, *reads, &mut out);
        for (a, h, host, n) in out {
            details.referrers.push((a, h, host.to_owned(), n));
        }
    }
    for minute in now_minute - 59..=now_minute {
        // The last hour by minute: the stories of the current hour, each read now and then.
        for (article, _, reads) in &current {
            if next(&mut seed) % 60 < (*reads as u64).min(60) {
                details.recent.push((*article, minute, 1 + reads / 60));
                recent_reads += 1;
            }
        }
    }
    referrer_rows += details.referrers.len() as u64;
    store
        .record_read_details(&details, now_minute - 60)
        .await
        .expect("record details");
    eprintln!(
        "  current hour through the store: {} rows of reads, {} of referrers, {recent_reads} by minute in {:.1} s",
        current.len(),
        details.referrers.len(),
        started.elapsed().as_secs_f64()
    );
    let reads: i64 = site.values().sum();
    (
        (views.len() + current.len()) as u64,
        referrer_rows,
        reads as u64,
    )
}

async fn seed(work: &Path, count: u64) -> Seeded {
    let data = work.join("site");
    std::fs::create_dir_all(&data).expect("data dir");
    let url = format!("sqlite:{}", data.join("newsdesk.db").display());
    let store = newsdesk::store::open(&url).await.expect("open store");
    store.migrate().await.expect("migrate");
    let now = Timestamp::now();
    let started = Instant::now();
    let (step, tokens) = seed_stories(store.as_ref(), &url, count, now).await;
    eprintln!(
        "  {count} stories in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (view_rows, referrer_rows, reads) =
        seed_reads(store.as_ref(), &url, count, step, now).await;
    store.close().await;
    let (token, session) = tokens.split_once('\n').expect("tokens");
    Seeded {
        data,
        url,
        token: token.to_owned(),
        session: session.to_owned(),
        hot_slug: format!("bench-story-{count}"),
        view_rows,
        referrer_rows,
        reads,
    }
}

/// p50, p95 and max of `runs` timings of `f`, in milliseconds, after one warm-up call.
async fn time<F, Fut>(runs: u64, mut f: F) -> (f64, f64, f64)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    f().await;
    let mut micros = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        f().await;
        micros.push(started.elapsed().as_micros() as u32);
    }
    micros.sort_unstable();
    (
        percentile(&micros, 0.5),
        percentile(&micros, 0.95),
        percentile(&micros, 1.0),
    )
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(data: &Path) -> Server {
        let port = free_port();
        let started = Instant::now();
        let child = Command::new(BIN)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--data")
            .arg(data)
            .env("NEWSDESK_LOG", "warn")
            .env_remove("NEWSDESK_DATABASE_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start newsdesk");
        let base = format!("http://127.0.0.1:{port}");
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "server did not start"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        Server { child, base }
    }

    fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// Requests per second of wrk against `url` with these headers.
fn wrk(url: &str, seconds: u64, connections: u64, headers: &[&str]) -> f64 {
    let mut command = Command::new("wrk");
    command.args([
        "-t2",
        &format!("-c{connections}"),
        &format!("-d{seconds}s"),
        "-H",
        "Accept-Encoding: gzip",
    ]);
    for header in headers {
        command.args(["-H", header]);
    }
    let output = command.arg(url).output().expect("wrk (apt install wrk)");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        !text.contains("Non-2xx"),
        "wrk saw errors against {url}: {text}"
    );
    text.lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0.0)
}

/// The lifetime reads of the hot (newest) story.
fn hot_reads(runtime: &tokio::runtime::Runtime, url: &str, count: u64) -> i64 {
    runtime.block_on(async {
        let store = newsdesk::store::open(url).await.expect("open");
        let numbers = store.story_numbers(&[count as i64]).await.expect("numbers");
        store.close().await;
        numbers.first().map_or(0, |(_, n)| n.reads)
    })
}

const BROWSER: &str = "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const REFERER: &str = "Referer: https://www.google.com/";
const CRAWLER: &str =
    "User-Agent: Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

fn main() {
    let count = env_number("BENCH_ARTICLES", 100_000);
    let runs = env_number("BENCH_RUNS", 20);
    let seconds = env_number("BENCH_SECONDS", 10);
    let connections = env_number("BENCH_CONNECTIONS", 64);
    let work = std::env::temp_dir().join(format!("newsdesk-stats-bench-{}", std::process::id()));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    eprintln!("seeding {count} stories and a year of reads…");
    let seeded = runtime.block_on(seed(&work, count));
    if std::env::var_os("BENCH_SEED_ONLY").is_some() {
        println!("seeded site left at {}", seeded.data.display());
        return;
    }
    let zone = SiteTimeZone::parse(ZONE).expect("zone");
    let mut rows: Vec<(String, (f64, f64, f64), String)> = Vec::new();

    runtime.block_on(async {
        let store = newsdesk::store::open(&seeded.url).await.expect("open");
        let store = store.as_ref();
        let now = Timestamp::now();
        let dashboard = stats::dashboard(store, Viewer::Everyone, now, &zone, OWN_HOST)
            .await
            .expect("dashboard");
        let note = format!(
            "{} reads today, {} right now, top story {} reads",
            dashboard.today_reads,
            dashboard.right_now.reads,
            dashboard.today.first().map_or(0, |s| s.reads)
        );
        let figures = time(runs, || async {
            stats::dashboard(store, Viewer::Everyone, Timestamp::now(), &zone, OWN_HOST)
                .await
                .expect("dashboard");
        })
        .await;
        rows.push(("stats::dashboard (editor)".into(), figures, note));
        for days in [30, 365] {
            let overview = stats::overview(
                store,
                Viewer::Everyone,
                now - SignedDuration::from_hours(24 * days),
                now,
                &zone,
                OWN_HOST,
            )
            .await
            .expect("overview");
            let note = format!(
                "{} reads, {} sources",
                overview.reads,
                overview.sources.len()
            );
            // Long windows read up to a year of rows: fewer runs keep the bench short.
            let figures = time(runs.min(5), || async {
                let now = Timestamp::now();
                stats::overview(
                    store,
                    Viewer::Everyone,
                    now - SignedDuration::from_hours(24 * days),
                    now,
                    &zone,
                    OWN_HOST,
                )
                .await
                .expect("overview");
            })
            .await;
            rows.push((
                format!("stats::overview, {days} days ({} runs)", runs.min(5)),
                figures,
                note,
            ));
        }
        let popular = store
            .list_articles_sorted(
                NewsroomFilter::default(),
                StorySort::Reads,
                Page {
                    number: 1,
                    per_page: 1,
                },
            )
            .await
            .expect("most read")
            .items
            .remove(0);
        let figures = time(runs, || async {
            stats::story(store, &popular, Timestamp::now(), &zone, OWN_HOST)
                .await
                .expect("story");
        })
        .await;
        let story = stats::story(store, &popular, now, &zone, OWN_HOST)
            .await
            .expect("story");
        rows.push((
            "stats::story, most read story".into(),
            figures,
            format!(
                "story {}: {} reads, {} days charted",
                popular.id,
                story.reads,
                story.reads_over_time.points.len()
            ),
        ));
        for (name, sort) in [("reads", StorySort::Reads), ("updated", StorySort::Updated)] {
            let figures = time(runs, || async {
                store
                    .list_articles_sorted(
                        NewsroomFilter::default(),
                        sort,
                        Page {
                            number: 1,
                            per_page: 50,
                        },
                    )
                    .await
                    .expect("list");
            })
            .await;
            rows.push((
                format!("newsroom story list, by {name}, first 50"),
                figures,
                String::new(),
            ));
        }
        store.close().await;
    });

    // Over HTTP, from the release server on the same data.
    let reads_before = hot_reads(&runtime, &seeded.url, count);
    let server = Server::start(&seeded.data);
    let client = reqwest::Client::new();
    runtime.block_on(async {
        let cookie = format!("nd_session={}", seeded.session);
        let figures = time(runs, || async {
            let response = client
                .get(format!("{}/admin/stats", server.base))
                .header("Cookie", &cookie)
                .send()
                .await
                .expect("dashboard");
            assert_eq!(response.status(), 200, "GET /admin/stats");
            response.bytes().await.expect("body");
        })
        .await;
        rows.push((
            "GET /admin/stats (signed in)".into(),
            figures,
            "dashboard page, HTML with charts".into(),
        ));
        let path = "/api/v1/stats/overview";
        let figures = time(runs, || async {
            let response = client
                .get(format!("{}{path}", server.base))
                .bearer_auth(&seeded.token)
                .send()
                .await
                .expect("overview");
            assert_eq!(response.status(), 200, "GET {path}");
            response.bytes().await.expect("body");
        })
        .await;
        rows.push((
            format!("GET {path} (token)"),
            figures,
            "last 7 days, JSON".into(),
        ));
    });

    // A cached page hit, counted and not counted.
    let article = format!("{}/article/{}", server.base, seeded.hot_slug);
    let status = Command::new("curl")
        .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", &article])
        .output()
        .expect("curl");
    assert_eq!(status.stdout, b"200", "hot article");
    let mut counted = Vec::new();
    let mut crawled = Vec::new();
    for _ in 0..2 {
        crawled.push(wrk(&article, seconds, connections, &[CRAWLER]));
        counted.push(wrk(&article, seconds, connections, &[BROWSER, REFERER]));
    }
    server.stop();
    let counted_reads = hot_reads(&runtime, &seeded.url, count) - reads_before;

    println!();
    println!(
        "Newsroom numbers: {count} stories, {} rows of reads ({} reads) and {} rows of referrers over a year; {runs} runs each after one warm-up",
        seeded.view_rows, seeded.reads, seeded.referrer_rows
    );
    println!();
    println!("| what | p50 ms | p95 ms | max ms | notes |");
    println!("| --- | ---: | ---: | ---: | --- |");
    for (name, (p50, p95, max), note) in &rows {
        println!("| {name} | {p50:.1} | {p95:.1} | {max:.1} | {note} |");
    }
    println!();
    println!(
        "Cached article page, wrk -t2 -c{connections} -d{seconds}s, alternating (crawler, browser) × 2"
    );
    println!();
    println!("| run | requests/s (each) | mean |");
    println!("| --- | ---: | ---: |");
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let list = |v: &[f64]| {
        v.iter()
            .map(|r| format!("{r:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "| crawler User-Agent (not counted) | {} | {:.0} |",
        list(&crawled),
        mean(&crawled)
    );
    println!(
        "| browser User-Agent + Referer (counted) | {} | {:.0} |",
        list(&counted),
        mean(&counted)
    );
    println!(
        "| counted ÷ not counted | | {:.3} |",
        mean(&counted) / mean(&crawled)
    );
    println!("| reads the hot story gained (≈ browser requests) | | {counted_reads} |");
    let _ = std::fs::remove_dir_all(&work);
}
