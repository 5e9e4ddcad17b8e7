//! Statements per page: each reader's page type reads the database a bounded number of
//! times, whatever the archive's size, with the page cache off (a miss). The store counts
//! the statements its read pool runs; background work (read counts, the scheduler) may add
//! one now and then, so each page is measured three times and the fewest count.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::TestApp;

/// The most statements each page type may take, uncached. The navigation, the
/// breaking-news banner, the Most read / Most reacted lists and each list's length come
/// from memory (`reading::Memory`), read again only after a change or every 30 s.
const BUDGETS: &[(&str, &str, u64)] = &[
    // The story with its bylines and tags, reactions, comments and the side lists, one
    // that says which extras (poll, gallery, list, lead video) it has, and one more when
    // the lead photo is from the library (its sizes). A story with corrections or notes
    // reads them too.
    ("article", "/article/budget-story-7", 8),
    ("home", "/", 7),
    ("home, page 2", "/?page=2", 3),
    ("section", "/section/budget-desk", 3),
    ("tag", "/tag/budget-topic", 4),
    ("author", "/author/budget-writer", 4),
    // The page of results with its count, snippets, then the stories with their bylines.
    ("search", "/search?q=budget", 4),
    // The stories, their bylines and tags, and the gallery photos among them; stories with
    // public notes read them too.
    ("feed", "/feed.xml", 3),
    ("section feed", "/section/budget-desk/feed.xml", 3),
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
