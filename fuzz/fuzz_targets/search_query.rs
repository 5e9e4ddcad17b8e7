//! Search boxes: whatever a reader types at /search, or an editor in the newsroom's list,
//! is reduced to words the full-text index takes, and the query never fails.
#![no_main]

use std::sync::{Arc, LazyLock};

use jiff::Timestamp;
use libfuzzer_sys::fuzz_target;
use newsdesk::newsroom::{ArticleRequest, AuthorRequest, Newsroom, SectionRequest};
use newsdesk::store::{NewsroomFilter, Page, Store};
use newsdesk::web::discovery::search_terms;

struct Site {
    runtime: tokio::runtime::Runtime,
    store: Arc<dyn Store>,
    _folder: tempfile::TempDir,
}

/// A SQLite site with one published article, made once per fuzzing process.
static SITE: LazyLock<Site> = LazyLock::new(|| {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let url = format!("sqlite:{}", folder.path().join("fuzz.db").display());
    let store = runtime.block_on(async {
        let store = newsdesk::store::open(&url).await.expect("a store");
        store.migrate().await.expect("the schema");
        let newsroom = Newsroom::new(store.as_ref());
        let now = Timestamp::now();
        let editor = newsroom
            .add_user(
                "fuzz@example.com",
                "Fuzz",
                "admin",
                "a long enough password",
                now,
            )
            .await
            .expect("a user");
        let section = SectionRequest {
            name: Some("News".into()),
            ..Default::default()
        };
        newsroom.create_section(&section).await.expect("a section");
        let author = AuthorRequest {
            name: Some("Jane Doe".into()),
            ..Default::default()
        };
        newsroom.create_author(&author).await.expect("an author");
        let article = ArticleRequest {
            title: Some("Council approves the harbour ferry".into()),
            body: Some("The council voted 7–2 for the ferry; traders want *parking*.".into()),
            section: Some("news".into()),
            authors: Some(vec!["jane-doe".into()]),
            tags: Some(vec!["Transport".into()]),
            status: Some("published".into()),
            ..Default::default()
        };
        newsroom
            .create_article(&article, &editor, now)
            .await
            .expect("an article");
        store
    });
    Site {
        runtime,
        store,
        _folder: folder,
    }
});

fuzz_target!(|query: &str| {
    let site = &*SITE;
    let terms = search_terms(query);
    assert!(terms.len() <= 16);
    for term in &terms {
        assert!(!term.is_empty() && term.chars().count() <= 64);
        assert!(term.chars().all(char::is_alphanumeric), "{term:?}");
    }
    let page = Page {
        number: 1,
        per_page: 10,
    };
    let now = Timestamp::now();
    site.runtime
        .block_on(site.store.search_articles(&terms, None, page, now))
        .expect("a reader's search never fails");
    let filter = NewsroomFilter {
        edition: None,
        status: None,
        section_id: None,
        search: Some(query),
        source: None,
    };
    site.runtime
        .block_on(site.store.list_articles(filter, page))
        .expect("a newsroom search never fails");
});
