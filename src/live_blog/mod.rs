//! Live blogs: a story covered as it happens, as a stream of dated entries. Who may post,
//! what a valid entry is, the one pinned entry, key events, closing the coverage, and the
//! page of entries a reader sees. The API, the composer and the demo all go through here.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::changes::{self, Touched};
use crate::domain::{FieldErrors, optional_text, required_text};
use crate::i18n::Phrase;
use crate::newsroom::{Newsroom, NewsroomError, NewsroomResult};
use crate::store::{
    Article, Coverage, EntryOrder, KeyEvent, LiveEntry, NewEntry, Store, StoreError, User,
};

/// Entries on one page of a live blog.
pub const PER_PAGE: u32 = 20;
/// The longest entry: a live update is short; a long text belongs in a story.
pub const MAX_BODY: usize = 20_000;
/// A key event's title, as short as a headline in the "Key events" list.
pub const MAX_TITLE: usize = 120;
/// Key events listed at the top of the page (the newest).
pub const KEY_EVENTS_SHOWN: u32 = 30;
/// Most entries one API call lists.
pub const MAX_LISTED: u32 = 100;

/// An entry as a reporter or script sends it. On create, `body` is required; on update,
/// missing fields keep their value (`"media_id": null` takes the photo away).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryRequest {
    pub body: Option<String>,
    pub title: Option<String>,
    pub key_event: Option<bool>,
    pub pinned: Option<bool>,
    #[serde(default, deserialize_with = "present_or_null")]
    pub media_id: Option<Option<i64>>,
}

fn present_or_null<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// How an editor sets a blog's coverage: its order, and whether it has ended.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageRequest {
    pub order: Option<String>,
    pub ended: Option<bool>,
}

/// What a reader's page of a live blog shows.
#[derive(Debug, Clone)]
pub struct BlogPage {
    pub coverage: Coverage,
    /// The pinned entry, on the first page only.
    pub pinned: Option<LiveEntry>,
    pub key_events: Vec<KeyEvent>,
    pub entries: Vec<LiveEntry>,
    pub number: u32,
    pub pages: u32,
    pub total: i64,
    /// When an entry was last posted or edited.
    pub last_updated: Option<Timestamp>,
}

impl BlogPage {
    /// The page of the blog an entry is on, from how many entries are newer than it.
    pub fn page_of(&self, newer: i64) -> u32 {
        let before = match self.coverage.order {
            EntryOrder::NewestFirst => newer,
            EntryOrder::OldestFirst => self.total - 1 - newer,
        };
        u32::try_from(before.max(0) / i64::from(PER_PAGE)).unwrap_or(0) + 1
    }
}

/// Whether a story is covered live, so its page shows entries and takes new ones.
pub fn is_live_blog(article: &Article) -> bool {
    article.format == crate::domain::ArticleFormat::Live
}

pub struct LiveBlog<'a> {
    store: &'a dyn Store,
}

impl<'a> LiveBlog<'a> {
    pub fn new(store: &'a dyn Store) -> Self {
        LiveBlog { store }
    }

    /// Editors and admins post to any live blog; an author to the stories they created
    /// or carry their byline. Contributors do not: an entry is public at once.
    pub async fn may_post(&self, user: &User, article: &Article) -> NewsroomResult<()> {
        if user.role.is_editor() {
            return Ok(());
        }
        if !user.role.can_publish() {
            return Err(NewsroomError::Forbidden(
                "An entry is public the moment it is posted, so contributors cannot post to a \
                 live blog. Ask an editor, or send your update to the story's author."
                    .into(),
            ));
        }
        if article.created_by == Some(user.id) {
            return Ok(());
        }
        if let Some(author_id) = self.store.byline_of(user.id).await?
            && article.authors.iter().any(|a| a.id == author_id)
        {
            return Ok(());
        }
        Err(NewsroomError::Forbidden(format!(
            "You are not one of the authors of \"{}\": as {} you may post only to the live \
             blogs you write for. Ask an editor to add you to its byline.",
            article.title,
            user.role.with_article()
        )))
    }

    /// The story, if it is a live blog this member may post to.
    pub async fn story_for(&self, article_id: i64, user: &User) -> NewsroomResult<Article> {
        let article = self.store.article_by_id(article_id).await?;
        self.may_post(user, &article).await?;
        if !is_live_blog(&article) {
            return Err(NewsroomError::InUse(format!(
                "\"{}\" is not a live blog: set its format to Live in the editor first.",
                article.title
            )));
        }
        Ok(article)
    }

    pub async fn post(
        &self,
        article_id: i64,
        request: &EntryRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<LiveEntry> {
        let article = self.story_for(article_id, user).await?;
        let entry = self.checked(request, NewEntry::default()).await?;
        let entry = self
            .store
            .add_entry(article.id, &entry, Some(user.id), now)
            .await?;
        changes::record(Touched::LiveBlog { id: article.id });
        Ok(entry)
    }

    pub async fn edit(
        &self,
        article_id: i64,
        entry_id: i64,
        request: &EntryRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<LiveEntry> {
        let article = self.story_for(article_id, user).await?;
        let current = self.store.entry(article.id, entry_id).await?;
        let before = NewEntry {
            body: current.body,
            title: current.title,
            key_event: current.key_event,
            pinned: current.pinned,
            media_id: current.media_id,
        };
        let entry = self.checked(request, before).await?;
        let entry = self
            .store
            .update_entry(article.id, entry_id, &entry, now)
            .await?;
        changes::record(Touched::LiveBlog { id: article.id });
        Ok(entry)
    }

    pub async fn delete(
        &self,
        article_id: i64,
        entry_id: i64,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<()> {
        let article = self.story_for(article_id, user).await?;
        let entry = self.store.entry(article.id, entry_id).await?;
        self.store.delete_entry(article.id, entry_id).await?;
        changes::record(Touched::LiveBlog { id: article.id });
        let excerpt: String = entry.body.chars().take(80).collect();
        Newsroom::new(self.store)
            .audit(
                Some(user),
                "delete live entry",
                &article.title,
                Some(excerpt),
                now,
            )
            .await;
        Ok(())
    }

    /// Sets the order and opens or closes the coverage. Closing is for editors, and for
    /// the authors who may post.
    pub async fn set_coverage(
        &self,
        article_id: i64,
        request: &CoverageRequest,
        user: &User,
        now: Timestamp,
    ) -> NewsroomResult<Coverage> {
        let article = self.story_for(article_id, user).await?;
        let mut coverage = self.store.coverage(article.id).await?;
        let mut errors = FieldErrors::new();
        if let Some(order) = &request.order {
            match EntryOrder::parse(order.trim()) {
                Ok(order) => coverage.order = order,
                Err(english) => errors.say(
                    "order",
                    english,
                    Phrase::new("sto-live-unknown-order").with("value", order.trim()),
                ),
            }
        }
        errors.into_result().map_err(NewsroomError::Invalid)?;
        let was_ended = coverage.ended_at.is_some();
        match request.ended {
            Some(true) if !was_ended => coverage.ended_at = Some(now),
            Some(false) => coverage.ended_at = None,
            _ => {}
        }
        self.store.set_coverage(&coverage, Some(user.id)).await?;
        changes::record(Touched::LiveBlog { id: article.id });
        if was_ended != coverage.ended_at.is_some() {
            let action = if was_ended {
                "reopen live blog"
            } else {
                "end live blog"
            };
            Newsroom::new(self.store)
                .audit(Some(user), action, &article.title, None, now)
                .await;
        }
        Ok(coverage)
    }

    /// A request laid over an entry as it stands, checked whole.
    async fn checked(
        &self,
        request: &EntryRequest,
        mut entry: NewEntry,
    ) -> NewsroomResult<NewEntry> {
        let mut errors = FieldErrors::new();
        if let Some(body) = &request.body {
            entry.body = body.clone();
        }
        if let Some(body) = errors.check("body", required_text(&entry.body, "The update", MAX_BODY))
        {
            entry.body = body;
        }
        if let Some(title) = &request.title {
            entry.title = errors
                .check(
                    "title",
                    optional_text(Some(title.as_str()), "The title", MAX_TITLE),
                )
                .flatten();
        }
        if let Some(key_event) = request.key_event {
            entry.key_event = key_event;
        }
        if entry.key_event && entry.title.is_none() {
            errors.say(
                "title",
                "a key event needs a short title for the \"Key events\" list",
                Phrase::new("sto-live-key-event-title"),
            );
        }
        if let Some(pinned) = request.pinned {
            entry.pinned = pinned;
        }
        if let Some(media_id) = request.media_id {
            entry.media_id = media_id;
        }
        if let Some(id) = entry.media_id {
            match self.store.media_by_id(id).await {
                Ok(_) => {}
                Err(StoreError::NotFound) => errors.say(
                    "media_id",
                    format!("there is no photo {id} in the library; upload it first"),
                    Phrase::new("sto-live-no-such-photo").with("id", id.to_string()),
                ),
                Err(other) => return Err(other.into()),
            }
        }
        errors.into_result().map_err(NewsroomError::Invalid)?;
        Ok(entry)
    }

    /// The page of a live blog a reader asked for (1 is the first); `NotFound` past the
    /// last.
    pub async fn page(&self, article: &Article, number: u32) -> NewsroomResult<BlogPage> {
        let coverage = self.store.coverage(article.id).await?;
        let (total, last_updated) = self.store.entry_totals(article.id).await?;
        let pages = u32::try_from((total.max(1) + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE))
            .unwrap_or(u32::MAX);
        if number == 0 || number > pages {
            return Err(NewsroomError::NotFound);
        }
        let entries = self
            .store
            .entries(
                article.id,
                coverage.order,
                (number - 1).saturating_mul(PER_PAGE),
                PER_PAGE,
            )
            .await?;
        let pinned = if number == 1 {
            self.store.pinned_entry(article.id).await?
        } else {
            None
        };
        let key_events = self.store.key_events(article.id, KEY_EVENTS_SHOWN).await?;
        Ok(BlogPage {
            coverage,
            pinned,
            key_events,
            entries,
            number,
            pages,
            total,
            last_updated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(order: EntryOrder, total: i64) -> BlogPage {
        BlogPage {
            coverage: Coverage {
                article_id: 1,
                order,
                ended_at: None,
            },
            pinned: None,
            key_events: Vec::new(),
            entries: Vec::new(),
            number: 1,
            pages: 1,
            total,
            last_updated: None,
        }
    }

    #[test]
    fn a_key_event_links_to_the_page_it_is_on() {
        let newest_first = page(EntryOrder::NewestFirst, 45);
        assert_eq!(newest_first.page_of(0), 1);
        assert_eq!(newest_first.page_of(19), 1);
        assert_eq!(newest_first.page_of(20), 2);
        assert_eq!(newest_first.page_of(44), 3);
        let oldest_first = page(EntryOrder::OldestFirst, 45);
        assert_eq!(oldest_first.page_of(44), 1);
        assert_eq!(oldest_first.page_of(0), 3);
    }
}
