//! The newsroom's numbers through the real server: known reads (with the pages that sent
//! them), reactions and comments go in; every figure on the dashboard, a story's page, the
//! story list and the API comes out exact, for editors and for an author who sees only
//! their own stories; old hourly rows fold into days without losing a read.

use std::time::Duration;

use jiff::Timestamp;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::helpers::{PASSWORD, TestApp, count, text, user_token};
use newsdesk::domain::ReactionKind;
use newsdesk::store::{CommentStatus, NewComment, ReadDetails};

const BROWSER: &str =
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";

/// One reader opening a story, sent by `referer` (or typing the address).
async fn read(app: &TestApp, slug: &str, referer: Option<&str>) {
    let mut request = app
        .client
        .get(app.url(&format!("/article/{slug}")))
        .header("user-agent", BROWSER);
    if let Some(referer) = referer {
        request = request.header("referer", referer);
    }
    let response = request.send().await.expect("read");
    assert_eq!(response.status(), StatusCode::OK);
}

/// Waits for the read counter's next flush to have written `expected` reads of `id`.
async fn flushed(app: &TestApp, id: i64, expected: i64) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    loop {
        let total = app.store.article_view_total(id).await.expect("total");
        if total >= expected {
            assert_eq!(total, expected, "reads of story {id}");
            // Referrers and minutes are written just after the hourly counts.
            tokio::time::sleep(Duration::from_millis(300)).await;
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "story {id} has {total} reads, not {expected}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn source<'a>(sources: &'a Value, kind: &str) -> &'a Value {
    sources
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} source in {sources}"))
}

struct Newsroom {
    app: TestApp,
    lead: Value,
    own: Value,
    author_token: String,
}

/// An editor's story read 13 times (7 from Google, 3 from Facebook, 1 from within the site,
/// 2 direct) with 3 reactions and 2 approved comments; an author's story read 4 times from
/// another site; a bot's fetch that counts for nothing.
async fn newsroom() -> Newsroom {
    let app = TestApp::spawn().await;
    let lead = app
        .published("Ferry link approved", "Commuters cross by boat.")
        .await;
    let author_token = user_token(app.store.as_ref(), "writer@example.com", "author").await;
    let section = app.section("Business").await;
    let author = app.author("Tomás Reyes").await;
    let (status, own) = app
        .api_as(
            &author_token,
            Method::POST,
            "/articles",
            Some(serde_json::json!({
                "title": "Coffee prices climb",
                "body": "Growers hold back their harvest.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "status": "published",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{own}");
    let lead_slug = lead["slug"].as_str().expect("slug").to_owned();
    let own_slug = own["slug"].as_str().expect("slug").to_owned();
    for _ in 0..7 {
        read(
            &app,
            &lead_slug,
            Some("https://www.google.com/search?q=ferry"),
        )
        .await;
    }
    for _ in 0..3 {
        read(&app, &lead_slug, Some("https://l.facebook.com/l.php?u=x")).await;
    }
    read(&app, &lead_slug, Some(&app.url("/"))).await;
    read(&app, &lead_slug, None).await;
    read(&app, &lead_slug, Some("javascript:alert(1)")).await;
    for _ in 0..4 {
        read(
            &app,
            &own_slug,
            Some("https://nation.africa/kenya/business"),
        )
        .await;
    }
    app.client
        .get(app.url(&format!("/article/{lead_slug}")))
        .header(
            "user-agent",
            "Googlebot/2.1 (+http://www.google.com/bot.html)",
        )
        .header("referer", "https://www.google.com/")
        .send()
        .await
        .expect("bot");
    let lead_id = lead["id"].as_i64().expect("id");
    let now = Timestamp::now();
    for (reader, kind) in [("r1", "like"), ("r2", "love"), ("r3", "like")] {
        let kind = ReactionKind::parse(kind).expect("kind");
        app.store
            .set_reaction(lead_id, reader, Some(&kind), now)
            .await
            .expect("reaction");
    }
    for (n, status) in [
        CommentStatus::Approved,
        CommentStatus::Approved,
        CommentStatus::Pending,
    ]
    .into_iter()
    .enumerate()
    {
        app.store
            .create_comment(
                &NewComment {
                    article_id: lead_id,
                    parent_id: None,
                    author_name: format!("Reader {n}"),
                    author_email: None,
                    body: "Good news for the quay.".into(),
                    status,
                    reason: None,
                    reader_id: None,
                },
                now,
            )
            .await
            .expect("comment");
    }
    flushed(&app, lead_id, 13).await;
    flushed(&app, own["id"].as_i64().expect("id"), 4).await;
    Newsroom {
        app,
        lead,
        own,
        author_token,
    }
}

#[tokio::test]
async fn every_figure_in_the_api_is_exact_and_an_author_sees_only_their_own() {
    let site = newsroom().await;
    let app = &site.app;
    let (status, overview) = app.api(Method::GET, "/stats/overview", None).await;
    assert_eq!(status, StatusCode::OK, "{overview}");
    assert_eq!(overview["reads"], 17);
    assert_eq!(overview["series"]["unit"], "day");
    let top = &overview["top_stories"];
    assert_eq!(top[0]["title"], "Ferry link approved");
    assert_eq!(
        (&top[0]["reads"], &top[0]["reactions"], &top[0]["comments"]),
        (&13.into(), &3.into(), &2.into())
    );
    assert_eq!(top[1]["title"], "Coffee prices climb");
    assert_eq!(top[1]["reads"], 4);
    let sources = &overview["sources"];
    for (kind, reads, percent) in [
        ("search", 7, 41),
        ("other_sites", 4, 24),
        ("social", 3, 18),
        ("direct", 2, 12),
        ("internal", 1, 6),
    ] {
        let group = source(sources, kind);
        assert_eq!(
            (&group["reads"], &group["percent"]),
            (&reads.into(), &percent.into()),
            "{kind}"
        );
    }
    assert_eq!(source(sources, "search")["sites"][0]["name"], "Google");
    assert_eq!(source(sources, "social")["sites"][0]["name"], "Facebook");
    assert_eq!(
        source(sources, "other_sites")["sites"][0]["name"],
        "nation.africa"
    );
    assert_eq!(overview["sections"][0]["reads"], 13);
    assert_eq!(overview["sections"][1]["name"], "Business");
    assert_eq!(overview["sections"][1]["reads"], 4);
    assert_eq!(overview["authors"][1]["name"], "Tomás Reyes");
    assert_eq!(overview["authors"][1]["reads"], 4);

    let (_, live) = app.api(Method::GET, "/stats/live", None).await;
    assert_eq!(live["reads"], 17);
    assert_eq!(live["minutes"], 5);
    assert_eq!(live["stories"][0]["reads"], 13);

    let lead_id = site.lead["id"].as_i64().expect("id");
    let (status, story) = app
        .api(Method::GET, &format!("/articles/{lead_id}/stats"), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{story}");
    assert_eq!(story["reads"], 13);
    assert_eq!(story["reactions"]["like"], 2);
    assert_eq!(story["reactions"]["love"], 1);
    assert_eq!(story["reactions_total"], 3);
    assert_eq!(story["comments"], 2);
    assert_eq!(story["reads_over_time"]["unit"], "hour");
    assert_eq!(story["reads_over_time"]["total"], 13);
    assert_eq!(story["last_48_hours"]["total"], 13);
    assert_eq!(story["comments_over_time"]["total"], 2);
    assert_eq!(source(&story["sources"], "direct")["reads"], 2);
    assert_eq!(story["section"]["stories"], 1);
    assert_eq!(story["section"]["median_reads"], 13);
    assert_eq!(story["section"]["percent_of_median"], 100);

    // An author: their own story's figures, nobody else's.
    let token = &site.author_token;
    let (_, mine) = app
        .api_as(token, Method::GET, "/stats/overview", None)
        .await;
    assert_eq!(mine["reads"], 4);
    assert_eq!(mine["top_stories"].as_array().map(Vec::len), Some(1));
    assert!(mine["sections"].is_null() && mine["authors"].is_null());
    let (_, live) = app.api_as(token, Method::GET, "/stats/live", None).await;
    assert_eq!(live["reads"], 4);
    let (status, refused) = app
        .api_as(
            token,
            Method::GET,
            &format!("/articles/{lead_id}/stats"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        refused["detail"]
            .as_str()
            .unwrap_or("")
            .contains("someone else's")
    );
    let own_id = site.own["id"].as_i64().expect("id");
    let (status, own) = app
        .api_as(
            token,
            Method::GET,
            &format!("/articles/{own_id}/stats"),
            None,
        )
        .await;
    assert_eq!((status, &own["reads"]), (StatusCode::OK, &4.into()));

    // Windows are read as days or moments; anything else is refused with the field named.
    let (status, problem) = app
        .api(Method::GET, "/stats/overview?from=last%20week", None)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "from");
    let (status, _) = app
        .api(
            Method::GET,
            "/stats/overview?from=2026-02-01&to=2026-01-01",
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, empty) = app
        .api(
            Method::GET,
            "/stats/overview?from=2020-01-01&to=2020-01-02",
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(empty["reads"], 0);
    assert_eq!(empty["series"]["unit"], "hour");
    let (status, _) = app
        .api_as("nope", Method::GET, "/stats/overview", None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_dashboard_story_page_and_story_list_show_the_same_figures() {
    let site = newsroom().await;
    let app = &site.app;
    let editor = app.sign_in("admin@example.com", PASSWORD).await;
    let (status, html) = editor.page("/admin/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&html, "#right-now-reads").as_deref(), Some("17"));
    assert_eq!(count(&html, "#right-now-list li"), 2);
    let body = html.root_element().text().collect::<String>();
    assert!(body.contains("Ferry link approved"));
    assert!(body.contains("(17 reads)"), "today's total");
    // Charts are SVG with a title, and their figures are in a table too.
    assert_eq!(count(&html, "svg.chart title[id]"), 2);
    assert_eq!(count(&html, "table.figures"), 2);
    assert!(count(&html, "#sections-title") == 1 && count(&html, "#authors-title") == 1);

    let lead_id = site.lead["id"].as_i64().expect("id");
    let (status, html) = editor
        .page(&format!("/admin/articles/{lead_id}/stats"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&html, "#story-reads").as_deref(), Some("13"));
    assert_eq!(text(&html, "#story-reactions").as_deref(), Some("3"));
    assert_eq!(text(&html, "#story-comments").as_deref(), Some("2"));
    assert_eq!(text(&html, "#story-vs-median").as_deref(), Some("100%"));

    // The story list sorts by reads, reactions and comments, and shows them.
    for sort in ["reads", "reactions", "comments"] {
        let (status, html) = editor.page(&format!("/admin/articles?sort={sort}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            text(&html, "table.list tbody tr td[data-label=Title] a").as_deref(),
            Some("Ferry link approved"),
            "sorted by {sort}"
        );
        assert_eq!(
            text(&html, "table.list tbody tr td[data-label=Reads]").as_deref(),
            Some("13")
        );
    }
    let (_, html) = editor
        .page("/admin/articles?sort=reads&status=published")
        .await;
    assert_eq!(
        text(&html, "table.list th[aria-sort=descending]").as_deref(),
        Some("Reads ↓")
    );

    // An author's dashboard counts their own story only, and another's story page is refused.
    let writer = app.sign_in("writer@example.com", PASSWORD).await;
    let (status, html) = writer.page("/admin/stats").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&html, "#right-now-reads").as_deref(), Some("4"));
    assert_eq!(count(&html, "#sections-title"), 0);
    let (status, _) = writer
        .page(&format!("/admin/articles/{lead_id}/stats"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_live_counter_streams_new_reads() {
    let site = newsroom().await;
    let app = &site.app;
    let mut stream = app
        .client
        .get(app.url("/api/v1/stats/live"))
        .bearer_auth(&app.token)
        .header("accept", "text/event-stream")
        .send()
        .await
        .expect("stream");
    assert_eq!(stream.status(), StatusCode::OK);
    let mut seen = String::new();
    let mut next_event = async || -> Value {
        loop {
            if let Some(end) = seen.find("\n\n") {
                let event: String = seen.drain(..end + 2).collect();
                if let Some(data) = event.lines().find_map(|l| l.strip_prefix("data:")) {
                    assert!(event.contains("event: right-now"), "{event}");
                    return serde_json::from_str(data.trim()).expect("json");
                }
                continue;
            }
            let chunk = tokio::time::timeout(Duration::from_secs(20), stream.chunk())
                .await
                .expect("an event within 20 s")
                .expect("chunk")
                .expect("stream open");
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    };
    assert_eq!(next_event().await["reads"], 17);
    read(app, site.own["slug"].as_str().expect("slug"), None).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let event = next_event().await;
        if event["reads"] == 18 {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "no update: {event}");
    }
}

#[tokio::test]
async fn old_hours_fold_into_days_and_every_read_is_kept() {
    let app = TestApp::spawn().await;
    let story = app
        .published("Rains end rationing", "Taps run again.")
        .await;
    let id = story["id"].as_i64().expect("id");
    let now = Timestamp::now();
    // 100 days ago, 30 hours of reads from two sites, crossing a day boundary.
    let first = (now.as_second() / 3600 - 100 * 24) / 24 * 24 + 10;
    let hours: Vec<(i64, i64, i64)> = (first..first + 30).map(|h| (id, h, 3)).collect();
    app.store.record_views(&hours).await.expect("views");
    let details = ReadDetails {
        referrers: (first..first + 30)
            .flat_map(|h| {
                [
                    (id, h, "google.com".to_owned(), 2),
                    (id, h, "t.co".to_owned(), 1),
                ]
            })
            .collect(),
        recent: Vec::new(),
    };
    app.store
        .record_read_details(&details, 0)
        .await
        .expect("details");
    let folded = newsdesk::stats::roll_up(app.store.as_ref(), now)
        .await
        .expect("roll up");
    assert_eq!(folded, 2, "both days are older than 90 days");
    assert_eq!(
        newsdesk::stats::roll_up(app.store.as_ref(), now)
            .await
            .expect("again"),
        0
    );
    let rows = app.store.story_reads_by_hour(id).await.expect("rows");
    assert_eq!(rows.iter().map(|(_, n)| n).sum::<i64>(), 90);
    assert_eq!(rows[0], (first - 10, 14 * 3), "one row for the folded day");
    assert_eq!(rows[1], (first + 14, 16 * 3));
    assert_eq!(rows.len(), 2);
    assert_eq!(app.store.article_view_total(id).await.expect("total"), 90);
    let hosts = app
        .store
        .referrer_hosts(0, i64::MAX / 2, Some(id), None)
        .await
        .expect("hosts");
    assert_eq!(
        hosts,
        vec![("google.com".to_owned(), 60), ("t.co".to_owned(), 30)]
    );
    // The site's hours and the story's total are untouched by the fold.
    let (_, overview) = app
        .api(
            Method::GET,
            &format!(
                "/stats/overview?from={}&to={}",
                jiff::Timestamp::from_second((first - 10) * 3600).expect("t"),
                jiff::Timestamp::from_second((first + 40) * 3600).expect("t")
            ),
            None,
        )
        .await;
    assert_eq!(overview["reads"], 90);
    assert_eq!(overview["top_stories"][0]["reads"], 90);
}
