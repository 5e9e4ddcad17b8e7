//! Several sites in one PostgreSQL database, each in its own schema named by the database
//! URL's `search_path` exactly as the README writes it: each migrates, serves and searches
//! (accents and all) on its own, and sees only its own content.

use reqwest::{Method, StatusCode};

use crate::helpers::{PgDatabase, TestApp};

const BIN: &str = env!("CARGO_BIN_EXE_newsdesk");

/// A site in `schema` of `database`, with an admin's token.
async fn site(database: &PgDatabase, schema: &str) -> TestApp {
    let url = database.site_url(schema);
    TestApp::spawn_with(move |settings| settings.database_url = url).await
}

/// The headlines a search finds on a site.
async fn found(app: &TestApp, words: &str) -> Vec<String> {
    let (status, results) = app
        .api_as(
            "",
            Method::GET,
            &format!("/search?q={}", urlencoding(words)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{results}");
    results["items"]
        .as_array()
        .unwrap_or_else(|| panic!("search results: {results}"))
        .iter()
        .map(|item| item["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn three_sites_share_one_database_each_in_its_own_schema() {
    let database = PgDatabase::create().await;
    let papers = [
        ("paper_one", "Café owners of Mombasa", "mombasa"),
        ("paper_two", "Cafe owners of Kisumu", "kisumu"),
        ("paper_three", "Kényan café owners of Nakuru", "nakuru"),
    ];
    let mut sites = Vec::new();
    for (schema, headline, _) in papers {
        database.execute(&format!("CREATE SCHEMA {schema}")).await;
        let app = site(&database, schema).await;
        app.published(headline, "Prices went up in the élection week.")
            .await;
        sites.push(app);
    }
    for (app, (schema, headline, own_word)) in sites.iter().zip(papers) {
        // Accents are ignored both ways: "cafe" finds "Café", "café" finds "Cafe".
        assert_eq!(found(app, "cafe").await, vec![headline], "{schema}");
        assert_eq!(found(app, "CAFÉ").await, vec![headline], "{schema}");
        assert_eq!(found(app, "election").await, vec![headline], "{schema}");
        assert_eq!(found(app, own_word).await, vec![headline], "{schema}");
        for (_, _, other_word) in papers.iter().filter(|p| p.2 != own_word) {
            assert!(
                found(app, other_word).await.is_empty(),
                "{schema} finds another site's story"
            );
        }
        let (status, articles) = app.api(Method::GET, "/articles", None).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            articles["items"].as_array().map(Vec::len),
            Some(1),
            "{schema}"
        );
        let front = app.get("/").await.text().await.expect("front page");
        assert!(front.contains(headline), "{schema} front page");
        for (_, other, _) in papers.iter().filter(|p| p.1 != headline) {
            assert!(!front.contains(other), "{schema} shows {other}");
        }
    }
    let (status, searched) = sites[2]
        .api_as("", Method::GET, "/search?q=kenyan", None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(searched["total"], 1);
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_first_site_that_made_the_extension_in_its_schema_does_not_hold_the_others_hostage() {
    // Sites made by earlier releases created unaccent in the first site's own schema.
    let database = PgDatabase::create().await;
    database
        .execute("CREATE SCHEMA paper_one; CREATE EXTENSION unaccent SCHEMA paper_one")
        .await;
    let one = site(&database, "paper_one").await;
    one.published("Café one", "First paper.").await;
    database.execute("CREATE SCHEMA paper_two").await;
    let two = site(&database, "paper_two").await;
    two.published("Café two", "Second paper.").await;
    assert_eq!(found(&one, "cafe").await, vec!["Café one"]);
    assert_eq!(found(&two, "cafe").await, vec!["Café two"]);
    drop(one);

    // The first paper closes; the second keeps its search.
    database.execute("DROP SCHEMA paper_one CASCADE").await;
    assert_eq!(found(&two, "cafe").await, vec!["Café two"]);
    two.published("Café again", "Still searchable.").await;
    assert_eq!(found(&two, "again").await, vec!["Café again"]);
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_site_whose_schema_does_not_exist_yet_makes_it() {
    let database = PgDatabase::create().await;
    let app = site(&database, "paper_new").await;
    app.published("Café new", "A new paper.").await;
    assert_eq!(found(&app, "cafe").await, vec!["Café new"]);
    let mut admin = database.admin().await;
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'paper_new'",
    )
    .fetch_one(&mut admin)
    .await
    .expect("tables");
    assert!(tables > 10, "the site's tables are in its schema");
}

#[tokio::test]
#[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_site_that_may_not_make_its_schema_says_what_to_run() {
    let database = PgDatabase::create().await;
    let role = format!("{}_writer", database.name);
    database
        .execute(&format!(
            "CREATE ROLE {role} LOGIN; REVOKE CREATE ON DATABASE {} FROM PUBLIC",
            database.name
        ))
        .await;
    let base = database.url_as(Some(&role));
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options[search_path]=paper_two");
    let data = tempfile::tempdir().expect("tempdir");
    let out = std::process::Command::new(BIN)
        .arg("--data")
        .arg(data.path())
        .args(["--database-url", &url, "migrate"])
        .output()
        .expect("run newsdesk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    database.execute(&format!("DROP ROLE {role}")).await;
    assert!(!out.status.success());
    let line = stderr
        .lines()
        .find(|line| line.starts_with("error:"))
        .unwrap_or_else(|| panic!("no error line: {stderr}"));
    assert!(
        line.contains("paper_two")
            && line.contains(&format!("CREATE SCHEMA paper_two AUTHORIZATION {role};")),
        "{line}"
    );
    assert!(!line.contains("unexpected null"), "{line}");
}
