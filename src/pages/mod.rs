//! The site's own pages (About, Contact, Privacy, a corrections policy...): who may change
//! them, what a valid one is, their revisions and old addresses, and what a change makes
//! stale. Menus and readers' contact messages are in `menus` and `contact`.

pub mod contact;
pub mod menus;

use jiff::Timestamp;
use serde::Deserialize;

use crate::changes::{self, Touched};
use crate::domain::{FieldErrors, Problem, Slug, optional_text, required_text};
use crate::i18n::Phrase;
use crate::newsroom::{Newsroom, NewsroomError, NewsroomResult, with_unique_slug};
use crate::store::{PageInput, PageRevision, SitePage, Store, StoreError, User};

pub const MAX_TITLE: usize = 200;
pub const MAX_BODY: usize = 100_000;
pub const MAX_SEO_TITLE: usize = 120;
pub const MAX_SEO_DESCRIPTION: usize = 300;

/// First parts of addresses the site itself answers, so no page may take them as its
/// slug: a page there would never be reached, or would hide what is there.
pub const RESERVED_SLUGS: &[&str] = &[
    "a",
    "admin",
    "api",
    "article",
    "articles",
    "atom",
    "author",
    "authors",
    "corrections",
    "feed",
    "feeds",
    "ghost",
    "healthz",
    "home",
    "index",
    "login",
    "logout",
    "media",
    "metrics",
    "preview",
    "readyz",
    "robots",
    "search",
    "section",
    "section-colours",
    "sections",
    "sitemap",
    "sitemaps",
    "static",
    "tag",
    "tags",
];

/// Whether `path` is where a page could be (`/about`): one slug-shaped part that the site
/// does not use for anything else. The page cache keeps such addresses.
pub fn is_page_address(path: &str) -> bool {
    path.strip_prefix('/').is_some_and(|slug| {
        !slug.is_empty()
            && !slug.contains('/')
            && Slug::parse(slug).is_ok()
            && !RESERVED_SLUGS.contains(&slug)
    })
}

/// A page's slug: a valid slug that no address of the site's own uses.
pub fn parse_page_slug(text: &str) -> Result<Slug, Problem> {
    let slug = Slug::parse(text)?;
    if RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(Problem::new(
            format!(
                "\"{slug}\" is an address the site itself uses (/{slug}); choose another slug, \
                 like \"{slug}-page\" or \"about-{slug}\""
            ),
            Phrase::new("lib-page-slug-reserved").with("slug", slug.as_str()),
        ));
    }
    Ok(slug)
}

/// A page as an editor sends it (API or newsroom form). Missing fields keep what the page
/// has; on a new page they are empty (title and body are required).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRequest {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub body: Option<String>,
    pub seo_title: Option<String>,
    pub seo_description: Option<String>,
    pub contact_form: Option<bool>,
    /// Its edition's language code; `""` is the site's own (see `editions::requested_language`).
    #[serde(default)]
    pub language: Option<String>,
    /// The version the change was based on; a newer page refuses it (`409`).
    pub version: Option<i64>,
}

/// Who may change pages: editors and admins.
pub fn may_change(user: &User) -> NewsroomResult<()> {
    if user.role.is_editor() {
        Ok(())
    } else {
        Err(NewsroomError::Forbidden(format!(
            "Pages are managed by editors and admins; you are {}.",
            user.role.with_article()
        )))
    }
}

/// The page rules over a store.
pub struct Pages<'a> {
    store: &'a dyn Store,
}

impl<'a> Pages<'a> {
    pub fn new(store: &'a dyn Store) -> Pages<'a> {
        Pages { store }
    }

    pub async fn list(&self) -> NewsroomResult<Vec<SitePage>> {
        Ok(self.store.list_pages().await?)
    }

    pub async fn get(&self, id: i64) -> NewsroomResult<SitePage> {
        Ok(self.store.page_by_id(id).await?)
    }

    pub async fn revisions(&self, id: i64) -> NewsroomResult<Vec<PageRevision>> {
        self.store.page_by_id(id).await?;
        Ok(self.store.page_revisions(id).await?)
    }

    /// Checks a request against the page it changes (`None` for a new one); the slug
    /// comes back with whether the editor chose it.
    fn input(
        request: &PageRequest,
        current: Option<&SitePage>,
    ) -> NewsroomResult<(PageInput, bool)> {
        let mut errors = FieldErrors::new();
        let title = match (&request.title, current) {
            (None, Some(page)) => Some(page.title.clone()),
            (title, _) => errors.check(
                "title",
                required_text(title.as_deref().unwrap_or(""), "the title", MAX_TITLE),
            ),
        };
        let body = match (&request.body, current) {
            (None, Some(page)) => Some(page.body.clone()),
            (body, _) => errors.check(
                "body",
                required_text(body.as_deref().unwrap_or(""), "the text", MAX_BODY),
            ),
        };
        let optional = |errors: &mut FieldErrors,
                        field: &str,
                        given: &Option<String>,
                        kept: Option<&Option<String>>,
                        what: &str,
                        max: usize| match (given, kept) {
            (None, Some(kept)) => kept.clone(),
            (given, _) => errors
                .check(field, optional_text(given.as_deref(), what, max))
                .flatten(),
        };
        let seo_title = optional(
            &mut errors,
            "seo_title",
            &request.seo_title,
            current.map(|p| &p.seo_title),
            "the search title",
            MAX_SEO_TITLE,
        );
        let seo_description = optional(
            &mut errors,
            "seo_description",
            &request.seo_description,
            current.map(|p| &p.seo_description),
            "the search description",
            MAX_SEO_DESCRIPTION,
        );
        let slug = match request.slug.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => errors
                .check("slug", parse_page_slug(text))
                .map(|s| (s, true)),
            _ => match current {
                Some(page) => Some((page.slug.clone(), true)),
                None => title.as_deref().map(|title| {
                    let made = Slug::from_title(title);
                    // A title like "Search" makes a reserved slug: the page gets another.
                    if RESERVED_SLUGS.contains(&made.as_str()) {
                        (Slug::from_title(&format!("{title} page")), false)
                    } else {
                        (made, false)
                    }
                }),
            },
        };
        let language = match (request.language.as_deref().map(str::trim), current) {
            (Some(""), _) => None,
            (Some(code), _) => errors.check("language", crate::domain::Language::parse(code)),
            (None, Some(page)) => page.language,
            (None, None) => None,
        };
        errors.into_result().map_err(NewsroomError::Invalid)?;
        let (Some(title), Some(body), Some((slug, chosen))) = (title, body, slug) else {
            return Err(NewsroomError::Invalid(FieldErrors::single(
                "title",
                Problem::new("the title is required", Phrase::new("field-required")),
            )));
        };
        let contact_form = request
            .contact_form
            .or(current.map(|p| p.contact_form))
            .unwrap_or(false);
        Ok((
            PageInput {
                slug,
                title,
                body,
                seo_title,
                seo_description,
                contact_form,
                language,
            },
            chosen,
        ))
    }

    pub async fn create(
        &self,
        request: &PageRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<SitePage> {
        may_change(user)?;
        let (input, chosen) = Self::input(request, None)?;
        let page = with_unique_slug(input.slug.clone(), chosen, |slug| {
            let input = PageInput {
                slug,
                ..input.clone()
            };
            async move { self.store.create_page(&input, Some(user.id), now).await }
        })
        .await?;
        // The sitemap lists it, and a menu may come to link it.
        changes::record(Touched::Everything);
        self.audit(user, "create page", &page, now).await;
        Ok(page)
    }

    pub async fn update(
        &self,
        id: i64,
        request: &PageRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<SitePage> {
        may_change(user)?;
        let current = self.store.page_by_id(id).await?;
        let (input, _) = Self::input(request, Some(&current))?;
        let expected = request.version.unwrap_or(current.version);
        self.save(&current, expected, &input, user, now).await
    }

    /// Saves `input` over `current` as a new version, keeping a revision.
    async fn save(
        &self,
        current: &SitePage,
        expected: i64,
        input: &PageInput,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<SitePage> {
        let page = match self
            .store
            .update_page(current.id, expected, input, Some(user.id), now)
            .await
        {
            Ok(page) => page,
            Err(StoreError::StaleVersion { expected, current }) => {
                return Err(NewsroomError::InUse(format!(
                    "This page was changed by someone else (now version {current}) since \
                     version {expected} was loaded; nothing was overwritten, and your text is \
                     kept among the page's revisions."
                )));
            }
            Err(StoreError::Taken { .. }) => {
                return Err(NewsroomError::Invalid(FieldErrors::single(
                    "slug",
                    Problem::new(
                        format!(
                            "\"{}\" is already another page's slug; choose another",
                            input.slug
                        ),
                        Phrase::new("lib-page-slug-taken").with("slug", input.slug.as_str()),
                    ),
                )));
            }
            Err(other) => return Err(other.into()),
        };
        // Menus and the sitemap show a page's title and address; its own page shows the rest.
        changes::record(
            if current.title != page.title || current.slug != page.slug {
                Touched::Everything
            } else {
                Touched::Page { id: page.id }
            },
        );
        self.audit(user, "edit page", &page, now).await;
        Ok(page)
    }

    /// Puts a revision's words back as a new version.
    pub async fn restore(
        &self,
        id: i64,
        revision_id: i64,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<SitePage> {
        may_change(user)?;
        let current = self.store.page_by_id(id).await?;
        let revision = self
            .store
            .page_revisions(id)
            .await?
            .into_iter()
            .find(|r| r.id == revision_id)
            .ok_or(NewsroomError::NotFound)?;
        let mut input = revision.snapshot;
        // Its old slug may have been taken by another page since: the page keeps its own.
        if self
            .store
            .page_by_slug(input.slug.as_str())
            .await
            .is_ok_and(|other| other.id != id)
        {
            input.slug = current.slug.clone();
        }
        self.save(&current, current.version, &input, user, now)
            .await
    }

    pub async fn delete(&self, id: i64, user: &User, now: Timestamp) -> NewsroomResult<()> {
        may_change(user)?;
        let page = self.store.page_by_id(id).await?;
        self.store.delete_page(id).await?;
        changes::record(Touched::Everything);
        self.audit(user, "delete page", &page, now).await;
        Ok(())
    }

    async fn audit(&self, user: &User, action: &str, page: &SitePage, now: Timestamp) {
        let subject = format!("page \"{}\" (/{})", page.title, page.slug);
        Newsroom::new(self.store)
            .audit(Some(user), action, &subject, None, now)
            .await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_live_at_one_slug_that_the_site_does_not_use() {
        assert!(is_page_address("/about"));
        assert!(is_page_address("/corrections-policy"));
        assert!(!is_page_address("/"));
        assert!(!is_page_address("/search"));
        assert!(!is_page_address("/metrics"));
        assert!(!is_page_address("/article/x"));
        assert!(!is_page_address("/feed.xml"));
        assert!(parse_page_slug("admin").is_err());
        assert!(parse_page_slug("about-us").is_ok());
    }
}
