//! The SQLite read path compared on a seeded site: the statements of an uncached article
//! page run through sqlx's pool (each statement, and its rows, a hand-off to the
//! connection's own worker thread and back) and through a pool of `rusqlite` connections
//! with cached prepared statements (the page's statements in one blocking call, or one
//! blocking call per statement), at 1, 8 and 64 pages at once.
//!
//! ```sh
//! BENCH_SEED_ONLY=1 BENCH_ARTICLES=100000 cargo bench --bench pages   # prints the folder
//! BENCH_DB=/tmp/…/newsdesk.db cargo run --release --manifest-path bench/driver/Cargo.toml
//! ```
//!
//! Knobs: `BENCH_SECONDS` per run (5), `BENCH_CONNECTIONS` (8, as the server's read pool),
//! `BENCH_WORKERS` (the runtime's worker threads; the server's default is one per core).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::OpenFlags;
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use tokio::sync::Semaphore;

/// The story with its section, as the article page reads it (its 600-word body included).
const STORY: &str = "SELECT a.id, a.slug, a.title, a.standfirst, a.body, a.status, \
    a.lead_image_url, a.lead_image_alt, a.seo_title, a.seo_description, a.published_at, \
    a.updated_at, a.version, a.section_id, s.slug AS s_slug, s.name AS s_name \
    FROM articles a JOIN sections s ON s.id = a.section_id \
    WHERE a.status = 'published' AND a.published_at <= ?1 AND a.slug = ?2";
/// Its bylines and tags in one statement.
const LABELS: &str = "SELECT 'a' AS kind, au.slug, au.name FROM article_authors x \
    JOIN authors au ON au.id = x.author_id WHERE x.article_id = ?1 \
    UNION ALL SELECT 't', t.slug, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id \
    WHERE x.article_id = ?1";
const REACTIONS: &str = "SELECT kind, count FROM reaction_counts WHERE article_id = ?1";
const COMMENTS: &str = "SELECT id, parent_id, depth, author_name, body, status, created_at \
    FROM comments WHERE article_id = ?1 ORDER BY id";
/// The side list: the newest stories of the same section.
const LATEST: &str = "SELECT a.id, a.slug, a.title, a.standfirst, a.lead_image_url, \
    a.published_at FROM articles a WHERE a.section_id = ?1 AND a.status = 'published' \
    AND a.published_at <= ?2 ORDER BY a.published_at DESC, a.id DESC LIMIT 9";
/// The side list's bylines.
const LATEST_BYLINES: &str = "SELECT x.article_id, au.slug, au.name FROM article_authors x \
    JOIN authors au ON au.id = x.author_id \
    WHERE x.article_id IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ORDER BY x.article_id, x.position";

/// What a page read: enough to check both drivers read the same thing.
#[derive(Debug, Default, PartialEq)]
struct Page {
    body_bytes: usize,
    labels: usize,
    reactions: i64,
    comments: usize,
    latest: Vec<String>,
    bylines: usize,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

async fn page_sqlx(pool: &SqlitePool, slug: &str) -> Result<Page, sqlx::Error> {
    let at = now();
    let story = sqlx::query(STORY)
        .bind(at)
        .bind(slug)
        .fetch_one(pool)
        .await?;
    let id: i64 = story.try_get("id")?;
    let section: i64 = story.try_get("section_id")?;
    let body: String = story.try_get("body")?;
    for column in ["slug", "title", "status", "s_slug", "s_name"] {
        let _: String = story.try_get(column)?;
    }
    for column in [
        "standfirst",
        "lead_image_url",
        "lead_image_alt",
        "seo_title",
        "seo_description",
    ] {
        let _: Option<String> = story.try_get(column)?;
    }
    let mut page = Page {
        body_bytes: body.len(),
        ..Page::default()
    };
    for row in sqlx::query(LABELS).bind(id).fetch_all(pool).await? {
        let (_, _, _): (String, String, String) =
            (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        page.labels += 1;
    }
    for row in sqlx::query(REACTIONS).bind(id).fetch_all(pool).await? {
        let _: String = row.try_get(0)?;
        page.reactions += row.try_get::<i64, _>(1)?;
    }
    for row in sqlx::query(COMMENTS).bind(id).fetch_all(pool).await? {
        let _: (String, String) = (row.try_get("author_name")?, row.try_get("body")?);
        page.comments += 1;
    }
    let mut ids = Vec::new();
    for row in sqlx::query(LATEST)
        .bind(section)
        .bind(at)
        .fetch_all(pool)
        .await?
    {
        ids.push(row.try_get::<i64, _>("id")?);
        page.latest.push(row.try_get("slug")?);
        let _: String = row.try_get("title")?;
        let _: Option<String> = row.try_get("standfirst")?;
    }
    ids.resize(9, 0);
    let mut query = sqlx::query(LATEST_BYLINES);
    for id in &ids {
        query = query.bind(*id);
    }
    for row in query.fetch_all(pool).await? {
        let _: (String, String) = (row.try_get(1)?, row.try_get(2)?);
        page.bylines += 1;
    }
    Ok(page)
}

/// Connections opened read-only, each keeping its prepared statements.
struct Readers {
    idle: Mutex<Vec<rusqlite::Connection>>,
    permits: Semaphore,
}

impl Readers {
    fn open(path: &str, count: usize) -> rusqlite::Result<Readers> {
        let mut idle = Vec::new();
        for _ in 0..count {
            let connection = rusqlite::Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            connection.set_prepared_statement_cache_capacity(64);
            connection.busy_timeout(Duration::from_secs(5))?;
            idle.push(connection);
        }
        Ok(Readers {
            idle: Mutex::new(idle),
            permits: Semaphore::new(count),
        })
    }

    /// Runs `work` on an idle connection on the blocking pool: one hand-off there and back.
    async fn with<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> rusqlite::Result<T> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| rusqlite::Error::InvalidQuery)?;
        let readers = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let connection = readers
                .idle
                .lock()
                .map_err(|_| rusqlite::Error::InvalidQuery)?
                .pop()
                .ok_or(rusqlite::Error::InvalidQuery)?;
            let result = work(&connection);
            if let Ok(mut idle) = readers.idle.lock() {
                idle.push(connection);
            }
            result
        })
        .await
        .map_err(|_| rusqlite::Error::InvalidQuery)?
    }
}

fn story_rusqlite(
    c: &rusqlite::Connection,
    slug: &str,
    at: i64,
) -> rusqlite::Result<(i64, i64, Page)> {
    c.prepare_cached(STORY)?
        .query_row(rusqlite::params![at, slug], |row| {
            let body: String = row.get("body")?;
            for column in ["slug", "title", "status", "s_slug", "s_name"] {
                let _: String = row.get(column)?;
            }
            for column in [
                "standfirst",
                "lead_image_url",
                "lead_image_alt",
                "seo_title",
                "seo_description",
            ] {
                let _: Option<String> = row.get(column)?;
            }
            Ok((
                row.get("id")?,
                row.get("section_id")?,
                Page {
                    body_bytes: body.len(),
                    ..Page::default()
                },
            ))
        })
}

fn labels_rusqlite(c: &rusqlite::Connection, id: i64) -> rusqlite::Result<usize> {
    let mut statement = c.prepare_cached(LABELS)?;
    let mut rows = statement.query([id])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let _: (String, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        n += 1;
    }
    Ok(n)
}

fn reactions_rusqlite(c: &rusqlite::Connection, id: i64) -> rusqlite::Result<i64> {
    let mut statement = c.prepare_cached(REACTIONS)?;
    let mut rows = statement.query([id])?;
    let mut total = 0;
    while let Some(row) = rows.next()? {
        let _: String = row.get(0)?;
        total += row.get::<_, i64>(1)?;
    }
    Ok(total)
}

fn comments_rusqlite(c: &rusqlite::Connection, id: i64) -> rusqlite::Result<usize> {
    let mut statement = c.prepare_cached(COMMENTS)?;
    let mut rows = statement.query([id])?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let _: (String, String) = (row.get("author_name")?, row.get("body")?);
        n += 1;
    }
    Ok(n)
}

fn latest_rusqlite(
    c: &rusqlite::Connection,
    section: i64,
    at: i64,
) -> rusqlite::Result<(Vec<i64>, Vec<String>)> {
    let mut statement = c.prepare_cached(LATEST)?;
    let mut rows = statement.query([section, at])?;
    let (mut ids, mut slugs) = (Vec::new(), Vec::new());
    while let Some(row) = rows.next()? {
        ids.push(row.get("id")?);
        slugs.push(row.get("slug")?);
        let _: String = row.get("title")?;
        let _: Option<String> = row.get("standfirst")?;
    }
    Ok((ids, slugs))
}

fn bylines_rusqlite(c: &rusqlite::Connection, mut ids: Vec<i64>) -> rusqlite::Result<usize> {
    ids.resize(9, 0);
    let mut statement = c.prepare_cached(LATEST_BYLINES)?;
    let mut rows = statement.query(rusqlite::params_from_iter(ids))?;
    let mut n = 0;
    while let Some(row) = rows.next()? {
        let _: (String, String) = (row.get(1)?, row.get(2)?);
        n += 1;
    }
    Ok(n)
}

/// The whole page in one blocking call.
async fn page_rusqlite(readers: &Arc<Readers>, slug: String) -> rusqlite::Result<Page> {
    readers
        .with(move |c| {
            let at = now();
            let (id, section, mut page) = story_rusqlite(c, &slug, at)?;
            page.labels = labels_rusqlite(c, id)?;
            page.reactions = reactions_rusqlite(c, id)?;
            page.comments = comments_rusqlite(c, id)?;
            let (ids, slugs) = latest_rusqlite(c, section, at)?;
            page.latest = slugs;
            page.bylines = bylines_rusqlite(c, ids)?;
            Ok(page)
        })
        .await
}

/// The same statements, one blocking call each (what a store method per statement costs).
async fn page_rusqlite_each(readers: &Arc<Readers>, slug: String) -> rusqlite::Result<Page> {
    let at = now();
    let (id, section, mut page) = readers.with(move |c| story_rusqlite(c, &slug, at)).await?;
    page.labels = readers.with(move |c| labels_rusqlite(c, id)).await?;
    page.reactions = readers.with(move |c| reactions_rusqlite(c, id)).await?;
    page.comments = readers.with(move |c| comments_rusqlite(c, id)).await?;
    let (ids, slugs) = readers
        .with(move |c| latest_rusqlite(c, section, at))
        .await?;
    page.latest = slugs;
    page.bylines = readers.with(move |c| bylines_rusqlite(c, ids)).await?;
    Ok(page)
}

#[derive(Clone, Copy, Debug)]
enum Driver {
    Sqlx,
    RusqliteEach,
    RusqliteOnce,
}

impl Driver {
    fn name(self) -> &'static str {
        match self {
            Driver::Sqlx => "sqlx pool, a statement per await",
            Driver::RusqliteEach => "rusqlite, a blocking call per statement",
            Driver::RusqliteOnce => "rusqlite, the page in one blocking call",
        }
    }
}

struct Shared {
    pool: SqlitePool,
    readers: Arc<Readers>,
    slugs: Vec<String>,
}

async fn one_page(shared: &Shared, driver: Driver, slug: &str) -> Result<Page, String> {
    match driver {
        Driver::Sqlx => page_sqlx(&shared.pool, slug)
            .await
            .map_err(|e| e.to_string()),
        Driver::RusqliteEach => page_rusqlite_each(&shared.readers, slug.to_owned())
            .await
            .map_err(|e| e.to_string()),
        Driver::RusqliteOnce => page_rusqlite(&shared.readers, slug.to_owned())
            .await
            .map_err(|e| e.to_string()),
    }
}

/// CPU seconds this process has used (user + system), from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of the file (utime, stime) are 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

struct Figures {
    pages_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    cpu_ms_per_page: f64,
}

async fn run(shared: Arc<Shared>, driver: Driver, concurrency: usize, seconds: f64) -> Figures {
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let cpu = cpu_seconds();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for task in 0..concurrency {
        let shared = Arc::clone(&shared);
        tasks.push(tokio::spawn(async move {
            let mut seed = 0x9e37_79b9_7f4a_7c15_u64 ^ (task as u64 + 1).wrapping_mul(0x2545_f491);
            let mut times = Vec::new();
            while Instant::now() < deadline {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let slug = &shared.slugs[(seed % shared.slugs.len() as u64) as usize];
                let began = Instant::now();
                if let Err(error) = one_page(&shared, driver, slug).await {
                    eprintln!("{}: {error}", driver.name());
                    break;
                }
                times.push(began.elapsed());
            }
            times
        }));
    }
    let mut times = Vec::new();
    for task in tasks {
        times.extend(task.await.unwrap_or_default());
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    times.sort();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 * q) as usize).min(times.len().saturating_sub(1)))
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    };
    Figures {
        pages_per_second: times.len() as f64 / elapsed,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        cpu_ms_per_page: cpu * 1000.0 / times.len().max(1) as f64,
    }
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let Ok(path) = std::env::var("BENCH_DB") else {
        eprintln!(
            "BENCH_DB must name a seeded site's newsdesk.db: \
             `BENCH_SEED_ONLY=1 BENCH_ARTICLES=100000 cargo bench --bench pages` makes one"
        );
        std::process::exit(2);
    };
    let seconds = env_number("BENCH_SECONDS", 5) as f64;
    let connections = env_number("BENCH_CONNECTIONS", 8);
    let workers = env_number(
        "BENCH_WORKERS",
        std::thread::available_parallelism().map_or(2, |n| n.get()),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async move {
        let options = SqliteConnectOptions::new()
            .filename(&path)
            .read_only(true)
            .journal_mode(SqliteJournalMode::Wal);
        let pool = SqlitePoolOptions::new()
            .max_connections(connections as u32)
            .min_connections(connections as u32)
            .connect_with(options)
            .await
            .expect("the site's database opens through sqlx");
        let readers = Arc::new(Readers::open(&path, connections).expect("and through rusqlite"));
        let slugs: Vec<String> =
            sqlx::query_scalar("SELECT slug FROM articles WHERE status = 'published' ORDER BY id")
                .fetch_all(&pool)
                .await
                .expect("the stories' slugs");
        println!(
            "{} stories; {connections} connections; {workers} runtime workers; {seconds} s per run",
            slugs.len()
        );
        let shared = Arc::new(Shared {
            pool,
            readers,
            slugs,
        });
        // Both drivers read the same page.
        for slug in shared
            .slugs
            .iter()
            .step_by((shared.slugs.len() / 20).max(1))
        {
            let a = one_page(&shared, Driver::Sqlx, slug).await;
            let b = one_page(&shared, Driver::RusqliteOnce, slug).await;
            let c = one_page(&shared, Driver::RusqliteEach, slug).await;
            assert!(
                a.is_ok() && a == b && b == c,
                "the drivers disagree on {slug}: {a:?} {b:?}"
            );
        }
        println!();
        println!("| driver | pages at once | pages/s | p50 ms | p99 ms | CPU ms per page |");
        println!("| --- | ---: | ---: | ---: | ---: | ---: |");
        for concurrency in [1, 8, 64] {
            for driver in [Driver::Sqlx, Driver::RusqliteEach, Driver::RusqliteOnce] {
                // A short warm-up fills each connection's statement cache.
                run(Arc::clone(&shared), driver, concurrency, 0.5).await;
                let f = run(Arc::clone(&shared), driver, concurrency, seconds).await;
                println!(
                    "| {} | {concurrency} | {:.0} | {:.2} | {:.2} | {:.3} |",
                    driver.name(),
                    f.pages_per_second,
                    f.p50_ms,
                    f.p99_ms,
                    f.cpu_ms_per_page
                );
            }
        }
    });
}
