//! The front page run by editors: placement that newer stories do not displace, `until`,
//! the breaking-news banner and its live event, labels on every list, section blocks and
//! subsections. The page cache is on (the default), so each change must show on the very
//! next request.

use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, attr, count, text, user_token};

/// A published story in `section` (a slug), by a fresh author.
async fn story(app: &TestApp, title: &str, section: &str) -> Value {
    let author = app.author(&format!("Writer of {title}")).await;
    let (status, article) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": title,
                "body": format!("{title}: the story."),
                "section": section,
                "authors": [author["slug"]],
                "status": "published",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{article}");
    article
}

async fn lead_title(app: &TestApp) -> String {
    let (status, html) = app.page("/").await;
    assert_eq!(status, StatusCode::OK);
    text(&html, ".card-lead .card-title").unwrap_or_default()
}

async fn place(app: &TestApp, slots: Value) -> (StatusCode, Value) {
    app.api(Method::PUT, "/front", Some(json!({ "slots": slots })))
        .await
}

#[tokio::test]
async fn a_placed_lead_stays_the_lead_after_five_newer_stories() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let slug = section["slug"].as_str().expect("slug");
    let placed = story(&app, "The story editors chose", slug).await;
    let other = story(&app, "A story placed second", slug).await;
    // Without placement the newest leads.
    assert_eq!(lead_title(&app).await, "A story placed second");

    let (status, body) = place(
        &app,
        json!([
            {"slot": "lead", "article_id": placed["id"]},
            {"slot": "top", "position": 1, "article_id": other["id"]},
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["slots"][0]["slot"], "lead");
    assert_eq!(body["slots"][0]["until"], Value::Null);
    assert_eq!(lead_title(&app).await, "The story editors chose");

    for n in 1..=5 {
        story(&app, &format!("Newer story {n}"), slug).await;
    }
    assert_eq!(lead_title(&app).await, "The story editors chose");
    let (_, html) = app.page("/").await;
    // The placed top story keeps its place; the other slots fill with the newest.
    assert_eq!(
        text(&html, ".top-stories .row-title").as_deref(),
        Some("A story placed second")
    );
    assert_eq!(count(&html, ".top-stories .row"), 4);
    assert!(
        html.html().contains("Newer story 5"),
        "the newest fills a slot"
    );

    let (status, front) = app.api(Method::GET, "/front", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        front,
        json!({"slots": [
            {"slot": "lead", "article_id": placed["id"], "until": null},
            {"slot": "top", "position": 1, "article_id": other["id"], "until": null},
        ]})
    );
    // The change is in the audit log.
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    assert!(audit.to_string().contains("arrange front page"), "{audit}");
}

#[tokio::test]
async fn a_placement_lets_go_when_its_until_passes() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let slug = section["slug"].as_str().expect("slug");
    let placed = story(&app, "Placed for a moment", slug).await;
    story(&app, "The newest story", slug).await;
    let until = Timestamp::now() + SignedDuration::from_secs(2);
    let (status, body) = place(
        &app,
        json!([{"slot": "lead", "article_id": placed["id"], "until": until.to_string()}]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(lead_title(&app).await, "Placed for a moment");
    let started = Instant::now();
    while lead_title(&app).await != "The newest story" {
        assert!(
            started.elapsed() < Duration::from_secs(6),
            "the lead was not released after its time passed"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (_, front) = app.api(Method::GET, "/front", None).await;
    assert_eq!(front, json!({"slots": []}));
}

#[tokio::test]
async fn a_placement_naming_an_unknown_or_unpublished_story_is_refused_naming_it() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let author = app.author("Draft Writer").await;
    let (_, draft) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "Not yet", "body": "Draft.", "section": section["slug"],
                "authors": [author["slug"]], "status": "draft"}),
            ),
        )
        .await;
    let (status, problem) = place(
        &app,
        json!([
            {"slot": "lead", "article_id": 999_999},
            {"slot": "top", "article_id": draft["id"]},
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let said = problem.to_string();
    assert!(said.contains("there is no article 999999"), "{said}");
    assert!(said.contains("\\\"Not yet\\\") is not published"), "{said}");
    let (status, problem) = place(
        &app,
        json!([{"slot": "top", "position": 7, "article_id": draft["id"]}]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
}

#[tokio::test]
async fn only_editors_and_admins_run_the_front_page() {
    let app = TestApp::spawn().await;
    let article = app.published("A story", "Body.").await;
    let author_token = user_token(app.store.as_ref(), "author@example.com", "author").await;
    let (status, problem) = app
        .api_as(
            &author_token,
            Method::PUT,
            "/front",
            Some(json!({"slots": [{"slot": "lead", "article_id": article["id"]}]})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert!(
        problem.to_string().contains("you are an author"),
        "{problem}"
    );
    let path = format!("/articles/{}/breaking", article["id"]);
    let (status, _) = app
        .api_as(&author_token, Method::PUT, &path, Some(json!({})))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let label = format!("/articles/{}/label", article["id"]);
    let (status, _) = app
        .api_as(
            &author_token,
            Method::PUT,
            &label,
            Some(json!({"label": "Exclusive"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let session = app.sign_in("author@example.com", PASSWORD).await;
    let response = session.get("/admin/front").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = session
        .post("/admin/front", &[("action", "lead"), ("article_id", "1")])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // An editor places through the page's plain forms.
    user_token(app.store.as_ref(), "editor@example.com", "editor").await;
    let editor = app.sign_in("editor@example.com", PASSWORD).await;
    let (status, html) = editor.page("/admin/front").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        attr(
            &html,
            "form[action='/admin/front'] input[name=csrf]",
            "value"
        )
        .is_some()
    );
    let id = article["id"].to_string();
    let response = editor
        .post("/admin/front", &[("action", "lead"), ("article_id", &id)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, front) = app.api(Method::GET, "/front", None).await;
    assert_eq!(front["slots"][0]["article_id"], article["id"]);
    // Dragging sends the top stories' new order in one post.
    let second = app.published("Another story", "Body.").await;
    let order = format!("{},{}", second["id"], article["id"]);
    let response = editor
        .post("/admin/front", &[("action", "order"), ("order", &order)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, front) = app.api(Method::GET, "/front", None).await;
    assert_eq!(
        front,
        json!({"slots": [
            {"slot": "top", "position": 1, "article_id": second["id"], "until": null},
            {"slot": "top", "position": 2, "article_id": article["id"], "until": null},
        ]})
    );
    // Without the page's token the form is refused.
    let response = editor
        .post_raw(
            "/admin/front",
            &[("action", "remove"), ("article_id", &id)],
            None,
            true,
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

/// Reads the site-wide live stream's events as they come.
struct SiteStream {
    response: reqwest::Response,
    buffer: String,
}

impl SiteStream {
    async fn open(app: &TestApp) -> SiteStream {
        let response = app.get("/api/v1/live").await;
        assert_eq!(response.status(), StatusCode::OK);
        SiteStream {
            response,
            buffer: String::new(),
        }
    }

    async fn next(&mut self) -> Value {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                let data: String = event
                    .lines()
                    .filter_map(|line| line.strip_prefix("data:"))
                    .map(str::trim)
                    .collect();
                if data.is_empty() {
                    continue;
                }
                assert!(event.contains("event: site"), "{event}");
                return serde_json::from_str(&data).expect("json");
            }
            let left = deadline
                .checked_duration_since(Instant::now())
                .expect("an event within 5 seconds");
            match tokio::time::timeout(left, self.response.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                other => panic!("the stream ended: {other:?}"),
            }
        }
    }
}

#[tokio::test]
async fn the_breaking_banner_goes_up_on_every_page_and_comes_down() {
    let app = TestApp::spawn().await;
    let article = app.published("Bridge closed after crash", "Body.").await;
    let other = app.published("Another story", "Body.").await;
    let (status, none) = app.api(Method::GET, "/breaking", None).await;
    assert_eq!((status, none), (StatusCode::OK, Value::Null));
    let (_, html) = app.page("/").await;
    assert!(
        attr(&html, "#breaking", "hidden").is_some(),
        "no banner yet"
    );
    let mut stream = SiteStream::open(&app).await;
    assert_eq!(stream.next().await, json!({"breaking": null}));

    let path = format!("/articles/{}/breaking", article["id"]);
    let (status, banner) = app.api(Method::PUT, &path, Some(json!({}))).await;
    assert_eq!(status, StatusCode::OK, "{banner}");
    assert_eq!(banner["title"], "Bridge closed after crash");
    assert_eq!(
        banner["url"],
        article["url"]
            .as_str()
            .map(|u| u.replacen(&app.base, "", 1))
            .expect("url")
    );
    // Two hours by default.
    let until: Timestamp = banner["until"]
        .as_str()
        .expect("until")
        .parse()
        .expect("time");
    let hours = until.duration_since(Timestamp::now()).as_secs_f64() / 3600.0;
    assert!((1.9..=2.0).contains(&hours), "{hours}");
    let event = stream.next().await;
    assert_eq!(event["breaking"]["title"], "Bridge closed after crash");

    // Every public page shows it at once, cache or not: home, an article, a list, a 404.
    let other_path = other["url"]
        .as_str()
        .map(|u| u.replacen(&app.base, "", 1))
        .expect("url");
    for page in [
        "/",
        other_path.as_str(),
        "/search?q=bridge",
        "/no-such-page",
    ] {
        let (_, html) = app.page(page).await;
        assert!(attr(&html, "#breaking", "hidden").is_none(), "{page}");
        assert_eq!(
            text(&html, "#breaking .breaking-title").as_deref(),
            Some("Bridge closed after crash"),
            "{page}"
        );
    }
    let (_, now) = app.api(Method::GET, "/breaking", None).await;
    assert_eq!(now["article_id"], article["id"]);

    // Cleared: gone from the pages and the stream.
    let (status, _) = app.api(Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(stream.next().await, json!({"breaking": null}));
    let (_, html) = app.page("/").await;
    assert!(attr(&html, "#breaking", "hidden").is_some());
    let (_, none) = app.api(Method::GET, "/breaking", None).await;
    assert_eq!(none, Value::Null);

    // Expired: it goes by itself, from the pages and the stream.
    let soon = Timestamp::now() + SignedDuration::from_secs(2);
    let (status, _) = app
        .api(Method::PUT, &path, Some(json!({"until": soon.to_string()})))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!stream.next().await["breaking"].is_null());
    let (_, html) = app.page("/").await;
    assert!(attr(&html, "#breaking", "hidden").is_none());
    assert_eq!(stream.next().await, json!({"breaking": null}));
    let (_, html) = app.page("/").await;
    assert!(attr(&html, "#breaking", "hidden").is_some(), "expired");

    // A time already past, or a draft, is refused.
    let past = Timestamp::now() - SignedDuration::from_secs(60);
    let (status, _) = app
        .api(Method::PUT, &path, Some(json!({"until": past.to_string()})))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_banner_survives_a_restart() {
    let app = TestApp::spawn().await;
    let article = app.published("Storm warning", "Body.").await;
    let path = format!("/articles/{}/breaking", article["id"]);
    let (status, _) = app.api(Method::PUT, &path, Some(json!({}))).await;
    assert_eq!(status, StatusCode::OK);
    let app = app.restart().await;
    let (_, html) = app.page("/").await;
    assert_eq!(
        text(&html, "#breaking .breaking-title").as_deref(),
        Some("Storm warning")
    );
}

#[tokio::test]
async fn a_label_shows_before_the_headline_on_every_list() {
    let app = TestApp::spawn().await;
    let section = app.section("Money").await;
    let slug = section["slug"].as_str().expect("slug");
    let article = story(&app, "Paid words about ferries", slug).await;
    let path = format!("/articles/{}/label", article["id"]);
    let (status, body) = app
        .api(Method::PUT, &path, Some(json!({"label": "sponsored"})))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["label"], "Sponsored");
    let (status, problem) = app
        .api(Method::PUT, &path, Some(json!({"label": "Gossip"})))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem.to_string().contains("Exclusive"), "{problem}");

    let article_path = article["url"]
        .as_str()
        .map(|u| u.replacen(&app.base, "", 1))
        .expect("url");
    for page in [
        "/",
        &format!("/section/{slug}"),
        "/search?q=ferries",
        "/?page=1",
    ] {
        let (_, html) = app.page(page).await;
        assert!(
            count(&html, ".label-sponsored") >= 1,
            "{page} shows no label"
        );
    }
    let (_, html) = app.page(&article_path).await;
    assert_eq!(
        text(&html, "h1.headline .label").as_deref(),
        Some("Sponsored")
    );
    assert!(text(&html, ".disclosure").is_some_and(|t| t.contains("Sponsored")));
    let (_, json) = app
        .api(Method::GET, &format!("/articles/{}", article["id"]), None)
        .await;
    assert_eq!(json["label"], "Sponsored");

    // A site's own label, then none.
    let (status, _) = app
        .api(Method::PUT, &path, Some(json!({"label": null})))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, html) = app.page("/").await;
    assert_eq!(count(&html, ".label"), 0);
}

#[tokio::test]
async fn subsections_live_under_their_parent_and_the_flat_address_redirects() {
    let app = TestApp::spawn().await;
    let (status, news) = app
        .api(
            Method::POST,
            "/sections",
            Some(
                json!({"name": "News", "block_style": "list", "colour": "#A4161A", "position": 1}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{news}");
    assert_eq!(news["block_style"], "list");
    assert_eq!(news["colour"], "#a4161a");
    let (status, counties) = app
        .api(
            Method::POST,
            "/sections",
            Some(json!({"name": "Counties", "parent": "news"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{counties}");
    assert_eq!(counties["parent"], "news");
    assert!(
        counties["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/section/news/counties"))
    );
    story(&app, "Rural roads graded before the rains", "counties").await;
    story(&app, "City hall news", "news").await;

    let response = app.get("/section/counties?page=1").await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        response.headers()["location"],
        "/section/news/counties?page=1"
    );
    let (status, html) = app.page("/section/news/counties").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&html, "h1").as_deref(), Some("Counties"));
    // The section page opens with its lead and does not repeat its own name on cards.
    assert_eq!(
        text(&html, ".card-lead .card-title").as_deref(),
        Some("Rural roads graded before the rains")
    );
    assert_eq!(count(&html, ".card-lead .kicker"), 0);
    // The parent's page includes its subsections' stories.
    let (_, html) = app.page("/section/news").await;
    assert!(html.html().contains("Rural roads graded before the rains"));
    assert!(html.html().contains("City hall news"));
    // Under another parent's address it points to its own; a top-level section has none.
    let response = app.get("/section/sport/counties").await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(response.headers()["location"], "/section/news/counties");
    assert_eq!(
        app.get("/section/counties/news").await.status(),
        StatusCode::NOT_FOUND
    );
    // The menu nests it; the colours come from a style sheet.
    let (_, home) = app.page("/").await;
    assert!(count(&home, ".menu-panel a[href='/section/news/counties']") == 1);
    let css = app
        .get("/section-colours.css")
        .await
        .text()
        .await
        .expect("css");
    assert!(
        css.contains("[data-section=\"news\"] { --section-colour: #a4161a; }"),
        "{css}"
    );
    // A subsection cannot have subsections, and a section is not its own parent.
    let (status, _) = app
        .api(
            Method::POST,
            "/sections",
            Some(json!({"name": "Towns", "parent": "counties"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/sections/{}", news["id"]),
            Some(json!({"block_style": "mosaic"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_home_page_shows_section_blocks_in_their_styles() {
    let app = TestApp::spawn().await;
    for (name, style) in [
        ("Grid Desk", "grid"),
        ("List Desk", "list"),
        ("Hidden Desk", "list"),
    ] {
        let (status, body) = app
            .api(
                Method::POST,
                "/sections",
                Some(json!({"name": name, "block_style": style})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (_, hidden) = app.api(Method::GET, "/sections", None).await;
    let hidden_id = hidden["items"]
        .as_array()
        .and_then(|items| items.iter().find(|s| s["name"] == "Hidden Desk"))
        .map(|s| s["id"].clone())
        .expect("hidden");
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/sections/{hidden_id}"),
            Some(json!({"on_home": false})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for n in 0..6 {
        story(&app, &format!("Grid story {n}"), "grid-desk").await;
        story(&app, &format!("List story {n}"), "list-desk").await;
        story(&app, &format!("Hidden story {n}"), "hidden-desk").await;
    }
    let (_, html) = app.page("/").await;
    assert_eq!(count(&html, ".block-grid .block-cards .card"), 4);
    assert!(count(&html, ".block-list .headlines li") >= 1);
    assert_eq!(count(&html, "[data-section='hidden-desk'].block"), 0);
    // Latest rail: the ten newest, with times.
    assert_eq!(count(&html, ".latest-list li"), 10);
    assert_eq!(count(&html, ".latest-list time[datetime][title]"), 10);
    // The lead's photo is not lazy; nobody repeats on the page's blocks.
    let page = html.html();
    for n in 0..6 {
        let title = format!("List story {n}");
        let shown = page.matches(&format!(">{title}<")).count();
        assert!(shown <= 2, "{title} shown {shown} times");
    }
}

#[tokio::test]
async fn the_not_found_page_offers_the_latest_stories_and_search() {
    let app = TestApp::spawn().await;
    app.published("Something to read instead", "Body.").await;
    let (status, html) = app.page("/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(count(&html, ".error-search input[name=q]") == 1);
    assert_eq!(
        text(&html, ".error-latest .row-title").as_deref(),
        Some("Something to read instead")
    );
}

#[tokio::test]
async fn an_article_stream_carries_the_banner_too() {
    let app = TestApp::spawn().await;
    let article = app.published("Harbour fire", "Body.").await;
    let response = app
        .get(&format!("/api/v1/articles/{}/live", article["id"]))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut stream = SiteStream {
        response,
        buffer: String::new(),
    };
    // The article's own first update, then the banner when it goes up.
    let mut seen = String::new();
    let path = format!("/articles/{}/breaking", article["id"]);
    let (status, _) = app.api(Method::PUT, &path, Some(json!({}))).await;
    assert_eq!(status, StatusCode::OK);
    let deadline = Instant::now() + Duration::from_secs(5);
    while !seen.contains("event: site") {
        let left = deadline
            .checked_duration_since(Instant::now())
            .expect("a site event within 5 seconds");
        match tokio::time::timeout(left, stream.response.chunk()).await {
            Ok(Ok(Some(bytes))) => seen.push_str(&String::from_utf8_lossy(&bytes)),
            other => panic!("the stream ended: {other:?}"),
        }
    }
    assert!(seen.contains("Harbour fire"), "{seen}");
    stream.buffer.clear();
}
