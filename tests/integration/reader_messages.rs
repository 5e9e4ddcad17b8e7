//! What readers are told after they act, in the site's language through the real server:
//! the article page's words for its script (a JSON data block), the reaction labels, and a
//! refused comment form, in Swahili and Arabic with no English left.

use newsdesk::config::{CommentSettings, RateLimit};
use newsdesk::i18n::{Locale, overrides_dir};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, attr, text};

/// English the script or a refused form would show if a message were not translated.
const ENGLISH: &[&str] = &[
    "could not be saved",
    "Check your connection",
    "new update",
    "Reply to",
    "Cancel reply",
    "Posting",
    "awaiting moderation",
    "This live blog has ended",
    "your name is required",
    "is not an email address",
    "write your comment",
    "minutes ago",
    "Choose one of the answers",
    "Link copied",
];

async fn site_in(code: &str) -> TestApp {
    TestApp::spawn_with(|s| {
        s.language = code.to_owned();
        s.locale = Locale::load(code, Some(&overrides_dir(&s.data_dir))).expect("messages");
        s.comments = CommentSettings {
            min_seconds: 0,
            ..CommentSettings::default()
        };
        s.comment_limit = RateLimit {
            burst: 10_000,
            per_minute: 10_000,
        };
    })
    .await
}

fn article_path(article: &Value) -> String {
    format!("/article/{}", article["slug"].as_str().expect("slug"))
}

/// The article page's words for its script, parsed as the script parses them.
fn reader_messages(page: &scraper::Html) -> Value {
    let block = text(page, "script#reader-messages").expect("the messages block");
    assert!(
        !block.contains('<'),
        "the block cannot end its script: {block}"
    );
    serde_json::from_str(&block).expect("the block is JSON")
}

fn assert_no_english(what: &str, words: &str) {
    for english in ENGLISH {
        assert!(
            !words.contains(english),
            "{what} shows “{english}”: {words}"
        );
    }
}

#[tokio::test]
async fn the_article_page_gives_its_script_words_in_the_site_s_language() {
    for (code, new_updates, awaiting) in [
        ("sw", "masasisho {count} mapya", "Maoni yako yanasubiri"),
        ("ar", "{count} تحديثات جديدة", "تعليقك"),
    ] {
        let app = site_in(code).await;
        let article = app.published("Habari", "Maandishi").await;
        let (status, page) = app.page(&article_path(&article)).await;
        assert_eq!(status, StatusCode::OK);
        let messages = reader_messages(&page);
        let new_form = if code == "ar" { "few" } else { "other" };
        assert_eq!(
            messages["live-new-updates"][new_form], new_updates,
            "{code}"
        );
        assert!(
            messages["comment-awaiting"]
                .as_str()
                .unwrap_or_default()
                .contains(awaiting),
            "{code}: {}",
            messages["comment-awaiting"]
        );
        assert!(
            messages["reply-to"]
                .as_str()
                .unwrap_or_default()
                .contains("{name}"),
            "{code}: the script puts the name in the sentence"
        );
        assert_no_english(code, &messages.to_string());

        // The shipped reaction kinds are labelled in the language too.
        let labels: Vec<String> = page
            .select(&scraper::Selector::parse(".reaction-label").expect("selector"))
            .map(|e| e.text().collect())
            .collect();
        assert!(!labels.is_empty());
        for english in ["Like", "Love", "Funny", "Sad"] {
            assert!(!labels.iter().any(|l| l == english), "{code}: {labels:?}");
        }
        let copied = attr(&page, ".share-status", "data-copied").unwrap_or_default();
        assert!(
            !copied.is_empty() && !copied.contains("Link copied"),
            "{code}: {copied}"
        );
    }
}

#[tokio::test]
async fn a_refused_comment_form_says_what_is_wrong_in_the_site_s_language() {
    for (code, name_missing, not_an_email) in [
        ("sw", "jina lako linahitajika", "si anwani ya barua pepe"),
        ("ar", "اسمك مطلوب", "ليس عنوان بريد إلكتروني"),
    ] {
        let app = site_in(code).await;
        let article = app.published("Habari", "Maandishi").await;
        let path = article_path(&article);
        let (_, page) = app.page(&path).await;
        let token = attr(&page, "input[name=form_token]", "value").expect("form token");
        let response = app
            .client
            .post(app.url(&format!("{path}/comments")))
            .header("origin", app.base.clone())
            .form(&[
                ("author_name", ""),
                ("author_email", "si-barua"),
                ("body", ""),
                ("form_token", &token),
                ("website", ""),
            ])
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.expect("text");
        let page = scraper::Html::parse_document(&html);
        let name = text(&page, "#comment-name-error").unwrap_or_default();
        assert!(name.contains(name_missing), "{code}: {name}");
        let email = text(&page, "#comment-email-error").unwrap_or_default();
        assert!(email.contains(not_an_email), "{code}: {email}");
        let body = text(&page, "#comment-body-error").unwrap_or_default();
        assert!(!body.trim().is_empty(), "{code}");
        for field in [&name, &email, &body] {
            assert_no_english(code, field);
        }

        // The API answers developers, in English, whatever the site's language.
        let response = app
            .client
            .post(app.url(&format!("/api/v1/articles/{}/comments", article["id"])))
            .header("origin", app.base.clone())
            .json(&serde_json::json!({"author_name": "", "body": "x", "form_token": token}))
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem: Value = response.json().await.expect("json");
        assert!(
            problem.to_string().contains("your name is required"),
            "{problem}"
        );
    }
}
