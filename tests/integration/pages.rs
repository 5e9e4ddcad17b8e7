//! The reader's pages, checked with an HTML parser after creating content through the API.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{TestApp, attr, count, text};

async fn nairobi_app() -> TestApp {
    TestApp::spawn_with(|s| {
        s.timezone = newsdesk::domain::SiteTimeZone::parse("Africa/Nairobi").expect("zone");
        s.per_page = 2;
    })
    .await
}

#[tokio::test]
async fn an_article_page_shows_every_part_of_the_story() {
    let app = nairobi_app().await;
    let section = app.section("City News").await;
    let jane = app.author("Jane Doe").await;
    let john = app.author("John Roe").await;
    let (status, article) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Council approves the harbour ferry",
                "standfirst": "Commuters could save forty minutes a day.",
                "body": "The council voted on Tuesday.\n\n> \"It gives people time back,\" said the chair.\n\n## What it costs\n\nRead [the report](https://example.com/report).",
                "section": section["slug"],
                "tags": ["Transport", "Harbour"],
                "authors": [jane["slug"], john["slug"]],
                "lead_image": {"url": "/static/demo/harbour.svg", "alt": "Ferries at the quay", "credit": "Courtesy", "caption": "The old harbour."},
                "status": "published",
                "published_at": "2024-07-17T08:32:00Z"
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{article}");
    assert_eq!(
        article["url"],
        app.url("/article/council-approves-the-harbour-ferry")
    );
    assert_eq!(article["published_at"], "2024-07-17T11:32:00+03:00");

    let (status, page) = app
        .page("/article/council-approves-the-harbour-ferry")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(count(&page, "h1"), 1, "one h1, the headline");
    assert_eq!(
        text(&page, "h1.headline").as_deref(),
        Some("Council approves the harbour ferry")
    );
    assert_eq!(
        text(&page, ".standfirst").as_deref(),
        Some("Commuters could save forty minutes a day.")
    );
    assert_eq!(
        text(&page, "time.published").as_deref(),
        Some("Jul 17, 2024 - 11:32")
    );
    assert_eq!(
        attr(&page, "time.published", "datetime").as_deref(),
        Some("2024-07-17T11:32:00+03:00")
    );
    assert_eq!(
        attr(&page, "figure.lead-image img", "src").as_deref(),
        Some("/static/demo/harbour.svg")
    );
    assert_eq!(
        attr(&page, "figure.lead-image img", "alt").as_deref(),
        Some("Ferries at the quay")
    );
    assert_eq!(
        text(&page, "figure.lead-image .credit").as_deref(),
        Some("Photo: Courtesy.")
    );
    assert_eq!(
        text(&page, "figure.lead-image .caption").as_deref(),
        Some("The old harbour.")
    );
    assert_eq!(
        text(&page, ".byline").as_deref(),
        Some("By Jane Doe and John Roe")
    );
    assert_eq!(
        attr(&page, ".byline a", "href").as_deref(),
        Some("/author/jane-doe")
    );
    assert_eq!(
        text(&page, ".body blockquote").as_deref(),
        Some("“It gives people time back,” said the chair.")
    );
    assert_eq!(text(&page, ".body h2").as_deref(), Some("What it costs"));
    assert_eq!(
        attr(&page, ".body a", "href").as_deref(),
        Some("https://example.com/report")
    );
    assert_eq!(text(&page, ".kicker a").as_deref(), Some("City News"));
    assert_eq!(count(&page, ".tags a"), 2);
    for landmark in ["header", "nav", "main", "footer"] {
        assert!(count(&page, landmark) >= 1, "missing <{landmark}>");
    }
    assert_eq!(
        attr(&page, "link[rel=canonical]", "href"),
        Some(app.url("/article/council-approves-the-harbour-ferry"))
    );

    // The byline links to the author's page, which shows the bio and the story.
    let (status, author_page) = app.page("/author/jane-doe").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&author_page, "h1").as_deref(), Some("Jane Doe"));
    assert_eq!(
        text(&author_page, ".list-description").as_deref(),
        Some("Jane Doe writes for us.")
    );
    assert_eq!(
        text(&author_page, ".card-title").as_deref(),
        Some("Council approves the harbour ferry")
    );

    let (status, tag_page) = app.page("/tag/transport").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&tag_page, "h1").as_deref(), Some("Transport"));
    assert_eq!(count(&tag_page, ".card"), 1);
}

#[tokio::test]
async fn health_and_readiness_answer_for_load_balancers() {
    let app = TestApp::spawn().await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status(), StatusCode::OK);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), StatusCode::OK);
    assert_eq!(ready.text().await.expect("text"), "ready");
}

#[tokio::test]
async fn lists_are_newest_first_and_paginated() {
    let app = nairobi_app().await;
    let section = app.section("Sport").await;
    let author = app.author("Grace Mwangi").await;
    for (title, at) in [
        ("Oldest match report", "2024-01-01T10:00:00Z"),
        ("Middle match report", "2024-02-01T10:00:00Z"),
        ("Newest match report", "2024-03-01T10:00:00Z"),
    ] {
        let (status, body) = app
            .api(
                Method::POST,
                "/articles",
                Some(
                    json!({"title": title, "body": "Text.", "section": section["slug"],
                    "authors": [author["slug"]], "status": "published", "published_at": at}),
                ),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    for path in ["/", "/section/sport", "/author/grace-mwangi"] {
        let (status, first) = app.page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let titles: Vec<String> = first
            .select(&scraper::Selector::parse(".card-title, .row-title").expect("selector"))
            .map(|e| e.text().collect::<String>())
            .collect();
        // The front page fills its lead and top stories, newest first, whatever the page
        // size; lists show a page of stories.
        let expected: &[&str] = if path == "/" {
            &[
                "Newest match report",
                "Middle match report",
                "Oldest match report",
            ]
        } else {
            &["Newest match report", "Middle match report"]
        };
        assert_eq!(titles, expected, "{path}");
        let older = attr(&first, "a[rel=next]", "href").expect("link to older stories");
        let (status, second) = app.page(&older).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            text(&second, ".card-title, .row-title").as_deref(),
            Some("Oldest match report")
        );
        assert!(attr(&second, "a[rel=prev]", "href").is_some());
        assert!(attr(&second, "a[rel=next]", "href").is_none());
    }
    let (status, _) = app.page("/?page=9").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, page) = app.page("/?page=abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        text(&page, "main")
            .unwrap_or_default()
            .contains("is not a page number")
    );
}

#[tokio::test]
async fn drafts_and_future_articles_are_never_public() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let author = app.author("Jane Doe").await;
    let mut ids = Vec::new();
    for (title, status, at) in [
        ("A draft not for readers", "draft", None),
        (
            "A story for next year",
            "scheduled",
            Some("2999-01-01T00:00:00Z"),
        ),
        (
            "Published in the future",
            "published",
            Some("2999-01-01T00:00:00Z"),
        ),
    ] {
        let (code, body) = app
            .api(
                Method::POST,
                "/articles",
                Some(
                    json!({"title": title, "body": "Secret.", "section": section["slug"],
                    "authors": [author["slug"]], "status": status, "published_at": at}),
                ),
            )
            .await;
        assert_eq!(code, StatusCode::CREATED, "{body}");
        assert_ne!(
            body["status"], "published",
            "{title} must not be published yet"
        );
        ids.push(body["id"].clone());
        let path = format!("/article/{}", body["slug"].as_str().expect("slug"));
        let (code, page) = app.page(&path).await;
        assert_eq!(code, StatusCode::NOT_FOUND, "{title}");
        assert_eq!(
            text(&page, "h1").as_deref(),
            Some("We couldn't find that page")
        );
    }
    for path in ["/", "/section/news", "/author/jane-doe"] {
        let html = app.get(path).await.text().await.expect("body");
        assert!(
            !html.contains("Secret") && !html.contains("draft not for readers"),
            "{path}"
        );
        assert!(
            !html.contains("next year") && !html.contains("in the future"),
            "{path}"
        );
    }
    // Without a token the API keeps them hidden too.
    for id in ids {
        let response = app.get(&format!("/api/v1/articles/{id}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn a_scheduled_article_appears_when_its_time_comes() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let author = app.author("Jane Doe").await;
    let at = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(2);
    let (code, body) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({"title": "Embargoed report", "body": "Text.", "section": section["slug"],
                "authors": [author["slug"]], "status": "scheduled", "published_at": at.to_string()})),
        )
        .await;
    assert_eq!(code, StatusCode::CREATED, "{body}");
    assert_eq!(body["status"], "scheduled");
    assert_eq!(
        app.get("/article/embargoed-report").await.status(),
        StatusCode::NOT_FOUND
    );
    let mut status = StatusCode::NOT_FOUND;
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        status = app.get("/article/embargoed-report").await.status();
        if status == StatusCode::OK {
            break;
        }
    }
    assert_eq!(status, StatusCode::OK);
    let (_, article) = app
        .api(Method::GET, &format!("/articles/{}", body["id"]), None)
        .await;
    assert_eq!(article["status"], "published");
}

#[tokio::test]
async fn unknown_pages_get_a_friendly_404() {
    let app = TestApp::spawn().await;
    for path in [
        "/no-such-page",
        "/article/missing",
        "/section/missing",
        "/tag/missing",
        "/author/missing",
        "/static/missing.css",
    ] {
        let (status, page) = app.page(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(text(&page, "h1").is_some(), "{path}");
        assert_eq!(
            attr(&page, "main a", "href").as_deref(),
            Some("/"),
            "{path} links home"
        );
    }
}

#[tokio::test]
async fn a_changed_slug_redirects_from_the_old_address() {
    let app = TestApp::spawn().await;
    let article = app.published("Original headline", "Body.").await;
    let (status, updated) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", article["id"]),
            Some(json!({"slug": "better-headline", "version": article["version"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    let response = app.get("/article/original-headline").await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        response.headers()["location"].to_str().expect("location"),
        "/article/better-headline"
    );
    assert_eq!(
        app.get("/article/better-headline").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_site_can_override_a_template_without_recompiling() {
    let app = TestApp::spawn().await;
    let dir = app.data.path().join("theme/templates");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(
        dir.join("error.html"),
        "{% extends \"base.html\" %}{% block main %}<h1>Lost at sea</h1>{% endblock %}",
    )
    .expect("write");
    let (status, page) = app.page("/nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(text(&page, "h1").as_deref(), Some("Lost at sea"));
}

#[tokio::test]
async fn pages_carry_security_headers() {
    let app = TestApp::spawn().await;
    let response = app.get("/").await;
    let headers = response.headers();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(
        headers["content-security-policy"]
            .to_str()
            .expect("csp")
            .contains("script-src 'self'")
    );
    let mut app = app;
    app.stop().await;
}
