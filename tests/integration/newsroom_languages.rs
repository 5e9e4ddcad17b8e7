//! The newsroom in each shipped language through the real server: an admin walks every
//! newsroom page of a site set to Swahili, French and Arabic, with a story, a live blog, a
//! site page, a photo and a comment to show, and sees none of the newsroom's English (a
//! message left untranslated is counted on `/metrics`; a word written into a template or
//! built in Rust shows up here). A refused form answers in the site's language while the
//! API keeps its English.

use newsdesk::config::CommentSettings;
use newsdesk::i18n::{Locale, overrides_dir};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, assert_lang_dir, attr, text, untranslated};

/// Words of the newsroom's English: none may show on a page in another language. Each is
/// matched as a whole word, so "Habari" or an address does not count.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "with",
    "your",
    "this",
    "from",
    "for",
    "not",
    "yet",
    "Save",
    "Delete",
    "Edit",
    "Publish",
    "Draft",
    "Search",
    "Title",
    "Sign",
    "Settings",
    "Dashboard",
    "New",
    "Add",
    "Remove",
    "Upload",
    "Back",
    "View",
    "None",
    "Newsroom",
    "Comments",
    "Tags",
    "Authors",
    "People",
    "Numbers",
    "Front",
    "Preview",
    "Revisions",
    "Schedule",
    "published",
    "draft",
    "Body",
    "Name",
    "Slug",
    "Section",
    "Status",
    "Author",
    "Email",
    "Password",
    "Filter",
    "Apply",
    "Cancel",
    "Next",
    "Previous",
    "Older",
    "Newer",
    "Today",
    "Yesterday",
    "reads",
    "views",
    "stories",
    "story",
    "items",
    "Caption",
    "Credit",
    "Alt",
];

/// Words French shares with English, allowed on French pages.
const FRENCH_TOO: &[&str] = &["Section", "Status", "Filter", "Alt", "Pages", "Menus"];

/// The visible words of a page: its text without scripts, styles and data blocks.
fn shown_words(body: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(body);
    let mut words = Vec::new();
    for node in html.root_element().descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let hidden = node.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "script" | "style" | "textarea" | "template"))
        });
        if hidden {
            continue;
        }
        words.extend(
            text.split(|c: char| !c.is_alphanumeric() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(str::to_owned),
        );
    }
    words
}

#[tokio::test]
async fn every_newsroom_page_reads_in_each_shipped_language() {
    for code in ["sw", "fr", "ar"] {
        let app = TestApp::spawn_with(|s| {
            s.language = code.to_owned();
            s.site_title = "Gazeti".into();
            s.comments = CommentSettings {
                min_seconds: 0,
                ..CommentSettings::default()
            };
            s.locale = Locale::load(code, Some(&overrides_dir(&s.data_dir))).expect("messages");
        })
        .await;
        let section = app.section("Siasa").await;
        let author = app.author("Amina Odhiambo").await;
        let story = |title: &str, format: &str| {
            json!({
                "title": title,
                "body": "Wabunge wa kaunti walipitisha bajeti.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "tags": ["Bajeti"],
                "status": "published",
                "format": format,
            })
        };
        let (status, article) = app
            .api(
                Method::POST,
                "/articles",
                Some(story("Bajeti ya kaunti", "standard")),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{article}");
        let (status, live) = app
            .api(
                Method::POST,
                "/articles",
                Some(story("Uchaguzi mubashara", "live")),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{live}");
        let (status, page) = app
            .api(
                Method::POST,
                "/pages",
                Some(json!({"title": "Kuhusu", "body": "Gazeti la kaunti."})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{page}");
        let photo_id = app.library_photo(1).await;
        let (_, story_page) = app
            .page(&format!(
                "/article/{}",
                article["slug"].as_str().expect("slug")
            ))
            .await;
        let form_token = attr(&story_page, "input[name=form_token]", "value").expect("token");
        let comment = app
            .client
            .post(app.url(&format!("/api/v1/articles/{}/comments", article["id"])))
            .json(&json!({
                "author_name": "Juma",
                "author_email": "juma@mfano.co.ke",
                "body": "Asante kwa habari.",
                "form_token": form_token,
            }))
            .send()
            .await
            .expect("comment");
        let status = comment.status();
        assert!(
            status.is_success(),
            "{status} {}",
            comment.text().await.expect("body")
        );

        let id = article["id"].as_i64().expect("id");
        let live_id = live["id"].as_i64().expect("id");
        let section_id = section["id"].as_i64().expect("id");
        let page_id = page["id"].as_i64().expect("id");
        let admin = app.sign_in("admin@example.com", PASSWORD).await;
        let paths = [
            "/admin".to_owned(),
            "/admin/articles".to_owned(),
            "/admin/articles/new".to_owned(),
            format!("/admin/articles/{id}"),
            format!("/admin/articles/{id}/revisions"),
            format!("/admin/articles/{id}/polls"),
            format!("/admin/articles/{id}/gallery"),
            format!("/admin/articles/{id}/list"),
            format!("/admin/articles/{id}/video"),
            format!("/admin/articles/{id}/stats"),
            format!("/admin/articles/{id}/delete"),
            format!("/admin/articles/{live_id}/live"),
            "/admin/stats".to_owned(),
            "/admin/front".to_owned(),
            "/admin/sections".to_owned(),
            format!("/admin/sections/{section_id}"),
            "/admin/tags".to_owned(),
            "/admin/authors".to_owned(),
            "/admin/comments".to_owned(),
            "/admin/people".to_owned(),
            "/admin/settings".to_owned(),
            "/admin/audit".to_owned(),
            "/admin/pages".to_owned(),
            "/admin/pages/new".to_owned(),
            format!("/admin/pages/{page_id}"),
            format!("/admin/pages/{page_id}/revisions"),
            "/admin/menus".to_owned(),
            "/admin/messages".to_owned(),
            "/admin/identity".to_owned(),
            "/admin/ads".to_owned(),
            "/admin/integrations".to_owned(),
            "/admin/media".to_owned(),
            format!("/admin/media/{photo_id}"),
        ];
        let dir = if code == "ar" { "rtl" } else { "ltr" };
        let mut left = Vec::new();
        for path in &paths {
            let response = admin.get(path).await;
            let status = response.status();
            let body = response.text().await.expect("page");
            assert_eq!(status, StatusCode::OK, "{code} {path}");
            let html = scraper::Html::parse_document(&body);
            assert_lang_dir(&html, code, dir, path);
            for word in shown_words(&body) {
                let allowed = code == "fr" && FRENCH_TOO.contains(&word.as_str());
                if ENGLISH.contains(&word.as_str()) && !allowed {
                    left.push(format!("{path}: {word}"));
                }
            }
        }
        // The signed-out pages.
        let visitor = app.browser();
        for path in ["/admin/login", "/admin/password-reset"] {
            let body = visitor.get(path).await.text().await.expect("page");
            for word in shown_words(&body) {
                if ENGLISH.contains(&word.as_str()) {
                    left.push(format!("{path}: {word}"));
                }
            }
        }
        left.dedup();
        assert!(
            left.is_empty(),
            "{code}: English on the newsroom's pages:\n{}",
            left.join("\n")
        );
        let counted = untranslated(&app).await;
        assert!(
            !counted.is_empty() && counted.iter().all(|line| line.ends_with(" 0")),
            "{code}: {counted:?}"
        );

        // A refused form: the page says what was wrong in the site's language, the API in
        // English.
        let response = admin
            .post(
                "/admin/articles",
                &[
                    ("title", ""),
                    ("body", "Maandishi"),
                    ("section", "siasa"),
                    ("status", "draft"),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{code}"
        );
        let html = scraper::Html::parse_document(&response.text().await.expect("page"));
        let refusal = text(&html, "#e-title").expect("the title's refusal");
        let expected = match code {
            "sw" => "Hiki kinahitajika.",
            "fr" => "Ce champ est obligatoire.",
            _ => "هذا الحقل مطلوب.",
        };
        assert_eq!(refusal, expected, "{code}");
        let (status, problem) = app
            .api(
                Method::POST,
                "/articles",
                Some(json!({"title": "", "body": "x", "section": "siasa"})),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            problem.to_string().contains("title is required"),
            "{code}: {problem}"
        );
    }
}
