//! Stories that are translations of one another, across editions: they share a group,
//! the id of the first story linked. The statements read the same on both engines
//! (`translation_store!` in sqlite.rs and postgres.rs).

use async_trait::async_trait;
use jiff::Timestamp;

use super::StoreResult;
use super::rows::{self, StoredRow};
use crate::domain::{ArticleStatus, Language, Slug};

/// A story in a translation group, as the language switcher and `hreflang` need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub article_id: i64,
    pub slug: Slug,
    pub title: String,
    /// Its edition (`None`: the site's own language).
    pub language: Option<Language>,
    pub status: ArticleStatus,
    pub published_at: Option<Timestamp>,
}

impl Translation {
    /// Whether readers may see it now.
    pub fn is_public(&self, now: Timestamp) -> bool {
        self.status == ArticleStatus::Published && self.published_at.is_some_and(|at| at <= now)
    }
}

#[async_trait]
pub trait TranslationStore: Send + Sync {
    /// Puts `article_id` in `other_id`'s group (starting one if it has none), out of any
    /// group it was in.
    async fn link_translation(&self, article_id: i64, other_id: i64) -> StoreResult<()>;
    /// Takes the story out of its group.
    async fn unlink_translation(&self, article_id: i64) -> StoreResult<()>;
    /// Every story in the groups named, whatever its status, oldest first.
    async fn translations(&self, groups: &[i64]) -> StoreResult<Vec<(i64, Translation)>>;
}

pub(super) const LINK: &str = "UPDATE articles SET translation_group = \
     (SELECT COALESCE(o.translation_group, o.id) FROM articles o WHERE o.id = $2) \
     WHERE id IN ($1, $2)";

pub(super) const UNLINK: &str = "UPDATE articles SET translation_group = NULL WHERE id = $1";

pub(super) const IN_GROUPS: &str = "SELECT a.translation_group, a.id, a.slug, a.title, \
     a.status, a.published_at, s.language FROM articles a JOIN sections s ON s.id = a.section_id \
     WHERE a.translation_group IN ";

pub(super) fn translation_from_row(row: &impl StoredRow) -> StoreResult<(i64, Translation)> {
    Ok((
        row.int("translation_group")?,
        Translation {
            article_id: row.int("id")?,
            slug: rows::slug(row, "slug")?,
            title: row.text("title")?,
            language: rows::language(row, "language")?,
            status: ArticleStatus::parse(&row.text("status")?)
                .map_err(|e| super::StoreError::Backend(anyhow::anyhow!("stored status: {e}")))?,
            published_at: row.int_or_none("published_at")?.map(rows::timestamp),
        },
    ))
}

/// Implements `TranslationStore` for a store with a `pool`, `write_tx` and a `backend`
/// function in scope.
macro_rules! translation_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl super::translations::TranslationStore for $store {
            async fn link_translation(
                &self,
                article_id: i64,
                other_id: i64,
            ) -> super::StoreResult<()> {
                sqlx::query(super::translations::LINK)
                    .bind(article_id)
                    .bind(other_id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }

            async fn unlink_translation(&self, article_id: i64) -> super::StoreResult<()> {
                sqlx::query(super::translations::UNLINK)
                    .bind(article_id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }

            async fn translations(
                &self,
                groups: &[i64],
            ) -> super::StoreResult<Vec<(i64, super::translations::Translation)>> {
                if groups.is_empty() {
                    return Ok(Vec::new());
                }
                let mut query = sqlx::QueryBuilder::<$db>::new(super::translations::IN_GROUPS);
                query.push("(");
                let mut separated = query.separated(", ");
                for group in groups {
                    separated.push_bind(*group);
                }
                query.push(") ORDER BY a.id");
                let rows = query.build().fetch_all(&self.pool).await.map_err(backend)?;
                rows.iter()
                    .map(super::translations::translation_from_row)
                    .collect()
            }
        }
    };
}
pub(super) use translation_store;
