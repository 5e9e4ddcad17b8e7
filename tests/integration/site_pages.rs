//! The site's own pages, the contact form and the menus through the real server: pages
//! made and edited by editors only, their old addresses and revisions, the sitemap but no
//! feed or article search; a contact form with the comment form's defences whose messages
//! are kept, emailed to a real SMTP listener, and never show the sender's address; menus
//! reordered, with pages and links, `javascript:` refused; hostile input inert; the page
//! cache on; two instances on PostgreSQL.

use std::time::Duration;

use newsdesk::config::{CommentSettings, RateLimit};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, PgSchema, TestApp, attr, count, text, user_token};
use crate::xss::{PAYLOADS, assert_inert};

/// A site whose forms may be sent at once, with a generous allowance of readers' posts.
async fn site() -> TestApp {
    site_with(|_| {}).await
}

async fn site_with(configure: impl FnOnce(&mut newsdesk::config::Settings)) -> TestApp {
    TestApp::spawn_with(|s| {
        s.comments = CommentSettings {
            min_seconds: 0,
            ..CommentSettings::default()
        };
        s.comment_limit = RateLimit {
            burst: 10_000,
            per_minute: 10_000,
        };
        configure(s);
    })
    .await
}

async fn make_page(app: &TestApp, body: Value) -> Value {
    let (status, page) = app.api(Method::POST, "/pages", Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{page}");
    page
}

async fn contact_page(app: &TestApp) -> Value {
    make_page(
        app,
        json!({
            "title": "Contact us",
            "slug": "contact",
            "body": "Write to the **newsroom**.",
            "contact_form": true,
        }),
    )
    .await
}

/// What a reader's browser sends from the contact page: its fields and the form's token.
async fn send_message(
    app: &TestApp,
    fields: &[(&str, &str)],
    same_origin: bool,
) -> reqwest::Response {
    let (status, page) = app.page("/contact").await;
    assert_eq!(status, StatusCode::OK);
    let token = attr(&page, "input[name=form_token]", "value").expect("form token");
    let mut form: Vec<(&str, &str)> = vec![("form_token", token.as_str())];
    form.extend_from_slice(fields);
    post_form(app, "/contact", &form, same_origin).await
}

async fn post_form(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    same_origin: bool,
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header(
            "origin",
            if same_origin {
                app.base.as_str()
            } else {
                "https://evil.example"
            },
        )
        .form(form)
        .send()
        .await
        .expect("post")
}

async fn body_of(app: &TestApp, path: &str) -> (StatusCode, String) {
    let response = app.get(path).await;
    let status = response.status();
    (status, response.text().await.expect("text"))
}

/// The messages kept, as an admin reads them through the store.
async fn kept(app: &TestApp) -> Vec<newsdesk::store::ContactMessage> {
    app.store
        .contact_messages(newsdesk::store::Page {
            number: 1,
            per_page: 100,
        })
        .await
        .expect("messages")
        .items
}

#[tokio::test]
async fn an_editor_makes_a_page_readers_find_at_its_address_and_in_the_sitemap_only() {
    let app = site().await;
    let editor = user_token(app.store.as_ref(), "editor@example.com", "editor").await;
    let (status, page) = app
        .api_as(
            &editor,
            Method::POST,
            "/pages",
            Some(json!({
                "title": "About us",
                "body": "We report the **harbour** news. Zanzibarite appears only here.",
                "seo_description": "Who runs the paper.",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{page}");
    assert_eq!(page["slug"], "about-us");
    assert_eq!(page["version"], 1);
    assert_eq!(page["url"], app.url("/about-us"));

    let (status, html) = app.page("/about-us").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&html, "h1").as_deref(), Some("About us"));
    assert_eq!(
        text(&html, ".site-page .body strong").as_deref(),
        Some("harbour")
    );
    assert_eq!(
        attr(&html, "meta[name=description]", "content").as_deref(),
        Some("Who runs the paper.")
    );
    assert_eq!(
        attr(&html, "link[rel=canonical]", "href"),
        Some(app.url("/about-us"))
    );
    // No byline, reactions or comments.
    assert_eq!(count(&html, ".reactions, #comment-form, .byline"), 0);

    let (_, sitemap) = body_of(&app, "/sitemaps/pages.xml").await;
    assert!(
        sitemap.contains(&format!("<loc>{}</loc>", app.url("/about-us"))),
        "{sitemap}"
    );
    for feed in [
        "/feed.xml",
        "/atom.xml",
        "/sitemaps/news.xml",
        "/sitemaps/articles-1.xml",
    ] {
        let (_, text) = body_of(&app, feed).await;
        assert!(!text.contains("about-us"), "{feed}: {text}");
    }
    let (_, search) = body_of(&app, "/search?q=Zanzibarite").await;
    assert!(!search.contains("/about-us"), "not among article results");
    let (status, found) = app.api(Method::GET, "/search?q=Zanzibarite", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!found.to_string().contains("about-us"), "{found}");

    // Listed and read back through the API.
    let (status, list) = app.api_as(&editor, Method::GET, "/pages", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["items"][0]["title"], "About us");
}

#[tokio::test]
async fn only_editors_and_admins_manage_pages() {
    let app = site().await;
    let page = make_page(
        &app,
        json!({ "title": "Privacy", "body": "We keep little." }),
    )
    .await;
    let id = page["id"].as_i64().expect("id");
    for role in ["author", "contributor"] {
        let token = user_token(app.store.as_ref(), &format!("{role}@example.com"), role).await;
        for (method, path, body) in [
            (Method::GET, "/pages".to_owned(), None),
            (Method::GET, format!("/pages/{id}"), None),
            (
                Method::POST,
                "/pages".to_owned(),
                Some(json!({ "title": "Mine", "body": "x" })),
            ),
            (
                Method::PATCH,
                format!("/pages/{id}"),
                Some(json!({ "title": "Taken over" })),
            ),
            (Method::DELETE, format!("/pages/{id}"), None),
            (Method::GET, "/menus".to_owned(), None),
        ] {
            let (status, problem) = app.api_as(&token, method.clone(), &path, body).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{role} {method} {path}");
            assert!(
                problem["detail"]
                    .as_str()
                    .is_some_and(|d| d.contains("editors and admins")),
                "{problem}"
            );
        }
    }
    let anonymous = app
        .client
        .get(app.url("/api/v1/pages"))
        .send()
        .await
        .expect("request");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    // An editor may change pages but not menus.
    let editor = user_token(app.store.as_ref(), "editor@example.com", "editor").await;
    let (status, _) = app
        .api_as(
            &editor,
            Method::PUT,
            "/menus",
            Some(json!({ "menu": "footer", "items": [] })),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .api_as(&editor, Method::DELETE, &format!("/pages/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/privacy").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_changed_slug_answers_301_and_every_save_is_a_revision() {
    let app = site().await;
    let page = make_page(
        &app,
        json!({ "title": "Standards", "slug": "standards", "body": "We fix mistakes." }),
    )
    .await;
    let id = page["id"].as_i64().expect("id");
    let (status, moved) = app
        .api(
            Method::PATCH,
            &format!("/pages/{id}"),
            Some(json!({ "slug": "standards-policy", "version": 1 })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["version"], 2);
    assert_eq!(
        moved["body"], "We fix mistakes.",
        "fields left out are kept"
    );
    let old = app.get("/standards").await;
    assert_eq!(old.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(old.headers()["location"], "/standards-policy");
    assert_eq!(app.get("/standards-policy").await.status(), StatusCode::OK);

    // A save based on version 1 is refused and kept.
    let (status, problem) = app
        .api(
            Method::PATCH,
            &format!("/pages/{id}"),
            Some(json!({ "body": "An older draft.", "version": 1 })),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .expect("detail")
            .contains("nothing was overwritten")
    );
    let (status, revisions) = app
        .api(Method::GET, &format!("/pages/{id}/revisions"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let kinds: Vec<&str> = revisions["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["conflict", "save", "save"]);
    assert_eq!(revisions["items"][0]["body"], "An older draft.");

    // The newsroom restores the first version as a new one; its slug came back too.
    let admin = app
        .sign_in("admin@example.com", PASSWORD)
        .await
        .with_token()
        .await;
    let (status, html) = admin.page(&format!("/admin/pages/{id}/revisions")).await;
    assert_eq!(status, StatusCode::OK);
    let first = revisions["items"][2]["id"].as_i64().expect("id");
    let restored = admin
        .post(&format!("/admin/pages/{id}/revisions/{first}/restore"), &[])
        .await;
    assert_eq!(restored.status(), StatusCode::SEE_OTHER, "{html:?}");
    let current = app.store.page_by_id(id).await.expect("page");
    assert_eq!(current.version, 3);
    assert_eq!(current.slug.as_str(), "standards");
    let newer = app.get("/standards-policy").await;
    assert_eq!(newer.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(newer.headers()["location"], "/standards");
}

#[tokio::test]
async fn a_page_cannot_take_an_address_the_site_uses() {
    let app = site().await;
    for slug in ["search", "admin", "api", "article", "section", "sitemaps"] {
        let (status, problem) = app
            .api(
                Method::POST,
                "/pages",
                Some(json!({ "title": "Mine", "slug": slug, "body": "x" })),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{slug}");
        assert!(
            problem.to_string().contains("the site itself uses"),
            "{problem}"
        );
    }
    // A title that would make one gets another slug.
    let page = make_page(&app, json!({ "title": "Search", "body": "How to search." })).await;
    assert_eq!(page["slug"], "search-page");
    // Two pages cannot share a slug the editor chose.
    make_page(&app, json!({ "title": "A", "slug": "team", "body": "x" })).await;
    let (status, problem) = app
        .api(
            Method::POST,
            "/pages",
            Some(json!({ "title": "B", "slug": "team", "body": "x" })),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    // The search page is still the search page.
    let (_, search) = body_of(&app, "/search?q=x").await;
    assert!(!search.contains("How to search."));
}

#[tokio::test]
async fn a_readers_message_is_kept_and_emailed_and_their_address_is_never_shown() {
    let (port, inbox) = crate::helpers::fake_smtp().await;
    let app = site_with(|s| {
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        s.mail_from = Some("Desk <desk@example.com>".into());
    })
    .await;
    contact_page(&app).await;
    let admin = app
        .sign_in("admin@example.com", PASSWORD)
        .await
        .with_token()
        .await;
    let saved = admin
        .post(
            "/admin/messages/recipient",
            &[("recipient", "letters@example.com")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    let sent = send_message(
        &app,
        &[
            ("name", "Grace Wanjiru"),
            ("email", "grace.reader@example.net"),
            (
                "message",
                "The ferry story got the fare wrong: it is 50 shillings.",
            ),
            ("website", ""),
        ],
        true,
    )
    .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(sent.headers()["location"], "/contact?sent=1#contact");
    let (_, thanks) = app.page("/contact?sent=1").await;
    assert!(text(&thanks, ".form-sent").is_some_and(|t| t.contains("Thank you")));

    let messages = kept(&app).await;
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].name, "Grace Wanjiru");
    assert_eq!(messages[0].spam_reason, None);

    // Delivered to the relay, with the reader to reply to.
    let mut delivered = None;
    for _ in 0..100 {
        if let Some(text) = inbox.lock().expect("lock").first().cloned() {
            delivered = Some(text);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let email = delivered.expect("the message reached the relay");
    assert!(email.contains("To: letters@example.com"), "{email}");
    assert!(
        email.contains("Reply-To: grace.reader@example.net"),
        "{email}"
    );
    assert!(email.contains("50 shillings"), "{email}");

    // Admins read it; the sender's address shows nowhere public.
    let (status, list) = admin.page("/admin/messages").await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&list, ".messages").is_some_and(|t| t.contains("Grace Wanjiru")));
    let id = messages[0].id;
    let (status, one) = admin.page(&format!("/admin/messages/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&one, ".card").is_some_and(|t| t.contains("grace.reader@example.net")));
    for path in [
        "/contact",
        "/contact?sent=1",
        "/",
        "/sitemaps/pages.xml",
        "/feed.xml",
    ] {
        let (_, body) = body_of(&app, path).await;
        assert!(!body.contains("grace.reader"), "{path} shows the address");
    }
    let (_, pages) = app.api(Method::GET, "/pages", None).await;
    assert!(!pages.to_string().contains("grace.reader"));

    // Deleted by an admin; editors may not read messages at all.
    user_token(app.store.as_ref(), "ed@example.com", "editor").await;
    let editor = app
        .sign_in("ed@example.com", PASSWORD)
        .await
        .with_token()
        .await;
    let (status, _) = editor.page("/admin/messages").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let deleted = admin
        .post(&format!("/admin/messages/{id}/delete"), &[])
        .await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    assert!(kept(&app).await.is_empty());
}

#[tokio::test]
async fn the_contact_form_has_the_comment_forms_defences() {
    let (port, inbox) = crate::helpers::fake_smtp().await;
    let app = TestApp::spawn_with(|s| {
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        s.comments = CommentSettings {
            min_seconds: 3,
            ..CommentSettings::default()
        };
        s.comment_limit = RateLimit {
            burst: 8,
            per_minute: 1,
        };
    })
    .await;
    contact_page(&app).await;
    app.store
        .set_site_value("contact_recipient", "letters@example.com")
        .await
        .expect("recipient");
    let fields = [
        ("name", "A Reader"),
        ("email", "reader@example.net"),
        ("message", "Hello there."),
    ];

    // Cross-site posts are refused outright.
    let response = send_message(&app, &fields, false).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Sent sooner than people type: kept as spam, never emailed; told the same as anyone.
    let response = send_message(&app, &fields, true).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // The honeypot filled in; a forged token; no token at all.
    let (_, page) = app.page("/contact").await;
    let token = attr(&page, "input[name=form_token]", "value").expect("token");
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let mut honeypot = fields.to_vec();
    honeypot.push(("form_token", &token));
    honeypot.push(("website", "http://spam.example"));
    let response = post_form(&app, "/contact", &honeypot, true).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mut forged = fields.to_vec();
    forged.push(("form_token", "1700000000.forged"));
    assert_eq!(
        post_form(&app, "/contact", &forged, true).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post_form(&app, "/contact", &fields, true).await.status(),
        StatusCode::SEE_OTHER
    );
    let mut reasons: Vec<String> = kept(&app)
        .await
        .iter()
        .map(|m| m.spam_reason.clone().expect("held as spam"))
        .collect();
    reasons.sort();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.contains("honeypot")),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| r.contains("forged")), "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("people take at least 3 s")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("without the contact form's timestamp")),
        "{reasons:?}"
    );

    // A person who waited gets through, and only they are emailed.
    let mut good = fields.to_vec();
    good.push(("form_token", &token));
    assert_eq!(
        post_form(&app, "/contact", &good, true).await.status(),
        StatusCode::SEE_OTHER
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(inbox.lock().expect("lock").len(), 1);

    // Length limits: refused with the form filled back in.
    let long = "x".repeat(5_001);
    let mut too_long = fields.to_vec();
    too_long.retain(|(k, _)| *k != "message");
    too_long.push(("message", &long));
    too_long.push(("form_token", &token));
    too_long.push(("name", ""));
    let response = post_form(&app, "/contact", &too_long, true).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = scraper::Html::parse_document(&response.text().await.expect("text"));
    assert!(
        text(&html, "#contact-message-error").is_some_and(|t| t.contains("the limit is 5,000"))
    );
    assert!(text(&html, "#contact-name-error").is_some());
    assert_eq!(
        attr(&html, "#contact-email", "value").as_deref(),
        Some("reader@example.net"),
        "what the reader typed comes back"
    );

    // The allowance of readers' posts, shared with comments, runs out.
    let mut limited = false;
    for _ in 0..10 {
        if post_form(&app, "/contact", &good, true).await.status() == StatusCode::TOO_MANY_REQUESTS
        {
            limited = true;
            break;
        }
    }
    assert!(limited, "too many posts wait");

    // A page without the form takes no messages.
    make_page(
        &app,
        json!({ "title": "About", "slug": "about", "body": "x" }),
    )
    .await;
    let (status, _) = body_of(&app, "/about").await;
    assert_eq!(status, StatusCode::OK);
}

/// A menu form's fields as the newsroom page sends them: `(target, label, url)` rows.
fn menu_form<'a>(menu: &'a str, rows: &'a [(&'a str, &'a str, &'a str)]) -> Vec<(String, String)> {
    let mut form = vec![
        ("menu".to_owned(), menu.to_owned()),
        ("rows".to_owned(), rows.len().to_string()),
    ];
    for (n, (target, label, url)) in rows.iter().enumerate() {
        form.push((format!("target-{n}"), (*target).to_owned()));
        form.push((format!("label-{n}"), (*label).to_owned()));
        form.push((format!("url-{n}"), (*url).to_owned()));
        form.push((format!("position-{n}"), (n + 1).to_string()));
    }
    form
}

fn footer_links(html: &scraper::Html) -> Vec<(String, String)> {
    let selector = scraper::Selector::parse(".footer-menu a").expect("selector");
    html.select(&selector)
        .map(|a| {
            (
                a.text().collect::<String>().trim().to_owned(),
                a.value().attr("href").unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn admins_set_menus_with_pages_and_links_in_their_order_and_javascript_is_refused() {
    let app = site().await;
    let news = app.section("News").await;
    app.section("Sport").await;
    let about = make_page(
        &app,
        json!({ "title": "About us", "slug": "about", "body": "x" }),
    )
    .await;
    let admin = app
        .sign_in("admin@example.com", PASSWORD)
        .await
        .with_token()
        .await;

    // The header is the sections until it is set.
    let (_, home) = app.page("/").await;
    assert_eq!(
        text(&home, "nav.sections").as_deref(),
        Some("Home News Sport")
    );
    assert!(footer_links(&home).is_empty());

    let about_target = format!("page:{}", about["id"]);
    let rows = [
        (about_target.as_str(), "", ""),
        ("link", "Jobs", "https://jobs.example.com/newsroom"),
        ("link", "Archive", "/section/news"),
    ];
    let form = menu_form("footer", &rows);
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = admin.post("/admin/menus", &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, home) = app.page("/").await;
    assert_eq!(
        footer_links(&home),
        vec![
            ("About us".to_owned(), "/about".to_owned()),
            (
                "Jobs".to_owned(),
                "https://jobs.example.com/newsroom".to_owned()
            ),
            ("Archive".to_owned(), "/section/news".to_owned()),
        ]
    );

    // The last entry moves up; the first is removed.
    let mut fields = fields.clone();
    fields.push(("move", "2-up"));
    fields.push(("remove-0", "on"));
    admin.post("/admin/menus", &fields).await;
    let (_, home) = app.page("/").await;
    let labels: Vec<String> = footer_links(&home).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["Archive", "Jobs"]);

    // The header: a page added after a section, the order changed by position numbers.
    let news_target = format!("section:{}", news["id"]);
    let mut header = menu_form(
        "header",
        &[
            (news_target.as_str(), "", ""),
            (about_target.as_str(), "Who we are", ""),
        ],
    );
    header.retain(|(k, _)| !k.starts_with("position-"));
    header.push(("position-0".into(), "2".into()));
    header.push(("position-1".into(), "1".into()));
    let fields: Vec<(&str, &str)> = header
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        admin.post("/admin/menus", &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, home) = app.page("/").await;
    assert_eq!(
        text(&home, "nav.sections").as_deref(),
        Some("Home Who we are News")
    );

    // javascript: and other schemes are refused with a message; the form comes back filled in.
    for hostile in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(document.cookie)",
        "data:text/html,x",
        "//evil.example",
    ] {
        let rows = [("link", "Click me", hostile)];
        let form = menu_form("footer", &rows);
        let fields: Vec<(&str, &str)> =
            form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let response = admin.post("/admin/menus", &fields).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{hostile}"
        );
        let html = scraper::Html::parse_document(&response.text().await.expect("text"));
        assert!(
            text(&html, "#footer .error")
                .is_some_and(|t| t.contains("refused") || t.contains("another site")),
            "{hostile}: {:?}",
            text(&html, "#footer")
        );
        assert_eq!(
            attr(&html, "#url-footer-0", "value").as_deref(),
            Some(hostile)
        );
        let (status, problem) = app
            .api(
                Method::PUT,
                "/menus",
                Some(json!({ "menu": "footer", "items": [{ "label": "x", "target": "link", "url": hostile }] })),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{hostile}");
        assert!(problem.to_string().contains("items.0.url"), "{problem}");
    }
    let (_, home) = app.page("/").await;
    let labels: Vec<String> = footer_links(&home).into_iter().map(|(l, _)| l).collect();
    assert_eq!(
        labels,
        ["Archive", "Jobs"],
        "a refused menu changed nothing"
    );

    // Through the API too; a deleted page leaves the menus.
    let (status, menu) = app
        .api(
            Method::PUT,
            "/menus",
            Some(json!({ "menu": "footer", "items": [
                { "target": about_target },
                { "label": "Tips", "target": "link", "url": "/contact" },
            ] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{menu}");
    assert_eq!(menu["links"][0]["label"], "About us");
    let (status, _) = app
        .api(Method::DELETE, &format!("/pages/{}", about["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, home) = app.page("/").await;
    let labels: Vec<String> = footer_links(&home).into_iter().map(|(l, _)| l).collect();
    assert_eq!(labels, ["Tips"]);
    assert_eq!(text(&home, "nav.sections").as_deref(), Some("Home News"));
    assert!(text(&home, ".copyright").is_some_and(|t| t.starts_with('©') && t.contains("20")));
}

#[tokio::test]
async fn hostile_pages_menus_and_messages_are_inert() {
    let app = site().await;
    let body = PAYLOADS.join("\n\n");
    make_page(
        &app,
        json!({ "title": "<script>alert(1)</script> Contact", "slug": "contact", "body": body, "contact_form": true }),
    )
    .await;
    let response = app.get("/contact").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("text");
    let page = scraper::Html::parse_document(&html);
    let content = crate::helpers::inner_html(&page, ".site-page .body").expect("body");
    assert_inert(&content, "a page's body");
    assert!(
        text(&page, "h1").is_some_and(|t| t.contains("<script>")),
        "the title is text"
    );

    // Hostile labels in menus are text; hostile addresses never get in.
    for (n, payload) in PAYLOADS.iter().take(20).enumerate() {
        let label: String = payload.chars().take(60).collect();
        let (status, menu) = app
            .api(
                Method::PUT,
                "/menus",
                Some(json!({ "menu": "footer", "items": [{ "label": label, "target": "link", "url": format!("/x{n}") }] })),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{menu}");
        let (_, home) = app.page("/").await;
        let footer = crate::helpers::inner_html(&home, ".footer-menu").expect("footer menu");
        assert_inert(&footer, "a menu label");
        assert_eq!(footer_links(&home)[0].0, label.trim());
    }

    // A hostile message is text in the newsroom.
    for payload in PAYLOADS {
        let sent = send_message(
            &app,
            &[
                ("name", "<img src=x onerror=alert(1)>"),
                ("email", "x@example.com"),
                ("message", payload),
            ],
            true,
        )
        .await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER, "{payload}");
    }
    let admin = app
        .sign_in("admin@example.com", PASSWORD)
        .await
        .with_token()
        .await;
    let (_, list) = admin.page("/admin/messages").await;
    assert_inert(
        &crate::helpers::inner_html(&list, ".messages").expect("list"),
        "messages",
    );
    for message in kept(&app).await.iter().take(10) {
        let (_, one) = admin.page(&format!("/admin/messages/{}", message.id)).await;
        assert_inert(
            &crate::helpers::inner_html(&one, ".message-text").expect("text"),
            "a message",
        );
    }
}

#[tokio::test]
async fn with_the_cache_on_a_page_or_menu_change_shows_on_the_next_request() {
    let app = site_with(|s| s.page_cache = true).await;
    let story = app.published("Harbour reopens", "Boats are back.").await;
    let page = make_page(
        &app,
        json!({ "title": "About", "slug": "about", "body": "First words." }),
    )
    .await;
    let id = page["id"].as_i64().expect("id");
    let story_path = format!("/article/{}", story["slug"].as_str().expect("slug"));
    for path in ["/about", "/about", &story_path, &story_path] {
        app.get(path).await;
    }
    let cached = app.get("/about").await;
    assert_eq!(cached.headers()["x-cache"], "HIT");

    // Words only: the page goes, the story's page stays.
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/pages/{id}"),
            Some(json!({ "body": "Second words." })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, body) = body_of(&app, "/about").await;
    assert!(body.contains("Second words."));
    let story_page = app.get(&story_path).await;
    assert_eq!(
        story_page.headers()["x-cache"],
        "HIT",
        "an edit to a page keeps other pages"
    );

    // A menu is on every page: every page goes.
    let (status, _) = app
        .api(
            Method::PUT,
            "/menus",
            Some(json!({ "menu": "footer", "items": [{ "target": format!("page:{id}"), "label": "About the paper" }] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for path in [story_path.as_str(), "/about", "/"] {
        let (_, body) = body_of(&app, path).await;
        assert!(
            body.contains("About the paper"),
            "{path} shows the new menu"
        );
    }
    // A renamed page renames its menu entry where the label is its title.
    app.api(
        Method::PUT,
        "/menus",
        Some(json!({ "menu": "footer", "items": [{ "target": format!("page:{id}") }] })),
    )
    .await;
    app.get(&story_path).await;
    app.api(
        Method::PATCH,
        &format!("/pages/{id}"),
        Some(json!({ "title": "Who we are" })),
    )
    .await;
    let (_, body) = body_of(&app, &story_path).await;
    assert!(
        body.contains("Who we are"),
        "the menus on every page follow the title"
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn what_one_instance_changes_in_pages_and_menus_the_other_serves() {
    let schema = PgSchema::create().await;
    let a = TestApp::spawn_on_database(tempfile::tempdir().expect("tempdir"), &schema.url).await;
    let b = TestApp::spawn_on_database(tempfile::tempdir().expect("tempdir"), &schema.url).await;
    let token = user_token(a.store.as_ref(), "admin@example.com", "admin").await;
    let (status, page) = a
        .api_as(
            &token,
            Method::POST,
            "/pages",
            Some(json!({ "title": "About", "slug": "about", "body": "First words." })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{page}");
    let id = page["id"].as_i64().expect("id");
    // B caches the page and its home page.
    for path in ["/about", "/about", "/", "/"] {
        b.get(path).await;
    }
    assert_eq!(b.get("/about").await.headers()["x-cache"], "HIT");

    a.api_as(
        &token,
        Method::PATCH,
        &format!("/pages/{id}"),
        Some(json!({ "body": "Second words." })),
    )
    .await;
    a.api_as(
        &token,
        Method::PUT,
        "/menus",
        Some(json!({ "menu": "footer", "items": [{ "target": format!("page:{id}"), "label": "About the paper" }] })),
    )
    .await;
    let within = std::time::Instant::now() + Duration::from_secs(2);
    loop {
        let (_, about) = body_of(&b, "/about").await;
        let (_, home) = body_of(&b, "/").await;
        if about.contains("Second words.") && home.contains("About the paper") {
            break;
        }
        assert!(
            std::time::Instant::now() < within,
            "B still serves the old page or menu"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A renamed slug answers 301 on B too.
    a.api_as(
        &token,
        Method::PATCH,
        &format!("/pages/{id}"),
        Some(json!({ "slug": "about-us" })),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let moved = b.get("/about").await;
    assert_eq!(moved.status(), StatusCode::MOVED_PERMANENTLY);
    let (_, home) = b.page("/").await;
    assert_eq!(
        footer_links(&home),
        vec![("About the paper".to_owned(), "/about-us".to_owned())],
        "B's menus follow the new address"
    );
}
