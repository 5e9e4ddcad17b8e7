//! The newsroom's rules: what a valid article, section, tag or author is, who may publish,
//! and how slugs stay unique. The API, the CLI and the demo loader all go through here.

use std::future::Future;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::auth;
use crate::changes::{self, Touched};
use crate::domain::{
    ArticleFormat, ArticleStatus, Email, FieldErrors, Problem, Role, Slug, optional_text,
    parse_public_url, required_text,
};
use crate::i18n::Phrase;
use crate::review::{REVIEW, Review};
use crate::store::{
    Article, ArticleInput, Author, AuthorInput, LeadImage, NewAuditEntry, NewUser, Revision,
    Section, SectionInput, Store, StoreError, Tag, User, UserChange,
};

pub const MAX_TITLE: usize = 300;
pub const MAX_STANDFIRST: usize = 1_000;
pub const MAX_BODY: usize = 200_000;
pub const MAX_NAME: usize = 120;
pub const MAX_BIO: usize = 5_000;
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_NAME: usize = 60;
pub const MAX_AUTHORS: usize = 10;

/// The site value that makes authors submit their stories for review.
const AUTHORS_NEED_REVIEW: &str = "authors_need_review";

/// Why the newsroom refused a change.
#[derive(Debug, thiserror::Error)]
pub enum NewsroomError {
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Forbidden(String),
    /// The article moved on since the editor loaded it; their text is in `submitted`.
    #[error("this article was changed by someone else (now version {}) since version {expected} was loaded", current.version)]
    Conflict {
        expected: i64,
        current: Box<Article>,
        submitted: Box<ArticleInput>,
    },
    #[error("{0}")]
    InUse(String),
    /// The story would go out before its embargo lifts.
    #[error("{}", crate::trust::embargo_refusal(*until))]
    Embargoed { until: Timestamp },
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for NewsroomError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => NewsroomError::NotFound,
            StoreError::Taken { field } => NewsroomError::Invalid(FieldErrors::single(
                field,
                Problem::new(
                    format!("this {field} is already taken"),
                    Phrase::new("ed-taken").with("field", field),
                ),
            )),
            StoreError::InUse(message) => NewsroomError::InUse(message),
            other => NewsroomError::Store(other),
        }
    }
}

pub type NewsroomResult<T> = Result<T, NewsroomError>;

/// The lead image as an editor or script sends it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeadImageRequest {
    pub url: String,
    #[serde(default)]
    pub alt: String,
    pub credit: Option<String>,
    pub caption: Option<String>,
}

/// An article as an editor or script sends it. On create, missing fields take defaults;
/// on update, missing fields keep their current value.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRequest {
    pub title: Option<String>,
    pub standfirst: Option<String>,
    pub body: Option<String>,
    pub section: Option<String>,
    pub tags: Option<Vec<String>>,
    pub authors: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present_or_null")]
    pub lead_image: Option<Option<LeadImageRequest>>,
    pub status: Option<String>,
    pub published_at: Option<String>,
    pub slug: Option<String>,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    /// Whether readers may comment; open unless set to false.
    pub comments_open: Option<bool>,
    /// `standard` unless set: `live`, `gallery`, `video` or `list`.
    pub format: Option<String>,
    /// Trust on the record (`crate::trust`): the place before the first paragraph, the
    /// embargo (RFC 3339; `null` or `""` lifts it), where the copy came from, and whether
    /// this save is a minor edit that leaves the visible "Updated" time (never stored).
    #[serde(default, deserialize_with = "present_or_null")]
    pub dateline: Option<Option<String>>,
    #[serde(default, deserialize_with = "present_or_null")]
    pub embargo_until: Option<Option<String>>,
    pub source: Option<crate::trust::SourceRequest>,
    pub minor_edit: Option<bool>,
    /// The version the change is based on; required when updating.
    pub version: Option<i64>,
    /// A gallery story's photos in order (`crate::galleries`), replacing its gallery.
    pub gallery: Option<Vec<crate::galleries::GalleryPhotoRequest>>,
    /// A list story's items (`crate::lists`), replacing its list.
    pub list: Option<crate::lists::InlineListRequest>,
    /// A video story's lead video (`crate::video`), replacing it.
    pub video: Option<crate::video::InlineVideoRequest>,
}

impl ArticleRequest {
    /// Whether the request submits the story for review (`"status": "review"`).
    pub fn wants_review(&self) -> bool {
        self.status.as_deref().map(str::trim) == Some(REVIEW)
    }

    /// The gallery, list and video sent with the story.
    pub fn formats(&self) -> crate::formats::InlineFormats {
        crate::formats::InlineFormats::new(
            self.gallery.as_ref(),
            self.list.as_ref(),
            self.video.as_ref(),
        )
    }

    /// A story submitted for review is saved as a draft: the same request with that status.
    fn for_review(&self) -> Option<ArticleRequest> {
        self.wants_review().then(|| ArticleRequest {
            status: Some(ArticleStatus::Draft.as_str().to_owned()),
            ..self.clone()
        })
    }
}

/// Tells "set to null" (`Some(None)`) apart from "not sent" (`None`).
fn present_or_null<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRequest {
    pub name: Option<String>,
    pub slug: Option<String>,
    pub description: Option<String>,
    /// Its place in the menu and among the home page's blocks, smallest first.
    pub position: Option<i64>,
    /// The parent section's slug for a subsection; `""` makes it top-level.
    pub parent: Option<String>,
    /// Whether the home page shows a block of its stories.
    pub on_home: Option<bool>,
    /// `lead_list`, `grid` or `list`.
    pub block_style: Option<String>,
    /// `#rrggbb`; `""` removes it.
    pub colour: Option<String>,
    /// The edition's language code; `""` is the site's own language (the web layer reads
    /// the site's own code as `""` too).
    pub language: Option<String>,
}

impl SectionRequest {
    /// The part of the request about where the section shows, if it says anything.
    fn layout(&self) -> Option<crate::front_page::LayoutRequest> {
        let layout = crate::front_page::LayoutRequest {
            position: self.position,
            parent: self.parent.clone(),
            on_home: self.on_home,
            block_style: self.block_style.clone(),
            colour: self.colour.clone(),
        };
        (layout.position.is_some()
            || layout.parent.is_some()
            || layout.on_home.is_some()
            || layout.block_style.is_some()
            || layout.colour.is_some())
        .then_some(layout)
    }
}

/// What an admin changes about a member of the newsroom.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserRequest {
    pub name: Option<String>,
    pub role: Option<String>,
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagRequest {
    pub name: Option<String>,
    pub slug: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorRequest {
    pub name: Option<String>,
    pub slug: Option<String>,
    pub bio: Option<String>,
    pub photo_url: Option<String>,
}

/// Tries `base`, then `base-2`, `base-3`... while a generated slug is taken.
/// A slug the person chose is tried once, so they learn it is taken.
pub(crate) async fn with_unique_slug<T, F, Fut>(
    base: Slug,
    chosen: bool,
    mut attempt: F,
) -> NewsroomResult<T>
where
    F: FnMut(Slug) -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    let mut slug = base.clone();
    for n in 2..=100 {
        match attempt(slug).await {
            Err(StoreError::Taken { field: "slug" }) if !chosen => slug = base.with_suffix(n),
            Err(StoreError::Taken { field: "slug" }) => {
                return Err(NewsroomError::Invalid(FieldErrors::single(
                    "slug",
                    Problem::new(
                        format!("\"{base}\" is already used; choose another slug"),
                        Phrase::new("ed-slug-taken").with("value", base.as_str()),
                    ),
                )));
            }
            other => return other.map_err(NewsroomError::from),
        }
    }
    Err(NewsroomError::Invalid(FieldErrors::single(
        "slug",
        Problem::new(
            format!("too many items already use \"{base}\"; choose a slug"),
            Phrase::new("ed-slug-crowded").with("value", base.as_str()),
        ),
    )))
}

fn chosen_or_generated(
    errors: &mut FieldErrors,
    slug: Option<&str>,
    name: &str,
) -> Option<(Slug, bool)> {
    match slug.map(str::trim).filter(|s| !s.is_empty()) {
        Some(slug) => errors.check("slug", Slug::parse(slug)).map(|s| (s, true)),
        None => Some((Slug::from_title(name), false)),
    }
}

/// The newsroom's operations over a store.
pub struct Newsroom<'a> {
    pub store: &'a dyn Store,
}

impl<'a> Newsroom<'a> {
    pub fn new(store: &'a dyn Store) -> Self {
        Newsroom { store }
    }

    pub async fn create_section(&self, request: &SectionRequest) -> NewsroomResult<Section> {
        let (input, chosen) = self.section_input(request, None)?;
        let section = with_unique_slug(input.slug.clone(), chosen, |slug| {
            let input = SectionInput {
                slug,
                ..input.clone()
            };
            async move { self.store.create_section(&input).await }
        })
        .await?;
        self.section_layout(section, request).await
    }

    /// Applies where the section shows (menu, parent, home-page block), when asked.
    async fn section_layout(
        &self,
        section: Section,
        request: &SectionRequest,
    ) -> NewsroomResult<Section> {
        match request.layout() {
            Some(layout) => {
                crate::front_page::FrontPage::new(self.store)
                    .apply_layout(section.id, &layout)
                    .await
            }
            None => Ok(section),
        }
    }

    pub async fn update_section(
        &self,
        id: i64,
        request: &SectionRequest,
    ) -> NewsroomResult<Section> {
        let current = self.store.section_by_id(id).await?;
        let (input, _) = self.section_input(request, Some(&current))?;
        let moving = input.language != current.language;
        let sections = if moving {
            self.store.list_sections().await?
        } else {
            Vec::new()
        };
        // A subsection is in its parent's edition: it moves with its parent, not alone.
        if moving
            && request.parent.is_none()
            && let Some(parent) = current
                .parent_id
                .and_then(|parent| sections.iter().find(|s| s.id == parent))
            && request.parent.is_none()
            && parent.language != input.language
        {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "language",
                Problem::new(
                    format!(
                        "this is a subsection of \"{}\", and a subsection is in its parent's edition: change the parent's language, or make this a section of its own first",
                        parent.name
                    ),
                    Phrase::new("ed-section-follows-parent").with("name", parent.name.as_str()),
                ),
            )));
        }
        let section = self.store.update_section(id, &input).await?;
        // Its subsections move into the new edition with it.
        for child in sections.iter().filter(|s| s.parent_id == Some(id)) {
            let moved = SectionInput {
                slug: child.slug.clone(),
                name: child.name.clone(),
                description: child.description.clone(),
                language: input.language,
            };
            self.store.update_section(child.id, &moved).await?;
        }
        self.section_layout(section, request).await
    }

    fn section_input(
        &self,
        request: &SectionRequest,
        current: Option<&Section>,
    ) -> NewsroomResult<(SectionInput, bool)> {
        let mut errors = FieldErrors::new();
        let name = match (&request.name, current) {
            (Some(name), _) => errors.check("name", required_text(name, "name", MAX_NAME)),
            (None, Some(current)) => Some(current.name.clone()),
            (None, None) => errors.check("name", Err::<String, _>(required("name is required"))),
        };
        let description = match (&request.description, current) {
            (Some(d), _) => errors
                .check(
                    "description",
                    optional_text(Some(d), "description", MAX_BIO),
                )
                .flatten(),
            (None, Some(current)) => current.description.clone(),
            (None, None) => None,
        };
        let slug = match (request.slug.as_deref(), current) {
            (None, Some(current)) => Some((current.slug.clone(), true)),
            (slug, _) => chosen_or_generated(&mut errors, slug, name.as_deref().unwrap_or("")),
        };
        let language = match (request.language.as_deref().map(str::trim), current) {
            (Some(""), _) => None,
            (Some(code), _) => errors.check("language", crate::domain::Language::parse(code)),
            (None, Some(current)) => current.language,
            (None, None) => None,
        };
        errors.into_result().map_err(NewsroomError::Invalid)?;
        let (Some(name), Some((slug, chosen))) = (name, slug) else {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "name",
                required("name is required"),
            )));
        };
        Ok((
            SectionInput {
                slug,
                name,
                description,
                language,
            },
            chosen,
        ))
    }

    pub async fn create_tag(&self, request: &TagRequest) -> NewsroomResult<Tag> {
        let (slug, name, chosen) = self.tag_input(request, None)?;
        with_unique_slug(slug, chosen, |slug| {
            let name = name.clone();
            async move { self.store.create_tag(&slug, &name).await }
        })
        .await
    }

    pub async fn update_tag(&self, id: i64, request: &TagRequest) -> NewsroomResult<Tag> {
        let current = self.store.tag_by_id(id).await?;
        let (slug, name, _) = self.tag_input(request, Some(&current))?;
        let tag = self.store.rename_tag(id, &slug, &name).await?;
        changes::record(Touched::Tags { ids: vec![id] });
        Ok(tag)
    }

    fn tag_input(
        &self,
        request: &TagRequest,
        current: Option<&Tag>,
    ) -> NewsroomResult<(Slug, String, bool)> {
        let mut errors = FieldErrors::new();
        let name = match (&request.name, current) {
            (Some(name), _) => errors.check("name", required_text(name, "name", MAX_TAG_NAME)),
            (None, Some(current)) => Some(current.name.clone()),
            (None, None) => errors.check("name", Err::<String, _>(required("name is required"))),
        };
        let slug = match (request.slug.as_deref(), current) {
            (None, Some(current)) => Some((current.slug.clone(), true)),
            (slug, _) => chosen_or_generated(&mut errors, slug, name.as_deref().unwrap_or("")),
        };
        errors.into_result().map_err(NewsroomError::Invalid)?;
        match (name, slug) {
            (Some(name), Some((slug, chosen))) => Ok((slug, name, chosen)),
            _ => Err(NewsroomError::Invalid(FieldErrors::single(
                "name",
                required("name is required"),
            ))),
        }
    }

    pub async fn create_author(&self, request: &AuthorRequest) -> NewsroomResult<Author> {
        let (input, chosen) = self.author_input(request, None)?;
        with_unique_slug(input.slug.clone(), chosen, |slug| {
            let input = AuthorInput {
                slug,
                ..input.clone()
            };
            async move { self.store.create_author(&input).await }
        })
        .await
    }

    pub async fn update_author(&self, id: i64, request: &AuthorRequest) -> NewsroomResult<Author> {
        let current = self.store.author_by_id(id).await?;
        let (input, _) = self.author_input(request, Some(&current))?;
        let author = self.store.update_author(id, &input).await?;
        changes::record(Touched::Authors { ids: vec![id] });
        Ok(author)
    }

    fn author_input(
        &self,
        request: &AuthorRequest,
        current: Option<&Author>,
    ) -> NewsroomResult<(AuthorInput, bool)> {
        let mut errors = FieldErrors::new();
        let name = match (&request.name, current) {
            (Some(name), _) => errors.check("name", required_text(name, "name", MAX_NAME)),
            (None, Some(current)) => Some(current.name.clone()),
            (None, None) => errors.check("name", Err::<String, _>(required("name is required"))),
        };
        let bio = match (&request.bio, current) {
            (Some(bio), _) => errors
                .check("bio", optional_text(Some(bio), "bio", MAX_BIO))
                .flatten(),
            (None, Some(current)) => current.bio.clone(),
            (None, None) => None,
        };
        let photo_url = match (&request.photo_url, current) {
            (Some(url), _) if url.trim().is_empty() => None,
            (Some(url), _) => errors.check("photo_url", parse_public_url(url, "photo_url")),
            (None, Some(current)) => current.photo_url.clone(),
            (None, None) => None,
        };
        let slug = match (request.slug.as_deref(), current) {
            (None, Some(current)) => Some((current.slug.clone(), true)),
            (slug, _) => chosen_or_generated(&mut errors, slug, name.as_deref().unwrap_or("")),
        };
        errors.into_result().map_err(NewsroomError::Invalid)?;
        match (name, slug) {
            (Some(name), Some((slug, chosen))) => Ok((
                AuthorInput {
                    slug,
                    name,
                    bio,
                    photo_url,
                },
                chosen,
            )),
            _ => Err(NewsroomError::Invalid(FieldErrors::single(
                "name",
                required("name is required"),
            ))),
        }
    }

    pub async fn create_article(
        &self,
        request: &ArticleRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<Article> {
        let as_draft = request.for_review();
        let request = as_draft.as_ref().unwrap_or(request);
        let (input, chosen) = self.article_input(request, None, user, now).await?;
        let article = with_unique_slug(input.slug.clone(), chosen, |slug| {
            let input = ArticleInput {
                slug,
                ..input.clone()
            };
            async move { self.store.create_article(&input, Some(user.id), now).await }
        })
        .await?;
        changes::record(changes::story_change(None, Some(&article), now));
        request.formats().save(self.store, article.id, user).await?;
        let action = match article.status {
            ArticleStatus::Published => "publish",
            ArticleStatus::Scheduled => "schedule",
            ArticleStatus::Draft => "create draft",
        };
        self.audit_article(Some(user), action, &article, now).await;
        self.keep_photo_words(article.lead_image.as_ref()).await;
        if as_draft.is_some() {
            Review::new(self.store).submit(&article, user, now).await?;
        }
        Ok(article)
    }

    pub async fn update_article(
        &self,
        id: i64,
        request: &ArticleRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<Article> {
        let current = self.store.article_by_id(id).await?;
        may_edit(user, &current)?;
        let as_draft = request.for_review();
        let request = as_draft.as_ref().unwrap_or(request);
        let Some(expected) = request.version else {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "version",
                Problem::new(
                    "send the version you loaded, so a save never overwrites someone else's change unseen",
                    Phrase::new("ed-version-required"),
                ),
            )));
        };
        let (input, _) = self
            .article_input(request, Some(&current), user, now)
            .await?;
        match self
            .store
            .update_article(id, expected, &input, Some(user.id), now)
            .await
        {
            Err(StoreError::StaleVersion { expected, .. }) => {
                let current = self.store.article_by_id(id).await?;
                Err(NewsroomError::Conflict {
                    expected,
                    current: Box::new(current),
                    submitted: Box::new(input),
                })
            }
            Err(StoreError::Taken { field: "slug" }) => {
                Err(NewsroomError::Invalid(FieldErrors::single(
                    "slug",
                    Problem::new(
                        format!(
                            "\"{}\" is already used by another article; choose another slug",
                            input.slug
                        ),
                        Phrase::new("ed-slug-taken").with("value", input.slug.as_str()),
                    ),
                )))
            }
            other => {
                let article = other?;
                changes::record(changes::story_change(Some(&current), Some(&article), now));
                request.formats().save(self.store, article.id, user).await?;
                if let Some(action) = status_change(current.status, article.status) {
                    self.audit_article(Some(user), action, &article, now).await;
                } else if article.status == ArticleStatus::Published {
                    self.audit_published_edit(user, &current, &article, now)
                        .await;
                }
                self.keep_photo_words(article.lead_image.as_ref()).await;
                let review = Review::new(self.store);
                if as_draft.is_some() {
                    review.submit(&article, user, now).await?;
                } else {
                    review.settled(&article).await?;
                }
                Ok(article)
            }
        }
    }

    pub async fn delete_article(&self, id: i64, user: &User) -> NewsroomResult<()> {
        let current = self.store.article_by_id(id).await?;
        may_edit(user, &current)?;
        self.store.delete_article(id).await?;
        changes::record(changes::story_change(
            Some(&current),
            None,
            Timestamp::now(),
        ));
        self.audit_article(Some(user), "delete article", &current, Timestamp::now())
            .await;
        Ok(())
    }

    /// Puts an earlier revision's words back as a new version. The article keeps its
    /// status and publication time; only what was written comes back.
    pub async fn restore_revision(
        &self,
        article_id: i64,
        revision_id: i64,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<Article> {
        let current = self.store.article_by_id(article_id).await?;
        may_edit(user, &current)?;
        let revision = self.revision(article_id, revision_id).await?;
        let old: ArticleInput = serde_json::from_value(revision.snapshot.clone()).map_err(|e| {
            NewsroomError::Store(StoreError::Backend(anyhow::anyhow!(
                "revision {revision_id} cannot be read: {e}"
            )))
        })?;
        let restored = ArticleInput {
            status: current.status,
            published_at: current.published_at,
            embargo_until: current.embargo_until,
            source: current.source.clone(),
            updated_shown_at: crate::trust::shown_update(Some(&current), true, false, now),
            ..old
        };
        let saved = match self
            .store
            .update_article(article_id, current.version, &restored, Some(user.id), now)
            .await
        {
            Err(StoreError::Taken { field: "slug" }) => {
                // Another article took the old slug since; keep the current one.
                let restored = ArticleInput {
                    slug: current.slug.clone(),
                    ..restored.clone()
                };
                self.store
                    .update_article(article_id, current.version, &restored, Some(user.id), now)
                    .await
            }
            other => other,
        };
        let article = match saved {
            // Someone saved between reading the article and restoring onto it.
            Err(StoreError::StaleVersion { expected, .. }) => {
                return Err(NewsroomError::Conflict {
                    expected,
                    current: Box::new(self.store.article_by_id(article_id).await?),
                    submitted: Box::new(restored),
                });
            }
            other => other?,
        };
        changes::record(changes::story_change(Some(&current), Some(&article), now));
        self.audit(
            Some(user),
            "restore revision",
            &format!("article \"{}\"", article.title),
            Some(format!(
                "version {} restored as version {}",
                revision.version, article.version
            )),
            now,
        )
        .await;
        Ok(article)
    }

    /// One revision of an article.
    pub async fn revision(&self, article_id: i64, revision_id: i64) -> NewsroomResult<Revision> {
        self.store
            .list_revisions(article_id)
            .await?
            .into_iter()
            .find(|r| r.id == revision_id)
            .ok_or(NewsroomError::NotFound)
    }

    pub async fn delete_section(&self, id: i64, user: &User) -> NewsroomResult<()> {
        let section = self.store.section_by_id(id).await?;
        self.store.delete_section(id).await?;
        let subject = format!("section \"{}\"", section.name);
        self.audit(
            Some(user),
            "delete section",
            &subject,
            None,
            Timestamp::now(),
        )
        .await;
        Ok(())
    }

    pub async fn delete_tag(&self, id: i64, user: &User) -> NewsroomResult<()> {
        let tag = self.store.tag_by_id(id).await?;
        self.store.delete_tag(id).await?;
        changes::record(Touched::Tags { ids: vec![id] });
        let subject = format!("tag \"{}\"", tag.name);
        self.audit(Some(user), "delete tag", &subject, None, Timestamp::now())
            .await;
        Ok(())
    }

    /// Folds one tag into another: its articles get the other tag, its page redirects.
    pub async fn merge_tags(&self, from: i64, into: i64, user: &User) -> NewsroomResult<Tag> {
        let source = self.store.tag_by_id(from).await?;
        let target = self.store.merge_tags(from, into).await?;
        changes::record(Touched::Tags {
            ids: vec![from, into],
        });
        let subject = format!("tag \"{}\"", source.name);
        let detail = Some(format!("merged into \"{}\"", target.name));
        self.audit(Some(user), "merge tag", &subject, detail, Timestamp::now())
            .await;
        Ok(target)
    }

    pub async fn delete_author(&self, id: i64, user: &User) -> NewsroomResult<()> {
        let author = self.store.author_by_id(id).await?;
        self.store.delete_author(id).await?;
        changes::record(Touched::Authors { ids: vec![id] });
        let subject = format!("author \"{}\"", author.name);
        self.audit(
            Some(user),
            "delete author",
            &subject,
            None,
            Timestamp::now(),
        )
        .await;
        Ok(())
    }

    /// An admin changes someone's name, role or whether they can sign in.
    pub async fn change_user(
        &self,
        id: i64,
        request: &UserRequest,
        admin: &User,
    ) -> NewsroomResult<User> {
        let current = self.store.user_by_id(id).await?;
        let mut errors = FieldErrors::new();
        let name = request
            .name
            .as_deref()
            .and_then(|n| errors.check("name", required_text(n, "name", MAX_NAME)));
        let role = request
            .role
            .as_deref()
            .and_then(|r| errors.check("role", Role::parse(r.trim())));
        errors.into_result().map_err(NewsroomError::Invalid)?;
        let demoting_self = id == admin.id && role.is_some_and(|r| r != Role::Admin);
        let deactivating_self = id == admin.id && request.active == Some(false);
        if demoting_self || deactivating_self {
            return Err(NewsroomError::Forbidden(
                "you cannot remove your own admin rights or deactivate yourself; ask another admin"
                    .into(),
            ));
        }
        let change = UserChange {
            name,
            role,
            active: request.active,
            password_hash: None,
        };
        let user = self.store.update_user(id, &change).await?;
        let subject = format!("user {}", user.email);
        let now = Timestamp::now();
        if user.role != current.role {
            let detail = Some(format!(
                "{} → {}",
                current.role.as_str(),
                user.role.as_str()
            ));
            self.audit(Some(admin), "change role", &subject, detail, now)
                .await;
        }
        if user.active != current.active {
            let action = if user.active {
                "reactivate user"
            } else {
                "deactivate user"
            };
            self.audit(Some(admin), action, &subject, None, now).await;
        }
        Ok(user)
    }

    /// A lead photo from the library lends the words typed with it in the editor (alt text,
    /// credit, caption) to its library item where the item has none yet, so the next story
    /// that picks the photo starts with them. Words already in the library are kept: another
    /// story may rely on them. A failure is logged; the article is saved either way.
    pub async fn keep_photo_words(&self, image: Option<&LeadImage>) {
        let Some(image) = image else { return };
        let Some(hash) = crate::media::hash_in_url(&image.url) else {
            return;
        };
        let media = match self.store.media_by_hash(hash).await {
            Ok(media) => media,
            Err(StoreError::NotFound) => return,
            Err(error) => {
                tracing::warn!(%error, hash, "could not read a library photo");
                return;
            }
        };
        let alt = if media.alt.trim().is_empty() {
            image.alt.trim()
        } else {
            media.alt.as_str()
        };
        let credit = media.credit.as_deref().or(image.credit.as_deref());
        let caption = media.caption.as_deref().or(image.caption.as_deref());
        if alt == media.alt
            && credit == media.credit.as_deref()
            && caption == media.caption.as_deref()
        {
            return;
        }
        if let Err(error) = self
            .store
            .update_media(media.id, alt, credit, caption)
            .await
        {
            tracing::warn!(%error, id = media.id, "could not keep a photo's words in the library");
        }
    }

    /// Whether this member may put a story in front of readers themselves: contributors never,
    /// authors unless the newsroom asks authors to submit for review (a site setting).
    pub async fn may_publish(&self, user: &User) -> NewsroomResult<bool> {
        if !user.role.can_publish() {
            return Ok(false);
        }
        if user.role != Role::Author {
            return Ok(true);
        }
        Ok(!self.authors_need_review().await?)
    }

    /// Whether authors submit their stories for review like contributors.
    pub async fn authors_need_review(&self) -> NewsroomResult<bool> {
        Ok(self.store.site_value(AUTHORS_NEED_REVIEW).await?.as_deref() == Some("true"))
    }

    /// An admin decides whether authors submit their stories for review.
    pub async fn set_authors_need_review(
        &self,
        on: bool,
        admin: &User,
        now: Timestamp,
    ) -> NewsroomResult<()> {
        if admin.role != Role::Admin {
            return Err(NewsroomError::Forbidden(
                "Only an admin changes how the newsroom reviews stories.".into(),
            ));
        }
        if self.authors_need_review().await? == on {
            return Ok(());
        }
        self.store
            .set_site_value(AUTHORS_NEED_REVIEW, if on { "true" } else { "false" })
            .await?;
        let detail = format!(
            "authors submit for review: \"{}\" → \"{}\"",
            if on { "no" } else { "yes" },
            if on { "yes" } else { "no" }
        );
        self.audit(
            Some(admin),
            "change settings",
            "site settings",
            Some(detail),
            now,
        )
        .await;
        Ok(())
    }

    /// Writes a line to the audit log. A failure is logged, not passed on: the change it
    /// records has already been made.
    pub async fn audit(
        &self,
        user: Option<&User>,
        action: &str,
        subject: &str,
        detail: Option<String>,
        now: Timestamp,
    ) {
        let entry = NewAuditEntry {
            user_id: user.map(|u| u.id),
            actor: user.map_or_else(|| "scheduler".to_owned(), |u| u.name.clone()),
            action: action.to_owned(),
            subject: subject.to_owned(),
            detail,
        };
        if let Err(error) = self.store.record_audit(&entry, now).await {
            tracing::error!(%error, action, subject, "could not write the audit log");
        }
    }

    async fn audit_article(
        &self,
        user: Option<&User>,
        action: &str,
        article: &Article,
        now: Timestamp,
    ) {
        let detail = match (article.status, article.published_at) {
            (ArticleStatus::Scheduled, Some(at)) => Some(format!("for {at}")),
            _ => None,
        };
        let subject = format!("article \"{}\" (#{})", article.title, article.id);
        self.audit(user, action, &subject, detail, now).await;
    }

    /// What readers already saw changed: the headline (old and new) and the body (how much).
    async fn audit_published_edit(
        &self,
        user: &User,
        before: &Article,
        after: &Article,
        now: Timestamp,
    ) {
        let mut details = Vec::new();
        if before.title != after.title {
            details.push(format!(
                "headline: \"{}\" → \"{}\"",
                before.title, after.title
            ));
        }
        if before.body != after.body {
            let (removed, added) = crate::compare::word_counts(&before.body, &after.body);
            details.push(format!("body: {removed} word(s) removed, {added} added"));
        }
        if !details.is_empty() {
            let subject = format!("article \"{}\" (#{})", after.title, after.id);
            self.audit(
                Some(user),
                "edit published",
                &subject,
                Some(details.join("; ")),
                now,
            )
            .await;
        }
    }

    /// Publishes the scheduled articles whose time has come; the store notes each in the
    /// audit log in the same transaction.
    pub async fn publish_due(&self, now: Timestamp) -> NewsroomResult<Vec<i64>> {
        Ok(self.store.publish_due(now).await?)
    }

    /// Checks a request and merges it with the current article into what the store saves.
    async fn article_input(
        &self,
        request: &ArticleRequest,
        current: Option<&Article>,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<(ArticleInput, bool)> {
        let mut errors = FieldErrors::new();

        let title = match (&request.title, current) {
            (Some(title), _) => errors.check("title", required_text(title, "title", MAX_TITLE)),
            (None, Some(current)) => Some(current.title.clone()),
            (None, None) => errors.check("title", Err::<String, _>(required("title is required"))),
        };
        let standfirst = match (&request.standfirst, current) {
            (Some(text), _) => errors
                .check(
                    "standfirst",
                    optional_text(Some(text), "standfirst", MAX_STANDFIRST),
                )
                .flatten(),
            (None, Some(current)) => current.standfirst.clone(),
            (None, None) => None,
        };
        let body = match (&request.body, current) {
            (Some(body), _) => errors.check("body", body_text(body)),
            (None, Some(current)) => Some(current.body.clone()),
            (None, None) => errors.check("body", Err::<String, _>(required("body is required"))),
        };
        let seo_title = match (&request.seo_title, current) {
            (Some(t), _) => errors
                .check("seo_title", optional_text(Some(t), "seo_title", 200))
                .flatten(),
            (None, Some(current)) => current.seo_title.clone(),
            (None, None) => None,
        };
        let seo_description = match (&request.seo_description, current) {
            (Some(t), _) => errors
                .check(
                    "seo_description",
                    optional_text(Some(t), "seo_description", 500),
                )
                .flatten(),
            (None, Some(current)) => current.seo_description.clone(),
            (None, None) => None,
        };

        let format = match (&request.format, current) {
            (Some(text), _) => errors.check("format", ArticleFormat::parse(text)),
            (None, Some(current)) => Some(current.format),
            (None, None) => Some(ArticleFormat::Standard),
        };

        let section_id = match (&request.section, current) {
            (Some(slug), _) => match self.store.section_by_slug(slug.trim()).await {
                Ok(section) => Some(section.id),
                Err(StoreError::NotFound) => errors.check(
                    "section",
                    Err(Problem::new(
                        format!(
                            "there is no section with slug \"{}\"; create it first with POST /api/v1/sections",
                            slug.trim()
                        ),
                        Phrase::new("ed-no-such-section").with("value", slug.trim()),
                    )),
                ),
                Err(other) => return Err(other.into()),
            },
            (None, Some(current)) => Some(current.section.id),
            (None, None) => errors.check("section", Err::<i64, _>(required("section is required (a section slug)"))),
        };

        let source = crate::trust::parse_source(
            request.source.as_ref(),
            current.map(|a| &a.source),
            &mut errors,
        );
        // Agency copy may carry the agency as its byline, with no author profile.
        let agency_byline = source.kind == crate::store::SourceKind::Agency;
        let author_ids = match (&request.authors, current) {
            (Some(slugs), _) => {
                self.resolve_authors(slugs, &mut errors, agency_byline)
                    .await?
            }
            (None, Some(current)) => current.authors.iter().map(|a| a.id).collect(),
            (None, None) => {
                if !agency_byline {
                    errors.say(
                        "authors",
                        "at least one author slug is required for the byline",
                        Phrase::new("ed-authors-required"),
                    );
                }
                Vec::new()
            }
        };
        if author_ids.is_empty() && !agency_byline && errors.is_empty() {
            errors.say(
                "authors",
                "at least one author slug is required for the byline (agency copy may \
                 carry the agency's name instead)",
                Phrase::new("ed-authors-required-agency"),
            );
        }
        let dateline = match (&request.dateline, current) {
            (Some(Some(text)), _) => errors
                .check("dateline", crate::trust::parse_dateline(text))
                .flatten(),
            (Some(None), _) => None,
            (None, Some(current)) => current.dateline.clone(),
            (None, None) => None,
        };
        let embargo_until = match (&request.embargo_until, current) {
            (Some(Some(text)), _) if text.trim().is_empty() => None,
            (Some(Some(text)), _) => errors.check("embargo_until", checked_time(text)),
            (Some(None), _) => None,
            (None, Some(current)) => current.embargo_until,
            (None, None) => None,
        };

        let tags = match (&request.tags, current) {
            (Some(names), _) => tag_list(names, &mut errors),
            (None, Some(current)) => current
                .tags
                .iter()
                .map(|t| (t.slug.clone(), t.name.clone()))
                .collect(),
            (None, None) => Vec::new(),
        };

        let lead_image = match (&request.lead_image, current) {
            (Some(Some(image)), _) => lead_image(image, &mut errors),
            (Some(None), _) => None,
            (None, Some(current)) => current.lead_image.clone(),
            (None, None) => None,
        };

        let requested_status = match (&request.status, current) {
            (Some(status), _) => errors.check("status", ArticleStatus::parse(status.trim())),
            (None, Some(current)) => Some(current.status),
            (None, None) => Some(ArticleStatus::Draft),
        };
        let requested_time = match &request.published_at {
            Some(text) if text.trim().is_empty() => None,
            Some(text) => errors.check("published_at", checked_time(text)),
            None => None,
        };

        let slug = match (request.slug.as_deref(), current) {
            (None, Some(current)) => Some((current.slug.clone(), true)),
            (slug, _) => chosen_or_generated(&mut errors, slug, title.as_deref().unwrap_or("")),
        };

        let schedule = requested_status.and_then(|status| {
            errors.check(
                "published_at",
                resolve_schedule(status, requested_time, current, now),
            )
        });

        // Readers who cannot see an image need its description before it goes public.
        if let (Some((status, _)), Some(body)) = (schedule, body.as_deref())
            && status != ArticleStatus::Draft
        {
            let missing = images_without_alt(body);
            if missing > 0 {
                errors.say(
                    "body",
                    format!(
                        "{missing} image(s) in the body have no description; write what each shows \
                         between the brackets, like ![Boats in the harbour](/media/...), or save as a draft"
                    ),
                    Phrase::new("ed-images-without-alt").with("count", missing),
                );
            }
        }

        // A gallery, video or list story goes out only with what its format shows.
        let formats = request.formats();
        formats.check(self.store, &mut errors).await?;
        if let (Some(format), Some((status, _))) = (format, schedule)
            && status != ArticleStatus::Draft
        {
            let stored = match current {
                Some(current) => self.store.story_extras(current.id).await?,
                None => crate::store::StoryExtras::default(),
            };
            if let Some(missing) = crate::formats::missing(format, formats.over(stored)) {
                errors.add("format", missing);
            }
        }

        if let Some(status) = requested_status {
            may_set_status(user, status)?;
            let going_public =
                status != ArticleStatus::Draft && current.map(|a| a.status) != Some(status);
            if going_public && !self.may_publish(user).await? {
                return Err(NewsroomError::Forbidden(review_first().english));
            }
        }

        errors.into_result().map_err(NewsroomError::Invalid)?;
        let (
            Some(title),
            Some(body),
            Some(section_id),
            Some((status, published_at)),
            Some((slug, chosen)),
            Some(format),
        ) = (title, body, section_id, schedule, slug, format)
        else {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "article",
                Problem::new("the article is incomplete", Phrase::new("ed-incomplete")),
            )));
        };
        if let Some(until) = crate::trust::embargo_broken(status, published_at, embargo_until) {
            return Err(NewsroomError::Embargoed { until });
        }
        let words_changed = current.is_some_and(|a| {
            a.title != title
                || a.standfirst != standfirst
                || a.body != body
                || a.dateline != dateline
        });
        let updated_shown_at = crate::trust::shown_update(
            current,
            words_changed,
            request.minor_edit.unwrap_or(false),
            now,
        );
        Ok((
            ArticleInput {
                slug,
                title,
                standfirst,
                body,
                status,
                section_id,
                tags,
                author_ids,
                lead_image,
                seo_title,
                seo_description,
                published_at,
                comments_open: request
                    .comments_open
                    .or(current.map(|a| a.comments_open))
                    .unwrap_or(true),
                format,
                dateline,
                embargo_until,
                source,
                updated_shown_at,
            },
            chosen,
        ))
    }

    async fn resolve_authors(
        &self,
        slugs: &[String],
        errors: &mut FieldErrors,
        may_be_empty: bool,
    ) -> NewsroomResult<Vec<i64>> {
        if slugs.is_empty() && !may_be_empty {
            errors.add(
                "authors",
                "at least one author slug is required for the byline",
            );
        }
        if slugs.len() > MAX_AUTHORS {
            errors.add(
                "authors",
                format!("an article may have at most {MAX_AUTHORS} authors"),
            );
            return Ok(Vec::new());
        }
        let mut ids = Vec::new();
        for (index, slug) in slugs.iter().enumerate() {
            match self.store.author_by_slug(slug.trim()).await {
                Ok(author) if !ids.contains(&author.id) => ids.push(author.id),
                Ok(_) => {}
                Err(StoreError::NotFound) => errors.add(
                    &format!("authors[{index}]"),
                    format!(
                        "there is no author with slug \"{}\"; create one with POST /api/v1/authors",
                        slug.trim()
                    ),
                ),
                Err(other) => return Err(other.into()),
            }
        }
        Ok(ids)
    }

    /// Adds a member of the newsroom, checking every field first.
    pub async fn add_user(
        &self,
        email: &str,
        name: &str,
        role: &str,
        password: &str,
        now: Timestamp,
    ) -> NewsroomResult<User> {
        let mut errors = FieldErrors::new();
        let email = errors.check("email", Email::parse(email));
        let name = errors.check("name", required_text(name, "name", MAX_NAME));
        let role = errors.check("role", Role::parse(role));
        errors.check("password", auth::check_new_password(password));
        errors.into_result().map_err(NewsroomError::Invalid)?;
        let (Some(email), Some(name), Some(role)) = (email, name, role) else {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "user",
                "incomplete",
            )));
        };
        let password_hash =
            auth::hash_password(password).map_err(|e| NewsroomError::Store(e.into()))?;
        let user = NewUser {
            email,
            name,
            role,
            password_hash,
        };
        let user = match self.store.create_user(&user, now).await {
            Err(StoreError::Taken { .. }) => {
                return Err(NewsroomError::Invalid(FieldErrors::single(
                    "email",
                    format!("{} already has an account", user.email),
                )));
            }
            other => other?,
        };
        self.ensure_byline(&user).await?;
        Ok(user)
    }

    /// The author profile a member writes under. A person in the newsroom is also an author:
    /// the linked profile, else an unlinked profile with their name, else a new one.
    pub async fn ensure_byline(&self, user: &User) -> NewsroomResult<Author> {
        if let Some(author_id) = self.store.byline_of(user.id).await? {
            match self.store.author_by_id(author_id).await {
                Ok(author) => return Ok(author),
                Err(StoreError::NotFound) => {}
                Err(other) => return Err(other.into()),
            }
        }
        let mut same_name = None;
        for author in self.store.list_authors().await? {
            if author.name == user.name && self.store.person_of(author.id).await?.is_none() {
                same_name = Some(author);
                break;
            }
        }
        let author = match same_name {
            Some(author) => author,
            None => {
                self.create_author(&AuthorRequest {
                    name: Some(user.name.clone()),
                    ..AuthorRequest::default()
                })
                .await?
            }
        };
        self.store.link_byline(user.id, author.id).await?;
        Ok(author)
    }

    /// An editor links an author profile to a member of the newsroom, or unlinks it.
    pub async fn link_person(
        &self,
        author_id: i64,
        person: Option<i64>,
        editor: &User,
        now: Timestamp,
    ) -> NewsroomResult<()> {
        if !editor.role.is_editor() {
            return Err(NewsroomError::Forbidden(format!(
                "Only an editor or admin links author profiles to people; you are {}.",
                editor.role.with_article()
            )));
        }
        let author = self.store.author_by_id(author_id).await?;
        let detail = match person {
            Some(user_id) => {
                let user = match self.store.user_by_id(user_id).await {
                    Err(StoreError::NotFound) => {
                        return Err(NewsroomError::Invalid(FieldErrors::single(
                            "person",
                            "there is no such member of the newsroom",
                        )));
                    }
                    other => other?,
                };
                self.store.link_byline(user.id, author.id).await?;
                format!("to {} ({})", user.name, user.email)
            }
            None => {
                self.store.unlink_author(author.id).await?;
                "to nobody".to_owned()
            }
        };
        self.audit(
            Some(editor),
            "link byline",
            &format!("author \"{}\"", author.name),
            Some(detail),
            now,
        )
        .await;
        Ok(())
    }

    /// Sets a new password for the person with this email (from the command line, for an
    /// operator who lost the way in), ends their sessions and notes it in the audit log.
    pub async fn set_password(
        &self,
        email: &str,
        password: &str,
        now: Timestamp,
    ) -> NewsroomResult<User> {
        let mut errors = FieldErrors::new();
        let email = errors.check("email", Email::parse(email));
        errors.check("password", auth::check_new_password(password));
        errors.into_result().map_err(NewsroomError::Invalid)?;
        let Some(email) = email else {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "email",
                "an email is required",
            )));
        };
        let user = match self.store.user_by_email(&email).await {
            Err(StoreError::NotFound) => {
                return Err(NewsroomError::Invalid(FieldErrors::single(
                    "email",
                    format!("no one has the email {email}; add them with `newsdesk user add`"),
                )));
            }
            other => other?,
        };
        let password_hash =
            auth::hash_password(password).map_err(|e| NewsroomError::Store(e.into()))?;
        let change = UserChange {
            name: None,
            role: None,
            active: None,
            password_hash: Some(password_hash),
        };
        let user = self.store.update_user(user.id, &change).await?;
        self.store.delete_user_sessions(user.id).await?;
        let entry = NewAuditEntry {
            user_id: None,
            actor: "command line".to_owned(),
            action: "set password".to_owned(),
            subject: format!("user {}", user.email),
            detail: Some("their sessions ended".to_owned()),
        };
        if let Err(error) = self.store.record_audit(&entry, now).await {
            tracing::error!(%error, "could not write the audit log");
        }
        Ok(user)
    }

    /// Issues an API token for the user with this email; returns the token, shown only once.
    pub async fn create_token(
        &self,
        email: &str,
        label: &str,
        now: Timestamp,
    ) -> NewsroomResult<String> {
        let email = Email::parse(email)
            .map_err(|e| NewsroomError::Invalid(FieldErrors::single("email", e)))?;
        let user = match self.store.user_by_email(&email).await {
            Err(StoreError::NotFound) => {
                return Err(NewsroomError::Invalid(FieldErrors::single(
                    "email",
                    format!("no user has the email {email}; add one with `newsdesk user add`"),
                )));
            }
            other => other?,
        };
        if !user.active {
            return Err(NewsroomError::Forbidden(format!("{email} is deactivated")));
        }
        let token = auth::new_api_token();
        self.store
            .create_api_token(user.id, &auth::token_hash(&token), label, now)
            .await?;
        Ok(token)
    }
}

/// The audit log's name for a change of status, if it is one worth noting.
fn status_change(before: ArticleStatus, after: ArticleStatus) -> Option<&'static str> {
    use ArticleStatus::*;
    match (before, after) {
        (Published, Published) | (Draft, Draft) | (Scheduled, Scheduled) => None,
        (_, Published) => Some("publish"),
        (_, Scheduled) => Some("schedule"),
        (Published, Draft) => Some("unpublish"),
        (Scheduled, Draft) => Some("unschedule"),
    }
}

/// Who may change an article, for every door that changes one (saving from the API or the
/// editor, autosave, restoring a revision, deleting): editors and admins any article; authors
/// the articles they created, whatever their status; contributors only their own drafts.
/// Once an editor has scheduled or published a contributor's story, its words and its time
/// are the desk's, as in WordPress and Ghost: the contributor may read it, not change it.
pub fn may_edit(user: &User, article: &Article) -> NewsroomResult<()> {
    match why_read_only(user, article) {
        Some(problem) => Err(NewsroomError::Forbidden(problem.english)),
        None => Ok(()),
    }
}

/// Why `user` may not change `article`, if they may not: the refusal [`may_edit`] gives,
/// with the message that says it in the newsroom's language.
pub fn why_read_only(user: &User, article: &Article) -> Option<Problem> {
    if user.role.is_editor() {
        return None;
    }
    if article.created_by != Some(user.id) {
        return Some(not_yours(user.role));
    }
    if !user.role.can_publish() && article.status != ArticleStatus::Draft {
        return Some(contributor_read_only(article.status));
    }
    None
}

fn not_yours(role: Role) -> Problem {
    Problem::new(
        format!(
            "This article is someone else's: as {} you may change only the articles you \
             created. Ask an editor to change it.",
            role.with_article()
        ),
        Phrase::new("ed-not-yours").with("role", role.as_str()),
    )
}

fn contributor_read_only(status: ArticleStatus) -> Problem {
    Problem::new(
        format!(
            "This article is {}, so it is read-only for a contributor: you may change only \
             your drafts. Ask an editor to make the change, or to set it back to Draft so \
             you can edit it.",
            status.as_str()
        ),
        Phrase::new("ed-contributor-read-only").with("status", status.as_str()),
    )
}

/// Who may put an article in front of readers (publish it or schedule it): everyone but a
/// contributor, who saves drafts for an editor to publish.
fn may_set_status(user: &User, status: ArticleStatus) -> NewsroomResult<()> {
    if status == ArticleStatus::Draft || user.role.can_publish() {
        Ok(())
    } else {
        Err(NewsroomError::Forbidden(drafts_only(status).english))
    }
}

/// A contributor asked to publish or schedule a story.
fn drafts_only(status: ArticleStatus) -> Problem {
    let scheduled = status == ArticleStatus::Scheduled;
    Problem::new(
        format!(
            "A contributor saves drafts; an author, editor or admin publishes or schedules \
             them. Save it as a draft and ask an editor to set it to {}.",
            if scheduled { "Scheduled" } else { "Published" }
        ),
        Phrase::new("ed-drafts-only")
            .with("status", if scheduled { "scheduled" } else { "published" }),
    )
}

/// An author asked to publish where the newsroom has editors review every story first.
fn review_first() -> Problem {
    Problem::new(
        "This newsroom asks authors to submit their stories for review: an editor \
         publishes or schedules them. Submit it for review instead.",
        Phrase::new("ed-review-first"),
    )
}

/// The message that says one of the article rules' refusals (which travel as English in
/// [`NewsroomError::Forbidden`]) in the newsroom's language, found by its English words.
pub fn refusal_phrase(english: &str) -> Option<Phrase> {
    const STATUSES: [ArticleStatus; 3] = [
        ArticleStatus::Draft,
        ArticleStatus::Scheduled,
        ArticleStatus::Published,
    ];
    const ROLES: [Role; 4] = [Role::Contributor, Role::Author, Role::Editor, Role::Admin];
    std::iter::once(review_first())
        .chain(STATUSES.map(drafts_only))
        .chain(STATUSES.map(contributor_read_only))
        .chain(ROLES.map(not_yours))
        .find(|problem| problem.english == english)
        .and_then(|problem| problem.phrase)
}

/// Markdown images with an empty description: `![](address)`.
fn images_without_alt(body: &str) -> usize {
    body.match_indices("![")
        .filter(|(at, _)| {
            let rest = &body[at + 2..];
            rest.find(']').is_some_and(|end| {
                rest[..end].trim().is_empty() && rest[end + 1..].starts_with('(')
            })
        })
        .count()
}

fn body_text(body: &str) -> Result<String, Problem> {
    if body.trim().is_empty() {
        return Err(required("body is required"));
    }
    let count = body.chars().count();
    if count > MAX_BODY {
        return Err(Problem::new(
            format!("body is {count} characters long; the limit is {MAX_BODY}"),
            Phrase::new("field-too-long")
                .with("count", count)
                .with("limit", MAX_BODY),
        ));
    }
    if body.contains('\0') {
        return Err(Problem::new(
            "body contains a NUL character",
            Phrase::new("field-nul"),
        ));
    }
    Ok(body.to_owned())
}

fn tag_list(names: &[String], errors: &mut FieldErrors) -> Vec<(Slug, String)> {
    if names.len() > MAX_TAGS {
        errors.say(
            "tags",
            format!("an article may have at most {MAX_TAGS} tags"),
            Phrase::new("ed-too-many-tags").with("count", MAX_TAGS),
        );
        return Vec::new();
    }
    let mut tags: Vec<(Slug, String)> = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let field = format!("tags[{index}]");
        if let Some(name) = errors.check(&field, required_text(name, "a tag", MAX_TAG_NAME)) {
            let slug = Slug::from_title(&name);
            if !tags.iter().any(|(s, _)| *s == slug) {
                tags.push((slug, name));
            }
        }
    }
    tags
}

fn lead_image(image: &LeadImageRequest, errors: &mut FieldErrors) -> Option<LeadImage> {
    let url = errors.check(
        "lead_image.url",
        parse_public_url(&image.url, "the image URL"),
    );
    let alt = errors.check(
        "lead_image.alt",
        required_text(
            &image.alt,
            "alt text (what the photo shows, for readers who cannot see it)",
            500,
        ),
    );
    let credit = errors
        .check(
            "lead_image.credit",
            optional_text(image.credit.as_deref(), "credit", 200),
        )
        .flatten();
    let caption = errors
        .check(
            "lead_image.caption",
            optional_text(image.caption.as_deref(), "caption", 1_000),
        )
        .flatten();
    Some(LeadImage {
        url: url?,
        alt: alt?,
        credit,
        caption,
    })
}

/// The earliest publication time a story may carry: older dates are typing mistakes (year 1),
/// not archives, and feeds, sitemaps and readers' software cannot take them all. The latest
/// is the end of what a time can hold, in the year 9999.
const EARLIEST_PUBLICATION: Timestamp = Timestamp::constant(-2_208_988_800, 0);

/// Parses an RFC 3339 time with an offset, as the API promises, between the years 1900 and
/// 9999.
pub fn parse_time(text: &str) -> Result<Timestamp, String> {
    checked_time(text).map_err(String::from)
}

/// [`parse_time`], its refusal with the message that says it in the newsroom's language.
pub fn checked_time(text: &str) -> Result<Timestamp, Problem> {
    let text = text.trim();
    let at = text.parse::<Timestamp>().map_err(|_| {
        Problem::new(
            format!(
                "\"{text}\" is not an RFC 3339 time with an offset, like 2024-07-17T11:32:00+03:00"
            ),
            Phrase::new("ed-not-rfc3339").with("value", text),
        )
    })?;
    if at < EARLIEST_PUBLICATION {
        return Err(Problem::new(
            format!(
                "\"{text}\" is before 1900: use a time between the years 1900 and 9999, like \
                 2024-07-17T11:32:00+03:00"
            ),
            Phrase::new("ed-time-before-1900").with("value", text),
        ));
    }
    Ok(at)
}

/// Decides the stored status and publication time. A publication time in the future
/// makes an article scheduled; a scheduled time already past publishes it; publishing
/// without a time means now, and a published article keeps its time across edits.
fn resolve_schedule(
    status: ArticleStatus,
    explicit: Option<Timestamp>,
    current: Option<&Article>,
    now: Timestamp,
) -> Result<(ArticleStatus, Option<Timestamp>), Problem> {
    let current_time = current.and_then(|a| a.published_at);
    match status {
        ArticleStatus::Draft => Ok((ArticleStatus::Draft, explicit.or(current_time))),
        ArticleStatus::Scheduled => match explicit.or(current_time) {
            None => Err(Problem::new(
                "a scheduled article needs published_at, the time to publish it",
                Phrase::new("ed-schedule-needs-time"),
            )),
            Some(at) if at <= now => Ok((ArticleStatus::Published, Some(at))),
            Some(at) => Ok((ArticleStatus::Scheduled, Some(at))),
        },
        ArticleStatus::Published => match explicit {
            Some(at) if at > now => Ok((ArticleStatus::Scheduled, Some(at))),
            Some(at) => Ok((ArticleStatus::Published, Some(at))),
            None => match current {
                Some(a) if a.status == ArticleStatus::Published => {
                    Ok((ArticleStatus::Published, a.published_at.or(Some(now))))
                }
                _ => Ok((ArticleStatus::Published, Some(now))),
            },
        },
    }
}

/// A required field left empty: the English names the field, the translation sits under it.
fn required(english: &str) -> crate::domain::Problem {
    crate::domain::Problem::new(english, crate::i18n::Phrase::new("field-required"))
}

#[cfg(test)]
mod tests {
    use super::{images_without_alt, parse_time};

    #[test]
    fn a_refusal_that_travels_as_english_finds_its_translation() {
        use crate::domain::{ArticleStatus, Role};
        let english = super::not_yours(Role::Author).english;
        let phrase = super::refusal_phrase(&english).expect("a phrase");
        assert_eq!(phrase.id, "ed-not-yours");
        let english = super::drafts_only(ArticleStatus::Scheduled).english;
        assert_eq!(
            super::refusal_phrase(&english).map(|p| p.id),
            Some("ed-drafts-only")
        );
        assert_eq!(super::refusal_phrase("Something else went wrong."), None);
    }

    #[test]
    fn publication_times_run_from_1900_to_the_year_9999() {
        assert!(parse_time("1900-01-01T00:00:00Z").is_ok());
        assert!(parse_time("1900-01-01T03:00:00+03:00").is_ok());
        assert!(parse_time("2024-07-17T11:32:00+03:00").is_ok());
        assert!(parse_time("9999-12-01T00:00:00Z").is_ok());
        for early in [
            "0001-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z",
            "1900-01-01T02:59:59+03:00",
            "-000001-01-01T00:00:00Z",
        ] {
            let message = parse_time(early).expect_err(early);
            assert!(
                message.contains("between the years 1900 and 9999"),
                "{message}"
            );
        }
        assert!(parse_time("yesterday").is_err());
    }

    #[test]
    fn images_need_a_description() {
        assert_eq!(
            images_without_alt("Text ![](/media/a-320.jpg) and ![ ](x.png)"),
            2
        );
        assert_eq!(
            images_without_alt("![Boats](/media/a-320.jpg) [link](x) ![]"),
            0
        );
        assert_eq!(images_without_alt("no images"), 0);
    }
}
