//! Reader comments through the real server: threads, moderation, every spam rule and its
//! recorded reason, hostile input, exact counts, and email addresses that never leak.

use std::time::Duration;

use newsdesk::config::{CommentSettings, Moderation, RateLimit};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, attr, count, text, user_token};

async fn app_with(configure: impl FnOnce(&mut CommentSettings)) -> TestApp {
    TestApp::spawn_with(|s| {
        let mut comments = CommentSettings {
            min_seconds: 0,
            ..CommentSettings::default()
        };
        configure(&mut comments);
        s.comments = comments;
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

/// The signed token the article page's comment form carries.
async fn form_token(app: &TestApp, article: &Value) -> String {
    let (_, page) = app.page(&article_path(article)).await;
    attr(&page, "input[name=form_token]", "value").expect("form token")
}

/// Posts a comment through the API as a reader with the form's token.
async fn post(app: &TestApp, article: &Value, body: Value) -> (StatusCode, Value, Option<String>) {
    let token = form_token(app, article).await;
    let mut body = body;
    if body.get("form_token").is_none() {
        body["form_token"] = json!(token);
    }
    post_raw(app, article, body, None).await
}

async fn post_raw(
    app: &TestApp,
    article: &Value,
    body: Value,
    cookie: Option<&str>,
) -> (StatusCode, Value, Option<String>) {
    let mut request = app
        .client
        .post(app.url(&format!("/api/v1/articles/{}/comments", article["id"])))
        .json(&body);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie.to_owned());
    }
    let response = request.send().await.expect("send");
    let status = response.status();
    let cookie = response.headers().get("set-cookie").map(|v| {
        v.to_str()
            .expect("ascii")
            .split(';')
            .next()
            .expect("pair")
            .to_owned()
    });
    (status, response.json().await.unwrap_or(Value::Null), cookie)
}

async fn moderator_view(app: &TestApp, id: &Value) -> Value {
    let (status, comment) = app.api(Method::GET, &format!("/comments/{id}"), None).await;
    assert_eq!(status, StatusCode::OK, "{comment}");
    comment
}

async fn approve(app: &TestApp, id: &Value) {
    let (status, body) = app
        .api(
            Method::PATCH,
            &format!("/comments/{id}"),
            Some(json!({"status": "approved"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn shown_count(app: &TestApp, article: &Value) -> String {
    let (_, page) = app.page(&article_path(article)).await;
    text(&page, ".story-head .comment-count-value").expect("count under the headline")
}

#[tokio::test]
async fn a_first_comment_waits_and_the_next_from_the_same_email_does_not() {
    let app = app_with(|_| {}).await;
    let article = app.published("Ferry vote", "Body").await;
    assert_eq!(shown_count(&app, &article).await, "0");

    let (status, created, cookie) = post(&app, &article, json!({
        "author_name": "Wanjiru", "author_email": "wanjiru@example.com", "body": "Finally!\nAbout time."
    })).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["status"], "pending");
    assert!(created["id"].is_i64());
    assert_eq!(created["message"], "Your comment is awaiting moderation.");
    assert_eq!(
        moderator_view(&app, &created["id"]).await["reason"],
        "first comment from this email address"
    );

    // The writer sees their waiting comment; nobody else does, and it is not counted.
    let path = article_path(&article);
    let mine = app
        .client
        .get(app.url(&path))
        .header("cookie", cookie.clone().expect("reader cookie"))
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    let mine = scraper::Html::parse_document(&mine);
    let anchor = format!("#comment-{} .comment-awaiting", created["id"]);
    assert_eq!(
        text(&mine, &anchor).as_deref(),
        Some("Your comment is awaiting moderation.")
    );
    let (_, stranger) = app.page(&path).await;
    assert_eq!(count(&stranger, ".comment"), 0);
    assert_eq!(shown_count(&app, &article).await, "0");
    let (_, tree) = app
        .api(
            Method::GET,
            &format!("/articles/{}/comments", article["id"]),
            None,
        )
        .await;
    assert_eq!(tree["items"].as_array().map(Vec::len), Some(0));

    approve(&app, &created["id"]).await;
    assert_eq!(shown_count(&app, &article).await, "1");
    let (_, page) = app.page(&path).await;
    assert_eq!(
        text(&page, ".comment .comment-author").as_deref(),
        Some("Wanjiru")
    );
    assert_eq!(
        page.select(&scraper::Selector::parse(".comment-text p").expect("sel"))
            .next()
            .expect("p")
            .inner_html(),
        "Finally!<br>About time."
    );
    assert_eq!(
        attr(&page, ".comment-time", "href"),
        Some(format!("#comment-{}", created["id"]))
    );
    assert!(
        text(&page, ".story-head .comment-count")
            .unwrap_or_default()
            .ends_with(" 1 comment")
    );

    let (_, again, _) = post(
        &app,
        &article,
        json!({
            "author_name": "Wanjiru", "author_email": "WANJIRU@example.com", "body": "And again."
        }),
    )
    .await;
    assert_eq!(
        again["status"], "approved",
        "a known commenter is approved at once"
    );
    assert_eq!(shown_count(&app, &article).await, "2");

    // Home and section cards show the approved count too.
    let (_, home) = app.page("/").await;
    assert_eq!(
        text(&home, ".card .meta a[href$='#comments']").as_deref(),
        Some("2 comments")
    );
}

#[tokio::test]
async fn replies_nest_oldest_first_and_stop_at_the_deepest_level() {
    let app = app_with(|c| c.moderation = Moderation::ApproveAll).await;
    let article = app.published("Thread", "Body").await;
    let (_, top, _) = post(&app, &article, json!({"author_name": "A", "body": "top"})).await;
    let (_, second_top, _) = post(
        &app,
        &article,
        json!({"author_name": "B", "body": "second top"}),
    )
    .await;
    let (_, reply, _) = post(
        &app,
        &article,
        json!({"author_name": "C", "body": "reply", "parent_id": top["id"]}),
    )
    .await;
    let (_, deeper, _) = post(
        &app,
        &article,
        json!({"author_name": "D", "body": "deeper", "parent_id": reply["id"]}),
    )
    .await;
    let (_, too_deep, _) = post(
        &app,
        &article,
        json!({"author_name": "E", "body": "too deep", "parent_id": deeper["id"]}),
    )
    .await;
    assert_eq!(too_deep["status"], "approved", "{too_deep}");
    let stored = moderator_view(&app, &too_deep["id"]).await;
    assert_eq!(
        stored["parent_id"], reply["id"],
        "attached at the deepest allowed level"
    );
    assert_eq!(stored["depth"], 2);

    let (_, tree) = app
        .api(
            Method::GET,
            &format!("/articles/{}/comments", article["id"]),
            None,
        )
        .await;
    assert_eq!(tree["count"], 5);
    let items = tree["items"].as_array().expect("items");
    assert_eq!(items[0]["id"], top["id"]);
    assert_eq!(items[1]["id"], second_top["id"]);
    let level2 = &items[0]["replies"][0];
    assert_eq!(level2["id"], reply["id"]);
    let level3: Vec<&Value> = level2["replies"]
        .as_array()
        .expect("replies")
        .iter()
        .map(|c| &c["id"])
        .collect();
    assert_eq!(level3, [&deeper["id"], &too_deep["id"]]);

    let (_, page) = app.page(&article_path(&article)).await;
    let nested = format!(
        "#comment-{} .comment-replies #comment-{} .comment-replies #comment-{}",
        top["id"], reply["id"], deeper["id"]
    );
    assert_eq!(count(&page, &nested), 1, "the page nests replies");

    let (status, problem, _) = post(
        &app,
        &article,
        json!({"author_name": "F", "body": "x", "parent_id": 99999}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "parent_id");
}

#[tokio::test]
async fn every_spam_rule_holds_or_refuses_with_its_reason() {
    let app = app_with(|c| {
        c.moderation = Moderation::ApproveAll;
        c.min_seconds = 2;
        c.max_links = 2;
        c.blocklist = vec!["cheap pills".into(), "spammer@example.com".into()];
        c.max_length = 500;
    })
    .await;
    let article = app.published("Spam target", "Body").await;
    let token = form_token(&app, &article).await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let ok = |extra: Value| {
        let mut body =
            json!({"author_name": "Reader", "body": "A fair point.", "form_token": token});
        for (k, v) in extra.as_object().expect("object") {
            body[k] = v.clone();
        }
        body
    };
    let cases: Vec<(Value, &str, &str)> = vec![
        (ok(json!({})), "approved", ""),
        (
            ok(json!({"website": "http://bot.example"})),
            "spam",
            "honeypot",
        ),
        (
            ok(json!({"body": "Buy CHEAP PILLS now"})),
            "spam",
            "blocklist",
        ),
        (
            ok(json!({"author_email": "spammer@example.com"})),
            "spam",
            "blocklist",
        ),
        (
            ok(json!({"body": "see https://a.example https://b.example https://c.example"})),
            "pending",
            "3 links",
        ),
        (
            ok(json!({"form_token": "12345.deadbeef"})),
            "spam",
            "forged",
        ),
        (
            json!({"author_name": "Script", "body": "No token"}),
            "pending",
            "without the comment form's timestamp",
        ),
    ];
    for (body, status, reason) in cases {
        let (code, created, _) = post_raw(&app, &article, body.clone(), None).await;
        assert_eq!(code, StatusCode::CREATED, "{body}: {created}");
        let stored = moderator_view(&app, &created["id"]).await;
        assert_eq!(stored["status"], status, "{body}");
        assert_eq!(
            created["status"],
            if status == "approved" {
                "approved"
            } else {
                "pending"
            },
            "spam looks held to the poster"
        );
        if reason.is_empty() {
            assert_eq!(stored["reason"], Value::Null);
        } else {
            assert!(
                stored["reason"].as_str().unwrap_or("").contains(reason),
                "{body}: {stored}"
            );
        }
    }

    // Too fast: a fresh token, posted at once.
    let fresh = form_token(&app, &article).await;
    let (_, created, _) = post_raw(
        &app,
        &article,
        json!({"author_name": "Bot", "body": "fast", "form_token": fresh}),
        None,
    )
    .await;
    let stored = moderator_view(&app, &created["id"]).await;
    assert_eq!(stored["status"], "spam");
    assert!(
        stored["reason"]
            .as_str()
            .unwrap_or("")
            .contains("after the page was served"),
        "{stored}"
    );

    // Too long: refused outright with a message, nothing stored.
    let before = app.api(Method::GET, "/comments", None).await.1["total"].clone();
    let (code, problem, _) =
        post_raw(&app, &article, ok(json!({"body": "x".repeat(501)})), None).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("the limit is 500"),
        "{problem}"
    );
    assert_eq!(
        app.api(Method::GET, "/comments", None).await.1["total"],
        before
    );
}

#[tokio::test]
async fn moderation_modes_decide_what_waits() {
    let hold_all = app_with(|c| c.moderation = Moderation::HoldAll).await;
    let article = hold_all.published("Held", "Body").await;
    let (_, created, _) = post(
        &hold_all,
        &article,
        json!({"author_name": "A", "author_email": "a@example.com", "body": "x"}),
    )
    .await;
    assert_eq!(created["status"], "pending");
    assert!(
        moderator_view(&hold_all, &created["id"]).await["reason"]
            .as_str()
            .unwrap_or("")
            .contains("hold_all")
    );

    let open = app_with(|c| c.moderation = Moderation::ApproveAll).await;
    let article = open.published("Open", "Body").await;
    let (_, created, _) = post(&open, &article, json!({"author_name": "A", "body": "x"})).await;
    assert_eq!(created["status"], "approved");

    let first_time = app_with(|_| {}).await;
    let article = first_time.published("First", "Body").await;
    let (_, created, _) = post(
        &first_time,
        &article,
        json!({"author_name": "A", "body": "no email"}),
    )
    .await;
    assert!(
        moderator_view(&first_time, &created["id"]).await["reason"]
            .as_str()
            .unwrap_or("")
            .contains("no email")
    );
}

#[tokio::test]
async fn comments_close_per_article_and_after_some_days() {
    let app = app_with(|c| c.close_after_days = 30).await;
    let article = app.published("Closed one", "Body").await;
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", article["id"]),
            Some(json!({"comments_open": false, "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (code, problem, _) = post_raw(
        &app,
        &article,
        json!({"author_name": "A", "body": "x"}),
        None,
    )
    .await;
    assert_eq!(code, StatusCode::FORBIDDEN);
    assert_eq!(problem["detail"], "Comments are closed on this article.");
    let (_, page) = app.page(&article_path(&article)).await;
    assert_eq!(count(&page, "#comment-form"), 0);
    assert_eq!(
        text(&page, ".comments-closed").as_deref(),
        Some("Comments are closed on this article.")
    );

    let section = &article["section"]["slug"];
    let author = &article["authors"][0]["slug"];
    let (_, old) = app
        .api(Method::POST, "/articles", Some(json!({"title": "Old story", "body": "x", "section": section, "authors": [author], "status": "published", "published_at": "2020-01-01T00:00:00Z"})))
        .await;
    let (code, problem, _) =
        post_raw(&app, &old, json!({"author_name": "A", "body": "x"}), None).await;
    assert_eq!(code, StatusCode::FORBIDDEN);
    assert!(
        problem["detail"].as_str().unwrap_or("").contains("30 days"),
        "{problem}"
    );
}

#[tokio::test]
async fn posting_too_often_is_limited() {
    let app = TestApp::spawn_with(|s| {
        s.comments.min_seconds = 0;
        s.comment_limit = RateLimit {
            burst: 2,
            per_minute: 1,
        };
    })
    .await;
    let article = app.published("Limited", "Body").await;
    for _ in 0..2 {
        let (code, _, _) = post(&app, &article, json!({"author_name": "A", "body": "x"})).await;
        assert_eq!(code, StatusCode::CREATED);
    }
    let response = app
        .client
        .post(app.url(&format!("/api/v1/articles/{}/comments", article["id"])))
        .json(&json!({"author_name": "A", "body": "x"}))
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn without_javascript_the_form_posts_and_comes_back_filled_in_on_error() {
    let app = app_with(|_| {}).await;
    let article = app.published("Form story", "Body").await;
    let path = article_path(&article);
    let token = form_token(&app, &article).await;
    let response = app
        .client
        .post(app.url(&format!("{path}/comments")))
        .header("origin", app.base.clone())
        .form(&[
            ("author_name", ""),
            ("author_email", "not-an-email"),
            ("body", "My careful words."),
            ("form_token", &token),
            ("website", ""),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&response.text().await.expect("text"));
    assert_eq!(
        text(&page, "#comment-body").as_deref(),
        Some("My careful words."),
        "nothing typed is lost"
    );
    assert_eq!(
        attr(&page, "#comment-email", "value").as_deref(),
        Some("not-an-email")
    );
    assert!(
        text(&page, "#comment-name-error")
            .unwrap_or_default()
            .contains("your name is required")
    );
    assert!(
        text(&page, "#comment-email-error")
            .unwrap_or_default()
            .contains("not an email")
    );
    assert_eq!(
        attr(&page, "#comment-name", "aria-invalid").as_deref(),
        Some("true")
    );

    let response = app
        .client
        .post(app.url(&format!("{path}/comments")))
        .header("origin", app.base.clone())
        .form(&[
            ("author_name", "Otieno"),
            ("author_email", ""),
            ("body", "Posted without script."),
            ("form_token", &token),
            ("website", ""),
        ])
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        location.starts_with(&format!("{path}#comment-")),
        "{location}"
    );
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
    let html = app
        .client
        .get(app.url(&path))
        .header("cookie", cookie)
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    let page = scraper::Html::parse_document(&html);
    let id = location.rsplit_once('#').expect("fragment").1;
    assert_eq!(
        text(&page, &format!("#{id} .comment-awaiting")).as_deref(),
        Some("Your comment is awaiting moderation.")
    );

    // Bytes that are not UTF-8 and NULs cannot break the post or the page.
    let mut raw = b"author_name=Bad%FF%FEBytes%00&body=Caf%E9%00+ok&form_token=".to_vec();
    raw.extend_from_slice(token.as_bytes());
    let response = app
        .client
        .post(app.url(&format!("{path}/comments")))
        .header("origin", app.base.clone())
        .header("content-type", "application/x-www-form-urlencoded")
        .body(raw)
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, queue) = app.api(Method::GET, "/comments?status=pending", None).await;
    let stored = &queue["items"][0];
    assert_eq!(stored["author_name"], "Bad\u{FFFD}\u{FFFD}Bytes");
    assert_eq!(stored["body"], "Caf\u{FFFD} ok");

    let response = app
        .client
        .post(app.url(&format!("{path}/comments")))
        .header("origin", "https://evil.example")
        .form(&[("author_name", "X"), ("body", "cross-site")])
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

/// Names and bodies from real attacks; each must render as text and leave the page whole.
fn hostile() -> Vec<(String, String)> {
    let mut corpus: Vec<(String, String)> = [
        ("<script>alert(1)</script>", "<script>alert(document.cookie)</script>"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ("\"><svg onload=alert(1)>", "\"><svg/onload=alert(1)>"),
        ("javascript:alert(1)", "[click](javascript:alert(1))"),
        ("Mallory", "<a href=\"javascript:alert(1)\">click</a>"),
        ("Mallory", "<iframe src=https://evil.example></iframe>"),
        ("Mallory", "![img](https://evil.example/x.png)"),
        ("Mallory", "<style>body{display:none}</style>"),
        ("Mallory", "<div style=\"position:fixed;inset:0\">cover</div>"),
        ("Mallory", "</textarea><script>alert(1)</script>"),
        ("Mallory", "</li></ol></section><h1>Fake headline</h1>"),
        ("Mallory", "<!-- unclosed comment"),
        ("Mallory", "<![CDATA[ <script>alert(1)</script> ]]>"),
        ("Mallory", "https://x.example/\"onmouseover=\"alert(1)"),
        ("Mallory", "https://x.example/<script>alert(1)</script>"),
        ("Mallory", "http://x.example/?a=<b>&c='d'"),
        ("Mallory", "data:text/html,<script>alert(1)</script>"),
        ("Mallory", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Mallory", "&#60;script&#62;alert(1)&#60;/script&#62;"),
        ("Mallory", "{{ 7*7 }} {% raw %} ${7*7} #{7*7}"),
        ("Mallory", "<meta http-equiv=refresh content=0;url=https://evil.example>"),
        ("Mallory", "<form action=https://evil.example><input name=p></form>"),
        ("Mallory", "<base href=https://evil.example/>"),
        ("Mallory", "<object data=x></object><embed src=x>"),
        ("Mallory", "<details open ontoggle=alert(1)>"),
        ("Mallory", "<math><mtext></mtext><mglyph><style><img src=x onerror=alert(1)>"),
        ("Admin\u{202E}nimdA", "RTL \u{202E}override\u{202C} inside"),
        ("\u{2067}Isolated", "\u{2066}left isolate never closed"),
        ("Аdmin (Cyrillic А)", "Homoglyph раураl.com login"),
        ("Ｓｔａｆｆ", "Full-width ｓｃｒｉｐｔ"),
        ("Zalgo", "Z\u{0351}\u{036B}\u{0343}\u{036A}\u{0302}\u{036B}\u{033D}a\u{0352}\u{0308}l\u{0300}\u{033F}g\u{034C}o"),
        ("Long", &"A".repeat(4000)),
        ("Newlines", "one\n\n\n\n\n\n\n\n\ntwo"),
        ("Null\u{0}byte", "body with \u{0} null"),
        ("Tabs\tand\nnewlines", "tab\there"),
        ("Emoji 🧨", "💣💥🔥 emoji only"),
        ("Mallory", "\u{FEFF}BOM and \u{200B}zero width"),
        ("Mallory", "<a href='https://ok.example' onclick='alert(1)'>x</a>"),
        ("Mallory", "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>"),
        ("Mallory", "<video><source onerror=\"alert(1)\"></video>"),
        ("Mallory", "<body onload=alert(1)>"),
        ("Mallory", "'; DROP TABLE comments; --"),
    ]
    .into_iter()
    .map(|(n, b)| (n.to_owned(), b.to_owned()))
    .collect();
    corpus.push(("Megabyte".into(), "x".repeat(1 << 20)));
    corpus
}

#[tokio::test]
async fn hostile_names_and_bodies_render_inert_and_the_page_stays_whole() {
    let app = app_with(|c| {
        c.moderation = Moderation::ApproveAll;
        c.max_links = 100;
    })
    .await;
    let article = app.published("Hostile comments", "Body").await;
    let corpus = hostile();
    assert!(corpus.len() >= 40);
    let mut approved = 0;
    for (name, body) in &corpus {
        let (code, created, _) =
            post(&app, &article, json!({"author_name": name, "body": body})).await;
        if body.len() > 5_000 {
            assert_eq!(
                code,
                StatusCode::UNPROCESSABLE_ENTITY,
                "over-long bodies are refused"
            );
            assert!(
                created["errors"][0]["message"]
                    .as_str()
                    .unwrap_or("")
                    .contains("the limit is 5000")
            );
            continue;
        }
        assert_eq!(code, StatusCode::CREATED, "{name:?}: {created}");
        approved += 1;
    }
    let html = app
        .get(&article_path(&article))
        .await
        .text()
        .await
        .expect("page");
    let page = scraper::Html::parse_document(&html);
    assert_eq!(
        count(&page, ".comment-list > .comment"),
        approved,
        "every comment is its own item"
    );
    assert_eq!(count(&page, "h1"), 1, "no injected headline");
    assert_eq!(
        count(&page, "footer.site-footer"),
        1,
        "the page is whole after the comments"
    );
    assert_eq!(count(&page, "#comment-form"), 1);
    let all = scraper::Selector::parse(".comments *").expect("selector");
    for element in page.select(&all) {
        let name = element.value().name();
        assert!(
            !matches!(
                name,
                "script"
                    | "style"
                    | "iframe"
                    | "img"
                    | "svg"
                    | "math"
                    | "object"
                    | "embed"
                    | "meta"
                    | "base"
                    | "video"
                    | "details"
                    | "body"
            ),
            "<{name}> in the comments"
        );
        for (attr, value) in element.value().attrs() {
            assert!(!attr.starts_with("on"), "{attr} in the comments");
            if attr == "href" {
                assert!(
                    value.starts_with('#')
                        || value.starts_with("http://")
                        || value.starts_with("https://")
                        || value.starts_with('?')
                        || value.starts_with("/article/"),
                    "href {value}"
                );
            }
        }
        if element.value().name() == "form" {
            assert_eq!(
                element.value().attr("id"),
                Some("comment-form"),
                "only our own form"
            );
        }
    }
    assert!(
        !html.contains('\u{202E}'),
        "no right-to-left override reaches the page"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn counts_stay_exact_under_parallel_posts_and_approvals() {
    let app = std::sync::Arc::new(app_with(|c| c.moderation = Moderation::HoldAll).await);
    let article = app.published("Busy thread", "Body").await;
    let token = form_token(&app, &article).await;
    let mut posts = Vec::new();
    for n in 0..40 {
        let app = app.clone();
        let article = article.clone();
        let token = token.clone();
        posts.push(tokio::spawn(async move {
            let (code, created, _) = post_raw(
                &app,
                &article,
                json!({"author_name": format!("Reader {n}"), "body": "x", "form_token": token}),
                None,
            )
            .await;
            assert_eq!(code, StatusCode::CREATED);
            let id = created["id"].clone();
            if n % 3 != 0 {
                approve(&app, &id).await;
            }
            if n % 7 == 0 && n % 3 != 0 {
                let (status, _) = app
                    .api(Method::DELETE, &format!("/comments/{id}"), None)
                    .await;
                assert_eq!(status, StatusCode::NO_CONTENT);
            }
        }));
    }
    for post in posts {
        post.await.expect("post");
    }
    let (_, approved) = app
        .api(Method::GET, "/comments?status=approved", None)
        .await;
    let expected = (0..40).filter(|n| n % 3 != 0 && n % 7 != 0).count();
    assert_eq!(approved["total"], expected);
    assert_eq!(shown_count(&app, &article).await, expected.to_string());
    let (_, tree) = app
        .api(
            Method::GET,
            &format!("/articles/{}/comments", article["id"]),
            None,
        )
        .await;
    assert_eq!(tree["count"], expected);
}

#[tokio::test]
async fn the_moderation_queue_lists_edits_and_deletes_for_editors_only() {
    let app = app_with(|c| c.moderation = Moderation::HoldAll).await;
    let article = app.published("Queue", "Body").await;
    let (_, created, _) = post(
        &app,
        &article,
        json!({"author_name": "A", "author_email": "a@example.com", "body": "Typo teh"}),
    )
    .await;
    let (status, queue) = app.api(Method::GET, "/comments?status=pending", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(queue["total"], 1);
    assert_eq!(
        queue["items"][0]["author_email"], "a@example.com",
        "moderators see the email"
    );
    let (status, edited) = app
        .api(
            Method::PATCH,
            &format!("/comments/{}", created["id"]),
            Some(json!({"body": "Typo the", "status": "approved"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(edited["body"], "Typo the");
    assert_eq!(shown_count(&app, &article).await, "1");
    let (status, problem) = app
        .api(
            Method::PATCH,
            &format!("/comments/{}", created["id"]),
            Some(json!({"status": "gone"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "status");
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/comments/{}", created["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(shown_count(&app, &article).await, "0");
    assert_eq!(
        moderator_view(&app, &created["id"]).await["status"],
        "deleted"
    );

    let author = user_token(app.store.as_ref(), "writer@example.com", "author").await;
    let (status, _) = app.api_as(&author, Method::GET, "/comments", None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let response = app.get("/api/v1/comments").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn an_email_address_never_appears_in_anything_public() {
    let app = app_with(|_| {}).await;
    let article = app.published("Private email", "Body").await;
    let email = "secret.reader@example.org";
    let (_, first, cookie) = post(
        &app,
        &article,
        json!({"author_name": "Secret", "author_email": email, "body": "Hello"}),
    )
    .await;
    approve(&app, &first["id"]).await;
    let (_, second, _) = post(&app, &article, json!({"author_name": "Secret", "author_email": email, "body": "Reply", "parent_id": first["id"]})).await;
    assert!(!second.to_string().contains(email), "the post's answer");
    let id = &article["id"];
    let author_slug = article["authors"][0]["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    let section_slug = article["section"]["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    let mut public = vec![
        "/".to_owned(),
        article_path(&article),
        format!("/author/{author_slug}"),
        format!("/section/{section_slug}"),
        format!("/api/v1/articles/{id}"),
        format!("/api/v1/articles/{id}/comments"),
        format!("/api/v1/articles/{id}/reactions"),
    ];
    public.push(format!("{}?reply={}", article_path(&article), first["id"]));
    for path in &public {
        for cookie in [None, cookie.as_deref()] {
            let mut request = app.client.get(app.url(path));
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie.to_owned());
            }
            let body = request
                .send()
                .await
                .expect("send")
                .text()
                .await
                .expect("text");
            assert!(
                !body.to_lowercase().contains(email),
                "{path} shows the email"
            );
        }
    }
    let mut stream = app
        .client
        .get(app.url(&format!("/api/v1/articles/{id}/live")))
        .send()
        .await
        .expect("live");
    let chunk = tokio::time::timeout(Duration::from_secs(2), stream.chunk())
        .await
        .expect("event")
        .expect("chunk")
        .expect("bytes");
    assert!(!String::from_utf8_lossy(&chunk).contains(email));
}

#[tokio::test]
async fn approving_a_comment_updates_open_pages_live() {
    let app = app_with(|c| c.moderation = Moderation::HoldAll).await;
    let article = app.published("Live comments", "Body").await;
    let (_, created, _) = post(&app, &article, json!({"author_name": "A", "body": "x"})).await;
    let mut stream = app
        .client
        .get(app.url(&format!("/api/v1/articles/{}/live", article["id"])))
        .send()
        .await
        .expect("live");
    let mut seen = String::new();
    let first = tokio::time::timeout(Duration::from_secs(2), stream.chunk())
        .await
        .expect("event")
        .expect("chunk")
        .expect("bytes");
    seen.push_str(&String::from_utf8_lossy(&first));
    assert!(seen.contains("\"comments\":0"), "{seen}");
    approve(&app, &created["id"]).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    while !seen.contains("\"comments\":1") {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .expect("update within 2 s")
            .expect("chunk")
            .expect("bytes");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
}
