//! What a story carries besides its text: polls, a gallery, a numbered list, a lead video.
//! One statement answers all four, so a story with none of them costs its page one read.
//! The statement reads the same on both engines (`extras_store!` in sqlite.rs and
//! postgres.rs).

use async_trait::async_trait;

use super::StoreResult;
use super::rows::StoredRow;

/// Which of the extras a story has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoryExtras {
    pub polls: bool,
    pub gallery: bool,
    pub list: bool,
    pub video: bool,
}

#[async_trait]
pub trait ExtrasStore: Send + Sync {
    async fn story_extras(&self, article_id: i64) -> StoreResult<StoryExtras>;
}

pub(super) const SELECT_EXTRAS: &str = "SELECT \
     EXISTS (SELECT 1 FROM polls WHERE article_id = $1) AS polls, \
     EXISTS (SELECT 1 FROM gallery_photos WHERE article_id = $1) AS gallery, \
     EXISTS (SELECT 1 FROM list_items WHERE article_id = $1) AS list, \
     EXISTS (SELECT 1 FROM lead_videos WHERE article_id = $1) AS video";

pub(super) fn extras_from_row(row: &impl StoredRow) -> StoreResult<StoryExtras> {
    Ok(StoryExtras {
        polls: row.flag("polls")?,
        gallery: row.flag("gallery")?,
        list: row.flag("list")?,
        video: row.flag("video")?,
    })
}

/// Implements `ExtrasStore` for a store with a `pool` and a `backend` function in scope.
macro_rules! extras_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::extras::ExtrasStore for $store {
            async fn story_extras(
                &self,
                article_id: i64,
            ) -> super::StoreResult<super::extras::StoryExtras> {
                let row = sqlx::query(super::extras::SELECT_EXTRAS)
                    .bind(article_id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::extras::extras_from_row(&row)
            }
        }
    };
}
pub(super) use extras_store;
