//! A real `newsdesk serve` process killed with SIGKILL in the middle of a burst of
//! reactions, comments and edits, four times over, then started again: the database is
//! sound, reaction totals equal their rows, and every write the server acknowledged is
//! still there. Reads are not acknowledged writes: the read counter may lose its last
//! 5 seconds on a crash, as the README says, and is not checked here.

use std::process::{Child, Command};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::helpers::{PgSchema, free_port, user_token, xorshift};
use crate::load::{
    Acknowledged, Burst, assert_nothing_lost, assert_one_moment, assert_sqlite_sound,
    assert_totals_equal_rows,
};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");
const ROUNDS: u64 = 4;

/// `newsdesk serve` as its own process on a data folder and database.
struct Serving {
    base: String,
    child: Child,
}

impl Serving {
    async fn start(data: &std::path::Path, database_url: &str) -> Serving {
        let port = free_port();
        let log = data.join(format!("server-{port}.log"));
        let child = Command::new(BIN)
            .arg("--data")
            .arg(data)
            .args(["--database-url", database_url])
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .env("NEWSDESK_LOG", "warn")
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("start newsdesk serve");
        let serving = Serving {
            base: format!("http://127.0.0.1:{port}"),
            child,
        };
        let client = reqwest::Client::new();
        let started = Instant::now();
        loop {
            if let Ok(response) = client.get(format!("{}/readyz", serving.base)).send().await
                && response.status() == StatusCode::OK
            {
                return serving;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the server did not start: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// `kill -9`: no shutdown, no flush, nothing finished.
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("wait");
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A site, a burst, four `kill -9`s mid-burst, a restart, and the checks.
async fn survives_kill_9(database_url: &str) {
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        data.path().join("newsdesk.toml"),
        "[reaction_limit]\nburst = 1000000\nper_minute = 1000000\n\
         [comment_limit]\nburst = 1000000\nper_minute = 1000000\n",
    )
    .expect("settings");
    let store = newsdesk::store::open(database_url).await.expect("open");
    store.migrate().await.expect("migrate");
    let token = user_token(store.as_ref(), "admin@example.com", "admin").await;
    store.close().await;

    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let mut articles = Vec::new();
    let mut random = 0x5eed_u64;
    for round in 0..ROUNDS {
        let serving = Serving::start(data.path(), database_url).await;
        if articles.is_empty() {
            articles = published(&serving.base, &token).await;
        }
        let burst = Burst::start(&serving.base, &token, &articles, round * 100, &acknowledged);
        let so_far = acknowledged.lock().expect("acknowledged").writes();
        burst.until(&acknowledged, so_far + 40).await;
        tokio::time::sleep(Duration::from_millis(xorshift(&mut random) % 150)).await;
        serving.kill();
        burst.stop().await;
    }
    let acknowledged = acknowledged.lock().expect("acknowledged").clone();
    if database_url.starts_with("sqlite:") {
        assert_sqlite_sound(database_url).await;
    }
    let serving = Serving::start(data.path(), database_url).await;
    assert_nothing_lost(&serving.base, &token, &acknowledged).await;
    assert_totals_equal_rows(database_url).await;
    assert_one_moment(database_url).await;
    eprintln!(
        "{ROUNDS} kill -9 rounds: {} reactions, {} comments and {} edits acknowledged and kept; \
         {} requests cut off",
        acknowledged.reactions.len(),
        acknowledged.comments.len(),
        acknowledged.edits.len(),
        acknowledged.unanswered
    );
}

/// Three published articles, made through the API.
async fn published(base: &str, token: &str) -> Vec<i64> {
    let client = reqwest::Client::new();
    let post = |path: &str, body: serde_json::Value| {
        client
            .post(format!("{base}/api/v1{path}"))
            .bearer_auth(token)
            .json(&body)
            .send()
    };
    let section: serde_json::Value = post("/sections", serde_json::json!({"name": "City"}))
        .await
        .expect("section")
        .json()
        .await
        .expect("json");
    let author: serde_json::Value = post("/authors", serde_json::json!({"name": "Ada Reporter"}))
        .await
        .expect("author")
        .json()
        .await
        .expect("json");
    let mut ids = Vec::new();
    for n in 0..3 {
        let response = post(
            "/articles",
            serde_json::json!({
                "title": format!("Storm story {n}"),
                "body": "The storm passed.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "status": "published",
            }),
        )
        .await
        .expect("article");
        assert_eq!(response.status(), StatusCode::CREATED);
        let article: serde_json::Value = response.json().await.expect("json");
        ids.push(article["id"].as_i64().expect("id"));
    }
    ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_acknowledged_write_is_lost_when_the_server_is_killed_mid_burst_on_sqlite() {
    let folder = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite:{}", folder.path().join("newsdesk.db").display());
    survives_kill_9(&url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn no_acknowledged_write_is_lost_when_the_server_is_killed_mid_burst_on_postgres() {
    let schema = PgSchema::create().await;
    survives_kill_9(&schema.url).await;
}
