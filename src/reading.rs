//! What readers' pages read on every request, held in memory between changes: the
//! sections (the navigation on every page, and a section page's heading), the header and
//! footer menus, how many stories each public list holds (for "page 2 of 40"), the
//! breaking-news banner and the Most read / Most reacted lists, so no page counts the
//! archive or asks for the banner on
//! each request. What the newsroom changes is forgotten here, and on the other instances
//! through the notices (`web::peers`); counts, the banner and the popular lists are also
//! read again after `COUNT_AGE`, since a story whose publication time comes joins the
//! lists, and reads and reactions move the popular lists, without any newsroom write.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::changes::Touched;
use crate::front_page::FrontPage;
use crate::pages::menus::Menus;
use crate::store::{
    Article, BreakingNews, EditionFilter, PublicFilter, Section, Store, StoreResult, Translation,
};

/// How long a list's count is trusted without a change.
pub const COUNT_AGE: Duration = Duration::from_secs(30);

/// Most lists whose counts are kept (sections, tags and authors read recently).
const MOST_COUNTS: usize = 10_000;

#[derive(Default)]
pub struct Memory {
    sections: RwLock<Option<Arc<Vec<Section>>>>,
    /// The header and footer menus, with their sections' and pages' names.
    menus: RwLock<Option<Arc<Menus>>>,
    counts: Mutex<HashMap<PublicFilter, (i64, Instant)>>,
    /// One read of a list's count at a time: the requests that miss together wait for it
    /// (at 100,000 stories a count costs up to a second, and 64 at once took minutes).
    counting: Mutex<HashMap<PublicFilter, Arc<tokio::sync::Mutex<()>>>>,
    /// Moves on at every change, so a read begun before a change is not kept after it.
    sections_generation: AtomicU64,
    counts_generation: AtomicU64,
    /// The banner as last read (none up, or up with its story), and when it was read.
    breaking: RwLock<Option<Fetched<Option<Banner>>>>,
    breaking_generation: AtomicU64,
    /// The popular lists by window (hours) and length, and when each was read.
    popular: Mutex<PopularLists>,
    popular_generation: AtomicU64,
}

/// The breaking-news banner with its story.
/// The breaking-news banner: what is up, its story, and the story's translations (so each
/// edition's pages can show the story in their language without a statement each).
pub type Banner = (BreakingNews, Arc<Article>, Arc<Vec<Translation>>);

/// Something read from the store, and when.
type Fetched<T> = (T, Instant);

/// The popular lists held, by window (hours) and length.
type PopularLists = HashMap<(i64, u32, Option<EditionFilter>), Fetched<Arc<Popular>>>;

/// The most read and most reacted stories over a window, with their reads and reactions.
#[derive(Debug, Default)]
pub struct Popular {
    pub most_read: Vec<(Article, i64)>,
    pub most_reacted: Vec<(Article, i64)>,
}

impl Popular {
    fn shows(&self, id: i64) -> bool {
        self.most_read
            .iter()
            .chain(&self.most_reacted)
            .any(|(article, _)| article.id == id)
    }
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Memory {
    /// Every section in navigation order.
    pub async fn sections(&self, store: &dyn Store) -> StoreResult<Arc<Vec<Section>>> {
        if let Some(sections) = read(&self.sections).as_ref() {
            return Ok(sections.clone());
        }
        let generation = self.sections_generation.load(Ordering::SeqCst);
        let sections = Arc::new(store.list_sections().await?);
        let mut kept = write(&self.sections);
        if self.sections_generation.load(Ordering::SeqCst) == generation {
            *kept = Some(sections.clone());
        }
        Ok(sections)
    }

    /// The menus every page shows. Read again after any change that may rename what they
    /// link (sections, pages, the menus themselves: `forget_sections`).
    pub async fn menus(&self, store: &dyn Store) -> StoreResult<Arc<Menus>> {
        if let Some(menus) = read(&self.menus).as_ref() {
            return Ok(menus.clone());
        }
        let generation = self.sections_generation.load(Ordering::SeqCst);
        let menus = Arc::new(crate::pages::menus::load(store).await?);
        let mut kept = write(&self.menus);
        if self.sections_generation.load(Ordering::SeqCst) == generation {
            *kept = Some(menus.clone());
        }
        Ok(menus)
    }

    /// A section by its slug, from the sections in memory; `None` if there is none (it
    /// may have moved: the caller asks the store about old slugs).
    pub async fn section_by_slug(
        &self,
        store: &dyn Store,
        slug: &str,
    ) -> StoreResult<Option<Section>> {
        let sections = self.sections(store).await?;
        Ok(sections.iter().find(|s| s.slug.as_str() == slug).cloned())
    }

    /// How many published stories a list holds now.
    pub async fn count(
        &self,
        store: &dyn Store,
        filter: PublicFilter,
        now: Timestamp,
    ) -> StoreResult<i64> {
        if filter.published_since.is_some() {
            return store.count_public_articles(filter, now).await;
        }
        self.held_count(filter, || store.count_public_articles(filter, now))
            .await
    }

    /// A list's count as held, or read by `read` once for every request that misses it
    /// together.
    async fn held_count<F, R>(&self, filter: PublicFilter, read: F) -> StoreResult<i64>
    where
        F: FnOnce() -> R,
        R: std::future::Future<Output = StoreResult<i64>>,
    {
        let held = lock(&self.counts).get(&filter).copied();
        if let Some((count, at)) = held
            && at.elapsed() < COUNT_AGE
        {
            return Ok(count);
        }
        let flight = {
            let mut counting = lock(&self.counting);
            if counting.len() >= MOST_COUNTS {
                counting.clear();
            }
            Arc::clone(counting.entry(filter).or_default())
        };
        // A count that is only old (no change has forgotten it) is served while one
        // request reads it again; without one, everyone waits for the single read.
        let _reading = match (held, flight.try_lock()) {
            (_, Ok(reading)) => reading,
            (Some((count, _)), Err(_)) => return Ok(count),
            (None, Err(_)) => flight.lock().await,
        };
        if let Some((count, at)) = lock(&self.counts).get(&filter)
            && at.elapsed() < COUNT_AGE
        {
            return Ok(*count);
        }
        let generation = self.counts_generation.load(Ordering::SeqCst);
        let count = read().await?;
        let mut counts = lock(&self.counts);
        if self.counts_generation.load(Ordering::SeqCst) == generation {
            if counts.len() >= MOST_COUNTS {
                counts.retain(|_, (_, at)| at.elapsed() < COUNT_AGE);
                if counts.len() >= MOST_COUNTS {
                    counts.clear();
                }
            }
            counts.insert(filter, (count, Instant::now()));
        }
        Ok(count)
    }

    /// The breaking-news banner readers see now, with its story: none once it has expired
    /// or its story is no longer public.
    pub async fn breaking(&self, store: &dyn Store, now: Timestamp) -> StoreResult<Option<Banner>> {
        let up = |banner: &Option<Banner>| {
            banner
                .as_ref()
                .filter(|(banner, article, _)| banner.until > now && article.is_public(now))
                .cloned()
        };
        if let Some((banner, at)) = read(&self.breaking).as_ref()
            && at.elapsed() < COUNT_AGE
        {
            return Ok(up(banner));
        }
        let generation = self.breaking_generation.load(Ordering::SeqCst);
        let banner = match FrontPage::new(store).active_breaking(now).await? {
            Some((banner, article)) => {
                // A story with no translations costs no statement here.
                let translations = crate::editions::translations_of(store, &article).await?;
                Some((banner, Arc::new(article), Arc::new(translations)))
            }
            None => None,
        };
        let shown = up(&banner);
        let mut kept = write(&self.breaking);
        if self.breaking_generation.load(Ordering::SeqCst) == generation {
            *kept = Some((banner, Instant::now()));
        }
        Ok(shown)
    }

    /// The most read and most reacted public stories over the last `hours`, `limit` of each.
    pub async fn popular(
        &self,
        store: &dyn Store,
        hours: i64,
        limit: u32,
        edition: Option<EditionFilter>,
        now: Timestamp,
    ) -> StoreResult<Arc<Popular>> {
        if let Some((popular, at)) = lock(&self.popular).get(&(hours, limit, edition))
            && at.elapsed() < COUNT_AGE
        {
            return Ok(popular.clone());
        }
        let generation = self.popular_generation.load(Ordering::SeqCst);
        let since = now - jiff::SignedDuration::from_hours(hours);
        let popular = Arc::new(Popular {
            most_read: store.most_read(since, limit, edition, now).await?,
            most_reacted: store.most_reacted(since, limit, edition, now).await?,
        });
        let mut kept = lock(&self.popular);
        if self.popular_generation.load(Ordering::SeqCst) == generation {
            kept.insert((hours, limit, edition), (popular.clone(), Instant::now()));
        }
        Ok(popular)
    }

    /// Forgets what `touched` made stale here. Answers whether the change concerns the
    /// story in the breaking-news banner, which every page shows: then every page is stale.
    pub fn forget(&self, touched: &Touched) -> bool {
        let story = match touched {
            Touched::Everything => {
                self.forget_all();
                return true;
            }
            Touched::Listing { id, .. } => {
                self.forget_counts();
                Some(*id)
            }
            Touched::Tags { .. } | Touched::Authors { .. } => {
                self.forget_counts();
                // Names shown in the popular lists' bylines.
                self.forget_popular();
                None
            }
            Touched::Story { id } => Some(*id),
            // A page of the site's own (About, Contact...) is in no list, banner or menu
            // count; its name in the menus is forgotten with the sections.
            Touched::Page { .. } => None,
            // New entries change the live blog's own page, not what the lists show of it.
            Touched::LiveBlog { .. } => None,
        };
        let Some(id) = story else {
            return false;
        };
        if lock(&self.popular).values().any(|(p, _)| p.shows(id)) {
            self.forget_popular();
        }
        let in_banner = read(&self.breaking)
            .as_ref()
            .and_then(|(banner, _)| banner.as_ref())
            .is_some_and(|(_, article, translations)| {
                article.id == id || translations.iter().any(|t| t.article_id == id)
            });
        if in_banner {
            self.forget_breaking();
        }
        in_banner
    }

    /// The banner went up or came down.
    pub fn forget_breaking(&self) {
        self.breaking_generation.fetch_add(1, Ordering::SeqCst);
        *write(&self.breaking) = None;
    }

    /// A story in the popular lists changed or left the public lists.
    pub fn forget_popular(&self) {
        self.popular_generation.fetch_add(1, Ordering::SeqCst);
        lock(&self.popular).clear();
    }

    /// Sections, pages or menus were added, renamed, moved or removed.
    pub fn forget_sections(&self) {
        self.sections_generation.fetch_add(1, Ordering::SeqCst);
        *write(&self.sections) = None;
        *write(&self.menus) = None;
    }

    /// A story joined or left a list (published, unpublished, moved, deleted).
    pub fn forget_counts(&self) {
        self.counts_generation.fetch_add(1, Ordering::SeqCst);
        lock(&self.counts).clear();
    }

    /// Anything may have changed.
    pub fn forget_all(&self) {
        self.forget_sections();
        self.forget_counts();
        self.forget_breaking();
        self.forget_popular();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;

    use super::*;

    /// Readers who miss a list's count together (a fresh start, or just after a change)
    /// wait for one read: at 100,000 stories a count takes up to a second, and 64 readers
    /// each counting took a list page down.
    #[tokio::test]
    async fn readers_missing_a_count_together_read_it_once() {
        let memory = Memory::default();
        let reads = AtomicUsize::new(0);
        let filter = PublicFilter {
            section_id: Some(7),
            ..PublicFilter::default()
        };
        let read = || async {
            reads.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(20)).await;
            Ok(40)
        };
        let answers =
            futures_util::future::join_all((0..24).map(|_| memory.held_count(filter, read))).await;
        assert!(answers.iter().all(|a| matches!(a, Ok(40))), "{answers:?}");
        assert_eq!(reads.load(Ordering::SeqCst), 1, "24 readers, one count");
        // Held from then on; a change forgets it at once.
        memory.held_count(filter, read).await.expect("held");
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        memory.forget_counts();
        memory.held_count(filter, read).await.expect("read again");
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }
}
