//! Records read back from rows, once for every backend: each backend says how to read a
//! number, a text and a yes/no from its rows (`StoredRow`), and the records are built from
//! those the same way whatever the engine.

use jiff::Timestamp;
use sqlx::Row;
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;

use super::{
    Article, AuditEntry, Author, BlockStyle, Comment, CommentStatus, LeadImage, Media,
    MediaVariant, Revision, RevisionKind, Section, StoreError, StoreResult, Tag, User,
};
use crate::domain::{ArticleFormat, ArticleStatus, Email, Role, Slug};

/// The columns every article query selects (the article and its section, as `s_*`).
macro_rules! article_fields {
    () => {
        "a.id, a.slug, a.title, a.standfirst, a.body, a.status, \
         a.lead_image_url, a.lead_image_alt, a.lead_image_credit, a.lead_image_caption, \
         a.seo_title, a.seo_description, a.published_at, a.created_at, a.updated_at, a.version, \
         a.created_by, a.comments_open, a.label, a.format, \
         a.dateline, a.embargo_until, a.source_kind, a.source_agency, a.source_url, \
         a.source_rights, a.updated_shown_at, a.noted_at, a.translation_group, s.id AS s_id, s.slug AS s_slug, \
         s.name AS s_name, s.description AS s_description, s.position AS s_position, \
         s.parent_id AS s_parent_id, s.on_home AS s_on_home, s.block_style AS s_block_style, \
         s.colour AS s_colour, s.language AS s_language, \
         (SELECT p.slug FROM sections p WHERE p.id = s.parent_id) AS s_parent_slug"
    };
}
pub(super) use article_fields;

pub(super) const ARTICLE_COLUMNS: &str = concat!(
    article_fields!(),
    " FROM articles a JOIN sections s ON s.id = a.section_id"
);

/// The columns every section query selects, its parent's slug included.
pub(super) const SECTION_COLUMNS: &str = "s.id, s.slug, s.name, s.description, s.position, \
     s.parent_id, s.on_home, s.block_style, s.colour, s.language, \
     (SELECT p.slug FROM sections p WHERE p.id = s.parent_id) AS parent_slug FROM sections s";

pub(super) const MEDIA_COLUMNS: &str = "m.id, m.hash, m.original_type, m.original_key, m.width, \
     m.height, m.bytes, m.alt, m.credit, m.caption, m.variants, m.uploaded_by, \
     u.name AS uploaded_by_name, m.created_at FROM media m LEFT JOIN users u ON u.id = m.uploaded_by";

pub(super) const COMMENT_COLUMNS: &str = "id, article_id, parent_id, depth, author_name, \
    author_email, body, status, reason, reader_id, created_at, updated_at";

/// How a backend's row gives up its values.
pub(super) trait StoredRow {
    fn int(&self, column: &str) -> StoreResult<i64>;
    fn int_or_none(&self, column: &str) -> StoreResult<Option<i64>>;
    fn text(&self, column: &str) -> StoreResult<String>;
    fn text_or_none(&self, column: &str) -> StoreResult<Option<String>>;
    /// A yes/no: `BOOLEAN` on PostgreSQL, `0`/`1` on SQLite.
    fn flag(&self, column: &str) -> StoreResult<bool>;
}

fn unreadable(column: &str, error: sqlx::Error) -> StoreError {
    StoreError::Backend(anyhow::anyhow!("could not read column {column}: {error}"))
}

macro_rules! stored_row {
    ($row:ty, |$r:ident, $c:ident| $flag:expr) => {
        impl StoredRow for $row {
            fn int(&self, column: &str) -> StoreResult<i64> {
                self.try_get(column).map_err(|e| unreadable(column, e))
            }
            fn int_or_none(&self, column: &str) -> StoreResult<Option<i64>> {
                self.try_get(column).map_err(|e| unreadable(column, e))
            }
            fn text(&self, column: &str) -> StoreResult<String> {
                self.try_get(column).map_err(|e| unreadable(column, e))
            }
            fn text_or_none(&self, column: &str) -> StoreResult<Option<String>> {
                self.try_get(column).map_err(|e| unreadable(column, e))
            }
            fn flag(&self, $c: &str) -> StoreResult<bool> {
                let $r = self;
                $flag
            }
        }
    };
}

stored_row!(SqliteRow, |row, column| row
    .try_get::<i64, _>(column)
    .map(|n| n != 0)
    .map_err(|e| unreadable(column, e)));
stored_row!(PgRow, |row, column| row
    .try_get::<bool, _>(column)
    .map_err(|e| unreadable(column, e)));

pub(super) fn timestamp(seconds: i64) -> Timestamp {
    Timestamp::from_second(seconds).unwrap_or(Timestamp::UNIX_EPOCH)
}

fn damaged(what: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(anyhow::anyhow!("stored {what}: {error}"))
}

pub(super) fn slug(row: &impl StoredRow, column: &str) -> StoreResult<Slug> {
    Slug::parse(&row.text(column)?).map_err(|e| damaged(column, e))
}

/// A stored language code (`None`: the site's own language).
pub(super) fn language(
    row: &impl StoredRow,
    column: &str,
) -> StoreResult<Option<crate::domain::Language>> {
    row.text_or_none(column)?
        .map(|text| crate::domain::Language::parse(&text).map_err(|e| damaged(column, e)))
        .transpose()
}

fn dimension(row: &impl StoredRow, column: &str) -> StoreResult<u32> {
    let value = row.int(column)?;
    u32::try_from(value).map_err(|_| damaged(column, format!("{value} is out of range")))
}

pub(super) fn section_from_row(row: &impl StoredRow, prefix: &str) -> StoreResult<Section> {
    Ok(Section {
        id: row.int(&format!("{prefix}id"))?,
        slug: slug(row, &format!("{prefix}slug"))?,
        name: row.text(&format!("{prefix}name"))?,
        description: row.text_or_none(&format!("{prefix}description"))?,
        position: row.int(&format!("{prefix}position"))?,
        parent_id: row.int_or_none(&format!("{prefix}parent_id"))?,
        parent_slug: match row.text_or_none(&format!("{prefix}parent_slug"))? {
            Some(text) => Some(Slug::parse(&text).map_err(|e| damaged("parent_slug", e))?),
            None => None,
        },
        on_home: row.flag(&format!("{prefix}on_home"))?,
        block_style: BlockStyle::parse(&row.text(&format!("{prefix}block_style"))?)
            .map_err(|e| damaged("block_style", e))?,
        colour: row.text_or_none(&format!("{prefix}colour"))?,
        language: language(row, &format!("{prefix}language"))?,
    })
}

pub(super) fn tag_from_row(row: &impl StoredRow) -> StoreResult<Tag> {
    Ok(Tag {
        id: row.int("id")?,
        slug: slug(row, "slug")?,
        name: row.text("name")?,
    })
}

pub(super) fn author_from_row(row: &impl StoredRow) -> StoreResult<Author> {
    Ok(Author {
        id: row.int("id")?,
        slug: slug(row, "slug")?,
        name: row.text("name")?,
        bio: row.text_or_none("bio")?,
        photo_url: row.text_or_none("photo_url")?,
    })
}

pub(super) fn user_from_row(row: &impl StoredRow) -> StoreResult<User> {
    Ok(User {
        id: row.int("id")?,
        email: Email::parse(&row.text("email")?).map_err(|e| damaged("email", e))?,
        name: row.text("name")?,
        role: Role::parse(&row.text("role")?).map_err(|e| damaged("role", e))?,
        active: row.flag("active")?,
        password_hash: row.text("password_hash")?,
        created_at: timestamp(row.int("created_at")?),
    })
}

/// An article without its bylines and tags, which the store fills in afterwards.
pub(super) fn article_from_row(row: &impl StoredRow) -> StoreResult<Article> {
    let lead_image = match row.text_or_none("lead_image_url")? {
        Some(url) => Some(LeadImage {
            url,
            alt: row.text_or_none("lead_image_alt")?.unwrap_or_default(),
            credit: row.text_or_none("lead_image_credit")?,
            caption: row.text_or_none("lead_image_caption")?,
        }),
        None => None,
    };
    Ok(Article {
        id: row.int("id")?,
        slug: slug(row, "slug")?,
        title: row.text("title")?,
        standfirst: row.text_or_none("standfirst")?,
        body: row.text("body")?,
        status: ArticleStatus::parse(&row.text("status")?).map_err(|e| damaged("status", e))?,
        section: section_from_row(row, "s_")?,
        tags: Vec::new(),
        authors: Vec::new(),
        lead_image,
        seo_title: row.text_or_none("seo_title")?,
        seo_description: row.text_or_none("seo_description")?,
        published_at: row.int_or_none("published_at")?.map(timestamp),
        created_at: timestamp(row.int("created_at")?),
        updated_at: timestamp(row.int("updated_at")?),
        version: row.int("version")?,
        created_by: row.int_or_none("created_by")?,
        comments_open: row.flag("comments_open")?,
        label: row.text_or_none("label")?,
        format: ArticleFormat::parse(&row.text("format")?).map_err(|e| damaged("format", e))?,
        dateline: row.text_or_none("dateline")?,
        embargo_until: row.int_or_none("embargo_until")?.map(timestamp),
        source: super::corrections::source_from_row(row)?,
        updated_shown_at: row.int_or_none("updated_shown_at")?.map(timestamp),
        noted_at: row.int_or_none("noted_at")?.map(timestamp),
        translation_group: row.int_or_none("translation_group")?,
    })
}

pub(super) fn revision_from_row(row: &impl StoredRow) -> StoreResult<Revision> {
    Ok(Revision {
        id: row.int("id")?,
        article_id: row.int("article_id")?,
        version: row.int("version")?,
        kind: if row.text("kind")? == "conflict" {
            RevisionKind::Conflict
        } else {
            RevisionKind::Save
        },
        saved_by: row.int_or_none("saved_by")?,
        saved_by_name: row.text_or_none("saved_by_name")?,
        saved_at: timestamp(row.int("saved_at")?),
        snapshot: serde_json::from_str(&row.text("snapshot")?)
            .map_err(|e| damaged("snapshot", e))?,
    })
}

pub(super) fn audit_from_row(row: &impl StoredRow) -> StoreResult<AuditEntry> {
    Ok(AuditEntry {
        id: row.int("id")?,
        at: timestamp(row.int("at")?),
        user_id: row.int_or_none("user_id")?,
        actor: row.text("actor")?,
        action: row.text("action")?,
        subject: row.text("subject")?,
        detail: row.text_or_none("detail")?,
    })
}

pub(super) fn media_from_row(row: &impl StoredRow) -> StoreResult<Media> {
    Ok(Media {
        id: row.int("id")?,
        hash: row.text("hash")?,
        original_type: row.text("original_type")?,
        original_key: row.text("original_key")?,
        width: dimension(row, "width")?,
        height: dimension(row, "height")?,
        bytes: row.int("bytes")?,
        alt: row.text("alt")?,
        credit: row.text_or_none("credit")?,
        caption: row.text_or_none("caption")?,
        variants: serde_json::from_str::<Vec<MediaVariant>>(&row.text("variants")?)
            .map_err(|e| damaged("variants", e))?,
        uploaded_by: row.int_or_none("uploaded_by")?,
        uploaded_by_name: row.text_or_none("uploaded_by_name")?,
        created_at: timestamp(row.int("created_at")?),
    })
}

pub(super) fn comment_from_row(row: &impl StoredRow) -> StoreResult<Comment> {
    Ok(Comment {
        id: row.int("id")?,
        article_id: row.int("article_id")?,
        parent_id: row.int_or_none("parent_id")?,
        depth: row.int("depth")?,
        author_name: row.text("author_name")?,
        author_email: row
            .text_or_none("author_email")?
            .and_then(|e| Email::parse(&e).ok()),
        body: row.text("body")?,
        status: CommentStatus::parse(&row.text("status")?).map_err(|e| damaged("status", e))?,
        reason: row.text_or_none("reason")?,
        reader_id: row.text_or_none("reader_id")?,
        created_at: timestamp(row.int("created_at")?),
        updated_at: timestamp(row.int("updated_at")?),
    })
}
