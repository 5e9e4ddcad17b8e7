//! Numbers for the newsroom: reads per story per hour (with the site's total per hour and
//! each story's lifetime total kept beside them), referring hosts, reads in the last
//! minutes, and the roll-up that folds hourly rows older than 90 days into days. The
//! statements read the same on both engines, so one macro stamps the capability onto each
//! store (`stats_store!` in sqlite.rs and postgres.rs).

use async_trait::async_trait;
use serde::Serialize;

use super::{Article, NewsroomFilter, Page, Paged, StoreResult};

/// What one flush of the read counter adds besides the hourly counts.
#[derive(Debug, Clone, Default)]
pub struct ReadDetails {
    /// (article id, Unix hour, referring host, reads)
    pub referrers: Vec<(i64, i64, String, i64)>,
    /// (article id, Unix minute, reads)
    pub recent: Vec<(i64, i64, i64)>,
}

/// A story's running numbers, as lists show them.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct StoryNumbers {
    pub reads: i64,
    pub reactions: i64,
    pub comments: i64,
}

/// A story and its reads in some window.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StoryReads {
    pub article_id: i64,
    pub title: String,
    pub slug: String,
    pub reads: i64,
}

/// How the newsroom's story list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorySort {
    /// Most recently changed first (the list's usual order).
    #[default]
    Updated,
    Reads,
    Reactions,
    Comments,
}

impl StorySort {
    pub fn parse(text: &str) -> Option<StorySort> {
        Some(match text {
            "updated" => StorySort::Updated,
            "reads" => StorySort::Reads,
            "reactions" => StorySort::Reactions,
            "comments" => StorySort::Comments,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StorySort::Updated => "updated",
            StorySort::Reads => "reads",
            StorySort::Reactions => "reactions",
            StorySort::Comments => "comments",
        }
    }

    pub(super) fn order_by(self) -> &'static str {
        match self {
            StorySort::Updated => " ORDER BY a.updated_at DESC, a.id DESC",
            StorySort::Reads => {
                " ORDER BY COALESCE((SELECT t.views FROM article_view_totals t \
                 WHERE t.article_id = a.id), 0) DESC, a.id DESC"
            }
            StorySort::Reactions => {
                " ORDER BY (SELECT COALESCE(SUM(r.count), 0) FROM reaction_counts r \
                 WHERE r.article_id = a.id) DESC, a.id DESC"
            }
            StorySort::Comments => {
                " ORDER BY (SELECT COUNT(*) FROM comments c WHERE c.article_id = a.id \
                 AND c.status = 'approved') DESC, a.id DESC"
            }
        }
    }
}

/// Whose stories a figure counts: everyone's, or only those one member created (an
/// author sees their own).
pub type CreatedBy = Option<i64>;

#[async_trait]
pub trait StatsStore: Send + Sync {
    /// Adds a flush's referring hosts and per-minute reads, and forgets per-minute rows
    /// older than `forget_before_minute`. Rows of articles deleted meanwhile are skipped.
    async fn record_read_details(
        &self,
        details: &ReadDetails,
        forget_before_minute: i64,
    ) -> StoreResult<()>;
    /// The whole site's reads per hour in `[from_hour, to_hour)`, hours without reads left out.
    async fn site_reads_by_hour(
        &self,
        from_hour: i64,
        to_hour: i64,
    ) -> StoreResult<Vec<(i64, i64)>>;
    /// Reads per hour of the stories `created_by` made, for an author's own figures.
    async fn own_reads_by_hour(
        &self,
        created_by: i64,
        from_hour: i64,
        to_hour: i64,
    ) -> StoreResult<Vec<(i64, i64)>>;
    /// One story's reads per hour (per day, at the day's first hour, once rolled up).
    async fn story_reads_by_hour(&self, article_id: i64) -> StoreResult<Vec<(i64, i64)>>;
    /// The stories with the most reads in `[from_hour, to_hour)`: (article id, reads).
    async fn top_stories(
        &self,
        from_hour: i64,
        to_hour: i64,
        created_by: CreatedBy,
        limit: u32,
    ) -> StoreResult<Vec<StoryReads>>;
    /// Reads per story since `from_minute`, most first: (article id, reads).
    async fn recent_reads(
        &self,
        from_minute: i64,
        created_by: CreatedBy,
        limit: u32,
    ) -> StoreResult<Vec<StoryReads>>;
    /// Reads per referring host in `[from_hour, to_hour)`, for one story or all.
    async fn referrer_hosts(
        &self,
        from_hour: i64,
        to_hour: i64,
        article_id: Option<i64>,
        created_by: CreatedBy,
    ) -> StoreResult<Vec<(String, i64)>>;
    /// Reads per section in `[from_hour, to_hour)`: (section id, name, reads), most first.
    async fn reads_by_section(
        &self,
        from_hour: i64,
        to_hour: i64,
        limit: u32,
    ) -> StoreResult<Vec<(i64, String, i64)>>;
    /// Reads per byline in `[from_hour, to_hour)`: (author id, name, reads), most first.
    async fn reads_by_author(
        &self,
        from_hour: i64,
        to_hour: i64,
        limit: u32,
    ) -> StoreResult<Vec<(i64, String, i64)>>;
    /// Lifetime reads, reactions and approved comments of each story asked for.
    async fn story_numbers(&self, ids: &[i64]) -> StoreResult<Vec<(i64, StoryNumbers)>>;
    /// Approved comments on a story per hour they were written.
    async fn comments_by_hour(&self, article_id: i64) -> StoreResult<Vec<(i64, i64)>>;
    /// Lifetime reads of every published story in a section, for its median.
    async fn section_story_reads(&self, section_id: i64) -> StoreResult<Vec<i64>>;
    /// Folds the hourly rows of one more day before `before_hour` (a day boundary) into one
    /// row per story per day; answers `false` when nothing is left to fold.
    async fn roll_up_one_day(&self, before_hour: i64) -> StoreResult<bool>;
    /// The newsroom's story list in the order asked for.
    async fn list_articles_sorted(
        &self,
        filter: NewsroomFilter<'_>,
        sort: StorySort,
        page: Page,
    ) -> StoreResult<Paged<Article>>;
}

pub(super) const ROLLED_UP_KEY: &str = "stats_rolled_up_before";

/// Implements `StatsStore` for a store with a `pool`, a `write_tx`, `count` and
/// `fetch_articles`, a `backend` error mapper and a `push_newsroom_filter`, all in scope
/// where the macro is used; `$db` is the engine.
macro_rules! stats_store {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl super::StatsStore for $store {
            async fn record_read_details(
                &self,
                details: &super::ReadDetails,
                forget_before_minute: i64,
            ) -> super::StoreResult<()> {
                let mut tx = self.write_tx().await?;
                for (article_id, hour, host, views) in &details.referrers {
                    sqlx::query(
                        "INSERT INTO article_referrers (article_id, hour, host, views) \
                         SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1) \
                         ON CONFLICT (article_id, hour, host) \
                         DO UPDATE SET views = article_referrers.views + excluded.views",
                    )
                    .bind(article_id)
                    .bind(hour)
                    .bind(host)
                    .bind(views)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                }
                for (article_id, minute, views) in &details.recent {
                    sqlx::query(
                        "INSERT INTO article_views_recent (article_id, minute, views) \
                         SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1) \
                         ON CONFLICT (article_id, minute) \
                         DO UPDATE SET views = article_views_recent.views + excluded.views",
                    )
                    .bind(article_id)
                    .bind(minute)
                    .bind(views)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                }
                sqlx::query("DELETE FROM article_views_recent WHERE minute < $1")
                    .bind(forget_before_minute)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                tx.commit().await.map_err(backend)
            }

            async fn site_reads_by_hour(
                &self,
                from_hour: i64,
                to_hour: i64,
            ) -> super::StoreResult<Vec<(i64, i64)>> {
                sqlx::query_as(
                    "SELECT hour, views FROM site_views WHERE hour >= $1 AND hour < $2 \
                     ORDER BY hour",
                )
                .bind(from_hour)
                .bind(to_hour)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)
            }

            async fn own_reads_by_hour(
                &self,
                created_by: i64,
                from_hour: i64,
                to_hour: i64,
            ) -> super::StoreResult<Vec<(i64, i64)>> {
                sqlx::query_as(
                    "SELECT v.hour, CAST(SUM(v.views) AS BIGINT) FROM article_views v \
                     JOIN articles a ON a.id = v.article_id \
                     WHERE v.hour >= $1 AND v.hour < $2 AND a.created_by = $3 \
                     GROUP BY v.hour ORDER BY v.hour",
                )
                .bind(from_hour)
                .bind(to_hour)
                .bind(created_by)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)
            }

            async fn story_reads_by_hour(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Vec<(i64, i64)>> {
                sqlx::query_as(
                    "SELECT hour, views FROM article_views WHERE article_id = $1 ORDER BY hour",
                )
                .bind(article_id)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)
            }

            async fn top_stories(
                &self,
                from_hour: i64,
                to_hour: i64,
                created_by: super::stats::CreatedBy,
                limit: u32,
            ) -> super::StoreResult<Vec<super::StoryReads>> {
                let mut query = sqlx::QueryBuilder::<$db>::new(
                    "SELECT v.article_id, a.title, a.slug, CAST(SUM(v.views) AS BIGINT) AS n \
                     FROM article_views v JOIN articles a ON a.id = v.article_id WHERE v.hour >= ",
                );
                query.push_bind(from_hour).push(" AND v.hour < ").push_bind(to_hour);
                if let Some(user) = created_by {
                    query.push(" AND a.created_by = ").push_bind(user);
                }
                query
                    .push(" GROUP BY v.article_id, a.title, a.slug ORDER BY n DESC, v.article_id DESC LIMIT ")
                    .push_bind(i64::from(limit));
                let rows: Vec<(i64, String, String, i64)> = query
                    .build_query_as()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(rows
                    .into_iter()
                    .map(|(article_id, title, slug, reads)| super::StoryReads {
                        article_id,
                        title,
                        slug,
                        reads,
                    })
                    .collect())
            }

            async fn recent_reads(
                &self,
                from_minute: i64,
                created_by: super::stats::CreatedBy,
                limit: u32,
            ) -> super::StoreResult<Vec<super::StoryReads>> {
                let mut query = sqlx::QueryBuilder::<$db>::new(
                    "SELECT v.article_id, a.title, a.slug, CAST(SUM(v.views) AS BIGINT) AS n \
                     FROM article_views_recent v JOIN articles a ON a.id = v.article_id \
                     WHERE v.minute >= ",
                );
                query.push_bind(from_minute);
                if let Some(user) = created_by {
                    query.push(" AND a.created_by = ").push_bind(user);
                }
                query
                    .push(" GROUP BY v.article_id, a.title, a.slug ORDER BY n DESC, v.article_id DESC LIMIT ")
                    .push_bind(i64::from(limit));
                let rows: Vec<(i64, String, String, i64)> = query
                    .build_query_as()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(rows
                    .into_iter()
                    .map(|(article_id, title, slug, reads)| super::StoryReads {
                        article_id,
                        title,
                        slug,
                        reads,
                    })
                    .collect())
            }

            async fn referrer_hosts(
                &self,
                from_hour: i64,
                to_hour: i64,
                article_id: Option<i64>,
                created_by: super::stats::CreatedBy,
            ) -> super::StoreResult<Vec<(String, i64)>> {
                let mut query = sqlx::QueryBuilder::<$db>::new(
                    "SELECT r.host, CAST(SUM(r.views) AS BIGINT) AS n FROM article_referrers r \
                     JOIN articles a ON a.id = r.article_id WHERE r.hour >= ",
                );
                query.push_bind(from_hour).push(" AND r.hour < ").push_bind(to_hour);
                if let Some(id) = article_id {
                    query.push(" AND r.article_id = ").push_bind(id);
                }
                if let Some(user) = created_by {
                    query.push(" AND a.created_by = ").push_bind(user);
                }
                query.push(" GROUP BY r.host ORDER BY n DESC, r.host");
                query
                    .build_query_as()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)
            }

            async fn reads_by_section(
                &self,
                from_hour: i64,
                to_hour: i64,
                limit: u32,
            ) -> super::StoreResult<Vec<(i64, String, i64)>> {
                sqlx::query_as(
                    "SELECT s.id, s.name, CAST(SUM(v.views) AS BIGINT) AS n FROM article_views v \
                     JOIN articles a ON a.id = v.article_id JOIN sections s ON s.id = a.section_id \
                     WHERE v.hour >= $1 AND v.hour < $2 GROUP BY s.id, s.name \
                     ORDER BY n DESC, s.id LIMIT $3",
                )
                .bind(from_hour)
                .bind(to_hour)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(backend)
            }

            async fn reads_by_author(
                &self,
                from_hour: i64,
                to_hour: i64,
                limit: u32,
            ) -> super::StoreResult<Vec<(i64, String, i64)>> {
                sqlx::query_as(
                    "SELECT au.id, au.name, CAST(SUM(v.views) AS BIGINT) AS n FROM article_views v \
                     JOIN article_authors aa ON aa.article_id = v.article_id \
                     JOIN authors au ON au.id = aa.author_id \
                     WHERE v.hour >= $1 AND v.hour < $2 GROUP BY au.id, au.name \
                     ORDER BY n DESC, au.id LIMIT $3",
                )
                .bind(from_hour)
                .bind(to_hour)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(backend)
            }

            async fn story_numbers(
                &self,
                ids: &[i64],
            ) -> super::StoreResult<Vec<(i64, super::StoryNumbers)>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let mut query = sqlx::QueryBuilder::<$db>::new(
                    "SELECT a.id, \
                     COALESCE((SELECT t.views FROM article_view_totals t WHERE t.article_id = a.id), 0), \
                     CAST((SELECT COALESCE(SUM(r.count), 0) FROM reaction_counts r WHERE r.article_id = a.id) AS BIGINT), \
                     (SELECT COUNT(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'approved') \
                     FROM articles a WHERE a.id IN (",
                );
                let mut list = query.separated(", ");
                for id in ids.iter().take(1000) {
                    list.push_bind(*id);
                }
                query.push(")");
                let rows: Vec<(i64, i64, i64, i64)> = query
                    .build_query_as()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(rows
                    .into_iter()
                    .map(|(id, reads, reactions, comments)| {
                        (
                            id,
                            super::StoryNumbers {
                                reads,
                                reactions,
                                comments,
                            },
                        )
                    })
                    .collect())
            }

            async fn comments_by_hour(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Vec<(i64, i64)>> {
                sqlx::query_as(
                    "SELECT created_at / 3600 AS h, COUNT(*) FROM comments \
                     WHERE article_id = $1 AND status = 'approved' GROUP BY h ORDER BY h",
                )
                .bind(article_id)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)
            }

            async fn section_story_reads(&self, section_id: i64) -> super::StoreResult<Vec<i64>> {
                sqlx::query_scalar(
                    "SELECT COALESCE(t.views, 0) AS n FROM articles a \
                     LEFT JOIN article_view_totals t ON t.article_id = a.id \
                     WHERE a.section_id = $1 AND a.status = 'published' ORDER BY n",
                )
                .bind(section_id)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)
            }

            async fn roll_up_one_day(&self, before_hour: i64) -> super::StoreResult<bool> {
                let mut tx = self.write_tx().await?;
                let done: Option<String> =
                    sqlx::query_scalar("SELECT value FROM site_meta WHERE key = $1")
                        .bind(super::stats::ROLLED_UP_KEY)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend)?;
                let done: i64 = done.and_then(|d| d.parse().ok()).unwrap_or(0);
                // The first day with hourly rows left before the limit.
                let first: Option<i64> = sqlx::query_scalar(
                    "SELECT MIN(hour) FROM article_views WHERE hour >= $1 AND hour < $2",
                )
                .bind(done)
                .bind(before_hour)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
                let Some(first) = first else {
                    return Ok(false);
                };
                let day_start = first.div_euclid(24) * 24;
                let day_end = (day_start + 24).min(before_hour);
                if day_end - day_start < 24 {
                    return Ok(false);
                }
                for table in ["article_views", "article_referrers"] {
                    let (key, group) = if table == "article_views" {
                        ("", "article_id")
                    } else {
                        ("host, ", "article_id, host")
                    };
                    let folded: Vec<(i64, Option<String>, i64)> = sqlx::query_as(&format!(
                        "SELECT article_id, {}CAST(SUM(views) AS BIGINT) FROM {table} \
                         WHERE hour >= $1 AND hour < $2 GROUP BY {group}",
                        if key.is_empty() { "CAST(NULL AS TEXT), " } else { key }
                    ))
                    .bind(day_start)
                    .bind(day_end)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(backend)?;
                    sqlx::query(&format!("DELETE FROM {table} WHERE hour >= $1 AND hour < $2"))
                        .bind(day_start)
                        .bind(day_end)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                    for (article_id, host, views) in folded {
                        match host {
                            Some(host) => sqlx::query(
                                "INSERT INTO article_referrers (article_id, hour, host, views) \
                                 VALUES ($1, $2, $3, $4)",
                            )
                            .bind(article_id)
                            .bind(day_start)
                            .bind(host)
                            .bind(views),
                            None => sqlx::query(
                                "INSERT INTO article_views (article_id, hour, views) \
                                 VALUES ($1, $2, $3)",
                            )
                            .bind(article_id)
                            .bind(day_start)
                            .bind(views),
                        }
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                    }
                }
                sqlx::query(
                    "INSERT INTO site_meta (key, value) VALUES ($1, $2) \
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                )
                .bind(super::stats::ROLLED_UP_KEY)
                .bind(day_end.to_string())
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
                tx.commit().await.map_err(backend)?;
                Ok(true)
            }

            async fn list_articles_sorted(
                &self,
                filter: super::NewsroomFilter<'_>,
                sort: super::StorySort,
                page: super::Page,
            ) -> super::StoreResult<super::Paged<super::Article>> {
                if sort == super::StorySort::Updated {
                    return super::ArticleStore::list_articles(self, filter, page).await;
                }
                let mut count = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM articles a");
                push_newsroom_filter(&mut count, filter);
                let total = self.count(count).await?;
                let mut query = sqlx::QueryBuilder::<$db>::new("SELECT ");
                query.push(ARTICLE_COLUMNS);
                push_newsroom_filter(&mut query, filter);
                query
                    .push(sort.order_by())
                    .push(" LIMIT ")
                    .push_bind(i64::from(page.per_page))
                    .push(" OFFSET ")
                    .push_bind(page.offset());
                let items = self.fetch_articles(query).await?;
                Ok(super::Paged { items, total })
            }
        }
    };
}
pub(super) use stats_store;
