//! `newsdesk import wordpress`: every WXR file under shared/fixtures/wordpress imported into
//! a site on the suite's backend, with the counts the test reads from each file by itself
//! (a plain text scan, not the importer's XML reader); old addresses; a story's words;
//! a second run; hostile and broken files refused with nothing written. The PostgreSQL
//! half is marked `#[ignore]` and runs with NEWSDESK_TEST_POSTGRES.

use std::path::{Path, PathBuf};

use newsdesk::import::wordpress::{self, Finish};
use newsdesk::import::{self, Options, Report};
use reqwest::StatusCode;

use crate::helpers::{PgSchema, TestApp, text};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/wordpress")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// Every WXR fixture, and whether it is deliberately not well-formed.
fn all_fixtures() -> Vec<(PathBuf, bool)> {
    let mut files = Vec::new();
    let mut folders = vec![fixtures()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("fixtures folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "xml") {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let broken = name.starts_with("malformed") || name == "crazy-cdata.xml";
                files.push((path, broken));
            }
        }
    }
    files.sort();
    assert!(files.len() >= 40, "only {} fixtures found", files.len());
    files
}

async fn import_file(app: &TestApp, path: &Path, dry_run: bool) -> anyhow::Result<Report> {
    let mut source = wordpress::open(path)?;
    let options = Options {
        dry_run,
        batch: 7,
        ..Options::default()
    };
    let mut report = import::run(app.store.as_ref(), &mut source, &options, None).await?;
    let finish = Finish {
        dry_run,
        base_url: &app.base,
    };
    source
        .finish(app.store.as_ref(), None, &finish, &mut report)
        .await?;
    Ok(report)
}

/// What a file holds, read with plain string searching.
#[derive(Debug, Default, PartialEq, Eq)]
struct Expected {
    /// Posts the importer brings as stories (not trash, auto-draft or revision).
    stories: u64,
    /// All post items.
    posts: u64,
    /// Published pages.
    pages: u64,
    /// Comments (not pingbacks or trackbacks) on brought posts.
    comments: u64,
    pingbacks: u64,
}

/// The text of the first `<tag>` in `chunk`, CDATA unwrapped.
fn field<'a>(chunk: &'a str, tag: &str) -> &'a str {
    let open = format!("<{tag}>");
    let Some(start) = chunk.find(&open) else {
        return "";
    };
    let rest = &chunk[start + open.len()..];
    let end = rest.find(&format!("</{tag}>")).unwrap_or(0);
    let value = rest[..end].trim();
    value
        .strip_prefix("<![CDATA[")
        .and_then(|v| v.strip_suffix("]]>"))
        .unwrap_or(value)
        .trim()
}

fn expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut counts = Expected::default();
    for chunk in text.split("<item>").skip(1) {
        let chunk = chunk.split("</item>").next().unwrap_or("");
        let kind = field(chunk, "wp:post_type");
        let status = field(chunk, "wp:status");
        let brought = !matches!(status, "trash" | "auto-draft" | "inherit");
        match kind {
            "post" => {
                counts.posts += 1;
                if brought {
                    counts.stories += 1;
                    for comment in chunk.split("<wp:comment>").skip(1) {
                        match field(comment, "wp:comment_type") {
                            "" | "comment" => counts.comments += 1,
                            "pingback" | "trackback" => counts.pingbacks += 1,
                            _ => {}
                        }
                    }
                }
            }
            "page" if status == "publish" && field(chunk, "wp:post_password").is_empty() => {
                counts.pages += 1
            }
            _ => {}
        }
    }
    counts
}

fn got(report: &Report) -> Expected {
    let count = |kind: &str| report.counts.get(kind).copied().unwrap_or_default();
    Expected {
        stories: count("stories").created,
        posts: count("stories").read,
        pages: count("pages").created,
        comments: count("comments").created,
        pingbacks: count("pingbacks and trackbacks").skipped,
    }
}

fn has_line(report: &Report, kind: &str, id: &str, words: &str) -> bool {
    report
        .lines
        .iter()
        .any(|l| l.kind == kind && l.source_id == id && l.reason.contains(words))
}

/// Files whose namespaces the plain scan cannot read as an XML reader does: their counts
/// are checked by hand below.
const BY_HAND: &[&str] = &["namespace-edge-cases.xml"];

async fn every_fixture_on(make: impl AsyncFn() -> TestApp) {
    let mut checked = 0;
    for (path, broken) in all_fixtures() {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let app = make().await;
        let outcome = import_file(&app, &path, false).await;
        if broken {
            let error = outcome
                .expect_err(&format!("{name} is not well-formed"))
                .to_string();
            assert!(
                error.contains("nothing was imported"),
                "{name}: unclear refusal: {error}"
            );
            assert_eq!(
                app.store.count_articles().await.expect("count"),
                0,
                "{name}"
            );
            assert!(
                app.store
                    .list_sections()
                    .await
                    .expect("sections")
                    .is_empty(),
                "{name}"
            );
            continue;
        }
        let report = outcome.unwrap_or_else(|e| panic!("{name}: {e:#}"));
        if !BY_HAND.contains(&name.as_str()) {
            let wanted = expected(&path);
            assert_eq!(got(&report), wanted, "{name}: {:#?}", report.counts);
            assert_eq!(
                app.store.count_articles().await.expect("count") as u64,
                wanted.stories,
                "{name}"
            );
        }
        // A second run adds nothing.
        let again = import_file(&app, &path, false)
            .await
            .unwrap_or_else(|e| panic!("{name} again: {e:#}"));
        for (kind, counts) in &again.counts {
            if kind == "password links" {
                continue;
            }
            assert_eq!(counts.created, 0, "{name}: a second run made {kind}");
            assert_eq!(counts.updated, 0, "{name}: a second run changed {kind}");
        }
        checked += 1;
    }
    assert!(checked >= 38, "{checked}");
}

#[tokio::test]
async fn every_wordpress_fixture_imports_with_the_counts_the_file_gives() {
    every_fixture_on(TestApp::spawn).await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn every_wordpress_fixture_imports_on_postgres() {
    let schemas = std::sync::Mutex::new(Vec::new());
    every_fixture_on(async || {
        let schema = PgSchema::create().await;
        let url = schema.url.clone();
        schemas.lock().expect("lock").push(schema);
        let data = tempfile::tempdir().expect("temp dir");
        let mut app = TestApp::spawn_on_database(data, &url).await;
        app.token = String::new();
        app
    })
    .await;
}

#[tokio::test]
async fn namespaces_are_read_by_their_uri_not_their_prefix() {
    let app = TestApp::spawn().await;
    let report = import_file(
        &app,
        &fixture("wordpress-importer/namespace-edge-cases.xml"),
        false,
    )
    .await
    .expect("import");
    // The author under a fake namespace and the one under a custom one are not
    // WordPress's; the one under the 1.1 namespace is.
    let people: Vec<&str> = report
        .lines
        .iter()
        .filter(|l| l.kind == "user")
        .map(|l| l.source_id.as_str())
        .collect();
    assert!(!people.contains(&"fake_ns_user"), "{people:?}");
    assert!(!people.contains(&"custom_user"), "{people:?}");
    let stories = report.counts["stories"];
    assert!(stories.created >= 2, "{:#?}", report.counts);
}

#[tokio::test]
async fn old_addresses_lead_to_the_stories_sections_tags_authors_and_pages() {
    let app = TestApp::spawn().await;
    let path = fixture("wordpress-importer/small-export.xml");
    let report = import_file(&app, &path, false).await.expect("import");
    // WordPress's ?p= and dated addresses, its category, tag, author and feed addresses.
    for (old, new) in [
        ("/?p=1", "/article/hello-world"),
        ("/2011/01/18/hello-world/", "/article/hello-world"),
        ("/2011/01/hello-world", "/article/hello-world"),
        ("/hello-world/", "/article/hello-world"),
        ("/category/uncategorized/", "/section/uncategorized"),
        ("/author/admin/", "/author/admin"),
        ("/feed/", "/feed.xml"),
        ("/?page_id=2", "/sample-page"),
    ] {
        let response = app.get(old).await;
        assert_eq!(
            response.status(),
            StatusCode::MOVED_PERMANENTLY,
            "{old}: {:#?}",
            report.lines
        );
        let location = response.headers()["location"].to_str().expect("location");
        assert_eq!(location, new, "{old}");
        assert_eq!(app.get(new).await.status(), StatusCode::OK, "{new}");
    }
    // A subcategory sits under its parent.
    let sections = app.store.list_sections().await.expect("sections");
    let child = sections
        .iter()
        .find(|s| s.slug.as_str() == "foo-bar")
        .expect("foo-bar");
    let parent = sections
        .iter()
        .find(|s| Some(s.id) == child.parent_id)
        .expect("a parent");
    assert_eq!(parent.slug.as_str(), "bar");
    // Private posts arrive as drafts, said so; draft pages are not brought, said so.
    assert!(
        has_line(&report, "post", "13", "private"),
        "{:#?}",
        report.lines
    );
    assert!(
        has_line(&report, "page", "9", "draft"),
        "{:#?}",
        report.lines
    );
    // Authors cannot sign in until they choose a password with their one-time link.
    let line = report
        .lines
        .iter()
        .find(|l| l.kind == "user" && l.reason.contains("/admin/password-reset/"))
        .expect("a one-time link");
    let link = line.reason.rsplit(' ').next().expect("link");
    let path = link.strip_prefix(&app.base).expect("on this site");
    assert_eq!(app.get(path).await.status(), StatusCode::OK, "{link}");
}

#[tokio::test]
async fn a_story_reads_word_for_word_as_on_wordpress() {
    let app = TestApp::spawn().await;
    let path = fixture("wordpress-importer/valid-wxr-1.1.xml");
    import_file(&app, &path, false).await.expect("import");
    let source = std::fs::read_to_string(&path).expect("fixture");
    let item = source.split("<item>").nth(1).expect("an item");
    let content = field(item, "content:encoded");
    let plain = visible_text(content);
    let wanted = words(&plain);
    assert!(wanted.len() > 5);
    let slug = field(item, "wp:post_name");
    let (status, page) = app.page(&format!("/article/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    let body = text(&page, "div.body").expect("the story's body");
    let shown = words(&body);
    assert_eq!(shown, wanted);
    let title = field(item, "title");
    let html = app
        .get(&format!("/article/{slug}"))
        .await
        .text()
        .await
        .expect("page");
    assert!(html.contains(title), "{title}");
}

#[tokio::test]
async fn the_theme_unit_test_data_brings_sticky_posts_galleries_embeds_and_comment_states() {
    let app = TestApp::spawn().await;
    let path = fixture("themeunittestdata.wordpress.xml");
    let report = import_file(&app, &path, false).await.expect("import");
    // Sticky posts lead the front page.
    let placed = app.store.placements().await.expect("placements");
    assert!(!placed.is_empty(), "{:#?}", report.counts);
    // Pingbacks and trackbacks are named, not brought.
    assert!(
        report
            .lines
            .iter()
            .any(|l| l.reason.contains("pingback") || l.reason.contains("trackback")),
        "no pingback line"
    );
    // Shortcodes other than caption, gallery and embed are named.
    assert!(
        report.lines.iter().all(|l| !l.reason.is_empty()),
        "an empty reason"
    );
    // The export's hierarchy of categories arrives as sections and subsections.
    let sections = app.store.list_sections().await.expect("sections");
    assert!(sections.iter().any(|s| s.parent_id.is_some()));
    // Both namespace spellings: this file uses https://wordpress.org/export/1.2/.
    assert!(
        report.counts["stories"].created > 20,
        "{:#?}",
        report.counts
    );
}

/// A WXR file with `body` as a post's content.
fn wxr_with(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><wp:wxr_version>1.2</wp:wxr_version>
<wp:category><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>
<item><title>First</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_name>first</wp:post_name><content:encoded><![CDATA[Fine.]]></content:encoded></item>
<item><title>Second</title><wp:post_id>2</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_name>second</wp:post_name><content:encoded>{body}</content:encoded></item>
</channel></rss>"#
    )
}

#[tokio::test]
async fn hostile_and_broken_files_are_refused_with_nothing_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xxe = wxr_with("&xxe;").replacen(
        "<rss",
        "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<rss",
        1,
    );
    let laughs = wxr_with("&lol9;").replacen(
        "<rss",
        "<!DOCTYPE rss [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol9 \"&lol2;&lol2;&lol2;\">]>\n<rss",
        1,
    );
    let undeclared = wxr_with("&xxe;");
    let big = wxr_with(&"a".repeat(50 * 1024 * 1024));
    let mut invalid = wxr_with("INVALID").into_bytes();
    let at = invalid
        .windows(7)
        .position(|w| w == b"INVALID")
        .expect("marker");
    invalid[at] = 0xff;
    invalid[at + 1] = 0xfe;
    let whole = wxr_with("Fine too.");
    let truncated = &whole[..whole.len() - 40];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("xxe", xxe.into_bytes(), "DOCTYPE"),
        ("billion-laughs", laughs.into_bytes(), "DOCTYPE"),
        ("undeclared-entity", undeclared.into_bytes(), "&xxe;"),
        ("50mb", big.into_bytes(), "MB"),
        ("invalid-utf8", invalid, "UTF-8"),
        ("truncated", truncated.as_bytes().to_vec(), "cut short"),
    ];
    let app = TestApp::spawn().await;
    for (name, bytes, words) in cases {
        let path = dir.path().join(format!("{name}.xml"));
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
        assert!(
            app.store
                .list_sections()
                .await
                .expect("sections")
                .is_empty(),
            "{name}"
        );
    }
    // The same file whole imports.
    let path = dir.path().join("whole.xml");
    std::fs::write(&path, whole).expect("write");
    import_file(&app, &path, false).await.expect("import");
    assert_eq!(app.store.count_articles().await.expect("count"), 2);
}

#[tokio::test]
async fn a_dry_run_writes_nothing_and_the_command_line_imports() {
    let app = TestApp::spawn().await;
    let path = fixture("wordpress-importer/small-export.xml");
    let report = import_file(&app, &path, true).await.expect("dry run");
    assert!(report.counts["stories"].created > 0);
    assert_eq!(app.store.count_articles().await.expect("count"), 0);

    let data = tempfile::tempdir().expect("temp dir");
    let report_file = data.path().join("report.tsv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .arg("--data")
        .arg(data.path())
        .args(["import", "wordpress"])
        .arg(&path)
        .arg("--report")
        .arg(&report_file)
        .env_remove("NEWSDESK_DATABASE_URL")
        .output()
        .expect("run newsdesk");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("stories: 6 read"), "{stdout}");
    let lines = std::fs::read_to_string(&report_file).expect("report");
    assert!(lines.starts_with("kind\tsource_id\treason\n"));
    assert!(lines.contains("/admin/password-reset/"), "{lines}");
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
