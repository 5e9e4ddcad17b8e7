//! Reader polls' records: the question and options an editor attached to a story, and one
//! vote per reader. A vote changes the reader's row and the options' totals in one
//! transaction that holds the poll (`FOR UPDATE` on PostgreSQL, `BEGIN IMMEDIATE` on
//! SQLite), so votes on one poll are applied one after another and each voter is told the
//! totals right after their own vote. The statements read the same on both engines, so one
//! macro stamps the capability onto each store (`poll_store!` in sqlite.rs and postgres.rs).

use std::collections::BTreeMap;

use async_trait::async_trait;
use jiff::Timestamp;

use super::StoreResult;
use super::rows::{StoredRow, timestamp};
use crate::domain::PollId;

/// One answer a reader may pick, with the votes it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollOption {
    pub id: i64,
    pub label: String,
    pub votes: i64,
}

/// A poll as stored, its options in the editor's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poll {
    pub id: PollId,
    pub article_id: i64,
    pub question: String,
    pub options: Vec<PollOption>,
    pub closes_at: Option<Timestamp>,
    pub results_before_vote: bool,
    pub created_at: Timestamp,
}

impl Poll {
    pub fn total(&self) -> i64 {
        self.options.iter().map(|o| o.votes).sum()
    }

    /// Whether votes are no longer taken at `now`.
    pub fn is_closed(&self, now: Timestamp) -> bool {
        self.closes_at.is_some_and(|at| at <= now)
    }
}

/// A checked poll to store (see `crate::polls`).
#[derive(Debug, Clone)]
pub struct NewPoll {
    pub question: String,
    pub options: Vec<String>,
    pub closes_at: Option<Timestamp>,
    pub results_before_vote: bool,
}

/// What became of a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ballot {
    /// Counted (or moved, or withdrawn): the totals right after it and the reader's choice.
    Counted { poll: Poll, mine: Option<i64> },
    /// The poll had closed; its final results.
    Closed(Poll),
    /// The option is not one of this poll's.
    NoSuchOption(Poll),
}

#[async_trait]
pub trait PollStore: Send + Sync {
    async fn create_poll(
        &self,
        article_id: i64,
        poll: &NewPoll,
        created_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<Poll>;
    async fn poll(&self, id: PollId) -> StoreResult<Poll>;
    /// An article's polls, oldest first.
    async fn article_polls(&self, article_id: i64) -> StoreResult<Vec<Poll>>;
    /// Stops taking votes now (a poll already closed keeps its time).
    async fn close_poll(&self, id: PollId, now: Timestamp) -> StoreResult<Poll>;
    async fn delete_poll(&self, id: PollId) -> StoreResult<()>;
    /// Sets (`Some(option)`) or withdraws (`None`) one reader's vote on an open poll of a
    /// public article; `NotFound` when there is no such poll or its story is not public.
    async fn vote(
        &self,
        id: PollId,
        reader_id: &str,
        option: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<Ballot>;
    /// The option the reader voted for, if any.
    async fn reader_vote(&self, id: PollId, reader_id: &str) -> StoreResult<Option<i64>>;
    /// Votes per option counted afresh from the readers' rows, to check the totals against.
    async fn count_poll_vote_rows(&self, id: PollId) -> StoreResult<BTreeMap<i64, i64>>;
}

pub(super) const SELECT_POLL: &str = "SELECT p.id, p.article_id, p.question, p.closes_at, \
     p.results_before_vote, p.created_at, o.id AS option_id, o.label, o.votes \
     FROM polls p JOIN poll_options o ON o.poll_id = p.id WHERE p.id = $1 ORDER BY o.position";
pub(super) const SELECT_ARTICLE_POLLS: &str = "SELECT p.id, p.article_id, p.question, \
     p.closes_at, p.results_before_vote, p.created_at, o.id AS option_id, o.label, o.votes \
     FROM polls p JOIN poll_options o ON o.poll_id = p.id WHERE p.article_id = $1 \
     ORDER BY p.id, o.position";
pub(super) const INSERT_POLL: &str = "INSERT INTO polls \
     (article_id, question, closes_at, results_before_vote, created_by, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
pub(super) const INSERT_OPTION: &str =
    "INSERT INTO poll_options (poll_id, position, label) VALUES ($1, $2, $3)";
pub(super) const CLOSE_POLL: &str = "UPDATE polls SET closes_at = $1 \
     WHERE id = $2 AND (closes_at IS NULL OR closes_at > $1)";
pub(super) const DELETE_POLL: &str = "DELETE FROM polls WHERE id = $1";
/// The poll's closing time and its story's status and time, for a vote. SQLite's
/// `BEGIN IMMEDIATE` already holds the database for the transaction...
pub(super) const POLL_FOR_VOTE: &str = "SELECT p.closes_at, a.status, a.published_at \
     FROM polls p JOIN articles a ON a.id = p.article_id WHERE p.id = $1";
/// ...PostgreSQL holds the poll's row, so votes on one poll queue behind each other.
pub(super) const POLL_FOR_VOTE_LOCKED: &str = "SELECT p.closes_at, a.status, a.published_at \
     FROM polls p JOIN articles a ON a.id = p.article_id WHERE p.id = $1 FOR UPDATE OF p";
pub(super) const OPTION_OF_POLL: &str =
    "SELECT COUNT(*) FROM poll_options WHERE id = $1 AND poll_id = $2";
pub(super) const READER_VOTE: &str =
    "SELECT option_id FROM poll_votes WHERE poll_id = $1 AND reader_id = $2";
pub(super) const UPSERT_VOTE: &str = "INSERT INTO poll_votes \
     (poll_id, reader_id, option_id, voted_at) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (poll_id, reader_id) DO UPDATE SET option_id = $3, voted_at = $4";
pub(super) const DELETE_VOTE: &str = "DELETE FROM poll_votes WHERE poll_id = $1 AND reader_id = $2";
pub(super) const ADD_TO_OPTION: &str = "UPDATE poll_options SET votes = votes + $2 WHERE id = $1";
pub(super) const COUNT_VOTE_ROWS: &str = "SELECT option_id, COUNT(*) AS n FROM poll_votes \
     WHERE poll_id = $1 GROUP BY option_id";

/// Polls from rows of `POLL_COLUMNS`, one row per option, a poll's rows together.
pub(super) fn polls_from_rows<R: StoredRow>(rows: &[R]) -> StoreResult<Vec<Poll>> {
    let mut polls: Vec<Poll> = Vec::new();
    for row in rows {
        let id = PollId(row.int("id")?);
        let option = PollOption {
            id: row.int("option_id")?,
            label: row.text("label")?,
            votes: row.int("votes")?,
        };
        match polls.last_mut() {
            Some(poll) if poll.id == id => poll.options.push(option),
            _ => polls.push(Poll {
                id,
                article_id: row.int("article_id")?,
                question: row.text("question")?,
                options: vec![option],
                closes_at: row.int_or_none("closes_at")?.map(timestamp),
                results_before_vote: row.flag("results_before_vote")?,
                created_at: timestamp(row.int("created_at")?),
            }),
        }
    }
    Ok(polls)
}

/// Implements `PollStore` for a store with a `pool`, `write_tx` and a `backend` function in
/// scope, on engine `$db`; `$for_vote` reads (and on PostgreSQL holds) the poll for a vote.
macro_rules! poll_store {
    ($store:ty, $db:ty, $for_vote:expr) => {
        impl $store {
            async fn read_poll<'e, E>(
                executor: E,
                id: crate::domain::PollId,
            ) -> super::StoreResult<super::polls::Poll>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                let rows = sqlx::query(super::polls::SELECT_POLL)
                    .bind(id.0)
                    .fetch_all(executor)
                    .await
                    .map_err(backend)?;
                super::polls::polls_from_rows(&rows)?
                    .pop()
                    .ok_or(super::StoreError::NotFound)
            }
        }

        #[async_trait::async_trait]
        impl super::polls::PollStore for $store {
            async fn create_poll(
                &self,
                article_id: i64,
                poll: &super::polls::NewPoll,
                created_by: Option<i64>,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::polls::Poll> {
                let mut tx = self.write_tx().await?;
                let id: i64 = sqlx::query_scalar(super::polls::INSERT_POLL)
                    .bind(article_id)
                    .bind(&poll.question)
                    .bind(poll.closes_at.map(|t| t.as_second()))
                    .bind(poll.results_before_vote)
                    .bind(created_by)
                    .bind(now.as_second())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend)?;
                for (position, label) in poll.options.iter().enumerate() {
                    sqlx::query(super::polls::INSERT_OPTION)
                        .bind(id)
                        .bind(position as i64 + 1)
                        .bind(label)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                let created = Self::read_poll(&mut *tx, crate::domain::PollId(id)).await?;
                tx.commit().await.map_err(backend)?;
                Ok(created)
            }

            async fn poll(
                &self,
                id: crate::domain::PollId,
            ) -> super::StoreResult<super::polls::Poll> {
                Self::read_poll(&self.pool, id).await
            }

            async fn article_polls(
                &self,
                article_id: i64,
            ) -> super::StoreResult<Vec<super::polls::Poll>> {
                let rows = sqlx::query(super::polls::SELECT_ARTICLE_POLLS)
                    .bind(article_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                super::polls::polls_from_rows(&rows)
            }

            async fn close_poll(
                &self,
                id: crate::domain::PollId,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::polls::Poll> {
                let mut tx = self.write_tx().await?;
                sqlx::query(super::polls::CLOSE_POLL)
                    .bind(now.as_second())
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                let poll = Self::read_poll(&mut *tx, id).await?;
                tx.commit().await.map_err(backend)?;
                Ok(poll)
            }

            async fn delete_poll(&self, id: crate::domain::PollId) -> super::StoreResult<()> {
                let done = sqlx::query(super::polls::DELETE_POLL)
                    .bind(id.0)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                if done.rows_affected() == 0 {
                    return Err(super::StoreError::NotFound);
                }
                Ok(())
            }

            async fn vote(
                &self,
                id: crate::domain::PollId,
                reader_id: &str,
                option: Option<i64>,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::polls::Ballot> {
                use super::polls::Ballot;
                let mut tx = self.write_tx().await?;
                let state: Option<(Option<i64>, String, Option<i64>)> = sqlx::query_as($for_vote)
                    .bind(id.0)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend)?;
                let Some((closes_at, status, published_at)) = state else {
                    return Err(super::StoreError::NotFound);
                };
                let public =
                    status == "published" && published_at.is_some_and(|at| at <= now.as_second());
                if !public {
                    return Err(super::StoreError::NotFound);
                }
                if closes_at.is_some_and(|at| at <= now.as_second()) {
                    let poll = Self::read_poll(&mut *tx, id).await?;
                    return Ok(Ballot::Closed(poll));
                }
                if let Some(option) = option {
                    let found: i64 = sqlx::query_scalar(super::polls::OPTION_OF_POLL)
                        .bind(option)
                        .bind(id.0)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(backend)?;
                    if found == 0 {
                        let poll = Self::read_poll(&mut *tx, id).await?;
                        return Ok(Ballot::NoSuchOption(poll));
                    }
                }
                let before: Option<i64> = sqlx::query_scalar(super::polls::READER_VOTE)
                    .bind(id.0)
                    .bind(reader_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend)?;
                if before != option {
                    match option {
                        Some(chosen) => {
                            sqlx::query(super::polls::UPSERT_VOTE)
                                .bind(id.0)
                                .bind(reader_id)
                                .bind(chosen)
                                .bind(now.as_second())
                                .execute(&mut *tx)
                                .await
                                .map_err(backend)?;
                        }
                        None => {
                            sqlx::query(super::polls::DELETE_VOTE)
                                .bind(id.0)
                                .bind(reader_id)
                                .execute(&mut *tx)
                                .await
                                .map_err(backend)?;
                        }
                    }
                    for (changed, by) in [(before, -1_i64), (option, 1)] {
                        if let Some(changed) = changed {
                            sqlx::query(super::polls::ADD_TO_OPTION)
                                .bind(changed)
                                .bind(by)
                                .execute(&mut *tx)
                                .await
                                .map_err(backend)?;
                        }
                    }
                }
                let poll = Self::read_poll(&mut *tx, id).await?;
                tx.commit().await.map_err(backend)?;
                Ok(Ballot::Counted { poll, mine: option })
            }

            async fn reader_vote(
                &self,
                id: crate::domain::PollId,
                reader_id: &str,
            ) -> super::StoreResult<Option<i64>> {
                sqlx::query_scalar(super::polls::READER_VOTE)
                    .bind(id.0)
                    .bind(reader_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)
            }

            async fn count_poll_vote_rows(
                &self,
                id: crate::domain::PollId,
            ) -> super::StoreResult<std::collections::BTreeMap<i64, i64>> {
                let rows: Vec<(i64, i64)> = sqlx::query_as(super::polls::COUNT_VOTE_ROWS)
                    .bind(id.0)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(rows.into_iter().collect())
            }
        }
    };
}
pub(super) use poll_store;
