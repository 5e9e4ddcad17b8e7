//! Review before publication: which drafts wait for an editor (since when, sent by whom),
//! who a story is assigned to, and the newsroom's internal notes on a story. The statements
//! read the same on both engines, so one macro stamps the capability onto each store
//! (`review_store!` in sqlite.rs and postgres.rs).

use std::collections::HashMap;

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use super::StoreResult;
use super::rows::{StoredRow, timestamp};

/// Where a story stands on the desk.
#[derive(Debug, Clone, Serialize)]
pub struct DeskEntry {
    pub article_id: i64,
    /// Set while the story waits for review.
    pub review_since: Option<Timestamp>,
    pub submitted_by: Option<i64>,
    pub submitted_by_name: Option<String>,
    pub assigned_to: Option<i64>,
    pub assigned_name: Option<String>,
}

/// A note the newsroom left on a story; readers never see it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleNote {
    pub id: i64,
    pub article_id: i64,
    pub user_id: Option<i64>,
    /// The writer's name as it was, kept after they leave.
    pub actor: String,
    pub body: String,
    pub created_at: Timestamp,
}

#[async_trait]
pub trait ReviewStore: Send + Sync {
    async fn desk_entry(&self, article_id: i64) -> StoreResult<Option<DeskEntry>>;
    /// The desk entries of several stories at once (for lists), by article id.
    async fn desk_entries(&self, article_ids: &[i64]) -> StoreResult<HashMap<i64, DeskEntry>>;
    /// Marks a story as waiting for review (by whom, since when), or `None`: no longer waiting.
    async fn set_review(
        &self,
        article_id: i64,
        submitted: Option<(Option<i64>, Timestamp)>,
    ) -> StoreResult<()>;
    async fn assign_article(&self, article_id: i64, user_id: Option<i64>) -> StoreResult<()>;
    /// Drafts waiting for review, the longest-waiting first.
    async fn review_queue(&self, limit: u32) -> StoreResult<Vec<DeskEntry>>;
    async fn add_note(
        &self,
        article_id: i64,
        user_id: Option<i64>,
        actor: &str,
        body: &str,
        now: Timestamp,
    ) -> StoreResult<ArticleNote>;
    /// Oldest first.
    async fn list_notes(&self, article_id: i64) -> StoreResult<Vec<ArticleNote>>;
    async fn create_preview_link(
        &self,
        article_id: i64,
        created_by: Option<i64>,
        now: Timestamp,
        expires: Timestamp,
    ) -> StoreResult<PreviewLink>;
    async fn preview_link(&self, id: i64) -> StoreResult<PreviewLink>;
    /// Newest first.
    async fn list_preview_links(&self, article_id: i64) -> StoreResult<Vec<PreviewLink>>;
    async fn revoke_preview_link(&self, id: i64, now: Timestamp) -> StoreResult<()>;
}

/// A shareable preview link's record; the link itself is signed, not stored.
#[derive(Debug, Clone, Serialize)]
pub struct PreviewLink {
    pub id: i64,
    pub article_id: i64,
    pub created_by: Option<i64>,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
}

pub(super) const INSERT_PREVIEW: &str = "INSERT INTO preview_links (article_id, created_by, \
     created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING id";

const PREVIEW_COLUMNS: &str =
    "SELECT id, article_id, created_by, created_at, expires_at, revoked_at FROM preview_links";

pub(super) fn select_preview(by: &str) -> String {
    match by {
        "id" => format!("{PREVIEW_COLUMNS} WHERE id = $1"),
        _ => format!("{PREVIEW_COLUMNS} WHERE article_id = $1 ORDER BY id DESC"),
    }
}

pub(super) const REVOKE_PREVIEW: &str =
    "UPDATE preview_links SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL";

pub(super) fn preview_from_row(row: &impl StoredRow) -> StoreResult<PreviewLink> {
    Ok(PreviewLink {
        id: row.int("id")?,
        article_id: row.int("article_id")?,
        created_by: row.int_or_none("created_by")?,
        created_at: timestamp(row.int("created_at")?),
        expires_at: timestamp(row.int("expires_at")?),
        revoked_at: row.int_or_none("revoked_at")?.map(timestamp),
    })
}

const DESK_COLUMNS: &str = "d.article_id, d.review_since, d.submitted_by, \
     s.name AS submitted_by_name, d.assigned_to, g.name AS assigned_name FROM article_desk d \
     LEFT JOIN users s ON s.id = d.submitted_by LEFT JOIN users g ON g.id = d.assigned_to";

pub(super) fn select_entry() -> String {
    format!("SELECT {DESK_COLUMNS} WHERE d.article_id = $1")
}

/// Ids are numbers we hold, never text from outside, so they are written into the list.
pub(super) fn select_entries(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!(
        "SELECT {DESK_COLUMNS} WHERE d.article_id IN ({})",
        list.join(", ")
    )
}

pub(super) fn select_queue() -> String {
    format!(
        "SELECT {DESK_COLUMNS} JOIN articles a ON a.id = d.article_id \
         WHERE d.review_since IS NOT NULL AND a.status = 'draft' \
         ORDER BY d.review_since, d.article_id LIMIT $1"
    )
}

pub(super) const SET_REVIEW: &str = "INSERT INTO article_desk (article_id, review_since, \
     submitted_by) VALUES ($1, $2, $3) ON CONFLICT (article_id) DO UPDATE SET \
     review_since = excluded.review_since, submitted_by = excluded.submitted_by";

pub(super) const ASSIGN: &str = "INSERT INTO article_desk (article_id, assigned_to) \
     VALUES ($1, $2) ON CONFLICT (article_id) DO UPDATE SET assigned_to = excluded.assigned_to";

pub(super) const INSERT_NOTE: &str = "INSERT INTO article_notes (article_id, user_id, actor, \
     body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";

pub(super) const SELECT_NOTES: &str = "SELECT id, article_id, user_id, actor, body, created_at \
     FROM article_notes WHERE article_id = $1 ORDER BY id";

pub(super) fn entry_from_row(row: &impl StoredRow) -> StoreResult<DeskEntry> {
    Ok(DeskEntry {
        article_id: row.int("article_id")?,
        review_since: row.int_or_none("review_since")?.map(timestamp),
        submitted_by: row.int_or_none("submitted_by")?,
        submitted_by_name: row.text_or_none("submitted_by_name")?,
        assigned_to: row.int_or_none("assigned_to")?,
        assigned_name: row.text_or_none("assigned_name")?,
    })
}

pub(super) fn note_from_row(row: &impl StoredRow) -> StoreResult<ArticleNote> {
    Ok(ArticleNote {
        id: row.int("id")?,
        article_id: row.int("article_id")?,
        user_id: row.int_or_none("user_id")?,
        actor: row.text("actor")?,
        body: row.text("body")?,
        created_at: timestamp(row.int("created_at")?),
    })
}

/// Implements `ReviewStore` for a store with a `pool` field and a `backend` function that
/// maps the engine's errors, both in scope where the macro is used.
macro_rules! review_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::ReviewStore for $store {
            async fn desk_entry(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Option<super::DeskEntry>> {
                let row = sqlx::query(&super::review::select_entry())
                    .bind(article_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?;
                row.as_ref().map(super::review::entry_from_row).transpose()
            }

            async fn desk_entries(
                &self,
                article_ids: &[i64],
            ) -> super::StoreResult<std::collections::HashMap<i64, super::DeskEntry>> {
                if article_ids.is_empty() {
                    return Ok(std::collections::HashMap::new());
                }
                let rows = sqlx::query(&super::review::select_entries(article_ids))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter()
                    .map(|row| super::review::entry_from_row(row).map(|e| (e.article_id, e)))
                    .collect()
            }

            async fn set_review(
                &self,
                article_id: i64,
                submitted: Option<(Option<i64>, jiff::Timestamp)>,
            ) -> super::StoreResult<()> {
                sqlx::query(super::review::SET_REVIEW)
                    .bind(article_id)
                    .bind(submitted.map(|(_, at)| at.as_second()))
                    .bind(submitted.and_then(|(by, _)| by))
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }

            async fn assign_article(
                &self,
                article_id: i64,
                user_id: Option<i64>,
            ) -> super::StoreResult<()> {
                sqlx::query(super::review::ASSIGN)
                    .bind(article_id)
                    .bind(user_id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }

            async fn review_queue(&self, limit: u32) -> super::StoreResult<Vec<super::DeskEntry>> {
                let rows = sqlx::query(&super::review::select_queue())
                    .bind(i64::from(limit))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter().map(super::review::entry_from_row).collect()
            }

            async fn add_note(
                &self,
                article_id: i64,
                user_id: Option<i64>,
                actor: &str,
                body: &str,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::ArticleNote> {
                let id: i64 = sqlx::query_scalar(super::review::INSERT_NOTE)
                    .bind(article_id)
                    .bind(user_id)
                    .bind(actor)
                    .bind(body)
                    .bind(now.as_second())
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(super::ArticleNote {
                    id,
                    article_id,
                    user_id,
                    actor: actor.to_owned(),
                    body: body.to_owned(),
                    created_at: jiff::Timestamp::from_second(now.as_second()).unwrap_or(now),
                })
            }

            async fn create_preview_link(
                &self,
                article_id: i64,
                created_by: Option<i64>,
                now: jiff::Timestamp,
                expires: jiff::Timestamp,
            ) -> super::StoreResult<super::PreviewLink> {
                let id: i64 = sqlx::query_scalar(super::review::INSERT_PREVIEW)
                    .bind(article_id)
                    .bind(created_by)
                    .bind(now.as_second())
                    .bind(expires.as_second())
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::ReviewStore::preview_link(self, id).await
            }

            async fn preview_link(&self, id: i64) -> super::StoreResult<super::PreviewLink> {
                let row = sqlx::query(&super::review::select_preview("id"))
                    .bind(id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::review::preview_from_row(&row)
            }

            async fn list_preview_links(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Vec<super::PreviewLink>> {
                let rows = sqlx::query(&super::review::select_preview("article"))
                    .bind(article_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter().map(super::review::preview_from_row).collect()
            }

            async fn revoke_preview_link(
                &self,
                id: i64,
                now: jiff::Timestamp,
            ) -> super::StoreResult<()> {
                sqlx::query(super::review::REVOKE_PREVIEW)
                    .bind(id)
                    .bind(now.as_second())
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }

            async fn list_notes(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Vec<super::ArticleNote>> {
                let rows = sqlx::query(super::review::SELECT_NOTES)
                    .bind(article_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter().map(super::review::note_from_row).collect()
            }
        }
    };
}
pub(super) use review_store;
