//! Editions through the real server: an English site with a Swahili edition at `/sw/`.
//! Each edition's front page, sections, search, feeds and sitemaps keep to its own
//! stories; a story answers in its own edition; translations lead to each other through
//! `hreflang` and the language switcher; the API names and filters languages; and the
//! page cache keeps `/` and `/sw/` apart and drops an edition's pages when they change.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, attr, text};

/// A section in the Swahili edition.
async fn swahili_section(app: &TestApp, name: &str) -> Value {
    let (status, body) = app
        .api(
            Method::POST,
            "/sections",
            Some(json!({ "name": name, "language": "sw" })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

async fn story(app: &TestApp, title: &str, body: &str, section: &Value) -> Value {
    let author = app.author(&format!("Writer of {title}")).await;
    let (status, article) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": title,
                "body": body,
                "section": section["slug"],
                "authors": [author["slug"]],
                "tags": ["Bandari"],
                "status": "published",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{article}");
    article
}

fn path_of(article: &Value) -> String {
    let url = article["url"].as_str().expect("url");
    let host_and_path = url.split_once("://").map_or(url, |(_, rest)| rest);
    host_and_path[host_and_path.find('/').expect("a path")..].to_owned()
}

async fn body_of(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("body")
}

#[tokio::test]
async fn each_edition_keeps_to_its_own_stories_and_translations_lead_to_each_other() {
    let app = TestApp::spawn_with(|s| s.page_cache = true).await;
    let news = app.section("News").await;
    let habari = swahili_section(&app, "Habari").await;
    assert_eq!(habari["language"], "sw");
    assert_eq!(news["language"], "en");
    assert!(
        habari["url"]
            .as_str()
            .expect("url")
            .ends_with("/sw/section/habari"),
        "{habari}"
    );
    let ferry = story(
        &app,
        "Ferry link approved",
        "The ferry crosses the bay.",
        &news,
    )
    .await;
    let feri = story(&app, "Feri yaidhinishwa", "Feri inavuka ghuba.", &habari).await;
    assert_eq!(feri["language"], "sw");
    assert!(
        path_of(&feri).starts_with("/sw/article/"),
        "{}",
        path_of(&feri)
    );

    // Each front page, search and feed holds its own edition's stories only.
    let english = body_of(&app, "/").await;
    let swahili = body_of(&app, "/sw/").await;
    assert!(english.contains("Ferry link approved") && !english.contains("Feri yaidhinishwa"));
    assert!(swahili.contains("Feri yaidhinishwa") && !swahili.contains("Ferry link approved"));
    assert!(swahili.contains("<html lang=\"sw\" dir=\"ltr\">"));
    assert!(english.contains("<html lang=\"en\" dir=\"ltr\">"));
    let (_, page) = app.page("/sw/").await;
    assert_eq!(
        text(&page, ".skip-link").as_deref(),
        Some("Ruka hadi habari")
    );
    assert_eq!(
        attr(&page, "form.site-search", "action").as_deref(),
        Some("/sw/search")
    );
    let found = body_of(&app, "/sw/search?q=feri").await;
    assert!(found.contains("Feri yaidhinishwa"));
    assert!(
        !body_of(&app, "/search?q=feri")
            .await
            .contains("Feri yaidhinishwa")
    );
    let feed = body_of(&app, "/sw/feed.xml").await;
    assert!(feed.contains("Feri yaidhinishwa") && !feed.contains("Ferry link approved"));
    assert!(
        !body_of(&app, "/feed.xml")
            .await
            .contains("Feri yaidhinishwa")
    );
    // A topic in the Swahili edition lists its Swahili stories only.
    let topic = body_of(&app, "/sw/tag/bandari").await;
    assert!(topic.contains("Feri yaidhinishwa") && !topic.contains("Ferry link approved"));

    // Sitemaps: each edition its own index and stories; robots.txt names both.
    let index = body_of(&app, "/sw/sitemap.xml").await;
    assert!(index.contains("/sw/sitemaps/articles-1.xml"), "{index}");
    let articles = body_of(&app, "/sw/sitemaps/articles-1.xml").await;
    assert!(articles.contains("/sw/article/feri-yaidhinishwa"));
    assert!(!articles.contains("/article/ferry-link-approved"));
    let robots = body_of(&app, "/robots.txt").await;
    assert!(robots.contains("/sw/sitemap.xml"), "{robots}");

    // A story answers in its own edition; the site's own language needs no prefix.
    let wrong = app.get("/article/feri-yaidhinishwa").await;
    assert_eq!(wrong.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        wrong.headers()["location"].to_str().expect("location"),
        "/sw/article/feri-yaidhinishwa"
    );
    let own = app.get("/en/section/news").await;
    assert_eq!(own.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(own.headers()["location"], "/section/news");
    let bare = app.get("/sw").await;
    assert_eq!(bare.headers()["location"], "/sw/");
    // A language with no edition is no prefix: the address is simply not found.
    assert_eq!(app.get("/fr/").await.status(), StatusCode::NOT_FOUND);

    // Not yet linked: the switcher leads to each edition's front page, and no hreflang.
    let (_, page) = app.page(&path_of(&ferry)).await;
    assert_eq!(
        attr(&page, "nav.editions a[lang=sw]", "href").as_deref(),
        Some("/sw/")
    );
    assert!(attr(&page, "link[hreflang]", "href").is_none());

    // Linked: each page names the other (and itself), the switcher goes to it.
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/articles/{}/translations", feri["id"]),
            Some(json!({ "translation_of": ferry["id"] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["translations"][0]["id"], ferry["id"]);
    assert_eq!(body["translations"][0]["language"], "en");
    let (_, page) = app.page(&path_of(&ferry)).await;
    assert_eq!(
        attr(&page, "nav.editions a[lang=sw]", "href").as_deref(),
        Some("/sw/article/feri-yaidhinishwa"),
        "the cached English page was dropped when its translation was linked"
    );
    assert!(
        attr(&page, "link[hreflang=sw]", "href")
            .expect("hreflang sw")
            .ends_with("/sw/article/feri-yaidhinishwa")
    );
    assert!(
        attr(&page, "link[hreflang=en]", "href")
            .expect("hreflang en")
            .ends_with("/article/ferry-link-approved")
    );
    let (_, page) = app.page("/sw/article/feri-yaidhinishwa").await;
    assert_eq!(
        attr(&page, "nav.editions a[lang=en]", "href").as_deref(),
        Some("/article/ferry-link-approved")
    );
    let sitemap = body_of(&app, "/sitemaps/articles-1.xml").await;
    assert!(
        sitemap.contains("hreflang=\"sw\""),
        "the sitemap names the translation: {sitemap}"
    );

    // Stories in the same edition are not translations of each other.
    let other = story(&app, "Bridge repairs", "The bridge reopens.", &news).await;
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/articles/{}/translations", other["id"]),
            Some(json!({ "translation_of": ferry["id"] })),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "translation_of", "{body}");
    assert!(
        body["errors"][0]["message"]
            .to_string()
            .contains("same edition"),
        "{body}"
    );

    // The API names each story's language and filters by it.
    let (status, list) = app.api(Method::GET, "/articles?language=sw", None).await;
    assert_eq!(status, StatusCode::OK);
    let titles: Vec<&str> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(titles, vec!["Feri yaidhinishwa"]);
    let (status, list) = app.api(Method::GET, "/sections?language=en", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|s| s["language"] == "en")
    );
    let (status, refused) = app.api(Method::GET, "/articles?language=xx", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");

    // A change drops the edition's cached pages: a new Swahili story is on /sw/ at once,
    // and the English front page stays as it was.
    app.get("/sw/").await;
    assert_eq!(app.get("/sw/").await.headers()["x-cache"], "HIT");
    story(&app, "Mvua kubwa yaja", "Mvua itanyesha.", &habari).await;
    let swahili = body_of(&app, "/sw/").await;
    assert!(
        swahili.contains("Mvua kubwa yaja"),
        "the Swahili front page was dropped"
    );
    assert!(!body_of(&app, "/").await.contains("Mvua kubwa yaja"));

    // Every word the Swahili pages showed was Swahili: none fell back to English.
    let metrics = app.get("/metrics").await.text().await.expect("metrics");
    assert!(
        metrics.contains("newsdesk_untranslated_messages_total{language=\"sw\"} 0"),
        "{metrics}"
    );

    // Unlinking takes the alternates away again.
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/articles/{}/translations", feri["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, page) = app.page(&path_of(&ferry)).await;
    assert_eq!(
        attr(&page, "nav.editions a[lang=sw]", "href").as_deref(),
        Some("/sw/")
    );
}

#[tokio::test]
async fn a_site_with_one_language_shows_no_switcher_and_keeps_its_addresses() {
    let app = TestApp::spawn().await;
    let article = app.published("Only in English", "Words.").await;
    let (_, page) = app.page(&path_of(&article)).await;
    assert!(attr(&page, "nav.editions a", "href").is_none());
    assert!(path_of(&article).starts_with("/article/"));
    // With no edition, `/sw/` is not a prefix at all.
    assert_eq!(app.get("/sw/").await.status(), StatusCode::NOT_FOUND);
    let (_, list) = app.api(Method::GET, "/articles?language=en", None).await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
}

/// The breaking-news banner keeps to the editions that have the story: the English story's
/// banner is on `/` and not on `/sw/` (whose page would show an English headline), until
/// its Swahili translation is linked; then `/sw/` shows the translation's headline and
/// address. The page cache is on, so each change must drop the cached pages.
#[tokio::test]
async fn the_breaking_banner_shows_in_each_edition_the_story_is_in() {
    let app = TestApp::spawn_with(|s| s.page_cache = true).await;
    let english = app.section("Port").await;
    let habari = swahili_section(&app, "Habari").await;
    let original = story(&app, "Port closed by storm", "The port closed.", &english).await;
    let translation = story(&app, "Bandari yafungwa", "Bandari imefungwa.", &habari).await;
    for path in ["/", "/sw/"] {
        body_of(&app, path).await;
        assert_eq!(app.get(path).await.headers()["x-cache"], "HIT", "{path}");
    }
    let (status, banner) = app
        .api(
            Method::PUT,
            &format!("/articles/{}/breaking", original["id"]),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{banner}");
    let banner_of = |body: &str| {
        let html = scraper::Html::parse_document(body);
        attr(&html, "#breaking", "hidden")
            .is_none()
            .then(|| text(&html, "#breaking .breaking-title").unwrap_or_default())
    };
    assert_eq!(
        banner_of(&body_of(&app, "/").await).as_deref(),
        Some("Port closed by storm")
    );
    assert_eq!(
        banner_of(&body_of(&app, "/sw/").await),
        None,
        "no English headline on /sw/"
    );

    let (status, linked) = app
        .api(
            Method::PUT,
            &format!("/articles/{}/translations", translation["id"]),
            Some(json!({ "translation_of": original["id"] })),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{linked}");
    let page = body_of(&app, "/sw/").await;
    assert_eq!(banner_of(&page).as_deref(), Some("Bandari yafungwa"));
    let html = scraper::Html::parse_document(&page);
    assert_eq!(
        attr(&html, "#breaking .breaking-link", "href"),
        Some(path_of(&translation))
    );
    assert_eq!(
        banner_of(&body_of(&app, "/").await).as_deref(),
        Some("Port closed by storm")
    );
}

/// A subsection is in its parent's edition: made under a Swahili section it is Swahili
/// without saying so, and a section of another edition cannot be put under it.
#[tokio::test]
async fn a_subsection_is_in_its_parent_s_edition() {
    let app = TestApp::spawn().await;
    let habari = swahili_section(&app, "Habari").await;
    let (status, kaunti) = app
        .api(
            Method::POST,
            "/sections",
            Some(json!({"name": "Kaunti", "parent": habari["slug"]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{kaunti}");
    assert_eq!(kaunti["language"], "sw");
    assert_eq!(kaunti["parent"], habari["slug"]);
    let port = app.section("Port").await;
    let (status, problem) = app
        .api(
            Method::PATCH,
            &format!("/sections/{}", port["id"]),
            Some(json!({"parent": habari["slug"]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "parent", "{problem}");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("a subsection is in its parent's edition")),
        "{problem}"
    );
}

/// A section's subsections move with it into another edition; a subsection alone cannot.
#[tokio::test]
async fn subsections_move_with_their_parent_s_edition() {
    let app = TestApp::spawn().await;
    let news = app.section("County news").await;
    let (status, towns) = app
        .api(
            Method::POST,
            "/sections",
            Some(json!({"name": "Towns", "parent": news["slug"]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{towns}");
    let (status, problem) = app
        .api(
            Method::PATCH,
            &format!("/sections/{}", towns["id"]),
            Some(json!({"language": "sw"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "language", "{problem}");
    let (status, moved) = app
        .api(
            Method::PATCH,
            &format!("/sections/{}", news["id"]),
            Some(json!({"language": "sw"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["language"], "sw");
    let (_, towns) = app
        .api(Method::GET, &format!("/sections/{}", towns["id"]), None)
        .await;
    assert_eq!(towns["language"], "sw", "the subsection moved with it");
}
