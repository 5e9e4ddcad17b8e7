//! The newsroom's daily flow: photo details that stay with the library, scheduling that says
//! when a story goes live, review before publication, and notes that never reach readers.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, RgbImage};
use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Session, TestApp, count, text, user_token};

fn photo() -> Vec<u8> {
    let image = DynamicImage::ImageRgb8(RgbImage::from_fn(640, 400, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    }));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Jpeg).expect("encode");
    out.into_inner()
}

/// Uploads a photo as the editor's script does: before any words are typed.
async fn upload_from_editor(app: &TestApp, session: &Session) -> Value {
    let form = Form::new().part(
        "file",
        Part::bytes(photo())
            .file_name("harbour.jpg")
            .mime_str("image/jpeg")
            .expect("mime"),
    );
    let response = session
        .client
        .post(app.url("/admin/media"))
        .header("origin", app.base.as_str())
        .header("x-csrf-token", session.csrf.as_str())
        .header("accept", "application/json")
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.expect("json")
}

async fn desk(app: &TestApp) -> (Value, Value) {
    (app.section("City").await, app.author("Amina Otieno").await)
}

#[tokio::test]
async fn photo_details_typed_in_the_editor_reach_the_library_item() {
    let app = TestApp::spawn().await;
    let (section, author) = desk(&app).await;
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let item = upload_from_editor(&app, &editor).await;
    assert_eq!(item["alt"], "");
    let url = item["url"].as_str().expect("url");
    let response = editor
        .post(
            "/admin/articles",
            &[
                ("title", "Boats come home"),
                ("body", "The fleet returned at dawn."),
                ("section", section["slug"].as_str().expect("slug")),
                ("authors", author["slug"].as_str().expect("slug")),
                ("status", "draft"),
                ("lead_image_url", url),
                ("lead_image_alt", "Fishing boats in the harbour at dawn"),
                ("lead_image_credit", "Courtesy"),
                ("lead_image_caption", "The fleet returns"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, saved) = app
        .api(Method::GET, &format!("/media/{}", item["id"]), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(saved["alt"], "Fishing boats in the harbour at dawn");
    assert_eq!(saved["credit"], "Courtesy");
    assert_eq!(saved["caption"], "The fleet returns");
    // The library page no longer says it lacks alt text, and the picker offers the words.
    let (_, library) = editor.page("/admin/media").await;
    assert_eq!(
        count(&library, ".warn"),
        0,
        "no photo is flagged for lacking alt text"
    );
    assert!(
        library
            .html()
            .contains("Fishing boats in the harbour at dawn")
    );
    let (_, new_story) = editor.page("/admin/articles/new").await;
    let html = new_story.html();
    assert!(
        html.contains("data-alt=\"Fishing boats in the harbour at dawn\""),
        "the picker carries the photo's words"
    );
    // Words already in the library are not overwritten by another story's.
    let response = editor
        .post(
            "/admin/articles",
            &[
                ("title", "Boats again"),
                ("body", "Another day."),
                ("section", section["slug"].as_str().expect("slug")),
                ("authors", author["slug"].as_str().expect("slug")),
                ("status", "draft"),
                ("lead_image_url", url),
                ("lead_image_alt", "Something else"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, kept) = app
        .api(Method::GET, &format!("/media/{}", item["id"]), None)
        .await;
    assert_eq!(kept["alt"], "Fishing boats in the harbour at dawn");
    // The picker searches the library.
    let found: Value = editor
        .client
        .get(app.url("/admin/media?q=harbour"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("search")
        .json()
        .await
        .expect("json");
    assert_eq!(found["total"], 1, "{found}");
    let none: Value = editor
        .client
        .get(app.url("/admin/media?q=volcano"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("search")
        .json()
        .await
        .expect("json");
    assert_eq!(none["total"], 0, "{none}");
}

#[tokio::test]
async fn a_scheduled_story_says_when_it_goes_live_and_never_that_it_is_published() {
    let app = TestApp::spawn().await;
    let (section, author) = desk(&app).await;
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let at = jiff::Timestamp::now() + jiff::SignedDuration::from_mins(150);
    let (status, article) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Budget at noon",
                "body": "The minister speaks.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "status": "scheduled",
                "published_at": at.to_string(),
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{article}");
    let (_, html) = editor
        .page(&format!("/admin/articles/{}?done=saved", article["id"]))
        .await;
    let note = text(&html, ".notice.scheduled").expect("a scheduling note");
    assert!(note.starts_with("Scheduled: goes live at"), "{note}");
    assert!(note.contains("(in 2 hours)"), "{note}");
    let page = html.html();
    assert!(
        !page.contains("Saved."),
        "a scheduled story is not just saved"
    );
    assert!(!page.contains("Published time"), "{page}");
    assert!(page.contains("Goes live:"));
}

/// Waits for `n` messages at the test relay.
async fn messages(inbox: &std::sync::Arc<std::sync::Mutex<Vec<String>>>, n: usize) -> Vec<String> {
    for _ in 0..50 {
        let kept = inbox.lock().expect("lock").clone();
        if kept.len() >= n {
            return kept;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "expected {n} emails at the relay, got {:?}",
        inbox.lock().expect("lock")
    );
}

#[tokio::test]
async fn a_contributor_submits_for_review_editors_are_mailed_and_decide() {
    let (port, inbox) = crate::helpers::fake_smtp().await;
    let app = TestApp::spawn_with(|s| {
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        s.mail_from = Some("Desk <desk@example.com>".into());
    })
    .await;
    let (section, author) = desk(&app).await;
    let writer = user_token(app.store.as_ref(), "writer@example.com", "contributor").await;
    let (status, story) = app
        .api_as(
            &writer,
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Water rationing ends",
                "body": "The taps run again from Monday.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "status": "review",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{story}");
    assert_eq!(story["status"], "review");
    let id = story["id"].as_i64().expect("id");

    // The editors (here the admin) hear of it through the relay.
    let mail = messages(&inbox, 1).await;
    assert!(mail[0].contains("To: admin@example.com"), "{}", mail[0]);
    assert!(mail[0].contains("Waiting for review: Water rationing ends"));

    // The queue, in the API and on the dashboard.
    let (_, queue) = app.api(Method::GET, "/articles?status=review", None).await;
    assert_eq!(queue["total"], 1, "{queue}");
    assert_eq!(queue["items"][0]["id"], id);
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let (_, dashboard) = editor.page("/admin").await;
    let waiting = text(&dashboard, ".review-queue").expect("queue");
    assert!(waiting.contains("Water rationing ends"), "{waiting}");
    assert!(waiting.contains("sent by Test contributor"), "{waiting}");

    // The contributor may not publish it, in review or not.
    let (status, refusal) = app
        .api_as(
            &writer,
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({ "status": "published", "version": story["version"] })),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refusal}");
    // Nor send it back, assign it: those are the editors'.
    let contributor = app.sign_in("writer@example.com", PASSWORD).await;
    let response = contributor
        .post(
            &format!("/admin/articles/{id}/send-back"),
            &[("note", "self")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // The editor sends it back with a note: the writer is mailed, the queue empties.
    let response = editor
        .post(
            &format!("/admin/articles/{id}/send-back"),
            &[("note", "Add the utility's statement.")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mail = messages(&inbox, 2).await;
    assert!(mail[1].contains("To: writer@example.com"), "{}", mail[1]);
    assert!(
        mail[1].contains("Add the utility's statement."),
        "{}",
        mail[1]
    );
    let (_, queue) = app.api(Method::GET, "/articles?status=review", None).await;
    assert_eq!(queue["total"], 0, "{queue}");
    let (_, page) = contributor.page(&format!("/admin/articles/{id}")).await;
    assert!(
        page.html().contains("Add the utility&#x27;s statement.")
            || page.html().contains("Add the utility's statement.")
    );

    // Submitted again from the editor, then published by the editor: out of the queue.
    let (_, current) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    assert_eq!(current["status"], "draft");
    let (status, again) = app
        .api_as(
            &writer,
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({
                "body": "The taps run again from Monday, the utility said.",
                "status": "review",
                "version": current["version"],
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["status"], "review");
    let (status, published) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({ "status": "published", "version": again["version"] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(published["status"], "published");
    let (_, queue) = app.api(Method::GET, "/articles?status=review", None).await;
    assert_eq!(queue["total"], 0, "{queue}");
    // Each step is in the audit log.
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for action in ["submit for review", "send back", "publish"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
}

#[tokio::test]
async fn stories_are_assigned_by_editors_only() {
    let app = TestApp::spawn().await;
    let (section, author) = desk(&app).await;
    let writer = user_token(app.store.as_ref(), "writer@example.com", "author").await;
    let (_, story) = app
        .api_as(
            &writer,
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Port strike",
                "body": "Dockers walk out.",
                "section": section["slug"],
                "authors": [author["slug"]],
            })),
        )
        .await;
    let id = story["id"].as_i64().expect("id");
    let writer_id = app
        .store
        .list_users()
        .await
        .expect("users")
        .into_iter()
        .find(|u| u.email.to_string() == "writer@example.com")
        .expect("writer")
        .id
        .to_string();
    let author_session = app.sign_in("writer@example.com", PASSWORD).await;
    let refused = author_session
        .post(
            &format!("/admin/articles/{id}/assign"),
            &[("assigned_to", writer_id.as_str())],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let response = editor
        .post(
            &format!("/admin/articles/{id}/assign"),
            &[("assigned_to", writer_id.as_str())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let entry = app
        .store
        .desk_entry(id)
        .await
        .expect("desk")
        .expect("entry");
    assert_eq!(entry.assigned_name.as_deref(), Some("Test author"));
}

/// Every address a reader can reach from these starting points, on this site, with its text.
async fn crawl(app: &TestApp, start: &[String]) -> Vec<(String, String)> {
    let mut queue: std::collections::VecDeque<String> = start.iter().cloned().collect();
    let mut seen: std::collections::HashSet<String> = queue.iter().cloned().collect();
    let mut pages = Vec::new();
    let reader = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
        .expect("client");
    while let Some(path) = queue.pop_front() {
        if pages.len() > 300 {
            break;
        }
        let response = reader.get(app.url(&path)).send().await.expect("request");
        let text = response.text().await.unwrap_or_default();
        for link in links(&text, &app.base) {
            let skip = link.starts_with("/admin")
                || link.starts_with("/static")
                || link.starts_with("/media")
                || link.contains("/live");
            if !skip && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
        pages.push((path, text));
    }
    pages
}

/// Same-site addresses in a page, feed or sitemap: href, src and <loc>/<link> contents.
fn links(text: &str, base: &str) -> Vec<String> {
    let mut found = Vec::new();
    for marker in ["href=\"", "src=\"", "<loc>", "<link>", "\"url\":\""] {
        let mut rest = text;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            let end = rest.find(['"', '<']).unwrap_or(rest.len());
            let raw = rest[..end].replace("&amp;", "&");
            let path = raw.strip_prefix(base).unwrap_or(&raw);
            if path.starts_with('/') && !path.starts_with("//") {
                found.push(path.split('#').next().unwrap_or(path).to_owned());
            }
        }
    }
    found
}

#[tokio::test]
async fn internal_notes_never_reach_a_reader_anywhere() {
    let app = TestApp::spawn().await;
    let story = app
        .published("Council approves budget", "The vote was 7 to 2.")
        .await;
    let id = story["id"].as_i64().expect("id");
    let secret = "NOTE-ONLY-FOR-THE-DESK-7f3a";
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let response = editor
        .post(
            &format!("/admin/articles/{id}/notes"),
            &[(
                "note",
                &format!("{secret}: the source asked not to be named"),
            )],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // The newsroom sees it, and so does the audit log.
    let (_, page) = editor.page(&format!("/admin/articles/{id}")).await;
    assert!(page.html().contains(secret));
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    assert!(
        audit.to_string().contains(secret),
        "the note is kept in the audit log"
    );
    // An edit after the note, so revisions and the page cache have moved on.
    let (_, current) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({ "body": "The vote was 7 to 2, after a long night.", "version": current["version"] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let slug = story["slug"].as_str().expect("slug");
    let mut start: Vec<String> = [
        "/".to_owned(),
        format!("/article/{slug}"),
        format!("/a/{id}"),
        "/feed.xml".to_owned(),
        "/atom.xml".to_owned(),
        "/sitemap.xml".to_owned(),
        "/robots.txt".to_owned(),
        "/search?q=budget".to_owned(),
        "/search?q=source".to_owned(),
        format!("/api/v1/articles/{id}"),
        format!("/api/v1/articles/{id}/comments"),
        format!("/api/v1/articles/{id}/reactions"),
        format!("/api/v1/articles/{id}/revisions"),
        "/api/v1/search?q=budget".to_owned(),
        "/api/v1/search?q=source".to_owned(),
        "/api/v1/popular".to_owned(),
        "/api/v1/articles".to_owned(),
    ]
    .to_vec();
    if let Some(section) = story["section"]["slug"].as_str() {
        start.push(format!("/section/{section}/feed.xml"));
    }
    let pages = crawl(&app, &start).await;
    assert!(pages.len() >= start.len(), "{}", pages.len());
    for (path, text) in &pages {
        assert!(!text.contains(secret), "{path} shows an internal note");
        assert!(
            !text.contains("the source asked not to be named"),
            "{path} shows an internal note"
        );
    }
}

#[tokio::test]
async fn a_draft_previews_in_the_public_theme_and_its_shared_link_expires_or_is_withdrawn() {
    let app = TestApp::spawn().await;
    let (section, author) = desk(&app).await;
    let (_, story) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Ferry timetable changes",
                "body": "Boats leave at 4.30am.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n",
                "section": section["slug"],
                "authors": [author["slug"]],
            })),
        )
        .await;
    let id = story["id"].as_i64().expect("id");
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    // The newsroom's full-page preview: the public theme, with a banner, not indexed.
    let response = editor.get(&format!("/admin/articles/{id}/preview")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("html");
    assert!(
        html.contains("class=\"headline\""),
        "the public article template"
    );
    assert!(html.contains("preview-banner"));
    assert!(html.contains("noindex"));
    assert!(
        html.contains("embed embed-youtube"),
        "embeds show as in the story"
    );
    // Readers cannot reach it.
    let anonymous = app.browser();
    let refused = anonymous
        .get(&format!("/admin/articles/{id}/preview"))
        .await;
    assert_ne!(refused.status(), StatusCode::OK);

    // A shared link, signed and never indexed.
    let response = editor
        .post(&format!("/admin/articles/{id}/preview-links"), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = editor.page(&format!("/admin/articles/{id}")).await;
    let link = crate::helpers::attr(&page, "input.preview-url", "value").expect("a link");
    let path = link
        .strip_prefix(&app.base)
        .expect("on this site")
        .to_owned();
    let response = anonymous.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response
            .headers()
            .get("x-robots-tag")
            .map(|v| v.to_str().unwrap_or("")),
        Some("noindex, nofollow")
    );
    let html = response.text().await.expect("html");
    assert!(html.contains("Ferry timetable changes"));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));

    // A forged or altered link is refused.
    let forged = format!(
        "{}0",
        path.trim_end_matches(|c: char| c.is_ascii_hexdigit())
    );
    assert_eq!(anonymous.get(&forged).await.status(), StatusCode::GONE);
    let (link_id, rest) = path
        .trim_start_matches("/preview/")
        .split_once('-')
        .expect("id");
    let (expires, signature) = rest.split_once('-').expect("expiry");
    let later: i64 = expires.parse::<i64>().expect("number") + 3600;
    let stretched = format!("/preview/{link_id}-{later}-{signature}");
    assert_eq!(anonymous.get(&stretched).await.status(), StatusCode::GONE);

    // Withdrawn: refused at once.
    let response = editor
        .post(
            &format!("/admin/articles/{id}/preview-links/{link_id}/revoke"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = anonymous.get(&path).await;
    assert_eq!(response.status(), StatusCode::GONE);
    assert!(response.text().await.expect("html").contains("withdrawn"));

    // Expired: a link whose 48 hours have passed is refused.
    let now = jiff::Timestamp::now();
    let old = app
        .store
        .create_preview_link(
            id,
            None,
            now - jiff::SignedDuration::from_hours(49),
            now - jiff::SignedDuration::from_hours(1),
        )
        .await
        .expect("link");
    let keys = newsdesk::web::reader::ReaderKeys::new(&site_secret(&app).await, false);
    let expired = format!(
        "/preview/{}",
        keys.preview_token(old.id, old.expires_at.as_second())
    );
    let response = anonymous.get(&expired).await;
    assert_eq!(response.status(), StatusCode::GONE);
    assert!(response.text().await.expect("html").contains("expired"));
}

/// The site's signing secret, as the server reads it.
async fn site_secret(app: &TestApp) -> String {
    app.store
        .site_secret("reader_cookie_key", "unused")
        .await
        .expect("secret")
}

#[tokio::test]
async fn an_address_on_its_own_line_becomes_a_placeholder_that_loads_nothing_from_the_provider() {
    let app = TestApp::spawn().await;
    let story = app
        .published(
            "Storm over the bay",
            "Watch the waves:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n\
             https://vimeo.com/76979871\n\n\
             A look-alike stays a plain address:\n\n\
             https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ\n",
        )
        .await;
    let (status, html) = app
        .page(&format!(
            "/article/{}",
            story["slug"].as_str().expect("slug")
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let body = crate::helpers::inner_html(&html, ".body").expect("body");
    assert_eq!(crate::helpers::count(&html, "figure.embed"), 2, "{body}");
    assert_eq!(
        crate::helpers::attr(&html, "figure.embed-youtube", "data-embed-frame").as_deref(),
        Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
    );
    assert_eq!(
        crate::helpers::attr(&html, "figure.embed-youtube a", "href").as_deref(),
        Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        "without JavaScript, a link"
    );
    assert!(!body.contains("<iframe"), "{body}");
    for attribute in ["src=\"https://", "src=\"http://", "srcset=\"https://"] {
        assert!(
            !body.contains(attribute),
            "nothing loads from another site: {body}"
        );
    }
    assert!(body.contains("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ"));
    assert_eq!(crate::helpers::count(&html, "figure.embed-vimeo"), 1);
}

#[tokio::test]
async fn a_person_added_to_the_newsroom_writes_under_their_own_byline() {
    let app = TestApp::spawn().await;
    let section = app.section("City").await;
    let token = user_token(app.store.as_ref(), "wanjiru@example.com", "contributor").await;
    // Adding the person made their author profile: they can byline themselves at once.
    let (_, authors) = app.api(Method::GET, "/authors", None).await;
    let mine = authors["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|a| a["name"] == "Test contributor")
        .cloned()
        .expect("a profile for the new person");
    let (status, story) = app
        .api_as(
            &token,
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Market day",
                "body": "Stalls open at six.",
                "section": section["slug"],
                "authors": [mine["slug"]],
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{story}");
    // The editor starts with it chosen.
    let writer = app.sign_in("wanjiru@example.com", PASSWORD).await;
    let (_, editor) = writer.page("/admin/articles/new").await;
    let chosen = crate::helpers::attr(&editor, "input[name=authors][checked]", "value");
    assert_eq!(chosen.as_deref(), mine["slug"].as_str());

    // Editors link an existing profile to a person; others may not.
    let guest = app.author("Guest Columnist").await;
    let users = app.store.list_users().await.expect("users");
    let person = users
        .iter()
        .find(|u| u.email.to_string() == "wanjiru@example.com")
        .expect("person")
        .id
        .to_string();
    let refused = writer
        .post(
            &format!("/admin/authors/{}/person", guest["id"]),
            &[("person", person.as_str())],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let admin = app.sign_in("admin@example.com", PASSWORD).await;
    let response = admin
        .post(
            &format!("/admin/authors/{}/person", guest["id"]),
            &[("person", person.as_str())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, editor) = writer.page("/admin/articles/new").await;
    let chosen = crate::helpers::attr(&editor, "input[name=authors][checked]", "value");
    assert_eq!(
        chosen.as_deref(),
        guest["slug"].as_str(),
        "the linked profile is theirs now"
    );
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    assert!(audit.to_string().contains("link byline"));
}

#[tokio::test]
async fn a_library_photo_in_the_body_is_a_figure_with_its_caption_credit_and_sizes() {
    let app = TestApp::spawn().await;
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let item = upload_from_editor(&app, &editor).await;
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/media/{}", item["id"]),
            Some(json!({ "alt": "Boats", "credit": "Courtesy", "caption": "The fleet at dawn" })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let url = item["url"].as_str().expect("url");
    let story = app
        .published(
            "Harbour pictures",
            &format!("Before.\n\n![Fishing boats at dawn]({url})\n\nAfter."),
        )
        .await;
    let (_, html) = app
        .page(&format!(
            "/article/{}",
            story["slug"].as_str().expect("slug")
        ))
        .await;
    assert_eq!(crate::helpers::count(&html, ".body figure.body-figure"), 1);
    assert_eq!(
        text(&html, ".body-figure figcaption").as_deref(),
        Some("The fleet at dawn Photo: Courtesy.")
    );
    assert!(crate::helpers::attr(&html, ".body-figure img", "srcset").is_some());
    assert_eq!(
        crate::helpers::attr(&html, ".body-figure img", "alt").as_deref(),
        Some("Fishing boats at dawn")
    );
}

#[tokio::test]
async fn the_audit_log_names_what_changed_in_settings_and_published_stories_in_the_site_zone() {
    let app = TestApp::spawn().await;
    let admin = app.sign_in("admin@example.com", PASSWORD).await;
    let (status, settings) = app.api(Method::GET, "/settings", None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .api(
            Method::PATCH,
            "/settings",
            Some(json!({ "timezone": "Africa/Nairobi", "site_title": settings["site_title"] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    let entry = &audit["items"][0];
    assert_eq!(entry["action"], "change settings");
    let detail = entry["detail"].as_str().expect("detail");
    assert!(
        detail.contains("time zone: \"UTC\" → \"Africa/Nairobi\""),
        "{detail}"
    );
    assert!(
        !detail.contains("site title"),
        "only what changed: {detail}"
    );
    assert!(!detail.contains("reactions"), "only what changed: {detail}");

    // A scheduled story's time in the log is shown in the site's zone.
    let (section, author) = desk(&app).await;
    let (_, scheduled) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Budget at noon",
                "body": "Soon.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "status": "scheduled",
                "published_at": "2099-07-17T12:00:00+03:00",
            })),
        )
        .await;
    assert_eq!(scheduled["status"], "scheduled");
    let (_, page) = admin.page("/admin/audit").await;
    let log = page.html();
    assert!(
        log.contains("for Jul 17, 2099 - 12:00"),
        "the site's zone in the log"
    );

    // Edits to a published story's headline and body are logged.
    let story = app
        .published("Ferry at 4am", "The ferry leaves at 4am.")
        .await;
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", story["id"]),
            Some(json!({
                "title": "Ferry at 4.30am",
                "body": "The ferry leaves at 4.30am.",
                "version": story["version"],
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    let entry = &audit["items"][0];
    assert_eq!(entry["action"], "edit published");
    let detail = entry["detail"].as_str().expect("detail");
    assert!(
        detail.contains("headline: \"Ferry at 4am\" → \"Ferry at 4.30am\""),
        "{detail}"
    );
    assert!(
        detail.contains("body: 1 word(s) removed, 1 added"),
        "{detail}"
    );
}

#[tokio::test]
async fn bulk_actions_follow_the_same_role_rules_as_one_at_a_time() {
    let app = TestApp::spawn().await;
    let first = app.published("First story", "One.").await;
    let second = app.published("Second story", "Two.").await;
    let news = app.section("News").await;
    let (first_id, second_id) = (first["id"].to_string(), second["id"].to_string());

    // An author may not touch stories they did not write: nothing changes.
    user_token(app.store.as_ref(), "author@example.com", "author").await;
    let author = app.sign_in("author@example.com", PASSWORD).await;
    let refused = author
        .post(
            "/admin/articles/bulk",
            &[
                ("action", "delete"),
                ("ids", &first_id),
                ("ids", &second_id),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (status, _) = app
        .api(Method::GET, &format!("/articles/{first_id}"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "nothing was deleted");

    // An editor moves both, then unpublishes both; each is in the audit log, and the
    // cached home page follows at once.
    assert!(app.page("/").await.1.html().contains("First story"));
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let response = editor
        .post(
            "/admin/articles/bulk",
            &[
                ("action", "move"),
                ("section", news["slug"].as_str().expect("slug")),
                ("ids", &first_id),
                ("ids", &second_id),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = editor
        .post(
            "/admin/articles/bulk",
            &[
                ("action", "unpublish"),
                ("ids", &first_id),
                ("ids", &second_id),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(!app.page("/").await.1.html().contains("First story"));
    for id in [&first_id, &second_id] {
        let (_, story) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
        assert_eq!(story["section"]["slug"], news["slug"]);
        assert_eq!(story["status"], "draft");
    }
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    let unpublished = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["action"] == "unpublish")
        .count();
    assert_eq!(unpublished, 2);

    // Comments: editors only; approve, spam, delete several at once.
    let mut ids = Vec::new();
    for n in 0..3 {
        let (status, comment) = app
            .api(
                Method::POST,
                &format!(
                    "/articles/{}/comments",
                    app.published(&format!("Open {n}"), "Text.").await["id"]
                ),
                Some(json!({ "author_name": "Reader", "body": format!("Comment {n} with words") })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{comment}");
        ids.push(comment["id"].to_string());
    }
    let refused = author
        .post(
            "/admin/comments/bulk",
            &[("action", "approve"), ("ids", &ids[0]), ("ids", &ids[1])],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let response = editor
        .post(
            "/admin/comments/bulk",
            &[("action", "approve"), ("ids", &ids[0]), ("ids", &ids[1])],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = editor
        .post(
            "/admin/comments/bulk",
            &[("action", "spam"), ("ids", &ids[2])],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, approved) = app
        .api(Method::GET, "/comments?status=approved", None)
        .await;
    assert_eq!(approved["total"], 2, "{approved}");
    let (_, spam) = app.api(Method::GET, "/comments?status=spam", None).await;
    assert_eq!(spam["total"], 1, "{spam}");
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    assert!(audit.to_string().contains("moderate comments"));
}

#[tokio::test]
async fn settings_offer_a_searchable_zone_list_and_reactions_as_rows() {
    let app = TestApp::spawn().await;
    let admin = app.sign_in("admin@example.com", PASSWORD).await;
    let (_, page) = admin.page("/admin/settings").await;
    assert_eq!(
        crate::helpers::attr(&page, "#f-timezone", "list").as_deref(),
        Some("zones")
    );
    assert!(crate::helpers::count(&page, "#zones option[value='Africa/Nairobi']") == 1);
    assert!(crate::helpers::count(&page, "#zones option") > 300);
    assert!(
        crate::helpers::count(&page, "input[name=reaction_kind]") >= 9,
        "7 rows and 2 empty"
    );
    // Two reactions, the second placed first by its order; empty rows are ignored.
    let response = admin
        .post(
            "/admin/settings",
            &[
                ("site_title", "Newsdesk"),
                ("timezone", "Africa/Nairobi"),
                ("reaction_kind", "like"),
                ("reaction_label", "Like"),
                ("reaction_emoji", "👍"),
                ("reaction_order", "2"),
                ("reaction_kind", "love"),
                ("reaction_label", "Love it"),
                ("reaction_emoji", "❤️"),
                ("reaction_order", "1"),
                ("reaction_kind", ""),
                ("reaction_label", ""),
                ("reaction_emoji", ""),
                ("reaction_order", "3"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, settings) = app.api(Method::GET, "/settings", None).await;
    let kinds: Vec<&str> = settings["reactions"]
        .as_array()
        .expect("reactions")
        .iter()
        .filter_map(|r| r["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["love", "like"]);
    assert_eq!(settings["reactions"][0]["label"], "Love it");
    assert_eq!(settings["timezone"], "Africa/Nairobi");
    let (_, dashboard) = admin.page("/admin").await;
    assert!(
        dashboard.html().contains("(Africa/Nairobi)"),
        "the zone's name, not the site's"
    );
}

#[tokio::test]
async fn an_embed_shows_the_title_and_thumbnail_the_server_kept_and_still_loads_nothing_else() {
    let app = TestApp::spawn().await;
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let kept = upload_from_editor(&app, &editor).await;
    let thumbnail = kept["url"].as_str().expect("url").to_owned();
    app.store
        .save_embed_preview(
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            &newsdesk::store::EmbedPreview {
                title: Some("Storm <over> the bay".into()),
                thumbnail_url: Some(thumbnail.clone()),
            },
            jiff::Timestamp::now(),
        )
        .await
        .expect("kept");
    // Any of the provider's shapes finds what was kept for the video.
    let story = app
        .published("Storm video", "Watch:\n\nhttps://youtu.be/dQw4w9WgXcQ\n")
        .await;
    let (_, html) = app
        .page(&format!(
            "/article/{}",
            story["slug"].as_str().expect("slug")
        ))
        .await;
    assert_eq!(
        crate::helpers::attr(&html, "figure.embed-youtube img.embed-thumb", "src"),
        Some(thumbnail)
    );
    assert_eq!(
        text(&html, "figure.embed-youtube .embed-title").as_deref(),
        Some("Storm <over> the bay")
    );
    let body = crate::helpers::inner_html(&html, ".body").expect("body");
    assert!(!body.contains("src=\"https://"), "{body}");
}

#[tokio::test]
async fn when_the_newsroom_says_so_authors_submit_for_review_too() {
    let app = TestApp::spawn().await;
    let (section, author) = desk(&app).await;
    let writer = user_token(app.store.as_ref(), "author@example.com", "author").await;
    let story = |title: &str, status: &str| {
        json!({
            "title": title,
            "body": "Text.",
            "section": section["slug"],
            "authors": [author["slug"]],
            "status": status,
        })
    };
    let (status, _) = app
        .api_as(
            &writer,
            Method::POST,
            "/articles",
            Some(story("Before", "published")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "authors publish by default");
    let admin = app.sign_in("admin@example.com", PASSWORD).await;
    let response = admin
        .post(
            "/admin/settings",
            &[
                ("site_title", "Newsdesk"),
                ("timezone", "UTC"),
                ("authors_need_review", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, refusal) = app
        .api_as(
            &writer,
            Method::POST,
            "/articles",
            Some(story("After", "published")),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refusal}");
    assert!(
        refusal["detail"]
            .as_str()
            .unwrap_or("")
            .contains("Submit it for review")
    );
    let (status, submitted) = app
        .api_as(
            &writer,
            Method::POST,
            "/articles",
            Some(story("After", "review")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{submitted}");
    assert_eq!(submitted["status"], "review");
    // Editors still publish.
    let (status, _) = app
        .api(
            Method::POST,
            "/articles",
            Some(story("Editor's", "published")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    assert!(audit.to_string().contains("authors submit for review"));
}
