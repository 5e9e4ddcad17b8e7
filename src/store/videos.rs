//! Uploaded videos and video stories' lead videos. The statements read the same on both
//! engines, so one macro stamps the capability onto each store (`video_store!` in sqlite.rs
//! and postgres.rs).

use async_trait::async_trait;
use jiff::Timestamp;

use super::rows::{StoredRow, timestamp};
use super::{Media, StoreResult};

/// A video file as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Video {
    pub id: i64,
    pub hash: String,
    /// `video/mp4` or `video/webm`.
    pub mime: String,
    /// Where its bytes are in the media store.
    pub storage_key: String,
    pub bytes: i64,
    pub uploaded_by: Option<i64>,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct NewVideo {
    pub hash: String,
    pub mime: String,
    pub storage_key: String,
    pub bytes: i64,
    pub uploaded_by: Option<i64>,
}

/// A story's lead video: an uploaded file or an address at a video site.
#[derive(Debug, Clone)]
pub struct LeadVideo {
    pub video: Option<Video>,
    pub embed_url: Option<String>,
    pub poster: Option<Media>,
    pub duration_seconds: Option<i64>,
}

/// A lead video to store: exactly one of `video_id` and `embed_url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadVideoInput {
    pub video_id: Option<i64>,
    pub embed_url: Option<String>,
    pub poster_media_id: Option<i64>,
    pub duration_seconds: Option<i64>,
}

#[async_trait]
pub trait VideoStore: Send + Sync {
    /// Keeps a video's record; `Taken { field: "hash" }` when the same bytes are kept.
    async fn create_video(&self, video: &NewVideo, now: Timestamp) -> StoreResult<Video>;
    async fn video_by_hash(&self, hash: &str) -> StoreResult<Video>;
    async fn video_by_id(&self, id: i64) -> StoreResult<Video>;
    async fn lead_video(&self, article_id: i64) -> StoreResult<Option<LeadVideo>>;
    /// Sets (`Some`) or removes (`None`) a story's lead video; `NotFound` when the story, the
    /// video or the poster is not there.
    async fn set_lead_video(
        &self,
        article_id: i64,
        lead: Option<&LeadVideoInput>,
    ) -> StoreResult<Option<LeadVideo>>;
}

pub(super) const VIDEO_COLUMNS: &str =
    "SELECT id, hash, mime, storage_key, bytes, uploaded_by, created_at FROM videos";
pub(super) const INSERT_VIDEO: &str = "INSERT INTO videos \
     (hash, mime, storage_key, bytes, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
     RETURNING id";
pub(super) const SELECT_LEAD: &str = "SELECT video_id, embed_url, poster_media_id, \
     duration_seconds FROM lead_videos WHERE article_id = $1";
pub(super) const DELETE_LEAD: &str = "DELETE FROM lead_videos WHERE article_id = $1";
pub(super) const INSERT_LEAD: &str = "INSERT INTO lead_videos \
     (article_id, video_id, embed_url, poster_media_id, duration_seconds) \
     VALUES ($1, $2, $3, $4, $5)";
pub(super) const COUNT_ARTICLE: &str = "SELECT COUNT(*) FROM articles WHERE id = $1";
pub(super) const COUNT_VIDEO: &str = "SELECT COUNT(*) FROM videos WHERE id = $1";
pub(super) const COUNT_MEDIA: &str = "SELECT COUNT(*) FROM media WHERE id = $1";

pub(super) fn video_from_row(row: &impl StoredRow) -> StoreResult<Video> {
    Ok(Video {
        id: row.int("id")?,
        hash: row.text("hash")?,
        mime: row.text("mime")?,
        storage_key: row.text("storage_key")?,
        bytes: row.int("bytes")?,
        uploaded_by: row.int_or_none("uploaded_by")?,
        created_at: timestamp(row.int("created_at")?),
    })
}

/// Implements `VideoStore` for a store with a `pool`, `write_tx`, a `backend` function and
/// `MediaStore::media_by_id` in scope.
macro_rules! video_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::videos::VideoStore for $store {
            async fn create_video(
                &self,
                video: &super::videos::NewVideo,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::videos::Video> {
                let inserted: Result<i64, sqlx::Error> =
                    sqlx::query_scalar(super::videos::INSERT_VIDEO)
                        .bind(&video.hash)
                        .bind(&video.mime)
                        .bind(&video.storage_key)
                        .bind(video.bytes)
                        .bind(video.uploaded_by)
                        .bind(now.as_second())
                        .fetch_one(&self.pool)
                        .await;
                match inserted {
                    Ok(id) => super::videos::VideoStore::video_by_id(self, id).await,
                    Err(sqlx::Error::Database(db)) if db.is_unique_violation() => {
                        Err(super::StoreError::Taken { field: "hash" })
                    }
                    Err(other) => Err(backend(other)),
                }
            }

            async fn video_by_hash(&self, hash: &str) -> super::StoreResult<super::videos::Video> {
                let row = sqlx::query(&format!("{} WHERE hash = $1", super::videos::VIDEO_COLUMNS))
                    .bind(hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?
                    .ok_or(super::StoreError::NotFound)?;
                super::videos::video_from_row(&row)
            }

            async fn video_by_id(&self, id: i64) -> super::StoreResult<super::videos::Video> {
                let row = sqlx::query(&format!("{} WHERE id = $1", super::videos::VIDEO_COLUMNS))
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?
                    .ok_or(super::StoreError::NotFound)?;
                super::videos::video_from_row(&row)
            }

            async fn lead_video(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Option<super::videos::LeadVideo>> {
                let row: Option<(Option<i64>, Option<String>, Option<i64>, Option<i64>)> =
                    sqlx::query_as(super::videos::SELECT_LEAD)
                        .bind(article_id)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(backend)?;
                let Some((video_id, embed_url, poster_id, duration_seconds)) = row else {
                    return Ok(None);
                };
                let video = match video_id {
                    Some(id) => Some(super::videos::VideoStore::video_by_id(self, id).await?),
                    None => None,
                };
                let poster = match poster_id {
                    Some(id) => match super::MediaStore::media_by_id(self, id).await {
                        Ok(media) => Some(media),
                        Err(super::StoreError::NotFound) => None,
                        Err(other) => return Err(other),
                    },
                    None => None,
                };
                Ok(Some(super::videos::LeadVideo {
                    video,
                    embed_url,
                    poster,
                    duration_seconds,
                }))
            }

            async fn set_lead_video(
                &self,
                article_id: i64,
                lead: Option<&super::videos::LeadVideoInput>,
            ) -> super::StoreResult<Option<super::videos::LeadVideo>> {
                let mut tx = self.write_tx().await?;
                let mut checks = vec![(super::videos::COUNT_ARTICLE, Some(article_id))];
                if let Some(lead) = lead {
                    checks.push((super::videos::COUNT_VIDEO, lead.video_id));
                    checks.push((super::videos::COUNT_MEDIA, lead.poster_media_id));
                }
                for (statement, id) in checks {
                    let Some(id) = id else { continue };
                    let found: i64 = sqlx::query_scalar(statement)
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(backend)?;
                    if found == 0 {
                        return Err(super::StoreError::NotFound);
                    }
                }
                sqlx::query(super::videos::DELETE_LEAD)
                    .bind(article_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                if let Some(lead) = lead {
                    sqlx::query(super::videos::INSERT_LEAD)
                        .bind(article_id)
                        .bind(lead.video_id)
                        .bind(lead.embed_url.as_deref())
                        .bind(lead.poster_media_id)
                        .bind(lead.duration_seconds)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)?;
                super::videos::VideoStore::lead_video(self, article_id).await
            }
        }
    };
}
pub(super) use video_store;
