//! The JSON API: shapes from PRODUCT.md, conflicts, and clear refusals that write nothing.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, user_token};

async fn article_count(app: &TestApp) -> i64 {
    app.store.count_articles().await.expect("count")
}

fn field_errors(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| e["field"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn creating_content_returns_the_promised_shapes() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    for key in ["id", "slug", "name", "url"] {
        assert!(!section[key].is_null(), "section lacks {key}: {section}");
    }
    assert_eq!(section["slug"], "news");
    assert_eq!(section["url"], app.url("/section/news"));
    let author = app.author("Jane Doe").await;
    assert_eq!(author["slug"], "jane-doe");
    assert_eq!(author["url"], app.url("/author/jane-doe"));

    let (status, article) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({"title": "Hello, world", "body": "Text", "section": "news",
                "authors": ["jane-doe"], "tags": ["Local", "local", "Weather"], "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{article}");
    for key in ["id", "slug", "status", "url", "published_at", "version"] {
        assert!(!article[key].is_null(), "article lacks {key}: {article}");
    }
    assert_eq!(article["slug"], "hello-world");
    assert_eq!(article["status"], "published");
    assert_eq!(article["version"], 1);
    assert_eq!(
        article["tags"].as_array().map(Vec::len),
        Some(2),
        "duplicate tags merge"
    );
    let published_at = article["published_at"].as_str().expect("time");
    assert!(
        published_at.parse::<jiff::Timestamp>().is_ok(),
        "RFC 3339: {published_at}"
    );
    assert!(
        published_at.ends_with("+00:00"),
        "with an offset: {published_at}"
    );

    let (status, fetched) = app
        .api(Method::GET, &format!("/articles/{}", article["id"]), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(fetched["title"], "Hello, world");

    let (status, tags) = app.api(Method::GET, "/tags", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(tags["items"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn slugs_are_generated_unique_and_stable() {
    let app = TestApp::spawn().await;
    let first = app.published("Budget day", "One").await;
    let second = app.published("Budget day", "Two").await;
    assert_eq!(first["slug"], "budget-day");
    assert_eq!(second["slug"], "budget-day-2");
    let (status, edited) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", first["id"]),
            Some(json!({"title": "Budget day: the details", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
    assert_eq!(edited["slug"], "budget-day", "a new title keeps the slug");
    assert_eq!(edited["version"], 2);
}

#[tokio::test]
async fn a_stale_save_is_refused_and_both_versions_are_kept() {
    let app = TestApp::spawn().await;
    let article = app.published("Election night", "First text.").await;
    let path = format!("/articles/{}", article["id"]);
    let (status, _) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"body": "Editor A's text.", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, problem) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"body": "Editor B's text.", "version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(problem["type"], "urn:newsdesk:problem:conflict");
    assert_eq!(problem["current"]["body"], "Editor A's text.");
    assert_eq!(problem["current_version"], 2);
    assert_eq!(problem["submitted"]["body"], "Editor B's text.");

    let (_, current) = app.api(Method::GET, &path, None).await;
    assert_eq!(
        current["body"], "Editor A's text.",
        "the refused save changed nothing"
    );
    let (status, revisions) = app
        .api(Method::GET, &format!("{path}/revisions"), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let items = revisions["items"].as_array().expect("items");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["kind"], "conflict");
    assert_eq!(items[0]["snapshot"]["body"], "Editor B's text.");
    assert_eq!(items[1]["kind"], "save");
    assert_eq!(items[1]["version"], 2);

    let (status, problem) = app
        .api(Method::PATCH, &path, Some(json!({"body": "No version"})))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&problem), ["version"]);
}

#[tokio::test]
async fn articles_list_by_status_and_section_and_delete() {
    let app = TestApp::spawn().await;
    let published = app.published("Published piece", "x").await;
    let (_, draft) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "Draft piece", "body": "x", "section": published["section"]["slug"],
                "authors": [published["authors"][0]["slug"]]}),
            ),
        )
        .await;
    assert_eq!(draft["status"], "draft");
    let (status, list) = app.api(Method::GET, "/articles?status=draft", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["title"], "Draft piece");
    let section = published["section"]["slug"].as_str().expect("slug");
    let (_, list) = app
        .api(
            Method::GET,
            &format!("/articles?section={section}&page=1"),
            None,
        )
        .await;
    assert_eq!(list["total"], 2);
    let (status, problem) = app
        .api(Method::GET, "/articles?status=sideways", None)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&problem), ["status"]);

    let (status, _) = app
        .api(Method::DELETE, &format!("/articles/{}", draft["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, problem) = app
        .api(Method::GET, &format!("/articles/{}", draft["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(problem["status"], 404);
}

#[tokio::test]
async fn bad_articles_are_refused_field_by_field_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let good = app.published("Existing story", "x").await;
    let section = good["section"]["slug"].clone();
    let author = good["authors"][0]["slug"].clone();
    let before = article_count(&app).await;
    let base = json!({"title": "T", "body": "B", "section": section, "authors": [author]});
    let with = |extra: Value| {
        let mut body = base.clone();
        for (k, v) in extra.as_object().expect("object") {
            body[k] = v.clone();
        }
        body
    };
    let cases: Vec<(Value, &str)> = vec![
        (with(json!({"subtitle": "x"})), "subtitle"),
        (with(json!({"title": ""})), "title"),
        (
            json!({"body": "B", "section": section, "authors": [author]}),
            "title",
        ),
        (with(json!({"title": "x".repeat(301)})), "title"),
        (with(json!({"body": "y".repeat(200_001)})), "body"),
        (with(json!({"section": "no-such-section"})), "section"),
        (with(json!({"authors": ["nobody"]})), "authors[0]"),
        (with(json!({"authors": []})), "authors"),
        (with(json!({"status": "live"})), "status"),
        (with(json!({"status": "scheduled"})), "published_at"),
        (with(json!({"published_at": "yesterday"})), "published_at"),
        (with(json!({"slug": "Bad Slug!"})), "slug"),
        (with(json!({"slug": "existing-story"})), "slug"),
        (
            with(json!({"lead_image": {"url": "javascript:alert(1)", "alt": "x"}})),
            "lead_image.url",
        ),
        (
            with(json!({"lead_image": {"url": "/a.png"}})),
            "lead_image.alt",
        ),
        (with(json!({"title": 42})), "title"),
        (with(json!({"tags": ["ok", ""]})), "tags[1]"),
    ];
    for (body, field) in cases {
        let (status, problem) = app.api(Method::POST, "/articles", Some(body.clone())).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {problem}"
        );
        assert_eq!(problem["type"], "urn:newsdesk:problem:validation");
        assert!(
            field_errors(&problem).contains(&field.to_owned()),
            "{field}: {problem}"
        );
        let message = problem["errors"][0]["message"].as_str().unwrap_or("");
        assert!(
            message.len() > 10,
            "a message that says what to fix: {problem}"
        );
    }
    assert_eq!(article_count(&app).await, before, "nothing was written");
}

#[tokio::test]
async fn malformed_requests_get_problem_json() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/v1/articles"))
        .bearer_auth(&app.token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );

    let response = app
        .client
        .post(app.url("/api/v1/articles"))
        .bearer_auth(&app.token)
        .header("content-type", "text/plain")
        .body("title=x")
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let (status, problem) = app.api(Method::GET, "/no-such-endpoint", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or("")
            .contains("openapi.json")
    );
}

#[tokio::test]
async fn wrong_or_missing_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let body = json!({"name": "Politics"});
    let (status, problem) = app
        .api_as("ndt_wrong", Method::POST, "/sections", Some(body.clone()))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["type"], "urn:newsdesk:problem:unauthorized");
    let response = app
        .client
        .post(app.url("/api/v1/sections"))
        .json(&body)
        .send()
        .await
        .expect("send");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert!(response.headers().contains_key("www-authenticate"));
    assert!(
        app.store
            .list_sections()
            .await
            .expect("sections")
            .is_empty(),
        "nothing written"
    );
}

#[tokio::test]
async fn contributors_write_drafts_but_cannot_publish() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let author = app.author("Jane Doe").await;
    let token = user_token(app.store.as_ref(), "new@example.com", "contributor").await;
    let article = json!({"title": "My first piece", "body": "x", "section": section["slug"], "authors": [author["slug"]]});
    let (status, draft) = app
        .api_as(&token, Method::POST, "/articles", Some(article.clone()))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    let mut publish = article.clone();
    publish["status"] = json!("published");
    let (status, problem) = app
        .api_as(&token, Method::POST, "/articles", Some(publish))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let (status, _) = app
        .api_as(
            &token,
            Method::POST,
            "/sections",
            Some(json!({"name": "Mine"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn sections_tags_and_authors_can_be_renamed_and_deleted() {
    let app = TestApp::spawn().await;
    let article = app.published("Story", "x").await;
    let section_id = &article["section"]["id"];
    let (status, problem) = app
        .api(Method::DELETE, &format!("/sections/{section_id}"), None)
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a section with articles stays: {problem}"
    );
    assert!(
        problem["detail"]
            .as_str()
            .unwrap_or("")
            .contains("move them")
    );

    let (status, renamed) = app
        .api(
            Method::PATCH,
            &format!("/sections/{section_id}"),
            Some(json!({"name": "World"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{renamed}");
    assert_eq!(renamed["name"], "World");

    let (status, problem) = app
        .api(Method::POST, "/sections", Some(json!({"name": "World"})))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(field_errors(&problem), ["name"]);

    let (_, tag) = app
        .api(Method::POST, "/tags", Some(json!({"name": "Elections"})))
        .await;
    let (status, _) = app
        .api(Method::DELETE, &format!("/tags/{}", tag["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let spare = app.author("Spare Writer").await;
    let (status, _) = app
        .api(Method::DELETE, &format!("/authors/{}", spare["id"]), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/authors/{}", article["authors"][0]["id"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_api_describes_itself() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    let doc: Value = response.json().await.expect("json");
    assert!(doc["openapi"].as_str().unwrap_or("").starts_with("3."));
    for path in [
        "/articles",
        "/articles/{id}",
        "/articles/{id}/revisions",
        "/sections",
        "/authors",
        "/tags",
        "/integrations",
        "/integrations/{id}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
    assert_eq!(doc["servers"][0]["url"], app.url("/api/v1"));
}

#[tokio::test]
async fn a_body_past_the_limit_is_413_saying_the_limit_in_words() {
    let app = TestApp::spawn().await;
    let article = app.published("Short", "Body.").await;
    // A well-formed JSON object, three mebibytes long.
    let body = json!({"version": 1, "body": "x".repeat(3 * 1024 * 1024)}).to_string();
    let response = app
        .client
        .patch(app.url(&format!("/api/v1/articles/{}", article["id"])))
        .bearer_auth(&app.token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("an answer, not a dropped connection");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(problem["type"], "urn:newsdesk:problem:too-large");
    let detail = problem["detail"].as_str().unwrap_or("");
    assert!(
        detail.contains("larger than the 2 MiB this address accepts"),
        "{detail}"
    );
    let (_, now) = app
        .api(Method::GET, &format!("/articles/{}", article["id"]), None)
        .await;
    assert_eq!(now["version"], 1, "nothing was saved");

    // Just under the limit is read (and refused for what it says, not for its size).
    let body = json!({"version": 1, "body": "x".repeat(1024 * 1024)});
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", article["id"]),
            Some(body),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_upload_past_the_photo_limit_is_413_saying_how_large_a_photo_may_be() {
    let app = TestApp::spawn_with(|settings| settings.media_max_mib = 1).await;
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(vec![0xFFu8; 3 * 1024 * 1024])
                .file_name("huge.jpg")
                .mime_str("image/jpeg")
                .expect("mime"),
        )
        .text("alt", "Too big");
    let response = app
        .client
        .post(app.url("/api/v1/media"))
        .bearer_auth(&app.token)
        .multipart(form)
        .send()
        .await
        .expect("an answer, not a dropped connection");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let problem: Value = response.json().await.expect("problem");
    let detail = problem["detail"].as_str().unwrap_or("");
    assert!(
        detail.contains("larger than the 2 MiB this address accepts")
            && detail.contains("A photo may be up to 1 MiB"),
        "{detail}"
    );
}

#[tokio::test]
async fn a_photo_address_that_browsers_would_load_from_another_host_is_refused() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let author = app.author("Jane Doe").await;
    for trick in [
        "/\\evil.test/x.png",
        "\\\\evil.test/x.png",
        "//evil.test/x.png",
        "/\t/evil.test/x.png",
        "/\n/evil.test/x.png",
    ] {
        let (status, problem) = app
            .api(
                Method::POST,
                "/articles",
                Some(json!({
                    "title": "Harbour", "body": "Boats.", "section": section["slug"],
                    "authors": [author["slug"]],
                    "lead_image": {"url": trick, "alt": "Boats"},
                })),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{trick:?}: {problem}"
        );
        assert_eq!(field_errors(&problem), ["lead_image.url"], "{trick:?}");
        let (status, problem) = app
            .api(
                Method::PATCH,
                &format!("/authors/{}", author["id"]),
                Some(json!({ "photo_url": trick })),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{trick:?}: {problem}"
        );
        assert_eq!(field_errors(&problem), ["photo_url"], "{trick:?}");
    }
    let (_, problem) = app
        .api(
            Method::PATCH,
            &format!("/authors/{}", author["id"]),
            Some(json!({ "photo_url": "/\\evil.test/x.png" })),
        )
        .await;
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("backslash"),
        "{problem}"
    );
    assert_eq!(article_count(&app).await, 0);
}

#[tokio::test]
async fn an_id_is_a_plain_positive_number_and_nothing_else_names_the_article() {
    let app = TestApp::spawn().await;
    let article = app.published("Only one address", "Body.").await;
    assert_eq!(article["id"], 1);
    let (status, _) = app.api(Method::GET, "/articles/1", None).await;
    assert_eq!(status, StatusCode::OK);
    for other in ["%2B1", "01", "%201", "1%20", "-1", "0", "1.0", "0x1"] {
        let (status, problem) = app
            .api(Method::GET, &format!("/articles/{other}"), None)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{other}: {problem}");
        assert_eq!(problem["type"], "urn:newsdesk:problem:not-found");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap_or("")
                .contains("positive whole numbers written plainly"),
            "{other}: {problem}"
        );
        let (status, _) = app
            .api(
                Method::PATCH,
                &format!("/articles/{other}"),
                Some(json!({"version": 1, "title": "Changed"})),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{other}");
        let (status, _) = app
            .api(Method::GET, &format!("/articles/{other}/reactions"), None)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{other}");
        let response = app.get(&format!("/a/{other}")).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "/a/{other}");
    }
    let (_, now) = app.api(Method::GET, "/articles/1", None).await;
    assert_eq!(now["title"], "Only one address");
}

#[tokio::test]
async fn a_publication_date_before_1900_is_refused_naming_the_range() {
    let app = TestApp::spawn().await;
    let section = app.section("News").await;
    let author = app.author("Jane Doe").await;
    let (status, problem) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Ancient", "body": "Old news.", "section": section["slug"],
                "authors": [author["slug"]], "status": "published",
                "published_at": "0001-01-01T00:00:00Z",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(field_errors(&problem), ["published_at"]);
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("between the years 1900 and 9999"),
        "{problem}"
    );
    let (status, created) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": "From the archive", "body": "Old news.", "section": section["slug"],
                "authors": [author["slug"]], "status": "published",
                "published_at": "1900-01-01T00:00:00Z",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
}

#[tokio::test]
async fn a_story_keeps_its_format_and_an_unknown_format_is_refused() {
    let app = TestApp::spawn().await;
    app.section("News").await;
    app.author("Jane Doe").await;
    let (status, article) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({"title": "Plain", "body": "Text", "section": "news",
                "authors": ["jane-doe"], "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{article}");
    assert_eq!(article["format"], "standard", "standard unless set");

    let id = article["id"].clone();
    let (status, changed) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"format": "live", "version": article["version"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["format"], "live");
    let (_, fetched) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    assert_eq!(fetched["format"], "live", "the format is stored");

    let before = article_count(&app).await;
    let (status, refused) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({"title": "Odd", "body": "Text", "section": "news",
                "authors": ["jane-doe"], "format": "podcast"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(field_errors(&refused), vec!["format".to_owned()]);
    assert!(
        refused
            .to_string()
            .contains("standard, live, gallery, video or list"),
        "the refusal names the formats: {refused}"
    );
    assert_eq!(article_count(&app).await, before, "nothing written");
}
