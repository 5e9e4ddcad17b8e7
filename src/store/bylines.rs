//! Which author profile each member of the newsroom writes under. The statements read the
//! same on both engines, so one macro stamps the capability onto each store.

use async_trait::async_trait;

use super::StoreResult;

#[async_trait]
pub trait BylineStore: Send + Sync {
    /// The author profile a member writes under, if linked.
    async fn byline_of(&self, user_id: i64) -> StoreResult<Option<i64>>;
    /// The member an author profile belongs to, if any.
    async fn person_of(&self, author_id: i64) -> StoreResult<Option<i64>>;
    /// Links a member to a profile, replacing either side's earlier link.
    async fn link_byline(&self, user_id: i64, author_id: i64) -> StoreResult<()>;
    /// Unlinks a profile from whoever it belonged to.
    async fn unlink_author(&self, author_id: i64) -> StoreResult<()>;
}

pub(super) const BYLINE_OF: &str = "SELECT author_id FROM person_bylines WHERE user_id = $1";
pub(super) const PERSON_OF: &str = "SELECT user_id FROM person_bylines WHERE author_id = $1";
pub(super) const UNLINK_PERSON: &str = "DELETE FROM person_bylines WHERE user_id = $1";
pub(super) const UNLINK_AUTHOR: &str = "DELETE FROM person_bylines WHERE author_id = $1";
pub(super) const LINK: &str = "INSERT INTO person_bylines (user_id, author_id) VALUES ($1, $2)";

/// Implements `BylineStore` for a store with a `pool` field and a `backend` function.
macro_rules! byline_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::BylineStore for $store {
            async fn byline_of(&self, user_id: i64) -> super::StoreResult<Option<i64>> {
                sqlx::query_scalar(super::bylines::BYLINE_OF)
                    .bind(user_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)
            }

            async fn person_of(&self, author_id: i64) -> super::StoreResult<Option<i64>> {
                sqlx::query_scalar(super::bylines::PERSON_OF)
                    .bind(author_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)
            }

            async fn link_byline(&self, user_id: i64, author_id: i64) -> super::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(backend)?;
                for (statement, id) in [
                    (super::bylines::UNLINK_PERSON, user_id),
                    (super::bylines::UNLINK_AUTHOR, author_id),
                ] {
                    sqlx::query(statement)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                sqlx::query(super::bylines::LINK)
                    .bind(user_id)
                    .bind(author_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                tx.commit().await.map_err(backend)
            }

            async fn unlink_author(&self, author_id: i64) -> super::StoreResult<()> {
                sqlx::query(super::bylines::UNLINK_AUTHOR)
                    .bind(author_id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }
        }
    };
}
pub(super) use byline_store;
