//! A live blog as readers see it: each entry rendered once (`live_entry.html`) for the page
//! and for the event that brings it to the pages already open, on this instance and, through
//! the notices, on the others. The reader's page, the API and the composer share it.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::media::Responsive;
use super::views::{self, TimeView};
use super::{AppError, AppState};
use crate::live_blog::BlogPage;
use crate::store::{Article, EntryOrder, LiveEntry, StoreError};

/// What happened to an entry, as the stream's `entry` events and the notices say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryAction {
    New,
    Edited,
    Deleted,
}

#[derive(Debug, Serialize)]
struct PhotoView {
    responsive: Responsive,
    alt: String,
    caption: Option<String>,
    credit_line: Option<String>,
}

/// One entry as `live_entry.html` shows it.
#[derive(Debug, Serialize)]
struct EntryView {
    id: i64,
    title: Option<String>,
    key_event: bool,
    pinned: bool,
    time: TimeView,
    /// `14:05` in the site's zone: what a live page shows beside each entry.
    clock: String,
    /// When it was last changed, if after it was posted.
    edited: Option<TimeView>,
    body_html: String,
    photo: Option<PhotoView>,
    author: Option<String>,
    /// Whether this copy carries the entry's anchor (the pinned copy does not).
    anchor: bool,
}

impl AppState {
    /// An entry's HTML, as the page shows it and as its event carries it.
    pub async fn entry_html(&self, entry: &LiveEntry, anchor: bool) -> Result<String, AppError> {
        let settings = self.settings();
        let photo = match entry.media_id {
            Some(id) => match self.store.media_by_id(id).await {
                Ok(media) => Some(PhotoView {
                    responsive: Responsive::new(&media),
                    alt: media.alt.clone(),
                    caption: media.caption.clone(),
                    credit_line: media.credit.as_deref().map(views::credit_line),
                }),
                Err(StoreError::NotFound) => None,
                Err(other) => return Err(other.into()),
            },
            None => None,
        };
        let view = EntryView {
            id: entry.id,
            title: entry.title.clone(),
            key_event: entry.key_event,
            pinned: entry.pinned,
            time: TimeView::new(&settings, entry.created_at),
            clock: clock(&settings, entry.created_at),
            edited: (entry.updated_at > entry.created_at)
                .then(|| TimeView::new(&settings, entry.updated_at)),
            body_html: self.article_body(&entry.body).await?,
            photo,
            author: entry.author_name.clone(),
            anchor,
        };
        Ok(self
            .theme
            .render("live_entry.html", minijinja::context! { e => view })?)
    }

    /// Tells the readers with the story open, here and on the other instances, that an
    /// entry was posted, edited or deleted.
    pub async fn announce_entry(&self, article_id: i64, entry_id: i64, action: EntryAction) {
        self.send_entry_event(article_id, entry_id, action).await;
        self.peers.tell(super::peers::Change::Entry {
            article_id,
            entry_id,
            action,
        });
    }

    /// Sends an entry's event to this instance's open pages; the entry as it is now is
    /// read back, so an event never carries words that were replaced meanwhile.
    pub(crate) async fn send_entry_event(
        &self,
        article_id: i64,
        entry_id: i64,
        action: EntryAction,
    ) {
        let payload = match self.entry_event(article_id, entry_id, action).await {
            Ok(payload) => payload,
            Err(error) => {
                tracing::warn!(
                    ?error,
                    article_id,
                    entry_id,
                    "could not render a live entry"
                );
                return;
            }
        };
        self.live
            .send_event(article_id, "entry", payload.to_string());
    }

    /// Tells the readers with a live blog open, here and on the other instances, that it
    /// ended or reopened.
    pub async fn announce_coverage(&self, article_id: i64) {
        self.send_coverage_event(article_id).await;
        self.peers
            .tell(super::peers::Change::Coverage { article_id });
    }

    /// Sends a live blog's state to this instance's open pages, read back as it is now:
    /// `{"live": true}`, or `{"live": false, "ended": time}`.
    pub(crate) async fn send_coverage_event(&self, article_id: i64) {
        let coverage = match self.store.coverage(article_id).await {
            Ok(coverage) => coverage,
            Err(error) => {
                tracing::warn!(?error, article_id, "could not read a live blog's coverage");
                return;
            }
        };
        let settings = self.settings();
        let payload = json!({
            "live": coverage.ended_at.is_none(),
            "ended": coverage.ended_at.map(|at| TimeView::new(&settings, at)),
        });
        self.live
            .send_event(article_id, "coverage", payload.to_string());
    }

    async fn entry_event(
        &self,
        article_id: i64,
        entry_id: i64,
        action: EntryAction,
    ) -> Result<Value, AppError> {
        let settings = self.settings();
        let (_, last_updated) = self.store.entry_totals(article_id).await?;
        let updated = last_updated.map(|at| TimeView::new(&settings, at));
        let entry = match action {
            EntryAction::Deleted => None,
            EntryAction::New | EntryAction::Edited => {
                match self.store.entry(article_id, entry_id).await {
                    Ok(entry) => Some(entry),
                    // Deleted since: readers are told it is gone.
                    Err(StoreError::NotFound) => None,
                    Err(other) => return Err(other.into()),
                }
            }
        };
        Ok(match entry {
            Some(entry) => json!({
                "action": action,
                "id": entry.id,
                "html": self.entry_html(&entry, true).await?,
                "pinned": entry.pinned,
                "key_event": entry.key_event,
                "title": entry.title,
                "clock": clock(&settings, entry.created_at),
                "last_updated": updated,
            }),
            None => json!({
                "action": EntryAction::Deleted,
                "id": entry_id,
                "last_updated": updated,
            }),
        })
    }

    /// The live blog part of a story's page, for `article.html`.
    pub async fn live_blog_view(
        &self,
        article: &Article,
        blog: &BlogPage,
    ) -> Result<Value, AppError> {
        let settings = self.settings();
        let path = crate::editions::story_path(article);
        let mut entries = Vec::with_capacity(blog.entries.len());
        for entry in &blog.entries {
            entries.push(self.entry_html(entry, true).await?);
        }
        let pinned = match &blog.pinned {
            Some(entry) => Some(self.entry_html(entry, false).await?),
            None => None,
        };
        let key_events: Vec<Value> = blog
            .key_events
            .iter()
            .map(|k| {
                let page = blog.page_of(k.newer);
                let href = if page == blog.number {
                    format!("#entry-{}", k.id)
                } else if page == 1 {
                    format!("{path}#entry-{}", k.id)
                } else {
                    format!("{path}?page={page}#entry-{}", k.id)
                };
                json!({
                    "href": href,
                    "title": k.title,
                    "clock": clock(&settings, k.created_at),
                    "time": TimeView::new(&settings, k.created_at),
                })
            })
            .collect();
        let link = |n: u32| {
            if n == 1 {
                format!("{path}#live")
            } else {
                format!("{path}?page={n}#live")
            }
        };
        let (newer_label, older_label) = match blog.coverage.order {
            EntryOrder::NewestFirst => ("Newer updates", "Older updates"),
            EntryOrder::OldestFirst => ("Earlier updates", "Later updates"),
        };
        let updated = blog
            .last_updated
            .or(article.published_at)
            .map(|at| TimeView::new(&settings, at));
        Ok(json!({
            "is_live": blog.coverage.ended_at.is_none(),
            "ended": blog.coverage.ended_at.map(|at| TimeView::new(&settings, at)),
            "order": blog.coverage.order,
            "number": blog.number,
            "pages": blog.pages,
            "total": blog.total,
            "previous": (blog.number > 1).then(|| link(blog.number - 1)),
            "next": (blog.number < blog.pages).then(|| link(blog.number + 1)),
            "previous_label": newer_label,
            "next_label": older_label,
            "last_updated": updated,
            "key_events": key_events,
            "pinned": pinned,
            "entries": entries,
        }))
    }
}

/// `14:05` in the site's zone.
fn clock(settings: &crate::config::Settings, at: jiff::Timestamp) -> String {
    at.to_zoned(settings.timezone.zone().clone())
        .strftime("%H:%M")
        .to_string()
}
