//! Numbered-list stories' items: heading, optional library photo and text, in order, and
//! whether the numbers count down. A list is saved whole. The statements read the same on
//! both engines, so one macro stamps the capability onto each store (`list_store!` in
//! sqlite.rs and postgres.rs).

use async_trait::async_trait;

use super::rows::StoredRow;
use super::{Media, StoreResult};

/// One item of a numbered list.
#[derive(Debug, Clone)]
pub struct ListItem {
    /// 1 for the first item as the editor ordered them.
    pub position: i64,
    pub heading: String,
    pub media: Option<Media>,
    /// Markdown.
    pub body: String,
}

/// A story's numbered list: its items in order, and which way the numbers run.
#[derive(Debug, Clone, Default)]
pub struct StoryList {
    pub items: Vec<ListItem>,
    /// Numbered from the count down to 1 ("top 10" style).
    pub descending: bool,
}

/// One item to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewListItem {
    pub heading: String,
    pub media_id: Option<i64>,
    pub body: String,
}

#[async_trait]
pub trait ListStore: Send + Sync {
    /// A story's list (no items for a story without one).
    async fn story_list(&self, article_id: i64) -> StoreResult<StoryList>;
    /// Replaces a story's list; `NotFound` when the story or a photo is not there.
    async fn replace_list(
        &self,
        article_id: i64,
        items: &[NewListItem],
        descending: bool,
    ) -> StoreResult<StoryList>;
}

pub(super) const SELECT_ITEMS: &str = "SELECT l.position, l.heading, l.body, l.media_id \
     FROM list_items l WHERE l.article_id = $1 ORDER BY l.position";
pub(super) const SELECT_NUMBERING: &str =
    "SELECT descending FROM list_numbering WHERE article_id = $1";
pub(super) const ARTICLE_EXISTS: &str = "SELECT COUNT(*) FROM articles WHERE id = $1";
pub(super) const MEDIA_EXISTS: &str = "SELECT COUNT(*) FROM media WHERE id = $1";
pub(super) const CLEAR_ITEMS: &str = "DELETE FROM list_items WHERE article_id = $1";
pub(super) const CLEAR_NUMBERING: &str = "DELETE FROM list_numbering WHERE article_id = $1";
pub(super) const INSERT_ITEM: &str = "INSERT INTO list_items \
     (article_id, position, heading, media_id, body) VALUES ($1, $2, $3, $4, $5)";
pub(super) const INSERT_NUMBERING: &str =
    "INSERT INTO list_numbering (article_id, descending) VALUES ($1, $2)";

/// (position, heading, body, media id) from a row of `SELECT_ITEMS`.
pub(super) fn item_from_row(
    row: &impl StoredRow,
) -> StoreResult<(i64, String, String, Option<i64>)> {
    Ok((
        row.int("position")?,
        row.text("heading")?,
        row.text("body")?,
        row.int_or_none("media_id")?,
    ))
}

/// Implements `ListStore` for a store with a `pool`, `write_tx`, a `backend` function and
/// `MediaStore::media_by_id` in scope.
macro_rules! list_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::lists::ListStore for $store {
            async fn story_list(
                &self,
                article_id: i64,
            ) -> super::StoreResult<super::lists::StoryList> {
                let rows = sqlx::query(super::lists::SELECT_ITEMS)
                    .bind(article_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                if rows.is_empty() {
                    return Ok(super::lists::StoryList::default());
                }
                let descending = sqlx::query(super::lists::SELECT_NUMBERING)
                    .bind(article_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?
                    .map(|row| super::rows::StoredRow::flag(&row, "descending"))
                    .transpose()?
                    .unwrap_or(false);
                let mut items = Vec::with_capacity(rows.len());
                for row in &rows {
                    let (position, heading, body, media_id) = super::lists::item_from_row(row)?;
                    let media = match media_id {
                        Some(id) => match super::MediaStore::media_by_id(self, id).await {
                            Ok(media) => Some(media),
                            Err(super::StoreError::NotFound) => None,
                            Err(other) => return Err(other),
                        },
                        None => None,
                    };
                    items.push(super::lists::ListItem {
                        position,
                        heading,
                        media,
                        body,
                    });
                }
                Ok(super::lists::StoryList { items, descending })
            }

            async fn replace_list(
                &self,
                article_id: i64,
                items: &[super::lists::NewListItem],
                descending: bool,
            ) -> super::StoreResult<super::lists::StoryList> {
                let mut tx = self.write_tx().await?;
                let found: i64 = sqlx::query_scalar(super::lists::ARTICLE_EXISTS)
                    .bind(article_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend)?;
                if found == 0 {
                    return Err(super::StoreError::NotFound);
                }
                for statement in [super::lists::CLEAR_ITEMS, super::lists::CLEAR_NUMBERING] {
                    sqlx::query(statement)
                        .bind(article_id)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                for (index, item) in items.iter().enumerate() {
                    if let Some(media_id) = item.media_id {
                        let found: i64 = sqlx::query_scalar(super::lists::MEDIA_EXISTS)
                            .bind(media_id)
                            .fetch_one(&mut *tx)
                            .await
                            .map_err(backend)?;
                        if found == 0 {
                            return Err(super::StoreError::NotFound);
                        }
                    }
                    sqlx::query(super::lists::INSERT_ITEM)
                        .bind(article_id)
                        .bind(index as i64 + 1)
                        .bind(&item.heading)
                        .bind(item.media_id)
                        .bind(&item.body)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                if !items.is_empty() {
                    sqlx::query(super::lists::INSERT_NUMBERING)
                        .bind(article_id)
                        .bind(descending)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)?;
                super::lists::ListStore::story_list(self, article_id).await
            }
        }
    };
}
pub(super) use list_store;
