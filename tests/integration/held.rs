//! What every reader's page shows beside its own content, held in memory between changes:
//! the breaking-news banner and the Most read / Most reacted lists. With the page cache
//! on, a story taken down leaves the banner and the lists on the very next request, and a
//! headline changed there shows at once. Sitemaps and Content API answers say what they
//! show, so a change elsewhere leaves them cached.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::TestApp;

async fn fetch(app: &TestApp, path: &str) -> (String, String) {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let label = response
        .headers()
        .get("x-cache")
        .map(|v| v.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
    (label, response.text().await.expect("text"))
}

/// Asks for each page until it is cached.
async fn warm(app: &TestApp, paths: &[&str]) {
    for path in paths {
        for _ in 0..2 {
            fetch(app, path).await;
        }
    }
}

async fn react(app: &TestApp, id: &Value) {
    let response = app
        .client
        .put(app.url(&format!("/api/v1/articles/{id}/reactions")))
        .json(&json!({"kind": "like"}))
        .send()
        .await
        .expect("react");
    let status = response.status();
    assert_eq!(
        status,
        StatusCode::OK,
        "{}",
        response.text().await.expect("text")
    );
}

async fn patch(app: &TestApp, id: &Value, body: Value) {
    let (status, changed) = app
        .api(Method::PATCH, &format!("/articles/{id}"), Some(body))
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
}

/// The most reacted list on the home page, as text.
fn reacted(home: &str) -> &str {
    home.split("id=\"most-reacted-heading\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or("")
}

fn banner(page: &str) -> Option<&str> {
    let rest = page.split("breaking-title\">").nth(1)?;
    rest.split('<').next().filter(|title| !title.is_empty())
}

#[tokio::test]
async fn a_story_taken_down_leaves_the_banner_and_popular_lists_at_once() {
    let app = TestApp::spawn().await;
    let lead = app.published("Bridge closed after crash", "Body.").await;
    let other = app.published("Ferry timetable", "Body.").await;
    let quiet = app.published("Quiet story", "Body.").await;
    react(&app, &lead["id"]).await;
    react(&app, &other["id"]).await;
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/articles/{}/breaking", lead["id"]),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let quiet_page = format!("/article/{}", quiet["slug"].as_str().expect("slug"));
    let pages = ["/", quiet_page.as_str()];
    warm(&app, &pages).await;
    let (label, home) = fetch(&app, "/").await;
    assert_eq!(label, "HIT");
    assert_eq!(banner(&home), Some("Bridge closed after crash"));
    assert!(
        reacted(&home).contains("Bridge closed after crash"),
        "{home}"
    );
    assert!(reacted(&home).contains("Ferry timetable"));
    let (_, page) = fetch(&app, &quiet_page).await;
    assert_eq!(banner(&page), Some("Bridge closed after crash"));

    // A new headline for the story in the banner and the lists: shown everywhere at once.
    patch(
        &app,
        &lead["id"],
        json!({"title": "Bridge reopens", "version": 1}),
    )
    .await;
    let (_, home) = fetch(&app, "/").await;
    assert_eq!(banner(&home), Some("Bridge reopens"));
    assert!(reacted(&home).contains("Bridge reopens"), "{home}");
    assert!(!home.contains("Bridge closed after crash"));
    let (_, page) = fetch(&app, &quiet_page).await;
    assert_eq!(banner(&page), Some("Bridge reopens"));

    // Unpublished: out of the banner and the lists on the next request.
    warm(&app, &pages).await;
    patch(&app, &lead["id"], json!({"status": "draft", "version": 2})).await;
    for path in pages {
        let (_, page) = fetch(&app, path).await;
        assert_eq!(banner(&page), None, "{path} still shows the banner");
        assert!(
            !page.contains("Bridge reopens"),
            "{path} still shows the story"
        );
    }
    let (_, home) = fetch(&app, "/").await;
    assert!(reacted(&home).contains("Ferry timetable"));

    // Deleted: out of the lists at once.
    warm(&app, &pages).await;
    let (status, body) = app
        .api(Method::DELETE, &format!("/articles/{}", other["id"]), None)
        .await;
    assert!(status.is_success(), "{status} {body}");
    let (_, home) = fetch(&app, "/").await;
    assert!(!home.contains("Ferry timetable"), "{home}");
}

#[tokio::test]
async fn pages_stop_asking_for_the_banner_and_popular_lists_on_every_request() {
    let app = TestApp::spawn_with(|settings| settings.page_cache = false).await;
    let story = app.published("Counted story", "Body.").await;
    react(&app, &story["id"]).await;
    let path = format!("/article/{}", story["slug"].as_str().expect("slug"));
    fetch(&app, &path).await;
    let before = app.store.statements();
    for _ in 0..5 {
        fetch(&app, "/").await;
    }
    let home = (app.store.statements() - before) / 5;
    let before = app.store.statements();
    fetch(&app, &path).await;
    let article = app.store.statements() - before;
    // The home page's own statements (the front page's lists, counts) and the article's;
    // the banner and the four popular lists come from memory.
    assert!(home <= 8, "home took {home} statements");
    assert!(article <= 8, "article took {article} statements");
}

#[tokio::test]
async fn sitemaps_and_content_api_answers_stay_cached_through_changes_they_do_not_show() {
    let app = TestApp::spawn().await;
    let (alpha, beta) = crate::invalidation::two_corners(&app).await;
    let (status, made) = app
        .api(
            Method::POST,
            "/integrations",
            Some(json!({"name": "Front end"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let key = made["content_api_key"].as_str().expect("key");
    let alpha_post = format!("/ghost/api/content/posts/slug/alpha-story/?key={key}");
    let posts = format!("/ghost/api/content/posts/?key={key}&include=tags,authors");
    let filtered = format!("/ghost/api/content/posts/?key={key}&filter=tag:alpha-topic");
    let settings = format!("/ghost/api/content/settings/?key={key}");
    let cached = [
        alpha_post.as_str(),
        posts.as_str(),
        settings.as_str(),
        "/sitemaps/pages.xml",
        "/sitemaps/articles-1.xml",
        "/sitemap.xml",
    ];
    warm(&app, &cached).await;
    warm(&app, &[filtered.as_str()]).await;

    // Beta's words change: only what shows Beta (and answers that cannot tell) go.
    patch(
        &app,
        &beta["id"],
        json!({"body": "Beta in new words.", "version": 1}),
    )
    .await;
    for path in [
        alpha_post.as_str(),
        settings.as_str(),
        "/sitemaps/pages.xml",
        "/sitemap.xml",
    ] {
        let (label, _) = fetch(&app, path).await;
        assert_eq!(
            label, "HIT",
            "{path} was dropped by a change it does not show"
        );
    }
    for path in [
        posts.as_str(),
        "/sitemaps/articles-1.xml",
        filtered.as_str(),
    ] {
        let (label, _) = fetch(&app, path).await;
        assert_ne!(label, "HIT", "{path} shows Beta and was kept");
    }

    // Alpha's headline: its own answer shows it at once.
    warm(&app, &cached).await;
    patch(
        &app,
        &alpha["id"],
        json!({"title": "Alpha renamed", "version": 1}),
    )
    .await;
    let (label, body) = fetch(&app, &alpha_post).await;
    assert_ne!(label, "HIT");
    assert!(body.contains("Alpha renamed"), "{body}");
    let (_, body) = fetch(&app, &posts).await;
    assert!(body.contains("Alpha renamed"), "{body}");

    // A tag renamed: the pages sitemap names it again; the articles sitemap stays.
    warm(&app, &cached).await;
    let tag = &alpha["tags"][0]["id"];
    let (status, renamed) = app
        .api(
            Method::PATCH,
            &format!("/tags/{tag}"),
            Some(json!({"name": "Alpha matters", "slug": "alpha-matters"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{renamed}");
    let (label, body) = fetch(&app, "/sitemaps/pages.xml").await;
    assert_ne!(label, "HIT");
    assert!(body.contains("/tag/alpha-matters"), "{body}");
    let (label, _) = fetch(&app, "/sitemaps/articles-1.xml").await;
    assert_eq!(label, "HIT");

    // A new story: the index and the article lists show it.
    warm(&app, &cached).await;
    let (status, body) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({"title": "Gamma story", "body": "Gamma in words.",
                "section": "alpha-desk", "authors": ["alma-writer"], "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, body) = fetch(&app, "/sitemaps/articles-1.xml").await;
    assert!(body.contains("gamma-story"), "{body}");
    let (_, body) = fetch(&app, &posts).await;
    assert!(body.contains("Gamma story"));
}
