//! `newsdesk backup` and `newsdesk restore`: a backup taken while writers keep the site busy
//! comes back whole (every write acknowledged before it began), sound (integrity, reaction
//! totals equal their rows, counts equal the manifest's), private, and working: it serves,
//! shows its photos and lets its people sign in. On SQLite and on PostgreSQL.

use std::io::Cursor;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use image::{DynamicImage, ImageFormat, RgbImage};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;

use crate::helpers::{PASSWORD, PgSchema, TestApp, sqlite_in_data_folder};
use crate::load::{
    Acknowledged, Burst, assert_nothing_lost, assert_one_moment, assert_sqlite_sound,
    assert_totals_equal_rows,
};
use newsdesk::config::{RateLimit, Settings};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

/// Limits no test writer reaches: the burst is the point.
fn busy(settings: &mut Settings) {
    let loose = RateLimit {
        burst: 1_000_000,
        per_minute: 1_000_000,
    };
    settings.reaction_limit = loose;
    settings.comment_limit = loose;
}

/// The command run as its own process on a site's data folder (and database), off the
/// test's threads so the server and the writers keep going meanwhile.
async fn newsdesk(data: &Path, database_url: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(BIN);
    command.arg("--data").arg(data);
    if let Some(url) = database_url {
        command.arg("--database-url").arg(url);
    }
    command.args(args).env_remove("NEWSDESK_DATABASE_URL");
    tokio::task::spawn_blocking(move || command.output().expect("run newsdesk"))
        .await
        .expect("join")
}

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A small photo, uploaded; answers its URL.
async fn upload_photo(app: &TestApp) -> String {
    let picture = DynamicImage::ImageRgb8(RgbImage::from_fn(400, 300, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 239) as u8])
    }));
    let mut png = Cursor::new(Vec::new());
    picture.write_to(&mut png, ImageFormat::Png).expect("png");
    let form = Form::new()
        .part(
            "file",
            Part::bytes(png.into_inner()).file_name("harbour.png"),
        )
        .text("alt", "The harbour at dawn");
    let response = app
        .client
        .post(app.url("/api/v1/media"))
        .bearer_auth(&app.token)
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(response.status(), StatusCode::CREATED);
    let media: Value = response.json().await.expect("json");
    media["variants"][0]["url"]
        .as_str()
        .expect("variant url")
        .to_owned()
}

/// Every file and folder of a backup is its owner's alone.
#[cfg(unix)]
fn assert_private(folder: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(folder)
        .expect("folder")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o700, "{} is mode {mode:o}", folder.display());
    for entry in std::fs::read_dir(folder).expect("read") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            assert_private(&path);
        } else {
            let mode = std::fs::metadata(&path).expect("file").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{} is mode {mode:o}", path.display());
        }
    }
}

#[cfg(not(unix))]
fn assert_private(_folder: &Path) {}

/// The whole story on one backend: a busy site backed up, restored elsewhere, checked.
/// `database_url` is the live site's database; `restore_into` names an empty database
/// for the restored site (`None`: the new data folder's SQLite file).
async fn backed_up_under_load(app: TestApp, database_url: &str, restore_into: Option<&str>) {
    let mut ids = Vec::new();
    for n in 0..3 {
        let article = app
            .published(&format!("Harbour story {n}"), "The harbour reopened.")
            .await;
        ids.push(article["id"].as_i64().expect("id"));
    }
    let photo = upload_photo(&app).await;

    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let burst = Burst::start(&app.base, &app.token, &ids, 7, &acknowledged);
    burst.until(&acknowledged, 30).await;
    let before = acknowledged.lock().expect("acknowledged").clone();
    let folder = tempfile::tempdir().expect("tempdir");
    let out = folder.path().join("backup");
    let out_arg = out.to_str().expect("path");
    let backup = newsdesk(
        app.data.path(),
        Some(database_url),
        &["backup", "--out", out_arg],
    )
    .await;
    let during = acknowledged.lock().expect("acknowledged").writes();
    burst.until(&acknowledged, during + 10).await;
    burst.stop().await;
    assert!(backup.status.success(), "{}", said(&backup));
    let acknowledged = acknowledged.lock().expect("acknowledged").clone();
    assert!(
        before.writes() >= 30 && acknowledged.writes() > before.writes(),
        "the site was busy before and during the backup: {} then {} writes",
        before.writes(),
        acknowledged.writes()
    );
    assert_eq!(acknowledged.unanswered, 0, "every write was answered");
    eprintln!(
        "backup under load: {} writes acknowledged before it began, {} by the end; {}",
        before.writes(),
        acknowledged.writes(),
        String::from_utf8_lossy(&backup.stdout).trim()
    );
    assert_private(&out);
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("manifest.json")).expect("manifest"),
    )
    .expect("manifest json");
    assert_eq!(manifest["format"], "newsdesk-backup");
    assert!(
        manifest["media"]["files"].as_u64().unwrap_or(0) > 1,
        "{manifest}"
    );

    // Back into a new, empty site.
    let fresh = tempfile::tempdir().expect("tempdir");
    let restored = newsdesk(fresh.path(), restore_into, &["restore", "--from", out_arg]).await;
    assert!(restored.status.success(), "{}", said(&restored));
    assert!(
        said(&restored).contains("every table matches the backup"),
        "{}",
        said(&restored)
    );
    let restored_url = restore_into
        .map(str::to_owned)
        .unwrap_or_else(|| format!("sqlite:{}", fresh.path().join("newsdesk.db").display()));
    if restored_url.starts_with("sqlite:") {
        assert_sqlite_sound(&restored_url).await;
    }
    assert_totals_equal_rows(&restored_url).await;
    assert_one_moment(&restored_url).await;

    // A second restore into the same site is refused, saying why.
    let again = newsdesk(fresh.path(), restore_into, &["restore", "--from", out_arg]).await;
    assert!(!again.status.success());
    let refusal = String::from_utf8_lossy(&again.stderr);
    let errors: Vec<&str> = refusal
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert!(
        errors.len() == 1 && errors[0].contains("empty"),
        "{refusal}"
    );

    let site = match restore_into {
        Some(url) => TestApp::spawn_on_database(fresh, url).await,
        None => TestApp::spawn_on_sqlite(fresh).await,
    };
    let counts = site.store.table_counts().await.expect("counts");
    for (table, n) in counts.iter() {
        assert_eq!(
            manifest["counts"][table].as_i64(),
            Some(*n),
            "{table} in the restored site"
        );
    }
    assert!(counts["reactions"] > 0 && counts["comments"] > 0);
    // Every write acknowledged before the backup began is in it.
    let token = newsdesk::newsroom::Newsroom::new(site.store.as_ref())
        .create_token("admin@example.com", "restored", jiff::Timestamp::now())
        .await
        .expect("token");
    assert_nothing_lost(&site.base, &token, &before).await;
    site.sign_in("admin@example.com", PASSWORD).await;
    let (status, _) = site.page("/").await;
    assert_eq!(status, StatusCode::OK);
    let response = site.get(&photo).await;
    assert_eq!(response.status(), StatusCode::OK, "the photo came back");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_under_load_restores_whole_and_sound_on_sqlite() {
    let app = TestApp::spawn_with(|settings| {
        sqlite_in_data_folder(settings);
        busy(settings);
    })
    .await;
    let url = format!("sqlite:{}", app.data.path().join("newsdesk.db").display());
    backed_up_under_load(app, &url, None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_backup_taken_under_load_restores_whole_and_sound_on_postgres() {
    let live = PgSchema::create().await;
    let url = live.url.clone();
    let app = TestApp::spawn_with(move |settings| {
        settings.database_url = url;
        busy(settings);
    })
    .await;
    let empty = PgSchema::create().await;
    backed_up_under_load(app, &live.url, Some(&empty.url)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_export_taken_under_load_is_one_moment_of_the_site() {
    let app = TestApp::spawn_with(|settings| {
        sqlite_in_data_folder(settings);
        busy(settings);
    })
    .await;
    let mut ids = Vec::new();
    for n in 0..3 {
        let article = app.published(&format!("Story {n}"), "Body.").await;
        ids.push(article["id"].as_i64().expect("id"));
    }
    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let burst = Burst::start(&app.base, &app.token, &ids, 11, &acknowledged);
    burst.until(&acknowledged, 30).await;
    let archive = app.data.path().join("site.ndjson");
    let archive_arg = archive.to_str().expect("path");
    let export = newsdesk(app.data.path(), None, &["export", "--out", archive_arg]).await;
    burst.stop().await;
    assert!(export.status.success(), "{}", said(&export));
    let fresh = tempfile::tempdir().expect("tempdir");
    let import = newsdesk(fresh.path(), None, &["import", "--in", archive_arg]).await;
    assert!(import.status.success(), "{}", said(&import));
    assert!(said(&import).contains("every table matches the archive"));
    let url = format!("sqlite:{}", fresh.path().join("newsdesk.db").display());
    assert_sqlite_sound(&url).await;
    assert_totals_equal_rows(&url).await;
    assert_one_moment(&url).await;
}

#[tokio::test]
async fn a_backup_is_not_written_into_a_folder_that_holds_something() {
    let app = TestApp::spawn_with(sqlite_in_data_folder).await;
    let folder = tempfile::tempdir().expect("tempdir");
    std::fs::write(folder.path().join("notes.txt"), "mine").expect("write");
    let out = newsdesk(
        app.data.path(),
        None,
        &["backup", "--out", folder.path().to_str().expect("path")],
    )
    .await;
    assert!(!out.status.success());
    assert!(said(&out).contains("is not empty"), "{}", said(&out));
    assert_eq!(
        std::fs::read_to_string(folder.path().join("notes.txt")).expect("kept"),
        "mine"
    );
}
