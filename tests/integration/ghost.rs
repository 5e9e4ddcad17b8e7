//! Ghost's Content API as Ghost's clients call it: every resource, parameter and error,
//! a table of NQL filters and the stories each must return, the shapes field by field,
//! CORS and preflights, the page cache, and integrations (API, newsroom, command line).

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, user_token};

/// A small paper: four public stories, a draft and a scheduled story that must never show.
struct Paper {
    app: TestApp,
    key: String,
    /// Story ids by their short name.
    ids: std::collections::HashMap<&'static str, i64>,
}

const FERRY: &str = "Council approves ferry";
const MARATHON: &str = "Marathon record falls";
const FESTIVAL: &str = "Harbour festival opens";
const RAIN: &str = "Rain expected all week";

impl Paper {
    async fn new() -> Paper {
        let app = TestApp::spawn_with(|s| {
            s.timezone = newsdesk::domain::SiteTimeZone::parse("Africa/Nairobi").expect("zone");
        })
        .await;
        for name in ["News", "Sport", "Weather"] {
            app.section(name).await;
        }
        for (name, bio) in [("Amina Otieno", "City hall."), ("Tomas Berg", "")] {
            let (status, body) = app
                .api(
                    Method::POST,
                    "/authors",
                    Some(json!({"name": name, "bio": bio})),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }
        let mut ids = std::collections::HashMap::new();
        let stories = [
            (
                "ferry",
                json!({"title": FERRY, "standfirst": "The vote was close.",
                    "body": "The council voted **7 to 5**.\n\nA ferry [link](/article/x) and ![map](/media/map.webp).",
                    "section": "news", "tags": ["Transport", "Harbour"], "authors": ["amina-otieno"],
                    "lead_image": {"url": "/media/ferry.webp", "alt": "The ferry", "credit": "Courtesy", "caption": "At the quay"},
                    "seo_title": "Ferry approved", "status": "published", "published_at": "2024-07-01T10:00:00Z"}),
            ),
            (
                "marathon",
                json!({"title": MARATHON, "body": "A new record on the coast road.",
                    "section": "sport", "tags": ["Athletics"], "authors": ["tomas-berg", "amina-otieno"],
                    "status": "published", "published_at": "2024-07-02T10:00:00Z"}),
            ),
            (
                "festival",
                json!({"title": FESTIVAL, "body": "Music on the quay all weekend.",
                    "section": "news", "tags": ["Harbour", "Culture"], "authors": ["tomas-berg"],
                    "status": "published", "published_at": "2024-07-03T10:00:00Z"}),
            ),
            (
                "rain",
                json!({"title": RAIN, "body": "Umbrellas out: the match may move.",
                    "section": "weather", "tags": ["Sport"], "authors": ["amina-otieno"],
                    "status": "published", "published_at": "2024-07-04T10:00:00Z"}),
            ),
            (
                "draft",
                json!({"title": "Secret draft", "body": "Not yet.", "section": "news",
                    "tags": ["Harbour"], "authors": ["amina-otieno"], "status": "draft"}),
            ),
            (
                "scheduled",
                json!({"title": "Secret scheduled", "body": "Later.", "section": "sport",
                    "authors": ["tomas-berg"], "status": "scheduled", "published_at": "2099-01-01T00:00:00Z"}),
            ),
        ];
        for (name, story) in stories {
            let (status, body) = app.api(Method::POST, "/articles", Some(story)).await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
            ids.insert(name, body["id"].as_i64().expect("id"));
        }
        let (status, made) = app
            .api(
                Method::POST,
                "/integrations",
                Some(json!({"name": "Next.js front-end"})),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        let key = made["content_api_key"].as_str().expect("key").to_owned();
        Paper { app, key, ids }
    }

    fn ghost_id(&self, story: &str) -> String {
        newsdesk::ghost::ids::encode(newsdesk::ghost::ids::Kind::Post, self.ids[story])
    }

    /// A Content API call with the key: status, headers and JSON body.
    async fn call(&self, path: &str) -> (StatusCode, reqwest::header::HeaderMap, Value) {
        let joiner = if path.contains('?') { '&' } else { '?' };
        self.raw(&format!("{path}{joiner}key={}", self.key)).await
    }

    async fn raw(&self, path: &str) -> (StatusCode, reqwest::header::HeaderMap, Value) {
        let response = self
            .app
            .client
            .get(self.app.url(path))
            .header("accept-version", "v5.0")
            .send()
            .await
            .expect("request");
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        let body = serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"));
        (status, headers, body)
    }

    async fn ok(&self, path: &str) -> Value {
        let (status, _, body) = self.call(path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        body
    }

    /// The titles of the posts a browse answers, in order.
    async fn titles(&self, query: &str) -> Vec<String> {
        let body = self
            .ok(&format!(
                "/ghost/api/content/posts/?limit=all&{}",
                query_encode(query)
            ))
            .await;
        body["posts"]
            .as_array()
            .expect("posts")
            .iter()
            .map(|p| p["title"].as_str().expect("title").to_owned())
            .collect()
    }
}

fn query_encode(query: &str) -> String {
    query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => format!(
                "{k}={}",
                form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
            ),
            None => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .expect("an object")
        .keys()
        .cloned()
        .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

const POST_FIELDS: &[&str] = &[
    "slug",
    "id",
    "uuid",
    "title",
    "html",
    "comment_id",
    "feature_image",
    "feature_image_alt",
    "feature_image_caption",
    "featured",
    "visibility",
    "created_at",
    "updated_at",
    "published_at",
    "custom_excerpt",
    "codeinjection_head",
    "codeinjection_foot",
    "custom_template",
    "canonical_url",
    "url",
    "excerpt",
    "reading_time",
    "access",
    "comments",
    "og_image",
    "og_title",
    "og_description",
    "twitter_image",
    "twitter_title",
    "twitter_description",
    "meta_title",
    "meta_description",
    "email_subject",
    "frontmatter",
];

const TAG_FIELDS: &[&str] = &[
    "id",
    "name",
    "slug",
    "description",
    "feature_image",
    "visibility",
    "og_image",
    "og_title",
    "og_description",
    "twitter_image",
    "twitter_title",
    "twitter_description",
    "meta_title",
    "meta_description",
    "codeinjection_head",
    "codeinjection_foot",
    "canonical_url",
    "accent_color",
    "url",
];

const AUTHOR_FIELDS: &[&str] = &[
    "id",
    "name",
    "slug",
    "profile_image",
    "cover_image",
    "bio",
    "website",
    "location",
    "facebook",
    "twitter",
    "meta_title",
    "meta_description",
    "url",
];

/// No value anywhere in it is an empty string: empty is `null`.
fn assert_no_empty_strings(value: &Value, path: &str) {
    match value {
        Value::String(s) => assert!(!s.is_empty(), "{path} is an empty string"),
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                assert_no_empty_strings(item, &format!("{path}[{n}]"));
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                assert_no_empty_strings(v, &format!("{path}.{k}"));
            }
        }
        _ => {}
    }
}

fn is_ghost_time(text: &str) -> bool {
    // 2024-07-01T13:00:00.000+03:00
    text.len() == 29
        && text.parse::<jiff::Timestamp>().is_ok()
        && &text[19..23] == ".000"
        && text.ends_with("+03:00")
}

fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[tokio::test]
async fn nql_filters_return_exactly_the_stories_they_name() {
    let paper = Paper::new().await;
    let ferry = paper.ghost_id("ferry");
    let cases: Vec<(String, Vec<&str>)> = vec![
        ("tag:transport".into(), vec![FERRY]),
        ("tag:harbour".into(), vec![FESTIVAL, FERRY]),
        ("tags:[athletics,culture]".into(), vec![FESTIVAL, MARATHON]),
        // The section is a tag, and the primary one.
        ("tag:news".into(), vec![FESTIVAL, FERRY]),
        // Section "sport" and tag "sport" are one Ghost tag.
        ("tag:sport".into(), vec![RAIN, MARATHON]),
        ("primary_tag:sport".into(), vec![MARATHON]),
        ("tags.slug:weather".into(), vec![RAIN]),
        ("primary_tag:news+tag:-culture".into(), vec![FERRY]),
        ("tag:-harbour".into(), vec![RAIN, MARATHON]),
        ("tag:-[harbour,sport]".into(), vec![]),
        ("author:amina-otieno".into(), vec![RAIN, MARATHON, FERRY]),
        ("primary_author:amina-otieno".into(), vec![RAIN, FERRY]),
        ("authors:tomas-berg+tag:harbour".into(), vec![FESTIVAL]),
        ("tag:transport,tag:athletics".into(), vec![MARATHON, FERRY]),
        (
            "(tag:transport,tag:athletics)+author:tomas-berg".into(),
            vec![MARATHON],
        ),
        (
            "tag:transport,tag:athletics+author:tomas-berg".into(),
            vec![MARATHON, FERRY],
        ),
        ("tag:transport+tag:harbour".into(), vec![FERRY]),
        (
            "published_at:>'2024-07-02 12:00:00'".into(),
            vec![RAIN, FESTIVAL],
        ),
        (
            "published_at:>=2024-07-02".into(),
            vec![RAIN, FESTIVAL, MARATHON],
        ),
        ("published_at:<'2024-07-02 00:00:00'".into(), vec![FERRY]),
        (
            "published_at:<='2024-07-02T13:00:00+03:00'".into(),
            vec![MARATHON, FERRY],
        ),
        ("published_at:>now-1d".into(), vec![]),
        (
            "published_at:<now".into(),
            vec![RAIN, FESTIVAL, MARATHON, FERRY],
        ),
        (
            "updated_at:>'2000-01-01 00:00:00'".into(),
            vec![RAIN, FESTIVAL, MARATHON, FERRY],
        ),
        ("title:~'ferry'".into(), vec![FERRY]),
        ("title:~'FESTIVAL'".into(), vec![FESTIVAL]),
        ("title:~^'Rain'".into(), vec![RAIN]),
        ("title:-~'a'".into(), vec![]),
        ("slug:~$'falls'".into(), vec![MARATHON]),
        ("title:'Council approves ferry'".into(), vec![FERRY]),
        ("slug:council-approves-ferry".into(), vec![FERRY]),
        (
            "slug:[council-approves-ferry,rain-expected-all-week]".into(),
            vec![RAIN, FERRY],
        ),
        ("featured:true".into(), vec![]),
        (
            "featured:false".into(),
            vec![RAIN, FESTIVAL, MARATHON, FERRY],
        ),
        (
            "visibility:public+status:published".into(),
            vec![RAIN, FESTIVAL, MARATHON, FERRY],
        ),
        (format!("id:{ferry}"), vec![FERRY]),
        (format!("id:-{ferry}+tag:news"), vec![FESTIVAL]),
        ("id:5ddc9141c35e7700383b2937".into(), vec![]),
        // Drafts and stories scheduled for later are never served.
        ("title:~'Secret'".into(), vec![]),
        ("tag:harbour+author:amina-otieno".into(), vec![FERRY]),
    ];
    for (filter, expected) in cases {
        let titles = paper.titles(&format!("filter={filter}")).await;
        assert_eq!(titles, expected, "filter={filter}");
    }
}

#[tokio::test]
async fn bad_input_gets_ghosts_errors_naming_the_problem() {
    let paper = Paper::new().await;
    let cases: Vec<(&str, StatusCode, &str, &str)> = vec![
        (
            "/ghost/api/content/posts/?filter=tag:",
            StatusCode::BAD_REQUEST,
            "BadRequestError",
            "Error parsing filter",
        ),
        (
            "/ghost/api/content/posts/?filter=tag:news)",
            StatusCode::BAD_REQUEST,
            "BadRequestError",
            "closes nothing",
        ),
        (
            "/ghost/api/content/posts/?filter=colour:red",
            StatusCode::BAD_REQUEST,
            "BadRequestError",
            "\"colour\"",
        ),
        (
            "/ghost/api/content/posts/?filter=published_at:>yesterday",
            StatusCode::BAD_REQUEST,
            "BadRequestError",
            "is not a date",
        ),
        (
            "/ghost/api/content/tags/?filter=title:x",
            StatusCode::BAD_REQUEST,
            "BadRequestError",
            "\"title\"",
        ),
        (
            "/ghost/api/content/posts/?limit=0",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ValidationError",
            "limit",
        ),
        (
            "/ghost/api/content/posts/?limit=lots",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ValidationError",
            "limit",
        ),
        (
            "/ghost/api/content/posts/?page=0",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ValidationError",
            "page",
        ),
        (
            "/ghost/api/content/posts/?page=-2",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ValidationError",
            "page",
        ),
        (
            "/ghost/api/content/posts/?include=comments",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ValidationError",
            "\"comments\"",
        ),
        (
            "/ghost/api/content/posts/?formats=mobiledoc",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ValidationError",
            "html or plaintext",
        ),
        (
            "/ghost/api/content/posts/?order=colour%20desc",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ValidationError",
            "\"colour\"",
        ),
        (
            "/ghost/api/content/posts/not-an-id/",
            StatusCode::UNPROCESSABLE_ENTITY,
            "ValidationError",
            "24 hexadecimal",
        ),
        (
            "/ghost/api/content/posts/5ddc9141c35e7700383b2937/",
            StatusCode::NOT_FOUND,
            "NotFoundError",
            "Post not found.",
        ),
        (
            "/ghost/api/content/posts/slug/no-such-story/",
            StatusCode::NOT_FOUND,
            "NotFoundError",
            "Post not found.",
        ),
        (
            "/ghost/api/content/posts/slug/secret-draft/",
            StatusCode::NOT_FOUND,
            "NotFoundError",
            "Post not found.",
        ),
        (
            "/ghost/api/content/tags/slug/nothing/",
            StatusCode::NOT_FOUND,
            "NotFoundError",
            "Tag not found.",
        ),
        (
            "/ghost/api/content/authors/slug/nobody/",
            StatusCode::NOT_FOUND,
            "NotFoundError",
            "Author not found.",
        ),
        (
            "/ghost/api/content/pages/slug/about/",
            StatusCode::NOT_FOUND,
            "NotFoundError",
            "Page not found.",
        ),
        (
            "/ghost/api/content/widgets/",
            StatusCode::NOT_FOUND,
            "NotFoundError",
            "Resource not found",
        ),
        (
            "/ghost/api/admin/posts/",
            StatusCode::NOT_FOUND,
            "NotFoundError",
            "not the Admin API",
        ),
    ];
    for (path, status, kind, words) in cases {
        let (got, headers, body) = paper.call(path).await;
        assert_eq!(got, status, "{path}: {body}");
        let error = &body["errors"][0];
        assert_eq!(
            keys(error),
            set(&[
                "message",
                "context",
                "type",
                "details",
                "property",
                "help",
                "code",
                "id",
                "ghostErrorCode"
            ]),
            "{path}"
        );
        assert_eq!(error["type"], kind, "{path}: {body}");
        assert!(
            error["message"].as_str().expect("message").contains(words),
            "{path}: {body} (wanted {words})"
        );
        assert_eq!(headers["access-control-allow-origin"], "*", "{path}");
        assert_eq!(headers["content-version"], "v5.0", "{path}");
        if kind == "ValidationError" {
            assert!(error["property"].is_string(), "{path}: {body}");
        }
    }

    // Keys: none is 403, an unknown one 401, in Ghost's words.
    let (status, headers, body) = paper.raw("/ghost/api/content/posts/").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["errors"][0]["type"], "NoPermissionError");
    assert_eq!(body["errors"][0]["message"], "Authorization failed");
    assert_eq!(headers["access-control-allow-origin"], "*");
    for key in ["0123456789abcdef0123456789", "nothex", ""] {
        let (status, _, body) = paper
            .raw(&format!("/ghost/api/content/settings/?key={key}"))
            .await;
        let expected = if key.is_empty() {
            StatusCode::FORBIDDEN
        } else {
            StatusCode::UNAUTHORIZED
        };
        assert_eq!(status, expected, "key={key}: {body}");
        if !key.is_empty() {
            assert_eq!(body["errors"][0]["type"], "UnauthorizedError");
            assert_eq!(body["errors"][0]["message"], "Unknown Content API Key");
        }
    }

    // Read-only.
    let response = paper
        .app
        .client
        .post(
            paper
                .app
                .url(&format!("/ghost/api/content/posts/?key={}", paper.key)),
        )
        .send()
        .await
        .expect("post");
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["errors"][0]["type"], "MethodNotAllowedError");
}

#[tokio::test]
async fn posts_have_every_field_of_ghosts_shape() {
    let paper = Paper::new().await;
    let body = paper.ok("/ghost/api/content/posts/").await;
    assert_eq!(keys(&body), set(&["posts", "meta"]));
    assert_eq!(
        body["meta"]["pagination"],
        json!({"page": 1, "limit": 15, "pages": 1, "total": 4, "next": null, "prev": null})
    );
    let posts = body["posts"].as_array().expect("posts");
    assert_eq!(posts.len(), 4);
    for post in posts {
        assert_eq!(keys(post), set(POST_FIELDS), "{post}");
        assert_no_empty_strings(post, "post");
        assert!(is_hex(post["id"].as_str().expect("id"), 24), "{post}");
        assert_eq!(post["comment_id"], post["id"]);
        assert_eq!(post["uuid"].as_str().expect("uuid").len(), 36);
        for time in ["created_at", "updated_at", "published_at"] {
            let text = post[time].as_str().expect("time");
            assert!(is_ghost_time(text), "{time}: {text}");
        }
        assert_eq!(post["visibility"], "public");
        assert_eq!(post["featured"], false);
        assert_eq!(post["access"], true);
        assert!(post["reading_time"].is_u64());
        assert!(post["excerpt"].is_string());
    }
    let ferry = posts.iter().find(|p| p["title"] == FERRY).expect("ferry");
    let base = &paper.app.base;
    assert_eq!(ferry["id"], paper.ghost_id("ferry"));
    assert_eq!(ferry["slug"], "council-approves-ferry");
    assert_eq!(
        ferry["url"],
        format!("{base}/article/council-approves-ferry")
    );
    assert_eq!(ferry["published_at"], "2024-07-01T13:00:00.000+03:00");
    assert_eq!(ferry["custom_excerpt"], "The vote was close.");
    assert_eq!(ferry["excerpt"], "The vote was close.");
    assert_eq!(ferry["feature_image"], format!("{base}/media/ferry.webp"));
    assert_eq!(ferry["feature_image_alt"], "The ferry");
    assert_eq!(
        ferry["feature_image_caption"],
        "At the quay Photo: Courtesy."
    );
    assert_eq!(ferry["meta_title"], "Ferry approved");
    assert_eq!(ferry["meta_description"], Value::Null);
    let html = ferry["html"].as_str().expect("html");
    assert!(html.contains("<strong>7 to 5</strong>"), "{html}");
    assert!(
        html.contains(&format!("src=\"{base}/media/map.webp\"")),
        "{html}"
    );
    assert!(
        html.contains(&format!("href=\"{base}/article/x\"")),
        "{html}"
    );
    let marathon = posts
        .iter()
        .find(|p| p["title"] == MARATHON)
        .expect("marathon");
    assert_eq!(marathon["custom_excerpt"], Value::Null);
    assert_eq!(marathon["excerpt"], "A new record on the coast road.");
    assert_eq!(marathon["feature_image"], Value::Null);
    assert_eq!(marathon["feature_image_caption"], Value::Null);

    // One post, by id and by slug: a list of one and no meta.
    for path in [
        format!("/ghost/api/content/posts/{}/", paper.ghost_id("ferry")),
        "/ghost/api/content/posts/slug/council-approves-ferry/".to_owned(),
        "/ghost/api/content/posts/slug/council-approves-ferry".to_owned(),
    ] {
        let one = paper.ok(&path).await;
        assert_eq!(keys(&one), set(&["posts"]), "{path}");
        assert_eq!(one["posts"][0], *ferry, "{path}");
    }
}

#[tokio::test]
async fn includes_formats_fields_order_and_pages_follow_ghost() {
    let paper = Paper::new().await;
    let body = paper
        .ok("/ghost/api/content/posts/slug/marathon-record-falls/?include=tags,authors")
        .await;
    let post = &body["posts"][0];
    let mut fields = set(POST_FIELDS);
    fields.extend(set(&["tags", "authors", "primary_tag", "primary_author"]));
    assert_eq!(keys(post), fields);
    let tags = post["tags"].as_array().expect("tags");
    assert_eq!(
        tags.iter()
            .map(|t| t["slug"].as_str().expect("slug"))
            .collect::<Vec<_>>(),
        ["sport", "athletics"],
        "the section first"
    );
    assert_eq!(post["primary_tag"], tags[0]);
    for tag in tags {
        assert_eq!(keys(tag), set(TAG_FIELDS), "{tag}");
        assert_no_empty_strings(tag, "tag");
    }
    assert_eq!(tags[0]["url"], format!("{}/section/sport", paper.app.base));
    assert_eq!(tags[1]["url"], format!("{}/tag/athletics", paper.app.base));
    let authors = post["authors"].as_array().expect("authors");
    assert_eq!(
        authors
            .iter()
            .map(|a| a["slug"].as_str().expect("slug"))
            .collect::<Vec<_>>(),
        ["tomas-berg", "amina-otieno"]
    );
    assert_eq!(post["primary_author"], authors[0]);
    for author in authors {
        assert_eq!(keys(author), set(AUTHOR_FIELDS), "{author}");
        assert_no_empty_strings(author, "author");
    }
    assert_eq!(authors[0]["bio"], Value::Null, "an empty bio is null");

    // The rain story's tag "Sport" is the Sport section's tag.
    let rain = paper
        .ok("/ghost/api/content/posts/slug/rain-expected-all-week/?include=tags")
        .await;
    let sport_section =
        newsdesk::ghost::ids::decode(rain["posts"][0]["tags"][1]["id"].as_str().expect("id"));
    assert_eq!(
        sport_section.map(|(kind, _)| kind),
        Some(newsdesk::ghost::ids::Kind::Section)
    );

    // Formats.
    let plain = paper
        .ok("/ghost/api/content/posts/slug/council-approves-ferry/?formats=plaintext")
        .await;
    let post = &plain["posts"][0];
    assert!(post.get("html").is_none());
    assert_eq!(
        post["plaintext"],
        "The council voted 7 to 5.\n\nA ferry link and ."
    );
    let both = paper
        .ok("/ghost/api/content/posts/slug/council-approves-ferry/?formats=html,plaintext")
        .await;
    assert!(both["posts"][0]["html"].is_string() && both["posts"][0]["plaintext"].is_string());

    // Fields, with includes kept.
    let some = paper
        .ok("/ghost/api/content/posts/?fields=title,url&include=tags")
        .await;
    for post in some["posts"].as_array().expect("posts") {
        assert_eq!(keys(post), set(&["title", "url", "tags", "primary_tag"]));
    }

    // Pages of two, then all.
    let second = paper.ok("/ghost/api/content/posts/?limit=2&page=2").await;
    assert_eq!(
        second["meta"]["pagination"],
        json!({"page": 2, "limit": 2, "pages": 2, "total": 4, "next": null, "prev": 1})
    );
    assert_eq!(
        second["posts"]
            .as_array()
            .expect("posts")
            .iter()
            .map(|p| p["title"].clone())
            .collect::<Vec<_>>(),
        [json!(MARATHON), json!(FERRY)]
    );
    let first = paper.ok("/ghost/api/content/posts/?limit=2").await;
    assert_eq!(first["meta"]["pagination"]["next"], 2);
    let beyond = paper.ok("/ghost/api/content/posts/?limit=2&page=9").await;
    assert_eq!(beyond["posts"], json!([]));
    let all = paper.ok("/ghost/api/content/posts/?limit=all").await;
    assert_eq!(all["meta"]["pagination"]["limit"], "all");
    assert_eq!(all["posts"].as_array().map(Vec::len), Some(4));

    // Order.
    assert_eq!(
        paper.titles("order=title asc").await,
        [FERRY, FESTIVAL, MARATHON, RAIN]
    );
    assert_eq!(
        paper.titles("order=published_at asc").await,
        [FERRY, MARATHON, FESTIVAL, RAIN]
    );
    assert_eq!(
        paper.titles("order=featured desc,published_at desc").await,
        [RAIN, FESTIVAL, MARATHON, FERRY]
    );
}

#[tokio::test]
async fn tags_authors_settings_and_the_empty_resources() {
    let paper = Paper::new().await;
    let body = paper
        .ok("/ghost/api/content/tags/?include=count.posts&limit=all")
        .await;
    let tags = body["tags"].as_array().expect("tags");
    let counts: Vec<(String, i64)> = tags
        .iter()
        .map(|t| {
            (
                t["slug"].as_str().expect("slug").to_owned(),
                t["count"]["posts"].as_i64().expect("count"),
            )
        })
        .collect();
    // By name; the section Sport and the tag Sport are one; drafts and scheduled stories
    // are not counted.
    assert_eq!(
        counts,
        [
            ("athletics".to_owned(), 1),
            ("culture".to_owned(), 1),
            ("harbour".to_owned(), 2),
            ("news".to_owned(), 2),
            ("sport".to_owned(), 2),
            ("transport".to_owned(), 1),
            ("weather".to_owned(), 1),
        ]
    );
    for tag in tags {
        let mut fields = set(TAG_FIELDS);
        fields.insert("count".into());
        assert_eq!(keys(tag), fields, "{tag}");
    }
    assert_eq!(body["meta"]["pagination"]["total"], 7);
    let plain = paper.ok("/ghost/api/content/tags/?limit=2").await;
    assert_eq!(
        keys(&plain["tags"][0]),
        set(TAG_FIELDS),
        "no count unless asked"
    );
    assert_eq!(plain["meta"]["pagination"]["pages"], 4);
    let popular = paper
        .ok("/ghost/api/content/tags/?order=count.posts%20desc,name%20asc&limit=3&include=count.posts")
        .await;
    assert_eq!(
        popular["tags"]
            .as_array()
            .expect("tags")
            .iter()
            .map(|t| t["slug"].clone())
            .collect::<Vec<_>>(),
        [json!("harbour"), json!("news"), json!("sport")]
    );
    let filtered = paper
        .ok("/ghost/api/content/tags/?filter=slug:[news,harbour]%2Bvisibility:public")
        .await;
    assert_eq!(filtered["meta"]["pagination"]["total"], 2);
    let sport = paper.ok("/ghost/api/content/tags/slug/sport/").await;
    assert_eq!(keys(&sport), set(&["tags"]));
    let id = sport["tags"][0]["id"].as_str().expect("id").to_owned();
    let by_id = paper
        .ok(&format!(
            "/ghost/api/content/tags/{id}/?include=count.posts"
        ))
        .await;
    assert_eq!(by_id["tags"][0]["slug"], "sport");
    assert_eq!(by_id["tags"][0]["count"]["posts"], 2);
    assert_eq!(
        by_id["tags"][0]["url"],
        format!("{}/section/sport", paper.app.base)
    );

    let authors = paper
        .ok("/ghost/api/content/authors/?include=count.posts")
        .await;
    let list = authors["authors"].as_array().expect("authors");
    assert_eq!(
        list.iter()
            .map(|a| (a["slug"].clone(), a["count"]["posts"].clone()))
            .collect::<Vec<_>>(),
        // The admin is a person in the newsroom, so an author too (issue 18), as staff
        // users are authors in Ghost.
        [
            (json!("amina-otieno"), json!(3)),
            (json!("test-admin"), json!(0)),
            (json!("tomas-berg"), json!(2))
        ]
    );
    let amina = paper
        .ok("/ghost/api/content/authors/slug/amina-otieno/")
        .await;
    assert_eq!(keys(&amina["authors"][0]), set(AUTHOR_FIELDS));
    assert_eq!(amina["authors"][0]["bio"], "City hall.");
    assert_eq!(
        amina["authors"][0]["url"],
        format!("{}/author/amina-otieno", paper.app.base)
    );
    let id = amina["authors"][0]["id"].as_str().expect("id").to_owned();
    let by_id = paper.ok(&format!("/ghost/api/content/authors/{id}/")).await;
    assert_eq!(by_id["authors"][0]["slug"], "amina-otieno");
    let filtered = paper
        .ok("/ghost/api/content/authors/?filter=name:~'berg'")
        .await;
    assert_eq!(filtered["authors"][0]["slug"], "tomas-berg");

    let settings = paper.ok("/ghost/api/content/settings/").await;
    assert_eq!(keys(&settings), set(&["settings", "meta"]));
    assert_eq!(settings["meta"], json!({}));
    let s = &settings["settings"];
    assert_eq!(s["title"], "Newsdesk");
    assert_eq!(s["lang"], "en");
    assert_eq!(s["timezone"], "Africa/Nairobi");
    assert_eq!(s["url"], format!("{}/", paper.app.base));
    assert_eq!(s["logo"], Value::Null);
    assert!(
        s["icon"]
            .as_str()
            .expect("icon")
            .starts_with(&paper.app.base)
    );
    assert!(s["accent_color"].as_str().expect("accent").starts_with('#'));
    assert_eq!(
        s["navigation"],
        json!([
            {"label": "Home", "url": "/"},
            {"label": "News", "url": "/section/news"},
            {"label": "Sport", "url": "/section/sport"},
            {"label": "Weather", "url": "/section/weather"},
        ])
    );
    for key in [
        "description",
        "cover_image",
        "facebook",
        "twitter",
        "codeinjection_head",
        "codeinjection_foot",
        "secondary_navigation",
        "meta_title",
        "meta_description",
        "og_image",
        "og_title",
        "og_description",
        "twitter_image",
        "twitter_title",
        "twitter_description",
        "members_support_address",
        "members_enabled",
        "version",
    ] {
        assert!(s.get(key).is_some(), "settings.{key}");
    }
    assert_no_empty_strings(s, "settings");

    for resource in ["pages", "tiers", "newsletters"] {
        let empty = paper.ok(&format!("/ghost/api/content/{resource}/")).await;
        assert_eq!(empty[resource], json!([]), "{resource}");
        assert_eq!(
            empty["meta"]["pagination"],
            json!({"page": 1, "limit": 15, "pages": 1, "total": 0, "next": null, "prev": null})
        );
    }
}

#[tokio::test]
async fn old_prefixes_cors_and_preflights() {
    let paper = Paper::new().await;
    let current = paper.ok("/ghost/api/content/posts/?include=tags").await;
    for prefix in ["v2", "v3", "v4", "canary"] {
        let old = paper
            .ok(&format!("/ghost/api/{prefix}/content/posts/?include=tags"))
            .await;
        assert_eq!(old, current, "{prefix}");
    }
    for version in ["v3.0", "v5.0", "v5.99", "v6.0"] {
        let response = paper
            .app
            .client
            .get(
                paper
                    .app
                    .url(&format!("/ghost/api/content/settings/?key={}", paper.key)),
            )
            .header("accept-version", version)
            .header("origin", "https://front.example")
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::OK, "{version}");
        let headers = response.headers();
        assert_eq!(headers["access-control-allow-origin"], "*");
        assert_eq!(headers["content-version"], "v5.0");
        assert!(
            headers["vary"]
                .to_str()
                .expect("vary")
                .contains("Accept-Version"),
            "{headers:?}"
        );
        assert_eq!(headers["content-type"], "application/json");
    }
    let preflight = paper
        .app
        .client
        .request(Method::OPTIONS, paper.app.url("/ghost/api/content/posts/"))
        .header("origin", "https://front.example")
        .header("access-control-request-method", "GET")
        .header(
            "access-control-request-headers",
            "accept-version,content-type",
        )
        .send()
        .await
        .expect("preflight");
    assert_eq!(preflight.status(), StatusCode::NO_CONTENT);
    let headers = preflight.headers();
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert!(
        headers["access-control-allow-methods"]
            .to_str()
            .expect("methods")
            .contains("GET")
    );
    assert_eq!(
        headers["access-control-allow-headers"],
        "accept-version,content-type"
    );
}

#[tokio::test]
async fn a_change_shows_on_the_next_content_api_request_with_the_cache_on() {
    let paper = Paper::new().await;
    let path = format!(
        "/ghost/api/content/posts/slug/council-approves-ferry/?key={}",
        paper.key
    );
    let first = paper.app.get(&path).await;
    assert_eq!(first.headers()["x-cache"], "MISS");
    let second = paper.app.get(&path).await;
    assert_eq!(second.headers()["x-cache"], "HIT");
    assert_eq!(second.headers()["access-control-allow-origin"], "*");
    assert_eq!(second.headers()["content-version"], "v5.0");
    let before: Value = second.json().await.expect("json");
    assert_eq!(before["posts"][0]["title"], FERRY);

    let (status, article) = paper
        .app
        .api(
            Method::GET,
            &format!("/articles/{}", paper.ids["ferry"]),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = paper
        .app
        .api(
            Method::PATCH,
            &format!("/articles/{}", paper.ids["ferry"]),
            Some(json!({"title": "Council approves the new ferry", "version": article["version"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let after: Value = paper.app.get(&path).await.json().await.expect("json");
    assert_eq!(after["posts"][0]["title"], "Council approves the new ferry");

    // A revoked key stops working at once, cached answers or not.
    let (status, list) = paper.app.api(Method::GET, "/integrations", None).await;
    assert_eq!(status, StatusCode::OK);
    let id = list["items"][0]["id"].as_i64().expect("id");
    let (status, _) = paper
        .app
        .api(Method::DELETE, &format!("/integrations/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        paper.app.get(&path).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn admins_manage_integrations_through_the_api() {
    let app = TestApp::spawn().await;
    let (status, made) = app
        .api(
            Method::POST,
            "/integrations",
            Some(json!({"name": "  Gatsby site  "})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(made["name"], "Gatsby site");
    let key = made["content_api_key"].as_str().expect("key");
    assert!(is_hex(key, 26), "{key}");
    assert_eq!(made["key_hint"], key[22..]);
    let (status, list) = app.api(Method::GET, "/integrations", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["items"][0]["name"], "Gatsby site");
    assert!(
        !list.to_string().contains(key),
        "a key is never shown again: {list}"
    );
    let works = app
        .get(&format!("/ghost/api/content/settings/?key={key}"))
        .await;
    assert_eq!(works.status(), StatusCode::OK);

    for (body, field) in [
        (json!({}), "name"),
        (json!({"name": "   "}), "name"),
        (json!({"name": "x".repeat(192)}), "name"),
        (json!({"name": "ok", "key": "mine"}), "key"),
    ] {
        let (status, problem) = app.api(Method::POST, "/integrations", Some(body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
    }
    let response = app
        .client
        .post(app.url("/api/v1/integrations"))
        .bearer_auth(&app.token)
        .body("name=x")
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let editor = user_token(app.store.as_ref(), "editor@example.com", "editor").await;
    let (status, problem) = app
        .api_as(&editor, Method::GET, "/integrations", None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let (status, _) = app
        .api_as("not-a-token", Method::GET, "/integrations", None)
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app.api(Method::DELETE, "/integrations/999", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let id = made["id"].as_i64().expect("id");
    let (status, _) = app
        .api(Method::DELETE, &format!("/integrations/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let revoked = app
        .get(&format!("/ghost/api/content/settings/?key={key}"))
        .await;
    assert_eq!(revoked.status(), StatusCode::UNAUTHORIZED);
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .expect("audit")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(actions.contains(&"create integration") && actions.contains(&"revoke integration"));
}

#[tokio::test]
async fn admins_manage_integrations_in_the_newsroom() {
    let app = TestApp::spawn().await;
    let admin = app
        .sign_in("admin@example.com", crate::helpers::PASSWORD)
        .await;
    let (status, html) = admin.page("/admin/integrations").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.html().contains("No integrations yet"));

    // Without the page's token, nothing is made.
    let refused = admin
        .post_raw("/admin/integrations", &[("name", "Astro")], None, true)
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let empty = admin.post("/admin/integrations", &[("name", " ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty
            .text()
            .await
            .expect("page")
            .contains("the name is required")
    );

    let made = admin
        .post("/admin/integrations", &[("name", "Astro")])
        .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let page = scraper::Html::parse_document(&made.text().await.expect("page"));
    let key = crate::helpers::attr(&page, "#new-key", "value").expect("the new key is shown");
    assert!(is_hex(&key, 26));
    let works = app
        .get(&format!("/ghost/api/content/posts/?key={key}"))
        .await;
    assert_eq!(works.status(), StatusCode::OK);
    let (_, listed) = admin.page("/admin/integrations").await;
    assert!(!listed.html().contains(&key), "shown once only");
    assert!(listed.html().contains(&key[22..]));

    let id = app.store.list_integrations().await.expect("list")[0].id;
    let (status, confirm) = admin
        .page(&format!("/admin/integrations/{id}/delete"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.html().contains("Revoke the integration"));
    let revoked = admin
        .post(&format!("/admin/integrations/{id}/delete"), &[])
        .await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    let gone = app
        .get(&format!("/ghost/api/content/posts/?key={key}"))
        .await;
    assert_eq!(gone.status(), StatusCode::UNAUTHORIZED);

    crate::helpers::user_token(app.store.as_ref(), "ed@example.com", "editor").await;
    let editor = app
        .sign_in("ed@example.com", crate::helpers::PASSWORD)
        .await;
    let (status, _) = editor.page("/admin/integrations").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
