//! Statements per page: each reader's page type reads the database a bounded number of
//! times, whatever the archive's size, with the page cache off (a miss). The store counts
//! the statements its read pool runs; background work (read counts, the scheduler) may add
//! one now and then, so each page is measured three times and the fewest count.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::TestApp;

/// The most statements each page type may take, uncached.
// Every reader page also asks whether a breaking-news banner is up (one statement), and
// the article page carries the Most read and Most reacted column (four): both could be held
// in memory like the sections, dropped with the pages they feed.
const BUDGETS: &[(&str, &str, u64)] = &[
    // Eight (one says which of a poll, a gallery, a list or a lead video the story has; a
    // story with any reads it too), and one more when the lead photo is from the library.
    ("article", "/article/budget-story-7", 13),
    // Seven; the four popular lists add their bylines when they hold stories.
    ("home", "/", 12),
    ("home, page 2", "/?page=2", 4),
    ("section", "/section/budget-desk", 4),
    ("tag", "/tag/budget-topic", 5),
    ("author", "/author/budget-writer", 5),
    ("search", "/search?q=budget", 7),
    // Three, and one for the photos of the gallery stories among them.
    ("feed", "/feed.xml", 4),
    ("section feed", "/section/budget-desk/feed.xml", 4),
];

async fn statements_for(app: &TestApp, path: &str) -> u64 {
    let mut fewest = u64::MAX;
    for _ in 0..3 {
        let before = app.store.statements();
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.text().await.expect("body");
        fewest = fewest.min(app.store.statements() - before);
    }
    fewest
}

#[tokio::test]
async fn every_page_type_keeps_to_its_statement_budget() {
    let app = TestApp::spawn_with(|settings| settings.page_cache = false).await;
    let (status, section) = app
        .api(
            Method::POST,
            "/sections",
            Some(json!({"name": "Budget desk", "slug": "budget-desk"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{section}");
    let (status, author) = app
        .api(
            Method::POST,
            "/authors",
            Some(json!({"name": "Budget writer", "slug": "budget-writer"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{author}");
    // More stories than a list page holds, each with two bylines and tags.
    let (_, second) = app
        .api(
            Method::POST,
            "/authors",
            Some(json!({"name": "Second writer"})),
        )
        .await;
    for n in 0..25 {
        let (status, article) = app
            .api(
                Method::POST,
                "/articles",
                Some(json!({
                    "title": format!("Budget story {n}"),
                    "slug": format!("budget-story-{n}"),
                    "body": format!("Budget words for story {n}."),
                    "section": "budget-desk",
                    "authors": ["budget-writer", second["slug"]],
                    "tags": ["Budget topic", format!("Topic {}", n % 3)],
                    "status": "published",
                })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{article}");
    }
    let mut over = Vec::new();
    for (name, path, budget) in BUDGETS {
        let used = statements_for(&app, path).await;
        println!("{name:>14}: {used:>2} statements (budget {budget})");
        if used > *budget {
            over.push(format!("{name} ({path}) took {used}, budget {budget}"));
        }
    }
    assert!(over.is_empty(), "over budget: {over:?}");
}
