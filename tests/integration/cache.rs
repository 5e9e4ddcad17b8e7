//! The page cache seen from outside: every change shows on the next request (reaction
//! counts within the documented second), no reader sees another's state, conditional
//! requests and compression follow RFC 9110, and a stampede renders a page once.

use std::io::Read;
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, attr, text};

fn path_of(article: &Value) -> String {
    format!("/article/{}", article["slug"].as_str().expect("slug"))
}

async fn page_text(app: &TestApp, path: &str) -> (StatusCode, String, String) {
    let response = app.get(path).await;
    let status = response.status();
    let label = response
        .headers()
        .get("x-cache")
        .map(|v| v.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
    (status, label, response.text().await.expect("text"))
}

async fn renders(app: &TestApp) -> u64 {
    let metrics = app.get("/metrics").await.text().await.expect("metrics");
    metrics
        .lines()
        .find_map(|l| l.strip_prefix("newsdesk_page_renders_total "))
        .and_then(|n| n.trim().parse().ok())
        .expect("renders metric")
}

#[tokio::test]
async fn each_kind_of_change_shows_on_the_next_request() {
    let app = TestApp::spawn().await;
    let article = app.published("Cached story", "First text.").await;
    let path = path_of(&article);
    let (_, first, _) = page_text(&app, &path).await;
    let (_, second, body) = page_text(&app, &path).await;
    assert_eq!((first.as_str(), second.as_str()), ("MISS", "HIT"));
    assert!(body.contains("First text."));
    page_text(&app, "/").await;

    // Edit.
    let id = &article["id"];
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"body": "Second text.", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, body) = page_text(&app, &path).await;
    assert!(body.contains("Second text.") && !body.contains("First text."));

    // Publish: a new story is on the front page at once.
    let other = app.published("Fresh story", "New.").await;
    let (_, _, home) = page_text(&app, "/").await;
    assert!(home.contains("Fresh story"));

    // Comment approved: the count moves.
    let (_, comment) = {
        let response = app
            .client
            .post(app.url(&format!("/api/v1/articles/{id}/comments")))
            .json(&json!({"author_name": "A", "body": "Hi"}))
            .send()
            .await
            .expect("post");
        ((), response.json::<Value>().await.expect("json"))
    };
    page_text(&app, &path).await;
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/comments/{}", comment["id"]),
            Some(json!({"status": "approved"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, body) = page_text(&app, &path).await;
    let page = scraper::Html::parse_document(&body);
    assert_eq!(
        text(&page, ".story-head .comment-count-value").as_deref(),
        Some("1")
    );

    // Reaction: anonymous readers see it within the documented second.
    let response = app
        .client
        .put(app.url(&format!("/api/v1/articles/{id}/reactions")))
        .json(&json!({"kind": "wow"}))
        .send()
        .await
        .expect("react");
    assert_eq!(response.status(), StatusCode::OK);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    loop {
        let (_, _, body) = page_text(&app, &path).await;
        let page = scraper::Html::parse_document(&body);
        if text(&page, "button[value=wow] .reaction-count").as_deref() == Some("1") {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "reaction count lagged more than the bound"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Unpublish and delete.
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"status": "draft", "version": 2})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = page_text(&app, &path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .api(Method::DELETE, &format!("/articles/{}", other["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, _, home) = page_text(&app, "/").await;
    assert!(!home.contains("Fresh story"));
}

#[tokio::test]
async fn scheduled_publishing_clears_the_cache() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let author = app.author("Jane").await;
    page_text(&app, "/").await;
    let at = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(2);
    let (status, _) = app
        .api(Method::POST, "/articles", Some(json!({"title": "Timed story", "body": "x", "section": section["slug"], "authors": [author["slug"]], "status": "scheduled", "published_at": at.to_string()})))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(6);
    loop {
        let (_, _, home) = page_text(&app, "/").await;
        if home.contains("Timed story") {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the scheduled story never reached the cached home page"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn no_reader_sees_another_readers_reaction() {
    let app = TestApp::spawn().await;
    let article = app.published("Shared page", "Body").await;
    let path = path_of(&article);
    let id = &article["id"];
    let mut cookies = Vec::new();
    for kind in ["love", "angry"] {
        let response = app
            .client
            .put(app.url(&format!("/api/v1/articles/{id}/reactions")))
            .json(&json!({"kind": kind}))
            .send()
            .await
            .expect("react");
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .split(';')
            .next()
            .expect("pair")
            .to_owned();
        cookies.push((kind, cookie));
    }
    for _ in 0..3 {
        for (kind, cookie) in &cookies {
            let response = app
                .client
                .get(app.url(&path))
                .header("cookie", cookie)
                .send()
                .await
                .expect("get");
            assert_eq!(response.headers()["cache-control"], "private, no-cache");
            let page = scraper::Html::parse_document(&response.text().await.expect("text"));
            let pressed: Vec<String> = page
                .select(&scraper::Selector::parse("button[aria-pressed=true]").expect("selector"))
                .filter_map(|b| b.value().attr("value").map(str::to_owned))
                .collect();
            assert_eq!(
                pressed,
                [kind.to_string()],
                "each reader sees only their own reaction"
            );
            assert_eq!(
                text(&page, "button[value=love] .reaction-count").as_deref(),
                Some("1")
            );
            assert_eq!(
                text(&page, "button[value=angry] .reaction-count").as_deref(),
                Some("1")
            );
        }
        let (_, label, body) = page_text(&app, &path).await;
        assert!(
            label == "HIT" || label == "MISS" || label == "STALE",
            "{label}"
        );
        let page = scraper::Html::parse_document(&body);
        assert!(
            attr(&page, "button[aria-pressed=true]", "value").is_none(),
            "a stranger sees no pressed button"
        );
    }
}

fn gunzip(bytes: &[u8]) -> String {
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut out)
        .expect("gunzip");
    out
}

#[tokio::test]
async fn conditional_requests_and_compression_follow_rfc_9110() {
    let app = TestApp::spawn().await;
    let article = app.published("Negotiated", "Body").await;
    let path = path_of(&article);
    let plain = app
        .client
        .get(app.url(&path))
        .header("accept-encoding", "identity")
        .send()
        .await
        .expect("get");
    assert!(plain.headers().get("content-encoding").is_none());
    let vary = plain.headers()["vary"].to_str().expect("vary").to_owned();
    assert!(vary.contains("Accept-Encoding"), "{vary}");
    assert!(
        plain.headers()["cache-control"]
            .to_str()
            .expect("cc")
            .contains("stale-while-revalidate")
    );
    let plain_etag = plain.headers()["etag"].to_str().expect("etag").to_owned();
    let plain_body = plain.text().await.expect("text");

    let gz = app
        .client
        .get(app.url(&path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("get");
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    let gz_etag = gz.headers()["etag"].to_str().expect("etag").to_owned();
    assert_ne!(
        gz_etag, plain_etag,
        "each representation has its own strong ETag"
    );
    assert_eq!(gunzip(&gz.bytes().await.expect("bytes")), plain_body);

    let br = app
        .client
        .get(app.url(&path))
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .expect("get");
    assert_eq!(br.headers()["content-encoding"], "br");
    let mut decoded = Vec::new();
    brotli::BrotliDecompress(&mut &br.bytes().await.expect("bytes")[..], &mut decoded)
        .expect("unbrotli");
    assert_eq!(String::from_utf8(decoded).expect("utf8"), plain_body);

    let refused = app
        .client
        .get(app.url(&path))
        .header("accept-encoding", "br;q=0, gzip")
        .send()
        .await
        .expect("get");
    assert_eq!(refused.headers()["content-encoding"], "gzip");

    let again = app
        .client
        .get(app.url(&path))
        .header("accept-encoding", "gzip")
        .header("if-none-match", &gz_etag)
        .send()
        .await
        .expect("get");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().expect("etag"), gz_etag);
    assert!(
        again.headers()["vary"]
            .to_str()
            .expect("vary")
            .contains("Accept-Encoding")
    );
    assert!(again.bytes().await.expect("bytes").is_empty());

    let head = app
        .client
        .head(app.url(&path))
        .header("accept-encoding", "identity")
        .send()
        .await
        .expect("head");
    assert_eq!(head.status(), StatusCode::OK);
    assert_eq!(head.headers()["etag"].to_str().expect("etag"), plain_etag);

    // Uncached answers are compressed on the fly, with Vary.
    let api = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("get");
    assert_eq!(api.headers()["content-encoding"], "gzip");
    assert!(
        api.headers()["vary"]
            .to_str()
            .expect("vary")
            .to_lowercase()
            .contains("accept-encoding")
    );

    // Theme files have fingerprinted names and a year's lifetime.
    let page = scraper::Html::parse_document(&plain_body);
    let css = attr(&page, "link[rel=stylesheet]", "href").expect("stylesheet");
    assert!(
        css.starts_with("/static/style.") && css.len() > "/static/style.css".len(),
        "{css}"
    );
    let asset = app.get(&css).await;
    assert_eq!(
        asset.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_stampede_after_an_edit_renders_the_page_once() {
    let app = std::sync::Arc::new(TestApp::spawn().await);
    let article = app.published("Breaking", "Body").await;
    let path = path_of(&article);
    page_text(&app, &path).await;
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", article["id"]),
            Some(json!({"body": "Update", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let before = renders(&app).await;
    let mut requests = Vec::new();
    for _ in 0..200 {
        let app = app.clone();
        let path = path.clone();
        requests.push(tokio::spawn(async move {
            let response = app.get(&path).await;
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.expect("text").contains("Update")
        }));
    }
    for request in requests {
        assert!(request.await.expect("request"), "every reader saw the edit");
    }
    let rendered = renders(&app).await - before;
    assert!(
        (1..=2).contains(&rendered),
        "{rendered} renders for 200 concurrent requests"
    );
}

#[tokio::test]
async fn with_the_cache_off_pages_are_rendered_every_time() {
    let app = TestApp::spawn_with(|s| s.page_cache = false).await;
    let article = app.published("Uncached", "Body").await;
    let (status, label, _) = page_text(&app, &path_of(&article)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(label, "");
}
