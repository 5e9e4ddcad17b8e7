//! Invalidation by what changed: a cached page records what it shows (`Shows`), a write
//! declares what it touched (`Touched`), and a change drops only the pages that show it.
//! A page that records nothing is taken to show everything, so a page type that has not
//! said what it shows is dropped by every change rather than served stale.

use std::collections::BTreeSet;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::store::Article;

/// A list of stories a page shows part of: its pages shift when a story joins or leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "list", content = "id", rename_all = "snake_case")]
pub enum List {
    /// Every published story: the home page, the site's feeds and sitemaps.
    Latest,
    Section(i64),
    Tag(i64),
    Author(i64),
    /// Every correction and clarification: the public corrections page.
    Corrections,
}

/// What a rendered page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shows {
    /// Stories whose headline, summary, byline, section or comment count the page shows.
    pub stories: BTreeSet<i64>,
    /// Tags whose name or address the page shows.
    pub tags: BTreeSet<i64>,
    /// Authors whose name or address the page shows.
    pub authors: BTreeSet<i64>,
    /// Lists the page shows part of.
    pub lists: BTreeSet<List>,
    /// The site's own pages (About, Contact...) whose words the page shows.
    pub pages: BTreeSet<i64>,
    /// Stories whose live-blog entries and coverage the page shows.
    pub live_blogs: BTreeSet<i64>,
}

impl Shows {
    /// Records a story shown as a card or a page: itself and its bylines.
    pub fn story(&mut self, article: &Article) {
        self.stories.insert(article.id);
        self.authors.extend(article.authors.iter().map(|a| a.id));
    }

    /// Records a story shown in full: also its tags.
    pub fn story_in_full(&mut self, article: &Article) {
        self.story(article);
        self.tags.extend(article.tags.iter().map(|t| t.id));
    }

    pub fn list(&mut self, list: List) {
        self.lists.insert(list);
    }

    /// Records a story's live blog shown: its entries, pinned entry and coverage.
    pub fn live_blog(&mut self, article_id: i64) {
        self.live_blogs.insert(article_id);
    }

    /// Whether a page showing this is stale after `touched`.
    pub fn stale_after(&self, touched: &Touched) -> bool {
        match touched {
            Touched::Everything => true,
            Touched::Story { id } => self.stories.contains(id),
            Touched::LiveBlog { id } => self.live_blogs.contains(id),
            Touched::Listing { id, lists } => {
                self.stories.contains(id) || lists.iter().any(|l| self.lists.contains(l))
            }
            Touched::Tags { ids } => ids
                .iter()
                .any(|id| self.tags.contains(id) || self.lists.contains(&List::Tag(*id))),
            Touched::Authors { ids } => ids
                .iter()
                .any(|id| self.authors.contains(id) || self.lists.contains(&List::Author(*id))),
            Touched::Page { id } => self.pages.contains(id),
        }
    }
}

/// What a write changed that readers' pages may show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "touched", rename_all = "snake_case")]
pub enum Touched {
    /// Anything may have changed (sections, settings, a change not described).
    Everything,
    /// A story's words, photo or comments changed; it is in the same lists as before.
    Story { id: i64 },
    /// A live blog's entries or coverage changed: only the pages showing the blog, not
    /// the lists that show the story as a card.
    LiveBlog { id: i64 },
    /// A story joined or left lists (published, unpublished, deleted, moved, re-tagged,
    /// bylines or publication time changed): the pages showing it, and every page of the
    /// lists it was or is in.
    Listing { id: i64, lists: Vec<List> },
    /// Tags renamed, removed or merged: the pages naming them and their lists.
    Tags { ids: Vec<i64> },
    /// Authors renamed or removed: the pages naming them and their lists.
    Authors { ids: Vec<i64> },
    /// One of the site's own pages changed its words, and not its title or address
    /// (which menus and the sitemap show: that is `Everything`).
    Page { id: i64 },
}

/// The lists a public story is in.
fn lists_of(article: &Article, now: Timestamp) -> Vec<List> {
    if !article.is_public(now) {
        return Vec::new();
    }
    let mut lists = vec![List::Latest, List::Section(article.section.id)];
    lists.extend(article.tags.iter().map(|t| List::Tag(t.id)));
    lists.extend(article.authors.iter().map(|a| List::Author(a.id)));
    lists
}

/// What saving (or creating, or deleting) a story touched, from the story before and
/// after.
pub fn story_change(before: Option<&Article>, after: Option<&Article>, now: Timestamp) -> Touched {
    let Some(id) = after.or(before).map(|a| a.id) else {
        return Touched::Everything;
    };
    let old = before.map(|a| lists_of(a, now)).unwrap_or_default();
    let new = after.map(|a| lists_of(a, now)).unwrap_or_default();
    let same_place = match (before, after) {
        (Some(b), Some(a)) => old == new && b.published_at == a.published_at,
        _ => false,
    };
    if same_place {
        return Touched::Story { id };
    }
    let mut lists: Vec<List> = old.into_iter().chain(new).collect();
    lists.sort();
    lists.dedup();
    Touched::Listing { id, lists }
}

/// What one newsroom request changed, as the rules record it (`record`) while it runs.
#[derive(Debug, Default)]
pub struct Journal {
    /// Changes recorded and not yet applied to the page cache.
    pub touched: Vec<Touched>,
    /// The request said what it changed (possibly nothing readers see).
    pub declared: bool,
}

tokio::task_local! {
    static JOURNAL: std::sync::Arc<std::sync::Mutex<Journal>>;
}

fn with_journal(f: impl FnOnce(&mut Journal)) {
    let _ = JOURNAL.try_with(|journal| {
        f(&mut journal
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    });
}

/// Records a change for the request under way (`journaled`) to apply when it ends;
/// outside one (the scheduler, the command line, imports) it goes nowhere, and those
/// callers say themselves that everything changed.
pub fn record(touched: Touched) {
    with_journal(|journal| {
        journal.declared = true;
        journal.touched.push(touched);
    });
}

/// Says the request under way described its changes itself (already applied).
pub fn declare() {
    with_journal(|journal| journal.declared = true);
}

/// Runs a request, collecting what its rules record.
pub async fn journaled<F: std::future::Future>(request: F) -> (F::Output, Journal) {
    let journal = std::sync::Arc::new(std::sync::Mutex::new(Journal::default()));
    let output = JOURNAL.scope(journal.clone(), request).await;
    let journal = std::mem::take(
        &mut *journal
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()),
    );
    (output, journal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_stale_only_after_a_change_to_what_it_shows() {
        let mut home = Shows::default();
        home.list(List::Latest);
        home.stories.extend([1, 2]);
        home.authors.insert(7);
        let mut tag_page = Shows::default();
        tag_page.list(List::Tag(3));
        tag_page.tags.insert(3);
        tag_page.stories.insert(2);

        assert!(home.stale_after(&Touched::Story { id: 1 }));
        assert!(!home.stale_after(&Touched::Story { id: 9 }));
        assert!(!tag_page.stale_after(&Touched::Story { id: 1 }));
        let published = Touched::Listing {
            id: 9,
            lists: vec![List::Latest, List::Section(4)],
        };
        assert!(home.stale_after(&published));
        assert!(!tag_page.stale_after(&published));
        assert!(tag_page.stale_after(&Touched::Tags { ids: vec![3] }));
        assert!(!home.stale_after(&Touched::Tags { ids: vec![3] }));
        assert!(home.stale_after(&Touched::Authors { ids: vec![7] }));
        assert!(tag_page.stale_after(&Touched::Everything));
    }

    #[test]
    fn a_live_blog_entry_drops_the_blog_not_the_lists_showing_its_card() {
        let mut home = Shows::default();
        home.list(List::Latest);
        home.stories.insert(4);
        let mut blog = Shows::default();
        blog.stories.insert(4);
        blog.live_blog(4);
        let entry = Touched::LiveBlog { id: 4 };
        assert!(blog.stale_after(&entry));
        assert!(!home.stale_after(&entry));
        assert!(blog.stale_after(&Touched::Story { id: 4 }));
    }

    #[test]
    fn notices_name_what_changed() {
        let touched = Touched::Listing {
            id: 5,
            lists: vec![List::Latest, List::Tag(2)],
        };
        let text = serde_json::to_string(&touched).expect("json");
        assert_eq!(
            text,
            r#"{"touched":"listing","id":5,"lists":[{"list":"latest"},{"list":"tag","id":2}]}"#
        );
        assert_eq!(
            serde_json::from_str::<Touched>(&text).expect("parse"),
            touched
        );
    }
}
