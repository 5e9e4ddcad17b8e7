//! The newsroom at `/admin`: sign-in, roles, CSRF, scheduling, conflicts, slugs and the
//! audit log, driven like a browser (cookies, forms, Origin headers).

use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use newsdesk::store::{CommentStatus, NewComment};
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Session, TestApp, attr, fake_smtp, text, user_token};

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

#[tokio::test]
async fn first_run_setup_needs_the_printed_token_and_then_signs_the_admin_in() {
    let app = TestApp::spawn_empty().await;
    let token = app
        .setup_token
        .clone()
        .expect("a setup token on an empty site");
    let browser = app.browser();

    let (status, html) = browser.page("/admin/login").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        text(&html, "main").expect("main").contains("setup link"),
        "an empty site explains how to begin"
    );
    let (status, _) = browser.page("/admin/setup?token=wrong").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, html) = browser.page(&format!("/admin/setup?token={token}")).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = attr(&html, "input[name=csrf]", "value").expect("token");
    let fields = [
        ("token", token.as_str()),
        ("name", "Ada Admin"),
        ("email", "ada@example.com"),
        ("password", "short"),
        ("password_again", "short"),
    ];
    let refused = browser
        .post_raw("/admin/setup", &fields, Some(&csrf), true)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = scraper::Html::parse_document(&refused.text().await.expect("body"));
    assert_eq!(
        attr(&html, "input[name=email]", "value").as_deref(),
        Some("ada@example.com"),
        "the form comes back filled in"
    );
    assert!(text(&html, ".error").is_some(), "and says what was wrong");

    let fields = [
        ("token", token.as_str()),
        ("name", "Ada Admin"),
        ("email", "ada@example.com"),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
    ];
    let done = browser
        .post_raw("/admin/setup", &fields, Some(&csrf), true)
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (status, html) = browser.page("/admin").await;
    assert_eq!(status, StatusCode::OK, "signed in after setup");
    assert!(text(&html, "h1").expect("h1").contains("Ada Admin"));

    // The token is spent: setup cannot be run again.
    let (status, _) = app
        .browser()
        .page(&format!("/admin/setup?token={token}"))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn pages_ask_for_a_sign_in_and_come_back_after_it() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let response = browser.get("/admin/articles?status=draft").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        "/admin/login?next=%2Fadmin%2Farticles%3Fstatus%3Ddraft"
    );
    let (_, html) = browser
        .page("/admin/login?next=%2Fadmin%2Farticles%3Fstatus%3Ddraft")
        .await;
    let csrf = attr(&html, "input[name=csrf]", "value").expect("token");
    let next = attr(&html, "input[name=next]", "value").expect("next");
    let response = browser
        .post_raw(
            "/admin/login",
            &[
                ("email", "admin@example.com"),
                ("password", PASSWORD),
                ("next", &next),
            ],
            Some(&csrf),
            true,
        )
        .await;
    assert_eq!(location(&response), "/admin/articles?status=draft");
    let cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .expect("session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Secure"), "plain http test site");
}

#[tokio::test]
async fn sign_in_failures_are_throttled_per_address_whatever_the_email() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let (_, html) = browser.page("/admin/login").await;
    let csrf = attr(&html, "input[name=csrf]", "value").expect("token");
    let attempt = |email: String, password: &'static str| {
        let browser = &browser;
        let csrf = csrf.clone();
        async move {
            let response = browser
                .post_raw(
                    "/admin/login",
                    &[("email", &email), ("password", password)],
                    Some(&csrf),
                    true,
                )
                .await;
            let status = response.status();
            let retry = response.headers().get(header::RETRY_AFTER).cloned();
            let html = scraper::Html::parse_document(&response.text().await.expect("body"));
            (
                status,
                text(&html, "[role=alert]").unwrap_or_default(),
                retry,
            )
        }
    };

    // A known email with a wrong password and an unknown email get the same answer.
    let known = attempt("admin@example.com".into(), "wrong password!").await;
    let unknown = attempt("nobody@example.com".into(), "wrong password!").await;
    assert_eq!(known.0, StatusCode::UNAUTHORIZED);
    assert_eq!((known.0, &known.1), (unknown.0, &unknown.1));

    for n in 0..3 {
        let (status, _, _) = attempt(format!("guess{n}@example.com"), "wrong password!").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "failure {}", n + 3);
    }
    // The sixth try is refused even with the right password, and says how long to wait.
    let (status, message, retry) = attempt("admin@example.com".into(), PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(message.contains("Wait"), "{message}");
    let seconds: u64 = retry
        .expect("Retry-After")
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!(seconds >= 1);
}

#[tokio::test]
async fn password_reset_answers_alike_and_a_link_works_once() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let (_, html) = browser.page("/admin/password-reset").await;
    let csrf = attr(&html, "input[name=csrf]", "value").expect("token");
    let mut answers = Vec::new();
    for email in ["admin@example.com", "stranger@example.com"] {
        let response = browser
            .post_raw(
                "/admin/password-reset",
                &[("email", email)],
                Some(&csrf),
                true,
            )
            .await;
        let status = response.status();
        let html = scraper::Html::parse_document(&response.text().await.expect("body"));
        answers.push((status, text(&html, "main")));
    }
    assert_eq!(
        answers[0], answers[1],
        "known and unknown emails look the same"
    );

    // The link itself goes to the log; here the test makes one the same way.
    let signed_in = app.sign_in("admin@example.com", PASSWORD).await;
    let user = app
        .store
        .user_by_email(&newsdesk::domain::Email::parse("admin@example.com").expect("email"))
        .await
        .expect("user");
    let link = "ndt_0123456789abcdef0123456789abcdef";
    let now = Timestamp::now();
    app.store
        .create_password_reset(
            user.id,
            &newsdesk::auth::token_hash(link),
            now,
            now + SignedDuration::from_hours(1),
        )
        .await
        .expect("reset");
    let reader = app.browser();
    let (status, html) = reader.page(&format!("/admin/password-reset/{link}")).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = attr(&html, "input[name=csrf]", "value").expect("token");
    let new_password = "a brand new passphrase";
    let done = reader
        .post_raw(
            &format!("/admin/password-reset/{link}"),
            &[("password", new_password), ("password_again", new_password)],
            Some(&csrf),
            true,
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (status, _) = reader.page(&format!("/admin/password-reset/{link}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a link works once");
    // A new password ends the old sessions.
    assert_eq!(
        signed_in.get("/admin").await.status(),
        StatusCode::SEE_OTHER
    );
    app.sign_in("admin@example.com", new_password).await;
}

#[tokio::test]
async fn logging_out_everywhere_ends_other_sessions_but_not_this_one() {
    let app = TestApp::spawn().await;
    let laptop = app.sign_in("admin@example.com", PASSWORD).await;
    let phone = app.sign_in("admin@example.com", PASSWORD).await;
    let response = laptop.post("/admin/logout-everywhere", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(laptop.get("/admin").await.status(), StatusCode::OK);
    assert_eq!(phone.get("/admin").await.status(), StatusCode::SEE_OTHER);
    let laptop = laptop.with_token().await;
    let refused = laptop.post_raw("/admin/logout", &[], None, true).await;
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "signing out needs the token too"
    );
    assert_eq!(laptop.get("/admin").await.status(), StatusCode::OK);
    laptop.post("/admin/logout", &[]).await;
    assert_eq!(laptop.get("/admin").await.status(), StatusCode::SEE_OTHER);
}

/// What the route table expects of one attempt.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Allowed,
    Refused,
}

/// The least role that may make a change.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Needs {
    Anyone,
    Editor,
    Admin,
}

const ROLES: [&str; 4] = ["contributor", "author", "editor", "admin"];

fn rank(role: &str) -> Needs {
    match role {
        "editor" => Needs::Editor,
        "admin" => Needs::Admin,
        _ => Needs::Anyone,
    }
}

/// One story the table tries to change, in one status, the trying member's own or not.
#[derive(Debug, Clone)]
struct Story {
    id: i64,
    /// Its first revision, to restore.
    revision: i64,
    status: &'static str,
    version: i64,
    own: bool,
}

impl Story {
    /// The rule the table checks: editors and admins change any story; authors their own in
    /// any status; contributors only their own drafts (scheduled or published, it is the
    /// desk's).
    fn may_change(&self, role: &str) -> bool {
        match role {
            "editor" | "admin" => true,
            "author" => self.own,
            "contributor" => self.own && self.status == "draft",
            _ => false,
        }
    }
}

const STATUSES: [&str; 3] = ["draft", "scheduled", "published"];

/// The stories one member's attempts are made on: a set for the newsroom's forms and another
/// for the API, so each door starts from the same stories.
struct RoleStories {
    form: Vec<Story>,
    api: Vec<Story>,
}

/// Fixtures made by the admin: every id a route in the table needs.
struct Fixtures {
    /// Each role's member in `ROLES` order: their email and API token.
    members: Vec<(String, String)>,
    /// In `ROLES` order: every status, the member's own and a colleague's.
    stories: Vec<RoleStories>,
    /// Where the stories are filed and whose byline they carry.
    section: String,
    author: String,
    sections: Vec<i64>,
    tags: Vec<i64>,
    authors: Vec<i64>,
    comment: i64,
    victim: i64,
    photo: i64,
}

/// A story written by the holder of `token` as a draft, then (by the admin, as a desk does)
/// scheduled years ahead or published, as `status` asks.
async fn story(
    app: &TestApp,
    token: &str,
    status: &'static str,
    own: bool,
    section: &str,
    author: &str,
) -> Story {
    static SERIAL: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    let n = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let (code, draft) = app
        .api_as(
            token,
            Method::POST,
            "/articles",
            Some(json!({
                "title": format!("Table story {n}"),
                "body": "Words as filed.",
                "section": section,
                "authors": [author],
                "status": "draft",
            })),
        )
        .await;
    assert_eq!(code, StatusCode::CREATED, "{draft}");
    let id = draft["id"].as_i64().expect("id");
    let mut version = draft["version"].as_i64().expect("version");
    let change = match status {
        "scheduled" => {
            Some(json!({"status": "scheduled", "published_at": "2099-07-17T11:32:00+03:00"}))
        }
        "published" => Some(json!({"status": "published"})),
        _ => None,
    };
    if let Some(mut change) = change {
        change["version"] = json!(version);
        let (code, changed) = app
            .api(Method::PATCH, &format!("/articles/{id}"), Some(change))
            .await;
        assert_eq!(code, StatusCode::OK, "{changed}");
        assert_eq!(changed["status"], status);
        version = changed["version"].as_i64().expect("version");
    }
    let (_, revisions) = app
        .api(Method::GET, &format!("/articles/{id}/revisions"), None)
        .await;
    let items = revisions["items"].as_array().expect("revisions");
    let revision = items
        .last()
        .and_then(|r| r["id"].as_i64())
        .expect("revision");
    Story {
        id,
        revision,
        status,
        version,
        own,
    }
}

async fn fixtures(app: &TestApp) -> Fixtures {
    let article = app.published("The admin's story", "First words.").await;
    let id = article["id"].as_i64().expect("id");
    let section = app.section("Desk").await["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    let author = app.author("Table Writer").await["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    let colleague = user_token(app.store.as_ref(), "colleague@example.com", "author").await;
    let mut members = Vec::new();
    let mut stories = Vec::new();
    for role in ROLES {
        let email = format!("{role}.table@example.com");
        let token = user_token(app.store.as_ref(), &email, role).await;
        let set = || async {
            let mut made = Vec::new();
            for status in STATUSES {
                made.push(story(app, &token, status, true, &section, &author).await);
                made.push(story(app, &colleague, status, false, &section, &author).await);
            }
            made
        };
        let form = set().await;
        let api = set().await;
        stories.push(RoleStories { form, api });
        members.push((email, token));
    }
    let mut sections = Vec::new();
    let mut tags = Vec::new();
    let mut authors = Vec::new();
    for n in 0..12 {
        sections.push(
            app.section(&format!("Spare {n}")).await["id"]
                .as_i64()
                .expect("id"),
        );
        let (_, tag) = app
            .api(
                Method::POST,
                "/tags",
                Some(json!({ "name": format!("Spare tag {n}") })),
            )
            .await;
        tags.push(tag["id"].as_i64().expect("id"));
        authors.push(
            app.author(&format!("Spare Writer {n}")).await["id"]
                .as_i64()
                .expect("id"),
        );
    }
    let comment = app
        .store
        .create_comment(
            &NewComment {
                article_id: id,
                parent_id: None,
                author_name: "Reader".into(),
                author_email: None,
                body: "A comment to moderate.".into(),
                status: CommentStatus::Pending,
                reason: Some("first comment".into()),
                reader_id: None,
            },
            Timestamp::now(),
        )
        .await
        .expect("comment")
        .id;
    user_token(app.store.as_ref(), "victim@example.com", "author").await;
    let victim = app
        .store
        .user_by_email(&newsdesk::domain::Email::parse("victim@example.com").expect("email"))
        .await
        .expect("victim")
        .id;
    let png = {
        let image = image::DynamicImage::new_rgb8(40, 30);
        let mut out = std::io::Cursor::new(Vec::new());
        image
            .write_to(&mut out, image::ImageFormat::Png)
            .expect("png");
        out.into_inner()
    };
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(png).file_name("p.png"),
        )
        .text("alt", "A grey square");
    let photo: Value = app
        .client
        .post(app.url("/api/v1/media"))
        .bearer_auth(&app.token)
        .multipart(form)
        .send()
        .await
        .expect("upload")
        .json()
        .await
        .expect("json");
    Fixtures {
        photo: photo["id"].as_i64().expect("photo id"),
        members,
        stories,
        section,
        author,
        sections,
        tags,
        authors,
        comment,
        victim,
    }
}

/// One state-changing admin form: its path, fields, and who may use it.
struct FormRoute {
    path: String,
    fields: Vec<(String, String)>,
    needs: Needs,
    /// Changes only what the signed-in person owns, so any role may.
    own: bool,
    /// Changes this story, so the story rule decides (and an allowed change must succeed).
    story: Option<Story>,
}

impl FormRoute {
    fn expect(&self, role: &str) -> Expect {
        let allowed = match &self.story {
            Some(story) => story.may_change(role),
            None => self.own || rank(role) >= self.needs,
        };
        if allowed {
            Expect::Allowed
        } else {
            Expect::Refused
        }
    }
}

/// Every way the newsroom's forms change a story, in an order that leaves deleting last:
/// saving it as it stands with a new headline, restoring its first revision, deleting it.
fn story_form_routes(f: &Fixtures, stories: &[Story]) -> Vec<FormRoute> {
    let mut routes = Vec::new();
    for story in stories {
        let a = story.id;
        let version = story.version.to_string();
        let fields = [
            ("title", "Edited from the table"),
            ("body", "Edited words."),
            ("section", f.section.as_str()),
            ("authors", f.author.as_str()),
            ("status", story.status),
            ("version", version.as_str()),
        ];
        for (path, fields) in [
            (format!("/admin/articles/{a}"), &fields[..]),
            (
                format!("/admin/articles/{a}/revisions/{}/restore", story.revision),
                &[][..],
            ),
            (format!("/admin/articles/{a}/delete"), &[][..]),
        ] {
            routes.push(FormRoute {
                path,
                fields: fields
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
                needs: Needs::Anyone,
                own: false,
                story: Some(story.clone()),
            });
        }
    }
    routes
}

fn form_routes(f: &Fixtures, n: usize) -> Vec<FormRoute> {
    let r = |path: String, fields: &[(&str, &str)], needs: Needs| FormRoute {
        path,
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        needs,
        own: false,
        story: None,
    };
    let unique = format!("Route table {n}");
    let email = format!("new{n}@example.com");
    vec![
        FormRoute {
            own: true,
            ..r(
                "/admin/articles".into(),
                &[("title", &unique), ("body", "Text."), ("status", "draft")],
                Needs::Anyone,
            )
        },
        FormRoute {
            own: true,
            ..r("/admin/preview".into(), &[("body", "*hi*")], Needs::Anyone)
        },
        r(
            "/admin/sections".into(),
            &[("name", &unique)],
            Needs::Editor,
        ),
        r(
            format!("/admin/sections/{}", f.sections[n]),
            &[("name", &unique)],
            Needs::Editor,
        ),
        r(
            format!("/admin/sections/{}/delete", f.sections[n + 4]),
            &[],
            Needs::Editor,
        ),
        r("/admin/tags".into(), &[("name", &unique)], Needs::Editor),
        r(
            format!("/admin/tags/{}", f.tags[n]),
            &[("name", &unique)],
            Needs::Editor,
        ),
        r(
            format!("/admin/tags/{}/merge", f.tags[n + 4]),
            &[("into", &f.tags[11].to_string())],
            Needs::Editor,
        ),
        r(
            format!("/admin/tags/{}/delete", f.tags[n + 8]),
            &[],
            Needs::Editor,
        ),
        r("/admin/authors".into(), &[("name", &unique)], Needs::Editor),
        r(
            format!("/admin/authors/{}", f.authors[n]),
            &[("name", &unique)],
            Needs::Editor,
        ),
        r(
            format!("/admin/authors/{}/delete", f.authors[n + 4]),
            &[],
            Needs::Editor,
        ),
        r(
            format!("/admin/comments/{}", f.comment),
            &[("action", "approve")],
            Needs::Editor,
        ),
        r(
            "/admin/people".into(),
            &[
                ("name", "New Person"),
                ("email", &email),
                ("role", "author"),
                ("password", PASSWORD),
            ],
            Needs::Admin,
        ),
        r(
            format!("/admin/people/{}", f.victim),
            &[("role", "editor")],
            Needs::Admin,
        ),
        r(
            "/admin/settings".into(),
            &[
                ("site_title", "Renamed"),
                ("per_page", "10"),
                ("moderation", "hold_all"),
            ],
            Needs::Admin,
        ),
        r(
            format!("/admin/media/{}", f.photo),
            &[("alt", "Still a grey square"), ("credit", "Desk")],
            Needs::Editor,
        ),
        r(
            format!("/admin/media/{}/delete", f.photo),
            &[],
            Needs::Editor,
        ),
    ]
    .into_iter()
    .chain(story_form_routes(f, &f.stories[n].form))
    // Last: it replaces this browser's session (and so its token).
    .chain([FormRoute {
        own: true,
        ..r("/admin/logout-everywhere".into(), &[], Needs::Anyone)
    }])
    .collect()
}

/// One state-changing API call and who may make it.
struct ApiRoute {
    method: Method,
    path: String,
    body: Value,
    needs: Needs,
    /// Changes this story, so the story rule decides (and an allowed change must succeed).
    story: Option<Story>,
}

impl ApiRoute {
    fn expect(&self, role: &str) -> Expect {
        let allowed = match &self.story {
            Some(story) => story.may_change(role),
            None => rank(role) >= self.needs,
        };
        if allowed {
            Expect::Allowed
        } else {
            Expect::Refused
        }
    }
}

/// Every way the API changes a story, deleting last: a new headline, restoring its first
/// revision, deleting it.
fn story_api_routes(stories: &[Story]) -> Vec<ApiRoute> {
    let mut routes = Vec::new();
    for story in stories {
        let a = story.id;
        for (method, path, body) in [
            (
                Method::PATCH,
                format!("/articles/{a}"),
                json!({"title": "Edited through the API", "version": story.version}),
            ),
            (
                Method::POST,
                format!("/articles/{a}/revisions/{}/restore", story.revision),
                Value::Null,
            ),
            (Method::DELETE, format!("/articles/{a}"), Value::Null),
        ] {
            routes.push(ApiRoute {
                method,
                path,
                body,
                needs: Needs::Anyone,
                story: Some(story.clone()),
            });
        }
    }
    routes
}

fn api_routes(f: &Fixtures, n: usize) -> Vec<ApiRoute> {
    let r = |method: Method, path: String, body: Value, needs: Needs| ApiRoute {
        method,
        path,
        body,
        needs,
        story: None,
    };
    let unique = format!("Api table {n}");
    vec![
        r(
            Method::POST,
            "/articles".into(),
            json!({"title": unique, "body": "x", "section": "section-1", "authors": ["nobody"], "status": "draft"}),
            Needs::Anyone,
        ),
        r(
            Method::POST,
            "/preview".into(),
            json!({"body": "*x*"}),
            Needs::Anyone,
        ),
        r(
            Method::POST,
            "/sections".into(),
            json!({"name": unique}),
            Needs::Editor,
        ),
        r(
            Method::PATCH,
            format!("/sections/{}", f.sections[n]),
            json!({"name": unique}),
            Needs::Editor,
        ),
        r(
            Method::DELETE,
            format!("/sections/{}", f.sections[n + 4]),
            Value::Null,
            Needs::Editor,
        ),
        r(
            Method::POST,
            "/tags".into(),
            json!({"name": unique}),
            Needs::Editor,
        ),
        r(
            Method::POST,
            format!("/tags/{}/merge", f.tags[n + 4]),
            json!({"into": f.tags[11]}),
            Needs::Editor,
        ),
        r(
            Method::DELETE,
            format!("/tags/{}", f.tags[n + 8]),
            Value::Null,
            Needs::Editor,
        ),
        r(
            Method::POST,
            "/authors".into(),
            json!({"name": unique}),
            Needs::Editor,
        ),
        r(
            Method::DELETE,
            format!("/authors/{}", f.authors[n + 4]),
            Value::Null,
            Needs::Editor,
        ),
        r(
            Method::PATCH,
            format!("/comments/{}", f.comment),
            json!({"status": "spam"}),
            Needs::Editor,
        ),
        r(
            Method::POST,
            "/users".into(),
            json!({"name": "Api Person", "email": format!("api{n}@example.com"), "role": "author", "password": PASSWORD}),
            Needs::Admin,
        ),
        r(
            Method::PATCH,
            format!("/users/{}", f.victim),
            json!({"role": "author"}),
            Needs::Admin,
        ),
        r(
            Method::PATCH,
            "/settings".into(),
            json!({"per_page": 12}),
            Needs::Admin,
        ),
    ]
    .into_iter()
    .chain(story_api_routes(&f.stories[n].api))
    .collect()
}

fn judge(status: StatusCode) -> Expect {
    assert!(!status.is_server_error(), "server error {status}");
    if status == StatusCode::FORBIDDEN || status == StatusCode::UNAUTHORIZED {
        Expect::Refused
    } else {
        Expect::Allowed
    }
}

/// Every state-changing admin form and API call, tried as anonymous, contributor, author,
/// editor and admin; with and without the CSRF token; and from a foreign origin.
#[tokio::test]
async fn route_table_every_change_checks_role_csrf_and_origin() {
    let app = TestApp::spawn().await;
    let f = fixtures(&app).await;
    let mut failures = Vec::new();

    // Anonymous: refused before any change, whatever the token.
    let anonymous = app.browser();
    let (_, html) = anonymous.page("/admin/login").await;
    let visitor_csrf = attr(&html, "input[name=csrf]", "value").expect("visitor token");
    for route in form_routes(&f, 0) {
        let fields: Vec<(&str, &str)> = route
            .fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let response = anonymous
            .post_raw(&route.path, &fields, Some(&visitor_csrf), true)
            .await;
        if response.status() != StatusCode::SEE_OTHER
            || !location(&response).starts_with("/admin/login")
        {
            failures.push(format!(
                "anonymous POST {} → {}",
                route.path,
                response.status()
            ));
        }
        let response = anonymous.post_raw(&route.path, &fields, None, true).await;
        if response.status() != StatusCode::FORBIDDEN {
            failures.push(format!(
                "anonymous POST {} without token → {}",
                route.path,
                response.status()
            ));
        }
    }
    // The forms used before signing in carry a token too.
    for (path, fields) in [
        (
            "/admin/login",
            vec![("email", "a@example.com"), ("password", "x")],
        ),
        ("/admin/password-reset", vec![("email", "a@example.com")]),
        ("/admin/setup", vec![("token", "x")]),
    ] {
        let response = anonymous.post_raw(path, &fields, None, true).await;
        if response.status() != StatusCode::FORBIDDEN {
            failures.push(format!(
                "anonymous POST {path} without token → {}",
                response.status()
            ));
        }
        let response = anonymous
            .post_raw(path, &fields, Some(&visitor_csrf), false)
            .await;
        if response.status() != StatusCode::FORBIDDEN {
            failures.push(format!(
                "anonymous POST {path} from another site → {}",
                response.status()
            ));
        }
    }
    for route in api_routes(&f, 0) {
        let (status, _) = anonymous
            .api(
                route.method.clone(),
                &route.path,
                Some(route.body.clone()),
                None,
                true,
            )
            .await;
        if status != StatusCode::UNAUTHORIZED {
            failures.push(format!(
                "anonymous {} {} → {status}",
                route.method, route.path
            ));
        }
    }

    for (n, role) in ROLES.iter().enumerate() {
        let (email, token) = &f.members[n];
        let session: Session = app.sign_in(email, PASSWORD).await;

        for route in form_routes(&f, n) {
            let fields: Vec<(&str, &str)> = route
                .fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let label = format!("{role} POST {}", route.path);
            let without = session.post_raw(&route.path, &fields, None, true).await;
            if without.status() != StatusCode::FORBIDDEN {
                failures.push(format!("{label} without token → {}", without.status()));
            }
            let foreign = session
                .post_raw(&route.path, &fields, Some(&session.csrf), false)
                .await;
            if foreign.status() != StatusCode::FORBIDDEN {
                failures.push(format!("{label} from another site → {}", foreign.status()));
            }
            let status = session.post(&route.path, &fields).await.status();
            let expected = route.expect(role);
            if judge(status) != expected {
                failures.push(format!("{label} → {status}, expected {expected:?}"));
            } else if let Some(story) = &route.story
                && expected == Expect::Allowed
                && !(status.is_success() || status == StatusCode::SEE_OTHER)
            {
                failures.push(format!(
                    "{label} on a {} story → {status}, expected it done",
                    story.status
                ));
            }
        }

        for route in api_routes(&f, n) {
            let label = format!("{role} {} {}", route.method, route.path);
            let body = (!route.body.is_null()).then(|| route.body.clone());
            let (status, _) = session
                .api(route.method.clone(), &route.path, body.clone(), None, true)
                .await;
            if status != StatusCode::FORBIDDEN {
                failures.push(format!("{label} by session without token → {status}"));
            }
            let (status, _) = session
                .api(
                    route.method.clone(),
                    &route.path,
                    body.clone(),
                    Some(&session.csrf),
                    false,
                )
                .await;
            if status != StatusCode::FORBIDDEN {
                failures.push(format!("{label} by session from another site → {status}"));
            }
            // A bearer token is exempt from CSRF; the role still decides.
            let (status, answer) = app
                .api_as(token, route.method.clone(), &route.path, body.clone())
                .await;
            let expected = route.expect(role);
            if judge(status) != expected {
                failures.push(format!(
                    "{label} by token → {status} {answer}, expected {expected:?}"
                ));
            } else if let Some(story) = &route.story
                && expected == Expect::Allowed
                && !status.is_success()
            {
                failures.push(format!(
                    "{label} by token on a {} story → {status} {answer}, expected it done",
                    story.status
                ));
            }
            if expected == Expect::Refused {
                let (status, _) = session
                    .api(
                        route.method.clone(),
                        &route.path,
                        body,
                        Some(&session.csrf),
                        true,
                    )
                    .await;
                if status != StatusCode::FORBIDDEN {
                    failures.push(format!(
                        "{label} by session with token → {status}, expected 403"
                    ));
                }
            }
        }

        // Whatever was refused left the story exactly as it was.
        let stories = &f.stories[n];
        for story in stories.form.iter().chain(&stories.api) {
            if story.may_change(role) {
                continue;
            }
            let (code, now) = app
                .api(Method::GET, &format!("/articles/{}", story.id), None)
                .await;
            if code != StatusCode::OK
                || now["version"] != story.version
                || now["status"] != story.status
            {
                failures.push(format!(
                    "{role}: refused changes to a {} story (own: {}) still changed it → {code} \
                     version {} status {}",
                    story.status, story.own, now["version"], now["status"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "route table:\n{}", failures.join("\n"));
}

/// The editor's hidden version field for an article.
async fn loaded_version(session: &Session, id: i64) -> String {
    let (status, html) = session.page(&format!("/admin/articles/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    attr(&html, "input[name=version]", "value").expect("version field")
}

#[tokio::test]
async fn two_editors_save_the_same_version_one_wins_the_other_keeps_their_text() {
    let app = TestApp::spawn().await;
    let article = app.published("Budget vote", "The council met.").await;
    let id = article["id"].as_i64().expect("id");
    let section = article["section"]["slug"]
        .as_str()
        .expect("section")
        .to_owned();
    let author = article["authors"][0]["slug"]
        .as_str()
        .expect("author")
        .to_owned();
    // Bring the article to version 3.
    for (version, body) in [
        (1, "The council met on Monday."),
        (2, "The council met on Monday night."),
    ] {
        let (status, _) = app
            .api(
                Method::PATCH,
                &format!("/articles/{id}"),
                Some(json!({"body": body, "version": version})),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    user_token(app.store.as_ref(), "second@example.com", "editor").await;
    let first = app.sign_in("admin@example.com", PASSWORD).await;
    let second = app.sign_in("second@example.com", PASSWORD).await;
    let v1 = loaded_version(&first, id).await;
    let v2 = loaded_version(&second, id).await;
    assert_eq!((v1.as_str(), v2.as_str()), ("3", "3"));

    let save = |session: &Session, body: &'static str, version: String| {
        let fields = vec![
            ("title".to_owned(), "Budget vote".to_owned()),
            ("body".to_owned(), body.to_owned()),
            ("section".to_owned(), section.clone()),
            ("authors".to_owned(), author.clone()),
            ("status".to_owned(), "published".to_owned()),
            ("version".to_owned(), version),
        ];
        let session_csrf = session.csrf.clone();
        let client = session.client.clone();
        let url = format!("{}/admin/articles/{id}", session.base);
        let origin = session.base.clone();
        async move {
            let mut form = fields;
            form.push(("csrf".into(), session_csrf));
            client
                .post(url)
                .header("origin", origin)
                .form(&form)
                .send()
                .await
                .expect("save")
        }
    };
    let (a, b) = tokio::join!(
        save(&first, "FIRST EDITOR'S TEXT", v1),
        save(&second, "SECOND EDITOR'S TEXT", v2)
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT]);
    let (winner_text, loser) = if a.status() == StatusCode::SEE_OTHER {
        ("FIRST EDITOR'S TEXT", b)
    } else {
        ("SECOND EDITOR'S TEXT", a)
    };
    let loser_text = if winner_text.starts_with("FIRST") {
        "SECOND EDITOR'S TEXT"
    } else {
        "FIRST EDITOR'S TEXT"
    };
    let html = scraper::Html::parse_document(&loser.text().await.expect("body"));
    assert_eq!(
        text(&html, "textarea[name=body]").as_deref(),
        Some(loser_text),
        "the refused editor's text stays in the form"
    );
    let panel = text(&html, ".conflict").expect("conflict panel");
    assert!(
        panel.contains(winner_text),
        "and the saved text is shown beside it"
    );
    assert_eq!(
        attr(&html, "input[name=version]", "value").as_deref(),
        Some("4"),
        "saving again is a deliberate choice against the new version"
    );
    let (_, saved) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    assert_eq!(saved["body"], winner_text);
    assert_eq!(saved["version"], 4);
    // Both texts are on the record.
    let (_, revisions) = app
        .api(Method::GET, &format!("/articles/{id}/revisions"), None)
        .await;
    assert_eq!(revisions["items"][0]["kind"], "conflict");
    assert_eq!(revisions["items"][0]["snapshot"]["body"], loser_text);
}

/// A contributor, their draft (section and byline ready), and their API token.
struct ContributorDraft {
    token: String,
    id: i64,
    section: String,
    author: String,
}

async fn contributor_draft(app: &TestApp, body: &str) -> ContributorDraft {
    let section = app.section("Metro").await["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    let author = app.author("Cara Contributor").await["slug"]
        .as_str()
        .expect("slug")
        .to_owned();
    let token = user_token(app.store.as_ref(), "cara@example.com", "contributor").await;
    let (status, draft) = app
        .api_as(
            &token,
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Harbour fees", "body": body,
                "section": section, "authors": [author],
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    assert_eq!(draft["status"], "draft");
    ContributorDraft {
        token,
        id: draft["id"].as_i64().expect("id"),
        section,
        author,
    }
}

/// A refusal as the API gives it: `403`, problem+json, a sentence pointing at an editor.
async fn refused_by_role(app: &TestApp, token: &str, method: Method, path: &str, body: Value) {
    let mut request = app
        .client
        .request(method.clone(), app.url(&format!("/api/v1{path}")))
        .bearer_auth(token);
    if !body.is_null() {
        request = request.json(&body);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    let kind = response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap_or("")
        .to_owned();
    let problem: Value = response.json().await.expect("problem");
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "{method} {path} {body}: {problem}"
    );
    assert_eq!(kind, "application/problem+json");
    assert_eq!(problem["type"], "urn:newsdesk:problem:forbidden");
    let detail = problem["detail"].as_str().unwrap_or("");
    assert!(detail.contains("Ask an editor"), "{detail}");
}

#[tokio::test]
async fn a_contributor_cannot_publish_a_story_an_editor_scheduled() {
    let app = TestApp::spawn().await;
    let cara = contributor_draft(&app, "Fees rise in July.").await;
    let path = format!("/articles/{}", cara.id);
    let (status, scheduled) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"version": 1, "status": "scheduled", "published_at": "2031-07-17T11:32:00+03:00"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{scheduled}");
    assert_eq!(scheduled["version"], 2);

    // The exact request from the review: publish at once, years ahead of the desk's plan.
    refused_by_role(
        &app,
        &cara.token,
        Method::PATCH,
        &path,
        json!({"version": 2, "status": "published"}),
    )
    .await;
    // Nor anything else about it: its words, its time (later or backdated), back to draft.
    for change in [
        json!({"version": 2, "title": "Fees double in July"}),
        json!({"version": 2, "body": "Rewritten."}),
        json!({"version": 2, "published_at": "2032-01-01T00:00:00Z"}),
        json!({"version": 2, "published_at": "2001-01-01T00:00:00Z"}),
        json!({"version": 2, "status": "draft"}),
        json!({"version": 2, "status": "scheduled", "published_at": "2031-07-18T11:32:00+03:00"}),
    ] {
        refused_by_role(&app, &cara.token, Method::PATCH, &path, change).await;
    }
    refused_by_role(&app, &cara.token, Method::DELETE, &path, Value::Null).await;

    let (_, now) = app.api(Method::GET, &path, None).await;
    assert_eq!(now["status"], "scheduled");
    assert_eq!(now["version"], 2);
    assert_eq!(now["title"], "Harbour fees");
    assert_eq!(now["published_at"], scheduled["published_at"]);

    // Once the desk sets it back to Draft, it is hers again.
    let (status, _) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"version": 2, "status": "draft"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, edited) = app
        .api_as(
            &cara.token,
            Method::PATCH,
            &path,
            Some(json!({"version": 3, "title": "Harbour fees rise"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{edited}");
}

#[tokio::test]
async fn a_contributor_cannot_restore_a_revision_onto_a_live_story() {
    let app = TestApp::spawn().await;
    let cara = contributor_draft(&app, "First words.").await;
    let path = format!("/articles/{}", cara.id);
    let (status, _) = app
        .api_as(
            &cara.token,
            Method::PATCH,
            &path,
            Some(json!({"version": 1, "body": "Second words."})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .api(
            Method::PATCH,
            &path,
            Some(json!({"version": 2, "body": "The desk's words.", "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, revisions) = app
        .api(Method::GET, &format!("{path}/revisions"), None)
        .await;
    let first = revisions["items"]
        .as_array()
        .and_then(|items| items.last())
        .and_then(|r| r["id"].as_i64())
        .expect("first revision");

    refused_by_role(
        &app,
        &cara.token,
        Method::POST,
        &format!("{path}/revisions/{first}/restore"),
        Value::Null,
    )
    .await;

    // The newsroom's page offers no Restore, and its form is refused the same way.
    let session = app.sign_in("cara@example.com", PASSWORD).await;
    let (status, html) = session
        .page(&format!("/admin/articles/{}/revisions", cara.id))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(crate::helpers::count(&html, "form[action$=restore]"), 0);
    assert!(
        text(&html, "[role=status]")
            .expect("why it is read-only")
            .contains("Ask an editor")
    );
    let response = session
        .post(
            &format!("/admin/articles/{}/revisions/{first}/restore", cara.id),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let page = response.text().await.expect("page");
    assert!(page.contains("Ask an editor"), "{page}");

    let (_, now) = app.api(Method::GET, &path, None).await;
    assert_eq!(now["body"], "The desk's words.");
    assert_eq!(now["version"], 3);
}

#[tokio::test]
async fn a_contributor_cannot_schedule_even_their_own_draft() {
    let app = TestApp::spawn().await;
    let cara = contributor_draft(&app, "Words.").await;
    let path = format!("/articles/{}", cara.id);
    for change in [
        json!({"version": 1, "status": "scheduled", "published_at": "2031-07-17T11:32:00+03:00"}),
        // Refused for the role before the missing time is even looked at.
        json!({"version": 1, "status": "scheduled"}),
        json!({"version": 1, "status": "published"}),
    ] {
        let (status, problem) = app
            .api_as(&cara.token, Method::PATCH, &path, Some(change.clone()))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{change}: {problem}");
        assert!(
            problem["detail"]
                .as_str()
                .unwrap_or("")
                .contains("ask an editor"),
            "{problem}"
        );
    }
    let (status, problem) = app
        .api_as(
            &cara.token,
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Later", "body": "Soon.", "section": cara.section,
                "authors": [cara.author], "status": "scheduled",
                "published_at": "2031-07-17T11:32:00+03:00",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let (_, now) = app.api(Method::GET, &path, None).await;
    assert_eq!(
        (now["status"].as_str(), now["version"].as_i64()),
        (Some("draft"), Some(1))
    );
}

#[tokio::test]
async fn an_author_cannot_publish_or_schedule_a_colleagues_story() {
    let app = TestApp::spawn().await;
    let section = app.section("Sport").await;
    let byline = app.author("Abel Author").await;
    let abel = user_token(app.store.as_ref(), "abel@example.com", "author").await;
    let bea = user_token(app.store.as_ref(), "bea@example.com", "author").await;
    let (_, draft) = app
        .api_as(
            &abel,
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Cup final", "body": "Kick-off at three.",
                "section": section["slug"], "authors": [byline["slug"]],
            })),
        )
        .await;
    let path = format!("/articles/{}", draft["id"]);
    for change in [
        json!({"version": 1, "status": "published"}),
        json!({"version": 1, "status": "scheduled", "published_at": "2031-07-17T11:32:00+03:00"}),
    ] {
        refused_by_role(&app, &bea, Method::PATCH, &path, change).await;
    }
    let (status, published) = app
        .api_as(
            &abel,
            Method::PATCH,
            &path,
            Some(json!({"version": 1, "status": "published"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an author publishes their own: {published}"
    );
}

#[tokio::test]
async fn the_editor_shows_a_live_story_read_only_to_its_contributor() {
    let app = TestApp::spawn().await;
    let cara = contributor_draft(&app, "Her words.").await;
    let session = app.sign_in("cara@example.com", PASSWORD).await;
    let editor_page = format!("/admin/articles/{}", cara.id);

    // Her draft: hers to save, autosave on.
    let (_, html) = session.page(&editor_page).await;
    assert!(text(&html, ".editor-actions button.primary").is_some());
    assert_eq!(
        attr(&html, "#editor", "data-autosave").as_deref(),
        Some("on")
    );
    assert!(text(&html, "[role=status]").is_none());

    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{}", cara.id),
            Some(json!({"version": 1, "status": "published"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    // Published: readable, with the reason and what to do, and nothing that can only fail.
    let (status, html) = session.page(&editor_page).await;
    assert_eq!(status, StatusCode::OK);
    let notice = text(&html, "[role=status]").expect("read-only notice");
    assert!(
        notice.contains("read-only") && notice.contains("Ask an editor"),
        "{notice}"
    );
    assert_eq!(
        text(&html, "textarea[name=body]").as_deref(),
        Some("Her words.")
    );
    assert!(
        text(&html, ".editor-actions button").is_none(),
        "no Save, no Preview"
    );
    assert!(attr(&html, "fieldset.editor-fields", "disabled").is_some());
    assert_eq!(
        attr(&html, "#editor", "data-autosave").as_deref(),
        Some("off")
    );
    assert_eq!(crate::helpers::count(&html, "a[href$=delete]"), 0);
    let (status, _) = session.page(&format!("{editor_page}/delete")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // An autosave from a tab opened before it went live is refused, its text reported back.
    let response = session
        .client
        .post(format!("{}{editor_page}", session.base))
        .header("origin", session.base.as_str())
        .header("x-csrf-token", session.csrf.as_str())
        .header(header::ACCEPT, "application/json")
        .form(&[
            ("title", "Harbour fees"),
            ("body", "Her words, autosaved."),
            ("section", cara.section.as_str()),
            ("authors", cara.author.as_str()),
            ("status", "draft"),
            ("version", "1"),
        ])
        .send()
        .await
        .expect("autosave");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let answer: Value = response.json().await.expect("json");
    assert_eq!(answer["saved"], false);
    let message = answer["message"].as_str().unwrap_or("");
    assert!(
        message.contains("Ask an editor") && !message.contains(".."),
        "{message}"
    );
    let (_, now) = app
        .api(Method::GET, &format!("/articles/{}", cara.id), None)
        .await;
    assert_eq!(now["body"], "Her words.");
}

#[tokio::test]
async fn a_contributor_saves_drafts_and_cannot_publish_from_the_editor() {
    let app = TestApp::spawn().await;
    let section = app.section("World").await;
    let author = app.author("Cara Contributor").await;
    user_token(app.store.as_ref(), "cara@example.com", "contributor").await;
    let cara = app.sign_in("cara@example.com", PASSWORD).await;
    let fields = [
        ("title", "My first piece"),
        ("body", "Words."),
        ("section", section["slug"].as_str().expect("slug")),
        ("authors", author["slug"].as_str().expect("slug")),
        ("status", "published"),
    ];
    let response = cara.post("/admin/articles", &fields).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = scraper::Html::parse_document(&response.text().await.expect("body"));
    assert_eq!(
        text(&html, "textarea[name=body]").as_deref(),
        Some("Words."),
        "the text is kept"
    );
    assert!(
        text(&html, "[role=alert]")
            .expect("message")
            .contains("drafts")
    );
    let mut fields = fields.to_vec();
    fields[4] = ("status", "draft");
    let response = cara.post("/admin/articles", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_form_past_the_limit_gets_a_page_saying_the_limit() {
    let app = TestApp::spawn().await;
    let article = app.published("Open for comments", "Body.").await;
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let huge = "x".repeat(5 * 1024 * 1024);
    let response = session
        .post(
            "/admin/articles",
            &[
                ("title", "Huge"),
                ("body", huge.as_str()),
                ("status", "draft"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let page = response.text().await.expect("page");
    assert!(
        page.contains("larger than the 4 MiB this address accepts"),
        "{page}"
    );

    // A reader's comment form too, with the readers' own limit.
    let huge = "x".repeat(3 * 1024 * 1024);
    let response = app
        .client
        .post(app.url(&format!(
            "/article/{}/comments",
            article["slug"].as_str().expect("slug")
        )))
        .header("origin", app.base.as_str())
        .form(&[("author_name", "Reader"), ("body", huge.as_str())])
        .send()
        .await
        .expect("an answer, not a dropped connection");
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let page = response.text().await.expect("page");
    assert!(
        page.contains("larger than the 2 MiB this address accepts"),
        "{page}"
    );
}

#[tokio::test]
async fn validation_errors_bring_the_editor_back_filled_in() {
    let app = TestApp::spawn().await;
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let fields = [
        ("title", ""),
        ("standfirst", "A standfirst worth keeping"),
        ("body", "A body worth keeping"),
        ("status", "scheduled"),
        ("publish_at", "not a time"),
    ];
    let response = session.post("/admin/articles", &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = scraper::Html::parse_document(&response.text().await.expect("body"));
    assert_eq!(
        text(&html, "textarea[name=body]").as_deref(),
        Some("A body worth keeping")
    );
    assert_eq!(
        text(&html, "textarea[name=standfirst]").as_deref(),
        Some("A standfirst worth keeping")
    );
    assert!(text(&html, ".field.has-error .error").is_some());

    // A scheduled article without a time is told so next to the time field.
    let fields = [
        ("title", "Later"),
        ("body", "Soon."),
        ("status", "scheduled"),
    ];
    let response = session.post("/admin/articles", &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = scraper::Html::parse_document(&response.text().await.expect("body"));
    assert!(
        text(&html, "#e-publish_at")
            .expect("message by the time field")
            .contains("time to publish"),
    );
}

#[tokio::test]
async fn a_scheduled_article_goes_live_at_its_time_even_across_a_restart() {
    let app = TestApp::spawn().await;
    let section = app.section("Business").await;
    let author = app.author("Sam Scheduler").await;
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    // The editor's time field is minutes in the site's zone; the API takes any instant.
    let at = Timestamp::now() + SignedDuration::from_secs(1);
    let (status, article) = app
        .api(
            Method::POST,
            "/articles",
            Some(json!({
                "title": "Markets open higher",
                "body": "Shares rose.",
                "section": section["slug"],
                "authors": [author["slug"]],
                "status": "scheduled",
                "published_at": at.to_string(),
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{article}");
    assert_eq!(article["status"], "scheduled");
    assert_eq!(
        app.get("/article/markets-open-higher").await.status(),
        StatusCode::NOT_FOUND
    );
    // The server goes down before the time comes and starts again after it.
    let app = app.restart().await;
    drop(session);
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let mut public = false;
    for _ in 0..30 {
        if app.get("/article/markets-open-higher").await.status() == StatusCode::OK {
            public = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(public, "published after the restart");
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    let publishes: Vec<&Value> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|e| e["action"] == "publish" && e["actor"] == "scheduler")
        .collect();
    assert_eq!(publishes.len(), 1, "{audit}");
}

#[tokio::test]
async fn scheduling_from_the_editor_uses_the_site_time_zone() {
    let app = TestApp::spawn_with(|s| {
        s.timezone = newsdesk::domain::SiteTimeZone::parse("Africa/Nairobi").expect("zone");
    })
    .await;
    let section = app.section("Sport").await;
    let author = app.author("Tess Timer").await;
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let fields = [
        ("title", "Derby day"),
        ("body", "Kick-off soon."),
        ("section", section["slug"].as_str().expect("slug")),
        ("authors", author["slug"].as_str().expect("slug")),
        ("status", "scheduled"),
        ("publish_at", "2099-07-17T11:32"),
    ];
    let response = session.post("/admin/articles", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let id: i64 = location(&response)
        .trim_start_matches("/admin/articles/")
        .split('?')
        .next()
        .expect("id")
        .parse()
        .expect("numeric id");
    let (_, article) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    assert_eq!(article["status"], "scheduled");
    assert_eq!(article["published_at"], "2099-07-17T11:32:00+03:00");
}

#[tokio::test]
async fn changed_slugs_redirect_for_articles_sections_tags_and_authors() {
    let app = TestApp::spawn().await;
    let article = app.published("Old headline", "Body.").await;
    let id = article["id"].as_i64().expect("id");
    let section = article["section"].clone();
    let author = article["authors"][0].clone();
    let (_, tag) = app
        .api(Method::POST, "/tags", Some(json!({"name": "Old Topic"})))
        .await;
    let session = app.sign_in("admin@example.com", PASSWORD).await;

    let version = loaded_version(&session, id).await;
    let response = session
        .post(
            &format!("/admin/articles/{id}"),
            &[
                ("title", "Old headline"),
                ("body", "Body."),
                ("section", section["slug"].as_str().expect("slug")),
                ("authors", author["slug"].as_str().expect("slug")),
                ("status", "published"),
                ("slug", "new-headline"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let cases = [
        (
            format!("/admin/sections/{}", section["id"]),
            vec![("name", "Renamed Section"), ("slug", "renamed-section")],
        ),
        (
            format!("/admin/tags/{}", tag["id"]),
            vec![("name", "New Topic"), ("slug", "new-topic")],
        ),
        (
            format!("/admin/authors/{}", author["id"]),
            vec![("name", "Renamed Writer"), ("slug", "renamed-writer")],
        ),
    ];
    for (path, fields) in &cases {
        let response = session.post(path, fields).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    }
    let expectations = [
        ("/article/old-headline".to_owned(), "/article/new-headline"),
        (
            format!("/section/{}", section["slug"].as_str().expect("s")),
            "/section/renamed-section",
        ),
        ("/tag/old-topic".to_owned(), "/tag/new-topic"),
        (
            format!("/author/{}", author["slug"].as_str().expect("s")),
            "/author/renamed-writer",
        ),
    ];
    for (old, new) in expectations {
        let response = app.get(&old).await;
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(location(&response), new);
        assert_eq!(app.get(new).await.status(), StatusCode::OK, "{new}");
    }
}

#[tokio::test]
async fn merging_tags_moves_the_articles_and_redirects_the_old_tag() {
    let app = TestApp::spawn().await;
    let article = app.published("Tagged story", "Body.").await;
    let id = article["id"].as_i64().expect("id");
    let (_, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"tags": ["Elections", "Votes"], "version": 1})),
        )
        .await;
    let (_, tags) = app.api(Method::GET, "/tags", None).await;
    let find = |name: &str| {
        tags["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|t| t["name"] == name)
            .expect("tag")["id"]
            .as_i64()
            .expect("id")
    };
    let (from, into) = (find("Votes"), find("Elections"));
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let response = session
        .post(
            &format!("/admin/tags/{from}/merge"),
            &[("into", &into.to_string())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, saved) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    let names: Vec<&str> = saved["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert_eq!(names, ["Elections"]);
    let response = app.get("/tag/votes").await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(location(&response), "/tag/elections");
}

#[tokio::test]
async fn revisions_compare_readably_and_restore_as_a_new_version() {
    let app = TestApp::spawn().await;
    let article = app
        .published("Flood warning", "Rivers are rising.\nStay away.")
        .await;
    let id = article["id"].as_i64().expect("id");
    app.api(
        Method::PATCH,
        &format!("/articles/{id}"),
        Some(json!({"title": "Flood warning lifted", "body": "Rivers are falling.\nStay away.", "version": 1})),
    )
    .await;
    let (_, revisions) = app
        .api(Method::GET, &format!("/articles/{id}/revisions"), None)
        .await;
    let newest = revisions["items"][0]["id"].as_i64().expect("id");
    let oldest = revisions["items"][1]["id"].as_i64().expect("id");
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let (status, html) = session
        .page(&format!(
            "/admin/articles/{id}/revisions/compare?from={oldest}&to={newest}"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    // The changed word is marked within its line; the unchanged last line stays unchanged.
    assert_eq!(text(&html, ".diff-changed del").as_deref(), Some("rising."));
    assert_eq!(
        text(&html, ".diff-changed ins").as_deref(),
        Some("falling.")
    );
    assert_eq!(crate::helpers::count(&html, ".diff-removed"), 0);
    assert_eq!(crate::helpers::count(&html, ".diff-added"), 0);
    assert_eq!(text(&html, ".diff-same").as_deref(), Some("Stay away."));
    assert!(
        text(&html, "table")
            .expect("fields")
            .contains("Flood warning lifted")
    );

    let response = session
        .post(
            &format!("/admin/articles/{id}/revisions/{oldest}/restore"),
            &[],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, saved) = app.api(Method::GET, &format!("/articles/{id}"), None).await;
    assert_eq!(saved["title"], "Flood warning");
    assert_eq!(
        saved["version"], 3,
        "a restore is a new version, not a rewind"
    );
    assert_eq!(saved["status"], "published");
}

#[tokio::test]
async fn the_audit_log_records_publishing_deleting_roles_and_settings() {
    let app = TestApp::spawn().await;
    let article = app.published("Audited story", "Body.").await;
    let id = article["id"].as_i64().expect("id");
    user_token(app.store.as_ref(), "writer@example.com", "author").await;
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let (_, users) = app.api(Method::GET, "/users", None).await;
    let writer = users["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|u| u["email"] == "writer@example.com")
        .expect("writer")["id"]
        .as_i64()
        .expect("id");
    session
        .post(&format!("/admin/people/{writer}"), &[("role", "editor")])
        .await;
    session
        .post(
            "/admin/settings",
            &[
                ("site_title", "The Daily Test"),
                ("timezone", "Europe/London"),
                ("per_page", "5"),
            ],
        )
        .await;
    session
        .post(&format!("/admin/articles/{id}/delete"), &[])
        .await;
    let (_, audit) = app.api(Method::GET, "/audit", None).await;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for expected in [
        "publish",
        "change role",
        "change settings",
        "delete article",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} missing from {actions:?}"
        );
    }
    let (status, html) = session.page("/admin/audit").await;
    assert_eq!(status, StatusCode::OK);
    assert!(text(&html, "table").expect("table").contains("editor"));
    // The settings are in force at once, on the public site too.
    let (_, home) = app.page("/").await;
    assert_eq!(text(&home, ".brand").as_deref(), Some("The Daily Test"));
    // Only admins read the log.
    let token = user_token(app.store.as_ref(), "ed@example.com", "editor").await;
    let (status, _) = app.api_as(&token, Method::GET, "/audit", None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_moderation_queue_shows_why_a_comment_waits_and_approving_publishes_it() {
    let app = TestApp::spawn().await;
    let article = app.published("Discussed story", "Body.").await;
    let id = article["id"].as_i64().expect("id");
    let comment = app
        .store
        .create_comment(
            &NewComment {
                article_id: id,
                parent_id: None,
                author_name: "Rita Reader".into(),
                author_email: None,
                body: "Held for a reason.".into(),
                status: CommentStatus::Pending,
                reason: Some("it has 3 links".into()),
                reader_id: None,
            },
            Timestamp::now(),
        )
        .await
        .expect("comment");
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let (_, html) = session.page("/admin/comments").await;
    assert!(text(&html, ".reason").expect("reason").contains("3 links"));
    let response = session
        .post(
            &format!("/admin/comments/{}", comment.id),
            &[("action", "edit"), ("body", "Edited by a moderator.")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = session
        .post(
            &format!("/admin/comments/{}", comment.id),
            &[("action", "approve")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.page("/article/discussed-story").await;
    assert!(
        text(&page, "main")
            .expect("main")
            .contains("Edited by a moderator.")
    );
}

#[tokio::test]
async fn the_preview_uses_the_public_renderer_and_strips_scripts() {
    let app = TestApp::spawn().await;
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let response = session
        .post(
            "/admin/preview",
            &[("body", "## Heading\n\n<script>alert(1)</script>*ok*")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("body");
    assert!(html.contains("<h2>") || html.contains("<h3>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    let (status, answer) = app
        .api(Method::POST, "/preview", Some(json!({"body": "*ok*"})))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(answer["html"], "<p><em>ok</em></p>\n");
}

#[tokio::test]
async fn with_a_relay_configured_the_reset_link_arrives_by_email() {
    let (port, inbox) = fake_smtp().await;
    let app = TestApp::spawn_with(|s| {
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        s.mail_from = Some("Newsroom <desk@example.com>".into());
    })
    .await;
    let browser = app.browser();
    let (_, html) = browser.page("/admin/password-reset").await;
    let csrf = attr(&html, "input[name=csrf]", "value").expect("token");
    for email in ["admin@example.com", "nobody@example.com"] {
        let response = browser
            .post_raw(
                "/admin/password-reset",
                &[("email", email)],
                Some(&csrf),
                true,
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let mut message = None;
    for _ in 0..50 {
        if let Some(first) = inbox.lock().expect("lock").first() {
            message = Some(first.clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let message = message.expect("an email reached the relay");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        inbox.lock().expect("lock").len(),
        1,
        "no email for an unknown address"
    );
    assert!(message.contains("To: admin@example.com"), "{message}");
    assert!(message.contains("desk@example.com"), "{message}");
    let text = message.replace("=\n", "");
    let start = text
        .find("/admin/password-reset/")
        .expect("link in the email");
    let link: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '-' || *c == '_')
        .collect();
    let (status, html) = browser.page(&link).await;
    assert_eq!(status, StatusCode::OK, "{link}");
    let csrf = attr(&html, "input[name=csrf]", "value").expect("token");
    let new_password = "mailed reset passphrase";
    let response = browser
        .post_raw(
            &link,
            &[("password", new_password), ("password_again", new_password)],
            Some(&csrf),
            true,
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    app.sign_in("admin@example.com", new_password).await;
}

#[tokio::test]
async fn the_newsroom_finds_articles_by_their_words_whatever_their_status() {
    let app = TestApp::spawn().await;
    let published = app
        .published("Ferry timetable changes", "Boats leave earlier.")
        .await;
    let section = published["section"]["slug"].clone();
    let author = published["authors"][0]["slug"].clone();
    let (status, _) = app
        .api(
            Method::POST,
            "/articles",
            Some(
                json!({"title": "Council budget draft", "body": "Talks about the ferry subsidy.",
                        "section": section, "authors": [author], "status": "draft"}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    app.published("Market day", "Stalls and fruit.").await;

    let (_, found) = app.api(Method::GET, "/articles?q=ferr", None).await;
    let mut titles: Vec<&str> = found["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    titles.sort();
    assert_eq!(titles, ["Council budget draft", "Ferry timetable changes"]);
    let (_, found) = app
        .api(Method::GET, "/articles?q=ferry&status=draft", None)
        .await;
    assert_eq!(found["total"], 1);
    // Whatever is typed, nothing is read as search syntax.
    let (status, found) = app
        .api(Method::GET, "/articles?q=%22ferry%20OR%20NEAR(", None)
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");

    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let (status, html) = session.page("/admin/articles?q=market").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(crate::helpers::count(&html, "table.list tbody tr"), 1);
    assert_eq!(
        attr(&html, "input[name=q]", "value").as_deref(),
        Some("market")
    );
}

#[tokio::test]
async fn an_image_without_a_description_cannot_go_public() {
    let app = TestApp::spawn().await;
    let article = app.published("Photo story", "Words.").await;
    let id = article["id"].as_i64().expect("id");
    let (status, refused) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"version": 1, "body": "Look:\n\n![](/static/favicon.svg)"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["errors"][0]["field"], "body");
    assert!(
        refused["errors"][0]["message"]
            .as_str()
            .expect("message")
            .contains("no description")
    );
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(json!({"version": 1, "status": "draft", "body": "Look:\n\n![](/static/favicon.svg)"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a draft may wait for its description"
    );
}

#[tokio::test]
async fn delete_confirmations_say_how_many_articles_are_affected() {
    let app = TestApp::spawn().await;
    let article = app.published("Counted story", "Body.").await;
    let section = article["section"]["id"].as_i64().expect("id");
    let author = article["authors"][0]["id"].as_i64().expect("id");
    let session = app.sign_in("admin@example.com", PASSWORD).await;
    let (_, html) = session
        .page(&format!("/admin/authors/{author}/delete"))
        .await;
    assert!(
        text(&html, "main")
            .expect("main")
            .contains("byline on 1 article")
    );
    let (_, html) = session
        .page(&format!("/admin/sections/{section}/delete"))
        .await;
    assert!(
        text(&html, "main")
            .expect("main")
            .contains("1 article(s) are filed under it")
    );
    let (_, html) = session.page("/admin/authors").await;
    assert!(text(&html, "table").expect("table").contains('1'));
    let refused = session
        .post(&format!("/admin/authors/{author}/delete"), &[])
        .await;
    assert_eq!(
        refused.status(),
        StatusCode::CONFLICT,
        "and deleting is refused with the reason"
    );
}
