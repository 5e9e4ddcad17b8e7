//! Live blogs' records: each story's coverage (the order its entries show in, when it
//! ended) and its entries. The statements read the same on both engines, so one macro
//! stamps the capability onto each store (`live_blog_store!` in sqlite.rs and postgres.rs).

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use super::StoreResult;
use super::rows::{StoredRow, timestamp};

/// The order a live blog's page shows its entries in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryOrder {
    /// The latest update at the top: the usual way to follow breaking news.
    #[default]
    NewestFirst,
    /// From the start, as a match report or a hearing reads best afterwards.
    OldestFirst,
}

impl EntryOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryOrder::NewestFirst => "newest_first",
            EntryOrder::OldestFirst => "oldest_first",
        }
    }

    pub fn parse(text: &str) -> Result<EntryOrder, String> {
        match text {
            "newest_first" => Ok(EntryOrder::NewestFirst),
            "oldest_first" => Ok(EntryOrder::OldestFirst),
            other => Err(format!(
                "\"{other}\" is not an order; use newest_first or oldest_first"
            )),
        }
    }
}

/// How a story's live coverage stands: a story nobody set up yet is newest first and live.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub article_id: i64,
    pub order: EntryOrder,
    /// When an editor closed the blog; `None` while it is live.
    pub ended_at: Option<Timestamp>,
}

impl Coverage {
    pub fn open(article_id: i64) -> Coverage {
        Coverage {
            article_id,
            order: EntryOrder::NewestFirst,
            ended_at: None,
        }
    }
}

/// One update of a live blog, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LiveEntry {
    pub id: i64,
    pub article_id: i64,
    /// Markdown, rendered and sanitised like a story's body.
    pub body: String,
    pub title: Option<String>,
    pub key_event: bool,
    pub pinned: bool,
    /// A photo from the library, shown under the text.
    pub media_id: Option<i64>,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// An entry as the rules checked it, for a new entry or in place of an existing one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewEntry {
    pub body: String,
    pub title: Option<String>,
    pub key_event: bool,
    pub pinned: bool,
    pub media_id: Option<i64>,
}

/// A key event in a blog's "Key events" list, with its place among all the entries
/// (0 for the newest), so the list can link to the page it is on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyEvent {
    pub id: i64,
    pub title: String,
    pub created_at: Timestamp,
    pub newer: i64,
}

#[async_trait]
pub trait LiveBlogStore: Send + Sync {
    /// The story's coverage, or `Coverage::open` when nothing was set.
    async fn coverage(&self, article_id: i64) -> StoreResult<Coverage>;
    async fn set_coverage(&self, coverage: &Coverage, by: Option<i64>) -> StoreResult<()>;
    /// Adds an entry; a pinned one unpins the story's others in the same transaction.
    async fn add_entry(
        &self,
        article_id: i64,
        entry: &NewEntry,
        author_id: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<LiveEntry>;
    /// Replaces an entry's words, photo and flags; `NotFound` unless it is the story's.
    async fn update_entry(
        &self,
        article_id: i64,
        entry_id: i64,
        entry: &NewEntry,
        now: Timestamp,
    ) -> StoreResult<LiveEntry>;
    /// `NotFound` unless the entry is the story's.
    async fn delete_entry(&self, article_id: i64, entry_id: i64) -> StoreResult<()>;
    async fn entry(&self, article_id: i64, entry_id: i64) -> StoreResult<LiveEntry>;
    /// One page of entries in `order`.
    async fn entries(
        &self,
        article_id: i64,
        order: EntryOrder,
        offset: u32,
        limit: u32,
    ) -> StoreResult<Vec<LiveEntry>>;
    /// Newest first, only those after an entry (by id) or a time, when given.
    async fn entries_after(
        &self,
        article_id: i64,
        after_id: Option<i64>,
        after_time: Option<Timestamp>,
        limit: u32,
    ) -> StoreResult<Vec<LiveEntry>>;
    /// How many entries the story has, and when the latest change to one was made.
    async fn entry_totals(&self, article_id: i64) -> StoreResult<(i64, Option<Timestamp>)>;
    async fn pinned_entry(&self, article_id: i64) -> StoreResult<Option<LiveEntry>>;
    /// Key events, newest first.
    async fn key_events(&self, article_id: i64, limit: u32) -> StoreResult<Vec<KeyEvent>>;
}

const COLUMNS: &str = "e.id, e.article_id, e.body, e.title, e.key_event, e.pinned, \
     e.media_id, e.author_id, u.name AS author_name, e.created_at, e.updated_at \
     FROM live_entries e LEFT JOIN users u ON u.id = e.author_id";

pub(super) const SELECT_COVERAGE: &str =
    "SELECT oldest_first, ended_at FROM live_blogs WHERE article_id = $1";
pub(super) const UPSERT_COVERAGE: &str = "INSERT INTO live_blogs \
     (article_id, oldest_first, ended_at, ended_by) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (article_id) DO UPDATE SET oldest_first = excluded.oldest_first, \
     ended_at = excluded.ended_at, ended_by = excluded.ended_by";
pub(super) const INSERT_ENTRY: &str = "INSERT INTO live_entries (article_id, body, title, \
     key_event, pinned, media_id, author_id, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
pub(super) const UPDATE_ENTRY: &str = "UPDATE live_entries SET body = $1, title = $2, \
     key_event = $3, pinned = $4, media_id = $5, updated_at = $6 \
     WHERE id = $7 AND article_id = $8";
pub(super) const UNPIN_OTHERS: &str =
    "UPDATE live_entries SET pinned = $1 WHERE article_id = $2 AND id <> $3 AND pinned";
pub(super) const DELETE_ENTRY: &str = "DELETE FROM live_entries WHERE id = $1 AND article_id = $2";
pub(super) const TOTALS: &str =
    "SELECT COUNT(*) AS n, MAX(updated_at) AS latest FROM live_entries WHERE article_id = $1";
pub(super) const KEY_EVENTS: &str = "SELECT id, title, created_at, newer FROM (\
     SELECT id, title, key_event, created_at, \
     ROW_NUMBER() OVER (ORDER BY created_at DESC, id DESC) - 1 AS newer \
     FROM live_entries WHERE article_id = $1) ranked \
     WHERE key_event AND title IS NOT NULL ORDER BY newer LIMIT $2";

pub(super) fn select_entry() -> String {
    format!("SELECT {COLUMNS} WHERE e.article_id = $1 AND e.id = $2")
}

pub(super) fn select_pinned() -> String {
    format!("SELECT {COLUMNS} WHERE e.article_id = $1 AND e.pinned ORDER BY e.id DESC LIMIT 1")
}

pub(super) fn select_page(order: EntryOrder) -> String {
    let direction = match order {
        EntryOrder::NewestFirst => "DESC",
        EntryOrder::OldestFirst => "ASC",
    };
    format!(
        "SELECT {COLUMNS} WHERE e.article_id = $1 \
         ORDER BY e.created_at {direction}, e.id {direction} LIMIT $2 OFFSET $3"
    )
}

pub(super) fn select_after_id() -> String {
    format!(
        "SELECT {COLUMNS} WHERE e.article_id = $1 AND e.id > $2 \
         ORDER BY e.created_at DESC, e.id DESC LIMIT $3"
    )
}

pub(super) fn select_after_time() -> String {
    format!(
        "SELECT {COLUMNS} WHERE e.article_id = $1 AND e.created_at > $2 \
         ORDER BY e.created_at DESC, e.id DESC LIMIT $3"
    )
}

pub(super) fn entry_from_row(row: &impl StoredRow) -> StoreResult<LiveEntry> {
    Ok(LiveEntry {
        id: row.int("id")?,
        article_id: row.int("article_id")?,
        body: row.text("body")?,
        title: row.text_or_none("title")?,
        key_event: row.flag("key_event")?,
        pinned: row.flag("pinned")?,
        media_id: row.int_or_none("media_id")?,
        author_id: row.int_or_none("author_id")?,
        author_name: row.text_or_none("author_name")?,
        created_at: timestamp(row.int("created_at")?),
        updated_at: timestamp(row.int("updated_at")?),
    })
}

pub(super) fn coverage_from_row(article_id: i64, row: &impl StoredRow) -> StoreResult<Coverage> {
    Ok(Coverage {
        article_id,
        order: if row.flag("oldest_first")? {
            EntryOrder::OldestFirst
        } else {
            EntryOrder::NewestFirst
        },
        ended_at: row.int_or_none("ended_at")?.map(timestamp),
    })
}

pub(super) fn key_event_from_row(row: &impl StoredRow) -> StoreResult<KeyEvent> {
    Ok(KeyEvent {
        id: row.int("id")?,
        title: row.text("title")?,
        created_at: timestamp(row.int("created_at")?),
        newer: row.int("newer")?,
    })
}

/// Implements `LiveBlogStore` for a store with a `pool`, `write_tx` and a `backend`
/// function in scope.
macro_rules! live_blog_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::LiveBlogStore for $store {
            async fn coverage(&self, article_id: i64) -> super::StoreResult<super::Coverage> {
                let row = sqlx::query(super::live_blog::SELECT_COVERAGE)
                    .bind(article_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?;
                match row {
                    Some(row) => super::live_blog::coverage_from_row(article_id, &row),
                    None => Ok(super::Coverage::open(article_id)),
                }
            }

            async fn set_coverage(
                &self,
                coverage: &super::Coverage,
                by: Option<i64>,
            ) -> super::StoreResult<()> {
                sqlx::query(super::live_blog::UPSERT_COVERAGE)
                    .bind(coverage.article_id)
                    .bind(coverage.order == super::EntryOrder::OldestFirst)
                    .bind(coverage.ended_at.map(|at| at.as_second()))
                    .bind(coverage.ended_at.and(by))
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }

            async fn add_entry(
                &self,
                article_id: i64,
                entry: &super::NewEntry,
                author_id: Option<i64>,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::LiveEntry> {
                let mut tx = self.write_tx().await?;
                let id: i64 = sqlx::query_scalar(super::live_blog::INSERT_ENTRY)
                    .bind(article_id)
                    .bind(&entry.body)
                    .bind(&entry.title)
                    .bind(entry.key_event)
                    .bind(entry.pinned)
                    .bind(entry.media_id)
                    .bind(author_id)
                    .bind(now.as_second())
                    .bind(now.as_second())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend)?;
                if entry.pinned {
                    sqlx::query(super::live_blog::UNPIN_OTHERS)
                        .bind(false)
                        .bind(article_id)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)?;
                super::LiveBlogStore::entry(self, article_id, id).await
            }

            async fn update_entry(
                &self,
                article_id: i64,
                entry_id: i64,
                entry: &super::NewEntry,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::LiveEntry> {
                let mut tx = self.write_tx().await?;
                let done = sqlx::query(super::live_blog::UPDATE_ENTRY)
                    .bind(&entry.body)
                    .bind(&entry.title)
                    .bind(entry.key_event)
                    .bind(entry.pinned)
                    .bind(entry.media_id)
                    .bind(now.as_second())
                    .bind(entry_id)
                    .bind(article_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                if done.rows_affected() == 0 {
                    return Err(super::StoreError::NotFound);
                }
                if entry.pinned {
                    sqlx::query(super::live_blog::UNPIN_OTHERS)
                        .bind(false)
                        .bind(article_id)
                        .bind(entry_id)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)?;
                super::LiveBlogStore::entry(self, article_id, entry_id).await
            }

            async fn delete_entry(&self, article_id: i64, entry_id: i64) -> super::StoreResult<()> {
                let done = sqlx::query(super::live_blog::DELETE_ENTRY)
                    .bind(entry_id)
                    .bind(article_id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                if done.rows_affected() == 0 {
                    return Err(super::StoreError::NotFound);
                }
                Ok(())
            }

            async fn entry(
                &self,
                article_id: i64,
                entry_id: i64,
            ) -> super::StoreResult<super::LiveEntry> {
                let row = sqlx::query(&super::live_blog::select_entry())
                    .bind(article_id)
                    .bind(entry_id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::live_blog::entry_from_row(&row)
            }

            async fn entries(
                &self,
                article_id: i64,
                order: super::EntryOrder,
                offset: u32,
                limit: u32,
            ) -> super::StoreResult<Vec<super::LiveEntry>> {
                let rows = sqlx::query(&super::live_blog::select_page(order))
                    .bind(article_id)
                    .bind(i64::from(limit))
                    .bind(i64::from(offset))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter().map(super::live_blog::entry_from_row).collect()
            }

            async fn entries_after(
                &self,
                article_id: i64,
                after_id: Option<i64>,
                after_time: Option<jiff::Timestamp>,
                limit: u32,
            ) -> super::StoreResult<Vec<super::LiveEntry>> {
                let (sql, after) = match (after_id, after_time) {
                    (Some(id), _) => (super::live_blog::select_after_id(), id),
                    (None, Some(at)) => (super::live_blog::select_after_time(), at.as_second()),
                    (None, None) => (super::live_blog::select_after_id(), 0),
                };
                let query = sqlx::query(&sql).bind(article_id).bind(after);
                let rows = query
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter().map(super::live_blog::entry_from_row).collect()
            }

            async fn entry_totals(
                &self,
                article_id: i64,
            ) -> super::StoreResult<(i64, Option<jiff::Timestamp>)> {
                let row = sqlx::query(super::live_blog::TOTALS)
                    .bind(article_id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                use super::rows::StoredRow;
                Ok((
                    row.int("n")?,
                    row.int_or_none("latest")?.map(super::rows::timestamp),
                ))
            }

            async fn pinned_entry(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Option<super::LiveEntry>> {
                let row = sqlx::query(&super::live_blog::select_pinned())
                    .bind(article_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?;
                row.as_ref()
                    .map(super::live_blog::entry_from_row)
                    .transpose()
            }

            async fn key_events(
                &self,
                article_id: i64,
                limit: u32,
            ) -> super::StoreResult<Vec<super::KeyEvent>> {
                let rows = sqlx::query(super::live_blog::KEY_EVENTS)
                    .bind(article_id)
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter()
                    .map(super::live_blog::key_event_from_row)
                    .collect()
            }
        }
    };
}
pub(super) use live_blog_store;
