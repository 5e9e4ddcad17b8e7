//! What readers' pages read on every request, held in memory between changes: the
//! sections (a section page's heading), the header and footer menus and how many
//! stories each public list holds (for "page 2 of 40"), so no page counts the archive on
//! each request. What the newsroom changes is forgotten here, and on the other instances
//! through the notices (`web::peers`); counts are also read again after `COUNT_AGE`, since
//! a story whose publication time comes joins the lists without any write.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use jiff::Timestamp;

use crate::pages::menus::Menus;
use crate::store::{PublicFilter, Section, Store, StoreResult};

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
    /// Moves on at every change, so a read begun before a change is not kept after it.
    sections_generation: AtomicU64,
    counts_generation: AtomicU64,
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
        if let Some((count, at)) = lock(&self.counts).get(&filter)
            && at.elapsed() < COUNT_AGE
        {
            return Ok(*count);
        }
        let generation = self.counts_generation.load(Ordering::SeqCst);
        let count = store.count_public_articles(filter, now).await?;
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
    }
}
