//! Discovery through the real server: feeds, sitemaps, structured data, search, read
//! counts, popular lists and related stories; nothing unpublished ever shows.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, attr, count};

const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// A small site: two published stories sharing a tag, one draft, one scheduled.
struct Site {
    app: TestApp,
    ferry: Value,
    harbour: Value,
    draft: Value,
    scheduled: Value,
}

async fn site() -> Site {
    let app = TestApp::spawn().await;
    let section = app.section("City").await;
    let author = app.author("Amina Odhiambo").await;
    let create = |body: Value| {
        let app = &app;
        async move {
            let (status, created) = app.api(Method::POST, "/articles", Some(body)).await;
            assert_eq!(status, StatusCode::CREATED, "{created}");
            created
        }
    };
    let base = |title: &str, body: &str, status: &str| {
        json!({"title": title, "body": body, "section": section["slug"], "authors": [author["slug"]],
               "tags": ["Harbour"], "status": status,
               "lead_image": {"url": "/static/demo/harbour.svg", "alt": "Boats", "credit": "Courtesy"}})
    };
    let ferry = create(base(
        "Ferry link approved",
        "Commuters will cross the bay by boat.",
        "published",
    ))
    .await;
    let harbour = create(base(
        "Fish market moves",
        "The ferry pier takes the old loading bay.",
        "published",
    ))
    .await;
    let draft = create(base("Secret draft about ferries", "Not yet.", "draft")).await;
    let mut later = base("Embargoed ferry timetable", "Soon.", "scheduled");
    later["published_at"] = json!("2999-01-01T00:00:00Z");
    let scheduled = create(later).await;
    Site {
        app,
        ferry,
        harbour,
        draft,
        scheduled,
    }
}

async fn body(app: &TestApp, path: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let response = app.get(path).await;
    let status = response.status();
    let headers = response.headers().clone();
    (status, headers, response.text().await.expect("text"))
}

fn assert_hidden(site: &Site, text: &str, what: &str) {
    for hidden in [&site.draft, &site.scheduled] {
        let title = hidden["title"].as_str().expect("title");
        let slug = hidden["slug"].as_str().expect("slug");
        assert!(
            !text.contains(title) && !text.contains(slug),
            "{what} shows {title}"
        );
    }
}

#[tokio::test]
async fn every_feed_lists_the_published_articles_with_their_required_elements() {
    let site = site().await;
    let app = &site.app;
    let section = site.ferry["section"]["slug"].as_str().expect("slug");
    let author = site.ferry["authors"][0]["slug"].as_str().expect("slug");
    for base in [
        "".to_owned(),
        format!("/section/{section}"),
        "/tag/harbour".to_owned(),
        format!("/author/{author}"),
    ] {
        let (status, headers, rss) = body(app, &format!("{base}/feed.xml")).await;
        assert_eq!(status, StatusCode::OK, "{base}");
        assert!(
            headers["content-type"]
                .to_str()
                .expect("ct")
                .starts_with("application/rss+xml")
        );
        assert!(
            rss.contains("<title>Ferry link approved</title>")
                && rss.contains("<title>Fish market moves</title>"),
            "{base}: {rss}"
        );
        assert_hidden(&site, &rss, &format!("{base}/feed.xml"));
        assert_eq!(rss.matches("<item>").count(), 2);
        assert_eq!(rss.matches("<guid isPermaLink=\"true\">").count(), 2);
        let date = rss
            .split("<pubDate>")
            .nth(1)
            .and_then(|s| s.split("</pubDate>").next())
            .expect("pubDate");
        assert!(
            jiff::fmt::rfc2822::parse(date).is_ok(),
            "RFC 822 date: {date}"
        );
        assert!(rss.contains(&format!(
            "<guid isPermaLink=\"true\">{}/a/{}</guid>",
            app.base, site.ferry["id"]
        )));
        assert!(
            rss.contains("<media:content url=\"http"),
            "lead image as a media element"
        );
        assert!(rss.contains("<content:encoded>"), "full text by default");

        let (status, headers, atom) = body(app, &format!("{base}/atom.xml")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            headers["content-type"]
                .to_str()
                .expect("ct")
                .starts_with("application/atom+xml")
        );
        assert_eq!(atom.matches("<entry>").count(), 2, "{base}");
        assert_hidden(&site, &atom, &format!("{base}/atom.xml"));
        for element in ["<id>", "<updated>", "<author><name>"] {
            assert!(
                atom.matches(element).count() >= 3,
                "{element} in feed and entries"
            );
        }
        assert!(atom.contains("<link rel=\"enclosure\" type=\"image/svg+xml\""));
    }
    let (status, _, _) = body(app, "/section/nowhere/feed.xml").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, home) = body(app, "/").await;
    assert!(home.contains("<link rel=\"alternate\" type=\"application/rss+xml\""));
}

#[tokio::test]
async fn feeds_answer_conditional_requests() {
    let site = site().await;
    let app = &site.app;
    let response = app.get("/feed.xml").await;
    let etag = response.headers()["etag"]
        .to_str()
        .expect("etag")
        .to_owned();
    let modified = response.headers()["last-modified"]
        .to_str()
        .expect("lm")
        .to_owned();
    let again = app
        .client
        .get(app.url("/feed.xml"))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("send");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().expect("etag"), etag);
    let since = app
        .client
        .get(app.url("/feed.xml"))
        .header("if-modified-since", &modified)
        .send()
        .await
        .expect("send");
    assert_eq!(since.status(), StatusCode::NOT_MODIFIED);
    let stale = app
        .client
        .get(app.url("/feed.xml"))
        .header("if-none-match", "\"other\"")
        .send()
        .await
        .expect("send");
    assert_eq!(stale.status(), StatusCode::OK);
}

#[tokio::test]
async fn sitemaps_list_only_public_urls_and_robots_points_at_them() {
    let site = site().await;
    let app = &site.app;
    let (_, _, robots) = body(app, "/robots.txt").await;
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.base)));
    let (status, _, index) = body(app, "/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    for file in ["pages.xml", "news.xml", "articles-1.xml"] {
        assert!(
            index.contains(&format!("{}/sitemaps/{file}", app.base)),
            "{index}"
        );
        let (status, _, map) = body(app, &format!("/sitemaps/{file}")).await;
        assert_eq!(status, StatusCode::OK, "{file}");
        assert_hidden(&site, &map, file);
    }
    let (_, _, articles) = body(app, "/sitemaps/articles-1.xml").await;
    assert_eq!(articles.matches("<url>").count(), 2);
    assert!(articles.contains(&format!("{}/article/ferry-link-approved", app.base)));
    let (_, _, news) = body(app, "/sitemaps/news.xml").await;
    assert_eq!(news.matches("<news:news>").count(), 2);
    for element in [
        "<news:name>",
        "<news:language>",
        "<news:publication_date>",
        "<news:title>",
    ] {
        assert_eq!(news.matches(element).count(), 2, "{element}");
    }
    let (status, _, _) = body(app, "/sitemaps/articles-9.xml").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

fn json_ld(html: &str) -> Vec<Value> {
    let document = scraper::Html::parse_document(html);
    let selector =
        scraper::Selector::parse("script[type='application/ld+json']").expect("selector");
    document
        .select(&selector)
        .flat_map(|s| {
            match serde_json::from_str::<Value>(&s.inner_html()).expect("JSON-LD parses") {
                Value::Array(items) => items,
                one => vec![one],
            }
        })
        .collect()
}

#[tokio::test]
async fn article_pages_carry_news_article_data_breadcrumbs_and_social_tags() {
    let site = site().await;
    let app = &site.app;
    let (_, _, html) = body(app, "/article/ferry-link-approved").await;
    let data = json_ld(&html);
    let news = data
        .iter()
        .find(|d| d["@type"] == "NewsArticle")
        .expect("NewsArticle");
    assert_eq!(news["headline"], "Ferry link approved");
    for field in [
        "datePublished",
        "dateModified",
        "image",
        "publisher",
        "mainEntityOfPage",
        "description",
    ] {
        assert!(!news[field].is_null(), "{field} missing: {news}");
    }
    assert_eq!(news["author"][0]["@type"], "Person");
    assert_eq!(news["author"][0]["name"], "Amina Odhiambo");
    assert_eq!(news["author"][0]["url"], app.url("/author/amina-odhiambo"));
    assert_eq!(news["image"][0]["url"], app.url("/static/demo/harbour.svg"));
    assert_eq!(news["publisher"]["@type"], "NewsMediaOrganization");
    assert!(
        news["datePublished"]
            .as_str()
            .expect("date")
            .parse::<jiff::Timestamp>()
            .is_ok()
    );
    let crumbs = data
        .iter()
        .find(|d| d["@type"] == "BreadcrumbList")
        .expect("breadcrumbs");
    assert_eq!(crumbs["itemListElement"].as_array().map(Vec::len), Some(3));

    let page = scraper::Html::parse_document(&html);
    assert_eq!(
        attr(&page, "meta[property='og:title']", "content").as_deref(),
        Some("Ferry link approved")
    );
    assert_eq!(
        attr(&page, "meta[property='og:image']", "content"),
        Some(app.url("/static/demo/harbour.svg"))
    );
    assert_eq!(
        attr(&page, "meta[property='og:type']", "content").as_deref(),
        Some("article")
    );
    assert_eq!(
        attr(&page, "meta[name='twitter:card']", "content").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(
        attr(&page, "link[rel=canonical]", "href"),
        Some(app.url("/article/ferry-link-approved"))
    );
    assert!(
        attr(&page, "meta[name=description]", "content").is_some_and(|d| d.contains("Commuters"))
    );

    let section = site.ferry["section"]["slug"].as_str().expect("slug");
    let (_, _, html) = body(app, &format!("/section/{section}")).await;
    let data = json_ld(&html);
    assert_eq!(data[0]["@type"], "BreadcrumbList");
    assert_eq!(data[0]["itemListElement"][1]["name"], "City");
}

#[tokio::test]
async fn search_ranks_titles_first_and_follows_edits_and_unpublishing() {
    let site = site().await;
    let app = &site.app;
    // "ferry" is in one title and in the other's body.
    let (status, results) = app.api(Method::GET, "/search?q=ferry", None).await;
    assert_eq!(status, StatusCode::OK);
    let titles: Vec<&str> = results["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["title"].as_str())
        .collect();
    assert_eq!(titles, ["Ferry link approved", "Fish market moves"]);
    assert!(
        results["items"][0]["snippet_html"]
            .as_str()
            .unwrap_or("")
            .contains("<mark>")
    );
    assert_hidden(&site, &results.to_string(), "search");

    let (_, _, page) = body(app, "/search?q=ferry").await;
    let document = scraper::Html::parse_document(&page);
    assert_eq!(count(&document, ".search-result"), 2);
    assert!(count(&document, ".snippet mark") >= 1);
    assert_eq!(
        count(&document, "form.site-search input[name=q]"),
        1,
        "a search box on every page"
    );

    let id = &site.harbour["id"];
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"body": "Rewritten about trawlers.", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, results) = app.api(Method::GET, "/search?q=trawlers", None).await;
    assert_eq!(results["total"], 1, "the edit is searchable at once");
    let (_, results) = app.api(Method::GET, "/search?q=loading", None).await;
    assert_eq!(results["total"], 0, "the old text is gone");

    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"status": "draft", "version": 2})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, results) = app.api(Method::GET, "/search?q=trawlers", None).await;
    assert_eq!(
        results["total"], 0,
        "unpublished articles leave the results"
    );

    // Authors and tags are searchable too.
    let (_, results) = app.api(Method::GET, "/search?q=odhiambo", None).await;
    assert_eq!(results["total"], 1);
}

#[tokio::test]
async fn odd_and_hostile_queries_never_error() {
    let site = site().await;
    let app = &site.app;
    let long = "ferry ".repeat(2000);
    let queries = [
        "\"",
        "\"\"",
        "'",
        "ferry\"",
        "\"ferry",
        "*",
        "ferry*",
        "-ferry",
        "NOT ferry",
        "ferry OR",
        "AND",
        "NEAR(ferry market)",
        "(",
        ")",
        "{}",
        "^ferry",
        "ferry:",
        "title:ferry",
        "col:*",
        "!!!",
        "…",
        "🚢",
        "   ",
        "",
        "%",
        "%00",
        // A NUL ends a string in SQLite's FTS5 query parser (found by fuzz/search_query).
        "\0\0*",
        "ferry\0market",
        "\\",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "ferry AND (market OR",
        "fér ry",
        "a b c d e f g h i j k l m n o p q r s t",
        long.as_str(),
    ];
    for query in queries {
        let encoded: String = url_encode(query);
        let (status, _, page) = body(app, &format!("/search?q={encoded}")).await;
        assert_eq!(status, StatusCode::OK, "page for {query:?}");
        assert!(!page.contains("<script>alert(1)"), "query echoed unescaped");
        let (status, result) = app
            .api(Method::GET, &format!("/search?q={encoded}"), None)
            .await;
        assert_eq!(status, StatusCode::OK, "API for {query:?}: {result}");
        // The newsroom's search of every article, whatever its status.
        let (status, result) = app
            .api(Method::GET, &format!("/articles?q={encoded}"), None)
            .await;
        assert_eq!(
            status,
            StatusCode::OK,
            "newsroom API for {query:?}: {result}"
        );
    }
    let (status, _) = app.api(Method::GET, "/search?q=ferry&page=0", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_reads_are_all_counted_and_bots_are_not() {
    let site = site().await;
    let app = std::sync::Arc::new(site.app);
    let path = "/article/ferry-link-approved";
    let mut readers = Vec::new();
    for _ in 0..20 {
        let app = app.clone();
        readers.push(tokio::spawn(async move {
            for _ in 0..10 {
                let response = app
                    .client
                    .get(app.url(path))
                    .header("user-agent", BROWSER)
                    .send()
                    .await
                    .expect("send");
                assert_eq!(response.status(), StatusCode::OK);
            }
        }));
    }
    for _ in 0..15 {
        app.client
            .get(app.url(path))
            .header(
                "user-agent",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            )
            .send()
            .await
            .expect("bot");
    }
    for reader in readers {
        reader.await.expect("reader");
    }
    let id = site.ferry["id"].as_i64().expect("id");
    // Counts are written every flush interval (5 s); wait for one to pass.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(12);
    let mut total = 0;
    while tokio::time::Instant::now() < deadline {
        total = app.store.article_view_total(id).await.expect("views");
        if total >= 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(total, 200, "every read counted once, no bot read counted");
    let (_, popular) = app.api(Method::GET, "/popular?window=24h", None).await;
    assert_eq!(popular["most_read"][0]["title"], "Ferry link approved");
    assert_eq!(popular["most_read"][0]["views"], 200);
    let (_, _, home) = body(&app, "/").await;
    assert!(home.contains("Most read") && home.contains("Most reacted"));
    let (status, _) = app.api(Method::GET, "/popular?window=1y", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_clean_stop_keeps_the_reads_not_yet_written() {
    let site = site().await;
    let mut app = site.app;
    for _ in 0..3 {
        let response = app
            .client
            .get(app.url("/article/fish-market-moves"))
            .header("user-agent", BROWSER)
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), StatusCode::OK);
    }
    // Stopped well within the 5 s flush interval: the counts are written on the way out.
    app.stop().await;
    let store = crate::helpers::reopen(&app.data).await;
    let id = site.harbour["id"].as_i64().expect("id");
    assert_eq!(store.article_view_total(id).await.expect("views"), 3);
    store.close().await;
}

#[tokio::test]
async fn related_and_more_from_the_section_follow_each_story() {
    let site = site().await;
    let app = &site.app;
    let (_, _, html) = body(app, "/article/ferry-link-approved").await;
    let page = scraper::Html::parse_document(&html);
    assert_eq!(
        attr(&page, ".related .row-title a", "href").as_deref(),
        Some("/article/fish-market-moves")
    );
    assert_hidden(&site, &html, "related stories");

    let response = app.get(&format!("/a/{}", site.ferry["id"])).await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        response.headers()["location"],
        "/article/ferry-link-approved"
    );
    assert_eq!(
        app.get(&format!("/a/{}", site.draft["id"])).await.status(),
        StatusCode::NOT_FOUND
    );
}
