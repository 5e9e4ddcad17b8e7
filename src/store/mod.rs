//! The storage seam: the records Newsdesk keeps and the traits every backend implements.
//!
//! SQL lives only below this module. `open` picks the backend from the database URL.

mod bylines;
mod corrections;
mod counted;
mod embeds;
mod extras;
mod front_page;
mod galleries;
mod ghost;
mod imports;
mod integrations;
mod lists;
mod live_blog;
mod pages;
mod polls;
mod postgres;
mod reactions;
mod review;
mod rows;
mod sqlite;
mod stats;
mod translations;
mod videos;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use async_trait::async_trait;
use jiff::Timestamp;
use serde::Serialize;

use crate::domain::{ArticleFormat, ArticleStatus, Email, Language, ReactionKind, Role, Slug};

pub use bylines::BylineStore;
pub use corrections::{
    Correction, CorrectionKind, CorrectionStore, CorrectionText, CorrectionWording,
    PublicCorrection, SavedBy, Source, SourceKind,
};
pub use embeds::{EmbedPreview, EmbedStore};
pub use extras::{ExtrasStore, StoryExtras};
pub use front_page::{BreakingNews, FrontPageStore, Placement, SectionLayout, Slot};
pub use galleries::{GalleryItem, GalleryPhoto, GalleryStore};
pub use ghost::{
    AuthorCondition, AuthorField, ContentApiStore, Filter, GhostTag, Order, StoryCondition,
    StoryField, StoryTime, TagCondition, TagField, Text, TimeComparison, Window,
};
pub use imports::{
    ImportMapping, ImportStore, ImportedComment, Mapped, Moved, OldAddress, OldTarget, ParentRef,
};
pub use integrations::{Integration, IntegrationStore, NewIntegration};
pub use lists::{ListItem, ListStore, NewListItem, StoryList};
pub use live_blog::{Coverage, EntryOrder, KeyEvent, LiveBlogStore, LiveEntry, NewEntry};
pub use pages::{
    ContactMessage, Menu, MenuItem, MenuTarget, NewContactMessage, PageInput, PageRevision,
    PageStore, SitePage,
};
pub use polls::{Ballot, NewPoll, Poll, PollOption, PollStore};
pub use postgres::PgStore;
pub use review::{ArticleNote, DeskEntry, PreviewLink, ReviewStore};
pub use sqlite::{SqliteStore, sqlite_file};
pub use stats::{CreatedBy, ReadDetails, StatsStore, StoryNumbers, StoryReads, StorySort};
pub use translations::{Translation, TranslationStore};
pub use videos::{LeadVideo, LeadVideoInput, NewVideo, Video, VideoStore};

/// What can go wrong below the seam, in terms the caller can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique value is already taken; `field` names it as a person would.
    #[error("{field} is already taken")]
    Taken { field: &'static str },
    /// The record changed since the caller read it.
    #[error("version {current} is newer than the version {expected} this change was based on")]
    StaleVersion { expected: i64, current: i64 },
    /// The change would break a rule that involves other records.
    #[error("{0}")]
    InUse(String),
    /// The cause is shown in the message, so it is not also a `source`: an error chain
    /// printed in full (`{:#}`) would say it twice.
    #[error("storage failed: {0:#}")]
    Backend(anyhow::Error),
}

impl From<anyhow::Error> for StoreError {
    fn from(error: anyhow::Error) -> Self {
        StoreError::Backend(error)
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A search counts and ranks only the newest this many stories that match (a word in
/// every story would otherwise rank the whole archive on each search).
pub const SEARCH_WINDOW: i64 = 1000;

/// Whether a search's last word is long enough to be read as the start of a word, when no
/// story holds it as typed.
pub(crate) fn may_be_prefix(term: &str) -> bool {
    term.chars().count() >= 3
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: i64,
    pub slug: Slug,
    pub name: String,
    pub description: Option<String>,
    /// Its place in the menu and among the home page's blocks, smallest first.
    pub position: i64,
    /// The section this one is a subsection of (News › Counties).
    pub parent_id: Option<i64>,
    pub parent_slug: Option<Slug>,
    /// Whether the home page shows a block of its stories.
    pub on_home: bool,
    pub block_style: BlockStyle,
    /// A CSS colour (`#a4161a`) for its kicker and block rule.
    pub colour: Option<String>,
    /// The edition it belongs to, with its stories: `None` is the site's own language.
    pub language: Option<Language>,
}

impl Section {
    /// Its address: `/section/SLUG`, or `/section/PARENT/SLUG` for a subsection, under
    /// its edition's (`/sw/section/habari`).
    pub fn path(&self) -> String {
        let path = match &self.parent_slug {
            Some(parent) => format!("/section/{parent}/{}", self.slug),
            None => format!("/section/{}", self.slug),
        };
        crate::editions::path_in(self.language, &path)
    }
}

/// How a section's block on the home page looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockStyle {
    /// One story with a photo, then a list of headlines.
    #[default]
    LeadList,
    /// Four stories with photos.
    Grid,
    /// Headlines only.
    List,
}

impl BlockStyle {
    pub fn parse(text: &str) -> Result<BlockStyle, String> {
        match text {
            "lead_list" => Ok(BlockStyle::LeadList),
            "grid" => Ok(BlockStyle::Grid),
            "list" => Ok(BlockStyle::List),
            other => Err(format!(
                "\"{other}\" is not a block style; use lead_list, grid or list"
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BlockStyle::LeadList => "lead_list",
            BlockStyle::Grid => "grid",
            BlockStyle::List => "list",
        }
    }
}

#[derive(Debug, Clone)]
pub struct SectionInput {
    pub slug: Slug,
    pub name: String,
    pub description: Option<String>,
    /// Its edition: `None` is the site's own language.
    pub language: Option<Language>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tag {
    pub id: i64,
    pub slug: Slug,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Author {
    pub id: i64,
    pub slug: Slug,
    pub name: String,
    pub bio: Option<String>,
    pub photo_url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AuthorInput {
    pub slug: Slug,
    pub name: String,
    pub bio: Option<String>,
    pub photo_url: Option<String>,
}

/// The photo at the top of an article, with the credit the photographer is owed.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct LeadImage {
    pub url: String,
    pub alt: String,
    pub credit: Option<String>,
    pub caption: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub id: i64,
    pub slug: Slug,
    pub title: String,
    pub standfirst: Option<String>,
    pub body: String,
    pub status: ArticleStatus,
    pub section: Section,
    pub tags: Vec<Tag>,
    pub authors: Vec<Author>,
    pub lead_image: Option<LeadImage>,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    pub published_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i64,
    pub created_by: Option<i64>,
    /// Whether readers may comment (the site may also close comments after some days).
    pub comments_open: bool,
    /// The label shown before its headline (`Exclusive`, `Sponsored`...), if any.
    pub label: Option<String>,
    /// Standard text, or a live blog, gallery, video or numbered list.
    pub format: ArticleFormat,
    /// Trust on the record: see `crate::trust`.
    pub dateline: Option<String>,
    pub embargo_until: Option<Timestamp>,
    pub source: Source,
    /// The "Updated" time readers see; a minor edit leaves it.
    pub updated_shown_at: Option<Timestamp>,
    /// When its public notes last changed; `None` while it has none.
    pub noted_at: Option<Timestamp>,
    /// The stories that are translations of one another share a group (`crate::editions`).
    pub translation_group: Option<i64>,
}

impl Article {
    /// The edition the story is in: its section's.
    pub fn language(&self) -> Option<Language> {
        self.section.language
    }
}

impl Article {
    /// Whether readers may see the article now: published, and its time has come.
    pub fn is_public(&self, now: Timestamp) -> bool {
        self.status == ArticleStatus::Published && self.published_at.is_some_and(|at| at <= now)
    }
}

/// Everything an editor sets on an article; ids already resolved and checked. Revisions
/// keep it as their snapshot.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct ArticleInput {
    pub slug: Slug,
    pub title: String,
    pub standfirst: Option<String>,
    pub body: String,
    pub status: ArticleStatus,
    pub section_id: i64,
    /// Tags by slug and display name; missing ones are created.
    pub tags: Vec<(Slug, String)>,
    pub author_ids: Vec<i64>,
    pub lead_image: Option<LeadImage>,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    pub published_at: Option<Timestamp>,
    pub comments_open: bool,
    /// Revisions saved before formats existed read back as standard stories.
    #[serde(default)]
    pub format: ArticleFormat,
    /// Trust on the record (`crate::trust`); absent from revisions saved before it existed.
    #[serde(default)]
    pub dateline: Option<String>,
    #[serde(default)]
    pub embargo_until: Option<Timestamp>,
    #[serde(default)]
    pub source: Source,
    #[serde(default)]
    pub updated_shown_at: Option<Timestamp>,
}

/// A saved state of an article: who saved it, when, and what it held.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub id: i64,
    pub article_id: i64,
    pub version: i64,
    pub kind: RevisionKind,
    pub saved_by: Option<i64>,
    pub saved_by_name: Option<String>,
    pub saved_at: Timestamp,
    pub snapshot: serde_json::Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RevisionKind {
    /// A save that became the article.
    Save,
    /// A save refused because the article had moved on; kept so no words are lost.
    Conflict,
}

/// Which published articles a public list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PublicFilter {
    /// Only stories of one edition; `None` lists every edition's.
    pub edition: Option<EditionFilter>,
    pub section_id: Option<i64>,
    pub tag_id: Option<i64>,
    pub author_id: Option<i64>,
    /// Only articles published at or after this time (the news sitemap's two days).
    pub published_since: Option<Timestamp>,
}

/// One edition's stories: those filed in its sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditionFilter {
    /// The site's own language: sections with no language of their own.
    Default,
    Language(Language),
}

impl EditionFilter {
    /// The edition of a section (or its stories) in `language`.
    pub fn of(language: Option<Language>) -> EditionFilter {
        language.map_or(EditionFilter::Default, EditionFilter::Language)
    }

    /// The language a section must have to be in the edition (`None`: the site's own).
    pub fn language(self) -> Option<Language> {
        match self {
            EditionFilter::Default => None,
            EditionFilter::Language(language) => Some(language),
        }
    }
}

/// The condition that keeps one edition's stories (`a` is the article), for either engine:
/// a language code holds only ASCII letters, digits and a hyphen, so it is written into
/// the statement as it is (one statement per edition, kept prepared like the others).
pub(crate) fn edition_condition(edition: Option<EditionFilter>) -> String {
    match edition {
        None => String::new(),
        Some(EditionFilter::Default) => {
            " AND a.section_id IN (SELECT e.id FROM sections e WHERE e.language IS NULL)".into()
        }
        Some(EditionFilter::Language(language)) => format!(
            " AND a.section_id IN (SELECT e.id FROM sections e WHERE e.language = '{}')",
            language.as_str()
        ),
    }
}

/// Which articles the newsroom's list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct NewsroomFilter<'a> {
    /// Only one edition's stories.
    pub edition: Option<EditionFilter>,
    pub status: Option<ArticleStatus>,
    pub section_id: Option<i64>,
    /// Words every listed article contains (headline, standfirst, body, tags, bylines),
    /// whatever its status; the last may be the start of a word.
    pub search: Option<&'a str>,
    /// Only copy from this kind of source.
    pub source: Option<SourceKind>,
}

#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub number: u32,
    pub per_page: u32,
}

impl Page {
    pub fn offset(self) -> i64 {
        i64::from(self.number.saturating_sub(1)) * i64::from(self.per_page)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: i64,
    pub email: Email,
    pub name: String,
    pub role: Role,
    pub active: bool,
    #[serde(skip)]
    pub password_hash: String,
    pub created_at: Timestamp,
}

/// What an admin may change about a member of the newsroom; `None` keeps the value.
#[derive(Debug, Clone, Default)]
pub struct UserChange {
    pub name: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub password_hash: Option<String>,
}

/// One line of the audit log.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Timestamp,
    pub user_id: Option<i64>,
    /// Who did it, as they were named at the time (`scheduler` for the server itself).
    pub actor: String,
    /// What was done: `publish`, `unpublish`, `schedule`, `delete article`, `change role`...
    pub action: String,
    /// What it was done to, as a person would name it.
    pub subject: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewAuditEntry {
    pub user_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: Option<String>,
}

/// The things besides articles whose old slugs keep answering with a redirect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlugKind {
    Section,
    Tag,
    Author,
}

impl SlugKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SlugKind::Section => "section",
            SlugKind::Tag => "tag",
            SlugKind::Author => "author",
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub name: String,
    pub role: Role,
    pub password_hash: String,
}

#[async_trait]
pub trait SectionStore: Send + Sync {
    async fn create_section(&self, input: &SectionInput) -> StoreResult<Section>;
    async fn update_section(&self, id: i64, input: &SectionInput) -> StoreResult<Section>;
    /// Refused with `InUse` while articles are filed under the section.
    async fn delete_section(&self, id: i64) -> StoreResult<()>;
    async fn section_by_id(&self, id: i64) -> StoreResult<Section>;
    async fn section_by_slug(&self, slug: &str) -> StoreResult<Section>;
    async fn list_sections(&self) -> StoreResult<Vec<Section>>;
}

#[async_trait]
pub trait TagStore: Send + Sync {
    async fn create_tag(&self, slug: &Slug, name: &str) -> StoreResult<Tag>;
    async fn rename_tag(&self, id: i64, slug: &Slug, name: &str) -> StoreResult<Tag>;
    async fn delete_tag(&self, id: i64) -> StoreResult<()>;
    /// Moves every article tagged `from` to `into`, then removes `from`; its page redirects.
    async fn merge_tags(&self, from: i64, into: i64) -> StoreResult<Tag>;
    /// How many articles carry each tag, by tag id.
    async fn tag_usage(&self) -> StoreResult<HashMap<i64, i64>>;
    async fn tag_by_id(&self, id: i64) -> StoreResult<Tag>;
    async fn tag_by_slug(&self, slug: &str) -> StoreResult<Tag>;
    async fn list_tags(&self) -> StoreResult<Vec<Tag>>;
}

#[async_trait]
pub trait AuthorStore: Send + Sync {
    async fn create_author(&self, input: &AuthorInput) -> StoreResult<Author>;
    async fn update_author(&self, id: i64, input: &AuthorInput) -> StoreResult<Author>;
    /// Refused with `InUse` while the author has a byline.
    async fn delete_author(&self, id: i64) -> StoreResult<()>;
    async fn author_by_id(&self, id: i64) -> StoreResult<Author>;
    async fn author_by_slug(&self, slug: &str) -> StoreResult<Author>;
    async fn list_authors(&self) -> StoreResult<Vec<Author>>;
    /// How many articles carry each author's byline, by author id.
    async fn byline_counts(&self) -> StoreResult<HashMap<i64, i64>>;
}

#[async_trait]
pub trait ArticleStore: Send + Sync {
    /// Creates the article and its first revision together.
    async fn create_article(
        &self,
        input: &ArticleInput,
        saved_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<Article>;
    /// Saves a new version if `expected_version` is still current; keeps a revision either way.
    async fn update_article(
        &self,
        id: i64,
        expected_version: i64,
        input: &ArticleInput,
        saved_by: Option<i64>,
        now: Timestamp,
    ) -> StoreResult<Article>;
    async fn delete_article(&self, id: i64) -> StoreResult<()>;
    async fn article_by_id(&self, id: i64) -> StoreResult<Article>;
    /// A published article whose time has come, by its current slug.
    async fn public_article_by_slug(&self, slug: &str, now: Timestamp) -> StoreResult<Article>;
    /// The current slug of an article that used to answer at `old_slug`.
    async fn article_slug_redirect(&self, old_slug: &str) -> StoreResult<Option<Slug>>;
    /// Published articles, newest first.
    async fn list_public_articles(
        &self,
        filter: PublicFilter,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<Article>>;
    /// How many published articles a public list holds (counts them all: readers' pages
    /// keep the answer in memory, see `crate::reading`).
    async fn count_public_articles(&self, filter: PublicFilter, now: Timestamp)
    -> StoreResult<i64>;
    /// One page of a public list, newest first, without counting the list.
    async fn public_article_page(
        &self,
        filter: PublicFilter,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Vec<Article>>;
    /// The newest published articles, without counting them all (feeds, side lists).
    async fn latest_public_articles(
        &self,
        filter: PublicFilter,
        limit: u32,
        now: Timestamp,
    ) -> StoreResult<Vec<Article>>;
    /// Every article the newsroom can see, most recently updated first.
    async fn list_articles(
        &self,
        filter: NewsroomFilter<'_>,
        page: Page,
    ) -> StoreResult<Paged<Article>>;
    async fn list_revisions(&self, article_id: i64) -> StoreResult<Vec<Revision>>;
    /// Publishes scheduled articles whose time has come, with an audit line each (actor
    /// `scheduler`) in the same transaction; returns their ids.
    async fn publish_due(&self, now: Timestamp) -> StoreResult<Vec<i64>>;
    async fn count_articles(&self) -> StoreResult<i64>;
}

#[async_trait]
pub trait UserStore: Send + Sync {
    async fn create_user(&self, user: &NewUser, now: Timestamp) -> StoreResult<User>;
    async fn user_by_email(&self, email: &Email) -> StoreResult<User>;
    async fn count_users(&self) -> StoreResult<i64>;
    /// Stores only the token's hash; the token itself is shown once and never kept.
    async fn create_api_token(
        &self,
        user_id: i64,
        token_hash: &str,
        label: &str,
        now: Timestamp,
    ) -> StoreResult<i64>;
    /// The active user a token hash belongs to.
    async fn user_by_token_hash(&self, token_hash: &str, now: Timestamp) -> StoreResult<User>;
    async fn user_by_id(&self, id: i64) -> StoreResult<User>;
    async fn list_users(&self) -> StoreResult<Vec<User>>;
    /// Changes a user; deactivating one also ends their sessions.
    async fn update_user(&self, id: i64, change: &UserChange) -> StoreResult<User>;
    /// Stores only the hash of the session token the browser holds.
    async fn create_session(
        &self,
        user_id: i64,
        token_hash: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()>;
    /// The active user an unexpired session belongs to.
    async fn user_by_session(&self, token_hash: &str, now: Timestamp) -> StoreResult<User>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
    /// Ends every session of a user ("log out everywhere"); answers how many there were.
    async fn delete_user_sessions(&self, user_id: i64) -> StoreResult<u64>;
    async fn create_password_reset(
        &self,
        user_id: i64,
        token_hash: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> StoreResult<()>;
    /// The user an unused, unexpired reset link is for.
    async fn password_reset_user(&self, token_hash: &str, now: Timestamp) -> StoreResult<i64>;
    /// Uses a reset link up, setting the new password and ending the user's sessions.
    async fn complete_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> StoreResult<User>;
}

#[async_trait]
pub trait AuditStore: Send + Sync {
    async fn record_audit(&self, entry: &NewAuditEntry, now: Timestamp) -> StoreResult<()>;
    /// Newest first.
    async fn list_audit(&self, page: Page) -> StoreResult<Paged<AuditEntry>>;
}

/// Reaction totals of one article by kind. Kinds nobody has chosen may be missing.
pub type ReactionCounts = BTreeMap<String, i64>;

#[async_trait]
pub trait ReactionStore: Send + Sync {
    /// Sets (`Some`) or takes back (`None`) one reader's reaction to a published article,
    /// changing the reader's row and the article's totals together. Answers the totals
    /// right after the change; `NotFound` if the article is not public.
    async fn set_reaction(
        &self,
        article_id: i64,
        reader_id: &str,
        kind: Option<&ReactionKind>,
        now: Timestamp,
    ) -> StoreResult<ReactionCounts>;
    async fn reaction_counts(&self, article_id: i64) -> StoreResult<ReactionCounts>;
    async fn reaction_counts_for(
        &self,
        article_ids: &[i64],
    ) -> StoreResult<HashMap<i64, ReactionCounts>>;
    async fn reader_reaction(
        &self,
        article_id: i64,
        reader_id: &str,
    ) -> StoreResult<Option<String>>;
    /// The totals counted afresh from the readers' rows, to check the kept totals against.
    async fn count_reaction_rows(&self, article_id: i64) -> StoreResult<ReactionCounts>;
}

/// Where a comment is in moderation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentStatus {
    Pending,
    Approved,
    Spam,
    Deleted,
}

impl CommentStatus {
    pub fn parse(value: &str) -> Result<CommentStatus, String> {
        match value {
            "pending" => Ok(CommentStatus::Pending),
            "approved" => Ok(CommentStatus::Approved),
            "spam" => Ok(CommentStatus::Spam),
            "deleted" => Ok(CommentStatus::Deleted),
            other => Err(format!(
                "\"{other}\" is not a comment status; use pending, approved, spam or deleted"
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CommentStatus::Pending => "pending",
            CommentStatus::Approved => "approved",
            CommentStatus::Spam => "spam",
            CommentStatus::Deleted => "deleted",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Comment {
    pub id: i64,
    pub article_id: i64,
    pub parent_id: Option<i64>,
    /// 0 for a comment on the article, 1 for a reply to it, and so on.
    pub depth: i64,
    pub author_name: String,
    /// Never shown publicly; moderators see it.
    pub author_email: Option<Email>,
    pub body: String,
    pub status: CommentStatus,
    /// Why a rule held or refused the comment, for the moderator.
    pub reason: Option<String>,
    /// The reader who wrote it, so they alone can see it while it waits.
    pub reader_id: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct NewComment {
    pub article_id: i64,
    /// Where the reply attaches, already moved up to the deepest allowed level.
    pub parent_id: Option<i64>,
    pub author_name: String,
    pub author_email: Option<Email>,
    pub body: String,
    pub status: CommentStatus,
    pub reason: Option<String>,
    pub reader_id: Option<String>,
}

#[async_trait]
pub trait CommentStore: Send + Sync {
    /// Saves a comment; its depth follows from its parent, which must be on the same article.
    async fn create_comment(&self, comment: &NewComment, now: Timestamp) -> StoreResult<Comment>;
    async fn comment_by_id(&self, id: i64) -> StoreResult<Comment>;
    /// Every comment on an article, oldest first, whatever its status.
    async fn article_comments(&self, article_id: i64) -> StoreResult<Vec<Comment>>;
    /// Comments across the site for moderators, newest first.
    async fn list_comments(
        &self,
        status: Option<CommentStatus>,
        page: Page,
    ) -> StoreResult<Paged<Comment>>;
    /// Changes a comment's status and/or body.
    async fn update_comment(
        &self,
        id: i64,
        status: Option<CommentStatus>,
        body: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<Comment>;
    /// Approved comments per article; articles without any are 0.
    async fn approved_comment_counts(&self, article_ids: &[i64]) -> StoreResult<HashMap<i64, i64>>;
    /// Whether this reader has a comment on the article that is not (yet) approved.
    async fn reader_has_waiting_comment(
        &self,
        article_id: i64,
        reader_id: &str,
    ) -> StoreResult<bool>;
    /// Whether someone with this email has had a comment approved before.
    async fn has_approved_comment(&self, email: &Email) -> StoreResult<bool>;
}

/// One served size of a library image.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct MediaVariant {
    pub width: u32,
    pub height: u32,
    pub mime: String,
    /// The storage key; its last part is the name in the `/media/` URL.
    pub key: String,
}

/// A photo in the media library.
#[derive(Debug, Clone, Serialize)]
pub struct Media {
    pub id: i64,
    pub hash: String,
    pub original_type: String,
    /// Where the file as uploaded is kept; never served.
    #[serde(skip)]
    pub original_key: String,
    pub width: u32,
    pub height: u32,
    pub bytes: i64,
    pub alt: String,
    pub credit: Option<String>,
    pub caption: Option<String>,
    pub variants: Vec<MediaVariant>,
    pub uploaded_by: Option<i64>,
    pub uploaded_by_name: Option<String>,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct NewMedia {
    pub hash: String,
    pub original_type: String,
    pub original_key: String,
    pub width: u32,
    pub height: u32,
    pub bytes: i64,
    pub alt: String,
    pub credit: Option<String>,
    pub caption: Option<String>,
    pub variants: Vec<MediaVariant>,
    pub uploaded_by: Option<i64>,
}

#[async_trait]
pub trait MediaStore: Send + Sync {
    /// Adds a photo; `Taken { field: "hash" }` when the same bytes are already in the library.
    async fn create_media(&self, media: &NewMedia, now: Timestamp) -> StoreResult<Media>;
    async fn media_by_id(&self, id: i64) -> StoreResult<Media>;
    async fn media_by_hash(&self, hash: &str) -> StoreResult<Media>;
    /// Newest first; `search` matches alt text, credit and caption.
    async fn list_media(&self, search: Option<&str>, page: Page) -> StoreResult<Paged<Media>>;
    async fn update_media(
        &self,
        id: i64,
        alt: &str,
        credit: Option<&str>,
        caption: Option<&str>,
    ) -> StoreResult<Media>;
    /// Articles that show the photo (as lead photo or in the body): id and title.
    async fn media_usage(&self, hash: &str) -> StoreResult<Vec<(i64, String)>>;
    /// Removes a photo no article uses; `InUse` names the articles that do.
    async fn delete_media(&self, id: i64) -> StoreResult<Media>;
}

/// Marks around a matched term in a search snippet; never typed by people, so the snippet
/// can be escaped whole and the marks turned into `<mark>` afterwards.
pub const MATCH_START: char = '\u{E000}';
pub const MATCH_END: char = '\u{E001}';

#[derive(Debug, Clone)]
pub struct SearchHit {
    pub article: Article,
    /// Plain text around the match, with `MATCH_START`/`MATCH_END` around matched terms.
    pub snippet: String,
}

/// One line of a sitemap.
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    pub id: i64,
    pub slug: Slug,
    pub updated_at: Timestamp,
    /// Its edition (`None`: the site's own language), for its address.
    pub language: Option<Language>,
    pub translation_group: Option<i64>,
}

#[async_trait]
pub trait DiscoveryStore: Send + Sync {
    /// Published articles containing every term (the last may be a prefix), best first:
    /// title matches outrank standfirst, tags, authors and body matches.
    async fn search_articles(
        &self,
        terms: &[String],
        edition: Option<EditionFilter>,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<SearchHit>>;
    /// Adds buffered read counts: (article id, Unix hour, reads).
    async fn record_views(&self, views: &[(i64, i64, i64)]) -> StoreResult<()>;
    /// Total reads of an article over all time.
    async fn article_view_total(&self, article_id: i64) -> StoreResult<i64>;
    /// Published articles with the most reads since a time, with their reads.
    async fn most_read(
        &self,
        since: Timestamp,
        limit: u32,
        edition: Option<EditionFilter>,
        now: Timestamp,
    ) -> StoreResult<Vec<(Article, i64)>>;
    /// Published articles with the most reactions given since a time, with their number.
    async fn most_reacted(
        &self,
        since: Timestamp,
        limit: u32,
        edition: Option<EditionFilter>,
        now: Timestamp,
    ) -> StoreResult<Vec<(Article, i64)>>;
    /// Published articles that share tags (most first) or the section, newest first.
    async fn related_articles(
        &self,
        article_id: i64,
        limit: u32,
        now: Timestamp,
    ) -> StoreResult<Vec<Article>>;
    /// An article page's two side lists at once: up to `related` stories sharing its tags
    /// or section (as `related_articles`) and the `latest` newest in its section, the
    /// article itself in neither.
    async fn side_lists(
        &self,
        article: &Article,
        related: u32,
        latest: u32,
        now: Timestamp,
    ) -> StoreResult<(Vec<Article>, Vec<Article>)>;
    /// Public article addresses for sitemaps, oldest first so pages stay stable.
    async fn sitemap_entries(
        &self,
        edition: Option<EditionFilter>,
        page: Page,
        now: Timestamp,
    ) -> StoreResult<Paged<SitemapEntry>>;
}

/// The kept records of a site in the order an import must restore them (parents before
/// children). Derived data (reaction totals, the search index) and short-lived data
/// (sessions, reset links) are not in it: they are rebuilt or simply start afresh.
pub const ARCHIVE_TABLES: &[&str] = &[
    "site_meta",
    "users",
    "api_tokens",
    "integrations",
    "sections",
    "tags",
    "authors",
    "person_bylines",
    "articles",
    "article_corrections",
    "article_correction_history",
    "article_desk",
    "article_notes",
    "front_slots",
    "breaking_news",
    "article_authors",
    "article_tags",
    "article_revisions",
    "article_slug_history",
    "slug_history",
    "reactions",
    "reaction_baselines",
    "comments",
    "polls",
    "poll_options",
    "poll_votes",
    "article_views",
    "article_view_totals",
    "site_views",
    "article_referrers",
    "media",
    "pages",
    "page_revisions",
    "page_slug_history",
    "menu_items",
    "contact_messages",
    "live_blogs",
    "live_entries",
    "gallery_photos",
    "list_items",
    "list_numbering",
    "videos",
    "lead_videos",
    "import_map",
    "old_addresses",
    "audit_log",
];

/// One record of an archive: its table and its columns by name.
pub type ArchiveRow = (String, serde_json::Map<String, serde_json::Value>);

/// Rows per table.
pub type TableCounts = BTreeMap<String, i64>;

/// Everything Newsdesk keeps, behind one value the rest of the program shares.
#[async_trait]
pub trait Store:
    SectionStore
    + TagStore
    + AuthorStore
    + ArticleStore
    + UserStore
    + ReactionStore
    + CommentStore
    + DiscoveryStore
    + AuditStore
    + MediaStore
    + IntegrationStore
    + StatsStore
    + ContentApiStore
    + ImportStore
    + ReviewStore
    + BylineStore
    + EmbedStore
    + FrontPageStore
    + PageStore
    + CorrectionStore
    + LiveBlogStore
    + PollStore
    + GalleryStore
    + ListStore
    + VideoStore
    + ExtrasStore
    + TranslationStore
{
    /// The current slug of a section, tag or author that used to answer at `old_slug`.
    async fn slug_redirect(&self, kind: SlugKind, old_slug: &str) -> StoreResult<Option<Slug>>;
    /// A site-wide value by name (settings an admin saved), if one was ever stored.
    async fn site_value(&self, name: &str) -> StoreResult<Option<String>>;
    async fn set_site_value(&self, name: &str, value: &str) -> StoreResult<()>;
    /// Hands every kept record to `sink`, table by table in `ARCHIVE_TABLES` order.
    async fn export_rows(
        &self,
        sink: &mut (dyn FnMut(ArchiveRow) -> anyhow::Result<()> + Send),
    ) -> StoreResult<TableCounts>;
    /// Restores an archive into an empty site in one transaction, keeping every id, then
    /// rebuilds the derived data. Refused (`InUse`) if the site has users or articles.
    async fn import_rows(
        &self,
        rows: &mut (dyn Iterator<Item = anyhow::Result<ArchiveRow>> + Send),
    ) -> StoreResult<TableCounts>;
    /// Rows per archived table, to check a move against.
    async fn table_counts(&self) -> StoreResult<TableCounts>;
    /// Writes the whole database as it stood at one moment to a new file at `path` while
    /// the site keeps serving, and answers the rows per archived table in that copy. `None`
    /// from an engine that has no such file to give (PostgreSQL: a backup there is the
    /// archive, written in one snapshot, or the operator's `pg_dump`).
    async fn copy_database(&self, _path: &std::path::Path) -> StoreResult<Option<TableCounts>> {
        Ok(None)
    }
    /// What the engine finds wrong in its own files (`PRAGMA integrity_check` and foreign
    /// keys on SQLite); empty when sound, and on engines that keep no files of ours.
    async fn check_integrity(&self) -> StoreResult<Vec<String>> {
        Ok(Vec::new())
    }
    /// A site-wide secret by name, made from `fresh` the first time it is asked for and the
    /// same ever after, for every instance sharing the database.
    async fn site_secret(&self, name: &str, fresh: &str) -> StoreResult<String>;
    /// Brings the schema up to date; safe to run at every start.
    async fn migrate(&self) -> StoreResult<()>;
    /// Waits for in-flight writes and closes connections.
    async fn close(&self);
    /// Whether the database answers, for a load balancer's readiness check.
    async fn ping(&self) -> StoreResult<()> {
        self.count_users().await.map(|_| ())
    }
    /// Tells the other instances sharing this database about a change, without waiting.
    /// An SQLite file belongs to one server process, so there it goes nowhere.
    fn notify_peers(&self, _payload: String) {}
    /// Statements run through the read pool since the store opened (transactions are not
    /// counted), for `/metrics` and the statement budget per page.
    fn statements(&self) -> u64 {
        0
    }
    /// The other instances' notices as they arrive; `None` in the stream means some may
    /// have been missed (the connection was lost). `None` here: there are no others.
    async fn listen_peers(
        &self,
    ) -> StoreResult<Option<tokio::sync::mpsc::Receiver<Option<String>>>> {
        Ok(None)
    }
}

/// Opens the store a database URL names. `sqlite:` is the embedded default; `postgres://`
/// is for sites that run several instances.
pub async fn open(database_url: &str) -> anyhow::Result<Arc<dyn Store>> {
    if database_url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::open(database_url).await?))
    } else if database_url.starts_with("postgres:") || database_url.starts_with("postgresql:") {
        Ok(Arc::new(PgStore::open(database_url).await?))
    } else {
        anyhow::bail!(
            "database URL {:?} has an unknown scheme; use sqlite:PATH or postgres://USER@HOST/DATABASE",
            redact_url(database_url)
        )
    }
}

/// Puts a copy made by `copy_database` in place as the database `database_url` names,
/// which must not exist yet: only a site on SQLite has a file to put back.
pub async fn install_database_copy(
    database_url: &str,
    copy: &std::path::Path,
) -> anyhow::Result<()> {
    if !database_url.starts_with("sqlite:") {
        anyhow::bail!(
            "this backup is a SQLite site's database file and this site is on {}; restore it \
             into a data folder on SQLite, then move it with `newsdesk export` and `newsdesk import`",
            redact_url(database_url)
        );
    }
    SqliteStore::install_copy(database_url, copy).await
}

pub use crate::secrets::redact_url;

#[cfg(test)]
mod tests {
    use super::StoreError;

    #[test]
    fn a_storage_failure_says_its_cause_once() {
        let cause = anyhow::anyhow!("the archive was cut off").context("line 7");
        let error = anyhow::Error::new(StoreError::from(cause));
        assert_eq!(
            format!("{error:#}"),
            "storage failed: line 7: the archive was cut off"
        );
    }
}
