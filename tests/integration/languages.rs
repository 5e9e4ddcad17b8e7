//! The public site in each shipped language through the real server: every page type
//! walked with the site set to Swahili, French and Arabic, each page in that language's
//! words (none shown in English for want of a translation, as `/metrics` counts), `lang`
//! and `dir` on every page, dates and counts in the language's form.

use newsdesk::i18n::{Locale, overrides_dir};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{TestApp, assert_lang_dir, text, untranslated};

/// English a reader would see on these pages if a message were left untranslated.
const ENGLISH: &[&str] = &[
    "Skip to the news",
    "Search the news",
    "Most read",
    "Last 24 hours",
    "Leave a comment",
    "Post comment",
    "No comments yet",
    "What's Your Reaction?",
    "Related stories",
    "More from",
    "Copy link",
    "Share this story",
    "Older stories",
    "Results for",
    "stories found",
    "Go to the front page",
    "We couldn't find that page",
    "On the record",
    "minutes ago",
    "just now",
    "Tuesday",
    "December",
];

/// What each language must show somewhere on the walk, and its direction.
fn expected(code: &str) -> (&'static str, &'static [&'static str]) {
    match code {
        "sw" => (
            "ltr",
            &[
                "Ruka hadi habari",
                "Toa maoni",
                "Zinazosomwa zaidi",
                "Tafuta habari",
            ],
        ),
        "fr" => (
            "ltr",
            &[
                "Aller aux articles",
                "Laisser un commentaire",
                "Les plus lus",
            ],
        ),
        "ar" => ("rtl", &["انتقل إلى الأخبار", "اترك تعليقًا", "الأكثر قراءة"]),
        _ => unreachable!(),
    }
}

#[tokio::test]
async fn every_public_page_type_reads_in_each_shipped_language() {
    for code in ["sw", "fr", "ar"] {
        let app = TestApp::spawn_with(|s| {
            s.language = code.to_owned();
            s.locale = Locale::load(code, Some(&overrides_dir(&s.data_dir))).expect("messages");
        })
        .await;
        let section = app.section("Siasa").await;
        let author = app.author("Amina Odhiambo").await;
        let (status, article) = app
            .api(
                Method::POST,
                "/articles",
                Some(json!({
                    "title": "Bajeti ya kaunti",
                    "body": "Wabunge wa kaunti walipitisha bajeti.",
                    "section": section["slug"],
                    "authors": [author["slug"]],
                    "tags": ["Bajeti"],
                    "status": "published",
                })),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{article}");
        let story = format!("/article/{}", article["slug"].as_str().expect("slug"));
        let paths = [
            "/".to_owned(),
            format!("/section/{}", section["slug"].as_str().expect("slug")),
            "/tag/bajeti".to_owned(),
            format!("/author/{}", author["slug"].as_str().expect("slug")),
            story.clone(),
            "/search?q=bajeti".to_owned(),
            "/search".to_owned(),
            "/corrections".to_owned(),
        ];
        let (dir, words) = expected(code);
        let mut seen = String::new();
        for path in paths.iter().map(String::as_str).chain(["/no-such-page"]) {
            let response = app.get(path).await;
            let status = response.status();
            let body = response.text().await.expect("page");
            assert!(
                status.is_success() || (path == "/no-such-page" && status == StatusCode::NOT_FOUND),
                "{code} {path}: {status}"
            );
            let html = scraper::Html::parse_document(&body);
            assert_lang_dir(&html, code, dir, path);
            let shown = html.root_element().text().collect::<String>();
            for english in ENGLISH {
                assert!(!shown.contains(english), "{code} {path} shows {english:?}");
            }
            seen.push_str(&shown);
        }
        for word in words {
            assert!(seen.contains(word), "{code}: {word:?} nowhere on the walk");
        }
        let counted = untranslated(&app).await;
        assert!(
            !counted.is_empty() && counted.iter().all(|line| line.ends_with(" 0")),
            "{code}: {counted:?}"
        );

        // The story's date and comment count in the language's own form.
        let (_, page) = app.page(&story).await;
        let count = text(&page, ".story-head .comment-count-word").expect("count word");
        let date = text(&page, ".story-head .published").expect("date");
        match code {
            "sw" => {
                assert_eq!(count, "maoni");
                assert!(date.contains(" 20"), "{date}");
            }
            "fr" => assert_eq!(count, "commentaire"),
            "ar" => {
                assert_eq!(count, "تعليق");
                assert!(date.chars().any(|c| ('٠'..='٩').contains(&c)), "{date}");
            }
            _ => unreachable!(),
        }
    }
}

/// A story's notes in its feed item and its structured data say their kind in the site's
/// language, as the page does.
#[tokio::test]
async fn notes_in_feeds_and_structured_data_are_in_the_site_s_language() {
    let app = TestApp::spawn_with(|s| {
        s.language = "sw".to_owned();
        s.locale = Locale::load("sw", Some(&overrides_dir(&s.data_dir))).expect("messages");
    })
    .await;
    let article = app
        .published("Bajeti ya kaunti", "Wabunge walipitisha bajeti.")
        .await;
    let (status, note) = app
        .api(
            Method::POST,
            &format!("/articles/{}/corrections", article["id"]),
            Some(json!({"kind": "correction", "text": "Bajeti ni shilingi bilioni 2."})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{note}");
    let feed = app.get("/feed.xml").await.text().await.expect("feed");
    assert!(feed.contains("Sahihisho ("), "{feed}");
    assert!(!feed.contains("Correction ("), "{feed}");
    let url = article["url"].as_str().expect("url");
    let page = app
        .get(&url.replacen(&app.base, "", 1))
        .await
        .text()
        .await
        .expect("page");
    assert!(
        page.contains("\"text\":\"Sahihisho: Bajeti ni shilingi bilioni 2.\""),
        "the structured data's correction"
    );
}
