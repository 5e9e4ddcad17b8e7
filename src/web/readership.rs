//! Counting reads without tracking readers: no cookie, no address, only a number per
//! article per hour, buffered in memory and written in one transaction every
//! `FLUSH_INTERVAL` (and when the server stops), so counting never slows a page.
//! A crash loses at most the reads of the last interval.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::store::Store;

pub const FLUSH_INTERVAL: Duration = Duration::from_secs(5);

/// User agents of crawlers, monitors and scripts, whose fetches are not reads.
const NOT_READERS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "curl",
    "wget",
    "python",
    "java/",
    "go-http",
    "okhttp",
    "headless",
    "lighthouse",
    "monitor",
    "preview",
    "facebookexternalhit",
    "feed",
    "http_request",
];

/// Whether a request with this `User-Agent` is a person reading.
pub fn is_reader(user_agent: Option<&str>) -> bool {
    match user_agent {
        None => false,
        Some(agent) => {
            let agent = agent.to_ascii_lowercase();
            agent.contains("mozilla/") && !NOT_READERS.iter().any(|word| agent.contains(word))
        }
    }
}

#[derive(Default)]
pub struct ReadCounter {
    pending: Mutex<HashMap<(i64, i64), i64>>,
}

impl ReadCounter {
    /// Starts the counter and the task that writes its counts every interval.
    pub fn start(store: Arc<dyn Store>) -> Arc<ReadCounter> {
        let counter = Arc::new(ReadCounter::default());
        let weak = Arc::downgrade(&counter);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(FLUSH_INTERVAL);
            tick.tick().await;
            loop {
                tick.tick().await;
                let Some(counter) = weak.upgrade() else {
                    return;
                };
                counter.flush(store.as_ref()).await;
            }
        });
        counter
    }

    /// Counts one read of an article, now.
    pub fn record(&self, article_id: i64) {
        let hour = jiff::Timestamp::now().as_second().div_euclid(3600);
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        *pending.entry((article_id, hour)).or_default() += 1;
    }

    /// Writes the buffered counts; on failure they stay buffered for the next try.
    pub async fn flush(&self, store: &dyn Store) {
        let batch: Vec<(i64, i64, i64)> = {
            let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
            pending.drain().map(|((a, h), n)| (a, h, n)).collect()
        };
        if batch.is_empty() {
            return;
        }
        if let Err(error) = store.record_views(&batch).await {
            tracing::warn!(%error, "could not save read counts; keeping them for the next try");
            let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
            for (article, hour, n) in batch {
                *pending.entry((article, hour)).or_default() += n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_reader;

    #[test]
    fn browsers_are_readers_and_bots_are_not() {
        assert!(is_reader(Some(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1"
        )));
        assert!(!is_reader(Some(
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        )));
        assert!(!is_reader(Some("curl/8.1")));
        assert!(!is_reader(Some(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36"
        )));
        assert!(!is_reader(None));
    }
}
