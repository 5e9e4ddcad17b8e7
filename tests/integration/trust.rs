//! Trust on the record: corrections and updates on the story, in its JSON-LD, its feed and
//! on `/corrections`; amendments that keep every wording and no deletion; the minor edit
//! that leaves the visible "Updated" time; datelines; embargoes that hold on every public
//! surface until they lift; and where the copy came from. The page cache is on (the
//! default), so every change must show on the very next request.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, PgSchema, TestApp, attr, count, text, user_token};

/// Every JSON-LD block of a page, parsed.
fn json_ld(html: &str) -> Vec<Value> {
    html.split("<script type=\"application/ld+json\">")
        .skip(1)
        .filter_map(|rest| rest.split("</script>").next())
        .map(|block| serde_json::from_str(block).expect("JSON-LD parses"))
        .collect()
}

fn news_article(html: &str) -> Value {
    json_ld(html)
        .into_iter()
        .find(|b| b["@type"] == "NewsArticle")
        .expect("a NewsArticle block")
}

/// The shared schema.org checker (`validators/jsonld-check.js`) and the packages it needs,
/// when this machine has them.
fn jsonld_checker() -> Option<(PathBuf, PathBuf)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let script = std::env::var_os("NEWSDESK_JSONLD_CHECK")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            root.join("../shared/validators/jsonld-check.js"),
            root.join("../../shared/validators/jsonld-check.js"),
            root.join("../../../shared/validators/jsonld-check.js"),
        ])
        .find(|p| p.exists())?;
    let modules = [
        root.join("e2e/node_modules"),
        script.join("../../../main/e2e/node_modules"),
    ]
    .into_iter()
    .find(|p| p.join("schemaorg-jsd").exists())?;
    Some((script, modules))
}

/// Validates a page's JSON-LD with schemaorg-jsd, as the e2e suite does; says so when the
/// checker is not installed here (the structure is asserted by the caller either way).
fn validate_json_ld(html: &str) {
    let Some((script, modules)) = jsonld_checker() else {
        eprintln!(
            "jsonld-check.js or schemaorg-jsd is not installed here; JSON-LD checked by shape only"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("article.html");
    std::fs::write(&file, html).expect("write page");
    let out = std::process::Command::new("node")
        .arg(&script)
        .arg(&file)
        .env("NODE_PATH", &modules)
        .output()
        .expect("node runs");
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "JSON-LD invalid: {printed}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(printed.contains("NewsArticle valid"), "{printed}");
}

async fn body_of(app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = app.get(path).await;
    let status = response.status();
    (status, response.text().await.expect("body"))
}

async fn add_note(app: &TestApp, id: &Value, kind: &str, words: &str) -> Value {
    let (status, note) = app
        .api(
            Method::POST,
            &format!("/articles/{id}/corrections"),
            Some(json!({"kind": kind, "text": words})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{note}");
    note
}

fn in_an_hour() -> Timestamp {
    Timestamp::now() + SignedDuration::from_hours(1)
}

#[tokio::test]
async fn a_correction_shows_on_the_story_in_its_json_ld_its_feed_and_the_record() {
    let app = TestApp::spawn().await;
    let story = app
        .published("Council passes the harbour budget", "The council voted.")
        .await;
    let url = format!("/article/{}", story["slug"].as_str().expect("slug"));
    // Every page is served once first, so the cache holds the version without notes.
    for path in [url.as_str(), "/feed.xml", "/atom.xml", "/corrections"] {
        assert_eq!(app.get(path).await.status(), StatusCode::OK, "{path}");
    }
    let correction = add_note(
        &app,
        &story["id"],
        "correction",
        "An earlier version said 33 votes to 7; it was 31 to 9.",
    )
    .await;
    assert_eq!(correction["kind"], "correction");
    assert_eq!(correction["version"], 1);
    add_note(
        &app,
        &story["id"],
        "update",
        "The mayor signed the budget on Friday.",
    )
    .await;

    let (status, html) = app.page(&url).await;
    assert_eq!(status, StatusCode::OK);
    let top = text(&html, ".story-corrections").expect("corrections at the top");
    assert!(top.contains("Correction"), "{top}");
    assert!(top.contains("it was 31 to 9"), "{top}");
    let updates = text(&html, ".story-updates").expect("updates after the story");
    assert!(updates.contains("The mayor signed the budget"), "{updates}");
    assert!(
        !top.contains("The mayor signed"),
        "updates are not corrections"
    );

    let page = html.html();
    let news = news_article(&page);
    let listed = news["correction"].as_array().expect("correction list");
    assert_eq!(listed.len(), 1, "{news}");
    assert_eq!(listed[0]["@type"], "CorrectionComment");
    assert!(
        listed[0]["text"]
            .as_str()
            .expect("text")
            .contains("31 to 9")
    );
    assert!(listed[0]["datePublished"].as_str().is_some());
    validate_json_ld(&page);

    for feed in ["/feed.xml", "/atom.xml"] {
        let (status, xml) = body_of(&app, feed).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            xml.contains("it was 31 to 9"),
            "{feed} carries the correction"
        );
        assert!(xml.contains("The mayor signed the budget"), "{feed}");
    }

    let (status, record) = app.page("/corrections").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        count(&record, ".correction-entry"),
        1,
        "updates are not listed"
    );
    let entry = text(&record, ".correction-entry").expect("entry");
    assert!(
        entry.contains("Council passes the harbour budget"),
        "{entry}"
    );
    assert!(record.html().contains(&format!("href=\"{url}#notes\"")));
    let (_, sitemap) = body_of(&app, "/sitemaps/pages.xml").await;
    assert!(sitemap.contains("/corrections</loc>"), "{sitemap}");

    // The API reads them back with the story.
    let (_, article) = app
        .api(Method::GET, &format!("/articles/{}", story["id"]), None)
        .await;
    assert_eq!(article["corrections"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn the_corrections_record_is_paged_newest_first() {
    let app = TestApp::spawn().await;
    let story = app.published("A story with many mistakes", "Words.").await;
    for n in 1..=21 {
        add_note(
            &app,
            &story["id"],
            "clarification",
            &format!("Clarification number {n}."),
        )
        .await;
    }
    let (_, first) = app.page("/corrections").await;
    assert_eq!(count(&first, ".correction-entry"), 20);
    assert!(
        text(&first, ".correction-entry .note-text")
            .expect("first")
            .contains("number 21")
    );
    let (status, second) = app.page("/corrections?page=2").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(count(&second, ".correction-entry"), 1);
    assert_eq!(
        app.get("/corrections?page=3").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn amendments_keep_every_wording_and_no_note_is_deleted() {
    let app = TestApp::spawn().await;
    let story = app.published("A story corrected twice", "Words.").await;
    let id = &story["id"];
    let note = add_note(&app, id, "correction", "The bridge opened in 1998.").await;
    let path = format!("/articles/{id}/corrections/{}", note["id"]);

    let (status, amended) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"text": "The bridge opened in 1989.", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{amended}");
    assert_eq!(amended["version"], 2);
    assert_eq!(amended["kind"], "correction");
    let (_, html) = app
        .page(&format!(
            "/article/{}",
            story["slug"].as_str().expect("slug")
        ))
        .await;
    let top = text(&html, ".story-corrections").expect("note");
    assert!(top.contains("1989") && !top.contains("1998"), "{top}");

    let (status, history) = app.api(Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK, "{history}");
    let wordings = history["history"].as_array().expect("history");
    assert_eq!(wordings.len(), 2);
    assert_eq!(wordings[0]["text"], "The bridge opened in 1989.");
    assert_eq!(wordings[1]["text"], "The bridge opened in 1998.");
    assert_eq!(wordings[1]["version"], 1);

    // A stale amendment overwrites nothing.
    let (status, stale) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"text": "Other.", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{stale}");
    // Emptying a note, or turning a correction into something else, is not deleting it.
    for change in [json!({"text": "  "}), json!({"kind": "update"})] {
        let (status, problem) = app.api(Method::PATCH, &path, Some(change)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    }

    let response = app
        .client
        .delete(app.url(&format!("/api/v1{path}")))
        .bearer_auth(&app.token)
        .send()
        .await
        .expect("delete");
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let problem: Value = response.json().await.expect("problem");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("cannot be deleted"),
        "{problem}"
    );
    let (_, listed) = app
        .api(Method::GET, &format!("/articles/{id}/corrections"), None)
        .await;
    assert_eq!(listed["items"].as_array().map(Vec::len), Some(1));

    // Only editors write notes readers see; a draft has none yet.
    let author = user_token(app.store.as_ref(), "author@example.com", "author").await;
    let (status, _) = app
        .api_as(
            &author,
            Method::POST,
            &format!("/articles/{id}/corrections"),
            Some(json!({"kind": "correction", "text": "Mine."})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let section = app.section("Drafts").await;
    let writer = app.author("Draft Writer").await;
    let (_, draft) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "Not out", "body": "Words.", "section": section["slug"],
                        "authors": [writer["slug"]]}),
            ),
        )
        .await;
    let (status, problem) = app
        .api(
            Method::POST,
            &format!("/articles/{}/corrections", draft["id"]),
            Some(json!({"kind": "correction", "text": "Too early."})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
}

#[tokio::test]
async fn an_editor_corrects_and_amends_from_the_newsroom() {
    let app = TestApp::spawn().await;
    let story = app.published("A story fixed in the editor", "Words.").await;
    let id = story["id"].as_i64().expect("id");
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let (status, html) = session.page(&format!("/admin/articles/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(count(&html, "form.add-correction"), 1);

    // A refusal comes back with the words typed.
    let response = session
        .post(
            &format!("/admin/articles/{id}/corrections"),
            &[
                ("kind", "correction"),
                ("text", "Kept words."),
                ("at", "yesterday"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("page");
    assert!(page.contains("Kept words."), "the form keeps the text");
    assert!(
        page.contains("is not an RFC 3339 time"),
        "says what is wrong"
    );

    let response = session
        .post(
            &format!("/admin/articles/{id}/corrections"),
            &[("kind", "correction"), ("text", "The mayor is Ms Achieng.")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, listed) = app
        .api(Method::GET, &format!("/articles/{id}/corrections"), None)
        .await;
    let note = listed["items"][0]["id"].clone();
    let response = session
        .post(
            &format!("/admin/articles/{id}/corrections/{note}"),
            &[
                ("text", "The mayor is Ms Achieng Otieno."),
                ("version", "1"),
                ("kind", "correction"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, html) = session.page(&format!("/admin/articles/{id}")).await;
    let history = text(&html, ".note-history").expect("history for editors");
    assert!(history.contains("Ms Achieng Otieno") && history.contains("Ms Achieng."));
}

#[tokio::test]
async fn a_minor_edit_leaves_the_visible_updated_time() {
    let app = TestApp::spawn().await;
    let story = app
        .published("Water rationing ends", "The rationing ends on Monday.")
        .await;
    let path = format!("/articles/{}", story["id"]);
    let page = format!("/article/{}", story["slug"].as_str().expect("slug"));
    assert_eq!(story["updated_shown_at"], Value::Null);
    assert_eq!(app.get(&page).await.status(), StatusCode::OK);

    let (status, minor) = app
        .api(
            Method::PATCH,
            &path,
            Some(
                json!({"body": "The rationing ends on Monday!", "minor_edit": true, "version": 1}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{minor}");
    assert_eq!(
        minor["updated_shown_at"],
        Value::Null,
        "a minor edit is not an update"
    );
    assert_eq!(minor["body"], "The rationing ends on Monday!");
    let (_, html) = app.page(&page).await;
    assert_eq!(count(&html, ".story-head .updated"), 0);
    assert!(html.html().contains("Monday!"), "the text changed");

    let (status, real) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"body": "The rationing ends on Tuesday, not Monday.", "version": 2})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{real}");
    let stamped = real["updated_shown_at"].clone();
    assert!(stamped.is_string(), "a real edit stamps Updated: {real}");
    let (_, html) = app.page(&page).await;
    assert_eq!(count(&html, ".story-head .updated"), 1);

    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (_, again) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"body": "The rationing ends on Tuesday, not on Monday.", "minor_edit": true, "version": 3})),
        )
        .await;
    assert_eq!(again["updated_shown_at"], stamped, "the visible time stays");
    assert_ne!(
        again["updated_at"], real["updated_at"],
        "dateModified moves"
    );
    let (_, html) = app.page(&page).await;
    let modified = news_article(&html.html())["dateModified"].clone();
    assert_eq!(modified, again["updated_at"]);
}

#[tokio::test]
async fn the_dateline_opens_the_story_its_json_ld_and_its_feed_item() {
    let app = TestApp::spawn().await;
    let section = app.section("World").await;
    let author = app.author("Wanjiru Kamau").await;
    let (status, story) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({"title": "Talks resume in the capital", "body": "Negotiators met again on Monday.",
                        "section": section["slug"], "authors": [author["slug"]],
                        "status": "published", "dateline": "Nairobi"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{story}");
    assert_eq!(story["dateline"], "Nairobi");
    let (_, html) = app
        .page(&format!(
            "/article/{}",
            story["slug"].as_str().expect("slug")
        ))
        .await;
    assert_eq!(
        text(&html, ".body p .dateline").as_deref(),
        Some("NAIROBI —")
    );
    let first = text(&html, ".body p").expect("first paragraph");
    assert!(first.starts_with("NAIROBI — Negotiators met"), "{first}");
    let page = html.html();
    assert_eq!(news_article(&page)["dateline"], "Nairobi");
    validate_json_ld(&page);
    let (_, rss) = body_of(&app, "/feed.xml").await;
    assert!(rss.contains("NAIROBI — Negotiators met"), "{rss}");

    let (status, problem) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", story["id"]),
            Some(json!({"dateline": "A\nB", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
}

/// Paths a reader or a machine may reach a story by, for a story in `section` by `author`.
fn public_surfaces(section: &str, author: &str, tag: &str, word: &str) -> Vec<String> {
    vec![
        "/".into(),
        format!("/section/{section}"),
        format!("/tag/{tag}"),
        format!("/author/{author}"),
        "/feed.xml".into(),
        "/atom.xml".into(),
        format!("/section/{section}/feed.xml"),
        format!("/tag/{tag}/atom.xml"),
        "/sitemaps/articles-1.xml".into(),
        "/sitemaps/news.xml".into(),
        format!("/search?q={word}"),
        format!("/api/v1/search?q={word}"),
        "/api/v1/popular".into(),
        "/api/v1/breaking".into(),
        "/corrections".into(),
    ]
}

#[tokio::test]
async fn an_embargoed_story_is_refused_everywhere_and_shows_nowhere() {
    let app = TestApp::spawn().await;
    let section = app.section("Economy").await;
    let author = app.author("Otieno Were").await;
    let until = in_an_hour();
    let word = "Quokkanomics";
    let story = json!({
        "title": format!("{word}: the budget in full"),
        "body": format!("The {word} budget is embargoed."),
        "section": section["slug"], "authors": [author["slug"]], "tags": ["Budget Day"],
        "embargo_until": until.to_string(),
    });
    // Published straight away: refused, with the time it lifts.
    let mut now = story.clone();
    now["status"] = json!("published");
    let (status, problem) = app.api(Method::POST, "/articles", Some(now)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(problem["type"], "urn:newsdesk:problem:conflict");
    let lifts: Timestamp = problem["embargo_until"]
        .as_str()
        .expect("embargo_until")
        .parse()
        .expect("time");
    assert_eq!(lifts.as_second(), until.as_second());
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("embargo")
    );

    let (status, draft) = app.api(Method::POST, "/articles", Some(story)).await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    let id = draft["id"].clone();
    let path = format!("/articles/{id}");
    // Publishing and scheduling for before it lifts are refused.
    let early = (until - SignedDuration::from_mins(10)).to_string();
    for change in [
        json!({"status": "published", "version": 1}),
        json!({"status": "scheduled", "published_at": early, "version": 1}),
        json!({"status": "published", "published_at": early, "version": 1}),
    ] {
        let (status, problem) = app.api(Method::PATCH, &path, Some(change)).await;
        assert_eq!(status, StatusCode::CONFLICT, "{problem}");
        assert!(problem["embargo_until"].is_string());
    }
    // The newsroom form explains, with the story as it was typed.
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let (_, editor) = session.page(&format!("/admin/articles/{id}")).await;
    assert!(editor.html().contains("Embargoed"), "the editor says so");
    let local_until = attr(&editor, "#f-embargo_until", "value").expect("embargo field");
    let response = session
        .post(
            &format!("/admin/articles/{id}"),
            &[
                ("title", "Quokkanomics: the budget in full, typed again"),
                ("body", "The Quokkanomics budget is embargoed."),
                ("section", section["slug"].as_str().expect("slug")),
                ("authors", author["slug"].as_str().expect("slug")),
                ("status", "published"),
                ("version", "1"),
                ("embargo_until", &local_until),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let form = response.text().await.expect("form");
    assert!(form.contains("under embargo until"), "the form says why");
    assert!(
        form.contains("typed again"),
        "the form comes back filled in"
    );

    // The front page and the breaking banner take only public stories.
    let (status, _) = app
        .api(
            Method::PUT,
            "/front",
            Some(json!({"slots": [{"slot": "lead", "article_id": id}]})),
        )
        .await;
    assert!(status.is_client_error(), "{status}");
    let (status, _) = app
        .api(
            Method::PUT,
            &format!("/articles/{id}/breaking"),
            Some(json!({})),
        )
        .await;
    assert!(status.is_client_error(), "{status}");

    // Scheduling for when it lifts is allowed; until then it is nowhere public.
    let (status, scheduled) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"status": "scheduled", "published_at": until.to_string(), "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{scheduled}");
    assert_eq!(scheduled["status"], "scheduled");
    let slug = scheduled["slug"].as_str().expect("slug").to_owned();
    assert_eq!(
        app.get(&format!("/article/{slug}")).await.status(),
        StatusCode::NOT_FOUND
    );
    let anonymous = app
        .client
        .get(app.url(&format!("/api/v1/articles/{id}")))
        .send()
        .await
        .expect("get");
    assert_eq!(anonymous.status(), StatusCode::NOT_FOUND);
    let tag = scheduled["tags"][0]["slug"]
        .as_str()
        .expect("tag")
        .to_owned();
    for surface in public_surfaces(
        section["slug"].as_str().expect("slug"),
        author["slug"].as_str().expect("slug"),
        &tag,
        word,
    ) {
        let (status, body) = body_of(&app, &surface).await;
        assert!(
            status == StatusCode::OK || status == StatusCode::NOT_FOUND,
            "{surface}: {status}"
        );
        // The headline, not the searched word: a search page repeats what was asked.
        assert!(
            !body.contains("the budget in full"),
            "{surface} shows the embargoed story"
        );
    }
    let (status, integration) = app
        .api(
            Method::POST,
            "/integrations",
            Some(json!({"name": "Front end"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{integration}");
    let key = integration["content_api_key"].as_str().expect("key");
    let (status, ghost) = body_of(&app, &format!("/ghost/api/content/posts/?key={key}")).await;
    assert_eq!(status, StatusCode::OK, "{ghost}");
    assert!(
        !ghost.contains(word),
        "the Content API shows the embargoed story"
    );
    let (status, _) = body_of(
        &app,
        &format!("/ghost/api/content/posts/slug/{slug}/?key={key}"),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_embargoed_story_goes_out_once_the_embargo_lifts() {
    let app = TestApp::spawn().await;
    let section = app.section("Markets").await;
    let author = app.author("Achieng Odera").await;
    let until = Timestamp::now() + SignedDuration::from_secs(2);
    let (status, scheduled) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "Quarterly figures for the port", "body": "Figures.",
                        "section": section["slug"], "authors": [author["slug"]],
                        "status": "scheduled", "published_at": until.to_string(),
                        "embargo_until": until.to_string()}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{scheduled}");
    let (status, waiting) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "A draft under the same embargo", "body": "Figures.",
                        "section": section["slug"], "authors": [author["slug"]],
                        "embargo_until": until.to_string()}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{waiting}");
    let page = format!("/article/{}", scheduled["slug"].as_str().expect("slug"));
    assert_eq!(app.get(&page).await.status(), StatusCode::NOT_FOUND);

    // The scheduler publishes it when the embargo lifts.
    let started = Instant::now();
    loop {
        if app.get(&page).await.status() == StatusCode::OK {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "never published"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (_, rss) = body_of(&app, "/feed.xml").await;
    assert!(rss.contains("Quarterly figures for the port"));
    // And anyone may now publish the other story straight away.
    let (status, published) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", waiting["id"]),
            Some(json!({"status": "published", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(published["status"], "published");
}

#[tokio::test]
async fn agency_copy_carries_its_source_and_the_desk_filters_by_it() {
    let app = TestApp::spawn().await;
    let section = app.section("Region").await;
    let author = app.author("Staff Writer").await;
    let (status, problem) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "No byline", "body": "Words.", "section": section["slug"],
                        "authors": [], "status": "published"}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let (status, problem) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "Nameless wire", "body": "Words.", "section": section["slug"],
                        "authors": [], "source": {"kind": "agency"}}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");

    let (status, wire) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "Floods close the coast road", "body": "The road is shut.",
                        "section": section["slug"], "authors": [], "status": "published",
                        "source": {"kind": "agency", "agency": "PNN",
                                   "url": "https://pnn.example/wire/1", "rights": "Run in full."}}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{wire}");
    assert_eq!(wire["source"]["kind"], "agency");
    assert_eq!(wire["source"]["agency"], "PNN");
    let (status, release) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({"title": "Bank opens a branch", "body": "A branch opens.",
                        "section": section["slug"], "authors": [author["slug"]], "status": "published",
                        "source": {"kind": "press_release"}})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{release}");
    app.published("Our own reporting", "Words.").await;

    let (_, html) = app
        .page(&format!(
            "/article/{}",
            wire["slug"].as_str().expect("slug")
        ))
        .await;
    assert_eq!(text(&html, ".story .byline").as_deref(), Some("By PNN"));
    assert_eq!(count(&html, ".story .byline a"), 0, "no author profile");
    assert!(
        text(&html, ".provenance")
            .expect("provenance")
            .starts_with("This story is from PNN.")
    );
    let author_ld = &news_article(&html.html())["author"][0];
    assert_eq!(author_ld["@type"], "Organization");
    assert_eq!(author_ld["name"], "PNN");
    validate_json_ld(&html.html());
    let (_, html) = app
        .page(&format!(
            "/article/{}",
            release["slug"].as_str().expect("slug")
        ))
        .await;
    assert_eq!(
        text(&html, ".provenance").as_deref(),
        Some("This story is from a press release.")
    );

    let (status, listed) = app.api(Method::GET, "/articles?source=agency", None).await;
    assert_eq!(status, StatusCode::OK);
    let titles: Vec<&str> = listed["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles, ["Floods close the coast road"]);
    let (status, _) = app.api(Method::GET, "/articles?source=wire", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let (_, list) = session.page("/admin/articles?source=press_release").await;
    let shown = text(&list, "table.list tbody").expect("rows");
    assert!(shown.contains("Bank opens a branch"), "{shown}");
    assert!(!shown.contains("Floods close") && !shown.contains("Our own reporting"));
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_correction_made_on_one_instance_shows_on_the_other() {
    let schema = PgSchema::create().await;
    let a = TestApp::spawn_on_database(tempfile::tempdir().expect("tmp"), &schema.url).await;
    let b = TestApp::spawn_on_database(tempfile::tempdir().expect("tmp"), &schema.url).await;
    let token = user_token(a.store.as_ref(), "editor@example.com", "editor").await;
    let (_, section) = a
        .api_as(
            &token,
            Method::POST,
            "/sections",
            Some(json!({"name": "Shared"})),
        )
        .await;
    let (_, author) = a
        .api_as(
            &token,
            Method::POST,
            "/authors",
            Some(json!({"name": "Two Places"})),
        )
        .await;
    let (status, story) = a
        .api_as(
            &token,
            Method::POST,
            "/articles",
            Some(json!({"title": "One story, two servers", "body": "Words.",
                        "section": section["slug"], "authors": [author["slug"]],
                        "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{story}");
    let page = format!("/article/{}", story["slug"].as_str().expect("slug"));
    // B caches the pages without the note.
    for path in [page.as_str(), "/feed.xml", "/corrections"] {
        assert_eq!(b.get(path).await.status(), StatusCode::OK);
    }
    let (status, note) = a
        .api_as(
            &token,
            Method::POST,
            &format!("/articles/{}/corrections", story["id"]),
            Some(json!({"kind": "correction", "text": "Seen on both servers."})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{note}");
    for path in [page.as_str(), "/feed.xml", "/corrections"] {
        let started = Instant::now();
        loop {
            let (_, body) = body_of(&b, path).await;
            if body.contains("Seen on both servers.") {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "{path} on the other instance never showed the correction"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}
