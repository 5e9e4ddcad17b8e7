//! The storage conformance suite: scenarios written against the `Store` seam, run on
//! every backend. Each scenario gets a fresh database.

use std::sync::Arc;

use jiff::{Timestamp, ToSpan};
use newsdesk::domain::{ArticleStatus, Email, ReactionKind, Role, Slug};
use newsdesk::store::{
    ArticleInput, AuthorCondition, AuthorField, AuthorInput, CommentStatus, CorrectionKind,
    CorrectionText, Filter, NewComment, NewIntegration, NewUser, NewsroomFilter, Order, Page,
    PublicFilter, RevisionKind, SavedBy, SectionInput, Source, SourceKind, Store, StoreError,
    StoryCondition, StoryField, StoryTime, TagCondition, TagField, Text, TimeComparison, Window,
};

/// A backend under test, kept alive with whatever holds its database.
pub struct Backend {
    pub store: Arc<dyn Store>,
    _guard: Box<dyn std::any::Any + Send>,
}

async fn sqlite() -> Backend {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite:{}", dir.path().join("test.db").display());
    let store = newsdesk::store::open(&url).await.expect("open");
    store.migrate().await.expect("migrate");
    store.migrate().await.expect("migrating twice is harmless");
    Backend {
        store,
        _guard: Box::new(dir),
    }
}

/// A fresh schema in the PostgreSQL test database, migrated (twice, as on two starts).
async fn postgres() -> Backend {
    let schema = crate::helpers::PgSchema::create().await;
    let store = newsdesk::store::open(&schema.url).await.expect("open");
    store.migrate().await.expect("migrate");
    store.migrate().await.expect("migrating twice is harmless");
    Backend {
        store,
        _guard: Box::new(schema),
    }
}

/// Every scenario on both backends. The PostgreSQL half is marked ignored so a machine
/// without PostgreSQL reports it as skipped; `scripts/test.sh` runs it whenever a server
/// answers, and CI (`NEWSDESK_REQUIRE_POSTGRES=1`) fails if none does.
macro_rules! conformance {
    ($($scenario:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = super::sqlite().await;
                    super::$scenario(backend.store.as_ref()).await;
                    backend.store.close().await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                #[ignore = "needs PostgreSQL (NEWSDESK_TEST_POSTGRES); scripts/test.sh runs it"]
                async fn $scenario() {
                    let backend = super::postgres().await;
                    super::$scenario(backend.store.as_ref()).await;
                    backend.store.close().await;
                }
            )*
        }
    };
}

conformance!(
    sections_are_unique_and_ordered,
    an_article_round_trips_with_its_relations,
    a_stale_update_is_refused_and_kept_as_a_conflict,
    public_lists_hold_only_published_articles_whose_time_has_come,
    publish_due_publishes_only_due_scheduled_articles,
    schedulers_running_at_once_publish_each_article_once,
    an_old_slug_points_to_the_current_one,
    sections_and_authors_in_use_cannot_be_deleted,
    tokens_find_only_their_own_active_user,
    users_are_unique_by_email,
    newsroom_lists_filter_by_status_and_section,
    deleting_an_article_removes_it_and_its_history,
    a_reader_has_one_reaction_and_totals_follow_it,
    reactions_need_a_public_article,
    concurrent_reactions_keep_totals_exact,
    the_site_secret_is_made_once,
    comments_thread_and_count_only_when_approved,
    a_reply_must_be_on_the_same_article,
    search_finds_published_words_and_ranks_titles_first,
    reads_and_reactions_rank_the_popular_lists,
    related_articles_share_tags_or_section,
    a_database_copy_holds_the_site_as_it_stood,
    integrations_are_found_by_key_hash_until_revoked,
    content_api_stories_follow_typed_filters_order_and_window,
    content_api_tags_are_sections_and_tags_one_per_slug,
    content_api_authors_count_their_public_stories,
    a_draft_waits_for_review_until_it_leaves_the_queue,
    notes_stay_with_their_story_in_order,
    a_preview_link_is_revoked_once,
    a_person_has_one_byline_and_a_byline_one_person,
    embed_previews_are_kept_by_address,
    placements_are_replaced_whole_and_expire,
    the_breaking_banner_is_one_story_until_a_time,
    labels_and_section_layout_read_back_everywhere,
    a_page_keeps_its_revisions_and_old_slugs,
    menus_are_replaced_whole_and_follow_their_pages,
    contact_messages_are_kept_read_and_deleted,
    notes_keep_every_wording_and_only_corrections_go_on_the_record,
    trust_fields_round_trip_and_the_desk_filters_by_source,
    publish_due_waits_for_the_embargo,
    live_entries_page_in_either_order_with_one_pinned,
    key_events_know_how_many_entries_are_newer,
    a_live_blog_is_open_until_its_coverage_ends,
);

fn note(kind: CorrectionKind, body: &str, at: Timestamp) -> CorrectionText {
    CorrectionText {
        kind,
        body: body.into(),
        noted_at: at,
    }
}

async fn notes_keep_every_wording_and_only_corrections_go_on_the_record(store: &dyn Store) {
    let id = published_article(store).await;
    let editor = SavedBy {
        id: member(store, "desk@example.com", "Desk Editor").await,
        name: "Desk Editor".into(),
    };
    let now = Timestamp::now();
    let wrong = store
        .add_correction(
            id,
            &note(CorrectionKind::Correction, "It was 1998.", now),
            &editor,
            now,
        )
        .await
        .expect("add");
    assert_eq!(wrong.version, 1);
    store
        .add_correction(
            id,
            &note(CorrectionKind::Update, "Later news.", now),
            &editor,
            now,
        )
        .await
        .expect("add");
    let amended = store
        .amend_correction(
            id,
            wrong.id,
            Some(1),
            &note(CorrectionKind::Correction, "It was 1989.", now),
            &editor,
            now + 1.seconds(),
        )
        .await
        .expect("amend");
    assert_eq!(amended.version, 2);
    assert_eq!(amended.body, "It was 1989.");
    let stale = store
        .amend_correction(
            id,
            wrong.id,
            Some(1),
            &note(CorrectionKind::Correction, "Other.", now),
            &editor,
            now,
        )
        .await;
    assert!(matches!(
        stale,
        Err(StoreError::StaleVersion { current: 2, .. })
    ));
    // A note answers only under its own story.
    let elsewhere = store
        .amend_correction(
            id + 1000,
            wrong.id,
            None,
            &note(CorrectionKind::Correction, "Other.", now),
            &editor,
            now,
        )
        .await;
    assert!(matches!(elsewhere, Err(StoreError::NotFound)));

    let history = store.correction_history(wrong.id).await.expect("history");
    let words: Vec<&str> = history.iter().map(|w| w.body.as_str()).collect();
    assert_eq!(words, ["It was 1989.", "It was 1998."]);
    assert_eq!(history[1].saved_by_name.as_deref(), Some("Desk Editor"));
    let notes = store.corrections_of(&[id]).await.expect("notes");
    assert_eq!(notes[&id].len(), 2);
    let article = store.article_by_id(id).await.expect("article");
    assert!(article.noted_at.is_some(), "the story knows it has notes");
    let record = store
        .public_corrections(PAGE, Timestamp::now() + 1.minutes())
        .await
        .expect("record");
    assert_eq!(record.total, 1, "updates are not corrections");
    assert_eq!(record.items[0].correction.body, "It was 1989.");
    assert_eq!(record.items[0].article_slug, "public");
}

async fn trust_fields_round_trip_and_the_desk_filters_by_source(store: &dyn Store) {
    let news = section(store, "Wires").await;
    let writer = author(store, "Wire Desk").await;
    let now = Timestamp::now();
    let until = Timestamp::from_second(now.as_second() + 3600).expect("time");
    let wire = ArticleInput {
        dateline: Some("Lamu".into()),
        embargo_until: Some(until),
        source: Source {
            kind: SourceKind::Agency,
            agency: Some("PNN".into()),
            url: Some("https://pnn.example/1".into()),
            rights: Some("Run in full.".into()),
        },
        author_ids: Vec::new(),
        ..input("wire", news, vec![writer], ArticleStatus::Draft, None)
    };
    let saved = store
        .create_article(&wire, None, now)
        .await
        .expect("create");
    assert_eq!(saved.dateline.as_deref(), Some("Lamu"));
    assert_eq!(saved.embargo_until, Some(until));
    assert_eq!(saved.source, wire.source);
    assert!(saved.authors.is_empty());
    store
        .create_article(
            &input("own", news, vec![writer], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("create");
    let shown = Timestamp::from_second(now.as_second() + 5).expect("time");
    let updated = store
        .update_article(
            saved.id,
            saved.version,
            &ArticleInput {
                updated_shown_at: Some(shown),
                ..wire.clone()
            },
            None,
            now,
        )
        .await
        .expect("update");
    assert_eq!(updated.updated_shown_at, Some(shown));
    let agency = store
        .list_articles(
            NewsroomFilter {
                edition: None,
                status: None,
                section_id: None,
                search: None,
                source: Some(SourceKind::Agency),
            },
            PAGE,
        )
        .await
        .expect("list");
    assert_eq!(agency.total, 1);
    assert_eq!(agency.items[0].slug.as_str(), "wire");
}

async fn publish_due_waits_for_the_embargo(store: &dyn Store) {
    let news = section(store, "Embargoes").await;
    let writer = author(store, "Embargo Writer").await;
    let now = Timestamp::now();
    // Written past the rules, as a bad import might: due, but under embargo.
    let held = ArticleInput {
        embargo_until: Some(now + 1.hours()),
        ..input(
            "held",
            news,
            vec![writer],
            ArticleStatus::Scheduled,
            Some(now - 1.minutes()),
        )
    };
    let id = store
        .create_article(&held, None, now)
        .await
        .expect("create")
        .id;
    let published = store.publish_due(now).await.expect("publish due");
    assert!(!published.contains(&id), "an embargoed story waits");
}

async fn member(store: &dyn Store, email: &str, name: &str) -> i64 {
    store
        .create_user(
            &NewUser {
                email: Email::parse(email).expect("email"),
                name: name.into(),
                role: Role::Contributor,
                password_hash: "hash".into(),
            },
            Timestamp::now(),
        )
        .await
        .expect("user")
        .id
}

async fn draft(store: &dyn Store, title: &str) -> i64 {
    let news = section(store, &format!("News {title}")).await;
    let writer = author(store, &format!("Writer {title}")).await;
    store
        .create_article(
            &input(title, news, vec![writer], ArticleStatus::Draft, None),
            None,
            Timestamp::now(),
        )
        .await
        .expect("create")
        .id
}

async fn a_draft_waits_for_review_until_it_leaves_the_queue(store: &dyn Store) {
    let writer = member(store, "w@example.com", "Wanjiru").await;
    let (first, second) = (draft(store, "first").await, draft(store, "second").await);
    let now = Timestamp::now();
    assert!(store.desk_entry(first).await.expect("entry").is_none());
    store
        .set_review(second, Some((Some(writer), now - 5.minutes())))
        .await
        .expect("submit");
    store
        .set_review(first, Some((Some(writer), now)))
        .await
        .expect("submit");
    let queue = store.review_queue(10).await.expect("queue");
    let order: Vec<i64> = queue.iter().map(|e| e.article_id).collect();
    assert_eq!(order, [second, first], "the longest-waiting first");
    assert_eq!(queue[0].submitted_by_name.as_deref(), Some("Wanjiru"));
    store
        .assign_article(first, Some(writer))
        .await
        .expect("assign");
    store.set_review(first, None).await.expect("settled");
    let entry = store.desk_entry(first).await.expect("entry").expect("kept");
    assert!(entry.review_since.is_none());
    assert_eq!(
        entry.assigned_name.as_deref(),
        Some("Wanjiru"),
        "assignment stays"
    );
    let entries = store.desk_entries(&[first, second]).await.expect("entries");
    assert_eq!(entries.len(), 2);
    assert_eq!(store.review_queue(10).await.expect("queue").len(), 1);
}

async fn notes_stay_with_their_story_in_order(store: &dyn Store) {
    let writer = member(store, "n@example.com", "Nia").await;
    let story = draft(store, "noted").await;
    let now = Timestamp::now();
    store
        .add_note(story, Some(writer), "Nia", "first", now)
        .await
        .expect("note");
    store
        .add_note(story, None, "Desk", "second", now)
        .await
        .expect("note");
    let notes = store.list_notes(story).await.expect("notes");
    let bodies: Vec<&str> = notes.iter().map(|n| n.body.as_str()).collect();
    assert_eq!(bodies, ["first", "second"]);
    assert_eq!(notes[0].user_id, Some(writer));
    store.delete_article(story).await.expect("delete");
    assert!(store.list_notes(story).await.expect("notes").is_empty());
}

async fn a_preview_link_is_revoked_once(store: &dyn Store) {
    let story = draft(store, "previewed").await;
    let now = Timestamp::now();
    let link = store
        .create_preview_link(story, None, now, now + 48.hours())
        .await
        .expect("link");
    assert_eq!(link.revoked_at, None);
    assert_eq!(link.expires_at.as_second(), (now + 48.hours()).as_second());
    store
        .revoke_preview_link(link.id, now)
        .await
        .expect("revoke");
    store
        .revoke_preview_link(link.id, now + 1.hours())
        .await
        .expect("again");
    let revoked = store.preview_link(link.id).await.expect("link");
    assert_eq!(
        revoked.revoked_at.map(|t| t.as_second()),
        Some(now.as_second())
    );
    assert_eq!(
        store.list_preview_links(story).await.expect("links").len(),
        1
    );
    assert!(matches!(
        store.preview_link(link.id + 1000).await,
        Err(StoreError::NotFound)
    ));
}

async fn a_person_has_one_byline_and_a_byline_one_person(store: &dyn Store) {
    let (ann, ben) = (
        member(store, "ann@example.com", "Ann").await,
        member(store, "ben@example.com", "Ben").await,
    );
    let (one, two) = (author(store, "One").await, author(store, "Two").await);
    store.link_byline(ann, one).await.expect("link");
    assert_eq!(store.byline_of(ann).await.expect("byline"), Some(one));
    assert_eq!(store.person_of(one).await.expect("person"), Some(ann));
    // Linking the profile to someone else moves it; linking Ann elsewhere moves her.
    store.link_byline(ben, one).await.expect("link");
    assert_eq!(store.byline_of(ann).await.expect("byline"), None);
    store.link_byline(ben, two).await.expect("link");
    assert_eq!(store.person_of(one).await.expect("person"), None);
    assert_eq!(store.byline_of(ben).await.expect("byline"), Some(two));
    store.unlink_author(two).await.expect("unlink");
    assert_eq!(store.byline_of(ben).await.expect("byline"), None);
}

async fn embed_previews_are_kept_by_address(store: &dyn Store) {
    let page = "https://www.youtube.com/watch?v=dQw4w9WgXcQ".to_owned();
    let now = Timestamp::now();
    let first = newsdesk::store::EmbedPreview {
        title: Some("First".into()),
        thumbnail_url: None,
    };
    store
        .save_embed_preview(&page, &first, now)
        .await
        .expect("save");
    let second = newsdesk::store::EmbedPreview {
        title: Some("Second".into()),
        thumbnail_url: Some("/media/0123456789abcdef0123456789abcdef-640.jpg".into()),
    };
    store
        .save_embed_preview(&page, &second, now)
        .await
        .expect("save");
    let found = store
        .embed_previews(&[page.clone(), "https://vimeo.com/1".to_owned()])
        .await
        .expect("previews");
    assert_eq!(found.len(), 1);
    assert_eq!(found.get(&page), Some(&second));
}

fn slug(s: &str) -> Slug {
    Slug::parse(s).expect("slug")
}

async fn section(store: &dyn Store, name: &str) -> i64 {
    store
        .create_section(&SectionInput {
            slug: Slug::from_title(name),
            name: name.into(),
            description: None,
            language: None,
        })
        .await
        .expect("section")
        .id
}

async fn author(store: &dyn Store, name: &str) -> i64 {
    store
        .create_author(&AuthorInput {
            slug: Slug::from_title(name),
            name: name.into(),
            bio: None,
            photo_url: None,
        })
        .await
        .expect("author")
        .id
}

fn input(
    slug_text: &str,
    section_id: i64,
    author_ids: Vec<i64>,
    status: ArticleStatus,
    at: Option<Timestamp>,
) -> ArticleInput {
    ArticleInput {
        slug: slug(slug_text),
        title: format!("Title of {slug_text}"),
        standfirst: None,
        body: "Body.".into(),
        status,
        section_id,
        tags: vec![
            (slug("harbour"), "Harbour".into()),
            (slug("ferries"), "Ferries".into()),
        ],
        author_ids,
        lead_image: None,
        seo_title: None,
        seo_description: None,
        published_at: at,
        comments_open: true,
        format: Default::default(),
        dateline: None,
        embargo_until: None,
        source: Source::default(),
        updated_shown_at: None,
    }
}

const PAGE: Page = Page {
    number: 1,
    per_page: 50,
};

async fn sections_are_unique_and_ordered(store: &dyn Store) {
    section(store, "News").await;
    section(store, "Business").await;
    let duplicate = store
        .create_section(&SectionInput {
            slug: slug("news"),
            name: "Other".into(),
            description: None,
            language: None,
        })
        .await;
    assert!(
        matches!(duplicate, Err(StoreError::Taken { field: "slug" })),
        "{duplicate:?}"
    );
    let names: Vec<String> = store
        .list_sections()
        .await
        .expect("list")
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["News", "Business"], "in the order they were made");
    assert!(matches!(
        store.section_by_slug("missing").await,
        Err(StoreError::NotFound)
    ));
}

async fn an_article_round_trips_with_its_relations(store: &dyn Store) {
    let news = section(store, "News").await;
    let (b, a) = (author(store, "Bea").await, author(store, "Abe").await);
    let now = Timestamp::now();
    let created = store
        .create_article(
            &input(
                "ferry",
                news,
                vec![b, a],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("create");
    assert_eq!(created.version, 1);
    let names: Vec<&str> = created.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Bea", "Abe"], "byline order is kept");
    let tags: Vec<&str> = created.tags.iter().map(|t| t.slug.as_str()).collect();
    assert_eq!(tags, ["harbour", "ferries"]);
    assert_eq!(
        created.published_at.map(|t| t.as_second()),
        Some(now.as_second())
    );
    let by_slug = store
        .public_article_by_slug("ferry", now)
        .await
        .expect("public");
    assert_eq!(by_slug.id, created.id);
    assert_eq!(store.list_tags().await.expect("tags").len(), 2);
    // A second article shares the tags rather than duplicating them.
    store
        .create_article(
            &input("ferry-two", news, vec![a], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("create");
    assert_eq!(store.list_tags().await.expect("tags").len(), 2);
}

async fn a_stale_update_is_refused_and_kept_as_a_conflict(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let article = store
        .create_article(
            &input("vote", news, vec![writer], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("create");
    let mut first = input("vote", news, vec![writer], ArticleStatus::Draft, None);
    first.body = "First editor".into();
    let saved = store
        .update_article(article.id, 1, &first, None, now)
        .await
        .expect("save");
    assert_eq!(saved.version, 2);
    let mut second = first.clone();
    second.body = "Second editor".into();
    let refused = store
        .update_article(article.id, 1, &second, None, now)
        .await;
    assert!(
        matches!(
            refused,
            Err(StoreError::StaleVersion {
                expected: 1,
                current: 2
            })
        ),
        "{refused:?}"
    );
    assert_eq!(
        store.article_by_id(article.id).await.expect("get").body,
        "First editor"
    );
    let revisions = store.list_revisions(article.id).await.expect("revisions");
    let kinds: Vec<RevisionKind> = revisions.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RevisionKind::Conflict,
            RevisionKind::Save,
            RevisionKind::Save
        ]
    );
    assert_eq!(revisions[0].snapshot["body"], "Second editor");
    assert!(matches!(
        store.update_article(9999, 1, &first, None, now).await,
        Err(StoreError::NotFound)
    ));
}

async fn public_lists_hold_only_published_articles_whose_time_has_come(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    for (name, status, at) in [
        ("old", ArticleStatus::Published, Some(now - 2.hours())),
        ("new", ArticleStatus::Published, Some(now - 1.hours())),
        ("draft", ArticleStatus::Draft, Some(now - 3.hours())),
        ("later", ArticleStatus::Scheduled, Some(now + 1.hours())),
    ] {
        store
            .create_article(&input(name, news, vec![writer], status, at), None, now)
            .await
            .expect("create");
    }
    let listed = store
        .list_public_articles(PublicFilter::default(), PAGE, now)
        .await
        .expect("list");
    let slugs: Vec<&str> = listed.items.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["new", "old"]);
    assert_eq!(listed.total, 2);
    for hidden in ["draft", "later"] {
        assert!(matches!(
            store.public_article_by_slug(hidden, now).await,
            Err(StoreError::NotFound)
        ));
    }
    let by_author = store
        .list_public_articles(
            PublicFilter {
                author_id: Some(writer),
                ..Default::default()
            },
            PAGE,
            now,
        )
        .await
        .expect("list");
    assert_eq!(by_author.total, 2);
    let harbour = store.tag_by_slug("harbour").await.expect("tag");
    let by_tag = store
        .list_public_articles(
            PublicFilter {
                tag_id: Some(harbour.id),
                ..Default::default()
            },
            Page {
                number: 2,
                per_page: 1,
            },
            now,
        )
        .await
        .expect("list");
    assert_eq!(by_tag.total, 2);
    assert_eq!(by_tag.items.len(), 1);
    assert_eq!(by_tag.items[0].slug.as_str(), "old");
}

async fn publish_due_publishes_only_due_scheduled_articles(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let due = store
        .create_article(
            &input(
                "due",
                news,
                vec![writer],
                ArticleStatus::Scheduled,
                Some(now + 1.minutes()),
            ),
            None,
            now,
        )
        .await
        .expect("create");
    store
        .create_article(
            &input(
                "not-yet",
                news,
                vec![writer],
                ArticleStatus::Scheduled,
                Some(now + 1.hours()),
            ),
            None,
            now,
        )
        .await
        .expect("create");
    let later = now + 2.minutes();
    assert_eq!(store.publish_due(later).await.expect("publish"), [due.id]);
    assert!(
        store.publish_due(later).await.expect("publish").is_empty(),
        "exactly once"
    );
    assert_eq!(
        store.article_by_id(due.id).await.expect("get").status,
        ArticleStatus::Published
    );
    assert!(store.public_article_by_slug("due", later).await.is_ok());
    let audit = store
        .list_audit(newsdesk::store::Page {
            number: 1,
            per_page: 10,
        })
        .await
        .expect("audit");
    let publishes: Vec<_> = audit
        .items
        .iter()
        .filter(|e| e.action == "publish" && e.actor == "scheduler")
        .collect();
    assert_eq!(
        publishes.len(),
        1,
        "one audit line, written with the publication"
    );
    assert!(publishes[0].subject.contains(&format!("#{}", due.id)));
}

async fn schedulers_running_at_once_publish_each_article_once(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let mut due = Vec::new();
    for n in 0..12 {
        let article = store
            .create_article(
                &input(
                    &format!("due-{n}"),
                    news,
                    vec![writer],
                    ArticleStatus::Scheduled,
                    Some(now + 1.minutes()),
                ),
                None,
                now,
            )
            .await
            .expect("create");
        due.push(article.id);
    }
    // Four schedulers (as on four instances) find the same articles due at the same moment.
    let later = now + 2.minutes();
    let rounds = futures_util::future::join_all((0..4).map(|_| store.publish_due(later))).await;
    let mut published: Vec<i64> = rounds
        .into_iter()
        .flat_map(|round| round.expect("publish"))
        .collect();
    published.sort_unstable();
    assert_eq!(published, due, "each due article published by exactly one");
    let audit = store
        .list_audit(newsdesk::store::Page {
            number: 1,
            per_page: 100,
        })
        .await
        .expect("audit");
    let lines = audit
        .items
        .iter()
        .filter(|e| e.action == "publish" && e.actor == "scheduler")
        .count();
    assert_eq!(lines, due.len(), "one audit line per publication");
}

async fn an_old_slug_points_to_the_current_one(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let article = store
        .create_article(
            &input(
                "first",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("create");
    store
        .update_article(
            article.id,
            1,
            &input(
                "second",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("rename");
    store
        .update_article(
            article.id,
            2,
            &input(
                "third",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("rename");
    for old in ["first", "second"] {
        assert_eq!(
            store.article_slug_redirect(old).await.expect("redirect"),
            Some(slug("third"))
        );
    }
    assert_eq!(
        store
            .article_slug_redirect("never")
            .await
            .expect("redirect"),
        None
    );
}

async fn sections_and_authors_in_use_cannot_be_deleted(store: &dyn Store) {
    let news = section(store, "News").await;
    let spare = section(store, "Spare").await;
    let writer = author(store, "Writer").await;
    let idle = author(store, "Idle").await;
    let now = Timestamp::now();
    store
        .create_article(
            &input("x", news, vec![writer], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("create");
    assert!(matches!(
        store.delete_section(news).await,
        Err(StoreError::InUse(_))
    ));
    assert!(matches!(
        store.delete_author(writer).await,
        Err(StoreError::InUse(_))
    ));
    store
        .delete_section(spare)
        .await
        .expect("delete spare section");
    store.delete_author(idle).await.expect("delete idle author");
    assert!(matches!(
        store.delete_section(spare).await,
        Err(StoreError::NotFound)
    ));
}

async fn tokens_find_only_their_own_active_user(store: &dyn Store) {
    let now = Timestamp::now();
    let user = store
        .create_user(
            &NewUser {
                email: Email::parse("ed@example.com").expect("email"),
                name: "Ed".into(),
                role: Role::Editor,
                password_hash: "hash".into(),
            },
            now,
        )
        .await
        .expect("user");
    store
        .create_api_token(user.id, "hash-one", "cli", now)
        .await
        .expect("token");
    let found = store
        .user_by_token_hash("hash-one", now)
        .await
        .expect("found");
    assert_eq!(found.id, user.id);
    assert_eq!(found.role, Role::Editor);
    assert!(matches!(
        store.user_by_token_hash("hash-two", now).await,
        Err(StoreError::NotFound)
    ));
}

async fn users_are_unique_by_email(store: &dyn Store) {
    let now = Timestamp::now();
    let new = NewUser {
        email: Email::parse("a@example.com").expect("email"),
        name: "A".into(),
        role: Role::Admin,
        password_hash: "hash".into(),
    };
    store.create_user(&new, now).await.expect("first");
    assert!(matches!(
        store.create_user(&new, now).await,
        Err(StoreError::Taken { field: "email" })
    ));
    assert_eq!(store.count_users().await.expect("count"), 1);
}

async fn newsroom_lists_filter_by_status_and_section(store: &dyn Store) {
    let news = section(store, "News").await;
    let sport = section(store, "Sport").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    store
        .create_article(
            &input("a", news, vec![writer], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("a");
    store
        .create_article(
            &input("b", sport, vec![writer], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("b");
    store
        .create_article(
            &input(
                "c",
                sport,
                vec![writer],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("c");
    let drafts = store
        .list_articles(
            NewsroomFilter {
                edition: None,
                status: Some(ArticleStatus::Draft),
                section_id: None,
                search: None,
                source: None,
            },
            PAGE,
        )
        .await
        .expect("list");
    assert_eq!(drafts.total, 2);
    let sport_drafts = store
        .list_articles(
            NewsroomFilter {
                edition: None,
                status: Some(ArticleStatus::Draft),
                section_id: Some(sport),
                search: None,
                source: None,
            },
            PAGE,
        )
        .await
        .expect("list");
    assert_eq!(sport_drafts.total, 1);
    assert_eq!(sport_drafts.items[0].slug.as_str(), "b");
    assert_eq!(store.count_articles().await.expect("count"), 3);
}

async fn deleting_an_article_removes_it_and_its_history(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let article = store
        .create_article(
            &input("gone", news, vec![writer], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("create");
    store.delete_article(article.id).await.expect("delete");
    assert!(matches!(
        store.article_by_id(article.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .list_revisions(article.id)
            .await
            .expect("revisions")
            .is_empty()
    );
    assert!(matches!(
        store.delete_article(article.id).await,
        Err(StoreError::NotFound)
    ));
    store
        .delete_author(writer)
        .await
        .expect("the byline went with the article");
}

fn kind(name: &str) -> ReactionKind {
    ReactionKind::parse(name).expect("kind")
}

async fn published_article(store: &dyn Store) -> i64 {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    store
        .create_article(
            &input(
                "public",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now - 1.minutes()),
            ),
            None,
            now,
        )
        .await
        .expect("create")
        .id
}

async fn a_reader_has_one_reaction_and_totals_follow_it(store: &dyn Store) {
    let id = published_article(store).await;
    let now = Timestamp::now();
    let counts = store
        .set_reaction(id, "r1", Some(&kind("love")), now)
        .await
        .expect("set");
    assert_eq!(counts.get("love"), Some(&1));
    let counts = store
        .set_reaction(id, "r1", Some(&kind("love")), now)
        .await
        .expect("again");
    assert_eq!(
        counts.get("love"),
        Some(&1),
        "the same reaction twice counts once"
    );
    let counts = store
        .set_reaction(id, "r1", Some(&kind("sad")), now)
        .await
        .expect("move");
    assert_eq!(counts.get("love"), None);
    assert_eq!(counts.get("sad"), Some(&1));
    store
        .set_reaction(id, "r2", Some(&kind("sad")), now)
        .await
        .expect("second reader");
    assert_eq!(
        store
            .reader_reaction(id, "r1")
            .await
            .expect("mine")
            .as_deref(),
        Some("sad")
    );
    let counts = store
        .set_reaction(id, "r1", None, now)
        .await
        .expect("take back");
    assert_eq!(counts.get("sad"), Some(&1));
    let counts = store
        .set_reaction(id, "r1", None, now)
        .await
        .expect("take back again");
    assert_eq!(counts.get("sad"), Some(&1), "never below the rows");
    assert_eq!(store.reader_reaction(id, "r1").await.expect("mine"), None);
    assert_eq!(
        store.count_reaction_rows(id).await.expect("rows"),
        store.reaction_counts(id).await.expect("kept")
    );
    let many = store
        .reaction_counts_for(&[id, 424242])
        .await
        .expect("many");
    assert_eq!(many[&id].get("sad"), Some(&1));
    assert!(many[&424242].is_empty());
}

async fn reactions_need_a_public_article(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let draft = store
        .create_article(
            &input("draft", news, vec![writer], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("create");
    assert!(matches!(
        store
            .set_reaction(draft.id, "r", Some(&kind("wow")), now)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .set_reaction(98765, "r", Some(&kind("wow")), now)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .count_reaction_rows(draft.id)
            .await
            .expect("rows")
            .is_empty()
    );
}

async fn concurrent_reactions_keep_totals_exact(store: &dyn Store) {
    let id = published_article(store).await;
    let kinds = ["like", "love", "wow"];
    let changes = (0..200).map(|n| {
        let reader = format!("reader-{}", n % 40);
        let choice = (n % 5 != 0).then(|| kind(kinds[n % 3]));
        async move {
            store
                .set_reaction(id, &reader, choice.as_ref(), Timestamp::now())
                .await
        }
    });
    for result in futures_util::future::join_all(changes).await {
        result.expect("change");
    }
    let kept = store.reaction_counts(id).await.expect("kept");
    assert_eq!(kept, store.count_reaction_rows(id).await.expect("rows"));
    assert!(kept.values().sum::<i64>() <= 40);
}

async fn the_site_secret_is_made_once(store: &dyn Store) {
    let first = store.site_secret("cookie", "one").await.expect("secret");
    let second = store.site_secret("cookie", "two").await.expect("secret");
    assert_eq!(first, "one");
    assert_eq!(second, "one");
}

fn comment(
    article_id: i64,
    parent_id: Option<i64>,
    status: CommentStatus,
    email: Option<&str>,
) -> NewComment {
    NewComment {
        article_id,
        parent_id,
        author_name: "Reader".into(),
        author_email: email.map(|e| Email::parse(e).expect("email")),
        body: "Words".into(),
        status,
        reason: None,
        reader_id: Some("reader-1".into()),
    }
}

async fn comments_thread_and_count_only_when_approved(store: &dyn Store) {
    let id = published_article(store).await;
    let now = Timestamp::now();
    let top = store
        .create_comment(
            &comment(id, None, CommentStatus::Pending, Some("a@example.com")),
            now,
        )
        .await
        .expect("top");
    assert_eq!(top.depth, 0);
    let reply = store
        .create_comment(
            &comment(id, Some(top.id), CommentStatus::Approved, None),
            now,
        )
        .await
        .expect("reply");
    assert_eq!(reply.depth, 1);
    assert_eq!(
        store.approved_comment_counts(&[id]).await.expect("counts")[&id],
        1
    );
    let email = Email::parse("a@example.com").expect("email");
    assert!(!store.has_approved_comment(&email).await.expect("known"));
    let approved = store
        .update_comment(top.id, Some(CommentStatus::Approved), None, now)
        .await
        .expect("approve");
    assert_eq!(approved.status, CommentStatus::Approved);
    assert!(store.has_approved_comment(&email).await.expect("known"));
    assert_eq!(
        store
            .approved_comment_counts(&[id, 777])
            .await
            .expect("counts")[&id],
        2
    );
    let edited = store
        .update_comment(reply.id, None, Some("Edited"), now)
        .await
        .expect("edit");
    assert_eq!(
        (edited.body.as_str(), edited.status),
        ("Edited", CommentStatus::Approved)
    );
    let all = store.article_comments(id).await.expect("all");
    assert_eq!(
        all.iter().map(|c| c.id).collect::<Vec<_>>(),
        [top.id, reply.id]
    );
    let pending = store
        .list_comments(Some(CommentStatus::Pending), PAGE)
        .await
        .expect("queue");
    assert_eq!(pending.total, 0);
    let everything = store.list_comments(None, PAGE).await.expect("all");
    assert_eq!(everything.total, 2);
    assert!(matches!(
        store.update_comment(9999, None, Some("x"), now).await,
        Err(StoreError::NotFound)
    ));
}

async fn a_reply_must_be_on_the_same_article(store: &dyn Store) {
    let first = published_article(store).await;
    let news = store.section_by_slug("news").await.expect("section").id;
    let writer = store.author_by_slug("writer").await.expect("author").id;
    let now = Timestamp::now();
    let second = store
        .create_article(
            &input(
                "other",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("second")
        .id;
    let top = store
        .create_comment(&comment(first, None, CommentStatus::Approved, None), now)
        .await
        .expect("top");
    let stray = store
        .create_comment(
            &comment(second, Some(top.id), CommentStatus::Approved, None),
            now,
        )
        .await;
    assert!(matches!(stray, Err(StoreError::NotFound)), "{stray:?}");
}

async fn search_finds_published_words_and_ranks_titles_first(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let mut in_title = input(
        "harbour-ferry",
        news,
        vec![writer],
        ArticleStatus::Published,
        Some(now - 2.hours()),
    );
    in_title.title = "Ferry approved".into();
    let mut in_body = input(
        "market",
        news,
        vec![writer],
        ArticleStatus::Published,
        Some(now - 1.hours()),
    );
    in_body.body = "Traders worry about the ferry pier.".into();
    let mut hidden = input(
        "draft-ferry",
        news,
        vec![writer],
        ArticleStatus::Draft,
        None,
    );
    hidden.title = "Ferry draft".into();
    for article in [&in_title, &in_body, &hidden] {
        store
            .create_article(article, None, now)
            .await
            .expect("create");
    }
    let hits = store
        .search_articles(&["ferry".into()], None, PAGE, now)
        .await
        .expect("search");
    let slugs: Vec<&str> = hits.items.iter().map(|h| h.article.slug.as_str()).collect();
    assert_eq!(slugs, ["harbour-ferry", "market"]);
    assert_eq!(hits.total, 2);
    assert!(hits.items[1].snippet.contains(newsdesk::store::MATCH_START));
    let none = store
        .search_articles(&["\"".into(), "NEAR(".into()], None, PAGE, now)
        .await
        .expect("odd terms");
    assert_eq!(none.total, 0);
    assert_eq!(
        store
            .search_articles(&[], None, PAGE, now)
            .await
            .expect("empty")
            .total,
        0
    );
}

async fn reads_and_reactions_rank_the_popular_lists(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let a = store
        .create_article(
            &input(
                "a",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now - 3.hours()),
            ),
            None,
            now,
        )
        .await
        .expect("a");
    let b = store
        .create_article(
            &input(
                "b",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now - 2.hours()),
            ),
            None,
            now,
        )
        .await
        .expect("b");
    let hour = now.as_second().div_euclid(3600);
    store
        .record_views(&[
            (a.id, hour, 3),
            (b.id, hour, 5),
            (a.id, hour, 4),
            (a.id, hour - 200, 100),
        ])
        .await
        .expect("views");
    assert_eq!(store.article_view_total(a.id).await.expect("total"), 107);
    let day = store
        .most_read(now - 24.hours(), 10, None, now)
        .await
        .expect("most read");
    let ranked: Vec<(&str, i64)> = day.iter().map(|(art, n)| (art.slug.as_str(), *n)).collect();
    assert_eq!(ranked, [("a", 7), ("b", 5)]);
    let week = store
        .most_read(now - 168.hours(), 10, None, now)
        .await
        .expect("most read");
    assert_eq!(week.len(), 2);
    for reader in ["r1", "r2"] {
        store
            .set_reaction(b.id, reader, Some(&kind("wow")), now)
            .await
            .expect("react");
    }
    let reacted = store
        .most_reacted(now - 24.hours(), 10, None, now)
        .await
        .expect("most reacted");
    assert_eq!(reacted[0].0.slug.as_str(), "b");
    assert_eq!(reacted[0].1, 2);
}

async fn related_articles_share_tags_or_section(store: &dyn Store) {
    let news = section(store, "News").await;
    let sport = section(store, "Sport").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    let main = store
        .create_article(
            &input(
                "main",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("main");
    let mut other_section = input(
        "tagged",
        sport,
        vec![writer],
        ArticleStatus::Published,
        Some(now),
    );
    other_section.tags = vec![(slug("harbour"), "Harbour".into())];
    store
        .create_article(&other_section, None, now)
        .await
        .expect("tagged");
    let mut unrelated = input(
        "unrelated",
        sport,
        vec![writer],
        ArticleStatus::Published,
        Some(now),
    );
    unrelated.tags = Vec::new();
    store
        .create_article(&unrelated, None, now)
        .await
        .expect("unrelated");
    let related = store
        .related_articles(main.id, 5, now)
        .await
        .expect("related");
    let slugs: Vec<&str> = related.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["tagged"]);
    let entries = store
        .sitemap_entries(None, PAGE, now)
        .await
        .expect("sitemap");
    assert_eq!(entries.total, 3);

    // An article page's side lists in one pass agree with the lists asked one by one.
    let (side, latest) = store
        .side_lists(&main, 5, 9, now)
        .await
        .expect("side lists");
    let side: Vec<&str> = side.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(side, ["tagged"]);
    assert!(latest.is_empty());
    let later = store
        .create_article(
            &input(
                "later",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("later");
    let (side, latest) = store
        .side_lists(&main, 5, 9, now)
        .await
        .expect("side lists");
    let expected: Vec<i64> = store
        .related_articles(main.id, 5, now)
        .await
        .expect("related")
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(side.iter().map(|a| a.id).collect::<Vec<_>>(), expected);
    assert!(expected.contains(&later.id));
    assert_eq!(latest.iter().map(|a| a.id).collect::<Vec<_>>(), [later.id]);
    assert_eq!(
        latest[0].authors.len(),
        1,
        "bylines come with the side lists"
    );
}

async fn a_database_copy_holds_the_site_as_it_stood(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Bea").await;
    let now = Timestamp::now();
    store
        .create_article(
            &input(
                "ferry",
                news,
                vec![writer],
                ArticleStatus::Published,
                Some(now),
            ),
            None,
            now,
        )
        .await
        .expect("article");
    assert_eq!(
        store.check_integrity().await.expect("check"),
        Vec::<String>::new()
    );
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("copy.db");
    let counts = store.copy_database(&path).await.expect("copy");
    // A change after the copy is not in it.
    section(store, "Sport").await;
    let Some(counts) = counts else {
        assert!(
            !path.exists(),
            "an engine without a file to copy writes none"
        );
        return;
    };
    assert_eq!(counts["articles"], 1);
    assert_eq!(counts["sections"], 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("copy").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the copy is its owner's alone");
    }
    let copy = newsdesk::store::open(&format!("sqlite:{}", path.display()))
        .await
        .expect("open the copy");
    assert_eq!(
        copy.check_integrity().await.expect("check"),
        Vec::<String>::new()
    );
    assert_eq!(copy.table_counts().await.expect("counts"), counts);
    copy.close().await;
    assert!(
        store.copy_database(&path).await.is_err(),
        "a copy never overwrites a file"
    );
}

async fn integrations_are_found_by_key_hash_until_revoked(store: &dyn Store) {
    let now = Timestamp::now();
    let made = store
        .create_integration(
            &NewIntegration {
                name: "Next.js".into(),
                key_hash: "hash-one".into(),
                key_hint: "beef".into(),
                created_by: None,
            },
            now,
        )
        .await
        .expect("create");
    assert_eq!(made.name, "Next.js");
    assert_eq!(made.key_hint, "beef");
    let same_key = store
        .create_integration(
            &NewIntegration {
                name: "Other".into(),
                key_hash: "hash-one".into(),
                key_hint: "beef".into(),
                created_by: None,
            },
            now,
        )
        .await;
    assert!(matches!(same_key, Err(StoreError::Taken { field: "key" })));
    assert_eq!(
        store
            .integration_by_key_hash("hash-one")
            .await
            .expect("found")
            .id,
        made.id
    );
    assert_eq!(store.list_integrations().await.expect("list").len(), 1);
    store.delete_integration(made.id).await.expect("revoke");
    assert!(matches!(
        store.integration_by_key_hash("hash-one").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.delete_integration(made.id).await,
        Err(StoreError::NotFound)
    ));
}

const EVERYTHING: Window = Window {
    limit: None,
    offset: 0,
};

async fn content_api_stories_follow_typed_filters_order_and_window(store: &dyn Store) {
    let news = section(store, "News").await;
    let sport = section(store, "Sport").await;
    let amina = author(store, "Amina").await;
    let tomas = author(store, "Tomas").await;
    let now = Timestamp::now();
    for (name, section_id, authors, hours, status) in [
        ("ferry", news, vec![amina], 3, ArticleStatus::Published),
        (
            "match",
            sport,
            vec![tomas, amina],
            2,
            ArticleStatus::Published,
        ),
        ("quay", news, vec![tomas], 1, ArticleStatus::Published),
        ("draft", news, vec![amina], 4, ArticleStatus::Draft),
    ] {
        let mut story = input(name, section_id, authors, status, Some(now - hours.hours()));
        if name == "match" {
            story.tags = vec![(slug("news"), "News".into())];
        }
        store
            .create_article(&story, None, now)
            .await
            .expect("create");
    }
    let newest = [Order {
        field: StoryField::PublishedAt,
        descending: true,
    }];
    let slugs = |filter: Filter<StoryCondition>| async move {
        store
            .content_stories(&filter, &newest, EVERYTHING, now)
            .await
            .expect("stories")
            .items
            .iter()
            .map(|a| a.slug.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    let is = |c| Filter::Is(c);
    assert_eq!(
        slugs(Filter::Always(true)).await,
        ["quay", "match", "ferry"]
    );
    // A tag is a section or a tag: "news" is ferry's and quay's section, match's tag.
    assert_eq!(
        slugs(is(StoryCondition::Tag(Text::Is("news".into())))).await,
        ["quay", "match", "ferry"]
    );
    assert_eq!(
        slugs(is(StoryCondition::PrimaryTag(Text::Is("news".into())))).await,
        ["quay", "ferry"]
    );
    assert_eq!(
        slugs(is(StoryCondition::PrimaryAuthor(Text::Is("amina".into())))).await,
        ["ferry"]
    );
    assert_eq!(
        slugs(Filter::Not(Box::new(is(StoryCondition::Author(
            Text::OneOf(vec!["tomas".into()])
        )))))
        .await,
        ["ferry"]
    );
    assert_eq!(
        slugs(Filter::Any(vec![
            is(StoryCondition::Slug(Text::EndsWith("RRY".into()))),
            is(StoryCondition::Time(
                StoryTime::Published,
                TimeComparison::AtOrAfter,
                now - 1.hours()
            )),
        ]))
        .await,
        ["quay", "ferry"]
    );
    // Text that looks like LIKE's wildcards matches only itself.
    assert!(
        slugs(is(StoryCondition::Title(Text::Contains("%".into()))))
            .await
            .is_empty()
    );
    assert!(slugs(is(StoryCondition::Id(vec![]))).await.is_empty());
    let window = store
        .content_stories(
            &Filter::Always(true),
            &[Order {
                field: StoryField::Title,
                descending: false,
            }],
            Window {
                limit: Some(1),
                offset: 1,
            },
            now,
        )
        .await
        .expect("window");
    assert_eq!(window.total, 3);
    assert_eq!(
        window
            .items
            .iter()
            .map(|a| a.slug.as_str())
            .collect::<Vec<_>>(),
        ["match"]
    );
}

async fn content_api_tags_are_sections_and_tags_one_per_slug(store: &dyn Store) {
    let news = section(store, "News").await;
    let writer = author(store, "Writer").await;
    let now = Timestamp::now();
    // Tags "harbour" and "ferries" on both; one story also tagged "news" like the section.
    for name in ["one", "two"] {
        let mut story = input(
            name,
            news,
            vec![writer],
            ArticleStatus::Published,
            Some(now - 1.hours()),
        );
        if name == "two" {
            story.tags.push((slug("news"), "News".into()));
        }
        store
            .create_article(&story, None, now)
            .await
            .expect("create");
    }
    store
        .create_article(
            &input("hidden", news, vec![writer], ArticleStatus::Draft, None),
            None,
            now,
        )
        .await
        .expect("draft");
    let by_name = [Order {
        field: TagField::Name,
        descending: false,
    }];
    let all = store
        .content_tags(&Filter::Always(true), &by_name, EVERYTHING, true, now)
        .await
        .expect("tags");
    let listed: Vec<(&str, Option<i64>, bool)> = all
        .items
        .iter()
        .map(|t| (t.slug.as_str(), t.posts, t.section_id.is_some()))
        .collect();
    assert_eq!(
        listed,
        [
            ("ferries", Some(2), false),
            ("harbour", Some(2), false),
            ("news", Some(2), true),
        ]
    );
    assert_eq!(all.total, 3);
    let news_tag = store.tag_by_slug("news").await.expect("tag");
    let by_tag_id = store
        .content_tags(
            &Filter::Is(TagCondition::Tag(vec![news_tag.id])),
            &by_name,
            EVERYTHING,
            false,
            now,
        )
        .await
        .expect("by id");
    assert_eq!(by_tag_id.items[0].section_id, Some(news));
    assert_eq!(by_tag_id.items[0].posts, None);
    let popular = store
        .content_tags(
            &Filter::Is(TagCondition::Name(Text::StartsWith("h".into()))),
            &[Order {
                field: TagField::PostCount,
                descending: true,
            }],
            EVERYTHING,
            false,
            now,
        )
        .await
        .expect("popular");
    assert_eq!(popular.items.len(), 1);
    assert_eq!(popular.items[0].slug.as_str(), "harbour");
}

async fn content_api_authors_count_their_public_stories(store: &dyn Store) {
    let news = section(store, "News").await;
    let amina = author(store, "Amina").await;
    let tomas = author(store, "Tomas").await;
    author(store, "Zed").await;
    let now = Timestamp::now();
    for (name, authors, status) in [
        ("a", vec![amina], ArticleStatus::Published),
        ("b", vec![amina, tomas], ArticleStatus::Published),
        ("c", vec![tomas], ArticleStatus::Draft),
    ] {
        store
            .create_article(
                &input(name, news, authors, status, Some(now - 1.hours())),
                None,
                now,
            )
            .await
            .expect("create");
    }
    let authors = store
        .content_authors(
            &Filter::Always(true),
            &[Order {
                field: AuthorField::PostCount,
                descending: true,
            }],
            EVERYTHING,
            true,
            now,
        )
        .await
        .expect("authors");
    let counted: Vec<(&str, Option<i64>)> = authors
        .items
        .iter()
        .map(|(a, posts)| (a.slug.as_str(), *posts))
        .collect();
    assert_eq!(
        counted,
        [("amina", Some(2)), ("tomas", Some(1)), ("zed", Some(0))]
    );
    let one = store
        .content_authors(
            &Filter::Is(AuthorCondition::Slug(Text::Is("tomas".into()))),
            &[],
            EVERYTHING,
            false,
            now,
        )
        .await
        .expect("one");
    assert_eq!(one.total, 1);
    assert_eq!(one.items[0].1, None);
}

async fn placements_are_replaced_whole_and_expire(store: &dyn Store) {
    use newsdesk::store::{Placement, Slot};
    let id = published_article(store).await;
    let now = Timestamp::now();
    assert!(store.placements().await.expect("none").is_empty());
    let placed = vec![Placement {
        slot: Slot::Lead,
        position: 1,
        article_id: id,
        until: Some(now + 10.seconds()),
    }];
    store
        .replace_placements(&placed, None, now)
        .await
        .expect("placed");
    let stored = store.placements().await.expect("placements");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].slot, Slot::Lead);
    assert_eq!(
        stored[0].until.map(|t| t.as_second()),
        Some((now + 10.seconds()).as_second())
    );
    assert!(
        store
            .front_expired_between(now + 9.seconds(), now + 10.seconds())
            .await
            .expect("expiry")
    );
    assert!(
        !store
            .front_expired_between(now + 10.seconds(), now + 11.seconds())
            .await
            .expect("expiry")
    );
    assert_eq!(
        store
            .public_articles_by_ids(&[id, 999_999], now)
            .await
            .expect("public")
            .len(),
        1
    );
    store
        .replace_placements(&[], None, now)
        .await
        .expect("cleared");
    assert!(store.placements().await.expect("none").is_empty());
    // Deleting the story takes it off the front page.
    store
        .replace_placements(&placed, None, now)
        .await
        .expect("placed");
    store.delete_article(id).await.expect("deleted");
    assert!(store.placements().await.expect("none").is_empty());
}

async fn the_breaking_banner_is_one_story_until_a_time(store: &dyn Store) {
    let id = published_article(store).await;
    let now = Timestamp::now();
    assert!(store.breaking_news().await.expect("none").is_none());
    store
        .set_breaking_news(id, now + 1.hours(), None, now)
        .await
        .expect("set");
    store
        .set_breaking_news(id, now + 2.hours(), None, now)
        .await
        .expect("replaced");
    let banner = store.breaking_news().await.expect("banner").expect("one");
    assert_eq!(banner.article_id, id);
    assert_eq!(banner.until.as_second(), (now + 2.hours()).as_second());
    assert!(store.clear_breaking_news().await.expect("cleared"));
    assert!(!store.clear_breaking_news().await.expect("nothing left"));
    assert!(store.breaking_news().await.expect("none").is_none());
}

async fn labels_and_section_layout_read_back_everywhere(store: &dyn Store) {
    use newsdesk::store::{BlockStyle, SectionLayout};
    let id = published_article(store).await;
    let news = store.section_by_slug("news").await.expect("news");
    let counties = section(store, "Counties").await;
    store
        .set_article_label(id, Some("Exclusive"))
        .await
        .expect("label");
    assert_eq!(
        store
            .article_by_id(id)
            .await
            .expect("article")
            .label
            .as_deref(),
        Some("Exclusive")
    );
    assert!(matches!(
        store.set_article_label(999_999, None).await,
        Err(StoreError::NotFound)
    ));
    let layout = SectionLayout {
        position: 7,
        parent_id: Some(news.id),
        on_home: false,
        block_style: BlockStyle::Grid,
        colour: Some("#123456".into()),
    };
    let child = store
        .set_section_layout(counties, &layout)
        .await
        .expect("layout");
    assert_eq!(child.parent_slug.as_ref().map(|s| s.as_str()), Some("news"));
    assert_eq!(child.path(), "/section/news/counties");
    assert!(!child.on_home);
    assert_eq!(child.block_style, BlockStyle::Grid);
    assert_eq!(child.colour.as_deref(), Some("#123456"));
    // A story in the subsection is listed under its parent too.
    let writer = author(store, "Second Writer").await;
    let now = Timestamp::now();
    store
        .create_article(
            &input(
                "county-story",
                counties,
                vec![writer],
                ArticleStatus::Published,
                Some(now - 1.minutes()),
            ),
            None,
            now,
        )
        .await
        .expect("article");
    let filter = PublicFilter {
        section_id: Some(news.id),
        ..Default::default()
    };
    let listed = store
        .list_public_articles(filter, PAGE, now)
        .await
        .expect("list");
    assert_eq!(listed.total, 2);
    let county = listed
        .items
        .iter()
        .find(|a| a.slug.as_str() == "county-story")
        .expect("listed");
    assert_eq!(county.section.path(), "/section/news/counties");
    // Deleting the parent makes the child a top-level section.
    store.delete_article(id).await.expect("article deleted");
    store.delete_section(news.id).await.expect("parent deleted");
    let child = store.section_by_id(counties).await.expect("child");
    assert_eq!(child.parent_id, None);
}

fn page_input(slug: &str, title: &str) -> newsdesk::store::PageInput {
    newsdesk::store::PageInput {
        slug: Slug::parse(slug).expect("slug"),
        title: title.into(),
        body: "Words.".into(),
        seo_title: None,
        seo_description: None,
        contact_form: true,
        language: None,
    }
}

async fn a_page_keeps_its_revisions_and_old_slugs(store: &dyn Store) {
    let now = Timestamp::now();
    let page = store
        .create_page(&page_input("about", "About"), None, now)
        .await
        .expect("page");
    assert_eq!(page.version, 1);
    assert!(page.contact_form);
    assert!(matches!(
        store
            .create_page(&page_input("about", "Again"), None, now)
            .await,
        Err(StoreError::Taken { field: "slug" })
    ));
    let moved = store
        .update_page(page.id, 1, &page_input("about-us", "About us"), None, now)
        .await
        .expect("saved");
    assert_eq!(moved.version, 2);
    assert_eq!(
        store.page_slug_redirect("about").await.expect("redirect"),
        Some(Slug::parse("about-us").expect("slug"))
    );
    assert_eq!(
        store.page_by_slug("about-us").await.expect("page").id,
        page.id
    );
    assert!(matches!(
        store
            .update_page(page.id, 1, &page_input("about-us", "Stale"), None, now)
            .await,
        Err(StoreError::StaleVersion {
            expected: 1,
            current: 2
        })
    ));
    let revisions = store.page_revisions(page.id).await.expect("revisions");
    let kinds: Vec<RevisionKind> = revisions.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RevisionKind::Conflict,
            RevisionKind::Save,
            RevisionKind::Save
        ]
    );
    assert_eq!(revisions[0].snapshot.title, "Stale");
    assert_eq!(store.list_pages().await.expect("list").len(), 1);
    store.delete_page(page.id).await.expect("deleted");
    assert!(matches!(
        store.page_by_id(page.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(store.page_slug_redirect("about").await.expect("none"), None);
}

async fn menus_are_replaced_whole_and_follow_their_pages(store: &dyn Store) {
    use newsdesk::store::{Menu, MenuItem, MenuTarget};
    let now = Timestamp::now();
    let page = store
        .create_page(&page_input("privacy", "Privacy"), None, now)
        .await
        .expect("page");
    let footer = vec![
        MenuItem {
            label: None,
            target: MenuTarget::Page(page.id),
        },
        MenuItem {
            label: Some("Jobs".into()),
            target: MenuTarget::Link("https://jobs.example.com".into()),
        },
    ];
    store
        .replace_menu(Menu::Footer, &footer)
        .await
        .expect("saved");
    store
        .replace_menu(Menu::Footer, &footer[1..])
        .await
        .expect("replaced");
    store
        .replace_menu(Menu::Footer, &footer)
        .await
        .expect("again");
    let items = store.menu_items().await.expect("items");
    assert_eq!(
        items,
        footer
            .iter()
            .map(|i| (Menu::Footer, i.clone()))
            .collect::<Vec<_>>()
    );
    store.delete_page(page.id).await.expect("deleted");
    let items = store.menu_items().await.expect("items");
    assert_eq!(items, vec![(Menu::Footer, footer[1].clone())]);
}

async fn contact_messages_are_kept_read_and_deleted(store: &dyn Store) {
    let now = Timestamp::now();
    let page = store
        .create_page(&page_input("contact", "Contact"), None, now)
        .await
        .expect("page");
    let mut ids = Vec::new();
    for n in 0..3 {
        let message = store
            .create_contact_message(
                &newsdesk::store::NewContactMessage {
                    page_id: Some(page.id),
                    name: format!("Reader {n}"),
                    email: Email::parse("reader@example.com").expect("email"),
                    message: "Hello.".into(),
                    spam_reason: (n == 2).then(|| "honeypot".to_owned()),
                },
                now + n.seconds(),
            )
            .await
            .expect("kept");
        assert_eq!(message.read_at, None);
        ids.push(message.id);
    }
    let listed = store
        .contact_messages(Page {
            number: 1,
            per_page: 2,
        })
        .await
        .expect("list");
    assert_eq!(listed.total, 3);
    assert_eq!(listed.items[0].name, "Reader 2", "newest first");
    assert_eq!(listed.items[0].spam_reason.as_deref(), Some("honeypot"));
    store
        .mark_contact_message_read(ids[0], now)
        .await
        .expect("read");
    assert!(
        store
            .contact_message(ids[0])
            .await
            .expect("one")
            .read_at
            .is_some()
    );
    store.delete_contact_message(ids[0]).await.expect("deleted");
    assert!(matches!(
        store.delete_contact_message(ids[0]).await,
        Err(StoreError::NotFound)
    ));
    // A deleted page leaves its messages.
    store.delete_page(page.id).await.expect("page deleted");
    assert_eq!(
        store.contact_message(ids[1]).await.expect("kept").page_id,
        None
    );
}

fn live_entry(body: &str) -> newsdesk::store::NewEntry {
    newsdesk::store::NewEntry {
        body: body.into(),
        ..Default::default()
    }
}

async fn live_entries_page_in_either_order_with_one_pinned(store: &dyn Store) {
    use newsdesk::store::EntryOrder;
    let article = draft(store, "live-count").await;
    let writer = member(store, "live@example.com", "Live Writer").await;
    let start = Timestamp::now() - 1.hours();
    let mut ids = Vec::new();
    for n in 0..5_i64 {
        let mut entry = live_entry(&format!("entry {n}"));
        entry.pinned = n == 1 || n == 3;
        let added = store
            .add_entry(article, &entry, Some(writer), start + (n * 60).seconds())
            .await
            .expect("add");
        assert_eq!(added.author_name.as_deref(), Some("Live Writer"));
        ids.push(added.id);
    }
    let newest = store
        .entries(article, EntryOrder::NewestFirst, 0, 2)
        .await
        .expect("page");
    assert_eq!(
        newest.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![ids[4], ids[3]]
    );
    let oldest = store
        .entries(article, EntryOrder::OldestFirst, 2, 2)
        .await
        .expect("page");
    assert_eq!(
        oldest.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![ids[2], ids[3]]
    );
    // Pinning the fourth unpinned the second.
    let pinned = store
        .pinned_entry(article)
        .await
        .expect("pinned")
        .expect("one");
    assert_eq!(pinned.id, ids[3]);
    assert!(!store.entry(article, ids[1]).await.expect("entry").pinned);
    let after = store
        .entries_after(article, Some(ids[2]), None, 10)
        .await
        .expect("after");
    assert_eq!(
        after.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![ids[4], ids[3]]
    );
    let mut changed = live_entry("entry 0, corrected");
    changed.pinned = true;
    let later = Timestamp::now();
    let updated = store
        .update_entry(article, ids[0], &changed, later)
        .await
        .expect("update");
    assert_eq!(updated.body, "entry 0, corrected");
    assert_eq!(
        store
            .pinned_entry(article)
            .await
            .expect("pinned")
            .map(|e| e.id),
        Some(ids[0])
    );
    let (total, latest) = store.entry_totals(article).await.expect("totals");
    assert_eq!(total, 5);
    assert_eq!(latest.map(|t| t.as_second()), Some(later.as_second()));
    // Another story's entry is not this story's.
    let other = draft(store, "other-story").await;
    assert!(matches!(
        store.entry(other, ids[0]).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.delete_entry(other, ids[0]).await,
        Err(StoreError::NotFound)
    ));
    store.delete_entry(article, ids[0]).await.expect("delete");
    assert_eq!(store.entry_totals(article).await.expect("totals").0, 4);
}

async fn key_events_know_how_many_entries_are_newer(store: &dyn Store) {
    let article = draft(store, "key-events").await;
    let start = Timestamp::now() - 1.hours();
    for n in 0..6_i64 {
        let mut entry = live_entry(&format!("entry {n}"));
        if n % 2 == 0 {
            entry.key_event = true;
            entry.title = Some(format!("Key {n}"));
        }
        store
            .add_entry(article, &entry, None, start + (n * 60).seconds())
            .await
            .expect("add");
    }
    let keys = store.key_events(article, 10).await.expect("keys");
    let seen: Vec<(String, i64)> = keys.iter().map(|k| (k.title.clone(), k.newer)).collect();
    assert_eq!(
        seen,
        vec![
            ("Key 4".into(), 1),
            ("Key 2".into(), 3),
            ("Key 0".into(), 5)
        ]
    );
}

async fn a_live_blog_is_open_until_its_coverage_ends(store: &dyn Store) {
    use newsdesk::store::{Coverage, EntryOrder};
    let article = draft(store, "coverage").await;
    let editor = member(store, "ends@example.com", "Ender").await;
    assert_eq!(
        store.coverage(article).await.expect("coverage"),
        Coverage::open(article)
    );
    let ended = Timestamp::from_second(Timestamp::now().as_second()).expect("time");
    let coverage = Coverage {
        article_id: article,
        order: EntryOrder::OldestFirst,
        ended_at: Some(ended),
    };
    store
        .set_coverage(&coverage, Some(editor))
        .await
        .expect("set");
    assert_eq!(store.coverage(article).await.expect("coverage"), coverage);
    let reopened = Coverage {
        ended_at: None,
        ..coverage
    };
    store
        .set_coverage(&reopened, Some(editor))
        .await
        .expect("set");
    assert_eq!(store.coverage(article).await.expect("coverage"), reopened);
}
