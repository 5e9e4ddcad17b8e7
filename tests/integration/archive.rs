//! `newsdesk export` and `newsdesk import`: a whole site moved to a fresh data folder, with
//! every table's count checked and the site working the same afterwards.

use std::process::Command;

use jiff::Timestamp;
use newsdesk::domain::ReactionKind;
use newsdesk::store::{CommentStatus, NewComment};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{PASSWORD, PgSchema, TestApp, sqlite_in_data_folder, text, user_token};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

fn newsdesk(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    newsdesk_on(data, None, args)
}

/// The command on a data folder, and on a database other than the folder's SQLite file.
fn newsdesk_on(
    data: &std::path::Path,
    database_url: Option<&str>,
    args: &[&str],
) -> std::process::Output {
    let mut command = Command::new(BIN);
    command.arg("--data").arg(data);
    if let Some(url) = database_url {
        command.arg("--database-url").arg(url);
    }
    command
        .args(args)
        .env_remove("NEWSDESK_DATABASE_URL")
        .output()
        .expect("run newsdesk")
}

/// A site with a bit of everything, stopped and exported.
struct Exported {
    app: TestApp,
    archive: std::path::PathBuf,
    before: newsdesk::store::TableCounts,
    reactions_before: serde_json::Value,
    id: i64,
}

/// Archives are about data folders: these sites stay on SQLite whatever backend the suite
/// runs on (moving to PostgreSQL has its own test).
async fn exported_site() -> Exported {
    let app = TestApp::spawn_with(sqlite_in_data_folder).await;
    let article = app
        .published("Harbour reopens", "The harbour reopened today.")
        .await;
    let id = article["id"].as_i64().expect("id");
    let (status, _) = app
        .api(
            Method::PATCH,
            &format!("/articles/{id}"),
            Some(
                json!({"version": 1, "slug": "harbour-open-again", "tags": ["Transport", "Port"]}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    for (reader, kind) in [
        ("a".repeat(32), "love"),
        ("b".repeat(32), "wow"),
        ("c".repeat(32), "love"),
    ] {
        app.store
            .set_reaction(
                id,
                &reader,
                Some(&ReactionKind::parse(kind).expect("kind")),
                Timestamp::now(),
            )
            .await
            .expect("reaction");
    }
    for (body, status) in [
        ("Great news.", CommentStatus::Approved),
        ("Spam spam.", CommentStatus::Spam),
    ] {
        app.store
            .create_comment(
                &NewComment {
                    article_id: id,
                    parent_id: None,
                    author_name: "Reader".into(),
                    author_email: None,
                    body: body.into(),
                    status,
                    reason: None,
                    reader_id: None,
                },
                Timestamp::now(),
            )
            .await
            .expect("comment");
    }
    user_token(app.store.as_ref(), "writer@example.com", "author").await;
    app.api(
        Method::PATCH,
        "/settings",
        Some(json!({"site_title": "The Moved Daily"})),
    )
    .await;
    let before = app.store.table_counts().await.expect("counts");
    let (_, reactions_before) = app
        .api(Method::GET, &format!("/articles/{id}/reactions"), None)
        .await;

    let mut app = app;
    app.stop().await;
    let archive = app.data.path().join("site.ndjson");
    let out = newsdesk(
        app.data.path(),
        &["export", "--out", archive.to_str().expect("path")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 articles"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&archive)
            .expect("archive")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the archive is readable by its owner only");
    }
    Exported {
        app,
        archive,
        before,
        reactions_before,
        id,
    }
}

#[tokio::test]
async fn a_whole_site_moves_to_a_new_data_folder_and_works_the_same() {
    // The archive is in the old site's data folder, kept until the end.
    let Exported {
        app: _old,
        archive,
        before,
        reactions_before,
        id,
    } = exported_site().await;
    let moved = tempfile::tempdir().expect("tempdir");
    let out = newsdesk(
        moved.path(),
        &["import", "--in", archive.to_str().expect("path")],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("every table matches the archive"),
        "{stdout}"
    );

    // Importing again into the now full site is refused, and says why.
    let again = newsdesk(
        moved.path(),
        &["import", "--in", archive.to_str().expect("path")],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("import into an empty site"));

    let site = TestApp::spawn_on_sqlite(moved).await;
    works_the_same(&site, &before, &reactions_before, id).await;
}

/// The moved site has every record, and readers and the newsroom find what they found.
async fn works_the_same(
    site: &TestApp,
    before: &newsdesk::store::TableCounts,
    reactions_before: &serde_json::Value,
    id: i64,
) {
    assert_eq!(&site.store.table_counts().await.expect("counts"), before);
    let (status, page) = site.page("/article/harbour-open-again").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text(&page, "h1").as_deref(), Some("Harbour reopens"));
    assert_eq!(text(&page, ".brand").as_deref(), Some("The Moved Daily"));
    assert_eq!(
        site.get("/article/harbour-reopens").await.status(),
        StatusCode::MOVED_PERMANENTLY,
        "old addresses still redirect"
    );
    let (_, reactions_after) = site
        .api_as("", Method::GET, &format!("/articles/{id}/reactions"), None)
        .await;
    assert_eq!(&reactions_after["counts"], &reactions_before["counts"]);
    assert_eq!(reactions_after["counts"]["love"], 2);
    let (_, found) = site
        .api_as("", Method::GET, "/search?q=harbour", None)
        .await;
    assert_eq!(found["total"], 1, "the search index was rebuilt: {found}");
    // People sign in with the same passwords.
    site.sign_in("admin@example.com", PASSWORD).await;
    site.sign_in("writer@example.com", PASSWORD).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_site_moves_from_sqlite_to_postgres_and_back() {
    let Exported {
        app,
        archive,
        before,
        reactions_before,
        id,
    } = exported_site().await;
    let schema = PgSchema::create().await;
    let archive = archive.to_str().expect("path");
    let out = newsdesk_on(
        app.data.path(),
        Some(&schema.url),
        &["import", "--in", archive],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("every table matches the archive"),
        "{stdout}"
    );
    let mut site =
        TestApp::spawn_on_database(tempfile::tempdir().expect("tempdir"), &schema.url).await;
    works_the_same(&site, &before, &reactions_before, id).await;
    // New records continue after the imported ids.
    site.token = newsdesk::newsroom::Newsroom::new(site.store.as_ref())
        .create_token("admin@example.com", "test", Timestamp::now())
        .await
        .expect("token");
    let article = site
        .published("After the move", "Written on PostgreSQL.")
        .await;
    assert!(article["id"].as_i64().expect("id") > id);
    site.stop().await;

    // And back: PostgreSQL's archive restores into SQLite with the same counts.
    let back = tempfile::tempdir().expect("tempdir");
    let from_pg = back.path().join("from-postgres.ndjson");
    let out = newsdesk_on(
        app.data.path(),
        Some(&schema.url),
        &["export", "--out", from_pg.to_str().expect("path")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = newsdesk(
        back.path(),
        &["import", "--in", from_pg.to_str().expect("path")],
    );
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let returned = TestApp::spawn_on_sqlite(back).await;
    let counts = returned.store.table_counts().await.expect("counts");
    assert_eq!(counts["articles"], before["articles"] + 1);
    assert_eq!(counts["reactions"], before["reactions"]);
    assert_eq!(counts["comments"], before["comments"]);
    assert_eq!(counts["users"], before["users"]);
    returned.sign_in("writer@example.com", PASSWORD).await;
    let (status, _) = returned.page("/article/after-the-move").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_cut_off_archive_imports_nothing() {
    let mut app = TestApp::spawn_with(sqlite_in_data_folder).await;
    app.published("Story", "Body.").await;
    app.stop().await;
    let archive = app.data.path().join("site.ndjson");
    let out = newsdesk(
        app.data.path(),
        &["export", "--out", archive.to_str().expect("path")],
    );
    assert!(out.status.success());
    let text = std::fs::read_to_string(&archive).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let cut = app.data.path().join("cut.ndjson");
    std::fs::write(&cut, lines[..lines.len() - 3].join("\n")).expect("write");

    let fresh = tempfile::tempdir().expect("tempdir");
    let out = newsdesk(
        fresh.path(),
        &["import", "--in", cut.to_str().expect("path")],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cut off") && stderr.contains("nothing was imported"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("cut off").count(), 1, "said once: {stderr}");
    assert_eq!(
        stderr.matches("nothing was imported").count(),
        1,
        "{stderr}"
    );
    let site = TestApp::spawn_on_sqlite(fresh).await;
    let counts = site.store.table_counts().await.expect("counts");
    assert_eq!(counts["articles"], 0);
    assert_eq!(counts["users"], 0);
}
