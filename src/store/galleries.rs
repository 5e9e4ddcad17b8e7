//! Gallery stories' photos: an ordered list of library photos, each with the caption and
//! credit it carries in the gallery. A gallery is saved whole (reordering is saving it in
//! the new order). The statements read the same on both engines, so one macro stamps the
//! capability onto each store (`gallery_store!` in sqlite.rs and postgres.rs).

use std::collections::HashMap;

use async_trait::async_trait;

use super::rows::{StoredRow, media_from_row};
use super::{Media, StoreResult};

/// One photo of a gallery, as readers see it.
#[derive(Debug, Clone)]
pub struct GalleryPhoto {
    /// 1 for the first photo.
    pub position: i64,
    pub media: Media,
    /// The gallery's own words for the photo; the library's when `None`.
    pub caption: Option<String>,
    pub credit: Option<String>,
}

impl GalleryPhoto {
    pub fn caption(&self) -> Option<&str> {
        self.caption.as_deref().or(self.media.caption.as_deref())
    }

    pub fn credit(&self) -> Option<&str> {
        self.credit.as_deref().or(self.media.credit.as_deref())
    }
}

/// One photo to save into a gallery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalleryItem {
    pub media_id: i64,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[async_trait]
pub trait GalleryStore: Send + Sync {
    /// A story's gallery photos in order (none for a story without a gallery).
    async fn gallery(&self, article_id: i64) -> StoreResult<Vec<GalleryPhoto>>;
    /// The galleries of several stories at once (feeds), by story.
    async fn galleries(&self, article_ids: &[i64]) -> StoreResult<HashMap<i64, Vec<GalleryPhoto>>>;
    /// Replaces a story's gallery with `items` in their order; `NotFound` when the story or
    /// one of the photos is not there.
    async fn replace_gallery(
        &self,
        article_id: i64,
        items: &[GalleryItem],
    ) -> StoreResult<Vec<GalleryPhoto>>;
}

/// The photos of galleries, before a `WHERE` on `g.article_id` and `GALLERY_ORDER`.
pub(super) fn select_gallery() -> String {
    format!(
        "SELECT g.article_id, g.position, g.caption AS gallery_caption, \
         g.credit AS gallery_credit, {} JOIN gallery_photos g ON g.media_id = m.id ",
        super::rows::MEDIA_COLUMNS
    )
}

pub(super) const GALLERY_ORDER: &str = " ORDER BY g.article_id, g.position";

pub(super) const ARTICLE_EXISTS: &str = "SELECT COUNT(*) FROM articles WHERE id = $1";
pub(super) const MEDIA_EXISTS: &str = "SELECT COUNT(*) FROM media WHERE id = $1";
pub(super) const CLEAR_GALLERY: &str = "DELETE FROM gallery_photos WHERE article_id = $1";
pub(super) const INSERT_PHOTO: &str = "INSERT INTO gallery_photos \
     (article_id, position, media_id, caption, credit) VALUES ($1, $2, $3, $4, $5)";

/// (article id, photo) from a row of `select_gallery`.
pub(super) fn photo_from_row(row: &impl StoredRow) -> StoreResult<(i64, GalleryPhoto)> {
    Ok((
        row.int("article_id")?,
        GalleryPhoto {
            position: row.int("position")?,
            media: media_from_row(row)?,
            caption: row.text_or_none("gallery_caption")?,
            credit: row.text_or_none("gallery_credit")?,
        },
    ))
}

/// Implements `GalleryStore` for a store with a `pool`, `write_tx`, `push_ids` and a
/// `backend` function in scope, on engine `$db`.
macro_rules! gallery_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl super::galleries::GalleryStore for $store {
            async fn gallery(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Vec<super::galleries::GalleryPhoto>> {
                let select = format!(
                    "{}WHERE g.article_id = $1{}",
                    super::galleries::select_gallery(),
                    super::galleries::GALLERY_ORDER
                );
                let rows = sqlx::query(&select)
                    .bind(article_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter()
                    .map(|row| super::galleries::photo_from_row(row).map(|(_, photo)| photo))
                    .collect()
            }

            async fn galleries(
                &self,
                article_ids: &[i64],
            ) -> super::StoreResult<
                std::collections::HashMap<i64, Vec<super::galleries::GalleryPhoto>>,
            > {
                let mut found = std::collections::HashMap::new();
                if article_ids.is_empty() {
                    return Ok(found);
                }
                let mut query = sqlx::QueryBuilder::<$db>::new(super::galleries::select_gallery());
                query.push("WHERE g.article_id IN (");
                push_ids(&mut query, article_ids);
                query.push(")").push(super::galleries::GALLERY_ORDER);
                let rows = query.build().fetch_all(&self.pool).await.map_err(backend)?;
                for row in &rows {
                    let (article_id, photo) = super::galleries::photo_from_row(row)?;
                    found.entry(article_id).or_insert_with(Vec::new).push(photo);
                }
                Ok(found)
            }

            async fn replace_gallery(
                &self,
                article_id: i64,
                items: &[super::galleries::GalleryItem],
            ) -> super::StoreResult<Vec<super::galleries::GalleryPhoto>> {
                let mut tx = self.write_tx().await?;
                let found: i64 = sqlx::query_scalar(super::galleries::ARTICLE_EXISTS)
                    .bind(article_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend)?;
                if found == 0 {
                    return Err(super::StoreError::NotFound);
                }
                sqlx::query(super::galleries::CLEAR_GALLERY)
                    .bind(article_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                for (index, item) in items.iter().enumerate() {
                    let found: i64 = sqlx::query_scalar(super::galleries::MEDIA_EXISTS)
                        .bind(item.media_id)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(backend)?;
                    if found == 0 {
                        return Err(super::StoreError::NotFound);
                    }
                    sqlx::query(super::galleries::INSERT_PHOTO)
                        .bind(article_id)
                        .bind(index as i64 + 1)
                        .bind(item.media_id)
                        .bind(item.caption.as_deref())
                        .bind(item.credit.as_deref())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)?;
                super::galleries::GalleryStore::gallery(self, article_id).await
            }
        }
    };
}
pub(super) use gallery_store;
