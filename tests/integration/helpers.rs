//! `TestApp`: a real Newsdesk server on 127.0.0.1:0 with its own data folder and an
//! admin's API token.

use std::sync::Arc;

use jiff::Timestamp;
use newsdesk::config::{Overrides, Settings};
use newsdesk::newsroom::Newsroom;
use newsdesk::server::Server;
use newsdesk::store::Store;
use reqwest::{Method, Response, StatusCode};
use scraper::{Html, Selector};
use serde_json::{Value, json};
use tokio::sync::oneshot;

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub token: String,
    pub store: Arc<dyn Store>,
    pub data: tempfile::TempDir,
    /// The first-run setup token, when the site started with no users.
    pub setup_token: Option<String>,
    shutdown: Option<oneshot::Sender<()>>,
    served: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    /// The PostgreSQL schema this site lives in, when the suite runs on PostgreSQL.
    schema: Option<PgSchema>,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// Starts a server after `configure` has adjusted its settings.
    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
        let mut app = Self::start(data, configure).await;
        app.token = admin_token(app.store.as_ref(), "admin@example.com").await;
        app
    }

    /// A server on an existing data folder's own SQLite file, whatever backend the suite
    /// runs on (for what is about the data folder itself).
    pub async fn spawn_on_sqlite(data: tempfile::TempDir) -> TestApp {
        Self::start(data, sqlite_in_data_folder).await
    }

    /// A server on a data folder and another database (PostgreSQL), as it is.
    pub async fn spawn_on_database(data: tempfile::TempDir, database_url: &str) -> TestApp {
        let url = database_url.to_owned();
        Self::start(data, move |settings| settings.database_url = url).await
    }

    /// Another instance on the database `database_url` names, beside `first` (whose admin
    /// token it shares), with its own data folder and settings.
    pub async fn spawn_beside(
        first: &TestApp,
        database_url: &str,
        configure: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let url = database_url.to_owned();
        let mut app = Self::start(tempfile::tempdir().expect("temp dir"), move |settings| {
            configure(settings);
            settings.database_url = url;
        })
        .await;
        app.token = first.token.clone();
        app
    }

    /// A site nobody can sign in to yet, as on first start.
    pub async fn spawn_empty() -> TestApp {
        Self::start(tempfile::tempdir().expect("temp dir"), |_| {}).await
    }

    async fn start(data: tempfile::TempDir, configure: impl FnOnce(&mut Settings)) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let mut settings = Settings::load(
            data.path(),
            &Overrides {
                listen: Some(addr.to_string()),
                database_url: None,
            },
        )
        .expect("settings");
        settings.base_url = format!("http://{addr}");
        // NEWSDESK_TEST_BACKEND=postgres runs the HTTP suite on PostgreSQL: each new data
        // folder gets a schema of its own, named in the folder so a restart finds it.
        let mut schema = None;
        if std::env::var("NEWSDESK_TEST_BACKEND").as_deref() == Ok("postgres") {
            let marker = data.path().join("test-postgres-url");
            settings.database_url = match std::fs::read_to_string(&marker) {
                Ok(url) => url,
                Err(_) => {
                    let created = PgSchema::create().await;
                    std::fs::write(&marker, &created.url).expect("marker");
                    let url = created.url.clone();
                    schema = Some(created);
                    url
                }
            };
        }
        configure(&mut settings);
        let server = Server::with_listener(settings, listener)
            .await
            .expect("server");
        let store = server.store();
        let setup_token = server.setup_token();
        let (tx, rx) = oneshot::channel::<()>();
        let served = tokio::spawn(server.run(async {
            let _ = rx.await;
        }));
        TestApp {
            base: format!("http://{addr}"),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            token: String::new(),
            store,
            data,
            setup_token,
            shutdown: Some(tx),
            served: Some(served),
            schema,
        }
    }

    /// Stops the server cleanly and starts a new one on the same data folder (a new port).
    pub async fn restart(self) -> TestApp {
        let mut old = self;
        old.stop().await;
        let token = std::mem::take(&mut old.token);
        let data = std::mem::replace(&mut old.data, tempfile::tempdir().expect("temp dir"));
        let schema = old.schema.take();
        let mut app = Self::start(data, |_| {}).await;
        app.token = token;
        if schema.is_some() {
            app.schema = schema;
        }
        app
    }

    /// Signs in through the login form, like a browser, and answers the session.
    pub async fn sign_in(&self, email: &str, password: &str) -> Session {
        let session = self.browser();
        let (status, html) = session.page("/admin/login").await;
        assert_eq!(status, StatusCode::OK);
        let csrf = attr(&html, "input[name=csrf]", "value").expect("login form token");
        let response = session
            .post_raw(
                "/admin/login",
                &[("email", email), ("password", password)],
                Some(&csrf),
                true,
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in failed");
        session.with_token().await
    }

    /// A browser with its own cookies and nobody signed in.
    pub fn browser(&self) -> Session {
        Session {
            base: self.base.clone(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .cookie_store(true)
                .build()
                .expect("client"),
            csrf: String::new(),
        }
    }

    /// Stops the server the way Ctrl-C does and waits for it to finish.
    pub async fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(served) = self.served.take() {
            served.await.expect("join").expect("clean shutdown");
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn page(&self, path: &str) -> (StatusCode, Html) {
        let response = self.get(path).await;
        let status = response.status();
        let text = response.text().await.expect("body");
        (status, Html::parse_document(&text))
    }

    /// An API call with the admin's token.
    pub async fn api(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        self.api_as(&self.token, method, path, body).await
    }

    pub async fn api_as(
        &self,
        token: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .client
            .request(method, self.url(&format!("/api/v1{path}")))
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
        };
        (status, value)
    }

    pub async fn section(&self, name: &str) -> Value {
        let (status, body) = self
            .api(Method::POST, "/sections", Some(json!({ "name": name })))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body
    }

    pub async fn author(&self, name: &str) -> Value {
        let (status, body) = self
            .api(
                Method::POST,
                "/authors",
                Some(json!({ "name": name, "bio": format!("{name} writes for us.") })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body
    }

    /// A published article in a fresh section by a fresh author.
    pub async fn published(&self, title: &str, body: &str) -> Value {
        static SERIAL: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
        let n = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let section = self.section(&format!("Section {n}")).await;
        let author = self.author(&format!("Jane Doe {n}")).await;
        let (status, article) = self
            .api(
                Method::POST,
                "/articles",
                Some(json!({
                    "title": title,
                    "body": body,
                    "section": section["slug"],
                    "authors": [author["slug"]],
                    "status": "published",
                })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{article}");
        article
    }
}

impl TestApp {
    /// Uploads a photo to the library; answers its id.
    pub async fn library_photo(&self, seed: u32) -> i64 {
        let form = reqwest::multipart::Form::new()
            .part(
                "file",
                reqwest::multipart::Part::bytes(png(seed))
                    .file_name(format!("photo-{seed}.png"))
                    .mime_str("image/png")
                    .expect("mime"),
            )
            .text("alt", format!("Harbour scene {seed}"))
            .text("credit", "Courtesy")
            .text("caption", format!("Library caption {seed}"));
        let response = self
            .client
            .post(self.url("/api/v1/media"))
            .bearer_auth(&self.token)
            .multipart(form)
            .send()
            .await
            .expect("upload");
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.expect("json");
        body["id"].as_i64().expect("media id")
    }
}

/// A small photo-like PNG, different for each `seed`, so each is its own library photo.
pub fn png(seed: u32) -> Vec<u8> {
    let image = image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(480, 320, |x, y| {
        image::Rgb([
            ((x + seed * 37) % 251) as u8,
            ((y + seed * 53) % 241) as u8,
            ((x + y + seed) % 239) as u8,
        ])
    }));
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("encode");
    out.into_inner()
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// A browser: its own cookie jar, and the CSRF token of the last newsroom page it saw.
pub struct Session {
    pub base: String,
    pub client: reqwest::Client,
    pub csrf: String,
}

pub const PASSWORD: &str = "a long enough password";

impl Session {
    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request")
    }

    pub async fn page(&self, path: &str) -> (StatusCode, Html) {
        let response = self.get(path).await;
        let status = response.status();
        (
            status,
            Html::parse_document(&response.text().await.expect("body")),
        )
    }

    /// Reads the CSRF token a newsroom page carries for this browser.
    pub async fn with_token(mut self) -> Session {
        let (status, html) = self.page("/admin").await;
        assert_eq!(status, StatusCode::OK, "the dashboard needs a session");
        self.csrf = attr(&html, "meta[name=csrf-token]", "content").expect("csrf meta");
        self
    }

    /// Posts a form the way the page would: this site's Origin and the page's token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.post_raw(path, fields, Some(&self.csrf.clone()), true)
            .await
    }

    /// Posts a form with or without a token, from this site or another.
    pub async fn post_raw(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        csrf: Option<&str>,
        same_origin: bool,
    ) -> Response {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        if let Some(token) = csrf {
            form.push(("csrf", token));
        }
        let origin = if same_origin {
            self.base.clone()
        } else {
            "https://evil.example".to_owned()
        };
        self.client
            .post(format!("{}{path}", self.base))
            .header("origin", origin)
            .form(&form)
            .send()
            .await
            .expect("request")
    }

    /// An API call made with this browser's session, as the newsroom's scripts make it.
    pub async fn api(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        csrf: Option<&str>,
        same_origin: bool,
    ) -> (StatusCode, Value) {
        let mut request = self
            .client
            .request(method, format!("{}/api/v1{path}", self.base))
            .header(
                "origin",
                if same_origin {
                    self.base.as_str()
                } else {
                    "https://evil.example"
                },
            );
        if let Some(token) = csrf {
            request = request.header("x-csrf-token", token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

/// Adds a user with a role and returns a fresh API token for them.
pub async fn user_token(store: &dyn Store, email: &str, role: &str) -> String {
    let newsroom = Newsroom::new(store);
    newsroom
        .add_user(
            email,
            &format!("Test {role}"),
            role,
            PASSWORD,
            Timestamp::now(),
        )
        .await
        .expect("user");
    newsroom
        .create_token(email, "test", Timestamp::now())
        .await
        .expect("token")
}

async fn admin_token(store: &dyn Store, email: &str) -> String {
    user_token(store, email, "admin").await
}

/// The `newsdesk_untranslated_messages_total` lines of `/metrics`: messages a page asked
/// for in a language that lacks them, by language.
pub async fn untranslated(app: &TestApp) -> Vec<String> {
    let metrics = app.get("/metrics").await.text().await.expect("metrics");
    metrics
        .lines()
        .filter(|line| line.starts_with("newsdesk_untranslated_messages_total"))
        .map(str::to_owned)
        .collect()
}

/// Asserts a page's `<html lang dir>`.
pub fn assert_lang_dir(html: &Html, lang: &str, dir: &str, page: &str) {
    assert_eq!(
        attr(html, "html", "lang").as_deref(),
        Some(lang),
        "{lang} {page}"
    );
    assert_eq!(
        attr(html, "html", "dir").as_deref(),
        Some(dir),
        "{lang} {page}"
    );
}

/// The trimmed text of the first element matching `selector`, if any.
pub fn text(html: &Html, selector: &str) -> Option<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).next().map(|e| {
        e.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    })
}

pub fn attr(html: &Html, selector: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector)
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_owned))
}

/// The markup inside the first element matching `selector`, if any.
pub fn inner_html(html: &Html, selector: &str) -> Option<String> {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).next().map(|e| e.inner_html())
}

pub fn count(html: &Html, selector: &str) -> usize {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).count()
}

/// A fresh connection to the database of a stopped site's data folder.
pub async fn reopen(data: &tempfile::TempDir) -> Arc<dyn Store> {
    let url = std::fs::read_to_string(data.path().join("test-postgres-url"))
        .unwrap_or_else(|_| format!("sqlite:{}", data.path().join("newsdesk.db").display()));
    newsdesk::store::open(&url).await.expect("reopen")
}

/// Settings that keep a site on its data folder's SQLite file.
pub fn sqlite_in_data_folder(settings: &mut Settings) {
    settings.database_url = format!("sqlite:{}", settings.data_dir.join("newsdesk.db").display());
}

/// The PostgreSQL server the PostgreSQL tests use: `NEWSDESK_TEST_POSTGRES`, or the local
/// server CI provides.
pub fn postgres_url() -> String {
    std::env::var("NEWSDESK_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// A schema of its own in the test database, so PostgreSQL tests run in parallel; dropped
/// with everything in it when the guard goes.
pub struct PgSchema {
    /// The database URL that puts this schema first on the search path.
    pub url: String,
    name: String,
}

static PG_PREPARED: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();

async fn pg_admin() -> sqlx::PgConnection {
    use sqlx::Connection;
    let url = postgres_url();
    sqlx::PgConnection::connect(&url).await.unwrap_or_else(|error| {
        panic!(
            "PostgreSQL tests need a server at {url} (set NEWSDESK_TEST_POSTGRES to use another): {error}"
        )
    })
}

impl PgSchema {
    pub async fn create() -> PgSchema {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let mut admin = pg_admin().await;
        PG_PREPARED
            .get_or_init(|| async {
                let mut admin = pg_admin().await;
                // Schemas left by runs that crashed more than an hour ago.
                let old: Vec<String> = sqlx::query_scalar(
                    "SELECT nspname::text FROM pg_namespace WHERE nspname LIKE 'nd\\_t\\_%'",
                )
                .fetch_all(&mut admin)
                .await
                .expect("list schemas");
                let cutoff = Timestamp::now().as_second() - 3600;
                for name in old {
                    let made: i64 = name
                        .split('_')
                        .nth(2)
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0);
                    if made < cutoff {
                        let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
                            .execute(&mut admin)
                            .await;
                    }
                }
            })
            .await;
        let name = format!(
            "nd_t_{}_{}_{}",
            Timestamp::now().as_second(),
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        sqlx::query(&format!("CREATE SCHEMA {name}"))
            .execute(&mut admin)
            .await
            .expect("create schema");
        let base = postgres_url();
        let separator = if base.contains('?') { '&' } else { '?' };
        PgSchema {
            url: format!("{base}{separator}options[search_path]={name}&application_name={name}"),
            name,
        }
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs inside the test's runtime, which cannot be blocked on: a thread of its
        // own does the work.
        let done = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async move {
                use sqlx::Connection;
                if let Ok(mut admin) = sqlx::PgConnection::connect(&postgres_url()).await {
                    // A test that failed may have left its connections in a transaction,
                    // and its runtime is blocked on this thread: end them.
                    let _ = sqlx::query(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                         WHERE application_name = $1 AND pid <> pg_backend_pid()",
                    )
                    .bind(&name)
                    .execute(&mut admin)
                    .await;
                    let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
                        .execute(&mut admin)
                        .await;
                }
            });
        });
        let _ = done.join();
    }
}

/// A database of its own on the PostgreSQL test server, for what concerns a whole database
/// (several sites in it, where extensions live); dropped when the guard goes.
pub struct PgDatabase {
    pub name: String,
}

impl PgDatabase {
    pub async fn create() -> PgDatabase {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "nd_d_{}_{}_{}",
            Timestamp::now().as_second(),
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = pg_admin().await;
        static SWEPT: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
        SWEPT
            .get_or_init(|| async {
                // Databases left by runs that crashed more than an hour ago.
                let mut admin = pg_admin().await;
                let old: Vec<String> = sqlx::query_scalar(
                    "SELECT datname::text FROM pg_database WHERE datname LIKE 'nd\\_d\\_%'",
                )
                .fetch_all(&mut admin)
                .await
                .expect("list databases");
                let cutoff = Timestamp::now().as_second() - 3600;
                for old in old {
                    let made: i64 = old
                        .split('_')
                        .nth(2)
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(0);
                    if made < cutoff {
                        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {old} WITH (FORCE)"))
                            .execute(&mut admin)
                            .await;
                    }
                }
            })
            .await;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .expect("create database");
        PgDatabase { name }
    }

    /// The database's URL as the test server's, for `user` (or the server's own user).
    pub fn url_as(&self, user: Option<&str>) -> String {
        let base = postgres_url();
        let (base, query) = base.split_once('?').unwrap_or((&base, ""));
        let (server, _) = base.rsplit_once('/').expect("a database in the URL");
        let server = match (user, server.split_once("://"), server.rsplit_once('@')) {
            (Some(user), Some((scheme, _)), Some((_, host))) => format!("{scheme}://{user}@{host}"),
            _ => server.to_owned(),
        };
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        format!("{server}/{}{query}", self.name)
    }

    /// A site's URL exactly as the README writes it: the schema alone on the search path.
    pub fn site_url(&self, schema: &str) -> String {
        let base = self.url_as(None);
        let separator = if base.contains('?') { '&' } else { '?' };
        format!("{base}{separator}options[search_path]={schema}")
    }

    /// A connection as the server's administrator.
    pub async fn admin(&self) -> sqlx::PgConnection {
        use sqlx::Connection;
        sqlx::PgConnection::connect(&self.url_as(None))
            .await
            .expect("connect to the test database")
    }

    pub async fn execute(&self, sql: &str) {
        let mut admin = self.admin().await;
        sqlx::raw_sql(sql)
            .execute(&mut admin)
            .await
            .unwrap_or_else(|error| panic!("{sql}: {error}"));
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let name = self.name.clone();
        let done = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async move {
                use sqlx::Connection;
                if let Ok(mut admin) = sqlx::PgConnection::connect(&postgres_url()).await {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut admin)
                        .await;
                }
            });
        });
        let _ = done.join();
    }
}

/// A loopback port nothing listens on, for a server started as its own process.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// xorshift64: concurrent readers that make the same choices in every run.
pub fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// A tiny SMTP relay for tests: accepts every message and keeps its text.
pub async fn fake_smtp() -> (u16, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let messages = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = messages.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let kept = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 fake relay\r\n").await;
                let mut in_data = false;
                let mut message = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            kept.lock()
                                .expect("lock")
                                .push(std::mem::take(&mut message));
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            message.push_str(&line);
                            message.push('\n');
                        }
                        continue;
                    }
                    let command = line.to_ascii_uppercase();
                    let answer: &[u8] = if command.starts_with("DATA") {
                        in_data = true;
                        b"354 go on\r\n"
                    } else if command.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = write.write_all(answer).await;
                }
            });
        }
    });
    (port, messages)
}
