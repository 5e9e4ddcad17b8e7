//! Public notes on stories (corrections, clarifications, updates, editor's notes), kept with
//! every wording they ever had, and the record of where a story's copy came from.

use std::collections::HashMap;

use async_trait::async_trait;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::rows::{StoredRow, timestamp};
use super::{Page, Paged, StoreError, StoreResult};

/// Where a story's copy came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Written by the newsroom.
    #[default]
    Staff,
    /// A news agency's wire copy.
    Agency,
    PressRelease,
    /// Another publication's story, run with its permission.
    Syndication,
    /// Sent in by a reader.
    Reader,
}

impl SourceKind {
    pub const ALL: [SourceKind; 5] = [
        SourceKind::Staff,
        SourceKind::Agency,
        SourceKind::PressRelease,
        SourceKind::Syndication,
        SourceKind::Reader,
    ];

    pub fn parse(text: &str) -> Result<SourceKind, String> {
        match text.trim() {
            "staff" => Ok(SourceKind::Staff),
            "agency" => Ok(SourceKind::Agency),
            "press_release" | "press release" => Ok(SourceKind::PressRelease),
            "syndication" => Ok(SourceKind::Syndication),
            "reader" => Ok(SourceKind::Reader),
            other => Err(format!(
                "\"{other}\" is not a source; use staff, agency, press_release, syndication or reader"
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Staff => "staff",
            SourceKind::Agency => "agency",
            SourceKind::PressRelease => "press_release",
            SourceKind::Syndication => "syndication",
            SourceKind::Reader => "reader",
        }
    }

    /// As the newsroom names it in a list.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Staff => "Staff",
            SourceKind::Agency => "Agency",
            SourceKind::PressRelease => "Press release",
            SourceKind::Syndication => "Syndication",
            SourceKind::Reader => "Reader",
        }
    }
}

/// Where a story's copy came from: the kind, the agency or publication, the original
/// address and what the newsroom may do with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    pub agency: Option<String>,
    pub url: Option<String>,
    pub rights: Option<String>,
}

/// What a public note on a story is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionKind {
    /// Something the story got wrong.
    Correction,
    /// Something the story said unclearly.
    Clarification,
    /// News added since publication.
    Update,
    EditorsNote,
}

impl CorrectionKind {
    pub fn parse(text: &str) -> Result<CorrectionKind, String> {
        match text.trim() {
            "correction" => Ok(CorrectionKind::Correction),
            "clarification" => Ok(CorrectionKind::Clarification),
            "update" => Ok(CorrectionKind::Update),
            "editors_note" | "editor's note" | "editor’s note" => Ok(CorrectionKind::EditorsNote),
            other => Err(format!(
                "\"{other}\" is not a kind of note; use correction, clarification, update or \
                 editors_note"
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CorrectionKind::Correction => "correction",
            CorrectionKind::Clarification => "clarification",
            CorrectionKind::Update => "update",
            CorrectionKind::EditorsNote => "editors_note",
        }
    }

    /// As readers see it before the note.
    pub fn label(self) -> &'static str {
        match self {
            CorrectionKind::Correction => "Correction",
            CorrectionKind::Clarification => "Clarification",
            CorrectionKind::Update => "Update",
            CorrectionKind::EditorsNote => "Editor's note",
        }
    }

    /// Corrections and clarifications own a mistake: they go at the top of the story and on
    /// the public corrections page.
    pub fn owns_a_mistake(self) -> bool {
        matches!(
            self,
            CorrectionKind::Correction | CorrectionKind::Clarification
        )
    }
}

/// A public note on a story as it stands now.
#[derive(Debug, Clone, Serialize)]
pub struct Correction {
    pub id: i64,
    pub article_id: i64,
    pub kind: CorrectionKind,
    pub body: String,
    /// The time readers see on the note.
    pub noted_at: Timestamp,
    pub created_by: Option<i64>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// 1 when written, one more with each amendment.
    pub version: i64,
}

/// One wording a note has had: the first, then one per amendment.
#[derive(Debug, Clone, Serialize)]
pub struct CorrectionWording {
    pub version: i64,
    pub kind: CorrectionKind,
    pub body: String,
    pub noted_at: Timestamp,
    pub saved_by: Option<i64>,
    pub saved_by_name: Option<String>,
    pub saved_at: Timestamp,
}

/// A note as the public corrections page lists it, with the story it is on.
#[derive(Debug, Clone, Serialize)]
pub struct PublicCorrection {
    pub correction: Correction,
    pub article_slug: String,
    pub article_title: String,
}

/// A note's words, checked, as it is written or amended.
#[derive(Debug, Clone)]
pub struct CorrectionText {
    pub kind: CorrectionKind,
    pub body: String,
    pub noted_at: Timestamp,
}

/// Who saves a note: their id and their name at the time.
#[derive(Debug, Clone)]
pub struct SavedBy {
    pub id: i64,
    pub name: String,
}

#[async_trait]
pub trait CorrectionStore: Send + Sync {
    /// Adds a note to a story, with its first wording in the history.
    async fn add_correction(
        &self,
        article_id: i64,
        text: &CorrectionText,
        by: &SavedBy,
        now: Timestamp,
    ) -> StoreResult<Correction>;
    /// Changes a note's words if `expected_version` is still current, keeping the new
    /// wording in the history beside every earlier one.
    async fn amend_correction(
        &self,
        article_id: i64,
        id: i64,
        expected_version: Option<i64>,
        text: &CorrectionText,
        by: &SavedBy,
        now: Timestamp,
    ) -> StoreResult<Correction>;
    /// The notes on each story asked for, oldest first.
    async fn corrections_of(
        &self,
        article_ids: &[i64],
    ) -> StoreResult<HashMap<i64, Vec<Correction>>>;
    /// Every wording a note has had, newest first.
    async fn correction_history(&self, id: i64) -> StoreResult<Vec<CorrectionWording>>;
    /// Corrections and clarifications on public stories, newest first.
    async fn public_corrections(
        &self,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<PublicCorrection>>;
}

fn damaged(what: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(anyhow::anyhow!("stored {what}: {error}"))
}

pub(super) fn correction_from_row(row: &impl StoredRow) -> StoreResult<Correction> {
    Ok(Correction {
        id: row.int("id")?,
        article_id: row.int("article_id")?,
        kind: CorrectionKind::parse(&row.text("kind")?).map_err(|e| damaged("kind", e))?,
        body: row.text("body")?,
        noted_at: timestamp(row.int("noted_at")?),
        created_by: row.int_or_none("created_by")?,
        created_at: timestamp(row.int("created_at")?),
        updated_at: timestamp(row.int("updated_at")?),
        version: row.int("version")?,
    })
}

pub(super) fn wording_from_row(row: &impl StoredRow) -> StoreResult<CorrectionWording> {
    Ok(CorrectionWording {
        version: row.int("version")?,
        kind: CorrectionKind::parse(&row.text("kind")?).map_err(|e| damaged("kind", e))?,
        body: row.text("body")?,
        noted_at: timestamp(row.int("noted_at")?),
        saved_by: row.int_or_none("saved_by")?,
        saved_by_name: row.text_or_none("saved_by_name")?,
        saved_at: timestamp(row.int("saved_at")?),
    })
}

/// Reads a story's provenance from its row (`source_*` columns).
pub(super) fn source_from_row(row: &impl StoredRow) -> StoreResult<Source> {
    Ok(Source {
        kind: SourceKind::parse(&row.text("source_kind")?)
            .map_err(|e| damaged("source_kind", e))?,
        agency: row.text_or_none("source_agency")?,
        url: row.text_or_none("source_url")?,
        rights: row.text_or_none("source_rights")?,
    })
}

pub(super) const CORRECTION_COLUMNS: &str = "c.id, c.article_id, c.kind, c.body, c.noted_at, \
     c.created_by, c.created_at, c.updated_at, c.version";

/// Writes what an article says about trust (dateline, embargo, provenance, the visible
/// "Updated" time) inside the save's transaction; `$tx` is the transaction, `$id` the
/// article, `$input` its `ArticleInput`.
macro_rules! write_trust_fields {
    ($tx:expr, $id:expr, $input:expr) => {{
        let input: &super::ArticleInput = $input;
        sqlx::query(
            "UPDATE articles SET dateline = $1, embargo_until = $2, source_kind = $3, \
             source_agency = $4, source_url = $5, source_rights = $6, updated_shown_at = $7 \
             WHERE id = $8",
        )
        .bind(input.dateline.as_deref())
        .bind(input.embargo_until.map(|t| t.as_second()))
        .bind(input.source.kind.as_str())
        .bind(input.source.agency.as_deref())
        .bind(input.source.url.as_deref())
        .bind(input.source.rights.as_deref())
        .bind(input.updated_shown_at.map(|t| t.as_second()))
        .bind($id)
        .execute(&mut *$tx)
        .await
        .map_err(backend)?;
    }};
}
pub(super) use write_trust_fields;

/// Implements `CorrectionStore` for a store with a `pool`, a `write_tx`, `count`, and a
/// `backend` error mapper in scope where the macro is used; `$db` is the engine, `$lock`
/// what holds the note's row while it is amended (nothing under SQLite's `BEGIN IMMEDIATE`).
macro_rules! correction_store {
    ($store:ty, $db:ty, $lock:expr) => {
        #[async_trait::async_trait]
        impl super::CorrectionStore for $store {
            async fn add_correction(
                &self,
                article_id: i64,
                text: &super::CorrectionText,
                by: &super::corrections::SavedBy,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::Correction> {
                let mut tx = self.write_tx().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO article_corrections (article_id, kind, body, noted_at, \
                     created_by, created_at, updated_at, version) \
                     VALUES ($1, $2, $3, $4, $5, $6, $6, 1) RETURNING id",
                )
                .bind(article_id)
                .bind(text.kind.as_str())
                .bind(&text.body)
                .bind(text.noted_at.as_second())
                .bind(by.id)
                .bind(now.as_second())
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
                super::corrections::keep_wording!(tx, id, 1_i64, text, by, now);
                super::corrections::mark_noted!(tx, article_id, now);
                let row = sqlx::query(&format!(
                    "SELECT {} FROM article_corrections c WHERE c.id = $1",
                    super::corrections::CORRECTION_COLUMNS
                ))
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
                let note = super::corrections::correction_from_row(&row)?;
                tx.commit().await.map_err(backend)?;
                Ok(note)
            }

            async fn amend_correction(
                &self,
                article_id: i64,
                id: i64,
                expected_version: Option<i64>,
                text: &super::CorrectionText,
                by: &super::corrections::SavedBy,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::Correction> {
                let mut tx = self.write_tx().await?;
                let current: Option<i64> = sqlx::query_scalar(&format!(
                    "SELECT version FROM article_corrections WHERE id = $1 AND article_id = $2{}",
                    $lock
                ))
                .bind(id)
                .bind(article_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?;
                let Some(current) = current else {
                    return Err(super::StoreError::NotFound);
                };
                if let Some(expected) = expected_version
                    && expected != current
                {
                    return Err(super::StoreError::StaleVersion { expected, current });
                }
                sqlx::query(
                    "UPDATE article_corrections SET kind = $1, body = $2, noted_at = $3, \
                     updated_at = $4, version = version + 1 WHERE id = $5",
                )
                .bind(text.kind.as_str())
                .bind(&text.body)
                .bind(text.noted_at.as_second())
                .bind(now.as_second())
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
                super::corrections::keep_wording!(tx, id, current + 1, text, by, now);
                super::corrections::mark_noted!(tx, article_id, now);
                let row = sqlx::query(&format!(
                    "SELECT {} FROM article_corrections c WHERE c.id = $1",
                    super::corrections::CORRECTION_COLUMNS
                ))
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(backend)?;
                let note = super::corrections::correction_from_row(&row)?;
                tx.commit().await.map_err(backend)?;
                Ok(note)
            }

            async fn corrections_of(
                &self,
                article_ids: &[i64],
            ) -> super::StoreResult<std::collections::HashMap<i64, Vec<super::Correction>>> {
                let mut notes: std::collections::HashMap<i64, Vec<super::Correction>> =
                    std::collections::HashMap::new();
                if article_ids.is_empty() {
                    return Ok(notes);
                }
                let mut query = sqlx::QueryBuilder::<$db>::new(format!(
                    "SELECT {} FROM article_corrections c WHERE c.article_id IN (",
                    super::corrections::CORRECTION_COLUMNS
                ));
                let mut ids = query.separated(", ");
                for id in article_ids {
                    ids.push_bind(*id);
                }
                query.push(") ORDER BY c.article_id, c.noted_at, c.id");
                for row in query
                    .build()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?
                {
                    let note = super::corrections::correction_from_row(&row)?;
                    notes.entry(note.article_id).or_default().push(note);
                }
                Ok(notes)
            }

            async fn correction_history(
                &self,
                id: i64,
            ) -> super::StoreResult<Vec<super::CorrectionWording>> {
                let rows = sqlx::query(
                    "SELECT version, kind, body, noted_at, saved_by, saved_by_name, saved_at \
                     FROM article_correction_history WHERE correction_id = $1 ORDER BY id DESC",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
                rows.iter()
                    .map(super::corrections::wording_from_row)
                    .collect()
            }

            async fn public_corrections(
                &self,
                page: super::Page,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::Paged<super::PublicCorrection>> {
                const PUBLIC: &str = " FROM article_corrections c JOIN articles a \
                     ON a.id = c.article_id WHERE c.kind IN ('correction', 'clarification') \
                     AND a.status = 'published' AND a.published_at <= $1";
                let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*){PUBLIC}"))
                    .bind(now.as_second())
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                let rows = sqlx::query(&format!(
                    "SELECT {}, a.slug AS article_slug, a.title AS article_title{PUBLIC} \
                     ORDER BY c.noted_at DESC, c.id DESC LIMIT $2 OFFSET $3",
                    super::corrections::CORRECTION_COLUMNS
                ))
                .bind(now.as_second())
                .bind(i64::from(page.per_page))
                .bind(page.offset())
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
                let mut items = Vec::with_capacity(rows.len());
                for row in &rows {
                    use super::rows::StoredRow;
                    items.push(super::PublicCorrection {
                        correction: super::corrections::correction_from_row(row)?,
                        article_slug: row.text("article_slug")?,
                        article_title: row.text("article_title")?,
                    });
                }
                Ok(super::Paged { items, total })
            }
        }
    };
}
pub(super) use correction_store;

/// Keeps one wording of a note in its history, inside the caller's transaction. `$version`
/// is an `i64` on every call: PostgreSQL keeps the statement prepared with the first
/// call's parameter types.
macro_rules! keep_wording {
    ($tx:expr, $id:expr, $version:expr, $text:expr, $by:expr, $now:expr) => {
        sqlx::query(
            "INSERT INTO article_correction_history (correction_id, version, kind, body, \
             noted_at, saved_by, saved_by_name, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind($id)
        .bind::<i64>($version)
        .bind($text.kind.as_str())
        .bind(&$text.body)
        .bind($text.noted_at.as_second())
        .bind($by.id)
        .bind(&$by.name)
        .bind($now.as_second())
        .execute(&mut *$tx)
        .await
        .map_err(backend)?
    };
}
pub(super) use keep_wording;

/// Notes on the story when its notes last changed, for its `dateModified` and for readers'
/// pages to know there are notes to show.
macro_rules! mark_noted {
    ($tx:expr, $article_id:expr, $now:expr) => {
        sqlx::query("UPDATE articles SET noted_at = $1 WHERE id = $2")
            .bind($now.as_second())
            .bind($article_id)
            .execute(&mut *$tx)
            .await
            .map_err(backend)?
    };
}
pub(super) use mark_noted;
