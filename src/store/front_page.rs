//! The front page's records: the stories editors placed in the home page's slots, the
//! breaking-news banner, story labels and sections' place on the home page. The statements
//! read the same on both engines, so one macro stamps the capability onto each store
//! (`front_page_store!` in sqlite.rs and postgres.rs).

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use super::rows::{StoredRow, timestamp};
use super::{Article, BlockStyle, Section, StoreResult};

/// A slot on the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Slot {
    /// The one story at the top, with a large photo.
    Lead,
    /// The stories right under the lead (positions 1-4).
    Top,
}

impl Slot {
    pub fn as_str(self) -> &'static str {
        match self {
            Slot::Lead => "lead",
            Slot::Top => "top",
        }
    }

    pub fn parse(text: &str) -> Result<Slot, String> {
        match text {
            "lead" => Ok(Slot::Lead),
            "top" => Ok(Slot::Top),
            other => Err(format!("\"{other}\" is not a slot; use lead or top")),
        }
    }
}

/// A story an editor put in a slot, until an optional time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placement {
    pub slot: Slot,
    /// 1 for the lead; 1-4 for top stories.
    pub position: i64,
    pub article_id: i64,
    pub until: Option<Timestamp>,
}

impl Placement {
    pub fn is_active(&self, now: Timestamp) -> bool {
        self.until.is_none_or(|until| until > now)
    }
}

/// The breaking-news banner as stored; shown while `until` is ahead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakingNews {
    pub article_id: i64,
    pub until: Timestamp,
    pub set_by: Option<i64>,
    pub set_at: Timestamp,
}

/// Where a section sits in the menu and on the home page.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionLayout {
    pub position: i64,
    pub parent_id: Option<i64>,
    pub on_home: bool,
    pub block_style: BlockStyle,
    pub colour: Option<String>,
}

#[async_trait]
pub trait FrontPageStore: Send + Sync {
    /// Every stored placement, expired or not: the lead first, then top stories by position.
    async fn placements(&self) -> StoreResult<Vec<Placement>>;
    /// Replaces the whole placement in one transaction.
    async fn replace_placements(
        &self,
        placements: &[Placement],
        placed_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// The stored banner, whether or not its time has passed.
    async fn breaking_news(&self) -> StoreResult<Option<BreakingNews>>;
    /// Puts a story in the banner, replacing any other.
    async fn set_breaking_news(
        &self,
        article_id: i64,
        until: Timestamp,
        set_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Takes the banner down; answers whether there was one.
    async fn clear_breaking_news(&self) -> StoreResult<bool>;
    /// `NotFound` when there is no such article.
    async fn set_article_label(&self, article_id: i64, label: Option<&str>) -> StoreResult<()>;
    async fn set_section_layout(
        &self,
        section_id: i64,
        layout: &SectionLayout,
    ) -> StoreResult<Section>;
    /// The public articles among `ids`, in no particular order; the others are left out.
    async fn public_articles_by_ids(
        &self,
        ids: &[i64],
        now: Timestamp,
    ) -> StoreResult<Vec<Article>>;
    /// Whether a placement or the banner ran out after `from` and at or before `to`, so
    /// the pages showing it are stale.
    async fn front_expired_between(&self, from: Timestamp, to: Timestamp) -> StoreResult<bool>;
}

pub(super) const SELECT_PLACEMENTS: &str = "SELECT slot, position, article_id, until \
     FROM front_slots ORDER BY CASE slot WHEN 'lead' THEN 0 ELSE 1 END, position";
pub(super) const DELETE_PLACEMENTS: &str = "DELETE FROM front_slots";
pub(super) const INSERT_PLACEMENT: &str = "INSERT INTO front_slots \
     (slot, position, article_id, until, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5, $6)";
pub(super) const SELECT_BREAKING: &str =
    "SELECT article_id, until, set_by, set_at FROM breaking_news ORDER BY id DESC LIMIT 1";
pub(super) const DELETE_BREAKING: &str = "DELETE FROM breaking_news";
pub(super) const INSERT_BREAKING: &str =
    "INSERT INTO breaking_news (article_id, until, set_by, set_at) VALUES ($1, $2, $3, $4)";
pub(super) const SET_LABEL: &str = "UPDATE articles SET label = $1 WHERE id = $2";
pub(super) const SET_LAYOUT: &str = "UPDATE sections SET position = $1, parent_id = $2, \
     on_home = $3, block_style = $4, colour = $5 WHERE id = $6";
pub(super) const EXPIRED_BETWEEN: &str = "SELECT \
     (SELECT COUNT(*) FROM front_slots WHERE until > $1 AND until <= $2) + \
     (SELECT COUNT(*) FROM breaking_news WHERE until > $1 AND until <= $2)";

pub(super) fn placement_from_row(row: &impl StoredRow) -> StoreResult<Placement> {
    Ok(Placement {
        slot: Slot::parse(&row.text("slot")?)
            .map_err(|e| super::StoreError::Backend(anyhow::anyhow!("stored slot: {e}")))?,
        position: row.int("position")?,
        article_id: row.int("article_id")?,
        until: row.int_or_none("until")?.map(timestamp),
    })
}

pub(super) fn breaking_from_row(row: &impl StoredRow) -> StoreResult<BreakingNews> {
    Ok(BreakingNews {
        article_id: row.int("article_id")?,
        until: timestamp(row.int("until")?),
        set_by: row.int_or_none("set_by")?,
        set_at: timestamp(row.int("set_at")?),
    })
}

/// Implements `FrontPageStore` for a store with a `pool`, `write_tx`, `fetch_articles`, a
/// `push_ids` function and a `backend` function in scope, on engine `$db`.
macro_rules! front_page_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl super::FrontPageStore for $store {
            async fn placements(&self) -> super::StoreResult<Vec<super::Placement>> {
                let rows = sqlx::query(super::front_page::SELECT_PLACEMENTS)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter()
                    .map(super::front_page::placement_from_row)
                    .collect()
            }

            async fn replace_placements(
                &self,
                placements: &[super::Placement],
                placed_by: Option<i64>,
                now: jiff::Timestamp,
            ) -> super::StoreResult<()> {
                let mut tx = self.write_tx().await?;
                sqlx::query(super::front_page::DELETE_PLACEMENTS)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                for placement in placements {
                    sqlx::query(super::front_page::INSERT_PLACEMENT)
                        .bind(placement.slot.as_str())
                        .bind(placement.position)
                        .bind(placement.article_id)
                        .bind(placement.until.map(|t| t.as_second()))
                        .bind(placed_by)
                        .bind(now.as_second())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)
            }

            async fn breaking_news(&self) -> super::StoreResult<Option<super::BreakingNews>> {
                let row = sqlx::query(super::front_page::SELECT_BREAKING)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?;
                row.as_ref()
                    .map(super::front_page::breaking_from_row)
                    .transpose()
            }

            async fn set_breaking_news(
                &self,
                article_id: i64,
                until: jiff::Timestamp,
                set_by: Option<i64>,
                now: jiff::Timestamp,
            ) -> super::StoreResult<()> {
                let mut tx = self.write_tx().await?;
                sqlx::query(super::front_page::DELETE_BREAKING)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                sqlx::query(super::front_page::INSERT_BREAKING)
                    .bind(article_id)
                    .bind(until.as_second())
                    .bind(set_by)
                    .bind(now.as_second())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                tx.commit().await.map_err(backend)
            }

            async fn clear_breaking_news(&self) -> super::StoreResult<bool> {
                let done = sqlx::query(super::front_page::DELETE_BREAKING)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(done.rows_affected() > 0)
            }

            async fn set_article_label(
                &self,
                article_id: i64,
                label: Option<&str>,
            ) -> super::StoreResult<()> {
                let done = sqlx::query(super::front_page::SET_LABEL)
                    .bind(label)
                    .bind(article_id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                if done.rows_affected() == 0 {
                    return Err(super::StoreError::NotFound);
                }
                Ok(())
            }

            async fn set_section_layout(
                &self,
                section_id: i64,
                layout: &super::SectionLayout,
            ) -> super::StoreResult<super::Section> {
                let done = sqlx::query(super::front_page::SET_LAYOUT)
                    .bind(layout.position)
                    .bind(layout.parent_id)
                    .bind(layout.on_home)
                    .bind(layout.block_style.as_str())
                    .bind(layout.colour.as_deref())
                    .bind(section_id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                if done.rows_affected() == 0 {
                    return Err(super::StoreError::NotFound);
                }
                super::SectionStore::section_by_id(self, section_id).await
            }

            async fn public_articles_by_ids(
                &self,
                ids: &[i64],
                now: jiff::Timestamp,
            ) -> super::StoreResult<Vec<super::Article>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let mut query = sqlx::QueryBuilder::<$db>::new("SELECT ");
                query
                    .push(ARTICLE_COLUMNS)
                    .push(" WHERE a.status = 'published' AND a.published_at <= ")
                    .push_bind(now.as_second())
                    .push(" AND a.id IN (");
                push_ids(&mut query, ids);
                query.push(")");
                self.fetch_articles(query).await
            }

            async fn front_expired_between(
                &self,
                from: jiff::Timestamp,
                to: jiff::Timestamp,
            ) -> super::StoreResult<bool> {
                let n: i64 = sqlx::query_scalar(super::front_page::EXPIRED_BETWEEN)
                    .bind(from.as_second())
                    .bind(to.as_second())
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(n > 0)
            }
        }
    };
}
pub(super) use front_page_store;
