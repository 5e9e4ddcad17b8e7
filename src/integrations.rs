//! Integrations: named Content API keys that let Ghost front-ends read the site's public
//! content (`/ghost/api/content/…?key=KEY`). Admins make and revoke them (newsroom, API,
//! command line); every way goes through here, so each is checked and audited alike.
//!
//! A key is shown once, when it is made, and kept only as its SHA-256 (like API tokens).
//! Ghost's admin shows a key again whenever asked because Ghost keeps it as it is; here a
//! copied database, backup or export archive holds no working key, and a lost key costs
//! one new integration (which is also the way to give each front-end its own key, revoked
//! on its own).

use jiff::Timestamp;

use crate::auth;
use crate::domain::{FieldErrors, required_text};
use crate::newsroom::{NewsroomError, NewsroomResult};
use crate::store::{Integration, NewAuditEntry, NewIntegration, Store, StoreError, User};

/// Ghost's own limit on an integration's name.
pub const MAX_NAME: usize = 191;
/// Characters in a key: Ghost's clients refuse a key of any other shape.
pub const KEY_LEN: usize = 26;

/// Why a Content API request's key was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRefusal {
    /// No `key` was sent.
    Missing,
    /// A key was sent, but no integration has it (never made, or revoked).
    Unknown,
}

/// The integrations' rules over a store.
pub struct Integrations<'a> {
    store: &'a dyn Store,
}

impl<'a> Integrations<'a> {
    pub fn new(store: &'a dyn Store) -> Self {
        Integrations { store }
    }

    /// Makes an integration and its key; the key is in the answer and nowhere else.
    /// `by` is the admin who asked; `None` is the command line.
    pub async fn create(
        &self,
        name: &str,
        by: Option<&User>,
        now: Timestamp,
    ) -> NewsroomResult<(Integration, String)> {
        let name = required_text(name, "the name", MAX_NAME)
            .map_err(|message| NewsroomError::Invalid(FieldErrors::single("name", message)))?;
        // A clash of 104 random bits is not going to happen; if it did, another key does.
        for _ in 0..3 {
            let key = auth::new_content_api_key();
            let new = NewIntegration {
                name: name.clone(),
                key_hash: auth::token_hash(&key),
                key_hint: key[KEY_LEN - 4..].to_owned(),
                created_by: by.map(|u| u.id),
            };
            match self.store.create_integration(&new, now).await {
                Ok(integration) => {
                    self.audit(by, "create integration", &integration, now)
                        .await;
                    return Ok((integration, key));
                }
                Err(StoreError::Taken { .. }) => continue,
                Err(other) => return Err(other.into()),
            }
        }
        Err(NewsroomError::Store(StoreError::Backend(anyhow::anyhow!(
            "could not make a key that is not already in use"
        ))))
    }

    pub async fn list(&self) -> NewsroomResult<Vec<Integration>> {
        Ok(self.store.list_integrations().await?)
    }

    pub async fn get(&self, id: i64) -> NewsroomResult<Integration> {
        Ok(self.store.integration_by_id(id).await?)
    }

    /// Revokes an integration: its key stops working at once.
    pub async fn revoke(&self, id: i64, by: &User, now: Timestamp) -> NewsroomResult<Integration> {
        let integration = self.store.delete_integration(id).await?;
        self.audit(Some(by), "revoke integration", &integration, now)
            .await;
        Ok(integration)
    }

    /// The integration a Content API request's `key` belongs to.
    pub async fn check_key(&self, key: Option<&str>) -> Result<Integration, KeyCheck> {
        let key = match key.map(str::trim) {
            None | Some("") => return Err(KeyCheck::Refused(KeyRefusal::Missing)),
            Some(key) => key,
        };
        // Not a key's shape: not worth a lookup.
        if key.len() != KEY_LEN || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(KeyCheck::Refused(KeyRefusal::Unknown));
        }
        match self
            .store
            .integration_by_key_hash(&auth::token_hash(&key.to_ascii_lowercase()))
            .await
        {
            Ok(integration) => Ok(integration),
            Err(StoreError::NotFound) => Err(KeyCheck::Refused(KeyRefusal::Unknown)),
            Err(other) => Err(KeyCheck::Failed(other)),
        }
    }

    async fn audit(
        &self,
        by: Option<&User>,
        action: &str,
        integration: &Integration,
        now: Timestamp,
    ) {
        let entry = NewAuditEntry {
            user_id: by.map(|u| u.id),
            actor: by.map_or_else(|| "command line".to_owned(), |u| u.name.clone()),
            action: action.to_owned(),
            subject: format!("integration {}", integration.name),
            detail: Some(format!("key ending {}", integration.key_hint)),
        };
        if let Err(error) = self.store.record_audit(&entry, now).await {
            tracing::error!(%error, action, "could not write the audit log");
        }
    }
}

/// A key check that did not find an integration: refused, or the store failed.
#[derive(Debug)]
pub enum KeyCheck {
    Refused(KeyRefusal),
    Failed(StoreError),
}
