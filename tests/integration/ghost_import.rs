//! `newsdesk import ghost`: every Ghost export under shared/fixtures/ghost imported into a
//! site on the suite's backend, with the counts the test reads from each file with
//! serde_json; old addresses; a story's words; a second run; broken and hostile files
//! refused with nothing written. (tests/integration/ghost.rs is the Content API.)

use std::path::{Path, PathBuf};

use newsdesk::import::ghost;
use newsdesk::import::{self, Options, Report};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{PgSchema, TestApp, text};

fn fixtures() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/ghost");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 4);
    files
}

async fn import_file(app: &TestApp, path: &Path, dry_run: bool) -> anyhow::Result<Report> {
    let mut source = ghost::open(path, Some("https://old.example"))?;
    let options = Options {
        dry_run,
        batch: 3,
        ..Options::default()
    };
    let mut report = import::run(app.store.as_ref(), &mut source, &options, None).await?;
    source
        .finish(app.store.as_ref(), dry_run, &mut report)
        .await?;
    Ok(report)
}

fn data(path: &Path) -> Value {
    let whole: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
    whole["db"][0]["data"].clone()
}

fn is_page(post: &Value) -> bool {
    post["page"].as_bool() == Some(true)
        || post["page"].as_i64() == Some(1)
        || post["type"].as_str() == Some("page")
}

async fn every_fixture_on(make: impl AsyncFn() -> TestApp) {
    for path in fixtures() {
        let name = path.display().to_string();
        let data = data(&path);
        let posts: Vec<&Value> = data["posts"].as_array().expect("posts").iter().collect();
        let stories = posts.iter().filter(|p| !is_page(p)).count() as u64;
        let pages = posts
            .iter()
            .filter(|p| is_page(p) && p["status"] == "published")
            .count() as u64;
        let users = data["users"].as_array().expect("users").len() as u64;

        let app = make().await;
        let report = import_file(&app, &path, false)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e:#}"));
        let count = |kind: &str| report.counts.get(kind).copied().unwrap_or_default();
        assert_eq!(
            count("stories").created,
            stories,
            "{name}: {:#?}",
            report.counts
        );
        assert_eq!(count("pages").created, pages, "{name}");
        assert_eq!(count("staff").created, users, "{name}");
        assert_eq!(
            app.store.count_articles().await.expect("count") as u64,
            stories,
            "{name}"
        );
        // Old addresses: /slug/ and /author/slug/.
        let post = posts.iter().find(|p| !is_page(p)).expect("a post");
        let slug = post["slug"].as_str().expect("slug");
        let response = app.get(&format!("/{slug}/")).await;
        assert_eq!(
            response.status(),
            StatusCode::MOVED_PERMANENTLY,
            "{name} /{slug}/"
        );
        let location = response.headers()["location"]
            .to_str()
            .expect("location")
            .to_owned();
        assert_eq!(location, format!("/article/{slug}"), "{name}");
        assert_eq!(app.get(&location).await.status(), StatusCode::OK, "{name}");
        let user = &data["users"][0];
        let response = app
            .get(&format!(
                "/author/{}/",
                user["slug"].as_str().expect("slug")
            ))
            .await;
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{name}");
        // Bcrypt hashes kept as they are.
        let email =
            newsdesk::domain::Email::parse(user["email"].as_str().expect("email")).expect("email");
        let kept = app.store.user_by_email(&email).await.expect("user");
        assert!(kept.password_hash.starts_with("$2a$"), "{name}");

        // A second run adds nothing.
        let again = import_file(&app, &path, false).await.expect("again");
        for (kind, counts) in &again.counts {
            assert_eq!(counts.created, 0, "{name}: a second run made {kind}");
            assert_eq!(counts.updated, 0, "{name}: a second run changed {kind}");
        }
    }
}

#[tokio::test]
async fn every_ghost_export_imports_with_the_counts_the_file_gives() {
    every_fixture_on(TestApp::spawn).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn every_ghost_export_imports_on_postgres() {
    let schemas = std::sync::Mutex::new(Vec::new());
    every_fixture_on(async || {
        let schema = PgSchema::create().await;
        let url = schema.url.clone();
        schemas.lock().expect("lock").push(schema);
        TestApp::spawn_on_database(tempfile::tempdir().expect("temp dir"), &url).await
    })
    .await;
}

#[tokio::test]
async fn a_ghost_story_reads_word_for_word_and_featured_posts_lead() {
    let app = TestApp::spawn().await;
    let path = fixtures()
        .into_iter()
        .find(|p| p.ends_with("v2_export.json"))
        .expect("v2");
    let report = import_file(&app, &path, false).await.expect("import");
    let data = data(&path);
    // The post whose HTML is plainest: paragraphs only.
    let post = data["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .filter(|p| !is_page(p) && p["html"].is_string())
        .min_by_key(|p| {
            let html = p["html"].as_str().unwrap_or("");
            html.matches('<').count() - 2 * html.matches("<p>").count()
        })
        .expect("a post");
    let html = post["html"].as_str().expect("html");
    let plain = visible_text(html);
    let wanted = words(&plain);
    let slug = post["slug"].as_str().expect("slug");
    let (status, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    let body = text(&page, "div.body").expect("body");
    let shown = words(&body);
    let differ = shown.iter().zip(&wanted).position(|(a, b)| a != b);
    assert!(
        differ.is_none() && shown.len() == wanted.len(),
        "{slug}: the page's words differ from Ghost's at word {differ:?}: page {:?} / Ghost {:?}; {:#?}",
        differ.map(|at| &shown[at.saturating_sub(3)..(at + 5).min(shown.len())]),
        differ.map(|at| &wanted[at.saturating_sub(3)..(at + 5).min(wanted.len())]),
        report.lines
    );
    // The primary tag is the section; its old tag address leads there.
    let tag = &data["tags"][0];
    let response = app
        .get(&format!("/tag/{}/", tag["slug"].as_str().expect("slug")))
        .await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
}

#[tokio::test]
async fn broken_and_hostile_ghost_files_are_refused_with_nothing_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = std::fs::read_to_string(&fixtures()[0]).expect("fixture");
    let mut invalid = good.clone().into_bytes();
    let at = invalid.len() / 2;
    invalid[at] = 0xff;
    let mut big: Value = serde_json::from_str(&good).expect("json");
    big["db"][0]["data"]["posts"][0]["html"] = Value::String("a".repeat(50 * 1024 * 1024));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "cut short",
        ),
        ("invalid-utf8", invalid, "UTF-8"),
        ("50mb", serde_json::to_vec(&big).expect("json"), "MB"),
        (
            "not-ghost",
            b"{\"hello\": 1}".to_vec(),
            "not a Ghost export",
        ),
    ];
    let app = TestApp::spawn().await;
    for (name, bytes, words) in cases {
        let path = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, bytes).expect("write");
        let error = import_file(&app, &path, false)
            .await
            .expect_err(name)
            .to_string();
        assert!(error.contains(words), "{name}: {error}");
        assert!(error.contains("nothing was imported"), "{name}: {error}");
        assert_eq!(
            app.store.count_articles().await.expect("count"),
            0,
            "{name}"
        );
    }
}

/// The words of some text, with the typographic quotes and dashes the site's Markdown
/// renderer makes written plain, so a source's words compare with the page's.
fn words(text: &str) -> Vec<String> {
    text.replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace('\u{2013}', "-")
        .replace('\u{2014}', "---")
        .replace('\u{2026}', "...")
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The text a browser shows of some HTML: blocks apart, inline elements joined.
fn visible_text(html: &str) -> String {
    let mut spaced = html.to_owned();
    for tag in [
        "</p>",
        "</h1>",
        "</h2>",
        "</h3>",
        "</h4>",
        "</h5>",
        "</h6>",
        "</li>",
        "</pre>",
        "</blockquote>",
        "</figcaption>",
        "</td>",
        "</th>",
        "<br",
        "<hr",
        "<img",
        "<p>",
    ] {
        spaced = spaced.replace(tag, &format!(" {tag}"));
    }
    scraper::Html::parse_fragment(&spaced)
        .root_element()
        .text()
        .collect::<String>()
}
