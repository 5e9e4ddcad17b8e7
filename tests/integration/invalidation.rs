//! Invalidation by what changed, with the page cache on: after each kind of change, every
//! page that shows it shows it on the next request, and a page that does not show it is
//! still served from the cache (a hit).

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::TestApp;

async fn fetch(app: &TestApp, path: &str) -> (StatusCode, String, String) {
    let response = app.get(path).await;
    let status = response.status();
    let label = response
        .headers()
        .get("x-cache")
        .map(|v| v.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
    (status, label, response.text().await.expect("text"))
}

/// Asks for each page until it is cached, so a later `MISS` means the change dropped it.
async fn warm(app: &TestApp, paths: &[&str]) {
    for path in paths {
        for _ in 0..2 {
            let (status, _, _) = fetch(app, path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
        }
    }
}

async fn shows(app: &TestApp, path: &str, wanted: &str) {
    let (status, _, body) = fetch(app, path).await;
    assert_eq!(status, StatusCode::OK, "{path}");
    assert!(body.contains(wanted), "{path} does not show {wanted:?}");
}

async fn lacks(app: &TestApp, path: &str, unwanted: &str) {
    let (_, _, body) = fetch(app, path).await;
    assert!(!body.contains(unwanted), "{path} still shows {unwanted:?}");
}

async fn still_cached(app: &TestApp, paths: &[&str]) {
    for path in paths {
        let (status, label, _) = fetch(app, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            label, "HIT",
            "{path} was dropped by a change it does not show"
        );
    }
}

async fn create(app: &TestApp, path: &str, body: Value) -> Value {
    let (status, created) = app.api(Method::POST, path, Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created
}

async fn change(app: &TestApp, path: &str, body: Value) -> Value {
    let (status, changed) = app.api(Method::PATCH, path, Some(body)).await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    changed
}

/// Two corners of a site that share nothing: a story in each, with its own section, tag
/// and author. Returns the two stories.
pub async fn two_corners(app: &TestApp) -> (Value, Value) {
    for (section, author) in [("Alpha desk", "Alma Writer"), ("Beta desk", "Bert Writer")] {
        let slug = section.to_lowercase().replace(' ', "-");
        create(app, "/sections", json!({"name": section, "slug": slug})).await;
        let slug = author.to_lowercase().replace(' ', "-");
        create(app, "/authors", json!({"name": author, "slug": slug})).await;
    }
    let story = |title: &str, section: &str, tag: &str, author: &str| {
        json!({
            "title": title,
            "slug": title.to_lowercase().replace(' ', "-"),
            "body": format!("{title} in words."),
            "section": section,
            "tags": [tag],
            "authors": [author],
            "status": "published",
        })
    };
    let a = create(
        app,
        "/articles",
        story("Alpha story", "alpha-desk", "Alpha topic", "alma-writer"),
    )
    .await;
    let b = create(
        app,
        "/articles",
        story("Beta story", "beta-desk", "Beta topic", "bert-writer"),
    )
    .await;
    (a, b)
}

const ALPHA: &[&str] = &[
    "/article/alpha-story",
    "/section/alpha-desk",
    "/tag/alpha-topic",
    "/author/alma-writer",
];
const BETA: &[&str] = &[
    "/article/beta-story",
    "/section/beta-desk",
    "/tag/beta-topic",
    "/author/bert-writer",
    "/section/beta-desk/feed.xml",
];
const SITE: &[&str] = &["/", "/feed.xml", "/atom.xml"];

fn all() -> Vec<&'static str> {
    ALPHA.iter().chain(BETA).chain(SITE).copied().collect()
}

#[tokio::test]
async fn a_change_drops_the_pages_that_show_it_and_only_those() {
    let app = TestApp::spawn().await;
    let (alpha, _beta) = two_corners(&app).await;
    let id = alpha["id"].as_i64().expect("id");

    // Edit a story's words: its page, its lists and the feeds show them.
    warm(&app, &all()).await;
    change(
        &app,
        &format!("/articles/{id}"),
        json!({"title": "Alpha story retold", "version": 1}),
    )
    .await;
    for path in ALPHA.iter().chain(SITE) {
        shows(&app, path, "Alpha story retold").await;
    }
    still_cached(&app, BETA).await;

    // Approve a comment: the story's page and the counts on its lists.
    let response = app
        .client
        .post(app.url(&format!("/api/v1/articles/{id}/comments")))
        .json(&json!({"author_name": "Reader", "body": "A fine alpha comment"}))
        .send()
        .await
        .expect("comment");
    let comment: Value = response.json().await.expect("json");
    warm(&app, &all()).await;
    change(
        &app,
        &format!("/comments/{}", comment["id"]),
        json!({"status": "approved"}),
    )
    .await;
    shows(&app, "/article/alpha-story", "A fine alpha comment").await;
    shows(&app, "/section/alpha-desk", "1 comment<").await;
    // The home page lists the story (its count shows on the lead only): it is rendered again.
    let (_, label, _) = fetch(&app, "/").await;
    assert_ne!(label, "HIT", "the home page lists the story");
    still_cached(&app, BETA).await;

    // Publish a new story in the alpha corner: on the lists it joins.
    warm(&app, &all()).await;
    let fresh = create(
        &app,
        "/articles",
        json!({
            "title": "Alpha sequel",
            "body": "More alpha.",
            "section": "alpha-desk",
            "tags": ["Alpha topic"],
            "authors": ["alma-writer"],
            "status": "published",
        }),
    )
    .await;
    for path in ALPHA.iter().chain(SITE) {
        shows(&app, path, "Alpha sequel").await;
    }
    still_cached(&app, BETA).await;

    // Unpublish it: gone from every list, its page answers 404.
    warm(&app, &all()).await;
    warm(&app, &["/article/alpha-sequel"]).await;
    change(
        &app,
        &format!("/articles/{}", fresh["id"]),
        json!({"status": "draft", "version": 1}),
    )
    .await;
    for path in ALPHA.iter().chain(SITE) {
        lacks(&app, path, "Alpha sequel").await;
    }
    let (status, _, _) = fetch(&app, "/article/alpha-sequel").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    still_cached(&app, BETA).await;

    // Rename a tag: the pages naming it.
    warm(&app, &all()).await;
    let tag = alpha["tags"][0]["id"].clone();
    change(
        &app,
        &format!("/tags/{tag}"),
        json!({"name": "Alpha matters"}),
    )
    .await;
    shows(&app, "/article/alpha-story", "Alpha matters").await;
    shows(&app, "/tag/alpha-topic", "Alpha matters").await;
    still_cached(&app, BETA).await;

    // Rename an author: every byline, and their page.
    warm(&app, &all()).await;
    let author = alpha["authors"][0]["id"].clone();
    change(
        &app,
        &format!("/authors/{author}"),
        json!({"name": "Alma Renamed"}),
    )
    .await;
    for path in [
        "/article/alpha-story",
        "/section/alpha-desk",
        "/author/alma-writer",
    ] {
        shows(&app, path, "Alma Renamed").await;
    }
    // The home page lists the story (bylines show on the lead only): it is rendered again.
    let (_, label, _) = fetch(&app, "/").await;
    assert_ne!(label, "HIT", "the home page lists the author's story");
    still_cached(&app, BETA).await;

    // Rename a section: it is in every page's navigation.
    warm(&app, &all()).await;
    let section = alpha["section"]["id"].clone();
    change(
        &app,
        &format!("/sections/{section}"),
        json!({"name": "Alpha quarter"}),
    )
    .await;
    for path in ["/article/beta-story", "/section/alpha-desk", "/"] {
        shows(&app, path, "Alpha quarter").await;
    }

    // Settings: every page.
    warm(&app, &all()).await;
    change(
        &app,
        "/settings",
        json!({"site_title": "The Renamed Gazette"}),
    )
    .await;
    for path in ["/article/beta-story", "/section/beta-desk", "/"] {
        shows(&app, path, "The Renamed Gazette").await;
    }
}

#[tokio::test]
async fn a_cached_search_shows_every_change_to_the_stories_it_may_list() {
    let app = TestApp::spawn().await;
    let (alpha, beta) = two_corners(&app).await;
    let search = "/search?q=alpha";
    warm(&app, &[search]).await;
    let (_, label, body) = fetch(&app, search).await;
    assert_eq!(label, "HIT", "a repeated search is served from the cache");
    assert!(body.contains("Alpha story") && !body.contains("Beta story"));

    // A new story with the word is found on the next request.
    create(
        &app,
        "/articles",
        json!({
            "title": "Alpha sequel",
            "body": "More alpha.",
            "section": "alpha-desk",
            "authors": ["alma-writer"],
            "status": "published",
        }),
    )
    .await;
    shows(&app, search, "Alpha sequel").await;

    // A story elsewhere that now carries the word: any story may join the results.
    warm(&app, &[search]).await;
    change(
        &app,
        &format!("/articles/{}", beta["id"]),
        json!({"title": "Beta meets alpha", "version": 1}),
    )
    .await;
    shows(&app, search, "Beta meets alpha").await;

    // A story taken down leaves the results at once.
    warm(&app, &[search]).await;
    change(
        &app,
        &format!("/articles/{}", alpha["id"]),
        json!({"status": "draft", "version": 1}),
    )
    .await;
    lacks(&app, search, "Alpha story").await;
}
