//! `newsdesk import varient`: the fixture Varient 2.2 database (shared/fixtures/varient)
//! loaded into the MariaDB server at 127.0.0.1:3306, a database per test, imported into a
//! site on the suite's backend (SQLite, or PostgreSQL with NEWSDESK_TEST_BACKEND=postgres).
//! Without MariaDB these tests say so and pass, unless NEWSDESK_REQUIRE_MARIADB=1 (CI),
//! where a missing server fails them.

use std::collections::BTreeMap;

use newsdesk::import::varient::{self, Language};
use newsdesk::import::{self, Options, Report};
use reqwest::{Method, StatusCode};
use sqlx::Connection;
use sqlx::mysql::MySqlConnection;

use crate::helpers::{TestApp, text};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

fn server_url() -> String {
    std::env::var("NEWSDESK_TEST_MARIADB").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306".into())
}

fn fixture() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/varient/varient-basic.sql"
    );
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("the fixture {path}: {error}"))
}

/// A database of its own on the MariaDB server, holding the fixture; dropped when the
/// guard goes.
struct VarientDb {
    name: String,
    url: String,
}

impl VarientDb {
    /// `None` (and a line saying so) when no MariaDB answers, unless it is required.
    async fn create() -> Option<VarientDb> {
        Self::create_with(&fixture()).await
    }

    async fn create_with(dump: &str) -> Option<VarientDb> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let mut admin = match MySqlConnection::connect(&server_url()).await {
            Ok(conn) => conn,
            Err(error) => {
                if std::env::var("NEWSDESK_REQUIRE_MARIADB").as_deref() == Ok("1") {
                    panic!(
                        "MariaDB is required (NEWSDESK_REQUIRE_MARIADB=1) but {} does not answer: {error}",
                        server_url()
                    );
                }
                eprintln!("SKIPPED: no MariaDB at {}: {error}", server_url());
                return None;
            }
        };
        let name = format!(
            "nd_v_{}_{}_{}",
            jiff::Timestamp::now().as_second(),
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        sqlx::raw_sql(&format!(
            "CREATE DATABASE `{name}` CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci"
        ))
        .execute(&mut admin)
        .await
        .expect("create database");
        let url = format!("{}/{name}", server_url());
        let db = VarientDb { name, url };
        if !dump.is_empty() {
            db.execute(dump).await;
        }
        Some(db)
    }

    async fn execute(&self, sql: &str) {
        let mut conn = MySqlConnection::connect(&self.url).await.expect("connect");
        sqlx::raw_sql(sql)
            .execute(&mut conn)
            .await
            .expect("run SQL");
    }
}

impl Drop for VarientDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        let done = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async move {
                if let Ok(mut admin) = MySqlConnection::connect(&server_url()).await {
                    let _ = sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS `{name}`"))
                        .execute(&mut admin)
                        .await;
                }
            });
        });
        let _ = done.join();
    }
}

async fn import_into(app: &TestApp, db: &VarientDb, dry_run: bool) -> Report {
    let mut source = varient::open(&db.url, &Language::Default, None)
        .await
        .expect("open the Varient database");
    let options = Options {
        dry_run,
        batch: 7,
        ..Options::default()
    };
    import::run(app.store.as_ref(), &mut source, &options, None)
        .await
        .expect("import")
}

fn created(report: &Report) -> BTreeMap<String, u64> {
    report
        .counts
        .iter()
        .map(|(kind, counts)| (kind.clone(), counts.created))
        .collect()
}

fn has_line(report: &Report, kind: &str, id: &str, words: &str) -> bool {
    report
        .lines
        .iter()
        .any(|l| l.kind == kind && l.source_id == id && l.reason.contains(words))
}

/// The words of some HTML or page text, with typographic quotes and dashes made plain.
fn words(text: &str) -> Vec<String> {
    let plain: String = text
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{2018}', '\u{2019}'], "'")
        .replace('\u{2013}', "-");
    plain.split_whitespace().map(str::to_owned).collect()
}

fn strip_tags(html: &str) -> String {
    let fragment = scraper::Html::parse_fragment(html);
    fragment.root_element().text().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn a_varient_site_arrives_whole_and_a_second_run_adds_only_what_is_new() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let report = import_into(&app, &db, false).await;

    // Counts per kind.
    let made = created(&report);
    assert_eq!(made["categories"], 6, "{:?}", report.counts);
    assert_eq!(made["staff"], 3);
    assert_eq!(made["stories"], 25);
    assert_eq!(made["comments"], 30);
    assert_eq!(made["reactions"], 21);
    assert_eq!(report.counts["reader accounts"].read, 1);
    assert_eq!(app.store.count_articles().await.expect("count"), 25);

    // A story reads word for word as on Varient.
    let (status, page) = app
        .page("/article/kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season")
        .await;
    assert_eq!(status, StatusCode::OK);
    let body = text(&page, "div.body").expect("the story's body");
    let source = "Farmers in Kilifi County are counting heavy losses after the short rains failed for a second season in a row, leaving maize and cowpea fields withered across Ganze and Magarini. Kahindi Chengo, a father of six from Bamba, said he planted two acres of maize in October but harvested \"not even a single bag\". \"We have sold three goats since December just to buy flour. If the long rains also fail, we do not know what we will do,\" he told the Kilima Courier. Relief food The county agriculture office said it had registered more than 9,000 households for relief food and would distribute drought-tolerant sorghum seed before the March planting season. Residents, however, complained that the distribution lists had left out many needy families.";
    let shown = words(&body);
    let wanted = words(source);
    assert!(
        shown.windows(wanted.len()).any(|w| w == wanted.as_slice()),
        "the page's words differ from Varient's:\n{}",
        shown.join(" ")
    );

    // The HTML edge cases of post 17: the script is gone, the table stays, YouTube is a line.
    let mut mysql = MySqlConnection::connect(&db.url).await.expect("connect");
    let (slug17, html17): (String, String) =
        sqlx::query_as("SELECT title_slug, CAST(content AS CHAR) FROM posts WHERE id = 17")
            .fetch_one(&mut mysql)
            .await
            .expect("post 17");
    let response = app.get(&format!("/article/{slug17}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("page");
    assert!(html.contains("<table"), "the table was lost");
    assert!(!html.contains("<script>alert") && !html.contains("document.write"));
    assert!(
        has_line(&report, "post", "17", "dropped a <script>"),
        "{:#?}",
        report.lines
    );
    let plain17 = strip_tags(&html17);
    assert!(plain17.split_whitespace().count() > 10);

    // Old addresses answer 301, and where they lead answers 200.
    for (old, new) in [
        (
            "/kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season",
            "/article/kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season",
        ),
        ("/category/news", "/section/news"),
        ("/news/counties", "/section/news/counties"),
        ("/category/counties", "/section/news/counties"),
        ("/sports/football", "/section/sports/football"),
        ("/profile/baraka-mwangi", "/author/baraka-mwangi"),
        ("/rss/latest-posts", "/feed.xml"),
        ("/rss/category/business", "/section/business/feed.xml"),
    ] {
        let response = app.get(old).await;
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        let location = response.headers()["location"].to_str().expect("location");
        assert_eq!(location, new, "{old}");
        assert_eq!(app.get(new).await.status(), StatusCode::OK, "{new}");
    }
    assert_eq!(
        app.get("/no-such-post-anywhere").await.status(),
        StatusCode::NOT_FOUND
    );

    // Staff sign in with their Varient passwords, and are rehashed with Argon2id.
    let email =
        newsdesk::domain::Email::parse("baraka.mwangi@kilimacourier.example").expect("email");
    let before = app.store.user_by_email(&email).await.expect("author");
    assert!(before.password_hash.starts_with("$2y$"));
    assert_eq!(before.role, newsdesk::domain::Role::Author);
    app.sign_in("baraka.mwangi@kilimacourier.example", "author-pass-2024")
        .await;
    let after = app.store.user_by_email(&email).await.expect("author");
    assert!(
        after.password_hash.starts_with("$argon2id$"),
        "not rehashed"
    );
    app.sign_in("baraka.mwangi@kilimacourier.example", "author-pass-2024")
        .await;
    let admin = newsdesk::domain::Email::parse("admin@kilimacourier.example").expect("email");
    assert_eq!(
        app.store.user_by_email(&admin).await.expect("admin").role,
        newsdesk::domain::Role::Admin
    );

    // Reaction totals start from Varient's and stay exact.
    let first = app
        .store
        .article_by_id(
            slug_id(
                &app,
                "kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season",
            )
            .await,
        )
        .await
        .expect("post 1");
    let counts = app.store.reaction_counts(first.id).await.expect("counts");
    assert_eq!(counts.get("like"), Some(&14));
    assert_eq!(counts.get("sad"), Some(&22));
    assert_eq!(counts.get("dislike"), None);
    let like = newsdesk::domain::ReactionKind::parse("like").expect("kind");
    let after = app
        .store
        .set_reaction(first.id, "reader-1", Some(&like), jiff::Timestamp::now())
        .await
        .expect("react");
    assert_eq!(after.get("like"), Some(&15));
    // The read count carries Varient's pageviews.
    assert_eq!(
        app.store.article_view_total(first.id).await.expect("reads"),
        1843
    );

    // Comment threads and approval.
    let comments = app
        .store
        .article_comments(first.id)
        .await
        .expect("comments");
    assert_eq!(comments.len(), 3);
    assert_eq!(comments[1].parent_id, Some(comments[0].id));
    assert_eq!(comments[1].depth, 1);
    let pending = app
        .store
        .list_comments(
            Some(newsdesk::store::CommentStatus::Pending),
            newsdesk::store::Page {
                number: 1,
                per_page: 100,
            },
        )
        .await
        .expect("pending");
    assert_eq!(pending.total, 5);

    // The report's lines.
    assert!(has_line(&report, "comment", "21", "emoji"));
    assert!(
        report
            .lines
            .iter()
            .any(|l| l.reason.contains("waiting for approval"))
    );
    // What waited for approval on Varient waits in the review queue here.
    let (status, queue) = app
        .api(reqwest::Method::GET, "/articles?status=review", None)
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{queue}");
    let waiting = report
        .lines
        .iter()
        .filter(|l| l.reason.contains("waiting for approval"))
        .count();
    assert_eq!(queue["total"], waiting as i64, "{queue}");
    assert!(
        report
            .lines
            .iter()
            .any(|l| l.reason.contains("post type trivia_quiz"))
    );

    // A second run adds nothing.
    let again = import_into(&app, &db, false).await;
    assert!(
        created(&again).values().all(|n| *n == 0),
        "{:?}",
        again.counts
    );
    assert_eq!(again.counts["stories"].unchanged, 25);
    assert_eq!(app.store.count_articles().await.expect("count"), 25);

    // Rows added on Varient between runs arrive on the next one; changes follow.
    db.execute(
        "INSERT INTO posts (id, lang_id, title, title_slug, keywords, summary, content, category_id, \
         image_big, image_default, image_url, pageviews, is_breaking, visibility, status, post_type, \
         user_id, created_at) VALUES (101, 1, 'Ferry fares rise on Monday', 'ferry-fares-rise-on-monday', \
         '', 'The new fares start next week.', '<p>Fares on the Likoni ferry rise on Monday.</p>', 1, \
         '', '', '', 5, 0, 1, 1, 'article', 3, '2024-12-01 08:00:00'); \
         INSERT INTO comments (id, parent_id, post_id, user_id, email, name, comment, status, created_at) \
         VALUES (101, 0, 101, 0, 'late@mail.example', 'Late', 'Too expensive.', 1, '2024-12-01 09:00:00'); \
         UPDATE reactions SET re_like = 20 WHERE post_id = 1; \
         UPDATE comments SET status = 1 WHERE id = 30;",
    )
    .await;
    // A story deleted here is not brought again, nor are its comments and reactions.
    let deleted = slug_id(
        &app,
        "nakuru-county-rolls-out-cashless-payment-for-market-fees",
    )
    .await;
    app.store.delete_article(deleted).await.expect("delete");
    db.execute(
        "UPDATE posts SET summary = 'Changed on Varient.' WHERE id = 2; \
         UPDATE reactions SET re_wow = 9 WHERE post_id = 2;",
    )
    .await;
    let third = import_into(&app, &db, false).await;
    assert!(
        has_line(&third, "post", "2", "deleted here"),
        "{:#?}",
        third.lines
    );
    assert_eq!(third.counts["stories"].created, 1, "{:?}", third.counts);
    assert_eq!(third.counts["comments"].created, 1);
    assert_eq!(third.counts["comments"].updated, 1);
    assert_eq!(third.counts["reactions"].updated, 1);
    // 20 from Varient plus the one given here.
    let counts = app.store.reaction_counts(first.id).await.expect("counts");
    assert_eq!(counts.get("like"), Some(&21));
    let response = app.get("/ferry-fares-rise-on-monday").await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        app.get("/article/ferry-fares-rise-on-monday")
            .await
            .status(),
        StatusCode::OK
    );
}

async fn slug_id(app: &TestApp, slug: &str) -> i64 {
    app.store
        .public_article_by_slug(slug, jiff::Timestamp::now())
        .await
        .expect("article")
        .id
}

#[tokio::test]
async fn a_dry_run_reads_and_reports_without_writing() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let report = import_into(&app, &db, true).await;
    assert_eq!(report.counts["stories"].created, 25);
    assert_eq!(report.counts["comments"].created, 30);
    assert_eq!(app.store.count_articles().await.expect("count"), 0);
    assert_eq!(app.store.list_sections().await.expect("sections").len(), 0);
    assert_eq!(
        app.get("/category/news").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn bad_input_gets_one_clear_message() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    let message = |result: anyhow::Result<varient::Varient>| match result {
        Ok(_) => panic!("should be refused"),
        Err(error) => format!("{error:#}"),
    };
    // Wrong credentials.
    let wrong = db
        .url
        .replace("mysql://root@", "mysql://root:wrong-password@");
    let refused = message(varient::open(&wrong, &Language::Default, None).await);
    assert!(refused.contains("user name or password"), "{refused}");
    // Nobody listening.
    let nowhere =
        message(varient::open("mysql://root@127.0.0.1:9/x", &Language::Default, None).await);
    assert!(nowhere.contains("could not reach MySQL"), "{nowhere}");
    // A language the site does not have.
    let language = message(varient::open(&db.url, &Language::Code("fr".into()), None).await);
    assert!(language.contains("no language \"fr\""), "{language}");
    // Not a Varient database.
    let empty = VarientDb::create_with("CREATE TABLE wp_posts (ID INT);")
        .await
        .expect("db");
    let other = message(varient::open(&empty.url, &Language::Default, None).await);
    assert!(other.contains("is not a Varient database"), "{other}");
    // Varient 2.4's layout: renamed slugs, flags moved out.
    db.execute(
        "ALTER TABLE posts CHANGE title_slug slug VARCHAR(500); \
         CREATE TABLE post_selections (id INT);",
    )
    .await;
    let newer = message(varient::open(&db.url, &Language::Default, None).await);
    assert!(newer.contains("posts.title_slug"), "{newer}");
    assert!(newer.contains("2.4"), "{newer}");
}

#[tokio::test]
async fn the_command_line_imports_writes_the_report_and_keeps_the_archive_form() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    let data = tempfile::tempdir().expect("data");
    let site = match std::env::var("NEWSDESK_TEST_BACKEND").as_deref() {
        Ok("postgres") => None,
        _ => Some(data.path()),
    };
    let Some(site) = site else {
        // The command line is the same on PostgreSQL; the SQLite run covers it.
        return;
    };
    let report_file = data.path().join("report.tsv");
    let run = |args: &[&str]| {
        std::process::Command::new(BIN)
            .args(["--data", site.to_str().expect("path")])
            .args(args)
            .env("NEWSDESK_LOG", "warn")
            .output()
            .expect("run newsdesk")
    };
    let migrate = run(&["migrate"]);
    assert!(
        migrate.status.success(),
        "{}",
        String::from_utf8_lossy(&migrate.stderr)
    );
    let out = run(&[
        "import",
        "varient",
        "--mysql",
        &db.url,
        "--report",
        report_file.to_str().expect("path"),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("stories: 25 read, 25 new"), "{stdout}");
    let written = std::fs::read_to_string(&report_file).expect("report");
    assert!(written.starts_with("kind\tsource_id\treason\n"));
    assert!(
        written.contains("post\t17\tdropped a <script>"),
        "{written}"
    );

    let dry = run(&["import", "varient", "--mysql", &db.url, "--dry-run"]);
    let stdout = String::from_utf8_lossy(&dry.stdout);
    assert!(
        stdout.contains("stories: 25 read, 0 new, 0 updated, 25 unchanged"),
        "{stdout}"
    );
    assert!(stdout.contains("Dry run"));

    let bad = run(&[
        "import",
        "varient",
        "--mysql",
        "mysql://root:nope@127.0.0.1:3306/x",
    ]);
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("user name or password"), "{stderr}");

    // `import archive --in` and the older `import --in` both restore an archive.
    let archive = data.path().join("site.jsonl");
    let export = run(&["export", "--out", archive.to_str().expect("path")]);
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let mut restored = Vec::new();
    for form in [&["import", "archive", "--in"][..], &["import", "--in"][..]] {
        let target = tempfile::tempdir().expect("target");
        let output = std::process::Command::new(BIN)
            .args(["--data", target.path().to_str().expect("path")])
            .args(form)
            .arg(&archive)
            .env("NEWSDESK_LOG", "warn")
            .output()
            .expect("run");
        assert!(
            output.status.success(),
            "{form:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        restored.push(target);
    }

    // The restored site keeps the import's tables: old addresses answer, reaction totals
    // keep their starting counts, and a further import finds what it brought.
    let moved = TestApp::spawn_on_sqlite(restored.remove(0)).await;
    for (old, new) in [
        (
            "/kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season",
            "/article/kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season",
        ),
        ("/news/counties", "/section/news/counties"),
        ("/profile/baraka-mwangi", "/author/baraka-mwangi"),
        ("/rss", "/feed.xml"),
    ] {
        let response = moved.get(old).await;
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(response.headers()["location"], new, "{old}");
    }
    let first = slug_id(
        &moved,
        "kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season",
    )
    .await;
    let counts = moved.store.reaction_counts(first).await.expect("counts");
    assert_eq!(counts.get("like"), Some(&14));
    assert_eq!(counts.get("sad"), Some(&22));
    let again = import_into(&moved, &db, false).await;
    assert!(
        created(&again).values().all(|n| *n == 0),
        "{:?}",
        again.counts
    );
}

fn png(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([shade, (x % 256) as u8, (y % 256) as u8])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Png)
        .expect("png");
    bytes.into_inner()
}

#[tokio::test]
async fn photos_come_from_the_uploads_folder_into_the_library_with_all_sizes() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let uploads = tempfile::tempdir().expect("uploads");
    let place = |path: &str, bytes: Vec<u8>| {
        let file = uploads.path().join(path);
        std::fs::create_dir_all(file.parent().expect("folder")).expect("folder");
        std::fs::write(file, bytes).expect("photo");
    };
    // Post 1's lead photo, and post 17's inline photo written with the site's own address.
    place(
        "uploads/images/202301/image_870x580_63c4d8a63aecb.jpg",
        png(900, 600, 10),
    );
    place(
        "uploads/images/202403/image_870x_65fbc833565cb.jpg",
        png(870, 580, 200),
    );
    // The gallery's four photos.
    for (n, name) in [
        "646b69d4034ee",
        "646b6a023e3b9",
        "646b6a2979284",
        "646b6a59b414f",
    ]
    .iter()
    .enumerate()
    {
        place(
            &format!("uploads/images/202305/image_870x580_{name}.jpg"),
            png(870, 580, 40 + n as u8),
        );
    }
    let storage = newsdesk::media::open_storage(None, app.data.path()).expect("storage");
    let limits = newsdesk::media::MediaLimits {
        max_bytes: 20 * 1024 * 1024,
        max_pixels: 40_000_000,
    };
    let mut photos = import::photos::Photos::new(uploads.path(), storage, limits);
    let mut source = varient::open(&db.url, &Language::Default, None)
        .await
        .expect("open");
    let report = import::run(
        app.store.as_ref(),
        &mut source,
        &Options::default(),
        Some(&mut photos),
    )
    .await
    .expect("import");
    // Post 1's lead, post 17's inline photo, and post 6's lead (one of its gallery's).
    assert_eq!(report.counts["photos"].read, 3, "{:#?}", report.lines);
    let library = app
        .store
        .list_media(
            None,
            newsdesk::store::Page {
                number: 1,
                per_page: 50,
            },
        )
        .await
        .expect("library");
    assert_eq!(library.total, 6);
    assert!(
        library.items.iter().all(|m| m.variants.len() > 1),
        "every size is made"
    );

    let first = app
        .store
        .public_article_by_slug(
            "kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season",
            jiff::Timestamp::now(),
        )
        .await
        .expect("post 1");
    let lead = first.lead_image.expect("lead photo");
    assert!(lead.url.starts_with("/media/"), "{}", lead.url);
    assert!(
        lead.credit
            .as_deref()
            .is_some_and(|c| c.starts_with("Photo:"))
    );
    assert_eq!(app.get(&lead.url).await.status(), StatusCode::OK);
    let mut mysql = MySqlConnection::connect(&db.url).await.expect("connect");
    let slug17: String = sqlx::query_scalar("SELECT title_slug FROM posts WHERE id = 17")
        .fetch_one(&mut mysql)
        .await
        .expect("post 17");
    let story = app
        .store
        .public_article_by_slug(&slug17, jiff::Timestamp::now())
        .await
        .expect("post 17");
    assert!(story.body.contains("](/media/"), "{}", story.body);
    // With its files, the gallery post is a gallery of its four photos, in order.
    let gallery = app
        .store
        .public_article_by_slug(
            "in-pictures-lamu-cultural-festival-returns-after-a-three-year-break",
            jiff::Timestamp::now(),
        )
        .await
        .expect("post 6");
    assert_eq!(gallery.format, newsdesk::domain::ArticleFormat::Gallery);
    let photos = app.store.gallery(gallery.id).await.expect("gallery");
    assert_eq!(photos.len(), 4);
    assert!(
        photos[0]
            .caption()
            .is_some_and(|c| c.starts_with("Dhow race at Shela")),
        "{:?}",
        photos[0].caption()
    );
    assert_eq!(
        app.get("/article/in-pictures-lamu-cultural-festival-returns-after-a-three-year-break")
            .await
            .status(),
        StatusCode::OK
    );
    // A photo whose file is missing keeps its old address and is in the report.
    assert!(
        has_line(&report, "post", "2", "is missing"),
        "{:#?}",
        report.lines
    );
    assert!(has_line(
        &report,
        "post",
        "17",
        "image_694x532_65fbc933a61ba.png is missing"
    ));
}

#[tokio::test]
async fn the_2_3_layout_and_every_language_come_across() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    // Varient 2.3, upgraded in place: a renamed home-page flag and new columns at the end.
    db.execute(
        "ALTER TABLE categories DROP COLUMN show_at_homepage, \
             ADD COLUMN show_on_homepage TINYINT(1) DEFAULT 1; \
         ALTER TABLE posts ADD COLUMN link_list_style VARCHAR(100) DEFAULT NULL, \
             ADD COLUMN recipe_info TEXT DEFAULT NULL, ADD COLUMN post_data TEXT DEFAULT NULL; \
         UPDATE general_settings SET version = '2.3'; \
         INSERT INTO languages (id, name, short_form, language_code, text_direction, status, language_order) \
             VALUES (2, 'Kiswahili', 'sw', 'sw-KE', 'ltr', 1, 2); \
         INSERT INTO categories (id, lang_id, name, name_slug, parent_id, category_order) \
             VALUES (7, 2, 'Habari', 'habari', 0, 1); \
         INSERT INTO posts (id, lang_id, title, title_slug, summary, content, category_id, image_big, \
             image_url, pageviews, is_breaking, visibility, status, post_type, user_id, created_at) \
             VALUES (201, 2, 'Mvua yanyesha Kilifi', 'mvua-yanyesha-kilifi', 'Mvua kubwa.', \
             '<p>Mvua kubwa imenyesha.</p>', 7, '', '', 3, 0, 1, 1, 'article', 2, '2024-12-02 08:00:00');",
    )
    .await;

    // One language by default: the site's own.
    let app = TestApp::spawn().await;
    let report = import_into(&app, &db, false).await;
    assert_eq!(report.counts["stories"].created, 25);
    assert_eq!(report.counts["categories"].created, 6);

    // Every language into the one site, the others keeping their prefixed addresses.
    let all = TestApp::spawn().await;
    let mut source = varient::open(&db.url, &Language::All, None)
        .await
        .expect("open");
    let report = import::run(all.store.as_ref(), &mut source, &Options::default(), None)
        .await
        .expect("import");
    assert_eq!(report.counts["stories"].created, 26);
    assert!(has_line(
        &report,
        "site",
        "languages",
        "arrives as an edition"
    ));
    // The Swahili category is the Swahili edition's section; its story is at /sw/.
    let (_, sections) = all.api(Method::GET, "/sections?language=sw", None).await;
    let names: Vec<&str> = sections["items"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert_eq!(names, ["Habari"]);
    for (old, new) in [
        (
            "/sw/mvua-yanyesha-kilifi",
            "/sw/article/mvua-yanyesha-kilifi",
        ),
        ("/sw/category/habari", "/sw/section/habari"),
        ("/sw", "/sw/"),
    ] {
        let response = all.get(old).await;
        assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(response.headers()["location"], new, "{old}");
    }
    let front = all.get("/sw/").await.text().await.expect("page");
    assert!(
        front.contains("Mvua yanyesha Kilifi"),
        "the story is on /sw/"
    );
    assert!(front.contains("lang=\"sw\""));
    let english = all.get("/").await.text().await.expect("page");
    assert!(!english.contains("Mvua yanyesha Kilifi"), "and not on /");
    assert_eq!(
        all.get("/sw/article/mvua-yanyesha-kilifi").await.status(),
        StatusCode::OK
    );
}

fn section<'a>(
    sections: &'a [newsdesk::store::Section],
    slug: &str,
) -> &'a newsdesk::store::Section {
    sections
        .iter()
        .find(|s| s.slug.as_str() == slug)
        .unwrap_or_else(|| panic!("no section {slug}"))
}

#[tokio::test]
async fn subcategories_arrive_as_subsections_and_a_flattened_import_is_mended() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    let app = TestApp::spawn().await;
    import_into(&app, &db, false).await;
    let sections = app.store.list_sections().await.expect("sections");
    let news = section(&sections, "news");
    let counties = section(&sections, "counties");
    assert_eq!(counties.name, "Counties");
    assert_eq!(counties.parent_id, Some(news.id));
    assert_eq!(news.colour.as_deref(), Some("#1e73be"));
    assert!(news.on_home);
    assert!(!section(&sections, "lifestyle").on_home);
    assert_eq!(
        app.get("/section/news/counties").await.status(),
        StatusCode::OK
    );

    // A site imported before subsections existed had "News / Counties" at the top level;
    // the next run makes it the subsection it was, and its old addresses follow.
    let flattened = newsdesk::store::SectionInput {
        slug: counties.slug.clone(),
        name: "News / Counties".into(),
        description: counties.description.clone(),
        language: None,
    };
    app.store
        .update_section(counties.id, &flattened)
        .await
        .expect("flatten");
    app.store
        .set_section_layout(
            counties.id,
            &newsdesk::store::SectionLayout {
                position: counties.position,
                parent_id: None,
                on_home: false,
                block_style: counties.block_style,
                colour: None,
            },
        )
        .await
        .expect("top level");
    app.store
        .save_import_mappings(
            "varient",
            &[newsdesk::store::ImportMapping {
                kind: "category".into(),
                source_id: "2".into(),
                target_id: counties.id,
                fingerprint: "flattened by an earlier version".into(),
                extra: None,
            }],
            jiff::Timestamp::now(),
        )
        .await
        .expect("mapping");
    let again = import_into(&app, &db, false).await;
    assert_eq!(again.counts["categories"].updated, 1, "{:?}", again.counts);
    assert_eq!(again.counts["categories"].created, 0);
    let sections = app.store.list_sections().await.expect("sections");
    let counties = section(&sections, "counties");
    assert_eq!(counties.name, "Counties");
    assert_eq!(counties.parent_id, Some(section(&sections, "news").id));
    let response = app.get("/news/counties").await;
    assert_eq!(response.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(response.headers()["location"], "/section/news/counties");
}

#[tokio::test]
async fn pages_arrive_at_their_slugs_and_a_reserved_one_moves_aside() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    db.execute(
        "INSERT INTO pages (id, lang_id, title, slug, description, is_custom, page_content, \
             visibility, page_type) VALUES \
         (3, 1, 'Search tips', 'search', 'How to search', 1, '<p>Use two words.</p>', 1, 'page'), \
         (4, 1, 'Our shop', 'shop', NULL, 1, NULL, 1, 'link');",
    )
    .await;
    let app = TestApp::spawn().await;
    let report = import_into(&app, &db, false).await;
    assert_eq!(report.counts["pages"].created, 3, "{:?}", report.counts);

    let (status, page) = app.page("/about-us").await;
    assert_eq!(status, StatusCode::OK);
    let shown = words(&text(&page, "main").expect("the page"));
    let wanted = words("We are a team of six journalists and two photographers.");
    assert!(
        shown.windows(wanted.len()).any(|w| w == wanted.as_slice()),
        "{}",
        shown.join(" ")
    );
    // Varient's built-in contact page: its words from the settings, and the form.
    let contact = app.store.page_by_slug("contact").await.expect("contact");
    assert!(contact.contact_form);
    assert!(contact.body.contains("news tips"), "{}", contact.body);
    // /search is the site's own: the page moves aside, and the report says where.
    assert!(
        has_line(&report, "page", "3", "arrives at /search-page"),
        "{:#?}",
        report.lines
    );
    assert_eq!(app.get("/search-page").await.status(), StatusCode::OK);
    assert!(has_line(&report, "page", "4", "menu link"));

    // A second run changes nothing; a page changed on Varient follows.
    let again = import_into(&app, &db, false).await;
    assert_eq!(again.counts["pages"].unchanged, 3, "{:?}", again.counts);
    db.execute("UPDATE pages SET title = 'About the Courier' WHERE id = 1;")
        .await;
    let third = import_into(&app, &db, false).await;
    assert_eq!(third.counts["pages"].updated, 1);
    let about = app.store.page_by_slug("about-us").await.expect("about");
    assert_eq!(about.title, "About the Courier");
}

#[tokio::test]
async fn front_page_flags_place_stories_and_the_newest_fresh_breaking_story_gets_the_banner() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let report = import_into(&app, &db, false).await;
    let id = |slug: &'static str| slug_id(&app, slug);
    // The slider in its order (6, 17, 4, 19), then the featured stories (1, 13, 20).
    let placed: Vec<(newsdesk::store::Slot, i64, i64)> = app
        .store
        .placements()
        .await
        .expect("placements")
        .into_iter()
        .map(|p| (p.slot, p.position, p.article_id))
        .collect();
    use newsdesk::store::Slot::{Lead, Top};
    assert_eq!(
        placed,
        vec![
            (
                Lead,
                1,
                id("in-pictures-lamu-cultural-festival-returns-after-a-three-year-break").await
            ),
            (
                Top,
                1,
                id("explainer-what-the-proposed-housing-levy-means-for-your-payslip").await
            ),
            (
                Top,
                2,
                id("coast-stars-edge-highlands-united-2-1-in-mombasa-thriller").await
            ),
            (
                Top,
                3,
                id("taita-teenager-storms-to-victory-in-coast-half-marathon").await
            ),
            (
                Top,
                4,
                id("kilifi-farmers-count-losses-as-short-rains-fail-for-a-second-season").await
            ),
        ]
    );
    assert!(has_line(&report, "post", "13", "not placed"));
    assert!(has_line(&report, "post", "20", "not placed"));
    // Breaking: the newest (20) is from 2024, too old for a banner; the others are told so.
    assert!(has_line(&report, "post", "20", "older than 24 hours"));
    assert!(has_line(&report, "post", "18", "only the newest"));
    assert!(app.store.breaking_news().await.expect("banner").is_none());
    // Recommended has no place here.
    for post in ["7", "17", "20"] {
        assert!(has_line(&report, "post", post, "recommended"), "{post}");
    }

    // An editor's arrangement is left alone by the next run.
    let lead = id("tea-prices-firm-at-weekly-mombasa-auction").await;
    app.store
        .replace_placements(
            &[newsdesk::store::Placement {
                slot: Lead,
                position: 1,
                article_id: lead,
                until: None,
            }],
            None,
            jiff::Timestamp::now(),
        )
        .await
        .expect("arrange");
    // A fresh breaking story, written on Varient an hour ago (Nairobi time).
    let written = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::get("Africa/Nairobi").expect("zone"))
        .datetime()
        - jiff::SignedDuration::from_hours(1);
    db.execute(&format!(
        "INSERT INTO posts (id, lang_id, title, title_slug, summary, content, category_id, \
         image_big, image_url, pageviews, is_breaking, visibility, status, post_type, user_id, \
         created_at) VALUES (102, 1, 'Port workers down tools', 'port-workers-down-tools', \
         'A strike at the port.', '<p>Work stopped at noon.</p>', 1, '', '', 0, 1, 1, 1, \
         'article', 3, '{}');",
        written.strftime("%Y-%m-%d %H:%M:%S")
    ))
    .await;
    let again = import_into(&app, &db, false).await;
    assert!(has_line(&again, "site", "front page", "left as it is"));
    let placements = app.store.placements().await.expect("placements");
    assert_eq!(placements.len(), 1);
    assert_eq!(placements[0].article_id, lead);
    let banner = app
        .store
        .breaking_news()
        .await
        .expect("banner")
        .expect("up");
    assert_eq!(banner.article_id, id("port-workers-down-tools").await);
    assert!(banner.until > jiff::Timestamp::now());
}

#[tokio::test]
async fn post_types_arrive_as_videos_lists_polls_and_galleries() {
    let Some(db) = VarientDb::create().await else {
        return;
    };
    let app = TestApp::spawn().await;
    let report = import_into(&app, &db, false).await;
    use newsdesk::domain::ArticleFormat;
    let story = |slug: &'static str| {
        let store = app.store.clone();
        async move {
            store
                .public_article_by_slug(slug, jiff::Timestamp::now())
                .await
                .expect(slug)
        }
    };

    // The video post: the video format, playing the YouTube video.
    let video = story("watch-highlights-from-the-coast-region-athletics-trials").await;
    assert_eq!(video.format, ArticleFormat::Video);
    let lead = app
        .store
        .lead_video(video.id)
        .await
        .expect("lead video")
        .expect("a video");
    assert!(
        lead.embed_url
            .as_deref()
            .is_some_and(|u| u.contains("Hq8sZ1vT0aE"))
    );
    assert!(!video.body.contains("Hq8sZ1vT0aE"), "not also in the text");

    // The sorted list: a numbered list of its five items, in order.
    let list = story("five-swahili-dishes-to-try-this-ramadhan").await;
    assert_eq!(list.format, ArticleFormat::List);
    let items = app.store.story_list(list.id).await.expect("list").items;
    let headings: Vec<&str> = items.iter().map(|i| i.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Mahamri",
            "Viazi karai",
            "Samaki wa kupaka",
            "Mbaazi za nazi",
            "Kaimati"
        ]
    );
    assert!(!list.body.contains("Viazi karai"), "{}", list.body);

    // The poll: a poll under the story, with Varient's totals.
    let poll_story = story("poll-should-markets-ban-single-use-plastic-bags").await;
    let polls = app.store.article_polls(poll_story.id).await.expect("polls");
    assert_eq!(polls.len(), 1);
    assert_eq!(
        polls[0].question,
        "Should county markets ban single-use plastic bags?"
    );
    let totals: Vec<i64> = polls[0].options.iter().map(|o| o.votes).collect();
    assert_eq!(totals, [58, 31, 17, 6]);
    let (status, _) = app
        .page("/article/poll-should-markets-ban-single-use-plastic-bags")
        .await;
    assert_eq!(status, StatusCode::OK);

    // The gallery needs its photos' files: without --uploads it is a story with its items
    // as text, and the report says why.
    let gallery =
        story("in-pictures-lamu-cultural-festival-returns-after-a-three-year-break").await;
    assert_eq!(gallery.format, ArticleFormat::Standard);
    assert!(gallery.body.contains("Taarab night"));
    assert!(
        has_line(&report, "post", "6", "--uploads"),
        "{:#?}",
        report.lines
    );
    // The quiz has no format here.
    assert!(has_line(&report, "post", "11", "post type trivia_quiz"));

    // A second run keeps the poll and its votes as they are.
    let again = import_into(&app, &db, false).await;
    assert_eq!(again.counts["stories"].unchanged, 25);
    assert_eq!(
        app.store
            .article_polls(poll_story.id)
            .await
            .expect("polls")
            .len(),
        1
    );
}
