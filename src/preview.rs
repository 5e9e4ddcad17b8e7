//! Previews before publication: a shareable link for someone outside the newsroom, signed,
//! valid for 48 hours and revocable, showing the story in the public theme (never indexed).

use jiff::{SignedDuration, Timestamp};

use crate::newsroom::{Newsroom, NewsroomError, NewsroomResult, may_edit};
use crate::store::{Article, PreviewLink, Store, StoreError, User};

/// How long a shared preview link works.
pub const PREVIEW_HOURS: i64 = 48;

/// Why a preview link no longer opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    Unknown,
    Expired,
    Revoked,
}

impl Closed {
    pub fn sentence(self) -> &'static str {
        match self {
            Closed::Unknown => "This preview link is not valid. Ask the newsroom for a new one.",
            Closed::Expired => {
                "This preview link has expired (they work for 48 hours). Ask the newsroom for a new one."
            }
            Closed::Revoked => "This preview link was withdrawn by the newsroom.",
        }
    }
}

pub struct Previews<'a> {
    store: &'a dyn Store,
}

impl<'a> Previews<'a> {
    pub fn new(store: &'a dyn Store) -> Self {
        Previews { store }
    }

    /// A new link for a story that is not public yet. Whoever may change the story may
    /// share it.
    pub async fn share(
        &self,
        article_id: i64,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<PreviewLink> {
        let article = self.store.article_by_id(article_id).await?;
        may_edit(user, &article)?;
        if article.is_public(now) {
            return Err(NewsroomError::Forbidden(
                "This story is published: share its address instead of a preview.".into(),
            ));
        }
        let expires = now + SignedDuration::from_hours(PREVIEW_HOURS);
        let link = self
            .store
            .create_preview_link(article.id, Some(user.id), now, expires)
            .await?;
        Newsroom::new(self.store)
            .audit(
                Some(user),
                "share preview",
                &format!("article \"{}\" (#{})", article.title, article.id),
                Some(format!("link #{} valid until {expires}", link.id)),
                now,
            )
            .await;
        Ok(link)
    }

    /// Withdraws a link at once.
    pub async fn revoke(
        &self,
        article_id: i64,
        link_id: i64,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<()> {
        let article = self.store.article_by_id(article_id).await?;
        may_edit(user, &article)?;
        let link = self.store.preview_link(link_id).await?;
        if link.article_id != article.id {
            return Err(NewsroomError::NotFound);
        }
        self.store.revoke_preview_link(link.id, now).await?;
        Newsroom::new(self.store)
            .audit(
                Some(user),
                "revoke preview",
                &format!("article \"{}\" (#{})", article.title, article.id),
                Some(format!("link #{}", link.id)),
                now,
            )
            .await;
        Ok(())
    }

    /// The story a checked link shows, or why it no longer opens. `expires` is the expiry
    /// the signed link carries; it must be the one on record.
    pub async fn open(
        &self,
        link_id: i64,
        expires: i64,
        now: Timestamp,
    ) -> NewsroomResult<Result<Article, Closed>> {
        let link = match self.store.preview_link(link_id).await {
            Ok(link) => link,
            Err(StoreError::NotFound) => return Ok(Err(Closed::Unknown)),
            Err(other) => return Err(other.into()),
        };
        if link.expires_at.as_second() != expires {
            return Ok(Err(Closed::Unknown));
        }
        if link.revoked_at.is_some() {
            return Ok(Err(Closed::Revoked));
        }
        if link.expires_at <= now {
            return Ok(Err(Closed::Expired));
        }
        match self.store.article_by_id(link.article_id).await {
            Ok(article) => Ok(Ok(article)),
            Err(StoreError::NotFound) => Ok(Err(Closed::Unknown)),
            Err(other) => Err(other.into()),
        }
    }
}
