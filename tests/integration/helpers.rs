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
    shutdown: Option<oneshot::Sender<()>>,
    served: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// Starts a server after `configure` has adjusted its settings.
    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
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
        configure(&mut settings);
        let server = Server::with_listener(settings, listener)
            .await
            .expect("server");
        let store = server.store();
        let token = admin_token(store.as_ref(), "admin@example.com").await;
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
            token,
            store,
            data,
            shutdown: Some(tx),
            served: Some(served),
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

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Adds a user with a role and returns a fresh API token for them.
pub async fn user_token(store: &dyn Store, email: &str, role: &str) -> String {
    let newsroom = Newsroom::new(store);
    newsroom
        .add_user(
            email,
            "Test Person",
            role,
            "a long enough password",
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

pub fn count(html: &Html, selector: &str) -> usize {
    let selector = Selector::parse(selector).expect("selector");
    html.select(&selector).count()
}
