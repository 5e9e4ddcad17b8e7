//! Embed previews: the title and kept thumbnail of each embedded post, by its address.

use std::collections::HashMap;

use async_trait::async_trait;
use jiff::Timestamp;

use super::StoreResult;

/// What is kept about one embed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedPreview {
    pub title: Option<String>,
    /// A `/media/` address on this site.
    pub thumbnail_url: Option<String>,
}

#[async_trait]
pub trait EmbedStore: Send + Sync {
    /// The previews kept for these addresses (those never fetched are absent).
    async fn embed_previews(
        &self,
        page_urls: &[String],
    ) -> StoreResult<HashMap<String, EmbedPreview>>;
    async fn save_embed_preview(
        &self,
        page_url: &str,
        preview: &EmbedPreview,
        now: Timestamp,
    ) -> StoreResult<()>;
}

pub(super) const SELECT_ONE: &str =
    "SELECT page_url, title, thumbnail_url FROM embed_previews WHERE page_url = $1";

pub(super) const UPSERT: &str = "INSERT INTO embed_previews (page_url, title, thumbnail_url, \
     fetched_at) VALUES ($1, $2, $3, $4) ON CONFLICT (page_url) DO UPDATE SET \
     title = excluded.title, thumbnail_url = excluded.thumbnail_url, \
     fetched_at = excluded.fetched_at";

/// Implements `EmbedStore` for a store with a `pool` field and a `backend` function.
macro_rules! embed_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::EmbedStore for $store {
            async fn embed_previews(
                &self,
                page_urls: &[String],
            ) -> super::StoreResult<std::collections::HashMap<String, super::EmbedPreview>> {
                let mut found = std::collections::HashMap::new();
                // A body holds few embeds: one small lookup each.
                for url in page_urls.iter().take(50) {
                    let row: Option<(String, Option<String>, Option<String>)> =
                        sqlx::query_as(super::embeds::SELECT_ONE)
                            .bind(url)
                            .fetch_optional(&self.pool)
                            .await
                            .map_err(backend)?;
                    if let Some((url, title, thumbnail_url)) = row {
                        found.insert(
                            url,
                            super::EmbedPreview {
                                title,
                                thumbnail_url,
                            },
                        );
                    }
                }
                Ok(found)
            }

            async fn save_embed_preview(
                &self,
                page_url: &str,
                preview: &super::EmbedPreview,
                now: jiff::Timestamp,
            ) -> super::StoreResult<()> {
                sqlx::query(super::embeds::UPSERT)
                    .bind(page_url)
                    .bind(&preview.title)
                    .bind(&preview.thumbnail_url)
                    .bind(now.as_second())
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }
        }
    };
}
pub(super) use embed_store;
