//! Imports from other platforms: the map from each source record to the Newsdesk record it
//! became, the old platform's addresses, and the reaction totals and read counts a story
//! arrived with. The statements read the same on both engines, so one macro stamps the
//! capability onto each store (`import_store!` in sqlite.rs and postgres.rs).

use std::collections::HashMap;

use async_trait::async_trait;
use jiff::Timestamp;

use super::{ReactionCounts, StoreResult};
use crate::domain::Slug;

/// One source record and what it became.
#[derive(Debug, Clone)]
pub struct ImportMapping {
    /// What the record is in the source: `post`, `category`, `user`, `comment`...
    pub kind: String,
    pub source_id: String,
    pub target_id: i64,
    /// A digest of the source row, so a second run can tell what changed.
    pub fingerprint: String,
    /// What has no place in Newsdesk yet (front-page flags, colours), as JSON.
    pub extra: Option<String>,
}

/// What a source record became, as the import map remembers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapped {
    pub target_id: i64,
    pub fingerprint: String,
    /// False when the record it became was deleted here since.
    pub present: bool,
}

/// The table the records of a kind became rows of, to tell whether they still exist.
fn target_table(kind: &str) -> Option<&'static str> {
    match kind {
        "post" | "reaction" => Some("articles"),
        "category" => Some("sections"),
        "user" => Some("users"),
        "author" => Some("authors"),
        "comment" => Some("comments"),
        "page" => Some("pages"),
        _ => None,
    }
}

pub(super) fn select_mappings(kind: &str) -> String {
    match target_table(kind) {
        Some(table) => format!(
            "SELECT m.source_id, m.target_id, m.fingerprint, t.id AS present FROM import_map m \
             LEFT JOIN {table} t ON t.id = m.target_id WHERE m.source = $1 AND m.kind = $2"
        ),
        None => "SELECT source_id, target_id, fingerprint, target_id AS present FROM import_map \
                 WHERE source = $1 AND kind = $2"
            .to_owned(),
    }
}

/// What an old address now leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OldTarget {
    Article(i64),
    Section(i64),
    Tag(i64),
    Author(i64),
    Page(i64),
    /// A fixed path of this site, like `/feed.xml`.
    Path(String),
}

impl OldTarget {
    fn parts(&self) -> (&'static str, Option<i64>, Option<&str>) {
        match self {
            OldTarget::Article(id) => ("article", Some(*id), None),
            OldTarget::Section(id) => ("section", Some(*id), None),
            OldTarget::Tag(id) => ("tag", Some(*id), None),
            OldTarget::Author(id) => ("author", Some(*id), None),
            OldTarget::Page(id) => ("page", Some(*id), None),
            OldTarget::Path(path) => ("path", None, Some(path.as_str())),
        }
    }
}

/// An address of the old site (a path, without host or query) and where it leads now.
#[derive(Debug, Clone)]
pub struct OldAddress {
    pub path: String,
    pub target: OldTarget,
}

/// Where an old address leads, by the target's current slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    Article(Slug),
    Section(Slug),
    Tag(Slug),
    Author(Slug),
    Page(Slug),
    Path(String),
}

/// A comment brought from another platform, with the time it was written there.
#[derive(Debug, Clone)]
pub struct ImportedComment {
    /// `parent_id` is ignored: the parent is `parent`.
    pub comment: super::NewComment,
    pub parent: Option<ParentRef>,
    pub created_at: Timestamp,
}

/// Where a reply attaches: a comment already kept, or one earlier in the same batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentRef {
    Id(i64),
    InBatch(usize),
}

#[async_trait]
pub trait ImportStore: Send + Sync {
    /// Saves new articles (each with the time it was written on the old site) in one
    /// transaction, answering their ids in order. A slug already taken here fails the whole
    /// batch with `Taken`, so the caller can save it one by one.
    async fn import_articles(
        &self,
        articles: &[(super::ArticleInput, Timestamp)],
    ) -> StoreResult<Vec<i64>>;
    /// Saves a batch of comments in one transaction, answering their ids in order. A reply
    /// whose parent is on another article arrives as a comment on its own article.
    async fn import_comments(&self, comments: &[ImportedComment]) -> StoreResult<Vec<i64>>;
    /// Every record of one kind a source brought before: source id -> what it became.
    async fn import_mappings(
        &self,
        source: &str,
        kind: &str,
    ) -> StoreResult<HashMap<String, Mapped>>;
    /// Records (or updates) what source records became, in one transaction.
    async fn save_import_mappings(
        &self,
        source: &str,
        mappings: &[ImportMapping],
        now: Timestamp,
    ) -> StoreResult<()>;
    /// Adds old addresses (replacing any with the same path), in one transaction.
    async fn save_old_addresses(&self, addresses: &[OldAddress]) -> StoreResult<()>;
    /// Where an old address of an imported site leads now, if it is one and its target
    /// still exists.
    async fn old_address(&self, path: &str) -> StoreResult<Option<Moved>>;
    /// Sets the reaction totals an article arrived with: its kept totals change by the
    /// difference from the totals an earlier import set, so readers' reactions stay counted.
    /// A batch of articles' starting totals is set in one transaction.
    async fn set_reaction_baselines(&self, baselines: &[(i64, ReactionCounts)]) -> StoreResult<()>;
    /// Sets an imported poll's totals, in its options' order: the old site kept totals only.
    async fn set_poll_totals(&self, poll: crate::domain::PollId, totals: &[i64])
    -> StoreResult<()>;
    /// Sets the reads articles had before they arrived, counted in their lifetime totals,
    /// in one transaction.
    async fn set_read_baselines(&self, reads: &[(i64, i64)]) -> StoreResult<()>;
}

pub(super) const SELECT_PARENT: &str = "SELECT article_id, depth FROM comments WHERE id = $1";
pub(super) const INSERT_COMMENT: &str = "INSERT INTO comments (article_id, parent_id, depth, \
     author_name, author_email, body, status, reason, reader_id, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id";

pub(super) const UPSERT_MAPPING: &str = "INSERT INTO import_map (source, kind, source_id, \
     target_id, fingerprint, extra, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
     ON CONFLICT (source, kind, source_id) DO UPDATE SET target_id = excluded.target_id, \
     fingerprint = excluded.fingerprint, extra = excluded.extra, imported_at = excluded.imported_at";

pub(super) const UPSERT_ADDRESS: &str = "INSERT INTO old_addresses (path, kind, target_id, target) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, \
     target_id = excluded.target_id, target = excluded.target";

pub(super) const SELECT_ADDRESS: &str = "SELECT o.kind, \
     COALESCE(a.slug, s.slug, t.slug, au.slug, p.slug, o.target) AS target FROM old_addresses o \
     LEFT JOIN articles a ON o.kind = 'article' AND a.id = o.target_id \
     LEFT JOIN sections s ON o.kind = 'section' AND s.id = o.target_id \
     LEFT JOIN tags t ON o.kind = 'tag' AND t.id = o.target_id \
     LEFT JOIN authors au ON o.kind = 'author' AND au.id = o.target_id \
     LEFT JOIN pages p ON o.kind = 'page' AND p.id = o.target_id \
     WHERE o.path = $1";

pub(super) const SET_POLL_TOTAL: &str =
    "UPDATE poll_options SET votes = $1 WHERE poll_id = $2 AND position = $3";

pub(super) const SELECT_BASELINE: &str =
    "SELECT kind, count FROM reaction_baselines WHERE article_id = $1";
pub(super) const SELECT_COUNT: &str =
    "SELECT count FROM reaction_counts WHERE article_id = $1 AND kind = $2";
pub(super) const UPSERT_COUNT: &str = "INSERT INTO reaction_counts (article_id, kind, count) \
     VALUES ($1, $2, $3) ON CONFLICT (article_id, kind) DO UPDATE SET count = excluded.count";
pub(super) const UPSERT_BASELINE: &str = "INSERT INTO reaction_baselines (article_id, kind, count) \
     VALUES ($1, $2, $3) ON CONFLICT (article_id, kind) DO UPDATE SET count = excluded.count";
pub(super) const UPSERT_READS: &str = "INSERT INTO article_views (article_id, hour, views) \
     VALUES ($1, 0, $2) ON CONFLICT (article_id, hour) DO UPDATE SET views = excluded.views";

pub(super) const ADD_TO_TOTAL: &str = "INSERT INTO article_view_totals (article_id, views) \
     VALUES ($1, $2) ON CONFLICT (article_id) DO UPDATE SET views = article_view_totals.views + excluded.views";
/// The old site's reads count at hour 0 (1970), where they sit in the site's hours too.
pub(super) const ADD_TO_SITE_HOUR_ZERO: &str = "INSERT INTO site_views (hour, views) \
     SELECT 0, $2 WHERE $1 = $1 ON CONFLICT (hour) DO UPDATE SET views = site_views.views + excluded.views";

/// After an archive is restored: the reaction totals the triggers rebuilt from readers'
/// reactions get back the starting totals an import gave (`reaction_baselines`).
pub(super) const ADD_BASELINES_TO_COUNTS: &str = "INSERT INTO reaction_counts (article_id, kind, count) \
     SELECT article_id, kind, count FROM reaction_baselines WHERE true \
     ON CONFLICT (article_id, kind) DO UPDATE SET count = reaction_counts.count + excluded.count";

/// The pieces of an old address's row, for the macro's statements.
pub(super) fn address_parts(address: &OldAddress) -> (&'static str, Option<i64>, Option<&str>) {
    address.target.parts()
}

/// Where a stored address leads, from its kind and its target's current slug or path.
pub(super) fn moved(kind: &str, target: Option<String>) -> Option<Moved> {
    let target = target?;
    let slug = || Slug::parse(&target).ok();
    match kind {
        "article" => slug().map(Moved::Article),
        "section" => slug().map(Moved::Section),
        "tag" => slug().map(Moved::Tag),
        "author" => slug().map(Moved::Author),
        "page" => slug().map(Moved::Page),
        "path" => Some(Moved::Path(target)),
        _ => None,
    }
}

/// The new totals of each kind when the starting totals change from `old` to `new`.
pub(super) fn rebased(current: i64, old: i64, new: i64) -> i64 {
    (current - old + new).max(0)
}

/// Implements `ImportStore` for a store with a `pool` field, a `write_tx`, and `backend` (maps
/// the engine's errors) and `insert_article` functions in scope where the macro is used.
macro_rules! import_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::ImportStore for $store {
            async fn import_articles(
                &self,
                articles: &[(super::ArticleInput, jiff::Timestamp)],
            ) -> super::StoreResult<Vec<i64>> {
                let mut tx = self.write_tx().await?;
                let mut ids = Vec::with_capacity(articles.len());
                for (input, created_at) in articles {
                    ids.push(insert_article(&mut tx, input, None, *created_at).await?);
                }
                tx.commit().await.map_err(backend)?;
                Ok(ids)
            }

            async fn import_comments(
                &self,
                comments: &[super::imports::ImportedComment],
            ) -> super::StoreResult<Vec<i64>> {
                let mut tx = self.pool.begin().await.map_err(backend)?;
                let mut ids: Vec<i64> = Vec::with_capacity(comments.len());
                for imported in comments {
                    let comment = &imported.comment;
                    let parent = match imported.parent {
                        Some(super::imports::ParentRef::Id(id)) => Some(id),
                        Some(super::imports::ParentRef::InBatch(at)) => ids.get(at).copied(),
                        None => None,
                    };
                    let mut attach: Option<(i64, i64)> = None;
                    if let Some(parent) = parent {
                        let found: Option<(i64, i64)> =
                            sqlx::query_as(super::imports::SELECT_PARENT)
                                .bind(parent)
                                .fetch_optional(&mut *tx)
                                .await
                                .map_err(backend)?;
                        if let Some((article, depth)) = found
                            && article == comment.article_id
                        {
                            attach = Some((parent, depth + 1));
                        }
                    }
                    let id: i64 = sqlx::query_scalar(super::imports::INSERT_COMMENT)
                        .bind(comment.article_id)
                        .bind(attach.map(|(parent, _)| parent))
                        .bind(attach.map_or(0, |(_, depth)| depth))
                        .bind(&comment.author_name)
                        .bind(comment.author_email.as_ref().map(|e| e.as_str()))
                        .bind(&comment.body)
                        .bind(comment.status.as_str())
                        .bind(&comment.reason)
                        .bind(&comment.reader_id)
                        .bind(imported.created_at.as_second())
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(backend)?;
                    ids.push(id);
                }
                tx.commit().await.map_err(backend)?;
                Ok(ids)
            }

            async fn import_mappings(
                &self,
                source: &str,
                kind: &str,
            ) -> super::StoreResult<std::collections::HashMap<String, super::imports::Mapped>> {
                let rows: Vec<(String, i64, String, Option<i64>)> =
                    sqlx::query_as(&super::imports::select_mappings(kind))
                        .bind(source)
                        .bind(kind)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(backend)?;
                Ok(rows
                    .into_iter()
                    .map(|(source_id, target_id, fingerprint, present)| {
                        let mapped = super::imports::Mapped {
                            target_id,
                            fingerprint,
                            present: present.is_some(),
                        };
                        (source_id, mapped)
                    })
                    .collect())
            }

            async fn save_import_mappings(
                &self,
                source: &str,
                mappings: &[super::ImportMapping],
                now: jiff::Timestamp,
            ) -> super::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(backend)?;
                for mapping in mappings {
                    sqlx::query(super::imports::UPSERT_MAPPING)
                        .bind(source)
                        .bind(&mapping.kind)
                        .bind(&mapping.source_id)
                        .bind(mapping.target_id)
                        .bind(&mapping.fingerprint)
                        .bind(&mapping.extra)
                        .bind(now.as_second())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)
            }

            async fn save_old_addresses(
                &self,
                addresses: &[super::OldAddress],
            ) -> super::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(backend)?;
                for address in addresses {
                    let (kind, target_id, target) = super::imports::address_parts(address);
                    sqlx::query(super::imports::UPSERT_ADDRESS)
                        .bind(&address.path)
                        .bind(kind)
                        .bind(target_id)
                        .bind(target)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)
            }

            async fn old_address(&self, path: &str) -> super::StoreResult<Option<super::Moved>> {
                let row: Option<(String, Option<String>)> =
                    sqlx::query_as(super::imports::SELECT_ADDRESS)
                        .bind(path)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(backend)?;
                Ok(row.and_then(|(kind, target)| super::imports::moved(&kind, target)))
            }

            async fn set_reaction_baselines(
                &self,
                baselines: &[(i64, super::ReactionCounts)],
            ) -> super::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(backend)?;
                for (article_id, counts) in baselines {
                    let article_id = *article_id;
                    let old: std::collections::HashMap<String, i64> =
                        sqlx::query_as::<_, (String, i64)>(super::imports::SELECT_BASELINE)
                            .bind(article_id)
                            .fetch_all(&mut *tx)
                            .await
                            .map_err(backend)?
                            .into_iter()
                            .collect();
                    let mut kinds: Vec<&String> = old.keys().chain(counts.keys()).collect();
                    kinds.sort();
                    kinds.dedup();
                    for kind in kinds {
                        let before = old.get(kind).copied().unwrap_or(0);
                        let after = counts.get(kind).copied().unwrap_or(0).max(0);
                        if before == after {
                            continue;
                        }
                        let current: Option<i64> = sqlx::query_scalar(super::imports::SELECT_COUNT)
                            .bind(article_id)
                            .bind(kind)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(backend)?;
                        let total = super::imports::rebased(current.unwrap_or(0), before, after);
                        sqlx::query(super::imports::UPSERT_COUNT)
                            .bind(article_id)
                            .bind(kind)
                            .bind(total)
                            .execute(&mut *tx)
                            .await
                            .map_err(backend)?;
                        sqlx::query(super::imports::UPSERT_BASELINE)
                            .bind(article_id)
                            .bind(kind)
                            .bind(after)
                            .execute(&mut *tx)
                            .await
                            .map_err(backend)?;
                    }
                }
                tx.commit().await.map_err(backend)
            }

            async fn set_poll_totals(
                &self,
                poll: crate::domain::PollId,
                totals: &[i64],
            ) -> super::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(backend)?;
                for (at, votes) in totals.iter().enumerate() {
                    sqlx::query(super::imports::SET_POLL_TOTAL)
                        .bind((*votes).max(0))
                        .bind(poll.0)
                        .bind(at as i64 + 1)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)
            }

            async fn set_read_baselines(&self, reads: &[(i64, i64)]) -> super::StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(backend)?;
                for (article_id, count) in reads {
                    let before: Option<i64> = sqlx::query_scalar(
                        "SELECT views FROM article_views WHERE article_id = $1 AND hour = 0",
                    )
                    .bind(article_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend)?;
                    let count = (*count).max(0);
                    sqlx::query(super::imports::UPSERT_READS)
                        .bind(article_id)
                        .bind(count)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                    // The story's lifetime total and the site's hour follow the starting count.
                    let change = count - before.unwrap_or(0);
                    if change != 0 {
                        for statement in [
                            super::imports::ADD_TO_TOTAL,
                            super::imports::ADD_TO_SITE_HOUR_ZERO,
                        ] {
                            sqlx::query(statement)
                                .bind(article_id)
                                .bind(change)
                                .execute(&mut *tx)
                                .await
                                .map_err(backend)?;
                        }
                    }
                }
                tx.commit().await.map_err(backend)
            }
        }
    };
}
pub(super) use import_store;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_starting_total_keeps_the_reactions_given_since() {
        // Arrived with 10, readers here added 3, the old site now says 12.
        assert_eq!(rebased(13, 10, 12), 15);
        assert_eq!(rebased(0, 5, 0), 0);
        assert_eq!(rebased(2, 5, 0), 0);
    }

    #[test]
    fn an_address_leads_by_its_target_s_current_slug() {
        assert_eq!(
            moved("section", Some("news".into())),
            Some(Moved::Section(Slug::parse("news").expect("slug")))
        );
        assert_eq!(moved("article", None), None);
        assert_eq!(
            moved("path", Some("/feed.xml".into())),
            Some(Moved::Path("/feed.xml".into()))
        );
    }
}
