//! Several instances on one PostgreSQL database: two real `newsdesk serve` processes on
//! their own ports, driven over HTTP as a load balancer would spread readers and editors.
//! What one instance changes, the other serves within two seconds.

use std::collections::BTreeMap;
use std::io::Read;
use std::process::{Child, Command};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::{Timestamp, ToSpan};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PgSchema, free_port, user_token, xorshift};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");
/// How soon a change made on one instance must show on the other.
const COHERENT_WITHIN: Duration = Duration::from_secs(2);

/// One `newsdesk serve` process with its own data folder (settings, no shared state).
struct Instance {
    base: String,
    child: Child,
    log: std::path::PathBuf,
    _data: tempfile::TempDir,
}

impl Instance {
    async fn start(database_url: &str) -> Instance {
        let data = tempfile::tempdir().expect("tempdir");
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        std::fs::write(
            data.path().join("newsdesk.toml"),
            format!(
                "base_url = \"{base}\"\n\
                 [reaction_limit]\nburst = 1000000\nper_minute = 1000000\n\
                 [comment_limit]\nburst = 1000\nper_minute = 1000\n\
                 [comments]\nmin_seconds = 0\n"
            ),
        )
        .expect("settings");
        let log = data.path().join("server.log");
        let child = Command::new(BIN)
            .arg("--data")
            .arg(data.path())
            .arg("--database-url")
            .arg(database_url)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .env("NEWSDESK_LOG", "info,sqlx=warn")
            .env("NO_COLOR", "1")
            .stdout(std::fs::File::create(data.path().join("server.out")).expect("out file"))
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("start newsdesk serve");
        let instance = Instance {
            base,
            child,
            log,
            _data: data,
        };
        let client = reqwest::Client::new();
        let started = Instant::now();
        loop {
            // Ready: serving, and its database answers.
            if let Ok(response) = client.get(instance.url("/readyz")).send().await
                && response.status() == StatusCode::OK
            {
                return instance;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "instance did not start: {}",
                instance.log_text()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn log_text(&self) -> String {
        read(&self.log)
    }

    /// What the server printed for its operator.
    fn printed(&self) -> String {
        read(&self._data.path().join("server.out"))
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A PostgreSQL site with an admin, and two instances serving it.
struct Cluster {
    a: Instance,
    b: Instance,
    token: String,
    client: reqwest::Client,
    _schema: PgSchema,
}

impl Cluster {
    async fn start() -> Cluster {
        let schema = PgSchema::create().await;
        // As an operator would before a deploy: `newsdesk migrate`, without serving.
        let data = tempfile::tempdir().expect("tempdir");
        let migrated = Command::new(BIN)
            .arg("--data")
            .arg(data.path())
            .args(["--database-url", &schema.url, "migrate"])
            .output()
            .expect("newsdesk migrate");
        assert!(
            migrated.status.success(),
            "{}",
            String::from_utf8_lossy(&migrated.stderr)
        );
        let store = newsdesk::store::open(&schema.url).await.expect("open");
        let token = user_token(store.as_ref(), "admin@example.com", "admin").await;
        store.close().await;
        let (a, b) = tokio::join!(Instance::start(&schema.url), Instance::start(&schema.url));
        Cluster {
            a,
            b,
            token,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            _schema: schema,
        }
    }

    async fn api(
        &self,
        on: &Instance,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .client
            .request(method, on.url(&format!("/api/v1{path}")))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("send");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn page(&self, on: &Instance, path: &str) -> String {
        self.client
            .get(on.url(path))
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("text")
    }

    /// Asks `on` for `path` until the page holds `needle`; answers how long that took.
    async fn page_shows(&self, on: &Instance, path: &str, needle: &str) -> Duration {
        let started = Instant::now();
        loop {
            if self.page(on, path).await.contains(needle) {
                return started.elapsed();
            }
            assert!(
                started.elapsed() < COHERENT_WITHIN,
                "{path} on the other instance did not show {needle:?} within {COHERENT_WITHIN:?}"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    async fn create_article(&self, on: &Instance, article: Value) -> Value {
        let (status, body) = self.api(on, Method::POST, "/articles", Some(article)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body
    }

    async fn basics(&self) -> (Value, Value) {
        let (status, section) = self
            .api(
                &self.a,
                Method::POST,
                "/sections",
                Some(json!({"name": "City"})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{section}");
        let (status, author) = self
            .api(
                &self.a,
                Method::POST,
                "/authors",
                Some(json!({"name": "Ada Reporter"})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{author}");
        (section["slug"].clone(), author["slug"].clone())
    }
}

/// Server-Sent Events from one article's live stream, read as they come.
struct LiveStream {
    response: reqwest::Response,
    buffer: String,
}

impl LiveStream {
    async fn open(client: &reqwest::Client, url: String) -> LiveStream {
        let response = client.get(url).send().await.expect("live stream");
        assert_eq!(response.status(), StatusCode::OK);
        LiveStream {
            response,
            buffer: String::new(),
        }
    }

    /// The next event's data, or `None` if none came before the deadline.
    async fn next(&mut self, deadline: Instant) -> Option<Value> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let data: String = event
                    .lines()
                    .filter_map(|line| line.strip_prefix("data:"))
                    .map(str::trim)
                    .collect();
                if data.is_empty() {
                    continue; // a keep-alive comment
                }
                return serde_json::from_str(&data).ok();
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            match tokio::time::timeout(left, self.response.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                _ => return None,
            }
        }
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn what_one_instance_changes_the_other_serves_within_two_seconds() {
    let cluster = Cluster::start().await;
    let (section, author) = cluster.basics().await;
    let (a, b) = (&cluster.a, &cluster.b);

    // B has rendered and cached its home page before the story exists.
    assert!(!cluster.page(b, "/").await.contains("Ferry service returns"));
    let article = cluster
        .create_article(
            a,
            json!({
                "title": "Ferry service returns",
                "body": "The ferry runs again from Monday.",
                "section": section,
                "authors": [author],
                "status": "published",
            }),
        )
        .await;
    let published = cluster.page_shows(b, "/", "Ferry service returns").await;
    let id = article["id"].as_i64().expect("id");
    let slug = article["slug"].as_str().expect("slug").to_owned();

    // A reader on B has the story open; a reader on A reacts.
    let article_page = format!("/article/{slug}");
    assert!(
        cluster
            .page(b, &article_page)
            .await
            .contains("The ferry runs again from Monday.")
    );
    let mut live = LiveStream::open(
        &cluster.client,
        b.url(&format!("/api/v1/articles/{id}/live")),
    )
    .await;
    let first = live
        .next(Instant::now() + Duration::from_secs(5))
        .await
        .expect("the stream starts with the current state");
    assert_eq!(first["reactions"]["love"], 0, "{first}");
    let reacted_at = Instant::now();
    let response = cluster
        .client
        .put(a.url(&format!("/api/v1/articles/{id}/reactions")))
        .json(&json!({"kind": "love"}))
        .send()
        .await
        .expect("react");
    assert_eq!(response.status(), StatusCode::OK);
    let update = live
        .next(reacted_at + COHERENT_WITHIN)
        .await
        .expect("B's stream carried the reaction made on A within 2 s");
    let reaction_seen = reacted_at.elapsed();
    assert_eq!(update["reactions"]["love"], 1, "{update}");

    // A reader comments through A (held: a first comment from this address); a moderator
    // approves it on A; B's stream and B's page follow. The form's token was signed by A
    // and is accepted by A; both share the site's secret through the database.
    let page_a = cluster.page(a, &article_page).await.replace("&#x2f;", "/");
    let form_token = page_a
        .split("name=\"form_token\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the article page has a comment form")
        .to_owned();
    let response = cluster
        .client
        .post(a.url(&format!("/api/v1/articles/{id}/comments")))
        .json(&json!({
            "author_name": "Amina",
            "author_email": "amina@example.com",
            "body": "Good to have the ferry back.",
            "form_token": form_token,
        }))
        .send()
        .await
        .expect("comment");
    assert_eq!(response.status(), StatusCode::CREATED);
    let comment: Value = response.json().await.expect("json");
    assert_eq!(
        comment["status"], "pending",
        "held for moderation: {comment}"
    );
    let approved_at = Instant::now();
    let (status, body) = cluster
        .api(
            a,
            Method::PATCH,
            &format!("/comments/{}", comment["id"]),
            Some(json!({"status": "approved"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    loop {
        let update = live
            .next(approved_at + COHERENT_WITHIN)
            .await
            .expect("B's stream carried the approval made on A within 2 s");
        if update.get("comments").is_some() {
            assert_eq!(update["comments"], 1, "{update}");
            break;
        }
    }
    let comment_seen = cluster
        .page_shows(b, &article_page, "Good to have the ferry back.")
        .await;

    // An editor on A changes the text; B serves the new text.
    let (status, edited) = cluster
        .api(
            a,
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"version": article["version"], "body": "The ferry runs again from Tuesday."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    let edit_seen = cluster
        .page_shows(b, &article_page, "The ferry runs again from Tuesday.")
        .await;

    // Unpublished on A, gone from B's home page.
    let (status, _) = cluster
        .api(
            a,
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"version": edited["version"], "status": "draft"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let started = Instant::now();
    while cluster.page(b, "/").await.contains("Ferry service returns") {
        assert!(
            started.elapsed() < COHERENT_WITHIN,
            "unpublished story still on B"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    // An admin renames the paper on A; B reads the settings again.
    let (status, body) = cluster
        .api(
            a,
            Method::PATCH,
            "/settings",
            Some(json!({"site_title": "The Harbour Herald"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let settings_seen = cluster.page_shows(b, "/", "The Harbour Herald").await;
    eprintln!("settings saved on A in force on B after {settings_seen:?}");
    eprintln!(
        "seen on the other instance after: publish {published:?}, reaction {reaction_seen:?}, \
         approved comment {comment_seen:?}, edit {edit_seen:?}, unpublish {:?}",
        started.elapsed()
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn reaction_totals_stay_exact_with_readers_on_both_instances() {
    let cluster = Arc::new(Cluster::start().await);
    let (section, author) = cluster.basics().await;
    let article = cluster
        .create_article(
            &cluster.a,
            json!({"title": "Busy story", "body": "Body", "section": section,
                   "authors": [author], "status": "published"}),
        )
        .await;
    let id = article["id"].as_i64().expect("id");
    let kinds = ["like", "dislike", "love", "funny", "angry", "sad", "wow"];
    let deadline = Instant::now() + Duration::from_secs(4);
    let mut readers = Vec::new();
    for n in 0..32u64 {
        let cluster = cluster.clone();
        readers.push(tokio::spawn(async move {
            // Each reader keeps their cookie but is sent to either instance at random, as
            // a load balancer without sticky sessions would.
            let mut cookie: Option<String> = None;
            let mut seed = 0x9E37_79B9_7F4A_7C15 ^ (n + 1);
            let mut belief: Option<String> = None;
            let mut writes = 0;
            while Instant::now() < deadline {
                let roll = xorshift(&mut seed);
                let on = if roll.is_multiple_of(2) {
                    &cluster.a
                } else {
                    &cluster.b
                };
                let url = on.url(&format!("/api/v1/articles/{id}/reactions"));
                let mut request = if (roll / 2).is_multiple_of(4) {
                    cluster.client.delete(url)
                } else {
                    let kind = kinds[(roll / 8 % 7) as usize];
                    cluster.client.put(url).json(&json!({ "kind": kind }))
                };
                if let Some(cookie) = &cookie {
                    request = request.header("cookie", cookie);
                }
                let response = request.send().await.expect("react");
                if let Some(set) = response.headers().get("set-cookie") {
                    let pair = set
                        .to_str()
                        .expect("ascii")
                        .split(';')
                        .next()
                        .expect("pair");
                    cookie = Some(pair.to_owned());
                }
                assert_eq!(response.status(), StatusCode::OK);
                let body: Value = response.json().await.expect("json");
                belief = body["mine"].as_str().map(str::to_owned);
                writes += 1;
            }
            (belief, writes)
        }));
    }
    let mut believed: BTreeMap<String, i64> = BTreeMap::new();
    let mut writes = 0;
    for reader in readers {
        let (belief, n) = reader.await.expect("reader");
        writes += n;
        if let Some(kind) = belief {
            *believed.entry(kind).or_default() += 1;
        }
    }
    assert!(writes > 32 * 5, "enough contention: {writes} writes");
    let store = newsdesk::store::open(&cluster._schema.url)
        .await
        .expect("open");
    let kept: BTreeMap<String, i64> = store
        .reaction_counts(id)
        .await
        .expect("counts")
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    let rows = store.count_reaction_rows(id).await.expect("rows");
    store.close().await;
    assert_eq!(kept, rows, "totals equal the readers' rows");
    assert_eq!(
        kept, believed,
        "totals equal what the readers believe they left"
    );
    // Both instances answer the same totals.
    for on in [&cluster.a, &cluster.b] {
        let (_, body) = cluster
            .api(on, Method::GET, &format!("/articles/{id}/reactions"), None)
            .await;
        for (kind, n) in &believed {
            assert_eq!(body["counts"][kind], *n, "{body}");
        }
    }
    eprintln!("{writes} reaction writes over two instances; totals exact: {kept:?}");
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_scheduled_article_is_published_once_by_one_of_two_instances() {
    let cluster = Cluster::start().await;
    let (section, author) = cluster.basics().await;
    let due = Timestamp::now() + 2.seconds();
    let article = cluster
        .create_article(
            &cluster.a,
            json!({"title": "Embargoed report", "body": "Figures at noon.", "section": section,
                   "authors": [author], "status": "scheduled", "published_at": due.to_string()}),
        )
        .await;
    let id = article["id"].as_i64().expect("id");
    // Both schedulers tick every second; give them several chances each.
    let started = Instant::now();
    loop {
        let (_, found) = cluster
            .api(&cluster.b, Method::GET, &format!("/articles/{id}"), None)
            .await;
        if found["status"] == "published" {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "never published: {found}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        cluster
            .page(&cluster.b, "/")
            .await
            .contains("Embargoed report"),
        "B shows the story the scheduler published"
    );
    let (status, audit) = cluster
        .api(&cluster.a, Method::GET, "/audit?per_page=100", None)
        .await;
    assert_eq!(status, StatusCode::OK, "{audit}");
    let subject = format!("(#{id})");
    let publishes: Vec<&Value> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| {
            e["action"] == "publish"
                && e["actor"] == "scheduler"
                && e["subject"].as_str().is_some_and(|s| s.contains(&subject))
        })
        .collect();
    assert_eq!(publishes.len(), 1, "one audit entry: {audit}");
    let events: usize = [&cluster.a, &cluster.b]
        .iter()
        .map(|on| {
            on.log_text()
                .lines()
                .filter(|line| {
                    line.contains("published scheduled articles")
                        && line.contains(&format!("[{id}]"))
                })
                .count()
        })
        .sum();
    assert_eq!(events, 1, "one publish event across both instances");
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn sign_in_guesses_spread_over_instances_share_one_budget() {
    let cluster = Cluster::start().await;
    // One browser (cookies are per host, so both instances see the same ones).
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client");
    let login = browser
        .get(cluster.a.url("/admin/login"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("text");
    let csrf = login
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the login form carries a token")
        .to_owned();
    let guess = |on: &Instance| {
        browser
            .post(on.url("/admin/login"))
            .form(&[
                ("email", "admin@example.com"),
                ("password", "not the password"),
                ("csrf", csrf.as_str()),
            ])
            .send()
    };
    // The five free failures, three on A and two on B.
    for on in [&cluster.a, &cluster.b, &cluster.a, &cluster.b, &cluster.a] {
        let response = guess(on).await.expect("guess");
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    // B has seen two of them itself; it has heard of the other three from A.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let response = guess(&cluster.b).await.expect("guess");
    assert_eq!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the sixth guess waits, whichever instance it reaches"
    );
    assert!(response.headers().contains_key("retry-after"));
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn instances_starting_together_on_a_new_database_take_turns_at_the_migrations() {
    let schema = PgSchema::create().await;
    let stores =
        futures_util::future::join_all((0..3).map(|_| newsdesk::store::open(&schema.url))).await;
    let stores: Vec<_> = stores.into_iter().map(|s| s.expect("open")).collect();
    let migrated = futures_util::future::join_all(stores.iter().map(|s| s.migrate())).await;
    for result in migrated {
        result.expect("every instance finds the schema up to date");
    }
    assert_eq!(stores[0].count_articles().await.expect("schema works"), 0);
    for store in stores {
        store.close().await;
    }
}

fn read(path: &std::path::Path) -> String {
    let mut text = String::new();
    if let Ok(mut file) = std::fs::File::open(path) {
        let _ = file.read_to_string(&mut text);
    }
    text
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn every_instance_of_a_new_site_prints_the_same_setup_link() {
    let schema = PgSchema::create().await;
    let a = Instance::start(&schema.url).await;
    let b = Instance::start(&schema.url).await;
    let link = |printed: String| {
        printed
            .split("/admin/setup?token=")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("no setup link in {printed:?}"))
    };
    let token = link(a.printed());
    assert_eq!(link(b.printed()), token, "one link for the site");
    // Printed by A, opened on B (a load balancer may send the operator anywhere).
    let page = reqwest::get(b.url(&format!("/admin/setup?token={token}")))
        .await
        .expect("setup page");
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.text()
            .await
            .expect("text")
            .contains("name=\"password_again\"")
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn the_content_api_on_one_instance_follows_what_the_other_changes() {
    let cluster = Cluster::start().await;
    let (section, author) = cluster.basics().await;
    let (a, b) = (&cluster.a, &cluster.b);
    let (status, made) = cluster
        .api(
            a,
            Method::POST,
            "/integrations",
            Some(json!({"name": "Front-end"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let key = made["content_api_key"].as_str().expect("key").to_owned();
    let posts = format!("/ghost/api/content/posts/?include=tags&key={key}");

    // B has cached its answer before the story exists.
    assert!(!cluster.page(b, &posts).await.contains("Ferry timetable"));
    assert!(!cluster.page(b, &posts).await.contains("Ferry timetable"));
    let article = cluster
        .create_article(
            a,
            json!({
                "title": "Ferry timetable",
                "body": "Every hour from six.",
                "section": section,
                "authors": [author],
                "status": "published",
            }),
        )
        .await;
    cluster.page_shows(b, &posts, "Ferry timetable").await;

    let id = article["id"].as_i64().expect("id");
    let (status, body) = cluster
        .api(
            a,
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"title": "Ferry timetable changes", "version": article["version"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    cluster
        .page_shows(b, &posts, "Ferry timetable changes")
        .await;

    // Revoked on A, refused on B, whatever B had cached.
    let integration = made["id"].as_i64().expect("integration id");
    let (status, _) = cluster
        .api(
            a,
            Method::DELETE,
            &format!("/integrations/{integration}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    cluster
        .page_shows(b, &posts, "Unknown Content API Key")
        .await;
}

impl Cluster {
    async fn cache_label(&self, on: &Instance, path: &str) -> String {
        let response = self.client.get(on.url(path)).send().await.expect("page");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response
            .headers()
            .get("x-cache")
            .map(|v| v.to_str().expect("ascii").to_owned())
            .unwrap_or_default()
    }

    async fn warm(&self, on: &Instance, paths: &[&str]) {
        for path in paths {
            self.cache_label(on, path).await;
            self.cache_label(on, path).await;
        }
    }

    async fn change(&self, on: &Instance, path: &str, body: Value) {
        let (status, changed) = self.api(on, Method::PATCH, path, Some(body)).await;
        assert_eq!(status, StatusCode::OK, "{changed}");
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_story_published_from_the_review_queue_on_one_instance_shows_on_the_other() {
    let cluster = Cluster::start().await;
    let (section, author) = cluster.basics().await;
    let (a, b) = (&cluster.a, &cluster.b);
    assert!(!cluster.page(b, "/").await.contains("Harbour dredging"));
    let story = cluster
        .create_article(
            a,
            json!({
                "title": "Harbour dredging starts",
                "body": "Work begins at dawn.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n",
                "section": section,
                "authors": [author],
                "status": "review",
            }),
        )
        .await;
    assert_eq!(story["status"], "review");
    let (_, queue) = cluster
        .api(b, Method::GET, "/articles?status=review", None)
        .await;
    assert_eq!(queue["total"], 1, "the queue is shared: {queue}");
    let (status, published) = cluster
        .api(
            b,
            Method::PATCH,
            &format!("/articles/{}", story["id"]),
            Some(json!({ "status": "published", "version": story["version"] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    cluster.page_shows(a, "/", "Harbour dredging starts").await;
    let slug = published["slug"].as_str().expect("slug");
    cluster
        .page_shows(a, &format!("/article/{slug}"), "embed embed-youtube")
        .await;
    let (_, queue) = cluster
        .api(a, Method::GET, "/articles?status=review", None)
        .await;
    assert_eq!(queue["total"], 0, "{queue}");
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_change_on_one_instance_drops_only_the_pages_showing_it_on_the_other() {
    let cluster = Cluster::start().await;
    let (a, b) = (&cluster.a, &cluster.b);
    let mut stories = Vec::new();
    for (name, tag, author) in [
        ("Alpha", "Alpha topic", "Alma Writer"),
        ("Beta", "Beta topic", "Bert Writer"),
    ] {
        let slug = name.to_lowercase();
        let (status, _) = cluster
            .api(
                a,
                Method::POST,
                "/sections",
                Some(json!({"name": format!("{name} desk"), "slug": format!("{slug}-desk")})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        let author_slug = author.to_lowercase().replace(' ', "-");
        let (status, _) = cluster
            .api(
                a,
                Method::POST,
                "/authors",
                Some(json!({"name": author, "slug": author_slug})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        stories.push(
            cluster
                .create_article(
                    a,
                    json!({
                        "title": format!("{name} story"),
                        "slug": format!("{slug}-story"),
                        "body": "Words.",
                        "section": format!("{slug}-desk"),
                        "tags": [tag],
                        "authors": [author_slug],
                        "status": "published",
                    }),
                )
                .await,
        );
    }
    let alpha = &stories[0];
    let id = alpha["id"].as_i64().expect("id");
    let alpha_pages = [
        "/article/alpha-story",
        "/section/alpha-desk",
        "/tag/alpha-topic",
        "/author/alma-writer",
        "/",
        "/feed.xml",
        // A page of results may list any story: it goes at any change.
        "/search?q=alpha",
    ];
    let beta_pages = [
        "/article/beta-story",
        "/section/beta-desk",
        "/tag/beta-topic",
        "/author/bert-writer",
    ];
    let every: Vec<&str> = alpha_pages.iter().chain(&beta_pages).copied().collect();
    let beta_still_cached = || async {
        for path in beta_pages {
            assert_eq!(
                cluster.cache_label(b, path).await,
                "HIT",
                "{path} on the other instance was dropped by a change it does not show"
            );
        }
    };

    // An edit on A: B's pages showing the story show the new headline.
    cluster.warm(b, &every).await;
    cluster
        .change(
            a,
            &format!("/articles/{id}"),
            json!({"title": "Alpha story retold", "version": 1}),
        )
        .await;
    for path in alpha_pages {
        cluster.page_shows(b, path, "Alpha story retold").await;
    }
    beta_still_cached().await;

    // A story published on A joins B's lists.
    cluster.warm(b, &every).await;
    let sequel = cluster
        .create_article(
            a,
            json!({
                "title": "Alpha sequel",
                "body": "More.",
                "section": "alpha-desk",
                "tags": ["Alpha topic"],
                "authors": ["alma-writer"],
                "status": "published",
            }),
        )
        .await;
    for path in &alpha_pages[1..] {
        cluster.page_shows(b, path, "Alpha sequel").await;
    }
    beta_still_cached().await;

    // Unpublished on A: it leaves B's lists.
    cluster.warm(b, &every).await;
    cluster
        .change(
            a,
            &format!("/articles/{}", sequel["id"]),
            json!({"status": "draft", "version": 1}),
        )
        .await;
    let started = Instant::now();
    while cluster.page(b, "/").await.contains("Alpha sequel") {
        assert!(
            started.elapsed() < COHERENT_WITHIN,
            "the home page kept an unpublished story"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    beta_still_cached().await;

    // A comment approved on A: its count on B.
    let response = cluster
        .client
        .post(a.url(&format!("/api/v1/articles/{id}/comments")))
        .json(&json!({"author_name": "Reader", "body": "An alpha comment"}))
        .send()
        .await
        .expect("comment");
    let comment: Value = response.json().await.expect("json");
    cluster.warm(b, &every).await;
    cluster
        .change(
            a,
            &format!("/comments/{}", comment["id"]),
            json!({"status": "approved"}),
        )
        .await;
    cluster
        .page_shows(b, "/article/alpha-story", "An alpha comment")
        .await;
    cluster
        .page_shows(b, "/section/alpha-desk", "1 comment<")
        .await;
    beta_still_cached().await;

    // A tag and an author renamed on A.
    cluster.warm(b, &every).await;
    let tag = &alpha["tags"][0]["id"];
    cluster
        .change(a, &format!("/tags/{tag}"), json!({"name": "Alpha matters"}))
        .await;
    let author = &alpha["authors"][0]["id"];
    cluster
        .change(
            a,
            &format!("/authors/{author}"),
            json!({"name": "Alma Renamed"}),
        )
        .await;
    cluster
        .page_shows(b, "/article/alpha-story", "Alpha matters")
        .await;
    for path in [
        "/article/alpha-story",
        "/section/alpha-desk",
        "/author/alma-writer",
    ] {
        cluster.page_shows(b, path, "Alma Renamed").await;
    }
    beta_still_cached().await;

    // Settings saved on A: every page on B.
    cluster
        .change(a, "/settings", json!({"site_title": "The Renamed Gazette"}))
        .await;
    for path in every {
        cluster.page_shows(b, path, "The Renamed Gazette").await;
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn the_front_page_and_breaking_banner_set_on_one_instance_show_on_the_other() {
    let cluster = Cluster::start().await;
    let (section, author) = cluster.basics().await;
    let (a, b) = (&cluster.a, &cluster.b);
    let story = |title: &str| {
        json!({"title": title, "body": "Body.", "section": section, "authors": [author],
            "status": "published"})
    };
    let placed = cluster
        .create_article(a, story("Placed by the editor"))
        .await;
    cluster.create_article(a, story("Newest of all")).await;
    // B caches its home page with the newest story leading.
    cluster.page_shows(b, "/", "Newest of all").await;
    let (status, body) = cluster
        .api(
            a,
            Method::PUT,
            "/front",
            Some(json!({"slots": [{"slot": "lead", "article_id": placed["id"]}]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let started = Instant::now();
    loop {
        let page = cluster.page(b, "/").await;
        let lead = page
            .split("card-lead")
            .nth(1)
            .is_some_and(|rest| rest[..rest.len().min(2000)].contains("Placed by the editor"));
        if lead {
            break;
        }
        assert!(
            started.elapsed() < COHERENT_WITHIN,
            "B still leads with the newest"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }

    // A reader on B follows the site's stream; the banner set on A reaches them.
    let mut stream = LiveStream::open(&cluster.client, b.url("/api/v1/live")).await;
    let first = stream
        .next(Instant::now() + Duration::from_secs(2))
        .await
        .expect("first event");
    assert_eq!(first, json!({"breaking": null}));
    let id = placed["id"].as_i64().expect("id");
    let (status, body) = cluster
        .api(
            a,
            Method::PUT,
            &format!("/articles/{id}/breaking"),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let event = stream
        .next(Instant::now() + COHERENT_WITHIN)
        .await
        .expect("the banner's event on B");
    assert_eq!(event["breaking"]["title"], "Placed by the editor");
    cluster
        .page_shows(b, "/", "breaking-title\">Placed by the editor")
        .await;
    let (status, _) = cluster
        .api(a, Method::DELETE, &format!("/articles/{id}/breaking"), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let event = stream
        .next(Instant::now() + COHERENT_WITHIN)
        .await
        .expect("the banner's end on B");
    assert_eq!(event, json!({"breaking": null}));
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_story_unpublished_on_one_instance_leaves_the_banner_and_popular_lists_on_the_other() {
    let cluster = Cluster::start().await;
    let (section, author) = cluster.basics().await;
    let (a, b) = (&cluster.a, &cluster.b);
    let story = |title: &str| {
        json!({"title": title, "body": "Body.", "section": section, "authors": [author],
            "status": "published"})
    };
    let lead = cluster
        .create_article(a, story("Storm hits the coast"))
        .await;
    let quiet = cluster.create_article(a, story("Quiet news")).await;
    let response = cluster
        .client
        .put(b.url(&format!("/api/v1/articles/{}/reactions", lead["id"])))
        .json(&json!({"kind": "like"}))
        .send()
        .await
        .expect("react");
    assert_eq!(response.status(), StatusCode::OK);
    let (status, body) = cluster
        .api(
            a,
            Method::PUT,
            &format!("/articles/{}/breaking", lead["id"]),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let quiet_page = format!("/article/{}", quiet["slug"].as_str().expect("slug"));
    // B holds the banner and the lists in memory, and caches pages showing them.
    cluster
        .page_shows(b, &quiet_page, "breaking-title\">Storm hits the coast")
        .await;
    cluster
        .page_shows(b, "/", "Storm hits the coast</a> <span")
        .await;
    cluster.warm(b, &["/", &quiet_page]).await;
    assert_eq!(cluster.cache_label(b, &quiet_page).await, "HIT");

    cluster
        .change(
            a,
            &format!("/articles/{}", lead["id"]),
            json!({"status": "draft", "version": lead["version"]}),
        )
        .await;
    let started = Instant::now();
    for path in ["/", quiet_page.as_str()] {
        while cluster.page(b, path).await.contains("Storm hits the coast") {
            assert!(
                started.elapsed() < COHERENT_WITHIN,
                "{path} on B still shows the unpublished story"
            );
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn an_editions_pages_follow_changes_made_on_the_other_instance() {
    let cluster = Cluster::start().await;
    let (section, author) = cluster.basics().await;
    let (a, b) = (&cluster.a, &cluster.b);
    let (status, habari) = cluster
        .api(
            a,
            Method::POST,
            "/sections",
            Some(json!({ "name": "Habari", "language": "sw" })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{habari}");
    // B knows the new edition (the section's change reached it) and caches its front page.
    cluster.page_shows(b, "/sw/", "lang=\"sw\"").await;
    assert!(!cluster.page(b, "/sw/").await.contains("Feri yarudi"));
    let english = cluster
        .create_article(
            a,
            json!({
                "title": "Ferry returns",
                "body": "The ferry runs again.",
                "section": section,
                "authors": [author],
                "status": "published",
            }),
        )
        .await;
    let swahili = cluster
        .create_article(
            a,
            json!({
                "title": "Feri yarudi",
                "body": "Feri inafanya kazi tena.",
                "section": habari["slug"],
                "authors": [author],
                "status": "published",
            }),
        )
        .await;
    cluster.page_shows(b, "/sw/", "Feri yarudi").await;
    assert!(!cluster.page(b, "/").await.contains("Feri yarudi"));
    // B has the English story cached; linking its translation on A reaches it.
    let path = format!("/article/{}", english["slug"].as_str().expect("slug"));
    // (The language switcher names `hreflang` too; the page's alternates are `<link>`s.)
    let alternate = "<link rel=\"alternate\" hreflang=\"sw\"";
    assert!(!cluster.page(b, &path).await.contains(alternate));
    let (status, body) = cluster
        .api(
            a,
            Method::PUT,
            &format!("/articles/{}/translations", swahili["id"]),
            Some(json!({ "translation_of": english["id"] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    cluster.page_shows(b, &path, alternate).await;
    // Breaking news on A: B's English pages show the story, its Swahili pages the
    // translation's headline (each edition's banner is in its own language).
    let (status, banner) = cluster
        .api(
            a,
            Method::PUT,
            &format!("/articles/{}/breaking", english["id"]),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{banner}");
    cluster
        .page_shows(b, "/", "class=\"breaking-title\">Ferry returns<")
        .await;
    cluster
        .page_shows(b, "/sw/", "class=\"breaking-title\">Feri yarudi<")
        .await;
}
