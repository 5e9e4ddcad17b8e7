//! Integrations: named Content API keys, kept as hashes. The statements read the same on
//! both engines, so one macro stamps the capability onto each store (`integration_store!`
//! in sqlite.rs and postgres.rs), where the pool and the engine's error mapping are.

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use super::StoreResult;
use super::rows::{StoredRow, timestamp};

/// A key that lets a Ghost front-end read the Content API. The key itself is never kept.
#[derive(Debug, Clone, Serialize)]
pub struct Integration {
    pub id: i64,
    pub name: String,
    /// The key's last four characters, so admins can tell keys apart.
    pub key_hint: String,
    pub created_by: Option<i64>,
    pub created_by_name: Option<String>,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct NewIntegration {
    pub name: String,
    pub key_hash: String,
    pub key_hint: String,
    pub created_by: Option<i64>,
}

#[async_trait]
pub trait IntegrationStore: Send + Sync {
    /// `Taken { field: "key" }` if the key's hash is already in use.
    async fn create_integration(
        &self,
        integration: &NewIntegration,
        now: Timestamp,
    ) -> StoreResult<Integration>;
    /// Oldest first.
    async fn list_integrations(&self) -> StoreResult<Vec<Integration>>;
    async fn integration_by_id(&self, id: i64) -> StoreResult<Integration>;
    /// The integration a key (by its hash) belongs to.
    async fn integration_by_key_hash(&self, key_hash: &str) -> StoreResult<Integration>;
    /// Revokes the key: the integration is gone, and answers as it was.
    async fn delete_integration(&self, id: i64) -> StoreResult<Integration>;
}

const COLUMNS: &str = "i.id, i.name, i.key_hint, i.created_by, u.name AS created_by_name, \
     i.created_at FROM integrations i LEFT JOIN users u ON u.id = i.created_by";

pub(super) const INSERT: &str = "INSERT INTO integrations (name, key_hash, key_hint, \
     created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id";

pub(super) fn select_all() -> String {
    format!("SELECT {COLUMNS} ORDER BY i.id")
}

pub(super) fn select_by(column: &str) -> String {
    format!("SELECT {COLUMNS} WHERE i.{column} = $1")
}

pub(super) const DELETE: &str = "DELETE FROM integrations WHERE id = $1";

pub(super) fn integration_from_row(row: &impl StoredRow) -> StoreResult<Integration> {
    Ok(Integration {
        id: row.int("id")?,
        name: row.text("name")?,
        key_hint: row.text("key_hint")?,
        created_by: row.int_or_none("created_by")?,
        created_by_name: row.text_or_none("created_by_name")?,
        created_at: timestamp(row.int("created_at")?),
    })
}

/// Implements `IntegrationStore` for a store with a `pool` field and a `backend` function
/// that maps the engine's errors, both in scope where the macro is used.
macro_rules! integration_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::IntegrationStore for $store {
            async fn create_integration(
                &self,
                integration: &super::NewIntegration,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::Integration> {
                let id: i64 = sqlx::query_scalar(super::integrations::INSERT)
                    .bind(&integration.name)
                    .bind(&integration.key_hash)
                    .bind(&integration.key_hint)
                    .bind(integration.created_by)
                    .bind(now.as_second())
                    .fetch_one(&self.pool)
                    .await
                    .map_err(|e| match backend(e) {
                        super::StoreError::Taken { .. } => {
                            super::StoreError::Taken { field: "key" }
                        }
                        other => other,
                    })?;
                super::IntegrationStore::integration_by_id(self, id).await
            }

            async fn list_integrations(&self) -> super::StoreResult<Vec<super::Integration>> {
                let rows = sqlx::query(&super::integrations::select_all())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter()
                    .map(super::integrations::integration_from_row)
                    .collect()
            }

            async fn integration_by_id(&self, id: i64) -> super::StoreResult<super::Integration> {
                let row = sqlx::query(&super::integrations::select_by("id"))
                    .bind(id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::integrations::integration_from_row(&row)
            }

            async fn integration_by_key_hash(
                &self,
                key_hash: &str,
            ) -> super::StoreResult<super::Integration> {
                let row = sqlx::query(&super::integrations::select_by("key_hash"))
                    .bind(key_hash)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::integrations::integration_from_row(&row)
            }

            async fn delete_integration(&self, id: i64) -> super::StoreResult<super::Integration> {
                let integration = super::IntegrationStore::integration_by_id(self, id).await?;
                let deleted = sqlx::query(super::integrations::DELETE)
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                if deleted.rows_affected() == 0 {
                    return Err(super::StoreError::NotFound);
                }
                Ok(integration)
            }
        }
    };
}
pub(super) use integration_store;
