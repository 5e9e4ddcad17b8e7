//! Reader reactions through the real server: one per reader, exact under concurrency,
//! limited, live, and working as a plain form post.

use std::collections::BTreeMap;
use std::time::Duration;

use newsdesk::config::RateLimit;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, attr, count, text, xorshift};

/// A reader with their own cookie jar of one cookie.
#[derive(Clone, Default)]
struct Reader {
    cookie: Option<String>,
}

impl Reader {
    async fn send(
        &mut self,
        app: &TestApp,
        method: Method,
        id: &Value,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = app
            .client
            .request(method, app.url(&format!("/api/v1/articles/{id}/reactions")));
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("send");
        if let Some(set) = response.headers().get("set-cookie") {
            let pair = set
                .to_str()
                .expect("ascii")
                .split(';')
                .next()
                .expect("pair")
                .to_owned();
            self.cookie = Some(pair);
        }
        let status = response.status();
        let body = response.json().await.unwrap_or(Value::Null);
        (status, body)
    }

    async fn react(&mut self, app: &TestApp, id: &Value, kind: &str) -> (StatusCode, Value) {
        self.send(app, Method::PUT, id, Some(json!({ "kind": kind })))
            .await
    }

    async fn take_back(&mut self, app: &TestApp, id: &Value) -> (StatusCode, Value) {
        self.send(app, Method::DELETE, id, None).await
    }
}

async fn unlimited() -> TestApp {
    TestApp::spawn_with(|s| {
        s.reaction_limit = RateLimit {
            burst: 1_000_000,
            per_minute: 1_000_000,
        };
    })
    .await
}

#[tokio::test]
async fn a_reader_can_set_change_and_take_back_their_reaction() {
    let app = unlimited().await;
    let article = app.published("Reactions story", "Body").await;
    let id = &article["id"];
    let mut reader = Reader::default();

    let (status, body) = reader.send(&app, Method::GET, id, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["mine"], Value::Null);
    let kinds: Vec<&String> = body["counts"].as_object().expect("counts").keys().collect();
    assert_eq!(kinds.len(), 7);
    assert!(reader.cookie.is_none(), "reading sets no cookie");

    let (status, body) = reader.react(&app, id, "love").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["counts"]["love"], 1);
    assert_eq!(body["mine"], "love");
    assert!(
        reader.cookie.is_some(),
        "the first write sets the reader cookie"
    );

    let (_, body) = reader.react(&app, id, "angry").await;
    assert_eq!(body["counts"]["love"], 0);
    assert_eq!(body["counts"]["angry"], 1);
    assert_eq!(body["mine"], "angry");

    let (_, body) = reader.react(&app, id, "angry").await;
    assert_eq!(body["counts"]["angry"], 1, "PUT is idempotent");

    let mut other = Reader::default();
    let (_, body) = other.react(&app, id, "angry").await;
    assert_eq!(body["counts"]["angry"], 2);

    let (_, body) = reader.take_back(&app, id).await;
    assert_eq!(body["counts"]["angry"], 1);
    assert_eq!(body["mine"], Value::Null);
    let (_, body) = reader.take_back(&app, id).await;
    assert_eq!(
        body["counts"]["angry"], 1,
        "taking back twice changes nothing"
    );

    let (_, body) = reader.send(&app, Method::GET, id, None).await;
    assert_eq!(body["mine"], Value::Null);
    let (_, body) = other.send(&app, Method::GET, id, None).await;
    assert_eq!(body["mine"], "angry");

    // The newsroom reads the totals with the article, alone or in a list.
    let (_, article) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    assert_eq!(article["reactions"]["angry"], 1);
    assert_eq!(article["reactions"]["like"], 0);
    let (_, list) = app
        .api(Method::GET, "/articles?status=published", None)
        .await;
    assert_eq!(list["items"][0]["reactions"]["angry"], 1);
}

#[tokio::test]
async fn bad_reactions_are_refused_clearly_and_change_nothing() {
    let app = unlimited().await;
    let article = app.published("Refusals", "Body").await;
    let id = &article["id"];
    let mut reader = Reader::default();
    reader.react(&app, id, "wow").await;

    let (status, problem) = reader.react(&app, id, "meh").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "kind");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("like, dislike, love")
    );

    let (status, problem) = reader
        .send(
            &app,
            Method::PUT,
            id,
            Some(json!({"kind": "love", "extra": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let (status, _) = reader
        .send(&app, Method::PUT, id, Some(json!(["love"])))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let (status, problem) = reader.react(&app, &json!(999_999), "love").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(problem["type"], "urn:newsdesk:problem:not-found");
    let (status, _) = reader.react(&app, &json!("abc"), "love").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let section = &article["section"]["slug"];
    let author = &article["authors"][0]["slug"];
    let (_, draft) = app
        .api(Method::POST, "/articles", Some(json!({"title": "Unpublished", "body": "x", "section": section, "authors": [author]})))
        .await;
    let (status, _) = reader.react(&app, &draft["id"], "love").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "drafts take no reactions");

    let response = app
        .client
        .put(app.url(&format!("/api/v1/articles/{id}/reactions")))
        .header("origin", "https://evil.example")
        .header("cookie", reader.cookie.clone().unwrap_or_default())
        .json(&json!({"kind": "sad"}))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );

    let (_, body) = reader.send(&app, Method::GET, id, None).await;
    assert_eq!(body["mine"], "wow");
    let total: i64 = body["counts"]
        .as_object()
        .expect("counts")
        .values()
        .filter_map(Value::as_i64)
        .sum();
    assert_eq!(total, 1, "nothing changed: {body}");
    assert_eq!(
        app.store
            .count_reaction_rows(article["id"].as_i64().expect("id"))
            .await
            .expect("rows")
            .values()
            .sum::<i64>(),
        1
    );
}

#[tokio::test]
async fn a_tampered_cookie_is_a_new_reader() {
    let app = unlimited().await;
    let article = app.published("Cookies", "Body").await;
    let id = &article["id"];
    let mut reader = Reader::default();
    reader.react(&app, id, "like").await;
    let cookie = reader.cookie.clone().expect("cookie");
    let (name_id, signature) = cookie.split_once('.').expect("signed");
    let forged = format!(
        "{}{}.{signature}",
        &name_id[..name_id.len() - 1],
        if name_id.ends_with('0') { "1" } else { "0" }
    );
    let mut forger = Reader {
        cookie: Some(forged.clone()),
    };
    let (_, body) = forger.react(&app, id, "like").await;
    assert_eq!(
        body["counts"]["like"], 2,
        "the forged id did not take over the reader's row"
    );
    assert_ne!(
        forger.cookie.as_deref(),
        Some(forged.as_str()),
        "a fresh cookie replaced it"
    );
}

#[tokio::test]
async fn clients_that_flood_reactions_are_limited() {
    let app = TestApp::spawn_with(|s| {
        s.reaction_limit = RateLimit {
            burst: 5,
            per_minute: 6,
        }
    })
    .await;
    let article = app.published("Flooded", "Body").await;
    let id = &article["id"];
    let mut limited = 0;
    let mut retry_after = None;
    for _ in 0..12 {
        // A bot that keeps no cookie is a new reader every time.
        let response = app
            .client
            .put(app.url(&format!("/api/v1/articles/{id}/reactions")))
            .json(&json!({"kind": "like"}))
            .send()
            .await
            .expect("send");
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            limited += 1;
            retry_after = response
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().expect("ascii").to_owned());
            let problem: Value = response.json().await.expect("json");
            assert!(problem["detail"].as_str().unwrap_or("").contains("wait"));
        }
    }
    assert_eq!(limited, 7);
    let seconds: u64 = retry_after.expect("Retry-After").parse().expect("seconds");
    assert!((1..=10).contains(&seconds));
    let counts = app
        .store
        .reaction_counts(article["id"].as_i64().expect("id"))
        .await
        .expect("counts");
    assert_eq!(
        counts.get("like"),
        Some(&5),
        "a cookieless bot added no more than the burst"
    );
}

#[tokio::test]
async fn the_article_page_shows_the_widget_with_true_counts() {
    let app = unlimited().await;
    let article = app.published("Widget story", "Body").await;
    let mut reader = Reader::default();
    reader.react(&app, &article["id"], "funny").await;
    let path = format!("/article/{}", article["slug"].as_str().expect("slug"));
    let (_, page) = app.page(&path).await;
    assert_eq!(
        text(&page, ".reactions h2").as_deref(),
        Some("What's Your Reaction?")
    );
    let labels: Vec<String> = page
        .select(&scraper::Selector::parse(".reactions button .reaction-label").expect("selector"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        labels,
        ["Like", "Dislike", "Love", "Funny", "Angry", "Sad", "Wow"]
    );
    assert_eq!(
        text(&page, "button[value=funny] .reaction-count").as_deref(),
        Some("1")
    );
    assert_eq!(
        text(&page, "button[value=like] .reaction-count").as_deref(),
        Some("0")
    );
    assert_eq!(
        count(&page, "button[aria-pressed=true]"),
        0,
        "a stranger sees no pressed button"
    );
    assert!(count(&page, "button .reaction-emoji") == 7);

    let html = app
        .client
        .get(app.url(&path))
        .header("cookie", reader.cookie.clone().expect("cookie"))
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    let mine = scraper::Html::parse_document(&html);
    assert_eq!(
        attr(&mine, "button[value=funny]", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(count(&mine, "button[aria-pressed=true]"), 1);
}

#[tokio::test]
async fn without_javascript_the_form_post_reacts_and_comes_back() {
    let app = unlimited().await;
    let article = app.published("No script story", "Body").await;
    let path = format!("/article/{}", article["slug"].as_str().expect("slug"));
    let post = |kind: &str, cookie: Option<&str>| {
        let mut request = app
            .client
            .post(app.url(&format!("{path}/react")))
            .header("origin", app.base.clone())
            .form(&[("kind", kind)]);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie.to_owned());
        }
        request.send()
    };
    let response = post("love", None).await.expect("send");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()["location"].to_str().expect("ascii"),
        format!("{path}#reactions")
    );
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
    let page = |cookie: String| {
        let client = app.client.clone();
        let url = app.url(&path);
        async move {
            let html = client
                .get(url)
                .header("cookie", cookie)
                .send()
                .await
                .expect("send")
                .text()
                .await
                .expect("text");
            scraper::Html::parse_document(&html)
        }
    };
    let html = page(cookie.clone()).await;
    assert_eq!(
        text(&html, "button[value=love] .reaction-count").as_deref(),
        Some("1")
    );
    assert_eq!(
        attr(&html, "button[value=love]", "aria-pressed").as_deref(),
        Some("true")
    );

    // Pressing the pressed button takes the reaction back.
    let response = post("love", Some(&cookie)).await.expect("send");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = page(cookie.clone()).await;
    assert_eq!(
        text(&html, "button[value=love] .reaction-count").as_deref(),
        Some("0")
    );
    assert_eq!(count(&html, "button[aria-pressed=true]"), 0);

    let response = app
        .client
        .post(app.url(&format!("{path}/react")))
        .header("origin", "https://evil.example")
        .form(&[("kind", "love")])
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let refused = scraper::Html::parse_document(&response.text().await.expect("text"));
    assert!(
        text(&refused, "main")
            .unwrap_or_default()
            .contains("another website")
    );

    let response = post("meh", Some(&cookie)).await.expect("send");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_site_can_rename_reorder_and_drop_reactions() {
    use newsdesk::config::ReactionOption;
    use newsdesk::domain::ReactionKind;
    let app = TestApp::spawn_with(|s| {
        s.reactions = vec![
            ReactionOption {
                kind: ReactionKind::parse("wow").expect("kind"),
                label: "Whoa".into(),
                emoji: "🤯".into(),
            },
            ReactionOption {
                kind: ReactionKind::parse("like").expect("kind"),
                label: "Like".into(),
                emoji: "👍".into(),
            },
        ];
    })
    .await;
    let article = app.published("Custom reactions", "Body").await;
    let (_, page) = app
        .page(&format!(
            "/article/{}",
            article["slug"].as_str().expect("slug")
        ))
        .await;
    let labels: Vec<String> = page
        .select(&scraper::Selector::parse(".reaction-label").expect("selector"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(labels, ["Whoa", "Like"]);
    let mut reader = Reader::default();
    let (status, _) = reader.react(&app, &article["id"], "love").await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a dropped kind is refused"
    );
}

#[tokio::test]
async fn readers_with_the_page_open_see_reactions_arrive_live() {
    let app = unlimited().await;
    let article = app.published("Live story", "Body").await;
    let id = &article["id"];
    let mut stream = app
        .client
        .get(app.url(&format!("/api/v1/articles/{id}/live")))
        .send()
        .await
        .expect("stream");
    assert_eq!(stream.status(), StatusCode::OK);
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let mut seen = String::new();
    let first = tokio::time::timeout(Duration::from_secs(2), stream.chunk())
        .await
        .expect("first event")
        .expect("chunk")
        .expect("bytes");
    seen.push_str(&String::from_utf8_lossy(&first));
    assert!(
        seen.contains("event: update") && seen.contains("\"love\":0"),
        "{seen}"
    );

    let mut reader = Reader::default();
    reader.react(&app, id, "love").await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    while !seen.contains("\"love\":1") {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .expect("update within 2 s")
            .expect("chunk")
            .expect("bytes");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
}

/// A tiny deterministic generator, so each client's choices differ without a crate.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn counts_stay_exact_under_32_concurrent_readers() {
    let app = std::sync::Arc::new(unlimited().await);
    let article = app.published("Breaking story", "Body").await;
    let id = article["id"].clone();
    let kinds = ["like", "dislike", "love", "funny", "angry", "sad", "wow"];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(4);
    let mut clients = Vec::new();
    for n in 0..32u64 {
        let app = app.clone();
        let id = id.clone();
        clients.push(tokio::spawn(async move {
            let mut reader = Reader::default();
            let mut seed = 0x9E37_79B9_7F4A_7C15 ^ (n + 1);
            let mut belief: Option<String> = None;
            let mut writes = 0;
            while tokio::time::Instant::now() < deadline {
                let roll = xorshift(&mut seed);
                let (status, body) = if roll.is_multiple_of(4) {
                    reader.take_back(&app, &id).await
                } else {
                    let kind = kinds[(roll / 4 % 7) as usize];
                    reader.react(&app, &id, kind).await
                };
                assert_eq!(status, StatusCode::OK, "{body}");
                belief = body["mine"].as_str().map(str::to_owned);
                writes += 1;
            }
            (belief, writes)
        }));
    }
    let mut believed: BTreeMap<String, i64> = BTreeMap::new();
    let mut writes = 0;
    for client in clients {
        let (belief, n) = client.await.expect("client");
        writes += n;
        if let Some(kind) = belief {
            *believed.entry(kind).or_default() += 1;
        }
    }
    assert!(writes > 32 * 5, "enough contention: {writes} writes");
    let article_id = id.as_i64().expect("id");
    let kept: BTreeMap<String, i64> = app
        .store
        .reaction_counts(article_id)
        .await
        .expect("counts")
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    let rows = app
        .store
        .count_reaction_rows(article_id)
        .await
        .expect("rows");
    assert_eq!(kept, rows, "totals equal the readers' rows");
    assert_eq!(
        kept, believed,
        "totals equal what the readers believe they left"
    );
    let (_, body) = Reader::default().send(&app, Method::GET, &id, None).await;
    for (kind, n) in &believed {
        assert_eq!(body["counts"][kind], *n);
    }
}

/// `n` reaction buttons as the API takes them: `kind-1`, `kind-2`...
fn many_reactions(n: usize) -> Value {
    Value::Array(
        (1..=n)
            .map(|i| json!({"kind": format!("kind-{i}"), "label": format!("Kind {i}"), "emoji": "👍"}))
            .collect(),
    )
}

#[tokio::test]
async fn the_api_refuses_more_reactions_or_longer_names_than_a_page_can_carry() {
    let app = TestApp::spawn().await;
    let refused = |reactions: Value, limit: &'static str| {
        let app = &app;
        async move {
            let (status, problem) = app
                .api(
                    Method::PATCH,
                    "/settings",
                    Some(json!({ "reactions": reactions })),
                )
                .await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{}",
                problem["detail"]
            );
            assert_eq!(problem["type"], "urn:newsdesk:problem:validation");
            let errors = problem["errors"].as_array().expect("errors");
            assert_eq!(
                errors.len(),
                1,
                "one message, however long the list: {problem}"
            );
            assert_eq!(errors[0]["field"], "reactions");
            let message = errors[0]["message"].as_str().unwrap_or("");
            assert!(message.contains(limit), "{message} should name {limit}");
        }
    };
    // What made every story page 4 MB.
    refused(many_reactions(12_000), "at most 12").await;
    refused(many_reactions(13), "at most 12").await;
    refused(
        json!([{"kind": "like", "label": "L".repeat(41)}]),
        "1 to 40 characters",
    )
    .await;
    refused(
        json!([{"kind": "like", "emoji": "👍".repeat(9)}]),
        "at most 32 bytes",
    )
    .await;
    refused(json!([{"kind": "k".repeat(25)}]), "up to 24").await;

    let (status, saved) = app
        .api(
            Method::PATCH,
            "/settings",
            Some(json!({ "reactions": many_reactions(12) })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "twelve is allowed: {saved}");
    assert_eq!(saved["reactions"].as_array().map(Vec::len), Some(12));
}

#[tokio::test]
async fn the_settings_page_refuses_a_thirteenth_reaction_and_keeps_the_list() {
    let app = TestApp::spawn().await;
    let session = app
        .sign_in("admin@example.com", crate::helpers::PASSWORD)
        .await;
    // Reactions are edited as rows: kind, label, emoji and order.
    let rows: Vec<(String, String, String)> = (1..=13)
        .map(|i| (format!("kind-{i}"), format!("Kind {i}"), i.to_string()))
        .collect();
    let mut fields: Vec<(&str, &str)> = vec![("site_title", "Newsdesk")];
    for (kind, label, order) in &rows {
        fields.extend([
            ("reaction_kind", kind.as_str()),
            ("reaction_label", label.as_str()),
            ("reaction_emoji", "👍"),
            ("reaction_order", order.as_str()),
        ]);
    }
    let response = session.post("/admin/settings", &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = scraper::Html::parse_document(&response.text().await.expect("page"));
    let kinds = scraper::Selector::parse("input[name=reaction_kind]").expect("selector");
    let typed: Vec<String> = html
        .select(&kinds)
        .filter_map(|e| e.value().attr("value").map(str::to_owned))
        .filter(|v| !v.is_empty())
        .collect();
    assert_eq!(typed.len(), 13, "the list comes back as typed");
    assert_eq!(typed[12], "kind-13");
    let message = text(&html, "#e-reactions").expect("message by the field");
    assert!(message.contains("at most 12"), "{message}");
    let (_, settings) = app.api(Method::GET, "/settings", None).await;
    assert_eq!(settings["reactions"].as_array().map(Vec::len), Some(7));
}
