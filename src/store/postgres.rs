//! The PostgreSQL store: for sites that run several instances, or whose operators already
//! run, back up and replicate PostgreSQL. Same records and rules as the SQLite store; the
//! differences are in how the engine is asked (row locks instead of one writer, `tsvector`
//! instead of FTS5) and in `LISTEN/NOTIFY`, which carries changes between instances.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::postgres::{PgConnectOptions, PgListener, PgPool, PgPoolOptions};
use sqlx::{Executor, Postgres, QueryBuilder, Row, Transaction};
use tokio::sync::mpsc;

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

/// Schema changes in the order they apply, numbered as the SQLite ones they mirror; each
/// runs once, in its own transaction.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../../migrations/postgres/0001_foundation.sql"),
    ),
    (
        2,
        "reactions",
        include_str!("../../migrations/postgres/0002_reactions.sql"),
    ),
    (
        3,
        "comments",
        include_str!("../../migrations/postgres/0003_comments.sql"),
    ),
    (
        4,
        "discovery",
        include_str!("../../migrations/postgres/0004_discovery.sql"),
    ),
    (
        5,
        "recent_by_tag",
        include_str!("../../migrations/postgres/0005_recent_by_tag.sql"),
    ),
    (
        6,
        "newsroom",
        include_str!("../../migrations/postgres/0006_newsroom.sql"),
    ),
    (
        7,
        "media",
        include_str!("../../migrations/postgres/0007_media.sql"),
    ),
    (
        8,
        "shared_extension",
        include_str!("../../migrations/postgres/0008_shared_extension.sql"),
    ),
    (
        10,
        "review",
        include_str!("../../migrations/postgres/0010_review.sql"),
    ),
    (
        11,
        "preview_links",
        include_str!("../../migrations/postgres/0011_preview_links.sql"),
    ),
    (
        12,
        "person_bylines",
        include_str!("../../migrations/postgres/0012_person_bylines.sql"),
    ),
    (
        13,
        "embed_previews",
        include_str!("../../migrations/postgres/0013_embed_previews.sql"),
    ),
    (
        15,
        "integrations",
        include_str!("../../migrations/postgres/0015_integrations.sql"),
    ),
    (
        16,
        "front_page",
        include_str!("../../migrations/postgres/0016_front_page.sql"),
    ),
    (
        25,
        "stats",
        include_str!("../../migrations/postgres/0025_stats.sql"),
    ),
    (
        30,
        "imports",
        include_str!("../../migrations/postgres/0030_imports.sql"),
    ),
    (
        31,
        "story_format",
        include_str!("../../migrations/postgres/0031_story_format.sql"),
    ),
    (
        32,
        "site_pages",
        include_str!("../../migrations/postgres/0032_site_pages.sql"),
    ),
    (
        38,
        "trust",
        include_str!("../../migrations/postgres/0038_trust.sql"),
    ),
    (
        41,
        "live_blogs",
        include_str!("../../migrations/postgres/0041_live_blogs.sql"),
    ),
    (
        44,
        "polls",
        include_str!("../../migrations/postgres/0044_polls.sql"),
    ),
    (
        45,
        "galleries",
        include_str!("../../migrations/postgres/0045_galleries.sql"),
    ),
    (
        46,
        "lists_and_video",
        include_str!("../../migrations/postgres/0046_lists_and_video.sql"),
    ),
    (
        47,
        "reaction_counts_of_deleted_stories",
        include_str!("../../migrations/postgres/0047_reaction_counts_of_deleted_stories.sql"),
    ),
    (
        48,
        "imported_pages",
        include_str!("../../migrations/postgres/0048_imported_pages.sql"),
    ),
    (
        49,
        "editions",
        include_str!("../../migrations/postgres/0049_editions.sql"),
    ),
];

/// The advisory lock instances take while migrating, so two starting at once do not both
/// apply the same change ("news" in ASCII).
const MIGRATION_LOCK: i64 = 0x6e65_7773;

pub struct PgStore {
    pool: Counted<Postgres>,
    /// The channel this site's instances tell each other about changes on: named after the
    /// schema, since notices go to the whole database and one database may hold several
    /// sites, each in its own schema.
    channel: String,
    /// Notices for other instances, sent in order by one task.
    notices: mpsc::UnboundedSender<String>,
    /// The reaction writers' queues; an article's changes always go to the same one.
    reactions: Vec<mpsc::Sender<ReactionOp>>,
}

/// Reaction writers per instance, each with its own share of the articles.
const REACTION_WRITERS: usize = 4;
/// The advisory-lock class of "reactions to one article" (`pg_advisory_xact_lock(class, id)`).
const REACTION_LOCK: i32 = 0x6e64;

impl PgStore {
    /// One page of a search for a `tsquery` expression.
    async fn search_with(
        &self,
        expression: &str,
        edition: Option<EditionFilter>,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<SearchHit>> {
        let now = now.as_second();
        // Only the newest SEARCH_WINDOW matches are counted and ranked, so a word in every
        // story does not rank the whole archive. One statement finds the window, counts its
        // public stories and ranks them; snippets follow for the one page of results.
        // Weights {D, C, B, A}: body, tags and bylines, standfirst, headline.
        let condition = super::edition_condition(edition);
        let rows: Vec<(i64, i64)> = sqlx::query_as(&format!(
            "WITH matched AS MATERIALIZED (\
               SELECT article_id AS id, document FROM article_search \
               WHERE document @@ to_tsquery('newsdesk_search', $1) \
               ORDER BY article_id DESC LIMIT $5) \
             SELECT m.id, COUNT(*) OVER () FROM matched m JOIN articles a ON a.id = m.id \
             WHERE a.status = 'published' AND a.published_at <= $2{condition} \
             ORDER BY ts_rank('{{0.1, 0.3, 0.4, 1.0}}', m.document, to_tsquery('newsdesk_search', $1), 1) DESC, \
             a.published_at DESC, a.id DESC LIMIT $3 OFFSET $4"
        ))
        // Planned for each search's own words. Kept prepared, PostgreSQL moves to a
        // generic plan after five runs, which cannot tell a common word from a rare one
        // and reads every match through the GIN index before taking the newest 1,000:
        // 302 ms against 15 ms for a word in all 100,000 stories (`EXPLAIN ANALYZE`).
        .persistent(false)
        .bind(expression)
        .bind(now)
        .bind(i64::from(page.per_page))
        .bind(page.offset())
        .bind(super::SEARCH_WINDOW)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let ids: Vec<i64> = rows.iter().map(|(id, _)| *id).collect();
        let Some(&(_, total)) = rows.first() else {
            // Past the last page: how many there are, for its links.
            let total: i64 = sqlx::query_scalar(&format!(
                "SELECT COUNT(*) FROM (SELECT article_id FROM article_search \
                 WHERE document @@ to_tsquery('newsdesk_search', $1) \
                 ORDER BY article_id DESC LIMIT $3) m JOIN articles a ON a.id = m.article_id \
                 WHERE a.status = 'published' AND a.published_at <= $2{condition}"
            ))
            // Planned for its words, as the page's statement above.
            .persistent(false)
            .bind(expression)
            .bind(now)
            .bind(super::SEARCH_WINDOW)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
            return Ok(Paged {
                items: Vec::new(),
                total,
            });
        };
        // The snippet comes from the standfirst and text, or the headline when only it
        // matches.
        let options = format!(
            "StartSel=\"{}\", StopSel=\"{}\", MaxWords=28, MinWords=12, ShortWord=2, \
             MaxFragments=1, FragmentDelimiter=\" … \"",
            super::MATCH_START,
            super::MATCH_END
        );
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT a.id, CASE WHEN to_tsvector('newsdesk_search', COALESCE(a.standfirst, '') || ' ' || a.body) \
                                @@ q.query \
             THEN ts_headline('newsdesk_search', COALESCE(a.standfirst, '') || ' ' || a.body, q.query, $3) \
             ELSE ts_headline('newsdesk_search', a.title, q.query, $3) END \
             FROM articles a CROSS JOIN (SELECT to_tsquery('newsdesk_search', $1) AS query) q \
             WHERE a.id = ANY($2)",
        )
        .bind(expression)
        .bind(&ids)
        .bind(&options)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let mut snippets: HashMap<i64, String> = rows.into_iter().collect();
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

impl PgStore {
    /// Connects to the database a `postgres://` URL names. `max_connections` in the URL's
    /// query (`?max_connections=20`) sizes this instance's pool; the default is 10.
    pub async fn open(url: &str) -> anyhow::Result<PgStore> {
        let (url, max_connections) = pool_size(url);
        let url = without_unknown_parameters(&url);
        let options = PgConnectOptions::from_str(&url).map_err(|error| {
            anyhow::anyhow!(
                "{:?} is not a PostgreSQL database URL: {}",
                super::redact_url(&url),
                error.to_string().replace("error with configuration: ", "")
            )
        })?;
        // One connection first, so a wrong address or database is reported at once and as
        // PostgreSQL said it, not as a pool that timed out waiting.
        let unreachable = |error: sqlx::Error| {
            let reason = match &error {
                sqlx::Error::Database(db) => db.message().to_owned(),
                other => other.to_string(),
            };
            anyhow::anyhow!(
                "could not connect to PostgreSQL at {}: {reason}",
                super::redact_url(&url)
            )
        };
        let first = <sqlx::PgConnection as sqlx::Connection>::connect_with(&options)
            .await
            .map_err(unreachable)?;
        let _ = sqlx::Connection::close(first).await;
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(unreachable)?;
        let schema = site_schema(&pool).await?;
        // Channel names are identifiers: at most 63 bytes.
        let mut channel = format!("newsdesk:{schema}");
        while channel.len() > 63 {
            channel.pop();
        }
        let (notices, queue) = mpsc::unbounded_channel();
        tokio::spawn(send_notices(pool.clone(), channel.clone(), queue));
        let reactions = (0..REACTION_WRITERS)
            .map(|_| reactions::start_writer(pool.clone()))
            .collect();
        Ok(PgStore {
            pool: Counted::new(pool),
            channel,
            notices,
            reactions,
        })
    }
}

/// The schema this site lives in: the first on the URL's search path that exists. When the
/// search path names one that does not exist yet (a new site beside others), it is made if
/// this user may; if not, the error says what the database's owner should run.
async fn site_schema(pool: &PgPool) -> anyhow::Result<String> {
    let ask = || async {
        sqlx::query_as::<_, (Option<String>, String, String)>(
            "SELECT current_schema()::text, current_setting('search_path'), current_user::text",
        )
        .fetch_one(pool)
        .await
        .context("could not ask PostgreSQL for the current schema")
    };
    let (schema, search_path, user) = ask().await?;
    if let Some(schema) = schema {
        return Ok(schema);
    }
    let Some(wanted) = first_named_schema(&search_path) else {
        anyhow::bail!(
            "the database URL's search_path ({search_path}) names no schema that exists; \
             name the site's schema, like ?options[search_path]=paper_two"
        );
    };
    let made = sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS {}", quoted(&wanted)))
        .execute(pool)
        .await;
    match made {
        Ok(_) => tracing::info!(schema = %wanted, "made the site's schema"),
        Err(sqlx::Error::Database(error)) if error.code().as_deref() == Some("42501") => {
            anyhow::bail!(
                "schema {wanted} (the first on the database URL's search_path) does not exist \
                 and {user} may not make it; as the database's owner run `CREATE SCHEMA {} \
                 AUTHORIZATION {};`, then start again",
                identifier(&wanted),
                identifier(&user)
            )
        }
        Err(error) => {
            return Err(error).with_context(|| format!("could not make schema {wanted}"));
        }
    }
    match ask().await? {
        (Some(schema), _, _) => Ok(schema),
        (None, search_path, _) => anyhow::bail!(
            "schema {wanted} was made but is still not the current schema (search_path \
             {search_path}); check the database URL's search_path"
        ),
    }
}

/// The first schema a `search_path` value names outright (not `$user` or a system schema),
/// unquoted names folded to lower case as PostgreSQL does.
fn first_named_schema(search_path: &str) -> Option<String> {
    let mut names = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = search_path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => names.push(std::mem::take(&mut current)),
            c if quoted => current.push(c),
            c if c.is_whitespace() => {}
            c => current.push(c.to_ascii_lowercase()),
        }
    }
    names.push(current);
    // `$user` (quoted or not) stands for the user's own schema; `pg_` names are the system's.
    names
        .into_iter()
        .find(|name| !name.is_empty() && name != "$user" && !name.starts_with("pg_"))
}

/// A name as an SQL identifier, always quoted.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A name as an SQL identifier, quoted only when it has to be (for messages people copy).
fn identifier(name: &str) -> String {
    let plain = name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if plain { name.to_owned() } else { quoted(name) }
}

/// Takes Newsdesk's own `max_connections` parameter out of a URL, leaving the rest to the
/// driver.
fn pool_size(url: &str) -> (String, u32) {
    const DEFAULT: u32 = 10;
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_owned(), DEFAULT);
    };
    let mut size = DEFAULT;
    let rest: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.strip_prefix("max_connections=") {
            Some(value) => {
                size = value.parse().unwrap_or(DEFAULT).clamp(1, 1000);
                false
            }
            None => true,
        })
        .collect();
    if rest.is_empty() {
        (base.to_owned(), size)
    } else {
        (format!("{base}?{}", rest.join("&")), size)
    }
}

/// The URL without the query parameters the driver does not read. The driver would log
/// each at WARN with its value, and a parameter it does not know may well be a secret
/// (`sslpassword=`, a misspelt `pasword=`); this names them without their values.
fn without_unknown_parameters(url: &str) -> String {
    const KNOWN: &[&str] = &[
        "sslmode",
        "ssl-mode",
        "sslrootcert",
        "ssl-root-cert",
        "ssl-ca",
        "sslcert",
        "ssl-cert",
        "sslkey",
        "ssl-key",
        "statement-cache-capacity",
        "host",
        "hostaddr",
        "port",
        "dbname",
        "user",
        "password",
        "application_name",
        "options",
    ];
    let Some((base, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split_once('=').map_or(*pair, |(name, _)| name);
            let name = form_urlencoded::parse(name.as_bytes())
                .next()
                .map(|(name, _)| name.into_owned())
                .unwrap_or_default();
            let known =
                name.is_empty() || KNOWN.contains(&name.as_str()) || name.starts_with("options[");
            if !known {
                tracing::warn!(
                    parameter = %name,
                    "ignoring a database URL parameter the PostgreSQL driver does not read"
                );
            }
            known
        })
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// Sends queued notices with `pg_notify`, one at a time so they arrive in order.
async fn send_notices(pool: PgPool, channel: String, mut queue: mpsc::UnboundedReceiver<String>) {
    // Whatever has queued up goes in one statement; PostgreSQL delivers them in order.
    let mut batch = Vec::new();
    while queue.recv_many(&mut batch, 256).await > 0 {
        let sent = sqlx::query(
            "SELECT pg_notify($1, n) FROM unnest($2::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i",
        )
        .bind(&channel)
        .bind(&batch)
        .execute(&pool)
        .await;
        if let Err(error) = sent {
            tracing::warn!(%error, "could not tell the other instances about a change");
        }
        batch.clear();
    }
}

/// Listens for other instances' notices and hands them on; `None` marks a lost connection
/// (notices may have been missed, so the receiver should assume everything changed).
async fn receive_notices(mut listener: PgListener, out: mpsc::Sender<Option<String>>) {
    loop {
        match listener.try_recv().await {
            Ok(Some(notification)) => {
                if out
                    .send(Some(notification.payload().to_owned()))
                    .await
                    .is_err()
                {
                    return;
                }
            }
            Ok(None) => {
                tracing::warn!("lost the connection that hears other instances; reconnecting");
                if out.send(None).await.is_err() {
                    return;
                }
            }
            // The store is closing: the server is stopping.
            Err(sqlx::Error::PoolClosed) => return,
            Err(error) => {
                tracing::warn!(%error, "could not hear other instances; retrying in a second");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// Each instance's reaction writers (`reactions.rs`) apply their batches here. Every
/// instance's writers take an article's advisory lock first, so batches touching one
/// article, from any instance, take turns: totals stay exact and counting cannot deadlock.
#[async_trait]
impl ApplyReactions for PgPool {
    async fn apply(
        &self,
        batch: &[ReactionOp],
        now: i64,
    ) -> Result<Vec<StoreResult<ReactionCounts>>, sqlx::Error> {
        let mut result = apply_reactions(self, batch, now).await;
        // PostgreSQL breaks a rare deadlock (a batch beside an article's deletion) by
        // aborting one side; the batch then simply runs again.
        for _ in 0..3 {
            match &result {
                Err(sqlx::Error::Database(db))
                    if matches!(db.code().as_deref(), Some("40P01" | "40001")) =>
                {
                    result = apply_reactions(self, batch, now).await;
                }
                _ => break,
            }
        }
        result
    }
}

async fn apply_reactions(
    pool: &PgPool,
    batch: &[ReactionOp],
    now: i64,
) -> Result<Vec<StoreResult<ReactionCounts>>, sqlx::Error> {
    let mut articles: Vec<i64> = batch.iter().map(|op| op.article_id).collect();
    articles.sort_unstable();
    articles.dedup();
    let mut tx = pool.begin().await?;
    // In id order, so two writers never wait on each other in a circle.
    for id in &articles {
        sqlx::query("SELECT pg_advisory_xact_lock($1, ($2 % 2147483648)::int)")
            .bind(REACTION_LOCK)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let public: HashSet<i64> = sqlx::query_scalar::<_, i64>(
        "SELECT id FROM articles WHERE id = ANY($1) AND status = 'published' AND published_at <= $2",
    )
    .bind(&articles)
    .bind(now)
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .collect();
    // A reader's last change in the batch is the one that stands (one statement may not
    // touch a row twice).
    let mut last: HashMap<(i64, &str), Option<&str>> = HashMap::new();
    for op in batch.iter().filter(|op| public.contains(&op.article_id)) {
        last.insert((op.article_id, &op.reader_id), op.kind.as_deref());
    }
    let mut changes: Vec<_> = last.into_iter().collect();
    changes.sort_unstable();
    let (mut set_articles, mut set_readers, mut set_kinds) = (Vec::new(), Vec::new(), Vec::new());
    let (mut gone_articles, mut gone_readers) = (Vec::new(), Vec::new());
    for ((article_id, reader_id), kind) in changes {
        match kind {
            Some(kind) => {
                set_articles.push(article_id);
                set_readers.push(reader_id);
                set_kinds.push(kind);
            }
            None => {
                gone_articles.push(article_id);
                gone_readers.push(reader_id);
            }
        }
    }
    if !set_articles.is_empty() {
        sqlx::query(
            "INSERT INTO reactions (article_id, reader_id, kind, reacted_at) \
             SELECT a, r, k, $4 FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t(a, r, k) \
             ON CONFLICT (article_id, reader_id) DO UPDATE \
             SET kind = excluded.kind, reacted_at = excluded.reacted_at \
             WHERE reactions.kind <> excluded.kind",
        )
        .bind(&set_articles)
        .bind(&set_readers)
        .bind(&set_kinds)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    if !gone_articles.is_empty() {
        sqlx::query(
            "DELETE FROM reactions r USING unnest($1::bigint[], $2::text[]) AS t(a, rd) \
             WHERE r.article_id = t.a AND r.reader_id = t.rd",
        )
        .bind(&gone_articles)
        .bind(&gone_readers)
        .execute(&mut *tx)
        .await?;
    }
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT article_id, kind, count FROM reaction_counts WHERE article_id = ANY($1) AND count > 0",
    )
    .bind(&articles)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let mut totals: HashMap<i64, ReactionCounts> = HashMap::new();
    for (article_id, kind, count) in rows {
        totals.entry(article_id).or_default().insert(kind, count);
    }
    Ok(batch
        .iter()
        .map(|op| {
            if public.contains(&op.article_id) {
                Ok(totals.get(&op.article_id).cloned().unwrap_or_default())
            } else {
                Err(StoreError::NotFound)
            }
        })
        .collect())
}

async fn counts_on(
    executor: impl sqlx::Executor<'_, Database = Postgres>,
    article_id: i64,
) -> Result<ReactionCounts, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT kind, count FROM reaction_counts WHERE article_id = $1 AND count > 0",
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
            // Constraint names follow PostgreSQL's `table_column_key`.
            let constraint = db.constraint().unwrap_or_default();
            let field = if constraint.contains("_email") {
                "email"
            } else if constraint.contains("_name") {
                "name"
            } else if constraint.contains("_token_hash") {
                "token"
            } else if constraint.contains("media_hash") {
                "hash"
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

/// Terms as a `tsquery` for the `newsdesk_search` configuration: every term must match, a
/// term of several words (`covid-19`) as a phrase, and the last term, if long enough, may
/// be the start of a word. Only letters and digits reach the query, so nothing a person
/// types is read as query syntax. `None` when no term has a word in it.
fn tsquery(terms: &[String]) -> Option<String> {
    tsquery_with(terms, true)
}

/// `tsquery`, with the last term read as typed when `prefix` is false.
fn tsquery_with(terms: &[String], prefix_last: bool) -> Option<String> {
    let last = terms.len().saturating_sub(1);
    let parts: Vec<String> = terms
        .iter()
        .enumerate()
        .filter_map(|(n, term)| {
            let words: Vec<&str> = term
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                return None;
            }
            let prefix = prefix_last && n == last && super::may_be_prefix(term);
            let phrase: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(i, word)| {
                    if prefix && i == words.len() - 1 {
                        format!("'{word}':*")
                    } else {
                        format!("'{word}'")
                    }
                })
                .collect();
            Some(format!("({})", phrase.join(" <-> ")))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" & "))
}

impl PgStore {
    /// A read-committed transaction; reads that a write depends on lock their rows
    /// (`FOR UPDATE`), so another instance cannot change them in between.
    async fn write_tx(&self) -> StoreResult<Transaction<'static, Postgres>> {
        self.pool.begin().await.map_err(backend)
    }

    /// Fills in the bylines and tags of articles with one query, whatever their number.
    async fn with_relations(&self, mut articles: Vec<Article>) -> StoreResult<Vec<Article>> {
        if articles.is_empty() {
            return Ok(articles);
        }
        let ids: Vec<i64> = articles.iter().map(|a| a.id).collect();

        // Bylines and tags in one statement: one round trip, whatever the list's length.
        let mut query = QueryBuilder::<Postgres>::new(
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
        mut query: QueryBuilder<'_, Postgres>,
    ) -> StoreResult<Vec<Article>> {
        let rows = query.build().fetch_all(&self.pool).await.map_err(backend)?;
        let articles = rows
            .iter()
            .map(article_from_row)
            .collect::<StoreResult<Vec<_>>>()?;
        self.with_relations(articles).await
    }

    async fn one_article(&self, query: QueryBuilder<'_, Postgres>) -> StoreResult<Article> {
        self.fetch_articles(query)
            .await?
            .into_iter()
            .next()
            .ok_or(StoreError::NotFound)
    }

    async fn count(&self, mut query: QueryBuilder<'_, Postgres>) -> StoreResult<i64> {
        query
            .build()
            .fetch_one(&self.pool)
            .await
            .and_then(|row| row.try_get::<i64, _>(0))
            .map_err(backend)
    }
}

fn push_ids(query: &mut QueryBuilder<'_, Postgres>, ids: &[i64]) {
    let mut separated = query.separated(", ");
    for id in ids {
        separated.push_bind(*id);
    }
}

fn push_public_filter(query: &mut QueryBuilder<'_, Postgres>, filter: PublicFilter, now: i64) {
    query
        .push(" WHERE a.status = 'published' AND a.published_at <= ")
        .push_bind(now);
    // A section is in one edition already.
    if filter.section_id.is_none() {
        query.push(super::edition_condition(filter.edition));
    }
    // A section's stories include its subsections'.
    if let Some(section_id) = filter.section_id {
        query
            .push(" AND (a.section_id = ")
            .push_bind(section_id)
            .push(" OR a.section_id IN (SELECT c.id FROM sections c WHERE c.parent_id = ")
            .push_bind(section_id)
            .push("))");
    }
    if let Some(tag_id) = filter.tag_id {
        query
            .push(" AND EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id AND x.tag_id = ")
            .push_bind(tag_id)
            .push(")");
    }
    if let Some(author_id) = filter.author_id {
        query
            .push(" AND EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id AND x.author_id = ")
            .push_bind(author_id)
            .push(")");
    }
    if let Some(since) = filter.published_since {
        query
            .push(" AND a.published_at >= ")
            .push_bind(since.as_second());
    }
}

fn push_newsroom_filter(query: &mut QueryBuilder<'_, Postgres>, filter: NewsroomFilter<'_>) {
    query.push(" WHERE 1 = 1");
    let terms: Vec<String> = filter
        .search
        .unwrap_or("")
        .split_whitespace()
        .take(16)
        .map(|t| t.chars().take(64).collect())
        .collect();
    if !terms.is_empty() {
        match tsquery(&terms) {
            Some(expression) => {
                query
                    .push(
                        " AND a.id IN (SELECT article_id FROM article_search \
                         WHERE document @@ to_tsquery('newsdesk_search', ",
                    )
                    .push_bind(expression)
                    .push("))");
            }
            None => {
                query.push(" AND FALSE");
            }
        }
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
    tx: &mut Transaction<'_, Postgres>,
    article_id: i64,
    input: &ArticleInput,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM article_authors WHERE article_id = $1")
        .bind(article_id)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    for (position, author_id) in input.author_ids.iter().enumerate() {
        sqlx::query(
            "INSERT INTO article_authors (article_id, author_id, position) VALUES ($1, $2, $3)",
        )
        .bind(article_id)
        .bind(author_id)
        .bind(position as i64)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    }
    sqlx::query("DELETE FROM article_tags WHERE article_id = $1")
        .bind(article_id)
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    for (position, (slug, name)) in input.tags.iter().enumerate() {
        sqlx::query("INSERT INTO tags (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING")
            .bind(slug.as_str())
            .bind(name)
            .execute(&mut **tx)
            .await
            .map_err(backend)?;
        sqlx::query(
            "INSERT INTO article_tags (article_id, tag_id, position) \
             SELECT $1, id, $2 FROM tags WHERE slug = $3 ON CONFLICT DO NOTHING",
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
async fn refresh_search(tx: &mut Transaction<'_, Postgres>, article_id: i64) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO article_search (article_id, document) \
         SELECT a.id, \
         setweight(to_tsvector('newsdesk_search', a.title), 'A') || \
         setweight(to_tsvector('newsdesk_search', COALESCE(a.standfirst, '')), 'B') || \
         setweight(to_tsvector('newsdesk_search', COALESCE((SELECT string_agg(t.name, ' ' ORDER BY x.position) \
                   FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), '')), 'C') || \
         setweight(to_tsvector('newsdesk_search', COALESCE((SELECT string_agg(au.name, ' ' ORDER BY aa.position) \
                   FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = a.id), '')), 'C') || \
         setweight(to_tsvector('newsdesk_search', a.body), 'D') \
         FROM articles a WHERE a.id = $1 \
         ON CONFLICT (article_id) DO UPDATE SET document = excluded.document",
    )
    .bind(article_id)
    .execute(&mut **tx)
    .await
    .map_err(backend)?;
    Ok(())
}

/// Refreshes the search rows of every article a tag or author appears on.
async fn refresh_search_for(
    tx: &mut Transaction<'_, Postgres>,
    link_table: &str,
    link_column: &str,
    id: i64,
) -> StoreResult<()> {
    let ids: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT article_id FROM {link_table} WHERE {link_column} = $1"
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
    tx: &mut Transaction<'_, Postgres>,
    kind: SlugKind,
    old_slug: &str,
    new_slug: &Slug,
    target_id: i64,
) -> StoreResult<()> {
    // The new slug is live again, so it must no longer redirect anywhere.
    sqlx::query("DELETE FROM slug_history WHERE kind = $1 AND old_slug = $2")
        .bind(kind.as_str())
        .bind(new_slug.as_str())
        .execute(&mut **tx)
        .await
        .map_err(backend)?;
    if old_slug != new_slug.as_str() {
        sqlx::query(
            "INSERT INTO slug_history (kind, old_slug, target_id) VALUES ($1, $2, $3) \
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
    tx: &mut Transaction<'_, Postgres>,
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
         VALUES ($1, $2, $3, $4, $5, $6)",
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
impl SectionStore for PgStore {
    async fn create_section(&self, input: &SectionInput) -> StoreResult<Section> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO sections (slug, name, description, language, position) \
             VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), 0) + 1 FROM sections)) \
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
        let old_slug: String =
            sqlx::query_scalar("SELECT slug FROM sections WHERE id = $1 FOR UPDATE")
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        let _: i64 = sqlx::query_scalar(
            "UPDATE sections SET slug = $1, name = $2, description = $3, language = $4 \
             WHERE id = $5 RETURNING id",
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
        let in_use: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles WHERE section_id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        if in_use > 0 {
            return Err(StoreError::InUse(format!(
                "{in_use} article(s) are filed under this section; move them to another section first"
            )));
        }
        sqlx::query("UPDATE sections SET parent_id = NULL WHERE parent_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let done = sqlx::query("DELETE FROM sections WHERE id = $1")
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
        let row = sqlx::query(&format!("SELECT {SECTION_COLUMNS} WHERE s.id = $1"))
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        section_from_row(&row, "")
    }

    async fn section_by_slug(&self, slug: &str) -> StoreResult<Section> {
        let row = sqlx::query(&format!("SELECT {SECTION_COLUMNS} WHERE s.slug = $1"))
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
impl TagStore for PgStore {
    async fn create_tag(&self, slug: &Slug, name: &str) -> StoreResult<Tag> {
        let row =
            sqlx::query("INSERT INTO tags (slug, name) VALUES ($1, $2) RETURNING id, slug, name")
                .bind(slug.as_str())
                .bind(name)
                .fetch_one(&self.pool)
                .await
                .map_err(backend)?;
        tag_from_row(&row)
    }

    async fn rename_tag(&self, id: i64, slug: &Slug, name: &str) -> StoreResult<Tag> {
        let mut tx = self.write_tx().await?;
        let old_slug: String = sqlx::query_scalar("SELECT slug FROM tags WHERE id = $1 FOR UPDATE")
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let row = sqlx::query(
            "UPDATE tags SET slug = $1, name = $2 WHERE id = $3 RETURNING id, slug, name",
        )
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
        let from_slug: String =
            sqlx::query_scalar("SELECT slug FROM tags WHERE id = $1 FOR UPDATE")
                .bind(from)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        let row = sqlx::query("SELECT id, slug, name FROM tags WHERE id = $1")
            .bind(into)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        let target = tag_from_row(&row)?;
        let moved: Vec<i64> =
            sqlx::query_scalar("SELECT article_id FROM article_tags WHERE tag_id = $1")
                .bind(from)
                .fetch_all(&mut *tx)
                .await
                .map_err(backend)?;
        sqlx::query(
            "INSERT INTO article_tags (article_id, tag_id, position) \
             SELECT article_id, $1, position FROM article_tags WHERE tag_id = $2 \
             ON CONFLICT (article_id, tag_id) DO NOTHING",
        )
        .bind(into)
        .bind(from)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        sqlx::query("DELETE FROM tags WHERE id = $1")
            .bind(from)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("UPDATE slug_history SET target_id = $1 WHERE kind = 'tag' AND target_id = $2")
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
        let done = sqlx::query("DELETE FROM tags WHERE id = $1")
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
        let row = sqlx::query("SELECT id, slug, name FROM tags WHERE id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        tag_from_row(&row)
    }

    async fn tag_by_slug(&self, slug: &str) -> StoreResult<Tag> {
        let row = sqlx::query("SELECT id, slug, name FROM tags WHERE slug = $1")
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
impl AuthorStore for PgStore {
    async fn create_author(&self, input: &AuthorInput) -> StoreResult<Author> {
        let row = sqlx::query(
            "INSERT INTO authors (slug, name, bio, photo_url) VALUES ($1, $2, $3, $4) \
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
        let old_slug: String =
            sqlx::query_scalar("SELECT slug FROM authors WHERE id = $1 FOR UPDATE")
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        let row = sqlx::query(
            "UPDATE authors SET slug = $1, name = $2, bio = $3, photo_url = $4 WHERE id = $5 \
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
            sqlx::query_scalar("SELECT COUNT(*) FROM article_authors WHERE author_id = $1")
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        if bylines > 0 {
            return Err(StoreError::InUse(format!(
                "this author has a byline on {bylines} article(s); change those bylines first"
            )));
        }
        let done = sqlx::query("DELETE FROM authors WHERE id = $1")
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
        let row = sqlx::query("SELECT id, slug, name, bio, photo_url FROM authors WHERE id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        author_from_row(&row)
    }

    async fn author_by_slug(&self, slug: &str) -> StoreResult<Author> {
        let row = sqlx::query("SELECT id, slug, name, bio, photo_url FROM authors WHERE slug = $1")
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
    tx: &mut Transaction<'_, Postgres>,
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
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $17, $18) RETURNING id",
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
    sqlx::query("DELETE FROM article_slug_history WHERE old_slug = $1")
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
impl ArticleStore for PgStore {
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
            sqlx::query_as("SELECT version, slug FROM articles WHERE id = $1 FOR UPDATE")
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
            "UPDATE articles SET slug = $1, title = $2, standfirst = $3, body = $4, status = $5, \
             section_id = $6, lead_image_url = $7, lead_image_alt = $8, lead_image_credit = $9, \
             lead_image_caption = $10, seo_title = $11, seo_description = $12, published_at = $13, \
             updated_at = $14, comments_open = $15, format = $16, version = version + 1 WHERE id = $17",
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
            sqlx::query("DELETE FROM article_slug_history WHERE old_slug = $1")
                .bind(input.slug.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
            sqlx::query(
                "INSERT INTO article_slug_history (old_slug, article_id) VALUES ($1, $2) \
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
        let done = sqlx::query("DELETE FROM articles WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
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
             WHERE h.old_slug = $1",
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
        push_public_filter(&mut count, filter, now.as_second());
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
             LEFT JOIN users u ON u.id = r.saved_by WHERE r.article_id = $1 ORDER BY r.id DESC",
        )
        .bind(article_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.iter().map(rows::revision_from_row).collect()
    }

    async fn publish_due(&self, now: Timestamp) -> StoreResult<Vec<i64>> {
        // The publication and its audit line are one change: both or neither. With several
        // instances running, each due article is taken by exactly one of them: the others
        // skip the rows it has locked and, once it commits, no longer find them scheduled.
        let mut tx = self.write_tx().await?;
        let published: Vec<(i64, String)> = sqlx::query_as(
            "UPDATE articles SET status = 'published', updated_at = $1 \
             WHERE id IN (SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= $2 \
                          AND (embargo_until IS NULL OR embargo_until <= published_at) \
                          FOR UPDATE SKIP LOCKED) \
             RETURNING id, title",
        )
        .bind(now.as_second())
        .bind(now.as_second())
        .fetch_all(&mut *tx)
        .await
        .map_err(backend)?;
        for (id, title) in &published {
            sqlx::query(
                "INSERT INTO audit_log (at, user_id, actor, action, subject, detail) \
                 VALUES ($1, NULL, 'scheduler', 'publish', $2, NULL)",
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
impl UserStore for PgStore {
    async fn create_user(&self, user: &NewUser, now: Timestamp) -> StoreResult<User> {
        let row = sqlx::query(
            "INSERT INTO users (email, name, role, password_hash, active, created_at) \
             VALUES ($1, $2, $3, $4, TRUE, $5) RETURNING *",
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
        let row = sqlx::query("SELECT * FROM users WHERE email = $1")
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
            "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4) \
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
            "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 \
             RETURNING (SELECT u.id FROM users u WHERE u.id = api_tokens.user_id AND u.active) AS user_id",
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
        let row = sqlx::query("SELECT * FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        user_from_row(&row)
    }

    async fn user_by_id(&self, id: i64) -> StoreResult<User> {
        let row = sqlx::query("SELECT * FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        user_from_row(&row)
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
            "UPDATE users SET name = COALESCE($1, name), role = COALESCE($2, role), \
             active = COALESCE($3, active), password_hash = COALESCE($4, password_hash) \
             WHERE id = $5 RETURNING *",
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
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
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
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now.as_second())
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
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
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active",
        )
        .bind(token_hash)
        .bind(now.as_second())
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        user_from_row(&row)
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn delete_user_sessions(&self, user_id: i64) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
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
             VALUES ($1, $2, $3, $4)",
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
             WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.active",
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
            "UPDATE password_resets SET used_at = $1 \
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id",
        )
        .bind(now.as_second())
        .bind(token_hash)
        .bind(now.as_second())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let row =
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2 AND active RETURNING *")
                .bind(password_hash)
                .bind(user_id)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
        // A new password ends every session and every other link that could set one.
        for statement in [
            "DELETE FROM sessions WHERE user_id = $1",
            "DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL",
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

#[async_trait]
impl AuditStore for PgStore {
    async fn record_audit(&self, entry: &NewAuditEntry, now: Timestamp) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (at, user_id, actor, action, subject, detail) \
             VALUES ($1, $2, $3, $4, $5, $6)",
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
             ORDER BY id DESC LIMIT $1 OFFSET $2",
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
impl MediaStore for PgStore {
    async fn create_media(&self, media: &NewMedia, now: Timestamp) -> StoreResult<Media> {
        let variants =
            serde_json::to_string(&media.variants).map_err(|e| StoreError::Backend(e.into()))?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO media (hash, original_type, original_key, width, height, bytes, alt, \
             credit, caption, variants, uploaded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(&media.hash)
        .bind(&media.original_type)
        .bind(&media.original_key)
        .bind(i64::from(media.width))
        .bind(i64::from(media.height))
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
        let row = sqlx::query(&format!("SELECT {MEDIA_COLUMNS} WHERE m.id = $1"))
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        media_from_row(&row)
    }

    async fn media_by_hash(&self, hash: &str) -> StoreResult<Media> {
        let row = sqlx::query(&format!("SELECT {MEDIA_COLUMNS} WHERE m.hash = $1"))
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
        let filter = " WHERE ($1::text IS NULL OR m.alt ILIKE $1 ESCAPE '\\' OR m.credit ILIKE $1 ESCAPE '\\' \
                      OR m.caption ILIKE $1 ESCAPE '\\')";
        let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM media m{filter}"))
            .bind(&pattern)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        let rows = sqlx::query(&format!(
            "SELECT {MEDIA_COLUMNS}{filter} ORDER BY m.created_at DESC, m.id DESC LIMIT $2 OFFSET $3"
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
        let done =
            sqlx::query("UPDATE media SET alt = $1, credit = $2, caption = $3 WHERE id = $4")
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
            "SELECT id, title FROM articles WHERE lead_image_url LIKE '/media/' || $1 || '-%' \
             OR body LIKE '%/media/' || $1 || '-%' \
             OR id IN (SELECT g.article_id FROM gallery_photos g JOIN media m ON m.id = g.media_id \
             WHERE m.hash = $1) \
             OR id IN (SELECT l.article_id FROM list_items l JOIN media m ON m.id = l.media_id \
             WHERE m.hash = $1) \
             OR id IN (SELECT v.article_id FROM lead_videos v JOIN media m ON m.id = v.poster_media_id \
             WHERE m.hash = $1) ORDER BY id",
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
            "SELECT id, title FROM articles WHERE lead_image_url LIKE '/media/' || $1 || '-%' \
             OR body LIKE '%/media/' || $1 || '-%' \
             OR id IN (SELECT g.article_id FROM gallery_photos g JOIN media m ON m.id = g.media_id \
             WHERE m.hash = $1) \
             OR id IN (SELECT l.article_id FROM list_items l JOIN media m ON m.id = l.media_id \
             WHERE m.hash = $1) \
             OR id IN (SELECT v.article_id FROM lead_videos v JOIN media m ON m.id = v.poster_media_id \
             WHERE m.hash = $1) ORDER BY id",
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
        sqlx::query("DELETE FROM media WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        tx.commit().await.map_err(backend)?;
        Ok(media)
    }
}

#[async_trait]
impl ReactionStore for PgStore {
    async fn set_reaction(
        &self,
        article_id: i64,
        reader_id: &str,
        kind: Option<&ReactionKind>,
        _now: Timestamp,
    ) -> StoreResult<ReactionCounts> {
        let writer = &self.reactions[article_id.rem_euclid(REACTION_WRITERS as i64) as usize];
        reactions::submit(writer, article_id, reader_id, kind).await
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
        let mut query = QueryBuilder::<Postgres>::new(
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
        sqlx::query_scalar("SELECT kind FROM reactions WHERE article_id = $1 AND reader_id = $2")
            .bind(article_id)
            .bind(reader_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)
    }

    async fn count_reaction_rows(&self, article_id: i64) -> StoreResult<ReactionCounts> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT kind, COUNT(*) FROM reactions WHERE article_id = $1 GROUP BY kind",
        )
        .bind(article_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(rows.into_iter().collect())
    }
}

#[async_trait]
impl CommentStore for PgStore {
    async fn create_comment(&self, comment: &NewComment, now: Timestamp) -> StoreResult<Comment> {
        let mut tx = self.write_tx().await?;
        let depth = match comment.parent_id {
            None => 0,
            Some(parent_id) => {
                let parent: Option<(i64, i64)> =
                    sqlx::query_as("SELECT article_id, depth FROM comments WHERE id = $1")
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
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING {COMMENT_COLUMNS}"
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
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE id = $1"
        ))
        .bind(id)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        comment_from_row(&row)
    }

    async fn article_comments(&self, article_id: i64) -> StoreResult<Vec<Comment>> {
        let rows = sqlx::query(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE article_id = $1 ORDER BY id"
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
        let total: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM comments WHERE $1::text IS NULL OR status = $1",
        )
        .bind(status)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        let rows = sqlx::query(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE $1::text IS NULL OR status = $1 \
             ORDER BY id DESC LIMIT $2 OFFSET $3"
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
            "UPDATE comments SET status = COALESCE($1, status), body = COALESCE($2, body), \
             updated_at = $3 WHERE id = $4 RETURNING {COMMENT_COLUMNS}"
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
        let mut query = QueryBuilder::<Postgres>::new(
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
            "SELECT 1::bigint FROM comments WHERE article_id = $1 AND reader_id = $2 \
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
            "SELECT 1::bigint FROM comments WHERE author_email = $1 AND status = 'approved' LIMIT 1",
        )
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(found.is_some())
    }
}

/// Articles with one extra number column, `n`, in the order the query gave them.
async fn ranked_articles(
    store: &PgStore,
    mut query: QueryBuilder<'_, Postgres>,
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
/// takes `since`).
async fn popular(
    store: &PgStore,
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
            " GROUP BY article_id) c JOIN articles a ON a.id = c.article_id \
             JOIN sections s ON s.id = a.section_id \
             WHERE a.status = 'published' AND a.published_at <= ",
        )
        .push_bind(now.as_second())
        .push(super::edition_condition(edition))
        .push(" ORDER BY c.n DESC, a.published_at DESC LIMIT ")
        .push_bind(i64::from(limit));
    ranked_articles(store, query).await
}

/// The end of the related stories' candidates: the newest in the section, scored, joined
/// to the articles still public (SQLite is told to start from the few candidates).
const JOIN_SCORED: &str = " ORDER BY published_at DESC LIMIT 20) s) c GROUP BY c.id) scored \
     JOIN articles a ON a.id = scored.id WHERE a.status = 'published' AND a.published_at <= ";

#[async_trait]
impl DiscoveryStore for PgStore {
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
        // Words as typed first, the last word's start only when no story holds them as
        // typed (the same rule as on SQLite, so both engines find the same stories).
        let Some(exact) = tsquery_with(terms, false) else {
            return Ok(Paged {
                items: Vec::new(),
                total: 0,
            });
        };
        let found = self.search_with(&exact, edition, page, now).await?;
        if found.total > 0 || !terms.last().is_some_and(|t| super::may_be_prefix(t)) {
            return Ok(found);
        }
        match tsquery(terms) {
            Some(expression) => self.search_with(&expression, edition, page, now).await,
            None => Ok(found),
        }
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
                 SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1) \
                 ON CONFLICT (article_id, hour) DO UPDATE SET views = article_views.views + excluded.views",
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
        let counts = "SELECT article_id, SUM(views)::bigint AS n FROM article_views WHERE hour >= ";
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
        // with the archive; the database scores them and hands back only the winners' ids.
        let now = now.as_second();
        let tags: Vec<i64> =
            sqlx::query_scalar("SELECT tag_id FROM article_tags WHERE article_id = $1")
                .bind(article_id)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        let mut query = QueryBuilder::<Postgres>::new(
            "SELECT scored.id FROM (SELECT c.id, SUM(c.w) AS score FROM (",
        );
        for tag in &tags {
            query
                .push("SELECT article_id AS id, 2 AS w FROM (SELECT article_id FROM article_tags WHERE tag_id = ")
                .push_bind(*tag)
                .push(" AND article_id <> ")
                .push_bind(article_id)
                .push(" ORDER BY article_id DESC LIMIT 40) t UNION ALL ");
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
                " ORDER BY published_at DESC LIMIT 20) s) c GROUP BY c.id) scored \
                 JOIN articles a ON a.id = scored.id \
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
        let mut query = QueryBuilder::<Postgres>::new(
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
             AND a.published_at <= $1{condition}"
        ))
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        let rows: Vec<(i64, String, i64, Option<i64>, Option<String>)> = sqlx::query_as(&format!(
            "SELECT a.id, a.slug, a.updated_at, a.translation_group, \
             (SELECT s.language FROM sections s WHERE s.id = a.section_id) \
             FROM articles a WHERE a.status = 'published' AND a.published_at <= $1{condition} \
             ORDER BY a.id LIMIT $2 OFFSET $3"
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

super::integrations::integration_store!(PgStore);
super::review::review_store!(PgStore);
super::bylines::byline_store!(PgStore);
super::embeds::embed_store!(PgStore);
super::front_page::front_page_store!(PgStore, Postgres);
super::pages::page_store!(PgStore);
super::stats::stats_store!(PgStore, Postgres);
super::corrections::correction_store!(PgStore, Postgres, " FOR UPDATE");
super::live_blog::live_blog_store!(PgStore);
super::polls::poll_store!(PgStore, Postgres, super::polls::POLL_FOR_VOTE_LOCKED);
super::galleries::gallery_store!(PgStore, Postgres);
super::lists::list_store!(PgStore);
super::videos::video_store!(PgStore);
super::extras::extras_store!(PgStore);
super::translations::translation_store!(PgStore, Postgres);
super::imports::import_store!(PgStore);
super::ghost::content_api_store!(PgStore, Postgres, " COLLATE \"C\"");

#[async_trait]
impl Store for PgStore {
    async fn site_secret(&self, name: &str, fresh: &str) -> StoreResult<String> {
        sqlx::query(
            "INSERT INTO site_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(name)
        .bind(fresh)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        sqlx::query_scalar("SELECT value FROM site_meta WHERE key = $1")
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
             WHERE h.kind = $1 AND h.old_slug = $2"
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
        sqlx::query_scalar("SELECT value FROM site_meta WHERE key = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await
            .map_err(backend)
    }

    async fn set_site_value(&self, name: &str, value: &str) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO site_meta (key, value) VALUES ($1, $2) \
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
        // One snapshot, so the archive is consistent while the site keeps running.
        let mut tx = self
            .pool
            .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .await
            .map_err(backend)?;
        let mut counts = super::TableCounts::new();
        for table in super::ARCHIVE_TABLES {
            // Primary-key order, so a comment's parent always comes before it.
            let keys: Vec<String> = sqlx::query_scalar(
                "SELECT a.attname::text FROM pg_index i \
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) \
                 WHERE i.indrelid = $1::regclass AND i.indisprimary \
                 ORDER BY array_position(i.indkey::int2[], a.attnum)",
            )
            .bind(*table)
            .fetch_all(&mut *tx)
            .await
            .map_err(backend)?;
            let order = if keys.is_empty() {
                "1".to_owned()
            } else {
                keys.iter()
                    .map(|k| format!("t.{k}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let rows: Vec<String> = sqlx::query_scalar(&format!(
                "SELECT row_to_json(t)::text FROM {table} t ORDER BY {order}"
            ))
            .fetch_all(&mut *tx)
            .await
            .map_err(backend)?;
            for row in &rows {
                let map: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(row).map_err(|e| StoreError::Backend(e.into()))?;
                sink(((*table).to_owned(), map)).map_err(StoreError::Backend)?;
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
        // No other instance may write while a whole site arrives.
        for table in ["users", "articles"] {
            sqlx::query(&format!("LOCK TABLE {table} IN EXCLUSIVE MODE"))
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
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
            let names: Vec<String> = sqlx::query_scalar(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1",
            )
            .bind(*table)
            .fetch_all(&mut *tx)
            .await
            .map_err(backend)?;
            columns.insert((*table).to_owned(), names.into_iter().collect());
        }
        // Rows go in batches of one table and one set of columns; PostgreSQL turns each
        // JSON value into its column's type (an archive from SQLite has 0/1 for booleans).
        let mut counts = super::TableCounts::new();
        let mut batch: Vec<serde_json::Value> = Vec::new();
        let mut batch_key: Option<(String, Vec<String>)> = None;
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
            let key = (table.clone(), row.keys().cloned().collect::<Vec<_>>());
            if batch_key.as_ref() != Some(&key) || batch.len() >= 500 {
                if let Some(done) = batch_key.take() {
                    insert_batch(&mut tx, &done, &batch).await?;
                    batch.clear();
                }
                batch_key = Some(key);
            }
            batch.push(serde_json::Value::Object(row));
            *counts.entry(table).or_insert(0) += 1;
        }
        if let Some(done) = batch_key.take() {
            insert_batch(&mut tx, &done, &batch).await?;
        }
        // Ids were kept, so each identity must continue after the highest one.
        let tables: Vec<String> = sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(backend)?;
        for table in tables {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL) FROM {table}"
            ))
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        // Imported stories' starting totals join what the triggers rebuilt.
        sqlx::query(super::imports::ADD_BASELINES_TO_COUNTS)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        // Reaction totals were rebuilt row by row by the trigger; the search index is
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
        let mut counts = super::TableCounts::new();
        for table in super::ARCHIVE_TABLES {
            let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&self.pool)
                .await
                .map_err(backend)?;
            counts.insert((*table).to_owned(), n);
        }
        Ok(counts)
    }

    async fn migrate(&self) -> StoreResult<()> {
        // Instances starting together take turns: the first applies, the rest find it done.
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        sqlx::query("SELECT pg_advisory_lock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
        let result = apply_migrations(&mut conn).await;
        let unlocked = sqlx::query("SELECT pg_advisory_unlock($1)")
            .bind(MIGRATION_LOCK)
            .execute(&mut *conn)
            .await;
        if unlocked.is_err() {
            // A connection that may still hold the lock must not go back to the pool.
            conn.detach();
        }
        result
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(backend)
    }

    fn statements(&self) -> u64 {
        self.pool.statements()
    }

    fn notify_peers(&self, payload: String) {
        let _ = self.notices.send(payload);
    }

    async fn listen_peers(&self) -> StoreResult<Option<mpsc::Receiver<Option<String>>>> {
        let mut listener = PgListener::connect_with(&self.pool)
            .await
            .map_err(backend)?;
        listener.listen(&self.channel).await.map_err(backend)?;
        let (out, received) = mpsc::channel(1024);
        tokio::spawn(receive_notices(listener, out));
        Ok(Some(received))
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}

async fn insert_batch(
    tx: &mut Transaction<'_, Postgres>,
    (table, columns): &(String, Vec<String>),
    rows: &[serde_json::Value],
) -> StoreResult<()> {
    let list = columns.join(", ");
    sqlx::query(&format!(
        "INSERT INTO {table} ({list}) SELECT {list} FROM json_populate_recordset(NULL::{table}, $1::json)"
    ))
    .bind(serde_json::Value::Array(rows.to_vec()).to_string())
    .execute(&mut **tx)
    .await
    .map_err(backend)?;
    Ok(())
}

async fn apply_migrations(conn: &mut sqlx::PgConnection) -> StoreResult<()> {
    use sqlx::Connection;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (\
         version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    )
    .execute(&mut *conn)
    .await
    .map_err(backend)?;
    for (version, name, sql) in MIGRATIONS {
        let mut tx = conn.begin().await.map_err(backend)?;
        let applied: Option<i64> =
            sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1")
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
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
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

#[cfg(test)]
mod tests {
    use super::{first_named_schema, identifier};

    #[test]
    fn the_schema_a_search_path_names_is_found_as_postgresql_reads_it() {
        assert_eq!(
            first_named_schema("paper_two").as_deref(),
            Some("paper_two")
        );
        assert_eq!(
            first_named_schema("Paper_Two, public").as_deref(),
            Some("paper_two")
        );
        assert_eq!(
            first_named_schema("\"$user\", public").as_deref(),
            Some("public"),
            "$user, quoted or not, is the user's own schema"
        );
        assert_eq!(
            first_named_schema("$user, \"Odd, \"\"Name\"").as_deref(),
            Some("Odd, \"Name")
        );
        assert_eq!(
            first_named_schema("pg_catalog, news").as_deref(),
            Some("news")
        );
        assert_eq!(first_named_schema("\"$user\""), None);
        assert_eq!(first_named_schema(""), None);
    }

    #[test]
    fn identifiers_are_quoted_only_when_they_must_be() {
        assert_eq!(identifier("paper_two"), "paper_two");
        assert_eq!(identifier("Paper"), "\"Paper\"");
        assert_eq!(identifier("a\"b"), "\"a\"\"b\"");
    }
}
