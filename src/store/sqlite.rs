//! The embedded SQLite store: one file in WAL mode, nothing else to install.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Executor, QueryBuilder, Row, Sqlite, Transaction};

use super::counted::Counted;
use super::reactions::{self, ApplyReactions, ReactionOp};
use super::rows::{
    self, ARTICLE_COLUMNS, COMMENT_COLUMNS, MEDIA_COLUMNS, SECTION_COLUMNS, article_fields,
    article_from_row, author_from_row, comment_from_row, media_from_row, section_from_row,
    tag_from_row, timestamp, user_from_row,
};
use super::{
    Article, ArticleInput, ArticleStore, AuditEntry, AuditStore, Author, AuthorInput, AuthorStore,
    Comment, CommentStatus, CommentStore, DiscoveryStore, EditionFilter, Media, MediaStore,
    NewAuditEntry, NewComment, NewMedia, NewUser, NewsroomFilter, Page, Paged, PublicFilter,
    ReactionCounts, ReactionStore, Revision, RevisionKind, SearchHit, Section, SectionInput,
    SectionStore, SitemapEntry, SlugKind, Store, StoreError, StoreResult, Tag, TagStore, User,
    UserChange, UserStore,
};
use crate::domain::{Email, ReactionKind, Slug};
use tokio::sync::mpsc;

/// Schema changes in the order they apply; each runs once, in its own transaction.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../../migrations/sqlite/0001_foundation.sql"),
    ),
    (
        2,
        "reactions",
        include_str!("../../migrations/sqlite/0002_reactions.sql"),
    ),
    (
        3,
        "comments",
        include_str!("../../migrations/sqlite/0003_comments.sql"),
    ),
    (
        4,
        "discovery",
        include_str!("../../migrations/sqlite/0004_discovery.sql"),
    ),
    (
        5,
        "recent_by_tag",
        include_str!("../../migrations/sqlite/0005_recent_by_tag.sql"),
    ),
    (
        6,
        "newsroom",
        include_str!("../../migrations/sqlite/0006_newsroom.sql"),
    ),
    (
        7,
        "media",
        include_str!("../../migrations/sqlite/0007_media.sql"),
    ),
    (
        8,
        "shared_extension",
        include_str!("../../migrations/sqlite/0008_shared_extension.sql"),
    ),
    (
        10,
        "review",
        include_str!("../../migrations/sqlite/0010_review.sql"),
    ),
    (
        11,
        "preview_links",
        include_str!("../../migrations/sqlite/0011_preview_links.sql"),
    ),
    (
        12,
        "person_bylines",
        include_str!("../../migrations/sqlite/0012_person_bylines.sql"),
    ),
    (
        13,
        "embed_previews",
        include_str!("../../migrations/sqlite/0013_embed_previews.sql"),
    ),
    (
        15,
        "integrations",
        include_str!("../../migrations/sqlite/0015_integrations.sql"),
    ),
    (
        16,
        "front_page",
        include_str!("../../migrations/sqlite/0016_front_page.sql"),
    ),
    (
        25,
        "stats",
        include_str!("../../migrations/sqlite/0025_stats.sql"),
    ),
    (
        30,
        "imports",
        include_str!("../../migrations/sqlite/0030_imports.sql"),
    ),
    (
        31,
        "story_format",
        include_str!("../../migrations/sqlite/0031_story_format.sql"),
    ),
    (
        32,
        "site_pages",
        include_str!("../../migrations/sqlite/0032_site_pages.sql"),
    ),
    (
        38,
        "trust",
        include_str!("../../migrations/sqlite/0038_trust.sql"),
    ),
    (
        41,
        "live_blogs",
        include_str!("../../migrations/sqlite/0041_live_blogs.sql"),
    ),
    (
        44,
        "polls",
        include_str!("../../migrations/sqlite/0044_polls.sql"),
    ),
    (
        45,
        "galleries",
        include_str!("../../migrations/sqlite/0045_galleries.sql"),
    ),
    (
        46,
        "lists_and_video",
        include_str!("../../migrations/sqlite/0046_lists_and_video.sql"),
    ),
    (
        47,
        "reaction_counts_of_deleted_stories",
        include_str!("../../migrations/sqlite/0047_reaction_counts_of_deleted_stories.sql"),
    ),
    (
        48,
        "imported_pages",
        include_str!("../../migrations/sqlite/0048_imported_pages.sql"),
    ),
    (
        49,
        "editions",
        include_str!("../../migrations/sqlite/0049_editions.sql"),
    ),
];

pub struct SqliteStore {
    pool: Counted<Sqlite>,
    reactions: mpsc::Sender<ReactionOp>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file a `sqlite:` URL names. A new file, its
    /// folder and the journal files SQLite makes beside it are readable by their owner only.
    pub async fn open(url: &str) -> anyhow::Result<SqliteStore> {
        let options = SqliteConnectOptions::from_str(url).with_context(|| {
            format!("{:?} is not a SQLite database URL", super::redact_url(url))
        })?;
        if let Some(file) = database_file(url, &options) {
            // SQLite gives the -wal and -shm files the database file's own mode.
            let parent = file.parent().filter(|p| !p.as_os_str().is_empty());
            parent
                .map_or(Ok(()), crate::files::create_private_dir)
                .and_then(|()| crate::files::touch_private_file(&file))
                .with_context(|| {
                    format!("could not create the database file {}", file.display())
                })?;
        }
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .with_context(|| {
                format!(
                    "could not open the SQLite database at {}",
                    super::redact_url(url)
                )
            })?;
        let reactions = reactions::start_writer(pool.clone());
        Ok(SqliteStore {
            pool: Counted::new(pool),
            reactions,
        })
    }

    /// Puts a copy made by `copy_database` in place as the file `url` names, which must not
    /// exist yet. Copied aside first and renamed, so a copy cut short is never taken for a
    /// database.
    pub async fn install_copy(url: &str, copy: &Path) -> anyhow::Result<()> {
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| format!("{url:?} is not a SQLite database URL"))?;
        let target = options.get_filename().to_path_buf();
        let in_use = [
            target.clone(),
            sidecar(&target, "-wal"),
            sidecar(&target, "-shm"),
        ]
        .into_iter()
        .find(|file| file.metadata().is_ok_and(|m| m.len() > 0));
        if let Some(file) = in_use {
            anyhow::bail!(
                "{} already exists; restore into an empty data folder (a new --data), or move \
                 the site's database files away first",
                file.display()
            );
        }
        if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("could not create {}", folder.display()))?;
        }
        let partial = sidecar(&target, ".restoring");
        let mut from = std::fs::File::open(copy)
            .with_context(|| format!("could not read {}", copy.display()))?;
        let mut to = private_file(&partial)?;
        std::io::copy(&mut from, &mut to)
            .and_then(|_| to.sync_all())
            .with_context(|| format!("could not write {}", partial.display()))?;
        std::fs::rename(&partial, &target)
            .with_context(|| format!("could not write {}", target.display()))?;
        Ok(())
    }
}

/// `path` with `suffix` added to its file name (`newsdesk.db-wal`).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A new, empty file only its owner may read: a database holds password hashes and the
/// site's secret.
fn private_file(path: &Path) -> anyhow::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .with_context(|| format!("could not create {}", path.display()))
}

/// The file a `sqlite:` URL names, unless the database lives in memory.
fn database_file(url: &str, options: &SqliteConnectOptions) -> Option<std::path::PathBuf> {
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    (!in_memory).then(|| options.get_filename().to_path_buf())
}

/// The file a `sqlite:` URL names, if it is one and names a file (not a database in memory).
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    if !url.starts_with("sqlite:") {
        return None;
    }
    let options = SqliteConnectOptions::from_str(url).ok()?;
    database_file(url, &options)
}

/// SQLite has one writer at a time, so reaction changes go through one writer task
/// (`reactions.rs`) whose batches this applies in one `BEGIN IMMEDIATE` transaction.
#[async_trait]
impl ApplyReactions for SqlitePool {
    async fn apply(
        &self,
        batch: &[ReactionOp],
        now: i64,
    ) -> Result<Vec<StoreResult<ReactionCounts>>, sqlx::Error> {
        apply_reactions(self, batch, now).await
    }
}

async fn apply_reactions(
    pool: &SqlitePool,
    batch: &[ReactionOp],
    now: i64,
) -> Result<Vec<StoreResult<ReactionCounts>>, sqlx::Error> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let mut public: HashMap<i64, bool> = HashMap::new();
    for op in batch {
        if let std::collections::hash_map::Entry::Vacant(entry) = public.entry(op.article_id) {
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT 1 FROM articles WHERE id = ? AND status = 'published' AND published_at <= ?",
            )
            .bind(op.article_id)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            entry.insert(found.is_some());
        }
    }
    for op in batch.iter().filter(|op| public[&op.article_id]) {
        match &op.kind {
            Some(kind) => {
                sqlx::query(
                    "INSERT INTO reactions (article_id, reader_id, kind, reacted_at) VALUES (?, ?, ?, ?) \
                     ON CONFLICT (article_id, reader_id) DO UPDATE \
                     SET kind = excluded.kind, reacted_at = excluded.reacted_at \
                     WHERE kind <> excluded.kind",
                )
                .bind(op.article_id)
                .bind(&op.reader_id)
                .bind(kind)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM reactions WHERE article_id = ? AND reader_id = ?")
                    .bind(op.article_id)
                    .bind(&op.reader_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    let mut totals: HashMap<i64, ReactionCounts> = HashMap::new();
    let touched: HashSet<i64> = public
        .iter()
        .filter(|(_, ok)| **ok)
        .map(|(id, _)| *id)
        .collect();
    for article_id in touched {
        totals.insert(article_id, counts_on(&mut *tx, article_id).await?);
    }
    tx.commit().await?;
    Ok(batch
        .iter()
        .map(|op| {
            totals
                .get(&op.article_id)
                .cloned()
                .ok_or(StoreError::NotFound)
        })
        .collect())
}

async fn counts_on(
    executor: impl sqlx::Executor<'_, Database = Sqlite>,
    article_id: i64,
) -> Result<ReactionCounts, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, count FROM reaction_counts WHERE article_id = ? AND count > 0",
    )
    .bind(article_id)
    .fetch_all(executor)
    .await?;
    Ok(rows.into_iter().collect())
}

fn backend(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            let message = db.message();
            let field = if message.contains(".email") {
                "email"
            } else if message.contains(".name") {
                "name"
            } else if message.contains(".token_hash") {
                "token"
            } else {
                "slug"
            };
            StoreError::Taken { field }
        }
        sqlx::Error::Database(db) if db.is_foreign_key_violation() => {
            StoreError::InUse("another record still refers to this one".into())
        }
        _ => StoreError::Backend(anyhow::Error::new(error)),
    }
}

/// A row as JSON, by its columns' stored types (SQLite's values carry their own type).
/// Rows per archived table, on one connection.
async fn count_tables(conn: &mut sqlx::SqliteConnection) -> StoreResult<super::TableCounts> {
    let mut counts = super::TableCounts::new();
    for table in super::ARCHIVE_TABLES {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut *conn)
            .await
            .map_err(backend)?;
        counts.insert((*table).to_owned(), n);
    }
    Ok(counts)
}

/// What SQLite finds wrong with a database: damaged pages or indexes, and rows whose
/// parent is missing. Empty when sound.
async fn integrity_problems(conn: &mut sqlx::SqliteConnection) -> StoreResult<Vec<String>> {
    let mut problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
    problems.retain(|line| line != "ok");
    let orphans = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
    for row in orphans {
        let table: String = row.try_get(0).map_err(backend)?;
        let parent: String = row.try_get(2).map_err(backend)?;
        problems.push(format!("a row of {table} names a missing {parent} row"));
    }
    Ok(problems)
}

fn row_to_json(row: &SqliteRow) -> StoreResult<serde_json::Map<String, serde_json::Value>> {
    use sqlx::{Column, TypeInfo, ValueRef};
    let mut map = serde_json::Map::new();
    for (index, column) in row.columns().iter().enumerate() {
        let raw = row.try_get_raw(index).map_err(backend)?;
        let value = if raw.is_null() {
            serde_json::Value::Null
        } else {
            match raw.type_info().name() {
                "INTEGER" => {
                    serde_json::Value::from(row.try_get::<i64, _>(index).map_err(backend)?)
                }
                "REAL" => serde_json::Value::from(row.try_get::<f64, _>(index).map_err(backend)?),
                _ => serde_json::Value::from(row.try_get::<String, _>(index).map_err(backend)?),
            }
        };
        map.insert(column.name().to_owned(), value);
    }
    Ok(map)
}

impl SqliteStore {
    /// A transaction that holds SQLite's write lock from its first statement, so a read
    /// inside it cannot be overtaken by another writer before this one writes.
    async fn write_tx(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(backend)
    }

    /// Fills in the bylines and tags of articles with one query, whatever their number.
    async fn with_relations(&self, mut articles: Vec<Article>) -> StoreResult<Vec<Article>> {
        if articles.is_empty() {
            return Ok(articles);
        }
        let ids: Vec<i64> = articles.iter().map(|a| a.id).collect();

        // Bylines and tags in one statement: one round trip, whatever the list's length.
        let mut query = QueryBuilder::<Sqlite>::new(
            "SELECT 'a' AS kind, aa.article_id, aa.position, au.id, au.slug, au.name, au.bio, \
             au.photo_url FROM article_authors aa JOIN authors au ON au.id = aa.author_id \
             WHERE aa.article_id IN (",
        );
        push_ids(&mut query, &ids);
        query.push(
            ") UNION ALL SELECT 't', at.article_id, at.position, t.id, t.slug, t.name, NULL, NULL \
             FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id IN (",
        );
        push_ids(&mut query, &ids);
        query.push(") ORDER BY 2, 1, 3");
        let mut authors: HashMap<i64, Vec<Author>> = HashMap::new();
        let mut tags: HashMap<i64, Vec<Tag>> = HashMap::new();
        for row in query.build().fetch_all(&self.pool).await.map_err(backend)? {
            let article_id: i64 = row.try_get("article_id").map_err(backend)?;
            let kind: String = row.try_get("kind").map_err(backend)?;
            if kind == "a" {
                authors
                    .entry(article_id)
                    .or_default()
                    .push(author_from_row(&row)?);
            } else {
                tags.entry(article_id)
                    .or_default()
                    .push(tag_from_row(&row)?);
            }
        }

        for article in &mut articles {
            article.authors = authors.remove(&article.id).unwrap_or_default();
            article.tags = tags.remove(&article.id).unwrap_or_default();
        }
        Ok(articles)
    }

    async fn fetch_articles(
        &self,
        mut query: QueryBuilder<'_, Sqlite>,
    ) -> StoreResult<Vec<Article>> {
        let rows = query.build().fetch_all(&self.pool).await.map_err(backend)?;
        let articles = rows
            .iter()
            .map(article_from_row)
            .collect::<StoreResult<Vec<_>>>()?;
        self.with_relations(articles).await
    }

    async fn one_article(&self, query: QueryBuilder<'_, Sqlite>) -> StoreResult<Article> {
        self.fetch_articles(query)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)
    }

    async fn count(&self, mut query: QueryBuilder<'_, Sqlite>) -> StoreResult<i64> {
        query
            .build()
            .fetch_one(&self.pool)
            .await
            .and_then(|row| row.try_get::<i64, _>(0))
            .map_err(backend)
    }
}

fn push_ids(query: &mut QueryBuilder<'_, Sqlite>, ids: &[i64]) {
    let mut separated = query.separated(", ");
    for id in ids {
        separated.push_bind(*id);
    }
}

fn push_public_filter(query: &mut QueryBuilder<'_, Sqlite>, filter: PublicFilter, now: i64) {
    push_filter(query, filter, now, false);
}

/// `push_public_filter` in the forms a count wants: every condition answered from an
/// index, so no row of `articles` (whose later columns sit past the body, in overflow
/// pages) is read. A section's `IN` list of itself and its subsections walks
/// `articles_section_public` (about 1 ms for 20,000 of 100,000 stories, where the `OR`
/// read every public row: about 200 ms); tags and authors are lists of ids matched against
/// `articles_public` (half the time of a probe per story).
fn push_count_filter(query: &mut QueryBuilder<'_, Sqlite>, filter: PublicFilter, now: i64) {
    push_filter(query, filter, now, true);
}

fn push_filter(query: &mut QueryBuilder<'_, Sqlite>, filter: PublicFilter, now: i64, count: bool) {
    query
        .push(" WHERE a.status = 'published' AND a.published_at <= ")
        .push_bind(now);
    // A section is in one edition already.
    if filter.section_id.is_none() {
        query.push(super::edition_condition(filter.edition));
    }
    // A section's stories include its subsections'.
    if let Some(section_id) = filter.section_id {
        if count {
            query
                .push(" AND a.section_id IN (SELECT ")
                .push_bind(section_id)
                .push(" UNION ALL SELECT c.id FROM sections c WHERE c.parent_id = ")
                .push_bind(section_id)
                .push(")");
        } else {
            query
                .push(" AND (a.section_id = ")
                .push_bind(section_id)
                .push(" OR a.section_id IN (SELECT c.id FROM sections c WHERE c.parent_id = ")
                .push_bind(section_id)
                .push("))");
        }
    }
    let (tagged, written) = if count {
        (
            " AND a.id IN (SELECT x.article_id FROM article_tags x WHERE x.tag_id = ",
            " AND a.id IN (SELECT x.article_id FROM article_authors x WHERE x.author_id = ",
        )
    } else {
        (
            " AND EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag_id = ",
            " AND EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id AND x.author_id = ",
        )
    };
    if let Some(tag_id) = filter.tag_id {
        query.push(tagged).push_bind(tag_id).push(")");
    }
    if let Some(author_id) = filter.author_id {
        query.push(written).push_bind(author_id).push(")");
    }
    if let Some(since) = filter.published_since {
        query
            .push(" AND a.published_at >= ")
            .push_bind(since.as_second());
    }
}

/// An FTS5 query for every term. Each term is quoted, so nothing a person types is read as
/// FTS5 syntax; the last, if long enough, may be the start of a word. A NUL would end the
/// quoted string early (FTS5 reads C strings), so it is dropped; no word holds one.
fn fts_expression(terms: &[String]) -> String {
    fts_query(terms, true)
}

/// `fts_expression`, with the last term read as typed when `prefix` is false.
fn fts_query(terms: &[String], prefix: bool) -> String {
    let last = terms.len().saturating_sub(1);
    terms
        .iter()
        .enumerate()
        .map(|(n, term)| {
            let quoted = format!("\"{}\"", term.replace('\0', "").replace('"', "\"\""));
            if prefix && n == last && super::may_be_prefix(term) {
                format!("{quoted}*")
            } else {
                quoted
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn push_newsroom_filter(query: &mut QueryBuilder<'_, Sqlite>, filter: NewsroomFilter<'_>) {
    query.push(" WHERE 1 = 1");
    let terms: Vec<String> = filter
        .search
        .unwrap_or("")
        .split_whitespace()
        .take(16)
        .map(|t| t.chars().take(64).collect())
        .collect();
    if !terms.is_empty() {
        query
            .push(" AND a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH ")
            .push_bind(fts_expression(&terms))
            .push(")");
    }
    query.push(super::edition_condition(filter.edition));
    if let Some(status) = filter.status {
        query.push(" AND a.status = ").push_bind(status.as_str());
    }
    if let Some(section_id) = filter.section_id {
        query.push(" AND a.section_id = ").push_bind(section_id);
    }
    if let Some(source) = filter.source {
        query
            .push(" AND a.source_kind = ")
            .push_bind(source.as_str());
    }
}

/// Writes the article's bylines and tags, replacing what it had.
async fn write_relations(
    tx: &mut Transaction<'_, Sqlite>,
    article_id: i64,
    input: &ArticleInput,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM article_authors WHERE article_id = ?")
        .bind(article_id)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    for (position, author_id) in input.author_ids.iter().enumerate() {
        sqlx::query(
            "INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, ?)",
        )
        .bind(article_id)
        .bind(author_id)
        .bind(position as i64)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    }
    sqlx::query("DELETE FROM article_tags WHERE article_id = ?")
        .bind(article_id)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    for (position, (slug, name)) in input.tags.iter().enumerate() {
        sqlx::query("INSERT INTO tags (slug, name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")
            .bind(slug.as_str())
            .bind(name)
            .execute(&mut **tx)
            .await
            .map_err(backend)?;
        sqlx::query(
            "INSERT INTO article_tags (article_id, tag_id, position) \
             SELECT ?, id, ? FROM tags WHERE slug = ? ON CONFLICT DO NOTHING",
        )
        .bind(article_id)
        .bind(position as i64)
        .bind(slug.as_str())
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    }
    Ok(())
}

/// Rewrites an article's row in the search index from its current title, text, tags and
/// bylines, inside the caller's transaction.
async fn refresh_search(tx: &mut Transaction<'_, Sqlite>, article_id: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM article_search WHERE rowid = ?")
        .bind(article_id)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    sqlx::query(
        "INSERT INTO article_search (rowid, title, standfirst, body, tags, authors) \
         SELECT a.id, a.title, COALESCE(a.standfirst, ''), a.body, \
         COALESCE((SELECT group_concat(t.name, ' ') FROM article_tags at JOIN tags t ON t.id = at.tag_id \
                   WHERE at.article_id = a.id), ''), \
         COALESCE((SELECT group_concat(au.name, ' ') FROM article_authors aa JOIN authors au ON au.id = aa.author_id \
                   WHERE aa.article_id = a.id), '') \
         FROM articles a WHERE a.id = ?",
    )
    .bind(article_id)
    .execute(&mut **tx)
    .await
    .map_err(backend)?;
    Ok(())
}

/// Refreshes the search rows of every article a tag or author appears on.
async fn refresh_search_for(
    tx: &mut Transaction<'_, Sqlite>,
    link_table: &str,
    link_column: &str,
    id: i64,
) -> StoreResult<()> {
    let ids: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT article_id FROM {link_table} WHERE {link_column} = ?"
    ))
    .bind(id)
    .fetch_all(&mut **tx)
    .await
    .map_err(backend)?;
    for article_id in ids {
        refresh_search(tx, article_id).await?;
    }
    Ok(())
}

/// Keeps a section's, tag's or author's old slug pointing at it after a change of slug.
async fn remember_slug(
    tx: &mut Transaction<'_, Sqlite>,
    kind: SlugKind,
    old_slug: &str,
    new_slug: &Slug,
    target_id: i64,
) -> StoreResult<()> {
    // The new slug is live again, so it must no longer redirect anywhere.
    sqlx::query("DELETE FROM slug_history WHERE kind = ? AND old_slug = ?")
        .bind(kind.as_str())
        .bind(new_slug.as_str())
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    if old_slug != new_slug.as_str() {
        sqlx::query(
            "INSERT INTO slug_history (kind, old_slug, target_id) VALUES (?, ?, ?) \
             ON CONFLICT (kind, old_slug) DO UPDATE SET target_id = excluded.target_id",
        )
        .bind(kind.as_str())
        .bind(old_slug)
        .bind(target_id)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    }
    Ok(())
}

async fn write_revision(
    tx: &mut Transaction<'_, Sqlite>,
    article_id: i64,
    version: i64,
    kind: RevisionKind,
    input: &ArticleInput,
    saved_by: Option<i64>,
    now: Timestamp,
) -> StoreResult<()> {
    let snapshot = serde_json::to_string(input).map_err(|e| StoreError::Backend(e.into()))?;
    let kind = match kind {
        RevisionKind::Save => "save",
        RevisionKind::Conflict => "conflict",
    };
    sqlx::query(
        "INSERT INTO article_revisions (article_id, version, kind, saved_by, saved_at, snapshot) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(article_id)
    .bind(version)
    .bind(kind)
    .bind(saved_by)
    .bind(now.as_second())
    .bind(snapshot)
    .execute(&mut **tx)
    .await
    .map_err(backend)?;
    Ok(())
}

#[async_trait]
impl SectionStore for SqliteStore {
    async fn create_section(&self, input: &SectionInput) -> StoreResult<Section> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sections (slug, name, description, language, position) \
             VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM sections)) \
             RETURNING id",
        )
        .bind(input.slug.as_str())
        .bind(&input.name)
        .bind(&input.description)
        .bind(input.language.as_ref().map(|l| l.as_str()))
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        self.section_by_id(id).await
    }

    async fn update_section(&self, id: i64, input: &SectionInput) -> StoreResult<Section> {
        let mut tx = self.write_tx().await?;
        let old_slug: String = sqlx::query_scalar("SELECT slug FROM sections WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let _: i64 = sqlx::query_scalar(
            "UPDATE sections SET slug = ?, name = ?, description = ?, language = ? WHERE id = ? \
             RETURNING id",
        )
        .bind(input.slug.as_str())
        .bind(&input.name)
        .bind(&input.description)
        .bind(input.language.as_ref().map(|l| l.as_str()))
        .bind(id)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        remember_slug(&mut tx, SlugKind::Section, &old_slug, &input.slug, id).await?;
        tx.commit().await.map_err(backend)?;
        self.section_by_id(id).await
    }

    async fn delete_section(&self, id: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let in_use: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles WHERE section_id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        if in_use > 0 {
            return Err(StoreError::InUse(format!(
                "{in_use} article(s) are filed under this section; move them to another section first"
            )));
        }
        sqlx::query("UPDATE sections SET parent_id = NULL WHERE parent_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let done = sqlx::query("DELETE FROM sections WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(backend)
    }

    async fn section_by_id(&self, id: i64) -> StoreResult<Section> {
        let row = sqlx::query(&format!("SELECT {SECTION_COLUMNS} WHERE s.id = ?"))
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        section_from_row(&row, "")
    }

    async fn section_by_slug(&self, slug: &str) -> StoreResult<Section> {
        let row = sqlx::query(&format!("SELECT {SECTION_COLUMNS} WHERE s.slug = ?"))
            .bind(slug)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        section_from_row(&row, "")
    }

    async fn list_sections(&self) -> StoreResult<Vec<Section>> {
        let rows = sqlx::query(&format!(
            "SELECT {SECTION_COLUMNS} ORDER BY s.position, s.name"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.iter().map(|row| section_from_row(row, "")).collect()
    }
}

#[async_trait]
impl TagStore for SqliteStore {
    async fn create_tag(&self, slug: &Slug, name: &str) -> StoreResult<Tag> {
        let row =
            sqlx::query("INSERT INTO tags (slug, name) VALUES (?, ?) RETURNING id, slug, name")
                .bind(slug.as_str())
                .bind(name)
                .fetch_one(&self.pool)
                .await
                .map_err(backend)?;
        tag_from_row(&row)
    }

    async fn rename_tag(&self, id: i64, slug: &Slug, name: &str) -> StoreResult<Tag> {
        let mut tx = self.write_tx().await?;
        let old_slug: String = sqlx::query_scalar("SELECT slug FROM tags WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let row =
            sqlx::query("UPDATE tags SET slug = ?, name = ? WHERE id = ? RETURNING id, slug, name")
                .bind(slug.as_str())
                .bind(name)
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        remember_slug(&mut tx, SlugKind::Tag, &old_slug, slug, id).await?;
        refresh_search_for(&mut tx, "article_tags", "tag_id", id).await?;
        tx.commit().await.map_err(backend)?;
        tag_from_row(&row)
    }

    async fn merge_tags(&self, from: i64, into: i64) -> StoreResult<Tag> {
        if from == into {
            return Err(StoreError::InUse(
                "a tag cannot be merged into itself".into(),
            ));
        }
        let mut tx = self.write_tx().await?;
        let from_slug: String = sqlx::query_scalar("SELECT slug FROM tags WHERE id = ?")
            .bind(from)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let row = sqlx::query("SELECT id, slug, name FROM tags WHERE id = ?")
            .bind(into)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let target = tag_from_row(&row)?;
        let moved: Vec<i64> =
            sqlx::query_scalar("SELECT article_id FROM article_tags WHERE tag_id = ?")
                .bind(from)
                .fetch_all(&mut *tx)
                .await
                .map_err(backend)?;
        sqlx::query(
            "INSERT INTO article_tags (article_id, tag_id, position) \
             SELECT article_id, ?, position FROM article_tags WHERE tag_id = ? \
             ON CONFLICT (article_id, tag_id) DO NOTHING",
        )
        .bind(into)
        .bind(from)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        sqlx::query("DELETE FROM tags WHERE id = ?")
            .bind(from)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("UPDATE slug_history SET target_id = ? WHERE kind = 'tag' AND target_id = ?")
            .bind(into)
            .bind(from)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        remember_slug(&mut tx, SlugKind::Tag, &from_slug, &target.slug, into).await?;
        for article_id in moved {
            refresh_search(&mut tx, article_id).await?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(target)
    }

    async fn tag_usage(&self) -> StoreResult<HashMap<i64, i64>> {
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT tag_id, COUNT(*) FROM article_tags GROUP BY tag_id")
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        Ok(rows.into_iter().collect())
    }

    async fn delete_tag(&self, id: i64) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM tags WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn tag_by_id(&self, id: i64) -> StoreResult<Tag> {
        let row = sqlx::query("SELECT id, slug, name FROM tags WHERE id = ?")
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        tag_from_row(&row)
    }

    async fn tag_by_slug(&self, slug: &str) -> StoreResult<Tag> {
        let row = sqlx::query("SELECT id, slug, name FROM tags WHERE slug = ?")
            .bind(slug)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        tag_from_row(&row)
    }

    async fn list_tags(&self) -> StoreResult<Vec<Tag>> {
        let rows = sqlx::query("SELECT id, slug, name FROM tags ORDER BY name")
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.iter().map(tag_from_row).collect()
    }
}

#[async_trait]
impl AuthorStore for SqliteStore {
    async fn create_author(&self, input: &AuthorInput) -> StoreResult<Author> {
        let row = sqlx::query(
            "INSERT INTO authors (slug, name, bio, photo_url) VALUES (?, ?, ?, ?) \
             RETURNING id, slug, name, bio, photo_url",
        )
        .bind(input.slug.as_str())
        .bind(&input.name)
        .bind(&input.bio)
        .bind(&input.photo_url)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        author_from_row(&row)
    }

    async fn update_author(&self, id: i64, input: &AuthorInput) -> StoreResult<Author> {
        let mut tx = self.write_tx().await?;
        let old_slug: String = sqlx::query_scalar("SELECT slug FROM authors WHERE id = ?")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let row = sqlx::query(
            "UPDATE authors SET slug = ?, name = ?, bio = ?, photo_url = ? WHERE id = ? \
             RETURNING id, slug, name, bio, photo_url",
        )
        .bind(input.slug.as_str())
        .bind(&input.name)
        .bind(&input.bio)
        .bind(&input.photo_url)
        .bind(id)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let author = author_from_row(&row)?;
        remember_slug(&mut tx, SlugKind::Author, &old_slug, &input.slug, id).await?;
        refresh_search_for(&mut tx, "article_authors", "author_id", id).await?;
        tx.commit().await.map_err(backend)?;
        Ok(author)
    }

    async fn delete_author(&self, id: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let bylines: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM article_authors WHERE author_id = ?")
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        if bylines > 0 {
            return Err(StoreError::InUse(format!(
                "this author has a byline on {bylines} article(s); change those bylines first"
            )));
        }
        let done = sqlx::query("DELETE FROM authors WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(backend)
    }

    async fn author_by_id(&self, id: i64) -> StoreResult<Author> {
        let row = sqlx::query("SELECT id, slug, name, bio, photo_url FROM authors WHERE id = ?")
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        author_from_row(&row)
    }

    async fn author_by_slug(&self, slug: &str) -> StoreResult<Author> {
        let row = sqlx::query("SELECT id, slug, name, bio, photo_url FROM authors WHERE slug = ?")
            .bind(slug)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        author_from_row(&row)
    }

    async fn byline_counts(&self) -> StoreResult<HashMap<i64, i64>> {
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT author_id, COUNT(*) FROM article_authors GROUP BY author_id")
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        Ok(rows.into_iter().collect())
    }

    async fn list_authors(&self) -> StoreResult<Vec<Author>> {
        let rows = sqlx::query("SELECT id, slug, name, bio, photo_url FROM authors ORDER BY name")
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.iter().map(author_from_row).collect()
    }
}

/// Writes a new article with its relations, search entry and first revision inside `tx`.
pub(super) async fn insert_article(
    tx: &mut Transaction<'_, Sqlite>,
    input: &ArticleInput,
    saved_by: Option<i64>,
    now: Timestamp,
) -> StoreResult<i64> {
    let image = input.lead_image.as_ref();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO articles (slug, title, standfirst, body, status, section_id, \
         lead_image_url, lead_image_alt, lead_image_credit, lead_image_caption, \
         seo_title, seo_description, published_at, created_at, updated_at, version, created_by, \
         comments_open, format) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
    )
    .bind(input.slug.as_str())
    .bind(&input.title)
    .bind(&input.standfirst)
    .bind(&input.body)
    .bind(input.status.as_str())
    .bind(input.section_id)
    .bind(image.map(|i| i.url.as_str()))
    .bind(image.map(|i| i.alt.as_str()))
    .bind(image.and_then(|i| i.credit.as_deref()))
    .bind(image.and_then(|i| i.caption.as_deref()))
    .bind(&input.seo_title)
    .bind(&input.seo_description)
    .bind(input.published_at.map(|t| t.as_second()))
    .bind(now.as_second())
    .bind(now.as_second())
    .bind(saved_by)
    .bind(input.comments_open)
    .bind(input.format.as_str())
    .fetch_one(&mut **tx)
    .await
    .map_err(backend)?;
    // A new article may take a slug some other article used to have.
    sqlx::query("DELETE FROM article_slug_history WHERE old_slug = ?")
        .bind(input.slug.as_str())
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    super::corrections::write_trust_fields!((*tx), id, input);
    write_relations(tx, id, input).await?;
    refresh_search(tx, id).await?;
    write_revision(tx, id, 1, RevisionKind::Save, input, saved_by, now).await?;
    Ok(id)
}

#[async_trait]
impl ArticleStore for SqliteStore {
    async fn create_article(
        &self,
        input: &ArticleInput,
        saved_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<Article> {
        let mut tx = self.write_tx().await?;
        let id = insert_article(&mut tx, input, saved_by, now).await?;
        tx.commit().await.map_err(backend)?;
        self.article_by_id(id).await
    }

    async fn update_article(
        &self,
        id: i64,
        expected_version: i64,
        input: &ArticleInput,
        saved_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<Article> {
        let mut tx = self.write_tx().await?;
        let current: Option<(i64, String)> =
            sqlx::query_as("SELECT version, slug FROM articles WHERE id = ?")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?;
        let Some((current, old_slug)) = current else {
            return Err(StoreError::NotFound);
        };
        if current != expected_version {
            write_revision(
                &mut tx,
                id,
                expected_version,
                RevisionKind::Conflict,
                input,
                saved_by,
                now,
            )
            .await?;
            tx.commit().await.map_err(backend)?;
            return Err(StoreError::StaleVersion {
                expected: expected_version,
                current,
            });
        }
        let image = input.lead_image.as_ref();
        sqlx::query(
            "UPDATE articles SET slug = ?, title = ?, standfirst = ?, body = ?, status = ?, \
             section_id = ?, lead_image_url = ?, lead_image_alt = ?, lead_image_credit = ?, \
             lead_image_caption = ?, seo_title = ?, seo_description = ?, published_at = ?, \
             updated_at = ?, comments_open = ?, format = ?, version = version + 1 WHERE id = ?",
        )
        .bind(input.slug.as_str())
        .bind(&input.title)
        .bind(&input.standfirst)
        .bind(&input.body)
        .bind(input.status.as_str())
        .bind(input.section_id)
        .bind(image.map(|i| i.url.as_str()))
        .bind(image.map(|i| i.alt.as_str()))
        .bind(image.and_then(|i| i.credit.as_deref()))
        .bind(image.and_then(|i| i.caption.as_deref()))
        .bind(&input.seo_title)
        .bind(&input.seo_description)
        .bind(input.published_at.map(|t| t.as_second()))
        .bind(now.as_second())
        .bind(input.comments_open)
        .bind(input.format.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;

        if old_slug != input.slug.as_str() {
            sqlx::query("DELETE FROM article_slug_history WHERE old_slug = ?")
                .bind(input.slug.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
            sqlx::query(
                "INSERT INTO article_slug_history (old_slug, article_id) VALUES (?, ?) \
                 ON CONFLICT (old_slug) DO UPDATE SET article_id = excluded.article_id",
            )
            .bind(&old_slug)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        super::corrections::write_trust_fields!(tx, id, input);
        write_relations(&mut tx, id, input).await?;
        refresh_search(&mut tx, id).await?;
        write_revision(
            &mut tx,
            id,
            expected_version + 1,
            RevisionKind::Save,
            input,
            saved_by,
            now,
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.article_by_id(id).await
    }

    async fn delete_article(&self, id: i64) -> StoreResult<()> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query("DELETE FROM articles WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM article_search WHERE rowid = ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)
    }

    async fn article_by_id(&self, id: i64) -> StoreResult<Article> {
        let mut query = QueryBuilder::new("SELECT ");
        query
            .push(ARTICLE_COLUMNS)
            .push(" WHERE a.id = ")
            .push_bind(id);
        self.one_article(query).await
    }

    async fn public_article_by_slug(&self, slug: &str, now: Timestamp) -> StoreResult<Article> {
        let mut query = QueryBuilder::new("SELECT ");
        query.push(ARTICLE_COLUMNS);
        push_public_filter(&mut query, PublicFilter::default(), now.as_second());
        query.push(" AND a.slug = ").push_bind(slug.to_owned());
        self.one_article(query).await
    }

    async fn article_slug_redirect(&self, old_slug: &str) -> StoreResult<Option<Slug>> {
        let current: Option<String> = sqlx::query_scalar(
            "SELECT a.slug FROM article_slug_history h JOIN articles a ON a.id = h.article_id \
             WHERE h.old_slug = ?",
        )
        .bind(old_slug)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        current
            .map(|s| Slug::parse(&s).map_err(|e| StoreError::Backend(anyhow::anyhow!(e))))
            .transpose()
    }

    async fn list_public_articles(
        &self,
        filter: PublicFilter,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<Article>> {
        let total = self.count_public_articles(filter, now).await?;
        let items = self.public_article_page(filter, page, now).await?;
        Ok(Paged { items, total })
    }

    async fn count_public_articles(
        &self,
        filter: PublicFilter,
        now: Timestamp,
    ) -> StoreResult<i64> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM articles a");
        push_count_filter(&mut count, filter, now.as_second());
        self.count(count).await
    }

    async fn public_article_page(
        &self,
        filter: PublicFilter,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Vec<Article>> {
        let mut query = QueryBuilder::new("SELECT ");
        query.push(ARTICLE_COLUMNS);
        push_public_filter(&mut query, filter, now.as_second());
        query
            .push(" ORDER BY a.published_at DESC, a.id DESC LIMIT ")
            .push_bind(i64::from(page.per_page))
            .push(" OFFSET ")
            .push_bind(page.offset());
        self.fetch_articles(query).await
    }

    async fn latest_public_articles(
        &self,
        filter: PublicFilter,
        limit: u32,
        now: Timestamp,
    ) -> StoreResult<Vec<Article>> {
        let mut query = QueryBuilder::new("SELECT ");
        query.push(ARTICLE_COLUMNS);
        push_public_filter(&mut query, filter, now.as_second());
        query
            .push(" ORDER BY a.published_at DESC, a.id DESC LIMIT ")
            .push_bind(i64::from(limit));
        self.fetch_articles(query).await
    }

    async fn list_articles(
        &self,
        filter: NewsroomFilter<'_>,
        page: Page,
    ) -> StoreResult<Paged<Article>> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM articles a");
        push_newsroom_filter(&mut count, filter);
        let total = self.count(count).await?;

        let mut query = QueryBuilder::new("SELECT ");
        query.push(ARTICLE_COLUMNS);
        push_newsroom_filter(&mut query, filter);
        query
            .push(" ORDER BY a.updated_at DESC, a.id DESC LIMIT ")
            .push_bind(i64::from(page.per_page))
            .push(" OFFSET ")
            .push_bind(page.offset());
        let items = self.fetch_articles(query).await?;
        Ok(Paged { items, total })
    }

    async fn list_revisions(&self, article_id: i64) -> StoreResult<Vec<Revision>> {
        let rows = sqlx::query(
            "SELECT r.id, r.article_id, r.version, r.kind, r.saved_by, u.name AS saved_by_name, \
             r.saved_at, r.snapshot FROM article_revisions r \
             LEFT JOIN users u ON u.id = r.saved_by WHERE r.article_id = ? ORDER BY r.id DESC",
        )
        .bind(article_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.iter().map(rows::revision_from_row).collect()
    }

    async fn publish_due(&self, now: Timestamp) -> StoreResult<Vec<i64>> {
        // The publication and its audit line are one change: both or neither.
        let mut tx = self.write_tx().await?;
        let published: Vec<(i64, String)> = sqlx::query_as(
            "UPDATE articles SET status = 'published', updated_at = ? \
             WHERE status = 'scheduled' AND published_at <= ? \
             AND (embargo_until IS NULL OR embargo_until <= published_at) RETURNING id, title",
        )
        .bind(now.as_second())
        .bind(now.as_second())
        .fetch_all(&mut *tx)
        .await
        .map_err(backend)?;
        for (id, title) in &published {
            sqlx::query(
                "INSERT INTO audit_log (at, user_id, actor, action, subject, detail) \
                 VALUES (?, NULL, 'scheduler', 'publish', ?, NULL)",
            )
            .bind(now.as_second())
            .bind(format!("article \"{title}\" (#{id})"))
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(published.into_iter().map(|(id, _)| id).collect())
    }

    async fn count_articles(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM articles")
            .fetch_one(&self.pool)
            .await
            .map_err(backend)
    }
}

#[async_trait]
impl UserStore for SqliteStore {
    async fn create_user(&self, user: &NewUser, now: Timestamp) -> StoreResult<User> {
        let row = sqlx::query(
            "INSERT INTO users (email, name, role, password_hash, active, created_at) \
             VALUES (?, ?, ?, ?, 1, ?) RETURNING *",
        )
        .bind(user.email.as_str())
        .bind(&user.name)
        .bind(user.role.as_str())
        .bind(&user.password_hash)
        .bind(now.as_second())
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        user_from_row(&row)
    }

    async fn user_by_email(&self, email: &Email) -> StoreResult<User> {
        let row = sqlx::query("SELECT * FROM users WHERE email = ?")
            .bind(email.as_str())
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        user_from_row(&row)
    }

    async fn count_users(&self) -> StoreResult<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await
            .map_err(backend)
    }

    async fn create_api_token(
        &self,
        user_id: i64,
        token_hash: &str,
        label: &str,
        now: Timestamp,
    ) -> StoreResult<i64> {
        sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?) \
             RETURNING id",
        )
        .bind(user_id)
        .bind(token_hash)
        .bind(label)
        .bind(now.as_second())
        .fetch_one(&self.pool)
        .await
        .map_err(backend)
    }

    async fn user_by_token_hash(&self, token_hash: &str, now: Timestamp) -> StoreResult<User> {
        let row = sqlx::query(
            "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? \
             RETURNING (SELECT u.id FROM users u WHERE u.id = api_tokens.user_id AND u.active = 1) AS user_id",
        )
        .bind(now.as_second())
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        let user_id: Option<i64> = match row {
            Some(row) => row.try_get("user_id").map_err(backend)?,
            None => None,
        };
        let user_id = user_id.ok_or(StoreError::NotFound)?;
        let row = sqlx::query("SELECT * FROM users WHERE id = ?")
            .bind(user_id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        user_from_row(&row)
    }

    async fn user_by_id(&self, id: i64) -> StoreResult<User> {
        self.user_where("id", &id.to_string()).await
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        let rows = sqlx::query("SELECT * FROM users ORDER BY active DESC, name")
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.iter().map(user_from_row).collect()
    }

    async fn update_user(&self, id: i64, change: &UserChange) -> StoreResult<User> {
        let mut tx = self.write_tx().await?;
        let row = sqlx::query(
            "UPDATE users SET name = COALESCE(?, name), role = COALESCE(?, role), \
             active = COALESCE(?, active), password_hash = COALESCE(?, password_hash) \
             WHERE id = ? RETURNING *",
        )
        .bind(&change.name)
        .bind(change.role.map(|r| r.as_str()))
        .bind(change.active)
        .bind(&change.password_hash)
        .bind(id)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        if change.active == Some(false) {
            sqlx::query("DELETE FROM sessions WHERE user_id = ?")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)?;
        user_from_row(&row)
    }

    async fn create_session(
        &self,
        user_id: i64,
        token_hash: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        // Expired sessions are swept whenever a new one starts.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= ?")
            .bind(now.as_second())
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now.as_second())
        .bind(expires_at.as_second())
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn user_by_session(&self, token_hash: &str, now: Timestamp) -> StoreResult<User> {
        let row = sqlx::query(
            "SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1",
        )
        .bind(token_hash)
        .bind(now.as_second())
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        user_from_row(&row)
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_user_sessions(&self, user_id: i64) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = ?")
            .bind(user_id)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(done.rows_affected())
    }

    async fn create_password_reset(
        &self,
        user_id: i64,
        token_hash: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) \
             VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now.as_second())
        .bind(expires_at.as_second())
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn password_reset_user(&self, token_hash: &str, now: Timestamp) -> StoreResult<i64> {
        sqlx::query_scalar(
            "SELECT r.user_id FROM password_resets r JOIN users u ON u.id = r.user_id \
             WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? AND u.active = 1",
        )
        .bind(token_hash)
        .bind(now.as_second())
        .fetch_one(&self.pool)
        .await
        .map_err(backend)
    }

    async fn complete_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> StoreResult<User> {
        let mut tx = self.write_tx().await?;
        let user_id: i64 = sqlx::query_scalar(
            "UPDATE password_resets SET used_at = ? \
             WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id",
        )
        .bind(now.as_second())
        .bind(token_hash)
        .bind(now.as_second())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let row = sqlx::query(
            "UPDATE users SET password_hash = ? WHERE id = ? AND active = 1 RETURNING *",
        )
        .bind(password_hash)
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        // A new password ends every session and every other link that could set one.
        for statement in [
            "DELETE FROM sessions WHERE user_id = ?",
            "DELETE FROM password_resets WHERE user_id = ? AND used_at IS NULL",
        ] {
            sqlx::query(statement)
                .bind(user_id)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)?;
        user_from_row(&row)
    }
}

impl SqliteStore {
    async fn user_where(&self, column: &str, value: &str) -> StoreResult<User> {
        let row = sqlx::query(&format!("SELECT * FROM users WHERE {column} = ?"))
            .bind(value)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        user_from_row(&row)
    }
}

#[async_trait]
impl AuditStore for SqliteStore {
    async fn record_audit(&self, entry: &NewAuditEntry, now: Timestamp) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (at, user_id, actor, action, subject, detail) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(now.as_second())
        .bind(entry.user_id)
        .bind(&entry.actor)
        .bind(&entry.action)
        .bind(&entry.subject)
        .bind(&entry.detail)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn list_audit(&self, page: Page) -> StoreResult<Paged<AuditEntry>> {
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        let rows = sqlx::query(
            "SELECT id, at, user_id, actor, action, subject, detail FROM audit_log \
             ORDER BY id DESC LIMIT ? OFFSET ?",
        )
        .bind(i64::from(page.per_page))
        .bind(page.offset())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let items = rows
            .iter()
            .map(rows::audit_from_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Paged { items, total })
    }
}

#[async_trait]
impl MediaStore for SqliteStore {
    async fn create_media(&self, media: &NewMedia, now: Timestamp) -> StoreResult<Media> {
        let variants =
            serde_json::to_string(&media.variants).map_err(|e| StoreError::Backend(e.into()))?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO media (hash, original_type, original_key, width, height, bytes, alt, \
             credit, caption, variants, uploaded_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&media.hash)
        .bind(&media.original_type)
        .bind(&media.original_key)
        .bind(media.width)
        .bind(media.height)
        .bind(media.bytes)
        .bind(&media.alt)
        .bind(&media.credit)
        .bind(&media.caption)
        .bind(variants)
        .bind(media.uploaded_by)
        .bind(now.as_second())
        .fetch_one(&self.pool)
        .await
        .map_err(|e| match backend(e) {
            StoreError::Taken { .. } => StoreError::Taken { field: "hash" },
            other => other,
        })?;
        self.media_by_id(id).await
    }

    async fn media_by_id(&self, id: i64) -> StoreResult<Media> {
        let row = sqlx::query(&format!("SELECT {MEDIA_COLUMNS} WHERE m.id = ?"))
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        media_from_row(&row)
    }

    async fn media_by_hash(&self, hash: &str) -> StoreResult<Media> {
        let row = sqlx::query(&format!("SELECT {MEDIA_COLUMNS} WHERE m.hash = ?"))
            .bind(hash)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        media_from_row(&row)
    }

    async fn list_media(&self, search: Option<&str>, page: Page) -> StoreResult<Paged<Media>> {
        let pattern = search.map(str::trim).filter(|s| !s.is_empty()).map(|s| {
            format!(
                "%{}%",
                s.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            )
        });
        let filter = " WHERE (?1 IS NULL OR m.alt LIKE ?1 ESCAPE '\\' OR m.credit LIKE ?1 ESCAPE '\\' \
                      OR m.caption LIKE ?1 ESCAPE '\\')";
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM media m{filter}"))
            .bind(&pattern)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        let rows = sqlx::query(&format!(
            "SELECT {MEDIA_COLUMNS}{filter} ORDER BY m.created_at DESC, m.id DESC LIMIT ?2 OFFSET ?3"
        ))
        .bind(&pattern)
        .bind(i64::from(page.per_page))
        .bind(page.offset())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let items = rows
            .iter()
            .map(media_from_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Paged { items, total })
    }

    async fn update_media(
        &self,
        id: i64,
        alt: &str,
        credit: Option<&str>,
        caption: Option<&str>,
    ) -> StoreResult<Media> {
        let done = sqlx::query("UPDATE media SET alt = ?, credit = ?, caption = ? WHERE id = ?")
            .bind(alt)
            .bind(credit)
            .bind(caption)
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        self.media_by_id(id).await
    }

    async fn media_usage(&self, hash: &str) -> StoreResult<Vec<(i64, String)>> {
        // Hashes are hex digits only, so they hold no LIKE wildcards.
        sqlx::query_as(
            "SELECT id, title FROM articles WHERE lead_image_url LIKE '/media/' || ?1 || '-%' \
             OR body LIKE '%/media/' || ?1 || '-%' \
             OR id IN (SELECT g.article_id FROM gallery_photos g JOIN media m ON m.id = g.media_id \
             WHERE m.hash = ?1) \
             OR id IN (SELECT l.article_id FROM list_items l JOIN media m ON m.id = l.media_id \
             WHERE m.hash = ?1) \
             OR id IN (SELECT v.article_id FROM lead_videos v JOIN media m ON m.id = v.poster_media_id \
             WHERE m.hash = ?1) ORDER BY id",
        )
        .bind(hash)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)
    }

    async fn delete_media(&self, id: i64) -> StoreResult<Media> {
        let media = self.media_by_id(id).await?;
        let mut tx = self.write_tx().await?;
        let users: Vec<(i64, String)> = sqlx::query_as(
            "SELECT id, title FROM articles WHERE lead_image_url LIKE '/media/' || ?1 || '-%' \
             OR body LIKE '%/media/' || ?1 || '-%' \
             OR id IN (SELECT g.article_id FROM gallery_photos g JOIN media m ON m.id = g.media_id \
             WHERE m.hash = ?1) \
             OR id IN (SELECT l.article_id FROM list_items l JOIN media m ON m.id = l.media_id \
             WHERE m.hash = ?1) \
             OR id IN (SELECT v.article_id FROM lead_videos v JOIN media m ON m.id = v.poster_media_id \
             WHERE m.hash = ?1) ORDER BY id",
        )
        .bind(&media.hash)
        .fetch_all(&mut *tx)
        .await
        .map_err(backend)?;
        if !users.is_empty() {
            let titles: Vec<String> = users.iter().map(|(_, t)| format!("\"{t}\"")).collect();
            return Err(StoreError::InUse(format!(
                "this photo is used by {}: {}; remove it from them first",
                if users.len() == 1 {
                    "1 article".to_owned()
                } else {
                    format!("{} articles", users.len())
                },
                titles.join(", ")
            )));
        }
        sqlx::query("DELETE FROM media WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)?;
        Ok(media)
    }
}

#[async_trait]
impl ReactionStore for SqliteStore {
    async fn set_reaction(
        &self,
        article_id: i64,
        reader_id: &str,
        kind: Option<&ReactionKind>,
        _now: Timestamp,
    ) -> StoreResult<ReactionCounts> {
        reactions::submit(&self.reactions, article_id, reader_id, kind).await
    }

    async fn reaction_counts(&self, article_id: i64) -> StoreResult<ReactionCounts> {
        counts_on(&self.pool, article_id).await.map_err(backend)
    }

    async fn reaction_counts_for(
        &self,
        article_ids: &[i64],
    ) -> StoreResult<HashMap<i64, ReactionCounts>> {
        let mut totals: HashMap<i64, ReactionCounts> = article_ids
            .iter()
            .map(|id| (*id, ReactionCounts::new()))
            .collect();
        if article_ids.is_empty() {
            return Ok(totals);
        }
        let mut query = QueryBuilder::<Sqlite>::new(
            "SELECT article_id, kind, count FROM reaction_counts WHERE count > 0 AND article_id IN (",
        );
        push_ids(&mut query, article_ids);
        query.push(")");
        for row in query.build().fetch_all(&self.pool).await.map_err(backend)? {
            let article_id: i64 = row.try_get("article_id").map_err(backend)?;
            totals.entry(article_id).or_default().insert(
                row.try_get("kind").map_err(backend)?,
                row.try_get("count").map_err(backend)?,
            );
        }
        Ok(totals)
    }

    async fn reader_reaction(
        &self,
        article_id: i64,
        reader_id: &str,
    ) -> StoreResult<Option<String>> {
        sqlx::query_scalar("SELECT kind FROM reactions WHERE article_id = ? AND reader_id = ?")
            .bind(article_id)
            .bind(reader_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)
    }

    async fn count_reaction_rows(&self, article_id: i64) -> StoreResult<ReactionCounts> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT kind, COUNT(*) FROM reactions WHERE article_id = ? GROUP BY kind",
        )
        .bind(article_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(rows.into_iter().collect())
    }
}

#[async_trait]
impl CommentStore for SqliteStore {
    async fn create_comment(&self, comment: &NewComment, now: Timestamp) -> StoreResult<Comment> {
        let mut tx = self.write_tx().await?;
        let depth = match comment.parent_id {
            None => 0,
            Some(parent_id) => {
                let parent: Option<(i64, i64)> =
                    sqlx::query_as("SELECT article_id, depth FROM comments WHERE id = ?")
                        .bind(parent_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend)?;
                match parent {
                    Some((article_id, depth)) if article_id == comment.article_id => depth + 1,
                    _ => return Err(StoreError::NotFound),
                }
            }
        };
        let row = sqlx::query(&format!(
            "INSERT INTO comments (article_id, parent_id, depth, author_name, author_email, body, \
             status, reason, reader_id, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {COMMENT_COLUMNS}"
        ))
        .bind(comment.article_id)
        .bind(comment.parent_id)
        .bind(depth)
        .bind(&comment.author_name)
        .bind(comment.author_email.as_ref().map(Email::as_str))
        .bind(&comment.body)
        .bind(comment.status.as_str())
        .bind(&comment.reason)
        .bind(&comment.reader_id)
        .bind(now.as_second())
        .bind(now.as_second())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let created = comment_from_row(&row)?;
        tx.commit().await.map_err(backend)?;
        Ok(created)
    }

    async fn comment_by_id(&self, id: i64) -> StoreResult<Comment> {
        let row = sqlx::query(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE id = ?"
        ))
        .bind(id)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        comment_from_row(&row)
    }

    async fn article_comments(&self, article_id: i64) -> StoreResult<Vec<Comment>> {
        let rows = sqlx::query(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE article_id = ? ORDER BY id"
        ))
        .bind(article_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.iter().map(comment_from_row).collect()
    }

    async fn list_comments(
        &self,
        status: Option<CommentStatus>,
        page: Page,
    ) -> StoreResult<Paged<Comment>> {
        let status = status.map(CommentStatus::as_str);
        let total: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM comments WHERE ?1 IS NULL OR status = ?1")
                .bind(status)
                .fetch_one(&self.pool)
                .await
                .map_err(backend)?;
        let rows = sqlx::query(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE ?1 IS NULL OR status = ?1 \
             ORDER BY id DESC LIMIT ?2 OFFSET ?3"
        ))
        .bind(status)
        .bind(i64::from(page.per_page))
        .bind(page.offset())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let items = rows
            .iter()
            .map(comment_from_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Paged { items, total })
    }

    async fn update_comment(
        &self,
        id: i64,
        status: Option<CommentStatus>,
        body: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<Comment> {
        let row = sqlx::query(&format!(
            "UPDATE comments SET status = COALESCE(?, status), body = COALESCE(?, body), \
             updated_at = ? WHERE id = ? RETURNING {COMMENT_COLUMNS}"
        ))
        .bind(status.map(CommentStatus::as_str))
        .bind(body)
        .bind(now.as_second())
        .bind(id)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        comment_from_row(&row)
    }

    async fn approved_comment_counts(&self, article_ids: &[i64]) -> StoreResult<HashMap<i64, i64>> {
        let mut counts: HashMap<i64, i64> = article_ids.iter().map(|id| (*id, 0)).collect();
        if article_ids.is_empty() {
            return Ok(counts);
        }
        let mut query = QueryBuilder::<Sqlite>::new(
            "SELECT article_id, COUNT(*) FROM comments WHERE status = 'approved' AND article_id IN (",
        );
        push_ids(&mut query, article_ids);
        query.push(") GROUP BY article_id");
        for row in query.build().fetch_all(&self.pool).await.map_err(backend)? {
            counts.insert(
                row.try_get(0).map_err(backend)?,
                row.try_get(1).map_err(backend)?,
            );
        }
        Ok(counts)
    }

    async fn reader_has_waiting_comment(
        &self,
        article_id: i64,
        reader_id: &str,
    ) -> StoreResult<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM comments WHERE article_id = ? AND reader_id = ? \
             AND status IN ('pending', 'spam') LIMIT 1",
        )
        .bind(article_id)
        .bind(reader_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(found.is_some())
    }

    async fn has_approved_comment(&self, email: &Email) -> StoreResult<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM comments WHERE author_email = ? AND status = 'approved' LIMIT 1",
        )
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(found.is_some())
    }
}

/// Articles with one extra number column, `n`, in the order the query gave them.
/// (The popular lists use `CROSS JOIN` so SQLite starts from the few counted articles
/// instead of probing the counts once per published article.)
async fn ranked_articles(
    store: &SqliteStore,
    mut query: QueryBuilder<'_, Sqlite>,
) -> StoreResult<Vec<(Article, i64)>> {
    let rows = query
        .build()
        .fetch_all(&store.pool)
        .await
        .map_err(backend)?;
    let mut numbers = Vec::with_capacity(rows.len());
    let mut articles = Vec::with_capacity(rows.len());
    for row in &rows {
        numbers.push(row.try_get::<i64, _>("n").map_err(backend)?);
        articles.push(article_from_row(row)?);
    }
    let articles = store.with_relations(articles).await?;
    Ok(articles.into_iter().zip(numbers).collect())
}

/// Published articles ranked by a per-article count (`counts`, ending in a comparison that
/// takes `since`). CROSS JOIN makes SQLite start from the few counted articles.
async fn popular(
    store: &SqliteStore,
    counts: &'static str,
    since: i64,
    limit: u32,
    edition: Option<EditionFilter>,
    now: Timestamp,
) -> StoreResult<Vec<(Article, i64)>> {
    let mut query = QueryBuilder::new(concat!("SELECT ", article_fields!(), ", c.n FROM ("));
    query
        .push(counts)
        .push_bind(since)
        .push(
            " GROUP BY article_id) c CROSS JOIN articles a ON a.id = c.article_id \
             JOIN sections s ON s.id = a.section_id \
             WHERE a.status = 'published' AND a.published_at <= ",
        )
        .push_bind(now.as_second())
        .push(super::edition_condition(edition))
        .push(" ORDER BY c.n DESC, a.published_at DESC LIMIT ")
        .push_bind(i64::from(limit));
    ranked_articles(store, query).await
}

/// One page of search results (?1 the FTS5 expression, ?2 the window, ?3 now, ?4 and ?5
/// the page) and how many public stories the window holds. FTS5 walks its index newest
/// first, so the window is the newest matches, found once. A match ranks by the first
/// column that holds all the words (headline, standfirst, tags, bylines, else the text),
/// then newest first: each column's matches are asked for within the window only. Not
/// `bm25()`, which reads every match in the archive to weigh each word, whatever the
/// window (about 5 ms for a word in 100,000 stories, against well under 1 ms for these).
const SEARCH_PAGE: &str = "WITH matched AS MATERIALIZED (\
       SELECT rowid AS id FROM article_search WHERE article_search MATCH ?1 \
       ORDER BY rowid DESC LIMIT ?2) \
     SELECT m.id, COUNT(*) OVER () FROM matched m CROSS JOIN articles a ON a.id = m.id \
     WHERE a.status = 'published' AND a.published_at <= ?3 /*edition*/ \
     ORDER BY CASE \
       WHEN m.id IN (SELECT rowid FROM article_search WHERE article_search MATCH \
         '{title}: (' || ?1 || ')' AND rowid >= (SELECT min(id) FROM matched)) THEN 0 \
       WHEN m.id IN (SELECT rowid FROM article_search WHERE article_search MATCH \
         '{standfirst}: (' || ?1 || ')' AND rowid >= (SELECT min(id) FROM matched)) THEN 1 \
       WHEN m.id IN (SELECT rowid FROM article_search WHERE article_search MATCH \
         '{tags}: (' || ?1 || ')' AND rowid >= (SELECT min(id) FROM matched)) THEN 2 \
       WHEN m.id IN (SELECT rowid FROM article_search WHERE article_search MATCH \
         '{authors}: (' || ?1 || ')' AND rowid >= (SELECT min(id) FROM matched)) THEN 3 \
       ELSE 4 END, a.published_at DESC, a.id DESC \
     LIMIT ?4 OFFSET ?5";

impl SqliteStore {
    /// One page of a search for an FTS5 expression.
    async fn search_with(
        &self,
        expression: &str,
        edition: Option<EditionFilter>,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<SearchHit>> {
        let now = now.as_second();
        // Only the newest SEARCH_WINDOW matches are counted and ranked, so a word in every
        // story costs what a rare one does (`SEARCH_PAGE`). Snippets are made after, for
        // the one page of results only (SQLite would make one for every match first).
        let statement = SEARCH_PAGE.replace("/*edition*/", &super::edition_condition(edition));
        let rows: Vec<(i64, i64)> = sqlx::query_as(&statement)
            .bind(expression)
            .bind(super::SEARCH_WINDOW)
            .bind(now)
            .bind(i64::from(page.per_page))
            .bind(page.offset())
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        let ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
        let (Some(&(_, total)), Some(&floor)) = (rows.first(), ids.iter().min()) else {
            // Past the last page: how many there are, for its links.
            let total: i64 = sqlx::query_scalar(&format!(
                "SELECT COUNT(*) FROM (SELECT rowid AS id FROM article_search \
                 WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT ?) m \
                 CROSS JOIN articles a ON a.id = m.id \
                 WHERE a.status = 'published' AND a.published_at <= ?{}",
                super::edition_condition(edition)
            ))
            .bind(expression)
            .bind(super::SEARCH_WINDOW)
            .bind(now)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
            return Ok(Paged {
                items: Vec::new(),
                total,
            });
        };
        let mut query = QueryBuilder::<Sqlite>::new(
            "SELECT rowid, snippet(article_search, -1, char(57344), char(57345), '…', 28) \
             FROM article_search WHERE article_search MATCH ",
        );
        // The floor keeps FTS5 to the window's matches (it does not look rows up by IN).
        query
            .push_bind(expression.to_owned())
            .push(" AND rowid >= ")
            .push_bind(floor)
            .push(" AND rowid IN (");
        push_ids(&mut query, &ids);
        query.push(")");
        let mut snippets: HashMap<i64, String> = HashMap::new();
        for row in query.build().fetch_all(&self.pool).await.map_err(backend)? {
            snippets.insert(
                row.try_get(0).map_err(backend)?,
                row.try_get(1).map_err(backend)?,
            );
        }
        let mut query = QueryBuilder::new("SELECT ");
        query.push(ARTICLE_COLUMNS).push(" WHERE a.id IN (");
        push_ids(&mut query, &ids);
        query.push(")");
        let mut articles = self.fetch_articles(query).await?;
        articles.sort_by_key(|a| ids.iter().position(|id| *id == a.id));
        let items = articles
            .into_iter()
            .map(|article| {
                let snippet = snippets.remove(&article.id).unwrap_or_default();
                SearchHit { article, snippet }
            })
            .collect();
        Ok(Paged { items, total })
    }
}

/// The end of the related stories' candidates: the newest in the section, scored, joined
/// to the articles still public (SQLite is told to start from the few candidates).
const JOIN_SCORED: &str = " ORDER BY published_at DESC LIMIT 20) s) c GROUP BY c.id) scored \
     CROSS JOIN articles a ON a.id = scored.id WHERE a.status = 'published' AND a.published_at <= ";

#[async_trait]
impl DiscoveryStore for SqliteStore {
    async fn search_articles(
        &self,
        terms: &[String],
        edition: Option<EditionFilter>,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<SearchHit>> {
        if terms.is_empty() {
            return Ok(Paged {
                items: Vec::new(),
                total: 0,
            });
        }
        // Words as typed first: a word in many stories is found from its own index alone.
        // Expanding the last word's prefix merges the index of every word it starts (all
        // of it, whatever the window), so it is left for when no story holds the words as
        // typed: someone who has not finished the word.
        let exact = self
            .search_with(&fts_query(terms, false), edition, page, now)
            .await?;
        if exact.total > 0 || !terms.last().is_some_and(|t| super::may_be_prefix(t)) {
            return Ok(exact);
        }
        self.search_with(&fts_query(terms, true), edition, page, now)
            .await
    }

    async fn record_views(&self, views: &[(i64, i64, i64)]) -> StoreResult<()> {
        if views.is_empty() {
            return Ok(());
        }
        let mut tx = self.write_tx().await?;
        for (article_id, hour, count) in views {
            // An article deleted since its reads were counted takes its reads with it.
            sqlx::query(
                "INSERT INTO article_views (article_id, hour, views) \
                 SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1) \
                 ON CONFLICT (article_id, hour) DO UPDATE SET views = views + excluded.views",
            )
            .bind(article_id)
            .bind(hour)
            .bind(count)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            // The lifetime total and the site's hour, kept beside the hourly row.
            sqlx::query(
                "INSERT INTO article_view_totals (article_id, views) \
                 SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1) \
                 ON CONFLICT (article_id) DO UPDATE SET views = article_view_totals.views + excluded.views",
            )
            .bind(article_id)
            .bind(count)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            sqlx::query(
                "INSERT INTO site_views (hour, views) \
                 SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $3) \
                 ON CONFLICT (hour) DO UPDATE SET views = site_views.views + excluded.views",
            )
            .bind(hour)
            .bind(count)
            .bind(article_id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        tx.commit().await.map_err(backend)
    }

    async fn article_view_total(&self, article_id: i64) -> StoreResult<i64> {
        let total: Option<i64> =
            sqlx::query_scalar("SELECT views FROM article_view_totals WHERE article_id = $1")
                .bind(article_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        Ok(total.unwrap_or(0))
    }

    async fn most_read(
        &self,
        since: Timestamp,
        limit: u32,
        edition: Option<EditionFilter>,
        now: Timestamp,
    ) -> StoreResult<Vec<(Article, i64)>> {
        let counts = "SELECT article_id, SUM(views) AS n FROM article_views WHERE hour >= ";
        popular(
            self,
            counts,
            since.as_second().div_euclid(3600),
            limit,
            edition,
            now,
        )
        .await
    }

    async fn most_reacted(
        &self,
        since: Timestamp,
        limit: u32,
        edition: Option<EditionFilter>,
        now: Timestamp,
    ) -> StoreResult<Vec<(Article, i64)>> {
        let counts = "SELECT article_id, COUNT(*) AS n FROM reactions WHERE reacted_at >= ";
        popular(self, counts, since.as_second(), limit, edition, now).await
    }

    async fn related_articles(
        &self,
        article_id: i64,
        limit: u32,
        now: Timestamp,
    ) -> StoreResult<Vec<Article>> {
        // Candidates are the newest 40 articles on each of this article's tags (2 points a
        // shared tag) and the newest 20 in its section (1 point), so the cost does not grow
        // with the archive; SQLite scores them and hands back only the winners' ids.
        let now = now.as_second();
        let tags: Vec<i64> =
            sqlx::query_scalar("SELECT tag_id FROM article_tags WHERE article_id = ?")
                .bind(article_id)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        let mut query = QueryBuilder::<Sqlite>::new(
            "SELECT scored.id FROM (SELECT c.id, SUM(c.w) AS score FROM (",
        );
        for tag in &tags {
            query
                .push("SELECT article_id AS id, 2 AS w FROM (SELECT article_id FROM article_tags WHERE tag_id = ")
                .push_bind(*tag)
                .push(" AND article_id <> ")
                .push_bind(article_id)
                .push(" ORDER BY article_id DESC LIMIT 40) UNION ALL ");
        }
        query
            .push(
                "SELECT id, 1 AS w FROM (SELECT id FROM articles WHERE section_id = \
                 (SELECT section_id FROM articles WHERE id = ",
            )
            .push_bind(article_id)
            .push(") AND status = 'published' AND published_at <= ")
            .push_bind(now)
            .push(" AND id <> ")
            .push_bind(article_id)
            .push(
                " ORDER BY published_at DESC LIMIT 20)) c GROUP BY c.id) scored \
                 CROSS JOIN articles a ON a.id = scored.id \
                 WHERE a.status = 'published' AND a.published_at <= ",
            )
            .push_bind(now)
            .push(" ORDER BY scored.score DESC, a.published_at DESC LIMIT ")
            .push_bind(i64::from(limit));
        let chosen: Vec<i64> = query
            .build_query_scalar()
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        if chosen.is_empty() {
            return Ok(Vec::new());
        }
        let mut query = QueryBuilder::new("SELECT ");
        query.push(ARTICLE_COLUMNS).push(" WHERE a.id IN (");
        push_ids(&mut query, &chosen);
        query.push(")");
        let mut articles = self.fetch_articles(query).await?;
        articles.sort_by_key(|a| chosen.iter().position(|id| *id == a.id));
        Ok(articles)
    }

    async fn side_lists(
        &self,
        article: &Article,
        related: u32,
        latest: u32,
        now: Timestamp,
    ) -> StoreResult<(Vec<Article>, Vec<Article>)> {
        // One statement picks both lists' ids (the related stories scored as in
        // `related_articles`, from the tags and section the page already knows), one reads
        // those articles and one their bylines and tags.
        let now = now.as_second();
        let mut query = QueryBuilder::<Sqlite>::new(
            "SELECT r.kind, r.id, r.score, r.at FROM (SELECT 'r' AS kind, scored.id AS id, \
             scored.score AS score, a.published_at AS at FROM (SELECT c.id, SUM(c.w) AS score FROM (",
        );
        for tag in &article.tags {
            query
                .push("SELECT article_id AS id, 2 AS w FROM (SELECT article_id FROM article_tags WHERE tag_id = ")
                .push_bind(tag.id)
                .push(" AND article_id <> ")
                .push_bind(article.id)
                .push(" ORDER BY article_id DESC LIMIT 40) t UNION ALL ");
        }
        query
            .push("SELECT id, 1 AS w FROM (SELECT id FROM articles WHERE section_id = ")
            .push_bind(article.section.id)
            .push(" AND status = 'published' AND published_at <= ")
            .push_bind(now)
            .push(" AND id <> ")
            .push_bind(article.id)
            .push(JOIN_SCORED)
            .push_bind(now)
            // Stories that share its tags in another edition are not its readers'.
            .push(super::edition_condition(Some(super::EditionFilter::of(
                article.section.language,
            ))))
            .push(" ORDER BY scored.score DESC, a.published_at DESC LIMIT ")
            .push_bind(i64::from(related))
            .push(
                ") r UNION ALL SELECT 'l', l.id, 0, l.published_at FROM (SELECT id, published_at \
                 FROM articles WHERE section_id = ",
            )
            .push_bind(article.section.id)
            .push(" AND status = 'published' AND published_at <= ")
            .push_bind(now)
            .push(" AND id <> ")
            .push_bind(article.id)
            .push(" ORDER BY published_at DESC, id DESC LIMIT ")
            .push_bind(i64::from(latest))
            .push(") l");
        let mut chosen_related: Vec<(i64, i64, i64)> = Vec::new();
        let mut chosen_latest: Vec<(i64, i64)> = Vec::new();
        for row in query.build().fetch_all(&self.pool).await.map_err(backend)? {
            let kind: String = row.try_get(0).map_err(backend)?;
            let id: i64 = row.try_get(1).map_err(backend)?;
            let at: i64 = row.try_get(3).map_err(backend)?;
            if kind == "r" {
                chosen_related.push((id, row.try_get(2).map_err(backend)?, at));
            } else {
                chosen_latest.push((id, at));
            }
        }
        chosen_related.sort_by(|x, y| y.1.cmp(&x.1).then(y.2.cmp(&x.2)));
        chosen_latest.sort_by(|x, y| y.1.cmp(&x.1).then(y.0.cmp(&x.0)));
        let mut ids: Vec<i64> = chosen_related
            .iter()
            .map(|c| c.0)
            .chain(chosen_latest.iter().map(|c| c.0))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let mut query = QueryBuilder::new("SELECT ");
        query.push(ARTICLE_COLUMNS).push(" WHERE a.id IN (");
        push_ids(&mut query, &ids);
        query.push(")");
        let found: HashMap<i64, Article> = self
            .fetch_articles(query)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let pick = |id: i64| found.get(&id).cloned();
        Ok((
            chosen_related.iter().filter_map(|c| pick(c.0)).collect(),
            chosen_latest.iter().filter_map(|c| pick(c.0)).collect(),
        ))
    }

    async fn sitemap_entries(
        &self,
        edition: Option<EditionFilter>,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<SitemapEntry>> {
        let now = now.as_second();
        let condition = super::edition_condition(edition);
        let total: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM articles a WHERE a.status = 'published' \
             AND a.published_at <= ?{condition}"
        ))
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        let rows: Vec<(i64, String, i64, Option<i64>, Option<String>)> = sqlx::query_as(&format!(
            "SELECT a.id, a.slug, a.updated_at, a.translation_group, \
             (SELECT s.language FROM sections s WHERE s.id = a.section_id) \
             FROM articles a WHERE a.status = 'published' AND a.published_at <= ?{condition} \
             ORDER BY a.id LIMIT ? OFFSET ?"
        ))
        .bind(now)
        .bind(i64::from(page.per_page))
        .bind(page.offset())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let items = rows
            .into_iter()
            .filter_map(|(id, slug, updated, translation_group, language)| {
                Some(SitemapEntry {
                    id,
                    slug: Slug::parse(&slug).ok()?,
                    updated_at: timestamp(updated),
                    language: language.and_then(|l| crate::domain::Language::parse(&l).ok()),
                    translation_group,
                })
            })
            .collect();
        Ok(Paged { items, total })
    }
}

super::integrations::integration_store!(SqliteStore);
super::review::review_store!(SqliteStore);
super::bylines::byline_store!(SqliteStore);
super::embeds::embed_store!(SqliteStore);
super::front_page::front_page_store!(SqliteStore, Sqlite);
super::pages::page_store!(SqliteStore);
super::stats::stats_store!(SqliteStore, Sqlite);
super::corrections::correction_store!(SqliteStore, Sqlite, "");
super::live_blog::live_blog_store!(SqliteStore);
super::polls::poll_store!(SqliteStore, Sqlite, super::polls::POLL_FOR_VOTE);
super::galleries::gallery_store!(SqliteStore, Sqlite);
super::lists::list_store!(SqliteStore);
super::videos::video_store!(SqliteStore);
super::extras::extras_store!(SqliteStore);
super::translations::translation_store!(SqliteStore, Sqlite);
super::imports::import_store!(SqliteStore);
super::ghost::content_api_store!(SqliteStore, Sqlite, "");

#[async_trait]
impl Store for SqliteStore {
    async fn site_secret(&self, name: &str, fresh: &str) -> StoreResult<String> {
        sqlx::query(
            "INSERT INTO site_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
        )
        .bind(name)
        .bind(fresh)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        sqlx::query_scalar("SELECT value FROM site_meta WHERE key = ?")
            .bind(name)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)
    }

    async fn slug_redirect(&self, kind: SlugKind, old_slug: &str) -> StoreResult<Option<Slug>> {
        let table = match kind {
            SlugKind::Section => "sections",
            SlugKind::Tag => "tags",
            SlugKind::Author => "authors",
        };
        let current: Option<String> = sqlx::query_scalar(&format!(
            "SELECT t.slug FROM slug_history h JOIN {table} t ON t.id = h.target_id \
             WHERE h.kind = ? AND h.old_slug = ?"
        ))
        .bind(kind.as_str())
        .bind(old_slug)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        current
            .map(|s| Slug::parse(&s).map_err(|e| StoreError::Backend(anyhow::anyhow!(e))))
            .transpose()
    }

    async fn site_value(&self, name: &str) -> StoreResult<Option<String>> {
        sqlx::query_scalar("SELECT value FROM site_meta WHERE key = ?")
            .bind(name)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)
    }

    async fn set_site_value(&self, name: &str, value: &str) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO site_meta (key, value) VALUES (?, ?) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(name)
        .bind(value)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn export_rows(
        &self,
        sink: &mut (dyn FnMut(super::ArchiveRow) -> anyhow::Result<()> + Send),
    ) -> StoreResult<super::TableCounts> {
        // One read transaction, so the archive is a consistent snapshot.
        let mut tx = self.pool.begin().await.map_err(backend)?;
        let mut counts = super::TableCounts::new();
        for table in super::ARCHIVE_TABLES {
            // Primary-key order, so a comment's parent always comes before it.
            let keys: Vec<String> = sqlx::query_scalar(&format!(
                "SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk"
            ))
            .fetch_all(&mut *tx)
            .await
            .map_err(backend)?;
            let order = if keys.is_empty() {
                "rowid".to_owned()
            } else {
                keys.join(", ")
            };
            let rows = sqlx::query(&format!("SELECT * FROM {table} ORDER BY {order}"))
                .fetch_all(&mut *tx)
                .await
                .map_err(backend)?;
            for row in &rows {
                sink(((*table).to_owned(), row_to_json(row)?)).map_err(StoreError::Backend)?;
            }
            counts.insert((*table).to_owned(), rows.len() as i64);
        }
        tx.commit().await.map_err(backend)?;
        Ok(counts)
    }

    async fn import_rows(
        &self,
        rows: &mut (dyn Iterator<Item = anyhow::Result<super::ArchiveRow>> + Send),
    ) -> StoreResult<super::TableCounts> {
        let mut tx = self.write_tx().await?;
        let (users, articles): (i64, i64) =
            sqlx::query_as("SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM articles)")
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        if users + articles > 0 {
            return Err(StoreError::InUse(format!(
                "this site already has {users} user(s) and {articles} article(s); import into \
                 an empty site (a new --data folder or database)"
            )));
        }
        // The archive's own site secret and settings replace the ones a first start made.
        sqlx::query("DELETE FROM site_meta")
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let mut columns: HashMap<String, HashSet<String>> = HashMap::new();
        for table in super::ARCHIVE_TABLES {
            let names: Vec<String> =
                sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(backend)?;
            columns.insert((*table).to_owned(), names.into_iter().collect());
        }
        let mut counts = super::TableCounts::new();
        for item in rows {
            let (table, row) = item.map_err(StoreError::Backend)?;
            // Names come from a file: only known tables and columns reach the SQL.
            let known = columns.get(&table).ok_or_else(|| {
                StoreError::Backend(anyhow::anyhow!(
                    "the archive has an unknown table {table:?}"
                ))
            })?;
            if let Some(bad) = row.keys().find(|c| !known.contains(*c)) {
                return Err(StoreError::Backend(anyhow::anyhow!(
                    "the archive's {table} rows have an unknown column {bad:?}"
                )));
            }
            let names: Vec<&String> = row.keys().collect();
            let marks = vec!["?"; names.len()].join(", ");
            let list: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
            let sql = format!("INSERT INTO {table} ({}) VALUES ({marks})", list.join(", "));
            let mut query = sqlx::query(&sql);
            for value in row.values() {
                query = match value {
                    serde_json::Value::Null => query.bind(None::<String>),
                    serde_json::Value::Bool(b) => query.bind(i64::from(*b)),
                    serde_json::Value::Number(n) => match n.as_i64() {
                        Some(i) => query.bind(i),
                        None => query.bind(n.as_f64().unwrap_or(0.0)),
                    },
                    serde_json::Value::String(text) => query.bind(text.clone()),
                    other => query.bind(other.to_string()),
                };
            }
            query.execute(&mut *tx).await.map_err(backend)?;
            *counts.entry(table).or_insert(0) += 1;
        }
        // Imported stories' starting totals join what the triggers rebuilt.
        sqlx::query(super::imports::ADD_BASELINES_TO_COUNTS)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        // Reaction totals were rebuilt row by row by the triggers; the search index is
        // rebuilt here.
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM articles")
            .fetch_all(&mut *tx)
            .await
            .map_err(backend)?;
        for id in ids {
            refresh_search(&mut tx, id).await?;
        }
        tx.commit().await.map_err(backend)?;
        Ok(counts)
    }

    async fn table_counts(&self) -> StoreResult<super::TableCounts> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        count_tables(&mut conn).await
    }

    async fn copy_database(&self, path: &Path) -> StoreResult<Option<super::TableCounts>> {
        let target = path
            .to_str()
            .ok_or_else(|| StoreError::Backend(anyhow::anyhow!("{path:?} is not UTF-8")))?;
        // VACUUM INTO writes one read transaction's snapshot while writers go on; into an
        // empty file made owner-only first, since it may write into an empty file.
        private_file(path).map_err(StoreError::Backend)?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        // The copy becomes one self-contained file (no write-ahead log beside it), and is
        // counted and checked as it is, not as the live site has moved on since.
        let options = SqliteConnectOptions::new()
            .filename(path)
            .journal_mode(SqliteJournalMode::Delete)
            .foreign_keys(true);
        let mut copy = <sqlx::SqliteConnection as sqlx::Connection>::connect_with(&options)
            .await
            .map_err(backend)?;
        let problems = integrity_problems(&mut copy).await?;
        if !problems.is_empty() {
            return Err(StoreError::Backend(anyhow::anyhow!(
                "the copy is not sound: {}",
                problems.join("; ")
            )));
        }
        let counts = count_tables(&mut copy).await?;
        sqlx::Connection::close(copy).await.map_err(backend)?;
        Ok(Some(counts))
    }

    async fn check_integrity(&self) -> StoreResult<Vec<String>> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        integrity_problems(&mut conn).await
    }

    async fn migrate(&self) -> StoreResult<()> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS schema_migrations (\
             version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
        )
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        for (version, name, sql) in MIGRATIONS {
            let mut tx = self.write_tx().await?;
            let applied: Option<i64> =
                sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = ?")
                    .bind(version)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend)?;
            if applied.is_some() {
                continue;
            }
            (&mut *tx).execute(*sql).await.map_err(|e| {
                StoreError::Backend(anyhow::anyhow!("migration {version} ({name}) failed: {e}"))
            })?;
            sqlx::query(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            )
            .bind(version)
            .bind(name)
            .bind(Timestamp::now().as_second())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            tx.commit().await.map_err(backend)?;
            tracing::info!(version, name, "applied migration");
        }
        Ok(())
    }

    fn statements(&self) -> u64 {
        self.pool.statements()
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}
