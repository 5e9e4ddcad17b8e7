//! Live blogs: entries posted, edited and deleted through the API and the composer, who may
//! post, sanitising, the pinned entry, key events, pages of older entries, the `entry`
//! events on the story's live stream, the page cache (on, as by default), the JSON-LD, and
//! delivery from one instance to a reader on another (PostgreSQL).

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, PgSchema, TestApp, attr, count, text, user_token};

/// A published live blog by a fresh author, in a fresh section.
async fn live_story(app: &TestApp, title: &str) -> Value {
    static SERIAL: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let n = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let section = app.section(&format!("Live {n}")).await;
    let author = app.author(&format!("Reporter {n}")).await;
    let (status, article) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": title,
                "body": "Follow the count as it happens.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "status": "published",
                "format": "live",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{article}");
    article
}

async fn post_entry(app: &TestApp, article: &Value, entry: Value) -> Value {
    let (status, body) = app
        .api(
            Method::POST,
            &format!("/articles/{}/entries", article["id"]),
            Some(entry),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

fn path_of(article: &Value) -> String {
    let url = article["url"].as_str().expect("url");
    url[url.find("/article/").expect("article path")..].to_owned()
}

/// The ids of the entries on a page, in the order shown (the pinned copy left out).
fn entry_ids(html: &scraper::Html) -> Vec<i64> {
    let selector = scraper::Selector::parse(".live-entries .live-entry").expect("selector");
    html.select(&selector)
        .filter_map(|e| e.value().attr("data-entry-id"))
        .filter_map(|id| id.parse().ok())
        .collect()
}

#[tokio::test]
async fn entries_show_newest_first_with_a_live_badge_and_the_last_update() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Election night: the count").await;
    let mut ids = Vec::new();
    for n in 1..=3 {
        let entry = post_entry(
            &app,
            &article,
            json!({ "body": format!("Update number {n}.") }),
        )
        .await;
        assert!(
            entry["html"]
                .as_str()
                .expect("html")
                .contains(&format!("Update number {n}"))
        );
        ids.push(entry["id"].as_i64().expect("id"));
    }
    let (status, html) = app.page(&path_of(&article)).await;
    assert_eq!(status, StatusCode::OK);
    ids.reverse();
    assert_eq!(entry_ids(&html), ids);
    assert_eq!(text(&html, ".live-badge").as_deref(), Some("Live"));
    assert!(
        text(&html, ".live-updated")
            .expect("last updated")
            .starts_with("Last updated")
    );
    assert_eq!(count(&html, ".live-ended"), 0);

    // Oldest first, when the editor says so.
    let (status, coverage) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}/live-blog", article["id"]),
            Some(json!({ "order": "oldest_first" })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{coverage}");
    let (_, html) = app.page(&path_of(&article)).await;
    ids.reverse();
    assert_eq!(entry_ids(&html), ids);

    // The API lists them newest first, and only the newer ones after an id.
    let (status, list) = app
        .api(
            Method::GET,
            &format!("/articles/{}/entries?after={}", article["id"], ids[0]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let listed: Vec<i64> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(listed, vec![ids[2], ids[1]]);
    assert_eq!(list["total"], 3);
    let (status, problem) = app
        .api(
            Method::GET,
            &format!("/articles/{}/entries?after=yesterday", article["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "after");
}

#[tokio::test]
async fn an_entry_is_sanitised_like_a_story_body() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Floods in the valley").await;
    let entry = post_entry(
        &app,
        &article,
        json!({
            "body": "Water is rising <script>alert(1)</script> <img src=x onerror=alert(2)> [see](javascript:alert(3))",
            "title": "<b>Bridge</b> closed",
        }),
    )
    .await;
    let html = entry["html"].as_str().expect("html");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("onerror"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    // The title is text: its tags are shown, never applied.
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;b&gt;Bridge"), "{html}");
    let page = app
        .get(&path_of(&article))
        .await
        .text()
        .await
        .expect("text");
    assert!(page.contains("Water is rising"));
    // What was a script is at most words now (in the structured data's plain text).
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("onerror"));
}

#[tokio::test]
async fn editors_and_the_storys_authors_post_and_others_do_not() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Court ruling on the port lease").await;
    let path = format!("/articles/{}/entries", article["id"]);
    let entry = json!({ "body": "The judge is in." });

    let contributor = user_token(app.store.as_ref(), "contrib@example.com", "contributor").await;
    let (status, problem) = app
        .api_as(&contributor, Method::POST, &path, Some(entry.clone()))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("contributors")
    );

    let outsider = user_token(app.store.as_ref(), "outsider@example.com", "author").await;
    let (status, problem) = app
        .api_as(&outsider, Method::POST, &path, Some(entry.clone()))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("not one of the authors")
    );

    // An author whose byline is on the story posts to it.
    let insider = user_token(app.store.as_ref(), "insider@example.com", "author").await;
    let user = app
        .store
        .user_by_email(&newsdesk::domain::Email::parse("insider@example.com").expect("email"))
        .await
        .expect("user");
    let author_id = article["authors"][0]["id"].as_i64().unwrap_or_else(|| {
        panic!("the article names its authors' ids: {article}");
    });
    app.store
        .link_byline(user.id, author_id)
        .await
        .expect("byline");
    let (status, body) = app
        .api_as(&insider, Method::POST, &path, Some(entry.clone()))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["author"], "Test author");
    // But the outsider may not change or delete it either.
    let one = format!("{path}/{}", body["id"]);
    let (status, _) = app
        .api_as(
            &outsider,
            Method::PATCH,
            &one,
            Some(json!({ "body": "Mine now" })),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.api_as(&outsider, Method::DELETE, &one, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Without a token, nothing.
    let response = app
        .client
        .post(app.url(&format!("/api/v1{path}")))
        .json(&entry)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    // A story that is not a live blog takes no entries.
    let plain = app.published("A plain story", "Body.").await;
    let (status, problem) = app
        .api(
            Method::POST,
            &format!("/articles/{}/entries", plain["id"]),
            Some(entry),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("not a live blog")
    );
}

#[tokio::test]
async fn one_entry_is_pinned_at_a_time_and_shows_at_the_top() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Marathon day").await;
    let first = post_entry(
        &app,
        &article,
        json!({ "body": "Road closures until noon.", "pinned": true }),
    )
    .await;
    let second = post_entry(
        &app,
        &article,
        json!({ "body": "The leaders pass the harbour." }),
    )
    .await;
    let (_, html) = app.page(&path_of(&article)).await;
    assert_eq!(
        attr(&html, ".live-pinned .live-entry", "data-entry-id"),
        Some(first["id"].to_string())
    );
    // The pinned copy carries no anchor; the entry in its place does.
    assert_eq!(count(&html, &format!("#entry-{}", first["id"])), 1);

    let (status, body) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}/entries/{}", article["id"], second["id"]),
            Some(json!({ "pinned": true })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["body"], "The leaders pass the harbour.",
        "a change keeps what it does not name"
    );
    let (_, first_now) = app
        .api(
            Method::GET,
            &format!("/articles/{}/entries/{}", article["id"], first["id"]),
            None,
        )
        .await;
    assert_eq!(first_now["pinned"], false);
    let (_, html) = app.page(&path_of(&article)).await;
    assert_eq!(count(&html, ".live-pinned .live-entry"), 1);
    assert_eq!(
        attr(&html, ".live-pinned .live-entry", "data-entry-id"),
        Some(second["id"].to_string())
    );
}

#[tokio::test]
async fn key_events_need_a_title_and_link_to_the_page_they_are_on() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Budget day").await;
    let (status, problem) = app
        .api(
            Method::POST,
            &format!("/articles/{}/entries", article["id"]),
            Some(json!({ "body": "Big news.", "key_event": true })),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "title");

    let key = post_entry(
        &app,
        &article,
        json!({ "body": "The minister stands up.", "key_event": true, "title": "Speech begins" }),
    )
    .await;
    for n in 0..45 {
        post_entry(
            &app,
            &article,
            json!({ "body": format!("Line {n} of the speech.") }),
        )
        .await;
    }
    let path = path_of(&article);
    let (_, html) = app.page(&path).await;
    assert_eq!(entry_ids(&html).len(), 20);
    assert_eq!(
        text(&html, ".live-key-events li span").as_deref(),
        Some("Speech begins")
    );
    // 46 entries, newest first: the key event is the oldest, on page 3.
    assert_eq!(
        attr(&html, ".live-key-events a", "href"),
        Some(format!("{path}?page=3#entry-{}", key["id"]))
    );
    assert_eq!(
        text(&html, ".live-blog .pagination span").as_deref(),
        Some("Page 1 of 3")
    );
    let (status, html) = app.page(&format!("{path}?page=3")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(entry_ids(&html).len(), 6);
    assert_eq!(count(&html, &format!("#entry-{}", key["id"])), 1);
    assert_eq!(count(&html, ".live-pinned"), 0);
    let (status, _) = app.page(&format!("{path}?page=4")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.page(&format!("{path}?page=two")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

/// Reads an article's live stream, event by event.
struct Stream {
    response: reqwest::Response,
    buffer: String,
}

impl Stream {
    async fn open(base: &str, article: &Value) -> Stream {
        let response = reqwest::get(format!("{base}/api/v1/articles/{}/live", article["id"]))
            .await
            .expect("stream");
        assert_eq!(response.status(), StatusCode::OK);
        Stream {
            response,
            buffer: String::new(),
        }
    }

    /// The next `entry` event's data, within `within`.
    async fn entry(&mut self, within: Duration) -> Value {
        self.next("entry", within).await
    }

    /// The next event of `kind`'s data, within `within`.
    async fn next(&mut self, kind: &str, within: Duration) -> Value {
        let deadline = Instant::now() + within;
        let wanted = format!("event: {kind}\n");
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                if !event.contains(&wanted) {
                    continue;
                }
                let data: String = event
                    .lines()
                    .filter_map(|line| line.strip_prefix("data:"))
                    .map(str::trim)
                    .collect();
                return serde_json::from_str(&data).expect("json");
            }
            let left = deadline
                .checked_duration_since(Instant::now())
                .unwrap_or_else(|| panic!("no {kind} event in time"));
            match tokio::time::timeout(left, self.response.chunk()).await {
                Ok(Ok(Some(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                other => panic!("no {kind} event in time: {other:?}"),
            }
        }
    }
}

#[tokio::test]
async fn the_live_stream_carries_new_edited_and_deleted_entries() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Storm warning").await;
    let mut stream = Stream::open(&app.base, &article).await;
    let entry = post_entry(
        &app,
        &article,
        json!({ "body": "Winds of 90 km/h expected." }),
    )
    .await;
    let event = stream.entry(Duration::from_secs(2)).await;
    assert_eq!(event["action"], "new");
    assert_eq!(event["id"], entry["id"]);
    assert!(
        event["html"]
            .as_str()
            .expect("html")
            .contains("Winds of 90 km/h")
    );
    assert!(event["last_updated"]["iso"].is_string());

    let one = format!("/articles/{}/entries/{}", article["id"], entry["id"]);
    let (status, _) = app
        .api(
            Method::PATCH,
            &one,
            Some(json!({ "body": "Winds of 120 km/h expected." })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let event = stream.entry(Duration::from_secs(2)).await;
    assert_eq!(event["action"], "edited");
    assert!(event["html"].as_str().expect("html").contains("120 km/h"));

    let (status, _) = app.api(Method::DELETE, &one, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let event = stream.entry(Duration::from_secs(2)).await;
    assert_eq!(event["action"], "deleted");
    assert_eq!(event["id"], entry["id"]);
    let (status, _) = app.api(Method::GET, &one, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn readers_with_the_blog_open_see_it_end_and_reopen() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Election night").await;
    let mut stream = Stream::open(&app.base, &article).await;
    let coverage = format!("/articles/{}/live-blog", article["id"]);
    let (status, _) = app
        .api(Method::PATCH, &coverage, Some(json!({ "ended": true })))
        .await;
    assert_eq!(status, StatusCode::OK);
    let event = stream.next("coverage", Duration::from_secs(2)).await;
    assert_eq!(event["live"], false);
    assert!(event["ended"]["iso"].is_string(), "{event}");
    assert!(event["ended"]["display"].is_string(), "{event}");

    // The composer's Reopen button says the same to them.
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let composer = format!("/admin/articles/{}/live", article["id"]);
    let response = editor.post(&composer, &[("action", "reopen")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let event = stream.next("coverage", Duration::from_secs(2)).await;
    assert_eq!(event["live"], true);
    assert_eq!(event["ended"], Value::Null);
    let (_, page) = fetch(&app, &path_of(&article)).await;
    assert!(
        !page.contains("This live blog has ended"),
        "the cached page followed"
    );
}

async fn fetch(app: &TestApp, path: &str) -> (String, String) {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let label = response
        .headers()
        .get("x-cache")
        .map(|v| v.to_str().expect("ascii").to_owned())
        .unwrap_or_default();
    let page = response.text().await.expect("text");
    (label, without_script_messages(&page))
}

/// The page without the messages its scripts may show (every message is in that block,
/// whether shown or not).
fn without_script_messages(page: &str) -> String {
    match page.find("id=\"reader-messages\"") {
        Some(at) => {
            let start = page[..at].rfind("<script").unwrap_or(at);
            let end = page[at..]
                .find("</script>")
                .map_or(page.len(), |e| at + e + "</script>".len());
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page.to_owned(),
    }
}

#[tokio::test]
async fn an_entry_renews_the_blog_page_and_leaves_the_rest_of_the_cache() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Harbour strike").await;
    let other = app.published("Another story", "Body.").await;
    let blog = path_of(&article);
    let paths = [blog.as_str(), "/", &path_of(&other)];
    for path in paths {
        fetch(&app, path).await;
        assert_eq!(fetch(&app, path).await.0, "HIT", "{path} is cached");
    }
    post_entry(
        &app,
        &article,
        json!({ "body": "Dockers walk out at dawn." }),
    )
    .await;
    let (label, page) = fetch(&app, &blog).await;
    assert_eq!(label, "MISS");
    assert!(page.contains("Dockers walk out at dawn."));
    assert_eq!(
        fetch(&app, "/").await.0,
        "HIT",
        "the home page stays cached"
    );
    assert_eq!(fetch(&app, &path_of(&other)).await.0, "HIT");
}

#[tokio::test]
async fn the_json_ld_is_a_live_blog_posting_with_its_updates_and_its_end() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Cup final").await;
    post_entry(
        &app,
        &article,
        json!({ "body": "Kick-off in the rain.", "title": "Kick-off", "key_event": true }),
    )
    .await;
    post_entry(
        &app,
        &article,
        json!({ "body": "**Goal!** A header from the corner." }),
    )
    .await;
    let json_ld = |page: &str| -> Value {
        let html = scraper::Html::parse_document(page);
        let selector =
            scraper::Selector::parse("script[type=\"application/ld+json\"]").expect("selector");
        html.select(&selector)
            .map(|s| serde_json::from_str::<Value>(&s.inner_html()).expect("json-ld"))
            .find(|v| v["@type"] == "LiveBlogPosting")
            .expect("a LiveBlogPosting")
    };
    let (_, page) = fetch(&app, &path_of(&article)).await;
    let posting = json_ld(&page);
    assert!(posting["coverageStartTime"].is_string());
    assert!(posting.get("coverageEndTime").is_none(), "still live");
    let updates = posting["liveBlogUpdate"].as_array().expect("updates");
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0]["@type"], "BlogPosting");
    assert_eq!(updates[0]["articleBody"], "Goal! A header from the corner.");
    assert_eq!(updates[1]["headline"], "Kick-off");
    assert!(updates[1]["datePublished"].is_string());

    let (status, coverage) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}/live-blog", article["id"]),
            Some(json!({ "ended": true })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{coverage}");
    assert_eq!(coverage["live"], false);
    let (_, page) = fetch(&app, &path_of(&article)).await;
    assert!(page.contains("This live blog has ended"));
    assert!(!page.contains("class=\"live-badge\""));
    assert!(json_ld(&page)["coverageEndTime"].is_string());
}

#[tokio::test]
async fn the_composer_posts_with_its_token_and_keeps_a_refused_update() {
    let app = TestApp::spawn().await;
    let article = live_story(&app, "Council vote").await;
    user_token(app.store.as_ref(), "editor@example.com", "editor").await;
    let editor = app.sign_in("editor@example.com", PASSWORD).await;
    let composer = format!("/admin/articles/{}/live", article["id"]);
    let (status, html) = editor.page(&composer).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(count(&html, "textarea[name=body]"), 1);

    // No token, no post.
    let response = editor
        .post_raw(
            &composer,
            &[("action", "post"), ("body", "Sneaky")],
            None,
            true,
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // A key event without a title comes back with everything typed.
    let response = editor
        .post(
            &composer,
            &[
                ("action", "post"),
                ("body", "Motion carried 31 to 12."),
                ("key_event", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = scraper::Html::parse_document(&response.text().await.expect("text"));
    assert_eq!(
        text(&html, "textarea[name=body]").as_deref(),
        Some("Motion carried 31 to 12.")
    );
    assert!(
        text(&html, "#entry-title-error")
            .expect("title error")
            .contains("key event")
    );

    let response = editor
        .post(
            &composer,
            &[
                ("action", "post"),
                ("body", "Motion carried 31 to 12."),
                ("title", "Motion carried"),
                ("key_event", "on"),
                ("pinned", "on"),
            ],
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{:?}",
        response.text().await
    );
    let (_, list) = app
        .api(
            Method::GET,
            &format!("/articles/{}/entries", article["id"]),
            None,
        )
        .await;
    let entry = &list["items"][0];
    assert_eq!(entry["title"], "Motion carried");
    assert_eq!(entry["key_event"], true);
    assert_eq!(entry["pinned"], true);
    assert_eq!(entry["author"], "Test editor");

    // Edit, then delete, from the list under the composer.
    let id = entry["id"].to_string();
    let (status, html) = editor.page(&format!("{composer}?edit={id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        text(&html, "textarea[name=body]").as_deref(),
        Some("Motion carried 31 to 12.")
    );
    let response = editor
        .post(
            &composer,
            &[
                ("action", "save"),
                ("entry_id", &id),
                ("body", "Motion carried 32 to 11."),
                ("title", "Motion carried"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, now) = app
        .api(
            Method::GET,
            &format!("/articles/{}/entries/{id}", article["id"]),
            None,
        )
        .await;
    assert_eq!(now["body"], "Motion carried 32 to 11.");
    assert_eq!(now["key_event"], false, "an unticked box is a no");
    let response = editor.post(&composer, &[("action", "end")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = editor
        .post(&composer, &[("action", "delete"), ("entry_id", &id)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = fetch(&app, &path_of(&article)).await;
    assert!(!page.contains("Motion carried"));
    assert!(page.contains("This live blog has ended"));

    // A contributor cannot open it.
    user_token(app.store.as_ref(), "c@example.com", "contributor").await;
    let contributor = app.sign_in("c@example.com", PASSWORD).await;
    let (status, _) = contributor.page(&composer).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_two_thousand_entry_blog_pages_quickly() {
    let app = TestApp::spawn_with(|settings| settings.page_cache = false).await;
    let article = live_story(&app, "A long night").await;
    let id = article["id"].as_i64().expect("id");
    let start = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(10);
    for n in 0..2_000_i64 {
        let entry = newsdesk::store::NewEntry {
            body: format!("Update {n}: the count goes on in ward {}.", n % 40),
            title: (n % 100 == 0).then(|| format!("Ward {} declared", n / 100)),
            key_event: n % 100 == 0,
            pinned: n == 10,
            media_id: None,
        };
        app.store
            .add_entry(
                id,
                &entry,
                None,
                start + jiff::SignedDuration::from_secs(n * 15),
            )
            .await
            .expect("entry");
    }
    let path = path_of(&article);
    for page in ["", "?page=50", "?page=100"] {
        app.page(&format!("{path}{page}")).await;
        let started = Instant::now();
        let (status, html) = app.page(&format!("{path}{page}")).await;
        let took = started.elapsed();
        assert_eq!(status, StatusCode::OK);
        assert_eq!(entry_ids(&html).len(), 20);
        println!("page {page:?} of a 2,000-entry blog: {took:?}");
        assert!(took < Duration::from_secs(1), "{page}: {took:?}");
    }
}

/// A PostgreSQL site served by two instances in this process, each with its own cache.
#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_reader_on_one_instance_gets_an_entry_posted_on_another_within_two_seconds() {
    let schema = PgSchema::create().await;
    let mut a =
        TestApp::spawn_on_database(tempfile::tempdir().expect("tempdir"), &schema.url).await;
    let b = TestApp::spawn_on_database(tempfile::tempdir().expect("tempdir"), &schema.url).await;
    a.token = user_token(a.store.as_ref(), "admin@example.com", "admin").await;
    let article = live_story(&a, "Two instances, one story").await;
    let blog = path_of(&article);
    // B has the page cached (once the notices of the story's creation have arrived), and
    // a reader on B has it open.
    let deadline = Instant::now() + Duration::from_secs(5);
    while fetch(&b, &blog).await.0 != "HIT" {
        assert!(Instant::now() < deadline, "B never cached the page");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut stream = Stream::open(&b.base, &article).await;
    let posted = Instant::now();
    let entry = post_entry(&a, &article, json!({ "body": "Posted on A, read on B." })).await;
    let event = stream.entry(Duration::from_secs(2)).await;
    assert_eq!(event["id"], entry["id"]);
    assert!(
        event["html"]
            .as_str()
            .expect("html")
            .contains("Posted on A, read on B.")
    );
    println!(
        "entry reached the other instance's reader in {:?}",
        posted.elapsed()
    );
    // B's cached page is renewed too.
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let (_, page) = fetch(&b, &blog).await;
        if page.contains("Posted on A, read on B.") {
            break;
        }
        assert!(Instant::now() < deadline, "B still serves the old page");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (status, _) = a
        .api(
            Method::DELETE,
            &format!("/articles/{}/entries/{}", article["id"], entry["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let event = stream.entry(Duration::from_secs(2)).await;
    assert_eq!(event["action"], "deleted");
    // Ended on A: B's reader sees the badge go.
    let (status, _) = a
        .api(
            Method::PATCH,
            &format!("/articles/{}/live-blog", article["id"]),
            Some(json!({ "ended": true })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let event = stream.next("coverage", Duration::from_secs(2)).await;
    assert_eq!(event["live"], false);
}
