//! The site's own pages (About, Contact, Privacy...) with their revisions and old slugs,
//! the header and footer menus, and readers' contact messages. The statements read the
//! same on both engines, so one macro stamps the capability onto each store
//! (`page_store!` in sqlite.rs and postgres.rs).

use async_trait::async_trait;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::rows::{StoredRow, slug, timestamp};
use super::{Page, Paged, RevisionKind, StoreError, StoreResult};
use crate::domain::{Email, Slug};

/// A page of the site at `/{slug}`: no section, byline, reactions or comments.
#[derive(Debug, Clone, Serialize)]
pub struct SitePage {
    pub id: i64,
    pub slug: Slug,
    pub title: String,
    /// Markdown, rendered and sanitised like an article's body.
    pub body: String,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    /// Whether the contact form sits under the body.
    pub contact_form: bool,
    /// Its edition (`None`: the site's own language).
    pub language: Option<crate::domain::Language>,
    pub version: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// Everything an editor sets on a page, checked; revisions keep it as their snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageInput {
    pub slug: Slug,
    pub title: String,
    pub body: String,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    pub contact_form: bool,
    /// Its edition (`None`: the site's own language); absent from revisions saved before
    /// editions existed.
    #[serde(default)]
    pub language: Option<crate::domain::Language>,
}

/// A saved state of a page: who saved it, when, and what it held.
#[derive(Debug, Clone, Serialize)]
pub struct PageRevision {
    pub id: i64,
    pub page_id: i64,
    pub version: i64,
    pub kind: RevisionKind,
    pub saved_by_name: Option<String>,
    pub saved_at: Timestamp,
    pub snapshot: PageInput,
}

/// Which menu an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Menu {
    /// Under the masthead, on every page; the sections while no one has set it.
    Header,
    /// In the footer, on every page.
    Footer,
}

impl Menu {
    pub const ALL: [Menu; 2] = [Menu::Header, Menu::Footer];

    pub fn as_str(self) -> &'static str {
        match self {
            Menu::Header => "header",
            Menu::Footer => "footer",
        }
    }

    pub fn parse(text: &str) -> Result<Menu, String> {
        match text {
            "header" => Ok(Menu::Header),
            "footer" => Ok(Menu::Footer),
            other => Err(format!("\"{other}\" is not a menu; use header or footer")),
        }
    }
}

/// Where a menu entry leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "to", rename_all = "lowercase")]
pub enum MenuTarget {
    Section(i64),
    Page(i64),
    /// An address checked when saved: http(s), or a path on this site.
    Link(String),
}

/// One entry of a menu, as stored; its place is its position in the menu's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MenuItem {
    /// The text shown; a section's or page's own name when `None`.
    pub label: Option<String>,
    pub target: MenuTarget,
}

/// A reader's message, checked, as it is kept.
#[derive(Debug, Clone)]
pub struct NewContactMessage {
    pub page_id: Option<i64>,
    pub name: String,
    pub email: Email,
    pub message: String,
    /// Why a defence took the sender for a bot, if one did.
    pub spam_reason: Option<String>,
}

/// A kept message, for admins only: it holds the sender's address.
#[derive(Debug, Clone, Serialize)]
pub struct ContactMessage {
    pub id: i64,
    pub page_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub message: String,
    pub spam_reason: Option<String>,
    pub created_at: Timestamp,
    pub read_at: Option<Timestamp>,
}

#[async_trait]
pub trait PageStore: Send + Sync {
    /// Creates the page and its first revision together.
    async fn create_page(
        &self,
        input: &PageInput,
        saved_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<SitePage>;
    /// Saves a new version if `expected_version` is still current; keeps a revision
    /// either way (a refused one as a conflict), and the old slug when it changes.
    async fn update_page(
        &self,
        id: i64,
        expected_version: i64,
        input: &PageInput,
        saved_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<SitePage>;
    async fn delete_page(&self, id: i64) -> StoreResult<()>;
    async fn page_by_id(&self, id: i64) -> StoreResult<SitePage>;
    async fn page_by_slug(&self, slug: &str) -> StoreResult<SitePage>;
    /// The current slug of a page that used to answer at `old_slug`.
    async fn page_slug_redirect(&self, old_slug: &str) -> StoreResult<Option<Slug>>;
    /// Every page, by title.
    async fn list_pages(&self) -> StoreResult<Vec<SitePage>>;
    /// Newest first.
    async fn page_revisions(&self, page_id: i64) -> StoreResult<Vec<PageRevision>>;
    /// Both menus' entries, each menu in order.
    async fn menu_items(&self) -> StoreResult<Vec<(Menu, MenuItem)>>;
    /// Replaces a menu's entries in one transaction.
    async fn replace_menu(&self, menu: Menu, items: &[MenuItem]) -> StoreResult<()>;
    async fn create_contact_message(
        &self,
        message: &NewContactMessage,
        now: Timestamp,
    ) -> StoreResult<ContactMessage>;
    /// Newest first.
    async fn contact_messages(&self, page: Page) -> StoreResult<Paged<ContactMessage>>;
    async fn contact_message(&self, id: i64) -> StoreResult<ContactMessage>;
    async fn mark_contact_message_read(&self, id: i64, now: Timestamp) -> StoreResult<()>;
    async fn delete_contact_message(&self, id: i64) -> StoreResult<()>;
}

/// The columns a page is read from, for statements that differ only after `FROM pages`.
macro_rules! select_page {
    ($rest:literal) => {
        concat!(
            "SELECT id, slug, title, body, seo_title, seo_description, contact_form, language, ",
            "version, created_at, updated_at FROM pages",
            $rest
        )
    };
}
pub(super) const SELECT_PAGE_BY_ID: &str = select_page!(" WHERE id = $1");
pub(super) const SELECT_PAGE_BY_SLUG: &str = select_page!(" WHERE slug = $1");
pub(super) const SELECT_PAGES: &str = select_page!(" ORDER BY title, id");
pub(super) const INSERT_PAGE: &str = "INSERT INTO pages (slug, title, body, seo_title, \
     seo_description, contact_form, version, created_at, updated_at, language) \
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7, $8) RETURNING id";
pub(super) const CURRENT_VERSION: &str = "SELECT version, slug FROM pages WHERE id = $1";
pub(super) const UPDATE_PAGE: &str = "UPDATE pages SET slug = $1, title = $2, body = $3, \
     seo_title = $4, seo_description = $5, contact_form = $6, updated_at = $7, \
     version = version + 1, language = $9 WHERE id = $8";
pub(super) const FORGET_OLD_SLUG: &str = "DELETE FROM page_slug_history WHERE old_slug = $1";
pub(super) const KEEP_OLD_SLUG: &str = "INSERT INTO page_slug_history (old_slug, page_id) \
     VALUES ($1, $2) ON CONFLICT (old_slug) DO UPDATE SET page_id = excluded.page_id";
pub(super) const INSERT_REVISION: &str = "INSERT INTO page_revisions \
     (page_id, version, kind, saved_by, saved_at, snapshot) VALUES ($1, $2, $3, $4, $5, $6)";
pub(super) const DELETE_PAGE: &str = "DELETE FROM pages WHERE id = $1";
pub(super) const SLUG_REDIRECT: &str = "SELECT p.slug FROM page_slug_history h \
     JOIN pages p ON p.id = h.page_id WHERE h.old_slug = $1";
pub(super) const SELECT_REVISIONS: &str = "SELECT r.id, r.page_id, r.version, r.kind, \
     r.saved_at, r.snapshot, u.name AS saved_by_name FROM page_revisions r \
     LEFT JOIN users u ON u.id = r.saved_by WHERE r.page_id = $1 ORDER BY r.id DESC";
pub(super) const SELECT_MENU_ITEMS: &str = "SELECT menu, label, section_id, page_id, url \
     FROM menu_items ORDER BY menu, position, id";
pub(super) const DELETE_MENU: &str = "DELETE FROM menu_items WHERE menu = $1";
pub(super) const INSERT_MENU_ITEM: &str = "INSERT INTO menu_items \
     (menu, position, label, section_id, page_id, url) VALUES ($1, $2, $3, $4, $5, $6)";
/// The columns a contact message is read from.
macro_rules! select_message {
    ($rest:literal) => {
        concat!(
            "SELECT id, page_id, name, email, message, spam_reason, created_at, read_at ",
            "FROM contact_messages",
            $rest
        )
    };
}
pub(super) const INSERT_MESSAGE: &str = "INSERT INTO contact_messages \
     (page_id, name, email, message, spam_reason, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
pub(super) const SELECT_MESSAGE: &str = select_message!(" WHERE id = $1");
pub(super) const SELECT_MESSAGES: &str =
    select_message!(" ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2");
pub(super) const COUNT_MESSAGES: &str = "SELECT COUNT(*) FROM contact_messages";
pub(super) const MARK_READ: &str =
    "UPDATE contact_messages SET read_at = COALESCE(read_at, $1) WHERE id = $2";
pub(super) const DELETE_MESSAGE: &str = "DELETE FROM contact_messages WHERE id = $1";

fn damaged(what: &str, error: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(anyhow::anyhow!("stored {what}: {error}"))
}

pub(super) fn page_from_row(row: &impl StoredRow) -> StoreResult<SitePage> {
    Ok(SitePage {
        id: row.int("id")?,
        slug: slug(row, "slug")?,
        title: row.text("title")?,
        body: row.text("body")?,
        seo_title: row.text_or_none("seo_title")?,
        seo_description: row.text_or_none("seo_description")?,
        contact_form: row.flag("contact_form")?,
        language: super::rows::language(row, "language")?,
        version: row.int("version")?,
        created_at: timestamp(row.int("created_at")?),
        updated_at: timestamp(row.int("updated_at")?),
    })
}

pub(super) fn revision_from_row(row: &impl StoredRow) -> StoreResult<PageRevision> {
    let kind = match row.text("kind")?.as_str() {
        "conflict" => RevisionKind::Conflict,
        _ => RevisionKind::Save,
    };
    Ok(PageRevision {
        id: row.int("id")?,
        page_id: row.int("page_id")?,
        version: row.int("version")?,
        kind,
        saved_by_name: row.text_or_none("saved_by_name")?,
        saved_at: timestamp(row.int("saved_at")?),
        snapshot: serde_json::from_str(&row.text("snapshot")?)
            .map_err(|e| damaged("page revision", e))?,
    })
}

pub(super) fn menu_item_from_row(row: &impl StoredRow) -> StoreResult<(Menu, MenuItem)> {
    let menu = Menu::parse(&row.text("menu")?).map_err(|e| damaged("menu", e))?;
    let target = match (
        row.int_or_none("section_id")?,
        row.int_or_none("page_id")?,
        row.text_or_none("url")?,
    ) {
        (Some(id), _, _) => MenuTarget::Section(id),
        (_, Some(id), _) => MenuTarget::Page(id),
        (_, _, Some(url)) => MenuTarget::Link(url),
        _ => return Err(damaged("menu entry", "it leads nowhere")),
    };
    Ok((
        menu,
        MenuItem {
            label: row.text_or_none("label")?,
            target,
        },
    ))
}

pub(super) fn message_from_row(row: &impl StoredRow) -> StoreResult<ContactMessage> {
    Ok(ContactMessage {
        id: row.int("id")?,
        page_id: row.int_or_none("page_id")?,
        name: row.text("name")?,
        email: row.text("email")?,
        message: row.text("message")?,
        spam_reason: row.text_or_none("spam_reason")?,
        created_at: timestamp(row.int("created_at")?),
        read_at: row.int_or_none("read_at")?.map(timestamp),
    })
}

pub(super) fn snapshot(input: &PageInput) -> StoreResult<String> {
    serde_json::to_string(input).map_err(|e| StoreError::Backend(e.into()))
}

/// Where a stored menu entry leads, as its three columns.
pub(super) fn target_columns(target: &MenuTarget) -> (Option<i64>, Option<i64>, Option<&str>) {
    match target {
        MenuTarget::Section(id) => (Some(*id), None, None),
        MenuTarget::Page(id) => (None, Some(*id), None),
        MenuTarget::Link(url) => (None, None, Some(url.as_str())),
    }
}

/// Implements `PageStore` for a store with a `pool`, `write_tx` and a `backend` function
/// in scope.
macro_rules! page_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl super::PageStore for $store {
            async fn create_page(
                &self,
                input: &super::PageInput,
                saved_by: Option<i64>,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::SitePage> {
                use super::pages as p;
                let snapshot = p::snapshot(input)?;
                let mut tx = self.write_tx().await?;
                let id: i64 = sqlx::query_scalar(p::INSERT_PAGE)
                    .bind(input.slug.as_str())
                    .bind(&input.title)
                    .bind(&input.body)
                    .bind(&input.seo_title)
                    .bind(&input.seo_description)
                    .bind(input.contact_form)
                    .bind(now.as_second())
                    .bind(input.language.as_ref().map(|l| l.as_str()))
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend)?;
                sqlx::query(p::INSERT_REVISION)
                    .bind(id)
                    .bind(1_i64)
                    .bind("save")
                    .bind(saved_by)
                    .bind(now.as_second())
                    .bind(&snapshot)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                let row = sqlx::query(p::SELECT_PAGE_BY_ID)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend)?;
                let page = p::page_from_row(&row)?;
                tx.commit().await.map_err(backend)?;
                Ok(page)
            }

            async fn update_page(
                &self,
                id: i64,
                expected_version: i64,
                input: &super::PageInput,
                saved_by: Option<i64>,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::SitePage> {
                use super::pages as p;
                let snapshot = p::snapshot(input)?;
                let mut tx = self.write_tx().await?;
                let current: Option<(i64, String)> = sqlx::query_as(p::CURRENT_VERSION)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend)?;
                let Some((current, old_slug)) = current else {
                    return Err(super::StoreError::NotFound);
                };
                let stale = current != expected_version;
                sqlx::query(p::INSERT_REVISION)
                    .bind(id)
                    .bind(if stale {
                        expected_version
                    } else {
                        expected_version + 1
                    })
                    .bind(if stale { "conflict" } else { "save" })
                    .bind(saved_by)
                    .bind(now.as_second())
                    .bind(&snapshot)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                if stale {
                    // The refused words are kept as a revision; nothing else changes.
                    tx.commit().await.map_err(backend)?;
                    return Err(super::StoreError::StaleVersion {
                        expected: expected_version,
                        current,
                    });
                }
                sqlx::query(p::UPDATE_PAGE)
                    .bind(input.slug.as_str())
                    .bind(&input.title)
                    .bind(&input.body)
                    .bind(&input.seo_title)
                    .bind(&input.seo_description)
                    .bind(input.contact_form)
                    .bind(now.as_second())
                    .bind(id)
                    .bind(input.language.as_ref().map(|l| l.as_str()))
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                if old_slug != input.slug.as_str() {
                    sqlx::query(p::FORGET_OLD_SLUG)
                        .bind(input.slug.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                    sqlx::query(p::KEEP_OLD_SLUG)
                        .bind(&old_slug)
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                let row = sqlx::query(p::SELECT_PAGE_BY_ID)
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend)?;
                let page = p::page_from_row(&row)?;
                tx.commit().await.map_err(backend)?;
                Ok(page)
            }

            async fn delete_page(&self, id: i64) -> super::StoreResult<()> {
                let done = sqlx::query(super::pages::DELETE_PAGE)
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                if done.rows_affected() == 0 {
                    return Err(super::StoreError::NotFound);
                }
                Ok(())
            }

            async fn page_by_id(&self, id: i64) -> super::StoreResult<super::SitePage> {
                let row = sqlx::query(super::pages::SELECT_PAGE_BY_ID)
                    .bind(id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::pages::page_from_row(&row)
            }

            async fn page_by_slug(&self, slug: &str) -> super::StoreResult<super::SitePage> {
                let row = sqlx::query(super::pages::SELECT_PAGE_BY_SLUG)
                    .bind(slug)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::pages::page_from_row(&row)
            }

            async fn page_slug_redirect(
                &self,
                old_slug: &str,
            ) -> super::StoreResult<Option<crate::domain::Slug>> {
                let current: Option<String> = sqlx::query_scalar(super::pages::SLUG_REDIRECT)
                    .bind(old_slug)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(current.and_then(|s| crate::domain::Slug::parse(&s).ok()))
            }

            async fn list_pages(&self) -> super::StoreResult<Vec<super::SitePage>> {
                let rows = sqlx::query(super::pages::SELECT_PAGES)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter().map(super::pages::page_from_row).collect()
            }

            async fn page_revisions(
                &self,
                page_id: i64,
            ) -> super::StoreResult<Vec<super::PageRevision>> {
                let rows = sqlx::query(super::pages::SELECT_REVISIONS)
                    .bind(page_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter().map(super::pages::revision_from_row).collect()
            }

            async fn menu_items(&self) -> super::StoreResult<Vec<(super::Menu, super::MenuItem)>> {
                let rows = sqlx::query(super::pages::SELECT_MENU_ITEMS)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                rows.iter().map(super::pages::menu_item_from_row).collect()
            }

            async fn replace_menu(
                &self,
                menu: super::Menu,
                items: &[super::MenuItem],
            ) -> super::StoreResult<()> {
                let mut tx = self.write_tx().await?;
                sqlx::query(super::pages::DELETE_MENU)
                    .bind(menu.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                for (position, item) in items.iter().enumerate() {
                    let (section_id, page_id, url) = super::pages::target_columns(&item.target);
                    sqlx::query(super::pages::INSERT_MENU_ITEM)
                        .bind(menu.as_str())
                        .bind(position as i64 + 1)
                        .bind(item.label.as_deref())
                        .bind(section_id)
                        .bind(page_id)
                        .bind(url)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend)?;
                }
                tx.commit().await.map_err(backend)
            }

            async fn create_contact_message(
                &self,
                message: &super::NewContactMessage,
                now: jiff::Timestamp,
            ) -> super::StoreResult<super::ContactMessage> {
                let id: i64 = sqlx::query_scalar(super::pages::INSERT_MESSAGE)
                    .bind(message.page_id)
                    .bind(&message.name)
                    .bind(message.email.as_str())
                    .bind(&message.message)
                    .bind(message.spam_reason.as_deref())
                    .bind(now.as_second())
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                self.contact_message(id).await
            }

            async fn contact_messages(
                &self,
                page: super::Page,
            ) -> super::StoreResult<super::Paged<super::ContactMessage>> {
                let total: i64 = sqlx::query_scalar(super::pages::COUNT_MESSAGES)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                let rows = sqlx::query(super::pages::SELECT_MESSAGES)
                    .bind(i64::from(page.per_page))
                    .bind(page.offset())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend)?;
                let items = rows
                    .iter()
                    .map(super::pages::message_from_row)
                    .collect::<super::StoreResult<Vec<_>>>()?;
                Ok(super::Paged { items, total })
            }

            async fn contact_message(&self, id: i64) -> super::StoreResult<super::ContactMessage> {
                let row = sqlx::query(super::pages::SELECT_MESSAGE)
                    .bind(id)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend)?;
                super::pages::message_from_row(&row)
            }

            async fn mark_contact_message_read(
                &self,
                id: i64,
                now: jiff::Timestamp,
            ) -> super::StoreResult<()> {
                sqlx::query(super::pages::MARK_READ)
                    .bind(now.as_second())
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                Ok(())
            }

            async fn delete_contact_message(&self, id: i64) -> super::StoreResult<()> {
                let done = sqlx::query(super::pages::DELETE_MESSAGE)
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err(backend)?;
                if done.rows_affected() == 0 {
                    return Err(super::StoreError::NotFound);
                }
                Ok(())
            }
        }
    };
}
pub(super) use page_store;
